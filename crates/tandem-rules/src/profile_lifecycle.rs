//! The lifecycle of a partnering profile, after the Enterprise Europe Network's partnering rules
//! (../shared/design/DOMAIN.md, "Partnering profiles"; issue 3, item 3):
//!
//! draft → submitted → reviewed by a support organisation (approved, or returned with comments)
//! → published → expiry notice 14 days before → expired 365 days after publication → one
//! extension of up to 365 days (from 30 days before expiry, or within a year after expiring)
//! → archived 2 years after publication; withdrawn at any time.
//!
//! Who may take an action is decided by the policy layer; this module decides only whether the
//! action is possible from the profile's state and dates, and what the state becomes.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Days a profile stays published before it expires.
pub const PUBLICATION_DAYS: i64 = 365;
/// Days before expiry when the owner is told the profile will expire.
pub const EXPIRY_NOTICE_DAYS: i64 = 14;
/// Longest single extension.
pub const MAX_EXTENSION_DAYS: i64 = 365;
/// An extension may be asked for from this many days before expiry …
pub const EXTENSION_OPENS_DAYS_BEFORE_EXPIRY: i64 = 30;
/// … until this many days after expiry.
pub const EXTENSION_CLOSES_DAYS_AFTER_EXPIRY: i64 = 365;
/// Days after publication when a profile is archived.
pub const ARCHIVE_AFTER_DAYS: i64 = 730;

/// Where a profile stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileState {
    /// Being written.
    Draft,
    /// Waiting for a support organisation's review.
    Submitted,
    /// Sent back with comments; the owner edits and submits again.
    Returned,
    /// Visible in the marketplace.
    Published,
    /// No longer visible; may still be extended once.
    Expired,
    /// Kept for the record only.
    Archived,
    /// Taken back by its owner or support organisation.
    Withdrawn,
}

impl ProfileState {
    /// Every state, in lifecycle order.
    pub const ALL: [ProfileState; 7] = [
        ProfileState::Draft,
        ProfileState::Submitted,
        ProfileState::Returned,
        ProfileState::Published,
        ProfileState::Expired,
        ProfileState::Archived,
        ProfileState::Withdrawn,
    ];

    /// The stable key stored in the database and used in the API, CSS classes and translation
    /// ids (the same word serde writes).
    pub fn key(self) -> &'static str {
        match self {
            ProfileState::Draft => "draft",
            ProfileState::Submitted => "submitted",
            ProfileState::Returned => "returned",
            ProfileState::Published => "published",
            ProfileState::Expired => "expired",
            ProfileState::Archived => "archived",
            ProfileState::Withdrawn => "withdrawn",
        }
    }

    /// The state for a stable key.
    pub fn from_key(key: &str) -> Option<ProfileState> {
        ProfileState::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// The state and dates that decide what can happen next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lifecycle {
    /// Current state.
    pub state: ProfileState,
    /// When it was first published.
    pub published_at: Option<DateTime<Utc>>,
    /// When it expires (or expired).
    pub expires_at: Option<DateTime<Utc>>,
    /// The one extension has been used.
    pub extended: bool,
}

/// Something a person or the scheduled job does to a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action")]
pub enum Action {
    /// The owner's side sends the profile for review.
    Submit,
    /// A reviewing support organisation publishes it.
    Approve,
    /// A reviewing support organisation sends it back with comments.
    Return,
    /// The owner's side takes it back.
    Withdraw,
    /// The owner's side extends it once, by `days` (1–365).
    Extend {
        /// Length of the extension.
        days: i64,
    },
    /// The scheduled job: publication time is over.
    Expire,
    /// The scheduled job: two years after publication.
    Archive,
}

/// Why an action is not possible now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The action does not apply to a profile in this state.
    #[error("a {state:?} profile cannot be changed this way ({action:?})")]
    WrongState {
        /// The profile's state.
        state: ProfileState,
        /// The action tried.
        action: Action,
    },
    /// The extension was used already.
    #[error("a profile can be extended only once")]
    AlreadyExtended,
    /// Too early or too late to extend.
    #[error("an extension is possible from 30 days before expiry until a year after it")]
    OutsideExtensionWindow,
    /// Extensions last 1 to 365 days.
    #[error("an extension lasts from 1 to 365 days")]
    InvalidExtensionLength,
    /// The job acted before the date.
    #[error("not due yet")]
    NotDue,
}

impl Lifecycle {
    /// A new draft.
    pub fn draft() -> Lifecycle {
        Lifecycle { state: ProfileState::Draft, published_at: None, expires_at: None, extended: false }
    }

