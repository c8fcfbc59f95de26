//! Picking a slot: accepting a request into one of the free slots (or, at auto-scheduled
//! events, without a slot), booking an accepted meeting that has none, and the participant's
//! availability. A slot taken by someone else at the same moment re-shows the free slots with
//! the reason.

use super::mine::{item, Item};
use super::{after_action, back_to, explain, explain_or_fail, require_login, slot_label, EventLinks};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::pages::organisations::parse_id;
use crate::pages::{render, see_other, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::events::meetings::lists::{self, MyMeetings};
use tandem_app::events::meetings::{meetings_path, requests, slots};
use tandem_app::AppError;
use tandem_core::events::SchedulingMode;
use tandem_core::{EventId, MeetingId, SlotId};

/// One free slot as a radio button.
pub(crate) struct SlotChoice {
    id: String,
    label: String,
    place: String,
}

/// What the slot form does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// Accept a request into the slot.
    Accept,
    /// Book an accepted meeting's slot.
    Book,
}

#[derive(Template)]
#[template(path = "meetings_slot.html")]
struct SlotPage {
    l: Layout,
    e: EventLinks,
    m: Item,
    action: String,
    button: String,
    picks_slots: bool,
    choices: Vec<SlotChoice>,
    error: String,
}

/// The actor's meetings and the one with `id` among them (as a request to answer, or an
/// accepted meeting).
async fn find(state: &AppState, ctx: &Ctx, id: MeetingId) -> Result<(MyMeetings, Item), PageError> {
    let m = lists::get(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let my = lists::mine(&state.app, &ctx.actor, m.event_id).await.map_err(|e| explain_or_fail(ctx, e))?;
    let found = my.incoming.iter().chain(my.accepted.iter()).find(|x| x.meeting.id == id).map(|x| item(ctx.t, &my.event, x));
    let found = found.ok_or_else(|| ctx.fail(AppError::Invalid(tandem_core::events::meeting::MeetingRefusal::NotOpen.into())))?;
    Ok((my, found))
}

async fn slot_page(state: &AppState, ctx: &Ctx, id: MeetingId, purpose: Purpose, error: String, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let (my, m) = find(state, ctx, id).await?;
    let free = slots::free_slots(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let choices = free
        .iter()
        .map(|f| SlotChoice {
            id: f.slot.id.to_string(),
            label: format!("{} · {}", slot_label(t, my.event.timezone, &f.slot.starts_at, &f.slot.ends_at), f.session_title),
            place: match f.table {
                Some(n) => t.with("meetings-table", "count", n),
                None => t.get("meetings-by-video"),
            },
        })
        .collect();
    let (action, button, title) = match purpose {
        Purpose::Accept => (format!("/meetings/{id}/accept"), t.get("meetings-action-accept"), t.with("meetings-accept-title", "name", &m.partner)),
        Purpose::Book => (format!("/meetings/{id}/book"), t.get("meetings-action-book"), t.with("meetings-book-title", "name", &m.partner)),
    };
    let page = SlotPage {
        l: Layout::new(ctx, title),
        e: EventLinks::new(my.event.id, &my.event.name, true, false),
        m,
        action,
        button,
        picks_slots: my.event.scheduling_mode == SchedulingMode::PickSlot,
        choices,
        error,
    };
    render(t, status, &page)
}

/// The slot form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SlotForm {
    _csrf: String,
    slot_id: String,
    return_to: String,
}

impl SlotForm {
    fn slot(&self) -> Option<SlotId> {
        self.slot_id.trim().parse().ok()
    }
}

/// `GET /meetings/{id}/accept`: the free slots to accept a request into.
pub async fn accept_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    slot_page(&state, &ctx, id, Purpose::Accept, String::new(), StatusCode::OK).await
}

