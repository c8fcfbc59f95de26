//! An event, its organisers and its agenda as stored, and the organiser's forms for the event's
//! details and settings (DOMAIN.md, "Brokerage events": venue with numbered tables, request mode,
//! request expiry "15 min … 10 days", caps on pending requests, max meetings per participant).
//!
//! Times are stored in UTC; forms take and show them in the event's own time zone, so an
//! organiser in Leipzig sets up a Birmingham event in Birmingham time.

use super::{AgendaState, EventState, OrganiserRole, RequestMode, SchedulingMode, SessionKind, REQUEST_EXPIRY_MINUTES};
use crate::validation::{optional_text, required_text, ValidationErrors};
use crate::{EventId, OrgId, SessionId, SlotId, SpeakerId, UserId};
use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
pub use chrono_tz::Tz;

/// Longest event name.
pub const NAME_MAX: usize = 200;
/// Longest description (of an event or a session).
pub const DESCRIPTION_MAX: usize = 4_000;
/// Longest venue name, address, room or affiliation.
pub const PLACE_MAX: usize = 300;
/// Most numbered tables at one venue.
pub const TABLES_MAX: i32 = 1_000;
/// Largest capacity.
pub const CAPACITY_MAX: i32 = 100_000;
/// Most pending requests an organiser may allow one participant.
pub const PENDING_MAX: i32 = 1_000;
/// Most meetings an organiser may allow one participant.
pub const MEETINGS_MAX: i32 = 200;
/// Longest event (an event is a day or a few, not a season).
pub const EVENT_DAYS_MAX: i64 = 14;
/// Time zones the forms offer first; any IANA name chrono-tz knows is accepted.
pub const COMMON_TIME_ZONES: &[&str] = &["Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Brussels", "UTC"];
/// Format of local times in forms and the API (HTML `datetime-local`).
pub const LOCAL_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// A brokerage event (table `events`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Id.
    pub id: EventId,
    /// Readable, unique name for links (`birmingham-leipzig-25-2017`).
    pub slug: String,
    /// Name.
    pub name: String,
    /// What it is about.
    pub description: Option<String>,
    /// Draft, published or cancelled.
    pub state: EventState,
    /// The venue's time zone; every time is shown in it.
    pub timezone: Tz,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// Venue.
    pub venue_name: String,
    /// Venue address.
    pub venue_address: Option<String>,
    /// Numbered tables for onsite meetings (1..=tables).
    pub tables: i32,
    /// Most approved participants; beyond it registrations wait.
    pub capacity: Option<i32>,
    /// Registration is open.
    pub registration_open: bool,
    /// Registrations wait for an organiser's approval.
    pub registration_approval: bool,
    /// Meeting requests may be sent.
    pub booking_open: bool,
    /// How requests become meetings.
    pub request_mode: RequestMode,
    /// Who places meetings in slots.
    pub scheduling_mode: SchedulingMode,
    /// Unanswered requests expire after this many minutes.
    pub request_expiry_minutes: i32,
    /// Most unanswered requests one participant may have sent.
    pub max_pending_requests: i32,
    /// Most meetings per participant.
    pub max_meetings: Option<i32>,
    /// Most meetings per onsite participant.
    pub max_meetings_onsite: Option<i32>,
    /// Most meetings per remote participant.
    pub max_meetings_remote: Option<i32>,
    /// How far the meeting agendas are published.
    pub agenda_state: AgendaState,
    /// When the agendas were last published.
    pub agenda_published_at: Option<DateTime<Utc>>,
    /// Who created it.
    pub created_by: Option<UserId>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl Event {
    /// A new draft event with `details` and the default settings.
    pub fn new(details: EventDetails, slug: String, created_by: Option<UserId>, now: DateTime<Utc>) -> Event {
        let mut event = Event {
            id: EventId::new(),
            slug,
            name: String::new(),
            description: None,
            state: EventState::Draft,
            timezone: details.timezone,
            starts_at: details.starts_at,
            ends_at: details.ends_at,
            venue_name: String::new(),
            venue_address: None,
            tables: 0,
            capacity: None,
            registration_open: false,
            registration_approval: false,
            booking_open: false,
            request_mode: RequestMode::Approval,
            scheduling_mode: SchedulingMode::PickSlot,
            request_expiry_minutes: DEFAULT_REQUEST_EXPIRY_MINUTES,
            max_pending_requests: DEFAULT_MAX_PENDING,
            max_meetings: None,
            max_meetings_onsite: None,
            max_meetings_remote: None,
            agenda_state: AgendaState::Unpublished,
            agenda_published_at: None,
            created_by,
            created_at: now,
            updated_at: now,
        };
        event.apply_details(details);
        event
    }

    /// The organiser-editable details.
    pub fn details(&self) -> EventDetails {
        EventDetails {
            name: self.name.clone(),
            description: self.description.clone(),
            timezone: self.timezone,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            venue_name: self.venue_name.clone(),
            venue_address: self.venue_address.clone(),
            tables: self.tables,
        }
    }

    /// Replaces the details.
    pub fn apply_details(&mut self, d: EventDetails) {
        self.name = d.name;
        self.description = d.description;
        self.timezone = d.timezone;
        self.starts_at = d.starts_at;
        self.ends_at = d.ends_at;
        self.venue_name = d.venue_name;
        self.venue_address = d.venue_address;
        self.tables = d.tables;
    }

    /// The registration and booking settings.
    pub fn settings(&self) -> EventSettings {
        EventSettings {
            capacity: self.capacity,
            registration_open: self.registration_open,
            registration_approval: self.registration_approval,
            booking_open: self.booking_open,
            request_mode: self.request_mode,
            scheduling_mode: self.scheduling_mode,
            request_expiry_minutes: self.request_expiry_minutes,
            max_pending_requests: self.max_pending_requests,
            max_meetings: self.max_meetings,
            max_meetings_onsite: self.max_meetings_onsite,
            max_meetings_remote: self.max_meetings_remote,
        }
    }

    /// Replaces the settings.
    pub fn apply_settings(&mut self, s: EventSettings) {
        self.capacity = s.capacity;
        self.registration_open = s.registration_open;
        self.registration_approval = s.registration_approval;
        self.booking_open = s.booking_open;
        self.request_mode = s.request_mode;
        self.scheduling_mode = s.scheduling_mode;
        self.request_expiry_minutes = s.request_expiry_minutes;
        self.max_pending_requests = s.max_pending_requests;
        self.max_meetings = s.max_meetings;
        self.max_meetings_onsite = s.max_meetings_onsite;
        self.max_meetings_remote = s.max_meetings_remote;
    }

    /// `at` as the event's local time, in form format.
    pub fn local(&self, at: DateTime<Utc>) -> String {
        at.with_timezone(&self.timezone).format(LOCAL_FORMAT).to_string()
    }

    /// Has the event ended by `now`?
    pub fn is_past(&self, now: DateTime<Utc>) -> bool {
        self.ends_at <= now
    }
}

