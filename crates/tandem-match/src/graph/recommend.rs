//! Turns a walk into ranked candidates with reasons, and explains single pairs.

use super::walk::{Walk, discount, walk};
use super::{CollaborationGraph, GraphMatch, GraphReason, NodeId, Preferences, RecommendOptions};

/// Raw score at which the public score reaches 0.5. Raw scores are walk probabilities
/// (at most 1 before the multiplicative factors); a candidate that receives a few percent of
/// the walk is a strong one.
const HALF_SCORE_RAW: f32 = 0.02;
/// Multiplier for candidates in the preferred country or of the preferred kind.
const PREFERENCE_BOOST: f32 = 2.0;
/// Candidates only reachable through shared areas rank below every walk-reached one.
const AREA_ONLY_SCALE: f32 = 1e-6;
/// How many of the organisation's strongest areas feed the area-only fallback.
const FALLBACK_AREAS: usize = 3;
/// Shared partners or areas named in a reason.
const REASON_ITEMS: usize = 3;

/// Maps a raw score to 0..=1, monotonically, so scores of one query keep their order.
fn squash(raw: f32) -> f32 {
    if raw.is_finite() && raw > 0.0 { (raw / (raw + HALF_SCORE_RAW)).clamp(0.0, 1.0) } else { 0.0 }
}

/// What one query computes once and reuses for every candidate.
struct Query<'a> {
    x: u32,
    walk: Walk,
    /// Dense area profile of `x`.
    areas: Vec<f32>,
    preferences: Option<&'a Preferences>,
}

