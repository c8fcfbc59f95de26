//! The command line: flags, subcommands, and how failures become exit codes.

pub mod audit;
pub mod demo;
pub mod export;
pub mod import;
pub mod jobs;
pub mod migrate;
pub mod person;
pub mod recommend;
pub mod report;
pub mod schedule;
pub mod search;
pub mod serve;
pub mod user;

use crate::config::{Config, ConfigFile, DEFAULT_CONFIG_FILE, Layer, LogFormat};
use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};
use std::fmt;
use std::path::PathBuf;
use tandem_app::portability::ImportFailure;
use tandem_app::{App, AppError};
use tandem_io::org_import::ImportError;

/// Exit status of a user mistake (bad flag value, unreadable file, invalid input).
pub const EXIT_USER: u8 = 2;
/// Exit status of an internal failure (database down, disk full).
pub const EXIT_INTERNAL: u8 = 1;

const ABOUT: &str = "Tandem: a self-hosted platform for business-support organisations (Birmingham and Leipzig)";

const LONG_ABOUT: &str = "\
Tandem: a self-hosted platform for business-support organisations in Birmingham and Leipzig \
and the SMEs they support. One binary runs the web server (`serve`), a seeded demo (`demo`), \
database migrations and the operator tools for accounts, imports and exports.

Every setting can be given as a flag, as a TANDEM_* environment variable or in a TOML config \
file (tandem.toml in the working directory, or the file named by --config / TANDEM_CONFIG, with \
keys data_dir, database_url, log_format, log, addr, base_url, smtp_url, mail_from, \
jobs_interval_secs, lexicon). Flags win over variables, variables over the file, the file over the defaults.

Variables: TANDEM_DATA_DIR, TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG, \
TANDEM_ADDR, TANDEM_BASE_URL, TANDEM_SMTP_URL, TANDEM_MAIL_FROM, TANDEM_JOBS_INTERVAL_SECS, \
TANDEM_LEXICON, TANDEM_NEW_PASSWORD.";

const ENV_TABLE: &str = "\
Environment variables (flags win over variables, variables over the config file):
  TANDEM_DATA_DIR      --data-dir      data directory [./tandem-data]
  TANDEM_DATABASE_URL  --database-url  sqlite://FILE or postgres://… [sqlite://<data dir>/tandem.db]
  TANDEM_CONFIG        --config        TOML config file [tandem.toml if it exists]
  TANDEM_LOG_FORMAT    --log-format    text or json [text]
  TANDEM_LOG           --log           log filter [info,sqlx=warn]
  TANDEM_ADDR          --addr          serve, demo: listen address [127.0.0.1:8080]
  TANDEM_BASE_URL      --base-url      serve, demo: public URL [http://<addr>]
  TANDEM_SMTP_URL      --smtp-url      serve, demo: SMTP server [.eml files in <data dir>/outbox]
  TANDEM_MAIL_FROM     --mail-from     serve, demo: sender [Tandem <noreply@tandem.localhost>]
  TANDEM_JOBS_INTERVAL_SECS  --jobs-interval-secs  serve, demo: jobs every N s, 0 = off [600]
  TANDEM_LEXICON       --lexicon       German–English dictionary for matching (Ding/FreeDict) [none]
  TANDEM_NEW_PASSWORD  --password      user add, user reset-password: the new password

Exit status: 0 success, 1 internal failure, 2 usage or input error.";

const SERVE_LONG_ABOUT: &str = "\
Runs the web server: applies pending migrations, then serves the pages, the JSON API \
(/api/v1), /healthz, /readyz and /metrics, sends queued emails and runs the scheduled jobs \
(see `tandem jobs run --help`) every --jobs-interval-secs. Stops gracefully \
on Ctrl-C or SIGTERM (requests in flight are finished).

Variables: TANDEM_ADDR, TANDEM_BASE_URL, TANDEM_SMTP_URL, TANDEM_MAIL_FROM, \
TANDEM_JOBS_INTERVAL_SECS, and the global TANDEM_DATA_DIR, TANDEM_DATABASE_URL, TANDEM_CONFIG, \
TANDEM_LOG_FORMAT, TANDEM_LOG.";

const DEMO_LONG_ABOUT: &str = "\
Like `serve`, but first fills an empty database with the Birmingham–Leipzig demo (the real \
support ecosystem, its programmes, demo accounts and --smes synthetic SMEs) and prints the \
demo logins and their password. A database that already has organisations is left alone.

Variables: TANDEM_ADDR, TANDEM_BASE_URL, TANDEM_SMTP_URL, TANDEM_MAIL_FROM, \
TANDEM_JOBS_INTERVAL_SECS, and the global TANDEM_DATA_DIR, TANDEM_DATABASE_URL, TANDEM_CONFIG, \
TANDEM_LOG_FORMAT, TANDEM_LOG.";

pub(crate) const GLOBAL_VAR_NAMES: &str = "TANDEM_DATA_DIR, TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG";

/// `tandem`
#[derive(Debug, Parser)]
#[command(
    name = "tandem",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = ENV_TABLE,
    propagate_version = true,
    max_term_width = 110
)]
pub struct Cli {
    /// Settings every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Data directory: the SQLite database and emails written as .eml files [default: ./tandem-data]
    #[arg(long, global = true, help_heading = "Global options", env = "TANDEM_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Database: sqlite://FILE or postgres://USER:PASSWORD@HOST/DB [default: sqlite://<data dir>/tandem.db]
    #[arg(long, global = true, help_heading = "Global options", env = "TANDEM_DATABASE_URL", value_name = "URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// TOML config file with the same settings (keys data_dir, database_url, addr, …) [default: tandem.toml if it exists]
    #[arg(long, global = true, help_heading = "Global options", env = "TANDEM_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Log line format [default: text]
    #[arg(long, global = true, help_heading = "Global options", env = "TANDEM_LOG_FORMAT", value_name = "FORMAT", value_enum)]
    pub log_format: Option<LogFormat>,

