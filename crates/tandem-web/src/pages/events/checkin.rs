//! Check-in on the event day: search a participant by name and check them in with one click
//! (htmx swaps the row in place; without JavaScript the form posts and the page reloads), or
//! open the link in the QR code of their agenda on a phone and confirm.

use super::back_to;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::organisations::parse_id;
use crate::pages::{render, see_other, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::events::checkin;
use tandem_core::events::event::Event;
use tandem_core::{EventId, RegistrationId};
use tandem_app::events::roster::Listed;

/// A participant on the check-in page.
pub(crate) struct CheckinRow {
    id: String,
    name: String,
    org: String,
    /// When they were checked in, on the venue's clock; "" if not yet.
    at: String,
}

fn row(event: &Event, l: &Listed) -> CheckinRow {
    let r = &l.registration;
    CheckinRow {
        id: r.id.to_string(),
        name: r.display_name.clone(),
        org: l.org_name.clone().unwrap_or_default(),
        at: r.checked_in_at.map(|at| at.with_timezone(&event.timezone).format("%H:%M").to_string()).unwrap_or_default(),
    }
}

/// Query of the check-in page.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchParams {
    q: String,
}

#[derive(Template)]
#[template(path = "event_checkin.html")]
struct CheckinPage {
    l: Layout,
    t: Tr,
    csrf: String,
    id: String,
    event_name: String,
    q: String,
    rows: Vec<CheckinRow>,
    count: String,
    return_to: String,
}

#[derive(Template)]
#[template(path = "_event_checkin_results.html")]
struct ResultsFragment {
    t: Tr,
    csrf: String,
    rows: Vec<CheckinRow>,
    count: String,
    return_to: String,
}

#[derive(Template)]
#[template(path = "_event_checkin_row.html")]
struct RowFragment {
    t: Tr,
    csrf: String,
    r: CheckinRow,
    return_to: String,
}

/// `GET /events/{id}/checkin[?q=…]`: the organisers' check-in list; htmx gets the results only.
pub async fn page(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Query(p): Query<SearchParams>) -> Result<Response, PageError> {
    ctx.actor.user().map_err(|d| ctx.fail(d.into()))?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let (event, found) = checkin::search(&state.app, &ctx.actor, id, &p.q).await.map_err(|e| ctx.fail(e))?;
    let checked = found.iter().filter(|l| l.registration.checked_in_at.is_some()).count() as i64;
    let count = t.args(
        "events-checkin-count",
        &[("count", (found.len() as i64).into()), ("label", checked.into())],
    );
    let rows = found.iter().map(|l| row(&event, l)).collect();
    let return_to = ctx.here.clone();
    if ctx.htmx {
        return render(t, StatusCode::OK, &ResultsFragment { t, csrf: ctx.csrf.clone(), rows, count, return_to });
    }
    let page = CheckinPage {
        l: Layout::new(&ctx, t.get("events-checkin-title")),
        t,
        csrf: ctx.csrf.clone(),
        id: id.to_string(),
        event_name: event.name,
        q: p.q,
        rows,
        count,
        return_to,
    };
    render(t, StatusCode::OK, &page)
}

/// A check-in button's form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CheckinForm {
    _csrf: String,
    return_to: String,
}

async fn answer(state: &AppState, ctx: &Ctx, result: Result<Listed, tandem_app::AppError>, done: &str, return_to: &str) -> Result<Response, PageError> {
    let t = ctx.t;
    let listed = match result {
        Ok(l) => l,
        Err(tandem_app::AppError::Invalid(errors)) => {
            ctx.flash(super::refusal(t, errors)).await;
            return Ok(see_other(&back_to(return_to, "/events".into())));
        }
        Err(e) => return Err(ctx.fail(e)),
    };
    let fallback = format!("/events/{}/checkin", listed.registration.event_id);
    if ctx.htmx {
        let (event, _) = checkin::scan(&state.app, &ctx.actor, listed.registration.event_id, &listed.registration.checkin_code)
            .await
            .map_err(|e| ctx.fail(e))?;
        let fragment = RowFragment { t, csrf: ctx.csrf.clone(), r: row(&event, &listed), return_to: back_to(return_to, fallback) };
        return render(t, StatusCode::OK, &fragment);
    }
    ctx.flash(t.with(done, "name", &listed.registration.display_name)).await;
    Ok(see_other(&back_to(return_to, fallback)))
}

/// `POST /registrations/{id}/checkin`.
pub async fn check_in(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<CheckinForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: RegistrationId = parse_id(ctx.t, &id)?;
    let result = checkin::check_in(&state.app, &ctx.actor, id).await;
    answer(&state, &ctx, result, "events-checked-in-notice", &form.return_to).await
}

/// `POST /registrations/{id}/checkin/undo`.
pub async fn undo(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<CheckinForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: RegistrationId = parse_id(ctx.t, &id)?;
    let result = checkin::undo(&state.app, &ctx.actor, id).await;
    answer(&state, &ctx, result, "events-checkin-undone-notice", &form.return_to).await
}

#[derive(Template)]
#[template(path = "event_scan.html")]
struct ScanPage {
    l: Layout,
    event_id: String,
    event_name: String,
    id: String,
    name: String,
    org: String,
    state_label: String,
    approved: bool,
    at: String,
    here: String,
}

/// `GET /events/{id}/checkin/{code}`: what a phone opens from the QR code, for organisers: the
/// participant and a button to confirm (or when they were checked in already).
pub async fn scan(State(state): State<AppState>, ctx: Ctx, Path((id, code)): Path<(String, String)>) -> Result<Response, PageError> {
    ctx.actor.user().map_err(|d| ctx.fail(d.into()))?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let (event, listed) = checkin::scan(&state.app, &ctx.actor, id, &code).await.map_err(|e| ctx.fail(e))?;
    let r = &listed.registration;
    let page = ScanPage {
        l: Layout::new(&ctx, t.get("events-scan-title")),
        event_id: id.to_string(),
        event_name: event.name.clone(),
        id: r.id.to_string(),
        name: r.display_name.clone(),
        org: listed.org_name.clone().unwrap_or_default(),
        state_label: super::registration_label(t, r.state),
        approved: r.state == tandem_core::events::RegistrationState::Approved,
        at: r.checked_in_at.map(|at| t.date_time(&at, event.timezone.name())).unwrap_or_default(),
        here: ctx.here.clone(),
    };
    render(t, StatusCode::OK, &page)
}
