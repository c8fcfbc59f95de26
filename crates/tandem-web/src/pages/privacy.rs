//! `GET /account/export`: the logged-in person's data as a JSON download (GDPR Art. 15 and 20;
//! issue 6, item 8). Erasure stays an operator command (`tandem person erase`); the account page
//! says how to ask for it.

use crate::ctx::Ctx;
use crate::error::PageError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// `GET /account/export`.
pub async fn export(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let user = ctx.actor.user().map_err(|d| ctx.fail(d.into()))?.id;
    let export = tandem_app::privacy::export_person(&state.app, &ctx.actor, user).await.map_err(|e| ctx.fail(e))?;
    let mut body = serde_json::to_string_pretty(&export).map_err(|e| PageError::internal(ctx.t, e.to_string()))?;
    body.push('\n');
    let file = format!("attachment; filename=\"tandem-my-data-{}.json\"", export.exported_at.format("%Y-%m-%d"));
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8")),
        (header::CONTENT_DISPOSITION, HeaderValue::from_str(&file).unwrap_or(HeaderValue::from_static("attachment"))),
        // Personal data: no shared cache keeps it.
        (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
    ];
    Ok((headers, body).into_response())
}
