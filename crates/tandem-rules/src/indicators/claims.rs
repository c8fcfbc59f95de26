//! Tests on an enterprise's claims beyond support: innovations introduced (C28, C29, RCR03)
//! and cooperation with research entities (C26).

use chrono::NaiveDate;

use super::facts::{InnovationClaim, ResearchCooperation};
use super::ledger::{Met, Qualification, count};
use super::near_miss::Shortfall;

/// An innovation counts when it is evidenced and introduced on or after the first day of
/// counted support: the enterprise was "supported to introduce" it (ESIF-GN-1-002 C28/C29;
/// RCR03 counts innovation "due to the support provided"). `claims` are those up to the end
/// of the period, by date then id.
pub(super) fn innovation_test(
    claims: &[&InnovationClaim],
    first_support_on: Option<NaiveDate>,
) -> Qualification {
    let after_support =
        |c: &InnovationClaim| first_support_on.is_none_or(|first| c.introduced_on >= first);
    let valid: Vec<&InnovationClaim> = claims
        .iter()
        .copied()
        .filter(|c| c.evidence_file_count > 0 && after_support(c))
        .collect();
    if let Some(first) = valid.first() {
        return Ok(Met {
            on: first.introduced_on,
            ids: valid
                .iter()
                .filter(|c| c.introduced_on <= first.introduced_on)
                .map(|c| c.id.clone())
                .collect(),
        });
    }
    let mut missing = Vec::new();
    let unevidenced = claims.iter().filter(|c| c.evidence_file_count == 0).count();
    if unevidenced > 0 {
        missing.push(Shortfall::NoEvidence {
            records: count(unevidenced),
        });
    }
    if let (Some(first), Some(early)) = (
        first_support_on,
        claims.iter().rev().find(|c| !after_support(c)),
    ) {
        missing.push(Shortfall::InnovationBeforeSupport {
            introduced_on: early.introduced_on,
            first_support_on: first,
        });
    }
    missing_or_no_evidence(missing)
}

/// Cooperation with a research entity counts from its first evidenced record. `records` are
/// those up to the end of the period, by date then id.
pub(super) fn research_test(records: &[&ResearchCooperation]) -> Qualification {
    let valid: Vec<&ResearchCooperation> = records
        .iter()
        .copied()
        .filter(|c| c.evidence_file_count > 0)
        .collect();
    match valid.first() {
        Some(first) => Ok(Met {
            on: first.date,
            ids: valid
                .iter()
                .filter(|c| c.date <= first.date)
                .map(|c| c.id.clone())
                .collect(),
        }),
        None => missing_or_no_evidence(vec![Shortfall::NoEvidence {
            records: count(records.len()),
        }]),
    }
}

/// A near miss always says something: with nothing recorded at all, evidence is what lacks.
fn missing_or_no_evidence(missing: Vec<Shortfall>) -> Qualification {
    if missing.is_empty() {
        Err(vec![Shortfall::NoEvidence { records: 0 }])
    } else {
        Err(missing)
    }
}
