//! Ejection chains: put an unscheduled meeting into a slot by moving the meetings that block it
//! (its participants' meetings in that slot, or one general-table meeting when the tables are
//! full) to other slots, recursively up to a depth, and roll back if any of them finds no place.
//!
//! Replanning one participant cannot move its partners' other meetings; a chain can, which is
//! what an unscheduled meeting between two busy participants needs.

use super::greedy::{Prices, cheapest_free_slot};
use super::state::State;
use crate::slots::SlotSet;

/// Limits of one chain search.
pub(crate) struct Chain<'a> {
    pub(crate) prices: &'a Prices,
    /// Slots tried (nodes) left for this search; bounds the cost of a hopeless search.
    pub(crate) nodes: usize,
    /// Rotates the order in which slots are tried, so different rounds try different chains.
    pub(crate) rotate: u32,
}

impl Chain<'_> {
    /// Tries to schedule unscheduled meeting m, moving blockers up to `depth` levels deep. On
    /// failure the state is as before.
    pub(crate) fn insert(&mut self, state: &mut State<'_>, m: usize, depth: u32) -> bool {
        if let Some(s) = cheapest_free_slot(state, self.prices, m) {
            state.place(m, s);
            return true;
        }
        if depth == 0 || self.nodes == 0 {
            return false;
        }
        let problem = state.problem;
        let req = &problem.meetings[m];
        let (a, b) = (req.a as usize, req.b as usize);
        if !state.has_room(a) || !state.has_room(b) {
            return false;
        }
        let open = req.allowed.minus(SlotSet(state.cap_full(a).0 | state.cap_full(b).0));
        let n = state.n_slots() as u32;
        let shift = if n == 0 { 0 } else { self.rotate % n };
        let order = open.iter().map(|s| ((s as u32 + n - shift) % n.max(1), s));
        let mut slots: [(u32, usize); 128] = [(0, 0); 128];
        let mut k = 0;
        for x in order {
            slots[k] = x;
            k += 1;
        }
        slots[..k].sort_unstable();
        for &(_, s) in &slots[..k] {
            if self.nodes == 0 {
                return false;
            }
            self.nodes -= 1;
            let blockers = [state.occupant(a, s), state.occupant(b, s)];
            if blockers.iter().flatten().any(|&x| state.locked(x)) {
                continue;
            }
            let cp = state.checkpoint();
            for x in blockers.into_iter().flatten() {
                if state.slot_of(x).is_some() {
                    state.remove(x);
                }
            }
            let mut table_blocker = None;
            if req.needs_general() && state.general_full().contains(s) {
                // Move one general-table meeting out of s: the one cheapest to move elsewhere.
                table_blocker = self.table_victim(state, s);
                match table_blocker {
                    Some(x) => {
                        state.remove(x);
                    }
                    None => {
                        state.rollback(cp);
                        continue;
                    }
                }
            }
            if !state.fits(m, s) {
                state.rollback(cp);
                continue;
            }
            state.place(m, s);
            let ok = blockers
                .into_iter()
                .flatten()
                .chain(table_blocker)
                .all(|x| state.slot_of(x).is_some() || self.insert(state, x, depth - 1));
            if ok {
                return true;
            }
            state.rollback(cp);
        }
        false
    }

    /// A general-table meeting in slot s that could move to another slot right away.
    fn table_victim(&self, state: &State<'_>, s: usize) -> Option<usize> {
        let problem = state.problem;
        state.general_at(s).iter().map(|&x| x as usize).find(|&x| {
            let req = &problem.meetings[x];
            let (qa, qb) = (req.a as usize, req.b as usize);
            !state.locked(x)
                && !req.allowed.minus(SlotSet(state.busy(qa).0 | state.busy(qb).0 | state.general_full().0)).is_empty()
        })
    }
}

