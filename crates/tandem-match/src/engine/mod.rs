//! The engine: profiles, organisations and programmes as documents, ranked for each other.
//!
//! The app converts its records into the plain documents below (this crate knows nothing of the
//! database), keeps the engine current one document at a time, and asks it questions. Only
//! documents that may be recommended are indexed (published profiles, directory organisations);
//! any document can be a query, so a draft profile can already see its matches.

mod docs;
mod partners;
mod profiles;
mod reasons;
mod terms;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use crate::analysis::Analyzer;
use crate::explain::Reason;
use crate::graph::CollaborationGraph;
use crate::index::TermIndex;

pub use docs::{OrgDoc, OrgKind, ProfileDoc, ProfileKind, ProgrammeDoc};

/// What a question asks for beyond its subject.
#[derive(Debug, Clone)]
pub struct Query {
    /// At most this many results.
    pub limit: usize,
    /// Today, for freshness.
    pub today: NaiveDate,
    /// Only candidates in this country (ISO 3166 alpha-2).
    pub country: Option<String>,
    /// Only candidates in this city.
    pub city: Option<String>,
}

impl Query {
    /// A query for `limit` results, unfiltered.
    pub fn new(limit: usize, today: NaiveDate) -> Query {
        Query { limit, today, country: None, city: None }
    }
}

/// What a match points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Target {
    /// A published profile.
    Profile(Uuid),
    /// A directory organisation.
    Organisation(Uuid),
    /// An organisation known only from the collaboration graph (by its key, e.g. a PIC).
    External(String),
}

/// One recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// What is recommended.
    pub target: Target,
    /// Score in 0..=1.
    pub score: f32,
    /// Why, strongest first.
    pub reasons: Vec<Reason>,
}

/// Profiles, organisations and programmes, their term vectors and the collaboration graph.
#[derive(Debug)]
pub struct Engine {
    analyzer: Analyzer,
    profiles: TermIndex<Uuid>,
    profile_docs: HashMap<Uuid, docs::ProfileMeta>,
    organisations: TermIndex<Uuid>,
    organisation_docs: HashMap<Uuid, docs::OrgMeta>,
    /// Directory organisations by graph key, so graph candidates resolve to them.
    organisation_by_key: HashMap<String, Uuid>,
    graph: CollaborationGraph,
    /// Countries of organisations known only from the graph (CORDIS), for country filters.
    external_countries: HashMap<String, String>,
    partner_cities: Vec<(String, String)>,
    /// A readable form of each term in each language, for explanations.
    surfaces: reasons::Surfaces,
}

impl Engine {
    /// An empty engine over an analyzer.
    pub fn new(analyzer: Analyzer) -> Engine {
        Engine {
            analyzer,
            profiles: TermIndex::new(),
            profile_docs: HashMap::new(),
            organisations: TermIndex::new(),
            organisation_docs: HashMap::new(),
            organisation_by_key: HashMap::new(),
            graph: CollaborationGraph::default(),
            external_countries: HashMap::new(),
            partner_cities: Vec::new(),
            surfaces: reasons::Surfaces::default(),
        }
    }

    /// The analyzer.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Declares twinned cities: a candidate in the partner city of the querying side scores higher.
    pub fn set_partner_cities(&mut self, pairs: Vec<(String, String)>) {
        self.partner_cities = pairs;
    }

    /// Replaces the collaboration graph; `countries` gives the country of organisations known only
    /// from the graph (by key), so country filters apply to them too.
    pub fn set_graph(&mut self, graph: CollaborationGraph, countries: HashMap<String, String>) {
        self.graph = graph;
        self.external_countries = countries;
    }

    /// The collaboration graph.
    pub fn graph(&self) -> &CollaborationGraph {
        &self.graph
    }

    /// Number of indexed profiles and organisations.
    pub fn len(&self) -> (usize, usize) {
        (self.profiles.len(), self.organisations.len())
    }

    /// Adds or replaces a profile that may be recommended (a published one).
    pub fn upsert_profile(&mut self, doc: &ProfileDoc) {
        let terms = terms::profile_terms(&self.analyzer, doc);
        self.index_profile(doc, &terms);
    }

    /// Adds or replaces many profiles, analysing them on every core (boot and bulk imports).
    pub fn upsert_profiles(&mut self, docs: &[ProfileDoc]) {
        // In chunks, so the analysed terms of a whole import never sit in memory at once.
        for chunk in docs.chunks(BULK_CHUNK) {
            let analyzer = &self.analyzer;
            let analysed = parallel_map(chunk, |doc| terms::profile_terms(analyzer, doc));
            for (doc, terms) in chunk.iter().zip(analysed) {
                self.index_profile(doc, &terms);
            }
        }
    }

    /// Puts an analysed profile into the index.
    fn index_profile(&mut self, doc: &ProfileDoc, terms: &terms::Terms) {
        self.surfaces.learn(terms);
        let vector = self.profiles.vector_of(terms.terms.iter().map(|t| (t.key.as_str(), t.weight)));
        self.profiles.upsert(doc.id, vector);
        self.profile_docs.insert(doc.id, docs::ProfileMeta::of(doc));
    }

    /// Adds or replaces a directory organisation.
    pub fn upsert_organisation(&mut self, doc: &OrgDoc) {
        self.remove_organisation(doc.id);
        let terms = terms::organisation_terms(&self.analyzer, doc);
        self.surfaces.learn(&terms);
        let vector = self.organisations.vector_of(terms.terms.iter().map(|t| (t.key.as_str(), t.weight)));
        self.organisations.upsert(doc.id, vector);
        self.organisation_by_key.insert(doc.graph_key.clone(), doc.id);
        self.organisation_docs.insert(doc.id, docs::OrgMeta::of(doc));
    }

    /// Removes a profile (withdrawn, expired, deleted); no-op when absent.
    pub fn remove_profile(&mut self, id: Uuid) {
        self.profiles.remove(&id);
        self.profile_docs.remove(&id);
    }

    /// Removes an organisation; no-op when absent.
    pub fn remove_organisation(&mut self, id: Uuid) {
        self.organisations.remove(&id);
        if let Some(meta) = self.organisation_docs.remove(&id) {
            self.organisation_by_key.remove(&meta.graph_key);
        }
    }

    /// Whether a profile is indexed.
    pub fn has_profile(&self, id: Uuid) -> bool {
        self.profiles.contains(&id)
    }

    /// The partner city of a city, if it is twinned.
    fn partner_city_of(&self, city: Option<&str>) -> Option<&str> {
        let city = city?;
        self.partner_cities.iter().find_map(|(a, b)| {
            if a == city {
                Some(b.as_str())
            } else if b == city {
                Some(a.as_str())
            } else {
                None
            }
        })
    }
}

/// Documents analysed together in a bulk upsert.
const BULK_CHUNK: usize = 4_096;

/// Maps items on every available core, keeping their order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if threads < 2 || items.len() < 256 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items.chunks(chunk).map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>())).collect();
        // A panic in a worker is a bug in analysis; surface it on this thread.
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

/// Freshness in 0..=1: one for today, half after about eight months.
fn freshness(published: Option<NaiveDate>, today: NaiveDate) -> (f32, i64) {
    match published {
        Some(date) => {
            let days = (today - date).num_days().max(0);
            ((-(days as f32) / 365.0).exp(), days)
        }
        None => (0.0, 0),
    }
}
