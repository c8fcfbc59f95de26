//! One run of the auto-scheduler (issue 5, items 2 and 3): read the facts, solve within the
//! time limit on a blocking thread, check the schedule with the scheduler's own validator, and
//! save it in one transaction.
//!
//! The save locks the event and its participants, reads the facts again and checks the
//! schedule against them: a meeting cancelled meanwhile is skipped, one accepted meanwhile stays
//! as it is, and anything else that changed (availability, locks, modes, caps) makes the run
//! start over on the fresh facts, as does a booking refused by the booking tables' keys — those
//! keys, not this check, are what keeps anyone or any table from being booked twice. Every
//! changed meeting is unbooked first, then the new places are booked, so a meeting can take the
//! place another one leaves; booking bumps each moved meeting's sequence (calendar clients
//! replace the old entry).

use super::changes::{self, Change};
use super::facts::Facts;
use super::instance::{Built, Spot};
use super::{check_schedulable, schedulable, ScheduleRefusal};
use crate::events::access::now;
use crate::events::meetings::{reminders, retrying, TxError, TxResult};
use crate::{App, AppError, AppResult};
use rand::Rng;
use std::collections::HashMap;
use std::time::Duration;
use tandem_core::events::AgendaState;
use tandem_core::policy::Actor;
use tandem_core::validation::ValidationErrors;
use tandem_core::{EventId, MeetingId, ScheduleRunId, UserId};
use tandem_schedule::{solve, validate, Options, Problem, Solution};
use tandem_store::schedule_runs::{self, ScheduleRun};
use tandem_store::{bookings, events, StoreError};

/// The time limit when the organiser gives none, in seconds.
pub const DEFAULT_TIME_LIMIT_SECS: u64 = 2;
/// The shortest time limit, in seconds.
pub const MIN_TIME_LIMIT_SECS: u64 = 1;
/// The longest time limit, in seconds (the organiser's page waits for the run).
pub const MAX_TIME_LIMIT_SECS: u64 = 30;

/// How long the scheduler may search, and with which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunOptions {
    /// Wall-time limit of the solve.
    pub time_limit: Duration,
    /// The seed (None: a random one, recorded with the run). At most `i64::MAX`.
    pub seed: Option<u64>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions { time_limit: Duration::from_secs(DEFAULT_TIME_LIMIT_SECS), seed: None }
    }
}

impl RunOptions {
    /// The organiser's form: the time limit in whole seconds (blank: the default) and the seed
    /// (blank: a random one).
    pub fn parse(time_limit: &str, seed: &str) -> Result<RunOptions, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let (time_limit, seed) = (time_limit.trim().trim_end_matches('s').trim(), seed.trim());
        let secs = if time_limit.is_empty() { Some(DEFAULT_TIME_LIMIT_SECS) } else { time_limit.parse::<u64>().ok() };
        let secs = secs.filter(|s| (MIN_TIME_LIMIT_SECS..=MAX_TIME_LIMIT_SECS).contains(s));
        if secs.is_none() {
            errors = errors_with(errors, ScheduleRefusal::TimeLimit);
        }
        let seed = if seed.is_empty() { Some(None) } else { seed.parse::<u64>().ok().filter(|s| *s <= i64::MAX as u64).map(Some) };
        if seed.is_none() {
            errors = errors_with(errors, ScheduleRefusal::Seed);
        }
        match (secs, seed) {
            (Some(secs), Some(seed)) => Ok(RunOptions { time_limit: Duration::from_secs(secs), seed }),
            _ => Err(errors),
        }
    }
}

fn errors_with(mut errors: ValidationErrors, refusal: ScheduleRefusal) -> ValidationErrors {
    errors.add(refusal.field(), refusal.code(), refusal.message());
    errors
}

/// What a run did.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// The run as recorded.
    pub run: ScheduleRun,
    /// Meetings that got a place they did not have.
    pub placed: usize,
    /// Meetings moved to another slot or table.
    pub moved: usize,
    /// Meetings taken off the agenda (a better schedule without them, or someone left).
    pub removed: usize,
    /// Participants emailed about changes to their published agenda.
    pub emailed: usize,
}

/// Runs the scheduler on `event_id`'s accepted meetings and saves the schedule (organisers
/// only; events in the `auto` scheduling mode that are not called off).
pub async fn run(app: &App, actor: &Actor, event_id: EventId, options: RunOptions) -> AppResult<RunReport> {
    let user = actor.user()?.id;
    let seed = options.seed.unwrap_or_else(|| rand::rng().random_range(0..=i64::MAX as u64));
    let options = Options { time_limit: options.time_limit, seed };
    retrying(|_| attempt(app, actor, user, event_id, &options)).await.map_err(|e| match e {
        // Lost every try to changes made meanwhile: say so in the scheduler's words.
        AppError::Invalid(errors) if errors.0.iter().any(|e| e.code == "slot_taken") => ScheduleRefusal::ChangedMeanwhile.into(),
        other => other,
    })
}

async fn attempt(app: &App, actor: &Actor, user: UserId, event_id: EventId, options: &Options) -> TxResult<RunReport> {
    let facts = {
        let mut conn = app.db().acquire().await?;
        let event = schedulable(conn.conn(), actor, event_id).await?;
        Facts::load(conn.conn(), event).await?
    };
    if facts.slots.is_empty() {
        return Err(ScheduleRefusal::NoSlots.into());
    }
    if facts.slots.len() > tandem_schedule::MAX_SLOTS {
        return Err(ScheduleRefusal::TooManySlots(facts.slots.len()).into());
    }
    let built = Built::new(&facts);
    if built.instance.meetings.is_empty() {
        return Err(ScheduleRefusal::NoMeetings.into());
    }
    let solution = solve_checked(&facts, &built, options).await?;
    save(app, user, event_id, &built, &solution, options).await
}

