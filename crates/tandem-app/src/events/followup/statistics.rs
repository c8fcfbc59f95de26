//! An event's statistics for its organisers (issue 5, item 6): who came (onsite or remote, from
//! which city), how the meeting requests ended up (acceptance rate; declined, expired,
//! cancelled), meetings scheduled and held, no-shows, the share of meetings between
//! organisations in different cities (Birmingham–Leipzig at the demo event), the ratings and the
//! survey's outcomes. Figures come from one read of the event's data; shares are computed by the
//! rules in `tandem_core::events::followup`.

use crate::events::access::{now, organised};
use crate::{App, AppResult};
use tandem_core::events::event::Event;
use tandem_core::events::followup::{average_rating, city_pairs, CrossCity, MeetingCounts, RATINGS};
use tandem_core::events::{Attendance, FollowUpOutcome};
use tandem_core::policy::Actor;
use tandem_core::EventId;
use tandem_store::event_statistics as stats;

/// An event's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct EventStatistics {
    /// The event.
    pub event: Event,
    /// Approved participants.
    pub participants: i64,
    /// Participants per attendance (every attendance, zeros included).
    pub by_attendance: Vec<(Attendance, i64)>,
    /// Participants per city of their organisation, most first (None: no organisation, last).
    pub by_city: Vec<(Option<String>, i64)>,
    /// How the meeting requests ended up.
    pub meetings: MeetingCounts,
    /// Accepted share of the decided requests (see [`MeetingCounts::acceptance_rate`]).
    pub acceptance_rate: Option<f64>,
    /// Scheduled meetings by whether the organisations are in different cities.
    pub cross_city: CrossCity,
    /// Scheduled meetings per pair of cities, most first.
    pub city_pairs: Vec<(String, String, i64)>,
    /// Ratings given per rating, 1 to 5 (zeros included).
    pub ratings: Vec<(i32, i64)>,
    /// Mean rating.
    pub average_rating: Option<f64>,
    /// Survey answers per outcome (every outcome, zeros included).
    pub outcomes: Vec<(FollowUpOutcome, i64)>,
    /// Partnership agreements recorded from the survey.
    pub agreements: i64,
}

impl EventStatistics {
    /// Nothing to show yet: no participants and no meeting requests.
    pub fn is_empty(&self) -> bool {
        self.participants == 0 && self.meetings.requests == 0
    }

    /// Ratings given.
    pub fn rating_count(&self) -> i64 {
        self.ratings.iter().map(|(_, n)| n).sum()
    }

    /// Survey answers given.
    pub fn answer_count(&self) -> i64 {
        self.outcomes.iter().map(|(_, n)| n).sum()
    }
}

/// Every value of `all` with its count in `found` (0 when absent).
fn with_zeros<T: Copy + PartialEq>(all: impl IntoIterator<Item = T>, found: &[(T, i64)]) -> Vec<(T, i64)> {
    all.into_iter().map(|v| (v, found.iter().find(|(x, _)| *x == v).map_or(0, |(_, n)| *n))).collect()
}

/// The statistics of `event_id`, for its organisers.
pub async fn statistics(app: &App, actor: &Actor, event_id: EventId) -> AppResult<EventStatistics> {
    let mut conn = app.db().acquire().await?;
    let (event, _guard) = organised(conn.conn(), actor, event_id).await?;
    let by_attendance = with_zeros(Attendance::ALL.iter().copied(), &stats::participants_by_attendance(conn.conn(), event_id).await?);
    let mut by_city = stats::participants_by_city(conn.conn(), event_id).await?;
    by_city.sort_by(|(a, x), (b, y)| (a.is_none(), std::cmp::Reverse(*x), a).cmp(&(b.is_none(), std::cmp::Reverse(*y), b)));
    let meetings = stats::meeting_counts(conn.conn(), event_id, now()).await?;
    let pairs = stats::meeting_city_pairs(conn.conn(), event_id).await?;
    let given = stats::ratings(conn.conn(), event_id).await?;
    Ok(EventStatistics {
        participants: by_attendance.iter().map(|(_, n)| n).sum(),
        by_attendance,
        by_city,
        acceptance_rate: meetings.acceptance_rate(),
        meetings,
        cross_city: CrossCity::from_pairs(&pairs),
        city_pairs: city_pairs(&pairs),
        average_rating: average_rating(&given),
        ratings: with_zeros(RATINGS, &given),
        outcomes: with_zeros(FollowUpOutcome::ALL.iter().copied(), &stats::outcomes(conn.conn(), event_id).await?),
        agreements: stats::agreements(conn.conn(), event_id).await?,
        event,
    })
}
