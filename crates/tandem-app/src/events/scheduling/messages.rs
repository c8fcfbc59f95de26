//! The scheduler's emails, in the recipient's language: a published agenda, and the changes a
//! later run made to an agenda already out. Times are on the venue's clock, with its zone
//! (`meetings::messages::slot_time`).

use crate::events::meetings::messages::slot_time;
use crate::mail::messages::Message;
use chrono::{DateTime, Utc};
use tandem_core::account::Locale;
use tandem_core::events::event::Tz;

/// When and where a meeting sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The slot's start.
    pub starts_at: DateTime<Utc>,
    /// The slot's end.
    pub ends_at: DateTime<Utc>,
    /// The table (None: by video).
    pub table: Option<i32>,
}

/// One line of an email about someone's agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Line {
    /// A meeting on the agenda (or newly put on it).
    Meeting {
        /// The other party.
        partner: String,
        /// Where.
        at: Place,
    },
    /// A meeting moved to another slot or table.
    Moved {
        /// The other party.
        partner: String,
        /// Where it was.
        from: Place,
        /// Where it is now.
        to: Place,
    },
    /// A meeting taken off the agenda (it waits for a slot again).
    Removed {
        /// The other party.
        partner: String,
        /// Where it was.
        from: Place,
    },
}

impl Line {
    /// When the line's meeting takes place now (or took place, when taken off): lists go by it.
    pub(crate) fn starts_at(&self) -> DateTime<Utc> {
        match self {
            Line::Meeting { at, .. } | Line::Moved { to: at, .. } | Line::Removed { from: at, .. } => at.starts_at,
        }
    }
}

fn when(locale: Locale, tz: Tz, at: &Place) -> String {
    slot_time(locale, tz, at.starts_at, at.ends_at)
}

fn table(locale: Locale, at: &Place) -> String {
    match (locale, at.table) {
        (Locale::En, Some(n)) => format!("table {n}"),
        (Locale::En, None) => "by video".into(),
        (Locale::De, Some(n)) => format!("Tisch {n}"),
        (Locale::De, None) => "per Video".into(),
    }
}

fn line(locale: Locale, tz: Tz, l: &Line) -> String {
    match (locale, l) {
        (_, Line::Meeting { partner, at }) => format!("- {}, {}: {partner}\n", when(locale, tz, at), table(locale, at)),
        (Locale::En, Line::Moved { partner, from, to }) => format!(
            "- {partner}: now {}, {} (was {}, {})\n",
            when(locale, tz, to),
            table(locale, to),
            when(locale, tz, from),
            table(locale, from)
        ),
        (Locale::De, Line::Moved { partner, from, to }) => format!(
            "- {partner}: jetzt {}, {} (bisher {}, {})\n",
            when(locale, tz, to),
            table(locale, to),
            when(locale, tz, from),
            table(locale, from)
        ),
        (Locale::En, Line::Removed { partner, from }) => {
            format!("- {partner}: no longer on your agenda (was {}); the organisers will find it a new time\n", when(locale, tz, from))
        }
        (Locale::De, Line::Removed { partner, from }) => {
            format!("- {partner}: nicht mehr in Ihrer Agenda (bisher {}); das Organisationsteam sucht eine neue Zeit\n", when(locale, tz, from))
        }
    }
}

fn lines(locale: Locale, tz: Tz, ls: &[Line]) -> String {
    ls.iter().map(|l| line(locale, tz, l)).collect()
}

