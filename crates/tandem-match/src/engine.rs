//! Documents and ranking.

/// The engine.
#[derive(Debug, Default)]
pub struct Engine {}
