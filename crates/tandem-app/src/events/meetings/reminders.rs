//! The scheduled job that reminds both parties shortly before each meeting (issue 5, item 5;
//! DOMAIN.md: "reminders before each meeting"), through the outbox.
//!
//! Each run looks at the placed meetings starting within [`WINDOW_HOURS`] and queues, for each
//! party that has none yet, a reminder the sender holds back until [`LEAD_MINUTES`] before the
//! slot (at once when that moment has passed). Every reminder carries the key
//! `meeting-reminder:{meeting}:{sequence}:{registration}`:
//!
//! - the key is written in the same transaction as the existence check, under the lock on both
//!   participants, so repeated and concurrent runs never queue one twice;
//! - a meeting moved to another slot or table has a new sequence, hence new keys: it is
//!   reminded for its new time, and the old keys, no longer those of a meeting about to take
//!   place, are withdrawn while unsent — as are those of a meeting cancelled, of a participant
//!   who left, of an event called off, and of a slot that has already started.
//!
//! Withdrawing happens on the next run (every few minutes); a use case that cancels or moves a
//! meeting may withdraw at once, in its own transaction, with [`withdraw_for_meeting`].

use super::messages::slot_time;
use super::{link, meetings_path, recipient, retrying, TxError, TxResult};
use crate::mail::messages::Message;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;
use tandem_core::account::Locale;
use tandem_core::events::registration::Registration;
use tandem_core::events::{EventState, MeetingState};
use tandem_core::{MeetingId, RegistrationId};
use tandem_store::meetings::Upcoming;
use tandem_store::{events, meetings, organisations, outbox, registrations, Conn, StoreResult};

/// How long before its slot a meeting's reminder is sent.
pub const LEAD_MINUTES: i64 = 15;
/// How far ahead the job queues reminders (more than the jobs' interval plus the lead, so each
/// reminder waits in the outbox before it is due).
pub const WINDOW_HOURS: i64 = 24;
/// The start of every reminder's key.
pub const KEY_PREFIX: &str = "meeting-reminder:";

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReminderReport {
    /// Reminders queued.
    pub queued: usize,
    /// Unsent reminders withdrawn because their meeting was cancelled, moved or has started.
    pub withdrawn: usize,
}

/// The key of `party`'s reminder of `meeting` as placed at `sequence`.
pub fn key(meeting: MeetingId, sequence: i32, party: RegistrationId) -> String {
    format!("{KEY_PREFIX}{meeting}:{sequence}:{party}")
}

/// Queues the reminders of the meetings starting within the window after `now` and withdraws
/// the unsent ones no meeting needs any more.
pub async fn run(app: &App, now: DateTime<Utc>) -> AppResult<ReminderReport> {
    let mut report = ReminderReport::default();
    // The unsent keys are read before the meetings: a key queued after this read (by another
    // server) is not in this list, so it cannot be mistaken for a stale one below.
    let (unsent, upcoming) = {
        let mut conn = app.db().acquire().await?;
        let unsent = outbox::unsent_keys(conn.conn(), KEY_PREFIX).await?;
        let upcoming = meetings::starting_between(conn.conn(), now, now + Duration::hours(WINDOW_HOURS)).await?;
        (unsent, upcoming)
    };
    let mut live = HashSet::new();
    for u in &upcoming {
        let m = &u.meeting;
        let keys = [key(m.id, m.sequence, m.requester_id), key(m.id, m.sequence, m.receiver_id)];
        let missing = {
            let mut conn = app.db().acquire().await?;
            !(outbox::key_exists(conn.conn(), &keys[0]).await? && outbox::key_exists(conn.conn(), &keys[1]).await?)
        };
        live.extend(keys);
        if missing {
            report.queued += retrying(|_| queue(app, u, now)).await?;
        }
    }
    let mut conn = app.db().acquire().await?;
    for stale in unsent.iter().filter(|k| !live.contains(*k)) {
        report.withdrawn += outbox::cancel_unsent(conn.conn(), stale, now).await? as usize;
    }
    Ok(report)
}

/// Queues the reminders of one meeting its parties do not have yet; returns how many.
async fn queue(app: &App, u: &Upcoming, now: DateTime<Utc>) -> TxResult<usize> {
    let mut tx = app.db().begin().await?;
    meetings::lock_participants(tx.conn(), u.meeting.requester_id, Some(u.meeting.receiver_id)).await?;
    // Read again under the lock: a meeting cancelled or moved meanwhile is left to the next run.
    let Some(m) = meetings::get(tx.conn(), u.meeting.id).await? else { return Ok(0) };
    if m.state != MeetingState::Accepted || m.slot_id != u.meeting.slot_id || m.sequence != u.meeting.sequence {
        return Ok(0);
    }
    let Some(event) = events::get(tx.conn(), m.event_id).await? else { return Ok(0) };
    if event.state != EventState::Published {
        return Ok(0);
    }
    let not_found = || TxError::App(AppError::NotFound);
    let requester = registrations::get(tx.conn(), m.requester_id).await?.ok_or_else(not_found)?;
    let receiver = registrations::get(tx.conn(), m.receiver_id).await?.ok_or_else(not_found)?;
    let send_at = (u.starts_at - Duration::minutes(LEAD_MINUTES)).max(now);
    let path = link(app, &meetings_path(event.id));
    let mut queued = 0;
    for (me, partner) in [(&requester, &receiver), (&receiver, &requester)] {
        let k = key(m.id, m.sequence, me.id);
        if outbox::key_exists(tx.conn(), &k).await? {
            continue;
        }
        let to = recipient(tx.conn(), me).await?;
        let partner = partner_label(tx.conn(), partner).await?;
        let when = slot_time(to.locale, event.timezone, u.starts_at, u.ends_at);
        let place = Place::of(m.table_number, u.stream_url.as_deref());
        let message = reminder(to.locale, &to.name, &event.name, &partner, &when, place, &path);
        outbox::enqueue_at(tx.conn(), &to.email, &message.subject, &message.body, now, send_at, &k).await?;
        queued += 1;
    }
    tx.commit().await?;
    Ok(queued)
}

