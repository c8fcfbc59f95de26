//! Personal data (issue 6, item 8; GDPR Art. 15, 17 and 20): a person exports their own data but
//! nobody else's; erasing an adviser and a signatory keeps every indicator of the project as it
//! was, the audit trail verifies afterwards, the person can no longer log in, and their name is
//! gone from the records that were kept; a dry run changes nothing.

use crate::{Env, PASSWORD, draft};
use chrono::NaiveDate;
use tandem_app::AppError;
use tandem_app::evidence::{indicators, projects, sme, support};
use tandem_app::privacy::{self, PersonExport};
use tandem_core::OrgId;
use tandem_core::account::{OrgRole, User};
use tandem_core::directory::OrgKind;
use tandem_core::evidence::project::{Project, ProjectDraft};
use tandem_core::evidence::sme::DeclarationDraft;
use tandem_core::evidence::support::SupportDraft;
use tandem_core::policy::{Actor, Denied, PlatformAdmin};

const ADVISER: &str = "Jordan Hayes";
const SIGNATORY: &str = "Dana Ward";

/// A project of Innovation Birmingham whose adviser Jordan Hayes supported Daden Ltd, whose
/// managing director Dana Ward signed its SME declaration.
struct World {
    env: Env,
    lead: Actor,
    project: Project,
    adviser: User,
    adviser_actor: Actor,
    signatory: User,
    sme: OrgId,
}

impl World {
    async fn new() -> World {
        let env = Env::new().await;
        let birmingham = env.city("Birmingham").await;
        let (lead_org, _, lead) = env.org("lead@ib.example", &draft("Innovation Birmingham", OrgKind::Incubator, birmingham)).await;
        let (sme, signatory, owner) = env.org("dana@daden.example", &draft("Daden Ltd", OrgKind::Sme, birmingham)).await;
        tandem_app::account::update(&env.app, &owner, SIGNATORY, "en").await.expect("name the signatory");
        let (adviser, _) = env.user("jordan@ib.example", true).await;
        env.grant(&adviser, lead_org.id, OrgRole::ProgrammeManager).await;
        let adviser_actor = env.actor(&adviser).await;
        tandem_app::account::update(&env.app, &adviser_actor, ADVISER, "en").await.expect("name the adviser");

        let project = projects::create(
            &env.app,
            &lead,
            &project_draft(lead_org.id),
            &projects::ListsDraft { cities: vec![birmingham.to_string()], targets: vec![("C1".into(), "10".into())], ..Default::default() },
        )
        .await
        .expect("project");
        let declaration = DeclarationDraft {
            period_end: "2023-12-31".into(),
            staff: "12".into(),
            turnover: "900,000".into(),
            balance_sheet: "400,000".into(),
            currency: "EUR".into(),
            declared_by: SIGNATORY.into(),
            declarant_role: "Managing director".into(),
            declared_on: "2024-01-15".into(),
            confirmed: true,
            ..Default::default()
        };
        sme::declare(&env.app, &owner, sme.id, &declaration).await.expect("declare");
        for (hours, on) in [("8", "2024-05-14"), ("4.5", "2024-06-02")] {
            let d = SupportDraft {
                enterprise_id: sme.id.to_string(),
                support_org_id: lead_org.id.to_string(),
                adviser_name: ADVISER.into(),
                delivered_on: on.into(),
                hours: hours.into(),
                activity: "one_to_one_advice".into(),
                written_output: Some(format!("Action plan for export markets, written by {ADVISER}")),
                ..Default::default()
            };
            let r = support::record(&env.app, &adviser_actor, project.id, &d).await.expect("record support");
            support::add_evidence(&env.app, &adviser_actor, r.id, "plan.pdf", PDF).await.expect("evidence");
        }
        let adviser = refreshed(&env, &adviser).await;
        let signatory = refreshed(&env, &signatory).await;
        World { env, lead, project, adviser, adviser_actor, signatory, sme: sme.id }
    }

