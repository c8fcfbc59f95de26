//! Registration: capacity and the waiting list moving up, the approval flow with its emails,
//! answers seen only by their author and the organisers, organisations and profiles checked,
//! booth tables.

use super::{registration, Fixture};
use crate::invalid_field;
use tandem_app::events::{questions, registration as reg, roster};
use tandem_app::AppError;
use tandem_core::events::registration::{QuestionDraft, RegistrationDraft};
use tandem_core::events::RegistrationState;
use tandem_core::policy::{Actor, Denied};

async fn participant(f: &Fixture, name: &str) -> Actor {
    f.env.user(&format!("{}@example.org", name.to_lowercase()), true).await.1
}

async fn subjects(f: &Fixture, name: &str) -> Vec<String> {
    f.env.outbox_to(&format!("{}@example.org", name.to_lowercase())).await.into_iter().map(|m| m.subject).collect()
}

#[tokio::test]
async fn a_full_event_waitlists_and_freed_places_move_the_waiting_list_up() {
    let f = Fixture::open("2", false).await;
    let app = &f.env.app;
    let mut actors = Vec::new();
    let mut states = Vec::new();
    for name in ["Ann", "Ben", "Cem", "Dan"] {
        let actor = participant(&f, name).await;
        states.push(reg::register(app, &actor, f.event.id, &registration(name)).await.expect("register").state);
        actors.push(actor);
    }
    use RegistrationState::{Approved, Cancelled, Declined, Waitlisted};
    assert_eq!(states, [Approved, Approved, Waitlisted, Waitlisted]);
    assert!(subjects(&f, "Cem").await[0].starts_with("On the waiting list"));

    let cancelled = reg::cancel(app, &actors[1], f.event.id).await.expect("Ben cancels");
    assert_eq!(cancelled.state, Cancelled);
    let form = reg::form(app, &actors[2], f.event.id).await.expect("form");
    assert_eq!(form.existing.map(|e| e.registration.state), Some(Approved), "the first waitlisted moves up");
    assert!(subjects(&f, "Cem").await[0].starts_with("A place for you"));

    let ann = reg::form(app, &actors[0], f.event.id).await.expect("form").existing.expect("registered").registration;
    let declined = reg::decline(app, &f.organiser.1, ann.id).await.expect("decline Ann");
    assert_eq!(declined.state, Declined);
    assert!(subjects(&f, "Ann").await[0].starts_with("Registration declined"));
    let dan = reg::form(app, &actors[3], f.event.id).await.expect("form").existing.expect("registered");
    assert_eq!(dan.registration.state, Approved);

    let again = reg::register(app, &actors[0], f.event.id, &registration("Ann")).await;
    assert_eq!(invalid_field(again, "registration"), "registration_declined");
    let back = reg::register(app, &actors[1], f.event.id, &registration("Ben")).await.expect("Ben comes back");
    assert_eq!(back.state, Waitlisted, "full again");
}

#[tokio::test]
async fn approval_comes_first_and_every_decision_is_emailed() {
    let f = Fixture::open("1", true).await;
    let app = &f.env.app;
    let (ann, ben) = (participant(&f, "Ann").await, participant(&f, "Ben").await);
    let a = reg::register(app, &ann, f.event.id, &registration("Ann")).await.expect("Ann");
    assert_eq!(a.state, RegistrationState::Pending);
    assert!(subjects(&f, "Ann").await[0].starts_with("Registration received"));
    let staff = f.env.outbox_to("events@innovation-birmingham.example").await;
    assert!(staff[0].subject.starts_with("Registration to approve"), "{:?}", staff[0].subject);
    assert!(staff[0].body_text.contains("Ann"));

    let outsider = participant(&f, "Eve").await;
    assert!(matches!(reg::approve(app, &outsider, a.id).await, Err(AppError::Denied(Denied::Forbidden))));
    assert_eq!(reg::approve(app, &f.organiser.1, a.id).await.expect("approve").state, RegistrationState::Approved);
    assert!(subjects(&f, "Ann").await[0].starts_with("You are registered"));
    assert_eq!(invalid_field(reg::approve(app, &f.organiser.1, a.id).await, "registration"), "not_pending");

    let b = reg::register(app, &ben, f.event.id, &registration("Ben")).await.expect("Ben");
    assert_eq!(reg::approve(app, &f.organiser.1, b.id).await.expect("approve").state, RegistrationState::Waitlisted, "full");
    assert!(subjects(&f, "Ben").await[0].starts_with("On the waiting list"));
    reg::decline(app, &f.organiser.1, a.id).await.expect("decline Ann");
    assert!(subjects(&f, "Ben").await[0].starts_with("A place for you"));
}

