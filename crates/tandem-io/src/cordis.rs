//! Reading the CORDIS bulk CSV files (the EU's database of research projects): `organization.csv`
//! (one row per participation of an organisation in a project) and `project.csv`.
//!
//! Both the Horizon Europe / current Horizon 2020 column sets (`projectID,projectAcronym,
//! organisationID,…`) and the older Horizon 2020 dump (`projectRcn;projectID;projectAcronym;role;
//! id;name;…`) are read: columns are found by header name in any letter case, ignoring
//! punctuation, with the older names as aliases ([`ORGANISATION_COLUMNS`], [`PROJECT_COLUMNS`]).
//! The delimiter (`,` or `;`) is taken from the header line. Values are read liberally; see
//! `values` for the accepted amount, yes/no and date formats. Amounts are whole euro cents.
//!
//! Every bad row is reported (not only the first), naming the file, the line the record starts
//! on (as an editor numbers it; the header is line 1), the column as the file spells it, and how
//! to fix it. Rows with a problem are left out of the records, so the caller can refuse the
//! import or, for a dry run, report what the good rows would do.

mod values;

use chrono::NaiveDate;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use tandem_core::directory::is_pic;

pub use values::{amount_cents, boolean, date};

/// Which of the two CORDIS files a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum CordisFile {
    /// `organization.csv`: the participations, with the organisations' details.
    Organisations,
    /// `project.csv`: the projects.
    Projects,
}

impl fmt::Display for CordisFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CordisFile::Organisations => "organisations file (organization.csv)",
            CordisFile::Projects => "projects file (project.csv)",
        })
    }
}

/// A problem with one field (or, when `field` is empty, the whole record) of a data row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CordisRowError {
    /// The file the row is in.
    pub file: CordisFile,
    /// The physical line the record starts on (the header is line 1).
    pub line: usize,
    /// The column, as the file's header spells it; empty for a problem with the whole row.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for CordisRowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}, line {}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}, line {}: {}: {}", self.file, self.line, self.field, self.message)
        }
    }
}

/// A required column that a file lacks, with the header names that would have been accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingColumn {
    /// The column's name in the current CORDIS files.
    pub field: &'static str,
    /// Every header name read as this column.
    pub accepted: &'static [&'static str],
}

/// Why a whole file cannot be read; nothing of it is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CordisError {
    /// The file cannot be read at all (I/O error, empty, not CSV).
    #[error("the {file} cannot be read: {message}")]
    Unreadable {
        /// Which file.
        file: CordisFile,
        /// What went wrong and what to try.
        message: String,
    },
    /// Required columns are missing from the header line.
    #[error(
        "the {file} lacks required column(s): {}; its columns are: {}. Use the CORDIS bulk download's own file, or rename the headers",
        .missing.iter().map(|m| format!("{} (accepted names: {})", m.field, m.accepted.join(", "))).collect::<Vec<_>>().join("; "),
        if .found.is_empty() { "(none)".to_owned() } else { .found.join(", ") }
    )]
    MissingColumns {
        /// Which file.
        file: CordisFile,
        /// Each missing column with its accepted names.
        missing: Vec<MissingColumn>,
        /// The file's headers, as written.
        found: Vec<String>,
    },
}

/// One column the reader looks for: its current name, the header names accepted for it (first
/// match wins when a file has several), and whether a file must have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The column's name in the current CORDIS files.
    pub field: &'static str,
    /// Accepted header names, most specific first; compared without case and punctuation.
    pub accepted: &'static [&'static str],
    /// A file without this column is refused.
    pub required: bool,
}

