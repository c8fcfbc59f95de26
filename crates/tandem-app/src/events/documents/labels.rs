//! The words the documents print, in the reader's language. The file formats bring their own
//! headings (`tandem_io::event_docs`); what they print from our data (a session's kind, a
//! meeting's state and mode in the spreadsheet) is translated here, as the emails are.

use tandem_core::account::Locale;
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{MeetingMode, MeetingOutcome, MeetingState, SessionKind};
use tandem_io::event_docs::{AgendaLabels, CalendarLabels, SheetLabels};

/// The calendar file's words.
pub(crate) fn calendar(locale: Locale) -> CalendarLabels {
    match locale {
        Locale::En => CalendarLabels::english(),
        Locale::De => CalendarLabels::german(),
    }
}

/// The PDFs' words and date formats.
pub(crate) fn pdf(locale: Locale) -> AgendaLabels {
    match locale {
        Locale::En => AgendaLabels::english(),
        Locale::De => AgendaLabels::german(),
    }
}

/// The spreadsheet's sheet names and headers.
pub(crate) fn sheet(locale: Locale) -> SheetLabels {
    match locale {
        Locale::En => SheetLabels::english(),
        Locale::De => SheetLabels::german(),
    }
}

/// A session's kind, as the event page names it.
pub(crate) fn session_kind(locale: Locale, kind: SessionKind) -> &'static str {
    match (locale, kind) {
        (Locale::En, SessionKind::Keynote) | (Locale::De, SessionKind::Keynote) => "Keynote",
        (Locale::En, SessionKind::Panel) => "Panel",
        (Locale::De, SessionKind::Panel) => "Podiumsdiskussion",
        (Locale::En, SessionKind::Demo) => "Demonstration",
        (Locale::De, SessionKind::Demo) => "Vorführung",
        (Locale::En, SessionKind::Matchmaking) | (Locale::De, SessionKind::Matchmaking) => "Matchmaking",
        (Locale::En, SessionKind::Break) => "Break",
        (Locale::De, SessionKind::Break) => "Pause",
        (Locale::En, SessionKind::Other) => "Other",
        (Locale::De, SessionKind::Other) => "Sonstiges",
    }
}

/// Where a meeting takes place, for the spreadsheet's mode column.
pub(crate) fn mode(locale: Locale, mode: MeetingMode) -> &'static str {
    match (locale, mode) {
        (Locale::En, MeetingMode::Onsite) => "on site",
        (Locale::De, MeetingMode::Onsite) => "vor Ort",
        (_, MeetingMode::Remote) => "online",
        (Locale::En, MeetingMode::Either) => "on site or online",
        (Locale::De, MeetingMode::Either) => "vor Ort oder online",
    }
}

/// Where a request or meeting stands, for the spreadsheet's status column: its state, an
/// accepted meeting with a slot as scheduled, and once the event day recorded it, its outcome.
pub(crate) fn status(locale: Locale, m: &Meeting) -> &'static str {
    let de = locale == Locale::De;
    match (m.state, m.outcome) {
        (MeetingState::Accepted, Some(MeetingOutcome::Held)) => if de { "stattgefunden" } else { "held" },
        (MeetingState::Accepted, Some(MeetingOutcome::RequesterAbsent)) => if de { "A nicht erschienen" } else { "no-show: A" },
        (MeetingState::Accepted, Some(MeetingOutcome::ReceiverAbsent)) => if de { "B nicht erschienen" } else { "no-show: B" },
        (MeetingState::Accepted, Some(MeetingOutcome::BothAbsent)) => if de { "beide nicht erschienen" } else { "no-show: both" },
        (MeetingState::Accepted, None) if m.slot_id.is_some() => if de { "geplant" } else { "scheduled" },
        (MeetingState::Accepted, None) => if de { "angenommen" } else { "accepted" },
        (MeetingState::Requested, _) => if de { "angefragt" } else { "requested" },
        (MeetingState::Declined, _) => if de { "abgelehnt" } else { "declined" },
        (MeetingState::Expired, _) => if de { "verfallen" } else { "expired" },
        (MeetingState::Cancelled, _) => if de { "abgesagt" } else { "cancelled" },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_mode_has_words_in_both_languages() {
        for locale in [Locale::En, Locale::De] {
            for kind in SessionKind::ALL {
                assert!(!session_kind(locale, *kind).is_empty());
            }
            for m in MeetingMode::ALL {
                assert!(!mode(locale, *m).is_empty());
            }
        }
        assert_eq!(session_kind(Locale::De, SessionKind::Panel), "Podiumsdiskussion");
        assert_eq!(calendar(Locale::De), CalendarLabels::german());
        assert_eq!(sheet(Locale::En), SheetLabels::english());
    }
}
