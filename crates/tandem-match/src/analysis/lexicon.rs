//! The bilingual lexicon: concepts (phrases in both languages that share an id) and a German →
//! English word dictionary, precomputed into hash tables keyed by the analyzer's stem keys.

use foldhash::HashMap;
use std::sync::{Arc, LazyLock};

use super::compound::Vocabulary;
use super::dictionary::{self, CuratedLine, Pairing};
use super::{Language, LexiconError, stem, stopwords, tokenize};

/// The curated EN↔DE lexicon as shipped (format in its header comment).
pub const CURATED_TSV: &str = include_str!("../../../../data/lexicon/en-de.tsv");

static CURATED: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon::empty();
    // The shipped file is checked by the crate's tests; should it ever be broken, the lines
    // before the error still make a usable lexicon.
    let _ = lexicon.add_tsv(CURATED_TSV);
    lexicon
});

/// German words of the curated lexicon: the vocabulary compound splitting knows even when the
/// analyzer runs without a lexicon.
static SHIPPED_VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| CURATED.data.vocabulary.clone());

/// The shipped German vocabulary for compound splitting.
pub(crate) fn shipped_vocabulary() -> &'static Vocabulary {
    &SHIPPED_VOCABULARY
}

/// The bilingual concept layer: English and German terms mapped to shared concepts, plus
/// German → English word translations. Cheap to clone (shared until modified).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    data: Arc<Data>,
}

#[derive(Debug, Clone, Default)]
struct Data {
    concepts: Vec<Concept>,
    /// Every stem key of a phrase in any table, numbered ([`KeyId`]).
    key_ids: HashMap<String, KeyId>,
    concept_index: HashMap<String, u32>,
    /// Concept phrases per language (index: [`lang_index`]).
    concept_phrases: [PhraseTable; 2],
    /// German phrases → index into `translations`.
    words: PhraseTable,
    /// English stem keys each German dictionary phrase translates to.
    translations: Vec<Vec<String>>,
    /// German words of all entries, for compound splitting.
    vocabulary: Vocabulary,
}

#[derive(Debug, Clone)]
struct Concept {
    id: String,
    label_en: String,
    label_de: String,
}

/// A stem key as a number: the lexicon numbers every key its phrases use, so that matching
/// text against phrases compares integers instead of strings. Keys the lexicon does not know
/// have no id and cannot be part of any phrase.
pub(crate) type KeyId = u32;

/// Phrases (sequences of key ids) as a trie, so that finding the longest phrase at a
/// position of the text takes one step per key of the text, however many phrases share a
/// first key.
#[derive(Debug, Clone, Default)]
pub(crate) struct PhraseTable {
    /// The node each first key leads to ([`NO_NODE`]: no phrase starts with it).
    first: Vec<u32>,
    /// The nodes: a phrase's keys lead from its first key's node to the node of the phrase.
    nodes: Vec<Node>,
    /// The node a node leads to by the next key (`node << 32 | key`).
    next: HashMap<u64, u32>,
}

const NO_NODE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, Default)]
struct Node {
    /// The target of the phrase that ends here, if one does.
    target: Option<u32>,
    /// Whether some longer phrase goes on from here (saves a lookup where none does).
    has_next: bool,
}

fn edge(node: u32, key: KeyId) -> u64 {
    (u64::from(node) << 32) | u64::from(key)
}

impl PhraseTable {
    /// Adds a phrase; `Err(target)` if it was already there, with the target it has.
    fn insert(&mut self, keys: &[KeyId], target: u32) -> Result<(), u32> {
        let Some((&first, rest)) = keys.split_first() else {
            return Ok(());
        };
        let first = first as usize;
        if self.first.len() <= first {
            self.first.resize(first + 1, NO_NODE);
        }
        let mut node = match self.first.get(first) {
            Some(&node) if node != NO_NODE => node,
            _ => {
                let node = self.new_node();
                if let Some(slot) = self.first.get_mut(first) {
                    *slot = node;
                }
                node
            }
        };
        for &key in rest {
            if let Some(n) = self.nodes.get_mut(node as usize) {
                n.has_next = true;
            }
            node = match self.next.get(&edge(node, key)) {
                Some(&next) => next,
                None => {
                    let next = self.new_node();
                    self.next.insert(edge(node, key), next);
                    next
                }
            };
        }
        let Some(n) = self.nodes.get_mut(node as usize) else {
            return Ok(());
        };
        match n.target {
            Some(existing) => Err(existing),
            None => {
                n.target = Some(target);
                Ok(())
            }
        }
    }

    fn new_node(&mut self) -> u32 {
        self.nodes.push(Node::default());
        (self.nodes.len() - 1) as u32
    }

