//! `/api/v1/events/{id}/statistics`: an event's figures for its organisers, from the same use
//! case as the statistics page. Shares are fractions (0–1), null while nothing can be counted.

use super::extract::{path_id, ApiActor};
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use serde::Serialize;
use tandem_app::events::followup::statistics::{self, EventStatistics};
use tandem_core::EventId;
use utoipa::ToSchema;

/// A count under a key (an attendance, a city, a rating, an outcome).
#[derive(Debug, Serialize, ToSchema)]
pub struct CountDto {
    /// The key (`onsite`, `Birmingham`, `4`, `agreement`, …; null: participants without an organisation).
    pub key: Option<String>,
    /// How many.
    pub count: i64,
}

/// Scheduled meetings between the organisations of two cities.
#[derive(Debug, Serialize, ToSchema)]
pub struct CityPairDto {
    /// One city (alphabetically first).
    pub city: String,
    /// The other city (may be the same).
    pub other_city: String,
    /// Meetings.
    pub count: i64,
}

/// How the meeting requests ended up and what happened on the day.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingFiguresDto {
    /// Requests made.
    pub requests: i64,
    /// Still waiting for an answer.
    pub pending: i64,
    /// Accepted (meetings).
    pub accepted: i64,
    /// Declined.
    pub declined: i64,
    /// Not answered in time.
    pub expired: i64,
    /// Withdrawn or cancelled.
    pub cancelled: i64,
    /// Accepted share of the requests answered or expired (null before any).
    pub acceptance_rate: Option<f64>,
    /// Placed in a slot.
    pub scheduled: i64,
    /// Marked held.
    pub held: i64,
    /// Marked with a party absent.
    pub no_shows: i64,
    /// Scheduled meetings between organisations in different cities.
    pub cross_city: i64,
    /// Scheduled meetings between organisations in the same city.
    pub same_city: i64,
    /// Scheduled meetings with a party without an organisation.
    pub city_unknown: i64,
    /// `cross_city` ÷ (`cross_city` + `same_city`), null when both are zero.
    pub cross_city_share: Option<f64>,
    /// Per pair of cities, most first.
    pub by_cities: Vec<CityPairDto>,
}

/// An event's statistics.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventStatisticsDto {
    /// The event's id.
    pub event_id: String,
    /// Approved participants.
    pub participants: i64,
    /// Participants per attendance (`onsite`, `remote`).
    pub by_attendance: Vec<CountDto>,
    /// Participants per city of their organisation.
    pub by_city: Vec<CountDto>,
    /// Requests and meetings.
    pub meetings: MeetingFiguresDto,
    /// Ratings per rating (1–5).
    pub ratings: Vec<CountDto>,
    /// Mean rating (null without ratings).
    pub average_rating: Option<f64>,
    /// Survey answers per outcome key.
    pub outcomes: Vec<CountDto>,
    /// Partnership agreements recorded from the survey.
    pub agreements: i64,
}

fn count(key: impl ToString, count: i64) -> CountDto {
    CountDto { key: Some(key.to_string()), count }
}

impl From<&EventStatistics> for EventStatisticsDto {
    fn from(s: &EventStatistics) -> Self {
        let m = &s.meetings;
        EventStatisticsDto {
            event_id: s.event.id.to_string(),
            participants: s.participants,
            by_attendance: s.by_attendance.iter().map(|(a, n)| count(a.key(), *n)).collect(),
            by_city: s.by_city.iter().map(|(c, n)| CountDto { key: c.clone(), count: *n }).collect(),
            meetings: MeetingFiguresDto {
                requests: m.requests,
                pending: m.pending,
                accepted: m.accepted,
                declined: m.declined,
                expired: m.expired,
                cancelled: m.cancelled,
                acceptance_rate: s.acceptance_rate,
                scheduled: m.scheduled,
                held: m.held,
                no_shows: m.no_shows,
                cross_city: s.cross_city.different,
                same_city: s.cross_city.same,
                city_unknown: s.cross_city.unknown,
                cross_city_share: s.cross_city.share(),
                by_cities: s.city_pairs.iter().map(|(a, b, n)| CityPairDto { city: a.clone(), other_city: b.clone(), count: *n }).collect(),
            },
            ratings: s.ratings.iter().map(|(r, n)| count(r, *n)).collect(),
            average_rating: s.average_rating,
            outcomes: s.outcomes.iter().map(|(o, n)| count(o.key(), *n)).collect(),
            agreements: s.agreements,
        }
    }
}

/// An event's statistics: participants, meeting requests and their outcomes, meetings held and
/// no-shows, meetings across cities, ratings and survey outcomes. For the event's organisers.
#[utoipa::path(get, path = "/events/{id}/statistics", tag = "events", params(("id" = String, Path, description = "Event id")),
    responses((status = 200, body = EventStatisticsDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn event_statistics(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<EventStatisticsDto>, ApiError> {
    let id: EventId = path_id(&id)?;
    let s = statistics::statistics(&state.app, &actor, id).await?;
    Ok(Json(EventStatisticsDto::from(&s)))
}
