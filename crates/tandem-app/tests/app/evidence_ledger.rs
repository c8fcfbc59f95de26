//! Subsidy ledgers (issue 6, item 4): EU de minimis for Leipzig enterprises (Reg. (EU) 2023/2831,
//! Reg. (EU) No 1407/2013 before 2024) and UK Minimal Financial Assistance for Birmingham ones
//! (Subsidy Control Act 2022 ss.36–37), fed by support records' aid values, declarations of other
//! grantors' aid and control links; the check before support would exceed a ceiling; the rate
//! aid in another currency needs; who may do what; and every change in the audit trail.

use crate::{Env, draft, invalid_field};
use chrono::NaiveDate;
use tandem_app::AppError;
use tandem_app::evidence::ledger::subsidy::{LedgerFamily, Regime, WarningLevel};
use tandem_app::evidence::ledger::{self, AidSource};
use tandem_app::evidence::{mfa_letter, projects, support};
use tandem_core::OrgId;
use tandem_core::account::Locale;
use tandem_core::directory::OrgKind;
use tandem_core::evidence::aid::{AidDeclarationDraft, LinkDraft};
use tandem_core::evidence::project::{Project, ProjectDraft};
use tandem_core::evidence::support::SupportDraft;
use tandem_core::policy::{Actor, Denied};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

struct World {
    env: Env,
    /// SpinLab's admin: records support in the euro project.
    spinlab: Actor,
    spinlab_org: OrgId,
    /// Innovation Birmingham's admin, lead of the pound project.
    ib: Actor,
    ib_org: OrgId,
    /// A Leipzig SME and its own admin.
    leipzig_sme: OrgId,
    leipzig_admin: Actor,
    /// A Birmingham SME and its own admin.
    birmingham_sme: OrgId,
    birmingham_admin: Actor,
    /// The euro project (ERDF 2021–27) and the pound one.
    euro: Project,
    pound: Project,
}

fn project_draft(name: &str, lead: OrgId, currency: &str, funder: &str, rulebook: &str, version: &str) -> ProjectDraft {
    ProjectDraft {
        name: name.into(),
        lead_org_id: lead.to_string(),
        funder: funder.into(),
        scheme: None,
        rulebook: rulebook.into(),
        rulebook_version: version.into(),
        agreement_signed_on: "2021-12-01".into(),
        starts_on: "2022-01-01".into(),
        ends_on: "2030-12-31".into(),
        currency: currency.into(),
        hours_threshold: "12".into(),
        day_rate: "800".into(),
        hours_per_day: "8".into(),
    }
}

impl World {
    async fn new() -> World {
        let env = Env::new().await;
        let (leipzig, birmingham) = (env.city("Leipzig").await, env.city("Birmingham").await);
        let (spinlab_org, _, spinlab) = env.org("team@spinlab.example", &draft("SpinLab", OrgKind::Accelerator, leipzig)).await;
        let (ib_org, _, ib) = env.org("team@ib.example", &draft("Innovation Birmingham", OrgKind::Incubator, birmingham)).await;
        let (leipzig_sme, _, leipzig_admin) =
            env.org("ceo@pleisse.example", &draft("Pleiße Wasserstoff GmbH", OrgKind::Sme, leipzig)).await;
        let (birmingham_sme, _, birmingham_admin) =
            env.org("ceo@kingfisher.example", &draft("Kingfisher Middleware Ltd", OrgKind::Sme, birmingham)).await;
        let lists = |city: tandem_core::CityId| projects::ListsDraft { cities: vec![city.to_string()], ..Default::default() };
        let euro = project_draft("SpinLab Scale-up", spinlab_org.id, "EUR", "erdf_2021_27", "eu_2021_1058", "2021");
        let euro = projects::create(&env.app, &spinlab, &euro, &lists(leipzig)).await.expect("euro project");
        let pound = project_draft("Innovation Engine", ib_org.id, "GBP", "uk_spf", "esif_gn_1_002", "v6");
        let pound = projects::create(&env.app, &ib, &pound, &lists(birmingham)).await.expect("pound project");
        World {
            env,
            spinlab,
            spinlab_org: spinlab_org.id,
            ib,
            ib_org: ib_org.id,
            leipzig_sme: leipzig_sme.id,
            leipzig_admin,
            birmingham_sme: birmingham_sme.id,
            birmingham_admin,
            euro,
            pound,
        }
    }

