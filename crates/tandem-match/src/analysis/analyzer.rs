//! The analysis pipeline: words → stem keys → compounds → concepts, translations and
//! cognate keys, merged into one weighted [`Term`] per key.
//!
//! Everything per word that does not depend on the text is looked up once per thread and kept
//! as numbers ([`words::Entry`]): analysing a text is then one hash lookup per word, integer
//! comparisons for phrase matching and array indexing for collecting terms.

use std::sync::atomic::{AtomicU64, Ordering};

use super::cache::{self, LexiconTerms, State};
use super::compound::{self, Vocabulary};
use super::lexicon::{self, Lexicon, PhraseTable};
use super::terms::{Collector, GRAM_SHARE, Span, TermId, TermKeys};
use super::words::{Description, Entry, Share, Unit, UnitDescription, WordTable};
use super::{Analysis, Language, Term, TermKind, cognate, detect, stem, stopwords, tokenize};

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// Switches for the evidence beyond the lexicon (for measuring what each contributes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalyzerOptions {
    /// Emit cognate keys (`g:<key>`) for words the lexicon cannot translate.
    pub cognates: bool,
    /// Emit character 4-grams of those keys (`g:~abcd`) as well.
    pub char_grams: bool,
    /// Split unknown German compounds into known words.
    pub compounds: bool,
}

impl Default for AnalyzerOptions {
    fn default() -> Self {
        AnalyzerOptions {
            cognates: true,
            char_grams: false,
            compounds: true,
        }
    }
}

/// Turns text into terms; cheap to share between threads (`&self` only).
#[derive(Debug, Clone)]
pub struct Analyzer {
    lexicon: Lexicon,
    /// Shipped German vocabulary plus the lexicon's German words, for compound splitting.
    vocabulary: Vocabulary,
    options: AnalyzerOptions,
    /// Identifies this analyzer's per-thread state ([`cache::with_state`]): what it knows
    /// about words depends on its lexicon, vocabulary and options.
    id: u64,
}

/// A content word of the text being analysed.
#[derive(Clone, Copy)]
struct TextWord {
    surface: Span,
    /// What the analyzer knows about it.
    entry: Entry,
}

/// A unit of matching in the text being analysed: a whole word, or one part of a split
/// German compound.
#[derive(Clone, Copy)]
struct TextUnit {
    /// Index of its word in [`Scratch::words`].
    word: usize,
    unit: Unit,
}

/// Buffers for the words and units of one text, kept per thread between texts.
#[derive(Default)]
pub(crate) struct Scratch {
    words: Vec<TextWord>,
    units: Vec<TextUnit>,
}

impl Analyzer {
    /// An analyzer over a lexicon.
    pub fn new(lexicon: Lexicon) -> Analyzer {
        Analyzer::with_options(lexicon, AnalyzerOptions::default())
    }

    /// An analyzer over a lexicon with some evidence switched off.
    pub fn with_options(lexicon: Lexicon, options: AnalyzerOptions) -> Analyzer {
        let mut vocabulary = lexicon::shipped_vocabulary().clone();
        vocabulary.extend(lexicon.vocabulary());
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        Analyzer {
            lexicon,
            vocabulary,
            options,
            id,
        }
    }

    /// The lexicon (for concept labels in explanations).
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// How a German word splits into known words (folded, lower-case parts), or `None` when
    /// no split into known words exists. Analysis splits only words it does not know as a
    /// whole; this shows the split either way.
    pub fn split_compound(&self, word: &str) -> Option<Vec<String>> {
        let mut lower = String::new();
        tokenize::lowercase_into(word, &mut lower);
        self.vocabulary.split(&lower)
    }

    /// Analyses a text; `language` None means detect it (English when undecidable).
    pub fn analyze(&self, text: &str, language: Option<Language>) -> Analysis {
        let language = language.or_else(|| detect(text)).unwrap_or(Language::En);
        let terms = cache::with_state(
            self.id,
            || State::new(&self.lexicon),
            |state| self.analyze_in(state, text, language),
        );
        Analysis { language, terms }
    }

