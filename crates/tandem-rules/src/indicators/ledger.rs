//! The counting machinery both enterprise rulebooks share: each enterprise's support history,
//! its eligibility, the day it first met a support threshold, and how an outcome lands in an
//! [`IndicatorResult`] for the period (counted, counted before, or a near miss).
//!
//! An enterprise counts once per indicator over the life of a project, so each test works out
//! the *day* the enterprise first met every condition: it is counted in the period containing
//! that day, and only then.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

use super::catalogue::IndicatorCode;
use super::employment::EmploymentFacts;
use super::facts::{
    ActivityType, EmploymentBaseline, EmploymentFigure, Enterprise, InnovationClaim,
    PrivateInvestment, ProjectFacts, ReportingPeriod, ResearchCooperation, StartEvidence,
    SupportRecord,
};
use super::near_miss::{CountedEntry, IndicatorResult, NearMiss, PartValue, Shortfall};
use super::settings::ProjectSettings;
use crate::sme::Category;

/// An enterprise with its support records up to the end of the period, by date then id.
pub(super) struct History<'a> {
    pub enterprise: &'a Enterprise,
    pub records: Vec<&'a SupportRecord>,
}

impl<'a> History<'a> {
    /// Records in the period matching `keep`: the facts that make the enterprise a candidate.
    pub fn in_period(
        &self,
        period: ReportingPeriod,
        keep: impl Fn(&SupportRecord) -> bool,
    ) -> Vec<String> {
        self.records
            .iter()
            .filter(|r| period.contains(r.date) && keep(r))
            .map(|r| r.id.clone())
            .collect()
    }

    /// Records (to the end of the period) matching `keep`.
    pub fn matching(&self, keep: impl Fn(&SupportRecord) -> bool) -> Vec<&'a SupportRecord> {
        self.records.iter().copied().filter(|r| keep(r)).collect()
    }
}

/// Every enterprise with its history, ordered by enterprise id.
pub(super) fn histories(facts: &ProjectFacts, period: ReportingPeriod) -> Vec<History<'_>> {
    let mut records = group(facts.support.iter().filter(|r| r.date <= period.to), |r| {
        r.enterprise_id.as_str()
    });
    let mut enterprises: Vec<&Enterprise> = facts.enterprises.iter().collect();
    enterprises.sort_by(|a, b| a.id.cmp(&b.id));
    enterprises
        .into_iter()
        .map(|enterprise| {
            let mut own = records.remove(enterprise.id.as_str()).unwrap_or_default();
            own.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
            History {
                enterprise,
                records: own,
            }
        })
        .collect()
}

/// Each enterprise's outcome facts up to the end of the period, by date then id: what the
/// result indicators (employment, innovation, research, investment) look at.
pub(super) struct Outcomes<'a> {
    baselines: BTreeMap<&'a str, Vec<&'a EmploymentBaseline>>,
    employment: BTreeMap<&'a str, Vec<&'a EmploymentFigure>>,
    /// Innovation claims.
    pub innovations: BTreeMap<&'a str, Vec<&'a InnovationClaim>>,
    /// Research cooperation.
    pub research: BTreeMap<&'a str, Vec<&'a ResearchCooperation>>,
    /// Private investment.
    pub investments: BTreeMap<&'a str, Vec<&'a PrivateInvestment>>,
}

impl<'a> Outcomes<'a> {
    /// Groups the project's outcome facts by enterprise.
    pub fn of(facts: &'a ProjectFacts, period: ReportingPeriod) -> Self {
        Outcomes {
            baselines: group(facts.baselines.iter(), |b| b.enterprise_id.as_str()),
            employment: by_enterprise(
                &facts.employment,
                period,
                |f| f.as_of,
                |f| &f.id,
                |f| &f.enterprise_id,
            ),
            innovations: by_enterprise(
                &facts.innovations,
                period,
                |c| c.introduced_on,
                |c| &c.id,
                |c| &c.enterprise_id,
            ),
            research: by_enterprise(
                &facts.research_cooperation,
                period,
                |c| c.date,
                |c| &c.id,
                |c| &c.enterprise_id,
            ),
            investments: by_enterprise(
                &facts.private_investment,
                period,
                |p| p.date,
                |p| &p.id,
                |p| &p.enterprise_id,
            ),
        }
    }

    /// What the employment indicators need of one enterprise supported as `support` says.
    pub fn employment_of<'s>(&'s self, id: &str, support: &'s Supported) -> EmploymentFacts<'s> {
        EmploymentFacts {
            base: &support.any,
            first_support_on: support.first_support_on,
            baseline: self.baselines.get(id).and_then(|b| b.first().copied()),
            figures: self.employment.get(id).cloned().unwrap_or_default(),
        }
    }
}

