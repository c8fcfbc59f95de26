//! Reading organisations from CSV or XLSX bytes for an all-or-nothing import.
//!
//! This module only finds *structural* problems (unreadable file, missing or ambiguous columns,
//! rows with the wrong number of fields, cells that are not text). Whether a row's values are valid
//! is decided by `OrganisationDraft::validate`, which the application runs on every row before it
//! stores anything; [`row_errors`] turns its findings into the same [`RowError`]s reported here.
//!
//! Line numbers are what a person sees in their editor: the header is line 1, a CSV row is the
//! physical line it starts on (quoted multi-line fields count their lines), an XLSX row is its sheet
//! row number.

use calamine::{Data, Reader, Xlsx};
use std::collections::HashMap;
use std::fmt;
use std::io::Cursor;
use std::path::Path;
use tandem_core::directory::OrganisationDraft;
use tandem_core::validation::ValidationErrors;

/// The canonical column names: the `OrganisationDraft` fields, with `city` (a name) for `city_id`.
pub const FIELDS: [&str; 15] = [
    "name",
    "kind",
    "city",
    "nace_codes",
    "description_en",
    "description_de",
    "website",
    "staff_headcount",
    "turnover",
    "balance_sheet",
    "currency",
    "figures_year",
    "pic",
    "companies_house",
    "handelsregister",
];

/// Columns a file must have; every other column may be absent.
pub const REQUIRED: [&str; 3] = ["name", "kind", "city"];

/// Header texts people use for each field in English and German spreadsheets.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "name",
        &["name", "organisation", "organisation name", "organization", "organization name", "company", "company name", "firma", "firmenname", "name der organisation"],
    ),
    ("kind", &["kind", "type", "organisation type", "organization type", "art", "typ", "organisationsart"]),
    ("city", &["city", "stadt", "ort"]),
    ("nace_codes", &["nace", "nace codes", "nace code", "nace rev. 2", "nace rev 2", "wz", "wz 2008", "wz-code", "sector codes"]),
    ("description_en", &["description", "description (en)", "description en", "english description"]),
    ("description_de", &["beschreibung", "description (de)", "description de", "german description"]),
    ("website", &["website", "web", "url", "webseite", "homepage", "internetseite"]),
    ("staff_headcount", &["staff", "employees", "headcount", "staff headcount", "mitarbeiter", "mitarbeitende", "beschäftigte"]),
    ("turnover", &["turnover", "revenue", "umsatz"]),
    ("balance_sheet", &["balance sheet", "balance sheet total", "bilanzsumme"]),
    ("currency", &["currency", "währung"]),
    ("figures_year", &["year", "figures year", "geschäftsjahr", "jahr"]),
    ("pic", &["pic", "eu pic"]),
    ("companies_house", &["companies house", "companies house number", "company number"]),
    ("handelsregister", &["handelsregister", "hrb", "register number", "handelsregisternummer"]),
];

/// Words people write for an organisation kind, by kind key; compared with [`kind_word`].
const KIND_WORDS: &[(&str, &[&str])] = &[
    ("sme", &["sme", "kmu", "small business", "small and medium-sized enterprise", "mittelstand"]),
    ("startup", &["startup", "start-up", "start up", "gründung", "jungunternehmen"]),
    ("large_company", &["large company", "large enterprise", "corporate", "corporation", "großunternehmen", "konzern"]),
    ("incubator", &["incubator", "inkubator", "gründerzentrum"]),
    ("accelerator", &["accelerator", "akzelerator"]),
    ("university_lab", &["university", "university lab", "hochschule", "universität", "fachhochschule", "uni"]),
    (
        "research_organisation",
        &["research organisation", "research organization", "research institute", "forschungseinrichtung", "forschungsinstitut"],
    ),
    ("public_body", &["public body", "public authority", "local authority", "council", "behörde", "kommune", "stadtverwaltung"]),
    ("investment_agency", &["investment agency", "inward investment agency", "wirtschaftsförderung", "investitionsagentur"]),
    ("investor", &["investor", "investorin", "business angel", "venture capital", "vc", "risikokapitalgeber"]),
    ("other", &["other", "sonstige", "andere"]),
];

