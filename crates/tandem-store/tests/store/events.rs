//! Events and registrations: round trips of the event, its organisers and agenda, slot
//! replacement, registrations with their answers, profiles and unavailability, conditional
//! state changes, check-in, and the participant list's filters.

use crate::{birmingham, fresh, insert_org, leipzig, org_input};
use chrono::{DateTime, Duration, SubsecRound, TimeZone, Utc};
use tandem_core::account::{Email, Locale};
use tandem_core::directory::OrgKind;
use tandem_core::events::event::{Event, EventDraft, Session, Slot, Speaker};
use tandem_core::events::registration::{Answer, QuestionInput, Registration};
use tandem_core::events::{Attendance, EventState, OrganiserRole, QuestionKind, RegistrationState, SessionKind};
use tandem_core::{EventId, OrgId, RegistrationId, SessionId, SlotId, SpeakerId, UserId};
use tandem_store::registrations::{self, RegistrationFilter};
use tandem_store::{events, users, Db};

fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

async fn user(db: &Db, address: &str) -> UserId {
    let mut conn = db.acquire().await.expect("acquire");
    let id = UserId::new();
    let email = Email::parse(address).expect("email");
    let new = users::NewUser {
        id,
        email: &email,
        display_name: address.split('@').next().unwrap_or(address),
        password_hash: "x",
        email_verified: true,
        locale: Locale::En,
        is_platform_admin: false,
    };
    users::insert(conn.conn(), &new, Utc::now()).await.expect("insert user");
    id
}

fn event(created_by: UserId) -> Event {
    let details = EventDraft {
        name: "Birmingham–Leipzig: 25 years".into(),
        description: Some("Twinned since 1992".into()),
        timezone: "Europe/London".into(),
        starts_at: "2017-10-20T09:00".into(),
        ends_at: "2017-10-20T17:30".into(),
        venue_name: "iCentrum".into(),
        venue_address: Some("Holt Street, Birmingham B7 4BP".into()),
        tables: "20".into(),
    }
    .validate()
    .expect("valid details");
    Event::new(details, "birmingham-leipzig-2017".into(), Some(created_by), now())
}

fn registration(event: EventId, user: UserId, org: Option<OrgId>, name: &str, at: DateTime<Utc>) -> Registration {
    Registration {
        id: RegistrationId::new(),
        event_id: event,
        user_id: user,
        org_id: org,
        display_name: name.into(),
        attendance: Attendance::Onsite,
        state: RegistrationState::Approved,
        booth_table: None,
        max_meetings: None,
        checkin_code: format!("code-{name}"),
        calendar_token: format!("cal-{name}"),
        checked_in_at: None,
        checked_in_by: None,
        created_at: at,
        updated_at: at,
    }
}

fn session(event: EventId, kind: SessionKind, start_hour: u32, end_hour: u32) -> Session {
    let at = |h| Utc.with_ymd_and_hms(2017, 10, 20, h, 0, 0).single().expect("time");
    Session {
        id: SessionId::new(),
        event_id: event,
        kind,
        title: format!("{} at {start_hour}", kind.key()),
        description: None,
        starts_at: at(start_hour),
        ends_at: at(end_hour),
        room: Some("Auditorium".into()),
        stream_url: None,
        slot_minutes: (kind == SessionKind::Matchmaking).then_some(20),
        max_meetings: None,
        created_at: now(),
    }
}

