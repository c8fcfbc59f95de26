//! The emails Tandem sends, in the recipient's language.

use tandem_core::account::Locale;

/// A rendered email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// "Confirm your email address".
pub fn verify_email(locale: Locale, name: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: "Confirm your email address for Tandem".into(),
            body: format!(
                "Hello {name},\n\nplease confirm your email address for Tandem by opening this link:\n\n{link}\n\n\
                 The link works for 48 hours. If you did not register, ignore this email.\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse für Tandem".into(),
            body: format!(
                "Hallo {name},\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für Tandem über diesen Link:\n\n{link}\n\n\
                 Der Link ist 48 Stunden gültig. Wenn Sie sich nicht registriert haben, ignorieren Sie diese E-Mail.\n\n-- Tandem\n"
            ),
        },
    }
}

/// "Reset your password".
pub fn reset_password(locale: Locale, name: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: "Reset your Tandem password".into(),
            body: format!(
                "Hello {name},\n\nsomeone (hopefully you) asked to reset your Tandem password. Choose a new one here:\n\n\
                 {link}\n\nThe link works for 60 minutes and only once. If you did not ask, ignore this email; your \
                 password stays as it is.\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: "Tandem-Passwort zurücksetzen".into(),
            body: format!(
                "Hallo {name},\n\njemand (hoffentlich Sie) hat angefordert, Ihr Tandem-Passwort zurückzusetzen. Wählen Sie \
                 hier ein neues:\n\n{link}\n\nDer Link ist 60 Minuten und nur einmal gültig. Wenn Sie das nicht waren, \
                 ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.\n\n-- Tandem\n"
            ),
        },
    }
}
