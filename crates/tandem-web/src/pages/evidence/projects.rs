//! Funded projects (issue 6, item 1): the list, a project's settings and targets, and the form
//! that sets one up or changes it (lead staff only; the use case decides).

use super::{all_indicators, day, hours, money, org_name, require_login, support_orgs, ESIF_INDICATORS, EU_INDICATORS};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::events::{staff_orgs, Field};
use crate::pages::organisations::parse_id;
use crate::pages::{render, see_other, FormState, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use tandem_app::evidence::projects::{self, ListsDraft, RULEBOOKS};
use tandem_app::AppError;
use tandem_core::directory::Organisation;
use tandem_core::evidence::project::{Funder, Project, ProjectCurrency, ProjectDraft};
use tandem_core::evidence::units::format_hundredths;
use tandem_core::policy::{self, Actor, Denied};
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, ProjectId};

// ---------------------------------------------------------------------------------------------
// Labels

/// The reader's label of a funder.
pub(crate) fn funder_label(t: Tr, funder: Funder) -> String {
    t.get(&format!("project-funder-{}", funder.key()))
}

/// The reader's label of a rulebook and version ("ESIF-GN-1-002, v6").
pub(crate) fn rulebook_label(t: Tr, rulebook: &str, version: &str) -> String {
    format!("{}, {version}", t.get(&format!("project-rulebook-{rulebook}")))
}

/// Whether the actor may set up projects: lead staff somewhere, or a platform admin.
fn may_create(actor: &Actor) -> bool {
    actor.is_platform_admin() || !staff_orgs(actor).is_empty()
}

/// Whether the actor may record support in `project` (for at least one delivery organisation).
pub(crate) fn may_record(actor: &Actor, project: &Project) -> bool {
    let delivery: Vec<OrgId> = project.delivery_orgs().collect();
    delivery.iter().any(|o| policy::support_recorder(actor, &delivery, *o).is_ok())
}

// ---------------------------------------------------------------------------------------------
// The list

struct ProjectRow {
    id: String,
    name: String,
    funder: String,
    rulebook: String,
    delivery: String,
    lead: String,
}

#[derive(Template)]
#[template(path = "projects.html")]
struct ListPage {
    l: Layout,
    rows: Vec<ProjectRow>,
    can_create: bool,
}

