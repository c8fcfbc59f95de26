//! Bad input to the subsidy ledgers, as values: each variant names the field at fault.

use chrono::NaiveDate;

use super::jurisdiction::LedgerFamily;

/// Why a subsidy-ledger rule could not be applied to the input given.
///
/// `record` is `None` for the proposed aid and the ledger record's identifier otherwise, so a
/// form can put the message next to the right row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubsidyError {
    /// A money amount, hour count or rate below zero.
    #[error("{field} of {} must not be negative (got {value})", describe(.record))]
    NegativeAmount {
        /// Whose amount; `None` for the proposed aid.
        record: Option<String>,
        /// The field, e.g. `amount.minor_units`.
        field: &'static str,
        /// The value given.
        value: i64,
    },
    /// A divisor or rate that must be above zero.
    #[error("{field} must be positive (got {value})")]
    NotPositive {
        /// The field, e.g. `rate.millionths_per_unit`.
        field: &'static str,
        /// The value given.
        value: i64,
    },
    /// A country code that is not two letters (ISO 3166-1 alpha-2).
    #[error("{field} must be a two-letter ISO 3166-1 code (got {value:?})")]
    InvalidCountryCode {
        /// The field, e.g. `country`.
        field: &'static str,
        /// The value given.
        value: String,
    },
    /// A well-formed country code for which no ledger is modelled: neither the United Kingdom
    /// nor an EU Member State.
    #[error("{field} {country} is neither the United Kingdom nor an EU Member State")]
    NoLedgerForCountry {
        /// The field, e.g. `country`.
        field: &'static str,
        /// The code given, upper-cased.
        country: String,
    },
    /// A currency code that is not three upper-case letters (ISO 4217).
    #[error("{field} of {} must be a three-letter ISO 4217 code (got {value:?})", describe(.record))]
    InvalidCurrencyCode {
        /// Whose amount; `None` for the proposed aid.
        record: Option<String>,
        /// The field, e.g. `amount.currency`.
        field: &'static str,
        /// The value given.
        value: String,
    },
    /// An amount in another currency than the ledger's, without the rate to convert it.
    #[error("{field} of {} is needed: {currency} must be converted to {ledger_currency}", describe(.record))]
    MissingExchangeRate {
        /// Whose amount; `None` for the proposed aid.
        record: Option<String>,
        /// The field, `rate`.
        field: &'static str,
        /// The currency of the amount.
        currency: String,
        /// The ledger's currency.
        ledger_currency: &'static str,
    },
    /// An identifier left empty.
    #[error("{field} must not be empty")]
    EmptyId {
        /// The field, e.g. `records[].id`.
        field: &'static str,
    },
    /// Two ledger records with the same identifier: counting both would count the aid twice.
    #[error("records[].id {id} is listed more than once")]
    DuplicateRecordId {
        /// The identifier listed twice.
        id: String,
    },
    /// A control link from an enterprise to itself.
    #[error("{field}: enterprise {enterprise} cannot control itself")]
    SelfLink {
        /// The field, `links[]`.
        field: &'static str,
        /// The enterprise.
        enterprise: String,
    },
    /// A grant date before the first regulation or Act this module models for the ledger.
    #[error("{field} {date} is before {first_covered}, the first day the {family:?} ledger covers")]
    GrantDateNotCovered {
        /// The field, e.g. `proposed.granted_on`.
        field: &'static str,
        /// The date given.
        date: NaiveDate,
        /// The ledger.
        family: LedgerFamily,
        /// The first grant date covered.
        first_covered: NaiveDate,
    },
    /// A fiscal-year start that is not a day of every year (month 1–12, a day that exists in
    /// that month in every year; 29 February is refused).
    #[error("{field} must be a day of every year (got month {month}, day {day})")]
    InvalidFiscalYearStart {
        /// The field, `settings.fiscal_year_start`.
        field: &'static str,
        /// The month given.
        month: u32,
        /// The day given.
        day: u32,
    },
    /// A share outside 1–10,000 basis points.
    #[error("{field} must lie between 1 and 10000 basis points (got {value})")]
    ShareOutOfRange {
        /// The field, `settings.warning_share_bp`.
        field: &'static str,
        /// The value given.
        value: i64,
    },
    /// A sum or product too large for the integer types used.
    #[error("{field} is too large to compute with")]
    Overflow {
        /// The field.
        field: &'static str,
    },
}

fn describe(record: &Option<String>) -> String {
    match record {
        None => "the proposed aid".to_owned(),
        Some(id) => format!("record {id}"),
    }
}
