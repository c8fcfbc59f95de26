//! Setting an event up: who may create and organise it, drafts hidden until published, the
//! agenda's slots cut and guarded, details that must keep fitting the agenda.

use super::{details, registration, settings, Fixture};
use crate::{draft, invalid_field};
use chrono::Utc;
use tandem_app::events::{agenda, public, registration as reg, setup};
use tandem_app::AppError;
use tandem_core::account::OrgRole;
use tandem_core::directory::OrgKind;
use tandem_core::events::agenda::{SessionDraft, SpeakerDraft};
use tandem_core::events::event::EventDraft;
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{EventState, MeetingMode, MeetingState};
use tandem_core::policy::Denied;
use tandem_core::MeetingId;

fn matchmaking(start: &str, end: &str, minutes: &str) -> SessionDraft {
    SessionDraft {
        kind: "matchmaking".into(),
        title: "Morning matchmaking".into(),
        starts_at: start.into(),
        ends_at: end.into(),
        slot_minutes: minutes.into(),
        ..SessionDraft::default()
    }
}

#[tokio::test]
async fn only_staff_of_the_organisation_create_events() {
    let f = Fixture::draft().await;
    let (member, _) = f.env.user("member@innovation-birmingham.example", true).await;
    f.env.grant(&member, f.org.id, OrgRole::Member).await;
    let member_actor = f.env.actor(&member).await;
    let refused = setup::create(&f.env.app, &member_actor, f.org.id, &details()).await;
    assert!(matches!(refused, Err(AppError::Denied(Denied::Forbidden))), "{refused:?}");
    let bad = EventDraft { ends_at: "2030-10-20T08:00".into(), ..details() };
    assert_eq!(invalid_field(setup::create(&f.env.app, &f.organiser.1, f.org.id, &bad).await, "ends_at"), "ends_before_start");
    let second = setup::create(&f.env.app, &f.organiser.1, f.org.id, &details()).await.expect("second event");
    assert_eq!(second.slug, format!("{}-2", f.event.slug), "slugs stay unique");
    assert_eq!(f.event.state, EventState::Draft);
}

#[tokio::test]
async fn a_member_of_a_non_organiser_organisation_cannot_edit_until_it_supports() {
    let f = Fixture::draft().await;
    let city = f.env.city("Leipzig").await;
    let (leipzig, _, leipzig_admin) = f.env.org("events@leipzig.example", &draft("Stadt Leipzig", OrgKind::PublicBody, city)).await;
    let refused = setup::update_details(&f.env.app, &leipzig_admin, f.event.id, &details()).await;
    assert!(matches!(refused, Err(AppError::NotFound)), "a draft is unknown to outsiders: {refused:?}");

    setup::add_supporting(&f.env.app, &f.organiser.1, f.event.id, leipzig.id).await.expect("add supporting");
    let renamed = EventDraft { name: "Tandem 25".into(), ..details() };
    let event = setup::update_details(&f.env.app, &leipzig_admin, f.event.id, &renamed).await.expect("supporting staff edit");
    assert_eq!(event.name, "Tandem 25");
    assert_eq!(invalid_field(setup::add_supporting(&f.env.app, &f.organiser.1, f.event.id, leipzig.id).await, "org"), "already_organiser");
    assert_eq!(invalid_field(setup::remove_supporting(&f.env.app, &f.organiser.1, f.event.id, f.org.id).await, "org"), "not_supporting");

    setup::remove_supporting(&f.env.app, &f.organiser.1, f.event.id, leipzig.id).await.expect("remove");
    setup::publish(&f.env.app, &f.organiser.1, f.event.id).await.expect("publish");
    let refused = setup::update_details(&f.env.app, &leipzig_admin, f.event.id, &details()).await;
    assert!(matches!(refused, Err(AppError::Denied(Denied::Forbidden))), "{refused:?}");
}

