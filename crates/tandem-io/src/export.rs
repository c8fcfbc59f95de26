//! What can go wrong when an export is written (shared by every export format).

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed (usually an I/O error of the destination).
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The JSON writer failed (usually an I/O error of the destination).
    #[error("could not write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The destination failed.
    #[error("could not write the export: {0}")]
    Io(#[from] std::io::Error),
}
