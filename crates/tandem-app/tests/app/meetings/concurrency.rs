//! Issue 5, item 7: participants accepting at the same moment never double-book anyone or any
//! table, and every loser gets a clear refusal (not an internal error). Twenty tasks, each its
//! own participant on its own pooled connection, start together: ten receivers compete for the
//! last free table of a slot, ten others for the same requester's one free slot.

use super::{Person, World};
use std::collections::HashMap;
use std::sync::Arc;
use tandem_app::events::meetings::requests;
use tandem_app::AppError;
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{Attendance, MeetingState};
use tandem_store::meetings;
use tokio::sync::Barrier;

const PAIRS: usize = 10;

async fn pair(w: &World, tag: &str, i: usize, from: Attendance) -> (Person, Person) {
    (w.join(&format!("{tag} requester {i}"), from).await, w.join(&format!("{tag} receiver {i}"), Attendance::Onsite).await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_participants_accepting_at_once_never_double_book() {
    let w = World::new(|e| e.tables = 3).await;
    let (slot, hub_slot) = (w.slots[0], w.slots[1]);
    // Tables 1 and 2 of the first slot are taken: table 3 is the last.
    for i in 0..2 {
        let (a, b) = pair(&w, "early", i, Attendance::Onsite).await;
        let m = w.request(&a, &b).await.expect("request");
        requests::accept(&w.env.app, &b.actor, m.id, Some(slot)).await.expect("early accept");
    }
    // Ten pairs at the venue want the last table; ten receivers want the remote hub's one free
    // slot (the hub is unavailable in the others).
    let mut contests: Vec<(Meeting, Person, &'static str)> = Vec::new();
    for i in 0..PAIRS {
        let (a, b) = pair(&w, "table", i, Attendance::Onsite).await;
        contests.push((w.request(&a, &b).await.expect("request"), b, "table"));
    }
    let hub = w.join("Hub", Attendance::Remote).await;
    tandem_app::events::meetings::slots::set_availability(&w.env.app, &hub.actor, w.event, &[w.slots[0], w.slots[2]])
        .await
        .expect("hub availability");
    w.settings(|e| e.max_pending_requests = PAIRS as i32).await;
    for i in 0..PAIRS {
        let b = w.join(&format!("hub receiver {i}"), Attendance::Onsite).await;
        contests.push((w.request(&hub, &b).await.expect("hub request"), b, "hub"));
    }

    let barrier = Arc::new(Barrier::new(contests.len()));
    let mut tasks = Vec::new();
    for (m, receiver, kind) in contests {
        let (app, barrier) = (w.env.app.clone(), barrier.clone());
        let target = if kind == "table" { slot } else { hub_slot };
        tasks.push(tokio::spawn(async move {
            barrier.wait().await;
            (kind, m.id, requests::accept(&app, &receiver.actor, m.id, Some(target)).await)
        }));
    }
    let mut won: HashMap<&str, usize> = HashMap::new();
    for task in tasks {
        let (kind, id, result) = task.await.expect("task");
        match result {
            Ok(m) => {
                assert_eq!(m.state, MeetingState::Accepted);
                *won.entry(kind).or_default() += 1;
            }
            Err(AppError::Invalid(errors)) => {
                let e = errors.0.first().expect("an error");
                assert!(matches!(e.code, "slot_taken" | "no_table" | "slot_unavailable"), "{kind} {id}: unclear refusal {e:?}");
                // The refused accept left the request waiting.
                let mut conn = w.env.app.db().acquire().await.expect("acquire");
                let m = meetings::get(conn.conn(), id).await.expect("get").expect("meeting");
                assert_eq!((m.state, m.slot_id), (MeetingState::Requested, None), "{kind}: a refused accept changed the request");
            }
            Err(other) => panic!("{kind} {id}: a loser got {other:?} instead of a clear refusal"),
        }
    }
    assert_eq!(won.get("table"), Some(&1), "exactly one pair gets the last table");
    assert_eq!(won.get("hub"), Some(&1), "the hub meets exactly one of them in its free slot");

    // The bookings agree with the meetings, and nobody and no table is booked twice.
    let mut conn = w.env.app.db().acquire().await.expect("acquire");
    let placed: Vec<Meeting> =
        meetings::accepted_for_event(conn.conn(), w.event).await.expect("accepted").into_iter().filter(|m| m.slot_id.is_some()).collect();
    assert_eq!(placed.len(), 4);
    let mut seen_people = std::collections::HashSet::new();
    let mut seen_tables = std::collections::HashSet::new();
    for m in &placed {
        let s = m.slot_id.expect("slot");
        assert!(seen_people.insert((s, m.requester_id)) && seen_people.insert((s, m.receiver_id)), "someone is booked twice");
        if let Some(t) = m.table_number {
            assert!(seen_tables.insert((s, t)), "table {t} is booked twice");
        }
    }
    let tables = tandem_store::bookings::table_bookings(conn.conn(), w.event).await.expect("tables");
    assert_eq!(tables, vec![(slot, 1), (slot, 2), (slot, 3)]);
    assert_eq!(tandem_store::bookings::busy_slots(conn.conn(), hub.reg).await.expect("hub"), vec![hub_slot]);
}
