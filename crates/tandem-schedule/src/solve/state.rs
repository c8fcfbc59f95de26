//! A partial schedule with everything the moves ask about kept up to date: who meets whom in
//! which slot, counts against caps, general tables in use per slot. Every change is logged so
//! that a compound move (an ejection chain, a participant's re-optimised day) can be tried in
//! place and rolled back in the reverse order, which is much cheaper than copying the state.

use crate::problem::{Problem, TableUse};
use crate::slots::SlotSet;

/// "No meeting" / "not scheduled".
pub(crate) const NONE: u32 = u32::MAX;
const UNSLOTTED: u8 = u8::MAX;

#[derive(Debug, Clone, Copy)]
enum Op {
    Placed(u32),
    Removed(u32, u8),
}

/// A feasible partial schedule (feasible after every completed change).
#[derive(Debug, Clone)]
pub(crate) struct State<'p> {
    pub(crate) problem: &'p Problem,
    n_slots: usize,
    slot_of: Vec<u8>,
    /// `occ[p * n_slots + s]`: p's meeting in slot s, or [`NONE`].
    occ: Vec<u32>,
    busy: Vec<SlotSet>,
    count: Vec<u32>,
    /// Meetings per cap set, parallel to `problem.limits`.
    cap_count: Vec<u32>,
    /// Per participant: slots of its cap sets that are full.
    cap_full: Vec<SlotSet>,
    general_used: Vec<u32>,
    general_cap: u32,
    /// Slots whose general tables are all taken.
    general_full: SlotSet,
    /// The general-table meetings in each slot, and each one's position in its slot's list.
    general_at: Vec<Vec<u32>>,
    general_pos: Vec<u32>,
    score: i64,
    scheduled: usize,
    log: Vec<Op>,
}

