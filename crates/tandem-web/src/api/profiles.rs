//! `/api/v1/profiles`: the partnering marketplace (issue 3) — search and read published profiles
//! (anonymised: DOMAIN.md, "Anonymity"), write drafts, take them through their lifecycle, and
//! the operator's bulk exchange (JSON Lines import and JSON Lines or CSV export, admins only).
//! The request and response bodies of these endpoints live here too.

use super::extract::{etag, if_match_version, path_id, ApiActor, ApiJson, ApiQuery};
use crate::error::{ApiError, ApiErrorBody, ApiErrorDetail, ApiFieldError};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tandem_app::partnering::exchange::{self, ExchangeError, ExportFormat, ImportOptions};
use tandem_app::partnering::market::{self, MarketQuery};
use tandem_app::partnering::profiles::{self, OwnerView, ProfileView};
use tandem_core::partnering::{Profile, ProfileDraft};
use tandem_core::policy::{self, Actor};
use tandem_core::{OrgId, ProfileId};
use utoipa::{IntoParams, ToSchema};

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

/// Who a profile speaks for. `id`, `name` and `website` appear only for callers who may know the
/// owner (its own people, support staff, platform admins, and organisations introduced to it);
/// everyone else sees city, country, kind and size band only.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileOwnerDto {
    /// Organisation id (only when the caller may know the owner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Organisation name (only when the caller may know the owner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Website (only when the caller may know the owner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// City id.
    pub city_id: String,
    /// City name.
    pub city: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// Organisation kind key.
    pub kind: String,
    /// Size band key (`micro`, `small`, `medium`, `large`, `unknown`).
    pub size: String,
}

impl From<&OwnerView> for ProfileOwnerDto {
    fn from(o: &OwnerView) -> Self {
        let identity = o.identity.as_ref();
        ProfileOwnerDto {
            id: identity.map(|(id, _, _)| id.to_string()),
            name: identity.map(|(_, name, _)| name.clone()),
            website: identity.and_then(|(_, _, website)| website.clone()),
            city_id: o.city.id.to_string(),
            city: o.city.name.clone(),
            country: o.city.country.clone(),
            kind: o.kind.key().to_owned(),
            size: o.size.key().to_owned(),
        }
    }
}

/// A profile in a result list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileCardDto {
    /// Id.
    pub id: String,
    /// Type key (BO, BR, TO, TR, RDR).
    pub profile_type: String,
    /// Language key.
    pub language: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Market keyword codes.
    pub keywords_market: Vec<String>,
    /// Technology keyword codes.
    pub keywords_technology: Vec<String>,
    /// NACE codes.
    pub nace_codes: Vec<String>,
    /// Partnership type keys.
    pub partnership_types: Vec<String>,
    /// Published.
    pub published_at: Option<DateTime<Utc>>,
    /// Expires.
    pub expires_at: Option<DateTime<Utc>>,
    /// The owner, anonymised unless the caller may know it.
    pub owner: ProfileOwnerDto,
}

/// A page of profiles.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfilePageDto {
    /// The profiles on this page.
    pub items: Vec<ProfileCardDto>,
    /// This page (1-based).
    pub page: i64,
    /// Page size.
    pub per_page: i64,
    /// Matches in all.
    pub total: i64,
}

/// The call of an R&D request.
#[derive(Debug, Serialize, ToSchema)]
pub struct CallDto {
    /// Funding programme.
    pub programme: Option<String>,
    /// Call identifier.
    pub call_identifier: Option<String>,
    /// Deadline for expressions of interest.
    pub eoi_deadline: Option<NaiveDate>,
    /// Call deadline.
    pub call_deadline: Option<NaiveDate>,
    /// Budget.
    pub budget: Option<String>,
    /// The partner must coordinate.
    pub coordinator_required: bool,
    /// Duration in months.
    pub duration_months: Option<i32>,
}

/// A problem to fix before submission.
#[derive(Debug, Serialize, ToSchema)]
pub struct QualityProblemDto {
    /// Field.
    pub field: String,
    /// Code (`required`, `contact_details`, `owner_name`, …).
    pub code: String,
    /// How to fix it.
    pub message: String,
}

