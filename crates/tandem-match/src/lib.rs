//! Tandem's matching engine. Pure: no database, no files at run time (shipped data is embedded).
//!
//! - [`analysis`] turns English or German text into language-independent terms: bilingual
//!   concepts, English stems (German words are translated through the lexicon first) and
//!   cognate keys, after Snowball stemming and German compound splitting.
//! - [`index`] keeps weighted term vectors of documents in an inverted index, updated one
//!   document at a time.
//! - [`graph`] is the collaboration graph of organisations that worked on the same projects.
//! - [`engine`] holds profiles, organisations and programmes and ranks them for each other,
//!   with the reasons ([`explain::Reason`]) that drove each score.

pub mod analysis;
pub mod engine;
pub mod explain;
pub mod graph;
pub mod index;

pub use analysis::{Analysis, Analyzer, Language, Lexicon, Term};
pub use engine::{Engine, Match, OrgDoc, OrgKind, ProfileDoc, ProfileKind, ProgrammeDoc, Query, Target};
pub use explain::Reason;
pub use graph::CollaborationGraph;
