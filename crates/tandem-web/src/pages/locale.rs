//! The language switch: a plain link (changing the language is harmless, so it needs no form
//! token), remembered in the session and on the account of a logged-in user.

use super::safe_next;
use crate::ctx::{Ctx, SESSION_LOCALE};
use crate::error::PageError;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tandem_core::account::Locale;

/// Query of the switch.
#[derive(Debug, Default, Deserialize)]
pub struct SwitchParams {
    #[serde(default)]
    return_to: String,
}

/// `GET /locale/{en|de}?return_to=/page`.
pub async fn switch(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(locale): Path<String>,
    Query(q): Query<SwitchParams>,
) -> Result<Response, PageError> {
    let locale = Locale::from_key(&locale).unwrap_or(ctx.t.locale);
    ctx.session.insert(SESSION_LOCALE, locale.key()).await.map_err(|e| PageError::internal(ctx.t, e.to_string()))?;
    if let Some(user) = &ctx.user {
        tandem_app::account::update(&state.app, &ctx.actor, &user.display_name, locale.key()).await.map_err(|e| ctx.fail(e))?;
    }
    // 303 like the other redirects; the page it returns to must not be cached as the switch.
    let mut response = Redirect::to(&safe_next(Some(&q.return_to))).into_response();
    response.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    Ok(response)
}
