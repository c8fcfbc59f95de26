//! The email outbox: messages are written in the same transaction as the change that causes
//! them, then claimed and sent by a worker. A claim expires, so a crashed sender loses nothing.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::MessageId;
use uuid::Uuid;

/// An email waiting to be sent.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxMessage {
    /// Id.
    pub id: Uuid,
    /// Recipient address.
    pub recipient: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body_text: String,
    /// Attempts so far, this one included.
    pub attempts: i32,
}

const INSERT: &str = "INSERT INTO outbox (id, recipient, subject, body_text, created_at, attempts, next_attempt_at) \
     VALUES ($1, $2, $3, $4, $5, 0, $5)";
// One statement claims the batch, so two workers never claim the same row: PostgreSQL skips rows
// another worker has locked; SQLite serialises writers anyway.
const CLAIM_SQLITE: &str = "UPDATE outbox SET claimed_until = $2, attempts = attempts + 1 WHERE id IN ( \
     SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 \
     AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY created_at, id LIMIT $3) \
     RETURNING id, recipient, subject, body_text, attempts";
const CLAIM_POSTGRES: &str = "UPDATE outbox SET claimed_until = $2, attempts = attempts + 1 WHERE id IN ( \
     SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 \
     AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) \
     RETURNING id, recipient, subject, body_text, attempts";
const MARK_SENT: &str = "UPDATE outbox SET sent_at = $2, claimed_until = NULL, last_error = NULL WHERE id = $1";
const MARK_FAILED: &str = "UPDATE outbox SET claimed_until = NULL, last_error = $2, next_attempt_at = $3 WHERE id = $1";
const PENDING: &str = "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL";
const RECENT_TO: &str = "SELECT id, recipient, subject, body_text, attempts FROM outbox WHERE recipient = $1 \
     ORDER BY created_at DESC, id DESC LIMIT 20";

/// Queues an email.
pub async fn enqueue(conn: Conn<'_>, recipient: &str, subject: &str, body_text: &str, now: DateTime<Utc>) -> StoreResult<MessageId> {
    let id = MessageId::new();
    on_db!(conn, |c| sqlx::query(INSERT).bind(id.0).bind(recipient).bind(subject).bind(body_text).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Claims up to `limit` due messages until `claim_until`.
pub async fn claim(conn: Conn<'_>, now: DateTime<Utc>, claim_until: DateTime<Utc>, limit: i64) -> StoreResult<Vec<OutboxMessage>> {
    Ok(match conn {
        Conn::Sqlite(c) => sqlx::query_as(CLAIM_SQLITE).bind(now).bind(claim_until).bind(limit).fetch_all(&mut *c).await?,
        Conn::Postgres(c) => sqlx::query_as(CLAIM_POSTGRES).bind(now).bind(claim_until).bind(limit).fetch_all(&mut *c).await?,
    })
}

/// Records a successful send.
pub async fn mark_sent(conn: Conn<'_>, id: Uuid, now: DateTime<Utc>) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(MARK_SENT).bind(id).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records a failed attempt and when to try again.
pub async fn mark_failed(conn: Conn<'_>, id: Uuid, error: &str, retry_at: DateTime<Utc>) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(MARK_FAILED).bind(id).bind(error).bind(retry_at).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Messages not yet sent.
pub async fn pending_count(conn: Conn<'_>) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(PENDING).fetch_one(&mut *c).await)?)
}

/// The newest messages to `recipient` (operator and test inspection).
pub async fn recent_to(conn: Conn<'_>, recipient: &str) -> StoreResult<Vec<OutboxMessage>> {
    Ok(on_db!(conn, |c| sqlx::query_as(RECENT_TO).bind(recipient).fetch_all(&mut *c).await)?)
}

// ---------------------------------------------------------------------------------------------
// Keyed messages: sent later (reminders), found and withdrawn again by their `cancel_key`

const INSERT_KEYED: &str = "INSERT INTO outbox (id, recipient, subject, body_text, created_at, attempts, next_attempt_at, cancel_key) \
     VALUES ($1, $2, $3, $4, $5, 0, $6, $7)";
const KEY_EXISTS: &str = "SELECT COUNT(*) FROM outbox WHERE cancel_key = $1";
// A message a sender has claimed right now is on its way: it is left alone.
const CANCEL_UNSENT: &str = "DELETE FROM outbox WHERE cancel_key = $1 AND sent_at IS NULL \
     AND (claimed_until IS NULL OR claimed_until < $2)";
const UNSENT_KEYS: &str = "SELECT cancel_key FROM outbox WHERE cancel_key LIKE $1 ESCAPE '\\' AND sent_at IS NULL \
     ORDER BY cancel_key";

/// Queues an email that is not sent before `send_at`, under `cancel_key` (the change that makes
/// it wrong withdraws it with [`cancel_unsent`]).
pub async fn enqueue_at(
    conn: Conn<'_>,
    recipient: &str,
    subject: &str,
    body_text: &str,
    now: DateTime<Utc>,
    send_at: DateTime<Utc>,
    cancel_key: &str,
) -> StoreResult<MessageId> {
    let id = MessageId::new();
    on_db!(conn, |c| sqlx::query(INSERT_KEYED)
        .bind(id.0)
        .bind(recipient)
        .bind(subject)
        .bind(body_text)
        .bind(now)
        .bind(send_at)
        .bind(cancel_key)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// True when a message under `cancel_key` was queued, sent or not.
pub async fn key_exists(conn: Conn<'_>, cancel_key: &str) -> StoreResult<bool> {
    let n: i64 = on_db!(conn, |c| sqlx::query_scalar(KEY_EXISTS).bind(cancel_key).fetch_one(&mut *c).await)?;
    Ok(n > 0)
}

/// Withdraws the messages under `cancel_key` that are not sent yet (nor being sent at `now`);
/// returns how many.
pub async fn cancel_unsent(conn: Conn<'_>, cancel_key: &str, now: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(CANCEL_UNSENT).bind(cancel_key).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// The keys of unsent messages whose key starts with `prefix`, in key order.
pub async fn unsent_keys(conn: Conn<'_>, prefix: &str) -> StoreResult<Vec<String>> {
    let pattern = format!("{}%", crate::like_escape(prefix));
    Ok(on_db!(conn, |c| sqlx::query_scalar(UNSENT_KEYS).bind(&pattern).fetch_all(&mut *c).await)?)
}
