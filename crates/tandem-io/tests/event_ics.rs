//! The agenda calendar file: our own output read back, the icalendar test corpus round-tripped,
//! broken files rejected without panics, and (ignored, needs Python) python-icalendar interop.

mod event_fixture;

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use chrono_tz::Europe::{Berlin, London};
use event_fixture::*;
use tandem_io::event_docs::{CalendarLabels, EntryKind};
use tandem_io::ics::{IcsError, IcsTime, ParsedCalendar, agenda_calendar, parse_calendar};

fn parse(text: &str) -> ParsedCalendar {
    match parse_calendar(text.as_bytes()) {
        Ok(calendar) => calendar,
        Err(e) => panic!("our own calendar does not parse: {e}\n{text}"),
    }
}

#[test]
fn agenda_round_trips_with_instants_uids_sequence_and_status() {
    for tz in [London, Berlin] {
        let agenda = agenda(tz);
        let text = agenda_calendar(&agenda, &CalendarLabels::english());
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
        assert!(text.lines().all(|l| l.len() <= 76), "lines are folded at 75 octets");
        let calendar = parse(&text);
        assert_eq!(calendar.calendar_property("METHOD"), Some("PUBLISH"));
        assert_eq!(calendar.calendar_property("PRODID"), Some(tandem_io::ics::PRODID));
        assert_eq!(calendar.calendar_property("X-WR-TIMEZONE"), Some(tz.name()));
        assert_eq!(calendar.calendar_property("REFRESH-INTERVAL"), Some("PT1H"));
        assert_eq!(calendar.calendar_property("X-PUBLISHED-TTL"), Some("PT1H"));
        assert!(calendar.calendar_property("X-WR-CALNAME").is_some_and(|n| n.contains(INJECTION)));
        assert_eq!(calendar.events.len(), agenda.entries.len());

        let mut expected = agenda.entries.clone();
        expected.sort_by_key(|e| e.start);
        for (entry, event) in expected.iter().zip(&calendar.events) {
            assert_eq!(event.uid.as_deref(), Some(entry.uid.as_str()));
            assert_eq!(event.sequence, Some(entry.sequence));
            assert_eq!(event.start, Some(IcsTime::Utc(entry.start)));
            assert_eq!(event.end, Some(IcsTime::Utc(entry.end)));
            assert_eq!(event.last_modified, Some(IcsTime::Utc(entry.updated_at)));
            let status = if entry.cancelled { "CANCELLED" } else { "CONFIRMED" };
            assert_eq!(event.status.as_deref(), Some(status));
            match &entry.kind {
                EntryKind::Meeting { partner_name, partner_organisation, table, .. } => {
                    assert_eq!(
                        event.summary.as_deref(),
                        Some(format!("Meeting: {partner_name} ({partner_organisation})").as_str()),
                        "commas, semicolons and backslashes survive escaping"
                    );
                    let location = event.location.as_deref().unwrap_or_default();
                    match table {
                        Some(n) => assert!(location.starts_with(&format!("Table {n}, {}", agenda.event.venue))),
                        None => assert_eq!(location, "Online"),
                    }
                    let description = event.description.as_deref().unwrap_or_default();
                    assert!(description.contains("Profile: Predictive maintenance"), "{description}");
                    assert!(description.contains("Hello,\nlooking forward; see you there."));
                    assert_eq!(event.url, entry.url);
                }
                EntryKind::Session { title, .. } => {
                    assert_eq!(event.summary.as_deref(), Some(title.as_str()));
                    assert_eq!(event.url.as_deref(), Some(agenda.event.public_url.as_str()));
                    assert!(event.location.as_deref().is_some_and(|l| l.starts_with("Hall 3, ")));
                }
            }
        }
    }
}

