//! The whole application served on a free port of 127.0.0.1, over a fresh database, with helpers
//! for what most web tests do first (accounts, memberships, logging in, reading the outbox).

use crate::db::TestDb;
use std::net::SocketAddr;
use std::path::PathBuf;
use tandem_app::admin::{self, NewAccount, RoleGrant};
use tandem_app::demo::SeedReport;
use tandem_app::{App, AppConfig};
use tandem_core::account::{Locale, OrgRole, User};
use tandem_core::policy::{Actor, PlatformAdmin};
use tandem_core::OrgId;
use tandem_store::outbox::{self, OutboxMessage};
use tandem_web::{AppState, WebConfig};
use tempfile::TempDir;
use tokio::sync::oneshot;

/// The sender address of every email a test app sends.
pub const TEST_MAIL_FROM: &str = "Tandem <noreply@tandem.test>";

/// A running Tandem server; it shuts down when dropped.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`, also the app's configured public URL.
    pub base_url: String,
    /// The use cases, over the same database the server uses.
    pub app: App,
    /// The app's data directory (`.eml` files land in `<data_dir>/outbox/` without SMTP).
    pub data_dir: PathBuf,
    shutdown: Option<oneshot::Sender<()>>,
    // Dropped after the server is told to stop: the data directory, then the database.
    _data: TempDir,
    /// The database (kept alive as long as the app).
    pub db: TestDb,
}

impl std::fmt::Debug for TestApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestApp").field("base_url", &self.base_url).field("db", &self.db).finish()
    }
}

impl TestApp {
    /// Serves the app without SMTP (emails become `.eml` files; the outbox table is what tests read).
    pub async fn spawn() -> TestApp {
        TestApp::spawn_inner(None).await
    }

    /// Serves the app sending email to `smtp_url` (e.g. an [`crate::SmtpListener`]'s URL).
    pub async fn spawn_with_smtp(smtp_url: impl Into<String>) -> TestApp {
        TestApp::spawn_inner(Some(smtp_url.into())).await
    }

