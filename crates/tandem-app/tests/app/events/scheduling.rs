//! The organiser's auto-scheduler (issue 5, items 2, 3 and 5): the instance built from the
//! database (availability, booths, remote participants, locks, caps), runs whose saved
//! bookings pass `tandem_schedule`'s validator, publishing preliminary and final agendas (locks
//! and emails), re-runs after late requests that keep published meetings in place and email the
//! changes, and who may do what.

use crate::meetings::{refusal, Person, World};
use chrono::Utc;
use std::collections::HashMap;
use std::time::Duration;
use tandem_app::events::meetings::lists;
use tandem_app::events::meetings::slots::set_availability;
use tandem_app::events::scheduling::{self, RunOptions, Snapshot, UnplacedReason};
use tandem_app::AppError;
use tandem_core::account::Locale;
use tandem_core::events::event::Event;
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{AgendaState, Attendance, EventState, RequestMode, SchedulingMode};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{MeetingId, SlotId};
use tandem_schedule::{validate, Attendance as Attends, MeetingMode as Mode};
use tandem_store::{bookings, events, meetings, registrations, users};

/// An event in booking whose organiser schedules, requests accepted at once, with `tables`.
async fn world(tables: i32, settings: impl FnOnce(&mut Event)) -> World {
    World::new(|e| {
        e.scheduling_mode = SchedulingMode::Auto;
        e.request_mode = RequestMode::Automatic;
        e.tables = tables;
        settings(e);
    })
    .await
}

/// `a` asks `b`; accepted at once.
async fn meet(w: &World, a: &Person, b: &Person) -> Meeting {
    w.request(a, b).await.expect("an accepted meeting")
}

fn options(seed: u64) -> RunOptions {
    RunOptions { time_limit: Duration::from_secs(1), seed: Some(seed) }
}

async fn snapshot(w: &World) -> Snapshot {
    scheduling::snapshot(&w.env.app, &w.organiser, w.event).await.expect("snapshot")
}

async fn meeting(w: &World, id: MeetingId) -> Meeting {
    let mut conn = w.env.app.db().acquire().await.expect("acquire");
    meetings::get(conn.conn(), id).await.expect("get").expect("meeting")
}

/// The placements as saved pass the scheduler's validator, and the booking rows say the same:
/// each participant is booked exactly in the slots of their placed meetings, each table in
/// exactly the (slot, table) pairs of placed meetings.
async fn assert_saved_schedule_is_valid(w: &World, people: &[&Person]) -> Snapshot {
    let s = snapshot(w).await;
    let report = validate(&s.instance, &s.schedule);
    assert!(report.feasible, "{:?}", report.errors);
    let mut conn = w.env.app.db().acquire().await.expect("acquire");
    let placed: Vec<Meeting> = meetings::accepted_for_event(conn.conn(), w.event).await.expect("meetings").into_iter().filter(|m| m.slot_id.is_some()).collect();
    for p in people {
        let mut expected: Vec<SlotId> = placed.iter().filter(|m| m.involves(p.reg)).filter_map(|m| m.slot_id).collect();
        expected.sort();
        assert_eq!(bookings::busy_slots(conn.conn(), p.reg).await.expect("busy"), expected);
    }
    let mut tables: Vec<(SlotId, i32)> = placed.iter().filter_map(|m| Some((m.slot_id?, m.table_number?))).collect();
    tables.sort();
    let mut booked = bookings::table_bookings(conn.conn(), w.event).await.expect("tables");
    booked.sort();
    assert_eq!(booked, tables);
    s
}

async fn german(w: &World, p: &Person) {
    let mut conn = w.env.app.db().acquire().await.expect("acquire");
    users::set_locale(conn.conn(), p.actor.user().expect("user").id, Locale::De, Utc::now()).await.expect("German");
}

