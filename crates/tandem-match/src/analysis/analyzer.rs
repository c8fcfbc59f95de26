//! The analysis pipeline: words → stem keys → compounds → concepts, translations and
//! cognate keys, merged into one weighted [`Term`] per key.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::cache::{self, Memo, WordInfo};

use super::compound::{self, Vocabulary};
use super::lexicon::{self, Lexicon, PhraseTable};
use super::{Analysis, Language, Term, TermKind, detect, stem, tokenize};

/// Kind weights: a concept match is the most specific evidence, a cognate key the least
/// (it can meet false friends).
const CONCEPT_WEIGHT: f32 = 1.5;
const WORD_WEIGHT: f32 = 1.0;
const COGNATE_WEIGHT: f32 = 0.7;
/// Character grams only bridge spelling variants the cognate rules miss; many per word, so
/// each weighs little.
const GRAM_WEIGHT: f32 = 0.15;
/// Analyzers alive at once whose compound splits a thread remembers.
const MAX_SPLIT_TABLES: usize = 8;

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// One part of a split compound: folded lower-case form and key.
type Part = (String, String);

/// Remembered splits of one analyzer: lower-cased word → its parts, if it splits.
type SplitMemo = Memo<String, Option<Rc<Vec<Part>>>>;

thread_local! {
    /// Compound splits per analyzer (vocabularies differ) and lower-cased word.
    static SPLITS: RefCell<HashMap<u64, SplitMemo>> = RefCell::new(HashMap::new());
}

/// Surfaces kept per term for explanations.
const MAX_SURFACES: usize = 3;

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
    /// Identifies this analyzer's vocabulary in the per-thread split memo.
    id: u64,
}

/// A content word of the text.
struct Word<'t> {
    surface: &'t str,
    /// Byte offset of `surface` in the text.
    start: usize,
    info: Rc<WordInfo>,
}

