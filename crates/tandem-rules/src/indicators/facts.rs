//! The plain facts the rulebooks read: one funded project's enterprises, support records,
//! employment figures, innovation claims, research cooperation, private investment and
//! cross-border cooperation links.
//!
//! Pass *all* of a project's facts, not only the period's: an enterprise counts once per
//! indicator over the life of the project, so the rulebooks need the history to know whether
//! it was already counted in an earlier period and when it first met every condition. Facts
//! dated after the end of the reporting period are ignored.
//!
//! Amounts are integers: hours and FTEs in hundredths (1200 = 12 hours), money in minor units
//! (pence / cents).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::sme::Category;

/// The enterprise's signed SME declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmeDeclaration {
    /// The size declared.
    pub size: Category,
    /// The date it was signed.
    pub declared_on: NaiveDate,
}

/// What evidences the date an enterprise started.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartEvidence {
    /// Registration with Companies House or HMRC (or the national register elsewhere).
    Registration,
    /// Another record of the start of trading (first invoice, bank statement, …).
    OtherTradingRecord,
}

/// When an enterprise registered or started trading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessStart {
    /// The date.
    pub date: NaiveDate,
    /// What shows it.
    pub evidence: StartEvidence,
}

/// An enterprise (or a potential entrepreneur) the project works with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enterprise {
    /// Tandem's id for it.
    pub id: String,
    /// When it registered or started trading; `None` when not known (or not yet trading).
    pub start: Option<BusinessStart>,
    /// Its SME declaration, if it signed one.
    pub sme_declaration: Option<SmeDeclaration>,
    /// Whether it is located in the project's eligible area.
    pub in_eligible_area: bool,
    /// Its NACE Rev. 2 code ("C25.62", "56.10", …), when known.
    pub nace: Option<String>,
    /// Set by the caller when the enterprise is known to be in an excluded sector, whatever
    /// its NACE code says (the project's excluded NACE list is checked as well).
    pub excluded_sector: bool,
    /// A person not yet trading, helped to be enterprise ready (ERDF P11): such a record is
    /// counted only under P11, never as an enterprise.
    pub potential_entrepreneur: bool,
}

/// The kind of a support activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityType {
    /// A diagnostic of the business's needs.
    Diagnostic,
    /// Advice given to this business alone.
    OneToOneAdvice,
    /// A workshop with other businesses.
    Workshop,
    /// A grant paid (the amount is in `grant_amount_minor`).
    Grant,
    /// A loan made (the amount is in `loan_amount_minor`).
    Loan,
    /// Mentoring.
    Mentoring,
    /// Taking part in an event (brokerage, matchmaking, information).
    EventParticipation,
}

impl ActivityType {
    /// Every value, in display order.
    pub const ALL: &'static [ActivityType] = &[
        ActivityType::Diagnostic,
        ActivityType::OneToOneAdvice,
        ActivityType::Workshop,
        ActivityType::Grant,
        ActivityType::Loan,
        ActivityType::Mentoring,
        ActivityType::EventParticipation,
    ];

    /// The stable key used in the database, forms and translation ids (the serde name).
    pub fn key(self) -> &'static str {
        match self {
            ActivityType::Diagnostic => "diagnostic",
            ActivityType::OneToOneAdvice => "one_to_one_advice",
            ActivityType::Workshop => "workshop",
            ActivityType::Grant => "grant",
            ActivityType::Loan => "loan",
            ActivityType::Mentoring => "mentoring",
            ActivityType::EventParticipation => "event_participation",
        }
    }

    /// The value for a stable key.
    pub fn from_key(key: &str) -> Option<ActivityType> {
        let key = key.trim();
        Self::ALL.iter().copied().find(|a| a.key() == key)
    }

    /// Advice must be specific to the business (ESIF-GN-1-002 on C1/C4; DOMAIN.md): these
    /// activities need the written output the enterprise received.
    pub fn needs_written_output(self) -> bool {
        matches!(
            self,
            ActivityType::Diagnostic | ActivityType::OneToOneAdvice | ActivityType::Mentoring
        )
    }

    /// Grants and loans are financial support; everything else is non-financial.
    pub fn is_financial(self) -> bool {
        matches!(self, ActivityType::Grant | ActivityType::Loan)
    }

    /// Information, diagnostic and brokerage support (ERDF P13): diagnostics, workshops
    /// (information) and events (brokerage). One-to-one advice and mentoring are the deeper
    /// support C4 counts. (Tandem's mapping of its activity types onto the P13 wording.)
    pub fn is_information_diagnostic_brokerage(self) -> bool {
        matches!(
            self,
            ActivityType::Diagnostic | ActivityType::Workshop | ActivityType::EventParticipation
        )
    }
}

