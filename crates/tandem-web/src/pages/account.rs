//! The account page: name, language, verification, organisations, API tokens.

use super::organisations::parse_id;
use super::{CsrfOnly, render, role_label, see_other, FormState, InputField, Layout};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::auth::api_tokens;
use tandem_app::AppError;
use tandem_core::account::Locale;
use tandem_core::validation::ValidationErrors;
use tandem_core::TokenId;

pub(crate) struct TokenItem {
    id: String,
    name: String,
    created: String,
    last_used: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    l: Layout,
    email: String,
    verified: bool,
    f: FormState,
    fields: Vec<InputField>,
    locales: Vec<(String, String)>,
    memberships: Vec<(String, String, String)>,
    tokens: Vec<TokenItem>,
    new_token: Option<String>,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    form: Option<FormState>,
    new_token: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let account = tandem_app::account::view(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let tokens = api_tokens::list(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let f = form.unwrap_or_else(|| {
        let mut f = FormState::new(t, "/account");
        f.set("display_name", &account.user.display_name).set("locale", account.user.locale.key());
        f
    });
    let page = AccountPage {
        l: Layout::new(ctx, t.get("account-title")),
        email: account.user.email.as_str().to_owned(),
        verified: account.user.email_verified,
        f,
        fields: vec![InputField::new("display_name", t.get("field-display-name"), "text", "name")],
        locales: Locale::ALL.iter().map(|l| (l.key().to_owned(), Tr::new(*l).get("language-name"))).collect(),
        memberships: account
            .memberships
            .iter()
            .map(|m| (m.org_id.to_string(), m.org_name.clone(), role_label(t, m.role)))
            .collect(),
        tokens: tokens
            .into_iter()
            .map(|tk| TokenItem {
                id: tk.id.to_string(),
                name: tk.name,
                created: t.date(&tk.created_at),
                last_used: tk.last_used_at.map(|d| t.date(&d)).unwrap_or_else(|| t.get("tokens-never-used")),
            })
            .collect(),
        new_token,
    };
    render(t, status, &page)
}

/// `GET /account`.
pub async fn show(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    page(&state, &ctx, None, None, StatusCode::OK).await
}

/// The account form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccountForm {
    _csrf: String,
    display_name: String,
    locale: String,
}

/// `POST /account`.
pub async fn update(State(state): State<AppState>, ctx: Ctx, Form(form): Form<AccountForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    match tandem_app::account::update(&state.app, &ctx.actor, &form.display_name, &form.locale).await {
        Ok(()) => {
            // The saved language applies from the next page on.
            let _ = ctx.session.remove::<String>(crate::ctx::SESSION_LOCALE).await;
            let t = Tr::new(Locale::from_key(&form.locale).unwrap_or(ctx.t.locale));
            ctx.flash(t.get("account-saved")).await;
            Ok(see_other("/account"))
        }
        Err(AppError::Invalid(errors)) => {
            let mut f = FormState::new(ctx.t, "/account");
            f.set("display_name", &form.display_name).set("locale", &form.locale);
            page(&state, &ctx, Some(f.with_errors(errors)), None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The new-token form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenForm {
    _csrf: String,
    name: String,
}

/// `POST /account/tokens`: shows the secret once, on the page itself (it is never stored).
pub async fn create_token(State(state): State<AppState>, ctx: Ctx, Form(form): Form<TokenForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    match api_tokens::create(&state.app, &ctx.actor, &form.name).await {
        Ok(token) => page(&state, &ctx, None, Some(token.secret), StatusCode::OK).await,
        Err(AppError::Invalid(errors)) => {
            let renamed = ValidationErrors(
                errors.0.into_iter().map(|mut e| {
                    e.field = "token_name".into();
                    e
                }).collect(),
            );
            let account = tandem_app::account::view(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
            let mut f = FormState::new(ctx.t, "/account");
            f.set("display_name", &account.user.display_name).set("locale", account.user.locale.key());
            page(&state, &ctx, Some(f.with_errors(renamed)), None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /account/tokens/{id}/revoke`.
pub async fn revoke_token(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: TokenId = parse_id(ctx.t, &id)?;
    api_tokens::revoke(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("tokens-revoked")).await;
    Ok(see_other("/account"))
}
