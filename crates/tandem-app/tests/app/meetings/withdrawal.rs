//! Meetings when participants leave or change their registration, when the event is called off,
//! booths on tables with meetings, and the organiser's priority of a meeting.

use super::{refusal, Person, World};
use tandem_app::events::meetings::{lists, requests};
use tandem_app::events::{registration, roster, setup};
use tandem_app::AppError;
use tandem_core::events::registration::RegistrationDraft;
use tandem_core::events::{Attendance, MeetingState};
use tandem_core::MeetingId;
use tandem_store::{bookings, meetings};

async fn state_of(w: &World, id: MeetingId) -> (MeetingState, Option<tandem_core::SlotId>) {
    let mut conn = w.env.app.db().acquire().await.expect("conn");
    let m = meetings::get(conn.conn(), id).await.expect("get").expect("meeting");
    (m.state, m.slot_id)
}

async fn busy(w: &World, p: &Person) -> usize {
    let mut conn = w.env.app.db().acquire().await.expect("conn");
    bookings::busy_slots(conn.conn(), p.reg).await.expect("busy").len()
}

/// A meeting between `a` and `b` placed in slot `slot`, and an unanswered request from `a` to `c`.
async fn meeting_and_request(w: &World, a: &Person, b: &Person, c: &Person, slot: usize) -> (MeetingId, MeetingId) {
    let ab = w.request(a, b).await.expect("ab");
    requests::accept(&w.env.app, &b.actor, ab.id, Some(w.slots[slot])).await.expect("accept");
    let ac = w.request(a, c).await.expect("ac");
    (ab.id, ac.id)
}

#[tokio::test]
async fn a_participant_who_cancels_their_registration_frees_their_meetings_and_partners_are_told() {
    let w = World::new(|_| {}).await;
    let (a, b, c) = (w.join("Aisha Khan", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await, w.join("Cem", Attendance::Onsite).await);
    let (ab, ac) = meeting_and_request(&w, &a, &b, &c, 0).await;
    registration::cancel(&w.env.app, &a.actor, w.event).await.expect("cancel registration");
    assert_eq!(state_of(&w, ab).await, (MeetingState::Cancelled, None));
    assert_eq!(state_of(&w, ac).await.0, MeetingState::Cancelled);
    assert_eq!(busy(&w, &b).await, 0, "Ben's slot is free again");
    for partner in [&b, &c] {
        assert!(w.mail_to(partner).await[0].contains("Meeting with Aisha Khan cancelled"), "{:?}", w.mail_to(partner).await);
    }
}

#[tokio::test]
async fn declining_an_approved_participant_cancels_their_meetings() {
    let w = World::new(|_| {}).await;
    let (a, b, c) = (w.join("Aisha", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await, w.join("Cem", Attendance::Onsite).await);
    let (ab, ac) = meeting_and_request(&w, &a, &b, &c, 1).await;
    // A meeting between the others is untouched.
    let bc = w.request(&b, &c).await.expect("bc");
    registration::decline(&w.env.app, &w.organiser, a.reg).await.expect("decline");
    assert_eq!(state_of(&w, ab).await.0, MeetingState::Cancelled);
    assert_eq!(state_of(&w, ac).await.0, MeetingState::Cancelled);
    assert_eq!(state_of(&w, bc.id).await.0, MeetingState::Requested);
}

#[tokio::test]
async fn an_event_called_off_cancels_every_open_meeting_and_frees_the_tables() {
    let w = World::new(|_| {}).await;
    let (a, b, c) = (w.join("Aisha", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await, w.join("Cem", Attendance::Onsite).await);
    let (ab, ac) = meeting_and_request(&w, &a, &b, &c, 2).await;
    setup::cancel(&w.env.app, &w.organiser, w.event).await.expect("call off");
    assert_eq!(state_of(&w, ab).await, (MeetingState::Cancelled, None));
    assert_eq!(state_of(&w, ac).await.0, MeetingState::Cancelled);
    let mut conn = w.env.app.db().acquire().await.expect("conn");
    assert!(bookings::table_bookings(conn.conn(), w.event).await.expect("tables").is_empty());
}

fn draft(name: &str, attendance: &str, unavailable: Vec<tandem_core::SlotId>) -> RegistrationDraft {
    RegistrationDraft { display_name: name.into(), attendance: attendance.into(), unavailable, ..Default::default() }
}

#[tokio::test]
async fn a_registration_change_keeps_the_ground_under_its_meetings() {
    let w = World::new(|_| {}).await;
    let (a, b) = (w.join("Aisha", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await);
    let ab = w.request(&a, &b).await.expect("ab");
    requests::accept(&w.env.app, &b.actor, ab.id, Some(w.slots[0])).await.expect("accept");
    let refused = registration::register(&w.env.app, &a.actor, w.event, &draft("Aisha", "onsite", vec![w.slots[0]])).await;
    assert_eq!(refusal(refused), "slot_has_meeting");
    let refused = registration::register(&w.env.app, &a.actor, w.event, &draft("Aisha", "remote", vec![])).await;
    assert_eq!(refusal(refused), "has_meetings");
    // Other slots, the name: fine.
    let changed = registration::register(&w.env.app, &a.actor, w.event, &draft("Aisha K.", "onsite", vec![w.slots[1]])).await.expect("change");
    assert_eq!(changed.display_name, "Aisha K.");
}

#[tokio::test]
async fn a_booth_is_not_given_on_a_table_where_others_meet() {
    let w = World::new(|_| {}).await;
    let (a, b, c) = (w.join("Aisha", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await, w.join("Cem", Attendance::Onsite).await);
    let ab = w.request(&a, &b).await.expect("ab");
    let placed = requests::accept(&w.env.app, &b.actor, ab.id, Some(w.slots[0])).await.expect("accept");
    let table = placed.table_number.expect("a table").to_string();
    assert_eq!(refusal(roster::set_booth(&w.env.app, &w.organiser, c.reg, &table, "").await), "booth_has_meetings");
    // Aisha's own meeting is at that table: she may have it as her booth.
    roster::set_booth(&w.env.app, &w.organiser, a.reg, &table, "").await.expect("own table");
}

#[tokio::test]
async fn the_organiser_weighs_open_meetings_for_the_scheduler() {
    let w = World::new(|_| {}).await;
    let (a, b) = (w.join("Aisha", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await);
    let ab = w.request(&a, &b).await.expect("ab");
    assert_eq!(ab.priority, tandem_core::events::meeting::DEFAULT_PRIORITY);
    assert_eq!(lists::set_priority(&w.env.app, &w.organiser, ab.id, "5").await.expect("priority").priority, 5);
    for bad in ["0", "11", "high", ""] {
        assert_eq!(refusal(lists::set_priority(&w.env.app, &w.organiser, ab.id, bad).await), "not_in_range", "{bad}");
    }
    assert!(matches!(lists::set_priority(&w.env.app, &a.actor, ab.id, "3").await, Err(AppError::Denied(_))));
    requests::decline(&w.env.app, &b.actor, ab.id, None).await.expect("decline");
    assert_eq!(refusal(lists::set_priority(&w.env.app, &w.organiser, ab.id, "3").await), "not_open");
}
