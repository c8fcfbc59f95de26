//! The marketplace: faceted search over published profiles (type, city, country, NACE division,
//! market and technology keywords, partnership type, language), anonymised for whoever asks.

use super::profiles::{owner_view_among, OwnerView};
use crate::text::search_terms;
use crate::{App, AppResult};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tandem_core::partnering::{PartnershipType, Profile, ProfileLanguage, ProfileType};
use tandem_core::policy::Actor;
use tandem_core::{CityId, OrgId, ProfileId};
use tandem_store::profiles::{self, tag, ProfileFilter, MAX_SEARCH_TERMS};
use tandem_store::{cities, interests, organisations};

/// Results per page.
pub const PAGE_SIZE: i64 = 20;
/// Highest page served.
pub const MAX_PAGE: i64 = 500;

/// What the user asked for, as typed in the search form or the address (every field optional;
/// values that are not understood are ignored rather than failing the page). Saved searches
/// store this as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MarketQuery {
    /// Free text.
    pub q: String,
    /// Profile type key (BO, BR, TO, TR, RDR).
    #[serde(rename = "type")]
    pub profile_type: String,
    /// Owner's city id.
    pub city: String,
    /// Owner's country code.
    pub country: String,
    /// Language key.
    pub lang: String,
    /// Market keyword code.
    pub market: String,
    /// Technology keyword code.
    pub technology: String,
    /// NACE division (two digits).
    pub nace: String,
    /// Partnership type key.
    pub partnership: String,
}

impl MarketQuery {
    /// The store filter for this query (only published profiles are ever searched).
    pub fn filter(&self) -> ProfileFilter {
        let present = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
        let mut tags = Vec::new();
        for (kind, value) in [
            (tag::MARKET, &self.market),
            (tag::TECHNOLOGY, &self.technology),
            (tag::NACE_DIVISION, &self.nace),
            (tag::PARTNERSHIP, &self.partnership),
        ] {
            if let Some(v) = present(value) {
                tags.push((kind.to_owned(), v));
            }
        }
        ProfileFilter {
            terms: search_terms(&self.q).into_iter().take(MAX_SEARCH_TERMS).collect(),
            profile_type: ProfileType::parse(&self.profile_type),
            city: self.city.trim().parse::<CityId>().ok(),
            country: present(&self.country).map(|c| c.to_ascii_uppercase()),
            language: ProfileLanguage::from_key(self.lang.trim()),
            tags,
            published_after: None,
        }
    }

    /// True when nothing is asked for (the whole marketplace).
    pub fn is_empty(&self) -> bool {
        *self == MarketQuery::default()
    }

    /// The query as address parameters (name, value), empty ones left out.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("q", &self.q),
            ("type", &self.profile_type),
            ("city", &self.city),
            ("country", &self.country),
            ("lang", &self.lang),
            ("market", &self.market),
            ("technology", &self.technology),
            ("nace", &self.nace),
            ("partnership", &self.partnership),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.as_str()))
        .collect()
    }
}

/// One profile in a result list, anonymised for the actor.
#[derive(Debug, Clone)]
pub struct ProfileCard {
    /// Id.
    pub id: ProfileId,
    /// The profile (its texts are anonymous by the quality check).
    pub profile: Profile,
    /// The owner as the actor may see it.
    pub owner: OwnerView,
}

/// Facet counts: value key → matching profiles.
#[derive(Debug, Clone, Default)]
pub struct MarketFacets {
    /// Per profile type.
    pub types: Vec<(ProfileType, i64)>,
    /// Per owner city.
    pub cities: Vec<(CityId, i64)>,
    /// Per owner country.
    pub countries: Vec<(String, i64)>,
    /// Per language.
    pub languages: Vec<(ProfileLanguage, i64)>,
    /// Per market keyword.
    pub markets: Vec<(String, i64)>,
    /// Per technology keyword.
    pub technologies: Vec<(String, i64)>,
    /// Per NACE division.
    pub nace_divisions: Vec<(String, i64)>,
    /// Per partnership type.
    pub partnerships: Vec<(PartnershipType, i64)>,
}

/// A result page.
#[derive(Debug, Clone)]
pub struct MarketResult {
    /// Profiles on this page.
    pub items: Vec<ProfileCard>,
    /// Matches in all.
    pub total: i64,
    /// This page (1-based).
    pub page: i64,
    /// Page size.
    pub per_page: i64,
    /// Facet counts.
    pub facets: MarketFacets,
}

