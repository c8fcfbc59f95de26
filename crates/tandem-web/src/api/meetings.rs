//! `/api/v1` for meeting requests and meetings at brokerage events (issue 5, item 2): the
//! caller's requests and meetings, requesting, the free slots of a request, accepting (into a
//! slot at pick-slot events), declining and cancelling. The same use cases and rules as the
//! pages: a refusal is a 422 whose `code` says why (`slot_taken`, `pair_open`, …).

use super::extract::{path_id, ApiActor, ApiJson};
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tandem_app::events::meetings::lists::{self, ParticipantMeeting};
use tandem_app::events::meetings::requests::{self, RequestInput};
use tandem_app::events::meetings::slots::{self, FreeSlot};
use tandem_app::AppError;
use tandem_core::events::meeting::Meeting;
use tandem_core::{EventId, MeetingId, ProfileId, RegistrationId, SlotId};
use utoipa::ToSchema;

/// A meeting request, and once accepted the meeting.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingDto {
    /// Id.
    pub id: String,
    /// The event.
    pub event_id: String,
    /// The requester's registration.
    pub requester_id: String,
    /// The receiver's registration.
    pub receiver_id: String,
    /// The partnering profile it is about.
    pub profile_id: Option<String>,
    /// The requester's message.
    pub message: Option<String>,
    /// `requested`, `accepted`, `declined`, `expired` or `cancelled`.
    pub state: String,
    /// `onsite`, `remote` or `either`.
    pub mode: String,
    /// An unanswered request expires then.
    pub expires_at: Option<DateTime<Utc>>,
    /// Why it was declined or cancelled.
    pub reason: Option<String>,
    /// The slot, once placed.
    pub slot_id: Option<String>,
    /// The table (none: by video, or not placed).
    pub table_number: Option<i32>,
    /// Kept in place when the organiser re-schedules.
    pub locked: bool,
    /// Bumped whenever the slot or table changes.
    pub sequence: i32,
    /// Requested.
    pub created_at: DateTime<Utc>,
}

impl From<Meeting> for MeetingDto {
    fn from(m: Meeting) -> Self {
        MeetingDto {
            id: m.id.to_string(),
            event_id: m.event_id.to_string(),
            requester_id: m.requester_id.to_string(),
            receiver_id: m.receiver_id.to_string(),
            profile_id: m.profile_id.map(|p| p.to_string()),
            message: m.message,
            state: m.state.key().to_owned(),
            mode: m.mode.key().to_owned(),
            expires_at: m.expires_at,
            reason: m.reason,
            slot_id: m.slot_id.map(|s| s.to_string()),
            table_number: m.table_number,
            locked: m.locked,
            sequence: m.sequence,
            created_at: m.created_at,
        }
    }
}

/// A request or meeting of the caller, with the other party.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyMeetingDto {
    /// The meeting.
    #[serde(flatten)]
    pub meeting: MeetingDto,
    /// The caller sent the request.
    pub outgoing: bool,
    /// The other party's registration.
    pub partner_id: String,
    /// Their name.
    pub partner_name: String,
    /// Their organisation.
    pub partner_org: Option<String>,
    /// The profile's title.
    pub profile_title: Option<String>,
    /// The slot's start.
    pub starts_at: Option<DateTime<Utc>>,
    /// The slot's end.
    pub ends_at: Option<DateTime<Utc>>,
}

impl From<ParticipantMeeting> for MyMeetingDto {
    fn from(m: ParticipantMeeting) -> Self {
        MyMeetingDto {
            outgoing: m.outgoing,
            partner_id: m.partner_id.to_string(),
            partner_name: m.partner_name,
            partner_org: m.partner_org,
            profile_title: m.profile_title,
            starts_at: m.slot_starts_at,
            ends_at: m.slot_ends_at,
            meeting: m.meeting.into(),
        }
    }
}

/// The caller's requests and meetings at one event.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyMeetingsDto {
    /// The caller's registration.
    pub registration_id: String,
    /// Requests waiting for the caller's answer.
    pub incoming: Vec<MyMeetingDto>,
    /// The caller's requests waiting for an answer.
    pub outgoing: Vec<MyMeetingDto>,
    /// Accepted meetings (placed ones by time first).
    pub accepted: Vec<MyMeetingDto>,
    /// Declined, expired and cancelled ones.
    pub closed: Vec<MyMeetingDto>,
}

