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
