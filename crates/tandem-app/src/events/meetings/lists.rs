//! What participants and organisers see of the requests and meetings (issue 5, items 2 and 4),
//! and the organiser's settings of one meeting: 'either' (by video when no table is free) and
//! the lock that keeps a published meeting in place when the scheduler runs again.

use super::{event, now, organiser, participant, reload, retrying, TxError};
use crate::{App, AppError, AppResult};
use tandem_core::events::event::Event;
use tandem_core::events::meeting::{Meeting, MeetingRefusal, MAX_PRIORITY};
use tandem_core::validation::ValidationErrors;
use tandem_core::events::registration::Registration;
use tandem_core::events::{Attendance, MeetingMode, MeetingState};
use tandem_core::policy::Actor;
use tandem_core::{EventId, MeetingId};
use tandem_store::meetings;
pub use tandem_store::meetings::{EventMeeting, ParticipantMeeting};
use tandem_store::registrations;

/// A participant's requests and meetings at one event.
#[derive(Debug, Clone)]
pub struct MyMeetings {
    /// The event (its scheduling mode and time zone decide what the page offers and shows).
    pub event: Event,
    /// The participant.
    pub me: Registration,
    /// Requests others sent that wait for the participant's answer.
    pub incoming: Vec<ParticipantMeeting>,
    /// Requests the participant sent that wait for an answer.
    pub outgoing: Vec<ParticipantMeeting>,
    /// Accepted meetings: placed ones by time, then those waiting for a slot.
    pub accepted: Vec<ParticipantMeeting>,
    /// Declined, expired and cancelled ones, newest first.
    pub closed: Vec<ParticipantMeeting>,
}

/// The actor's requests and meetings at `event_id` (approved participants only).
pub async fn mine(app: &App, actor: &Actor, event_id: EventId) -> AppResult<MyMeetings> {
    let mut conn = app.db().acquire().await?;
    let event = event(conn.conn(), event_id).await?;
    let me = participant(conn.conn(), actor, event_id).await?;
    let now = now();
    let mut out = MyMeetings { event, me, incoming: Vec::new(), outgoing: Vec::new(), accepted: Vec::new(), closed: Vec::new() };
    for m in meetings::for_registration(conn.conn(), out.me.id).await? {
        // A request past its expiry reads as expired before the job has marked it.
        let overdue = m.meeting.expires_at.is_some_and(|at| at <= now);
        match m.meeting.state {
            MeetingState::Requested if !overdue && m.outgoing => out.outgoing.push(m),
            MeetingState::Requested if !overdue => out.incoming.push(m),
            MeetingState::Accepted => out.accepted.push(m),
            _ => out.closed.push(m),
        }
    }
    out.closed.sort_by_key(|m| std::cmp::Reverse(m.meeting.updated_at));
    Ok(out)
}

/// A request or meeting a participant may see: their own (for the API's single-meeting reads).
pub async fn get(app: &App, actor: &Actor, id: MeetingId) -> AppResult<Meeting> {
    let mut conn = app.db().acquire().await?;
    let m = meetings::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    let me = participant(conn.conn(), actor, m.event_id).await.ok();
    if me.is_some_and(|r| m.involves(r.id)) || organiser(conn.conn(), actor, m.event_id).await.is_ok() {
        Ok(m)
    } else {
        Err(AppError::NotFound)
    }
}

/// The organiser's view of an event's requests and meetings.
#[derive(Debug, Clone)]
pub struct Overview {
    /// The event.
    pub event: Event,
    /// How many in each state (every state, zeros included, in the states' order).
    pub counts: Vec<(MeetingState, i64)>,
    /// Accepted meetings without a slot yet.
    pub unplaced: i64,
    /// The requests and meetings shown (all, or those in the chosen state).
    pub items: Vec<EventMeeting>,
}