    /// Another enterprise in `city`, with its admin.
    async fn enterprise(&self, name: &str, city: &str) -> (OrgId, Actor) {
        let city = self.env.city(city).await;
        let email = format!("ceo@{}.example", name.to_lowercase().replace(' ', "-"));
        let (org, _, admin) = self.env.org(&email, &draft(name, OrgKind::Sme, city)).await;
        (org.id, admin)
    }
}

fn grant(enterprise: OrgId, by: OrgId, on: &str, amount: &str) -> SupportDraft {
    SupportDraft {
        enterprise_id: enterprise.to_string(),
        support_org_id: by.to_string(),
        adviser_name: "Lena Berger".into(),
        delivered_on: on.into(),
        hours: "0".into(),
        activity: "grant".into(),
        amount: amount.into(),
        ..SupportDraft::default()
    }
}

fn advice(enterprise: OrgId, by: OrgId, on: &str, hours: &str) -> SupportDraft {
    SupportDraft {
        hours: hours.into(),
        activity: "one_to_one_advice".into(),
        written_output: Some("Market-entry plan".into()),
        amount: String::new(),
        ..grant(enterprise, by, on, "")
    }
}

fn declared(grantor: &str, granted_on: &str, amount: &str, currency: &str) -> AidDeclarationDraft {
    AidDeclarationDraft {
        grantor: grantor.into(),
        description: Some("Grant declared by the enterprise".into()),
        granted_on: granted_on.into(),
        amount: amount.into(),
        currency: currency.into(),
        // Declared on the day it was granted.
        declared_on: granted_on.into(),
        ..AidDeclarationDraft::default()
    }
}

#[tokio::test]
async fn de_minimis_counts_a_declaration_over_rolling_three_years_across_a_year_boundary_reg_2023_2831_art_3_2() {
    let w = World::new().await;
    let app = &w.env.app;
    // Aid declared from another grantor at the end of 2023, and a grant of the project in 2024.
    ledger::declare(app, &w.leipzig_admin, w.leipzig_sme, &declared("Sächsische Aufbaubank", "2023-12-20", "100000", "EUR"))
        .await
        .expect("the enterprise declares its aid");
    support::record(app, &w.spinlab, w.euro.id, &grant(w.leipzig_sme, w.spinlab_org, "2024-01-10", "50000")).await.expect("grant");

    // Recital 11: on each day the three years ending that day count. The 2023 aid still counts
    // on 19 December 2026 …
    let l = ledger::ledger(app, &w.leipzig_admin, w.leipzig_sme, Some(day(2026, 12, 19))).await.expect("ledger");
    let c = l.check.as_ref().expect("Leipzig has the EU de minimis ledger");
    assert_eq!((c.family, c.regime), (LedgerFamily::EuDeMinimis, Regime::DeMinimis2023));
    assert_eq!((c.window.from, c.window.to), (day(2023, 12, 20), day(2026, 12, 19)));
    assert_eq!((c.used_minor_units, c.ceiling_minor_units, c.headroom_minor_units), (15_000_000, 30_000_000, 15_000_000));
    let sources: Vec<bool> = l.counted.iter().map(|c| matches!(c.aid.source, AidSource::Declared { .. })).collect();
    assert_eq!(sources, [true, false], "the declaration, then the own record, by date");
    // … and no longer on 20 December 2026.
    let l = ledger::ledger(app, &w.leipzig_admin, w.leipzig_sme, Some(day(2026, 12, 20))).await.expect("ledger");
    let c = l.check.as_ref().expect("ledger");
    assert_eq!((c.window.from, c.used_minor_units), (day(2023, 12, 21), 5_000_000));

    // Before 2024 Reg. 1407/2013 applies: €200,000 over the calendar years 2021-2023 (Art. 3(2)).
    let l = ledger::ledger(app, &w.leipzig_admin, w.leipzig_sme, Some(day(2023, 12, 31))).await.expect("ledger");
    let c = l.check.as_ref().expect("ledger");
    assert_eq!((c.regime, c.ceiling_minor_units), (Regime::DeMinimis2013, 20_000_000));
    assert_eq!((c.window.from, c.used_minor_units), (day(2021, 1, 1), 10_000_000));
}

