//! Shared set-up for the web tests.

use reqwest::{Client, Response, StatusCode};
use tandem_app::directory::search::{self, DirectoryQuery};
use tandem_core::account::OrgRole;
use tandem_core::OrgId;
use tandem_testkit::TestApp;

/// The password every test account gets.
pub const PASSWORD: &str = "correct horse battery staple";

/// An app with the demo seeded (with a few synthetic SMEs).
pub async fn demo_app() -> TestApp {
    let app = TestApp::spawn().await;
    app.seed_demo(12).await;
    app
}

/// The id of the organisation whose name is exactly `name`.
pub async fn org_id(app: &TestApp, name: &str) -> OrgId {
    let result = search::search(&app.app, &DirectoryQuery { text: name.to_owned(), page: 1, ..Default::default() })
        .await
        .expect("search");
    result.items.iter().find(|o| o.name == name).map(|o| o.id).unwrap_or_else(|| panic!("no organisation named {name}"))
}

/// A verified user with `role` in `org`, logged in on a fresh client.
pub async fn member_client(app: &TestApp, email: &str, org: OrgId, role: OrgRole) -> Client {
    app.create_user(email, PASSWORD, true, false).await;
    app.add_membership(email, org, role).await;
    logged_in(app, email).await
}

/// A fresh client logged in as `email`.
pub async fn logged_in(app: &TestApp, email: &str) -> Client {
    let client = app.client();
    app.login(&client, email, PASSWORD).await;
    client
}

/// POSTs a form with the page's CSRF token and a same-origin `Origin` header.
pub async fn post_form(app: &TestApp, client: &Client, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
    let token = app.csrf(client, form_page).await;
    let mut body: Vec<(&str, &str)> = fields.to_vec();
    body.push(("_csrf", &token));
    client
        .post(app.url(action))
        .header(reqwest::header::ORIGIN, &app.base_url)
        .form(&body)
        .send()
        .await
        .expect("POST")
}

/// GETs a page and returns its status and body.
pub async fn get(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let response = client.get(app.url(path)).send().await.expect("GET");
    let status = response.status();
    (status, response.text().await.expect("body"))
}

/// The `Location` of a redirect.
pub fn location(response: &Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// Every field of a valid organisation form for a new Leipzig SME.
pub async fn org_form(app: &TestApp, name: &str) -> Vec<(&'static str, String)> {
    let cities = tandem_app::directory::cities(&app.app).await.expect("cities");
    let leipzig = cities.iter().find(|c| c.name == "Leipzig").expect("Leipzig").id.to_string();
    vec![
        ("name", name.to_owned()),
        ("kind", "sme".to_owned()),
        ("city_id", leipzig),
        ("nace_codes", "62.01, 72.19".to_owned()),
        ("description_en", "Virtual reality training for medical devices.".to_owned()),
        ("description_de", "VR-Trainingssimulationen für die Medizintechnik.".to_owned()),
        ("website", "https://vr-med.example".to_owned()),
        ("staff_headcount", "12".to_owned()),
        ("turnover", "1.250.000".to_owned()),
        ("currency", "EUR".to_owned()),
        ("figures_year", "2025".to_owned()),
        ("version", "0".to_owned()),
    ]
}

/// Borrows a form built by [`org_form`].
pub fn borrowed<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}
