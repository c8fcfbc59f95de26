//! The NACE Rev. 2 catalogue with English and German (WZ 2008) labels, parsed from the CSV that
//! ships in `data/nace/` (provenance and licence: `data/SOURCE.md`).
//!
//! The file is embedded at compile time so the binary needs no data directory at run time and the
//! catalogue cannot drift from the code that was tested against it.

use serde::Deserialize;
use tandem_core::nace::{NaceCatalogue, NaceCode, NaceEntry};

/// The shipped catalogue file, byte for byte.
pub const NACE_CSV: &str = include_str!("../../../data/nace/nace_rev2_en_de.csv");

/// Why a NACE catalogue file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum NaceDataError {
    /// The CSV itself is malformed (quoting, encoding, missing columns).
    #[error("NACE catalogue line {line}: {message}")]
    Csv {
        /// Physical line of the record (1 = header).
        line: u64,
        /// What the CSV reader reported.
        message: String,
    },
    /// A row holds something that is not a NACE code or a section letter.
    #[error("NACE catalogue line {line}: {message}")]
    Row {
        /// Physical line of the record (1 = header).
        line: u64,
        /// What is wrong with the row.
        message: String,
    },
}

/// The columns Tandem reads; the notes columns (includes/excludes) are left for the matcher.
#[derive(Debug, Deserialize)]
struct Row {
    code: String,
    level: u8,
    section: String,
    label_en: String,
    label_de: String,
}

/// The shipped NACE Rev. 2 catalogue (996 codes: 21 sections down to 615 classes).
pub fn catalogue() -> NaceCatalogue {
    // The embedded file is a compile-time constant covered by the tests below, so a failure here is
    // a packaging bug, not bad user input.
    parse_catalogue(NACE_CSV.as_bytes()).expect("the shipped data/nace/nace_rev2_en_de.csv is valid")
}

/// Parses a catalogue in the shipped column layout (`code,level,parent,section,label_en,label_de,…`).
pub fn parse_catalogue(csv_bytes: &[u8]) -> Result<NaceCatalogue, NaceDataError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(csv_bytes);
    let csv_error = |e: csv::Error| NaceDataError::Csv {
        line: e.position().map_or(0, csv::Position::line),
        message: e.to_string(),
    };
    let headers = reader.headers().map_err(csv_error)?.clone();
    let mut record = csv::StringRecord::new();
    let mut entries = Vec::new();
    while reader.read_record(&mut record).map_err(csv_error)? {
        let line = record.position().map_or(0, csv::Position::line);
        let row: Row = record.deserialize(Some(&headers)).map_err(|e| NaceDataError::Csv { line, message: e.to_string() })?;
        entries.push(entry_from_row(row).map_err(|message| NaceDataError::Row { line, message })?);
    }
    Ok(NaceCatalogue::new(entries))
}

fn entry_from_row(row: Row) -> Result<NaceEntry, String> {
    let code = NaceCode::parse(&row.code).map_err(|e| e.to_string())?;
    if code.level() != row.level {
        return Err(format!("code {} is level {}, the file says {}", code, code.level(), row.level));
    }
    let section = match row.section.trim().chars().collect::<Vec<_>>()[..] {
        [c] if c.is_ascii_uppercase() => c,
        _ => return Err(format!("code {code} has section '{}', expected one letter A–U", row.section)),
    };
    let (label_en, label_de) = if code.level() == 1 {
        // Section titles are upper case in the source; shown next to class labels in lists they
        // would shout, so they get the sentence case the official publications use.
        (sentence_case_en(&row.label_en), sentence_case_de(&row.label_de))
    } else {
        (row.label_en.trim().to_owned(), row.label_de.trim().to_owned())
    };
    Ok(NaceEntry { code, section, label_en, label_de })
}

/// English sentence case: the first letter upper, the rest lower (section titles hold no acronyms).
fn sentence_case_en(upper: &str) -> String {
    // The Eurostat export misspells section T's title ("U0NDIFFERENTIATED"); correct it rather than
    // show the typo to users.
    let lower = upper.trim().to_lowercase().replace("u0ndifferentiated", "undifferentiated");
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words that stay lower case in German section titles: function words, and the adjectives that
/// occur in the 21 WZ 2008 titles (German capitalises nouns only, which no rule can detect).
const DE_LOWER: &[&str] = &[
    "und",
    "mit",
    "von",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "für",
    "ohne",
    "in",
    "durch",
    "freiberuflichen",
    "wissenschaftlichen",
    "technischen",
    "sonstigen",
    "wirtschaftlichen",
    "private",
    "ausgeprägten",
];

/// German title case for an all-caps title: each word capitalised except `DE_LOWER` (after the first).
fn sentence_case_de(upper: &str) -> String {
    let mut out = String::with_capacity(upper.len());
    let mut word = String::new();
    let mut first_word = true;
    let mut flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        if !first_word && DE_LOWER.contains(&lower.as_str()) {
            out.push_str(&lower);
        } else {
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.extend(chars);
            }
        }
        first_word = false;
        word.clear();
    };
    for c in upper.trim().chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalogue_is_complete() {
        let catalogue = catalogue();
        assert_eq!(catalogue.len(), 996);
        assert_eq!(catalogue.sections().count(), 21);
        let levels = |l| catalogue.entries().iter().filter(|e| e.code.level() == l).count();
        assert_eq!((levels(2), levels(3), levels(4)), (88, 272, 615));
    }

    #[test]
    fn classes_carry_both_labels_and_their_section() {
        let catalogue = catalogue();
        let entry = catalogue.get(&NaceCode::parse("62.01").expect("valid")).expect("62.01 is in the catalogue");
        assert!(entry.label_en.contains("Computer programming"), "{}", entry.label_en);
        assert!(entry.label_de.contains("Programmierungstätigkeiten"), "{}", entry.label_de);
        assert_eq!(entry.section, 'J');
    }

    #[test]
    fn section_titles_are_in_sentence_case() {
        let catalogue = catalogue();
        let label = |code: &str| {
            let e = catalogue.get(&NaceCode::parse(code).expect("valid")).expect("present");
            (e.label_en.clone(), e.label_de.clone())
        };
        assert_eq!(
            label("A"),
            ("Agriculture, forestry and fishing".into(), "Land- und Forstwirtschaft, Fischerei".into())
        );
        assert_eq!(label("C").1, "Verarbeitendes Gewerbe/Herstellung von Waren");
        assert_eq!(label("M").1, "Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen");
        assert_eq!(label("O").1, "Öffentliche Verwaltung, Verteidigung; Sozialversicherung");
        let (t_en, t_de) = label("T");
        assert!(t_en.contains("; undifferentiated goods- and services-producing"), "{t_en}");
        assert!(t_de.starts_with("Private Haushalte mit Hauspersonal; Herstellung von Waren"), "{t_de}");
        assert!(t_de.contains("durch private Haushalte für den Eigenbedarf ohne ausgeprägten Schwerpunkt"), "{t_de}");
        for section in catalogue.sections() {
            assert_ne!(section.label_en, section.label_en.to_uppercase(), "{}", section.code);
            assert_ne!(section.label_de, section.label_de.to_uppercase(), "{}", section.code);
        }
    }

    #[test]
    fn a_bad_row_is_reported() {
        let csv = "code,level,parent,section,label_en,label_de\n62.001,4,62.0,J,x,y\n";
        let err = parse_catalogue(csv.as_bytes()).expect_err("bad code");
        assert!(err.to_string().contains("line 2") && err.to_string().contains("62.001"), "{err}");
    }
}
