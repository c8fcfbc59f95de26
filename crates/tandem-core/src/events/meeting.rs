//! Meeting requests and the meetings they become (DOMAIN.md, "Brokerage events"; issue 5,
//! item 2): who meets where, how many meetings a participant may have, when a request expires,
//! and where a meeting picked into a slot sits (a booth, a free table, or by video).
//!
//! Everything here is pure: the use cases read the facts (counts, bookings, booths) in their
//! transaction and ask these functions what the rules say.

use super::registration::Registration;
use super::{Attendance, MeetingMode, MeetingOutcome, MeetingState};
use crate::validation::{optional_text, ValidationErrors};
use crate::{EventId, MeetingId, ProfileId, RegistrationId, SlotId, UserId};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

/// Longest message sent with a request.
pub const MESSAGE_MAX: usize = 2_000;
/// Longest reason given when declining or cancelling.
pub const REASON_MAX: usize = 1_000;
/// Weight of a meeting the participants asked for, for the auto-scheduler.
pub const DEFAULT_PRIORITY: i32 = 1;
/// Highest weight an organiser may give a meeting.
pub const MAX_PRIORITY: i32 = 10;

impl MeetingState {
    /// Still holds the pair together: a request waiting for an answer, or a meeting. Only one
    /// such meeting may exist per pair of participants.
    pub fn is_open(self) -> bool {
        matches!(self, MeetingState::Requested | MeetingState::Accepted)
    }
}

/// A meeting request as stored, and once accepted the meeting (with its slot and table when
/// placed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meeting {
    /// Id.
    pub id: MeetingId,
    /// The event.
    pub event_id: EventId,
    /// Who asked.
    pub requester_id: RegistrationId,
    /// Who was asked.
    pub receiver_id: RegistrationId,
    /// The partnering profile the meeting is about (one of either party's linked profiles).
    pub profile_id: Option<ProfileId>,
    /// The requester's message.
    pub message: Option<String>,
    /// State.
    pub state: MeetingState,
    /// Where it takes place.
    pub mode: MeetingMode,
    /// Weight for the auto-scheduler (higher first).
    pub priority: i32,
    /// An unanswered request expires at this time.
    pub expires_at: Option<DateTime<Utc>>,
    /// When the receiver (or the automatic mode) answered.
    pub responded_at: Option<DateTime<Utc>>,
    /// Why it was declined or cancelled, shown to the other party.
    pub reason: Option<String>,
    /// The slot it is placed in.
    pub slot_id: Option<SlotId>,
    /// The table, for an onsite meeting (None: by video, or not placed yet).
    pub table_number: Option<i32>,
    /// Kept in place when the organiser re-schedules.
    pub locked: bool,
    /// Bumped whenever the slot or table changes (calendar clients replace the old entry).
    pub sequence: i32,
    /// What happened on the event day.
    pub outcome: Option<MeetingOutcome>,
    /// Who recorded the outcome.
    pub outcome_by: Option<UserId>,
    /// Requested.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl Meeting {
    /// A new request from `requester` to `receiver` at `now`: unanswered, not placed, of the
    /// default priority, by video when either attends remotely. Callers set the state, expiry
    /// and profile that their case needs.
    pub fn request(requester: &Registration, receiver: &Registration, message: Option<String>, now: DateTime<Utc>) -> Meeting {
        Meeting {
            id: MeetingId::new(),
            event_id: requester.event_id,
            requester_id: requester.id,
            receiver_id: receiver.id,
            profile_id: None,
            message,
            state: MeetingState::Requested,
            mode: mode_for(requester.attendance, receiver.attendance),
            priority: DEFAULT_PRIORITY,
            expires_at: None,
            responded_at: None,
            reason: None,
            slot_id: None,
            table_number: None,
            locked: false,
            sequence: 0,
            outcome: None,
            outcome_by: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// The other party of `me` (None when `me` is neither party).
    pub fn partner_of(&self, me: RegistrationId) -> Option<RegistrationId> {
        if me == self.requester_id {
            Some(self.receiver_id)
        } else if me == self.receiver_id {
            Some(self.requester_id)
        } else {
            None
        }
    }

    /// True when `who` is one of the two parties.
    pub fn involves(&self, who: RegistrationId) -> bool {
        self.partner_of(who).is_some()
    }
}

/// Where two participants meet, from how each attends: both at the venue → at a table; anyone
/// online → by video. ('Either' is the organiser's choice for a pair both at the venue.)
pub fn mode_for(requester: Attendance, receiver: Attendance) -> MeetingMode {
    match (requester, receiver) {
        (Attendance::Onsite, Attendance::Onsite) => MeetingMode::Onsite,
        _ => MeetingMode::Remote,
    }
}

/// When a request made at `now` expires, for the event's expiry in minutes.
pub fn expires_at(now: DateTime<Utc>, expiry_minutes: i64) -> DateTime<Utc> {
    now + Duration::minutes(expiry_minutes.max(0))
}

/// The event's caps on accepted meetings per participant (DOMAIN.md: "max meetings per
/// participant …, per participant type").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MeetingLimits {
    /// For everyone.
    pub per_participant: Option<i64>,
    /// For participants at the venue.
    pub onsite: Option<i64>,
    /// For participants online.
    pub remote: Option<i64>,
}