/// A default request expiry of two days: long enough to answer, short enough not to block slots.
pub const DEFAULT_REQUEST_EXPIRY_MINUTES: i32 = 2 * 24 * 60;
/// A default cap of ten unanswered requests per participant.
pub const DEFAULT_MAX_PENDING: i32 = 10;

/// An organiser organisation of an event (table `event_organisers`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organiser {
    /// The event.
    pub event_id: EventId,
    /// The organisation.
    pub org_id: OrgId,
    /// Main or supporting.
    pub role: OrganiserRole,
}

/// A session on the agenda (table `event_sessions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Id.
    pub id: SessionId,
    /// The event.
    pub event_id: EventId,
    /// Keynote, panel, demo, matchmaking, break or other.
    pub kind: SessionKind,
    /// Title.
    pub title: String,
    /// What happens.
    pub description: Option<String>,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// Room.
    pub room: Option<String>,
    /// Stream link for remote speakers and remote attendance.
    pub stream_url: Option<String>,
    /// Matchmaking: length of a meeting slot.
    pub slot_minutes: Option<i32>,
    /// Matchmaking: most meetings one participant has in this session.
    pub max_meetings: Option<i32>,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// A speaker of a session (table `event_speakers`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Id.
    pub id: SpeakerId,
    /// The session.
    pub session_id: SessionId,
    /// Name.
    pub name: String,
    /// Organisation or role.
    pub affiliation: Option<String>,
    /// Speaks from elsewhere, through the session's stream.
    pub remote: bool,
    /// Order on the agenda.
    pub position: i32,
}

