//! Brokerage events in the browser (issue 5, items 1 and 5), over real HTTP: an organiser
//! creates an event, adds a matchmaking session and publishes it; a participant registers; the
//! organiser checks them in by name (htmx) and through the scanned code; the page in German.

use crate::support::*;
use reqwest::{Client, StatusCode};
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::{EventId, OrgId};
use tandem_testkit::TestApp;

const ORGANISER: &str = "events@innovation-birmingham.example";
const PARTICIPANT: &str = "kim@daden.example";
const NAME: &str = "Birmingham–Leipzig: 25 years of twinning";

async fn support_org(app: &TestApp, email: &str, name: &str) -> OrgId {
    app.create_user(email, PASSWORD, true, false).await;
    let city = tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == "Birmingham").expect("city").id;
    let draft = OrganisationDraft {
        name: name.into(),
        kind: OrgKind::Incubator.key().into(),
        city_id: city.to_string(),
        nace_codes: vec!["72.19".into()],
        description_en: Some("A science park and incubator.".into()),
        ..Default::default()
    };
    tandem_app::directory::organisations::create(&app.app, &app.actor(email).await, &draft).await.expect("organisation").id
}

/// An organiser's client and a draft event with a morning matchmaking session and open
/// registration.
async fn draft_event(app: &TestApp) -> (Client, EventId) {
    let org = support_org(app, ORGANISER, "Innovation Birmingham").await;
    let organiser = logged_in(app, ORGANISER).await;
    let org = org.to_string();
    let created = post_form(app, &organiser, "/events/new", "/events", &[
        ("main_org", &org),
        ("name", NAME),
        ("timezone", "Europe/London"),
        ("starts_at", "2030-10-20T09:00"),
        ("ends_at", "2030-10-20T17:30"),
        ("venue_name", "Innovation Birmingham Campus (iCentrum)"),
        ("venue_address", "Holt Street, Birmingham B7 4BP"),
        ("tables", "20"),
    ])
    .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let to = location(&created);
    let id: EventId = to.trim_start_matches("/events/").trim_end_matches("/manage").parse().expect("event id in the redirect");
    let manage = format!("/events/{id}/manage");
    let session = post_form(app, &organiser, &manage, &format!("/events/{id}/sessions"), &[
        ("kind", "matchmaking"),
        ("title", "Morning matchmaking"),
        ("starts_at", "2030-10-20T10:00"),
        ("ends_at", "2030-10-20T11:50"),
        ("room", "Atrium"),
        ("slot_minutes", "20"),
    ])
    .await;
    assert_eq!(session.status(), StatusCode::SEE_OTHER);
    let settings = post_form(app, &organiser, &manage, &format!("/events/{id}/settings"), &[
        ("registration_open", "true"),
        ("capacity", "100"),
        ("request_mode", "approval"),
        ("scheduling_mode", "pick_slot"),
        ("request_expiry_minutes", "1440"),
        ("max_pending_requests", "10"),
    ])
    .await;
    assert_eq!(settings.status(), StatusCode::SEE_OTHER);
    (organiser, id)
}

