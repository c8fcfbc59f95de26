//! Worked cases for the funder indicator rulebooks, each named after the case and citing the
//! guidance paragraph or annex it checks.

use chrono::NaiveDate;
use tandem_rules::indicators::{
    ActivityType, BusinessStart, CooperationLink, EmploymentBaseline, EmploymentFigure, Enterprise,
    FactsError, GuidanceVersion, IndicatorCode, IndicatorResult, InnovationClaim, InnovationKind,
    LinkKind, LinkedOrganisation, MatchedSupport, Novelty, Part, PartValue, PrivateInvestment,
    ProjectFacts, ProjectSettings, ReportingPeriod, ResearchCooperation, Rulebook, Shortfall,
    SmeDeclaration, StartEvidence, SupportRecord, Unit, evaluate,
};
use tandem_rules::sme::Category;

// ---------------------------------------------------------------------------------------
// Fixtures

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// Quarter 1 of 2020.
fn q1() -> ReportingPeriod {
    ReportingPeriod {
        from: d(2020, 1, 1),
        to: d(2020, 3, 31),
    }
}

fn q2() -> ReportingPeriod {
    ReportingPeriod {
        from: d(2020, 4, 1),
        to: d(2020, 6, 30),
    }
}

/// An eligible small enterprise, declared on 2 January 2020, trading since 2015.
fn enterprise(id: &str) -> Enterprise {
    Enterprise {
        id: id.to_owned(),
        start: Some(BusinessStart {
            date: d(2015, 6, 1),
            evidence: StartEvidence::Registration,
        }),
        sme_declaration: Some(SmeDeclaration {
            size: Category::Small,
            declared_on: d(2020, 1, 2),
        }),
        in_eligible_area: true,
        nace: Some("C25.62".to_owned()),
        excluded_sector: false,
        potential_entrepreneur: false,
    }
}

/// One-to-one advice with written output and evidence.
fn advice(
    id: &str,
    enterprise: &str,
    org: &str,
    date: NaiveDate,
    hundredths: u32,
) -> SupportRecord {
    SupportRecord {
        id: id.to_owned(),
        enterprise_id: enterprise.to_owned(),
        support_organisation_id: org.to_owned(),
        date,
        hours_hundredths: hundredths,
        activity: ActivityType::OneToOneAdvice,
        has_specific_written_output: true,
        evidence_file_count: 1,
        grant_amount_minor: 0,
        loan_amount_minor: 0,
    }
}

fn grant(id: &str, enterprise: &str, date: NaiveDate, amount: i64) -> SupportRecord {
    SupportRecord {
        activity: ActivityType::Grant,
        hours_hundredths: 0,
        has_specific_written_output: false,
        grant_amount_minor: amount,
        ..advice(id, enterprise, "org-a", date, 0)
    }
}

fn loan(id: &str, enterprise: &str, date: NaiveDate, amount: i64) -> SupportRecord {
    SupportRecord {
        activity: ActivityType::Loan,
        hours_hundredths: 0,
        has_specific_written_output: false,
        loan_amount_minor: amount,
        ..advice(id, enterprise, "org-a", date, 0)
    }
}

fn facts(enterprises: Vec<Enterprise>, support: Vec<SupportRecord>) -> ProjectFacts {
    ProjectFacts {
        enterprises,
        support,
        ..ProjectFacts::default()
    }
}

fn erdf(
    facts: &ProjectFacts,
    version: GuidanceVersion,
    period: ReportingPeriod,
) -> Vec<IndicatorResult> {
    evaluate(
        facts,
        &ProjectSettings::erdf_2014_20(),
        Rulebook::Erdf2014England { version },
        period,
    )
    .expect("valid facts")
}

fn eu(facts: &ProjectFacts, period: ReportingPeriod) -> Vec<IndicatorResult> {
    evaluate(
        facts,
        &ProjectSettings::eu_2021_27(),
        Rulebook::Eu2021,
        period,
    )
    .expect("valid facts")
}

fn get(results: &[IndicatorResult], code: IndicatorCode) -> &IndicatorResult {
    results
        .iter()
        .find(|r| r.code == code)
        .expect("indicator computed")
}

fn counted(results: &[IndicatorResult], code: IndicatorCode) -> Vec<&str> {
    get(results, code)
        .entries
        .iter()
        .map(|e| e.subject_id.as_str())
        .collect()
}

fn missing<'a>(results: &'a [IndicatorResult], code: IndicatorCode, id: &str) -> &'a [Shortfall] {
    &get(results, code)
        .near_miss(id)
        .expect("a near miss")
        .missing
}

fn link(
    id: &str,
    kind: LinkKind,
    date: NaiveDate,
    a: (&str, &str),
    b: (&str, &str),
) -> CooperationLink {
    CooperationLink {
        id: id.to_owned(),
        source_id: format!("src-{id}"),
        kind,
        date,
        a: LinkedOrganisation {
            id: a.0.to_owned(),
            country: a.1.to_owned(),
        },
        b: LinkedOrganisation {
            id: b.0.to_owned(),
            country: b.1.to_owned(),
        },
    }
}

// ---------------------------------------------------------------------------------------
// ERDF England, ESIF-GN-1-002: C1–C4 thresholds

