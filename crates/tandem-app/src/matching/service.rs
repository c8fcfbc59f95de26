//! The in-memory matching engine of one app server and how it stays current.
//!
//! The engine is built on first use (commands and tests that never ask for a recommendation pay
//! nothing) from the published profiles, the directory and the collaboration graph. Every write
//! that matters appends a row to the `change_log` table in its own transaction; before answering,
//! the service reads the rows after the last one it applied — one indexed range query, usually
//! empty — and applies them: a profile or organisation is reloaded and upserted or removed, an
//! agreement, introduction or research import rebuilds the graph off the async runtime. So a
//! server never answers from a state older than the last committed write, however many servers
//! share the database.

use super::documents::{self, cities_by_id, graph_key};
use super::lexicon;
use crate::{App, AppError, AppResult};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use tandem_core::directory::{City, OrgKind, Organisation};
use tandem_core::partnering::{Profile, ProfileState};
use tandem_core::{OrgId, ProfileId};
use tandem_match::graph::GraphBuilder;
use tandem_match::{Analyzer, CollaborationGraph, Engine, Lexicon};
use tandem_store::change_log::{self, kind, Change};
use tandem_store::{agreements, cities, interests, organisations, profiles, research, Conn};
use tokio::sync::{OnceCell, RwLock, RwLockReadGuard};
use uuid::Uuid;

/// Changes read per catch-up; a backlog this long (a bulk import) is cheaper to rebuild from.
const BATCH: i64 = 2_000;
/// How long a hole in the change ids may stay open before it is taken for a rolled-back write.
/// PostgreSQL hands out ids at insert, not at commit: a reader can see id 11 committed while 10
/// is still in flight; it keeps reading above 10 until 10 appears or this much time has passed.
const GAP_GRACE: Duration = Duration::from_secs(120);

/// What the app knows of a directory organisation, for naming results.
#[derive(Debug, Clone)]
pub struct OrgInfo {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: OrgKind,
    /// City.
    pub city: Option<City>,
    /// PIC, if any.
    pub pic: Option<String>,
    /// Bulk-exchange reference, if any.
    pub external_id: Option<String>,
    /// Its node in the collaboration graph.
    pub graph_key: String,
}

impl OrgInfo {
    /// The key batch output names it by: PIC, else external id, else id.
    pub fn output_key(&self, id: Uuid) -> String {
        self.pic.clone().or_else(|| self.external_id.clone()).unwrap_or_else(|| id.to_string())
    }
}

/// An organisation known only from research projects (its name is read when a result shows
/// it, see [`research_names`]: keeping every CORDIS name in memory would cost more).
#[derive(Debug, Clone)]
pub struct ExternalOrg {
    /// Country (ISO 3166 alpha-2).
    pub country: Option<String>,
}

/// Everything one server holds for matching.
#[derive(Debug)]
pub struct State {
    /// The engine.
    pub engine: Engine,
    /// Directory organisations by id.
    pub orgs: HashMap<Uuid, OrgInfo>,
    /// Directory organisations by graph key.
    pub by_key: HashMap<String, Uuid>,
    /// Indexed (published) profiles: their owner and external id.
    pub profiles: HashMap<Uuid, (Uuid, Option<String>)>,
    /// Research organisations by PIC (empty until research data is imported).
    pub external: HashMap<String, ExternalOrg>,
    /// Graph links that come only from brokered introductions and agreements (ordered pairs of
    /// keys): private facts that explanations must not show to outsiders.
    pub private_pairs: HashSet<(String, String)>,
    cities: HashMap<Uuid, City>,
    partner_cities: Vec<(String, String)>,
    cursor: Cursor,
}

impl State {
    /// Whether the link between two graph keys is a private (brokered) one.
    pub fn is_private_link(&self, a: &str, b: &str) -> bool {
        self.private_pairs.contains(&ordered(a, b))
    }

    /// A display name for a graph key: the directory name, the research name (from `research`,
    /// see [`research_names`]), or the key.
    pub fn name_of_key(&self, key: &str, research: &HashMap<String, String>) -> String {
        if let Some(info) = self.by_key.get(key).and_then(|id| self.orgs.get(id)) {
            return info.name.clone();
        }
        research.get(key).cloned().unwrap_or_else(|| key.to_owned())
    }

