//! Public pages, accounts and the language switch.

use crate::support::*;
use reqwest::StatusCode;
use tandem_testkit::{link_token, TestApp};

#[tokio::test]
async fn home_shows_both_cities_in_english_and_german() {
    let app = demo_app().await;
    let client = app.client();
    let (status, html) = get(&app, &client, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Birmingham") && html.contains("Leipzig"));
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("United Kingdom") && html.contains("Germany"));
    let german = client.get(app.url("/")).header("accept-language", "de-DE,de;q=0.9").send().await.expect("GET");
    let html = german.text().await.expect("body");
    assert!(html.contains("<html lang=\"de\">"), "Accept-Language picks German");
    assert!(html.contains("Verzeichnis") && html.contains("Deutschland"));
}

#[tokio::test]
async fn directory_searches_across_languages_and_filters_by_facets() {
    let app = demo_app().await;
    let client = app.client();
    let (status, html) = get(&app, &client, "/directory?q=SpinLab").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("SpinLab"), "finds SpinLab");
    assert!(!html.contains("Codemasters"), "other organisations are filtered out");
    // Two words must both match.
    let (_, folded) = get(&app, &client, "/directory?q=Leipziger%20Messe").await;
    assert!(folded.contains("Leipziger Messe"));
    let (_, none) = get(&app, &client, "/directory?q=zzzznothing").await;
    assert!(none.contains("No organisations found"));
    let (status, punctuation) = get(&app, &client, "/directory?q=%25_%5C").await;
    assert_eq!(status, StatusCode::OK, "punctuation alone is no error");
    assert!(punctuation.contains("organisations found"), "and no filter either");
    let (_, incubators) = get(&app, &client, "/directory?kind=incubator").await;
    assert!(incubators.contains("BioCity Leipzig") && !incubators.contains("Codemasters"));
    // Bad filter values are ignored, not errors.
    let (status, _) = get(&app, &client, "/directory?city=nowhere&kind=guild&section=%C3%9F&page=-4").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn htmx_requests_get_only_the_results_fragment() {
    let app = demo_app().await;
    let client = app.client();
    let response = client.get(app.url("/directory?q=BioCity")).header("hx-request", "true").send().await.expect("GET");
    assert!(response.headers().get_all("vary").iter().any(|v| v == "HX-Request"), "caches keep page and fragment apart");
    let html = response.text().await.expect("body");
    assert!(html.contains("BioCity"));
    assert!(!html.contains("<html"), "a fragment, not a page");
    assert!(html.contains("href=\"/locale/de?return_to=/directory%3Fq%3DBioCity\" lang=\"de\" hreflang=\"de\" id=\"language-switch\" hx-swap-oob=\"true\""), "the language switch follows the search: {html}");
    assert!(html.contains("<select id=\"city\" name=\"city\" hx-swap-oob=\"true\">"), "facet counts follow the search");
    let restore = client
        .get(app.url("/directory?q=BioCity"))
        .header("hx-request", "true")
        .header("hx-history-restore-request", "true")
        .send()
        .await
        .expect("GET");
    assert!(restore.text().await.expect("body").contains("<html"), "history restoration gets the whole page");
}

#[tokio::test]
async fn directory_pages_through_many_results() {
    let app = TestApp::spawn().await;
    app.seed_demo(60).await;
    let client = app.client();
    let (_, first) = get(&app, &client, "/directory").await;
    assert!(first.contains("rel=\"next\""));
    let (status, second) = get(&app, &client, "/directory?page=2").await;
    assert_eq!(status, StatusCode::OK);
    assert!(second.contains("rel=\"prev\""));
}

