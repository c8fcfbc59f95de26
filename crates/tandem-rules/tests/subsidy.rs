//! Worked examples for the subsidy ledgers: EU de minimis (Reg. (EU) 2023/2831, Reg. (EU)
//! No 1407/2013) and UK Minimal Financial Assistance (Subsidy Control Act 2022 ss.36–37), each
//! named after its case and citing its article or section; ceilings are tested exactly at the
//! limit and one minor unit over.

use chrono::NaiveDate;
use tandem_rules::subsidy::*;

/// One euro in cents, or one pound in pence.
const UNIT: i64 = 100;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn own(id: &str, enterprise: &str, granted_on: NaiveDate, amount: Money) -> AidRecord {
    AidRecord {
        id: id.to_owned(),
        enterprise_id: enterprise.to_owned(),
        granted_on,
        amount,
        rate: None,
        source: RecordSource::OwnRecord,
    }
}

fn declared(id: &str, enterprise: &str, granted_on: NaiveDate, amount: Money) -> AidRecord {
    AidRecord {
        source: RecordSource::DeclaredByRecipient {
            grantor: "Sächsische Aufbaubank".to_owned(),
        },
        ..own(id, enterprise, granted_on, amount)
    }
}

fn input(
    country: &str,
    granted_on: NaiveDate,
    amount: Money,
    records: Vec<AidRecord>,
) -> LedgerInput {
    LedgerInput {
        country: country.to_owned(),
        proposed: ProposedAid {
            enterprise_id: "applicant".to_owned(),
            granted_on,
            amount,
            rate: None,
        },
        records,
        links: Vec::new(),
        settings: CheckSettings::default(),
    }
}

fn check(input: &LedgerInput) -> LedgerCheck {
    check_aid(input).expect("valid input")
}

fn link(controller: &str, controlled: &str, relation: ControlRelation) -> ControlLink {
    ControlLink {
        controller: controller.to_owned(),
        controlled: controlled.to_owned(),
        relation,
    }
}

// --- Reg. (EU) 2023/2831: rolling three years -------------------------------------------------

/// Art. 3(2), recital 11: for a grant on 9 January 2027 the three years run from 10 January
/// 2024, so aid of 10 January 2024 still counts.
#[test]
fn de_minimis_2023_art_3_2_rolling_three_years_keeps_aid_of_2024_01_10_on_2027_01_09() {
    let records = vec![own(
        "r1",
        "applicant",
        date(2024, 1, 10),
        Money::eur(250_000 * UNIT),
    )];
    let result = check(&input(
        "DE",
        date(2027, 1, 9),
        Money::eur(60_000 * UNIT),
        records,
    ));
    assert_eq!(result.regime, Regime::DeMinimis2023);
    assert_eq!(
        result.window,
        AidWindow {
            from: date(2024, 1, 10),
            to: date(2027, 1, 9)
        }
    );
    assert_eq!(result.used_minor_units, 250_000 * UNIT);
    assert!(result.would_exceed);
}

/// Art. 3(2), recital 11: on 10 January 2027 the window starts on 11 January 2024; aid of
/// 10 January 2024 has dropped out (convention: the grant day is the window's last day).
#[test]
fn de_minimis_2023_art_3_2_rolling_three_years_drops_aid_of_2024_01_10_on_2027_01_10() {
    let records = vec![own(
        "r1",
        "applicant",
        date(2024, 1, 10),
        Money::eur(250_000 * UNIT),
    )];
    let result = check(&input(
        "DE",
        date(2027, 1, 10),
        Money::eur(60_000 * UNIT),
        records,
    ));
    assert_eq!(
        result.window,
        AidWindow {
            from: date(2024, 1, 11),
            to: date(2027, 1, 10)
        }
    );
    assert!(result.contributions.is_empty());
    assert_eq!(result.used_minor_units, 0);
    assert!(!result.would_exceed);
}

