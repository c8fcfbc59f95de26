//! The organisers' view of who comes (issue 5, item 1): the participant list with filters, one
//! registration with its answers, booth tables and personal caps on meetings, and the numbers
//! of the event's dashboard.
//!
//! Answers to the custom questions are seen by the organisers and by the participant who gave
//! them, by no one else.

use super::access::{now, organised};
use super::registration::{own, OwnRegistration};
use crate::{App, AppError, AppResult};
use tandem_core::events::event::{optional_number, Event, Slot, MEETINGS_MAX};
use tandem_core::events::registration::Question;
use tandem_core::events::RegistrationState;
use tandem_core::policy::Actor;
use tandem_core::validation::ValidationErrors;
use tandem_core::{EventId, RegistrationId};
use tandem_store::events::OrganiserListing;
use tandem_store::registrations;
/// The participant list's rows and filter, for pages and the API (which do not see the store).
pub use tandem_store::registrations::{Listed, RegistrationFilter};
use tandem_store::{events, meetings, profiles};

/// The participant list for the organisers, filtered.
pub async fn list(app: &App, actor: &Actor, event: EventId, filter: &RegistrationFilter) -> AppResult<(Event, Vec<Listed>)> {
    let mut conn = app.db().acquire().await?;
    let (event, _guard) = organised(conn.conn(), actor, event).await?;
    let list = registrations::list(conn.conn(), event.id, filter).await?;
    Ok((event, list))
}

/// One registration in full: its answers with their questions and the titles of the profiles
/// brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationDetail {
    /// The event.
    pub event: Event,
    /// Everything the participant entered.
    pub own: OwnRegistration,
    /// The event's questions (answers refer to them).
    pub questions: Vec<Question>,
    /// Titles of the profiles brought, in the order of `own.profiles`.
    pub profile_titles: Vec<String>,
    /// The event's meeting slots (unavailability refers to them).
    pub slots: Vec<Slot>,
    /// The viewer organises the event.
    pub by_organiser: bool,
}

/// One registration, for the event's organisers and the participant themself; anyone else is
/// told it does not exist.
pub async fn detail(app: &App, actor: &Actor, id: RegistrationId) -> AppResult<RegistrationDetail> {
    let user = actor.user()?;
    let mut conn = app.db().acquire().await?;
    let r = registrations::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    let event = events::get(conn.conn(), r.event_id).await?.ok_or(AppError::NotFound)?;
    let by_organiser = organised(conn.conn(), actor, r.event_id).await.is_ok();
    if !by_organiser && r.user_id != user.id {
        return Err(AppError::NotFound);
    }
    let questions = registrations::questions(conn.conn(), r.event_id).await?;
    let own = own(conn.conn(), r).await?;
    let mut profile_titles = Vec::new();
    for p in &own.profiles {
        profile_titles.push(profiles::get(conn.conn(), *p).await?.map(|p| p.content.title).unwrap_or_default());
    }
    let slots = events::slots(conn.conn(), event.id).await?;
    Ok(RegistrationDetail { event, own, questions, profile_titles, slots, by_organiser })
}

/// Gives a participant a booth table (1..=tables, one participant per table) and a personal
/// cap on meetings; blank values clear them.
pub async fn set_booth(app: &App, actor: &Actor, id: RegistrationId, booth: &str, max_meetings: &str) -> AppResult<()> {
    let mut tx = app.db().begin().await?;
    let r = registrations::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    let (event, _guard) = organised(tx.conn(), actor, r.event_id).await?;
    let mut errors = ValidationErrors::default();
    let table = if event.tables == 0 && !booth.trim().is_empty() {
        errors.add("booth_table", "no_tables", "this event has no numbered tables; add tables in the event's details first");
        None
    } else {
        optional_number(&mut errors, "booth_table", booth, 1..=event.tables.max(1))
    };
    let cap = optional_number(&mut errors, "max_meetings", max_meetings, 1..=MEETINGS_MAX);
    if let Some(t) = table
        && let Some(holder) = registrations::booth_holder(tx.conn(), event.id, t).await?
        && holder != id
    {
        errors.add("booth_table", "booth_taken", format!("table {t} is already another participant's booth"));
    }
    // A booth is where its holder receives every meeting: others' meetings already placed at
    // that table would share it with them.
    if let Some(t) = table
        && meetings::accepted_for_event(tx.conn(), event.id).await?.iter().any(|m| m.table_number == Some(t) && !m.involves(id))
    {
        errors.add("booth_table", "booth_has_meetings", format!("other participants' meetings are booked at table {t}; choose another table or move those meetings first"));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    registrations::set_booth(tx.conn(), id, table, cap, now()).await?;
    tx.commit().await?;
    Ok(())
}

/// The organisers' overview of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dashboard {
    /// The event.
    pub event: Event,
    /// Its organisers, main first.
    pub organisers: Vec<OrganiserListing>,
    /// Registrations per state (every state, zeros included).
    pub by_state: Vec<(RegistrationState, i64)>,
    /// Participants checked in.
    pub checked_in: i64,
    /// Sessions on the agenda.
    pub sessions: usize,
    /// Meeting slots.
    pub slots: usize,
    /// Custom questions.
    pub questions: Vec<Question>,
}

/// The dashboard, for organisers.
pub async fn dashboard(app: &App, actor: &Actor, id: EventId) -> AppResult<Dashboard> {
    let mut conn = app.db().acquire().await?;
    let (event, _guard) = organised(conn.conn(), actor, id).await?;
    let counts = registrations::state_counts(conn.conn(), id).await?;
    let by_state = RegistrationState::ALL
        .iter()
        .map(|s| (*s, counts.iter().find(|(c, _)| c == s).map(|(_, n)| *n).unwrap_or(0)))
        .collect();
    Ok(Dashboard {
        organisers: events::organisers(conn.conn(), id).await?,
        by_state,
        checked_in: registrations::count_checked_in(conn.conn(), id).await?,
        sessions: events::sessions(conn.conn(), id).await?.len(),
        slots: events::slots(conn.conn(), id).await?.len(),
        questions: registrations::questions(conn.conn(), id).await?,
        event,
    })
}
