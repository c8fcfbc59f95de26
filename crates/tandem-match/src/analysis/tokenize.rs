//! Splitting text into words.

/// The words of a text: maximal runs of alphanumeric characters. Everything else separates,
/// hyphens included, so "VR-Trainingssimulationen" gives "VR" and "Trainingssimulationen"
/// (lexicon phrases go through the same function, so "E-Mail" in the lexicon is the phrase
/// "e mail" and still matches).
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator of [`words`]. Scans bytes and decodes a character only for non-ASCII bytes: most
/// text is ASCII, and `str::split` with a `char` predicate decodes every character.
pub(crate) struct Words<'t> {
    text: &'t str,
    /// Byte offset where the next search starts (always on a character boundary).
    at: usize,
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let start = self.run_end(self.at, false);
        let end = self.run_end(start, true);
        self.at = end;
        (start < end).then(|| self.text.get(start..end)).flatten()
    }
}

impl Words<'_> {
    /// The first offset from `at` whose character is not (`in_word`) or is (`!in_word`)
    /// alphanumeric, or the end of the text.
    fn run_end(&self, mut at: usize, in_word: bool) -> usize {
        let bytes = self.text.as_bytes();
        let same = if in_word { ALPHANUMERIC } else { SEPARATOR };
        loop {
            let rest = bytes.get(at..).unwrap_or_default();
            at += rest
                .iter()
                .position(|&b| CLASS[usize::from(b)] != same)
                .unwrap_or(rest.len());
            let Some(&b) = bytes.get(at) else {
                return bytes.len();
            };
            if b.is_ascii() {
                return at;
            }
            let Some(c) = self.text.get(at..).and_then(|rest| rest.chars().next()) else {
                return bytes.len();
            };
            if c.is_alphanumeric() != in_word {
                return at;
            }
            at += c.len_utf8();
        }
    }
}

/// Byte classes for [`Words`]: ASCII separators and alphanumerics, and bytes of non-ASCII
/// characters, which need decoding to tell.
const SEPARATOR: u8 = 0;
const ALPHANUMERIC: u8 = 1;
const NON_ASCII: u8 = 2;

static CLASS: [u8; 256] = {
    let mut class = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = if (b as u8).is_ascii_alphanumeric() {
            ALPHANUMERIC
        } else {
            SEPARATOR
        };
        b += 1;
    }
    class
};

/// Lower-cases `word` into `out` (reusing its allocation).
pub(crate) fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Whether a word can become a term: it needs a letter ("2024" or "4.0" say nothing across
/// languages) and two characters ("a", "s" of "company's").
pub(crate) fn is_content_word(lower: &str) -> bool {
    lower.chars().nth(1).is_some() && lower.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_alphanumeric_runs() {
        for text in [
            "",
            "   ",
            "VR-Trainingssimulationen für die Medizintechnik",
            "  Größe, grösse; 4.0 -- ẞ e\u{2011}mail ",
            "company's İstanbul ΣΊΣΥΦΟΣ ﬁnance 中文字 ٣٤ x",
            "ende.",
        ] {
            let expected: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }
}
