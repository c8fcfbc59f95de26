//! The test kit itself: isolated databases, the SMTP listener's protocol, the spawned app.

use std::time::Duration;
use tandem_testkit::{SmtpListener, TestApp, TestDb};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[tokio::test]
async fn every_test_db_is_fresh_and_isolated() {
    let (a, b) = (TestDb::new().await, TestDb::new().await);
    assert_ne!(a.url, b.url);
    assert_eq!(a.backend(), tandem_testkit::backend());
    let (da, db) = (a.open_migrated().await, b.open_migrated().await);
    tandem_testkit::execute(&da, "DELETE FROM cities WHERE name = 'Leipzig'").await;
    let mut ca = da.acquire().await.expect("acquire");
    let mut cb = db.acquire().await.expect("acquire");
    assert_eq!(tandem_store::cities::list(ca.conn()).await.expect("cities").len(), 1);
    assert_eq!(tandem_store::cities::list(cb.conn()).await.expect("cities").len(), 2);
}

#[tokio::test]
async fn postgres_test_databases_are_dropped_afterwards() {
    let Some(server) = tandem_testkit::postgres_server_url() else {
        eprintln!("skipped: {} is not set", tandem_testkit::DATABASE_URL_ENV);
        return;
    };
    let test_db = TestDb::postgres(&server).await;
    let name = test_db.url.rsplit('/').next().expect("database name").to_owned();
    let db = test_db.open_migrated().await;
    let exists = "SELECT COUNT(*) FROM pg_database WHERE datname = $1";
    let server_db = tandem_store::Db::connect(&server).await.expect("server");
    let tandem_store::Db::Postgres(pool) = &server_db else { panic!("PostgreSQL") };
    let count: i64 = tandem_testkit::sqlx::query_scalar(exists).bind(&name).fetch_one(pool).await.expect("query");
    assert_eq!(count, 1);
    drop(test_db); // with the pool still open: the drop forces it closed
    let count: i64 = tandem_testkit::sqlx::query_scalar(exists).bind(&name).fetch_one(pool).await.expect("query");
    assert_eq!(count, 0, "{name} was not dropped");
    drop(db);
}

struct Client {
    reader: BufReader<tokio::net::tcp::OwnedReadHalf>,
    writer: tokio::net::tcp::OwnedWriteHalf,
}

impl Client {
    async fn connect(port: u16) -> Client {
        let stream = TcpStream::connect(("127.0.0.1", port)).await.expect("connect");
        let (read, writer) = stream.into_split();
        let mut client = Client { reader: BufReader::new(read), writer };
        assert!(client.reply().await.starts_with("220 "));
        client
    }

    /// The whole (possibly multi-line) reply.
    async fn reply(&mut self) -> String {
        let mut all = String::new();
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).await.expect("read");
            all.push_str(&line);
            if line.len() < 4 || line.as_bytes()[3] != b'-' {
                return all;
            }
        }
    }

    async fn send(&mut self, line: &str) -> String {
        self.writer.write_all(format!("{line}\r\n").as_bytes()).await.expect("write");
        self.reply().await
    }
}

#[tokio::test]
async fn the_smtp_listener_speaks_enough_smtp() {
    let smtp = SmtpListener::start().await;
    assert_eq!(smtp.url(), format!("smtp://127.0.0.1:{}", smtp.port()));
    let mut c = Client::connect(smtp.port()).await;
    let ehlo = c.send("EHLO client.example").await;
    assert!(ehlo.starts_with("250"), "{ehlo}");
    assert!(!ehlo.contains("STARTTLS") && !ehlo.contains("AUTH"), "{ehlo}");
    assert!(c.send("DATA").await.starts_with("503"), "DATA needs recipients");
    assert!(c.send("MAIL FROM:<dropped@example.org>").await.starts_with("250"));
    assert!(c.send("RSET").await.starts_with("250"));
    assert!(c.send("RCPT TO:<x@example.org>").await.starts_with("503"), "RSET forgot the sender");
    assert!(c.send("NOOP").await.starts_with("250"));
    assert!(c.send("MAIL FROM:<sender@example.org> BODY=8BITMIME").await.starts_with("250"));
    assert!(c.send("RCPT TO:<one@example.org>").await.starts_with("250"));
    assert!(c.send("RCPT TO:<two@example.org>").await.starts_with("250"));
    assert!(c.send("DATA").await.starts_with("354"));
    let body = "Subject: Dots\r\n\r\n..a line starting with a dot\r\nplain\r\n.\r\n";
    c.writer.write_all(body.as_bytes()).await.expect("write");
    assert!(c.reply().await.starts_with("250"));
    assert!(c.send("QUIT").await.starts_with("221"));

    let mails = smtp.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].from, "sender@example.org");
    assert_eq!(mails[0].to, ["one@example.org", "two@example.org"]);
    assert_eq!(mails[0].subject().as_deref(), Some("Dots"));
    assert_eq!(mails[0].body(), ".a line starting with a dot\r\nplain\r\n", "dot-stuffing is undone");

    smtp.stop();
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(TcpStream::connect(("127.0.0.1", smtp.port())).await.is_err(), "a stopped listener refuses connections");
}

