//! Organisation pages: view, create, edit.

use super::{descriptions, non_empty, kind_label, nace_pairs, programme_kind_label, render, see_other, split_codes, status_label, Description, FormState, Layout};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::home::ProgrammeItem;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::directory::{self, organisations};
use tandem_app::AppError;
use tandem_core::directory::{Currency, OrgKind, Organisation, OrganisationDraft};
use tandem_core::OrgId;

pub(crate) struct OrgPageView {
    id: String,
    name: String,
    kind_label: String,
    city: String,
    country: String,
    can_edit: bool,
    can_manage_programmes: bool,
    confidential_visible: bool,
    /// Show "potential partners" (the organisation's own people, support staff, admins).
    show_partners: bool,
    /// Link to the enterprise's support page (those who may see it).
    show_support: bool,
    descriptions: Vec<Description>,
    website: Option<String>,
    sectors: Vec<(String, String)>,
    external_ids: Vec<(String, String)>,
    figures: Vec<(String, String)>,
    people: Vec<(String, String)>,
    programmes: Vec<ProgrammeItem>,
    updated: String,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrgPage {
    l: Layout,
    v: OrgPageView,
}

/// Parses an id from the path; a malformed id is simply not found.
pub fn parse_id<T: std::str::FromStr>(t: Tr, raw: &str) -> Result<T, PageError> {
    raw.parse().map_err(|_| PageError::new(t, crate::error::PageErrorKind::NotFound))
}

/// `GET /organisations/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: OrgId = parse_id(t, &id)?;
    let view = organisations::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let org = &view.org;
    let mut external_ids = Vec::new();
    if let Some(pic) = &org.external_ids.pic {
        external_ids.push((t.get("field-pic"), pic.clone()));
    }
    if let Some(n) = &org.external_ids.companies_house {
        external_ids.push((t.get("field-companies-house"), n.clone()));
    }
    if let Some(n) = &org.external_ids.handelsregister {
        external_ids.push((t.get("field-handelsregister"), n.clone()));
    }
    let f = &org.figures;
    let money = |v: Option<i64>| v.map(|n| format!("{} {}", t.number(n), f.currency.map(|c| c.key()).unwrap_or_default()));
    let figures: Vec<(String, String)> = [
        (t.get("field-staff-headcount"), f.staff_headcount.map(|n| t.number(n))),
        (t.get("field-turnover"), money(f.turnover)),
        (t.get("field-balance-sheet"), money(f.balance_sheet)),
        (t.get("field-figures-year"), f.year.map(|y| y.to_string())),
    ]
    .into_iter()
    .filter_map(|(label, value)| value.map(|v| (label, v)))
    .collect();
    let v = OrgPageView {
        id: org.id.to_string(),
        name: org.name.clone(),
        kind_label: kind_label(t, org.kind),
        city: view.city.name.clone(),
        country: t.get(&format!("country-{}", view.city.country.to_ascii_lowercase())),
        can_edit: view.can_edit,
        can_manage_programmes: view.can_manage_programmes,
        confidential_visible: view.confidential_visible,
        show_partners: view.confidential_visible && ctx.logged_in(),
        show_support: view.confidential_visible && ctx.logged_in() && org.kind.is_enterprise(),
        descriptions: descriptions(t, org.description_en.as_deref(), org.description_de.as_deref()),
        website: org.website.clone(),
        sectors: nace_pairs(t, state.app.nace(), &org.nace_codes),
        external_ids,
        figures,
        people: view
            .people
            .iter()
            .map(|p| {
                let text = [Some(p.name.as_str()), p.job_title.as_deref(), p.email.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                (p.id.to_string(), text)
            })
            .collect(),
        programmes: view
            .programmes
            .iter()
            .map(|p| ProgrammeItem {
                id: p.id.to_string(),
                name: p.name.clone(),
                kind_label: programme_kind_label(t, p.kind),
                status_key: p.status.key(),
                status_label: status_label(t, p.status),
            })
            .collect(),
        updated: t.date(&org.updated_at),
    };
    render(t, StatusCode::OK, &OrgPage { l: Layout::new(&ctx, org.name.clone()), v })
}

/// The organisation form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OrgForm {
    _csrf: String,
    version: i64,
    name: String,
    kind: String,
    city_id: String,
    nace_codes: String,
    description_en: String,
    description_de: String,
    website: String,
    staff_headcount: String,
    turnover: String,
    balance_sheet: String,
    currency: String,
    figures_year: String,
    pic: String,
    companies_house: String,
    handelsregister: String,
}

impl OrgForm {
    fn draft(&self) -> OrganisationDraft {
        OrganisationDraft {
            name: self.name.clone(),
            kind: self.kind.clone(),
            city_id: self.city_id.clone(),
            nace_codes: split_codes(&self.nace_codes),
            description_en: non_empty(&self.description_en),
            description_de: non_empty(&self.description_de),
            website: non_empty(&self.website),
            staff_headcount: non_empty(&self.staff_headcount),
            turnover: non_empty(&self.turnover),
            balance_sheet: non_empty(&self.balance_sheet),
            currency: non_empty(&self.currency),
            figures_year: non_empty(&self.figures_year),
            pic: non_empty(&self.pic),
            companies_house: non_empty(&self.companies_house),
            handelsregister: non_empty(&self.handelsregister),
        }
    }

