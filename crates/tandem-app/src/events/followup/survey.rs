//! The second-stage survey (DOMAIN.md: "second-stage survey ~6 months later: no further contact
//! / no further contact but knowledge gained / valuable contact / negotiation started /
//! agreement reached"): once the event is over, each party says for each meeting that took place
//! what it led to, and may change the answer later. The survey email (`survey_job`) links here,
//! and so does the participant's meetings page, so it can be answered any time after the event.

use super::agreement::{profile_choices, ProfileChoices};
use super::{participant, party_meeting, PartyMeeting};
use crate::events::access::{load, now};
use crate::{App, AppError, AppResult};
use tandem_core::events::event::Event;
use tandem_core::events::followup::{check_surveyable, parse_outcome, Feedback};
use tandem_core::events::registration::Registration;
use tandem_core::events::{FollowUpOutcome, MeetingOutcome, MeetingState};
use tandem_core::policy::Actor;
use tandem_core::{EventId, MeetingId};
use tandem_store::meetings::{self, ParticipantMeeting};
use tandem_store::{feedback, registrations};

/// One meeting on the survey page.
#[derive(Debug, Clone)]
pub struct SurveyItem {
    /// The meeting with the other party, the profile concerned and the slot.
    pub meeting: ParticipantMeeting,
    /// What the participant said so far.
    pub feedback: Option<Feedback>,
    /// Its slot has ended, so it can be rated.
    pub rateable: bool,
    /// For "agreement reached" without an agreement recorded yet: the profiles it can be
    /// recorded from, or why it cannot be.
    pub agreement: Option<ProfileChoices>,
}

/// A participant's survey of one event.
#[derive(Debug, Clone)]
pub struct Survey {
    /// The event.
    pub event: Event,
    /// The participant.
    pub me: Registration,
    /// The event is over: outcomes can be given.
    pub open: bool,
    /// Their meetings that took place or will (accepted, scheduled and not missed), by time.
    pub items: Vec<SurveyItem>,
}

/// The actor's survey of `event_id`: their scheduled meetings with their ratings and answers
/// (approved participants only).
pub async fn survey(app: &App, actor: &Actor, event_id: EventId) -> AppResult<Survey> {
    let mut conn = app.db().acquire().await?;
    let event = load(conn.conn(), event_id).await?;
    let me = participant(conn.conn(), actor, event_id).await?;
    let now = now();
    let open = event.ends_at <= now;
    let given = feedback::for_registration(conn.conn(), me.id).await?;
    let mut items = Vec::new();
    for m in meetings::for_registration(conn.conn(), me.id).await? {
        // Only meetings that took place (or will): a missed one has nothing to follow up.
        let missed = m.meeting.outcome.is_some_and(|o| o != MeetingOutcome::Held);
        if m.meeting.state != MeetingState::Accepted || m.meeting.slot_id.is_none() || missed {
            continue;
        }
        let feedback = given.iter().find(|f| f.meeting_id == m.meeting.id).cloned();
        let wants_agreement = feedback.as_ref().is_some_and(|f| f.outcome == Some(FollowUpOutcome::Agreement) && f.agreement_id.is_none());
        let agreement = if open && wants_agreement {
            let partner = registrations::get(conn.conn(), m.partner_id).await?.ok_or(AppError::NotFound)?;
            Some(profile_choices(conn.conn(), &m.meeting, &me, &partner).await?)
        } else {
            None
        };
        let rateable = m.slot_ends_at.is_some_and(|end| end <= now);
        items.push(SurveyItem { meeting: m, feedback, rateable, agreement });
    }
    Ok(Survey { event, me, open, items })
}

/// The actor's answer for meeting `id` (an outcome key), replacing an earlier one; for its
/// parties once the event is over. "Agreement reached" takes over the agreement the other party
/// recorded for this meeting, if any, so the two never record it twice.
pub async fn answer(app: &App, actor: &Actor, id: MeetingId, outcome: &str) -> AppResult<Feedback> {
    let now = now();
    let mut tx = app.db().begin().await?;
    let PartyMeeting { event, meeting, me, partner, slot_ends_at } = party_meeting(tx.conn(), actor, id).await?;
    check_surveyable(&meeting, slot_ends_at, event.ends_at, now)?;
    let outcome = parse_outcome(outcome)?;
    feedback::answer(tx.conn(), id, me.id, outcome).await?;
    if outcome == FollowUpOutcome::Agreement
        && let Some(agreement) = feedback::get(tx.conn(), id, partner.id).await?.and_then(|f| f.agreement_id)
    {
        feedback::link_agreement(tx.conn(), id, me.id, agreement).await?;
    }
    let saved = feedback::get(tx.conn(), id, me.id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(saved)
}
