//! Languages Tandem analyses and EN/DE language detection.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::stopwords;
use super::tokenize;

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

/// whatlang restricted to the two languages we support, so that a German text with many
/// English loan words is not reported as Dutch or Danish.
static DETECTOR: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    whatlang::Detector::with_allowlist(vec![whatlang::Lang::Eng, whatlang::Lang::Deu])
});

/// Texts shorter than this (in bytes) are decided by stopwords only: trigram statistics are
/// unreliable on a few words.
const MIN_TRIGRAM_LEN: usize = 40;

/// Only the first words are counted; that is plenty to tell English from German.
const MAX_COUNTED_WORDS: usize = 200;

/// Detects whether a text is English or German; `None` when it is too short to tell.
///
/// Function words decide first (they are the strongest signal in short texts such as titles
/// and keywords); whatlang's trigram model decides longer texts where the function words are
/// balanced or absent.
pub fn detect(text: &str) -> Option<Language> {
    let (mut en, mut de, mut umlauts) = (0usize, 0usize, 0usize);
    let mut lower = String::new();
    for word in tokenize::words(text).take(MAX_COUNTED_WORDS) {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if stopwords::is_english(&lower) {
            en += 1;
        }
        if stopwords::is_german(&lower) {
            de += 1;
        }
        if lower.contains(['ä', 'ö', 'ü', 'ß']) {
            umlauts += 1;
        }
    }
    // Clear majorities of function words; "die", "in", "an" etc. count for both.
    if en >= 2 && en >= 2 * de.max(1) {
        return Some(Language::En);
    }
    if de + umlauts >= 2 && de + umlauts >= 2 * en.max(1) {
        return Some(Language::De);
    }
    if text.len() >= MIN_TRIGRAM_LEN
        && let Some(info) = DETECTOR.detect(text)
    {
        match info.lang() {
            whatlang::Lang::Eng => return Some(Language::En),
            whatlang::Lang::Deu => return Some(Language::De),
            _ => {}
        }
    }
    match (en + umlauts.min(1)).cmp(&(de + umlauts)) {
        std::cmp::Ordering::Greater => Some(Language::En),
        std::cmp::Ordering::Less => Some(Language::De),
        std::cmp::Ordering::Equal => None,
    }
}
