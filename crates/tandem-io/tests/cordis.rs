//! CORDIS bulk CSVs: the real Horizon Europe sample, the older `;`-separated Horizon 2020 column
//! set, quoting, missing values, and bad rows reported with file, line and column.

use chrono::NaiveDate;
use std::path::Path;
use tandem_io::cordis::{
    CordisError, CordisFile, CordisRowError, OrganisationRecord, Parsed, ParticipationRecord, ProjectRecord,
    read_organisations, read_projects,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cordis").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn organisations(bytes: &[u8]) -> Parsed<ParticipationRecord> {
    read_organisations(bytes, &mut |_| {}).expect("a readable organisations file")
}

fn projects(bytes: &[u8]) -> Parsed<ProjectRecord> {
    read_projects(bytes, &mut |_| {}).expect("a readable projects file")
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn the_horizon_europe_organisations_sample_reads_completely() {
    let mut reported = Vec::new();
    let parsed = read_organisations(fixture("organization_df_100.csv").as_slice(), &mut |rows| reported.push(rows))
        .expect("readable");
    assert_eq!(parsed.errors, Vec::<CordisRowError>::new());
    assert_eq!((parsed.rows, parsed.records.len()), (100, 100));
    assert_eq!(reported.last(), Some(&100), "progress ends with the row count");
    let pics: std::collections::HashSet<&str> = parsed.records.iter().map(|r| r.organisation.pic.as_str()).collect();
    let projects: std::collections::HashSet<&str> = parsed.records.iter().map(|r| r.project_id.as_str()).collect();
    assert_eq!((pics.len(), projects.len()), (92, 42));

    let wageningen = &parsed.records[0];
    assert_eq!(
        *wageningen,
        ParticipationRecord {
            line: 2,
            project_id: "101116741".into(),
            role: Some("coordinator".into()),
            ec_contribution: Some(149_999_800),
            organisation: OrganisationRecord {
                pic: "999981634".into(),
                name: "WAGENINGEN UNIVERSITY".into(),
                short_name: Some("WU".into()),
                sme: Some(false),
                activity_type: Some("HES".into()),
                city: Some("Wageningen".into()),
                country: Some("NL".into()),
                url: Some("http://www.wageningenur.nl/nl.htm".into()),
            },
        }
    );
    // The one row without a contribution (an associated partner) has none, not zero.
    let associated = parsed.records.iter().find(|r| r.organisation.pic == "888767836").expect("associated partner");
    assert_eq!((associated.role.as_deref(), associated.ec_contribution), (Some("associatedPartner"), None));
    assert_eq!(parsed.project_id_header(), "projectID");
}

#[test]
fn the_horizon_europe_projects_sample_reads_completely() {
    let parsed = projects(&fixture("project_df_100.csv"));
    assert_eq!(parsed.errors, Vec::<CordisRowError>::new());
    assert_eq!(parsed.records.len(), 100);
    let doe = &parsed.records[0];
    assert_eq!((doe.line, doe.id.as_str(), doe.acronym.as_deref()), (2, "101116741", Some("DOE")));
    assert_eq!(doe.title.as_deref(), Some("Digitizing Other Economies: A Comparative Approach"));
    assert_eq!((doe.framework.as_deref(), doe.programme.as_deref()), (Some("HORIZON"), Some("HORIZON.1.1")));
    assert_eq!(doe.topics.as_deref(), Some("ERC-2023-STG"));
    assert_eq!((doe.start_date, doe.end_date), (date(2024, 2, 1), date(2029, 1, 31)));
    assert_eq!((doe.total_cost, doe.ec_contribution), (Some(149_999_800), Some(149_999_800)));
    assert!(doe.objective.as_deref().is_some_and(|o| o.starts_with("How do longstanding")));
    // Every participation of the organisations sample has its project in the projects sample.
    let ids: std::collections::HashSet<&str> = parsed.records.iter().map(|p| p.id.as_str()).collect();
    let orgs = organisations(&fixture("organization_df_100.csv"));
    assert!(orgs.records.iter().all(|r| ids.contains(r.project_id.as_str())));
}

#[test]
fn the_older_semicolon_separated_horizon_2020_dump_reads_by_its_aliases() {
    let orgs = organisations(&fixture("h2020_old_organizations.csv"));
    assert_eq!(orgs.errors, Vec::<CordisRowError>::new());
    assert_eq!(orgs.records.len(), 3);
    let first = &orgs.records[0];
    assert_eq!((first.project_id.as_str(), first.organisation.pic.as_str()), ("700001", "999999001"));
    assert_eq!(first.ec_contribution, Some(124_999_950), "decimal comma");
    assert_eq!(first.organisation.url.as_deref(), Some("http://www.example.ac.uk"));
    assert_eq!(first.organisation.sme, None, "the older dump has no SME column");
    // A quoted name with the delimiter and a line break in it; the next record starts two lines on.
    let second = &orgs.records[1];
    assert_eq!(second.organisation.name, "BEISPIEL GMBH; FORSCHUNG\nUND ENTWICKLUNG");
    assert_eq!((second.line, second.ec_contribution), (3, None));
    assert_eq!(orgs.records[2].line, 5);
    assert_eq!(orgs.project_id_header(), "projectID");

    let projects = projects(&fixture("h2020_old_projects.csv"));
    assert_eq!(projects.errors, Vec::<CordisRowError>::new());
    let alpha = &projects.records[0];
    assert_eq!((alpha.id.as_str(), alpha.programme.as_deref()), ("700001", Some("H2020-EU.3.1.")));
    assert_eq!((alpha.start_date, alpha.end_date), (date(2016, 5, 1), date(2019, 4, 30)), "day-first dates");
    assert_eq!(alpha.objective.as_deref(), Some("First line of the objective;\nsecond line, with a comma."));
    assert_eq!((alpha.total_cost, alpha.ec_contribution), (Some(250_000_000), Some(249_999_950)));
    let beta = &projects.records[1];
    assert_eq!((beta.line, beta.total_cost, beta.ec_contribution), (4, None, None), "NA amounts");
}

#[test]
fn every_bad_row_is_reported_with_its_line_and_column() {
    let text = "\
projectID,organisationID,name,SME,ecContribution
101116741,999981634,WAGENINGEN UNIVERSITY,False,1499998.0
101116741,,NO PIC LTD,True,10
101116741,12345,SHORT PIC LTD,maybe,lots
\"101116742\",999997736,\"AARHUS
UNIVERSITET\",False,NA
101116743,999997737,EXTRA FIELDS,False,1,2
";
    let parsed = organisations(text.as_bytes());
    assert_eq!(parsed.records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 5]);
    let found: Vec<(usize, &str)> = parsed.errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(
        found,
        [(3, "organisationID"), (4, "organisationID"), (4, "SME"), (4, "ecContribution"), (7, "")]
    );
    assert!(parsed.errors.iter().all(|e| e.file == CordisFile::Organisations));
    assert!(parsed.errors[0].message.contains("is empty"), "{}", parsed.errors[0]);
    assert!(parsed.errors[1].message.contains("9 digits"), "{}", parsed.errors[1]);
    assert!(parsed.errors[2].message.contains("True or False"), "{}", parsed.errors[2]);
    assert!(parsed.errors[4].message.contains("double quotes"), "{}", parsed.errors[4]);
    assert_eq!(
        parsed.errors[3].to_string(),
        "organisations file (organization.csv), line 4: ecContribution: 'lots' is not an amount in euros; \
         write it like 1499998, 1499998.50 or 1 499 998,50, or leave the cell empty"
    );
}

