//! What the rulebooks hand back: counted entries, near misses and the language-neutral reasons
//! a near miss gives ("9.5 of 12 hours" is `HoursShort { have_hundredths: 950,
//! need_hundredths: 1200 }`, worded by the UI in English or German).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::catalogue::IndicatorCode;
use crate::sme::Category;

/// One thing an enterprise (or organisation) still lacks to count under an indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shortfall {
    /// Too few hours of qualifying support so far (counted to the end of the period).
    HoursShort {
        /// Hours it has, in hundredths.
        have_hundredths: u32,
        /// Hours it needs, in hundredths.
        need_hundredths: u32,
    },
    /// No signed SME declaration on or before the end of the period.
    NoSmeDeclaration,
    /// The enterprise declared itself large, and the project counts SMEs only.
    NotAnSme {
        /// The size declared.
        size: Category,
    },
    /// Support records without written output specific to the business, which therefore do
    /// not count.
    NoWrittenOutput {
        /// How many records.
        records: u32,
        /// Their hours, in hundredths.
        hours_hundredths: u32,
    },
    /// The enterprise is outside the project's eligible area.
    OutsideEligibleArea,
    /// The enterprise is in an excluded sector.
    ExcludedSector {
        /// Its NACE code ("" when excluded by the caller's flag without a code).
        nace: String,
    },
    /// Records or facts without evidence files, which therefore do not count.
    NoEvidence {
        /// How many.
        records: u32,
    },
    /// The enterprise started too long before its support to be new.
    NotNewEnterprise {
        /// Whole months from its start to its first support.
        months: u32,
        /// It had to be fewer than this.
        limit_months: u32,
    },
    /// No start (registration or trading) date is recorded.
    NoStartDate,
    /// The start date is not evidenced by a registration (Companies House / HMRC), which
    /// ESIF-GN-1-002 v5 and later ask for C5.
    StartNotEvidencedByRegistration,
    /// The indicator builds on another one the enterprise is not (yet) counted under; that
    /// indicator's near miss says why.
    NotCountedUnder {
        /// The other indicator.
        code: IndicatorCode,
    },
    /// No employment baseline is recorded.
    NoEmploymentBaseline,
    /// The baseline was set after support started.
    BaselineAfterSupport {
        /// When the baseline was set.
        baseline_on: NaiveDate,
        /// When counted support started.
        first_support_on: NaiveDate,
    },
    /// The employment figures in the period describe a day before the baseline.
    FigureBeforeBaseline {
        /// The latest figure's day.
        as_of: NaiveDate,
        /// When the baseline was set.
        baseline_on: NaiveDate,
    },
    /// Employment figures in the period not confirmed in writing.
    NotConfirmedInWriting {
        /// How many figures.
        figures: u32,
    },
    /// No rise in employment over the baseline (or over what was already reported).
    NoEmploymentIncrease {
        /// Baseline FTE in hundredths.
        baseline_hundredths: u32,
        /// The latest confirmed figure in FTE hundredths.
        latest_hundredths: u32,
    },
    /// The innovation was introduced before the support started.
    InnovationBeforeSupport {
        /// When it was introduced.
        introduced_on: NaiveDate,
        /// When counted support started.
        first_support_on: NaiveDate,
    },
    /// The organisation's links in the period are all with organisations of its own country.
    SameCountry {
        /// The shared country.
        country: String,
    },
    /// The organisation's only links are B2B meetings, which the project does not count
    /// under RCO87.
    MeetingsNotCounted {
        /// How many meetings.
        meetings: u32,
    },
    /// The organisation's cross-border agreements await the partner's confirmation.
    AgreementsNotConfirmed {
        /// How many agreements.
        agreements: u32,
    },
}

/// Which part of a split indicator an amount belongs to (RCO01 by size, RCR02 by support).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Of which micro enterprises.
    Micro,
    /// Of which small enterprises.
    Small,
    /// Of which medium enterprises.
    Medium,
    /// Of which large enterprises.
    Large,
    /// Of which matching grants.
    Grants,
    /// Of which matching financial instruments.
    FinancialInstruments,
}

impl From<Category> for Part {
    fn from(size: Category) -> Part {
        match size {
            Category::Micro => Part::Micro,
            Category::Small => Part::Small,
            Category::Medium => Part::Medium,
            Category::Large => Part::Large,
        }
    }
}

/// An amount of one part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartValue {
    /// The part.
    pub part: Part,
    /// Its value in the indicator's unit.
    pub value: i64,
}

/// An enterprise or organisation counted under an indicator in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountedEntry {
    /// The enterprise's or organisation's id.
    pub subject_id: String,
    /// 1 for counts; FTE hundredths or money in minor units for value indicators.
    pub value: i64,
    /// The day it met every condition (for counts) or the last fact counted (for values).
    pub counted_on: NaiveDate,
    /// How the value splits (RCO01 by size, RCR02 by support); empty when it does not.
    pub parts: Vec<PartValue>,
    /// The support records and other facts that qualify it.
    pub qualifying_ids: Vec<String>,
}

/// An enterprise or organisation with activity in the period that does not count (yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NearMiss {
    /// The enterprise's or organisation's id.
    pub subject_id: String,
    /// What it still lacks; never empty.
    pub missing: Vec<Shortfall>,
    /// The facts in the period that made it a candidate.
    pub fact_ids: Vec<String>,
}

/// One indicator's outcome for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorResult {
    /// The indicator.
    pub code: IndicatorCode,
    /// What counts in the period, ordered by subject id.
    pub entries: Vec<CountedEntry>,
    /// What does not count yet, ordered by subject id.
    pub near_misses: Vec<NearMiss>,
    /// Subjects with activity in the period that were already counted in an earlier period
    /// (an enterprise counts once per indicator).
    pub counted_before_period: Vec<String>,
}

impl IndicatorResult {
    /// An empty result.
    pub fn new(code: IndicatorCode) -> IndicatorResult {
        IndicatorResult {
            code,
            entries: Vec::new(),
            near_misses: Vec::new(),
            counted_before_period: Vec::new(),
        }
    }

    /// The indicator's value for the period: the sum of the entries.
    pub fn total(&self) -> i64 {
        self.entries.iter().map(|e| e.value).sum()
    }

    /// The sum of each part over the entries, in part order (only parts that occur).
    pub fn part_totals(&self) -> Vec<PartValue> {
        let mut totals = std::collections::BTreeMap::new();
        for p in self.entries.iter().flat_map(|e| &e.parts) {
            *totals.entry(p.part).or_insert(0) += p.value;
        }
        totals
            .into_iter()
            .map(|(part, value)| PartValue { part, value })
            .collect()
    }

    /// The entry for a subject, if it counts.
    pub fn entry(&self, subject_id: &str) -> Option<&CountedEntry> {
        self.entries.iter().find(|e| e.subject_id == subject_id)
    }

    /// The near miss for a subject, if it is one.
    pub fn near_miss(&self, subject_id: &str) -> Option<&NearMiss> {
        self.near_misses.iter().find(|n| n.subject_id == subject_id)
    }
}
