//! Fewer idle gaps without losing priority: the set of scheduled meetings stays the same, only
//! their slots change.
//!
//! Three moves: a meeting moves to a slot where both its participants are free; two meetings
//! of one participant trade slots (its own day keeps the same shape, its two partners' days
//! change); or a Kempe chain swaps two slots along a chain of meetings. A move is taken when it removes gaps, or — with the seed's coin — when it keeps
//! their number, which lets the search drift across plateaus to where the next gain is.

use super::state::State;
use crate::problem::TableUse;
use crate::slots::{SlotSet, idle_gaps};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::time::Instant;

/// Total idle gaps of the schedule.
pub(crate) fn total(state: &State<'_>) -> i64 {
    (0..state.problem.people.len()).map(|p| gaps_of(state, p, state.busy(p))).sum()
}

#[inline]
fn gaps_of(state: &State<'_>, p: usize, busy: SlotSet) -> i64 {
    i64::from(idle_gaps(busy, state.problem.people[p].available))
}

/// Gap change for p if its busy slots lose `from` and gain `to`.
#[inline]
fn delta(state: &State<'_>, p: usize, from: usize, to: usize) -> i64 {
    let busy = state.busy(p);
    let mut moved = busy;
    moved.remove(from);
    moved.insert(to);
    gaps_of(state, p, moved) - gaps_of(state, p, busy)
}

/// One pass of moves and swaps over every scheduled meeting, in `order`. Returns the number of
/// gaps removed, or `None` at the deadline.
pub(crate) fn pass(
    state: &mut State<'_>,
    order: &[u32],
    rng: &mut ChaCha8Rng,
    chain: &mut Vec<(u32, u8)>,
    deadline: Instant,
) -> Option<i64> {
    let problem = state.problem;
    let mut gained = 0;
    for (i, &m) in order.iter().enumerate() {
        if i % 256 == 0 && Instant::now() >= deadline {
            return None;
        }
        let m = m as usize;
        let Some(s) = state.slot_of(m) else { continue };
        if state.locked(m) {
            continue;
        }
        let req = &problem.meetings[m];
        let (a, b) = (req.a as usize, req.b as usize);
        let settled = gaps_of(state, a, state.busy(a)) == 0 && gaps_of(state, b, state.busy(b)) == 0;
        // Neither participant idles: a move can only keep or add gaps, and a swap that helps a
        // partner is found from that partner's meeting. Now and then such a meeting still
        // drifts, to shake up the plateau.
        if settled && !rng.random_ratio(1, 8) {
            continue;
        }
        // Moves: to any slot both are free in.
        let open = req.allowed.minus(SlotSet(state.busy(a).0 | state.busy(b).0));
        let mut best: Option<(i64, usize)> = None;
        for t in open.iter() {
            let d = delta(state, a, s, t) + delta(state, b, s, t);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, t));
            }
        }
        if let Some((d, t)) = best
            && (d < 0 || (d == 0 && rng.random_ratio(1, 4)))
        {
            let cp = state.checkpoint();
            state.remove(m);
            if state.fits(m, t) {
                state.place(m, t);
                gained -= d;
                continue;
            }
            state.rollback(cp);
        }
        // Swaps: m trades slots with another meeting of a or b.
        let mut swapped = false;
        for (p, q) in [(a, b), (b, a)] {
            if let Some(d) = best_swap(state, m, p, q, s, rng) {
                gained -= d;
                swapped = true;
                break;
            }
        }
        if swapped || settled {
            continue;
        }
        // Kempe chains: m moves to t, whoever meets its participants in t moves to s, and so on.
        for t in req.allowed.minus(SlotSet::single(s)).iter() {
            if let Some(d) = kempe(state, m, s, t, chain) {
                gained -= d;
                break;
            }
        }
    }
    Some(gained)
}

/// Longest Kempe chain tried: longer ones are rare and rarely pay.
const MAX_CHAIN: usize = 24;

