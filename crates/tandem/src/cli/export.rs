//! `tandem export organisations`: every organisation as CSV or JSON.
//! `tandem export profiles`: every partnering profile as JSON Lines (the import format) or CSV.

use super::{open_app, user_error};
use crate::config::Config;
use anyhow::Context as _;
use clap::{Args, Subcommand, ValueEnum};
use std::io::Write as _;
use std::path::PathBuf;
use tandem_app::partnering::exchange;
use tandem_app::portability::{self, ExportFormat};
use tandem_core::policy::PlatformAdmin;

/// What `tandem export` exports.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Export every organisation, confidential fields included
    #[command(
        long_about = "Writes every organisation, confidential fields included, as CSV (with the \
                      importer's column names, so the file can be imported elsewhere) or as a JSON \
                      array, to standard output or --output FILE.\n\nVariables: TANDEM_DATA_DIR, \
                      TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG."
    )]
    Organisations(ExportArgs),
    /// Export every partnering profile, with its owner's name
    #[command(
        long_about = "Writes every partnering profile in every state, with the name of the organisation \
                      it speaks for (an operator tool: the marketplace keeps owners anonymous), as JSON \
                      Lines in the format `tandem import profiles` reads, or as CSV for spreadsheets \
                      (lists joined with \"; \"), to standard output or --output FILE.\n\nVariables: \
                      TANDEM_DATA_DIR, TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG."
    )]
    Profiles(ExportProfilesArgs),
}

/// `tandem export profiles`
#[derive(Debug, Args)]
pub struct ExportProfilesArgs {
    /// Output format
    #[arg(long, value_enum)]
    pub format: ProfileFormatArg,
    /// Write to this file instead of standard output (replaced if it exists)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Profile export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileFormatArg {
    /// One JSON object per line, re-importable with `tandem import profiles`
    Jsonl,
    /// CSV, one row per profile
    Csv,
}

/// `tandem export organisations`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// Write to this file instead of standard output (replaced if it exists)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    /// CSV with the importer's column names
    Csv,
    /// A JSON array of objects
    Json,
}

/// Runs a `tandem export` subcommand.
pub async fn run(config: &Config, what: ExportWhat) -> anyhow::Result<()> {
    let args = match what {
        ExportWhat::Organisations(args) => args,
        ExportWhat::Profiles(args) => return run_profiles(config, args).await,
    };
    let format = match args.format {
        ExportFormatArg::Csv => ExportFormat::Csv,
        ExportFormatArg::Json => ExportFormat::Json,
    };
    let app = open_app(config, config.base_url()).await?;
    // Written to memory first, so a failure leaves no half-written file behind.
    let mut buffer = Vec::new();
    let result = portability::export_organisations(&app, PlatformAdmin::operator(), format, &mut buffer).await;
    app.db().close().await;
    let count = result.context("the export failed")?;
    deliver(buffer, args.output.as_deref(), count, "organisation")
}

/// Runs `tandem export profiles`.
async fn run_profiles(config: &Config, args: ExportProfilesArgs) -> anyhow::Result<()> {
    let format = match args.format {
        ProfileFormatArg::Jsonl => exchange::ExportFormat::Jsonl,
        ProfileFormatArg::Csv => exchange::ExportFormat::Csv,
    };
    let app = open_app(config, config.base_url()).await?;
    let result = exchange::export_all(&app, PlatformAdmin::operator()).await;
    app.db().close().await;
    let records = result.context("the export failed")?;
    let mut buffer = Vec::new();
    exchange::write_records(&records, format, &mut buffer).context("the export failed")?;
    deliver(buffer, args.output.as_deref(), records.len(), "profile")
}

/// Writes the finished export to `output` or standard output.
fn deliver(mut buffer: Vec<u8>, output: Option<&std::path::Path>, count: usize, what: &str) -> anyhow::Result<()> {
    if !buffer.is_empty() && !buffer.ends_with(b"\n") {
        buffer.push(b'\n');
    }
    match output {
        Some(path) => {
            std::fs::write(path, &buffer).map_err(|e| user_error(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("exported {count} {what}{} to {}", if count == 1 { "" } else { "s" }, path.display());
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&buffer).and_then(|()| stdout.flush()) {
                Ok(()) => {}
                // The reader (`| head`) stopped early: not a failure of the export.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(e) => return Err(anyhow::Error::new(e).context("cannot write to standard output")),
            }
        }
    }
    Ok(())
}
