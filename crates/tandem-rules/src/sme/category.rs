//! The enterprise categories and the ceilings of Art. 2 of the Annex to Recommendation
//! 2003/361/EC.
//!
//! Staff must be *fewer than* the limit; turnover *or* balance-sheet total must *not exceed*
//! theirs: an enterprise meets a ceiling with either money figure at or below its limit.

use serde::{Deserialize, Serialize};

use super::input::Figures;

/// An enterprise size category; ordered from smallest to largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Art. 2(3): fewer than 10 AWU and turnover or balance-sheet total at most €2 million.
    Micro,
    /// Art. 2(2): fewer than 50 AWU and turnover or balance-sheet total at most €10 million.
    Small,
    /// Art. 2(1): fewer than 250 AWU and turnover at most €50 million or balance-sheet total at
    /// most €43 million.
    Medium,
    /// Not an SME.
    Large,
}

impl Category {
    /// The stable key used in the database, the API and translation ids.
    pub fn key(self) -> &'static str {
        match self {
            Category::Micro => "micro",
            Category::Small => "small",
            Category::Medium => "medium",
            Category::Large => "large",
        }
    }

    /// Micro, small or medium.
    pub fn is_sme(self) -> bool {
        self != Category::Large
    }

    /// The ceiling an enterprise must meet to be in this category; `None` for large.
    pub fn ceiling(self) -> Option<Ceiling> {
        match self {
            Category::Micro => Some(MICRO),
            Category::Small => Some(SMALL),
            Category::Medium => Some(MEDIUM),
            Category::Large => None,
        }
    }
}

/// The limits for one category (Art. 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ceiling {
    /// Staff must be below this, in hundredths of an AWU.
    pub staff_below_awu_hundredths: i64,
    /// Turnover at or below this meets the financial ceiling (euro cents).
    pub turnover_max_cents: i64,
    /// Balance-sheet total at or below this meets the financial ceiling (euro cents).
    pub balance_sheet_total_max_cents: i64,
}

const EURO: i64 = 100;
const MILLION_EURO: i64 = 1_000_000 * EURO;
const AWU: i64 = 100;

/// Art. 2(1): fewer than 250 persons; turnover ≤ €50 m or balance-sheet total ≤ €43 m.
pub const MEDIUM: Ceiling = Ceiling {
    staff_below_awu_hundredths: 250 * AWU,
    turnover_max_cents: 50 * MILLION_EURO,
    balance_sheet_total_max_cents: 43 * MILLION_EURO,
};

/// Art. 2(2): fewer than 50 persons; turnover or balance-sheet total ≤ €10 m.
pub const SMALL: Ceiling = Ceiling {
    staff_below_awu_hundredths: 50 * AWU,
    turnover_max_cents: 10 * MILLION_EURO,
    balance_sheet_total_max_cents: 10 * MILLION_EURO,
};

/// Art. 2(3): fewer than 10 persons; turnover or balance-sheet total ≤ €2 m.
pub const MICRO: Ceiling = Ceiling {
    staff_below_awu_hundredths: 10 * AWU,
    turnover_max_cents: 2 * MILLION_EURO,
    balance_sheet_total_max_cents: 2 * MILLION_EURO,
};

/// How a set of figures fares against one ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CeilingCheck {
    /// Staff below the limit.
    pub staff_below: bool,
    /// Turnover at or below its limit.
    pub turnover_within: bool,
    /// Balance-sheet total at or below its limit.
    pub balance_sheet_total_within: bool,
}

impl CeilingCheck {
    /// The ceiling is met: staff below, and either money figure within (Art. 2: "and/or").
    pub fn met(&self) -> bool {
        self.staff_below && (self.turnover_within || self.balance_sheet_total_within)
    }
}

impl Ceiling {
    /// Tests `figures` against this ceiling.
    pub fn check(&self, figures: &Figures) -> CeilingCheck {
        CeilingCheck {
            staff_below: figures.staff_awu_hundredths < self.staff_below_awu_hundredths,
            turnover_within: figures.turnover_cents <= self.turnover_max_cents,
            balance_sheet_total_within: figures.balance_sheet_total_cents
                <= self.balance_sheet_total_max_cents,
        }
    }
}

/// The smallest category whose ceiling the figures meet (Art. 2).
pub fn category_for(figures: &Figures) -> Category {
    [Category::Micro, Category::Small, Category::Medium]
        .into_iter()
        .find(|c| {
            c.ceiling()
                .is_some_and(|ceiling| ceiling.check(figures).met())
        })
        .unwrap_or(Category::Large)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(staff: i64, turnover: i64, balance: i64) -> Figures {
        Figures {
            staff_awu_hundredths: staff,
            turnover_cents: turnover,
            balance_sheet_total_cents: balance,
        }
    }

    #[test]
    fn art_2_ceilings_are_nested_so_the_smallest_met_wins() {
        assert_eq!(category_for(&figures(0, 0, 0)), Category::Micro);
        assert_eq!(category_for(&figures(999, 0, 0)), Category::Micro);
        assert_eq!(category_for(&figures(1000, 0, 0)), Category::Small);
        assert_eq!(category_for(&figures(24_999, 0, 0)), Category::Medium);
        assert_eq!(category_for(&figures(25_000, 0, 0)), Category::Large);
    }

    #[test]
    fn keys_are_stable() {
        let keys: Vec<_> = [
            Category::Micro,
            Category::Small,
            Category::Medium,
            Category::Large,
        ]
        .map(Category::key)
        .to_vec();
        assert_eq!(keys, ["micro", "small", "medium", "large"]);
        assert!(Category::Medium.is_sme() && !Category::Large.is_sme());
    }
}
