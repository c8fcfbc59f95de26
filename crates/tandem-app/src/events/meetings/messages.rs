//! The emails of meeting requests, in the recipient's language. Times come formatted in the
//! event's time zone (see [`slot_time`]), so a Leipzig participant of a Birmingham event reads
//! the time on the venue's clock, with its zone.

use crate::mail::messages::Message;
use chrono::{DateTime, Utc};
use tandem_core::events::event::Tz;
use tandem_core::account::Locale;

/// A slot's start and end in the event's time zone, e.g. "14 Nov 2027, 10:30–11:00 GMT".
pub fn slot_time(locale: Locale, tz: Tz, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> String {
    let (start, end) = (starts_at.with_timezone(&tz), ends_at.with_timezone(&tz));
    let day = match locale {
        Locale::En => start.format("%-d %b %Y").to_string(),
        Locale::De => start.format("%-d.%-m.%Y").to_string(),
    };
    format!("{day}, {}–{} {}", start.format("%H:%M"), end.format("%H:%M"), start.format("%Z"))
}

/// Where a placed meeting takes place, or that it is not placed yet.
pub fn place_line(locale: Locale, when: Option<&str>, table: Option<i32>) -> String {
    match (locale, when, table) {
        (Locale::En, Some(when), Some(table)) => format!("When: {when}\nWhere: table {table}\n"),
        (Locale::En, Some(when), None) => format!("When: {when}\nWhere: by video (the link follows on your agenda)\n"),
        (Locale::En, None, _) => "The time and table will be on your agenda once the meeting is scheduled.\n".into(),
        (Locale::De, Some(when), Some(table)) => format!("Wann: {when}\nWo: Tisch {table}\n"),
        (Locale::De, Some(when), None) => format!("Wann: {when}\nWo: per Video (den Link finden Sie in Ihrer Agenda)\n"),
        (Locale::De, None, _) => "Zeit und Tisch stehen in Ihrer Agenda, sobald das Treffen eingeplant ist.\n".into(),
    }
}

fn quoted(text: Option<&str>) -> String {
    text.map(|t| format!("\n> {}\n", t.replace('\n', "\n> "))).unwrap_or_default()
}

/// "X asks to meet you" (to the receiver of a request that waits for an answer).
pub fn requested(locale: Locale, name: &str, event: &str, from: &str, message: Option<&str>, link: &str) -> Message {
    let quote = quoted(message);
    match locale {
        Locale::En => Message {
            subject: format!("{from} asks to meet you at {event}"),
            body: format!(
                "Hello {name},\n\n{from} would like to meet you at {event}.\n{quote}\nAccept or decline the request \
                 here (unanswered requests expire):\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("{from} möchte Sie bei {event} treffen"),
            body: format!(
                "Hallo {name},\n\n{from} möchte Sie bei {event} treffen.\n{quote}\nNehmen Sie die Anfrage hier an oder \
                 lehnen Sie sie ab (unbeantwortete Anfragen verfallen):\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

/// "Your meeting with X is confirmed" (to the requester when accepted; to the receiver too when
/// the event accepts requests automatically). `place` comes from [`place_line`].
pub fn confirmed(locale: Locale, name: &str, event: &str, partner: &str, place: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: format!("Meeting with {partner} confirmed ({event})"),
            body: format!("Hello {name},\n\nyour meeting with {partner} at {event} is confirmed.\n\n{place}\nYour meetings:\n\n{link}\n\n-- Tandem\n"),
        },
        Locale::De => Message {
            subject: format!("Treffen mit {partner} bestätigt ({event})"),
            body: format!("Hallo {name},\n\nIhr Treffen mit {partner} bei {event} ist bestätigt.\n\n{place}\nIhre Treffen:\n\n{link}\n\n-- Tandem\n"),
        },
    }
}

/// "X declined your request" (to the requester), with the reason if one was given.
pub fn declined(locale: Locale, name: &str, event: &str, partner: &str, reason: Option<&str>, link: &str) -> Message {
    let quote = quoted(reason);
    match locale {
        Locale::En => Message {
            subject: format!("{partner} declined your meeting request ({event})"),
            body: format!(
                "Hello {name},\n\n{partner} cannot meet you at {event}.\n{quote}\nOther participants you may want to \
                 meet:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("{partner} hat Ihre Terminanfrage abgelehnt ({event})"),
            body: format!(
                "Hallo {name},\n\n{partner} kann Sie bei {event} leider nicht treffen.\n{quote}\nWeitere Teilnehmende, \
                 die Sie treffen könnten:\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

/// "The meeting with X was cancelled" (to the other party, or to both when the organiser
/// cancels), with the reason if one was given.
pub fn cancelled(locale: Locale, name: &str, event: &str, partner: &str, reason: Option<&str>, link: &str) -> Message {
    let quote = quoted(reason);
    match locale {
        Locale::En => Message {
            subject: format!("Meeting with {partner} cancelled ({event})"),
            body: format!("Hello {name},\n\nthe meeting (or request) with {partner} at {event} was cancelled.\n{quote}\nYour meetings:\n\n{link}\n\n-- Tandem\n"),
        },
        Locale::De => Message {
            subject: format!("Treffen mit {partner} abgesagt ({event})"),
            body: format!("Hallo {name},\n\ndas Treffen (oder die Anfrage) mit {partner} bei {event} wurde abgesagt.\n{quote}\nIhre Treffen:\n\n{link}\n\n-- Tandem\n"),
        },
    }
}

/// "Your request to X expired" (to the requester).
pub fn expired(locale: Locale, name: &str, event: &str, partner: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: format!("Your meeting request to {partner} expired ({event})"),
            body: format!(
                "Hello {name},\n\n{partner} did not answer your meeting request for {event} in time, so it has \
                 expired. You may send a new one:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Ihre Terminanfrage an {partner} ist verfallen ({event})"),
            body: format!(
                "Hallo {name},\n\n{partner} hat Ihre Terminanfrage für {event} nicht rechtzeitig beantwortet, daher ist \
                 sie verfallen. Sie können eine neue senden:\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

/// "X no longer takes part, so your meeting is cancelled" (to the partner of a participant who
/// cancelled their registration or was declined).
pub fn partner_left(locale: Locale, name: &str, event: &str, partner: &str, link: &str) -> Message {
    match locale {
        Locale::En => Message {
            subject: format!("Meeting with {partner} cancelled ({event})"),
            body: format!(
                "Hello {name},\n\n{partner} no longer takes part in {event}, so your meeting (or request) with them is \
                 cancelled and its time is free again. Your meetings:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Treffen mit {partner} abgesagt ({event})"),
            body: format!(
                "Hallo {name},\n\n{partner} nimmt nicht mehr an {event} teil, daher ist Ihr Treffen (oder Ihre Anfrage) \
                 abgesagt und die Zeit wieder frei. Ihre Treffen:\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn slot_times_are_on_the_venues_clock() {
        let start = Utc.with_ymd_and_hms(2027, 11, 14, 10, 30, 0).single().expect("time");
        let end = start + chrono::Duration::minutes(30);
        assert_eq!(slot_time(Locale::En, Tz::Europe__London, start, end), "14 Nov 2027, 10:30–11:00 GMT");
        assert_eq!(slot_time(Locale::De, Tz::Europe__Berlin, start, end), "14.11.2027, 11:30–12:00 CET");
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        for locale in [Locale::En, Locale::De] {
            let place = place_line(locale, Some("14 Nov"), Some(4));
            assert!(place.contains('4'));
            for m in [
                requested(locale, "Ann", "Tandem 25", "Bob", Some("Hi"), "http://x"),
                confirmed(locale, "Ann", "Tandem 25", "Bob", &place, "http://x"),
                declined(locale, "Ann", "Tandem 25", "Bob", None, "http://x"),
                cancelled(locale, "Ann", "Tandem 25", "Bob", Some("ill"), "http://x"),
                expired(locale, "Ann", "Tandem 25", "Bob", "http://x"),
                partner_left(locale, "Ann", "Tandem 25", "Bob", "http://x"),
            ] {
                assert!(m.subject.contains("Bob") && m.body.contains("http://x"), "{m:?}");
            }
        }
    }
}
