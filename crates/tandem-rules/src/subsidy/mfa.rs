//! UK Minimal Financial Assistance (MFA): the threshold, the applicable period, and the content
//! of the written statements the Subsidy Control Act 2022 requires (ss.36–37).
//!
//! - s.36(1): the subsidy control requirements do not apply to MFA given to an enterprise if
//!   the total of minimal or SPEI financial assistance given to it within the applicable period
//!   does not exceed £315,000. Exactly £315,000 is allowed. SPEI assistance (s.38) counts
//!   towards the same total: enter it as ledger records.
//! - s.36(2), (7): the applicable period is the elapsed part of the current financial year —
//!   the one in which the MFA is given, "so much of it as has passed at the time when it is
//!   given" — and the two financial years immediately before it.
//! - Financial year: ss.36–37 do not define it. The UK statutory guidance (as summarised by
//!   gov.scot, "Subsidy control: guidance") reads it as the year from 1 April; the Interpretation
//!   Act 1978, Sch. 1, defines "financial year" as the twelve months ending with 31 March, but
//!   only for matters of public finance. UNVERIFIED against the Act's own interpretation
//!   section; this module uses 1 April – 31 March.
//! - s.36(4): the transparency requirements (Part 2, Chapter 3) stay disapplied only for MFA
//!   of no more than £100,000; above that, the award must be published.
//! - s.36(5), s.37(8): the amount is the gross cash amount, or the gross cash equivalent.
//! - Threshold changes: none found. legislation.gov.uk shows "no known outstanding effects"
//!   for s.37 and no amendment to s.36(1); the 2025 amending regulations found
//!   (S.I. on subsidies "of interest or particular interest") change other thresholds. The
//!   threshold is nevertheless kept as a dated table, [`MFA_THRESHOLDS`], so a change can be
//!   added as a row.
//! - Enterprise: ss.7–8 treat persons under common control as one enterprise; s.8(2) counts
//!   the ability to control *or materially to influence* the policy of a body corporate, which
//!   is broader than the four EU relations. See
//!   [`ControlRelation::MaterialInfluence`](super::single_undertaking::ControlRelation).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::error::SubsidyError;
use super::jurisdiction::MFA_FIRST_DAY;
use super::window::{AidWindow, YearStart, current_and_two_previous_years};

/// A threshold and the first grant date it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DatedThreshold {
    /// First grant date the threshold applies to.
    pub from: NaiveDate,
    /// The threshold in pence.
    pub pence: i64,
}

/// The MFA threshold of s.36(1) over time, oldest first: £315,000 since Part 3 of the Act came
/// into force on 4 January 2023.
pub const MFA_THRESHOLDS: [DatedThreshold; 1] = [DatedThreshold {
    from: MFA_FIRST_DAY,
    pence: 31_500_000,
}];

/// Above this amount the transparency requirements apply to MFA (s.36(4)): £100,000 in pence.
pub const MFA_TRANSPARENCY_LIMIT_PENCE: i64 = 10_000_000;

/// How long the enterprise must keep its written record of the MFA: at least three years
/// beginning with the date it was given (s.37(7)).
pub const MFA_RECORD_KEEPING_YEARS: i32 = 3;

/// The MFA threshold in pence for assistance given on `given_on` (s.36(1)), from
/// [`MFA_THRESHOLDS`].
pub fn mfa_threshold_pence(given_on: NaiveDate) -> Result<i64, SubsidyError> {
    MFA_THRESHOLDS
        .iter()
        .rev()
        .find(|row| row.from <= given_on)
        .map(|row| row.pence)
        .ok_or(SubsidyError::GrantDateNotCovered {
            field: "granted_on",
            date: given_on,
            family: super::jurisdiction::LedgerFamily::UkMinimalFinancialAssistance,
            first_covered: MFA_FIRST_DAY,
        })
}

/// The applicable period of s.36(2) for assistance given on `given_on`: from 1 April of the
/// financial year two years before the current one, to `given_on` itself.
pub fn mfa_applicable_period(given_on: NaiveDate) -> Result<AidWindow, SubsidyError> {
    current_and_two_previous_years(given_on, YearStart::UK_FINANCIAL)
}

/// What a statutory MFA statement says, as keys a renderer translates into the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MfaStatementKey {
    /// s.37(2)(a): the authority proposes to give the enterprise a subsidy by way of MFA.
    ProposesMinimalFinancialAssistance,
    /// s.37(2)(b): the gross value amount of the assistance.
    GrossValueAmount,
    /// s.37(2)(c): a request for written confirmation that the s.36(1) threshold will not be
    /// exceeded by the enterprise receiving the proposed assistance.
    RequestsConfirmationThresholdNotExceeded,
    /// s.37(3): the assistance is given only once that confirmation has been received.
    GivenOnlyAfterConfirmation,
    /// Not statutory, but how the confirmation is usually supported: a declaration of the
    /// minimal or SPEI financial assistance (and other low-value subsidies the guidance counts)
    /// received in the applicable period. Tandem records each declared row as a ledger record.
    RequestsDeclarationOfAssistanceReceived,
    /// s.36(4): the award exceeds £100,000 and will be published under the transparency
    /// requirements.
    TransparencyApplies,
    /// s.37(5)(a): the subsidy is given as MFA.
    GivenAsMinimalFinancialAssistance,
    /// s.37(5)(b): the date on which it is given.
    DateGiven,
    /// s.37(6)–(7): the enterprise must keep a written record (that it received MFA, the date,
    /// the gross value amount) for at least three years from the date given.
    RecipientMustKeepRecord,
}

