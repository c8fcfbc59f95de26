//! Plain view structs for the brokerage-event documents (calendar file, agenda and table-plan
//! PDFs, meeting spreadsheet) and the translated labels they print.
//!
//! The app fills these from its own types; the writers in [`crate::ics`], [`crate::agenda_pdf`]
//! and [`crate::meetings_xlsx`] turn them into bytes. Nothing here knows about the database, so
//! the formats can be tested (and changed) without one. All instants are UTC; each writer
//! converts them to the event's [`EventInfo::timezone`] where people read local times.

use chrono::{DateTime, Locale, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

/// The event a document belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct EventInfo {
    pub id: Uuid,
    pub name: String,
    /// Venue name, e.g. "ICC Birmingham".
    pub venue: String,
    /// Street address of the venue, when there is one.
    pub address: Option<String>,
    /// The zone local times are printed in (Europe/London, Europe/Berlin …).
    pub timezone: Tz,
    /// The event's public page; the calendar links to it when an entry has no page of its own.
    pub public_url: String,
}

/// One item of a participant's agenda: a bilateral meeting or a programme session.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaEntry {
    /// Stable across reschedules, so calendar clients update the entry instead of adding one,
    /// e.g. `meeting-<uuid>@tandem`.
    pub uid: String,
    /// Bumped each time the entry changes (time, table, status); clients keep the highest.
    pub sequence: u32,
    /// When the entry last changed (LAST-MODIFIED and DTSTAMP of the calendar entry).
    pub updated_at: DateTime<Utc>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// A cancelled entry stays in the calendar as STATUS:CANCELLED so clients remove it.
    pub cancelled: bool,
    /// The entry's own page (meeting or session), if it has one.
    pub url: Option<String>,
    pub kind: EntryKind,
}

/// What an agenda entry is.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryKind {
    /// A programme item everyone may attend (keynote, pitch session, workshop).
    Session {
        title: String,
        /// Translated kind, e.g. "Workshop".
        kind_label: String,
        room: Option<String>,
        speakers: Vec<String>,
        /// Live stream for remote participants.
        stream_url: Option<String>,
    },
    /// A bilateral meeting with one partner.
    Meeting {
        partner_name: String,
        partner_organisation: String,
        partner_city: Option<String>,
        /// The partnering profile the meeting was requested about.
        profile_title: Option<String>,
        /// Table number on site; `None` with a `remote_link` means an online meeting.
        table: Option<u32>,
        remote_link: Option<String>,
        /// The note sent with the meeting request.
        message: Option<String>,
    },
}

/// One participant's agenda.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonalAgenda {
    pub event: EventInfo,
    pub participant_name: String,
    pub organisation: String,
    /// The participant's check-in code, printed as text for staff to type in.
    pub checkin_code: String,
    /// What the printed QR code holds: the check-in link an organiser's phone opens.
    pub checkin_link: String,
    /// In any order; the writers sort by start time.
    pub entries: Vec<AgendaEntry>,
}

/// A meeting slot of the event day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// A numbered table on the meeting floor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableInfo {
    pub number: u32,
    /// Participants with a booth or fixed table receive their visitors there.
    pub booth_owner: Option<String>,
}

/// A scheduled meeting as the table plan shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedMeeting {
    /// Index into [`TablePlan::slots`].
    pub slot_index: usize,
    /// `None` for a remote meeting (shown in the "online" column).
    pub table: Option<u32>,
    /// Display names of the two participants, e.g. "Anna Schmidt (Leipziger Robotik GmbH)".
    pub a: String,
    pub b: String,
}

/// The organiser's table plan: which pair sits at which table in which slot.
#[derive(Debug, Clone, PartialEq)]
pub struct TablePlan {
    pub event: EventInfo,
    pub slots: Vec<Slot>,
    pub tables: Vec<TableInfo>,
    pub meetings: Vec<PlannedMeeting>,
}

/// One side of a meeting in the spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MeetingParty {
    pub name: String,
    pub organisation: String,
    pub city: Option<String>,
}

