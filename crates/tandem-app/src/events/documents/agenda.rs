//! One participant's agenda as the file formats take it: the programme sessions and their
//! placed meetings, each with its slot's time, table (or "by video" with the session's stream
//! link), partner and the profile the meeting is about.

use super::{event_info, labels, Roster};
use crate::events::access::link;
use crate::events::meetings::meetings_path;
use crate::{App, AppResult};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use tandem_core::account::Locale;
use tandem_core::events::event::{Event, Session, Speaker};
use tandem_core::events::registration::Registration;
use tandem_core::events::{EventState, MeetingState, SessionKind};
use tandem_core::{SessionId, SlotId};
use tandem_io::event_docs::{AgendaEntry, EntryKind, PersonalAgenda};
use tandem_store::meetings::ParticipantMeeting;
use tandem_store::{events, meetings, Conn};

/// A participant's agenda and how many of their meetings it leaves out.
pub(crate) struct Built {
    /// The agenda.
    pub agenda: PersonalAgenda,
    /// Accepted meetings not on it: without a slot yet, or placed but not published.
    pub waiting: usize,
}

/// The agenda of `r` at `event`. `reveal`: placed meetings are shown (false while an
/// auto-scheduled event's agenda is unpublished, for everyone but its organisers).
pub(crate) async fn build(mut conn: Conn<'_>, app: &App, event: &Event, r: &Registration, reveal: bool, locale: Locale) -> AppResult<Built> {
    let roster = Roster::load(conn.reborrow(), event.id).await?;
    let sessions = events::sessions(conn.reborrow(), event.id).await?;
    let speakers = events::speakers(conn.reborrow(), event.id).await?;
    let slot_sessions: HashMap<SlotId, SessionId> =
        events::slots(conn.reborrow(), event.id).await?.into_iter().map(|s| (s.id, s.session_id)).collect();
    let stream_of = |slot: SlotId| {
        let session = slot_sessions.get(&slot)?;
        sessions.iter().find(|s| s.id == *session)?.stream_url.clone()
    };
    // A called-off event stays in subscribed calendars as cancelled entries, which clients remove.
    let frame = Frame { app, event, cancelled: event.state == EventState::Cancelled };

    // The matchmaking sessions are the frame of the meetings, which stand for them.
    let mut entries: Vec<AgendaEntry> = sessions
        .iter()
        .filter(|s| s.kind != SessionKind::Matchmaking)
        .map(|s| session_entry(&frame, s, &speakers, locale))
        .collect();
    let mut waiting = 0;
    for m in meetings::for_registration(conn, r.id).await? {
        if m.meeting.state != MeetingState::Accepted {
            continue;
        }
        match (m.meeting.slot_id, m.slot_starts_at, m.slot_ends_at) {
            (Some(slot), Some(start), Some(end)) if reveal => {
                let stream = m.meeting.table_number.is_none().then(|| stream_of(slot)).flatten();
                entries.push(meeting_entry(&frame, &m, &roster, (start, end), stream));
            }
            _ => waiting += 1,
        }
    }
    let agenda = PersonalAgenda {
        event: event_info(app, event),
        participant_name: r.display_name.clone(),
        organisation: roster.organisation(r.id),
        // The QR code holds the check-in link (as on the page), so an organiser's phone opens
        // the check-in at once; the code is printed beside it for staff to type in.
        checkin_code: r.checkin_code.clone(),
        checkin_link: crate::events::checkin::checkin_url(app, r),
        entries,
    };
    Ok(Built { agenda, waiting })
}

/// What every entry of one agenda shares.
struct Frame<'a> {
    app: &'a App,
    event: &'a Event,
    cancelled: bool,
}

fn session_entry(f: &Frame<'_>, s: &Session, speakers: &[Speaker], locale: Locale) -> AgendaEntry {
    let speakers = speakers
        .iter()
        .filter(|sp| sp.session_id == s.id)
        .map(|sp| match &sp.affiliation {
            Some(affiliation) => format!("{} ({affiliation})", sp.name),
            None => sp.name.clone(),
        })
        .collect();
    AgendaEntry {
        uid: format!("session-{}@tandem", s.id),
        // Sessions keep no revision count; subscribed clients replace the whole calendar.
        sequence: 0,
        updated_at: s.created_at,
        start: s.starts_at,
        end: s.ends_at,
        cancelled: f.cancelled,
        url: Some(link(f.app, &format!("/events/{}#session-{}", f.event.id, s.id))),
        kind: EntryKind::Session {
            title: s.title.clone(),
            kind_label: labels::session_kind(locale, s.kind).to_owned(),
            room: s.room.clone(),
            speakers,
            stream_url: s.stream_url.clone(),
        },
    }
}

fn meeting_entry(f: &Frame<'_>, m: &ParticipantMeeting, roster: &Roster, (start, end): (DateTime<Utc>, DateTime<Utc>), stream: Option<String>) -> AgendaEntry {
    let meeting = &m.meeting;
    AgendaEntry {
        // Stable across reschedules: clients update the entry in place, ordered by SEQUENCE.
        uid: format!("meeting-{}@tandem", meeting.id),
        sequence: u32::try_from(meeting.sequence).unwrap_or(0),
        updated_at: meeting.updated_at,
        start,
        end,
        cancelled: f.cancelled,
        url: Some(link(f.app, &format!("{}#meeting-{}", meetings_path(f.event.id), meeting.id))),
        kind: EntryKind::Meeting {
            partner_name: m.partner_name.clone(),
            partner_organisation: m.partner_org.clone().unwrap_or_default(),
            partner_city: roster.city(m.partner_id),
            profile_title: m.profile_title.clone(),
            table: meeting.table_number.and_then(|n| u32::try_from(n).ok()),
            remote_link: stream,
            message: meeting.message.clone(),
        },
    }
}
