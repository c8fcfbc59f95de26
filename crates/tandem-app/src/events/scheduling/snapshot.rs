//! An event's scheduling problem and its placements as they stand, in the formats of
//! bench/sched (`tandem schedule INSTANCE.json` reads the instance offline, check.py and
//! `tandem_schedule::validate` check the placements), with the ids behind the instance's.

use super::access;
use super::facts::Facts;
use super::instance::Built;
use crate::{App, AppResult};
use tandem_core::policy::Actor;
use tandem_core::{EventId, MeetingId, RegistrationId, SlotId};
use tandem_schedule::{Instance, ScheduleJson};

/// The instance, the placements and the mapping of ids.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// What the scheduler would be given now.
    pub instance: Instance,
    /// Where the instance's meetings sit now.
    pub schedule: ScheduleJson,
    /// Instance slot id → slot.
    pub slots: Vec<(String, SlotId)>,
    /// Instance participant id → registration.
    pub participants: Vec<(String, RegistrationId)>,
    /// Instance meeting id → meeting.
    pub meetings: Vec<(String, MeetingId)>,
}

/// The scheduling snapshot of `event_id`, for its organisers.
pub async fn snapshot(app: &App, actor: &Actor, event_id: EventId) -> AppResult<Snapshot> {
    let mut conn = app.db().acquire().await?;
    let (event, _guard) = access::organised(conn.conn(), actor, event_id).await?;
    let facts = Facts::load(conn.conn(), event).await?;
    let built = Built::new(&facts);
    let i = &built.instance;
    Ok(Snapshot {
        schedule: built.current(&facts),
        slots: i.slots.iter().filter_map(|s| Some((s.id.clone(), built.index.slot(&s.id)?))).collect(),
        participants: i.participants.iter().filter_map(|p| Some((p.id.clone(), built.index.participant(&p.id)?))).collect(),
        meetings: i.meetings.iter().filter_map(|m| Some((m.id.clone(), built.index.meeting(&m.id)?))).collect(),
        instance: built.instance,
    })
}