    /// Every indicator's total and number of near misses for 2024.
    async fn indicator_counts(&self) -> Vec<(String, i64, usize)> {
        let (from, to) = (NaiveDate::from_ymd_opt(2024, 1, 1).expect("date"), NaiveDate::from_ymd_opt(2024, 12, 31).expect("date"));
        let report = indicators::compute(&self.env.app, &self.lead, self.project.id, from, to).await.expect("indicators");
        report.results.iter().map(|r| (format!("{:?}", r.code), r.total(), r.near_misses.len())).collect()
    }

    /// Every text the erasure may have touched, as one string per row (JSON of the export
    /// tables is not enough: the check reads the tables themselves).
    async fn texts(&self) -> Vec<String> {
        let db = self.env.app.db();
        let mut texts = Vec::new();
        for sql in [
            "SELECT email || ' ' || display_name FROM users",
            "SELECT adviser_name || ' ' || COALESCE(written_output, '') || ' ' || COALESCE(withdrawn_reason, '') FROM support_records",
            "SELECT declared_by || ' ' || declarant_role || ' ' || input FROM sme_declarations",
            "SELECT COALESCE(content, '') FROM audit_log",
            "SELECT recipient || ' ' || subject || ' ' || body_text FROM outbox",
        ] {
            let rows: Vec<String> = match db {
                tandem_store::Db::Sqlite(pool) => tandem_testkit::sqlx::query_scalar(sql).fetch_all(pool).await,
                tandem_store::Db::Postgres(pool) => tandem_testkit::sqlx::query_scalar(sql).fetch_all(pool).await,
            }
            .expect(sql);
            texts.extend(rows);
        }
        texts
    }

    async fn support_count(&self) -> usize {
        support::for_enterprise(&self.env.app, &self.lead, self.sme).await.expect("support").records.len()
    }
}

async fn refreshed(env: &Env, user: &User) -> User {
    tandem_app::auth::actor_for(&env.app, user.id).await.expect("read").expect("exists").0
}

