//! `tandem report indicators` end to end on the demo's Innovation Engine: a CSV claim with one
//! line per evidence row, an XLSX claim written to a file (read back by openpyxl in the
//! interoperability run), and bad flags refused with exit status 2.

use assert_cmd::Command;
use std::time::Duration;
use tandem_app::{App, AppConfig};
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

struct Demo {
    dir: TempDir,
    url: String,
    project: String,
}

impl Demo {
    /// A file database with the demo seeded; the project's id.
    async fn new() -> Result<Demo, Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let url = format!("sqlite://{}/tandem.db?mode=rwc", dir.path().display());
        let config = AppConfig {
            base_url: "http://127.0.0.1:8080".into(),
            data_dir: dir.path().to_path_buf(),
            smtp_url: None,
            mail_from: "Tandem <noreply@tandem.test>".into(),
        };
        let app = App::open(&url, config).await?;
        tandem_app::demo::seed(&app, 0).await?;
        let project = {
            let mut conn = app.db().acquire().await?;
            let projects = tandem_store::projects::list(conn.conn()).await?;
            projects.into_iter().find(|p| p.input.name == "Innovation Engine").ok_or("no demo project")?.id.to_string()
        };
        app.db().close().await;
        Ok(Demo { dir, url, project })
    }

    fn tandem(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
        cmd.current_dir(self.dir.path());
        for var in ["TANDEM_DATA_DIR", "TANDEM_CONFIG", "TANDEM_LEXICON"] {
            cmd.env_remove(var);
        }
        cmd.env("TANDEM_DATABASE_URL", &self.url).env("TANDEM_LOG", "warn").timeout(Duration::from_secs(60));
        cmd
    }

    fn report(&self, extra: &[&str]) -> Command {
        let mut cmd = self.tandem();
        cmd.args(["report", "indicators", "--project", &self.project, "--from", "2018-01-01", "--to", "2018-12-31"]).args(extra);
        cmd
    }
}

#[tokio::test]
async fn the_claim_lists_every_indicator_with_its_evidence_rows() -> TestResult {
    let demo = Demo::new().await?;
    let out = demo.report(&["--format", "csv"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone())?;
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("indicator,indicator_name,unit,target,achieved,subject"), "{}", lines[0]);
    let c1: Vec<&&str> = lines.iter().filter(|l| l.starts_with("C1,")).collect();
    assert!(c1.len() >= 3, "C1 has its evidence rows: {text}");
    assert!(c1.iter().all(|l| l.contains(".pdf (")), "each row names its evidence file and hash: {c1:?}");
    assert!(lines.iter().any(|l| l.starts_with("C2,") && l.contains(",grant,")), "the grant qualifies C2");

    let path = demo.dir.path().join("claim.xlsx");
    demo.report(&["--format", "xlsx", "--output", path.to_str().ok_or("path")?]).assert().success();
    assert!(std::fs::read(&path)?.starts_with(b"PK"), "an XLSX (zip) file");
    Ok(())
}

#[tokio::test]
async fn bad_flags_are_refused_with_what_to_do() -> TestResult {
    let demo = Demo::new().await?;
    let no_file = demo.report(&["--format", "xlsx"]).assert().code(2);
    assert!(String::from_utf8_lossy(&no_file.get_output().stderr).contains("give --output FILE.xlsx"));
    let mut reversed = demo.tandem();
    reversed.args(["report", "indicators", "--project", &demo.project, "--from", "2018-12-31", "--to", "2018-01-01", "--format", "csv"]);
    let reversed = reversed.assert().code(2);
    assert!(String::from_utf8_lossy(&reversed.get_output().stderr).contains("is before --from"));
    let mut bad_date = demo.tandem();
    bad_date.args(["report", "indicators", "--project", &demo.project, "--from", "1.1.2018", "--to", "2018-12-31", "--format", "csv"]);
    assert!(String::from_utf8_lossy(&bad_date.assert().code(2).get_output().stderr).contains("YYYY-MM-DD"));
    let mut unknown = demo.tandem();
    unknown.args([
        "report",
        "indicators",
        "--project",
        "0190b5a0-0000-7000-8000-00000000abcd",
        "--from",
        "2018-01-01",
        "--to",
        "2018-12-31",
        "--format",
        "csv",
    ]);
    assert!(String::from_utf8_lossy(&unknown.assert().code(2).get_output().stderr).contains("there is no project"));
    Ok(())
}

