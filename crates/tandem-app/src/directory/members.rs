//! An organisation's members, managed by its admins.

use crate::{App, AppError, AppResult};
use chrono::Utc;
use tandem_core::account::{Email, OrgRole};
use tandem_core::policy::{self, Actor};
use tandem_core::{OrgId, UserId};
use tandem_store::memberships::{self, MemberRow};
use tandem_store::users;

/// The members of `org` (for its admins).
pub async fn list(app: &App, actor: &Actor, org: OrgId) -> AppResult<Vec<MemberRow>> {
    let editor = policy::org_editor(actor, org)?;
    let mut conn = app.db().acquire().await?;
    Ok(memberships::members_of(conn.conn(), editor.org_id()).await?)
}

/// Adds the account with `email` to `org` with `role` (or changes its role there).
pub async fn add(app: &App, actor: &Actor, org: OrgId, email: &str, role: &str) -> AppResult<()> {
    let editor = policy::org_editor(actor, org)?;
    let email = Email::parse(email)?;
    let role = OrgRole::from_key(role)
        .ok_or_else(|| AppError::invalid("role", "invalid_choice", format!("role must be one of: {}", OrgRole::keys_list())))?;
    let mut tx = app.db().begin().await?;
    let user = users::by_email(tx.conn(), &email).await?.ok_or_else(|| {
        AppError::invalid("email", "unknown_user", "nobody has registered with this address yet; ask them to register first")
    })?;
    memberships::set(tx.conn(), user.id, editor.org_id(), role, Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a member; an admin cannot remove themselves (someone must be left to manage it).
pub async fn remove(app: &App, actor: &Actor, org: OrgId, user: UserId) -> AppResult<()> {
    let editor = policy::org_editor(actor, org)?;
    if actor.user()?.id == user {
        return Err(AppError::invalid("user", "cannot_remove_self", "you cannot remove yourself; ask another admin"));
    }
    let mut tx = app.db().begin().await?;
    if !memberships::remove(tx.conn(), user, editor.org_id()).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