/// A meeting request to send.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MeetingRequestDto {
    /// The registration of the participant asked.
    pub receiver_id: String,
    /// A profile either of them brought (optional).
    #[serde(default)]
    pub profile_id: Option<String>,
    /// A message (optional, at most 2,000 characters).
    #[serde(default)]
    pub message: Option<String>,
    /// At events that accept requests at once and let participants pick slots: a slot to book.
    #[serde(default)]
    pub slot_id: Option<String>,
}

/// Accepting a request.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct AcceptDto {
    /// The slot (required at pick-slot events; one of `GET …/slots`; absent at auto-scheduled ones).
    #[serde(default)]
    pub slot_id: Option<String>,
}

/// Declining or cancelling.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ReasonDto {
    /// Why (optional, at most 1,000 characters), told to the other side.
    #[serde(default)]
    pub reason: Option<String>,
}

/// A slot a request or meeting fits in.
#[derive(Debug, Serialize, ToSchema)]
pub struct FreeSlotDto {
    /// The slot.
    pub slot_id: String,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// The session's title.
    pub session: String,
    /// The table it would get (none: by video).
    pub table_number: Option<i32>,
}

impl From<FreeSlot> for FreeSlotDto {
    fn from(f: FreeSlot) -> Self {
        FreeSlotDto {
            slot_id: f.slot.id.to_string(),
            starts_at: f.slot.starts_at,
            ends_at: f.slot.ends_at,
            session: f.session_title,
            table_number: f.table,
        }
    }
}

/// An id in a request body: unreadable ones are a 422 naming the field.
fn body_id<T: std::str::FromStr>(raw: &str, field: &str) -> Result<T, ApiError> {
    raw.trim()
        .parse()
        .map_err(|_| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_id", format!("{field} must be an id from this API"), Some(field)))
}

fn optional_id<T: std::str::FromStr>(raw: Option<&str>, field: &str) -> Result<Option<T>, ApiError> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => body_id(raw, field).map(Some),
        None => Ok(None),
    }
}

/// A JSON body that may be left out (an empty body is the defaults); malformed JSON is a 400.
fn optional_json<T: serde::de::DeserializeOwned + Default>(body: &Bytes) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(body).map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "invalid_json", format!("the body is not the JSON expected: {e}"), None))
}

/// The meeting `meeting` of event `event`, if the caller may see it (404 otherwise, and when
/// it belongs to another event).
async fn meeting_of(state: &AppState, actor: &tandem_core::policy::Actor, event: &str, meeting: &str) -> Result<MeetingId, ApiError> {
    let event: EventId = path_id(event)?;
    let id: MeetingId = path_id(meeting)?;
    let m = lists::get(&state.app, actor, id).await?;
    if m.event_id != event {
        return Err(AppError::NotFound.into());
    }
    Ok(id)
}

/// The caller's requests and meetings at an event (approved participants only).
#[utoipa::path(get, path = "/events/{id}/meetings/mine", tag = "events", params(("id" = String, Path, description = "Event id")),
    responses((status = 200, body = MyMeetingsDto), (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn my_meetings(State(state): State<AppState>, ApiActor(actor): ApiActor, Path(id): Path<String>) -> Result<Json<MyMeetingsDto>, ApiError> {
    let event: EventId = path_id(&id)?;
    let my = lists::mine(&state.app, &actor, event).await?;
    let list = |items: Vec<ParticipantMeeting>| items.into_iter().map(MyMeetingDto::from).collect();
    Ok(Json(MyMeetingsDto {
        registration_id: my.me.id.to_string(),
        incoming: list(my.incoming),
        outgoing: list(my.outgoing),
        accepted: list(my.accepted),
        closed: list(my.closed),
    }))
}

/// Asks another participant for a meeting. In the approval mode it waits for their answer (and
/// expires); in the automatic mode it is a meeting at once.
#[utoipa::path(post, path = "/events/{id}/meeting-requests", tag = "events", request_body = MeetingRequestDto,
    params(("id" = String, Path, description = "Event id")),
    responses((status = 201, body = MeetingDto), (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 422, body = ApiErrorBody)))]