/// ESIF-GN-1-002 v5, C1 and subsets, Verification evidence: support needs to *meet* the
/// minimum threshold, not exceed it — 12.00 hours counts under C1 and C4.
#[test]
fn c1_c4_exactly_12_hours_counts_gn_1_002_v5_meet_not_exceed() {
    let f = facts(
        vec![enterprise("e1")],
        vec![
            advice("s1", "e1", "org-a", d(2020, 1, 10), 700),
            advice("s2", "e1", "org-a", d(2020, 2, 10), 500),
        ],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    for code in [IndicatorCode::C1, IndicatorCode::C4] {
        let entry = get(&r, code).entry("e1").expect("counted");
        assert_eq!(entry.value, 1);
        assert_eq!(entry.counted_on, d(2020, 2, 10));
        assert_eq!(entry.qualifying_ids, ["s1", "s2"]);
    }
    assert!(counted(&r, IndicatorCode::C2).is_empty());
}

/// ESIF-GN-1-002 C1/C4 threshold: 11.99 hours is a near miss saying "11.99 of 12 hours".
#[test]
fn c4_11_99_hours_is_near_miss_listing_11_99_of_12() {
    let f = facts(
        vec![enterprise("e1")],
        vec![
            advice("s1", "e1", "org-a", d(2020, 1, 10), 700),
            advice("s2", "e1", "org-a", d(2020, 2, 10), 499),
        ],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert!(counted(&r, IndicatorCode::C4).is_empty());
    assert_eq!(
        missing(&r, IndicatorCode::C4, "e1"),
        [Shortfall::HoursShort {
            have_hundredths: 1199,
            need_hundredths: 1200
        }]
    );
    let c1 = get(&r, IndicatorCode::C1)
        .near_miss("e1")
        .expect("near miss");
    assert_eq!(
        c1.missing,
        [Shortfall::HoursShort {
            have_hundredths: 1199,
            need_hundredths: 1200
        }]
    );
    assert_eq!(c1.fact_ids, ["s1", "s2"]);
}

/// ESIF-GN-1-002 C1 (and Annex I common indicators): an enterprise counts once, however many
/// support organisations help it; hours add up across them within the project.
#[test]
fn c1_enterprise_supported_by_two_organisations_counts_once() {
    let f = facts(
        vec![enterprise("e1")],
        vec![
            advice("s1", "e1", "org-a", d(2020, 1, 10), 600),
            advice("s2", "e1", "org-b", d(2020, 1, 20), 600),
            advice("s3", "e1", "org-b", d(2020, 3, 1), 600),
        ],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    let c1 = get(&r, IndicatorCode::C1);
    assert_eq!(c1.entries.len(), 1);
    assert_eq!(c1.total(), 1);
    assert_eq!(c1.entries[0].qualifying_ids, ["s1", "s2"]);
    assert_eq!(c1.entries[0].counted_on, d(2020, 1, 20));
}

/// The per-project minimum replaces the 12-hour default (DOMAIN.md: "make it a per-project
/// setting").
#[test]
fn per_project_minimum_of_six_hours_counts_six_hours() {
    let f = facts(
        vec![enterprise("e1")],
        vec![advice("s1", "e1", "org-a", d(2020, 1, 10), 600)],
    );
    let settings = ProjectSettings {
        min_support_hundredths: 600,
        ..ProjectSettings::erdf_2014_20()
    };
    let rulebook = Rulebook::Erdf2014England {
        version: GuidanceVersion::V6,
    };
    let r = evaluate(&f, &settings, rulebook, q1()).expect("valid");
    assert_eq!(counted(&r, IndicatorCode::C4), ["e1"]);
}

/// ESIF-GN-1-002 v5, Exclusion (C1, P11, P13, C26): written advice must be specific to the
/// business — a support record without specific written output does not count.
#[test]
fn no_written_output_is_near_miss_gn_1_002_v5_exclusion() {
    let mut generic = advice("s1", "e1", "org-a", d(2020, 1, 10), 1200);
    generic.has_specific_written_output = false;
    let f = facts(vec![enterprise("e1")], vec![generic]);
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert!(counted(&r, IndicatorCode::C1).is_empty());
    assert_eq!(
        missing(&r, IndicatorCode::C4, "e1"),
        [
            Shortfall::NoWrittenOutput {
                records: 1,
                hours_hundredths: 1200
            },
            Shortfall::HoursShort {
                have_hundredths: 0,
                need_hundredths: 1200
            },
        ]
    );
}

/// Evidence: a support record with no evidence file attached does not count.
#[test]
fn record_without_evidence_is_near_miss_no_evidence() {
    let mut unevidenced = advice("s2", "e1", "org-a", d(2020, 2, 1), 600);
    unevidenced.evidence_file_count = 0;
    let f = facts(
        vec![enterprise("e1")],
        vec![
            advice("s1", "e1", "org-a", d(2020, 1, 10), 600),
            unevidenced,
        ],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(
        missing(&r, IndicatorCode::C1, "e1"),
        [
            Shortfall::NoEvidence { records: 1 },
            Shortfall::HoursShort {
                have_hundredths: 600,
                need_hundredths: 1200
            },
        ]
    );
}

/// SME status evidence is required (DOMAIN.md; Reg. 2003/361/EC declaration): without a
/// declaration the enterprise is a near miss even with enough hours.
#[test]
fn no_sme_declaration_is_near_miss() {
    let mut e = enterprise("e1");
    e.sme_declaration = None;
    let f = facts(
        vec![e],
        vec![advice("s1", "e1", "org-a", d(2020, 1, 10), 1200)],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(
        missing(&r, IndicatorCode::C1, "e1"),
        [Shortfall::NoSmeDeclaration]
    );
}

/// A declaration signed after the period cannot support its claim; the enterprise counts in
/// the period of the declaration (the later of the two days).
#[test]
fn sme_declaration_after_threshold_moves_the_count_to_the_declaration_day() {
    let mut e = enterprise("e1");
    e.sme_declaration = Some(SmeDeclaration {
        size: Category::Micro,
        declared_on: d(2020, 4, 15),
    });
    let f = facts(
        vec![e],
        vec![advice("s1", "e1", "org-a", d(2020, 3, 10), 1200)],
    );
    let r1 = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(
        missing(&r1, IndicatorCode::C1, "e1"),
        [Shortfall::NoSmeDeclaration]
    );
    let r2 = erdf(&f, GuidanceVersion::V5, q2());
    let entry = get(&r2, IndicatorCode::C1)
        .entry("e1")
        .expect("counted in Q2");
    assert_eq!(entry.counted_on, d(2020, 4, 15));
}

/// Eligible area and excluded sectors: outside the area, or with a NACE code on the
/// project's excluded list, the enterprise is a near miss naming the code.
#[test]
fn outside_area_and_excluded_nace_are_near_misses() {
    let mut outside = enterprise("e1");
    outside.in_eligible_area = false;
    let mut fishing = enterprise("e2");
    fishing.nace = Some("A03.11".to_owned());
    let f = facts(
        vec![outside, fishing],
        vec![
            advice("s1", "e1", "org-a", d(2020, 1, 10), 1200),
            advice("s2", "e2", "org-a", d(2020, 1, 10), 1200),
        ],
    );
    let settings = ProjectSettings {
        excluded_nace_prefixes: vec!["A03".to_owned()],
        ..ProjectSettings::erdf_2014_20()
    };
    let rulebook = Rulebook::Erdf2014England {
        version: GuidanceVersion::V5,
    };
    let r = evaluate(&f, &settings, rulebook, q1()).expect("valid");
    assert_eq!(
        missing(&r, IndicatorCode::C1, "e1"),
        [Shortfall::OutsideEligibleArea]
    );
    assert_eq!(
        missing(&r, IndicatorCode::C1, "e2"),
        [Shortfall::ExcludedSector {
            nace: "A03.11".to_owned()
        }]
    );
}

/// A declared large enterprise does not count where the project supports SMEs only.
#[test]
fn declared_large_enterprise_is_near_miss_under_erdf() {
    let mut e = enterprise("e1");
    e.sme_declaration = Some(SmeDeclaration {
        size: Category::Large,
        declared_on: d(2020, 1, 2),
    });
    let f = facts(
        vec![e],
        vec![advice("s1", "e1", "org-a", d(2020, 1, 10), 1200)],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(
        missing(&r, IndicatorCode::C1, "e1"),
        [Shortfall::NotAnSme {
            size: Category::Large
        }]
    );
}

// ---------------------------------------------------------------------------------------
// C2, C3: subsets of C1

/// ESIF-GN-1-002 v5, Relationship to other indicators: enterprises reported under C1 may also
/// be reported under its subsets. A grant counts under C2 and C1 without advice hours.
#[test]
fn c2_grant_counts_under_c2_and_c1_without_hours() {
    let f = facts(
        vec![enterprise("e1")],
        vec![grant("g1", "e1", d(2020, 2, 1), 500_000)],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(counted(&r, IndicatorCode::C1), ["e1"]);
    assert_eq!(counted(&r, IndicatorCode::C2), ["e1"]);
    assert!(counted(&r, IndicatorCode::C3).is_empty());
    assert!(counted(&r, IndicatorCode::C4).is_empty());
}

/// C3 financial support other than grants: a loan counts under C3 (and C1), alongside C4
/// when the enterprise also has 12 hours of advice.
#[test]
fn c3_loan_and_c4_advice_both_count_and_c1_once() {
    let f = facts(
        vec![enterprise("e1")],
        vec![
            loan("l1", "e1", d(2020, 1, 5), 2_000_000),
            advice("s1", "e1", "org-a", d(2020, 3, 1), 1200),
        ],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(counted(&r, IndicatorCode::C3), ["e1"]);
    assert_eq!(counted(&r, IndicatorCode::C4), ["e1"]);
    let c1 = get(&r, IndicatorCode::C1);
    assert_eq!(c1.total(), 1);
    assert_eq!(c1.entries[0].counted_on, d(2020, 1, 5));
}

// ---------------------------------------------------------------------------------------
// C5 new enterprises

fn new_enterprise(start: NaiveDate, evidence: StartEvidence) -> Enterprise {
    Enterprise {
        start: Some(BusinessStart {
            date: start,
            evidence,
        }),
        ..enterprise("e1")
    }
}

/// ESIF-GN-1-002 v5, C5 Verification evidence: registration less than 12 months before
/// support — 11 whole months counts.
#[test]
fn c5_registered_11_months_before_support_counts() {
    let e = new_enterprise(d(2019, 2, 10), StartEvidence::Registration);
    let f = facts(
        vec![e],
        vec![advice("s1", "e1", "org-a", d(2020, 1, 10), 1200)],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(counted(&r, IndicatorCode::C5), ["e1"]);
}

/// ESIF-GN-1-002 v5, C5: exactly 12 months before support is not "less than 12 months".
#[test]
fn c5_registered_12_months_before_support_is_near_miss() {
    let e = new_enterprise(d(2019, 1, 10), StartEvidence::Registration);
    let f = facts(
        vec![e],
        vec![advice("s1", "e1", "org-a", d(2020, 1, 10), 1200)],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert!(counted(&r, IndicatorCode::C5).is_empty());
    assert_eq!(counted(&r, IndicatorCode::C1), ["e1"]);
    assert_eq!(
        missing(&r, IndicatorCode::C5, "e1"),
        [Shortfall::NotNewEnterprise {
            months: 12,
            limit_months: 12
        }]
    );
}

/// The guidance version is fixed per project: v5 asks for Companies House / HMRC
/// registration as C5 evidence; a v4 project may rely on another trading record.
#[test]
fn c5_registration_evidence_required_from_v5_not_under_v4() {
    let e = new_enterprise(d(2019, 6, 1), StartEvidence::OtherTradingRecord);
    let f = facts(
        vec![e],
        vec![advice("s1", "e1", "org-a", d(2020, 1, 10), 1200)],
    );
    let v4 = erdf(&f, GuidanceVersion::V4, q1());
    assert_eq!(counted(&v4, IndicatorCode::C5), ["e1"]);
    let v5 = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(
        missing(&v5, IndicatorCode::C5, "e1"),
        [Shortfall::StartNotEvidencedByRegistration]
    );
    assert!(GuidanceVersion::V6.rules().c5_needs_registration_evidence);
    assert!(!GuidanceVersion::V3.rules().c5_needs_registration_evidence);
}

// ---------------------------------------------------------------------------------------
// Periods

/// Reporting periods include both ends: support on the first and on the last day counts,
/// and the threshold met on the last day counts in the period.
#[test]
fn period_boundaries_are_inclusive() {
    let f = facts(
        vec![enterprise("e1"), enterprise("e2")],
        vec![
            advice("s1", "e1", "org-a", d(2020, 1, 1), 600),
            advice("s2", "e1", "org-a", d(2020, 3, 31), 600),
            advice("s3", "e2", "org-a", d(2019, 12, 31), 600),
            advice("s4", "e2", "org-a", d(2020, 4, 1), 600),
        ],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    let entry = get(&r, IndicatorCode::C1)
        .entry("e1")
        .expect("counted on the last day");
    assert_eq!(entry.counted_on, d(2020, 3, 31));
    assert_eq!(entry.qualifying_ids, ["s1", "s2"]);
    // e2's support lies just outside Q1 on both sides: neither counted nor a near miss in Q1.
    assert!(get(&r, IndicatorCode::C1).near_miss("e2").is_none());
    assert!(get(&r, IndicatorCode::C1).entry("e2").is_none());
    // In Q2 e2 reaches 12 hours with the hours carried over from 2019.
    let r2 = erdf(&f, GuidanceVersion::V5, q2());
    assert_eq!(counted(&r2, IndicatorCode::C1), ["e2"]);
}

/// An enterprise counts once per indicator over the project: counted in Q1, it is listed as
/// counted before (not counted again) when supported again in Q2.
#[test]
fn enterprise_counted_in_earlier_period_is_not_counted_again() {
    let f = facts(
        vec![enterprise("e1")],
        vec![
            advice("s1", "e1", "org-a", d(2020, 2, 1), 1200),
            advice("s2", "e1", "org-b", d(2020, 5, 1), 1200),
        ],
    );
    let r = erdf(&f, GuidanceVersion::V5, q2());
    let c1 = get(&r, IndicatorCode::C1);
    assert!(c1.entries.is_empty());
    assert!(c1.near_misses.is_empty());
    assert_eq!(c1.counted_before_period, ["e1"]);
}

// ---------------------------------------------------------------------------------------
// C8 employment

fn employment_facts(figures: Vec<EmploymentFigure>, baseline_on: NaiveDate) -> ProjectFacts {
    ProjectFacts {
        baselines: vec![EmploymentBaseline {
            id: "b1".to_owned(),
            enterprise_id: "e1".to_owned(),
            set_on: baseline_on,
            fte_hundredths: 1000,
        }],
        employment: figures,
        ..facts(
            vec![enterprise("e1")],
            vec![advice("s1", "e1", "org-a", d(2020, 1, 10), 1200)],
        )
    }
}

fn figure(id: &str, as_of: NaiveDate, fte: u32, confirmed: bool) -> EmploymentFigure {
    EmploymentFigure {
        id: id.to_owned(),
        enterprise_id: "e1".to_owned(),
        as_of,
        fte_hundredths: fte,
        confirmed_in_writing: confirmed,
    }
}

/// ESIF-GN-1-002 v5, C8: an overall employment increase from the baseline set prior to
/// support, confirmed in writing — 10 FTE to 12.5 FTE is 2.5 FTE.
#[test]
fn c8_increase_over_baseline_confirmed_in_writing_counts_2_5_fte() {
    let f = employment_facts(
        vec![figure("f1", d(2020, 3, 31), 1250, true)],
        d(2020, 1, 5),
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    let entry = get(&r, IndicatorCode::C8).entry("e1").expect("counted");
    assert_eq!(entry.value, 250);
    assert_eq!(entry.qualifying_ids, ["b1", "f1"]);
    assert_eq!(IndicatorCode::C8.meta().unit, Unit::FteHundredths);
}

/// ESIF-GN-1-002 C8, Verification evidence: a figure not confirmed in writing does not count.
#[test]
fn c8_unconfirmed_figure_is_near_miss() {
    let f = employment_facts(
        vec![figure("f1", d(2020, 3, 31), 1250, false)],
        d(2020, 1, 5),
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(
        missing(&r, IndicatorCode::C8, "e1"),
        [Shortfall::NotConfirmedInWriting { figures: 1 }]
    );
}

/// ESIF-GN-1-002 v5, C8: the baseline must be set before support.
#[test]
fn c8_baseline_set_after_support_is_near_miss() {
    let f = employment_facts(
        vec![figure("f1", d(2020, 3, 31), 1250, true)],
        d(2020, 2, 1),
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(
        missing(&r, IndicatorCode::C8, "e1"),
        [Shortfall::BaselineAfterSupport {
            baseline_on: d(2020, 2, 1),
            first_support_on: d(2020, 1, 10)
        }]
    );
}

/// Jobs are reported once: Q1 reports 10 → 12.5 FTE, Q2's 13 FTE adds only 0.5 FTE.
#[test]
fn c8_second_period_reports_only_the_additional_rise() {
    let f = employment_facts(
        vec![
            figure("f1", d(2020, 3, 31), 1250, true),
            figure("f2", d(2020, 6, 30), 1300, true),
        ],
        d(2020, 1, 5),
    );
    let r = erdf(&f, GuidanceVersion::V5, q2());
    assert_eq!(
        get(&r, IndicatorCode::C8)
            .entry("e1")
            .expect("counted")
            .value,
        50
    );
}

// ---------------------------------------------------------------------------------------
// C26, C28, C29, P11, P13

/// ESIF-GN-1-002 C28/C29: an enterprise supported (C1) to introduce a product new to the
/// market counts under C28; new to the firm under C29; introduced before support, not at all.
#[test]
fn c28_c29_products_introduced_after_support_count() {
    let claim = |id: &str, enterprise: &str, novelty, introduced_on| InnovationClaim {
        id: id.to_owned(),
        enterprise_id: enterprise.to_owned(),
        novelty,
        kind: InnovationKind::Product,
        introduced_on,
        evidence_file_count: 1,
    };
    let f = ProjectFacts {
        innovations: vec![
            claim("i1", "e1", Novelty::NewToMarket, d(2020, 3, 1)),
            claim("i2", "e2", Novelty::NewToFirm, d(2020, 3, 1)),
            claim("i3", "e3", Novelty::NewToMarket, d(2020, 1, 5)),
        ],
        ..facts(
            vec![enterprise("e1"), enterprise("e2"), enterprise("e3")],
            vec![
                advice("s1", "e1", "org-a", d(2020, 1, 10), 1200),
                advice("s2", "e2", "org-a", d(2020, 1, 10), 1200),
                advice("s3", "e3", "org-a", d(2020, 1, 10), 1200),
            ],
        )
    };
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(counted(&r, IndicatorCode::C28), ["e1"]);
    assert_eq!(counted(&r, IndicatorCode::C29), ["e2"]);
    assert_eq!(
        missing(&r, IndicatorCode::C28, "e3"),
        [Shortfall::InnovationBeforeSupport {
            introduced_on: d(2020, 1, 5),
            first_support_on: d(2020, 1, 10)
        }]
    );
    assert_eq!(
        get(&r, IndicatorCode::C28)
            .entry("e1")
            .expect("counted")
            .qualifying_ids,
        ["s1", "i1"]
    );
}

/// ESIF-GN-1-002 C26: cooperation with a research entity counts for a supported enterprise;
/// for one without enough support it is a near miss pointing at C1.
#[test]
fn c26_research_cooperation_counts_on_top_of_c1() {
    let coop = |id: &str, enterprise: &str| ResearchCooperation {
        id: id.to_owned(),
        enterprise_id: enterprise.to_owned(),
        research_entity_id: "uni-1".to_owned(),
        date: d(2020, 2, 1),
        evidence_file_count: 1,
    };
    let f = ProjectFacts {
        research_cooperation: vec![coop("r1", "e1"), coop("r2", "e2")],
        ..facts(
            vec![enterprise("e1"), enterprise("e2")],
            vec![
                advice("s1", "e1", "org-a", d(2020, 1, 10), 1200),
                advice("s2", "e2", "org-a", d(2020, 1, 10), 300),
            ],
        )
    };
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(counted(&r, IndicatorCode::C26), ["e1"]);
    assert_eq!(
        missing(&r, IndicatorCode::C26, "e2"),
        [Shortfall::NotCountedUnder {
            code: IndicatorCode::C1
        }]
    );
}

/// ESIF-GN-1-002 P11: a potential entrepreneur with 12 hours of support counts under P11 and
/// never as an enterprise under C1.
#[test]
fn p11_potential_entrepreneur_counts_under_p11_only() {
    let person = Enterprise {
        start: None,
        sme_declaration: None,
        nace: None,
        potential_entrepreneur: true,
        ..enterprise("p1")
    };
    let f = facts(
        vec![person],
        vec![advice("s1", "p1", "org-a", d(2020, 1, 10), 1200)],
    );
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(counted(&r, IndicatorCode::P11), ["p1"]);
    assert!(counted(&r, IndicatorCode::C1).is_empty());
    assert!(get(&r, IndicatorCode::C1).near_misses.is_empty());
}

/// ESIF-GN-1-002 P13: information, diagnostic and brokerage support (a diagnostic) counts
/// under P13 at the project's P13 minimum, though far below the C1 threshold.
#[test]
fn p13_diagnostic_counts_below_c1_threshold() {
    let diagnostic = SupportRecord {
        activity: ActivityType::Diagnostic,
        ..advice("s1", "e1", "org-a", d(2020, 1, 10), 200)
    };
    let f = facts(vec![enterprise("e1")], vec![diagnostic]);
    let r = erdf(&f, GuidanceVersion::V5, q1());
    assert_eq!(counted(&r, IndicatorCode::P13), ["e1"]);
    assert_eq!(
        missing(&r, IndicatorCode::C1, "e1"),
        [Shortfall::HoursShort {
            have_hundredths: 200,
            need_hundredths: 1200
        }]
    );
}

// ---------------------------------------------------------------------------------------
// EU 2021–27, Reg. (EU) 2021/1058 Annex I

/// Annex I RCO01 "Enterprises supported (of which: micro, small, medium, large)": one entry
/// per enterprise with its declared size; the parts add up to the total.
#[test]
fn rco01_splits_by_declared_size_annex_i() {
    let sized = |id: &str, size| Enterprise {
        sme_declaration: Some(SmeDeclaration {
            size,
            declared_on: d(2020, 1, 2),
        }),
        ..enterprise(id)
    };
    let f = facts(
        vec![
            sized("e1", Category::Micro),
            sized("e2", Category::Small),
            sized("e3", Category::Small),
            sized("e4", Category::Medium),
            sized("e5", Category::Large),
        ],
        vec![
            advice("s1", "e1", "org-a", d(2020, 1, 10), 100),
            grant("g2", "e2", d(2020, 1, 10), 100_000),
            advice("s3", "e3", "org-a", d(2020, 1, 10), 100),
            loan("l4", "e4", d(2020, 1, 10), 100_000),
            advice("s5", "e5", "org-a", d(2020, 1, 10), 100),
        ],
    );
    let r = eu(&f, q1());
    let rco01 = get(&r, IndicatorCode::Rco01);
    assert_eq!(rco01.total(), 5);
    assert_eq!(
        rco01.part_totals(),
        [
            PartValue {
                part: Part::Micro,
                value: 1
            },
            PartValue {
                part: Part::Small,
                value: 2
            },
            PartValue {
                part: Part::Medium,
                value: 1
            },
            PartValue {
                part: Part::Large,
                value: 1
            },
        ]
    );
    assert_eq!(counted(&r, IndicatorCode::Rco02), ["e2"]);
    assert_eq!(counted(&r, IndicatorCode::Rco03), ["e4"]);
    assert_eq!(counted(&r, IndicatorCode::Rco04), ["e1", "e3", "e5"]);
}

/// RCO05 new enterprises: within the project's window (36 months by default) before support.
#[test]
fn rco05_new_enterprise_within_36_months() {
    let young = new_enterprise(d(2017, 2, 10), StartEvidence::OtherTradingRecord);
    let old = Enterprise {
        start: Some(BusinessStart {
            date: d(2017, 1, 10),
            evidence: StartEvidence::Registration,
        }),
        ..enterprise("e2")
    };
    let f = facts(
        vec![young, old],
        vec![
            advice("s1", "e1", "org-a", d(2020, 1, 10), 100),
            advice("s2", "e2", "org-a", d(2020, 1, 10), 100),
        ],
    );
    let r = eu(&f, q1());
    assert_eq!(counted(&r, IndicatorCode::Rco05), ["e1"]);
    assert_eq!(
        missing(&r, IndicatorCode::Rco05, "e2"),
        [Shortfall::NotNewEnterprise {
            months: 36,
            limit_months: 36
        }]
    );
}

/// RCR01 jobs created in supported entities (annual FTEs): the Regulation asks no written
/// confirmation, so the EU default counts an unconfirmed figure.
#[test]
fn rcr01_jobs_created_over_baseline() {
    let f = employment_facts(
        vec![figure("f1", d(2020, 3, 31), 1100, false)],
        d(2020, 1, 5),
    );
    let r = eu(&f, q1());
    assert_eq!(get(&r, IndicatorCode::Rcr01).total(), 100);
}

/// RCR02 private investments matching public support (of which: grants, financial
/// instruments): evidenced amounts by enterprises counted under RCO02 / RCO03.
#[test]
fn rcr02_private_investment_splits_grants_and_instruments() {
    let invest = |id: &str, amount, matches, evidence| PrivateInvestment {
        id: id.to_owned(),
        enterprise_id: "e1".to_owned(),
        date: d(2020, 2, 1),
        amount_minor: amount,
        matches,
        evidence_file_count: evidence,
    };
    let f = ProjectFacts {
        private_investment: vec![
            invest("p1", 1_000_000, MatchedSupport::Grant, 1),
            invest("p2", 250_000, MatchedSupport::Grant, 0),
            invest("p3", 400_000, MatchedSupport::FinancialInstrument, 1),
        ],
        ..facts(
            vec![enterprise("e1")],
            vec![grant("g1", "e1", d(2020, 1, 10), 500_000)],
        )
    };
    let r = eu(&f, q1());
    let rcr02 = get(&r, IndicatorCode::Rcr02);
    assert_eq!(rcr02.total(), 1_000_000);
    assert_eq!(
        rcr02.entries[0].parts,
        [PartValue {
            part: Part::Grants,
            value: 1_000_000
        }]
    );
    let near = rcr02.near_miss("e1").expect("uncounted investments");
    assert_eq!(
        near.missing,
        [
            Shortfall::NotCountedUnder {
                code: IndicatorCode::Rco03
            },
            Shortfall::NoEvidence { records: 1 }
        ]
    );
    assert_eq!(near.fact_ids, ["p2", "p3"]);
    assert_eq!(IndicatorCode::Rcr02.meta().unit, Unit::MoneyMinor);
}

/// RCR03 "SMEs introducing product or process innovation": a supported small enterprise with
/// a process innovation counts; a large one does not.
#[test]
fn rcr03_counts_smes_only() {
    let claim = |id: &str, enterprise: &str| InnovationClaim {
        id: id.to_owned(),
        enterprise_id: enterprise.to_owned(),
        novelty: Novelty::NewToFirm,
        kind: InnovationKind::Process,
        introduced_on: d(2020, 3, 1),
        evidence_file_count: 1,
    };
    let large = Enterprise {
        sme_declaration: Some(SmeDeclaration {
            size: Category::Large,
            declared_on: d(2020, 1, 2),
        }),
        ..enterprise("e2")
    };
    let f = ProjectFacts {
        innovations: vec![claim("i1", "e1"), claim("i2", "e2")],
        ..facts(
            vec![enterprise("e1"), large],
            vec![
                advice("s1", "e1", "org-a", d(2020, 1, 10), 100),
                advice("s2", "e2", "org-a", d(2020, 1, 10), 100),
            ],
        )
    };
    let r = eu(&f, q1());
    assert_eq!(counted(&r, IndicatorCode::Rcr03), ["e1"]);
    assert_eq!(
        missing(&r, IndicatorCode::Rcr03, "e2"),
        [Shortfall::NotAnSme {
            size: Category::Large
        }]
    );
}

// ---------------------------------------------------------------------------------------
// Interreg RCO87

/// Annex I RCO87 "Organisations cooperating across borders": each organisation counts once,
/// however many cross-border links it has.
#[test]
fn rco87_counts_each_organisation_once_across_links() {
    let f = ProjectFacts {
        cooperation_links: vec![
            link(
                "k1",
                LinkKind::PartnershipAgreement,
                d(2020, 1, 10),
                ("o-uk", "GB"),
                ("o-de", "DE"),
            ),
            link(
                "k2",
                LinkKind::HeldB2bMeeting,
                d(2020, 2, 10),
                ("o-uk", "GB"),
                ("o-fr", "FR"),
            ),
            link(
                "k3",
                LinkKind::HeldB2bMeeting,
                d(2020, 3, 10),
                ("o-de", "de"),
                ("o-fr", "FR"),
            ),
        ],
        ..ProjectFacts::default()
    };
    let r = evaluate(
        &f,
        &ProjectSettings::eu_2021_27(),
        Rulebook::Interreg2021,
        q1(),
    )
    .expect("valid");
    let rco87 = get(&r, IndicatorCode::Rco87);
    assert_eq!(counted(&r, IndicatorCode::Rco87), ["o-de", "o-fr", "o-uk"]);
    assert_eq!(rco87.total(), 3);
    assert_eq!(rco87.entry("o-uk").expect("counted").qualifying_ids, ["k1"]);
    assert_eq!(IndicatorCode::Rco87.meta().unit, Unit::Organisations);
}

/// RCO87 is about cooperation *across borders*: a link within one country does not count.
#[test]
fn rco87_same_country_link_is_near_miss() {
    let f = ProjectFacts {
        cooperation_links: vec![link(
            "k1",
            LinkKind::PartnershipAgreement,
            d(2020, 1, 10),
            ("o-a", "DE"),
            ("o-b", "de"),
        )],
        ..ProjectFacts::default()
    };
    let r = evaluate(
        &f,
        &ProjectSettings::eu_2021_27(),
        Rulebook::Interreg2021,
        q1(),
    )
    .expect("valid");
    assert_eq!(
        missing(&r, IndicatorCode::Rco87, "o-a"),
        [Shortfall::SameCountry {
            country: "DE".to_owned()
        }]
    );
}

/// A programme reading "cooperating formally" strictly counts partnership agreements only.
#[test]
fn rco87_meetings_not_counted_when_the_project_says_so() {
    let f = ProjectFacts {
        cooperation_links: vec![link(
            "k1",
            LinkKind::HeldB2bMeeting,
            d(2020, 1, 10),
            ("o-a", "DE"),
            ("o-b", "AT"),
        )],
        ..ProjectFacts::default()
    };
    let settings = ProjectSettings {
        rco87_counts_b2b_meetings: false,
        ..ProjectSettings::eu_2021_27()
    };
    let r = evaluate(&f, &settings, Rulebook::Interreg2021, q1()).expect("valid");
    assert_eq!(
        missing(&r, IndicatorCode::Rco87, "o-b"),
        [Shortfall::MeetingsNotCounted { meetings: 1 }]
    );
}

/// An agreement is cooperation once both parties stand by it: one recorded by the profile owner
/// and not yet confirmed by the partner abroad counts for neither and is their near miss; once
/// confirmed (a second link, the same day) both count.
#[test]
fn rco87_an_unconfirmed_agreement_is_a_near_miss_until_the_partner_confirms() {
    let pending = link(
        "k1",
        LinkKind::UnconfirmedAgreement,
        d(2020, 2, 3),
        ("o-gb", "GB"),
        ("o-de", "DE"),
    );
    let f = ProjectFacts {
        cooperation_links: vec![pending.clone()],
        ..ProjectFacts::default()
    };
    let settings = ProjectSettings::eu_2021_27();
    let r = evaluate(&f, &settings, Rulebook::Interreg2021, q1()).expect("valid");
    assert_eq!(get(&r, IndicatorCode::Rco87).total(), 0);
    for org in ["o-gb", "o-de"] {
        assert_eq!(
            missing(&r, IndicatorCode::Rco87, org),
            [Shortfall::AgreementsNotConfirmed { agreements: 1 }]
        );
    }

    let confirmed = CooperationLink {
        kind: LinkKind::PartnershipAgreement,
        ..pending
    };
    let f = ProjectFacts {
        cooperation_links: vec![confirmed],
        ..ProjectFacts::default()
    };
    let r = evaluate(&f, &settings, Rulebook::Interreg2021, q1()).expect("valid");
    assert_eq!(get(&r, IndicatorCode::Rco87).total(), 2);
}

// ---------------------------------------------------------------------------------------
// Input errors and output shape

#[test]
fn bad_input_is_an_error_naming_the_field() {
    let f = facts(
        vec![enterprise("e1")],
        vec![advice("s1", "nobody", "org-a", d(2020, 1, 10), 100)],
    );
    let rulebook = Rulebook::Erdf2014England {
        version: GuidanceVersion::V5,
    };
    let settings = ProjectSettings::erdf_2014_20();
    assert_eq!(
        evaluate(&f, &settings, rulebook, q1()),
        Err(FactsError::UnknownEnterprise {
            field: "support",
            id: "s1".to_owned(),
            enterprise_id: "nobody".to_owned()
        })
    );
    let f = facts(
        vec![enterprise("e1")],
        vec![grant("g1", "e1", d(2020, 1, 10), 0)],
    );
    assert!(matches!(
        evaluate(&f, &settings, rulebook, q1()),
        Err(FactsError::BadAmount {
            field: "grant_amount_minor",
            ..
        })
    ));
    let reversed = ReportingPeriod {
        from: d(2020, 3, 31),
        to: d(2020, 1, 1),
    };
    assert!(matches!(
        evaluate(&ProjectFacts::default(), &settings, rulebook, reversed),
        Err(FactsError::PeriodReversed { .. })
    ));
}

/// Near misses are language-neutral data: the UI words "9.5 of 12 hours" itself.
#[test]
fn near_miss_serialises_as_language_neutral_data() {
    let json = serde_json::to_value(Shortfall::HoursShort {
        have_hundredths: 950,
        need_hundredths: 1200,
    })
    .expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({"kind": "hours_short", "have_hundredths": 950, "need_hundredths": 1200})
    );
    let json = serde_json::to_value(Shortfall::NotNewEnterprise {
        months: 12,
        limit_months: 12,
    })
    .expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({"kind": "not_new_enterprise", "months": 12, "limit_months": 12})
    );
}

#[test]
fn catalogue_lists_each_rulebook_in_order() {
    use tandem_rules::indicators::{RulebookFamily, codes_of};
    assert_eq!(codes_of(RulebookFamily::Erdf2014England).len(), 11);
    assert_eq!(codes_of(RulebookFamily::Eu2021).len(), 8);
    assert_eq!(
        codes_of(RulebookFamily::Interreg2021),
        [IndicatorCode::Rco87]
    );
    assert_eq!(IndicatorCode::from_key("RCO01"), Some(IndicatorCode::Rco01));
    assert_eq!(IndicatorCode::C5.key(), "C5");
}

/// Reg. (EU) 2021/1058 sets no minimum of hours for RCO04, so an unevidenced record is a near
/// miss for its evidence alone, not for "0 of 0 hours".
#[test]
fn rco04_without_evidence_is_near_miss_for_evidence_only() {
    let mut unevidenced = advice("s1", "e1", "org-a", d(2020, 1, 10), 100);
    unevidenced.evidence_file_count = 0;
    let f = facts(vec![enterprise("e1")], vec![unevidenced]);
    let r = eu(&f, q1());
    assert_eq!(
        missing(&r, IndicatorCode::Rco04, "e1"),
        [Shortfall::NoEvidence { records: 1 }]
    );
}