/// Art. 3(2): "any period of three years" ignores calendar and fiscal years — aid on both sides
/// of a New Year counts together.
#[test]
fn de_minimis_2023_art_3_2_window_crosses_the_year_boundary() {
    let records = vec![
        own(
            "dec",
            "applicant",
            date(2025, 12, 31),
            Money::eur(100_000 * UNIT),
        ),
        own(
            "jan",
            "applicant",
            date(2026, 1, 1),
            Money::eur(100_000 * UNIT),
        ),
    ];
    let result = check(&input(
        "FR",
        date(2026, 2, 1),
        Money::eur(100_000 * UNIT),
        records,
    ));
    assert_eq!(result.used_minor_units, 200_000 * UNIT);
    assert_eq!(result.total_with_proposed_minor_units, 300_000 * UNIT);
    let ids: Vec<_> = result
        .contributions
        .iter()
        .map(|c| c.record_id.as_str())
        .collect();
    assert_eq!(ids, ["dec", "jan"]);
}

/// Art. 3(2) and 3(7): a total of exactly €300,000 does not exceed the ceiling.
#[test]
fn de_minimis_2023_art_3_7_exactly_300000_euro_is_allowed() {
    let records = vec![own(
        "r1",
        "applicant",
        date(2024, 6, 1),
        Money::eur(200_000 * UNIT),
    )];
    let result = check(&input(
        "DE",
        date(2025, 6, 1),
        Money::eur(100_000 * UNIT),
        records,
    ));
    assert_eq!(result.ceiling_minor_units, DE_MINIMIS_2023_CEILING_CENTS);
    assert_eq!(result.headroom_minor_units, 100_000 * UNIT);
    assert!(!result.would_exceed);
    assert_eq!(result.warning, WarningLevel::NearCeiling);
}

/// Art. 3(7): one cent over and none of the new aid may benefit from the Regulation.
#[test]
fn de_minimis_2023_art_3_7_one_cent_over_is_refused() {
    let records = vec![own(
        "r1",
        "applicant",
        date(2024, 6, 1),
        Money::eur(200_000 * UNIT),
    )];
    let result = check(&input(
        "DE",
        date(2025, 6, 1),
        Money::eur(100_000 * UNIT + 1),
        records,
    ));
    assert!(result.would_exceed);
    assert_eq!(result.warning, WarningLevel::OverCeiling);
    assert_eq!(result.total_with_proposed_minor_units, 30_000_001);
}

/// Art. 3(2) counted back from 29 February: the window starts the day after the clamped
/// date three years earlier (28 February), i.e. on 1 March.
#[test]
fn de_minimis_2023_art_3_2_window_from_a_leap_day() {
    let window = de_minimis_2023_window(date(2028, 2, 29)).expect("valid date");
    assert_eq!(window.from, date(2025, 3, 1));
    assert_eq!(window.to, date(2028, 2, 29));
}

/// Art. 3(4) and the entry into force of 2023/2831 on 1 January 2024: the grant date picks
/// the Regulation, and with it the ceiling.
#[test]
fn de_minimis_regime_by_grant_date_31_december_2023_vs_1_january_2024() {
    let before = check(&input("IT", date(2023, 12, 31), Money::eur(UNIT), vec![]));
    let after = check(&input("IT", date(2024, 1, 1), Money::eur(UNIT), vec![]));
    assert_eq!(before.regime, Regime::DeMinimis2013);
    assert_eq!(before.ceiling_minor_units, 200_000 * UNIT);
    assert_eq!(after.regime, Regime::DeMinimis2023);
    assert_eq!(after.ceiling_minor_units, 300_000 * UNIT);
}

/// Art. 3(2) of 2023/2831: aid granted under 1407/2013 in the previous three years counts
/// towards the €300,000 of a grant in 2024.
#[test]
fn de_minimis_2023_art_3_2_counts_aid_granted_under_1407_2013() {
    let records = vec![own(
        "old",
        "applicant",
        date(2022, 3, 1),
        Money::eur(190_000 * UNIT),
    )];
    let result = check(&input(
        "AT",
        date(2024, 3, 1),
        Money::eur(110_000 * UNIT),
        records,
    ));
    assert_eq!(result.used_minor_units, 190_000 * UNIT);
    assert!(!result.would_exceed);
}