#[tokio::test]
async fn the_instance_holds_availability_booths_remote_participants_locks_and_caps() {
    let w = world(4, |e| e.max_meetings_onsite = Some(5)).await;
    {
        let mut tx = w.env.app.db().begin().await.expect("begin");
        let mut session = events::session(tx.conn(), w.session).await.expect("get").expect("session");
        session.max_meetings = Some(3);
        events::update_session(tx.conn(), &session).await.expect("update");
        tx.commit().await.expect("commit");
    }
    // Names sort as the participants do in the instance.
    let anna = w.join_with("Anna", Attendance::Onsite, Some(4), None, None).await;
    let bernd = w.join("Bernd", Attendance::Onsite).await;
    let carla = w.join("Carla", Attendance::Remote).await;
    let dieter = w.join_with("Dieter", Attendance::Onsite, None, Some(1), None).await;
    set_availability(&w.env.app, &carla.actor, w.event, &[w.slots[0]]).await.expect("Carla is away in the first slot");
    let ab = meet(&w, &anna, &bernd).await;
    let bc = meet(&w, &bernd, &carla).await;
    let bd = meet(&w, &bernd, &dieter).await;

    let s = snapshot(&w).await;
    let i = &s.instance;
    assert_eq!((i.slots.len(), i.tables), (3, 4));
    let by_reg: HashMap<_, _> = s.participants.iter().map(|(key, reg)| (*reg, key.clone())).collect();
    let p = |who: &Person| i.participants.iter().find(|p| p.id == by_reg[&who.reg]).expect("participant").clone();
    assert_eq!(p(&anna).table, Some(4), "a booth is the participant's table");
    assert_eq!(p(&bernd).table, None);
    assert_eq!(p(&carla).mode, Attends::Remote);
    assert_eq!(p(&carla).available.len(), 2, "every slot but the one Carla is away in");
    assert_eq!(p(&bernd).available.len(), 3);
    assert_eq!(p(&anna).max_meetings, Some(5), "the cap for participants at the venue");
    assert_eq!(p(&dieter).max_meetings, Some(1), "a personal cap below the event's");
    assert_eq!(p(&carla).max_meetings, None, "no cap for participants online");
    assert!(i.participants.iter().all(|p| p.limits.len() == 1 && p.limits[0].max == 3 && p.limits[0].slots.len() == 3), "the session's cap");
    let by_meeting: HashMap<_, _> = s.meetings.iter().map(|(key, id)| (*id, key.clone())).collect();
    let m = |id: MeetingId| i.meetings.iter().find(|m| m.id == by_meeting[&id]).expect("meeting").clone();
    assert_eq!((m(ab.id).mode, m(bc.id).mode, m(bd.id).mode), (Mode::Onsite, Mode::Remote, Mode::Onsite));
    assert!(i.meetings.iter().all(|m| m.locked_slot.is_none() && (m.priority - 1.0).abs() < f64::EPSILON));

    // A locked meeting keeps its slot and table — even when its participant's cap dropped below
    // the locked meetings since.
    assert_eq!(scheduling::run(&w.env.app, &w.organiser, w.event, options(1)).await.expect("run").run.scheduled, 3);
    let placed = meeting(&w, bd.id).await;
    lists::set_locked(&w.env.app, &w.organiser, bd.id, true).await.expect("lock");
    {
        let mut tx = w.env.app.db().begin().await.expect("begin");
        registrations::set_booth(tx.conn(), dieter.reg, None, Some(0), Utc::now()).await.expect("cap 0");
        tx.commit().await.expect("commit");
    }
    let s = snapshot(&w).await;
    let locked = s.instance.meetings.iter().find(|x| x.id == by_meeting[&bd.id]).expect("meeting");
    let slot_key = s.slots.iter().find(|(_, id)| Some(*id) == placed.slot_id).map(|(k, _)| k.clone());
    assert_eq!(locked.locked_slot, slot_key);
    assert_eq!(locked.locked_table, placed.table_number.map(|t| t as u32));
    let dieter_now = s.instance.participants.iter().find(|x| x.id == by_reg[&dieter.reg]).expect("participant");
    assert_eq!(dieter_now.max_meetings, Some(1), "raised to the locked meeting");
    assert!(tandem_schedule::Problem::from_instance(&s.instance).is_ok());
}

