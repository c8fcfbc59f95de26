//! Instance errors name the field path and value and say how to fix them; the validator reports
//! broken rules the way check.py does.

use tandem_schedule::{Instance, Problem, ScheduleJson, validate};

fn instance(json: &str) -> Instance {
    match serde_json::from_str(json) {
        Ok(i) => i,
        Err(e) => panic!("test instance does not parse: {e}"),
    }
}

/// The error text for an instance that must be rejected.
fn error(json: &str) -> String {
    match Problem::from_instance(&instance(json)) {
        Ok(_) => panic!("accepted an invalid instance"),
        Err(e) => e.to_string(),
    }
}

const BASE_SLOTS: &str = r#""slots": [{"id": "s1"}, {"id": "s2"}, {"id": "s3"}], "tables": 3"#;

fn with(participants: &str, meetings: &str) -> String {
    format!(r#"{{{BASE_SLOTS}, "participants": [{participants}], "meetings": [{meetings}]}}"#)
}

const P12: &str = r#"{"id": "p1", "available": ["s1", "s2"]}, {"id": "p2", "available": ["s2", "s3"]}"#;

#[test]
fn unknown_participant() {
    let e = error(&with(P12, r#"{"id": "m1", "a": "p1", "b": "p99"}"#));
    assert_eq!(
        e,
        r#"meetings[0].b: unknown participant "p99" — every meeting must name two participants listed under "participants""#
    );
}

#[test]
fn duplicate_ids() {
    let e = error(&with(
        r#"{"id": "p1", "available": []}, {"id": "p1", "available": []}"#,
        r#"{"id": "m1", "a": "p1", "b": "p1"}"#,
    ));
    assert!(e.contains(r#"participants[1].id: duplicate participant id "p1" (also participants[0])"#), "{e}");
    assert!(e.contains("meetings[0].b: \"p1\" would meet itself"), "{e}");
    let e = error(&with(P12, r#"{"id": "m1", "a": "p1", "b": "p2"}, {"id": "m1", "a": "p2", "b": "p1"}"#));
    assert!(e.contains(r#"meetings[1].id: duplicate meeting id "m1" (also meetings[0])"#), "{e}");
    let e = error(r#"{"slots": [{"id": "s1"}, {"id": "s1"}], "participants": [], "meetings": []}"#);
    assert!(e.contains(r#"slots[1].id: duplicate slot id "s1""#), "{e}");
}

#[test]
fn unknown_slots() {
    let e = error(&with(r#"{"id": "p1", "available": ["s1", "s9"]}"#, ""));
    assert_eq!(e, r#"participants[0].available[1]: unknown slot "s9" — use the ids listed under "slots""#);
    let e = error(&with(P12, r#"{"id": "m1", "a": "p1", "b": "p2", "locked_slot": "s7"}"#));
    assert!(e.starts_with(r#"meetings[0].locked_slot: unknown slot "s7""#), "{e}");
    let e = error(&with(r#"{"id": "p1", "available": ["s1"], "limits": [{"slots": ["x"], "max": 1}]}"#, ""));
    assert!(e.starts_with(r#"participants[0].limits[0].slots[0]: unknown slot "x""#), "{e}");
}

#[test]
fn booths() {
    let e = error(&with(r#"{"id": "p1", "available": [], "table": 4}"#, ""));
    assert_eq!(e, r#"participants[0].table: booth 4 is out of range — tables are numbered 1..3 ("tables": 3)"#);
    let e = error(&with(r#"{"id": "p1", "available": [], "table": 2}, {"id": "p2", "available": [], "table": 2}"#, ""));
    assert_eq!(e, r#"participants[1].table: booth 2 already belongs to "p1" (participants[0]) — each booth has one owner"#);
}

#[test]
fn locked_slot_outside_availability() {
    let e = error(&with(P12, r#"{"id": "m1", "a": "p1", "b": "p2", "locked_slot": "s1"}"#));
    assert_eq!(
        e,
        r#"meetings[0].locked_slot: locked in slot "s1", but "p2" is not available then — add the slot to its "available" list or unlock the meeting"#
    );
}

#[test]
fn locked_meetings_that_clash() {
    let e = error(&with(
        r#"{"id": "p1", "available": ["s2"], "max_meetings": 0}, {"id": "p2", "available": ["s2"]}, {"id": "p3", "available": ["s2"]}"#,
        r#"{"id": "m1", "a": "p1", "b": "p2", "locked_slot": "s2"}, {"id": "m2", "a": "p3", "b": "p2", "locked_slot": "s2"}"#,
    ));
    assert!(e.contains(r#"meetings[1].locked_slot: "p2" is locked in two meetings in slot "s2" ("m1" and "m2") — unlock one of them"#), "{e}");
    assert!(e.contains(r#"participants[0].max_meetings: "p1" has 1 locked meetings but max_meetings 0"#), "{e}");
}

#[test]
fn locked_tables() {
    let e = error(&with(P12, r#"{"id": "m1", "a": "p1", "b": "p2", "locked_table": 1}"#));
    assert!(e.starts_with("meetings[0].locked_table: table 1 is locked but the slot is not"), "{e}");
    let e = error(&with(P12, r#"{"id": "m1", "a": "p1", "b": "p2", "mode": "remote", "locked_slot": "s2", "locked_table": 1}"#));
    assert!(e.contains("remote meetings take no table"), "{e}");
    let e = error(&with(
        r#"{"id": "p1", "available": ["s2"]}, {"id": "p2", "available": ["s2"]}, {"id": "p3", "available": [], "table": 3}"#,
        r#"{"id": "m1", "a": "p1", "b": "p2", "locked_slot": "s2", "locked_table": 3}"#,
    ));
    assert!(e.contains(r#"table 3 is the booth of "p3""#), "{e}");
    let e = error(&with(
        r#"{"id": "p1", "available": ["s2"]}, {"id": "p2", "available": ["s2"]}, {"id": "p3", "available": ["s2"]}, {"id": "p4", "available": ["s2"]}"#,
        r#"{"id": "m1", "a": "p1", "b": "p2", "locked_slot": "s2", "locked_table": 1}, {"id": "m2", "a": "p3", "b": "p4", "locked_slot": "s2", "locked_table": 1}"#,
    ));
    assert!(e.contains(r#"meetings[1].locked_table: table 1 is locked for two meetings in slot "s2""#), "{e}");
}

#[test]
fn priorities() {
    let e = error(&with(P12, r#"{"id": "m1", "a": "p1", "b": "p2", "priority": -1}"#));
    assert!(e.starts_with("meetings[0].priority: priority -1 is out of range — use a number from 0.001"), "{e}");
}

#[test]
fn many_issues_are_listed_together() {
    let e = error(&with(P12, r#"{"id": "m1", "a": "x", "b": "y"}, {"id": "m2", "a": "p1", "b": "z"}"#));
    assert!(e.starts_with("3 problems in the instance:\n  meetings[0].a: unknown participant \"x\""), "{e}");
}

#[test]
fn a_valid_instance_is_accepted() {
    let inst = instance(&with(P12, r#"{"id": "m1", "a": "p1", "b": "p2", "mode": "either", "locked_slot": "s2"}"#));
    let problem = Problem::from_instance(&inst).expect("valid");
    assert_eq!(problem.meeting_count(), 1);
    assert_eq!(problem.general_table_count(), 3);
}

#[test]
fn the_validator_reports_broken_rules() {
    let inst = instance(&with(
        r#"{"id": "p1", "available": ["s1", "s2", "s3"], "table": 1, "max_meetings": 1}, {"id": "p2", "available": ["s1", "s2", "s3"]}, {"id": "p3", "available": ["s1", "s3"]}"#,
        r#"{"id": "m1", "a": "p1", "b": "p2"}, {"id": "m2", "a": "p2", "b": "p3"}, {"id": "m3", "a": "p1", "b": "p3", "mode": "remote", "locked_slot": "s3"}"#,
    ));
    let schedule: ScheduleJson = serde_json::from_str(
        r#"{"assignments": [
            {"meeting": "m1", "slot": "s1", "table": 2},
            {"meeting": "m2", "slot": "s1", "table": 1},
            {"meeting": "m2", "slot": "s2", "table": 3},
            {"meeting": "m4", "slot": "s1", "table": null}]}"#,
    )
    .expect("json");
    let report = validate(&inst, &schedule);
    assert!(!report.feasible);
    let expected = [
        "m1: p1 has booth 1 but meets at 2",
        "m2: p2 double-booked at s1",
        "m2: uses booth 1 of p1",
        "meeting m2 twice",
        "unknown meeting m4",
        "locked meeting m3 not scheduled",
    ];
    for e in expected {
        assert!(report.errors.iter().any(|x| x == e), "missing {e:?} in {:?}", report.errors);
    }
    assert_eq!(report.n_errors, expected.len());
    assert_eq!(report.score, 2.0);
    assert_eq!(report.scheduled, 2);
    assert_eq!(report.idle_gaps, 0);
}

#[test]
fn the_validator_counts_idle_gaps_like_check_py() {
    let inst = instance(&with(
        r#"{"id": "p1", "available": ["s1", "s2", "s3"]}, {"id": "p2", "available": ["s1", "s3"]}, {"id": "p3", "available": ["s1", "s2", "s3"]}"#,
        r#"{"id": "m1", "a": "p1", "b": "p2", "mode": "remote"}, {"id": "m2", "a": "p1", "b": "p3", "mode": "remote"}, {"id": "m3", "a": "p2", "b": "p3", "mode": "remote"}"#,
    ));
    let schedule: ScheduleJson = serde_json::from_str(
        r#"{"assignments": [{"meeting": "m1", "slot": "s1", "table": null}, {"meeting": "m2", "slot": "s3", "table": null}]}"#,
    )
    .expect("json");
    let report = validate(&inst, &schedule);
    assert!(report.feasible, "{:?}", report.errors);
    // p1 idles in s2; p2 is unavailable in s2; p3 has one meeting.
    assert_eq!(report.idle_gaps, 1);
}

#[test]
fn parse_errors_name_the_field_and_line() {
    let e = tandem_schedule::parse_instance(
        "{\"slots\": [{\"id\": \"s1\"}],\n \"participants\": [{\"id\": \"p1\", \"available\": [\"s1\"]}],\n \"meetings\": [{\"id\": \"m1\", \"a\": \"p1\", \"b\": \"p2\", \"priority\": \"high\"}]}",
    )
    .expect_err("a string priority");
    assert_eq!(e.to_string(), "meetings[0].priority: invalid type: string \"high\", expected f64 (line 3, column 67)");
    let e = tandem_schedule::parse_instance("{\"slots\": [], \"participants\": [{\"available\": []}], \"meetings\": []}").expect_err("no id");
    assert!(e.to_string().starts_with("participants[0]: missing field `id`"), "{e}");
    let e = tandem_schedule::parse_instance("{\"slots\": [], \"participants\": [], \"meetings\": [{\"id\": \"m\", \"a\": \"x\", \"b\": \"y\", \"mode\": \"hybrid\"}]}")
        .expect_err("bad mode");
    assert!(e.to_string().starts_with("meetings[0].mode: unknown variant `hybrid`, expected one of `onsite`, `remote`, `either`"), "{e}");
    let e = tandem_schedule::parse_instance("{\"slots\": [}").expect_err("syntax");
    assert!(e.to_string().contains("(line 1, column 12)"), "{e}");
}
