//! `tandem import support` end to end on the demo: a programme manager's support log (CSV or
//! XLSX) recorded in the Innovation Engine and counted by `tandem report indicators`; bad rows
//! reported with their line and column and nothing written; `--dry-run` writing nothing; and the
//! subsidy ledger refusing the row that would take a Leipzig enterprise over the de minimis
//! ceiling, counting the rows above it.

use assert_cmd::Command;
use chrono::NaiveDate;
use std::path::PathBuf;
use std::time::Duration;
use tandem_app::{App, AppConfig};
use tandem_core::ProjectId;
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const LEAD: &str = "Innovation Birmingham";
/// The Leipzig enterprise the demo leaves at €271,400 of the €300,000 de minimis ceiling.
const NEAR_CEILING: &str = "Pleiße Wasserstoff GmbH";
const SPINLAB: &str = "SpinLab – The HHL Accelerator";

struct Demo {
    dir: TempDir,
    url: String,
    /// The Innovation Engine (ERDF England, pounds).
    erdf: ProjectId,
    /// SpinLab Scale-up Leipzig (ERDF 2021–27, euro).
    leipzig: ProjectId,
    /// A Birmingham enterprise the demo leaves at 9.5 of the Innovation Engine's 12 hours (an SME
    /// by its declaration): 2.5 more hours make it count under C1.
    short: String,
}

impl Demo {
    /// A file database with the demo seeded.
    async fn new() -> Result<Demo, Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let url = format!("sqlite://{}/tandem.db?mode=rwc", dir.path().display());
        let app = App::open(&url, config(&dir)).await?;
        tandem_app::demo::seed(&app, 0).await?;
        let mut conn = app.db().acquire().await?;
        let projects = tandem_store::projects::list(conn.conn()).await?;
        let id = |name: &str| projects.iter().find(|p| p.input.name == name).map(|p| p.id).ok_or(format!("no demo project {name}"));
        let (erdf, leipzig) = (id("Innovation Engine")?, id("SpinLab Scale-up Leipzig")?);
        let day = |y| NaiveDate::from_ymd_opt(y, 1, 1).ok_or("date");
        let mut hours = std::collections::BTreeMap::new();
        for r in tandem_store::support_records::for_project(conn.conn(), erdf, day(2018)?, day(2019)?).await? {
            *hours.entry(r.input.enterprise_id).or_insert(0) += r.input.hours;
        }
        let short = hours.into_iter().find(|(_, h)| *h == 950).map(|(id, _)| id).ok_or("no demo enterprise at 9.5 hours")?;
        let short = tandem_store::organisations::get(conn.conn(), short).await?.ok_or("no such organisation")?.name;
        drop(conn);
        app.db().close().await;
        Ok(Demo { erdf, leipzig, short, dir, url })
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

    fn import(&self, project: ProjectId, file: &PathBuf, extra: &[&str]) -> Command {
        let mut cmd = self.tandem();
        cmd.args(["import", "support"]).arg(file).args(["--project", &project.to_string()]).args(extra);
        cmd
    }

    /// The evidence file import files may name, in a folder next to them.
    fn scans(&self) -> Result<(), std::io::Error> {
        std::fs::create_dir_all(self.dir.path().join("scans"))?;
        std::fs::write(self.dir.path().join(EVIDENCE), PDF)
    }

    /// Writes an import file, with the evidence file it may name next to it.
    fn write(&self, name: &str, contents: &str) -> Result<PathBuf, std::io::Error> {
        self.scans()?;
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents)?;
        Ok(path)
    }

    /// The project's support records (withdrawn ones included) from 2017 to 2027.
    async fn records(&self, project: ProjectId) -> Result<usize, Box<dyn std::error::Error>> {
        let app = App::open(&self.url, config(&self.dir)).await?;
        let day = |y| NaiveDate::from_ymd_opt(y, 1, 1).ok_or("date");
        let records = {
            let mut conn = app.db().acquire().await?;
            tandem_store::support_records::for_project(conn.conn(), project, day(2017)?, day(2028)?).await?
        };
        app.db().close().await;
        Ok(records.len())
    }

    /// The Innovation Engine's claim for 2018 as CSV.
    fn claim_2018(&self) -> Result<String, Box<dyn std::error::Error>> {
        let out = self
            .tandem()
            .args(["report", "indicators", "--project", &self.erdf.to_string(), "--from", "2018-01-01", "--to", "2018-12-31"])
            .args(["--format", "csv"])
            .assert()
            .success();
        Ok(String::from_utf8(out.get_output().stdout.clone())?)
    }
}

