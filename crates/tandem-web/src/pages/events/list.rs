//! The events list (upcoming or past), "My events", and an event's public page with its
//! organisers, agenda and the visitor's registration.

use super::{attendance_label, kind_label, registration_label, role_label, span, staff_orgs, state_label, times, when};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::organisations::parse_id;
use crate::pages::{render, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use tandem_app::events::{checkin, public};
use tandem_core::events::event::Event;
use tandem_core::events::{EventState, RegistrationState, SessionKind};
use tandem_core::EventId;

/// An event in a list.
pub(crate) struct EventItem {
    id: String,
    name: String,
    when: String,
    venue: String,
    organisers: String,
    state_key: &'static str,
    state_label: String,
    /// Shown as a badge (drafts and cancelled events).
    flagged: bool,
    /// The visitor's registration state, where a list shows it.
    registration: String,
}

fn item(t: Tr, event: &Event, organisers: String, registration: String) -> EventItem {
    EventItem {
        id: event.id.to_string(),
        name: event.name.clone(),
        when: when(t, event),
        venue: event.venue_name.clone(),
        organisers,
        state_key: event.state.key(),
        state_label: state_label(t, event.state),
        flagged: event.state != EventState::Published,
        registration,
    }
}

#[derive(Template)]
#[template(path = "events.html")]
struct ListPage {
    l: Layout,
    past: bool,
    items: Vec<EventItem>,
    organised: Vec<EventItem>,
    can_create: bool,
}

/// Query of `/events`.
#[derive(Debug, Default, Deserialize)]
pub struct ListParams {
    #[serde(default)]
    when: String,
}

/// `GET /events[?when=past]`: published events, and the events the visitor's organisations
/// organise (drafts too).
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(params): Query<ListParams>) -> Result<Response, PageError> {
    let t = ctx.t;
    let past = params.when == "past";
    let items = public::list(&state.app, !past)
        .await
        .map_err(|e| ctx.fail(e))?
        .iter()
        .map(|s| item(t, &s.event, s.organisers.iter().map(|o| o.name.clone()).collect::<Vec<_>>().join(", "), String::new()))
        .collect();
    let organised = public::organised_by_me(&state.app, &ctx.actor)
        .await
        .map_err(|e| ctx.fail(e))?
        .iter()
        .map(|e| item(t, e, String::new(), String::new()))
        .collect();
    let can_create = !staff_orgs(&ctx.actor).is_empty() || ctx.actor.is_platform_admin();
    let title = t.get(if past { "events-past-title" } else { "events-title" });
    render(t, StatusCode::OK, &ListPage { l: Layout::new(&ctx, title), past, items, organised, can_create })
}

#[derive(Template)]
#[template(path = "events_mine.html")]
struct MinePage {
    l: Layout,
    items: Vec<EventItem>,
}

/// `GET /events/mine`: the events the visitor registered for.
pub async fn mine(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let t = ctx.t;
    let items = public::mine(&state.app, &ctx.actor)
        .await
        .map_err(|e| ctx.fail(e))?
        .iter()
        .map(|(event, r)| item(t, event, String::new(), registration_label(t, r.state)))
        .collect();
    render(t, StatusCode::OK, &MinePage { l: Layout::new(&ctx, t.get("events-mine-title")), items })
}

/// A speaker on the agenda.
pub(crate) struct SpeakerItem {
    name: String,
    affiliation: String,
    remote: bool,
}

/// A session on the agenda.
pub(crate) struct SessionItem {
    id: String,
    times: String,
    kind_key: &'static str,
    kind_label: String,
    title: String,
    description: String,
    room: String,
    stream_url: String,
    speakers: Vec<SpeakerItem>,
    /// "6 meeting slots of 20 minutes" (matchmaking).
    slots: String,
}

