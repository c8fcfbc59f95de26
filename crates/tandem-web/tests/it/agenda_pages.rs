//! Agendas over real HTTP (issue 5, item 4): a participant's agenda page in English and German,
//! its calendar file read back, the subscription link without a session (stable UID and a
//! higher SEQUENCE after a meeting moves, a reset that kills the old link), the PDF; the
//! organiser's table plan, spreadsheet and participant agendas; and who is refused.

use crate::support::*;
use calamine::{Reader, Xlsx};
use chrono::Utc;
use reqwest::{Client, StatusCode};
use std::io::Cursor;
use tandem_app::events::meetings::{requests, slots};
use tandem_app::events::{agenda, registration, setup};
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::events::agenda::SessionDraft;
use tandem_core::events::event::{EventDraft, SettingsDraft};
use tandem_core::events::registration::RegistrationDraft;
use tandem_core::{EventId, MeetingId, RegistrationId};
use tandem_io::ics::{parse_calendar, ParsedCalendar};
use tandem_testkit::{backend, execute, TestApp};

const ORGANISER: &str = "events@innovation-birmingham.example";
const ANNA: &str = "anna@robotik.example";
const BERND: &str = "bernd@brum.example";

/// A published pick-slot event at the iCentrum (20 October 2030, Birmingham time) with a
/// keynote and a matchmaking session of three slots; Anna (of a Leipzig SME) and Bernd are
/// approved participants and meet at table 1 in the first slot.
struct Fair {
    app: TestApp,
    event: EventId,
    slug: String,
    anna: RegistrationId,
    meeting: MeetingId,
}

async fn fair() -> Fair {
    let app = TestApp::spawn().await;
    let cities = tandem_app::directory::cities(&app.app).await.expect("cities");
    let city = |name: &str| cities.iter().find(|c| c.name == name).expect("city").id.to_string();
    let organisation = |name: &str, kind: OrgKind, city: String| OrganisationDraft {
        name: name.into(),
        kind: kind.key().into(),
        city_id: city,
        nace_codes: vec!["72.19".into()],
        ..Default::default()
    };
    app.create_user(ORGANISER, PASSWORD, true, false).await;
    let organiser = app.actor(ORGANISER).await;
    let org = tandem_app::directory::organisations::create(&app.app, &organiser, &organisation("Innovation Birmingham", OrgKind::Incubator, city("Birmingham")))
        .await
        .expect("organiser org");
    let organiser = app.actor(ORGANISER).await;
    let details = EventDraft {
        name: "Birmingham–Leipzig: 25 years of twinning".into(),
        timezone: "Europe/London".into(),
        starts_at: "2030-10-20T09:00".into(),
        ends_at: "2030-10-20T17:30".into(),
        venue_name: "Innovation Birmingham Campus (iCentrum)".into(),
        tables: "10".into(),
        ..Default::default()
    };
    let event = setup::create(&app.app, &organiser, org.id, &details).await.expect("event");
    for (kind, title, from, to, minutes) in [("keynote", "Twenty-five years of twinning", "09:30", "10:15", ""), ("matchmaking", "Morning matchmaking", "10:30", "11:30", "20")] {
        let session = SessionDraft {
            kind: kind.into(),
            title: title.into(),
            starts_at: format!("2030-10-20T{from}"),
            ends_at: format!("2030-10-20T{to}"),
            slot_minutes: minutes.into(),
            ..Default::default()
        };
        agenda::add_session(&app.app, &organiser, event.id, &session).await.expect("session");
    }
    let settings = SettingsDraft {
        registration_open: true,
        booking_open: true,
        request_mode: "approval".into(),
        scheduling_mode: "pick_slot".into(),
        request_expiry_minutes: "1440".into(),
        max_pending_requests: "10".into(),
        ..Default::default()
    };
    setup::update_settings(&app.app, &organiser, event.id, &settings).await.expect("settings");
    let event = setup::publish(&app.app, &organiser, event.id).await.expect("publish");

    app.create_user(ANNA, PASSWORD, true, false).await;
    let robotik = tandem_app::directory::organisations::create(&app.app, &app.actor(ANNA).await, &organisation("Leipziger Robotik GmbH", OrgKind::Sme, city("Leipzig")))
        .await
        .expect("SME");
    let anna = app.actor(ANNA).await;
    let draft = |name: &str| RegistrationDraft { display_name: name.into(), attendance: "onsite".into(), ..Default::default() };
    let anna_reg = registration::register(&app.app, &anna, event.id, &RegistrationDraft { org_id: Some(robotik.id), ..draft("Anna Schmidt") })
        .await
        .expect("Anna registers");
    app.create_user(BERND, PASSWORD, true, false).await;
    let bernd = app.actor(BERND).await;
    let bernd_reg = registration::register(&app.app, &bernd, event.id, &draft("Bernd Brum")).await.expect("Bernd registers");
    let input = requests::RequestInput { receiver: bernd_reg.id, message: Some("Robots for your line?".into()), ..Default::default() };
    let request = requests::request(&app.app, &anna, event.id, &input).await.expect("request");
    let first = slots::free_slots(&app.app, &bernd, request.id).await.expect("slots")[0].slot.id;
    let meeting = requests::accept(&app.app, &bernd, request.id, Some(first)).await.expect("accept");
    assert_eq!(meeting.table_number, Some(1));
    Fair { app, event: event.id, slug: event.slug, anna: anna_reg.id, meeting: meeting.id }
}

