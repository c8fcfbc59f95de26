//! B2B meetings over real HTTP (issue 5, items 2 and 7): a participant finds another in the
//! directory, requests a meeting, the other accepts into a free slot and both see it with its
//! table; the JSON API; the organiser's overview; and twenty clients accepting at the same
//! moment over HTTP, none double-booked and none answered with a 500.

use crate::support::*;
use chrono::{DateTime, Duration, SecondsFormat, SubsecRound, Utc};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::sync::Arc;
use tandem_core::account::{Locale, OrgRole};
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::events::{MeetingMode, MeetingState};
use tandem_testkit::{backend, execute, TestApp};
use tandem_web::i18n::Tr;
use uuid::Uuid;

/// A UUID literal on the test's backend.
pub(crate) fn id_lit(u: Uuid) -> String {
    if backend() == "postgres" { format!("'{u}'::uuid") } else { format!("X'{}'", u.simple()) }
}

/// A time literal, written as the store writes times on the test's backend.
pub(crate) fn time_lit(t: DateTime<Utc>) -> String {
    let text = t.to_rfc3339_opts(SecondsFormat::AutoSi, false);
    if backend() == "postgres" { format!("'{text}'::timestamptz") } else { format!("'{text}'") }
}

/// An event in booking at the iCentrum run by an incubator, with three 30-minute slots; its
/// settings as SQL assignments (`tables = 4, request_mode = 'automatic'`).
pub(crate) struct Fair {
    pub(crate) app: TestApp,
    pub(crate) event: Uuid,
    pub(crate) slots: Vec<Uuid>,
    pub(crate) organiser_email: String,
}

pub(crate) async fn fair(tables: i32) -> Fair {
    let app = TestApp::spawn().await;
    let organiser_email = "events@icentrum.test".to_owned();
    app.create_user(&organiser_email, PASSWORD, true, false).await;
    let birmingham = tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == "Birmingham").expect("city").id;
    let draft = OrganisationDraft {
        name: "Innovation Birmingham".into(),
        kind: OrgKind::Incubator.key().into(),
        city_id: birmingham.to_string(),
        nace_codes: vec!["70.22".into()],
        ..Default::default()
    };
    let org = tandem_app::directory::organisations::create(&app.app, &app.actor(&organiser_email).await, &draft).await.expect("organiser org");
    let event = Uuid::now_v7();
    let now = Utc::now().trunc_subsecs(6);
    let start = now + Duration::days(21);
    let db = app.app.db();
    execute(
        db,
        &format!(
            "INSERT INTO events (id, slug, name, state, timezone, starts_at, ends_at, venue_name, tables, registration_open, \
             registration_approval, booking_open, request_mode, scheduling_mode, request_expiry_minutes, max_pending_requests, \
             agenda_state, created_at, updated_at) VALUES ({}, 'tandem-25', 'Tandem 25', 'published', 'Europe/London', {}, {}, \
             'iCentrum', {tables}, TRUE, FALSE, TRUE, 'approval', 'pick_slot', 1440, 20, 'unpublished', {}, {})",
            id_lit(event),
            time_lit(start),
            time_lit(start + Duration::hours(8)),
            time_lit(now),
            time_lit(now)
        ),
    )
    .await;
    execute(db, &format!("INSERT INTO event_organisers (event_id, org_id, role) VALUES ({}, {}, 'main')", id_lit(event), id_lit(org.id.0))).await;
    let session = Uuid::now_v7();
    execute(
        db,
        &format!(
            "INSERT INTO event_sessions (id, event_id, kind, title, starts_at, ends_at, slot_minutes, created_at) \
             VALUES ({}, {}, 'matchmaking', 'B2B meetings', {}, {}, 30, {})",
            id_lit(session),
            id_lit(event),
            time_lit(start),
            time_lit(start + Duration::minutes(90)),
            time_lit(now)
        ),
    )
    .await;
    let mut slots = Vec::new();
    for i in 0..3 {
        let slot = Uuid::now_v7();
        let at = start + Duration::minutes(30 * i);
        execute(
            db,
            &format!(
                "INSERT INTO event_slots (id, event_id, session_id, starts_at, ends_at) VALUES ({}, {}, {}, {}, {})",
                id_lit(slot),
                id_lit(event),
                id_lit(session),
                time_lit(at),
                time_lit(at + Duration::minutes(30))
            ),
        )
        .await;
        slots.push(slot);
    }
    Fair { app, event, slots, organiser_email }
}