#[test]
fn local_times_on_both_sides_of_a_dst_switch_are_the_right_instants() {
    let calendar = parse(&agenda_calendar(&agenda(London), &CalendarLabels::english()));
    let starts: Vec<_> = calendar.events.iter().filter_map(|e| e.start.as_ref()?.instant()).collect();
    // Saturday 28 March 2026 09:00 GMT = 09:00 UTC; Sunday 29 March 09:30 BST = 08:30 UTC.
    assert!(starts.contains(&Utc.with_ymd_and_hms(2026, 3, 28, 9, 0, 0).unwrap()));
    assert!(starts.contains(&Utc.with_ymd_and_hms(2026, 3, 29, 8, 30, 0).unwrap()));
    let calendar = parse(&agenda_calendar(&agenda(Berlin), &CalendarLabels::german()));
    let starts: Vec<_> = calendar.events.iter().filter_map(|e| e.start.as_ref()?.instant()).collect();
    // Saturday 24 October 09:00 CEST = 07:00 UTC; Sunday 25 October 09:30 CET = 08:30 UTC.
    assert!(starts.contains(&Utc.with_ymd_and_hms(2026, 10, 24, 7, 0, 0).unwrap()));
    assert!(starts.contains(&Utc.with_ymd_and_hms(2026, 10, 25, 8, 30, 0).unwrap()));
    assert!(calendar.events.iter().any(|e| e.summary.as_deref().is_some_and(|s| s.starts_with("Treffen: "))));
}

#[test]
fn control_characters_in_user_text_cannot_break_lines() {
    let mut agenda = agenda(Berlin);
    let meeting = agenda.entries.iter_mut().find(|e| matches!(e.kind, EntryKind::Meeting { .. }));
    let Some(EntryKind::Meeting { message, partner_name, .. }) = meeting.map(|e| &mut e.kind) else {
        panic!("fixture has a meeting")
    };
    *message = Some("line one\r\nline two\rthree\u{7}\u{0}".into());
    *partner_name = "Eve\r\nX-INJECTED:1".into();
    let text = agenda_calendar(&agenda, &CalendarLabels::english());
    assert!(!text.lines().any(|l| l.starts_with("X-INJECTED")), "{text}");
    assert!(text.split("\r\n").all(|l| !l.contains('\r') && !l.contains('\u{7}')));
    let calendar = parse(&text);
    assert!(calendar.events.iter().any(|e| e.description.as_deref().is_some_and(|d| d.contains("line one\nline two\nthree"))));
}

#[test]
fn output_is_deterministic() {
    let a = agenda_calendar(&agenda(London), &CalendarLabels::english());
    let b = agenda_calendar(&agenda(London), &CalendarLabels::english());
    assert_eq!(a, b);
}

#[test]
fn zoned_times_resolve_through_the_tz_database() {
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n\
        DTSTART;TZID=Europe/Berlin:20261025T023000\r\nDTEND;TZID=/Europe/London:20260329T013000\r\n\
        END:VEVENT\r\nEND:VCALENDAR\r\n";
    let event = &parse(text).events[0];
    // 02:30 happens twice in Berlin that night: the earlier one (CEST) is taken.
    assert_eq!(event.start.as_ref().and_then(IcsTime::instant), Some(Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap()));
    // 01:30 does not exist in London that night.
    assert_eq!(event.end.as_ref().and_then(IcsTime::instant), None);
}

#[test]
fn unreadable_input_gives_clear_errors() {
    assert_eq!(parse_calendar(b""), Err(IcsError::Empty));
    assert_eq!(parse_calendar(b"\xff\xfeB"), Err(IcsError::NotUtf8(0)));
    assert_eq!(parse_calendar(b"name,email\nA,a@b"), Err(IcsError::NotACalendar));
    let bad_date = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:e1\nDTSTART:2026-05-12 10:00\nEND:VEVENT\nEND:VCALENDAR\n";
    let err = parse_calendar(bad_date.as_bytes()).expect_err("bad date");
    assert!(matches!(&err, IcsError::BadDate { uid, property, .. } if uid == "e1" && property == "DTSTART"), "{err}");
    let truncated = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:e1\nDTSTART:20260512T100000Z\n";
    assert!(parse_calendar(truncated.as_bytes()).is_err());
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/icalendar-test-corpus")
}

fn ics_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("corpus folder").flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            ics_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ics") {
            out.push(path);
        }
    }
}

/// Files of the corpus that must be rejected, with the error we expect; every other file must
/// parse and round-trip.
const REJECTED: &[(&str, &str)] = include!("event_ics_rejected.in");

