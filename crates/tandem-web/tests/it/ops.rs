//! Operations endpoints, assets and security headers.

use reqwest::StatusCode;
use tandem_testkit::TestApp;

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let health = client.get(app.url("/healthz")).send().await.expect("GET");
    assert_eq!(health.status(), StatusCode::OK);
    let ready = client.get(app.url("/readyz")).send().await.expect("GET");
    assert_eq!(ready.status(), StatusCode::OK);
    let metrics = client.get(app.url("/metrics")).send().await.expect("GET");
    assert_eq!(metrics.status(), StatusCode::OK);
    assert!(metrics.headers()["content-type"].to_str().expect("ascii").starts_with("text/plain"));
    app.app.db().close().await;
    let not_ready = client.get(app.url("/readyz")).send().await.expect("GET");
    assert_eq!(not_ready.status(), StatusCode::SERVICE_UNAVAILABLE, "readiness follows the database");
}

#[tokio::test]
async fn assets_are_served_and_unknown_assets_are_404() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for (name, kind) in [("app.css", "text/css"), ("htmx.min.js", "text/javascript"), ("app.js", "text/javascript")] {
        let response = client.get(app.url(&format!("/assets/{name}"))).send().await.expect("GET");
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()["content-type"].to_str().expect("ascii").starts_with(kind));
    }
    let css = client.get(app.url("/assets/app.css")).send().await.expect("GET").text().await.expect("body");
    assert!(css.contains("@media print"), "a print stylesheet");
    let missing = client.get(app.url("/assets/../Cargo.toml")).send().await.expect("GET");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let response = app.client().get(app.url("/login")).send().await.expect("GET");
    let h = response.headers();
    assert!(h["content-security-policy"].to_str().expect("ascii").contains("default-src 'self'"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert!(h.get("referrer-policy").is_some());
    let cookie = h.get("set-cookie").expect("a session cookie").to_str().expect("ascii").to_ascii_lowercase();
    assert!(cookie.contains("httponly") && cookie.contains("samesite=lax"));
}