/// One data row of an import file, structurally sound but not yet validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The row's line (CSV) or sheet row (XLSX); the header is line 1.
    pub line: usize,
    /// The city as written in the file; the application resolves it to a city id.
    pub city: String,
    /// The row's values; `city_id` is left empty for the application to fill in.
    pub draft: OrganisationDraft,
}

/// A problem with one row, or one field of one row, of an import file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowError {
    /// The line the problem is on (the header is line 1).
    pub line: usize,
    /// The canonical field name; empty when the problem concerns the whole row.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            write!(f, "line {}, field '{}': {}", self.line, self.field, self.message)
        }
    }
}

/// Why a file cannot be imported; the whole import is refused in every case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The bytes are not a readable file of the chosen format.
    #[error("the file could not be read: {message}")]
    Unreadable {
        /// What went wrong and what to try instead.
        message: String,
    },
    /// Required columns are not among the headers.
    #[error(
        "required column(s) missing: {}; the file's columns are: {}. Rename the headers or map them (\"Header=field\")",
        .missing.join(", "),
        if .found.is_empty() { "(none)".to_owned() } else { .found.join(", ") }
    )]
    MissingColumns {
        /// Canonical names of the missing fields.
        missing: Vec<String>,
        /// Every non-empty header of the file, as written.
        found: Vec<String>,
    },
    /// Several columns map to the same field, so it is unclear which one to use.
    #[error("columns {} all map to field '{field}'; remove or rename all but one", .headers.join(", "))]
    DuplicateColumn {
        /// The canonical field name.
        field: String,
        /// The headers, as written, that map to it.
        headers: Vec<String>,
    },
    /// A header mapping is not of the form `Header text=field`.
    #[error("header mapping '{entry}' must look like 'Header text=field'")]
    MalformedOverride {
        /// The mapping as given.
        entry: String,
    },
    /// A header mapping names a field that does not exist.
    #[error("header mapping '{entry}' names unknown field '{field}'; fields are: {}", FIELDS.join(", "))]
    UnknownField {
        /// The mapping as given.
        entry: String,
        /// The unknown field name.
        field: String,
    },
    /// One or more rows are malformed; every one found is listed.
    #[error("{}", summarise(.0))]
    Rows(Vec<RowError>),
}

/// The first few row errors, so a log line or flash message stays short; the full list is in `Rows`.
fn summarise(errors: &[RowError]) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = errors.iter().take(SHOWN).map(RowError::to_string).collect();
    let more = errors.len().saturating_sub(SHOWN);
    let tail = if more > 0 { format!("; and {more} more") } else { String::new() };
    format!("{} problem(s) in the file: {}{tail}", errors.len(), shown.join("; "))
}

/// Maps header texts to canonical fields: built-in EN/DE synonyms plus the user's own mappings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMap(HashMap<String, &'static str>);

impl Default for HeaderMap {
    fn default() -> Self {
        let mut map = HashMap::new();
        for &(field, synonyms) in SYNONYMS {
            map.insert(normalise_header(field), field);
            for synonym in synonyms {
                map.insert(normalise_header(synonym), field);
            }
        }
        Self(map)
    }
}

impl HeaderMap {
    /// The default synonyms with `Header text=field` mappings on top (a mapping wins over a synonym).
    pub fn with_overrides(entries: &[String]) -> Result<HeaderMap, ImportError> {
        let mut map = HeaderMap::default();
        for entry in entries {
            // Split at the last '=' so a header that itself contains '=' can still be mapped.
            let Some((header, field)) = entry.rsplit_once('=') else {
                return Err(ImportError::MalformedOverride { entry: entry.clone() });
            };
            let header = normalise_header(header);
            if header.is_empty() {
                return Err(ImportError::MalformedOverride { entry: entry.clone() });
            }
            let wanted = field.trim().to_lowercase();
            let Some(field) = FIELDS.iter().copied().find(|f| *f == wanted) else {
                return Err(ImportError::UnknownField { entry: entry.clone(), field: field.trim().to_owned() });
            };
            map.0.insert(header, field);
        }
        Ok(map)
    }