pub async fn request_meeting(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<MeetingRequestDto>,
) -> Result<Response, ApiError> {
    actor.user().map_err(AppError::from)?;
    let event: EventId = path_id(&id)?;
    let input = RequestInput {
        receiver: body_id::<RegistrationId>(&input.receiver_id, "receiver_id")?,
        profile: optional_id::<ProfileId>(input.profile_id.as_deref(), "profile_id")?,
        message: input.message,
        slot: optional_id::<SlotId>(input.slot_id.as_deref(), "slot_id")?,
    };
    let m = requests::request(&state.app, &actor, event, &input).await?;
    let mut response = (StatusCode::CREATED, Json(MeetingDto::from(m))).into_response();
    if let Ok(v) = format!("/api/v1/events/{event}/meetings/mine").parse() {
        response.headers_mut().insert(header::LOCATION, v);
    }
    Ok(response)
}

/// The slots a request (or an accepted meeting without slot) fits in: both available and free,
/// the session's cap not reached, a table left for a meeting at the venue. Empty at
/// auto-scheduled events.
#[utoipa::path(get, path = "/events/{id}/meetings/{meeting}/slots", tag = "events",
    params(("id" = String, Path, description = "Event id"), ("meeting" = String, Path, description = "Meeting id")),
    responses((status = 200, body = Vec<FreeSlotDto>), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody)))]
pub async fn free_slots(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, meeting)): Path<(String, String)>,
) -> Result<Json<Vec<FreeSlotDto>>, ApiError> {
    let meeting = meeting_of(&state, &actor, &id, &meeting).await?;
    Ok(Json(slots::free_slots(&state.app, &actor, meeting).await?.into_iter().map(FreeSlotDto::from).collect()))
}

/// The receiver accepts a request (into `slot_id` at pick-slot events). A slot taken by someone
/// else at the same moment is a 422 with code `slot_taken`: pick another.
#[utoipa::path(post, path = "/events/{id}/meetings/{meeting}/accept", tag = "events", request_body = AcceptDto,
    params(("id" = String, Path, description = "Event id"), ("meeting" = String, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn accept_meeting(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, meeting)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<MeetingDto>, ApiError> {
    let meeting = meeting_of(&state, &actor, &id, &meeting).await?;
    let input: AcceptDto = optional_json(&body)?;
    let slot = optional_id::<SlotId>(input.slot_id.as_deref(), "slot_id")?;
    Ok(Json(requests::accept(&state.app, &actor, meeting, slot).await?.into()))
}

/// The receiver declines a request, with an optional reason emailed to the requester.
#[utoipa::path(post, path = "/events/{id}/meetings/{meeting}/decline", tag = "events", request_body = ReasonDto,
    params(("id" = String, Path, description = "Event id"), ("meeting" = String, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn decline_meeting(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, meeting)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<MeetingDto>, ApiError> {
    let meeting = meeting_of(&state, &actor, &id, &meeting).await?;
    let input: ReasonDto = optional_json(&body)?;
    Ok(Json(requests::decline(&state.app, &actor, meeting, input.reason.as_deref()).await?.into()))
}

/// Either party, or an organiser, cancels a request or meeting; its slot and table are freed
/// and the other side is emailed.
#[utoipa::path(post, path = "/events/{id}/meetings/{meeting}/cancel", tag = "events", request_body = ReasonDto,
    params(("id" = String, Path, description = "Event id"), ("meeting" = String, Path, description = "Meeting id")),
    responses((status = 200, body = MeetingDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn cancel_meeting(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path((id, meeting)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<MeetingDto>, ApiError> {
    let meeting = meeting_of(&state, &actor, &id, &meeting).await?;
    let input: ReasonDto = optional_json(&body)?;
    Ok(Json(requests::cancel(&state.app, &actor, meeting, input.reason.as_deref()).await?.into()))
}
