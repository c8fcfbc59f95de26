//! The event day (issue 5, item 5): either party or an organiser records each placed meeting
//! held or no-show, from its slot's start; a party changes only their own record; an organiser
//! corrects any; strangers are refused.

use super::{refusal, Person, World};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use tandem_app::events::meetings::outcomes::{self, Recorder};
use tandem_app::events::meetings::requests;
use tandem_app::AppError;
use tandem_core::events::event::{Session, Slot};
use tandem_core::events::{Attendance, EventState, MeetingOutcome, RequestMode, SessionKind};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{MeetingId, SessionId, SlotId};
use tandem_store::events;

/// Adds a matchmaking session of `count` 30-minute slots starting at `starts` (in the past for
/// a meeting under way), with `stream` as its video link.
pub(super) async fn session_at(w: &World, starts: DateTime<Utc>, count: i64, stream: Option<&str>) -> Vec<SlotId> {
    let starts = starts.trunc_subsecs(0);
    let session = Session {
        id: SessionId::new(),
        event_id: w.event,
        kind: SessionKind::Matchmaking,
        title: "Event-day meetings".into(),
        description: None,
        starts_at: starts,
        ends_at: starts + Duration::minutes(30 * count),
        room: None,
        stream_url: stream.map(str::to_owned),
        slot_minutes: Some(30),
        max_meetings: None,
        created_at: Utc::now().trunc_subsecs(6),
    };
    let slots: Vec<Slot> = (0..count)
        .map(|i| Slot {
            id: SlotId::new(),
            event_id: w.event,
            session_id: session.id,
            starts_at: starts + Duration::minutes(30 * i),
            ends_at: starts + Duration::minutes(30 * i + 30),
        })
        .collect();
    let mut tx = w.env.app.db().begin().await.expect("begin");
    events::insert_session(tx.conn(), &session).await.expect("session");
    events::replace_slots(tx.conn(), session.id, &slots).await.expect("slots");
    tx.commit().await.expect("commit");
    slots.iter().map(|s| s.id).collect()
}

/// `a` asks `b`, who accepts into `slot`.
pub(super) async fn meeting_in(w: &World, a: &Person, b: &Person, slot: SlotId) -> MeetingId {
    let m = w.request(a, b).await.expect("request");
    requests::accept(&w.env.app, &b.actor, m.id, Some(slot)).await.expect("accept").id
}

/// Marks the event called off (its meetings stay as they are).
pub(super) async fn call_off(w: &World) {
    let mut tx = w.env.app.db().begin().await.expect("begin");
    assert_eq!(events::set_state(tx.conn(), w.event, EventState::Published, EventState::Cancelled, Utc::now()).await.expect("state"), 1);
    tx.commit().await.expect("commit");
}

fn user_of(actor: &Actor) -> tandem_core::UserId {
    actor.user().expect("logged in").id
}