impl MeetingLimits {
    /// The most accepted meetings a participant attending as `attendance` with their own cap
    /// `personal` may have: the smallest cap that applies, None when none does.
    pub fn for_participant(&self, attendance: Attendance, personal: Option<i64>) -> Option<i64> {
        let by_type = match attendance {
            Attendance::Onsite => self.onsite,
            Attendance::Remote => self.remote,
        };
        [self.per_participant, by_type, personal].into_iter().flatten().min()
    }
}

/// Where a meeting placed in a slot sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// At this table (a booth or a shared table).
    Table(i32),
    /// By video.
    Remote,
}

impl Placement {
    /// The table, if any.
    pub fn table(self) -> Option<i32> {
        match self {
            Placement::Table(n) => Some(n),
            Placement::Remote => None,
        }
    }
}

/// Where a meeting of `mode` sits in a slot: booth owners receive at their booth (the
/// receiver's first); otherwise the lowest shared table `table_free` reports free; a meeting
/// that may go either way goes by video when no table is free. None: an onsite meeting and no
/// table left in that slot.
pub fn place(mode: MeetingMode, booths: [Option<i32>; 2], shared_tables: &[i32], table_free: impl Fn(i32) -> bool) -> Option<Placement> {
    if mode == MeetingMode::Remote {
        return Some(Placement::Remote);
    }
    let table = booths
        .into_iter()
        .flatten()
        .find(|n| table_free(*n))
        .or_else(|| shared_tables.iter().copied().find(|n| table_free(*n)));
    match (table, mode) {
        (Some(n), _) => Some(Placement::Table(n)),
        (None, MeetingMode::Either) => Some(Placement::Remote),
        (None, _) => None,
    }
}

/// The tables any pair may use: 1..=`tables` without the booths given to participants.
pub fn shared_tables(tables: i32, booths: &[i32]) -> Vec<i32> {
    (1..=tables.max(0)).filter(|n| !booths.contains(n)).collect()
}

/// Why a meeting request or an answer to one is refused. Each has a stable code (translated by
/// the pages as `meetings-error-<code>`) and an English message that says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingRefusal {
    /// The organiser has not opened booking (or closed it).
    BookingClosed,
    /// The actor is not an approved participant of the event.
    NotParticipant,
    /// The other person is not an approved participant.
    PartnerNotParticipant,
    /// A request to oneself.
    OwnRequest,
    /// The pair already has a request or meeting that is still open.
    PairOpen,
    /// The requester has this many requests waiting already.
    TooManyPending(i64),
    /// The actor has as many meetings as they may have.
    OwnAgendaFull(i64),
    /// The partner has as many meetings as they may have.
    PartnerAgendaFull(i64),
    /// The profile is not one either party brought to the event.
    ProfileNotLinked,
    /// The request is not waiting for an answer any more.
    NotRequested,
    /// The request or meeting is closed already (declined, expired or cancelled).
    NotOpen,
    /// Only accepted meetings get a slot.
    NotAccepted,
    /// The meeting has a slot already.
    AlreadyPlaced,
    /// Scheduling is the organiser's (auto mode): no slot is picked.
    SlotNotPicked,
    /// The event's participants pick slots: choose one.
    SlotRequired,
    /// Not a slot of this event.
    UnknownSlot,
    /// One of the two is not available, or busy, in that slot.
    SlotUnavailable,
    /// Another meeting took the slot (or its last table) at the same moment.
    SlotTaken,
    /// No table is free in that slot for an onsite meeting.
    NoTable,
    /// One of the two has as many meetings in that session as it allows.
    SessionFull(i64),
    /// A slot with a meeting cannot be marked unavailable.
    SlotHasMeeting,
    /// A mode an organiser may not set for this pair.
    ModeNotAllowed,
}

