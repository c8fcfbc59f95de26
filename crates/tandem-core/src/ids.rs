//! Newtype ids (UUID v7: time-ordered, not enumerable, identical on SQLite and PostgreSQL).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    /// A city of the partnership (Birmingham, Leipzig, …).
    CityId,
    /// An organisation in the directory.
    OrgId,
    /// A programme run by an organisation.
    ProgrammeId,
    /// A person (contact) who belongs to an organisation.
    PersonId,
    /// A user account.
    UserId,
    /// An API token.
    TokenId,
    /// An outbox message.
    MessageId,
    /// A partnering profile.
    ProfileId,
    /// An expression of interest in a partnering profile.
    InterestId,
    /// A partnership agreement.
    AgreementId,
    /// An evidence file attached to a partnership agreement.
    EvidenceId,
    /// A saved marketplace search with its alert.
    SavedSearchId,
    /// A brokerage event.
    EventId,
    /// A session on an event's agenda (keynote, panel, demo, matchmaking …).
    SessionId,
    /// A speaker of an agenda session.
    SpeakerId,
    /// A meeting slot of a matchmaking session.
    SlotId,
    /// A custom registration question of an event.
    QuestionId,
    /// A participant's registration for an event.
    RegistrationId,
    /// A meeting request between two participants, and the meeting it becomes.
    MeetingId,
    /// One run of an event's auto-scheduler.
    ScheduleRunId,
    /// A funded project that gives support to enterprises.
    ProjectId,
    /// One piece of support given to an enterprise.
    SupportRecordId,
    /// An evidence file attached to a support record.
    SupportEvidenceId,
    /// An outcome of a supported enterprise (a business start, employment, an innovation …).
    OutcomeId,
    /// An evidence file attached to an enterprise's outcome.
    OutcomeEvidenceId,
);
