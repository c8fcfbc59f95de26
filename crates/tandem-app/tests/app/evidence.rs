//! Funded projects and support records (issue 6, items 1, 2 and 7): set up by the lead's staff,
//! support recorded by delivery organisations' staff, the running total per enterprise against
//! the threshold (exactly 12 h counts, 11.99 h does not), an enterprise supported by two
//! organisations, withdrawal instead of deletion, and every change in the audit trail.

use crate::{Env, draft, invalid_field};
use tandem_app::AppError;
use tandem_app::evidence::{projects, support};
use tandem_core::OrgId;
use tandem_core::directory::OrgKind;
use tandem_core::evidence::project::ProjectDraft;
use tandem_core::evidence::support::SupportDraft;
use tandem_core::policy::{Actor, Denied};

struct World {
    env: Env,
    /// Innovation Birmingham's programme manager (the lead).
    lead: Actor,
    lead_org: OrgId,
    /// A programme manager of the delivery partner, Aston University's lab.
    partner: Actor,
    partner_org: OrgId,
    /// An enterprise's own admin.
    sme_admin: Actor,
    sme: OrgId,
    /// A support organisation outside the project.
    outsider: Actor,
    project: tandem_core::evidence::project::Project,
}

fn project_draft(lead: OrgId) -> ProjectDraft {
    ProjectDraft {
        name: "Innovation Engine".into(),
        lead_org_id: lead.to_string(),
        funder: "erdf_england_2014_20".into(),
        scheme: Some("ERDF Priority Axis 1".into()),
        rulebook: "esif_gn_1_002".into(),
        rulebook_version: "v6".into(),
        agreement_signed_on: "2017-03-01".into(),
        starts_on: "2017-04-01".into(),
        ends_on: "2030-03-31".into(),
        currency: "GBP".into(),
        hours_threshold: "12".into(),
        day_rate: "650".into(),
        hours_per_day: "7.5".into(),
    }
}

fn support_draft(w: &World, by: OrgId, hours: &str) -> SupportDraft {
    SupportDraft {
        enterprise_id: w.sme.to_string(),
        support_org_id: by.to_string(),
        adviser_name: "Jordan Hayes".into(),
        delivered_on: "2024-05-14".into(),
        hours: hours.into(),
        activity: "one_to_one_advice".into(),
        written_output: Some("Action plan for entering the German market".into()),
        amount: String::new(),
        aid_value: String::new(),
        ..SupportDraft::default()
    }
}

impl World {
    async fn new() -> World {
        let env = Env::new().await;
        let birmingham = env.city("Birmingham").await;
        let (lead_org, _, lead) = env.org("lead@ib.example", &draft("Innovation Birmingham", OrgKind::Incubator, birmingham)).await;
        let (partner_org, _, partner) = env.org("lab@aston.example", &draft("Aston Lab", OrgKind::UniversityLab, birmingham)).await;
        let (sme, _, sme_admin) = env.org("ceo@daden.example", &draft("Daden Ltd", OrgKind::Sme, birmingham)).await;
        let (_, _, outsider) = env.org("staff@other.example", &draft("Other Hub", OrgKind::Accelerator, birmingham)).await;
        let lists = projects::ListsDraft {
            partners: vec![partner_org.id.to_string()],
            cities: vec![birmingham.to_string()],
            excluded_nace: "01, 03.1".into(),
            targets: vec![("C1".into(), "120".into()), ("C4".into(), "100".into())],
        };
        let project = projects::create(&env.app, &lead, &project_draft(lead_org.id), &lists).await.expect("create project");
        World { lead, lead_org: lead_org.id, partner, partner_org: partner_org.id, sme_admin, sme: sme.id, outsider, project, env }
    }
}

