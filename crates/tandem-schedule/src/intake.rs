//! Checks an [`Instance`] and indexes it into a [`Problem`]. Every issue names the field's JSON
//! path and value and says how to fix it, because the organiser fixes the file (or the event's
//! settings) from this message alone.

use crate::error::{InstanceError, Issues};
use crate::instance::{Instance, MeetingMode};
use crate::problem::{CapSet, Locked, MAX_PRIORITY, Person, Problem, Request, TableUse, WEIGHT_SCALE};
use crate::slots::{MAX_SLOTS, SlotSet};
use std::collections::HashMap;

/// The most tables an instance may have: far beyond any venue, low enough for per-table arrays.
pub const MAX_TABLES: u32 = 1_000_000;

impl Problem {
    /// Checks the instance and indexes it. Fails with every issue found: unknown or duplicate
    /// ids, booths out of range or with two owners, bad priorities, and locked meetings that
    /// cannot all stay where they are.
    pub fn from_instance(inst: &Instance) -> Result<Problem, InstanceError> {
        let mut issues = Issues::default();
        let slots = index_slots(inst, &mut issues);
        let (people, limits, by_id) = index_people(inst, &slots, &mut issues);
        let meetings = index_meetings(inst, &slots, &people, &by_id, &mut issues);
        if inst.tables > MAX_TABLES {
            issues.push("tables", format!("{} tables, but at most {MAX_TABLES} are supported", inst.tables));
        }
        let tables = inst.tables.min(MAX_TABLES);
        let mut is_booth = vec![false; tables as usize + 1];
        for t in people.iter().filter_map(|p| p.booth) {
            if let Some(b) = is_booth.get_mut(t as usize) {
                *b = true;
            }
        }
        let general_tables = (1..=tables).filter(|&t| !is_booth[t as usize]).collect::<Vec<_>>();
        let mut incident = vec![Vec::new(); people.len()];
        for (m, req) in meetings.iter().enumerate() {
            incident[req.a as usize].push(m as u32);
            incident[req.b as usize].push(m as u32);
        }
        let problem = Problem {
            name: inst.name.clone(),
            slot_ids: inst.slots.iter().map(|s| s.id.clone()).collect(),
            tables: inst.tables,
            general_tables,
            people,
            limits,
            meetings,
            incident,
        };
        // Locked meetings are only checked together once each one is valid on its own: a
        // conflict report about a meeting with an unknown participant would only confuse.
        if issues.is_empty() {
            check_locked_together(&problem, inst, &mut issues);
        }
        issues.into_result().map(|()| problem)
    }
}

fn index_slots(inst: &Instance, issues: &mut Issues) -> HashMap<String, usize> {
    let mut slots = HashMap::new();
    if inst.slots.len() > MAX_SLOTS {
        issues.push(
            "slots",
            format!("{} slots, but at most {MAX_SLOTS} are supported — schedule each day as its own event", inst.slots.len()),
        );
    }
    for (i, slot) in inst.slots.iter().enumerate() {
        let path = format!("slots[{i}].id");
        if slot.id.is_empty() {
            issues.push(path, "empty slot id — give every slot a unique id such as \"s1\"");
        } else if let Some(first) = slots.insert(slot.id.clone(), i) {
            issues.push(path, format!("duplicate slot id {:?} (also slots[{first}]) — slot ids must be unique", slot.id));
            slots.insert(slot.id.clone(), first);
        }
    }
    // Slot indices past the supported range cannot be represented; the issue above stops here.
    slots.retain(|_, i| *i < MAX_SLOTS);
    slots
}

type PeopleIndex = (Vec<Person>, Vec<CapSet>, HashMap<String, usize>);

fn slot_set(
    ids: &[String],
    slots: &HashMap<String, usize>,
    path: &str,
    issues: &mut Issues,
) -> SlotSet {
    let mut set = SlotSet::EMPTY;
    for (k, id) in ids.iter().enumerate() {
        match slots.get(id) {
            Some(&s) => set.insert(s),
            None => issues.push(
                format!("{path}[{k}]"),
                format!("unknown slot {id:?} — use the ids listed under \"slots\""),
            ),
        }
    }
    set
}

