//! Bulk exchange of partnering profiles (issue 3, item 9): JSON Lines in and out, CSV out.
//!
//! One JSON object per line (blank lines are skipped), upserted by `external_id`:
//!
//! ```json
//! {"external_id": "acme-07", "type": "TO", "language": "en", "title": "…", "summary": "…",
//!  "description": "…", "keywords_market": ["561010"], "nace": ["62.01"],
//!  "organisation": {"external_id": "acme", "name": "Acme Ltd", "city": "Birmingham", "country": "GB", "kind": "sme"}}
//! ```
//!
//! Optional: `partner_role`, `advantages`, `technical_specification`, `stage_of_development`,
//! `ipr_status`, `keywords_market`, `keywords_technology`, `nace`, `sdgs`, `partnership_types`,
//! `partner_sought`, `target_countries`, `rdr` (the call of an R&D request) and
//! `support_organisation` (the exact name of a support organisation). Unknown fields are refused,
//! so a misspelt field is reported instead of silently dropped.
//!
//! This module finds problems that need no database: JSON syntax, missing and unknown fields,
//! wrong value types, the domain's limits (`ProfileDraft::validate`), and the organisation's city
//! and country against the partnership's cities. Every problem is a [`LineError`] naming the line
//! (as an editor numbers it) and the field (`organisation.city`, `rdr.eoi_deadline`, …).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::Write;
use tandem_core::directory::{City, OrgKind};
use tandem_core::partnering::{KeywordCatalogue, ProfileContent, ProfileDraft};
use tandem_core::text::fold;
use tandem_core::validation::ValidationErrors;
use tandem_core::CityId;

/// Longest external id (of a profile or an organisation).
pub const EXTERNAL_ID_MAX: usize = 100;

/// One line of an exchange file: a profile and the organisation it speaks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileRecord {
    /// The sender's reference of the profile (upsert key, ≤ 100 characters).
    pub external_id: String,
    /// BO, BR, TO, TR or RDR (any letter case).
    #[serde(rename = "type")]
    pub profile_type: String,
    /// `en` or `de`.
    pub language: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Description.
    pub description: String,
    /// Expected role of the partner.
    #[serde(default)]
    pub partner_role: Option<String>,
    /// Advantages and innovations (offers).
    #[serde(default)]
    pub advantages: Option<String>,
    /// Technical specification or expertise sought (requests).
    #[serde(default)]
    pub technical_specification: Option<String>,
    /// Stage of development key (technology offers).
    #[serde(default)]
    pub stage_of_development: Option<String>,
    /// IPR status key (technology offers).
    #[serde(default)]
    pub ipr_status: Option<String>,
    /// Market keyword codes.
    #[serde(default)]
    pub keywords_market: Vec<String>,
    /// Technology keyword codes.
    #[serde(default)]
    pub keywords_technology: Vec<String>,
    /// NACE codes (`62.01`).
    #[serde(default)]
    pub nace: Vec<String>,
    /// Sustainable Development Goals, 1–17.
    #[serde(default)]
    pub sdgs: Vec<i64>,
    /// Partnership type keys.
    #[serde(default)]
    pub partnership_types: Vec<String>,
    /// Partner-sought keys.
    #[serde(default)]
    pub partner_sought: Vec<String>,
    /// Target countries (ISO 3166-1 alpha-2).
    #[serde(default)]
    pub target_countries: Vec<String>,
    /// Target cities of the partnership, by name (`Leipzig`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_cities: Vec<String>,
    /// The funding call of an R&D request.
    #[serde(default)]
    pub rdr: Option<CallRecord>,
    /// Exact name of the support organisation that manages the profile.
    #[serde(default)]
    pub support_organisation: Option<String>,
    /// The organisation the profile speaks for (upserted by its `external_id`).
    pub organisation: OrganisationRecord,
}

