//! Per-thread state of each analyzer: the words it has seen ([`WordTable`]), term keys as
//! numbers, the lexicon's terms and the buffers one text needs. Per thread, so analysis stays
//! `&self` and lock-free; per analyzer, because lexicons, vocabularies and options differ.

use std::cell::RefCell;

use super::analyzer::Scratch;
use super::lexicon::Lexicon;
use super::terms::{Collector, TermId, TermKeys};
use super::words::{self, WordTable};
use super::{Language, TermKind};

/// Analyzers alive at once whose state a thread keeps.
const MAX_STATES: usize = 8;

thread_local! {
    /// States by analyzer id.
    static STATES: RefCell<Vec<(u64, State)>> = const { RefCell::new(Vec::new()) };
}

/// One analyzer's state in one thread.
pub(crate) struct State {
    /// Known words per language (index: [`State::words_of`]).
    pub words: [WordTable; 2],
    pub keys: TermKeys,
    pub lexicon: LexiconTerms,
    pub collector: Collector,
    pub scratch: Scratch,
}

impl State {
    pub(crate) fn new(lexicon: &Lexicon) -> State {
        let mut keys = TermKeys::default();
        let lexicon = LexiconTerms::new(lexicon, &mut keys);
        State {
            words: Default::default(),
            keys,
            lexicon,
            collector: Collector::default(),
            scratch: Scratch::default(),
        }
    }

    pub(crate) fn words_index(language: Language) -> usize {
        match language {
            Language::En => 0,
            Language::De => 1,
        }
    }

    fn is_full(&self) -> bool {
        self.words.iter().any(|w| w.len() >= words::MAX_ENTRIES)
    }
}

/// Runs `f` on the state of analyzer `id` in this thread, made with `new` when the thread has
/// none yet or the old one has grown too large.
pub(crate) fn with_state<R>(
    id: u64,
    new: impl Fn() -> State,
    f: impl FnOnce(&mut State) -> R,
) -> R {
    STATES.with(|states| {
        let mut states = states.borrow_mut();
        let i = match states.iter().position(|(s, _)| *s == id) {
            Some(i) => i,
            None => {
                if states.len() >= MAX_STATES {
                    states.clear();
                }
                states.push((id, new()));
                states.len() - 1
            }
        };
        match states.get_mut(i) {
            Some((_, state)) => {
                if state.is_full() {
                    *state = new();
                }
                f(state)
            }
            None => f(&mut new()),
        }
    })
}

/// The terms of the lexicon's concepts and translations, numbered once per state.
pub(crate) struct LexiconTerms {
    /// `c:<id>` per concept index.
    concepts: Vec<Option<TermId>>,
    /// `w:<english key>` terms per dictionary target.
    translations: Vec<Box<[TermId]>>,
}

impl LexiconTerms {
    fn new(lexicon: &Lexicon, keys: &mut TermKeys) -> LexiconTerms {
        let concepts = (0..lexicon.concept_count() as u32)
            .map(|i| keys.intern(TermKind::Concept, lexicon.concept_id(i)))
            .collect();
        let translations = (0..lexicon.dictionary_len() as u32)
            .map(|target| {
                lexicon
                    .translation(target)
                    .iter()
                    .filter_map(|key| keys.intern(TermKind::Word, key))
                    .collect()
            })
            .collect();
        LexiconTerms {
            concepts,
            translations,
        }
    }

    /// The term of a concept (`None` for an empty id).
    pub(crate) fn concept(&self, index: u32) -> Option<TermId> {
        self.concepts.get(index as usize).copied().flatten()
    }

    /// The English word terms a dictionary target translates to.
    pub(crate) fn translation(&self, target: u32) -> &[TermId] {
        self.translations.get(target as usize).map_or(&[], |t| t)
    }
}