/// A unit of matching: a whole word, or one part of a split German compound.
struct Unit {
    word: usize,
    /// For compound parts: all parts of the word and which one this is.
    part: Option<(Rc<Vec<Part>>, usize)>,
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
        let words = content_words(text, language);
        let units = self.units(&words, language);
        let mut terms = Terms::with_capacity(2 * units.len());
        self.find_concepts(
            text,
            &words,
            &units,
            self.lexicon.concept_phrases(language),
            &mut terms,
        );
        match language {
            Language::En => self.english_words(&words, &mut terms),
            Language::De => self.german_words(text, &words, &units, &mut terms),
        }
        Analysis {
            language,
            terms: terms.finish(),
        }
    }

    fn is_known_german(&self, key: &str) -> bool {
        self.vocabulary.knows_key(key)
            || self.lexicon.word_phrases().starts_with(key)
            || self.lexicon.concept_phrases(Language::De).starts_with(key)
    }

    /// Whole words, except unknown German compounds, which become their parts.
    fn units(&self, words: &[Word<'_>], language: Language) -> Vec<Unit> {
        let mut units = Vec::with_capacity(words.len() + 4);
        for (i, word) in words.iter().enumerate() {
            let parts = if language == Language::De && self.options.compounds {
                self.memo_split(word)
            } else {
                None
            };
            match parts {
                Some(parts) => units.extend((0..parts.len()).map(|p| Unit {
                    word: i,
                    part: Some((Rc::clone(&parts), p)),
                })),
                None => units.push(Unit {
                    word: i,
                    part: None,
                }),
            }
        }
        units
    }

    /// The parts of an unknown German compound, remembered per thread.
    fn memo_split(&self, word: &Word<'_>) -> Option<Rc<Vec<Part>>> {
        if word.info.lower.len() < compound::MIN_WORD {
            return None;
        }
        let compute = || {
            if self.is_known_german(&word.info.key) {
                return None;
            }
            let parts = self.vocabulary.split(&word.info.lower)?;
            Some(Rc::new(
                parts
                    .into_iter()
                    .map(|p| {
                        let key = stem::key(Language::De, &p);
                        (p, key)
                    })
                    .collect(),
            ))
        };
        SPLITS.with(|splits| {
            let mut splits = splits.borrow_mut();
            if splits.len() >= MAX_SPLIT_TABLES && !splits.contains_key(&self.id) {
                splits.clear();
            }
            splits
                .entry(self.id)
                .or_insert_with(Memo::new)
                .get_or_insert(word.info.lower.as_str(), compute)
        })
    }

    fn find_concepts<'t>(
        &self,
        text: &'t str,
        words: &[Word<'t>],
        units: &[Unit],
        table: &PhraseTable,
        terms: &mut Terms<'t>,
    ) {
        let mut i = 0;
        while i < units.len() {
            let found = table.longest_match(|j| units.get(i + j).map(|u| unit_key(words, u)));
            let Some((target, len)) = found else {
                i += 1;
                continue;
            };
            let first = units.get(i).map_or(0, |u| u.word);
            let last = units.get(i + len - 1).map_or(first, |u| u.word);
            let surface = span_surface(text, words, first, last);
            terms.add(
                TermKind::Concept,
                self.lexicon.concept_id(target),
                1.0,
                surface,
            );
            i += len;
        }
    }

    /// English words are their own `w:` terms; cognate keys let them meet German words the
    /// lexicon does not know.
    fn english_words<'t>(&self, words: &[Word<'t>], terms: &mut Terms<'t>) {
        for word in words {
            terms.add(TermKind::Word, &word.info.key, 1.0, word.surface);
            self.cognates(word.info.cognate.as_deref(), word.surface, terms);
        }
    }

    /// German words translate through the dictionary (longest phrase first); the rest give
    /// cognate keys.
    fn german_words<'t>(
        &self,
        text: &'t str,
        words: &[Word<'t>],
        units: &[Unit],
        terms: &mut Terms<'t>,
    ) {
        let table = self.lexicon.word_phrases();
        let mut i = 0;
        while i < units.len() {
            let found = table.longest_match(|j| units.get(i + j).map(|u| unit_key(words, u)));
            let Some(unit) = units.get(i) else { break };
            let surface = words.get(unit.word).map_or("", |w| w.surface);
            match found {
                Some((target, len)) => {
                    let english = self.lexicon.translation(target);
                    // Several translations share the word's weight, so a word with five
                    // senses does not outweigh one with one.
                    let share = 1.0 / (english.len() as f32).sqrt();
                    let last = units.get(i + len - 1).map_or(unit.word, |u| u.word);
                    for key in english {
                        terms.add(
                            TermKind::Word,
                            key,
                            share,
                            span_surface(text, words, unit.word, last),
                        );
                    }
                    i += len;
                }
                None => {
                    match &unit.part {
                        Some((parts, p)) => {
                            let part = parts.get(*p).map_or("", |(part, _)| part.as_str());
                            self.cognates(
                                cache::word(Language::De, part).cognate.as_deref(),
                                surface,
                                terms,
                            );
                        }
                        None => {
                            let cognate =
                                words.get(unit.word).and_then(|w| w.info.cognate.as_deref());
                            self.cognates(cognate, surface, terms);
                        }
                    }
                    i += 1;
                }
            }
        }
    }

    fn cognates<'t>(&self, key: Option<&str>, surface: &'t str, terms: &mut Terms<'t>) {
        if !self.options.cognates {
            return;
        }
        let Some(key) = key else { return };
        terms.add(TermKind::Gram, key, 1.0, surface);
        if self.options.char_grams && key.len() > 4 {
            let padded = format!("^{key}$");
            let bytes = padded.as_bytes();
            let mut gram = String::with_capacity(5);
            for w in bytes.windows(4) {
                gram.clear();
                gram.push('~');
                gram.extend(w.iter().map(|&b| b as char));
                terms.add(TermKind::Gram, &gram, GRAM_WEIGHT / COGNATE_WEIGHT, surface);
            }
        }
    }
}