    /// The canonical field a header text maps to, if any.
    pub fn field_for(&self, header: &str) -> Option<&'static str> {
        self.0.get(&normalise_header(header)).copied()
    }
}

/// Case-, whitespace- and underscore-insensitive header key; a trailing `*` or `:` (templates mark
/// required columns so) is ignored.
fn normalise_header(header: &str) -> String {
    let lower = header.trim_start_matches('\u{feff}').to_lowercase().replace('_', " ");
    let words = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    words.trim_end_matches(['*', ':']).trim_end().to_owned()
}

/// The file formats an import accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-, semicolon- or tab-separated UTF-8 text.
    Csv,
    /// An Office Open XML workbook (first worksheet).
    Xlsx,
}

impl Format {
    /// The format for a file name's extension (`.csv`, `.xlsx`, any case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// Reads every data row of a CSV or XLSX file; any structural problem refuses the whole file.
pub fn read(bytes: &[u8], format: Format, headers: &HeaderMap) -> Result<Vec<ImportRow>, ImportError> {
    let sheet = match format {
        Format::Csv => read_csv(bytes)?,
        Format::Xlsx => read_xlsx(bytes)?,
    };
    build_rows(sheet, headers)
}

/// One data row of a file read by [`read_table`]: its line and the text of each column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// The row's line (CSV) or sheet row (XLSX); the header is line 1.
    pub line: usize,
    /// (column, text) for the columns the file has, trimmed and with the export's formula guard
    /// removed; absent columns are absent.
    pub values: Vec<(&'static str, String)>,
}

impl TableRow {
    /// The text of `column`; empty when the file has no such column or the cell is blank.
    pub fn value(&self, column: &str) -> &str {
        self.values.iter().find(|(c, _)| *c == column).map_or("", |(_, v)| v.as_str())
    }
}

/// Reads a CSV or XLSX file of other records than organisations (support records, …) with the
/// same structural checks, line numbers and errors as [`read`]. Headers match `columns` ignoring
/// case, spaces and underscores; other columns are ignored; every column of `required` must be
/// there. Reading is shared so that every import treats delimiters, encodings and spreadsheet
/// cells alike.
pub fn read_table(bytes: &[u8], format: Format, columns: &[&'static str], required: &[&'static str]) -> Result<Vec<TableRow>, ImportError> {
    let sheet = match format {
        Format::Csv => read_csv(bytes),
        Format::Xlsx => read_xlsx(bytes),
    }
    .map_err(|e| match e {
        // The organisations' example columns would mislead here.
        ImportError::Unreadable { message } if message == EMPTY_FILE => {
            unreadable(format!("the file is empty; the first row must name the columns ({}, …)", required.join(", ")))
        }
        other => other,
    })?;
    let mapped: Vec<Option<&'static str>> =
        sheet.headers.iter().map(|h| columns.iter().copied().find(|c| normalise_header(c) == normalise_header(h))).collect();
    let missing: Vec<String> = required.iter().filter(|c| !mapped.contains(&Some(**c))).map(|c| (*c).to_owned()).collect();
    if !missing.is_empty() {
        let found = sheet.headers.iter().map(|h| h.trim().to_owned()).filter(|h| !h.is_empty()).collect();
        return Err(ImportError::MissingColumns { missing, found });
    }
    for column in columns {
        let headers: Vec<String> =
            sheet.headers.iter().zip(&mapped).filter(|(_, m)| **m == Some(*column)).map(|(h, _)| h.trim().to_owned()).collect();
        if headers.len() > 1 {
            return Err(ImportError::DuplicateColumn { field: (*column).to_owned(), headers });
        }
    }
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for raw in sheet.rows {
        if raw.problem.is_none() && raw.cells.iter().all(|c| c.as_ref().is_ok_and(|s| s.trim().is_empty())) {
            continue;
        }
        if let Some(message) = raw.problem {
            errors.push(RowError { line: raw.line, field: String::new(), message });
            continue;
        }
        let mut values = Vec::new();
        for (column, cell) in mapped.iter().zip(&raw.cells) {
            let Some(column) = column else { continue };
            match cell {
                Ok(text) => values.push((*column, unguard(text.trim()).to_owned())),
                Err(message) => errors.push(RowError { line: raw.line, field: (*column).to_owned(), message: message.clone() }),
            }
        }
        rows.push(TableRow { line: raw.line, values });
    }
    if errors.is_empty() { Ok(rows) } else { Err(ImportError::Rows(errors)) }
}

/// Turns a validation failure of one row's draft into row errors with the import's field names.
pub fn row_errors(line: usize, errors: &ValidationErrors) -> Vec<RowError> {
    errors
        .0
        .iter()
        .map(|e| RowError {
            line,
            // The file has a city name where the draft has a city id.
            field: if e.field == "city_id" { "city".to_owned() } else { e.field.clone() },
            message: e.message.clone(),
        })
        .collect()
}

/// Splits a NACE cell into codes.
///
/// Separators are `;`, `|`, whitespace and `,`, except that a comma between one or two digits on
/// each side and nothing else (`62,01`) is a German decimal comma and becomes `62.01`. A division
/// with its leading zero lost (`1.11`, as a spreadsheet shows the number 01.11) gets it back.
pub fn split_nace_codes(cell: &str) -> Vec<String> {
    let mut codes = Vec::new();
    for piece in cell.split(|c: char| c == ';' || c == '|' || c.is_whitespace()) {
        if is_decimal_comma(piece) {
            codes.push(restore_leading_zero(&piece.replace(',', ".")));
        } else {
            codes.extend(piece.split(',').filter(|s| !s.is_empty()).map(restore_leading_zero));
        }
    }
    codes
}

fn is_decimal_comma(piece: &str) -> bool {
    let digits = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    piece.split_once(',').is_some_and(|(a, b)| digits(a) && digits(b))
}

fn restore_leading_zero(code: &str) -> String {
    let b = code.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit) && (b.len() == 1 || b.get(1) == Some(&b'.')) {
        format!("0{code}")
    } else {
        code.to_owned()
    }
}

