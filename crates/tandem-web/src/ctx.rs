//! The per-request context of pages: who is asking, in which language, the CSRF token.

use crate::error::PageError;
use crate::i18n::Tr;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use tandem_app::AppError;
use tandem_core::account::{Locale, User};
use tandem_core::policy::Actor;
use tandem_core::UserId;
use tower_sessions::Session;

/// Session key of the logged-in user's id.
pub const SESSION_USER: &str = "user_id";
/// Session key of the language chosen with the switch.
pub const SESSION_LOCALE: &str = "locale";
/// Session key of the synchronizer token every form carries.
pub const SESSION_CSRF: &str = "csrf";
/// Session key of a one-shot notice shown on the next page.
pub const SESSION_FLASH: &str = "flash";

/// Everything a page handler knows about the request before it does anything.
pub struct Ctx {
    /// Who is asking.
    pub actor: Actor,
    /// The logged-in user.
    pub user: Option<User>,
    /// Translator for the request's language.
    pub t: Tr,
    /// The form token of this session.
    pub csrf: String,
    /// The token is stored in the session (forms posted with it will be accepted).
    csrf_kept: bool,
    /// The request came from htmx (answer with a fragment).
    pub htmx: bool,
    /// Path and query of this page (language switch and login return here).
    pub here: String,
    /// A notice left by the previous request (already removed from the session).
    pub flash: Option<String>,
    /// The session.
    pub session: Session,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let fallback_t = Tr::new(locale_from_headers(&parts.headers).unwrap_or_default());
        let internal = |e: String| PageError::internal(fallback_t, e);
        let session = Session::from_request_parts(parts, state).await.map_err(|(_, e)| internal(e.to_string()))?;
        let user_id: Option<UserId> = session.get(SESSION_USER).await.map_err(|e| internal(e.to_string()))?;
        let (user, actor) = match user_id {
            Some(id) => match tandem_app::auth::actor_for(&state.app, id).await.map_err(|e| internal(e.to_string()))? {
                Some((user, actor)) => (Some(user), actor),
                None => (None, Actor::Anonymous),
            },
            None => (None, Actor::Anonymous),
        };
        let chosen: Option<String> = session.get(SESSION_LOCALE).await.map_err(|e| internal(e.to_string()))?;
        let locale = chosen
            .as_deref()
            .and_then(Locale::from_key)
            .or(user.as_ref().map(|u| u.locale))
            .or_else(|| locale_from_headers(&parts.headers))
            .unwrap_or_default();
        // Anonymous visitors get no session (and no database row) until they need one: a form
        // page asks for it with `Ctx::keep_form_token`. Visitors who have a session keep their
        // token in it.
        let (csrf, csrf_kept) = match session.get::<String>(SESSION_CSRF).await.map_err(|e| internal(e.to_string()))? {
            Some(token) => (token, true),
            None if session.id().is_some() => {
                let token = new_token();
                session.insert(SESSION_CSRF, &token).await.map_err(|e| internal(e.to_string()))?;
                (token, true)
            }
            None => (new_token(), false),
        };
        // Reading before removing: `remove` marks the session changed, which would write it on
        // every request.
        let flash: Option<String> = match session.get::<String>(SESSION_FLASH).await.map_err(|e| internal(e.to_string()))? {
            Some(_) => session.remove(SESSION_FLASH).await.map_err(|e| internal(e.to_string()))?,
            None => None,
        };
        let here = parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into());
        Ok(Ctx {
            actor,
            user,
            t: Tr::new(locale),
            csrf,
            // htmx restoring history after a cache miss asks for the whole page, not a fragment.
            csrf_kept,
            htmx: parts.headers.contains_key("hx-request") && !parts.headers.contains_key("hx-history-restore-request"),
            here,
            flash,
            session,
        })
    }
}

fn locale_from_headers(headers: &HeaderMap) -> Option<Locale> {
    headers.get("accept-language").and_then(|v| v.to_str().ok()).and_then(Locale::from_accept_language)
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

impl Ctx {
    /// Checks a submitted form token against the session's (synchronizer-token pattern).
    pub fn check_csrf(&self, submitted: &str) -> Result<(), PageError> {
        let (a, b) = (submitted.as_bytes(), self.csrf.as_bytes());
        // Compare in constant time: the token is a secret.
        let same = a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0;
        if same { Ok(()) } else { Err(PageError::new(self.t, crate::error::PageErrorKind::CsrfFailed)) }
    }

    /// Stores the form token in the session (creating the session), for pages whose forms an
    /// anonymous visitor may post: login, registration, password reset.
    pub async fn keep_form_token(&mut self) -> Result<(), PageError> {
        if !self.csrf_kept {
            self.session.insert(SESSION_CSRF, &self.csrf).await.map_err(|e| PageError::internal(self.t, e.to_string()))?;
            self.csrf_kept = true;
        }
        Ok(())
    }

    /// Converts a use-case error into an error page in this request's language.
    pub fn fail(&self, error: AppError) -> PageError {
        PageError::from_app(self.t, &self.here, error)
    }

    /// Leaves a notice for the next page.
    pub async fn flash(&self, message: String) {
        // Losing a notice is harmless; the action itself already happened.
        let _ = self.session.insert(SESSION_FLASH, message).await;
    }

    /// True when someone is logged in.
    pub fn logged_in(&self) -> bool {
        self.user.is_some()
    }

    /// The logged-in user's display name, or "".
    pub fn user_name(&self) -> &str {
        self.user.as_ref().map(|u| u.display_name.as_str()).unwrap_or_default()
    }

    /// The language to switch to.
    pub fn other_locale(&self) -> Locale {
        match self.t.locale {
            Locale::En => Locale::De,
            Locale::De => Locale::En,
        }
    }
}
