//! Bulk import and export of organisations (the `tandem import` / `tandem export` commands).
//! Imports are all-or-nothing: every row is checked, every problem reported with its line and
//! field, and nothing is written unless all rows are good.

use crate::directory::organisations::{index_text, validate};
use crate::{App, AppError, AppResult};
use chrono::Utc;
use std::collections::HashMap;
use std::io::Write;
use tandem_core::policy::PlatformAdmin;
use tandem_core::OrgId;
use tandem_io::org_export::{self, ExportRecord};
use tandem_io::org_import::{self, Format, HeaderMap, ImportError, RowError};
use tandem_store::{cities, organisations};

/// What an import did (or, with `dry_run`, would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    /// Data rows read.
    pub rows: usize,
    /// Organisations created.
    pub created: usize,
    /// Nothing was written.
    pub dry_run: bool,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    /// The file is unreadable, lacks columns, or has bad rows (each listed).
    #[error(transparent)]
    File(#[from] ImportError),
    /// Storage failed.
    #[error(transparent)]
    App(#[from] AppError),
}

/// Imports organisations from CSV or XLSX bytes. `progress(done, total)` is called per row.
pub async fn import_organisations(
    app: &App,
    _admin: PlatformAdmin,
    bytes: &[u8],
    format: Format,
    headers: &HeaderMap,
    dry_run: bool,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<ImportReport, ImportFailure> {
    let rows = org_import::read(bytes, format, headers)?;
    let total = rows.len();
    let mut tx = app.db().begin().await.map_err(AppError::from)?;
    let cities = cities::list(tx.conn()).await.map_err(AppError::from)?;
    let city_ids: HashMap<String, String> =
        cities.iter().map(|c| (crate::text::fold(&c.name), c.id.to_string())).collect();
    let city_names: Vec<&str> = cities.iter().map(|c| c.name.as_str()).collect();
    let mut problems: Vec<RowError> = Vec::new();
    let mut created = 0;
    let now = Utc::now();
    for (done, row) in rows.into_iter().enumerate() {
        progress(done + 1, total);
        let mut draft = row.draft;
        match city_ids.get(&crate::text::fold(&row.city)) {
            Some(id) => draft.city_id = id.clone(),
            None => {
                problems.push(RowError {
                    line: row.line,
                    field: "city".into(),
                    message: format!("unknown city '{}'; use one of: {}", row.city, city_names.join(", ")),
                });
                continue;
            }
        }
        let input = match validate(app.nace(), &cities, &draft) {
            Ok(input) => input,
            Err(AppError::Invalid(errors)) => {
                problems.extend(org_import::row_errors(row.line, &errors));
                continue;
            }
            Err(other) => return Err(other.into()),
        };
        // Inserting inside the transaction (rolled back on any problem or dry run) also catches
        // duplicates against the database and within the file. Each insert runs under a savepoint:
        // on PostgreSQL a failed statement would otherwise abort the transaction and every later
        // row would fail with an internal error instead of being checked.
        let index = index_text(app.nace(), &cities, &input);
        tx.savepoint("import_row").await.map_err(AppError::from)?;
        match organisations::insert(tx.conn(), OrgId::new(), &input, &index, now).await.map_err(AppError::from) {
            Ok(_) => {
                tx.release_savepoint("import_row").await.map_err(AppError::from)?;
                created += 1;
            }
            Err(AppError::Invalid(errors)) => {
                tx.rollback_to_savepoint("import_row").await.map_err(AppError::from)?;
                problems.extend(org_import::row_errors(row.line, &errors));
            }
            Err(other) => return Err(other.into()),
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Rows(problems).into());
    }
    if !dry_run {
        tx.commit().await.map_err(AppError::from)?;
    }
    Ok(ImportReport { rows: total, created, dry_run })
}

/// Export file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// CSV with the importer's column names.
    Csv,
    /// A JSON array.
    Json,
}

/// Writes every organisation, confidential fields included (operator tool).
pub async fn export_organisations(app: &App, _admin: PlatformAdmin, format: ExportFormat, out: impl Write) -> AppResult<usize> {
    let mut conn = app.db().acquire().await?;
    let orgs = organisations::list_all(conn.conn()).await?;
    let city_names: HashMap<_, _> = cities::list(conn.conn()).await?.into_iter().map(|c| (c.id, c.name)).collect();
    let records: Vec<ExportRecord<'_>> = orgs
        .iter()
        .map(|org| ExportRecord { org, city: city_names.get(&org.city_id).map(String::as_str).unwrap_or_default() })
        .collect();
    let result = match format {
        ExportFormat::Csv => org_export::write_csv(&records, out),
        ExportFormat::Json => org_export::write_json(&records, out),
    };
    result.map_err(|e| AppError::Internal(format!("export failed: {e}")))?;
    Ok(records.len())
}
