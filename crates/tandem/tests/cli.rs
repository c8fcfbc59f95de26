//! The `tandem` binary end to end: each test runs the real executable on a fresh SQLite data
//! directory in a temporary folder. (SQLite only: the PostgreSQL paths are the same use cases,
//! tested in tandem-app and tandem-web.)

use assert_cmd::Command;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const VARIABLES: [&str; 10] = [
    "TANDEM_DATA_DIR",
    "TANDEM_DATABASE_URL",
    "TANDEM_CONFIG",
    "TANDEM_LOG_FORMAT",
    "TANDEM_LOG",
    "TANDEM_ADDR",
    "TANDEM_BASE_URL",
    "TANDEM_SMTP_URL",
    "TANDEM_MAIL_FROM",
    "TANDEM_NEW_PASSWORD",
];

const GOOD_CSV: &str = "\
name,kind,city,nace_codes,website
Digbeth Widgets Ltd,sme,Birmingham,62.01,https://digbeth-widgets.example
Plagwitz Robotik GmbH,startup,Leipzig,28.99;62.02,https://plagwitz-robotik.example
Jewellery Quarter Analytics Ltd,sme,Birmingham,,
";

/// A temporary working directory with a data directory inside it.
struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    fn new() -> Result<Sandbox, std::io::Error> {
        Ok(Sandbox { dir: tempfile::tempdir()? })
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `tandem --data-dir <sandbox>/data`, with no TANDEM_* variables from the test's environment.
    fn tandem(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
        cmd.current_dir(self.dir.path());
        for var in VARIABLES {
            cmd.env_remove(var);
        }
        cmd.env("TANDEM_LOG", "warn").arg("--data-dir").arg(self.data_dir());
        cmd.timeout(Duration::from_secs(60));
        cmd
    }

    fn write(&self, name: &str, contents: &str) -> Result<PathBuf, std::io::Error> {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents)?;
        Ok(path)
    }

    /// The organisations' names, from `tandem export organisations --format json`.
    fn exported_names(&self) -> Result<Vec<String>, Box<dyn std::error::Error>> {
        let output = self.tandem().args(["export", "organisations", "--format", "json"]).output()?;
        assert!(output.status.success(), "export failed: {}", String::from_utf8_lossy(&output.stderr));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout)?;
        let rows = json.as_array().ok_or("the export is not a JSON array")?;
        Ok(rows.iter().filter_map(|r| r["name"].as_str().map(str::to_owned)).collect())
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn help_documents_every_variable() -> TestResult {
    let sandbox = Sandbox::new()?;
    let output = sandbox.tandem().arg("--help").output()?;
    assert!(output.status.success());
    let help = text(&output.stdout);
    for var in VARIABLES {
        assert!(help.contains(var), "`tandem --help` does not mention {var}:\n{help}");
    }
    for (command, vars) in [
        (vec!["serve"], &["TANDEM_ADDR", "TANDEM_BASE_URL", "TANDEM_SMTP_URL", "TANDEM_MAIL_FROM", "TANDEM_DATA_DIR"][..]),
        (vec!["demo"], &["TANDEM_ADDR", "TANDEM_BASE_URL", "TANDEM_DATABASE_URL"][..]),
        (vec!["user", "add"], &["TANDEM_NEW_PASSWORD", "TANDEM_CONFIG", "TANDEM_LOG"][..]),
        (vec!["import", "organisations"], &["TANDEM_DATA_DIR", "TANDEM_LOG_FORMAT"][..]),
    ] {
        let output = sandbox.tandem().args(&command).arg("--help").output()?;
        assert!(output.status.success());
        let help = text(&output.stdout);
        for var in vars {
            assert!(help.contains(var), "`tandem {} --help` does not mention {var}:\n{help}", command.join(" "));
        }
    }
    Ok(())
}

#[test]
fn migrate_creates_the_sqlite_database() -> TestResult {
    let sandbox = Sandbox::new()?;
    let output = sandbox.tandem().arg("migrate").output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("database is up to date"));
    assert!(sandbox.data_dir().join("tandem.db").is_file());
    // Running it again is harmless.
    sandbox.tandem().arg("migrate").assert().success();
    Ok(())
}

