//! The emails of a partnering profile's lifecycle and of saved-search alerts, in the recipient's
//! language.

use super::messages::Message;
use crate::matching::{Reason, SharedTerm};
use tandem_core::account::Locale;
use tandem_core::partnering::ProfileType;

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
    /// Why it is recommended (one line; recommendations only).
    pub why: Option<String>,
}

fn alert_list(locale: Locale, items: &[AlertItem]) -> String {
    let why = match locale {
        Locale::En => "Why",
        Locale::De => "Warum",
    };
    items
        .iter()
        .map(|i| match &i.why {
            Some(reasons) => format!("* {}\n  {}\n  {why}: {reasons}\n  {}\n\n", i.title, i.kind_and_city, i.link),
            None => format!("* {}\n  {}\n  {}\n\n", i.title, i.kind_and_city, i.link),
        })
        .collect()
}

/// The daily or weekly alert of a saved search: the new profiles it found, then new profiles
/// recommended for the recipient's own published profiles (either list may be empty, not both).
pub fn search_alert(
    locale: Locale,
    name: &str,
    search_name: &str,
    items: &[AlertItem],
    recommended: &[AlertItem],
    search_link: &str,
    unsubscribe_link: &str,
) -> Message {
    let list = alert_list(locale, items);
    let picks = alert_list(locale, recommended);
    let (n, r) = (items.len(), recommended.len());
    match locale {
        Locale::En => {
            let found = if n == 0 {
                format!("Nothing new matches your saved search \"{search_name}\" this time.\n\n")
            } else {
                format!("new profiles match your saved search \"{search_name}\":\n\n{list}")
            };
            let picks = if r == 0 {
                String::new()
            } else {
                format!("Recommended for you: new profiles that fit your own published profiles:\n\n{picks}")
            };
            let subject = if n == 0 {
                format!("Recommended for you: {r} new partnering profile{}", if r == 1 { "" } else { "s" })
            } else {
                format!("{n} new partnering profile{} for \"{search_name}\"", if n == 1 { "" } else { "s" })
            };
            Message {
                subject,
                body: format!(
                    "Hello {name},\n\n{found}{picks}All results:\n{search_link}\n\n\
                     To stop these emails, open:\n{unsubscribe_link}\n\n-- Tandem\n"
                ),
            }
        }
        Locale::De => {
            let found = if n == 0 {
                format!("Diesmal passt nichts Neues zu Ihrer gespeicherten Suche „{search_name}“.\n\n")
            } else {
                format!("neue Profile passen zu Ihrer gespeicherten Suche „{search_name}“:\n\n{list}")
            };
            let picks = if r == 0 {
                String::new()
            } else {
                format!("Für Sie empfohlen – neue Profile, die zu Ihren eigenen veröffentlichten Profilen passen:\n\n{picks}")
            };
            let subject = if n == 0 {
                format!("Für Sie empfohlen: {r} neue{} Kooperationsprofil{}", if r == 1 { "s" } else { "" }, if r == 1 { "" } else { "e" })
            } else {
                format!("{n} neue{} Kooperationsprofil{} für „{search_name}“", if n == 1 { "s" } else { "" }, if n == 1 { "" } else { "e" })
            };
            Message {
                subject,
                body: format!(
                    "Hallo {name},\n\n{found}{picks}Alle Treffer:\n{search_link}\n\n\
                     Um diese E-Mails abzubestellen, öffnen Sie:\n{unsubscribe_link}\n\n-- Tandem\n"
                ),
            }
        }
    }
}

