//! Several app servers over one database: nothing a request needs lives in one process.

use crate::support::*;
use reqwest::StatusCode;
use std::net::SocketAddr;
use tandem_app::{App, AppConfig};
use tandem_testkit::TestApp;
use tandem_web::{AppState, WebConfig};

/// A second server over the first one's database; returns its base URL.
async fn second_server(first: &TestApp) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base_url = format!("http://127.0.0.1:{}", listener.local_addr().expect("addr").port());
    let config = AppConfig {
        base_url: base_url.clone(),
        data_dir: first.data_dir.clone(),
        smtp_url: None,
        mail_from: "Tandem <noreply@tandem.test>".into(),
    };
    let app = App::open(&first.db.url, config).await.expect("second app on the same database");
    let router = tandem_web::router(AppState { app, config: WebConfig { secure_cookies: false }, metrics: None });
    tokio::spawn(async move {
        let _ = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await;
    });
    base_url
}

#[tokio::test]
async fn a_session_started_on_one_server_works_on_another() {
    let first = TestApp::spawn().await;
    let second = second_server(&first).await;
    first.create_user("roaming@b.example", PASSWORD, true, false).await;
    // Cookies are scoped to the host, not the port, so this client presents its session to both.
    let client = logged_in(&first, "roaming@b.example").await;
    let account = client.get(format!("{second}/account")).send().await.expect("GET");
    assert_eq!(account.status(), StatusCode::OK, "the second server knows the session");
    let html = account.text().await.expect("body");
    assert!(html.contains("roaming@b.example"));
    let token = tandem_testkit::csrf_token(&html).expect("form token");
    let logout = client
        .post(format!("{second}/logout"))
        .header("origin", &second)
        .form(&[("_csrf", token.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(logout.status(), StatusCode::SEE_OTHER);
    let after = client.get(first.url("/account")).send().await.expect("GET");
    assert_eq!(after.status(), StatusCode::SEE_OTHER, "logging out on one server ends the session on all");
}

#[tokio::test]
async fn login_throttling_counts_failures_across_servers() {
    let first = TestApp::spawn().await;
    let second = second_server(&first).await;
    first.create_user("target@b.example", PASSWORD, true, false).await;
    for i in 0..5 {
        let (base, client) = if i % 2 == 0 { (first.base_url.clone(), first.client()) } else { (second.clone(), first.client()) };
        let page = client.get(format!("{base}/login")).send().await.expect("GET").text().await.expect("body");
        let token = tandem_testkit::csrf_token(&page).expect("token");
        let wrong = client
            .post(format!("{base}/login"))
            .header("origin", &base)
            .form(&[("email", "target@b.example"), ("password", "not the password"), ("_csrf", token.as_str())])
            .send()
            .await
            .expect("POST");
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let client = first.client();
    let page = client.get(format!("{second}/login")).send().await.expect("GET").text().await.expect("body");
    let token = tandem_testkit::csrf_token(&page).expect("token");
    let blocked = client
        .post(format!("{second}/login"))
        .header("origin", &second)
        .form(&[("email", "target@b.example"), ("password", PASSWORD), ("_csrf", token.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
}