#[tokio::test]
async fn registration_verification_login_and_logout() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let bad = post_form(&app, &client, "/register", "/register", &[("display_name", ""), ("email", "nope"), ("password", "short"), ("locale", "en")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    for id in ["display_name-error", "email-error", "password-error"] {
        assert!(html.contains(id), "error next to {id}");
    }
    let ok = post_form(
        &app,
        &client,
        "/register",
        "/register",
        &[("display_name", "Anna Schmidt"), ("email", "anna@leipzig.example"), ("password", PASSWORD), ("locale", "de")],
    )
    .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let (_, account) = get(&app, &client, "/account").await;
    assert!(account.contains("anna@leipzig.example") && account.contains("nicht bestätigt"), "German, unverified");
    let mails = app.outbox_to("anna@leipzig.example").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject.contains("Bestätigen") || mails[0].subject.contains("bestätigen"));
    let token = link_token(&mails[0].body_text, "/verify-email").expect("verification link");
    let (status, _) = get(&app, &client, "/verify-email?token=wrong").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = get(&app, &client, &format!("/verify-email?token={token}")).await;
    assert_eq!(status, StatusCode::OK);
    let (_, account) = get(&app, &client, "/account").await;
    assert!(account.contains("bestätigt") && !account.contains("nicht bestätigt"));
    let duplicate = post_form(
        &app,
        &app.client(),
        "/register",
        "/register",
        &[("display_name", "Anna"), ("email", "ANNA@leipzig.example"), ("password", PASSWORD), ("locale", "en")],
    )
    .await;
    assert_eq!(duplicate.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let logout = post_form(&app, &client, "/account", "/logout", &[]).await;
    assert_eq!(logout.status(), StatusCode::SEE_OTHER);
    let after = client.get(app.url("/account")).send().await.expect("GET");
    assert_eq!(after.status(), StatusCode::SEE_OTHER);
    assert!(location(&after).starts_with("/login?next=/account"));
}

#[tokio::test]
async fn resend_verification_needs_login_and_sends_a_new_link() {
    let app = TestApp::spawn().await;
    app.create_user("new@b.example", PASSWORD, false, false).await;
    let client = logged_in(&app, "new@b.example").await;
    let response = post_form(&app, &client, "/account", "/verify-email/resend", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.outbox_to("new@b.example").await.len(), 1);
    let anonymous = app.client();
    let denied = post_form(&app, &anonymous, "/login", "/verify-email/resend", &[]).await;
    assert_eq!(denied.status(), StatusCode::SEE_OTHER, "anonymous users are sent to log in");
}

#[tokio::test]
async fn login_errors_and_throttling() {
    let app = TestApp::spawn().await;
    app.create_user("kim@b.example", PASSWORD, true, false).await;
    let client = app.client();
    for _ in 0..5 {
        let wrong = post_form(&app, &client, "/login", "/login", &[("email", "kim@b.example"), ("password", "wrong password!")]).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.text().await.expect("body").contains("password-error"));
    }
    let blocked = post_form(&app, &client, "/login", "/login", &[("email", "kim@b.example"), ("password", PASSWORD)]).await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS, "the right password is refused while throttled");
}

#[tokio::test]
async fn login_returns_to_the_requested_page_but_never_off_site() {
    let app = TestApp::spawn().await;
    app.create_user("lee@b.example", PASSWORD, true, false).await;
    let client = app.client();
    let ok = post_form(&app, &client, "/login?next=/account", "/login", &[("email", "lee@b.example"), ("password", PASSWORD), ("next", "/account")]).await;
    assert_eq!(location(&ok), "/account");
    let client = app.client();
    let evil = post_form(&app, &client, "/login", "/login", &[("email", "lee@b.example"), ("password", PASSWORD), ("next", "https://evil.example/")]).await;
    assert_eq!(location(&evil), "/");
}

