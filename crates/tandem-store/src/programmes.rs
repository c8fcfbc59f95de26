//! Programmes and their sectors.

use crate::{on_db, Conn, StoreError, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::directory::{Programme, ProgrammeInput, ProgrammeKind, ProgrammeStatus};
use tandem_core::nace::NaceCode;
use tandem_core::{OrgId, ProgrammeId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct ProgrammeRow {
    id: Uuid,
    org_id: Uuid,
    name: String,
    kind: String,
    status: String,
    description_en: Option<String>,
    description_de: Option<String>,
    eligibility: Option<String>,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl ProgrammeRow {
    fn into_programme(self, sectors: Vec<NaceCode>) -> Programme {
        Programme {
            id: ProgrammeId(self.id),
            org_id: OrgId(self.org_id),
            name: self.name,
            kind: ProgrammeKind::from_key(&self.kind).unwrap_or(ProgrammeKind::Mentoring),
            status: ProgrammeStatus::from_key(&self.status).unwrap_or(ProgrammeStatus::Draft),
            description_en: self.description_en,
            description_de: self.description_de,
            sectors,
            eligibility: self.eligibility,
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

const GET: &str = "SELECT id, org_id, name, kind, status, description_en, description_de, eligibility, version, \
     created_at, updated_at FROM programmes WHERE id = $1";
const BY_ORG: &str = "SELECT id, org_id, name, kind, status, description_en, description_de, eligibility, version, \
     created_at, updated_at FROM programmes WHERE org_id = $1 ORDER BY name, id";
const LIST: &str = "SELECT id, org_id, name, kind, status, description_en, description_de, eligibility, version, \
     created_at, updated_at FROM programmes WHERE status <> 'draft' ORDER BY name, id LIMIT $1 OFFSET $2";
const COUNT_VISIBLE: &str = "SELECT COUNT(*) FROM programmes WHERE status <> 'draft'";
const SECTORS: &str = "SELECT code FROM programme_sectors WHERE programme_id = $1 ORDER BY position";
const DELETE_SECTORS: &str = "DELETE FROM programme_sectors WHERE programme_id = $1";
const INSERT_SECTOR: &str = "INSERT INTO programme_sectors (programme_id, code, position) VALUES ($1, $2, $3)";
const INSERT: &str = "INSERT INTO programmes (id, org_id, name, kind, status, description_en, description_de, \
     eligibility, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)";
const UPDATE: &str = "UPDATE programmes SET name = $3, kind = $4, status = $5, description_en = $6, \
     description_de = $7, eligibility = $8, version = version + 1, updated_at = $9 WHERE id = $1 AND version = $2";
const EXISTS: &str = "SELECT COUNT(*) FROM programmes WHERE id = $1";

/// Creates a programme run by `org`.
pub async fn insert(mut conn: Conn<'_>, id: ProgrammeId, org: OrgId, input: &ProgrammeInput, now: DateTime<Utc>) -> StoreResult<Programme> {
    on_db!(&mut conn, |c| sqlx::query(INSERT)
        .bind(id.0)
        .bind(org.0)
        .bind(&input.name)
        .bind(input.kind.key())
        .bind(input.status.key())
        .bind(&input.description_en)
        .bind(&input.description_de)
        .bind(&input.eligibility)
        .bind(now)
        .execute(&mut **c)
        .await.map(|r| r.rows_affected()))?;
    replace_sectors(&mut conn, id, &input.sectors).await?;
    crate::change_log::append(conn.reborrow(), crate::change_log::kind::PROGRAMME, &id.0.to_string(), now).await?;
    get(conn, id).await?.ok_or(StoreError::NotFound)
}

/// Replaces a programme's fields if it is still at `expected_version`.
pub async fn update(
    mut conn: Conn<'_>,
    id: ProgrammeId,
    expected_version: i64,
    input: &ProgrammeInput,
    now: DateTime<Utc>,
) -> StoreResult<Programme> {
    let changed = on_db!(&mut conn, |c| sqlx::query(UPDATE)
        .bind(id.0)
        .bind(expected_version)
        .bind(&input.name)
        .bind(input.kind.key())
        .bind(input.status.key())
        .bind(&input.description_en)
        .bind(&input.description_de)
        .bind(&input.eligibility)
        .bind(now)
        .execute(&mut **c)
        .await
        .map(|r| r.rows_affected()))?;
    if changed == 0 {
        let exists: i64 = on_db!(&mut conn, |c| sqlx::query_scalar(EXISTS).bind(id.0).fetch_one(&mut **c).await)?;
        return Err(if exists == 0 { StoreError::NotFound } else { StoreError::Conflict });
    }
    replace_sectors(&mut conn, id, &input.sectors).await?;
    crate::change_log::append(conn.reborrow(), crate::change_log::kind::PROGRAMME, &id.0.to_string(), now).await?;
    get(conn, id).await?.ok_or(StoreError::NotFound)
}

async fn replace_sectors(conn: &mut Conn<'_>, id: ProgrammeId, sectors: &[NaceCode]) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(DELETE_SECTORS).bind(id.0).execute(&mut **c).await.map(|r| r.rows_affected()))?;
    for (position, code) in sectors.iter().enumerate() {
        on_db!(conn, |c| sqlx::query(INSERT_SECTOR)
            .bind(id.0)
            .bind(code.as_str())
            .bind(position as i32)
            .execute(&mut **c)
            .await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

async fn sectors_of(conn: &mut Conn<'_>, id: Uuid) -> StoreResult<Vec<NaceCode>> {
    let codes: Vec<String> = on_db!(conn, |c| sqlx::query_scalar(SECTORS).bind(id).fetch_all(&mut **c).await)?;
    Ok(codes.into_iter().filter_map(|c| NaceCode::parse(&c).ok()).collect())
}

async fn with_sectors(conn: &mut Conn<'_>, rows: Vec<ProgrammeRow>) -> StoreResult<Vec<Programme>> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let sectors = sectors_of(conn, row.id).await?;
        out.push(row.into_programme(sectors));
    }
    Ok(out)
}

/// One programme.
pub async fn get(mut conn: Conn<'_>, id: ProgrammeId) -> StoreResult<Option<Programme>> {
    let row: Option<ProgrammeRow> = on_db!(&mut conn, |c| sqlx::query_as(GET).bind(id.0).fetch_optional(&mut **c).await)?;
    match row {
        Some(row) => Ok(with_sectors(&mut conn, vec![row]).await?.pop()),
        None => Ok(None),
    }
}

/// Every programme an organisation runs, drafts included (the caller filters by permission).
pub async fn by_org(mut conn: Conn<'_>, org: OrgId) -> StoreResult<Vec<Programme>> {
    let rows: Vec<ProgrammeRow> = on_db!(&mut conn, |c| sqlx::query_as(BY_ORG).bind(org.0).fetch_all(&mut **c).await)?;
    with_sectors(&mut conn, rows).await
}

/// A page of the programmes visible to everyone (not drafts), and their total.
pub async fn list_visible(mut conn: Conn<'_>, limit: i64, offset: i64) -> StoreResult<(Vec<Programme>, i64)> {
    let rows: Vec<ProgrammeRow> =
        on_db!(&mut conn, |c| sqlx::query_as(LIST).bind(limit).bind(offset).fetch_all(&mut **c).await)?;
    let total: i64 = on_db!(&mut conn, |c| sqlx::query_scalar(COUNT_VISIBLE).fetch_one(&mut **c).await)?;
    Ok((with_sectors(&mut conn, rows).await?, total))
}
