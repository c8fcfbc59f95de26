//! The subscribable calendar: `/calendar/{token}.ics`, fetched by calendar clients without a
//! login, so the unguessable per-registration token (256 random bits) is the credential.
//! Clients fetch it again now and then, so moved meetings move in their calendars too (stable
//! UIDs, SEQUENCE from the meeting). A participant who fears the link leaked resets it: the old
//! one stops working at once.

use super::{agenda, labels, unpublished, Download, CALENDAR};
use crate::auth::secret::new_secret;
use crate::events::access::{now, visible};
use crate::{App, AppError, AppResult};
use tandem_core::events::registration::Registration;
use tandem_core::events::{EventState, RegistrationState};
use tandem_core::policy::{Actor, Denied};
use tandem_core::EventId;
use tandem_store::{events, registrations, users};

/// Path of the calendar behind `token`.
pub fn calendar_path(token: &str) -> String {
    format!("/calendar/{token}.ics")
}

/// The calendar of the registration holding `token`, in its participant's language. An unknown
/// token, or one of a registration that is no longer approved (cancelled, declined), is
/// `NotFound`: the link tells nothing about why.
pub async fn subscription(app: &App, token: &str) -> AppResult<Download> {
    if token.is_empty() {
        return Err(AppError::NotFound);
    }
    let mut conn = app.db().acquire().await?;
    let r = registrations::by_calendar_token(conn.conn(), token).await?.ok_or(AppError::NotFound)?;
    if r.state != RegistrationState::Approved {
        return Err(AppError::NotFound);
    }
    let event = events::get(conn.conn(), r.event_id).await?.ok_or(AppError::NotFound)?;
    if event.state == EventState::Draft {
        return Err(AppError::NotFound);
    }
    let locale = users::get(conn.conn(), r.user_id).await?.map(|u| u.locale).unwrap_or_default();
    let built = agenda::build(conn.conn(), app, &event, &r, !unpublished(&event), locale).await?;
    Ok(Download {
        file_name: format!("{}-agenda.ics", event.slug),
        media_type: CALENDAR,
        bytes: tandem_io::ics::agenda_calendar(&built.agenda, &labels::calendar(locale)).into_bytes(),
    })
}

/// Gives the actor's registration at `event` a new calendar token; the old subscription URL
/// stops working. Returns the registration with its new token.
pub async fn reset_link(app: &App, actor: &Actor, event: EventId) -> AppResult<Registration> {
    let user = actor.user()?;
    let at = now();
    let mut tx = app.db().begin().await?;
    visible(tx.conn(), actor, event).await?;
    let r = registrations::find_for_user(tx.conn(), event, user.id).await?.ok_or(Denied::Forbidden)?;
    if r.state != RegistrationState::Approved {
        return Err(Denied::Forbidden.into());
    }
    let token = new_secret();
    registrations::set_calendar_token(tx.conn(), r.id, &token, at).await?;
    tx.commit().await?;
    Ok(Registration { calendar_token: token, updated_at: at, ..r })
}