#[tokio::test]
async fn answers_are_checked_and_seen_only_by_their_author_and_the_organisers() {
    let f = Fixture::open("", false).await;
    let app = &f.env.app;
    let q = QuestionDraft { label: "What do you seek?".into(), kind: "text".into(), options: String::new(), required: true };
    let question = questions::add(app, &f.organiser.1, f.event.id, &q).await.expect("question");
    let choice = QuestionDraft { label: "Sector".into(), kind: "choice".into(), options: "Health\nMobility".into(), required: false };
    let second = questions::add(app, &f.organiser.1, f.event.id, &choice).await.expect("choice");
    questions::move_up(app, &f.organiser.1, second.id).await.expect("move up");
    let order: Vec<_> = questions::list(app, &f.organiser.1, f.event.id).await.expect("list").iter().map(|q| q.id).collect();
    assert_eq!(order, [second.id, question.id]);

    let (ann, ben) = (participant(&f, "Ann").await, participant(&f, "Ben").await);
    let missing = reg::register(app, &ann, f.event.id, &registration("Ann")).await;
    assert_eq!(invalid_field(missing, &question.field()), "required");
    let mut draft = registration("Ann");
    draft.answers.insert(question.id, "Distributors in Saxony".into());
    let a = reg::register(app, &ann, f.event.id, &draft).await.expect("register");
    let mut other = registration("Ben");
    other.answers.insert(question.id, "Investors".into());
    reg::register(app, &ben, f.event.id, &other).await.expect("Ben");

    let own = roster::detail(app, &ann, a.id).await.expect("own");
    assert_eq!(own.own.answers[0].answer, "Distributors in Saxony");
    assert!(matches!(roster::detail(app, &ben, a.id).await, Err(AppError::NotFound)), "another participant cannot see them");
    let organiser = roster::detail(app, &f.organiser.1, a.id).await.expect("organiser");
    assert!(organiser.by_organiser);

    let stranger_org = RegistrationDraft { org_id: Some(f.org.id), ..draft.clone() };
    assert_eq!(invalid_field(reg::register(app, &ann, f.event.id, &stranger_org).await, "org_id"), "not_member");
    let profile = RegistrationDraft { profiles: vec![tandem_core::ProfileId::new()], ..draft.clone() };
    assert_eq!(invalid_field(reg::register(app, &ann, f.event.id, &profile).await, "profiles"), "profiles_need_org");
    let renamed = RegistrationDraft { display_name: "Ann Weber".into(), ..draft };
    let changed = reg::register(app, &ann, f.event.id, &renamed).await.expect("change");
    assert_eq!((changed.id, changed.display_name.as_str(), changed.checkin_code == a.checkin_code), (a.id, "Ann Weber", true));
}

#[tokio::test]
async fn closed_registration_and_unconfirmed_addresses_are_refused() {
    let f = Fixture::draft().await;
    let app = &f.env.app;
    let (_, unverified) = f.env.user("new@example.org", false).await;
    let refused = reg::register(app, &unverified, f.event.id, &registration("New")).await;
    assert!(matches!(refused, Err(AppError::Denied(Denied::EmailNotVerified))), "{refused:?}");
    tandem_app::events::setup::publish(app, &f.organiser.1, f.event.id).await.expect("publish");
    let ann = participant(&f, "Ann").await;
    let closed = reg::register(app, &ann, f.event.id, &registration("Ann")).await;
    assert_eq!(invalid_field(closed, "registration"), "registration_closed");
    assert!(matches!(reg::register(app, &Actor::Anonymous, f.event.id, &registration("X")).await, Err(AppError::Denied(Denied::LoginRequired))));
}

#[tokio::test]
async fn booth_tables_are_within_the_venue_and_one_per_participant() {
    let f = Fixture::open("", false).await;
    let app = &f.env.app;
    let (ann, ben) = (participant(&f, "Ann").await, participant(&f, "Ben").await);
    let a = reg::register(app, &ann, f.event.id, &registration("Ann")).await.expect("Ann");
    let b = reg::register(app, &ben, f.event.id, &registration("Ben")).await.expect("Ben");
    roster::set_booth(app, &f.organiser.1, a.id, "7", "6").await.expect("booth");
    assert_eq!(invalid_field(roster::set_booth(app, &f.organiser.1, b.id, "7", "").await, "booth_table"), "booth_taken");
    assert_eq!(invalid_field(roster::set_booth(app, &f.organiser.1, b.id, "21", "").await, "booth_table"), "not_in_range");
    assert!(matches!(roster::set_booth(app, &ben, b.id, "3", "").await, Err(AppError::Denied(Denied::Forbidden))));
    let detail = roster::detail(app, &f.organiser.1, a.id).await.expect("detail");
    assert_eq!((detail.own.registration.booth_table, detail.own.registration.max_meetings), (Some(7), Some(6)));
}

#[tokio::test]
async fn a_larger_capacity_moves_the_waiting_list_up() {
    let f = Fixture::open("1", false).await;
    let app = &f.env.app;
    let (ann, ben) = (participant(&f, "Ann").await, participant(&f, "Ben").await);
    reg::register(app, &ann, f.event.id, &registration("Ann")).await.expect("Ann");
    let b = reg::register(app, &ben, f.event.id, &registration("Ben")).await.expect("Ben");
    assert_eq!(b.state, RegistrationState::Waitlisted);
    tandem_app::events::setup::update_settings(app, &f.organiser.1, f.event.id, &super::settings("2", false)).await.expect("raise");
    let form = reg::form(app, &ben, f.event.id).await.expect("form");
    assert_eq!(form.existing.map(|e| e.registration.state), Some(RegistrationState::Approved));
    assert!(subjects(&f, "Ben").await[0].starts_with("A place for you"));
}