const fn column(field: &'static str, accepted: &'static [&'static str], required: bool) -> Column {
    Column { field, accepted, required }
}

// Indexes into ORGANISATION_COLUMNS.
const O_PROJECT: usize = 0;
const O_PIC: usize = 1;
const O_NAME: usize = 2;
const O_SHORT_NAME: usize = 3;
const O_SME: usize = 4;
const O_ACTIVITY: usize = 5;
const O_CITY: usize = 6;
const O_COUNTRY: usize = 7;
const O_URL: usize = 8;
const O_ROLE: usize = 9;
const O_CONTRIBUTION: usize = 10;

/// The columns read from `organization.csv`; the others are ignored.
pub const ORGANISATION_COLUMNS: [Column; 11] = [
    column("projectID", &["projectID", "project_id"], true),
    // The older dump calls the PIC `id` (its project id is `projectID`).
    column("organisationID", &["organisationID", "organizationID", "pic", "participantPic", "id"], true),
    column("name", &["name", "legalName", "organisationName", "organizationName"], true),
    column("shortName", &["shortName"], false),
    column("SME", &["SME"], false),
    column("activityType", &["activityType"], false),
    column("city", &["city"], false),
    column("country", &["country"], false),
    column("organizationURL", &["organizationURL", "organisationURL", "url"], false),
    column("role", &["role"], false),
    column("ecContribution", &["ecContribution"], false),
];

// Indexes into PROJECT_COLUMNS.
const P_ID: usize = 0;
const P_ACRONYM: usize = 1;
const P_TITLE: usize = 2;
const P_FRAMEWORK: usize = 3;
const P_PROGRAMME: usize = 4;
const P_TOPICS: usize = 5;
const P_OBJECTIVE: usize = 6;
const P_START: usize = 7;
const P_END: usize = 8;
const P_TOTAL_COST: usize = 9;
const P_CONTRIBUTION: usize = 10;

/// The columns read from `project.csv`; the others are ignored.
pub const PROJECT_COLUMNS: [Column; 11] = [
    column("id", &["id", "projectID"], true),
    column("acronym", &["acronym", "projectAcronym"], false),
    column("title", &["title"], false),
    column("frameworkProgramme", &["frameworkProgramme"], false),
    // The programme area: `legalBasis` now (`HORIZON.1.1`, `H2020-EU.3.1.`), `programme` in the
    // older dump (where it may list several, separated by `;`).
    column("legalBasis", &["legalBasis", "programme"], false),
    column("topics", &["topics", "topic"], false),
    column("objective", &["objective"], false),
    column("startDate", &["startDate"], false),
    column("endDate", &["endDate"], false),
    column("totalCost", &["totalCost"], false),
    column("ecMaxContribution", &["ecMaxContribution", "ecContribution"], false),
];

/// An organisation as one row of `organization.csv` describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganisationRecord {
    /// Participant Identification Code (nine digits), the organisation's stable id.
    pub pic: String,
    /// Legal name.
    pub name: String,
    /// Short name or acronym.
    pub short_name: Option<String>,
    /// Small or medium-sized enterprise, as the organisation declared.
    pub sme: Option<bool>,
    /// CORDIS activity type: HES, REC, PRC, PUB or OTH.
    pub activity_type: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country code as CORDIS writes it (`UK`, `EL` for Greece), upper case.
    pub country: Option<String>,
    /// Website.
    pub url: Option<String>,
}

/// One row of `organization.csv`: an organisation's participation in a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipationRecord {
    /// The line the row starts on.
    pub line: usize,
    /// The CORDIS project id.
    pub project_id: String,
    /// `coordinator`, `participant`, `associatedPartner`, … as written.
    pub role: Option<String>,
    /// The EU contribution to this organisation in this project, in euro cents.
    pub ec_contribution: Option<i64>,
    /// The organisation.
    pub organisation: OrganisationRecord,
}

/// One row of `project.csv`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectRecord {
    /// The line the row starts on.
    pub line: usize,
    /// The CORDIS project id (the grant agreement number).
    pub id: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Framework programme: `H2020`, `HORIZON`.
    pub framework: Option<String>,
    /// Programme area: `legalBasis` (`HORIZON.1.1`) or the older `programme` column.
    pub programme: Option<String>,
    /// Call topic(s).
    pub topics: Option<String>,
    /// The project's summary.
    pub objective: Option<String>,
    /// Start date.
    pub start_date: Option<NaiveDate>,
    /// End date.
    pub end_date: Option<NaiveDate>,
    /// Total cost in euro cents.
    pub total_cost: Option<i64>,
    /// Maximum EU contribution in euro cents.
    pub ec_contribution: Option<i64>,
}