#[tokio::test]
async fn mfa_counts_the_current_and_two_previous_uk_financial_years_s36_2() {
    let w = World::new().await;
    let app = &w.env.app;
    ledger::declare(app, &w.birmingham_admin, w.birmingham_sme, &declared("Birmingham City Council", "2022-03-31", "20000", "GBP"))
        .await
        .expect("declare");
    let r = support::record(app, &w.ib, w.pound.id, &grant(w.birmingham_sme, w.ib_org, "2024-03-31", "5000")).await.expect("grant");

    // 31 March 2024 is in the financial year 2023/24: the window starts on 1 April 2021.
    let l = ledger::ledger(app, &w.ib, w.birmingham_sme, Some(day(2024, 3, 31))).await.expect("ledger");
    let c = l.check.as_ref().expect("Birmingham has the UK MFA ledger");
    assert_eq!((c.family, c.regime), (LedgerFamily::UkMinimalFinancialAssistance, Regime::MinimalFinancialAssistance));
    assert_eq!((c.window.from, c.used_minor_units, c.ceiling_minor_units), (day(2021, 4, 1), 2_500_000, 31_500_000));
    // A day later a new financial year begins and 2021/22 drops out.
    let l = ledger::ledger(app, &w.ib, w.birmingham_sme, Some(day(2024, 4, 1))).await.expect("ledger");
    let c = l.check.as_ref().expect("ledger");
    assert_eq!((c.window.from, c.used_minor_units), (day(2022, 4, 1), 500_000));

    // s.37: the notification letter of the grant, as a PDF.
    let letter = mfa_letter::mfa_letter(app, &w.birmingham_admin, r.id, Locale::En).await.expect("letter");
    assert_eq!(letter.media_type, "application/pdf");
    assert!(letter.bytes.starts_with(b"%PDF-") && letter.file_name == "mfa-notification-kingfisher-middleware-ltd-2024-03-31.pdf");
    // Not for an enterprise under the EU ledger, nor for strangers.
    let eu = support::record(app, &w.spinlab, w.euro.id, &grant(w.leipzig_sme, w.spinlab_org, "2024-03-31", "5000")).await.expect("grant");
    assert!(matches!(mfa_letter::mfa_letter(app, &w.spinlab, eu.id, Locale::En).await, Err(AppError::NotFound)));
    let (_, stranger) = w.env.user("someone@example.org", true).await;
    assert!(matches!(mfa_letter::mfa_letter(app, &stranger, r.id, Locale::En).await, Err(AppError::Denied(Denied::Forbidden))));
}