/// One row of the organiser's meeting list.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingRow {
    /// `None` while a request is not yet scheduled.
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    /// `None`: remote meeting or no table yet.
    pub table: Option<u32>,
    /// A remote meeting: the table column says [`SheetLabels::remote`] instead of a number.
    pub remote: bool,
    /// Translated display string, e.g. "on site" / "online".
    pub mode: String,
    /// Translated display string: requested, accepted, scheduled, held, no-show …
    pub status: String,
    pub priority: Option<u32>,
    pub a: MeetingParty,
    pub b: MeetingParty,
    pub profile_title: Option<String>,
    /// Follow-up ratings given by A and B (1–5).
    pub rating_a: Option<u8>,
    pub rating_b: Option<u8>,
}

/// Words printed in the calendar file (SUMMARY, LOCATION, DESCRIPTION).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarLabels {
    /// Prefix of a meeting's SUMMARY: "Meeting" → "Meeting: Anna Schmidt (Acme)".
    pub meeting: String,
    /// "Table" → "Table 12, ICC Birmingham".
    pub table: String,
    pub online: String,
    /// "Profile" → "Profile: AI-based quality inspection".
    pub profile: String,
    pub message: String,
    pub room: String,
    pub speakers: String,
    pub stream: String,
    pub link: String,
}

impl CalendarLabels {
    pub fn english() -> Self {
        Self {
            meeting: "Meeting".into(),
            table: "Table".into(),
            online: "Online".into(),
            profile: "Profile".into(),
            message: "Message".into(),
            room: "Room".into(),
            speakers: "Speakers".into(),
            stream: "Live stream".into(),
            link: "Details".into(),
        }
    }

    pub fn german() -> Self {
        Self {
            meeting: "Treffen".into(),
            table: "Tisch".into(),
            online: "Online".into(),
            profile: "Profil".into(),
            message: "Nachricht".into(),
            room: "Raum".into(),
            speakers: "Referierende".into(),
            stream: "Livestream".into(),
            link: "Details".into(),
        }
    }
}

impl Default for CalendarLabels {
    fn default() -> Self {
        Self::english()
    }
}

/// Words and date formats printed in the agenda and table-plan PDFs.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaLabels {
    /// Locale for month and weekday names.
    pub locale: Locale,
    /// chrono format of a day heading, e.g. `%A, %-d %B %Y`.
    pub date_format: String,
    /// BCP 47 language tag for hyphenation in the PDF ("en", "de").
    pub language: String,
    pub agenda_title: String,
    pub checkin_code: String,
    pub time: String,
    pub table: String,
    pub online: String,
    pub partner: String,
    pub organisation: String,
    pub city: String,
    pub profile: String,
    pub session: String,
    pub room: String,
    pub speakers: String,
    pub cancelled: String,
    pub no_entries: String,
    pub page: String,
    pub table_plan_title: String,
    pub booth: String,
    pub venue: String,
}

impl AgendaLabels {
    pub fn english() -> Self {
        Self {
            locale: Locale::en_GB,
            date_format: "%A, %-d %B %Y".into(),
            language: "en".into(),
            agenda_title: "Personal agenda".into(),
            checkin_code: "Check-in code".into(),
            time: "Time".into(),
            table: "Table".into(),
            online: "online".into(),
            partner: "Partner".into(),
            organisation: "Organisation".into(),
            city: "City".into(),
            profile: "Profile".into(),
            session: "Session".into(),
            room: "Room".into(),
            speakers: "Speakers".into(),
            cancelled: "cancelled".into(),
            no_entries: "No meetings scheduled yet.".into(),
            page: "Page".into(),
            table_plan_title: "Table plan".into(),
            booth: "Booth".into(),
            venue: "Venue".into(),
        }
    }

    pub fn german() -> Self {
        Self {
            locale: Locale::de_DE,
            date_format: "%A, %-d. %B %Y".into(),
            language: "de".into(),
            agenda_title: "Persönliche Agenda".into(),
            checkin_code: "Check-in-Code".into(),
            time: "Zeit".into(),
            table: "Tisch".into(),
            online: "online".into(),
            partner: "Partner".into(),
            organisation: "Organisation".into(),
            city: "Stadt".into(),
            profile: "Profil".into(),
            session: "Programmpunkt".into(),
            room: "Raum".into(),
            speakers: "Referierende".into(),
            cancelled: "abgesagt".into(),
            no_entries: "Noch keine Treffen geplant.".into(),
            page: "Seite".into(),
            table_plan_title: "Tischplan".into(),
            booth: "Stand".into(),
            venue: "Ort".into(),
        }
    }
}

impl Default for AgendaLabels {
    fn default() -> Self {
        Self::english()
    }
}

