//! `tandem schedule` end to end: a small event scheduled through the real binary (JSON on
//! standard output, a summary on standard error), and broken input refused with the file, the
//! field and exit status 2.

use assert_cmd::Command;
use std::path::PathBuf;
use std::time::Duration;
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const EVENT: &str = r#"{
 "name": "small",
 "slots": [{"id": "s1"}, {"id": "s2"}, {"id": "s3"}, {"id": "s4"}],
 "tables": 3,
 "participants": [
  {"id": "p1", "city": "leipzig", "mode": "onsite", "available": ["s1", "s2", "s3", "s4"], "table": 3},
  {"id": "p2", "city": "birmingham", "mode": "onsite", "available": ["s1", "s2", "s3", "s4"]},
  {"id": "p3", "city": "birmingham", "mode": "onsite", "available": ["s2", "s3"], "max_meetings": 1},
  {"id": "p4", "city": "leipzig", "mode": "remote", "available": ["s1", "s2", "s3", "s4"],
   "limits": [{"slots": ["s1", "s2"], "max": 1}]},
  {"id": "p5", "city": "leipzig", "mode": "onsite", "available": ["s3", "s4"]}
 ],
 "meetings": [
  {"id": "m1", "a": "p1", "b": "p2", "priority": 2},
  {"id": "m2", "a": "p1", "b": "p3"},
  {"id": "m3", "a": "p2", "b": "p3", "priority": 3},
  {"id": "m4", "a": "p4", "b": "p2", "mode": "remote"},
  {"id": "m5", "a": "p4", "b": "p1", "mode": "remote"},
  {"id": "m6", "a": "p5", "b": "p2", "mode": "either", "locked_slot": "s4", "locked_table": 1},
  {"id": "m7", "a": "p5", "b": "p3", "mode": "either"}
 ]}"#;

struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Result<Sandbox, std::io::Error> {
        Ok(Sandbox { dir: tempfile::tempdir()? })
    }

    fn tandem(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
        cmd.current_dir(self.dir.path());
        for var in ["TANDEM_DATA_DIR", "TANDEM_DATABASE_URL", "TANDEM_CONFIG", "TANDEM_LEXICON", "TANDEM_LOG"] {
            cmd.env_remove(var);
        }
        cmd.env("TANDEM_LOG", "warn");
        cmd.timeout(Duration::from_secs(60));
        cmd
    }

    fn write(&self, name: &str, contents: &str) -> Result<PathBuf, std::io::Error> {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents)?;
        Ok(path)
    }
}

#[test]
fn schedules_an_event() -> TestResult {
    let sandbox = Sandbox::new()?;
    let file = sandbox.write("event.json", EVENT)?;
    let out = sandbox.tandem().arg("schedule").arg(&file).args(["--time-limit", "500ms", "--seed", "3"]).output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.starts_with("scheduled "), "{stderr}");
    assert!(stderr.contains("achievable priority"), "{stderr}");
    let schedule: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let instance = tandem_schedule::parse_instance(EVENT)?;
    let report = tandem_schedule::validate(&instance, &serde_json::from_value(schedule.clone())?);
    assert!(report.feasible, "{:?}", report.errors);
    assert_eq!(schedule["stats"]["score"].as_f64(), Some(report.score));
    assert!(report.score <= schedule["stats"]["bound"].as_f64().unwrap_or(0.0));
    let m6 = schedule["assignments"].as_array().into_iter().flatten().find(|a| a["meeting"] == "m6");
    assert_eq!(m6.map(|a| (a["slot"].clone(), a["table"].clone())), Some(("s4".into(), 1.into())));

    // Same seed, same schedule; standard input works too.
    let again = sandbox.tandem().args(["schedule", "-", "--time-limit", "500ms", "--seed", "3"]).write_stdin(EVENT).output()?;
    assert!(again.status.success());
    let again: serde_json::Value = serde_json::from_slice(&again.stdout)?;
    assert_eq!(again["assignments"], schedule["assignments"]);
    Ok(())
}

#[test]
fn refuses_a_broken_instance() -> TestResult {
    let sandbox = Sandbox::new()?;
    let broken = EVENT.replace(r#""a": "p1", "b": "p3"}"#, r#""a": "p1", "b": "p99"}"#).replace(r#""table": 3}"#, r#""table": 7}"#);
    let file = sandbox.write("event.json", &broken)?;
    let out = sandbox.tandem().arg("schedule").arg(&file).output()?;
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 problems in the instance"), "{stderr}");
    assert!(stderr.contains("event.json: participants[0].table: booth 7 is out of range — tables are numbered 1..3"), "{stderr}");
    assert!(
        stderr.contains(r#"event.json: meetings[1].b: unknown participant "p99" — every meeting must name two participants listed under "participants""#),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    let file = sandbox.write("typo.json", &EVENT.replace(r#""priority": 3"#, r#""priority": "high""#))?;
    let out = sandbox.tandem().arg("schedule").arg(&file).output()?;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("typo.json: meetings[2].priority: invalid type: string \"high\", expected f64 (line 16"), "{stderr}");

    let out = sandbox.tandem().args(["schedule", "missing.json"]).output()?;
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read missing.json"));

    let out = sandbox.tandem().arg("schedule").arg(sandbox.write("ok.json", EVENT)?).args(["--time-limit", "2 fortnights"]).output()?;
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use a number with ms, s or m"));
    Ok(())
}
