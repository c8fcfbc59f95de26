//! Everything stored about one person, for the GDPR export (Art. 15 and 20) and erasure (Art. 17)
//! of `tandem_app::privacy` (issue 6, item 8). Reads are keyed by the account's id (and its
//! address for mail); which free-text names belong to the person is decided by the caller, so the
//! erasing writes here take ids and the replacement values.
//!
//! Rows that belong to the person (sessions, tokens, saved searches, votes, memberships, mail to
//! them) are deleted; rows that are evidence of support or take part in counts (support records,
//! declarations, registrations, meetings) keep their ids, dates, hours and links and lose only
//! the person's name and what they wrote.

use crate::{Conn, StoreResult, like_escape, on_db};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use tandem_core::UserId;
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// What the export reads

/// The account as stored (never the password hash).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct AccountRow {
    /// Id.
    pub id: Uuid,
    /// Login and contact address.
    pub email: String,
    /// Name shown to others.
    pub display_name: String,
    /// The address was confirmed.
    pub email_verified: bool,
    /// Language.
    pub locale: String,
    /// Platform admin.
    pub is_platform_admin: bool,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// An API token (never its digest).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct TokenRow {
    /// Id.
    pub id: Uuid,
    /// The owner's label.
    pub name: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last used.
    pub last_used_at: Option<DateTime<Utc>>,
    /// Revoked.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A saved search with its alert (never the unsubscribe secret).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct SavedSearchRow {
    /// Id.
    pub id: Uuid,
    /// The owner's label.
    pub name: String,
    /// The marketplace query, as JSON text.
    pub query: String,
    /// `daily` or `weekly`.
    pub frequency: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// End of the last alerted window.
    pub last_sent_at: DateTime<Utc>,
}

/// A contact person of an organisation (table `people`).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct ContactRow {
    /// Id.
    pub id: Uuid,
    /// The organisation.
    pub org_id: Uuid,
    /// Name.
    pub name: String,
    /// Job title.
    pub job_title: Option<String>,
    /// Address.
    pub email: Option<String>,
}

/// A partnering profile the person created.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct ProfileRow {
    /// Id.
    pub id: Uuid,
    /// The organisation that owns it.
    pub owner_org_id: Uuid,
    /// Title.
    pub title: String,
    /// Lifecycle state.
    pub state: String,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// A step the person took in a profile's lifecycle (submitted, approved, …).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct ProfileActionRow {
    /// The step's id.
    pub id: Uuid,
    /// The profile.
    pub profile_id: Uuid,
    /// What was done.
    pub action: String,
    /// The state it led to.
    pub state: String,
    /// The comment given with it.
    pub comment: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
}

/// An expression of interest the person sent or decided.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct InterestRow {
    /// Id.
    pub id: Uuid,
    /// The profile it is about.
    pub profile_id: Uuid,
    /// The organisation that sent it.
    pub from_org_id: Uuid,
    /// State.
    pub state: String,
    /// Sent by (user id).
    pub created_by: Option<Uuid>,
    /// Decided by (user id).
    pub decided_by: Option<Uuid>,
    /// Sent.
    pub created_at: DateTime<Utc>,
    /// Decided.
    pub decided_at: Option<DateTime<Utc>>,
}

/// A partnership agreement the person recorded or confirmed.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct AgreementRow {
    /// Id.
    pub id: Uuid,
    /// The profile it came from.
    pub profile_id: Uuid,
    /// The profile's owner.
    pub owner_org_id: Uuid,
    /// The partner.
    pub partner_org_id: Uuid,
    /// Kind of agreement.
    pub agreement_type: String,
    /// Signed.
    pub signed_on: NaiveDate,
    /// State.
    pub state: String,
    /// Recorded by (user id).
    pub recorded_by: Option<Uuid>,
    /// Confirmed by (user id).
    pub confirmed_by: Option<Uuid>,
}

/// An evidence file the person uploaded (the file itself is not exported).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct UploadRow {
    /// The file's id.
    pub id: Uuid,
    /// `agreement` or `support_record`.
    pub attached_to: String,
    /// The agreement's or support record's id.
    pub parent_id: Uuid,
    /// File name.
    pub file_name: String,
    /// SHA-256 of the content.
    pub sha256: String,
    /// Uploaded.
    pub created_at: DateTime<Utc>,
}