/// Solves on a blocking thread and checks the result with the scheduler's validator.
async fn solve_checked(facts: &Facts, built: &Built, options: &Options) -> TxResult<Solution> {
    let problem = Problem::from_instance(&built.instance).map_err(|e| {
        tracing::warn!(error = %e, "the event's locked meetings do not fit together");
        ScheduleRefusal::Conflict(e.issues.first().map(|i| built.readable(facts, &i.message)).unwrap_or_default())
    })?;
    let opts = options.clone();
    let solution = tokio::task::spawn_blocking(move || solve(&problem, &opts))
        .await
        .map_err(|e| TxError::App(AppError::Internal(format!("the scheduler stopped: {e}"))))?;
    let report = validate(&built.instance, &solution.schedule());
    if !report.feasible {
        // A bug in the scheduler: nothing is saved.
        tracing::error!(errors = ?report.errors, seed = options.seed, "the scheduler returned an infeasible schedule; not saved");
        return Err(TxError::App(AppError::Internal("the scheduler returned an invalid schedule; nothing was saved".into())));
    }
    Ok(solution)
}

async fn save(app: &App, user: UserId, event_id: EventId, built: &Built, solution: &Solution, options: &Options) -> TxResult<RunReport> {
    let mut tx = app.db().begin().await?;
    events::lock(tx.conn(), event_id).await?;
    schedule_runs::lock_participants(tx.conn(), event_id).await?;
    let event = events::get(tx.conn(), event_id).await?.ok_or(TxError::App(AppError::NotFound))?;
    check_schedulable(&event)?;
    let fresh = Facts::load(tx.conn(), event).await?;
    let now_built = Built::new(&fresh);
    let plan = built.plan_of(&solution.schedule());
    // Meetings accepted while the scheduler ran stay where they are (unplaced, as a rule).
    let target: HashMap<MeetingId, Spot> = fresh
        .meetings
        .iter()
        .filter_map(|m| {
            if built.index.has_meeting(m.id) { plan.get(&m.id).map(|s| (m.id, *s)) } else { Some((m.id, (m.slot_id?, m.table_number))) }
        })
        .collect();
    let report = validate(&now_built.instance, &now_built.schedule_of(&target));
    if !report.feasible {
        tracing::info!(errors = ?report.errors, "meetings changed while the scheduler ran; solving again");
        return Err(TxError::Raced);
    }
    let changes = changes::diff(&fresh, &now_built, &target);
    let at = now();
    for c in changes.iter().filter(|c| c.from.is_some()) {
        bookings::unbook(tx.conn(), c.meeting.id, at).await?;
        // Its reminders name the old time; the reminder job queues new ones.
        reminders::withdraw_for_meeting(tx.conn(), c.meeting.id, at).await?;
    }
    for c in &changes {
        let Some((slot, table)) = c.to else { continue };
        match bookings::book(tx.conn(), c.meeting.id, slot, table, at).await {
            Ok(()) => {}
            Err(StoreError::Duplicate { .. }) => return Err(TxError::Raced),
            Err(e) => return Err(e.into()),
        }
    }
    let stats = &solution.stats;
    let run = ScheduleRun {
        id: ScheduleRunId::new(),
        event_id,
        stage: match fresh.event.agenda_state {
            AgendaState::Unpublished => "draft".into(),
            published => published.key().into(),
        },
        requested: clamp(stats.requested),
        scheduled: clamp(stats.scheduled),
        score: stats.score,
        bound: stats.bound,
        idle_gaps: clamp(stats.idle_gaps),
        milliseconds: clamp((stats.seconds * 1000.0).round() as usize),
        seed: i64::try_from(options.seed).unwrap_or(i64::MAX),
        time_limit_ms: clamp(options.time_limit.as_millis() as usize),
        run_by: Some(user),
        created_at: at,
    };
    schedule_runs::insert(tx.conn(), &run).await?;
    let emailed = if fresh.event.agenda_state == AgendaState::Unpublished {
        0
    } else {
        changes::notify_changes(tx.conn(), app, &fresh, &changes, at).await?
    };
    tx.commit().await?;
    let count = |f: fn(&Change) -> bool| changes.iter().filter(|c| f(c)).count();
    Ok(RunReport {
        run,
        placed: count(|c| c.from.is_none() && c.to.is_some()),
        moved: count(|c| c.from.is_some() && c.to.is_some()),
        removed: count(|c| c.from.is_some() && c.to.is_none()),
        emailed,
    })
}

fn clamp(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_time_limit_and_seed() {
        assert_eq!(RunOptions::parse("", ""), Ok(RunOptions::default()));
        assert_eq!(RunOptions::parse(" 5s ", "42"), Ok(RunOptions { time_limit: Duration::from_secs(5), seed: Some(42) }));
        let errors = RunOptions::parse("0", "-1").expect_err("both out of range");
        assert_eq!(errors.for_field("time_limit").map(|e| e.code), Some("schedule_time_limit"));
        assert_eq!(errors.for_field("seed").map(|e| e.code), Some("schedule_seed"));
        assert!(RunOptions::parse("31", "").is_err() && RunOptions::parse("two", "").is_err());
        assert!(RunOptions::parse("2", &u64::MAX.to_string()).is_err());
    }
}
