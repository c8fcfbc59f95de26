//! An organisation's members, for its admins.

use super::organisations::parse_id;
use super::{CsrfOnly, render, role_label, see_other, FormState, InputField, Layout};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::directory::{members, organisations};
use tandem_app::AppError;
use tandem_core::account::OrgRole;
use tandem_core::{OrgId, UserId};

pub(crate) struct MemberItem {
    id: String,
    name: String,
    email: String,
    role: String,
    is_self: bool,
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage {
    l: Layout,
    org_id: String,
    org_name: String,
    members: Vec<MemberItem>,
    f: FormState,
    fields: Vec<InputField>,
    roles: Vec<(String, String)>,
}

async fn page(state: &AppState, ctx: &Ctx, org: OrgId, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let list = members::list(&state.app, &ctx.actor, org).await.map_err(|e| ctx.fail(e))?;
    let view = organisations::view(&state.app, &ctx.actor, org).await.map_err(|e| ctx.fail(e))?;
    let me = ctx.user.as_ref().map(|u| u.id);
    let page = MembersPage {
        l: Layout::new(ctx, t.with("members-page-title", "name", &view.org.name)),
        org_id: org.to_string(),
        org_name: view.org.name,
        members: list
            .into_iter()
            .map(|m| MemberItem {
                id: m.user_id.to_string(),
                is_self: Some(m.user_id) == me,
                name: m.display_name,
                email: m.email,
                role: role_label(t, m.role),
            })
            .collect(),
        f,
        fields: vec![InputField::new("email", t.get("field-email"), "email", "off")],
        roles: OrgRole::ALL.iter().map(|r| (r.key().to_owned(), role_label(t, *r))).collect(),
    };
    render(t, status, &page)
}

/// `GET /organisations/{id}/members`.
pub async fn list(State(state): State<AppState>, ctx: Ctx, Path(org): Path<String>) -> Result<Response, PageError> {
    let org: OrgId = parse_id(ctx.t, &org)?;
    let mut f = FormState::new(ctx.t, format!("/organisations/{org}/members"));
    f.set("role", OrgRole::Member.key());
    page(&state, &ctx, org, f, StatusCode::OK).await
}

/// The add-member form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddForm {
    _csrf: String,
    email: String,
    role: String,
}

/// `POST /organisations/{id}/members`.
pub async fn add(State(state): State<AppState>, ctx: Ctx, Path(org): Path<String>, Form(form): Form<AddForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let org: OrgId = parse_id(ctx.t, &org)?;
    match members::add(&state.app, &ctx.actor, org, &form.email, &form.role).await {
        Ok(()) => {
            ctx.flash(ctx.t.get("members-added")).await;
            Ok(see_other(&format!("/organisations/{org}/members")))
        }
        Err(AppError::Invalid(errors)) => {
            let mut f = FormState::new(ctx.t, format!("/organisations/{org}/members"));
            f.set("email", &form.email).set("role", &form.role);
            page(&state, &ctx, org, f.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /organisations/{id}/members/{user}/remove`.
pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((org, user)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let org: OrgId = parse_id(ctx.t, &org)?;
    let user: UserId = parse_id(ctx.t, &user)?;
    members::remove(&state.app, &ctx.actor, org, user).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("members-removed")).await;
    Ok(see_other(&format!("/organisations/{org}/members")))
}
