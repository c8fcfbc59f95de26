//! The ledger check: would the proposed aid push the recipient's total in the window above
//! the ceiling?
//!
//! Steps: the country picks the ledger family and the grant date the instrument
//! ([`super::jurisdiction`]); the control links give the single undertaking
//! ([`super::single_undertaking`]); every record of any of its enterprises granted in the
//! window counts, own records and declared ones alike; amounts are converted into the ledger's
//! currency ([`super::currency`]). The answer is structured values only, so the interface can
//! word it in any language.
//!
//! A record entered with a grant date *after* the proposed aid (a back-dated proposal) has a
//! window of its own that may contain the proposed aid; each such window is checked too and
//! reported in [`LedgerCheck::later_conflicts`], because the proposed aid must not make that
//! later grant exceed its ceiling either (de minimis Art. 3(7); s.36(1)).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::currency::{LedgerCurrency, to_ledger_minor_units};
use super::de_minimis::{
    DE_MINIMIS_2013_CEILING_CENTS, DE_MINIMIS_2023_CEILING_CENTS, de_minimis_2013_window,
    de_minimis_2023_window,
};
use super::error::SubsidyError;
use super::jurisdiction::{LedgerFamily, Regime, ledger_for_country, regime_for};
use super::mfa::{mfa_applicable_period, mfa_threshold_pence};
use super::record::{AidRecord, ProposedAid, RecordSource};
use super::single_undertaking::{ControlLink, single_undertaking};
use super::window::{AidWindow, YearStart};

/// One hundred per cent in basis points.
pub const FULL_SHARE_BP: i64 = 10_000;

/// Default share of the ceiling at which the check warns: 90 %.
pub const DEFAULT_WARNING_SHARE_BP: i64 = 9_000;

/// Settings of a check, per project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CheckSettings {
    /// The share of the ceiling, in basis points (1–10,000), from which the total with the
    /// proposed aid is flagged as near the ceiling.
    pub warning_share_bp: i64,
    /// First day of the recipient's fiscal year, for aid under Reg. (EU) No 1407/2013 (fiscal
    /// years as the undertaking uses them, recital 10). Ignored by the other regimes.
    pub fiscal_year_start: YearStart,
}

impl Default for CheckSettings {
    fn default() -> Self {
        Self {
            warning_share_bp: DEFAULT_WARNING_SHARE_BP,
            fiscal_year_start: YearStart::CALENDAR,
        }
    }
}

/// Everything a check needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerInput {
    /// ISO 3166-1 alpha-2 code of the country the recipient is established in.
    pub country: String,
    /// The aid proposed.
    pub proposed: ProposedAid,
    /// Aid already granted: own records and declarations of other grantors' aid, for the
    /// recipient and any enterprise that may be linked to it.
    pub records: Vec<AidRecord>,
    /// Control links between enterprises.
    pub links: Vec<ControlLink>,
    /// Per-project settings.
    pub settings: CheckSettings,
}

/// How close the total with the proposed aid comes to the ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningLevel {
    /// Below the warning share.
    Clear,
    /// At or above the warning share, not above the ceiling.
    NearCeiling,
    /// Above the ceiling: the proposed aid cannot be given under this ledger.
    OverCeiling,
}

/// A record counted in the window.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Contribution {
    /// The record's id.
    pub record_id: String,
    /// The enterprise of the single undertaking that received it.
    pub enterprise_id: String,
    /// Its grant date.
    pub granted_on: NaiveDate,
    /// Its amount in the ledger's minor units, converted where needed.
    pub amount_minor_units: i64,
    /// Own record or declared.
    pub source: RecordSource,
}

/// A later grant whose own window contains the proposed aid and would go over its ceiling.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LaterWindowConflict {
    /// The later record.
    pub record_id: String,
    /// Its grant date.
    pub granted_on: NaiveDate,
    /// Its window.
    pub window: AidWindow,
    /// The total in that window with the proposed aid added.
    pub total_with_proposed_minor_units: i64,
    /// The ceiling that applies to that grant.
    pub ceiling_minor_units: i64,
}

