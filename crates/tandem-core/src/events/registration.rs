//! Registration for an event (DOMAIN.md, "Brokerage events": "registration (custom questions,
//! participant types, optional approval)"; issue 5, item 1: capacity and waiting list).
//!
//! A registration is pending while it waits for an organiser (when the event asks for approval),
//! approved once it has a place, and waitlisted while the event is full; the first on the
//! waiting list moves up whenever a place frees. Approved registrations are the participants.

use super::{Attendance, QuestionKind, RegistrationState};
use crate::validation::{optional_text, required_text, ValidationErrors};
use crate::{EventId, OrgId, ProfileId, QuestionId, RegistrationId, SlotId, UserId};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};

/// Longest question label.
pub const LABEL_MAX: usize = 300;
/// Longest text answer.
pub const ANSWER_MAX: usize = 2_000;
/// Longest single option of a choice question.
pub const OPTION_MAX: usize = 200;
/// Most options of a choice question.
pub const OPTIONS_MAX: usize = 30;
/// Longest display name.
pub const DISPLAY_NAME_MAX: usize = 120;
/// The stored answers of a yes/no question.
pub const YES: &str = "yes";
/// See [`YES`].
pub const NO: &str = "no";

/// A custom registration question (table `event_questions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Id.
    pub id: QuestionId,
    /// The event.
    pub event_id: EventId,
    /// Order on the form (1, 2, …).
    pub position: i32,
    /// The question.
    pub label: String,
    /// Text, choice or yes/no.
    pub kind: QuestionKind,
    /// The options of a choice question, in order.
    pub options: Vec<String>,
    /// Must be answered.
    pub required: bool,
}

impl Question {
    /// The form field of this question's answer.
    pub fn field(&self) -> String {
        answer_field(self.id)
    }
}

/// The form field of a question's answer (`q-<id>`).
pub fn answer_field(id: QuestionId) -> String {
    format!("q-{id}")
}

/// A question as the organiser's form submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionDraft {
    /// The question.
    pub label: String,
    /// `text`, `choice` or `yes_no`.
    pub kind: String,
    /// Choice options, one per line.
    pub options: String,
    /// Must be answered.
    pub required: bool,
}

/// A validated question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionInput {
    /// The question.
    pub label: String,
    /// Kind.
    pub kind: QuestionKind,
    /// Options (choice only; empty otherwise).
    pub options: Vec<String>,
    /// Must be answered.
    pub required: bool,
}

impl QuestionDraft {
    /// Checks the label and kind; a choice question needs two to [`OPTIONS_MAX`] distinct options.
    pub fn validate(&self) -> Result<QuestionInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let label = required_text(&mut errors, "label", &self.label, LABEL_MAX);
        let kind = QuestionKind::from_key(&self.kind);
        if kind.is_none() {
            errors.add("kind", "invalid_choice", format!("kind must be one of: {}", QuestionKind::keys_list()));
        }
        let mut options: Vec<String> = Vec::new();
        if kind == Some(QuestionKind::Choice) {
            for line in self.options.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if !options.iter().any(|o| o == line) {
                    options.push(line.to_owned());
                }
            }
            if options.len() < 2 {
                errors.add("options", "too_few_options", "a choice question needs at least two options, one per line");
            } else if options.len() > OPTIONS_MAX {
                errors.add("options", "too_many_options", format!("a choice question may have at most {OPTIONS_MAX} options"));
            } else if let Some(long) = options.iter().find(|o| o.chars().count() > OPTION_MAX) {
                errors.add("options", "too_long", format!("the option '{long}' is longer than {OPTION_MAX} characters"));
            }
        }
        let Some(kind) = kind else { return Err(errors) };
        errors.into_result(QuestionInput { label, kind, options, required: self.required })
    }
}