    /// The longest phrase starting at `keys(0)`: its target and length in keys. `keys(i)` is
    /// `None` past the end of the text and for keys the lexicon does not know.
    pub(crate) fn longest_match(
        &self,
        keys: impl Fn(usize) -> Option<KeyId>,
    ) -> Option<(u32, usize)> {
        let mut node = *self.first.get(keys(0)? as usize)?;
        let mut len = 1;
        let mut longest = None;
        while let Some(n) = self.nodes.get(node as usize) {
            if let Some(target) = n.target {
                longest = Some((target, len));
            }
            if !n.has_next {
                break;
            }
            let Some(&next) = keys(len).and_then(|key| self.next.get(&edge(node, key))) else {
                break;
            };
            node = next;
            len += 1;
        }
        longest
    }

    /// Whether a single key is a phrase of its own or starts one.
    pub(crate) fn starts_with(&self, key: KeyId) -> bool {
        self.first
            .get(key as usize)
            .is_some_and(|&node| node != NO_NODE)
    }
}

fn lang_index(language: Language) -> usize {
    match language {
        Language::En => 0,
        Language::De => 1,
    }
}

/// The stem keys of a phrase as the analyzer sees them: stopwords and one-letter words
/// dropped, so "Oil and Gas" is [`oil`, `gas`] in text and lexicon alike.
pub(crate) fn phrase_keys(language: Language, phrase: &str) -> Vec<String> {
    let mut lower = String::new();
    let mut keys = Vec::new();
    for word in tokenize::words(phrase) {
        tokenize::lowercase_into(word, &mut lower);
        if stopwords::is_stopword(language, &lower) || !tokenize::is_content_word(&lower) {
            continue;
        }
        keys.push(stem::key(language, &lower));
    }
    keys
}

impl Lexicon {
    /// A lexicon with nothing in it.
    pub fn empty() -> Lexicon {
        Lexicon::default()
    }

    /// The curated EN↔DE domain lexicon shipped in `data/lexicon/en-de.tsv` (parsed once per
    /// process; later calls clone a shared handle).
    pub fn curated() -> Lexicon {
        CURATED.clone()
    }

    /// Adds a concept with its display labels and the terms (single words or phrases) that
    /// express it in each language. Taxonomies (NACE, markets, technologies) come in this way.
    /// The labels count as terms too. Adding an id again adds terms to the existing concept.
    pub fn add_concept(
        &mut self,
        id: &str,
        label_en: &str,
        label_de: &str,
        terms_en: &[&str],
        terms_de: &[&str],
    ) {
        let data = Arc::make_mut(&mut self.data);
        let next = data.concepts.len() as u32;
        let index = *data.concept_index.entry(id.to_owned()).or_insert(next);
        if index == next {
            data.concepts.push(Concept {
                id: id.to_owned(),
                label_en: label_en.to_owned(),
                label_de: label_de.to_owned(),
            });
        }
        for (language, label, terms) in [
            (Language::En, label_en, terms_en),
            (Language::De, label_de, terms_de),
        ] {
            for term in std::iter::once(&label).chain(terms) {
                let keys = data.intern(&phrase_keys(language, term));
                // A phrase already taken by another concept stays with the first: the
                // lexicon is read in order of authority.
                let _ = data.concept_phrases[lang_index(language)].insert(&keys, index);
                if language == Language::De {
                    add_vocabulary(&mut data.vocabulary, term);
                }
            }
        }
    }

    /// Adds a bilingual dictionary in Ding/FreeDict text format (`Deutsch :: English`, with
    /// `|`, `;` separators and `{m}`/`[...]`/`(...)` annotations) or tab-separated `de<TAB>en`.
    /// Returns the number of entries (German phrase → English phrases) added. Stops at the
    /// first malformed line; the lines before it stay added.
    pub fn add_dictionary(&mut self, text: &str) -> Result<usize, LexiconError> {
        let mut added = 0;
        for (n, line) in text.lines().enumerate() {
            let pairings =
                dictionary::parse_dictionary_line(line).map_err(|message| LexiconError::Line {
                    line: n + 1,
                    message,
                })?;
            for pairing in pairings.into_iter().flatten() {
                added += self.add_pairing(&pairing);
            }
        }
        Ok(added)
    }

    /// Adds lines in the curated lexicon's format: `id<TAB>english|…<TAB>german|…`, where id
    /// `-` makes a word entry (German → English translations) and any other id a concept whose
    /// terms also translate word for word. Returns the number of lines added.
    pub fn add_tsv(&mut self, text: &str) -> Result<usize, LexiconError> {
        let mut added = 0;
        for (n, line) in text.lines().enumerate() {
            let parsed =
                dictionary::parse_curated_line(line).map_err(|message| LexiconError::Line {
                    line: n + 1,
                    message,
                })?;
            match parsed {
                None => continue,
                Some(CuratedLine::Words(pairing)) => {
                    self.add_pairing(&pairing);
                }
                Some(CuratedLine::Concept { id, en, de }) => {
                    let (Some(label_en), Some(label_de)) = (en.first(), de.first()) else {
                        continue;
                    };
                    let terms_en: Vec<&str> = en.iter().map(String::as_str).collect();
                    let terms_de: Vec<&str> = de.iter().map(String::as_str).collect();
                    self.add_concept(&id, label_en, label_de, &terms_en, &terms_de);
                    self.add_pairing(&Pairing {
                        de: de.clone(),
                        en: en.clone(),
                    });
                }
            }
            added += 1;
        }
        Ok(added)
    }

