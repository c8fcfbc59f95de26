//! Check-in on the event day (issue 5, item 5; DOMAIN.md, "Brokerage events": "badges/check-in"):
//! organisers find a participant by name, or scan the QR code on their agenda, which opens
//! `/events/{id}/checkin/{code}` on the organiser's phone, and check them in with one click.
//! Only approved participants are checked in; a second check-in changes nothing (it keeps the
//! first time), and a mistaken one can be undone.

use super::access::{link, now, organised};
use crate::{App, AppError, AppResult};
use tandem_core::events::event::Event;
use tandem_core::events::registration::Registration;
use tandem_core::events::RegistrationState;
use tandem_core::policy::Actor;
use tandem_core::{EventId, RegistrationId};
use tandem_store::registrations::{self, Listed, RegistrationFilter};
use tandem_store::{organisations, Conn};

/// Path the QR code on a participant's agenda opens.
pub fn checkin_path(event: EventId, code: &str) -> String {
    format!("/events/{event}/checkin/{code}")
}

/// The absolute check-in link of a registration (what its QR code holds).
pub fn checkin_url(app: &App, r: &Registration) -> String {
    link(app, &checkin_path(r.event_id, &r.checkin_code))
}

/// The QR code of a registration's check-in link, as an SVG document.
pub fn qr_svg(app: &App, r: &Registration) -> AppResult<String> {
    tandem_io::qr::qr_svg(&checkin_url(app, r)).map_err(|e| AppError::Internal(e.to_string()))
}

/// The approved participants whose name (or organisation's name) has every word of `query`;
/// all of them for an empty query. For organisers.
pub async fn search(app: &App, actor: &Actor, event: EventId, query: &str) -> AppResult<(Event, Vec<Listed>)> {
    let mut conn = app.db().acquire().await?;
    let (event, _guard) = organised(conn.conn(), actor, event).await?;
    let filter = RegistrationFilter {
        states: vec![RegistrationState::Approved],
        name: Some(query.to_owned()).filter(|q| !q.trim().is_empty()),
        ..RegistrationFilter::default()
    };
    let list = registrations::list(conn.conn(), event.id, &filter).await?;
    Ok((event, list))
}

/// A registration with its organisation's name, as a check-in page shows it.
async fn listed(mut conn: Conn<'_>, r: Registration) -> AppResult<Listed> {
    let org = match r.org_id {
        Some(id) => organisations::get(conn.reborrow(), id).await?,
        None => None,
    };
    Ok(Listed {
        org_name: org.as_ref().map(|o| o.name.clone()),
        city_id: org.as_ref().map(|o| o.city_id),
        city_name: None,
        registration: r,
    })
}

/// The registration a scanned code names, for the event's organisers; an unknown code is
/// `NotFound`.
pub async fn scan(app: &App, actor: &Actor, event: EventId, code: &str) -> AppResult<(Event, Listed)> {
    let mut conn = app.db().acquire().await?;
    let (event, _guard) = organised(conn.conn(), actor, event).await?;
    let r = registrations::by_checkin_code(conn.conn(), event.id, code).await?.ok_or(AppError::NotFound)?;
    let l = listed(conn.conn(), r).await?;
    Ok((event, l))
}

async fn organised_registration(mut conn: Conn<'_>, actor: &Actor, id: RegistrationId) -> AppResult<Registration> {
    let r = registrations::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    organised(conn, actor, r.event_id).await?;
    Ok(r)
}

/// Checks an approved participant in (once: a second check-in keeps the first time).
pub async fn check_in(app: &App, actor: &Actor, id: RegistrationId) -> AppResult<Listed> {
    let by = actor.user()?.id;
    let mut tx = app.db().begin().await?;
    let r = organised_registration(tx.conn(), actor, id).await?;
    if r.state != RegistrationState::Approved {
        return Err(AppError::invalid(
            "registration",
            "not_approved",
            "only approved participants are checked in; approve the registration first",
        ));
    }
    registrations::check_in(tx.conn(), id, Some(by), now()).await?;
    let r = registrations::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    let l = listed(tx.conn(), r).await?;
    tx.commit().await?;
    Ok(l)
}

/// Undoes a check-in made by mistake.
pub async fn undo(app: &App, actor: &Actor, id: RegistrationId) -> AppResult<Listed> {
    actor.user()?;
    let mut tx = app.db().begin().await?;
    organised_registration(tx.conn(), actor, id).await?;
    registrations::undo_check_in(tx.conn(), id, now()).await?;
    let r = registrations::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    let l = listed(tx.conn(), r).await?;
    tx.commit().await?;
    Ok(l)
}
