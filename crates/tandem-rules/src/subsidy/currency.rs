//! Money in a ledger's currency, and converting aid given in another currency into it.
//!
//! The EU de minimis ceilings are in euro (Art. 3(2) of Reg. (EU) 2023/2831 and of Reg. (EU)
//! No 1407/2013); the UK threshold is in pounds sterling (s.36(1) Subsidy Control Act 2022).
//! Aid given in another currency (złoty in Poland; a euro de minimis grant declared by a UK
//! enterprise) is converted before it is added up.
//!
//! Which rate: NOT FOUND IN THE REGULATIONS' TEXT. The articles of 2023/2831 and 1407/2013
//! quoted in the sources searched (Art. 3(2), recitals 10/11) name no exchange rate, and the
//! operative text of the later articles could not be read in full. UK government guidance on
//! 1407/2013 (BIS, quoted by gov.scot "State aid: de minimis") says to use "the official
//! Commission exchange rate applicable on the date the offer … is made (date of written
//! offer)" — the Commission's monthly accounting rate (InforEuro). This follows Art. 3(4): aid
//! is granted when the legal right to it is conferred, so the rate of that month fits. The
//! Subsidy Control Act 2022 names no rate either. The rate is therefore an input the caller
//! chooses and stores with the record.
//!
//! Rounding: to the nearest minor unit of the ledger currency, halves upwards (amounts are
//! never negative), once per record, before adding up.

use serde::{Deserialize, Serialize};

use super::error::SubsidyError;

/// Millionths in one unit: a rate of 1_000_000 is parity.
pub const MILLIONTHS_PER_UNIT: i64 = 1_000_000;

/// Minor units (cents, pence) in one unit of both ledger currencies.
pub const LEDGER_MINOR_UNITS_PER_UNIT: i64 = 100;

/// An amount of money: an ISO 4217 currency code and a whole number of its minor units.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// ISO 4217 code, three upper-case letters: `EUR`, `GBP`, `PLN`.
    pub currency: String,
    /// The amount in the currency's minor units (cents, pence, grosze).
    pub minor_units: i64,
}

impl Money {
    /// Euro cents.
    pub fn eur(cents: i64) -> Self {
        Self {
            currency: "EUR".to_owned(),
            minor_units: cents,
        }
    }

    /// Pence sterling.
    pub fn gbp(pence: i64) -> Self {
        Self {
            currency: "GBP".to_owned(),
            minor_units: pence,
        }
    }
}

/// The rate for converting one currency into a ledger's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExchangeRate {
    /// Millionths of the ledger currency per unit of the other currency: 1 PLN = €0.231234
    /// is 231_234 for the euro ledger; €1 = £0.853210 is 853_210 for the UK ledger.
    pub millionths_per_unit: i64,
    /// Minor units in one unit of the other currency (100 for most; 1 for a currency without
    /// minor units).
    pub minor_units_per_unit: i64,
}

/// A ledger's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerCurrency {
    /// Euro, in cents: EU de minimis.
    Eur,
    /// Pounds sterling, in pence: UK Minimal Financial Assistance.
    Gbp,
}

impl LedgerCurrency {
    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Eur => "EUR",
            Self::Gbp => "GBP",
        }
    }
}

/// `amount` in `ledger` minor units: as it is when already in the ledger's currency, else
/// converted at `rate`, to the nearest minor unit, halves up. `record` names the row for the
/// error (`None` for the proposed aid).
pub fn to_ledger_minor_units(
    amount: &Money,
    rate: Option<&ExchangeRate>,
    ledger: LedgerCurrency,
    record: Option<&str>,
) -> Result<i64, SubsidyError> {
    let owned_record = || record.map(str::to_owned);
    if !is_currency_code(&amount.currency) {
        return Err(SubsidyError::InvalidCurrencyCode {
            record: owned_record(),
            field: "amount.currency",
            value: amount.currency.clone(),
        });
    }
    if amount.minor_units < 0 {
        return Err(SubsidyError::NegativeAmount {
            record: owned_record(),
            field: "amount.minor_units",
            value: amount.minor_units,
        });
    }
    if amount.currency == ledger.code() {
        return Ok(amount.minor_units);
    }
    let Some(rate) = rate else {
        return Err(SubsidyError::MissingExchangeRate {
            record: owned_record(),
            field: "rate",
            currency: amount.currency.clone(),
            ledger_currency: ledger.code(),
        });
    };
    for (field, value) in [
        ("rate.millionths_per_unit", rate.millionths_per_unit),
        ("rate.minor_units_per_unit", rate.minor_units_per_unit),
    ] {
        if value <= 0 {
            return Err(SubsidyError::NotPositive { field, value });
        }
    }
    // ledger minor = minor ÷ minor_per_unit × rate ÷ 1e6 × 100, exactly in i128, halves up.
    let numerator = i128::from(amount.minor_units)
        * i128::from(rate.millionths_per_unit)
        * i128::from(LEDGER_MINOR_UNITS_PER_UNIT);
    let denominator = i128::from(rate.minor_units_per_unit) * i128::from(MILLIONTHS_PER_UNIT);
    let converted = (numerator + denominator / 2) / denominator;
    i64::try_from(converted).map_err(|_| SubsidyError::Overflow {
        field: "amount.minor_units",
    })
}

fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}
