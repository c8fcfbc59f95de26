//! `tandem import organisations FILE`: an all-or-nothing import from CSV or XLSX.
//! `tandem import profiles FILE.jsonl [--publish] [--dry-run]`: partnering profiles, all or nothing.
//! `tandem import cordis --organizations FILE --projects FILE [--dry-run]`: CORDIS research data.
//! `tandem import support FILE --project ID [--dry-run]`: a funded project's support log, all or nothing.

use super::{open_app, user_error};
use crate::config::Config;
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tandem_app::partnering::exchange::{self, ExchangeError, ImportOptions, ImportReport};
use tandem_app::portability::{self, ImportFailure};
use tandem_app::evidence::support_import::{self, SupportFile, SupportImportReport};
use tandem_app::research::{self, CordisImportError, CordisProgress, CordisReport};
use tandem_app::AppError;
use tandem_core::ProjectId;
use tandem_core::evidence::units::format_minor_units;
use tandem_core::policy::PlatformAdmin;
use tandem_io::cordis::{CordisError, CordisFile, CordisRowError};
use tandem_io::org_import::{FIELDS, Format, HeaderMap, ImportError, RowError};
use tandem_io::profile_exchange::LineError;

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
    /// Import partnering profiles from JSON Lines; nothing is written unless every line is valid
    #[command(
        long_about = "Imports partnering profiles from a JSON Lines file (UTF-8, one JSON object per line, \
                      blank lines skipped), upserting profiles by external_id and their organisations by \
                      organisation.external_id. Fields: external_id, type (BO/BR/TO/TR/RDR), language (en/de), \
                      title, summary, description, and optionally partner_role, advantages, \
                      technical_specification, stage_of_development, ipr_status, keywords_market, \
                      keywords_technology, nace, sdgs, partnership_types, partner_sought, target_countries, \
                      target_cities (names of the partnership's cities), \
                      rdr {programme, call_identifier, eoi_deadline, call_deadline, budget, \
                      coordinator_required, duration_months}, support_organisation (exact name), and \
                      organisation {external_id, name, city, country, kind}. New profiles are drafts; with \
                      --publish they are published at once and every line must pass the quality check. \
                      Every problem is listed as FILE:LINE: field: message; nothing is imported unless all \
                      lines are good (exit status 2 otherwise).\n\nVariables: TANDEM_DATA_DIR, \
                      TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG."
    )]
    Profiles(ImportProfilesArgs),
    /// Import EU research projects and participations from the CORDIS bulk CSVs, all or nothing
    #[command(
        long_about = "Imports the CORDIS bulk download of an EU framework programme (Horizon Europe or \
                      Horizon 2020; https://data.europa.eu, \"CORDIS - EU research projects\"): \
                      organization.csv (one row per organisation and project) and project.csv, comma or \
                      semicolon separated, current or older column names. Research organisations are \
                      upserted by PIC, projects by id, participations by project and PIC; re-importing \
                      the same files changes nothing. Every problem is listed as FILE:LINE: field: message, \
                      including participations whose project is neither in project.csv nor imported \
                      before; nothing is imported unless all rows are good (exit status 2 otherwise). \
                      --dry-run checks everything and prints what would change.\n\nVariables: \
                      TANDEM_DATA_DIR, TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG."
    )]
    Cordis(ImportCordisArgs),
    /// Import support records (a programme manager's support log) into a funded project, all or nothing
    #[command(
        long_about = "Records support given to enterprises in a funded project from a CSV (comma, semicolon \
                      or tab separated, UTF-8) or XLSX file (first worksheet), one row per piece of support, \
                      as the project's support form would. Columns (headers ignore case, spaces and \
                      underscores): enterprise and support_organisation (organisation id or exact name), \
                      adviser, delivered_on (YYYY-MM-DD), hours (e.g. 2.5), activity (diagnostic, \
                      one_to_one_advice, workshop, grant, loan, mentoring, event_participation), and \
                      optionally written_output (required for diagnostics, advice and mentoring), \
                      grant_amount, loan_amount, loan_aid_value (the loan's gross grant equivalent), \
                      aid_rate (units of the enterprise's ledger currency per unit of the project's, where \
                      they differ), programme (id or name of a programme of the support organisation) and \
                      confirm_ceiling (yes to record aid that takes an enterprise near its subsidy \
                      ceiling) and evidence (the evidence files — PDF, PNG or JPEG — separated by ; \
                      and named relative to the import file's folder; records count under the \
                      indicators only with evidence). Each row is checked as the form checks it, including the enterprise's \
                      subsidy ledger with the rows above it counted; every problem is listed as \
                      FILE:LINE: field 'X': message, and nothing is recorded unless all rows are good \
                      (exit status 2 otherwise). --dry-run checks everything and prints what would be \
                      recorded. Records and their audit entries name no user: they are the operator's.\
                      \n\nVariables: TANDEM_DATA_DIR, TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, \
                      TANDEM_LOG."
    )]
    Support(ImportSupportArgs),
}

