//! CORDIS research data: batched upserts that only touch changed rows, counts, and the reads for
//! the collaboration graph and organisation pages.

use crate::fresh;
use chrono::{Duration, NaiveDate, Utc};
use tandem_store::research::{
    self, GraphParticipation, ResearchCounts, ResearchOrganisation, ResearchParticipation, ResearchProject,
};
use tandem_store::Db;

fn org(pic: &str, name: &str) -> ResearchOrganisation {
    ResearchOrganisation {
        pic: pic.into(),
        name: name.into(),
        short_name: None,
        country: Some("DE".into()),
        city: Some("Leipzig".into()),
        activity_type: Some("PRC".into()),
        sme: Some(true),
        url: None,
    }
}

fn project(id: &str, programme: &str, start: Option<(i32, u32, u32)>) -> ResearchProject {
    ResearchProject {
        id: id.into(),
        acronym: Some(format!("P{id}")),
        title: Some(format!("Project {id}")),
        framework: Some("HORIZON".into()),
        programme: Some(programme.into()),
        topics: Some("ERC-2023-STG".into()),
        objective: Some("Why, with 'quotes' and ; delimiters\nand lines.".into()),
        start_date: start.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        end_date: None,
        total_cost: Some(149_999_850),
        ec_contribution: None,
    }
}

fn part(project_id: &str, pic: &str, role: &str, cents: Option<i64>) -> ResearchParticipation {
    ResearchParticipation { project_id: project_id.into(), pic: pic.into(), role: Some(role.into()), ec_contribution: cents }
}

async fn updated_at(db: &Db, pic: &str) -> String {
    // As text on both backends, so the test compares what is stored without decoding choices.
    let sql = "SELECT CAST(updated_at AS TEXT) FROM research_organisations WHERE pic = $1";
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).bind(pic).fetch_one(pool).await.expect("query"),
        Db::Postgres(pool) => sqlx::query_scalar(sql).bind(pic).fetch_one(pool).await.expect("query"),
    }
}

