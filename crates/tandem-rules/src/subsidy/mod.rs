//! Subsidy ledgers (issue 6, item 4; ../shared/design/DOMAIN.md, "Funder evidence"): how much
//! aid a recipient has had in the period that counts, and whether a proposed grant or advice
//! would take it over the ceiling.
//!
//! Two ledgers, picked by the country the recipient is established in ([`ledger_for_country`]):
//! - **EU de minimis**, in euro: Commission Regulation (EU) 2023/2831 for aid granted from
//!   1 January 2024 — €300,000 per single undertaking over any rolling three years (Art. 3(2),
//!   recital 11); Commission Regulation (EU) No 1407/2013 for aid granted 2014–2023 —
//!   €200,000 over the current and two previous fiscal years (Art. 3(2), recital 10). See
//!   [`de_minimis`].
//! - **UK Minimal Financial Assistance**, in pounds: Subsidy Control Act 2022 s.36 — £315,000
//!   over the elapsed part of the current financial year and the two before it; s.37 — the
//!   written notification and confirmation ([`MfaNotification`], [`MfaConfirmation`]). See
//!   [`mfa`].
//!
//! A Birmingham SME and a Leipzig SME therefore fall under different ledgers.
//!
//! Common to both: aid counts on the day the right to it is conferred (de minimis Art. 3(4)) or
//! it is given (s.36(7)), not when paid; enterprises linked by control count as one recipient
//! ([`single_undertaking()`]); aid declared by the recipient from other grantors counts like the
//! project's own records ([`RecordSource`]); advice counts at market value ([`market_value`]);
//! aid in another currency is converted at a rate the caller supplies ([`currency`]).
//!
//! [`check_aid`] puts it together and answers in structured values only: the window, the
//! records counted, the total used, the ceiling, the headroom, whether the proposed aid would
//! exceed the ceiling and a warning level. Bad input is a [`SubsidyError`] naming the field.

mod check;
pub mod currency;
pub mod de_minimis;
mod error;
pub mod jurisdiction;
pub mod market_value;
pub mod mfa;
mod record;
pub mod single_undertaking;
mod window;

pub use check::{
    CheckSettings, Contribution, DEFAULT_WARNING_SHARE_BP, FULL_SHARE_BP, LaterWindowConflict,
    LedgerCheck, LedgerInput, WarningLevel, ceiling_for, check_aid, window_for,
};
pub use currency::{
    ExchangeRate, LEDGER_MINOR_UNITS_PER_UNIT, LedgerCurrency, MILLIONTHS_PER_UNIT, Money,
    to_ledger_minor_units,
};
pub use de_minimis::{
    DE_MINIMIS_2013_CEILING_CENTS, DE_MINIMIS_2023_CEILING_CENTS, de_minimis_2013_window,
    de_minimis_2023_window,
};
pub use error::SubsidyError;
pub use jurisdiction::{
    EU_MEMBER_STATES, LedgerFamily, MFA_FIRST_DAY, REG_1407_2013_FIRST_DAY,
    REG_2023_2831_FIRST_DAY, Regime, ledger_for_country, regime_for,
};
pub use market_value::{
    AidForm, DEFAULT_HOURS_PER_DAY_HUNDREDTHS, advice_market_value, aid_value_minor_units,
};
pub use mfa::{
    DatedThreshold, MFA_RECORD_KEEPING_YEARS, MFA_THRESHOLDS, MFA_TRANSPARENCY_LIMIT_PENCE,
    MfaConfirmation, MfaNotification, MfaStatementKey, mfa_applicable_period, mfa_confirmation,
    mfa_notification, mfa_threshold_pence,
};
pub use record::{AidRecord, ProposedAid, RecordSource};
pub use single_undertaking::{ControlLink, ControlRelation, single_undertaking};
pub use window::{AidWindow, YearStart, current_and_two_previous_years, three_years_ending_on};