/// A profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileDto {
    /// Id.
    pub id: String,
    /// Bulk-exchange reference (only for callers who may know the owner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Type key.
    pub profile_type: String,
    /// Language key.
    pub language: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Expected role of the partner.
    pub partner_role: Option<String>,
    /// Advantages and innovations.
    pub advantages: Option<String>,
    /// Technical specification or expertise sought.
    pub technical_specification: Option<String>,
    /// Stage of development key.
    pub stage_of_development: Option<String>,
    /// IPR status key.
    pub ipr_status: Option<String>,
    /// Market keyword codes.
    pub keywords_market: Vec<String>,
    /// Technology keyword codes.
    pub keywords_technology: Vec<String>,
    /// NACE codes.
    pub nace_codes: Vec<String>,
    /// Sustainable Development Goals.
    pub sdgs: Vec<u8>,
    /// Partnership type keys.
    pub partnership_types: Vec<String>,
    /// Partner-sought keys.
    pub partner_sought: Vec<String>,
    /// Target countries.
    pub target_countries: Vec<String>,
    /// Target cities of the partnership (city ids).
    pub target_cities: Vec<String>,
    /// Call data (R&D requests).
    pub call: CallDto,
    /// State key (`draft`, `submitted`, `returned`, `published`, `expired`, `archived`, `withdrawn`).
    pub state: String,
    /// Published.
    pub published_at: Option<DateTime<Utc>>,
    /// Expires.
    pub expires_at: Option<DateTime<Utc>>,
    /// Extended once already.
    pub extended: bool,
    /// Comments of the review that returned it (authors and brokers only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_comments: Option<String>,
    /// The owner, anonymised unless the caller may know it.
    pub owner: ProfileOwnerDto,
    /// The managing support organisation's id, if any.
    pub support_org_id: Option<String>,
    /// Its name.
    pub support_org_name: Option<String>,
    /// What must be fixed before submission (authors, while editable).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<QualityProblemDto>,
    /// Version (also the ETag).
    pub version: i64,
}

impl ProfileDto {
    fn new(view: ProfileView) -> ProfileDto {
        let ProfileView { profile, owner, support, is_author, is_broker, problems, .. } = view;
        let knows_owner = owner.identity.is_some();
        let Profile { id, external_id, content: c, lifecycle, review_comments, version, .. } = profile;
        ProfileDto {
            id: id.to_string(),
            external_id: external_id.filter(|_| knows_owner),
            profile_type: c.profile_type.key().to_owned(),
            language: c.language.key().to_owned(),
            title: c.title,
            summary: c.summary,
            description: c.description,
            partner_role: c.partner_role,
            advantages: c.advantages,
            technical_specification: c.technical_specification,
            stage_of_development: c.stage_of_development.map(|s| s.key().to_owned()),
            ipr_status: c.ipr_status.map(|s| s.key().to_owned()),
            keywords_market: c.keywords_market,
            keywords_technology: c.keywords_technology,
            nace_codes: c.nace_codes.iter().map(|n| n.as_str().to_owned()).collect(),
            sdgs: c.sdgs,
            partnership_types: c.partnership_types.iter().map(|p| p.key().to_owned()).collect(),
            partner_sought: c.partner_sought.iter().map(|p| p.key().to_owned()).collect(),
            target_countries: c.target_countries,
            target_cities: c.target_cities.iter().map(ToString::to_string).collect(),
            call: CallDto {
                programme: c.call.programme,
                call_identifier: c.call.call_identifier,
                eoi_deadline: c.call.eoi_deadline,
                call_deadline: c.call.call_deadline,
                budget: c.call.budget,
                coordinator_required: c.call.coordinator_required,
                duration_months: c.call.duration_months,
            },
            state: lifecycle.state.key().to_owned(),
            published_at: lifecycle.published_at,
            expires_at: lifecycle.expires_at,
            extended: lifecycle.extended,
            review_comments: review_comments.filter(|_| is_author || is_broker),
            owner: ProfileOwnerDto::from(&owner),
            support_org_id: support.as_ref().map(|(id, _)| id.to_string()),
            support_org_name: support.map(|(_, name)| name),
            problems: problems
                .iter()
                .map(|p| QualityProblemDto { field: p.field.to_owned(), code: p.code.to_owned(), message: p.message() })
                .collect(),
            version,
        }
    }
}

