//! The Rust validator and solver against the benchmark's Python tools: gen.py makes instances,
//! check.py must find our schedules feasible with the same score and idle gaps as
//! `tandem_schedule::validate`, and both validators must agree on broken schedules too.
//! Needs python3; run with `cargo test -p tandem-schedule -- --ignored interop_`.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;
use tandem_schedule::{Instance, Options, Problem, ScheduleJson, solve, validate};

/// bench/sched of the shared directory beside the workspace.
fn tools() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/sched")
}

fn python(args: &[&str]) -> String {
    let out = Command::new("python3").args(args).output().expect("python3 runs");
    assert!(out.status.success(), "python3 {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn check_py(dir: &std::path::Path, inst_json: &str, schedule: &ScheduleJson) -> serde_json::Value {
    let inst_path = dir.join("instance.json");
    let sched_path = dir.join("schedule.json");
    std::fs::write(&inst_path, inst_json).expect("write instance");
    std::fs::write(&sched_path, serde_json::to_string(schedule).expect("json")).expect("write schedule");
    let check = tools().join("check.py");
    let out = python(&[check.to_str().expect("path"), inst_path.to_str().expect("path"), sched_path.to_str().expect("path")]);
    serde_json::from_str(&out).expect("check.py prints JSON")
}

#[test]
#[ignore = "needs python3 and the shared bench tools"]
fn interop_check_py_agrees_with_the_rust_validator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gen_py = tools().join("gen.py");
    for (participants, seed) in [("60", "1"), ("200", "5"), ("500", "7")] {
        let inst_json = python(&[gen_py.to_str().expect("path"), "--participants", participants, "--requests-per", "10", "--seed", seed]);
        let inst: Instance = serde_json::from_str(&inst_json).expect("gen.py output parses");
        let problem = Problem::from_instance(&inst).expect("gen.py instances are valid");
        let solution = solve(&problem, &Options { time_limit: Duration::from_secs(1), seed: 1 });
        let schedule = solution.schedule();
        let ours = validate(&inst, &schedule);
        let theirs = check_py(dir.path(), &inst_json, &schedule);
        assert_eq!(theirs["feasible"], true, "{participants}/{seed}: check.py: {}", theirs["errors"]);
        assert!(ours.feasible);
        assert_eq!(theirs["score"].as_f64(), Some(ours.score));
        assert_eq!(theirs["score"].as_f64(), Some(solution.stats.score));
        assert_eq!(theirs["idle_gaps"].as_u64(), Some(ours.idle_gaps as u64));
        assert_eq!(theirs["idle_gaps"].as_u64(), Some(solution.stats.idle_gaps as u64));

        // A broken schedule: every fifth meeting moved one slot later, every seventh without
        // its table, one meeting twice.
        let mut broken = schedule.clone();
        let slots: Vec<String> = inst.slots.iter().map(|s| s.id.clone()).collect();
        for (i, a) in broken.assignments.iter_mut().enumerate() {
            if i % 5 == 0 {
                let k = slots.iter().position(|s| *s == a.slot).unwrap_or(0);
                a.slot = slots[(k + 1) % slots.len()].clone();
            }
            if i % 7 == 0 {
                a.table = None;
            }
        }
        if let Some(first) = broken.assignments.first().cloned() {
            broken.assignments.push(first);
        }
        let ours = validate(&inst, &broken);
        let theirs = check_py(dir.path(), &inst_json, &broken);
        assert_eq!(theirs["feasible"], false);
        assert!(!ours.feasible);
        assert_eq!(theirs["n_errors"].as_u64(), Some(ours.n_errors as u64));
        assert_eq!(theirs["score"].as_f64(), Some(ours.score));
        assert_eq!(theirs["idle_gaps"].as_u64(), Some(ours.idle_gaps as u64));
        assert_eq!(theirs["errors"], serde_json::json!(ours.errors));
    }
}