/// An auditor's tool (openpyxl) reads the claim: the summary with targets, a sheet per
/// indicator with its evidence rows, and the near misses. Needs `python3` with openpyxl.
#[tokio::test]
#[ignore = "needs python3 with the openpyxl package"]
async fn interop_claim_xlsx_openpyxl() -> TestResult {
    const SCRIPT: &str = r#"
import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
summary = {row[0]: row for row in wb["Summary"].iter_rows(values_only=True) if row and row[0]}
def rows(code):
    sheet = list(wb[code].iter_rows(values_only=True))
    header = list(sheet[0])
    return header, [dict(zip(header, r)) for r in sheet[1:]]
c1_header, c1 = rows("C1")
_, c5 = rows("C5")
_, c8 = rows("C8")
misses = list(wb["Near misses"].iter_rows(values_only=True))
print(json.dumps({
    "sheets": wb.sheetnames,
    "c1_target": summary["C1"][3],
    "c1_achieved": summary["C1"][4],
    "c1_header": c1_header,
    "c1_rows": len(c1),
    "c1_files": [r["Evidence files"] for r in c1],
    "c5_kinds": [r["Kind"] for r in c5],
    "c8": [[r["Kind"], r["Detail"], r["Evidence files"]] for r in c8],
    "misses": [m[2] for m in misses[1:] if m[0] == "C1"],
    "c8_misses": [m[2] for m in misses[1:] if m[0] == "C8"],
}))
"#;
    let demo = Demo::new().await?;
    let path = demo.dir.path().join("claim.xlsx");
    demo.report(&["--format", "xlsx", "--output", path.to_str().ok_or("path")?]).assert().success();
    let output = std::process::Command::new("python3").arg("-c").arg(SCRIPT).arg(&path).output()?;
    assert!(output.status.success(), "python failed: {}", String::from_utf8_lossy(&output.stderr));
    let got: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let sheets: Vec<&str> = got["sheets"].as_array().ok_or("sheets")?.iter().filter_map(|s| s.as_str()).collect();
    assert_eq!((sheets.first(), sheets.last()), (Some(&"Summary"), Some(&"Near misses")));
    assert!(sheets.contains(&"C1") && sheets.contains(&"P13"), "{sheets:?}");
    assert_eq!(got["c1_target"], 40);
    assert_eq!(got["c1_header"][0], "Subject");
    assert!(got["c1_rows"].as_u64().unwrap_or(0) >= 3, "{got}");
    assert!(got["c1_files"].as_array().ok_or("files")?.iter().all(|f| f.as_str().is_some_and(|f| f.contains(".pdf ("))), "{got}");
    assert!(got["misses"].as_array().ok_or("misses")?.iter().any(|m| m.as_str().is_some_and(|m| m.contains("9.5 of 12 hours"))), "{got}");
    // Outcomes are evidence rows too: the kind and detail columns say what each one records.
    let header: Vec<&str> = got["c1_header"].as_array().ok_or("header")?.iter().filter_map(|h| h.as_str()).collect();
    assert_eq!(header.iter().rev().take(2).collect::<Vec<_>>(), [&"Evidence files", &"Detail"], "{header:?}");
    assert!(header.contains(&"Kind"), "{header:?}");
    assert!(got["c5_kinds"].as_array().ok_or("c5")?.iter().any(|k| k == "business_start"), "{got}");
    let c8 = got["c8"].as_array().ok_or("c8")?;
    assert!(
        c8.iter().any(|r| r[0] == "employment_figure"
            && r[1] == "6.5 FTE, confirmed in writing"
            && r[2].as_str().is_some_and(|f| f.contains(".pdf ("))),
        "{got}"
    );
    assert!(
        got["c8_misses"].as_array().ok_or("c8 misses")?.iter().any(|m| m.as_str().is_some_and(|m| m.contains("not confirmed in writing"))),
        "{got}"
    );
    Ok(())
}