// --- Reg. (EU) No 1407/2013: three fiscal years ------------------------------------------------

/// Art. 3(2), recital 10: aid granted on 15 June 2023 by an undertaking on the calendar year
/// counts 2021, 2022 and 2023 up to the grant date; aid of 31 December 2020 does not count.
#[test]
fn de_minimis_2013_art_3_2_fiscal_year_window_for_aid_granted_in_2023() {
    let records = vec![
        own(
            "2020",
            "applicant",
            date(2020, 12, 31),
            Money::eur(150_000 * UNIT),
        ),
        own(
            "2021",
            "applicant",
            date(2021, 1, 1),
            Money::eur(50_000 * UNIT),
        ),
    ];
    let result = check(&input(
        "NL",
        date(2023, 6, 15),
        Money::eur(150_000 * UNIT),
        records,
    ));
    assert_eq!(result.regime, Regime::DeMinimis2013);
    assert_eq!(
        result.window,
        AidWindow {
            from: date(2021, 1, 1),
            to: date(2023, 6, 15)
        }
    );
    assert_eq!(result.used_minor_units, 50_000 * UNIT);
    // 50,000 + 150,000 = exactly €200,000: allowed.
    assert!(!result.would_exceed);
}

/// Art. 3(2), 3(7): €200,000 exactly is allowed, one cent more is refused.
#[test]
fn de_minimis_2013_art_3_7_one_cent_over_200000_is_refused() {
    let records = vec![own(
        "r1",
        "applicant",
        date(2022, 5, 1),
        Money::eur(120_000 * UNIT),
    )];
    let at = check(&input(
        "BE",
        date(2023, 5, 1),
        Money::eur(80_000 * UNIT),
        records.clone(),
    ));
    let over = check(&input(
        "BE",
        date(2023, 5, 1),
        Money::eur(80_000 * UNIT + 1),
        records,
    ));
    assert!(!at.would_exceed);
    assert!(over.would_exceed);
}

/// Recital 10: the fiscal years are the undertaking's own; with a year starting 1 July, aid
/// granted on 15 June 2023 falls in the year from 1 July 2022, so the window opens on
/// 1 July 2020.
#[test]
fn de_minimis_2013_recital_10_fiscal_year_starting_1_july() {
    let mut ledger = input(
        "IE",
        date(2023, 6, 15),
        Money::eur(UNIT),
        vec![
            own("in", "applicant", date(2020, 7, 1), Money::eur(UNIT)),
            own("out", "applicant", date(2020, 6, 30), Money::eur(UNIT)),
        ],
    );
    ledger.settings.fiscal_year_start = YearStart { month: 7, day: 1 };
    let result = check(&ledger);
    assert_eq!(result.window.from, date(2020, 7, 1));
    let ids: Vec<_> = result
        .contributions
        .iter()
        .map(|c| c.record_id.as_str())
        .collect();
    assert_eq!(ids, ["in"]);
}

/// A fiscal year cannot start on 29 February: it would not recur.
#[test]
fn de_minimis_2013_fiscal_year_start_on_29_february_is_refused() {
    let mut ledger = input("IE", date(2023, 6, 15), Money::eur(UNIT), vec![]);
    ledger.settings.fiscal_year_start = YearStart { month: 2, day: 29 };
    assert!(matches!(
        check_aid(&ledger),
        Err(SubsidyError::InvalidFiscalYearStart {
            field: "settings.fiscal_year_start",
            ..
        })
    ));
}

// --- Subsidy Control Act 2022 ss.36–37 -------------------------------------------------------

