//! The language switch: remembered in the session (and on the account of a logged-in user).

use super::{safe_next, see_other};
use crate::ctx::{Ctx, SESSION_LOCALE};
use crate::error::PageError;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_core::account::Locale;

/// The switch form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LocaleForm {
    _csrf: String,
    locale: String,
    return_to: String,
}

/// `POST /locale`.
pub async fn switch(State(state): State<AppState>, ctx: Ctx, Form(form): Form<LocaleForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let locale = Locale::from_key(&form.locale).unwrap_or(ctx.t.locale);
    ctx.session.insert(SESSION_LOCALE, locale.key()).await.map_err(|e| PageError::internal(ctx.t, e.to_string()))?;
    if let Some(user) = &ctx.user {
        tandem_app::account::update(&state.app, &ctx.actor, &user.display_name, locale.key()).await.map_err(|e| ctx.fail(e))?;
    }
    Ok(see_other(&safe_next(Some(&form.return_to))))
}