/// Swaps slots s and t along the chain of meetings that starts with m (at s): every meeting
/// whose participant the chain brings into a slot moves to the other one. Inside the chain,
/// participants keep their busy slots; only its ends change, so few days need re-counting.
/// Applied when it removes gaps; returns their change.
fn kempe(state: &mut State<'_>, m: usize, s: usize, t: usize, chain: &mut Vec<(u32, u8)>) -> Option<i64> {
    let problem = state.problem;
    chain.clear();
    chain.push((m as u32, t as u8));
    let mut next = 0;
    while next < chain.len() {
        let (x, to) = chain[next];
        next += 1;
        let req = &problem.meetings[x as usize];
        let from = if to as usize == t { s } else { t };
        for p in [req.a as usize, req.b as usize] {
            let Some(y) = state.occupant(p, to as usize) else { continue };
            if chain.iter().any(|&(z, _)| z as usize == y) {
                continue;
            }
            if state.locked(y) || !problem.meetings[y].allowed.contains(from) || chain.len() >= MAX_CHAIN {
                return None;
            }
            chain.push((y as u32, from as u8));
        }
    }
    // Gap change of everyone the chain touches.
    let mut d = 0;
    let mut seen: [u32; 2 * MAX_CHAIN] = [u32::MAX; 2 * MAX_CHAIN];
    let mut n_seen = 0;
    for &(x, _) in chain.iter() {
        let req = &problem.meetings[x as usize];
        for p in [req.a, req.b] {
            if seen[..n_seen].contains(&p) {
                continue;
            }
            seen[n_seen] = p;
            n_seen += 1;
            let p = p as usize;
            let busy = state.busy(p);
            let mut moved = busy;
            for &(y, to) in chain.iter() {
                let r = &problem.meetings[y as usize];
                if r.a as usize == p || r.b as usize == p {
                    let from = if to as usize == t { s } else { t };
                    moved.remove(from);
                }
            }
            for &(y, to) in chain.iter() {
                let r = &problem.meetings[y as usize];
                if r.a as usize == p || r.b as usize == p {
                    moved.insert(to as usize);
                }
            }
            d += gaps_of(state, p, moved) - gaps_of(state, p, busy);
        }
    }
    if d >= 0 {
        return None;
    }
    let cp = state.checkpoint();
    for &(x, _) in chain.iter() {
        state.remove(x as usize);
    }
    for &(x, to) in chain.iter() {
        if !state.fits(x as usize, to as usize) {
            state.rollback(cp);
            return None;
        }
        state.place(x as usize, to as usize);
    }
    Some(d)
}

/// Tries trading m's slot s with the slot of another meeting of p (m's partner being q); applies
/// the best improving trade and returns its gap change.
fn best_swap(state: &mut State<'_>, m: usize, p: usize, q: usize, s: usize, rng: &mut ChaCha8Rng) -> Option<i64> {
    let problem = state.problem;
    let mut best: Option<(i64, usize)> = None;
    for t in state.busy(p).iter() {
        if t == s {
            continue;
        }
        let Some(x) = state.occupant(p, t) else { continue };
        if state.locked(x) || !problem.meetings[m].allowed.contains(t) || !problem.meetings[x].allowed.contains(s) {
            continue;
        }
        let xr = &problem.meetings[x];
        let r = if xr.a as usize == p { xr.b as usize } else { xr.a as usize };
        if r == q || state.busy(q).contains(t) || state.busy(r).contains(s) {
            continue;
        }
        let d = delta(state, q, s, t) + delta(state, r, t, s);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, x));
        }
    }
    let (d, x) = best?;
    if d > 0 || (d == 0 && !rng.random_ratio(1, 8)) {
        return None;
    }
    let t = state.slot_of(x)?;
    let cp = state.checkpoint();
    state.remove(m);
    state.remove(x);
    if state.fits(m, t) {
        state.place(m, t);
        if state.fits(x, s) {
            state.place(x, s);
            return Some(d);
        }
    }
    state.rollback(cp);
    None
}

/// The third objective: an 'either' meeting (no booth) in a slot whose general tables are all
/// wanted moves, when its participants are free and no gap is added, to a slot with a table
/// to spare. Returns the number moved, or `None` at the deadline (the caller rolls back).
pub(crate) fn tables_for_either(state: &mut State<'_>, deadline: Instant) -> Option<usize> {
    let problem = state.problem;
    let n_slots = state.n_slots();
    let general = problem.general_tables.len();
    let mut optional = vec![0usize; n_slots];
    let mut general_used = vec![0usize; n_slots];
    for (m, req) in problem.meetings.iter().enumerate() {
        if let Some(s) = state.slot_of(m) {
            match req.table {
                TableUse::Optional => optional[s] += 1,
                TableUse::General => general_used[s] += 1,
                _ => {}
            }
        }
    }
    let wanted = |s: usize, optional: &[usize]| general_used[s] + optional[s];
    if (0..n_slots).all(|s| wanted(s, &optional) <= general) {
        return Some(0);
    }
    let mut moved = 0;
    for (m, req) in problem.meetings.iter().enumerate() {
        if m % 256 == 0 && Instant::now() >= deadline {
            return None;
        }
        let Some(s) = state.slot_of(m) else { continue };
        if req.table != TableUse::Optional || state.locked(m) || wanted(s, &optional) <= general {
            continue;
        }
        let (a, b) = (req.a as usize, req.b as usize);
        let open = req.allowed.minus(SlotSet(state.busy(a).0 | state.busy(b).0));
        let target = open.iter().find(|&t| wanted(t, &optional) < general && delta(state, a, s, t) + delta(state, b, s, t) <= 0);
        if let Some(t) = target {
            let cp = state.checkpoint();
            state.remove(m);
            if state.fits(m, t) {
                state.place(m, t);
                optional[s] -= 1;
                optional[t] += 1;
                moved += 1;
            } else {
                state.rollback(cp);
            }
        }
    }
    Some(moved)
}
