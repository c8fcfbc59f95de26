//! What happens to meetings when a participant leaves an event (cancels or is declined) or the
//! event is called off: their open requests and meetings are cancelled and the slots and
//! tables freed, so no one waits for a partner who is not coming and the organiser's scheduler
//! never places a meeting with someone who left.
//!
//! Called inside the caller's transaction, after the registration or event has changed state.

use super::{messages, reminders};
use super::{link, meetings_path, now, recipient};
use crate::partnering::notify;
use crate::{App, AppResult};
use tandem_core::events::event::Event;
use tandem_core::events::registration::Registration;
use tandem_core::EventId;
use tandem_store::{bookings, meetings, registrations, Conn};

/// Cancels every open request and meeting of `leaving` (who no longer takes part in `event`)
/// and emails each partner. Returns how many were cancelled.
pub(crate) async fn withdraw_participant(mut conn: Conn<'_>, app: &App, event: &Event, leaving: &Registration) -> AppResult<usize> {
    // Serialises with partners accepting or booking one of these meetings right now.
    meetings::lock_participants(conn.reborrow(), leaving.id, None).await?;
    let at = now();
    let path = link(app, &meetings_path(event.id));
    let mut cancelled = 0;
    for m in meetings::for_registration(conn.reborrow(), leaving.id).await?.into_iter().filter(|m| m.meeting.state.is_open()) {
        if meetings::cancel(conn.reborrow(), m.meeting.id, None, at).await? == 0 {
            continue;
        }
        bookings::unbook(conn.reborrow(), m.meeting.id, at).await?;
        reminders::withdraw_for_meeting(conn.reborrow(), m.meeting.id, at).await?;
        cancelled += 1;
        let Some(partner) = registrations::get(conn.reborrow(), m.partner_id).await? else { continue };
        let to = recipient(conn.reborrow(), &partner).await?;
        notify(conn.reborrow(), &[to], at, |locale, name| {
            messages::partner_left(locale, name, &event.name, &leaving.display_name, &path)
        })
        .await?;
    }
    Ok(cancelled)
}

/// Cancels every open request and meeting of a called-off event and frees their slots and
/// tables. Nobody is emailed here: the event's cancellation email tells everyone at once.
pub(crate) async fn cancel_all(mut conn: Conn<'_>, event: EventId) -> AppResult<usize> {
    let at = now();
    let mut cancelled = 0;
    for m in meetings::for_event(conn.reborrow(), event, None).await?.into_iter().filter(|m| m.meeting.state.is_open()) {
        if meetings::cancel(conn.reborrow(), m.meeting.id, None, at).await? > 0 {
            bookings::unbook(conn.reborrow(), m.meeting.id, at).await?;
            reminders::withdraw_for_meeting(conn.reborrow(), m.meeting.id, at).await?;
            cancelled += 1;
        }
    }
    Ok(cancelled)
}