impl MeetingRefusal {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            MeetingRefusal::BookingClosed => "booking_closed",
            MeetingRefusal::NotParticipant => "not_participant",
            MeetingRefusal::PartnerNotParticipant => "partner_not_participant",
            MeetingRefusal::OwnRequest => "own_request",
            MeetingRefusal::PairOpen => "pair_open",
            MeetingRefusal::TooManyPending(_) => "too_many_pending",
            MeetingRefusal::OwnAgendaFull(_) => "own_agenda_full",
            MeetingRefusal::PartnerAgendaFull(_) => "partner_agenda_full",
            MeetingRefusal::ProfileNotLinked => "profile_not_linked",
            MeetingRefusal::NotRequested => "not_requested",
            MeetingRefusal::NotOpen => "not_open",
            MeetingRefusal::NotAccepted => "not_accepted",
            MeetingRefusal::AlreadyPlaced => "already_placed",
            MeetingRefusal::SlotNotPicked => "slot_not_picked",
            MeetingRefusal::SlotRequired => "slot_required",
            MeetingRefusal::UnknownSlot => "unknown_slot",
            MeetingRefusal::SlotUnavailable => "slot_unavailable",
            MeetingRefusal::SlotTaken => "slot_taken",
            MeetingRefusal::NoTable => "no_table",
            MeetingRefusal::SessionFull(_) => "session_full",
            MeetingRefusal::SlotHasMeeting => "slot_has_meeting",
            MeetingRefusal::ModeNotAllowed => "mode_not_allowed",
        }
    }

    /// The input field it concerns.
    pub fn field(&self) -> &'static str {
        match self {
            MeetingRefusal::ProfileNotLinked => "profile_id",
            MeetingRefusal::SlotNotPicked
            | MeetingRefusal::SlotRequired
            | MeetingRefusal::UnknownSlot
            | MeetingRefusal::SlotUnavailable
            | MeetingRefusal::SlotTaken
            | MeetingRefusal::NoTable
            | MeetingRefusal::SessionFull(_)
            | MeetingRefusal::SlotHasMeeting => "slot_id",
            MeetingRefusal::ModeNotAllowed => "mode",
            MeetingRefusal::OwnRequest | MeetingRefusal::PartnerNotParticipant | MeetingRefusal::PartnerAgendaFull(_) => "receiver_id",
            _ => "meeting",
        }
    }

    /// What happened and what to do, in English.
    pub fn message(&self) -> String {
        match self {
            MeetingRefusal::BookingClosed => "meeting requests are not open for this event (the organiser opens booking)".into(),
            MeetingRefusal::NotParticipant => "only approved participants of this event can request and answer meetings".into(),
            MeetingRefusal::PartnerNotParticipant => "that person is not an approved participant of this event".into(),
            MeetingRefusal::OwnRequest => "you cannot request a meeting with yourself".into(),
            MeetingRefusal::PairOpen => {
                "you already have a request or meeting with this participant; answer or cancel that one first".into()
            }
            MeetingRefusal::TooManyPending(max) => {
                format!("you have {max} requests waiting for an answer, the most this event allows; wait for answers or cancel one")
            }
            MeetingRefusal::OwnAgendaFull(max) => format!("you already have {max} meetings, the most you may have at this event"),
            MeetingRefusal::PartnerAgendaFull(max) => {
                format!("this participant already has {max} meetings, the most they may have at this event")
            }
            MeetingRefusal::ProfileNotLinked => "choose one of the profiles you or this participant brought to the event".into(),
            MeetingRefusal::NotRequested => "this request was already answered, cancelled or has expired".into(),
            MeetingRefusal::NotOpen => "this request or meeting was already declined, cancelled or has expired".into(),
            MeetingRefusal::NotAccepted => "only an accepted meeting can be given a slot".into(),
            MeetingRefusal::AlreadyPlaced => "this meeting has a slot already".into(),
            MeetingRefusal::SlotNotPicked => "the organiser schedules this event's meetings; accept without choosing a slot".into(),
            MeetingRefusal::SlotRequired => "choose one of the free slots for the meeting".into(),
            MeetingRefusal::UnknownSlot => "that is not a meeting slot of this event".into(),
            MeetingRefusal::SlotUnavailable => {
                "one of you is not available or already has a meeting in that slot; pick another".into()
            }
            MeetingRefusal::SlotTaken => "that slot was just taken — pick another".into(),
            MeetingRefusal::NoTable => "no table is free in that slot; pick another".into(),
            MeetingRefusal::SessionFull(max) => {
                format!("one of you already has {max} meetings in that session, the most it allows; pick a slot in another session")
            }
            MeetingRefusal::SlotHasMeeting => "you have a meeting in that slot; cancel or move it first".into(),
            MeetingRefusal::ModeNotAllowed => "only a meeting of two participants at the venue may be held by video instead".into(),
        }
    }
}

