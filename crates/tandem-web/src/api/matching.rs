//! Recommendations (issue 4): matching profiles of a profile, potential partners of an
//! organisation, SMEs that fit a programme — the same use cases and permissions as the pages,
//! each result with its score and the reasons behind it. Owners of recommended profiles are
//! named only for callers who may know them.

use super::extract::{path_id, ApiActor, ApiQuery};
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use tandem_app::matching::{self, PartnerSuggestions, Reason, RecommendedOrganisation, RecommendedProfile, SharedTerm};
use tandem_core::{OrgId, ProfileId, ProgrammeId};
use utoipa::{IntoParams, ToSchema};

/// Results returned when `limit` is not given.
const DEFAULT_LIMIT: usize = 10;
/// Most results per request.
const MAX_LIMIT: usize = 50;

/// How many results.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LimitParams {
    /// Results to return, 1–50 (default 10).
    pub limit: Option<usize>,
}

impl LimitParams {
    fn get(&self) -> Result<usize, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if (1..=MAX_LIMIT).contains(&limit) {
            Ok(limit)
        } else {
            Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", format!("limit must be between 1 and {MAX_LIMIT}"), Some("limit")))
        }
    }
}

/// A term both sides share, in both languages.
#[derive(Debug, Serialize, ToSchema)]
pub struct SharedTermDto {
    /// English.
    pub en: String,
    /// German.
    pub de: String,
}

impl From<&SharedTerm> for SharedTermDto {
    fn from(t: &SharedTerm) -> Self {
        SharedTermDto { en: t.en.clone(), de: t.de.clone() }
    }
}

/// One reason behind a recommendation, strongest first; `kind` says which fields it has.
#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReasonDto {
    /// Concepts of the bilingual concept layer found in both texts.
    SharedConcepts {
        /// The concepts.
        concepts: Vec<SharedTermDto>,
    },
    /// Words both texts use (German words translated).
    SharedWords {
        /// The words.
        words: Vec<SharedTermDto>,
    },
    /// Market or technology keywords both chose.
    SharedKeywords {
        /// Keyword codes (`market:…`, `technology:…`).
        codes: Vec<String>,
    },
    /// A NACE activity in common, at the most specific level both agree on.
    SameActivity {
        /// NACE code (class, group, division or section).
        code: String,
    },
    /// One side offers what the other requests.
    Complementary {
        /// This side's profile type (BO, BR, TO, TR, RDR) or `research`.
        this: String,
        /// The other side's.
        other: String,
    },
    /// The candidate is in a country the profile targets.
    TargetCountry {
        /// ISO 3166-1 alpha-2.
        country: String,
    },
    /// The candidate is in the partner city.
    PartnerCity {
        /// City name.
        city: String,
    },
    /// Published recently.
    Recent {
        /// Days since publication.
        days: i64,
    },
    /// Partners both have worked with.
    SharedPartners {
        /// Names of some of them.
        names: Vec<String>,
        /// How many in all.
        count: usize,
    },
    /// No shared partner, but the candidate worked with partners of one's partners.
    PartnersOfPartners {
        /// Names of some of the candidate's partners that one's partners worked with.
        names: Vec<String>,
        /// How many such partners the candidate has.
        count: usize,
    },
    /// Programme areas both have worked in.
    SharedAreas {
        /// The areas.
        areas: Vec<String>,
    },
}

impl From<&Reason> for ReasonDto {
    fn from(r: &Reason) -> Self {
        let terms = |list: &[SharedTerm]| list.iter().map(SharedTermDto::from).collect();
        match r {
            Reason::SharedConcepts { concepts } => ReasonDto::SharedConcepts { concepts: terms(concepts) },
            Reason::SharedWords { words } => ReasonDto::SharedWords { words: terms(words) },
            Reason::SharedKeywords { codes } => ReasonDto::SharedKeywords { codes: codes.clone() },
            Reason::SameActivity { code } => ReasonDto::SameActivity { code: code.clone() },
            Reason::Complementary { this, other } => ReasonDto::Complementary { this: this.clone(), other: other.clone() },
            Reason::TargetCountry { country } => ReasonDto::TargetCountry { country: country.clone() },
            Reason::PartnerCity { city } => ReasonDto::PartnerCity { city: city.clone() },
            Reason::Recent { days } => ReasonDto::Recent { days: *days },
            Reason::SharedPartners { keys, count } => ReasonDto::SharedPartners { names: keys.clone(), count: *count },
            Reason::PartnersOfPartners { keys, count } => ReasonDto::PartnersOfPartners { names: keys.clone(), count: *count },
            Reason::SharedAreas { areas } => ReasonDto::SharedAreas { areas: areas.clone() },
        }
    }
}