/// The result of a ledger check; money in the ledger currency's minor units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerCheck {
    /// The ledger family the country gives.
    pub family: LedgerFamily,
    /// The instrument the grant date gives.
    pub regime: Regime,
    /// The currency of every amount below.
    pub currency: LedgerCurrency,
    /// The enterprises counted as one recipient, sorted.
    pub single_undertaking: Vec<String>,
    /// The period counted.
    pub window: AidWindow,
    /// The records counted, by grant date then id.
    pub contributions: Vec<Contribution>,
    /// Total of the contributions.
    pub used_minor_units: i64,
    /// The proposed aid, converted.
    pub proposed_minor_units: i64,
    /// Used plus proposed.
    pub total_with_proposed_minor_units: i64,
    /// The ceiling or threshold.
    pub ceiling_minor_units: i64,
    /// Ceiling minus used: the most that could still be granted on this date. Negative when the
    /// records already exceed the ceiling.
    pub headroom_minor_units: i64,
    /// Whether the proposed aid would take the total above the ceiling.
    pub would_exceed: bool,
    /// The smallest total at which the warning share of the ceiling is reached.
    pub warning_from_minor_units: i64,
    /// The warning level of the total with the proposed aid.
    pub warning: WarningLevel,
    /// Later grants whose own ceiling the proposed aid would break.
    pub later_conflicts: Vec<LaterWindowConflict>,
}

/// The window counted for aid granted on `granted_on` under `regime`.
pub fn window_for(
    regime: Regime,
    granted_on: NaiveDate,
    settings: &CheckSettings,
) -> Result<AidWindow, SubsidyError> {
    match regime {
        Regime::DeMinimis2023 => de_minimis_2023_window(granted_on),
        Regime::DeMinimis2013 => de_minimis_2013_window(granted_on, settings.fiscal_year_start),
        Regime::MinimalFinancialAssistance => mfa_applicable_period(granted_on),
    }
}

/// The ceiling for aid granted on `granted_on` under `regime`, in the ledger's minor units.
pub fn ceiling_for(regime: Regime, granted_on: NaiveDate) -> Result<i64, SubsidyError> {
    match regime {
        Regime::DeMinimis2023 => Ok(DE_MINIMIS_2023_CEILING_CENTS),
        Regime::DeMinimis2013 => Ok(DE_MINIMIS_2013_CEILING_CENTS),
        Regime::MinimalFinancialAssistance => mfa_threshold_pence(granted_on),
    }
}

/// Checks the proposed aid against the recipient's ledger.
pub fn check_aid(input: &LedgerInput) -> Result<LedgerCheck, SubsidyError> {
    let settings = &input.settings;
    if !(1..=FULL_SHARE_BP).contains(&settings.warning_share_bp) {
        return Err(SubsidyError::ShareOutOfRange {
            field: "settings.warning_share_bp",
            value: settings.warning_share_bp,
        });
    }
    let family = ledger_for_country(&input.country)?;
    let currency = family.currency();
    let proposed = &input.proposed;
    let regime = regime_for(family, proposed.granted_on, "proposed.granted_on")?;
    let group = single_undertaking(&proposed.enterprise_id, &input.links, family)?;
    let proposed_amount =
        to_ledger_minor_units(&proposed.amount, proposed.rate.as_ref(), currency, None)?;
    let converted = convert_records(&input.records, currency)?;
    let in_group: Vec<&Converted<'_>> = converted
        .iter()
        .filter(|c| group.contains(&c.record.enterprise_id))
        .collect();

    let window = window_for(regime, proposed.granted_on, settings)?;
    let ceiling = ceiling_for(regime, proposed.granted_on)?;
    let mut counted: Vec<&Converted<'_>> = in_group
        .iter()
        .copied()
        .filter(|c| window.contains(c.record.granted_on))
        .collect();
    counted.sort_by(|a, b| {
        (a.record.granted_on, &a.record.id).cmp(&(b.record.granted_on, &b.record.id))
    });
    let used = sum(counted.iter().map(|c| c.amount))?;
    let total = add(used, proposed_amount)?;
    let headroom = ceiling - used;
    let would_exceed = total > ceiling;

    let later_conflicts = later_conflicts(
        family,
        proposed.granted_on,
        proposed_amount,
        &in_group,
        settings,
    )?;

    Ok(LedgerCheck {
        family,
        regime,
        currency,
        single_undertaking: group.into_iter().collect(),
        window,
        contributions: counted
            .iter()
            .map(|c| Contribution {
                record_id: c.record.id.clone(),
                enterprise_id: c.record.enterprise_id.clone(),
                granted_on: c.record.granted_on,
                amount_minor_units: c.amount,
                source: c.record.source.clone(),
            })
            .collect(),
        used_minor_units: used,
        proposed_minor_units: proposed_amount,
        total_with_proposed_minor_units: total,
        ceiling_minor_units: ceiling,
        headroom_minor_units: headroom,
        would_exceed,
        warning_from_minor_units: warning_from(ceiling, settings.warning_share_bp),
        warning: warning_level(total, ceiling, settings.warning_share_bp),
        later_conflicts,
    })
}

