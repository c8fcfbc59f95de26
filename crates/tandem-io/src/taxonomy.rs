//! Shipped keyword taxonomies (`data/taxonomies/`, origin and licence in `data/SOURCE.md`).

use csv::ReaderBuilder;
use tandem_core::taxonomy::{Taxonomy, TaxonomyEntry};

/// The market taxonomy as shipped: `code,parent,label_en,label_de`.
pub const MARKETS_CSV: &str = include_str!("../../../data/taxonomies/markets.csv");

/// The technology taxonomy as shipped: `code,parent,label_en,label_de`.
pub const TECHNOLOGIES_CSV: &str = include_str!("../../../data/taxonomies/technologies.csv");

/// Why a taxonomy file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("taxonomy line {line}: {message}")]
pub struct TaxonomyError {
    /// 1-based line in the file.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

/// The market keywords of partnering profiles ("targeted markets", a subset of the Thomson
/// Reuters Business Classification as used by the EU's EIC platform), in English and German.
pub fn markets() -> Taxonomy {
    // The file is part of the binary and checked by tests; failing here is a build defect.
    parse(MARKETS_CSV.as_bytes()).expect("the shipped data/taxonomies/markets.csv is valid")
}

/// The technology keywords of partnering profiles (15 areas such as ICT, medical technology or
/// energy, written for Tandem), in English and German.
pub fn technologies() -> Taxonomy {
    // The file is part of the binary and checked by tests; failing here is a build defect.
    parse(TECHNOLOGIES_CSV.as_bytes()).expect("the shipped data/taxonomies/technologies.csv is valid")
}

/// Parses a two-level taxonomy CSV; every parent must be a top-level entry listed before it.
pub fn parse(bytes: &[u8]) -> Result<Taxonomy, TaxonomyError> {
    let mut reader = ReaderBuilder::new().has_headers(true).from_reader(bytes);
    let mut entries: Vec<TaxonomyEntry> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TaxonomyError { line: e.position().map(|p| p.line()).unwrap_or(0), message: e.to_string() })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let field = |i: usize| record.get(i).map(str::trim).unwrap_or_default().to_owned();
        let (code, parent, label_en, label_de) = (field(0), field(1), field(2), field(3));
        let fail = |message: String| TaxonomyError { line, message };
        if code.is_empty() || label_en.is_empty() || label_de.is_empty() {
            return Err(fail("code, label_en and label_de are required".into()));
        }
        if entries.iter().any(|e| e.code == code) {
            return Err(fail(format!("code {code} appears twice")));
        }
        let parent = (!parent.is_empty()).then_some(parent);
        if let Some(p) = &parent
            && !entries.iter().any(|e| &e.code == p && e.parent.is_none())
        {
            return Err(fail(format!("parent {p} of {code} is not a top-level entry listed above it")));
        }
        entries.push(TaxonomyEntry { code, parent, label_en, label_de });
    }
    Ok(Taxonomy::new(entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markets_have_groups_and_keywords_in_both_languages() {
        let markets = markets();
        assert_eq!(markets.entries().len(), 82);
        assert_eq!(markets.groups().count(), 28);
        let software = markets.get("572010").expect("software");
        assert_eq!(software.label_en, "Software & IT Services");
        assert_eq!(software.label_de, "Software und IT-Dienstleistungen");
        assert_eq!(markets.children("5620").count(), 2);
        assert!(markets.entries().iter().all(|e| !e.label_de.contains("Oel") && !e.label_en.ends_with(' ')));
    }

    #[test]
    fn technologies_have_groups_and_keywords_in_both_languages() {
        let technologies = technologies();
        assert_eq!(technologies.entries().len(), 145);
        assert_eq!(technologies.groups().count(), 15);
        let ai = technologies.get("ict.ai").expect("ai");
        assert_eq!(ai.parent.as_deref(), Some("ict"));
        assert_eq!(ai.label_de, "Künstliche Intelligenz / maschinelles Lernen");
        let additive = technologies.get("manuf.additive").expect("additive manufacturing");
        assert_eq!(additive.label_de, "Additive Fertigung (3D-Druck)");
        assert_eq!(technologies.children("ict").count(), 17);
        for entry in technologies.entries() {
            assert!(entry.code.len() <= 40, "{}", entry.code);
            assert!(entry.code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.'), "{}", entry.code);
            assert!(!entry.label_en.is_empty() && !entry.label_de.is_empty(), "{}", entry.code);
            match &entry.parent {
                None => assert!(!entry.code.contains('.'), "{}", entry.code),
                Some(parent) => {
                    assert!(technologies.get(parent).is_some_and(|p| p.parent.is_none()), "{}", entry.code);
                    assert!(entry.code.starts_with(&format!("{parent}.")), "{}", entry.code);
                }
            }
        }
        let mut codes: Vec<&str> = technologies.entries().iter().map(|e| e.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), technologies.entries().len());
        let translated = technologies.entries().iter().filter(|e| e.label_en != e.label_de).count();
        assert!(translated * 10 >= technologies.entries().len() * 9, "only {translated} labels differ between EN and DE");
    }

    #[test]
    fn malformed_taxonomies_are_refused_with_their_line() {
        let orphan = "code,parent,label_en,label_de\n10,,A,A\n1010,99,B,B\n";
        assert_eq!(parse(orphan.as_bytes()).map(|_| ()).map_err(|e| e.line), Err(3));
        let twice = "code,parent,label_en,label_de\n10,,A,A\n10,,B,B\n";
        assert!(parse(twice.as_bytes()).is_err());
        let unlabelled = "code,parent,label_en,label_de\n10,,A,\n";
        assert!(parse(unlabelled.as_bytes()).is_err());
    }
}
