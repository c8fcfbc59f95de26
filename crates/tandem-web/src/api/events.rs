//! `/api/v1/events` and `/api/v1/events/{id}`: published events and one event's public data with
//! its organisers and agenda. The same use cases as the pages: drafts only for their organisers,
//! stream links only for approved participants and organisers.

use super::extract::{path_id, ApiActor, ApiQuery};
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tandem_app::events::public::{self, AgendaItem, EventPage, OrganiserListing};
use tandem_core::events::event::Event;
use tandem_core::EventId;
use utoipa::{IntoParams, ToSchema};

/// An organiser of an event.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganiserDto {
    /// The organisation's id.
    pub org_id: String,
    /// Its name.
    pub name: String,
    /// Its city.
    pub city: String,
    /// `main` or `supporting`.
    pub role: String,
}

impl From<&OrganiserListing> for OrganiserDto {
    fn from(o: &OrganiserListing) -> Self {
        OrganiserDto { org_id: o.organiser.org_id.to_string(), name: o.name.clone(), city: o.city.clone(), role: o.organiser.role.key().into() }
    }
}

/// An event in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventSummaryDto {
    /// Id.
    pub id: String,
    /// Readable unique name.
    pub slug: String,
    /// Name.
    pub name: String,
    /// `published` or `cancelled` (drafts are not listed).
    pub state: String,
    /// IANA time zone of the venue.
    pub timezone: String,
    /// Start (UTC).
    pub starts_at: DateTime<Utc>,
    /// End (UTC).
    pub ends_at: DateTime<Utc>,
    /// Venue.
    pub venue_name: String,
    /// Registration is open.
    pub registration_open: bool,
    /// Organisers, main first.
    pub organisers: Vec<OrganiserDto>,
}

fn summary(event: &Event, organisers: &[OrganiserListing]) -> EventSummaryDto {
    EventSummaryDto {
        id: event.id.to_string(),
        slug: event.slug.clone(),
        name: event.name.clone(),
        state: event.state.key().into(),
        timezone: event.timezone.name().into(),
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        venue_name: event.venue_name.clone(),
        registration_open: event.registration_open,
        organisers: organisers.iter().map(OrganiserDto::from).collect(),
    }
}

/// A speaker of a session.
#[derive(Debug, Serialize, ToSchema)]
pub struct SpeakerDto {
    /// Name.
    pub name: String,
    /// Organisation or role.
    pub affiliation: Option<String>,
    /// Speaks remotely, through the session's stream.
    pub remote: bool,
}

/// A session on the agenda.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionDto {
    /// Id.
    pub id: String,
    /// `keynote`, `panel`, `demo`, `matchmaking`, `break` or `other`.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Start (UTC).
    pub starts_at: DateTime<Utc>,
    /// End (UTC).
    pub ends_at: DateTime<Utc>,
    /// Room.
    pub room: Option<String>,
    /// Stream link (approved participants and organisers only; otherwise absent).
    pub stream_url: Option<String>,
    /// Matchmaking: slot length in minutes.
    pub slot_minutes: Option<i32>,
    /// Matchmaking: number of meeting slots.
    pub slots: usize,
    /// Speakers in order.
    pub speakers: Vec<SpeakerDto>,
}

impl From<&AgendaItem> for SessionDto {
    fn from(a: &AgendaItem) -> Self {
        let s = &a.session;
        SessionDto {
            id: s.id.to_string(),
            kind: s.kind.key().into(),
            title: s.title.clone(),
            description: s.description.clone(),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            room: s.room.clone(),
            stream_url: s.stream_url.clone(),
            slot_minutes: s.slot_minutes,
            slots: a.slots,
            speakers: a.speakers.iter().map(|sp| SpeakerDto { name: sp.name.clone(), affiliation: sp.affiliation.clone(), remote: sp.remote }).collect(),
        }
    }
}

/// One event with its agenda.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventDto {
    /// The list fields.
    #[serde(flatten)]
    pub summary: EventSummaryDto,
    /// Description.
    pub description: Option<String>,
    /// Venue address.
    pub venue_address: Option<String>,
    /// Numbered tables at the venue.
    pub tables: i32,
    /// Places left, when the event has a capacity.
    pub places_left: Option<i64>,
    /// The caller's registration state (`pending`, `approved`, …), when logged in and registered.
    pub my_registration: Option<String>,
    /// The agenda in time order.
    pub agenda: Vec<SessionDto>,
}

impl From<&EventPage> for EventDto {
    fn from(p: &EventPage) -> Self {
        EventDto {
            summary: summary(&p.event, &p.organisers),
            description: p.event.description.clone(),
            venue_address: p.event.venue_address.clone(),
            tables: p.event.tables,
            places_left: p.places_left,
            my_registration: p.mine.as_ref().map(|r| r.state.key().to_owned()),
            agenda: p.agenda.iter().map(SessionDto::from).collect(),
        }
    }
}

/// Which events to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct EventListParams {
    /// `upcoming` (default: not yet ended, soonest first) or `past` (latest first).
    pub when: Option<String>,
}

/// Published and cancelled events, upcoming or past.
#[utoipa::path(get, path = "/events", tag = "events", params(EventListParams),
    responses((status = 200, body = Vec<EventSummaryDto>), (status = 400, body = ApiErrorBody)))]
pub async fn list_events(State(state): State<AppState>, ApiQuery(p): ApiQuery<EventListParams>) -> Result<Json<Vec<EventSummaryDto>>, ApiError> {
    let upcoming = match p.when.as_deref() {
        None | Some("upcoming") => true,
        Some("past") => false,
        Some(_) => return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_parameter", "when must be upcoming or past", Some("when"))),
    };
    let list = public::list(&state.app, upcoming).await?;
    Ok(Json(list.iter().map(|s| summary(&s.event, &s.organisers)).collect()))
}

/// One event with its organisers and agenda (a draft only for its organisers).
#[utoipa::path(get, path = "/events/{id}", tag = "events", params(("id" = String, Path, description = "Event id")),
    responses((status = 200, body = EventDto), (status = 404, body = ApiErrorBody)))]
pub async fn get_event(State(state): State<AppState>, ApiActor(actor): ApiActor, Path(id): Path<String>) -> Result<Json<EventDto>, ApiError> {
    let id: EventId = path_id(&id)?;
    let page = public::page(&state.app, &actor, id).await?;
    Ok(Json(EventDto::from(&page)))
}
