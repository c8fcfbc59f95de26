//! The pruned walk from one organisation: two steps (partners of partners, the resource
//! allocation of Zhou et al. 2009) and optionally a third step from the strongest two-step
//! nodes. Accumulators are dense arrays indexed by node, so a query costs a few allocations
//! and cache-friendly scans instead of hashing.

use std::collections::HashMap;

use super::csr::Csr;
use super::Scoring;

/// The mass the walk left on each node.
#[derive(Debug)]
pub(crate) struct Walk {
    /// The link weight of the start to each of its partners (0 for non-partners).
    pub(crate) own: Vec<f32>,
    /// Two-step mass.
    pub(crate) two: Vec<f32>,
    /// Three-step mass.
    pub(crate) three: Vec<f32>,
    /// Nodes with two- or three-step mass, in order of first touch.
    pub(crate) touched: Vec<u32>,
    /// Links among the start's partners seen by the first spread (only when cohesion is
    /// scored): `local[ranges[z]]` are the start's partners that partner `z` worked with.
    pub(crate) local: Vec<u32>,
    pub(crate) ranges: HashMap<u32, (u32, u32)>,
}

impl Walk {
    /// The start's partners that its partner `z` also worked with (as far as the walk looked).
    pub(crate) fn local_links(&self, z: u32) -> &[u32] {
        match self.ranges.get(&z) {
            Some(&(a, b)) => self.local.get(a as usize..b as usize).unwrap_or(&[]),
            None => &[],
        }
    }
}

/// `strength^exponent`, guarded so isolated nodes never divide by zero.
pub(crate) fn discount(strength: f32, exponent: f32) -> f32 {
    let s = strength.max(f32::MIN_POSITIVE);
    if exponent == 1.0 { s } else { s.powf(exponent) }
}

/// Which step a spread adds to.
#[derive(Clone, Copy, PartialEq)]
enum Step {
    /// Second step from the start's partners; also records links among those partners.
    Two,
    /// Third step from the strongest two-step nodes.
    Three,
}

impl Walk {
    /// Spreads the mass of each source over its heaviest links, within `budget` visits.
    fn spread(&mut self, csr: &Csr, strength: &[f32], sources: &[(u32, f32)], scoring: &Scoring, budget: &mut usize, step: Step) {
        let record_local = step == Step::Two && scoring.cohesion > 0.0;
        let (into, other) = match step {
            Step::Two => (&mut self.two, &self.three),
            Step::Three => (&mut self.three, &self.two),
        };
        for &(z, mass) in sources {
            if *budget == 0 {
                break;
            }
            let (targets, weights) = csr.row(z);
            let take = targets.len().min(scoring.max_row).min(*budget);
            *budget -= take;
            let factor = mass / discount(strength[z as usize], scoring.hub_exponent);
            for (&y, &w) in targets[..take].iter().zip(&weights[..take]) {
                let slot = &mut into[y as usize];
                if *slot == 0.0 && other[y as usize] == 0.0 {
                    self.touched.push(y);
                }
                *slot += factor * w;
            }
            if record_local {
                let start = self.local.len() as u32;
                let own = &self.own;
                self.local.extend(
                    targets[..take].iter().filter(|&&y| own[y as usize] > 0.0).take(scoring.cohesion_width),
                );
                self.ranges.insert(z, (start, self.local.len() as u32));
            }
        }
    }
}

/// Walks from `start` over the graph.
pub(crate) fn walk(csr: &Csr, strength: &[f32], start: u32, scoring: &Scoring) -> Walk {
    let n = csr.nodes();
    let mut walk = Walk {
        own: vec![0.0; n],
        two: vec![0.0; n],
        three: vec![0.0; n],
        touched: Vec::new(),
        local: Vec::new(),
        ranges: HashMap::new(),
    };
    let (targets, weights) = csr.row(start);
    let total = strength.get(start as usize).copied().unwrap_or(0.0).max(f32::MIN_POSITIVE);
    for (&z, &w) in targets.iter().zip(weights) {
        walk.own[z as usize] = w;
    }
    // Partners whose spread carries the most mass go first, so the budget is spent where the
    // score is made.
    let mut first: Vec<(u32, f32)> = targets.iter().zip(weights).map(|(&z, &w)| (z, w / total)).collect();
    first.sort_unstable_by(|a, b| {
        let ka = a.1 * discount(strength[a.0 as usize], 1.0 - scoring.hub_exponent);
        let kb = b.1 * discount(strength[b.0 as usize], 1.0 - scoring.hub_exponent);
        kb.total_cmp(&ka).then(a.0.cmp(&b.0))
    });
    let mut budget = scoring.max_visits;
    walk.spread(csr, strength, &first, scoring, &mut budget, Step::Two);

    if scoring.three_hop > 0.0 && scoring.three_hop_sources > 0 {
        let mut second: Vec<(u32, f32)> = walk
            .touched
            .iter()
            .filter(|&&z| z != start)
            .map(|&z| (z, walk.two[z as usize]))
            .collect();
        let k = scoring.three_hop_sources.min(second.len());
        let by_mass = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if k < second.len() {
            second.select_nth_unstable_by(k, by_mass);
            second.truncate(k);
        }
        second.sort_unstable_by(by_mass);
        walk.spread(csr, strength, &second, scoring, &mut budget, Step::Three);
    }
    walk
}
