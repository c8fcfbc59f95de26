//! The plain documents the app hands to the engine, and what the engine keeps of them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::analysis::Language;

/// The five partnering-profile types (EEN): offers and requests of business and technology, and
/// R&D requests looking for partners for a funding call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ProfileKind {
    /// BO.
    BusinessOffer,
    /// BR.
    BusinessRequest,
    /// TO.
    TechnologyOffer,
    /// TR.
    TechnologyRequest,
    /// RDR.
    ResearchRequest,
}

impl ProfileKind {
    /// The EEN key (BO, BR, TO, TR, RDR).
    pub fn key(self) -> &'static str {
        match self {
            ProfileKind::BusinessOffer => "BO",
            ProfileKind::BusinessRequest => "BR",
            ProfileKind::TechnologyOffer => "TO",
            ProfileKind::TechnologyRequest => "TR",
            ProfileKind::ResearchRequest => "RDR",
        }
    }

    /// The kind for an EEN key.
    pub fn from_key(key: &str) -> Option<ProfileKind> {
        [
            ProfileKind::BusinessOffer,
            ProfileKind::BusinessRequest,
            ProfileKind::TechnologyOffer,
            ProfileKind::TechnologyRequest,
            ProfileKind::ResearchRequest,
        ]
        .into_iter()
        .find(|k| k.key().eq_ignore_ascii_case(key))
    }

    /// How well two types complement each other, 0..=1: an offer answers a request of the same
    /// kind (EEN matches BO↔BR and TO↔TR); a technology offer may also answer a business request.
    pub fn complement(self, other: ProfileKind) -> f32 {
        use ProfileKind::*;
        match (self, other) {
            (BusinessOffer, BusinessRequest) | (BusinessRequest, BusinessOffer) => 1.0,
            (TechnologyOffer, TechnologyRequest) | (TechnologyRequest, TechnologyOffer) => 1.0,
            (TechnologyOffer, BusinessRequest) | (BusinessRequest, TechnologyOffer) => 0.5,
            // Two R&D requests for calls may form one consortium.
            (ResearchRequest, ResearchRequest) => 0.5,
            _ => 0.0,
        }
    }
}

/// The kinds of organisation the engine distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrgKind {
    /// A small or medium-sized enterprise.
    Sme,
    /// A start-up.
    Startup,
    /// A large company.
    LargeCompany,
    /// A university or university lab.
    University,
    /// A research organisation.
    Research,
    /// An incubator, accelerator or other business-support organisation.
    Support,
    /// A public body.
    Public,
    /// Anything else.
    Other,
}

impl OrgKind {
    /// Whether it does research (the natural partner of an R&D request).
    pub fn does_research(self) -> bool {
        matches!(self, OrgKind::University | OrgKind::Research)
    }

    /// Whether it is a small business a programme can support.
    pub fn is_small_business(self) -> bool {
        matches!(self, OrgKind::Sme | OrgKind::Startup)
    }
}

/// A partnering profile as the engine sees it.
#[derive(Debug, Clone)]
pub struct ProfileDoc {
    /// Id.
    pub id: Uuid,
    /// The owning organisation.
    pub owner: Uuid,
    /// Type.
    pub kind: ProfileKind,
    /// The language it is written in, if known.
    pub language: Option<Language>,
    /// Title (weighs more than the rest).
    pub title: String,
    /// Summary, description and the other free-text fields.
    pub text: String,
    /// Market and technology keyword codes (e.g. `market:501010`, `technology:ict.ai`).
    pub keywords: Vec<String>,
    /// NACE Rev. 2 codes (e.g. `26.51`).
    pub nace: Vec<String>,
    /// The owner's country (ISO 3166 alpha-2).
    pub country: String,
    /// The owner's city.
    pub city: Option<String>,
    /// Countries the profile targets; empty means any.
    pub target_countries: Vec<String>,
    /// When it was published.
    pub published: Option<NaiveDate>,
}

/// An organisation as the engine sees it.
#[derive(Debug, Clone)]
pub struct OrgDoc {
    /// Id.
    pub id: Uuid,
    /// Its node in the collaboration graph: the PIC when it has one, else the id.
    pub graph_key: String,
    /// Kind.
    pub kind: OrgKind,
    /// Country (ISO 3166 alpha-2).
    pub country: String,
    /// City.
    pub city: Option<String>,
    /// Description, and the titles and summaries of its published profiles and research
    /// projects, each with its language if known (an organisation may describe itself in both).
    pub texts: Vec<(Option<Language>, String)>,
    /// NACE Rev. 2 codes.
    pub nace: Vec<String>,
}

/// A programme as the engine sees it (only ever a query: "SMEs that fit").
#[derive(Debug, Clone)]
pub struct ProgrammeDoc {
    /// Id.
    pub id: Uuid,
    /// The organisation that runs it.
    pub org: Uuid,
    /// That organisation's city.
    pub city: Option<String>,
    /// Name, description and eligibility, each with its language if known.
    pub texts: Vec<(Option<Language>, String)>,
    /// Sectors it addresses (NACE codes).
    pub nace: Vec<String>,
}

/// What ranking needs of an indexed profile besides its vector.
#[derive(Debug, Clone)]
pub(crate) struct ProfileMeta {
    pub owner: Uuid,
    pub kind: ProfileKind,
    pub country: String,
    pub city: Option<String>,
    pub target_countries: Vec<String>,
    pub published: Option<NaiveDate>,
}

impl ProfileMeta {
    pub fn of(doc: &ProfileDoc) -> ProfileMeta {
        ProfileMeta {
            owner: doc.owner,
            kind: doc.kind,
            country: doc.country.clone(),
            city: doc.city.clone(),
            target_countries: doc.target_countries.clone(),
            published: doc.published,
        }
    }
}

/// What ranking needs of an indexed organisation besides its vector.
#[derive(Debug, Clone)]
pub(crate) struct OrgMeta {
    pub graph_key: String,
    pub kind: OrgKind,
    pub country: String,
    pub city: Option<String>,
}

impl OrgMeta {
    pub fn of(doc: &OrgDoc) -> OrgMeta {
        OrgMeta { graph_key: doc.graph_key.clone(), kind: doc.kind, country: doc.country.clone(), city: doc.city.clone() }
    }
}