/// A registration (table `event_registrations`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// Id.
    pub id: RegistrationId,
    /// The event.
    pub event_id: EventId,
    /// The registered user.
    pub user_id: UserId,
    /// The organisation they come for, if any.
    pub org_id: Option<OrgId>,
    /// Name shown to other participants.
    pub display_name: String,
    /// Onsite or remote.
    pub attendance: Attendance,
    /// Pending, approved, waitlisted, declined or cancelled.
    pub state: RegistrationState,
    /// Their own table (booth), if the organiser gave one.
    pub booth_table: Option<i32>,
    /// Their personal cap on meetings, if the organiser set one.
    pub max_meetings: Option<i32>,
    /// Scanned at the door (QR code on the agenda); unguessable.
    pub checkin_code: String,
    /// The secret of their subscribable calendar URL.
    pub calendar_token: String,
    /// When they were checked in.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Who checked them in.
    pub checked_in_by: Option<UserId>,
    /// Registered.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl RegistrationState {
    /// Still in the running: pending, approved or waitlisted.
    pub fn is_active(self) -> bool {
        matches!(self, RegistrationState::Pending | RegistrationState::Approved | RegistrationState::Waitlisted)
    }
}

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The question.
    pub question_id: QuestionId,
    /// The answer (`yes`/`no` for yes/no questions, the option's text for choices).
    pub answer: String,
}

/// A registration as the form submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistrationDraft {
    /// Name shown to other participants.
    pub display_name: String,
    /// `onsite` or `remote`.
    pub attendance: String,
    /// The organisation they come for (the app checks they belong to it).
    pub org_id: Option<OrgId>,
    /// Partnering profiles of that organisation they bring (the app checks ownership).
    pub profiles: Vec<ProfileId>,
    /// Slots they are not available in.
    pub unavailable: Vec<SlotId>,
    /// Answers by question.
    pub answers: BTreeMap<QuestionId, String>,
}

/// A validated registration's own fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationInput {
    /// Display name.
    pub display_name: String,
    /// Attendance.
    pub attendance: Attendance,
    /// Organisation.
    pub org_id: Option<OrgId>,
    /// Profiles brought (distinct).
    pub profiles: Vec<ProfileId>,
    /// Unavailable slots (distinct, all of this event).
    pub unavailable: Vec<SlotId>,
    /// Answers, in question order; unanswered optional questions are left out.
    pub answers: Vec<Answer>,
}

impl RegistrationDraft {
    /// Checks the name, the attendance, every answer against its question, and that the
    /// unavailable slots belong to the event (`slots`).
    pub fn validate(&self, questions: &[Question], slots: &[SlotId]) -> Result<RegistrationInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let display_name = required_text(&mut errors, "display_name", &self.display_name, DISPLAY_NAME_MAX);
        let attendance = Attendance::from_key(&self.attendance);
        if attendance.is_none() {
            errors.add("attendance", "invalid_choice", format!("attendance must be one of: {}", Attendance::keys_list()));
        }
        let mut answers = Vec::new();
        let mut ordered: Vec<&Question> = questions.iter().collect();
        ordered.sort_by_key(|q| q.position);
        for q in ordered {
            if let Some(answer) = check_answer(&mut errors, q, self.answers.get(&q.id).map(String::as_str)) {
                answers.push(Answer { question_id: q.id, answer });
            }
        }
        let known: BTreeSet<SlotId> = slots.iter().copied().collect();
        let unavailable: BTreeSet<SlotId> = self.unavailable.iter().copied().collect();
        if !unavailable.is_subset(&known) {
            errors.add("unavailable", "unknown_slot", "tick only the meeting slots listed for this event");
        }
        let profiles: BTreeSet<ProfileId> = self.profiles.iter().copied().collect();
        if !profiles.is_empty() && self.org_id.is_none() {
            errors.add("profiles", "profiles_need_org", "choose the organisation whose partnering profiles you bring");
        }
        let Some(attendance) = attendance else { return Err(errors) };
        errors.into_result(RegistrationInput {
            display_name,
            attendance,
            org_id: self.org_id,
            profiles: profiles.into_iter().collect(),
            unavailable: unavailable.into_iter().collect(),
            answers,
        })
    }
}

fn check_answer(errors: &mut ValidationErrors, q: &Question, raw: Option<&str>) -> Option<String> {
    let field = q.field();
    let value = raw.map(str::trim).filter(|v| !v.is_empty());
    let Some(value) = value else {
        if q.required {
            errors.add(&field, "required", format!("answer the question '{}'", q.label));
        }
        return None;
    };
    match q.kind {
        QuestionKind::Text => optional_text(errors, &field, Some(value), ANSWER_MAX),
        QuestionKind::Choice => match q.options.iter().find(|o| o.as_str() == value) {
            Some(option) => Some(option.clone()),
            None => {
                errors.add(&field, "invalid_choice", format!("choose one of the options for '{}'", q.label));
                None
            }
        },
        QuestionKind::YesNo => match value {
            YES | NO => Some(value.to_owned()),
            _ => {
                errors.add(&field, "invalid_choice", format!("answer '{}' with yes or no", q.label));
                None
            }
        },
    }
}

