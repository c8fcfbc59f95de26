//! Requesting a meeting, accepting, declining and cancelling (issue 5, item 2).
//!
//! Each is one transaction that locks both participants first, so the rules that count —
//! one open request or meeting per pair, the cap on pending requests, the caps on meetings —
//! hold when many act at once. Emails leave through the outbox in the same transaction.

use super::messages::{self, place_line, slot_time};
use super::slots::place_in;
use super::{booking_open, cap_of, event, link, meetings_path, now, organiser, participant, participants_path, recipient, reload, retrying, TxError, TxResult};
use crate::partnering::notify;
use crate::{App, AppError, AppResult};
use tandem_core::events::event::Event;
use tandem_core::events::meeting::{expires_at, validate_message, validate_reason, Meeting, MeetingRefusal, Placement};
use tandem_core::events::registration::Registration;
use tandem_core::events::{MeetingState, RegistrationState, RequestMode, SchedulingMode};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{EventId, MeetingId, ProfileId, RegistrationId, SlotId};
use tandem_store::{events, meetings, registrations, Conn};


/// What a participant sends when asking another for a meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestInput {
    /// The participant asked.
    pub receiver: RegistrationId,
    /// The profile the meeting is about (one either of them brought).
    pub profile: Option<ProfileId>,
    /// A message (optional).
    pub message: Option<String>,
    /// At events that accept requests automatically and let participants pick slots: the slot
    /// to book at once (optional; otherwise either party picks one later).
    pub slot: Option<SlotId>,
}

/// Refuses when `r` already has as many accepted meetings as they may have.
async fn check_cap(conn: Conn<'_>, event: &Event, r: &Registration, refusal: fn(i64) -> MeetingRefusal) -> TxResult<()> {
    if let Some(max) = cap_of(event, r)
        && meetings::accepted_count(conn, r.id).await? >= max
    {
        return Err(refusal(max).into());
    }
    Ok(())
}

/// The other participant of a request: approved, at the same event, not oneself.
async fn receiver_of(conn: Conn<'_>, me: &Registration, id: RegistrationId) -> TxResult<Registration> {
    if id == me.id {
        return Err(MeetingRefusal::OwnRequest.into());
    }
    match registrations::get(conn, id).await? {
        Some(r) if r.event_id == me.event_id && r.state == RegistrationState::Approved => Ok(r),
        _ => Err(MeetingRefusal::PartnerNotParticipant.into()),
    }
}

/// The profile must be one that either party brought to the event.
async fn check_profile(mut conn: Conn<'_>, profile: Option<ProfileId>, a: RegistrationId, b: RegistrationId) -> TxResult<()> {
    let Some(profile) = profile else { return Ok(()) };
    for r in [a, b] {
        if registrations::profiles(conn.reborrow(), r).await?.contains(&profile) {
            return Ok(());
        }
    }
    Err(MeetingRefusal::ProfileNotLinked.into())
}

/// Tells each `(recipient, partner)` that their meeting is confirmed, with the time in the
/// recipient's language and the table when it is placed.
async fn send_confirmed(
    mut conn: Conn<'_>,
    app: &App,
    event: &Event,
    told: &[(&Registration, &Registration)],
    placed: Option<(SlotId, Placement)>,
) -> TxResult<()> {
    let slot = match placed {
        Some((id, _)) => events::slot(conn.reborrow(), id).await?,
        None => None,
    };
    let table = placed.and_then(|(_, p)| p.table());
    let path = link(app, &meetings_path(event.id));
    for (me, partner) in told {
        let to = recipient(conn.reborrow(), me).await?;
        let when = slot.as_ref().map(|s| slot_time(to.locale, event.timezone, s.starts_at, s.ends_at));
        let place = place_line(to.locale, when.as_deref(), table);
        notify(conn.reborrow(), &[to], now(), |locale, name| messages::confirmed(locale, name, &event.name, &partner.display_name, &place, &path))
            .await?;
    }
    Ok(())
}

