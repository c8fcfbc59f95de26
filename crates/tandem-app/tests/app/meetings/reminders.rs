//! Reminders before each meeting (issue 5, item 5) through the outbox: one per party in their
//! language, never twice however often the job runs, a moved meeting reminded for its new time
//! only, none for cancelled or started meetings.

use super::outcomes::{call_off, meeting_in, session_at};
use super::{Person, World};
use chrono::{DateTime, Duration, Utc};
use tandem_app::events::meetings::reminders::{self, ReminderReport, LEAD_MINUTES};
use tandem_app::events::meetings::requests;
use tandem_app::jobs;
use tandem_app::mail::sender::Sender;
use tandem_core::account::Locale;
use tandem_core::events::event::Tz;
use tandem_core::events::Attendance;
use tandem_core::{MeetingId, SlotId};
use tandem_store::{bookings, events, users};
use tandem_testkit::{make_outbox_due, outbox_state};

/// The reminders to `p` not sent yet: (subject, when the sender may send it).
async fn pending(w: &World, p: &Person) -> Vec<(String, DateTime<Utc>)> {
    outbox_state(w.env.app.db())
        .await
        .into_iter()
        .filter(|m| m.recipient == p.email && m.sent_at.is_none() && is_reminder(&m.subject))
        .map(|m| (m.subject, m.next_attempt_at))
        .collect()
}

/// Every reminder to `p`, sent or not.
async fn all_reminders(w: &World, p: &Person) -> usize {
    w.env.outbox_to(&p.email).await.iter().filter(|m| is_reminder(&m.subject)).count()
}

fn is_reminder(subject: &str) -> bool {
    subject.starts_with("Reminder:") || subject.starts_with("Erinnerung:")
}

async fn start_of(w: &World, slot: SlotId) -> DateTime<Utc> {
    let mut conn = w.env.app.db().acquire().await.expect("conn");
    events::slot(conn.conn(), slot).await.expect("slot").expect("exists").starts_at
}

/// The slot's start on the venue's clock, as the reminder's subject shows it.
fn clock(at: DateTime<Utc>) -> String {
    at.with_timezone(&Tz::Europe__London).format("%H:%M").to_string()
}

async fn run(w: &World, now: DateTime<Utc>) -> ReminderReport {
    reminders::run(&w.env.app, now).await.expect("reminders")
}

