//! `GET /api/v1/cities`.

use super::dto::CityDto;
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;

/// The partnership's cities.
#[utoipa::path(get, path = "/cities", tag = "directory", responses((status = 200, body = Vec<CityDto>), (status = 500, body = ApiErrorBody)))]
pub async fn list_cities(State(state): State<AppState>) -> Result<Json<Vec<CityDto>>, ApiError> {
    let cities = tandem_app::directory::cities(&state.app).await?;
    Ok(Json(cities.into_iter().map(CityDto::from).collect()))
}
