//! Registration, email verification, login, logout and password reset pages.

use super::{CsrfOnly, render, safe_next, see_other, FormState, InputField, Layout};
use crate::ctx::{Ctx, SESSION_CSRF, SESSION_USER};
use crate::error::{PageError, PageErrorKind};
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::auth::{self, Registration};
use tandem_app::AppError;
use tandem_core::account::Locale;
use tandem_core::validation::ValidationErrors;

type Choice = (&'static str, String, Vec<(String, String)>);

#[derive(Template)]
#[template(path = "simple_form.html")]
pub(crate) struct SimpleFormPage {
    pub l: Layout,
    pub intro: String,
    pub f: FormState,
    pub hidden: Vec<(String, String)>,
    pub fields: Vec<InputField>,
    pub choices: Vec<Choice>,
    pub submit: String,
    pub links: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "message.html")]
pub(crate) struct MessagePage {
    pub l: Layout,
    pub message: String,
    pub link: Option<(String, String)>,
}

/// Renders a page with a heading, a message and an optional link.
pub fn message_page(ctx: &Ctx, status: StatusCode, title: String, message: String, link: Option<(String, String)>) -> Result<Response, PageError> {
    render(ctx.t, status, &MessagePage { l: Layout::new(ctx, title), message, link })
}

fn locale_choice(t: Tr) -> Choice {
    ("locale", t.get("field-language"), Locale::ALL.iter().map(|l| (l.key().to_owned(), Tr::new(*l).get("language-name"))).collect())
}

/// Query of pages that return somewhere afterwards.
#[derive(Debug, Default, Deserialize)]
pub struct NextParam {
    #[serde(default)]
    next: Option<String>,
}

fn login_page(ctx: &Ctx, f: FormState, next: &str, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let page = SimpleFormPage {
        l: Layout::new(ctx, t.get("login-title")),
        intro: String::new(),
        f,
        hidden: vec![("next".into(), next.to_owned())],
        fields: vec![
            InputField::new("email", t.get("field-email"), "email", "username"),
            InputField::new("password", t.get("field-password"), "password", "current-password"),
        ],
        choices: vec![],
        submit: t.get("login-submit"),
        links: vec![
            ("/forgot-password".into(), t.get("login-forgot")),
            ("/register".into(), t.get("login-register")),
        ],
    };
    render(t, status, &page)
}

/// `GET /login`.
pub async fn login_form(mut ctx: Ctx, Query(q): Query<NextParam>) -> Result<Response, PageError> {
    ctx.keep_form_token().await?;
    let next = safe_next(q.next.as_deref());
    login_page(&ctx, FormState::new(ctx.t, "/login"), &next, StatusCode::OK)
}

/// The login form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    _csrf: String,
    email: String,
    password: String,
    next: String,
}

