//! Programme areas per organisation ("SC1", "LEIT-ICT", "H2020-EU.3.1."): a sparse tf-idf
//! profile, so that two organisations active in the same rare area look closer than two that
//! both hold the ubiquitous Marie Curie fellowships.

use super::intern::Interner;

/// How many organisations per area are kept as fallback candidates for organisations without
/// any partner yet.
const TOP_PER_AREA: usize = 200;

/// Area profiles of all organisations.
#[derive(Debug, Default, Clone)]
pub(crate) struct Areas {
    pub(crate) names: Interner,
    /// Inverse document frequency per area: ln(1 + organisations / organisations in area).
    idf: Vec<f32>,
    offsets: Vec<u32>,
    /// Area ids per organisation, ascending.
    areas: Vec<u32>,
    /// Unit-length tf-idf weight for each entry of `areas`.
    weights: Vec<f32>,
    /// Per area, the organisations with most projects in it (most first).
    top: Vec<Vec<u32>>,
}

impl Areas {
    /// Builds profiles from `(organisation, area)` incidences, one per project participation.
    pub(crate) fn build(nodes: usize, names: Interner, incidences: &mut [(u32, u32)]) -> Areas {
        incidences.sort_unstable();
        let area_count = names.len();
        // (node, area, projects) after grouping.
        let mut grouped: Vec<(u32, u32, u32)> = Vec::new();
        for &(n, a) in incidences.iter() {
            match grouped.last_mut() {
                Some(g) if g.0 == n && g.1 == a => g.2 += 1,
                _ => grouped.push((n, a, 1)),
            }
        }
        let mut orgs_in = vec![0u32; area_count];
        for g in &grouped {
            if let Some(c) = orgs_in.get_mut(g.1 as usize) {
                *c += 1;
            }
        }
        let total = nodes.max(1) as f32;
        let idf: Vec<f32> = orgs_in.iter().map(|&c| (1.0 + total / c.max(1) as f32).ln()).collect();

        let mut offsets = vec![0u32; nodes + 1];
        let mut areas = Vec::with_capacity(grouped.len());
        let mut weights = Vec::with_capacity(grouped.len());
        let mut top: Vec<Vec<(u32, u32)>> = vec![Vec::new(); area_count];
        let mut i = 0;
        for n in 0..nodes {
            let start = weights.len();
            while i < grouped.len() && grouped[i].0 as usize == n {
                let (_, a, c) = grouped[i];
                areas.push(a);
                // Sub-linear in the project count: the 30th project in an area says less
                // than the first.
                weights.push((1.0 + c as f32).ln() * idf.get(a as usize).copied().unwrap_or(0.0));
                if let Some(t) = top.get_mut(a as usize) {
                    t.push((c, n as u32));
                }
                i += 1;
            }
            let norm = weights[start..].iter().map(|w| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                weights[start..].iter_mut().for_each(|w| *w /= norm);
            }
            offsets[n + 1] = weights.len() as u32;
        }
        let top = top
            .into_iter()
            .map(|mut t| {
                t.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                t.into_iter().take(TOP_PER_AREA).map(|(_, n)| n).collect()
            })
            .collect();
        Areas { names, idf, offsets, areas, weights, top }
    }

    fn profile(&self, node: u32) -> (&[u32], &[f32]) {
        let n = node as usize;
        match (self.offsets.get(n), self.offsets.get(n + 1)) {
            (Some(&a), Some(&b)) => {
                let (a, b) = (a as usize, b as usize);
                (&self.areas[a..b], &self.weights[a..b])
            }
            _ => (&[], &[]),
        }
    }

    /// Walks the areas both have, calling `f(area, weight in a, weight in b)`.
    fn for_shared(&self, a: u32, b: u32, mut f: impl FnMut(u32, f32, f32)) {
        let (ia, wa) = self.profile(a);
        let (ib, wb) = self.profile(b);
        let (mut i, mut j) = (0, 0);
        while i < ia.len() && j < ib.len() {
            match ia[i].cmp(&ib[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    f(ia[i], wa[i], wb[j]);
                    i += 1;
                    j += 1;
                }
            }
        }
    }

    /// The profile of `node` as a dense vector over all areas, for scoring many candidates
    /// against one organisation without merging sorted lists each time.
    pub(crate) fn dense(&self, node: u32) -> Vec<f32> {
        let mut dense = vec![0.0; self.names.len()];
        let (ids, weights) = self.profile(node);
        for (&a, &w) in ids.iter().zip(weights) {
            if let Some(slot) = dense.get_mut(a as usize) {
                *slot = w;
            }
        }
        dense
    }

    /// Cosine similarity of a dense profile (from [`Areas::dense`]) with the profile of `b`.
    pub(crate) fn similarity_dense(&self, dense: &[f32], b: u32) -> f32 {
        let (ids, weights) = self.profile(b);
        let s: f32 = ids.iter().zip(weights).map(|(&a, &w)| dense.get(a as usize).copied().unwrap_or(0.0) * w).sum();
        s.clamp(0.0, 1.0)
    }

    /// Names of the areas both worked in, most specific (rarest) first, at most `max`.
    pub(crate) fn shared(&self, a: u32, b: u32, max: usize) -> Vec<String> {
        let mut shared: Vec<(f32, u32)> = Vec::new();
        self.for_shared(a, b, |area, _, _| {
            shared.push((self.idf.get(area as usize).copied().unwrap_or(0.0), area));
        });
        shared.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        shared.into_iter().take(max).map(|(_, area)| self.names.name(area).to_owned()).collect()
    }

    /// Organisations most active in the areas of `node` (its strongest areas first), for
    /// organisations the walk cannot reach from.
    pub(crate) fn active_in_areas_of(&self, node: u32, areas: usize) -> Vec<u32> {
        let (ids, weights) = self.profile(node);
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_unstable_by(|&x, &y| weights[y].total_cmp(&weights[x]).then(ids[x].cmp(&ids[y])));
        let mut out: Vec<u32> = order
            .into_iter()
            .take(areas)
            .filter_map(|i| self.top.get(ids[i] as usize))
            .flat_map(|t| t.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}
