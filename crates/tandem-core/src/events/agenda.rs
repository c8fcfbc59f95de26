//! The agenda's forms and the slots of matchmaking sessions (DOMAIN.md, "Brokerage events":
//! "matchmaking sessions of 20–30 min slots (15 min minimum), two sessions (morning,
//! afternoon)").
//!
//! A matchmaking session is cut into back-to-back slots of its slot length from its start; a
//! remainder shorter than a slot is dropped (and the organiser is told how many minutes).

use super::event::{optional_number, parse_local, Event, DESCRIPTION_MAX, MEETINGS_MAX, PLACE_MAX};
use super::{SessionKind, MIN_SLOT_MINUTES};
use crate::directory::is_web_url;
use crate::validation::{optional_text, required_text, ValidationErrors};
use chrono::{DateTime, Duration, Utc};

/// Longest session title.
pub const TITLE_MAX: usize = 200;
/// Longest stream link.
pub const URL_MAX: usize = 500;
/// Longest speaker name.
pub const SPEAKER_NAME_MAX: usize = 120;
/// Longest slot (a meeting of more than two hours is not a B2B slot).
pub const MAX_SLOT_MINUTES: i32 = 120;

/// A session as the organiser's form submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionDraft {
    /// Kind key.
    pub kind: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Local start in the event's time zone.
    pub starts_at: String,
    /// Local end.
    pub ends_at: String,
    /// Room.
    pub room: Option<String>,
    /// Stream link.
    pub stream_url: Option<String>,
    /// Matchmaking: slot minutes.
    pub slot_minutes: String,
    /// Matchmaking: most meetings per participant in this session.
    pub max_meetings: String,
}

/// A validated session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInput {
    /// Kind.
    pub kind: SessionKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// Room.
    pub room: Option<String>,
    /// Stream link.
    pub stream_url: Option<String>,
    /// Slot minutes (matchmaking only).
    pub slot_minutes: Option<i32>,
    /// Most meetings per participant (matchmaking only).
    pub max_meetings: Option<i32>,
}

impl SessionDraft {
    /// Checks the fields; the session must end after it starts and lie within the event; a
    /// matchmaking session needs a slot length of at least [`MIN_SLOT_MINUTES`] that fits at
    /// least once. Other kinds keep no slot settings.
    pub fn validate(&self, event: &Event) -> Result<SessionInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let kind = SessionKind::from_key(&self.kind);
        if kind.is_none() {
            errors.add("kind", "invalid_choice", format!("kind must be one of: {}", SessionKind::keys_list()));
        }
        let title = required_text(&mut errors, "title", &self.title, TITLE_MAX);
        let description = optional_text(&mut errors, "description", self.description.as_deref(), DESCRIPTION_MAX);
        let room = optional_text(&mut errors, "room", self.room.as_deref(), PLACE_MAX);
        let stream_url = optional_text(&mut errors, "stream_url", self.stream_url.as_deref(), URL_MAX);
        if stream_url.as_deref().is_some_and(|u| !is_web_url(u)) {
            errors.add("stream_url", "invalid_url", "the stream link must start with https:// or http:// and name a host");
        }
        let starts_at = parse_local(&mut errors, "starts_at", &self.starts_at, event.timezone);
        let ends_at = parse_local(&mut errors, "ends_at", &self.ends_at, event.timezone);
        if let (Some(start), Some(end)) = (starts_at, ends_at) {
            if end <= start {
                errors.add("ends_at", "ends_before_start", "the session must end after it starts");
            } else if start < event.starts_at || end > event.ends_at {
                errors.add(
                    "starts_at",
                    "outside_event",
                    format!("the session must lie within the event, {} to {}", event.local(event.starts_at), event.local(event.ends_at)),
                );
            }
        }
        let (mut slot_minutes, mut max_meetings) = (None, None);
        if kind == Some(SessionKind::Matchmaking) {
            slot_minutes = optional_number(&mut errors, "slot_minutes", &self.slot_minutes, MIN_SLOT_MINUTES as i32..=MAX_SLOT_MINUTES);
            if self.slot_minutes.trim().is_empty() {
                errors.add("slot_minutes", "required", format!("a matchmaking session needs a slot length of at least {MIN_SLOT_MINUTES} minutes"));
            }
            max_meetings = optional_number(&mut errors, "max_meetings", &self.max_meetings, 1..=MEETINGS_MAX);
            if let (Some(start), Some(end), Some(minutes)) = (starts_at, ends_at, slot_minutes)
                && end > start
                && plan_slots(start, end, minutes).slots.is_empty()
            {
                errors.add("slot_minutes", "no_slot_fits", format!("a {minutes}-minute slot does not fit into this session; make it longer or the slots shorter"));
            }
        }
        let (Some(kind), Some(starts_at), Some(ends_at)) = (kind, starts_at, ends_at) else {
            return Err(errors);
        };
        errors.into_result(SessionInput { kind, title, description, starts_at, ends_at, room, stream_url, slot_minutes, max_meetings })
    }
}

