//! EN/DE text analysis: language detection, tokenising, Snowball stemming, German compound
//! splitting and the bilingual concept layer, producing language-independent [`Term`]s.
//!
//! The pipeline, per text ([`Analyzer::analyze`]):
//!
//! 1. detect the language ([`detect`]) unless the caller knows it;
//! 2. split into lower-cased words, hyphenated words into their parts, and drop stopwords;
//! 3. stem each word (Snowball) and fold umlauts/ß, which gives the lookup key that lexicon
//!    entries go through as well;
//! 4. split unknown German compounds into known words (`Medizintechnik` → `Medizin` +
//!    `Technik`);
//! 5. find bilingual concepts (longest phrase match) → `c:<id>`; translate German words
//!    through the lexicon's dictionary → `w:<english stem>` (English words give `w:` directly);
//!    words the lexicon cannot translate give cognate keys → `g:<key>`.

mod analyzer;
mod cache;
mod cognate;
mod compound;
mod dictionary;
mod lang;
mod lexicon;
mod stem;
mod stopwords;
mod terms;
mod tokenize;
mod words;

pub use analyzer::{Analyzer, AnalyzerOptions};
pub use lang::{Language, detect};
pub use lexicon::{CURATED_TSV, Lexicon};

/// What kind of evidence a term is; the key's prefix says the same (`c:`, `w:`, `g:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TermKind {
    /// A bilingual concept from the lexicon (`c:<concept id>`).
    Concept,
    /// An English stem; German words reach it through the lexicon (`w:<stem>`).
    Word,
    /// A cognate key or character gram for words the lexicon does not know (`g:<key>`).
    Gram,
}

impl TermKind {
    /// The key prefix of this kind (`"c:"`, `"w:"`, `"g:"`).
    pub fn prefix(self) -> &'static str {
        match self {
            TermKind::Concept => "c:",
            TermKind::Word => "w:",
            TermKind::Gram => "g:",
        }
    }
}

/// One language-independent term of an analysed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The key shared by both languages, e.g. `c:medical_devices`, `w:train`.
    pub key: String,
    /// Weight in this text (term frequency, already dampened and scaled by kind).
    pub weight: f32,
    /// Kind.
    pub kind: TermKind,
    /// The words of the text that produced it, as written (for explanations).
    pub surface: String,
}

/// The result of analysing one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The language used (given, or detected; English when undecidable).
    pub language: Language,
    /// Terms, one per key, sorted by key.
    pub terms: Vec<Term>,
}

impl Analysis {
    /// The term with this key, if the text produced it.
    pub fn term(&self, key: &str) -> Option<&Term> {
        self.terms
            .binary_search_by(|t| t.key.as_str().cmp(key))
            .ok()
            .and_then(|i| self.terms.get(i))
    }
}

/// Errors reading a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A line could not be read.
    #[error("line {line}: {message}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
}