/// The kind key for a cell: the key itself, a common EN/DE word for it, or the text unchanged
/// (so validation reports it with the list of accepted keys).
pub fn normalise_kind(cell: &str) -> String {
    let cell = cell.trim();
    let word = kind_word(cell);
    KIND_WORDS
        .iter()
        .find(|(key, words)| kind_word(key) == word || words.iter().any(|w| kind_word(w) == word))
        .map_or_else(|| cell.to_owned(), |(key, _)| (*key).to_owned())
}

/// Lower case with everything but letters and digits removed, so "Start-up" matches "startup".
fn kind_word(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A cell's text, or why it has none (invalid UTF-8, a spreadsheet error value).
type Cell = Result<String, String>;

/// One physical row of the file before columns are mapped.
struct RawRow {
    line: usize,
    cells: Vec<Cell>,
    /// A problem with the row as a whole (e.g. its field count).
    problem: Option<String>,
}

/// The header row and the data rows of a file, in any format.
struct Sheet {
    headers: Vec<String>,
    rows: Vec<RawRow>,
}

fn unreadable(message: impl Into<String>) -> ImportError {
    ImportError::Unreadable { message: message.into() }
}

const EMPTY_FILE: &str = "the file is empty; the first row must name the columns (name, kind, city, …)";

fn read_csv(bytes: &[u8]) -> Result<Sheet, ImportError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(unreadable("this is an Excel workbook or other zip file, not CSV; import it as .xlsx"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true) // field counts are checked here, so that a bad row does not hide later ones
        .delimiter(detect_delimiter(bytes))
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut last_error_at = None;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                // Reading from a slice cannot fail for I/O reasons; guard anyway against an error
                // that does not move the reader forward.
                if last_error_at == Some(line) || header.is_none() {
                    return Err(unreadable(format!("line {line}: {e}")));
                }
                last_error_at = Some(line);
                rows.push(RawRow { line: to_usize(line), cells: Vec::new(), problem: Some(e.to_string()) });
                continue;
            }
        }
        let line = record.position().map_or(0, |p| record_line(bytes, p));
        let cells: Vec<Cell> = record
            .iter()
            .map(|b| {
                std::str::from_utf8(b).map(str::to_owned).map_err(|_| {
                    "is not valid UTF-8 text; save the file as \"CSV UTF-8\" (Excel) or with UTF-8 encoding".to_owned()
                })
            })
            .collect();
        let Some(headers) = &header else {
            if std::str::from_utf8(record.as_slice()).is_err() {
                return Err(unreadable(
                    "the header row is not UTF-8 text; save the file as \"CSV UTF-8\" (Excel) or with UTF-8 encoding",
                ));
            }
            if record.iter().all(|b| b.trim_ascii().is_empty()) {
                continue;
            }
            header = Some(cells.into_iter().map(Result::unwrap_or_default).collect());
            continue;
        };
        let problem = field_count_problem(headers, &cells);
        rows.push(RawRow { line, cells, problem });
    }
    let headers = header.ok_or_else(|| unreadable(EMPTY_FILE))?;
    Ok(Sheet { headers, rows })
}

