//! The period over which aid is added up, and the calendar arithmetic behind it.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::error::SubsidyError;

/// A period of whole days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AidWindow {
    /// First day counted.
    pub from: NaiveDate,
    /// Last day counted.
    pub to: NaiveDate,
}

impl AidWindow {
    /// Whether aid granted on `date` falls in the window.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// The first day of a fiscal or financial year, as a month and day that recur every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct YearStart {
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month; 29 February is refused because it does not recur.
    pub day: u32,
}

impl YearStart {
    /// The calendar year, starting on 1 January.
    pub const CALENDAR: Self = Self { month: 1, day: 1 };
    /// The UK financial year, starting on 1 April.
    pub const UK_FINANCIAL: Self = Self { month: 4, day: 1 };

    /// Refuses a start that is not a day of every year. `field` names it in the error.
    pub fn validate(self, field: &'static str) -> Result<Self, SubsidyError> {
        // 2023 is not a leap year: a day that exists in it exists in every year.
        if NaiveDate::from_ymd_opt(2023, self.month, self.day).is_none() {
            return Err(SubsidyError::InvalidFiscalYearStart {
                field,
                month: self.month,
                day: self.day,
            });
        }
        Ok(self)
    }

    /// The first day of the year (of this kind) that contains `date`.
    pub fn start_of_year_containing(self, date: NaiveDate) -> Result<NaiveDate, SubsidyError> {
        let this_year = self.in_year(date.year())?;
        if date >= this_year {
            Ok(this_year)
        } else {
            self.in_year(date.year() - 1)
        }
    }

    fn in_year(self, year: i32) -> Result<NaiveDate, SubsidyError> {
        NaiveDate::from_ymd_opt(year, self.month, self.day).ok_or(
            SubsidyError::InvalidFiscalYearStart {
                field: "fiscal_year_start",
                month: self.month,
                day: self.day,
            },
        )
    }
}

/// The current year (of the kind `year_start` sets) up to and including `date`, and the two
/// years before it: the period of Art. 3(2) of Reg. (EU) No 1407/2013 (fiscal years) and of
/// s.36(2) of the Subsidy Control Act 2022 (financial years).
pub fn current_and_two_previous_years(
    date: NaiveDate,
    year_start: YearStart,
) -> Result<AidWindow, SubsidyError> {
    let current_start = year_start.start_of_year_containing(date)?;
    let from = current_start
        .checked_sub_months(Months::new(24))
        .ok_or(SubsidyError::Overflow {
            field: "granted_on",
        })?;
    // The start month/day recurs every year, so going back 24 months lands on it exactly.
    Ok(AidWindow { from, to: date })
}

/// The three years ending on `date`, `date` included: from the day after the same calendar
/// date three years earlier. For 10 January 2027 that is 11 January 2024 – 10 January 2027.
/// Where the earlier date does not exist (29 February), chrono takes the last day of that
/// month (28 February), so the window starts on 1 March.
pub fn three_years_ending_on(date: NaiveDate) -> Result<AidWindow, SubsidyError> {
    let from = date
        .checked_sub_months(Months::new(36))
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .ok_or(SubsidyError::Overflow {
            field: "granted_on",
        })?;
    Ok(AidWindow { from, to: date })
}