    fn from_org(org: &Organisation) -> OrgForm {
        let n = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        OrgForm {
            _csrf: String::new(),
            version: org.version,
            name: org.name.clone(),
            kind: org.kind.key().to_owned(),
            city_id: org.city_id.to_string(),
            nace_codes: org.nace_codes.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", "),
            description_en: org.description_en.clone().unwrap_or_default(),
            description_de: org.description_de.clone().unwrap_or_default(),
            website: org.website.clone().unwrap_or_default(),
            staff_headcount: n(org.figures.staff_headcount),
            turnover: n(org.figures.turnover),
            balance_sheet: n(org.figures.balance_sheet),
            currency: org.figures.currency.map(|c| c.key().to_owned()).unwrap_or_default(),
            figures_year: org.figures.year.map(|y| y.to_string()).unwrap_or_default(),
            pic: org.external_ids.pic.clone().unwrap_or_default(),
            companies_house: org.external_ids.companies_house.clone().unwrap_or_default(),
            handelsregister: org.external_ids.handelsregister.clone().unwrap_or_default(),
        }
    }

    fn state(&self, t: Tr, action: String, cancel: String) -> FormState {
        let mut f = FormState::new(t, action);
        f.cancel = cancel;
        f.version = self.version;
        f.set("name", &self.name)
            .set("kind", &self.kind)
            .set("city_id", &self.city_id)
            .set("nace_codes", &self.nace_codes)
            .set("description_en", &self.description_en)
            .set("description_de", &self.description_de)
            .set("website", &self.website)
            .set("staff_headcount", &self.staff_headcount)
            .set("turnover", &self.turnover)
            .set("balance_sheet", &self.balance_sheet)
            .set("currency", &self.currency)
            .set("figures_year", &self.figures_year)
            .set("pic", &self.pic)
            .set("companies_house", &self.companies_house)
            .set("handelsregister", &self.handelsregister);
        f
    }
}

#[derive(Template)]
#[template(path = "organisation_form.html")]
struct OrgFormPage {
    l: Layout,
    f: OrgFormView,
}

pub(crate) struct OrgFormView {
    inner: FormState,
    kinds: Vec<(String, String)>,
    cities: Vec<(String, String)>,
    currencies: Vec<String>,
    figure_fields: Vec<(&'static str, String)>,
    id_fields: Vec<(&'static str, String)>,
}

impl std::ops::Deref for OrgFormView {
    type Target = FormState;
    fn deref(&self) -> &FormState {
        &self.inner
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    title: String,
    form: FormState,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let cities = directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
    let f = OrgFormView {
        inner: form,
        kinds: OrgKind::ALL.iter().map(|k| (k.key().to_owned(), kind_label(t, *k))).collect(),
        cities: cities.into_iter().map(|c| (c.id.to_string(), c.name)).collect(),
        currencies: Currency::ALL.iter().map(|c| c.key().to_owned()).collect(),
        figure_fields: vec![
            ("staff_headcount", t.get("field-staff-headcount")),
            ("turnover", t.get("field-turnover")),
            ("balance_sheet", t.get("field-balance-sheet")),
            ("figures_year", t.get("field-figures-year")),
        ],
        id_fields: vec![
            ("pic", t.get("field-pic")),
            ("companies_house", t.get("field-companies-house")),
            ("handelsregister", t.get("field-handelsregister")),
        ],
    };
    render(t, status, &OrgFormPage { l: Layout::new(ctx, title), f })
}

/// `GET /organisations/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    organisations::check_may_create(&ctx.actor).map_err(|e| ctx.fail(e))?;
    let form = OrgForm::default().state(ctx.t, "/organisations/new".into(), "/directory".into());
    form_page(&state, &ctx, ctx.t.get("org-new"), form, StatusCode::OK).await
}

/// `POST /organisations/new`.
pub async fn create(State(state): State<AppState>, ctx: Ctx, Form(form): Form<OrgForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    match organisations::create(&state.app, &ctx.actor, &form.draft()).await {
        Ok(org) => {
            ctx.flash(ctx.t.get("org-created")).await;
            Ok(see_other(&format!("/organisations/{}", org.id)))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(ctx.t, "/organisations/new".into(), "/directory".into()).with_errors(errors);
            form_page(&state, &ctx, ctx.t.get("org-new"), f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `GET /organisations/{id}/edit`.
pub async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: OrgId = parse_id(ctx.t, &id)?;
    let org = organisations::for_edit(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let form = OrgForm::from_org(&org).state(ctx.t, format!("/organisations/{id}/edit"), format!("/organisations/{id}"));
    form_page(&state, &ctx, ctx.t.with("org-edit-title", "name", &org.name), form, StatusCode::OK).await
}

/// `POST /organisations/{id}/edit`.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<OrgForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: OrgId = parse_id(ctx.t, &id)?;
    match organisations::update(&state.app, &ctx.actor, id, form.version, &form.draft()).await {
        Ok(org) => {
            ctx.flash(ctx.t.get("org-saved")).await;
            Ok(see_other(&format!("/organisations/{}", org.id)))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(ctx.t, format!("/organisations/{id}/edit"), format!("/organisations/{id}")).with_errors(errors);
            form_page(&state, &ctx, ctx.t.with("org-edit-title", "name", &form.name), f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            let mut errors = tandem_core::validation::ValidationErrors::default();
            errors.add("name", "conflict", ctx.t.get("error-conflict-text"));
            let f = form.state(ctx.t, format!("/organisations/{id}/edit"), format!("/organisations/{id}")).with_errors(errors);
            form_page(&state, &ctx, ctx.t.with("org-edit-title", "name", &form.name), f, StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}
