//! Follow-up after a brokerage event (DOMAIN.md, "Brokerage events": "Follow-up: rate each
//! meeting; second-stage survey ~6 months later: no further contact / no further contact but
//! knowledge gained / valuable contact / negotiation started / agreement reached"; issue 5,
//! item 6), and the figures of the organisers' statistics page.
//!
//! Each party of a meeting that took place rates it (1–5, with an optional comment) once its
//! slot has ended, and may change the rating. After the event each party may say what the
//! meeting led to; about six months after the event ([`SURVEY_AFTER_DAYS`]) they are asked by
//! email. Everything here is pure: the use cases read the facts and ask these functions.

use super::meeting::Meeting;
use super::{FollowUpOutcome, MeetingOutcome, MeetingState};
use crate::events::event::required_number;
use crate::validation::{optional_text, ValidationErrors};
use crate::{AgreementId, MeetingId, RegistrationId};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::ops::RangeInclusive;

/// The ratings a party may give (1: not useful … 5: very useful).
pub const RATINGS: RangeInclusive<i32> = 1..=5;
/// Longest comment with a rating.
pub const COMMENT_MAX: usize = 2_000;
/// Days after the event's end when the second-stage survey is sent: half a year (DOMAIN.md:
/// "~6 months later"), counted in days so the boundary does not move with month lengths.
pub const SURVEY_AFTER_DAYS: i64 = 182;

/// Events that ended at or before this time are due for the survey at `now`.
pub fn survey_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(SURVEY_AFTER_DAYS)
}

/// True when the survey of an event that ended at `event_ends_at` is due at `now`.
pub fn survey_due(event_ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    event_ends_at <= survey_cutoff(now)
}

/// One party's feedback on one meeting (table `event_meeting_feedback`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feedback {
    /// The meeting.
    pub meeting_id: MeetingId,
    /// The party (their registration).
    pub registration_id: RegistrationId,
    /// Their rating, once given.
    pub rating: Option<i32>,
    /// Their comment.
    pub comment: Option<String>,
    /// When they last rated.
    pub rated_at: Option<DateTime<Utc>>,
    /// What the meeting led to (second-stage survey).
    pub outcome: Option<FollowUpOutcome>,
    /// The partnership agreement it led to.
    pub agreement_id: Option<AgreementId>,
    /// When the survey invitation was emailed (once).
    pub surveyed_at: Option<DateTime<Utc>>,
}

/// A rating as a form or the API submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RatingDraft {
    /// 1 to 5, as typed or picked.
    pub rating: String,
    /// Optional comment.
    pub comment: Option<String>,
}

/// A checked rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingInput {
    /// 1 to 5.
    pub rating: i32,
    /// Trimmed comment.
    pub comment: Option<String>,
}

impl RatingDraft {
    /// Checks the rating (required, a whole number in [`RATINGS`]) and the comment's length.
    pub fn validate(&self) -> Result<RatingInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let rating = required_number(&mut errors, "rating", &self.rating, RATINGS);
        let comment = optional_text(&mut errors, "comment", self.comment.as_deref(), COMMENT_MAX);
        match rating {
            Some(rating) => errors.into_result(RatingInput { rating, comment }),
            None => Err(errors),
        }
    }
}

/// Parses a survey answer's outcome key.
pub fn parse_outcome(raw: &str) -> Result<FollowUpOutcome, ValidationErrors> {
    FollowUpOutcome::from_key(raw).ok_or_else(|| {
        let mut errors = ValidationErrors::default();
        if raw.trim().is_empty() {
            errors.add("outcome", "required", "choose what the meeting led to");
        } else {
            errors.add("outcome", "invalid_choice", format!("outcome must be one of: {}", FollowUpOutcome::keys_list()));
        }
        errors
    })
}

/// Why a follow-up action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpRefusal {
    /// Only the two parties rate and answer for a meeting.
    NotParty,
    /// Declined, expired, cancelled, never placed or missed by a party: nothing took place to
    /// follow up.
    NotHeld,
    /// The meeting's slot has not ended yet.
    NotYet,
    /// The survey opens when the event is over.
    EventNotOver,
    /// An agreement record is offered only for "agreement reached".
    NotAgreement,
    /// An agreement is between organisations: both parties must have come for one.
    NoOrganisations,
    /// The agreement record names a partnering profile of either party.
    ProfileRequired,
}