/// `POST /login`.
pub async fn login(State(state): State<AppState>, ctx: Ctx, Form(form): Form<LoginForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let next = safe_next(Some(&form.next));
    match auth::login(&state.app, &form.email, &form.password).await {
        Ok(user) => {
            start_session(&ctx, user.id).await?;
            ctx.flash(ctx.t.with("login-welcome", "name", &user.display_name)).await;
            Ok(see_other(&next))
        }
        Err(AppError::Invalid(errors)) => {
            let mut f = FormState::new(ctx.t, "/login");
            f.set("email", &form.email);
            login_page(&ctx, f.with_errors(errors), &next, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(AppError::RateLimited { .. }) => {
            let mut errors = ValidationErrors::default();
            errors.add("password", "rate_limited", ctx.t.get("error-rate-limited-text"));
            let mut f = FormState::new(ctx.t, "/login");
            f.set("email", &form.email);
            login_page(&ctx, f.with_errors(errors), &next, StatusCode::TOO_MANY_REQUESTS)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// Logs `user` in: a new session id (against fixation) and a new form token.
async fn start_session(ctx: &Ctx, user: tandem_core::UserId) -> Result<(), PageError> {
    let fail = |e: tower_sessions::session::Error| PageError::internal(ctx.t, e.to_string());
    ctx.session.cycle_id().await.map_err(fail)?;
    ctx.session.insert(SESSION_USER, user).await.map_err(fail)?;
    ctx.session.remove::<String>(SESSION_CSRF).await.map_err(fail)?;
    Ok(())
}

/// `POST /logout`.
pub async fn logout(ctx: Ctx, Form(form): Form<CsrfOnly>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    ctx.session.flush().await.map_err(|e| PageError::internal(ctx.t, e.to_string()))?;
    Ok(see_other("/"))
}

fn register_page(ctx: &Ctx, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let page = SimpleFormPage {
        l: Layout::new(ctx, t.get("register-title")),
        intro: t.get("register-intro"),
        f,
        hidden: vec![],
        fields: vec![
            InputField::new("display_name", t.get("field-display-name"), "text", "name"),
            InputField::new("email", t.get("field-email"), "email", "email"),
            InputField::new("password", t.get("field-password"), "password", "new-password").hint(t.get("field-password-hint")),
        ],
        choices: vec![locale_choice(t)],
        submit: t.get("register-submit"),
        links: vec![("/login".into(), t.get("register-have-account"))],
    };
    render(t, status, &page)
}

/// `GET /register`.
pub async fn register_form(mut ctx: Ctx) -> Result<Response, PageError> {
    ctx.keep_form_token().await?;
    let mut f = FormState::new(ctx.t, "/register");
    f.set("locale", ctx.t.locale.key());
    register_page(&ctx, f, StatusCode::OK)
}

/// The registration form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    _csrf: String,
    display_name: String,
    email: String,
    password: String,
    locale: String,
}

/// `POST /register`.
pub async fn register(State(state): State<AppState>, ctx: Ctx, Form(form): Form<RegisterForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let registration = Registration {
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        password: form.password.clone(),
        locale: Locale::from_key(&form.locale).unwrap_or(ctx.t.locale),
    };
    match auth::register(&state.app, registration).await {
        Ok(user) => {
            start_session(&ctx, user.id).await?;
            ctx.flash(ctx.t.get("register-done")).await;
            Ok(see_other("/account"))
        }
        Err(AppError::Invalid(errors)) => {
            let mut f = FormState::new(ctx.t, "/register");
            f.set("display_name", &form.display_name).set("email", &form.email).set("locale", &form.locale);
            register_page(&ctx, f.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// Query of emailed links.
#[derive(Debug, Default, Deserialize)]
pub struct TokenParam {
    #[serde(default)]
    token: String,
}

/// `GET /verify-email?token=…`.
pub async fn verify_email(State(state): State<AppState>, ctx: Ctx, Query(q): Query<TokenParam>) -> Result<Response, PageError> {
    let t = ctx.t;
    match auth::verify_email(&state.app, &q.token).await {
        Ok(_) => message_page(&ctx, StatusCode::OK, t.get("verify-title"), t.get("verify-done"), Some(("/account".into(), t.get("nav-account")))),
        Err(AppError::Invalid(_)) => {
            message_page(&ctx, StatusCode::BAD_REQUEST, t.get("verify-title"), t.get("verify-failed"), Some(("/account".into(), t.get("nav-account"))))
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /verify-email/resend`.
pub async fn resend_verification(State(state): State<AppState>, ctx: Ctx, Form(form): Form<CsrfOnly>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let user = ctx.actor.user().map_err(|e| ctx.fail(e.into()))?;
    auth::resend_verification(&state.app, user.id).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("verify-resent")).await;
    Ok(see_other("/account"))
}

fn forgot_page(ctx: &Ctx, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let page = SimpleFormPage {
        l: Layout::new(ctx, t.get("forgot-title")),
        intro: t.get("forgot-intro"),
        f,
        hidden: vec![],
        fields: vec![InputField::new("email", t.get("field-email"), "email", "email")],
        choices: vec![],
        submit: t.get("forgot-submit"),
        links: vec![("/login".into(), t.get("nav-login"))],
    };
    render(t, status, &page)
}

/// `GET /forgot-password`.
pub async fn forgot_form(mut ctx: Ctx) -> Result<Response, PageError> {
    ctx.keep_form_token().await?;
    forgot_page(&ctx, FormState::new(ctx.t, "/forgot-password"), StatusCode::OK)
}

/// The forgotten-password form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotForm {
    _csrf: String,
    email: String,
}

/// `POST /forgot-password`.
pub async fn forgot(State(state): State<AppState>, ctx: Ctx, Form(form): Form<ForgotForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    match auth::request_password_reset(&state.app, &form.email).await {
        Ok(()) => message_page(&ctx, StatusCode::OK, ctx.t.get("forgot-title"), ctx.t.get("forgot-sent"), None),
        Err(AppError::Invalid(errors)) => {
            let mut f = FormState::new(ctx.t, "/forgot-password");
            f.set("email", &form.email);
            forgot_page(&ctx, f.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

fn reset_page(ctx: &Ctx, token: &str, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let page = SimpleFormPage {
        l: Layout::new(ctx, t.get("reset-title")),
        intro: String::new(),
        f,
        hidden: vec![("token".into(), token.to_owned())],
        fields: vec![InputField::new("password", t.get("field-new-password"), "password", "new-password").hint(t.get("field-password-hint"))],
        choices: vec![],
        submit: t.get("reset-submit"),
        links: vec![],
    };
    render(t, status, &page)
}

/// `GET /reset-password?token=…`.
pub async fn reset_form(mut ctx: Ctx, Query(q): Query<TokenParam>) -> Result<Response, PageError> {
    if q.token.is_empty() {
        return Err(PageError::new(ctx.t, PageErrorKind::BadRequest(ctx.t.get("reset-missing-token"))));
    }
    ctx.keep_form_token().await?;
    reset_page(&ctx, &q.token, FormState::new(ctx.t, "/reset-password"), StatusCode::OK)
}

/// The new-password form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    _csrf: String,
    token: String,
    password: String,
}

/// `POST /reset-password`.
pub async fn reset(State(state): State<AppState>, ctx: Ctx, Form(form): Form<ResetForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    match auth::reset_password(&state.app, &form.token, &form.password).await {
        Ok(()) => {
            ctx.flash(ctx.t.get("reset-done")).await;
            Ok(see_other("/login"))
        }
        Err(AppError::Invalid(errors)) => {
            let f = FormState::new(ctx.t, "/reset-password").with_errors(errors);
            reset_page(&ctx, &form.token, f, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}