/// `POST /meetings/{id}/accept`: the receiver accepts (into the chosen slot at pick-slot events).
pub async fn accept(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<SlotForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    match requests::accept(&state.app, &ctx.actor, id, form.slot()).await {
        Ok(m) => {
            ctx.flash(ctx.t.get("meetings-flash-accepted")).await;
            Ok(see_other(&back_to(&form.return_to, meetings_path(m.event_id))))
        }
        Err(AppError::Invalid(errors)) => {
            slot_page(&state, &ctx, id, Purpose::Accept, explain(ctx.t, &errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `GET /meetings/{id}/book`: the free slots for an accepted meeting without one.
pub async fn book_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    slot_page(&state, &ctx, id, Purpose::Book, String::new(), StatusCode::OK).await
}

/// `POST /meetings/{id}/book`.
pub async fn book(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<SlotForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    let result = match form.slot() {
        Some(slot) => slots::book_slot(&state.app, &ctx.actor, id, slot).await,
        None => Err(AppError::Invalid(tandem_core::events::meeting::MeetingRefusal::SlotRequired.into())),
    };
    match result {
        Ok(m) => {
            ctx.flash(ctx.t.get("meetings-flash-booked")).await;
            Ok(see_other(&meetings_path(m.event_id)))
        }
        Err(AppError::Invalid(errors)) => {
            slot_page(&state, &ctx, id, Purpose::Book, explain(ctx.t, &errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// Availability

/// One slot as the availability form shows it.
pub(crate) struct AvailabilityRow {
    id: String,
    label: String,
    available: bool,
    has_meeting: bool,
}

#[derive(Template)]
#[template(path = "meetings_availability.html")]
struct AvailabilityPage {
    l: Layout,
    e: EventLinks,
    rows: Vec<AvailabilityRow>,
    error: String,
}

async fn availability_page(state: &AppState, ctx: &Ctx, event_id: EventId, error: String, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let my = lists::mine(&state.app, &ctx.actor, event_id).await.map_err(|e| explain_or_fail(ctx, e))?;
    let rows = slots::availability(&state.app, &ctx.actor, event_id)
        .await
        .map_err(|e| ctx.fail(e))?
        .into_iter()
        .map(|s| AvailabilityRow {
            id: s.slot.id.to_string(),
            label: format!("{} · {}", slot_label(t, my.event.timezone, &s.slot.starts_at, &s.slot.ends_at), s.session_title),
            available: s.available,
            has_meeting: s.has_meeting,
        })
        .collect();
    let page = AvailabilityPage {
        l: Layout::new(ctx, t.with("meetings-availability-title", "name", &my.event.name)),
        e: EventLinks::new(event_id, &my.event.name, true, false),
        rows,
        error,
    };
    render(t, status, &page)
}

/// `GET /events/{id}/availability`.
pub async fn availability_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let event_id: EventId = parse_id(ctx.t, &id)?;
    availability_page(&state, &ctx, event_id, String::new(), StatusCode::OK).await
}

/// The availability form as posted: the slots ticked as available.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AvailabilityForm {
    _csrf: String,
    available: Vec<String>,
}

/// `POST /events/{id}/availability`: every slot not ticked (and without a meeting) becomes
/// unavailable.
pub async fn set_availability(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum_extra::extract::Form(form): axum_extra::extract::Form<AvailabilityForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let event_id: EventId = parse_id(ctx.t, &id)?;
    let current = slots::availability(&state.app, &ctx.actor, event_id).await.map_err(|e| explain_or_fail(&ctx, e))?;
    // Slots with a meeting are shown ticked and disabled (browsers do not send them): they stay.
    let unavailable: Vec<SlotId> = current
        .iter()
        .filter(|s| !s.has_meeting && !form.available.iter().any(|a| a.trim() == s.slot.id.to_string()))
        .map(|s| s.slot.id)
        .collect();
    let result = slots::set_availability(&state.app, &ctx.actor, event_id, &unavailable).await;
    if let Err(AppError::Invalid(errors)) = &result {
        return availability_page(&state, &ctx, event_id, explain(ctx.t, errors), StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    after_action(&ctx, result, "meetings-flash-availability", meetings_path(event_id)).await
}
