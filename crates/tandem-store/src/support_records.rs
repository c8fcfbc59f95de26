//! Support given to enterprises (tables `support_records`, `support_evidence`; issue 6, item 2).
//! Records are never deleted: a mistaken one is withdrawn (it stays as evidence and counts
//! nowhere). Updates are version-checked. Evidence bytes live in the database, as agreements'
//! do; listings read the metadata only.

use crate::evidence_files::{self, FileRow, NewEvidenceFile, SUPPORT};
use crate::{Conn, StoreResult, on_db};
use chrono::{DateTime, NaiveDate, Utc};
use tandem_core::evidence::support::{Activity, SupportInput, SupportRecord};
use tandem_core::{OrgId, ProgrammeId, ProjectId, SupportEvidenceId, SupportRecordId, UserId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct RecordRow {
    id: Uuid,
    project_id: Uuid,
    enterprise_id: Uuid,
    support_org_id: Uuid,
    adviser_user_id: Option<Uuid>,
    adviser_name: String,
    delivered_on: NaiveDate,
    hours: i32,
    activity: String,
    written_output: Option<String>,
    grant_amount: Option<i64>,
    loan_amount: Option<i64>,
    aid_value: i64,
    currency: String,
    aid_rate_millionths: Option<i64>,
    programme_id: Option<Uuid>,
    created_by: Option<Uuid>,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    withdrawn_at: Option<DateTime<Utc>>,
    withdrawn_reason: Option<String>,
}

impl RecordRow {
    fn into_record(self) -> Option<SupportRecord> {
        let activity = Activity::from_key(&self.activity)?;
        Some(SupportRecord {
            id: SupportRecordId(self.id),
            project_id: ProjectId(self.project_id),
            input: SupportInput {
                enterprise_id: OrgId(self.enterprise_id),
                support_org_id: OrgId(self.support_org_id),
                adviser_name: self.adviser_name,
                delivered_on: self.delivered_on,
                hours: i64::from(self.hours),
                activity,
                written_output: self.written_output,
                grant_amount: self.grant_amount,
                loan_amount: self.loan_amount,
                // The stored aid value is what counts; the entered equivalent is kept in it.
                loan_aid_value: (activity == Activity::Loan).then_some(self.aid_value),
                aid_rate_millionths: self.aid_rate_millionths,
                programme_id: self.programme_id.map(ProgrammeId),
            },
            adviser_user_id: self.adviser_user_id.map(UserId),
            aid_value: self.aid_value,
            currency: self.currency,
            created_by: self.created_by.map(UserId),
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
            withdrawn_at: self.withdrawn_at,
            withdrawn_reason: self.withdrawn_reason,
        })
    }
}

const COLUMNS: &str = "id, project_id, enterprise_id, support_org_id, adviser_user_id, adviser_name, delivered_on, hours, \
     activity, written_output, grant_amount, loan_amount, aid_value, currency, aid_rate_millionths, programme_id, created_by, version, \
     created_at, updated_at, withdrawn_at, withdrawn_reason";
const INSERT: &str = "INSERT INTO support_records (id, project_id, enterprise_id, support_org_id, adviser_user_id, adviser_name, \
     delivered_on, hours, activity, written_output, grant_amount, loan_amount, aid_value, currency, created_by, version, \
     created_at, updated_at, aid_rate_millionths, programme_id) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $16, $17, $18)";
const UPDATE: &str = "UPDATE support_records SET enterprise_id = $3, support_org_id = $4, adviser_name = $5, delivered_on = $6, \
     hours = $7, activity = $8, written_output = $9, grant_amount = $10, loan_amount = $11, aid_value = $12, \
     aid_rate_millionths = $14, programme_id = $15, version = version + 1, updated_at = $13 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL";
const WITHDRAW: &str = "UPDATE support_records SET withdrawn_at = $3, withdrawn_reason = $4, version = version + 1, updated_at = $3 \
     WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL";

fn hours(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// Writes a new record.
pub async fn insert(conn: Conn<'_>, r: &SupportRecord) -> StoreResult<()> {
    let i = &r.input;
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(r.id.0)
        .bind(r.project_id.0)
        .bind(i.enterprise_id.0)
        .bind(i.support_org_id.0)
        .bind(r.adviser_user_id.map(|u| u.0))
        .bind(&i.adviser_name)
        .bind(i.delivered_on)
        .bind(hours(i.hours))
        .bind(i.activity.key())
        .bind(&i.written_output)
        .bind(i.grant_amount)
        .bind(i.loan_amount)
        .bind(r.aid_value)
        .bind(&r.currency)
        .bind(r.created_by.map(|u| u.0))
        .bind(r.created_at)
        .bind(i.aid_rate_millionths)
        .bind(i.programme_id.map(|p| p.0))
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(())
}

/// Replaces a record's fields if it is still at `version` and not withdrawn; false otherwise.
pub async fn update(
    conn: Conn<'_>,
    id: SupportRecordId,
    version: i64,
    i: &SupportInput,
    aid_value: i64,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = on_db!(conn, |c| sqlx::query(UPDATE)
        .bind(id.0)
        .bind(version)
        .bind(i.enterprise_id.0)
        .bind(i.support_org_id.0)
        .bind(&i.adviser_name)
        .bind(i.delivered_on)
        .bind(hours(i.hours))
        .bind(i.activity.key())
        .bind(&i.written_output)
        .bind(i.grant_amount)
        .bind(i.loan_amount)
        .bind(aid_value)
        .bind(now)
        .bind(i.aid_rate_millionths)
        .bind(i.programme_id.map(|p| p.0))
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

/// Withdraws a record at `version`; false when it changed meanwhile or was withdrawn already.
pub async fn withdraw(conn: Conn<'_>, id: SupportRecordId, version: i64, reason: &str, now: DateTime<Utc>) -> StoreResult<bool> {
    let changed = on_db!(conn, |c| sqlx::query(WITHDRAW)
        .bind(id.0)
        .bind(version)
        .bind(now)
        .bind(reason)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

/// One record.
pub async fn get(conn: Conn<'_>, id: SupportRecordId) -> StoreResult<Option<SupportRecord>> {
    let sql = format!("SELECT {COLUMNS} FROM support_records WHERE id = $1");
    let row: Option<RecordRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.and_then(RecordRow::into_record))
}

/// Every record of an enterprise (withdrawn ones included), newest first.
pub async fn for_enterprise(conn: Conn<'_>, enterprise: OrgId) -> StoreResult<Vec<SupportRecord>> {
    let sql = format!("SELECT {COLUMNS} FROM support_records WHERE enterprise_id = $1 ORDER BY delivered_on DESC, created_at DESC");
    let rows: Vec<RecordRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(enterprise.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(RecordRow::into_record).collect())
}

/// Every record of a project delivered in [`from`, `to`] (withdrawn ones included), by date.
pub async fn for_project(conn: Conn<'_>, project: ProjectId, from: NaiveDate, to: NaiveDate) -> StoreResult<Vec<SupportRecord>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM support_records WHERE project_id = $1 AND delivered_on >= $2 AND delivered_on <= $3 \
         ORDER BY delivered_on, created_at"
    );
    let rows: Vec<RecordRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(project.0).bind(from).bind(to).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(RecordRow::into_record).collect())
}

/// An evidence file's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Id.
    pub id: SupportEvidenceId,
    /// The record it supports.
    pub record_id: SupportRecordId,
    /// Name as uploaded.
    pub file_name: String,
    /// Checked media type.
    pub media_type: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256 of the content (hex), for the claim's evidence list.
    pub sha256: String,
    /// Uploaded by.
    pub uploaded_by: Option<UserId>,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// Stores an evidence file for a record.
pub async fn add_evidence(
    conn: Conn<'_>,
    id: SupportEvidenceId,
    record: SupportRecordId,
    file: &NewEvidenceFile<'_>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    evidence_files::insert(conn, SUPPORT, id.0, record.0, file, now).await
}

pub(crate) fn evidence_of(r: FileRow) -> Evidence {
    Evidence {
        id: SupportEvidenceId(r.id),
        record_id: SupportRecordId(r.owner),
        file_name: r.file_name,
        media_type: r.media_type,
        size: r.size,
        sha256: r.sha256,
        uploaded_by: r.uploaded_by,
        created_at: r.created_at,
    }
}

/// The evidence files of a record (metadata), oldest first.
pub async fn evidence(conn: Conn<'_>, record: SupportRecordId) -> StoreResult<Vec<Evidence>> {
    Ok(evidence_files::of_owner(conn, SUPPORT, record.0).await?.into_iter().map(evidence_of).collect())
}

/// The evidence files of every record of a project (metadata), in one query, oldest first.
pub async fn evidence_for_project(conn: Conn<'_>, project: ProjectId) -> StoreResult<Vec<Evidence>> {
    let join = "JOIN support_records r ON r.id = e.record_id";
    Ok(evidence_files::list(conn, SUPPORT, join, "r.project_id = $1", project.0).await?.into_iter().map(evidence_of).collect())
}

/// An evidence file with its bytes.
pub async fn evidence_file(conn: Conn<'_>, id: SupportEvidenceId) -> StoreResult<Option<(Evidence, Vec<u8>)>> {
    Ok(evidence_files::with_content(conn, SUPPORT, id.0).await?.map(|(meta, bytes)| (evidence_of(meta), bytes)))
}