/// `GET /projects`.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let list = projects::list(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let orgs = support_orgs(&state, &ctx).await?;
    let mut rows = Vec::with_capacity(list.len());
    for p in &list {
        let i = &p.input;
        rows.push(ProjectRow {
            id: p.id.to_string(),
            name: i.name.clone(),
            funder: funder_label(t, i.funder),
            rulebook: rulebook_label(t, &i.rulebook, &i.rulebook_version),
            delivery: format!("{} – {}", day(t, i.starts_on), day(t, i.ends_on)),
            lead: org_name(&state, &ctx, &orgs, i.lead_org_id).await,
        });
    }
    let page = ListPage { l: Layout::new(&ctx, t.get("projects-title")), rows, can_create: may_create(&ctx.actor) };
    render(t, StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------------------------
// One project

#[derive(Template)]
#[template(path = "project.html")]
struct ShowPage {
    l: Layout,
    id: String,
    name: String,
    facts: Vec<(String, String)>,
    partners: Vec<String>,
    cities: Vec<String>,
    excluded_nace: Vec<(String, String)>,
    targets: Vec<(String, String)>,
    can_edit: bool,
    can_record: bool,
}

/// `GET /projects/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: ProjectId = parse_id(t, &id)?;
    let p = projects::get(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let orgs = support_orgs(&state, &ctx).await?;
    let cities = tandem_app::directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
    let i = &p.input;
    let currency = i.currency.key();
    let mut facts = vec![
        (t.get("project-field-lead"), org_name(&state, &ctx, &orgs, i.lead_org_id).await),
        (t.get("project-field-funder"), funder_label(t, i.funder)),
    ];
    if let Some(scheme) = &i.scheme {
        facts.push((t.get("project-field-scheme"), scheme.clone()));
    }
    facts.extend([
        (t.get("project-field-rulebook"), rulebook_label(t, &i.rulebook, &i.rulebook_version)),
        (t.get("project-field-agreement-signed-on"), day(t, i.agreement_signed_on)),
        (t.get("project-field-delivery"), format!("{} – {}", day(t, i.starts_on), day(t, i.ends_on))),
        (t.get("project-field-currency"), currency.to_owned()),
        (t.get("project-field-hours-threshold"), t.with("project-hours", "count", hours(t, i.hours_threshold))),
        (
            t.get("project-field-day-rate"),
            i.day_rate.map(|r| money(t, r, currency)).unwrap_or_else(|| t.get("project-day-rate-none")),
        ),
        (t.get("project-field-hours-per-day"), t.with("project-hours", "count", hours(t, i.hours_per_day))),
    ]);
    let mut partners = Vec::with_capacity(p.partners.len());
    for o in &p.partners {
        partners.push(org_name(&state, &ctx, &orgs, *o).await);
    }
    let page = ShowPage {
        l: Layout::new(&ctx, i.name.clone()),
        id: p.id.to_string(),
        name: i.name.clone(),
        facts,
        partners,
        cities: p.cities.iter().map(|c| cities.iter().find(|x| x.id == *c).map(|x| x.name.clone()).unwrap_or_else(|| c.to_string())).collect(),
        excluded_nace: p
            .excluded_nace
            .iter()
            .map(|code| {
                let label = tandem_core::nace::NaceCode::parse(code)
                    .map(|c| crate::pages::nace_label(t, state.app.nace(), &c))
                    .unwrap_or_default();
                (code.clone(), label)
            })
            .collect(),
        targets: p.targets.iter().map(|(code, n)| (code.clone(), t.number(*n))).collect(),
        can_edit: policy::project_manager(&ctx.actor, i.lead_org_id).is_ok(),
        can_record: may_record(&ctx.actor, &p),
    };
    render(t, StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------------------------
// The form

/// The project form as posted: its fields, the repeated partners and cities, and one target per
/// indicator (`target-C1`, …).
#[derive(Debug, Default)]
pub struct ProjectForm {
    csrf: String,
    version: i64,
    draft: ProjectDraft,
    partners: Vec<String>,
    cities: Vec<String>,
    excluded_nace: String,
    targets: Vec<(String, String)>,
}

impl ProjectForm {
    fn parse(pairs: Vec<(String, String)>) -> ProjectForm {
        let mut f = ProjectForm::default();
        for (key, value) in pairs {
            let d = &mut f.draft;
            match key.as_str() {
                "_csrf" => f.csrf = value,
                "version" => f.version = value.trim().parse().unwrap_or(0),
                "name" => d.name = value,
                "lead_org_id" => d.lead_org_id = value,
                "funder" => d.funder = value,
                "scheme" => d.scheme = crate::pages::non_empty(&value),
                "rulebook_version" => match value.split_once(':') {
                    Some((rulebook, version)) => {
                        d.rulebook = rulebook.to_owned();
                        d.rulebook_version = version.to_owned();
                    }
                    None => {
                        d.rulebook = String::new();
                        d.rulebook_version = String::new();
                    }
                },
                "agreement_signed_on" => d.agreement_signed_on = value,
                "starts_on" => d.starts_on = value,
                "ends_on" => d.ends_on = value,
                "currency" => d.currency = value,
                "hours_threshold" => d.hours_threshold = value,
                "day_rate" => d.day_rate = value,
                "hours_per_day" => d.hours_per_day = value,
                "partners" => f.partners.push(value),
                "cities" => f.cities.push(value),
                "excluded_nace" => f.excluded_nace = value,
                other => {
                    if let Some(code) = other.strip_prefix("target-")
                        && all_indicators().any(|c| c == code)
                    {
                        f.targets.push((code.to_owned(), value));
                    }
                }
            }
        }
        f
    }

    fn of(p: &Project) -> ProjectForm {
        let i = &p.input;
        ProjectForm {
            csrf: String::new(),
            version: p.version,
            draft: ProjectDraft {
                name: i.name.clone(),
                lead_org_id: i.lead_org_id.to_string(),
                funder: i.funder.key().to_owned(),
                scheme: i.scheme.clone(),
                rulebook: i.rulebook.clone(),
                rulebook_version: i.rulebook_version.clone(),
                agreement_signed_on: i.agreement_signed_on.to_string(),
                starts_on: i.starts_on.to_string(),
                ends_on: i.ends_on.to_string(),
                currency: i.currency.key().to_owned(),
                hours_threshold: format_hundredths(i.hours_threshold),
                day_rate: i.day_rate.map(format_hundredths).unwrap_or_default(),
                hours_per_day: format_hundredths(i.hours_per_day),
            },
            partners: p.partners.iter().map(ToString::to_string).collect(),
            cities: p.cities.iter().map(ToString::to_string).collect(),
            excluded_nace: p.excluded_nace.join(", "),
            targets: p.targets.iter().map(|(code, n)| (code.clone(), n.to_string())).collect(),
        }
    }

    fn lists(&self) -> ListsDraft {
        ListsDraft {
            partners: self.partners.clone(),
            cities: self.cities.clone(),
            excluded_nace: self.excluded_nace.clone(),
            targets: self.targets.clone(),
        }
    }

    fn state(&self, t: Tr, action: String, cancel: String) -> FormState {
        let d = &self.draft;
        let mut f = FormState::new(t, action);
        f.cancel = cancel;
        f.version = self.version;
        let rulebook = if d.rulebook.is_empty() { String::new() } else { format!("{}:{}", d.rulebook, d.rulebook_version) };
        f.set("name", &d.name)
            .set("lead_org_id", &d.lead_org_id)
            .set("funder", &d.funder)
            .set("scheme", d.scheme.clone().unwrap_or_default())
            .set("rulebook_version", rulebook)
            .set("agreement_signed_on", &d.agreement_signed_on)
            .set("starts_on", &d.starts_on)
            .set("ends_on", &d.ends_on)
            .set("currency", &d.currency)
            .set("hours_threshold", &d.hours_threshold)
            .set("day_rate", &d.day_rate)
            .set("hours_per_day", &d.hours_per_day)
            .set("excluded_nace", &self.excluded_nace);
        for (code, value) in &self.targets {
            f.set(&format!("target-{code}"), value);
        }
        f
    }
}

/// A checkbox or option of a list.
pub(crate) struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// A group of target inputs.
struct TargetGroup {
    legend: String,
    /// (field name, label, value, error)
    inputs: Vec<(String, String, String, String)>,
}

#[derive(Template)]
#[template(path = "project_form.html")]
struct FormPage {
    l: Layout,
    context: String,
    f: FormState,
    fields: Vec<Field>,
    partners: Vec<Choice>,
    partners_error: String,
    cities: Vec<Choice>,
    cities_error: String,
    nace_error: String,
    targets: Vec<TargetGroup>,
    submit: String,
}

/// The organisations the actor may choose as lead: their staff organisations, any support
/// organisation for platform admins; plus the current lead when editing.
fn lead_choices(actor: &Actor, support: &[Organisation], current: Option<(OrgId, String)>) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> =
        if actor.is_platform_admin() { support.iter().map(|o| (o.id.to_string(), o.name.clone())).collect() } else { staff_orgs(actor) };
    if let Some((id, name)) = current
        && !list.iter().any(|(v, _)| *v == id.to_string())
    {
        list.push((id.to_string(), name));
    }
    list
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    title: String,
    context: String,
    form: &ProjectForm,
    f: FormState,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let support = support_orgs(state, ctx).await?;
    let current = match form.draft.lead_org_id.trim().parse::<OrgId>() {
        Ok(id) => Some((id, org_name(state, ctx, &support, id).await)),
        Err(_) => None,
    };
    let choose = || (String::new(), t.get("form-choose"));
    let mut leads = vec![choose()];
    leads.extend(lead_choices(&ctx.actor, &support, current));
    let mut rulebooks = vec![choose()];
    for (key, versions) in RULEBOOKS {
        rulebooks.extend(versions.iter().map(|v| (format!("{key}:{v}"), rulebook_label(t, key, v))));
    }
    let funders = Funder::ALL.iter().map(|k| (k.key().to_owned(), funder_label(t, *k))).collect();
    let currencies = ProjectCurrency::ALL.iter().map(|c| (c.key().to_owned(), t.get(&format!("project-currency-{}", c.key())))).collect();
    let fields = vec![
        Field::new(&f, "name", t.get("project-field-name"), "text").required(),
        Field::new(&f, "lead_org_id", t.get("project-field-lead"), "select").required().options(leads).hint(t.get("project-hint-lead")),
        Field::new(&f, "funder", t.get("project-field-funder"), "select").required().options(funders),
        Field::new(&f, "scheme", t.get("project-field-scheme"), "text").hint(t.get("project-hint-scheme")),
        Field::new(&f, "rulebook_version", t.get("project-field-rulebook"), "select").required().options(rulebooks).hint(t.get("project-hint-rulebook")),
        Field::new(&f, "agreement_signed_on", t.get("project-field-agreement-signed-on"), "date").required(),
        Field::new(&f, "starts_on", t.get("project-field-starts-on"), "date").required(),
        Field::new(&f, "ends_on", t.get("project-field-ends-on"), "date").required(),
        Field::new(&f, "currency", t.get("project-field-currency"), "select").required().options(currencies),
        Field::new(&f, "hours_threshold", t.get("project-field-hours-threshold"), "text").required().hint(t.get("project-hint-hours-threshold")),
        Field::new(&f, "day_rate", t.get("project-field-day-rate"), "text").hint(t.get("project-hint-day-rate")),
        Field::new(&f, "hours_per_day", t.get("project-field-hours-per-day"), "text").required().hint(t.get("project-hint-hours-per-day")),
    ];
    let cities = tandem_app::directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
    let group = |legend: String, codes: &[&str]| TargetGroup {
        legend,
        inputs: codes
            .iter()
            .map(|code| {
                let name = format!("target-{code}");
                (name.clone(), t.with("project-target-for", "code", code), f.val(&name).to_owned(), f.err(&name))
            })
            .collect(),
    };
    let page = FormPage {
        l: Layout::new(ctx, title),
        context,
        partners: support
            .iter()
            .map(|o| Choice { value: o.id.to_string(), label: o.name.clone(), selected: form.partners.contains(&o.id.to_string()) })
            .collect(),
        partners_error: f.err("partners"),
        cities: cities
            .iter()
            .map(|c| Choice { value: c.id.to_string(), label: c.name.clone(), selected: form.cities.contains(&c.id.to_string()) })
            .collect(),
        cities_error: f.err("cities"),
        nace_error: f.err("excluded_nace"),
        targets: vec![group(t.get("project-targets-esif"), ESIF_INDICATORS), group(t.get("project-targets-eu"), EU_INDICATORS)],
        fields,
        f,
        submit: t.get("action-save"),
    };
    render(t, status, &page)
}

/// `GET /projects/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    require_login(&ctx)?;
    if !may_create(&ctx.actor) {
        return Err(ctx.fail(Denied::Forbidden.into()));
    }
    let t = ctx.t;
    let leads = staff_orgs(&ctx.actor);
    let form = ProjectForm {
        draft: ProjectDraft {
            lead_org_id: if leads.len() == 1 { leads[0].0.clone() } else { String::new() },
            funder: Funder::ErdfEngland2014.key().into(),
            currency: ProjectCurrency::Gbp.key().into(),
            hours_threshold: "12".into(),
            hours_per_day: "7.5".into(),
            ..ProjectDraft::default()
        },
        ..ProjectForm::default()
    };
    let f = form.state(t, "/projects/new".into(), "/projects".into());
    form_page(&state, &ctx, t.get("project-new"), String::new(), &form, f, StatusCode::OK).await
}

/// `POST /projects/new`.
pub async fn create(State(state): State<AppState>, ctx: Ctx, Form(pairs): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    let form = ProjectForm::parse(pairs);
    ctx.check_csrf(&form.csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    match projects::create(&state.app, &ctx.actor, &form.draft, &form.lists()).await {
        Ok(project) => {
            ctx.flash(t.get("project-created")).await;
            Ok(see_other(&format!("/projects/{}", project.id)))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(t, "/projects/new".into(), "/projects".into()).with_errors(errors);
            form_page(&state, &ctx, t.get("project-new"), String::new(), &form, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `GET /projects/{id}/edit`.
pub async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: ProjectId = parse_id(t, &id)?;
    let p = projects::get(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    policy::project_manager(&ctx.actor, p.input.lead_org_id).map_err(|d| ctx.fail(d.into()))?;
    let form = ProjectForm::of(&p);
    let f = form.state(t, format!("/projects/{id}/edit"), format!("/projects/{id}"));
    form_page(&state, &ctx, t.get("project-edit"), p.input.name.clone(), &form, f, StatusCode::OK).await
}

/// `POST /projects/{id}/edit`.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = ProjectForm::parse(pairs);
    ctx.check_csrf(&form.csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: ProjectId = parse_id(t, &id)?;
    let (action, cancel) = (format!("/projects/{id}/edit"), format!("/projects/{id}"));
    match projects::update(&state.app, &ctx.actor, id, form.version, &form.draft, &form.lists()).await {
        Ok(_) => {
            ctx.flash(t.get("project-saved")).await;
            Ok(see_other(&cancel))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(t, action, cancel).with_errors(errors);
            form_page(&state, &ctx, t.get("project-edit"), form.draft.name.clone(), &form, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            let mut errors = ValidationErrors::default();
            errors.add("name", "conflict", t.get("project-conflict"));
            let f = form.state(t, action, cancel).with_errors(errors);
            form_page(&state, &ctx, t.get("project-edit"), form.draft.name.clone(), &form, f, StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}
