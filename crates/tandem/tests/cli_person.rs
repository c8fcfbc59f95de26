//! `tandem person export` and `tandem person erase` end to end on a real SQLite file (GDPR; issue
//! 6, item 8): the export is JSON with the person's support records; erasure needs --yes, a dry
//! run changes nothing, and afterwards the audit trail verifies, the person cannot log in, their
//! name is in no text column of the tables erasure touches, and the support records still count.

use assert_cmd::Command;
use std::time::Duration;
use tandem_app::admin::{self, NewAccount};
use tandem_app::evidence::{projects, support};
use tandem_app::{App, AppConfig};
use tandem_core::account::{Locale, OrgRole, User};
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::evidence::project::ProjectDraft;
use tandem_core::evidence::support::SupportDraft;
use tandem_core::policy::{Actor, PlatformAdmin};
use tandem_store::Db;
use tandem_testkit::sqlx;
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const ADVISER: &str = "Jordan Hayes";
const ADVISER_EMAIL: &str = "jordan@ib.example";
const PASSWORD: &str = "correct horse battery";
/// Every table erasure changes; the test reads all their text columns.
const TOUCHED: &[&str] = &[
    "users",
    "memberships",
    "api_tokens",
    "email_tokens",
    "saved_searches",
    "match_feedback",
    "login_failures",
    "people",
    "outbox",
    "support_records",
    "sme_declarations",
    "event_registrations",
    "event_answers",
    "event_meetings",
    "event_meeting_feedback",
    "audit_log",
];

fn tandem(dir: &TempDir, url: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.current_dir(dir.path());
    for var in ["TANDEM_DATA_DIR", "TANDEM_CONFIG", "TANDEM_LEXICON"] {
        cmd.env_remove(var);
    }
    cmd.env("TANDEM_DATABASE_URL", url).env("TANDEM_LOG", "warn").timeout(Duration::from_secs(60));
    cmd
}

async fn account(app: &App, email: &str, name: &str) -> Result<(User, Actor), Box<dyn std::error::Error>> {
    let new =
        NewAccount { email: email.into(), display_name: name.into(), password: PASSWORD.into(), locale: Locale::En, platform_admin: false };
    let user = admin::add_user(app, PlatformAdmin::operator(), new).await?;
    let actor = tandem_app::auth::actor_for(app, user.id).await?.ok_or("no actor")?.1;
    Ok((user, actor))
}

async fn organisation(app: &App, actor: &Actor, name: &str, kind: OrgKind) -> Result<tandem_core::OrgId, Box<dyn std::error::Error>> {
    let city = tandem_app::directory::cities(app).await?.into_iter().find(|c| c.name == "Birmingham").ok_or("no Birmingham")?.id;
    let draft = OrganisationDraft {
        name: name.into(),
        kind: kind.key().into(),
        city_id: city.to_string(),
        nace_codes: vec!["62.01".into()],
        ..Default::default()
    };
    Ok(tandem_app::directory::organisations::create(app, actor, &draft).await?.id)
}

/// Innovation Birmingham's adviser Jordan Hayes gave Daden Ltd two sessions of advice; a
/// password-reset mail to them waits in the outbox.
async fn seed(url: &str, dir: &TempDir) -> TestResult {
    let config = AppConfig {
        base_url: "http://tandem.test".into(),
        data_dir: dir.path().to_path_buf(),
        smtp_url: None,
        mail_from: "Tandem <noreply@tandem.test>".into(),
    };
    let app = App::open(url, config).await?;
    let (_, lead) = account(&app, "lead@ib.example", "Lee Lead").await?;
    let lead_org = organisation(&app, &lead, "Innovation Birmingham", OrgKind::Incubator).await?;
    let lead = tandem_app::auth::actor_for(&app, lead.user()?.id).await?.ok_or("no actor")?.1;
    let (_, owner) = account(&app, "ceo@daden.example", "Dana Ward").await?;
    let sme = organisation(&app, &owner, "Daden Ltd", OrgKind::Sme).await?;
    let (adviser, _) = account(&app, ADVISER_EMAIL, ADVISER).await?;
    let grant = admin::RoleGrant::InOrganisation { organisation: lead_org.to_string(), role: OrgRole::ProgrammeManager };
    admin::set_role(&app, PlatformAdmin::operator(), ADVISER_EMAIL, grant).await?;
    let adviser_actor = tandem_app::auth::actor_for(&app, adviser.id).await?.ok_or("no actor")?.1;

    let project = ProjectDraft {
        name: "Innovation Engine".into(),
        lead_org_id: lead_org.to_string(),
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
    };
    let lists = projects::ListsDraft { cities: vec![lead_city(&app).await?], ..Default::default() };
    let project = projects::create(&app, &lead, &project, &lists).await?;
    for (hours, on) in [("8", "2024-05-14"), ("4.5", "2024-06-02")] {
        let d = SupportDraft {
            enterprise_id: sme.to_string(),
            support_org_id: lead_org.to_string(),
            adviser_name: ADVISER.into(),
            delivered_on: on.into(),
            hours: hours.into(),
            activity: "one_to_one_advice".into(),
            written_output: Some("Action plan for export markets".into()),
            ..Default::default()
        };
        support::record(&app, &adviser_actor, project.id, &d).await?;
    }
    tandem_app::auth::request_password_reset(&app, ADVISER_EMAIL).await?;
    app.db().close().await;
    Ok(())
}