/// A meeting slot of a matchmaking session (table `event_slots`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// Id.
    pub id: SlotId,
    /// The event.
    pub event_id: EventId,
    /// The matchmaking session.
    pub session_id: SessionId,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
}

// ---------------------------------------------------------------------------------------------
// The organiser's forms

/// The event's details as a form submits them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventDraft {
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// IANA time zone name.
    pub timezone: String,
    /// Local start, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    /// Local end.
    pub ends_at: String,
    /// Venue.
    pub venue_name: String,
    /// Venue address.
    pub venue_address: Option<String>,
    /// Number of tables.
    pub tables: String,
}

/// Validated details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDetails {
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Time zone.
    pub timezone: Tz,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: DateTime<Utc>,
    /// Venue.
    pub venue_name: String,
    /// Venue address.
    pub venue_address: Option<String>,
    /// Number of tables.
    pub tables: i32,
}

/// Parses an IANA time zone name.
pub fn parse_time_zone(errors: &mut ValidationErrors, field: &str, raw: &str) -> Option<Tz> {
    match raw.trim().parse::<Tz>() {
        Ok(tz) => Some(tz),
        Err(_) => {
            errors.add(field, "invalid_time_zone", format!("'{}' is not a time zone: use a name like Europe/London or Europe/Berlin", raw.trim()));
            None
        }
    }
}

/// Parses a local time (`YYYY-MM-DDTHH:MM`, seconds allowed) in `tz`. At the autumn clock change
/// an hour happens twice: the earlier is taken. In spring an hour does not exist: refused.
pub fn parse_local(errors: &mut ValidationErrors, field: &str, raw: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.add(field, "required", format!("{field} is required"));
        return None;
    }
    let naive = NaiveDateTime::parse_from_str(raw, LOCAL_FORMAT).or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"));
    let Ok(naive) = naive else {
        errors.add(field, "invalid_date_time", format!("write {field} as YYYY-MM-DDTHH:MM, e.g. 2017-10-20T09:30"));
        return None;
    };
    match tz.from_local_datetime(&naive).earliest() {
        Some(local) => Some(local.with_timezone(&Utc)),
        None => {
            errors.add(field, "nonexistent_time", format!("{raw} does not exist in {tz} (the clocks go forward then); choose another time"));
            None
        }
    }
}

/// Parses an optional whole number in `range`; blank is `None`.
pub fn optional_number(errors: &mut ValidationErrors, field: &str, raw: &str, range: std::ops::RangeInclusive<i32>) -> Option<i32> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<i32>() {
        Ok(n) if range.contains(&n) => Some(n),
        _ => {
            errors.add(field, "not_in_range", format!("{field} must be a whole number from {} to {}", range.start(), range.end()));
            None
        }
    }
}

/// Parses a required whole number in `range`.
pub fn required_number(errors: &mut ValidationErrors, field: &str, raw: &str, range: std::ops::RangeInclusive<i32>) -> Option<i32> {
    if raw.trim().is_empty() {
        errors.add(field, "required", format!("{field} is required"));
        return None;
    }
    optional_number(errors, field, raw, range)
}

