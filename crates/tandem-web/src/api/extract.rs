//! API extractors: the caller (token or session), and JSON/query bodies whose rejections use
//! the API's error shape.

use crate::ctx::SESSION_USER;
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use serde::de::DeserializeOwned;
use tandem_core::policy::Actor;
use tandem_core::UserId;
use tower_sessions::Session;

/// The caller: `Authorization: Bearer <token>` if present, else the session's user, else anonymous.
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            let token = value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).map(str::trim).unwrap_or_default();
            return match tandem_app::auth::actor_for_token(&state.app, token).await? {
                Some((_, actor)) => Ok(ApiActor(actor)),
                None => Err(ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "invalid_token",
                    "the API token is unknown or revoked; create a new one on your account page",
                    None,
                )),
            };
        }
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|(_, e)| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e, None))?;
        let user: Option<UserId> = session.get(SESSION_USER).await.ok().flatten();
        match user {
            Some(id) => Ok(ApiActor(tandem_app::auth::actor_for(&state.app, id).await?.map(|(_, a)| a).unwrap_or(Actor::Anonymous))),
            None => Ok(ApiActor(Actor::Anonymous)),
        }
    }
}

/// A JSON body; malformed JSON is a 400 in the API's error shape.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

fn json_rejection(rejection: JsonRejection) -> ApiError {
    let (status, code) = match &rejection {
        JsonRejection::MissingJsonContentType(_) => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
        JsonRejection::JsonDataError(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body"),
        _ => (StatusCode::BAD_REQUEST, "invalid_json"),
    };
    ApiError::new(status, code, rejection.body_text(), None)
}

/// A query string; bad parameters are a 400 in the API's error shape.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(ApiQuery(v)),
            Err(rejection) => Err(query_rejection(rejection)),
        }
    }
}

fn query_rejection(rejection: QueryRejection) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "invalid_query", rejection.body_text(), None)
}

/// Parses a path id; malformed ids are simply not found.
pub fn path_id<T: std::str::FromStr>(raw: &str) -> Result<T, ApiError> {
    raw.parse().map_err(|_| ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such resource", None))
}

/// The version an `If-Match` header names (`"3"` or `W/"3"`); 428 if absent, 412 if unreadable.
pub fn if_match_version(headers: &axum::http::HeaderMap) -> Result<i64, ApiError> {
    let raw = headers.get(header::IF_MATCH).ok_or_else(|| {
        ApiError::new(
            StatusCode::PRECONDITION_REQUIRED,
            "precondition_required",
            "send the ETag you read in an If-Match header, so concurrent changes are not overwritten",
            None,
        )
    })?;
    raw.to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| ApiError::new(StatusCode::PRECONDITION_FAILED, "conflict", "If-Match does not name a current ETag", None))
}

/// The strong ETag of a record version.
pub fn etag(version: i64) -> String {
    format!("\"{version}\"")
}
