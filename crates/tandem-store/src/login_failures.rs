//! Failed-login counters per address, in the database so that every app server sees them.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};

const GET: &str = "SELECT failures, window_started_at FROM login_failures WHERE email = $1";
const RECORD: &str = "INSERT INTO login_failures (email, failures, window_started_at) VALUES ($1, 1, $2) \
     ON CONFLICT (email) DO UPDATE SET \
       failures = CASE WHEN login_failures.window_started_at < $3 THEN 1 ELSE login_failures.failures + 1 END, \
       window_started_at = CASE WHEN login_failures.window_started_at < $3 THEN $2 ELSE login_failures.window_started_at END";
const CLEAR: &str = "DELETE FROM login_failures WHERE email = $1";

/// Failures recorded for `email` in the window that started at or after `window_start`.
pub async fn recent(conn: Conn<'_>, email: &str, window_start: DateTime<Utc>) -> StoreResult<i64> {
    let row: Option<(i32, DateTime<Utc>)> = on_db!(conn, |c| sqlx::query_as(GET).bind(email).fetch_optional(&mut *c).await)?;
    Ok(match row {
        Some((n, started)) if started >= window_start => i64::from(n),
        _ => 0,
    })
}

/// Counts one failure; a window older than `window_start` starts over.
pub async fn record(conn: Conn<'_>, email: &str, now: DateTime<Utc>, window_start: DateTime<Utc>) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(RECORD).bind(email).bind(now).bind(window_start).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Forgets the failures after a successful login.
pub async fn clear(conn: Conn<'_>, email: &str) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(CLEAR).bind(email).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
