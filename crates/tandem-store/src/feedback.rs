//! Each party's follow-up of a meeting (table `event_meeting_feedback`; issue 5, item 6): the
//! rating after the meeting, the second-stage survey's outcome and the agreement it led to, and
//! when the survey invitation was sent.
//!
//! One row per party and meeting, created by whichever comes first (a rating, an answer, the
//! invitation) and completed by the others through upserts. Marking the invitation and linking
//! an agreement are conditional, so of two servers (or two clicks) at once only one does it.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::events::followup::Feedback;
use tandem_core::events::FollowUpOutcome;
use tandem_core::{AgreementId, EventId, MeetingId, RegistrationId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct FeedbackRow {
    meeting_id: Uuid,
    registration_id: Uuid,
    rating: Option<i32>,
    comment: Option<String>,
    rated_at: Option<DateTime<Utc>>,
    outcome: Option<String>,
    agreement_id: Option<Uuid>,
    surveyed_at: Option<DateTime<Utc>>,
}

impl From<FeedbackRow> for Feedback {
    fn from(r: FeedbackRow) -> Self {
        Feedback {
            meeting_id: MeetingId(r.meeting_id),
            registration_id: RegistrationId(r.registration_id),
            rating: r.rating,
            comment: r.comment,
            rated_at: r.rated_at,
            outcome: r.outcome.as_deref().and_then(FollowUpOutcome::from_key),
            agreement_id: r.agreement_id.map(AgreementId),
            surveyed_at: r.surveyed_at,
        }
    }
}

const COLUMNS: &str = "f.meeting_id, f.registration_id, f.rating, f.comment, f.rated_at, f.outcome, f.agreement_id, f.surveyed_at";
const RATE: &str = "INSERT INTO event_meeting_feedback (meeting_id, registration_id, rating, comment, rated_at) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (meeting_id, registration_id) \
     DO UPDATE SET rating = excluded.rating, comment = excluded.comment, rated_at = excluded.rated_at";
const ANSWER: &str = "INSERT INTO event_meeting_feedback (meeting_id, registration_id, outcome) VALUES ($1, $2, $3) \
     ON CONFLICT (meeting_id, registration_id) DO UPDATE SET outcome = excluded.outcome";
const LINK_AGREEMENT: &str = "UPDATE event_meeting_feedback SET agreement_id = $3 \
     WHERE meeting_id = $1 AND registration_id = $2 AND agreement_id IS NULL";
// Only meetings neither invited for nor answered yet: a participant who answered from their
// meetings page before the six months is not asked again.
const MARK_SURVEYED: &str = "INSERT INTO event_meeting_feedback (meeting_id, registration_id, surveyed_at) VALUES ($1, $2, $3) \
     ON CONFLICT (meeting_id, registration_id) DO UPDATE SET surveyed_at = excluded.surveyed_at \
     WHERE event_meeting_feedback.surveyed_at IS NULL AND event_meeting_feedback.outcome IS NULL";
// A meeting that took place (accepted, placed and not recorded as missed) at an event that
// ended by the cutoff, whose party `r` has neither been invited nor answered.
const UNSURVEYED: &str = "FROM event_registrations r JOIN events e ON e.id = r.event_id \
     JOIN event_meetings m ON (m.requester_id = r.id OR m.receiver_id = r.id) \
     LEFT JOIN event_meeting_feedback f ON f.meeting_id = m.id AND f.registration_id = r.id \
     WHERE e.state = 'published' AND e.ends_at <= $1 AND r.state = 'approved' \
     AND m.state = 'accepted' AND m.slot_id IS NOT NULL AND (m.outcome IS NULL OR m.outcome = 'held') \
     AND f.surveyed_at IS NULL AND f.outcome IS NULL";

/// One party's feedback on one meeting, if any was given.
pub async fn get(conn: Conn<'_>, meeting: MeetingId, registration: RegistrationId) -> StoreResult<Option<Feedback>> {
    let sql = format!("SELECT {COLUMNS} FROM event_meeting_feedback f WHERE f.meeting_id = $1 AND f.registration_id = $2");
    let row: Option<FeedbackRow> =
        on_db!(conn, |c| sqlx::query_as(&sql).bind(meeting.0).bind(registration.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(Feedback::from))
}

/// Both parties' feedback on a meeting (zero, one or two rows).
pub async fn for_meeting(conn: Conn<'_>, meeting: MeetingId) -> StoreResult<Vec<Feedback>> {
    let sql = format!("SELECT {COLUMNS} FROM event_meeting_feedback f WHERE f.meeting_id = $1 ORDER BY f.registration_id");
    let rows: Vec<FeedbackRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(meeting.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Feedback::from).collect())
}

/// Every party's feedback on the meetings of `event` (for the organiser's spreadsheet).
pub async fn for_event(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<Feedback>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM event_meeting_feedback f JOIN event_meetings m ON m.id = f.meeting_id \
         WHERE m.event_id = $1 ORDER BY f.meeting_id, f.registration_id"
    );
    let rows: Vec<FeedbackRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Feedback::from).collect())
}

