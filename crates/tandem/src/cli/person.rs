//! `tandem person export` and `tandem person erase`: a person's data under the GDPR (issue 6,
//! item 8), with the operator's authority. The rules are in `tandem_app::privacy`.

use super::{GLOBAL_VAR_NAMES, open_app, user_error};
use crate::config::Config;
use anyhow::Context as _;
use clap::{Args, Subcommand};
use std::path::PathBuf;
use tandem_app::privacy::{self, ErasureReport};
use tandem_core::policy::PlatformAdmin;

pub(crate) const LONG_ABOUT: &str = "\
A person's data under the GDPR, with the operator's authority. `export` writes everything stored \
about an account as one JSON document (right of access and portability, Art. 15 and 20). `erase` \
removes or pseudonymises the person (right to erasure, Art. 17) in one transaction: the account \
keeps its id under a pseudonym with no password and an undeliverable address; sessions, tokens, \
saved searches, memberships and mail to them are deleted; support records, SME declarations and \
event registrations keep their hours, dates and links but lose the person's name; the content of \
audit entries that name them is erased while `tandem audit verify` still passes.";

/// `tandem person …`
#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Export everything stored about a person as JSON
    #[command(long_about = format!("Writes everything stored about the account with address --email as one JSON document \
        (format tandem-person-export/1: the account, memberships, what they created or took part in, support records \
        they advised on, declarations they signed, audit entries they made or that name them, mail to them), to \
        standard output or --output FILE.\n\nVariables: {GLOBAL_VAR_NAMES}."))]
    Export(ExportArgs),
    /// Erase a person: personal fields removed or pseudonymised, evidence kept
    #[command(long_about = format!("{LONG_ABOUT}\n\nRefuses to run without --yes; --dry-run prints what would \
        change and changes nothing. Export the person's data first if they asked for it.\n\nVariables: {GLOBAL_VAR_NAMES}."))]
    Erase(EraseArgs),
}

/// `tandem person export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Email address of the account
    #[arg(long, value_name = "ADDRESS")]
    pub email: String,
    /// Write to this file instead of standard output (replaced if it exists)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `tandem person erase`
#[derive(Debug, Args)]
pub struct EraseArgs {
    /// Email address of the account
    #[arg(long, value_name = "ADDRESS")]
    pub email: String,
    /// Say what would change, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Confirm the erasure (it cannot be undone)
    #[arg(long)]
    pub yes: bool,
}

/// Runs a `tandem person` subcommand.
pub async fn run(config: &Config, command: PersonCommand) -> anyhow::Result<()> {
    if let PersonCommand::Erase(args) = &command
        && !args.yes
    {
        return Err(user_error(format!(
            "erasing {} cannot be undone: add --yes to confirm (and --dry-run to see what would change first)",
            args.email
        )));
    }
    let app = open_app(config, config.base_url()).await?;
    let result = execute(&app, command).await;
    app.db().close().await;
    result
}

async fn execute(app: &tandem_app::App, command: PersonCommand) -> anyhow::Result<()> {
    let operator = PlatformAdmin::operator();
    match command {
        PersonCommand::Export(args) => {
            let user = privacy::account_by_email(app, operator, &args.email).await.context("no export was made")?;
            let export = privacy::export_person_as_operator(app, operator, user.id).await.context("the export failed")?;
            let mut text = serde_json::to_string_pretty(&export).context("the export failed")?;
            text.push('\n');
            match args.output {
                Some(path) => {
                    std::fs::write(&path, text).map_err(|e| user_error(format!("cannot write {}: {e}", path.display())))?;
                    eprintln!("exported the data of {} to {}", args.email, path.display());
                }
                None => print!("{text}"),
            }
            Ok(())
        }
        PersonCommand::Erase(args) => {
            let user = privacy::account_by_email(app, operator, &args.email).await.context("nothing was erased")?;
            let report = privacy::erase_person(app, operator, user.id, args.dry_run).await.context("nothing was erased")?;
            print!("{}", describe(&args.email, &report));
            Ok(())
        }
    }
}

/// The report as lines: one per table and change, then what happened.
fn describe(email: &str, report: &ErasureReport) -> String {
    let mut out = String::new();
    for c in report.changes.iter().filter(|c| c.rows > 0) {
        out.push_str(&format!("{:<24} {:<34} {}\n", c.table, c.change, c.rows));
    }
    if report.dry_run {
        out.push_str(&format!("dry run: nothing was changed; {email} would become \"{}\"\n", report.pseudonym));
    } else {
        out.push_str(&format!(
            "erased {email}: the account {} is now \"{}\"; run `tandem audit verify` to check the trail\n",
            report.user_id, report.pseudonym
        ));
    }
    out
}
