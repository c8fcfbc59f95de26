//! Keyword taxonomies with English and German labels (market keywords of partnering profiles;
//! technology keywords follow). Two levels: groups and the keywords under them.

use serde::Serialize;

/// One keyword or group of a taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TaxonomyEntry {
    /// Stable code (as in the source taxonomy).
    pub code: String,
    /// The group's code; `None` for a top-level group.
    pub parent: Option<String>,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
}

/// A taxonomy: looks keywords up by code and lists groups and their members.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    entries: Vec<TaxonomyEntry>,
}

impl Taxonomy {
    /// Builds a taxonomy from its entries (kept in the given order, which is display order).
    pub fn new(entries: Vec<TaxonomyEntry>) -> Self {
        Self { entries }
    }

    /// The entry with `code`.
    pub fn get(&self, code: &str) -> Option<&TaxonomyEntry> {
        self.entries.iter().find(|e| e.code == code)
    }

    /// Top-level groups, in display order.
    pub fn groups(&self) -> impl Iterator<Item = &TaxonomyEntry> {
        self.entries.iter().filter(|e| e.parent.is_none())
    }

    /// The keywords of group `code`, in display order.
    pub fn children<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a TaxonomyEntry> + 'a {
        self.entries.iter().filter(move |e| e.parent.as_deref() == Some(code))
    }

    /// Every entry.
    pub fn entries(&self) -> &[TaxonomyEntry] {
        &self.entries
    }
}