/// The fields of a profile as written; `owner_org_id` only when creating.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProfileInputDto {
    /// The organisation the profile speaks for (create only; ignored on update).
    pub owner_org_id: Option<String>,
    /// The support organisation that manages it (PUT replaces it: leave it out to unassign).
    pub support_org_id: Option<String>,
    /// Type key (BO, BR, TO, TR, RDR).
    pub profile_type: String,
    /// Language key (en, de).
    pub language: String,
    /// Title (≤ 256 characters).
    pub title: String,
    /// Summary (≤ 500).
    pub summary: Option<String>,
    /// Description (≤ 4,000).
    pub description: Option<String>,
    /// Expected role of the partner (≤ 4,000).
    pub partner_role: Option<String>,
    /// Advantages and innovations (≤ 2,000).
    pub advantages: Option<String>,
    /// Technical specification (≤ 2,000).
    pub technical_specification: Option<String>,
    /// Stage of development key.
    pub stage_of_development: Option<String>,
    /// IPR status key.
    pub ipr_status: Option<String>,
    /// Market keyword codes (≤ 5).
    pub keywords_market: Vec<String>,
    /// Technology keyword codes (≤ 5).
    pub keywords_technology: Vec<String>,
    /// NACE codes (≤ 5).
    pub nace_codes: Vec<String>,
    /// Sustainable Development Goals, 1–17.
    pub sdgs: Vec<i64>,
    /// Partnership type keys (≤ 3).
    pub partnership_types: Vec<String>,
    /// Partner-sought keys.
    pub partner_sought: Vec<String>,
    /// Target countries.
    pub target_countries: Vec<String>,
    /// Target cities of the partnership (city ids).
    pub target_cities: Vec<String>,
    /// Funding programme (R&D requests).
    pub call_programme: Option<String>,
    /// Call identifier.
    pub call_identifier: Option<String>,
    /// Deadline for expressions of interest (YYYY-MM-DD).
    pub call_eoi_deadline: Option<String>,
    /// Call deadline (YYYY-MM-DD).
    pub call_deadline: Option<String>,
    /// Budget.
    pub call_budget: Option<String>,
    /// The partner must coordinate.
    pub call_coordinator_required: bool,
    /// Duration in months.
    pub call_duration_months: Option<i64>,
}

impl ProfileInputDto {
    fn draft(&self) -> ProfileDraft {
        ProfileDraft {
            profile_type: self.profile_type.clone(),
            language: self.language.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            description: self.description.clone(),
            partner_role: self.partner_role.clone(),
            advantages: self.advantages.clone(),
            technical_specification: self.technical_specification.clone(),
            stage_of_development: self.stage_of_development.clone(),
            ipr_status: self.ipr_status.clone(),
            keywords_market: self.keywords_market.clone(),
            keywords_technology: self.keywords_technology.clone(),
            nace_codes: self.nace_codes.clone(),
            sdgs: self.sdgs.iter().map(i64::to_string).collect(),
            partnership_types: self.partnership_types.clone(),
            partner_sought: self.partner_sought.clone(),
            target_countries: self.target_countries.clone(),
            target_cities: self.target_cities.clone(),
            call_programme: self.call_programme.clone(),
            call_identifier: self.call_identifier.clone(),
            call_eoi_deadline: self.call_eoi_deadline.clone(),
            call_deadline: self.call_deadline.clone(),
            call_budget: self.call_budget.clone(),
            call_coordinator_required: self.call_coordinator_required,
            call_duration_months: self.call_duration_months.map(|m| m.to_string()),
        }
    }

    fn support(&self) -> Result<Option<OrgId>, ApiError> {
        org_field(self.support_org_id.as_deref(), "support_org_id")
    }
}

fn org_field(raw: Option<&str>, field: &str) -> Result<Option<OrgId>, ApiError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(raw) => raw.parse().map(Some).map_err(|_| {
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_id", format!("{field} must be an organisation id"), Some(field))
        }),
    }
}

/// The comments of a review that returns a profile.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReturnDto {
    /// What the authors should change (required).
    pub comments: String,
}

/// An optional comment of an approval.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ApproveDto {
    /// Recorded in the timeline.
    pub comment: Option<String>,
}

/// How long to extend a profile.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ExtendDto {
    /// Days, 1–365 (default 365).
    pub days: Option<i64>,
}

/// What an import did.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportReportDto {
    /// Profiles created.
    pub created: usize,
    /// Profiles updated.
    pub updated: usize,
    /// Profiles published by the import.
    pub published: usize,
    /// Organisations created.
    pub organisations_created: usize,
    /// Organisations updated.
    pub organisations_updated: usize,
    /// Nothing was written.
    pub dry_run: bool,
}