#[tokio::test]
async fn a_single_undertaking_adds_a_linked_enterprises_aid_art_2_2() {
    let w = World::new().await;
    let app = &w.env.app;
    let (subsidiary, subsidiary_admin) = w.enterprise("Pleiße Netz GmbH", "Leipzig").await;
    ledger::declare(app, &subsidiary_admin, subsidiary, &declared("Sächsische Aufbaubank", "2024-06-01", "200000", "EUR"))
        .await
        .expect("declare");
    let before = ledger::ledger(app, &w.leipzig_admin, w.leipzig_sme, Some(day(2025, 1, 1))).await.expect("ledger");
    assert_eq!(before.check.as_ref().map(|c| c.used_minor_units), Some(0));

    // A material influence joins groups in the UK only (s.8(2)); in the EU ledger it does not.
    let influence = LinkDraft {
        controller_id: w.leipzig_sme.to_string(),
        controlled_id: subsidiary.to_string(),
        relation: "material_influence".into(),
    };
    let weak = ledger::link(app, &w.leipzig_admin, w.leipzig_sme, &influence).await.expect("link");
    let l = ledger::ledger(app, &w.leipzig_admin, w.leipzig_sme, Some(day(2025, 1, 1))).await.expect("ledger");
    assert_eq!(l.check.as_ref().map(|c| c.used_minor_units), Some(0), "{:?}", l.check);
    ledger::remove_link(app, &w.leipzig_admin, weak.id).await.expect("remove");

    // Art. 2(2)(a): a majority of the voting rights makes one undertaking; the subsidiary's aid counts.
    let control = LinkDraft { relation: "majority_of_voting_rights".into(), ..influence };
    let link = ledger::link(app, &w.leipzig_admin, w.leipzig_sme, &control).await.expect("link");
    let l = ledger::ledger(app, &w.leipzig_admin, w.leipzig_sme, Some(day(2025, 1, 1))).await.expect("ledger");
    let c = l.check.as_ref().expect("ledger");
    assert_eq!(c.used_minor_units, 20_000_000);
    let names: Vec<&str> = l.group.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["Pleiße Netz GmbH", "Pleiße Wasserstoff GmbH"]);
    assert_eq!(l.counted[0].enterprise_name, "Pleiße Netz GmbH");
    let again = ledger::link(app, &w.leipzig_admin, w.leipzig_sme, &control).await;
    assert_eq!(invalid_field(again, "controlled_id"), "duplicate_link");

    // So a grant of €120,000 to the parent would exceed the ceiling of the group …
    let big = grant(w.leipzig_sme, w.spinlab_org, "2025-01-01", "120000");
    assert_eq!(invalid_field(support::record(app, &w.spinlab, w.euro.id, &big).await, "amount"), "over_ceiling");
    // … and once the link is removed it fits.
    ledger::remove_link(app, &w.spinlab, link.id).await.expect("a support recorder removes it");
    let ok = SupportDraft { confirm_ceiling: true, ..big };
    support::record(app, &w.spinlab, w.euro.id, &ok).await.expect("no longer one undertaking");
}

#[tokio::test]
async fn over_ceiling_is_refused_on_the_amount_with_used_ceiling_and_headroom_art_3_7() {
    let w = World::new().await;
    let app = &w.env.app;
    ledger::declare(app, &w.spinlab, w.leipzig_sme, &declared("Sächsische Aufbaubank", "2024-05-02", "250000", "EUR"))
        .await
        .expect("a support recorder declares for the enterprise");
    // €250,000 + €60,000 > €300,000: none of the new aid may be given (Art. 3(7)).
    let over = support::record(app, &w.spinlab, w.euro.id, &grant(w.leipzig_sme, w.spinlab_org, "2025-03-01", "60000")).await;
    let Err(AppError::Invalid(errors)) = over else { panic!("refused: {over:?}") };
    let e = errors.for_field("amount").expect("on the amount");
    assert_eq!(e.code, "over_ceiling");
    for part in ["€60,000.00", "€310,000.00", "€300,000.00", "€250,000.00 is used from 2022-03-02 to 2025-03-01", "€50,000.00 is left"]
    {
        assert!(e.message.contains(part), "{part}: {}", e.message);
    }
    // Advice is refused on its hours: 6 hours at €800 a day of 8 hours is €600, over by €100.
    ledger::declare(app, &w.spinlab, w.leipzig_sme, &declared("Stadt Leipzig", "2024-05-03", "49500", "EUR")).await.expect("declare");
    let advice_over = support::record(app, &w.spinlab, w.euro.id, &advice(w.leipzig_sme, w.spinlab_org, "2025-03-01", "6")).await;
    assert_eq!(invalid_field(advice_over, "hours"), "over_ceiling");
    // Exactly at the ceiling is allowed ("shall not exceed"), once confirmed as near it.
    let exact = SupportDraft { confirm_ceiling: true, ..advice(w.leipzig_sme, w.spinlab_org, "2025-03-01", "5") };
    let r = support::record(app, &w.spinlab, w.euro.id, &exact).await.expect("€300,000 exactly");
    assert_eq!(r.aid_value, 50_000);
    let l = ledger::ledger(app, &w.spinlab, w.leipzig_sme, Some(day(2025, 3, 1))).await.expect("ledger");
    assert_eq!(l.check.map(|c| (c.used_minor_units, c.headroom_minor_units)), Some((30_000_000, 0)));
}