/// s.36(2), (7): MFA given on 31 March 2026 belongs to financial year 2025/26, so the period
/// opens on 1 April 2023; given on 1 April 2026 it belongs to 2026/27 and opens on 1 April 2024.
#[test]
fn mfa_s36_2_financial_year_boundary_31_march_vs_1_april() {
    let records = vec![
        own(
            "a",
            "applicant",
            date(2023, 4, 1),
            Money::gbp(100_000 * UNIT),
        ),
        own(
            "b",
            "applicant",
            date(2024, 3, 31),
            Money::gbp(100_000 * UNIT),
        ),
        own(
            "c",
            "applicant",
            date(2024, 4, 1),
            Money::gbp(100_000 * UNIT),
        ),
    ];
    let on_31_march = check(&input(
        "GB",
        date(2026, 3, 31),
        Money::gbp(15_000 * UNIT),
        records.clone(),
    ));
    assert_eq!(
        on_31_march.family,
        LedgerFamily::UkMinimalFinancialAssistance
    );
    assert_eq!(
        on_31_march.window,
        AidWindow {
            from: date(2023, 4, 1),
            to: date(2026, 3, 31)
        }
    );
    assert_eq!(on_31_march.used_minor_units, 300_000 * UNIT);
    assert!(
        !on_31_march.would_exceed,
        "£315,000 exactly does not exceed s.36(1)"
    );

    let on_1_april = check(&input(
        "GB",
        date(2026, 4, 1),
        Money::gbp(15_000 * UNIT),
        records,
    ));
    assert_eq!(on_1_april.window.from, date(2024, 4, 1));
    assert_eq!(on_1_april.used_minor_units, 100_000 * UNIT);
}

/// s.36(1): "does not exceed £315,000" — exactly at the threshold is allowed, a penny over is
/// not.
#[test]
fn mfa_s36_1_exactly_315000_allowed_one_penny_over_refused() {
    let records = vec![own(
        "r1",
        "applicant",
        date(2024, 5, 1),
        Money::gbp(300_000 * UNIT),
    )];
    let at = check(&input(
        "UK",
        date(2025, 5, 1),
        Money::gbp(15_000 * UNIT),
        records.clone(),
    ));
    let over = check(&input(
        "UK",
        date(2025, 5, 1),
        Money::gbp(15_000 * UNIT + 1),
        records,
    ));
    assert_eq!(at.ceiling_minor_units, 31_500_000);
    assert_eq!(at.currency, LedgerCurrency::Gbp);
    assert!(!at.would_exceed);
    assert!(over.would_exceed);
}

/// s.36(1) threshold table; MFA did not exist before Part 3 came into force on 4 January 2023.
#[test]
fn mfa_s36_1_threshold_from_4_january_2023_only() {
    assert_eq!(mfa_threshold_pence(date(2023, 1, 4)), Ok(31_500_000));
    assert!(matches!(
        check_aid(&input("GB", date(2023, 1, 3), Money::gbp(UNIT), vec![])),
        Err(SubsidyError::GrantDateNotCovered {
            field: "proposed.granted_on",
            ..
        })
    ));
}

/// s.37(1)–(3) and s.36(4): the notification's content, as keys and values.
#[test]
fn mfa_s37_2_notification_states_amount_threshold_and_period() {
    let notice = mfa_notification("brum-sme", date(2025, 9, 1), 150_000 * UNIT).expect("valid");
    assert_eq!(notice.threshold_pence, 31_500_000);
    assert_eq!(
        notice.applicable_period,
        AidWindow {
            from: date(2023, 4, 1),
            to: date(2025, 9, 1)
        }
    );
    assert!(notice.transparency_applies, "over £100,000: s.36(4)");
    assert_eq!(
        notice.statements[..4],
        [
            MfaStatementKey::ProposesMinimalFinancialAssistance,
            MfaStatementKey::GrossValueAmount,
            MfaStatementKey::RequestsConfirmationThresholdNotExceeded,
            MfaStatementKey::GivenOnlyAfterConfirmation,
        ]
    );
    assert!(
        notice
            .statements
            .contains(&MfaStatementKey::TransparencyApplies)
    );
}

