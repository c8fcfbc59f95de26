//! Art. 6 of the Annex to Recommendation 2003/361/EC: the figures of the enterprise, 100 % of
//! those of every enterprise linked to it directly or indirectly, and a share of those of every
//! partner immediately upstream or downstream of it or of its linked enterprises.
//!
//! Shares are applied to each figure as `figure × share_bp / 10000`, rounded to the nearest
//! hundredth of an AWU or euro cent, halves upwards, once per partner (figures are never
//! negative, so "upwards" and "away from zero" agree). Sums are kept in `i128` and checked when
//! they are turned back into `i64`.

use super::classify::{Relation, classify};
use super::error::SmeError;
use super::input::{Accounts, FULL_HOLDING_BP, Figures, LinkBasis, RelatedEnterprise, SmeInput};
use super::reason::SmeReason;

/// The aggregated figures and the steps that produced them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aggregation {
    /// The totals the ceilings are tested against.
    pub totals: Figures,
    /// The steps, in order.
    pub reasons: Vec<SmeReason>,
}

/// Aggregates the input's figures (Art. 6). Expects validated input.
pub fn aggregate(input: &SmeInput) -> Result<Aggregation, SmeError> {
    let mut run = Run {
        total: Sum::of(&input.accounts.figures),
        reasons: Vec::new(),
    };
    run.reasons.push(SmeReason::OwnFigures {
        period_end: input.accounts.period_end,
        figures: input.accounts.figures,
    });
    if input.accounts.estimated {
        run.reasons
            .push(SmeReason::EstimatedFigures { enterprise: None });
    }
    // The enterprise assessed heads its own group of linked enterprises.
    run.group_member_relations(&input.related, None)?;
    let totals = run.total.to_figures("aggregated figures")?;
    run.reasons
        .push(SmeReason::AggregatedFigures { figures: totals });
    Ok(Aggregation {
        totals,
        reasons: run.reasons,
    })
}

struct Run {
    total: Sum,
    reasons: Vec<SmeReason>,
}

impl Run {
    /// The relations of one member of the linked group (the enterprise assessed, or an
    /// enterprise linked to it directly or indirectly).
    fn group_member_relations(
        &mut self,
        related: &[RelatedEnterprise],
        via: Option<&str>,
    ) -> Result<(), SmeError> {
        for r in related {
            let (relation, failure) = classify(r);
            if let (Some(failure), Some(exception)) = (failure, r.investor_exception) {
                self.reasons
                    .push(SmeReason::InvestorExceptionNotApplicable {
                        enterprise: r.id.clone(),
                        via: via.map(str::to_owned),
                        exception,
                        failure,
                    });
            }
            match relation {
                Relation::Linked(basis) => self.linked(r, basis, via)?,
                Relation::Partner { share_bp } => self.partner(r, share_bp, via)?,
                Relation::Exempt {
                    exception,
                    share_bp,
                } => self.reasons.push(SmeReason::InvestorExceptionApplied {
                    enterprise: r.id.clone(),
                    via: via.map(str::to_owned),
                    exception,
                    share_bp,
                }),
                Relation::NotCounted { share_bp } => {
                    self.reasons.push(SmeReason::BelowPartnerThreshold {
                        enterprise: r.id.clone(),
                        via: via.map(str::to_owned),
                        share_bp,
                    })
                }
            }
        }
        Ok(())
    }

    /// Art. 6(2) third subparagraph: 100 % of a linked enterprise; then, as a member of the
    /// group, its own linked enterprises and (Art. 6(3) second subparagraph) its partners.
    fn linked(
        &mut self,
        r: &RelatedEnterprise,
        basis: LinkBasis,
        via: Option<&str>,
    ) -> Result<(), SmeError> {
        if r.consolidated_in_accounts {
            self.reasons.push(SmeReason::AlreadyConsolidated {
                enterprise: r.id.clone(),
                via: via.map(str::to_owned),
            });
        } else if let Some(accounts) = self.accounts_to_add(r)? {
            self.total.add(&Sum::of(&accounts.figures));
            self.reasons.push(SmeReason::LinkedAdded {
                enterprise: r.id.clone(),
                via: via.map(str::to_owned),
                basis,
                added: accounts.figures,
            });
        }
        self.group_member_relations(&r.related, Some(&r.id))
    }

    /// Art. 6(2) second subparagraph and Art. 6(3): a partner's data, including 100 % of the
    /// enterprises linked to it, in proportion to the holding.
    fn partner(
        &mut self,
        r: &RelatedEnterprise,
        share_bp: i64,
        via: Option<&str>,
    ) -> Result<(), SmeError> {
        if r.consolidated_in_accounts {
            self.reasons.push(SmeReason::AlreadyConsolidated {
                enterprise: r.id.clone(),
                via: via.map(str::to_owned),
            });
            return Ok(());
        }
        let Some(accounts) = self.accounts_to_add(r)? else {
            return Ok(());
        };
        let mut data = Sum::of(&accounts.figures);
        self.partner_relations(&r.related, &r.id, &mut data)?;
        let added = data.share(share_bp);
        self.total.add(&added);
        self.reasons.push(SmeReason::PartnerAdded {
            enterprise: r.id.clone(),
            via: via.map(str::to_owned),
            share_bp,
            data: data.to_figures("partner data")?,
            added: added.to_figures("partner share")?,
        });
        Ok(())
    }