/// `tandem import support`
#[derive(Debug, Args)]
pub struct ImportSupportArgs {
    /// The CSV or XLSX file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The funded project's id (shown on its page)
    #[arg(long, value_name = "ID")]
    pub project: String,
    /// Check every row but write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// File format [default: from the file's extension]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
}

/// `tandem import cordis`
#[derive(Debug, Args)]
pub struct ImportCordisArgs {
    /// CORDIS organization.csv: participations with the organisations' details
    #[arg(long, visible_alias = "organisations", value_name = "FILE")]
    pub organizations: PathBuf,
    /// CORDIS project.csv
    #[arg(long, value_name = "FILE")]
    pub projects: PathBuf,
    /// Check every row but write nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// `tandem import profiles`
#[derive(Debug, Args)]
pub struct ImportProfilesArgs {
    /// The JSON Lines file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Publish new profiles (and existing unpublished ones) at once instead of creating drafts
    #[arg(long)]
    pub publish: bool,
    /// Check every line but write nothing
    #[arg(long)]
    pub dry_run: bool,
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
    let args = match what {
        ImportWhat::Organisations(args) => args,
        ImportWhat::Profiles(args) => return run_profiles(config, args).await,
        ImportWhat::Cordis(args) => return run_cordis(config, args).await,
        ImportWhat::Support(args) => return run_support(config, args).await,
    };
    let format = file_format(args.format, &args.file)?;
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

/// The format named by --format, or else by the file's extension.
fn file_format(format: Option<FormatArg>, file: &Path) -> anyhow::Result<Format> {
    match format {
        Some(FormatArg::Csv) => Ok(Format::Csv),
        Some(FormatArg::Xlsx) => Ok(Format::Xlsx),
        None => Format::from_path(file).ok_or_else(|| {
            user_error(format!(
                "cannot tell the format of {} from its name; use a .csv or .xlsx file, or pass --format csv|xlsx",
                file.display()
            ))
        }),
    }
}

/// Runs `tandem import support`.
async fn run_support(config: &Config, args: ImportSupportArgs) -> anyhow::Result<()> {
    let project: ProjectId = args
        .project
        .trim()
        .parse()
        .map_err(|_| user_error(format!("--project '{}' is not a project id: copy the id from the project's page", args.project)))?;
    let format = file_format(args.format, &args.file)?;
    let bytes = std::fs::read(&args.file).map_err(|e| user_error(format!("cannot read {}: {e}", args.file.display())))?;
    let app = open_app(config, config.base_url()).await?;
    let bar = progress_bar();
    let progress = |done: usize, total: usize| {
        bar.set_length(u64::try_from(total).unwrap_or(u64::MAX));
        bar.set_position(u64::try_from(done).unwrap_or(u64::MAX));
    };
    // Evidence files are named relative to the import file, as a spreadsheet next to its scans.
    let folder = args.file.parent().map(Path::to_path_buf).unwrap_or_default();
    let read = |name: &str| {
        let path = folder.join(name);
        std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let file = SupportFile { project, bytes: &bytes, format, evidence: &read, dry_run: args.dry_run };
    let result = support_import::import_support(&app, PlatformAdmin::operator(), &file, &progress).await;
    bar.finish_and_clear();
    app.db().close().await;
    match result {
        Ok(report) => {
            println!("{}", support_summary(&report));
            Ok(())
        }
        Err(ImportFailure::File(ImportError::Rows(rows))) => {
            print_row_errors(&args.file, &rows);
            let problems = if rows.len() == 1 { "1 problem".to_owned() } else { format!("{} problems", rows.len()) };
            Err(user_error(format!("{problems}; nothing was imported")))
        }
        Err(ImportFailure::File(ImportError::MissingColumns { missing, found })) => Err(user_error(format!(
            "{}: required column(s) missing: {}; the file's columns are: {}. Name the columns {} (and optionally {}); nothing was imported",
            args.file.display(),
            missing.join(", "),
            if found.is_empty() { "(none)".to_owned() } else { found.join(", ") },
            support_import::REQUIRED.join(", "),
            support_import::COLUMNS.iter().filter(|c| !support_import::REQUIRED.contains(c)).copied().collect::<Vec<_>>().join(", ")
        ))),
        Err(ImportFailure::File(error)) => Err(user_error(format!("{}: {error}; nothing was imported", args.file.display()))),
        Err(ImportFailure::App(AppError::NotFound)) => Err(user_error(format!("there is no project {project}; nothing was imported"))),
        Err(ImportFailure::App(error)) => {
            Err(anyhow::Error::new(error).context(format!("{}: nothing was imported", args.file.display())))
        }
    }
}

/// One line saying what an import of support did (or would do).
fn support_summary(report: &SupportImportReport) -> String {
    let records = if report.created == 1 { "1 support record".to_owned() } else { format!("{} support records", report.created) };
    let enterprises = if report.enterprises == 1 { "1 enterprise".to_owned() } else { format!("{} enterprises", report.enterprises) };
    let money = |minor: i64| format!("{} {}", format_minor_units(minor, ',', '.'), report.currency);
    let files = if report.evidence_files == 1 { "1 evidence file".to_owned() } else { format!("{} evidence files", report.evidence_files) };
    let body = format!(
        "{records} for {enterprises} ({} hours, grants {}, loans {}) with {files}",
        format_minor_units(report.hours, ',', '.'),
        money(report.grants),
        money(report.loans)
    );
    if report.dry_run { format!("dry run: {body} would be recorded; nothing was written") } else { format!("imported {body}") }
}

/// Runs `tandem import profiles`.
async fn run_profiles(config: &Config, args: ImportProfilesArgs) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.file).map_err(|e| user_error(format!("cannot read {}: {e}", args.file.display())))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| user_error(format!("{} is not UTF-8 text (first bad byte at offset {}); save it as UTF-8", args.file.display(), e.utf8_error().valid_up_to())))?;
    let app = open_app(config, config.base_url()).await?;
    let options = ImportOptions { publish: args.publish, dry_run: args.dry_run };
    let result = exchange::import_jsonl(&app, PlatformAdmin::operator(), &text, options).await;
    app.db().close().await;
    match result {
        Ok(report) => {
            println!("{}", profile_summary(&report));
            Ok(())
        }
        Err(ExchangeError::Lines(lines)) => {
            for line in &lines {
                eprintln!("{}", line_error_line(&args.file, line));
            }
            let problems = if lines.len() == 1 { "1 problem".to_owned() } else { format!("{} problems", lines.len()) };
            Err(user_error(format!("{problems}; nothing was imported")))
        }
        Err(ExchangeError::App(error)) => {
            Err(anyhow::Error::new(error).context(format!("{}: nothing was imported", args.file.display())))
        }
    }
}

