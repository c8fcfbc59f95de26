//! A claim export (issue 6, item 6): the indicator report of a project and period, each counted
//! enterprise with the records that qualify it, their written outputs and evidence files (with
//! SHA-256), and the near misses with what they lack — in the words an auditor reads (English).

use super::indicators::{self, IndicatorReport};
use crate::{App, AppError, AppResult};
use chrono::NaiveDate;
use tandem_core::ProjectId;
use tandem_core::evidence::units::format_hundredths;
use tandem_core::policy::{Actor, PlatformAdmin};
use tandem_io::claim::{Claim, ClaimIndicator, EvidenceRow};
use tandem_rules::indicators::{IndicatorResult, Shortfall, Unit};

/// A claim as XLSX or CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimFormat {
    /// Comma-separated values, one line per evidence row.
    Csv,
    /// A workbook with a summary, a sheet per indicator and the near misses.
    Xlsx,
}

/// The claim for the actor (who must see the project).
pub async fn export(
    app: &App,
    actor: &Actor,
    project: ProjectId,
    from: NaiveDate,
    to: NaiveDate,
    format: ClaimFormat,
) -> AppResult<Vec<u8>> {
    let report = indicators::compute(app, actor, project, from, to).await?;
    write(&claim_of(&report), format)
}

/// The claim for an operator tool (`tandem report indicators`).
pub async fn export_operator(
    app: &App,
    admin: PlatformAdmin,
    project: ProjectId,
    from: NaiveDate,
    to: NaiveDate,
    format: ClaimFormat,
) -> AppResult<Vec<u8>> {
    let report = indicators::compute_operator(app, admin, project, from, to).await?;
    write(&claim_of(&report), format)
}

fn write(claim: &Claim, format: ClaimFormat) -> AppResult<Vec<u8>> {
    match format {
        ClaimFormat::Csv => tandem_io::claim::claim_csv(claim).map_err(|e| AppError::Internal(format!("claim CSV: {e}"))),
        ClaimFormat::Xlsx => tandem_io::claim::claim_xlsx(claim).map_err(|e| AppError::Internal(format!("claim XLSX: {e}"))),
    }
}

/// A value in its indicator's unit, as text.
fn value_text(unit: Unit, value: i64) -> String {
    match unit {
        Unit::Enterprises | Unit::Organisations => value.to_string(),
        Unit::FteHundredths | Unit::MoneyMinor => format_hundredths(value),
    }
}

fn unit_text(unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Enterprises => "enterprises".into(),
        Unit::Organisations => "organisations".into(),
        Unit::FteHundredths => "FTE".into(),
        Unit::MoneyMinor => currency.to_owned(),
    }
}

/// What a near miss lacks, in English.
pub fn shortfall_text(s: &Shortfall) -> String {
    let h = |v: u32| format_hundredths(i64::from(v));
    match s {
        Shortfall::HoursShort { have_hundredths, need_hundredths } => format!("{} of {} hours", h(*have_hundredths), h(*need_hundredths)),
        Shortfall::NoSmeDeclaration => "no SME declaration".into(),
        Shortfall::NotAnSme { size } => format!("declared {size:?}, not an SME").to_lowercase(),
        Shortfall::NoWrittenOutput { records, hours_hundredths } => {
            format!("{records} record(s), {} hours, without a specific written output", h(*hours_hundredths))
        }
        Shortfall::OutsideEligibleArea => "outside the eligible area".into(),
        Shortfall::ExcludedSector { nace } => format!("excluded sector (NACE {nace})"),
        Shortfall::NoEvidence { records } => format!("{records} record(s) without an evidence file"),
        Shortfall::NotNewEnterprise { months, limit_months } => format!("started {months} months before support (limit {limit_months})"),
        Shortfall::NoStartDate => "business start date unknown".into(),
        Shortfall::StartNotEvidencedByRegistration => "start not evidenced by a registration".into(),
        Shortfall::NotCountedUnder { code } => format!("not counted under {}", code.key()),
        Shortfall::NoEmploymentBaseline => "no employment baseline".into(),
        Shortfall::BaselineAfterSupport { baseline_on, first_support_on } => {
            format!("baseline set on {baseline_on}, after support began on {first_support_on}")
        }
        Shortfall::FigureBeforeBaseline { as_of, baseline_on } => {
            format!("employment figure of {as_of} precedes the baseline of {baseline_on}")
        }
        Shortfall::NotConfirmedInWriting { figures } => format!("{figures} employment figure(s) not confirmed in writing"),
        Shortfall::NoEmploymentIncrease { baseline_hundredths, latest_hundredths } => {
            format!("no increase: {} FTE against a baseline of {}", h(*latest_hundredths), h(*baseline_hundredths))
        }
        Shortfall::InnovationBeforeSupport { introduced_on, first_support_on } => {
            format!("introduced on {introduced_on}, before support began on {first_support_on}")
        }
        Shortfall::SameCountry { country } => format!("both organisations in {country}"),
        Shortfall::MeetingsNotCounted { meetings } => format!("{meetings} B2B meeting(s), which this project does not count"),
    }
}

fn indicator_of(report: &IndicatorReport, result: &IndicatorResult) -> ClaimIndicator {
    let meta = result.code.meta();
    let name_of = |id: &str| report.names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let mut rows = Vec::new();
    for entry in &result.entries {
        for id in &entry.qualifying_ids {
            let record = report.records.get(id);
            let r = record.map(|(r, _)| r);
            rows.push(EvidenceRow {
                subject: name_of(&entry.subject_id),
                subject_id: entry.subject_id.clone(),
                value: value_text(meta.unit, entry.value),
                counted_on: entry.counted_on,
                record_id: id.clone(),
                date: r.map(|r| r.input.delivered_on),
                hours: r.map(|r| format_hundredths(r.input.hours)).unwrap_or_default(),
                activity: r.map(|r| r.input.activity.key().to_owned()).unwrap_or_default(),
                support_org: r
                    .map(|r| {
                        report.names.get(&r.input.support_org_id.to_string()).cloned().unwrap_or_else(|| r.input.support_org_id.to_string())
                    })
                    .unwrap_or_default(),
                adviser: r.map(|r| r.input.adviser_name.clone()).unwrap_or_default(),
                written_output: r.and_then(|r| r.input.written_output.clone()).unwrap_or_default(),
                evidence: record
                    .map(|(_, files)| files.iter().map(|f| format!("{} ({})", f.file_name, f.sha256)).collect::<Vec<_>>().join("; "))
                    .unwrap_or_default(),
            });
        }
    }
    let near_misses = result
        .near_misses
        .iter()
        .map(|m| (name_of(&m.subject_id), m.missing.iter().map(shortfall_text).collect::<Vec<_>>().join("; ")))
        .collect();
    ClaimIndicator {
        code: meta.key.to_owned(),
        name: meta.name.to_owned(),
        unit: unit_text(meta.unit, report.project.input.currency.key()),
        target: report.target(meta.key),
        achieved: result.total(),
        achieved_text: value_text(meta.unit, result.total()),
        rows,
        near_misses,
    }
}

/// The claim's contents.
pub fn claim_of(report: &IndicatorReport) -> Claim {
    let p = &report.project.input;
    Claim {
        project: p.name.clone(),
        funder: p.funder.key().to_owned(),
        rulebook: format!("{} {}", p.rulebook, p.rulebook_version),
        from: report.period.from,
        to: report.period.to,
        indicators: report.results.iter().map(|r| indicator_of(report, r)).collect(),
    }
}