impl FollowUpRefusal {
    /// Stable code (translated by the pages).
    pub fn code(self) -> &'static str {
        match self {
            FollowUpRefusal::NotParty => "not_party",
            FollowUpRefusal::NotHeld => "not_held",
            FollowUpRefusal::NotYet => "not_yet",
            FollowUpRefusal::EventNotOver => "event_not_over",
            FollowUpRefusal::NotAgreement => "not_agreement",
            FollowUpRefusal::NoOrganisations => "no_organisations",
            FollowUpRefusal::ProfileRequired => "profile_required",
        }
    }

    /// The field it concerns.
    pub fn field(self) -> &'static str {
        match self {
            FollowUpRefusal::ProfileRequired => "profile_id",
            FollowUpRefusal::NotAgreement => "outcome",
            _ => "meeting",
        }
    }

    /// An English explanation that says what to do.
    pub fn message(self) -> &'static str {
        match self {
            FollowUpRefusal::NotParty => "only the two participants of a meeting can rate it and answer the follow-up survey",
            FollowUpRefusal::NotHeld => "only a meeting that was accepted, scheduled and not missed can be rated or followed up",
            FollowUpRefusal::NotYet => "a meeting can be rated once its slot has ended",
            FollowUpRefusal::EventNotOver => "the follow-up survey opens when the event is over",
            FollowUpRefusal::NotAgreement => "answer \"agreement reached\" for this meeting first",
            FollowUpRefusal::NoOrganisations => {
                "an agreement is between two organisations: both of you must have registered for an organisation"
            }
            FollowUpRefusal::ProfileRequired => {
                "choose the partnering profile of either organisation the agreement came from (bring one to the event or record it from the profile)"
            }
        }
    }
}

impl From<FollowUpRefusal> for ValidationErrors {
    fn from(refusal: FollowUpRefusal) -> Self {
        let mut errors = ValidationErrors::default();
        errors.add(refusal.field(), refusal.code(), refusal.message());
        errors
    }
}

/// Can `meeting`, placed in a slot ending at `slot_ends_at`, be rated at `now`? An accepted
/// meeting whose slot has ended, unless it is recorded as missed (a no-show).
pub fn check_rateable(meeting: &Meeting, slot_ends_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Result<(), FollowUpRefusal> {
    let ends = match (meeting.state, meeting.slot_id, slot_ends_at) {
        (MeetingState::Accepted, Some(_), Some(ends)) => ends,
        _ => return Err(FollowUpRefusal::NotHeld),
    };
    if meeting.outcome.is_some_and(|o| o != MeetingOutcome::Held) {
        return Err(FollowUpRefusal::NotHeld);
    }
    if ends <= now { Ok(()) } else { Err(FollowUpRefusal::NotYet) }
}

/// Can the survey be answered for `meeting` at `now`? A rateable meeting of an event that is over.
pub fn check_surveyable(
    meeting: &Meeting,
    slot_ends_at: Option<DateTime<Utc>>,
    event_ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), FollowUpRefusal> {
    check_rateable(meeting, slot_ends_at, now)?;
    if event_ends_at <= now { Ok(()) } else { Err(FollowUpRefusal::EventNotOver) }
}

// ---------------------------------------------------------------------------------------------
// The statistics page's figures

/// How an event's meeting requests ended up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MeetingCounts {
    /// Every request made.
    pub requests: i64,
    /// Still waiting for an answer.
    pub pending: i64,
    /// Meetings (accepted, not cancelled).
    pub accepted: i64,
    /// Declined by the receiver.
    pub declined: i64,
    /// Unanswered in time (overdue ones included before the job marks them).
    pub expired: i64,
    /// Withdrawn or cancelled by a party or the organiser.
    pub cancelled: i64,
    /// Of the cancelled ones, those that had been accepted first.
    pub cancelled_after_acceptance: i64,
    /// Meetings placed in a slot.
    pub scheduled: i64,
    /// Meetings marked held.
    pub held: i64,
    /// Meetings where at least one party did not come.
    pub no_shows: i64,
}