fn to_usize(line: u64) -> usize {
    usize::try_from(line).unwrap_or(usize::MAX)
}

/// The line a record starts on. The csv reader reports where it began reading the record,
/// before the blank lines it skipped; a person's editor shows the line with the record's text.
fn record_line(bytes: &[u8], position: &csv::Position) -> usize {
    let mut line = position.line();
    let start = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    for b in bytes.iter().skip(start) {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
    }
    to_usize(line)
}

/// A row must reach the last named column; extra fields are tolerated only when empty (spreadsheet
/// programs add trailing delimiters), because a non-empty one means the values have shifted.
fn field_count_problem(headers: &[String], cells: &[Cell]) -> Option<String> {
    let width = headers.iter().rposition(|h| !h.trim().is_empty()).map_or(0, |i| i + 1);
    let extra_filled = cells.iter().skip(headers.len()).any(|c| !c.as_ref().is_ok_and(|s| s.trim().is_empty()));
    let all_empty = cells.iter().all(|c| c.as_ref().is_ok_and(|s| s.trim().is_empty()));
    if all_empty || (cells.len() >= width && !extra_filled) {
        return None;
    }
    Some(format!(
        "has {} fields but the header has {}; check for a missing or extra delimiter, or a value with a delimiter that is not in quotes",
        cells.len(),
        headers.len()
    ))
}

