//! The aid value of what a project gives: grants at their amount, advice at its market value.
//!
//! Both regimes count aid at its gross value. De minimis: aid in another form than a cash grant
//! counts at its gross grant equivalent (Art. 2(3) of the predecessor Reg. (EC) No 1998/2006 as
//! read on legislation.gov.uk; the rule is carried into 1407/2013 and 2023/2831, whose
//! paragraph numbers for it were not verified). UK: assistance otherwise than in cash counts at
//! its gross cash equivalent (s.36(5)(b) Subsidy Control Act 2022). Free advice is valued at
//! what the enterprise would have paid for it on the market.
//!
//! Market value of advice = hours × the project's market day rate ÷ hours in a working day.
//! No law found fixes the hours in a working day or the day rate: both are project settings.
//! The default of 7.5 hours is a common UK office day, not a legal figure.
//!
//! Units: hours in hundredths (12 hours is 1200, a quarter of an hour is 25); money in minor
//! units of the ledger currency; the result is rounded to the nearest minor unit, halves up.

use serde::{Deserialize, Serialize};

use super::error::SubsidyError;

/// Default hours in a working day, in hundredths: 7.5 hours. A project setting, not law.
pub const DEFAULT_HOURS_PER_DAY_HUNDREDTHS: i64 = 750;

/// What was given, to be valued as aid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "form")]
pub enum AidForm {
    /// A cash grant: counts at its amount.
    Grant {
        /// The amount in minor units.
        amount_minor_units: i64,
    },
    /// Advice given free or below market price: counts at its market value.
    Advice {
        /// Hours of advice, in hundredths.
        hours_hundredths: i64,
        /// The project's market-value day rate, in minor units.
        day_rate_minor_units: i64,
        /// Hours in a working day, in hundredths ([`DEFAULT_HOURS_PER_DAY_HUNDREDTHS`]).
        hours_per_day_hundredths: i64,
    },
}

/// The aid value of `form` in minor units.
pub fn aid_value_minor_units(form: &AidForm) -> Result<i64, SubsidyError> {
    match *form {
        AidForm::Grant { amount_minor_units } => {
            if amount_minor_units < 0 {
                return Err(SubsidyError::NegativeAmount {
                    record: None,
                    field: "amount_minor_units",
                    value: amount_minor_units,
                });
            }
            Ok(amount_minor_units)
        }
        AidForm::Advice {
            hours_hundredths,
            day_rate_minor_units,
            hours_per_day_hundredths,
        } => advice_market_value(
            hours_hundredths,
            day_rate_minor_units,
            hours_per_day_hundredths,
        ),
    }
}

/// Market value of advice: `hours_hundredths` × `day_rate_minor_units` ÷
/// `hours_per_day_hundredths`, to the nearest minor unit, halves up.
pub fn advice_market_value(
    hours_hundredths: i64,
    day_rate_minor_units: i64,
    hours_per_day_hundredths: i64,
) -> Result<i64, SubsidyError> {
    for (field, value) in [
        ("hours_hundredths", hours_hundredths),
        ("day_rate_minor_units", day_rate_minor_units),
    ] {
        if value < 0 {
            return Err(SubsidyError::NegativeAmount {
                record: None,
                field,
                value,
            });
        }
    }
    if hours_per_day_hundredths <= 0 {
        return Err(SubsidyError::NotPositive {
            field: "hours_per_day_hundredths",
            value: hours_per_day_hundredths,
        });
    }
    let numerator = i128::from(hours_hundredths) * i128::from(day_rate_minor_units);
    let denominator = i128::from(hours_per_day_hundredths);
    let value = (numerator + denominator / 2) / denominator;
    i64::try_from(value).map_err(|_| SubsidyError::Overflow {
        field: "hours_hundredths",
    })
}
