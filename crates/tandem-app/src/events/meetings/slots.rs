//! Slots for meetings (scheduling mode `pick_slot`; issue 5, item 2): where both participants
//! are available and free, the session's cap allows one more meeting for each, and — for a
//! meeting at the venue — a table is left (booth owners receive at their booth; 'either' goes by
//! video when no table is free). Also the participants' own availability.

use super::{booking_open, event, participant, reload, retrying, TxError, TxResult};
use crate::{App, AppError, AppResult};
use std::collections::{HashMap, HashSet};
use tandem_core::events::event::{Event, Slot};
use tandem_core::events::meeting::{place, shared_tables, Meeting, MeetingRefusal, Placement};
use tandem_core::events::registration::Registration;
use tandem_core::events::{MeetingMode, MeetingState, RegistrationState, SchedulingMode};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{EventId, MeetingId, SessionId, SlotId};
use tandem_store::{bookings, events, meetings, registrations, Conn, StoreError};

/// One party's facts about the slots.
struct Party {
    booth: Option<i32>,
    unavailable: HashSet<SlotId>,
    busy: Vec<SlotId>,
}

impl Party {
    async fn load(mut conn: Conn<'_>, r: &Registration) -> TxResult<Party> {
        Ok(Party {
            booth: r.booth_table,
            unavailable: registrations::unavailable_slots(conn.reborrow(), r.id).await?.into_iter().collect(),
            busy: bookings::busy_slots(conn, r.id).await?,
        })
    }
}

/// Everything that decides which slots suit a pair, read once in the caller's transaction.
pub(crate) struct SlotFacts {
    slots: Vec<Slot>,
    /// Session title and per-participant cap, by session.
    sessions: HashMap<SessionId, (String, Option<i32>)>,
    shared_tables: Vec<i32>,
    booked_tables: HashSet<(SlotId, i32)>,
    /// The receiver first: their booth is tried first.
    parties: [Party; 2],
}

impl SlotFacts {
    /// Reads the facts for a meeting between `receiver` and `requester` at `event`.
    pub(crate) async fn load(mut conn: Conn<'_>, event: &Event, receiver: &Registration, requester: &Registration) -> TxResult<SlotFacts> {
        let slots = events::slots(conn.reborrow(), event.id).await?;
        let sessions = events::sessions(conn.reborrow(), event.id)
            .await?
            .into_iter()
            .map(|s| (s.id, (s.title, s.max_meetings)))
            .collect();
        let booths: Vec<i32> = bookings::booths(conn.reborrow(), event.id).await?.into_iter().map(|(_, n)| n).collect();
        let booked_tables = bookings::table_bookings(conn.reborrow(), event.id).await?.into_iter().collect();
        let parties = [Party::load(conn.reborrow(), receiver).await?, Party::load(conn, requester).await?];
        Ok(SlotFacts { slots, sessions, shared_tables: shared_tables(event.tables, &booths), booked_tables, parties })
    }

    fn session_of(&self, slot: SlotId) -> Option<SessionId> {
        self.slots.iter().find(|s| s.id == slot).map(|s| s.session_id)
    }

    /// Where a meeting of `mode` would sit in `slot`, or why it cannot.
    pub(crate) fn check(&self, slot: SlotId, mode: MeetingMode) -> Result<Placement, MeetingRefusal> {
        let session = self.session_of(slot).ok_or(MeetingRefusal::UnknownSlot)?;
        if self.parties.iter().any(|p| p.unavailable.contains(&slot) || p.busy.contains(&slot)) {
            return Err(MeetingRefusal::SlotUnavailable);
        }
        if let Some(max) = self.sessions.get(&session).and_then(|(_, max)| *max) {
            let full = self.parties.iter().any(|p| p.busy.iter().filter(|b| self.session_of(**b) == Some(session)).count() as i64 >= i64::from(max));
            if full {
                return Err(MeetingRefusal::SessionFull(i64::from(max)));
            }
        }
        let booths = [self.parties[0].booth, self.parties[1].booth];
        place(mode, booths, &self.shared_tables, |n| !self.booked_tables.contains(&(slot, n))).ok_or(MeetingRefusal::NoTable)
    }

    /// Every slot a meeting of `mode` fits, in time order, with where it would sit.
    pub(crate) fn free(&self, mode: MeetingMode) -> Vec<FreeSlot> {
        self.slots
            .iter()
            .filter_map(|s| {
                let placement = self.check(s.id, mode).ok()?;
                let session_title = self.sessions.get(&s.session_id).map(|(t, _)| t.clone()).unwrap_or_default();
                Some(FreeSlot { slot: *s, session_title, table: placement.table() })
            })
            .collect()
    }
}

/// A slot a meeting fits in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeSlot {
    /// The slot.
    pub slot: Slot,
    /// Its session's title.
    pub session_title: String,
    /// The table it would get (None: by video).
    pub table: Option<i32>,
}

