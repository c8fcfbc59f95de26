//! The organiser's scheduling page (issue 5, items 2 and 3): run the auto-scheduler (time
//! limit, optional seed), see "scheduled X of at most Y achievable" for the latest runs and why
//! meetings have no slot, publish the preliminary and the final agenda, download the instance.
//! The use cases in `tandem_app::events::scheduling` decide who may do what.

use super::{refusal, Field};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::organisations::parse_id;
use crate::pages::{render, see_other, FormState, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;
use tandem_app::events::scheduling::{self, ListedRun, RunOptions, ScheduleOverview, Unplaced, UnplacedReason};
use tandem_app::AppError;
use tandem_core::events::{AgendaState, EventState, SchedulingMode};
use tandem_core::EventId;

fn require_login(ctx: &Ctx) -> Result<(), PageError> {
    ctx.actor.user().map(drop).map_err(|d| ctx.fail(d.into()))
}

/// A total of priorities: whole numbers as such, others with up to two decimals, in the
/// reader's notation.
fn amount(t: Tr, x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        t.number(rounded as i64)
    } else {
        decimal(t, format!("{rounded:.2}").trim_end_matches('0').to_owned())
    }
}

/// `score` as a share of `bound`, in per cent with one decimal (100 when the bound is 0).
fn percent(t: Tr, score: f64, bound: f64) -> String {
    let share = if bound > 0.0 { 100.0 * score / bound } else { 100.0 };
    decimal(t, format!("{share:.1}"))
}

fn decimal(t: Tr, text: String) -> String {
    match t.locale {
        tandem_core::account::Locale::De => text.replace('.', ","),
        tandem_core::account::Locale::En => text,
    }
}

fn str_arg(s: &str) -> FluentValue<'_> {
    FluentValue::from(s)
}

/// One run in the list.
pub(crate) struct RunRow {
    when: String,
    by: String,
    stage: String,
    meetings: String,
    priority: String,
    gaps: String,
    time: String,
    seed: String,
}

fn run_row(t: Tr, zone: &str, r: &ListedRun) -> RunRow {
    let run = &r.run;
    RunRow {
        when: t.date_time(&run.created_at, zone),
        by: r.run_by_name.clone().unwrap_or_else(|| t.get("schedule-someone")),
        stage: t.get(&format!("schedule-stage-{}", run.stage)),
        meetings: t.args(
            "schedule-run-meetings",
            &[("scheduled", str_arg(&t.number(i64::from(run.scheduled)))), ("requested", str_arg(&t.number(i64::from(run.requested))))],
        ),
        priority: t.args(
            "schedule-run-priority",
            &[
                ("score", str_arg(&amount(t, run.score))),
                ("bound", str_arg(&amount(t, run.bound))),
                ("percent", str_arg(&percent(t, run.score, run.bound))),
            ],
        ),
        gaps: t.number(i64::from(run.idle_gaps)),
        time: t.args(
            "schedule-run-time",
            &[
                ("seconds", str_arg(&decimal(t, format!("{:.2}", f64::from(run.milliseconds) / 1000.0)))),
                ("limit", str_arg(&amount(t, f64::from(run.time_limit_ms) / 1000.0))),
            ],
        ),
        seed: run.seed.to_string(),
    }
}

/// "Scheduled X of at most Y achievable (Z %)" and the meetings line, for the latest run.
fn headline(t: Tr, r: &ListedRun) -> (String, String) {
    let run = &r.run;
    let head = t.args(
        "schedule-headline",
        &[
            ("score", str_arg(&amount(t, run.score))),
            ("bound", str_arg(&amount(t, run.bound))),
            ("percent", str_arg(&percent(t, run.score, run.bound))),
        ],
    );
    let meetings = t.args(
        "schedule-headline-meetings",
        &[
            ("scheduled", str_arg(&t.number(i64::from(run.scheduled)))),
            ("requested", str_arg(&t.number(i64::from(run.requested)))),
            ("gaps", str_arg(&t.number(i64::from(run.idle_gaps)))),
        ],
    );
    (head, meetings)
}

/// One meeting without a slot.
pub(crate) struct UnplacedRow {
    requester: String,
    receiver: String,
    priority: String,
    why: String,
}

fn unplaced_row(t: Tr, u: &Unplaced) -> UnplacedRow {
    let key = format!("schedule-why-{}", u.reason.key());
    let why = match &u.reason {
        UnplacedReason::AtCap { name, max } => t.args(&key, &[("name", str_arg(name)), ("count", FluentValue::from(*max))]),
        _ => t.get(&key),
    };
    UnplacedRow { requester: u.requester.clone(), receiver: u.receiver.clone(), priority: t.number(i64::from(u.priority)), why }
}

#[derive(Template)]
#[template(path = "event_schedule.html")]
struct SchedulePage {
    l: Layout,
    id: String,
    event_name: String,
    cancelled: bool,
    auto: bool,
    has_slots: bool,
    state_key: &'static str,
    state_label: String,
    published_at: String,
    facts: Vec<String>,
    headline: Option<(String, String)>,
    runs: Vec<RunRow>,
    unplaced: Vec<UnplacedRow>,
    any_accepted: bool,
    is_final: bool,
    f: FormState,
    fields: Vec<Field>,
}

