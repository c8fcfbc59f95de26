//! Where accepted meetings sit: slots, tables, booths, and the booking rows that make double
//! booking impossible (issue 5, items 2 and 7). Availability is the registration's
//! (`registrations::unavailable_slots`).
//!
//! A placed meeting has one `event_participant_bookings` row per party and, at a table, one
//! `event_table_bookings` row. Their primary keys (slot, participant) and (slot, table) refuse a
//! second booking even when two transactions check "free" at the same moment; [`book`] reports
//! that as [`StoreError::Duplicate`] naming `slot_id` (a party is taken) or `table_number`.

use crate::{on_db, Conn, StoreError, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::{EventId, MeetingId, RegistrationId, SlotId};
use uuid::Uuid;

const BUSY: &str = "SELECT b.slot_id FROM event_participant_bookings b WHERE b.registration_id = $1 ORDER BY b.slot_id";
const TABLES: &str = "SELECT b.slot_id, b.table_number FROM event_table_bookings b JOIN event_slots s ON s.id = b.slot_id \
     WHERE s.event_id = $1 ORDER BY b.slot_id, b.table_number";
const BOOTHS: &str = "SELECT id, booth_table FROM event_registrations \
     WHERE event_id = $1 AND state = 'approved' AND booth_table IS NOT NULL ORDER BY booth_table";
const UNBOOK_PARTICIPANTS: &str = "DELETE FROM event_participant_bookings WHERE meeting_id = $1";
const UNBOOK_TABLES: &str = "DELETE FROM event_table_bookings WHERE meeting_id = $1";
// Both parties in one statement, read from the meeting itself.
const BOOK_PARTICIPANTS: &str = "INSERT INTO event_participant_bookings (slot_id, registration_id, meeting_id) \
     SELECT $1, requester_id, id FROM event_meetings WHERE id = $2 \
     UNION ALL SELECT $1, receiver_id, id FROM event_meetings WHERE id = $2";
const BOOK_TABLE: &str = "INSERT INTO event_table_bookings (slot_id, table_number, meeting_id) VALUES ($1, $2, $3)";
const PLACE: &str = "UPDATE event_meetings SET slot_id = $2, table_number = $3, sequence = sequence + 1, updated_at = $4 WHERE id = $1";
const CLEAR: &str = "UPDATE event_meetings SET slot_id = NULL, table_number = NULL, sequence = sequence + 1, updated_at = $2 \
     WHERE id = $1 AND slot_id IS NOT NULL";

/// The slots in which a participant has a meeting.
pub async fn busy_slots(conn: Conn<'_>, participant: RegistrationId) -> StoreResult<Vec<SlotId>> {
    let ids: Vec<Uuid> = on_db!(conn, |c| sqlx::query_scalar(BUSY).bind(participant.0).fetch_all(&mut *c).await)?;
    Ok(ids.into_iter().map(SlotId).collect())
}

/// Every booked (slot, table) of an event.
pub async fn table_bookings(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(SlotId, i32)>> {
    let rows: Vec<(Uuid, i32)> = on_db!(conn, |c| sqlx::query_as(TABLES).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(s, n)| (SlotId(s), n)).collect())
}

/// The booths: (participant, table) of every approved participant who has one.
pub async fn booths(conn: Conn<'_>, event: EventId) -> StoreResult<Vec<(RegistrationId, i32)>> {
    let rows: Vec<(Uuid, i32)> = on_db!(conn, |c| sqlx::query_as(BOOTHS).bind(event.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(r, n)| (RegistrationId(r), n)).collect())
}

/// Maps a refused booking insert to the field whose value was taken; anything else passes.
fn booking_error(err: sqlx::Error) -> StoreError {
    if let sqlx::Error::Database(db) = &err
        && db.is_unique_violation()
    {
        let text = format!("{} {}", db.message(), db.constraint().unwrap_or_default());
        let field = if text.contains("event_table_bookings") { "table_number" } else { "slot_id" };
        return StoreError::Duplicate { field };
    }
    err.into()
}

/// Places an accepted meeting in `slot` at `table` (None: by video), moving it if it was placed
/// elsewhere, and bumps its sequence. [`StoreError::Duplicate`] when a party (`slot_id`) or the
/// table (`table_number`) is booked in that slot already — on PostgreSQL the transaction is then
/// unusable and must be rolled back. [`StoreError::NotFound`] when there is no such meeting.
pub async fn book(mut conn: Conn<'_>, meeting: MeetingId, slot: SlotId, table: Option<i32>, at: DateTime<Utc>) -> StoreResult<()> {
    remove_bookings(conn.reborrow(), meeting).await?;
    let booked = on_db!(&mut conn, |c| sqlx::query(BOOK_PARTICIPANTS)
        .bind(slot.0)
        .bind(meeting.0)
        .execute(&mut **c)
        .await
        .map(|r| r.rows_affected()))
    .map_err(booking_error)?;
    if booked == 0 {
        return Err(StoreError::NotFound);
    }
    if let Some(table) = table {
        on_db!(&mut conn, |c| sqlx::query(BOOK_TABLE).bind(slot.0).bind(table).bind(meeting.0).execute(&mut **c).await.map(drop))
            .map_err(booking_error)?;
    }
    on_db!(conn, |c| sqlx::query(PLACE).bind(meeting.0).bind(slot.0).bind(table).bind(at).execute(&mut *c).await.map(drop))?;
    Ok(())
}

/// Takes a meeting out of its slot (its bookings go, its sequence is bumped); false when it
/// had no slot.
pub async fn unbook(mut conn: Conn<'_>, meeting: MeetingId, at: DateTime<Utc>) -> StoreResult<bool> {
    remove_bookings(conn.reborrow(), meeting).await?;
    let changed = on_db!(conn, |c| sqlx::query(CLEAR).bind(meeting.0).bind(at).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

async fn remove_bookings(mut conn: Conn<'_>, meeting: MeetingId) -> StoreResult<()> {
    on_db!(&mut conn, |c| sqlx::query(UNBOOK_PARTICIPANTS).bind(meeting.0).execute(&mut **c).await.map(drop))?;
    on_db!(conn, |c| sqlx::query(UNBOOK_TABLES).bind(meeting.0).execute(&mut *c).await.map(drop))?;
    Ok(())
}