impl EventDraft {
    /// Checks names and lengths, the time zone, that the event ends after it starts (and lasts at
    /// most [`EVENT_DAYS_MAX`] days), and the number of tables.
    pub fn validate(&self) -> Result<EventDetails, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = required_text(&mut errors, "name", &self.name, NAME_MAX);
        let description = optional_text(&mut errors, "description", self.description.as_deref(), DESCRIPTION_MAX);
        let venue_name = required_text(&mut errors, "venue_name", &self.venue_name, PLACE_MAX);
        let venue_address = optional_text(&mut errors, "venue_address", self.venue_address.as_deref(), PLACE_MAX);
        let tables = required_number(&mut errors, "tables", &self.tables, 0..=TABLES_MAX);
        let timezone = parse_time_zone(&mut errors, "timezone", &self.timezone);
        let (starts_at, ends_at) = match timezone {
            Some(tz) => (parse_local(&mut errors, "starts_at", &self.starts_at, tz), parse_local(&mut errors, "ends_at", &self.ends_at, tz)),
            None => (None, None),
        };
        if let (Some(start), Some(end)) = (starts_at, ends_at) {
            if end <= start {
                errors.add("ends_at", "ends_before_start", "the event must end after it starts");
            } else if end - start > Duration::days(EVENT_DAYS_MAX) {
                errors.add("ends_at", "too_long_event", format!("an event may last at most {EVENT_DAYS_MAX} days"));
            }
        }
        let (Some(timezone), Some(starts_at), Some(ends_at), Some(tables)) = (timezone, starts_at, ends_at, tables) else {
            return Err(errors);
        };
        errors.into_result(EventDetails { name, description, timezone, starts_at, ends_at, venue_name, venue_address, tables })
    }
}

/// The registration and booking settings as a form submits them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsDraft {
    /// Most approved participants (blank: no limit).
    pub capacity: String,
    /// Registration open.
    pub registration_open: bool,
    /// Approval required.
    pub registration_approval: bool,
    /// Booking open.
    pub booking_open: bool,
    /// `approval` or `automatic`.
    pub request_mode: String,
    /// `pick_slot` or `auto`.
    pub scheduling_mode: String,
    /// Minutes.
    pub request_expiry_minutes: String,
    /// Cap on pending requests.
    pub max_pending_requests: String,
    /// Most meetings per participant (blank: no limit).
    pub max_meetings: String,
    /// Most meetings per onsite participant.
    pub max_meetings_onsite: String,
    /// Most meetings per remote participant.
    pub max_meetings_remote: String,
}

/// Validated settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSettings {
    /// Most approved participants.
    pub capacity: Option<i32>,
    /// Registration open.
    pub registration_open: bool,
    /// Approval required.
    pub registration_approval: bool,
    /// Booking open.
    pub booking_open: bool,
    /// Request mode.
    pub request_mode: RequestMode,
    /// Scheduling mode.
    pub scheduling_mode: SchedulingMode,
    /// Request expiry in minutes.
    pub request_expiry_minutes: i32,
    /// Cap on pending requests.
    pub max_pending_requests: i32,
    /// Most meetings per participant.
    pub max_meetings: Option<i32>,
    /// Most meetings per onsite participant.
    pub max_meetings_onsite: Option<i32>,
    /// Most meetings per remote participant.
    pub max_meetings_remote: Option<i32>,
}

impl SettingsDraft {
    /// Checks the choices and the numbers (request expiry within [`REQUEST_EXPIRY_MINUTES`]).
    pub fn validate(&self) -> Result<EventSettings, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let capacity = optional_number(&mut errors, "capacity", &self.capacity, 1..=CAPACITY_MAX);
        let request_mode = RequestMode::from_key(&self.request_mode);
        if request_mode.is_none() {
            errors.add("request_mode", "invalid_choice", format!("request_mode must be one of: {}", RequestMode::keys_list()));
        }
        let scheduling_mode = SchedulingMode::from_key(&self.scheduling_mode);
        if scheduling_mode.is_none() {
            errors.add("scheduling_mode", "invalid_choice", format!("scheduling_mode must be one of: {}", SchedulingMode::keys_list()));
        }
        let (lo, hi) = (*REQUEST_EXPIRY_MINUTES.start() as i32, *REQUEST_EXPIRY_MINUTES.end() as i32);
        let request_expiry_minutes = required_number(&mut errors, "request_expiry_minutes", &self.request_expiry_minutes, lo..=hi);
        let max_pending_requests = required_number(&mut errors, "max_pending_requests", &self.max_pending_requests, 1..=PENDING_MAX);
        let max_meetings = optional_number(&mut errors, "max_meetings", &self.max_meetings, 1..=MEETINGS_MAX);
        let max_meetings_onsite = optional_number(&mut errors, "max_meetings_onsite", &self.max_meetings_onsite, 1..=MEETINGS_MAX);
        let max_meetings_remote = optional_number(&mut errors, "max_meetings_remote", &self.max_meetings_remote, 1..=MEETINGS_MAX);
        let (Some(request_mode), Some(scheduling_mode), Some(request_expiry_minutes), Some(max_pending_requests)) =
            (request_mode, scheduling_mode, request_expiry_minutes, max_pending_requests)
        else {
            return Err(errors);
        };
        errors.into_result(EventSettings {
            capacity,
            registration_open: self.registration_open,
            registration_approval: self.registration_approval,
            booking_open: self.booking_open,
            request_mode,
            scheduling_mode,
            request_expiry_minutes,
            max_pending_requests,
            max_meetings,
            max_meetings_onsite,
            max_meetings_remote,
        })
    }
}

