//! What subsidy ledgers count (tables `aid_declarations`, `control_links`, and the aid values of
//! `support_records`; issue 6, item 4): aid declared from other grantors, the control links that
//! make enterprises one recipient, and every enterprise's aid in one list. Nothing is deleted:
//! declarations are withdrawn, links removed, and both then count nowhere. Updates are
//! version-checked.

use crate::{Conn, StoreResult, on_db};
use chrono::{DateTime, NaiveDate, Utc};
use tandem_core::evidence::aid::{AidDeclaration, AidDeclarationInput, EnterpriseLink, LinkInput, relation_key, relation_of};
use tandem_core::{OrgId, ProjectId, SupportRecordId, UserId};
use uuid::Uuid;

// ---------------------------------------------------------------------------------------------
// Declarations

#[derive(sqlx::FromRow)]
struct DeclarationRow {
    id: Uuid,
    enterprise_id: Uuid,
    grantor: String,
    description: Option<String>,
    granted_on: NaiveDate,
    amount: i64,
    currency: String,
    rate_millionths: Option<i64>,
    rate_source: Option<String>,
    declared_on: NaiveDate,
    created_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    version: i64,
    withdrawn_at: Option<DateTime<Utc>>,
    withdrawn_reason: Option<String>,
}

impl From<DeclarationRow> for AidDeclaration {
    fn from(r: DeclarationRow) -> Self {
        AidDeclaration {
            id: r.id,
            enterprise_id: OrgId(r.enterprise_id),
            input: AidDeclarationInput {
                grantor: r.grantor,
                description: r.description,
                granted_on: r.granted_on,
                amount: r.amount,
                currency: r.currency,
                rate_millionths: r.rate_millionths,
                rate_source: r.rate_source,
                declared_on: r.declared_on,
            },
            created_by: r.created_by.map(UserId),
            created_at: r.created_at,
            updated_at: r.updated_at,
            version: r.version,
            withdrawn_at: r.withdrawn_at,
            withdrawn_reason: r.withdrawn_reason,
        }
    }
}

const DECLARATION_COLUMNS: &str = "id, enterprise_id, grantor, description, granted_on, amount, currency, rate_millionths, \
     rate_source, declared_on, created_by, created_at, updated_at, version, withdrawn_at, withdrawn_reason";
const INSERT_DECLARATION: &str = "INSERT INTO aid_declarations (id, enterprise_id, grantor, description, granted_on, amount, \
     currency, rate_millionths, rate_source, declared_on, created_by, created_at, updated_at, version) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, 1)";
const UPDATE_DECLARATION: &str = "UPDATE aid_declarations SET grantor = $3, description = $4, granted_on = $5, amount = $6, \
     currency = $7, rate_millionths = $8, rate_source = $9, declared_on = $10, version = version + 1, updated_at = $11 \
     WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL";
const WITHDRAW_DECLARATION: &str = "UPDATE aid_declarations SET withdrawn_at = $3, withdrawn_reason = $4, version = version + 1, \
     updated_at = $3 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL";

