//! Tandem's web front: server-rendered pages (askama + htmx), the JSON API under `/api/v1`
//! (with its OpenAPI document), sessions, CSRF protection, i18n and operations endpoints.

pub mod api;
mod assets;
mod charts;
mod ctx;
mod error;
pub mod i18n;
mod ops;
mod pages;
mod router;
mod security;
mod state;

pub use router::{router, WebConfig};
pub use state::AppState;