fn project_draft(lead: OrgId) -> ProjectDraft {
    ProjectDraft {
        name: "Innovation Engine".into(),
        lead_org_id: lead.to_string(),
        funder: "erdf_england_2014_20".into(),
        scheme: None,
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

/// A PDF that passes the evidence check.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

fn json(export: &PersonExport) -> serde_json::Value {
    serde_json::to_value(export).expect("the export is JSON")
}

#[tokio::test]
async fn a_person_exports_their_own_data_and_nobody_elses() {
    let w = World::new().await;
    let app = &w.env.app;
    let export = privacy::export_person(app, &w.adviser_actor, w.adviser.id).await.expect("own export");
    let v = json(&export);
    assert_eq!(v["format"], "tandem-person-export/1");
    assert_eq!((v["account"]["display_name"].as_str(), v["account"]["email"].as_str()), (Some(ADVISER), Some("jordan@ib.example")));
    assert!(v["account"].get("password_hash").is_none(), "never the password hash");
    assert_eq!(export.memberships.len(), 1);
    assert_eq!(export.support_records.len(), 2);
    assert!(export.support_records.iter().all(|s| s.roles == ["adviser", "recorder"] && s.record.input.enterprise_id == w.sme));
    // The trail's entries for the records they made: created and evidence added, twice.
    assert_eq!(export.audit_entries.iter().filter(|e| e.roles.contains(&"actor")).count(), 4);

    // The signatory's export holds the declaration they signed (and recorded).
    let owner = w.env.actor(&w.signatory).await;
    let theirs = privacy::export_person(app, &owner, w.signatory.id).await.expect("signatory's export");
    assert_eq!(theirs.sme_declarations.len(), 1);
    assert_eq!(theirs.sme_declarations[0].roles, ["signatory", "recorder"]);
    assert!(theirs.support_records.is_empty());

    let denied = privacy::export_person(app, &owner, w.adviser.id).await;
    assert!(matches!(denied, Err(AppError::Denied(Denied::Forbidden))), "{denied:?}");
    let anonymous = privacy::export_person(app, &Actor::Anonymous, w.adviser.id).await;
    assert!(matches!(anonymous, Err(AppError::Denied(Denied::LoginRequired))), "{anonymous:?}");
    let unknown = privacy::account_by_email(app, PlatformAdmin::operator(), "nobody@example.org").await;
    assert!(matches!(unknown, Err(AppError::Invalid(_))), "{unknown:?}");
}

#[tokio::test]
async fn erasing_the_adviser_and_the_signatory_keeps_every_indicator_and_the_audit_trail() {
    let w = World::new().await;
    let app = &w.env.app;
    let counts = w.indicator_counts().await;
    assert!(counts.iter().any(|(code, total, _)| code == "C1" && *total == 1), "Daden Ltd counts under C1: {counts:?}");
    let records = w.support_count().await;
    let operator = PlatformAdmin::operator();

    // A dry run reports and keeps everything.
    let texts = w.texts().await;
    let trail = tandem_app::audit::verify(app).await.expect("verify");
    let dry = privacy::erase_person(app, operator, w.adviser.id, true).await.expect("dry run");
    assert!(dry.dry_run && dry.rows("support_records") == 2 && dry.rows("users") == 1, "{dry:?}");
    assert_eq!(w.texts().await, texts, "a dry run changes nothing");
    assert_eq!(tandem_app::audit::verify(app).await.expect("verify").entries, trail.entries);

    let report = privacy::erase_person(app, operator, w.adviser.id, false).await.expect("erase the adviser");
    assert_eq!(report.rows("support_records"), 2);
    assert_eq!(report.rows("memberships"), 1);
    assert!(report.pseudonym.starts_with("Erased person "), "{}", report.pseudonym);
    privacy::erase_person(app, operator, w.signatory.id, false).await.expect("erase the signatory");

    // Evidence stays countable.
    assert_eq!(w.indicator_counts().await, counts);
    assert_eq!(w.support_count().await, records);
    let status = sme::status(app, &w.lead, w.sme).await.expect("SME status");
    assert_eq!(status.declarations.len(), 1);
    assert!(status.declarations[0].declaration.declared_by.starts_with("Erased person "));

    // The records' history says the adviser's name was erased, without naming them.
    let history = support::for_enterprise(app, &w.lead, w.sme).await.expect("support").history;
    let renamed: Vec<_> = history.iter().filter(|e| e.action == "pseudonymised").collect();
    assert_eq!(renamed.len(), 2);
    let adviser = |v: &Option<serde_json::Value>| v.as_ref().and_then(|v| v.pointer("/input/adviser_name")?.as_str().map(str::to_owned));
    assert_eq!(adviser(&renamed[0].before).as_deref(), Some(privacy::ERASED_MARK));
    assert_eq!(adviser(&renamed[0].after), Some(report.pseudonym.clone()));

    // The trail verifies, with the content that named them erased.
    let verified = tandem_app::audit::verify(app).await.expect("verify");
    assert!(verified.is_intact(), "{:?}", verified.problems);
    assert!(verified.erased >= 3, "{verified:?}");
    assert!(verified.entries > trail.entries);

    // No login; their names and addresses are nowhere in what was kept.
    let login = tandem_app::auth::login(app, "jordan@ib.example", PASSWORD).await;
    assert!(matches!(login, Err(AppError::Invalid(_))), "{login:?}");
    let erased = refreshed(&w.env, &w.adviser).await;
    assert!(erased.email.as_str().ends_with("@erased.invalid") && !erased.is_platform_admin, "{erased:?}");
    let login = tandem_app::auth::login(app, erased.email.as_str(), "").await;
    assert!(login.is_err(), "no password matches an erased account");
    for text in w.texts().await {
        for needle in [ADVISER, SIGNATORY, "jordan@ib.example", "dana@daden.example"] {
            assert!(!text.to_lowercase().contains(&needle.to_lowercase()), "{needle} is still in: {text}");
        }
    }
    // The pseudonymised account can still be exported (by an admin): the pseudonym, nothing else.
    let after = privacy::export_person_as_operator(app, operator, w.adviser.id).await.expect("export after erasure");
    assert_eq!(after.account.display_name, report.pseudonym);
    assert!(after.memberships.is_empty() && after.api_tokens.is_empty());
}