fn index_people(inst: &Instance, slots: &HashMap<String, usize>, issues: &mut Issues) -> PeopleIndex {
    let mut people = Vec::with_capacity(inst.participants.len());
    let mut limits = Vec::new();
    let mut by_id = HashMap::with_capacity(inst.participants.len());
    let mut booth_owner: HashMap<u32, usize> = HashMap::new();
    for (i, p) in inst.participants.iter().enumerate() {
        let path = format!("participants[{i}]");
        if p.id.is_empty() {
            issues.push(format!("{path}.id"), "empty participant id — give every participant a unique id");
        } else if let Some(first) = by_id.insert(p.id.clone(), i) {
            issues.push(
                format!("{path}.id"),
                format!("duplicate participant id {:?} (also participants[{first}]) — participant ids must be unique", p.id),
            );
            by_id.insert(p.id.clone(), first);
        }
        let available = slot_set(&p.available, slots, &format!("{path}.available"), issues);
        let mut booth = None;
        if let Some(t) = p.table {
            if t == 0 || t > inst.tables {
                issues.push(
                    format!("{path}.table"),
                    format!("booth {t} is out of range — tables are numbered 1..{} (\"tables\": {})", inst.tables, inst.tables),
                );
            } else if let Some(&owner) = booth_owner.get(&t) {
                issues.push(
                    format!("{path}.table"),
                    format!(
                        "booth {t} already belongs to {:?} (participants[{owner}]) — each booth has one owner",
                        inst.participants[owner].id
                    ),
                );
            } else {
                booth_owner.insert(t, i);
                booth = Some(t);
            }
        }
        let lo = limits.len() as u32;
        for (k, limit) in p.limits.iter().enumerate() {
            let lpath = format!("{path}.limits[{k}]");
            let set = slot_set(&limit.slots, slots, &format!("{lpath}.slots"), issues);
            limits.push(CapSet { slots: set.and(available), max: limit.max });
        }
        people.push(Person {
            id: p.id.clone(),
            available,
            max: p.max_meetings.unwrap_or(u32::MAX),
            booth,
            limits: (lo, limits.len() as u32),
        });
    }
    (people, limits, by_id)
}

fn index_meetings(
    inst: &Instance,
    slots: &HashMap<String, usize>,
    people: &[Person],
    by_id: &HashMap<String, usize>,
    issues: &mut Issues,
) -> Vec<Request> {
    let mut meetings = Vec::with_capacity(inst.meetings.len());
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(inst.meetings.len());
    for (i, m) in inst.meetings.iter().enumerate() {
        let path = format!("meetings[{i}]");
        if m.id.is_empty() {
            issues.push(format!("{path}.id"), "empty meeting id — give every meeting a unique id");
        } else if let Some(first) = seen.insert(&m.id, i) {
            issues.push(
                format!("{path}.id"),
                format!("duplicate meeting id {:?} (also meetings[{first}]) — meeting ids must be unique", m.id),
            );
            seen.insert(&m.id, first);
        }
        let mut side = |field: &str, id: &str| match by_id.get(id) {
            Some(&p) => Some(p),
            None => {
                issues.push(
                    format!("{path}.{field}"),
                    format!("unknown participant {id:?} — every meeting must name two participants listed under \"participants\""),
                );
                None
            }
        };
        let (a, b) = (side("a", &m.a), side("b", &m.b));
        if !(m.priority.is_finite() && m.priority >= 1.0 / WEIGHT_SCALE && m.priority <= MAX_PRIORITY) {
            issues.push(
                format!("{path}.priority"),
                format!(
                    "priority {} is out of range — use a number from 0.001 to {MAX_PRIORITY} (default 1)",
                    m.priority
                ),
            );
        }
        let (Some(a), Some(b)) = (a, b) else { continue };
        if a == b {
            issues.push(
                format!("{path}.b"),
                format!("{:?} would meet itself — a meeting needs two different participants", m.b),
            );
            continue;
        }
        let (pa, pb) = (&people[a], &people[b]);
        let mut allowed = pa.available.and(pb.available);
        let mut locked = None;
        if let Some(slot_id) = &m.locked_slot {
            match slots.get(slot_id) {
                None => issues.push(
                    format!("{path}.locked_slot"),
                    format!("unknown slot {slot_id:?} — use the ids listed under \"slots\""),
                ),
                Some(&s) => {
                    for (who, p) in [(&m.a, pa), (&m.b, pb)] {
                        if !p.available.contains(s) {
                            issues.push(
                                format!("{path}.locked_slot"),
                                format!(
                                    "locked in slot {slot_id:?}, but {who:?} is not available then — add the slot to its \"available\" list or unlock the meeting"
                                ),
                            );
                        }
                    }
                    allowed = SlotSet::single(s);
                    locked = Some(Locked { slot: s, table: None });
                }
            }
        }
        let booth = pa.booth.or(pb.booth);
        let mut table = match (m.mode, booth) {
            (MeetingMode::Remote, _) => TableUse::None,
            // A booth is never shared, so a meeting with its owner finds it free: 'either'
            // meetings with a booth owner always get the booth.
            (MeetingMode::Onsite | MeetingMode::Either, Some(t)) => TableUse::Booth(t),
            (MeetingMode::Onsite, None) => TableUse::General,
            (MeetingMode::Either, None) => TableUse::Optional,
        };
        if let Some(t) = m.locked_table {
            let tpath = format!("{path}.locked_table");
            match (&mut locked, m.mode) {
                (None, _) => {
                    if m.locked_slot.is_none() {
                        issues.push(tpath, format!("table {t} is locked but the slot is not — lock the slot too (\"locked_slot\")"));
                    }
                }
                (Some(_), MeetingMode::Remote) => {
                    issues.push(tpath, format!("table {t} is locked for a remote meeting — remote meetings take no table"));
                }
                (Some(lock), _) => {
                    let own = [pa.booth, pb.booth];
                    if t == 0 || t > inst.tables {
                        issues.push(tpath, format!("table {t} is out of range — tables are numbered 1..{}", inst.tables));
                    } else if booth.is_some() {
                        if own.contains(&Some(t)) {
                            table = TableUse::Booth(t);
                            lock.table = Some(t);
                        } else {
                            issues.push(
                                tpath,
                                format!("table {t} is not the booth of {:?} or {:?} — a booth owner meets at its booth", m.a, m.b),
                            );
                        }
                    } else if let Some(owner) = people.iter().find(|p| p.booth == Some(t)) {
                        issues.push(
                            tpath,
                            format!("table {t} is the booth of {:?} — only its owner meets there; pick a general table", owner.id),
                        );
                    } else {
                        table = TableUse::General;
                        lock.table = Some(t);
                    }
                }
            }
        }
        meetings.push(Request {
            id: m.id.clone(),
            a: a as u32,
            b: b as u32,
            priority: m.priority,
            weight: (m.priority * WEIGHT_SCALE).round() as i64,
            mode: m.mode,
            table,
            allowed,
            locked,
        });
    }
    meetings
}