#[tokio::test]
async fn password_reset_by_emailed_link() {
    let app = TestApp::spawn().await;
    app.create_user("sam@b.example", PASSWORD, true, false).await;
    let client = app.client();
    let unknown = post_form(&app, &client, "/forgot-password", "/forgot-password", &[("email", "nobody@b.example")]).await;
    assert_eq!(unknown.status(), StatusCode::OK, "same answer for unknown addresses");
    let bad = post_form(&app, &client, "/forgot-password", "/forgot-password", &[("email", "not an address")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let sent = post_form(&app, &client, "/forgot-password", "/forgot-password", &[("email", "sam@b.example")]).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let mail = app.outbox_to("sam@b.example").await;
    let token = link_token(&mail[0].body_text, "/reset-password").expect("reset link");
    let (status, _) = get(&app, &client, "/reset-password").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "the form needs the token");
    let page = format!("/reset-password?token={token}");
    let short = post_form(&app, &client, &page, "/reset-password", &[("token", &token), ("password", "short")]).await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let done = post_form(&app, &client, &page, "/reset-password", &[("token", &token), ("password", "a brand new passphrase")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let again = post_form(&app, &client, &page, "/reset-password", &[("token", &token), ("password", "another new passphrase")]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY, "a link works once");
    assert!(tandem_app::auth::login(&app.app, "sam@b.example", "a brand new passphrase").await.is_ok());
}

#[tokio::test]
async fn account_page_changes_name_and_language_and_manages_tokens() {
    let app = TestApp::spawn().await;
    app.create_user("max@b.example", PASSWORD, true, false).await;
    let client = logged_in(&app, "max@b.example").await;
    let bad = post_form(&app, &client, "/account", "/account", &[("display_name", " "), ("locale", "en")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let ok = post_form(&app, &client, "/account", "/account", &[("display_name", "Max Mustermann"), ("locale", "de")]).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&app, &client, "/account").await;
    assert!(html.contains("Max Mustermann") && html.contains("<html lang=\"de\">"));
    let empty = post_form(&app, &client, "/account", "/account/tokens", &[("name", "")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let created = post_form(&app, &client, "/account", "/account/tokens", &[("name", "CRM sync")]).await;
    assert_eq!(created.status(), StatusCode::OK);
    let html = created.text().await.expect("body");
    let start = html.find("tdm_").expect("the new token is shown once");
    let secret: String = html[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
    let me = client.get(app.url("/api/v1/me")).bearer_auth(&secret).send().await.expect("GET");
    assert_eq!(me.status(), StatusCode::OK);
    let (_, html) = get(&app, &client, "/account").await;
    assert!(!html.contains(&secret), "the secret is not shown again");
    let id_start = html.find("/account/tokens/").expect("revoke form") + "/account/tokens/".len();
    let id: String = html[id_start..].chars().take_while(|c| *c != '/').collect();
    let revoked = post_form(&app, &client, "/account", &format!("/account/tokens/{id}/revoke"), &[]).await;
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    let me = app.client().get(app.url("/api/v1/me")).bearer_auth(&secret).send().await.expect("GET");
    assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
    let again = post_form(&app, &client, "/account", &format!("/account/tokens/{id}/revoke"), &[]).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn language_switch_is_remembered_and_returns_to_the_page() {
    let app = demo_app().await;
    let client = app.client();
    let (_, html) = get(&app, &client, "/directory?q=Leipzig").await;
    assert!(html.contains("href=\"/locale/de?return_to=/directory%3Fq%3DLeipzig\""), "the switch links back here");
    let response = client.get(app.url("/locale/de?return_to=/directory%3Fq%3DLeipzig")).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/directory?q=Leipzig");
    let (_, html) = get(&app, &client, "/directory").await;
    assert!(html.contains("<html lang=\"de\">") && html.contains("Organisationen suchen"));
    let off_site = client.get(app.url("/locale/de?return_to=//evil.example")).send().await.expect("GET");
    assert_eq!(location(&off_site), "/");
    let unknown = client.get(app.url("/locale/fr?return_to=/")).send().await.expect("GET");
    assert_eq!(unknown.status(), StatusCode::SEE_OTHER, "an unknown language keeps the current one");
    let (_, html) = get(&app, &client, "/").await;
    assert!(html.contains("<html lang=\"de\">"));
}

#[tokio::test]
async fn anonymous_browsing_creates_no_session_until_a_form_needs_one() {
    let app = demo_app().await;
    let client = app.client();
    for path in ["/", "/directory?q=Leipzig", "/programmes"] {
        let response = client.get(app.url(path)).send().await.expect("GET");
        assert!(response.headers().get("set-cookie").is_none(), "{path} sets no cookie");
    }
    let login = client.get(app.url("/login")).send().await.expect("GET");
    assert!(login.headers().get("set-cookie").is_some(), "the login form needs a session for its token");
}

#[tokio::test]
async fn forms_without_a_valid_token_or_from_another_site_are_refused() {
    let app = TestApp::spawn().await;
    app.create_user("eve@b.example", PASSWORD, true, false).await;
    let client = app.client();
    let no_token = client
        .post(app.url("/login"))
        .header("origin", &app.base_url)
        .form(&[("email", "eve@b.example"), ("password", PASSWORD)])
        .send()
        .await
        .expect("POST");
    assert_eq!(no_token.status(), StatusCode::FORBIDDEN);
    let token = app.csrf(&client, "/login").await;
    let cross_site = client
        .post(app.url("/login"))
        .header("origin", "https://evil.example")
        .form(&[("email", "eve@b.example"), ("password", PASSWORD), ("_csrf", token.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    let fetch_metadata = client
        .post(app.url("/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&[("email", "eve@b.example"), ("password", PASSWORD), ("_csrf", token.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(fetch_metadata.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn unknown_pages_are_a_translated_404() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (status, html) = get(&app, &client, "/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Page not found"));
    let german = client.get(app.url("/organisations/not-an-id")).header("accept-language", "de").send().await.expect("GET");
    assert_eq!(german.status(), StatusCode::NOT_FOUND);
    assert!(german.text().await.expect("body").contains("Seite nicht gefunden"));
}
