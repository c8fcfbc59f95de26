//! `/api/v1/programmes` and `/api/v1/organisations/{id}/programmes`.

use super::dto::{PageDto, PageParams, ProgrammeDto, ProgrammeInputDto};
use super::extract::{etag, if_match_version, path_id, ApiActor, ApiJson, ApiQuery};
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use tandem_app::directory::{organisations, programmes};
use tandem_core::{OrgId, ProgrammeId};

fn with_etag(status: StatusCode, p: ProgrammeDto) -> Response {
    (status, [(header::ETAG, etag(p.version))], Json(p)).into_response()
}

/// Published programmes (drafts are not listed).
#[utoipa::path(get, path = "/programmes", tag = "programmes", params(PageParams),
    responses((status = 200, body = PageDto<ProgrammeDto>), (status = 400, body = ApiErrorBody)))]
pub async fn list_programmes(State(state): State<AppState>, ApiQuery(p): ApiQuery<PageParams>) -> Result<Json<PageDto<ProgrammeDto>>, ApiError> {
    let per_page = p.per_page.unwrap_or(20);
    if !(1..=100).contains(&per_page) {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", "per_page must be between 1 and 100", Some("per_page")));
    }
    let page = p.page.unwrap_or(1);
    if !(1..=500).contains(&page) {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", "page must be between 1 and 500", Some("page")));
    }
    let (items, total) = programmes::list(&state.app, page, per_page).await?;
    Ok(Json(PageDto { items: items.into_iter().map(ProgrammeDto::from).collect(), page, per_page, total }))
}

/// The programmes an organisation runs that the caller may see.
#[utoipa::path(get, path = "/organisations/{id}/programmes", tag = "programmes", params(("id" = String, Path, description = "Organisation id")),
    responses((status = 200, body = Vec<ProgrammeDto>), (status = 404, body = ApiErrorBody)))]
pub async fn list_org_programmes(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Vec<ProgrammeDto>>, ApiError> {
    let id: OrgId = path_id(&id)?;
    let view = organisations::view(&state.app, &actor, id).await?;
    Ok(Json(view.programmes.into_iter().map(ProgrammeDto::from).collect()))
}

/// Creates a programme run by the organisation (its admins and programme managers).
#[utoipa::path(post, path = "/organisations/{id}/programmes", tag = "programmes", request_body = ProgrammeInputDto,
    params(("id" = String, Path, description = "Organisation id")),
    responses((status = 201, body = ProgrammeDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn create_programme(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ProgrammeInputDto>,
) -> Result<Response, ApiError> {
    let id: OrgId = path_id(&id)?;
    let p = programmes::create(&state.app, &actor, id, &input.into_draft()).await?;
    let location = format!("/api/v1/programmes/{}", p.id);
    let mut response = with_etag(StatusCode::CREATED, ProgrammeDto::from(p));
    if let Ok(v) = location.parse() {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}

/// One programme (drafts only for their editors).
#[utoipa::path(get, path = "/programmes/{id}", tag = "programmes", params(("id" = String, Path, description = "Programme id")),
    responses((status = 200, body = ProgrammeDto), (status = 404, body = ApiErrorBody)))]
pub async fn get_programme(State(state): State<AppState>, ApiActor(actor): ApiActor, Path(id): Path<String>) -> Result<Response, ApiError> {
    let id: ProgrammeId = path_id(&id)?;
    let view = programmes::view(&state.app, &actor, id).await?;
    Ok(with_etag(StatusCode::OK, ProgrammeDto::from(view.programme)))
}

/// Replaces a programme. Send the ETag you read as `If-Match`.
#[utoipa::path(put, path = "/programmes/{id}", tag = "programmes", request_body = ProgrammeInputDto,
    params(("id" = String, Path, description = "Programme id"), ("If-Match" = String, Header, description = "ETag from GET")),
    responses((status = 200, body = ProgrammeDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 412, body = ApiErrorBody), (status = 422, body = ApiErrorBody), (status = 428, body = ApiErrorBody)))]
pub async fn update_programme(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<ProgrammeInputDto>,
) -> Result<Response, ApiError> {
    let id: ProgrammeId = path_id(&id)?;
    // Permission first: a caller who may not edit learns nothing from precondition errors.
    programmes::for_edit(&state.app, &actor, id).await?;
    let version = if_match_version(&headers)?;
    let p = programmes::update(&state.app, &actor, id, version, &input.into_draft()).await?;
    Ok(with_etag(StatusCode::OK, ProgrammeDto::from(p)))
}