    /// Adds German → English translations; returns how many German phrases were new.
    fn add_pairing(&mut self, pairing: &Pairing) -> usize {
        let mut english: Vec<String> = Vec::new();
        for phrase in &pairing.en {
            for key in phrase_keys(Language::En, phrase) {
                if !english.contains(&key) {
                    english.push(key);
                }
            }
        }
        if english.is_empty() {
            return 0;
        }
        let data = Arc::make_mut(&mut self.data);
        let mut new = 0;
        for phrase in &pairing.de {
            let keys = phrase_keys(Language::De, phrase);
            if keys.is_empty() {
                continue;
            }
            add_vocabulary(&mut data.vocabulary, phrase);
            let keys = data.intern(&keys);
            let target = data.translations.len() as u32;
            match data.words.insert(&keys, target) {
                Ok(()) => {
                    data.translations.push(english.clone());
                    new += 1;
                }
                Err(existing) => {
                    // The same German phrase again (another sense): union the translations.
                    if let Some(list) = data.translations.get_mut(existing as usize) {
                        for key in &english {
                            if !list.contains(key) {
                                list.push(key.clone());
                            }
                        }
                    }
                }
            }
        }
        new
    }

    /// The display label of a concept in a language.
    pub fn concept_label(&self, id: &str, language: Language) -> Option<&str> {
        let concept = self
            .data
            .concepts
            .get(*self.data.concept_index.get(id)? as usize)?;
        Some(match language {
            Language::En => &concept.label_en,
            Language::De => &concept.label_de,
        })
    }

    /// The ids of all concepts, in the order they were added.
    pub fn concept_ids(&self) -> impl Iterator<Item = &str> {
        self.data.concepts.iter().map(|c| c.id.as_str())
    }

    /// Number of concepts.
    pub fn concept_count(&self) -> usize {
        self.data.concepts.len()
    }

    /// Number of German dictionary phrases (each with its English translations).
    pub fn dictionary_len(&self) -> usize {
        self.data.translations.len()
    }

    /// Number of concepts and dictionary entries.
    pub fn len(&self) -> usize {
        self.concept_count() + self.dictionary_len()
    }

    /// Whether nothing has been added.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The English stem keys a German word or phrase translates to (for tests and
    /// explanations), e.g. `["medic", "devic"]` for "Medizinprodukte".
    pub fn translate(&self, german: &str) -> Option<&[String]> {
        // A key the lexicon does not know is in none of its phrases.
        let keys = phrase_keys(Language::De, german)
            .iter()
            .map(|key| self.key_id(key))
            .collect::<Option<Vec<KeyId>>>()?;
        let (target, len) = self.data.words.longest_match(|i| keys.get(i).copied())?;
        (len == keys.len()).then(|| self.translation(target))
    }

    /// The id of a stem key, if any phrase of the lexicon uses it.
    pub(crate) fn key_id(&self, key: &str) -> Option<KeyId> {
        self.data.key_ids.get(key).copied()
    }

    pub(crate) fn concept_phrases(&self, language: Language) -> &PhraseTable {
        &self.data.concept_phrases[lang_index(language)]
    }

    pub(crate) fn word_phrases(&self) -> &PhraseTable {
        &self.data.words
    }

    pub(crate) fn translation(&self, target: u32) -> &[String] {
        self.data
            .translations
            .get(target as usize)
            .map_or(&[], Vec::as_slice)
    }

    pub(crate) fn concept_id(&self, index: u32) -> &str {
        self.data
            .concepts
            .get(index as usize)
            .map_or("", |c| c.id.as_str())
    }

    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.data.vocabulary
    }
}

impl Data {
    /// The ids of phrase keys, numbering new keys.
    fn intern(&mut self, keys: &[String]) -> Vec<KeyId> {
        keys.iter()
            .map(|key| {
                let next = self.key_ids.len() as KeyId;
                match self.key_ids.get(key.as_str()) {
                    Some(&id) => id,
                    None => {
                        self.key_ids.insert(key.clone(), next);
                        next
                    }
                }
            })
            .collect()
    }
}

fn add_vocabulary(vocabulary: &mut Vocabulary, phrase: &str) {
    let mut lower = String::new();
    for word in tokenize::words(phrase) {
        tokenize::lowercase_into(word, &mut lower);
        if !stopwords::is_german(&lower) && tokenize::is_content_word(&lower) {
            vocabulary.add(&lower);
        }
    }
}
