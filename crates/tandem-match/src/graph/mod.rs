//! The collaboration graph: organisations are linked when they worked on the same project
//! (CORDIS participations) or when Tandem brokered a partnership between them (introductions,
//! agreements, meetings). Partner recommendations come from proximity in this graph.
//!
//! - [`builder`](GraphBuilder) collects projects and partnerships and weighs each link by the
//!   consortium sizes behind it;
//! - `csr` stores the weighted links compactly (u32 ids, f32 weights, heaviest first);
//! - `walk` spreads a query organisation's links two (optionally three) steps, pruned for
//!   hubs;
//! - `areas` and `attributes` add programme areas, country and kind;
//! - `recommend` ranks, filters and explains.

mod areas;
mod attributes;
mod builder;
mod csr;
mod intern;
mod recommend;
mod scoring;
mod walk;

use std::collections::HashMap;

pub use builder::GraphBuilder;
pub use scoring::Scoring;

use areas::Areas;
use attributes::Attributes;
use csr::Csr;

/// A dense node number, valid for one built graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// Options of one recommendation query.
#[derive(Debug, Clone)]
pub struct RecommendOptions {
    /// At most this many candidates.
    pub limit: usize,
}

/// Soft preferences of one query (see [`CollaborationGraph::recommend_with`]): matching
/// candidates score twice as high, the others stay eligible. Use the `accept` filter of
/// `recommend` for hard constraints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preferences {
    /// Preferred country (ISO 3166 alpha-2, as given to [`GraphBuilder::add_organisation`]).
    pub country: Option<String>,
    /// Preferred kind (PRC, HES, REC, PUB, OTH).
    pub kind: Option<String>,
}

/// Why the graph proposes a candidate.
#[derive(Debug, Clone, PartialEq)]
pub enum GraphReason {
    /// Partners both have worked with: up to three of them, and how many in all.
    SharedPartners {
        /// Some of the shared partners, strongest first.
        via: Vec<NodeId>,
        /// How many shared partners there are.
        count: usize,
    },
    /// Programme areas both have worked in.
    SharedAreas {
        /// The areas, most specific first.
        areas: Vec<String>,
    },
    /// No shared partner, but the candidate worked with partners of one's partners (three
    /// hops).
    PartnersOfPartners {
        /// Some of the candidate's partners that one's partners worked with, strongest first.
        via: Vec<NodeId>,
        /// How many such partners the candidate has.
        count: usize,
    },
}

/// A candidate proposed by the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphMatch {
    /// The candidate.
    pub node: NodeId,
    /// Strength in 0..=1, comparable between candidates of one query.
    pub score: f32,
    /// Why.
    pub reasons: Vec<GraphReason>,
}

/// The built graph; read-only and shareable between threads.
#[derive(Debug, Default, Clone)]
pub struct CollaborationGraph {
    keys: Vec<String>,
    index: HashMap<String, NodeId>,
    csr: Csr,
    /// Sum of link weights per node.
    strength: Vec<f32>,
    attributes: Attributes,
    areas: Areas,
    scoring: Scoring,
    /// `(1 + degree)^popularity_exponent` per node, precomputed for the scoring in use.
    popularity: Vec<f32>,
}

/// The popularity factor of every node (a `powf` per candidate would dominate hub queries).
fn popularity(csr: &Csr, exponent: f32) -> Vec<f32> {
    (0..csr.nodes() as u32).map(|n| (1.0 + csr.degree(n) as f32).powf(exponent)).collect()
}

impl CollaborationGraph {
    /// The node of an organisation key.
    pub fn node(&self, key: &str) -> Option<NodeId> {
        self.index.get(key).copied()
    }

    /// The key of a node (empty for a node of another graph).
    pub fn key(&self, node: NodeId) -> &str {
        self.keys.get(node.0 as usize).map_or("", String::as_str)
    }

    /// Number of organisations.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the graph has no organisations.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Number of distinct partnerships (undirected links).
    pub fn link_count(&self) -> usize {
        self.csr.edges() / 2
    }

    /// Whether two organisations already worked together (they are never recommended as new).
    pub fn are_partners(&self, a: NodeId, b: NodeId) -> bool {
        a != b && self.csr.weight(a.0, b.0).is_some()
    }

    /// The organisations one already worked with, strongest link first.
    pub fn partners(&self, node: NodeId) -> Vec<NodeId> {
        self.csr.row(node.0).0.iter().map(|&n| NodeId(n)).collect()
    }

    /// How many organisations one already worked with.
    pub fn degree(&self, node: NodeId) -> usize {
        self.csr.degree(node.0)
    }

    /// The strength of the link between two organisations: the sum over shared projects of
    /// 1/(consortium size − 1), plus 1 per brokered partnership; 0 when not partners.
    pub fn link_weight(&self, a: NodeId, b: NodeId) -> f32 {
        self.csr.weight(a.0, b.0).unwrap_or(0.0)
    }

    /// The country given for an organisation.
    pub fn country(&self, node: NodeId) -> Option<&str> {
        self.attributes.country_of(node.0)
    }

    /// The kind given for an organisation.
    pub fn kind(&self, node: NodeId) -> Option<&str> {
        self.attributes.kind_of(node.0)
    }

    /// The scoring parameters in use.
    pub fn scoring(&self) -> &Scoring {
        &self.scoring
    }

    /// Replaces the scoring parameters (e.g. to tune them on a validation split).
    pub fn set_scoring(&mut self, scoring: Scoring) {
        self.scoring = scoring;
        self.popularity = popularity(&self.csr, self.scoring.popularity_exponent);
    }

    /// New partners for an organisation, best first; `accept` filters candidates (country,
    /// kind, city) before they take a place in the limit. Existing partners never appear.
    /// Ties are broken by [`NodeId`], so results are deterministic.
    pub fn recommend(
        &self,
        node: NodeId,
        options: &RecommendOptions,
        accept: &dyn Fn(NodeId) -> bool,
    ) -> Vec<GraphMatch> {
        self.recommend_impl(node, options, &Preferences::default(), accept)
    }

    /// Like [`recommend`](Self::recommend), with soft preferences for the candidates' country
    /// or kind.
    pub fn recommend_with(
        &self,
        node: NodeId,
        options: &RecommendOptions,
        preferences: &Preferences,
        accept: &dyn Fn(NodeId) -> bool,
    ) -> Vec<GraphMatch> {
        self.recommend_impl(node, options, preferences, accept)
    }

    /// How close two organisations are, with reasons; `None` when the graph has nothing to say
    /// (used to explain a candidate found by text). The score is the one `recommend` would
    /// give `b` for `a` without preferences.
    pub fn proximity(&self, a: NodeId, b: NodeId) -> Option<GraphMatch> {
        self.proximity_impl(a, b)
    }
}
