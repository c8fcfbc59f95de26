//! The event day in the browser (issue 5, item 5), over real HTTP: once a meeting's slot has
//! started its parties get "Held" / "No-show" buttons on "My meetings" and the organiser gets
//! them on the overview; the recorded outcome shows with who recorded it; refusals come back as
//! notices, in English and German.
//!
//! The event is set up through the use cases, with a matchmaking session whose first slot began
//! ten minutes ago and whose second starts in about ten.

use crate::support::*;
use chrono::{Duration, Timelike, Utc};
use reqwest::{Client, StatusCode};
use tandem_app::events::meetings::requests::{self, RequestInput};
use tandem_app::events::meetings::slots::availability;
use tandem_app::events::{agenda, registration, setup};
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::events::agenda::SessionDraft;
use tandem_core::events::event::{EventDraft, SettingsDraft, Tz};
use tandem_core::events::registration::RegistrationDraft;
use tandem_core::{EventId, MeetingId, RegistrationId, SlotId};
use tandem_testkit::TestApp;

const ORGANISER: &str = "events@icentrum.example";

struct Day {
    app: TestApp,
    event: EventId,
    /// Began ten minutes ago; then one starting in about ten (known once someone joined).
    slots: Vec<SlotId>,
    /// Registration ids by email.
    registrations: std::collections::HashMap<String, RegistrationId>,
}

/// An event under way today at the iCentrum, booking open, participants picking slots.
async fn event_day() -> Day {
    let app = TestApp::spawn().await;
    app.create_user(ORGANISER, PASSWORD, true, false).await;
    let organiser = app.actor(ORGANISER).await;
    let birmingham = tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == "Birmingham").expect("city").id;
    let org_draft = OrganisationDraft {
        name: "Innovation Birmingham".into(),
        kind: OrgKind::Incubator.key().into(),
        city_id: birmingham.to_string(),
        nace_codes: vec!["70.22".into()],
        ..Default::default()
    };
    let org = tandem_app::directory::organisations::create(&app.app, &organiser, &org_draft).await.expect("organiser org");
    let organiser = app.actor(ORGANISER).await;
    let local = |at: chrono::DateTime<Utc>| at.with_timezone(&Tz::Europe__London).format("%Y-%m-%dT%H:%M").to_string();
    let now = Utc::now().with_second(0).and_then(|t| t.with_nanosecond(0)).expect("whole minute");
    let session_start = now - Duration::minutes(10);
    let draft = EventDraft {
        name: "Tandem 25".into(),
        timezone: "Europe/London".into(),
        starts_at: local(session_start - Duration::hours(1)),
        ends_at: local(session_start + Duration::hours(8)),
        venue_name: "iCentrum".into(),
        tables: "10".into(),
        ..Default::default()
    };
    let event = setup::create(&app.app, &organiser, org.id, &draft).await.expect("event").id;
    let session = SessionDraft {
        kind: "matchmaking".into(),
        title: "B2B meetings".into(),
        starts_at: local(session_start),
        ends_at: local(session_start + Duration::minutes(40)),
        slot_minutes: "20".into(),
        ..Default::default()
    };
    agenda::add_session(&app.app, &organiser, event, &session).await.expect("session");
    let settings = SettingsDraft {
        registration_open: true,
        booking_open: true,
        request_mode: "approval".into(),
        scheduling_mode: "pick_slot".into(),
        request_expiry_minutes: "1440".into(),
        max_pending_requests: "10".into(),
        ..Default::default()
    };
    setup::update_settings(&app.app, &organiser, event, &settings).await.expect("settings");
    setup::publish(&app.app, &organiser, event).await.expect("publish");
    Day { app, event, slots: Vec::new(), registrations: Default::default() }
}

