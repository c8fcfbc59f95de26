//! NACE Rev. 2 codes (Regulation (EC) No 1893/2006): section letters A–U, divisions `NN`,
//! groups `NN.N`, classes `NN.NN`. The catalogue with EN/DE labels ships in `data/nace/`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically valid NACE Rev. 2 code (section, division, group or class).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NaceCode(String);

/// How a string fails to be a NACE code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a NACE Rev. 2 code; write a section letter (J), division (62), group (62.0) or class (62.01)")]
pub struct InvalidNaceCode(pub String);

impl NaceCode {
    /// Parses `A`, `62`, `62.0` or `62.01` (surrounding spaces ignored, section letter upper-cased).
    pub fn parse(raw: &str) -> Result<Self, InvalidNaceCode> {
        let s = raw.trim();
        let bytes = s.as_bytes();
        let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
        let ok = match bytes.len() {
            1 => bytes[0].is_ascii_alphabetic() && (b'A'..=b'U').contains(&bytes[0].to_ascii_uppercase()),
            2 => digit(0) && digit(1),
            4 => digit(0) && digit(1) && bytes[2] == b'.' && digit(3),
            5 => digit(0) && digit(1) && bytes[2] == b'.' && digit(3) && digit(4),
            _ => false,
        };
        if ok { Ok(Self(s.to_ascii_uppercase())) } else { Err(InvalidNaceCode(raw.to_owned())) }
    }

    /// The code as written in the catalogue.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// 1 = section, 2 = division, 3 = group, 4 = class.
    pub fn level(&self) -> u8 {
        match self.0.len() {
            1 => 1,
            2 => 2,
            4 => 3,
            _ => 4,
        }
    }

    /// The division (`62`) this code falls under; `None` for a section.
    pub fn division(&self) -> Option<&str> {
        (self.0.len() >= 2).then(|| &self.0[..2])
    }
}

impl TryFrom<String> for NaceCode {
    type Error = InvalidNaceCode;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<NaceCode> for String {
    fn from(code: NaceCode) -> Self {
        code.0
    }
}

impl fmt::Display for NaceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One entry of the NACE catalogue with its English and German label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NaceEntry {
    /// The code.
    pub code: NaceCode,
    /// The section letter the code belongs to.
    pub section: char,
    /// English label.
    pub label_en: String,
    /// German label (WZ 2008 wording).
    pub label_de: String,
}

/// The NACE Rev. 2 catalogue: looks codes up and tells which section a code belongs to.
#[derive(Debug, Clone, Default)]
pub struct NaceCatalogue {
    entries: Vec<NaceEntry>,
}

impl NaceCatalogue {
    /// Builds the catalogue from entries sorted or not.
    pub fn new(mut entries: Vec<NaceEntry>) -> Self {
        entries.sort_by(|a, b| a.code.cmp(&b.code));
        Self { entries }
    }

    /// The entry for `code`, if the catalogue has it.
    pub fn get(&self, code: &NaceCode) -> Option<&NaceEntry> {
        self.entries.binary_search_by(|e| e.code.cmp(code)).ok().map(|i| &self.entries[i])
    }

    /// All entries in code order.
    pub fn entries(&self) -> &[NaceEntry] {
        &self.entries
    }

    /// The 21 sections (A–U).
    pub fn sections(&self) -> impl Iterator<Item = &NaceEntry> {
        self.entries.iter().filter(|e| e.code.level() == 1)
    }

    /// Number of codes in the catalogue.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the catalogue holds no codes.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_each_level() {
        for (code, level) in [("J", 1), ("62", 2), ("62.0", 3), ("62.01", 4), (" c ", 1)] {
            assert_eq!(NaceCode::parse(code).map(|c| c.level()), Ok(level), "{code}");
        }
    }

    #[test]
    fn rejects_malformed_codes() {
        for code in ["", "V", "6", "620", "62.", "62.001", "6201", "J62", "62,01"] {
            assert!(NaceCode::parse(code).is_err(), "{code}");
        }
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_round_trips(s in "\\PC{0,8}") {
            if let Ok(code) = NaceCode::parse(&s) {
                prop_assert_eq!(NaceCode::parse(code.as_str()), Ok(code.clone()));
            }
        }

        #[test]
        fn every_class_has_its_division(d in 1u8..=99, c in 0u8..=99) {
            let code = NaceCode::parse(&format!("{d:02}.{c:02}")).expect("valid class");
            prop_assert_eq!(code.division(), Some(&format!("{d:02}")[..]));
        }
    }
}