#[tokio::test]
async fn an_event_with_organisers_and_agenda_round_trips() {
    let (_t, db) = fresh().await;
    let creator = user(&db, "organiser@innovation-birmingham.example").await;
    let main = insert_org(&db, &org_input("Innovation Birmingham", OrgKind::Incubator, birmingham(), &[]), "").await;
    let helper = insert_org(&db, &org_input("Leipziger Gründernacht", OrgKind::PublicBody, leipzig(), &[]), "").await;
    let mut conn = db.acquire().await.expect("acquire");

    let e = event(creator);
    events::insert(conn.conn(), &e).await.expect("insert");
    assert_eq!(events::get(conn.conn(), e.id).await.expect("get"), Some(e.clone()));
    assert!(events::slug_taken(conn.conn(), &e.slug).await.expect("slug"));
    assert!(events::get(conn.conn(), EventId::new()).await.expect("missing").is_none());

    let mut changed = e.clone();
    changed.capacity = Some(120);
    changed.registration_open = true;
    changed.timezone = "Europe/Berlin".parse().expect("zone");
    assert_eq!(events::update(conn.conn(), &changed).await.expect("update"), 1);
    assert_eq!(events::get(conn.conn(), e.id).await.expect("get"), Some(changed.clone()));
    assert_eq!(events::set_state(conn.conn(), e.id, EventState::Draft, EventState::Published, now()).await.expect("publish"), 1);
    assert_eq!(events::set_state(conn.conn(), e.id, EventState::Draft, EventState::Published, now()).await.expect("again"), 0);

    events::add_organiser(conn.conn(), e.id, main.id, OrganiserRole::Main).await.expect("main");
    events::add_organiser(conn.conn(), e.id, helper.id, OrganiserRole::Supporting).await.expect("supporting");
    assert!(events::add_organiser(conn.conn(), e.id, helper.id, OrganiserRole::Supporting).await.is_err(), "once per event");
    let listed = events::organisers(conn.conn(), e.id).await.expect("organisers");
    assert_eq!(listed.iter().map(|o| (o.name.as_str(), o.organiser.role)).collect::<Vec<_>>(), [
        ("Innovation Birmingham", OrganiserRole::Main),
        ("Leipziger Gründernacht", OrganiserRole::Supporting)
    ]);
    let mut orgs = vec![main.id, helper.id];
    orgs.sort();
    assert_eq!(events::organiser_orgs(conn.conn(), e.id).await.expect("orgs"), orgs);
    assert_eq!(events::remove_supporting(conn.conn(), e.id, main.id).await.expect("main stays"), 0);
    assert_eq!(events::remove_supporting(conn.conn(), e.id, helper.id).await.expect("remove"), 1);
    assert_eq!(events::organised_by(conn.conn(), main.id).await.expect("by main").len(), 1);
    assert!(events::organised_by(conn.conn(), helper.id).await.expect("by helper").is_empty());

    let afternoon = session(e.id, SessionKind::Matchmaking, 13, 15);
    let keynote = session(e.id, SessionKind::Keynote, 9, 10);
    events::insert_session(conn.conn(), &afternoon).await.expect("session");
    events::insert_session(conn.conn(), &keynote).await.expect("session");
    let agenda = events::sessions(conn.conn(), e.id).await.expect("agenda");
    assert_eq!(agenda, [keynote.clone(), afternoon.clone()], "time order");
    let retitled = Session { title: "Opening keynote".into(), stream_url: Some("https://stream.example.org".into()), ..keynote.clone() };
    assert_eq!(events::update_session(conn.conn(), &retitled).await.expect("update"), 1);
    assert_eq!(events::session(conn.conn(), keynote.id).await.expect("get"), Some(retitled));

    let speaker = |name: &str, remote| Speaker {
        id: SpeakerId::new(),
        session_id: keynote.id,
        name: name.into(),
        affiliation: Some("Stadt Leipzig".into()),
        remote,
        position: 0,
    };
    let first = events::insert_speaker(conn.conn(), &speaker("Burkhard Jung", true)).await.expect("speaker");
    let second = events::insert_speaker(conn.conn(), &speaker("Ian Ward", false)).await.expect("speaker");
    assert_eq!((first.position, second.position), (1, 2));
    assert_eq!(events::speakers(conn.conn(), e.id).await.expect("speakers"), [first.clone(), second.clone()]);
    assert_eq!(events::delete_speaker(conn.conn(), first.id).await.expect("delete"), 1);
    assert_eq!(events::speaker(conn.conn(), second.id).await.expect("speaker"), Some(second));

    assert_eq!(events::delete_session(conn.conn(), keynote.id).await.expect("delete"), 1);
    assert!(events::speakers(conn.conn(), e.id).await.expect("speakers").is_empty(), "speakers go with their session");
}