/// s.36(4): at exactly £100,000 the transparency requirements stay disapplied.
#[test]
fn mfa_s36_4_transparency_not_at_exactly_100000() {
    let notice = mfa_notification("brum-sme", date(2025, 9, 1), 100_000 * UNIT).expect("valid");
    assert!(!notice.transparency_applies);
    assert!(
        !notice
            .statements
            .contains(&MfaStatementKey::TransparencyApplies)
    );
}

/// s.37(5)–(7): the confirmation, and the record kept for three years beginning with the date
/// given.
#[test]
fn mfa_s37_5_confirmation_and_three_year_record() {
    let confirmation = mfa_confirmation("brum-sme", date(2025, 9, 1), 5_000 * UNIT).expect("valid");
    assert_eq!(confirmation.keep_record_until, date(2028, 8, 31));
    assert_eq!(
        confirmation.statements,
        [
            MfaStatementKey::GivenAsMinimalFinancialAssistance,
            MfaStatementKey::DateGiven,
            MfaStatementKey::GrossValueAmount,
            MfaStatementKey::RecipientMustKeepRecord,
        ]
    );
}

// --- Which ledger ---------------------------------------------------------------------------

/// A Birmingham SME and a Leipzig SME fall under different ledgers.
#[test]
fn birmingham_and_leipzig_smes_fall_under_different_ledgers() {
    assert_eq!(
        ledger_for_country("GB"),
        Ok(LedgerFamily::UkMinimalFinancialAssistance)
    );
    assert_eq!(ledger_for_country("de"), Ok(LedgerFamily::EuDeMinimis));
    assert_eq!(ledger_for_country("EL"), Ok(LedgerFamily::EuDeMinimis));
}

/// A country with no modelled ledger and a malformed code are refused, naming `country`.
#[test]
fn unknown_country_is_refused_naming_the_field() {
    assert_eq!(
        ledger_for_country("US"),
        Err(SubsidyError::NoLedgerForCountry {
            field: "country",
            country: "US".to_owned()
        })
    );
    assert!(matches!(
        ledger_for_country("Germany"),
        Err(SubsidyError::InvalidCountryCode {
            field: "country",
            ..
        })
    ));
}

// --- Single undertaking ---------------------------------------------------------------------

/// Art. 2(2), last subparagraph: Holding controls Mid (majority of voting rights), Mid controls
/// the applicant (appoints the board) — a chain of two links makes one single undertaking, and
/// the holding's aid counts.
#[test]
fn single_undertaking_art_2_2_through_a_chain_of_two_control_links() {
    let mut ledger = input(
        "DE",
        date(2025, 3, 1),
        Money::eur(100_000 * UNIT),
        vec![
            own("h", "holding", date(2024, 3, 1), Money::eur(150_000 * UNIT)),
            own("m", "mid", date(2024, 9, 1), Money::eur(50_000 * UNIT)),
            own(
                "x",
                "stranger",
                date(2024, 9, 1),
                Money::eur(250_000 * UNIT),
            ),
        ],
    );
    ledger.links = vec![
        link("holding", "mid", ControlRelation::MajorityOfVotingRights),
        link("mid", "applicant", ControlRelation::AppointsMajorityOfBoard),
    ];
    let result = check(&ledger);
    assert_eq!(result.single_undertaking, ["applicant", "holding", "mid"]);
    assert_eq!(result.used_minor_units, 200_000 * UNIT);
    assert_eq!(result.total_with_proposed_minor_units, 300_000 * UNIT);
    assert!(!result.would_exceed);
}

/// Art. 2(2) knows four relations; the wider "material influence" of s.8(2) Subsidy Control Act
/// 2022 joins enterprises in the UK ledger only.
#[test]
fn single_undertaking_material_influence_counts_only_in_the_uk_ledger() {
    let links = [link(
        "investor",
        "applicant",
        ControlRelation::MaterialInfluence,
    )];
    let eu = single_undertaking("applicant", &links, LedgerFamily::EuDeMinimis).expect("valid");
    let uk = single_undertaking(
        "applicant",
        &links,
        LedgerFamily::UkMinimalFinancialAssistance,
    )
    .expect("valid");
    assert_eq!(eu.len(), 1);
    assert_eq!(uk.len(), 2);
}

