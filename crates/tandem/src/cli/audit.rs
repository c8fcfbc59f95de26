//! `tandem audit verify`: walks the audit trail's hash chain and reports any entry altered or
//! removed (issue 6, item 7).

use super::{open_app, GLOBAL_VAR_NAMES};
use crate::config::Config;
use clap::{Args, Subcommand};

pub(crate) const LONG_ABOUT: &str = "\
Checks the audit trail: every change to support records, declarations, subsidy ledgers and \
claims is an entry whose hash covers who, when, what, before and after, and the entry before it. \
`tandem audit verify` recomputes the chain and lists every entry that no longer fits (altered, \
removed or reordered directly in the database), then prints the number of entries and the hash \
of the last one. Record that hash: entries removed at the end leave a shorter chain that still \
fits, which --expect-head detects. Exits 0 when the trail is intact, 1 when it is not.";

/// `tandem audit …`
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Verify the audit trail's hash chain
    #[command(long_about = format!("{LONG_ABOUT}\n\nVariables: the global {GLOBAL_VAR_NAMES}."))]
    Verify(VerifyArgs),
}

/// `tandem audit verify`
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A head hash printed by an earlier run: fail unless that entry is still in the chain as its head or before it
    #[arg(long, value_name = "HASH")]
    pub expect_head: Option<String>,
}

/// Runs the command.
pub async fn run(config: &Config, command: AuditCommand) -> anyhow::Result<()> {
    match command {
        AuditCommand::Verify(args) => {
            let app = open_app(config, config.base_url()).await?;
            let report = tandem_app::audit::verify(&app).await;
            let known = match (&report, &args.expect_head) {
                (Ok(_), Some(hash)) => Some(tandem_app::audit::contains(&app, hash).await?),
                _ => None,
            };
            app.db().close().await;
            let report = report?;
            for problem in &report.problems {
                println!("broken: {problem}");
            }
            println!(
                "audit trail: {} entries ({} with erased content), head {}",
                report.entries, report.erased, report.head
            );
            if known == Some(false) {
                anyhow::bail!("the trail no longer holds the expected head {}: entries were removed or replaced", args.expect_head.unwrap_or_default());
            }
            if !report.is_intact() {
                anyhow::bail!("the audit trail is broken: {} problem(s)", report.problems.len());
            }
            println!("intact");
            Ok(())
        }
    }
}
