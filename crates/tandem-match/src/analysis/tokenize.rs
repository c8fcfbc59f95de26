//! Splitting text into words.

/// The words of a text: maximal runs of alphanumeric characters. Everything else separates,
/// hyphens included, so "VR-Trainingssimulationen" gives "VR" and "Trainingssimulationen"
/// (lexicon phrases go through the same function, so "E-Mail" in the lexicon is the phrase
/// "e mail" and still matches).
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

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
