//! Field-level validation errors: what is wrong, in which field, and a stable code the UI translates.

use serde::Serialize;
use std::fmt;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The input field, as named in forms, the API and import headers (`name`, `website`, …).
    pub field: String,
    /// A stable, translatable code (`required`, `too_long`, `invalid_url`, …).
    pub code: &'static str,
    /// An English explanation that says how to fix it; the UI translates `code` instead.
    pub message: String,
}

/// All problems found in one input; never empty when returned as an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    /// Records a problem with `field`.
    pub fn add(&mut self, field: &str, code: &'static str, message: impl Into<String>) {
        self.0.push(FieldError { field: field.to_owned(), code, message: message.into() });
    }

    /// `Ok(value)` when nothing was recorded, otherwise the recorded problems.
    pub fn into_result<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.0.is_empty() { Ok(value) } else { Err(self) }
    }

    /// The first problem recorded for `field`, if any.
    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}

/// Trims `value` and checks that it is present and at most `max` characters long.
pub fn required_text(errors: &mut ValidationErrors, field: &str, value: &str, max: usize) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, "required", format!("{field} is required"));
    } else {
        check_max_chars(errors, field, value, max);
    }
    value.to_owned()
}

/// Trims `value`; an empty value becomes `None`; a present one must be at most `max` characters.
pub fn optional_text(errors: &mut ValidationErrors, field: &str, value: Option<&str>, max: usize) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    check_max_chars(errors, field, value, max);
    Some(value.to_owned())
}

fn check_max_chars(errors: &mut ValidationErrors, field: &str, value: &str, max: usize) {
    let len = value.chars().count();
    if len > max {
        errors.add(field, "too_long", format!("{field} has {len} characters; shorten it to at most {max}"));
    }
}
