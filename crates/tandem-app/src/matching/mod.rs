//! Recommendations from the matching engine (`tandem-match`): matching profiles on a profile,
//! potential partners on an organisation, SMEs that fit a programme, cross-lingual search, and
//! the users' thumbs up/down on them.
//!
//! SKELETON: the types and signatures below are the contract between the app, the web pages and
//! the CLI; bodies are being written.

use crate::{App, AppResult};
use serde::Serialize;
use tandem_core::directory::OrgKind;
use tandem_core::partnering::ProfileType;
use tandem_core::policy::Actor;
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

/// Published profiles of other organisations matching a profile the actor may see.
pub async fn matching_profiles(app: &App, actor: &Actor, profile: ProfileId, limit: usize) -> AppResult<Vec<RecommendedProfile>> {
    let _ = (app, actor, profile, limit);
    Ok(Vec::new())
}

/// Organisations that do research on what a profile is about (shown on R&D requests).
pub async fn research_partners(app: &App, actor: &Actor, profile: ProfileId, limit: usize) -> AppResult<Vec<RecommendedOrganisation>> {
    let _ = (app, actor, profile, limit);
    Ok(Vec::new())
}

/// New partners for an organisation in its partner city, excluding existing partners.
pub async fn potential_partners(app: &App, actor: &Actor, org: OrgId, limit: usize) -> AppResult<PartnerSuggestions> {
    let _ = (app, actor, org, limit);
    Ok(PartnerSuggestions { partner_city: None, items: Vec::new() })
}

/// SMEs and start-ups that fit a programme the actor may see.
pub async fn smes_for_programme(app: &App, actor: &Actor, programme: ProgrammeId, limit: usize) -> AppResult<Vec<RecommendedOrganisation>> {
    let _ = (app, actor, programme, limit);
    Ok(Vec::new())
}

/// Stores the actor's thumbs up (`true`) or down on a recommendation, replacing an earlier vote.
pub async fn record_feedback(app: &App, actor: &Actor, subject: FeedbackSubject, target: FeedbackTarget, up: bool) -> AppResult<()> {
    let _ = (app, actor, subject, target, up);
    Ok(())
}
