//! Direct looks at, and pokes into, a test database: for state no use case exposes (an outbox
//! row's error, forcing a retry due) in crates that do not depend on sqlx themselves.

use chrono::{DateTime, Utc};
use tandem_store::Db;
use uuid::Uuid;

/// An outbox row with its delivery bookkeeping.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxState {
    /// Id.
    pub id: Uuid,
    /// Recipient.
    pub recipient: String,
    /// Subject.
    pub subject: String,
    /// Attempts so far.
    pub attempts: i32,
    /// When the next attempt is due.
    pub next_attempt_at: DateTime<Utc>,
    /// Reserved for a sender until then.
    pub claimed_until: Option<DateTime<Utc>>,
    /// When it was sent; `None` while pending.
    pub sent_at: Option<DateTime<Utc>>,
    /// The last delivery error.
    pub last_error: Option<String>,
}

const OUTBOX_STATE: &str = "SELECT id, recipient, subject, attempts, next_attempt_at, claimed_until, sent_at, last_error \
     FROM outbox ORDER BY created_at, id";

/// Every outbox row, oldest first.
pub async fn outbox_state(db: &Db) -> Vec<OutboxState> {
    match db {
        Db::Sqlite(pool) => sqlx::query_as(OUTBOX_STATE).fetch_all(pool).await,
        Db::Postgres(pool) => sqlx::query_as(OUTBOX_STATE).fetch_all(pool).await,
    }
    .expect("read the outbox")
}

/// Makes every unsent outbox message due now, as if its retry time had passed.
pub async fn make_outbox_due(db: &Db) {
    execute(db, "UPDATE outbox SET next_attempt_at = created_at, claimed_until = NULL WHERE sent_at IS NULL").await;
}

/// Runs one statement without parameters (valid on the test's backend); returns rows affected.
pub async fn execute(db: &Db, sql: &str) -> u64 {
    match db {
        Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|r| r.rows_affected()),
        Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|r| r.rows_affected()),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}
