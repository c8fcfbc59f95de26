//! Shared sample data for the event-document tests: an event day on each side of the
//! partnership, names that stress fonts (umlauts, ß, Polish and Czech letters), escaping
//! (`,` `;` `\` line breaks) and markup injection (`#`, `*`, `$`, `]`).
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use tandem_io::event_docs::*;
use uuid::Uuid;

/// The name that must come out literally in every format.
pub const INJECTION: &str = "#set text(red)*]$ Zoë Łukasz Dvořák";

/// Local wall-clock time in `tz` as an instant.
pub fn at(tz: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    let local = NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_opt(h, min, 0))
        .expect("valid date");
    tz.from_local_datetime(&local).single().expect("unambiguous local time").with_timezone(&Utc)
}

pub fn event(tz: Tz) -> EventInfo {
    EventInfo {
        id: Uuid::from_u128(0x0196_0000_0000_7000_8000_0000_0000_0001),
        name: "Birmingham–Leipzig Brokerage Day".into(),
        venue: if tz == chrono_tz::Europe::London { "ICC Birmingham".into() } else { "Kongresshalle am Zoo Leipzig".into() },
        address: Some(if tz == chrono_tz::Europe::London { "Broad St, Birmingham B1 2EA".into() } else { "Pfaffendorfer Str. 31, 04105 Leipzig".into() }),
        timezone: tz,
        public_url: "https://tandem.example.org/events/brokerage-2026".into(),
    }
}

pub fn meeting(tz: Tz, n: u32, day: (i32, u32, u32), hour: u32, min: u32, table: Option<u32>) -> AgendaEntry {
    let start = at(tz, day.0, day.1, day.2, hour, min);
    AgendaEntry {
        uid: format!("meeting-{}@tandem", Uuid::from_u128(u128::from(n))),
        sequence: n % 3,
        updated_at: Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).single().expect("valid"),
        start,
        end: start + chrono::Duration::minutes(30),
        cancelled: n == 3,
        url: Some(format!("https://tandem.example.org/meetings/{n}")),
        kind: EntryKind::Meeting {
            partner_name: if n == 1 { "Jürgen Groß".into() } else { format!("Partner {n}") },
            partner_organisation: "Ćma Sp. z o.o.; Łódź, \\ division".into(),
            partner_city: Some("Łódź".into()),
            profile_title: Some("Predictive maintenance for CNC mills".into()),
            table,
            remote_link: if table.is_none() { Some("https://meet.example.org/abc".into()) } else { None },
            message: Some("Hello,\nlooking forward; see you there.".into()),
        },
    }
}

/// A London agenda across the UK's switch to summer time (Sunday 29 March 2026, 01:00 UTC)
/// when `london`, else a Leipzig one across the switch back (Sunday 25 October 2026).
pub fn agenda(tz: Tz) -> PersonalAgenda {
    let (before, after) = if tz == chrono_tz::Europe::London {
        ((2026, 3, 28), (2026, 3, 29))
    } else {
        ((2026, 10, 24), (2026, 10, 25))
    };
    let keynote_start = at(tz, before.0, before.1, before.2, 9, 0);
    let mut entries = vec![
        meeting(tz, 1, after, 9, 30, Some(12)),
        meeting(tz, 2, after, 10, 0, None),
        meeting(tz, 3, after, 10, 30, Some(7)),
        meeting(tz, 4, before, 14, 0, Some(1)),
        AgendaEntry {
            uid: format!("session-{}@tandem", Uuid::from_u128(99)),
            sequence: 0,
            updated_at: Utc.with_ymd_and_hms(2026, 2, 1, 8, 0, 0).single().expect("valid"),
            start: keynote_start,
            end: keynote_start + chrono::Duration::minutes(45),
            cancelled: false,
            url: None,
            kind: EntryKind::Session {
                title: "Opening: Twinning since 1992".into(),
                kind_label: "Keynote".into(),
                room: Some("Hall 3".into()),
                speakers: vec!["Dr. Anna Müller".into(), "Rt Hon. John Smith".into()],
                stream_url: Some("https://stream.example.org/live".into()),
            },
        },
    ];
    // Writers must sort; hand them an unsorted list.
    entries.reverse();
    PersonalAgenda {
        event: event(tz),
        participant_name: INJECTION.into(),
        organisation: "Größenwahn GmbH & Co. KG".into(),
        checkin_code: "TDM-2026-7F3K-9QX2".into(),
        checkin_link: "https://tandem.example.org/events/1/checkin/TDM-2026-7F3K-9QX2".into(),
        entries,
    }
}

/// A table plan with `tables` tables (every third a booth), `slots` slots of 20 minutes and
/// a pair at most tables; the last slot also has two online meetings.
pub fn table_plan(tz: Tz, tables: u32, slots: usize) -> TablePlan {
    let first = at(tz, 2026, 5, 12, 9, 0);
    let slots: Vec<Slot> = (0..slots)
        .map(|i| {
            let start = first + chrono::Duration::minutes(20 * i as i64);
            Slot { start, end: start + chrono::Duration::minutes(20) }
        })
        .collect();
    let tables: Vec<TableInfo> = (1..=tables)
        .map(|number| TableInfo {
            number,
            booth_owner: (number % 3 == 0).then(|| format!("Booth owner {number} GmbH")),
        })
        .collect();
    let mut meetings = Vec::new();
    for slot_index in 0..slots.len() {
        for table in &tables {
            if !(table.number as usize + slot_index).is_multiple_of(4) {
                meetings.push(PlannedMeeting {
                    slot_index,
                    table: Some(table.number),
                    a: if table.number == 1 { INJECTION.into() } else { format!("Anna {} (Acme Ltd)", table.number) },
                    b: format!("Jürgen {slot_index} (Łódź Robotics)"),
                });
            }
        }
    }
    for n in 0..2 {
        meetings.push(PlannedMeeting {
            slot_index: slots.len() - 1,
            table: None,
            a: format!("Remote {n}"),
            b: "Dvořák s.r.o.".into(),
        });
    }
    TablePlan { event: event(tz), slots, tables, meetings }
}
