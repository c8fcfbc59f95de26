//! The meeting spreadsheet read back with calamine (the crate our importer uses) and, ignored
//! unless Python's openpyxl is installed, with openpyxl.

mod event_fixture;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Europe::{Berlin, London};
use event_fixture::*;
use tandem_io::event_docs::{MeetingParty, MeetingRow, SheetLabels};
use tandem_io::meetings_xlsx::meetings_xlsx;

fn rows() -> Vec<MeetingRow> {
    let party = |name: &str, organisation: &str, city: &str| MeetingParty {
        name: name.into(),
        organisation: organisation.into(),
        city: Some(city.into()),
    };
    (0..12)
        .map(|i| {
            // Meeting 0 sits on the UK's DST switch day; 10 is remote; 11 is not yet scheduled.
            let start = (i != 11).then(|| at(London, 2026, 3, 29, 9 + i / 3, (i % 3) * 20));
            MeetingRow {
                start,
                end: start.map(|s| s + chrono::Duration::minutes(20)),
                table: (i < 10).then_some(i + 1),
                remote: i == 10,
                mode: if i == 10 { "online".into() } else { "on site".into() },
                status: ["scheduled", "held", "no-show"][i as usize % 3].into(),
                priority: Some(i % 4),
                a: party(if i == 0 { INJECTION } else { "Anna Schmidt" }, "Größenwahn GmbH", "Leipzig"),
                b: party("Jürgen Groß", "Ćma Sp. z o.o.", "Łódź"),
                profile_title: (i % 2 == 0).then(|| "Predictive maintenance".into()),
                rating_a: (i == 1).then_some(5),
                rating_b: None,
            }
        })
        .collect()
}

fn excel_serial(t: NaiveDateTime) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).and_then(|d| d.and_hms_opt(0, 0, 0)).expect("epoch");
    (t - epoch).num_seconds() as f64 / 86_400.0
}

fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).and_then(|d| d.and_hms_opt(h, min, 0)).expect("valid")
}

#[test]
fn meetings_sheet_reads_back_with_calamine() {
    let plan = table_plan(London, 10, 6);
    let bytes = meetings_xlsx(&plan, &rows(), &SheetLabels::english()).expect("writes");
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    assert_eq!(workbook.sheet_names(), vec!["Meetings".to_string(), "Table plan".to_string()]);

    let range = workbook.worksheet_range("Meetings").expect("sheet");
    assert_eq!(range.height(), 13, "header + 12 meetings");
    let header: Vec<String> = range.rows().next().expect("header").iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[..4], ["Start", "End", "Table", "Mode"]);
    assert_eq!(header[6], "A name");
    assert_eq!(header[14], "B rating");
    // 29 March 2026, 09:00 in London is BST: the cell holds the local wall-clock time.
    match &range[(1, 0)] {
        Data::DateTime(dt) => assert!((dt.as_f64() - excel_serial(local(2026, 3, 29, 9, 0))).abs() < 1e-6),
        other => panic!("start is not a date-time: {other:?}"),
    }
    assert_eq!(range[(1, 2)], Data::Float(1.0));
    assert_eq!(range[(1, 6)], Data::String(INJECTION.into()));
    assert_eq!(range[(11, 2)], Data::String("online".into()));
    assert_eq!(range[(12, 0)], Data::Empty, "unscheduled meeting has no start");
    assert_eq!(range[(2, 13)], Data::Float(5.0));

    let plan_range = workbook.worksheet_range("Table plan").expect("sheet");
    assert_eq!(plan_range.height(), 2 + 6, "two header rows + six slots");
    assert_eq!(plan_range.width(), 2 + 10 + 1, "start, end, ten tables, online");
    assert_eq!(plan_range[(0, 2)], Data::String("Table 1".into()));
    assert_eq!(plan_range[(1, 4)], Data::String("Booth owner 3 GmbH".into()));
    assert!(plan_range[(2, 2)].to_string().starts_with(INJECTION));
}

#[test]
fn german_labels_and_berlin_times() {
    let plan = table_plan(Berlin, 3, 2);
    let bytes = meetings_xlsx(&plan, &[], &SheetLabels::german()).expect("writes");
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("opens");
    assert_eq!(workbook.sheet_names(), vec!["Treffen".to_string(), "Tischplan".to_string()]);
    let range = workbook.worksheet_range("Treffen").expect("sheet");
    assert_eq!(range.height(), 1, "header only");
    assert_eq!(range[(0, 5)], Data::String("Priorität".into()));
    let plan_range = workbook.worksheet_range("Tischplan").expect("sheet");
    match &plan_range[(2, 0)] {
        // 12 May 2026 09:00 in Leipzig (CEST).
        Data::DateTime(dt) => assert!((dt.as_f64() - excel_serial(local(2026, 5, 12, 9, 0))).abs() < 1e-6),
        other => panic!("slot start is not a date-time: {other:?}"),
    }
}

/// openpyxl (what most organisers' scripts use) sees the same headers, rows, a real datetime
/// and a numeric table. Needs `python3` with `pip install openpyxl`.
#[test]
#[ignore = "needs python3 with the openpyxl package"]
fn interop_xlsx_openpyxl() {
    const SCRIPT: &str = r#"
import json, sys, datetime
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb["Meetings"]
rows = list(ws.iter_rows(values_only=True))
plan = wb["Table plan"]
print(json.dumps({
    "sheets": wb.sheetnames,
    "headers": list(rows[0]),
    "rows": len(rows) - 1,
    "start_is_datetime": isinstance(rows[1][0], datetime.datetime),
    "start": rows[1][0].strftime("%Y-%m-%d %H:%M"),
    "table": rows[1][2],
    "remote": rows[11][2],
    "freeze": ws.freeze_panes,
    "filter": ws.auto_filter.ref,
    "bold": ws["A1"].font.b,
    "plan_header": plan.cell(row=1, column=3).value,
}))
"#;
    let plan = table_plan(London, 10, 6);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meetings.xlsx");
    std::fs::write(&path, meetings_xlsx(&plan, &rows(), &SheetLabels::english()).expect("writes")).expect("write");
    let output = std::process::Command::new("python3").arg("-c").arg(SCRIPT).arg(&path).output().expect("python3 runs");
    assert!(output.status.success(), "python failed: {}", String::from_utf8_lossy(&output.stderr));
    let got: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON from python");
    assert_eq!(got["sheets"], serde_json::json!(["Meetings", "Table plan"]));
    assert_eq!(got["headers"][0], "Start");
    assert_eq!(got["headers"][2], "Table");
    assert_eq!(got["headers"][12], "Profile");
    assert_eq!(got["rows"], 12);
    assert_eq!(got["start_is_datetime"], true);
    assert_eq!(got["start"], "2026-03-29 09:00");
    assert_eq!(got["table"], 1);
    assert_eq!(got["remote"], "online");
    assert_eq!(got["freeze"], "A2");
    assert_eq!(got["filter"], "A1:O13");
    assert_eq!(got["bold"], true);
    assert_eq!(got["plan_header"], "Table 1");
}
