//! Programme pages: list, view, create, edit.

use super::organisations::parse_id;
use super::{descriptions, non_empty, nace_pairs, programme_kind_label, render, see_other, split_codes, status_label, summary, Description, FormState, Layout};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::directory::programmes;
use tandem_app::AppError;
use tandem_core::directory::{Programme, ProgrammeDraft, ProgrammeKind, ProgrammeStatus};
use tandem_core::{OrgId, ProgrammeId};

const PER_PAGE: i64 = 20;

pub(crate) struct ListItem {
    id: String,
    name: String,
    kind_label: String,
    status_key: &'static str,
    status_label: String,
    summary: String,
    summary_lang: &'static str,
}

#[derive(Template)]
#[template(path = "programmes.html")]
struct ListPage {
    l: Layout,
    items: Vec<ListItem>,
    count_label: String,
    page: i64,
    pages: i64,
    page_label: String,
}

/// Query of `/programmes`.
#[derive(Debug, Default, Deserialize)]
pub struct ListParams {
    #[serde(default)]
    page: Option<String>,
}

/// `GET /programmes`.
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> Result<Response, PageError> {
    let t = ctx.t;
    let page = params.page.as_deref().and_then(|p| p.parse::<i64>().ok()).unwrap_or(1).max(1);
    let (items, total) = programmes::list(&state.app, page, PER_PAGE).await.map_err(|e| ctx.fail(e))?;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let items = items
        .into_iter()
        .map(|p| {
            let (summary, summary_lang) = summary(t, p.description_en.as_deref(), p.description_de.as_deref());
            ListItem {
                id: p.id.to_string(),
                kind_label: programme_kind_label(t, p.kind),
                status_key: p.status.key(),
                status_label: status_label(t, p.status),
                name: p.name,
                summary,
                summary_lang,
            }
        })
        .collect();
    let page_view = ListPage {
        l: Layout::new(&ctx, t.get("programmes-title")),
        items,
        count_label: t.count("programmes-count", total),
        page,
        pages,
        page_label: t.with("pagination-page", "page", format!("{page} / {pages}")),
    };
    render(t, StatusCode::OK, &page_view)
}

pub(crate) struct ProgrammePageView {
    id: String,
    name: String,
    kind_label: String,
    status_key: &'static str,
    status_label: String,
    org_id: String,
    org_name: String,
    can_edit: bool,
    /// Show "SMEs that fit" (the programme's organisation staff and support staff).
    show_smes: bool,
    descriptions: Vec<Description>,
    sectors: Vec<(String, String)>,
    eligibility: String,
    updated: String,
}

#[derive(Template)]
#[template(path = "programme.html")]
struct ProgrammePage {
    l: Layout,
    v: ProgrammePageView,
}

/// `GET /programmes/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: ProgrammeId = parse_id(t, &id)?;
    let view = programmes::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let p = &view.programme;
    let v = ProgrammePageView {
        id: p.id.to_string(),
        name: p.name.clone(),
        kind_label: programme_kind_label(t, p.kind),
        status_key: p.status.key(),
        status_label: status_label(t, p.status),
        org_id: view.organisation.id.to_string(),
        org_name: view.organisation.name.clone(),
        can_edit: view.can_edit,
        show_smes: tandem_core::policy::can_see_confidential(&ctx.actor, p.org_id),
        descriptions: descriptions(t, p.description_en.as_deref(), p.description_de.as_deref()),
        sectors: nace_pairs(t, state.app.nace(), &p.sectors),
        eligibility: p.eligibility.clone().unwrap_or_default(),
        updated: t.date(&p.updated_at),
    };
    render(t, StatusCode::OK, &ProgrammePage { l: Layout::new(&ctx, p.name.clone()), v })
}

/// The programme form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProgrammeForm {
    _csrf: String,
    version: i64,
    name: String,
    kind: String,
    status: String,
    sectors: String,
    description_en: String,
    description_de: String,
    eligibility: String,
}

impl ProgrammeForm {
    fn draft(&self) -> ProgrammeDraft {
        ProgrammeDraft {
            name: self.name.clone(),
            kind: self.kind.clone(),
            status: self.status.clone(),
            description_en: non_empty(&self.description_en),
            description_de: non_empty(&self.description_de),
            sectors: split_codes(&self.sectors),
            eligibility: non_empty(&self.eligibility),
        }
    }

