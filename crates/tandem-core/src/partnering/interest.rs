//! Expressions of interest (DOMAIN.md: "Interest is expressed through the support organisations,
//! which introduce the parties"). An organisation — or a support organisation on its behalf —
//! answers the standard questions; the profile's support organisation accepts and introduces the
//! parties, which is when contact details are exchanged, or declines with a reason.

use crate::directory::keyed_enum;
use crate::validation::{required_text, optional_text, ValidationErrors};
use crate::{InterestId, OrgId, ProfileId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest answer to one of the standard questions.
pub const ANSWER_MAX: usize = 2_000;
/// Longest reason for declining.
pub const REASON_MAX: usize = 1_000;

keyed_enum!(
    /// Where an expression of interest stands.
    InterestState {
        Submitted = "submitted",
        Introduced = "introduced",
        Declined = "declined",
        Withdrawn = "withdrawn",
    }
);

impl InterestState {
    /// Still waiting for the profile's support organisation.
    pub fn is_open(self) -> bool {
        self == InterestState::Submitted
    }
}

/// The standard questions, answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestAnswers {
    /// What cooperation is sought.
    pub cooperation_sought: String,
    /// What is missing from the profile (questions for the owner).
    pub missing_information: Option<String>,
    /// Who we are.
    pub who_we_are: String,
}

impl InterestAnswers {
    /// Trims the answers and checks that the two required ones are there and none is too long.
    pub fn validate(&self) -> Result<InterestAnswers, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let answers = InterestAnswers {
            cooperation_sought: required_text(&mut errors, "cooperation_sought", &self.cooperation_sought, ANSWER_MAX),
            missing_information: optional_text(&mut errors, "missing_information", self.missing_information.as_deref(), ANSWER_MAX),
            who_we_are: required_text(&mut errors, "who_we_are", &self.who_we_are, ANSWER_MAX),
        };
        errors.into_result(answers)
    }
}

/// An expression of interest as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interest {
    /// Id.
    pub id: InterestId,
    /// The profile it answers.
    pub profile_id: ProfileId,
    /// The interested organisation.
    pub from_org_id: OrgId,
    /// The answers.
    pub answers: InterestAnswers,
    /// State.
    pub state: InterestState,
    /// Why it was declined.
    pub decline_reason: Option<String>,
    /// Who sent it (a member of the interested organisation, or support staff on its behalf).
    pub created_by: Option<UserId>,
    /// Who introduced or declined it.
    pub decided_by: Option<UserId>,
    /// Sent.
    pub created_at: DateTime<Utc>,
    /// Introduced, declined or withdrawn.
    pub decided_at: Option<DateTime<Utc>>,
}

/// Validates a reason for declining: required, so the interested party learns why.
pub fn validate_decline_reason(reason: &str) -> Result<String, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let reason = required_text(&mut errors, "reason", reason, REASON_MAX);
    errors.into_result(reason)
}