/// The partner as the reminder names them: with their organisation, to find them at the venue.
async fn partner_label(conn: Conn<'_>, partner: &Registration) -> TxResult<String> {
    let org = match partner.org_id {
        Some(org) => organisations::get(conn, org).await?.map(|o| o.name),
        None => None,
    };
    Ok(match org {
        Some(org) => format!("{} ({org})", partner.display_name),
        None => partner.display_name.clone(),
    })
}

/// Withdraws the unsent reminders of `meeting` (for a use case that cancels or moves it, in
/// its transaction); returns how many.
pub async fn withdraw_for_meeting(mut conn: Conn<'_>, meeting: MeetingId, now: DateTime<Utc>) -> StoreResult<usize> {
    let mut withdrawn = 0;
    for k in outbox::unsent_keys(conn.reborrow(), &format!("{KEY_PREFIX}{meeting}:")).await? {
        withdrawn += outbox::cancel_unsent(conn.reborrow(), &k, now).await? as usize;
    }
    Ok(withdrawn)
}

/// Where a meeting takes place, as the reminder says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    /// At this table.
    Table(i32),
    /// By video, at this link (the matchmaking session's stream).
    Video(&'a str),
    /// By video; the link is on the agenda.
    VideoOnAgenda,
}

impl<'a> Place<'a> {
    /// From the meeting's table and its session's stream link.
    pub fn of(table: Option<i32>, stream_url: Option<&'a str>) -> Place<'a> {
        match (table, stream_url) {
            (Some(n), _) => Place::Table(n),
            (None, Some(url)) => Place::Video(url),
            (None, None) => Place::VideoOnAgenda,
        }
    }

    fn line(self, locale: Locale) -> String {
        match (locale, self) {
            (Locale::En, Place::Table(n)) => format!("table {n}"),
            (Locale::En, Place::Video(url)) => format!("by video: {url}"),
            (Locale::En, Place::VideoOnAgenda) => "by video (the link is on your agenda)".into(),
            (Locale::De, Place::Table(n)) => format!("Tisch {n}"),
            (Locale::De, Place::Video(url)) => format!("per Video: {url}"),
            (Locale::De, Place::VideoOnAgenda) => "per Video (den Link finden Sie in Ihrer Agenda)".into(),
        }
    }
}

/// "Your meeting with X starts soon", with its time on the venue's clock (`when`, from
/// [`slot_time`]) and its table or video link.
pub fn reminder(locale: Locale, name: &str, event: &str, partner: &str, when: &str, place: Place<'_>, link: &str) -> Message {
    let place = place.line(locale);
    match locale {
        Locale::En => Message {
            subject: format!("Reminder: meeting with {partner}, {when}"),
            body: format!(
                "Hello {name},\n\nyour meeting with {partner} at {event} starts soon.\n\nWhen: {when}\nWhere: {place}\n\n\
                 Your meetings:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Erinnerung: Treffen mit {partner}, {when}"),
            body: format!(
                "Hallo {name},\n\nIhr Treffen mit {partner} bei {event} beginnt gleich.\n\nWann: {when}\nWo: {place}\n\n\
                 Ihre Treffen:\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_the_meeting_its_placement_and_the_party() {
        let (m, r) = (MeetingId::new(), RegistrationId::new());
        assert_eq!(key(m, 3, r), format!("meeting-reminder:{m}:3:{r}"));
        assert_ne!(key(m, 3, r), key(m, 4, r));
        assert!(key(m, 3, r).starts_with(&format!("{KEY_PREFIX}{m}:")));
    }

    #[test]
    fn reminders_say_when_and_where_in_both_languages() {
        let en = reminder(Locale::En, "Ann", "Tandem 25", "Bob (Acme)", "14 Nov 2027, 10:30–11:00 GMT", Place::Table(4), "http://x");
        assert!(en.subject.contains("Bob (Acme)") && en.subject.contains("10:30"), "{en:?}");
        assert!(en.body.contains("Where: table 4") && en.body.contains("http://x"), "{en:?}");
        let de = reminder(Locale::De, "Ann", "Tandem 25", "Bob", "14.11.2027, 11:30–12:00 CET", Place::of(None, Some("https://meet.example.org/b2b")), "http://x");
        assert!(de.subject.starts_with("Erinnerung") && de.body.contains("Wo: per Video: https://meet.example.org/b2b"), "{de:?}");
        assert!(reminder(Locale::En, "A", "E", "B", "w", Place::of(None, None), "l").body.contains("link is on your agenda"));
    }
}
