//! The emails of event registration, in the recipient's language: where their registration
//! stands (received, confirmed, waitlisted, moved up, declined), an event called off, and the
//! organisers' notice that a registration waits for approval.

use crate::mail::messages::Message;
use tandem_core::account::Locale;
use tandem_core::events::event::Event;
use tandem_core::events::RegistrationState;

/// When the event starts, in its own time zone and the reader's language.
pub fn when(locale: Locale, event: &Event) -> String {
    let local = event.starts_at.with_timezone(&event.timezone);
    match locale {
        Locale::En => local.format_localized("%-d %B %Y, %H:%M %Z", chrono::Locale::en_GB).to_string(),
        Locale::De => local.format_localized("%-d. %B %Y, %H:%M %Z", chrono::Locale::de_DE).to_string(),
    }
}

/// Where a registration stands now, told to the participant: received (waits for approval),
/// confirmed, on the waiting list, moved up from it, or declined.
pub fn registration_state(locale: Locale, name: &str, event: &Event, state: RegistrationState, moved_up: bool, link: &str) -> Message {
    let (event_name, at, venue) = (&event.name, when(locale, event), &event.venue_name);
    let (subject, text) = match (locale, state, moved_up) {
        (Locale::En, RegistrationState::Approved, true) => (
            format!("A place for you: {event_name}"),
            format!("a place has become free at {event_name} ({at}, {venue}) and you have moved up from the waiting list. You are now registered."),
        ),
        (Locale::En, RegistrationState::Approved, false) => (
            format!("You are registered: {event_name}"),
            format!("your registration for {event_name} ({at}, {venue}) is confirmed. We look forward to seeing you."),
        ),
        (Locale::En, RegistrationState::Pending, _) => (
            format!("Registration received: {event_name}"),
            format!("thank you for registering for {event_name} ({at}). The organisers approve each registration; we will write again when they have decided."),
        ),
        (Locale::En, RegistrationState::Waitlisted, _) => (
            format!("On the waiting list: {event_name}"),
            format!("{event_name} ({at}) is full, so you are on the waiting list. If a place becomes free you move up automatically and we will let you know."),
        ),
        (Locale::En, RegistrationState::Declined, _) => (
            format!("Registration declined: {event_name}"),
            format!("the organisers of {event_name} ({at}) could not accept your registration."),
        ),
        (Locale::En, RegistrationState::Cancelled, _) => (
            format!("Registration cancelled: {event_name}"),
            format!("your registration for {event_name} ({at}) is cancelled."),
        ),
        (Locale::De, RegistrationState::Approved, true) => (
            format!("Ein Platz für Sie: {event_name}"),
            format!("bei {event_name} ({at}, {venue}) ist ein Platz frei geworden, und Sie sind von der Warteliste nachgerückt. Ihre Anmeldung ist jetzt bestätigt."),
        ),
        (Locale::De, RegistrationState::Approved, false) => (
            format!("Anmeldung bestätigt: {event_name}"),
            format!("Ihre Anmeldung für {event_name} ({at}, {venue}) ist bestätigt. Wir freuen uns auf Sie."),
        ),
        (Locale::De, RegistrationState::Pending, _) => (
            format!("Anmeldung eingegangen: {event_name}"),
            format!("vielen Dank für Ihre Anmeldung für {event_name} ({at}). Die Veranstalter prüfen jede Anmeldung; wir schreiben Ihnen, sobald sie entschieden haben."),
        ),
        (Locale::De, RegistrationState::Waitlisted, _) => (
            format!("Auf der Warteliste: {event_name}"),
            format!("{event_name} ({at}) ist ausgebucht, daher stehen Sie auf der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach, und wir geben Ihnen Bescheid."),
        ),
        (Locale::De, RegistrationState::Declined, _) => (
            format!("Anmeldung abgelehnt: {event_name}"),
            format!("die Veranstalter von {event_name} ({at}) konnten Ihre Anmeldung leider nicht annehmen."),
        ),
        (Locale::De, RegistrationState::Cancelled, _) => (
            format!("Anmeldung storniert: {event_name}"),
            format!("Ihre Anmeldung für {event_name} ({at}) ist storniert."),
        ),
    };
    let body = match locale {
        Locale::En => format!("Hello {name},\n\n{text}\n\nThe event and your registration:\n\n{link}\n\n-- Tandem\n"),
        Locale::De => format!("Hallo {name},\n\n{text}\n\nDie Veranstaltung und Ihre Anmeldung:\n\n{link}\n\n-- Tandem\n"),
    };
    Message { subject, body }
}

/// "A registration waits for your approval" (to the organisers' staff).
pub fn registration_to_approve(locale: Locale, name: &str, event: &Event, participant: &str, link: &str) -> Message {
    let event_name = &event.name;
    match locale {
        Locale::En => Message {
            subject: format!("Registration to approve: {event_name}"),
            body: format!(
                "Hello {name},\n\n{participant} has registered for {event_name}, which your organisation organises. \
                 Please approve or decline the registration:\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Anmeldung zu prüfen: {event_name}"),
            body: format!(
                "Hallo {name},\n\n{participant} hat sich für {event_name} angemeldet, das Ihre Organisation veranstaltet. \
                 Bitte nehmen Sie die Anmeldung an oder lehnen Sie sie ab:\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

/// "The event is called off" (to everyone still registered).
pub fn event_cancelled(locale: Locale, name: &str, event: &Event, link: &str) -> Message {
    let (event_name, at) = (&event.name, when(locale, event));
    match locale {
        Locale::En => Message {
            subject: format!("Cancelled: {event_name}"),
            body: format!(
                "Hello {name},\n\nwe are sorry: {event_name} ({at}) has been cancelled by its organisers. Your registration \
                 and any meetings there no longer apply.\n\n{link}\n\n-- Tandem\n"
            ),
        },
        Locale::De => Message {
            subject: format!("Abgesagt: {event_name}"),
            body: format!(
                "Hallo {name},\n\nes tut uns leid: {event_name} ({at}) wurde von den Veranstaltern abgesagt. Ihre Anmeldung \
                 und etwaige Termine dort entfallen.\n\n{link}\n\n-- Tandem\n"
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_core::events::event::EventDraft;

    #[test]
    fn dates_are_told_in_the_events_time_zone_and_the_readers_language() {
        let details = EventDraft {
            name: "Birmingham–Leipzig".into(),
            timezone: "Europe/London".into(),
            starts_at: "2017-10-20T09:00".into(),
            ends_at: "2017-10-20T17:00".into(),
            venue_name: "iCentrum".into(),
            tables: "20".into(),
            ..EventDraft::default()
        }
        .validate()
        .expect("valid");
        let event = Event::new(details, "bl".into(), None, chrono::Utc::now());
        assert_eq!(when(Locale::En, &event), "20 October 2017, 09:00 BST");
        assert_eq!(when(Locale::De, &event), "20. Oktober 2017, 09:00 BST");
        let m = registration_state(Locale::De, "Kim", &event, RegistrationState::Waitlisted, false, "http://x/events/1");
        assert!(m.subject.starts_with("Auf der Warteliste"));
    }
}
