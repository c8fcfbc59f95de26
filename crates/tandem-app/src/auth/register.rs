//! Registration and email verification.

use super::password::hash_password;
use super::secret::{digest, new_secret};
use crate::mail::messages;
use crate::{App, AppError, AppResult};
use chrono::{Duration, Utc};
use tandem_core::account::{check_password, Email, Locale, User};
use tandem_core::validation::{required_text, ValidationErrors};
use tandem_core::UserId;
use tandem_store::tokens::{self, LinkPurpose};
use tandem_store::{outbox, users, Tx};

/// How long a verification link works.
const VERIFY_LINK_HOURS: i64 = 48;

/// What a new user enters.
#[derive(Debug, Clone)]
pub struct Registration {
    /// Address.
    pub email: String,
    /// Name shown to others.
    pub display_name: String,
    /// Password.
    pub password: String,
    /// Language for the UI and emails.
    pub locale: Locale,
}

/// Creates an unverified account and emails a verification link, in one transaction.
pub async fn register(app: &App, form: Registration) -> AppResult<User> {
    let mut errors = ValidationErrors::default();
    let email = Email::parse(&form.email).map_err(|e| errors.0.extend(e.0)).ok();
    let display_name = required_text(&mut errors, "display_name", &form.display_name, 120);
    if let Err(e) = check_password(&form.password) {
        errors.0.extend(e.0);
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else { return Err(AppError::Invalid(errors)) };
    let hash = hash_password(form.password).await?;
    let id = UserId::new();
    let now = Utc::now();
    let mut tx = app.db().begin().await?;
    let new = users::NewUser {
        id,
        email: &email,
        display_name: &display_name,
        password_hash: &hash,
        email_verified: false,
        locale: form.locale,
        is_platform_admin: false,
    };
    users::insert(tx.conn(), &new, now).await.map_err(|e| match AppError::from(e) {
        AppError::Invalid(_) => AppError::invalid(
            "email",
            "email_taken",
            "an account with this address exists already: log in, or reset its password",
        ),
        other => other,
    })?;
    let user = users::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    send_verification_link(app, &mut tx, &user).await?;
    tx.commit().await?;
    Ok(user)
}

/// Sends a fresh verification link (older ones stop working).
pub async fn resend_verification(app: &App, user: UserId) -> AppResult<()> {
    let mut tx = app.db().begin().await?;
    let user = users::get(tx.conn(), user).await?.ok_or(AppError::NotFound)?;
    if !user.email_verified {
        send_verification_link(app, &mut tx, &user).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn send_verification_link(app: &App, tx: &mut Tx, user: &User) -> AppResult<()> {
    let now = Utc::now();
    let secret = new_secret();
    tokens::expire_links(tx.conn(), user.id, LinkPurpose::VerifyEmail, now).await?;
    tokens::insert_link(tx.conn(), &digest(&secret), user.id, LinkPurpose::VerifyEmail, now + Duration::hours(VERIFY_LINK_HOURS))
        .await?;
    let link = format!("{}/verify-email?token={secret}", app.config().base_url.trim_end_matches('/'));
    let message = messages::verify_email(user.locale, &user.display_name, &link);
    outbox::enqueue(tx.conn(), user.email.as_str(), &message.subject, &message.body, now).await?;
    Ok(())
}

/// Confirms the address behind a verification link.
pub async fn verify_email(app: &App, token: &str) -> AppResult<User> {
    let now = Utc::now();
    let mut tx = app.db().begin().await?;
    let user = tokens::use_link(tx.conn(), &digest(token), LinkPurpose::VerifyEmail, now).await?.ok_or_else(|| {
        AppError::invalid("token", "link_invalid", "this link is invalid, used or expired; ask for a new one on your account page")
    })?;
    users::set_verified(tx.conn(), user, true, now).await?;
    let user = users::get(tx.conn(), user).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(user)
}