/// A record with its amount in the ledger's currency.
struct Converted<'a> {
    record: &'a AidRecord,
    amount: i64,
}

fn convert_records(
    records: &[AidRecord],
    currency: LedgerCurrency,
) -> Result<Vec<Converted<'_>>, SubsidyError> {
    let mut seen = BTreeSet::new();
    records
        .iter()
        .map(|record| {
            if record.id.trim().is_empty() {
                return Err(SubsidyError::EmptyId {
                    field: "records[].id",
                });
            }
            if record.enterprise_id.trim().is_empty() {
                return Err(SubsidyError::EmptyId {
                    field: "records[].enterprise_id",
                });
            }
            if !seen.insert(record.id.as_str()) {
                return Err(SubsidyError::DuplicateRecordId {
                    id: record.id.clone(),
                });
            }
            let amount = to_ledger_minor_units(
                &record.amount,
                record.rate.as_ref(),
                currency,
                Some(&record.id),
            )?;
            Ok(Converted { record, amount })
        })
        .collect()
}

fn later_conflicts(
    family: LedgerFamily,
    proposed_on: NaiveDate,
    proposed_amount: i64,
    in_group: &[&Converted<'_>],
    settings: &CheckSettings,
) -> Result<Vec<LaterWindowConflict>, SubsidyError> {
    let mut conflicts = Vec::new();
    for later in in_group
        .iter()
        .filter(|c| c.record.granted_on > proposed_on)
    {
        let date = later.record.granted_on;
        let regime = regime_for(family, date, "records[].granted_on")?;
        let window = window_for(regime, date, settings)?;
        if !window.contains(proposed_on) {
            continue;
        }
        let ceiling = ceiling_for(regime, date)?;
        let in_window = sum(in_group
            .iter()
            .filter(|c| window.contains(c.record.granted_on))
            .map(|c| c.amount))?;
        let total = add(in_window, proposed_amount)?;
        if total > ceiling {
            conflicts.push(LaterWindowConflict {
                record_id: later.record.id.clone(),
                granted_on: date,
                window,
                total_with_proposed_minor_units: total,
                ceiling_minor_units: ceiling,
            });
        }
    }
    conflicts.sort_by(|a, b| (a.granted_on, &a.record_id).cmp(&(b.granted_on, &b.record_id)));
    Ok(conflicts)
}

/// The smallest total that reaches `share_bp` of `ceiling`: ⌈ceiling × share ÷ 10,000⌉.
fn warning_from(ceiling: i64, share_bp: i64) -> i64 {
    let product = i128::from(ceiling) * i128::from(share_bp);
    let full = i128::from(FULL_SHARE_BP);
    // Ceilings and shares are non-negative and the share is at most 100 %, so this fits.
    i64::try_from((product + full - 1) / full).unwrap_or(ceiling)
}

fn warning_level(total: i64, ceiling: i64, share_bp: i64) -> WarningLevel {
    if total > ceiling {
        WarningLevel::OverCeiling
    } else if i128::from(total) * i128::from(FULL_SHARE_BP)
        >= i128::from(ceiling) * i128::from(share_bp)
    {
        WarningLevel::NearCeiling
    } else {
        WarningLevel::Clear
    }
}

fn sum(mut amounts: impl Iterator<Item = i64>) -> Result<i64, SubsidyError> {
    amounts.try_fold(0_i64, add)
}

fn add(a: i64, b: i64) -> Result<i64, SubsidyError> {
    a.checked_add(b).ok_or(SubsidyError::Overflow {
        field: "records[].amount",
    })
}