impl CollaborationGraph {
    fn query<'a>(&self, x: u32, preferences: Option<&'a Preferences>) -> Query<'a> {
        Query {
            x,
            walk: walk(&self.csr, &self.strength, x, &self.scoring),
            areas: self.areas.dense(x),
            preferences,
        }
    }

    /// The raw score of candidate `y` from the walk alone.
    fn raw_score(&self, q: &Query<'_>, y: u32) -> f32 {
        self.raw_score_with(q, y, q.walk.two.get(y as usize).copied().unwrap_or(0.0))
    }

    /// The two-step mass of `y` computed exactly from its links, each shared partner weighted
    /// by its cohesion with the other shared partners. `stamp` marks the shared partners of
    /// the candidate at hand with `generation`.
    fn cohesive_two_step(&self, q: &Query<'_>, y: u32, stamp: &mut [u32], generation: u32) -> f32 {
        let s = &self.scoring;
        let own = &q.walk.own;
        let total = self.strength.get(q.x as usize).copied().unwrap_or(0.0).max(f32::MIN_POSITIVE);
        let (targets, weights) = self.csr.row(y);
        // (contribution, shared partner) of every shared partner, as in the walk.
        let mut shared: Vec<(f32, u32)> = targets
            .iter()
            .zip(weights)
            .filter(|&(&z, _)| own[z as usize] > 0.0)
            .map(|(&z, &w)| (own[z as usize] / total * w / discount(self.strength[z as usize], s.hub_exponent), z))
            .collect();
        let plain: f32 = shared.iter().map(|c| c.0).sum();
        let width = s.cohesion_width.min(shared.len());
        if width < shared.len() {
            shared.select_nth_unstable_by(width, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            shared.truncate(width);
        }
        for &(_, z) in &shared {
            stamp[z as usize] = generation;
        }
        let bonus: f32 = shared
            .iter()
            .map(|&(c, z)| {
                let gamma = q.walk.local_links(z).iter().filter(|&&l| stamp[l as usize] == generation).count();
                c * s.cohesion * gamma as f32
            })
            .sum();
        plain + bonus
    }

    /// The raw score of candidate `y` given its two-step mass; 0 when neither the walk nor
    /// the areas connect it.
    fn raw_score_with(&self, q: &Query<'_>, y: u32, two: f32) -> f32 {
        let s = &self.scoring;
        let yi = y as usize;
        let paths = two + s.three_hop * q.walk.three.get(yi).copied().unwrap_or(0.0);
        let base = if paths > 0.0 {
            if s.area_weight == 0.0 {
                paths
            } else {
                paths * (1.0 + s.area_weight * self.areas.similarity_dense(&q.areas, y))
            }
        } else {
            // Nothing but areas: well-connected organisations of those areas are the safer
            // introductions.
            AREA_ONLY_SCALE * self.areas.similarity_dense(&q.areas, y) * (1.0 + self.csr.degree(y) as f32)
        };
        if base <= 0.0 {
            return 0.0;
        }
        let mut raw = base * self.attributes.factor(q.x, y, s.country_exponent, s.kind_exponent);
        raw *= self.popularity.get(yi).copied().unwrap_or(1.0);
        if let Some(p) = q.preferences {
            if p.country.as_deref().is_some_and(|c| self.attributes.country_of(y) == Some(c)) {
                raw *= PREFERENCE_BOOST;
            }
            if p.kind.as_deref().is_some_and(|k| self.attributes.kind_of(y) == Some(k)) {
                raw *= PREFERENCE_BOOST;
            }
        }
        raw
    }

    /// The reasons for `y` given a walk from `x`, strongest first.
    fn reasons(&self, x: u32, y: u32, walk: &Walk) -> Vec<GraphReason> {
        let mut reasons = Vec::new();
        let (targets, weights) = self.csr.row(y);
        let hub = self.scoring.hub_exponent;
        // Shared partners, by what each contributed to the two-step score.
        let mut shared: Vec<(f32, u32)> = targets
            .iter()
            .zip(weights)
            .filter(|&(&z, _)| walk.own.get(z as usize).is_some_and(|&w| w > 0.0))
            .map(|(&z, &w)| (walk.own[z as usize] * w / discount(self.strength[z as usize], hub), z))
            .collect();
        if !shared.is_empty() {
            shared.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            reasons.push(GraphReason::SharedPartners {
                via: shared.iter().take(REASON_ITEMS).map(|&(_, z)| NodeId(z)).collect(),
                count: shared.len(),
            });
        } else if walk.three.get(y as usize).is_some_and(|&m| m > 0.0) {
            // Partners of the candidate that the organisation's partners worked with.
            let mut bridges: Vec<(f32, u32)> = targets
                .iter()
                .zip(weights)
                .filter(|&(&z, _)| z != x)
                .filter_map(|(&z, &w)| {
                    let m = walk.two.get(z as usize).copied().unwrap_or(0.0);
                    (m > 0.0).then_some((m * w, z))
                })
                .collect();
            bridges.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            reasons.push(GraphReason::PartnersOfPartners {
                via: bridges.iter().take(REASON_ITEMS).map(|&(_, z)| NodeId(z)).collect(),
                count: bridges.len(),
            });
        }
        let areas = self.areas.shared(x, y, REASON_ITEMS);
        if !areas.is_empty() {
            reasons.push(GraphReason::SharedAreas { areas });
        }
        reasons
    }

    pub(super) fn recommend_impl(
        &self,
        node: NodeId,
        options: &RecommendOptions,
        preferences: &Preferences,
        accept: &dyn Fn(NodeId) -> bool,
    ) -> Vec<GraphMatch> {
        let x = node.0;
        if x as usize >= self.len() || options.limit == 0 {
            return Vec::new();
        }
        let q = self.query(x, Some(preferences));
        let is_candidate = |y: u32| y != x && q.walk.own[y as usize] == 0.0;
        let mut ranked: Vec<(f32, u32)> = q
            .walk
            .touched
            .iter()
            .copied()
            .filter(|&y| is_candidate(y))
            .map(|y| (self.raw_score(&q, y), y))
            .filter(|&(raw, _)| raw > 0.0)
            .collect();
        if ranked.len() < options.limit {
            // Too few organisations within reach (a newcomer without projects): fall back on
            // those most active in its programme areas.
            let reached: std::collections::HashSet<u32> = ranked.iter().map(|&(_, y)| y).collect();
            for y in self.areas.active_in_areas_of(x, FALLBACK_AREAS) {
                if is_candidate(y) && !reached.contains(&y) {
                    let raw = self.raw_score(&q, y);
                    if raw > 0.0 {
                        ranked.push((raw, y));
                    }
                }
            }
        }
        // Deterministic: score, then NodeId.
        let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        // Hubs reach tens of thousands of candidates: sort only a head large enough for the
        // re-scoring and the limit, unless the filter rejected too many of it.
        let head = self.scoring.rerank_depth.max(options.limit.saturating_mul(4));
        if head < ranked.len() {
            ranked.select_nth_unstable_by(head, order);
            let accepted = ranked[..head].iter().filter(|&&(_, y)| accept(NodeId(y))).count();
            if accepted >= options.limit {
                ranked.truncate(head);
            }
        }
        ranked.sort_unstable_by(order);
        if self.scoring.cohesion > 0.0 {
            // Cohesion only raises scores, so re-sorting the re-scored head keeps it above
            // the tail.
            let mut stamp = vec![0u32; self.len()];
            let head = self.scoring.rerank_depth.min(ranked.len());
            for (i, entry) in ranked[..head].iter_mut().enumerate() {
                let two = self.cohesive_two_step(&q, entry.1, &mut stamp, i as u32 + 1);
                entry.0 = entry.0.max(self.raw_score_with(&q, entry.1, two));
            }
            ranked[..head].sort_unstable_by(order);
        }
        ranked
            .into_iter()
            .filter(|&(_, y)| accept(NodeId(y)))
            .take(options.limit)
            .map(|(raw, y)| GraphMatch { node: NodeId(y), score: squash(raw), reasons: self.reasons(x, y, &q.walk) })
            .collect()
    }

    pub(super) fn proximity_impl(&self, a: NodeId, b: NodeId) -> Option<GraphMatch> {
        let n = self.len();
        if a == b || a.0 as usize >= n || b.0 as usize >= n {
            return None;
        }
        let q = self.query(a.0, None);
        let reasons = self.reasons(a.0, b.0, &q.walk);
        if reasons.is_empty() {
            return None;
        }
        let raw = if self.scoring.cohesion > 0.0 {
            let two = self.cohesive_two_step(&q, b.0, &mut vec![0u32; n], 1);
            self.raw_score_with(&q, b.0, two)
        } else {
            self.raw_score(&q, b.0)
        };
        Some(GraphMatch { node: b, score: squash(raw), reasons })
    }
}
