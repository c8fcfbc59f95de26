//! Test support for every Tandem crate:
//!
//! - [`TestDb`]: a fresh database per test — SQLite in a temporary directory, or a new PostgreSQL
//!   database when `TANDEM_TEST_DATABASE_URL` names a server (dropped again afterwards);
//! - [`TestApp`]: the whole application served on a free local port, with helpers for accounts,
//!   memberships, logging in through the form, API tokens, the outbox and the demo data;
//! - [`SmtpListener`]: a real SMTP server that records what it receives.

mod app;
mod db;
mod inspect;
mod links;
mod smtp;

pub use app::{csrf_token, input_value, TestApp, TEST_MAIL_FROM};
pub use db::{backend, postgres_server_url, with_database, TestDb, DATABASE_URL_ENV};
pub use links::{link_in, link_token, query_param};
pub use inspect::{execute, make_outbox_due, outbox_state, OutboxState};
pub use smtp::{ReceivedMail, SmtpListener};

// For test crates that do not depend on these themselves.
pub use sqlx;
pub use tempfile;