/// Everything one participant said about their meetings.
pub async fn for_registration(conn: Conn<'_>, registration: RegistrationId) -> StoreResult<Vec<Feedback>> {
    let sql = format!("SELECT {COLUMNS} FROM event_meeting_feedback f WHERE f.registration_id = $1 ORDER BY f.meeting_id");
    let rows: Vec<FeedbackRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(registration.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(Feedback::from).collect())
}

/// Stores a party's rating of a meeting, replacing their earlier one.
pub async fn rate(
    conn: Conn<'_>,
    meeting: MeetingId,
    registration: RegistrationId,
    rating: i32,
    comment: Option<&str>,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(RATE)
        .bind(meeting.0)
        .bind(registration.0)
        .bind(rating)
        .bind(comment)
        .bind(at)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(())
}

/// Stores a party's survey answer, replacing their earlier one.
pub async fn answer(conn: Conn<'_>, meeting: MeetingId, registration: RegistrationId, outcome: FollowUpOutcome) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(ANSWER).bind(meeting.0).bind(registration.0).bind(outcome.key()).execute(&mut *c).await.map(drop))?;
    Ok(())
}

/// Links the agreement a party's answer led to; 0 rows when their row has one already (or none
/// exists: answer first).
pub async fn link_agreement(conn: Conn<'_>, meeting: MeetingId, registration: RegistrationId, agreement: AgreementId) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(LINK_AGREEMENT)
        .bind(meeting.0)
        .bind(registration.0)
        .bind(agreement.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Marks that the survey invitation covering this meeting went to this party; 0 rows when it
/// had gone already or the party has answered.
pub async fn mark_surveyed(conn: Conn<'_>, meeting: MeetingId, registration: RegistrationId, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(MARK_SURVEYED)
        .bind(meeting.0)
        .bind(registration.0)
        .bind(at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Up to `limit` participants of events that ended at or before `cutoff` who have a meeting
/// that took place and that they were neither asked about nor answered for.
pub async fn survey_due(conn: Conn<'_>, cutoff: DateTime<Utc>, limit: i64) -> StoreResult<Vec<RegistrationId>> {
    let sql = format!("SELECT DISTINCT r.id {UNSURVEYED} ORDER BY r.id LIMIT $2");
    let ids: Vec<Uuid> = on_db!(conn, |c| sqlx::query_scalar(&sql).bind(cutoff).bind(limit).fetch_all(&mut *c).await)?;
    Ok(ids.into_iter().map(RegistrationId).collect())
}

/// The meetings of one participant that the survey has yet to ask about (see [`survey_due`]).
pub async fn unsurveyed_meetings(conn: Conn<'_>, registration: RegistrationId, cutoff: DateTime<Utc>) -> StoreResult<Vec<MeetingId>> {
    let sql = format!("SELECT m.id {UNSURVEYED} AND r.id = $2 ORDER BY m.id");
    let ids: Vec<Uuid> = on_db!(conn, |c| sqlx::query_scalar(&sql).bind(cutoff).bind(registration.0).fetch_all(&mut *c).await)?;
    Ok(ids.into_iter().map(MeetingId).collect())
}
