//! Meeting requests and meetings of brokerage events (table `event_meetings`; issue 5, item 2),
//! with the listings the participants' and organisers' pages show. Placing a meeting in a slot
//! lives in `bookings`.
//!
//! Answers and cancellations are conditional updates from the states they leave, so of two
//! people acting at once one wins and the other sees zero rows changed. Counting rules (one
//! open meeting per pair, caps on pending requests and meetings) hold because the use case first
//! calls [`lock_participants`]: on PostgreSQL it row-locks both registrations until the
//! transaction ends; SQLite serialises writers (`BEGIN IMMEDIATE`).

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{Attendance, MeetingMode, MeetingOutcome, MeetingState};
use tandem_core::{EventId, MeetingId, ProfileId, RegistrationId, SlotId, UserId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: Uuid,
    event_id: Uuid,
    requester_id: Uuid,
    receiver_id: Uuid,
    profile_id: Option<Uuid>,
    message: Option<String>,
    state: String,
    mode: String,
    priority: i32,
    expires_at: Option<DateTime<Utc>>,
    responded_at: Option<DateTime<Utc>>,
    reason: Option<String>,
    slot_id: Option<Uuid>,
    table_number: Option<i32>,
    locked: bool,
    sequence: i32,
    outcome: Option<String>,
    outcome_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl MeetingRow {
    fn into_meeting(self) -> Meeting {
        Meeting {
            id: MeetingId(self.id),
            event_id: EventId(self.event_id),
            requester_id: RegistrationId(self.requester_id),
            receiver_id: RegistrationId(self.receiver_id),
            profile_id: self.profile_id.map(ProfileId),
            message: self.message,
            // Only known keys are written; the fallbacks guard against hand-edited rows.
            state: MeetingState::from_key(&self.state).unwrap_or(MeetingState::Cancelled),
            mode: MeetingMode::from_key(&self.mode).unwrap_or(MeetingMode::Remote),
            priority: self.priority,
            expires_at: self.expires_at,
            responded_at: self.responded_at,
            reason: self.reason,
            slot_id: self.slot_id.map(SlotId),
            table_number: self.table_number,
            locked: self.locked,
            sequence: self.sequence,
            outcome: self.outcome.as_deref().and_then(MeetingOutcome::from_key),
            outcome_by: self.outcome_by.map(UserId),
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

const COLUMNS: &str = "m.id, m.event_id, m.requester_id, m.receiver_id, m.profile_id, m.message, m.state, m.mode, \
     m.priority, m.expires_at, m.responded_at, m.reason, m.slot_id, m.table_number, m.locked, m.sequence, m.outcome, \
     m.outcome_by, m.created_at, m.updated_at";

const INSERT: &str = "INSERT INTO event_meetings (id, event_id, requester_id, receiver_id, profile_id, message, state, \
     mode, priority, expires_at, responded_at, reason, slot_id, table_number, locked, sequence, outcome, outcome_by, \
     created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)";
const LOCK_POSTGRES: &str = "SELECT id FROM event_registrations WHERE id IN ($1, $2) ORDER BY id FOR UPDATE";
const LOCK_ONE_POSTGRES: &str = "SELECT id FROM event_registrations WHERE id = $1 FOR UPDATE";
// A request past its expiry no longer holds anything, even before the job marks it expired.
const STILL_OPEN: &str = "(m.state = 'accepted' OR (m.state = 'requested' AND (m.expires_at IS NULL OR m.expires_at > $3)))";
const RESPOND: &str = "UPDATE event_meetings SET state = $2, reason = $3, responded_at = $4, updated_at = $4 \
     WHERE id = $1 AND state = 'requested' AND (expires_at IS NULL OR expires_at > $4)";
const CANCEL: &str = "UPDATE event_meetings SET state = 'cancelled', reason = $2, updated_at = $3 \
     WHERE id = $1 AND state IN ('requested', 'accepted')";
const EXPIRE: &str = "UPDATE event_meetings SET state = 'expired', updated_at = $2 \
     WHERE id = $1 AND state = 'requested' AND expires_at <= $2";
const OVERDUE: &str = "SELECT id FROM event_meetings WHERE state = 'requested' AND expires_at <= $1 \
     ORDER BY expires_at, id LIMIT $2";
const SET_LOCKED: &str = "UPDATE event_meetings SET locked = $2, updated_at = $3 WHERE id = $1 AND state = 'accepted'";
const SET_MODE: &str = "UPDATE event_meetings SET mode = $2, updated_at = $3 WHERE id = $1";
const SET_PRIORITY: &str = "UPDATE event_meetings SET priority = $2, updated_at = $3 WHERE id = $1 AND state IN ('requested', 'accepted')";

/// Stores a new request (or, in the automatic request mode, a meeting accepted at once).
pub async fn insert(conn: Conn<'_>, m: &Meeting) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(m.id.0)
        .bind(m.event_id.0)
        .bind(m.requester_id.0)
        .bind(m.receiver_id.0)
        .bind(m.profile_id.map(|p| p.0))
        .bind(&m.message)
        .bind(m.state.key())
        .bind(m.mode.key())
        .bind(m.priority)
        .bind(m.expires_at)
        .bind(m.responded_at)
        .bind(&m.reason)
        .bind(m.slot_id.map(|s| s.0))
        .bind(m.table_number)
        .bind(m.locked)
        .bind(m.sequence)
        .bind(m.outcome.map(MeetingOutcome::key))
        .bind(m.outcome_by.map(|u| u.0))
        .bind(m.created_at)
        .bind(m.updated_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// One meeting or request.
pub async fn get(conn: Conn<'_>, id: MeetingId) -> StoreResult<Option<Meeting>> {
    let sql = format!("SELECT {COLUMNS} FROM event_meetings m WHERE m.id = $1");
    let row: Option<MeetingRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(MeetingRow::into_meeting))
}

/// Serialises every change that concerns these participants until the transaction ends: on
/// PostgreSQL their registration rows are locked (in id order, so two transactions never wait
/// on each other crosswise); SQLite has one writer at a time anyway. Call first in a transaction
/// that counts and then writes (requests, answers, bookings, availability).
pub async fn lock_participants(conn: Conn<'_>, a: RegistrationId, b: Option<RegistrationId>) -> StoreResult<()> {
    if let Conn::Postgres(c) = conn {
        match b {
            Some(b) if b != a => sqlx::query(LOCK_POSTGRES).bind(a.0).bind(b.0).fetch_all(&mut *c).await.map(drop)?,
            _ => sqlx::query(LOCK_ONE_POSTGRES).bind(a.0).fetch_all(&mut *c).await.map(drop)?,
        }
    }
    Ok(())
}

/// How many requests or meetings between `a` and `b` (either way round) are still open at `now`.
pub async fn open_between(conn: Conn<'_>, a: RegistrationId, b: RegistrationId, now: DateTime<Utc>) -> StoreResult<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM event_meetings m WHERE ((m.requester_id = $1 AND m.receiver_id = $2) \
         OR (m.requester_id = $2 AND m.receiver_id = $1)) AND {STILL_OPEN}"
    );
    Ok(on_db!(conn, |c| sqlx::query_scalar(&sql).bind(a.0).bind(b.0).bind(now).fetch_one(&mut *c).await)?)
}

/// How many requests `requester` has sent that wait for an answer at `now`.
pub async fn pending_count(conn: Conn<'_>, requester: RegistrationId, now: DateTime<Utc>) -> StoreResult<i64> {
    const SQL: &str = "SELECT COUNT(*) FROM event_meetings WHERE requester_id = $1 AND state = 'requested' \
         AND (expires_at IS NULL OR expires_at > $2)";
    Ok(on_db!(conn, |c| sqlx::query_scalar(SQL).bind(requester.0).bind(now).fetch_one(&mut *c).await)?)
}

/// How many accepted meetings `participant` has (as either party).
pub async fn accepted_count(conn: Conn<'_>, participant: RegistrationId) -> StoreResult<i64> {
    const SQL: &str =
        "SELECT COUNT(*) FROM event_meetings WHERE (requester_id = $1 OR receiver_id = $1) AND state = 'accepted'";
    Ok(on_db!(conn, |c| sqlx::query_scalar(SQL).bind(participant.0).fetch_one(&mut *c).await)?)
}

/// Answers a request that is still waiting at `at` (state `accepted` or `declined`); returns
/// the rows changed: 0 when it was answered, cancelled or expired meanwhile.
pub async fn respond(conn: Conn<'_>, id: MeetingId, state: MeetingState, reason: Option<&str>, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(RESPOND)
        .bind(id.0)
        .bind(state.key())
        .bind(reason)
        .bind(at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Cancels an open request or meeting; returns the rows changed (0: no longer open). The
/// caller removes its bookings ([`crate::bookings::unbook`]) in the same transaction.
pub async fn cancel(conn: Conn<'_>, id: MeetingId, reason: Option<&str>, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(CANCEL).bind(id.0).bind(reason).bind(at).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Up to `limit` requests unanswered past their expiry at `now`, the longest overdue first.
pub async fn overdue(conn: Conn<'_>, now: DateTime<Utc>, limit: i64) -> StoreResult<Vec<MeetingId>> {
    let ids: Vec<Uuid> = on_db!(conn, |c| sqlx::query_scalar(OVERDUE).bind(now).bind(limit).fetch_all(&mut *c).await)?;
    Ok(ids.into_iter().map(MeetingId).collect())
}

/// Marks an overdue request expired; 0 rows when it was answered (or expired) meanwhile.
pub async fn expire(conn: Conn<'_>, id: MeetingId, now: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(EXPIRE).bind(id.0).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Locks an accepted meeting in its slot and table (or unlocks it), so a re-schedule keeps it
/// there; 0 rows when it is not an accepted meeting.
pub async fn set_locked(conn: Conn<'_>, id: MeetingId, locked: bool, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(SET_LOCKED).bind(id.0).bind(locked).bind(at).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Sets where a meeting takes place (the organiser lets a pair at the venue meet by video when
/// no table is free: `either`).
pub async fn set_mode(conn: Conn<'_>, id: MeetingId, mode: MeetingMode, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(SET_MODE).bind(id.0).bind(mode.key()).bind(at).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Sets an open request's or meeting's weight for the auto-scheduler; 0 rows when it is no
/// longer open.
pub async fn set_priority(conn: Conn<'_>, id: MeetingId, priority: i32, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(SET_PRIORITY).bind(id.0).bind(priority).bind(at).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Every accepted meeting of an event, placed or not, oldest request first: the scheduler's
/// input (slot, table, lock, priority, mode and the two parties are on each).
pub async fn accepted_for_event(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<Meeting>> {
    let sql = format!("SELECT {COLUMNS} FROM event_meetings m WHERE m.event_id = $1 AND m.state = 'accepted' ORDER BY m.created_at, m.id");
    let rows: Vec<MeetingRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(MeetingRow::into_meeting).collect())
}

/// A meeting as one participant's list shows it: with the other party, the profile concerned
/// and the slot's times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantMeeting {
    /// The meeting.
    pub meeting: Meeting,
    /// The participant asked for it (false: they were asked).
    pub outgoing: bool,
    /// The other party.
    pub partner_id: RegistrationId,
    /// Their name.
    pub partner_name: String,
    /// Their organisation's name.
    pub partner_org: Option<String>,
    /// How they attend.
    pub partner_attendance: Option<Attendance>,
    /// The profile's title.
    pub profile_title: Option<String>,
    /// The slot's start.
    pub slot_starts_at: Option<DateTime<Utc>>,
    /// The slot's end.
    pub slot_ends_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct ParticipantMeetingRow {
    #[sqlx(flatten)]
    meeting: MeetingRow,
    partner_id: Uuid,
    partner_name: String,
    partner_org: Option<String>,
    partner_attendance: String,
    profile_title: Option<String>,
    slot_starts_at: Option<DateTime<Utc>>,
    slot_ends_at: Option<DateTime<Utc>>,
}

/// Every request and meeting of a participant (sent and received, in every state): placed
/// meetings by time, then the rest newest first.
pub async fn for_registration(conn: Conn<'_>, participant: RegistrationId) -> StoreResult<Vec<ParticipantMeeting>> {
    let sql = format!(
        "SELECT {COLUMNS}, r.id AS partner_id, r.display_name AS partner_name, o.name AS partner_org, \
         r.attendance AS partner_attendance, p.title AS profile_title, s.starts_at AS slot_starts_at, s.ends_at AS slot_ends_at \
         FROM event_meetings m \
         JOIN event_registrations r ON r.id = CASE WHEN m.requester_id = $1 THEN m.receiver_id ELSE m.requester_id END \
         LEFT JOIN organisations o ON o.id = r.org_id \
         LEFT JOIN profiles p ON p.id = m.profile_id \
         LEFT JOIN event_slots s ON s.id = m.slot_id \
         WHERE m.requester_id = $1 OR m.receiver_id = $1 \
         ORDER BY CASE WHEN s.starts_at IS NULL THEN 1 ELSE 0 END, s.starts_at, m.created_at DESC, m.id"
    );
    let rows: Vec<ParticipantMeetingRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(participant.0).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let meeting = r.meeting.into_meeting();
            ParticipantMeeting {
                outgoing: meeting.requester_id == participant,
                meeting,
                partner_id: RegistrationId(r.partner_id),
                partner_name: r.partner_name,
                partner_org: r.partner_org,
                partner_attendance: Attendance::from_key(&r.partner_attendance),
                profile_title: r.profile_title,
                slot_starts_at: r.slot_starts_at,
                slot_ends_at: r.slot_ends_at,
            }
        })
        .collect())
}

/// A meeting as the organiser's list shows it: both parties by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMeeting {
    /// The meeting.
    pub meeting: Meeting,
    /// The requester's name.
    pub requester_name: String,
    /// The requester's organisation.
    pub requester_org: Option<String>,
    /// The receiver's name.
    pub receiver_name: String,
    /// The receiver's organisation.
    pub receiver_org: Option<String>,
    /// The profile's title.
    pub profile_title: Option<String>,
    /// The slot's start.
    pub slot_starts_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct EventMeetingRow {
    #[sqlx(flatten)]
    meeting: MeetingRow,
    requester_name: String,
    requester_org: Option<String>,
    receiver_name: String,
    receiver_org: Option<String>,
    profile_title: Option<String>,
    slot_starts_at: Option<DateTime<Utc>>,
}

/// Every request and meeting of an event (in `state` only, when given): placed ones by time,
/// then the rest newest first.
pub async fn for_event(conn: Conn<'_>, event: EventId, state: Option<MeetingState>) -> StoreResult<Vec<EventMeeting>> {
    let filter = if state.is_some() { " AND m.state = $2" } else { "" };
    let sql = format!(
        "SELECT {COLUMNS}, a.display_name AS requester_name, ao.name AS requester_org, b.display_name AS receiver_name, \
         bo.name AS receiver_org, p.title AS profile_title, s.starts_at AS slot_starts_at \
         FROM event_meetings m \
         JOIN event_registrations a ON a.id = m.requester_id LEFT JOIN organisations ao ON ao.id = a.org_id \
         JOIN event_registrations b ON b.id = m.receiver_id LEFT JOIN organisations bo ON bo.id = b.org_id \
         LEFT JOIN profiles p ON p.id = m.profile_id \
         LEFT JOIN event_slots s ON s.id = m.slot_id \
         WHERE m.event_id = $1{filter} \
         ORDER BY CASE WHEN s.starts_at IS NULL THEN 1 ELSE 0 END, s.starts_at, m.table_number, m.created_at DESC, m.id"
    );
    let rows: Vec<EventMeetingRow> = on_db!(conn, |c| {
        let q = sqlx::query_as(&sql).bind(event.0);
        let q = match state {
            Some(s) => q.bind(s.key()),
            None => q,
        };
        q.fetch_all(&mut *c).await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| EventMeeting {
            meeting: r.meeting.into_meeting(),
            requester_name: r.requester_name,
            requester_org: r.requester_org,
            receiver_name: r.receiver_name,
            receiver_org: r.receiver_org,
            profile_title: r.profile_title,
            slot_starts_at: r.slot_starts_at,
        })
        .collect())
}

/// How many of an event's requests and meetings are in each state (states with none left out).
pub async fn state_counts(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(MeetingState, i64)>> {
    const SQL: &str = "SELECT state, COUNT(*) FROM event_meetings WHERE event_id = $1 GROUP BY state ORDER BY state";
    let rows: Vec<(String, i64)> = on_db!(conn, |c| sqlx::query_as(SQL).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(|(s, n)| Some((MeetingState::from_key(&s)?, n))).collect())
}

// ---------------------------------------------------------------------------------------------
// What the participant directory shows and filters on, for a whole event at once

/// A partnering profile an approved participant brought, as other participants see it: only
/// published profiles (their titles passed the quality check that keeps owners anonymous).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BroughtProfile {
    /// The participant.
    pub registration_id: RegistrationId,
    /// The profile.
    pub profile_id: ProfileId,
    /// Its title.
    pub title: String,
    /// Its type key (BO, BR, TO, TR, RDR).
    pub profile_type: String,
}

const BROUGHT: &str = "SELECT rp.registration_id, p.id, p.title, p.profile_type FROM event_registration_profiles rp \
     JOIN event_registrations r ON r.id = rp.registration_id JOIN profiles p ON p.id = rp.profile_id \
     WHERE r.event_id = $1 AND r.state = 'approved' AND p.state = 'published' ORDER BY rp.registration_id, p.title, p.id";
const PARTICIPANT_NACE: &str = "SELECT r.id, n.code FROM event_registrations r JOIN organisation_nace n ON n.org_id = r.org_id \
     WHERE r.event_id = $1 AND r.state = 'approved' \
     UNION SELECT rp.registration_id, t.code FROM event_registration_profiles rp \
     JOIN event_registrations r ON r.id = rp.registration_id JOIN profiles p ON p.id = rp.profile_id \
     JOIN profile_tags t ON t.profile_id = p.id AND t.kind = 'nace' \
     WHERE r.event_id = $1 AND r.state = 'approved' AND p.state = 'published'";
const PARTICIPANT_KINDS: &str = "SELECT r.id, o.kind FROM event_registrations r JOIN organisations o ON o.id = r.org_id \
     WHERE r.event_id = $1 AND r.state = 'approved'";

/// The published profiles every approved participant of `event` brought.
pub async fn brought_profiles(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<BroughtProfile>> {
    let rows: Vec<(Uuid, Uuid, String, String)> = on_db!(conn, |c| sqlx::query_as(BROUGHT).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|(r, p, title, profile_type)| BroughtProfile { registration_id: RegistrationId(r), profile_id: ProfileId(p), title, profile_type })
        .collect())
}

/// The NACE codes of every approved participant: their organisation's and those of the published
/// profiles they brought, as (participant, code) pairs.
pub async fn participant_nace(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(RegistrationId, String)>> {
    let rows: Vec<(Uuid, String)> = on_db!(conn, |c| sqlx::query_as(PARTICIPANT_NACE).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(r, code)| (RegistrationId(r), code)).collect())
}

/// The organisation kind key of every approved participant who came for an organisation.
pub async fn participant_org_kinds(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(RegistrationId, String)>> {
    let rows: Vec<(Uuid, String)> = on_db!(conn, |c| sqlx::query_as(PARTICIPANT_KINDS).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(r, kind)| (RegistrationId(r), kind)).collect())
}

// ---------------------------------------------------------------------------------------------
// The event day: outcomes and reminders

const SET_OUTCOME: &str = "UPDATE event_meetings SET outcome = $2, outcome_by = $3, updated_at = $4 \
     WHERE id = $1 AND state = 'accepted' AND slot_id IS NOT NULL";
const OUTCOME_RECORDERS: &str = "SELECT m.id, m.requester_id, m.receiver_id, \
     CASE WHEN m.outcome_by = a.user_id THEN a.id WHEN m.outcome_by = b.user_id THEN b.id END \
     FROM event_meetings m JOIN event_registrations a ON a.id = m.requester_id JOIN event_registrations b ON b.id = m.receiver_id \
     WHERE m.event_id = $1 AND m.outcome IS NOT NULL ORDER BY m.id";

/// Records what happened to a placed meeting and who said so; 0 rows when it is not an
/// accepted meeting with a slot.
pub async fn set_outcome(conn: Conn<'_>, id: MeetingId, outcome: MeetingOutcome, by: UserId, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(SET_OUTCOME)
        .bind(id.0)
        .bind(outcome.key())
        .bind(by.0)
        .bind(at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Who recorded a meeting's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutcomeRecorder {
    /// The meeting.
    pub meeting: MeetingId,
    /// Its requester.
    pub requester_id: RegistrationId,
    /// Its receiver.
    pub receiver_id: RegistrationId,
    /// The party whose user recorded it (None: someone else, i.e. an organiser, or an account
    /// since deleted).
    pub recorded_by: Option<RegistrationId>,
}

/// Who recorded the outcome of every meeting of `event` that has one.
pub async fn outcome_recorders(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<OutcomeRecorder>> {
    let rows: Vec<(Uuid, Uuid, Uuid, Option<Uuid>)> =
        on_db!(conn, |c| sqlx::query_as(OUTCOME_RECORDERS).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|(m, a, b, r)| OutcomeRecorder {
            meeting: MeetingId(m),
            requester_id: RegistrationId(a),
            receiver_id: RegistrationId(b),
            recorded_by: r.map(RegistrationId),
        })
        .collect())
}

/// A placed meeting about to start, with what its reminder says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upcoming {
    /// The meeting.
    pub meeting: Meeting,
    /// Its slot's start.
    pub starts_at: DateTime<Utc>,
    /// Its slot's end.
    pub ends_at: DateTime<Utc>,
    /// The matchmaking session's stream link (where video meetings take place).
    pub stream_url: Option<String>,
}

#[derive(sqlx::FromRow)]
struct UpcomingRow {
    #[sqlx(flatten)]
    meeting: MeetingRow,
    slot_starts_at: DateTime<Utc>,
    slot_ends_at: DateTime<Utc>,
    stream_url: Option<String>,
}

/// The accepted meetings whose slot starts after `from` and no later than `to`, at published
/// events, between two approved participants: the ones that get reminders. By start time.
pub async fn starting_between(conn: Conn<'_>, from: DateTime<Utc>, to: DateTime<Utc>) -> StoreResult<Vec<Upcoming>> {
    let sql = format!(
        "SELECT {COLUMNS}, s.starts_at AS slot_starts_at, s.ends_at AS slot_ends_at, ss.stream_url AS stream_url \
         FROM event_meetings m \
         JOIN event_slots s ON s.id = m.slot_id JOIN event_sessions ss ON ss.id = s.session_id \
         JOIN events e ON e.id = m.event_id \
         JOIN event_registrations a ON a.id = m.requester_id JOIN event_registrations b ON b.id = m.receiver_id \
         WHERE m.state = 'accepted' AND s.starts_at > $1 AND s.starts_at <= $2 AND e.state = 'published' \
         AND a.state = 'approved' AND b.state = 'approved' \
         ORDER BY s.starts_at, m.id"
    );
    let rows: Vec<UpcomingRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(from).bind(to).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|r| Upcoming { meeting: r.meeting.into_meeting(), starts_at: r.slot_starts_at, ends_at: r.slot_ends_at, stream_url: r.stream_url })
        .collect())
}