/// Groups facts by the enterprise they name.
pub(super) fn group<'a, T>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&'a T) -> &'a str,
) -> BTreeMap<&'a str, Vec<&'a T>> {
    let mut map: BTreeMap<&str, Vec<&T>> = BTreeMap::new();
    for item in items {
        map.entry(key(item)).or_default().push(item);
    }
    map
}

/// Whether an enterprise may count at all, and from which day.
pub(super) struct Eligibility {
    /// What rules it out; empty when eligible.
    pub shortfalls: Vec<Shortfall>,
    /// It cannot count before this day (its SME declaration), when one is required.
    pub from: Option<NaiveDate>,
    /// Its declared size, when declared by the end of the period.
    pub size: Option<Category>,
}

/// The conditions on the enterprise itself: SME declaration, eligible area, sector.
pub(super) fn eligibility(
    e: &Enterprise,
    settings: &ProjectSettings,
    period: ReportingPeriod,
    require_declaration: bool,
    smes_only: bool,
) -> Eligibility {
    let mut shortfalls = Vec::new();
    // A declaration signed after the period cannot support a claim for it.
    let declaration = e.sme_declaration.filter(|d| d.declared_on <= period.to);
    match declaration {
        None if require_declaration || smes_only => shortfalls.push(Shortfall::NoSmeDeclaration),
        Some(d) if smes_only && !d.size.is_sme() => {
            shortfalls.push(Shortfall::NotAnSme { size: d.size })
        }
        _ => {}
    }
    if !e.in_eligible_area {
        shortfalls.push(Shortfall::OutsideEligibleArea);
    }
    let nace = e.nace.clone().unwrap_or_default();
    if e.excluded_sector || settings.excludes_nace(&nace) {
        shortfalls.push(Shortfall::ExcludedSector { nace });
    }
    Eligibility {
        shortfalls,
        from: declaration
            .filter(|_| require_declaration || smes_only)
            .map(|d| d.declared_on),
        size: declaration.map(|d| d.size),
    }
}

/// The day a test was first met and the facts that met it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Met {
    pub on: NaiveDate,
    pub ids: Vec<String>,
}

/// Met, or what is missing (never empty).
pub(super) type Qualification = Result<Met, Vec<Shortfall>>;

/// Whether a support record counts: it has evidence and, for non-financial support where the
/// project requires it, written output specific to the business.
pub(super) fn record_counts(r: &SupportRecord, settings: &ProjectSettings) -> bool {
    r.evidence_file_count > 0
        && (r.activity.is_financial()
            || r.has_specific_written_output
            || !settings.require_written_output)
}

/// Hours of counted support add up (across support organisations) until they *meet* `need`
/// (ESIF-GN-1-002 v5: the support must meet the minimum threshold, not exceed it).
pub(super) fn hours_test(
    records: &[&SupportRecord],
    need: u32,
    settings: &ProjectSettings,
) -> Qualification {
    let counted: Vec<&SupportRecord> = records
        .iter()
        .copied()
        .filter(|r| record_counts(r, settings))
        .collect();
    let mut have: u64 = 0;
    let mut met_on = None;
    for r in &counted {
        have += u64::from(r.hours_hundredths);
        if met_on.is_none() && have >= u64::from(need) {
            met_on = Some(r.date);
        }
    }
    if let Some(on) = met_on {
        return Ok(Met {
            on,
            ids: ids_up_to(&counted, on),
        });
    }
    let mut missing = evidence_shortfalls(records, settings);
    // With no minimum (the EU default) the hours are never what is short, unless there is
    // nothing else to say.
    if need > 0 || missing.is_empty() {
        missing.push(Shortfall::HoursShort {
            have_hundredths: u32::try_from(have).unwrap_or(u32::MAX),
            need_hundredths: need,
        });
    }
    Err(missing)
}

/// Financial support (a grant, a loan) counts from its first evidenced record.
pub(super) fn financial_test(
    records: &[&SupportRecord],
    settings: &ProjectSettings,
) -> Qualification {
    let counted: Vec<&SupportRecord> = records
        .iter()
        .copied()
        .filter(|r| record_counts(r, settings))
        .collect();
    match counted.first() {
        Some(first) => Ok(Met {
            on: first.date,
            ids: ids_up_to(&counted, first.date),
        }),
        None => Err(evidence_shortfalls(records, settings)),
    }
}