    fn analyze_in(&self, state: &mut State, text: &str, language: Language) -> Vec<Term> {
        let State {
            words,
            keys,
            lexicon,
            collector,
            scratch,
        } = state;
        let Some(table) = words.get_mut(State::words_index(language)) else {
            return Vec::new();
        };
        self.read_words(text, language, table, keys, scratch);
        let mut out = Out {
            text,
            collector,
            table,
        };
        self.find_concepts(
            &scratch.words,
            &scratch.units,
            self.lexicon.concept_phrases(language),
            lexicon,
            &mut out,
        );
        match language {
            Language::En => self.english_words(&scratch.words, &mut out),
            Language::De => self.german_words(&scratch.words, &scratch.units, lexicon, &mut out),
        }
        collector.finish(text, keys)
    }

    /// Fills `scratch` with the content words of a text and its units (whole words, except
    /// unknown German compounds, which become their parts).
    fn read_words(
        &self,
        text: &str,
        language: Language,
        table: &mut WordTable,
        keys: &mut TermKeys,
        scratch: &mut Scratch,
    ) {
        scratch.words.clear();
        scratch.units.clear();
        for word in tokenize::words(text) {
            let entry = match table.find(word) {
                Some(entry) => entry,
                None => table.insert(word, self.describe(language, word, keys)),
            };
            if !entry.content {
                continue;
            }
            // `word` is a slice of `text`, so the pointer difference is its byte offset.
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            let index = scratch.words.len();
            scratch.words.push(TextWord {
                surface: Span {
                    start,
                    end: start + word.len(),
                },
                entry,
            });
            let parts = table.parts(&entry);
            if parts.is_empty() {
                scratch.units.push(TextUnit {
                    word: index,
                    unit: entry.whole,
                });
            } else {
                scratch
                    .units
                    .extend(parts.iter().map(|&unit| TextUnit { word: index, unit }));
            }
        }
    }

    /// Everything about a word (as written) that does not depend on the text around it.
    fn describe(&self, language: Language, word: &str, keys: &mut TermKeys) -> Description {
        let mut lower = String::new();
        tokenize::lowercase_into(word, &mut lower);
        if !is_content(language, &lower) {
            return Description::default();
        }
        let key = stem::key(language, &lower);
        let parts = match language {
            Language::De if self.options.compounds => self.compound_parts(&lower, &key),
            _ => None,
        };
        Description {
            content: true,
            whole: UnitDescription {
                key: self.lexicon.key_id(&key),
                cognates: self.cognate_terms(cognate::key(language, &lower), keys),
            },
            // German words reach `w:` terms through the dictionary only.
            word_term: match language {
                Language::En => keys.intern(TermKind::Word, &key),
                Language::De => None,
            },
            parts: parts
                .unwrap_or_default()
                .into_iter()
                .map(|part| {
                    let key = stem::key(Language::De, &part);
                    let cognate = is_content(Language::De, &part)
                        .then(|| cognate::key(Language::De, &part))
                        .flatten();
                    UnitDescription {
                        key: self.lexicon.key_id(&key),
                        cognates: self.cognate_terms(cognate, keys),
                    }
                })
                .collect(),
        }
    }

    fn is_known_german(&self, key: &str) -> bool {
        self.vocabulary.knows_key(key)
            || self.lexicon.key_id(key).is_some_and(|id| {
                self.lexicon.word_phrases().starts_with(id)
                    || self.lexicon.concept_phrases(Language::De).starts_with(id)
            })
    }

    /// The parts of an unknown German compound (lower-cased word, its stem key).
    fn compound_parts(&self, lower: &str, key: &str) -> Option<Vec<String>> {
        if lower.len() < compound::MIN_WORD || self.is_known_german(key) {
            return None;
        }
        self.vocabulary.split(lower)
    }

