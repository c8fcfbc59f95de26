//! Support given to enterprises (issue 6, item 2): logging it in a project, an enterprise's
//! support page (running totals against each threshold, records with evidence files, the
//! history from the audit trail), correcting and withdrawing records, evidence uploads and
//! downloads. The use cases in `tandem_app::evidence::support` decide who may do what.

use super::history::{self, Audited, History, HistoryRow};
use super::ledger::{check_summary, rate_text};
use super::projects::may_record;
use super::{day, enterprises, hours, money, org_name, require_login, support_orgs};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::events::Field;
use crate::pages::organisations::parse_id;
use crate::pages::uploads::{file_download, read_upload};
use crate::pages::{FormState, Layout, render, see_other};
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
use tandem_app::evidence::support::{self, EnterpriseSupport};
use tandem_app::directory::programmes as directory_programmes;
use tandem_app::evidence::{ledger, projects};
use tandem_core::directory::Organisation;
use tandem_core::evidence::project::Project;
use tandem_core::evidence::support::{Activity, SupportDraft, SupportRecord};
use tandem_core::evidence::units::format_hundredths;
use tandem_core::policy::{self, Denied};
use tandem_core::{OrgId, ProgrammeId, ProjectId, SupportEvidenceId, SupportRecordId};

/// Is this request a support evidence upload (`POST /support/{id}/evidence`)? These get the
/// upload body limit, like agreement evidence.
pub fn is_upload(method: &Method, path: &str) -> bool {
    method == Method::POST
        && path
            .strip_prefix("/support/")
            .and_then(|rest| rest.strip_suffix("/evidence"))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// The reader's label of an activity.
fn activity_label(t: Tr, activity: Activity) -> String {
    t.get(&format!("support-activity-{}", activity.key()))
}

fn support_page_path(enterprise: OrgId) -> String {
    format!("/organisations/{enterprise}/support")
}

// ---------------------------------------------------------------------------------------------
// The record form (log and correct)

/// The support form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SupportForm {
    _csrf: String,
    version: i64,
    /// The project (edit form only: to offer its delivery organisations again).
    project_id: String,
    enterprise_id: String,
    support_org_id: String,
    adviser_name: String,
    delivered_on: String,
    hours: String,
    activity: String,
    written_output: String,
    amount: String,
    aid_value: String,
    aid_rate: String,
    programme_id: String,
    /// "true" once the recorder confirms aid near the enterprise's subsidy ceiling.
    confirm_ceiling: String,
}

impl SupportForm {
    fn of(t: Tr, r: &SupportRecord) -> SupportForm {
        let i = &r.input;
        let amount = i.grant_amount.or(i.loan_amount).map(format_hundredths).unwrap_or_default();
        SupportForm {
            version: r.version,
            project_id: r.project_id.to_string(),
            enterprise_id: i.enterprise_id.to_string(),
            support_org_id: i.support_org_id.to_string(),
            adviser_name: i.adviser_name.clone(),
            delivered_on: i.delivered_on.to_string(),
            hours: format_hundredths(i.hours),
            activity: i.activity.key().to_owned(),
            written_output: i.written_output.clone().unwrap_or_default(),
            amount,
            aid_value: i.loan_aid_value.map(format_hundredths).unwrap_or_default(),
            aid_rate: i.aid_rate_millionths.map(|m| rate_text(t, m)).unwrap_or_default(),
            programme_id: i.programme_id.map(|p| p.to_string()).unwrap_or_default(),
            ..SupportForm::default()
        }
    }

    fn draft(&self) -> SupportDraft {
        SupportDraft {
            enterprise_id: self.enterprise_id.clone(),
            support_org_id: self.support_org_id.clone(),
            adviser_name: self.adviser_name.clone(),
            delivered_on: self.delivered_on.clone(),
            hours: self.hours.clone(),
            activity: self.activity.clone(),
            written_output: crate::pages::non_empty(&self.written_output),
            amount: self.amount.clone(),
            aid_value: self.aid_value.clone(),
            aid_rate: self.aid_rate.clone(),
            programme_id: self.programme_id.clone(),
            confirm_ceiling: self.confirm_ceiling == "true",
        }
    }

