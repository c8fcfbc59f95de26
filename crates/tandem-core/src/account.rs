//! User accounts, locales and organisation roles.

use crate::directory::{keyed_enum, OrgKind};
use crate::validation::ValidationErrors;
use crate::{OrgId, UserId};
use serde::{Deserialize, Serialize};

/// Shortest password accepted (NIST SP 800-63B §5.1.1.2: at least 8 characters).
pub const PASSWORD_MIN: usize = 10;
/// Longest password accepted; bounds hashing work per request.
pub const PASSWORD_MAX: usize = 256;

keyed_enum!(
    /// The languages of the UI and of emails.
    Locale {
        En = "en",
        De = "de",
    }
);

// Written out because `keyed_enum!` also declares enums that have no default.
#[allow(clippy::derivable_impls)]
impl Default for Locale {
    fn default() -> Self {
        Locale::En
    }
}

impl Locale {
    /// Picks the best supported locale from an `Accept-Language` header value (RFC 9110 §12.5.4).
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default().trim().to_ascii_lowercase();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok()))
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or_default();
            if let Some(locale) = Locale::from_key(primary)
                && quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                    best = Some((quality, locale));
                }
        }
        best.map(|(_, l)| l)
    }
}

keyed_enum!(
    /// A user's role in one organisation.
    OrgRole {
        /// Manages the organisation's record, its members and its programmes.
        OrgAdmin = "org_admin",
        /// Staff of a support organisation who runs programmes and supports enterprises.
        ProgrammeManager = "programme_manager",
        /// Staff of the organisation (for an SME: its employees).
        Member = "member",
    }
);

/// A normalised (trimmed, lower-cased) email address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// Parses an address: one `@`, a non-empty local part, a domain with a dot, no spaces, ≤ 254 chars.
    pub fn parse(raw: &str) -> Result<Email, ValidationErrors> {
        let s = raw.trim().to_lowercase();
        let valid = s.len() <= 254
            && !s.contains(char::is_whitespace)
            && match s.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if valid {
            Ok(Email(s))
        } else {
            let mut errors = ValidationErrors::default();
            errors.add("email", "invalid_email", "enter an email address such as name@example.org");
            Err(errors)
        }
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks a new password against the length rules.
pub fn check_password(password: &str) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let len = password.chars().count();
    if len < PASSWORD_MIN {
        errors.add("password", "password_too_short", format!("use at least {PASSWORD_MIN} characters"));
    } else if len > PASSWORD_MAX {
        errors.add("password", "too_long", format!("use at most {PASSWORD_MAX} characters"));
    }
    errors.into_result(())
}

/// A user account without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Id.
    pub id: UserId,
    /// Login and contact address.
    pub email: Email,
    /// Name shown to others.
    pub display_name: String,
    /// The address was confirmed through the emailed link.
    pub email_verified: bool,
    /// UI and email language.
    pub locale: Locale,
    /// May do anything anywhere.
    pub is_platform_admin: bool,
}

/// One user's role in one organisation, with the organisation's kind (support or not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    /// The organisation.
    pub org_id: OrgId,
    /// Its name, for menus.
    pub org_name: String,
    /// Its kind.
    pub org_kind: OrgKind,
    /// The user's role there.
    pub role: OrgRole,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accept_language_prefers_the_highest_quality_supported_tag() {
        assert_eq!(Locale::from_accept_language("de-DE,de;q=0.9,en;q=0.8"), Some(Locale::De));
        assert_eq!(Locale::from_accept_language("fr-FR, en-GB;q=0.7, de;q=0.5"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("en;q=0.2, de;q=0.9"), Some(Locale::De));
        assert_eq!(Locale::from_accept_language("fr, it"), None);
        assert_eq!(Locale::from_accept_language("de;q=0"), None);
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(Email::parse(" Anna@Example.ORG ").map(|e| e.0), Ok("anna@example.org".to_owned()));
        for bad in ["", "anna", "anna@", "@example.org", "anna@example", "an na@example.org", "a@b@c.de"] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_password("short").is_err());
        assert!(check_password("long enough passphrase").is_ok());
    }

    proptest! {
        #[test]
        fn accept_language_never_panics(header in "\\PC{0,60}") {
            let _ = Locale::from_accept_language(&header);
        }

        #[test]
        fn email_parsing_never_panics(raw in "\\PC{0,60}") {
            let _ = Email::parse(&raw);
        }
    }
}
