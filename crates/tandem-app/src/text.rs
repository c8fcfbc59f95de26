//! Text normalisation for sorting and searching (defined in the domain crate, which the quality
//! check of partnering profiles shares).

pub use tandem_core::text::{fold, search_terms};