#[tokio::test]
async fn slots_are_replaced_per_session_and_bookings_are_counted() {
    let (_t, db) = fresh().await;
    let creator = user(&db, "organiser@example.org").await;
    let mut conn = db.acquire().await.expect("acquire");
    let e = event(creator);
    events::insert(conn.conn(), &e).await.expect("insert");
    let morning = session(e.id, SessionKind::Matchmaking, 10, 12);
    let afternoon = session(e.id, SessionKind::Matchmaking, 13, 14);
    events::insert_session(conn.conn(), &morning).await.expect("session");
    events::insert_session(conn.conn(), &afternoon).await.expect("session");
    let slots_of = |s: &Session, n: i64| -> Vec<Slot> {
        (0..n)
            .map(|i| Slot {
                id: SlotId::new(),
                event_id: e.id,
                session_id: s.id,
                starts_at: s.starts_at + Duration::minutes(20 * i),
                ends_at: s.starts_at + Duration::minutes(20 * (i + 1)),
            })
            .collect()
    };
    let (am, pm) = (slots_of(&morning, 6), slots_of(&afternoon, 3));
    events::replace_slots(conn.conn(), afternoon.id, &pm).await.expect("pm");
    events::replace_slots(conn.conn(), morning.id, &am).await.expect("am");
    let all = events::slots(conn.conn(), e.id).await.expect("slots");
    assert_eq!(all.len(), 9);
    assert_eq!(all.first(), am.first(), "time order across sessions");
    assert_eq!(events::session_slots(conn.conn(), afternoon.id).await.expect("pm"), pm);
    assert_eq!(events::slot(conn.conn(), pm[1].id).await.expect("slot"), Some(pm[1]));

    let who = user(&db, "kim@example.org").await;
    let r = registration(e.id, who, None, "Kim", now());
    registrations::insert(conn.conn(), &r).await.expect("register");
    registrations::replace_unavailable(conn.conn(), r.id, &[am[2].id, am[0].id]).await.expect("unavailable");
    assert_eq!(registrations::unavailable_slots(conn.conn(), r.id).await.expect("read"), [am[0].id, am[2].id]);
    assert_eq!(events::booked_in_session(conn.conn(), morning.id).await.expect("booked"), 0);

    let fewer = slots_of(&morning, 4);
    events::replace_slots(conn.conn(), morning.id, &fewer).await.expect("regenerate");
    assert_eq!(events::session_slots(conn.conn(), morning.id).await.expect("am"), fewer);
    assert!(registrations::unavailable_slots(conn.conn(), r.id).await.expect("read").is_empty(), "unavailability goes with old slots");
}

