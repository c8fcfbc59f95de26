//! EU 2021–27 common indicators for enterprise support, Regulation (EU) 2021/1058, Annex I,
//! Table 1 (names and units as listed there):
//!
//! - RCO01 Enterprises supported (of which: micro, small, medium, large): counted under RCO02,
//!   RCO03 or RCO04, split by the declared size;
//! - RCO02 Enterprises supported by grants; RCO03 Enterprises supported by financial
//!   instruments (Tandem's loans); RCO04 Enterprises with non-financial support (the
//!   project's minimum of hours, none by default: the Regulation sets none);
//! - RCO05 New enterprises supported: counted under RCO01 and started fewer than the project's
//!   setting of months (36 by default, unverified) before support;
//! - RCR01 Jobs created in supported entities (annual FTEs): rise over the baseline;
//! - RCR02 Private investments matching public support (of which: grants, financial
//!   instruments), in money;
//! - RCR03 Small and medium-sized enterprises (SMEs) introducing product or process
//!   innovation.
//!
//! As in the ERDF rulebook, an enterprise counts once per count indicator, from the day it
//! meets every condition, and must be in the eligible area and outside excluded sectors.

use super::catalogue::IndicatorCode;
use super::claims::innovation_test;
use super::employment::{EmploymentRule, record_employment};
use super::facts::{MatchedSupport, PrivateInvestment, ProjectFacts, ReportingPeriod};
use super::ledger::{
    Outcomes, Qualification, count, eligibility, histories, ids_in_period, on_top_of, record_count,
    record_new_enterprise, record_support, supported,
};
use super::near_miss::{CountedEntry, IndicatorResult, NearMiss, Part, PartValue, Shortfall};
use super::settings::ProjectSettings;
use super::validate::{FactsError, validate};

/// The EU enterprise indicators, in catalogue order.
pub const EU_CODES: [IndicatorCode; 8] = [
    IndicatorCode::Rco01,
    IndicatorCode::Rco02,
    IndicatorCode::Rco03,
    IndicatorCode::Rco04,
    IndicatorCode::Rco05,
    IndicatorCode::Rcr01,
    IndicatorCode::Rcr02,
    IndicatorCode::Rcr03,
];

/// Counts the EU 2021–27 enterprise indicators for one project and reporting period.
/// Returns one result per code of [`EU_CODES`], in that order. Potential entrepreneurs are
/// not enterprises and are left out.
pub fn evaluate(
    facts: &ProjectFacts,
    settings: &ProjectSettings,
    period: ReportingPeriod,
) -> Result<Vec<IndicatorResult>, FactsError> {
    validate(facts, period)?;
    let mut rco01 = IndicatorResult::new(IndicatorCode::Rco01);
    let mut rco02 = IndicatorResult::new(IndicatorCode::Rco02);
    let mut rco03 = IndicatorResult::new(IndicatorCode::Rco03);
    let mut rco04 = IndicatorResult::new(IndicatorCode::Rco04);
    let mut rco05 = IndicatorResult::new(IndicatorCode::Rco05);
    let mut rcr01 = IndicatorResult::new(IndicatorCode::Rcr01);
    let mut rcr02 = IndicatorResult::new(IndicatorCode::Rcr02);
    let mut rcr03 = IndicatorResult::new(IndicatorCode::Rcr03);

    let outcomes = Outcomes::of(facts, period);
    let employment_rule = EmploymentRule {
        base_code: IndicatorCode::Rco01,
        require_written_confirmation: settings.require_written_employment_confirmation,
    };

    for h in histories(facts, period) {
        if h.enterprise.potential_entrepreneur {
            continue;
        }
        let id = h.enterprise.id.as_str();
        let elig = eligibility(
            h.enterprise,
            settings,
            period,
            settings.require_sme_declaration,
            settings.smes_only,
        );
        let s = supported(&h, &elig, settings);
        let by_size: Vec<PartValue> = elig
            .size
            .map(|size| PartValue {
                part: Part::from(size),
                value: 1,
            })
            .into_iter()
            .collect();
        record_support(
            [&mut rco01, &mut rco02, &mut rco03, &mut rco04],
            period,
            &h,
            &s,
            by_size,
        );
        record_new_enterprise(
            &mut rco05,
            period,
            &h,
            &s,
            IndicatorCode::Rco01,
            settings.eu_new_enterprise_months,
            false,
        );

        record_employment(
            &mut rcr01,
            period,
            id,
            &employment_rule,
            &outcomes.employment_of(id, &s),
        );

        if let Some(items) = outcomes.investments.get(id) {
            record_private_investment(&mut rcr02, period, id, &s.grants, &s.loans, items);
        }

        if let Some(claims) = outcomes.innovations.get(id) {
            // RCR03 counts SMEs only, whatever the project counts elsewhere.
            let not_sme = match elig.size {
                Some(size) if size.is_sme() => None,
                Some(size) => Some(Shortfall::NotAnSme { size }),
                None => Some(Shortfall::NoSmeDeclaration),
            };
            let own = match (not_sme, innovation_test(claims, s.first_support_on)) {
                (None, own) => own,
                (Some(missing), own) => Err(std::iter::once(missing)
                    .chain(own.err().unwrap_or_default())
                    .collect()),
            };
            let outcome = on_top_of(&s.any, IndicatorCode::Rco01, own);
            let candidates = ids_in_period(claims, period, |c| c.introduced_on, |c| &c.id);
            record_count(&mut rcr03, period, id, &outcome, Vec::new(), candidates);
        }
    }
    Ok(vec![rco01, rco02, rco03, rco04, rco05, rcr01, rcr02, rcr03])
}

