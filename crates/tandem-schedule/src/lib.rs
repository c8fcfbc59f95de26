//! Tandem's meeting scheduler for brokerage events. Pure: no database, no files.
//!
//! A brokerage event's accepted meeting requests go into slots and tables so that nobody is in
//! two places at once, everyone is available, caps and tables hold, and locked (published)
//! meetings stay put. The objective, in order: the most total priority of scheduled meetings;
//! then the fewest idle gaps (free available slots between a participant's first and last
//! meeting); then tables for 'either' meetings.
//!
//! - [`Instance`] / [`ScheduleJson`]: the JSON formats of bench/sched (serde);
//!   [`parse_instance`] reads one with errors that name the field.
//! - [`Problem::from_instance`]: checks an instance, with errors that name the field.
//! - [`solve`]: the schedule, within a time limit, deterministic for a seed.
//! - [`validate`]: checks any schedule against an instance (the rules of bench/sched/check.py).
//!
//! ```
//! use tandem_schedule::{Instance, Options, Problem, solve, validate};
//! let json = r#"{"slots": [{"id": "s1"}, {"id": "s2"}], "tables": 1,
//!   "participants": [{"id": "p1", "available": ["s1", "s2"]}, {"id": "p2", "available": ["s2"]}],
//!   "meetings": [{"id": "m1", "a": "p1", "b": "p2"}]}"#;
//! let instance: Instance = serde_json::from_str(json).unwrap();
//! let problem = Problem::from_instance(&instance).unwrap();
//! let solution = solve(&problem, &Options::default());
//! assert_eq!(solution.assignments[0].slot, "s2");
//! assert!(validate(&instance, &solution.schedule()).feasible);
//! ```

mod bound;
mod error;
mod instance;
mod intake;
mod problem;
mod slots;
mod solution;
mod solve;
mod validate;

pub use error::{InstanceError, Issue};
pub use instance::{
    Assignment, Attendance, Instance, Limit, Meeting, MeetingMode, Participant, ScheduleJson, Slot, parse_instance, parse_schedule,
};
pub use problem::Problem;
pub use slots::MAX_SLOTS;
pub use solution::{Solution, Stats};
pub use solve::{Options, solve};
pub use validate::{Report, validate};