#[tokio::test]
async fn near_ceiling_needs_confirmation_and_a_correction_is_checked_without_its_old_value() {
    let w = World::new().await;
    let app = &w.env.app;
    ledger::declare(app, &w.leipzig_admin, w.leipzig_sme, &declared("Sächsische Aufbaubank", "2024-05-02", "260000", "EUR"))
        .await
        .expect("declare");
    // Just under 90 % passes without a word.
    let clear = grant(w.leipzig_sme, w.spinlab_org, "2025-03-01", "9999.99");
    let r = support::record(app, &w.spinlab, w.euro.id, &clear).await.expect("clear");
    // Corrected to €10,000 the total is exactly 90 %: the warning, then confirmed.
    let near = grant(w.leipzig_sme, w.spinlab_org, "2025-03-01", "10000");
    let warned = support::update(app, &w.spinlab, r.id, r.version, &near).await;
    let Err(AppError::Invalid(errors)) = warned else { panic!("warned: {warned:?}") };
    let e = errors.for_field("confirm_ceiling").expect("the warning asks for confirmation");
    assert_eq!(e.code, "near_ceiling");
    assert!(e.message.contains("€270,000.00") && e.message.contains("€40,000.00 left"), "{}", e.message);
    let confirmed = SupportDraft { confirm_ceiling: true, ..near };
    let r = support::update(app, &w.spinlab, r.id, r.version, &confirmed).await.expect("recorded anyway");
    assert_eq!(r.aid_value, 1_000_000, "its old value did not count twice");
    let l = ledger::ledger(app, &w.leipzig_admin, w.leipzig_sme, Some(day(2025, 3, 1))).await.expect("ledger");
    assert_eq!(l.check.map(|c| (c.used_minor_units, c.warning)), Some((27_000_000, WarningLevel::NearCeiling)));
}

