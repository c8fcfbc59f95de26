//! What anyone sees of events (issue 5, item 1: "public event page"): the list of upcoming and
//! past events, an event's page with its organisers and agenda, and a user's own events.
//!
//! Drafts are seen by their organisers only. Stream links are for approved participants and
//! organisers: they are removed here, so no page or endpoint can show them to anyone else.

use super::access::{now, visible};
use crate::{App, AppResult};
use std::collections::BTreeSet;
use tandem_core::account::OrgRole;
use tandem_core::events::event::{Event, Session, Speaker};
use tandem_core::events::registration::Registration;
use tandem_core::events::RegistrationState;
use tandem_core::policy::Actor;
use tandem_core::EventId;
use tandem_store::events;
/// An organiser with its organisation's name and city, for pages and the API.
pub use tandem_store::events::OrganiserListing;
use tandem_store::registrations;

/// An event in a list, with its organisers' names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSummary {
    /// The event.
    pub event: Event,
    /// Organisers, main first.
    pub organisers: Vec<OrganiserListing>,
}

/// A session on the public agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    /// The session (its stream link only for participants and organisers).
    pub session: Session,
    /// Its speakers, in order.
    pub speakers: Vec<Speaker>,
    /// Its meeting slots (matchmaking).
    pub slots: usize,
}

/// Everything an event's page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventPage {
    /// The event.
    pub event: Event,
    /// Organisers, main first.
    pub organisers: Vec<OrganiserListing>,
    /// The agenda in time order.
    pub agenda: Vec<AgendaItem>,
    /// The viewer's registration, if any.
    pub mine: Option<Registration>,
    /// The viewer organises the event.
    pub is_organiser: bool,
    /// Stream links are shown (approved participant or organiser).
    pub shows_streams: bool,
    /// Places left, when the event has a capacity.
    pub places_left: Option<i64>,
}

/// Published and cancelled events, upcoming (soonest first) or past (latest first).
pub async fn list(app: &App, upcoming: bool) -> AppResult<Vec<EventSummary>> {
    let mut conn = app.db().acquire().await?;
    let mut out = Vec::new();
    for event in events::listed(conn.conn(), upcoming, now()).await? {
        let organisers = events::organisers(conn.conn(), event.id).await?;
        out.push(EventSummary { event, organisers });
    }
    Ok(out)
}

/// The events the actor's organisations organise (drafts included), for their staff.
pub async fn organised_by_me(app: &App, actor: &Actor) -> AppResult<Vec<Event>> {
    let Actor::User(user) = actor else { return Ok(Vec::new()) };
    let mut conn = app.db().acquire().await?;
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for m in user.memberships.iter().filter(|m| matches!(m.role, OrgRole::OrgAdmin | OrgRole::ProgrammeManager)) {
        for event in events::organised_by(conn.conn(), m.org_id).await? {
            if seen.insert(event.id) {
                out.push(event);
            }
        }
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.starts_at));
    Ok(out)
}

/// The actor's registrations with their events, latest event first ("My events").
pub async fn mine(app: &App, actor: &Actor) -> AppResult<Vec<(Event, Registration)>> {
    let user = actor.user()?;
    let mut conn = app.db().acquire().await?;
    let mut out = Vec::new();
    for r in registrations::of_user(conn.conn(), user.id).await? {
        if let Some(event) = events::get(conn.conn(), r.event_id).await? {
            out.push((event, r));
        }
    }
    Ok(out)
}

/// An event's page; a draft is `NotFound` for everyone but its organisers.
pub async fn page(app: &App, actor: &Actor, id: EventId) -> AppResult<EventPage> {
    let mut conn = app.db().acquire().await?;
    let (event, is_organiser) = visible(conn.conn(), actor, id).await?;
    let mine = match actor.user() {
        Ok(u) => registrations::find_for_user(conn.conn(), id, u.id).await?,
        Err(_) => None,
    };
    let shows_streams = is_organiser || mine.as_ref().is_some_and(|r| r.state == RegistrationState::Approved);
    let speakers = events::speakers(conn.conn(), id).await?;
    let slots = events::slots(conn.conn(), id).await?;
    let agenda = events::sessions(conn.conn(), id)
        .await?
        .into_iter()
        .map(|mut session| {
            if !shows_streams {
                session.stream_url = None;
            }
            AgendaItem {
                speakers: speakers.iter().filter(|s| s.session_id == session.id).cloned().collect(),
                slots: slots.iter().filter(|s| s.session_id == session.id).count(),
                session,
            }
        })
        .collect();
    let places_left = match event.capacity {
        Some(c) => {
            let approved = registrations::count_in_state(conn.conn(), id, RegistrationState::Approved).await?;
            Some((i64::from(c) - approved).max(0))
        }
        None => None,
    };
    Ok(EventPage { organisers: events::organisers(conn.conn(), id).await?, agenda, mine, is_organiser, shows_streams, places_left, event })
}