/// Writes a new declaration.
pub async fn insert_declaration(conn: Conn<'_>, d: &AidDeclaration) -> StoreResult<()> {
    let i = &d.input;
    on_db!(conn, |c| sqlx::query(INSERT_DECLARATION)
        .bind(d.id)
        .bind(d.enterprise_id.0)
        .bind(&i.grantor)
        .bind(&i.description)
        .bind(i.granted_on)
        .bind(i.amount)
        .bind(&i.currency)
        .bind(i.rate_millionths)
        .bind(&i.rate_source)
        .bind(i.declared_on)
        .bind(d.created_by.map(|u| u.0))
        .bind(d.created_at)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(())
}

/// Replaces a declaration's fields if it is still at `version` and not withdrawn; false otherwise.
pub async fn update_declaration(conn: Conn<'_>, id: Uuid, version: i64, i: &AidDeclarationInput, now: DateTime<Utc>) -> StoreResult<bool> {
    let changed = on_db!(conn, |c| sqlx::query(UPDATE_DECLARATION)
        .bind(id)
        .bind(version)
        .bind(&i.grantor)
        .bind(&i.description)
        .bind(i.granted_on)
        .bind(i.amount)
        .bind(&i.currency)
        .bind(i.rate_millionths)
        .bind(&i.rate_source)
        .bind(i.declared_on)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

/// Withdraws a declaration at `version`; false when it changed meanwhile or was withdrawn already.
pub async fn withdraw_declaration(conn: Conn<'_>, id: Uuid, version: i64, reason: &str, now: DateTime<Utc>) -> StoreResult<bool> {
    let changed = on_db!(conn, |c| sqlx::query(WITHDRAW_DECLARATION)
        .bind(id)
        .bind(version)
        .bind(now)
        .bind(reason)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

/// One declaration.
pub async fn declaration(conn: Conn<'_>, id: Uuid) -> StoreResult<Option<AidDeclaration>> {
    let sql = format!("SELECT {DECLARATION_COLUMNS} FROM aid_declarations WHERE id = $1");
    let row: Option<DeclarationRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id).fetch_optional(&mut *c).await)?;
    Ok(row.map(AidDeclaration::from))
}

/// Every declaration for an enterprise (withdrawn ones included), latest grant first.
pub async fn declarations_of(conn: Conn<'_>, enterprise: OrgId) -> StoreResult<Vec<AidDeclaration>> {
    let sql =
        format!("SELECT {DECLARATION_COLUMNS} FROM aid_declarations WHERE enterprise_id = $1 ORDER BY granted_on DESC, created_at DESC");
    let rows: Vec<DeclarationRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(enterprise.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(AidDeclaration::from).collect())
}

// ---------------------------------------------------------------------------------------------
// Control links

type LinkRow = (Uuid, Uuid, Uuid, String, Option<Uuid>, DateTime<Utc>, Option<DateTime<Utc>>);

/// A row whose relation key this version does not know is left out rather than guessed.
fn link_of(r: LinkRow) -> Option<EnterpriseLink> {
    Some(EnterpriseLink {
        id: r.0,
        input: LinkInput { controller_id: OrgId(r.1), controlled_id: OrgId(r.2), relation: relation_of(&r.3)? },
        created_by: r.4.map(UserId),
        created_at: r.5,
        removed_at: r.6,
    })
}

const LINK_COLUMNS: &str = "id, controller_id, controlled_id, relation, created_by, created_at, removed_at";

/// Writes a new link.
pub async fn insert_link(conn: Conn<'_>, l: &EnterpriseLink) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(
        "INSERT INTO control_links (id, controller_id, controlled_id, relation, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)"
    )
    .bind(l.id)
    .bind(l.input.controller_id.0)
    .bind(l.input.controlled_id.0)
    .bind(relation_key(l.input.relation))
    .bind(l.created_by.map(|u| u.0))
    .bind(l.created_at)
    .execute(&mut *c)
    .await
    .map(drop))?;
    Ok(())
}

/// Removes a link still in force; false when it was removed already.
pub async fn remove_link(conn: Conn<'_>, id: Uuid, now: DateTime<Utc>) -> StoreResult<bool> {
    let changed = on_db!(conn, |c| sqlx::query("UPDATE control_links SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL")
        .bind(id)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

/// One link.
pub async fn link(conn: Conn<'_>, id: Uuid) -> StoreResult<Option<EnterpriseLink>> {
    let sql = format!("SELECT {LINK_COLUMNS} FROM control_links WHERE id = $1");
    let row: Option<LinkRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id).fetch_optional(&mut *c).await)?;
    Ok(row.and_then(link_of))
}

/// The links in force that `enterprise` is on either end of, oldest first.
pub async fn links_of(conn: Conn<'_>, enterprise: OrgId) -> StoreResult<Vec<EnterpriseLink>> {
    let sql = format!(
        "SELECT {LINK_COLUMNS} FROM control_links WHERE (controller_id = $1 OR controlled_id = $1) AND removed_at IS NULL \
         ORDER BY created_at, id"
    );
    let rows: Vec<LinkRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(enterprise.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(link_of).collect())
}

/// Every link `enterprise` was ever on either end of, removed ones included, oldest first (the
/// ledger's history shows removals too).
pub async fn all_links_of(conn: Conn<'_>, enterprise: OrgId) -> StoreResult<Vec<EnterpriseLink>> {
    let sql = format!("SELECT {LINK_COLUMNS} FROM control_links WHERE controller_id = $1 OR controlled_id = $1 ORDER BY created_at, id");
    let rows: Vec<LinkRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(enterprise.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(link_of).collect())
}

// ---------------------------------------------------------------------------------------------
// The aid a ledger counts

/// Where a piece of aid comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AidSource {
    /// A support record of a funded project (its aid value).
    Support {
        /// The record.
        record_id: SupportRecordId,
        /// Its project.
        project_id: ProjectId,
        /// The project's name.
        project_name: String,
    },
    /// A declaration of another grantor's aid.
    Declared {
        /// The declaration.
        declaration_id: Uuid,
        /// The grantor named.
        grantor: String,
    },
}

