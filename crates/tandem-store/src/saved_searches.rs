//! Saved marketplace searches and their alerts (issue 3, item 8).
//!
//! The digest moves each search's window with a conditional update (`mark_sent`): only the run
//! that still sees the `last_sent_at` it read wins, so two servers running the digest at once
//! send each alert once — the loser's transaction, with the email it queued, is rolled back.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, SubsecRound as _, Utc};
use tandem_core::{SavedSearchId, UserId};
use uuid::Uuid;

/// A saved search as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSearch {
    /// Id.
    pub id: SavedSearchId,
    /// Owner (who gets the alerts).
    pub user_id: UserId,
    /// The owner's label.
    pub name: String,
    /// The marketplace query, as JSON.
    pub query: String,
    /// `daily` or `weekly`.
    pub frequency: String,
    /// The secret of the unsubscribe link in every alert.
    pub unsubscribe_token: String,
    /// End of the window already alerted (profiles published later are new).
    pub last_sent_at: DateTime<Utc>,
    /// Created.
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    user_id: Uuid,
    name: String,
    query: String,
    frequency: String,
    unsubscribe_token: String,
    last_sent_at: DateTime<Utc>,
    created_at: DateTime<Utc>,
}

impl From<Row> for SavedSearch {
    fn from(r: Row) -> Self {
        SavedSearch {
            id: SavedSearchId(r.id),
            user_id: UserId(r.user_id),
            name: r.name,
            query: r.query,
            frequency: r.frequency,
            unsubscribe_token: r.unsubscribe_token,
            last_sent_at: r.last_sent_at,
            created_at: r.created_at,
        }
    }
}

const COLUMNS: &str = "SELECT id, user_id, name, query, frequency, unsubscribe_token, last_sent_at, created_at FROM saved_searches";
const INSERT: &str = "INSERT INTO saved_searches (id, user_id, name, query, frequency, unsubscribe_token, last_sent_at, \
     created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const COUNT_FOR_USER: &str = "SELECT COUNT(*) FROM saved_searches WHERE user_id = $1";
const DELETE: &str = "DELETE FROM saved_searches WHERE id = $1 AND user_id = $2";
const DELETE_BY_TOKEN: &str = "DELETE FROM saved_searches WHERE unsubscribe_token = $1";
const MARK_SENT: &str = "UPDATE saved_searches SET last_sent_at = $3 WHERE id = $1 AND last_sent_at = $2";

/// Stores a new saved search (timestamps truncated to microseconds, as both databases keep
/// them, so the value read back compares equal in `mark_sent`).
pub async fn insert(conn: Conn<'_>, search: &SavedSearch) -> StoreResult<SavedSearch> {
    let stored = SavedSearch {
        last_sent_at: search.last_sent_at.trunc_subsecs(6),
        created_at: search.created_at.trunc_subsecs(6),
        ..search.clone()
    };
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(stored.id.0)
        .bind(stored.user_id.0)
        .bind(&stored.name)
        .bind(&stored.query)
        .bind(&stored.frequency)
        .bind(&stored.unsubscribe_token)
        .bind(stored.last_sent_at)
        .bind(stored.created_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(stored)
}

/// The user's saved searches, oldest first.
pub async fn for_user(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<SavedSearch>> {
    let sql = format!("{COLUMNS} WHERE user_id = $1 ORDER BY created_at, id");
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(&sql).bind(user.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(SavedSearch::from).collect())
}

/// How many searches the user has saved.
pub async fn count_for_user(conn: Conn<'_>, user: UserId) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(COUNT_FOR_USER).bind(user.0).fetch_one(&mut *c).await)?)
}

/// A saved search by id.
pub async fn get(conn: Conn<'_>, id: SavedSearchId) -> StoreResult<Option<SavedSearch>> {
    let sql = format!("{COLUMNS} WHERE id = $1");
    let row: Option<Row> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(SavedSearch::from))
}

/// Deletes one of `user`'s saved searches; false if the user has no search with this id.
pub async fn delete(conn: Conn<'_>, id: SavedSearchId, user: UserId) -> StoreResult<bool> {
    let n = on_db!(conn, |c| sqlx::query(DELETE).bind(id.0).bind(user.0).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// The saved search whose unsubscribe link carries `token`.
pub async fn by_unsubscribe_token(conn: Conn<'_>, token: &str) -> StoreResult<Option<SavedSearch>> {
    let sql = format!("{COLUMNS} WHERE unsubscribe_token = $1");
    let row: Option<Row> = on_db!(conn, |c| sqlx::query_as(&sql).bind(token).fetch_optional(&mut *c).await)?;
    Ok(row.map(SavedSearch::from))
}

/// Deletes the saved search of an unsubscribe link; false if there is none (any more).
pub async fn delete_by_token(conn: Conn<'_>, token: &str) -> StoreResult<bool> {
    let n = on_db!(conn, |c| sqlx::query(DELETE_BY_TOKEN).bind(token).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// Searches of `frequency` whose window ended at or before `sent_before` (due for a digest),
/// oldest window first.
pub async fn due(conn: Conn<'_>, frequency: &str, sent_before: DateTime<Utc>) -> StoreResult<Vec<SavedSearch>> {
    let sql = format!("{COLUMNS} WHERE frequency = $1 AND last_sent_at <= $2 ORDER BY last_sent_at, id LIMIT 10000");
    let rows: Vec<Row> =
        on_db!(conn, |c| sqlx::query_as(&sql).bind(frequency).bind(sent_before.trunc_subsecs(6)).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(SavedSearch::from).collect())
}

/// Moves the window of search `id` to `now` if it still ends at `expected_last_sent_at` (the
/// value the caller read); false when another run moved it first (or the search is gone).
pub async fn mark_sent(conn: Conn<'_>, id: SavedSearchId, expected_last_sent_at: DateTime<Utc>, now: DateTime<Utc>) -> StoreResult<bool> {
    let n = on_db!(conn, |c| sqlx::query(MARK_SENT)
        .bind(id.0)
        .bind(expected_last_sent_at)
        .bind(now.trunc_subsecs(6))
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}
