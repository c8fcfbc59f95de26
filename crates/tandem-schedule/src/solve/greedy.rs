//! The starting schedule: meetings in order of their value under the relaxation's prices, each
//! into the free slot where its participants are least contested.
//!
//! The prices say which participant-slot pairs the best fractional schedule fights over; a
//! meeting whose priority exceeds the prices of its best slot is one the relaxation wants, and
//! putting it where prices are low leaves contested slots to the meetings that need them.

use super::state::State;
use crate::problem::TableUse;

/// Prices in the form the moves read them.
#[derive(Debug, Clone)]
pub(crate) struct Prices {
    pub(crate) n_slots: usize,
    /// Participant p in slot s: `p * n_slots + s`.
    pub(crate) cell: Vec<f64>,
    /// A general table in slot s.
    pub(crate) table: Vec<f64>,
}

impl Prices {
    /// What placing meeting m in slot s costs in prices.
    #[inline]
    pub(crate) fn cost(&self, state: &State<'_>, m: usize, s: usize) -> f64 {
        let req = &state.problem.meetings[m];
        let mut c = self.cell[req.a as usize * self.n_slots + s] + self.cell[req.b as usize * self.n_slots + s];
        if req.table == TableUse::General {
            c += self.table[s];
        }
        c
    }

    /// Priority minus the cost of the meeting's cheapest allowed slot.
    pub(crate) fn reduced_profit(&self, state: &State<'_>, m: usize) -> f64 {
        let req = &state.problem.meetings[m];
        let cheapest = req.allowed.iter().map(|s| self.cost(state, m, s)).fold(f64::INFINITY, f64::min);
        req.priority - cheapest
    }
}

/// The unlocked meetings in the order the greedy schedules them: best reduced profit first,
/// then higher priority, then fewer allowed slots; the index breaks ties so the order is
/// deterministic.
pub(crate) fn order(state: &State<'_>, prices: &Prices) -> Vec<usize> {
    let problem = state.problem;
    let mut keyed: Vec<(f64, usize)> = (0..problem.meetings.len())
        .filter(|&m| !state.locked(m))
        .map(|m| (prices.reduced_profit(state, m), m))
        .collect();
    keyed.sort_by(|x, y| {
        let (mx, my) = (&problem.meetings[x.1], &problem.meetings[y.1]);
        y.0.total_cmp(&x.0)
            .then(my.weight.cmp(&mx.weight))
            .then(mx.allowed.len().cmp(&my.allowed.len()))
            .then(x.1.cmp(&y.1))
    });
    keyed.into_iter().map(|(_, m)| m).collect()
}

/// The free slot for m with the lowest price, if any.
#[inline]
pub(crate) fn cheapest_free_slot(state: &State<'_>, prices: &Prices, m: usize) -> Option<usize> {
    let mut best = None;
    let mut best_cost = f64::INFINITY;
    for s in state.free_slots(m).iter() {
        let c = prices.cost(state, m, s);
        if c < best_cost {
            best_cost = c;
            best = Some(s);
        }
    }
    best
}

/// Places the meetings in `order` wherever they fit.
pub(crate) fn construct(state: &mut State<'_>, prices: &Prices, order: &[usize]) {
    for &m in order {
        if state.slot_of(m).is_some() {
            continue;
        }
        if let Some(s) = cheapest_free_slot(state, prices, m) {
            state.place(m, s);
        }
    }
}