/// Runs `tandem import cordis`.
async fn run_cordis(config: &Config, args: ImportCordisArgs) -> anyhow::Result<()> {
    let open = |path: &Path| std::fs::File::open(path).map_err(|e| user_error(format!("cannot read {}: {e}", path.display())));
    let (organisations, projects) = (open(&args.organizations)?, open(&args.projects)?);
    let app = open_app(config, config.base_url()).await?;
    let started = Instant::now();
    let bar = cordis_progress_bar();
    let progress = |p: CordisProgress| match p {
        CordisProgress::Reading { file, rows } => {
            bar.set_message(format!("reading {}", cordis_path(&args, file).display()));
            bar.set_position(u64::try_from(rows).unwrap_or(u64::MAX));
        }
        CordisProgress::Writing { done, total } => {
            let total = u64::try_from(total).unwrap_or(u64::MAX);
            if bar.length() != Some(total) {
                if let Ok(style) = ProgressStyle::with_template("{msg} {bar:40} {pos}/{len}") {
                    bar.set_style(style);
                }
                bar.set_message("writing");
                bar.set_length(total);
            }
            bar.set_position(u64::try_from(done).unwrap_or(u64::MAX));
        }
    };
    let result =
        research::import_cordis(&app, PlatformAdmin::operator(), organisations, projects, args.dry_run, &progress).await;
    bar.finish_and_clear();
    app.db().close().await;
    match result {
        Ok(report) => {
            println!("{}", cordis_summary(&report, started.elapsed()));
            Ok(())
        }
        Err(CordisImportError::Rows(rejected)) => {
            for error in &rejected.errors {
                eprintln!("{}", cordis_error_line(&args, error));
            }
            println!("good rows only: {}", cordis_summary(&rejected.report, started.elapsed()));
            let n = rejected.errors.len();
            let problems = if n == 1 { "1 problem".to_owned() } else { format!("{n} problems") };
            Err(user_error(format!("{problems}; nothing was imported")))
        }
        Err(CordisImportError::File(error)) => {
            let file = match &error {
                CordisError::Unreadable { file, .. } | CordisError::MissingColumns { file, .. } => *file,
            };
            Err(user_error(format!("{}: {error}; nothing was imported", cordis_path(&args, file).display())))
        }
        Err(CordisImportError::App(error)) => Err(anyhow::Error::new(error).context("CORDIS import: nothing was imported")),
    }
}