    /// Art. 6(3) first subparagraph: enterprises linked to a partner (directly or through
    /// another linked enterprise) count in full in the partner's data; the partner's own
    /// partners do not count.
    fn partner_relations(
        &mut self,
        related: &[RelatedEnterprise],
        partner: &str,
        data: &mut Sum,
    ) -> Result<(), SmeError> {
        for r in related {
            match classify(r).0 {
                Relation::Linked(_) => {
                    if !r.consolidated_in_accounts
                        && let Some(accounts) = self.accounts_to_add(r)?
                    {
                        data.add(&Sum::of(&accounts.figures));
                        self.reasons.push(SmeReason::LinkedToPartnerIncluded {
                            enterprise: r.id.clone(),
                            partner: partner.to_owned(),
                            figures: accounts.figures,
                        });
                    }
                    self.partner_relations(&r.related, partner, data)?;
                }
                Relation::Partner { .. } => self.reasons.push(SmeReason::PartnerOfPartnerIgnored {
                    enterprise: r.id.clone(),
                    partner: partner.to_owned(),
                }),
                Relation::Exempt { .. } | Relation::NotCounted { .. } => {}
            }
        }
        Ok(())
    }

    /// The accounts whose data are to be added, `None` where there are none to add: a public
    /// body without accounts (it counts under Art. 3(4), not through its figures; Art. 1 makes
    /// only entities engaged in an economic activity enterprises).
    fn accounts_to_add<'a>(
        &mut self,
        r: &'a RelatedEnterprise,
    ) -> Result<Option<&'a Accounts>, SmeError> {
        match &r.accounts {
            Some(accounts) => {
                if accounts.estimated {
                    self.reasons.push(SmeReason::EstimatedFigures {
                        enterprise: Some(r.id.clone()),
                    });
                }
                Ok(Some(accounts))
            }
            None if r.public_body => {
                self.reasons.push(SmeReason::PublicBodyWithoutAccounts {
                    enterprise: r.id.clone(),
                });
                Ok(None)
            }
            None => Err(SmeError::MissingAccounts {
                enterprise: r.id.clone(),
            }),
        }
    }
}

/// Figures summed in a wider type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Sum {
    staff: i128,
    turnover: i128,
    balance: i128,
}

impl Sum {
    fn of(f: &Figures) -> Sum {
        Sum {
            staff: i128::from(f.staff_awu_hundredths),
            turnover: i128::from(f.turnover_cents),
            balance: i128::from(f.balance_sheet_total_cents),
        }
    }

    fn add(&mut self, other: &Sum) {
        self.staff += other.staff;
        self.turnover += other.turnover;
        self.balance += other.balance;
    }

    /// `share_bp` of each figure, to the nearest unit, halves upwards.
    fn share(&self, share_bp: i64) -> Sum {
        let part = |v: i128| {
            (v * i128::from(share_bp) + i128::from(FULL_HOLDING_BP / 2))
                / i128::from(FULL_HOLDING_BP)
        };
        Sum {
            staff: part(self.staff),
            turnover: part(self.turnover),
            balance: part(self.balance),
        }
    }

    fn to_figures(self, field: &'static str) -> Result<Figures, SmeError> {
        let narrow = |v: i128| i64::try_from(v).map_err(|_| SmeError::Overflow { field });
        Ok(Figures {
            staff_awu_hundredths: narrow(self.staff)?,
            turnover_cents: narrow(self.turnover)?,
            balance_sheet_total_cents: narrow(self.balance)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up() {
        let s = Sum {
            staff: 1,
            turnover: 3,
            balance: 10_001,
        };
        // 1 × 50 % = 0.5 → 1; 3 × 50 % = 1.5 → 2; 10001 × 25 % = 2500.25 → 2500.
        assert_eq!(
            s.share(5_000),
            Sum {
                staff: 1,
                turnover: 2,
                balance: 5_001
            }
        );
        assert_eq!(
            s.share(2_500),
            Sum {
                staff: 0,
                turnover: 1,
                balance: 2_500
            }
        );
    }

    #[test]
    fn sums_too_large_for_i64_are_an_error() {
        let s = Sum {
            staff: i128::from(i64::MAX) + 1,
            turnover: 0,
            balance: 0,
        };
        assert_eq!(s.to_figures("x"), Err(SmeError::Overflow { field: "x" }));
    }
}
