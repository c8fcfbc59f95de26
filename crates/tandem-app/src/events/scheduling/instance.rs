//! The scheduler's instance (`tandem_schedule::Instance`) built from an event's facts, and the
//! one mapping between the database's ids and the instance's: slots are `s0, s1, …` in time
//! order, participants `p0, …`, meetings `m0, …` in the facts' order. Nothing else in the app
//! makes or reads these ids.
//!
//! What goes in:
//! - slots: every meeting slot, in time order (idle gaps are counted along it);
//! - tables: the event's tables; a participant's booth is their `table`;
//! - participants: the approved ones; available in every slot they did not mark unavailable;
//!   at most as many meetings as the event's, their type's and their own caps allow
//!   (`meetings::cap_of`), and at most a session's cap within each session (`limits`);
//! - meetings: the accepted ones between two approved participants, with their mode and
//!   priority; a locked meeting keeps its slot (`locked_slot`) and table (`locked_table`).
//!
//! Locked meetings are published: they stay whatever else changed since. A cap lowered below a
//! participant's locked meetings only stops new ones (the cap is raised to the locked count), a
//! slot marked unavailable under a locked meeting stays available to it, and a locked table that
//! no longer fits the booths (a booth given out since) keeps only the slot.

use super::facts::Facts;
use crate::events::meetings::cap_of;
use std::collections::HashMap;
use tandem_core::events::{Attendance, MeetingMode};
use tandem_core::{MeetingId, RegistrationId, SessionId, SlotId};
use tandem_schedule::{Assignment, Attendance as Attends, Instance, Limit, Meeting as Request, MeetingMode as Mode, Participant, ScheduleJson, Slot};

/// Where a meeting sits: its slot and table (None: by video).
pub(crate) type Spot = (SlotId, Option<i32>);

/// The instance and the mapping of its ids.
pub(crate) struct Built {
    /// The scheduler's input.
    pub instance: Instance,
    /// The ids behind the instance's.
    pub index: Index,
}

/// The database ids behind the instance's ids (index `i` of each list is `s{i}`, `p{i}`,
/// `m{i}`).
#[derive(Default)]
pub(crate) struct Index {
    slots: Vec<SlotId>,
    slot_at: HashMap<SlotId, usize>,
    participants: Vec<RegistrationId>,
    meetings: Vec<MeetingId>,
    meeting_at: HashMap<MeetingId, usize>,
    /// Accepted meetings with someone who is no longer an approved participant: never placed.
    pub left: Vec<MeetingId>,
}

fn key(prefix: char, i: usize) -> String {
    format!("{prefix}{i}")
}

fn parse(prefix: char, key: &str) -> Option<usize> {
    key.strip_prefix(prefix)?.parse().ok()
}

impl Index {
    /// The slot behind an instance slot id.
    pub(crate) fn slot(&self, key: &str) -> Option<SlotId> {
        parse('s', key).and_then(|i| self.slots.get(i).copied())
    }

    /// The participant behind an instance participant id.
    pub(crate) fn participant(&self, key: &str) -> Option<RegistrationId> {
        parse('p', key).and_then(|i| self.participants.get(i).copied())
    }

    /// The meeting behind an instance meeting id.
    pub(crate) fn meeting(&self, key: &str) -> Option<MeetingId> {
        parse('m', key).and_then(|i| self.meetings.get(i).copied())
    }

    /// The instance's id of a meeting it has.
    pub(crate) fn meeting_key(&self, id: MeetingId) -> Option<String> {
        self.meeting_at.get(&id).map(|&i| key('m', i))
    }

    /// Whether the instance has this meeting.
    pub(crate) fn has_meeting(&self, id: MeetingId) -> bool {
        self.meeting_at.contains_key(&id)
    }

    /// An assignment in the instance's ids; None for a meeting or slot it does not have.
    fn assignment(&self, meeting: MeetingId, (slot, table): Spot) -> Option<Assignment> {
        Some(Assignment {
            meeting: key('m', *self.meeting_at.get(&meeting)?),
            slot: key('s', *self.slot_at.get(&slot)?),
            table: table.map(i64::from),
        })
    }

    /// The meeting and its spot behind an assignment; None when an id or the table is unknown.
    fn spot(&self, a: &Assignment) -> Option<(MeetingId, Spot)> {
        let table = match a.table {
            Some(t) => Some(i32::try_from(t).ok()?),
            None => None,
        };
        Some((self.meeting(&a.meeting)?, (self.slot(&a.slot)?, table)))
    }
}