/// A readable link name from the event's name and year: lower-case ASCII words joined by `-`.
pub fn slug_for(name: &str, starts_at: DateTime<Utc>) -> String {
    let words: String = crate::text::fold(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut slug: Vec<&str> = words.split_whitespace().take(8).collect();
    let year = starts_at.format("%Y").to_string();
    if slug.last() != Some(&year.as_str()) {
        slug.push(&year);
    }
    slug.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> EventDraft {
        EventDraft {
            name: "Birmingham–Leipzig: 25 years".into(),
            description: None,
            timezone: "Europe/London".into(),
            starts_at: "2017-10-20T09:00".into(),
            ends_at: "2017-10-20T17:30".into(),
            venue_name: "iCentrum".into(),
            venue_address: Some("Holt Street, Birmingham B7 4BP".into()),
            tables: "20".into(),
        }
    }

    #[test]
    fn local_times_are_read_in_the_events_time_zone() {
        let d = draft().validate().expect("valid");
        // British Summer Time until 29 October 2017: 09:00 in Birmingham is 08:00 UTC.
        assert_eq!(d.starts_at.to_rfc3339(), "2017-10-20T08:00:00+00:00");
        let berlin = EventDraft { timezone: "Europe/Berlin".into(), ..draft() }.validate().expect("valid");
        assert_eq!(berlin.starts_at.to_rfc3339(), "2017-10-20T07:00:00+00:00");
    }

    #[test]
    fn an_event_ends_after_it_starts() {
        let bad = EventDraft { ends_at: "2017-10-20T08:00".into(), ..draft() };
        assert_eq!(bad.validate().expect_err("ends first").for_field("ends_at").map(|e| e.code), Some("ends_before_start"));
    }

    #[test]
    fn unknown_time_zones_and_missing_hours_are_refused() {
        let bad = EventDraft { timezone: "Europe/Birmingham".into(), ..draft() };
        assert_eq!(bad.validate().expect_err("zone").0[0].code, "invalid_time_zone");
        let spring = EventDraft { starts_at: "2017-03-26T01:30".into(), ends_at: "2017-03-26T05:00".into(), ..draft() };
        assert_eq!(spring.validate().expect_err("gap").for_field("starts_at").map(|e| e.code), Some("nonexistent_time"));
    }

    #[test]
    fn request_expiry_is_between_fifteen_minutes_and_ten_days() {
        let s = |minutes: &str| SettingsDraft {
            request_mode: "approval".into(),
            scheduling_mode: "pick_slot".into(),
            request_expiry_minutes: minutes.into(),
            max_pending_requests: "10".into(),
            ..SettingsDraft::default()
        };
        assert!(s("15").validate().is_ok());
        assert!(s("14400").validate().is_ok());
        assert_eq!(s("14").validate().expect_err("short").0[0].code, "not_in_range");
        assert_eq!(s("14401").validate().expect_err("long").0[0].code, "not_in_range");
    }

    #[test]
    fn slugs_are_ascii_words_with_the_year() {
        let at = draft().validate().expect("valid").starts_at;
        assert_eq!(slug_for("Birmingham–Leipzig: 25 Jahre Städtepartnerschaft", at), "birmingham-leipzig-25-jahre-stadtepartnerschaft-2017");
        assert_eq!(slug_for("Summit 2017", at), "summit-2017");
    }
}
