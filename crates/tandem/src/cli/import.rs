//! `tandem import organisations FILE`: an all-or-nothing import from CSV or XLSX.

use super::{open_app, user_error};
use crate::config::Config;
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use tandem_app::portability::{self, ImportFailure};
use tandem_core::policy::PlatformAdmin;
use tandem_io::org_import::{FIELDS, Format, HeaderMap, ImportError, RowError};

/// What `tandem import` imports.
#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Import organisations; nothing is written unless every row is valid
    #[command(
        long_about = "Imports organisations from a CSV (comma, semicolon or tab separated, UTF-8) or XLSX \
                      file (first worksheet). The first row names the columns; name, kind and city are \
                      required, and English and German header texts are recognised. Every row is checked \
                      and every problem is listed as FILE:LINE: field 'X': message; nothing is imported \
                      unless all rows are good (exit status 2 otherwise).\n\nVariables: TANDEM_DATA_DIR, \
                      TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG."
    )]
    Organisations(ImportArgs),
}

/// `tandem import organisations`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV or XLSX file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Check every row but write nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long = "map", value_name = "HEADER=FIELD", help = map_help())]
    pub maps: Vec<String>,
    /// File format [default: from the file's extension]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
}

/// Import file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Comma-, semicolon- or tab-separated UTF-8 text
    Csv,
    /// Excel workbook (first worksheet)
    Xlsx,
}

/// Runs a `tandem import` subcommand.
pub async fn run(config: &Config, what: ImportWhat) -> anyhow::Result<()> {
    let ImportWhat::Organisations(args) = what;
    let format = match args.format {
        Some(FormatArg::Csv) => Format::Csv,
        Some(FormatArg::Xlsx) => Format::Xlsx,
        None => Format::from_path(&args.file).ok_or_else(|| {
            user_error(format!(
                "cannot tell the format of {} from its name; use a .csv or .xlsx file, or pass --format csv|xlsx",
                args.file.display()
            ))
        })?,
    };
    let headers = HeaderMap::with_overrides(&args.maps).map_err(|e| user_error(format!("--map: {e}")))?;
    let bytes = std::fs::read(&args.file).map_err(|e| user_error(format!("cannot read {}: {e}", args.file.display())))?;

    let app = open_app(config, config.base_url()).await?;
    let bar = progress_bar();
    let progress = |done: usize, total: usize| {
        bar.set_length(u64::try_from(total).unwrap_or(u64::MAX));
        bar.set_position(u64::try_from(done).unwrap_or(u64::MAX));
    };
    let result = portability::import_organisations(
        &app,
        PlatformAdmin::operator(),
        &bytes,
        format,
        &headers,
        args.dry_run,
        &progress,
    )
    .await;
    bar.finish_and_clear();
    app.db().close().await;

    match result {
        Ok(report) if report.dry_run => {
            println!(
                "dry run: {} would be imported; nothing was written",
                organisations(report.created)
            );
            Ok(())
        }
        Ok(report) => {
            println!("imported {}", organisations(report.created));
            Ok(())
        }
        Err(ImportFailure::File(ImportError::Rows(rows))) => {
            print_row_errors(&args.file, &rows);
            let problems = if rows.len() == 1 { "1 problem".to_owned() } else { format!("{} problems", rows.len()) };
            Err(user_error(format!("{problems}; nothing was imported")))
        }
        Err(ImportFailure::File(error)) => {
            Err(user_error(format!("{}: {error}; nothing was imported", args.file.display())))
        }
        Err(ImportFailure::App(error)) => {
            Err(anyhow::Error::new(error).context(format!("{}: nothing was imported", args.file.display())))
        }
    }
}

fn organisations(n: usize) -> String {
    if n == 1 { "1 organisation".to_owned() } else { format!("{n} organisations") }
}

/// Prints `FILE:LINE: field 'X': message` for each problem, as compilers do, so editors can jump
/// to the line.
fn print_row_errors(file: &Path, rows: &[RowError]) {
    for row in rows {
        eprintln!("{}", row_error_line(file, row));
    }
}

fn row_error_line(file: &Path, row: &RowError) -> String {
    if row.field.is_empty() {
        format!("{}:{}: {}", file.display(), row.line, row.message)
    } else {
        format!("{}:{}: field '{}': {}", file.display(), row.line, row.field, row.message)
    }
}

/// A progress bar on stderr, hidden when stderr is not a terminal.
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("checking rows {bar:40} {pos}/{len}") {
        bar.set_style(style);
    }
    bar
}

fn map_help() -> String {
    format!("Map a column header to a field, e.g. --map \"Firmenname=name\" (repeatable); fields: {}", FIELDS.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_errors_read_like_compiler_messages() {
        let file = Path::new("orgs.csv");
        let field = RowError { line: 3, field: "city".into(), message: "unknown city 'Paris'".into() };
        let whole = RowError { line: 4, field: String::new(), message: "too many fields".into() };
        assert_eq!(row_error_line(file, &field), "orgs.csv:3: field 'city': unknown city 'Paris'");
        assert_eq!(row_error_line(file, &whole), "orgs.csv:4: too many fields");
    }
}
