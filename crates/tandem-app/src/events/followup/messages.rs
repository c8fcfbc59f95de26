//! The follow-up emails, in the recipient's language.

use crate::mail::messages::Message;
use tandem_core::account::Locale;

/// "What came of your meetings at X?" — the second-stage survey, about six months after the
/// event, with the number of meetings it asks about.
pub fn survey(locale: Locale, name: &str, event: &str, meetings: usize, link: &str) -> Message {
    match locale {
        Locale::En => {
            let count = if meetings == 1 { "your meeting".to_owned() } else { format!("your {meetings} meetings") };
            Message {
                subject: format!("What came of your meetings at {event}?"),
                body: format!(
                    "Hello {name},\n\nabout six months ago you met other participants at {event}. Please tell us what \
                     came of {count}: no further contact, knowledge gained, a valuable contact, negotiations, or an \
                     agreement (which you can record there too). It takes a minute:\n\n{link}\n\nYour answers help the \
                     organisers show what the partnership achieves.\n\n-- Tandem\n"
                ),
            }
        }
        Locale::De => {
            let count = if meetings == 1 { "Ihrem Treffen".to_owned() } else { format!("Ihren {meetings} Treffen") };
            Message {
                subject: format!("Was ist aus Ihren Treffen bei {event} geworden?"),
                body: format!(
                    "Hallo {name},\n\nvor etwa sechs Monaten haben Sie bei {event} andere Teilnehmende getroffen. Bitte \
                     sagen Sie uns, was aus {count} geworden ist: kein weiterer Kontakt, Wissen gewonnen, ein wertvoller \
                     Kontakt, Verhandlungen oder eine Vereinbarung (die Sie dort auch erfassen können). Es dauert eine \
                     Minute:\n\n{link}\n\nIhre Antworten helfen den Veranstaltern zu zeigen, was die Partnerschaft \
                     bewirkt.\n\n-- Tandem\n"
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_survey_email_exists_in_both_languages_with_its_link() {
        for locale in [Locale::En, Locale::De] {
            for n in [1, 3] {
                let m = survey(locale, "Ann", "Tandem 25", n, "http://x/events/1/survey");
                assert!(m.subject.contains("Tandem 25") && m.body.contains("http://x/events/1/survey") && m.body.contains("Ann"), "{m:?}");
            }
        }
        assert!(survey(Locale::En, "Ann", "T", 3, "l").body.contains("your 3 meetings"));
        assert!(survey(Locale::De, "Ann", "T", 1, "l").body.contains("Ihrem Treffen"));
    }
}
