//! Recommendations from the matching engine (`tandem-match`): matching profiles on a profile,
//! potential partners on an organisation, SMEs that fit a programme, cross-lingual search, and
//! the users' thumbs up/down on them.
//!
//! The types below are the contract between the app, the web pages and the CLI.
//!
//! - `lexicon` builds the bilingual lexicon from shipped data (and the operator's dictionary);
//! - `documents` turns records into the engine's documents;
//! - `service` holds each server's engine and keeps it current through the change log;
//! - `recommend` and `feedback` are the use cases.

pub(crate) mod documents;
pub mod lexicon;
mod recommend;
mod feedback;
pub(crate) mod service;

pub use feedback::record_feedback;
pub use recommend::{
    matching_profiles, potential_partners, recommend_partners_by_key, research_partners, search_profile_keys, search_profiles,
    smes_for_programme, KeyedMatch, MAX_LIMIT,
};

use crate::{App, AppResult};
use serde::Serialize;
use tandem_core::directory::OrgKind;
use tandem_core::partnering::ProfileType;
use tandem_core::{OrgId, ProfileId, ProgrammeId};

pub use tandem_match::explain::{Reason, SharedTerm};

/// A recommended profile, anonymised for whoever asks.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendedProfile {
    /// The profile.
    pub id: ProfileId,
    /// Its external id (the CLI and API name profiles by it).
    pub external_id: Option<String>,
    /// Title.
    pub title: String,
    /// Type.
    pub profile_type: ProfileType,
    /// The owner's name, only when the actor may know who it is.
    pub owner_name: Option<String>,
    /// The owner's city name.
    pub city: String,
    /// The owner's country (ISO 3166 alpha-2).
    pub country: String,
    /// Score in 0..=1.
    pub score: f32,
    /// Why, strongest first; `SharedPartners` carries display names in `keys`.
    pub reasons: Vec<Reason>,
    /// The actor's thumbs up (true) or down (false), if given.
    pub vote: Option<bool>,
}

/// A recommended organisation: from the directory, or known only from research projects.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendedOrganisation {
    /// The directory organisation, if it is one.
    pub id: Option<OrgId>,
    /// Its key: PIC, external id or directory id.
    pub key: String,
    /// Name.
    pub name: String,
    /// Kind, for directory organisations.
    pub kind: Option<OrgKind>,
    /// City name, when known.
    pub city: Option<String>,
    /// Country (ISO 3166 alpha-2), when known.
    pub country: Option<String>,
    /// Score in 0..=1.
    pub score: f32,
    /// Why, strongest first; `SharedPartners` carries display names in `keys`.
    pub reasons: Vec<Reason>,
    /// The actor's thumbs up (true) or down (false), if given.
    pub vote: Option<bool>,
}

/// Potential partners of an organisation in its partner city.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerSuggestions {
    /// The partner city's name (None when the organisation's city is not twinned).
    pub partner_city: Option<String>,
    /// Best first.
    pub items: Vec<RecommendedOrganisation>,
}

/// What a piece of feedback is about: the page the recommendation was shown on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FeedbackSubject {
    /// Matching profiles of a profile.
    Profile(ProfileId),
    /// Potential partners of an organisation.
    Organisation(OrgId),
    /// SMEs that fit a programme.
    Programme(ProgrammeId),
}

/// What was recommended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum FeedbackTarget {
    /// A profile.
    Profile(ProfileId),
    /// A directory organisation.
    Organisation(OrgId),
    /// An organisation known by key only (PIC).
    External(String),
}


/// Brings this server's matching engine up to date with every committed change (building it on
/// first use) and returns the id of the last change applied. Recommendations do this
/// themselves; a server may call it after startup to warm the engine up.
pub async fn catch_up(app: &App) -> AppResult<i64> {
    Ok(app.matching().current(app).await?.applied_up_to())
}
