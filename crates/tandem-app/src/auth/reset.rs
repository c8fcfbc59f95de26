//! Password reset by emailed one-time link.

use super::password::hash_password;
use super::secret::{digest, new_secret};
use crate::mail::messages;
use crate::{App, AppError, AppResult};
use chrono::{Duration, Utc};
use tandem_core::account::{check_password, Email};
use tandem_store::tokens::{self, LinkPurpose};
use tandem_store::{login_failures, outbox, users};

/// How long a reset link works.
const RESET_LINK_MINUTES: i64 = 60;

/// Emails a reset link if the address has an account. Answers the same either way, so the
/// form does not reveal who has an account.
pub async fn request_password_reset(app: &App, email: &str) -> AppResult<()> {
    let Ok(email) = Email::parse(email) else {
        return Err(AppError::invalid("email", "invalid_email", "enter an email address such as name@example.org"));
    };
    let now = Utc::now();
    let mut tx = app.db().begin().await?;
    if let Some(user) = users::by_email(tx.conn(), &email).await? {
        let secret = new_secret();
        tokens::expire_links(tx.conn(), user.id, LinkPurpose::ResetPassword, now).await?;
        tokens::insert_link(tx.conn(), &digest(&secret), user.id, LinkPurpose::ResetPassword, now + Duration::minutes(RESET_LINK_MINUTES))
            .await?;
        let link = format!("{}/reset-password?token={secret}", app.config().base_url.trim_end_matches('/'));
        let message = messages::reset_password(user.locale, &user.display_name, &link);
        outbox::enqueue(tx.conn(), user.email.as_str(), &message.subject, &message.body, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Sets a new password through a reset link; the link also proves the address, so it is verified.
pub async fn reset_password(app: &App, token: &str, new_password: &str) -> AppResult<()> {
    check_password(new_password)?;
    let hash = hash_password(new_password.to_owned()).await?;
    let now = Utc::now();
    let mut tx = app.db().begin().await?;
    let user = tokens::use_link(tx.conn(), &digest(token), LinkPurpose::ResetPassword, now).await?.ok_or_else(|| {
        AppError::invalid("token", "link_invalid", "this link is invalid, used or expired; ask for a new one")
    })?;
    users::set_password(tx.conn(), user, &hash, now).await?;
    users::set_verified(tx.conn(), user, true, now).await?;
    if let Some(u) = users::get(tx.conn(), user).await? {
        login_failures::clear(tx.conn(), u.email.as_str()).await?;
    }
    tx.commit().await?;
    Ok(())
}