/// Sheet names and column headers of the meeting spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetLabels {
    /// Sheet names: Excel allows at most 31 characters and none of `[]:*?/\`.
    pub meetings_sheet: String,
    pub table_plan_sheet: String,
    pub start: String,
    pub end: String,
    pub table: String,
    /// Shown in the table column of remote meetings.
    pub remote: String,
    pub mode: String,
    pub status: String,
    pub priority: String,
    /// Header prefixes for the two sides: "A" → "A name", "A organisation".
    pub side_a: String,
    pub side_b: String,
    pub name: String,
    pub organisation: String,
    pub city: String,
    pub profile: String,
    pub rating: String,
    /// Header of the slot column of the table plan.
    pub slot: String,
    pub booth: String,
}

impl SheetLabels {
    pub fn english() -> Self {
        Self {
            meetings_sheet: "Meetings".into(),
            table_plan_sheet: "Table plan".into(),
            start: "Start".into(),
            end: "End".into(),
            table: "Table".into(),
            remote: "online".into(),
            mode: "Mode".into(),
            status: "Status".into(),
            priority: "Priority".into(),
            side_a: "A".into(),
            side_b: "B".into(),
            name: "name".into(),
            organisation: "organisation".into(),
            city: "city".into(),
            profile: "Profile".into(),
            rating: "rating".into(),
            slot: "Slot".into(),
            booth: "Booth".into(),
        }
    }

    pub fn german() -> Self {
        Self {
            meetings_sheet: "Treffen".into(),
            table_plan_sheet: "Tischplan".into(),
            start: "Beginn".into(),
            end: "Ende".into(),
            table: "Tisch".into(),
            remote: "online".into(),
            mode: "Form".into(),
            status: "Status".into(),
            priority: "Priorität".into(),
            side_a: "A".into(),
            side_b: "B".into(),
            name: "Name".into(),
            organisation: "Organisation".into(),
            city: "Stadt".into(),
            profile: "Profil".into(),
            rating: "Bewertung".into(),
            slot: "Zeitfenster".into(),
            booth: "Stand".into(),
        }
    }
}

impl Default for SheetLabels {
    fn default() -> Self {
        Self::english()
    }
}

/// A column of the table plan: a table, or the column of online meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanColumn<'a> {
    Table(&'a TableInfo),
    Online,
}

/// The table plan as a grid: `cells[slot][column]` lists the meetings there (normally at most
/// one per table; more means a double booking the organiser should see).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanGrid<'a> {
    /// The tables in plan order, then [`PlanColumn::Online`] if any meeting is remote.
    pub columns: Vec<PlanColumn<'a>>,
    pub cells: Vec<Vec<Vec<&'a PlannedMeeting>>>,
}

/// A meeting of the plan that points outside it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("meeting {a} / {b} refers to slot {slot_index}, but the plan has {slots} slots")]
    UnknownSlot { a: String, b: String, slot_index: usize, slots: usize },
    #[error("meeting {a} / {b} is at table {table}, which is not in the plan")]
    UnknownTable { a: String, b: String, table: u32 },
}

impl TablePlan {
    /// Places every meeting in its slot and column; shared by the PDF and the spreadsheet.
    pub fn grid(&self) -> Result<PlanGrid<'_>, PlanError> {
        let mut columns: Vec<PlanColumn<'_>> = self.tables.iter().map(PlanColumn::Table).collect();
        let online = columns.len();
        if self.meetings.iter().any(|m| m.table.is_none()) {
            columns.push(PlanColumn::Online);
        }
        let mut cells = vec![vec![Vec::new(); columns.len()]; self.slots.len()];
        for m in &self.meetings {
            let column = match m.table {
                None => online,
                Some(table) => self
                    .tables
                    .iter()
                    .position(|t| t.number == table)
                    .ok_or_else(|| PlanError::UnknownTable { a: m.a.clone(), b: m.b.clone(), table })?,
            };
            let slots = self.slots.len();
            let cell = cells.get_mut(m.slot_index).and_then(|row: &mut Vec<Vec<_>>| row.get_mut(column)).ok_or_else(
                || PlanError::UnknownSlot { a: m.a.clone(), b: m.b.clone(), slot_index: m.slot_index, slots },
            )?;
            cell.push(m);
        }
        Ok(PlanGrid { columns, cells })
    }
}
