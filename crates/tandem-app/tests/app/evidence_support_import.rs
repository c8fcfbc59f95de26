//! Importing a support log (issue 6; `tandem import support`): rows recorded as the form records
//! them, in one transaction — the subsidy ledger counts the rows above each row, one bad row
//! writes nothing — and audited as the operator's, naming no user.

use crate::{Env, draft};
use tandem_app::evidence::ledger;
use tandem_app::evidence::support_import::{self, SupportFile, SupportImportReport};
use tandem_app::portability::ImportFailure;
use tandem_core::OrgId;
use tandem_core::directory::{OrgKind, ProgrammeDraft};
use tandem_core::evidence::aid::AidDeclarationDraft;
use tandem_core::evidence::project::{Project, ProjectDraft};
use tandem_core::policy::{Actor, PlatformAdmin};
use tandem_io::org_import::{Format, ImportError, RowError};

struct World {
    env: Env,
    spinlab: Actor,
    spinlab_org: OrgId,
    sme: OrgId,
    project: Project,
}

impl World {
    async fn new() -> World {
        let env = Env::new().await;
        let leipzig = env.city("Leipzig").await;
        let (spinlab_org, _, spinlab) = env.org("team@spinlab.example", &draft("SpinLab", OrgKind::Accelerator, leipzig)).await;
        let (sme, _, _) = env.org("ceo@pleisse.example", &draft("Pleiße Wasserstoff GmbH", OrgKind::Sme, leipzig)).await;
        let project = ProjectDraft {
            name: "SpinLab Scale-up".into(),
            lead_org_id: spinlab_org.id.to_string(),
            funder: "erdf_2021_27".into(),
            scheme: None,
            rulebook: "eu_2021_1058".into(),
            rulebook_version: "2021".into(),
            agreement_signed_on: "2021-12-01".into(),
            starts_on: "2022-01-01".into(),
            ends_on: "2030-12-31".into(),
            currency: "EUR".into(),
            hours_threshold: "12".into(),
            day_rate: "800".into(),
            hours_per_day: "8".into(),
        };
        let lists = tandem_app::evidence::projects::ListsDraft { cities: vec![leipzig.to_string()], ..Default::default() };
        let project = tandem_app::evidence::projects::create(&env.app, &spinlab, &project, &lists).await.expect("project");
        World { env, spinlab, spinlab_org: spinlab_org.id, sme: sme.id, project }
    }

    async fn import(&self, csv: &str, dry_run: bool) -> Result<SupportImportReport, ImportFailure> {
        let file = SupportFile { project: self.project.id, bytes: csv.as_bytes(), format: Format::Csv, evidence: &read, dry_run };
        support_import::import_support(&self.env.app, PlatformAdmin::operator(), &file, &|_, _| {}).await
    }

    async fn records(&self) -> Vec<tandem_core::evidence::support::SupportRecord> {
        let mut conn = self.env.app.db().acquire().await.expect("acquire");
        tandem_store::support_records::for_enterprise(conn.conn(), self.sme).await.expect("records")
    }
}

/// A small, valid PDF.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// The evidence files the tests' rows name: `timesheet.pdf` (also in a folder), and `notes.txt`,
/// which is no PDF.
fn read(name: &str) -> Result<Vec<u8>, String> {
    match name {
        "timesheet.pdf" | "folder/timesheet.pdf" => Ok(PDF.to_vec()),
        "notes.txt" => Ok(b"just text".to_vec()),
        _ => Err("no such file".into()),
    }
}

fn problems(result: Result<SupportImportReport, ImportFailure>) -> Vec<RowError> {
    match result {
        Err(ImportFailure::File(ImportError::Rows(rows))) => rows,
        other => panic!("expected row problems, got {other:?}"),
    }
}

const HEADER: &str =
    "enterprise,support_organisation,adviser,delivered_on,hours,activity,written_output,grant_amount,programme,confirm_ceiling\n";

#[tokio::test]
async fn imported_rows_are_recorded_as_the_forms_and_audited_without_a_user() {
    let w = World::new().await;
    let programme = ProgrammeDraft {
        name: "Hydrogen Cohort".into(),
        kind: "acceleration".into(),
        status: "open".into(),
        description_en: Some("Six months of coaching".into()),
        ..Default::default()
    };
    tandem_app::directory::programmes::create(&w.env.app, &w.spinlab, w.spinlab_org, &programme).await.expect("programme");
    // By name and by id; the programme by its name among SpinLab's.
    let csv = format!(
        "{HEADER}Pleiße Wasserstoff GmbH,SpinLab,Lena Berger,2025-03-03,2.5,diagnostic,Diagnostic report,,Hydrogen Cohort,\n\
         {},{},Lena Berger,2025-04-07,,grant,,\"10,000\",,\n",
        w.sme, w.spinlab_org
    );
    let dry = w.import(&csv, true).await.expect("dry run");
    assert_eq!((dry.created, dry.enterprises, dry.hours, dry.grants, dry.dry_run), (2, 1, 250, 1_000_000, true));
    assert!(w.records().await.is_empty(), "a dry run writes nothing");

    let report = w.import(&csv, false).await.expect("import");
    assert_eq!((report.rows, report.created, report.currency.as_str()), (2, 2, "EUR"));
    let records = w.records().await;
    assert_eq!(records.len(), 2);
    let diagnostic = records.iter().find(|r| r.input.hours == 250).expect("the diagnostic");
    assert_eq!((diagnostic.created_by, diagnostic.adviser_user_id), (None, None), "the operator's, no user");
    assert!(diagnostic.input.programme_id.is_some(), "the programme is resolved by name");
    // 2.5 hours at €800 a day of 8 hours: €250 of aid, as the form values advice.
    assert_eq!(diagnostic.aid_value, 25_000);
    let mut conn = w.env.app.db().acquire().await.expect("acquire");
    let history = tandem_store::audit::history(conn.conn(), "support_record", &diagnostic.id.to_string()).await.expect("history");
    assert_eq!(history.iter().map(|e| (e.action.as_str(), e.actor)).collect::<Vec<_>>(), [("created", None)]);
}

