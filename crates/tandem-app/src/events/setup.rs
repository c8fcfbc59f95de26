//! Setting an event up (issue 5, item 1): create it for an organisation, edit its details and
//! its registration and booking settings, publish or cancel it, and add or remove supporting
//! organisers. Only staff of an organiser organisation (or platform admins) do this.

use super::access::{event_path, link, now, organised, recipient};
use super::meetings::withdrawal::cancel_all;
use super::{messages, waitlist};
use crate::partnering::{notify, Recipient};
use crate::{App, AppError, AppResult};
use tandem_core::events::event::{slug_for, Event, EventDraft, SettingsDraft};
use tandem_core::events::policy as event_policy;
use tandem_core::events::{EventState, OrganiserRole};
use tandem_core::policy::Actor;
use tandem_core::validation::ValidationErrors;
use tandem_core::{EventId, OrgId};
use tandem_store::registrations::RegistrationFilter;
use tandem_store::{events, organisations, registrations, Conn};

/// A slug no other event has: the readable one, else with `-2`, `-3`, … appended.
async fn free_slug(mut conn: Conn<'_>, base: &str) -> AppResult<String> {
    let mut candidate = base.to_owned();
    let mut n = 1;
    while events::slug_taken(conn.reborrow(), &candidate).await? {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    Ok(candidate)
}

/// Creates a draft event with `main_org` as its main organiser. Its staff (admins and
/// programme managers) may, and platform admins.
pub async fn create(app: &App, actor: &Actor, main_org: OrgId, draft: &EventDraft) -> AppResult<Event> {
    let user = event_policy::event_creator(actor, main_org)?;
    let details = draft.validate()?;
    let mut tx = app.db().begin().await?;
    if organisations::get(tx.conn(), main_org).await?.is_none() {
        return Err(AppError::invalid("main_org", "unknown_org", "choose the organisation that organises the event"));
    }
    let slug = free_slug(tx.conn(), &slug_for(&details.name, details.starts_at)).await?;
    let event = Event::new(details, slug, Some(user), now());
    events::insert(tx.conn(), &event).await?;
    events::add_organiser(tx.conn(), event.id, main_org, OrganiserRole::Main).await?;
    tx.commit().await?;
    Ok(event)
}

/// Changes the event's details. The agenda must still fit: sessions outside the new times, or
/// booths and meetings at tables beyond the new number of tables, are refused with the reason.
pub async fn update_details(app: &App, actor: &Actor, id: EventId, draft: &EventDraft) -> AppResult<Event> {
    let details = draft.validate()?;
    let mut tx = app.db().begin().await?;
    let (mut event, _guard) = organised(tx.conn(), actor, id).await?;
    let mut errors = ValidationErrors::default();
    let outside = events::sessions(tx.conn(), id)
        .await?
        .iter()
        .filter(|s| s.starts_at < details.starts_at || s.ends_at > details.ends_at)
        .count();
    if outside > 0 {
        errors.add(
            "starts_at",
            "sessions_outside",
            format!("{outside} agenda session(s) would lie outside the new times; move them first"),
        );
    }
    if let Some(used) = events::highest_table_in_use(tx.conn(), id).await?
        && used > details.tables
    {
        errors.add("tables", "tables_in_use", format!("table {used} is in use (a booth or a meeting); keep at least {used} tables"));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    event.apply_details(details);
    event.updated_at = now();
    events::update(tx.conn(), &event).await?;
    tx.commit().await?;
    Ok(event)
}

/// Changes the registration and booking settings. A larger capacity lets the waiting list
/// move up at once (each one moved up is emailed).
pub async fn update_settings(app: &App, actor: &Actor, id: EventId, draft: &SettingsDraft) -> AppResult<Event> {
    let settings = draft.validate()?;
    let mut tx = app.db().begin().await?;
    let (mut event, _guard) = organised(tx.conn(), actor, id).await?;
    event.apply_settings(settings);
    event.updated_at = now();
    events::update(tx.conn(), &event).await?;
    waitlist::fill_places(app, tx.conn(), &event).await?;
    tx.commit().await?;
    Ok(event)
}

/// Publishes a draft: it is listed and its page opens to everyone.
pub async fn publish(app: &App, actor: &Actor, id: EventId) -> AppResult<Event> {
    let mut tx = app.db().begin().await?;
    let (event, _guard) = organised(tx.conn(), actor, id).await?;
    if events::set_state(tx.conn(), id, EventState::Draft, EventState::Published, now()).await? == 0 {
        return Err(AppError::invalid("state", "not_draft", "only a draft can be published"));
    }
    tx.commit().await?;
    Ok(Event { state: EventState::Published, ..event })
}

/// Calls a published event off: it stays visible, marked cancelled, registration and booking
/// close, and everyone still registered is emailed.
pub async fn cancel(app: &App, actor: &Actor, id: EventId) -> AppResult<Event> {
    let mut tx = app.db().begin().await?;
    let (mut event, _guard) = organised(tx.conn(), actor, id).await?;
    let at = now();
    if events::set_state(tx.conn(), id, EventState::Published, EventState::Cancelled, at).await? == 0 {
        return Err(AppError::invalid("state", "event_not_published", "only a published event can be cancelled"));
    }
    event.state = EventState::Cancelled;
    event.registration_open = false;
    event.booking_open = false;
    event.updated_at = at;
    events::update(tx.conn(), &event).await?;
    cancel_all(tx.conn(), id).await?;
    let active = registrations::list(tx.conn(), id, &RegistrationFilter::default()).await?;
    let mut people: Vec<Recipient> = Vec::new();
    for l in active.iter().filter(|l| l.registration.state.is_active()) {
        people.push(recipient(tx.conn(), &l.registration).await?);
    }
    let page = link(app, &event_path(id));
    notify(tx.conn(), &people, at, |locale, name| messages::event_cancelled(locale, name, &event, &page)).await?;
    tx.commit().await?;
    Ok(event)
}

/// The support organisations that could join as supporting organisers (not organising yet),
/// by name: (id, name).
pub async fn organiser_candidates(app: &App, actor: &Actor, id: EventId) -> AppResult<Vec<(OrgId, String)>> {
    let mut conn = app.db().acquire().await?;
    organised(conn.conn(), actor, id).await?;
    let current = events::organiser_orgs(conn.conn(), id).await?;
    let mut out: Vec<(OrgId, String)> = organisations::list_all(conn.conn())
        .await?
        .into_iter()
        .filter(|o| o.kind.is_support_organisation() && !current.contains(&o.id))
        .map(|o| (o.id, o.name))
        .collect();
    out.sort_by_cached_key(|(_, name)| tandem_core::text::fold(name));
    Ok(out)
}

/// Adds a supporting organiser; its staff may then organise the event too.
pub async fn add_supporting(app: &App, actor: &Actor, id: EventId, org: OrgId) -> AppResult<()> {
    let mut tx = app.db().begin().await?;
    organised(tx.conn(), actor, id).await?;
    if organisations::get(tx.conn(), org).await?.is_none() {
        return Err(AppError::invalid("org", "unknown_org", "choose the organisation from the directory"));
    }
    if events::organiser_orgs(tx.conn(), id).await?.contains(&org) {
        return Err(AppError::invalid("org", "already_organiser", "this organisation already organises the event"));
    }
    events::add_organiser(tx.conn(), id, org, OrganiserRole::Supporting).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a supporting organiser (the main organiser stays).
pub async fn remove_supporting(app: &App, actor: &Actor, id: EventId, org: OrgId) -> AppResult<()> {
    let mut tx = app.db().begin().await?;
    organised(tx.conn(), actor, id).await?;
    if events::remove_supporting(tx.conn(), id, org).await? == 0 {
        return Err(AppError::invalid("org", "not_supporting", "only a supporting organiser can be removed; the main organiser stays"));
    }
    tx.commit().await?;
    Ok(())
}