/// Swaps unscheduled meeting m in for lighter blockers: for a slot, the blockers (its
/// participants' meetings there, or a full participant's lightest meeting) are taken out, m
/// goes in, and the blockers get a chain each to find new places. The first slot where the
/// score rises (or, with `allow_equal`, does not fall) is kept; returns the gain, with the state
/// rolled back when no slot gains.
pub(crate) fn swap_in(state: &mut State<'_>, chain: &mut Chain<'_>, m: usize, depth: u32, allow_equal: bool) -> i64 {
    let req = &state.problem.meetings[m];
    let before = state.score();
    let n = state.n_slots().max(1);
    let shift = chain.rotate as usize % n;
    let allowed = req.allowed;
    for k in 0..n {
        let s = (k + shift) % n;
        if !allowed.contains(s) {
            continue;
        }
        let cp = state.checkpoint();
        if try_slot(state, chain, m, s, depth) {
            let gain = state.score() - before;
            if gain > 0 || (allow_equal && gain == 0) {
                return gain;
            }
        }
        state.rollback(cp);
        if chain.nodes == 0 {
            break;
        }
    }
    0
}

/// Puts m into s by evicting whatever blocks it, then re-places the evicted meetings where
/// chains find room. False if m cannot go into s at all.
fn try_slot(state: &mut State<'_>, chain: &mut Chain<'_>, m: usize, s: usize, depth: u32) -> bool {
    let problem = state.problem;
    let req = &problem.meetings[m];
    let (a, b) = (req.a as usize, req.b as usize);
    let mut evicted: [Option<usize>; 5] = [None; 5];
    let mut k = 0;
    for p in [a, b] {
        if let Some(x) = state.occupant(p, s) {
            if state.locked(x) {
                return false;
            }
            if state.slot_of(x).is_some() {
                state.remove(x);
                evicted[k] = Some(x);
                k += 1;
            }
        }
        if !state.has_room(p) || state.cap_full(p).contains(s) {
            // Evict p's lightest meeting among those whose removal makes room for s.
            let mut lightest: Option<usize> = None;
            for t in state.busy(p).iter() {
                let Some(x) = state.occupant(p, t) else { continue };
                if state.locked(x) {
                    continue;
                }
                if lightest.is_some_and(|l| problem.meetings[x].weight >= problem.meetings[l].weight) {
                    continue;
                }
                let cp = state.checkpoint();
                state.remove(x);
                let helps = state.has_room(p) && !state.cap_full(p).contains(s);
                state.rollback(cp);
                if helps {
                    lightest = Some(x);
                }
            }
            match lightest {
                Some(x) => {
                    state.remove(x);
                    evicted[k] = Some(x);
                    k += 1;
                }
                None => return false,
            }
        }
    }
    if req.needs_general() && state.general_full().contains(s) {
        // The lightest general-table meeting in s gives up its table.
        let lightest = state
            .general_at(s)
            .iter()
            .map(|&x| x as usize)
            .filter(|&x| !state.locked(x))
            .min_by_key(|&x| (problem.meetings[x].weight, x));
        match lightest {
            Some(x) => {
                state.remove(x);
                evicted[k] = Some(x);
            }
            None => return false,
        }
    }
    if !state.fits(m, s) {
        return false;
    }
    state.place(m, s);
    for x in evicted.into_iter().flatten() {
        place_again(state, chain, x, s, depth);
    }
    true
}

/// Finds a new place for evicted meeting x (taken out of slot `from`): a chain if one exists;
/// else, with depth left, x may in turn evict lighter meetings elsewhere, kept when that gains
/// (x's priority outweighs what it evicts and cannot re-place). Left unscheduled otherwise.
fn place_again(state: &mut State<'_>, chain: &mut Chain<'_>, x: usize, from: usize, depth: u32) {
    if chain.insert(state, x, depth) || depth == 0 {
        return;
    }
    let allowed = state.problem.meetings[x].allowed;
    let before = state.score();
    for t in allowed.minus(SlotSet::single(from)).iter() {
        if chain.nodes == 0 {
            return;
        }
        chain.nodes -= 1;
        let cp = state.checkpoint();
        if try_slot(state, chain, x, t, depth - 1) && state.score() > before {
            return;
        }
        state.rollback(cp);
    }
}
