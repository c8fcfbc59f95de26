//! `tandem report indicators`: a funded project's claim for a period — every indicator with the
//! evidence rows behind it — as CSV or XLSX (issue 6, item 6).

use super::{GLOBAL_VAR_NAMES, open_app, user_error};
use crate::config::Config;
use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use tandem_app::evidence::claims::{self, ClaimFormat};
use tandem_core::ProjectId;
use tandem_core::policy::PlatformAdmin;

pub(crate) const LONG_ABOUT: &str = "\
Writes a funded project's claim for a period: each indicator of its rulebook (the ERDF England \
2014–20 guidance version fixed at its funding agreement, or the EU 2021–27 common indicators) \
with its target and achieved figure, and for every counted enterprise the support records that \
qualify it — date, hours, activity, support organisation, adviser, the specific written output \
and the evidence files with their SHA-256 — so that an auditor can follow each number to its \
evidence. Enterprises with support that do not count yet are listed with what they lack \
(\"9.5 of 12 hours\", \"no SME declaration\"). CSV has one line per evidence row; XLSX has a \
summary sheet, a sheet per indicator and the near misses. XLSX needs --output.";

/// `tandem report …`
#[derive(Debug, Subcommand)]
pub enum ReportWhat {
    /// A project's indicators with their evidence (a claim)
    #[command(long_about = format!("{LONG_ABOUT}\n\nVariables: the global {GLOBAL_VAR_NAMES}."))]
    Indicators(IndicatorsArgs),
}

/// `tandem report indicators`
#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    /// The project's id (shown on its page)
    #[arg(long, value_name = "ID")]
    pub project: String,
    /// First day of the period (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Last day of the period (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// csv or xlsx
    #[arg(long, value_enum)]
    pub format: ReportFormat,
    /// Write to this file instead of standard output (replaced if it exists)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Claim formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One line per evidence row
    Csv,
    /// A workbook: summary, a sheet per indicator, near misses
    Xlsx,
}

fn date(flag: &str, value: &str) -> anyhow::Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| user_error(format!("--{flag} '{value}' is not a date: write it as YYYY-MM-DD, e.g. 2024-12-31")))
}

/// Runs a `tandem report` subcommand.
pub async fn run(config: &Config, what: ReportWhat) -> anyhow::Result<()> {
    let ReportWhat::Indicators(args) = what;
    let project: ProjectId = args
        .project
        .trim()
        .parse()
        .map_err(|_| user_error(format!("--project '{}' is not a project id: copy the id from the project's page", args.project)))?;
    let (from, to) = (date("from", &args.from)?, date("to", &args.to)?);
    if to < from {
        return Err(user_error(format!("--to {to} is before --from {from}: the period must end on or after the day it starts")));
    }
    let format = match args.format {
        ReportFormat::Csv => ClaimFormat::Csv,
        ReportFormat::Xlsx => ClaimFormat::Xlsx,
    };
    if format == ClaimFormat::Xlsx && args.output.is_none() {
        return Err(user_error("--format xlsx writes a binary file: give --output FILE.xlsx"));
    }
    let app = open_app(config, config.base_url()).await?;
    let result = claims::export_operator(&app, PlatformAdmin::operator(), project, from, to, format).await;
    app.db().close().await;
    let bytes = match result {
        Err(tandem_app::AppError::NotFound) => return Err(user_error(format!("there is no project {project}"))),
        other => other.context("the report failed")?,
    };
    match args.output {
        Some(path) => {
            std::fs::write(&path, &bytes).map_err(|e| user_error(format!("cannot write {}: {e}", path.display())))?;
            eprintln!("wrote the claim for {from} – {to} to {}", path.display());
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(e) => return Err(anyhow::Error::new(e).context("cannot write to standard output")),
            }
        }
    }
    Ok(())
}
