//! Organisation attributes (country, kind) and how much they favour a link.
//!
//! Rather than hard-coding "companies like universities", the graph measures on its own links
//! how often each pair of values is linked compared with chance (the *lift*: observed links
//! over the links expected from the marginals). Consortium rules (several countries, a mix of
//! universities and companies) then show up as lifts above or below 1.

use super::intern::Interner;

/// Marker for "unknown" in the per-node attribute arrays.
pub(crate) const UNKNOWN: u16 = u16::MAX;

/// Prior links added to each cell so that rare pairs of values stay near a lift of 1.
const LIFT_PRIOR: f64 = 20.0;

/// Lift of every pair of values of one attribute; 1 where unknown.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lift {
    size: usize,
    values: Vec<f32>,
}

impl Lift {
    /// Measures the lift of value pairs over undirected links `(a, b)`.
    pub(crate) fn measure(size: usize, value: &[u16], links: impl Iterator<Item = (u32, u32)>) -> Lift {
        let mut observed = vec![0f64; size * size];
        let mut marginal = vec![0f64; size];
        let mut total = 0f64;
        for (a, b) in links {
            let (Some(&va), Some(&vb)) = (value.get(a as usize), value.get(b as usize)) else {
                continue;
            };
            if va == UNKNOWN || vb == UNKNOWN {
                continue;
            }
            let (va, vb) = (va as usize, vb as usize);
            if va >= size || vb >= size {
                continue;
            }
            observed[va * size + vb] += 1.0;
            observed[vb * size + va] += 1.0;
            marginal[va] += 1.0;
            marginal[vb] += 1.0;
            total += 2.0;
        }
        let mut values = vec![1f32; size * size];
        if total > 0.0 {
            for i in 0..size {
                for j in 0..size {
                    let expected = marginal[i] * marginal[j] / total;
                    values[i * size + j] =
                        ((observed[i * size + j] + LIFT_PRIOR) / (expected + LIFT_PRIOR)) as f32;
                }
            }
        }
        Lift { size, values }
    }

    /// The lift of linking value `a` with value `b` (1 when either is unknown).
    pub(crate) fn get(&self, a: u16, b: u16) -> f32 {
        if a == UNKNOWN || b == UNKNOWN {
            return 1.0;
        }
        let (a, b) = (a as usize, b as usize);
        if a >= self.size || b >= self.size {
            return 1.0;
        }
        self.values[a * self.size + b]
    }
}

/// Country and kind of every organisation, with their measured lifts.
#[derive(Debug, Default, Clone)]
pub(crate) struct Attributes {
    pub(crate) countries: Interner,
    pub(crate) kinds: Interner,
    pub(crate) country: Vec<u16>,
    pub(crate) kind: Vec<u16>,
    pub(crate) country_lift: Lift,
    pub(crate) kind_lift: Lift,
}

impl Attributes {
    /// The country of a node, if known.
    pub(crate) fn country_of(&self, node: u32) -> Option<&str> {
        match self.country.get(node as usize) {
            Some(&c) if c != UNKNOWN => Some(self.countries.name(c as u32)),
            _ => None,
        }
    }

    /// The kind of a node, if known.
    pub(crate) fn kind_of(&self, node: u32) -> Option<&str> {
        match self.kind.get(node as usize) {
            Some(&k) if k != UNKNOWN => Some(self.kinds.name(k as u32)),
            _ => None,
        }
    }

    /// The lift factor of linking `a` with `b`: country lift to the power `country_exp`
    /// times kind lift to the power `kind_exp`.
    pub(crate) fn factor(&self, a: u32, b: u32, country_exp: f32, kind_exp: f32) -> f32 {
        let at = |v: &[u16], n: u32| v.get(n as usize).copied().unwrap_or(UNKNOWN);
        let mut f = 1.0;
        if country_exp != 0.0 {
            f *= self.country_lift.get(at(&self.country, a), at(&self.country, b)).powf(country_exp);
        }
        if kind_exp != 0.0 {
            f *= self.kind_lift.get(at(&self.kind, a), at(&self.kind, b)).powf(kind_exp);
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lift_is_above_one_for_overrepresented_pairs() {
        // Values: 0 links with 1 far more than chance.
        let value = [0u16, 1, 0, 1, 0, 1];
        let links = (0..200).map(|i| ((i % 3) * 2, (i % 3) * 2 + 1));
        let lift = Lift::measure(2, &value, links.map(|(a, b)| (a as u32, b as u32)));
        assert!(lift.get(0, 1) > 1.0);
        assert!(lift.get(0, 0) < 1.0);
        assert_eq!(lift.get(UNKNOWN, 1), 1.0);
    }
}