/// Every request and meeting of `event_id` (in `state` only, when given), with counts by
/// state; for the event's organisers.
pub async fn overview(app: &App, actor: &Actor, event_id: EventId, state: Option<MeetingState>) -> AppResult<Overview> {
    let mut conn = app.db().acquire().await?;
    let event = event(conn.conn(), event_id).await?;
    organiser(conn.conn(), actor, event_id).await?;
    let stored = meetings::state_counts(conn.conn(), event_id).await?;
    let counts = MeetingState::ALL
        .iter()
        .map(|s| (*s, stored.iter().find(|(x, _)| x == s).map_or(0, |(_, n)| *n)))
        .collect();
    let unplaced = meetings::accepted_for_event(conn.conn(), event_id).await?.iter().filter(|m| m.slot_id.is_none()).count() as i64;
    let items = meetings::for_event(conn.conn(), event_id, state).await?;
    Ok(Overview { event, counts, unplaced, items })
}

/// The organiser sets where a meeting takes place: a pair both at the venue may be allowed to
/// meet by video when no table is free (`either`), or kept at a table (`onsite`); a pair with
/// anyone online always meets by video.
pub async fn set_mode(app: &App, actor: &Actor, id: MeetingId, mode: MeetingMode) -> AppResult<Meeting> {
    retrying(|_| async move {
        let mut tx = app.db().begin().await?;
        let m = reload(tx.conn(), id).await?;
        organiser(tx.conn(), actor, m.event_id).await?;
        let mut onsite = true;
        for r in [m.requester_id, m.receiver_id] {
            let r = registrations::get(tx.conn(), r).await?.ok_or(TxError::App(AppError::NotFound))?;
            onsite &= r.attendance == Attendance::Onsite;
        }
        let allowed = if onsite { mode != MeetingMode::Remote } else { mode == MeetingMode::Remote };
        if !allowed {
            return Err(MeetingRefusal::ModeNotAllowed.into());
        }
        meetings::set_mode(tx.conn(), id, mode, now()).await?;
        let m = reload(tx.conn(), id).await?;
        tx.commit().await?;
        Ok(m)
    })
    .await
}

/// The organiser locks an accepted meeting in its slot and table (or unlocks it).
pub async fn set_locked(app: &App, actor: &Actor, id: MeetingId, locked: bool) -> AppResult<Meeting> {
    retrying(|_| async move {
        let mut tx = app.db().begin().await?;
        let m = reload(tx.conn(), id).await?;
        organiser(tx.conn(), actor, m.event_id).await?;
        if meetings::set_locked(tx.conn(), id, locked, now()).await? == 0 {
            return Err(MeetingRefusal::NotAccepted.into());
        }
        let m = reload(tx.conn(), id).await?;
        tx.commit().await?;
        Ok(m)
    })
    .await
}

/// The organiser sets how much a request or meeting weighs when the auto-scheduler cannot place
/// every meeting (higher first; participants' own requests weigh
/// [`tandem_core::events::meeting::DEFAULT_PRIORITY`]).
pub async fn set_priority(app: &App, actor: &Actor, id: MeetingId, priority: &str) -> AppResult<Meeting> {
    let priority = parse_priority(priority)?;
    retrying(|_| async move {
        let mut tx = app.db().begin().await?;
        let m = reload(tx.conn(), id).await?;
        organiser(tx.conn(), actor, m.event_id).await?;
        if meetings::set_priority(tx.conn(), id, priority, now()).await? == 0 {
            return Err(MeetingRefusal::NotOpen.into());
        }
        let m = reload(tx.conn(), id).await?;
        tx.commit().await?;
        Ok(m)
    })
    .await
}

fn parse_priority(raw: &str) -> Result<i32, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    match raw.trim().parse::<i32>() {
        Ok(p) if (1..=MAX_PRIORITY).contains(&p) => Ok(p),
        _ => {
            errors.add("priority", "not_in_range", format!("enter a whole number from 1 to {MAX_PRIORITY}"));
            Err(errors)
        }
    }
}