/// RCR02: the evidenced private investment dated in the period, by an enterprise counted
/// under the indicator of the support it matches (RCO02 for grants, RCO03 for financial
/// instruments). A value indicator: an enterprise may be counted for the investments that
/// qualify and be a near miss for those that do not.
fn record_private_investment(
    result: &mut IndicatorResult,
    period: ReportingPeriod,
    subject_id: &str,
    grants: &Qualification,
    loans: &Qualification,
    items: &[&PrivateInvestment],
) {
    let mut grant_total = 0i64;
    let mut instrument_total = 0i64;
    let mut counted_ids = Vec::new();
    let mut counted_on = None;
    let mut uncounted_ids = Vec::new();
    let mut unevidenced = 0usize;
    let mut unmatched: Vec<IndicatorCode> = Vec::new();
    for p in items.iter().filter(|p| period.contains(p.date)) {
        let (base, code) = match p.matches {
            MatchedSupport::Grant => (grants, IndicatorCode::Rco02),
            MatchedSupport::FinancialInstrument => (loans, IndicatorCode::Rco03),
        };
        if base.is_err() && !unmatched.contains(&code) {
            unmatched.push(code);
        }
        if p.evidence_file_count == 0 {
            unevidenced += 1;
        }
        if base.is_err() || p.evidence_file_count == 0 {
            uncounted_ids.push(p.id.clone());
            continue;
        }
        match p.matches {
            MatchedSupport::Grant => grant_total += p.amount_minor,
            MatchedSupport::FinancialInstrument => instrument_total += p.amount_minor,
        }
        counted_ids.push(p.id.clone());
        counted_on = Some(p.date);
    }
    if let Some(on) = counted_on {
        let parts = [
            (Part::Grants, grant_total),
            (Part::FinancialInstruments, instrument_total),
        ]
        .into_iter()
        .filter(|(_, value)| *value > 0)
        .map(|(part, value)| PartValue { part, value })
        .collect();
        result.entries.push(CountedEntry {
            subject_id: subject_id.to_owned(),
            value: grant_total + instrument_total,
            counted_on: on,
            parts,
            qualifying_ids: counted_ids,
        });
    }
    if !uncounted_ids.is_empty() {
        let mut missing: Vec<Shortfall> = unmatched
            .into_iter()
            .map(|code| Shortfall::NotCountedUnder { code })
            .collect();
        if unevidenced > 0 {
            missing.push(Shortfall::NoEvidence {
                records: count(unevidenced),
            });
        }
        result.near_misses.push(NearMiss {
            subject_id: subject_id.to_owned(),
            missing,
            fact_ids: uncounted_ids,
        });
    }
}