/// The organisation of a [`ProfileRecord`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationRecord {
    /// The sender's reference of the organisation (upsert key, ≤ 100 characters).
    pub external_id: String,
    /// Name (never shown to the public with the profile).
    pub name: String,
    /// City: one of the partnership's cities, matched by name in any letter case.
    pub city: String,
    /// ISO country code of that city.
    pub country: String,
    /// Organisation kind key (`sme`, `startup`, `research_organisation`, …).
    pub kind: String,
}

/// The funding-call fields of an R&D request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallRecord {
    /// Funding programme.
    #[serde(default)]
    pub programme: Option<String>,
    /// Call identifier.
    #[serde(default)]
    pub call_identifier: Option<String>,
    /// Deadline for expressions of interest (YYYY-MM-DD).
    #[serde(default)]
    pub eoi_deadline: Option<String>,
    /// Call deadline (YYYY-MM-DD).
    #[serde(default)]
    pub call_deadline: Option<String>,
    /// Budget, as written.
    #[serde(default)]
    pub budget: Option<String>,
    /// The partner sought must coordinate.
    #[serde(default)]
    pub coordinator_required: bool,
    /// Project duration in months.
    #[serde(default)]
    pub duration_months: Option<i64>,
}

/// A problem with one line (or one field of one line) of an exchange file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineError {
    /// The line, as an editor numbers it (the first line is 1).
    pub line: usize,
    /// The field in the file's terms (`title`, `organisation.city`, `rdr.eoi_deadline`); empty
    /// when the problem concerns the whole line (a JSON syntax error).
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl LineError {
    /// A problem with `field` of `line`.
    pub fn new(line: usize, field: impl Into<String>, message: impl Into<String>) -> LineError {
        LineError { line, field: field.into(), message: message.into() }
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            write!(f, "line {}: {}: {}", self.line, self.field, self.message)
        }
    }
}

/// A parsed line and its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineRecord {
    /// The line (the first line is 1).
    pub line: usize,
    /// What it says.
    pub record: ProfileRecord,
}

/// Every line of a JSON Lines text: the ones that parsed, and a problem for each one that did not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedFile {
    /// Lines that parsed, in file order.
    pub records: Vec<LineRecord>,
    /// Lines that did not, in file order.
    pub errors: Vec<LineError>,
}

/// Parses JSON Lines text; blank lines are skipped, a leading byte-order mark is ignored.
pub fn parse_jsonl(text: &str) -> ParsedFile {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parsed = ParsedFile::default();
    for (index, raw) in text.split('\n').enumerate() {
        let line = index + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        match parse_line(line, raw) {
            Ok(record) => parsed.records.push(LineRecord { line, record }),
            Err(error) => parsed.errors.push(error),
        }
    }
    parsed
}

/// Parses one line; the error names the field where serde can tell.
pub fn parse_line(line: usize, raw: &str) -> Result<ProfileRecord, LineError> {
    serde_json::from_str(raw).map_err(|e| json_error(line, raw, &e))
}

fn json_error(line: usize, raw: &str, e: &serde_json::Error) -> LineError {
    let full = e.to_string();
    // serde appends " at line 1 column N"; the line is ours, the column is kept.
    let what = full.rsplit_once(" at line ").map(|(what, _)| what).unwrap_or(&full).to_owned();
    let column = e.column();
    match e.classify() {
        serde_json::error::Category::Data => {
            let named = backticked(&what);
            let field = if what.starts_with("missing field") || what.starts_with("unknown field") {
                let mut path = enclosing_path(raw, column);
                path.extend(named.clone());
                path.join(".")
            } else {
                value_path(raw, column).join(".")
            };
            let message = if what.starts_with("unknown field") {
                let expected = what.split_once(", expected ").map(|(_, rest)| rest).unwrap_or("");
                format!("unknown field \"{}\" (column {column}); expected {expected}", named.unwrap_or_default())
            } else if what.starts_with("missing field") {
                format!("the field \"{}\" is required", named.unwrap_or_default())
            } else {
                format!("{what} (column {column})")
            };
            LineError::new(line, field, message)
        }
        _ => LineError::new(line, "", format!("not a JSON object: {what} (column {column}); each line must be one JSON object")),
    }
}

