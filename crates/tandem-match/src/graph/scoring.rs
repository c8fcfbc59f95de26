//! The knobs of the recommendation score. Defaults were chosen on a validation split carved
//! from the training pairs of the CORDIS benchmark (`examples/cordis_linkpred.rs`), never on
//! its hidden test pairs.

/// Parameters of [`CollaborationGraph::recommend`](super::CollaborationGraph::recommend).
///
/// The score of candidate `y` for organisation `x` is
/// `(C2(y) + three_hop · P3(y)) · (1 + area_weight · areas(x, y)) · lift_country^c ·
/// lift_kind^k · (1 + degree(y))^popularity_exponent`, where
/// - C2 sums over the shared partners `z` the two-step walk probability
///   `w(x,z)/s(x) · w(z,y)/s(z)^hub_exponent` (resource allocation, Zhou et al. 2009, which
///   sharpens Adamic & Adar 2003: a partner shared with thousands says little), each
///   multiplied by `1 + cohesion · γ(z)` (γ: how many other shared partners `z` worked with,
///   after Cannistraci et al. 2013);
/// - P3 continues the walk one step (partners of partners of partners);
/// - `areas` is the cosine of tf-idf programme-area profiles; the lifts measure how much more
///   often organisations of two countries or kinds are linked than chance.
///
/// On the CORDIS validation split, areas helped recall slightly; countries, kinds and the
/// third hop did not, so their defaults are 0 (they remain available).
#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    /// How much a shared partner is discounted by its own number of links (1 = resource
    /// allocation; higher punishes hubs more).
    pub hub_exponent: f32,
    /// Weight of partners of partners of partners (three hops) relative to two hops.
    pub three_hop: f32,
    /// How much shared programme areas (cosine of tf-idf area profiles) multiply the score.
    pub area_weight: f32,
    /// Exponent of the measured country-pair lift (0 ignores countries).
    pub country_exponent: f32,
    /// Exponent of the measured kind-pair lift (0 ignores kinds).
    pub kind_exponent: f32,
    /// Exponent of the candidate's degree: random new links favour well-connected
    /// organisations (preferential attachment).
    pub popularity_exponent: f32,
    /// Cohesion of the shared partners (after Cannistraci et al. 2013): a shared partner
    /// counts `1 + cohesion · γ` times, γ being how many of the other shared partners it worked
    /// with. Partners from one consortium form a clique, so a candidate that sat in the same
    /// consortia as the organisation gathers much more than one reached through unrelated
    /// projects. 0 turns it off.
    pub cohesion: f32,
    /// The cohesion is computed for this many of the best two-hop candidates.
    pub rerank_depth: usize,
    /// Cohesion looks at this many of a candidate's strongest shared partners, and at this
    /// many links of each (keeps hub queries fast; a hub's ranking hardly needs it).
    pub cohesion_width: usize,
    /// At most this many edge visits per query (caps the cost for hub organisations).
    pub max_visits: usize,
    /// At most this many of the heaviest links of one intermediate partner are followed.
    pub max_row: usize,
    /// The three-hop step starts from this many of the strongest two-hop nodes.
    pub three_hop_sources: usize,
}

impl Default for Scoring {
    fn default() -> Scoring {
        Scoring {
            hub_exponent: 1.5,
            three_hop: 0.0,
            area_weight: 1.0,
            country_exponent: 0.0,
            kind_exponent: 0.0,
            popularity_exponent: -0.2,
            cohesion: 1.0,
            rerank_depth: 100,
            cohesion_width: 48,
            max_visits: 150_000,
            max_row: 1_500,
            three_hop_sources: 64,
        }
    }
}
