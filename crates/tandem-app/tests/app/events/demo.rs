//! The demo's event: the 2017 anniversary at iCentrum, seeded once with its agenda and
//! participants from both cities.

use crate::Env;
use tandem_app::demo;
use tandem_app::events::{public, roster};
use tandem_core::events::{Attendance, OrganiserRole, SessionKind};
use tandem_core::policy::Actor;

#[tokio::test]
async fn the_demo_seeds_the_anniversary_event_once() {
    let env = Env::new().await;
    demo::seed(&env.app, 0).await.expect("seed");
    demo::seed(&env.app, 0).await.expect("seed again");
    let past = public::list(&env.app, false).await.expect("past events");
    assert_eq!(past.len(), 1, "seeded once");
    let event = &past[0].event;
    assert_eq!(event.venue_address.as_deref(), Some("Holt Street, Birmingham B7 4BP"));
    assert_eq!(event.timezone.name(), "Europe/London");
    assert_eq!(event.starts_at.to_rfc3339(), "2017-10-20T08:00:00+00:00", "09:00 British Summer Time");
    assert_eq!(event.tables, 20);
    let organisers = &past[0].organisers;
    assert_eq!((organisers[0].name.as_str(), organisers[0].organiser.role), ("Innovation Birmingham", OrganiserRole::Main));
    assert!(organisers.iter().any(|o| o.name == "Stadt Leipzig" && o.organiser.role == OrganiserRole::Supporting));

    let page = public::page(&env.app, &Actor::Anonymous, event.id).await.expect("page");
    let kinds: Vec<SessionKind> = page.agenda.iter().map(|a| a.session.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == SessionKind::Matchmaking).count(), 2);
    assert!(kinds.contains(&SessionKind::Demo) && kinds.contains(&SessionKind::Panel));
    assert_eq!(page.agenda.iter().map(|a| a.slots).sum::<usize>(), 10, "two sessions of five 20-minute slots");
    assert!(page.agenda.iter().flat_map(|a| &a.speakers).any(|s| s.remote), "a remote speaker from Leipzig");

    let organiser = tandem_app::auth::login(&env.app, "sam.orgadmin@demo.tandem.example", demo::DEMO_PASSWORD).await.expect("login");
    let (_, actor) = tandem_app::auth::actor_for(&env.app, organiser.id).await.expect("actor").expect("exists");
    let (_, everyone) = roster::list(&env.app, &actor, event.id, &Default::default()).await.expect("participants");
    assert!(everyone.len() >= 10, "{}", everyone.len());
    let cities: Vec<&str> = everyone.iter().filter_map(|l| l.city_name.as_deref()).collect();
    assert!(cities.contains(&"Birmingham") && cities.contains(&"Leipzig"));
    assert!(everyone.iter().any(|l| l.registration.attendance == Attendance::Remote));
    let chris = everyone.iter().find(|l| l.registration.display_name.starts_with("Chris")).expect("Chris registered");
    let detail = roster::detail(&env.app, &actor, chris.registration.id).await.expect("detail");
    assert!(!detail.own.profiles.is_empty(), "Chris brings the SME's profiles");
}

#[tokio::test]
async fn the_demo_has_a_past_event_with_meetings_held_and_an_upcoming_one_to_try() {
    let env = Env::new().await;
    demo::seed(&env.app, 0).await.expect("seed");
    let past = &public::list(&env.app, false).await.expect("past")[0].event;
    let upcoming = public::list(&env.app, true).await.expect("upcoming");
    assert_eq!(upcoming.len(), 1, "one upcoming event");
    let next = &upcoming[0].event;
    assert_eq!((next.timezone.name(), next.scheduling_mode), ("Europe/Berlin", tandem_core::events::SchedulingMode::Auto));
    assert!(next.registration_open && next.booking_open);

    let mut conn = env.app.db().acquire().await.expect("conn");
    let history = tandem_store::meetings::for_event(conn.conn(), past.id, None).await.expect("meetings");
    let placed: Vec<_> = history.iter().filter(|m| m.meeting.slot_id.is_some()).collect();
    assert!(placed.len() >= 15, "{} placed", placed.len());
    assert!(history.iter().any(|m| m.meeting.state == tandem_core::events::MeetingState::Declined));
    // Placed meetings break no rule: nobody twice in a slot, no table twice in a slot.
    let mut seen = std::collections::HashSet::new();
    for m in &placed {
        let slot = m.meeting.slot_id.expect("slot");
        assert!(seen.insert((slot, m.meeting.requester_id.0)) && seen.insert((slot, m.meeting.receiver_id.0)));
        if let Some(t) = m.meeting.table_number {
            assert!(seen.insert((slot, uuid::Uuid::from_u128(t as u128))));
        }
    }
    // The day is history too: meetings held and missed, ratings and survey answers; the demo
    // logins' meetings are left for them to mark, rate and answer.
    use tandem_core::events::MeetingOutcome;
    let outcomes: Vec<_> = placed.iter().filter_map(|m| m.meeting.outcome).collect();
    assert!(outcomes.iter().filter(|o| **o == MeetingOutcome::Held).count() >= 10, "{outcomes:?}");
    assert!(outcomes.iter().any(|o| *o != MeetingOutcome::Held), "some partner did not come: {outcomes:?}");
    assert!(placed.iter().any(|m| m.meeting.outcome.is_none()), "the demo logins' meetings are open");
    let mut rated = 0;
    let mut answered = 0;
    for m in placed.iter().filter(|m| m.meeting.outcome == Some(MeetingOutcome::Held)) {
        for f in tandem_store::feedback::for_meeting(conn.conn(), m.meeting.id).await.expect("feedback") {
            rated += usize::from(f.rating.is_some());
            answered += usize::from(f.outcome.is_some());
        }
    }
    assert!(rated >= 20 && answered >= 10, "{rated} ratings, {answered} survey answers");
    let checked_in = tandem_store::registrations::count_checked_in(conn.conn(), past.id).await.expect("checked in");
    assert!(checked_in >= 10, "{checked_in} checked in");

    let waiting = tandem_store::meetings::accepted_for_event(conn.conn(), next.id).await.expect("accepted");
    assert!(waiting.len() >= 10 && waiting.iter().all(|m| m.slot_id.is_none()), "accepted meetings wait for the scheduler");
    // The demo logins are not registered yet: they can try registering.
    let chris = tandem_app::auth::login(&env.app, "chris.sme@demo.tandem.example", demo::DEMO_PASSWORD).await.expect("login");
    assert!(tandem_store::registrations::find_for_user(conn.conn(), next.id, chris.id).await.expect("find").is_none());
}
