//! An upper bound on the score: the Lagrangian relaxation of the scheduling model.
//!
//! The constraints that tie meetings together — a participant in one meeting per slot, its
//! total and per-set caps, the general tables per slot — are moved into the objective with
//! non-negative prices. What remains falls apart into one tiny problem per meeting: take the
//! slot with the best priority minus the prices of its two participants and its table, or
//! nothing if that is negative. For any prices, that relaxed value bounds every schedule's score
//! from above, so we keep the smallest one found. Prices are searched by projected subgradient
//! steps (Polyak's rule, with a good schedule's score as the target). The inner problem is
//! integral, so the best prices give the LP relaxation's value (lpbound.py), here with locked
//! meetings fixed in, which only tightens it. The final prices also tell the solver which
//! participants and slots are contested.

use crate::problem::{Problem, TableUse, WEIGHT_SCALE};
use crate::slots::SlotSet;
use std::time::Instant;

/// A meeting the relaxation decides on, packed for the inner loop (the full requests are large
/// and scattered in memory; this loop runs thousands of times over all meetings).
struct Free {
    priority: f64,
    a: u32,
    b: u32,
    general: bool,
    /// Either participant has cap sets.
    limits: bool,
}

/// The relaxation's fixed data: what locked meetings leave to the others.
struct Relaxation<'p> {
    problem: &'p Problem,
    n_slots: usize,
    /// Free meetings with the slots still open to them.
    free: Vec<Free>,
    locked_weight: f64,
    /// Cells each participant can still use: available and not taken by a locked meeting.
    open: Vec<SlotSet>,
    /// Remaining total cap per participant, if it can bind.
    max_left: Vec<Option<f64>>,
    /// Remaining cap per cap set, if it can bind.
    cap_left: Vec<Option<f64>>,
    /// Remaining general tables per slot, if they can bind.
    tables_left: Vec<Option<f64>>,
    /// Remaining general tables over all slots together, if they can bind: implied by the
    /// slots' rows, but as one price it says at once that tables are scarce everywhere, where
    /// the per-slot prices chase meetings from slot to slot.
    tables_total: Option<f64>,
}

impl<'p> Relaxation<'p> {
    fn new(problem: &'p Problem) -> Relaxation<'p> {
        let n_slots = problem.slot_count();
        let n_people = problem.people.len();
        let mut locked_busy = vec![SlotSet::EMPTY; n_people];
        let mut locked_general = vec![0usize; n_slots];
        let mut locked_weight = 0.0;
        for m in &problem.meetings {
            if let Some(lock) = m.locked {
                locked_busy[m.a as usize].insert(lock.slot);
                locked_busy[m.b as usize].insert(lock.slot);
                locked_weight += m.priority;
                if m.needs_general() {
                    locked_general[lock.slot] += 1;
                }
            }
        }
        let open: Vec<SlotSet> = (0..n_people).map(|p| problem.people[p].available.minus(locked_busy[p])).collect();
        let mut free = Vec::new();
        let mut general_demand = vec![0usize; n_slots];
        for (m, req) in problem.meetings.iter().enumerate() {
            if req.locked.is_some() {
                continue;
            }
            let allowed = req.allowed.and(open[req.a as usize]).and(open[req.b as usize]);
            if allowed.is_empty() {
                continue;
            }
            if req.table == TableUse::General {
                for s in allowed.iter() {
                    general_demand[s] += 1;
                }
            }
            let (pa, pb) = (&problem.people[req.a as usize], &problem.people[req.b as usize]);
            free.push(Free {
                priority: req.priority,
                a: req.a,
                b: req.b,
                general: req.table == TableUse::General,
                limits: pa.limits.0 != pa.limits.1 || pb.limits.0 != pb.limits.1,
            });
            let _ = m;
        }
        // The total cap is min(max_meetings, open slots) — the second part is implied by the
        // cells, but as one price per participant it captures a popular participant's
        // saturation at once, which the cell prices only find after many steps.
        let mut degree = vec![0u32; n_people];
        for f in &free {
            degree[f.a as usize] += 1;
            degree[f.b as usize] += 1;
        }
        let max_left = (0..n_people)
            .map(|p| {
                let person = &problem.people[p];
                let left = person.max.saturating_sub(locked_busy[p].len()).min(open[p].len());
                (left < degree[p]).then_some(f64::from(left))
            })
            .collect();
        let mut cap_left = vec![None; problem.limits.len()];
        for p in 0..n_people {
            let (lo, hi) = problem.people[p].limits;
            for (k, left) in cap_left.iter_mut().enumerate().take(hi as usize).skip(lo as usize) {
                let cap = problem.limits[k];
                let rest = cap.max.saturating_sub(cap.slots.and(locked_busy[p]).len());
                if rest < cap.slots.and(open[p]).len() {
                    *left = Some(f64::from(rest));
                }
            }
        }
        let general = problem.general_tables.len();
        let tables_left = (0..n_slots)
            .map(|s| {
                let left = general.saturating_sub(locked_general[s]);
                (left < general_demand[s]).then_some(left as f64)
            })
            .collect();
        let total_left: usize = (0..n_slots).map(|s| general.saturating_sub(locked_general[s])).sum();
        let total_demand = free.iter().filter(|f| f.general).count();
        let tables_total = (total_left < total_demand).then_some(total_left as f64);
        Relaxation { problem, n_slots, free, locked_weight, open, max_left, cap_left, tables_left, tables_total }
    }
}

/// The subgradient search for the smallest relaxed value, resumable: the solver runs a few
/// iterations for its prices, then lets another thread continue while it searches.
///
/// The multipliers live in one flat vector: participant-slot cells (`p * n_slots + s`), then
/// participant caps, then cap sets, then general tables per slot; a constraint that cannot bind
/// has an infinite capacity and keeps a zero price.
pub(crate) struct Lagrangian<'p> {
    rel: Relaxation<'p>,
    off_max: usize,
    off_cap: usize,
    off_table: usize,
    capacity: Vec<f64>,
    mu: Vec<f64>,
    dir: Vec<f64>,
    usage: Vec<u32>,
    price: Vec<f64>,
    /// A general table's price per slot: the slot's row plus the all-slots row.
    table_price: Vec<f64>,
    theta: f64,
    since_improved: usize,
    finished: bool,
    /// Smallest relaxed value so far.
    best: f64,
    /// Participant-slot prices (caps included) and table prices behind `best`.
    best_price: Vec<f64>,
    best_table: Vec<f64>,
    /// Iterations run.
    pub(crate) iterations: usize,
}

