//! Events, their organisers and their agenda: sessions, speakers and the meeting slots of
//! matchmaking sessions (DOMAIN.md, "Brokerage events").
//!
//! Slots are replaced as a whole when a matchmaking session is saved; the use case first asks
//! [`booked_in_session`] so slots that carry meetings are never dropped.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::events::event::{Event, Organiser, Session, Slot, Speaker, Tz};
use tandem_core::events::{AgendaState, EventState, OrganiserRole, RequestMode, SchedulingMode, SessionKind};
use tandem_core::{EventId, OrgId, SessionId, SlotId, SpeakerId, UserId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct EventRow {
    id: Uuid,
    slug: String,
    name: String,
    description: Option<String>,
    state: String,
    timezone: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    venue_name: String,
    venue_address: Option<String>,
    tables: i32,
    capacity: Option<i32>,
    registration_open: bool,
    registration_approval: bool,
    booking_open: bool,
    request_mode: String,
    scheduling_mode: String,
    request_expiry_minutes: i32,
    max_pending_requests: i32,
    max_meetings: Option<i32>,
    max_meetings_onsite: Option<i32>,
    max_meetings_remote: Option<i32>,
    agenda_state: String,
    agenda_published_at: Option<DateTime<Utc>>,
    created_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<EventRow> for Event {
    // Only known keys are written; the fallbacks guard against hand-edited rows.
    fn from(r: EventRow) -> Self {
        Event {
            id: EventId(r.id),
            slug: r.slug,
            name: r.name,
            description: r.description,
            state: EventState::from_key(&r.state).unwrap_or(EventState::Draft),
            timezone: r.timezone.parse::<Tz>().unwrap_or(Tz::UTC),
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            venue_name: r.venue_name,
            venue_address: r.venue_address,
            tables: r.tables,
            capacity: r.capacity,
            registration_open: r.registration_open,
            registration_approval: r.registration_approval,
            booking_open: r.booking_open,
            request_mode: RequestMode::from_key(&r.request_mode).unwrap_or(RequestMode::Approval),
            scheduling_mode: SchedulingMode::from_key(&r.scheduling_mode).unwrap_or(SchedulingMode::PickSlot),
            request_expiry_minutes: r.request_expiry_minutes,
            max_pending_requests: r.max_pending_requests,
            max_meetings: r.max_meetings,
            max_meetings_onsite: r.max_meetings_onsite,
            max_meetings_remote: r.max_meetings_remote,
            agenda_state: AgendaState::from_key(&r.agenda_state).unwrap_or(AgendaState::Unpublished),
            agenda_published_at: r.agenda_published_at,
            created_by: r.created_by.map(UserId),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

const EVENT_COLUMNS: &str = "id, slug, name, description, state, timezone, starts_at, ends_at, venue_name, venue_address, \
     tables, capacity, registration_open, registration_approval, booking_open, request_mode, scheduling_mode, \
     request_expiry_minutes, max_pending_requests, max_meetings, max_meetings_onsite, max_meetings_remote, agenda_state, \
     agenda_published_at, created_by, created_at, updated_at";
const INSERT_EVENT: &str = "INSERT INTO events (id, slug, name, description, state, timezone, starts_at, ends_at, venue_name, \
     venue_address, tables, capacity, registration_open, registration_approval, booking_open, request_mode, scheduling_mode, \
     request_expiry_minutes, max_pending_requests, max_meetings, max_meetings_onsite, max_meetings_remote, agenda_state, \
     agenda_published_at, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
     $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)";
// Everything an organiser edits; state, agenda state and the creator have their own updates.
const UPDATE_EVENT: &str = "UPDATE events SET name = $2, description = $3, timezone = $4, starts_at = $5, ends_at = $6, \
     venue_name = $7, venue_address = $8, tables = $9, capacity = $10, registration_open = $11, registration_approval = $12, \
     booking_open = $13, request_mode = $14, scheduling_mode = $15, request_expiry_minutes = $16, max_pending_requests = $17, \
     max_meetings = $18, max_meetings_onsite = $19, max_meetings_remote = $20, updated_at = $21 WHERE id = $1";
const SET_STATE: &str = "UPDATE events SET state = $2, updated_at = $3 WHERE id = $1 AND state = $4";
const SET_AGENDA_STATE: &str = "UPDATE events SET agenda_state = $2, agenda_published_at = $3, updated_at = $3 WHERE id = $1";
const SLUG_TAKEN: &str = "SELECT COUNT(*) FROM events WHERE slug = $1";

/// Stores a new event.
pub async fn insert(conn: Conn<'_>, e: &Event) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT_EVENT)
        .bind(e.id.0)
        .bind(&e.slug)
        .bind(&e.name)
        .bind(&e.description)
        .bind(e.state.key())
        .bind(e.timezone.name())
        .bind(e.starts_at)
        .bind(e.ends_at)
        .bind(&e.venue_name)
        .bind(&e.venue_address)
        .bind(e.tables)
        .bind(e.capacity)
        .bind(e.registration_open)
        .bind(e.registration_approval)
        .bind(e.booking_open)
        .bind(e.request_mode.key())
        .bind(e.scheduling_mode.key())
        .bind(e.request_expiry_minutes)
        .bind(e.max_pending_requests)
        .bind(e.max_meetings)
        .bind(e.max_meetings_onsite)
        .bind(e.max_meetings_remote)
        .bind(e.agenda_state.key())
        .bind(e.agenda_published_at)
        .bind(e.created_by.map(|u| u.0))
        .bind(e.created_at)
        .bind(e.updated_at)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(())
}

/// Writes an event's details and settings (not its state); returns the rows changed.
pub async fn update(conn: Conn<'_>, e: &Event) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(UPDATE_EVENT)
        .bind(e.id.0)
        .bind(&e.name)
        .bind(&e.description)
        .bind(e.timezone.name())
        .bind(e.starts_at)
        .bind(e.ends_at)
        .bind(&e.venue_name)
        .bind(&e.venue_address)
        .bind(e.tables)
        .bind(e.capacity)
        .bind(e.registration_open)
        .bind(e.registration_approval)
        .bind(e.booking_open)
        .bind(e.request_mode.key())
        .bind(e.scheduling_mode.key())
        .bind(e.request_expiry_minutes)
        .bind(e.max_pending_requests)
        .bind(e.max_meetings)
        .bind(e.max_meetings_onsite)
        .bind(e.max_meetings_remote)
        .bind(e.updated_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Moves an event from state `from` to `to`; 0 rows when it was no longer in `from`.
pub async fn set_state(conn: Conn<'_>, id: EventId, from: EventState, to: EventState, now: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(SET_STATE)
        .bind(id.0)
        .bind(to.key())
        .bind(now)
        .bind(from.key())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Sets how far the meeting agendas are published (the scheduler's publish step).
pub async fn set_agenda_state(conn: Conn<'_>, id: EventId, state: AgendaState, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(SET_AGENDA_STATE)
        .bind(id.0)
        .bind(state.key())
        .bind(at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

const HIGHEST_TABLE: &str = "SELECT MAX(t) FROM (\
     SELECT booth_table AS t FROM event_registrations WHERE event_id = $1 AND state IN ('pending', 'approved', 'waitlisted') \
     UNION ALL SELECT table_number AS t FROM event_meetings WHERE event_id = $1 AND state = 'accepted') used";

/// The highest table number a booth or an accepted meeting of `event` uses.
pub async fn highest_table_in_use(conn: Conn<'_>, event: EventId) -> StoreResult<Option<i32>> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(HIGHEST_TABLE).bind(event.0).fetch_one(&mut *c).await)?)
}

// SQLite serialises writers (`BEGIN IMMEDIATE`); on PostgreSQL the event's row lock makes a
// capacity check and the registration after it atomic.
const LOCK_POSTGRES: &str = "SELECT id FROM events WHERE id = $1 FOR UPDATE";

/// Holds the event's row until the transaction ends, so registrations of one event are counted
/// and written one at a time (a no-op on SQLite, whose writers are serialised anyway).
pub async fn lock(conn: Conn<'_>, id: EventId) -> StoreResult<()> {
    if let Conn::Postgres(c) = conn {
        sqlx::query(LOCK_POSTGRES).bind(id.0).fetch_optional(&mut *c).await?;
    }
    Ok(())
}

/// Is a slug already used?
pub async fn slug_taken(conn: Conn<'_>, slug: &str) -> StoreResult<bool> {
    let n: i64 = on_db!(conn, |c| sqlx::query_scalar(SLUG_TAKEN).bind(slug).fetch_one(&mut *c).await)?;
    Ok(n > 0)
}

/// One event.
pub async fn get(conn: Conn<'_>, id: EventId) -> StoreResult<Option<Event>> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1");
    let row: Option<EventRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(Event::from))
}

/// Published and cancelled events ending after `now` (upcoming, soonest first) or by `now`
/// (past, latest first).
pub async fn listed(conn: Conn<'_>, upcoming: bool, now: DateTime<Utc>) -> StoreResult<Vec<Event>> {
    let sql = if upcoming {
        format!("SELECT {EVENT_COLUMNS} FROM events WHERE state <> 'draft' AND ends_at > $1 ORDER BY starts_at, id")
    } else {
        format!("SELECT {EVENT_COLUMNS} FROM events WHERE state <> 'draft' AND ends_at <= $1 ORDER BY starts_at DESC, id")
    };
    let rows: Vec<EventRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(now).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Event::from).collect())
}

/// Every event `org` organises (drafts included), latest start first.
pub async fn organised_by(conn: Conn<'_>, org: OrgId) -> StoreResult<Vec<Event>> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE id IN (SELECT event_id FROM event_organisers WHERE org_id = $1) \
         ORDER BY starts_at DESC, id"
    );
    let rows: Vec<EventRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(org.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Event::from).collect())
}

// ---------------------------------------------------------------------------------------------
// Organisers

/// An organiser with its organisation's name, for pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganiserListing {
    /// The organiser.
    pub organiser: Organiser,
    /// The organisation's name.
    pub name: String,
    /// Its city.
    pub city: String,
}

const ORGANISERS: &str = "SELECT eo.org_id, eo.role, o.name, c.name FROM event_organisers eo \
     JOIN organisations o ON o.id = eo.org_id JOIN cities c ON c.id = o.city_id \
     WHERE eo.event_id = $1 ORDER BY CASE eo.role WHEN 'main' THEN 0 ELSE 1 END, o.sort_name, o.id";
const ORGANISER_ORGS: &str = "SELECT org_id FROM event_organisers WHERE event_id = $1 ORDER BY org_id";
const ADD_ORGANISER: &str = "INSERT INTO event_organisers (event_id, org_id, role) VALUES ($1, $2, $3)";
const REMOVE_ORGANISER: &str = "DELETE FROM event_organisers WHERE event_id = $1 AND org_id = $2 AND role = 'supporting'";

/// The organisers, main first, with names and cities.
pub async fn organisers(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<OrganiserListing>> {
    let rows: Vec<(Uuid, String, String, String)> =
        on_db!(conn, |c| sqlx::query_as(ORGANISERS).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|(org, role, name, city)| OrganiserListing {
            organiser: Organiser {
                event_id: event,
                org_id: OrgId(org),
                role: OrganiserRole::from_key(&role).unwrap_or(OrganiserRole::Supporting),
            },
            name,
            city,
        })
        .collect())
}

/// The organisations that organise `event` (what the `event_organiser` guard asks for).
pub async fn organiser_orgs(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<OrgId>> {
    let rows: Vec<Uuid> = on_db!(conn, |c| sqlx::query_scalar(ORGANISER_ORGS).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(OrgId).collect())
}

/// Adds an organiser (a duplicate is a primary-key violation).
pub async fn add_organiser(conn: Conn<'_>, event: EventId, org: OrgId, role: OrganiserRole) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(ADD_ORGANISER).bind(event.0).bind(org.0).bind(role.key()).execute(&mut *c).await.map(drop))?;
    Ok(())
}

/// Removes a supporting organiser (the main organiser stays); returns the rows removed.
pub async fn remove_supporting(conn: Conn<'_>, event: EventId, org: OrgId) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(REMOVE_ORGANISER)
        .bind(event.0)
        .bind(org.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

// ---------------------------------------------------------------------------------------------
// Sessions and speakers

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: Uuid,
    event_id: Uuid,
    kind: String,
    title: String,
    description: Option<String>,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    room: Option<String>,
    stream_url: Option<String>,
    slot_minutes: Option<i32>,
    max_meetings: Option<i32>,
    created_at: DateTime<Utc>,
}

impl From<SessionRow> for Session {
    fn from(r: SessionRow) -> Self {
        Session {
            id: SessionId(r.id),
            event_id: EventId(r.event_id),
            kind: SessionKind::from_key(&r.kind).unwrap_or(SessionKind::Other),
            title: r.title,
            description: r.description,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            room: r.room,
            stream_url: r.stream_url,
            slot_minutes: r.slot_minutes,
            max_meetings: r.max_meetings,
            created_at: r.created_at,
        }
    }
}

const SESSION_COLUMNS: &str =
    "id, event_id, kind, title, description, starts_at, ends_at, room, stream_url, slot_minutes, max_meetings, created_at";
const INSERT_SESSION: &str = "INSERT INTO event_sessions (id, event_id, kind, title, description, starts_at, ends_at, room, \
     stream_url, slot_minutes, max_meetings, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
const UPDATE_SESSION: &str = "UPDATE event_sessions SET kind = $2, title = $3, description = $4, starts_at = $5, ends_at = $6, \
     room = $7, stream_url = $8, slot_minutes = $9, max_meetings = $10 WHERE id = $1";
const DELETE_SESSION: &str = "DELETE FROM event_sessions WHERE id = $1";

/// Stores a new session.
pub async fn insert_session(conn: Conn<'_>, s: &Session) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT_SESSION)
        .bind(s.id.0)
        .bind(s.event_id.0)
        .bind(s.kind.key())
        .bind(&s.title)
        .bind(&s.description)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(&s.room)
        .bind(&s.stream_url)
        .bind(s.slot_minutes)
        .bind(s.max_meetings)
        .bind(s.created_at)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(())
}

/// Writes a session's fields.
pub async fn update_session(conn: Conn<'_>, s: &Session) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(UPDATE_SESSION)
        .bind(s.id.0)
        .bind(s.kind.key())
        .bind(&s.title)
        .bind(&s.description)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(&s.room)
        .bind(&s.stream_url)
        .bind(s.slot_minutes)
        .bind(s.max_meetings)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Deletes a session with its speakers and slots.
pub async fn delete_session(conn: Conn<'_>, id: SessionId) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(DELETE_SESSION).bind(id.0).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// One session.
pub async fn session(conn: Conn<'_>, id: SessionId) -> StoreResult<Option<Session>> {
    let sql = format!("SELECT {SESSION_COLUMNS} FROM event_sessions WHERE id = $1");
    let row: Option<SessionRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(Session::from))
}

/// The agenda: every session of `event` in time order.
pub async fn sessions(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<Session>> {
    let sql = format!("SELECT {SESSION_COLUMNS} FROM event_sessions WHERE event_id = $1 ORDER BY starts_at, ends_at, id");
    let rows: Vec<SessionRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Session::from).collect())
}

#[derive(sqlx::FromRow)]
struct SpeakerRow {
    id: Uuid,
    session_id: Uuid,
    name: String,
    affiliation: Option<String>,
    remote: bool,
    position: i32,
}

impl From<SpeakerRow> for Speaker {
    fn from(r: SpeakerRow) -> Self {
        Speaker {
            id: SpeakerId(r.id),
            session_id: SessionId(r.session_id),
            name: r.name,
            affiliation: r.affiliation,
            remote: r.remote,
            position: r.position,
        }
    }
}

const SPEAKERS: &str = "SELECT sp.id, sp.session_id, sp.name, sp.affiliation, sp.remote, sp.position FROM event_speakers sp \
     JOIN event_sessions s ON s.id = sp.session_id WHERE s.event_id = $1 ORDER BY s.starts_at, s.id, sp.position, sp.id";
const SPEAKER: &str = "SELECT id, session_id, name, affiliation, remote, position FROM event_speakers WHERE id = $1";
// INTEGER arithmetic stays INTEGER (INT4) on PostgreSQL, hence `i32`.
const NEXT_SPEAKER_POSITION: &str = "SELECT COALESCE(MAX(position), 0) + 1 FROM event_speakers WHERE session_id = $1";
const INSERT_SPEAKER: &str =
    "INSERT INTO event_speakers (id, session_id, name, affiliation, remote, position) VALUES ($1, $2, $3, $4, $5, $6)";
const DELETE_SPEAKER: &str = "DELETE FROM event_speakers WHERE id = $1";

/// Every speaker of `event`'s sessions, in agenda order.
pub async fn speakers(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<Speaker>> {
    let rows: Vec<SpeakerRow> = on_db!(conn, |c| sqlx::query_as(SPEAKERS).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Speaker::from).collect())
}

/// One speaker.
pub async fn speaker(conn: Conn<'_>, id: SpeakerId) -> StoreResult<Option<Speaker>> {
    let row: Option<SpeakerRow> = on_db!(conn, |c| sqlx::query_as(SPEAKER).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(Speaker::from))
}

/// Adds a speaker after the session's others; `speaker.position` is ignored and returned set.
pub async fn insert_speaker(mut conn: Conn<'_>, speaker: &Speaker) -> StoreResult<Speaker> {
    let position: i32 =
        on_db!(&mut conn, |c| sqlx::query_scalar(NEXT_SPEAKER_POSITION).bind(speaker.session_id.0).fetch_one(&mut **c).await)?;
    let stored = Speaker { position, ..speaker.clone() };
    on_db!(conn, |c| sqlx::query(INSERT_SPEAKER)
        .bind(stored.id.0)
        .bind(stored.session_id.0)
        .bind(&stored.name)
        .bind(&stored.affiliation)
        .bind(stored.remote)
        .bind(stored.position)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(stored)
}

/// Removes a speaker.
pub async fn delete_speaker(conn: Conn<'_>, id: SpeakerId) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(DELETE_SPEAKER).bind(id.0).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

// ---------------------------------------------------------------------------------------------
// Slots

#[derive(sqlx::FromRow)]
struct SlotRow {
    id: Uuid,
    event_id: Uuid,
    session_id: Uuid,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
}

impl From<SlotRow> for Slot {
    fn from(r: SlotRow) -> Self {
        Slot { id: SlotId(r.id), event_id: EventId(r.event_id), session_id: SessionId(r.session_id), starts_at: r.starts_at, ends_at: r.ends_at }
    }
}

const SLOTS: &str = "SELECT id, event_id, session_id, starts_at, ends_at FROM event_slots WHERE event_id = $1 ORDER BY starts_at, id";
const SESSION_SLOTS: &str =
    "SELECT id, event_id, session_id, starts_at, ends_at FROM event_slots WHERE session_id = $1 ORDER BY starts_at, id";
const SLOT: &str = "SELECT id, event_id, session_id, starts_at, ends_at FROM event_slots WHERE id = $1";
const INSERT_SLOT: &str = "INSERT INTO event_slots (id, event_id, session_id, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)";
const DELETE_SESSION_SLOTS: &str = "DELETE FROM event_slots WHERE session_id = $1";
// A slot is booked when a meeting sits in it or a participant or table booking names it.
const BOOKED_IN_SESSION: &str = "SELECT COUNT(*) FROM event_slots s WHERE s.session_id = $1 AND (\
     EXISTS (SELECT 1 FROM event_meetings m WHERE m.slot_id = s.id AND m.state IN ('requested', 'accepted')) \
     OR EXISTS (SELECT 1 FROM event_participant_bookings b WHERE b.slot_id = s.id) \
     OR EXISTS (SELECT 1 FROM event_table_bookings t WHERE t.slot_id = s.id))";

/// Every meeting slot of `event`, in time order.
pub async fn slots(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<Slot>> {
    let rows: Vec<SlotRow> = on_db!(conn, |c| sqlx::query_as(SLOTS).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Slot::from).collect())
}

/// The slots of one matchmaking session, in time order.
pub async fn session_slots(conn: Conn<'_>, session: SessionId) -> StoreResult<Vec<Slot>> {
    let rows: Vec<SlotRow> = on_db!(conn, |c| sqlx::query_as(SESSION_SLOTS).bind(session.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Slot::from).collect())
}

/// One slot.
pub async fn slot(conn: Conn<'_>, id: SlotId) -> StoreResult<Option<Slot>> {
    let row: Option<SlotRow> = on_db!(conn, |c| sqlx::query_as(SLOT).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(Slot::from))
}

/// How many of a session's slots carry a meeting or booking.
pub async fn booked_in_session(conn: Conn<'_>, session: SessionId) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(BOOKED_IN_SESSION).bind(session.0).fetch_one(&mut *c).await)?)
}

/// Replaces a session's slots by `slots` (participants' unavailability in the old ones goes
/// with them).
pub async fn replace_slots(mut conn: Conn<'_>, session: SessionId, slots: &[Slot]) -> StoreResult<()> {
    on_db!(&mut conn, |c| sqlx::query(DELETE_SESSION_SLOTS).bind(session.0).execute(&mut **c).await.map(drop))?;
    for s in slots {
        on_db!(&mut conn, |c| sqlx::query(INSERT_SLOT)
            .bind(s.id.0)
            .bind(s.event_id.0)
            .bind(s.session_id.0)
            .bind(s.starts_at)
            .bind(s.ends_at)
            .execute(&mut **c)
            .await
            .map(drop))?;
    }
    Ok(())
}