    fn state(&self, t: Tr, action: String, cancel: String) -> FormState {
        let mut f = FormState::new(t, action);
        f.cancel = cancel;
        f.version = self.version;
        f.set("enterprise_id", &self.enterprise_id)
            .set("support_org_id", &self.support_org_id)
            .set("adviser_name", &self.adviser_name)
            .set("delivered_on", &self.delivered_on)
            .set("hours", &self.hours)
            .set("activity", &self.activity)
            .set("written_output", &self.written_output)
            .set("amount", &self.amount)
            .set("aid_value", &self.aid_value)
            .set("aid_rate", &self.aid_rate)
            .set("programme_id", &self.programme_id)
            .set("confirm_ceiling", &self.confirm_ceiling);
        f
    }
}

#[derive(Template)]
#[template(path = "support_form.html")]
struct FormPage {
    l: Layout,
    context: String,
    project_id: String,
    f: FormState,
    fields: Vec<Field>,
    submit: String,
    /// The enterprise's ledger in words, next to a ceiling warning.
    ledger_note: String,
}

/// Whether the form's problems include the subsidy-ceiling check's.
fn ceiling_problem(f: &FormState) -> bool {
    f.errors.0.iter().any(|e| matches!(e.code, "over_ceiling" | "near_ceiling"))
}