#[tokio::test]
async fn a_rate_is_required_for_aid_in_another_currency_than_the_ledger() {
    let w = World::new().await;
    let app = &w.env.app;
    // The euro project advises the Birmingham SME, whose ledger is kept in pounds.
    let without = advice(w.birmingham_sme, w.spinlab_org, "2025-06-03", "6");
    assert_eq!(invalid_field(support::record(app, &w.spinlab, w.euro.id, &without).await, "aid_rate"), "rate_required");
    let with = SupportDraft { aid_rate: "0,8455".into(), ..without };
    let r = support::record(app, &w.spinlab, w.euro.id, &with).await.expect("with its rate");
    assert_eq!((r.aid_value, r.currency.as_str(), r.input.aid_rate_millionths), (60_000, "EUR", Some(845_500)));
    // €600 at £0.8455 is £507.30 in the UK ledger.
    let l = ledger::ledger(app, &w.birmingham_admin, w.birmingham_sme, Some(day(2025, 6, 3))).await.expect("ledger");
    assert_eq!(l.counted.iter().map(|c| c.ledger_amount).collect::<Vec<_>>(), [50_730]);
    // A rate where none is needed is not kept.
    let leipzig = SupportDraft { aid_rate: "1.2".into(), ..advice(w.leipzig_sme, w.spinlab_org, "2025-06-03", "2") };
    assert_eq!(support::record(app, &w.spinlab, w.euro.id, &leipzig).await.expect("record").input.aid_rate_millionths, None);
    // A declaration in euro for the Birmingham SME needs its rate and the rate's source.
    let euro_aid = declared("Sächsische Aufbaubank", "2025-01-15", "10000", "EUR");
    assert_eq!(invalid_field(ledger::declare(app, &w.birmingham_admin, w.birmingham_sme, &euro_aid).await, "rate"), "rate_required");
    let rated = AidDeclarationDraft { rate: "0.8321".into(), rate_source: "ECB reference rate of 15 January 2025".into(), ..euro_aid };
    let d = ledger::declare(app, &w.birmingham_admin, w.birmingham_sme, &rated).await.expect("declare with its rate");
    assert_eq!(d.input.rate_millionths, Some(832_100));
    let l = ledger::ledger(app, &w.birmingham_admin, w.birmingham_sme, Some(day(2025, 6, 3))).await.expect("ledger");
    assert_eq!(l.check.map(|c| c.used_minor_units), Some(832_100 + 50_730));
}

#[tokio::test]
async fn only_the_enterprise_and_support_recorders_manage_its_ledger_and_every_change_is_audited() {
    let w = World::new().await;
    let app = &w.env.app;
    let (_, stranger) = w.env.user("someone@example.org", true).await;
    let aid = declared("Sächsische Aufbaubank", "2024-05-02", "1000", "EUR");
    assert!(matches!(ledger::declare(app, &stranger, w.leipzig_sme, &aid).await, Err(AppError::Denied(Denied::Forbidden))));
    assert!(matches!(ledger::ledger(app, &stranger, w.leipzig_sme, None).await, Err(AppError::Denied(Denied::Forbidden))));
    // Another enterprise's admin may not declare for this one, nor link it.
    let link = LinkDraft {
        controller_id: w.birmingham_sme.to_string(),
        controlled_id: w.leipzig_sme.to_string(),
        relation: "majority_of_voting_rights".into(),
    };
    assert!(matches!(ledger::declare(app, &w.birmingham_admin, w.leipzig_sme, &aid).await, Err(AppError::Denied(Denied::Forbidden))));
    assert!(matches!(ledger::link(app, &w.birmingham_admin, w.leipzig_sme, &link).await, Err(AppError::Denied(Denied::Forbidden))));
    assert!(ledger::ledger(app, &w.leipzig_admin, w.leipzig_sme, None).await.expect("own ledger").can_manage);
    // Bad declarations name their fields.
    let bad = AidDeclarationDraft { grantor: " ".into(), amount: "0".into(), ..aid.clone() };
    assert_eq!(invalid_field(ledger::declare(app, &w.leipzig_admin, w.leipzig_sme, &bad).await, "grantor"), "required");
    let to_lab = ledger::declare(app, &w.spinlab, w.spinlab_org, &aid).await;
    assert_eq!(invalid_field(to_lab, "enterprise"), "not_enterprise");

    let d = ledger::declare(app, &w.leipzig_admin, w.leipzig_sme, &aid).await.expect("declare");
    let corrected = AidDeclarationDraft { amount: "1500".into(), ..aid };
    let d = ledger::correct_declaration(app, &w.spinlab, d.id, d.version, &corrected).await.expect("correct");
    assert_eq!((d.input.amount, d.version), (150_000, 2));
    let stale = ledger::correct_declaration(app, &w.spinlab, d.id, 1, &corrected).await;
    assert!(matches!(stale, Err(AppError::Conflict)), "{stale:?}");
    assert_eq!(invalid_field(ledger::withdraw_declaration(app, &w.leipzig_admin, d.id, d.version, "").await, "reason"), "required");
    let d = ledger::withdraw_declaration(app, &w.leipzig_admin, d.id, d.version, "Declared twice").await.expect("withdraw");
    let l = ledger::ledger(app, &w.leipzig_admin, w.leipzig_sme, None).await.expect("ledger");
    assert_eq!((l.declarations.len(), l.counted.len()), (1, 0), "withdrawn, kept and not counted");
    let link = ledger::link(app, &w.birmingham_admin, w.birmingham_sme, &link).await.expect("its own admin links it");
    ledger::remove_link(app, &w.leipzig_admin, link.id).await.expect("either end's admin removes it");
    assert!(matches!(ledger::remove_link(app, &w.leipzig_admin, link.id).await, Err(AppError::Conflict)), "removed once");

    let mut conn = app.db().acquire().await.expect("acquire");
    let history = tandem_store::audit::history(conn.conn(), "aid_declaration", &d.id.to_string()).await.expect("history");
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions.len(), 3, "{actions:?}");
    assert!(actions.contains(&"created") && actions.contains(&"updated") && actions.contains(&"withdrawn"), "{actions:?}");
    let history = tandem_store::audit::history(conn.conn(), "control_link", &link.id.to_string()).await.expect("history");
    assert_eq!(history.len(), 2);
    drop(conn);
    let report = tandem_app::audit::verify(app).await.expect("verify");
    assert!(report.is_intact(), "{:?}", report.problems);
}

