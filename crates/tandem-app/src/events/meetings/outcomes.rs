//! The event day (issue 5, item 5; DOMAIN.md: "no-shows and late changes are the biggest pain;
//! capture held/no-show per meeting"): either party or an organiser records whether a placed
//! meeting was held or who did not come.
//!
//! Rules ([`check`]): only an accepted meeting with a slot, only from the slot's start, never at
//! a called-off event. A party may change their own record until someone else recorded the
//! meeting; an organiser always may (they correct disputes). Each record notes who made it.

use super::messages::slot_time;
use super::{event, now, organiser, reload, retrying, TxError};
use crate::{App, AppError, AppResult};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use tandem_core::account::Locale;
use tandem_core::events::event::{Slot, Tz};
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{EventState, MeetingOutcome, MeetingState};
use tandem_core::policy::{Actor, Denied};
use tandem_core::validation::ValidationErrors;
use tandem_core::{EventId, MeetingId, UserId};
use tandem_store::{events, meetings, registrations};

/// Who records an outcome, or recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorder {
    /// The participant who asked for the meeting.
    Requester,
    /// The participant who was asked.
    Receiver,
    /// One of the event's organisers (or an account since deleted).
    Organiser,
}

impl Recorder {
    /// Who recorded `m`'s outcome, given the users behind its two parties (None: nothing recorded).
    pub fn of(m: &Meeting, requester_user: UserId, receiver_user: UserId) -> Option<Recorder> {
        m.outcome?;
        Some(match m.outcome_by {
            Some(u) if u == requester_user => Recorder::Requester,
            Some(u) if u == receiver_user => Recorder::Receiver,
            _ => Recorder::Organiser,
        })
    }
}

/// What a party who was there says when the other did not come: `requester` is true when the
/// one recording asked for the meeting.
pub fn partner_absent(requester: bool) -> MeetingOutcome {
    if requester { MeetingOutcome::ReceiverAbsent } else { MeetingOutcome::RequesterAbsent }
}

/// Why an outcome is refused. Each has a stable code (translated by the pages as
/// `meetings-error-<code>`) and an English message that says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutcomeRefusal {
    /// Not an accepted meeting with a slot (a request, cancelled, or never scheduled).
    NotPlaced,
    /// The slot has not started; the English message names its time.
    NotStarted(String),
    /// The event was called off.
    EventCancelled,
    /// The other party recorded it: only an organiser changes that.
    RecordedByPartner,
    /// An organiser recorded it: only an organiser changes that.
    RecordedByOrganiser,
    /// Not one of the outcomes.
    UnknownOutcome,
}

impl OutcomeRefusal {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            OutcomeRefusal::NotPlaced => "outcome_not_placed",
            OutcomeRefusal::NotStarted(_) => "outcome_too_early",
            OutcomeRefusal::EventCancelled => "outcome_event_cancelled",
            OutcomeRefusal::RecordedByPartner => "outcome_recorded_by_partner",
            OutcomeRefusal::RecordedByOrganiser => "outcome_recorded_by_organiser",
            OutcomeRefusal::UnknownOutcome => "outcome_unknown",
        }
    }

    /// What happened and what to do, in English.
    pub fn message(&self) -> String {
        match self {
            OutcomeRefusal::NotPlaced => "only an accepted meeting with a time slot can be marked held or no-show".into(),
            OutcomeRefusal::NotStarted(when) => {
                format!("the meeting has not started yet; you can mark it held or no-show from its start ({when})")
            }
            OutcomeRefusal::EventCancelled => "the event was called off; its meetings cannot be marked".into(),
            OutcomeRefusal::RecordedByPartner => {
                "the other participant has already recorded this meeting; ask an organiser to correct it".into()
            }
            OutcomeRefusal::RecordedByOrganiser => "an organiser has recorded this meeting; ask them to correct it".into(),
            OutcomeRefusal::UnknownOutcome => "choose whether the meeting was held or who did not come".into(),
        }
    }
}

impl From<OutcomeRefusal> for ValidationErrors {
    fn from(refusal: OutcomeRefusal) -> Self {
        let mut errors = ValidationErrors::default();
        errors.add("outcome", refusal.code(), refusal.message());
        errors
    }
}

impl From<OutcomeRefusal> for TxError {
    fn from(refusal: OutcomeRefusal) -> Self {
        TxError::App(AppError::Invalid(refusal.into()))
    }
}

