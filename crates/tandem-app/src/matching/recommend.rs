//! The recommendation use cases: authorise (reusing the pages' own view rules) → load the
//! subject → ask the engine → resolve the results into what this actor may see.

use super::documents;
use super::feedback::{target_parts, votes_on};
use super::service::State;
use super::{FeedbackSubject, FeedbackTarget, PartnerSuggestions, Reason, RecommendedOrganisation, RecommendedProfile};
use crate::partnering::profiles::{self as profile_views, owner_view_among};
use crate::{App, AppError, AppResult};
use chrono::Utc;
use serde::Serialize;
use std::collections::HashMap;
use tandem_core::partnering::{ProfileLanguage, ProfileState};
use tandem_core::policy::{self, Actor, Denied};
use tandem_core::{OrgId, ProfileId, ProgrammeId};
use tandem_match::{Match, Query, Target};
use tandem_store::{cities, interests, organisations, profiles};
use uuid::Uuid;

/// Most results any question returns.
pub const MAX_LIMIT: usize = 100;

fn query(limit: usize) -> Query {
    Query::new(limit.clamp(1, MAX_LIMIT), Utc::now().date_naive())
}

type Votes = HashMap<(String, String), bool>;

fn vote_for(votes: &Votes, target: &FeedbackTarget) -> Option<bool> {
    let (kind, key) = target_parts(target);
    votes.get(&(kind.to_owned(), key)).copied()
}

/// Published profiles of other organisations matching a profile the actor may see.
pub async fn matching_profiles(app: &App, actor: &Actor, profile: ProfileId, limit: usize) -> AppResult<Vec<RecommendedProfile>> {
    let view = profile_views::view(app, actor, profile).await?;
    let doc = documents::profile_doc(&view.profile, Some(&view.owner.city));
    let matches = {
        let state = app.matching().current(app).await?;
        state.engine.matching_profiles(&doc, &query(limit))
    };
    let votes = votes_on(app, actor, FeedbackSubject::Profile(profile)).await?;
    resolve_profiles(app, actor, matches, &votes).await
}

/// Published profiles for a free-text search in English or German (language detected when
/// `None`), anonymised for the actor.
pub async fn search_profiles(
    app: &App,
    actor: &Actor,
    text: &str,
    language: Option<ProfileLanguage>,
    limit: usize,
) -> AppResult<Vec<RecommendedProfile>> {
    let matches = {
        let state = app.matching().current(app).await?;
        state.engine.search_profiles(text, language.map(documents::language), &query(limit))
    };
    resolve_profiles(app, actor, matches, &Votes::new()).await
}

/// Matched profiles as the actor may see them: the owner's name only when
/// `policy::can_see_profile_owner` allows (the marketplace's rule, via `owner_view_among`).
async fn resolve_profiles(app: &App, actor: &Actor, matches: Vec<Match>, votes: &Votes) -> AppResult<Vec<RecommendedProfile>> {
    let mut conn = app.db().acquire().await?;
    let all_cities = cities::list(conn.conn()).await?;
    let mut out = Vec::with_capacity(matches.len());
    for m in matches {
        let Target::Profile(id) = m.target else { continue };
        // Withdrawn since the engine last looked: never show it.
        let Some(profile) = profiles::get(conn.conn(), ProfileId(id)).await?.filter(|p| p.lifecycle.state == ProfileState::Published)
        else {
            continue;
        };
        let Some(owner) = organisations::get(conn.conn(), profile.owner_org_id).await? else { continue };
        let introduced = interests::introduced_orgs(conn.conn(), profile.id).await?;
        let owner_view = owner_view_among(&all_cities, actor, &owner, &introduced)?;
        out.push(RecommendedProfile {
            id: profile.id,
            external_id: profile.external_id.clone(),
            title: profile.content.title.clone(),
            profile_type: profile.content.profile_type,
            owner_name: owner_view.identity.map(|(_, name, _)| name),
            city: owner_view.city.name.clone(),
            country: owner_view.city.country.clone(),
            score: m.score,
            reasons: m.reasons,
            vote: vote_for(votes, &FeedbackTarget::Profile(profile.id)),
        });
    }
    Ok(out)
}

/// Organisations that do research on what a profile is about (shown on R&D requests).
pub async fn research_partners(app: &App, actor: &Actor, profile: ProfileId, limit: usize) -> AppResult<Vec<RecommendedOrganisation>> {
    let view = profile_views::view(app, actor, profile).await?;
    let doc = documents::profile_doc(&view.profile, Some(&view.owner.city));
    let votes = votes_on(app, actor, FeedbackSubject::Profile(profile)).await?;
    let state = app.matching().current(app).await?;
    let matches = state.engine.research_partners(&doc, &query(limit));
    let names = research_names(app, &state, &matches).await?;
    Ok(resolve_orgs(&state, actor, matches, &votes, &names))
}