impl Fair {
    fn path(&self, rest: &str) -> String {
        format!("/events/{}{rest}", self.event)
    }

    /// GETs a file: status, content type, disposition and bytes.
    async fn file(&self, client: &Client, path: &str) -> (StatusCode, String, String, Vec<u8>) {
        let response = client.get(self.app.url(path)).send().await.expect("GET");
        let header = |name| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let (content_type, disposition) = (header("content-type"), header("content-disposition"));
        (response.status(), content_type, disposition, response.bytes().await.expect("body").to_vec())
    }

    /// The subscription URL shown on Anna's page, as a path.
    async fn subscribe_path(&self, client: &Client) -> String {
        let (_, html) = get(&self.app, client, &self.path("/my-agenda")).await;
        let url = tandem_testkit::input_value(&html, "subscribe_url").expect("subscribe URL on the page");
        url.strip_prefix(&self.app.base_url).map(str::to_owned).unwrap_or_else(|| panic!("{url} is not on {}", self.app.base_url))
    }
}

fn calendar(bytes: &[u8]) -> ParsedCalendar {
    parse_calendar(bytes).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(bytes)))
}

#[tokio::test]
async fn a_participant_reads_downloads_and_subscribes_to_their_agenda() {
    let f = fair().await;
    let anna = logged_in(&f.app, ANNA).await;
    let (status, html) = get(&f.app, &anna, &f.path("/my-agenda")).await;
    assert_eq!(status, StatusCode::OK);
    for expected in ["My agenda", "Meeting with Bernd Brum", "Table 1", "10:30–10:50", "Twenty-five years of twinning", "Europe/London", "<svg", "Sunday, 20 October 2030"] {
        assert!(html.contains(expected), "{expected} missing: {html}");
    }
    let (_, meetings_page) = get(&f.app, &anna, &f.path("/meetings")).await;
    assert!(meetings_page.contains(&f.path("/my-agenda")), "linked from My meetings");
    let (_, event_page) = get(&f.app, &anna, &f.path("")).await;
    assert!(event_page.contains(&f.path("/my-agenda")), "linked from the event page");

    // In German.
    let switched = anna.get(f.app.url(&format!("/locale/de?return_to={}", f.path("/my-agenda")))).send().await.expect("switch");
    assert!(switched.status().is_success() || switched.status().is_redirection());
    let (status, german) = get(&f.app, &anna, &f.path("/my-agenda")).await;
    assert_eq!(status, StatusCode::OK);
    for expected in ["Meine Agenda", "Treffen mit Bernd Brum", "Tisch 1", "Sonntag, 20. Oktober 2030", "Kalenderadresse"] {
        assert!(german.contains(expected), "{expected} missing: {german}");
    }

    // The calendar file, in the reader's language.
    let (status, content_type, disposition, bytes) = f.file(&anna, &f.path("/my-agenda.ics")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/calendar"), "{content_type}");
    assert!(disposition.starts_with("attachment") && disposition.contains(&format!("{}-agenda.ics", f.slug)), "{disposition}");
    let file = calendar(&bytes);
    assert_eq!(file.events.len(), 2, "the keynote and the meeting");
    let uid = format!("meeting-{}@tandem", f.meeting);
    let meeting = file.events.iter().find(|e| e.uid.as_deref() == Some(uid.as_str())).expect("the meeting");
    assert!(meeting.summary.as_deref().is_some_and(|s| s.starts_with("Treffen: Bernd Brum")), "{meeting:?}");

    // The PDF.
    let (status, content_type, disposition, bytes) = f.file(&anna, &f.path("/my-agenda.pdf")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/pdf");
    assert!(disposition.contains(&format!("{}-agenda.pdf", f.slug)));
    assert!(bytes.starts_with(b"%PDF"));

    // The subscription works without a session; a moved meeting keeps its UID with a higher SEQUENCE.
    let subscribe = f.subscribe_path(&anna).await;
    assert!(subscribe.starts_with("/calendar/") && subscribe.ends_with(".ics"));
    let client = f.app.client();
    let (status, content_type, _, bytes) = f.file(&client, &subscribe).await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/calendar"));
    let before = calendar(&bytes);
    let old = before.events.iter().find(|e| e.uid.as_deref() == Some(uid.as_str())).expect("meeting").clone();
    move_meeting(&f, 2).await;
    let after = calendar(&f.file(&client, &subscribe).await.3);
    let moved = after.events.iter().find(|e| e.uid.as_deref() == Some(uid.as_str())).expect("meeting still there");
    assert!(moved.sequence > old.sequence, "{:?} > {:?}", moved.sequence, old.sequence);
    assert!(moved.location.as_deref().is_some_and(|l| l.starts_with("Tisch 2")), "{moved:?}");
    assert_eq!(after.events.len(), before.events.len());

    // Unknown links are 404s.
    for path in ["/calendar/not-a-token.ics", "/calendar/.ics", subscribe.trim_end_matches(".ics")] {
        assert_eq!(f.file(&client, path).await.0, StatusCode::NOT_FOUND, "{path}");
    }

    // Resetting the link: the old one is dead, the page shows a new one that works.
    let reset = post_form(&f.app, &anna, &f.path("/my-agenda"), &f.path("/my-agenda/reset-calendar"), &[]).await;
    assert_eq!(reset.status(), StatusCode::SEE_OTHER);
    assert_eq!(f.file(&client, &subscribe).await.0, StatusCode::NOT_FOUND);
    let renewed = f.subscribe_path(&anna).await;
    assert_ne!(renewed, subscribe);
    assert_eq!(f.file(&client, &renewed).await.0, StatusCode::OK);

    // A cancelled registration's calendar is gone.
    let cancelled = post_form(&f.app, &anna, &f.path(""), &f.path("/register/cancel"), &[]).await;
    assert_eq!(cancelled.status(), StatusCode::SEE_OTHER);
    assert_eq!(f.file(&client, &renewed).await.0, StatusCode::NOT_FOUND);
}

/// Moves the meeting to table `table` of the last slot, as an organiser's reschedule does.
async fn move_meeting(f: &Fair, table: i32) {
    let id = |u: uuid::Uuid| if backend() == "postgres" { format!("'{u}'::uuid") } else { format!("X'{}'", u.simple()) };
    let now = Utc::now().to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false);
    let now = if backend() == "postgres" { format!("'{now}'::timestamptz") } else { format!("'{now}'") };
    let sql = format!(
        "UPDATE event_meetings SET slot_id = (SELECT id FROM event_slots WHERE event_id = {event} ORDER BY starts_at DESC LIMIT 1), \
         table_number = {table}, sequence = sequence + 1, updated_at = {now} WHERE id = {meeting}",
        event = id(f.event.0),
        meeting = id(f.meeting.0)
    );
    assert_eq!(execute(f.app.app.db(), &sql).await, 1);
}

#[tokio::test]
async fn organisers_get_the_plan_the_spreadsheet_and_any_agenda_others_are_refused() {
    let f = fair().await;
    let organiser = logged_in(&f.app, ORGANISER).await;
    let (_, manage) = get(&f.app, &organiser, &f.path("/manage")).await;
    assert!(manage.contains(&f.path("/table-plan.pdf")) && manage.contains(&f.path("/meetings.xlsx")), "{manage}");

    let (status, content_type, disposition, bytes) = f.file(&organiser, &f.path("/table-plan.pdf")).await;
    assert_eq!((status, content_type.as_str()), (StatusCode::OK, "application/pdf"));
    assert!(disposition.contains(&format!("{}-table-plan.pdf", f.slug)));
    assert!(bytes.starts_with(b"%PDF"));

    let (status, content_type, disposition, bytes) = f.file(&organiser, &f.path("/meetings.xlsx")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.contains("spreadsheetml"), "{content_type}");
    assert!(disposition.contains(&format!("{}-meetings.xlsx", f.slug)));
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    let range = workbook.worksheet_range("Meetings").expect("sheet");
    assert_eq!(range.height(), 2, "header and the meeting");
    let row: Vec<String> = (0..13).map(|c| range.get((1, c)).map(ToString::to_string).unwrap_or_default()).collect();
    assert_eq!(&row[2..5], ["1", "on site", "scheduled"]);
    assert_eq!(&row[6..10], ["Anna Schmidt", "Leipziger Robotik GmbH", "Leipzig", "Bernd Brum"]);

    // A participant's agenda, from their registration's page.
    let (_, detail) = get(&f.app, &organiser, &format!("/registrations/{}", f.anna)).await;
    assert!(detail.contains(&format!("/registrations/{}/agenda", f.anna)), "{detail}");
    let (status, html) = get(&f.app, &organiser, &format!("/registrations/{}/agenda", f.anna)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Agenda of Anna Schmidt") && html.contains("Meeting with Bernd Brum"), "{html}");
    assert!(!html.contains("subscribe_url"), "the subscription link is the participant's own");
    let (status, _, disposition, bytes) = f.file(&organiser, &format!("/registrations/{}/agenda.pdf", f.anna)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(disposition.contains("agenda-anna-schmidt.pdf") && bytes.starts_with(b"%PDF"), "{disposition}");

    // Participants get neither the plan nor the list, nor another's agenda.
    let bernd = logged_in(&f.app, BERND).await;
    assert_eq!(f.file(&bernd, &f.path("/table-plan.pdf")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(f.file(&bernd, &f.path("/meetings.xlsx")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(get(&f.app, &bernd, &format!("/registrations/{}/agenda", f.anna)).await.0, StatusCode::NOT_FOUND);
    let (status, own) = get(&f.app, &bernd, &f.path("/my-agenda")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(own.contains("Meeting with Anna Schmidt") && own.contains("Leipziger Robotik GmbH, Leipzig"), "{own}");

    // Someone not registered is told so and offered registration; their downloads are refused.
    f.app.create_user("carla@example.org", PASSWORD, true, false).await;
    let carla = logged_in(&f.app, "carla@example.org").await;
    let (status, html) = get(&f.app, &carla, &f.path("/my-agenda")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains("You are not registered") && html.contains(&f.path("/register")), "{html}");
    assert_eq!(f.file(&carla, &f.path("/my-agenda.ics")).await.0, StatusCode::FORBIDDEN);
    assert_eq!(f.file(&carla, &f.path("/my-agenda.pdf")).await.0, StatusCode::FORBIDDEN);
    let reset = post_form(&f.app, &carla, &f.path("/my-agenda"), &f.path("/my-agenda/reset-calendar"), &[]).await;
    assert_eq!(reset.status(), StatusCode::FORBIDDEN);
    // Anonymous visitors log in first.
    let anonymous = f.app.client();
    let response = anonymous.get(f.app.url(&f.path("/my-agenda.pdf"))).send().await.expect("GET");
    assert!(response.status().is_redirection() && location(&response).starts_with("/login"), "{:?}", response.status());
}

#[tokio::test]
async fn empty_and_unpublished_agendas_say_why() {
    let f = fair().await;
    // Without meetings: the sessions, and a pointer to the participant directory.
    f.app.create_user("carla@example.org", PASSWORD, true, false).await;
    let carla_actor = f.app.actor("carla@example.org").await;
    let draft = RegistrationDraft { display_name: "Carla Castro".into(), attendance: "remote".into(), ..Default::default() };
    registration::register(&f.app.app, &carla_actor, f.event, &draft).await.expect("register");
    let carla = logged_in(&f.app, "carla@example.org").await;
    let (status, html) = get(&f.app, &carla, &f.path("/my-agenda")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("No meetings on the agenda yet.") && html.contains(&f.path("/participants")), "{html}");
    assert!(html.contains("Twenty-five years of twinning"));

    // The organiser switches to auto-scheduling: until the agenda is published, participants
    // do not see where their meetings sit.
    let event = if backend() == "postgres" { format!("'{}'::uuid", f.event.0) } else { format!("X'{}'", f.event.0.simple()) };
    execute(f.app.app.db(), &format!("UPDATE events SET scheduling_mode = 'auto' WHERE id = {event}")).await;
    let anna = logged_in(&f.app, ANNA).await;
    let (_, html) = get(&f.app, &anna, &f.path("/my-agenda")).await;
    assert!(html.contains("id=\"agenda-unpublished\"") && !html.contains("Meeting with Bernd Brum"), "{html}");
    assert!(!html.contains("id=\"agenda-waiting\""), "the note says why");
    assert!(!html.contains("id=\"no-meetings\""), "not \"no meetings\" while they are unpublished");
    execute(f.app.app.db(), &format!("UPDATE events SET agenda_state = 'preliminary' WHERE id = {event}")).await;
    let (_, html) = get(&f.app, &anna, &f.path("/my-agenda")).await;
    assert!(html.contains("Preliminary agenda.") && html.contains("Meeting with Bernd Brum") && html.contains("Table 1"), "{html}");
}
