//! Bulk exchange of partnering profiles (issue 3, item 9) and the partnering demo (item 10):
//! all-or-nothing imports with every problem named by line and field, upserts by external id,
//! publishing on import, exports that round-trip.

use crate::{draft, Env};
use chrono::Utc;
use tandem_app::partnering::exchange::{self, ExchangeError, ImportOptions};
use tandem_app::partnering::profiles;
use tandem_core::directory::OrgKind;
use tandem_core::partnering::quality;
use tandem_core::partnering::{ProfileLanguage, ProfileState};
use tandem_core::policy::{Actor, PlatformAdmin};
use tandem_io::profile_exchange::{write_jsonl, LineError, LineRecord, ProfileRecord};

/// The first `n` demo profiles, without their support organisations (a fresh database has none).
fn sample(n: usize) -> Vec<ProfileRecord> {
    tandem_io::demo::profiles()
        .expect("demo profiles parse")
        .into_iter()
        .take(n)
        .map(|r| ProfileRecord { support_organisation: None, ..r.record })
        .collect()
}

fn jsonl(records: &[ProfileRecord]) -> String {
    let mut out = Vec::new();
    write_jsonl(records, &mut out).expect("write");
    String::from_utf8(out).expect("utf-8")
}

fn numbered(records: &[ProfileRecord]) -> Vec<LineRecord> {
    records.iter().enumerate().map(|(i, r)| LineRecord { line: i + 1, record: r.clone() }).collect()
}

async fn everything(env: &Env) -> Vec<ProfileRecord> {
    exchange::export_all(&env.app, PlatformAdmin::operator()).await.expect("export")
}

async fn org_count(env: &Env) -> i64 {
    let mut conn = env.app.db().acquire().await.expect("acquire");
    tandem_store::organisations::count(conn.conn()).await.expect("count")
}

#[track_caller]
fn lines_of(result: Result<exchange::ImportReport, ExchangeError>) -> Vec<LineError> {
    match result {
        Err(ExchangeError::Lines(lines)) => lines,
        other => panic!("expected line errors, got {other:?}"),
    }
}

#[tokio::test]
async fn imports_drafts_then_updates_them_by_external_id() {
    let env = Env::new().await;
    let records = sample(3);
    let report = exchange::import_jsonl(&env.app, PlatformAdmin::operator(), &jsonl(&records), ImportOptions::default())
        .await
        .expect("import");
    // Lines 1 and 2 share their organisation (demo-sme-01).
    assert_eq!((report.created, report.updated, report.organisations_created, report.organisations_updated), (3, 0, 2, 0));
    let mut conn = env.app.db().acquire().await.expect("acquire");
    let stored = tandem_store::profiles::get_by_external_id(conn.conn(), "demo-profile-01").await.expect("get").expect("stored");
    assert_eq!(stored.lifecycle.state, ProfileState::Draft);
    assert_eq!(stored.content.title, records[0].title);
    let owner = tandem_store::organisations::id_by_external_id(conn.conn(), "demo-sme-01").await.expect("get").expect("org");
    assert_eq!(stored.owner_org_id, owner);
    drop(conn);
    assert_eq!(everything(&env).await, records, "the export gives back what was imported");

    let mut changed = records.clone();
    changed[0].title = "VR simulation platform for clinical device training".into();
    changed[1].organisation.name = "Moseley MedSim Ltd".into();
    changed[0].organisation.name = "Moseley MedSim Ltd".into();
    let report = exchange::import_profiles(&env.app, PlatformAdmin::operator(), &numbered(&changed), ImportOptions::default())
        .await
        .expect("re-import");
    assert_eq!((report.created, report.updated, report.organisations_created, report.organisations_updated), (0, 3, 0, 1));
    assert_eq!(everything(&env).await, changed);
}

#[tokio::test]
async fn one_bad_line_writes_nothing_and_every_problem_is_named() {
    let env = Env::new().await;
    let before = org_count(&env).await;
    let mut records = sample(4);
    records[1].title = "x".repeat(300);
    records[1].keywords_market.push("999999".into());
    records[3].organisation.country = "GB".into();
    records[2].support_organisation = Some("No Such Incubator".into());
    let mut text = jsonl(&records);
    text.push_str("{\"external_id\": \"broken\", \"type\": \n");
    let lines = lines_of(exchange::import_jsonl(&env.app, PlatformAdmin::operator(), &text, ImportOptions::default()).await);
    let found: Vec<(usize, &str)> = lines.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(
        found,
        [(2, "title"), (2, "keywords_market"), (3, "support_organisation"), (4, "organisation.country"), (5, "")],
        "{lines:?}"
    );
    assert!(everything(&env).await.is_empty(), "nothing was written");
    assert_eq!(org_count(&env).await, before);
}

