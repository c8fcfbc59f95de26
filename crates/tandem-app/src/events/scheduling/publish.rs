//! Publishing the meeting agendas (issue 5, item 2): first a preliminary agenda for the
//! participants to check, then the final one. Publishing locks every placed meeting in its slot
//! and table, so a later run after late requests keeps them where they are, and emails every
//! approved participant their meetings with a link to their personal agenda. A final agenda
//! never becomes preliminary again; it may be published again after a later run (the new
//! meetings are locked too, and the participants have had the change emails already).

use super::facts::Facts;
use super::messages::{self, Line, Place};
use super::{my_agenda_path, schedulable, ScheduleRefusal};
use crate::events::access::{link, now, recipient};
use crate::events::meetings::{retrying, TxError};
use crate::partnering::notify;
use crate::{App, AppError, AppResult};
use tandem_core::events::AgendaState;
use tandem_core::policy::Actor;
use tandem_core::{EventId, RegistrationId};
use tandem_store::{events, schedule_runs};

/// What publishing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The agenda's state now.
    pub stage: AgendaState,
    /// Meetings locked now that were not before.
    pub locked: u64,
    /// Participants emailed.
    pub emailed: usize,
}

/// Publishes `event_id`'s meeting agendas as `stage` (`preliminary` or `final`; organisers
/// only, at events in the `auto` scheduling mode).
pub async fn publish(app: &App, actor: &Actor, event_id: EventId, stage: AgendaState) -> AppResult<Published> {
    if stage == AgendaState::Unpublished {
        return Err(ScheduleRefusal::UnknownStage.into());
    }
    retrying(|_| async move {
        let mut tx = app.db().begin().await?;
        schedulable(tx.conn(), actor, event_id).await?;
        // One publication at a time; the state is read again under the lock.
        events::lock(tx.conn(), event_id).await?;
        let event = events::get(tx.conn(), event_id).await?.ok_or(TxError::App(AppError::NotFound))?;
        if event.agenda_state == AgendaState::Final && stage == AgendaState::Preliminary {
            return Err(ScheduleRefusal::AlreadyFinal.into());
        }
        let facts = Facts::load(tx.conn(), event).await?;
        let agendas: Vec<(RegistrationId, Vec<Line>)> = facts.participants.iter().map(|l| (l.registration.id, agenda(&facts, l.registration.id))).collect();
        if agendas.iter().all(|(_, lines)| lines.is_empty()) {
            return Err(ScheduleRefusal::NothingPlaced.into());
        }
        let at = now();
        events::set_agenda_state(tx.conn(), event_id, stage, at).await?;
        let locked = schedule_runs::lock_placed(tx.conn(), event_id, at).await?;
        let path = link(app, &my_agenda_path(event_id));
        let is_final = stage == AgendaState::Final;
        for (who, lines) in &agendas {
            let Some(l) = facts.participant(*who) else { continue };
            let to = recipient(tx.conn(), &l.registration).await?;
            notify(tx.conn(), &[to], at, |locale, name| {
                messages::published(locale, name, &facts.event.name, facts.event.timezone, is_final, lines, &path)
            })
            .await?;
        }
        tx.commit().await?;
        Ok(Published { stage, locked, emailed: agendas.len() })
    })
    .await
}

/// A participant's placed meetings with other approved participants, in time order.
fn agenda(f: &Facts, who: RegistrationId) -> Vec<Line> {
    let mut lines: Vec<Line> = f
        .meetings
        .iter()
        .filter_map(|m| {
            let partner = m.partner_of(who)?;
            f.participant(partner)?;
            let slot = f.slot(m.slot_id?)?;
            Some(Line::Meeting { partner: f.name(partner), at: Place { starts_at: slot.starts_at, ends_at: slot.ends_at, table: m.table_number } })
        })
        .collect();
    lines.sort_by_key(Line::starts_at);
    lines
}