    /// The state after `action` at `now`, or why it is not possible.
    pub fn apply(&self, action: Action, now: DateTime<Utc>) -> Result<Lifecycle, TransitionError> {
        use ProfileState::*;
        let wrong = || TransitionError::WrongState { state: self.state, action };
        let next = |state: ProfileState| Lifecycle { state, ..*self };
        match action {
            Action::Submit => match self.state {
                Draft | Returned => Ok(next(Submitted)),
                _ => Err(wrong()),
            },
            Action::Approve => match self.state {
                Submitted => Ok(Lifecycle {
                    state: Published,
                    published_at: Some(now),
                    expires_at: Some(now + Duration::days(PUBLICATION_DAYS)),
                    extended: false,
                }),
                _ => Err(wrong()),
            },
            Action::Return => match self.state {
                Submitted => Ok(next(Returned)),
                _ => Err(wrong()),
            },
            Action::Withdraw => match self.state {
                Archived | Withdrawn => Err(wrong()),
                _ => Ok(next(Withdrawn)),
            },
            Action::Extend { days } => {
                let (Published | Expired) = self.state else { return Err(wrong()) };
                if self.extended {
                    return Err(TransitionError::AlreadyExtended);
                }
                if !(1..=MAX_EXTENSION_DAYS).contains(&days) {
                    return Err(TransitionError::InvalidExtensionLength);
                }
                let expires_at = self.expires_at.ok_or_else(wrong)?;
                let opens = expires_at - Duration::days(EXTENSION_OPENS_DAYS_BEFORE_EXPIRY);
                let closes = expires_at + Duration::days(EXTENSION_CLOSES_DAYS_AFTER_EXPIRY);
                if now < opens || now > closes {
                    return Err(TransitionError::OutsideExtensionWindow);
                }
                // An expired profile's extension runs from the day it is granted, a published
                // one's from its current expiry, so no extension is shorter than asked for.
                let base = expires_at.max(now);
                Ok(Lifecycle { state: Published, expires_at: Some(base + Duration::days(days)), extended: true, ..*self })
            }
            Action::Expire => match (self.state, self.expires_at) {
                (Published, Some(at)) if now >= at => Ok(next(Expired)),
                (Published, _) => Err(TransitionError::NotDue),
                _ => Err(wrong()),
            },
            Action::Archive => match (self.state, self.published_at) {
                (Published | Expired, Some(at)) if now >= at + Duration::days(ARCHIVE_AFTER_DAYS) => Ok(next(Archived)),
                (Published | Expired, _) => Err(TransitionError::NotDue),
                _ => Err(wrong()),
            },
        }
    }

    /// What the scheduled job must do now, if anything (archiving wins over expiring).
    /// Applying it and asking again gives `None`, so running the job twice changes nothing.
    pub fn due(&self, now: DateTime<Utc>) -> Option<Action> {
        [Action::Archive, Action::Expire].into_iter().find(|a| self.apply(*a, now).is_ok())
    }

    /// True from 14 days before expiry until expiry, while published: the time to send the notice.
    pub fn expiry_notice_due(&self, now: DateTime<Utc>) -> bool {
        match (self.state, self.expires_at) {
            (ProfileState::Published, Some(at)) => now >= at - Duration::days(EXPIRY_NOTICE_DAYS) && now < at,
            _ => false,
        }
    }