fn cordis_path(args: &ImportCordisArgs, file: CordisFile) -> &Path {
    match file {
        CordisFile::Organisations => &args.organizations,
        CordisFile::Projects => &args.projects,
    }
}

/// `FILE:LINE: field: message`, as compilers print problems.
fn cordis_error_line(args: &ImportCordisArgs, error: &CordisRowError) -> String {
    let file = cordis_path(args, error.file).display();
    if error.field.is_empty() {
        format!("{file}:{}: {}", error.line, error.message)
    } else {
        format!("{file}:{}: {}: {}", error.line, error.field, error.message)
    }
}

/// One line saying what a CORDIS import did (or would do), with the rows read and the time taken.
fn cordis_summary(report: &CordisReport, elapsed: Duration) -> String {
    let body = format!(
        "{} organisations ({}), {} projects ({}), {} participations ({}); {} + {} rows read in {:.1} s",
        report.organisations.total(),
        report.organisations,
        report.projects.total(),
        report.projects,
        report.participations.total(),
        report.participations,
        report.organisation_rows,
        report.project_rows,
        elapsed.as_secs_f64()
    );
    if report.dry_run { format!("dry run: {body}; nothing was written") } else { format!("imported: {body}") }
}

/// A progress bar on stderr for reading (rows so far) and then writing (records of all), hidden
/// when stderr is not a terminal.
fn cordis_progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg}: {pos} rows") {
        bar.set_style(style);
    }
    bar
}

