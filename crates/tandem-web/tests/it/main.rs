//! Integration tests of the web front over real HTTP against a spawned server (one test binary,
//! as link time matters on small machines). Each test gets a fresh app and database; set
//! `TANDEM_TEST_DATABASE_URL` to run them on PostgreSQL.

mod agenda_pages;
mod api;
mod brokerage_pages;
mod browser;
mod cluster;
mod dashboard_pages;
mod event_day_pages;
mod event_pages;
mod evidence_pages;
mod followup_pages;
mod i18n;
mod ledger_pages;
mod matching_pages;
mod meeting_pages;
mod ops;
mod org_pages;
mod outcome_pages;
mod profile_api;
mod profile_pages;
mod pages;
mod privacy_pages;
mod schedule_pages;
mod search_pages;
mod sme_pages;
mod support;
