//! Use-case errors: each says what the caller can do about it.

use tandem_core::policy::Denied;
use tandem_core::validation::ValidationErrors;
use tandem_store::StoreError;

/// Why a use case did not happen.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input has problems; each names its field.
    #[error("{0}")]
    Invalid(ValidationErrors),
    /// The actor may not do this.
    #[error("{0}")]
    Denied(#[from] Denied),
    /// The thing does not exist (or the actor may not know it exists).
    #[error("not found")]
    NotFound,
    /// Someone changed the record since it was read; reload and reapply.
    #[error("this record was changed by someone else since you opened it; reload it and make your change again")]
    Conflict,
    /// Too many attempts; try again later.
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    RateLimited {
        /// Seconds until the next attempt is allowed.
        retry_after_secs: u64,
    },
    /// A fault that is not the user's (database down, disk full).
    #[error("internal error: {0}")]
    Internal(String),
}

/// Result of a use case.
pub type AppResult<T> = Result<T, AppError>;

impl From<ValidationErrors> for AppError {
    fn from(e: ValidationErrors) -> Self {
        AppError::Invalid(e)
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict => AppError::Conflict,
            StoreError::Duplicate { field } => {
                let mut errors = ValidationErrors::default();
                errors.add(field, "duplicate", format!("this {field} is already registered"));
                AppError::Invalid(errors)
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl AppError {
    /// A single-field validation error.
    pub fn invalid(field: &str, code: &'static str, message: impl Into<String>) -> AppError {
        let mut errors = ValidationErrors::default();
        errors.add(field, code, message);
        AppError::Invalid(errors)
    }
}