/// Asks another participant of `event_id` for a meeting. The mode follows attendance (both at
/// the venue: at a table; anyone online: by video). In the approval mode the receiver is emailed
/// and the request expires after the event's expiry; in the automatic mode it is a meeting at
/// once (booked into `input.slot` when given) and both are emailed.
pub async fn request(app: &App, actor: &Actor, event_id: EventId, input: &RequestInput) -> AppResult<Meeting> {
    let message = validate_message(input.message.as_deref())?;
    retrying(|raced| {
        let message = message.clone();
        async move {
            let mut tx = app.db().begin().await?;
            let event = event(tx.conn(), event_id).await?;
            let me = participant(tx.conn(), actor, event_id).await?;
            booking_open(&event)?;
            let receiver = receiver_of(tx.conn(), &me, input.receiver).await?;
            meetings::lock_participants(tx.conn(), me.id, Some(receiver.id)).await?;
            let now = now();
            if meetings::open_between(tx.conn(), me.id, receiver.id, now).await? > 0 {
                return Err(MeetingRefusal::PairOpen.into());
            }
            let automatic = event.request_mode == RequestMode::Automatic;
            let max_pending = i64::from(event.max_pending_requests);
            if !automatic && meetings::pending_count(tx.conn(), me.id, now).await? >= max_pending {
                return Err(MeetingRefusal::TooManyPending(max_pending).into());
            }
            check_cap(tx.conn(), &event, &me, MeetingRefusal::OwnAgendaFull).await?;
            check_cap(tx.conn(), &event, &receiver, MeetingRefusal::PartnerAgendaFull).await?;
            check_profile(tx.conn(), input.profile, me.id, receiver.id).await?;
            if input.slot.is_some() && !(automatic && event.scheduling_mode == SchedulingMode::PickSlot) {
                return Err(MeetingRefusal::SlotNotPicked.into());
            }
            let m = Meeting {
                profile_id: input.profile,
                state: if automatic { MeetingState::Accepted } else { MeetingState::Requested },
                expires_at: (!automatic).then(|| expires_at(now, i64::from(event.request_expiry_minutes))),
                responded_at: automatic.then_some(now),
                ..Meeting::request(&me, &receiver, message, now)
            };
            meetings::insert(tx.conn(), &m).await?;
            if automatic {
                let placed = match input.slot {
                    Some(slot) => Some((slot, place_in(tx.conn(), &event, &m, &receiver, &me, slot, raced).await?)),
                    None => None,
                };
                send_confirmed(tx.conn(), app, &event, &[(&me, &receiver), (&receiver, &me)], placed).await?;
            } else {
                let to = recipient(tx.conn(), &receiver).await?;
                let path = link(app, &meetings_path(event_id));
                let from = match &me.org_id {
                    Some(org) => match tandem_store::organisations::get(tx.conn(), *org).await? {
                        Some(o) => format!("{} ({})", me.display_name, o.name),
                        None => me.display_name.clone(),
                    },
                    None => me.display_name.clone(),
                };
                notify(tx.conn(), &[to], now, |locale, name| messages::requested(locale, name, &event.name, &from, m.message.as_deref(), &path))
                    .await?;
            }
            let stored = reload(tx.conn(), m.id).await?;
            tx.commit().await?;
            Ok(stored)
        }
    })
    .await
}

/// A meeting with its event and both parties, read in the caller's transaction.
struct Loaded {
    event: Event,
    requester: Registration,
    receiver: Registration,
}

async fn load(mut conn: Conn<'_>, id: MeetingId) -> TxResult<Loaded> {
    let meeting = meetings::get(conn.reborrow(), id).await?.ok_or(TxError::App(AppError::NotFound))?;
    let event = event(conn.reborrow(), meeting.event_id).await?;
    let requester = registrations::get(conn.reborrow(), meeting.requester_id).await?.ok_or(TxError::App(AppError::NotFound))?;
    let receiver = registrations::get(conn, meeting.receiver_id).await?.ok_or(TxError::App(AppError::NotFound))?;
    Ok(Loaded { event, requester, receiver })
}

/// True when the actor is the user behind `r`.
fn is_user_of(actor: &Actor, r: &Registration) -> bool {
    actor.user().is_ok_and(|u| u.id == r.user_id)
}

/// Only the receiver answers a request.
fn receiver_only(actor: &Actor, l: &Loaded) -> TxResult<()> {
    actor.user()?;
    if is_user_of(actor, &l.receiver) { Ok(()) } else { Err(Denied::Forbidden.into()) }
}