impl Fair {
    /// A verified user registered and approved as `name`; returns (registration id, email).
    pub(crate) async fn join(&self, name: &str, attendance: &str) -> (Uuid, String) {
        let email = format!("{}@participants.test", name.to_lowercase().replace(' ', "."));
        let user = self.app.create_user(&email, PASSWORD, true, false).await;
        let reg = Uuid::now_v7();
        let now = Utc::now().trunc_subsecs(6);
        execute(
            self.app.app.db(),
            &format!(
                "INSERT INTO event_registrations (id, event_id, user_id, display_name, attendance, state, checkin_code, \
                 calendar_token, created_at, updated_at) VALUES ({}, {}, {}, '{name}', '{attendance}', 'approved', '{}', '{}', {}, {})",
                id_lit(reg),
                id_lit(self.event),
                id_lit(user.id.0),
                Uuid::new_v4().simple(),
                Uuid::new_v4().simple(),
                time_lit(now),
                time_lit(now)
            ),
        )
        .await;
        (reg, email)
    }

    fn path(&self, rest: &str) -> String {
        format!("/events/{}{rest}", self.event)
    }

    /// The caller's meetings through the API.
    async fn mine(&self, client: &Client) -> Value {
        let response = client.get(self.app.url(&format!("/api/v1{}", self.path("/meetings/mine")))).send().await.expect("GET");
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.expect("JSON")
    }
}

#[tokio::test]
async fn a_participant_requests_the_other_accepts_into_a_slot_and_both_see_it() {
    let f = fair(4).await;
    let (_, chris_email) = f.join("Chris Daden", "onsite").await;
    let (petra, petra_email) = f.join("Petra Schenker", "onsite").await;
    let chris = logged_in(&f.app, &chris_email).await;

    let (status, html) = get(&f.app, &chris, &f.path("/participants")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Petra Schenker") && html.contains(&format!("/participants/{petra}/request")), "{html}");
    // The filters refresh only the results for htmx.
    let fragment = chris.get(f.app.url(&f.path("/participants?q=petra"))).header("HX-Request", "true").send().await.expect("GET");
    let fragment = fragment.text().await.expect("body");
    assert!(!fragment.contains("<html") && fragment.contains("Petra Schenker") && !fragment.contains("Chris Daden"));

    let form = f.path(&format!("/participants/{petra}/request"));
    let response = post_form(&f.app, &chris, &form, &f.path("/meeting-requests"), &[("receiver", &petra.to_string()), ("message", "Shall we talk about VR training?")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), f.path("/meetings"));
    // Twice is refused with the reason on the form, not an error page.
    let again = post_form(&f.app, &chris, &form, &f.path("/meeting-requests"), &[("receiver", &petra.to_string())]).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().await.expect("body").contains("already have a request or meeting"));
    assert!(f.app.outbox_to(&petra_email).await[0].subject.contains("Chris Daden asks to meet you"));

    let petra_client = logged_in(&f.app, &petra_email).await;
    let (_, mine) = get(&f.app, &petra_client, &f.path("/meetings")).await;
    assert!(mine.contains("Chris Daden") && mine.contains("Shall we talk about VR training?"), "{mine}");
    let meeting = f.mine(&petra_client).await["incoming"][0]["id"].as_str().expect("id").to_owned();
    let (status, pick) = get(&f.app, &petra_client, &format!("/meetings/{meeting}/accept")).await;
    assert_eq!(status, StatusCode::OK);
    for slot in &f.slots {
        assert!(pick.contains(&slot.to_string()), "every slot is free: {pick}");
    }
    let accepted = post_form(&f.app, &petra_client, &format!("/meetings/{meeting}/accept"), &format!("/meetings/{meeting}/accept"), &[("slot_id", &f.slots[1].to_string())]).await;
    assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
    for client in [&chris, &petra_client] {
        let (_, page) = get(&f.app, client, &f.path("/meetings")).await;
        assert!(page.contains("Table 1") && page.contains("GMT"), "{page}");
        let api = f.mine(client).await;
        assert_eq!(api["accepted"][0]["slot_id"], json!(f.slots[1].to_string()));
        assert_eq!(api["accepted"][0]["table_number"], json!(1));
    }
    assert!(f.app.outbox_to(&chris_email).await[0].subject.contains("confirmed"));
}

