//! Organisations for organisations (new partners), for R&D requests (research partners) and
//! for programmes (SMEs that fit). Text similarity and the collaboration graph each propose
//! candidates; a candidate's score blends both, and existing partners never appear.

use std::collections::HashMap;

use uuid::Uuid;

use crate::explain::Reason;
use crate::graph::{GraphMatch, GraphReason, NodeId, RecommendOptions};

use super::docs::{OrgDoc, OrgKind, ProfileDoc, ProgrammeDoc};
use super::profiles::sort_and_cut;
use super::{reasons, terms, Engine, Match, Query, Target};

/// Share of the graph in a partner score when both text and graph speak.
const GRAPH_SHARE: f32 = 0.5;
const PARTNER_CITY_LIFT: f32 = 0.15;
const CANDIDATES_PER_RESULT: usize = 5;
const MIN_CANDIDATES: usize = 50;

/// One candidate's evidence while candidates from both sources are merged.
#[derive(Default)]
struct Evidence {
    graph: Option<GraphMatch>,
    text: f32,
}

impl Engine {
    fn candidate_count(q: &Query) -> usize {
        (q.limit * CANDIDATES_PER_RESULT).max(MIN_CANDIDATES)
    }

    fn target_of_key(&self, key: &str) -> Target {
        match self.organisation_by_key.get(key) {
            Some(id) => Target::Organisation(*id),
            None => Target::External(key.to_owned()),
        }
    }

    /// Country and city of a candidate known by graph key.
    fn place_of_key(&self, key: &str) -> (Option<&str>, Option<&str>) {
        match self.organisation_by_key.get(key).and_then(|id| self.organisation_docs.get(id)) {
            Some(meta) => (Some(meta.country.as_str()), meta.city.as_deref()),
            None => (self.external_countries.get(key).map(String::as_str), None),
        }
    }

    fn place_accepted(q: &Query, country: Option<&str>, city: Option<&str>) -> bool {
        q.country.as_ref().is_none_or(|c| country.is_some_and(|x| x.eq_ignore_ascii_case(c)))
            && q.city.as_ref().is_none_or(|c| city == Some(c.as_str()))
    }

    /// New partners for a directory organisation, best first.
    pub fn partners_for_organisation(&self, doc: &OrgDoc, q: &Query) -> Vec<Match> {
        let terms = terms::organisation_terms(&self.analyzer, doc);
        let vector = self.organisations.query_vector(terms.terms.iter().map(|t| (t.key.as_str(), t.weight)));
        self.partners(&doc.graph_key, Some(&vector), Some(doc.id), doc.city.as_deref(), q)
    }

    /// New partners for an organisation known by its graph key (a PIC, or a directory
    /// organisation's key), best first; `None` when the key is unknown.
    pub fn partners_for_key(&self, key: &str, q: &Query) -> Option<Vec<Match>> {
        let own = self.organisation_by_key.get(key).copied();
        if own.is_none() && self.graph.node(key).is_none() {
            return None;
        }
        let vector = own.and_then(|id| self.organisations.vector(&id)).map(<[_]>::to_vec);
        let city = own.and_then(|id| self.organisation_docs.get(&id)).and_then(|m| m.city.clone());
        Some(self.partners(key, vector.as_deref(), own, city.as_deref(), q))
    }

    fn partners(&self, key: &str, vector: Option<&[(u32, f32)]>, own: Option<Uuid>, city: Option<&str>, q: &Query) -> Vec<Match> {
        let node = self.graph.node(key);
        let is_partner = |other: &str| match (node, self.graph.node(other)) {
            (Some(a), Some(b)) => a == b || self.graph.are_partners(a, b),
            _ => false,
        };
        let mut evidence: HashMap<String, Evidence> = HashMap::new();
        if let Some(node) = node {
            let accept = |n: NodeId| {
                let other = self.graph.key(n);
                let (country, city) = self.place_of_key(other);
                Some(other) != Some(key) && Self::place_accepted(q, country, city)
            };
            let options = RecommendOptions { limit: Self::candidate_count(q) };
            for found in self.graph.recommend(node, &options, &accept) {
                let other = self.graph.key(found.node).to_owned();
                evidence.entry(other).or_default().graph = Some(found);
            }
        }
        if let Some(vector) = vector {
            let accept = |id: &Uuid| {
                let Some(meta) = self.organisation_docs.get(id) else { return false };
                Some(*id) != own
                    && !is_partner(&meta.graph_key)
                    && Self::place_accepted(q, Some(&meta.country), meta.city.as_deref())
            };
            for (id, similarity) in self.organisations.search(vector, Self::candidate_count(q), &accept) {
                let Some(meta) = self.organisation_docs.get(&id) else { continue };
                let entry = evidence.entry(meta.graph_key.clone()).or_default();
                entry.text = similarity;
                if entry.graph.is_none()
                    && let (Some(a), Some(b)) = (node, self.graph.node(&meta.graph_key))
                {
                    entry.graph = self.graph.proximity(a, b);
                }
            }
        }
        let graph_share = if vector.is_some() { GRAPH_SHARE } else { 1.0 };
        let partner_city = self.partner_city_of(city);
        let mut ranked: Vec<Match> = evidence
            .into_iter()
            .filter(|(other, _)| !is_partner(other))
            .map(|(other, found)| {
                let target = self.target_of_key(&other);
                let (_, other_city) = self.place_of_key(&other);
                let in_partner_city = partner_city.is_some() && other_city == partner_city;
                let graph_score = found.graph.as_ref().map_or(0.0, |g| g.score);
                let base = graph_share * graph_score + (1.0 - graph_share) * found.text;
                let lift = 1.0 + PARTNER_CITY_LIFT * f32::from(u8::from(in_partner_city));
                let mut why = Vec::new();
                if let (Target::Organisation(id), Some(vector)) = (&target, vector)
                    && let Some(stored) = self.organisations.vector(id)
                {
                    why.extend(reasons::text_reasons(&self.organisations, &self.analyzer, &self.surfaces, vector, stored));
                }
                if let Some(g) = &found.graph {
                    why.extend(self.graph_reasons(g));
                }
                if let (true, Some(city)) = (in_partner_city, other_city) {
                    why.push(Reason::PartnerCity { city: city.to_owned() });
                }
                Match { target, score: base * lift / (1.0 + PARTNER_CITY_LIFT), reasons: why }
            })
            .filter(|m| m.score > 0.0)
            .collect();
        sort_and_cut(&mut ranked, q.limit);
        ranked
    }

