//! Use-case tests over a real database: SQLite, or PostgreSQL when `TANDEM_TEST_DATABASE_URL`
//! names a server. Each test opens its own app on a fresh database.

mod alerts;
mod auth;
mod demo;
mod directory;
mod events;
mod evidence;
mod evidence_ledger;
mod evidence_outcomes;
mod evidence_sme;
mod evidence_support_import;
mod lifecycle_job;
mod matching;
mod meetings;
mod mail;
mod partnering_interests;
mod partnering_profiles;
mod portability;
mod privacy;
mod profile_exchange;
mod research_import;

use tandem_app::admin::{self, NewAccount};
use tandem_app::{App, AppConfig, AppError};
use tandem_core::account::{Locale, OrgRole, User};
use tandem_core::directory::{OrgKind, Organisation, OrganisationDraft};
use tandem_core::policy::{Actor, PlatformAdmin};
use tandem_core::{CityId, OrgId};
use tandem_store::outbox::OutboxMessage;
use tandem_testkit::tempfile::TempDir;
use tandem_testkit::TestDb;

/// A password every test account uses (long enough for the rules).
pub const PASSWORD: &str = "correct horse battery";
/// Base URL configured for emailed links.
pub const BASE_URL: &str = "http://tandem.test:8080";

/// An app over a fresh database, with its data directory.
pub struct Env {
    pub app: App,
    pub data: TempDir,
    pub db: TestDb,
}

impl Env {
    /// An app that writes `.eml` files instead of sending mail.
    pub async fn new() -> Env {
        Env::with_smtp(None).await
    }

    /// An app that sends mail to `smtp_url`.
    pub async fn with_smtp(smtp_url: Option<String>) -> Env {
        let db = TestDb::new().await;
        let data = tandem_testkit::tempfile::tempdir().expect("data directory");
        let config = AppConfig {
            base_url: BASE_URL.into(),
            data_dir: data.path().to_path_buf(),
            smtp_url,
            mail_from: "Tandem <noreply@tandem.test>".into(),
        };
        let app = App::open(&db.url, config).await.expect("open the app");
        Env { app, data, db }
    }

    /// A verified (or not) account made by the operator, and its actor.
    pub async fn user(&self, email: &str, verified: bool) -> (User, Actor) {
        let account = NewAccount {
            email: email.into(),
            display_name: email.split('@').next().unwrap_or(email).into(),
            password: PASSWORD.into(),
            locale: Locale::En,
            platform_admin: false,
        };
        let user = admin::add_user(&self.app, PlatformAdmin::operator(), account).await.expect("add user");
        if !verified {
            let mut tx = self.app.db().begin().await.expect("begin");
            tandem_store::users::set_verified(tx.conn(), user.id, false, chrono::Utc::now()).await.expect("unverify");
            tx.commit().await.expect("commit");
        }
        let actor = self.actor(&user).await;
        (user, actor)
    }

    /// The current actor of `user` (memberships as they are now).
    pub async fn actor(&self, user: &User) -> Actor {
        tandem_app::auth::actor_for(&self.app, user.id).await.expect("actor").expect("user exists").1
    }

    /// Gives `user` `role` in `org`.
    pub async fn grant(&self, user: &User, org: OrgId, role: OrgRole) {
        let grant = admin::RoleGrant::InOrganisation { organisation: org.to_string(), role };
        admin::set_role(&self.app, PlatformAdmin::operator(), user.email.as_str(), grant).await.expect("grant");
    }

    /// An organisation created by a fresh verified user, who becomes its admin; returns both.
    pub async fn org(&self, admin_email: &str, draft: &OrganisationDraft) -> (Organisation, User, Actor) {
        let (user, actor) = self.user(admin_email, true).await;
        let org = tandem_app::directory::organisations::create(&self.app, &actor, draft).await.expect("create organisation");
        let actor = self.actor(&user).await;
        (org, user, actor)
    }

    /// The newest messages to `email`, newest first.
    pub async fn outbox_to(&self, email: &str) -> Vec<OutboxMessage> {
        let mut conn = self.app.db().acquire().await.expect("acquire");
        tandem_store::outbox::recent_to(conn.conn(), email).await.expect("outbox")
    }

    /// The id of the city called `name`.
    pub async fn city(&self, name: &str) -> CityId {
        tandem_app::directory::cities(&self.app).await.expect("cities").into_iter().find(|c| c.name == name).expect("city").id
    }
}

/// A valid draft.
pub fn draft(name: &str, kind: OrgKind, city: CityId) -> OrganisationDraft {
    OrganisationDraft {
        name: name.into(),
        kind: kind.key().into(),
        city_id: city.to_string(),
        nace_codes: vec!["62.01".into()],
        description_en: Some(format!("{name} makes software")),
        ..Default::default()
    }
}

/// Asserts `result` is a validation error naming `field` and returns its code.
#[track_caller]
pub fn invalid_field<T: std::fmt::Debug>(result: Result<T, AppError>, field: &str) -> &'static str {
    match result {
        Err(AppError::Invalid(errors)) => match errors.for_field(field) {
            Some(e) => e.code,
            None => panic!("no error for field {field}: {errors:?}"),
        },
        other => panic!("expected a validation error for {field}, got {other:?}"),
    }
}