/// One problem of an imported line.
#[derive(Debug, Serialize, ToSchema)]
pub struct LineErrorDto {
    /// Line (the first line is 1).
    pub line: usize,
    /// Field (`title`, `organisation.city`, …); empty for a line that is not JSON.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// A refused import: the usual error, and every problem with its line.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportErrorBody {
    /// The error (`code` = `invalid_lines`).
    pub error: ApiErrorDetail,
    /// Every problem, in line order.
    pub lines: Vec<LineErrorDto>,
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

/// Marketplace search parameters (every one optional).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct ProfileSearchParams {
    /// Words that must all occur.
    pub q: Option<String>,
    /// Profile type key (BO, BR, TO, TR, RDR).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub profile_type: Option<String>,
    /// Owner's city id.
    pub city: Option<String>,
    /// Owner's country code.
    pub country: Option<String>,
    /// Language key (en, de).
    pub lang: Option<String>,
    /// Market keyword code.
    pub market: Option<String>,
    /// Technology keyword code.
    pub technology: Option<String>,
    /// NACE division (two digits).
    pub nace: Option<String>,
    /// Partnership type key.
    pub partnership: Option<String>,
    /// 1-based page.
    pub page: Option<i64>,
    /// Page size 1–100 (default 20).
    pub per_page: Option<i64>,
}

fn bad_param(field: &str, message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", message, Some(field))
}

/// Searches the published profiles; owners stay anonymous unless the caller may know them.
#[utoipa::path(get, path = "/profiles", tag = "partnering", params(ProfileSearchParams),
    responses((status = 200, body = ProfilePageDto), (status = 400, body = ApiErrorBody)))]
pub async fn list_profiles(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(p): ApiQuery<ProfileSearchParams>,
) -> Result<Json<ProfilePageDto>, ApiError> {
    if p.per_page.is_some_and(|n| !(1..=100).contains(&n)) {
        return Err(bad_param("per_page", "per_page must be between 1 and 100"));
    }
    if p.page.is_some_and(|n| !(1..=market::MAX_PAGE).contains(&n)) {
        return Err(bad_param("page", &format!("page must be between 1 and {}", market::MAX_PAGE)));
    }
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let query = MarketQuery {
        q: text(&p.q),
        profile_type: text(&p.profile_type),
        city: text(&p.city),
        country: text(&p.country),
        lang: text(&p.lang),
        market: text(&p.market),
        technology: text(&p.technology),
        nace: text(&p.nace),
        partnership: text(&p.partnership),
    };
    let result = market::search(&state.app, &actor, &query, p.page.unwrap_or(1), p.per_page.unwrap_or(market::PAGE_SIZE)).await?;
    let items = result
        .items
        .iter()
        .map(|card| {
            let c = &card.profile.content;
            ProfileCardDto {
                id: card.id.to_string(),
                profile_type: c.profile_type.key().to_owned(),
                language: c.language.key().to_owned(),
                title: c.title.clone(),
                summary: c.summary.clone(),
                keywords_market: c.keywords_market.clone(),
                keywords_technology: c.keywords_technology.clone(),
                nace_codes: c.nace_codes.iter().map(|n| n.as_str().to_owned()).collect(),
                partnership_types: c.partnership_types.iter().map(|t| t.key().to_owned()).collect(),
                published_at: card.profile.lifecycle.published_at,
                expires_at: card.profile.lifecycle.expires_at,
                owner: ProfileOwnerDto::from(&card.owner),
            }
        })
        .collect();
    Ok(Json(ProfilePageDto { items, page: result.page, per_page: result.per_page, total: result.total }))
}

fn with_etag(status: StatusCode, body: ProfileDto) -> Response {
    (status, [(header::ETAG, etag(body.version))], Json(body)).into_response()
}

async fn profile_response(state: &AppState, actor: &Actor, id: ProfileId, status: StatusCode) -> Result<Response, ApiError> {
    let view = profiles::view(&state.app, actor, id).await?;
    Ok(with_etag(status, ProfileDto::new(view)))
}

/// One profile: published ones for everyone (anonymised), the others for their authors (and
/// submitted ones for reviewers).
#[utoipa::path(get, path = "/profiles/{id}", tag = "partnering", params(("id" = String, Path, description = "Profile id")),
    responses((status = 200, body = ProfileDto, headers(("ETag" = String))), (status = 304), (status = 404, body = ApiErrorBody)))]