#[tokio::test]
async fn a_run_places_the_meetings_and_the_saved_bookings_pass_the_validator() {
    let w = world(2, |_| {}).await;
    let names = ["Anna", "Bernd", "Carla", "Dieter", "Emil", "Frieda"];
    let mut people = Vec::new();
    for (k, n) in names.iter().enumerate() {
        people.push(w.join(n, if k == 5 { Attendance::Remote } else { Attendance::Onsite }).await);
    }
    let mut requested = Vec::new();
    for (a, b) in [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (4, 5), (0, 5), (1, 3)] {
        requested.push(meet(&w, &people[a], &people[b]).await.id);
    }
    // Carla is away in the first slot, so three of her meetings compete for two slots.
    set_availability(&w.env.app, &people[2].actor, w.event, &[w.slots[0]]).await.expect("away");

    let report = scheduling::run(&w.env.app, &w.organiser, w.event, options(7)).await.expect("run");
    let run = &report.run;
    assert_eq!((run.requested, run.seed, run.time_limit_ms, run.stage.as_str()), (8, 7, 1000, "draft"));
    assert!(run.scheduled >= 6 && run.score <= run.bound + 1e-9, "{run:?}");
    assert_eq!(report.placed, run.scheduled as usize);
    assert_eq!((report.moved, report.removed, report.emailed), (0, 0, 0));
    let refs: Vec<&Person> = people.iter().collect();
    let s = assert_saved_schedule_is_valid(&w, &refs).await;
    assert_eq!(s.schedule.assignments.len(), run.scheduled as usize);
    // Nobody is told anything before an agenda is published.
    for p in &people {
        assert!(w.mail_to(p).await.iter().all(|s| !s.contains("agenda") && !s.contains("Changes")));
    }

    let o = scheduling::overview(&w.env.app, &w.organiser, w.event).await.expect("overview");
    assert_eq!((o.slots, o.participants, o.accepted, o.placed, o.locked), (3, 6, 8, run.scheduled as usize, 0));
    assert_eq!(o.runs.len(), 1);
    assert_eq!(o.runs[0].run_by_name.as_deref(), Some("events"));
    assert_eq!(o.unplaced.len(), 8 - run.scheduled as usize);
    assert!(o.unplaced.iter().all(|u| u.reason != UnplacedReason::NotYetScheduled), "{:?}", o.unplaced);

    // The same seed on the same facts gives the same schedule (nothing moves).
    let again = scheduling::run(&w.env.app, &w.organiser, w.event, options(7)).await.expect("again");
    assert_eq!((again.placed, again.moved, again.removed), (0, 0, 0));
    assert_eq!(snapshot(&w).await.schedule, s.schedule);
}

