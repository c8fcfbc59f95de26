//! Checks a schedule against its instance: the rules of bench/sched/check.py, ported rule by
//! rule so that both agree on feasibility, score and idle gaps, plus the app's extensions
//! (per-participant `limits`, `locked_table`). The app runs it before saving any schedule, the
//! tests run it on every solution; it works on the raw instance and never panics, whatever the
//! files contain.

use crate::instance::{Instance, MeetingMode, Participant, ScheduleJson};
use crate::slots::{MAX_SLOTS, SlotSet, idle_gaps};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The verdict on a schedule, with check.py's keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// No rule is broken.
    pub feasible: bool,
    /// The first 20 broken rules.
    pub errors: Vec<String>,
    /// How many rules are broken.
    pub n_errors: usize,
    /// Meetings scheduled.
    pub scheduled: usize,
    /// Meetings requested.
    pub requested: usize,
    /// Total priority of the scheduled meetings.
    pub score: f64,
    /// Total priority of all requests.
    pub max_score: f64,
    /// Available slots without a meeting between a participant's first and last meeting, summed.
    pub idle_gaps: usize,
}

/// Checks `schedule` against `instance`.
pub fn validate(instance: &Instance, schedule: &ScheduleJson) -> Report {
    let mut errs: Vec<String> = Vec::new();
    if instance.slots.len() > MAX_SLOTS {
        errs.push(format!("{} slots, at most {MAX_SLOTS} are supported", instance.slots.len()));
    }
    let order: HashMap<&str, usize> =
        instance.slots.iter().take(MAX_SLOTS).enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let people: HashMap<&str, &Participant> = instance.participants.iter().map(|p| (p.id.as_str(), p)).collect();
    let meetings: HashMap<&str, usize> = instance.meetings.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
    let booth = |p: &Participant| p.table.filter(|&t| t > 0);
    let booth_owner: HashMap<u32, &str> =
        instance.participants.iter().filter_map(|p| booth(p).map(|t| (t, p.id.as_str()))).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut busy: HashMap<&str, SlotSet> = HashMap::new();
    let mut count: HashMap<&str, u32> = HashMap::new();
    // Participants in the order they first meet: check.py reports caps in this order.
    let mut first_seen: Vec<&Participant> = Vec::new();
    let mut tables_used: HashSet<(i64, usize)> = HashSet::new();
    let mut score = 0.0;
    for a in &schedule.assignments {
        let mid = a.meeting.as_str();
        let Some(&mi) = meetings.get(mid) else {
            errs.push(format!("unknown meeting {mid}"));
            continue;
        };
        let m = &instance.meetings[mi];
        if !seen.insert(mid) {
            errs.push(format!("meeting {mid} twice"));
            continue;
        }
        let Some(&s) = order.get(a.slot.as_str()) else {
            errs.push(format!("{mid}: unknown slot {}", a.slot));
            continue;
        };
        let (Some(&pa), Some(&pb)) = (people.get(m.a.as_str()), people.get(m.b.as_str())) else {
            errs.push(format!("{mid}: unknown participant {} or {}", m.a, m.b));
            continue;
        };
        for p in [pa, pb] {
            if !p.available.contains(&a.slot) {
                errs.push(format!("{mid}: {} not available at {}", p.id, a.slot));
            }
            let set = busy.entry(p.id.as_str()).or_default();
            if set.contains(s) {
                errs.push(format!("{mid}: {} double-booked at {}", p.id, a.slot));
            }
            set.insert(s);
            let c = count.entry(p.id.as_str()).or_default();
            if *c == 0 {
                first_seen.push(p);
            }
            *c += 1;
        }
        if let Some(locked) = &m.locked_slot
            && *locked != a.slot
        {
            errs.push(format!("{mid}: locked at {locked}, placed at {}", a.slot));
        }
        match (m.mode, a.table) {
            (MeetingMode::Remote, Some(t)) => errs.push(format!("{mid}: remote meeting given table {t}")),
            (MeetingMode::Onsite, None) => errs.push(format!("{mid}: onsite meeting without table")),
            _ => {}
        }
        if let (Some(locked), Some(t)) = (m.locked_table, a.table)
            && i64::from(locked) != t
        {
            errs.push(format!("{mid}: locked at table {locked}, placed at {t}"));
        }
        if let (Some(locked), None) = (m.locked_table, a.table) {
            errs.push(format!("{mid}: locked at table {locked}, placed without a table"));
        }
        if let Some(t) = a.table {
            if !(1..=i64::from(instance.tables)).contains(&t) {
                errs.push(format!("{mid}: bad table {t}"));
            }
            let own = u32::try_from(t).ok().and_then(|t| booth_owner.get(&t));
            if let Some(own) = own
                && *own != pa.id
                && *own != pb.id
            {
                errs.push(format!("{mid}: uses booth {t} of {own}"));
            }
            let both_booths = booth(pa).is_some() && booth(pb).is_some();
            for p in [pa, pb] {
                if let Some(b) = booth(p)
                    && i64::from(b) != t
                    && !both_booths
                {
                    errs.push(format!("{mid}: {} has booth {b} but meets at {t}", p.id));
                }
            }
            if !tables_used.insert((t, s)) {
                errs.push(format!("{mid}: table {t} double-booked at {}", a.slot));
            }
        }
        score += m.priority;
    }
    for m in &instance.meetings {
        if m.locked_slot.is_some() && !seen.contains(m.id.as_str()) {
            errs.push(format!("locked meeting {} not scheduled", m.id));
        }
    }
    let mut gaps = 0usize;
    for p in first_seen {
        let Some(&set) = busy.get(p.id.as_str()) else { continue };
        let c = count.get(p.id.as_str()).copied().unwrap_or(0);
        if let Some(mx) = p.max_meetings
            && c > mx
        {
            errs.push(format!("{}: {c} meetings > max {mx}", p.id));
        }
        for (k, limit) in p.limits.iter().enumerate() {
            let n = limit.slots.iter().filter_map(|id| order.get(id.as_str())).collect::<HashSet<_>>();
            let used = n.iter().filter(|&&&s| set.contains(s)).count();
            if used > limit.max as usize {
                errs.push(format!("{}: {used} meetings in limits[{k}] > max {}", p.id, limit.max));
            }
        }
        let mut available = SlotSet::EMPTY;
        for s in p.available.iter().filter_map(|id| order.get(id.as_str())) {
            available.insert(*s);
        }
        gaps += idle_gaps(set, available) as usize;
    }
    let n_errors = errs.len();
    errs.truncate(20);
    Report {
        feasible: n_errors == 0,
        errors: errs,
        n_errors,
        scheduled: seen.len(),
        requested: meetings.len(),
        score,
        max_score: instance.meetings.iter().map(|m| m.priority).sum(),
        idle_gaps: gaps,
    }
}
