//! The organiser's auto-scheduler (issue 5, items 2 and 3): its runs (table
//! `event_schedule_runs`), and the reads and writes it does for a whole event at once. Placing
//! one meeting lives in `bookings`; the meetings themselves in `meetings`.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::{EventId, RegistrationId, ScheduleRunId, SlotId, UserId};
use uuid::Uuid;

/// One run of an event's auto-scheduler: what it achieved against its upper bound.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleRun {
    /// Id.
    pub id: ScheduleRunId,
    /// The event.
    pub event_id: EventId,
    /// How far the agendas were published when it ran: `draft` (unpublished), `preliminary`
    /// or `final`.
    pub stage: String,
    /// Accepted meetings it was asked to schedule.
    pub requested: i32,
    /// Meetings it scheduled.
    pub scheduled: i32,
    /// Total priority of the scheduled meetings.
    pub score: f64,
    /// No schedule could score more (the scheduler's proved upper bound).
    pub bound: f64,
    /// Free available slots between participants' first and last meetings, summed.
    pub idle_gaps: i32,
    /// Wall time of the solve.
    pub milliseconds: i32,
    /// The seed of the randomised search (the same seed and facts give the same schedule).
    pub seed: i64,
    /// The time limit it was given.
    pub time_limit_ms: i32,
    /// Who ran it.
    pub run_by: Option<UserId>,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// A run as the organiser's page lists it: with the name of who ran it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedRun {
    /// The run.
    pub run: ScheduleRun,
    /// Their display name (None when the account is gone).
    pub run_by_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct RunRow {
    id: Uuid,
    event_id: Uuid,
    stage: String,
    requested: i32,
    scheduled: i32,
    score: f64,
    bound: f64,
    idle_gaps: i32,
    milliseconds: i32,
    seed: i64,
    time_limit_ms: i32,
    run_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    run_by_name: Option<String>,
}

const INSERT: &str = "INSERT INTO event_schedule_runs (id, event_id, stage, requested, scheduled, score, bound, idle_gaps, \
     milliseconds, seed, time_limit_ms, run_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
const RECENT: &str = "SELECT r.id, r.event_id, r.stage, r.requested, r.scheduled, r.score, r.bound, r.idle_gaps, \
     r.milliseconds, r.seed, r.time_limit_ms, r.run_by, r.created_at, u.display_name AS run_by_name \
     FROM event_schedule_runs r LEFT JOIN users u ON u.id = r.run_by \
     WHERE r.event_id = $1 ORDER BY r.created_at DESC, r.id DESC LIMIT $2";
const UNAVAILABLE: &str = "SELECT u.registration_id, u.slot_id FROM event_unavailability u \
     JOIN event_registrations r ON r.id = u.registration_id WHERE r.event_id = $1 AND r.state = 'approved'";
const LOCK_PARTICIPANTS_POSTGRES: &str =
    "SELECT id FROM event_registrations WHERE event_id = $1 AND state = 'approved' ORDER BY id FOR UPDATE";
const LOCK_PLACED: &str = "UPDATE event_meetings SET locked = $2, updated_at = $3 \
     WHERE event_id = $1 AND state = 'accepted' AND slot_id IS NOT NULL AND locked <> $2";

/// Records a run.
pub async fn insert(conn: Conn<'_>, run: &ScheduleRun) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(run.id.0)
        .bind(run.event_id.0)
        .bind(&run.stage)
        .bind(run.requested)
        .bind(run.scheduled)
        .bind(run.score)
        .bind(run.bound)
        .bind(run.idle_gaps)
        .bind(run.milliseconds)
        .bind(run.seed)
        .bind(run.time_limit_ms)
        .bind(run.run_by.map(|u| u.0))
        .bind(run.created_at)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(())
}

/// The latest `limit` runs of an event, newest first.
pub async fn recent(conn: Conn<'_>, event: EventId, limit: i64) -> StoreResult<Vec<ListedRun>> {
    let rows: Vec<RunRow> = on_db!(conn, |c| sqlx::query_as(RECENT).bind(event.0).bind(limit).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|r| ListedRun {
            run: ScheduleRun {
                id: ScheduleRunId(r.id),
                event_id: EventId(r.event_id),
                stage: r.stage,
                requested: r.requested,
                scheduled: r.scheduled,
                score: r.score,
                bound: r.bound,
                idle_gaps: r.idle_gaps,
                milliseconds: r.milliseconds,
                seed: r.seed,
                time_limit_ms: r.time_limit_ms,
                run_by: r.run_by.map(UserId),
                created_at: r.created_at,
            },
            run_by_name: r.run_by_name,
        })
        .collect())
}

/// Every (participant, slot) an approved participant of `event` is not available in: the
/// scheduler's availability in one query rather than one per participant.
pub async fn unavailability(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(RegistrationId, SlotId)>> {
    let rows: Vec<(Uuid, Uuid)> = on_db!(conn, |c| sqlx::query_as(UNAVAILABLE).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(r, s)| (RegistrationId(r), SlotId(s))).collect())
}

/// Serialises a schedule's save with every participant's own changes (availability, requests,
/// answers) until the transaction ends: on PostgreSQL the approved registrations' rows are
/// locked in id order, the order [`crate::meetings::lock_participants`] uses, so the two never
/// wait on each other crosswise; SQLite has one writer at a time anyway.
pub async fn lock_participants(conn: Conn<'_>, event: EventId) -> StoreResult<()> {
    if let Conn::Postgres(c) = conn {
        sqlx::query(LOCK_PARTICIPANTS_POSTGRES).bind(event.0).fetch_all(&mut *c).await.map(drop)?;
    }
    Ok(())
}

/// Locks every placed accepted meeting of `event` in its slot and table (publishing an
/// agenda); returns how many were not locked before.
pub async fn lock_placed(conn: Conn<'_>, event: EventId, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(LOCK_PLACED).bind(event.0).bind(true).bind(at).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}