#[tokio::test]
async fn drafts_are_hidden_until_published_and_cancelling_emails_participants() {
    let f = Fixture::draft().await;
    let (_, visitor) = f.env.user("visitor@example.org", true).await;
    assert!(matches!(public::page(&f.env.app, &visitor, f.event.id).await, Err(AppError::NotFound)));
    assert!(public::list(&f.env.app, true).await.expect("list").is_empty());
    assert_eq!(public::organised_by_me(&f.env.app, &f.organiser.1).await.expect("mine").len(), 1);

    setup::update_settings(&f.env.app, &f.organiser.1, f.event.id, &settings("", false)).await.expect("settings");
    setup::publish(&f.env.app, &f.organiser.1, f.event.id).await.expect("publish");
    assert_eq!(invalid_field(setup::publish(&f.env.app, &f.organiser.1, f.event.id).await, "state"), "not_draft");
    let page = public::page(&f.env.app, &visitor, f.event.id).await.expect("page");
    assert_eq!(page.organisers[0].name, "Innovation Birmingham");
    assert!(!page.is_organiser);
    assert_eq!(public::list(&f.env.app, true).await.expect("list").len(), 1);
    assert!(public::list(&f.env.app, false).await.expect("past").is_empty());

    reg::register(&f.env.app, &visitor, f.event.id, &registration("Vic Visitor")).await.expect("register");
    let cancelled = setup::cancel(&f.env.app, &f.organiser.1, f.event.id).await.expect("cancel");
    assert_eq!((cancelled.state, cancelled.registration_open), (EventState::Cancelled, false));
    let mail = f.env.outbox_to("visitor@example.org").await;
    assert!(mail[0].subject.starts_with("Cancelled:"), "{:?}", mail[0].subject);
}

#[tokio::test]
async fn a_matchmaking_session_is_cut_into_slots_that_bookings_protect() {
    let f = Fixture::open("", false).await;
    let actor = &f.organiser.1;
    let saved = agenda::add_session(&f.env.app, actor, f.event.id, &matchmaking("2030-10-20T10:00", "2030-10-20T11:50", "20")).await.expect("add");
    assert_eq!((saved.slots, saved.dropped_minutes), (5, 10));
    let id = saved.session.id;
    let retitled = SessionDraft { title: "B2B meetings".into(), ..matchmaking("2030-10-20T10:00", "2030-10-20T11:50", "20") };
    let before = agenda_slots(&f).await;
    agenda::update_session(&f.env.app, actor, id, &retitled).await.expect("retitle");
    assert_eq!(agenda_slots(&f).await, before, "same cut, same slots (and availability)");
    let recut = agenda::update_session(&f.env.app, actor, id, &matchmaking("2030-10-20T10:00", "2030-10-20T11:45", "15")).await.expect("recut");
    assert_eq!((recut.slots, recut.dropped_minutes), (7, 0));
    assert_ne!(agenda_slots(&f).await, before);

    let too_short = agenda::add_session(&f.env.app, actor, f.event.id, &matchmaking("2030-10-20T13:00", "2030-10-20T14:00", "10")).await;
    assert_eq!(invalid_field(too_short, "slot_minutes"), "not_in_range");
    let outside = agenda::add_session(&f.env.app, actor, f.event.id, &matchmaking("2030-10-20T17:00", "2030-10-20T18:00", "20")).await;
    assert_eq!(invalid_field(outside, "starts_at"), "outside_event");

    // Two participants and a meeting booked into the first slot.
    let (_, kim) = f.env.user("kim@example.org", true).await;
    let (_, jo) = f.env.user("jo@example.org", true).await;
    let a = reg::register(&f.env.app, &kim, f.event.id, &registration("Kim")).await.expect("kim");
    let b = reg::register(&f.env.app, &jo, f.event.id, &registration("Jo")).await.expect("jo");
    let slot = agenda_slots(&f).await[0];
    let now = Utc::now();
    let meeting = Meeting {
        id: MeetingId::new(),
        event_id: f.event.id,
        requester_id: a.id,
        receiver_id: b.id,
        profile_id: None,
        message: None,
        state: MeetingState::Accepted,
        mode: MeetingMode::Onsite,
        priority: 1,
        expires_at: None,
        responded_at: Some(now),
        reason: None,
        slot_id: None,
        table_number: None,
        locked: false,
        sequence: 0,
        outcome: None,
        outcome_by: None,
        created_at: now,
        updated_at: now,
    };
    let mut tx = f.env.app.db().begin().await.expect("begin");
    tandem_store::meetings::insert(tx.conn(), &meeting).await.expect("meeting");
    tandem_store::bookings::book(tx.conn(), meeting.id, slot, Some(3), now).await.expect("book");
    tx.commit().await.expect("commit");

    let refused = agenda::update_session(&f.env.app, actor, id, &matchmaking("2030-10-20T10:00", "2030-10-20T11:40", "20")).await;
    assert_eq!(invalid_field(refused, "slot_minutes"), "slots_booked");
    assert_eq!(invalid_field(agenda::delete_session(&f.env.app, actor, id).await, "session"), "slots_booked");
    let fewer_tables = EventDraft { tables: "2".into(), ..details() };
    assert_eq!(invalid_field(setup::update_details(&f.env.app, actor, f.event.id, &fewer_tables).await, "tables"), "tables_in_use");
    let later = EventDraft { starts_at: "2030-10-20T11:00".into(), ..details() };
    assert_eq!(invalid_field(setup::update_details(&f.env.app, actor, f.event.id, &later).await, "starts_at"), "sessions_outside");
}

