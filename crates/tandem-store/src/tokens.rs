//! Secrets handed to users: one-time email links and API tokens. Only SHA-256 digests are stored.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::{TokenId, UserId};
use uuid::Uuid;

/// What a one-time email link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    /// Confirms the address of a new account.
    VerifyEmail,
    /// Lets the user choose a new password.
    ResetPassword,
}

impl LinkPurpose {
    fn key(self) -> &'static str {
        match self {
            LinkPurpose::VerifyEmail => "verify_email",
            LinkPurpose::ResetPassword => "reset_password",
        }
    }
}

const INSERT_LINK: &str = "INSERT INTO email_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)";
const USE_LINK: &str = "UPDATE email_tokens SET used_at = $3 WHERE token_hash = $1 AND purpose = $2 \
     AND used_at IS NULL AND expires_at > $3 RETURNING user_id";
const EXPIRE_LINKS: &str = "UPDATE email_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL";

/// Stores a one-time link's digest.
pub async fn insert_link(
    conn: Conn<'_>,
    digest: &str,
    user: UserId,
    purpose: LinkPurpose,
    expires_at: DateTime<Utc>,
) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT_LINK)
        .bind(digest)
        .bind(user.0)
        .bind(purpose.key())
        .bind(expires_at)
        .execute(&mut *c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Marks a link used and returns its user, if it exists, is unused, unexpired and for `purpose`.
pub async fn use_link(conn: Conn<'_>, digest: &str, purpose: LinkPurpose, now: DateTime<Utc>) -> StoreResult<Option<UserId>> {
    let id: Option<Uuid> = on_db!(conn, |c| sqlx::query_scalar(USE_LINK)
        .bind(digest)
        .bind(purpose.key())
        .bind(now)
        .fetch_optional(&mut *c)
        .await)?;
    Ok(id.map(UserId))
}

/// Invalidates every open link of `user` for `purpose` (a new link replaces old ones).
pub async fn expire_links(conn: Conn<'_>, user: UserId, purpose: LinkPurpose, now: DateTime<Utc>) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(EXPIRE_LINKS).bind(user.0).bind(purpose.key()).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// An API token as listed to its owner (never the secret).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiTokenRow {
    /// Id.
    pub id: Uuid,
    /// Owner's label.
    pub name: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last used.
    pub last_used_at: Option<DateTime<Utc>>,
}

const INSERT_TOKEN: &str = "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)";
const TOKENS_OF: &str = "SELECT id, name, created_at, last_used_at FROM api_tokens \
     WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id";
const REVOKE: &str = "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL";
const AUTHENTICATE: &str =
    "UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING user_id";

/// Stores a new API token's digest.
pub async fn insert_api_token(
    conn: Conn<'_>,
    id: TokenId,
    user: UserId,
    name: &str,
    digest: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT_TOKEN).bind(id.0).bind(user.0).bind(name).bind(digest).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The user's active tokens.
pub async fn api_tokens_of(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<ApiTokenRow>> {
    Ok(on_db!(conn, |c| sqlx::query_as(TOKENS_OF).bind(user.0).fetch_all(&mut *c).await)?)
}

/// Revokes one of the user's tokens; false if there was no such active token.
pub async fn revoke_api_token(conn: Conn<'_>, user: UserId, id: TokenId, now: DateTime<Utc>) -> StoreResult<bool> {
    let n = on_db!(conn, |c| sqlx::query(REVOKE).bind(id.0).bind(user.0).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// The owner of an active token with this digest (and records the use).
pub async fn authenticate_api_token(conn: Conn<'_>, digest: &str, now: DateTime<Utc>) -> StoreResult<Option<UserId>> {
    let id: Option<Uuid> = on_db!(conn, |c| sqlx::query_scalar(AUTHENTICATE).bind(digest).bind(now).fetch_optional(&mut *c).await)?;
    Ok(id.map(UserId))
}
