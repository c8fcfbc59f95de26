//! `GET /api/v1/me`.

use super::dto::{MeDto, MembershipDto};
use super::extract::ApiActor;
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;

/// The caller's own account and roles.
#[utoipa::path(get, path = "/me", tag = "account", responses((status = 200, body = MeDto), (status = 401, body = ApiErrorBody)))]
pub async fn me(State(state): State<AppState>, ApiActor(actor): ApiActor) -> Result<Json<MeDto>, ApiError> {
    let view = tandem_app::account::view(&state.app, &actor).await?;
    Ok(Json(MeDto {
        id: view.user.id.to_string(),
        email: view.user.email.as_str().to_owned(),
        display_name: view.user.display_name,
        locale: view.user.locale.key().to_owned(),
        email_verified: view.user.email_verified,
        platform_admin: view.user.is_platform_admin,
        memberships: view.memberships.iter().map(MembershipDto::from).collect(),
    }))
}
