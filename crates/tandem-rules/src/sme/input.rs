//! What the SME test is given: an enterprise's accounts, the enterprises related to it, and the
//! previous assessment (Annex to Commission Recommendation 2003/361/EC, Title I).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::category::Category;

/// One hundred per cent in basis points.
pub const FULL_HOLDING_BP: i64 = 10_000;

/// The three figures the ceilings of Art. 2 are tested against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Staff headcount in annual work units (Art. 5), in hundredths of an AWU: 12.5 AWU is 1250.
    /// Apprentices, students in vocational training and staff on maternity or parental leave
    /// are not counted (Art. 5, last subparagraph); the caller leaves them out.
    pub staff_awu_hundredths: i64,
    /// Annual turnover in euro cents, without VAT and other indirect taxes (Art. 4(1)).
    pub turnover_cents: i64,
    /// Annual balance-sheet total in euro cents.
    pub balance_sheet_total_cents: i64,
}

/// One enterprise's figures for one accounting period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accounts {
    /// Last day of the accounting period. Art. 4(1): the data are those of the latest approved
    /// accounting period, calculated on an annual basis, and are taken into account from the
    /// date the accounts are closed.
    pub period_end: NaiveDate,
    /// The figures, on an annual basis.
    pub figures: Figures,
    /// The figures are a bona fide estimate made in the course of the financial year: a newly
    /// established enterprise whose accounts have not yet been approved (Art. 4(3)).
    pub estimated: bool,
}

/// A holding of one enterprise in another, in basis points (2500 = 25 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    /// Share of the capital.
    pub capital_bp: i64,
    /// Share of the voting rights.
    pub voting_bp: i64,
}

impl Holding {
    /// The share that counts for partner enterprises: the greater of capital and voting rights
    /// (Art. 6(2), second subparagraph).
    pub fn share_bp(&self) -> i64 {
        self.capital_bp.max(self.voting_bp)
    }
}

/// A relation of Art. 3(3) that makes two enterprises linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkBasis {
    /// Art. 3(3)(a): a majority of the shareholders' or members' voting rights. Derived from the
    /// holdings (voting rights over 5000 bp); set it explicitly where a majority exists that the
    /// holding figures do not show.
    MajorityOfVotingRights,
    /// Art. 3(3)(b): the right to appoint or remove a majority of the administrative,
    /// management or supervisory body.
    AppointsMajorityOfBoard,
    /// Art. 3(3)(c): the right to exercise a dominant influence under a contract or a provision
    /// in the memorandum or articles of association.
    DominantInfluenceByContract,
    /// Art. 3(3)(d): a shareholder or member controls alone, under an agreement with other
    /// shareholders or members, a majority of the voting rights.
    MajorityByShareholderAgreement,
    /// Art. 3(3), fourth subparagraph: one of these relations exists through a natural person or
    /// group of natural persons acting jointly, and the enterprises are active in the same or in
    /// adjacent markets.
    ThroughNaturalPersons,
}

/// The investors of Art. 3(2), second subparagraph, whose holding of 25 % or more leaves an
/// enterprise autonomous as long as they are not linked to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum InvestorException {
    /// Art. 3(2)(a): a public investment corporation.
    PublicInvestmentCorporation,
    /// Art. 3(2)(a): a venture capital company.
    VentureCapitalCompany,
    /// Art. 3(2)(a): individuals or groups of individuals with a regular venture capital
    /// investment activity who invest equity capital in unquoted businesses.
    BusinessAngels {
        /// The business angels' total investment in the enterprise, euro cents; the exception
        /// holds only below €1,250,000.
        total_investment_cents: i64,
    },
    /// Art. 3(2)(b): a university or non-profit research centre.
    UniversityOrResearchCentre,
    /// Art. 3(2)(c): an institutional investor, including a regional development fund.
    InstitutionalInvestor,
    /// Art. 3(2)(d): an autonomous local authority; the exception holds only with an annual
    /// budget below €10 million and fewer than 5,000 inhabitants.
    AutonomousLocalAuthority {
        /// Annual budget, euro cents.
        annual_budget_cents: i64,
        /// Inhabitants.
        inhabitants: i64,
    },
}

/// An enterprise related to the one assessed (or, nested, to another related enterprise).
///
/// Holdings are given in both directions because Art. 3(2) and 3(3) apply whichever way the
/// holding runs; where both are given (cross-holdings) the greater share applies (Art. 6(2)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedEnterprise {
    /// The caller's identifier; it names the enterprise in reasons and errors and must be unique
    /// across the whole structure.
    pub id: String,
    /// This enterprise's holding in the enterprise it is listed under (it is upstream).
    pub holds_in_enterprise: Option<Holding>,
    /// The holding of the enterprise it is listed under in this one (it is downstream).
    pub held_by_enterprise: Option<Holding>,
    /// An Art. 3(3) link other than (or besides) a majority of voting rights in the holdings.
    pub other_link: Option<LinkBasis>,
    /// This enterprise is one of the investors of Art. 3(2), second subparagraph.
    pub investor_exception: Option<InvestorException>,
    /// This enterprise is a public body (Art. 3(4)).
    pub public_body: bool,
    /// Its data are already in the accounts of the enterprise it is listed under through
    /// consolidation, so they are not added again (Art. 6(2), third subparagraph; Art. 6(3)).
    pub consolidated_in_accounts: bool,
    /// Its accounts for the same reference period. Needed only where its data are aggregated:
    /// an investor under an exception, or a public body that makes the enterprise large, needs
    /// none.
    pub accounts: Option<Accounts>,
    /// The enterprises related to this one, for Art. 6(3): enterprises linked to a partner,
    /// partners of a linked enterprise, enterprises linked to a linked enterprise, and the
    /// holders of this one for the indirect public control of Art. 3(4).
    pub related: Vec<RelatedEnterprise>,
}

/// The status found by the previous assessment, for the two-period rule of Art. 4(2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousAssessment {
    /// End of the accounting period the previous assessment was made on.
    pub period_end: NaiveDate,
    /// The status the enterprise held after that assessment.
    pub status: Category,
    /// The category that period's figures alone gave (`SmeAssessment::period_category`).
    pub period_category: Category,
}

/// Everything the SME test needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmeInput {
    /// The assessed enterprise's own accounts (consolidated, where they exist: Art. 6(2)).
    pub accounts: Accounts,
    /// Its partner, linked and other related enterprises.
    pub related: Vec<RelatedEnterprise>,
    /// The previous assessment, if there is one.
    pub previous: Option<PreviousAssessment>,
}