#[test]
fn a_config_file_sets_the_data_dir_and_flags_win_over_it() -> TestResult {
    let sandbox = Sandbox::new()?;
    let from_file = sandbox.dir.path().join("from-file");
    let config = sandbox.write("custom.toml", &format!("data_dir = {:?}\n", from_file.display().to_string()))?;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    for var in VARIABLES {
        cmd.env_remove(var);
    }
    cmd.current_dir(sandbox.dir.path()).env("TANDEM_CONFIG", &config).arg("migrate").assert().success();
    assert!(from_file.join("tandem.db").is_file());

    // --data-dir (added by `tandem()`) beats the file.
    sandbox.tandem().env("TANDEM_CONFIG", &config).arg("migrate").assert().success();
    assert!(sandbox.data_dir().join("tandem.db").is_file());

    // A config file that does not exist is a user error.
    let output = sandbox.tandem().args(["--config", "missing.toml", "migrate"]).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("missing.toml"));
    Ok(())
}

#[test]
fn bad_flag_values_exit_with_status_2() -> TestResult {
    let sandbox = Sandbox::new()?;
    let output = sandbox.tandem().args(["--log-format", "yaml", "migrate"]).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("yaml"));

    let output = sandbox.tandem().args(["serve", "--addr", "not an address"]).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("TANDEM_ADDR"), "{}", text(&output.stderr));

    let output = sandbox.tandem().args(["--log", "info,[", "migrate"]).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("TANDEM_LOG"), "{}", text(&output.stderr));
    Ok(())
}

#[test]
fn user_add_and_set_role() -> TestResult {
    let sandbox = Sandbox::new()?;
    let csv = sandbox.write("orgs.csv", GOOD_CSV)?;
    sandbox.tandem().args(["import", "organisations"]).arg(&csv).assert().success();

    let output = sandbox
        .tandem()
        .args(["user", "add", "--email", "Jo@Example.org", "--name", "Jo Bloggs", "--locale", "de"])
        .env("TANDEM_NEW_PASSWORD", "correct horse battery")
        .output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("jo@example.org"));

    let output = sandbox
        .tandem()
        .args(["user", "set-role", "--email", "jo@example.org", "--org", "Digbeth Widgets Ltd", "--role", "org_admin"])
        .output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("org_admin"));

    sandbox
        .tandem()
        .args(["user", "set-role", "--email", "jo@example.org", "--remove-from", "Digbeth Widgets Ltd"])
        .assert()
        .success();
    sandbox
        .tandem()
        .args(["user", "set-role", "--email", "jo@example.org", "--platform-admin", "true"])
        .assert()
        .success();
    sandbox
        .tandem()
        .args(["user", "reset-password", "--email", "jo@example.org", "--password", "another long secret"])
        .assert()
        .success();

    // An unknown organisation or account is the user's mistake, named.
    let output = sandbox
        .tandem()
        .args(["user", "set-role", "--email", "jo@example.org", "--org", "Nowhere GmbH", "--role", "member"])
        .output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("Nowhere GmbH"), "{}", text(&output.stderr));
    let output = sandbox
        .tandem()
        .args(["user", "set-role", "--email", "nobody@example.org", "--platform-admin", "false"])
        .output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("nobody@example.org"));

    // --org needs --role, and one change must be given.
    let output = sandbox.tandem().args(["user", "set-role", "--email", "jo@example.org", "--org", "X"]).output()?;
    assert_eq!(output.status.code(), Some(2));
    let output = sandbox.tandem().args(["user", "set-role", "--email", "jo@example.org"]).output()?;
    assert_eq!(output.status.code(), Some(2));
    Ok(())
}

#[test]
fn user_add_reports_bad_input_by_field() -> TestResult {
    let sandbox = Sandbox::new()?;
    let output = sandbox
        .tandem()
        .args(["user", "add", "--email", "not-an-address", "--name", "Jo", "--password", "correct horse battery"])
        .output()?;
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("email"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let output = sandbox.tandem().args(["user", "add", "--email", "jo@example.org", "--name", "Jo"]).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("TANDEM_NEW_PASSWORD"));

    let output = sandbox
        .tandem()
        .args(["user", "add", "--email", "jo@example.org", "--name", "Jo", "--password", "short"])
        .output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("password"));

    // The same address twice.
    let add = ["user", "add", "--email", "jo@example.org", "--name", "Jo", "--password", "correct horse battery"];
    sandbox.tandem().args(add).assert().success();
    let output = sandbox.tandem().args(add).output()?;
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("email"));
    Ok(())
}

