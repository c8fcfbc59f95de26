//! Explanations of text similarity: which shared terms drove a score, named in both languages.

use foldhash::HashMap;
use uuid::Uuid;

use crate::analysis::{Analyzer, Language};
use crate::explain::{Reason, SharedTerm};
use crate::index::TermIndex;

use super::terms::{Terms, KEYWORD, NACE};

/// A term's share of the score below which it is not worth naming.
const MIN_SHARE: f32 = 0.03;
/// At most this many terms per reason.
const MAX_TERMS: usize = 5;

/// The first way each term was written in each language, to show "Medizintechnik ↔ medical
/// devices" instead of a stem.
#[derive(Debug, Default)]
pub(crate) struct Surfaces {
    en: HashMap<String, String>,
    de: HashMap<String, String>,
}

impl Surfaces {
    pub fn learn(&mut self, terms: &Terms) {
        let map = match terms.language {
            Language::En => &mut self.en,
            Language::De => &mut self.de,
        };
        for term in &terms.terms {
            if !term.surface.is_empty() && !map.contains_key(&term.key) {
                map.insert(term.key.clone(), term.surface.clone());
            }
        }
    }

    fn shared_term(&self, key: &str) -> SharedTerm {
        let en = self.en.get(key).or_else(|| self.de.get(key));
        let de = self.de.get(key).or_else(|| self.en.get(key));
        let fallback = key.split_once(':').map_or(key, |(_, rest)| rest);
        SharedTerm {
            en: en.map_or(fallback, String::as_str).to_owned(),
            de: de.map_or(fallback, String::as_str).to_owned(),
        }
    }
}

/// The reasons two vectors of one index are similar, strongest first.
pub(crate) fn text_reasons(
    index: &TermIndex<Uuid>,
    analyzer: &Analyzer,
    surfaces: &Surfaces,
    a: &[(u32, f32)],
    b: &[(u32, f32)],
) -> Vec<Reason> {
    let contributions = index.contributions(a, b);
    let total: f32 = contributions.iter().map(|c| c.1).sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let (mut concepts, mut words, mut keywords) = (Vec::new(), Vec::new(), Vec::new());
    let (mut concept_weight, mut word_weight, mut keyword_weight, mut nace_weight) = (0.0, 0.0, 0.0, 0.0);
    let mut nace: Option<String> = None;
    for (term, weight) in contributions {
        if weight / total < MIN_SHARE {
            break;
        }
        let key = index.term_key(term);
        if let Some(code) = key.strip_prefix(NACE) {
            nace_weight += weight;
            // The most specific shared level is the longest code.
            if nace.as_ref().is_none_or(|n| code.len() > n.len()) {
                nace = Some(code.to_owned());
            }
        } else if let Some(code) = key.strip_prefix(KEYWORD) {
            keyword_weight += weight;
            keywords.push(code.to_owned());
        } else if let Some(id) = key.strip_prefix("c:") {
            concept_weight += weight;
            let label = |language| analyzer.lexicon().concept_label(id, language).map(str::to_owned);
            let fallback = surfaces.shared_term(key);
            concepts.push(SharedTerm {
                en: label(Language::En).unwrap_or(fallback.en),
                de: label(Language::De).unwrap_or(fallback.de),
            });
        } else {
            word_weight += weight;
            words.push(surfaces.shared_term(key));
        }
    }
    let mut reasons: Vec<(f32, Reason)> = Vec::new();
    if !concepts.is_empty() {
        concepts.truncate(MAX_TERMS);
        reasons.push((concept_weight, Reason::SharedConcepts { concepts }));
    }
    if !keywords.is_empty() {
        keywords.truncate(MAX_TERMS);
        reasons.push((keyword_weight, Reason::SharedKeywords { codes: keywords }));
    }
    if let Some(code) = nace {
        reasons.push((nace_weight, Reason::SameActivity { code }));
    }
    if !words.is_empty() {
        words.truncate(MAX_TERMS);
        reasons.push((word_weight, Reason::SharedWords { words }));
    }
    reasons.sort_by(|x, y| y.0.total_cmp(&x.0));
    reasons.into_iter().map(|(_, r)| r).collect()
}
