//! A fresh, empty database per test: a SQLite file in a temporary directory, or — when
//! `TANDEM_TEST_DATABASE_URL` names a PostgreSQL server — a new database on that server that is
//! dropped again when the test ends.

use sqlx::{Connection, PgConnection};
use std::time::Duration;
use tandem_store::Db;
use tempfile::TempDir;

/// Environment variable naming a PostgreSQL server to test against
/// (e.g. `postgres://postgres@127.0.0.1:5432/postgres`). Unset or empty: SQLite.
pub const DATABASE_URL_ENV: &str = "TANDEM_TEST_DATABASE_URL";

/// The PostgreSQL server tests should use, if one is configured.
pub fn postgres_server_url() -> Option<String> {
    std::env::var(DATABASE_URL_ENV).ok().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The backend [`TestDb::new`] picks in this process: `"sqlite"` or `"postgres"`.
pub fn backend() -> &'static str {
    if postgres_server_url().is_some() { "postgres" } else { "sqlite" }
}

/// A database that exists for one test.
pub struct TestDb {
    /// The URL `Db::connect` and `App::open` accept.
    pub url: String,
    kind: Kind,
}

enum Kind {
    Sqlite {
        _dir: TempDir,
    },
    Postgres {
        server_url: String,
        name: String,
    },
}

impl std::fmt::Debug for TestDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestDb").field("url", &self.url).field("backend", &self.backend()).finish()
    }
}

impl TestDb {
    /// A fresh database on the backend [`backend`] names.
    pub async fn new() -> TestDb {
        match postgres_server_url() {
            Some(server) => TestDb::postgres(&server).await,
            None => TestDb::sqlite(),
        }
    }

    /// A fresh SQLite file in a temporary directory, whatever the environment says.
    pub fn sqlite() -> TestDb {
        let dir = tempfile::Builder::new().prefix("tandem-test-").tempdir().expect("create a temporary directory");
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        TestDb { url, kind: Kind::Sqlite { _dir: dir } }
    }

    /// A fresh database `tandem_test_<uuid>` created on the PostgreSQL server at `server_url`
    /// (any database on it the user may connect to).
    pub async fn postgres(server_url: &str) -> TestDb {
        let name = format!("tandem_test_{}", uuid::Uuid::new_v4().simple());
        let mut last_error = String::new();
        // Concurrent CREATE DATABASE can collide on the template database; a retry settles it.
        for attempt in 0..5 {
            if attempt > 0 {
                tokio::time::sleep(Duration::from_millis(100 * attempt)).await;
            }
            let result = async {
                let mut conn = PgConnection::connect(server_url).await?;
                let created = sqlx::query(&format!("CREATE DATABASE \"{name}\"")).execute(&mut conn).await;
                let _ = conn.close().await;
                created.map(|_| ())
            }
            .await;
            match result {
                Ok(()) => {
                    let url = with_database(server_url, &name);
                    return TestDb { url, kind: Kind::Postgres { server_url: server_url.to_owned(), name } };
                }
                Err(e) => last_error = e.to_string(),
            }
        }
        panic!("cannot create test database {name} on {server_url} ({DATABASE_URL_ENV}): {last_error}");
    }

    /// `"sqlite"` or `"postgres"`.
    pub fn backend(&self) -> &'static str {
        match self.kind {
            Kind::Sqlite { .. } => "sqlite",
            Kind::Postgres { .. } => "postgres",
        }
    }

    /// A pool on this database, without migrations.
    pub async fn open(&self) -> Db {
        Db::connect(&self.url).await.expect("connect to the test database")
    }

    /// A pool on this database with every migration applied.
    pub async fn open_migrated(&self) -> Db {
        let db = self.open().await;
        db.migrate().await.expect("migrate the test database");
        db
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Kind::Postgres { server_url, name } = &self.kind else { return };
        let (server_url, name) = (server_url.clone(), name.clone());
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        // Drop may run inside a runtime (which must not be blocked on) or outside one, so the
        // cleanup gets a thread and a small runtime of its own. Best effort: errors are ignored.
        let spawned = std::thread::Builder::new().name("tandem-testdb-drop".into()).spawn(move || {
            if let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() {
                rt.block_on(async {
                    if let Ok(mut conn) = PgConnection::connect(&server_url).await {
                        let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                        let _ = sqlx::query(&sql).execute(&mut conn).await;
                        let _ = conn.close().await;
                    }
                });
            }
            let _ = done_tx.send(());
        });
        if spawned.is_ok() {
            // Wait, so the process does not exit before the database is gone; but not forever.
            let _ = done_rx.recv_timeout(Duration::from_secs(15));
        }
    }
}

/// `url` with its database (path) replaced by `name`, user, host and query kept.
pub fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (rest, None),
    };
    let authority = before_query.split_once('/').map_or(before_query, |(a, _)| a);
    match query {
        Some(q) => format!("{scheme}://{authority}/{name}?{q}"),
        None => format!("{scheme}://{authority}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn database_name_replaces_the_path_only() {
        assert_eq!(with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"), "postgres://postgres@127.0.0.1:5432/t1");
        assert_eq!(with_database("postgres://u:p@db:5432", "t1"), "postgres://u:p@db:5432/t1");
        assert_eq!(with_database("postgresql://u@h/x?sslmode=disable", "t1"), "postgresql://u@h/t1?sslmode=disable");
    }
}