    /// The city of an organisation, by id.
    pub fn city_of(&self, org: Uuid) -> Option<&City> {
        self.orgs.get(&org).and_then(|o| o.city.as_ref())
    }

    /// The twin of `city` among the partnership's cities, if it has one.
    pub fn partner_city(&self, city: &str) -> Option<String> {
        self.partner_cities.iter().find_map(|(a, b)| {
            if a == city {
                Some(b.clone())
            } else if b == city {
                Some(a.clone())
            } else {
                None
            }
        })
    }

    /// The last change applied.
    pub fn applied_up_to(&self) -> i64 {
        self.cursor.watermark
    }
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b { (a.to_owned(), b.to_owned()) } else { (b.to_owned(), a.to_owned()) }
}

/// Which changes have been applied: every id up to `watermark`, and the ids in `above`.
#[derive(Debug, Default)]
struct Cursor {
    watermark: i64,
    above: BTreeSet<i64>,
    /// The first missing id above the watermark and when it was first seen missing.
    gap: Option<(i64, Instant)>,
}

impl Cursor {
    fn at(watermark: i64) -> Cursor {
        Cursor { watermark, above: BTreeSet::new(), gap: None }
    }

    fn is_applied(&self, id: i64) -> bool {
        id <= self.watermark || self.above.contains(&id)
    }

    /// Whether the write lock is needed: a change to apply, or a gap old enough to skip.
    fn needs_work(&self, changes: &[Change]) -> bool {
        changes.iter().any(|c| !self.is_applied(c.id)) || self.gap.is_some_and(|(_, since)| since.elapsed() >= GAP_GRACE)
    }

    fn mark(&mut self, id: i64) {
        if id > self.watermark {
            self.above.insert(id);
        }
        self.advance();
    }

    /// Moves the watermark over applied ids, and over a gap that stayed open past the grace.
    fn advance(&mut self) {
        loop {
            while self.above.remove(&(self.watermark + 1)) {
                self.watermark += 1;
            }
            let Some(&next) = self.above.first() else {
                self.gap = None;
                return;
            };
            let missing = self.watermark + 1;
            match self.gap {
                Some((id, since)) if id == missing && since.elapsed() >= GAP_GRACE => {
                    // A rolled-back write (or one slower than any sensible transaction): skip it.
                    self.watermark = next - 1;
                    self.gap = None;
                }
                Some((id, _)) if id == missing => return,
                _ => {
                    self.gap = Some((missing, Instant::now()));
                    return;
                }
            }
        }
    }
}

/// The matching service of one app server.
#[derive(Debug, Default)]
pub struct MatchingService {
    /// A lexicon set at startup (with the operator's dictionary); otherwise the shipped one.
    lexicon: OnceLock<Lexicon>,
    state: OnceCell<RwLock<State>>,
}

impl MatchingService {
    /// Uses `lexicon` instead of the shipped one; refused once the engine is built.
    pub fn set_lexicon(&self, lexicon: Lexicon) -> AppResult<()> {
        if self.state.initialized() {
            return Err(AppError::Internal("the matching lexicon must be set before the first recommendation".into()));
        }
        self.lexicon.set(lexicon).map_err(|_| AppError::Internal("the matching lexicon is already set".into()))
    }