    fn graph_reasons(&self, found: &GraphMatch) -> Vec<Reason> {
        found
            .reasons
            .iter()
            .map(|reason| {
                let keys = |via: &[NodeId]| via.iter().map(|n| self.graph.key(*n).to_owned()).collect();
                match reason {
                    GraphReason::SharedPartners { via, count } => Reason::SharedPartners { keys: keys(via), count: *count },
                    GraphReason::PartnersOfPartners { via, count } => {
                        Reason::PartnersOfPartners { keys: keys(via), count: *count }
                    }
                    GraphReason::SharedAreas { areas } => Reason::SharedAreas { areas: areas.clone() },
                }
            })
            .collect()
    }

    /// Organisations that do research on what a profile is about (for R&D requests and
    /// technology requests), best first.
    pub fn research_partners(&self, doc: &ProfileDoc, q: &Query) -> Vec<Match> {
        let terms = terms::profile_terms(&self.analyzer, doc);
        let vector = self.organisations.query_vector(terms.terms.iter().map(|t| (t.key.as_str(), t.weight)));
        self.organisations_fitting(&vector, doc.owner, doc.city.as_deref(), q, OrgKind::does_research, Some(doc.kind.key()))
    }

    /// Small businesses that fit a programme, best first.
    pub fn smes_for_programme(&self, doc: &ProgrammeDoc, q: &Query) -> Vec<Match> {
        let terms = terms::programme_terms(&self.analyzer, doc);
        let vector = self.organisations.query_vector(terms.terms.iter().map(|t| (t.key.as_str(), t.weight)));
        self.organisations_fitting(&vector, doc.org, doc.city.as_deref(), q, OrgKind::is_small_business, None)
    }

    fn organisations_fitting(
        &self,
        vector: &[(u32, f32)],
        exclude: Uuid,
        city: Option<&str>,
        q: &Query,
        kind: fn(OrgKind) -> bool,
        complement_of: Option<&str>,
    ) -> Vec<Match> {
        let accept = |id: &Uuid| {
            let Some(meta) = self.organisation_docs.get(id) else { return false };
            *id != exclude && kind(meta.kind) && Self::place_accepted(q, Some(&meta.country), meta.city.as_deref())
        };
        let partner_city = self.partner_city_of(city);
        let mut ranked: Vec<Match> = self
            .organisations
            .search(vector, Self::candidate_count(q), &accept)
            .into_iter()
            .filter_map(|(id, similarity)| {
                let meta = self.organisation_docs.get(&id)?;
                let stored = self.organisations.vector(&id)?;
                let in_partner_city = partner_city.is_some() && meta.city.as_deref() == partner_city;
                let mut why = Vec::new();
                if let Some(this) = complement_of {
                    why.push(Reason::Complementary { this: this.to_owned(), other: "research".to_owned() });
                }
                why.extend(reasons::text_reasons(&self.organisations, &self.analyzer, &self.surfaces, vector, stored));
                if let (true, Some(city)) = (in_partner_city, meta.city.as_deref()) {
                    why.push(Reason::PartnerCity { city: city.to_owned() });
                }
                let lift = 1.0 + PARTNER_CITY_LIFT * f32::from(u8::from(in_partner_city));
                Some(Match { target: Target::Organisation(id), score: similarity * lift / (1.0 + PARTNER_CITY_LIFT), reasons: why })
            })
            .collect();
        sort_and_cut(&mut ranked, q.limit);
        ranked
    }
}
