//! The collaboration graph: organisations are linked when they worked on the same project
//! (CORDIS participations) or when Tandem brokered a partnership between them (introductions,
//! agreements, meetings). Partner recommendations come from proximity in this graph.
//!
//! STUB: the real implementation replaces these bodies; the public API below is the contract
//! the engine and the app build on.

use std::collections::HashMap;

/// A dense node number, valid for one built graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// Collects projects and partnerships, then builds the graph once.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    keys: Vec<String>,
    index: HashMap<String, NodeId>,
}

impl GraphBuilder {
    /// An empty builder.
    pub fn new() -> GraphBuilder {
        GraphBuilder::default()
    }

    fn node(&mut self, key: &str) -> NodeId {
        if let Some(&n) = self.index.get(key) {
            return n;
        }
        let n = NodeId(self.keys.len() as u32);
        self.keys.push(key.to_owned());
        self.index.insert(key.to_owned(), n);
        n
    }

    /// Declares an organisation (its key is a PIC or a directory id) with its country
    /// (ISO 3166 alpha-2) and kind, so it can be recommended even without projects.
    pub fn add_organisation(&mut self, key: &str, country: Option<&str>, kind: Option<&str>) {
        let _ = (country, kind);
        self.node(key);
    }

    /// Records a project, its programme area (e.g. "SC1", "LEIT-ICT") and its participants.
    pub fn add_project(&mut self, project: &str, area: Option<&str>, participants: &[&str]) {
        let _ = (project, area);
        for p in participants {
            self.node(p);
        }
    }

    /// Records a partnership brokered outside projects (an introduction, an agreement, a meeting).
    pub fn add_partnership(&mut self, a: &str, b: &str) {
        self.node(a);
        self.node(b);
    }

    /// Builds the graph.
    pub fn build(self) -> CollaborationGraph {
        CollaborationGraph { keys: self.keys, index: self.index }
    }
}

/// Options of one recommendation query.
#[derive(Debug, Clone)]
pub struct RecommendOptions {
    /// At most this many candidates.
    pub limit: usize,
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
}

impl CollaborationGraph {
    /// The node of an organisation key.
    pub fn node(&self, key: &str) -> Option<NodeId> {
        self.index.get(key).copied()
    }

    /// The key of a node.
    pub fn key(&self, node: NodeId) -> &str {
        &self.keys[node.0 as usize]
    }

    /// Number of organisations.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the graph has no organisations.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether two organisations already worked together (they are never recommended as new).
    pub fn are_partners(&self, a: NodeId, b: NodeId) -> bool {
        let _ = (a, b);
        false
    }

    /// The organisations one already worked with.
    pub fn partners(&self, node: NodeId) -> Vec<NodeId> {
        let _ = node;
        Vec::new()
    }

    /// New partners for an organisation, best first; `accept` filters candidates (country,
    /// kind, city) before they take a place in the limit. Existing partners never appear.
    pub fn recommend(
        &self,
        node: NodeId,
        options: &RecommendOptions,
        accept: &dyn Fn(NodeId) -> bool,
    ) -> Vec<GraphMatch> {
        let _ = (node, options, accept);
        Vec::new()
    }

    /// How close two organisations are, with reasons; `None` when the graph has nothing to say
    /// (used to explain a candidate found by text).
    pub fn proximity(&self, a: NodeId, b: NodeId) -> Option<GraphMatch> {
        let _ = (a, b);
        None
    }
}
