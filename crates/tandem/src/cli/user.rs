//! `tandem user …`: accounts and roles, with the operator's authority.

use super::{open_app, user_error};
use crate::config::Config;
use anyhow::Context as _;
use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use tandem_app::admin::{self, NewAccount, RoleGrant};
use tandem_core::account::{Locale, OrgRole};
use tandem_core::policy::PlatformAdmin;

/// `tandem user` subcommands.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account (its address counts as verified)
    #[command(long_about = format!(
        "Creates an account whose address counts as verified. The password comes from --password or, \
         better (flags are visible to other local users), from TANDEM_NEW_PASSWORD.\n\n\
         Variables: TANDEM_NEW_PASSWORD, and the global {}.", super::GLOBAL_VAR_NAMES
    ))]
    Add(AddArgs),
    /// Grant or remove a role in an organisation, or the platform-admin flag
    #[command(long_about = format!(
        "Grants a role in an organisation (--org with --role), removes the account from one \
         (--remove-from), or turns the platform-admin flag on or off (--platform-admin). \
         Organisations are named by id or exact name.\n\n\
         Variables: {}.", super::GLOBAL_VAR_NAMES
    ))]
    SetRole(SetRoleArgs),
    /// Set a new password for an account
    #[command(long_about = format!(
        "Sets a new password for an account. The password comes from --password or, better, from \
         TANDEM_NEW_PASSWORD.\n\n\
         Variables: TANDEM_NEW_PASSWORD, and the global {}.", super::GLOBAL_VAR_NAMES
    ))]
    ResetPassword(ResetPasswordArgs),
}

/// `tandem user add`
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Login email address
    #[arg(long, value_name = "EMAIL")]
    pub email: String,
    /// Name shown to others
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Initial password, at least 10 characters (prefer TANDEM_NEW_PASSWORD: flags are visible to other local users)
    #[arg(long, env = "TANDEM_NEW_PASSWORD", value_name = "PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
    /// Language of the UI and of emails
    #[arg(long, value_enum, default_value_t = LocaleArg::En)]
    pub locale: LocaleArg,
    /// Make the account a platform admin (may do anything anywhere)
    #[arg(long)]
    pub platform_admin: bool,
}

/// `tandem user set-role`
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("change").required(true).args(["org", "remove_from", "platform_admin"])))]
pub struct SetRoleArgs {
    /// Email address of the account
    #[arg(long, value_name = "EMAIL")]
    pub email: String,
    /// Organisation (id or exact name) to grant --role in
    #[arg(long, value_name = "ORG_ID_OR_NAME", requires = "role")]
    pub org: Option<String>,
    /// Role to grant in --org
    #[arg(long, value_enum, requires = "org")]
    pub role: Option<RoleArg>,
    /// Remove the account from this organisation (id or exact name)
    #[arg(long, value_name = "ORG_ID_OR_NAME")]
    pub remove_from: Option<String>,
    /// Turn the platform-admin flag on or off
    #[arg(long, value_name = "true|false", value_parser = clap::value_parser!(bool))]
    pub platform_admin: Option<bool>,
}

/// `tandem user reset-password`
#[derive(Debug, Args)]
pub struct ResetPasswordArgs {
    /// Email address of the account
    #[arg(long, value_name = "EMAIL")]
    pub email: String,
    /// New password, at least 10 characters (prefer TANDEM_NEW_PASSWORD: flags are visible to other local users)
    #[arg(long, env = "TANDEM_NEW_PASSWORD", value_name = "PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
}

/// UI languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LocaleArg {
    /// English
    En,
    /// German
    De,
}

impl From<LocaleArg> for Locale {
    fn from(locale: LocaleArg) -> Locale {
        match locale {
            LocaleArg::En => Locale::En,
            LocaleArg::De => Locale::De,
        }
    }
}

/// Roles in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum RoleArg {
    /// Manages the organisation's record, members and programmes
    OrgAdmin,
    /// Runs programmes and supports enterprises
    ProgrammeManager,
    /// Staff of the organisation
    Member,
}

impl From<RoleArg> for OrgRole {
    fn from(role: RoleArg) -> OrgRole {
        match role {
            RoleArg::OrgAdmin => OrgRole::OrgAdmin,
            RoleArg::ProgrammeManager => OrgRole::ProgrammeManager,
            RoleArg::Member => OrgRole::Member,
        }
    }
}

impl RoleArg {
    fn key(self) -> &'static str {
        match self {
            RoleArg::OrgAdmin => "org_admin",
            RoleArg::ProgrammeManager => "programme_manager",
            RoleArg::Member => "member",
        }
    }
}

fn password(given: Option<String>) -> anyhow::Result<String> {
    given.filter(|p| !p.is_empty()).ok_or_else(|| {
        user_error("no password given: pass --password PASSWORD or set TANDEM_NEW_PASSWORD (the safer choice)")
    })
}

/// Runs a `tandem user` subcommand.
pub async fn run(config: &Config, command: UserCommand) -> anyhow::Result<()> {
    // Check what needs no database first.
    let password = match &command {
        UserCommand::Add(args) => Some(password(args.password.clone())?),
        UserCommand::ResetPassword(args) => Some(password(args.password.clone())?),
        UserCommand::SetRole(_) => None,
    };
    let app = open_app(config, config.base_url()).await?;
    let result = execute(&app, command, password.unwrap_or_default()).await;
    app.db().close().await;
    let message = result?;
    println!("{message}");
    Ok(())
}

async fn execute(app: &tandem_app::App, command: UserCommand, password: String) -> anyhow::Result<String> {
    let operator = PlatformAdmin::operator();
    match command {
        UserCommand::Add(args) => {
            let account = NewAccount {
                email: args.email,
                display_name: args.name,
                password,
                locale: args.locale.into(),
                platform_admin: args.platform_admin,
            };
            let user = admin::add_user(app, operator, account).await.context("the account was not created")?;
            let admin_note = if user.is_platform_admin { " (platform admin)" } else { "" };
            Ok(format!("created account {} for {}{admin_note}; id {}", user.email.as_str(), user.display_name, user.id))
        }
        UserCommand::SetRole(args) => {
            let (grant, done) = match (args.org, args.role, args.remove_from, args.platform_admin) {
                (Some(org), Some(role), None, None) => {
                    let done = format!("{} is now {} of '{org}'", args.email, role.key());
                    (RoleGrant::InOrganisation { organisation: org, role: role.into() }, done)
                }
                (None, None, Some(org), None) => {
                    let done = format!("{} no longer belongs to '{org}'", args.email);
                    (RoleGrant::RemoveFrom { organisation: org }, done)
                }
                (None, None, None, Some(on)) => {
                    let done = if on {
                        format!("{} is now a platform admin", args.email)
                    } else {
                        format!("{} is no longer a platform admin", args.email)
                    };
                    (RoleGrant::PlatformAdmin(on), done)
                }
                _ => {
                    return Err(user_error(
                        "give exactly one of: --org ORG --role ROLE, --remove-from ORG, --platform-admin true|false",
                    ));
                }
            };
            admin::set_role(app, operator, &args.email, grant).await.context("the role was not changed")?;
            Ok(done)
        }
        UserCommand::ResetPassword(args) => {
            admin::reset_password(app, operator, &args.email, &password)
                .await
                .context("the password was not changed")?;
            Ok(format!("the password of {} was changed", args.email))
        }
    }
}