/// New partners for an organisation in its partner city, excluding existing partners. Only its
/// own people, support-organisation staff and platform admins may ask: the suggestions rest on
/// the organisation's collaborations.
pub async fn potential_partners(app: &App, actor: &Actor, org: OrgId, limit: usize) -> AppResult<PartnerSuggestions> {
    actor.user()?;
    if !policy::can_see_confidential(actor, org) {
        return Err(Denied::Forbidden.into());
    }
    let votes = votes_on(app, actor, FeedbackSubject::Organisation(org)).await?;
    let state = app.matching().current(app).await?;
    let info = state.orgs.get(&org.0).ok_or(AppError::NotFound)?;
    let own_city = info.city.as_ref().map(|c| c.name.clone());
    let partner_city = own_city.as_deref().and_then(|city| state.partner_city(city));
    let mut q = query(limit);
    q.city = partner_city.clone();
    let matches = state.engine.partners_for_key(&info.graph_key, &q).unwrap_or_default();
    let names = research_names(app, &state, &matches).await?;
    let items = resolve_orgs(&state, actor, matches, &votes, &names);
    Ok(PartnerSuggestions { partner_city, items })
}

/// SMEs and start-ups that fit a programme the actor may see.
pub async fn smes_for_programme(app: &App, actor: &Actor, programme: ProgrammeId, limit: usize) -> AppResult<Vec<RecommendedOrganisation>> {
    let view = crate::directory::programmes::view(app, actor, programme).await?;
    let votes = votes_on(app, actor, FeedbackSubject::Programme(programme)).await?;
    let state = app.matching().current(app).await?;
    let doc = documents::programme_doc(&view.programme, state.city_of(view.organisation.id.0));
    let matches = state.engine.smes_for_programme(&doc, &query(limit));
    let names = research_names(app, &state, &matches).await?;
    Ok(resolve_orgs(&state, actor, matches, &votes, &names))
}

/// The research names of the organisations outside the directory that `matches` show (as
/// targets or in reasons), read in one query.
async fn research_names(app: &App, state: &State, matches: &[Match]) -> AppResult<HashMap<String, String>> {
    let mut pics: Vec<String> = Vec::new();
    for m in matches {
        if let Target::External(key) = &m.target {
            pics.push(key.clone());
        }
        for reason in &m.reasons {
            if let Reason::SharedPartners { keys, .. } | Reason::PartnersOfPartners { keys, .. } = reason {
                pics.extend(keys.iter().filter(|k| !state.by_key.contains_key(*k)).cloned());
            }
        }
    }
    pics.sort();
    pics.dedup();
    super::service::research_names(app, pics).await
}

/// Recommended organisations with names, places and explanations the actor may see.
fn resolve_orgs(state: &State, actor: &Actor, matches: Vec<Match>, votes: &Votes, names: &HashMap<String, String>) -> Vec<RecommendedOrganisation> {
    matches
        .into_iter()
        .map(|m| {
            let (id, key, name, kind, city, country, target) = match &m.target {
                Target::Organisation(id) => {
                    let info = state.orgs.get(id);
                    (
                        Some(OrgId(*id)),
                        info.map_or_else(|| id.to_string(), |i| i.output_key(*id)),
                        info.map_or_else(|| id.to_string(), |i| i.name.clone()),
                        info.map(|i| i.kind),
                        info.and_then(|i| i.city.as_ref().map(|c| c.name.clone())),
                        info.and_then(|i| i.city.as_ref().map(|c| c.country.clone())),
                        FeedbackTarget::Organisation(OrgId(*id)),
                    )
                }
                Target::External(key) => {
                    let ext = state.external.get(key);
                    (
                        None,
                        key.clone(),
                        state.name_of_key(key, names),
                        None,
                        None,
                        ext.and_then(|e| e.country.clone()),
                        FeedbackTarget::External(key.clone()),
                    )
                }
                // Organisation questions never return profiles.
                Target::Profile(id) => (None, id.to_string(), id.to_string(), None, None, None, FeedbackTarget::Profile(ProfileId(*id))),
            };
            let candidate_key = match &m.target {
                Target::Organisation(id) => state.orgs.get(id).map(|i| i.graph_key.clone()),
                Target::External(key) => Some(key.clone()),
                Target::Profile(_) => None,
            };
            let reasons = named_reasons(state, actor, candidate_key.as_deref(), m.reasons, names);
            RecommendedOrganisation { id, key, name, kind, city, country, score: m.score, reasons, vote: vote_for(votes, &target) }
        })
        .collect()
}

