//! Converting accounts kept in another currency (pounds sterling for an enterprise in
//! Birmingham, say) into the euro figures the ceilings of Art. 2 are set in.
//!
//! The rate is an input: a whole number of euro-millionths per unit of the other currency
//! (1 GBP = €1.171234 is 1_171_234). The result is rounded to the nearest euro cent, halves
//! upwards (amounts are never negative).
//!
//! Which day's rate to use: UNVERIFIED. The Commission's SME User Guide could not be checked
//! for a rate date in this work (the stored copies searched did not show the passage). The
//! Recommendation itself names none; Art. 4(1) takes the data "from the date of closure of the
//! accounts". Until the guide is checked, callers should record which rate and date they used
//! (a reasonable default is the ECB euro reference rate on the period's closing date) and treat
//! the choice as a per-project setting.

use super::error::SmeError;
use super::input::Figures;

/// Euro-millionths in one euro: a rate of 1_000_000 is parity.
pub const EURO_MILLIONTHS_PER_EURO: i64 = 1_000_000;

/// `amount_minor_units` of a currency with `minor_units_per_unit` minor units to the unit (100
/// for pence), at `euro_millionths_per_unit`, in euro cents, to the nearest cent, halves up.
pub fn to_euro_cents(
    amount_minor_units: i64,
    minor_units_per_unit: i64,
    euro_millionths_per_unit: i64,
) -> Result<i64, SmeError> {
    if amount_minor_units < 0 {
        return Err(SmeError::NegativeFigure {
            enterprise: None,
            field: "amount_minor_units",
            value: amount_minor_units,
        });
    }
    for (field, value) in [
        ("minor_units_per_unit", minor_units_per_unit),
        ("euro_millionths_per_unit", euro_millionths_per_unit),
    ] {
        if value <= 0 {
            return Err(SmeError::NotPositive { field, value });
        }
    }
    // cents = minor ÷ minor_per_unit × rate ÷ 1e6 × 100, computed exactly in i128.
    let numerator = i128::from(amount_minor_units) * i128::from(euro_millionths_per_unit) * 100;
    let denominator = i128::from(minor_units_per_unit) * i128::from(EURO_MILLIONTHS_PER_EURO);
    let cents = (numerator + denominator / 2) / denominator;
    i64::try_from(cents).map_err(|_| SmeError::Overflow {
        field: "amount_minor_units",
    })
}

/// Figures whose money amounts are in another currency's minor units, converted to euro
/// cents; the staff headcount is left as it is.
pub fn figures_to_euro(
    foreign: &Figures,
    minor_units_per_unit: i64,
    euro_millionths_per_unit: i64,
) -> Result<Figures, SmeError> {
    let convert = |field: &'static str, value: i64| {
        to_euro_cents(value, minor_units_per_unit, euro_millionths_per_unit).map_err(|e| match e {
            SmeError::NegativeFigure { value, .. } => SmeError::NegativeFigure {
                enterprise: None,
                field,
                value,
            },
            SmeError::Overflow { .. } => SmeError::Overflow { field },
            other => other,
        })
    };
    Ok(Figures {
        staff_awu_hundredths: foreign.staff_awu_hundredths,
        turnover_cents: convert("turnover_cents", foreign.turnover_cents)?,
        balance_sheet_total_cents: convert(
            "balance_sheet_total_cents",
            foreign.balance_sheet_total_cents,
        )?,
    })
}
