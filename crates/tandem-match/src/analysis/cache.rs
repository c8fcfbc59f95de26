//! Per-thread memo tables for the per-word work that is costly (Snowball stemming alone takes
//! about half a microsecond a word; compound splitting several). Words in text follow Zipf's
//! law, so a small table answers most lookups. Per thread, so analysis stays `&self` and
//! lock-free.

use std::cell::RefCell;
use std::hash::Hash;
use std::rc::Rc;

use super::{Language, cognate, stem, stopwords, tokenize};

/// Entries kept before a table starts over, bounding memory on long-running servers.
const MAX_ENTRIES: usize = 100_000;

/// A bounded memo table.
pub(crate) struct Memo<K, V> {
    map: foldhash::HashMap<K, V>,
}

impl<K: Hash + Eq, V: Clone> Memo<K, V> {
    pub(crate) fn new() -> Self {
        Memo {
            map: foldhash::HashMap::default(),
        }
    }

    /// The value for `key`, computing and remembering it on a miss.
    pub(crate) fn get_or_insert<Q>(&mut self, key: &Q, compute: impl FnOnce() -> V) -> V
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(v) = self.map.get(key) {
            return v.clone();
        }
        let value = compute();
        if self.map.len() >= MAX_ENTRIES {
            self.map.clear();
        }
        self.map.insert(key.to_owned(), value.clone());
        value
    }
}

/// Everything the analyzer needs to know about one lower-cased word, independent of the
/// lexicon.
#[derive(Debug)]
pub(crate) struct WordInfo {
    /// The lower-cased word.
    pub lower: String,
    /// Whether it can become a term (not a stopword, not a number, not one letter).
    pub content: bool,
    /// Its stem key ([`stem::key`]).
    pub key: String,
    /// Its cognate key ([`cognate::key`]).
    pub cognate: Option<String>,
}

thread_local! {
    static WORDS: RefCell<[Memo<String, Rc<WordInfo>>; 2]> = RefCell::new([Memo::new(), Memo::new()]);
}

/// What is known about a lower-cased word of `language`, remembered per thread.
pub(crate) fn word(language: Language, lower: &str) -> Rc<WordInfo> {
    let compute = || {
        let content = tokenize::is_content_word(lower) && !stopwords::is_stopword(language, lower);
        Rc::new(WordInfo {
            lower: lower.to_owned(),
            content,
            key: if content {
                stem::key(language, lower)
            } else {
                String::new()
            },
            cognate: if content {
                cognate::key(language, lower)
            } else {
                None
            },
        })
    };
    let slot = match language {
        Language::En => 0,
        Language::De => 1,
    };
    WORDS.with(|words| match words.borrow_mut().get_mut(slot) {
        Some(memo) => memo.get_or_insert(lower, compute),
        None => compute(),
    })
}
