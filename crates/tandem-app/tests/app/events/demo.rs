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
