//! EU de minimis aid: the ceiling per single undertaking and the period it is counted over.
//!
//! **Reg. (EU) 2023/2831** (OJ L, 2023/2831, 15.12.2023), for aid granted from 1 January 2024:
//! - Art. 3(2): the total de minimis aid granted per Member State to a single undertaking shall
//!   not exceed EUR 300 000 over any period of three years.
//! - Recital 11: the three-year period is assessed on a rolling basis; for each new grant the
//!   total de minimis aid granted in the previous three years is taken into account.
//!
//! **Reg. (EU) No 1407/2013** (OJ L 352, 24.12.2013, p. 1), for aid granted 2014–2023:
//! - Art. 3(2): EUR 200 000 over any period of three fiscal years (quoted in CJEU C-608/19,
//!   *Zennaro*, para. 2).
//! - Recital 10: assessed on a rolling basis — for each new grant, the total in the fiscal year
//!   concerned and the previous two fiscal years; the fiscal years are those the undertaking
//!   uses in the Member State concerned (recital 9 of the predecessor Reg. 1998/2006 says "for
//!   tax purposes"). The start of the undertaking's fiscal year is therefore a setting,
//!   default 1 January.
//! - The reduced ceiling for road freight transport (EUR 100 000, Art. 3(2) second
//!   subparagraph) is not modelled.
//!
//! **Both**: aid is granted when the legal right to receive it is conferred on the undertaking
//! under the national legal regime, whatever the date of payment (Art. 3(4) in both; wording
//! confirmed through the recital and secondary sources, paragraph number as commonly cited);
//! if new aid would push the total over the ceiling, none of that new aid may benefit from the
//! Regulation — not even the part below the ceiling (Art. 3(7) in both; the same rule appears
//! verbatim in Art. 2(2) of the predecessor Reg. 1998/2006 as published on legislation.gov.uk).
//! So the check is whether the proposed aid would push the window's total above the ceiling;
//! a total exactly at the ceiling is allowed ("shall not exceed").
//!
//! Window convention for 2023/2831 (the Regulation does not say whether the grant day counts
//! at both ends): the three years end on the grant date, which is included, and start the day
//! after the same calendar date three years earlier. Aid of 10 January 2024 therefore still
//! counts for a grant on 9 January 2027 but no longer for one on 10 January 2027. See
//! [`three_years_ending_on`].

use chrono::NaiveDate;

use super::error::SubsidyError;
use super::window::{AidWindow, YearStart, current_and_two_previous_years, three_years_ending_on};

/// Ceiling of Art. 3(2) Reg. (EU) 2023/2831: €300,000, in euro cents.
pub const DE_MINIMIS_2023_CEILING_CENTS: i64 = 30_000_000;

/// Ceiling of Art. 3(2) Reg. (EU) No 1407/2013: €200,000, in euro cents.
pub const DE_MINIMIS_2013_CEILING_CENTS: i64 = 20_000_000;

/// The period counted for aid granted on `granted_on` under Reg. (EU) 2023/2831 (Art. 3(2),
/// recital 11): the three years ending on the grant date, as described in the module notes.
pub fn de_minimis_2023_window(granted_on: NaiveDate) -> Result<AidWindow, SubsidyError> {
    three_years_ending_on(granted_on)
}

/// The period counted for aid granted on `granted_on` under Reg. (EU) No 1407/2013 (Art. 3(2),
/// recital 10): the elapsed part of the undertaking's current fiscal year, up to and including
/// the grant date, and its two previous fiscal years. `fiscal_year_start` is the first day of
/// the undertaking's fiscal year ([`YearStart::CALENDAR`] when it uses the calendar year).
pub fn de_minimis_2013_window(
    granted_on: NaiveDate,
    fiscal_year_start: YearStart,
) -> Result<AidWindow, SubsidyError> {
    current_and_two_previous_years(
        granted_on,
        fiscal_year_start.validate("settings.fiscal_year_start")?,
    )
}