#[tokio::test]
async fn refusals_read_in_german_and_organisers_see_every_meeting() {
    let f = fair(1).await;
    let (a, a_email) = f.join("Anna", "onsite").await;
    let (b, b_email) = f.join("Bernd", "onsite").await;
    let (_, c_email) = f.join("Carla", "onsite").await;
    let (d, d_email) = f.join("Dieter", "onsite").await;
    let (client_a, client_c) = (logged_in(&f.app, &a_email).await, logged_in(&f.app, &c_email).await);
    let request = |client: Client, to: Uuid| {
        let url = f.app.url(&format!("/api/v1{}", f.path("/meeting-requests")));
        async move { client.post(url).json(&json!({"receiver_id": to.to_string()})).send().await.expect("POST") }
    };
    let first: Value = request(client_a.clone(), b).await.json().await.expect("JSON");
    let second: Value = request(client_c.clone(), d).await.json().await.expect("JSON");
    let (client_b, client_d) = (logged_in(&f.app, &b_email).await, logged_in(&f.app, &d_email).await);
    let accept = |client: &Client, meeting: &Value| {
        client
            .post(f.app.url(&format!("/api/v1{}/meetings/{}/accept", f.path(""), meeting["id"].as_str().unwrap_or_default())))
            .header(reqwest::header::ORIGIN, &f.app.base_url)
            .json(&json!({"slot_id": f.slots[0].to_string()}))
            .send()
    };
    assert_eq!(accept(&client_b, &first).await.expect("POST").status(), StatusCode::OK);
    // The only table is gone: the web form answers in German with the reason and fresh slots.
    client_d.get(f.app.url("/locale/de?return_to=/")).send().await.expect("switch to German");
    let page = format!("/meetings/{}/accept", second["id"].as_str().expect("id"));
    let lost = post_form(&f.app, &client_d, &page, &page, &[("slot_id", &f.slots[0].to_string())]).await;
    assert_eq!(lost.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = lost.text().await.expect("body");
    assert!(html.contains("Dann ist kein Tisch frei"), "{html}");
    assert!(html.contains(&f.slots[1].to_string()) && !html.contains(&format!("value=\"{}\"", f.slots[0])));

    let organiser = logged_in(&f.app, &f.organiser_email).await;
    let (status, overview) = get(&f.app, &organiser, &f.path("/meetings/all")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(overview.contains("Anna") && overview.contains("Dieter") && overview.contains("Table 1"), "{overview}");
    let (_, only) = get(&f.app, &organiser, &f.path("/meetings/all?state=requested")).await;
    assert!(only.contains("Carla") && !only.contains("Bernd"));
    let (status, _) = get(&f.app, &client_a, &f.path("/meetings/all")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let _ = a;
}

#[tokio::test]
async fn the_api_requests_accepts_declines_and_cancels() {
    let f = fair(2).await;
    let (a, a_email) = f.join("Anna", "onsite").await;
    let (b, b_email) = f.join("Bernd", "remote").await;
    let (c, c_email) = f.join("Carla", "onsite").await;
    let token_a = f.app.api_token(&a_email, PASSWORD).await;
    let token_b = f.app.api_token(&b_email, PASSWORD).await;
    let token_c = f.app.api_token(&c_email, PASSWORD).await;
    let api = |token: &str, path: &str, body: Value| {
        f.app.client().post(f.app.url(&format!("/api/v1{}{path}", f.path("")))).bearer_auth(token).json(&body).send()
    };
    let created = api(&token_a, "/meeting-requests", json!({"receiver_id": b.to_string(), "message": "Hello"})).await.expect("POST");
    assert_eq!(created.status(), StatusCode::CREATED);
    let m: Value = created.json().await.expect("JSON");
    assert_eq!((m["state"].as_str(), m["mode"].as_str()), (Some(MeetingState::Requested.key()), Some(MeetingMode::Remote.key())));
    let id = m["id"].as_str().expect("id").to_owned();

    let own = api(&token_a, "/meeting-requests", json!({"receiver_id": a.to_string()})).await.expect("POST");
    assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(own.json::<Value>().await.expect("JSON")["error"]["code"], "own_request");
    let not_receiver = api(&token_a, &format!("/meetings/{id}/accept"), json!({"slot_id": f.slots[0].to_string()})).await.expect("POST");
    assert_eq!(not_receiver.status(), StatusCode::FORBIDDEN);
    let outsider = api(&token_c, &format!("/meetings/{id}/decline"), json!({})).await.expect("POST");
    assert_eq!(outsider.status(), StatusCode::NOT_FOUND, "a meeting of others is not even shown");

    let slots: Value = f
        .app
        .client()
        .get(f.app.url(&format!("/api/v1{}/meetings/{id}/slots", f.path(""))))
        .bearer_auth(&token_b)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON");
    assert_eq!(slots.as_array().map(Vec::len), Some(3));
    assert_eq!(slots[0]["table_number"], Value::Null, "a meeting with someone online needs no table");
    let missing = api(&token_b, &format!("/meetings/{id}/accept"), json!({})).await.expect("POST");
    assert_eq!(missing.json::<Value>().await.expect("JSON")["error"]["code"], "slot_required");
    let accepted = api(&token_b, &format!("/meetings/{id}/accept"), json!({"slot_id": f.slots[2].to_string()})).await.expect("POST");
    assert_eq!(accepted.status(), StatusCode::OK);
    let cancelled = api(&token_a, &format!("/meetings/{id}/cancel"), json!({"reason": "Flight cancelled"})).await.expect("POST");
    let cancelled: Value = cancelled.json().await.expect("JSON");
    assert_eq!((cancelled["state"].as_str(), cancelled["slot_id"].as_str()), (Some("cancelled"), None));

    let second: Value = api(&token_c, "/meeting-requests", json!({"receiver_id": b.to_string()})).await.expect("POST").json().await.expect("JSON");
    let declined = f
        .app
        .client()
        .post(f.app.url(&format!("/api/v1{}/meetings/{}/decline", f.path(""), second["id"].as_str().expect("id"))))
        .bearer_auth(&token_b)
        .send()
        .await
        .expect("POST without a body");
    assert_eq!(declined.json::<Value>().await.expect("JSON")["state"], "declined");
    let mine: Value = f
        .app
        .client()
        .get(f.app.url(&format!("/api/v1{}", f.path("/meetings/mine"))))
        .bearer_auth(&token_b)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON");
    assert_eq!(mine["registration_id"], json!(b.to_string()));
    assert_eq!(mine["closed"].as_array().map(Vec::len), Some(2));
    let _ = c;

    let doc: Value = f.app.client().get(f.app.url("/api/v1/openapi.json")).send().await.expect("GET").json().await.expect("JSON");
    for path in [
        "/events/{id}/meetings/mine",
        "/events/{id}/meeting-requests",
        "/events/{id}/meetings/{meeting}/slots",
        "/events/{id}/meetings/{meeting}/accept",
        "/events/{id}/meetings/{meeting}/decline",
        "/events/{id}/meetings/{meeting}/cancel",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
}

#[tokio::test]
async fn availability_is_set_in_a_form_and_refused_where_a_meeting_is() {
    let f = fair(2).await;
    let (_, a_email) = f.join("Anna", "onsite").await;
    let client = logged_in(&f.app, &a_email).await;
    let page = f.path("/availability");
    let (status, html) = get(&f.app, &client, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("name=\"available\"").count(), 3);
    let saved = post_form(&f.app, &client, &page, &page, &[("available", &f.slots[0].to_string()), ("available", &f.slots[2].to_string())]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&f.app, &client, &page).await;
    let ticked = |slot: Uuid| html.contains(&format!("value=\"{slot}\" checked"));
    assert!(ticked(f.slots[0]) && !ticked(f.slots[1]) && ticked(f.slots[2]), "{html}");
    // Someone who does not take part gets the reason, not a crash.
    let outsider_email = "outsider@participants.test";
    f.app.create_user(outsider_email, PASSWORD, true, false).await;
    let (status, html) = get(&f.app, &logged_in(&f.app, outsider_email).await, &page).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("approved participants"));
}

/// Twenty participants accept at the same moment over HTTP: ten compete for the last table of
/// a slot, ten for one requester's only free slot. Exactly one of each wins; every other gets a
/// 422 with a clear code, none a 500; the bookings stay single.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_clients_accepting_at_once_over_http_never_double_book() {
    let f = fair(3).await;
    let (slot, hub_slot) = (f.slots[0], f.slots[1]);
    let url = |rest: &str| f.app.url(&format!("/api/v1{}{rest}", f.path("")));
    let client = f.app.client();
    let mut contests: Vec<(String, String, Uuid)> = Vec::new();
    // Tables 1 and 2 are taken in the first slot; ten pairs wait for the last one.
    for (tag, n) in [("early", 2), ("table", 10)] {
        for i in 0..n {
            let (_, from) = f.join(&format!("{tag} from {i}"), "onsite").await;
            let (to, to_email) = f.join(&format!("{tag} to {i}"), "onsite").await;
            let from_token = f.app.api_token(&from, PASSWORD).await;
            let to_token = f.app.api_token(&to_email, PASSWORD).await;
            let request = client.post(url("/meeting-requests")).bearer_auth(&from_token).json(&json!({"receiver_id": to.to_string()}));
            let m: Value = request.send().await.expect("POST").json().await.expect("JSON");
            let id = m["id"].as_str().expect("id").to_owned();
            if tag == "early" {
                let accept = client.post(url(&format!("/meetings/{id}/accept"))).bearer_auth(&to_token).json(&json!({"slot_id": slot.to_string()}));
                assert_eq!(accept.send().await.expect("POST").status(), StatusCode::OK);
            } else {
                contests.push((id, to_token, slot));
            }
        }
    }
    // The hub (online) is free only in the second slot; ten receivers want it there.
    let (_, hub_email) = f.join("Hub", "remote").await;
    let hub_token = f.app.api_token(&hub_email, PASSWORD).await;
    let hub_client = logged_in(&f.app, &hub_email).await;
    let availability = f.path("/availability");
    post_form(&f.app, &hub_client, &availability, &availability, &[("available", &hub_slot.to_string())]).await;
    for i in 0..10 {
        let (to, to_email) = f.join(&format!("hub to {i}"), "onsite").await;
        let request = client.post(url("/meeting-requests")).bearer_auth(&hub_token).json(&json!({"receiver_id": to.to_string()}));
        let m: Value = request.send().await.expect("POST").json().await.expect("JSON");
        let to_token = f.app.api_token(&to_email, PASSWORD).await;
        contests.push((m["id"].as_str().expect("id").to_owned(), to_token, hub_slot));
    }

    let barrier = Arc::new(tokio::sync::Barrier::new(contests.len()));
    let mut tasks = Vec::new();
    for (meeting, token, target) in contests {
        let (barrier, target_url) = (barrier.clone(), url(&format!("/meetings/{meeting}/accept")));
        let client = f.app.client();
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            let response = client.post(target_url).bearer_auth(token).json(&json!({"slot_id": target.to_string()})).send().await.expect("POST");
            let status = response.status();
            (target, status, response.json::<Value>().await.expect("JSON"))
        }));
    }
    let (mut table_wins, mut hub_wins) = (0, 0);
    for task in tasks {
        let (target, status, body) = task.await.expect("task");
        match status {
            StatusCode::OK if target == slot => table_wins += 1,
            StatusCode::OK => hub_wins += 1,
            StatusCode::UNPROCESSABLE_ENTITY => {
                let code = body["error"]["code"].as_str().unwrap_or_default();
                assert!(matches!(code, "slot_taken" | "no_table" | "slot_unavailable"), "unclear refusal: {body}");
            }
            other => panic!("a loser got {other}: {body}"),
        }
    }
    assert_eq!((table_wins, hub_wins), (1, 1));
    // Every table of the first slot is booked once, and the hub has one meeting.
    let hub_mine: Value = client.get(url("/meetings/mine")).bearer_auth(&hub_token).send().await.expect("GET").json().await.expect("JSON");
    assert_eq!(hub_mine["accepted"].as_array().map(Vec::len), Some(1));
    assert_eq!(hub_mine["outgoing"].as_array().map(Vec::len), Some(9));
}