    /// The engine, current with every committed write: built on first use, then brought up to
    /// date from the change log.
    pub async fn current(&self, app: &App) -> AppResult<RwLockReadGuard<'_, State>> {
        let lock = self.state.get_or_try_init(|| async { Ok::<_, AppError>(RwLock::new(self.load(app).await?)) }).await?;
        let mut conn = app.db().acquire().await?;
        let after = lock.read().await.cursor.watermark;
        let changes = change_log::since(conn.conn(), after, BATCH).await?;
        drop(conn);
        if !lock.read().await.cursor.needs_work(&changes) {
            return Ok(lock.read().await);
        }
        let mut state = lock.write().await;
        if changes.len() as i64 >= BATCH {
            // A bulk import: one rebuild beats thousands of single reloads.
            *state = self.load(app).await?;
        } else {
            // Another task may have applied some of them while this one waited for the lock.
            let pending: Vec<Change> = changes.into_iter().filter(|c| !state.cursor.is_applied(c.id)).collect();
            apply(app, &mut state, &pending).await?;
            state.cursor.advance();
        }
        drop(state);
        Ok(lock.read().await)
    }

    /// Builds the state from the database.
    async fn load(&self, app: &App) -> AppResult<State> {
        let lexicon = match self.lexicon.get() {
            Some(lexicon) => lexicon.clone(),
            None => lexicon::shipped(app.nace(), app.keywords()),
        };
        let mut conn = app.db().acquire().await?;
        // Read before the data: a change committed meanwhile is applied again (harmless), never lost.
        let watermark = change_log::latest(conn.conn()).await?;
        let cities = cities::list(conn.conn()).await?;
        let by_city = cities_by_id(&cities);
        let external_ids: HashMap<Uuid, String> = organisations::external_ids(conn.conn()).await?.into_iter().collect();
        let all_orgs = organisations::list_all(conn.conn()).await?;
        let published = profiles::published(conn.conn()).await?;
        let mut orgs = HashMap::new();
        let mut by_key = HashMap::new();
        for org in &all_orgs {
            let info = org_info(org, &by_city, external_ids.get(&org.id.0).cloned());
            by_key.insert(info.graph_key.clone(), org.id.0);
            orgs.insert(org.id.0, info);
        }
        let research = research_data(conn.conn(), &orgs).await?;
        let graph_input = graph_input(conn.conn(), &orgs, &research).await?;
        drop(conn);

        let mut profile_index = HashMap::new();
        let mut profile_docs = Vec::new();
        for p in published.iter().filter(|p| orgs.contains_key(&p.owner_org_id.0)) {
            let city = orgs.get(&p.owner_org_id.0).and_then(|o| o.city.as_ref());
            profile_docs.push(documents::profile_doc(p, city));
            profile_index.insert(p.id.0, (p.owner_org_id.0, p.external_id.clone()));
        }
        let org_docs: Vec<_> = all_orgs
            .iter()
            .map(|o| {
                let titles = research.titles.get(&graph_key(o)).map(Vec::as_slice).unwrap_or(&[]);
                documents::org_doc(o, by_city.get(&o.city_id.0), titles)
            })
            .collect();
        let pairs = documents::partner_cities(&cities);
        let partner_cities = pairs.clone();
        let private_pairs = graph_input.private_pairs();
        // Analysing every document is CPU work: keep it off the async runtime's threads.
        let engine = tokio::task::spawn_blocking(move || {
            let mut engine = Engine::new(Analyzer::new(lexicon));
            engine.set_partner_cities(pairs);
            engine.upsert_profiles(&profile_docs);
            for doc in &org_docs {
                engine.upsert_organisation(doc);
            }
            let (graph, countries) = graph_input.build();
            engine.set_graph(graph, countries);
            engine
        })
        .await
        .map_err(|e| AppError::Internal(format!("building the matching engine failed: {e}")))?;
        Ok(State {
            engine,
            orgs,
            by_key,
            profiles: profile_index,
            external: research.orgs,
            private_pairs,
            cities: by_city,
            partner_cities,
            cursor: Cursor::at(watermark),
        })
    }
}

fn org_info(org: &Organisation, cities: &HashMap<Uuid, City>, external_id: Option<String>) -> OrgInfo {
    OrgInfo {
        name: org.name.clone(),
        kind: org.kind,
        city: cities.get(&org.city_id.0).cloned(),
        pic: org.external_ids.pic.clone().filter(|p| !p.trim().is_empty()),
        external_id,
        graph_key: graph_key(org),
    }
}