#[tokio::test]
async fn a_dry_run_checks_everything_and_writes_nothing() {
    let env = Env::new().await;
    let options = ImportOptions { publish: true, dry_run: true };
    let report = exchange::import_jsonl(&env.app, PlatformAdmin::operator(), &jsonl(&sample(5)), options).await.expect("dry run");
    assert!(report.dry_run);
    assert_eq!((report.created, report.published), (5, 5));
    assert!(everything(&env).await.is_empty());
    assert_eq!(org_count(&env).await, 0);
}

#[tokio::test]
async fn publishing_needs_the_quality_check_and_sets_the_dates() {
    let env = Env::new().await;
    let mut records = sample(2);
    records[1].summary = "Contact us at sales@moseley.example for a quote.".into();
    records[1].partner_sought.clear();
    let options = ImportOptions { publish: true, dry_run: false };
    let lines = lines_of(exchange::import_profiles(&env.app, PlatformAdmin::operator(), &numbered(&records), options).await);
    assert!(lines.iter().all(|e| e.line == 2), "{lines:?}");
    let fields: Vec<&str> = lines.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"summary") && fields.contains(&"partner_sought"), "{lines:?}");
    assert!(everything(&env).await.is_empty());

    let report = exchange::import_profiles(&env.app, PlatformAdmin::operator(), &numbered(&records[..1]), options)
        .await
        .expect("import");
    assert_eq!(report.published, 1);
    let mut conn = env.app.db().acquire().await.expect("acquire");
    let p = tandem_store::profiles::get_by_external_id(conn.conn(), "demo-profile-01").await.expect("get").expect("stored");
    assert_eq!(p.lifecycle.state, ProfileState::Published);
    let (published, expires) = (p.lifecycle.published_at.expect("published"), p.lifecycle.expires_at.expect("expires"));
    assert_eq!((expires - published).num_days(), 365);
    assert!((Utc::now() - published).num_minutes() < 5);
    let events = tandem_store::profiles::events(conn.conn(), p.id).await.expect("events");
    assert_eq!(events.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["import"]);
    // Now public, and anonymous.
    let view = profiles::view(&env.app, &Actor::Anonymous, p.id).await.expect("public");
    assert!(view.owner.identity.is_none());
}

#[tokio::test]
async fn organisations_are_matched_to_the_partnership_cities_and_support_organisations_by_name() {
    let env = Env::new().await;
    let leipzig = env.city("Leipzig").await;
    let (spinlab, _, _) = env.org("spinlab@example.org", &draft("SpinLab", OrgKind::Accelerator, leipzig)).await;
    let (sme, _, _) = env.org("sme@example.org", &draft("Some SME GmbH", OrgKind::Sme, leipzig)).await;
    let mut records = sample(2);
    records[0].organisation.city = "leipzig".into();
    records[0].organisation.country = "de".into();
    records[0].support_organisation = Some("SpinLab".into());
    records[1].support_organisation = Some("Some SME GmbH".into());
    let lines = lines_of(exchange::import_profiles(&env.app, PlatformAdmin::operator(), &numbered(&records), ImportOptions::default()).await);
    // Line 2 describes demo-sme-01 differently (Birmingham), and names an SME as its support.
    assert_eq!(
        lines.iter().map(|e| (e.line, e.field.as_str())).collect::<Vec<_>>(),
        [(2, "organisation.external_id"), (2, "support_organisation")],
        "{lines:?}"
    );
    assert!(lines[1].message.contains("Some SME GmbH"));

    records[1].support_organisation = None;
    let lines = lines_of(exchange::import_profiles(&env.app, PlatformAdmin::operator(), &numbered(&records), ImportOptions::default()).await);
    assert_eq!(lines.iter().map(|e| (e.line, e.field.as_str())).collect::<Vec<_>>(), [(2, "organisation.external_id")]);

    exchange::import_profiles(&env.app, PlatformAdmin::operator(), &numbered(&records[..1]), ImportOptions::default())
        .await
        .expect("import");
    let exported = everything(&env).await;
    assert_eq!(exported[0].organisation.city, "Leipzig");
    assert_eq!(exported[0].support_organisation.as_deref(), Some("SpinLab"));
    let _ = (spinlab, sme);
}

#[tokio::test]
async fn profiles_written_in_the_browser_round_trip_by_their_ids() {
    let env = Env::new().await;
    let leipzig = env.city("Leipzig").await;
    let (org, _, actor) = env.org("owner@example.org", &draft("Plagwitz Robotik GmbH", OrgKind::Sme, leipzig)).await;
    let form = tandem_core::partnering::ProfileDraft {
        profile_type: "BR".into(),
        language: "de".into(),
        title: "Vertriebspartner gesucht".into(),
        summary: Some("Kurz".into()),
        description: Some("Lang".into()),
        ..Default::default()
    };
    let created = profiles::create(&env.app, &actor, org.id, None, &form).await.expect("create");
    let exported = everything(&env).await;
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0].external_id, created.id.to_string());
    assert_eq!(exported[0].organisation.external_id, org.id.to_string());
    let report = exchange::import_jsonl(&env.app, PlatformAdmin::operator(), &jsonl(&exported), ImportOptions::default())
        .await
        .expect("re-import");
    assert_eq!((report.created, report.updated, report.organisations_created), (0, 1, 0));
    assert_eq!(everything(&env).await, exported);
}