#[tokio::test]
async fn parties_record_from_the_start_and_change_only_their_own_record() {
    let w = World::new(|_| {}).await;
    let slots = session_at(&w, Utc::now() - Duration::minutes(10), 1, None).await;
    let (ann, ben) = (w.join("Ann", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await);
    let (cem, dora) = (w.join("Cem", Attendance::Onsite).await, w.join("Dora", Attendance::Onsite).await);
    let now_on = meeting_in(&w, &ann, &ben, slots[0]).await;
    let later = meeting_in(&w, &cem, &dora, w.slots[0]).await;
    let app = &w.env.app;

    // Before its slot starts, a meeting cannot be marked.
    let early = outcomes::record(app, &cem.actor, later, MeetingOutcome::Held).await;
    match &early {
        Err(AppError::Invalid(e)) => assert!(e.0[0].message.contains("has not started yet"), "{e:?}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(refusal(early), "outcome_too_early");

    // Ann records it held, then says Ben did not come: her own record, she may change it.
    let held = outcomes::record(app, &ann.actor, now_on, MeetingOutcome::Held).await.expect("held");
    assert_eq!((held.outcome, held.outcome_by), (Some(MeetingOutcome::Held), Some(user_of(&ann.actor))));
    let absent = outcomes::record(app, &ann.actor, now_on, outcomes::partner_absent(true)).await.expect("changed");
    assert_eq!(absent.outcome, Some(MeetingOutcome::ReceiverAbsent));
    // Ben disagrees: only an organiser settles it.
    assert_eq!(refusal(outcomes::record(app, &ben.actor, now_on, MeetingOutcome::Held).await), "outcome_recorded_by_partner");

    // Someone else at the event, and a visitor, are refused.
    let eve = w.join("Eve", Attendance::Onsite).await;
    assert!(matches!(outcomes::record(app, &eve.actor, now_on, MeetingOutcome::Held).await, Err(AppError::Denied(Denied::Forbidden))));
    assert!(matches!(outcomes::record(app, &Actor::Anonymous, now_on, MeetingOutcome::Held).await, Err(AppError::Denied(Denied::LoginRequired))));
    assert!(matches!(outcomes::record(app, &ann.actor, MeetingId::new(), MeetingOutcome::Held).await, Err(AppError::NotFound)));

    // Who recorded what: Ann sees her meeting's recorder; Eve has none; outsiders are refused.
    let seen = outcomes::recorders(app, &ann.actor, w.event).await.expect("recorders");
    assert_eq!(seen.get(&now_on), Some(&Recorder::Requester));
    assert!(outcomes::recorders(app, &eve.actor, w.event).await.expect("recorders").is_empty());
    let outsider = w.env.user("outsider@participants.test", true).await.1;
    assert!(outcomes::recorders(app, &outsider, w.event).await.is_err());
}

#[tokio::test]
async fn organisers_correct_any_record_and_parties_then_may_not() {
    let w = World::new(|_| {}).await;
    let slots = session_at(&w, Utc::now() - Duration::minutes(40), 2, None).await;
    let (ann, ben) = (w.join("Ann", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await);
    let m = meeting_in(&w, &ann, &ben, slots[1]).await;
    let app = &w.env.app;
    outcomes::record(app, &ben.actor, m, outcomes::partner_absent(false)).await.expect("Ben: Ann did not come");
    let corrected = outcomes::record(app, &w.organiser, m, MeetingOutcome::Held).await.expect("the organiser corrects");
    assert_eq!((corrected.outcome, corrected.outcome_by), (Some(MeetingOutcome::Held), Some(user_of(&w.organiser))));
    assert_eq!(refusal(outcomes::record(app, &ben.actor, m, MeetingOutcome::BothAbsent).await), "outcome_recorded_by_organiser");
    let again = outcomes::record(app, &w.organiser, m, MeetingOutcome::BothAbsent).await.expect("and again");
    assert_eq!(again.outcome, Some(MeetingOutcome::BothAbsent));
    let seen = outcomes::recorders(app, &w.organiser, w.event).await.expect("recorders");
    assert_eq!(seen.get(&m), Some(&Recorder::Organiser));

    // A called-off event's meetings are not marked any more.
    call_off(&w).await;
    assert_eq!(refusal(outcomes::record(app, &w.organiser, m, MeetingOutcome::Held).await), "outcome_event_cancelled");
}

#[tokio::test]
async fn only_accepted_meetings_with_a_slot_are_marked() {
    let w = World::new(|_| {}).await;
    let slots = session_at(&w, Utc::now() - Duration::minutes(5), 1, None).await;
    let (ann, ben, cem) = (w.join("Ann", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await, w.join("Cem", Attendance::Onsite).await);
    let app = &w.env.app;
    let cancelled = meeting_in(&w, &ann, &ben, slots[0]).await;
    requests::cancel(app, &ann.actor, cancelled, None).await.expect("cancel");
    assert_eq!(refusal(outcomes::record(app, &ann.actor, cancelled, MeetingOutcome::Held).await), "outcome_not_placed");
    let waiting = w.request(&ann, &cem).await.expect("a request");
    assert_eq!(refusal(outcomes::record(app, &ann.actor, waiting.id, MeetingOutcome::Held).await), "outcome_not_placed");
    w.settings(|e| e.request_mode = RequestMode::Automatic).await;
    let unplaced = w.request(&ben, &cem).await.expect("accepted at once, without a slot");
    assert_eq!(refusal(outcomes::record(app, &w.organiser, unplaced.id, MeetingOutcome::Held).await), "outcome_not_placed");
}