/// The visitor's registration, as the event page shows it.
pub(crate) struct MineBox {
    state_key: &'static str,
    state_label: String,
    attendance: String,
    active: bool,
    approved: bool,
    checked_in: String,
    /// The check-in QR code (inline SVG) of an approved participant.
    qr: String,
    booth: String,
}

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
    l: Layout,
    id: String,
    name: String,
    state_key: &'static str,
    state_label: String,
    flagged: bool,
    cancelled: bool,
    when: String,
    timezone: String,
    venue: String,
    address: String,
    description: String,
    organisers: Vec<(String, String, String)>,
    agenda: Vec<SessionItem>,
    is_organiser: bool,
    logged_in: bool,
    mine: Option<MineBox>,
    /// New registrations are accepted.
    open: bool,
    places: String,
}

/// The SVG element alone (an XML declaration has no place inside HTML).
pub(crate) fn inline_svg(svg: &str) -> String {
    svg.find("<svg").map(|i| svg[i..].to_owned()).unwrap_or_default()
}

/// `GET /events/{id}`: the public page; drafts for organisers only.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let page = public::page(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let event = &page.event;
    let agenda = page
        .agenda
        .iter()
        .map(|a| {
            let s = &a.session;
            let slots = match (s.kind, s.slot_minutes) {
                (SessionKind::Matchmaking, Some(minutes)) => {
                    t.args("events-session-slots", &[("count", (a.slots as i64).into()), ("label", i64::from(minutes).into())])
                }
                _ => String::new(),
            };
            SessionItem {
                id: s.id.to_string(),
                times: times(event, &s.starts_at, &s.ends_at),
                kind_key: s.kind.key(),
                kind_label: kind_label(t, s.kind),
                title: s.title.clone(),
                description: s.description.clone().unwrap_or_default(),
                room: s.room.clone().unwrap_or_default(),
                stream_url: s.stream_url.clone().unwrap_or_default(),
                speakers: a
                    .speakers
                    .iter()
                    .map(|sp| SpeakerItem { name: sp.name.clone(), affiliation: sp.affiliation.clone().unwrap_or_default(), remote: sp.remote })
                    .collect(),
                slots,
            }
        })
        .collect();
    let mine = match &page.mine {
        Some(r) => {
            let approved = r.state == RegistrationState::Approved;
            let qr = if approved { checkin::qr_svg(&state.app, r).map(|s| inline_svg(&s)).unwrap_or_default() } else { String::new() };
            Some(MineBox {
                state_key: r.state.key(),
                state_label: registration_label(t, r.state),
                attendance: attendance_label(t, r.attendance),
                active: r.state.is_active(),
                approved,
                checked_in: r.checked_in_at.map(|at| t.date_time(&at, event.timezone.name())).unwrap_or_default(),
                qr,
                booth: r.booth_table.map(|b| t.with("events-booth-yours", "code", b)).unwrap_or_default(),
            })
        }
        None => None,
    };
    let open = event.state == EventState::Published && event.registration_open && !event.is_past(chrono::Utc::now());
    let places = page.places_left.map(|n| t.count("events-places-left", n)).unwrap_or_default();
    let view = EventPage {
        l: Layout::new(&ctx, event.name.clone()),
        id: event.id.to_string(),
        name: event.name.clone(),
        state_key: event.state.key(),
        state_label: state_label(t, event.state),
        flagged: event.state != EventState::Published,
        cancelled: event.state == EventState::Cancelled,
        when: span(t, event, &event.starts_at, &event.ends_at),
        timezone: event.timezone.name().to_owned(),
        venue: event.venue_name.clone(),
        address: event.venue_address.clone().unwrap_or_default(),
        description: event.description.clone().unwrap_or_default(),
        organisers: page.organisers.iter().map(|o| (o.name.clone(), o.city.clone(), role_label(t, o.organiser.role))).collect(),
        agenda,
        is_organiser: page.is_organiser,
        logged_in: ctx.logged_in(),
        mine,
        open,
        places,
    };
    render(t, StatusCode::OK, &view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_svg_element_goes_into_the_page() {
        assert_eq!(inline_svg("<?xml version=\"1.0\"?><svg a=\"1\"></svg>"), "<svg a=\"1\"></svg>");
        assert_eq!(inline_svg("nothing"), "");
    }
}
