//! Documents to weighted terms: the analysed text plus structured terms for keywords and NACE
//! codes, so one vector carries both and one cosine compares them.

use crate::analysis::{Analyzer, Language, Term, TermKind};

use super::docs::{OrgDoc, ProfileDoc, ProgrammeDoc};

/// Key prefix of a market/technology keyword term.
pub const KEYWORD: &str = "k:";
/// Key prefix of a NACE term.
pub const NACE: &str = "n:";

/// Weight of a chosen keyword relative to a word of the text: a keyword is a deliberate choice.
const KEYWORD_WEIGHT: f32 = 2.0;
/// Weights of a NACE code's levels: the class, its group and its division. Hierarchical, so two
/// companies in neighbouring classes of one group still meet.
const NACE_LEVEL_WEIGHTS: [f32; 3] = [1.5, 1.0, 0.6];
/// The title says what a profile is about; it counts like this many repetitions.
const TITLE_WEIGHT: f32 = 2.0;

fn push(terms: &mut Vec<Term>, key: String, weight: f32, surface: &str) {
    match terms.iter_mut().find(|t| t.key == key) {
        Some(t) => t.weight += weight,
        None => terms.push(Term { key, weight, kind: TermKind::Concept, surface: surface.to_owned() }),
    }
}

/// The levels of a NACE code, most specific first: `26.51` → `26.51`, `26.5`, `26`.
pub fn nace_levels(code: &str) -> Vec<String> {
    let code = code.trim();
    let mut levels = vec![code.to_owned()];
    if let Some((division, rest)) = code.split_once('.') {
        if rest.len() == 2 {
            levels.push(format!("{division}.{}", &rest[..1]));
        }
        levels.push(division.to_owned());
    }
    levels
}

fn structured(terms: &mut Vec<Term>, keywords: &[String], nace: &[String]) {
    for keyword in keywords {
        push(terms, format!("{KEYWORD}{keyword}"), KEYWORD_WEIGHT, keyword);
    }
    for code in nace {
        for (level, weight) in nace_levels(code).into_iter().zip(NACE_LEVEL_WEIGHTS) {
            let surface = level.clone();
            push(terms, format!("{NACE}{level}"), weight, &surface);
        }
    }
}

fn merge(terms: &mut Vec<Term>, more: Vec<Term>, factor: f32) {
    // Index by key once: comparing every pair of terms would be quadratic in a long text.
    let mut position: foldhash::HashMap<String, usize> =
        terms.iter().enumerate().map(|(i, t)| (t.key.clone(), i)).collect();
    for term in more {
        match position.get(&term.key) {
            Some(&i) => terms[i].weight += term.weight * factor,
            None => {
                position.insert(term.key.clone(), terms.len());
                terms.push(Term { weight: term.weight * factor, ..term });
            }
        }
    }
}

/// A document's terms and the language its text was read in.
pub struct Terms {
    /// The language of the text (given or detected).
    pub language: Language,
    /// The terms.
    pub terms: Vec<Term>,
}

/// A profile's terms.
pub fn profile_terms(analyzer: &Analyzer, doc: &ProfileDoc) -> Terms {
    let text = analyzer.analyze(&doc.text, doc.language);
    let language = doc.language.unwrap_or(text.language);
    let mut terms = text.terms;
    merge(&mut terms, analyzer.analyze(&doc.title, Some(language)).terms, TITLE_WEIGHT);
    structured(&mut terms, &doc.keywords, &doc.nace);
    Terms { language, terms }
}

/// The terms of several texts, each in its own language; the language reported is that of the
/// longest text.
fn texts_terms(analyzer: &Analyzer, texts: &[(Option<Language>, String)], nace: &[String]) -> Terms {
    let mut terms = Vec::new();
    let mut language = (0, Language::En);
    for (given, text) in texts {
        let analysis = analyzer.analyze(text, *given);
        if text.len() > language.0 {
            language = (text.len(), analysis.language);
        }
        merge(&mut terms, analysis.terms, 1.0);
    }
    structured(&mut terms, &[], nace);
    Terms { language: language.1, terms }
}

/// An organisation's terms.
pub fn organisation_terms(analyzer: &Analyzer, doc: &OrgDoc) -> Terms {
    texts_terms(analyzer, &doc.texts, &doc.nace)
}

/// A programme's terms.
pub fn programme_terms(analyzer: &Analyzer, doc: &ProgrammeDoc) -> Terms {
    texts_terms(analyzer, &doc.texts, &doc.nace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nace_class_expands_to_group_and_division() {
        assert_eq!(nace_levels("26.51"), ["26.51", "26.5", "26"]);
        assert_eq!(nace_levels("62"), ["62"]);
    }
}