pub async fn get_profile(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id: ProfileId = path_id(&id)?;
    let view = profiles::view(&state.app, &actor, id).await?;
    let tag = etag(view.profile.version);
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(tag.as_str()) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response());
    }
    Ok(with_etag(StatusCode::OK, ProfileDto::new(view)))
}

/// Starts a draft for `owner_org_id` (the caller's organisation, or a client of the caller's
/// support organisation), managed by `support_org_id`.
#[utoipa::path(post, path = "/profiles", tag = "partnering", request_body = ProfileInputDto,
    responses((status = 201, body = ProfileDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn create_profile(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<ProfileInputDto>,
) -> Result<Response, ApiError> {
    let owner = org_field(input.owner_org_id.as_deref(), "owner_org_id")?.ok_or_else(|| {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "required", "owner_org_id: the organisation the profile speaks for", Some("owner_org_id"))
    })?;
    let profile = profiles::create(&state.app, &actor, owner, input.support()?, &input.draft()).await?;
    let mut response = profile_response(&state, &actor, profile.id, StatusCode::CREATED).await?;
    if let Ok(v) = format!("/api/v1/profiles/{}", profile.id).parse() {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}

/// Replaces a draft or returned profile. Send the ETag you read as `If-Match`.
#[utoipa::path(put, path = "/profiles/{id}", tag = "partnering", request_body = ProfileInputDto,
    params(("id" = String, Path, description = "Profile id"), ("If-Match" = String, Header, description = "ETag from GET")),
    responses((status = 200, body = ProfileDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 412, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 428, body = ApiErrorBody)))]
pub async fn update_profile(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<ProfileInputDto>,
) -> Result<Response, ApiError> {
    let id: ProfileId = path_id(&id)?;
    // Permission first: a caller who may not edit learns nothing from precondition errors.
    profiles::for_edit(&state.app, &actor, id).await?;
    let version = if_match_version(&headers)?;
    profiles::update(&state.app, &actor, id, version, input.support()?, &input.draft()).await?;
    profile_response(&state, &actor, id, StatusCode::OK).await
}

/// A JSON body that may be absent (empty).
fn optional_body<T: DeserializeOwned + Default>(bytes: &Bytes) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "invalid_json", e.to_string(), None))
}

