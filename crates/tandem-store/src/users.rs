//! User accounts.

use crate::{on_db, Conn, StoreError, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::account::{Email, Locale, User};
use tandem_core::UserId;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct UserRow {
    id: Uuid,
    email: String,
    display_name: String,
    email_verified: bool,
    locale: String,
    is_platform_admin: bool,
}

impl UserRow {
    fn into_user(self) -> StoreResult<User> {
        Ok(User {
            id: UserId(self.id),
            // Stored addresses were parsed on the way in; failing here means the row was edited by hand.
            email: Email::parse(&self.email).map_err(|_| StoreError::NotFound)?,
            display_name: self.display_name,
            email_verified: self.email_verified,
            locale: Locale::from_key(&self.locale).unwrap_or_default(),
            is_platform_admin: self.is_platform_admin,
        })
    }
}

const COLUMNS_BY_ID: &str =
    "SELECT id, email, display_name, email_verified, locale, is_platform_admin FROM users WHERE id = $1";
const BY_EMAIL: &str =
    "SELECT id, email, display_name, email_verified, locale, is_platform_admin FROM users WHERE email = $1";
const HASH_BY_EMAIL: &str = "SELECT id, password_hash FROM users WHERE email = $1";
const INSERT: &str = "INSERT INTO users (id, email, display_name, password_hash, email_verified, locale, \
     is_platform_admin, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)";
const SET_PASSWORD: &str = "UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1";
const SET_VERIFIED: &str = "UPDATE users SET email_verified = $2, updated_at = $3 WHERE id = $1";
const SET_LOCALE: &str = "UPDATE users SET locale = $2, updated_at = $3 WHERE id = $1";
const SET_NAME: &str = "UPDATE users SET display_name = $2, updated_at = $3 WHERE id = $1";
const SET_ADMIN: &str = "UPDATE users SET is_platform_admin = $2, updated_at = $3 WHERE id = $1";
const COUNT: &str = "SELECT COUNT(*) FROM users";

/// A new account as stored.
pub struct NewUser<'a> {
    /// Id.
    pub id: UserId,
    /// Address.
    pub email: &'a Email,
    /// Name.
    pub display_name: &'a str,
    /// PHC string of the password hash.
    pub password_hash: &'a str,
    /// Address already confirmed (operator-created accounts).
    pub email_verified: bool,
    /// Language.
    pub locale: Locale,
    /// Platform admin.
    pub is_platform_admin: bool,
}

/// Inserts an account; `Duplicate { field: "email" }` if the address is taken.
pub async fn insert(conn: Conn<'_>, user: &NewUser<'_>, now: DateTime<Utc>) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(user.id.0)
        .bind(user.email.as_str())
        .bind(user.display_name)
        .bind(user.password_hash)
        .bind(user.email_verified)
        .bind(user.locale.key())
        .bind(user.is_platform_admin)
        .bind(now)
        .execute(&mut *c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// An account by id.
pub async fn get(conn: Conn<'_>, id: UserId) -> StoreResult<Option<User>> {
    let row: Option<UserRow> = on_db!(conn, |c| sqlx::query_as(COLUMNS_BY_ID).bind(id.0).fetch_optional(&mut *c).await)?;
    row.map(UserRow::into_user).transpose()
}

/// An account by address.
pub async fn by_email(conn: Conn<'_>, email: &Email) -> StoreResult<Option<User>> {
    let row: Option<UserRow> =
        on_db!(conn, |c| sqlx::query_as(BY_EMAIL).bind(email.as_str()).fetch_optional(&mut *c).await)?;
    row.map(UserRow::into_user).transpose()
}

/// The id and password hash for an address (login).
pub async fn credentials(conn: Conn<'_>, email: &Email) -> StoreResult<Option<(UserId, String)>> {
    let row: Option<(Uuid, String)> =
        on_db!(conn, |c| sqlx::query_as(HASH_BY_EMAIL).bind(email.as_str()).fetch_optional(&mut *c).await)?;
    Ok(row.map(|(id, hash)| (UserId(id), hash)))
}

async fn set<T>(conn: Conn<'_>, sql: &'static str, id: UserId, value: T, now: DateTime<Utc>) -> StoreResult<()>
where
    T: for<'q> sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
    T: for<'q> sqlx::Encode<'q, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
    T: Send + Sync,
{
    let n = on_db!(conn, |c| sqlx::query(sql).bind(id.0).bind(value).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

/// Replaces the password hash.
pub async fn set_password(conn: Conn<'_>, id: UserId, hash: &str, now: DateTime<Utc>) -> StoreResult<()> {
    set(conn, SET_PASSWORD, id, hash.to_owned(), now).await
}

/// Marks the address confirmed (or not).
pub async fn set_verified(conn: Conn<'_>, id: UserId, verified: bool, now: DateTime<Utc>) -> StoreResult<()> {
    set(conn, SET_VERIFIED, id, verified, now).await
}

/// Changes the language.
pub async fn set_locale(conn: Conn<'_>, id: UserId, locale: Locale, now: DateTime<Utc>) -> StoreResult<()> {
    set(conn, SET_LOCALE, id, locale.key().to_owned(), now).await
}

/// Changes the display name.
pub async fn set_display_name(conn: Conn<'_>, id: UserId, name: &str, now: DateTime<Utc>) -> StoreResult<()> {
    set(conn, SET_NAME, id, name.to_owned(), now).await
}

/// Grants or revokes platform admin.
pub async fn set_platform_admin(conn: Conn<'_>, id: UserId, admin: bool, now: DateTime<Utc>) -> StoreResult<()> {
    set(conn, SET_ADMIN, id, admin, now).await
}

/// Number of accounts.
pub async fn count(conn: Conn<'_>) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(COUNT).fetch_one(&mut *c).await)?)
}
