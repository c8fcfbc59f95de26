//! The waiting list (issue 5, item 1): when a place frees — someone cancels or is declined, or
//! the organisers raise the capacity — the longest-waiting registration moves up and is emailed.

use super::access::{event_path, link, now, recipient};
use super::messages;
use crate::partnering::notify;
use crate::{App, AppResult};
use tandem_core::events::event::Event;
use tandem_core::events::registration::{has_room, Registration};
use tandem_core::events::{EventState, RegistrationState};
use tandem_store::{registrations, Conn};

/// Moves waitlisted registrations up while there is room, in the caller's transaction; returns
/// those moved up. Nothing moves at a draft, cancelled or past event.
pub(crate) async fn fill_places(app: &App, mut conn: Conn<'_>, event: &Event) -> AppResult<Vec<Registration>> {
    let at = now();
    let mut moved = Vec::new();
    if event.state != EventState::Published || event.is_past(at) {
        return Ok(moved);
    }
    let page = link(app, &event_path(event.id));
    loop {
        let approved = registrations::count_in_state(conn.reborrow(), event.id, RegistrationState::Approved).await?;
        if !has_room(approved, event.capacity) {
            break;
        }
        let Some(next) = registrations::first_waitlisted(conn.reborrow(), event.id).await? else { break };
        if registrations::set_state(conn.reborrow(), next.id, RegistrationState::Waitlisted, RegistrationState::Approved, at).await? == 0 {
            break;
        }
        let person = recipient(conn.reborrow(), &next).await?;
        notify(conn.reborrow(), &[person], at, |locale, name| {
            messages::registration_state(locale, name, event, RegistrationState::Approved, true, &page)
        })
        .await?;
        moved.push(Registration { state: RegistrationState::Approved, updated_at: at, ..next });
    }
    Ok(moved)
}
