//! The indexed model the solver, the bound and the table plan work on: participants, slots and
//! meetings by number, availability as bit masks, priorities as integers.
//!
//! Built only by [`Problem::from_instance`] (in `intake.rs`), which guarantees what the solver
//! relies on: ids resolve, booths are in range and have one owner, locked meetings fit together.

use crate::instance::MeetingMode;
use crate::slots::SlotSet;

/// Priorities are compared as integers in thousandths: exact sums, deterministic comparisons.
pub const WEIGHT_SCALE: f64 = 1000.0;

/// The largest priority accepted (keeps integer sums of a million meetings far from overflow).
pub const MAX_PRIORITY: f64 = 1_000_000.0;

/// A checked, indexed scheduling problem.
#[derive(Debug, Clone)]
pub struct Problem {
    pub(crate) name: Option<String>,
    pub(crate) slot_ids: Vec<String>,
    pub(crate) tables: u32,
    /// Table numbers that are nobody's booth, ascending.
    pub(crate) general_tables: Vec<u32>,
    pub(crate) people: Vec<Person>,
    /// Every participant's extra caps, in participant order (see [`Person::limits`]).
    pub(crate) limits: Vec<CapSet>,
    pub(crate) meetings: Vec<Request>,
    /// The meetings of each participant, ascending.
    pub(crate) incident: Vec<Vec<u32>>,
}

/// A participant.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) id: String,
    pub(crate) available: SlotSet,
    /// Most meetings in total; `u32::MAX` when uncapped.
    pub(crate) max: u32,
    pub(crate) booth: Option<u32>,
    /// Range of this participant's caps in [`Problem::limits`].
    pub(crate) limits: (u32, u32),
}

/// At most `max` meetings in `slots`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CapSet {
    pub(crate) slots: SlotSet,
    pub(crate) max: u32,
}

/// What a meeting needs from the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableUse {
    /// Remote: no table.
    None,
    /// One of the general (non-booth) tables in its slot.
    General,
    /// This booth, which its owner, one of the two participants, never shares.
    Booth(u32),
    /// 'Either' without a booth: a general table if one is free, remote otherwise.
    Optional,
}

/// A meeting to schedule.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub(crate) id: String,
    pub(crate) a: u32,
    pub(crate) b: u32,
    pub(crate) priority: f64,
    /// `priority` in thousandths.
    pub(crate) weight: i64,
    pub(crate) mode: MeetingMode,
    pub(crate) table: TableUse,
    /// Slots both participants are available in (just the locked slot for a locked meeting).
    pub(crate) allowed: SlotSet,
    pub(crate) locked: Option<Locked>,
}

/// Where a locked meeting stays.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Locked {
    pub(crate) slot: usize,
    pub(crate) table: Option<u32>,
}

impl Request {
    /// Whether the meeting competes for the general tables of its slot.
    #[inline]
    pub(crate) fn needs_general(&self) -> bool {
        self.table == TableUse::General
    }
}

impl Problem {
    /// The instance's name, if it has one.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Number of slots.
    pub fn slot_count(&self) -> usize {
        self.slot_ids.len()
    }

    /// Number of participants.
    pub fn participant_count(&self) -> usize {
        self.people.len()
    }

    /// Number of meeting requests.
    pub fn meeting_count(&self) -> usize {
        self.meetings.len()
    }

    /// Total priority of all requests: what a schedule with every meeting would score.
    pub fn requested_priority(&self) -> f64 {
        self.meetings.iter().map(|m| m.priority).sum()
    }

    /// Number of general tables (tables that are nobody's booth).
    pub fn general_table_count(&self) -> usize {
        self.general_tables.len()
    }

    /// The caps of participant `p`.
    #[inline]
    pub(crate) fn caps_of(&self, p: usize) -> &[CapSet] {
        let (lo, hi) = self.people[p].limits;
        &self.limits[lo as usize..hi as usize]
    }
}