/// The records that do not count, as shortfalls.
fn evidence_shortfalls(records: &[&SupportRecord], settings: &ProjectSettings) -> Vec<Shortfall> {
    let mut missing = Vec::new();
    let without_output: Vec<&&SupportRecord> = records
        .iter()
        .filter(|r| {
            !r.activity.is_financial()
                && settings.require_written_output
                && !r.has_specific_written_output
        })
        .collect();
    if !without_output.is_empty() {
        missing.push(Shortfall::NoWrittenOutput {
            records: count(without_output.len()),
            hours_hundredths: without_output.iter().map(|r| r.hours_hundredths).sum(),
        });
    }
    let without_evidence = records
        .iter()
        .filter(|r| r.evidence_file_count == 0)
        .count();
    if without_evidence > 0 {
        missing.push(Shortfall::NoEvidence {
            records: count(without_evidence),
        });
    }
    missing
}

fn ids_up_to(records: &[&SupportRecord], day: NaiveDate) -> Vec<String> {
    records
        .iter()
        .filter(|r| r.date <= day)
        .map(|r| r.id.clone())
        .collect()
}

pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Puts the enterprise's own conditions on top of a support test: it counts from the later
/// of the day the support met the test and the day it became eligible.
pub(super) fn with_eligibility(elig: &Eligibility, support: Qualification) -> Qualification {
    match (elig.shortfalls.is_empty(), support) {
        (true, Ok(met)) => Ok(Met {
            on: elig.from.map_or(met.on, |d| d.max(met.on)),
            ids: met.ids,
        }),
        (true, Err(missing)) => Err(missing),
        (false, Ok(_)) => Err(elig.shortfalls.clone()),
        (false, Err(missing)) => {
            let mut all = elig.shortfalls.clone();
            all.extend(missing);
            Err(all)
        }
    }
}

/// The support tests every enterprise rulebook uses (ERDF C1–C4, EU RCO01–RCO04).
pub(super) struct Supported {
    /// Grants (C2 / RCO02).
    pub grants: Qualification,
    /// Loans: financial support other than grants (C3), financial instruments (RCO03).
    pub loans: Qualification,
    /// Non-financial support meeting the hours threshold (C4 / RCO04).
    pub non_financial: Qualification,
    /// Any of the three (C1 / RCO01: C2–C4 are its subsets).
    pub any: Qualification,
    /// The first day of counted support of any kind (the "support" C5, C8 and innovation
    /// claims are measured against).
    pub first_support_on: Option<NaiveDate>,
}

/// Runs the support tests for one enterprise.
pub(super) fn supported(
    h: &History<'_>,
    elig: &Eligibility,
    settings: &ProjectSettings,
) -> Supported {
    let grants = financial_test(&h.matching(|r| r.activity == ActivityType::Grant), settings);
    let loans = financial_test(&h.matching(|r| r.activity == ActivityType::Loan), settings);
    let non_financial = hours_test(
        &h.matching(|r| !r.activity.is_financial()),
        settings.min_support_hundredths,
        settings,
    );
    let any = match [&grants, &loans, &non_financial]
        .into_iter()
        .flatten()
        .min_by_key(|m| m.on)
    {
        Some(met) => Ok(met.clone()),
        None => Err(any_shortfalls(h, [&grants, &loans, &non_financial])),
    };
    Supported {
        grants: with_eligibility(elig, grants),
        loans: with_eligibility(elig, loans),
        non_financial: with_eligibility(elig, non_financial),
        any: with_eligibility(elig, any),
        first_support_on: h
            .records
            .iter()
            .find(|r| record_counts(r, settings))
            .map(|r| r.date),
    }
}

/// Why no kind of support counts: the shortfalls of the kinds the enterprise received,
/// with the evidence counts merged.
fn any_shortfalls(h: &History<'_>, tests: [&Qualification; 3]) -> Vec<Shortfall> {
    let kinds: [fn(&SupportRecord) -> bool; 3] = [
        |r| r.activity == ActivityType::Grant,
        |r| r.activity == ActivityType::Loan,
        |r| !r.activity.is_financial(),
    ];
    let mut merged: Vec<Shortfall> = Vec::new();
    for (test, kind) in tests.into_iter().zip(kinds) {
        if !h.records.iter().any(|r| kind(r)) {
            continue;
        }
        for s in test.as_ref().err().into_iter().flatten() {
            merge(&mut merged, s.clone());
        }
    }
    if merged.is_empty() {
        // No support at all yet: say so in the same words as a short hours test.
        merged.push(Shortfall::HoursShort {
            have_hundredths: 0,
            need_hundredths: 0,
        });
    }
    merged
}

