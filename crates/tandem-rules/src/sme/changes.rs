//! Which input figures changed against a stored assessment, so a changed figure can trigger a
//! new SME test. Related enterprises are matched by their `id` wherever they sit in the
//! structure.

use serde::{Deserialize, Serialize};

use super::input::{Accounts, RelatedEnterprise, SmeInput};

/// A field that can change between two inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangedField {
    /// End of the accounting period.
    PeriodEnd,
    /// Staff headcount (AWU).
    StaffHeadcount,
    /// Annual turnover.
    Turnover,
    /// Annual balance-sheet total.
    BalanceSheetTotal,
    /// Whether the figures are an estimate (Art. 4(3)).
    Estimated,
    /// Accounts given where there were none, or taken away.
    AccountsPresence,
    /// The related enterprise's holding in the enterprise it is listed under.
    HoldsInEnterprise,
    /// The holding in the related enterprise.
    HeldByEnterprise,
    /// An Art. 3(3) link.
    OtherLink,
    /// An Art. 3(2) investor exception.
    InvestorException,
    /// Public-body status (Art. 3(4)).
    PublicBody,
    /// Consolidation of its data.
    ConsolidatedInAccounts,
    /// The enterprise it is listed under.
    ListedUnder,
    /// A related enterprise that was not there before.
    Added,
    /// A related enterprise that is no longer there.
    Removed,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureChange {
    /// Whose field; `None` for the enterprise assessed.
    pub enterprise: Option<String>,
    /// The field.
    pub field: ChangedField,
}

/// The fields of `current` that differ from `stored`, the enterprise assessed first, then the
/// related enterprises in the stored order, then those added. The previous assessment is not
/// compared: it is the result of a test, not an input figure.
pub fn changed_figures(stored: &SmeInput, current: &SmeInput) -> Vec<FigureChange> {
    let mut changes = Vec::new();
    compare_accounts(
        None,
        Some(&stored.accounts),
        Some(&current.accounts),
        &mut changes,
    );

    let before = flatten(&stored.related);
    let after = flatten(&current.related);
    for old in &before {
        let id = &old.enterprise.id;
        let Some(new) = find(&after, id) else {
            changes.push(FigureChange {
                enterprise: Some(id.clone()),
                field: ChangedField::Removed,
            });
            continue;
        };
        let (o, n) = (old.enterprise, new.enterprise);
        let who = || Some(id.clone());
        let fields = [
            (
                o.holds_in_enterprise != n.holds_in_enterprise,
                ChangedField::HoldsInEnterprise,
            ),
            (
                o.held_by_enterprise != n.held_by_enterprise,
                ChangedField::HeldByEnterprise,
            ),
            (o.other_link != n.other_link, ChangedField::OtherLink),
            (
                o.investor_exception != n.investor_exception,
                ChangedField::InvestorException,
            ),
            (o.public_body != n.public_body, ChangedField::PublicBody),
            (
                o.consolidated_in_accounts != n.consolidated_in_accounts,
                ChangedField::ConsolidatedInAccounts,
            ),
            (
                old.listed_under != new.listed_under,
                ChangedField::ListedUnder,
            ),
        ];
        changes.extend(
            fields
                .into_iter()
                .filter(|(changed, _)| *changed)
                .map(|(_, field)| FigureChange {
                    enterprise: who(),
                    field,
                }),
        );
        compare_accounts(
            who(),
            o.accounts.as_ref(),
            n.accounts.as_ref(),
            &mut changes,
        );
    }
    for new in &after {
        if find(&before, &new.enterprise.id).is_none() {
            changes.push(FigureChange {
                enterprise: Some(new.enterprise.id.clone()),
                field: ChangedField::Added,
            });
        }
    }
    changes
}

/// Something changed, so the test should run again.
pub fn needs_retest(stored: &SmeInput, current: &SmeInput) -> bool {
    !changed_figures(stored, current).is_empty()
}

fn compare_accounts(
    enterprise: Option<String>,
    old: Option<&Accounts>,
    new: Option<&Accounts>,
    changes: &mut Vec<FigureChange>,
) {
    let mut push = |field| {
        changes.push(FigureChange {
            enterprise: enterprise.clone(),
            field,
        })
    };
    match (old, new) {
        (Some(o), Some(n)) => {
            let fields = [
                (o.period_end != n.period_end, ChangedField::PeriodEnd),
                (
                    o.figures.staff_awu_hundredths != n.figures.staff_awu_hundredths,
                    ChangedField::StaffHeadcount,
                ),
                (
                    o.figures.turnover_cents != n.figures.turnover_cents,
                    ChangedField::Turnover,
                ),
                (
                    o.figures.balance_sheet_total_cents != n.figures.balance_sheet_total_cents,
                    ChangedField::BalanceSheetTotal,
                ),
                (o.estimated != n.estimated, ChangedField::Estimated),
            ];
            fields
                .into_iter()
                .filter(|(changed, _)| *changed)
                .for_each(|(_, field)| push(field));
        }
        (None, None) => {}
        _ => push(ChangedField::AccountsPresence),
    }
}

fn find<'a>(list: &[Listed<'a>], id: &str) -> Option<Listed<'a>> {
    list.iter().find(|l| l.enterprise.id == id).copied()
}

#[derive(Clone, Copy)]
struct Listed<'a> {
    enterprise: &'a RelatedEnterprise,
    listed_under: Option<&'a str>,
}

fn flatten(related: &[RelatedEnterprise]) -> Vec<Listed<'_>> {
    fn walk<'a>(
        related: &'a [RelatedEnterprise],
        under: Option<&'a str>,
        out: &mut Vec<Listed<'a>>,
    ) {
        for r in related {
            out.push(Listed {
                enterprise: r,
                listed_under: under,
            });
            walk(&r.related, Some(&r.id), out);
        }
    }
    let mut out = Vec::new();
    walk(related, None, &mut out);
    out
}
