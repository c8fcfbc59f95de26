//! EN/DE text analysis: language detection, tokenising, Snowball stemming, German compound
//! splitting and the bilingual concept layer, producing language-independent [`Term`]s.
//!
//! STUB: the real implementation replaces these bodies; the public API below is the contract
//! the engine and the app build on.

use serde::{Deserialize, Serialize};

/// A language Tandem analyses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English.
    En,
    /// German.
    De,
}

impl Language {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
        }
    }

    /// The language for an ISO 639-1 code ("en", "de"; case-insensitive).
    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Language::En),
            "de" => Some(Language::De),
            _ => None,
        }
    }
}

/// Detects whether a text is English or German; `None` when it is too short to tell.
pub fn detect(text: &str) -> Option<Language> {
    let _ = text;
    None
}

/// What kind of evidence a term is; the key's prefix says the same (`c:`, `w:`, `g:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TermKind {
    /// A bilingual concept from the lexicon (`c:<concept id>`).
    Concept,
    /// An English stem; German words reach it through the lexicon (`w:<stem>`).
    Word,
    /// A cognate key or character gram for words the lexicon does not know (`g:<key>`).
    Gram,
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
    /// Terms, one per key.
    pub terms: Vec<Term>,
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

/// The bilingual concept layer: English and German terms mapped to shared concepts.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// A lexicon with nothing in it.
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// The curated EN↔DE domain lexicon shipped in `data/lexicon/`.
    pub fn curated() -> Lexicon {
        Lexicon::default()
    }

    /// Adds a concept with its display labels and the terms (single words or phrases) that
    /// express it in each language. Taxonomies (NACE, markets, technologies) come in this way.
    pub fn add_concept(
        &mut self,
        id: &str,
        label_en: &str,
        label_de: &str,
        terms_en: &[&str],
        terms_de: &[&str],
    ) {
        let _ = (id, label_en, label_de, terms_en, terms_de);
    }

    /// Adds a bilingual dictionary in Ding/FreeDict text format (`Deutsch :: English`, with
    /// `|`, `;` separators and `{m}`/`[...]`/`(...)` annotations) or tab-separated `de<TAB>en`.
    /// Returns the number of entries added.
    pub fn add_dictionary(&mut self, text: &str) -> Result<usize, LexiconError> {
        let _ = text;
        Ok(0)
    }

    /// The display label of a concept in a language.
    pub fn concept_label(&self, id: &str, language: Language) -> Option<&str> {
        let _ = (id, language);
        None
    }

    /// Number of concepts and dictionary entries.
    pub fn len(&self) -> usize {
        0
    }

    /// Whether nothing has been added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Turns text into terms; cheap to share between threads (`&self` only).
#[derive(Debug, Clone)]
pub struct Analyzer {
    lexicon: Lexicon,
}

impl Analyzer {
    /// An analyzer over a lexicon.
    pub fn new(lexicon: Lexicon) -> Analyzer {
        Analyzer { lexicon }
    }

    /// The lexicon (for concept labels in explanations).
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Analyses a text; `language` None means detect it.
    pub fn analyze(&self, text: &str, language: Option<Language>) -> Analysis {
        let language = language.or_else(|| detect(text)).unwrap_or(Language::En);
        let mut terms: Vec<Term> = Vec::new();
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 2) {
            let key = format!("w:{}", word.to_lowercase());
            match terms.iter_mut().find(|t| t.key == key) {
                Some(t) => t.weight += 1.0,
                None => terms.push(Term { key, weight: 1.0, kind: TermKind::Word, surface: word.to_owned() }),
            }
        }
        Analysis { language, terms }
    }
}
