//! What is wrong with an instance, said so that the organiser can fix the file or the form.

use std::fmt;

/// Most issues kept: past this, a file is broken in one systematic way and the first ones say how.
const MAX_ISSUES: usize = 50;

/// One problem in an instance: where (a JSON path such as `meetings[12].b`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// JSON path of the offending field, e.g. `participants[3].table`.
    pub path: String,
    /// What is wrong with its value and how to fix it.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why an instance cannot be scheduled: every issue found (up to a limit), in file order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InstanceError {
    /// The issues, at most 50.
    pub issues: Vec<Issue>,
    /// Issues found beyond those kept.
    pub more: usize,
}

impl InstanceError {
    /// Whether any issue names this path exactly.
    pub fn mentions(&self, path: &str) -> bool {
        self.issues.iter().any(|i| i.path == path)
    }
}

impl fmt::Display for InstanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.issues.as_slice() {
            [one] if self.more == 0 => write!(f, "{one}"),
            issues => {
                let total = issues.len() + self.more;
                write!(f, "{total} problems in the instance:")?;
                for issue in issues {
                    write!(f, "\n  {issue}")?;
                }
                if self.more > 0 {
                    write!(f, "\n  … and {} more", self.more)?;
                }
                Ok(())
            }
        }
    }
}

/// Collects issues while an instance is checked.
#[derive(Debug, Default)]
pub(crate) struct Issues {
    issues: Vec<Issue>,
    more: usize,
}

impl Issues {
    pub(crate) fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(Issue { path: path.into(), message: message.into() });
        } else {
            self.more += 1;
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    pub(crate) fn into_result(self) -> Result<(), InstanceError> {
        if self.issues.is_empty() { Ok(()) } else { Err(InstanceError { issues: self.issues, more: self.more }) }
    }
}