#[tokio::test]
async fn the_lead_sets_up_a_project_with_its_partners_area_exclusions_and_targets() {
    let w = World::new().await;
    let p = &w.project;
    assert_eq!((p.input.hours_threshold, p.input.day_rate, p.input.rulebook_version.as_str()), (1_200, Some(65_000), "v6"));
    assert_eq!(p.partners, vec![w.partner_org]);
    assert_eq!(p.excluded_nace, vec!["01".to_owned(), "03.1".to_owned()]);
    assert_eq!(p.targets, vec![("C1".to_owned(), 120), ("C4".to_owned(), 100)]);

    // Only the lead's staff manage it; a stale version is a conflict.
    let lists = projects::ListsDraft { cities: p.cities.iter().map(|c| c.to_string()).collect(), ..Default::default() };
    let denied = projects::update(&w.env.app, &w.partner, p.id, p.version, &project_draft(w.lead_org), &lists).await;
    assert!(matches!(denied, Err(AppError::Denied(Denied::Forbidden))), "{denied:?}");
    let changed = ProjectDraft { hours_threshold: "15".into(), ..project_draft(w.lead_org) };
    let updated = projects::update(&w.env.app, &w.lead, p.id, p.version, &changed, &lists).await.expect("update");
    assert_eq!((updated.input.hours_threshold, updated.version), (1_500, 2));
    let stale = projects::update(&w.env.app, &w.lead, p.id, p.version, &changed, &lists).await;
    assert!(matches!(stale, Err(AppError::Conflict)), "{stale:?}");

    // Bad lists are named.
    let bad = projects::ListsDraft { cities: vec![], excluded_nace: "99.99".into(), ..Default::default() };
    let result = projects::create(&w.env.app, &w.lead, &project_draft(w.lead_org), &bad).await;
    assert_eq!(invalid_field(result, "cities"), "required");
    let result = projects::create(&w.env.app, &w.lead, &project_draft(w.lead_org), &bad).await;
    assert_eq!(invalid_field(result, "excluded_nace"), "unknown_nace");
    let old_rules = ProjectDraft { rulebook_version: "v9".into(), ..project_draft(w.lead_org) };
    assert_eq!(invalid_field(projects::create(&w.env.app, &w.lead, &old_rules, &lists).await, "rulebook_version"), "unknown_rulebook");
}

#[tokio::test]
async fn support_from_two_organisations_adds_up_and_exactly_twelve_hours_reach_the_threshold() {
    let w = World::new().await;
    let app = &w.env.app;
    support::record(app, &w.lead, w.project.id, &support_draft(&w, w.lead_org, "8")).await.expect("lead's record");
    let second = support::record(app, &w.partner, w.project.id, &support_draft(&w, w.partner_org, "3.99")).await.expect("partner's record");
    // 3.99 h of a £650, 7.5-hour day = £345.80.
    assert_eq!((second.aid_value, second.currency.as_str()), (34_580, "GBP"));

    let seen = support::for_enterprise(app, &w.sme_admin, w.sme).await.expect("the enterprise sees its support");
    assert_eq!(seen.totals.len(), 1, "one project");
    let hours = seen.totals[0].hours;
    assert_eq!((hours.total, hours.reached(), hours.missing()), (1_199, false, 1), "11.99 of 12 hours");

    let fixed =
        support::update(app, &w.partner, second.id, second.version, &support_draft(&w, w.partner_org, "4")).await.expect("correct it");
    let hours = support::for_enterprise(app, &w.lead, w.sme).await.expect("support").totals[0].hours;
    assert_eq!((hours.total, hours.reached()), (1_200, true), "exactly 12 hours count");

    // Withdrawn, the record stays but no longer counts.
    let withdrawn = support::withdraw(app, &w.partner, fixed.id, fixed.version, "recorded twice").await.expect("withdraw");
    assert!(withdrawn.withdrawn_at.is_some());
    let seen = support::for_enterprise(app, &w.lead, w.sme).await.expect("support");
    assert_eq!((seen.records.len(), seen.totals[0].hours.total), (2, 800));
    let again = support::update(app, &w.partner, fixed.id, withdrawn.version, &support_draft(&w, w.partner_org, "4")).await;
    assert!(matches!(again, Err(AppError::Conflict)), "a withdrawn record is not changed: {again:?}");
}