async fn seed(db: &Db) {
    let now = Utc::now();
    let mut tx = db.begin().await.expect("begin");
    let mut full = org("999981634", "WAGENINGEN UNIVERSITY");
    full.short_name = Some("WU".into());
    full.country = Some("NL".into());
    full.sme = Some(false);
    full.url = Some("http://www.wageningenur.nl".into());
    let orgs = [full, org("999997736", "AARHUS UNIVERSITET"), org("999990267", "MAX-PLANCK-GESELLSCHAFT")];
    assert_eq!(research::upsert_organisations(tx.conn(), &orgs, now).await.expect("orgs"), 3);
    let projects =
        [project("101116741", "HORIZON.1.1", Some((2024, 2, 1))), project("101163161", "HORIZON.1.1", Some((2025, 8, 1))), project("900", "H2020-EU.3.1.", None)];
    assert_eq!(research::upsert_projects(tx.conn(), &projects, now).await.expect("projects"), 3);
    let parts = [
        part("101116741", "999981634", "coordinator", Some(149_999_800)),
        part("101163161", "999997736", "participant", Some(424_624_000)),
        part("101163161", "999990267", "coordinator", None),
        part("900", "999981634", "participant", None),
        part("101163161", "999981634", "participant", Some(1)),
    ];
    assert_eq!(research::upsert_participations(tx.conn(), &parts).await.expect("participations"), 5);
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn research_data_round_trips_and_is_read_for_graph_and_pages() {
    let (_t, db) = fresh().await;
    seed(&db).await;
    let mut conn = db.acquire().await.expect("acquire");
    assert_eq!(
        research::counts(conn.conn()).await.expect("counts"),
        ResearchCounts { organisations: 3, projects: 3, participations: 5 }
    );

    let wur = research::organisation(conn.conn(), "999981634").await.expect("get").expect("stored");
    assert_eq!((wur.name.as_str(), wur.short_name.as_deref(), wur.sme), ("WAGENINGEN UNIVERSITY", Some("WU"), Some(false)));
    assert_eq!(research::organisation(conn.conn(), "000000000").await.expect("get"), None);

    let pics: Vec<String> = ["999997736", "123456789", "999981634", "999997736"].map(String::from).to_vec();
    let named = research::organisations_by_pics(conn.conn(), &pics).await.expect("by pics");
    assert_eq!(named.iter().map(|o| o.pic.as_str()).collect::<Vec<_>>(), ["999981634", "999997736"]);

    let graph = research::participations_for_graph(conn.conn()).await.expect("graph");
    let edge = |p: &str, prog: &str, pic: &str| GraphParticipation { project_id: p.into(), programme: Some(prog.into()), pic: pic.into() };
    assert_eq!(
        graph,
        [
            edge("101116741", "HORIZON.1.1", "999981634"),
            edge("101163161", "HORIZON.1.1", "999981634"),
            edge("101163161", "HORIZON.1.1", "999990267"),
            edge("101163161", "HORIZON.1.1", "999997736"),
            edge("900", "H2020-EU.3.1.", "999981634"),
        ]
    );
    let nodes = research::organisations_for_graph(conn.conn()).await.expect("nodes");
    assert_eq!(nodes.len(), 3);
    assert_eq!((nodes[0].pic.as_str(), nodes[0].country.as_deref()), ("999981634", Some("NL")));

    // Newest start first, the undated project last, and the limit holds.
    let projects = research::projects_of(conn.conn(), "999981634", 10).await.expect("projects of");
    assert_eq!(projects.iter().map(|p| p.project.id.as_str()).collect::<Vec<_>>(), ["101163161", "101116741", "900"]);
    let first = &projects[1];
    assert_eq!((first.role.as_deref(), first.ec_contribution), (Some("coordinator"), Some(149_999_800)));
    assert_eq!(first.project, project("101116741", "HORIZON.1.1", Some((2024, 2, 1))), "every field round-trips");
    assert_eq!(research::projects_of(conn.conn(), "999981634", 1).await.expect("limited").len(), 1);

    let ids: Vec<String> = ["900", "404", "101116741"].map(String::from).to_vec();
    let mut existing = research::existing_project_ids(conn.conn(), &ids).await.expect("existing");
    existing.sort();
    assert_eq!(existing, ["101116741", "900"]);
}

#[tokio::test]
async fn upserts_touch_only_rows_whose_values_changed() {
    let (_t, db) = fresh().await;
    seed(&db).await;
    let before = updated_at(&db, "999997736").await;
    let later = Utc::now() + Duration::seconds(5);
    let mut tx = db.begin().await.expect("begin");
    let same = [org("999997736", "AARHUS UNIVERSITET"), org("999990267", "MAX-PLANCK-GESELLSCHAFT")];
    assert_eq!(research::upsert_organisations(tx.conn(), &same, later).await.expect("same"), 0);
    let renamed = [org("999997736", "AARHUS UNIVERSITY"), org("999990267", "MAX-PLANCK-GESELLSCHAFT")];
    assert_eq!(research::upsert_organisations(tx.conn(), &renamed, later).await.expect("renamed"), 1);
    let projects = [project("900", "H2020-EU.3.1.", None), project("901", "H2020-EU.3.2.", None)];
    assert_eq!(research::upsert_projects(tx.conn(), &projects, later).await.expect("one new"), 1);
    let parts = [part("900", "999981634", "participant", None), part("900", "999997736", "coordinator", Some(5))];
    assert_eq!(research::upsert_participations(tx.conn(), &parts).await.expect("one new"), 1);
    let changed = [part("900", "999997736", "coordinator", Some(6))];
    assert_eq!(research::upsert_participations(tx.conn(), &changed).await.expect("one changed"), 1);
    tx.commit().await.expect("commit");

    assert_ne!(updated_at(&db, "999997736").await, before, "a changed row gets the new time");
    let mut conn = db.acquire().await.expect("acquire");
    let aarhus = research::organisation(conn.conn(), "999997736").await.expect("get").expect("stored");
    assert_eq!(aarhus.name, "AARHUS UNIVERSITY");
    assert_eq!(
        research::counts(conn.conn()).await.expect("counts"),
        ResearchCounts { organisations: 3, projects: 4, participations: 6 }
    );
}

#[tokio::test]
async fn large_batches_are_split_under_the_parameter_limits() {
    let (_t, db) = fresh().await;
    let now = Utc::now();
    // More rows than one statement takes for each table (16,000 parameters per statement).
    let orgs: Vec<ResearchOrganisation> = (0..2_500).map(|i| org(&format!("{:09}", 100_000_000 + i), &format!("Org {i}"))).collect();
    let projects: Vec<ResearchProject> = (0..1_500).map(|i| project(&format!("{i}"), "HORIZON.2.4", None)).collect();
    let parts: Vec<ResearchParticipation> = (0..4_500)
        .map(|i| part(&format!("{}", i % 1_500), &format!("{:09}", 100_000_000 + (i * 7) % 2_500), "participant", Some(i as i64)))
        .collect();
    let mut tx = db.begin().await.expect("begin");
    assert_eq!(research::upsert_organisations(tx.conn(), &orgs, now).await.expect("orgs"), 2_500);
    assert_eq!(research::upsert_projects(tx.conn(), &projects, now).await.expect("projects"), 1_500);
    assert_eq!(research::upsert_participations(tx.conn(), &parts).await.expect("participations"), 4_500);
    assert_eq!(research::upsert_participations(tx.conn(), &parts).await.expect("again"), 0);
    let pics: Vec<String> = orgs.iter().map(|o| o.pic.clone()).collect();
    assert_eq!(research::organisations_by_pics(tx.conn(), &pics).await.expect("by pics").len(), 2_500);
    tx.commit().await.expect("commit");
    let mut conn = db.acquire().await.expect("acquire");
    assert_eq!(research::participations_for_graph(conn.conn()).await.expect("graph").len(), 4_500);
}
