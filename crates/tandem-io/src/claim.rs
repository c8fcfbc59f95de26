//! A funder claim (issue 6, item 6): the indicators of one project and period, each number with
//! the evidence rows behind it, as CSV (one row per evidence row) or XLSX (a summary sheet, one
//! sheet per indicator with its evidence rows, and the near misses), so that an auditor can
//! follow every figure to the records, their written outputs and their evidence files.
//!
//! An evidence row is a support record (hours, activity, support organisation, adviser, written
//! output), an enterprise's outcome (business start, employment, innovation, research
//! cooperation, private investment) or a cross-border cooperation link (agreement, held
//! meeting); its kind says which, and its detail describes outcomes and links.

use chrono::NaiveDate;
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// A whole claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Project name.
    pub project: String,
    /// Funder key (e.g. `erdf_england_2014_20`).
    pub funder: String,
    /// Rulebook and version (e.g. `esif_gn_1_002 v6`).
    pub rulebook: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// One per indicator, in the rulebook's order.
    pub indicators: Vec<ClaimIndicator>,
}

/// One indicator's figures and evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimIndicator {
    /// Code ("C1", "RCO01").
    pub code: String,
    /// Name.
    pub name: String,
    /// Unit ("enterprises", "FTE", "GBP" …).
    pub unit: String,
    /// Target, if set.
    pub target: Option<i64>,
    /// Achieved in the period (as the unit counts: whole enterprises, hundredths, minor units
    /// are already formatted in `achieved_text`).
    pub achieved: i64,
    /// The achieved figure as text in the unit ("3", "12.5").
    pub achieved_text: String,
    /// Evidence rows: one per qualifying record of each counted subject.
    pub rows: Vec<EvidenceRow>,
    /// Subjects with activity that do not (yet) count, with what they lack.
    pub near_misses: Vec<(String, String)>,
}

/// One counted subject with one record, outcome or cooperation link that qualifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRow {
    /// Enterprise or organisation name.
    pub subject: String,
    /// Its id.
    pub subject_id: String,
    /// Its value for the indicator ("1", an FTE or an amount).
    pub value: String,
    /// The day it first met every condition.
    pub counted_on: NaiveDate,
    /// The qualifying record's id.
    pub record_id: String,
    /// What it is: `support_record`, an outcome kind (`employment_figure`, …) or a link kind
    /// (`partnership_agreement`, `held_b2b_meeting`).
    pub kind: String,
    /// Its date.
    pub date: Option<NaiveDate>,
    /// Hours ("3.5").
    pub hours: String,
    /// Activity key.
    pub activity: String,
    /// The organisation that gave the support.
    pub support_org: String,
    /// Adviser.
    pub adviser: String,
    /// The specific written output.
    pub written_output: String,
    /// What an outcome or link records ("6.5 FTE, confirmed in writing"); empty for support.
    pub detail: String,
    /// Evidence files: "name (sha256)" separated by "; ".
    pub evidence: String,
}

const CSV_HEADER: [&str; 18] = [
    "indicator",
    "indicator_name",
    "unit",
    "target",
    "achieved",
    "subject",
    "subject_id",
    "value",
    "counted_on",
    "record_id",
    "record_kind",
    "record_date",
    "hours",
    "activity",
    "support_organisation",
    "adviser",
    "written_output",
    "detail",
];

/// The claim as CSV: a header, then one line per evidence row (an indicator without any has one
/// line with its totals and empty evidence columns), evidence files in the last column.
pub fn claim_csv(claim: &Claim) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = CSV_HEADER.to_vec();
    header.push("evidence_files");
    w.write_record(&header)?;
    for i in &claim.indicators {
        let target = i.target.map(|t| t.to_string()).unwrap_or_default();
        let head = [i.code.as_str(), i.name.as_str(), i.unit.as_str(), target.as_str(), i.achieved_text.as_str()];
        if i.rows.is_empty() {
            let mut line: Vec<&str> = head.to_vec();
            line.extend([""; 14]);
            w.write_record(&line)?;
        }
        for r in &i.rows {
            let (counted, date) = (r.counted_on.to_string(), r.date.map(|d| d.to_string()).unwrap_or_default());
            let mut line: Vec<&str> = head.to_vec();
            line.extend([
                r.subject.as_str(),
                r.subject_id.as_str(),
                r.value.as_str(),
                counted.as_str(),
                r.record_id.as_str(),
                r.kind.as_str(),
                date.as_str(),
                r.hours.as_str(),
                r.activity.as_str(),
                r.support_org.as_str(),
                r.adviser.as_str(),
                r.written_output.as_str(),
                r.detail.as_str(),
                r.evidence.as_str(),
            ]);
            w.write_record(&line)?;
        }
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Excel sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(code: &str) -> String {
    code.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect()
}

/// The claim as XLSX: sheet "Summary" (project, period, then indicator, name, unit, target,
/// achieved, near misses), one sheet per indicator named by its code with its evidence rows, and
/// sheet "Near misses".
pub fn claim_xlsx(claim: &Claim) -> Result<Vec<u8>, XlsxError> {
    let header = Format::new().set_bold().set_background_color(Color::RGB(0xDDE5EE)).set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut workbook = Workbook::new();

    let summary = workbook.add_worksheet();
    summary.set_name("Summary")?;
    let facts = [
        ("Project", claim.project.clone()),
        ("Funder", claim.funder.clone()),
        ("Rulebook", claim.rulebook.clone()),
        ("Period", format!("{} – {}", claim.from, claim.to)),
    ];
    for (row, (label, value)) in facts.iter().enumerate() {
        summary.write_string_with_format(row as u32, 0, *label, &header)?;
        summary.write_string(row as u32, 1, value)?;
    }
    let top = facts.len() as u32 + 1;
    for (col, title) in ["Indicator", "Name", "Unit", "Target", "Achieved", "Evidence rows", "Near misses"].iter().enumerate() {
        summary.write_string_with_format(top, col as u16, *title, &header)?;
    }
    for (n, i) in claim.indicators.iter().enumerate() {
        let row = top + 1 + n as u32;
        summary.write_string(row, 0, &i.code)?;
        summary.write_string_with_format(row, 1, &i.name, &wrap)?;
        summary.write_string(row, 2, &i.unit)?;
        if let Some(t) = i.target {
            summary.write_number(row, 3, t as f64)?;
        }
        summary.write_string(row, 4, &i.achieved_text)?;
        summary.write_number(row, 5, i.rows.len() as f64)?;
        summary.write_number(row, 6, i.near_misses.len() as f64)?;
    }
    summary.set_column_width(1, 60)?;
    summary.set_column_width(0, 14)?;

    for i in &claim.indicators {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&i.code))?;
        evidence_sheet(sheet, i, &header, &wrap)?;
    }

    let misses = workbook.add_worksheet();
    misses.set_name("Near misses")?;
    for (col, title) in ["Indicator", "Subject", "Missing"].iter().enumerate() {
        misses.write_string_with_format(0, col as u16, *title, &header)?;
    }
    let mut row = 1;
    for i in &claim.indicators {
        for (subject, missing) in &i.near_misses {
            misses.write_string(row, 0, &i.code)?;
            misses.write_string(row, 1, subject)?;
            misses.write_string_with_format(row, 2, missing, &wrap)?;
            row += 1;
        }
    }
    misses.set_column_width(1, 35)?;
    misses.set_column_width(2, 70)?;
    workbook.save_to_buffer()
}