/// A link from an enterprise to itself is bad input.
#[test]
fn single_undertaking_self_link_is_refused() {
    let links = [link(
        "a",
        "a",
        ControlRelation::DominantInfluenceByContractOrArticles,
    )];
    assert_eq!(
        single_undertaking("a", &links, LedgerFamily::EuDeMinimis),
        Err(SubsidyError::SelfLink {
            field: "links[]",
            enterprise: "a".to_owned()
        })
    );
}

// --- Declarations, currency, market value ------------------------------------------------------

/// Declarations of aid from other grantors count like own records (de minimis: the
/// undertaking's declaration of other de minimis aid; s.36(1): all MFA "given to the
/// enterprise").
#[test]
fn declarations_from_other_grantors_count_like_own_records() {
    let records = vec![
        own(
            "own",
            "applicant",
            date(2024, 2, 1),
            Money::eur(100_000 * UNIT),
        ),
        declared(
            "decl",
            "applicant",
            date(2025, 2, 1),
            Money::eur(150_000 * UNIT),
        ),
    ];
    let result = check(&input(
        "DE",
        date(2025, 6, 1),
        Money::eur(60_000 * UNIT),
        records,
    ));
    assert_eq!(result.used_minor_units, 250_000 * UNIT);
    assert!(result.would_exceed);
    assert!(matches!(
        result.contributions[1].source,
        RecordSource::DeclaredByRecipient { .. }
    ));
}

/// Aid in złoty converted into euro at the rate given, to the nearest cent, halves up:
/// 100.01 PLN at €0.25 per PLN is €25.0025 → €25.00; 100.02 PLN → €25.005 → €25.01.
#[test]
fn currency_pln_to_euro_rounds_half_up_to_the_cent() {
    let rate = ExchangeRate {
        millionths_per_unit: 250_000,
        minor_units_per_unit: 100,
    };
    let pln = |grosze| Money {
        currency: "PLN".to_owned(),
        minor_units: grosze,
    };
    assert_eq!(
        to_ledger_minor_units(&pln(10_001), Some(&rate), LedgerCurrency::Eur, None),
        Ok(2_500)
    );
    assert_eq!(
        to_ledger_minor_units(&pln(10_002), Some(&rate), LedgerCurrency::Eur, None),
        Ok(2_501)
    );
}

/// A declared euro de minimis grant in the UK ledger needs a rate into pounds; without one the
/// error names `rate` and the record.
#[test]
fn missing_rate_for_a_foreign_currency_names_the_field() {
    let records = vec![declared(
        "eu-grant",
        "applicant",
        date(2024, 5, 1),
        Money::eur(10_000 * UNIT),
    )];
    assert_eq!(
        check_aid(&input("GB", date(2025, 5, 1), Money::gbp(UNIT), records)),
        Err(SubsidyError::MissingExchangeRate {
            record: Some("eu-grant".to_owned()),
            field: "rate",
            currency: "EUR".to_owned(),
            ledger_currency: "GBP",
        })
    );
}

/// A negative amount is refused, naming the field and the record.
#[test]
fn negative_amount_names_the_field() {
    let records = vec![own("neg", "applicant", date(2024, 5, 1), Money::eur(-1))];
    assert_eq!(
        check_aid(&input("DE", date(2025, 5, 1), Money::eur(UNIT), records)),
        Err(SubsidyError::NegativeAmount {
            record: Some("neg".to_owned()),
            field: "amount.minor_units",
            value: -1,
        })
    );
}

/// Two records with one id would count the same aid twice.
#[test]
fn duplicate_record_ids_are_refused() {
    let records = vec![
        own("r", "applicant", date(2024, 5, 1), Money::eur(UNIT)),
        own("r", "applicant", date(2024, 6, 1), Money::eur(UNIT)),
    ];
    assert_eq!(
        check_aid(&input("DE", date(2025, 5, 1), Money::eur(UNIT), records)),
        Err(SubsidyError::DuplicateRecordId { id: "r".to_owned() })
    );
}

