//! The solver.
//!
//! 1. A greedy schedule by priority gives the relaxation a target. Three sweeps of coordinate
//!    descent on the participants' total-cap prices (`bound.rs`) give a first bound and prices
//!    that say which participants are contested.
//! 2. The greedy again, guided by the prices, is the starting schedule.
//! 3. A second thread runs the subgradient search for the bound, then a second search from the
//!    same start with its own seed; the better schedule wins. The search works in rounds: every
//!    participant with an unscheduled meeting has its day replanned (exact, see `replan.rs`),
//!    then every unscheduled meeting tries ejection chains and swaps (`eject.rs`). Moves that
//!    keep the score are taken too, with ties broken by the seed, so the search keeps moving on
//!    plateaus; it stops after rounds without gain.
//! 4. With the meetings fixed, rounds of moves, swaps and Kempe chains remove idle gaps, then
//!    'either' meetings move to slots with a table to spare (`gaps.rs`).
//! 5. Tables are numbered (`tables.rs`).
//!
//! Rounds are atomic: the deadline cuts a round off and rolls it back, so the result is the
//! state after the last complete round, and the same seed with enough time (the search ends
//! after rounds without gain) always gives the same schedule.

mod eject;
mod gaps;
mod greedy;
mod replan;
mod search;
mod state;
mod tables;

use crate::bound::Lagrangian;
use crate::instance::{Assignment, MeetingMode};
use crate::problem::{Problem, WEIGHT_SCALE};
use crate::slots::idle_gaps;
use crate::solution::{Solution, Stats};
use greedy::Prices;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use state::State;
use std::time::{Duration, Instant};

/// How long to search and with which random choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Wall-time limit for the whole solve, bound included.
    pub time_limit: Duration,
    /// Seed of the randomised search: the same seed and enough time give the same schedule.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { time_limit: Duration::from_secs(2), seed: 0 }
    }
}

/// Mixed into the seed for the second thread's search.
const SECOND_SEED: u64 = 0x9E37_79B9_7F4A_7C15;
/// Coordinate-descent sweeps over the participants' total-cap prices for the search's prices.
const SEED_SWEEPS: usize = 3;
/// Most subgradient iterations in all (the bound usually stops earlier, its steps used up).
const MAX_ITERATIONS: usize = 3000;
/// Primary rounds without a better score before the search moves on to idle gaps.
const STALL_ROUNDS: usize = 40;
/// Rounds without gain after which chains go one level deeper (at most three).
const DEEPEN_AFTER: usize = 10;
/// Slots a chain may try at depth 1 (four times as many per extra level).
const CHAIN_NODES: usize = 20;
/// Gap rounds without fewer gaps before the search ends.
const GAP_STALL_ROUNDS: usize = 8;
/// Share of the time limit the primary search may use when it keeps improving; the rest is for
/// the idle gaps.
const PRIMARY_SHARE: f64 = 0.75;

/// Schedules the problem's meetings within `options.time_limit`.
pub fn solve(problem: &Problem, options: &Options) -> Solution {
    let start = Instant::now();
    let limit = options.time_limit;
    // Numbering tables and writing the answer take a few milliseconds at the end.
    let deadline = start + limit.saturating_sub((limit / 20).min(Duration::from_millis(50)));
    let primary_deadline = start + limit.mul_f64(PRIMARY_SHARE);
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let n_slots = problem.slot_count();

    let empty = State::new(problem);
    let zero = Prices { n_slots, cell: vec![0.0; problem.people.len() * n_slots], table: vec![0.0; n_slots] };
    let mut first = empty.clone();
    let order = greedy::order(&first, &zero);
    greedy::construct(&mut first, &zero, &order);
    let target = first.score() as f64 / WEIGHT_SCALE;
    // Prices for the search, and a first bound, from the participants' total caps alone.
    let mut seeded = Lagrangian::new(problem);
    seeded.seed_caps(SEED_SWEEPS);
    seeded.run(target, 1, deadline);
    let warm_bound = seeded.bound();
    let (cell, table) = seeded.prices();
    let prices = Prices { n_slots, cell: cell.to_vec(), table: table.to_vec() };
    let mut state = empty;
    let order = greedy::order(&state, &prices);
    greedy::construct(&mut state, &prices, &order);
    if first.score() > state.score() {
        state = first;
    }
    state.commit();
    let target = state.score() as f64 / WEIGHT_SCALE;

    // The second thread computes the bound, then searches from the same start with its own
    // seed; the better schedule wins (ties: this thread's). Neither thread reads the other's
    // work before both are done, so the result stays deterministic.
    let mut second = state.clone();
    let mut second_rng = ChaCha8Rng::seed_from_u64(options.seed ^ SECOND_SEED);
    let prices = &prices;
    let (helper, rounds) = std::thread::scope(|scope| {
        let helper = scope.spawn(move || {
            let mut lagrangian = Lagrangian::new(problem);
            lagrangian.run(target, MAX_ITERATIONS, deadline);
            let rounds = search(&mut second, prices, warm_bound, &mut second_rng, primary_deadline, deadline);
            (lagrangian, second, rounds)
        });
        let rounds = search(&mut state, prices, warm_bound, &mut rng, primary_deadline, deadline);
        // If the helper panicked, this thread's schedule and the first bound stand (both valid).
        (helper.join().ok(), rounds)
    });
    let mut bound = warm_bound;
    let mut rounds = rounds;
    if let Some((lagrangian, second, second_rounds)) = helper {
        bound = bound.min(lagrangian.bound());
        rounds += second_rounds;
        let key = |s: &State<'_>| (s.score(), -gaps::total(s));
        if key(&second) > key(&state) {
            state = second;
        }
    }
    finish(problem, &state, bound, start, options.seed, rounds)
}