/// A recommended profile. `owner_name` appears only for callers who may know the owner.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendedProfileDto {
    /// Profile id.
    pub id: String,
    /// External id, if it has one.
    pub external_id: Option<String>,
    /// Title.
    pub title: String,
    /// Type key (BO, BR, TO, TR, RDR).
    pub profile_type: String,
    /// The owner's name (only when the caller may know it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<String>,
    /// The owner's city.
    pub city: String,
    /// The owner's country (ISO 3166-1 alpha-2).
    pub country: String,
    /// Score, 0 to 1.
    pub score: f32,
    /// Why, strongest first.
    pub reasons: Vec<ReasonDto>,
    /// The caller's thumbs up (true) or down (false), if given.
    pub vote: Option<bool>,
}

impl From<&RecommendedProfile> for RecommendedProfileDto {
    fn from(r: &RecommendedProfile) -> Self {
        RecommendedProfileDto {
            id: r.id.to_string(),
            external_id: r.external_id.clone(),
            title: r.title.clone(),
            profile_type: r.profile_type.key().to_owned(),
            owner_name: r.owner_name.clone(),
            city: r.city.clone(),
            country: r.country.clone(),
            score: r.score,
            reasons: r.reasons.iter().map(ReasonDto::from).collect(),
            vote: r.vote,
        }
    }
}

/// A recommended organisation: from the directory (with `id`), or known only from research
/// projects (by `key`, its PIC).
#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendedOrganisationDto {
    /// Directory id, for directory organisations.
    pub id: Option<String>,
    /// Key: PIC, external id or directory id.
    pub key: String,
    /// Name.
    pub name: String,
    /// Organisation kind key, for directory organisations.
    pub kind: Option<String>,
    /// City, when known.
    pub city: Option<String>,
    /// Country (ISO 3166-1 alpha-2), when known.
    pub country: Option<String>,
    /// Score, 0 to 1.
    pub score: f32,
    /// Why, strongest first.
    pub reasons: Vec<ReasonDto>,
    /// The caller's thumbs up (true) or down (false), if given.
    pub vote: Option<bool>,
}

impl From<&RecommendedOrganisation> for RecommendedOrganisationDto {
    fn from(r: &RecommendedOrganisation) -> Self {
        RecommendedOrganisationDto {
            id: r.id.map(|id| id.to_string()),
            key: r.key.clone(),
            name: r.name.clone(),
            kind: r.kind.map(|k| k.key().to_owned()),
            city: r.city.clone(),
            country: r.country.clone(),
            score: r.score,
            reasons: r.reasons.iter().map(ReasonDto::from).collect(),
            vote: r.vote,
        }
    }
}

/// Potential partners of an organisation in its partner city.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnerSuggestionsDto {
    /// The partner city (null when the organisation's city is not twinned).
    pub partner_city: Option<String>,
    /// Best first; existing partners are never listed.
    pub items: Vec<RecommendedOrganisationDto>,
}

impl From<&PartnerSuggestions> for PartnerSuggestionsDto {
    fn from(s: &PartnerSuggestions) -> Self {
        PartnerSuggestionsDto { partner_city: s.partner_city.clone(), items: s.items.iter().map(RecommendedOrganisationDto::from).collect() }
    }
}

/// Published profiles of other organisations that match a profile the caller may see.
#[utoipa::path(get, path = "/profiles/{id}/matches", tag = "matching",
    params(("id" = String, Path, description = "Profile id"), LimitParams),
    responses((status = 200, body = Vec<RecommendedProfileDto>), (status = 400, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn profile_matches(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiQuery(p): ApiQuery<LimitParams>,
) -> Result<Json<Vec<RecommendedProfileDto>>, ApiError> {
    let id: ProfileId = path_id(&id)?;
    let found = matching::matching_profiles(&state.app, &actor, id, p.get()?).await?;
    Ok(Json(found.iter().map(RecommendedProfileDto::from).collect()))
}

/// New partners for an organisation in its partner city, existing partners excluded (the
/// organisation's own people, support staff and platform admins).
#[utoipa::path(get, path = "/organisations/{id}/partners", tag = "matching",
    params(("id" = String, Path, description = "Organisation id"), LimitParams),
    responses((status = 200, body = PartnerSuggestionsDto), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn organisation_partners(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiQuery(p): ApiQuery<LimitParams>,
) -> Result<Json<PartnerSuggestionsDto>, ApiError> {
    let id: OrgId = path_id(&id)?;
    let found = matching::potential_partners(&state.app, &actor, id, p.get()?).await?;
    Ok(Json(PartnerSuggestionsDto::from(&found)))
}

/// SMEs and start-ups that fit a programme (its organisation's staff and support staff).
#[utoipa::path(get, path = "/programmes/{id}/smes", tag = "matching",
    params(("id" = String, Path, description = "Programme id"), LimitParams),
    responses((status = 200, body = Vec<RecommendedOrganisationDto>), (status = 400, body = ApiErrorBody), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn programme_smes(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiQuery(p): ApiQuery<LimitParams>,
) -> Result<Json<Vec<RecommendedOrganisationDto>>, ApiError> {
    let id: ProgrammeId = path_id(&id)?;
    let found = matching::smes_for_programme(&state.app, &actor, id, p.get()?).await?;
    Ok(Json(found.iter().map(RecommendedOrganisationDto::from).collect()))
}
