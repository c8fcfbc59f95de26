//! Error pages for people and the one JSON error shape for API clients.

use crate::i18n::Tr;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Json;
use serde::Serialize;
use tandem_app::AppError;
use tandem_core::policy::Denied;
use utoipa::ToSchema;

/// What kind of failure a page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageErrorKind {
    /// 404.
    NotFound,
    /// 403.
    Forbidden,
    /// Redirect to the login page, then back to `next`.
    LoginRequired {
        /// Where to return after logging in.
        next: String,
    },
    /// 403 with a hint to confirm the email address.
    EmailNotVerified,
    /// 409.
    Conflict,
    /// 429.
    RateLimited,
    /// 403: the form token did not match.
    CsrfFailed,
    /// 400 with a message.
    BadRequest(String),
    /// 500; details are logged, not shown.
    Internal,
}

/// An error page in the request's language.
#[derive(Debug)]
pub struct PageError {
    t: Tr,
    kind: PageErrorKind,
}

impl PageError {
    /// An error page of `kind`.
    pub fn new(t: Tr, kind: PageErrorKind) -> PageError {
        PageError { t, kind }
    }

    /// A 500 page; `detail` goes to the log.
    pub fn internal(t: Tr, detail: String) -> PageError {
        tracing::error!(%detail, "request failed");
        PageError { t, kind: PageErrorKind::Internal }
    }

    /// Maps a use-case error; `here` is where a login should return to.
    pub fn from_app(t: Tr, here: &str, error: AppError) -> PageError {
        let kind = match error {
            AppError::NotFound => PageErrorKind::NotFound,
            AppError::Denied(Denied::LoginRequired) => PageErrorKind::LoginRequired { next: here.to_owned() },
            AppError::Denied(Denied::EmailNotVerified) => PageErrorKind::EmailNotVerified,
            AppError::Denied(Denied::Forbidden) => PageErrorKind::Forbidden,
            AppError::Conflict => PageErrorKind::Conflict,
            AppError::RateLimited { .. } => PageErrorKind::RateLimited,
            AppError::Invalid(errors) => PageErrorKind::BadRequest(errors.to_string()),
            AppError::Internal(detail) => return PageError::internal(t, detail),
        };
        PageError { t, kind }
    }
}

#[derive(askama::Template)]
#[template(path = "error.html")]
struct ErrorPage {
    t: Tr,
    title: String,
    message: String,
    show_login: bool,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let t = self.t;
        let (status, title_key, message) = match &self.kind {
            PageErrorKind::LoginRequired { next } => {
                let target = format!("/login?next={}", urlencode(next));
                return Redirect::to(&target).into_response();
            }
            PageErrorKind::NotFound => (StatusCode::NOT_FOUND, "error-not-found", t.get("error-not-found-text")),
            PageErrorKind::Forbidden => (StatusCode::FORBIDDEN, "error-forbidden", t.get("error-forbidden-text")),
            PageErrorKind::EmailNotVerified => (StatusCode::FORBIDDEN, "error-forbidden", t.get("error-email-not-verified")),
            PageErrorKind::Conflict => (StatusCode::CONFLICT, "error-conflict", t.get("error-conflict-text")),
            PageErrorKind::RateLimited => (StatusCode::TOO_MANY_REQUESTS, "error-rate-limited", t.get("error-rate-limited-text")),
            PageErrorKind::CsrfFailed => (StatusCode::FORBIDDEN, "error-forbidden", t.get("error-csrf")),
            PageErrorKind::BadRequest(message) => (StatusCode::BAD_REQUEST, "error-bad-request", message.clone()),
            PageErrorKind::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "error-internal", t.get("error-internal-text")),
        };
        let page = ErrorPage { t, title: t.get(title_key), message, show_login: false };
        match askama::Template::render(&page) {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, t.get(title_key)).into_response(),
        }
    }
}

/// Everything but the unreserved characters (RFC 3986 §2.3) and `/`, which keeps local paths
/// readable in `next` and `return_to`.
const QUERY_VALUE: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b'/');

/// Percent-encodes a value for a query string.
pub fn urlencode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, QUERY_VALUE).to_string()
}

/// The body of every API error: `{"error": {"code", "message", "field"}}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorBody {
    /// The error.
    pub error: ApiErrorDetail,
}

/// One API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorDetail {
    /// Stable machine-readable code (`not_found`, `validation_failed`, `too_long`, …).
    pub code: String,
    /// What went wrong and how to fix it, in English.
    pub message: String,
    /// The input field concerned, if any.
    pub field: Option<String>,
    /// Every field problem when there is more than one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<ApiFieldError>,
}

/// One field problem.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiFieldError {
    /// Field.
    pub field: String,
    /// Code.
    pub code: String,
    /// Message.
    pub message: String,
}

/// An API failure with its status.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ApiErrorBody,
    retry_after: Option<u64>,
}

impl ApiError {
    /// An error with a status, code and message.
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>, field: Option<&str>) -> ApiError {
        ApiError {
            status,
            body: ApiErrorBody {
                error: ApiErrorDetail { code: code.into(), message: message.into(), field: field.map(Into::into), details: vec![] },
            },
            retry_after: None,
        }
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::Invalid(errors) => {
                let first = errors.0.first();
                let (code, field) = match (errors.0.len(), first) {
                    (1, Some(e)) => (e.code.to_owned(), Some(e.field.clone())),
                    (_, Some(e)) => ("validation_failed".to_owned(), Some(e.field.clone())),
                    _ => ("validation_failed".to_owned(), None),
                };
                let details = if errors.0.len() > 1 {
                    errors
                        .0
                        .iter()
                        .map(|e| ApiFieldError { field: e.field.clone(), code: e.code.into(), message: e.message.clone() })
                        .collect()
                } else {
                    vec![]
                };
                ApiError {
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                    body: ApiErrorBody { error: ApiErrorDetail { code, message: errors.to_string(), field, details } },
                    retry_after: None,
                }
            }
            AppError::Denied(Denied::LoginRequired) => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "send an API token as 'Authorization: Bearer <token>' (create one on your account page)",
                None,
            ),
            AppError::Denied(Denied::EmailNotVerified) => {
                ApiError::new(StatusCode::FORBIDDEN, "email_not_verified", Denied::EmailNotVerified.to_string(), None)
            }
            AppError::Denied(Denied::Forbidden) => ApiError::new(StatusCode::FORBIDDEN, "forbidden", Denied::Forbidden.to_string(), None),
            AppError::NotFound => ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such resource", None),
            AppError::Conflict => ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                "conflict",
                "the resource changed since you read it (If-Match does not match its ETag); fetch it again and retry",
                None,
            ),
            AppError::RateLimited { retry_after_secs } => ApiError {
                retry_after: Some(retry_after_secs),
                ..ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", AppError::RateLimited { retry_after_secs }.to_string(), None)
            },
            AppError::Internal(detail) => {
                tracing::error!(%detail, "API request failed");
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "something went wrong on our side; try again later", None)
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(secs) = self.retry_after
            && let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        response
    }
}
