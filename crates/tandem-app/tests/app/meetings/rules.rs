//! The rules of requests: booking open, not to oneself, one open request per pair, the cap on
//! pending requests, expiry, the automatic mode, the caps on meetings, the profile concerned,
//! and who may answer and cancel.

use super::{refusal, World};
use chrono::{Duration, Utc};
use tandem_app::events::meetings::requests::{self, RequestInput};
use tandem_app::events::meetings::{expiry_job, lists};
use tandem_app::AppError;
use tandem_core::events::{Attendance, MeetingMode, MeetingState, RequestMode, SchedulingMode};
use tandem_core::policy::Denied;

#[track_caller]
fn assert_forbidden<T: std::fmt::Debug>(result: Result<T, AppError>) {
    match result {
        Err(AppError::Denied(Denied::Forbidden)) => {}
        other => panic!("expected Forbidden, got {other:?}"),
    }
}

#[tokio::test]
async fn a_request_is_accepted_into_a_slot_and_both_see_it() {
    let w = World::new(|_| {}).await;
    let chris = w.join("Chris Daden", Attendance::Onsite).await;
    let petra = w.join("Petra Schenker", Attendance::Onsite).await;
    let m = w.request(&chris, &petra).await.expect("request");
    assert_eq!((m.state, m.mode), (MeetingState::Requested, MeetingMode::Onsite));
    assert!(m.expires_at.is_some_and(|at| at > Utc::now() + Duration::hours(23)));
    assert!(w.mail_to(&petra).await[0].contains("Chris Daden asks to meet you"));

    let petras = lists::mine(&w.env.app, &petra.actor, w.event).await.expect("mine");
    assert_eq!(petras.incoming.len(), 1);
    assert_eq!(petras.incoming[0].partner_name, "Chris Daden");
    let chriss = lists::mine(&w.env.app, &chris.actor, w.event).await.expect("mine");
    assert_eq!(chriss.outgoing.len(), 1);

    let accepted = requests::accept(&w.env.app, &petra.actor, m.id, Some(w.slots[1])).await.expect("accept");
    assert_eq!((accepted.state, accepted.slot_id, accepted.table_number), (MeetingState::Accepted, Some(w.slots[1]), Some(1)));
    let mail = w.env.outbox_to(&chris.email).await;
    assert!(mail[0].subject.contains("Meeting with Petra Schenker confirmed"), "{:?}", mail[0].subject);
    assert!(mail[0].body_text.contains("table 1") && mail[0].body_text.contains("GMT"), "{}", mail[0].body_text);
    for p in [&chris, &petra] {
        let mine = lists::mine(&w.env.app, &p.actor, w.event).await.expect("mine");
        assert_eq!(mine.accepted.len(), 1);
        assert_eq!(mine.accepted[0].meeting.table_number, Some(1));
        assert!(mine.accepted[0].slot_starts_at.is_some());
        assert!(mine.incoming.is_empty() && mine.outgoing.is_empty());
    }
    // Accepted once; the second answer is refused.
    assert_eq!(refusal(requests::accept(&w.env.app, &petra.actor, m.id, Some(w.slots[2])).await), "not_requested");
}

#[tokio::test]
async fn requests_need_open_booking_another_participant_and_one_open_request_per_pair() {
    let w = World::new(|e| e.booking_open = false).await;
    let chris = w.join("Chris", Attendance::Onsite).await;
    let petra = w.join("Petra", Attendance::Remote).await;
    assert_eq!(refusal(w.request(&chris, &petra).await), "booking_closed");
    w.settings(|e| e.booking_open = true).await;
    assert_eq!(refusal(w.request(&chris, &chris).await), "own_request");
    let m = w.request(&chris, &petra).await.expect("request");
    assert_eq!(m.mode, MeetingMode::Remote, "anyone online: by video");
    assert_eq!(refusal(w.request(&chris, &petra).await), "pair_open");
    assert_eq!(refusal(w.request(&petra, &chris).await), "pair_open");
    // Someone who is not an approved participant can neither send nor receive.
    let (_, stranger) = w.env.user("stranger@participants.test", true).await;
    let input = RequestInput { receiver: petra.reg, ..Default::default() };
    assert_eq!(refusal(requests::request(&w.env.app, &stranger, w.event, &input).await), "not_participant");
    // Declined: the pair may try again.
    requests::decline(&w.env.app, &petra.actor, m.id, Some("Not my field")).await.expect("decline");
    assert!(w.env.outbox_to(&chris.email).await[0].body_text.contains("Not my field"));
    w.request(&chris, &petra).await.expect("a new request after a decline");
}

