//! Storage over SQLite (default, embedded) and PostgreSQL (several app servers), with one query
//! text per operation. Modules hold the SQL of one aggregate each; no business decisions here.

pub mod agreements;
pub mod audit;
pub mod bookings;
pub mod change_log;
pub mod cities;
mod db;
pub mod error;
pub mod evidence_files;
pub mod event_statistics;
pub mod events;
pub mod feedback;
pub mod indicator_facts;
pub mod interests;
pub mod login_failures;
pub mod match_feedback;
pub mod meetings;
pub mod memberships;
pub mod organisations;
pub mod outbox;
pub mod outcomes;
pub mod pre_starts;
pub mod people;
pub mod privacy;
pub mod profiles;
pub mod programmes;
pub mod projects;
pub mod registrations;
pub mod research;
pub mod saved_searches;
pub mod schedule_runs;
pub mod sessions;
pub mod sme_declarations;
pub mod subsidy;
pub mod support_records;
pub mod tokens;
pub mod users;

pub use db::{Backend, Conn, Db, Tx};
pub use error::{StoreError, StoreResult};

/// Runs `$body` with `$c` bound to the backend's connection (`&mut SqliteConnection` or
/// `&mut PgConnection`): one query text, type-checked once per backend.
#[macro_export]
macro_rules! on_db {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::Conn::Sqlite($c) => $body,
            $crate::Conn::Postgres($c) => $body,
        }
    };
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern.
pub fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
