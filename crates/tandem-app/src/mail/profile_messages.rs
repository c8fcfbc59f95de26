//! The emails of a partnering profile's lifecycle and of saved-search alerts, in the recipient's
//! language.

use super::messages::Message;
use tandem_core::account::Locale;

/// To the managing support organisation: a profile waits for review.
pub fn profile_submitted(locale: Locale, name: &str, title: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: format!("Profile to review: {title}"),
            body: format!(
                "Hello {name},\n\na partnering profile was submitted for review:\n\n  {title}\n\nApprove it or return it \
                 with comments here:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Profil zur Prüfung: {title}"),
            body: format!(
                "Hallo {name},\n\nein Kooperationsprofil wurde zur Prüfung eingereicht:\n\n  {title}\n\nGeben Sie es hier \
                 frei oder senden Sie es mit Anmerkungen zurück:\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

/// To the authors: the profile is published.
pub fn profile_published(locale: Locale, name: &str, title: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: format!("Published: {title}"),
            body: format!(
                "Hello {name},\n\nyour partnering profile is now published in the marketplace for 365 days:\n\n  {title}\n\n\
                 {link}\n\nInterested organisations reach you through your support organisation, which introduces you.\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Veröffentlicht: {title}"),
            body: format!(
                "Hallo {name},\n\nIhr Kooperationsprofil ist jetzt für 365 Tage im Marktplatz veröffentlicht:\n\n  {title}\n\n\
                 {link}\n\nInteressierte Organisationen erreichen Sie über Ihre Unterstützungsorganisation, die Sie \
                 miteinander bekannt macht.\n\n-- Tandem\n"
            ),
        },
    }
}

/// To the authors: the reviewer returned the profile with comments.
pub fn profile_returned(locale: Locale, name: &str, title: &str, comments: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: format!("Changes requested: {title}"),
            body: format!(
                "Hello {name},\n\nthe reviewer returned your partnering profile with these comments:\n\n{comments}\n\n\
                 Edit it and submit it again here:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Änderungen erbeten: {title}"),
            body: format!(
                "Hallo {name},\n\ndie Prüfung hat Ihr Kooperationsprofil mit diesen Anmerkungen zurückgesandt:\n\n{comments}\n\n\
                 Bearbeiten Sie es und reichen Sie es hier erneut ein:\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

/// To the authors, 14 days before expiry: extend it or let it expire.
pub fn profile_expiring(locale: Locale, name: &str, title: &str, expires_on: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: format!("Expires on {expires_on}: {title}"),
            body: format!(
                "Hello {name},\n\nyour partnering profile expires on {expires_on}:\n\n  {title}\n\nIf you are still \
                 looking for partners, extend it once (by up to 365 days) here:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Läuft am {expires_on} ab: {title}"),
            body: format!(
                "Hallo {name},\n\nIhr Kooperationsprofil läuft am {expires_on} ab:\n\n  {title}\n\nWenn Sie weiter Partner \
                 suchen, verlängern Sie es hier einmalig (um bis zu 365 Tage):\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

/// One new profile in an alert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertItem {
    /// Title.
    pub title: String,
    /// Type and city, as shown in the marketplace ("Technology offer · Leipzig").
    pub kind_and_city: String,
    /// Link to the profile.
    pub link: String,
}

/// The daily or weekly alert of a saved search.
pub fn search_alert(locale: Locale, name: &str, search_name: &str, items: &[AlertItem], search_link: &str, unsubscribe_link: &str) -> Message {
    let list: String = items.iter().map(|i| format!("* {}\n  {}\n  {}\n\n", i.title, i.kind_and_city, i.link)).collect();
    let n = items.len();
    match locale {
        Locale::En => Message {
            subject: format!("{n} new partnering profile{} for \"{search_name}\"", if n == 1 { "" } else { "s" }),
            body: format!(
                "Hello {name},\n\nnew profiles match your saved search \"{search_name}\":\n\n{list}All results:\n{search_link}\n\n\
                 To stop these emails, open:\n{unsubscribe_link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("{n} neue{} Kooperationsprofil{} für „{search_name}“", if n == 1 { "s" } else { "" }, if n == 1 { "" } else { "e" }),
            body: format!(
                "Hallo {name},\n\nneue Profile passen zu Ihrer gespeicherten Suche „{search_name}“:\n\n{list}Alle Treffer:\n{search_link}\n\n\
                 Um diese E-Mails abzubestellen, öffnen Sie:\n{unsubscribe_link}\n\n-- Tandem\n"
            ),
        },
    }
}
