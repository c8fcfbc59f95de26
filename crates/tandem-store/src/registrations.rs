//! Registrations for events with their answers, the partnering profiles participants bring and
//! the slots they are not available in; and the event's registration questions.
//!
//! State changes are conditional updates from the state the use case read, so two organisers
//! deciding at once, or a participant cancelling while an organiser approves, cannot both win.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::events::registration::{Answer, Question, QuestionInput, Registration};
use tandem_core::events::{Attendance, QuestionKind, RegistrationState};
use tandem_core::{CityId, EventId, OrgId, ProfileId, QuestionId, RegistrationId, SlotId, UserId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct RegistrationRow {
    id: Uuid,
    event_id: Uuid,
    user_id: Uuid,
    org_id: Option<Uuid>,
    display_name: String,
    attendance: String,
    state: String,
    booth_table: Option<i32>,
    max_meetings: Option<i32>,
    checkin_code: String,
    calendar_token: String,
    checked_in_at: Option<DateTime<Utc>>,
    checked_in_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<RegistrationRow> for Registration {
    // Only known keys are written; the fallbacks guard against hand-edited rows.
    fn from(r: RegistrationRow) -> Self {
        Registration {
            id: RegistrationId(r.id),
            event_id: EventId(r.event_id),
            user_id: UserId(r.user_id),
            org_id: r.org_id.map(OrgId),
            display_name: r.display_name,
            attendance: Attendance::from_key(&r.attendance).unwrap_or(Attendance::Onsite),
            state: RegistrationState::from_key(&r.state).unwrap_or(RegistrationState::Pending),
            booth_table: r.booth_table,
            max_meetings: r.max_meetings,
            checkin_code: r.checkin_code,
            calendar_token: r.calendar_token,
            checked_in_at: r.checked_in_at,
            checked_in_by: r.checked_in_by.map(UserId),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

const COLUMNS: &str = "r.id, r.event_id, r.user_id, r.org_id, r.display_name, r.attendance, r.state, r.booth_table, \
     r.max_meetings, r.checkin_code, r.calendar_token, r.checked_in_at, r.checked_in_by, r.created_at, r.updated_at";
const INSERT: &str = "INSERT INTO event_registrations (id, event_id, user_id, org_id, display_name, attendance, state, \
     booth_table, max_meetings, checkin_code, calendar_token, checked_in_at, checked_in_by, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";
const UPDATE_OWN: &str = "UPDATE event_registrations SET org_id = $2, display_name = $3, attendance = $4, updated_at = $5 \
     WHERE id = $1";
const SET_STATE: &str = "UPDATE event_registrations SET state = $2, updated_at = $3 WHERE id = $1 AND state = $4";
const SET_BOOTH: &str = "UPDATE event_registrations SET booth_table = $2, max_meetings = $3, updated_at = $4 WHERE id = $1";
const BOOTH_HOLDER: &str = "SELECT id FROM event_registrations WHERE event_id = $1 AND booth_table = $2";
const CHECK_IN: &str = "UPDATE event_registrations SET checked_in_at = $2, checked_in_by = $3, updated_at = $2 \
     WHERE id = $1 AND checked_in_at IS NULL";
const UNDO_CHECK_IN: &str = "UPDATE event_registrations SET checked_in_at = NULL, checked_in_by = NULL, updated_at = $2 \
     WHERE id = $1 AND checked_in_at IS NOT NULL";
const COUNT_STATE: &str = "SELECT COUNT(*) FROM event_registrations WHERE event_id = $1 AND state = $2";
const COUNT_CHECKED_IN: &str = "SELECT COUNT(*) FROM event_registrations WHERE event_id = $1 AND checked_in_at IS NOT NULL";
const STATE_COUNTS: &str = "SELECT state, COUNT(*) FROM event_registrations WHERE event_id = $1 GROUP BY state ORDER BY state";

/// Stores a new registration (a second one for the same user and event is refused by the key).
pub async fn insert(conn: Conn<'_>, r: &Registration) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(r.id.0)
        .bind(r.event_id.0)
        .bind(r.user_id.0)
        .bind(r.org_id.map(|o| o.0))
        .bind(&r.display_name)
        .bind(r.attendance.key())
        .bind(r.state.key())
        .bind(r.booth_table)
        .bind(r.max_meetings)
        .bind(&r.checkin_code)
        .bind(&r.calendar_token)
        .bind(r.checked_in_at)
        .bind(r.checked_in_by.map(|u| u.0))
        .bind(r.created_at)
        .bind(r.updated_at)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(())
}

/// Writes what the participant edits: organisation, display name, attendance.
pub async fn update_own(conn: Conn<'_>, r: &Registration) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(UPDATE_OWN)
        .bind(r.id.0)
        .bind(r.org_id.map(|o| o.0))
        .bind(&r.display_name)
        .bind(r.attendance.key())
        .bind(r.updated_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Moves a registration from `from` to `to`; 0 rows when it was no longer in `from`.
pub async fn set_state(
    conn: Conn<'_>,
    id: RegistrationId,
    from: RegistrationState,
    to: RegistrationState,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(SET_STATE)
        .bind(id.0)
        .bind(to.key())
        .bind(now)
        .bind(from.key())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Sets a participant's booth table and personal cap on meetings.
pub async fn set_booth(
    conn: Conn<'_>,
    id: RegistrationId,
    booth_table: Option<i32>,
    max_meetings: Option<i32>,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(SET_BOOTH)
        .bind(id.0)
        .bind(booth_table)
        .bind(max_meetings)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Who holds table `table` as their booth at `event`, if anyone.
pub async fn booth_holder(conn: Conn<'_>, event: EventId, table: i32) -> StoreResult<Option<RegistrationId>> {
    let id: Option<Uuid> =
        on_db!(conn, |c| sqlx::query_scalar(BOOTH_HOLDER).bind(event.0).bind(table).fetch_optional(&mut *c).await)?;
    Ok(id.map(RegistrationId))
}

/// Checks a participant in; 0 rows when they already were.
pub async fn check_in(conn: Conn<'_>, id: RegistrationId, by: Option<UserId>, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(CHECK_IN)
        .bind(id.0)
        .bind(at)
        .bind(by.map(|u| u.0))
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Undoes a check-in; 0 rows when there was none.
pub async fn undo_check_in(conn: Conn<'_>, id: RegistrationId, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(UNDO_CHECK_IN).bind(id.0).bind(at).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Gives a registration a new calendar token (the old subscription URL stops working).
pub async fn set_calendar_token(conn: Conn<'_>, id: RegistrationId, token: &str, at: DateTime<Utc>) -> StoreResult<u64> {
    const SQL: &str = "UPDATE event_registrations SET calendar_token = $2, updated_at = $3 WHERE id = $1";
    Ok(on_db!(conn, |c| sqlx::query(SQL).bind(id.0).bind(token).bind(at).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// One registration.
pub async fn get(conn: Conn<'_>, id: RegistrationId) -> StoreResult<Option<Registration>> {
    let sql = format!("SELECT {COLUMNS} FROM event_registrations r WHERE r.id = $1");
    let row: Option<RegistrationRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(Registration::from))
}

/// A user's registration for an event, in whatever state.
pub async fn find_for_user(conn: Conn<'_>, event: EventId, user: UserId) -> StoreResult<Option<Registration>> {
    let sql = format!("SELECT {COLUMNS} FROM event_registrations r WHERE r.event_id = $1 AND r.user_id = $2");
    let row: Option<RegistrationRow> =
        on_db!(conn, |c| sqlx::query_as(&sql).bind(event.0).bind(user.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(Registration::from))
}

/// The registration with a check-in code, within one event.
pub async fn by_checkin_code(conn: Conn<'_>, event: EventId, code: &str) -> StoreResult<Option<Registration>> {
    let sql = format!("SELECT {COLUMNS} FROM event_registrations r WHERE r.event_id = $1 AND r.checkin_code = $2");
    let row: Option<RegistrationRow> =
        on_db!(conn, |c| sqlx::query_as(&sql).bind(event.0).bind(code).fetch_optional(&mut *c).await)?;
    Ok(row.map(Registration::from))
}

/// The registration with a calendar token.
pub async fn by_calendar_token(conn: Conn<'_>, token: &str) -> StoreResult<Option<Registration>> {
    let sql = format!("SELECT {COLUMNS} FROM event_registrations r WHERE r.calendar_token = $1");
    let row: Option<RegistrationRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(token).fetch_optional(&mut *c).await)?;
    Ok(row.map(Registration::from))
}

/// Every registration of a user, latest event first ("My events").
pub async fn of_user(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<Registration>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE r.user_id = $1 \
         ORDER BY e.starts_at DESC, r.id"
    );
    let rows: Vec<RegistrationRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(user.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Registration::from).collect())
}

/// How many registrations of `event` are in `state`.
pub async fn count_in_state(conn: Conn<'_>, event: EventId, state: RegistrationState) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(COUNT_STATE).bind(event.0).bind(state.key()).fetch_one(&mut *c).await)?)
}

/// How many participants of `event` are checked in.
pub async fn count_checked_in(conn: Conn<'_>, event: EventId) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(COUNT_CHECKED_IN).bind(event.0).fetch_one(&mut *c).await)?)
}

/// Registrations of `event` per state.
pub async fn state_counts(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(RegistrationState, i64)>> {
    let rows: Vec<(String, i64)> = on_db!(conn, |c| sqlx::query_as(STATE_COUNTS).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(|(s, n)| Some((RegistrationState::from_key(&s)?, n))).collect())
}

/// The longest-waiting registration on `event`'s waiting list.
pub async fn first_waitlisted(conn: Conn<'_>, event: EventId) -> StoreResult<Option<Registration>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM event_registrations r WHERE r.event_id = $1 AND r.state = 'waitlisted' \
         ORDER BY r.created_at, r.id LIMIT 1"
    );
    let row: Option<RegistrationRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(event.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(Registration::from))
}

// ---------------------------------------------------------------------------------------------
// The participant list

/// Which registrations a list shows; empty or `None` parts do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistrationFilter {
    /// Any of these states.
    pub states: Vec<RegistrationState>,
    /// This attendance.
    pub attendance: Option<Attendance>,
    /// Organisations in this city.
    pub city: Option<CityId>,
    /// This organisation.
    pub org: Option<OrgId>,
    /// Every word appears in the display name or the organisation's name (accents and case
    /// folded).
    pub name: Option<String>,
}

/// A registration with the names a list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The registration.
    pub registration: Registration,
    /// The organisation's name.
    pub org_name: Option<String>,
    /// The organisation's city.
    pub city_id: Option<CityId>,
    /// The city's name.
    pub city_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ListedRow {
    #[sqlx(flatten)]
    registration: RegistrationRow,
    org_name: Option<String>,
    city_id: Option<Uuid>,
    city_name: Option<String>,
}

/// The registrations of `event` that pass `filter`, by display name. The name filter runs here
/// on folded text, so it treats "Müller" and "muller" alike on both backends.
pub async fn list(conn: Conn<'_>, event: EventId, filter: &RegistrationFilter) -> StoreResult<Vec<Listed>> {
    let sql = format!(
        "SELECT {COLUMNS}, o.name AS org_name, o.city_id AS city_id, c.name AS city_name FROM event_registrations r \
         LEFT JOIN organisations o ON o.id = r.org_id LEFT JOIN cities c ON c.id = o.city_id \
         WHERE r.event_id = $1 ORDER BY r.display_name, r.id"
    );
    let rows: Vec<ListedRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(event.0).fetch_all(&mut *c).await)?;
    let words = filter.name.as_deref().map(tandem_core::text::search_terms).unwrap_or_default();
    let mut out: Vec<Listed> = rows
        .into_iter()
        .map(|r| Listed {
            registration: Registration::from(r.registration),
            org_name: r.org_name,
            city_id: r.city_id.map(CityId),
            city_name: r.city_name,
        })
        .filter(|l| {
            let r = &l.registration;
            (filter.states.is_empty() || filter.states.contains(&r.state))
                && filter.attendance.is_none_or(|a| a == r.attendance)
                && filter.city.is_none_or(|c| l.city_id == Some(c))
                && filter.org.is_none_or(|o| r.org_id == Some(o))
                && {
                    let text = tandem_core::text::fold(&format!("{} {}", r.display_name, l.org_name.as_deref().unwrap_or_default()));
                    words.iter().all(|w| text.contains(w.as_str()))
                }
        })
        .collect();
    out.sort_by_cached_key(|l| (tandem_core::text::fold(&l.registration.display_name), l.registration.id));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Answers, profiles brought, unavailability

const ANSWERS: &str = "SELECT a.question_id, a.answer FROM event_answers a JOIN event_questions q ON q.id = a.question_id \
     WHERE a.registration_id = $1 ORDER BY q.position, q.id";
const DELETE_ANSWERS: &str = "DELETE FROM event_answers WHERE registration_id = $1";
const INSERT_ANSWER: &str = "INSERT INTO event_answers (registration_id, question_id, answer) VALUES ($1, $2, $3)";
const PROFILES: &str = "SELECT profile_id FROM event_registration_profiles WHERE registration_id = $1 ORDER BY profile_id";
const DELETE_PROFILES: &str = "DELETE FROM event_registration_profiles WHERE registration_id = $1";
const INSERT_PROFILE: &str = "INSERT INTO event_registration_profiles (registration_id, profile_id) VALUES ($1, $2)";
const UNAVAILABLE: &str = "SELECT u.slot_id FROM event_unavailability u JOIN event_slots s ON s.id = u.slot_id \
     WHERE u.registration_id = $1 ORDER BY s.starts_at, s.id";
const DELETE_UNAVAILABLE: &str = "DELETE FROM event_unavailability WHERE registration_id = $1";
const INSERT_UNAVAILABLE: &str = "INSERT INTO event_unavailability (registration_id, slot_id) VALUES ($1, $2)";

/// A registration's answers, in question order.
pub async fn answers(conn: Conn<'_>, id: RegistrationId) -> StoreResult<Vec<Answer>> {
    let rows: Vec<(Uuid, String)> = on_db!(conn, |c| sqlx::query_as(ANSWERS).bind(id.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(q, answer)| Answer { question_id: QuestionId(q), answer }).collect())
}

/// Replaces a registration's answers.
pub async fn replace_answers(mut conn: Conn<'_>, id: RegistrationId, answers: &[Answer]) -> StoreResult<()> {
    on_db!(&mut conn, |c| sqlx::query(DELETE_ANSWERS).bind(id.0).execute(&mut **c).await.map(drop))?;
    for a in answers {
        on_db!(&mut conn, |c| sqlx::query(INSERT_ANSWER)
            .bind(id.0)
            .bind(a.question_id.0)
            .bind(&a.answer)
            .execute(&mut **c)
            .await
            .map(drop))?;
    }
    Ok(())
}

/// The partnering profiles a participant brings.
pub async fn profiles(conn: Conn<'_>, id: RegistrationId) -> StoreResult<Vec<ProfileId>> {
    let rows: Vec<Uuid> = on_db!(conn, |c| sqlx::query_scalar(PROFILES).bind(id.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(ProfileId).collect())
}

/// Replaces the profiles a participant brings.
pub async fn replace_profiles(mut conn: Conn<'_>, id: RegistrationId, profiles: &[ProfileId]) -> StoreResult<()> {
    on_db!(&mut conn, |c| sqlx::query(DELETE_PROFILES).bind(id.0).execute(&mut **c).await.map(drop))?;
    for p in profiles {
        on_db!(&mut conn, |c| sqlx::query(INSERT_PROFILE).bind(id.0).bind(p.0).execute(&mut **c).await.map(drop))?;
    }
    Ok(())
}

/// The slots a participant is not available in, in time order.
pub async fn unavailable_slots(conn: Conn<'_>, id: RegistrationId) -> StoreResult<Vec<SlotId>> {
    let rows: Vec<Uuid> = on_db!(conn, |c| sqlx::query_scalar(UNAVAILABLE).bind(id.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(SlotId).collect())
}

/// Replaces the slots a participant is not available in.
pub async fn replace_unavailable(mut conn: Conn<'_>, id: RegistrationId, slots: &[SlotId]) -> StoreResult<()> {
    on_db!(&mut conn, |c| sqlx::query(DELETE_UNAVAILABLE).bind(id.0).execute(&mut **c).await.map(drop))?;
    for s in slots {
        on_db!(&mut conn, |c| sqlx::query(INSERT_UNAVAILABLE).bind(id.0).bind(s.0).execute(&mut **c).await.map(drop))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Questions

#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: Uuid,
    event_id: Uuid,
    position: i32,
    label: String,
    kind: String,
    options: Option<String>,
    required: bool,
}

impl From<QuestionRow> for Question {
    fn from(r: QuestionRow) -> Self {
        Question {
            id: QuestionId(r.id),
            event_id: EventId(r.event_id),
            position: r.position,
            label: r.label,
            kind: QuestionKind::from_key(&r.kind).unwrap_or(QuestionKind::Text),
            options: r.options.unwrap_or_default().lines().filter(|l| !l.is_empty()).map(str::to_owned).collect(),
            required: r.required,
        }
    }
}

const QUESTIONS: &str =
    "SELECT id, event_id, position, label, kind, options, required FROM event_questions WHERE event_id = $1 ORDER BY position, id";
const QUESTION: &str = "SELECT id, event_id, position, label, kind, options, required FROM event_questions WHERE id = $1";
const NEXT_QUESTION_POSITION: &str = "SELECT COALESCE(MAX(position), 0) + 1 FROM event_questions WHERE event_id = $1";
const INSERT_QUESTION: &str =
    "INSERT INTO event_questions (id, event_id, position, label, kind, options, required) VALUES ($1, $2, $3, $4, $5, $6, $7)";
const UPDATE_QUESTION: &str = "UPDATE event_questions SET label = $2, kind = $3, options = $4, required = $5 WHERE id = $1";
const SET_QUESTION_POSITION: &str = "UPDATE event_questions SET position = $2 WHERE id = $1";
const DELETE_QUESTION: &str = "DELETE FROM event_questions WHERE id = $1";

fn options_text(input: &QuestionInput) -> Option<String> {
    (!input.options.is_empty()).then(|| input.options.join("\n"))
}

/// An event's questions in form order.
pub async fn questions(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<Question>> {
    let rows: Vec<QuestionRow> = on_db!(conn, |c| sqlx::query_as(QUESTIONS).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Question::from).collect())
}

/// One question.
pub async fn question(conn: Conn<'_>, id: QuestionId) -> StoreResult<Option<Question>> {
    let row: Option<QuestionRow> = on_db!(conn, |c| sqlx::query_as(QUESTION).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(Question::from))
}

/// Adds a question after the event's others.
pub async fn insert_question(mut conn: Conn<'_>, event: EventId, input: &QuestionInput) -> StoreResult<Question> {
    let position: i32 = on_db!(&mut conn, |c| sqlx::query_scalar(NEXT_QUESTION_POSITION).bind(event.0).fetch_one(&mut **c).await)?;
    let q = Question {
        id: QuestionId::new(),
        event_id: event,
        position,
        label: input.label.clone(),
        kind: input.kind,
        options: input.options.clone(),
        required: input.required,
    };
    on_db!(conn, |c| sqlx::query(INSERT_QUESTION)
        .bind(q.id.0)
        .bind(q.event_id.0)
        .bind(q.position)
        .bind(&q.label)
        .bind(q.kind.key())
        .bind(options_text(input))
        .bind(q.required)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(q)
}

/// Rewrites a question's label, kind, options and required flag.
pub async fn update_question(conn: Conn<'_>, id: QuestionId, input: &QuestionInput) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(UPDATE_QUESTION)
        .bind(id.0)
        .bind(&input.label)
        .bind(input.kind.key())
        .bind(options_text(input))
        .bind(input.required)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Moves a question to `position`.
pub async fn set_question_position(conn: Conn<'_>, id: QuestionId, position: i32) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(SET_QUESTION_POSITION).bind(id.0).bind(position).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Deletes a question with its answers.
pub async fn delete_question(conn: Conn<'_>, id: QuestionId) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(DELETE_QUESTION).bind(id.0).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}
