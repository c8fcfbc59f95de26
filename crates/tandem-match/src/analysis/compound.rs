//! German compound splitting after Koehn & Knight (2003), "Empirical methods for compound
//! splitting": an unknown word is split into two or three known words, with optional linking
//! elements between them, choosing the split whose parts are best known.

use foldhash::HashMap;

use super::Language;
use super::stem;

/// Linking elements (Fugenelemente) that may join the parts: Training·s·simulation,
/// Sonne·n·energie, Hühn·er·farm.
const LINKS: &[&str] = &["", "s", "es", "n", "en", "e", "er"];

/// Parts shorter than this are not words of their own often enough to be trusted ("ion",
/// "tor" would split half the vocabulary).
const MIN_PART: usize = 4;

/// Words shorter than two minimal parts cannot be compounds.
pub(crate) const MIN_WORD: usize = 2 * MIN_PART;

/// Known German words for splitting: folded surface forms and stem keys, each with a count of
/// how often the vocabulary mentions it (Koehn & Knight's frequency, from a lexicon instead of
/// a corpus).
#[derive(Debug, Clone, Default)]
pub(crate) struct Vocabulary {
    /// Folded lower-case surface forms, for the non-final parts: those appear uninflected.
    surface: HashMap<String, u32>,
    /// Stem keys, for the final part, which carries the whole word's inflection.
    stems: HashMap<String, u32>,
}

impl Vocabulary {
    /// Adds a lower-cased German word.
    pub(crate) fn add(&mut self, lower: &str) {
        let folded = stem::fold(lower);
        if folded.len() < MIN_PART || !folded.is_ascii() {
            return;
        }
        *self
            .stems
            .entry(stem::key(Language::De, &folded))
            .or_insert(0) += 1;
        *self.surface.entry(folded).or_insert(0) += 1;
    }

    /// Adds every word of another vocabulary.
    pub(crate) fn extend(&mut self, other: &Vocabulary) {
        for (w, n) in &other.surface {
            *self.surface.entry(w.clone()).or_insert(0) += n;
        }
        for (w, n) in &other.stems {
            *self.stems.entry(w.clone()).or_insert(0) += n;
        }
    }

    /// Whether a stem key is known.
    pub(crate) fn knows_key(&self, key: &str) -> bool {
        self.stems.contains_key(key)
    }

    fn inner_score(&self, part: &str) -> Option<f32> {
        let n = self.surface.get(part).or_else(|| self.stems.get(part))?;
        Some(score(part, *n))
    }

    fn final_score(&self, part: &str) -> Option<f32> {
        if let Some(n) = self.surface.get(part) {
            return Some(score(part, *n));
        }
        let n = self.stems.get(&stem::key(Language::De, part))?;
        Some(score(part, *n))
    }

    /// Splits a lower-cased German word into 2–3 known parts (folded, lower-case surface
    /// forms, linking elements dropped); `None` when no split is made of known words.
    pub(crate) fn split(&self, lower: &str) -> Option<Vec<String>> {
        let word = stem::fold(lower);
        if word.len() < MIN_WORD || !word.is_ascii() {
            return None;
        }
        let mut best: Option<(f32, Vec<&str>)> = None;
        for i in MIN_PART..=word.len() - MIN_PART {
            let (head, tail) = word.split_at(i);
            let Some(head_score) = self.inner_score(head) else {
                continue;
            };
            for link in LINKS {
                let Some(rest) = tail.strip_prefix(link) else {
                    continue;
                };
                if rest.len() < MIN_PART {
                    continue;
                }
                // Two parts.
                if let Some(s) = self.final_score(rest) {
                    consider(&mut best, (head_score * s).sqrt(), vec![head, rest]);
                }
                // Three parts, only if no two-part split is known (fewer parts is the
                // stronger prior); the geometric mean keeps them comparable anyway.
                if best.is_none()
                    && let Some((s, parts)) = self.split_two(rest)
                {
                    let geo = (head_score * s * s).cbrt();
                    consider(&mut best, geo * 0.9, [vec![head], parts].concat());
                }
            }
        }
        best.map(|(_, parts)| parts.into_iter().map(str::to_owned).collect())
    }

    /// Best two-part split of the rest of a word, with the geometric mean of its part scores.
    fn split_two<'a>(&self, word: &'a str) -> Option<(f32, Vec<&'a str>)> {
        let mut best: Option<(f32, Vec<&str>)> = None;
        if word.len() < MIN_WORD {
            return None;
        }
        for i in MIN_PART..=word.len() - MIN_PART {
            let (head, tail) = word.split_at(i);
            let Some(head_score) = self.inner_score(head) else {
                continue;
            };
            for link in LINKS {
                let Some(rest) = tail.strip_prefix(link) else {
                    continue;
                };
                if rest.len() < MIN_PART {
                    continue;
                }
                if let Some(s) = self.final_score(rest) {
                    consider(&mut best, (head_score * s).sqrt(), vec![head, rest]);
                }
            }
        }
        best
    }
}

/// How well a part is known: its count, and its length, since long parts are less likely to
/// be accidental substrings ("Abteil·ung" vs "Abteilung").
fn score(part: &str, count: u32) -> f32 {
    (1.0 + count as f32).ln().max(0.5) * part.len() as f32
}

fn consider<'a>(best: &mut Option<(f32, Vec<&'a str>)>, score: f32, parts: Vec<&'a str>) {
    if best.as_ref().is_none_or(|(s, _)| score > *s) {
        *best = Some((score, parts));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_linking_element() {
        let mut v = Vocabulary::default();
        for w in [
            "training",
            "simulation",
            "medizin",
            "technik",
            "sonne",
            "energie",
        ] {
            v.add(w);
        }
        assert_eq!(
            v.split("trainingssimulationen"),
            Some(vec!["training".into(), "simulationen".into()])
        );
        assert_eq!(
            v.split("medizintechnik"),
            Some(vec!["medizin".into(), "technik".into()])
        );
        assert_eq!(
            v.split("sonnenenergie"),
            Some(vec!["sonne".into(), "energie".into()])
        );
        assert_eq!(v.split("haus"), None);
    }
}
