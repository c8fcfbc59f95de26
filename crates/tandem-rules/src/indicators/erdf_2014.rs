//! England ERDF 2014–20 output indicators for business support, after ESIF-GN-1-002 "ERDF
//! Output Indicator Definitions Guidance" (versions 3–6).
//!
//! The version that applies to a project is the one in force when both parties signed its
//! grant funding agreement (v5 version table: "the version of the guidance that applies to a
//! project is the one in force at the time a grant funding agreement is signed by both
//! parties"; a project adopts a later version only in full, by a project change request). So
//! the version is an input, stored per project; [`GUIDANCE_VERSIONS`] keeps the differences
//! between versions in one table.
//!
//! Rules, for enterprises (potential entrepreneurs count only under P11):
//! - every indicator: signed SME declaration (a declared large enterprise does not count when
//!   the project counts SMEs only), located in the eligible area, not in an excluded sector;
//!   an enterprise counts once per indicator, from the day it first meets every condition;
//! - C2 grants, C3 financial support other than grants (loans), each from the first
//!   evidenced record;
//! - C4 non-financial support: evidenced records with written output specific to the
//!   business add up, across support organisations, to the project's minimum (12 hours by
//!   default); v5 made explicit that written advice must be specific to the business, not
//!   off the shelf, and that support must *meet* the threshold, not exceed it;
//! - C1 = counted under C2, C3 or C4 (v5: enterprises reported under C1 may also be reported
//!   under its subsets C2–C5);
//! - C5: counted under C1 and registered less than 12 months before support (v5+: evidenced by
//!   Companies House or HMRC registration);
//! - C8: see `employment`; C26, C28, C29: counted under C1 plus an evidenced research
//!   cooperation / new-to-market product / new-to-firm product introduced after support;
//! - P11: potential entrepreneurs with the P11 minimum of support (12 hours by default);
//! - P13: information, diagnostic and brokerage support meeting the P13 minimum.

use serde::{Deserialize, Serialize};

use super::catalogue::IndicatorCode;
use super::claims::{innovation_test, research_test};
use super::employment::{EmploymentRule, record_employment};
use super::facts::{
    InnovationClaim, InnovationKind, Novelty, ProjectFacts, ReportingPeriod, SupportRecord,
};
use super::ledger::{
    History, Outcomes, eligibility, histories, hours_test, ids_in_period, is_non_financial,
    on_top_of, record_count, record_new_enterprise, record_support, supported, with_eligibility,
};
use super::near_miss::IndicatorResult;
use super::settings::{ERDF_NEW_ENTERPRISE_MONTHS, ProjectSettings};
use super::validate::{FactsError, validate};

/// A version of ESIF-GN-1-002.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuidanceVersion {
    /// Version 3, published 26 October 2016.
    V3,
    /// Version 4.
    V4,
    /// Version 5, January 2018.
    V5,
    /// Version 6, published 27 June 2018.
    V6,
}

/// How one version of the guidance differs from the others, for the indicators Tandem counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GuidanceVersionRules {
    /// The version.
    pub version: GuidanceVersion,
    /// When it was published, as printed on it ("" where not verified).
    pub published: &'static str,
    /// C5 needs the start date evidenced by Companies House or HMRC registration less than
    /// 12 months before support (v5 version table, C5: "evidence of Companies House or HMRC
    /// registration less than 12 months prior to receiving support is required").
    pub c5_needs_registration_evidence: bool,
    /// Whether the version let projects apply it retrospectively (v5 version table: "Version
    /// control updated to remove Version 4 provision for retrospective application").
    /// Informational: the rulebook always applies the version the project stores.
    pub retrospective_application: bool,
}

/// The per-version differences. Unchanged across v3–v6 as far as could be checked (and so
/// not columns): the C1/C4 threshold is met at exactly the minimum (v5 "clarified" it, so it
/// is read as the intention of earlier versions too); written output specific to the business
/// (v5 "clarified", a per-project setting here); the C8 net increase over a baseline set
/// before support (v5 "clarified"). v6 changed only C30, which Tandem does not count.
pub const GUIDANCE_VERSIONS: [GuidanceVersionRules; 4] = [
    GuidanceVersionRules {
        version: GuidanceVersion::V3,
        published: "2016-10-26",
        c5_needs_registration_evidence: false,
        retrospective_application: false,
    },
    GuidanceVersionRules {
        version: GuidanceVersion::V4,
        // UNVERIFIED: the publication date of v4 could not be found.
        published: "",
        c5_needs_registration_evidence: false,
        retrospective_application: true,
    },
    GuidanceVersionRules {
        version: GuidanceVersion::V5,
        published: "2018-01",
        c5_needs_registration_evidence: true,
        retrospective_application: false,
    },
    GuidanceVersionRules {
        version: GuidanceVersion::V6,
        published: "2018-06-27",
        c5_needs_registration_evidence: true,
        retrospective_application: false,
    },
];

impl GuidanceVersion {
    /// This version's row of [`GUIDANCE_VERSIONS`].
    pub fn rules(self) -> &'static GuidanceVersionRules {
        &GUIDANCE_VERSIONS[self as usize]
    }
}

