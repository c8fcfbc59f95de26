//! Collects organisations, projects and partnerships, then builds the graph in one pass.
//!
//! Projects are kept as member lists until [`GraphBuilder::build`], because pairs may be
//! excluded after their projects were added (the link-prediction benchmark hides pairs).

use std::collections::{HashMap, HashSet};

use super::areas::Areas;
use super::attributes::{Attributes, Lift, UNKNOWN};
use super::csr::Csr;
use super::intern::Interner;
use super::{CollaborationGraph, NodeId, Scoring};

/// Weight of a brokered partnership: as strong as a project of two (which gives 1/(2 − 1)).
const PARTNERSHIP_WEIGHT: f32 = 1.0;

/// Collects projects and partnerships, then builds the graph once.
#[derive(Debug)]
pub struct GraphBuilder {
    keys: Vec<String>,
    index: HashMap<String, NodeId>,
    countries: Interner,
    kinds: Interner,
    country: Vec<u16>,
    kind: Vec<u16>,
    area_names: Interner,
    /// (organisation, area) once per participation.
    area_incidences: Vec<(u32, u32)>,
    projects: HashSet<String>,
    /// Members of all projects, one slice per project (see `project_ends`).
    members: Vec<u32>,
    project_ends: Vec<usize>,
    partnerships: Vec<(u32, u32)>,
    excluded: HashSet<u64>,
    consortium_exponent: f32,
    scoring: Scoring,
}

impl Default for GraphBuilder {
    fn default() -> GraphBuilder {
        GraphBuilder {
            keys: Vec::new(),
            index: HashMap::new(),
            countries: Interner::default(),
            kinds: Interner::default(),
            country: Vec::new(),
            kind: Vec::new(),
            area_names: Interner::default(),
            area_incidences: Vec::new(),
            projects: HashSet::new(),
            members: Vec::new(),
            project_ends: Vec::new(),
            partnerships: Vec::new(),
            excluded: HashSet::new(),
            consortium_exponent: 0.5,
            scoring: Scoring::default(),
        }
    }
}

/// An unordered pair as one number, for the exclusion set.
fn pair_key(a: u32, b: u32) -> u64 {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    (u64::from(lo) << 32) | u64::from(hi)
}