#[tokio::test]
async fn only_delivery_staff_record_and_only_for_their_own_organisation() {
    let w = World::new().await;
    let app = &w.env.app;
    let outsider = support::record(app, &w.outsider, w.project.id, &support_draft(&w, w.lead_org, "2")).await;
    assert!(matches!(outsider, Err(AppError::Denied(Denied::Forbidden))), "{outsider:?}");
    let as_lead = support::record(app, &w.partner, w.project.id, &support_draft(&w, w.lead_org, "2")).await;
    assert!(matches!(as_lead, Err(AppError::Denied(Denied::Forbidden))), "the partner records only its own support: {as_lead:?}");
    // The lead's staff may record the partner's support.
    support::record(app, &w.lead, w.project.id, &support_draft(&w, w.partner_org, "2")).await.expect("lead records for partner");
    // The enterprise must be an enterprise; advice needs its written output.
    let to_lab = SupportDraft { enterprise_id: w.partner_org.to_string(), ..support_draft(&w, w.lead_org, "2") };
    assert_eq!(invalid_field(support::record(app, &w.lead, w.project.id, &to_lab).await, "enterprise_id"), "not_enterprise");
    let vague = SupportDraft { written_output: None, ..support_draft(&w, w.lead_org, "2") };
    assert_eq!(invalid_field(support::record(app, &w.lead, w.project.id, &vague).await, "written_output"), "required");
    // Others do not see an enterprise's support.
    let (_, stranger) = w.env.user("someone@example.org", true).await;
    assert!(matches!(support::for_enterprise(app, &stranger, w.sme).await, Err(AppError::Denied(Denied::Forbidden))));
}

#[tokio::test]
async fn every_change_is_in_the_audit_trail_and_the_trail_verifies() {
    let w = World::new().await;
    let app = &w.env.app;
    let r = support::record(app, &w.lead, w.project.id, &support_draft(&w, w.lead_org, "2")).await.expect("record");
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let file = support::add_evidence(app, &w.lead, r.id, "action-plan.pdf", pdf).await.expect("evidence");
    assert_eq!((file.media_type.as_str(), file.size), ("application/pdf", pdf.len() as i64));
    let r = support::update(app, &w.lead, r.id, r.version, &support_draft(&w, w.lead_org, "2.5")).await.expect("update");
    support::withdraw(app, &w.lead, r.id, r.version, "wrong enterprise").await.expect("withdraw");
    assert_eq!(invalid_field(support::add_evidence(app, &w.lead, r.id, "notes.txt", b"hello").await, "evidence"), "file_type");

    let seen = support::for_enterprise(app, &w.sme_admin, w.sme).await.expect("support");
    let actions: Vec<&str> = seen.history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["withdrawn", "updated", "evidence_added", "created"], "newest first");
    let update = &seen.history[1];
    let hours = |v: &Option<serde_json::Value>| v.as_ref().and_then(|v| v.pointer("/input/hours")).and_then(|h| h.as_i64());
    assert_eq!((hours(&update.before), hours(&update.after)), (Some(200), Some(250)), "before and after");
    assert_eq!(seen.evidence[0].1.len(), 1);

    let report = tandem_app::audit::verify(app).await.expect("verify");
    assert!(report.is_intact(), "{:?}", report.problems);
    assert_eq!(report.entries, 5, "the project and four changes to the record");
    let (meta, bytes) = support::evidence_file(app, &w.sme_admin, file.id).await.expect("download");
    assert_eq!((meta.sha256.len(), bytes.as_slice()), (64, &pdf[..]));
    let (_, stranger) = w.env.user("someone@example.org", true).await;
    assert!(matches!(support::evidence_file(app, &stranger, file.id).await, Err(AppError::NotFound)), "strangers get nothing");
}

/// A PDF that passes the evidence check.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// An enterprise in Birmingham with a small-company declaration (unless `declared` is false).
async fn enterprise(w: &World, name: &str, declared: bool) -> OrgId {
    let birmingham = w.env.city("Birmingham").await;
    let email = format!("ceo@{}.example", name.to_lowercase().replace(' ', "-"));
    let (org, _, owner) = w.env.org(&email, &draft(name, OrgKind::Sme, birmingham)).await;
    if declared {
        let d = tandem_core::evidence::sme::DeclarationDraft {
            period_end: "2023-12-31".into(),
            staff: "12".into(),
            turnover: "900,000".into(),
            balance_sheet: "400,000".into(),
            currency: "EUR".into(),
            declared_by: "Owner".into(),
            declarant_role: "Director".into(),
            declared_on: "2024-01-15".into(),
            confirmed: true,
            ..Default::default()
        };
        tandem_app::evidence::sme::declare(&w.env.app, &owner, org.id, &d).await.expect("declare");
    }
    org.id
}

async fn evidenced(w: &World, by: &Actor, org: OrgId, enterprise: OrgId, hours: &str) -> String {
    let d = SupportDraft { enterprise_id: enterprise.to_string(), ..support_draft(w, org, hours) };
    let r = support::record(&w.env.app, by, w.project.id, &d).await.expect("record");
    support::add_evidence(&w.env.app, by, r.id, "plan.pdf", PDF).await.expect("evidence");
    r.id.to_string()
}