/// One piece of aid an enterprise received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AidEntry {
    /// The support record's or the declaration's id (unique across both).
    pub id: Uuid,
    /// Where it comes from.
    pub source: AidSource,
    /// The enterprise that received it.
    pub enterprise_id: OrgId,
    /// Delivered (support) or granted (declared) on.
    pub granted_on: NaiveDate,
    /// Gross aid value in hundredths of `currency`.
    pub amount: i64,
    /// ISO 4217 code.
    pub currency: String,
    /// Millionths of the ledger currency per unit of `currency`, where entered.
    pub rate_millionths: Option<i64>,
}

type SupportAidRow = (Uuid, Uuid, String, Uuid, NaiveDate, i64, String, Option<i64>);
type DeclaredAidRow = (Uuid, String, Uuid, NaiveDate, i64, String, Option<i64>);

/// The aid `enterprises` received: support records with an aid value, in every project, and
/// declarations, neither withdrawn; by date.
pub async fn aid_of(mut conn: Conn<'_>, enterprises: &[OrgId]) -> StoreResult<Vec<AidEntry>> {
    let mut out = Vec::new();
    for enterprise in enterprises {
        let support: Vec<SupportAidRow> = on_db!(conn.reborrow(), |c| sqlx::query_as(
            "SELECT s.id, s.project_id, p.name, s.enterprise_id, s.delivered_on, s.aid_value, s.currency, s.aid_rate_millionths \
             FROM support_records s JOIN funded_projects p ON p.id = s.project_id \
             WHERE s.enterprise_id = $1 AND s.withdrawn_at IS NULL AND s.aid_value > 0"
        )
        .bind(enterprise.0)
        .fetch_all(&mut *c)
        .await)?;
        out.extend(support.into_iter().map(|r| AidEntry {
            id: r.0,
            source: AidSource::Support { record_id: SupportRecordId(r.0), project_id: ProjectId(r.1), project_name: r.2 },
            enterprise_id: OrgId(r.3),
            granted_on: r.4,
            amount: r.5,
            currency: r.6,
            rate_millionths: r.7,
        }));
        let declared: Vec<DeclaredAidRow> = on_db!(conn.reborrow(), |c| sqlx::query_as(
            "SELECT id, grantor, enterprise_id, granted_on, amount, currency, rate_millionths FROM aid_declarations \
             WHERE enterprise_id = $1 AND withdrawn_at IS NULL"
        )
        .bind(enterprise.0)
        .fetch_all(&mut *c)
        .await)?;
        out.extend(declared.into_iter().map(|r| AidEntry {
            id: r.0,
            source: AidSource::Declared { declaration_id: r.0, grantor: r.1 },
            enterprise_id: OrgId(r.2),
            granted_on: r.3,
            amount: r.4,
            currency: r.5,
            rate_millionths: r.6,
        }));
    }
    out.sort_by_key(|a| (a.granted_on, a.id));
    Ok(out)
}
