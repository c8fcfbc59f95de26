//! Worked examples for the SME test of Commission Recommendation 2003/361/EC (Annex, Title I),
//! each named after its case and citing its article; thresholds are tested exactly at and just
//! past each limit.

use chrono::NaiveDate;
use tandem_rules::sme::*;

/// One million euro in cents.
const MILLION: i64 = 100_000_000;
/// One euro in cents.
const EURO: i64 = 100;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Accounts to 31 December 2024: staff in hundredths of an AWU, money in cents.
fn accounts(staff: i64, turnover: i64, balance: i64) -> Accounts {
    Accounts {
        period_end: date(2024, 12, 31),
        figures: Figures {
            staff_awu_hundredths: staff,
            turnover_cents: turnover,
            balance_sheet_total_cents: balance,
        },
        estimated: false,
    }
}

fn input(own: Accounts) -> SmeInput {
    SmeInput {
        accounts: own,
        related: Vec::new(),
        previous: None,
    }
}

fn holding(capital_bp: i64, voting_bp: i64) -> Option<Holding> {
    Some(Holding {
        capital_bp,
        voting_bp,
    })
}

/// A related enterprise that holds `capital`/`voting` basis points of the one it is listed under.
fn holder(
    id: &str,
    capital_bp: i64,
    voting_bp: i64,
    accounts: Option<Accounts>,
) -> RelatedEnterprise {
    RelatedEnterprise {
        id: id.to_owned(),
        holds_in_enterprise: holding(capital_bp, voting_bp),
        held_by_enterprise: None,
        other_link: None,
        investor_exception: None,
        public_body: false,
        consolidated_in_accounts: false,
        accounts,
        related: Vec::new(),
    }
}

/// A related enterprise in which the one it is listed under holds `capital`/`voting`.
fn held(
    id: &str,
    capital_bp: i64,
    voting_bp: i64,
    accounts: Option<Accounts>,
) -> RelatedEnterprise {
    RelatedEnterprise {
        holds_in_enterprise: None,
        held_by_enterprise: holding(capital_bp, voting_bp),
        ..holder(id, 0, 0, accounts)
    }
}

fn assessed(input: &SmeInput) -> SmeAssessment {
    assess(input).expect("valid input")
}

fn category(staff: i64, turnover: i64, balance: i64) -> Category {
    assessed(&input(accounts(staff, turnover, balance))).category
}

// ---- Art. 2: ceilings -------------------------------------------------------------------------

#[test]
fn exactly_250_awu_is_large_because_staff_must_be_fewer_art_2_1() {
    assert_eq!(category(25_000, MILLION, MILLION), Category::Large);
}

#[test]
fn awu_249_99_is_medium_art_2_1() {
    assert_eq!(category(24_999, MILLION, MILLION), Category::Medium);
}

#[test]
fn turnover_exactly_50m_and_balance_exactly_43m_is_medium_art_2_1() {
    assert_eq!(
        category(10_000, 50 * MILLION, 43 * MILLION),
        Category::Medium
    );
}

#[test]
fn turnover_50_000_001_euro_with_balance_43m_stays_medium_by_balance_alternative_art_2_1() {
    let result = assessed(&input(accounts(10_000, 50 * MILLION + EURO, 43 * MILLION)));
    assert_eq!(result.category, Category::Medium);
    let medium = result
        .reasons
        .iter()
        .find_map(|r| match r {
            SmeReason::CeilingTested {
                category: Category::Medium,
                check,
                met,
            } => Some((*check, *met)),
            _ => None,
        })
        .expect("medium ceiling tested");
    assert_eq!(
        medium,
        (
            CeilingCheck {
                staff_below: true,
                turnover_within: false,
                balance_sheet_total_within: true
            },
            true
        )
    );
}

#[test]
fn both_money_figures_one_cent_over_medium_ceilings_is_large_art_2_1() {
    assert_eq!(
        category(10_000, 50 * MILLION + 1, 43 * MILLION + 1),
        Category::Large
    );
}

#[test]
fn small_edges_49_99_awu_and_10m_is_small_but_50_awu_is_medium_art_2_2() {
    assert_eq!(category(4_999, 10 * MILLION, 10 * MILLION), Category::Small);
    assert_eq!(
        category(5_000, 10 * MILLION, 10 * MILLION),
        Category::Medium
    );
    assert_eq!(
        category(4_999, 10 * MILLION + 1, 10 * MILLION),
        Category::Small
    );
    assert_eq!(
        category(4_999, 10 * MILLION + 1, 10 * MILLION + 1),
        Category::Medium
    );
}

