//! Weighted term vectors of documents in an inverted index, updated one document at a time.
//!
//! Similarity is the cosine of TF-IDF vectors: `Σ (q·idf)(d·idf) / (|q|·|d|)`, in 0..=1, so
//! scores from different queries and different signals can be combined and explained. A
//! document's norm is computed with the document frequencies of the moment it is inserted; they
//! drift a little as the collection grows and are recomputed whenever the index compacts.
//!
//! Removal is lazy (a dead slot is skipped at query time) because rewriting long posting lists
//! on every profile edit would cost more than the occasional compaction.

use std::hash::Hash;

use foldhash::HashMap;

/// A document's terms: interned term number and weight.
pub type Vector = Vec<(u32, f32)>;

#[derive(Debug, Clone)]
struct Slot<K> {
    key: K,
    vector: Vector,
    norm: f32,
}

/// An inverted index of documents keyed by `K`.
#[derive(Debug, Clone)]
pub struct TermIndex<K> {
    term_ids: HashMap<String, u32>,
    term_keys: Vec<String>,
    /// Per term: the slots that contain it, with the document's weight.
    postings: Vec<Vec<(u32, f32)>>,
    /// Per term: how many live documents contain it.
    df: Vec<u32>,
    slots: Vec<Option<Slot<K>>>,
    slot_of: HashMap<K, u32>,
    dead: usize,
}

impl<K: Clone + Eq + Hash> Default for TermIndex<K> {
    fn default() -> Self {
        TermIndex {
            term_ids: HashMap::default(),
            term_keys: Vec::new(),
            postings: Vec::new(),
            df: Vec::new(),
            slots: Vec::new(),
            slot_of: HashMap::default(),
            dead: 0,
        }
    }
}

/// Terms below this share of the collection are always scored; above it, only in small
/// collections. Very common terms carry almost no weight under IDF but make queries slow.
const COMMON_TERM_SHARE: f32 = 0.25;
const SMALL_COLLECTION: usize = 2_000;
/// Documents sorted per wanted result before the filter is applied.
const HEAD_PER_RESULT: usize = 4;
const MIN_HEAD: usize = 200;

impl<K: Clone + Eq + Hash> TermIndex<K> {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of live documents.
    pub fn len(&self) -> usize {
        self.slot_of.len()
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.slot_of.is_empty()
    }

    /// Whether a document is indexed.
    pub fn contains(&self, key: &K) -> bool {
        self.slot_of.contains_key(key)
    }

    /// The term number of a key, if any document ever used it.
    pub fn term_id(&self, key: &str) -> Option<u32> {
        self.term_ids.get(key).copied()
    }

    /// The key of a term number.
    pub fn term_key(&self, id: u32) -> &str {
        self.term_keys.get(id as usize).map_or("", String::as_str)
    }

    /// Inverse document frequency of a term, `ln(1 + N / df)`; unseen terms count as df 1.
    pub fn idf(&self, term: u32) -> f32 {
        let df = self.df.get(term as usize).copied().unwrap_or(0).max(1) as f32;
        (1.0 + self.len().max(1) as f32 / df).ln()
    }

    fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.term_ids.get(key) {
            return id;
        }
        let id = self.term_keys.len() as u32;
        self.term_ids.insert(key.to_owned(), id);
        self.term_keys.push(key.to_owned());
        self.postings.push(Vec::new());
        self.df.push(0);
        id
    }

    /// Turns weighted term keys into a vector of this index, interning new terms.
    pub fn vector_of<'a>(&mut self, terms: impl IntoIterator<Item = (&'a str, f32)>) -> Vector {
        let vector = terms.into_iter().filter(|t| t.1 > 0.0).map(|(key, w)| (self.intern(key), w)).collect();
        merge_duplicates(vector)
    }

    /// A query vector over known terms only (unknown terms cannot match anything).
    pub fn query_vector<'a>(&self, terms: impl IntoIterator<Item = (&'a str, f32)>) -> Vector {
        let vector =
            terms.into_iter().filter(|t| t.1 > 0.0).filter_map(|(key, w)| Some((self.term_id(key)?, w))).collect();
        merge_duplicates(vector)
    }

    /// The IDF-weighted length of a vector.
    pub fn norm(&self, vector: &[(u32, f32)]) -> f32 {
        vector
            .iter()
            .map(|&(t, w)| {
                let x = w * self.idf(t);
                x * x
            })
            .sum::<f32>()
            .sqrt()
    }

    /// Adds or replaces a document.
    pub fn upsert(&mut self, key: K, vector: Vector) {
        self.remove(&key);
        let slot = self.slots.len() as u32;
        for &(t, w) in &vector {
            self.postings[t as usize].push((slot, w));
            self.df[t as usize] += 1;
        }
        self.slot_of.insert(key.clone(), slot);
        let norm = self.norm(&vector);
        self.slots.push(Some(Slot { key, vector, norm }));
    }

    /// Removes a document (no-op when absent).
    pub fn remove(&mut self, key: &K) {
        let Some(slot) = self.slot_of.remove(key) else { return };
        if let Some(old) = self.slots.get_mut(slot as usize).and_then(Option::take) {
            for &(t, _) in &old.vector {
                self.df[t as usize] = self.df[t as usize].saturating_sub(1);
            }
            self.dead += 1;
        }
        if self.dead > 1_000 && self.dead > self.slot_of.len() {
            self.compact();
        }
    }

    /// Rebuilds postings without dead slots and recomputes every norm with today's IDF.
    pub fn compact(&mut self) {
        let live: Vec<Slot<K>> = self.slots.drain(..).flatten().collect();
        for list in &mut self.postings {
            list.clear();
        }
        self.slot_of.clear();
        self.dead = 0;
        for (slot, doc) in live.iter().enumerate() {
            for &(t, w) in &doc.vector {
                self.postings[t as usize].push((slot as u32, w));
            }
            self.slot_of.insert(doc.key.clone(), slot as u32);
        }
        self.slots = live.into_iter().map(Some).collect();
        for slot in 0..self.slots.len() {
            let norm = self.slots[slot].as_ref().map_or(0.0, |d| self.norm(&d.vector));
            if let Some(doc) = self.slots[slot].as_mut() {
                doc.norm = norm;
            }
        }
    }

    /// The stored vector of a document.
    pub fn vector(&self, key: &K) -> Option<&[(u32, f32)]> {
        let slot = *self.slot_of.get(key)?;
        self.slots.get(slot as usize)?.as_ref().map(|d| d.vector.as_slice())
    }

    /// The documents most similar to a query vector, best first, with cosine similarity;
    /// `accept` filters before a document takes a place in the limit.
    pub fn search(&self, query: &[(u32, f32)], limit: usize, accept: &dyn Fn(&K) -> bool) -> Vec<(K, f32)> {
        let query_norm = self.norm(query);
        if query_norm == 0.0 || limit == 0 || self.is_empty() {
            return Vec::new();
        }
        let collection = self.len();
        let mut scores = vec![0f32; self.slots.len()];
        for &(t, qw) in query {
            let df = self.df[t as usize] as usize;
            if df == 0 || (collection > SMALL_COLLECTION && df as f32 > COMMON_TERM_SHARE * collection as f32) {
                continue;
            }
            let idf = self.idf(t);
            let q = qw * idf * idf;
            for &(slot, dw) in &self.postings[t as usize] {
                scores[slot as usize] += q * dw;
            }
        }
        let mut ranked: Vec<(u32, f32)> = Vec::new();
        for (slot, &raw) in scores.iter().enumerate() {
            if raw <= 0.0 {
                continue;
            }
            let Some(doc) = &self.slots[slot] else { continue };
            if doc.norm > 0.0 {
                ranked.push((slot as u32, raw / (doc.norm * query_norm)));
            }
        }
        // Best first; equal scores in insertion order so results are deterministic.
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        // Sorting every scored document would dominate the query; select a head big enough
        // for the filter to fill the limit, and only sort the rest if it does not.
        let head = (limit * HEAD_PER_RESULT).max(MIN_HEAD);
        if ranked.len() > head {
            ranked.select_nth_unstable_by(head, order);
            let (top, rest) = ranked.split_at_mut(head);
            top.sort_unstable_by(order);
            let out = self.take_accepted(top, limit, accept);
            if out.len() == limit {
                return out;
            }
            rest.sort_unstable_by(order);
            let mut all = top.to_vec();
            all.extend_from_slice(rest);
            return self.take_accepted(&all, limit, accept);
        }
        ranked.sort_unstable_by(order);
        self.take_accepted(&ranked, limit, accept)
    }

    fn take_accepted(&self, ranked: &[(u32, f32)], limit: usize, accept: &dyn Fn(&K) -> bool) -> Vec<(K, f32)> {
        let mut out = Vec::with_capacity(limit.min(ranked.len()));
        for &(slot, score) in ranked {
            let Some(doc) = &self.slots[slot as usize] else { continue };
            if accept(&doc.key) {
                out.push((doc.key.clone(), score.min(1.0)));
                if out.len() == limit {
                    break;
                }
            }
        }
        out
    }

    /// Cosine similarity of two vectors of this index.
    pub fn similarity(&self, a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
        let (na, nb) = (self.norm(a), self.norm(b));
        if na == 0.0 || nb == 0.0 {
            return 0.0;
        }
        (self.contributions(a, b).iter().map(|c| c.1).sum::<f32>() / (na * nb)).min(1.0)
    }

    /// Each shared term's share of the dot product of two vectors, largest first — the raw
    /// material of explanations.
    pub fn contributions(&self, a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let idf = self.idf(a[i].0);
                    out.push((a[i].0, a[i].1 * b[j].1 * idf * idf));
                    i += 1;
                    j += 1;
                }
            }
        }
        out.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out
    }
}

