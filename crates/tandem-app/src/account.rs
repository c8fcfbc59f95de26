//! The logged-in user's own account: name and language.

use crate::{App, AppError, AppResult};
use chrono::Utc;
use tandem_core::account::{Locale, Membership, User};
use tandem_core::policy::Actor;
use tandem_core::validation::{required_text, ValidationErrors};
use tandem_store::{memberships, users};

/// The account and its memberships, for the account page and `/api/v1/me`.
#[derive(Debug, Clone)]
pub struct AccountView {
    /// The user.
    pub user: User,
    /// Roles in organisations.
    pub memberships: Vec<Membership>,
}

/// The logged-in user's account.
pub async fn view(app: &App, actor: &Actor) -> AppResult<AccountView> {
    let id = actor.user()?.id;
    let mut conn = app.db().acquire().await?;
    let user = users::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    let memberships = memberships::of_user(conn.conn(), id).await?;
    Ok(AccountView { user, memberships })
}

/// Changes the display name and language.
pub async fn update(app: &App, actor: &Actor, display_name: &str, locale: &str) -> AppResult<()> {
    let id = actor.user()?.id;
    let mut errors = ValidationErrors::default();
    let name = required_text(&mut errors, "display_name", display_name, 120);
    let locale = Locale::from_key(locale);
    if locale.is_none() {
        errors.add("locale", "invalid_choice", format!("locale must be one of: {}", Locale::keys_list()));
    }
    let Some(locale) = locale.filter(|_| errors.is_empty()) else { return Err(AppError::Invalid(errors)) };
    let now = Utc::now();
    let mut tx = app.db().begin().await?;
    users::set_display_name(tx.conn(), id, &name, now).await?;
    users::set_locale(tx.conn(), id, locale, now).await?;
    tx.commit().await?;
    Ok(())
}
