//! Picking slots: where both are available and free, booths, the last table, 'either', the
//! session's cap, and the participants' availability.

use super::{refusal, World};
use tandem_app::events::meetings::slots::{availability, book_slot, free_slots, set_availability};
use tandem_app::events::meetings::{lists, requests};
use tandem_core::events::Attendance;
use tandem_store::events;

#[tokio::test]
async fn free_slots_leave_out_unavailable_and_busy_ones() {
    let w = World::new(|_| {}).await;
    let (a, b, c) = (w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await, w.join("C", Attendance::Onsite).await);
    set_availability(&w.env.app, &a.actor, w.event, &[w.slots[0]]).await.expect("a is away in the first slot");
    let bc = w.request(&b, &c).await.expect("bc");
    requests::accept(&w.env.app, &c.actor, bc.id, Some(w.slots[1])).await.expect("b busy in the second");
    let ab = w.request(&a, &b).await.expect("ab");
    let free = free_slots(&w.env.app, &b.actor, ab.id).await.expect("free");
    assert_eq!(free.iter().map(|f| f.slot.id).collect::<Vec<_>>(), vec![w.slots[2]]);
    assert_eq!(free[0].table, Some(1));
    assert_eq!(free[0].session_title, "B2B meetings");
    assert_eq!(refusal(requests::accept(&w.env.app, &b.actor, ab.id, Some(w.slots[0])).await), "slot_unavailable");
    assert_eq!(refusal(requests::accept(&w.env.app, &b.actor, ab.id, Some(w.slots[1])).await), "slot_unavailable");
    assert_eq!(refusal(requests::accept(&w.env.app, &b.actor, ab.id, Some(tandem_core::SlotId::new())).await), "unknown_slot");
    // A refused accept changed nothing: the request still waits.
    requests::accept(&w.env.app, &b.actor, ab.id, Some(w.slots[2])).await.expect("the free one");
    // Outsiders see no slots of someone else's meeting.
    assert!(free_slots(&w.env.app, &w.join("D", Attendance::Onsite).await.actor, ab.id).await.is_err());
}

#[tokio::test]
async fn booth_owners_receive_at_their_booth_and_others_take_the_shared_tables() {
    let w = World::new(|e| e.tables = 3).await;
    let booth = w.join_with("Booth", Attendance::Onsite, Some(3), None, None).await;
    let (a, b, c, d) =
        (w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await, w.join("C", Attendance::Onsite).await, w.join("D", Attendance::Onsite).await);
    let at_booth = w.request(&a, &booth).await.expect("to the booth");
    assert_eq!(requests::accept(&w.env.app, &booth.actor, at_booth.id, Some(w.slots[0])).await.expect("accept").table_number, Some(3));
    let cd = w.request(&c, &d).await.expect("cd");
    assert_eq!(requests::accept(&w.env.app, &d.actor, cd.id, Some(w.slots[0])).await.expect("accept").table_number, Some(1));
    let b_booth = w.request(&booth, &b).await.expect("booth visits b");
    assert_eq!(requests::accept(&w.env.app, &b.actor, b_booth.id, Some(w.slots[1])).await.expect("accept").table_number, Some(3));
    // Two shared tables (1, 2) in slot 0: one is left, then none.
    let (e, f, g, h) =
        (w.join("E", Attendance::Onsite).await, w.join("F", Attendance::Onsite).await, w.join("G", Attendance::Onsite).await, w.join("H", Attendance::Onsite).await);
    let ef = w.request(&e, &f).await.expect("ef");
    assert_eq!(requests::accept(&w.env.app, &f.actor, ef.id, Some(w.slots[0])).await.expect("accept").table_number, Some(2));
    let gh = w.request(&g, &h).await.expect("gh");
    assert_eq!(refusal(requests::accept(&w.env.app, &h.actor, gh.id, Some(w.slots[0])).await), "no_table");
    let free = free_slots(&w.env.app, &h.actor, gh.id).await.expect("free");
    assert_eq!(free.iter().map(|s| s.slot.id).collect::<Vec<_>>(), vec![w.slots[1], w.slots[2]]);
    // Remote participants need no table.
    let online = w.join("Online", Attendance::Remote).await;
    let remote = w.request(&online, &g).await.expect("remote");
    let placed = requests::accept(&w.env.app, &g.actor, remote.id, Some(w.slots[0])).await.expect("by video");
    assert_eq!(placed.table_number, None);
}

#[tokio::test]
async fn the_sessions_cap_limits_meetings_in_that_session() {
    let w = World::new(|_| {}).await;
    let mut tx = w.env.app.db().begin().await.expect("begin");
    let mut session = events::session(tx.conn(), w.session).await.expect("get").expect("session");
    session.max_meetings = Some(1);
    events::update_session(tx.conn(), &session).await.expect("update");
    tx.commit().await.expect("commit");
    let (a, b, c) = (w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await, w.join("C", Attendance::Onsite).await);
    let ab = w.request(&a, &b).await.expect("ab");
    requests::accept(&w.env.app, &b.actor, ab.id, Some(w.slots[0])).await.expect("first");
    let ca = w.request(&c, &a).await.expect("ca");
    assert_eq!(refusal(requests::accept(&w.env.app, &a.actor, ca.id, Some(w.slots[1])).await), "session_full");
    assert!(free_slots(&w.env.app, &a.actor, ca.id).await.expect("free").is_empty());
}

#[tokio::test]
async fn availability_cannot_hide_a_slot_with_a_meeting() {
    let w = World::new(|_| {}).await;
    let (a, b) = (w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await);
    let ab = w.request(&a, &b).await.expect("ab");
    requests::accept(&w.env.app, &b.actor, ab.id, Some(w.slots[1])).await.expect("accept");
    assert_eq!(refusal(set_availability(&w.env.app, &a.actor, w.event, &[w.slots[1]]).await), "slot_has_meeting");
    assert_eq!(refusal(set_availability(&w.env.app, &a.actor, w.event, &[tandem_core::SlotId::new()]).await), "unknown_slot");
    set_availability(&w.env.app, &a.actor, w.event, &[w.slots[2], w.slots[0], w.slots[2]]).await.expect("set");
    let slots = availability(&w.env.app, &a.actor, w.event).await.expect("availability");
    let shown: Vec<(bool, bool)> = slots.iter().map(|s| (s.available, s.has_meeting)).collect();
    assert_eq!(shown, vec![(false, false), (true, true), (false, false)]);
    // Cancelling frees the slot for marking.
    requests::cancel(&w.env.app, &b.actor, ab.id, None).await.expect("cancel");
    set_availability(&w.env.app, &a.actor, w.event, &[w.slots[1]]).await.expect("now it may");
    let outsider = w.env.user("outsider@participants.test", true).await.1;
    assert_eq!(refusal(availability(&w.env.app, &outsider, w.event).await), "not_participant");
}

#[tokio::test]
async fn a_placed_meeting_is_not_placed_again() {
    let w = World::new(|e| e.request_mode = tandem_core::events::RequestMode::Automatic).await;
    let (a, b) = (w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await);
    let m = w.request(&a, &b).await.expect("ab");
    book_slot(&w.env.app, &a.actor, m.id, w.slots[0]).await.expect("book");
    assert_eq!(refusal(book_slot(&w.env.app, &b.actor, m.id, w.slots[1]).await), "already_placed");
    let mine = lists::mine(&w.env.app, &b.actor, w.event).await.expect("mine");
    assert_eq!(mine.accepted[0].meeting.slot_id, Some(w.slots[0]));
}