    async fn spawn_inner(smtp_url: Option<String>) -> TestApp {
        let db = TestDb::new().await;
        let data = tempfile::Builder::new().prefix("tandem-data-").tempdir().expect("create a data directory");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a free port");
        let port = listener.local_addr().expect("listener address").port();
        let base_url = format!("http://127.0.0.1:{port}");
        let config = AppConfig {
            base_url: base_url.clone(),
            data_dir: data.path().to_path_buf(),
            smtp_url,
            mail_from: TEST_MAIL_FROM.to_owned(),
        };
        let app = App::open(&db.url, config).await.expect("open the app on the test database");
        let router = tandem_web::router(AppState { app: app.clone(), config: WebConfig { secure_cookies: false }, metrics: None });
        let (shutdown, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let service = router.into_make_service_with_connect_info::<SocketAddr>();
            let _ = axum::serve(listener, service)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await;
        });
        TestApp { base_url, app, data_dir: data.path().to_path_buf(), shutdown: Some(shutdown), _data: data, db }
    }

    /// The absolute URL of `path` (`/login` → `http://127.0.0.1:<port>/login`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// An HTTP client that keeps cookies and does not follow redirects (so tests see the 303s).
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("build an HTTP client")
    }

    /// Creates an account through the operator path (as `tandem user add` does). `verified:
    /// false` leaves its address unconfirmed, like a fresh registration. The display name is the
    /// address's local part.
    pub async fn create_user(&self, email: &str, password: &str, verified: bool, platform_admin: bool) -> User {
        let display_name = email.split('@').next().unwrap_or(email).to_owned();
        let account = NewAccount {
            email: email.to_owned(),
            display_name,
            password: password.to_owned(),
            locale: Locale::En,
            platform_admin,
        };
        let mut user = admin::add_user(&self.app, PlatformAdmin::operator(), account).await.expect("create a test user");
        if !verified {
            let mut tx = self.app.db().begin().await.expect("begin");
            tandem_store::users::set_verified(tx.conn(), user.id, false, chrono::Utc::now()).await.expect("unverify the user");
            tx.commit().await.expect("commit");
            user.email_verified = false;
        }
        user
    }

    /// Gives the account with `email` `role` in organisation `org`.
    pub async fn add_membership(&self, email: &str, org: OrgId, role: OrgRole) {
        let grant = RoleGrant::InOrganisation { organisation: org.to_string(), role };
        admin::set_role(&self.app, PlatformAdmin::operator(), email, grant).await.expect("grant the membership");
    }

    /// The actor the app would build for the account with `email` (its current memberships).
    pub async fn actor(&self, email: &str) -> Actor {
        let email = tandem_core::account::Email::parse(email).expect("valid address");
        let user = {
            let mut conn = self.app.db().acquire().await.expect("acquire");
            tandem_store::users::by_email(conn.conn(), &email).await.expect("look up the user").expect("no such user")
        };
        tandem_app::auth::actor_for(&self.app, user.id).await.expect("load the actor").expect("user vanished").1
    }

    /// Logs `client` in through the login form (token and `Origin` header included); asserts
    /// the 303 that a successful login answers with.
    pub async fn login(&self, client: &reqwest::Client, email: &str, password: &str) {
        let token = self.csrf(client, "/login").await;
        let response = client
            .post(self.url("/login"))
            .header(reqwest::header::ORIGIN, &self.base_url)
            .form(&[("email", email), ("password", password), ("_csrf", token.as_str())])
            .send()
            .await
            .expect("POST /login");
        let status = response.status();
        if status != reqwest::StatusCode::SEE_OTHER {
            let body = response.text().await.unwrap_or_default();
            panic!("login of {email} answered {status}, not 303 See Other:\n{body}");
        }
    }

    /// GETs `path` with `client` and returns the form token of the page.
    pub async fn csrf(&self, client: &reqwest::Client, path: &str) -> String {
        let response = client.get(self.url(path)).send().await.unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let status = response.status();
        let html = response.text().await.unwrap_or_else(|e| panic!("body of GET {path}: {e}"));
        csrf_token(&html).unwrap_or_else(|| panic!("GET {path} ({status}) has no _csrf input:\n{html}"))
    }

    /// The newest (up to 20) outbox messages to `email`, newest first.
    pub async fn outbox_to(&self, email: &str) -> Vec<OutboxMessage> {
        let mut conn = self.app.db().acquire().await.expect("acquire");
        outbox::recent_to(conn.conn(), email).await.expect("read the outbox")
    }

    /// Creates an API token for the account (checking its password) and returns the secret.
    pub async fn api_token(&self, email: &str, password: &str) -> String {
        let user = tandem_app::auth::login(&self.app, email, password).await.expect("credentials for the API token");
        let (_, actor) = tandem_app::auth::actor_for(&self.app, user.id).await.expect("load the actor").expect("user vanished");
        tandem_app::auth::api_tokens::create(&self.app, &actor, "test token").await.expect("create an API token").secret
    }

    /// Seeds the Birmingham–Leipzig demo with `smes` synthetic SMEs.
    pub async fn seed_demo(&self, smes: usize) -> SeedReport {
        tandem_app::demo::seed(&self.app, smes).await.expect("seed the demo")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

/// The value of the first `<input … name="_csrf" value="…">` in `html`.
pub fn csrf_token(html: &str) -> Option<String> {
    input_value(html, "_csrf")
}

/// The `value` of the first `<input>` whose `name` is `name` (attributes in any order).
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let needle = format!("name=\"{name}\"");
    let mut rest = html;
    while let Some(start) = rest.find("<input") {
        let tag_and_more = &rest[start..];
        let end = tag_and_more.find('>')?;
        let tag = &tag_and_more[..end];
        if tag.contains(&needle) {
            let value_start = tag.find("value=\"")? + "value=\"".len();
            let value_len = tag[value_start..].find('"')?;
            return Some(unescape_html(&tag[value_start..value_start + value_len]));
        }
        rest = &tag_and_more[end..];
    }
    None
}

fn unescape_html(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::input_value;

    #[test]
    fn the_form_token_is_found_in_any_attribute_order() {
        let html = r#"<form><input type="text" name="email" value="a@b.example"><input type="hidden" name="_csrf" value="tok&amp;en"></form>"#;
        assert_eq!(input_value(html, "_csrf").as_deref(), Some("tok&en"));
        assert_eq!(input_value(r#"<input value="x" name="_csrf">"#, "_csrf").as_deref(), Some("x"));
        assert_eq!(input_value("<p>nothing</p>", "_csrf"), None);
    }
}