fn config(dir: &TempDir) -> AppConfig {
    AppConfig {
        base_url: "http://127.0.0.1:8080".into(),
        data_dir: dir.path().to_path_buf(),
        smtp_url: None,
        mail_from: "Tandem <noreply@tandem.test>".into(),
    }
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

/// A support log as programme managers keep it: the lead's advice, the partner's workshop, and a
/// grant without hours, by name.
fn good_log(short: &str) -> String {
    format!(
        "enterprise,support_organisation,adviser,delivered_on,hours,activity,written_output,grant_amount,loan_amount,loan_aid_value,evidence\n\
         {short},{LEAD},Jordan Hayes,2018-11-05,3,One-to-one advice,Imported tender-readiness review,,,,{EVIDENCE}\n\
         Holosphere,BCU Digital Media Technology Lab,Dr Sam Okafor,2018-11-12,2.5,workshop,,,,,{EVIDENCE}\n\
         AtmosVR,{LEAD},Jordan Hayes,2018-12-03,,grant,,\"2,500\",,,{EVIDENCE}\n"
    )
}

/// The evidence file the logs name, next to them.
const EVIDENCE: &str = "scans/timesheet.pdf";
/// A small, valid PDF.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

#[tokio::test]
async fn a_support_log_is_recorded_and_counted_in_the_claim() -> TestResult {
    let demo = Demo::new().await?;
    let before = demo.records(demo.erdf).await?;
    assert!(!demo.claim_2018()?.contains("Imported tender-readiness review"));

    let file = demo.write("support.csv", &good_log(&demo.short))?;
    let out = demo.import(demo.erdf, &file, &[]).assert().success();
    assert!(
        stdout(&out).contains(
            "imported 3 support records for 3 enterprises (5.50 hours, grants 2,500.00 GBP, loans 0.00 GBP) with 3 evidence files"
        ),
        "{}",
        stdout(&out)
    );
    assert_eq!(demo.records(demo.erdf).await?, before + 3);

    // The 9.5 hours and the imported 3 reach the threshold: C1 counts it with the new row.
    let claim = demo.claim_2018()?;
    let short: Vec<&str> = claim.lines().filter(|l| l.starts_with("C1,") && l.contains(demo.short.as_str())).collect();
    assert!(short.iter().any(|l| l.contains("Imported tender-readiness review") && l.contains("one_to_one_advice")), "{claim}");

    // The import is audited (without a user) and the audit chain still verifies.
    demo.tandem().args(["audit", "verify"]).assert().success();
    Ok(())
}

#[tokio::test]
async fn bad_rows_are_reported_with_line_and_column_and_nothing_is_written() -> TestResult {
    let demo = Demo::new().await?;
    let before = demo.records(demo.erdf).await?;
    let (short, lower) = (&demo.short, demo.short.to_lowercase());
    let file = demo.write(
        "support.csv",
        &format!(
            "Enterprise;Support organisation;Adviser;Delivered on;Hours;Activity;Written output\n\
             {short};{LEAD};Jordan Hayes;2018-11-05;3;one_to_one_advice;Action plan\n\
             {short};{LEAD};Jordan Hayes;2018-02-30;3;one_to_one_advice;Action plan\n\
             Nobody Ltd;{LEAD};Jordan Hayes;2018-11-05;3;one_to_one_advice;Action plan\n\
             {short};{LEAD};Jordan Hayes;2018-11-05;3;coaching;Action plan\n\
             {short};{LEAD};Jordan Hayes;2018-11-05;-2;one_to_one_advice;Action plan\n\
             {lower};{LEAD};Jordan Hayes;2018-11-05;1;workshop;\n"
        ),
    )?;
    let out = demo.import(demo.erdf, &file, &[]).assert().code(2);
    let err = stderr(&out);
    let path = file.display().to_string();
    let suggestion = format!("did you mean '{short}'?");
    for (line, field, says) in [
        (3, "delivered_on", "'2018-02-30': write the date the support was given as YYYY-MM-DD"),
        (4, "enterprise", "no organisation is called 'Nobody Ltd'"),
        (5, "activity", "'coaching': activity must be one of: diagnostic, one_to_one_advice"),
        (6, "hours", "'-2': write the hours of support"),
        (7, "enterprise", suggestion.as_str()),
    ] {
        let expected = format!("{path}:{line}: field '{field}': ");
        assert!(err.lines().any(|l| l.starts_with(&expected) && l.contains(says)), "no {expected}…{says} in:\n{err}");
    }
    assert!(err.contains("5 problems; nothing was imported"), "{err}");
    assert!(!err.contains(&format!("{path}:2:")), "the good row has no problem: {err}");
    assert_eq!(demo.records(demo.erdf).await?, before, "the good row must not be written either");

    // A file without the required columns says which are missing and what they are called.
    let file = demo.write("columns.csv", "enterprise,hours\nDaden Ltd,3\n")?;
    let err = stderr(&demo.import(demo.erdf, &file, &[]).assert().code(2));
    assert!(err.contains("required column(s) missing: support_organisation, adviser, delivered_on, activity"), "{err}");
    // So is an unknown project.
    let file = demo.write("good.csv", &good_log(&demo.short))?;
    let err = stderr(&demo.import(ProjectId::new(), &file, &[]).assert().code(2));
    assert!(err.contains("there is no project"), "{err}");
    Ok(())
}

#[tokio::test]
async fn a_dry_run_checks_everything_and_writes_nothing() -> TestResult {
    let demo = Demo::new().await?;
    let before = demo.records(demo.erdf).await?;
    let file = demo.write("support.csv", &good_log(&demo.short))?;
    let out = demo.import(demo.erdf, &file, &["--dry-run"]).assert().success();
    assert!(
        stdout(&out).contains("dry run: 3 support records for 3 enterprises (5.50 hours, grants 2,500.00 GBP, loans 0.00 GBP) with 3 evidence files would be recorded; nothing was written"),
        "{}",
        stdout(&out)
    );
    assert_eq!(demo.records(demo.erdf).await?, before);
    Ok(())
}

#[tokio::test]
async fn an_xlsx_log_imports_with_dates_and_numbers_as_cells() -> TestResult {
    let demo = Demo::new().await?;
    let before = demo.records(demo.erdf).await?;
    demo.scans()?;
    let path = demo.dir.path().join("support.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd.mm.yyyy");
    let sheet = workbook.add_worksheet();
    for (c, header) in
        (0u16..).zip(["Enterprise", "Support organisation", "Adviser", "Delivered on", "Hours", "Activity", "Written output", "Evidence"])
    {
        sheet.write_string(0, c, header)?;
    }
    let rows = [
        (demo.short.as_str(), 5, 2.5, "mentoring", "Mentoring notes: bid writing"),
        ("Holosphere", 19, 4.0, "diagnostic", "Diagnostic report"),
    ];
    for (r, (enterprise, dom, hours, activity, output)) in (1u32..).zip(rows) {
        sheet.write_string(r, 0, enterprise)?;
        sheet.write_string(r, 1, LEAD)?;
        sheet.write_string(r, 2, "Jordan Hayes")?;
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2018, 11, dom)?;
        sheet.write_datetime_with_format(r, 3, &day, &date)?;
        sheet.write_number(r, 4, hours)?;
        sheet.write_string(r, 5, activity)?;
        sheet.write_string(r, 6, output)?;
        sheet.write_string(r, 7, EVIDENCE)?;
    }
    workbook.save(&path)?;

    let out = demo.import(demo.erdf, &path, &[]).assert().success();
    assert!(stdout(&out).contains("imported 2 support records for 2 enterprises (6.50 hours"), "{}", stdout(&out));
    assert_eq!(demo.records(demo.erdf).await?, before + 2);
    assert!(demo.claim_2018()?.contains("Mentoring notes: bid writing"));
    Ok(())
}