/// The first `name` in backticks in a serde message.
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_owned())
}

/// One level of nesting while scanning a line.
enum Frame {
    /// An object and the key whose value is being read (`None` while expecting a key).
    Object { key: Option<String>, in_value: bool },
    /// An array.
    Array,
}

/// The nesting frames open just before byte `column` of `raw` (serde's 1-based column of the
/// last byte it read); a closing brace or bracket at that position is not applied.
fn frames_at(raw: &str, column: usize) -> Vec<Frame> {
    let bytes = raw.as_bytes();
    let end = column.saturating_sub(1).min(bytes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let text = raw.get(start..j.min(bytes.len())).unwrap_or_default();
                if let Some(Frame::Object { key, in_value: false }) = frames.last_mut() {
                    *key = Some(text.to_owned());
                }
                i = j + 1;
                continue;
            }
            b'{' => frames.push(Frame::Object { key: None, in_value: false }),
            b'[' => frames.push(Frame::Array),
            b'}' | b']' => drop(frames.pop()),
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = frames.last_mut() {
                    *in_value = true;
                }
            }
            b',' => {
                if let Some(Frame::Object { in_value, .. }) = frames.last_mut() {
                    *in_value = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    frames
}

/// The path of the object that lacks a field or has an unknown one.
fn enclosing_path(raw: &str, column: usize) -> Vec<String> {
    let mut frames = frames_at(raw, column);
    if let Some(i) = frames.iter().rposition(|f| matches!(f, Frame::Object { .. })) {
        frames.truncate(i);
    }
    keys(&frames)
}

/// The path of the value being read at `column`.
fn value_path(raw: &str, column: usize) -> Vec<String> {
    keys(&frames_at(raw, column))
}

fn keys(frames: &[Frame]) -> Vec<String> {
    frames
        .iter()
        .filter_map(|f| match f {
            Frame::Object { key: Some(key), in_value: true } => Some(key.clone()),
            _ => None,
        })
        .collect()
}

/// The file's name for a field of `ProfileDraft` (or of the quality check).
pub fn record_field(draft_field: &str) -> String {
    match draft_field {
        "profile_type" => "type".to_owned(),
        "nace_codes" => "nace".to_owned(),
        "call_programme" => "rdr.programme".to_owned(),
        "call_eoi_deadline" => "rdr.eoi_deadline".to_owned(),
        "call_deadline" => "rdr.call_deadline".to_owned(),
        "call_budget" => "rdr.budget".to_owned(),
        "call_duration_months" => "rdr.duration_months".to_owned(),
        "call_identifier" => "rdr.call_identifier".to_owned(),
        other => other.to_owned(),
    }
}

/// Line errors for the problems of `errors`, with fields renamed to the file's terms (and
/// prefixed, e.g. `organisation.`).
pub fn line_errors(line: usize, prefix: &str, errors: &ValidationErrors) -> Vec<LineError> {
    errors.0.iter().map(|e| LineError::new(line, format!("{prefix}{}", record_field(&e.field)), e.message.clone())).collect()
}

/// A record that passed every check this module can make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRecord {
    /// The profile's texts and choices.
    pub content: ProfileContent,
    /// The organisation's kind.
    pub org_kind: OrgKind,
    /// The organisation's city.
    pub city_id: CityId,
}