impl MarketResult {
    /// Number of pages.
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
}

/// Searches the marketplace for `actor`. Open to everyone; owners stay anonymous unless the
/// actor may know them.
pub async fn search(app: &App, actor: &Actor, query: &MarketQuery, page: i64, per_page: i64) -> AppResult<MarketResult> {
    let filter = query.filter();
    let per_page = if per_page <= 0 { PAGE_SIZE } else { per_page.min(100) };
    let page = page.clamp(1, MAX_PAGE);
    let mut conn = app.db().acquire().await?;
    let found = profiles::search(conn.conn(), &filter, per_page, (page - 1) * per_page).await?;
    let raw = profiles::facets(conn.conn(), &filter).await?;
    let introduced = introduced_to_actor(conn.conn(), actor).await?;
    let cities = cities::list(conn.conn()).await?;
    let mut owners: HashMap<OrgId, tandem_core::directory::Organisation> = HashMap::new();
    let mut items = Vec::with_capacity(found.len());
    for profile in found {
        if !owners.contains_key(&profile.owner_org_id)
            && let Some(org) = organisations::get(conn.conn(), profile.owner_org_id).await?
        {
            owners.insert(org.id, org);
        }
        let Some(org) = owners.get(&profile.owner_org_id) else { continue };
        let orgs_introduced: Vec<OrgId> =
            introduced.iter().filter(|(p, _)| *p == profile.id).map(|(_, org)| *org).collect();
        let owner = owner_view_among(&cities, actor, org, &orgs_introduced)?;
        items.push(ProfileCard { id: profile.id, profile, owner });
    }
    let mut facets = MarketFacets {
        types: raw.types.iter().filter_map(|(k, n)| ProfileType::parse(k).map(|t| (t, *n))).collect(),
        cities: raw.cities.iter().map(|(c, n)| (CityId(*c), *n)).collect(),
        countries: raw.countries.clone(),
        languages: raw.languages.iter().filter_map(|(k, n)| ProfileLanguage::from_key(k).map(|l| (l, *n))).collect(),
        ..MarketFacets::default()
    };
    for (kind, code, n) in raw.tags {
        match kind.as_str() {
            tag::MARKET => facets.markets.push((code, n)),
            tag::TECHNOLOGY => facets.technologies.push((code, n)),
            tag::NACE_DIVISION => facets.nace_divisions.push((code, n)),
            tag::PARTNERSHIP => {
                if let Some(p) = PartnershipType::from_key(&code) {
                    facets.partnerships.push((p, n));
                }
            }
            _ => {}
        }
    }
    facets.types.sort_by_key(|(t, _)| ProfileType::ALL.iter().position(|x| x == t));
    facets.languages.sort_by_key(|(l, _)| ProfileLanguage::ALL.iter().position(|x| x == l));
    facets.partnerships.sort_by_key(|(p, _)| PartnershipType::ALL.iter().position(|x| x == p));
    for list in [&mut facets.markets, &mut facets.technologies, &mut facets.countries] {
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    facets.nace_divisions.sort();
    Ok(MarketResult { items, total: raw.total, page, per_page, facets })
}

/// (profile, organisation) pairs: the actor's organisations introduced to each profile's owner.
async fn introduced_to_actor(conn: tandem_store::Conn<'_>, actor: &Actor) -> AppResult<Vec<(ProfileId, OrgId)>> {
    let Ok(user) = actor.user() else { return Ok(Vec::new()) };
    let orgs: Vec<OrgId> = user.memberships.iter().map(|m| m.org_id).collect();
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    let profiles = interests::introduced_profiles_for_orgs(conn, &orgs).await?;
    // Which of the actor's organisations was introduced does not matter for visibility; pairing
    // each profile with the first is enough for `can_see_profile_owner`.
    Ok(profiles.into_iter().map(|p| (p, orgs[0])).collect())
}

/// Published profiles newer than `after` matching `query`, for alerts (anonymous view).
pub async fn published_since(app: &App, query: &MarketQuery, after: DateTime<Utc>, limit: i64) -> AppResult<Vec<Profile>> {
    let filter = ProfileFilter { published_after: Some(after), ..query.filter() };
    let mut conn = app.db().acquire().await?;
    Ok(profiles::search(conn.conn(), &filter, limit, 0).await?)
}