#[tokio::test]
async fn only_admins_export_everything() {
    let env = Env::new().await;
    let options = ImportOptions { publish: true, dry_run: false };
    exchange::import_profiles(&env.app, PlatformAdmin::operator(), &numbered(&sample(2)), options).await.expect("publish");
    exchange::import_profiles(&env.app, PlatformAdmin::operator(), &numbered(&sample(3)[2..]), ImportOptions::default())
        .await
        .expect("draft");
    assert_eq!(everything(&env).await.len(), 3);
    assert!(exchange::export_profiles(&env.app, &Actor::Anonymous).await.expect("export").is_empty(), "owners stay anonymous");
    let (_, stranger) = env.user("stranger@example.org", true).await;
    assert!(exchange::export_profiles(&env.app, &stranger).await.expect("export").is_empty());
    let leipzig = env.city("Leipzig").await;
    let (_, _, broker) = env.org("pm@example.org", &draft("SpinLab", OrgKind::Accelerator, leipzig)).await;
    let seen = exchange::export_profiles(&env.app, &broker).await.expect("export");
    assert_eq!(seen.iter().map(|r| r.external_id.as_str()).collect::<Vec<_>>(), ["demo-profile-01", "demo-profile-02"]);
}

#[tokio::test]
async fn the_demo_has_a_living_marketplace() {
    let env = Env::new().await;
    demo_checks(&env).await;
}

async fn demo_checks(env: &Env) {
    let report = tandem_app::demo::seed(&env.app, 0).await.expect("seed");
    assert!(report.seeded);
    let all = everything(env).await;
    assert!(all.len() >= 40, "{} profiles", all.len());
    assert!(all.iter().filter(|r| r.language == "de").count() >= 5, "some profiles are German");
    let mut conn = env.app.db().acquire().await.expect("acquire");
    let mut states = Vec::new();
    let today = Utc::now().date_naive();
    for record in &all {
        let p = tandem_store::profiles::get_by_external_id(conn.conn(), &record.external_id).await.expect("get").expect("stored");
        states.push(p.lifecycle.state);
        if p.lifecycle.state == ProfileState::Published {
            let owner = tandem_store::organisations::get(conn.conn(), p.owner_org_id).await.expect("get").expect("owner");
            let problems = quality::check(&p.content, &profiles::owner_facts(&owner), today);
            assert!(problems.is_empty(), "{}: {problems:?}", record.external_id);
            assert!(p.support_org_id.is_some(), "{} has a support organisation", record.external_id);
        }
        if p.lifecycle.state == ProfileState::Returned {
            assert!(p.review_comments.is_some());
        }
    }
    let count = |s: ProfileState| states.iter().filter(|x| **x == s).count();
    assert_eq!((count(ProfileState::Draft), count(ProfileState::Submitted), count(ProfileState::Returned)), (2, 1, 1));
    assert!(count(ProfileState::Published) >= 36);
    assert!(all.iter().any(|r| r.language == ProfileLanguage::De.key()));

    let introduced = tandem_store::agreements::introductions(conn.conn()).await.expect("introductions");
    assert!(introduced >= 3, "{introduced} introductions");
    let mut interest_states = Vec::new();
    let mut agreement_states = Vec::new();
    for record in &all {
        let p = tandem_store::profiles::get_by_external_id(conn.conn(), &record.external_id).await.expect("get").expect("stored");
        interest_states.extend(tandem_store::interests::for_profile(conn.conn(), p.id).await.expect("interests").into_iter().map(|i| i.state));
        agreement_states.extend(tandem_store::agreements::for_profile(conn.conn(), p.id).await.expect("agreements").into_iter().map(|a| a.state));
    }
    assert!(interest_states.len() >= 6, "{interest_states:?}");
    for state in ["submitted", "introduced", "declined"] {
        assert!(interest_states.iter().any(|s| s.key() == state), "an interest is {state}");
    }
    assert_eq!(agreement_states.len(), 2);
    assert_ne!(agreement_states[0], agreement_states[1], "the agreements are in different states");
    drop(conn);

    // The SME demo login sees its organisation's profiles.
    let user = tandem_app::auth::login(&env.app, "chris.sme@demo.tandem.example", tandem_app::demo::DEMO_PASSWORD).await.expect("login");
    let (_, chris) = tandem_app::auth::actor_for(&env.app, user.id).await.expect("actor").expect("exists");
    let mine = profiles::mine(&env.app, &chris).await.expect("my profiles");
    assert!(mine.len() >= 2, "{} profiles", mine.len());
    assert!(mine.iter().any(|l| l.profile.lifecycle.state == ProfileState::Draft));

    // Seeding again changes nothing.
    let again = tandem_app::demo::seed(&env.app, 0).await.expect("seed again");
    assert!(!again.seeded);
    assert_eq!(everything(env).await.len(), all.len());
}
