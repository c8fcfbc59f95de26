//! What a supported enterprise achieved (issue 6, item 5): its outcomes page lists the business
//! start, employment baselines and figures, innovations, research cooperation and private
//! investment recorded in funded projects, with their evidence files; the project's support
//! recorders record outcomes, upload evidence and withdraw mistaken ones. The use cases in
//! `tandem_app::evidence::outcomes` decide who may do what.
//!
//! The record form shows every kind's fields in one fieldset per kind (no script needed): the
//! chosen kind's fields are read, the others ignored. The same form corrects an outcome (its
//! project stays); the page shows the outcomes' history from the audit trail.

use super::history::{self, Audited, History, HistoryRow};
use super::{day, directory_orgs, hours, money, org_name, require_login};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::events::{Field, flag};
use crate::pages::organisations::parse_id;
use crate::pages::uploads::{file_download, read_upload};
use crate::pages::{FormState, Layout, non_empty, render, see_other};
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use tandem_app::AppError;
use tandem_app::evidence::outcomes::{self, EnterpriseOutcomes};
use tandem_core::evidence::outcome::{
    Choice, InnovationKind, MatchedSupport, Novelty, Outcome, OutcomeDetail, OutcomeDraft, OutcomeKind, StartEvidence, is_research_entity,
};
use tandem_core::evidence::units::format_hundredths;
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, OutcomeEvidenceId, OutcomeId, ProjectId};

/// Is this request an outcome evidence upload (`POST /outcomes/{id}/evidence`)? These get the
/// upload body limit, like support evidence.
pub fn is_upload(method: &Method, path: &str) -> bool {
    method == Method::POST
        && path
            .strip_prefix("/outcomes/")
            .and_then(|rest| rest.strip_suffix("/evidence"))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

fn page_path(enterprise: OrgId) -> String {
    format!("/organisations/{enterprise}/outcomes")
}

/// The reader's label of a choice: `outcomes-{group}-{key}`.
fn label<C: Choice>(t: Tr, group: &str, value: C) -> String {
    t.get(&format!("outcomes-{group}-{}", value.key()))
}

fn choices<C: Choice>(t: Tr, group: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), t.get("form-choose"))).chain(C::ALL.iter().map(|c| (c.key().to_owned(), label(t, group, *c)))).collect()
}

fn kind_label(t: Tr, kind: OutcomeKind) -> String {
    t.get(&format!("outcomes-kind-{}", kind.key()))
}

fn edit_path(id: OutcomeId) -> String {
    format!("/outcomes/{id}/edit")
}

// ---------------------------------------------------------------------------------------------
// The record form (record and correct)

/// The record form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OutcomeForm {
    _csrf: String,
    /// The version the outcome was read at (correcting only).
    version: i64,
    /// Whose page to go back to (correcting only).
    enterprise: String,
    project_id: String,
    kind: String,
    date: String,
    start_evidence: String,
    fte: String,
    confirmed_in_writing: String,
    novelty: String,
    innovation_kind: String,
    research_entity_id: String,
    amount: String,
    matches: String,
    note: String,
}

impl OutcomeForm {
    /// The form of a recorded outcome, to correct it: the fields of its kind filled in.
    fn of(o: &Outcome) -> OutcomeForm {
        let mut form = OutcomeForm {
            version: o.version,
            enterprise: o.enterprise_id.to_string(),
            project_id: o.project_id.to_string(),
            kind: o.input.detail.kind().key().to_owned(),
            date: o.input.date.to_string(),
            note: o.input.note.clone().unwrap_or_default(),
            ..OutcomeForm::default()
        };
        match o.input.detail {
            OutcomeDetail::BusinessStart { evidence } => form.start_evidence = evidence.key().to_owned(),
            OutcomeDetail::EmploymentBaseline { fte_hundredths } => form.fte = format_hundredths(fte_hundredths),
            OutcomeDetail::EmploymentFigure { fte_hundredths, confirmed_in_writing } => {
                form.fte = format_hundredths(fte_hundredths);
                form.confirmed_in_writing = flag(confirmed_in_writing).to_owned();
            }
            OutcomeDetail::Innovation { novelty, innovation_kind } => {
                form.novelty = novelty.key().to_owned();
                form.innovation_kind = innovation_kind.key().to_owned();
            }
            OutcomeDetail::ResearchCooperation { research_entity_id } => form.research_entity_id = research_entity_id.to_string(),
            OutcomeDetail::PrivateInvestment { amount_minor, matches } => {
                form.amount = format_hundredths(amount_minor);
                form.matches = matches.key().to_owned();
            }
        }
        form
    }