/// Locked meetings stay where they are, so together they must be a feasible schedule: nobody
/// in two of them at once, caps and general tables not exceeded, no table locked twice.
fn check_locked_together(problem: &Problem, inst: &Instance, issues: &mut Issues) {
    let n_slots = problem.slot_count();
    let mut at: HashMap<(u32, usize), usize> = HashMap::new();
    let mut locked_slots = vec![SlotSet::EMPTY; problem.people.len()];
    let mut general = vec![0usize; n_slots];
    let mut pinned: HashMap<(u32, usize), usize> = HashMap::new();
    for (i, m) in problem.meetings.iter().enumerate() {
        let Some(lock) = m.locked else { continue };
        let path = format!("meetings[{i}].locked_slot");
        let slot = &problem.slot_ids[lock.slot];
        for p in [m.a, m.b] {
            locked_slots[p as usize].insert(lock.slot);
            if let Some(other) = at.insert((p, lock.slot), i) {
                issues.push(
                    path.clone(),
                    format!(
                        "{:?} is locked in two meetings in slot {slot:?} ({:?} and {:?}) — unlock one of them",
                        problem.people[p as usize].id, inst.meetings[other].id, m.id
                    ),
                );
            }
        }
        if m.needs_general() {
            general[lock.slot] += 1;
        }
        if let Some(t) = lock.table
            && let Some(other) = pinned.insert((t, lock.slot), i)
        {
            issues.push(
                format!("meetings[{i}].locked_table"),
                format!(
                    "table {t} is locked for two meetings in slot {slot:?} ({:?} and {:?}) — move one of them",
                    inst.meetings[other].id, m.id
                ),
            );
        }
    }
    for (p, person) in problem.people.iter().enumerate() {
        let count = locked_slots[p].len();
        if count > person.max {
            issues.push(
                format!("participants[{p}].max_meetings"),
                format!(
                    "{:?} has {count} locked meetings but max_meetings {} — raise the cap or unlock meetings",
                    person.id, person.max
                ),
            );
        }
        for (k, cap) in problem.caps_of(p).iter().enumerate() {
            let locked = locked_slots[p].and(cap.slots).len();
            if locked > cap.max {
                issues.push(
                    format!("participants[{p}].limits[{k}].max"),
                    format!(
                        "{:?} has {locked} locked meetings in these slots but the limit is {} — raise it or unlock meetings",
                        person.id, cap.max
                    ),
                );
            }
        }
    }
    for (s, &n) in general.iter().enumerate() {
        if n > problem.general_tables.len() {
            issues.push(
                "tables",
                format!(
                    "{n} locked onsite meetings in slot {:?} but only {} tables that are nobody's booth — add tables or unlock meetings",
                    problem.slot_ids[s],
                    problem.general_tables.len()
                ),
            );
        }
    }
}