/// Checks `slot` for `meeting` and books it in the caller's transaction. A booking refused by
/// the booking tables' keys means another transaction got there first: [`TxError::Raced`], so
/// the whole use case runs again on fresh facts.
pub(crate) async fn place_in(
    mut conn: Conn<'_>,
    event: &Event,
    meeting: &Meeting,
    receiver: &Registration,
    requester: &Registration,
    slot: SlotId,
    raced: bool,
) -> TxResult<Placement> {
    let facts = SlotFacts::load(conn.reborrow(), event, receiver, requester).await?;
    let placement = match facts.check(slot, meeting.mode) {
        Ok(p) => p,
        // After a lost race the slot is gone for the reason the winner took it.
        Err(MeetingRefusal::SlotUnavailable | MeetingRefusal::NoTable | MeetingRefusal::SessionFull(_)) if raced => {
            return Err(MeetingRefusal::SlotTaken.into());
        }
        Err(refusal) => return Err(refusal.into()),
    };
    match bookings::book(conn, meeting.id, slot, placement.table(), super::now()).await {
        Ok(()) => Ok(placement),
        Err(StoreError::Duplicate { .. }) => Err(TxError::Raced),
        Err(e) => Err(e.into()),
    }
}

/// The meeting and both parties, for one of them (`Forbidden` for anyone else).
async fn party_view(mut conn: Conn<'_>, actor: &Actor, id: MeetingId) -> TxResult<(Event, Meeting, Registration, Registration)> {
    let m = meetings::get(conn.reborrow(), id).await?.ok_or(TxError::App(AppError::NotFound))?;
    let event = event(conn.reborrow(), m.event_id).await?;
    let me = participant(conn.reborrow(), actor, m.event_id).await.map_err(|_| TxError::from(Denied::Forbidden))?;
    if !m.involves(me.id) {
        return Err(Denied::Forbidden.into());
    }
    let receiver = registrations::get(conn.reborrow(), m.receiver_id).await?.ok_or(TxError::App(AppError::NotFound))?;
    let requester = registrations::get(conn, m.requester_id).await?.ok_or(TxError::App(AppError::NotFound))?;
    Ok((event, m, receiver, requester))
}

/// The slots a request or an unplaced meeting fits in, for either party: the list the receiver
/// picks from when accepting.
pub async fn free_slots(app: &App, actor: &Actor, meeting: MeetingId) -> AppResult<Vec<FreeSlot>> {
    let mut conn = app.db().acquire().await?;
    let (event, m, receiver, requester) = party_view(conn.conn(), actor, meeting).await?;
    if event.scheduling_mode != SchedulingMode::PickSlot || m.slot_id.is_some() || !m.state.is_open() {
        return Ok(Vec::new());
    }
    let facts = SlotFacts::load(conn.conn(), &event, &receiver, &requester).await?;
    Ok(facts.free(m.mode))
}

/// Either party picks the slot of an accepted meeting that has none yet (pick-slot events whose
/// requests are accepted automatically).
pub async fn book_slot(app: &App, actor: &Actor, meeting: MeetingId, slot: SlotId) -> AppResult<Meeting> {
    retrying(|raced| async move {
        let mut tx = app.db().begin().await?;
        let (event, m, receiver, requester) = party_view(tx.conn(), actor, meeting).await?;
        booking_open(&event)?;
        if [&receiver, &requester].iter().any(|r| r.state != RegistrationState::Approved) {
            return Err(MeetingRefusal::PartnerNotParticipant.into());
        }
        if event.scheduling_mode != SchedulingMode::PickSlot {
            return Err(MeetingRefusal::SlotNotPicked.into());
        }
        meetings::lock_participants(tx.conn(), m.requester_id, Some(m.receiver_id)).await?;
        let m = reload(tx.conn(), meeting).await?;
        if m.state != MeetingState::Accepted {
            return Err(MeetingRefusal::NotAccepted.into());
        }
        if m.slot_id.is_some() {
            return Err(MeetingRefusal::AlreadyPlaced.into());
        }
        place_in(tx.conn(), &event, &m, &receiver, &requester, slot, raced).await?;
        let m = reload(tx.conn(), meeting).await?;
        tx.commit().await?;
        Ok(m)
    })
    .await
}

/// One slot as the availability form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotAvailability {
    /// The slot.
    pub slot: Slot,
    /// Its session's title.
    pub session_title: String,
    /// The participant is available in it.
    pub available: bool,
    /// The participant has a meeting in it (it cannot be marked unavailable).
    pub has_meeting: bool,
}