/// Is there a place for one more approved participant?
pub fn has_room(approved: i64, capacity: Option<i32>) -> bool {
    capacity.is_none_or(|c| approved < i64::from(c))
}

/// The state of a new registration: pending when the organisers approve each one, otherwise
/// approved while there is room and waitlisted once the event is full.
pub fn state_on_register(approval_required: bool, approved: i64, capacity: Option<i32>) -> RegistrationState {
    if approval_required {
        RegistrationState::Pending
    } else {
        state_on_approve(approved, capacity)
    }
}

/// The state an organiser's approval gives: approved while there is room, else waitlisted.
pub fn state_on_approve(approved: i64, capacity: Option<i32>) -> RegistrationState {
    if has_room(approved, capacity) { RegistrationState::Approved } else { RegistrationState::Waitlisted }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: QuestionKind, required: bool) -> Question {
        Question {
            id: QuestionId::new(),
            event_id: EventId::new(),
            position: 1,
            label: "Sector?".into(),
            kind,
            options: vec!["Health".into(), "Mobility".into()],
            required,
        }
    }

    fn draft() -> RegistrationDraft {
        RegistrationDraft { display_name: "Kim Weber".into(), attendance: "onsite".into(), ..RegistrationDraft::default() }
    }

    #[test]
    fn a_full_event_waitlists_and_approval_comes_first() {
        assert_eq!(state_on_register(false, 9, Some(10)), RegistrationState::Approved);
        assert_eq!(state_on_register(false, 10, Some(10)), RegistrationState::Waitlisted);
        assert_eq!(state_on_register(false, 10_000, None), RegistrationState::Approved);
        assert_eq!(state_on_register(true, 0, Some(10)), RegistrationState::Pending);
        assert_eq!(state_on_approve(10, Some(10)), RegistrationState::Waitlisted);
    }

    #[test]
    fn required_questions_must_be_answered_and_choices_must_be_listed() {
        let q = question(QuestionKind::Choice, true);
        let errors = draft().validate(std::slice::from_ref(&q), &[]).expect_err("unanswered");
        assert_eq!(errors.for_field(&q.field()).map(|e| e.code), Some("required"));
        let mut d = draft();
        d.answers.insert(q.id, "Space".into());
        assert_eq!(d.validate(std::slice::from_ref(&q), &[]).expect_err("unlisted").0[0].code, "invalid_choice");
        d.answers.insert(q.id, " Health ".into());
        let input = d.validate(std::slice::from_ref(&q), &[]).expect("valid");
        assert_eq!(input.answers, vec![Answer { question_id: q.id, answer: "Health".into() }]);
    }

    #[test]
    fn yes_no_answers_are_yes_or_no() {
        let q = question(QuestionKind::YesNo, false);
        let mut d = draft();
        assert!(d.validate(std::slice::from_ref(&q), &[]).expect("optional").answers.is_empty());
        d.answers.insert(q.id, "maybe".into());
        assert!(d.validate(std::slice::from_ref(&q), &[]).is_err());
        d.answers.insert(q.id, "no".into());
        assert!(d.validate(&[q], &[]).is_ok());
    }

    #[test]
    fn unavailability_names_only_this_events_slots() {
        let (mine, other) = (SlotId::new(), SlotId::new());
        let d = RegistrationDraft { unavailable: vec![mine, mine], ..draft() };
        assert_eq!(d.validate(&[], &[mine]).expect("valid").unavailable, vec![mine]);
        let d = RegistrationDraft { unavailable: vec![other], ..draft() };
        assert_eq!(d.validate(&[], &[mine]).expect_err("foreign").0[0].code, "unknown_slot");
    }

    #[test]
    fn choice_questions_need_two_options() {
        let d = QuestionDraft { label: "Sector".into(), kind: "choice".into(), options: "Health\n\nHealth".into(), required: true };
        assert_eq!(d.validate().expect_err("one option").0[0].code, "too_few_options");
        let d = QuestionDraft { options: "Health\nMobility\n".into(), ..d };
        assert_eq!(d.validate().expect("valid").options, vec!["Health", "Mobility"]);
    }
}
