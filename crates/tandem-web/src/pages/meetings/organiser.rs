//! The organiser's overview of an event's requests and meetings: counts by state, the list
//! (filtered by state), and per meeting: cancel, lock in place, 'either', priority.

use super::{after_action, back_to, mode_label, require_login, state_label, EventLinks};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::pages::organisations::parse_id;
use crate::pages::{render, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::events::meetings::lists;
use tandem_app::AppError;
use tandem_core::events::{MeetingMode, MeetingState};
use tandem_core::{EventId, MeetingId};

/// One request or meeting in the organiser's list.
pub(crate) struct Row {
    id: String,
    requester: String,
    receiver: String,
    profile_title: String,
    state_key: &'static str,
    state_label: String,
    when: String,
    place: String,
    mode_key: &'static str,
    open: bool,
    accepted: bool,
    locked: bool,
    priority: i32,
}

/// A state with its count, as a filter link.
pub(crate) struct StateCount {
    key: &'static str,
    label: String,
    count: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "meetings_organiser.html")]
struct OverviewPage {
    l: Layout,
    e: EventLinks,
    counts: Vec<StateCount>,
    all_current: bool,
    unplaced: String,
    rows: Vec<Row>,
    modes: Vec<(&'static str, String)>,
    here: String,
    /// Held / no-show for meetings under way, and what was recorded.
    day: super::outcomes::DayBoard,
}

/// The overview's filter.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OverviewQuery {
    state: String,
}

fn name(who: &str, org: Option<&String>) -> String {
    match org {
        Some(org) => format!("{who} ({org})"),
        None => who.to_owned(),
    }
}

/// `GET /events/{id}/meetings/all`.
pub async fn overview(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Query(query): Query<OverviewQuery>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let event_id: EventId = parse_id(t, &id)?;
    let chosen = MeetingState::from_key(&query.state);
    let o = lists::overview(&state.app, &ctx.actor, event_id, chosen).await.map_err(|e| ctx.fail(e))?;
    let day = super::outcomes::for_organiser(&state, &ctx, &o).await?;
    let rows = o
        .items
        .iter()
        .map(|x| {
            let m = &x.meeting;
            let when = x.slot_starts_at.map(|start| t.date_time(&start, o.event.timezone.name()));
            Row {
                id: m.id.to_string(),
                requester: name(&x.requester_name, x.requester_org.as_ref()),
                receiver: name(&x.receiver_name, x.receiver_org.as_ref()),
                profile_title: x.profile_title.clone().unwrap_or_default(),
                state_key: m.state.key(),
                state_label: state_label(t, m.state),
                when: when.unwrap_or_default(),
                place: match (m.slot_id, m.table_number) {
                    (Some(_), Some(n)) => t.with("meetings-table", "count", n),
                    (Some(_), None) => t.get("meetings-by-video"),
                    (None, _) => mode_label(t, m.mode),
                },
                mode_key: m.mode.key(),
                open: m.state.is_open(),
                accepted: m.state == MeetingState::Accepted,
                locked: m.locked,
                priority: m.priority,
            }
        })
        .collect();
    let counts = o
        .counts
        .iter()
        .map(|(s, n)| StateCount { key: s.key(), label: state_label(t, *s), count: t.number(*n), current: chosen == Some(*s) })
        .collect();
    let page = OverviewPage {
        l: Layout::new(&ctx, t.with("meetings-organiser-title", "name", &o.event.name)),
        e: EventLinks::new(event_id, &o.event.name, false, true),
        counts,
        all_current: chosen.is_none(),
        unplaced: t.count("meetings-organiser-unplaced", o.unplaced),
        rows,
        modes: MeetingMode::ALL.iter().map(|m| (m.key(), mode_label(t, *m))).collect(),
        here: ctx.here.clone(),
        day,
    };
    render(t, StatusCode::OK, &page)
}

/// Where the organiser's buttons return.
async fn overview_path(state: &AppState, ctx: &Ctx, id: MeetingId, return_to: &str) -> String {
    let fallback = match lists::get(&state.app, &ctx.actor, id).await {
        Ok(m) => format!("/events/{}/meetings/all", m.event_id),
        Err(_) => "/".to_owned(),
    };
    back_to(return_to, fallback)
}

/// The mode form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ModeForm {
    _csrf: String,
    return_to: String,
    mode: String,
}

/// `POST /meetings/{id}/mode`: the organiser sets where a meeting takes place.
pub async fn set_mode(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<ModeForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    let to = overview_path(&state, &ctx, id, &form.return_to).await;
    let result = match MeetingMode::from_key(&form.mode) {
        Some(mode) => lists::set_mode(&state.app, &ctx.actor, id, mode).await,
        None => Err(AppError::Invalid(tandem_core::events::meeting::MeetingRefusal::ModeNotAllowed.into())),
    };
    after_action(&ctx, result, "meetings-flash-mode", to).await
}

/// The lock form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LockForm {
    _csrf: String,
    return_to: String,
    locked: String,
}

/// `POST /meetings/{id}/lock`: the organiser locks a meeting in place (or unlocks it).
pub async fn set_locked(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<LockForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    let to = overview_path(&state, &ctx, id, &form.return_to).await;
    let locked = form.locked.trim() == "true";
    let result = lists::set_locked(&state.app, &ctx.actor, id, locked).await;
    after_action(&ctx, result, if locked { "meetings-flash-locked" } else { "meetings-flash-unlocked" }, to).await
}

/// The priority form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PriorityForm {
    _csrf: String,
    return_to: String,
    priority: String,
}

/// `POST /meetings/{id}/priority`: the organiser weighs a meeting for the auto-scheduler.
pub async fn set_priority(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<PriorityForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    let to = overview_path(&state, &ctx, id, &form.return_to).await;
    let result = lists::set_priority(&state.app, &ctx.actor, id, &form.priority).await;
    after_action(&ctx, result, "meetings-flash-priority", to).await
}