#[test]
fn micro_edges_9_99_awu_and_2m_is_micro_but_10_awu_is_small_art_2_3() {
    assert_eq!(category(999, 2 * MILLION, 2 * MILLION), Category::Micro);
    assert_eq!(category(1_000, 2 * MILLION, 2 * MILLION), Category::Small);
    assert_eq!(category(999, 2 * MILLION, 2 * MILLION + 1), Category::Micro);
    assert_eq!(
        category(999, 2 * MILLION + 1, 2 * MILLION + 1),
        Category::Small
    );
}

// ---- Art. 3(2) and 6(2): partners ---------------------------------------------------------------

#[test]
fn partner_at_exactly_25_percent_adds_a_quarter_art_3_2_and_6_2() {
    let mut i = input(accounts(4_000, 8 * MILLION, 8 * MILLION));
    i.related.push(holder(
        "P",
        2_500,
        2_500,
        Some(accounts(4_000, 8 * MILLION, 8 * MILLION)),
    ));
    let result = assessed(&i);
    assert_eq!(
        result.figures,
        Figures {
            staff_awu_hundredths: 5_000,
            turnover_cents: 10 * MILLION,
            balance_sheet_total_cents: 10 * MILLION
        }
    );
    // 50.00 AWU is not fewer than 50: small no longer, medium.
    assert_eq!(result.category, Category::Medium);
    assert!(result.reasons.iter().any(|r| matches!(r, SmeReason::PartnerAdded { enterprise, share_bp: 2_500, via: None, .. } if enterprise == "P")));
}

#[test]
fn holding_of_24_99_percent_is_not_counted_art_3_1() {
    let mut i = input(accounts(4_000, 8 * MILLION, 8 * MILLION));
    i.related.push(holder(
        "P",
        2_499,
        2_499,
        Some(accounts(4_000, 8 * MILLION, 8 * MILLION)),
    ));
    let result = assessed(&i);
    assert_eq!(result.figures, i.accounts.figures);
    assert_eq!(result.category, Category::Small);
    assert!(result.reasons.contains(&SmeReason::BelowPartnerThreshold {
        enterprise: "P".into(),
        via: None,
        share_bp: 2_499
    }));
}

#[test]
fn partner_share_is_the_greater_of_capital_and_voting_rights_art_6_2() {
    let mut i = input(accounts(0, 0, 0));
    i.related.push(holder(
        "P",
        2_000,
        3_000,
        Some(accounts(10_000, 10 * MILLION, 0)),
    ));
    assert_eq!(assessed(&i).figures.staff_awu_hundredths, 3_000);
}

#[test]
fn downstream_partner_counts_too_and_cross_holdings_take_the_greater_share_art_3_2_and_6_2() {
    let mut i = input(accounts(0, 0, 0));
    let mut cross = held("D", 3_000, 3_000, Some(accounts(10_000, 0, 0)));
    cross.holds_in_enterprise = holding(2_600, 2_600);
    i.related.push(cross);
    assert_eq!(assessed(&i).figures.staff_awu_hundredths, 3_000);
}

// ---- Art. 3(3) and 6(2): linked enterprises ----------------------------------------------------

#[test]
fn linked_at_50_01_percent_of_voting_rights_adds_everything_art_3_3_a() {
    let mut i = input(accounts(1_000, MILLION, MILLION));
    i.related.push(holder(
        "Parent",
        5_001,
        5_001,
        Some(accounts(20_000, 40 * MILLION, 40 * MILLION)),
    ));
    let result = assessed(&i);
    assert_eq!(result.figures.staff_awu_hundredths, 21_000);
    assert_eq!(result.category, Category::Medium);
    assert!(result.reasons.iter().any(|r| matches!(
        r,
        SmeReason::LinkedAdded {
            basis: LinkBasis::MajorityOfVotingRights,
            via: None,
            ..
        }
    )));
}

#[test]
fn exactly_50_percent_is_a_partner_not_linked_art_3_2() {
    let mut i = input(accounts(0, 0, 0));
    i.related
        .push(held("Sub", 5_000, 5_000, Some(accounts(10_000, 0, 0))));
    assert_eq!(assessed(&i).figures.staff_awu_hundredths, 5_000);
}

