//! `tandem import support`: a programme manager's support log (CSV or XLSX, one row per piece of
//! support) recorded in a funded project, all or nothing (issue 6).
//!
//! Each row becomes the [`SupportDraft`] the web form would submit and is recorded by the same
//! function ([`support::record_in`]): the same validation, the same subsidy-ledger check, the
//! same audit entry; the evidence files a row names are checked and stored as uploads are (a
//! record counts under the indicators only with evidence). All rows are written in one transaction, so a row's ledger check sees the
//! rows above it — aid in one file accumulates as it would entered one by one — and one bad row
//! leaves the database as it was. Files are read by the organisations import's reader
//! ([`org_import::read_table`]), so delimiters, encodings, spreadsheet cells and line numbers are
//! treated alike.
//!
//! The import acts with the operator's authority (the CLI): it may record for any delivery
//! organisation of the project, and its records and audit entries name no user (as the other
//! operator tools' changes do).

use super::support::{self, Recorder};
use crate::evidence_files::display_file_name;
use crate::portability::ImportFailure;
use crate::text::fold;
use crate::{App, AppError};
use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};
use tandem_core::evidence::support::{Activity, SupportDraft};
use tandem_core::partnering::agreement::check_evidence;
use tandem_core::policy::PlatformAdmin;
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, ProgrammeId, ProjectId};
use tandem_io::org_import::{self, Format, ImportError, RowError, TableRow};
use tandem_store::{Conn, organisations, programmes};

/// The columns a support file may have (headers match ignoring case, spaces and underscores).
pub const COLUMNS: [&str; 14] = [
    "enterprise",
    "support_organisation",
    "adviser",
    "delivered_on",
    "hours",
    "activity",
    "written_output",
    "grant_amount",
    "loan_amount",
    "loan_aid_value",
    "aid_rate",
    "programme",
    "confirm_ceiling",
    "evidence",
];

/// The columns every support file must have.
pub const REQUIRED: [&str; 6] = ["enterprise", "support_organisation", "adviser", "delivered_on", "hours", "activity"];

/// What an import recorded (or, with `dry_run`, would record).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SupportImportReport {
    /// Data rows read.
    pub rows: usize,
    /// Support records written (or that would be).
    pub created: usize,
    /// Distinct enterprises among them.
    pub enterprises: usize,
    /// Hours of support, in hundredths.
    pub hours: i64,
    /// Grants, in minor units of `currency`.
    pub grants: i64,
    /// Loans, in minor units of `currency`.
    pub loans: i64,
    /// Evidence files attached to them.
    pub evidence_files: usize,
    /// The project's currency.
    pub currency: String,
    /// Nothing was written.
    pub dry_run: bool,
}

/// Reads an evidence file the `evidence` column names, or says why it cannot (the command line
/// reads them relative to the import file; records without evidence files do not count).
pub type EvidenceReader<'a> = &'a (dyn Fn(&str) -> Result<Vec<u8>, String> + Sync);

/// What to import.
pub struct SupportFile<'a> {
    /// The funded project the support was given in.
    pub project: ProjectId,
    /// The file's bytes.
    pub bytes: &'a [u8],
    /// CSV or XLSX.
    pub format: Format,
    /// Reads the evidence files rows name.
    pub evidence: EvidenceReader<'a>,
    /// Check everything, write nothing.
    pub dry_run: bool,
}

