//! Cognate keys: a spelling normalisation under which German and English words of Latin or
//! Greek origin meet ("Elektrizität" and "electricity" both give `electriciti`). They stand in
//! for words the lexicon cannot translate, so unknown technical vocabulary still matches.

use super::Language;
use super::stem::fold;

/// German endings (folded, longest first within a family) and their shared form.
const GERMAN_ENDINGS: &[(&str, &str)] = &[
    ("itaeten", "ity"),
    ("itaten", "ity"),
    ("itaet", "ity"),
    ("itat", "ity"),
    ("ologien", "ology"),
    ("ologie", "ology"),
    ("isierungen", "isation"),
    ("isierung", "isation"),
    ("ationen", "ation"),
    ("ionen", "ion"),
    ("isieren", "ise"),
    ("isiert", "ise"),
    ("isierte", "ise"),
    ("isierten", "ise"),
    ("ierenden", ""),
    ("ierende", ""),
    ("ieren", ""),
    ("ierten", ""),
    ("ierter", ""),
    ("iertes", ""),
    ("ierte", ""),
    ("iert", ""),
    ("ischen", "ic"),
    ("ischer", "ic"),
    ("isches", "ic"),
    ("ischem", "ic"),
    ("ische", "ic"),
    ("isch", "ic"),
    ("iken", "ic"),
    ("ik", "ic"),
    ("ellen", "al"),
    ("eller", "al"),
    ("elles", "al"),
    ("ellem", "al"),
    ("elle", "al"),
    ("ell", "al"),
    ("alen", "al"),
    ("aler", "al"),
    ("ales", "al"),
    ("alem", "al"),
    ("ale", "al"),
    ("iven", "ive"),
    ("iver", "ive"),
    ("ives", "ive"),
    ("ivem", "ive"),
    ("ive", "ive"),
    ("iv", "ive"),
    ("uren", "ure"),
    ("ur", "ure"),
    ("enzen", "enc"),
    ("enz", "enc"),
    ("anzen", "anc"),
    ("anz", "anc"),
    ("ismus", "ism"),
    ("isten", "ist"),
    ("oren", "or"),
    ("erien", "ery"),
    ("erie", "ery"),
    ("ien", "y"),
    ("ie", "y"),
    ("enten", "ent"),
    ("ente", "ent"),
    ("inen", "ine"),
    ("grammen", "gram"),
    ("gramme", "gram"),
    ("gramm", "gram"),
    ("en", ""),
    ("e", ""),
];

/// English endings and their shared form.
const ENGLISH_ENDINGS: &[(&str, &str)] = &[
    ("ities", "ity"),
    ("ologies", "ology"),
    ("izations", "isation"),
    ("ization", "isation"),
    ("isations", "isation"),
    ("ations", "ation"),
    ("ions", "ion"),
    ("izing", "ise"),
    ("ising", "ise"),
    ("ized", "ise"),
    ("ised", "ise"),
    ("izes", "ise"),
    ("ises", "ise"),
    ("ize", "ise"),
    ("ically", "ic"),
    ("ical", "ic"),
    ("ics", "ic"),
    ("ally", "al"),
    ("als", "al"),
    ("ives", "ive"),
    ("ures", "ure"),
    ("ences", "enc"),
    ("encies", "enc"),
    ("ence", "enc"),
    ("ency", "enc"),
    ("ances", "anc"),
    ("ancies", "anc"),
    ("ance", "anc"),
    ("ancy", "anc"),
    ("isms", "ism"),
    ("ists", "ist"),
    ("ors", "or"),
    ("eries", "ery"),
    ("ies", "y"),
    ("ates", ""),
    ("ated", ""),
    ("ating", ""),
    ("ate", ""),
    ("ines", "ine"),
    ("ents", "ent"),
    ("grammes", "gram"),
    ("gramme", "gram"),
    ("grams", "gram"),
    ("ings", ""),
    ("ing", ""),
    ("es", ""),
    ("ed", ""),
    ("e", ""),
];

/// Shortest stem an ending may leave, so "Rind" or "bed" keep their letters.
const MIN_STEM: usize = 3;

/// The cognate key of a lower-cased word, or `None` when too little is left to compare.
pub(crate) fn key(language: Language, lower: &str) -> Option<String> {
    let folded = fold(lower);
    if !folded.is_ascii() || folded.len() < 3 {
        return None;
    }
    let endings = match language {
        Language::De => GERMAN_ENDINGS,
        Language::En => ENGLISH_ENDINGS,
    };
    let mut word = replace_ending(&folded, endings);
    if language == Language::En && word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        word.pop();
    }
    let key = normalise(&word);
    (key.len() >= 3).then_some(key)
}

fn replace_ending(word: &str, endings: &[(&str, &str)]) -> String {
    for (ending, replacement) in endings {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.len() >= MIN_STEM
        {
            let mut out = String::with_capacity(stem.len() + replacement.len());
            out.push_str(stem);
            out.push_str(replacement);
            return out;
        }
    }
    word.to_owned()
}

/// Spelling differences between the two languages that do not depend on the ending:
/// sch/sh, ph/f, th/t, ck/k, k/c, z/c, y/i, double letters, final e.
fn normalise(word: &str) -> String {
    let bytes = word.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let (c, skip) = if rest.starts_with(b"sch") {
            (b's', 3)
        } else if rest.starts_with(b"ph") {
            (b'f', 2)
        } else if rest.starts_with(b"th") {
            (b't', 2)
        } else if rest.starts_with(b"ck") {
            (b'c', 2)
        } else {
            let c = match rest[0] {
                b'k' | b'z' => b'c',
                b'y' => b'i',
                c => c,
            };
            (c, 1)
        };
        if out.last() != Some(&c) {
            out.push(c);
        }
        i += skip;
    }
    if out.len() > 3 && out.last() == Some(&b'e') {
        out.pop();
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de(w: &str) -> Option<String> {
        key(Language::De, w)
    }
    fn en(w: &str) -> Option<String> {
        key(Language::En, w)
    }

    #[test]
    fn latin_and_greek_words_meet() {
        let mut bad = Vec::new();
        for (g, e) in [
            ("technologie", "technology"),
            ("technologien", "technologies"),
            ("produktion", "production"),
            ("elektrizität", "electricity"),
            ("mechanik", "mechanics"),
            ("logistik", "logistics"),
            ("kapazität", "capacity"),
            ("software", "software"),
            ("prozesse", "processes"),
            ("industrie", "industry"),
            ("chemische", "chemical"),
            ("virtuelle", "virtual"),
            ("innovative", "innovative"),
            ("architektur", "architecture"),
            ("kommunizieren", "communicate"),
            ("produkte", "products"),
            ("qualität", "quality"),
            ("elektronik", "electronics"),
            ("komponenten", "components"),
            ("frequenz", "frequency"),
        ] {
            if de(g) != en(e) {
                bad.push(format!("{g} {:?} / {e} {:?}", de(g), en(e)));
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