/// Interns an attribute value; more than 65,534 distinct values count as unknown.
fn intern_small(interner: &mut Interner, value: &str) -> u16 {
    let id = interner.intern(value);
    u16::try_from(id).ok().filter(|&v| v != UNKNOWN).unwrap_or(UNKNOWN)
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
        self.country.push(UNKNOWN);
        self.kind.push(UNKNOWN);
        n
    }

    /// Declares an organisation (its key is a PIC or a directory id) with its country
    /// (ISO 3166 alpha-2) and kind (PRC company, HES university, REC research, PUB public,
    /// OTH), so it can be recommended even without projects. Later calls update the values
    /// given as `Some`.
    pub fn add_organisation(&mut self, key: &str, country: Option<&str>, kind: Option<&str>) {
        let n = self.node(key).0 as usize;
        if let Some(c) = country.map(str::trim).filter(|c| !c.is_empty()) {
            self.country[n] = intern_small(&mut self.countries, &c.to_ascii_uppercase());
        }
        if let Some(k) = kind.map(str::trim).filter(|k| !k.is_empty()) {
            self.kind[n] = intern_small(&mut self.kinds, &k.to_ascii_uppercase());
        }
    }

    /// Records a project, its programme area (e.g. "SC1", "LEIT-ICT") and its participants.
    pub fn add_project(&mut self, project: &str, area: Option<&str>, participants: &[&str]) {
        let areas: Vec<&str> = area.into_iter().collect();
        self.add_project_in_areas(project, &areas, participants);
    }

    /// Records a project that belongs to several programme areas (CORDIS lists up to a few
    /// programme parts per project). A project id seen before is ignored, so feeding the same
    /// participation list twice does not double its links.
    pub fn add_project_in_areas(&mut self, project: &str, areas: &[&str], participants: &[&str]) {
        if !self.projects.insert(project.to_owned()) {
            return;
        }
        let mut members: Vec<u32> = participants.iter().map(|p| self.node(p).0).collect();
        members.sort_unstable();
        members.dedup();
        let area_ids: Vec<u32> = areas
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .map(|a| self.area_names.intern(a))
            .collect();
        for &m in &members {
            for &a in &area_ids {
                self.area_incidences.push((m, a));
            }
        }
        self.members.extend_from_slice(&members);
        self.project_ends.push(self.members.len());
    }

    /// Records a partnership brokered outside projects (an introduction, an agreement, a meeting).
    pub fn add_partnership(&mut self, a: &str, b: &str) {
        let (a, b) = (self.node(a).0, self.node(b).0);
        if a != b {
            self.partnerships.push((a, b));
        }
    }

    /// Drops every link between `a` and `b` (co-participations and partnerships), whenever
    /// they were or will be added. Used to hide pairs when evaluating link prediction; both
    /// organisations stay in the graph.
    pub fn exclude_pair(&mut self, a: &str, b: &str) {
        let (a, b) = (self.node(a).0, self.node(b).0);
        self.excluded.insert(pair_key(a, b));
    }

    /// Sets the exponent α of the consortium-size discount: each project adds 1/(n − 1)^α to
    /// the link of every pair of its n participants. α = 1 is Newman's collaboration weight
    /// (every participant spreads one unit of attention over its co-participants); the
    /// default 0.5 discounts huge consortia less steeply, which predicted held-out pairs
    /// better on the validation split (the walk already divides by the intermediate's
    /// strength, so huge consortia are discounted twice).
    pub fn consortium_exponent(&mut self, alpha: f32) -> &mut GraphBuilder {
        if alpha.is_finite() {
            self.consortium_exponent = alpha;
        }
        self
    }

    /// Sets the scoring parameters the built graph starts with.
    pub fn scoring(&mut self, scoring: Scoring) -> &mut GraphBuilder {
        self.scoring = scoring;
        self
    }

    /// Builds the graph.
    pub fn build(self) -> CollaborationGraph {
        let nodes = self.keys.len();
        let mut entries: Vec<(u32, u32, f32)> = Vec::new();
        let mut start = 0;
        for &end in &self.project_ends {
            let members = &self.members[start..end];
            start = end;
            if members.len() < 2 {
                continue;
            }
            // Huge consortia say little about any one pair: a partner among 150 is weaker
            // evidence than a partner among 3.
            let weight = 1.0 / ((members.len() - 1) as f32).powf(self.consortium_exponent);
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    if !self.excluded.contains(&pair_key(a, b)) {
                        entries.push((a, b, weight));
                        entries.push((b, a, weight));
                    }
                }
            }
        }
        for &(a, b) in &self.partnerships {
            if !self.excluded.contains(&pair_key(a, b)) {
                entries.push((a, b, PARTNERSHIP_WEIGHT));
                entries.push((b, a, PARTNERSHIP_WEIGHT));
            }
        }
        let csr = Csr::from_entries(nodes, &entries);
        drop(entries);
        let strength: Vec<f32> = (0..nodes as u32).map(|n| csr.row(n).1.iter().sum()).collect();

        let links = || {
            (0..nodes as u32).flat_map(|a| {
                csr.row(a).0.iter().filter(move |&&b| a < b).map(move |&b| (a, b))
            })
        };
        let country_lift = Lift::measure(self.countries.len(), &self.country, links());
        let kind_lift = Lift::measure(self.kinds.len(), &self.kind, links());
        let attributes = Attributes {
            countries: self.countries,
            kinds: self.kinds,
            country: self.country,
            kind: self.kind,
            country_lift,
            kind_lift,
        };
        let mut incidences = self.area_incidences;
        let areas = Areas::build(nodes, self.area_names, &mut incidences);

        let popularity = super::popularity(&csr, self.scoring.popularity_exponent);
        CollaborationGraph {
            popularity,
            keys: self.keys,
            index: self.index,
            csr,
            strength,
            attributes,
            areas,
            scoring: self.scoring,
        }
    }
}