    /// Log filter, e.g. "debug" or "info,tandem_web=debug" [default: info,sqlx=warn]
    #[arg(long, global = true, help_heading = "Global options", env = "TANDEM_LOG", value_name = "FILTER")]
    pub log: Option<String>,

    /// Bilingual German–English dictionary (Ding/FreeDict text format) added to the matching lexicon [default: none, the shipped lexicon only]
    #[arg(long, global = true, help_heading = "Global options", env = "TANDEM_LEXICON", value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
}

/// Flags of the commands that run the web server.
#[derive(Debug, Clone, Default, Args)]
pub struct ServeArgs {
    /// Address to listen on; port 0 picks a free port [default: 127.0.0.1:8080]
    #[arg(long, env = "TANDEM_ADDR", value_name = "HOST:PORT")]
    pub addr: Option<String>,

    /// Public URL of the site, used in emailed links; https:// makes cookies Secure [default: http://<addr>]
    #[arg(long, env = "TANDEM_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,

    /// SMTP server, e.g. smtp://host:25 or smtps://user:password@host [default: write .eml files to <data dir>/outbox]
    #[arg(long, env = "TANDEM_SMTP_URL", value_name = "URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// Sender of every email [default: Tandem <noreply@tandem.localhost>]
    #[arg(long, env = "TANDEM_MAIL_FROM", value_name = "ADDRESS")]
    pub mail_from: Option<String>,

    /// Seconds between runs of the scheduled jobs (see `tandem jobs run`); 0 turns them off, e.g. when cron runs `tandem jobs run` [default: 600]
    #[arg(long, env = "TANDEM_JOBS_INTERVAL_SECS", value_name = "SECONDS")]
    pub jobs_interval_secs: Option<u64>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server
    #[command(long_about = SERVE_LONG_ABOUT)]
    Serve(ServeArgs),
    /// Seed the demo data (if the database is empty) and run the web server
    #[command(long_about = DEMO_LONG_ABOUT)]
    Demo(demo::DemoArgs),
    /// Apply pending database migrations
    #[command(long_about = format!("Applies pending database migrations and exits.\n\nVariables: {GLOBAL_VAR_NAMES}."))]
    Migrate,
    /// Manage accounts and roles
    #[command(long_about = format!("Creates accounts, grants and removes roles, resets passwords; acts with the operator's authority.\n\nVariables: TANDEM_NEW_PASSWORD, and the global {GLOBAL_VAR_NAMES}."))]
    User {
        /// What to do.
        #[command(subcommand)]
        command: user::UserCommand,
    },
    /// Import data from CSV, XLSX or JSON Lines files
    #[command(long_about = format!("Imports organisations from CSV or XLSX files and partnering profiles from JSON Lines files, all or nothing.\n\nVariables: {GLOBAL_VAR_NAMES}."))]
    Import {
        /// What to import.
        #[command(subcommand)]
        what: import::ImportWhat,
    },
    /// Run the scheduled jobs (profile lifecycle, alerts, meeting reminders, surveys)
    #[command(long_about = jobs::LONG_ABOUT)]
    Jobs {
        /// What to do.
        #[command(subcommand)]
        command: jobs::JobsCommand,
    },
    /// Export data as CSV, JSON or JSON Lines
    #[command(long_about = format!("Exports organisations as CSV or JSON and partnering profiles as JSON Lines or CSV, confidential fields (figures, profile owners) included.\n\nVariables: {GLOBAL_VAR_NAMES}."))]
    Export {
        /// What to export.
        #[command(subcommand)]
        what: export::ExportWhat,
    },
    /// Recommend partners for organisations (batch, JSON)
    #[command(long_about = recommend::LONG_ABOUT)]
    Recommend {
        /// What to recommend.
        #[command(subcommand)]
        what: recommend::RecommendWhat,
    },
    /// Search published profiles in English or German (batch, JSON)
    #[command(long_about = search::LONG_ABOUT)]
    Search(search::SearchArgs),
    /// Report a funded project's indicators with their evidence (a claim)
    #[command(long_about = report::LONG_ABOUT)]
    Report {
        /// What to report.
        #[command(subcommand)]
        what: report::ReportWhat,
    },
    /// Verify the audit trail
    #[command(long_about = audit::LONG_ABOUT)]
    Audit {
        /// What to do.
        #[command(subcommand)]
        command: audit::AuditCommand,
    },
    /// Export or erase a person's data (GDPR)
    #[command(long_about = person::LONG_ABOUT)]
    Person {
        /// What to do.
        #[command(subcommand)]
        command: person::PersonCommand,
    },
    /// Schedule a brokerage event's meetings from a JSON file (offline, no database)
    #[command(long_about = schedule::LONG_ABOUT)]
    Schedule(schedule::ScheduleArgs),
}

