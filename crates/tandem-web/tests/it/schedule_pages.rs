//! The organiser's scheduling page over real HTTP (issue 5, items 2 and 3): the empty states,
//! a run from the form (CSRF like every organiser form) with "scheduled X of at most Y
//! achievable", a refused time limit next to its field, publishing the preliminary and the final
//! agenda with the participants emailed, the page and a refusal in German, the instance download,
//! and participants kept out.

use crate::support::*;
use reqwest::{Client, StatusCode};
use serde_json::Value;
use tandem_app::events::meetings::requests::{self, RequestInput};
use tandem_app::events::{agenda, registration, setup};
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::events::agenda::SessionDraft;
use tandem_core::events::event::{EventDraft, SettingsDraft};
use tandem_core::events::registration::RegistrationDraft;
use tandem_core::EventId;
use tandem_testkit::TestApp;

const ORGANISER: &str = "events@icentrum.example";

/// A published event whose organisers schedule, with open booking (requests accepted at once)
/// and, when `with_slots`, a matchmaking session of three 20-minute slots. Returns the
/// organiser's client and the event.
async fn event(app: &TestApp, with_slots: bool) -> (Client, EventId) {
    app.create_user(ORGANISER, PASSWORD, true, false).await;
    let city = tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == "Birmingham").expect("city").id;
    let draft = OrganisationDraft {
        name: "Innovation Birmingham".into(),
        kind: OrgKind::Incubator.key().into(),
        city_id: city.to_string(),
        nace_codes: vec!["72.19".into()],
        ..Default::default()
    };
    let org = tandem_app::directory::organisations::create(&app.app, &app.actor(ORGANISER).await, &draft).await.expect("organisation");
    let actor = app.actor(ORGANISER).await;
    let details = EventDraft {
        name: "Tandem 25".into(),
        timezone: "Europe/London".into(),
        starts_at: "2030-10-20T09:00".into(),
        ends_at: "2030-10-20T17:30".into(),
        venue_name: "iCentrum".into(),
        tables: "2".into(),
        ..EventDraft::default()
    };
    let e = setup::create(&app.app, &actor, org.id, &details).await.expect("event");
    let settings = SettingsDraft {
        registration_open: true,
        booking_open: true,
        request_mode: "automatic".into(),
        scheduling_mode: "auto".into(),
        request_expiry_minutes: "1440".into(),
        max_pending_requests: "10".into(),
        ..SettingsDraft::default()
    };
    setup::update_settings(&app.app, &actor, e.id, &settings).await.expect("settings");
    if with_slots {
        let session = SessionDraft {
            kind: "matchmaking".into(),
            title: "B2B meetings".into(),
            starts_at: "2030-10-20T10:00".into(),
            ends_at: "2030-10-20T11:00".into(),
            slot_minutes: "20".into(),
            ..SessionDraft::default()
        };
        agenda::add_session(&app.app, &actor, e.id, &session).await.expect("session");
    }
    setup::publish(&app.app, &actor, e.id).await.expect("publish");
    (logged_in(app, ORGANISER).await, e.id)
}

/// A registered (approved) participant; returns their email and registration.
async fn participant(app: &TestApp, event: EventId, name: &str) -> (String, tandem_core::RegistrationId) {
    let email = format!("{}@participants.example", name.to_lowercase());
    app.create_user(&email, PASSWORD, true, false).await;
    let draft = RegistrationDraft { display_name: name.into(), attendance: "onsite".into(), ..RegistrationDraft::default() };
    let r = registration::register(&app.app, &app.actor(&email).await, event, &draft).await.expect("registered");
    (email, r.id)
}

async fn meet(app: &TestApp, event: EventId, from: &str, to: tandem_core::RegistrationId) {
    let input = RequestInput { receiver: to, ..RequestInput::default() };
    requests::request(&app.app, &app.actor(from).await, event, &input).await.expect("accepted at once");
}

