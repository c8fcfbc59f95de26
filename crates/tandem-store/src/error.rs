//! Storage errors: the driver's error never leaves this crate except as `Other`.

/// What went wrong in storage, in terms the use cases can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No row with that id.
    #[error("not found")]
    NotFound,
    /// The row changed since the caller read it (optimistic concurrency).
    #[error("the record was changed by someone else")]
    Conflict,
    /// A unique value is already taken; `field` names the input field.
    #[error("{field} is already in use")]
    Duplicate {
        /// The input field whose value is taken.
        field: &'static str,
    },
    /// The database could not be reached or failed.
    #[error("database error: {0}")]
    Other(#[source] sqlx::Error),
    /// Applying migrations failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Result of a storage operation.
pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// True for failures that go away when the whole transaction is tried again: SQLite busy or
    /// locked past the busy timeout, a PostgreSQL deadlock or serialisation failure, or no pooled
    /// connection free in time. Use cases that many people run at the same moment (accepting a
    /// meeting into a slot) retry on these instead of showing an internal error.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Other(sqlx::Error::PoolTimedOut) => true,
            StoreError::Other(sqlx::Error::Database(db)) => {
                let code = db.code().unwrap_or_default();
                // SQLite reports extended codes: the primary code is the low byte (5 BUSY, 6 LOCKED).
                let sqlite_busy = code.parse::<i32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6));
                sqlite_busy || code == "40001" || code == "40P01"
            }
            _ => false,
        }
    }
}

/// Unique columns and the input field each belongs to; matched against the driver's message,
/// which names the column on SQLite ("UNIQUE constraint failed: users.email") and the
/// constraint on PostgreSQL ("users_email_key").
const UNIQUE_FIELDS: &[(&str, &str)] = &[
    ("users.email", "email"),
    ("users_email_key", "email"),
    ("organisations.pic", "pic"),
    ("organisations_pic_key", "pic"),
    ("organisations.companies_house", "companies_house"),
    ("organisations_companies_house_key", "companies_house"),
    ("cities.name", "name"),
    ("cities_name_key", "name"),
    ("profiles.external_id", "external_id"),
    ("profiles_external_id_key", "external_id"),
    ("organisations.external_id", "organisation.external_id"),
    ("organisations_external_id", "organisation.external_id"),
];

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                let text = format!("{} {}", db.message(), db.constraint().unwrap_or_default());
                UNIQUE_FIELDS
                    .iter()
                    .find(|(needle, _)| text.contains(needle))
                    .map(|(_, field)| StoreError::Duplicate { field })
                    .unwrap_or(StoreError::Other(err))
            }
            _ => StoreError::Other(err),
        }
    }
}