#[test]
fn capital_majority_without_voting_majority_is_a_partner_at_the_greater_share_art_3_3_a_and_6_2() {
    // Art. 3(3)(a) links on a majority of *voting rights*; 60 % of the capital with 40 % of the
    // votes is a partnership (Art. 3(2)), counted at the greater share, 60 %.
    let mut i = input(accounts(0, 0, 0));
    i.related.push(holder(
        "Investor",
        6_000,
        4_000,
        Some(accounts(10_000, 0, 0)),
    ));
    let result = assessed(&i);
    assert_eq!(result.figures.staff_awu_hundredths, 6_000);
    assert!(result.reasons.iter().any(|r| matches!(
        r,
        SmeReason::PartnerAdded {
            share_bp: 6_000,
            ..
        }
    )));
}

#[test]
fn right_to_appoint_the_board_links_without_a_majority_art_3_3_b() {
    let mut i = input(accounts(0, 0, 0));
    let mut r = holder("Boss", 1_000, 1_000, Some(accounts(30_000, 0, 0)));
    r.other_link = Some(LinkBasis::AppointsMajorityOfBoard);
    i.related.push(r);
    let result = assessed(&i);
    assert_eq!(result.figures.staff_awu_hundredths, 30_000);
    assert_eq!(result.category, Category::Large);
}

#[test]
fn enterprise_linked_to_a_linked_enterprise_adds_in_full_art_6_2() {
    let mut i = input(accounts(100, 0, 0));
    let mut parent = holder("Parent", 10_000, 10_000, Some(accounts(200, 0, 0)));
    parent.related.push(holder(
        "Grandparent",
        8_000,
        8_000,
        Some(accounts(400, 0, 0)),
    ));
    i.related.push(parent);
    let result = assessed(&i);
    assert_eq!(result.figures.staff_awu_hundredths, 700);
    assert!(result.reasons.iter().any(|r| matches!(r, SmeReason::LinkedAdded { enterprise, via: Some(v), .. } if enterprise == "Grandparent" && v == "Parent")));
}

#[test]
fn linked_enterprise_already_consolidated_is_not_added_again_art_6_2() {
    let mut i = input(accounts(3_000, 0, 0));
    let mut sub = held("Sub", 10_000, 10_000, Some(accounts(1_000, 0, 0)));
    sub.consolidated_in_accounts = true;
    i.related.push(sub);
    assert_eq!(assessed(&i).figures.staff_awu_hundredths, 3_000);
}

// ---- Art. 6(3): partners of linked, linked of partners --------------------------------------

#[test]
fn partner_of_a_linked_enterprise_adds_pro_rata_art_6_3() {
    let mut i = input(accounts(1_000, 0, 0));
    let mut parent = holder("Parent", 6_000, 6_000, Some(accounts(2_000, 0, 0)));
    parent.related.push(held(
        "ParentsPartner",
        4_000,
        3_000,
        Some(accounts(5_000, 0, 0)),
    ));
    i.related.push(parent);
    let result = assessed(&i);
    // 10 + 20 + 40 % of 50 = 50 AWU: not fewer than 50, so medium.
    assert_eq!(result.figures.staff_awu_hundredths, 5_000);
    assert_eq!(result.category, Category::Medium);
    assert!(result.reasons.iter().any(|r| matches!(r, SmeReason::PartnerAdded { enterprise, via: Some(v), share_bp: 4_000, .. } if enterprise == "ParentsPartner" && v == "Parent")));
}

#[test]
fn linked_enterprise_of_a_partner_counts_in_full_before_the_share_art_6_3() {
    let mut i = input(accounts(0, 0, 0));
    let mut partner = holder("Partner", 3_000, 3_000, Some(accounts(1_000, 0, 0)));
    partner.related.push(held(
        "PartnersSub",
        10_000,
        10_000,
        Some(accounts(9_000, 0, 0)),
    ));
    i.related.push(partner);
    let result = assessed(&i);
    assert_eq!(result.figures.staff_awu_hundredths, 3_000);
    assert!(
        result
            .reasons
            .contains(&SmeReason::LinkedToPartnerIncluded {
                enterprise: "PartnersSub".into(),
                partner: "Partner".into(),
                figures: Figures {
                    staff_awu_hundredths: 9_000,
                    turnover_cents: 0,
                    balance_sheet_total_cents: 0
                },
            })
    );
}

