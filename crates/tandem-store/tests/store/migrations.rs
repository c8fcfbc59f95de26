//! Migrations: idempotent, and the two backends' schemas kept in lock-step.

use crate::fresh;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tandem_store::Db;
use tandem_testkit::TestDb;

#[tokio::test]
async fn migrations_apply_twice_without_error() {
    let (test_db, db) = fresh().await;
    db.migrate().await.expect("second run on the same pool");
    let again = test_db.open().await;
    again.migrate().await.expect("third run from a new pool");
    assert!(again.ping().await);
    let mut conn = again.acquire().await.expect("acquire");
    let cities = tandem_store::cities::list(conn.conn()).await.expect("cities");
    let names: Vec<&str> = cities.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Birmingham", "Leipzig"], "seed rows are inserted once");
}

fn migration_files(backend: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend);
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".sql"))
        .collect()
}

#[test]
fn both_backends_have_the_same_migration_files() {
    let sqlite = migration_files("sqlite");
    let postgres = migration_files("postgres");
    assert!(!sqlite.is_empty(), "no SQLite migrations found");
    assert_eq!(sqlite, postgres, "migrations/sqlite and migrations/postgres must list the same files");
}

/// (table, column) → (declared type, NOT NULL).
type Columns = BTreeMap<(String, String), (String, bool)>;

async fn sqlite_columns(db: &Db) -> Columns {
    let Db::Sqlite(pool) = db else { panic!("expected SQLite") };
    let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT m.name, p.name, p.type, (p.\"notnull\" OR p.pk > 0) FROM sqlite_master m \
         JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN ('_sqlx_migrations', 'tower_sessions')",
    )
    .fetch_all(pool)
    .await
    .expect("SQLite schema");
    rows.into_iter().map(|(t, c, ty, nn)| ((t, c), (ty.to_ascii_uppercase(), nn != 0))).collect()
}

async fn postgres_columns(db: &Db) -> Columns {
    let Db::Postgres(pool) = db else { panic!("expected PostgreSQL") };
    let rows: Vec<(String, String, String, bool)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable = 'NO' \
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .expect("PostgreSQL schema");
    rows.into_iter().map(|(t, c, ty, nn)| ((t, c), (ty, nn))).collect()
}

async fn sqlite_indexes(db: &Db) -> BTreeSet<String> {
    let Db::Sqlite(pool) = db else { panic!("expected SQLite") };
    // Explicit indexes only: the ones behind PRIMARY KEY and UNIQUE have no SQL text.
    sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL \
         AND tbl_name NOT IN ('_sqlx_migrations', 'tower_sessions')",
    )
    .fetch_all(pool)
    .await
    .expect("SQLite indexes")
    .into_iter()
    .collect()
}

async fn postgres_indexes(db: &Db) -> BTreeSet<String> {
    let Db::Postgres(pool) = db else { panic!("expected PostgreSQL") };
    sqlx::query_scalar(
        "SELECT i.relname::text FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid \
         JOIN pg_namespace n ON n.oid = i.relnamespace \
         WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
    )
    .fetch_all(pool)
    .await
    .expect("PostgreSQL indexes")
    .into_iter()
    .collect()
}

/// The PostgreSQL types a SQLite column type stands for in these migrations.
fn postgres_types_for(sqlite_type: &str) -> &'static [&'static str] {
    match sqlite_type {
        "BLOB" => &["uuid", "bytea"],
        "TEXT" => &["text", "timestamp with time zone", "date"],
        "BIGINT" => &["bigint"],
        // SQLite's `INTEGER PRIMARY KEY` is its 64-bit row id (change_log.id is BIGINT on PostgreSQL).
        "INTEGER" => &["integer", "bigint"],
        "BOOLEAN" => &["boolean"],
        "REAL" => &["double precision"],
        _ => &[],
    }
}

#[tokio::test]
async fn postgres_schema_matches_sqlite_schema() {
    let Some(server) = tandem_testkit::postgres_server_url() else {
        eprintln!("skipped: set {} to compare against PostgreSQL", tandem_testkit::DATABASE_URL_ENV);
        return;
    };
    let sqlite_db = TestDb::sqlite();
    let postgres_db = TestDb::postgres(&server).await;
    let (sqlite, postgres) = (sqlite_db.open_migrated().await, postgres_db.open_migrated().await);

    let (lite_cols, pg_cols) = (sqlite_columns(&sqlite).await, postgres_columns(&postgres).await);
    let lite_keys: BTreeSet<_> = lite_cols.keys().cloned().collect();
    let pg_keys: BTreeSet<_> = pg_cols.keys().cloned().collect();
    assert!(lite_keys.len() > 50, "suspiciously few columns: {lite_keys:?}");
    assert_eq!(
        lite_keys.difference(&pg_keys).collect::<Vec<_>>(),
        Vec::<&(String, String)>::new(),
        "columns only in SQLite"
    );
    assert_eq!(
        pg_keys.difference(&lite_keys).collect::<Vec<_>>(),
        Vec::<&(String, String)>::new(),
        "columns only in PostgreSQL"
    );
    for (key, (lite_type, lite_not_null)) in &lite_cols {
        let (pg_type, pg_not_null) = &pg_cols[key];
        assert_eq!(lite_not_null, pg_not_null, "NOT NULL differs for {key:?}");
        assert!(
            postgres_types_for(lite_type).contains(&pg_type.as_str()),
            "{key:?} is {lite_type} on SQLite but {pg_type} on PostgreSQL"
        );
    }
    assert_eq!(sqlite_indexes(&sqlite).await, postgres_indexes(&postgres).await, "explicit indexes differ");
    sqlite.close().await;
    postgres.close().await;
}