/// A mistake the user can fix (exit status 2); its message says how.
#[derive(Debug)]
pub struct UserError(pub String);

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

/// A [`UserError`] as an `anyhow::Error`.
pub fn user_error(message: impl Into<String>) -> anyhow::Error {
    UserError(message.into()).into()
}

/// The exit status for an error: 2 for the user's mistakes, 1 for internal failures.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    for cause in error.chain() {
        if cause.downcast_ref::<UserError>().is_some() || cause.downcast_ref::<ImportError>().is_some() {
            return EXIT_USER;
        }
        if let Some(e) = cause.downcast_ref::<AppError>() {
            return app_error_code(e);
        }
        if let Some(e) = cause.downcast_ref::<ImportFailure>() {
            return match e {
                ImportFailure::File(_) => EXIT_USER,
                ImportFailure::App(e) => app_error_code(e),
            };
        }
    }
    EXIT_INTERNAL
}

fn app_error_code(error: &AppError) -> u8 {
    match error {
        AppError::Internal(_) => EXIT_INTERNAL,
        AppError::Invalid(_) | AppError::Denied(_) | AppError::NotFound | AppError::Conflict | AppError::RateLimited { .. } => {
            EXIT_USER
        }
    }
}

impl Cli {
    /// The configuration: these flags over the environment, the config file and the defaults.
    pub fn config(&self) -> anyhow::Result<Config> {
        let serve = match &self.command {
            Command::Serve(args) => Some(args),
            Command::Demo(args) => Some(&args.serve),
            _ => None,
        };
        let cli = Layer {
            data_dir: self.global.data_dir.clone(),
            database_url: self.global.database_url.clone(),
            log_format: self.global.log_format,
            log: self.global.log.clone(),
            addr: serve.and_then(|s| s.addr.clone()),
            base_url: serve.and_then(|s| s.base_url.clone()).or_else(|| match &self.command {
                Command::Jobs { command: jobs::JobsCommand::Run(args) } => args.base_url.clone(),
                _ => None,
            }),
            smtp_url: serve.and_then(|s| s.smtp_url.clone()),
            mail_from: serve.and_then(|s| s.mail_from.clone()),
            jobs_interval_secs: serve.and_then(|s| s.jobs_interval_secs).map(crate::config::NumberOrText::Number),
            lexicon: self.global.lexicon.clone(),
        };
        let file = match &self.global.config {
            Some(path) => ConfigFile::Required(path.clone()),
            None => ConfigFile::IfPresent(PathBuf::from(DEFAULT_CONFIG_FILE)),
        };
        Config::load(cli, file)
    }
}

/// Runs the command with the resolved configuration.
pub async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    tracing::debug!(?config, "configuration");
    match command {
        Command::Serve(_) => serve::run(&config, None).await,
        Command::Demo(args) => serve::run(&config, Some(usize::try_from(args.smes).unwrap_or(usize::MAX))).await,
        Command::Migrate => migrate::run(&config).await,
        Command::User { command } => user::run(&config, command).await,
        Command::Import { what } => import::run(&config, what).await,
        Command::Export { what } => export::run(&config, what).await,
        Command::Jobs { command } => jobs::run(&config, command).await,
        Command::Recommend { what } => recommend::run(&config, what).await,
        Command::Search(args) => search::run(&config, args).await,
        Command::Audit { command } => audit::run(&config, command).await,
        Command::Report { what } => report::run(&config, what).await,
        Command::Person { command } => person::run(&config, command).await,
        Command::Schedule(args) => schedule::run(args),
    }
}

/// Creates the data directory.
pub fn create_data_dir(config: &Config) -> anyhow::Result<()> {
    std::fs::create_dir_all(&config.data_dir).map_err(|e| {
        user_error(format!(
            "cannot create the data directory {} (--data-dir / TANDEM_DATA_DIR): {e}",
            config.data_dir.display()
        ))
    })
}

/// Creates the data directory, opens (and migrates) the database and loads the operator's
/// matching dictionary, if one is configured (a bad file stops here, before anything runs).
pub async fn open_app(config: &Config, base_url: String) -> anyhow::Result<App> {
    create_data_dir(config)?;
    let app = App::open(&config.database_url, config.app_config(base_url))
        .await
        .with_context(|| format!("cannot open the database {}", crate::config::redact_url(&config.database_url)))?;
    if let Some(path) = &config.lexicon {
        let entries = app.load_matching_lexicon(path).map_err(|e| user_error(e.to_string()))?;
        tracing::info!(file = %path.display(), entries, "matching dictionary loaded");
    }
    Ok(app)
}