#[tokio::test]
async fn publishing_locks_and_emails_and_a_rerun_after_a_late_request_keeps_published_meetings() {
    let w = world(2, |_| {}).await;
    let (anna, bernd, carla, dieter) =
        (w.join("Anna", Attendance::Onsite).await, w.join("Bernd", Attendance::Onsite).await, w.join("Carla", Attendance::Onsite).await, w.join("Dieter", Attendance::Remote).await);
    let emil = w.join("Emil", Attendance::Onsite).await;
    german(&w, &bernd).await;
    let first = [meet(&w, &anna, &bernd).await.id, meet(&w, &anna, &carla).await.id, meet(&w, &bernd, &dieter).await.id];
    assert_eq!(refusal(scheduling::publish(&w.env.app, &w.organiser, w.event, AgendaState::Preliminary).await), "schedule_nothing_placed");
    scheduling::run(&w.env.app, &w.organiser, w.event, options(3)).await.expect("run");

    let published = scheduling::publish(&w.env.app, &w.organiser, w.event, AgendaState::Preliminary).await.expect("preliminary");
    assert_eq!((published.stage, published.locked, published.emailed), (AgendaState::Preliminary, 3, 5));
    let o = scheduling::overview(&w.env.app, &w.organiser, w.event).await.expect("overview");
    assert_eq!((o.event.agenda_state, o.locked), (AgendaState::Preliminary, 3));
    assert!(o.event.agenda_published_at.is_some());
    let agenda_link = format!("/events/{}/my-agenda", w.event);
    let anna_mail = w.env.outbox_to(&anna.email).await;
    assert_eq!(anna_mail[0].subject, "Your preliminary meeting agenda for Tandem 25 Birmingham–Leipzig");
    assert!(anna_mail[0].body_text.contains(&agenda_link) && anna_mail[0].body_text.contains("Bernd") && anna_mail[0].body_text.contains("table"));
    let bernd_mail = w.env.outbox_to(&bernd.email).await;
    assert!(bernd_mail[0].subject.starts_with("Ihre vorläufige Terminagenda"), "{}", bernd_mail[0].subject);
    assert!(bernd_mail[0].body_text.contains("per Video"), "the meeting with Dieter online: {}", bernd_mail[0].body_text);
    assert!(w.env.outbox_to(&emil.email).await[0].body_text.contains("no meetings on the agenda"));

    // A late request; the re-run (another seed) keeps every published meeting where it was.
    let before: Vec<Meeting> = reload_all(&w, &first).await;
    let late = meet(&w, &carla, &emil).await;
    let report = scheduling::run(&w.env.app, &w.organiser, w.event, options(99)).await.expect("re-run");
    assert_eq!((report.placed, report.moved, report.removed), (1, 0, 0));
    assert_eq!(report.run.stage, "preliminary");
    let after: Vec<Meeting> = reload_all(&w, &first).await;
    for (b, a) in before.iter().zip(&after) {
        assert_eq!((a.slot_id, a.table_number, a.sequence, a.locked), (b.slot_id, b.table_number, b.sequence, true));
    }
    let late = meeting(&w, late.id).await;
    assert!(late.slot_id.is_some() && !late.locked && late.sequence > 0);
    // The two concerned hear of it once; the others not at all.
    for p in [&carla, &emil] {
        let subjects = w.mail_to(p).await;
        assert_eq!(subjects.iter().filter(|s| s.starts_with("Changes to your meetings")).count(), 1, "{subjects:?}");
        assert!(w.env.outbox_to(&p.email).await[0].body_text.contains(&agenda_link));
    }
    for p in [&anna, &bernd, &dieter] {
        assert!(w.mail_to(p).await.iter().all(|s| !s.contains("Changes") && !s.contains("Änderungen")));
    }
    assert_saved_schedule_is_valid(&w, &[&anna, &bernd, &carla, &dieter, &emil]).await;

    // Final; then it never goes back to preliminary, but may run and publish again.
    let fin = scheduling::publish(&w.env.app, &w.organiser, w.event, AgendaState::Final).await.expect("final");
    assert_eq!((fin.stage, fin.locked), (AgendaState::Final, 1));
    assert!(w.mail_to(&anna).await[0].starts_with("Your final meeting agenda"));
    assert_eq!(refusal(scheduling::publish(&w.env.app, &w.organiser, w.event, AgendaState::Preliminary).await), "schedule_already_final");
    assert_eq!(refusal(scheduling::publish(&w.env.app, &w.organiser, w.event, AgendaState::Unpublished).await), "schedule_unknown_stage");
    let after_final = scheduling::run(&w.env.app, &w.organiser, w.event, options(5)).await.expect("a run after final");
    assert_eq!((after_final.placed, after_final.moved, after_final.removed, after_final.run.stage.as_str()), (0, 0, 0, "final"));
}

async fn reload_all(w: &World, ids: &[MeetingId]) -> Vec<Meeting> {
    let mut out = Vec::new();
    for id in ids {
        out.push(meeting(w, *id).await);
    }
    out
}

