//! Re-plans one participant's whole day with everyone else's meetings fixed.
//!
//! With the others fixed, each of p's meetings can go into the slots where its partner is free
//! (and the table and caps allow), and p meets once per slot: a bipartite matching between p's
//! meetings and p's slots in which a meeting's value does not depend on its slot. Such
//! vertex-weighted matchings form a matroid, so the greedy is exact: take the meetings by
//! decreasing priority and keep each one for which an augmenting path (moving already kept
//! meetings to other slots) finds room, until p's cap is reached. Slots are few, so a path
//! search is a breadth-first search over at most 128 slots with bit masks.
//!
//! This is the neighbourhood that swaps a popular participant's low-priority meetings for
//! higher ones and moves its meetings to where their partners are free.

use super::state::{NONE, State};
use crate::slots::SlotSet;

/// Scratch space reused across calls.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    cands: Vec<(u32, SlotSet)>,
    slot_owner: Vec<u32>,
    pred: Vec<u32>,
    queue: Vec<u32>,
    cand_slot: Vec<u32>,
}

/// Re-plans participant p; returns the weight gained (may be negative or zero). The changes stay
/// in the state: the caller commits or rolls back to its checkpoint. `tie[m]` orders meetings of
/// equal priority (lower first).
pub(crate) fn replan(state: &mut State<'_>, p: usize, tie: &[u32], scratch: &mut Scratch) -> i64 {
    let problem = state.problem;
    let n_slots = state.n_slots();
    let before = state.score();
    for &m in &problem.incident[p] {
        let m = m as usize;
        if state.slot_of(m).is_some() && !state.locked(m) {
            state.remove(m);
        }
    }
    let person = &problem.people[p];
    let room = person.max.saturating_sub(state.count(p)) as usize;
    if room == 0 {
        return state.score() - before;
    }
    scratch.cands.clear();
    for &m in &problem.incident[p] {
        let mu = m as usize;
        if state.slot_of(mu).is_none() && !state.locked(mu) {
            let free = state.free_slots(mu);
            if !free.is_empty() {
                scratch.cands.push((m, free));
            }
        }
    }
    scratch.cands.sort_unstable_by(|x, y| {
        let (wx, wy) = (problem.meetings[x.0 as usize].weight, problem.meetings[y.0 as usize].weight);
        wy.cmp(&wx).then(tie[x.0 as usize].cmp(&tie[y.0 as usize])).then(x.0.cmp(&y.0))
    });
    scratch.slot_owner.clear();
    scratch.slot_owner.resize(n_slots, NONE);
    scratch.pred.clear();
    scratch.pred.resize(n_slots, NONE);
    scratch.cand_slot.clear();
    scratch.cand_slot.resize(scratch.cands.len(), NONE);
    let locked_busy = state.busy(p);
    let caps = problem.caps_of(p);
    let mut used = SlotSet::EMPTY;
    let mut matched = 0usize;
    for i in 0..scratch.cands.len() {
        if matched == room {
            break;
        }
        // Terminal slots: unused, and not in a cap set that is already full.
        let taken = SlotSet(used.0 | locked_busy.0);
        let mut closed = SlotSet::EMPTY;
        for cap in caps {
            if cap.slots.and(taken).len() >= cap.max {
                closed = SlotSet(closed.0 | cap.slots.0);
            }
        }
        if let Some(end) = augmenting_path(i, used, closed, scratch) {
            // Shift along the path: each slot goes to the candidate that reached it.
            let mut s = end;
            loop {
                let c = scratch.pred[s] as usize;
                let prev = scratch.cand_slot[c];
                scratch.cand_slot[c] = s as u32;
                scratch.slot_owner[s] = c as u32;
                if prev == NONE {
                    break;
                }
                s = prev as usize;
            }
            used.insert(end);
            matched += 1;
        }
    }
    for (c, &(m, _)) in scratch.cands.iter().enumerate() {
        let s = scratch.cand_slot[c];
        if s != NONE && state.fits(m as usize, s as usize) {
            state.place(m as usize, s as usize);
        }
    }
    state.score() - before
}

/// Breadth-first search from candidate `start` for a slot outside `used` and `closed`, moving
/// matched candidates along the way; returns that slot, with `pred` describing the path.
fn augmenting_path(start: usize, used: SlotSet, closed: SlotSet, scratch: &mut Scratch) -> Option<usize> {
    scratch.queue.clear();
    scratch.queue.push(start as u32);
    let mut visited = SlotSet::EMPTY;
    let mut head = 0;
    while head < scratch.queue.len() {
        let c = scratch.queue[head] as usize;
        head += 1;
        let reach = scratch.cands[c].1.minus(visited);
        for s in reach.iter() {
            visited.insert(s);
            scratch.pred[s] = c as u32;
            if !used.contains(s) {
                if !closed.contains(s) {
                    return Some(s);
                }
            } else {
                scratch.queue.push(scratch.slot_owner[s]);
            }
        }
    }
    None
}