#[tokio::test]
async fn aid_over_the_de_minimis_ceiling_is_refused_on_its_line_counting_the_rows_above() -> TestResult {
    let demo = Demo::new().await?;
    let before = demo.records(demo.leipzig).await?;
    let header = "enterprise,support_organisation,adviser,delivered_on,hours,activity,grant_amount,confirm_ceiling\n";

    // €50,000 on top of €271,400 is over €300,000 on its own.
    let file = demo.write("over.csv", &format!("{header}{NEAR_CEILING},{SPINLAB},Lena Berger,2025-11-03,,grant,50000,yes\n"))?;
    let err = stderr(&demo.import(demo.leipzig, &file, &[]).assert().code(2));
    assert!(err.contains(&format!("{}:2: field 'grant_amount': ", file.display())), "{err}");
    assert!(err.contains("above the de minimis ceiling"), "{err}");

    // Two grants of €20,000 fit one at a time; together the second one is over.
    let file = demo.write(
        "two.csv",
        &format!(
            "{header}{NEAR_CEILING},{SPINLAB},Lena Berger,2025-11-03,,grant,20000,yes\n\
             {NEAR_CEILING},{SPINLAB},Lena Berger,2025-11-04,,grant,20000,yes\n"
        ),
    )?;
    let err = stderr(&demo.import(demo.leipzig, &file, &[]).assert().code(2));
    assert!(err.contains(&format!("{}:3: field 'grant_amount': ", file.display())), "{err}");
    assert!(!err.contains(&format!("{}:2:", file.display())), "{err}");
    assert!(err.contains("1 problem; nothing was imported"), "{err}");

    // Near the ceiling, a row must say it is meant; one grant alone is then recorded.
    let file = demo.write("near.csv", &format!("{header}{NEAR_CEILING},{SPINLAB},Lena Berger,2025-11-03,,grant,20000,\n"))?;
    let err = stderr(&demo.import(demo.leipzig, &file, &[]).assert().code(2));
    assert!(err.contains("field 'confirm_ceiling'") && err.contains("write yes in the confirm_ceiling column"), "{err}");
    assert_eq!(demo.records(demo.leipzig).await?, before);
    let file = demo.write("one.csv", &format!("{header}{NEAR_CEILING},{SPINLAB},Lena Berger,2025-11-03,,grant,20000,yes\n"))?;
    demo.import(demo.leipzig, &file, &[]).assert().success();
    assert_eq!(demo.records(demo.leipzig).await?, before + 1);
    Ok(())
}
