//! The change log: one row per write that matters to matching, appended in the writing
//! transaction, so every app server can bring its in-memory matching engine up to date by reading
//! the rows after the last one it applied — however many servers share the database.
//!
//! Writers call [`append`] inside their transaction (the store's write functions already do);
//! readers call [`since`] with the last id they applied.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, SubsecRound, Utc};

/// What a change is about (`entity_kind`).
pub mod kind {
    /// A partnering profile (id: the profile's id).
    pub const PROFILE: &str = "profile";
    /// A directory organisation (id: the organisation's id).
    pub const ORGANISATION: &str = "organisation";
    /// A programme (id: the programme's id).
    pub const PROGRAMME: &str = "programme";
    /// A partnership agreement recorded, confirmed or rejected (id: the agreement's id).
    pub const AGREEMENT: &str = "agreement";
    /// An introduction made on an expression of interest (id: the interest's id).
    pub const INTRODUCTION: &str = "introduction";
    /// A research (CORDIS) import: projects and participations (id: empty).
    pub const RESEARCH: &str = "research";
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Increasing id (on PostgreSQL in insert order, which may differ a little from commit order).
    pub id: i64,
    /// One of [`kind`].
    pub entity_kind: String,
    /// The record's id as text; empty for changes that concern no single record.
    pub entity_id: String,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

const INSERT: &str = "INSERT INTO change_log (entity_kind, entity_id, created_at) VALUES ($1, $2, $3)";
const SINCE: &str = "SELECT id, entity_kind, entity_id, created_at FROM change_log WHERE id > $1 ORDER BY id LIMIT $2";
const LATEST: &str = "SELECT MAX(id) FROM change_log";
const PRUNE: &str = "DELETE FROM change_log WHERE created_at < $1";

/// Records that `entity_kind` `entity_id` changed; call it in the transaction that changes it.
pub async fn append(conn: Conn<'_>, entity_kind: &str, entity_id: &str, now: DateTime<Utc>) -> StoreResult<()> {
    let now = now.trunc_subsecs(6);
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(entity_kind)
        .bind(entity_id)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// At most `limit` changes with an id above `after`, oldest first.
pub async fn since(conn: Conn<'_>, after: i64, limit: i64) -> StoreResult<Vec<Change>> {
    type Row = (i64, String, String, DateTime<Utc>);
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(SINCE).bind(after).bind(limit).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|(id, entity_kind, entity_id, created_at)| Change { id, entity_kind, entity_id, created_at })
        .collect())
}

/// The highest id written so far (0 when the log is empty).
pub async fn latest(conn: Conn<'_>) -> StoreResult<i64> {
    let max: Option<i64> = on_db!(conn, |c| sqlx::query_scalar(LATEST).fetch_one(&mut *c).await)?;
    Ok(max.unwrap_or(0))
}

/// Deletes changes written before `before` (every server has long applied them); returns how
/// many. Ids keep growing afterwards on both backends.
pub async fn prune(conn: Conn<'_>, before: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(PRUNE).bind(before).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}