#[test]
fn partner_of_a_partner_is_left_out_art_6_2_immediately_upstream_or_downstream() {
    let mut i = input(accounts(0, 0, 0));
    let mut partner = holder("Partner", 3_000, 3_000, Some(accounts(1_000, 0, 0)));
    partner
        .related
        .push(held("Far", 4_000, 4_000, Some(accounts(100_000, 0, 0))));
    i.related.push(partner);
    let result = assessed(&i);
    assert_eq!(result.figures.staff_awu_hundredths, 300);
    assert!(
        result
            .reasons
            .contains(&SmeReason::PartnerOfPartnerIgnored {
                enterprise: "Far".into(),
                partner: "Partner".into()
            })
    );
}

// ---- Art. 3(2) second subparagraph: investor exceptions ----------------------------------------

#[test]
fn venture_capital_company_at_40_percent_keeps_the_enterprise_autonomous_art_3_2_a() {
    let mut i = input(accounts(4_000, 0, 0));
    let mut vc = holder("VC", 4_000, 4_000, None);
    vc.investor_exception = Some(InvestorException::VentureCapitalCompany);
    i.related.push(vc);
    let result = assessed(&i);
    assert_eq!(result.category, Category::Small);
    assert!(result.reasons.iter().any(|r| matches!(
        r,
        SmeReason::InvestorExceptionApplied {
            share_bp: 4_000,
            ..
        }
    )));
}

#[test]
fn investor_with_a_majority_is_linked_so_the_exception_fails_art_3_2() {
    let mut i = input(accounts(0, 0, 0));
    let mut vc = holder("VC", 5_001, 5_001, Some(accounts(30_000, 0, 0)));
    vc.investor_exception = Some(InvestorException::VentureCapitalCompany);
    i.related.push(vc);
    let result = assessed(&i);
    assert_eq!(result.category, Category::Large);
    assert!(result.reasons.iter().any(|r| matches!(
        r,
        SmeReason::InvestorExceptionNotApplicable {
            failure: ExceptionFailure::InvestorIsLinked,
            ..
        }
    )));
}

#[test]
fn business_angels_investing_exactly_1_250_000_euro_are_partners_art_3_2_a() {
    let angels = |total_investment_cents| {
        let mut i = input(accounts(0, 0, 0));
        let mut a = holder("Angels", 3_000, 3_000, Some(accounts(10_000, 0, 0)));
        a.investor_exception = Some(InvestorException::BusinessAngels {
            total_investment_cents,
        });
        i.related.push(a);
        assessed(&i).figures.staff_awu_hundredths
    };
    assert_eq!(angels(1_249_999 * EURO), 0);
    assert_eq!(angels(1_250_000 * EURO), 3_000);
}

#[test]
fn autonomous_local_authority_needs_under_5000_inhabitants_and_under_10m_budget_art_3_2_d() {
    let authority = |annual_budget_cents, inhabitants| {
        let mut i = input(accounts(0, 0, 0));
        let mut a = holder("Town", 3_000, 3_000, Some(accounts(10_000, 0, 0)));
        a.public_body = true;
        a.investor_exception = Some(InvestorException::AutonomousLocalAuthority {
            annual_budget_cents,
            inhabitants,
        });
        i.related.push(a);
        assessed(&i)
    };
    let exempt = authority(10 * MILLION - 1, 4_999);
    assert_eq!(
        (exempt.category, exempt.figures.staff_awu_hundredths),
        (Category::Micro, 0)
    );
    // Too many inhabitants: a partner, and a public body with 30 %: not an SME (Art. 3(4)).
    let big_town = authority(10 * MILLION - 1, 5_000);
    assert_eq!(
        (big_town.category, big_town.figures.staff_awu_hundredths),
        (Category::Large, 3_000)
    );
    let rich_town = authority(10 * MILLION, 4_999);
    assert!(rich_town.reasons.iter().any(|r| matches!(
        r,
        SmeReason::InvestorExceptionNotApplicable {
            failure: ExceptionFailure::LocalAuthorityBudgetTooHigh,
            ..
        }
    )));
}

// ---- Art. 3(4): public bodies --------------------------------------------------------------------

fn public_body(id: &str, capital_bp: i64, voting_bp: i64) -> RelatedEnterprise {
    RelatedEnterprise {
        public_body: true,
        ..holder(id, capital_bp, voting_bp, None)
    }
}

#[test]
fn public_body_holding_25_percent_makes_the_enterprise_large_art_3_4() {
    let mut i = input(accounts(500, MILLION, MILLION));
    i.related.push(public_body("City", 2_500, 0));
    let result = assessed(&i);
    assert_eq!(result.period_category, Category::Micro);
    assert_eq!(result.category, Category::Large);
    assert!(result.reasons.contains(&SmeReason::PublicBodyControl {
        capital_bp: 2_500,
        voting_bp: 0,
        holders: vec!["City".into()]
    }));
}

