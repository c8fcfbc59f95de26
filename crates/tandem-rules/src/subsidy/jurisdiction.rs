//! Which ledger an enterprise's aid is counted in: the country it is established in decides
//! the family (UK Minimal Financial Assistance or EU de minimis), the grant date decides the
//! instrument within the family.
//!
//! A Birmingham SME (GB) is counted under the Subsidy Control Act 2022, a Leipzig SME (DE)
//! under the EU de minimis Regulation in force on the grant date.
//!
//! Not modelled: Northern Ireland, where Art. 10 of the Windsor Framework can bring EU State aid
//! rules to bear on aid affecting trade in goods and electricity (the caller decides such
//! cases); EEA EFTA States (IS, LI, NO), which apply de minimis rules through the EEA Agreement
//! rather than as Member States — they are refused with [`SubsidyError::NoLedgerForCountry`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::currency::LedgerCurrency;
use super::error::SubsidyError;

/// The 27 EU Member States as ISO 3166-1 alpha-2 codes (Greece is `GR`; the EU's own
/// abbreviation `EL` is accepted as well, see [`ledger_for_country`]).
pub const EU_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// The family of ledgers an enterprise's aid is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LedgerFamily {
    /// EU de minimis aid, in euro: Reg. (EU) 2023/2831, and Reg. (EU) No 1407/2013 before it.
    EuDeMinimis,
    /// UK Minimal Financial Assistance, in pounds: Subsidy Control Act 2022 ss.36–37.
    UkMinimalFinancialAssistance,
}

impl LedgerFamily {
    /// The currency the family's ceiling is set in.
    pub fn currency(self) -> LedgerCurrency {
        match self {
            Self::EuDeMinimis => LedgerCurrency::Eur,
            Self::UkMinimalFinancialAssistance => LedgerCurrency::Gbp,
        }
    }

    /// The first grant date this module covers for the family.
    pub fn first_covered(self) -> NaiveDate {
        match self {
            Self::EuDeMinimis => REG_1407_2013_FIRST_DAY,
            Self::UkMinimalFinancialAssistance => MFA_FIRST_DAY,
        }
    }
}

/// The instrument whose ceiling and period apply to one grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// Commission Regulation (EU) 2023/2831: €300,000 over any period of three years.
    DeMinimis2023,
    /// Commission Regulation (EU) No 1407/2013: €200,000 over three fiscal years.
    DeMinimis2013,
    /// Subsidy Control Act 2022 s.36: £315,000 over the applicable period.
    MinimalFinancialAssistance,
}

/// First grant date under Reg. (EU) 2023/2831: it entered into force on 1 January 2024 and
/// applies to aid granted from then (Art. 8; entry into force confirmed by secondary sources,
/// the article text itself was not read).
pub const REG_2023_2831_FIRST_DAY: NaiveDate = ymd(2024, 1, 1);

/// First grant date under Reg. (EU) No 1407/2013: in effect from 1 January 2014 until
/// 31 December 2023 (its validity was extended by Reg. (EU) 2020/972; EU Monitor dossier on
/// 32013R1407). Earlier aid (Reg. (EC) No 1998/2006) is not modelled.
pub const REG_1407_2013_FIRST_DAY: NaiveDate = ymd(2014, 1, 1);

/// First day Minimal Financial Assistance can be given: Part 3 of the Subsidy Control Act 2022
/// came into force on 4 January 2023 (S.I. 2022/1359, reg. 2, as noted on legislation.gov.uk).
pub const MFA_FIRST_DAY: NaiveDate = ymd(2023, 1, 4);

/// The ledger family for an enterprise established in `country` (ISO 3166-1 alpha-2, either
/// case; `UK` is read as `GB` and `EL` as `GR`).
pub fn ledger_for_country(country: &str) -> Result<LedgerFamily, SubsidyError> {
    let code = country.trim();
    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(SubsidyError::InvalidCountryCode {
            field: "country",
            value: country.to_owned(),
        });
    }
    let code = code.to_ascii_uppercase();
    match code.as_str() {
        "GB" | "UK" => Ok(LedgerFamily::UkMinimalFinancialAssistance),
        "EL" => Ok(LedgerFamily::EuDeMinimis),
        other if EU_MEMBER_STATES.contains(&other) => Ok(LedgerFamily::EuDeMinimis),
        _ => Err(SubsidyError::NoLedgerForCountry {
            field: "country",
            country: code,
        }),
    }
}

/// The instrument of `family` that applies to aid granted on `granted_on`. `field` names the
/// date in the error.
pub fn regime_for(
    family: LedgerFamily,
    granted_on: NaiveDate,
    field: &'static str,
) -> Result<Regime, SubsidyError> {
    if granted_on < family.first_covered() {
        return Err(SubsidyError::GrantDateNotCovered {
            field,
            date: granted_on,
            family,
            first_covered: family.first_covered(),
        });
    }
    Ok(match family {
        LedgerFamily::UkMinimalFinancialAssistance => Regime::MinimalFinancialAssistance,
        LedgerFamily::EuDeMinimis if granted_on >= REG_2023_2831_FIRST_DAY => Regime::DeMinimis2023,
        LedgerFamily::EuDeMinimis => Regime::DeMinimis2013,
    })
}

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("constant date out of range"),
    }
}