#[test]
fn bad_dates_are_reported_and_end_before_start_too() {
    let text = "id;acronym;startDate;endDate\n1;A;2024-13-01;2025-01-01\n2;B;2024-02-01;2023-01-31\n3;C;;\n";
    let parsed = projects(text.as_bytes());
    assert_eq!(parsed.records.len(), 1);
    let found: Vec<(usize, &str)> = parsed.errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(found, [(2, "startDate"), (3, "endDate")]);
    assert!(parsed.errors[0].message.contains("YYYY-MM-DD"));
}

#[test]
fn missing_required_columns_are_reported_once_with_the_accepted_names() {
    let err = read_organisations(b"projectAcronym;role;country\nX;coordinator;DE\n".as_slice(), &mut |_| {})
        .expect_err("no PIC column");
    let CordisError::MissingColumns { file, missing, found } = &err else { panic!("{err:?}") };
    assert_eq!(*file, CordisFile::Organisations);
    assert_eq!(missing.iter().map(|m| m.field).collect::<Vec<_>>(), ["projectID", "organisationID", "name"]);
    assert_eq!(found, &["projectAcronym", "role", "country"]);
    let message = err.to_string();
    assert!(message.contains("organisationID (accepted names: organisationID, organizationID, pic, participantPic, id)"), "{message}");

    let empty = read_projects(b"".as_slice(), &mut |_| {}).expect_err("empty");
    assert!(matches!(empty, CordisError::Unreadable { file: CordisFile::Projects, .. }), "{empty:?}");
}

#[test]
fn headers_match_in_any_letter_case_and_a_byte_order_mark_is_ignored() {
    let text = "\u{feff}PROJECTID,OrganisationId,NAME,organization_url\n1,999981634,WU,http://wur.nl\n";
    let parsed = organisations(text.as_bytes());
    assert_eq!(parsed.errors, Vec::<CordisRowError>::new());
    assert_eq!(parsed.records[0].organisation.url.as_deref(), Some("http://wur.nl"));
    assert_eq!(parsed.project_id_header(), "PROJECTID");
}