/// The actor's availability in each meeting slot of `event`.
pub async fn availability(app: &App, actor: &Actor, event_id: EventId) -> AppResult<Vec<SlotAvailability>> {
    let mut conn = app.db().acquire().await?;
    let me = participant(conn.conn(), actor, event_id).await?;
    let sessions: HashMap<SessionId, String> =
        events::sessions(conn.conn(), event_id).await?.into_iter().map(|s| (s.id, s.title)).collect();
    let unavailable: HashSet<SlotId> = registrations::unavailable_slots(conn.conn(), me.id).await?.into_iter().collect();
    let busy: HashSet<SlotId> = bookings::busy_slots(conn.conn(), me.id).await?.into_iter().collect();
    Ok(events::slots(conn.conn(), event_id)
        .await?
        .into_iter()
        .map(|slot| SlotAvailability {
            session_title: sessions.get(&slot.session_id).cloned().unwrap_or_default(),
            available: !unavailable.contains(&slot.id),
            has_meeting: busy.contains(&slot.id),
            slot,
        })
        .collect())
}

/// Sets the slots the actor is not available in (every other slot: available). A slot with one
/// of their meetings cannot be marked unavailable.
pub async fn set_availability(app: &App, actor: &Actor, event_id: EventId, unavailable: &[SlotId]) -> AppResult<()> {
    let mut wanted: Vec<SlotId> = unavailable.to_vec();
    wanted.sort();
    wanted.dedup();
    retrying(|_| {
        let wanted = wanted.clone();
        async move {
            let mut tx = app.db().begin().await?;
            let me = participant(tx.conn(), actor, event_id).await?;
            // No meeting may be booked into a slot while it is being marked unavailable.
            meetings::lock_participants(tx.conn(), me.id, None).await?;
            let known: HashSet<SlotId> = events::slots(tx.conn(), event_id).await?.into_iter().map(|s| s.id).collect();
            if wanted.iter().any(|s| !known.contains(s)) {
                return Err(MeetingRefusal::UnknownSlot.into());
            }
            let busy = bookings::busy_slots(tx.conn(), me.id).await?;
            if wanted.iter().any(|s| busy.contains(s)) {
                return Err(MeetingRefusal::SlotHasMeeting.into());
            }
            registrations::replace_unavailable(tx.conn(), me.id, &wanted).await?;
            tx.commit().await?;
            Ok(())
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, Utc};
    use tandem_core::SessionId;

    fn facts(tables: i32, booths: [Option<i32>; 2], session_max: Option<i32>) -> SlotFacts {
        let session = SessionId::new();
        let start = Utc::now();
        let slots: Vec<Slot> = (0..3)
            .map(|i| Slot {
                id: SlotId::new(),
                event_id: EventId::new(),
                session_id: session,
                starts_at: start + Duration::minutes(30 * i),
                ends_at: start + Duration::minutes(30 * i + 30),
            })
            .collect();
        let all_booths: Vec<i32> = booths.iter().flatten().copied().collect();
        let party = |booth| Party { booth, unavailable: HashSet::new(), busy: Vec::new() };
        SlotFacts {
            slots,
            sessions: HashMap::from([(session, ("B2B".to_owned(), session_max))]),
            shared_tables: shared_tables(tables, &all_booths),
            booked_tables: HashSet::new(),
            parties: [party(booths[0]), party(booths[1])],
        }
    }

    #[test]
    fn a_slot_where_either_party_is_unavailable_or_busy_is_not_offered() {
        let mut f = facts(2, [None, None], None);
        let (s0, s1) = (f.slots[0].id, f.slots[1].id);
        f.parties[0].unavailable.insert(s0);
        f.parties[1].busy.push(s1);
        assert_eq!(f.check(s0, MeetingMode::Onsite), Err(MeetingRefusal::SlotUnavailable));
        assert_eq!(f.check(s1, MeetingMode::Remote), Err(MeetingRefusal::SlotUnavailable));
        assert_eq!(f.free(MeetingMode::Onsite).len(), 1);
        assert_eq!(f.check(SlotId::new(), MeetingMode::Onsite), Err(MeetingRefusal::UnknownSlot));
    }

    #[test]
    fn the_sessions_cap_counts_meetings_in_that_session() {
        let mut f = facts(2, [None, None], Some(1));
        let (s0, s1) = (f.slots[0].id, f.slots[1].id);
        f.parties[1].busy.push(s0);
        assert_eq!(f.check(s1, MeetingMode::Onsite), Err(MeetingRefusal::SessionFull(1)));
    }

    #[test]
    fn the_last_table_and_then_video_or_nothing() {
        let mut f = facts(1, [None, None], None);
        let s0 = f.slots[0].id;
        assert_eq!(f.check(s0, MeetingMode::Onsite), Ok(Placement::Table(1)));
        f.booked_tables.insert((s0, 1));
        assert_eq!(f.check(s0, MeetingMode::Onsite), Err(MeetingRefusal::NoTable));
        assert_eq!(f.check(s0, MeetingMode::Either), Ok(Placement::Remote));
        assert_eq!(f.check(s0, MeetingMode::Remote), Ok(Placement::Remote));
    }

    #[test]
    fn the_receivers_booth_comes_first() {
        let f = facts(4, [Some(4), Some(3)], None);
        assert_eq!(f.shared_tables, vec![1, 2]);
        assert_eq!(f.check(f.slots[0].id, MeetingMode::Onsite), Ok(Placement::Table(4)));
    }
}