/// A brokerage event the person created.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct EventRow {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Starts.
    pub starts_at: DateTime<Utc>,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// The person's registration for an event (never its check-in code or calendar secret).
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct RegistrationRow {
    /// Id.
    pub id: Uuid,
    /// The event.
    pub event_id: Uuid,
    /// The event's name.
    pub event_name: String,
    /// The organisation they came for.
    pub org_id: Option<Uuid>,
    /// Name shown to other participants.
    pub display_name: String,
    /// Onsite or remote.
    pub attendance: String,
    /// State.
    pub state: String,
    /// Checked in at the door.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Registered.
    pub created_at: DateTime<Utc>,
}

/// An answer the person gave to a registration question.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct AnswerRow {
    /// The registration.
    pub registration_id: Uuid,
    /// The question's label.
    pub question: String,
    /// The answer.
    pub answer: String,
}

/// A meeting (or request) the person took part in.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct MeetingRow {
    /// Id.
    pub id: Uuid,
    /// The event.
    pub event_id: Uuid,
    /// Requesting registration.
    pub requester_id: Uuid,
    /// Receiving registration.
    pub receiver_id: Uuid,
    /// State.
    pub state: String,
    /// Onsite, remote or either.
    pub mode: String,
    /// The request's message.
    pub message: Option<String>,
    /// Why it was declined or cancelled.
    pub reason: Option<String>,
    /// What happened on the day.
    pub outcome: Option<String>,
    /// Requested.
    pub created_at: DateTime<Utc>,
}

/// The person's rating and follow-up answer for a meeting.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct MeetingFeedbackRow {
    /// The meeting.
    pub meeting_id: Uuid,
    /// Their registration.
    pub registration_id: Uuid,
    /// 1–5.
    pub rating: Option<i32>,
    /// Comment.
    pub comment: Option<String>,
    /// Follow-up survey outcome.
    pub outcome: Option<String>,
    /// The agreement it led to.
    pub agreement_id: Option<Uuid>,
    /// Rated.
    pub rated_at: Option<DateTime<Utc>>,
    /// Surveyed.
    pub surveyed_at: Option<DateTime<Utc>>,
}

/// A thumbs up or down on a recommendation.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct VoteRow {
    /// Kind of page.
    pub subject_kind: String,
    /// The page's record.
    pub subject_id: Uuid,
    /// Kind of recommended thing.
    pub target_kind: String,
    /// Its id (or PIC).
    pub target_key: String,
    /// Up (true) or down.
    pub up: bool,
    /// Voted.
    pub created_at: DateTime<Utc>,
}

/// An email to the person.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct MailRow {
    /// Id.
    pub id: Uuid,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// Queued.
    pub created_at: DateTime<Utc>,
    /// Sent (None while pending).
    pub sent_at: Option<DateTime<Utc>>,
}

/// A support record that may name the person: theirs as adviser or recorder, or one of their
/// organisations' (the caller compares the adviser's name).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdvisedRow {
    /// The record.
    pub id: Uuid,
    /// The adviser's account.
    pub adviser_user_id: Option<Uuid>,
    /// Who recorded it.
    pub created_by: Option<Uuid>,
    /// The adviser's name.
    pub adviser_name: String,
}

/// An SME declaration that may name the person as signatory.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignedRow {
    /// The declaration.
    pub id: Uuid,
    /// The enterprise.
    pub org_id: Uuid,
    /// Who recorded it.
    pub recorded_by: Option<Uuid>,
    /// The signatory's name.
    pub declared_by: String,
}

/// An audit entry as the privacy scan reads it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    /// Place in the trail.
    pub seq: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor_user_id: Option<Uuid>,
    /// Kind of record.
    pub entity_kind: String,
    /// Its id.
    pub entity_id: String,
    /// What happened.
    pub action: String,
    /// The before/after JSON; None once erased.
    pub content: Option<String>,
    /// When its content was erased.
    pub erased_at: Option<DateTime<Utc>>,
}

const ACCOUNT: &str =
    "SELECT id, email, display_name, email_verified, locale, is_platform_admin, created_at, updated_at FROM users WHERE id = $1";
const TOKENS: &str = "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id";
const SAVED_SEARCHES: &str =
    "SELECT id, name, query, frequency, created_at, last_sent_at FROM saved_searches WHERE user_id = $1 ORDER BY created_at, id";
