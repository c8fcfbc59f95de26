//! Term keys as numbers, and the weighted terms of one text collected under them.
//!
//! A text adds a term about once per word; with keys numbered once per thread ([`TermKeys`]),
//! an addition is an array index instead of building, hashing and comparing a key string, and
//! key strings are copied only into the finished [`Term`]s.

use super::{Term, TermKind};

/// A term key (`c:…`, `w:…`, `g:…`) as a number, valid within one [`TermKeys`].
pub(crate) type TermId = u32;

/// Surfaces kept per term for explanations.
const MAX_SURFACES: usize = 3;

/// Kind weights: a concept match is the most specific evidence, a cognate key the least
/// (it can meet false friends).
const CONCEPT_WEIGHT: f32 = 1.5;
const WORD_WEIGHT: f32 = 1.0;
const COGNATE_WEIGHT: f32 = 0.7;

/// Term keys, numbered in the order first seen.
#[derive(Default)]
pub(crate) struct TermKeys {
    ids: foldhash::HashMap<Box<str>, TermId>,
    /// All keys one after another (copying a key out of one buffer touches less memory than
    /// following a pointer per key), and where each ends.
    text: String,
    ends: Vec<usize>,
    /// The first sixteen bytes of each key as a big-endian number (zero-padded): comparing
    /// these orders almost all pairs of keys without reading the strings.
    prefixes: Vec<u128>,
    buf: String,
}

impl TermKeys {
    /// The id of the term `<prefix of kind><key>`, numbering it if new; `None` for an empty
    /// key, which makes no term.
    pub(crate) fn intern(&mut self, kind: TermKind, key: &str) -> Option<TermId> {
        if key.is_empty() {
            return None;
        }
        self.buf.clear();
        self.buf.push_str(kind.prefix());
        self.buf.push_str(key);
        if let Some(&id) = self.ids.get(self.buf.as_str()) {
            return Some(id);
        }
        let id = self.ends.len() as TermId;
        let mut prefix = [0u8; 16];
        for (p, b) in prefix.iter_mut().zip(self.buf.bytes()) {
            *p = b;
        }
        self.prefixes.push(u128::from_be_bytes(prefix));
        self.text.push_str(&self.buf);
        self.ends.push(self.text.len());
        self.ids.insert(self.buf.as_str().into(), id);
        Some(id)
    }

    /// The full key (with prefix) of a term.
    fn key(&self, id: TermId) -> &str {
        let id = id as usize;
        let start = match id.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(id).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or("")
    }

    fn prefix(&self, id: TermId) -> u128 {
        self.prefixes.get(id as usize).copied().unwrap_or(0)
    }
}

/// A byte range of the analysed text: the words that produced a term, as written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    fn is_empty(self) -> bool {
        self.start >= self.end
    }

    fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Collects the terms of one text at a time. Kept between texts (per thread) so that its
/// buffers are allocated once.
#[derive(Default)]
pub(crate) struct Collector {
    /// Index into `accs` for each term id the current text has produced, [`NONE`] for the
    /// others; `finish` resets the entries it used.
    slots: Vec<u32>,
    accs: Vec<Acc>,
    /// The order of `accs` by key: key prefix and index.
    order: Vec<(u128, u32)>,
    /// The terms being built.
    terms: Vec<Term>,
}

const NONE: u32 = u32::MAX;

struct Acc {
    term: TermId,
    kind: TermKind,
    count: f32,
    /// Distinct surfaces, first ones kept (an array: most terms have one).
    surfaces: [Span; MAX_SURFACES],
    /// How many of `surfaces` are set; once all are, later surfaces need no comparing.
    filled: usize,
}

impl Collector {
    /// Adds one occurrence of `term` (or a `share` of one, for one of several translations),
    /// produced by `surface` of `text`.
    pub(crate) fn add(
        &mut self,
        text: &str,
        kind: TermKind,
        term: TermId,
        share: f32,
        surface: Span,
    ) {
        let t = term as usize;
        if t >= self.slots.len() {
            self.slots.resize(t + 1, NONE);
        }
        let Some(slot) = self.slots.get_mut(t) else {
            return;
        };
        if *slot == NONE {
            *slot = self.accs.len() as u32;
            self.accs.push(Acc {
                term,
                kind,
                count: 0.0,
                surfaces: [Span::default(); MAX_SURFACES],
                filled: 0,
            });
        }
        let Some(acc) = self.accs.get_mut(*slot as usize) else {
            return;
        };
        acc.count += share;
        if acc.filled == MAX_SURFACES || surface.is_empty() {
            return;
        }
        let written = surface.of(text);
        let known = acc.surfaces.get(..acc.filled).unwrap_or_default();
        // Most repetitions are written the same way: try plain equality first.
        let same = |s: &Span| {
            let known = s.of(text);
            known == written || known.eq_ignore_ascii_case(written)
        };
        if !known.iter().any(same)
            && let Some(s) = acc.surfaces.get_mut(acc.filled)
        {
            *s = surface;
            acc.filled += 1;
        }
    }

    /// The terms of the text, sorted by key; leaves the collector empty for the next text.
    pub(crate) fn finish(&mut self, text: &str, keys: &TermKeys) -> Vec<Term> {
        // Sorted by key prefix, a number; zero padding puts a shorter key first, as `str`
        // ordering does. Only keys with equal prefixes need comparing as strings.
        self.order.clear();
        self.order.extend(
            self.accs
                .iter()
                .enumerate()
                .map(|(i, acc)| (keys.prefix(acc.term), i as u32)),
        );
        self.order.sort_unstable();
        let accs = &self.accs;
        let key_of = |i: u32| keys.key(accs.get(i as usize).map_or(0, |acc| acc.term));
        for same_prefix in self.order.chunk_by_mut(|a, b| a.0 == b.0) {
            if same_prefix.len() > 1 {
                same_prefix.sort_unstable_by(|a, b| key_of(a.1).cmp(key_of(b.1)));
            }
        }
        for &(_, i) in &self.order {
            let Some(acc) = self.accs.get(i as usize) else {
                continue;
            };
            if let Some(slot) = self.slots.get_mut(acc.term as usize) {
                *slot = NONE;
            }
            self.terms.push(Term {
                key: keys.key(acc.term).to_owned(),
                weight: dampen(acc.count) * kind_weight(acc.kind),
                kind: acc.kind,
                surface: surface_text(text, &acc.surfaces),
            });
        }
        self.accs.clear();
        // The result is allocated after its strings: glibc malloc serves a large request by
        // first consolidating its small free chunks, which would otherwise slow down the
        // string allocations after it.
        self.terms.drain(..).collect()
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

/// Character grams only bridge spelling variants the cognate rules miss; many per word, so
/// each weighs little.
const GRAM_WEIGHT: f32 = 0.15;

/// What one character gram of a cognate key adds, relative to the key's own occurrence.
pub(crate) const GRAM_SHARE: f32 = GRAM_WEIGHT / COGNATE_WEIGHT;

fn surface_text(text: &str, surfaces: &[Span]) -> String {
    let mut out = String::with_capacity(
        surfaces
            .iter()
            .map(|s| s.end.saturating_sub(s.start) + 2)
            .sum(),
    );
    for s in surfaces.iter().filter(|s| !s.is_empty()) {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(s.of(text));
    }
    out
}