impl Day {
    /// A verified participant at the venue; returns their email.
    async fn join(&mut self, name: &str) -> String {
        let email = format!("{}@participants.example", name.to_lowercase());
        self.app.create_user(&email, PASSWORD, true, false).await;
        let actor = self.app.actor(&email).await;
        let draft = RegistrationDraft { display_name: name.into(), attendance: "onsite".into(), ..Default::default() };
        let r = registration::register(&self.app.app, &actor, self.event, &draft).await.expect("register");
        self.registrations.insert(email.clone(), r.id);
        if self.slots.is_empty() {
            self.slots = availability(&self.app.app, &actor, self.event).await.expect("slots").into_iter().map(|s| s.slot.id).collect();
        }
        email
    }

    /// `from` asks `to`, who accepts into `slot`.
    async fn meeting(&self, from: &str, to: &str, slot: SlotId) -> MeetingId {
        let input = RequestInput { receiver: self.registrations[to], ..Default::default() };
        let m = requests::request(&self.app.app, &self.app.actor(from).await, self.event, &input).await.expect("request");
        requests::accept(&self.app.app, &self.app.actor(to).await, m.id, Some(slot)).await.expect("accept").id
    }

    fn mine(&self) -> String {
        format!("/events/{}/meetings", self.event)
    }

    fn overview(&self) -> String {
        format!("/events/{}/meetings/all", self.event)
    }

    /// Records `outcome` from the page `from` (which carries the CSRF token).
    async fn record(&self, client: &Client, from: &str, m: MeetingId, outcome: &str) -> reqwest::Response {
        post_form(&self.app, client, from, &format!("/meetings/{m}/outcome"), &[("return_to", from), ("outcome", outcome)]).await
    }
}

/// The outcome part of meeting `m` on a page ("" when there is none).
fn outcome_part(html: &str, m: MeetingId) -> &str {
    let marker = format!("id=\"outcome-{m}\"");
    match html.find(&marker) {
        Some(i) => &html[i..i + html[i..].find("</div>").unwrap_or(html.len() - i)],
        None => "",
    }
}

