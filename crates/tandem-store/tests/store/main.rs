//! Storage tests. They run on SQLite, or on PostgreSQL when `TANDEM_TEST_DATABASE_URL` names a
//! server (`postgres://postgres@127.0.0.1:5432/postgres`); each test gets a fresh database.

mod audit;
mod change_log;
mod events;
mod interests;
mod meetings;
mod migrations;
mod organisations;
mod outbox;
mod outcomes;
mod pre_starts;
mod profiles;
mod research;
mod search;
mod subsidy;
mod tokens;
mod users;

use chrono::{DateTime, Utc};
use tandem_core::directory::{CompanyFigures, Currency, ExternalIds, OrgKind, Organisation, OrganisationInput};
use tandem_core::nace::NaceCode;
use tandem_core::{CityId, OrgId};
use tandem_store::organisations::OrgIndexText;
use tandem_store::Db;
use tandem_testkit::TestDb;
use uuid::Uuid;

/// Birmingham, as seeded by the first migration.
pub fn birmingham() -> CityId {
    CityId(Uuid::parse_str("0190b5a0-0000-7000-8000-000000000001").expect("uuid"))
}

/// Leipzig, as seeded by the first migration.
pub fn leipzig() -> CityId {
    CityId(Uuid::parse_str("0190b5a0-0000-7000-8000-000000000002").expect("uuid"))
}

/// A fresh, migrated database (keep the `TestDb` alive as long as the `Db`).
pub async fn fresh() -> (TestDb, Db) {
    let test_db = TestDb::new().await;
    let db = test_db.open_migrated().await;
    (test_db, db)
}

/// A minimal valid organisation.
pub fn org_input(name: &str, kind: OrgKind, city: CityId, nace: &[&str]) -> OrganisationInput {
    OrganisationInput {
        name: name.to_owned(),
        kind,
        city_id: city,
        nace_codes: nace.iter().map(|c| NaceCode::parse(c).expect("nace code")).collect(),
        description_en: None,
        description_de: None,
        website: None,
        figures: CompanyFigures::default(),
        external_ids: ExternalIds::default(),
    }
}

/// Index text as the app would build it, simplified: lower-cased name and extra words.
pub fn index_of(input: &OrganisationInput, extra: &str) -> OrgIndexText {
    OrgIndexText {
        sort_name: input.name.to_lowercase(),
        search_text: format!("{} {}", input.name.to_lowercase(), extra.to_lowercase()),
        nace_sections: input.nace_codes.iter().map(|c| section_of(c.as_str())).collect(),
    }
}

/// The section letter of the codes these tests use (a section-level code is its own letter).
fn section_of(code: &str) -> char {
    match code.get(..2).unwrap_or(code) {
        "10" => 'C',
        "26" => 'C',
        "58" | "62" => 'J',
        "72" => 'M',
        letter if letter.len() == 1 => letter.chars().next().unwrap_or('?'),
        other => panic!("add division {other} to section_of"),
    }
}

/// Inserts `input` outside any transaction.
pub async fn insert_org(db: &Db, input: &OrganisationInput, extra: &str) -> Organisation {
    let mut conn = db.acquire().await.expect("acquire");
    tandem_store::organisations::insert(conn.conn(), OrgId::new(), input, &index_of(input, extra), Utc::now())
        .await
        .expect("insert organisation")
}

/// A figures block with every field set.
pub fn full_figures() -> CompanyFigures {
    CompanyFigures {
        staff_headcount: Some(42),
        turnover: Some(3_500_000),
        balance_sheet: Some(1_200_000),
        currency: Some(Currency::Gbp),
        year: Some(2024),
    }
}

/// Reads one optional text column of the row with `id` (`sql` has `$1` for the id).
pub async fn text_of(db: &Db, sql: &str, id: Uuid) -> Option<String> {
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await.expect("query"),
        Db::Postgres(pool) => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await.expect("query"),
    }
}

/// Reads one optional timestamp column of the row with `id`.
pub async fn time_of(db: &Db, sql: &str, id: Uuid) -> Option<DateTime<Utc>> {
    match db {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await.expect("query"),
        Db::Postgres(pool) => sqlx::query_scalar(sql).bind(id).fetch_one(pool).await.expect("query"),
    }
}