impl ProfileRecord {
    /// The form fields this record fills in.
    pub fn to_draft(&self) -> ProfileDraft {
        let call = self.rdr.clone().unwrap_or_default();
        ProfileDraft {
            profile_type: self.profile_type.clone(),
            language: self.language.clone(),
            title: self.title.clone(),
            summary: Some(self.summary.clone()),
            description: Some(self.description.clone()),
            partner_role: self.partner_role.clone(),
            advantages: self.advantages.clone(),
            technical_specification: self.technical_specification.clone(),
            stage_of_development: self.stage_of_development.clone(),
            ipr_status: self.ipr_status.clone(),
            keywords_market: self.keywords_market.clone(),
            keywords_technology: self.keywords_technology.clone(),
            nace_codes: self.nace.clone(),
            sdgs: self.sdgs.iter().map(i64::to_string).collect(),
            partnership_types: self.partnership_types.clone(),
            partner_sought: self.partner_sought.clone(),
            target_countries: self.target_countries.clone(),
            // Named in the file; `check` resolves the names against the partnership's cities.
            target_cities: Vec::new(),
            call_programme: call.programme,
            call_identifier: call.call_identifier,
            call_eoi_deadline: call.eoi_deadline,
            call_deadline: call.call_deadline,
            call_budget: call.budget,
            call_coordinator_required: call.coordinator_required,
            call_duration_months: call.duration_months.map(|m| m.to_string()),
        }
    }

    /// The record of a stored profile: its `external_id`, content, owner and support organisation.
    pub fn from_content(
        external_id: &str,
        c: &ProfileContent,
        organisation: OrganisationRecord,
        support_organisation: Option<String>,
        cities: &[City],
    ) -> ProfileRecord {
        let keys = |v: Vec<&'static str>| v.into_iter().map(str::to_owned).collect::<Vec<_>>();
        let call = &c.call;
        let rdr = (*call != Default::default()).then(|| CallRecord {
            programme: call.programme.clone(),
            call_identifier: call.call_identifier.clone(),
            eoi_deadline: call.eoi_deadline.map(|d| d.to_string()),
            call_deadline: call.call_deadline.map(|d| d.to_string()),
            budget: call.budget.clone(),
            coordinator_required: call.coordinator_required,
            duration_months: call.duration_months.map(i64::from),
        });
        ProfileRecord {
            external_id: external_id.to_owned(),
            profile_type: c.profile_type.key().to_owned(),
            language: c.language.key().to_owned(),
            title: c.title.clone(),
            summary: c.summary.clone().unwrap_or_default(),
            description: c.description.clone().unwrap_or_default(),
            partner_role: c.partner_role.clone(),
            advantages: c.advantages.clone(),
            technical_specification: c.technical_specification.clone(),
            stage_of_development: c.stage_of_development.map(|s| s.key().to_owned()),
            ipr_status: c.ipr_status.map(|s| s.key().to_owned()),
            keywords_market: c.keywords_market.clone(),
            keywords_technology: c.keywords_technology.clone(),
            nace: c.nace_codes.iter().map(|n| n.as_str().to_owned()).collect(),
            sdgs: c.sdgs.iter().map(|&n| i64::from(n)).collect(),
            partnership_types: keys(c.partnership_types.iter().map(|p| p.key()).collect()),
            partner_sought: keys(c.partner_sought.iter().map(|p| p.key()).collect()),
            target_countries: c.target_countries.clone(),
            target_cities: c
                .target_cities
                .iter()
                .filter_map(|id| cities.iter().find(|city| city.id == *id).map(|city| city.name.clone()))
                .collect(),
            rdr,
            support_organisation,
            organisation,
        }
    }

