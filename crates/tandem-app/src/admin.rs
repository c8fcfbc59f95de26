//! Platform administration: accounts and roles (the `tandem user` commands).

use crate::auth::hash_password;
use crate::{App, AppError, AppResult};
use chrono::Utc;
use tandem_core::account::{check_password, Email, Locale, OrgRole, User};
use tandem_core::policy::PlatformAdmin;
use tandem_core::validation::{required_text, ValidationErrors};
use tandem_core::{OrgId, UserId};
use tandem_store::{memberships, organisations, users};

/// A new account created by an administrator (its address counts as verified).
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Address.
    pub email: String,
    /// Name.
    pub display_name: String,
    /// Initial password.
    pub password: String,
    /// Language.
    pub locale: Locale,
    /// Platform admin.
    pub platform_admin: bool,
}

/// Creates a verified account.
pub async fn add_user(app: &App, _admin: PlatformAdmin, account: NewAccount) -> AppResult<User> {
    let mut errors = ValidationErrors::default();
    let email = Email::parse(&account.email).map_err(|e| errors.0.extend(e.0)).ok();
    let name = required_text(&mut errors, "display_name", &account.display_name, 120);
    if let Err(e) = check_password(&account.password) {
        errors.0.extend(e.0);
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else { return Err(AppError::Invalid(errors)) };
    let hash = hash_password(account.password).await?;
    let id = UserId::new();
    let mut tx = app.db().begin().await?;
    let new = users::NewUser {
        id,
        email: &email,
        display_name: &name,
        password_hash: &hash,
        email_verified: true,
        locale: account.locale,
        is_platform_admin: account.platform_admin,
    };
    users::insert(tx.conn(), &new, Utc::now()).await?;
    let user = users::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(user)
}

/// Where a role is granted: a platform-wide flag, or a role in one organisation.
#[derive(Debug, Clone)]
pub enum RoleGrant {
    /// Platform admin on (true) or off.
    PlatformAdmin(bool),
    /// A role in the organisation with this id or exact name.
    InOrganisation {
        /// Organisation id or exact name.
        organisation: String,
        /// Role.
        role: OrgRole,
    },
    /// Removes the user from the organisation with this id or exact name.
    RemoveFrom {
        /// Organisation id or exact name.
        organisation: String,
    },
}

/// Grants or removes a role.
pub async fn set_role(app: &App, _admin: PlatformAdmin, email: &str, grant: RoleGrant) -> AppResult<()> {
    let email = Email::parse(email)?;
    let now = Utc::now();
    let mut tx = app.db().begin().await?;
    let user = users::by_email(tx.conn(), &email)
        .await?
        .ok_or_else(|| AppError::invalid("email", "unknown_user", format!("no account has the address {}", email.as_str())))?;
    match grant {
        RoleGrant::PlatformAdmin(on) => users::set_platform_admin(tx.conn(), user.id, on, now).await?,
        RoleGrant::InOrganisation { organisation, role } => {
            let org = resolve_org(&mut tx, &organisation).await?;
            memberships::set(tx.conn(), user.id, org, role, now).await?;
        }
        RoleGrant::RemoveFrom { organisation } => {
            let org = resolve_org(&mut tx, &organisation).await?;
            memberships::remove(tx.conn(), user.id, org).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn resolve_org(tx: &mut tandem_store::Tx, organisation: &str) -> AppResult<OrgId> {
    if let Ok(id) = organisation.parse::<OrgId>()
        && organisations::get(tx.conn(), id).await?.is_some() {
            return Ok(id);
        }
    organisations::id_by_name(tx.conn(), organisation).await?.ok_or_else(|| {
        AppError::invalid("organisation", "unknown_organisation", format!("no organisation has the id or exact name '{organisation}'"))
    })
}

/// Sets a new password for an account.
pub async fn reset_password(app: &App, _admin: PlatformAdmin, email: &str, password: &str) -> AppResult<()> {
    let email = Email::parse(email)?;
    check_password(password)?;
    let hash = hash_password(password.to_owned()).await?;
    let mut tx = app.db().begin().await?;
    let user = users::by_email(tx.conn(), &email)
        .await?
        .ok_or_else(|| AppError::invalid("email", "unknown_user", format!("no account has the address {}", email.as_str())))?;
    users::set_password(tx.conn(), user.id, &hash, Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}