#[test]
fn every_meeting_label_and_refusal_reads_in_both_languages() {
    use tandem_core::events::meeting::MeetingRefusal as R;
    let mut keys: Vec<String> = MeetingState::ALL.iter().map(|s| format!("meetings-state-{}", s.key())).collect();
    keys.extend(MeetingMode::ALL.iter().map(|m| format!("meetings-mode-{}", m.key())));
    keys.extend(tandem_core::events::Attendance::ALL.iter().map(|a| format!("meetings-attendance-{}", a.key())));
    let refusals = [
        R::BookingClosed, R::NotParticipant, R::PartnerNotParticipant, R::OwnRequest, R::PairOpen, R::TooManyPending(1), R::OwnAgendaFull(1),
        R::PartnerAgendaFull(1), R::ProfileNotLinked, R::NotRequested, R::NotOpen, R::NotAccepted, R::AlreadyPlaced, R::SlotNotPicked,
        R::SlotRequired, R::UnknownSlot, R::SlotUnavailable, R::SlotTaken, R::NoTable, R::SessionFull(1), R::SlotHasMeeting, R::ModeNotAllowed,
    ];
    keys.extend(refusals.iter().map(|r| format!("meetings-error-{}", r.code())));
    keys.extend(
        ["requested", "confirmed", "accepted", "declined", "cancelled", "booked", "availability", "mode", "locked", "unlocked"]
            .map(|k| format!("meetings-flash-{k}")),
    );
    for locale in [Locale::En, Locale::De] {
        let missing: Vec<&String> = keys.iter().filter(|k| !Tr::has(locale, k)).collect();
        assert!(missing.is_empty(), "missing in {}: {missing:?}", locale.key());
    }
    let _ = OrgRole::Member;
}
