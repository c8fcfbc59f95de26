//! The database handle: one enum over the two backends, chosen by URL.

use crate::error::StoreResult;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction};
use std::str::FromStr;
use std::time::Duration;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database engine a handle talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// A connection pool on either backend.
#[derive(Debug, Clone)]
pub enum Db {
    /// SQLite pool.
    Sqlite(SqlitePool),
    /// PostgreSQL pool.
    Postgres(PgPool),
}

/// A borrowed connection on either backend; what every query function takes.
pub enum Conn<'a> {
    /// SQLite connection.
    Sqlite(&'a mut SqliteConnection),
    /// PostgreSQL connection.
    Postgres(&'a mut PgConnection),
}

/// A connection checked out of the pool (for reads outside a transaction).
pub enum PooledConn {
    /// SQLite.
    Sqlite(PoolConnection<Sqlite>),
    /// PostgreSQL.
    Postgres(PoolConnection<Postgres>),
}

/// An open transaction; dropped without `commit` it rolls back.
pub enum Tx {
    /// SQLite.
    Sqlite(Transaction<'static, Sqlite>),
    /// PostgreSQL.
    Postgres(Transaction<'static, Postgres>),
}

impl Db {
    /// Connects to `url`: `sqlite://path/to/file.db` or `postgres://…`. SQLite files are created
    /// if missing and run in WAL mode with foreign keys on.
    pub async fn connect(url: &str) -> StoreResult<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5));
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool))
        }
    }

    /// The backend of this handle.
    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies pending migrations (PostgreSQL: under the migrator's advisory lock, so several
    /// servers may start at once) and creates the session table.
    pub async fn migrate(&self) -> StoreResult<()> {
        match self {
            Db::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        crate::sessions::SessionStore::new(self).migrate().await
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`),
    /// so concurrent writers queue on the busy timeout instead of failing on lock upgrade.
    pub async fn begin(&self) -> StoreResult<Tx> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Checks a connection out for reads.
    pub async fn acquire(&self) -> StoreResult<PooledConn> {
        Ok(match self {
            Db::Sqlite(pool) => PooledConn::Sqlite(pool.acquire().await?),
            Db::Postgres(pool) => PooledConn::Postgres(pool.acquire().await?),
        })
    }

    /// True when the database answers a trivial query (for `/readyz`).
    pub async fn ping(&self) -> bool {
        match self {
            Db::Sqlite(pool) => sqlx::query("SELECT 1").execute(pool).await.is_ok(),
            Db::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.is_ok(),
        }
    }

    /// Closes every connection (graceful shutdown).
    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl Conn<'_> {
    /// A shorter borrow of the same connection, for one more query by a function that was
    /// handed a `Conn` and calls several query functions with it.
    pub fn reborrow(&mut self) -> Conn<'_> {
        match self {
            Conn::Sqlite(c) => Conn::Sqlite(c),
            Conn::Postgres(c) => Conn::Postgres(c),
        }
    }
}

impl PooledConn {
    /// The connection, for query functions.
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            PooledConn::Sqlite(c) => Conn::Sqlite(c),
            PooledConn::Postgres(c) => Conn::Postgres(c),
        }
    }
}

impl Tx {
    /// The transaction's connection, for query functions.
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(tx) => Conn::Sqlite(tx),
            Tx::Postgres(tx) => Conn::Postgres(tx),
        }
    }

    /// Sets savepoint `name` (a plain SQL identifier). PostgreSQL refuses every further statement
    /// of a transaction in which one statement failed; a caller that expects a statement may fail
    /// (a duplicate key) and wants to go on sets a savepoint first and rolls back to it on failure.
    pub async fn savepoint(&mut self, name: &'static str) -> StoreResult<()> {
        self.execute_raw(&format!("SAVEPOINT {name}")).await
    }

    /// Keeps what was done since savepoint `name` and forgets the savepoint.
    pub async fn release_savepoint(&mut self, name: &'static str) -> StoreResult<()> {
        self.execute_raw(&format!("RELEASE SAVEPOINT {name}")).await
    }

    /// Undoes what was done since savepoint `name` (and clears a failed statement's error state),
    /// then forgets the savepoint; the transaction goes on.
    pub async fn rollback_to_savepoint(&mut self, name: &'static str) -> StoreResult<()> {
        self.execute_raw(&format!("ROLLBACK TO SAVEPOINT {name}")).await?;
        self.release_savepoint(name).await
    }

    async fn execute_raw(&mut self, sql: &str) -> StoreResult<()> {
        use sqlx::Executor;
        match self {
            Tx::Sqlite(tx) => tx.execute(sql).await.map(drop)?,
            Tx::Postgres(tx) => tx.execute(sql).await.map(drop)?,
        }
        Ok(())
    }

    /// Commits.
    pub async fn commit(self) -> StoreResult<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}
