//! The solver's answer: the assignments in the schedule format, and figures about them.

use crate::instance::{Assignment, ScheduleJson};
use serde::{Deserialize, Serialize};

/// A schedule with its statistics. Serialises as the schedule format: `{"assignments": […],
/// "stats": {…}}`, which check.py and [`crate::validate`] read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solution {
    /// Scheduled meetings, in the instance's meeting order.
    pub assignments: Vec<Assignment>,
    /// Figures about the schedule.
    pub stats: Stats,
}

/// Figures about a schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Total priority of the scheduled meetings.
    pub score: f64,
    /// No schedule can score more than this (Lagrangian relaxation; see `bound.rs`).
    pub bound: f64,
    /// `score / bound` (1 when the bound is 0).
    pub share_of_bound: f64,
    /// Meetings scheduled.
    pub scheduled: usize,
    /// Meetings requested.
    pub requested: usize,
    /// Total priority of all requests.
    pub requested_priority: f64,
    /// Available slots without a meeting between a participant's first and last meeting, summed
    /// over participants.
    pub idle_gaps: usize,
    /// Scheduled 'either' meetings that got a table.
    pub either_on_table: usize,
    /// Scheduled 'either' meetings.
    pub either_scheduled: usize,
    /// Wall time of the solve, in seconds.
    pub seconds: f64,
    /// The seed of the randomised search.
    pub seed: u64,
    /// Search rounds completed.
    pub rounds: usize,
}

impl Solution {
    /// Total priority of the scheduled meetings.
    pub fn score(&self) -> f64 {
        self.stats.score
    }

    /// The upper bound on any schedule's score.
    pub fn bound(&self) -> f64 {
        self.stats.bound
    }

    /// The assignments alone, as [`crate::validate`] reads them.
    pub fn schedule(&self) -> ScheduleJson {
        ScheduleJson { assignments: self.assignments.clone() }
    }
}