/// A file's good rows, every problem found in the others, and how its columns were named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<T> {
    /// Rows without problems, in file order.
    pub records: Vec<T>,
    /// Every problem, in file order.
    pub errors: Vec<CordisRowError>,
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// For each column of the column list: the header as the file spells it, if present.
    headers: Vec<Option<String>>,
}

impl<T> Parsed<T> {
    /// The header the file uses for `column` (an index into the column list), or its current name
    /// if the file lacks it; for naming the column in a problem found later.
    fn header<'a>(&'a self, columns: &'a [Column], column: usize) -> &'a str {
        header_name(&self.headers, columns, column)
    }
}

impl Parsed<ParticipationRecord> {
    /// The header of the project-id column, for problems about a participation's project.
    pub fn project_id_header(&self) -> &str {
        self.header(&ORGANISATION_COLUMNS, O_PROJECT)
    }
}

/// The header a file uses for `column` (an index into `columns`), or the column's current name
/// when the file lacks it.
fn header_name<'a>(headers: &'a [Option<String>], columns: &'a [Column], column: usize) -> &'a str {
    match headers.get(column) {
        Some(Some(header)) => header,
        _ => columns.get(column).map_or("", |c| c.field),
    }
}

/// How often (in rows) the readers call `progress`.
const PROGRESS_EVERY: usize = 4096;

/// Reads `organization.csv`. `progress(rows)` is called every few thousand rows and at the end.
pub fn read_organisations(reader: impl Read, progress: &mut dyn FnMut(usize)) -> Result<Parsed<ParticipationRecord>, CordisError> {
    read_file(CordisFile::Organisations, reader, &ORGANISATION_COLUMNS, progress, |row| {
        let project_id = row.required(O_PROJECT, "the project's id (projectID)");
        let pic = row.pic(O_PIC);
        let name = row.required(O_NAME, "the organisation's legal name");
        let organisation = OrganisationRecord {
            pic,
            name,
            short_name: row.text(O_SHORT_NAME),
            sme: row.boolean(O_SME),
            activity_type: row.text(O_ACTIVITY).map(|t| t.to_ascii_uppercase()),
            city: row.text(O_CITY),
            country: row.text(O_COUNTRY).map(|t| t.to_ascii_uppercase()),
            url: row.text(O_URL),
        };
        ParticipationRecord {
            line: row.line,
            project_id,
            role: row.text(O_ROLE),
            ec_contribution: row.amount(O_CONTRIBUTION),
            organisation,
        }
    })
}

/// Reads `project.csv`. `progress(rows)` is called every few thousand rows and at the end.
pub fn read_projects(reader: impl Read, progress: &mut dyn FnMut(usize)) -> Result<Parsed<ProjectRecord>, CordisError> {
    read_file(CordisFile::Projects, reader, &PROJECT_COLUMNS, progress, |row| {
        let record = ProjectRecord {
            line: row.line,
            id: row.required(P_ID, "the project's id"),
            acronym: row.text(P_ACRONYM),
            title: row.text(P_TITLE),
            framework: row.text(P_FRAMEWORK),
            programme: row.text(P_PROGRAMME),
            topics: row.text(P_TOPICS),
            objective: row.text(P_OBJECTIVE),
            start_date: row.date(P_START),
            end_date: row.date(P_END),
            total_cost: row.amount(P_TOTAL_COST),
            ec_contribution: row.amount(P_CONTRIBUTION),
        };
        if let (Some(start), Some(end)) = (record.start_date, record.end_date)
            && end < start
        {
            let message = format!("the project ends ({end}) before it starts ({start}); check both dates");
            row.problem(P_END, message);
        }
        record
    })
}

/// The column of each entry of `columns` in a header row.
struct ColumnMap {
    index: Vec<Option<usize>>,
    headers: Vec<Option<String>>,
    /// Number of fields in the header row.
    width: usize,
}