    fn from_programme(p: &Programme) -> ProgrammeForm {
        ProgrammeForm {
            _csrf: String::new(),
            version: p.version,
            name: p.name.clone(),
            kind: p.kind.key().to_owned(),
            status: p.status.key().to_owned(),
            sectors: p.sectors.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", "),
            description_en: p.description_en.clone().unwrap_or_default(),
            description_de: p.description_de.clone().unwrap_or_default(),
            eligibility: p.eligibility.clone().unwrap_or_default(),
        }
    }

    fn state(&self, t: Tr, action: String, cancel: String) -> FormState {
        let mut f = FormState::new(t, action);
        f.cancel = cancel;
        f.version = self.version;
        f.set("name", &self.name)
            .set("kind", &self.kind)
            .set("status", &self.status)
            .set("sectors", &self.sectors)
            .set("description_en", &self.description_en)
            .set("description_de", &self.description_de)
            .set("eligibility", &self.eligibility);
        f
    }
}

/// A select of a form: field name, label, (value, label) options.
type Select = (&'static str, String, Vec<(String, String)>);

pub(crate) struct ProgrammeFormView {
    inner: FormState,
    selects: Vec<Select>,
    texts: Vec<(&'static str, String, &'static str)>,
}

impl std::ops::Deref for ProgrammeFormView {
    type Target = FormState;
    fn deref(&self) -> &FormState {
        &self.inner
    }
}

#[derive(Template)]
#[template(path = "programme_form.html")]
struct ProgrammeFormPage {
    l: Layout,
    org_name: String,
    f: ProgrammeFormView,
}

fn form_page(ctx: &Ctx, title: String, org_name: String, form: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let f = ProgrammeFormView {
        inner: form,
        selects: vec![
            ("kind", t.get("field-programme-kind"), ProgrammeKind::ALL.iter().map(|k| (k.key().to_owned(), programme_kind_label(t, *k))).collect()),
            ("status", t.get("field-status"), ProgrammeStatus::ALL.iter().map(|s| (s.key().to_owned(), status_label(t, *s))).collect()),
        ],
        texts: vec![
            ("description_en", t.get("field-description-en"), "en"),
            ("description_de", t.get("field-description-de"), "de"),
            ("eligibility", t.get("field-eligibility"), ""),
        ],
    };
    render(t, status, &ProgrammeFormPage { l: Layout::new(ctx, title), org_name, f })
}

/// `GET /organisations/{id}/programmes/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Path(org): Path<String>) -> Result<Response, PageError> {
    let org: OrgId = parse_id(ctx.t, &org)?;
    let organisation = programmes::for_new(&state.app, &ctx.actor, org).await.map_err(|e| ctx.fail(e))?;
    let form = ProgrammeForm { kind: "incubation".into(), status: "draft".into(), ..Default::default() };
    let f = form.state(ctx.t, format!("/organisations/{org}/programmes/new"), format!("/organisations/{org}"));
    form_page(&ctx, ctx.t.get("programme-new"), organisation.name, f, StatusCode::OK)
}

/// `POST /organisations/{id}/programmes/new`.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(org): Path<String>,
    Form(form): Form<ProgrammeForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let org: OrgId = parse_id(ctx.t, &org)?;
    match programmes::create(&state.app, &ctx.actor, org, &form.draft()).await {
        Ok(p) => {
            ctx.flash(ctx.t.get("programme-saved")).await;
            Ok(see_other(&format!("/programmes/{}", p.id)))
        }
        Err(AppError::Invalid(errors)) => {
            let organisation = programmes::for_new(&state.app, &ctx.actor, org).await.map_err(|e| ctx.fail(e))?;
            let f = form
                .state(ctx.t, format!("/organisations/{org}/programmes/new"), format!("/organisations/{org}"))
                .with_errors(errors);
            form_page(&ctx, ctx.t.get("programme-new"), organisation.name, f, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `GET /programmes/{id}/edit`.
pub async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: ProgrammeId = parse_id(ctx.t, &id)?;
    let view = programmes::for_edit(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let f = ProgrammeForm::from_programme(&view.programme).state(ctx.t, format!("/programmes/{id}/edit"), format!("/programmes/{id}"));
    form_page(&ctx, ctx.t.with("programme-edit-title", "name", &view.programme.name), view.organisation.name, f, StatusCode::OK)
}

/// `POST /programmes/{id}/edit`.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ProgrammeForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: ProgrammeId = parse_id(ctx.t, &id)?;
    match programmes::update(&state.app, &ctx.actor, id, form.version, &form.draft()).await {
        Ok(p) => {
            ctx.flash(ctx.t.get("programme-saved")).await;
            Ok(see_other(&format!("/programmes/{}", p.id)))
        }
        Err(AppError::Invalid(errors)) => {
            let view = programmes::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
            let f = form.state(ctx.t, format!("/programmes/{id}/edit"), format!("/programmes/{id}")).with_errors(errors);
            form_page(&ctx, ctx.t.with("programme-edit-title", "name", &form.name), view.organisation.name, f, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}