#[tokio::test]
async fn a_rerun_emails_each_participant_the_meetings_it_moved_or_added_once() {
    let w = world(2, |_| {}).await;
    let (anna, bernd, carla) = (w.join("Anna", Attendance::Onsite).await, w.join("Bernd", Attendance::Onsite).await, w.join("Carla", Attendance::Onsite).await);
    german(&w, &carla).await;
    let ab = meet(&w, &anna, &bernd).await;
    scheduling::run(&w.env.app, &w.organiser, w.event, options(1)).await.expect("run");
    scheduling::publish(&w.env.app, &w.organiser, w.event, AgendaState::Preliminary).await.expect("publish");
    // The organiser frees the meeting (Bernd cannot make its slot after all) and Anna asks Carla.
    let old = meeting(&w, ab.id).await;
    lists::set_locked(&w.env.app, &w.organiser, ab.id, false).await.expect("unlock");
    {
        let mut tx = w.env.app.db().begin().await.expect("begin");
        registrations::replace_unavailable(tx.conn(), bernd.reg, &[old.slot_id.expect("placed")]).await.expect("away");
        tx.commit().await.expect("commit");
    }
    meet(&w, &anna, &carla).await;
    let report = scheduling::run(&w.env.app, &w.organiser, w.event, options(2)).await.expect("re-run");
    assert_eq!((report.placed, report.moved, report.removed, report.emailed), (1, 1, 0, 3));
    let moved = meeting(&w, ab.id).await;
    assert_ne!(moved.slot_id, old.slot_id);
    assert!(moved.sequence > old.sequence, "calendars replace the old entry");

    let anna_mail: Vec<_> = w.env.outbox_to(&anna.email).await.into_iter().filter(|m| m.subject.starts_with("Changes")).collect();
    assert_eq!(anna_mail.len(), 1, "one email per run with every change");
    let body = &anna_mail[0].body_text;
    assert!(body.contains("- Bernd: now ") && body.contains("(was ") && body.contains(": Carla"), "{body}");
    let bernd_mail = &w.env.outbox_to(&bernd.email).await[0];
    assert!(bernd_mail.subject.starts_with("Changes") && !bernd_mail.body_text.contains("Carla"), "{}", bernd_mail.body_text);
    let carla_mail = &w.env.outbox_to(&carla.email).await[0];
    assert!(carla_mail.subject.starts_with("Änderungen an Ihren Treffen") && carla_mail.body_text.contains(": Anna"), "{}", carla_mail.body_text);
    assert_saved_schedule_is_valid(&w, &[&anna, &bernd, &carla]).await;
}

#[tokio::test]
async fn only_organisers_schedule_and_only_when_the_event_allows() {
    let w = world(2, |_| {}).await;
    let (anna, bernd) = (w.join("Anna", Attendance::Onsite).await, w.join("Bernd", Attendance::Onsite).await);
    let app = &w.env.app;
    assert_eq!(refusal(scheduling::run(app, &w.organiser, w.event, options(1)).await), "schedule_no_meetings");
    meet(&w, &anna, &bernd).await;
    for actor in [&anna.actor, &Actor::Anonymous] {
        let denied = |r: &Result<_, AppError>| matches!(r, Err(AppError::Denied(Denied::Forbidden | Denied::LoginRequired)));
        assert!(denied(&scheduling::run(app, actor, w.event, options(1)).await.map(drop)));
        assert!(denied(&scheduling::publish(app, actor, w.event, AgendaState::Preliminary).await.map(drop)));
        assert!(denied(&scheduling::overview(app, actor, w.event).await.map(drop)));
        assert!(denied(&scheduling::snapshot(app, actor, w.event).await.map(drop)));
    }
    let mut conn = app.db().acquire().await.expect("acquire");
    assert!(meetings::accepted_for_event(conn.conn(), w.event).await.expect("meetings").iter().all(|m| m.slot_id.is_none()), "nothing was placed");
    drop(conn);

    w.settings(|e| e.scheduling_mode = SchedulingMode::PickSlot).await;
    assert_eq!(refusal(scheduling::run(app, &w.organiser, w.event, options(1)).await), "schedule_not_auto");
    assert_eq!(refusal(scheduling::publish(app, &w.organiser, w.event, AgendaState::Final).await), "schedule_not_auto");
    w.settings(|e| e.scheduling_mode = SchedulingMode::Auto).await;

    // An agenda without slots says so.
    {
        let mut tx = app.db().begin().await.expect("begin");
        events::replace_slots(tx.conn(), w.session, &[]).await.expect("no slots");
        tx.commit().await.expect("commit");
    }
    assert_eq!(refusal(scheduling::run(app, &w.organiser, w.event, options(1)).await), "schedule_no_slots");

    {
        let mut tx = app.db().begin().await.expect("begin");
        events::set_state(tx.conn(), w.event, EventState::Published, EventState::Cancelled, Utc::now()).await.expect("called off");
        tx.commit().await.expect("commit");
    }
    assert_eq!(refusal(scheduling::run(app, &w.organiser, w.event, options(1)).await), "schedule_event_cancelled");
    assert_eq!(refusal(scheduling::publish(app, &w.organiser, w.event, AgendaState::Preliminary).await), "schedule_event_cancelled");
}

