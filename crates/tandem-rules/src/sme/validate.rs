//! Checks the input before any rule runs, so every rule can trust its figures.

use std::collections::HashSet;

use super::error::SmeError;
use super::input::{
    Accounts, FULL_HOLDING_BP, Holding, InvestorException, RelatedEnterprise, SmeInput,
};

/// Returns the first problem found in `input`, naming the field.
pub fn validate(input: &SmeInput) -> Result<(), SmeError> {
    check_accounts(None, &input.accounts)?;
    if let Some(previous) = &input.previous
        && previous.period_end >= input.accounts.period_end
    {
        return Err(SmeError::PreviousPeriodNotEarlier {
            previous: previous.period_end,
            current: input.accounts.period_end,
        });
    }
    let mut seen = HashSet::new();
    input
        .related
        .iter()
        .try_for_each(|r| check_related(r, &mut seen))
}

fn check_related<'a>(
    related: &'a RelatedEnterprise,
    seen: &mut HashSet<&'a str>,
) -> Result<(), SmeError> {
    let id = related.id.as_str();
    if id.is_empty() {
        return Err(SmeError::EmptyId);
    }
    if !seen.insert(id) {
        return Err(SmeError::DuplicateRelated {
            enterprise: id.to_owned(),
        });
    }
    if let Some(h) = &related.holds_in_enterprise {
        check_holding(
            id,
            h,
            "holds_in_enterprise.capital_bp",
            "holds_in_enterprise.voting_bp",
        )?;
    }
    if let Some(h) = &related.held_by_enterprise {
        check_holding(
            id,
            h,
            "held_by_enterprise.capital_bp",
            "held_by_enterprise.voting_bp",
        )?;
    }
    if related.holds_in_enterprise.is_none()
        && related.held_by_enterprise.is_none()
        && related.other_link.is_none()
    {
        return Err(SmeError::NoRelation {
            enterprise: id.to_owned(),
        });
    }
    if let Some(exception) = &related.investor_exception {
        if related.holds_in_enterprise.is_none() {
            return Err(SmeError::ExceptionWithoutHolding {
                enterprise: id.to_owned(),
            });
        }
        check_exception(id, exception)?;
    }
    if let Some(accounts) = &related.accounts {
        check_accounts(Some(id), accounts)?;
    }
    related
        .related
        .iter()
        .try_for_each(|r| check_related(r, seen))
}

fn check_accounts(enterprise: Option<&str>, accounts: &Accounts) -> Result<(), SmeError> {
    let f = &accounts.figures;
    [
        ("staff_awu_hundredths", f.staff_awu_hundredths),
        ("turnover_cents", f.turnover_cents),
        ("balance_sheet_total_cents", f.balance_sheet_total_cents),
    ]
    .into_iter()
    .try_for_each(|(field, value)| non_negative(enterprise, field, value))
}

fn check_exception(id: &str, exception: &InvestorException) -> Result<(), SmeError> {
    match *exception {
        InvestorException::BusinessAngels {
            total_investment_cents,
        } => non_negative(
            Some(id),
            "investor_exception.total_investment_cents",
            total_investment_cents,
        ),
        InvestorException::AutonomousLocalAuthority {
            annual_budget_cents,
            inhabitants,
        } => {
            non_negative(
                Some(id),
                "investor_exception.annual_budget_cents",
                annual_budget_cents,
            )?;
            non_negative(Some(id), "investor_exception.inhabitants", inhabitants)
        }
        _ => Ok(()),
    }
}

fn check_holding(
    id: &str,
    holding: &Holding,
    capital: &'static str,
    voting: &'static str,
) -> Result<(), SmeError> {
    [(capital, holding.capital_bp), (voting, holding.voting_bp)]
        .into_iter()
        .try_for_each(|(field, value)| {
            if (0..=FULL_HOLDING_BP).contains(&value) {
                Ok(())
            } else {
                Err(SmeError::HoldingOutOfRange {
                    enterprise: id.to_owned(),
                    field,
                    value,
                })
            }
        })
}

fn non_negative(enterprise: Option<&str>, field: &'static str, value: i64) -> Result<(), SmeError> {
    if value < 0 {
        Err(SmeError::NegativeFigure {
            enterprise: enterprise.map(str::to_owned),
            field,
            value,
        })
    } else {
        Ok(())
    }
}