impl Built {
    /// The instance for the facts.
    pub(crate) fn new(f: &Facts) -> Built {
        let mut index = Index::default();
        for (i, s) in f.slots.iter().enumerate() {
            index.slots.push(s.id);
            index.slot_at.insert(s.id, i);
        }
        let participant_at: HashMap<RegistrationId, usize> =
            f.participants.iter().enumerate().map(|(i, l)| (l.registration.id, i)).collect();
        index.participants = f.participants.iter().map(|l| l.registration.id).collect();
        let tables = u32::try_from(f.event.tables).unwrap_or(0);
        let booth_of = |r: RegistrationId| {
            f.participant(r)
                .and_then(|l| l.registration.booth_table)
                .and_then(|t| u32::try_from(t).ok())
                .filter(|t| (1..=tables).contains(t))
        };
        let booths: Vec<u32> = f.participants.iter().filter_map(|l| booth_of(l.registration.id)).collect();

        let mut meetings = Vec::new();
        // Locked meetings per participant, in all and per session: caps never evict them.
        let mut locked_total: HashMap<RegistrationId, u32> = HashMap::new();
        let mut locked_in: HashMap<(RegistrationId, SessionId), u32> = HashMap::new();
        let mut locked_at: HashMap<RegistrationId, Vec<usize>> = HashMap::new();
        for m in &f.meetings {
            if !(participant_at.contains_key(&m.requester_id) && participant_at.contains_key(&m.receiver_id)) {
                index.left.push(m.id);
                continue;
            }
            let mode = match m.mode {
                MeetingMode::Onsite => Mode::Onsite,
                MeetingMode::Remote => Mode::Remote,
                MeetingMode::Either => Mode::Either,
            };
            let lock = m.slot_id.filter(|_| m.locked).and_then(|s| index.slot_at.get(&s).map(|&i| (s, i)));
            let mut locked_table = None;
            if let Some((slot, i)) = lock {
                let session = f.slot(slot).map(|s| s.session_id);
                for p in [m.requester_id, m.receiver_id] {
                    *locked_total.entry(p).or_default() += 1;
                    if let Some(session) = session {
                        *locked_in.entry((p, session)).or_default() += 1;
                    }
                    locked_at.entry(p).or_default().push(i);
                }
                let own = [booth_of(m.requester_id), booth_of(m.receiver_id)];
                locked_table = m
                    .table_number
                    .and_then(|t| u32::try_from(t).ok())
                    .filter(|_| mode != Mode::Remote)
                    .filter(|t| (1..=tables).contains(t))
                    .filter(|t| if own.iter().any(Option::is_some) { own.contains(&Some(*t)) } else { !booths.contains(t) });
            }
            index.meeting_at.insert(m.id, index.meetings.len());
            meetings.push(Request {
                id: key('m', index.meetings.len()),
                a: key('p', participant_at[&m.requester_id]),
                b: key('p', participant_at[&m.receiver_id]),
                priority: f64::from(m.priority.clamp(1, 1_000_000)),
                mode,
                locked_slot: lock.map(|(_, i)| key('s', i)),
                locked_table,
            });
            index.meetings.push(m.id);
        }

        let capped_sessions: Vec<(SessionId, u32, Vec<String>)> = f
            .sessions
            .iter()
            .filter_map(|s| {
                let max = u32::try_from(s.max_meetings?).unwrap_or(0);
                let slots: Vec<String> = f.slots.iter().enumerate().filter(|(_, x)| x.session_id == s.id).map(|(i, _)| key('s', i)).collect();
                (!slots.is_empty()).then_some((s.id, max, slots))
            })
            .collect();
        let participants = f
            .participants
            .iter()
            .map(|l| {
                let r = &l.registration;
                let locked_here = locked_at.get(&r.id).map(Vec::as_slice).unwrap_or_default();
                let available = f
                    .slots
                    .iter()
                    .enumerate()
                    .filter(|(i, s)| !f.unavailable.contains(&(r.id, s.id)) || locked_here.contains(i))
                    .map(|(i, _)| key('s', i))
                    .collect();
                let locked = locked_total.get(&r.id).copied().unwrap_or(0);
                let max_meetings = cap_of(&f.event, r).map(|c| u32::try_from(c).unwrap_or(0).max(locked));
                let limits = capped_sessions
                    .iter()
                    .map(|(session, max, slots)| Limit {
                        slots: slots.clone(),
                        max: (*max).max(locked_in.get(&(r.id, *session)).copied().unwrap_or(0)),
                    })
                    .collect();
                Participant {
                    id: key('p', participant_at[&r.id]),
                    city: l.city_name.clone(),
                    mode: match r.attendance {
                        Attendance::Onsite => Attends::Onsite,
                        Attendance::Remote => Attends::Remote,
                    },
                    available,
                    max_meetings,
                    table: booth_of(r.id),
                    limits,
                }
            })
            .collect();

        let instance = Instance {
            name: Some(f.event.name.clone()),
            slots: f
                .slots
                .iter()
                .enumerate()
                .map(|(i, s)| Slot {
                    id: key('s', i),
                    start: Some(s.starts_at.to_rfc3339()),
                    minutes: u32::try_from((s.ends_at - s.starts_at).num_minutes()).ok(),
                })
                .collect(),
            tables,
            participants,
            meetings,
        };
        Built { instance, index }
    }