#[tokio::test]
async fn registrations_round_trip_with_answers_profiles_and_state_changes() {
    let (_t, db) = fresh().await;
    let creator = user(&db, "organiser@example.org").await;
    let (kim, jo) = (user(&db, "kim@example.org").await, user(&db, "jo@example.org").await);
    let org = insert_org(&db, &org_input("Holosphere", OrgKind::Sme, birmingham(), &[]), "").await;
    let mut conn = db.acquire().await.expect("acquire");
    let e = event(creator);
    events::insert(conn.conn(), &e).await.expect("insert");

    let text = QuestionInput { label: "What do you seek?".into(), kind: QuestionKind::Text, options: vec![], required: true };
    let choice = QuestionInput {
        label: "Sector".into(),
        kind: QuestionKind::Choice,
        options: vec!["Health".into(), "Mobility".into()],
        required: false,
    };
    let q2 = registrations::insert_question(conn.conn(), e.id, &choice).await.expect("q2");
    let q1 = registrations::insert_question(conn.conn(), e.id, &text).await.expect("q1");
    assert_eq!((q2.position, q1.position), (1, 2));
    registrations::set_question_position(conn.conn(), q1.id, 0).await.expect("move up");
    let questions = registrations::questions(conn.conn(), e.id).await.expect("questions");
    assert_eq!(questions.iter().map(|q| q.id).collect::<Vec<_>>(), [q1.id, q2.id]);
    assert_eq!(questions[1].options, ["Health", "Mobility"]);
    let renamed = QuestionInput { label: "Your sector".into(), ..choice };
    registrations::update_question(conn.conn(), q2.id, &renamed).await.expect("update");
    assert_eq!(registrations::question(conn.conn(), q2.id).await.expect("get").map(|q| q.label), Some("Your sector".into()));

    let r = registration(e.id, kim, Some(org.id), "Kim Weber", now() - Duration::minutes(3));
    registrations::insert(conn.conn(), &r).await.expect("register");
    assert!(registrations::insert(conn.conn(), &registration(e.id, kim, None, "Kim again", now())).await.is_err(), "once per user");
    assert_eq!(registrations::get(conn.conn(), r.id).await.expect("get"), Some(r.clone()));
    assert_eq!(registrations::find_for_user(conn.conn(), e.id, kim).await.expect("find"), Some(r.clone()));
    assert!(registrations::find_for_user(conn.conn(), e.id, jo).await.expect("none").is_none());
    assert_eq!(registrations::by_checkin_code(conn.conn(), e.id, &r.checkin_code).await.expect("code"), Some(r.clone()));
    assert!(registrations::by_checkin_code(conn.conn(), EventId::new(), &r.checkin_code).await.expect("other event").is_none());
    assert_eq!(registrations::by_calendar_token(conn.conn(), &r.calendar_token).await.expect("token"), Some(r.clone()));
    assert_eq!(registrations::of_user(conn.conn(), kim).await.expect("mine"), std::slice::from_ref(&r));

    let answers = vec![
        Answer { question_id: q2.id, answer: "Health".into() },
        Answer { question_id: q1.id, answer: "Distributors".into() },
    ];
    registrations::replace_answers(conn.conn(), r.id, &answers).await.expect("answers");
    let read = registrations::answers(conn.conn(), r.id).await.expect("read");
    assert_eq!(read.iter().map(|a| a.question_id).collect::<Vec<_>>(), [q1.id, q2.id], "question order");
    registrations::delete_question(conn.conn(), q2.id).await.expect("delete question");
    assert_eq!(registrations::answers(conn.conn(), r.id).await.expect("read").len(), 1, "answers go with their question");

    assert!(registrations::profiles(conn.conn(), r.id).await.expect("none").is_empty());

    let waiting = Registration { state: RegistrationState::Waitlisted, ..registration(e.id, jo, None, "Jo", now()) };
    registrations::insert(conn.conn(), &waiting).await.expect("waitlisted");
    assert_eq!(registrations::count_in_state(conn.conn(), e.id, RegistrationState::Approved).await.expect("count"), 1);
    assert_eq!(registrations::first_waitlisted(conn.conn(), e.id).await.expect("first").map(|w| w.id), Some(waiting.id));
    let at = now();
    let moved = registrations::set_state(conn.conn(), waiting.id, RegistrationState::Waitlisted, RegistrationState::Approved, at);
    assert_eq!(moved.await.expect("move up"), 1);
    let late = registrations::set_state(conn.conn(), waiting.id, RegistrationState::Waitlisted, RegistrationState::Declined, at);
    assert_eq!(late.await.expect("late"), 0, "the state was read before someone else changed it");
    assert_eq!(
        registrations::state_counts(conn.conn(), e.id).await.expect("counts"),
        [(RegistrationState::Approved, 2)]
    );

    assert_eq!(registrations::set_booth(conn.conn(), r.id, Some(7), Some(6), at).await.expect("booth"), 1);
    assert_eq!(registrations::booth_holder(conn.conn(), e.id, 7).await.expect("holder"), Some(r.id));
    assert_eq!(registrations::booth_holder(conn.conn(), e.id, 8).await.expect("free"), None);

    assert_eq!(registrations::check_in(conn.conn(), r.id, Some(creator), at).await.expect("check in"), 1);
    assert_eq!(registrations::check_in(conn.conn(), r.id, Some(creator), at).await.expect("twice"), 0);
    assert_eq!(registrations::count_checked_in(conn.conn(), e.id).await.expect("count"), 1);
    let checked = registrations::get(conn.conn(), r.id).await.expect("get").expect("exists");
    assert_eq!((checked.checked_in_at, checked.checked_in_by, checked.booth_table), (Some(at), Some(creator), Some(7)));
    assert_eq!(registrations::undo_check_in(conn.conn(), r.id, at).await.expect("undo"), 1);
    assert_eq!(registrations::count_checked_in(conn.conn(), e.id).await.expect("count"), 0);
}