// A contact with the person's address, or with their name in one of their organisations.
const CONTACT_CANDIDATES: &str = "SELECT id, org_id, name, job_title, email FROM people \
     WHERE lower(email) = $2 OR org_id IN (SELECT org_id FROM memberships WHERE user_id = $1) ORDER BY name, id";
const PROFILES: &str = "SELECT id, owner_org_id, title, state, created_at FROM profiles WHERE created_by = $1 ORDER BY created_at, id";
const PROFILE_ACTIONS: &str = "SELECT id, profile_id, action, state, comment, at FROM profile_events WHERE actor_id = $1 ORDER BY at, id";
const INTERESTS: &str = "SELECT id, profile_id, from_org_id, state, created_by, decided_by, created_at, decided_at FROM interests \
     WHERE created_by = $1 OR decided_by = $1 ORDER BY created_at, id";
const AGREEMENTS: &str = "SELECT id, profile_id, owner_org_id, partner_org_id, agreement_type, signed_on, state, recorded_by, \
     confirmed_by FROM agreements WHERE recorded_by = $1 OR confirmed_by = $1 ORDER BY signed_on, id";
const UPLOADS: &str = "SELECT id, 'agreement' AS attached_to, agreement_id AS parent_id, file_name, sha256, created_at \
     FROM evidence_files WHERE uploaded_by = $1 \
     UNION ALL SELECT id, 'support_record' AS attached_to, record_id AS parent_id, file_name, sha256, created_at \
     FROM support_evidence WHERE uploaded_by = $1 ORDER BY created_at, id";
const EVENTS: &str = "SELECT id, name, starts_at, created_at FROM events WHERE created_by = $1 ORDER BY starts_at, id";
const REGISTRATIONS: &str = "SELECT r.id, r.event_id, e.name AS event_name, r.org_id, r.display_name, r.attendance, r.state, \
     r.checked_in_at, r.created_at FROM event_registrations r JOIN events e ON e.id = r.event_id \
     WHERE r.user_id = $1 ORDER BY r.created_at, r.id";
const ANSWERS: &str = "SELECT a.registration_id, q.label AS question, a.answer FROM event_answers a \
     JOIN event_questions q ON q.id = a.question_id JOIN event_registrations r ON r.id = a.registration_id \
     WHERE r.user_id = $1 ORDER BY a.registration_id, q.position";
const OWN_REGISTRATIONS: &str = "SELECT id FROM event_registrations WHERE user_id = $1";
const MEETINGS: &str = "SELECT id, event_id, requester_id, receiver_id, state, mode, message, reason, outcome, created_at \
     FROM event_meetings WHERE requester_id IN (SELECT id FROM event_registrations WHERE user_id = $1) \
     OR receiver_id IN (SELECT id FROM event_registrations WHERE user_id = $1) ORDER BY created_at, id";
const MEETING_FEEDBACK: &str = "SELECT meeting_id, registration_id, rating, comment, outcome, agreement_id, rated_at, surveyed_at \
     FROM event_meeting_feedback WHERE registration_id IN (SELECT id FROM event_registrations WHERE user_id = $1) \
     ORDER BY meeting_id";
const VOTES: &str = "SELECT subject_kind, subject_id, target_kind, target_key, up, created_at FROM match_feedback \
     WHERE user_id = $1 ORDER BY created_at, subject_kind, target_key";
const MAIL: &str = "SELECT id, subject, body_text, created_at, sent_at FROM outbox WHERE recipient = $1 ORDER BY created_at, id";
const ADVISED: &str = "SELECT id, adviser_user_id, created_by, adviser_name FROM support_records \
     WHERE adviser_user_id = $1 OR created_by = $1 OR support_org_id IN (SELECT org_id FROM memberships WHERE user_id = $1) \
     ORDER BY delivered_on, id";
const SIGNED: &str = "SELECT id, org_id, recorded_by, declared_by FROM sme_declarations \
     WHERE recorded_by = $1 OR org_id IN (SELECT org_id FROM memberships WHERE user_id = $1) ORDER BY declared_on, id";
const AUDIT_PAGE: &str = "SELECT seq, at, actor_user_id, entity_kind, entity_id, action, content, erased_at FROM audit_log \
     WHERE seq > $1 AND (content IS NOT NULL OR actor_user_id = $2) ORDER BY seq LIMIT $3";