/// Lower case, letters and digits only: `organizationURL`, `organization_url` and
/// `\u{feff}OrganizationUrl` are the same column.
fn header_key(header: &str) -> String {
    header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn map_columns(file: CordisFile, header_row: &[String], columns: &[Column]) -> Result<ColumnMap, CordisError> {
    let keys: Vec<String> = header_row.iter().map(|h| header_key(h)).collect();
    let index: Vec<Option<usize>> = columns
        .iter()
        .map(|c| c.accepted.iter().find_map(|name| keys.iter().position(|k| *k == header_key(name))))
        .collect();
    let missing: Vec<MissingColumn> = columns
        .iter()
        .zip(&index)
        .filter(|(c, i)| c.required && i.is_none())
        .map(|(c, _)| MissingColumn { field: c.field, accepted: c.accepted })
        .collect();
    if !missing.is_empty() {
        let found = header_row.iter().map(|h| h.trim().to_owned()).filter(|h| !h.is_empty()).collect();
        return Err(CordisError::MissingColumns { file, missing, found });
    }
    let headers = index.iter().map(|i| i.and_then(|i| header_row.get(i)).map(|h| h.trim().to_owned())).collect();
    Ok(ColumnMap { index, headers, width: header_row.len() })
}

/// `;` when the header line has more semicolons than commas (outside quotes), `,` otherwise.
fn detect_delimiter(head: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for &b in head.iter().skip_while(|b| matches!(b, b'\r' | b'\n')) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

fn unreadable(file: CordisFile, message: impl Into<String>) -> CordisError {
    CordisError::Unreadable { file, message: message.into() }
}

fn to_usize(line: u64) -> usize {
    usize::try_from(line).unwrap_or(usize::MAX)
}

/// Reads every data row of one file with `build`, which takes the row's cells through a [`Row`]
/// (recording problems there); a row with any problem becomes errors instead of a record.
fn read_file<T>(
    file: CordisFile,
    reader: impl Read,
    columns: &[Column],
    progress: &mut dyn FnMut(usize),
    mut build: impl FnMut(&mut Row<'_>) -> T,
) -> Result<Parsed<T>, CordisError> {
    // Large buffer: the header line is peeked at through it, and big files read faster.
    let mut buffered = BufReader::with_capacity(1 << 16, reader);
    let head = buffered.fill_buf().map_err(|e| unreadable(file, e.to_string()))?;
    if head.starts_with(b"PK\x03\x04") {
        return Err(unreadable(file, "this is a zip file or Excel workbook; unpack the CORDIS download and give the .csv file"));
    }
    let delimiter = detect_delimiter(head);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        // Field counts are checked here, so one bad row does not hide the later ones.
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(buffered);
    let header_row: Vec<String> = match reader.byte_headers() {
        Ok(h) => h.iter().map(|b| String::from_utf8_lossy(b).trim_start_matches('\u{feff}').to_owned()).collect(),
        Err(e) => return Err(unreadable(file, e.to_string())),
    };
    if header_row.iter().all(|h| h.trim().is_empty()) {
        return Err(unreadable(file, "the file is empty; its first line must name the columns"));
    }
    let map = map_columns(file, &header_row, columns)?;
    let mut parsed = Parsed { records: Vec::new(), errors: Vec::new(), rows: 0, headers: map.headers.clone() };
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                return Err(unreadable(file, format!("line {line}: {e}")));
            }
        }
        if record.iter().all(|f| f.trim_ascii().is_empty()) {
            continue;
        }
        parsed.rows += 1;
        if parsed.rows % PROGRESS_EVERY == 0 {
            progress(parsed.rows);
        }
        let line = to_usize(record.position().map_or(0, csv::Position::line));
        if record.len() < map.width || record.iter().skip(map.width).any(|f| !f.trim_ascii().is_empty()) {
            parsed.errors.push(CordisRowError {
                file,
                line,
                field: String::new(),
                message: format!(
                    "has {} fields but the header has {}; a value containing the delimiter '{}', a quote or a line break must be in double quotes",
                    record.len(),
                    map.width,
                    char::from(delimiter)
                ),
            });
            continue;
        }
        let mut row = Row { file, line, record: &record, map: &map, columns, errors: Vec::new() };
        let built = build(&mut row);
        if row.errors.is_empty() {
            parsed.records.push(built);
        } else {
            parsed.errors.append(&mut row.errors);
        }
    }
    progress(parsed.rows);
    Ok(parsed)
}

