//! The account page's "Download my data" (GDPR Art. 15 and 20; issue 6, item 8): a JSON
//! attachment with the person's own account, login required; the page says how erasure is
//! requested, in English and German; and erasing a person ends their browser session.

use crate::support::{PASSWORD, get, location, logged_in};
use reqwest::StatusCode;
use tandem_core::policy::PlatformAdmin;
use tandem_testkit::TestApp;

#[tokio::test]
async fn the_account_page_offers_the_download_and_says_how_to_ask_for_erasure() {
    let app = TestApp::spawn().await;
    app.create_user("lee@b.example", PASSWORD, true, false).await;
    let client = logged_in(&app, "lee@b.example").await;
    let (status, page) = get(&app, &client, "/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"href="/account/export""#) && page.contains("Download my data"), "{page}");
    assert!(page.contains("ask the operators of this Tandem site"), "{page}");

    client.get(app.url("/locale/de")).send().await.expect("switch to German");
    let (_, page) = get(&app, &client, "/account").await;
    assert!(page.contains("Meine Daten herunterladen") && page.contains("unter einem Pseudonym"), "{page}");
}

#[tokio::test]
async fn the_download_is_a_json_attachment_of_ones_own_data_and_needs_login() {
    let app = TestApp::spawn().await;
    let user = app.create_user("lee@b.example", PASSWORD, true, false).await;
    let client = logged_in(&app, "lee@b.example").await;
    let response = client.get(app.url("/account/export")).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::OK);
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(header("content-type").starts_with("application/json"), "{}", header("content-type"));
    let disposition = header("content-disposition");
    assert!(disposition.starts_with("attachment; filename=\"tandem-my-data-") && disposition.ends_with(".json\""), "{disposition}");
    assert_eq!(header("cache-control"), "private, no-store");
    let export: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(export["format"], "tandem-person-export/1");
    assert_eq!(export["account"]["id"], user.id.to_string());
    assert_eq!(export["account"]["email"], "lee@b.example");

    let anonymous = app.client().get(app.url("/account/export")).send().await.expect("GET");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert!(location(&anonymous).starts_with("/login?next=/account/export"), "{}", location(&anonymous));
}

#[tokio::test]
async fn erasing_a_person_ends_their_session() {
    let app = TestApp::spawn().await;
    let user = app.create_user("lee@b.example", PASSWORD, true, false).await;
    let client = logged_in(&app, "lee@b.example").await;
    let (status, _) = get(&app, &client, "/account").await;
    assert_eq!(status, StatusCode::OK);
    tandem_app::privacy::erase_person(&app.app, PlatformAdmin::operator(), user.id, false).await.expect("erase");
    let after = client.get(app.url("/account")).send().await.expect("GET");
    assert_eq!(after.status(), StatusCode::SEE_OTHER, "the session is gone");
    assert!(location(&after).starts_with("/login?next=/account"));
}