#[tokio::test]
async fn each_party_gets_one_reminder_in_their_language_however_often_the_job_runs() {
    let w = World::new(|_| {}).await;
    let slots = session_at(&w, Utc::now() + Duration::hours(2), 1, Some("https://meet.example.org/b2b")).await;
    let (ann, ben) = (w.join("Ann", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await);
    let (cem, dora) = (w.join("Cem", Attendance::Remote).await, w.join("Dora", Attendance::Onsite).await);
    {
        let mut tx = w.env.app.db().begin().await.expect("begin");
        let user = users::by_email(tx.conn(), &tandem_core::account::Email::parse(&ben.email).expect("email")).await.expect("get").expect("ben");
        users::set_locale(tx.conn(), user.id, Locale::De, Utc::now()).await.expect("German");
        tx.commit().await.expect("commit");
    }
    meeting_in(&w, &ann, &ben, slots[0]).await;
    meeting_in(&w, &cem, &dora, slots[0]).await;
    let start = start_of(&w, slots[0]).await;
    // The confirmations go first.
    let sender = Sender::new(w.env.app.clone()).expect("sender");
    sender.run_once().await.expect("send the confirmations");

    assert_eq!(run(&w, Utc::now()).await, ReminderReport { queued: 4, withdrawn: 0 });
    let due = start - Duration::minutes(LEAD_MINUTES);
    assert_eq!(pending(&w, &ann).await, vec![(format!("Reminder: meeting with Ben, {}", reminder_when(start, Locale::En)), due)]);
    let to_ben = pending(&w, &ben).await;
    assert_eq!(to_ben.len(), 1);
    assert!(to_ben[0].0.starts_with("Erinnerung: Treffen mit Ann") && to_ben[0].0.contains(&clock(start)), "{to_ben:?}");
    let body = w.env.outbox_to(&ann.email).await[0].body_text.clone();
    assert!(body.contains("Where: table 1") && body.contains("Ben") && body.contains("GMT"), "{body}");
    let video = w.env.outbox_to(&cem.email).await[0].body_text.clone();
    assert!(video.contains("Where: by video: https://meet.example.org/b2b") && video.contains("Dora"), "{video}");

    // Again, and through the scheduled jobs: nothing new.
    assert_eq!(run(&w, Utc::now()).await, ReminderReport::default());
    let report = jobs::run_due(&w.env.app, Utc::now()).await;
    assert!(report.is_ok() && report.reminders == ReminderReport::default(), "{report}");
    // Not before it is due; once due it is sent, and still never queued again.
    assert_eq!(sender.run_once().await.expect("send"), 0, "the reminders wait until 15 minutes before");
    make_outbox_due(w.env.app.db()).await;
    assert_eq!(sender.run_once().await.expect("send"), 4);
    assert_eq!(run(&w, Utc::now()).await, ReminderReport::default());
    for p in [&ann, &ben, &cem, &dora] {
        assert_eq!(all_reminders(&w, p).await, 1, "{}", p.email);
    }
}

/// The slot as reminders show it in `locale` (with the 30-minute end).
fn reminder_when(start: DateTime<Utc>, locale: Locale) -> String {
    tandem_app::events::meetings::messages::slot_time(locale, Tz::Europe__London, start, start + Duration::minutes(30))
}

#[tokio::test]
async fn a_moved_meeting_is_reminded_for_its_new_time_only() {
    let w = World::new(|_| {}).await;
    let slots = session_at(&w, Utc::now() + Duration::hours(3), 3, None).await;
    let (ann, ben) = (w.join("Ann", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await);
    let m = meeting_in(&w, &ann, &ben, slots[0]).await;
    assert_eq!(run(&w, Utc::now()).await.queued, 2);

    move_meeting(&w, m, slots[2]).await;
    assert_eq!(run(&w, Utc::now()).await, ReminderReport { queued: 2, withdrawn: 2 });
    let new_start = start_of(&w, slots[2]).await;
    for p in [&ann, &ben] {
        let pending = pending(&w, p).await;
        assert_eq!(pending.len(), 1, "{pending:?}");
        assert_eq!(pending[0].1, new_start - Duration::minutes(LEAD_MINUTES));
        assert!(pending[0].0.contains(&reminder_when(new_start, Locale::En)), "{pending:?}");
    }
    assert_eq!(run(&w, Utc::now()).await, ReminderReport::default());
}

/// Moves a meeting as a re-schedule does: a new slot, the sequence bumped.
async fn move_meeting(w: &World, m: MeetingId, to: SlotId) {
    let mut tx = w.env.app.db().begin().await.expect("begin");
    bookings::book(tx.conn(), m, to, Some(2), Utc::now()).await.expect("move");
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn cancelled_started_and_called_off_meetings_get_no_reminder() {
    let w = World::new(|_| {}).await;
    let soon = session_at(&w, Utc::now() + Duration::hours(2), 1, None).await;
    let past = session_at(&w, Utc::now() - Duration::minutes(5), 1, None).await;
    let (ann, ben, cem, dora) =
        (w.join("Ann", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await, w.join("Cem", Attendance::Onsite).await, w.join("Dora", Attendance::Onsite).await);
    let app = &w.env.app;

    // Cancelled after its reminders were queued: the cancellation withdraws them at once.
    let cancelled = meeting_in(&w, &ann, &ben, soon[0]).await;
    assert_eq!(run(&w, Utc::now()).await.queued, 2);
    requests::cancel(app, &ann.actor, cancelled, Some("ill")).await.expect("cancel");
    assert!(pending(&w, &ann).await.is_empty() && pending(&w, &ben).await.is_empty());
    assert_eq!(run(&w, Utc::now()).await, ReminderReport::default());
    // A declined request never becomes a meeting, hence no reminder.
    let declined = w.request(&cem, &dora).await.expect("request");
    requests::decline(app, &dora.actor, declined.id, None).await.expect("decline");
    // Already under way: none.
    meeting_in(&w, &ann, &cem, past[0]).await;
    assert_eq!(run(&w, Utc::now()).await, ReminderReport::default());
    assert_eq!(all_reminders(&w, &cem).await, 0);

    // Queued, then its slot starts before the reminder could go (a sender that was down): it
    // is withdrawn rather than sent late.
    let m = meeting_in(&w, &ben, &dora, soon[0]).await;
    assert_eq!(run(&w, Utc::now()).await.queued, 2);
    let start = start_of(&w, soon[0]).await;
    assert_eq!(run(&w, start + Duration::minutes(1)).await, ReminderReport { queued: 0, withdrawn: 2 });
    // On the real clock it has not started: the next run queues them again.
    assert_eq!(run(&w, Utc::now()).await.queued, 2);

    // A use case may withdraw a meeting's reminders at once, in its own transaction; while the
    // meeting stands, the job queues them again.
    let mut tx = app.db().begin().await.expect("begin");
    assert_eq!(reminders::withdraw_for_meeting(tx.conn(), m, Utc::now()).await.expect("withdraw"), 2);
    tx.commit().await.expect("commit");
    assert!(pending(&w, &dora).await.is_empty());
    assert_eq!(run(&w, Utc::now()).await.queued, 2);

    // An event called off sends no reminders.
    call_off(&w).await;
    assert_eq!(run(&w, Utc::now()).await, ReminderReport { queued: 0, withdrawn: 2 });
    assert!(pending(&w, &ben).await.is_empty() && pending(&w, &dora).await.is_empty());
}

#[tokio::test]
async fn a_participant_leaving_or_the_event_called_off_withdraws_the_reminders_at_once() {
    let w = World::new(|_| {}).await;
    let soon = session_at(&w, Utc::now() + Duration::hours(2), 2, None).await;
    let (ann, ben, cem) = (w.join("Ann", Attendance::Onsite).await, w.join("Ben", Attendance::Onsite).await, w.join("Cem", Attendance::Onsite).await);
    meeting_in(&w, &ann, &ben, soon[0]).await;
    meeting_in(&w, &ben, &cem, soon[1]).await;
    assert_eq!(run(&w, Utc::now()).await.queued, 4);

    // Ann cancels her registration: her meeting's reminders go with it, Ben keeps the other.
    tandem_app::events::registration::cancel(&w.env.app, &ann.actor, w.event).await.expect("cancel registration");
    assert!(pending(&w, &ann).await.is_empty());
    assert_eq!(pending(&w, &ben).await.len(), 1, "Ben's meeting with Cem stands");

    // The organiser calls the event off: no reminder is left to send.
    tandem_app::events::setup::cancel(&w.env.app, &w.organiser, w.event).await.expect("call off");
    assert!(pending(&w, &ben).await.is_empty() && pending(&w, &cem).await.is_empty());
    assert_eq!(run(&w, Utc::now()).await, ReminderReport::default());
}