/// One line saying what an import of profiles did (or would do).
fn profile_summary(report: &ImportReport) -> String {
    let count = |n: usize, what: &str| if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") };
    let mut parts = vec![
        format!("{} created", count(report.created, "profile")),
        format!("{} updated", report.updated),
    ];
    if report.published > 0 {
        parts.push(format!("{} published", report.published));
    }
    parts.push(format!(
        "{} created, {} updated",
        count(report.organisations_created, "organisation"),
        report.organisations_updated
    ));
    if report.dry_run {
        format!("dry run: {}; nothing was written", parts.join(", "))
    } else {
        format!("imported: {}", parts.join(", "))
    }
}

/// `FILE:LINE: field: message`, as compilers print problems.
fn line_error_line(file: &Path, error: &LineError) -> String {
    if error.field.is_empty() {
        format!("{}:{}: {}", file.display(), error.line, error.message)
    } else {
        format!("{}:{}: {}: {}", file.display(), error.line, error.field, error.message)
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

    #[test]
    fn profile_line_errors_name_file_line_and_field() {
        let file = Path::new("profiles.jsonl");
        let field = LineError::new(7, "organisation.city", "unknown city \"Paris\"");
        assert_eq!(line_error_line(file, &field), "profiles.jsonl:7: organisation.city: unknown city \"Paris\"");
        assert_eq!(line_error_line(file, &LineError::new(2, "", "not a JSON object")), "profiles.jsonl:2: not a JSON object");
    }

    #[test]
    fn cordis_problems_name_the_file_given_for_them() {
        let args = ImportCordisArgs { organizations: "org.csv".into(), projects: "proj.csv".into(), dry_run: false };
        let error = |file, field: &str| CordisRowError { file, line: 7, field: field.into(), message: "is empty".into() };
        assert_eq!(cordis_error_line(&args, &error(CordisFile::Organisations, "organisationID")), "org.csv:7: organisationID: is empty");
        assert_eq!(cordis_error_line(&args, &error(CordisFile::Projects, "")), "proj.csv:7: is empty");
        let report = CordisReport { project_rows: 2, dry_run: true, ..Default::default() };
        assert_eq!(
            cordis_summary(&report, Duration::from_millis(1500)),
            "dry run: 0 organisations (0 new, 0 updated, 0 unchanged), 0 projects (0 new, 0 updated, 0 unchanged), \
             0 participations (0 new, 0 updated, 0 unchanged); 0 + 2 rows read in 1.5 s; nothing was written"
        );
    }

    #[test]
    fn the_support_summary_says_what_was_recorded() {
        let report = SupportImportReport {
            rows: 3,
            created: 3,
            enterprises: 2,
            hours: 550,
            grants: 250_000,
            evidence_files: 1,
            currency: "GBP".into(),
            ..Default::default()
        };
        assert_eq!(
            support_summary(&report),
            "imported 3 support records for 2 enterprises (5.50 hours, grants 2,500.00 GBP, loans 0.00 GBP) with 1 evidence file"
        );
        let dry = SupportImportReport { created: 1, enterprises: 1, dry_run: true, currency: "EUR".into(), ..Default::default() };
        assert_eq!(
            support_summary(&dry),
            "dry run: 1 support record for 1 enterprise (0.00 hours, grants 0.00 EUR, loans 0.00 EUR) with 0 evidence files \
             would be recorded; nothing was written"
        );
    }

    #[test]
    fn the_profile_summary_says_what_happened() {
        let report = ImportReport { created: 1, updated: 2, published: 1, organisations_created: 3, ..Default::default() };
        assert_eq!(profile_summary(&report), "imported: 1 profile created, 2 updated, 1 published, 3 organisations created, 0 updated");
        let dry = ImportReport { dry_run: true, ..Default::default() };
        assert!(profile_summary(&dry).starts_with("dry run: 0 profiles created"));
    }
}
