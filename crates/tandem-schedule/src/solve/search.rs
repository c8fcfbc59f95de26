//! Local search for the primary objective: passes of participant replanning, then ejection
//! chains and swaps for the unscheduled meetings. Changes are not committed here: the caller
//! commits or rolls back whole rounds.

use super::eject::{Chain, swap_in};
use super::greedy::Prices;
use super::replan::{Scratch, replan};
use super::state::State;
use std::time::Instant;

/// Settings and scratch of the local search.
pub(crate) struct Search<'a> {
    pub(crate) prices: &'a Prices,
    /// Orders meetings of equal priority in replanning (lower first); reshuffled by the caller.
    pub(crate) tie: Vec<u32>,
    pub(crate) scratch: Scratch,
    pub(crate) depth: u32,
    pub(crate) nodes: usize,
    pub(crate) rotate: u32,
}

impl Search<'_> {
    /// Replans every participant with an unscheduled meeting once; returns the gain, or `None`
    /// at the deadline.
    pub(crate) fn replan_pass(&mut self, state: &mut State<'_>, people: &[u32], deadline: Instant) -> Option<i64> {
        let problem = state.problem;
        let mut total = 0;
        for (i, &p) in people.iter().enumerate() {
            if i % 64 == 0 && Instant::now() >= deadline {
                return None;
            }
            let p = p as usize;
            let pending = problem.incident[p].iter().any(|&m| state.slot_of(m as usize).is_none());
            if !pending {
                continue;
            }
            let cp = state.checkpoint();
            // Equal days are taken too: the seed's tie order makes them different days, which
            // moves the search across plateaus.
            let gain = replan(state, p, &self.tie, &mut self.scratch);
            if gain >= 0 {
                total += gain;
            } else {
                state.rollback(cp);
            }
        }
        Some(total)
    }

    /// Tries chains and swaps for every meeting of `order` still unscheduled; returns the gain,
    /// or `None` at the deadline.
    pub(crate) fn insert_pass(&mut self, state: &mut State<'_>, order: &[u32], deadline: Instant) -> Option<i64> {
        let mut total = 0;
        for (i, &m) in order.iter().enumerate() {
            if i % 16 == 0 && Instant::now() >= deadline {
                return None;
            }
            let m = m as usize;
            if state.slot_of(m).is_some() {
                continue;
            }
            let before = state.score();
            let mut chain = Chain { prices: self.prices, nodes: self.nodes, rotate: self.rotate.wrapping_add(m as u32) };
            if chain.insert(state, m, self.depth) {
                total += state.score() - before;
                continue;
            }
            // Equal swaps are kept as well: the meeting swapped out may find a chain next round.
            total += swap_in(state, &mut chain, m, self.depth.saturating_sub(1), true);
        }
        Some(total)
    }
}