#[tokio::test]
async fn the_rows_of_one_file_accumulate_in_the_subsidy_ledger_and_one_over_writes_nothing() {
    let w = World::new().await;
    let declared = AidDeclarationDraft {
        grantor: "Sächsische Aufbaubank".into(),
        granted_on: "2024-05-02".into(),
        amount: "250000".into(),
        currency: "EUR".into(),
        declared_on: "2024-05-02".into(),
        ..AidDeclarationDraft::default()
    };
    ledger::declare(&w.env.app, &w.spinlab, w.sme, &declared).await.expect("declare");
    // €250,000 + €30,000 fits (near the ceiling, confirmed); another €30,000 would be €310,000.
    let row = |day: &str| format!("Pleiße Wasserstoff GmbH,SpinLab,Lena Berger,{day},,grant,,30000,,yes\n");
    let csv = format!("{HEADER}{}{}", row("2025-03-03"), row("2025-03-04"));
    let found = problems(w.import(&csv, false).await);
    assert_eq!(found.iter().map(|e| (e.line, e.field.as_str())).collect::<Vec<_>>(), [(3, "grant_amount")]);
    assert!(found[0].message.contains("above the de minimis ceiling"), "{}", found[0].message);
    assert!(w.records().await.is_empty(), "the good first row is not written either");

    // Near the ceiling needs the row's confirmation, as the form's.
    let unconfirmed = row("2025-03-03").replace(",yes\n", ",\n");
    let found = problems(w.import(&format!("{HEADER}{unconfirmed}"), false).await);
    assert_eq!(found.iter().map(|e| (e.line, e.field.as_str())).collect::<Vec<_>>(), [(2, "confirm_ceiling")]);
    w.import(&format!("{HEADER}{}", row("2025-03-03")), false).await.expect("one grant fits");
    assert_eq!(w.records().await.len(), 1);
}

#[tokio::test]
async fn parties_are_resolved_by_id_or_exact_name_and_must_deliver_the_project() {
    let w = World::new().await;
    let leipzig = w.env.city("Leipzig").await;
    w.env.org("admin@biocity.example", &draft("BioCity Leipzig", OrgKind::Incubator, leipzig)).await;
    let csv = format!(
        "{HEADER}Pleiße Wasserstoff GmbH,BioCity Leipzig,Lena Berger,2025-03-03,2,workshop,,,,\n\
         BioCity Leipzig,SpinLab,Lena Berger,2025-03-03,2,workshop,,,,\n\
         Pleisse Wasserstoff,SpinLab,Lena Berger,2025-03-03,2,workshop,,,Nothing,\n\
         {},SpinLab,Lena Berger,2025-03-03,2,workshop,,,,\n",
        OrgId::new()
    );
    let found = problems(w.import(&csv, false).await);
    let got: Vec<(usize, &str)> = found.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(got, [(2, "support_organisation"), (3, "enterprise"), (4, "enterprise"), (4, "programme"), (5, "enterprise")], "{found:?}");
    assert!(found[0].message.contains("does not deliver this project; use one of: SpinLab"), "{}", found[0].message);
    assert!(found[1].message.contains("support is recorded for enterprises"), "{}", found[1].message);
    assert!(found[4].message.contains("no organisation has the id"), "{}", found[4].message);
}

#[tokio::test]
async fn evidence_files_a_row_names_are_stored_as_uploads_and_bad_ones_refused() {
    let w = World::new().await;
    let header = "enterprise,support_organisation,adviser,delivered_on,hours,activity,written_output,evidence\n";
    let row = |files: &str| format!("Pleiße Wasserstoff GmbH,SpinLab,Lena Berger,2025-03-03,4,mentoring,Mentoring notes,{files}\n");
    let found = problems(w.import(&format!("{header}{}{}", row("notes.txt"), row("timesheet.pdf; missing.pdf")), false).await);
    let got: Vec<(usize, &str, &str)> = found.iter().map(|e| (e.line, e.field.as_str(), e.message.as_str())).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (2, "evidence"));
    assert!(got[0].2.starts_with("'notes.txt': upload a PDF, PNG or JPEG file"), "{}", got[0].2);
    assert_eq!(got[1], (3, "evidence", "'missing.pdf': no such file"));
    assert!(w.records().await.is_empty());

    let report = w.import(&format!("{header}{}", row("folder/timesheet.pdf")), false).await.expect("import");
    assert_eq!((report.created, report.evidence_files), (1, 1));
    let record = w.records().await.pop().expect("the record");
    let mut conn = w.env.app.db().acquire().await.expect("acquire");
    let files = tandem_store::support_records::evidence(conn.conn(), record.id).await.expect("evidence");
    assert_eq!(
        files.iter().map(|f| (f.file_name.as_str(), f.media_type.as_str())).collect::<Vec<_>>(),
        [("timesheet.pdf", "application/pdf")]
    );
    let history = tandem_store::audit::history(conn.conn(), "support_record", &record.id.to_string()).await.expect("history");
    assert_eq!(history.iter().map(|e| (e.action.as_str(), e.actor)).collect::<Vec<_>>(), [("created", None), ("evidence_added", None)]);
}
