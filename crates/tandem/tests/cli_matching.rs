//! `tandem recommend partners` and `tandem search` end to end on a seeded SQLite database, and
//! `--lexicon` refusing a bad dictionary file at startup.

use assert_cmd::Command;
use std::path::PathBuf;
use std::time::Duration;
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const ORGS: &str = "\
name,kind,city,nace_codes,pic,description_en
Digbeth Widgets Ltd,sme,Birmingham,62.01,999000001,Software for virtual reality training of clinicians
Plagwitz Robotik GmbH,startup,Leipzig,62.01,999000002,Virtual reality software and simulators for medical training
Jewellery Quarter Analytics Ltd,sme,Birmingham,62.02,,Data analytics for jewellers
";

struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Result<Sandbox, Box<dyn std::error::Error>> {
        let sandbox = Sandbox { dir: tempfile::tempdir()? };
        let csv = sandbox.write("orgs.csv", ORGS)?;
        let out = sandbox.tandem().args(["import", "organisations"]).arg(csv).output()?;
        assert!(out.status.success(), "import: {}", String::from_utf8_lossy(&out.stderr));
        let profiles = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/demo/profiles.jsonl");
        let mut lines = Vec::new();
        for line in std::fs::read_to_string(profiles)?.lines().filter(|l| !l.trim().is_empty()).take(6) {
            let mut value: serde_json::Value = serde_json::from_str(line)?;
            value.as_object_mut().ok_or("not an object")?.remove("support_organisation");
            lines.push(value.to_string());
        }
        let file = sandbox.write("profiles.jsonl", &lines.join("\n"))?;
        let out = sandbox.tandem().args(["import", "profiles", "--publish"]).arg(file).output()?;
        assert!(out.status.success(), "import profiles: {}", String::from_utf8_lossy(&out.stderr));
        Ok(sandbox)
    }

    fn tandem(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
        cmd.current_dir(self.dir.path());
        for var in ["TANDEM_DATA_DIR", "TANDEM_DATABASE_URL", "TANDEM_CONFIG", "TANDEM_LEXICON", "TANDEM_LOG"] {
            cmd.env_remove(var);
        }
        cmd.env("TANDEM_LOG", "warn").arg("--data-dir").arg(self.dir.path().join("data"));
        cmd.timeout(Duration::from_secs(120));
        cmd
    }

    fn write(&self, name: &str, contents: &str) -> Result<PathBuf, std::io::Error> {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents)?;
        Ok(path)
    }
}

fn json_lines(bytes: &[u8]) -> Result<Vec<serde_json::Value>, serde_json::Error> {
    String::from_utf8_lossy(bytes).lines().filter(|l| !l.is_empty()).map(serde_json::from_str).collect()
}

#[test]
fn recommend_partners_prints_a_line_per_org_and_reports_unknown_ones() -> TestResult {
    let sandbox = Sandbox::new()?;
    let out = sandbox
        .tandem()
        .args(["recommend", "partners", "--org", "999000001", "--org", "nobody", "--org", "999000002", "--format", "jsonl"])
        .output()?;
    assert_eq!(out.status.code(), Some(2), "unknown ids make the exit status 2");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nobody"), "{}", String::from_utf8_lossy(&out.stderr));
    let lines = json_lines(&out.stdout)?;
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0]["org"], "999000001");
    let results = lines[0]["results"].as_array().ok_or("results")?;
    assert_eq!(results.first().map(|r| r["org"].clone()), Some(serde_json::json!("999000002")), "{results:?}");
    assert!(results[0]["score"].as_f64().is_some_and(|s| s > 0.0));
    assert!(results[0]["why"].as_array().is_some_and(|w| !w.is_empty()));

    let file = sandbox.write("orgs.txt", "# ids\n999000002\n\n")?;
    let out = sandbox.tandem().args(["recommend", "partners", "--org-file"]).arg(file).args(["--country", "GB", "--format", "json"]).output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let array: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let array = array.as_array().ok_or("a JSON array")?;
    assert_eq!(array.len(), 1);
    assert!(array[0]["results"].as_array().is_some_and(|r| r.iter().all(|x| x["org"] != "999000002")));
    Ok(())
}

#[test]
fn search_answers_a_text_and_a_query_file_with_bad_lines_reported() -> TestResult {
    let sandbox = Sandbox::new()?;
    let out = sandbox.tandem().args(["search", "Software", "--limit", "3", "--format", "json"]).output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let array: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    assert_eq!(array.as_array().map(Vec::len), Some(1));

    let queries = "{\"id\": \"q1\", \"text\": \"Sensoren\", \"language\": \"de\"}\nnot json\n{\"id\": 2, \"text\": \"sensors\"}\n";
    let file = sandbox.write("queries.jsonl", queries)?;
    let out = sandbox.tandem().args(["search", "--query-file"]).arg(&file).args(["--format", "jsonl"]).output()?;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("queries.jsonl:2:"), "{stderr}");
    let lines = json_lines(&out.stdout)?;
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["query"], "q1");
    assert_eq!(lines[1]["query"], 2);
    for line in &lines {
        for r in line["results"].as_array().ok_or("results")? {
            assert!(r["profile"].is_string() && r["score"].is_number() && r["why"].is_array(), "{r}");
        }
    }
    Ok(())
}

#[test]
fn a_bad_lexicon_file_stops_startup_with_its_name_and_line() -> TestResult {
    let sandbox = Sandbox::new()?;
    let good = sandbox.write("good.txt", "Schulung :: training\n")?;
    let out = sandbox.tandem().arg("--lexicon").arg(&good).args(["search", "Schulung", "--format", "jsonl"]).output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bad = sandbox.write("bad.txt", "Schulung :: training\nthis line has no separator at all\n")?;
    let out = sandbox.tandem().arg("--lexicon").arg(&bad).args(["search", "Schulung", "--format", "jsonl"]).output()?;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.txt") && stderr.contains("line 2"), "{stderr}");
    Ok(())
}