#[tokio::test]
async fn the_cap_on_pending_requests_counts_only_unanswered_ones() {
    let w = World::new(|e| e.max_pending_requests = 2).await;
    let chris = w.join("Chris", Attendance::Onsite).await;
    let others = [w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await, w.join("C", Attendance::Onsite).await];
    let first = w.request(&chris, &others[0]).await.expect("first");
    w.request(&chris, &others[1]).await.expect("second");
    assert_eq!(refusal(w.request(&chris, &others[2]).await), "too_many_pending");
    requests::cancel(&w.env.app, &chris.actor, first.id, None).await.expect("cancel");
    w.request(&chris, &others[2]).await.expect("room again");
}

#[tokio::test]
async fn unanswered_requests_expire_and_the_job_tells_the_requester() {
    let w = World::new(|e| e.request_expiry_minutes = 15).await;
    let chris = w.join("Chris", Attendance::Onsite).await;
    let petra = w.join("Petra", Attendance::Onsite).await;
    let m = w.request(&chris, &petra).await.expect("request");
    let later = Utc::now() + Duration::minutes(16);
    let report = tandem_app::jobs::run_due(&w.env.app, later).await;
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.meetings.expired, 1);
    assert!(report.to_string().contains("meeting requests: 1 expired"));
    assert_eq!(expiry_job::run(&w.env.app, later).await.expect("again").expired, 0);
    assert!(w.mail_to(&chris).await[0].contains("expired"));
    assert_eq!(refusal(requests::accept(&w.env.app, &petra.actor, m.id, Some(w.slots[0])).await), "not_requested");
    let mine = lists::mine(&w.env.app, &chris.actor, w.event).await.expect("mine");
    assert_eq!(mine.closed[0].meeting.state, MeetingState::Expired);
    w.request(&chris, &petra).await.expect("the pair is free again");
}

#[tokio::test]
async fn the_automatic_mode_accepts_at_once_and_may_book_a_slot() {
    let w = World::new(|e| e.request_mode = RequestMode::Automatic).await;
    let chris = w.join("Chris", Attendance::Onsite).await;
    let petra = w.join("Petra", Attendance::Onsite).await;
    let sam = w.join("Sam", Attendance::Remote).await;
    let m = w.request(&chris, &petra).await.expect("request");
    assert_eq!((m.state, m.slot_id, m.expires_at), (MeetingState::Accepted, None, None));
    assert!(w.mail_to(&chris).await[0].contains("confirmed") && w.mail_to(&petra).await[0].contains("confirmed"));
    // Unplaced: either party picks the slot later.
    let placed = tandem_app::events::meetings::slots::book_slot(&w.env.app, &petra.actor, m.id, w.slots[0]).await.expect("book");
    assert_eq!((placed.slot_id, placed.table_number), (Some(w.slots[0]), Some(1)));
    let input = RequestInput { receiver: sam.reg, slot: Some(w.slots[2]), ..Default::default() };
    let booked = requests::request(&w.env.app, &chris.actor, w.event, &input).await.expect("request with slot");
    assert_eq!((booked.slot_id, booked.table_number), (Some(w.slots[2]), None));
    assert!(w.env.outbox_to(&sam.email).await[0].body_text.contains("by video"));
}