#[tokio::test]
async fn the_demo_has_a_leipzig_programme_under_de_minimis_with_an_enterprise_near_the_ceiling() {
    use tandem_app::evidence::demo_leipzig::{BIRMINGHAM_GROUP, NEAR_CEILING, PROJECT};
    let env = Env::new().await;
    tandem_app::demo::seed(&env.app, 0).await.expect("seed");
    let lena =
        tandem_app::auth::login(&env.app, "lena.managerin@demo.tandem.example", tandem_app::demo::DEMO_PASSWORD).await.expect("login");
    let (_, actor) = tandem_app::auth::actor_for(&env.app, lena.id).await.expect("actor").expect("exists");
    let project = projects::list(&env.app, &actor).await.expect("projects").into_iter().find(|p| p.input.name == PROJECT).expect("project");
    assert_eq!((project.input.currency.key(), project.input.rulebook.as_str()), ("EUR", "eu_2021_1058"));
    let mut conn = env.app.db().acquire().await.expect("acquire");
    let near = tandem_store::organisations::id_by_name(conn.conn(), NEAR_CEILING).await.expect("query").expect("the near one");
    let uk = tandem_store::organisations::id_by_name(conn.conn(), BIRMINGHAM_GROUP).await.expect("query").expect("the UK one");
    drop(conn);
    let on = Some(day(2025, 12, 31));
    let l = ledger::ledger(&env.app, &actor, near, on).await.expect("ledger");
    let c = l.check.as_ref().expect("de minimis");
    assert_eq!((c.regime, c.warning), (Regime::DeMinimis2023, WarningLevel::NearCeiling), "{c:?}");
    assert!(l.counted.iter().any(|c| matches!(&c.aid.source, AidSource::Declared { grantor, .. } if grantor.contains("Aufbaubank"))));
    let l = ledger::ledger(&env.app, &actor, uk, on).await.expect("ledger");
    let c = l.check.as_ref().expect("MFA");
    assert_eq!((c.regime, l.group.len(), l.links.len()), (Regime::MinimalFinancialAssistance, 2, 1));
    assert!(l.counted.len() >= 3, "its grant, its linked enterprise's and SpinLab's advice: {:?}", l.counted);
    let report = tandem_app::audit::verify(&env.app).await.expect("verify");
    assert!(report.is_intact(), "{:?}", report.problems);
}