/// Whether `by` may record an outcome for `m` at `now`, at an event in `state` on the clock of
/// `tz`: `slot` is the meeting's slot (None when it has none), `recorded` who recorded the
/// current outcome.
pub fn check(state: EventState, tz: Tz, m: &Meeting, slot: Option<&Slot>, now: DateTime<Utc>, by: Recorder, recorded: Option<Recorder>) -> Result<(), OutcomeRefusal> {
    if state == EventState::Cancelled {
        return Err(OutcomeRefusal::EventCancelled);
    }
    let slot = match slot {
        Some(s) if m.state == MeetingState::Accepted && m.slot_id == Some(s.id) => s,
        _ => return Err(OutcomeRefusal::NotPlaced),
    };
    if now < slot.starts_at {
        return Err(OutcomeRefusal::NotStarted(slot_time(Locale::En, tz, slot.starts_at, slot.ends_at)));
    }
    match (by, recorded) {
        (Recorder::Organiser, _) | (_, None) => Ok(()),
        (party, Some(r)) if r == party => Ok(()),
        (_, Some(Recorder::Organiser)) => Err(OutcomeRefusal::RecordedByOrganiser),
        (_, Some(_)) => Err(OutcomeRefusal::RecordedByPartner),
    }
}

/// Records what happened to a meeting: by either party or an organiser of its event (anyone
/// else is refused). Returns the meeting as stored.
pub async fn record(app: &App, actor: &Actor, id: MeetingId, outcome: MeetingOutcome) -> AppResult<Meeting> {
    let user = actor.user()?.id;
    retrying(|_| async move {
        let mut tx = app.db().begin().await?;
        let m = reload(tx.conn(), id).await?;
        let event = event(tx.conn(), m.event_id).await?;
        let not_found = || TxError::App(AppError::NotFound);
        let requester = registrations::get(tx.conn(), m.requester_id).await?.ok_or_else(not_found)?;
        let receiver = registrations::get(tx.conn(), m.receiver_id).await?.ok_or_else(not_found)?;
        // An organiser acts as one even at their own meetings: they may correct any record.
        let by = if organiser(tx.conn(), actor, event.id).await.is_ok() {
            Recorder::Organiser
        } else if user == requester.user_id {
            Recorder::Requester
        } else if user == receiver.user_id {
            Recorder::Receiver
        } else {
            return Err(Denied::Forbidden.into());
        };
        // Serialises with the partner or an organiser recording at the same moment.
        meetings::lock_participants(tx.conn(), requester.id, Some(receiver.id)).await?;
        let m = reload(tx.conn(), id).await?;
        let slot = match m.slot_id {
            Some(slot) => events::slot(tx.conn(), slot).await?,
            None => None,
        };
        let at = now();
        let recorded = Recorder::of(&m, requester.user_id, receiver.user_id);
        check(event.state, event.timezone, &m, slot.as_ref(), at, by, recorded)?;
        if meetings::set_outcome(tx.conn(), id, outcome, user, at).await? == 0 {
            return Err(OutcomeRefusal::NotPlaced.into());
        }
        let stored = reload(tx.conn(), id).await?;
        tx.commit().await?;
        Ok(stored)
    })
    .await
}

