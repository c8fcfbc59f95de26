//! Why a match was proposed. Every score comes with the reasons that drove it, strongest
//! first, so users can judge a recommendation instead of trusting a number.

use serde::Serialize;

/// A term both sides share, labelled in each language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedTerm {
    /// How it reads in English.
    pub en: String,
    /// How it reads in German.
    pub de: String,
}

/// One reason behind a match.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Concepts of the bilingual layer found in both texts (in either language).
    SharedConcepts {
        /// The concepts, strongest first.
        concepts: Vec<SharedTerm>,
    },
    /// Words both texts use (German words translated), strongest first.
    SharedWords {
        /// The words.
        words: Vec<SharedTerm>,
    },
    /// Market or technology keywords both chose.
    SharedKeywords {
        /// Keyword codes (`market:…`, `technology:…`).
        codes: Vec<String>,
    },
    /// NACE activities in common, at the most specific level they agree.
    SameActivity {
        /// The shared code (class, group, division or section).
        code: String,
    },
    /// One offers what the other requests (BO↔BR, TO↔TR, R&D request ↔ research activity).
    Complementary {
        /// This side's profile type key (BO, BR, TO, TR, RDR) or `research` for an organisation.
        this: String,
        /// The other side's.
        other: String,
    },
    /// The candidate is in a country the profile targets.
    TargetCountry {
        /// ISO 3166 alpha-2.
        country: String,
    },
    /// The candidate is in the partner city.
    PartnerCity {
        /// The city's name.
        city: String,
    },
    /// Published recently.
    Recent {
        /// Days since publication.
        days: i64,
    },
    /// Partners both have worked with.
    SharedPartners {
        /// Keys of some of them (PIC or directory id), strongest first; the app names them.
        keys: Vec<String>,
        /// How many in all.
        count: usize,
    },
    /// No shared partner, but the candidate worked with partners of one's partners.
    PartnersOfPartners {
        /// Keys of some of the candidate's partners that one's partners worked with; the app
        /// names them.
        keys: Vec<String>,
        /// How many such partners the candidate has.
        count: usize,
    },
    /// Programme areas both have worked in.
    SharedAreas {
        /// The areas.
        areas: Vec<String>,
    },
}