/// Runs one of the `SELECT … WHERE … = $1` queries above for `user`.
async fn by_user<T>(conn: Conn<'_>, sql: &str, user: UserId) -> StoreResult<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin,
{
    Ok(on_db!(conn, |c| sqlx::query_as(sql).bind(user.0).fetch_all(&mut *c).await)?)
}

/// The account (None if there is none).
pub async fn account(conn: Conn<'_>, user: UserId) -> StoreResult<Option<AccountRow>> {
    Ok(on_db!(conn, |c| sqlx::query_as(ACCOUNT).bind(user.0).fetch_optional(&mut *c).await)?)
}

/// The person's API tokens, revoked ones included.
pub async fn tokens(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<TokenRow>> {
    by_user(conn, TOKENS, user).await
}

/// The person's saved searches.
pub async fn saved_searches(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<SavedSearchRow>> {
    by_user(conn, SAVED_SEARCHES, user).await
}

/// Contact people with the address `email` (lower case) or in one of the person's organisations
/// (the caller compares names).
pub async fn contact_candidates(conn: Conn<'_>, user: UserId, email: &str) -> StoreResult<Vec<ContactRow>> {
    Ok(on_db!(conn, |c| sqlx::query_as(CONTACT_CANDIDATES).bind(user.0).bind(email).fetch_all(&mut *c).await)?)
}

/// Profiles the person created.
pub async fn profiles(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<ProfileRow>> {
    by_user(conn, PROFILES, user).await
}

/// Steps the person took in profiles' lifecycles.
pub async fn profile_actions(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<ProfileActionRow>> {
    by_user(conn, PROFILE_ACTIONS, user).await
}

/// Expressions of interest the person sent or decided.
pub async fn interests(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<InterestRow>> {
    by_user(conn, INTERESTS, user).await
}

/// Agreements the person recorded or confirmed.
pub async fn agreements(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<AgreementRow>> {
    by_user(conn, AGREEMENTS, user).await
}

/// Evidence files the person uploaded.
pub async fn uploads(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<UploadRow>> {
    by_user(conn, UPLOADS, user).await
}

/// Events the person created.
pub async fn events(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<EventRow>> {
    by_user(conn, EVENTS, user).await
}

/// The person's event registrations.
pub async fn registrations(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<RegistrationRow>> {
    by_user(conn, REGISTRATIONS, user).await
}

/// The person's answers to registration questions.
pub async fn answers(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<AnswerRow>> {
    by_user(conn, ANSWERS, user).await
}

/// Meetings and requests the person took part in.
pub async fn meetings(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<MeetingRow>> {
    by_user(conn, MEETINGS, user).await
}

/// The person's meeting ratings and follow-up answers.
pub async fn meeting_feedback(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<MeetingFeedbackRow>> {
    by_user(conn, MEETING_FEEDBACK, user).await
}

/// The person's votes on recommendations.
pub async fn votes(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<VoteRow>> {
    by_user(conn, VOTES, user).await
}

/// Mail to `email`, sent or pending.
pub async fn mail_to(conn: Conn<'_>, email: &str) -> StoreResult<Vec<MailRow>> {
    Ok(on_db!(conn, |c| sqlx::query_as(MAIL).bind(email).fetch_all(&mut *c).await)?)
}

/// Support records the person advised on or recorded, and those of their organisations.
pub async fn advised(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<AdvisedRow>> {
    by_user(conn, ADVISED, user).await
}

/// SME declarations the person recorded, and those of their organisations.
pub async fn signed(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<SignedRow>> {
    by_user(conn, SIGNED, user).await
}

/// Up to `limit` audit entries after `after` that still have content or were made by `user`.
pub async fn audit_page(conn: Conn<'_>, user: UserId, after: i64, limit: i64) -> StoreResult<Vec<AuditRow>> {
    Ok(on_db!(conn, |c| sqlx::query_as(AUDIT_PAGE).bind(after).bind(user.0).bind(limit).fetch_all(&mut *c).await)?)
}

// ---------------------------------------------------------------------------------------------
// What erasure writes

const PSEUDONYMISE_USER: &str = "UPDATE users SET email = $2, display_name = $3, password_hash = '', email_verified = $4, \
     is_platform_admin = $4, updated_at = $5 WHERE id = $1";
const PSEUDONYMISE_ADVISER: &str = "UPDATE support_records SET adviser_name = $2, written_output = $3, withdrawn_reason = $4, \
     version = version + 1, updated_at = $5 WHERE id = $1";
const PSEUDONYMISE_SIGNATORY: &str = "UPDATE sme_declarations SET declared_by = $2 WHERE id = $1";
const PSEUDONYMISE_REGISTRATIONS: &str = "UPDATE event_registrations SET display_name = $2, updated_at = $3 WHERE user_id = $1";
const CLEAR_MEETING_MESSAGES: &str = "UPDATE event_meetings SET message = NULL \
     WHERE message IS NOT NULL AND requester_id IN (SELECT id FROM event_registrations WHERE user_id = $1)";
const CLEAR_FEEDBACK_COMMENTS: &str = "UPDATE event_meeting_feedback SET comment = NULL \
     WHERE comment IS NOT NULL AND registration_id IN (SELECT id FROM event_registrations WHERE user_id = $1)";
const DELETE_ANSWERS: &str = "DELETE FROM event_answers WHERE registration_id IN (SELECT id FROM event_registrations WHERE user_id = $1)";
const DELETE_CONTACT: &str = "DELETE FROM people WHERE id = $1";
const DELETE_EMAIL_TOKENS: &str = "DELETE FROM email_tokens WHERE user_id = $1";
const DELETE_API_TOKENS: &str = "DELETE FROM api_tokens WHERE user_id = $1";
const DELETE_SAVED_SEARCHES: &str = "DELETE FROM saved_searches WHERE user_id = $1";
const DELETE_VOTES: &str = "DELETE FROM match_feedback WHERE user_id = $1";
const DELETE_MEMBERSHIPS: &str = "DELETE FROM memberships WHERE user_id = $1";
const DELETE_MAIL_TO: &str = "DELETE FROM outbox WHERE recipient = $1";
const DELETE_LOGIN_FAILURES: &str = "DELETE FROM login_failures WHERE email = $1";
// SQLite's LIKE ignores ASCII case, PostgreSQL's does not: either way a superset of the rows
// the caller then rewrites exactly.
const MAIL_MENTIONING: &str = "SELECT id, subject, body_text, created_at, sent_at FROM outbox \
     WHERE subject LIKE $1 ESCAPE '\\' OR body_text LIKE $1 ESCAPE '\\' ORDER BY created_at, id";
const REWRITE_MAIL: &str = "UPDATE outbox SET subject = $2, body_text = $3 WHERE id = $1";
// Sessions are MessagePack records (tower-sessions) holding the user id as text.
const DELETE_SESSIONS_SQLITE: &str = "DELETE FROM tower_sessions WHERE instr(data, $1) > 0";
const DELETE_SESSIONS_POSTGRES: &str = "DELETE FROM tower_sessions.session WHERE position($1::bytea IN data) > 0";

/// Runs one of the statements above with `user` as `$1`; returns rows affected.
async fn execute_for(conn: Conn<'_>, sql: &str, user: UserId) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(sql).bind(user.0).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Replaces the account's address and name, removes its password hash (no password matches an
/// empty hash, so login is impossible) and its verified and admin flags.
pub async fn pseudonymise_user(conn: Conn<'_>, user: UserId, email: &str, name: &str, now: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(PSEUDONYMISE_USER)
        .bind(user.0)
        .bind(email)
        .bind(name)
        .bind(false)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// The person-bearing text of one support record, rewritten.
#[derive(Debug, Clone, Copy)]
pub struct AdviserRewrite<'a> {
    /// The record.
    pub id: Uuid,
    /// The new adviser name.
    pub adviser_name: &'a str,
    /// The written output with the person's name replaced.
    pub written_output: Option<&'a str>,
    /// The withdrawal reason with the person's name replaced.
    pub withdrawn_reason: Option<&'a str>,
}

/// Rewrites a support record's person-bearing text (a new version: an open form is stale).
pub async fn pseudonymise_adviser(conn: Conn<'_>, r: &AdviserRewrite<'_>, now: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(PSEUDONYMISE_ADVISER)
        .bind(r.id)
        .bind(r.adviser_name)
        .bind(r.written_output)
        .bind(r.withdrawn_reason)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Replaces a declaration's signatory name.
pub async fn pseudonymise_signatory(conn: Conn<'_>, id: Uuid, name: &str) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(PSEUDONYMISE_SIGNATORY).bind(id).bind(name).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// The ids of the person's registrations.
pub async fn own_registrations(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<Uuid>> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(OWN_REGISTRATIONS).bind(user.0).fetch_all(&mut *c).await)?)
}

/// Replaces the name on every registration of the person.
pub async fn pseudonymise_registrations(conn: Conn<'_>, user: UserId, name: &str, now: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(PSEUDONYMISE_REGISTRATIONS)
        .bind(user.0)
        .bind(name)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Removes the messages of meeting requests the person sent (the meetings stay).
pub async fn clear_meeting_messages(conn: Conn<'_>, user: UserId) -> StoreResult<u64> {
    execute_for(conn, CLEAR_MEETING_MESSAGES, user).await
}

/// Removes the person's comments on meetings (ratings and outcomes stay).
pub async fn clear_feedback_comments(conn: Conn<'_>, user: UserId) -> StoreResult<u64> {
    execute_for(conn, CLEAR_FEEDBACK_COMMENTS, user).await
}

/// Deletes the person's answers to registration questions.
pub async fn delete_answers(conn: Conn<'_>, user: UserId) -> StoreResult<u64> {
    execute_for(conn, DELETE_ANSWERS, user).await
}

/// Deletes a contact person.
pub async fn delete_contact(conn: Conn<'_>, id: Uuid) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(DELETE_CONTACT).bind(id).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Deletes the person's one-time links (verification, password reset).
pub async fn delete_email_tokens(conn: Conn<'_>, user: UserId) -> StoreResult<u64> {
    execute_for(conn, DELETE_EMAIL_TOKENS, user).await
}

/// Deletes the person's API tokens.
pub async fn delete_api_tokens(conn: Conn<'_>, user: UserId) -> StoreResult<u64> {
    execute_for(conn, DELETE_API_TOKENS, user).await
}

/// Deletes the person's saved searches.
pub async fn delete_saved_searches(conn: Conn<'_>, user: UserId) -> StoreResult<u64> {
    execute_for(conn, DELETE_SAVED_SEARCHES, user).await
}

/// Deletes the person's votes on recommendations.
pub async fn delete_votes(conn: Conn<'_>, user: UserId) -> StoreResult<u64> {
    execute_for(conn, DELETE_VOTES, user).await
}

/// Deletes the person's roles in organisations.
pub async fn delete_memberships(conn: Conn<'_>, user: UserId) -> StoreResult<u64> {
    execute_for(conn, DELETE_MEMBERSHIPS, user).await
}

/// Deletes every email to `email`, sent or pending (a claimed one that is on its way is
/// delivered, and its `sent` mark then finds no row).
pub async fn delete_mail_to(conn: Conn<'_>, email: &str) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(DELETE_MAIL_TO).bind(email).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Forgets failed logins of `email`.
pub async fn delete_login_failures(conn: Conn<'_>, email: &str) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(DELETE_LOGIN_FAILURES).bind(email).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Emails whose subject or body may contain `text` (a superset: the caller checks exactly).
pub async fn mail_mentioning(conn: Conn<'_>, text: &str) -> StoreResult<Vec<MailRow>> {
    let pattern = format!("%{}%", like_escape(text));
    Ok(on_db!(conn, |c| sqlx::query_as(MAIL_MENTIONING).bind(&pattern).fetch_all(&mut *c).await)?)
}

/// Replaces an email's subject and body.
pub async fn rewrite_mail(conn: Conn<'_>, id: Uuid, subject: &str, body_text: &str) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(REWRITE_MAIL)
        .bind(id)
        .bind(subject)
        .bind(body_text)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Ends every web session of the person (their id appears in the session record as text; ids
/// are random, so no other session holds it).
pub async fn delete_sessions(conn: Conn<'_>, user: UserId) -> StoreResult<u64> {
    let id = user.0.hyphenated().to_string().into_bytes();
    Ok(match conn {
        Conn::Sqlite(c) => sqlx::query(DELETE_SESSIONS_SQLITE).bind(id).execute(&mut *c).await?.rows_affected(),
        Conn::Postgres(c) => sqlx::query(DELETE_SESSIONS_POSTGRES).bind(id).execute(&mut *c).await?.rows_affected(),
    })
}