/// Imports support records into a project from CSV or XLSX bytes; `progress(done, total)` is
/// called per row. Every problem is returned, each with its line and column; nothing is written
/// unless every row is good, and nothing at all with `dry_run`.
pub async fn import_support(
    app: &App,
    admin: PlatformAdmin,
    file: &SupportFile<'_>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<SupportImportReport, ImportFailure> {
    let (project_id, dry_run) = (file.project, file.dry_run);
    let rows = org_import::read_table(file.bytes, file.format, &COLUMNS, &REQUIRED)?;
    let total = rows.len();
    let mut tx = app.db().begin().await.map_err(AppError::from)?;
    let project = support::project_of(tx.conn(), project_id).await?;
    let names = OrgNames::load(tx.conn()).await?;
    let delivery: Vec<OrgId> = project.delivery_orgs().collect();
    let delivery_names: Vec<&str> = delivery.iter().filter_map(|id| names.name_of(*id)).collect();
    let mut programme_names: HashMap<OrgId, Vec<(ProgrammeId, String)>> = HashMap::new();
    let at = support::now();
    let mut report = SupportImportReport { rows: total, currency: project.input.currency.key().to_owned(), dry_run, ..Default::default() };
    let mut enterprises = BTreeSet::new();
    let mut problems: Vec<RowError> = Vec::new();
    for (done, row) in rows.iter().enumerate() {
        progress(done + 1, total);
        let mut found = Vec::new();
        let enterprise = names.resolve(row, "enterprise", "enterprise", &mut found);
        let support_org = names.resolve(row, "support_organisation", "support organisation", &mut found);
        if let Some(org) = support_org.filter(|org| !delivery.contains(org)) {
            let name = names.name_of(org).unwrap_or_default();
            found.push(row_error(
                row,
                "support_organisation",
                format!("{name} does not deliver this project; use one of: {}", delivery_names.join(", ")),
            ));
        }
        let programme = match support_org {
            Some(org) if !row.value("programme").is_empty() => {
                if let Entry::Vacant(entry) = programme_names.entry(org) {
                    let listed = programmes::by_org(tx.conn(), org).await.map_err(AppError::from)?;
                    entry.insert(listed.into_iter().map(|p| (p.id, p.name)).collect());
                }
                resolve_programme(row, programme_names.get(&org).map_or(&[][..], Vec::as_slice), &mut found)
            }
            _ => String::new(),
        };
        let confirm_ceiling = yes_no(row, &mut found);
        let evidence = evidence_files(row, file.evidence, &mut found);
        let draft = draft_of(row, enterprise, support_org, programme, confirm_ceiling, &mut found);
        let activity = Activity::from_key(&draft.activity);
        let reported: Vec<String> = found.iter().map(|e| e.field.clone()).collect();
        let new = |errors: &ValidationErrors| row_errors(row, activity, errors).into_iter().filter(|e| !reported.contains(&e.field));
        if enterprise.is_none() || !support_org.is_some_and(|org| delivery.contains(&org)) {
            // Without both parties the form's checks cannot run; check the rest of the row.
            if let Err(errors) = draft.validate(&project, at.date_naive()) {
                found.extend(new(&errors));
            }
            problems.extend(found);
            continue;
        }
        // Recorded even when the row has other problems (the import then writes nothing), so
        // that the rows below are checked against the ledger as they would be once it is fixed.
        match support::record_in(tx.conn(), Recorder::Operator(admin), &project, &draft, at).await {
            Ok(record) if found.is_empty() => {
                for (name, media_type, bytes) in &evidence {
                    support::add_evidence_in(tx.conn(), Recorder::Operator(admin), record.id, name, media_type, bytes, at).await?;
                }
                report.evidence_files += evidence.len();
                report.created += 1;
                report.hours += record.input.hours;
                report.grants += record.input.grant_amount.unwrap_or(0);
                report.loans += record.input.loan_amount.unwrap_or(0);
                enterprises.insert(record.input.enterprise_id);
            }
            Ok(_) => {}
            Err(AppError::Invalid(errors)) => found.extend(new(&errors)),
            Err(other) => return Err(other.into()),
        }
        problems.extend(found);
    }
    if !problems.is_empty() {
        return Err(ImportError::Rows(problems).into());
    }
    report.enterprises = enterprises.len();
    if !dry_run {
        tx.commit().await.map_err(AppError::from)?;
    }
    Ok(report)
}

/// The directory's organisations by id and by exact name (names are unique), for resolving the
/// parties of every row without a query per row.
struct OrgNames {
    by_name: HashMap<String, OrgId>,
    by_id: HashMap<OrgId, String>,
    /// Folded name → exact names, to suggest the spelling a near miss was meant to be.
    by_folded: HashMap<String, Vec<String>>,
}

impl OrgNames {
    async fn load(conn: Conn<'_>) -> Result<OrgNames, AppError> {
        let all = organisations::list_all(conn).await?;
        let mut names = OrgNames { by_name: HashMap::new(), by_id: HashMap::new(), by_folded: HashMap::new() };
        for org in all {
            names.by_folded.entry(fold(&org.name)).or_default().push(org.name.clone());
            names.by_name.insert(org.name.clone(), org.id);
            names.by_id.insert(org.id, org.name);
        }
        Ok(names)
    }

    fn name_of(&self, id: OrgId) -> Option<&str> {
        self.by_id.get(&id).map(String::as_str)
    }

    /// The organisation in `column`: its id, or its exact name.
    fn resolve(&self, row: &TableRow, column: &str, what: &str, found: &mut Vec<RowError>) -> Option<OrgId> {
        let text = row.value(column);
        if text.is_empty() {
            found.push(row_error(row, column, format!("write the {what}'s organisation id (from its directory page) or its exact name")));
            return None;
        }
        if let Ok(id) = text.parse::<OrgId>() {
            if self.by_id.contains_key(&id) {
                return Some(id);
            }
            found.push(row_error(row, column, format!("no organisation has the id {id}; copy the id from the {what}'s directory page")));
            return None;
        }
        if let Some(id) = self.by_name.get(text) {
            return Some(*id);
        }
        let hint = match self.by_folded.get(&fold(text)).map(Vec::as_slice) {
            Some([name]) => format!("; did you mean '{name}'?"),
            _ => "; add it to the directory first (tandem import organisations) or use its id".to_owned(),
        };
        found.push(row_error(row, column, format!("no organisation is called '{text}'{hint}")));
        None
    }
}

