//! Snowball stemming and the folding that turns stems into lookup keys.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::Language;

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
static GERMAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::German));

/// The lookup key of a lower-cased word: its Snowball stem, folded to ASCII. Lexicon entries
/// and text both go through here, so "Größe", "grösse" and "Grosse" meet.
/// Costs about half a microsecond; the analyzer remembers keys per word
/// ([`super::words`]).
pub(crate) fn key(language: Language, lower: &str) -> String {
    let stemmer = match language {
        Language::En => &*ENGLISH,
        Language::De => &*GERMAN,
    };
    fold(&stemmer.stem(lower))
}

/// Folds a lower-cased word to ASCII: ä→a, ö→o, ü→u, ß→ss (the German stemmer already drops
/// umlauts in stems; this covers unstemmed forms and other accents such as "é").
pub(crate) fn fold(lower: &str) -> String {
    if lower.is_ascii() {
        return lower.to_owned();
    }
    let mut out = String::with_capacity(lower.len() + 2);
    for c in lower.chars() {
        match c {
            'ä' => out.push('a'),
            'ö' => out.push('o'),
            'ü' => out.push('u'),
            'ß' => out.push_str("ss"),
            c if c.is_ascii() => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                out.push_str(&deunicode::deunicode(c.encode_utf8(&mut buf)).to_lowercase());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlaut_spellings_share_a_key() {
        assert_eq!(key(Language::De, "größe"), key(Language::De, "grösse"));
        assert_eq!(
            key(Language::De, "technologien"),
            key(Language::De, "technologie")
        );
        assert_eq!(
            key(Language::En, "manufacturing"),
            key(Language::En, "manufacture")
        );
    }
}