#[tokio::test]
async fn indicators_count_an_enterprise_once_with_its_records_and_say_what_near_misses_lack() {
    use tandem_rules::indicators::{IndicatorCode, Shortfall};
    let w = World::new().await;
    let twice = enterprise(&w, "Digbeth Widgets", true).await;
    let a = evidenced(&w, &w.lead, w.lead_org, twice, "8").await;
    let b = evidenced(&w, &w.partner, w.partner_org, twice, "4").await;
    let short = enterprise(&w, "Jewellery Quarter Labs", true).await;
    evidenced(&w, &w.lead, w.lead_org, short, "11.99").await;
    let undeclared = enterprise(&w, "Moseley Media", false).await;
    evidenced(&w, &w.lead, w.lead_org, undeclared, "12").await;

    let from = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).expect("date");
    let to = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("date");
    let report = tandem_app::evidence::indicators::compute(&w.env.app, &w.lead, w.project.id, from, to).await.expect("compute");
    let c1 = report.results.iter().find(|r| r.code == IndicatorCode::C1).expect("C1");
    assert_eq!(c1.total(), 1, "one enterprise, supported by two organisations, counted once");
    let entry = c1.entry(&twice.to_string()).expect("counted");
    let mut ids = entry.qualifying_ids.clone();
    ids.sort();
    let mut expected = vec![a, b];
    expected.sort();
    assert_eq!(ids, expected, "both records qualify it");
    assert_eq!(report.names.get(&twice.to_string()).map(String::as_str), Some("Digbeth Widgets"));
    assert!(report.results.iter().any(|r| r.code == IndicatorCode::C4 && r.total() == 1));

    let miss = c1.near_miss(&short.to_string()).expect("11.99 hours is a near miss");
    assert!(miss.missing.iter().any(|s| matches!(s, Shortfall::HoursShort { have_hundredths: 1_199, need_hundredths: 1_200 })), "{miss:?}");
    let miss = c1.near_miss(&undeclared.to_string()).expect("no declaration is a near miss");
    assert!(miss.missing.contains(&Shortfall::NoSmeDeclaration), "{miss:?}");
    assert_eq!(report.target("C1"), Some(120));

    let reversed = tandem_app::evidence::indicators::compute(&w.env.app, &w.lead, w.project.id, to, from).await;
    assert_eq!(invalid_field(reversed, "to"), "before_from");
}

#[tokio::test]
async fn the_demo_project_has_counted_enterprises_and_each_kind_of_near_miss() {
    use tandem_rules::indicators::{IndicatorCode, Shortfall};
    let env = Env::new().await;
    tandem_app::demo::seed(&env.app, 0).await.expect("seed");
    let manager = tandem_app::auth::login(&env.app, "jordan.manager@demo.tandem.example", tandem_app::demo::DEMO_PASSWORD).await.expect("login");
    let (_, actor) = tandem_app::auth::actor_for(&env.app, manager.id).await.expect("actor").expect("exists");
    let project = projects::list(&env.app, &actor).await.expect("projects").into_iter().find(|p| p.input.name == "Innovation Engine").expect("project");
    let from = chrono::NaiveDate::from_ymd_opt(2018, 1, 1).expect("date");
    let to = chrono::NaiveDate::from_ymd_opt(2018, 12, 31).expect("date");
    let report = tandem_app::evidence::indicators::compute(&env.app, &actor, project.id, from, to).await.expect("compute");
    let c1 = report.results.iter().find(|r| r.code == IndicatorCode::C1).expect("C1");
    assert!(c1.total() >= 2, "{c1:?}");
    let c2 = report.results.iter().find(|r| r.code == IndicatorCode::C2).expect("C2");
    assert!(c2.total() >= 1, "a grant: {c2:?}");
    let misses: Vec<&Shortfall> = c1.near_misses.iter().flat_map(|m| &m.missing).collect();
    assert!(misses.iter().any(|s| matches!(s, Shortfall::HoursShort { have_hundredths: 950, need_hundredths: 1_200 })), "{misses:?}");
    assert!(misses.contains(&&Shortfall::NoSmeDeclaration), "{misses:?}");
    assert!(misses.iter().any(|s| matches!(s, Shortfall::NoWrittenOutput { .. })), "{misses:?}");
    let audit = tandem_app::audit::verify(&env.app).await.expect("verify");
    assert!(audit.is_intact() && audit.entries > 20, "{audit:?}");

    let claim = tandem_app::evidence::claims::claim_of(&report);
    let c1_rows = &claim.indicators.iter().find(|i| i.code == "C1").expect("C1 in the claim").rows;
    assert!(c1_rows.iter().all(|r| !r.evidence.is_empty()), "every row shows its evidence files");
    assert!(c1_rows.iter().filter(|r| r.activity != "grant").all(|r| !r.written_output.is_empty()), "and advice its written output");
    let near = &claim.indicators.iter().find(|i| i.code == "C1").expect("C1").near_misses;
    assert!(near.iter().any(|(_, why)| why.contains("9.5 of 12 hours")), "{near:?}");
}