fn run_form(t: Tr, id: EventId) -> FormState {
    let mut f = FormState::new(t, scheduling::schedule_path(id));
    f.set("time_limit", scheduling::DEFAULT_TIME_LIMIT_SECS.to_string());
    f
}

fn page(ctx: &Ctx, o: &ScheduleOverview, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let e = &o.event;
    let zone = e.timezone.name();
    let fields = vec![
        Field::new(&f, "time_limit", t.get("schedule-field-time-limit"), "number").hint(t.get("schedule-field-time-limit-hint")),
        Field::new(&f, "seed", t.get("schedule-field-seed"), "text").hint(t.get("schedule-field-seed-hint")),
    ];
    let page = SchedulePage {
        l: Layout::new(ctx, t.get("schedule-title")),
        id: e.id.to_string(),
        event_name: e.name.clone(),
        cancelled: e.state == EventState::Cancelled,
        auto: e.scheduling_mode == SchedulingMode::Auto,
        has_slots: o.slots > 0,
        state_key: e.agenda_state.key(),
        state_label: t.with("schedule-state", "name", t.get(&format!("schedule-state-{}", e.agenda_state.key()))),
        published_at: e.agenda_published_at.map(|at| t.with("schedule-published-at", "name", t.date_time(&at, zone))).unwrap_or_default(),
        facts: vec![
            t.count("schedule-facts-slots", o.slots as i64),
            t.count("schedule-facts-tables", i64::from(e.tables)),
            t.count("schedule-facts-participants", o.participants as i64),
            t.count("schedule-facts-accepted", o.accepted as i64),
            t.count("schedule-facts-placed", o.placed as i64),
            t.count("schedule-facts-locked", o.locked as i64),
        ],
        headline: o.runs.first().map(|r| headline(t, r)),
        runs: o.runs.iter().map(|r| run_row(t, zone, r)).collect(),
        unplaced: o.unplaced.iter().map(|u| unplaced_row(t, u)).collect(),
        any_accepted: o.accepted > 0,
        is_final: e.agenda_state == AgendaState::Final,
        f,
        fields,
    };
    render(t, status, &page)
}

/// `GET /events/{id}/schedule`: the organiser's scheduling page.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let o = scheduling::overview(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    page(&ctx, &o, run_form(ctx.t, id), StatusCode::OK)
}

/// The run form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RunForm {
    _csrf: String,
    time_limit: String,
    seed: String,
}

/// `POST /events/{id}/schedule`: runs the scheduler and saves its schedule.
pub async fn run(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<RunForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let result = match RunOptions::parse(&form.time_limit, &form.seed) {
        Ok(options) => scheduling::run(&state.app, &ctx.actor, id, options).await,
        Err(errors) => Err(AppError::Invalid(errors)),
    };
    match result {
        Ok(report) => {
            let run = &report.run;
            let count = |n: usize| FluentValue::from(n as i64);
            let message = t.args(
                "schedule-flash-run",
                &[
                    ("score", str_arg(&amount(t, run.score))),
                    ("bound", str_arg(&amount(t, run.bound))),
                    ("percent", str_arg(&percent(t, run.score, run.bound))),
                    ("placed", count(report.placed)),
                    ("moved", count(report.moved)),
                    ("removed", count(report.removed)),
                    ("emailed", count(report.emailed)),
                ],
            );
            ctx.flash(message).await;
            Ok(see_other(&scheduling::schedule_path(id)))
        }
        Err(AppError::Invalid(errors)) => {
            // The page again, with the reasons next to the form and what was typed kept.
            let o = scheduling::overview(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
            let mut f = FormState::new(t, scheduling::schedule_path(id));
            f.set("time_limit", form.time_limit.trim()).set("seed", form.seed.trim());
            page(&ctx, &o, f.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The publish form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PublishForm {
    _csrf: String,
    state: String,
}

/// `POST /events/{id}/schedule/publish`: publishes the preliminary or the final agenda.
pub async fn publish(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<PublishForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let stage = AgendaState::from_key(&form.state).unwrap_or(AgendaState::Unpublished);
    match scheduling::publish(&state.app, &ctx.actor, id, stage).await {
        Ok(p) => {
            let key = format!("schedule-flash-published-{}", p.stage.key());
            let message = t.args(&key, &[("locked", FluentValue::from(p.locked as i64)), ("emailed", FluentValue::from(p.emailed as i64))]);
            ctx.flash(message).await;
        }
        Err(AppError::Invalid(errors)) => ctx.flash(refusal(t, errors)).await,
        Err(e) => return Err(ctx.fail(e)),
    }
    Ok(see_other(&scheduling::schedule_path(id)))
}

/// `GET /events/{id}/schedule/instance.json`: the scheduling problem as `tandem schedule` reads
/// it, with the placements as they stand.
pub async fn instance(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let s = scheduling::snapshot(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let mut body = serde_json::to_value(&s.instance).map_err(|e| PageError::internal(ctx.t, e.to_string()))?;
    // Extra fields ride along (the format ignores unknown ones): the current placements.
    body["assignments"] = serde_json::to_value(&s.schedule.assignments).map_err(|e| PageError::internal(ctx.t, e.to_string()))?;
    let text = serde_json::to_string_pretty(&body).map_err(|e| PageError::internal(ctx.t, e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"schedule-{id}.json\"")),
        ],
        text,
    )
        .into_response())
}
