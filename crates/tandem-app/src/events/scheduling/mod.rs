//! The organiser's auto-scheduler in the product (issue 5, items 2, 3 and 5; DOMAIN.md,
//! "Brokerage events"): at events whose scheduling mode is `auto`, the organiser runs the
//! scheduler (`tandem_schedule`) over the accepted meetings, sees "scheduled X of at most Y
//! achievable", publishes a preliminary and then a final agenda, and may run it again after late
//! requests: published meetings are locked, so they stay where they are, and every participant
//! whose meetings a later run changes is emailed the changes.
//!
//! - `facts`: everything a run reads from the database;
//! - `instance`: the scheduler's instance built from the facts, and the one mapping between the
//!   database's ids and the instance's;
//! - `diagnose`: why an accepted meeting has no slot;
//! - `run`: solve, validate and save in one transaction;
//! - `changes`: what a run changed for whom, and the emails once an agenda is out;
//! - `publish`: preliminary and final agendas: locks and emails;
//! - `overview`: the organiser's page;
//! - `snapshot`: the instance and placements in the bench/sched formats (offline runs, checks);
//! - `messages`: the emails' texts.

mod changes;
mod diagnose;
mod facts;
mod instance;
mod messages;
mod overview;
mod publish;
mod run;
mod snapshot;

pub use overview::{overview, ScheduleOverview, Unplaced, UnplacedReason};
pub use publish::{publish, Published};
pub use run::{run, RunOptions, RunReport, DEFAULT_TIME_LIMIT_SECS, MAX_TIME_LIMIT_SECS, MIN_TIME_LIMIT_SECS};
pub use snapshot::{snapshot, Snapshot};
pub use tandem_store::schedule_runs::{ListedRun, ScheduleRun};

use super::access;
use crate::{AppError, AppResult};
use tandem_core::events::event::Event;
use tandem_core::events::{EventState, SchedulingMode};
use tandem_core::policy::Actor;
use tandem_core::validation::ValidationErrors;
use tandem_core::EventId;
use tandem_store::Conn;

/// Path of the organiser's scheduling page.
pub fn schedule_path(event: EventId) -> String {
    format!("/events/{event}/schedule")
}

/// Path of a participant's personal agenda (the link in the agenda emails).
pub fn my_agenda_path(event: EventId) -> String {
    format!("/events/{event}/my-agenda")
}

/// Why the organiser cannot run the scheduler or publish now. Each has a stable code (German
/// pages translate `validation-<code>`) and an English message that says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleRefusal {
    /// The event was called off.
    EventCancelled,
    /// Participants pick their slots at this event.
    NotAuto,
    /// The agenda has no matchmaking slots.
    NoSlots,
    /// More slots than the scheduler handles in one run.
    TooManySlots(usize),
    /// No accepted meeting to schedule.
    NoMeetings,
    /// The locked meetings contradict the event's settings (the scheduler's own words follow).
    Conflict(String),
    /// Meetings kept changing while the scheduler ran.
    ChangedMeanwhile,
    /// The time limit is not a number of seconds in range.
    TimeLimit,
    /// The seed is not a whole number in range.
    Seed,
    /// Publishing needs `preliminary` or `final`.
    UnknownStage,
    /// A final agenda cannot become preliminary again.
    AlreadyFinal,
    /// No meeting has a slot yet.
    NothingPlaced,
}