#[tokio::test]
async fn meetings_are_capped_per_event_per_attendance_and_per_participant() {
    let w = World::new(|e| {
        e.request_mode = RequestMode::Automatic;
        e.scheduling_mode = SchedulingMode::Auto;
        e.max_meetings = Some(3);
        e.max_meetings_remote = Some(1);
    })
    .await;
    let hub = w.join("Hub", Attendance::Onsite).await;
    let online = w.join("Online", Attendance::Remote).await;
    let capped = w.join_with("Capped", Attendance::Onsite, None, Some(1), None).await;
    let others: Vec<_> = join_many(&w, 4).await;
    w.request(&online, &others[0]).await.expect("online's first");
    assert_eq!(refusal(w.request(&online, &others[1]).await), "own_agenda_full");
    assert_eq!(refusal(w.request(&others[1], &online).await), "partner_agenda_full");
    w.request(&capped, &others[1]).await.expect("capped's first");
    assert_eq!(refusal(w.request(&hub, &capped).await), "partner_agenda_full");
    for o in &others[1..4] {
        w.request(&hub, o).await.expect("hub's meetings");
    }
    assert_eq!(refusal(w.request(&hub, &others[0]).await), "own_agenda_full");
}

async fn join_many(w: &World, n: usize) -> Vec<super::Person> {
    let mut out = Vec::new();
    for i in 0..n {
        out.push(w.join(&format!("Other {i}"), Attendance::Onsite).await);
    }
    out
}

#[tokio::test]
async fn accepting_checks_the_caps_again() {
    let w = World::new(|e| {
        e.scheduling_mode = SchedulingMode::Auto;
        e.max_meetings = Some(1);
    })
    .await;
    let petra = w.join("Petra", Attendance::Onsite).await;
    let a = w.join("A", Attendance::Onsite).await;
    let b = w.join("B", Attendance::Onsite).await;
    let first = w.request(&a, &petra).await.expect("a");
    let second = w.request(&b, &petra).await.expect("b");
    let accepted = requests::accept(&w.env.app, &petra.actor, first.id, None).await.expect("accept without slot");
    assert_eq!((accepted.state, accepted.slot_id), (MeetingState::Accepted, None));
    assert!(w.mail_to(&a).await[0].contains("confirmed"));
    assert_eq!(refusal(requests::accept(&w.env.app, &petra.actor, second.id, None).await), "own_agenda_full");
    let c = w.join("C", Attendance::Onsite).await;
    assert_eq!(refusal(w.request(&c, &a).await), "partner_agenda_full");
}

#[tokio::test]
async fn a_slot_is_picked_only_at_pick_slot_events() {
    let w = World::new(|e| e.scheduling_mode = SchedulingMode::Auto).await;
    let (a, b) = (w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await);
    let m = w.request(&a, &b).await.expect("request");
    assert_eq!(refusal(requests::accept(&w.env.app, &b.actor, m.id, Some(w.slots[0])).await), "slot_not_picked");
    w.settings(|e| e.scheduling_mode = SchedulingMode::PickSlot).await;
    assert_eq!(refusal(requests::accept(&w.env.app, &b.actor, m.id, None).await), "slot_required");
}

#[tokio::test]
async fn the_profile_concerned_is_one_either_party_brought() {
    let w = World::new(|_| {}).await;
    let (a, b) = (w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await);
    let input = RequestInput { receiver: b.reg, profile: Some(tandem_core::ProfileId::new()), ..Default::default() };
    assert_eq!(refusal(requests::request(&w.env.app, &a.actor, w.event, &input).await), "profile_not_linked");
    let long = RequestInput { receiver: b.reg, message: Some("x".repeat(3_000)), ..Default::default() };
    assert_eq!(refusal(requests::request(&w.env.app, &a.actor, w.event, &long).await), "too_long");
}