/// Adds a shortfall, summing it into one of the same kind where counts can be summed.
fn merge(into: &mut Vec<Shortfall>, s: Shortfall) {
    for existing in into.iter_mut() {
        match (existing, &s) {
            (Shortfall::NoEvidence { records }, Shortfall::NoEvidence { records: more }) => {
                *records += more;
                return;
            }
            (
                Shortfall::NoWrittenOutput {
                    records,
                    hours_hundredths,
                },
                Shortfall::NoWrittenOutput {
                    records: more,
                    hours_hundredths: more_hours,
                },
            ) => {
                *records += more;
                *hours_hundredths += more_hours;
                return;
            }
            _ => {}
        }
    }
    into.push(s);
}

/// Whether the enterprise was new when support started: it started fewer than
/// `limit_months` whole months before `first_support_on`. Empty when new.
pub(super) fn newness(
    e: &Enterprise,
    first_support_on: NaiveDate,
    limit_months: u32,
    needs_registration: bool,
) -> Vec<Shortfall> {
    let Some(start) = e.start else {
        return vec![Shortfall::NoStartDate];
    };
    let mut missing = Vec::new();
    if needs_registration && start.evidence != StartEvidence::Registration {
        missing.push(Shortfall::StartNotEvidencedByRegistration);
    }
    let months = whole_months(start.date, first_support_on);
    if months >= limit_months {
        missing.push(Shortfall::NotNewEnterprise {
            months,
            limit_months,
        });
    }
    missing
}

/// Whole calendar months from `start` to `day` (0 when `day` is not after `start`). A month
/// is complete on the same day-of-month, or on the last day of a shorter month.
pub(super) fn whole_months(start: NaiveDate, day: NaiveDate) -> u32 {
    if day <= start {
        return 0;
    }
    let mut months = 0u32;
    // Dates are at most a few centuries apart; the loop ends quickly.
    while let Some(next) = start.checked_add_months(Months::new(months + 1)) {
        if next > day {
            break;
        }
        months += 1;
    }
    months
}

/// Combines a base indicator (C1 / RCO01) with an indicator-specific test: counted from the
/// later of the two days, with both sets of qualifying ids.
pub(super) fn on_top_of(
    base: &Qualification,
    base_code: IndicatorCode,
    own: Qualification,
) -> Qualification {
    match (base, own) {
        (Ok(b), Ok(o)) => {
            let mut ids = b.ids.clone();
            ids.extend(o.ids);
            Ok(Met {
                on: b.on.max(o.on),
                ids,
            })
        }
        (Ok(_), Err(missing)) => Err(missing),
        (Err(_), own) => {
            let mut missing = vec![Shortfall::NotCountedUnder { code: base_code }];
            missing.extend(own.err().unwrap_or_default());
            Err(missing)
        }
    }
}

/// Lands a count indicator's outcome in the result: counted if it was met in the period;
/// "counted before" if met earlier and active now; a near miss if not met and active now.
/// `candidate_ids` are the subject's facts in the period; without any, a subject that does
/// not count is left out.
pub(super) fn record_count(
    result: &mut IndicatorResult,
    period: ReportingPeriod,
    subject_id: &str,
    outcome: &Qualification,
    parts: Vec<PartValue>,
    candidate_ids: Vec<String>,
) {
    match outcome {
        Ok(met) if period.contains(met.on) => result.entries.push(CountedEntry {
            subject_id: subject_id.to_owned(),
            value: 1,
            counted_on: met.on,
            parts,
            qualifying_ids: met.ids.clone(),
        }),
        Ok(_) => {
            if !candidate_ids.is_empty() {
                result.counted_before_period.push(subject_id.to_owned());
            }
        }
        Err(missing) => {
            if !candidate_ids.is_empty() {
                result.near_misses.push(NearMiss {
                    subject_id: subject_id.to_owned(),
                    missing: missing.clone(),
                    fact_ids: candidate_ids,
                });
            }
        }
    }
}

/// A C5 / RCO05 near miss is worth showing only for an enterprise that is new or nearly so
/// (started within twice the limit before support, or start unknown): listing every
/// established enterprise would bury the few that matter. (Tandem's choice, not a funder's.)
pub(super) fn near_enough_to_new(h: &History<'_>, first_support: NaiveDate, limit: u32) -> bool {
    h.enterprise
        .start
        .is_none_or(|s| whole_months(s.date, first_support) < limit.saturating_mul(2))
}

