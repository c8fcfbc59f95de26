//! `tandem jobs run`: the scheduled jobs once (profile expiry notices, expiry and archiving;
//! saved-search alert digests; expiry of unanswered meeting requests; reminders before meetings;
//! follow-up surveys six months after events), for deployments that
//! schedule them with cron instead of letting `tandem serve` run them (`--jobs-interval-secs 0`).

use super::{open_app, GLOBAL_VAR_NAMES};
use crate::config::Config;
use clap::{Args, Subcommand};

pub(crate) const LONG_ABOUT: &str = "\
Runs the scheduled jobs: expiry notices, expiry and archiving of partnering profiles, and the \
daily and weekly digests of saved searches, the expiry of meeting requests left unanswered \
past their event's expiry, the email reminders 15 minutes before each scheduled meeting, and the \
follow-up survey sent about six months after an event. `tandem serve` runs them every \
--jobs-interval-secs (600 by default); deployments that prefer cron set that to 0 and run \
`tandem jobs run` instead. Running them on several servers at once, or twice, is safe.

Variables: TANDEM_BASE_URL (the public URL in emailed links), and the global TANDEM_DATA_DIR, \
TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG.";

/// `tandem jobs …`
#[derive(Debug, Subcommand)]
pub enum JobsCommand {
    /// Run every due job once and print what was done
    #[command(long_about = format!("Runs every due job once (profile lifecycle, search alerts, meeting-request expiry, meeting reminders, then follow-up surveys) and prints what was done; exits 1 if a job failed.\n\nVariables: TANDEM_BASE_URL, and the global {GLOBAL_VAR_NAMES}."))]
    Run(RunArgs),
}

/// `tandem jobs run`
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Public URL of the site, used in emailed links [default: http://<addr>]
    #[arg(long, env = "TANDEM_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,
}

/// Runs the command.
pub async fn run(config: &Config, command: JobsCommand) -> anyhow::Result<()> {
    match command {
        JobsCommand::Run(_) => {
            let app = open_app(config, config.base_url()).await?;
            let report = tandem_app::jobs::run_now(&app).await;
            app.db().close().await;
            println!("{report}");
            if report.is_ok() {
                Ok(())
            } else {
                Err(anyhow::anyhow!("{} scheduled job(s) failed", report.errors.len()))
            }
        }
    }
}