/// The programme in the `programme` column among those the support organisation runs: its id or
/// its name, when only one of them is called so.
fn resolve_programme(row: &TableRow, runs: &[(ProgrammeId, String)], found: &mut Vec<RowError>) -> String {
    let text = row.value("programme");
    if let Ok(id) = text.parse::<ProgrammeId>() {
        // Whether the support organisation runs it is checked as for the form.
        return id.to_string();
    }
    let named: Vec<ProgrammeId> = runs.iter().filter(|(_, name)| name == text).map(|(id, _)| *id).collect();
    match named.as_slice() {
        [id] => id.to_string(),
        [] => {
            let list = runs.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>().join(", ");
            let list = if list.is_empty() { "it runs none; leave the column empty".to_owned() } else { format!("use one of: {list}") };
            found.push(row_error(row, "programme", format!("the support organisation runs no programme called '{text}'; {list}")));
            String::new()
        }
        _ => {
            found.push(row_error(
                row,
                "programme",
                format!("the support organisation runs several programmes called '{text}'; use the programme's id"),
            ));
            String::new()
        }
    }
}

/// The `confirm_ceiling` column: yes to record aid that takes an enterprise near its ceiling.
fn yes_no(row: &TableRow, found: &mut Vec<RowError>) -> bool {
    match row.value("confirm_ceiling").to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" | "ja" | "j" => true,
        "" | "no" | "n" | "false" | "0" | "nein" => false,
        other => {
            found.push(row_error(
                row,
                "confirm_ceiling",
                format!("'{other}' is neither yes nor no; write yes to record aid near the enterprise's ceiling, or leave it empty"),
            ));
            false
        }
    }
}

/// The files of the `evidence` column (separated by `;` or `|`), read and checked as uploads
/// are: (file name, media type, bytes).
fn evidence_files(row: &TableRow, read: EvidenceReader<'_>, found: &mut Vec<RowError>) -> Vec<(String, &'static str, Vec<u8>)> {
    let mut files = Vec::new();
    for path in row.value("evidence").split([';', '|']).map(str::trim).filter(|p| !p.is_empty()) {
        let bytes = match read(path) {
            Ok(bytes) => bytes,
            Err(why) => {
                found.push(row_error(row, "evidence", format!("'{path}': {why}")));
                continue;
            }
        };
        // The name without its folders, as an upload's.
        let name = display_file_name(path);
        match check_evidence(&name, &bytes) {
            Ok(media_type) => files.push((name, media_type, bytes)),
            Err(errors) => found.extend(errors.0.iter().map(|e| row_error(row, "evidence", format!("'{path}': {}", e.message)))),
        }
    }
    files
}

/// `One-to-one advice` → `one_to_one_advice`: the key, however a spreadsheet spells it.
fn activity_key(text: &str) -> String {
    text.trim().to_lowercase().replace([' ', '-'], "_")
}

/// The draft the form would submit for a row. A grant's amount is in `grant_amount` and a
/// loan's in `loan_amount`; an amount in the other column is a mistake worth naming.
fn draft_of(
    row: &TableRow,
    enterprise: Option<OrgId>,
    support_org: Option<OrgId>,
    programme_id: String,
    confirm_ceiling: bool,
    found: &mut Vec<RowError>,
) -> SupportDraft {
    let activity = activity_key(row.value("activity"));
    let (grant, loan) = (row.value("grant_amount"), row.value("loan_amount"));
    let amount = match Activity::from_key(&activity) {
        Some(Activity::Grant) => {
            if !loan.is_empty() {
                found.push(row_error(
                    row,
                    "loan_amount",
                    "a grant has its amount in grant_amount: clear loan_amount or change the activity to loan",
                ));
            }
            grant
        }
        Some(Activity::Loan) => {
            if !grant.is_empty() {
                found.push(row_error(
                    row,
                    "grant_amount",
                    "a loan has its amount in loan_amount: clear grant_amount or change the activity to grant",
                ));
            }
            loan
        }
        // Validation refuses an amount for other activities and names the column it is in.
        _ if !grant.is_empty() => grant,
        _ => loan,
    };
    let hours = row.value("hours");
    // A grant or loan often comes without advice: an empty hours cell is none.
    let hours = if hours.is_empty() && Activity::from_key(&activity).is_some_and(Activity::is_financial) { "0" } else { hours };
    let written_output = row.value("written_output");
    SupportDraft {
        enterprise_id: enterprise.map(|id| id.to_string()).unwrap_or_default(),
        support_org_id: support_org.map(|id| id.to_string()).unwrap_or_default(),
        adviser_name: row.value("adviser").to_owned(),
        delivered_on: row.value("delivered_on").to_owned(),
        hours: hours.to_owned(),
        activity,
        written_output: (!written_output.is_empty()).then(|| written_output.to_owned()),
        amount: amount.to_owned(),
        aid_value: row.value("loan_aid_value").to_owned(),
        aid_rate: row.value("aid_rate").to_owned(),
        programme_id,
        confirm_ceiling,
    }
}

