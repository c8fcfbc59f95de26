//! A claim export (issue 6, item 6): the indicator report of a project and period, each counted
//! enterprise or organisation with the support records, outcomes and cooperation links that
//! qualify it, their written outputs, details and evidence files (with SHA-256), and the near
//! misses with what they lack — in the words an auditor reads (English).

use super::indicators::{self, IndicatorReport};
use crate::{App, AppError, AppResult};
use chrono::NaiveDate;
use tandem_core::ProjectId;
use tandem_core::evidence::outcome::{Choice, MatchedSupport, Novelty, Outcome, OutcomeDetail, StartEvidence};
use tandem_core::evidence::units::format_hundredths;
use tandem_core::policy::{Actor, PlatformAdmin};
use tandem_io::claim::{Claim, ClaimIndicator, EvidenceRow};
use tandem_rules::indicators::{CountedEntry, IndicatorCode, IndicatorResult, LinkKind, Shortfall, Unit};

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
        Shortfall::AgreementsNotConfirmed { agreements } => format!("{agreements} agreement(s) awaiting the partner's confirmation"),
    }
}

fn files_text<'a>(files: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    files.map(|(name, sha256)| format!("{name} ({sha256})")).collect::<Vec<_>>().join("; ")
}

/// What an outcome records, in English, with its note.
fn outcome_detail(report: &IndicatorReport, o: &Outcome) -> String {
    let currency = report.project.input.currency.key();
    let text = match o.input.detail {
        OutcomeDetail::BusinessStart { evidence: StartEvidence::Registration } => {
            "start evidenced by a registration (Companies House, HMRC or national register)".to_owned()
        }
        OutcomeDetail::BusinessStart { evidence: StartEvidence::OtherTradingRecord } => {
            "start evidenced by another trading record".to_owned()
        }
        OutcomeDetail::EmploymentBaseline { fte_hundredths } => format!("baseline of {} FTE", format_hundredths(fte_hundredths)),
        OutcomeDetail::EmploymentFigure { fte_hundredths, confirmed_in_writing } => format!(
            "{} FTE, {}",
            format_hundredths(fte_hundredths),
            if confirmed_in_writing { "confirmed in writing" } else { "not confirmed in writing" }
        ),
        OutcomeDetail::Innovation { novelty, innovation_kind } => {
            format!("{} new to the {}", innovation_kind.key(), if novelty == Novelty::NewToMarket { "market" } else { "firm" })
        }
        OutcomeDetail::ResearchCooperation { research_entity_id } => {
            let id = research_entity_id.to_string();
            format!("with {}", report.names.get(&id).cloned().unwrap_or(id))
        }
        OutcomeDetail::PrivateInvestment { amount_minor, matches } => format!(
            "{} {currency} matching {}",
            format_hundredths(amount_minor),
            if matches == MatchedSupport::Grant { "a grant" } else { "a financial instrument" }
        ),
    };
    match &o.input.note {
        Some(note) => format!("{text}; note: {note}"),
        None => text,
    }
}

/// The evidence row of one qualifying id: a support record, an outcome or a cooperation link.
fn evidence_row(report: &IndicatorReport, entry: &CountedEntry, unit: Unit, id: &str) -> EvidenceRow {
    let name_of = |id: &str| report.names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let mut row = EvidenceRow {
        subject: name_of(&entry.subject_id),
        subject_id: entry.subject_id.clone(),
        value: value_text(unit, entry.value),
        counted_on: entry.counted_on,
        record_id: id.to_owned(),
        kind: String::new(),
        date: None,
        hours: String::new(),
        activity: String::new(),
        support_org: String::new(),
        adviser: String::new(),
        written_output: String::new(),
        detail: String::new(),
        evidence: String::new(),
    };
    if let Some((r, files)) = report.records.get(id) {
        row.kind = "support_record".into();
        row.date = Some(r.input.delivered_on);
        row.hours = format_hundredths(r.input.hours);
        row.activity = r.input.activity.key().to_owned();
        row.support_org = name_of(&r.input.support_org_id.to_string());
        row.adviser = r.input.adviser_name.clone();
        row.written_output = r.input.written_output.clone().unwrap_or_default();
        row.evidence = files_text(files.iter().map(|f| (f.file_name.as_str(), f.sha256.as_str())));
    } else if let Some((o, files)) = report.outcomes.get(id) {
        row.kind = o.input.detail.kind().key().to_owned();
        row.date = Some(o.input.date);
        row.detail = outcome_detail(report, o);
        row.evidence = files_text(files.iter().map(|f| (f.file_name.as_str(), f.sha256.as_str())));
    } else if let Some(link) = report.links.get(id) {
        let (kind, what) = match link.kind {
            LinkKind::PartnershipAgreement => ("partnership_agreement", format!("agreement ({})", link.detail)),
            LinkKind::HeldB2bMeeting => ("held_b2b_meeting", format!("B2B meeting held at {}", link.detail)),
            LinkKind::UnconfirmedAgreement => ("unconfirmed_agreement", format!("agreement ({}) awaiting the partner's confirmation", link.detail)),
        };
        row.kind = kind.into();
        row.date = Some(link.date);
        row.detail = format!("{} ({}) – {} ({}): {what}", link.a.name, link.a.country, link.b.name, link.b.country);
        row.evidence = files_text(link.evidence.iter().map(|(name, sha256)| (name.as_str(), sha256.as_str())));
    }
    row
}

fn indicator_of(report: &IndicatorReport, result: &IndicatorResult) -> ClaimIndicator {
    let meta = result.code.meta();
    let name_of = |id: &str| report.names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    // C5 and RCO05 count on the enterprise's business start, which the rulebooks read from the
    // enterprise rather than as a qualifying record: its outcome is listed with the records.
    let counts_on_start = matches!(result.code, IndicatorCode::C5 | IndicatorCode::Rco05);
    let mut rows = Vec::new();
    for entry in &result.entries {
        let start = report.starts.get(&entry.subject_id).filter(|_| counts_on_start);
        for id in entry.qualifying_ids.iter().chain(start) {
            rows.push(evidence_row(report, entry, meta.unit, id));
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
