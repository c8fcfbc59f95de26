//! `tandem audit verify` end to end on a real SQLite file: an intact trail passes and prints
//! its head; an entry altered behind the append-only triggers' back fails the check with the
//! entry named, and a head that is no longer in the trail is noticed.

use assert_cmd::Command;
use serde_json::json;
use std::time::Duration;
use tandem_store::Db;
use tandem_store::audit::{self, NewEntry};
use tandem_testkit::execute;
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn tandem(dir: &TempDir, url: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.current_dir(dir.path());
    for var in ["TANDEM_DATA_DIR", "TANDEM_CONFIG", "TANDEM_LEXICON"] {
        cmd.env_remove(var);
    }
    cmd.env("TANDEM_DATABASE_URL", url).env("TANDEM_LOG", "warn").timeout(Duration::from_secs(60));
    cmd
}

/// The head hash `verify` printed.
fn head_of(stdout: &[u8]) -> String {
    let text = String::from_utf8_lossy(stdout);
    text.lines().find_map(|l| l.split_once(", head ").map(|(_, h)| h.trim().to_owned())).unwrap_or_default()
}

#[tokio::test]
async fn verify_passes_an_intact_trail_and_names_an_altered_entry() -> TestResult {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}/tandem.db?mode=rwc", dir.path().display());
    tandem(&dir, &url).arg("migrate").assert().success();

    let db = Db::connect(&url).await?;
    for hours in 1..=3 {
        let after = json!({ "hours": hours });
        let entry =
            NewEntry { actor: None, entity_kind: "support_record", entity_id: "r1", action: "updated", before: None, after: Some(&after) };
        let mut tx = db.begin().await?;
        audit::append(tx.conn(), &entry, chrono::Utc::now()).await?;
        tx.commit().await?;
    }

    let intact = tandem(&dir, &url).args(["audit", "verify"]).assert().success();
    let stdout = String::from_utf8_lossy(&intact.get_output().stdout).into_owned();
    assert!(stdout.contains("audit trail: 3 entries") && stdout.ends_with("intact\n"), "{stdout}");
    let head = head_of(stdout.as_bytes());
    assert_eq!(head.len(), 64, "{stdout}");
    tandem(&dir, &url).args(["audit", "verify", "--expect-head", &head]).assert().success();
    let unknown = "f".repeat(64);
    let missing = tandem(&dir, &url).args(["audit", "verify", "--expect-head", &unknown]).assert().code(1);
    assert!(String::from_utf8_lossy(&missing.get_output().stderr).contains("no longer holds the expected head"));

    // Someone with access to the file drops the trigger and rewrites an entry's content.
    execute(&db, "DROP TRIGGER audit_log_no_update").await;
    execute(&db, "UPDATE audit_log SET content = replace(content, '\"hours\":2', '\"hours\":12') WHERE seq = 2").await;
    db.close().await;
    let broken = tandem(&dir, &url).args(["audit", "verify"]).assert().code(1);
    let out = broken.get_output();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("broken: entry 2: its before/after content was altered"), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("the audit trail is broken: 1 problem(s)"));
    Ok(())
}