/// Market value of 12 hours' advice at a day rate of €600 and 7.5 hours a day: 1.6 days =
/// €960.00 (gross grant / cash equivalent, s.36(5)(b)).
#[test]
fn market_value_of_12_hours_advice() {
    assert_eq!(
        advice_market_value(1_200, 600 * UNIT, DEFAULT_HOURS_PER_DAY_HUNDREDTHS),
        Ok(96_000)
    );
    let form = AidForm::Advice {
        hours_hundredths: 1_200,
        day_rate_minor_units: 600 * UNIT,
        hours_per_day_hundredths: 750,
    };
    assert_eq!(aid_value_minor_units(&form), Ok(96_000));
}

/// One hour at €700 a day of 7.5 hours is €93.333…: rounded to €93.33; 0.75 hours at €1 a day
/// of 7.5 hours is 10 cents exactly; 0.15 h at €0.25/7.5 h is 0.5 cent → 1 cent (halves up).
#[test]
fn market_value_rounds_to_the_nearest_minor_unit_halves_up() {
    assert_eq!(advice_market_value(100, 700 * UNIT, 750), Ok(9_333));
    assert_eq!(advice_market_value(75, UNIT, 750), Ok(10));
    assert_eq!(advice_market_value(15, 25, 750), Ok(1));
    assert_eq!(
        advice_market_value(100, UNIT, 0),
        Err(SubsidyError::NotPositive {
            field: "hours_per_day_hundredths",
            value: 0
        })
    );
}

/// Grants count at their amount.
#[test]
fn grant_counts_at_its_amount() {
    assert_eq!(
        aid_value_minor_units(&AidForm::Grant {
            amount_minor_units: 12_345
        }),
        Ok(12_345)
    );
}

// --- Warnings and back-dated proposals ---------------------------------------------------------

/// The warning share (default 90 %): €270,000 of €300,000 is exactly 90 % and warns;
/// one cent less does not.
#[test]
fn warning_level_at_exactly_90_percent_of_the_ceiling() {
    let at = check(&input(
        "ES",
        date(2025, 1, 1),
        Money::eur(270_000 * UNIT),
        vec![],
    ));
    let below = check(&input(
        "ES",
        date(2025, 1, 1),
        Money::eur(270_000 * UNIT - 1),
        vec![],
    ));
    assert_eq!(at.warning_from_minor_units, 270_000 * UNIT);
    assert_eq!(at.warning, WarningLevel::NearCeiling);
    assert_eq!(below.warning, WarningLevel::Clear);
}

/// A warning share outside 1–10,000 basis points is refused.
#[test]
fn warning_share_out_of_range_is_refused() {
    let mut ledger = input("ES", date(2025, 1, 1), Money::eur(UNIT), vec![]);
    ledger.settings.warning_share_bp = 10_001;
    assert_eq!(
        check_aid(&ledger),
        Err(SubsidyError::ShareOutOfRange {
            field: "settings.warning_share_bp",
            value: 10_001
        })
    );
}

/// Art. 3(7) for a back-dated proposal: aid proposed for 1 March 2025 fits its own window, but
/// a grant already recorded on 1 June 2025 would then be over the ceiling in its window.
#[test]
fn backdated_proposal_that_breaks_a_later_grants_window_is_reported() {
    let records = vec![own(
        "later",
        "applicant",
        date(2025, 6, 1),
        Money::eur(250_000 * UNIT),
    )];
    let result = check(&input(
        "PL",
        date(2025, 3, 1),
        Money::eur(100_000 * UNIT),
        records,
    ));
    assert!(!result.would_exceed, "nothing before 1 March 2025");
    assert_eq!(result.later_conflicts.len(), 1);
    let conflict = &result.later_conflicts[0];
    assert_eq!(conflict.record_id, "later");
    assert_eq!(conflict.total_with_proposed_minor_units, 350_000 * UNIT);
    assert_eq!(conflict.ceiling_minor_units, 300_000 * UNIT);
}