#[test]
fn public_bodies_at_24_99_percent_leave_an_sme_but_jointly_25_percent_do_not_art_3_4() {
    let mut i = input(accounts(500, MILLION, MILLION));
    i.related.push(public_body("City", 2_499, 2_499));
    assert_eq!(assessed(&i).category, Category::Micro);
    i.related.push(public_body("Region", 1, 1));
    assert_eq!(assessed(&i).category, Category::Large);
}

#[test]
fn holding_of_an_enterprise_a_public_body_controls_counts_indirectly_art_3_4() {
    let mut i = input(accounts(500, MILLION, MILLION));
    let mut utility = holder("Utility", 3_000, 3_000, Some(accounts(0, 0, 0)));
    utility.related.push(public_body("City", 6_000, 6_000));
    i.related.push(utility);
    assert_eq!(assessed(&i).category, Category::Large);
}

#[test]
fn public_university_under_the_exception_does_not_count_art_3_4_except_3_2_b() {
    let mut i = input(accounts(500, MILLION, MILLION));
    let mut uni = public_body("University", 3_000, 3_000);
    uni.investor_exception = Some(InvestorException::UniversityOrResearchCentre);
    i.related.push(uni);
    assert_eq!(assessed(&i).category, Category::Micro);
}

// ---- Art. 4: reference period ----------------------------------------------------------------------

fn with_previous(staff: i64, status: Category, period_category: Category) -> SmeInput {
    let mut i = input(accounts(staff, MILLION, MILLION));
    i.previous = Some(PreviousAssessment {
        period_end: date(2023, 12, 31),
        status,
        period_category,
    });
    i
}

#[test]
fn one_period_over_the_small_ceiling_keeps_small_status_art_4_2() {
    let result = assessed(&with_previous(6_000, Category::Small, Category::Small));
    assert_eq!(
        (result.period_category, result.category),
        (Category::Medium, Category::Small)
    );
    assert!(result.reasons.contains(&SmeReason::StatusKept {
        status: Category::Small,
        period_category: Category::Medium,
        previous_period_category: Category::Small,
    }));
}

#[test]
fn two_consecutive_periods_over_the_small_ceiling_make_it_medium_art_4_2() {
    let result = assessed(&with_previous(6_000, Category::Small, Category::Medium));
    assert_eq!(result.category, Category::Medium);
    assert!(result.reasons.contains(&SmeReason::StatusChanged {
        from: Category::Small,
        to: Category::Medium
    }));
    // The next period starts from this one.
    let next = result.as_previous(date(2024, 12, 31));
    assert_eq!(
        (next.status, next.period_category),
        (Category::Medium, Category::Medium)
    );
}

#[test]
fn falling_below_the_medium_ceiling_for_one_period_keeps_medium_art_4_2() {
    assert_eq!(
        assessed(&with_previous(4_000, Category::Medium, Category::Medium)).category,
        Category::Medium
    );
    assert_eq!(
        assessed(&with_previous(4_000, Category::Medium, Category::Small)).category,
        Category::Small
    );
}

#[test]
fn newly_established_enterprise_uses_a_bona_fide_estimate_art_4_3() {
    let mut i = input(accounts(300, 50_000 * EURO, 20_000 * EURO));
    i.accounts.estimated = true;
    let result = assessed(&i);
    assert_eq!(result.category, Category::Micro);
    assert!(
        result
            .reasons
            .contains(&SmeReason::EstimatedFigures { enterprise: None })
    );
}

// ---- Bad input -----------------------------------------------------------------------------------

#[test]
fn negative_turnover_is_an_error_naming_the_field() {
    let err = assess(&input(accounts(100, -1, 0))).expect_err("negative turnover");
    assert_eq!(
        err,
        SmeError::NegativeFigure {
            enterprise: None,
            field: "turnover_cents",
            value: -1
        }
    );
    assert_eq!(
        err.to_string(),
        "turnover_cents of the enterprise assessed must not be negative (got -1)"
    );
}

#[test]
fn holding_over_100_percent_is_an_error_naming_the_field() {
    let mut i = input(accounts(0, 0, 0));
    i.related
        .push(holder("P", 10_001, 0, Some(accounts(0, 0, 0))));
    assert_eq!(
        assess(&i),
        Err(SmeError::HoldingOutOfRange {
            enterprise: "P".into(),
            field: "holds_in_enterprise.capital_bp",
            value: 10_001
        })
    );
}

