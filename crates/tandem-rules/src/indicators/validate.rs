//! Checks the facts hang together before any counting: bad input is an error naming the
//! field, never a silently wrong count.

use std::collections::BTreeSet;

use super::facts::{ActivityType, ProjectFacts, ReportingPeriod};

/// Why the facts cannot be counted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FactsError {
    /// The period ends before it starts.
    #[error("reporting period: `from` ({from}) is after `to` ({to})")]
    PeriodReversed {
        /// The first day given.
        from: chrono::NaiveDate,
        /// The last day given.
        to: chrono::NaiveDate,
    },
    /// An id is empty.
    #[error("{field}: an id is empty")]
    EmptyId {
        /// Where.
        field: &'static str,
    },
    /// Two facts of one kind share an id.
    #[error("{field}: id {id} is used twice")]
    DuplicateId {
        /// Where.
        field: &'static str,
        /// The id.
        id: String,
    },
    /// A fact names an enterprise that is not in `enterprises`.
    #[error("{field} {id}: enterprise {enterprise_id} is not among the project's enterprises")]
    UnknownEnterprise {
        /// Where.
        field: &'static str,
        /// The fact's id.
        id: String,
        /// The missing enterprise.
        enterprise_id: String,
    },
    /// A money amount is negative, or zero where the activity needs one.
    #[error("{field} of {id} is {value}: {expected}")]
    BadAmount {
        /// Which amount.
        field: &'static str,
        /// The fact's id.
        id: String,
        /// The value given.
        value: i64,
        /// What it should be.
        expected: &'static str,
    },
    /// An enterprise has more than one employment baseline.
    #[error("baselines: enterprise {enterprise_id} has more than one employment baseline")]
    SecondBaseline {
        /// The enterprise.
        enterprise_id: String,
    },
    /// A cooperation link joins an organisation to itself.
    #[error("cooperation_links {id}: organisation {organisation_id} is linked with itself")]
    SelfLink {
        /// The link.
        id: String,
        /// The organisation.
        organisation_id: String,
    },
    /// A cooperation link has an empty country.
    #[error("cooperation_links {id}: organisation {organisation_id} has no country")]
    MissingCountry {
        /// The link.
        id: String,
        /// The organisation.
        organisation_id: String,
    },
}

/// Checks the period and the facts.
pub fn validate(facts: &ProjectFacts, period: ReportingPeriod) -> Result<(), FactsError> {
    if period.from > period.to {
        return Err(FactsError::PeriodReversed {
            from: period.from,
            to: period.to,
        });
    }
    let enterprises = unique_ids("enterprises", facts.enterprises.iter().map(|e| &e.id))?;
    let known = |field: &'static str, id: &str, enterprise_id: &str| {
        if enterprises.contains(enterprise_id) {
            Ok(())
        } else {
            Err(FactsError::UnknownEnterprise {
                field,
                id: id.to_owned(),
                enterprise_id: enterprise_id.to_owned(),
            })
        }
    };

    unique_ids("support", facts.support.iter().map(|r| &r.id))?;
    for r in &facts.support {
        known("support", &r.id, &r.enterprise_id)?;
        check_amount(
            "grant_amount_minor",
            &r.id,
            r.grant_amount_minor,
            r.activity == ActivityType::Grant,
        )?;
        check_amount(
            "loan_amount_minor",
            &r.id,
            r.loan_amount_minor,
            r.activity == ActivityType::Loan,
        )?;
    }

    unique_ids("baselines", facts.baselines.iter().map(|b| &b.id))?;
    let mut with_baseline = BTreeSet::new();
    for b in &facts.baselines {
        known("baselines", &b.id, &b.enterprise_id)?;
        if !with_baseline.insert(b.enterprise_id.as_str()) {
            return Err(FactsError::SecondBaseline {
                enterprise_id: b.enterprise_id.clone(),
            });
        }
    }
    unique_ids("employment", facts.employment.iter().map(|f| &f.id))?;
    for f in &facts.employment {
        known("employment", &f.id, &f.enterprise_id)?;
    }
    unique_ids("innovations", facts.innovations.iter().map(|c| &c.id))?;
    for c in &facts.innovations {
        known("innovations", &c.id, &c.enterprise_id)?;
    }
    unique_ids(
        "research_cooperation",
        facts.research_cooperation.iter().map(|c| &c.id),
    )?;
    for c in &facts.research_cooperation {
        known("research_cooperation", &c.id, &c.enterprise_id)?;
    }
    unique_ids(
        "private_investment",
        facts.private_investment.iter().map(|p| &p.id),
    )?;
    for p in &facts.private_investment {
        known("private_investment", &p.id, &p.enterprise_id)?;
        if p.amount_minor <= 0 {
            return Err(FactsError::BadAmount {
                field: "amount_minor",
                id: p.id.clone(),
                value: p.amount_minor,
                expected: "must be more than zero",
            });
        }
    }
    unique_ids(
        "cooperation_links",
        facts.cooperation_links.iter().map(|l| &l.id),
    )?;
    for l in &facts.cooperation_links {
        for end in [&l.a, &l.b] {
            if end.id.is_empty() {
                return Err(FactsError::EmptyId {
                    field: "cooperation_links",
                });
            }
            if end.country.trim().is_empty() {
                return Err(FactsError::MissingCountry {
                    id: l.id.clone(),
                    organisation_id: end.id.clone(),
                });
            }
        }
        if l.a.id == l.b.id {
            return Err(FactsError::SelfLink {
                id: l.id.clone(),
                organisation_id: l.a.id.clone(),
            });
        }
    }
    Ok(())
}

fn unique_ids<'a>(
    field: &'static str,
    ids: impl Iterator<Item = &'a String>,
) -> Result<BTreeSet<&'a str>, FactsError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.is_empty() {
            return Err(FactsError::EmptyId { field });
        }
        if !seen.insert(id.as_str()) {
            return Err(FactsError::DuplicateId {
                field,
                id: id.clone(),
            });
        }
    }
    Ok(seen)
}

/// A grant or loan record must carry its amount (> 0); every other record must carry none.
fn check_amount(
    field: &'static str,
    id: &str,
    value: i64,
    belongs_to_activity: bool,
) -> Result<(), FactsError> {
    let (ok, expected) = if belongs_to_activity {
        (value > 0, "must be more than zero for this activity")
    } else {
        (value == 0, "must be zero for this activity")
    };
    if ok {
        Ok(())
    } else {
        Err(FactsError::BadAmount {
            field,
            id: id.to_owned(),
            value,
            expected,
        })
    }
}
