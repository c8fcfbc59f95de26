//! Art. 3(4) of the Annex to Recommendation 2003/361/EC: "Except in the cases set out in
//! paragraph 2, second subparagraph, an enterprise cannot be considered an SME if 25 % or more
//! of the capital or voting rights are directly or indirectly controlled, jointly or
//! individually, by one or more public bodies."
//!
//! Counted: holdings in the enterprise of public bodies and of enterprises that public bodies
//! control (more than half of the voting rights held by publicly controlled holders, or an
//! Art. 3(3) link of such a holder), following the chain of holders as far as the input goes.
//! Capital and voting rights are summed separately over all such holders; either sum at 25 %
//! or more excludes the enterprise. Holders under an applicable Art. 3(2) investor exception
//! are not counted. Whether a body is public is the caller's call (the Court of Justice read
//! "public body" widely in C-516/19, NMI Technologietransfer, 24 September 2020).

use super::classify::{MAJORITY_BP, PARTNER_THRESHOLD_BP, exception_applies};
use super::input::RelatedEnterprise;
use super::reason::SmeReason;

/// The Art. 3(4) reason when public bodies control 25 % or more of the enterprise whose holders
/// are `related`; `None` otherwise.
pub fn public_control(related: &[RelatedEnterprise]) -> Option<SmeReason> {
    let (capital_bp, voting_bp, holders) = public_holdings(related);
    (capital_bp >= PARTNER_THRESHOLD_BP || voting_bp >= PARTNER_THRESHOLD_BP).then_some(
        SmeReason::PublicBodyControl {
            capital_bp,
            voting_bp,
            holders,
        },
    )
}

/// Summed capital and voting shares of publicly controlled holders, and who they are.
fn public_holdings(related: &[RelatedEnterprise]) -> (i64, i64, Vec<String>) {
    let mut capital = 0;
    let mut voting = 0;
    let mut holders = Vec::new();
    for r in related {
        let Some(holding) = r.holds_in_enterprise else {
            continue;
        };
        if exception_applies(r) || !publicly_controlled(r) {
            continue;
        }
        capital += holding.capital_bp;
        voting += holding.voting_bp;
        holders.push(r.id.clone());
    }
    (capital, voting, holders)
}

/// A public body, or an enterprise controlled by public bodies through its own holders.
fn publicly_controlled(e: &RelatedEnterprise) -> bool {
    if e.public_body {
        return true;
    }
    let (_, voting, _) = public_holdings(&e.related);
    voting > MAJORITY_BP
        || e.related.iter().any(|h| {
            h.holds_in_enterprise.is_some() && h.other_link.is_some() && publicly_controlled(h)
        })
}
