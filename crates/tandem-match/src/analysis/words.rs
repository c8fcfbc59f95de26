//! What the analyzer knows about each distinct word, as numbers: whether it is a content word,
//! its stem key's id in the lexicon, its terms, and the parts of an unknown German compound.
//!
//! The per-word work is costly (Snowball stemming alone takes about half a microsecond a word,
//! compound splitting several); words in text follow Zipf's law, so remembering it per thread
//! makes a repeated word cost one hash lookup of the word as written (not even lower-casing).

use super::lexicon::KeyId;
use super::terms::TermId;

/// Words a table keeps before it starts over, bounding memory on long-running servers.
pub(crate) const MAX_ENTRIES: usize = 100_000;

/// A term and the share of an occurrence it adds.
pub(crate) type Share = (TermId, f32);

/// A range of one of the table's pools (`u32`s keep entries small).
#[derive(Debug, Clone, Copy, Default)]
struct Range32 {
    start: u32,
    end: u32,
}

impl Range32 {
    fn of<T>(self, pool: &[T]) -> &[T] {
        pool.get(self.start as usize..self.end as usize)
            .unwrap_or(&[])
    }

    /// Appends `items` to `pool` and returns their range.
    fn push<T>(pool: &mut Vec<T>, items: impl IntoIterator<Item = T>) -> Range32 {
        let start = pool.len() as u32;
        pool.extend(items);
        Range32 {
            start,
            end: pool.len() as u32,
        }
    }
}

/// A unit of matching: a whole word, or one part of a split German compound.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Unit {
    /// The id of its stem key among the lexicon's phrase keys; `None` when no phrase uses it.
    pub key: Option<KeyId>,
    /// Its cognate terms (`g:<key>` and character grams), in the table's pool.
    cognates: Range32,
}

/// A known word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// Whether it can become a term (not a stopword, not a number, not one letter).
    pub content: bool,
    /// The word as one unit.
    pub whole: Unit,
    /// Its `w:<stem key>` term (English words only: German words reach `w:` terms through the
    /// dictionary).
    pub word_term: Option<TermId>,
    /// The units it is matched as instead when it is an unknown German compound.
    parts: Range32,
}

/// What the analyzer found out about a word it had not seen, for [`WordTable::insert`].
#[derive(Debug, Default)]
pub(crate) struct Description {
    pub content: bool,
    pub whole: UnitDescription,
    pub word_term: Option<TermId>,
    /// Empty unless the word is matched as its compound parts.
    pub parts: Vec<UnitDescription>,
}

/// A [`Unit`] being described.
#[derive(Debug, Default)]
pub(crate) struct UnitDescription {
    pub key: Option<KeyId>,
    pub cognates: Vec<Share>,
}

/// Longest word packed into a [`ShortWord`].
const SHORT: usize = 24;

/// A word of up to [`SHORT`] bytes, zero-padded (words are alphanumeric, so they contain no
/// zero bytes and the padding is unambiguous).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ShortWord([u64; SHORT / 8]);

impl std::hash::Hash for ShortWord {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Word by word: the derived hash would hash the array as a byte slice, which is slower.
        for &n in &self.0 {
            state.write_u64(n);
        }
    }
}

impl ShortWord {
    fn new(word: &str) -> Option<ShortWord> {
        if word.len() > SHORT {
            return None;
        }
        let mut bytes = [0u8; SHORT];
        bytes
            .get_mut(..word.len())?
            .copy_from_slice(word.as_bytes());
        let mut packed = [0u64; SHORT / 8];
        for (n, chunk) in packed.iter_mut().zip(bytes.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            *n = u64::from_ne_bytes(b);
        }
        Some(ShortWord(packed))
    }
}

/// Known words of one language, by the word as written.
#[derive(Default)]
pub(crate) struct WordTable {
    /// Words of up to [`SHORT`] bytes (nearly all), packed into numbers: hashing and comparing
    /// them needs no pointer to follow and no `memcmp` call.
    short: foldhash::HashMap<ShortWord, u32>,
    /// Longer words.
    long: foldhash::HashMap<Box<str>, u32>,
    entries: Vec<Entry>,
    /// Compound parts of all entries.
    parts: Vec<Unit>,
    /// Cognate terms of all units.
    cognates: Vec<Share>,
}

impl WordTable {
    /// The entry of a word as written, if known.
    pub(crate) fn find(&self, word: &str) -> Option<Entry> {
        let i = match ShortWord::new(word) {
            Some(short) => self.short.get(&short),
            None => self.long.get(word),
        };
        self.entries.get(*i? as usize).copied()
    }

    /// Remembers a word and returns its entry.
    pub(crate) fn insert(&mut self, word: &str, description: Description) -> Entry {
        let whole = self.unit(description.whole);
        let parts: Vec<Unit> = description
            .parts
            .into_iter()
            .map(|p| self.unit(p))
            .collect();
        let entry = Entry {
            content: description.content,
            whole,
            word_term: description.word_term,
            parts: Range32::push(&mut self.parts, parts),
        };
        let i = self.entries.len() as u32;
        match ShortWord::new(word) {
            Some(short) => self.short.insert(short, i),
            None => self.long.insert(word.into(), i),
        };
        self.entries.push(entry);
        entry
    }

    fn unit(&mut self, description: UnitDescription) -> Unit {
        Unit {
            key: description.key,
            cognates: Range32::push(&mut self.cognates, description.cognates),
        }
    }

    /// The compound parts a word is matched as; empty when it is matched whole.
    pub(crate) fn parts(&self, entry: &Entry) -> &[Unit] {
        entry.parts.of(&self.parts)
    }

    /// The cognate terms of a unit.
    pub(crate) fn cognates(&self, unit: &Unit) -> &[Share] {
        unit.cognates.of(&self.cognates)
    }

    /// Number of words known.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}