/// Picks `;`, `,` or tab, whichever occurs most often (outside quotes) in the header line;
/// German Excel writes `;` because `,` is its decimal separator.
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    // Blank lines before the header are skipped by the CSV reader, so skip them here too.
    for &b in bytes.iter().skip_while(|b| matches!(b, b'\r' | b'\n')) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == b) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    // `max_by_key` returns the last maximum; reverse so a tie (or no delimiter at all) keeps ','.
    counts.iter().rev().max_by_key(|(_, n)| *n).map_or(b',', |(d, _)| *d)
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet, ImportError> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        unreadable(format!(
            "this is not a readable .xlsx workbook ({e}); if it is an old .xls file or a CSV, save it as .xlsx or \"CSV UTF-8\""
        ))
    })?;
    let range = match workbook.worksheet_range_at(0) {
        None => return Err(unreadable("the workbook has no worksheet")),
        Some(Err(e)) => return Err(unreadable(format!("the first worksheet cannot be read ({e})"))),
        Some(Ok(range)) => range,
    };
    let Some((first_row, _)) = range.start() else {
        return Err(unreadable(EMPTY_FILE));
    };
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        // Sheet rows are 1-based; the range may start below row 1 when the top rows are blank.
        let line = to_usize(u64::from(first_row)).saturating_add(i + 1);
        let cells: Vec<Cell> = row.iter().map(cell_text).collect();
        if header.is_none() {
            if cells.iter().all(|c| c.as_ref().is_ok_and(|s| s.trim().is_empty())) {
                continue;
            }
            header = Some(cells.into_iter().map(Result::unwrap_or_default).collect());
            continue;
        }
        rows.push(RawRow { line, cells, problem: None });
    }
    let headers = header.ok_or_else(|| unreadable(EMPTY_FILE))?;
    Ok(Sheet { headers, rows })
}

/// A cell's value as the text a person would type; whole numbers lose Excel's ".0".
fn cell_text(data: &Data) -> Cell {
    Ok(match data {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Below 2^53 every whole f64 is exact, so the integer conversion loses nothing.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::Error(e) => return Err(format!("the cell holds the spreadsheet error {e}; replace it with a value")),
    })
}

/// Maps columns to fields and rows to drafts, collecting every row problem before deciding.
fn build_rows(sheet: Sheet, headers: &HeaderMap) -> Result<Vec<ImportRow>, ImportError> {
    let columns = map_columns(&sheet.headers, headers)?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for raw in sheet.rows {
        if raw.problem.is_none() && raw.cells.iter().all(|c| c.as_ref().is_ok_and(|s| s.trim().is_empty())) {
            continue;
        }
        if let Some(message) = raw.problem {
            errors.push(RowError { line: raw.line, field: String::new(), message });
            continue;
        }
        let mut row = ImportRow { line: raw.line, city: String::new(), draft: OrganisationDraft::default() };
        for (index, field) in columns.iter().enumerate() {
            let Some(field) = field else { continue };
            match raw.cells.get(index) {
                // A short XLSX row (trailing blank cells) simply has no value for the column.
                None => {}
                Some(Ok(text)) => set_field(&mut row, field, unguard(text.trim())),
                Some(Err(message)) => {
                    errors.push(RowError { line: raw.line, field: (*field).to_owned(), message: message.clone() });
                }
            }
        }
        rows.push(row);
    }
    if errors.is_empty() { Ok(rows) } else { Err(ImportError::Rows(errors)) }
}

/// The field of each column (`None`: not recognised, ignored), after checking required and
/// duplicate columns.
fn map_columns(header_cells: &[String], headers: &HeaderMap) -> Result<Vec<Option<&'static str>>, ImportError> {
    let columns: Vec<Option<&'static str>> = header_cells.iter().map(|h| headers.field_for(h)).collect();
    let missing: Vec<String> =
        REQUIRED.iter().filter(|f| !columns.contains(&Some(**f))).map(|f| (*f).to_owned()).collect();
    if !missing.is_empty() {
        let found = header_cells.iter().map(|h| h.trim().to_owned()).filter(|h| !h.is_empty()).collect();
        return Err(ImportError::MissingColumns { missing, found });
    }
    for field in FIELDS {
        let headers: Vec<String> = header_cells
            .iter()
            .zip(&columns)
            .filter(|(_, f)| **f == Some(field))
            .map(|(h, _)| h.trim().to_owned())
            .collect();
        if headers.len() > 1 {
            return Err(ImportError::DuplicateColumn { field: field.to_owned(), headers });
        }
    }
    Ok(columns)
}

/// Undoes the formula guard of `org_export::write_csv` (a `'` before `=`, `+`, `-`, `@`), so an
/// exported file imports unchanged.
fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

