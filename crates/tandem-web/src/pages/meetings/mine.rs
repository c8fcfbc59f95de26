//! "My meetings": requests received and sent, meetings with their slot and table, and the
//! buttons that answer, cancel and accept without a slot at auto-scheduled events.

use super::{after_action, attendance_label, back_to, explain_or_fail, require_login, slot_label, state_label, EventLinks, ReasonForm};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::organisations::parse_id;
use crate::pages::{render, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use tandem_app::events::meetings::{is_organiser, lists, meetings_path, requests};
use tandem_core::events::event::Event;
use tandem_core::events::SchedulingMode;
use tandem_core::{EventId, MeetingId};
use tandem_app::events::meetings::lists::ParticipantMeeting;

/// A request or meeting as the page shows it.
pub(crate) struct Item {
    pub id: String,
    pub partner: String,
    pub partner_org: String,
    pub partner_attendance: String,
    pub profile_title: String,
    pub message: String,
    pub state_key: &'static str,
    pub state_label: String,
    /// The slot, on the venue's clock ("" when not placed).
    pub when: String,
    /// Table n, or by video ("" when not placed).
    pub place: String,
    /// When an unanswered request expires.
    pub expires: String,
    /// Why it was declined or cancelled.
    pub reason: String,
    /// Accepted but waiting for a slot the participants pick.
    pub needs_slot: bool,
}

pub(crate) fn item(t: Tr, event: &Event, m: &ParticipantMeeting) -> Item {
    let meeting = &m.meeting;
    let when = match (m.slot_starts_at, m.slot_ends_at) {
        (Some(start), Some(end)) => slot_label(t, event.timezone, &start, &end),
        _ => String::new(),
    };
    let place = match (meeting.slot_id, meeting.table_number) {
        (Some(_), Some(n)) => t.with("meetings-table", "count", n),
        (Some(_), None) => t.get("meetings-by-video"),
        (None, _) => String::new(),
    };
    Item {
        id: meeting.id.to_string(),
        partner: m.partner_name.clone(),
        partner_org: m.partner_org.clone().unwrap_or_default(),
        partner_attendance: m.partner_attendance.map(|a| attendance_label(t, a)).unwrap_or_default(),
        profile_title: m.profile_title.clone().unwrap_or_default(),
        message: meeting.message.clone().unwrap_or_default(),
        state_key: meeting.state.key(),
        state_label: state_label(t, meeting.state),
        when,
        place,
        expires: meeting.expires_at.map(|at| t.date_time(&at, event.timezone.name())).unwrap_or_default(),
        reason: meeting.reason.clone().unwrap_or_default(),
        needs_slot: meeting.slot_id.is_none() && event.scheduling_mode == SchedulingMode::PickSlot,
    }
}

#[derive(Template)]
#[template(path = "meetings_mine.html")]
struct MinePage {
    l: Layout,
    e: EventLinks,
    picks_slots: bool,
    booking_open: bool,
    here: String,
    incoming: Vec<Item>,
    outgoing: Vec<Item>,
    accepted: Vec<Item>,
    closed: Vec<Item>,
    /// Held / no-show for meetings under way, and what was recorded.
    day: super::outcomes::DayBoard,
}

/// `GET /events/{id}/meetings`.
pub async fn mine(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let event_id: EventId = parse_id(t, &id)?;
    let my = lists::mine(&state.app, &ctx.actor, event_id).await.map_err(|e| explain_or_fail(&ctx, e))?;
    let organiser = is_organiser(&state.app, &ctx.actor, event_id).await.map_err(|e| ctx.fail(e))?;
    let day = super::outcomes::for_participant(&state, &ctx, &my).await?;
    let list = |items: &[ParticipantMeeting]| items.iter().map(|m| item(t, &my.event, m)).collect::<Vec<_>>();
    let page = MinePage {
        l: Layout::new(&ctx, t.with("meetings-mine-title", "name", &my.event.name)),
        e: EventLinks::new(event_id, &my.event.name, true, organiser),
        picks_slots: my.event.scheduling_mode == SchedulingMode::PickSlot,
        booking_open: my.event.booking_open,
        here: meetings_path(event_id),
        incoming: list(&my.incoming),
        outgoing: list(&my.outgoing),
        accepted: list(&my.accepted),
        closed: list(&my.closed),
        day,
    };
    render(t, StatusCode::OK, &page)
}

/// Where a button on a meeting returns: the form's page, else the participant's meetings.
pub(crate) async fn return_path(state: &AppState, ctx: &Ctx, id: MeetingId, return_to: &str) -> String {
    let fallback = match lists::get(&state.app, &ctx.actor, id).await {
        Ok(m) => meetings_path(m.event_id),
        Err(_) => "/".to_owned(),
    };
    back_to(return_to, fallback)
}

/// `POST /meetings/{id}/decline`: the receiver declines, with an optional reason.
pub async fn decline(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<ReasonForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    let to = return_path(&state, &ctx, id, &form.return_to).await;
    let result = requests::decline(&state.app, &ctx.actor, id, crate::pages::non_empty(&form.reason).as_deref()).await;
    after_action(&ctx, result, "meetings-flash-declined", to).await
}

/// `POST /meetings/{id}/cancel`: either party or an organiser cancels, with an optional reason.
pub async fn cancel(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<ReasonForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    let to = return_path(&state, &ctx, id, &form.return_to).await;
    let result = requests::cancel(&state.app, &ctx.actor, id, crate::pages::non_empty(&form.reason).as_deref()).await;
    after_action(&ctx, result, "meetings-flash-cancelled", to).await
}