/// The ERDF England indicators, in catalogue order.
pub const ERDF_CODES: [IndicatorCode; 11] = [
    IndicatorCode::C1,
    IndicatorCode::C2,
    IndicatorCode::C3,
    IndicatorCode::C4,
    IndicatorCode::C5,
    IndicatorCode::C8,
    IndicatorCode::C26,
    IndicatorCode::C28,
    IndicatorCode::C29,
    IndicatorCode::P11,
    IndicatorCode::P13,
];

/// Counts the ERDF England indicators for one project and reporting period. Returns one
/// result per code of [`ERDF_CODES`], in that order.
pub fn evaluate(
    facts: &ProjectFacts,
    settings: &ProjectSettings,
    version: GuidanceVersion,
    period: ReportingPeriod,
) -> Result<Vec<IndicatorResult>, FactsError> {
    validate(facts, period)?;
    let rules = version.rules();
    let mut c1 = IndicatorResult::new(IndicatorCode::C1);
    let mut c2 = IndicatorResult::new(IndicatorCode::C2);
    let mut c3 = IndicatorResult::new(IndicatorCode::C3);
    let mut c4 = IndicatorResult::new(IndicatorCode::C4);
    let mut c5 = IndicatorResult::new(IndicatorCode::C5);
    let mut c8 = IndicatorResult::new(IndicatorCode::C8);
    let mut c26 = IndicatorResult::new(IndicatorCode::C26);
    let mut c28 = IndicatorResult::new(IndicatorCode::C28);
    let mut c29 = IndicatorResult::new(IndicatorCode::C29);
    let mut p11 = IndicatorResult::new(IndicatorCode::P11);
    let mut p13 = IndicatorResult::new(IndicatorCode::P13);

    let outcomes = Outcomes::of(facts, period);
    let employment_rule = EmploymentRule {
        base_code: IndicatorCode::C1,
        require_written_confirmation: settings.require_written_employment_confirmation,
    };

    for h in histories(facts, period) {
        let id = h.enterprise.id.as_str();
        if h.enterprise.potential_entrepreneur {
            potential_entrepreneur(&mut p11, &h, settings, period);
            continue;
        }
        let elig = eligibility(
            h.enterprise,
            settings,
            period,
            settings.require_sme_declaration,
            settings.smes_only,
        );
        let s = supported(&h, &elig, settings);
        record_support(
            [&mut c1, &mut c2, &mut c3, &mut c4],
            period,
            &h,
            &s,
            Vec::new(),
        );
        record_new_enterprise(
            &mut c5,
            period,
            &h,
            &s,
            IndicatorCode::C1,
            ERDF_NEW_ENTERPRISE_MONTHS,
            rules.c5_needs_registration_evidence,
        );

        record_employment(
            &mut c8,
            period,
            id,
            &employment_rule,
            &outcomes.employment_of(id, &s),
        );

        if let Some(coops) = outcomes.research.get(id) {
            let outcome = on_top_of(&s.any, IndicatorCode::C1, research_test(coops));
            let candidates = ids_in_period(coops, period, |c| c.date, |c| &c.id);
            record_count(&mut c26, period, id, &outcome, Vec::new(), candidates);
        }

        let claims = outcomes.innovations.get(id).cloned().unwrap_or_default();
        for (result, novelty) in [
            (&mut c28, Novelty::NewToMarket),
            (&mut c29, Novelty::NewToFirm),
        ] {
            // C28/C29 count products (goods or services) of exactly this novelty; a process
            // innovation counts only under RCR03.
            let relevant: Vec<&InnovationClaim> = claims
                .iter()
                .copied()
                .filter(|c| c.kind == InnovationKind::Product && c.novelty == novelty)
                .collect();
            if relevant.is_empty() {
                continue;
            }
            let own = innovation_test(&relevant, s.first_support_on);
            let outcome = on_top_of(&s.any, IndicatorCode::C1, own);
            let candidates = ids_in_period(&relevant, period, |c| c.introduced_on, |c| &c.id);
            record_count(result, period, id, &outcome, Vec::new(), candidates);
        }

        let idb = |r: &SupportRecord| r.activity.is_information_diagnostic_brokerage();
        let support = hours_test(&h.matching(idb), settings.p13_min_hundredths, settings);
        let outcome = with_eligibility(&elig, support);
        record_count(
            &mut p13,
            period,
            id,
            &outcome,
            Vec::new(),
            h.in_period(period, idb),
        );
    }
    Ok(vec![c1, c2, c3, c4, c5, c8, c26, c28, c29, p11, p13])
}

/// P11: a potential entrepreneur in the eligible area (no SME declaration: not yet an
/// enterprise) with the P11 minimum of non-financial support.
fn potential_entrepreneur(
    p11: &mut IndicatorResult,
    h: &History<'_>,
    settings: &ProjectSettings,
    period: ReportingPeriod,
) {
    let elig = eligibility(h.enterprise, settings, period, false, false);
    let support = hours_test(
        &h.matching(is_non_financial),
        settings.p11_min_hundredths,
        settings,
    );
    let outcome = with_eligibility(&elig, support);
    let candidates = h.in_period(period, is_non_financial);
    record_count(
        p11,
        period,
        &h.enterprise.id,
        &outcome,
        Vec::new(),
        candidates,
    );
}
