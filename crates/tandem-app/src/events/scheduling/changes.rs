//! What a scheduler run changes, and — once an agenda is published — the emails that tell each
//! participant concerned: one per participant per run, listing every meeting of theirs that was
//! put on the agenda, moved (slot or table) or taken off it.

use super::facts::Facts;
use super::instance::{Built, Spot};
use super::messages::{self, Line, Place};
use super::my_agenda_path;
use crate::events::access::{link, recipient};
use crate::partnering::notify;
use crate::{App, AppResult};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use tandem_core::events::meeting::Meeting;
use tandem_core::{MeetingId, RegistrationId};
use tandem_store::Conn;

/// One meeting whose place a run changes.
#[derive(Debug, Clone)]
pub(crate) struct Change {
    /// The meeting as it was.
    pub meeting: Meeting,
    /// Where it was (None: not placed).
    pub from: Option<Spot>,
    /// Where it goes (None: taken off the agenda).
    pub to: Option<Spot>,
    /// One of the two no longer takes part: the meeting only gives its place back.
    pub left: bool,
}

/// The meetings whose place differs between the facts and `target` (by meeting; meetings of the
/// instance missing from it are unplaced, meetings not in the instance lose their place).
pub(crate) fn diff(f: &Facts, built: &Built, target: &HashMap<MeetingId, Spot>) -> Vec<Change> {
    f.meetings
        .iter()
        .filter_map(|m| {
            let from = m.slot_id.map(|s| (s, m.table_number));
            let in_instance = built.index.has_meeting(m.id);
            let to = if in_instance { target.get(&m.id).copied() } else { None };
            (from != to).then(|| Change { meeting: m.clone(), from, to, left: !in_instance })
        })
        .collect()
}

fn place(f: &Facts, (slot, table): Spot) -> Option<Place> {
    let s = f.slot(slot)?;
    Some(Place { starts_at: s.starts_at, ends_at: s.ends_at, table })
}

/// Each participant's lines about the changes, in the participants' order.
fn lines_by_participant(f: &Facts, changes: &[Change]) -> Vec<(RegistrationId, Vec<Line>)> {
    let mut by: HashMap<RegistrationId, Vec<Line>> = HashMap::new();
    for c in changes.iter().filter(|c| !c.left) {
        let m = &c.meeting;
        for (me, other) in [(m.requester_id, m.receiver_id), (m.receiver_id, m.requester_id)] {
            let partner = f.name(other);
            let line = match (c.from.and_then(|s| place(f, s)), c.to.and_then(|s| place(f, s))) {
                (None, Some(at)) => Line::Meeting { partner, at },
                (Some(from), Some(to)) => Line::Moved { partner, from, to },
                (Some(from), None) => Line::Removed { partner, from },
                (None, None) => continue,
            };
            by.entry(me).or_default().push(line);
        }
    }
    f.participants
        .iter()
        .filter_map(|l| {
            let mut lines = by.remove(&l.registration.id)?;
            lines.sort_by_key(Line::starts_at);
            Some((l.registration.id, lines))
        })
        .collect()
}

/// Emails every participant with a changed meeting the list of their changes, in the caller's
/// transaction; returns how many were emailed.
pub(crate) async fn notify_changes(mut conn: Conn<'_>, app: &App, f: &Facts, changes: &[Change], now: DateTime<Utc>) -> AppResult<usize> {
    let path = link(app, &my_agenda_path(f.event.id));
    let mut emailed = 0;
    for (who, lines) in lines_by_participant(f, changes) {
        let Some(l) = f.participant(who) else { continue };
        let to = recipient(conn.reborrow(), &l.registration).await?;
        notify(conn.reborrow(), &[to], now, |locale, name| messages::changed(locale, name, &f.event.name, f.event.timezone, &lines, &path)).await?;
        emailed += 1;
    }
    Ok(emailed)
}