#[test]
fn import_organisations_from_csv_then_export_json() -> TestResult {
    let sandbox = Sandbox::new()?;
    let csv = sandbox.write("orgs.csv", GOOD_CSV)?;
    let output = sandbox.tandem().args(["import", "organisations"]).arg(&csv).output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("imported 3 organisations"), "{}", text(&output.stdout));

    let mut names = sandbox.exported_names()?;
    names.sort();
    assert_eq!(names, ["Digbeth Widgets Ltd", "Jewellery Quarter Analytics Ltd", "Plagwitz Robotik GmbH"]);

    // CSV to a file, which imports elsewhere.
    let out = sandbox.dir.path().join("export.csv");
    sandbox.tandem().args(["export", "organisations", "--format", "csv", "--output"]).arg(&out).assert().success();
    let exported = std::fs::read_to_string(&out)?;
    assert!(exported.starts_with("name,") || exported.contains("name"), "{exported}");
    assert!(exported.contains("Plagwitz Robotik GmbH"));

    let elsewhere = Sandbox::new()?;
    elsewhere.tandem().args(["import", "organisations"]).arg(&out).assert().success();
    assert_eq!(elsewhere.exported_names()?.len(), 3);

    Ok(())
}

#[test]
fn dry_run_writes_nothing() -> TestResult {
    let sandbox = Sandbox::new()?;
    let csv = sandbox.write("orgs.csv", GOOD_CSV)?;
    let output = sandbox.tandem().args(["import", "organisations", "--dry-run"]).arg(&csv).output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("dry run: 3 organisations would be imported; nothing was written"), "{stdout}");
    assert!(sandbox.exported_names()?.is_empty());
    Ok(())
}

#[test]
fn bad_rows_are_all_reported_and_nothing_is_imported() -> TestResult {
    let sandbox = Sandbox::new()?;
    let long_name = "N".repeat(300);
    let csv = sandbox.write(
        "bad.csv",
        &format!(
            "name,kind,city,nace_codes,website\n\
             Good Birmingham Ltd,sme,Birmingham,62.01,https://good.example\n\
             Paris Bakery SARL,sme,Paris,10.71,\n\
             {long_name},sme,Leipzig,not-a-code,\n\
             Good Leipzig GmbH,startup,Leipzig,62.01,\n"
        ),
    )?;
    let output = sandbox.tandem().args(["import", "organisations"]).arg(&csv).output()?;
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    let file = csv.display().to_string();
    assert!(stderr.contains(&format!("{file}:3: field 'city'")), "{stderr}");
    assert!(stderr.contains("Paris"), "{stderr}");
    assert!(stderr.contains(&format!("{file}:4: field 'name'")), "{stderr}");
    assert!(stderr.contains(&format!("{file}:4: field 'nace_codes'")), "{stderr}");
    assert!(stderr.contains("3 problems; nothing was imported"), "{stderr}");
    assert!(!stderr.contains(&format!("{file}:2:")) && !stderr.contains(&format!("{file}:5:")), "{stderr}");
    assert!(sandbox.exported_names()?.is_empty(), "the good rows must not be imported either");
    Ok(())
}

#[test]
fn unreadable_or_unrecognised_files_are_user_errors() -> TestResult {
    let sandbox = Sandbox::new()?;
    let output = sandbox.tandem().args(["import", "organisations", "does-not-exist.csv"]).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("does-not-exist.csv"));

    let txt = sandbox.write("orgs.txt", GOOD_CSV)?;
    let output = sandbox.tandem().args(["import", "organisations"]).arg(&txt).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--format"));
    // …and with the format named it imports.
    sandbox.tandem().args(["import", "organisations", "--format", "csv"]).arg(&txt).assert().success();

    let missing_columns = sandbox.write("cols.csv", "Firmenname,Art\nX GmbH,sme\n")?;
    let output = sandbox.tandem().args(["import", "organisations"]).arg(&missing_columns).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("city"), "{}", text(&output.stderr));

    let output = sandbox.tandem().args(["import", "organisations", "--format", "csv", "--map", "nonsense"]).arg(&txt).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("nonsense"));
    Ok(())
}

