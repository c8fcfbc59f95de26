//! `/api/v1/organisations`.

use super::dto::{OrganisationDto, OrganisationInputDto, OrganisationSummaryDto, PageDto};
use super::extract::{etag, if_match_version, path_id, ApiActor, ApiJson, ApiQuery};
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use tandem_app::directory::organisations;
use tandem_app::directory::search::{self, DirectoryQuery};
use tandem_core::directory::OrgKind;
use tandem_core::{CityId, OrgId};
use utoipa::IntoParams;

/// Search parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct OrgSearchParams {
    /// Words that must all occur (name, descriptions in EN/DE, NACE labels).
    pub q: Option<String>,
    /// City id.
    pub city: Option<String>,
    /// Kind key.
    pub kind: Option<String>,
    /// NACE section letter (A–U).
    pub section: Option<String>,
    /// 1-based page.
    pub page: Option<i64>,
    /// Page size 1–100 (default 20).
    pub per_page: Option<i64>,
}

fn bad_param(field: &str, message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", message, Some(field))
}

/// Searches the directory.
#[utoipa::path(get, path = "/organisations", tag = "directory", params(OrgSearchParams),
    responses((status = 200, body = PageDto<OrganisationSummaryDto>), (status = 400, body = ApiErrorBody)))]
pub async fn list_organisations(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<OrgSearchParams>,
) -> Result<Json<PageDto<OrganisationSummaryDto>>, ApiError> {
    let city = match p.city.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Some(c.parse::<CityId>().map_err(|_| bad_param("city", "city must be a city id from /api/v1/cities"))?),
        None => None,
    };
    let kind = match p.kind.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => Some(OrgKind::from_key(k).ok_or_else(|| bad_param("kind", &format!("kind must be one of: {}", OrgKind::keys_list())))?),
        None => None,
    };
    let section = match p.section.as_deref().filter(|s| !s.is_empty()) {
        Some(s) if s.len() == 1 && ('A'..='U').contains(&s.to_ascii_uppercase().chars().next().unwrap_or('?')) => {
            s.to_ascii_uppercase().chars().next()
        }
        Some(_) => return Err(bad_param("section", "section must be a NACE section letter A–U")),
        None => None,
    };
    if p.per_page.is_some_and(|n| !(1..=100).contains(&n)) {
        return Err(bad_param("per_page", "per_page must be between 1 and 100"));
    }
    if p.page.is_some_and(|n| !(1..=search::MAX_PAGE).contains(&n)) {
        return Err(bad_param("page", &format!("page must be between 1 and {}", search::MAX_PAGE)));
    }
    let query = DirectoryQuery {
        text: p.q.unwrap_or_default(),
        city,
        kind,
        section,
        page: p.page.unwrap_or(1),
        per_page: p.per_page.unwrap_or(search::PAGE_SIZE),
    };
    let result = search::search(&state.app, &query).await?;
    Ok(Json(PageDto {
        page: result.page,
        per_page: result.per_page,
        total: result.total,
        items: result
            .items
            .into_iter()
            .map(|o| OrganisationSummaryDto {
                id: o.id.to_string(),
                name: o.name,
                kind: o.kind.key().to_owned(),
                city_id: o.city_id.to_string(),
                nace_codes: o.nace_codes.iter().map(|c| c.to_string()).collect(),
                description_en: o.description_en,
                description_de: o.description_de,
            })
            .collect(),
    }))
}

fn with_etag(status: StatusCode, version: i64, body: OrganisationDto) -> Response {
    (status, [(header::ETAG, etag(version))], Json(body)).into_response()
}

/// One organisation; figures only for its own users and support-organisation staff.
#[utoipa::path(get, path = "/organisations/{id}", tag = "directory", params(("id" = String, Path, description = "Organisation id")),
    responses((status = 200, body = OrganisationDto, headers(("ETag" = String))), (status = 304), (status = 404, body = ApiErrorBody)))]
pub async fn get_organisation(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let id: OrgId = path_id(&id)?;
    let view = organisations::view(&state.app, &actor, id).await?;
    let tag = etag(view.org.version);
    if headers.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()) == Some(tag.as_str()) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response());
    }
    let version = view.org.version;
    Ok(with_etag(StatusCode::OK, version, OrganisationDto::new(view.org, view.confidential_visible)))
}

/// Registers an organisation; the caller becomes its admin. Needs a verified account.
#[utoipa::path(post, path = "/organisations", tag = "directory", request_body = OrganisationInputDto,
    responses((status = 201, body = OrganisationDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn create_organisation(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    ApiJson(input): ApiJson<OrganisationInputDto>,
) -> Result<Response, ApiError> {
    let org = organisations::create(&state.app, &actor, &input.into_draft()).await?;
    let version = org.version;
    let location = format!("/api/v1/organisations/{}", org.id);
    let mut response = with_etag(StatusCode::CREATED, version, OrganisationDto::new(org, true));
    if let Ok(v) = location.parse() {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}

/// Replaces an organisation. Send the ETag you read as `If-Match`.
#[utoipa::path(put, path = "/organisations/{id}", tag = "directory", request_body = OrganisationInputDto,
    params(("id" = String, Path, description = "Organisation id"), ("If-Match" = String, Header, description = "ETag from GET")),
    responses((status = 200, body = OrganisationDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 412, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 428, body = ApiErrorBody)))]
pub async fn update_organisation(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<OrganisationInputDto>,
) -> Result<Response, ApiError> {
    let id: OrgId = path_id(&id)?;
    // Permission first: a caller who may not edit learns nothing from precondition errors.
    organisations::for_edit(&state.app, &actor, id).await?;
    let version = if_match_version(&headers)?;
    let org = organisations::update(&state.app, &actor, id, version, &input.into_draft()).await?;
    let version = org.version;
    Ok(with_etag(StatusCode::OK, version, OrganisationDto::new(org, true)))
}