impl MeetingCounts {
    /// Share of the requests that were decided (accepted, declined or expired; withdrawn and
    /// pending ones left out) that became meetings. A meeting cancelled after it was accepted
    /// still counts as accepted: the receiver said yes. None before any request was decided.
    pub fn acceptance_rate(&self) -> Option<f64> {
        let accepted = self.accepted + self.cancelled_after_acceptance;
        share(accepted, accepted + self.declined + self.expired)
    }

    /// Share of the scheduled meetings whose outcome was recorded as a no-show.
    pub fn no_show_rate(&self) -> Option<f64> {
        share(self.no_shows, self.held + self.no_shows)
    }
}

/// `part / whole`, or None when `whole` is zero.
pub fn share(part: i64, whole: i64) -> Option<f64> {
    if whole > 0 { Some(part as f64 / whole as f64) } else { None }
}

/// Mean of a rating distribution given as (rating, how many); None without ratings.
pub fn average_rating(distribution: &[(i32, i64)]) -> Option<f64> {
    let count: i64 = distribution.iter().map(|(_, n)| n).sum();
    let total: i64 = distribution.iter().map(|(r, n)| i64::from(*r) * n).sum();
    share(total, count)
}

/// Scheduled meetings by whether the two organisations are in the same city.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CrossCity {
    /// Between organisations in different cities (Birmingham–Leipzig, say).
    pub different: i64,
    /// Between organisations in the same city.
    pub same: i64,
    /// With a party who came for no organisation (city unknown).
    pub unknown: i64,
}

impl CrossCity {
    /// Counts (city of one party, city of the other, meetings) rows.
    pub fn from_pairs(pairs: &[(Option<String>, Option<String>, i64)]) -> CrossCity {
        let mut out = CrossCity::default();
        for (a, b, n) in pairs {
            match (a, b) {
                (Some(a), Some(b)) if a == b => out.same += n,
                (Some(_), Some(_)) => out.different += n,
                _ => out.unknown += n,
            }
        }
        out
    }

    /// Share of the meetings with both cities known that crossed cities.
    pub fn share(&self) -> Option<f64> {
        share(self.different, self.different + self.same)
    }
}