/// "Your (preliminary or final) meeting agenda" (to every approved participant when the
/// organiser publishes), with their meetings in time order.
pub(crate) fn published(locale: Locale, name: &str, event: &str, tz: Tz, is_final: bool, meetings: &[Line], link: &str) -> Message {
    let list = lines(locale, tz, meetings);
    match locale {
        Locale::En => {
            let (kind, note) = if is_final {
                ("final", "")
            } else {
                ("preliminary", "It may still change; if it does, you will get an email with the changes.\n\n")
            };
            let list = if meetings.is_empty() { "You have no meetings on the agenda.\n".to_owned() } else { list };
            Message {
                subject: format!("Your {kind} meeting agenda for {event}"),
                body: format!(
                    "Hello {name},\n\nthe organisers of {event} have published the {kind} agenda of your meetings.\n\n{list}\n{note}\
                     Your agenda, with a calendar file and a printable version:\n\n{link}\n\n-- Tandem\n"
                ),
            }
        }
        Locale::De => {
            let (kind, note) = if is_final {
                ("endgültige", "")
            } else {
                ("vorläufige", "Sie kann sich noch ändern; dann erhalten Sie eine E-Mail mit den Änderungen.\n\n")
            };
            let list = if meetings.is_empty() { "In Ihrer Agenda stehen keine Treffen.\n".to_owned() } else { list };
            Message {
                subject: format!("Ihre {kind} Terminagenda für {event}"),
                body: format!(
                    "Hallo {name},\n\ndas Organisationsteam von {event} hat die {kind} Agenda Ihrer Treffen veröffentlicht.\n\n{list}\n{note}\
                     Ihre Agenda, mit Kalenderdatei und Druckversion:\n\n{link}\n\n-- Tandem\n"
                ),
            }
        }
    }
}

/// "Changes to your meetings" (to each participant whose published agenda a later scheduler
/// run changed: a meeting added, moved or taken off), once per run with every change.
pub(crate) fn changed(locale: Locale, name: &str, event: &str, tz: Tz, changes: &[Line], link: &str) -> Message {
    let list = lines(locale, tz, changes);
    match locale {
        Locale::En => Message {
            subject: format!("Changes to your meetings at {event}"),
            body: format!(
                "Hello {name},\n\nthe organisers of {event} have updated the meeting agenda. Your meetings changed:\n\n{list}\n\
                 Your agenda as it is now:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Änderungen an Ihren Treffen bei {event}"),
            body: format!(
                "Hallo {name},\n\ndas Organisationsteam von {event} hat die Terminagenda aktualisiert. Ihre Treffen haben sich \
                 geändert:\n\n{list}\nIhre aktuelle Agenda:\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn place(hour: u32, table: Option<i32>) -> Place {
        let starts_at = Utc.with_ymd_and_hms(2030, 10, 20, hour, 0, 0).single().expect("time");
        Place { starts_at, ends_at: starts_at + chrono::Duration::minutes(20), table }
    }

    #[test]
    fn agendas_and_changes_in_both_languages() {
        let tz = Tz::Europe__London;
        let meetings = [Line::Meeting { partner: "Petra (Leipzig Tech)".into(), at: place(9, Some(4)) }];
        let en = published(Locale::En, "Chris", "Tandem 25", tz, false, &meetings, "http://x/a");
        assert!(en.subject.contains("preliminary") && en.body.contains("10:00–10:20 BST, table 4: Petra (Leipzig Tech)"), "{en:?}");
        let de = published(Locale::De, "Chris", "Tandem 25", tz, true, &[], "http://x/a");
        assert!(de.subject.contains("endgültige") && de.body.contains("keine Treffen") && de.body.contains("http://x/a"), "{de:?}");

        let changes = [
            Line::Moved { partner: "Petra".into(), from: place(9, Some(4)), to: place(10, None) },
            Line::Removed { partner: "Bernd".into(), from: place(11, Some(2)) },
            Line::Meeting { partner: "Anna".into(), at: place(12, Some(1)) },
        ];
        let en = changed(Locale::En, "Chris", "Tandem 25", tz, &changes, "http://x/a");
        assert!(en.body.contains("Petra: now 20 Oct 2030, 11:00–11:20 BST, by video (was 20 Oct 2030, 10:00–10:20 BST, table 4)"), "{en:?}");
        assert!(en.body.contains("Bernd: no longer on your agenda") && en.body.contains("13:00–13:20 BST, table 1: Anna"));
        let de = changed(Locale::De, "Chris", "Tandem 25", tz, &changes, "http://x/a");
        assert!(de.subject.starts_with("Änderungen") && de.body.contains("jetzt 20.10.2030, 11:00–11:20 BST, per Video"), "{de:?}");
    }
}
