//! Art. 3 of the Annex to Recommendation 2003/361/EC: whether a related enterprise is linked,
//! a partner, an exempt investor, or not counted at all.

use super::input::{InvestorException, LinkBasis, RelatedEnterprise};
use super::reason::ExceptionFailure;

/// A holding of 25 % or more makes enterprises partners (Art. 3(2), first subparagraph).
pub const PARTNER_THRESHOLD_BP: i64 = 2_500;
/// More than half of the voting rights makes them linked (Art. 3(3)(a): "a majority").
pub const MAJORITY_BP: i64 = 5_000;
/// Business angels stay exempt below this total investment (Art. 3(2)(a)): €1,250,000.
pub const BUSINESS_ANGEL_LIMIT_CENTS: i64 = 125_000_000;
/// Autonomous local authorities stay exempt below this annual budget (Art. 3(2)(d)): €10 m.
pub const LOCAL_AUTHORITY_BUDGET_LIMIT_CENTS: i64 = 1_000_000_000;
/// … and with fewer inhabitants than this (Art. 3(2)(d)).
pub const LOCAL_AUTHORITY_INHABITANTS_LIMIT: i64 = 5_000;

/// How a related enterprise counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Art. 3(3): linked; its data count in full.
    Linked(LinkBasis),
    /// Art. 3(2): partner; its data count in proportion to `share_bp`.
    Partner {
        /// The greater of capital and voting share, either direction, basis points.
        share_bp: i64,
    },
    /// Art. 3(2), second subparagraph: an exempt investor; the enterprise stays autonomous.
    Exempt {
        /// The investor.
        exception: InvestorException,
        /// Its share, basis points.
        share_bp: i64,
    },
    /// Art. 3(1): under 25 % either way; not counted.
    NotCounted {
        /// The share, basis points.
        share_bp: i64,
    },
}

/// The relation, and why a claimed investor exception failed, if it did.
pub fn classify(related: &RelatedEnterprise) -> (Relation, Option<ExceptionFailure>) {
    let holdings = [related.holds_in_enterprise, related.held_by_enterprise];
    // Art. 6(2): the greater of capital and voting rights; with cross-holdings, the greater one.
    let share_bp = holdings
        .iter()
        .flatten()
        .map(|h| h.share_bp())
        .max()
        .unwrap_or(0);

    if let Some(basis) = link_basis(related) {
        let failure = related
            .investor_exception
            .map(|_| ExceptionFailure::InvestorIsLinked);
        return (Relation::Linked(basis), failure);
    }
    if share_bp < PARTNER_THRESHOLD_BP {
        return (Relation::NotCounted { share_bp }, None);
    }
    match related.investor_exception {
        None => (Relation::Partner { share_bp }, None),
        Some(exception) => match exception_failure(&exception) {
            None => (
                Relation::Exempt {
                    exception,
                    share_bp,
                },
                None,
            ),
            Some(failure) => (Relation::Partner { share_bp }, Some(failure)),
        },
    }
}

/// The Art. 3(3) relation that links `related` to the enterprise it is listed under, if any:
/// a majority of the voting rights either way, or the relation given in `other_link`.
pub fn link_basis(related: &RelatedEnterprise) -> Option<LinkBasis> {
    let voting_majority = [related.holds_in_enterprise, related.held_by_enterprise]
        .iter()
        .flatten()
        .any(|h| h.voting_bp > MAJORITY_BP);
    if voting_majority {
        Some(LinkBasis::MajorityOfVotingRights)
    } else {
        related.other_link
    }
}

/// `related` is an Art. 3(2) investor whose exception applies: not linked, and the conditions
/// of its category met. Used for Art. 3(4), which excepts these investors whatever their share.
pub fn exception_applies(related: &RelatedEnterprise) -> bool {
    link_basis(related).is_none()
        && related
            .investor_exception
            .as_ref()
            .is_some_and(|e| exception_failure(e).is_none())
}

/// Why the conditions attached to an investor category are not met, if they are not.
fn exception_failure(exception: &InvestorException) -> Option<ExceptionFailure> {
    match *exception {
        InvestorException::BusinessAngels {
            total_investment_cents,
        } if total_investment_cents >= BUSINESS_ANGEL_LIMIT_CENTS => {
            Some(ExceptionFailure::BusinessAngelInvestmentTooHigh)
        }
        InvestorException::AutonomousLocalAuthority {
            annual_budget_cents,
            ..
        } if annual_budget_cents >= LOCAL_AUTHORITY_BUDGET_LIMIT_CENTS => {
            Some(ExceptionFailure::LocalAuthorityBudgetTooHigh)
        }
        InvestorException::AutonomousLocalAuthority { inhabitants, .. }
            if inhabitants >= LOCAL_AUTHORITY_INHABITANTS_LIMIT =>
        {
            Some(ExceptionFailure::LocalAuthorityTooManyInhabitants)
        }
        _ => None,
    }
}
