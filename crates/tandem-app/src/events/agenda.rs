//! The agenda (issue 5, item 1): sessions with speakers; a matchmaking session's meeting slots
//! are (re)generated whenever it is saved (DOMAIN.md: "matchmaking sessions of 20–30 min slots
//! (15 min minimum)").
//!
//! Slots that carry meetings or bookings are never dropped: a change that would cut a booked
//! session's slots differently, or delete it, is refused with the reason. A change that keeps
//! the cut (title, room, stream link) keeps the slots, and with them everyone's availability.

use super::access::{now, organised};
use crate::{App, AppError, AppResult};
use tandem_core::events::agenda::{plan_slots, SessionDraft, SessionInput, SlotPlan, SpeakerDraft};
use tandem_core::events::event::{Session, Slot, Speaker};
use tandem_core::events::SessionKind;
use tandem_core::policy::Actor;
use tandem_core::{EventId, SessionId, SlotId, SpeakerId};
use tandem_store::{events, Conn};

/// A saved session and how it was cut into slots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSaved {
    /// The session.
    pub session: Session,
    /// Its meeting slots (matchmaking only).
    pub slots: usize,
    /// Minutes at its end too short for one more slot, dropped.
    pub dropped_minutes: i64,
}

fn session_from(id: SessionId, event: EventId, input: SessionInput, created_at: chrono::DateTime<chrono::Utc>) -> Session {
    Session {
        id,
        event_id: event,
        kind: input.kind,
        title: input.title,
        description: input.description,
        starts_at: input.starts_at,
        ends_at: input.ends_at,
        room: input.room,
        stream_url: input.stream_url,
        slot_minutes: input.slot_minutes,
        max_meetings: input.max_meetings,
        created_at,
    }
}

/// The slots `session` is cut into (none unless it is a matchmaking session).
fn cut(session: &Session) -> SlotPlan {
    match (session.kind, session.slot_minutes) {
        (SessionKind::Matchmaking, Some(minutes)) => plan_slots(session.starts_at, session.ends_at, minutes),
        _ => SlotPlan { slots: Vec::new(), dropped_minutes: 0 },
    }
}

/// Writes `session`'s slots unless they are cut as before; refuses when its current slots are
/// booked and would change.
async fn regenerate(mut conn: Conn<'_>, session: &Session) -> AppResult<SessionSaved> {
    let SlotPlan { slots: wanted, dropped_minutes } = cut(session);
    let current = events::session_slots(conn.reborrow(), session.id).await?;
    let same = current.len() == wanted.len() && current.iter().zip(&wanted).all(|(s, w)| (s.starts_at, s.ends_at) == *w);
    if !same {
        if events::booked_in_session(conn.reborrow(), session.id).await? > 0 {
            return Err(AppError::invalid(
                "slot_minutes",
                "slots_booked",
                "meetings are already booked in this session's slots: keep its times and slot length, or cancel those meetings first",
            ));
        }
        let slots: Vec<Slot> = wanted
            .iter()
            .map(|(starts_at, ends_at)| Slot {
                id: SlotId::new(),
                event_id: session.event_id,
                session_id: session.id,
                starts_at: *starts_at,
                ends_at: *ends_at,
            })
            .collect();
        events::replace_slots(conn, session.id, &slots).await?;
    }
    Ok(SessionSaved { session: session.clone(), slots: wanted.len(), dropped_minutes })
}

/// Adds a session to the agenda (a matchmaking session gets its slots at once).
pub async fn add_session(app: &App, actor: &Actor, event_id: EventId, draft: &SessionDraft) -> AppResult<SessionSaved> {
    let mut tx = app.db().begin().await?;
    let (event, _guard) = organised(tx.conn(), actor, event_id).await?;
    let input = draft.validate(&event)?;
    let session = session_from(SessionId::new(), event_id, input, now());
    events::insert_session(tx.conn(), &session).await?;
    let saved = regenerate(tx.conn(), &session).await?;
    tx.commit().await?;
    Ok(saved)
}

/// The session and its event's organiser check.
async fn organised_session(mut conn: Conn<'_>, actor: &Actor, id: SessionId) -> AppResult<(tandem_core::events::event::Event, Session)> {
    let session = events::session(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let (event, _guard) = organised(conn, actor, session.event_id).await?;
    Ok((event, session))
}

/// Changes a session; its slots are cut again when its times, kind or slot length changed.
pub async fn update_session(app: &App, actor: &Actor, id: SessionId, draft: &SessionDraft) -> AppResult<SessionSaved> {
    let mut tx = app.db().begin().await?;
    let (event, old) = organised_session(tx.conn(), actor, id).await?;
    let input = draft.validate(&event)?;
    let session = session_from(id, event.id, input, old.created_at);
    events::update_session(tx.conn(), &session).await?;
    let saved = regenerate(tx.conn(), &session).await?;
    tx.commit().await?;
    Ok(saved)
}

/// One session with its speakers, for the organiser's edit form.
pub async fn session(app: &App, actor: &Actor, id: SessionId) -> AppResult<(Session, Vec<Speaker>)> {
    let mut conn = app.db().acquire().await?;
    let (event, session) = organised_session(conn.conn(), actor, id).await?;
    let speakers = events::speakers(conn.conn(), event.id).await?.into_iter().filter(|s| s.session_id == id).collect();
    Ok((session, speakers))
}

/// Deletes a session with its speakers and slots, unless its slots carry meetings.
pub async fn delete_session(app: &App, actor: &Actor, id: SessionId) -> AppResult<Session> {
    let mut tx = app.db().begin().await?;
    let (_event, session) = organised_session(tx.conn(), actor, id).await?;
    if events::booked_in_session(tx.conn(), id).await? > 0 {
        return Err(AppError::invalid("session", "slots_booked", "meetings are booked in this session's slots; cancel them before deleting the session"));
    }
    events::delete_session(tx.conn(), id).await?;
    tx.commit().await?;
    Ok(session)
}

/// Adds a speaker to a session, after its others.
pub async fn add_speaker(app: &App, actor: &Actor, session_id: SessionId, draft: &SpeakerDraft) -> AppResult<Speaker> {
    let input = draft.validate()?;
    let mut tx = app.db().begin().await?;
    organised_session(tx.conn(), actor, session_id).await?;
    let speaker = Speaker { id: SpeakerId::new(), session_id, name: input.name, affiliation: input.affiliation, remote: input.remote, position: 0 };
    let stored = events::insert_speaker(tx.conn(), &speaker).await?;
    tx.commit().await?;
    Ok(stored)
}

/// Removes a speaker.
pub async fn remove_speaker(app: &App, actor: &Actor, id: SpeakerId) -> AppResult<Speaker> {
    let mut tx = app.db().begin().await?;
    let speaker = events::speaker(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    organised_session(tx.conn(), actor, speaker.session_id).await?;
    events::delete_speaker(tx.conn(), id).await?;
    tx.commit().await?;
    Ok(speaker)
}