/// Sorts a vector by term and adds up the weights of repeated terms.
fn merge_duplicates(mut vector: Vector) -> Vector {
    vector.sort_unstable_by_key(|&(t, _)| t);
    vector.dedup_by(|next, kept| {
        if next.0 == kept.0 {
            kept.1 += next.1;
            true
        } else {
            false
        }
    });
    vector
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[(&str, &[&str])]) -> TermIndex<String> {
        let mut index = TermIndex::new();
        for (key, terms) in docs {
            let v = index.vector_of(terms.iter().map(|t| (*t, 1.0)));
            index.upsert((*key).to_owned(), v);
        }
        index
    }

    #[test]
    fn the_document_sharing_rare_terms_ranks_first() {
        let idx = index(&[("a", &["x", "common"]), ("b", &["y", "common"]), ("c", &["common", "z"])]);
        let q = idx.query_vector([("y", 1.0), ("common", 1.0)]);
        let hits = idx.search(&q, 3, &|_| true);
        assert_eq!(hits[0].0, "b");
        assert!(hits[0].1 > hits[1].1);
    }

    #[test]
    fn a_removed_document_is_never_found_and_an_upsert_replaces() {
        let mut idx = index(&[("a", &["x"]), ("b", &["x"])]);
        idx.remove(&"a".to_owned());
        let v = idx.vector_of([("y", 1.0)]);
        idx.upsert("b".to_owned(), v);
        let q = idx.query_vector([("x", 1.0)]);
        assert!(idx.search(&q, 5, &|_| true).is_empty());
        assert_eq!(idx.len(), 1);
    }

    #[test]
    fn compaction_keeps_results() {
        let mut idx = index(&[("a", &["x", "y"]), ("b", &["x"]), ("c", &["y"])]);
        idx.remove(&"c".to_owned());
        let q = idx.query_vector([("x", 1.0), ("y", 1.0)]);
        let before = idx.search(&q, 5, &|_| true);
        idx.compact();
        assert_eq!(idx.search(&q, 5, &|_| true), before);
    }

    #[test]
    fn identical_vectors_have_similarity_one() {
        let idx = index(&[("a", &["x", "y"]), ("b", &["z"])]);
        let v = idx.vector(&"a".to_owned()).map(<[_]>::to_vec).unwrap_or_default();
        assert!((idx.similarity(&v, &v) - 1.0).abs() < 1e-5);
    }
}
