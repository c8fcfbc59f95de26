//! `tandem import cordis`: the real Horizon Europe sample and the older Horizon 2020 layout are
//! imported all or nothing, dry runs and refused imports write nothing but still count, and a
//! re-import of the same files changes nothing.

use crate::Env;
use std::path::Path;
use std::sync::Mutex;
use tandem_app::research::{self, CordisImportError, CordisProgress, CordisReport, RejectedImport, UpsertCounts};
use tandem_core::policy::PlatformAdmin;
use tandem_io::cordis::CordisFile;
use tandem_store::research::ResearchCounts;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tandem-io/tests/fixtures/cordis").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

async fn import(env: &Env, orgs: &[u8], projects: &[u8], dry_run: bool) -> Result<CordisReport, CordisImportError> {
    research::import_cordis(&env.app, PlatformAdmin::operator(), orgs, projects, dry_run, &|_| {}).await
}

async fn stored(env: &Env) -> ResearchCounts {
    let mut conn = env.app.db().acquire().await.expect("acquire");
    tandem_store::research::counts(conn.conn()).await.expect("counts")
}

#[track_caller]
fn rejected(result: Result<CordisReport, CordisImportError>) -> RejectedImport {
    match result {
        Err(CordisImportError::Rows(rejected)) => *rejected,
        other => panic!("expected row problems, got {other:?}"),
    }
}

fn new(n: usize) -> UpsertCounts {
    UpsertCounts { new: n, updated: 0, unchanged: 0 }
}

fn unchanged(n: usize) -> UpsertCounts {
    UpsertCounts { new: 0, updated: 0, unchanged: n }
}

#[tokio::test]
async fn the_horizon_europe_sample_imports_and_reimports_unchanged() {
    let env = Env::new().await;
    let (orgs, projects) = (fixture("organization_df_100.csv"), fixture("project_df_100.csv"));
    let seen = Mutex::new(Vec::new());
    let record = |p: CordisProgress| seen.lock().expect("lock").push(p);
    let report = research::import_cordis(&env.app, PlatformAdmin::operator(), orgs.as_slice(), projects.as_slice(), false, &record)
        .await
        .expect("import");
    assert_eq!((report.organisation_rows, report.project_rows, report.dry_run), (100, 100, false));
    assert_eq!((report.organisations, report.projects, report.participations), (new(92), new(100), new(100)));
    assert_eq!(stored(&env).await, ResearchCounts { organisations: 92, projects: 100, participations: 100 });
    let seen = seen.into_inner().expect("lock");
    assert!(seen.contains(&CordisProgress::Reading { file: CordisFile::Organisations, rows: 100 }), "{seen:?}");
    assert_eq!(seen.last(), Some(&CordisProgress::Writing { done: 292, total: 292 }));

    let mut conn = env.app.db().acquire().await.expect("acquire");
    let wur = tandem_store::research::organisation(conn.conn(), "999981634").await.expect("get").expect("stored");
    assert_eq!((wur.name.as_str(), wur.country.as_deref(), wur.activity_type.as_deref()), ("WAGENINGEN UNIVERSITY", Some("NL"), Some("HES")));
    let projects_of = tandem_store::research::projects_of(conn.conn(), "999981634", 5).await.expect("projects");
    let doe = projects_of.iter().find(|p| p.project.id == "101116741").expect("DOE");
    assert_eq!((doe.role.as_deref(), doe.ec_contribution), (Some("coordinator"), Some(149_999_800)));
    assert_eq!(doe.project.programme.as_deref(), Some("HORIZON.1.1"));
    drop(conn);

    let again = import(&env, &orgs, &projects, false).await.expect("re-import");
    assert_eq!((again.organisations, again.projects, again.participations), (unchanged(92), unchanged(100), unchanged(100)));
    assert_eq!(stored(&env).await, ResearchCounts { organisations: 92, projects: 100, participations: 100 });
}

#[tokio::test]
async fn a_dry_run_counts_but_writes_nothing() {
    let env = Env::new().await;
    let report = import(&env, &fixture("organization_df_100.csv"), &fixture("project_df_100.csv"), true).await.expect("dry run");
    assert!(report.dry_run);
    assert_eq!((report.organisations, report.projects, report.participations), (new(92), new(100), new(100)));
    assert_eq!(stored(&env).await, ResearchCounts::default());
}

