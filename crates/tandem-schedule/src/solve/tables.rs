//! Table numbers for a schedule whose slots are fixed.
//!
//! The solver only counts general tables per slot; numbers are given at the end, slot by slot
//! in time order: locked tables stay, booth meetings go to the booth, other onsite meetings take
//! a general table — preferably the one a participant sat at in the slot before, so people who
//! meet back to back stay put — and 'either' meetings take a table while any is left.

use crate::problem::{Problem, TableUse};

/// The table of every meeting (`None` for unscheduled and remote ones).
pub(crate) fn assign(problem: &Problem, slots: &[Option<usize>]) -> Vec<Option<u32>> {
    let n_slots = problem.slot_count();
    let mut table = vec![None; problem.meetings.len()];
    let mut by_slot: Vec<Vec<usize>> = vec![Vec::new(); n_slots];
    for (m, s) in slots.iter().enumerate() {
        if let Some(s) = *s {
            by_slot[s].push(m);
        }
    }
    let max_table = problem.tables as usize;
    // The table each participant sat at in the previous slot (0: none).
    let mut last = vec![0u32; problem.people.len()];
    let mut taken = vec![false; max_table + 1];
    for meetings in &by_slot {
        taken.iter_mut().for_each(|t| *t = false);
        for &m in meetings {
            let req = &problem.meetings[m];
            if let Some(t) = req.locked.and_then(|l| l.table) {
                taken[t as usize] = true;
                table[m] = Some(t);
            } else if let TableUse::Booth(t) = req.table {
                table[m] = Some(t);
            }
        }
        let mut next_free = 0usize;
        let mut free_left = problem.general_tables.iter().filter(|&&t| !taken[t as usize]).count();
        // Onsite meetings first: 'either' meetings only get what they leave.
        for pass in [TableUse::General, TableUse::Optional] {
            for &m in meetings {
                let req = &problem.meetings[m];
                if req.table != pass || table[m].is_some() || free_left == 0 {
                    continue;
                }
                let previous = [last[req.a as usize], last[req.b as usize]];
                let reuse = previous.into_iter().find(|&t| t != 0 && !taken[t as usize] && is_general(problem, t));
                let t = match reuse {
                    Some(t) => t,
                    None => {
                        while next_free < problem.general_tables.len()
                            && taken[problem.general_tables[next_free] as usize]
                        {
                            next_free += 1;
                        }
                        match problem.general_tables.get(next_free) {
                            Some(&t) => t,
                            None => continue,
                        }
                    }
                };
                taken[t as usize] = true;
                free_left -= 1;
                table[m] = Some(t);
            }
        }
        last.iter_mut().for_each(|t| *t = 0);
        for &m in meetings {
            let req = &problem.meetings[m];
            if let Some(t) = table[m] {
                last[req.a as usize] = t;
                last[req.b as usize] = t;
            }
        }
    }
    table
}

fn is_general(problem: &Problem, t: u32) -> bool {
    problem.general_tables.binary_search(&t).is_ok()
}