/// Counts the four support indicators of an enterprise (C1–C4 / RCO01–RCO04): any support,
/// grants, loans and other financial support, non-financial support. `any_parts` splits the
/// first (RCO01 by size).
pub(super) fn record_support(
    [any, grants, loans, non_financial]: [&mut IndicatorResult; 4],
    period: ReportingPeriod,
    h: &History<'_>,
    s: &Supported,
    any_parts: Vec<PartValue>,
) {
    let id = h.enterprise.id.as_str();
    record_count(
        any,
        period,
        id,
        &s.any,
        any_parts,
        h.in_period(period, is_any),
    );
    record_count(
        grants,
        period,
        id,
        &s.grants,
        Vec::new(),
        h.in_period(period, is_grant),
    );
    record_count(
        loans,
        period,
        id,
        &s.loans,
        Vec::new(),
        h.in_period(period, is_loan),
    );
    record_count(
        non_financial,
        period,
        id,
        &s.non_financial,
        Vec::new(),
        h.in_period(period, is_non_financial),
    );
}

/// Counts a new enterprise (C5 / RCO05): one no older than `limit_months` on the first day of
/// counted support (for a near miss without any, the first support on record). Newness is
/// fixed then, so it counts when the base indicator (`base_code`) does.
pub(super) fn record_new_enterprise(
    result: &mut IndicatorResult,
    period: ReportingPeriod,
    h: &History<'_>,
    s: &Supported,
    base_code: IndicatorCode,
    limit_months: u32,
    needs_registration: bool,
) {
    let Some(first) = s.first_support_on.or(h.records.first().map(|r| r.date)) else {
        return;
    };
    let own = newness_test(h.enterprise, first, limit_months, needs_registration);
    let outcome = on_top_of(&s.any, base_code, own);
    let candidates = if near_enough_to_new(h, first, limit_months) {
        h.in_period(period, is_any)
    } else {
        Vec::new()
    };
    record_count(
        result,
        period,
        h.enterprise.id.as_str(),
        &outcome,
        Vec::new(),
        candidates,
    );
}

/// Newness as a test: met on the first day of support, or what rules it out.
pub(super) fn newness_test(
    e: &Enterprise,
    first_support_on: NaiveDate,
    limit_months: u32,
    needs_registration: bool,
) -> Qualification {
    let not_new = newness(e, first_support_on, limit_months, needs_registration);
    if not_new.is_empty() {
        Ok(Met {
            on: first_support_on,
            ids: Vec::new(),
        })
    } else {
        Err(not_new)
    }
}

/// A grant record.
pub(super) fn is_grant(r: &SupportRecord) -> bool {
    r.activity == ActivityType::Grant
}

/// A loan record.
pub(super) fn is_loan(r: &SupportRecord) -> bool {
    r.activity == ActivityType::Loan
}

/// A non-financial support record.
pub(super) fn is_non_financial(r: &SupportRecord) -> bool {
    !r.activity.is_financial()
}

/// Any support record.
pub(super) fn is_any(_: &SupportRecord) -> bool {
    true
}

/// Facts dated up to the end of the period, earliest first (by date, then id), grouped by
/// enterprise.
pub(super) fn by_enterprise<'a, T>(
    items: &'a [T],
    period: ReportingPeriod,
    date: impl Fn(&T) -> NaiveDate,
    id: impl Fn(&T) -> &str,
    enterprise: impl Fn(&'a T) -> &'a str,
) -> BTreeMap<&'a str, Vec<&'a T>> {
    let mut v: Vec<&T> = items.iter().filter(|t| date(t) <= period.to).collect();
    v.sort_by(|a, b| (date(a), id(a)).cmp(&(date(b), id(b))));
    group(v.into_iter(), enterprise)
}

/// The ids of facts dated in the period.
pub(super) fn ids_in_period<T>(
    items: &[&T],
    period: ReportingPeriod,
    date: impl Fn(&T) -> NaiveDate,
    id: impl Fn(&T) -> &str,
) -> Vec<String> {
    items
        .iter()
        .filter(|t| period.contains(date(t)))
        .map(|t| id(t).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn whole_months_counts_complete_months() {
        assert_eq!(whole_months(d(2020, 1, 15), d(2020, 12, 14)), 10);
        assert_eq!(whole_months(d(2020, 1, 15), d(2020, 12, 15)), 11);
        assert_eq!(whole_months(d(2020, 1, 15), d(2021, 1, 14)), 11);
        assert_eq!(whole_months(d(2020, 1, 15), d(2021, 1, 15)), 12);
        // 31 January + 1 month is the last day of February.
        assert_eq!(whole_months(d(2021, 1, 31), d(2021, 2, 28)), 1);
        assert_eq!(whole_months(d(2021, 3, 1), d(2021, 2, 1)), 0);
    }
}