#[test]
fn related_enterprise_listed_twice_is_an_error_even_when_nested() {
    let mut i = input(accounts(0, 0, 0));
    let mut parent = holder("Parent", 6_000, 6_000, Some(accounts(0, 0, 0)));
    parent
        .related
        .push(held("Twin", 3_000, 3_000, Some(accounts(0, 0, 0))));
    i.related.push(parent);
    i.related
        .push(held("Twin", 3_000, 3_000, Some(accounts(0, 0, 0))));
    assert_eq!(
        assess(&i),
        Err(SmeError::DuplicateRelated {
            enterprise: "Twin".into()
        })
    );
}

#[test]
fn other_bad_input_is_named_too() {
    let mut i = input(accounts(0, 0, 0));
    i.related.push(holder("NoAccounts", 3_000, 3_000, None));
    assert_eq!(
        assess(&i),
        Err(SmeError::MissingAccounts {
            enterprise: "NoAccounts".into()
        })
    );

    let mut i = input(accounts(0, 0, 0));
    i.related.push(holder("Nothing", 0, 0, None));
    i.related[0].holds_in_enterprise = None;
    assert_eq!(
        assess(&i),
        Err(SmeError::NoRelation {
            enterprise: "Nothing".into()
        })
    );

    let mut i = with_previous(0, Category::Micro, Category::Micro);
    i.accounts.period_end = date(2023, 12, 31);
    assert!(matches!(
        assess(&i),
        Err(SmeError::PreviousPeriodNotEarlier { .. })
    ));
}

// ---- Changes and currency ------------------------------------------------------------------------

#[test]
fn changed_figures_name_what_changed_so_the_test_reruns() {
    let mut stored = input(accounts(1_000, MILLION, MILLION));
    stored
        .related
        .push(holder("P", 3_000, 3_000, Some(accounts(100, 0, 0))));
    assert!(!needs_retest(&stored, &stored.clone()));

    let mut current = stored.clone();
    current.accounts.figures.turnover_cents += 1;
    current.related[0].holds_in_enterprise = holding(3_500, 3_000);
    current
        .related
        .push(held("New", 2_600, 2_600, Some(accounts(0, 0, 0))));
    assert_eq!(
        changed_figures(&stored, &current),
        vec![
            FigureChange {
                enterprise: None,
                field: ChangedField::Turnover
            },
            FigureChange {
                enterprise: Some("P".into()),
                field: ChangedField::HoldsInEnterprise
            },
            FigureChange {
                enterprise: Some("New".into()),
                field: ChangedField::Added
            },
        ]
    );
    assert_eq!(
        changed_figures(&current, &stored).last(),
        Some(&FigureChange {
            enterprise: Some("New".into()),
            field: ChangedField::Removed
        })
    );
}

#[test]
fn pounds_convert_to_euro_cents_at_euro_millionths_rounding_half_up() {
    // £1,000.00 at €1.171234 = €1,171.234 → 117123 cents.
    assert_eq!(to_euro_cents(100_000, 100, 1_171_234), Ok(117_123));
    // 1p at €1.15 = 1.15 cents → 1; 1p at €1.50 = 1.5 cents → 2 (half up).
    assert_eq!(to_euro_cents(1, 100, 1_150_000), Ok(1));
    assert_eq!(to_euro_cents(1, 100, 1_500_000), Ok(2));
    assert_eq!(
        to_euro_cents(1, 100, 0),
        Err(SmeError::NotPositive {
            field: "euro_millionths_per_unit",
            value: 0
        })
    );
    // A Birmingham enterprise: £42.7 m turnover at €1.17 is €49.959 m, still within €50 m.
    let pounds = Figures {
        staff_awu_hundredths: 20_000,
        turnover_cents: 4_270_000_000,
        balance_sheet_total_cents: 0,
    };
    let euros = figures_to_euro(&pounds, 100, 1_170_000).expect("converts");
    assert_eq!(euros.turnover_cents, 4_995_900_000);
    assert_eq!(category_for(&euros), Category::Medium);
}

#[test]
fn reasons_serialize_as_tagged_values_for_the_web_ui() {
    let mut i = input(accounts(500, MILLION, MILLION));
    i.related.push(public_body("City", 2_500, 0));
    let json = serde_json::to_value(assessed(&i)).expect("serializes");
    assert_eq!(json["category"], "large");
    assert!(
        json["reasons"]
            .as_array()
            .expect("array")
            .iter()
            .any(|r| r["reason"] == "public_body_control")
    );
}
