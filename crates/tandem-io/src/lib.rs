//! File formats and shipped data: bytes in, core types out (and back). No database, no HTTP.

pub mod claim;
pub mod cordis;
pub mod demo;
pub mod export;
pub mod nace;
pub mod org_export;
pub mod org_import;
pub mod profile_exchange;
pub mod taxonomy;
pub mod event_docs;
pub mod ics;
pub mod qr;
pub mod agenda_pdf;
pub mod mfa_letter;
pub mod meetings_xlsx;
