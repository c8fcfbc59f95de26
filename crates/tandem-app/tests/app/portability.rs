//! All-or-nothing import, dry runs, duplicate detection, and export round trips.

use crate::Env;
use tandem_app::directory::search;
use tandem_app::portability::{self, ExportFormat, ImportFailure, ImportReport};
use tandem_core::policy::PlatformAdmin;
use tandem_io::org_import::{Format, HeaderMap, ImportError, RowError};

async fn import(env: &Env, csv: &str, dry_run: bool) -> Result<ImportReport, ImportFailure> {
    portability::import_organisations(&env.app, PlatformAdmin::operator(), csv.as_bytes(), Format::Csv, &HeaderMap::default(), dry_run, &|_, _| {})
        .await
}

fn row_errors(result: Result<ImportReport, ImportFailure>) -> Vec<RowError> {
    match result {
        Err(ImportFailure::File(ImportError::Rows(errors))) => errors,
        other => panic!("expected row errors, got {other:?}"),
    }
}

async fn count(env: &Env, text: &str) -> i64 {
    let query = search::DirectoryQuery { text: text.into(), ..Default::default() };
    search::search(&env.app, &query).await.expect("search").total
}

const GOOD: &str = "name,kind,city,nace_codes,website,pic,turnover,currency\n\
    Daden Ltd,sme,Birmingham,62.01,https://www.daden.co.uk,123456789,\"1,250,000\",GBP\n\
    Schenker Technologies GmbH,KMU,Leipzig,46.51;62.09,,987654321,,\n\
    BioCity Leipzig,Gründerzentrum,leipzig,72.11,https://www.bio-city-leipzig.de,,,\n";

#[tokio::test]
async fn a_good_file_imports_every_row() {
    let env = Env::new().await;
    let report = import(&env, GOOD, false).await.expect("import");
    assert_eq!(report, ImportReport { rows: 3, created: 3, dry_run: false });
    assert_eq!(count(&env, "").await, 3);
    assert_eq!(count(&env, "daden").await, 1);
    assert_eq!(count(&env, "schenker").await, 1);
    assert_eq!(count(&env, "biocity").await, 1);
    let bio = search::search(&env.app, &search::DirectoryQuery { text: "biocity".into(), ..Default::default() }).await.expect("search");
    assert_eq!(bio.items[0].kind, tandem_core::directory::OrgKind::Incubator, "German kind words are understood");
}

#[tokio::test]
async fn a_dry_run_writes_nothing() {
    let env = Env::new().await;
    let report = import(&env, GOOD, true).await.expect("dry run");
    assert_eq!(report, ImportReport { rows: 3, created: 3, dry_run: true });
    assert_eq!(count(&env, "").await, 0);
    import(&env, GOOD, false).await.expect("the same file imports for real afterwards");
    assert_eq!(count(&env, "").await, 3);
}

#[tokio::test]
async fn one_bad_row_imports_nothing() {
    let env = Env::new().await;
    let bad = "name,kind,city,website\n\
        Good One,sme,Birmingham,https://good.example\n\
        Bad Site,sme,Birmingham,not a url\n\
        Nowhere Ltd,sme,Atlantis,\n\
        Good Two,sme,Leipzig,\n";
    let errors = row_errors(import(&env, bad, false).await);
    let found: Vec<(usize, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(found, [(3, "website"), (4, "city")], "every bad row is reported with its line: {errors:?}");
    assert_eq!(count(&env, "").await, 0, "nothing was imported");
}

#[tokio::test]
async fn duplicate_registry_ids_are_reported_with_their_line() {
    let env = Env::new().await;
    let dup = "name,kind,city,pic\n\
        First,sme,Birmingham,111111111\n\
        Second,sme,Leipzig,222222222\n\
        Third,sme,Leipzig,111111111\n\
        Fourth,sme,Leipzig,333333333\n";
    let errors = row_errors(import(&env, dup, false).await);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!((errors[0].line, errors[0].field.as_str()), (4, "pic"));
    assert_eq!(count(&env, "").await, 0);

    // Against the database, too.
    import(&env, "name,kind,city,pic\nFirst,sme,Birmingham,111111111\n", false).await.expect("import");
    let again = "name,kind,city,pic\nNew,sme,Leipzig,444444444\nClash,sme,Leipzig,111111111\nLast,sme,Leipzig,\n";
    let errors = row_errors(import(&env, again, false).await);
    assert_eq!(errors.iter().map(|e| (e.line, e.field.as_str())).collect::<Vec<_>>(), [(3, "pic")]);
    assert_eq!(count(&env, "").await, 1);
}

#[tokio::test]
async fn structural_problems_refuse_the_file() {
    let env = Env::new().await;
    let result = import(&env, "organisation,website\nDaden,https://daden.co.uk\n", false).await;
    assert!(matches!(result, Err(ImportFailure::File(ImportError::MissingColumns { .. }))), "{result:?}");
}

async fn export(env: &Env, format: ExportFormat) -> (usize, Vec<u8>) {
    let mut out = Vec::new();
    let n = portability::export_organisations(&env.app, PlatformAdmin::operator(), format, &mut out).await.expect("export");
    (n, out)
}

/// The CSV with the id that starts each record removed (a re-import makes new ids).
fn without_ids(csv: &[u8]) -> Vec<String> {
    String::from_utf8(csv.to_vec())
        .expect("utf-8")
        .lines()
        .map(|line| match line.get(..37) {
            Some(id) if id.ends_with(',') && uuid::Uuid::parse_str(&id[..36]).is_ok() => line[37..].to_owned(),
            _ => line.to_owned(),
        })
        .collect()
}

#[tokio::test]
async fn exports_round_trip_through_import() {
    let env = Env::new().await;
    let tricky = "name,kind,city,nace_codes,description_en,description_de,website,staff_headcount,turnover,balance_sheet,currency,figures_year,pic,companies_house,handelsregister\n\
        \"Müller, Schmidt & Co.\",sme,Leipzig,62.01;58.29,\"Line one\nline two, with \"\"quotes\"\"\",Beschreibung mit Umlauten: äöüß,https://mueller.example,12,1250000,300000,EUR,2024,123456789,,HRB 12345\n\
        =SUM(A1) Formula Ltd,startup,Birmingham,72,-leading dash,,,,,,,,,SC123456,\n\
        Plain,other,Birmingham,,,,,,,,,,,,\n";
    import(&env, tricky, false).await.expect("import");
    let (n, first) = export(&env, ExportFormat::Csv).await;
    assert_eq!(n, 3);
    let text = String::from_utf8(first.clone()).expect("utf-8");
    assert!(text.contains("'=SUM(A1) Formula Ltd"), "formulas are defused: {text}");

    let copy = Env::new().await;
    import(&copy, &text, false).await.expect("re-import the export");
    let (_, second) = export(&copy, ExportFormat::Csv).await;
    assert_eq!(without_ids(&first), without_ids(&second), "export → import → export changes nothing but ids");

    let (_, json) = export(&env, ExportFormat::Json).await;
    let parsed: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    let items = parsed.as_array().expect("array");
    assert_eq!(items.len(), 3);
    let muller = items.iter().find(|o| o["pic"] == "123456789").expect("Müller");
    assert_eq!(muller["name"], "Müller, Schmidt & Co.");
    assert_eq!(muller["turnover"], 1_250_000);
    assert_eq!(muller["city"], "Leipzig");
    assert_eq!(muller["nace_codes"], serde_json::json!(["62.01", "58.29"]));
}
