//! Writing organisations as CSV (for spreadsheets, re-importable by `org_import`) and JSON (for
//! programs). Both use the importer's canonical field names, with the organisation `id` first.
//!
//! Callers decide what to export: `policy` must already have removed organisations, or figures,
//! that the requesting user may not see; this module writes what it is given.

use crate::org_import::FIELDS;
use serde::Serialize;
use serde::ser::Serializer;
use std::io::Write;
use tandem_core::directory::Organisation;

/// One organisation to export, with its city's name (the file carries names, not city ids).
#[derive(Debug, Clone, Copy)]
pub struct ExportRecord<'a> {
    /// The organisation.
    pub org: &'a Organisation,
    /// The name of its city.
    pub city: &'a str,
}

pub use crate::export::ExportError;

/// The CSV and JSON column names, in order: `id`, then the importer's [`FIELDS`].
pub fn columns() -> Vec<&'static str> {
    std::iter::once("id").chain(FIELDS).collect()
}

/// Writes a header row of [`columns`] and one row per record; NACE codes are joined with `;`.
pub fn write_csv<W: Write>(records: &[ExportRecord<'_>], out: W) -> Result<(), ExportError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(columns())?;
    for record in records {
        let org = record.org;
        let figures = &org.figures;
        let ids = &org.external_ids;
        let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        let text = |s: Option<&str>| guard(s.unwrap_or_default());
        let nace: Vec<&str> = org.nace_codes.iter().map(|c| c.as_str()).collect();
        writer.write_record([
            org.id.to_string(),
            guard(&org.name),
            org.kind.key().to_owned(),
            guard(record.city),
            nace.join(";"),
            text(org.description_en.as_deref()),
            text(org.description_de.as_deref()),
            text(org.website.as_deref()),
            number(figures.staff_headcount),
            number(figures.turnover),
            number(figures.balance_sheet),
            figures.currency.map(|c| c.key().to_owned()).unwrap_or_default(),
            figures.year.map(|y| y.to_string()).unwrap_or_default(),
            text(ids.pic.as_deref()),
            text(ids.companies_house.as_deref()),
            text(ids.handelsregister.as_deref()),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

/// Prefixes text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) with `'`.
///
/// Names and descriptions are typed by other organisations; opening an export in Excel must not
/// execute them (CSV injection). `org_import` strips the prefix again, so exports round-trip.
fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() }
}

/// Writes a JSON array with one object per record: the same fields as the CSV, NACE codes as an
/// array, figures as numbers, absent values as `null`, text unchanged (no formula guard).
pub fn write_json<W: Write>(records: &[ExportRecord<'_>], mut out: W) -> Result<(), ExportError> {
    serde_json::to_writer(&mut out, &AllRecords(records))?;
    out.flush()?;
    Ok(())
}

/// Serialises records one by one instead of collecting them into an intermediate vector.
struct AllRecords<'a, 'b>(&'b [ExportRecord<'a>]);

impl Serialize for AllRecords<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(JsonRecord::from))
    }
}

/// The JSON shape of one record; field order follows [`columns`].
#[derive(Serialize)]
struct JsonRecord<'a> {
    id: String,
    name: &'a str,
    kind: &'static str,
    city: &'a str,
    nace_codes: Vec<&'a str>,
    description_en: Option<&'a str>,
    description_de: Option<&'a str>,
    website: Option<&'a str>,
    staff_headcount: Option<i64>,
    turnover: Option<i64>,
    balance_sheet: Option<i64>,
    currency: Option<&'static str>,
    figures_year: Option<i32>,
    pic: Option<&'a str>,
    companies_house: Option<&'a str>,
    handelsregister: Option<&'a str>,
}

impl<'a> From<&ExportRecord<'a>> for JsonRecord<'a> {
    fn from(record: &ExportRecord<'a>) -> Self {
        let org = record.org;
        Self {
            id: org.id.to_string(),
            name: &org.name,
            kind: org.kind.key(),
            city: record.city,
            nace_codes: org.nace_codes.iter().map(|c| c.as_str()).collect(),
            description_en: org.description_en.as_deref(),
            description_de: org.description_de.as_deref(),
            website: org.website.as_deref(),
            staff_headcount: org.figures.staff_headcount,
            turnover: org.figures.turnover,
            balance_sheet: org.figures.balance_sheet,
            currency: org.figures.currency.map(|c| c.key()),
            figures_year: org.figures.year,
            pic: org.external_ids.pic.as_deref(),
            companies_house: org.external_ids.companies_house.as_deref(),
            handelsregister: org.external_ids.handelsregister.as_deref(),
        }
    }
}