#[tokio::test]
async fn the_page_says_why_meetings_have_no_slot() {
    let w = world(1, |_| {}).await;
    let (anna, bernd, carla, dieter) =
        (w.join("Anna", Attendance::Onsite).await, w.join("Bernd", Attendance::Onsite).await, w.join("Carla", Attendance::Onsite).await, w.join("Dieter", Attendance::Onsite).await);
    let capped = w.join("Emil", Attendance::Onsite).await;
    set_availability(&w.env.app, &anna.actor, w.event, &[w.slots[1], w.slots[2]]).await.expect("Anna only in the first slot");
    set_availability(&w.env.app, &bernd.actor, w.event, &[w.slots[0]]).await.expect("Bernd not in the first");
    let never = meet(&w, &anna, &bernd).await;
    let first = meet(&w, &carla, &capped).await;
    let second = meet(&w, &dieter, &capped).await;
    let late = meet(&w, &carla, &dieter).await;
    // The organiser lowers Emil's cap below the meetings he accepted.
    {
        let mut tx = w.env.app.db().begin().await.expect("begin");
        registrations::set_booth(tx.conn(), capped.reg, None, Some(1), Utc::now()).await.expect("cap");
        tx.commit().await.expect("commit");
    }
    let o = scheduling::overview(&w.env.app, &w.organiser, w.event).await.expect("overview");
    assert!(o.runs.is_empty());
    assert_eq!(o.unplaced.len(), 4);
    assert!(o.unplaced.iter().filter(|u| u.meeting != never.id).all(|u| u.reason == UnplacedReason::NotYetScheduled));

    scheduling::run(&w.env.app, &w.organiser, w.event, options(4)).await.expect("run");
    let o = scheduling::overview(&w.env.app, &w.organiser, w.event).await.expect("overview");
    let reasons: HashMap<MeetingId, UnplacedReason> = o.unplaced.iter().map(|u| (u.meeting, u.reason.clone())).collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(reasons.get(&never.id), Some(&UnplacedReason::NoCommonSlot));
    // Emil may have one meeting: one of his two waits, and says why.
    let emils: Vec<&UnplacedReason> = [first.id, second.id].iter().filter_map(|id| reasons.get(id)).collect();
    assert_eq!(emils, vec![&UnplacedReason::AtCap { name: "Emil".into(), max: 1 }], "{reasons:?}");
    assert!(!reasons.contains_key(&late.id), "it fits with the one table");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_organisers_running_at_once_never_double_book() {
    let w = world(2, |_| {}).await;
    let mut people = Vec::new();
    for n in ["Anna", "Bernd", "Carla", "Dieter", "Emil", "Frieda", "Gustav"] {
        people.push(w.join(n, Attendance::Onsite).await);
    }
    for a in 0..people.len() {
        for b in (a + 1)..people.len() {
            if (a + b) % 2 == 1 {
                meet(&w, &people[a], &people[b]).await;
            }
        }
    }
    let app = &w.env.app;
    let (one, two) = tokio::join!(
        scheduling::run(app, &w.organiser, w.event, options(11)),
        scheduling::run(app, &w.organiser, w.event, options(12)),
    );
    for r in [one, two] {
        match r {
            Ok(_) => {}
            Err(AppError::Invalid(e)) if e.0[0].code == "schedule_changed_meanwhile" => {}
            Err(e) => panic!("{e:?}"),
        }
    }
    let refs: Vec<&Person> = people.iter().collect();
    assert_saved_schedule_is_valid(&w, &refs).await;
}

#[tokio::test]
async fn data_the_scheduler_cannot_take_is_refused_with_names() {
    let w = world(3, |_| {}).await;
    let anna = w.join_with("Anna", Attendance::Onsite, Some(3), None, None).await;
    let bernd = w.join("Bernd", Attendance::Onsite).await;
    meet(&w, &anna, &bernd).await;
    // Two participants given the same booth behind the forms' back.
    {
        let mut tx = w.env.app.db().begin().await.expect("begin");
        registrations::set_booth(tx.conn(), bernd.reg, Some(3), None, Utc::now()).await.expect("same booth");
        tx.commit().await.expect("commit");
    }
    match scheduling::run(&w.env.app, &w.organiser, w.event, options(1)).await {
        Err(AppError::Invalid(e)) => {
            assert_eq!(e.0[0].code, "schedule_conflict");
            assert!(e.0[0].message.contains("booth 3 already belongs to \"Anna\""), "{}", e.0[0].message);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}