fn row_error(row: &TableRow, column: &str, message: impl Into<String>) -> RowError {
    RowError { line: row.line, field: column.to_owned(), message: message.into() }
}

/// The form's validation errors as row errors, named by the file's columns, with the cell's
/// value where it helps to find it and the import's way of confirming aid near a ceiling.
fn row_errors(row: &TableRow, activity: Option<Activity>, errors: &ValidationErrors) -> Vec<RowError> {
    errors
        .0
        .iter()
        .map(|e| {
            let column = match e.field.as_str() {
                "enterprise_id" => "enterprise",
                "support_org_id" => "support_organisation",
                "adviser_name" => "adviser",
                "aid_value" => "loan_aid_value",
                "programme_id" => "programme",
                "amount" => match activity {
                    Some(Activity::Loan) => "loan_amount",
                    Some(Activity::Grant) => "grant_amount",
                    _ if row.value("grant_amount").is_empty() => "loan_amount",
                    _ => "grant_amount",
                },
                other => other,
            };
            let value = row.value(column);
            let message = match (column, e.code) {
                ("confirm_ceiling", "near_ceiling") => {
                    let said = e.message.trim_end_matches(": confirm that you want to record it anyway.");
                    format!("{said}. To record it anyway, write yes in the confirm_ceiling column.")
                }
                ("delivered_on" | "hours" | "activity" | "grant_amount" | "loan_amount" | "loan_aid_value" | "aid_rate", _)
                    if !value.is_empty() && e.code != "over_ceiling" =>
                {
                    format!("'{value}': {}", e.message)
                }
                _ => e.message.clone(),
            };
            RowError { line: row.line, field: column.to_owned(), message }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[(&'static str, &str)]) -> TableRow {
        TableRow { line: 7, values: values.iter().map(|(c, v)| (*c, (*v).to_owned())).collect() }
    }

    #[test]
    fn activities_are_read_however_a_spreadsheet_spells_them() {
        assert_eq!(activity_key(" One-to-one advice "), "one_to_one_advice");
        assert_eq!(activity_key("Event participation"), "event_participation");
        assert_eq!(activity_key("grant"), "grant");
    }

    #[test]
    fn an_amount_in_the_wrong_column_is_named() {
        let mut found = Vec::new();
        let r = row(&[("activity", "grant"), ("loan_amount", "5000"), ("hours", "")]);
        let draft = draft_of(&r, None, None, String::new(), false, &mut found);
        assert_eq!((draft.amount.as_str(), draft.hours.as_str()), ("", "0"), "the grant column is empty; no hours is none");
        assert_eq!(found.iter().map(|e| (e.line, e.field.as_str())).collect::<Vec<_>>(), [(7, "loan_amount")]);
    }

    #[test]
    fn form_errors_are_named_by_the_files_columns_with_the_cell() {
        let mut errors = ValidationErrors::default();
        errors.add("delivered_on", "invalid_date", "write the date the support was given as YYYY-MM-DD");
        errors.add("amount", "invalid_amount", "write the loan as an amount, e.g. 5000 or 5,000.00");
        errors.add("confirm_ceiling", "near_ceiling", "this aid takes X near: confirm that you want to record it anyway.");
        let r = row(&[("delivered_on", "31.12.2018"), ("loan_amount", "lots")]);
        let got = row_errors(&r, Some(Activity::Loan), &errors);
        assert_eq!(got[0].field, "delivered_on");
        assert_eq!(got[0].message, "'31.12.2018': write the date the support was given as YYYY-MM-DD");
        assert_eq!((got[1].field.as_str(), got[1].message.starts_with("'lots': ")), ("loan_amount", true));
        assert_eq!(got[2].message, "this aid takes X near. To record it anyway, write yes in the confirm_ceiling column.");
    }

    #[test]
    fn confirmation_accepts_english_and_german() {
        let mut found = Vec::new();
        assert!(yes_no(&row(&[("confirm_ceiling", "Ja")]), &mut found));
        assert!(!yes_no(&row(&[]), &mut found));
        assert!(found.is_empty());
        assert!(!yes_no(&row(&[("confirm_ceiling", "maybe")]), &mut found));
        assert_eq!(found.len(), 1);
    }
}
