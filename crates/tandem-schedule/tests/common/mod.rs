//! Small random instances for the property tests: every feature of the format (partial
//! availability, booths, caps, cap sets, modes, locked slots and tables), always valid.

#![allow(dead_code)]

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;
use tandem_schedule::{Attendance, Instance, Limit, Meeting, MeetingMode, Participant, Slot};

/// Size knobs.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub slots: usize,
    pub people: usize,
    pub meetings: usize,
    pub tables: u32,
}

/// A valid random instance.
pub fn instance(seed: u64, size: Size) -> Instance {
    let mut r = ChaCha8Rng::seed_from_u64(seed);
    let slots: Vec<Slot> = (0..size.slots).map(|i| Slot { id: format!("s{}", i + 1), ..Slot::default() }).collect();
    let mut booths: Vec<u32> = (1..=size.tables).collect();
    let mut participants = Vec::new();
    for i in 0..size.people {
        let available: Vec<String> = slots.iter().filter(|_| r.random_bool(0.75)).map(|s| s.id.clone()).collect();
        let table = if !booths.is_empty() && r.random_bool(0.15) {
            let k = r.random_range(0..booths.len());
            Some(booths.swap_remove(k))
        } else {
            None
        };
        let limits = if r.random_bool(0.2) {
            let subset: Vec<String> = slots.iter().filter(|_| r.random_bool(0.5)).map(|s| s.id.clone()).collect();
            vec![Limit { slots: subset, max: r.random_range(0..=2) }]
        } else {
            Vec::new()
        };
        participants.push(Participant {
            id: format!("p{}", i + 1),
            city: None,
            mode: if r.random_bool(0.2) { Attendance::Remote } else { Attendance::Onsite },
            available,
            max_meetings: r.random_bool(0.3).then(|| r.random_range(0..=4)),
            table,
            limits,
        });
    }
    let mut meetings = Vec::new();
    for k in 0..size.meetings {
        let a = r.random_range(0..size.people);
        let mut b = r.random_range(0..size.people - 1);
        if b >= a {
            b += 1;
        }
        let mode = match r.random_range(0..4) {
            0 => MeetingMode::Remote,
            1 => MeetingMode::Either,
            _ => MeetingMode::Onsite,
        };
        meetings.push(Meeting {
            id: format!("m{}", k + 1),
            a: participants[a].id.clone(),
            b: participants[b].id.clone(),
            priority: [0.5, 1.0, 1.0, 2.0, 3.0][r.random_range(0..5)],
            mode,
            locked_slot: None,
            locked_table: None,
        });
    }
    let mut inst = Instance { name: Some(format!("random-{seed}")), slots, tables: size.tables, participants, meetings };
    add_locks(&mut inst, &mut r);
    inst
}

/// Locks some meetings where they fit together with the locks before them.
fn add_locks(inst: &mut Instance, r: &mut ChaCha8Rng) {
    let booth_tables: HashSet<u32> = inst.participants.iter().filter_map(|p| p.table).collect();
    let general: Vec<u32> = (1..=inst.tables).filter(|t| !booth_tables.contains(t)).collect();
    let mut busy: HashSet<(String, String)> = HashSet::new();
    let mut count: std::collections::HashMap<String, u32> = Default::default();
    let mut in_limit: std::collections::HashMap<(String, usize), u32> = Default::default();
    let mut general_used: std::collections::HashMap<String, u32> = Default::default();
    let mut pinned: HashSet<(u32, String)> = HashSet::new();
    for i in 0..inst.meetings.len() {
        if !r.random_bool(0.15) {
            continue;
        }
        let m = inst.meetings[i].clone();
        let pa = inst.participants.iter().find(|p| p.id == m.a).cloned();
        let pb = inst.participants.iter().find(|p| p.id == m.b).cloned();
        let (Some(pa), Some(pb)) = (pa, pb) else { continue };
        let booth = pa.table.or(pb.table);
        let needs_general = m.mode == MeetingMode::Onsite && booth.is_none();
        let common: Vec<String> = pa.available.iter().filter(|s| pb.available.contains(s)).cloned().collect();
        let fits = |s: &String| {
            [&pa, &pb].iter().all(|p| {
                !busy.contains(&(p.id.clone(), s.clone()))
                    && count.get(&p.id).copied().unwrap_or(0) < p.max_meetings.unwrap_or(u32::MAX)
                    && p.limits.iter().enumerate().all(|(k, l)| {
                        !l.slots.contains(s) || in_limit.get(&(p.id.clone(), k)).copied().unwrap_or(0) < l.max
                    })
            }) && (!needs_general || (general_used.get(s).copied().unwrap_or(0) as usize) < general.len())
        };
        let options: Vec<String> = common.iter().filter(|s| fits(s)).cloned().collect();
        if options.is_empty() {
            continue;
        }
        let s = options[r.random_range(0..options.len())].clone();
        for p in [&pa, &pb] {
            busy.insert((p.id.clone(), s.clone()));
            *count.entry(p.id.clone()).or_default() += 1;
            for (k, l) in p.limits.iter().enumerate() {
                if l.slots.contains(&s) {
                    *in_limit.entry((p.id.clone(), k)).or_default() += 1;
                }
            }
        }
        let mut table = None;
        if m.mode != MeetingMode::Remote && r.random_bool(0.5) {
            if let Some(t) = booth {
                table = Some(t);
            } else if let Some(&t) = general.iter().find(|&&t| !pinned.contains(&(t, s.clone())))
                && (m.mode == MeetingMode::Onsite || (general_used.get(&s).copied().unwrap_or(0) as usize) < general.len())
            {
                pinned.insert((t, s.clone()));
                table = Some(t);
            }
        }
        if needs_general || (table.is_some() && booth.is_none()) {
            *general_used.entry(s.clone()).or_default() += 1;
        }
        inst.meetings[i].locked_slot = Some(s);
        inst.meetings[i].locked_table = table;
    }
}