    /// Visible in the marketplace.
    pub fn is_public(&self) -> bool {
        self.state == ProfileState::Published
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 15, 9, 0, 0).single().expect("valid date")
    }

    fn days(n: i64) -> Duration {
        Duration::days(n)
    }

    fn published() -> Lifecycle {
        let submitted = Lifecycle::draft().apply(Action::Submit, t0()).expect("submit");
        submitted.apply(Action::Approve, t0()).expect("approve")
    }

    #[test]
    fn state_keys_are_the_words_serde_writes() {
        for state in ProfileState::ALL {
            assert_eq!(serde_json::to_value(state).expect("serialise"), serde_json::json!(state.key()));
            assert_eq!(ProfileState::from_key(state.key()), Some(state));
        }
    }

    #[test]
    fn a_draft_is_submitted_reviewed_and_published_for_365_days() {
        let p = published();
        assert_eq!(p.state, ProfileState::Published);
        assert_eq!(p.published_at, Some(t0()));
        assert_eq!(p.expires_at, Some(t0() + days(365)));
        assert!(p.is_public());
    }

    #[test]
    fn a_returned_profile_is_edited_and_submitted_again() {
        let submitted = Lifecycle::draft().apply(Action::Submit, t0()).expect("submit");
        let returned = submitted.apply(Action::Return, t0()).expect("return");
        assert_eq!(returned.state, ProfileState::Returned);
        assert_eq!(returned.apply(Action::Submit, t0()).expect("resubmit").state, ProfileState::Submitted);
    }

    #[test]
    fn only_submitted_profiles_are_reviewed() {
        for action in [Action::Approve, Action::Return] {
            assert!(matches!(Lifecycle::draft().apply(action, t0()), Err(TransitionError::WrongState { .. })));
            assert!(matches!(published().apply(action, t0()), Err(TransitionError::WrongState { .. })));
        }
        assert!(published().apply(Action::Submit, t0()).is_err(), "published profiles are not resubmitted");
    }

    #[test]
    fn withdraw_works_from_any_live_state() {
        let submitted = Lifecycle::draft().apply(Action::Submit, t0()).expect("submit");
        for p in [Lifecycle::draft(), submitted, published()] {
            assert_eq!(p.apply(Action::Withdraw, t0()).expect("withdraw").state, ProfileState::Withdrawn);
        }
        let withdrawn = published().apply(Action::Withdraw, t0()).expect("withdraw");
        assert!(withdrawn.apply(Action::Withdraw, t0()).is_err());
    }

    #[test]
    fn expiry_notice_is_due_in_the_last_14_days() {
        let p = published();
        assert!(!p.expiry_notice_due(t0() + days(350)));
        assert!(p.expiry_notice_due(t0() + days(351)));
        assert!(p.expiry_notice_due(t0() + days(365) - Duration::seconds(1)));
        assert!(!p.expiry_notice_due(t0() + days(365)));
    }

    #[test]
    fn the_job_expires_at_365_days_and_archives_at_two_years() {
        let p = published();
        assert_eq!(p.due(t0() + days(364)), None);
        assert_eq!(p.due(t0() + days(365)), Some(Action::Expire));
        let expired = p.apply(Action::Expire, t0() + days(365)).expect("expire");
        assert!(!expired.is_public());
        assert_eq!(expired.due(t0() + days(500)), None);
        assert_eq!(expired.due(t0() + days(730)), Some(Action::Archive));
        assert_eq!(p.apply(Action::Expire, t0() + days(10)), Err(TransitionError::NotDue));
    }

    #[test]
    fn extension_opens_30_days_before_expiry() {
        let p = published();
        assert_eq!(p.apply(Action::Extend { days: 365 }, t0() + days(334)), Err(TransitionError::OutsideExtensionWindow));
        let extended = p.apply(Action::Extend { days: 365 }, t0() + days(335)).expect("extend");
        assert_eq!(extended.expires_at, Some(t0() + days(730)), "runs from the current expiry");
        assert_eq!(extended.apply(Action::Extend { days: 10 }, t0() + days(700)), Err(TransitionError::AlreadyExtended));
    }

    #[test]
    fn an_expired_profile_can_be_extended_within_a_year() {
        let expired = published().apply(Action::Expire, t0() + days(365)).expect("expire");
        let revived = expired.apply(Action::Extend { days: 100 }, t0() + days(400)).expect("extend");
        assert_eq!(revived.state, ProfileState::Published);
        assert_eq!(revived.expires_at, Some(t0() + days(500)), "runs from the day it is granted");
        assert_eq!(expired.apply(Action::Extend { days: 100 }, t0() + days(731)), Err(TransitionError::OutsideExtensionWindow));
    }

    #[test]
    fn extensions_last_one_to_365_days() {
        let p = published();
        for bad in [0, -5, 366] {
            assert_eq!(p.apply(Action::Extend { days: bad }, t0() + days(340)), Err(TransitionError::InvalidExtensionLength));
        }
    }

    #[test]
    fn drafts_cannot_be_extended_expired_or_archived() {
        for action in [Action::Extend { days: 10 }, Action::Expire, Action::Archive] {
            assert!(matches!(Lifecycle::draft().apply(action, t0()), Err(TransitionError::WrongState { .. })));
        }
    }

    fn any_action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::Submit),
            Just(Action::Approve),
            Just(Action::Return),
            Just(Action::Withdraw),
            (-10i64..400).prop_map(|days| Action::Extend { days }),
            Just(Action::Expire),
            Just(Action::Archive),
        ]
    }

    proptest! {
        #[test]
        fn dates_stay_consistent_whatever_happens(steps in proptest::collection::vec((any_action(), 0i64..120), 0..30)) {
            let mut p = Lifecycle::draft();
            let mut now = t0();
            let mut extensions = 0;
            for (action, gap) in steps {
                now += days(gap);
                if let Ok(next) = p.apply(action, now) {
                    if matches!(action, Action::Extend { .. }) {
                        extensions += 1;
                    }
                    p = next;
                }
                prop_assert!(extensions <= 1, "at most one extension");
                if let (Some(published), Some(expires)) = (p.published_at, p.expires_at) {
                    prop_assert!(expires >= published + days(PUBLICATION_DAYS));
                    prop_assert!(expires <= published + days(ARCHIVE_AFTER_DAYS + MAX_EXTENSION_DAYS));
                }
                if p.state == ProfileState::Archived {
                    prop_assert!(p.published_at.is_some_and(|at| now >= at + days(ARCHIVE_AFTER_DAYS)));
                }
            }
        }

        #[test]
        fn the_job_is_idempotent(gap in 0i64..1200) {
            let now = t0() + days(gap);
            let mut p = published();
            while let Some(action) = p.due(now) {
                p = p.apply(action, now).expect("a due action applies");
            }
            prop_assert_eq!(p.due(now), None);
            prop_assert!(p.apply(Action::Expire, now).is_err() && p.apply(Action::Archive, now).is_err());
        }
    }
}