    fn draft(&self) -> OutcomeDraft {
        OutcomeDraft {
            kind: self.kind.clone(),
            date: self.date.clone(),
            start_evidence: self.start_evidence.clone(),
            fte: self.fte.clone(),
            confirmed_in_writing: self.confirmed_in_writing == "true",
            novelty: self.novelty.clone(),
            innovation_kind: self.innovation_kind.clone(),
            research_entity_id: self.research_entity_id.clone(),
            amount: self.amount.clone(),
            matches: self.matches.clone(),
            note: non_empty(&self.note),
        }
    }

    fn state(&self, t: Tr, action: String, cancel: String) -> FormState {
        let mut f = FormState::new(t, action);
        f.cancel = cancel;
        f.version = self.version;
        f.set("project_id", &self.project_id)
            .set("kind", &self.kind)
            .set("date", &self.date)
            .set("start_evidence", &self.start_evidence)
            .set("fte", &self.fte)
            .set("confirmed_in_writing", flag(self.confirmed_in_writing == "true"))
            .set("novelty", &self.novelty)
            .set("innovation_kind", &self.innovation_kind)
            .set("research_entity_id", &self.research_entity_id)
            .set("amount", &self.amount)
            .set("matches", &self.matches)
            .set("note", &self.note);
        f
    }
}

/// One fieldset of the record form.
struct Group {
    legend: String,
    fields: Vec<Field>,
}

/// The record form: what every outcome has, then one group per kind.
struct RecordForm {
    f: FormState,
    common: Vec<Field>,
    groups: Vec<Group>,
    note: Vec<Field>,
}

/// The record form's fields; `projects` offers the projects to record in (None when correcting:
/// an outcome stays in its project).
async fn record_form(state: &AppState, ctx: &Ctx, projects: Option<&EnterpriseOutcomes>, f: FormState) -> Result<RecordForm, PageError> {
    let t = ctx.t;
    let field = |name: &str, kind: &'static str| Field::new(&f, name, t.get(&format!("outcomes-field-{name}")), kind);
    let kinds = std::iter::once((String::new(), t.get("form-choose")))
        .chain(OutcomeKind::ALL.iter().map(|k| (k.key().to_owned(), kind_label(t, *k))))
        .collect();
    let mut entities = vec![(String::new(), t.get("form-choose"))];
    entities.extend(directory_orgs(state, ctx, is_research_entity).await?);
    let group = |key: &str, fields: Vec<Field>| Group { legend: t.get(&format!("outcomes-group-{key}")), fields };
    let groups = vec![
        group("business_start", vec![field("start_evidence", "select").options(choices::<StartEvidence>(t, "start_evidence"))]),
        group("employment", vec![field("fte", "text").hint(t.get("outcomes-hint-fte")), field("confirmed_in_writing", "checkbox")]),
        group(
            "innovation",
            vec![
                field("novelty", "select").options(choices::<Novelty>(t, "novelty")),
                field("innovation_kind", "select").options(choices::<InnovationKind>(t, "innovation_kind")),
            ],
        ),
        group("research_cooperation", vec![field("research_entity_id", "select").options(entities)]),
        group(
            "private_investment",
            vec![
                field("amount", "text").hint(t.get("outcomes-hint-amount")),
                field("matches", "select").options(choices::<MatchedSupport>(t, "matches")),
            ],
        ),
    ];
    let mut common = Vec::with_capacity(3);
    if let Some(s) = projects {
        let mut choices = vec![(String::new(), t.get("form-choose"))];
        choices.extend(s.projects.iter().filter(|p| s.may_record(p.id)).map(|p| (p.id.to_string(), p.input.name.clone())));
        common.push(field("project_id", "select").required().options(choices));
    }
    common.push(field("kind", "select").required().options(kinds));
    common.push(field("date", "date").required().hint(t.get("outcomes-hint-date")));
    let note = vec![field("note", "textarea").hint(t.get("outcomes-hint-note"))];
    Ok(RecordForm { f, common, groups, note })
}

// ---------------------------------------------------------------------------------------------
// The page

struct EvidenceRow {
    id: String,
    file_name: String,
    meta: String,
}

struct OutcomeRow {
    id: String,
    version: i64,
    heading: String,
    project: String,
    /// (label, value) of the kind's fields.
    facts: Vec<(String, String)>,
    note: String,
    evidence: Vec<EvidenceRow>,
    withdrawn: String,
    can_record: bool,
    withdraw_error: String,
    upload_error: String,
}

