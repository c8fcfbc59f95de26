//! The bilingual lexicon the matching engine analyses text with: the curated EN↔DE domain
//! lexicon shipped with `tandem-match`, every NACE label and every market and technology keyword
//! in both languages as concepts, and optionally the operator's larger dictionary file.

use crate::{AppError, AppResult, Keywords};
use std::path::Path;
use tandem_core::nace::NaceCatalogue;
use tandem_core::taxonomy::Taxonomy;
use tandem_match::Lexicon;

/// Concept id prefix of a NACE code (`nace:26.51`).
pub const NACE_CONCEPT: &str = "nace:";

/// The lexicon built from shipped data only.
pub fn shipped(nace: &NaceCatalogue, keywords: &Keywords) -> Lexicon {
    let mut lexicon = Lexicon::curated();
    // Divisions, groups and classes: sections ("Manufacturing") are too broad to say anything.
    for entry in nace.entries().iter().filter(|e| e.code.level() >= 2) {
        let id = format!("{NACE_CONCEPT}{}", entry.code.as_str());
        lexicon.add_concept(&id, &entry.label_en, &entry.label_de, &[], &[]);
    }
    add_taxonomy(&mut lexicon, "market", &keywords.markets);
    add_taxonomy(&mut lexicon, "technology", &keywords.technologies);
    lexicon
}

/// Keywords (not their groups: a group label like "Other" is no concept) as `<prefix>:<code>`.
fn add_taxonomy(lexicon: &mut Lexicon, prefix: &str, taxonomy: &Taxonomy) {
    for entry in taxonomy.entries().iter().filter(|e| e.parent.is_some()) {
        lexicon.add_concept(&format!("{prefix}:{}", entry.code), &entry.label_en, &entry.label_de, &[], &[]);
    }
}

/// The shipped lexicon plus the operator's dictionary file (Ding/FreeDict text format, or
/// tab-separated `de<TAB>en`). A file that cannot be read or has a malformed line is refused
/// with its name, the line and how to fix it, so a server never starts with half a dictionary.
pub fn with_dictionary_file(nace: &NaceCatalogue, keywords: &Keywords, path: &Path) -> AppResult<(Lexicon, usize)> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        AppError::invalid(
            "lexicon",
            "unreadable",
            format!("cannot read the lexicon file {} (--lexicon / TANDEM_LEXICON): {e}", path.display()),
        )
    })?;
    let mut lexicon = shipped(nace, keywords);
    let added = lexicon.add_dictionary(&text).map_err(|e| {
        // The error reads "line N: what is wrong".
        AppError::invalid(
            "lexicon",
            "malformed",
            format!(
                "lexicon file {}, {e}. Write each entry as `Deutsch :: English` (Ding/FreeDict \
                 text format, alternatives separated by `|` or `;`) or as `deutsch<TAB>english`, or delete the line",
                path.display()
            ),
        )
    })?;
    Ok((lexicon, added))
}