#[tokio::test]
async fn parties_and_organisers_record_meetings_once_they_have_started() {
    let mut day = event_day().await;
    let (ann, ben, cem, dora) = (day.join("Ann").await, day.join("Ben").await, day.join("Cem").await, day.join("Dora").await);
    let now_on = day.meeting(&ann, &ben, day.slots[0]).await;
    let later = day.meeting(&cem, &dora, day.slots[1]).await;
    let app = &day.app;

    // Ann's meeting has started: the buttons are there. Cem's has not: none yet.
    let ann_client = logged_in(app, &ann).await;
    let (status, page) = get(app, &ann_client, &day.mine()).await;
    assert_eq!(status, StatusCode::OK);
    let part = outcome_part(&page, now_on);
    assert!(part.contains(&format!("action=\"/meetings/{now_on}/outcome\"")) && part.contains(">Held</button>") && part.contains(">No-show</button>"), "{page}");
    assert!(part.contains("value=\"receiver_absent\""), "Ann's no-show is Ben's absence: {part}");
    let cem_client = logged_in(app, &cem).await;
    let (_, page) = get(app, &cem_client, &day.mine()).await;
    assert!(page.contains("Dora") && outcome_part(&page, later).is_empty(), "{page}");
    // Posting anyway is refused with the reason, not an error page.
    let early = day.record(&cem_client, &day.mine(), later, "held").await;
    assert_eq!(early.status(), StatusCode::SEE_OTHER);
    let (_, page) = get(app, &cem_client, &day.mine()).await;
    assert!(page.contains("has not started yet"), "{page}");

    // Ann says Ben did not come; both see it, with who said so.
    let recorded = day.record(&ann_client, &day.mine(), now_on, "receiver_absent").await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&recorded), day.mine());
    let (_, page) = get(app, &ann_client, &day.mine()).await;
    assert!(page.contains("The meeting&#39;s outcome is recorded.") || page.contains("The meeting's outcome is recorded."), "{page}");
    assert!(outcome_part(&page, now_on).contains("No-show: Ben · recorded by you"), "{page}");
    let ben_client = logged_in(app, &ben).await;
    let (_, page) = get(app, &ben_client, &day.mine()).await;
    let part = outcome_part(&page, now_on);
    assert!(part.contains("No-show: you · recorded by Ann") && !part.contains("<button"), "Ben may not overrule Ann: {part}");
    day.record(&ben_client, &day.mine(), now_on, "held").await;
    let (_, page) = get(app, &ben_client, &day.mine()).await;
    assert!(page.contains("ask an organiser to correct it"), "{page}");

    // The organiser corrects it from the overview.
    let organiser = logged_in(app, ORGANISER).await;
    let (status, page) = get(app, &organiser, &day.overview()).await;
    assert_eq!(status, StatusCode::OK);
    let part = outcome_part(&page, now_on);
    assert!(part.contains(">No-show: Ann</button>") && part.contains(">No-show: Ben</button>") && part.contains(">Neither came</button>"), "{part}");
    assert!(outcome_part(&page, later).is_empty(), "not started: {page}");
    let corrected = day.record(&organiser, &day.overview(), now_on, "held").await;
    assert_eq!((corrected.status(), location(&corrected)), (StatusCode::SEE_OTHER, day.overview()));
    let (_, page) = get(app, &organiser, &day.overview()).await;
    assert!(outcome_part(&page, now_on).contains("Held · recorded by an organiser"), "{page}");

    // Someone else, a form without its token, and nonsense are refused without a 500.
    let stranger = logged_in(app, &dora).await;
    let (_, _) = get(app, &stranger, &day.mine()).await;
    let refused = day.record(&stranger, &day.mine(), now_on, "held").await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let forged = ann_client
        .post(app.url(&format!("/meetings/{now_on}/outcome")))
        .header(reqwest::header::ORIGIN, &app.base_url)
        .form(&[("outcome", "held")])
        .send()
        .await
        .expect("POST");
    assert!(forged.status().is_client_error(), "{}", forged.status());
    let nonsense = day.record(&organiser, &day.overview(), now_on, "maybe").await;
    assert_eq!(nonsense.status(), StatusCode::SEE_OTHER);
    let (_, page) = get(app, &organiser, &day.overview()).await;
    assert!(page.contains("choose whether the meeting was held"), "{page}");
}

#[tokio::test]
async fn the_event_day_reads_in_german() {
    let mut day = event_day().await;
    let (ann, ben) = (day.join("Anna").await, day.join("Bernd").await);
    let m = day.meeting(&ann, &ben, day.slots[0]).await;
    let app = &day.app;
    let (anna, bernd) = (logged_in(app, &ann).await, logged_in(app, &ben).await);
    for client in [&anna, &bernd] {
        client.get(app.url("/locale/de?return_to=/")).send().await.expect("switch to German");
    }
    let (_, page) = get(app, &bernd, &day.mine()).await;
    let part = outcome_part(&page, m);
    assert!(part.contains("Hat das Treffen stattgefunden?") && part.contains(">Stattgefunden</button>") && part.contains(">Nicht erschienen</button>"), "{page}");
    let recorded = day.record(&bernd, &day.mine(), m, "held").await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    let (_, page) = get(app, &bernd, &day.mine()).await;
    assert!(page.contains("Das Ergebnis des Treffens ist erfasst."), "{page}");
    assert!(outcome_part(&page, m).contains("Stattgefunden · von Ihnen erfasst"), "{page}");
    let (_, page) = get(app, &anna, &day.mine()).await;
    assert!(outcome_part(&page, m).contains("Stattgefunden · erfasst von Bernd"), "{page}");
    day.record(&anna, &day.mine(), m, "receiver_absent").await;
    let (_, page) = get(app, &anna, &day.mine()).await;
    assert!(page.contains("Die andere Seite hat dieses Treffen bereits erfasst"), "{page}");
}