fn unit_key<'a>(words: &'a [Word<'_>], unit: &'a Unit) -> &'a str {
    match &unit.part {
        Some((parts, p)) => parts.get(*p).map_or("", |(_, key)| key.as_str()),
        None => words.get(unit.word).map_or("", |w| w.info.key.as_str()),
    }
}

/// The content words of a text with their stem keys (stopwords and numbers dropped).
fn content_words(text: &str, language: Language) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut lower = String::new();
    for surface in tokenize::words(text) {
        tokenize::lowercase_into(surface, &mut lower);
        let info = cache::word(language, &lower);
        if !info.content {
            continue;
        }
        // `surface` is a slice of `text`, so the pointer difference is its byte offset.
        let start = surface.as_ptr() as usize - text.as_ptr() as usize;
        words.push(Word {
            surface,
            start,
            info,
        });
    }
    words
}

/// The text from the start of word `first` to the end of word `last`, as written.
fn span_surface<'t>(text: &'t str, words: &[Word<'t>], first: usize, last: usize) -> &'t str {
    let (Some(a), Some(b)) = (words.get(first), words.get(last)) else {
        return "";
    };
    text.get(a.start..b.start + b.surface.len())
        .unwrap_or(a.surface)
}

/// Terms being collected for one text.
struct Terms<'t> {
    by_key: foldhash::HashMap<String, Acc<'t>>,
    buf: String,
}

struct Acc<'t> {
    kind: TermKind,
    count: f32,
    /// Distinct surfaces, first ones kept (an array: most terms have one).
    surfaces: [&'t str; MAX_SURFACES],
}

impl<'t> Terms<'t> {
    fn with_capacity(n: usize) -> Self {
        Terms {
            by_key: foldhash::HashMap::with_capacity_and_hasher(n, Default::default()),
            buf: String::new(),
        }
    }

    /// Adds one occurrence (or a `share` of one, for one of several translations).
    fn add(&mut self, kind: TermKind, key: &str, share: f32, surface: &'t str) {
        if key.is_empty() {
            return;
        }
        self.buf.clear();
        self.buf.push_str(kind.prefix());
        self.buf.push_str(key);
        let acc = match self.by_key.get_mut(self.buf.as_str()) {
            Some(acc) => acc,
            None => self.by_key.entry(self.buf.clone()).or_insert(Acc {
                kind,
                count: 0.0,
                surfaces: [""; MAX_SURFACES],
            }),
        };
        acc.count += share;
        if let Some(slot) = acc
            .surfaces
            .iter_mut()
            .find(|s| s.is_empty() || s.eq_ignore_ascii_case(surface))
            && slot.is_empty()
        {
            *slot = surface;
        }
    }

    fn finish(self) -> Vec<Term> {
        let mut terms: Vec<Term> = self
            .by_key
            .into_iter()
            .map(|(key, acc)| Term {
                key,
                weight: dampen(acc.count) * kind_weight(acc.kind),
                kind: acc.kind,
                surface: surface_text(&acc.surfaces),
            })
            .collect();
        terms.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        terms
    }
}

/// Sub-linear term frequency: the tenth mention of a word says less than the first.
fn dampen(count: f32) -> f32 {
    if count <= 1.0 {
        count
    } else {
        1.0 + count.ln()
    }
}

fn kind_weight(kind: TermKind) -> f32 {
    match kind {
        TermKind::Concept => CONCEPT_WEIGHT,
        TermKind::Word => WORD_WEIGHT,
        TermKind::Gram => COGNATE_WEIGHT,
    }
}

fn surface_text(surfaces: &[&str]) -> String {
    let mut out = String::with_capacity(surfaces.iter().map(|s| s.len() + 2).sum());
    for s in surfaces.iter().filter(|s| !s.is_empty()) {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(s);
    }
    out
}
