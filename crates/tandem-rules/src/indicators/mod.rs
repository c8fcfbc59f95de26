//! Funder indicator rulebooks (issue 6, item 5; ../shared/design/DOMAIN.md, "Funder
//! evidence"): from one funded project's plain facts and a reporting period, which
//! enterprises or organisations count under each indicator, with what value and on which
//! records, and which nearly count and what they still lack.
//!
//! Three rulebooks:
//! - [`erdf_2014`]: England ERDF 2014–20, ESIF-GN-1-002 v3–v6 (C1–C5, C8, C26, C28, C29, P11,
//!   P13), the guidance version fixed per project;
//! - [`eu_2021`]: EU 2021–27 common indicators of Reg. (EU) 2021/1058, Annex I (RCO01–RCO05,
//!   RCR01–RCR03);
//! - [`interreg`]: RCO87 organisations cooperating across borders.
//!
//! Indicator codes, units and sources are data in [`catalogue::CATALOGUE`]. Inputs are
//! described in [`facts`], per-project thresholds in [`settings`]. Outputs are
//! [`IndicatorResult`]s whose near misses carry language-neutral [`Shortfall`]s, so the UI
//! can say "9.5 of 12 hours" in English or German.
//!
//! Everything here is pure: no I/O, no clock, integers for hours, FTEs and money.

pub mod catalogue;
mod claims;
mod employment;
pub mod erdf_2014;
pub mod eu_2021;
pub mod facts;
pub mod interreg;
mod ledger;
pub mod near_miss;
pub mod settings;
mod validate;

use serde::{Deserialize, Serialize};

pub use catalogue::{CATALOGUE, IndicatorCode, IndicatorMeta, RulebookFamily, Unit, codes_of};
pub use erdf_2014::{GUIDANCE_VERSIONS, GuidanceVersion, GuidanceVersionRules};
pub use facts::{
    ActivityType, BusinessStart, CooperationLink, EmploymentBaseline, EmploymentFigure, Enterprise,
    InnovationClaim, InnovationKind, LinkKind, LinkedOrganisation, MatchedSupport, Novelty,
    PrivateInvestment, ProjectFacts, ReportingPeriod, ResearchCooperation, SmeDeclaration,
    StartEvidence, SupportRecord,
};
pub use near_miss::{CountedEntry, IndicatorResult, NearMiss, Part, PartValue, Shortfall};
pub use settings::ProjectSettings;
pub use validate::FactsError;

/// The rulebook a project reports under, with what fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rulebook", rename_all = "snake_case")]
pub enum Rulebook {
    /// England ERDF 2014–20 under the guidance version in force when the funding agreement
    /// was signed.
    Erdf2014England {
        /// The project's guidance version.
        version: GuidanceVersion,
    },
    /// EU 2021–27 common indicators for enterprise support.
    Eu2021,
    /// Interreg 2021–27: RCO87.
    Interreg2021,
}

/// Counts every indicator of the project's rulebook for the period, in catalogue order.
pub fn evaluate(
    facts: &ProjectFacts,
    settings: &ProjectSettings,
    rulebook: Rulebook,
    period: ReportingPeriod,
) -> Result<Vec<IndicatorResult>, FactsError> {
    match rulebook {
        Rulebook::Erdf2014England { version } => {
            erdf_2014::evaluate(facts, settings, version, period)
        }
        Rulebook::Eu2021 => eu_2021::evaluate(facts, settings, period),
        Rulebook::Interreg2021 => Ok(vec![interreg::evaluate(facts, settings, period)?]),
    }
}