#[tokio::test]
async fn only_the_receiver_answers_and_only_parties_and_organisers_cancel() {
    let w = World::new(|_| {}).await;
    let (a, b, c) = (w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await, w.join("C", Attendance::Onsite).await);
    let m = w.request(&a, &b).await.expect("request");
    assert_forbidden(requests::accept(&w.env.app, &a.actor, m.id, Some(w.slots[0])).await);
    assert_forbidden(requests::accept(&w.env.app, &c.actor, m.id, Some(w.slots[0])).await);
    assert_forbidden(requests::decline(&w.env.app, &a.actor, m.id, None).await);
    assert_forbidden(requests::cancel(&w.env.app, &c.actor, m.id, None).await);
    assert_forbidden(lists::overview(&w.env.app, &a.actor, w.event, None).await);
    requests::accept(&w.env.app, &b.actor, m.id, Some(w.slots[0])).await.expect("accept");

    let cancelled = requests::cancel(&w.env.app, &w.organiser, m.id, Some("Room change")).await.expect("organiser cancels");
    assert_eq!((cancelled.state, cancelled.slot_id), (MeetingState::Cancelled, None));
    assert!(w.env.outbox_to(&a.email).await[0].body_text.contains("Room change"));
    assert!(w.mail_to(&b).await[0].contains("cancelled"));
    assert_eq!(refusal(requests::cancel(&w.env.app, &a.actor, m.id, None).await), "not_open");

    // The slot is free again for both.
    let again = w.request(&b, &a).await.expect("request again");
    requests::accept(&w.env.app, &a.actor, again.id, Some(w.slots[0])).await.expect("same slot");
    let overview = lists::overview(&w.env.app, &w.organiser, w.event, None).await.expect("overview");
    let count = |s: MeetingState| overview.counts.iter().find(|(x, _)| *x == s).map(|(_, n)| *n);
    assert_eq!((count(MeetingState::Accepted), count(MeetingState::Cancelled), count(MeetingState::Expired)), (Some(1), Some(1), Some(0)));
    assert_eq!(overview.items.len(), 2);
    let only = lists::overview(&w.env.app, &w.organiser, w.event, Some(MeetingState::Cancelled)).await.expect("filtered");
    assert_eq!(only.items.len(), 1);
}

#[tokio::test]
async fn the_organiser_sets_either_and_locks() {
    let w = World::new(|e| e.tables = 1).await;
    let (a, b, c, d) = (
        w.join("A", Attendance::Onsite).await,
        w.join("B", Attendance::Onsite).await,
        w.join("C", Attendance::Onsite).await,
        w.join("D", Attendance::Remote).await,
    );
    let ab = w.request(&a, &b).await.expect("ab");
    requests::accept(&w.env.app, &b.actor, ab.id, Some(w.slots[0])).await.expect("the only table");
    let cd = w.request(&c, &d).await.expect("cd");
    assert_eq!(refusal(lists::set_mode(&w.env.app, &w.organiser, cd.id, MeetingMode::Either).await), "mode_not_allowed");
    let ca = w.request(&c, &a).await.expect("ca");
    let x = w.join("X", Attendance::Onsite).await;
    let cx = w.request(&x, &c).await.expect("xc");
    assert_eq!(refusal(requests::accept(&w.env.app, &c.actor, cx.id, Some(w.slots[0])).await), "no_table");
    assert_forbidden(lists::set_mode(&w.env.app, &a.actor, cx.id, MeetingMode::Either).await);
    lists::set_mode(&w.env.app, &w.organiser, cx.id, MeetingMode::Either).await.expect("either");
    let placed = requests::accept(&w.env.app, &c.actor, cx.id, Some(w.slots[0])).await.expect("by video");
    assert_eq!((placed.slot_id, placed.table_number), (Some(w.slots[0]), None));
    assert_eq!(refusal(lists::set_locked(&w.env.app, &w.organiser, ca.id, true).await), "not_accepted");
    assert!(lists::set_locked(&w.env.app, &w.organiser, placed.id, true).await.expect("lock").locked);
}

#[tokio::test]
async fn a_request_from_someone_who_left_the_event_cannot_be_accepted() {
    let w = World::new(|_| {}).await;
    let (a, b) = (w.join("A", Attendance::Onsite).await, w.join("B", Attendance::Onsite).await);
    let m = w.request(&a, &b).await.expect("request");
    let mut tx = w.env.app.db().begin().await.expect("begin");
    let changed = tandem_store::registrations::set_state(
        tx.conn(),
        a.reg,
        tandem_core::events::RegistrationState::Approved,
        tandem_core::events::RegistrationState::Cancelled,
        Utc::now(),
    )
    .await
    .expect("cancel a's registration");
    assert_eq!(changed, 1);
    tx.commit().await.expect("commit");
    assert_eq!(refusal(requests::accept(&w.env.app, &b.actor, m.id, Some(w.slots[0])).await), "partner_not_participant");
}