#[test]
fn corpus_round_trips_and_broken_files_fail_cleanly() {
    let dir = corpus_dir();
    if !dir.exists() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let mut files = Vec::new();
    ics_files(&dir, &mut files);
    assert!(files.len() > 100, "corpus has {} files", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.strip_prefix(&dir).unwrap_or(path).display().to_string();
        let bytes = std::fs::read(path).expect("readable");
        let expected = REJECTED.iter().find(|(file, _)| *file == name).map(|(_, kind)| *kind);
        let outcome = std::panic::catch_unwind(|| parse_calendar(&bytes));
        match (outcome, expected) {
            (Err(_), _) => failures.push(format!("{name}: panicked")),
            (Ok(Ok(first)), None) => {
                let written = first.to_ics();
                match parse_calendar(written.as_bytes()) {
                    Ok(second) if second.components == first.components && second.events == first.events => {}
                    Ok(_) => failures.push(format!("{name}: differs after write and re-read")),
                    Err(e) => failures.push(format!("{name}: our own output does not parse: {e}")),
                }
            }
            (Ok(Ok(_)), Some(kind)) => failures.push(format!("{name}: parsed, expected {kind}")),
            (Ok(Err(e)), None) => failures.push(format!("{name}: {e:?}")),
            (Ok(Err(e)), Some(kind)) => {
                let got = format!("{e:?}");
                if !got.starts_with(kind) {
                    failures.push(format!("{name}: expected {kind}, got {got}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} files:\n{}", failures.len(), files.len(), failures.join("\n"));
}

/// Python's icalendar (the corpus' own parser) reads our files with the same instants, UIDs,
/// sequences and statuses. Needs `python3` with `pip install icalendar`.
#[test]
#[ignore = "needs python3 with the icalendar package"]
fn interop_ics_python_icalendar() {
    const SCRIPT: &str = r#"
import json, sys
from datetime import timezone
from icalendar import Calendar
out = []
for path in sys.argv[1:]:
    cal = Calendar.from_ical(open(path, "rb").read())
    assert str(cal.get("METHOD")) == "PUBLISH", cal.get("METHOD")
    for ev in cal.walk("VEVENT"):
        out.append({
            "uid": str(ev.get("UID")),
            "sequence": int(ev.get("SEQUENCE")),
            "status": str(ev.get("STATUS")),
            "start": ev.decoded("DTSTART").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "end": ev.decoded("DTEND").astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "summary": str(ev.get("SUMMARY")),
            "description": str(ev.get("DESCRIPTION")),
        })
print(json.dumps(out))
"#;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut paths = Vec::new();
    let mut expected = Vec::new();
    for tz in [London, Berlin] {
        let agenda = agenda(tz);
        let path = dir.path().join(format!("{}.ics", tz.name().replace('/', "-")));
        std::fs::write(&path, agenda_calendar(&agenda, &CalendarLabels::english())).expect("write");
        paths.push(path);
        let mut entries = agenda.entries.clone();
        entries.sort_by_key(|e| e.start);
        expected.extend(entries);
    }
    let output = std::process::Command::new("python3").arg("-c").arg(SCRIPT).args(&paths).output().expect("python3 runs");
    assert!(output.status.success(), "python failed: {}", String::from_utf8_lossy(&output.stderr));
    let events: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).expect("JSON from python");
    assert_eq!(events.len(), expected.len());
    for (entry, event) in expected.iter().zip(&events) {
        assert_eq!(event["uid"], entry.uid.as_str());
        assert_eq!(event["sequence"], entry.sequence);
        assert_eq!(event["status"], if entry.cancelled { "CANCELLED" } else { "CONFIRMED" });
        assert_eq!(event["start"], entry.start.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        assert_eq!(event["end"], entry.end.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        if let EntryKind::Meeting { partner_organisation, .. } = &entry.kind {
            assert!(event["summary"].as_str().is_some_and(|s| s.ends_with(&format!("({partner_organisation})"))), "{event}");
            assert!(event["description"].as_str().is_some_and(|s| s.contains("Hello,\nlooking forward; see you there.")));
        }
    }
    // The DST-boundary instants, spelled out: London 29 March 09:30 BST and 28 March 14:00 GMT,
    // Berlin 25 October 09:30 CET and 24 October 14:00 CEST.
    let starts: Vec<&str> = events.iter().filter_map(|e| e["start"].as_str()).collect();
    assert!(starts.contains(&"2026-03-29T08:30:00Z") && starts.contains(&"2026-03-28T14:00:00Z"));
    assert!(starts.contains(&"2026-10-25T08:30:00Z") && starts.contains(&"2026-10-24T12:00:00Z"));
}
