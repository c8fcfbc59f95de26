//! The JSON API under `/api/v1`: the same use cases and permissions as the pages, bearer-token
//! or session authentication, one error shape, pagination, ETag/If-Match on updates, and the
//! OpenAPI 3.1 document generated from these handlers at `/api/v1/openapi.json`.

mod brokerage;
mod cities;
mod dto;
mod event_statistics;
mod events;
mod extract;
mod matching;
mod me;
mod meetings;
mod organisations;
mod profiles;
mod programmes;

use crate::error::{ApiErrorBody, ApiErrorDetail, ApiFieldError};
use crate::state::AppState;
use axum::routing::get;
use axum::{Json, Router};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(title = "Tandem API", version = "1", description = "Directory of the Birmingham–Leipzig innovation ecosystem: cities, organisations, programmes. Errors always have the shape {\"error\": {\"code\", \"message\", \"field\"}}."),
    components(schemas(ApiErrorBody, ApiErrorDetail, ApiFieldError)),
    modifiers(&BearerAuth),
    security(("bearer" = []), ())
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).description(Some("An API token from your account page")).build()),
        );
    }
}

/// The API's router and its OpenAPI document.
fn parts() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(cities::list_cities))
        .routes(routes!(organisations::list_organisations, organisations::create_organisation))
        .routes(routes!(organisations::get_organisation, organisations::update_organisation))
        .routes(routes!(programmes::list_org_programmes, programmes::create_programme))
        .routes(routes!(programmes::list_programmes))
        .routes(routes!(programmes::get_programme, programmes::update_programme))
        .routes(routes!(me::me))
        .routes(routes!(profiles::list_profiles, profiles::create_profile))
        .routes(routes!(profiles::get_profile, profiles::update_profile))
        .routes(routes!(profiles::submit_profile))
        .routes(routes!(profiles::approve_profile))
        .routes(routes!(profiles::return_profile))
        .routes(routes!(profiles::withdraw_profile))
        .routes(routes!(profiles::extend_profile))
        .routes(routes!(profiles::import_profiles))
        .routes(routes!(profiles::export_profiles))
        .routes(routes!(brokerage::express_interest))
        .routes(routes!(brokerage::list_interests))
        .routes(routes!(brokerage::introduce_interest))
        .routes(routes!(brokerage::decline_interest))
        .routes(routes!(brokerage::withdraw_interest))
        .routes(routes!(brokerage::record_agreement))
        .routes(routes!(brokerage::confirm_agreement))
        .routes(routes!(brokerage::get_statistics))
        .routes(routes!(events::list_events))
        .routes(routes!(events::get_event))
        .routes(routes!(event_statistics::event_statistics))
        .routes(routes!(matching::profile_matches))
        .routes(routes!(matching::organisation_partners))
        .routes(routes!(matching::programme_smes))
        .routes(routes!(meetings::my_meetings))
        .routes(routes!(meetings::request_meeting))
        .routes(routes!(meetings::free_slots))
        .routes(routes!(meetings::accept_meeting))
        .routes(routes!(meetings::decline_meeting))
        .routes(routes!(meetings::cancel_meeting))
        .split_for_parts()
}

/// The OpenAPI document (also used by tests and docs generation).
pub fn openapi() -> utoipa::openapi::OpenApi {
    parts().1
}

/// `/api/v1` routes, including `/openapi.json`.
pub fn router() -> Router<AppState> {
    let (router, doc) = parts();
    router
        .route("/openapi.json", get(move || async move { Json(doc.clone()) }))
        .fallback(|| async {
            crate::error::ApiError::new(axum::http::StatusCode::NOT_FOUND, "not_found", "no such API endpoint; see /api/v1/openapi.json", None)
        })
}