#[tokio::test]
async fn the_older_semicolon_layout_imports_and_changes_are_counted() {
    let env = Env::new().await;
    let (orgs, projects) = (fixture("h2020_old_organizations.csv"), fixture("h2020_old_projects.csv"));
    let report = import(&env, &orgs, &projects, false).await.expect("import");
    assert_eq!((report.organisations, report.projects, report.participations), (new(2), new(2), new(3)));
    let mut conn = env.app.db().acquire().await.expect("acquire");
    // The organisation's later row (project BETA) gives its name and website.
    let gmbh = tandem_store::research::organisation(conn.conn(), "999999002").await.expect("get").expect("stored");
    assert_eq!((gmbh.name.as_str(), gmbh.url.as_deref()), ("BEISPIEL GMBH", Some("http://beispiel.de")));
    drop(conn);

    // A renamed organisation and a new contribution are updates; the rest is unchanged.
    let text = String::from_utf8(orgs).expect("utf-8").replace("EXAMPLE UNIVERSITY OF SCIENCE", "EXAMPLE UNIVERSITY").replace(";500000;", ";600000;");
    let report = import(&env, text.as_bytes(), &projects, false).await.expect("update");
    assert_eq!(report.organisations, UpsertCounts { new: 0, updated: 1, unchanged: 1 });
    assert_eq!(report.participations, UpsertCounts { new: 0, updated: 1, unchanged: 2 });
    assert_eq!(report.projects, unchanged(2));
}

#[tokio::test]
async fn bad_rows_are_all_reported_and_nothing_is_written() {
    let env = Env::new().await;
    let orgs = "\
projectID,organisationID,name,ecContribution
101116741,999981634,WAGENINGEN UNIVERSITY,1499998.0
101116741,,NO PIC LTD,10
555,999997736,AARHUS UNIVERSITET,10
";
    let projects = "id,acronym,startDate\n101116741,DOE,2024-02-01\n777,BAD,2024-02-30\n";
    for dry_run in [false, true] {
        let rejected = rejected(import(&env, orgs.as_bytes(), projects.as_bytes(), dry_run).await);
        let found: Vec<(CordisFile, usize, &str)> =
            rejected.errors.iter().map(|e| (e.file, e.line, e.field.as_str())).collect();
        assert_eq!(
            found,
            [
                (CordisFile::Organisations, 3, "organisationID"),
                (CordisFile::Organisations, 4, "projectID"),
                (CordisFile::Projects, 3, "startDate"),
            ]
        );
        assert!(rejected.errors[1].message.contains("project 555"), "{}", rejected.errors[1]);
        // The good rows are counted as they would have been written.
        assert_eq!((rejected.report.organisations, rejected.report.participations), (new(1), new(1)));
        assert_eq!(stored(&env).await, ResearchCounts::default(), "nothing written (dry run: {dry_run})");
    }
}

#[tokio::test]
async fn participations_may_refer_to_projects_imported_earlier() {
    let env = Env::new().await;
    let projects = "id,acronym\n101116741,DOE\n";
    let first = "projectID,organisationID,name\n101116741,999981634,WAGENINGEN UNIVERSITY\n";
    import(&env, first.as_bytes(), projects.as_bytes(), false).await.expect("first import");
    // The second download has the organisations file only (no projects rows at all).
    let second = "projectID,organisationID,name\n101116741,999997736,AARHUS UNIVERSITET\n";
    let report = import(&env, second.as_bytes(), b"id,acronym\n", false).await.expect("second import");
    assert_eq!((report.organisations, report.participations), (new(1), new(1)));
    assert_eq!(stored(&env).await, ResearchCounts { organisations: 2, projects: 1, participations: 2 });
}

#[tokio::test]
async fn a_file_without_required_columns_is_refused_whole() {
    let env = Env::new().await;
    let result = import(&env, b"projectAcronym;role\nX;coordinator\n", b"id\n1\n", false).await;
    let Err(CordisImportError::File(error)) = result else { panic!("expected a file error, got {result:?}") };
    assert!(error.to_string().contains("accepted names"), "{error}");
    assert_eq!(stored(&env).await, ResearchCounts::default());
}