impl From<MeetingRefusal> for ValidationErrors {
    fn from(refusal: MeetingRefusal) -> Self {
        let mut errors = ValidationErrors::default();
        errors.add(refusal.field(), refusal.code(), refusal.message());
        errors
    }
}

/// Trims the request's message (optional, at most [`MESSAGE_MAX`] characters).
pub fn validate_message(message: Option<&str>) -> Result<Option<String>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let message = optional_text(&mut errors, "message", message, MESSAGE_MAX);
    errors.into_result(message)
}

/// Trims a reason for declining or cancelling (optional, at most [`REASON_MAX`] characters).
pub fn validate_reason(reason: Option<&str>) -> Result<Option<String>, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let reason = optional_text(&mut errors, "reason", reason, REASON_MAX);
    errors.into_result(reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_participants_at_the_venue_meet_at_a_table_anyone_online_by_video() {
        assert_eq!(mode_for(Attendance::Onsite, Attendance::Onsite), MeetingMode::Onsite);
        assert_eq!(mode_for(Attendance::Onsite, Attendance::Remote), MeetingMode::Remote);
        assert_eq!(mode_for(Attendance::Remote, Attendance::Onsite), MeetingMode::Remote);
        assert_eq!(mode_for(Attendance::Remote, Attendance::Remote), MeetingMode::Remote);
    }

    #[test]
    fn the_smallest_cap_that_applies_wins() {
        let limits = MeetingLimits { per_participant: Some(10), onsite: Some(8), remote: None };
        assert_eq!(limits.for_participant(Attendance::Onsite, None), Some(8));
        assert_eq!(limits.for_participant(Attendance::Remote, None), Some(10));
        assert_eq!(limits.for_participant(Attendance::Remote, Some(3)), Some(3));
        assert_eq!(MeetingLimits::default().for_participant(Attendance::Onsite, None), None);
    }

    #[test]
    fn a_request_expires_after_the_events_expiry() {
        let now = Utc::now();
        assert_eq!(expires_at(now, 15), now + Duration::minutes(15));
    }

    #[test]
    fn booth_owners_receive_at_their_booth() {
        let shared = shared_tables(5, &[5]);
        assert_eq!(shared, vec![1, 2, 3, 4]);
        assert_eq!(place(MeetingMode::Onsite, [Some(5), None], &shared, |_| true), Some(Placement::Table(5)));
        assert_eq!(place(MeetingMode::Onsite, [None, Some(5)], &shared, |_| true), Some(Placement::Table(5)));
    }

    #[test]
    fn onsite_meetings_take_the_lowest_free_table_or_none() {
        let shared = shared_tables(3, &[]);
        assert_eq!(place(MeetingMode::Onsite, [None, None], &shared, |n| n != 1), Some(Placement::Table(2)));
        assert_eq!(place(MeetingMode::Onsite, [None, None], &shared, |_| false), None);
    }

    #[test]
    fn either_goes_by_video_when_no_table_is_free() {
        let shared = shared_tables(2, &[]);
        assert_eq!(place(MeetingMode::Either, [None, None], &shared, |n| n == 2), Some(Placement::Table(2)));
        assert_eq!(place(MeetingMode::Either, [None, None], &shared, |_| false), Some(Placement::Remote));
        assert_eq!(place(MeetingMode::Remote, [Some(1), None], &shared, |_| true), Some(Placement::Remote));
    }

    #[test]
    fn requested_and_accepted_meetings_hold_the_pair() {
        assert!(MeetingState::Requested.is_open() && MeetingState::Accepted.is_open());
        assert!(!MeetingState::Declined.is_open() && !MeetingState::Expired.is_open() && !MeetingState::Cancelled.is_open());
    }

    #[test]
    fn refusals_name_their_field_and_code() {
        let errors: ValidationErrors = MeetingRefusal::SlotTaken.into();
        let e = errors.for_field("slot_id").expect("slot error");
        assert_eq!(e.code, "slot_taken");
        assert!(e.message.contains("pick another"));
    }

    #[test]
    fn a_long_message_is_refused() {
        assert_eq!(validate_message(Some("  hello ")), Ok(Some("hello".into())));
        assert_eq!(validate_message(Some("   ")), Ok(None));
        assert!(validate_message(Some(&"x".repeat(MESSAGE_MAX + 1))).is_err());
    }
}