#[tokio::test]
async fn the_participant_list_filters_by_state_attendance_city_organisation_and_name() {
    let (_t, db) = fresh().await;
    let creator = user(&db, "organiser@example.org").await;
    let brum = insert_org(&db, &org_input("Daden Ltd", OrgKind::Sme, birmingham(), &[]), "").await;
    let lei = insert_org(&db, &org_input("Spreadshirt", OrgKind::Sme, leipzig(), &[]), "").await;
    let mut conn = db.acquire().await.expect("acquire");
    let e = event(creator);
    events::insert(conn.conn(), &e).await.expect("insert");
    let people = [
        ("Jürgen Müller", Some(lei.id), Attendance::Onsite, RegistrationState::Approved),
        ("Amira Khan", Some(brum.id), Attendance::Remote, RegistrationState::Approved),
        ("Sam Taylor", None, Attendance::Onsite, RegistrationState::Pending),
    ];
    for (i, (name, org, attendance, state)) in people.into_iter().enumerate() {
        let u = user(&db, &format!("p{i}@example.org")).await;
        let r = Registration { attendance, state, ..registration(e.id, u, org, name, now()) };
        registrations::insert(conn.conn(), &r).await.expect("register");
    }
    let names = |list: Vec<registrations::Listed>| list.into_iter().map(|l| l.registration.display_name).collect::<Vec<_>>();
    let all = registrations::list(conn.conn(), e.id, &RegistrationFilter::default()).await.expect("all");
    assert_eq!(all[1].org_name.as_deref(), Some("Spreadshirt"));
    assert_eq!(all[1].city_name.as_deref(), Some("Leipzig"));
    assert_eq!(names(all), ["Amira Khan", "Jürgen Müller", "Sam Taylor"]);
    let filter = |f: RegistrationFilter| f;
    let approved = filter(RegistrationFilter { states: vec![RegistrationState::Approved], ..Default::default() });
    assert_eq!(names(registrations::list(conn.conn(), e.id, &approved).await.expect("approved")), ["Amira Khan", "Jürgen Müller"]);
    let remote = filter(RegistrationFilter { attendance: Some(Attendance::Remote), ..Default::default() });
    assert_eq!(names(registrations::list(conn.conn(), e.id, &remote).await.expect("remote")), ["Amira Khan"]);
    let leipzig_only = filter(RegistrationFilter { city: Some(leipzig()), ..Default::default() });
    assert_eq!(names(registrations::list(conn.conn(), e.id, &leipzig_only).await.expect("city")), ["Jürgen Müller"]);
    let by_org = filter(RegistrationFilter { org: Some(brum.id), ..Default::default() });
    assert_eq!(names(registrations::list(conn.conn(), e.id, &by_org).await.expect("org")), ["Amira Khan"]);
    let by_name = filter(RegistrationFilter { name: Some("muller".into()), ..Default::default() });
    assert_eq!(names(registrations::list(conn.conn(), e.id, &by_name).await.expect("name")), ["Jürgen Müller"]);
    let by_org_name = filter(RegistrationFilter { name: Some("SPREAD".into()), ..Default::default() });
    assert_eq!(names(registrations::list(conn.conn(), e.id, &by_org_name).await.expect("org name")), ["Jürgen Müller"]);
}