#[tokio::test]
async fn create_publish_register_and_check_in() {
    let app = TestApp::spawn().await;
    let (organiser, id) = draft_event(&app).await;
    let page = format!("/events/{id}");
    let anonymous = app.client();
    assert_eq!(get(&app, &anonymous, &page).await.0, StatusCode::NOT_FOUND, "a draft is hidden");
    let (status, manage) = get(&app, &organiser, &format!("/events/{id}/manage")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(manage.contains("Only organisers see this draft."), "{manage}");

    let published = post_form(&app, &organiser, &format!("/events/{id}/manage"), &format!("/events/{id}/publish"), &[]).await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    let (status, html) = get(&app, &anonymous, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(NAME));
    assert!(html.contains("20 October 2030, 09:00 BST – 17:30"), "the venue's clock");
    assert!(html.contains("5 meeting slots of 20 minutes"));
    assert!(html.contains("100 places left"));
    assert!(get(&app, &anonymous, "/events").await.1.contains(NAME), "listed");

    // Registration: a mistake is shown by its field, then it succeeds.
    app.create_user(PARTICIPANT, PASSWORD, true, false).await;
    let kim = logged_in(&app, PARTICIPANT).await;
    let register = format!("/events/{id}/register");
    let bad = post_form(&app, &kim, &register, &register, &[("display_name", ""), ("attendance", "onsite")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains("id=\"display_name-error\""));
    let ok = post_form(&app, &kim, &register, &register, &[("display_name", "Kim Weber"), ("attendance", "onsite")]).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&app, &kim, &page).await;
    assert!(html.contains("id=\"registration-state\">Registered<"), "{html}");
    assert!(html.contains("<svg"), "the check-in QR code");
    assert!(app.outbox_to(PARTICIPANT).await[0].subject.starts_with("You are registered"));

    // Check-in by name, in place.
    let (status, list) = get(&app, &organiser, &format!("/events/{id}/checkin?q=weber")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Check in Kim Weber"));
    let (_, found) = tandem_app::events::checkin::search(&app.app, &app.actor(ORGANISER).await, id, "weber").await.expect("search");
    let registration = found[0].registration.clone();
    let token = app.csrf(&organiser, &format!("/events/{id}/checkin")).await;
    let fragment = organiser
        .post(app.url(&format!("/registrations/{}/checkin", registration.id)))
        .header(reqwest::header::ORIGIN, &app.base_url)
        .header("HX-Request", "true")
        .form(&[("_csrf", token.as_str()), ("return_to", &format!("/events/{id}/checkin"))])
        .send()
        .await
        .expect("check in");
    assert_eq!(fragment.status(), StatusCode::OK);
    let fragment = fragment.text().await.expect("body");
    assert!(fragment.starts_with("<li") && fragment.contains("Checked in at"), "{fragment}");
    assert!(!fragment.contains("<html"), "only the row");

    // Every organiser page renders; the participant sees their own registration only.
    let session = tandem_app::events::public::page(&app.app, &app.actor(ORGANISER).await, id).await.expect("page").agenda[0].session.id;
    for path in [
        format!("/events/{id}/registrations"),
        format!("/events/{id}/registrations?state=approved&attendance=onsite&q=kim"),
        format!("/registrations/{}", registration.id),
        format!("/events/{id}/settings"),
        format!("/events/{id}/edit"),
        format!("/events/{id}/sessions/new"),
        format!("/events/{id}/sessions/{session}/edit"),
        "/events".to_owned(),
    ] {
        let (status, html) = get(&app, &organiser, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}: {html}");
    }
    assert!(get(&app, &organiser, &format!("/events/{id}/registrations")).await.1.contains("Kim Weber"));
    assert!(get(&app, &organiser, "/events").await.1.contains("Events your organisations run"));
    assert_eq!(get(&app, &kim, &format!("/registrations/{}", registration.id)).await.0, StatusCode::OK);
    assert_eq!(get(&app, &kim, &format!("/events/{id}/registrations")).await.0, StatusCode::FORBIDDEN);
    assert!(get(&app, &kim, "/events/mine").await.1.contains(NAME));
    assert_eq!(get(&app, &kim, &format!("/events/{id}/register")).await.0, StatusCode::OK);

    // The QR code's link: organisers only; it says when.
    let scan = format!("/events/{id}/checkin/{}", registration.checkin_code);
    let (status, html) = get(&app, &organiser, &scan).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"already\""), "{html}");
    assert_eq!(get(&app, &kim, &scan).await.0, StatusCode::FORBIDDEN);
    assert_eq!(get(&app, &organiser, &format!("/events/{id}/checkin/not-a-code")).await.0, StatusCode::NOT_FOUND);
    let (_, manage) = get(&app, &organiser, &format!("/events/{id}/manage")).await;
    assert!(manage.contains("One participant checked in"));

    // Without JavaScript the undo posts and comes back to the list.
    let undo = post_form(&app, &organiser, &scan, &format!("/registrations/{}/checkin/undo", registration.id), &[("return_to", &scan)]).await;
    assert_eq!(undo.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&undo), scan);
    assert!(get(&app, &organiser, &scan).await.1.contains("Check in Kim Weber"));
}