/// Step scale at the start; halved after [`PATIENCE`] iterations without a better bound.
const THETA_START: f64 = 1.0;
/// Steps this small no longer move the bound: stop.
const THETA_END: f64 = 1e-4;
const PATIENCE: usize = 20;
/// Share of the previous direction mixed into each step (damps the zig-zag between steps; 0.7
/// reached the LP value at 2,000 participants in 850 iterations, plain steps stalled 0.2 % above).
const DEFLECT: f64 = 0.7;

impl<'p> Lagrangian<'p> {
    pub(crate) fn new(problem: &'p Problem) -> Lagrangian<'p> {
        let rel = Relaxation::new(problem);
        let n_slots = rel.n_slots;
        let n_people = problem.people.len();
        let n_cells = n_people * n_slots;
        let off_max = n_cells;
        let off_cap = off_max + n_people;
        let off_table = off_cap + problem.limits.len();
        let off_total = off_table + n_slots;
        let n = off_total + 1;
        let mut capacity = vec![1.0; n];
        for p in 0..n_people {
            capacity[off_max + p] = rel.max_left[p].unwrap_or(f64::INFINITY);
        }
        for (k, left) in rel.cap_left.iter().enumerate() {
            capacity[off_cap + k] = left.unwrap_or(f64::INFINITY);
        }
        for (s, left) in rel.tables_left.iter().enumerate() {
            capacity[off_table + s] = left.unwrap_or(f64::INFINITY);
        }
        capacity[off_total] = rel.tables_total.unwrap_or(f64::INFINITY);
        Lagrangian {
            rel,
            off_max,
            off_cap,
            off_table,
            capacity,
            mu: vec![0.0; n],
            dir: vec![0.0; n],
            usage: vec![0; n],
            price: vec![0.0; n_cells],
            table_price: vec![0.0; n_slots],
            theta: THETA_START,
            since_improved: 0,
            finished: false,
            best: f64::INFINITY,
            best_price: vec![0.0; n_cells],
            best_table: vec![0.0; n_slots],
            iterations: 0,
        }
    }

    /// The bound: the smallest relaxed value found, rounded down to a possible score, and never
    /// more than all requests together.
    pub(crate) fn bound(&self) -> f64 {
        round_down(self.rel.problem, self.best.min(self.rel.problem.requested_priority()))
    }

    /// Participant-slot prices (`p * n_slots + s`, infinite where p cannot meet) and general
    /// table prices per slot, behind the best bound.
    pub(crate) fn prices(&self) -> (&[f64], &[f64]) {
        (&self.best_price, &self.best_table)
    }

    /// Coordinate descent on the participants' total-cap prices and the all-slots table price
    /// alone, from zero: each in turn gets the price that minimises the relaxed value with the
    /// others fixed — the (cap + 1)-th best value of its meetings after the other prices. A good
    /// start: it prices popular participants out of their lowest-priority requests at once.
    pub(crate) fn seed_caps(&mut self, sweeps: usize) {
        let problem = self.rel.problem;
        let n_people = problem.people.len();
        let off_total = self.off_table + self.rel.n_slots;
        let mut incident: Vec<Vec<(u32, f64, bool)>> = vec![Vec::new(); n_people];
        for f in &self.rel.free {
            incident[f.a as usize].push((f.b, f.priority, f.general));
            incident[f.b as usize].push((f.a, f.priority, f.general));
        }
        let mut values = Vec::new();
        // The value left for the (cap + 1)-th best, or 0 when no more than `cap` are positive.
        let threshold = |values: &mut Vec<f64>, cap: f64| {
            let cap = cap as usize;
            if values.len() > cap {
                values.select_nth_unstable_by(cap, |x, y| y.total_cmp(x));
                values[cap]
            } else {
                0.0
            }
        };
        for _ in 0..sweeps {
            for (p, partners) in incident.iter().enumerate() {
                let Some(cap) = self.rel.max_left[p] else { continue };
                values.clear();
                let table = self.mu[off_total];
                values.extend(
                    partners
                        .iter()
                        .map(|&(q, w, general)| w - self.mu[self.off_max + q as usize] - if general { table } else { 0.0 })
                        .filter(|&r| r > 0.0),
                );
                self.mu[self.off_max + p] = threshold(&mut values, cap);
            }
            if let Some(cap) = self.rel.tables_total {
                values.clear();
                let max = &self.mu[self.off_max..];
                values.extend(
                    self.rel.free.iter().filter(|f| f.general).map(|f| f.priority - max[f.a as usize] - max[f.b as usize]).filter(|&r| r > 0.0),
                );
                self.mu[off_total] = threshold(&mut values, cap);
            }
        }
    }

    /// Runs up to `iterations` more iterations. `target` is a schedule's score (a lower bound)
    /// for Polyak's step; the search stops early when the bound meets it, when steps have
    /// become useless, or at the deadline.
    pub(crate) fn run(&mut self, target: f64, iterations: usize, deadline: Instant) {
        for it in 0..iterations {
            if self.finished || (it % 4 == 0 && Instant::now() >= deadline) {
                return;
            }
            self.iterations += 1;
            let value = self.relaxed_value();
            // Only a real decrease (a millionth) counts as progress: creeping by rounding
            // noise would keep the steps from ever shrinking and the search from ending.
            let progress = value < self.best - 1e-6 * self.best.abs().clamp(1.0, 1e12);
            if value < self.best {
                self.best = value;
                self.best_price.clone_from(&self.price);
                self.best_table.copy_from_slice(&self.table_price);
            }
            if progress {
                self.since_improved = 0;
            } else {
                self.since_improved += 1;
                if self.since_improved >= PATIENCE {
                    self.theta *= 0.5;
                    self.since_improved = 0;
                }
            }
            if value <= target + 1e-9 || self.theta < THETA_END {
                self.finished = true;
                return;
            }
            self.step(value, target);
        }
    }

    /// The relaxed value at the current multipliers; leaves the inner solution's usage of each
    /// constraint in `usage`.
    fn relaxed_value(&mut self) -> f64 {
        let rel = &self.rel;
        let problem = rel.problem;
        let n_slots = rel.n_slots;
        let (off_max, off_cap, off_table) = (self.off_max, self.off_cap, self.off_table);
        let off_total = off_table + n_slots;
        compose_prices(rel, &self.mu, off_max, off_cap, &mut self.price);
        for s in 0..n_slots {
            self.table_price[s] = self.mu[off_table + s] + self.mu[off_total];
        }
        let price = &self.price;
        let table = &self.table_price;
        let usage = &mut self.usage;
        usage.iter_mut().for_each(|x| *x = 0);
        let mut value = rel.locked_weight;
        let iteration = self.iterations;
        for (index, f) in rel.free.iter().enumerate() {
            // Closed cells cost infinity, so the loop runs over every slot without a mask and
            // without branches; the best slot is looked up afterwards, only if it is taken.
            let ra = &price[f.a as usize * n_slots..][..n_slots];
            let rb = &price[f.b as usize * n_slots..][..n_slots];
            let mut best_rc = 0.0f64;
            if f.general {
                for s in 0..n_slots {
                    let rc = f.priority - ra[s] - rb[s] - table[s];
                    best_rc = if rc > best_rc { rc } else { best_rc };
                }
            } else {
                for s in 0..n_slots {
                    let rc = f.priority - ra[s] - rb[s];
                    best_rc = if rc > best_rc { rc } else { best_rc };
                }
            }
            if best_rc <= 0.0 {
                continue;
            }
            // Among equally good slots, meetings start looking at different ones: with the
            // lowest index, every tie would pile onto the first slot and the step would only
            // push the crowd to the next one.
            let offset = (index.wrapping_mul(7) + iteration) % n_slots.max(1);
            let found = (0..n_slots).map(|k| (k + offset) % n_slots).find(|&s| {
                let t = if f.general { table[s] } else { 0.0 };
                f.priority - ra[s] - rb[s] - t == best_rc
            });
            let Some(best_s) = found else { continue };
            value += best_rc;
            for p in [f.a as usize, f.b as usize] {
                usage[p * n_slots + best_s] += 1;
                usage[off_max + p] += 1;
                if f.limits {
                    let (lo, hi) = problem.people[p].limits;
                    for k in lo as usize..hi as usize {
                        if problem.limits[k].slots.contains(best_s) {
                            usage[off_cap + k] += 1;
                        }
                    }
                }
            }
            if f.general {
                usage[off_table + best_s] += 1;
                usage[off_total] += 1;
            }
        }
        for (mu, cap) in self.mu.iter().zip(&self.capacity) {
            if *mu > 0.0 {
                value += mu * cap;
            }
        }
        value
    }

    /// A deflected, projected subgradient step: components that would push a zero price below
    /// zero are dropped; mixing in the previous direction damps the zig-zag between steps.
    fn step(&mut self, value: f64, target: f64) {
        let mut norm = 0.0;
        for i in 0..self.mu.len() {
            let g = f64::from(self.usage[i]) - self.capacity[i];
            let mu = self.mu[i];
            let d = if mu <= 0.0 && g < 0.0 { 0.0 } else { g + DEFLECT * self.dir[i] };
            let d = if mu <= 0.0 && d < 0.0 { 0.0 } else { d };
            self.dir[i] = d;
            norm += d * d;
        }
        if norm <= 0.0 {
            // The inner solution is feasible: its value is optimal and equals the bound.
            self.finished = true;
            return;
        }
        let step = self.theta * (value - target).max(1e-6 * value.abs().max(1.0)) / norm;
        for (mu, d) in self.mu.iter_mut().zip(&self.dir) {
            if *d != 0.0 {
                *mu = (*mu + step * d).max(0.0);
            }
        }
    }
}

/// A participant's price in a slot: its cell price plus the prices of the caps covering it.
/// Cells a participant cannot use (unavailable, or taken by a locked meeting) cost infinity.
fn compose_prices(rel: &Relaxation<'_>, mu: &[f64], off_max: usize, off_cap: usize, price: &mut [f64]) {
    let n_slots = rel.n_slots;
    price.copy_from_slice(&mu[..price.len()]);
    for p in 0..rel.problem.people.len() {
        let row = &mut price[p * n_slots..(p + 1) * n_slots];
        for s in SlotSet::first(n_slots).minus(rel.open[p]).iter() {
            row[s] = f64::INFINITY;
        }
        let v = mu[off_max + p];
        if v > 0.0 {
            row.iter_mut().for_each(|x| *x += v);
        }
        let (lo, hi) = rel.problem.people[p].limits;
        for k in lo as usize..hi as usize {
            let z = mu[off_cap + k];
            if z > 0.0 {
                for s in rel.problem.limits[k].slots.iter() {
                    row[s] += z;
                }
            }
        }
    }
}

/// Every score is a sum of priorities, so a multiple of their greatest common divisor (in
/// thousandths): the bound can be rounded down to the next such multiple. The slack covers
/// floating-point error in the relaxed value, which could otherwise round a valid bound too far.
fn round_down(problem: &Problem, value: f64) -> f64 {
    let unit = problem.meetings.iter().fold(0i64, |g, m| gcd(g, m.weight));
    if unit <= 0 || !value.is_finite() {
        return value;
    }
    let scaled = value * WEIGHT_SCALE / unit as f64;
    let slack = 1e-7 * scaled.abs().max(1.0);
    (scaled + slack).floor() * unit as f64 / WEIGHT_SCALE
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}