async fn lead_city(app: &App) -> Result<String, Box<dyn std::error::Error>> {
    let cities = tandem_app::directory::cities(app).await?;
    Ok(cities.into_iter().find(|c| c.name == "Birmingham").ok_or("no Birmingham")?.id.to_string())
}

/// Every value of every text column of the touched tables.
async fn texts(db: &Db) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let Db::Sqlite(pool) = db else { return Err("SQLite only".into()) };
    let mut out = Vec::new();
    for table in TOUCHED {
        let columns: Vec<String> =
            sqlx::query_scalar("SELECT name FROM pragma_table_info(?) WHERE type = 'TEXT'").bind(table).fetch_all(pool).await?;
        for column in columns {
            let sql = format!("SELECT COALESCE({column}, '') FROM {table} ORDER BY rowid");
            let values: Vec<String> = sqlx::query_scalar(&sql).fetch_all(pool).await?;
            out.extend(values.into_iter().map(|v| format!("{table}.{column}: {v}")));
        }
    }
    Ok(out)
}

async fn scalar(db: &Db, sql: &str) -> Result<i64, Box<dyn std::error::Error>> {
    let Db::Sqlite(pool) = db else { return Err("SQLite only".into()) };
    Ok(sqlx::query_scalar(sql).fetch_one(pool).await?)
}

#[tokio::test]
async fn export_then_erase_a_person_with_a_dry_run_first() -> TestResult {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}/tandem.db?mode=rwc", dir.path().display());
    tandem(&dir, &url).arg("migrate").assert().success();
    seed(&url, &dir).await?;

    // Export: JSON with the person's support records.
    let out = tandem(&dir, &url).args(["person", "export", "--email", ADVISER_EMAIL]).assert().success();
    let export: serde_json::Value = serde_json::from_slice(&out.get_output().stdout)?;
    assert_eq!(export["account"]["display_name"], ADVISER);
    let records = export["support_records"].as_array().ok_or("support_records")?;
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|r| r["record"]["input"]["adviser_name"] == ADVISER && r["roles"][0] == "adviser"));
    assert_eq!(export["mail"].as_array().map(Vec::len), Some(1), "the password-reset mail");
    let file = dir.path().join("jordan.json");
    tandem(&dir, &url).args(["person", "export", "--email", ADVISER_EMAIL, "--output"]).arg(&file).assert().success();
    assert_eq!(serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&file)?)?["support_records"], export["support_records"]);

    // Unknown addresses and a missing --yes are the user's mistakes.
    let unknown = tandem(&dir, &url).args(["person", "export", "--email", "nobody@example.org"]).assert().code(2);
    assert!(String::from_utf8_lossy(&unknown.get_output().stderr).contains("no account has the address nobody@example.org"));
    let unknown = tandem(&dir, &url).args(["person", "erase", "--email", "nobody@example.org", "--yes"]).assert().code(2);
    assert!(String::from_utf8_lossy(&unknown.get_output().stderr).contains("no account has the address"));
    let unconfirmed = tandem(&dir, &url).args(["person", "erase", "--email", ADVISER_EMAIL]).assert().code(2);
    assert!(String::from_utf8_lossy(&unconfirmed.get_output().stderr).contains("add --yes"));

    let db = Db::connect(&url).await?;
    let before = texts(&db).await?;
    let counted = "SELECT COUNT(*) * 100000 + SUM(hours) FROM support_records WHERE withdrawn_at IS NULL";
    let support = scalar(&db, counted).await?;
    db.close().await;

    // A dry run says what it would do and changes nothing.
    let dry = tandem(&dir, &url).args(["person", "erase", "--email", ADVISER_EMAIL, "--dry-run", "--yes"]).assert().success();
    let stdout = String::from_utf8_lossy(&dry.get_output().stdout).into_owned();
    assert!(stdout.contains("support_records") && stdout.contains("dry run: nothing was changed"), "{stdout}");
    let db = Db::connect(&url).await?;
    assert_eq!(texts(&db).await?, before, "the dry run changed something");
    db.close().await;

    let done = tandem(&dir, &url).args(["person", "erase", "--email", ADVISER_EMAIL, "--yes"]).assert().success();
    let stdout = String::from_utf8_lossy(&done.get_output().stdout).into_owned();
    assert!(stdout.contains("erased jordan@ib.example") && stdout.contains("Erased person "), "{stdout}");
    let verified = tandem(&dir, &url).args(["audit", "verify"]).assert().success();
    assert!(String::from_utf8_lossy(&verified.get_output().stdout).ends_with("intact\n"));
    // The address is free again: nobody has it.
    let gone = tandem(&dir, &url).args(["person", "export", "--email", ADVISER_EMAIL]).assert().code(2);
    assert!(String::from_utf8_lossy(&gone.get_output().stderr).contains("no account has the address"));

    let db = Db::connect(&url).await?;
    assert_eq!(scalar(&db, counted).await?, support, "the support records still count");
    for text in texts(&db).await? {
        let lower = text.to_lowercase();
        assert!(!lower.contains("jordan") && !lower.contains("hayes"), "still there: {text}");
    }
    db.close().await;
    let config = AppConfig {
        base_url: "http://tandem.test".into(),
        data_dir: dir.path().to_path_buf(),
        smtp_url: None,
        mail_from: "Tandem <noreply@tandem.test>".into(),
    };
    let app = App::open(&url, config).await?;
    assert!(tandem_app::auth::login(&app, ADVISER_EMAIL, PASSWORD).await.is_err(), "the old login is gone");
    app.db().close().await;
    Ok(())
}
