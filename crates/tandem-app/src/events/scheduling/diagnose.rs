//! Why an accepted meeting has no slot, told from the instance and the placements as they
//! stand (the scheduler itself only says which meetings it left out). The first reason that
//! holds is given, from the plainest: the two are never free at the same time; one of them has
//! all the meetings they may have; every slot both are available in is taken by their other
//! meetings; a session's cap; no table left. A meeting that would fit somewhere simply has not
//! been scheduled yet (it was accepted after the last run, or a locked meeting was freed).

use std::collections::{HashMap, HashSet};
use tandem_schedule::{Instance, MeetingMode, Participant, ScheduleJson};

/// Why a meeting is not placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// No slot in which both are available.
    NoCommonSlot,
    /// Participant `.0` (index into the instance's participants) has `.1` meetings, their cap.
    AtCap(usize, u32),
    /// Every slot both are available in holds a meeting of one of them.
    Busy,
    /// The slots left are in sessions where one of them has reached the session's cap.
    SessionCap,
    /// No table is free in the slots left.
    NoTable,
    /// It would fit: the scheduler has not placed it yet.
    Fits,
}

/// The reason for every meeting of the instance that `schedule` leaves out, by meeting id.
pub(crate) fn unplaced(instance: &Instance, schedule: &ScheduleJson) -> HashMap<String, Why> {
    let slot_at: HashMap<&str, usize> = instance.slots.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let person_at: HashMap<&str, usize> = instance.participants.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let meeting_at: HashMap<&str, usize> = instance.meetings.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    let booths: HashSet<i64> = instance.participants.iter().filter_map(|p| p.table).map(i64::from).collect();
    let general = (1..=i64::from(instance.tables)).filter(|t| !booths.contains(t)).count();

    let mut busy: Vec<HashSet<usize>> = vec![HashSet::new(); instance.participants.len()];
    let mut general_used: HashMap<usize, usize> = HashMap::new();
    let mut placed: HashSet<&str> = HashSet::new();
    for a in &schedule.assignments {
        let (Some(&m), Some(&s)) = (meeting_at.get(a.meeting.as_str()), slot_at.get(a.slot.as_str())) else { continue };
        placed.insert(a.meeting.as_str());
        let m = &instance.meetings[m];
        for p in [&m.a, &m.b].into_iter().filter_map(|id| person_at.get(id.as_str())) {
            busy[*p].insert(s);
        }
        if a.table.is_some_and(|t| !booths.contains(&t)) {
            *general_used.entry(s).or_default() += 1;
        }
    }

    let slot_set = |ids: &[String]| -> HashSet<usize> { ids.iter().filter_map(|id| slot_at.get(id.as_str()).copied()).collect() };
    let available = |p: &Participant| slot_set(&p.available);
    let limits: Vec<Vec<(HashSet<usize>, u32)>> =
        instance.participants.iter().map(|p| p.limits.iter().map(|l| (slot_set(&l.slots), l.max)).collect()).collect();
    // Whether `p` may have one more meeting in slot `s` under its caps on sets of slots.
    let under_limits = |p: usize, s: usize| {
        limits[p].iter().all(|(slots, max)| !slots.contains(&s) || (slots.intersection(&busy[p]).count() as u32) < *max)
    };

    let mut out = HashMap::new();
    for m in instance.meetings.iter().filter(|m| !placed.contains(m.id.as_str())) {
        let (Some(&a), Some(&b)) = (person_at.get(m.a.as_str()), person_at.get(m.b.as_str())) else { continue };
        let (pa, pb) = (&instance.participants[a], &instance.participants[b]);
        let common: Vec<usize> = available(pa).intersection(&available(pb)).copied().collect();
        let at_cap = [(a, pa), (b, pb)].into_iter().find_map(|(i, p)| p.max_meetings.filter(|&max| busy[i].len() as u32 >= max).map(|max| (i, max)));
        let free: Vec<usize> = common.iter().copied().filter(|s| !busy[a].contains(s) && !busy[b].contains(s)).collect();
        let capped: Vec<usize> = free.iter().copied().filter(|&s| under_limits(a, s) && under_limits(b, s)).collect();
        let needs_general = m.mode == MeetingMode::Onsite && pa.table.is_none() && pb.table.is_none();
        let why = if common.is_empty() {
            Why::NoCommonSlot
        } else if let Some((i, max)) = at_cap {
            Why::AtCap(i, max)
        } else if free.is_empty() {
            Why::Busy
        } else if capped.is_empty() {
            Why::SessionCap
        } else if needs_general && capped.iter().all(|s| general_used.get(s).copied().unwrap_or(0) >= general) {
            Why::NoTable
        } else {
            Why::Fits
        };
        out.insert(m.id.clone(), why);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_schedule::{Assignment, Limit, Meeting, Slot};

    fn person(id: &str, available: &[&str]) -> Participant {
        Participant { id: id.into(), available: available.iter().map(|s| (*s).into()).collect(), ..Participant::default() }
    }

    fn meeting(id: &str, a: &str, b: &str) -> Meeting {
        Meeting { id: id.into(), a: a.into(), b: b.into(), ..Meeting::default() }
    }

    fn at(meeting: &str, slot: &str, table: Option<i64>) -> Assignment {
        Assignment { meeting: meeting.into(), slot: slot.into(), table }
    }

    fn instance(tables: u32, participants: Vec<Participant>, meetings: Vec<Meeting>) -> Instance {
        Instance { name: None, slots: ["s0", "s1"].map(|id| Slot { id: id.into(), ..Slot::default() }).to_vec(), tables, participants, meetings }
    }

    #[test]
    fn each_reason_in_turn() {
        let mut capped = person("p2", &["s0", "s1"]);
        capped.max_meetings = Some(1);
        let inst = instance(
            1,
            vec![person("p0", &["s0"]), person("p1", &["s1"]), capped, person("p3", &["s0", "s1"]), person("p4", &["s0", "s1"])],
            vec![meeting("m0", "p0", "p1"), meeting("m1", "p2", "p3"), meeting("m2", "p2", "p4"), meeting("m3", "p3", "p4")],
        );
        let schedule = ScheduleJson { assignments: vec![at("m1", "s0", Some(1))] };
        let why = unplaced(&inst, &schedule);
        assert_eq!(why["m0"], Why::NoCommonSlot);
        assert_eq!(why["m2"], Why::AtCap(2, 1));
        assert_eq!(why["m3"], Why::Fits, "p3 is free in s1 and table 1 is free there");
        assert!(!why.contains_key("m1"));

        let schedule = ScheduleJson { assignments: vec![at("m1", "s0", Some(1)), at("m0x", "s1", Some(1))] };
        assert_eq!(unplaced(&inst, &schedule)["m3"], Why::Fits, "unknown meetings are ignored");
    }

    #[test]
    fn busy_session_cap_and_tables() {
        let mut a = person("p0", &["s0", "s1"]);
        a.limits = vec![Limit { slots: vec!["s0".into(), "s1".into()], max: 1 }];
        let people = vec![a, person("p1", &["s0", "s1"]), person("p2", &["s0", "s1"]), person("p3", &["s0", "s1"])];
        let meetings = vec![meeting("m0", "p0", "p1"), meeting("m1", "p0", "p2"), meeting("m2", "p2", "p3"), meeting("m3", "p1", "p3")];
        let inst = instance(1, people, meetings);

        let why = unplaced(&inst, &ScheduleJson { assignments: vec![at("m0", "s0", Some(1))] });
        assert_eq!(why["m1"], Why::SessionCap, "p0 may have one meeting in the session");
        assert_eq!((why["m2"], why["m3"]), (Why::Fits, Why::Fits), "the table is free in s1");

        let why = unplaced(&inst, &ScheduleJson { assignments: vec![at("m0", "s0", Some(1)), at("m3", "s1", None)] });
        assert_eq!(why["m2"], Why::NoTable, "p3 is busy in s1 and the only table is taken in s0");

        let why = unplaced(&inst, &ScheduleJson { assignments: vec![at("m0", "s0", Some(1)), at("m2", "s1", Some(1))] });
        assert_eq!(why["m3"], Why::Busy, "p1 meets in s0, p3 in s1");
    }
}
