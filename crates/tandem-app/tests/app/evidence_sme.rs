//! SME declarations (issue 6, item 3; Recommendation 2003/361/EC): accounts in pounds converted
//! at the declared rate, a partner enterprise added in proportion (Art. 6(2)), the two-period
//! rule of Art. 4(2) across three declarations, the signatory's confirmation required, and each
//! declaration in the audit trail.

use crate::{draft, invalid_field, Env};
use tandem_app::evidence::sme::{self, RetestDue};
use tandem_app::AppError;
use tandem_core::directory::OrgKind;
use tandem_core::evidence::sme::{DeclarationDraft, RelatedDraft};
use tandem_core::policy::Denied;
use tandem_rules::sme::Category;

fn declaration(period_end: &str, staff: &str, turnover: &str) -> DeclarationDraft {
    DeclarationDraft {
        period_end: period_end.into(),
        estimated: false,
        staff: staff.into(),
        turnover: turnover.into(),
        balance_sheet: "1,500,000".into(),
        currency: "GBP".into(),
        euro_rate: "1.1650".into(),
        related: vec![],
        declared_by: "Dana Ward".into(),
        declarant_role: "Managing director".into(),
        declared_on: "2025-06-30".into(),
        confirmed: true,
    }
}

#[tokio::test]
async fn a_growing_enterprise_changes_category_only_after_two_consecutive_periods() {
    let env = Env::new().await;
    let birmingham = env.city("Birmingham").await;
    let (sme, _, owner) = env.org("ceo@daden.example", &draft("Daden Ltd", OrgKind::Sme, birmingham)).await;
    let status = sme::status(&env.app, &owner, sme.id).await.expect("status");
    assert_eq!(status.retest_due, Some(RetestDue::NoDeclaration));

    // 40 AWU and £8.5m turnover at €1.165 = €9,902,500: small (Art. 2(2): < 50 and ≤ €10m).
    let first = sme::declare(&env.app, &owner, sme.id, &declaration("2022-12-31", "40", "8,500,000")).await.expect("first");
    assert_eq!(first.category(), Category::Small);
    assert_eq!(first.assessment.figures.turnover_cents, 990_250_000);
    // 49.99 AWU is still small, 50 is not — but one period over the ceiling keeps the status (Art. 4(2)).
    let second = sme::declare(&env.app, &owner, sme.id, &declaration("2023-12-31", "50", "8,500,000")).await.expect("second");
    assert_eq!((second.assessment.period_category, second.category()), (Category::Medium, Category::Small));
    let third = sme::declare(&env.app, &owner, sme.id, &declaration("2024-12-31", "50", "8,500,000")).await.expect("third");
    assert_eq!(third.category(), Category::Medium, "the second consecutive period changes it");

    let status = sme::status(&env.app, &owner, sme.id).await.expect("status");
    assert_eq!(status.declarations.iter().map(|d| d.category()).collect::<Vec<_>>(), [Category::Medium, Category::Small, Category::Small]);
    assert_eq!(status.retest_due, None);
    let report = tandem_app::audit::verify(&env.app).await.expect("verify");
    assert_eq!((report.entries, report.is_intact()), (3, true));
}

#[tokio::test]
async fn a_partner_enterprise_adds_its_share_and_a_public_body_at_25_percent_makes_it_large() {
    let env = Env::new().await;
    let leipzig = env.city("Leipzig").await;
    let (sme, _, owner) = env.org("gf@robotik.example", &draft("Leipziger Robotik GmbH", OrgKind::Sme, leipzig)).await;
    let partner = RelatedDraft {
        name: "Holding AG".into(),
        direction: "holds_in_us".into(),
        capital_percent: "25".into(),
        voting_percent: "25".into(),
        public_body: false,
        staff: "100".into(),
        turnover: "20,000,000".into(),
        balance_sheet: "10,000,000".into(),
    };
    let euro = |d: DeclarationDraft| DeclarationDraft { currency: "EUR".into(), euro_rate: String::new(), ..d };
    let with_partner = DeclarationDraft { related: vec![partner.clone()], ..euro(declaration("2024-12-31", "30", "4,000,000")) };
    let d = sme::declare(&env.app, &owner, sme.id, &with_partner).await.expect("declare");
    // Art. 6(2): 30 + 25 % of 100 = 55 AWU → medium.
    assert_eq!(d.assessment.figures.staff_awu_hundredths, 5_500);
    assert_eq!(d.category(), Category::Medium);

    let city = RelatedDraft { name: "Stadt Leipzig".into(), public_body: true, staff: String::new(), turnover: String::new(), balance_sheet: String::new(), ..partner };
    let public = DeclarationDraft { related: vec![city], ..euro(declaration("2025-12-31", "30", "4,000,000")) };
    let d = sme::declare(&env.app, &owner, sme.id, &DeclarationDraft { declared_on: "2026-01-15".into(), ..public }).await.expect("declare");
    assert_eq!(d.category(), Category::Large, "Art. 3(4): 25 % held by a public body");
}

#[tokio::test]
async fn declarations_need_a_rate_for_pounds_a_confirmation_and_the_right_people() {
    let env = Env::new().await;
    let birmingham = env.city("Birmingham").await;
    let (sme, _, owner) = env.org("ceo@daden.example", &draft("Daden Ltd", OrgKind::Sme, birmingham)).await;
    let no_rate = DeclarationDraft { euro_rate: String::new(), ..declaration("2024-12-31", "10", "1,000,000") };
    assert_eq!(invalid_field(sme::declare(&env.app, &owner, sme.id, &no_rate).await, "euro_rate"), "invalid_rate");
    let unsigned = DeclarationDraft { confirmed: false, ..declaration("2024-12-31", "10", "1,000,000") };
    assert_eq!(invalid_field(sme::declare(&env.app, &owner, sme.id, &unsigned).await, "confirmed"), "required");
    let (_, stranger) = env.user("someone@example.org", true).await;
    let denied = sme::declare(&env.app, &stranger, sme.id, &declaration("2024-12-31", "10", "1,000,000")).await;
    assert!(matches!(denied, Err(AppError::Denied(Denied::Forbidden))), "{denied:?}");
    let (lab, _, lab_admin) = env.org("lab@aston.example", &draft("Aston Lab", OrgKind::UniversityLab, birmingham)).await;
    let not_enterprise = sme::declare(&env.app, &lab_admin, lab.id, &declaration("2024-12-31", "10", "1,000,000")).await;
    assert_eq!(invalid_field(not_enterprise, "org"), "not_enterprise");
}