#[derive(Template)]
#[template(path = "outcomes.html")]
struct OutcomesPage {
    l: Layout,
    enterprise_id: String,
    enterprise: String,
    outcomes: Vec<OutcomeRow>,
    /// A problem with a per-outcome form, for the summary: (field id, message).
    problem: Option<(String, String)>,
    /// The record form, when the actor may record in a project and the organisation is an
    /// enterprise.
    form: Option<RecordForm>,
    /// The changes to the outcomes, newest first.
    history: Vec<HistoryRow>,
}

/// A per-outcome form's problem to show on the page.
struct Problem {
    outcome: OutcomeId,
    /// `reason` or `evidence`.
    field: &'static str,
    message: String,
}

/// The kind's fields in words.
async fn facts(state: &AppState, ctx: &Ctx, o: &Outcome, currency: &str) -> Vec<(String, String)> {
    let t = ctx.t;
    let name = |key: &str| t.get(&format!("outcomes-field-{key}"));
    let fte = |v: i64| t.with("outcomes-fte", "count", hours(t, v));
    match o.input.detail {
        OutcomeDetail::BusinessStart { evidence } => {
            vec![(name("start_evidence"), label(t, "start_evidence", evidence))]
        }
        OutcomeDetail::EmploymentBaseline { fte_hundredths } => {
            vec![(name("fte"), fte(fte_hundredths))]
        }
        OutcomeDetail::EmploymentFigure { fte_hundredths, confirmed_in_writing } => vec![(
            name("fte"),
            format!(
                "{} ({})",
                fte(fte_hundredths),
                t.get(if confirmed_in_writing { "outcomes-confirmed" } else { "outcomes-not-confirmed" })
            ),
        )],
        OutcomeDetail::Innovation { novelty, innovation_kind } => {
            vec![(name("novelty"), label(t, "novelty", novelty)), (name("innovation_kind"), label(t, "innovation_kind", innovation_kind))]
        }
        OutcomeDetail::ResearchCooperation { research_entity_id } => {
            vec![(name("research_entity_id"), org_name(state, ctx, &[], research_entity_id).await)]
        }
        OutcomeDetail::PrivateInvestment { amount_minor, matches } => {
            vec![(name("amount"), money(t, amount_minor, currency)), (name("matches"), label(t, "matches", matches))]
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The history

/// An outcome's bookkeeping, left out of its history.
const SKIP: &[&str] = &["id", "project_id", "enterprise_id", "version", "created_at", "updated_at", "created_by", "sha256"];

/// The label of a field as audited (an outcome's fields, its kind's, its evidence files').
fn field_label(t: Tr, field: &str) -> String {
    match field {
        "date" | "kind" | "novelty" | "innovation_kind" | "research_entity_id" | "matches" | "note" | "confirmed_in_writing" => {
            t.get(&format!("outcomes-field-{field}"))
        }
        "evidence" => t.get("outcomes-field-start_evidence"),
        "fte_hundredths" => t.get("outcomes-field-fte"),
        "amount_minor" => t.get("outcomes-field-amount"),
        "withdrawn_at" | "withdrawn_reason" | "file_name" | "media_type" | "size" => t.get(&format!("support-field-{field}")),
        other => other.to_owned(),
    }
}

/// A choice as audited (its key), in words.
fn choice_value<C: Choice>(t: Tr, group: &str, value: &Value) -> String {
    value.as_str().and_then(C::from_key).map(|c| label(t, group, c)).unwrap_or_else(|| history::plain(value))
}

/// One audited value in words: amounts in the project's `currency`, research entities by name.
fn audited_value(t: Tr, names: &HashMap<String, String>, currency: &str, field: &str, value: &Value) -> String {
    match field {
        "date" => history::date(t, value),
        "withdrawn_at" => history::timestamp(t, value),
        "kind" => value.as_str().and_then(OutcomeKind::from_key).map(|k| kind_label(t, k)).unwrap_or_else(|| history::plain(value)),
        "evidence" => choice_value::<StartEvidence>(t, "start_evidence", value),
        "novelty" => choice_value::<Novelty>(t, "novelty", value),
        "innovation_kind" => choice_value::<InnovationKind>(t, "innovation_kind", value),
        "matches" => choice_value::<MatchedSupport>(t, "matches", value),
        "fte_hundredths" => history::number(value, |n| t.with("outcomes-fte", "count", hours(t, n))),
        "amount_minor" => history::number(value, |n| money(t, n, currency)),
        "size" => history::number(value, |n| t.count("evidence-size-kb", (n + 1023) / 1024)),
        "confirmed_in_writing" => match value.as_bool() {
            Some(true) => t.get("outcomes-confirmed"),
            Some(false) => t.get("outcomes-not-confirmed"),
            None => history::plain(value),
        },
        "research_entity_id" => value.as_str().and_then(|id| names.get(id)).cloned().unwrap_or_else(|| history::plain(value)),
        _ => history::plain(value),
    }
}

/// The history rows of the enterprise's outcomes, newest first.
async fn history_rows(
    state: &AppState,
    ctx: &Ctx,
    s: &EnterpriseOutcomes,
    enterprise: OrgId,
    zone: &str,
) -> Result<Vec<HistoryRow>, PageError> {
    let t = ctx.t;
    let entries = outcomes::history(&state.app, &ctx.actor, enterprise).await.map_err(|e| ctx.fail(e))?;
    // Research entities named before or after a change, looked up once each.
    let mut names: HashMap<String, String> = HashMap::new();
    for e in &entries {
        for side in [&e.before, &e.after] {
            let id = history::flatten(side.as_ref(), SKIP).get("research_entity_id").and_then(Value::as_str).map(str::to_owned);
            if let Some(id) = id.filter(|id| !names.contains_key(id))
                && let Ok(org) = id.parse::<OrgId>()
            {
                names.insert(id, org_name(state, ctx, &[], org).await);
            }
        }
    }
    let mut rows = History::new(state, t, zone);
    let mut out = Vec::with_capacity(entries.len());
    for e in &entries {
        let outcome = e.entity_id.parse::<OutcomeId>().ok().and_then(|id| s.outcomes.iter().find(|o| o.id == id));
        let currency = outcome.and_then(|o| s.project(o.project_id)).map(|p| p.input.currency.key()).unwrap_or_default();
        let e = Audited { at: e.at, actor: e.actor, action: &e.action, before: e.before.as_ref(), after: e.after.as_ref() };
        let changes = history::changes(&e, SKIP, |k| field_label(t, k), |k, v, _| audited_value(t, &names, currency, k, v));
        let record = outcome.map(|o| format!("{} · {}", day(t, o.input.date), kind_label(t, o.input.detail.kind()))).unwrap_or_default();
        out.push(rows.row(&e, record, changes).await);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The page

async fn outcomes_page(
    state: &AppState,
    ctx: &Ctx,
    enterprise: OrgId,
    problem: Option<Problem>,
    form: Option<FormState>,
    status: StatusCode,
) -> Result<Response, PageError> {
    require_login(ctx)?;
    let t = ctx.t;
    let s = outcomes::for_enterprise(&state.app, &ctx.actor, enterprise).await.map_err(|e| ctx.fail(e))?;
    let view = tandem_app::directory::organisations::view(&state.app, &ctx.actor, enterprise).await.map_err(|e| ctx.fail(e))?;
    let mut rows = Vec::with_capacity(s.outcomes.len());
    for o in &s.outcomes {
        let project = s.project(o.project_id);
        let currency = project.map(|p| p.input.currency.key()).unwrap_or_default();
        let error = |field: &str| match &problem {
            Some(p) if p.outcome == o.id && p.field == field => p.message.clone(),
            _ => String::new(),
        };
        let files = s.evidence.get(&o.id).map(Vec::as_slice).unwrap_or_default();
        rows.push(OutcomeRow {
            id: o.id.to_string(),
            version: o.version,
            heading: format!("{} · {}", day(t, o.input.date), kind_label(t, o.input.detail.kind())),
            project: project.map(|p| p.input.name.clone()).unwrap_or_default(),
            facts: facts(state, ctx, o, currency).await,
            note: o.input.note.clone().unwrap_or_default(),
            evidence: files
                .iter()
                .map(|e| EvidenceRow {
                    id: e.id.to_string(),
                    file_name: e.file_name.clone(),
                    meta: format!("{}, {}, {}", e.media_type, t.count("evidence-size-kb", (e.size + 1023) / 1024), t.date(&e.created_at)),
                })
                .collect(),
            withdrawn: match (&o.withdrawn_at, &o.withdrawn_reason) {
                (Some(at), reason) => {
                    t.args("outcomes-withdrawn-note", &[("this", t.date(at).into()), ("other", reason.clone().unwrap_or_default().into())])
                }
                _ => String::new(),
            },
            can_record: o.is_active() && s.may_record(o.project_id),
            withdraw_error: error("reason"),
            upload_error: error("evidence"),
        });
    }
    let form = if view.org.kind.is_enterprise() && !s.recordable.is_empty() {
        let f = form.unwrap_or_else(|| {
            let mine: Vec<&ProjectId> = s.recordable.iter().collect();
            let defaults = OutcomeForm {
                project_id: if mine.len() == 1 { mine[0].to_string() } else { String::new() },
                date: chrono::Utc::now().date_naive().to_string(),
                ..OutcomeForm::default()
            };
            defaults.state(t, page_path(enterprise), page_path(enterprise))
        });
        Some(record_form(state, ctx, Some(&s), f).await?)
    } else {
        None
    };
    let history = history_rows(state, ctx, &s, enterprise, &view.city.time_zone).await?;
    let page = OutcomesPage {
        l: Layout::new(ctx, t.with("outcomes-title", "name", &view.org.name)),
        enterprise_id: enterprise.to_string(),
        enterprise: view.org.name.clone(),
        outcomes: rows,
        problem: problem.map(|p| (format!("{}-{}", p.field, p.outcome), p.message)),
        form,
        history,
    };
    render(t, status, &page)
}

/// `GET /organisations/{id}/outcomes`.
pub async fn page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: OrgId = parse_id(ctx.t, &id)?;
    outcomes_page(&state, &ctx, id, None, None, StatusCode::OK).await
}

/// `POST /organisations/{id}/outcomes`: records an outcome in the chosen project.
pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<OutcomeForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let enterprise: OrgId = parse_id(t, &id)?;
    let result = match form.project_id.trim().parse::<ProjectId>() {
        Ok(project) => outcomes::record(&state.app, &ctx.actor, project, enterprise, &form.draft()).await.map(drop),
        Err(_) => Err(AppError::invalid("project_id", "required", "choose the project the outcome counts for")),
    };
    match result {
        Ok(()) => {
            ctx.flash(t.get("outcomes-recorded")).await;
            Ok(see_other(&page_path(enterprise)))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(t, page_path(enterprise), page_path(enterprise)).with_errors(errors);
            outcomes_page(&state, &ctx, enterprise, None, Some(f), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// Correcting an outcome

/// The correction page.
#[derive(Template)]
#[template(path = "outcome_form.html")]
struct EditPage {
    l: Layout,
    /// The enterprise and the outcome's project.
    context: String,
    enterprise_id: String,
    r: RecordForm,
}

async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    s: &EnterpriseOutcomes,
    outcome: &Outcome,
    f: FormState,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let enterprise = org_name(state, ctx, &[], outcome.enterprise_id).await;
    let project = s.project(outcome.project_id).map(|p| p.input.name.clone()).unwrap_or_default();
    let page = EditPage {
        l: Layout::new(ctx, t.get("outcomes-edit")),
        context: format!("{enterprise} · {project}"),
        enterprise_id: outcome.enterprise_id.to_string(),
        r: record_form(state, ctx, None, f).await?,
    };
    render(t, status, &page)
}

/// The query of the correct link: whose page the outcome is on.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EnterpriseQuery {
    enterprise: String,
}

/// An outcome of `enterprise` that the actor may correct (a recorder of its project), with the
/// enterprise's outcomes; withdrawn ones are a conflict.
async fn correctable(state: &AppState, ctx: &Ctx, id: OutcomeId, enterprise: OrgId) -> Result<(EnterpriseOutcomes, Outcome), PageError> {
    let s = outcomes::for_enterprise(&state.app, &ctx.actor, enterprise).await.map_err(|e| ctx.fail(e))?;
    let outcome = s.outcomes.iter().find(|o| o.id == id).cloned().ok_or_else(|| ctx.fail(AppError::NotFound))?;
    if !s.may_record(outcome.project_id) {
        return Err(ctx.fail(tandem_core::policy::Denied::Forbidden.into()));
    }
    Ok((s, outcome))
}

/// `GET /outcomes/{id}/edit?enterprise={org}`.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<EnterpriseQuery>,
) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: OutcomeId = parse_id(t, &id)?;
    let enterprise: OrgId = parse_id(t, &q.enterprise)?;
    let (s, outcome) = correctable(&state, &ctx, id, enterprise).await?;
    if !outcome.is_active() {
        return Err(ctx.fail(AppError::Conflict));
    }
    let f = OutcomeForm::of(&outcome).state(t, edit_path(id), page_path(enterprise));
    edit_page(&state, &ctx, &s, &outcome, f, StatusCode::OK).await
}

/// `POST /outcomes/{id}/edit`.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<OutcomeForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: OutcomeId = parse_id(t, &id)?;
    match outcomes::correct(&state.app, &ctx.actor, id, form.version, &form.draft()).await {
        Ok(o) => {
            ctx.flash(t.get("outcomes-saved")).await;
            Ok(see_other(&page_path(o.enterprise_id)))
        }
        Err(AppError::Invalid(errors)) => edit_again(&state, &ctx, id, &form, errors, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(AppError::Conflict) => {
            let mut errors = ValidationErrors::default();
            errors.add("kind", "conflict", t.get("outcomes-conflict"));
            edit_again(&state, &ctx, id, &form, errors, StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The correction form again, with what was typed and its problems.
async fn edit_again(
    state: &AppState,
    ctx: &Ctx,
    id: OutcomeId,
    form: &OutcomeForm,
    errors: ValidationErrors,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let enterprise: OrgId = parse_id(t, &form.enterprise)?;
    let (s, outcome) = correctable(state, ctx, id, enterprise).await?;
    let f = form.state(t, edit_path(id), page_path(enterprise)).with_errors(errors);
    edit_page(state, ctx, &s, &outcome, f, status).await
}

// ---------------------------------------------------------------------------------------------
// Withdraw, evidence

/// The withdraw form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct WithdrawForm {
    _csrf: String,
    version: i64,
    enterprise: String,
    reason: String,
}

/// `POST /outcomes/{id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: OutcomeId = parse_id(t, &id)?;
    let enterprise: OrgId = parse_id(t, &form.enterprise)?;
    let problem = |message: String| Some(Problem { outcome: id, field: "reason", message });
    match outcomes::withdraw(&state.app, &ctx.actor, id, form.version, &form.reason).await {
        Ok(_) => {
            ctx.flash(t.get("outcomes-withdrawn")).await;
            Ok(see_other(&page_path(enterprise)))
        }
        Err(AppError::Invalid(errors)) => {
            let message = FormState::new(t, "").with_errors(errors).err("reason");
            outcomes_page(&state, &ctx, enterprise, problem(message), None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            outcomes_page(&state, &ctx, enterprise, problem(t.get("outcomes-conflict")), None, StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /outcomes/{id}/evidence` (multipart: `_csrf`, `enterprise`, `evidence`).
pub async fn upload_evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: OutcomeId = parse_id(t, &id)?;
    let upload = read_upload(t, multipart).await?;
    let enterprise: OrgId = parse_id(t, &upload.enterprise)?;
    let problem = |message: String| Some(Problem { outcome: id, field: "evidence", message });
    if upload.too_large {
        return outcomes_page(
            &state,
            &ctx,
            enterprise,
            problem(t.get("agreement-evidence-too-large")),
            None,
            StatusCode::PAYLOAD_TOO_LARGE,
        )
        .await;
    }
    ctx.check_csrf(&upload.token)?;
    require_login(&ctx)?;
    match outcomes::add_evidence(&state.app, &ctx.actor, id, &upload.file_name, &upload.bytes).await {
        Ok(_) => {
            ctx.flash(t.get("outcomes-evidence-uploaded")).await;
            Ok(see_other(&page_path(enterprise)))
        }
        Err(AppError::Invalid(errors)) => {
            let f = FormState::new(t, "").with_errors(errors);
            let message = f.summary.into_iter().map(|(_, m)| m).collect::<Vec<_>>().join(" ");
            outcomes_page(&state, &ctx, enterprise, problem(message), None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `GET /outcome-evidence/{id}`: the file, for those who may see the enterprise's outcomes.
pub async fn download_evidence(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: OutcomeEvidenceId = parse_id(ctx.t, &id)?;
    let (file, bytes) = outcomes::evidence_file(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    Ok(file_download(&file.file_name, &file.media_type, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_outcome_evidence_uploads_get_the_large_body_limit() {
        assert!(is_upload(&Method::POST, "/outcomes/0190b5a0-0000-7000-8000-000000000001/evidence"));
        assert!(!is_upload(&Method::GET, "/outcomes/0190b5a0-0000-7000-8000-000000000001/evidence"));
        assert!(!is_upload(&Method::POST, "/outcomes/x/y/evidence"));
        assert!(!is_upload(&Method::POST, "/outcomes//evidence"));
        assert!(!is_upload(&Method::POST, "/outcomes/0190b5a0-0000-7000-8000-000000000001/withdraw"));
    }
}