fn set_field(row: &mut ImportRow, field: &str, text: &str) {
    let optional = || (!text.is_empty()).then(|| text.to_owned());
    let draft = &mut row.draft;
    match field {
        "name" => draft.name = text.to_owned(),
        "kind" => draft.kind = normalise_kind(text),
        "city" => row.city = text.to_owned(),
        "nace_codes" => draft.nace_codes = split_nace_codes(text),
        "description_en" => draft.description_en = optional(),
        "description_de" => draft.description_de = optional(),
        "website" => draft.website = optional(),
        "staff_headcount" => draft.staff_headcount = optional(),
        "turnover" => draft.turnover = optional(),
        "balance_sheet" => draft.balance_sheet = optional(),
        "currency" => draft.currency = optional(),
        "figures_year" => draft.figures_year = optional(),
        "pic" => draft.pic = optional(),
        "companies_house" => draft.companies_house = optional(),
        "handelsregister" => draft.handelsregister = optional(),
        // `FIELDS` and this match list the same names; a header map only yields names from `FIELDS`.
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_synonyms_and_a_setter() {
        assert_eq!(SYNONYMS.iter().map(|(f, _)| *f).collect::<Vec<_>>(), FIELDS);
        let map = HeaderMap::default();
        for field in FIELDS {
            assert_eq!(map.field_for(field), Some(field));
            assert_eq!(map.field_for(&format!("  {}* ", field.to_uppercase())), Some(field));
        }
    }

    #[test]
    fn other_tables_read_with_the_same_rules_and_their_own_columns() {
        const COLUMNS: [&str; 3] = ["enterprise", "delivered_on", "hours"];
        let text = "Enterprise;Delivered On;notes;Hours\n;;;\nDaden Ltd;2018-05-14;ignored;'=2\nHolosphere;2018-05-15\n";
        let rows = read_table(text.as_bytes(), Format::Csv, &COLUMNS, &["enterprise"]);
        let Err(ImportError::Rows(errors)) = rows else { panic!("the short row is refused: {rows:?}") };
        assert_eq!((errors[0].line, errors[0].field.as_str()), (4, ""), "{errors:?}");
        let rows = read_table(&text.as_bytes()[..text.len() - 22], Format::Csv, &COLUMNS, &["enterprise"]).expect("rows");
        assert_eq!(rows.len(), 1);
        let daden = &rows[0];
        assert_eq!((daden.line, daden.value("delivered_on"), daden.value("hours"), daden.value("notes")), (3, "2018-05-14", "=2", ""));
        let missing = read_table(b"hours\n2\n", Format::Csv, &COLUMNS, &["enterprise", "hours"]);
        assert!(matches!(missing, Err(ImportError::MissingColumns { missing, .. }) if missing == ["enterprise"]));
        let empty = read_table(b"", Format::Csv, &COLUMNS, &["enterprise"]);
        assert!(matches!(empty, Err(ImportError::Unreadable { message }) if message.contains("(enterprise, …)")));
    }

    #[test]
    fn blank_lines_before_a_row_do_not_shift_its_line_number() {
        const COLUMNS: [&str; 2] = ["enterprise", "hours"];
        let text = "enterprise,hours\n\n\r\nDaden Ltd,2\n\nHolosphere,3\n";
        let rows = read_table(text.as_bytes(), Format::Csv, &COLUMNS, &["enterprise"]).expect("rows");
        assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [4, 6], "the lines an editor shows");
    }

    #[test]
    fn delimiter_is_taken_from_the_header_line() {
        assert_eq!(detect_delimiter(b"name;kind;city\n\"a,b,c\";x;y"), b';');
        assert_eq!(detect_delimiter(b"\"name;x\",kind,city"), b',');
        assert_eq!(detect_delimiter(b"name\tkind\tcity"), b'\t');
        assert_eq!(detect_delimiter(b"name"), b',');
        assert_eq!(detect_delimiter(b"\r\n\nname;kind;city"), b';');
    }
}