/// The receiver accepts a request. At pick-slot events they choose `slot` (one where both are
/// available and free and a table is left); at auto-scheduled events `slot` must be `None` and
/// the organiser's scheduler places the meeting later. The requester is emailed.
pub async fn accept(app: &App, actor: &Actor, meeting: MeetingId, slot: Option<SlotId>) -> AppResult<Meeting> {
    retrying(|raced| async move {
        let mut tx = app.db().begin().await?;
        let l = load(tx.conn(), meeting).await?;
        receiver_only(actor, &l)?;
        booking_open(&l.event)?;
        // A requester who has left the event (cancelled, declined) cannot be met.
        if l.requester.state != RegistrationState::Approved {
            return Err(MeetingRefusal::PartnerNotParticipant.into());
        }
        meetings::lock_participants(tx.conn(), l.requester.id, Some(l.receiver.id)).await?;
        // Read again under the lock: the requester may have cancelled meanwhile.
        let m = reload(tx.conn(), meeting).await?;
        let now = now();
        if m.state != MeetingState::Requested || m.expires_at.is_some_and(|at| at <= now) {
            return Err(MeetingRefusal::NotRequested.into());
        }
        check_cap(tx.conn(), &l.event, &l.receiver, MeetingRefusal::OwnAgendaFull).await?;
        check_cap(tx.conn(), &l.event, &l.requester, MeetingRefusal::PartnerAgendaFull).await?;
        let slot = match (l.event.scheduling_mode, slot) {
            (SchedulingMode::PickSlot, Some(slot)) => Some(slot),
            (SchedulingMode::PickSlot, None) => return Err(MeetingRefusal::SlotRequired.into()),
            (SchedulingMode::Auto, Some(_)) => return Err(MeetingRefusal::SlotNotPicked.into()),
            (SchedulingMode::Auto, None) => None,
        };
        if meetings::respond(tx.conn(), meeting, MeetingState::Accepted, None, now).await? == 0 {
            return Err(MeetingRefusal::NotRequested.into());
        }
        let placed = match slot {
            Some(slot) => Some((slot, place_in(tx.conn(), &l.event, &m, &l.receiver, &l.requester, slot, raced).await?)),
            None => None,
        };
        // The receiver knows: they just accepted. Only the requester is told.
        send_confirmed(tx.conn(), app, &l.event, &[(&l.requester, &l.receiver)], placed).await?;
        let stored = reload(tx.conn(), meeting).await?;
        tx.commit().await?;
        Ok(stored)
    })
    .await
}

/// The receiver declines a request, with an optional reason the requester is emailed.
pub async fn decline(app: &App, actor: &Actor, meeting: MeetingId, reason: Option<&str>) -> AppResult<Meeting> {
    let reason = validate_reason(reason)?;
    retrying(|_| {
        let reason = reason.clone();
        async move {
            let mut tx = app.db().begin().await?;
            let l = load(tx.conn(), meeting).await?;
            receiver_only(actor, &l)?;
            let now = now();
            if meetings::respond(tx.conn(), meeting, MeetingState::Declined, reason.as_deref(), now).await? == 0 {
                return Err(MeetingRefusal::NotRequested.into());
            }
            let to = recipient(tx.conn(), &l.requester).await?;
            let path = link(app, &participants_path(l.event.id));
            let partner = l.receiver.display_name.clone();
            notify(tx.conn(), &[to], now, |locale, name| messages::declined(locale, name, &l.event.name, &partner, reason.as_deref(), &path))
                .await?;
            let stored = reload(tx.conn(), meeting).await?;
            tx.commit().await?;
            Ok(stored)
        }
    })
    .await
}

/// Cancels a request or meeting: either party may (the other is emailed), and the event's
/// organisers (both are emailed). Its slot and table are freed.
pub async fn cancel(app: &App, actor: &Actor, meeting: MeetingId, reason: Option<&str>) -> AppResult<Meeting> {
    let reason = validate_reason(reason)?;
    retrying(|_| {
        let reason = reason.clone();
        async move {
            let mut tx = app.db().begin().await?;
            let l = load(tx.conn(), meeting).await?;
            let by_requester = is_user_of(actor, &l.requester);
            let by_party = by_requester || is_user_of(actor, &l.receiver);
            if !by_party {
                actor.user()?;
                organiser(tx.conn(), actor, l.event.id).await?;
            }
            meetings::lock_participants(tx.conn(), l.requester.id, Some(l.receiver.id)).await?;
            let now = now();
            if meetings::cancel(tx.conn(), meeting, reason.as_deref(), now).await? == 0 {
                return Err(MeetingRefusal::NotOpen.into());
            }
            tandem_store::bookings::unbook(tx.conn(), meeting, now).await?;
            super::reminders::withdraw_for_meeting(tx.conn(), meeting, now).await?;
            // Parties tell the other; an organiser tells both.
            let told: Vec<(&Registration, &Registration)> = match (by_party, by_requester) {
                (true, true) => vec![(&l.receiver, &l.requester)],
                (true, false) => vec![(&l.requester, &l.receiver)],
                (false, _) => vec![(&l.receiver, &l.requester), (&l.requester, &l.receiver)],
            };
            let path = link(app, &meetings_path(l.event.id));
            for (to, partner) in told {
                let to = recipient(tx.conn(), to).await?;
                notify(tx.conn(), &[to], now, |locale, name| {
                    messages::cancelled(locale, name, &l.event.name, &partner.display_name, reason.as_deref(), &path)
                })
                .await?;
            }
            let stored = reload(tx.conn(), meeting).await?;
            tx.commit().await?;
            Ok(stored)
        }
    })
    .await
}
