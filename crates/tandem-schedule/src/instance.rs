//! The JSON formats `tandem schedule` reads and writes (bench/sched/README.md): an [`Instance`]
//! (slots, tables, participants, accepted meetings) and a [`ScheduleJson`] (assignments).
//!
//! These types only describe the files; [`crate::Problem::from_instance`] checks an instance and
//! indexes it. Unknown fields are ignored, so the web app and the benchmark tools can carry
//! extra data through the same files.

use serde::{Deserialize, Serialize};

/// A scheduling problem as the organiser's data describes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    /// A label for reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The meeting slots in time order: idle gaps are counted along this order.
    pub slots: Vec<Slot>,
    /// Number of tables, numbered 1..=tables; booths are among them.
    #[serde(default)]
    pub tables: u32,
    /// Everyone who may meet.
    pub participants: Vec<Participant>,
    /// Accepted meeting requests.
    pub meetings: Vec<Meeting>,
}

/// One meeting slot.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Slot {
    /// Unique id the participants and meetings refer to.
    pub id: String,
    /// Start time (RFC 3339); informational, the order of `slots` is what counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Length in minutes; informational.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
}

/// How a participant attends.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Attendance {
    /// At the venue.
    #[default]
    Onsite,
    /// Online only.
    Remote,
}

/// Someone who takes part in meetings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Unique id the meetings refer to.
    pub id: String,
    /// Home city; informational.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// How the participant attends; informational (each meeting's `mode` decides tables).
    #[serde(default)]
    pub mode: Attendance,
    /// Slots the participant can meet in.
    pub available: Vec<String>,
    /// At most this many meetings in total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_meetings: Option<u32>,
    /// The participant's own table (booth): its onsite meetings happen there, nobody else's do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<u32>,
    /// Further caps on sets of slots, e.g. at most 4 meetings in the morning session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<Limit>,
}

/// At most `max` of a participant's meetings in `slots`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Limit {
    /// The slots the cap applies to.
    pub slots: Vec<String>,
    /// The cap.
    pub max: u32,
}

/// Where a meeting takes place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeetingMode {
    /// At a table.
    #[default]
    Onsite,
    /// Online: no table.
    Remote,
    /// At a table if one is free, online otherwise.
    Either,
}

/// An accepted meeting request between two participants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// Unique id.
    pub id: String,
    /// One participant's id.
    pub a: String,
    /// The other participant's id.
    pub b: String,
    /// Weight in the objective.
    #[serde(default = "default_priority")]
    pub priority: f64,
    /// Onsite, remote or either.
    #[serde(default)]
    pub mode: MeetingMode,
    /// A published meeting that must stay in this slot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_slot: Option<String>,
    /// A published meeting that must also keep this table (needs `locked_slot`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_table: Option<u32>,
}

fn default_priority() -> f64 {
    1.0
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting {
            id: String::new(),
            a: String::new(),
            b: String::new(),
            priority: 1.0,
            mode: MeetingMode::Onsite,
            locked_slot: None,
            locked_table: None,
        }
    }
}

/// A schedule as `check.py` reads it: assignments, plus anything else (ignored here).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ScheduleJson {
    /// Scheduled meetings; a meeting that is not listed is not scheduled.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
}

/// One scheduled meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// The meeting's id.
    pub meeting: String,
    /// The slot's id.
    pub slot: String,
    /// Table number, or null for a remote meeting.
    pub table: Option<i64>,
}

/// Reads an instance from JSON text. Errors name the field's path (`meetings[3].priority`) and
/// the line and column, so a hand-edited file can be fixed from the message alone.
pub fn parse_instance(json: &str) -> Result<Instance, crate::InstanceError> {
    parse(json)
}

/// Reads a schedule (`{"assignments": [...]}`, anything else ignored) from JSON text, with the
/// same error paths as [`parse_instance`].
pub fn parse_schedule(json: &str) -> Result<ScheduleJson, crate::InstanceError> {
    parse(json)
}

fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, crate::InstanceError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        json_error(if path == "." { String::from("(top level)") } else { path }, &e.into_inner())
    })?;
    // Trailing text after the value is an error too (a second object pasted in, say).
    de.end().map_err(|e| json_error(String::from("(end of file)"), &e))?;
    Ok(value)
}

fn json_error(path: String, e: &serde_json::Error) -> crate::InstanceError {
    crate::InstanceError {
        issues: vec![crate::Issue {
            path,
            message: format!("{} (line {}, column {})", strip_position(&e.to_string()), e.line(), e.column()),
        }],
        more: 0,
    }
}

/// serde_json's message without its own " at line L column C" suffix (we say it our way).
fn strip_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}
