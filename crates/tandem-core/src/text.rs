//! Text normalisation for sorting and searching: lower case, accents folded, so that "Müller",
//! "MULLER" and "muller" meet, and German "ß" matches "ss".

/// Lower-cased, accent-folded, whitespace-collapsed form of `s`.
pub fn fold(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_lowercase();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The search words of a query: folded, split on anything not alphanumeric, short noise dropped.
pub fn search_terms(query: &str) -> Vec<String> {
    fold(query)
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .map(|t| t.trim_matches('.'))
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn umlauts_and_case_fold_together() {
        assert_eq!(fold("  Müller   GmbH "), "muller gmbh");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(search_terms("BioCity, Leipzig!"), vec!["biocity", "leipzig"]);
        assert_eq!(search_terms("NACE 62.01"), vec!["nace", "62.01"]);
    }

    proptest! {
        #[test]
        fn terms_are_folded_and_non_empty(q in "\\PC{0,80}") {
            for t in search_terms(&q) {
                prop_assert!(!t.is_empty());
                prop_assert_eq!(fold(&t), t.clone());
            }
        }
    }
}