impl ScheduleRefusal {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            ScheduleRefusal::EventCancelled => "schedule_event_cancelled",
            ScheduleRefusal::NotAuto => "schedule_not_auto",
            ScheduleRefusal::NoSlots => "schedule_no_slots",
            ScheduleRefusal::TooManySlots(_) => "schedule_too_many_slots",
            ScheduleRefusal::NoMeetings => "schedule_no_meetings",
            ScheduleRefusal::Conflict(_) => "schedule_conflict",
            ScheduleRefusal::ChangedMeanwhile => "schedule_changed_meanwhile",
            ScheduleRefusal::TimeLimit => "schedule_time_limit",
            ScheduleRefusal::Seed => "schedule_seed",
            ScheduleRefusal::UnknownStage => "schedule_unknown_stage",
            ScheduleRefusal::AlreadyFinal => "schedule_already_final",
            ScheduleRefusal::NothingPlaced => "schedule_nothing_placed",
        }
    }

    /// The form field it concerns.
    pub fn field(&self) -> &'static str {
        match self {
            ScheduleRefusal::TimeLimit => "time_limit",
            ScheduleRefusal::Seed => "seed",
            ScheduleRefusal::UnknownStage | ScheduleRefusal::AlreadyFinal => "state",
            _ => "schedule",
        }
    }

    /// What happened and what to do, in English.
    pub fn message(&self) -> String {
        match self {
            ScheduleRefusal::EventCancelled => "this event was called off; its meetings are no longer scheduled".into(),
            ScheduleRefusal::NotAuto => {
                "participants pick their own slots at this event; set the scheduling mode to 'auto' in the settings to use the scheduler".into()
            }
            ScheduleRefusal::NoSlots => "the agenda has no meeting slots yet; add a matchmaking session with slots first".into(),
            ScheduleRefusal::TooManySlots(n) => format!(
                "the agenda has {n} meeting slots, more than the {} the scheduler handles at once; split the event into days",
                tandem_schedule::MAX_SLOTS
            ),
            ScheduleRefusal::NoMeetings => "there are no accepted meetings to schedule yet".into(),
            ScheduleRefusal::Conflict(detail) => format!(
                "the locked meetings do not fit the event's tables, booths or limits; unlock the meetings concerned or change the settings ({detail})"
            ),
            ScheduleRefusal::ChangedMeanwhile => "meetings changed while the scheduler ran; run it again".into(),
            ScheduleRefusal::TimeLimit => format!(
                "give the time limit in seconds, from {MIN_TIME_LIMIT_SECS} to {MAX_TIME_LIMIT_SECS} (default {DEFAULT_TIME_LIMIT_SECS})"
            ),
            ScheduleRefusal::Seed => format!("the seed must be a whole number from 0 to {}, or left blank", i64::MAX),
            ScheduleRefusal::UnknownStage => "publish either a preliminary or a final agenda".into(),
            ScheduleRefusal::AlreadyFinal => {
                "the final agenda is published already; it cannot become preliminary again (publish the final agenda again after changes)".into()
            }
            ScheduleRefusal::NothingPlaced => "no meeting has a slot yet; run the scheduler before publishing".into(),
        }
    }
}

impl From<ScheduleRefusal> for ValidationErrors {
    fn from(refusal: ScheduleRefusal) -> Self {
        let mut errors = ValidationErrors::default();
        errors.add(refusal.field(), refusal.code(), refusal.message());
        errors
    }
}

impl From<ScheduleRefusal> for AppError {
    fn from(refusal: ScheduleRefusal) -> Self {
        AppError::Invalid(refusal.into())
    }
}

impl From<ScheduleRefusal> for crate::events::meetings::TxError {
    fn from(refusal: ScheduleRefusal) -> Self {
        crate::events::meetings::TxError::App(refusal.into())
    }
}

/// The event, for its organisers, when the scheduler may run on it: not called off, and in the
/// `auto` scheduling mode.
async fn schedulable(conn: Conn<'_>, actor: &Actor, id: EventId) -> AppResult<Event> {
    let (event, _guard) = access::organised(conn, actor, id).await?;
    check_schedulable(&event)?;
    Ok(event)
}

fn check_schedulable(event: &Event) -> Result<(), ScheduleRefusal> {
    if event.state == EventState::Cancelled {
        return Err(ScheduleRefusal::EventCancelled);
    }
    if event.scheduling_mode != SchedulingMode::Auto {
        return Err(ScheduleRefusal::NotAuto);
    }
    Ok(())
}