/// One piece of support given to an enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportRecord {
    /// Tandem's id for it.
    pub id: String,
    /// The enterprise (or potential entrepreneur) supported.
    pub enterprise_id: String,
    /// The support organisation that gave it; hours add up across organisations.
    pub support_organisation_id: String,
    /// The day it was given.
    pub date: NaiveDate,
    /// Hours of support in hundredths (150 = 1.5 h).
    pub hours_hundredths: u32,
    /// What kind of support it was.
    pub activity: ActivityType,
    /// Whether it produced written output specific to this business (an action plan, a
    /// report), not off-the-shelf material.
    pub has_specific_written_output: bool,
    /// How many evidence files are attached (timesheets, attendance, agreements).
    pub evidence_file_count: u32,
    /// The grant paid, in minor units; zero unless `activity` is `Grant`.
    pub grant_amount_minor: i64,
    /// The loan made, in minor units; zero unless `activity` is `Loan`.
    pub loan_amount_minor: i64,
}

/// An enterprise's employment before support, set as the baseline for C8 / RCR01.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmploymentBaseline {
    /// Tandem's id for it.
    pub id: String,
    /// The enterprise.
    pub enterprise_id: String,
    /// The day it was set.
    pub set_on: NaiveDate,
    /// Employment in FTE hundredths.
    pub fte_hundredths: u32,
}

/// A later employment figure of a supported enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmploymentFigure {
    /// Tandem's id for it.
    pub id: String,
    /// The enterprise.
    pub enterprise_id: String,
    /// The day the figure describes.
    pub as_of: NaiveDate,
    /// Employment in FTE hundredths.
    pub fte_hundredths: u32,
    /// Whether the enterprise confirmed the figure in writing.
    pub confirmed_in_writing: bool,
}

/// How new an innovation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Novelty {
    /// New to the market (C28).
    NewToMarket,
    /// New to the firm only (C29).
    NewToFirm,
}

/// What was innovated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InnovationKind {
    /// A good or a service.
    Product,
    /// A way of producing or delivering.
    Process,
}

/// An enterprise's claim to have introduced an innovation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InnovationClaim {
    /// Tandem's id for it.
    pub id: String,
    /// The enterprise.
    pub enterprise_id: String,
    /// How new it is.
    pub novelty: Novelty,
    /// Product or process.
    pub kind: InnovationKind,
    /// The day it was introduced.
    pub introduced_on: NaiveDate,
    /// How many evidence files are attached.
    pub evidence_file_count: u32,
}

/// An enterprise's cooperation with a research entity (C26).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResearchCooperation {
    /// Tandem's id for it.
    pub id: String,
    /// The enterprise.
    pub enterprise_id: String,
    /// The research entity (university, research institute).
    pub research_entity_id: String,
    /// The day the cooperation started.
    pub date: NaiveDate,
    /// How many evidence files are attached.
    pub evidence_file_count: u32,
}

/// The public support a private investment matches (RCR02's "of which").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedSupport {
    /// Matches a grant.
    Grant,
    /// Matches a financial instrument (a loan).
    FinancialInstrument,
}

/// Private money an enterprise invested alongside its public support (RCR02).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivateInvestment {
    /// Tandem's id for it.
    pub id: String,
    /// The enterprise.
    pub enterprise_id: String,
    /// The day it was invested.
    pub date: NaiveDate,
    /// The amount in minor units.
    pub amount_minor: i64,
    /// Which support it matches.
    pub matches: MatchedSupport,
    /// How many evidence files are attached.
    pub evidence_file_count: u32,
}

/// What links two organisations across a border.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// A signed partnership agreement.
    PartnershipAgreement,
    /// A B2B meeting that was held.
    HeldB2bMeeting,
    /// A partnership agreement one party recorded and the other has not yet confirmed: never
    /// counted (an agreement is cooperation once both sides stand by it), shown as a near miss.
    UnconfirmedAgreement,
}

/// One end of a cooperation link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedOrganisation {
    /// The organisation's id.
    pub id: String,
    /// Its country (ISO 3166-1 alpha-2, compared case-insensitively).
    pub country: String,
}

/// Two organisations linked by a partnership agreement or a held B2B meeting (RCO87).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CooperationLink {
    /// Tandem's id for the link.
    pub id: String,
    /// The agreement's or meeting's id.
    pub source_id: String,
    /// What links them.
    pub kind: LinkKind,
    /// The day the agreement was signed or the meeting held.
    pub date: NaiveDate,
    /// One organisation.
    pub a: LinkedOrganisation,
    /// The other.
    pub b: LinkedOrganisation,
}

/// Every fact of one funded project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectFacts {
    /// Enterprises and potential entrepreneurs.
    pub enterprises: Vec<Enterprise>,
    /// Support given.
    pub support: Vec<SupportRecord>,
    /// Employment baselines (at most one per enterprise).
    pub baselines: Vec<EmploymentBaseline>,
    /// Later employment figures.
    pub employment: Vec<EmploymentFigure>,
    /// Innovation claims.
    pub innovations: Vec<InnovationClaim>,
    /// Research cooperation.
    pub research_cooperation: Vec<ResearchCooperation>,
    /// Private investment.
    pub private_investment: Vec<PrivateInvestment>,
    /// Cross-border cooperation links.
    pub cooperation_links: Vec<CooperationLink>,
}

/// The reporting period, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportingPeriod {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
}

impl ReportingPeriod {
    /// Whether the day falls in the period (both ends included).
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}