#[tokio::test]
async fn outsiders_are_refused_and_forms_show_problems_by_field() {
    let app = TestApp::spawn().await;
    let (organiser, id) = draft_event(&app).await;
    app.create_user("someone@example.org", PASSWORD, true, false).await;
    let someone = logged_in(&app, "someone@example.org").await;
    assert_eq!(get(&app, &someone, &format!("/events/{id}/manage")).await.0, StatusCode::NOT_FOUND, "a draft is unknown");
    post_form(&app, &organiser, &format!("/events/{id}/manage"), &format!("/events/{id}/publish"), &[]).await;
    assert_eq!(get(&app, &someone, &format!("/events/{id}/manage")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(get(&app, &someone, &format!("/events/{id}/registrations")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(get(&app, &someone, "/events/not-an-id").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, &someone, "/events/new").await.0, StatusCode::FORBIDDEN, "not staff of any organisation");

    let edit = format!("/events/{id}/edit");
    let bad = post_form(&app, &organiser, &edit, &edit, &[
        ("name", NAME),
        ("timezone", "Europe/London"),
        ("starts_at", "2030-10-20T09:00"),
        ("ends_at", "2030-10-20T08:00"),
        ("venue_name", "iCentrum"),
        ("tables", "lots"),
    ])
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("id=\"ends_at-error\""));
    assert!(html.contains("id=\"tables-error\""));

    let session = post_form(&app, &organiser, &format!("/events/{id}/sessions/new"), &format!("/events/{id}/sessions"), &[
        ("kind", "matchmaking"),
        ("title", "Too short"),
        ("starts_at", "2030-10-20T13:00"),
        ("ends_at", "2030-10-20T14:00"),
        ("slot_minutes", "10"),
    ])
    .await;
    assert_eq!(session.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(session.text().await.expect("body").contains("id=\"slot_minutes-error\""));
}

#[tokio::test]
async fn the_event_page_speaks_german() {
    let app = TestApp::spawn().await;
    let (organiser, id) = draft_event(&app).await;
    post_form(&app, &organiser, &format!("/events/{id}/manage"), &format!("/events/{id}/publish"), &[]).await;
    let response = app.client().get(app.url(&format!("/events/{id}"))).header("accept-language", "de-DE,de;q=0.9").send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("body");
    assert!(html.contains("<html lang=\"de\">"));
    assert!(html.contains("20. Oktober 2030, 09:00 BST – 17:30"), "{html}");
    assert!(html.contains("Programm") && html.contains("Veranstalter") && html.contains("Matchmaking"));
    assert!(html.contains("5 Gesprächs-Slots zu 20 Minuten"));
    assert!(html.contains(">Veranstaltungen</a>"), "the navigation");
}

#[tokio::test]
async fn the_api_lists_events_and_gives_one_with_its_agenda() {
    let app = TestApp::spawn().await;
    let (organiser, id) = draft_event(&app).await;
    let client = app.client();
    let one = format!("/api/v1/events/{id}");
    assert_eq!(client.get(app.url(&one)).send().await.expect("GET").status(), StatusCode::NOT_FOUND, "a draft is hidden");
    post_form(&app, &organiser, &format!("/events/{id}/manage"), &format!("/events/{id}/publish"), &[]).await;
    let list: serde_json::Value = client.get(app.url("/api/v1/events")).send().await.expect("GET").json().await.expect("json");
    assert_eq!(list[0]["name"], NAME);
    assert_eq!(list[0]["organisers"][0]["role"], "main");
    assert_eq!(list[0]["timezone"], "Europe/London");
    let past: serde_json::Value = client.get(app.url("/api/v1/events?when=past")).send().await.expect("GET").json().await.expect("json");
    assert_eq!(past.as_array().map(Vec::len), Some(0));
    let bad = client.get(app.url("/api/v1/events?when=soon")).send().await.expect("GET");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let event: serde_json::Value = client.get(app.url(&one)).send().await.expect("GET").json().await.expect("json");
    assert_eq!(event["starts_at"], "2030-10-20T08:00:00Z");
    assert_eq!(event["agenda"][0]["kind"], "matchmaking");
    assert_eq!(event["agenda"][0]["slots"], 5);
    assert_eq!(event["places_left"], 100);
    assert!(event["my_registration"].is_null());
    let doc: serde_json::Value = client.get(app.url("/api/v1/openapi.json")).send().await.expect("GET").json().await.expect("json");
    assert!(doc["paths"].get("/events").is_some() && doc["paths"].get("/events/{id}").is_some());
}
