//! The reasoning behind an SME assessment, as language-neutral values: the web UI renders each
//! variant in English or German from its numbers. Variants are listed in the order the test
//! produces them; every one cites its article of the Annex to Recommendation 2003/361/EC.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::category::{Category, CeilingCheck};
use super::input::{Figures, InvestorException, LinkBasis};

/// Why an Art. 3(2) investor exception did not apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionFailure {
    /// The investor is linked to the enterprise (Art. 3(2): "provided those investors are not
    /// linked").
    InvestorIsLinked,
    /// Business angels' total investment is €1,250,000 or more (Art. 3(2)(a)).
    BusinessAngelInvestmentTooHigh,
    /// The local authority's annual budget is €10 million or more (Art. 3(2)(d)).
    LocalAuthorityBudgetTooHigh,
    /// The local authority has 5,000 inhabitants or more (Art. 3(2)(d)).
    LocalAuthorityTooManyInhabitants,
}

/// One step of the reasoning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum SmeReason {
    /// Art. 6(1)/(2): the enterprise's own figures are the starting point.
    OwnFigures {
        /// End of the accounting period.
        period_end: NaiveDate,
        /// The figures.
        figures: Figures,
    },
    /// Art. 4(3): figures of a newly established enterprise are a bona fide estimate.
    EstimatedFigures {
        /// Whose figures; `None` for the enterprise assessed.
        enterprise: Option<String>,
    },
    /// Art. 3(1): a holding below 25 % either way; the relation does not count.
    BelowPartnerThreshold {
        /// The related enterprise.
        enterprise: String,
        /// The enterprise it is listed under; `None` for the enterprise assessed.
        via: Option<String>,
        /// The greater of capital and voting share, basis points.
        share_bp: i64,
    },
    /// Art. 3(2), second subparagraph: the holder is an exempt investor; its data are not added.
    InvestorExceptionApplied {
        /// The investor.
        enterprise: String,
        /// The enterprise it is listed under; `None` for the enterprise assessed.
        via: Option<String>,
        /// Which investor.
        exception: InvestorException,
        /// Its share, basis points.
        share_bp: i64,
    },
    /// Art. 3(2), second subparagraph: an exception was claimed but does not apply.
    InvestorExceptionNotApplicable {
        /// The investor.
        enterprise: String,
        /// The enterprise it is listed under; `None` for the enterprise assessed.
        via: Option<String>,
        /// Which investor.
        exception: InvestorException,
        /// Why not.
        failure: ExceptionFailure,
    },
    /// Art. 6(2) third subparagraph and Art. 6(3): the enterprise's data are already included
    /// through consolidation and are not added again.
    AlreadyConsolidated {
        /// The related enterprise.
        enterprise: String,
        /// The enterprise into whose accounts it is consolidated; `None` for the one assessed.
        via: Option<String>,
    },
    /// A public body without accounts: it counts through Art. 3(4), not through figures (only
    /// entities engaged in an economic activity are enterprises, Art. 1), so nothing is added.
    PublicBodyWithoutAccounts {
        /// The public body.
        enterprise: String,
    },
    /// Art. 6(2) third subparagraph: 100 % of a linked enterprise's data are added; `via` names
    /// the linked enterprise through which it is linked indirectly.
    LinkedAdded {
        /// The linked enterprise.
        enterprise: String,
        /// The enterprise it is listed under; `None` where linked directly.
        via: Option<String>,
        /// The Art. 3(3) relation.
        basis: LinkBasis,
        /// The figures added.
        added: Figures,
    },
    /// Art. 6(2) second subparagraph, and Art. 6(3) second subparagraph where `via` names a
    /// linked enterprise: a partner's data are added in proportion to the holding.
    PartnerAdded {
        /// The partner.
        enterprise: String,
        /// The linked enterprise whose partner it is; `None` for a partner of the enterprise
        /// assessed.
        via: Option<String>,
        /// The share applied, basis points (the greater of capital and voting rights).
        share_bp: i64,
        /// The partner's data before the share: its own plus those of its linked enterprises.
        data: Figures,
        /// The figures added.
        added: Figures,
    },
    /// Art. 6(3) first subparagraph: a linked enterprise of a partner is included at 100 % in
    /// the partner's data before the partner's share is applied.
    LinkedToPartnerIncluded {
        /// The enterprise linked to the partner.
        enterprise: String,
        /// The partner.
        partner: String,
        /// Its figures, included in the partner's data.
        figures: Figures,
    },
    /// Art. 6(2) and 6(3): only partners immediately upstream or downstream of the enterprise
    /// or of its linked enterprises count; a partner of a partner is left out.
    PartnerOfPartnerIgnored {
        /// The partner's partner.
        enterprise: String,
        /// The partner.
        partner: String,
    },
    /// Art. 3(4): 25 % or more of the capital or voting rights are controlled, directly or
    /// indirectly, jointly or individually, by public bodies: not an SME.
    PublicBodyControl {
        /// Capital share held by public bodies or enterprises they control, basis points.
        capital_bp: i64,
        /// Voting share held by public bodies or enterprises they control, basis points.
        voting_bp: i64,
        /// The holders counted.
        holders: Vec<String>,
    },
    /// Art. 6: the aggregated figures the ceilings are tested against.
    AggregatedFigures {
        /// The totals.
        figures: Figures,
    },
    /// Art. 2: the figures tested against one category's ceiling.
    CeilingTested {
        /// The category whose ceiling was tested.
        category: Category,
        /// Which criteria were met.
        check: CeilingCheck,
        /// The ceiling was met.
        met: bool,
    },
    /// Art. 4(2): the figures point to another category, but the status changes only when
    /// that happens over two consecutive accounting periods; the previous status is kept.
    StatusKept {
        /// The status kept.
        status: Category,
        /// The category this period's figures give.
        period_category: Category,
        /// The category the previous period's figures gave.
        previous_period_category: Category,
    },
    /// Art. 4(2): the ceilings were crossed in two consecutive accounting periods; the status
    /// changes.
    StatusChanged {
        /// The status before.
        from: Category,
        /// The status now.
        to: Category,
    },
}