#[tokio::test]
async fn a_pre_start_client_is_marked_by_the_project_staff_only_and_the_mark_is_audited() {
    use tandem_app::evidence::pre_starts;
    let w = World::new().await;
    let app = &w.env.app;
    support::record(app, &w.lead, w.project.id, &support_draft(&w, w.lead_org, "12")).await.expect("record");

    // Those who do not record for the project may not mark; nor may the enterprise itself.
    for who in [&w.outsider, &w.sme_admin] {
        let denied = pre_starts::mark(app, who, w.project.id, w.sme).await;
        assert!(matches!(denied, Err(AppError::Denied(Denied::Forbidden))), "{denied:?}");
    }
    // Only an enterprise can be a would-be business.
    assert_eq!(invalid_field(pre_starts::mark(app, &w.lead, w.project.id, w.partner_org).await, "enterprise_id"), "not_enterprise");

    pre_starts::mark(app, &w.partner, w.project.id, w.sme).await.expect("the partner marks it");
    pre_starts::mark(app, &w.lead, w.project.id, w.sme).await.expect("marking again changes nothing");
    let seen = support::for_enterprise(app, &w.sme_admin, w.sme).await.expect("support");
    assert!(seen.totals[0].pre_start, "its page shows the mark");
    let marks: Vec<&str> = seen.history.iter().map(|e| e.action.as_str()).filter(|a| a.starts_with("pre_start")).collect();
    assert_eq!(marks, ["pre_start_marked"], "one audit entry, the first mark");

    pre_starts::unmark(app, &w.lead, w.project.id, w.sme).await.expect("unmark");
    let seen = support::for_enterprise(app, &w.lead, w.sme).await.expect("support");
    assert!(!seen.totals[0].pre_start);
    assert_eq!(seen.history[0].action, "pre_start_unmarked", "newest first");
    assert!(tandem_app::audit::verify(app).await.expect("verify").is_intact());
}

#[tokio::test]
async fn support_is_recorded_under_a_programme_of_the_organisation_that_gave_it() {
    use tandem_app::directory::programmes;
    use tandem_core::directory::ProgrammeDraft;
    let w = World::new().await;
    let app = &w.env.app;
    let programme = |name: &str| ProgrammeDraft {
        name: name.into(),
        kind: "acceleration".into(),
        status: "open".into(),
        description_en: Some("Six months of coaching".into()),
        sectors: vec!["62".into()],
        ..Default::default()
    };
    let lead_programme = programmes::create(app, &w.lead, w.lead_org, &programme("Innovation Engine")).await.expect("lead's programme");
    let partner_programme = programmes::create(app, &w.partner, w.partner_org, &programme("Lab Mentoring")).await.expect("partner's");

    let under = |p: &tandem_core::directory::Programme| SupportDraft { programme_id: p.id.to_string(), ..support_draft(&w, w.lead_org, "3") };
    let record = support::record(app, &w.lead, w.project.id, &under(&lead_programme)).await.expect("under the lead's programme");
    assert_eq!(record.input.programme_id, Some(lead_programme.id));
    let other = support::record(app, &w.lead, w.project.id, &under(&partner_programme)).await;
    assert_eq!(invalid_field(other, "programme_id"), "other_org", "the partner's programme is not the lead's");
    let nonsense = SupportDraft { programme_id: "not-an-id".into(), ..support_draft(&w, w.lead_org, "3") };
    assert_eq!(invalid_field(support::record(app, &w.lead, w.project.id, &nonsense).await, "programme_id"), "unknown_programme");
    // Corrected to none, it is stored as none.
    let none = support::update(app, &w.lead, record.id, record.version, &support_draft(&w, w.lead_org, "3")).await.expect("update");
    assert_eq!(none.input.programme_id, None);
}