/// The slots a matchmaking session is cut into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotPlan {
    /// (start, end) of each slot, back to back from the session's start.
    pub slots: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    /// Minutes at the end of the session too short for one more slot (dropped).
    pub dropped_minutes: i64,
}

/// Cuts `start..end` into slots of `minutes`; the last partial slot is dropped.
pub fn plan_slots(start: DateTime<Utc>, end: DateTime<Utc>, minutes: i32) -> SlotPlan {
    let length = Duration::minutes(i64::from(minutes.max(1)));
    let mut slots = Vec::new();
    let mut at = start;
    while at + length <= end {
        slots.push((at, at + length));
        at += length;
    }
    SlotPlan { slots, dropped_minutes: (end - at).num_minutes().max(0) }
}

/// A speaker as the form submits one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerDraft {
    /// Name.
    pub name: String,
    /// Organisation or role.
    pub affiliation: Option<String>,
    /// Speaks remotely.
    pub remote: bool,
}

/// A validated speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerInput {
    /// Name.
    pub name: String,
    /// Organisation or role.
    pub affiliation: Option<String>,
    /// Speaks remotely.
    pub remote: bool,
}

impl SpeakerDraft {
    /// Checks the name and affiliation.
    pub fn validate(&self) -> Result<SpeakerInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = required_text(&mut errors, "name", &self.name, SPEAKER_NAME_MAX);
        let affiliation = optional_text(&mut errors, "affiliation", self.affiliation.as_deref(), PLACE_MAX);
        errors.into_result(SpeakerInput { name, affiliation, remote: self.remote })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::event::EventDraft;
    use crate::UserId;

    fn event() -> Event {
        let details = EventDraft {
            name: "Birmingham–Leipzig".into(),
            description: None,
            timezone: "Europe/London".into(),
            starts_at: "2017-10-20T09:00".into(),
            ends_at: "2017-10-20T17:30".into(),
            venue_name: "iCentrum".into(),
            venue_address: None,
            tables: "20".into(),
        }
        .validate()
        .expect("valid event");
        Event::new(details, "bl-2017".into(), Some(UserId::new()), Utc::now())
    }

    fn matchmaking(start: &str, end: &str, minutes: &str) -> SessionDraft {
        SessionDraft {
            kind: "matchmaking".into(),
            title: "Morning matchmaking".into(),
            starts_at: start.into(),
            ends_at: end.into(),
            slot_minutes: minutes.into(),
            ..SessionDraft::default()
        }
    }

    #[test]
    fn a_session_is_cut_into_slots_and_the_partial_one_dropped() {
        let input = matchmaking("2017-10-20T10:00", "2017-10-20T11:50", "20").validate(&event()).expect("valid");
        let plan = plan_slots(input.starts_at, input.ends_at, 20);
        assert_eq!(plan.slots.len(), 5);
        assert_eq!(plan.dropped_minutes, 10);
        assert_eq!(plan.slots[1].0 - plan.slots[0].0, Duration::minutes(20));
        assert_eq!(plan.slots[4].1.to_rfc3339(), "2017-10-20T10:40:00+00:00");
    }

    #[test]
    fn slots_are_at_least_fifteen_minutes() {
        let e = matchmaking("2017-10-20T10:00", "2017-10-20T12:00", "10").validate(&event()).expect_err("short");
        assert_eq!(e.for_field("slot_minutes").map(|e| e.code), Some("not_in_range"));
        let e = matchmaking("2017-10-20T10:00", "2017-10-20T10:10", "15").validate(&event()).expect_err("no room");
        assert_eq!(e.for_field("slot_minutes").map(|e| e.code), Some("no_slot_fits"));
        let e = matchmaking("2017-10-20T10:00", "2017-10-20T12:00", "").validate(&event()).expect_err("missing");
        assert_eq!(e.for_field("slot_minutes").map(|e| e.code), Some("required"));
    }

    #[test]
    fn a_session_lies_within_the_event_and_ends_after_it_starts() {
        let e = matchmaking("2017-10-20T08:00", "2017-10-20T10:00", "20").validate(&event()).expect_err("early");
        assert_eq!(e.0[0].code, "outside_event");
        let e = matchmaking("2017-10-20T10:00", "2017-10-20T09:00", "20").validate(&event()).expect_err("backwards");
        assert_eq!(e.0[0].code, "ends_before_start");
    }

    #[test]
    fn other_sessions_keep_no_slot_settings_and_need_a_web_stream_link() {
        let d = SessionDraft { kind: "keynote".into(), stream_url: Some("ftp://x".into()), ..matchmaking("2017-10-20T09:00", "2017-10-20T09:30", "20") };
        assert_eq!(d.validate(&event()).expect_err("url").0[0].code, "invalid_url");
        let d = SessionDraft { stream_url: Some("https://stream.example.org/live".into()), ..d };
        let input = d.validate(&event()).expect("valid");
        assert_eq!((input.slot_minutes, input.max_meetings), (None, None));
    }
}
