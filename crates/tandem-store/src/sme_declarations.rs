//! SME declarations with their test results (table `sme_declarations`; issue 6, item 3). Never
//! changed once written: new figures make a new declaration. The test's input and result are
//! kept as JSON, so the reasoning shown later is exactly the one computed then.

use crate::{on_db, Conn, StoreError, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use tandem_core::evidence::sme::{Declaration, DeclarationInput};
use tandem_core::{OrgId, UserId};
use uuid::Uuid;

type Row = (Uuid, Uuid, String, String, String, Option<i64>, String, String, NaiveDate, Option<Uuid>, DateTime<Utc>);

const COLUMNS: &str =
    "id, org_id, input, assessment, accounts_currency, euro_rate, declared_by, declarant_role, declared_on, recorded_by, created_at";

/// JSON that does not read back is a decoding failure of the row.
fn json_error(e: serde_json::Error) -> StoreError {
    StoreError::Other(sqlx::Error::Decode(Box::new(e)))
}

fn declaration(r: Row) -> StoreResult<Declaration> {
    Ok(Declaration {
        id: r.0,
        org_id: OrgId(r.1),
        declaration: DeclarationInput {
            input: serde_json::from_str(&r.2).map_err(json_error)?,
            accounts_currency: r.4,
            euro_rate: r.5,
            declared_by: r.6,
            declarant_role: r.7,
            declared_on: r.8,
        },
        assessment: serde_json::from_str(&r.3).map_err(json_error)?,
        recorded_by: r.9.map(UserId),
        created_at: r.10,
    })
}

/// Writes a declaration.
pub async fn insert(conn: Conn<'_>, d: &Declaration) -> StoreResult<()> {
    let input = serde_json::to_string(&d.declaration.input).map_err(json_error)?;
    let assessment = serde_json::to_string(&d.assessment).map_err(json_error)?;
    on_db!(conn, |c| sqlx::query(
        "INSERT INTO sme_declarations (id, org_id, period_end, input, category, assessment, accounts_currency, euro_rate, \
         declared_by, declarant_role, declared_on, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
    )
    .bind(d.id)
    .bind(d.org_id.0)
    .bind(d.declaration.input.accounts.period_end)
    .bind(&input)
    .bind(d.assessment.category.key())
    .bind(&assessment)
    .bind(&d.declaration.accounts_currency)
    .bind(d.declaration.euro_rate)
    .bind(&d.declaration.declared_by)
    .bind(&d.declaration.declarant_role)
    .bind(d.declaration.declared_on)
    .bind(d.recorded_by.map(|u| u.0))
    .bind(d.created_at)
    .execute(&mut *c)
    .await
    .map(drop))?;
    Ok(())
}

/// An enterprise's declarations, the latest accounts first (then the latest written).
pub async fn for_org(conn: Conn<'_>, org: OrgId) -> StoreResult<Vec<Declaration>> {
    let sql = format!("SELECT {COLUMNS} FROM sme_declarations WHERE org_id = $1 ORDER BY period_end DESC, created_at DESC");
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(&sql).bind(org.0).fetch_all(&mut *c).await)?;
    rows.into_iter().map(declaration).collect()
}

/// The declarations of a project's organisations (`indicator_facts::PROJECT_ORGS` up to `to`),
/// in one query, by organisation, then as [`for_org`] orders them.
pub async fn for_project(conn: Conn<'_>, project: tandem_core::ProjectId, to: NaiveDate) -> StoreResult<Vec<Declaration>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM sme_declarations WHERE org_id IN ({}) ORDER BY org_id, period_end DESC, created_at DESC",
        crate::indicator_facts::PROJECT_ORGS
    );
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(&sql).bind(project.0).bind(to).fetch_all(&mut *c).await)?;
    rows.into_iter().map(declaration).collect()
}