/// Primary rounds, then gap rounds; returns the rounds completed.
fn search(
    state: &mut State<'_>,
    prices: &Prices,
    warm_bound: f64,
    rng: &mut ChaCha8Rng,
    primary_deadline: Instant,
    deadline: Instant,
) -> usize {
    let problem = state.problem;
    let n_meetings = problem.meetings.len();
    let mut people: Vec<u32> = (0..problem.people.len() as u32).collect();
    // Every unlocked meeting, since meetings scheduled now may be swapped out later: heaviest
    // first, the greedy order breaking ties.
    let mut order: Vec<u32> = greedy::order(state, prices).into_iter().map(|m| m as u32).collect();
    order.sort_by_key(|&m| std::cmp::Reverse(problem.meetings[m as usize].weight));
    let mut search = search::Search {
        prices,
        tie: (0..n_meetings as u32).collect(),
        scratch: Default::default(),
        depth: 1,
        nodes: CHAIN_NODES,
        rotate: 0,
    };
    let optimal = (warm_bound * WEIGHT_SCALE).round() as i64;
    let mut rounds = 0;
    // Every move keeps or raises the score, so the current schedule is always the best one.
    let mut best = state.score();
    let mut since_best = 0;
    while since_best < STALL_ROUNDS && state.score() < optimal {
        let cp = state.checkpoint();
        people.shuffle(rng);
        search.tie.iter_mut().for_each(|t| *t = rng.random());
        search.rotate = rng.random();
        // Short chains while rounds gain; longer ones once they stop gaining.
        search.depth = 1 + (since_best / DEEPEN_AFTER).min(2) as u32;
        search.nodes = CHAIN_NODES << (2 * (search.depth - 1));
        let unscheduled: Vec<u32> = order.iter().copied().filter(|&m| state.slot_of(m as usize).is_none()).collect();
        let done = search.replan_pass(state, &people, primary_deadline).is_some()
            && search.insert_pass(state, &unscheduled, primary_deadline).is_some();
        if !done {
            state.rollback(cp);
            break;
        }
        state.commit();
        rounds += 1;
        if state.score() > best {
            best = state.score();
            since_best = 0;
        } else {
            since_best += 1;
        }
    }
    let mut scheduled: Vec<u32> = (0..n_meetings as u32).filter(|&m| state.slot_of(m as usize).is_some()).collect();
    let mut gaps = gaps::total(state);
    let mut chain = Vec::new();
    let mut stall = 0;
    while stall < GAP_STALL_ROUNDS && gaps > 0 {
        let cp = state.checkpoint();
        scheduled.shuffle(rng);
        let Some(removed) = gaps::pass(state, &scheduled, rng, &mut chain, deadline) else {
            state.rollback(cp);
            break;
        };
        state.commit();
        rounds += 1;
        gaps -= removed;
        stall = if removed > 0 { 0 } else { stall + 1 };
    }
    let cp = state.checkpoint();
    if gaps::tables_for_either(state, deadline).is_some() {
        state.commit();
        rounds += 1;
    } else {
        state.rollback(cp);
    }
    rounds
}

fn finish(problem: &Problem, state: &State<'_>, bound: f64, start: Instant, seed: u64, rounds: usize) -> Solution {
    let slots = state.slots();
    let tables = tables::assign(problem, &slots);
    let mut assignments = Vec::with_capacity(state.scheduled());
    let mut score = 0.0;
    let (mut either_scheduled, mut either_on_table) = (0, 0);
    for (m, s) in slots.iter().enumerate() {
        let Some(s) = *s else { continue };
        let req = &problem.meetings[m];
        score += req.priority;
        if req.mode == MeetingMode::Either {
            either_scheduled += 1;
            either_on_table += usize::from(tables[m].is_some());
        }
        assignments.push(Assignment {
            meeting: req.id.clone(),
            slot: problem.slot_ids[s].clone(),
            table: tables[m].map(i64::from),
        });
    }
    let gaps = (0..problem.people.len())
        .map(|p| idle_gaps(state.busy(p), problem.people[p].available) as usize)
        .sum();
    Solution {
        assignments,
        stats: Stats {
            score,
            bound,
            share_of_bound: if bound > 0.0 { score / bound } else { 1.0 },
            scheduled: state.scheduled(),
            requested: problem.meetings.len(),
            requested_priority: problem.requested_priority(),
            idle_gaps: gaps,
            either_on_table,
            either_scheduled,
            seconds: start.elapsed().as_secs_f64(),
            seed,
            rounds,
        },
    }
}