    /// A message of the scheduler's with the instance's quoted ids (`"p3"`, `"m5"`, `"s2"`)
    /// replaced by what the organiser knows: names, pairs of names, slot times.
    pub(crate) fn readable(&self, f: &Facts, message: &str) -> String {
        let meeting = |id: MeetingId| f.meetings.iter().find(|m| m.id == id);
        // Quoted text sits between every other pair of quotes: odd parts of the split.
        message
            .split('"')
            .enumerate()
            .map(|(n, part)| {
                if n % 2 == 0 {
                    return part.to_owned();
                }
                let known = if let Some(r) = self.index.participant(part) {
                    Some(f.name(r))
                } else if let Some(m) = self.index.meeting(part).and_then(meeting) {
                    Some(format!("{} – {}", f.name(m.requester_id), f.name(m.receiver_id)))
                } else {
                    self.index.slot(part).and_then(|s| f.slot(s)).map(|s| s.starts_at.with_timezone(&f.event.timezone).format("%H:%M").to_string())
                };
                known.unwrap_or_else(|| part.to_owned())
            })
            .collect::<Vec<_>>()
            .join("\"")
    }

    /// The placements as they stand in the facts, in the instance's terms (meetings it does not
    /// have are left out).
    pub(crate) fn current(&self, f: &Facts) -> ScheduleJson {
        let assignments = f
            .meetings
            .iter()
            .filter_map(|m| self.index.assignment(m.id, (m.slot_id?, m.table_number)))
            .collect();
        ScheduleJson { assignments }
    }

    /// A plan of placements in the instance's terms (meetings it does not have are left out).
    pub(crate) fn schedule_of(&self, plan: &HashMap<MeetingId, Spot>) -> ScheduleJson {
        let mut assignments: Vec<(usize, Assignment)> = plan
            .iter()
            .filter_map(|(m, spot)| Some((*self.index.meeting_at.get(m)?, self.index.assignment(*m, *spot)?)))
            .collect();
        // In the instance's order, so that reports read the same every time.
        assignments.sort_by_key(|(i, _)| *i);
        ScheduleJson { assignments: assignments.into_iter().map(|(_, a)| a).collect() }
    }

    /// The placements of a schedule in the database's ids (unknown ids are left out: the
    /// schedule was validated against this instance).
    pub(crate) fn plan_of(&self, schedule: &ScheduleJson) -> HashMap<MeetingId, Spot> {
        schedule.assignments.iter().filter_map(|a| self.index.spot(a)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_map_both_ways() {
        let mut index = Index::default();
        let (slot, meeting) = (SlotId::new(), MeetingId::new());
        index.slots.push(slot);
        index.slot_at.insert(slot, 0);
        index.meetings.push(meeting);
        index.meeting_at.insert(meeting, 0);
        let a = index.assignment(meeting, (slot, Some(3))).expect("known ids");
        assert_eq!((a.meeting.as_str(), a.slot.as_str(), a.table), ("m0", "s0", Some(3)));
        assert_eq!(index.spot(&a), Some((meeting, (slot, Some(3)))));
        assert_eq!(index.slot("s1"), None);
        assert_eq!(index.meeting("x0"), None);
        assert_eq!(index.assignment(MeetingId::new(), (slot, None)), None);
    }
}