/// Replaces the graph keys of `SharedPartners` and `PartnersOfPartners` (the candidate's own
/// partners) with display names, leaving out partners the candidate is linked to only through
/// brokered introductions or agreements unless the actor may know of them (support staff,
/// platform admins, the two organisations' own people): who was introduced to whom can tell who
/// owns an anonymous profile.
fn named_reasons(state: &State, actor: &Actor, candidate: Option<&str>, reasons: Vec<Reason>, names: &HashMap<String, String>) -> Vec<Reason> {
    let privileged = actor.is_platform_admin() || actor.is_support_staff();
    let member_of_key = |key: &str| state.by_key.get(key).is_some_and(|id| actor.role_in(OrgId(*id)).is_some());
    let name_visible = |keys: Vec<String>, count: usize| -> Option<(Vec<String>, usize)> {
        let total = keys.len();
        let shown: Vec<String> = keys
            .into_iter()
            .filter(|via| {
                privileged || candidate.is_none_or(|c| !state.is_private_link(c, via) || member_of_key(c) || member_of_key(via))
            })
            .map(|via| state.name_of_key(&via, names))
            .collect();
        // A hidden partner must not show through the count either.
        let count = if shown.len() < total { shown.len() } else { count };
        (!shown.is_empty()).then_some((shown, count))
    };
    reasons
        .into_iter()
        .filter_map(|reason| match reason {
            Reason::SharedPartners { keys, count } => {
                name_visible(keys, count).map(|(keys, count)| Reason::SharedPartners { keys, count })
            }
            Reason::PartnersOfPartners { keys, count } => {
                name_visible(keys, count).map(|(keys, count)| Reason::PartnersOfPartners { keys, count })
            }
            other => Some(other),
        })
        .collect()
}

/// A result of the batch (CLI) questions: the recommended thing's key, score and reasons.
#[derive(Debug, Clone, Serialize)]
pub struct KeyedMatch {
    /// Organisations: PIC, else external id, else id. Profiles: external id, else id.
    pub key: String,
    /// Score in 0..=1.
    pub score: f32,
    /// Why, strongest first (graph partners by key).
    pub reasons: Vec<Reason>,
}

/// New partners for an organisation named by PIC, external id or id (an operator's batch
/// question: nothing is anonymised, results are keys). Existing partners are never included.
pub async fn recommend_partners_by_key(app: &App, key: &str, country: Option<&str>, limit: usize) -> AppResult<Vec<KeyedMatch>> {
    let key = key.trim();
    let by_external_id = if key.is_empty() {
        None
    } else {
        let mut conn = app.db().acquire().await?;
        organisations::id_by_external_id(conn.conn(), key).await?
    };
    let state = app.matching().current(app).await?;
    let directory = by_external_id
        .map(|id| id.0)
        .or_else(|| Uuid::parse_str(key).ok().filter(|id| state.orgs.contains_key(id)))
        .or_else(|| state.by_key.get(key).copied());
    let graph_key = match directory.and_then(|id| state.orgs.get(&id)) {
        Some(info) => info.graph_key.clone(),
        None if !key.is_empty() && state.engine.graph().node(key).is_some() => key.to_owned(),
        None => {
            return Err(AppError::invalid(
                "org",
                "unknown",
                format!("no organisation has the PIC, external id or id '{key}'"),
            ));
        }
    };
    let mut q = query(limit);
    q.country = country.map(|c| c.trim().to_ascii_uppercase()).filter(|c| !c.is_empty());
    let matches = state.engine.partners_for_key(&graph_key, &q).unwrap_or_default();
    Ok(matches
        .into_iter()
        .map(|m| {
            let key = match &m.target {
                Target::Organisation(id) => state.orgs.get(id).map_or_else(|| id.to_string(), |i| i.output_key(*id)),
                Target::External(key) => key.clone(),
                Target::Profile(id) => id.to_string(),
            };
            KeyedMatch { key, score: m.score, reasons: m.reasons }
        })
        .collect())
}

/// Published profiles for a search text (an operator's batch question): keys are external ids,
/// else ids.
pub async fn search_profile_keys(app: &App, text: &str, language: Option<ProfileLanguage>, limit: usize) -> AppResult<Vec<KeyedMatch>> {
    let state = app.matching().current(app).await?;
    let matches = state.engine.search_profiles(text, language.map(documents::language), &query(limit));
    Ok(matches
        .into_iter()
        .filter_map(|m| {
            let Target::Profile(id) = m.target else { return None };
            let key = state.profiles.get(&id).and_then(|p| p.1.clone()).unwrap_or_else(|| id.to_string());
            Some(KeyedMatch { key, score: m.score, reasons: m.reasons })
        })
        .collect())
}
