//! A party rates a meeting once its slot has ended: 1 (not useful) to 5 (very useful), with an
//! optional comment, and may change the rating later. One rating per party and meeting.

use super::{party_meeting, PartyMeeting};
use crate::events::access::now;
use crate::{App, AppResult};
use chrono::{DateTime, Utc};
use tandem_core::events::event::Event;
use tandem_core::events::followup::{check_rateable, Feedback, RatingDraft};
use tandem_core::events::meeting::Meeting;
use tandem_core::policy::Actor;
use tandem_core::MeetingId;
use tandem_store::{events, feedback, organisations};

/// What the rating page shows: the meeting, the other party and the rating given so far.
#[derive(Debug, Clone)]
pub struct RatingPage {
    /// The event.
    pub event: Event,
    /// The meeting.
    pub meeting: Meeting,
    /// The other party's name.
    pub partner_name: String,
    /// Their organisation's name.
    pub partner_org: Option<String>,
    /// The slot's start and end.
    pub slot: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// The actor's feedback so far.
    pub feedback: Option<Feedback>,
}

/// The meeting to rate, for one of its parties once its slot has ended (refused before, with
/// the reason).
pub async fn page(app: &App, actor: &Actor, id: MeetingId) -> AppResult<RatingPage> {
    let mut conn = app.db().acquire().await?;
    let PartyMeeting { event, meeting, me, partner, slot_ends_at } = party_meeting(conn.conn(), actor, id).await?;
    check_rateable(&meeting, slot_ends_at, now())?;
    let slot = match meeting.slot_id {
        Some(slot) => events::slot(conn.conn(), slot).await?.map(|s| (s.starts_at, s.ends_at)),
        None => None,
    };
    let partner_org = match partner.org_id {
        Some(org) => organisations::get(conn.conn(), org).await?.map(|o| o.name),
        None => None,
    };
    let feedback = feedback::get(conn.conn(), id, me.id).await?;
    Ok(RatingPage { event, meeting, partner_name: partner.display_name, partner_org, slot, feedback })
}

/// Stores (or replaces) the actor's rating of meeting `id`: its parties only, once its slot has
/// ended; the rating must be 1 to 5.
pub async fn rate(app: &App, actor: &Actor, id: MeetingId, draft: &RatingDraft) -> AppResult<Feedback> {
    let now = now();
    let mut tx = app.db().begin().await?;
    let PartyMeeting { meeting, me, slot_ends_at, .. } = party_meeting(tx.conn(), actor, id).await?;
    check_rateable(&meeting, slot_ends_at, now)?;
    let input = draft.validate()?;
    feedback::rate(tx.conn(), id, me.id, input.rating, input.comment.as_deref(), now).await?;
    let saved = feedback::get(tx.conn(), id, me.id).await?.ok_or(crate::AppError::NotFound)?;
    tx.commit().await?;
    Ok(saved)
}