/// The strongest reasons of a recommendation as one line in `locale` ("Both about virtual
/// reality and medical devices · Technology request ↔ Technology offer"); keywords are named by
/// `keyword`.
pub fn reasons_line(locale: Locale, reasons: &[Reason], keyword: impl Fn(&str) -> String) -> String {
    let de = locale == Locale::De;
    let and = if de { " und " } else { " and " };
    let join = |items: Vec<String>| match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, head)) => format!("{}{and}{last}", head.join(", ")),
    };
    let term = |t: &SharedTerm| if de { t.de.clone() } else { t.en.clone() };
    let side = |key: &str| match ProfileType::parse(key) {
        Some(kind) => crate::partnering::alerts::type_label(locale, kind).to_owned(),
        None => (if de { "Forschungstätigkeit" } else { "research activity" }).to_owned(),
    };
    let line = |reason: &Reason| -> String {
        match reason {
            Reason::SharedConcepts { concepts } => {
                let items = join(concepts.iter().take(3).map(term).collect());
                if de { format!("beide zu {items}") } else { format!("both about {items}") }
            }
            Reason::SharedWords { words } => {
                let items = join(words.iter().take(3).map(|w| if w.de.eq_ignore_ascii_case(&w.en) { term(w) } else { format!("{} ↔ {}", w.de, w.en) }).collect());
                if de { format!("gemeinsame Begriffe: {items}") } else { format!("shared terms: {items}") }
            }
            Reason::SharedKeywords { codes } => {
                let items = join(codes.iter().take(3).map(|c| keyword(c)).collect());
                if de { format!("gleiche Schlagwörter: {items}") } else { format!("same keywords: {items}") }
            }
            Reason::SameActivity { code } => if de { format!("gleiche Branche (NACE {code})") } else { format!("same line of business (NACE {code})") },
            Reason::Complementary { this, other } => format!("{} ↔ {}", side(this), side(other)),
            Reason::TargetCountry { country } => if de { format!("Zielland {country}") } else { format!("target country {country}") },
            Reason::PartnerCity { city } => if de { format!("in der Partnerstadt {city}") } else { format!("in the partner city {city}") },
            Reason::Recent { days } => match (de, days) {
                (false, ..=0) => "published today".to_owned(),
                (false, 1) => "published yesterday".to_owned(),
                (false, d) => format!("published {d} days ago"),
                (true, ..=0) => "heute veröffentlicht".to_owned(),
                (true, 1) => "gestern veröffentlicht".to_owned(),
                (true, d) => format!("vor {d} Tagen veröffentlicht"),
            },
            Reason::SharedPartners { keys, count } => {
                let others = count.saturating_sub(keys.len());
                let names = keys.join(", ");
                match (de, others) {
                    (false, 0) => format!("both worked with {names}"),
                    (false, n) => format!("both worked with {names} and {n} other{}", if n == 1 { "" } else { "s" }),
                    (true, 0) => format!("beide arbeiteten mit {names}"),
                    (true, n) => format!("beide arbeiteten mit {names} und {n} weiteren"),
                }
            }
            Reason::PartnersOfPartners { keys, .. } => {
                let via = if keys.is_empty() { String::new() } else { format!(" ({})", keys.iter().take(3).cloned().collect::<Vec<_>>().join(", ")) };
                if de { format!("über Partner von Partnern verbunden{via}") } else { format!("connected through partners of partners{via}") }
            }
            Reason::SharedAreas { areas } => {
                let items = join(areas.iter().take(3).cloned().collect());
                if de { format!("beide aktiv in {items}") } else { format!("both active in {items}") }
            }
        }
    };
    let mut parts: Vec<String> = reasons.iter().take(3).map(line).filter(|l| !l.is_empty()).collect();
    if let Some(first) = parts.first_mut() {
        let mut chars = first.chars();
        if let Some(c) = chars.next() {
            *first = c.to_uppercase().chain(chars).collect();
        }
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_one_line_in_either_language() {
        let reasons = vec![
            Reason::SharedConcepts {
                concepts: vec![
                    SharedTerm { en: "virtual reality".into(), de: "virtuelle Realität".into() },
                    SharedTerm { en: "medical devices".into(), de: "Medizintechnik".into() },
                ],
            },
            Reason::Complementary { this: "TR".into(), other: "TO".into() },
            Reason::Recent { days: 2 },
            Reason::PartnersOfPartners { keys: vec![], count: 0 },
        ];
        let en = reasons_line(Locale::En, &reasons, str::to_owned);
        assert_eq!(en, "Both about virtual reality and medical devices · Technology request ↔ Technology offer · published 2 days ago");
        let de = reasons_line(Locale::De, &reasons, str::to_owned);
        assert_eq!(de, "Beide zu virtuelle Realität und Medizintechnik · Technologiegesuch ↔ Technologieangebot · vor 2 Tagen veröffentlicht");
        assert_eq!(reasons_line(Locale::En, &[], str::to_owned), "");
    }

    #[test]
    fn a_digest_with_only_recommendations_says_so() {
        let pick = AlertItem { title: "VR".into(), kind_and_city: "Technology offer · Birmingham".into(), link: "L".into(), why: Some("Both about VR".into()) };
        let m = search_alert(Locale::En, "anna", "Sims", &[], std::slice::from_ref(&pick), "S", "U");
        assert_eq!(m.subject, "Recommended for you: 1 new partnering profile");
        assert!(m.body.contains("Nothing new matches") && m.body.contains("  Why: Both about VR\n"), "{}", m.body);
        let m = search_alert(Locale::De, "anna", "Sims", &[], &[pick.clone(), pick], "S", "U");
        assert_eq!(m.subject, "Für Sie empfohlen: 2 neue Kooperationsprofile");
        assert!(m.body.contains("Für Sie empfohlen") && m.body.contains("  Warum: Both about VR\n"), "{}", m.body);
    }
}