/// The content of a minimal financial assistance notification (s.37(1)–(2)), given to the
/// enterprise before the assistance, for a document writer to render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MfaNotification {
    /// The enterprise that would receive the assistance.
    pub enterprise_id: String,
    /// The date the assistance is proposed to be given; it fixes the applicable period.
    pub proposed_on: NaiveDate,
    /// The gross value amount in pence (s.37(2)(b), (8)).
    pub gross_value_pence: i64,
    /// The s.36(1) threshold in pence.
    pub threshold_pence: i64,
    /// The applicable period of s.36(2) for the proposed date.
    pub applicable_period: AidWindow,
    /// Whether the transparency requirements apply (s.36(4): more than £100,000).
    pub transparency_applies: bool,
    /// What the statement says, in order.
    pub statements: Vec<MfaStatementKey>,
}

/// The content of a minimal financial assistance confirmation (s.37(4)–(5)), given to the
/// enterprise with the assistance, with the record-keeping duty of s.37(6)–(7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MfaConfirmation {
    /// The enterprise that received the assistance.
    pub enterprise_id: String,
    /// The date it was given (s.37(5)(b)).
    pub given_on: NaiveDate,
    /// The gross value amount in pence (s.37(5)(c)).
    pub gross_value_pence: i64,
    /// The last day of the three years, beginning with `given_on`, the enterprise must keep its
    /// record for at least (s.37(7)).
    pub keep_record_until: NaiveDate,
    /// What the statement says, in order.
    pub statements: Vec<MfaStatementKey>,
}

/// The notification to send before giving `gross_value_pence` of MFA on `proposed_on`.
pub fn mfa_notification(
    enterprise_id: &str,
    proposed_on: NaiveDate,
    gross_value_pence: i64,
) -> Result<MfaNotification, SubsidyError> {
    check_statement_input(enterprise_id, gross_value_pence)?;
    let transparency_applies = gross_value_pence > MFA_TRANSPARENCY_LIMIT_PENCE;
    let mut statements = vec![
        MfaStatementKey::ProposesMinimalFinancialAssistance,
        MfaStatementKey::GrossValueAmount,
        MfaStatementKey::RequestsConfirmationThresholdNotExceeded,
        MfaStatementKey::GivenOnlyAfterConfirmation,
        MfaStatementKey::RequestsDeclarationOfAssistanceReceived,
    ];
    if transparency_applies {
        statements.push(MfaStatementKey::TransparencyApplies);
    }
    Ok(MfaNotification {
        enterprise_id: enterprise_id.to_owned(),
        proposed_on,
        gross_value_pence,
        threshold_pence: mfa_threshold_pence(proposed_on)?,
        applicable_period: mfa_applicable_period(proposed_on)?,
        transparency_applies,
        statements,
    })
}

/// The confirmation to give with `gross_value_pence` of MFA given on `given_on`.
pub fn mfa_confirmation(
    enterprise_id: &str,
    given_on: NaiveDate,
    gross_value_pence: i64,
) -> Result<MfaConfirmation, SubsidyError> {
    check_statement_input(enterprise_id, gross_value_pence)?;
    mfa_threshold_pence(given_on)?;
    Ok(MfaConfirmation {
        enterprise_id: enterprise_id.to_owned(),
        given_on,
        gross_value_pence,
        keep_record_until: keep_until(given_on)?,
        statements: vec![
            MfaStatementKey::GivenAsMinimalFinancialAssistance,
            MfaStatementKey::DateGiven,
            MfaStatementKey::GrossValueAmount,
            MfaStatementKey::RecipientMustKeepRecord,
        ],
    })
}

/// Three years "beginning with" the date: the last day is the day before its third
/// anniversary. For 29 February the anniversary is taken as 1 March, so the period runs to
/// 28 February inclusive.
fn keep_until(given_on: NaiveDate) -> Result<NaiveDate, SubsidyError> {
    let year = given_on.year() + MFA_RECORD_KEEPING_YEARS;
    NaiveDate::from_ymd_opt(year, given_on.month(), given_on.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        .and_then(|anniversary| anniversary.pred_opt())
        .ok_or(SubsidyError::Overflow { field: "given_on" })
}

fn check_statement_input(enterprise_id: &str, gross_value_pence: i64) -> Result<(), SubsidyError> {
    if enterprise_id.trim().is_empty() {
        return Err(SubsidyError::EmptyId {
            field: "enterprise_id",
        });
    }
    if gross_value_pence < 0 {
        return Err(SubsidyError::NegativeAmount {
            record: None,
            field: "gross_value_pence",
            value: gross_value_pence,
        });
    }
    Ok(())
}