    /// The terms a cognate key gives: `g:<key>`, and its character 4-grams `g:~abcd` if
    /// switched on.
    fn cognate_terms(&self, key: Option<String>, keys: &mut TermKeys) -> Vec<Share> {
        let mut terms = Vec::new();
        if !self.options.cognates {
            return terms;
        }
        let Some(key) = key else { return terms };
        terms.extend(keys.intern(TermKind::Gram, &key).map(|t| (t, 1.0)));
        if self.options.char_grams && key.len() > 4 {
            let padded = format!("^{key}$");
            let mut gram = String::with_capacity(5);
            for w in padded.as_bytes().windows(4) {
                gram.clear();
                gram.push('~');
                gram.extend(w.iter().map(|&b| b as char));
                terms.extend(keys.intern(TermKind::Gram, &gram).map(|t| (t, GRAM_SHARE)));
            }
        }
        terms
    }

    fn find_concepts(
        &self,
        words: &[TextWord],
        units: &[TextUnit],
        table: &PhraseTable,
        lexicon: &LexiconTerms,
        out: &mut Out<'_>,
    ) {
        let mut i = 0;
        while i < units.len() {
            let found = table.longest_match(|j| units.get(i + j).and_then(|u| u.unit.key));
            let Some((target, len)) = found else {
                i += 1;
                continue;
            };
            let first = units.get(i).map_or(0, |u| u.word);
            let last = units.get(i + len - 1).map_or(first, |u| u.word);
            if let Some(term) = lexicon.concept(target) {
                out.add(TermKind::Concept, term, 1.0, span(words, first, last));
            }
            i += len;
        }
    }

    /// English words are their own `w:` terms; cognate keys let them meet German words the
    /// lexicon does not know.
    fn english_words(&self, words: &[TextWord], out: &mut Out<'_>) {
        for word in words {
            if let Some(term) = word.entry.word_term {
                out.add(TermKind::Word, term, 1.0, word.surface);
            }
            out.cognates(&word.entry.whole, word.surface);
        }
    }

    /// German words translate through the dictionary (longest phrase first); the rest give
    /// cognate keys.
    fn german_words(
        &self,
        words: &[TextWord],
        units: &[TextUnit],
        lexicon: &LexiconTerms,
        out: &mut Out<'_>,
    ) {
        let table = self.lexicon.word_phrases();
        let mut i = 0;
        while i < units.len() {
            let found = table.longest_match(|j| units.get(i + j).and_then(|u| u.unit.key));
            let Some(unit) = units.get(i) else { break };
            let surface = words.get(unit.word).map_or(Span::default(), |w| w.surface);
            match found {
                Some((target, len)) => {
                    // Several translations share the word's weight, so a word with five
                    // senses does not outweigh one with one.
                    let share = 1.0 / (self.lexicon.translation(target).len() as f32).sqrt();
                    let last = units.get(i + len - 1).map_or(unit.word, |u| u.word);
                    let surface = span(words, unit.word, last);
                    for &term in lexicon.translation(target) {
                        out.add(TermKind::Word, term, share, surface);
                    }
                    i += len;
                }
                None => {
                    out.cognates(&unit.unit, surface);
                    i += 1;
                }
            }
        }
    }
}

/// Whether a lower-cased word can become a term: not a stopword, not a number, not one letter.
fn is_content(language: Language, lower: &str) -> bool {
    tokenize::is_content_word(lower) && !stopwords::is_stopword(language, lower)
}

/// The text from the start of word `first` to the end of word `last`.
fn span(words: &[TextWord], first: usize, last: usize) -> Span {
    match (words.get(first), words.get(last)) {
        (Some(a), Some(b)) => Span {
            start: a.surface.start,
            end: b.surface.end,
        },
        _ => Span::default(),
    }
}

/// Where the terms of the text being analysed go.
struct Out<'a> {
    text: &'a str,
    collector: &'a mut Collector,
    table: &'a WordTable,
}

impl Out<'_> {
    fn add(&mut self, kind: TermKind, term: TermId, share: f32, surface: Span) {
        self.collector.add(self.text, kind, term, share, surface);
    }

    /// The cognate terms of a unit.
    fn cognates(&mut self, unit: &Unit, surface: Span) {
        for &(term, share) in self.table.cognates(unit) {
            self.collector
                .add(self.text, TermKind::Gram, term, share, surface);
        }
    }
}