#[test]
fn header_mappings_rename_columns() -> TestResult {
    let sandbox = Sandbox::new()?;
    let csv = sandbox.write("mapped.csv", "Unternehmen;Kategorie;Standort\nMapped GmbH;sme;Leipzig\n")?;
    let output = sandbox
        .tandem()
        .args(["import", "organisations", "--map", "Unternehmen=name", "--map", "Kategorie=kind", "--map", "Standort=city"])
        .arg(&csv)
        .output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(sandbox.exported_names()?, ["Mapped GmbH"]);
    Ok(())
}

#[test]
fn import_organisations_from_xlsx() -> TestResult {
    let sandbox = Sandbox::new()?;
    let path = sandbox.dir.path().join("orgs.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let rows = [
        ["name", "kind", "city", "nace_codes", "website"],
        ["Spreadsheet Birmingham Ltd", "sme", "Birmingham", "62.01", "https://sheet-brum.example"],
        ["Tabellen Leipzig GmbH", "startup", "Leipzig", "72.19", ""],
    ];
    for (r, row) in (0u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(row) {
            if !cell.is_empty() {
                sheet.write_string(r, c, cell)?;
            }
        }
    }
    workbook.save(&path)?;

    let output = sandbox.tandem().args(["import", "organisations"]).arg(&path).output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("imported 2 organisations"));
    let mut names = sandbox.exported_names()?;
    names.sort();
    assert_eq!(names, ["Spreadsheet Birmingham Ltd", "Tabellen Leipzig GmbH"]);
    Ok(())
}

/// A running `tandem serve`/`demo`, killed when dropped.
struct Server {
    child: Child,
    /// Everything it printed on stdout up to and including the "listening on" line.
    banner: Vec<String>,
    addr: String,
}

impl Server {
    fn start(sandbox: &Sandbox, args: &[&str]) -> Result<Server, Box<dyn std::error::Error>> {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tandem"));
        cmd.current_dir(sandbox.dir.path());
        for var in VARIABLES {
            cmd.env_remove(var);
        }
        cmd.env("TANDEM_LOG", "warn")
            .arg("--data-dir")
            .arg(sandbox.data_dir())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let mut child = cmd.spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (lines_tx, lines_rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines_tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut server = Server { child, banner: Vec::new(), addr: String::new() };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = lines_rx.recv_timeout(left).map_err(|_| "the server did not say where it listens")?;
            let listening = line.strip_prefix("listening on http://").map(str::to_owned);
            server.banner.push(line);
            if let Some(addr) = listening {
                server.addr = addr;
                return Ok(server);
            }
        }
    }

    /// A GET request; returns the status line and the body.
    fn get(&self, path: &str) -> Result<(String, String), Box<dyn std::error::Error>> {
        let mut stream = TcpStream::connect(&self.addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr)?;
        let mut response = Vec::new();
        stream.read_to_end(&mut response)?;
        let response = text(&response);
        let (head, body) = response.split_once("\r\n\r\n").ok_or("malformed HTTP response")?;
        let status = head.lines().next().unwrap_or_default().to_owned();
        Ok((status, body.to_owned()))
    }