/// Applies changes the state has not seen yet.
async fn apply(app: &App, state: &mut State, changes: &[Change]) -> AppResult<()> {
    let mut profile_ids = BTreeSet::new();
    let mut org_ids = BTreeSet::new();
    let mut rebuild_graph = false;
    for change in changes {
        let id = Uuid::parse_str(&change.entity_id).ok();
        match (change.entity_kind.as_str(), id) {
            (kind::PROFILE, Some(id)) => {
                profile_ids.insert(id);
            }
            (kind::ORGANISATION, Some(id)) => {
                org_ids.insert(id);
            }
            (kind::AGREEMENT | kind::INTRODUCTION | kind::RESEARCH, _) => rebuild_graph = true,
            // Programmes are only ever queries, read fresh on each request; unknown kinds come
            // from a newer server sharing the database and concern this one not.
            _ => {}
        }
    }
    let mut conn = app.db().acquire().await?;
    for id in profile_ids {
        let profile = profiles::get(conn.conn(), ProfileId(id)).await?;
        let owner = profile.as_ref().map(|p| p.owner_org_id.0).or_else(|| state.profiles.get(&id).map(|p| p.0));
        match profile.filter(|p| p.lifecycle.state == ProfileState::Published && state.orgs.contains_key(&p.owner_org_id.0)) {
            Some(p) => {
                let doc = documents::profile_doc(&p, state.city_of(p.owner_org_id.0));
                state.engine.upsert_profile(&doc);
                state.profiles.insert(id, (p.owner_org_id.0, p.external_id.clone()));
            }
            None => {
                state.engine.remove_profile(id);
                state.profiles.remove(&id);
            }
        }
        // The owner's document carries its published profiles' titles.
        if let Some(owner) = owner {
            org_ids.insert(owner);
        }
    }
    for id in org_ids {
        rebuild_graph |= reload_org(conn.conn(), state, id).await?;
    }
    if rebuild_graph {
        let research = research_data(conn.conn(), &state.orgs).await?;
        let input = graph_input(conn.conn(), &state.orgs, &research).await?;
        drop(conn);
        state.private_pairs = input.private_pairs();
        state.external = research.orgs;
        let (graph, countries) = tokio::task::spawn_blocking(move || input.build())
            .await
            .map_err(|e| AppError::Internal(format!("building the collaboration graph failed: {e}")))?;
        state.engine.set_graph(graph, countries);
    }
    for change in changes {
        state.cursor.mark(change.id);
    }
    Ok(())
}