    /// Checks everything that needs no database: the external ids, the profile's fields
    /// (`ProfileDraft::validate`), and the organisation's name, kind, city and country (the city
    /// must be one of `cities`, by name in any letter case, and the country that city's).
    /// Every problem of the line is reported.
    pub fn check(&self, line: usize, keywords: &dyn KeywordCatalogue, cities: &[City]) -> Result<CheckedRecord, Vec<LineError>> {
        let mut errors = Vec::new();
        check_external_id(&mut errors, line, "external_id", &self.external_id);
        for (field, value) in [("summary", &self.summary), ("description", &self.description)] {
            if value.trim().is_empty() {
                errors.push(LineError::new(line, field, format!("{field} is required")));
            }
        }
        let content = match self.to_draft().validate(keywords) {
            Ok(mut content) => {
                for name in &self.target_cities {
                    match cities.iter().find(|c| fold(&c.name) == fold(name)) {
                        Some(city) if !content.target_cities.contains(&city.id) => content.target_cities.push(city.id),
                        Some(_) => {}
                        None => {
                            let names: Vec<&str> = cities.iter().map(|c| c.name.as_str()).collect();
                            errors.push(LineError::new(
                                line,
                                "target_cities",
                                format!("unknown city \"{name}\"; use the partnership's cities: {}", names.join(", ")),
                            ));
                        }
                    }
                }
                Some(content)
            }
            Err(problems) => {
                errors.extend(line_errors(line, "", &problems));
                None
            }
        };
        let org = &self.organisation;
        check_external_id(&mut errors, line, "organisation.external_id", &org.external_id);
        let name_len = org.name.trim().chars().count();
        if name_len == 0 {
            errors.push(LineError::new(line, "organisation.name", "organisation.name is required"));
        } else if name_len > tandem_core::directory::NAME_MAX {
            errors.push(LineError::new(
                line,
                "organisation.name",
                format!("organisation.name has {name_len} characters; shorten it to at most {}", tandem_core::directory::NAME_MAX),
            ));
        }
        let org_kind = OrgKind::from_key(org.kind.trim());
        if org_kind.is_none() {
            errors.push(LineError::new(line, "organisation.kind", format!("organisation.kind must be one of: {}", OrgKind::keys_list())));
        }
        let city = cities.iter().find(|c| fold(&c.name) == fold(&org.city));
        match city {
            None => {
                let names: Vec<&str> = cities.iter().map(|c| c.name.as_str()).collect();
                errors.push(LineError::new(
                    line,
                    "organisation.city",
                    format!("unknown city \"{}\"; use one of the partnership's cities: {}", org.city, names.join(", ")),
                ));
            }
            Some(city) if !city.country.eq_ignore_ascii_case(org.country.trim()) => {
                errors.push(LineError::new(
                    line,
                    "organisation.country",
                    format!("{} is in {}, not \"{}\"", city.name, city.country, org.country),
                ));
            }
            Some(_) => {}
        }
        match (content, org_kind, city) {
            (Some(content), Some(org_kind), Some(city)) if errors.is_empty() => Ok(CheckedRecord { content, org_kind, city_id: city.id }),
            _ => Err(errors),
        }
    }
}

fn check_external_id(errors: &mut Vec<LineError>, line: usize, field: &str, value: &str) {
    let len = value.trim().chars().count();
    if len == 0 {
        errors.push(LineError::new(line, field, format!("{field} is required: the reference the profile is updated by")));
    } else if len > EXTERNAL_ID_MAX {
        errors.push(LineError::new(line, field, format!("{field} has {len} characters; shorten it to at most {EXTERNAL_ID_MAX}")));
    }
}

pub use crate::export::ExportError;