    /// Sends SIGTERM and waits for the exit status.
    #[cfg(unix)]
    fn terminate(mut self) -> Result<std::process::ExitStatus, Box<dyn std::error::Error>> {
        let killed = std::process::Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status()?;
        assert!(killed.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err("the server did not stop within 20 s of SIGTERM".into())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_answers_health_checks_and_stops_on_sigterm() -> TestResult {
    let sandbox = Sandbox::new()?;
    let server = Server::start(&sandbox, &["serve", "--addr", "127.0.0.1:0"])?;
    assert!(server.addr.starts_with("127.0.0.1:") && !server.addr.ends_with(":0"), "{}", server.addr);
    let (status, body) = server.get("/healthz")?;
    assert!(status.contains("200"), "{status}");
    assert_eq!(body.trim(), "ok");
    let (status, _) = server.get("/readyz")?;
    assert!(status.contains("200"), "{status}");
    let (status, body) = server.get("/metrics")?;
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("tandem_http_requests_total"), "{body}");
    assert!(sandbox.data_dir().join("tandem.db").is_file());
    #[cfg(unix)]
    {
        let status = server.terminate()?;
        assert!(status.success(), "tandem serve exited with {status} on SIGTERM");
    }
    Ok(())
}

#[test]
fn demo_seeds_the_directory_and_prints_the_logins() -> TestResult {
    let sandbox = Sandbox::new()?;
    let server = Server::start(&sandbox, &["demo", "--smes", "20", "--addr", "127.0.0.1:0"])?;
    let banner = server.banner.join("\n");
    assert!(banner.contains("@demo.tandem.example"), "{banner}");
    assert!(banner.contains(tandem_app::demo::DEMO_PASSWORD), "{banner}");
    assert!(banner.contains(&format!("http://{}", server.addr)), "{banner}");
    let (status, body) = server.get("/directory?q=SpinLab")?;
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("SpinLab"), "the directory does not list SpinLab");
    drop(server);

    // A second start finds the data and leaves it alone, but still prints the logins.
    let server = Server::start(&sandbox, &["demo", "--smes", "20", "--addr", "127.0.0.1:0"])?;
    let banner = server.banner.join("\n");
    assert!(banner.contains("already has organisations"), "{banner}");
    assert!(banner.contains("@demo.tandem.example"), "{banner}");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Partnering profiles: `tandem import profiles`, `tandem export profiles`
// ---------------------------------------------------------------------------------------------

/// The first `n` lines of the shipped demo profiles, without support organisations (a fresh
/// database has none), as JSON Lines.
fn demo_profile_lines(n: usize) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/demo/profiles.jsonl");
    let mut lines = Vec::new();
    for line in std::fs::read_to_string(path)?.lines().filter(|l| !l.trim().is_empty()).take(n) {
        let mut value: serde_json::Value = serde_json::from_str(line)?;
        value.as_object_mut().ok_or("not an object")?.remove("support_organisation");
        lines.push(value.to_string());
    }
    Ok(lines)
}

impl Sandbox {
    /// The profiles, from `tandem export profiles --format jsonl`.
    fn exported_profiles(&self) -> Result<Vec<serde_json::Value>, Box<dyn std::error::Error>> {
        let output = self.tandem().args(["export", "profiles", "--format", "jsonl"]).output()?;
        assert!(output.status.success(), "export failed: {}", String::from_utf8_lossy(&output.stderr));
        let mut out = Vec::new();
        for line in text(&output.stdout).lines().filter(|l| !l.is_empty()) {
            out.push(serde_json::from_str(line)?);
        }
        Ok(out)
    }
}

#[test]
fn import_profiles_from_jsonl_then_export_round_trips() -> TestResult {
    let sandbox = Sandbox::new()?;
    let lines = demo_profile_lines(4)?;
    let file = sandbox.write("profiles.jsonl", &format!("{}\n\n", lines.join("\n")))?;
    let output = sandbox.tandem().args(["import", "profiles", "--publish"]).arg(&file).output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("4 profiles created"), "{stdout}");
    assert!(stdout.contains("4 published"), "{stdout}");
    assert!(stdout.contains("2 organisations created"), "{stdout}");

    let exported = sandbox.exported_profiles()?;
    let originals: Vec<serde_json::Value> = lines.iter().map(|l| serde_json::from_str(l)).collect::<Result<_, _>>()?;
    assert_eq!(exported.len(), 4);
    for (original, back) in originals.iter().zip(&exported) {
        for field in ["external_id", "type", "language", "title", "summary", "keywords_market", "nace", "organisation"] {
            assert_eq!(original[field], back[field], "{field}");
        }
    }

