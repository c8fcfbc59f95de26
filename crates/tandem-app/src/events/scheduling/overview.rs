//! The organiser's scheduling page (issue 5, items 2 and 3): the agenda's state, the latest
//! runs with "scheduled X of at most Y achievable", and the accepted meetings still without a
//! slot, each with the reason (see `diagnose`).

use super::access;
use super::diagnose::{self, Why};
use super::facts::Facts;
use super::instance::Built;
use crate::AppResult;
use crate::App;
use tandem_core::events::event::Event;
use tandem_core::policy::Actor;
use tandem_core::{EventId, MeetingId};
use tandem_store::schedule_runs::{self, ListedRun};

/// Runs shown on the page.
const RUNS_SHOWN: i64 = 10;

/// Why an accepted meeting has no slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnplacedReason {
    /// One of the two no longer takes part.
    PartnerLeft,
    /// No slot in which both are available.
    NoCommonSlot,
    /// This participant has as many meetings as they may have.
    AtCap {
        /// Their name.
        name: String,
        /// Their cap.
        max: u32,
    },
    /// Every slot both are available in holds a meeting of one of them.
    Busy,
    /// The slots left are in sessions where one of them has reached the session's cap.
    SessionCap,
    /// No table is free in the slots left.
    NoTable,
    /// It fits somewhere: the scheduler has not placed it yet (run it again).
    NotYetScheduled,
}

impl UnplacedReason {
    /// A stable key for translations (`schedule-why-<key>`).
    pub fn key(&self) -> &'static str {
        match self {
            UnplacedReason::PartnerLeft => "partner_left",
            UnplacedReason::NoCommonSlot => "no_common_slot",
            UnplacedReason::AtCap { .. } => "at_cap",
            UnplacedReason::Busy => "busy",
            UnplacedReason::SessionCap => "session_cap",
            UnplacedReason::NoTable => "no_table",
            UnplacedReason::NotYetScheduled => "not_yet_scheduled",
        }
    }
}

/// An accepted meeting without a slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    /// The meeting.
    pub meeting: MeetingId,
    /// Who asked ("Name (Organisation)").
    pub requester: String,
    /// Who was asked.
    pub receiver: String,
    /// Its weight for the scheduler.
    pub priority: i32,
    /// Why it has no slot.
    pub reason: UnplacedReason,
}

/// What the organiser's scheduling page shows.
#[derive(Debug, Clone)]
pub struct ScheduleOverview {
    /// The event (its scheduling mode, state and agenda state decide what the page offers).
    pub event: Event,
    /// Meeting slots.
    pub slots: usize,
    /// Approved participants.
    pub participants: usize,
    /// Accepted meetings.
    pub accepted: usize,
    /// Of those, placed in a slot.
    pub placed: usize,
    /// Of those, locked in place.
    pub locked: usize,
    /// The latest runs, newest first.
    pub runs: Vec<ListedRun>,
    /// Accepted meetings without a slot, in the order they were requested.
    pub unplaced: Vec<Unplaced>,
}

/// The scheduling page of `event_id`, for its organisers.
pub async fn overview(app: &App, actor: &Actor, event_id: EventId) -> AppResult<ScheduleOverview> {
    let mut conn = app.db().acquire().await?;
    let (event, _guard) = access::organised(conn.conn(), actor, event_id).await?;
    let runs = schedule_runs::recent(conn.conn(), event_id, RUNS_SHOWN).await?;
    let facts = Facts::load(conn.conn(), event).await?;
    let built = Built::new(&facts);
    let why = diagnose::unplaced(&built.instance, &built.current(&facts));
    let unplaced = facts
        .meetings
        .iter()
        .filter(|m| m.slot_id.is_none() || !built.index.has_meeting(m.id))
        .map(|m| {
            let reason = match built.index.meeting_key(m.id).and_then(|k| why.get(&k)) {
                None => UnplacedReason::PartnerLeft,
                Some(Why::NoCommonSlot) => UnplacedReason::NoCommonSlot,
                Some(Why::AtCap(p, max)) => UnplacedReason::AtCap {
                    name: built.instance.participants.get(*p).and_then(|p| built.index.participant(&p.id)).map(|r| facts.name(r)).unwrap_or_default(),
                    max: *max,
                },
                Some(Why::Busy) => UnplacedReason::Busy,
                Some(Why::SessionCap) => UnplacedReason::SessionCap,
                Some(Why::NoTable) => UnplacedReason::NoTable,
                Some(Why::Fits) => UnplacedReason::NotYetScheduled,
            };
            Unplaced { meeting: m.id, requester: names(&facts, m.requester_id), receiver: names(&facts, m.receiver_id), priority: m.priority, reason }
        })
        .collect();
    Ok(ScheduleOverview {
        slots: facts.slots.len(),
        participants: facts.participants.len(),
        accepted: facts.meetings.len(),
        placed: facts.meetings.iter().filter(|m| m.slot_id.is_some()).count(),
        locked: facts.meetings.iter().filter(|m| m.slot_id.is_some() && m.locked).count(),
        runs,
        unplaced,
        event: facts.event,
    })
}

/// A participant's name, or — for one who left — what the registration still says.
fn names(f: &Facts, id: tandem_core::RegistrationId) -> String {
    let name = f.name(id);
    if name.is_empty() { "—".to_owned() } else { name }
}
