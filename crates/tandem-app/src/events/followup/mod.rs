//! Follow-up of a brokerage event (issue 5, item 6; DOMAIN.md, "Brokerage events": "rate each
//! meeting; second-stage survey ~6 months later"):
//!
//! - `ratings`: each party rates a meeting (1–5, with a comment) once its slot has ended;
//! - `survey`: after the event each party says what the meeting led to (the second stage);
//! - `agreement`: "agreement reached" records the partnership agreement between the two
//!   organisations through the agreements use case, linked to the answer, once;
//! - `survey_job`: about six months after the event, emails each participant the survey once;
//! - `statistics`: the organisers' figures (requests, acceptance, meetings held, no-shows,
//!   meetings across cities, ratings, outcomes);
//! - `messages`: the survey email.
//!
//! Only the two parties of a meeting rate it and answer for it; only organisers see the
//! statistics. The rules themselves are in `tandem_core::events::followup`.

pub mod agreement;
pub mod messages;
pub mod ratings;
pub mod statistics;
pub mod survey;
pub mod survey_job;

use crate::{AppError, AppResult};
use chrono::{DateTime, Utc};
use tandem_core::events::event::Event;
use tandem_core::events::followup::FollowUpRefusal;
use tandem_core::events::meeting::Meeting;
use tandem_core::events::registration::Registration;
use tandem_core::events::RegistrationState;
use tandem_core::policy::{Actor, Denied};
use tandem_core::{EventId, MeetingId};
use tandem_store::{events, meetings, registrations, Conn};

/// Path of a participant's follow-up survey of an event (also linked from their meetings).
pub fn survey_path(event: EventId) -> String {
    format!("/events/{event}/survey")
}

/// Path of the page where a party rates a meeting.
pub fn feedback_path(meeting: MeetingId) -> String {
    format!("/meetings/{meeting}/feedback")
}

/// Path of an event's statistics page.
pub fn statistics_path(event: EventId) -> String {
    format!("/events/{event}/statistics")
}

impl From<FollowUpRefusal> for AppError {
    fn from(refusal: FollowUpRefusal) -> Self {
        AppError::Invalid(refusal.into())
    }
}

/// The actor's approved registration at `event`; anyone else is refused.
async fn participant(conn: Conn<'_>, actor: &Actor, event: EventId) -> AppResult<Registration> {
    let user = actor.user()?;
    match registrations::find_for_user(conn, event, user.id).await? {
        Some(r) if r.state == RegistrationState::Approved => Ok(r),
        _ => Err(Denied::Forbidden.into()),
    }
}

/// A meeting seen by one of its parties, with what the follow-up asks about it.
pub(crate) struct PartyMeeting {
    /// The event.
    pub event: Event,
    /// The meeting.
    pub meeting: Meeting,
    /// The actor's registration.
    pub me: Registration,
    /// The other party's.
    pub partner: Registration,
    /// When the meeting's slot ends (None: not placed).
    pub slot_ends_at: Option<DateTime<Utc>>,
}

/// Meeting `id` for one of its two parties; anyone else is refused.
pub(crate) async fn party_meeting(mut conn: Conn<'_>, actor: &Actor, id: MeetingId) -> AppResult<PartyMeeting> {
    actor.user()?;
    let meeting = meetings::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let me = participant(conn.reborrow(), actor, meeting.event_id).await?;
    let partner_id = meeting.partner_of(me.id).ok_or(Denied::Forbidden)?;
    let partner = registrations::get(conn.reborrow(), partner_id).await?.ok_or(AppError::NotFound)?;
    let event = events::get(conn.reborrow(), meeting.event_id).await?.ok_or(AppError::NotFound)?;
    let slot_ends_at = match meeting.slot_id {
        Some(slot) => events::slot(conn, slot).await?.map(|s| s.ends_at),
        None => None,
    };
    Ok(PartyMeeting { event, meeting, me, partner, slot_ends_at })
}