async fn agenda_slots(f: &Fixture) -> Vec<tandem_core::SlotId> {
    let mut conn = f.env.app.db().acquire().await.expect("acquire");
    tandem_store::events::slots(conn.conn(), f.event.id).await.expect("slots").iter().map(|s| s.id).collect()
}

#[tokio::test]
async fn speakers_and_stream_links_show_to_participants_only() {
    let f = Fixture::open("", false).await;
    let actor = &f.organiser.1;
    let keynote = SessionDraft {
        kind: "keynote".into(),
        title: "Leipzig greets Birmingham".into(),
        starts_at: "2030-10-20T09:15".into(),
        ends_at: "2030-10-20T09:45".into(),
        stream_url: Some("https://stream.example.org/tandem".into()),
        ..SessionDraft::default()
    };
    let saved = agenda::add_session(&f.env.app, actor, f.event.id, &keynote).await.expect("keynote");
    let speaker = SpeakerDraft { name: "Dr. Anna Schmidt".into(), affiliation: Some("Stadt Leipzig".into()), remote: true };
    agenda::add_speaker(&f.env.app, actor, saved.session.id, &speaker).await.expect("speaker");
    assert_eq!(invalid_field(agenda::add_speaker(&f.env.app, actor, saved.session.id, &SpeakerDraft::default()).await, "name"), "required");

    let (_, visitor) = f.env.user("visitor@example.org", true).await;
    let page = public::page(&f.env.app, &visitor, f.event.id).await.expect("page");
    assert_eq!(page.agenda[0].speakers[0].name, "Dr. Anna Schmidt");
    assert!(page.agenda[0].speakers[0].remote);
    assert_eq!(page.agenda[0].session.stream_url, None, "not for visitors");
    reg::register(&f.env.app, &visitor, f.event.id, &registration("Vic")).await.expect("register");
    let page = public::page(&f.env.app, &visitor, f.event.id).await.expect("page");
    assert_eq!(page.agenda[0].session.stream_url.as_deref(), Some("https://stream.example.org/tandem"));
    let anonymous = public::page(&f.env.app, &tandem_core::policy::Actor::Anonymous, f.event.id).await.expect("anonymous");
    assert_eq!(anonymous.agenda[0].session.stream_url, None);
}
