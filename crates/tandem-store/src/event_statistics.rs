//! The counts behind an event's statistics page (issue 5, item 6): participants by attendance
//! and city, how the meeting requests ended up, the cities of the organisations that met, the
//! ratings and the survey's outcomes. Aggregates only; the use case computes shares.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::events::followup::MeetingCounts;
use tandem_core::events::{Attendance, FollowUpOutcome};
use tandem_core::EventId;

// An overdue request counts as expired before the job marks it. Cancelled meetings that had an
// answer were accepted first (a declined request is final, so never cancelled).
const MEETING_COUNTS: &str = "SELECT COUNT(*), \
     COALESCE(SUM(CASE WHEN state = 'requested' AND (expires_at IS NULL OR expires_at > $2) THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN state = 'accepted' THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN state = 'declined' THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN state = 'expired' OR (state = 'requested' AND expires_at <= $2) THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN state = 'cancelled' THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN state = 'cancelled' AND responded_at IS NOT NULL THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN state = 'accepted' AND slot_id IS NOT NULL THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN state = 'accepted' AND outcome = 'held' THEN 1 ELSE 0 END), 0), \
     COALESCE(SUM(CASE WHEN state = 'accepted' AND outcome IN ('requester_absent', 'receiver_absent', 'both_absent') \
         THEN 1 ELSE 0 END), 0) \
     FROM event_meetings WHERE event_id = $1";
const BY_ATTENDANCE: &str = "SELECT attendance, COUNT(*) FROM event_registrations \
     WHERE event_id = $1 AND state = 'approved' GROUP BY attendance";
const BY_CITY: &str = "SELECT c.name, COUNT(*) FROM event_registrations r \
     LEFT JOIN organisations o ON o.id = r.org_id LEFT JOIN cities c ON c.id = o.city_id \
     WHERE r.event_id = $1 AND r.state = 'approved' GROUP BY c.name";
const CITY_PAIRS: &str = "SELECT ca.name, cb.name, COUNT(*) FROM event_meetings m \
     JOIN event_registrations a ON a.id = m.requester_id LEFT JOIN organisations oa ON oa.id = a.org_id \
     LEFT JOIN cities ca ON ca.id = oa.city_id \
     JOIN event_registrations b ON b.id = m.receiver_id LEFT JOIN organisations ob ON ob.id = b.org_id \
     LEFT JOIN cities cb ON cb.id = ob.city_id \
     WHERE m.event_id = $1 AND m.state = 'accepted' AND m.slot_id IS NOT NULL GROUP BY ca.name, cb.name";
const RATINGS: &str = "SELECT f.rating, COUNT(*) FROM event_meeting_feedback f JOIN event_meetings m ON m.id = f.meeting_id \
     WHERE m.event_id = $1 AND f.rating IS NOT NULL GROUP BY f.rating ORDER BY f.rating";
const OUTCOMES: &str = "SELECT f.outcome, COUNT(*) FROM event_meeting_feedback f JOIN event_meetings m ON m.id = f.meeting_id \
     WHERE m.event_id = $1 AND f.outcome IS NOT NULL GROUP BY f.outcome";
const AGREEMENTS: &str = "SELECT COUNT(DISTINCT f.agreement_id) FROM event_meeting_feedback f \
     JOIN event_meetings m ON m.id = f.meeting_id WHERE m.event_id = $1 AND f.agreement_id IS NOT NULL";

type CountsRow = (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64);

/// How the event's meeting requests ended up, as of `now`.
pub async fn meeting_counts(conn: Conn<'_>, event: EventId, now: DateTime<Utc>) -> StoreResult<MeetingCounts> {
    let row: CountsRow = on_db!(conn, |c| sqlx::query_as(MEETING_COUNTS).bind(event.0).bind(now).fetch_one(&mut *c).await)?;
    let (requests, pending, accepted, declined, expired, cancelled, cancelled_after_acceptance, scheduled, held, no_shows) = row;
    Ok(MeetingCounts { requests, pending, accepted, declined, expired, cancelled, cancelled_after_acceptance, scheduled, held, no_shows })
}

/// Approved participants per attendance (attendances with none left out).
pub async fn participants_by_attendance(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(Attendance, i64)>> {
    let rows: Vec<(String, i64)> = on_db!(conn, |c| sqlx::query_as(BY_ATTENDANCE).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(|(a, n)| Some((Attendance::from_key(&a)?, n))).collect())
}

/// Approved participants per city of their organisation (None: came for no organisation).
pub async fn participants_by_city(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(Option<String>, i64)>> {
    Ok(on_db!(conn, |c| sqlx::query_as(BY_CITY).bind(event.0).fetch_all(&mut *c).await)?)
}

/// Scheduled meetings per (requester's city, receiver's city) of their organisations.
pub async fn meeting_city_pairs(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(Option<String>, Option<String>, i64)>> {
    Ok(on_db!(conn, |c| sqlx::query_as(CITY_PAIRS).bind(event.0).fetch_all(&mut *c).await)?)
}

/// Ratings given, as (rating, how many), lowest first.
pub async fn ratings(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(i32, i64)>> {
    Ok(on_db!(conn, |c| sqlx::query_as(RATINGS).bind(event.0).fetch_all(&mut *c).await)?)
}

/// Survey answers per outcome (outcomes with none left out).
pub async fn outcomes(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(FollowUpOutcome, i64)>> {
    let rows: Vec<(String, i64)> = on_db!(conn, |c| sqlx::query_as(OUTCOMES).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(|(o, n)| Some((FollowUpOutcome::from_key(&o)?, n))).collect())
}

/// Partnership agreements recorded from the event's survey answers.
pub async fn agreements(conn: Conn<'_>, event: EventId) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(AGREEMENTS).bind(event.0).fetch_one(&mut *c).await)?)
}