fn evidence_sheet(sheet: &mut Worksheet, i: &ClaimIndicator, header: &Format, wrap: &Format) -> Result<(), XlsxError> {
    let titles = [
        "Subject",
        "Subject id",
        "Value",
        "Counted on",
        "Record",
        "Kind",
        "Date",
        "Hours",
        "Activity",
        "Support organisation",
        "Adviser",
        "Written output",
        "Detail",
        "Evidence files",
    ];
    for (col, title) in titles.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, header)?;
    }
    for (n, r) in i.rows.iter().enumerate() {
        let row = n as u32 + 1;
        let date = r.date.map(|d| d.to_string()).unwrap_or_default();
        let cells = [
            &r.subject,
            &r.subject_id,
            &r.value,
            &r.counted_on.to_string(),
            &r.record_id,
            &r.kind,
            &date,
            &r.hours,
            &r.activity,
            &r.support_org,
            &r.adviser,
            &r.written_output,
            &r.detail,
            &r.evidence,
        ];
        for (col, value) in cells.iter().enumerate() {
            sheet.write_string_with_format(row, col as u16, value.as_str(), wrap)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_column_width(0, 30)?;
    sheet.set_column_width(11, 50)?;
    sheet.set_column_width(12, 40)?;
    sheet.set_column_width(13, 50)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim() -> Claim {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        Claim {
            project: "Innovation Engine".into(),
            funder: "erdf_england_2014_20".into(),
            rulebook: "esif_gn_1_002 v6".into(),
            from: d("2024-01-01"),
            to: d("2024-12-31"),
            indicators: vec![
                ClaimIndicator {
                    code: "C1".into(),
                    name: "Number of enterprises receiving support".into(),
                    unit: "enterprises".into(),
                    target: Some(120),
                    achieved: 1,
                    achieved_text: "1".into(),
                    rows: vec![EvidenceRow {
                        subject: "Digbeth Widgets, Ltd".into(),
                        subject_id: "e1".into(),
                        value: "1".into(),
                        counted_on: d("2024-05-14"),
                        record_id: "r1".into(),
                        kind: "support_record".into(),
                        date: Some(d("2024-05-14")),
                        hours: "12".into(),
                        activity: "one_to_one_advice".into(),
                        support_org: "Innovation Birmingham".into(),
                        adviser: "Jordan Hayes".into(),
                        written_output: "Action plan".into(),
                        detail: String::new(),
                        evidence: "plan.pdf (abc)".into(),
                    }],
                    near_misses: vec![("Moseley Media".into(), "no SME declaration".into())],
                },
                ClaimIndicator {
                    code: "C2".into(),
                    name: "Grants".into(),
                    unit: "enterprises".into(),
                    target: None,
                    achieved: 0,
                    achieved_text: "0".into(),
                    rows: vec![],
                    near_misses: vec![],
                },
            ],
        }
    }

    #[test]
    fn the_csv_has_a_line_per_evidence_row_and_one_for_an_empty_indicator() {
        let text = String::from_utf8(claim_csv(&claim()).expect("csv")).expect("utf-8");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("parse");
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][5], "Digbeth Widgets, Ltd", "quoted commas survive");
        assert_eq!((&rows[0][0], &rows[0][3], &rows[0][18]), ("C1", "120", "plan.pdf (abc)"));
        assert_eq!((&rows[0][10], &rows[0][17]), ("support_record", ""), "kind and detail columns");
        assert_eq!((&rows[1][0], &rows[1][4], &rows[1][5]), ("C2", "0", ""));
    }

    #[test]
    fn the_workbook_has_a_summary_a_sheet_per_indicator_and_the_near_misses() {
        let bytes = claim_xlsx(&claim()).expect("xlsx");
        assert!(bytes.starts_with(b"PK"), "a zip container");
        assert!(bytes.len() > 4_000);
    }
}