/// The city pairs of meetings as unordered pairs ("Birmingham – Leipzig" once, whichever party
/// requested), most meetings first, then by name; `None` cities are left out.
pub fn city_pairs(pairs: &[(Option<String>, Option<String>, i64)]) -> Vec<(String, String, i64)> {
    let mut merged: Vec<(String, String, i64)> = Vec::new();
    for (a, b, n) in pairs {
        let (Some(a), Some(b)) = (a, b) else { continue };
        let (first, second) = if a <= b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
        match merged.iter_mut().find(|(x, y, _)| *x == first && *y == second) {
            Some(entry) => entry.2 += n,
            None => merged.push((first, second, *n)),
        }
    }
    merged.sort_by(|x, y| y.2.cmp(&x.2).then_with(|| (&x.0, &x.1).cmp(&(&y.0, &y.1))));
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::MeetingMode;
    use crate::{EventId, SlotId};

    fn meeting(state: MeetingState, placed: bool) -> Meeting {
        let now = Utc::now();
        Meeting {
            id: MeetingId::new(),
            event_id: EventId::new(),
            requester_id: RegistrationId::new(),
            receiver_id: RegistrationId::new(),
            profile_id: None,
            message: None,
            state,
            mode: MeetingMode::Onsite,
            priority: 1,
            expires_at: None,
            responded_at: None,
            reason: None,
            slot_id: placed.then(SlotId::new),
            table_number: None,
            locked: false,
            sequence: 0,
            outcome: None,
            outcome_by: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn a_rating_is_a_whole_number_from_one_to_five() {
        let ok = RatingDraft { rating: " 4 ".into(), comment: Some("  useful  ".into()) }.validate().expect("valid");
        assert_eq!(ok, RatingInput { rating: 4, comment: Some("useful".into()) });
        for bad in ["0", "6", "x", "3.5"] {
            let errors = RatingDraft { rating: bad.into(), comment: None }.validate().expect_err(bad);
            assert_eq!(errors.for_field("rating").map(|e| e.code), Some("not_in_range"), "{bad}");
        }
        let errors = RatingDraft::default().validate().expect_err("empty");
        assert_eq!(errors.for_field("rating").map(|e| e.code), Some("required"));
        let long = RatingDraft { rating: "5".into(), comment: Some("x".repeat(COMMENT_MAX + 1)) };
        assert_eq!(long.validate().expect_err("long").for_field("comment").map(|e| e.code), Some("too_long"));
    }

    #[test]
    fn only_a_placed_accepted_meeting_whose_slot_ended_is_rated() {
        let now = Utc::now();
        let m = meeting(MeetingState::Accepted, true);
        assert_eq!(check_rateable(&m, Some(now - Duration::minutes(1)), now), Ok(()));
        assert_eq!(check_rateable(&m, Some(now), now), Ok(()));
        assert_eq!(check_rateable(&m, Some(now + Duration::minutes(1)), now), Err(FollowUpRefusal::NotYet));
        assert_eq!(check_rateable(&meeting(MeetingState::Accepted, false), None, now), Err(FollowUpRefusal::NotHeld));
        assert_eq!(check_rateable(&meeting(MeetingState::Cancelled, true), Some(now), now), Err(FollowUpRefusal::NotHeld));
        let held = Meeting { outcome: Some(MeetingOutcome::Held), ..m.clone() };
        assert_eq!(check_rateable(&held, Some(now), now), Ok(()));
        let missed = Meeting { outcome: Some(MeetingOutcome::ReceiverAbsent), ..m.clone() };
        assert_eq!(check_rateable(&missed, Some(now), now), Err(FollowUpRefusal::NotHeld), "a no-show is not rated");
        let ended = now - Duration::hours(1);
        assert_eq!(check_surveyable(&m, Some(ended), now + Duration::hours(1), now), Err(FollowUpRefusal::EventNotOver));
        assert_eq!(check_surveyable(&m, Some(ended), now, now), Ok(()));
    }

    #[test]
    fn the_survey_is_due_182_days_after_the_event() {
        let ends = Utc::now();
        assert!(!survey_due(ends, ends + Duration::days(181)));
        assert!(!survey_due(ends, ends + Duration::days(182) - Duration::seconds(1)));
        assert!(survey_due(ends, ends + Duration::days(182)));
    }

    #[test]
    fn survey_outcomes_parse_by_key() {
        assert_eq!(parse_outcome("agreement"), Ok(FollowUpOutcome::Agreement));
        assert_eq!(parse_outcome("").expect_err("empty").0[0].code, "required");
        assert_eq!(parse_outcome("maybe").expect_err("unknown").0[0].code, "invalid_choice");
    }

    #[test]
    fn acceptance_counts_meetings_cancelled_after_acceptance_and_leaves_out_withdrawn_requests() {
        let counts = MeetingCounts { accepted: 5, cancelled_after_acceptance: 1, declined: 3, expired: 1, cancelled: 2, pending: 4, ..Default::default() };
        assert_eq!(counts.acceptance_rate(), Some(0.6));
        assert_eq!(MeetingCounts::default().acceptance_rate(), None);
        let day = MeetingCounts { held: 3, no_shows: 1, ..Default::default() };
        assert_eq!(day.no_show_rate(), Some(0.25));
    }

    #[test]
    fn cross_city_share_is_over_meetings_with_both_cities_known() {
        let b = || Some("Birmingham".to_owned());
        let l = || Some("Leipzig".to_owned());
        let rows = vec![(b(), l(), 2), (l(), b(), 1), (b(), b(), 1), (None, l(), 4)];
        let cross = CrossCity::from_pairs(&rows);
        assert_eq!(cross, CrossCity { different: 3, same: 1, unknown: 4 });
        assert_eq!(cross.share(), Some(0.75));
        assert_eq!(city_pairs(&rows), vec![("Birmingham".into(), "Leipzig".into(), 3), ("Birmingham".into(), "Birmingham".into(), 1)]);
    }

    #[test]
    fn the_average_rating_weighs_each_rating_by_its_count() {
        assert_eq!(average_rating(&[(5, 1), (4, 2), (3, 1)]), Some(4.0));
        assert_eq!(average_rating(&[]), None);
    }
}