/// The enterprise's ledger on the form's date, in words, for a ceiling warning.
async fn ledger_note(state: &AppState, ctx: &Ctx, f: &FormState) -> String {
    let enterprise = f.val("enterprise_id").trim().parse::<OrgId>();
    let on = chrono::NaiveDate::parse_from_str(f.val("delivered_on").trim(), "%Y-%m-%d");
    let (Ok(enterprise), Ok(on)) = (enterprise, on) else {
        return String::new();
    };
    match ledger::ledger(&state.app, &ctx.actor, enterprise, Some(on)).await {
        Ok(l) => l.check.map(|c| check_summary(ctx.t, &c)).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    title: String,
    project: &Project,
    f: FormState,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let choose = || (String::new(), t.get("form-choose"));
    let mut firms = vec![choose()];
    firms.extend(enterprises(state, ctx).await?);
    let orgs = support_orgs(state, ctx).await?;
    let delivery: Vec<OrgId> = project.delivery_orgs().collect();
    let mut givers = vec![choose()];
    for o in delivery.iter().filter(|o| policy::support_recorder(&ctx.actor, &delivery, **o).is_ok()) {
        givers.push((o.to_string(), org_name(state, ctx, &orgs, *o).await));
    }
    let recorders: Vec<OrgId> = delivery.iter().copied().filter(|o| policy::support_recorder(&ctx.actor, &delivery, *o).is_ok()).collect();
    let mut programme_choices = vec![(String::new(), t.get("support-programme-none"))];
    for p in directory_programmes::run_by(&state.app, &ctx.actor, &recorders).await.map_err(|e| ctx.fail(e))? {
        programme_choices.push((p.id.to_string(), format!("{} – {}", org_name(state, ctx, &orgs, p.org_id).await, p.name)));
    }
    let activities = Activity::ALL.iter().map(|a| (a.key().to_owned(), activity_label(t, *a))).collect();
    let mut fields = vec![
        Field::new(&f, "enterprise_id", t.get("support-field-enterprise_id"), "select").required().options(firms),
        Field::new(&f, "support_org_id", t.get("support-field-support_org_id"), "select").required().options(givers),
        Field::new(&f, "adviser_name", t.get("support-field-adviser_name"), "text").required(),
        Field::new(&f, "delivered_on", t.get("support-field-delivered_on"), "date").required().hint(t.get("support-hint-delivered-on")),
        Field::new(&f, "hours", t.get("support-field-hours"), "text").required().hint(t.get("support-hint-hours")),
        Field::new(&f, "activity", t.get("support-field-activity"), "select").required().options(activities),
        Field::new(&f, "programme_id", t.get("support-field-programme_id"), "select")
            .options(programme_choices)
            .hint(t.get("support-hint-programme")),
        Field::new(&f, "written_output", t.get("support-field-written_output"), "textarea").hint(t.get("support-hint-written-output")),
        Field::new(&f, "amount", t.get("support-field-amount"), "text").hint(t.get("support-hint-amount")),
        Field::new(&f, "aid_value", t.get("support-field-loan_aid_value"), "text").hint(t.get("support-hint-aid-value")),
        Field::new(&f, "aid_rate", t.get("support-field-aid_rate"), "text").hint(t.get("support-hint-aid-rate")),
    ];
    // "Record anyway" is offered once the check has warned (and kept once ticked).
    if f.errors.for_field("confirm_ceiling").is_some() || f.val("confirm_ceiling") == "true" {
        fields.push(Field::new(&f, "confirm_ceiling", t.get("support-field-confirm_ceiling"), "checkbox"));
    }
    let ledger_note = if ceiling_problem(&f) { ledger_note(state, ctx, &f).await } else { String::new() };
    let page = FormPage {
        l: Layout::new(ctx, title),
        context: project.input.name.clone(),
        project_id: project.id.to_string(),
        f,
        fields,
        submit: t.get("action-save"),
        ledger_note,
    };
    render(t, status, &page)
}

/// `GET /projects/{id}/support/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: ProjectId = parse_id(t, &id)?;
    let project = projects::get(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    if !may_record(&ctx.actor, &project) {
        return Err(ctx.fail(Denied::Forbidden.into()));
    }
    let delivery: Vec<OrgId> = project.delivery_orgs().collect();
    let mine: Vec<&OrgId> = delivery.iter().filter(|o| policy::support_recorder(&ctx.actor, &delivery, **o).is_ok()).collect();
    let form = SupportForm {
        support_org_id: if mine.len() == 1 { mine[0].to_string() } else { String::new() },
        adviser_name: ctx.user_name().to_owned(),
        delivered_on: chrono::Utc::now().date_naive().min(project.input.ends_on).to_string(),
        activity: Activity::OneToOneAdvice.key().to_owned(),
        ..SupportForm::default()
    };
    let f = form.state(t, format!("/projects/{id}/support/new"), format!("/projects/{id}"));
    form_page(&state, &ctx, t.get("support-new"), &project, f, StatusCode::OK).await
}

/// `POST /projects/{id}/support/new`.
pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<SupportForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: ProjectId = parse_id(t, &id)?;
    match support::record(&state.app, &ctx.actor, id, &form.draft()).await {
        Ok(r) => {
            ctx.flash(t.get("support-recorded")).await;
            Ok(see_other(&support_page_path(r.input.enterprise_id)))
        }
        Err(AppError::Invalid(errors)) => {
            let project = projects::get(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
            let f = form.state(t, format!("/projects/{id}/support/new"), format!("/projects/{id}")).with_errors(errors);
            form_page(&state, &ctx, t.get("support-new"), &project, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The query of the edit link: whose page the record is on.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EnterpriseQuery {
    enterprise: String,
}

/// `GET /support/{id}/edit?enterprise={org}`.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<EnterpriseQuery>,
) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: SupportRecordId = parse_id(t, &id)?;
    let enterprise: OrgId = parse_id(t, &q.enterprise)?;
    let s = support::for_enterprise(&state.app, &ctx.actor, enterprise).await.map_err(|e| ctx.fail(e))?;
    let record = s.records.iter().find(|r| r.id == id).ok_or_else(|| ctx.fail(AppError::NotFound))?;
    let project = projects::get(&state.app, &ctx.actor, record.project_id).await.map_err(|e| ctx.fail(e))?;
    let delivery: Vec<OrgId> = project.delivery_orgs().collect();
    policy::support_recorder(&ctx.actor, &delivery, record.input.support_org_id).map_err(|d| ctx.fail(d.into()))?;
    if record.withdrawn_at.is_some() {
        return Err(ctx.fail(AppError::Conflict));
    }
    let f = SupportForm::of(t, record).state(t, format!("/support/{id}/edit"), support_page_path(enterprise));
    form_page(&state, &ctx, t.get("support-edit"), &project, f, StatusCode::OK).await
}

/// `POST /support/{id}/edit`.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<SupportForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: SupportRecordId = parse_id(t, &id)?;
    match support::update(&state.app, &ctx.actor, id, form.version, &form.draft()).await {
        Ok(r) => {
            ctx.flash(t.get("support-saved")).await;
            Ok(see_other(&support_page_path(r.input.enterprise_id)))
        }
        Err(AppError::Invalid(errors)) => edit_again(&state, &ctx, id, &form, errors, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(AppError::Conflict) => {
            let mut errors = tandem_core::validation::ValidationErrors::default();
            errors.add("hours", "conflict", t.get("support-conflict"));
            edit_again(&state, &ctx, id, &form, errors, StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The edit form again, with its problems.
async fn edit_again(
    state: &AppState,
    ctx: &Ctx,
    id: SupportRecordId,
    form: &SupportForm,
    errors: tandem_core::validation::ValidationErrors,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let cancel = form.enterprise_id.trim().parse::<OrgId>().map(support_page_path).unwrap_or_else(|_| "/projects".into());
    let project_id: ProjectId = parse_id(t, &form.project_id)?;
    let project = projects::get(&state.app, &ctx.actor, project_id).await.map_err(|e| ctx.fail(e))?;
    let f = form.state(t, format!("/support/{id}/edit"), cancel).with_errors(errors);
    form_page(state, ctx, t.get("support-edit"), &project, f, status).await
}

// ---------------------------------------------------------------------------------------------
// The enterprise's support page

struct TotalRow {
    project_id: String,
    project: String,
    text: String,
    reached: bool,
    /// A pre-start client of the project (counted under P11 only).
    pre_start: bool,
    /// The reader records support for the project, so may mark or unmark it.
    can_mark: bool,
}

struct EvidenceRow {
    id: String,
    file_name: String,
    meta: String,
}

struct RecordRow {
    id: String,
    version: i64,
    heading: String,
    project: String,
    support_org: String,
    /// The programme it was delivered under ("" when none).
    programme: String,
    adviser: String,
    written_output: String,
    amount: String,
    aid_value: String,
    evidence: Vec<EvidenceRow>,
    withdrawn: String,
    can_record: bool,
    /// The MFA notification letter can be downloaded (UK ledger, aid since 2023).
    mfa_letter: bool,
    withdraw_error: String,
    upload_error: String,
}

#[derive(Template)]
#[template(path = "support.html")]
struct SupportPage {
    l: Layout,
    enterprise_id: String,
    enterprise: String,
    totals: Vec<TotalRow>,
    records: Vec<RecordRow>,
    history: Vec<HistoryRow>,
    /// A problem with a per-record form, for the summary: (field id, message).
    problem: Option<(String, String)>,
}

/// A per-record form's problem to show on the page.
struct Problem {
    record: SupportRecordId,
    /// `reason` or `evidence`.
    field: &'static str,
    message: String,
}

/// A record's bookkeeping, left out of its history.
const SKIP: &[&str] = &["id", "project_id", "org_id", "version", "created_at", "updated_at", "created_by", "adviser_user_id", "currency", "sha256"];

const FIELD_KEYS: &[&str] = &[
    "enterprise_id",
    "support_org_id",
    "adviser_name",
    "delivered_on",
    "hours",
    "activity",
    "written_output",
    "grant_amount",
    "loan_amount",
    "loan_aid_value",
    "aid_value",
    "withdrawn_at",
    "withdrawn_reason",
    "file_name",
    "media_type",
    "size",
    "aid_rate_millionths",
    "programme_id",
];

struct Names<'a> {
    orgs: &'a HashMap<OrgId, String>,
    programmes: &'a HashMap<ProgrammeId, String>,
    currency: String,
}

/// One audited value in words.
fn audited_value(t: Tr, names: &Names<'_>, field: &str, value: &Value) -> String {
    match (field, value) {
        (_, Value::Null) => "—".to_owned(),
        ("hours", Value::Number(n)) => n.as_i64().map(|h| hours(t, h)).unwrap_or_else(|| n.to_string()),
        ("grant_amount" | "loan_amount" | "loan_aid_value" | "aid_value", Value::Number(n)) => {
            n.as_i64().map(|a| money(t, a, &names.currency)).unwrap_or_else(|| n.to_string())
        }
        ("aid_rate_millionths", Value::Number(n)) => n.as_i64().map(|r| rate_text(t, r)).unwrap_or_else(|| n.to_string()),
        ("size", Value::Number(n)) => n.as_i64().map(|s| t.count("evidence-size-kb", (s + 1023) / 1024)).unwrap_or_else(|| n.to_string()),
        ("activity", Value::String(s)) => Activity::from_key(s).map(|a| activity_label(t, a)).unwrap_or_else(|| s.clone()),
        ("enterprise_id" | "support_org_id", Value::String(s)) => {
            s.parse::<OrgId>().ok().and_then(|id| names.orgs.get(&id).cloned()).unwrap_or_else(|| s.clone())
        }
        ("programme_id", Value::String(s)) => {
            s.parse::<ProgrammeId>().ok().and_then(|id| names.programmes.get(&id).cloned()).filter(|n| !n.is_empty()).unwrap_or_else(|| s.clone())
        }
        ("delivered_on", _) => history::date(t, value),
        ("withdrawn_at", _) => history::timestamp(t, value),
        _ => history::plain(value),
    }
}

fn field_label(t: Tr, field: &str) -> String {
    if FIELD_KEYS.contains(&field) { t.get(&format!("support-field-{field}")) } else { field.to_owned() }
}

async fn support_page(
    state: &AppState,
    ctx: &Ctx,
    enterprise: OrgId,
    problem: Option<Problem>,
    status: StatusCode,
) -> Result<Response, PageError> {
    require_login(ctx)?;
    let t = ctx.t;
    let s: EnterpriseSupport = support::for_enterprise(&state.app, &ctx.actor, enterprise).await.map_err(|e| ctx.fail(e))?;
    let view = tandem_app::directory::organisations::view(&state.app, &ctx.actor, enterprise).await.map_err(|e| ctx.fail(e))?;
    let support: Vec<Organisation> = support_orgs(state, ctx).await?;
    let mut orgs: HashMap<OrgId, String> = support.iter().map(|o| (o.id, o.name.clone())).collect();
    orgs.insert(enterprise, view.org.name.clone());
    for r in &s.records {
        if let std::collections::hash_map::Entry::Vacant(slot) = orgs.entry(r.input.support_org_id) {
            slot.insert(org_name(state, ctx, &support, r.input.support_org_id).await);
        }
    }
    let family = ledger::family(&state.app, enterprise).await.map_err(|e| ctx.fail(e))?;
    let project_of = |id: ProjectId| s.totals.iter().map(|p| &p.project).find(|p| p.id == id);
    let totals = s
        .totals
        .iter()
        .map(|p| TotalRow {
            project_id: p.project.id.to_string(),
            project: p.project.input.name.clone(),
            text: t.args("support-hours-of", &[("this", hours(t, p.hours.total).into()), ("other", hours(t, p.hours.threshold).into())]),
            reached: p.hours.reached(),
            pre_start: p.pre_start,
            can_mark: may_record(&ctx.actor, &p.project),
        })
        .collect();
    let mut programmes: HashMap<ProgrammeId, String> = HashMap::new();
    for id in s.records.iter().filter_map(|r| r.input.programme_id) {
        if let std::collections::hash_map::Entry::Vacant(slot) = programmes.entry(id) {
            // A draft programme the reader may not see shows without its name.
            let name = directory_programmes::view(&state.app, &ctx.actor, id).await.map(|v| v.programme.name).unwrap_or_default();
            slot.insert(name);
        }
    }
    let mut records = Vec::with_capacity(s.records.len());
    for r in &s.records {
        let i = &r.input;
        let project = project_of(r.project_id);
        let can_record = r.withdrawn_at.is_none()
            && project.is_some_and(|p| {
                let delivery: Vec<OrgId> = p.delivery_orgs().collect();
                policy::support_recorder(&ctx.actor, &delivery, i.support_org_id).is_ok()
            });
        let files = s.evidence.iter().find(|(id, _)| *id == r.id).map(|(_, files)| files.as_slice()).unwrap_or_default();
        let error = |field: &str| match &problem {
            Some(p) if p.record == r.id && p.field == field => p.message.clone(),
            _ => String::new(),
        };
        let amount = i.grant_amount.or(i.loan_amount).map(|a| money(t, a, &r.currency)).unwrap_or_default();
        records.push(RecordRow {
            id: r.id.to_string(),
            version: r.version,
            heading: format!(
                "{} · {} · {}",
                day(t, i.delivered_on),
                t.with("project-hours", "count", hours(t, i.hours)),
                activity_label(t, i.activity)
            ),
            project: project.map(|p| p.input.name.clone()).unwrap_or_default(),
            support_org: orgs.get(&i.support_org_id).cloned().unwrap_or_default(),
            programme: i.programme_id.and_then(|p| programmes.get(&p).cloned()).unwrap_or_default(),
            adviser: i.adviser_name.clone(),
            written_output: i.written_output.clone().unwrap_or_default(),
            amount,
            aid_value: money(t, r.aid_value, &r.currency),
            evidence: files
                .iter()
                .map(|e| EvidenceRow {
                    id: e.id.to_string(),
                    file_name: e.file_name.clone(),
                    meta: format!("{}, {}, {}", e.media_type, t.count("evidence-size-kb", (e.size + 1023) / 1024), t.date(&e.created_at)),
                })
                .collect(),
            withdrawn: match (&r.withdrawn_at, &r.withdrawn_reason) {
                (Some(at), reason) => {
                    t.args("support-withdrawn-note", &[("this", t.date(at).into()), ("other", reason.clone().unwrap_or_default().into())])
                }
                _ => String::new(),
            },
            can_record,
            mfa_letter: ledger::mfa_letter_available(family, r),
            withdraw_error: error("reason"),
            upload_error: error("evidence"),
        });
    }
    let mut rows = History::new(state, t, &view.city.time_zone);
    let mut history = Vec::with_capacity(s.history.len());
    for e in &s.history {
        let record = e.entity_id.parse::<SupportRecordId>().ok().and_then(|id| s.records.iter().find(|r| r.id == id));
        let currency = record.map(|r| r.currency.clone()).unwrap_or_default();
        let names = Names { orgs: &orgs, programmes: &programmes, currency };
        let e = Audited { at: e.at, actor: e.actor, action: &e.action, before: e.before.as_ref(), after: e.after.as_ref() };
        let changes = history::changes(&e, SKIP, |k| field_label(t, k), |k, v, _| audited_value(t, &names, k, v));
        // A pre-start mark is about the enterprise in a project: name the project.
        let marked_in = || {
            let mark = e.after.or(e.before)?.get("project_id")?.as_str()?.parse::<ProjectId>().ok()?;
            project_of(mark).map(|p| p.input.name.clone())
        };
        let record = record
            .map(|r| format!("{} · {}", day(t, r.input.delivered_on), activity_label(t, r.input.activity)))
            .or_else(marked_in)
            .unwrap_or_default();
        history.push(rows.row(&e, record, changes).await);
    }
    let problem = problem.map(|p| (format!("{}-{}", p.field, p.record), p.message));
    let page = SupportPage {
        l: Layout::new(ctx, t.with("support-title", "name", &view.org.name)),
        enterprise_id: enterprise.to_string(),
        enterprise: view.org.name.clone(),
        totals,
        records,
        history,
        problem,
    };
    render(t, status, &page)
}

/// `GET /organisations/{id}/support`.
pub async fn enterprise(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: OrgId = parse_id(ctx.t, &id)?;
    support_page(&state, &ctx, id, None, StatusCode::OK).await
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

/// `POST /support/{id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: SupportRecordId = parse_id(t, &id)?;
    let enterprise: OrgId = parse_id(t, &form.enterprise)?;
    match support::withdraw(&state.app, &ctx.actor, id, form.version, &form.reason).await {
        Ok(_) => {
            ctx.flash(t.get("support-withdrawn")).await;
            Ok(see_other(&support_page_path(enterprise)))
        }
        Err(AppError::Invalid(errors)) => {
            let message = FormState::new(t, "").with_errors(errors).err("reason");
            let problem = Problem { record: id, field: "reason", message };
            support_page(&state, &ctx, enterprise, Some(problem), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict) => {
            let problem = Problem { record: id, field: "reason", message: t.get("support-conflict") };
            support_page(&state, &ctx, enterprise, Some(problem), StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /support/{id}/evidence` (multipart: `_csrf`, `enterprise`, `evidence`).
pub async fn upload_evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: SupportRecordId = parse_id(t, &id)?;
    let upload = read_upload(t, multipart).await?;
    let enterprise: OrgId = parse_id(t, &upload.enterprise)?;
    if upload.too_large {
        let problem = Problem { record: id, field: "evidence", message: t.get("agreement-evidence-too-large") };
        return support_page(&state, &ctx, enterprise, Some(problem), StatusCode::PAYLOAD_TOO_LARGE).await;
    }
    ctx.check_csrf(&upload.token)?;
    require_login(&ctx)?;
    match support::add_evidence(&state.app, &ctx.actor, id, &upload.file_name, &upload.bytes).await {
        Ok(_) => {
            ctx.flash(t.get("support-evidence-uploaded")).await;
            Ok(see_other(&support_page_path(enterprise)))
        }
        Err(AppError::Invalid(errors)) => {
            let f = FormState::new(t, "").with_errors(errors);
            let message = f.summary.into_iter().map(|(_, m)| m).collect::<Vec<_>>().join(" ");
            let problem = Problem { record: id, field: "evidence", message };
            support_page(&state, &ctx, enterprise, Some(problem), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `GET /support-evidence/{id}`: the file, for those who may see the enterprise's support.
pub async fn download_evidence(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: SupportEvidenceId = parse_id(ctx.t, &id)?;
    let (file, bytes) = support::evidence_file(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    Ok(file_download(&file.file_name, &file.media_type, bytes))
}