#[tokio::test]
async fn a_reserved_port_refuses_until_a_listener_starts_on_it() {
    let port = SmtpListener::reserve_port();
    assert!(TcpStream::connect(("127.0.0.1", port)).await.is_err());
    let smtp = SmtpListener::start_on(port).await;
    assert_eq!(smtp.url(), SmtpListener::url_for(port));
    Client::connect(port).await;
}

#[tokio::test]
async fn the_test_app_serves_pages_sessions_and_the_api() {
    let app = TestApp::spawn().await;
    assert!(app.base_url.starts_with("http://127.0.0.1:"));
    assert_eq!(app.app.config().base_url, app.base_url, "emailed links point at the test server");
    let client = app.client();
    let health = client.get(app.url("/healthz")).send().await.expect("GET /healthz");
    assert_eq!(health.status(), 200);

    let user = app.create_user("chris@example.org", "correct horse battery", true, false).await;
    assert!(user.email_verified && !user.is_platform_admin);
    let unverified = app.create_user("new@example.org", "correct horse battery", false, false).await;
    assert!(!unverified.email_verified);
    let tandem_core::policy::Actor::User(actor) = app.actor("new@example.org").await else { panic!("a user") };
    assert!(!actor.email_verified, "the database agrees");

    let token = app.csrf(&client, "/login").await;
    assert!(!token.is_empty());
    app.login(&client, "chris@example.org", "correct horse battery").await;
    let account = client.get(app.url("/account")).send().await.expect("GET /account");
    assert_eq!(account.status(), 200, "the session cookie was kept");
    assert!(account.text().await.expect("body").contains("chris@example.org"));

    let secret = app.api_token("chris@example.org", "correct horse battery").await;
    let me = reqwest::Client::new().get(app.url("/api/v1/me")).bearer_auth(&secret).send().await.expect("GET /api/v1/me");
    assert_eq!(me.status(), 200);
    let me: serde_json::Value = me.json().await.expect("JSON");
    assert!(me.to_string().contains("chris@example.org"), "{me}");

    tandem_app::auth::request_password_reset(&app.app, "chris@example.org").await.expect("reset");
    let mails = app.outbox_to("chris@example.org").await;
    assert_eq!(mails.len(), 1);
    let link = tandem_testkit::link_in(&mails[0].body_text, "/reset-password").expect("link");
    assert!(link.starts_with(&app.base_url));
}

#[tokio::test]
async fn the_test_app_has_memberships_and_the_demo() {
    let app = TestApp::spawn().await;
    let report = app.seed_demo(5).await;
    assert!(report.seeded);
    app.create_user("pm@example.org", "correct horse battery", true, false).await;
    let org = tandem_app::directory::search::search(
        &app.app,
        &tandem_app::directory::search::DirectoryQuery { text: "SpinLab".into(), ..Default::default() },
    )
    .await
    .expect("search")
    .items[0]
        .id;
    app.add_membership("pm@example.org", org, tandem_core::account::OrgRole::ProgrammeManager).await;
    let tandem_core::policy::Actor::User(actor) = app.actor("pm@example.org").await else { panic!("a user") };
    assert_eq!(actor.memberships.len(), 1);
    assert_eq!(actor.memberships[0].role, tandem_core::account::OrgRole::ProgrammeManager);
    let page = app.client().get(app.url(&format!("/organisations/{org}"))).send().await.expect("GET organisation");
    assert_eq!(page.status(), 200);
}
