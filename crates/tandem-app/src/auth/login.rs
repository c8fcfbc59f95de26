//! Login with a failed-attempt limit per address, kept in the database so it holds across servers.

use super::password::verify_password;
use crate::{App, AppError, AppResult};
use chrono::{Duration, Utc};
use tandem_core::account::{Email, User};
use tandem_store::{login_failures, users};

/// Failed attempts allowed per address within the window.
pub const LOGIN_FAILURE_LIMIT: i64 = 5;
/// Length of the failed-attempt window.
pub const LOGIN_WINDOW_MINUTES: i64 = 15;

// A valid Argon2id hash of a random string: checking unknown addresses against it makes a
// failed login take as long whether or not the address has an account.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$9dZ0w1I5R1rY0nG4r2m8i0wB3h3y9S0CwQ4l3kVfFfQ";

/// Checks the credentials; the same error for a wrong address and a wrong password.
pub async fn login(app: &App, email: &str, password: &str) -> AppResult<User> {
    let wrong = || AppError::invalid("password", "invalid_credentials", "the email address or the password is wrong");
    let Ok(email) = Email::parse(email) else { return Err(wrong()) };
    let now = Utc::now();
    let window_start = now - Duration::minutes(LOGIN_WINDOW_MINUTES);
    let mut conn = app.db().acquire().await?;
    if login_failures::recent(conn.conn(), email.as_str(), window_start).await? >= LOGIN_FAILURE_LIMIT {
        return Err(AppError::RateLimited { retry_after_secs: (LOGIN_WINDOW_MINUTES * 60) as u64 });
    }
    let credentials = users::credentials(conn.conn(), &email).await?;
    drop(conn);
    let (user_id, hash) = match credentials {
        Some((id, hash)) => (Some(id), hash),
        None => (None, DUMMY_HASH.to_owned()),
    };
    let matches = verify_password(password.to_owned(), hash).await.unwrap_or(false);
    let mut tx = app.db().begin().await?;
    let result = match (user_id, matches) {
        (Some(id), true) => {
            login_failures::clear(tx.conn(), email.as_str()).await?;
            users::get(tx.conn(), id).await?.ok_or(AppError::NotFound)
        }
        _ => {
            login_failures::record(tx.conn(), email.as_str(), now, window_start).await?;
            Err(wrong())
        }
    };
    tx.commit().await?;
    result
}
