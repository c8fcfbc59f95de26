//! What every events use case asks first: does the event exist, may the actor see it, does the
//! actor organise it. A draft is known only to its organisers; to anyone else it does not exist.

use crate::partnering::Recipient;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, SubsecRound, Utc};
use tandem_core::events::event::Event;
use tandem_core::events::policy::{self as event_policy, EventOrganiser};
use tandem_core::events::registration::Registration;
use tandem_core::events::EventState;
use tandem_core::policy::Actor;
use tandem_core::EventId;
use tandem_store::{events, users, Conn};

/// Now, rounded to what PostgreSQL keeps (microseconds), so returned records equal later reads.
pub(crate) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// An absolute link for emails.
pub(crate) fn link(app: &App, path: &str) -> String {
    format!("{}{path}", app.config().base_url.trim_end_matches('/'))
}

/// Path of an event's page.
pub fn event_path(event: EventId) -> String {
    format!("/events/{event}")
}

/// The event, or `NotFound`.
pub(crate) async fn load(conn: Conn<'_>, id: EventId) -> AppResult<Event> {
    events::get(conn, id).await?.ok_or(AppError::NotFound)
}

/// Proof that the actor organises `event`.
pub(crate) async fn organiser(conn: Conn<'_>, actor: &Actor, event: EventId) -> AppResult<EventOrganiser> {
    let orgs = events::organiser_orgs(conn, event).await?;
    Ok(event_policy::event_organiser(actor, event, &orgs)?)
}

/// The event and whether the actor organises it; a draft is `NotFound` for everyone else.
pub(crate) async fn visible(mut conn: Conn<'_>, actor: &Actor, id: EventId) -> AppResult<(Event, bool)> {
    let event = load(conn.reborrow(), id).await?;
    let is_organiser = organiser(conn, actor, id).await.is_ok();
    if event.state == EventState::Draft && !is_organiser {
        return Err(AppError::NotFound);
    }
    Ok((event, is_organiser))
}

/// The event, for its organisers only: others learn nothing (a draft is `NotFound`, a
/// published event `Forbidden`).
pub(crate) async fn organised(mut conn: Conn<'_>, actor: &Actor, id: EventId) -> AppResult<(Event, EventOrganiser)> {
    let event = load(conn.reborrow(), id).await?;
    match organiser(conn, actor, id).await {
        Ok(guard) => Ok((event, guard)),
        Err(_) if event.state == EventState::Draft => Err(AppError::NotFound),
        Err(e) => Err(e),
    }
}

/// The person behind a registration, to email in their language.
pub(crate) async fn recipient(conn: Conn<'_>, r: &Registration) -> AppResult<Recipient> {
    let user = users::get(conn, r.user_id).await?.ok_or(AppError::NotFound)?;
    Ok(Recipient { email: user.email.as_str().to_owned(), name: r.display_name.clone(), locale: user.locale })
}
