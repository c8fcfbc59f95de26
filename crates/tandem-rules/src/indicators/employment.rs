//! Employment increase over a baseline set before support: ERDF England C8 and EU RCR01.
//!
//! C8 (ESIF-GN-1-002, C8; v5 version table): new posts count only as an overall increase in
//! employment from the baseline set prior to support, confirmed in writing by the enterprise.
//! RCR01 (Reg. (EU) 2021/1058, Annex I): jobs created in supported entities, in annual FTEs.
//!
//! The value for a period is the rise the period adds: the increase shown by the latest
//! figure in the period, less the highest increase already shown by an earlier figure, so
//! jobs are never reported twice and a dip followed by a recovery is not reported again.

use chrono::NaiveDate;

use super::catalogue::IndicatorCode;
use super::facts::{EmploymentBaseline, EmploymentFigure, ReportingPeriod};
use super::ledger::{Qualification, count};
use super::near_miss::{CountedEntry, IndicatorResult, NearMiss, Shortfall};

/// How one rulebook reads employment figures.
pub(super) struct EmploymentRule {
    /// The indicator the enterprise must count under first (C1 / RCO01).
    pub base_code: IndicatorCode,
    /// Whether a figure counts only when confirmed in writing.
    pub require_written_confirmation: bool,
}

/// What one enterprise has on record.
pub(super) struct EmploymentFacts<'a> {
    /// Its base qualification (C1 / RCO01).
    pub base: &'a Qualification,
    /// Its first day of counted support.
    pub first_support_on: Option<NaiveDate>,
    /// Its baseline.
    pub baseline: Option<&'a EmploymentBaseline>,
    /// Its later figures up to the end of the period, by date then id.
    pub figures: Vec<&'a EmploymentFigure>,
}

/// Adds the enterprise's employment increase for the period, or its near miss. Only an
/// enterprise with a figure dated in the period is considered.
pub(super) fn record_employment(
    result: &mut IndicatorResult,
    period: ReportingPeriod,
    subject_id: &str,
    rule: &EmploymentRule,
    facts: &EmploymentFacts<'_>,
) {
    let in_period: Vec<&EmploymentFigure> = facts
        .figures
        .iter()
        .copied()
        .filter(|f| period.contains(f.as_of))
        .collect();
    if in_period.is_empty() {
        return;
    }
    let fact_ids: Vec<String> = in_period.iter().map(|f| f.id.clone()).collect();
    let near_miss = |result: &mut IndicatorResult, missing: Vec<Shortfall>| {
        result.near_misses.push(NearMiss {
            subject_id: subject_id.to_owned(),
            missing,
            fact_ids: fact_ids.clone(),
        });
    };

    let mut missing = Vec::new();
    if facts.base.is_err() {
        missing.push(Shortfall::NotCountedUnder {
            code: rule.base_code,
        });
    }
    match (facts.baseline, facts.first_support_on) {
        (None, _) => missing.push(Shortfall::NoEmploymentBaseline),
        (Some(b), Some(first)) if b.set_on > first => {
            missing.push(Shortfall::BaselineAfterSupport {
                baseline_on: b.set_on,
                first_support_on: first,
            })
        }
        _ => {}
    }
    let Some(baseline) = facts.baseline.filter(|_| missing.is_empty()) else {
        near_miss(result, missing);
        return;
    };

    let usable = |f: &&EmploymentFigure| {
        f.as_of >= baseline.set_on && (f.confirmed_in_writing || !rule.require_written_confirmation)
    };
    let unconfirmed = count(
        in_period
            .iter()
            .filter(|f| rule.require_written_confirmation && !f.confirmed_in_writing)
            .count(),
    );
    let increase = |f: &EmploymentFigure| {
        (i64::from(f.fte_hundredths) - i64::from(baseline.fte_hundredths)).max(0)
    };
    let Some(latest) = in_period.iter().copied().rev().find(|f| usable(f)) else {
        let mut missing = Vec::new();
        if unconfirmed > 0 {
            missing.push(Shortfall::NotConfirmedInWriting {
                figures: unconfirmed,
            });
        } else {
            // Every figure in the period predates the baseline.
            missing.push(Shortfall::FigureBeforeBaseline {
                as_of: in_period[in_period.len() - 1].as_of,
                baseline_on: baseline.set_on,
            });
        }
        near_miss(result, missing);
        return;
    };
    let reported_before = facts
        .figures
        .iter()
        .filter(|f| f.as_of < period.from && usable(f))
        .map(|f| increase(f))
        .max()
        .unwrap_or(0);
    let value = increase(latest) - reported_before;
    if value > 0 {
        result.entries.push(CountedEntry {
            subject_id: subject_id.to_owned(),
            value,
            counted_on: latest.as_of,
            parts: Vec::new(),
            qualifying_ids: vec![baseline.id.clone(), latest.id.clone()],
        });
    } else {
        let mut missing = vec![Shortfall::NoEmploymentIncrease {
            baseline_hundredths: baseline.fte_hundredths,
            latest_hundredths: latest.fte_hundredths,
        }];
        if unconfirmed > 0 {
            missing.push(Shortfall::NotConfirmedInWriting {
                figures: unconfirmed,
            });
        }
        near_miss(result, missing);
    }
}
