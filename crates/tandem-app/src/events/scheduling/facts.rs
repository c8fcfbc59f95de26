//! Everything a scheduler run reads about an event, in a handful of queries: its slots and
//! sessions, the approved participants with their unavailability, and the accepted meetings.
//! Read once before solving and again, under locks, in the transaction that saves.

use std::collections::{HashMap, HashSet};
use tandem_core::events::event::{Event, Session, Slot};
use tandem_core::events::meeting::Meeting;
use tandem_core::events::RegistrationState;
use tandem_core::{RegistrationId, SlotId};
use tandem_store::registrations::{Listed, RegistrationFilter};
use tandem_store::{events, meetings, registrations, schedule_runs, Conn, StoreResult};

/// The facts about one event that scheduling depends on.
pub(crate) struct Facts {
    /// The event (tables, caps, agenda state).
    pub event: Event,
    /// The meeting slots, in time order.
    pub slots: Vec<Slot>,
    /// The sessions (per-session caps).
    pub sessions: Vec<Session>,
    /// The approved participants, by name.
    pub participants: Vec<Listed>,
    /// (participant, slot) pairs the participant is not available in.
    pub unavailable: HashSet<(RegistrationId, SlotId)>,
    /// The accepted meetings, oldest request first.
    pub meetings: Vec<Meeting>,
    by_id: HashMap<RegistrationId, usize>,
}

impl Facts {
    /// Reads the facts about `event` in the caller's connection or transaction.
    pub(crate) async fn load(mut conn: Conn<'_>, event: Event) -> StoreResult<Facts> {
        let slots = events::slots(conn.reborrow(), event.id).await?;
        let sessions = events::sessions(conn.reborrow(), event.id).await?;
        let approved = RegistrationFilter { states: vec![RegistrationState::Approved], ..RegistrationFilter::default() };
        let participants = registrations::list(conn.reborrow(), event.id, &approved).await?;
        let unavailable = schedule_runs::unavailability(conn.reborrow(), event.id).await?.into_iter().collect();
        let meetings = meetings::accepted_for_event(conn, event.id).await?;
        let by_id = participants.iter().enumerate().map(|(i, p)| (p.registration.id, i)).collect();
        Ok(Facts { event, slots, sessions, participants, unavailable, meetings, by_id })
    }

    /// An approved participant.
    pub(crate) fn participant(&self, id: RegistrationId) -> Option<&Listed> {
        self.by_id.get(&id).map(|&i| &self.participants[i])
    }

    /// A participant's name as lists and emails show it: "Name (Organisation)"; a participant
    /// who left shows as "" (the callers skip them).
    pub(crate) fn name(&self, id: RegistrationId) -> String {
        match self.participant(id) {
            Some(Listed { registration, org_name: Some(org), .. }) => format!("{} ({org})", registration.display_name),
            Some(l) => l.registration.display_name.clone(),
            None => String::new(),
        }
    }

    /// A slot of the event.
    pub(crate) fn slot(&self, id: SlotId) -> Option<&Slot> {
        self.slots.iter().find(|s| s.id == id)
    }
}