/// One data row while it is being read: cell accessors that record problems by column.
struct Row<'a> {
    file: CordisFile,
    line: usize,
    record: &'a csv::ByteRecord,
    map: &'a ColumnMap,
    columns: &'a [Column],
    errors: Vec<CordisRowError>,
}

impl<'a> Row<'a> {
    fn problem(&mut self, column: usize, message: String) {
        let field = header_name(&self.map.headers, self.columns, column).to_owned();
        self.errors.push(CordisRowError { file: self.file, line: self.line, field, message });
    }

    /// The cell of a column ("" when the file lacks the column).
    fn cell(&mut self, column: usize) -> &'a str {
        let (map, record): (&'a ColumnMap, &'a csv::ByteRecord) = (self.map, self.record);
        let Some(Some(index)) = map.index.get(column) else { return "" };
        let bytes = record.get(*index).unwrap_or_default();
        match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                self.problem(column, "is not UTF-8 text; the CORDIS files are UTF-8, so re-download the file or save it as UTF-8".into());
                ""
            }
        }
    }

    fn text(&mut self, column: usize) -> Option<String> {
        values::text(self.cell(column))
    }

    /// A cell that must not be empty; `what` says what belongs there.
    fn required(&mut self, column: usize, what: &str) -> String {
        let value = self.text(column);
        value.unwrap_or_else(|| {
            self.problem(column, format!("is empty; every row needs {what}"));
            String::new()
        })
    }

    fn pic(&mut self, column: usize) -> String {
        let pic = self.required(column, "the organisation's PIC (Participant Identification Code, 9 digits)");
        if !pic.is_empty() && !is_pic(&pic) {
            self.problem(column, format!("'{pic}' is not a PIC; a PIC (Participant Identification Code) has 9 digits"));
        }
        pic
    }

    fn parsed<V>(&mut self, column: usize, parse: fn(&str) -> Result<Option<V>, String>) -> Option<V> {
        let cell = self.cell(column);
        parse(cell).unwrap_or_else(|message| {
            self.problem(column, message);
            None
        })
    }

    fn amount(&mut self, column: usize) -> Option<i64> {
        self.parsed(column, amount_cents)
    }

    fn boolean(&mut self, column: usize) -> Option<bool> {
        self.parsed(column, boolean)
    }

    fn date(&mut self, column: usize) -> Option<NaiveDate> {
        self.parsed(column, date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_comes_from_the_header_line() {
        assert_eq!(detect_delimiter(b"projectRcn;projectID;\"a,b,c\"\n1,2,3"), b';');
        assert_eq!(detect_delimiter(b"projectID,name,\"x;y;z\""), b',');
        assert_eq!(detect_delimiter(b"\r\nid;acronym;title"), b';');
        assert_eq!(detect_delimiter(b"id"), b',');
    }

    #[test]
    fn headers_match_without_case_and_punctuation() {
        assert_eq!(header_key("\u{feff}organizationURL"), header_key("organization_url"));
        assert_eq!(header_key(" ProjectID "), "projectid");
    }

    #[test]
    fn the_first_accepted_name_wins() {
        let headers: Vec<String> = ["id", "organisationID", "projectID", "name"].map(String::from).to_vec();
        let map = map_columns(CordisFile::Organisations, &headers, &ORGANISATION_COLUMNS).expect("columns");
        assert_eq!(map.index[O_PIC], Some(1));
        assert_eq!(map.index[O_PROJECT], Some(2));
    }
}