/// Reloads one organisation and its published profiles; true when its graph key changed (the
/// graph must be rebuilt).
async fn reload_org(mut conn: Conn<'_>, state: &mut State, id: Uuid) -> AppResult<bool> {
    let Some(org) = organisations::get(conn.reborrow(), OrgId(id)).await? else {
        state.engine.remove_organisation(id);
        let removed = state.orgs.remove(&id);
        if let Some(info) = &removed {
            state.by_key.remove(&info.graph_key);
        }
        return Ok(removed.is_some());
    };
    let external_id = match organisations::external_id_of(conn.reborrow(), OrgId(id)).await {
        Ok(e) => e,
        Err(tandem_store::StoreError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    let info = org_info(&org, &state.cities, external_id);
    let previous = state.orgs.insert(id, info.clone());
    let key_changed = previous.as_ref().is_none_or(|p| p.graph_key != info.graph_key);
    if let Some(p) = &previous {
        state.by_key.remove(&p.graph_key);
    }
    state.by_key.insert(info.graph_key.clone(), id);
    let owned: Vec<Profile> = profiles::for_owner(conn.reborrow(), OrgId(id))
        .await?
        .into_iter()
        .filter(|p| p.lifecycle.state == ProfileState::Published)
        .collect();
    // The city may have changed: the owner's profiles carry it.
    for p in &owned {
        state.engine.upsert_profile(&documents::profile_doc(p, info.city.as_ref()));
        state.profiles.insert(p.id.0, (id, p.external_id.clone()));
    }
    let titles = research_titles_of(conn.reborrow(), &info.graph_key).await?;
    state.engine.upsert_organisation(&documents::org_doc(&org, info.city.as_ref(), &titles));
    Ok(key_changed && previous.is_some())
}

/// What the research tables say: organisations by PIC, project titles per PIC, participations.
#[derive(Debug, Default)]
struct Research {
    orgs: HashMap<String, ExternalOrg>,
    titles: HashMap<String, Vec<String>>,
    /// (project, programme area, participant PICs).
    projects: Vec<(String, Option<String>, Vec<String>)>,
}

/// Research projects an organisation's document takes titles from.
const RESEARCH_TITLES: u32 = 50;

/// The research (CORDIS) participations for the graph and the countries of organisations known
/// only from them; `directory` are the directory organisations, whose project titles are read.
async fn research_data(mut conn: Conn<'_>, directory: &HashMap<Uuid, OrgInfo>) -> AppResult<Research> {
    let mut projects: Vec<(String, Option<String>, Vec<String>)> = Vec::new();
    // Ordered by project: the rows of one project are adjacent.
    for p in research::participations_for_graph(conn.reborrow()).await? {
        match projects.last_mut() {
            Some((id, _, pics)) if *id == p.project_id => pics.push(p.pic),
            _ => projects.push((p.project_id, p.programme, vec![p.pic])),
        }
    }
    let orgs = research::organisations_for_graph(conn.reborrow())
        .await?
        .into_iter()
        .map(|o| (o.pic.clone(), ExternalOrg { country: o.country }))
        .collect();
    let mut titles = HashMap::new();
    for info in directory.values().filter(|o| o.pic.is_some()) {
        titles.insert(info.graph_key.clone(), research_titles_of(conn.reborrow(), &info.graph_key).await?);
    }
    Ok(Research { orgs, titles, projects })
}

/// Titles of the research projects of the organisation with graph key `key` (a PIC).
async fn research_titles_of(conn: Conn<'_>, key: &str) -> AppResult<Vec<String>> {
    let projects = research::projects_of(conn, key, RESEARCH_TITLES).await?;
    Ok(projects.into_iter().filter_map(|p| p.project.title.or(p.project.acronym)).collect())
}

/// Names of research organisations (by PIC), for the keys a result shows.
pub async fn research_names(app: &App, pics: Vec<String>) -> AppResult<HashMap<String, String>> {
    if pics.is_empty() {
        return Ok(HashMap::new());
    }
    let mut conn = app.db().acquire().await?;
    let found = research::organisations_by_pics(conn.conn(), &pics).await?;
    Ok(found.into_iter().map(|o| (o.pic, o.name)).collect())
}

/// Everything the graph is built from, loaded on the runtime and built off it.
struct GraphInput {
    orgs: Vec<(String, String, &'static str)>,
    projects: Vec<(String, Option<String>, Vec<String>)>,
    partnerships: Vec<(String, String)>,
    external_countries: HashMap<String, String>,
}

impl GraphInput {
    fn private_pairs(&self) -> HashSet<(String, String)> {
        self.partnerships.iter().map(|(a, b)| ordered(a, b)).collect()
    }

    fn build(self) -> (CollaborationGraph, HashMap<String, String>) {
        let mut builder = GraphBuilder::new();
        for (key, country, kind) in &self.orgs {
            builder.add_organisation(key, Some(country.as_str()).filter(|c| !c.is_empty()), Some(kind));
        }
        for (project, area, participants) in &self.projects {
            let keys: Vec<&str> = participants.iter().map(String::as_str).collect();
            builder.add_project(project, area.as_deref(), &keys);
        }
        for (a, b) in &self.partnerships {
            builder.add_partnership(a, b);
        }
        (builder.build(), self.external_countries)
    }
}

async fn graph_input(mut conn: Conn<'_>, orgs: &HashMap<Uuid, OrgInfo>, research: &Research) -> AppResult<GraphInput> {
    let key_of = |id: OrgId| orgs.get(&id.0).map(|o| o.graph_key.clone());
    let mut partnerships = Vec::new();
    let mut pairs = agreements::confirmed_pairs(conn.reborrow()).await?;
    pairs.extend(interests::introduced_pairs(conn.reborrow()).await?);
    for (a, b) in pairs {
        if let (Some(a), Some(b)) = (key_of(a), key_of(b))
            && a != b
        {
            partnerships.push((a, b));
        }
    }
    let directory_orgs = orgs
        .values()
        .map(|o| {
            let country = o.city.as_ref().map(|c| c.country.clone()).unwrap_or_default();
            (o.graph_key.clone(), country, documents::cordis_kind(o.kind))
        })
        .collect();
    let external_countries = research
        .orgs
        .iter()
        .filter_map(|(pic, org)| Some((pic.clone(), org.country.clone()?)))
        .collect();
    Ok(GraphInput { orgs: directory_orgs, projects: research.projects.clone(), partnerships, external_countries })
}
