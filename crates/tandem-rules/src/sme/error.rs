//! Bad input to the SME test, as values: each variant names the field at fault.

/// Why an SME test could not be run on the figures given.
///
/// `enterprise` is `None` for the enterprise being assessed and the related enterprise's
/// identifier otherwise, so a form can put the message next to the right field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmeError {
    /// A headcount or money figure below zero.
    #[error("{field} of {} must not be negative (got {value})", describe(.enterprise))]
    NegativeFigure {
        /// Whose figure; `None` for the enterprise assessed.
        enterprise: Option<String>,
        /// The field, e.g. `turnover_cents`.
        field: &'static str,
        /// The value given.
        value: i64,
    },
    /// A holding outside 0–10,000 basis points (0–100 %).
    #[error(
        "{field} of related enterprise {enterprise} is {value} basis points; a holding lies between 0 and 10000"
    )]
    HoldingOutOfRange {
        /// The related enterprise.
        enterprise: String,
        /// The field, e.g. `holds_in_enterprise.capital_bp`.
        field: &'static str,
        /// The value given.
        value: i64,
    },
    /// The same related enterprise appears twice anywhere in the structure; counting it twice
    /// would add its data twice.
    #[error("related enterprise {enterprise} is listed more than once")]
    DuplicateRelated {
        /// The identifier listed twice.
        enterprise: String,
    },
    /// A related enterprise without an identifier.
    #[error("a related enterprise has an empty id")]
    EmptyId,
    /// A related enterprise with no holding in either direction and no other Art. 3(3) link:
    /// nothing relates it to the enterprise.
    #[error(
        "related enterprise {enterprise} has neither a holding (holds_in_enterprise, held_by_enterprise) nor another link (other_link)"
    )]
    NoRelation {
        /// The related enterprise.
        enterprise: String,
    },
    /// The data of this related enterprise must be aggregated, but no accounts were given.
    #[error("accounts of related enterprise {enterprise} are needed: its data are aggregated")]
    MissingAccounts {
        /// The related enterprise.
        enterprise: String,
    },
    /// An Art. 3(2) investor exception on a relation where the investor holds nothing in the
    /// enterprise: the exception is about investors holding the enterprise.
    #[error("related enterprise {enterprise}: investor_exception needs holds_in_enterprise")]
    ExceptionWithoutHolding {
        /// The related enterprise.
        enterprise: String,
    },
    /// The previous assessment is not about an earlier accounting period.
    #[error("previous.period_end ({previous}) must be before accounts.period_end ({current})")]
    PreviousPeriodNotEarlier {
        /// The previous period's end.
        previous: chrono::NaiveDate,
        /// The current period's end.
        current: chrono::NaiveDate,
    },
    /// A sum or product too large for the integer types used.
    #[error("{field} is too large to compute with")]
    Overflow {
        /// The field.
        field: &'static str,
    },
    /// A currency conversion rate or unit size that is zero or negative.
    #[error("{field} must be positive (got {value})")]
    NotPositive {
        /// The field, e.g. `euro_millionths_per_unit`.
        field: &'static str,
        /// The value given.
        value: i64,
    },
}

fn describe(enterprise: &Option<String>) -> String {
    match enterprise {
        None => "the enterprise assessed".to_owned(),
        Some(id) => format!("related enterprise {id}"),
    }
}