/// Writes one JSON object per line, in the import format (text unchanged).
pub fn write_jsonl<W: Write>(records: &[ProfileRecord], mut out: W) -> Result<(), ExportError> {
    for record in records {
        serde_json::to_writer(&mut out, record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// The CSV columns, in order: the record's fields, with `rdr.` and `organisation.` flattened.
pub const CSV_COLUMNS: [&str; 32] = [
    "external_id",
    "type",
    "language",
    "title",
    "summary",
    "description",
    "partner_role",
    "advantages",
    "technical_specification",
    "stage_of_development",
    "ipr_status",
    "keywords_market",
    "keywords_technology",
    "nace",
    "sdgs",
    "partnership_types",
    "partner_sought",
    "target_countries",
    "target_cities",
    "rdr.programme",
    "rdr.call_identifier",
    "rdr.eoi_deadline",
    "rdr.call_deadline",
    "rdr.budget",
    "rdr.coordinator_required",
    "rdr.duration_months",
    "support_organisation",
    "organisation.external_id",
    "organisation.name",
    "organisation.city",
    "organisation.country",
    "organisation.kind",
];

/// Writes a header row of [`CSV_COLUMNS`] and one row per profile, for spreadsheets: lists are
/// joined with "; ", text that a spreadsheet would run as a formula is prefixed with `'`.
pub fn write_csv<W: Write>(records: &[ProfileRecord], out: W) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS)?;
    for r in records {
        let text = |s: &str| guard(s);
        let opt = |s: &Option<String>| guard(s.as_deref().unwrap_or_default());
        let list = |v: &[String]| guard(&v.join("; "));
        let call = r.rdr.clone().unwrap_or_default();
        let org = &r.organisation;
        let row: [String; 32] = [
            text(&r.external_id),
            text(&r.profile_type),
            text(&r.language),
            text(&r.title),
            text(&r.summary),
            text(&r.description),
            opt(&r.partner_role),
            opt(&r.advantages),
            opt(&r.technical_specification),
            opt(&r.stage_of_development),
            opt(&r.ipr_status),
            list(&r.keywords_market),
            list(&r.keywords_technology),
            list(&r.nace),
            r.sdgs.iter().map(i64::to_string).collect::<Vec<_>>().join("; "),
            list(&r.partnership_types),
            list(&r.partner_sought),
            list(&r.target_countries),
            list(&r.target_cities),
            opt(&call.programme),
            opt(&call.call_identifier),
            opt(&call.eoi_deadline),
            opt(&call.call_deadline),
            opt(&call.budget),
            if r.rdr.is_some() { call.coordinator_required.to_string() } else { String::new() },
            call.duration_months.map(|m| m.to_string()).unwrap_or_default(),
            opt(&r.support_organisation),
            text(&org.external_id),
            text(&org.name),
            text(&org.city),
            text(&org.country),
            text(&org.kind),
        ];
        writer.write_record(row)?;
    }
    writer.flush()?;
    Ok(())
}

/// Prefixes text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) with `'`, as the
/// organisation export does (CSV injection: profiles are written by other organisations).
fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Keywords;
    impl KeywordCatalogue for Keywords {
        fn is_market_keyword(&self, code: &str) -> bool {
            code.starts_with("56")
        }
        fn is_technology_keyword(&self, code: &str) -> bool {
            code.starts_with("ict.")
        }
    }

    fn cities() -> Vec<City> {
        let city = |n: u8, name: &str, country: &str| City {
            id: format!("0190b5a0-0000-7000-8000-0000000000{n:02}").parse().expect("id"),
            name: name.into(),
            country: country.into(),
            time_zone: String::new(),
            languages: vec![],
        };
        vec![city(1, "Birmingham", "GB"), city(2, "Leipzig", "DE")]
    }

    fn record(n: usize) -> ProfileRecord {
        ProfileRecord {
            external_id: format!("p-{n}"),
            profile_type: "TO".into(),
            language: "en".into(),
            title: format!("VR training platform {n}"),
            summary: "A platform that trains clinicians on new devices.".into(),
            description: "Longer text.\nWith a second paragraph.".into(),
            partner_role: Some("License it.".into()),
            advantages: Some("=cheaper than demonstrators".into()),
            stage_of_development: Some("prototype".into()),
            ipr_status: Some("copyright".into()),
            keywords_market: vec!["561010".into()],
            keywords_technology: vec!["ict.xr".into()],
            nace: vec!["62.01".into()],
            sdgs: vec![3, 4],
            partnership_types: vec!["licensing".into()],
            partner_sought: vec!["large_company".into()],
            target_countries: vec!["DE".into(), "GB".into()],
            target_cities: vec!["Leipzig".into()],
            rdr: n.is_multiple_of(2).then(|| CallRecord {
                programme: Some("Horizon Europe".into()),
                call_identifier: Some("HORIZON-1".into()),
                eoi_deadline: Some("2027-02-15".into()),
                call_deadline: Some("2027-03-20".into()),
                budget: Some("EUR 3 million".into()),
                coordinator_required: true,
                duration_months: Some(36),
            }),
            support_organisation: Some("BioCity Leipzig".into()),
            organisation: OrganisationRecord {
                external_id: "org-1".into(),
                name: "Moseley Medical Simulation Ltd".into(),
                city: "Birmingham".into(),
                country: "GB".into(),
                kind: "sme".into(),
            },
            ..Default::default()
        }
    }

    fn line_of(r: &ProfileRecord) -> String {
        serde_json::to_string(r).expect("serialise")
    }

    fn errors_of(text: &str) -> Vec<(usize, String)> {
        let parsed = parse_jsonl(text);
        let mut found: Vec<(usize, String)> = parsed.errors.iter().map(|e| (e.line, e.field.clone())).collect();
        for r in &parsed.records {
            if let Err(errors) = r.record.check(r.line, &Keywords, &cities()) {
                found.extend(errors.into_iter().map(|e| (e.line, e.field)));
            }
        }
        found.sort();
        found
    }

    #[test]
    fn a_good_record_passes_every_check() {
        let checked = record(1).check(1, &Keywords, &cities()).expect("valid");
        assert_eq!(checked.org_kind, OrgKind::Sme);
        assert_eq!(checked.city_id, cities()[0].id);
        assert_eq!(checked.content.sdgs, [3, 4]);
    }

    #[test]
    fn jsonl_round_trips_and_blank_lines_are_skipped() {
        let records = vec![record(1), record(2)];
        let mut out = Vec::new();
        write_jsonl(&records, &mut out).expect("write");
        let text = format!("\n{}\n\n", String::from_utf8(out).expect("utf-8"));
        let parsed = parse_jsonl(&text);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        assert_eq!(parsed.records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(parsed.records.into_iter().map(|r| r.record).collect::<Vec<_>>(), records);
    }

    #[test]
    fn stored_content_round_trips_through_a_record() {
        let original = record(2);
        let content = original.check(1, &Keywords, &cities()).expect("valid").content;
        let back = ProfileRecord::from_content("p-2", &content, original.organisation.clone(), original.support_organisation.clone(), &cities());
        assert_eq!(back, original);
    }

    #[test]
    fn malformed_lines_name_their_line_and_field() {
        let good = line_of(&record(1));
        let mut unknown: serde_json::Value = serde_json::from_str(&good).expect("json");
        unknown["titel"] = "typo".into();
        let mut bad_type = record(3);
        bad_type.profile_type = "XX".into();
        let mut long_title = record(4);
        long_title.title = "t".repeat(257);
        let mut bad_keyword = record(5);
        bad_keyword.keywords_market = vec!["999999".into()];
        let mut wrong_city = record(6);
        wrong_city.organisation.city = "Paris".into();
        let mut wrong_country = record(7);
        wrong_country.organisation.country = "DE".into();
        let text = [
            good.clone(),
            "{\"external_id\": \"x\", \"type\": ".to_owned(),
            unknown.to_string(),
            line_of(&bad_type),
            line_of(&long_title),
            String::new(),
            line_of(&bad_keyword),
            line_of(&wrong_city),
            line_of(&wrong_country),
            good,
        ]
        .join("\n");
        assert_eq!(
            errors_of(&text),
            [
                (2, String::new()),
                (3, "titel".into()),
                (4, "type".into()),
                (5, "title".into()),
                (7, "keywords_market".into()),
                (8, "organisation.city".into()),
                (9, "organisation.country".into()),
            ]
        );
    }

    #[test]
    fn serde_errors_are_placed_on_the_field() {
        let mut json: serde_json::Value = serde_json::from_str(&line_of(&record(1))).expect("json");
        let mut cases = Vec::new();
        let mut missing = json.clone();
        missing.as_object_mut().expect("object").remove("summary");
        cases.push((missing, "summary"));
        let mut nested_missing = json.clone();
        nested_missing["organisation"].as_object_mut().expect("object").remove("city");
        cases.push((nested_missing, "organisation.city"));
        let mut nested_unknown = json.clone();
        nested_unknown["organisation"]["town"] = "Leipzig".into();
        cases.push((nested_unknown, "organisation.town"));
        let mut wrong_type = json.clone();
        wrong_type["sdgs"] = serde_json::json!([3, "four"]);
        cases.push((wrong_type, "sdgs"));
        let mut wrong_nested_type = json.clone();
        wrong_nested_type["rdr"] = serde_json::json!({"coordinator_required": "yes"});
        cases.push((wrong_nested_type, "rdr.coordinator_required"));
        json["title"] = 5.into();
        cases.push((json, "title"));
        for (value, field) in cases {
            let error = parse_line(4, &value.to_string()).expect_err("invalid");
            assert_eq!((error.line, error.field.as_str()), (4, field), "{}", error.message);
        }
    }

    #[test]
    fn syntax_errors_say_where() {
        let error = parse_line(7, "{\"external_id\": }").expect_err("invalid");
        assert_eq!(error.line, 7);
        assert!(error.message.contains("column"), "{}", error.message);
        assert!(parse_line(1, "[1, 2]").is_err());
    }

    #[test]
    fn every_problem_of_a_line_is_reported() {
        let mut r = record(1);
        r.external_id = "x".repeat(EXTERNAL_ID_MAX + 1);
        r.summary = " ".into();
        r.organisation.kind = "guild".into();
        r.sdgs = vec![18];
        r.rdr = Some(CallRecord { eoi_deadline: Some("soon".into()), ..Default::default() });
        let fields: Vec<String> = r.check(3, &Keywords, &cities()).expect_err("invalid").into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["external_id", "summary", "sdgs", "rdr.eoi_deadline", "organisation.kind"]);
    }

    #[test]
    fn target_cities_are_the_partnership_cities_by_name() {
        let checked = record(1).check(1, &Keywords, &cities()).expect("valid");
        assert_eq!(checked.content.target_cities, [cities()[1].id]);
        let r = ProfileRecord { target_cities: vec!["Manchester".into()], ..record(1) };
        let errors = r.check(4, &Keywords, &cities()).expect_err("unknown city");
        assert_eq!((errors[0].line, errors[0].field.as_str()), (4, "target_cities"));
    }

    #[test]
    fn cities_match_in_any_letter_case() {
        let mut r = record(1);
        r.organisation.city = "LEIPZIG".into();
        r.organisation.country = "de".into();
        assert_eq!(r.check(1, &Keywords, &cities()).expect("valid").city_id, cities()[1].id);
    }

    #[test]
    fn csv_joins_lists_and_guards_formulas() {
        let mut out = Vec::new();
        write_csv(&[record(2)], &mut out).expect("write");
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let headers = reader.headers().expect("headers").clone();
        assert_eq!(headers.iter().collect::<Vec<_>>(), CSV_COLUMNS);
        let row = reader.records().next().expect("row").expect("readable");
        let cell = |name: &str| row.get(CSV_COLUMNS.iter().position(|c| *c == name).expect("column")).expect("cell").to_owned();
        assert_eq!(cell("advantages"), "'=cheaper than demonstrators");
        assert_eq!(cell("target_countries"), "DE; GB");
        assert_eq!(cell("sdgs"), "3; 4");
        assert_eq!(cell("rdr.coordinator_required"), "true");
        assert_eq!(cell("organisation.city"), "Birmingham");
    }
}