/// Sends a draft or returned profile for review; it must pass the quality check (422 lists the
/// problems by field).
#[utoipa::path(post, path = "/profiles/{id}/submit", tag = "partnering", params(("id" = String, Path, description = "Profile id")),
    responses((status = 200, body = ProfileDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn submit_profile(State(state): State<AppState>, ApiActor(actor): ApiActor, Path(id): Path<String>) -> Result<Response, ApiError> {
    let id: ProfileId = path_id(&id)?;
    profiles::submit(&state.app, &actor, id).await?;
    profile_response(&state, &actor, id, StatusCode::OK).await
}

/// Publishes a submitted profile for 365 days (support staff).
#[utoipa::path(post, path = "/profiles/{id}/approve", tag = "partnering", params(("id" = String, Path, description = "Profile id")),
    request_body(content = ApproveDto, description = "Optional"),
    responses((status = 200, body = ProfileDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn approve_profile(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let id: ProfileId = path_id(&id)?;
    let input: ApproveDto = optional_body(&body)?;
    profiles::approve(&state.app, &actor, id, input.comment.as_deref().map(str::trim).filter(|c| !c.is_empty())).await?;
    profile_response(&state, &actor, id, StatusCode::OK).await
}

/// Returns a submitted profile to its authors with comments (support staff).
#[utoipa::path(post, path = "/profiles/{id}/return", tag = "partnering", params(("id" = String, Path, description = "Profile id")),
    request_body = ReturnDto,
    responses((status = 200, body = ProfileDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn return_profile(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let id: ProfileId = path_id(&id)?;
    let input: ReturnDto = optional_body(&body)?;
    profiles::return_for_changes(&state.app, &actor, id, &input.comments).await?;
    profile_response(&state, &actor, id, StatusCode::OK).await
}

/// Takes a profile off the marketplace (its authors, any time).
#[utoipa::path(post, path = "/profiles/{id}/withdraw", tag = "partnering", params(("id" = String, Path, description = "Profile id")),
    responses((status = 200, body = ProfileDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn withdraw_profile(State(state): State<AppState>, ApiActor(actor): ApiActor, Path(id): Path<String>) -> Result<Response, ApiError> {
    let id: ProfileId = path_id(&id)?;
    profiles::withdraw(&state.app, &actor, id).await?;
    profile_response(&state, &actor, id, StatusCode::OK).await
}

/// Extends a published or expired profile once (from 30 days before expiry until a year after).
#[utoipa::path(post, path = "/profiles/{id}/extend", tag = "partnering", params(("id" = String, Path, description = "Profile id")),
    request_body(content = ExtendDto, description = "Optional; 365 days by default"),
    responses((status = 200, body = ProfileDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn extend_profile(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let id: ProfileId = path_id(&id)?;
    let input: ExtendDto = optional_body(&body)?;
    profiles::extend(&state.app, &actor, id, input.days.unwrap_or(365)).await?;
    profile_response(&state, &actor, id, StatusCode::OK).await
}

/// Import options.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct ImportParams {
    /// Publish at once (every line must pass the quality check).
    pub publish: bool,
    /// Check everything, write nothing.
    pub dry_run: bool,
}

/// Imports profiles from JSON Lines (the body, UTF-8), all or nothing; platform admins only.
/// The format is that of `tandem import profiles`.
#[utoipa::path(post, path = "/profiles/import", tag = "partnering", params(ImportParams),
    request_body(content = String, content_type = "application/x-ndjson", description = "One profile per line"),
    responses((status = 200, body = ImportReportDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 422, body = ImportErrorBody)))]
pub async fn import_profiles(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(params): ApiQuery<ImportParams>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let admin = policy::platform_admin(&actor).map_err(tandem_app::AppError::from)?;
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::new(StatusCode::BAD_REQUEST, "invalid_encoding", "send the lines as UTF-8 text", None))?;
    let options = ImportOptions { publish: params.publish, dry_run: params.dry_run };
    match exchange::import_jsonl(&state.app, admin, text, options).await {
        Ok(r) => Ok(Json(ImportReportDto {
            created: r.created,
            updated: r.updated,
            published: r.published,
            organisations_created: r.organisations_created,
            organisations_updated: r.organisations_updated,
            dry_run: r.dry_run,
        })
        .into_response()),
        Err(ExchangeError::Lines(lines)) => {
            let first = lines.first();
            let error = ApiErrorDetail {
                code: "invalid_lines".into(),
                message: format!("{} problem(s); nothing was imported: {}", lines.len(), first.map(ToString::to_string).unwrap_or_default()),
                field: first.map(|e| e.field.clone()).filter(|f| !f.is_empty()),
                details: lines
                    .iter()
                    .map(|e| ApiFieldError { field: e.field.clone(), code: "invalid".into(), message: e.to_string() })
                    .collect(),
            };
            let lines = lines.into_iter().map(|e| LineErrorDto { line: e.line, field: e.field, message: e.message }).collect();
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(ImportErrorBody { error, lines })).into_response())
        }
        Err(ExchangeError::App(e)) => Err(e.into()),
    }
}

/// Export format.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default)]
pub struct ExportParams {
    /// `jsonl` (default, the import format) or `csv`.
    pub format: Option<String>,
}

/// Every profile with its owner's name, as JSON Lines or CSV; platform admins only.
#[utoipa::path(get, path = "/profiles/export", tag = "partnering", params(ExportParams),
    responses((status = 200, content_type = "application/x-ndjson", body = String), (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody)))]
pub async fn export_profiles(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiQuery(params): ApiQuery<ExportParams>,
) -> Result<Response, ApiError> {
    let admin = policy::platform_admin(&actor).map_err(tandem_app::AppError::from)?;
    let (format, media_type, file) = match params.format.as_deref().map(str::trim).unwrap_or("jsonl") {
        "" | "jsonl" => (ExportFormat::Jsonl, "application/x-ndjson", "profiles.jsonl"),
        "csv" => (ExportFormat::Csv, "text/csv; charset=utf-8", "profiles.csv"),
        _ => return Err(bad_param("format", "format must be jsonl or csv")),
    };
    let records = exchange::export_all(&state.app, admin).await?;
    let mut body = Vec::new();
    exchange::write_records(&records, format, &mut body)?;
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, media_type.to_owned()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\""))],
        body,
    )
        .into_response())
}