    // The export imports again: everything is updated, nothing created.
    let out = sandbox.dir.path().join("export.jsonl");
    sandbox.tandem().args(["export", "profiles", "--format", "jsonl", "--output"]).arg(&out).assert().success();
    let output = sandbox.tandem().args(["import", "profiles"]).arg(&out).output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("0 profiles created, 4 updated"), "{}", text(&output.stdout));
    assert_eq!(sandbox.exported_profiles()?, exported);

    // And as CSV, one row per profile after the header.
    let output = sandbox.tandem().args(["export", "profiles", "--format", "csv"]).output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    let csv = text(&output.stdout);
    assert!(csv.starts_with("external_id,type,language,title"), "{csv}");
    assert!(csv.contains("demo-profile-03"), "{csv}");
    Ok(())
}

#[test]
fn import_profiles_dry_run_writes_nothing() -> TestResult {
    let sandbox = Sandbox::new()?;
    let file = sandbox.write("profiles.jsonl", &demo_profile_lines(3)?.join("\n"))?;
    let output = sandbox.tandem().args(["import", "profiles", "--dry-run"]).arg(&file).output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("dry run: 3 profiles created"), "{}", text(&output.stdout));
    assert!(text(&output.stdout).contains("nothing was written"), "{}", text(&output.stdout));
    assert!(sandbox.exported_profiles()?.is_empty());
    assert!(sandbox.exported_names()?.is_empty(), "no organisation was created either");
    Ok(())
}

#[test]
fn one_malformed_profile_line_among_good_ones_writes_nothing() -> TestResult {
    let sandbox = Sandbox::new()?;
    let mut lines = demo_profile_lines(4)?;
    let mut bad: serde_json::Value = serde_json::from_str(&lines[2])?;
    bad["organisation"]["city"] = "Paris".into();
    lines[2] = bad.to_string();
    let file = sandbox.write("profiles.jsonl", &lines.join("\n"))?;
    let output = sandbox.tandem().args(["import", "profiles", "--publish"]).arg(&file).output()?;
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    let name = file.display().to_string();
    assert!(stderr.contains(&format!("{name}:3: organisation.city: unknown city \"Paris\"")), "{stderr}");
    assert!(stderr.contains("1 problem; nothing was imported"), "{stderr}");
    for good in [1, 2, 4] {
        assert!(!stderr.contains(&format!("{name}:{good}:")), "{stderr}");
    }
    assert!(sandbox.exported_profiles()?.is_empty(), "the good lines must not be imported either");
    assert!(sandbox.exported_names()?.is_empty());

    // A line that is not JSON is named too.
    let file = sandbox.write("broken.jsonl", &format!("{}\n{{\"external_id\": \"x\",\n", lines[0]))?;
    let output = sandbox.tandem().args(["import", "profiles"]).arg(&file).output()?;
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains(&format!("{}:2: ", file.display())), "{}", text(&output.stderr));
    assert!(sandbox.exported_profiles()?.is_empty());
    Ok(())
}

#[test]
fn jobs_run_prints_a_report_on_a_fresh_database() -> TestResult {
    let sandbox = Sandbox::new()?;
    let output = sandbox.tandem().args(["jobs", "run"]).output()?;
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("profile lifecycle: 0 expiry notices, 0 expired, 0 archived"), "{stdout}");
    assert!(stdout.contains("search alerts: 0 sent"), "{stdout}");
    assert!(sandbox.data_dir().join("tandem.db").is_file());
    // Running it again (cron) is harmless.
    sandbox.tandem().args(["jobs", "run"]).assert().success();

    let bad = sandbox.tandem().env("TANDEM_JOBS_INTERVAL_SECS", "soon").args(["jobs", "run"]).output()?;
    assert_eq!(bad.status.code(), Some(2), "a bad interval is a user error: {}", text(&bad.stderr));
    assert!(text(&bad.stderr).contains("TANDEM_JOBS_INTERVAL_SECS"), "{}", text(&bad.stderr));
    let help = text(&sandbox.tandem().args(["serve", "--help"]).output()?.stdout);
    assert!(help.contains("--jobs-interval-secs") && help.contains("TANDEM_JOBS_INTERVAL_SECS"), "{help}");
    Ok(())
}
