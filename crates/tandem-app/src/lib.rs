//! Tandem's use cases, one module per user action: authorise → transaction → store → outbox.
//! Pages, the JSON API and the CLI all call these; none of them decides permissions itself.

pub mod account;
pub mod admin;
pub mod audit;
pub mod auth;
mod context;
pub mod demo;
pub mod directory;
pub mod error;
pub mod events;
pub mod evidence;
pub mod evidence_files;
pub mod jobs;
pub mod mail;
pub mod matching;
pub mod partnering;
pub mod portability;
pub mod privacy;
pub mod research;
pub mod text;

pub use context::{App, AppConfig, Keywords};
pub use error::{AppError, AppResult};
pub use tandem_core as core;
pub use tandem_store::sessions::SessionStore;