impl<'p> State<'p> {
    /// The empty schedule with the locked meetings in place (intake checked that they fit).
    pub(crate) fn new(problem: &'p Problem) -> State<'p> {
        let n_slots = problem.slot_count();
        let n_people = problem.people.len();
        let mut state = State {
            problem,
            n_slots,
            slot_of: vec![UNSLOTTED; problem.meetings.len()],
            occ: vec![NONE; n_people * n_slots],
            busy: vec![SlotSet::EMPTY; n_people],
            count: vec![0; n_people],
            cap_count: vec![0; problem.limits.len()],
            cap_full: vec![SlotSet::EMPTY; n_people],
            general_used: vec![0; n_slots],
            general_cap: problem.general_tables.len() as u32,
            general_full: SlotSet::EMPTY,
            general_at: vec![Vec::new(); n_slots],
            general_pos: vec![NONE; problem.meetings.len()],
            score: 0,
            scheduled: 0,
            log: Vec::new(),
        };
        for p in 0..n_people {
            state.refresh_cap_full(p);
        }
        if state.general_cap == 0 {
            state.general_full = SlotSet::first(n_slots);
        }
        for (m, req) in problem.meetings.iter().enumerate() {
            if let Some(lock) = req.locked {
                state.place(m, lock.slot);
            }
        }
        state.log.clear();
        state
    }

    #[inline]
    pub(crate) fn n_slots(&self) -> usize {
        self.n_slots
    }

    #[inline]
    pub(crate) fn score(&self) -> i64 {
        self.score
    }

    #[inline]
    pub(crate) fn scheduled(&self) -> usize {
        self.scheduled
    }

    /// The meeting's slot, if scheduled.
    #[inline]
    pub(crate) fn slot_of(&self, m: usize) -> Option<usize> {
        let s = self.slot_of[m];
        if s == UNSLOTTED { None } else { Some(s as usize) }
    }

    /// Participant p's meeting in slot s, if any.
    #[inline]
    pub(crate) fn occupant(&self, p: usize, s: usize) -> Option<usize> {
        let m = self.occ[p * self.n_slots + s];
        if m == NONE { None } else { Some(m as usize) }
    }

    #[inline]
    pub(crate) fn busy(&self, p: usize) -> SlotSet {
        self.busy[p]
    }

    #[inline]
    pub(crate) fn count(&self, p: usize) -> u32 {
        self.count[p]
    }

    #[inline]
    pub(crate) fn general_full(&self) -> SlotSet {
        self.general_full
    }

    /// The general-table meetings in slot s.
    #[inline]
    pub(crate) fn general_at(&self, s: usize) -> &[u32] {
        &self.general_at[s]
    }

    /// Whether participant p could take one more meeting at all (its total cap).
    #[inline]
    pub(crate) fn has_room(&self, p: usize) -> bool {
        self.count[p] < self.problem.people[p].max
    }

    /// Slots of p's cap sets that are full.
    #[inline]
    pub(crate) fn cap_full(&self, p: usize) -> SlotSet {
        self.cap_full[p]
    }

    /// Slots where unscheduled meeting m could be placed now without touching anything else.
    #[inline]
    pub(crate) fn free_slots(&self, m: usize) -> SlotSet {
        let req = &self.problem.meetings[m];
        let (a, b) = (req.a as usize, req.b as usize);
        if !self.has_room(a) || !self.has_room(b) {
            return SlotSet::EMPTY;
        }
        let mut blocked = SlotSet(self.busy[a].0 | self.busy[b].0 | self.cap_full[a].0 | self.cap_full[b].0);
        if req.table == TableUse::General {
            blocked = SlotSet(blocked.0 | self.general_full.0);
        }
        req.allowed.minus(blocked)
    }

    /// Whether unscheduled meeting m fits in slot s now.
    #[inline]
    pub(crate) fn fits(&self, m: usize, s: usize) -> bool {
        self.free_slots(m).contains(s)
    }

    /// Schedules m in s; the caller has made sure it fits.
    pub(crate) fn place(&mut self, m: usize, s: usize) {
        let req = &self.problem.meetings[m];
        debug_assert!(self.slot_of[m] == UNSLOTTED);
        for p in [req.a as usize, req.b as usize] {
            debug_assert!(self.occ[p * self.n_slots + s] == NONE);
            self.occ[p * self.n_slots + s] = m as u32;
            self.busy[p].insert(s);
            self.count[p] += 1;
            let (lo, hi) = self.problem.people[p].limits;
            if lo != hi {
                for k in lo as usize..hi as usize {
                    if self.problem.limits[k].slots.contains(s) {
                        self.cap_count[k] += 1;
                    }
                }
                self.refresh_cap_full(p);
            }
        }
        if req.table == TableUse::General {
            self.general_used[s] += 1;
            if self.general_used[s] >= self.general_cap {
                self.general_full.insert(s);
            }
            self.general_pos[m] = self.general_at[s].len() as u32;
            self.general_at[s].push(m as u32);
        }
        self.slot_of[m] = s as u8;
        self.score += req.weight;
        self.scheduled += 1;
        self.log.push(Op::Placed(m as u32));
    }

    /// Unschedules m (never a locked meeting); returns its slot.
    pub(crate) fn remove(&mut self, m: usize) -> usize {
        let req = &self.problem.meetings[m];
        let s = self.slot_of[m] as usize;
        debug_assert!(self.slot_of[m] != UNSLOTTED);
        for p in [req.a as usize, req.b as usize] {
            self.occ[p * self.n_slots + s] = NONE;
            self.busy[p].remove(s);
            self.count[p] -= 1;
            let (lo, hi) = self.problem.people[p].limits;
            if lo != hi {
                for k in lo as usize..hi as usize {
                    if self.problem.limits[k].slots.contains(s) {
                        self.cap_count[k] -= 1;
                    }
                }
                self.refresh_cap_full(p);
            }
        }
        if req.table == TableUse::General {
            self.general_used[s] -= 1;
            self.general_full.remove(s);
            let pos = self.general_pos[m] as usize;
            self.general_at[s].swap_remove(pos);
            if let Some(&moved) = self.general_at[s].get(pos) {
                self.general_pos[moved as usize] = pos as u32;
            }
            self.general_pos[m] = NONE;
        }
        self.slot_of[m] = UNSLOTTED;
        self.score -= req.weight;
        self.scheduled -= 1;
        self.log.push(Op::Removed(m as u32, s as u8));
        s
    }

    fn refresh_cap_full(&mut self, p: usize) {
        let (lo, hi) = self.problem.people[p].limits;
        let mut full = SlotSet::EMPTY;
        for k in lo as usize..hi as usize {
            let cap = self.problem.limits[k];
            if self.cap_count[k] >= cap.max {
                full = SlotSet(full.0 | cap.slots.0);
            }
        }
        self.cap_full[p] = full;
    }

    /// A point to roll back to.
    #[inline]
    pub(crate) fn checkpoint(&self) -> usize {
        self.log.len()
    }

    /// Undoes every change since the checkpoint.
    pub(crate) fn rollback(&mut self, checkpoint: usize) {
        while self.log.len() > checkpoint {
            let Some(op) = self.log.pop() else { break };
            match op {
                Op::Placed(m) => {
                    self.remove(m as usize);
                }
                Op::Removed(m, s) => self.place(m as usize, s as usize),
            }
            // Undoing logged its own entry; it is not part of the history.
            self.log.pop();
        }
    }

    /// Forgets the log: the changes so far are kept for good.
    #[inline]
    pub(crate) fn commit(&mut self) {
        self.log.clear();
    }

    /// Whether m is locked in place.
    #[inline]
    pub(crate) fn locked(&self, m: usize) -> bool {
        self.problem.meetings[m].locked.is_some()
    }

    /// The slot of every meeting (`None` if unscheduled).
    pub(crate) fn slots(&self) -> Vec<Option<usize>> {
        (0..self.slot_of.len()).map(|m| self.slot_of(m)).collect()
    }
}
