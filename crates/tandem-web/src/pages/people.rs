//! Adding and removing an organisation's contact people.

use super::auth::SimpleFormPage;
use super::organisations::parse_id;
use super::{non_empty, render, see_other, CsrfOnly, FormState, InputField, Layout};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::directory::{organisations, people};
use tandem_app::AppError;
use tandem_core::directory::PersonDraft;
use tandem_core::{OrgId, PersonId};

async fn form_page(state: &AppState, ctx: &Ctx, org: OrgId, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let organisation = organisations::for_edit(&state.app, &ctx.actor, org).await.map_err(|e| ctx.fail(e))?;
    let page = SimpleFormPage {
        l: Layout::new(ctx, t.with("people-add-title", "name", &organisation.name)),
        intro: t.get("org-people-note"),
        f,
        hidden: vec![],
        fields: vec![
            InputField::new("person_name", t.get("field-person-name"), "text", "off"),
            InputField::new("job_title", t.get("field-job-title"), "text", "off"),
            InputField::new("person_email", t.get("field-email"), "email", "off"),
        ],
        choices: vec![],
        submit: t.get("people-add"),
        links: vec![(format!("/organisations/{org}"), organisation.name)],
    };
    render(t, status, &page)
}

/// `GET /organisations/{id}/people/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Path(org): Path<String>) -> Result<Response, PageError> {
    let org: OrgId = parse_id(ctx.t, &org)?;
    let f = FormState::new(ctx.t, format!("/organisations/{org}/people/new"));
    form_page(&state, &ctx, org, f, StatusCode::OK).await
}

/// The contact-person form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    _csrf: String,
    person_name: String,
    job_title: String,
    person_email: String,
}

/// `POST /organisations/{id}/people/new`.
pub async fn add(State(state): State<AppState>, ctx: Ctx, Path(org): Path<String>, Form(form): Form<PersonForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let org: OrgId = parse_id(ctx.t, &org)?;
    let draft = PersonDraft { name: form.person_name.clone(), job_title: non_empty(&form.job_title), email: non_empty(&form.person_email) };
    match people::add(&state.app, &ctx.actor, org, &draft).await {
        Ok(_) => {
            ctx.flash(ctx.t.get("people-added")).await;
            Ok(see_other(&format!("/organisations/{org}")))
        }
        Err(AppError::Invalid(errors)) => {
            let mut f = FormState::new(ctx.t, format!("/organisations/{org}/people/new"));
            f.set("person_name", &form.person_name).set("job_title", &form.job_title).set("person_email", &form.person_email);
            form_page(&state, &ctx, org, f.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /organisations/{id}/people/{person}/remove`.
pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((org, person)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let org: OrgId = parse_id(ctx.t, &org)?;
    let person: PersonId = parse_id(ctx.t, &person)?;
    people::remove(&state.app, &ctx.actor, org, person).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("people-removed")).await;
    Ok(see_other(&format!("/organisations/{org}")))
}