#[tokio::test]
async fn the_organiser_runs_publishes_and_reads_the_page_in_english_and_german() {
    let app = TestApp::spawn().await;
    let (organiser, id) = event(&app, true).await;
    let page = format!("/events/{id}/schedule");
    let (status, html) = get(&app, &organiser, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("The scheduler has not run yet.") && html.contains("There are no accepted meetings yet."), "{html}");
    assert!(get(&app, &organiser, &format!("/events/{id}/manage")).await.1.contains(&format!("href=\"{page}\"")), "linked from managing the event");

    let (anna, _) = participant(&app, id, "Anna").await;
    let (_, bernd) = participant(&app, id, "Bernd").await;
    let (carla_email, carla) = participant(&app, id, "Carla").await;
    meet(&app, id, &anna, bernd).await;
    meet(&app, id, &anna, carla).await;
    meet(&app, id, &carla_email, bernd).await;
    let (_, html) = get(&app, &organiser, &page).await;
    assert_eq!(html.matches("It fits: run the scheduler to place it.").count(), 3, "{html}");
    assert_eq!(untranslated(&html), "");

    // A time limit out of range is refused next to its field; nothing runs.
    let bad = post_form(&app, &organiser, &page, &page, &[("time_limit", "99"), ("seed", "x")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bad = bad.text().await.expect("body");
    assert!(bad.contains("id=\"time_limit-error\"") && bad.contains("id=\"seed-error\"") && bad.contains("value=\"99\""), "{bad}");
    assert!(bad.contains("The scheduler has not run yet."));
    // Without the form token nothing happens either.
    let forged = organiser.post(app.url(&page)).header(reqwest::header::ORIGIN, &app.base_url).form(&[("time_limit", "1")]).send().await.expect("POST");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    let ran = post_form(&app, &organiser, &page, &page, &[("time_limit", "1"), ("seed", "7")]).await;
    assert_eq!(ran.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&ran), page);
    let (_, html) = get(&app, &organiser, &page).await;
    assert!(html.contains("Scheduled 3 of at most 3 achievable (100.0 %)"), "{html}");
    assert!(html.contains("Every accepted meeting has a slot.") && html.contains("<td>7</td>"), "the run's seed: {html}");
    assert_eq!(untranslated(&html), "");

    let published = post_form(&app, &organiser, &page, &format!("{page}/publish"), &[("state", "preliminary")]).await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&app, &organiser, &page).await;
    assert!(html.contains("The preliminary agenda is published: 3 meetings newly locked, 3 participants emailed."), "{html}");
    assert!(html.contains("Agenda: preliminary") && html.contains("3 locked in place"));
    let mail = &app.outbox_to(&anna).await[0];
    assert!(mail.subject.starts_with("Your preliminary meeting agenda") && mail.body_text.contains(&format!("/events/{id}/my-agenda")), "{mail:?}");

    // The instance as `tandem schedule` reads it, with the placements.
    let download = organiser.get(app.url(&format!("{page}/instance.json"))).send().await.expect("GET");
    assert_eq!(download.status(), StatusCode::OK);
    assert!(download.headers()[reqwest::header::CONTENT_DISPOSITION].to_str().unwrap_or_default().contains("attachment"));
    let json: Value = download.json().await.expect("JSON");
    assert_eq!((json["slots"].as_array().map(Vec::len), json["meetings"].as_array().map(Vec::len)), (Some(3), Some(3)));
    assert_eq!(json["assignments"].as_array().map(Vec::len), Some(3));
    assert!(json["meetings"].as_array().expect("meetings").iter().all(|m| m["locked_slot"].is_string()));

    // In German: the page, the final agenda, then a refused step back to preliminary.
    organiser.get(app.url("/locale/de?return_to=/")).send().await.expect("German");
    let final_ = post_form(&app, &organiser, &page, &format!("{page}/publish"), &[("state", "final")]).await;
    assert_eq!(final_.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&app, &organiser, &page).await;
    assert!(html.contains("Die endgültige Agenda ist veröffentlicht") && html.contains("Agenda: endgültig"), "{html}");
    assert!(html.contains("3 von höchstens 3 erreichbar eingeplant (100,0 %)") && html.contains("Letzte Läufe"), "{html}");
    assert!(!html.contains("Vorläufige Agenda veröffentlichen"), "no way back to preliminary");
    assert_eq!(untranslated(&html), "");
    let back = post_form(&app, &organiser, &page, &format!("{page}/publish"), &[("state", "preliminary")]).await;
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&app, &organiser, &page).await;
    assert!(html.contains("Die endgültige Agenda ist bereits veröffentlicht; sie kann nicht wieder vorläufig werden."), "{html}");

    // Participants may neither see nor use it.
    let anna_client = logged_in(&app, &anna).await;
    assert_eq!(get(&app, &anna_client, &page).await.0, StatusCode::FORBIDDEN);
    let own_page = format!("/events/{id}");
    let tried = post_form(&app, &anna_client, &own_page, &page, &[("time_limit", "1")]).await;
    assert_eq!(tried.status(), StatusCode::FORBIDDEN);
    let tried = post_form(&app, &anna_client, &own_page, &format!("{page}/publish"), &[("state", "final")]).await;
    assert_eq!(tried.status(), StatusCode::FORBIDDEN);
    assert_eq!(get(&app, &anna_client, &format!("{page}/instance.json")).await.0, StatusCode::FORBIDDEN);
}

/// Any untranslated key left on a page ("schedule-…"), or "".
fn untranslated(html: &str) -> String {
    html.split(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        .find(|w| w.starts_with("schedule-") || w.starts_with("validation-schedule"))
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn an_agenda_without_slots_says_what_to_do_in_both_languages() {
    let app = TestApp::spawn().await;
    let (organiser, id) = event(&app, false).await;
    let page = format!("/events/{id}/schedule");
    let (status, html) = get(&app, &organiser, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("The agenda has no meeting slots yet") && html.contains(&format!("/events/{id}/sessions/new")), "{html}");
    assert!(!html.contains("name=\"time_limit\""), "nothing to run");
    organiser.get(app.url("/locale/de?return_to=/")).send().await.expect("German");
    let (_, html) = get(&app, &organiser, &page).await;
    assert!(html.contains("Die Agenda hat noch keine Zeitfenster") && html.contains("Terminplanung"), "{html}");
    // A run posted anyway is refused with the reason, in German.
    let refused = post_form(&app, &organiser, &page, &page, &[("time_limit", "1")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("fügen Sie zuerst eine Matchmaking-Session mit Zeitfenstern hinzu"));
}