/// Who recorded the outcomes the actor may see at `event_id`: every meeting's for an organiser,
/// their own meetings' for a participant; anyone else is refused.
pub async fn recorders(app: &App, actor: &Actor, event_id: EventId) -> AppResult<HashMap<MeetingId, Recorder>> {
    let user = actor.user()?.id;
    let mut conn = app.db().acquire().await?;
    let all = organiser(conn.conn(), actor, event_id).await.is_ok();
    let me = registrations::find_for_user(conn.conn(), event_id, user).await?.map(|r| r.id);
    if !all && me.is_none() {
        return Err(Denied::Forbidden.into());
    }
    Ok(meetings::outcome_recorders(conn.conn(), event_id)
        .await?
        .into_iter()
        .filter(|r| all || me.is_some_and(|me| me == r.requester_id || me == r.receiver_id))
        .map(|r| {
            let recorder = match r.recorded_by {
                Some(by) if by == r.requester_id => Recorder::Requester,
                Some(_) => Recorder::Receiver,
                None => Recorder::Organiser,
            };
            (r.meeting, recorder)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use tandem_core::events::MeetingMode;
    use tandem_core::{RegistrationId, SessionId, SlotId};

    fn placed(starts_at: DateTime<Utc>) -> (Meeting, Slot) {
        let slot = Slot { id: SlotId::new(), event_id: EventId::new(), session_id: SessionId::new(), starts_at, ends_at: starts_at + Duration::minutes(30) };
        let m = Meeting {
            id: MeetingId::new(),
            event_id: slot.event_id,
            requester_id: RegistrationId::new(),
            receiver_id: RegistrationId::new(),
            profile_id: None,
            message: None,
            state: MeetingState::Accepted,
            mode: MeetingMode::Onsite,
            priority: 1,
            expires_at: None,
            responded_at: Some(starts_at),
            reason: None,
            slot_id: Some(slot.id),
            table_number: Some(1),
            locked: false,
            sequence: 1,
            outcome: None,
            outcome_by: None,
            created_at: starts_at,
            updated_at: starts_at,
        };
        (m, slot)
    }

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 11, 14, 10, 30, 0).single().expect("time")
    }

    #[test]
    fn not_before_the_slot_starts() {
        let (m, slot) = placed(start());
        let early = check(EventState::Published, Tz::Europe__London, &m, Some(&slot), start() - Duration::minutes(1), Recorder::Requester, None);
        let refusal = early.expect_err("too early");
        assert_eq!(refusal.code(), "outcome_too_early");
        assert!(refusal.message().contains("14 Nov 2027, 10:30–11:00 GMT"), "{}", refusal.message());
        assert_eq!(check(EventState::Published, Tz::Europe__London, &m, Some(&slot), start(), Recorder::Requester, None), Ok(()));
    }

    #[test]
    fn only_placed_accepted_meetings_of_events_not_called_off() {
        let (mut m, slot) = placed(start());
        let later = start() + Duration::hours(1);
        let tz = Tz::Europe__London;
        assert_eq!(check(EventState::Cancelled, tz, &m, Some(&slot), later, Recorder::Organiser, None), Err(OutcomeRefusal::EventCancelled));
        assert_eq!(check(EventState::Published, tz, &m, None, later, Recorder::Organiser, None), Err(OutcomeRefusal::NotPlaced));
        m.state = MeetingState::Cancelled;
        assert_eq!(check(EventState::Published, tz, &m, Some(&slot), later, Recorder::Organiser, None), Err(OutcomeRefusal::NotPlaced));
    }

    #[test]
    fn parties_change_their_own_record_organisers_any() {
        let (m, slot) = placed(start());
        let later = start() + Duration::hours(1);
        let may = |by, recorded| check(EventState::Published, Tz::Europe__London, &m, Some(&slot), later, by, recorded);
        assert_eq!(may(Recorder::Receiver, Some(Recorder::Receiver)), Ok(()));
        assert_eq!(may(Recorder::Receiver, Some(Recorder::Requester)), Err(OutcomeRefusal::RecordedByPartner));
        assert_eq!(may(Recorder::Requester, Some(Recorder::Organiser)), Err(OutcomeRefusal::RecordedByOrganiser));
        assert_eq!(may(Recorder::Organiser, Some(Recorder::Requester)), Ok(()));
    }

    #[test]
    fn who_recorded_and_what_a_party_says_of_an_absent_partner() {
        let (mut m, _) = placed(start());
        let (a, b, org) = (UserId::new(), UserId::new(), UserId::new());
        assert_eq!(Recorder::of(&m, a, b), None);
        m.outcome = Some(MeetingOutcome::Held);
        m.outcome_by = Some(b);
        assert_eq!(Recorder::of(&m, a, b), Some(Recorder::Receiver));
        m.outcome_by = Some(org);
        assert_eq!(Recorder::of(&m, a, b), Some(Recorder::Organiser));
        assert_eq!(partner_absent(true), MeetingOutcome::ReceiverAbsent);
        assert_eq!(partner_absent(false), MeetingOutcome::RequesterAbsent);
    }

    #[test]
    fn refusals_name_the_outcome_field() {
        let errors: ValidationErrors = OutcomeRefusal::RecordedByOrganiser.into();
        assert_eq!(errors.for_field("outcome").map(|e| e.code), Some("outcome_recorded_by_organiser"));
    }
}
