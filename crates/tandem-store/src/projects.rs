//! Funded projects (tables `funded_projects`, `project_partners`, `project_cities`,
//! `project_excluded_nace`, `project_targets`; issue 6, item 1). A project and its lists are
//! written together; updates are version-checked so two managers cannot overwrite each other.

use crate::{Conn, StoreResult, on_db};
use chrono::{DateTime, NaiveDate, Utc};
use tandem_core::evidence::project::{Funder, Project, ProjectCurrency, ProjectInput};
use tandem_core::{CityId, OrgId, ProjectId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct ProjectRow {
    id: Uuid,
    name: String,
    lead_org_id: Uuid,
    funder: String,
    scheme: Option<String>,
    rulebook: String,
    rulebook_version: String,
    agreement_signed_on: NaiveDate,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    currency: String,
    hours_threshold: i32,
    day_rate: Option<i64>,
    hours_per_day: i32,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, name, lead_org_id, funder, scheme, rulebook, rulebook_version, agreement_signed_on, starts_on, \
     ends_on, currency, hours_threshold, day_rate, hours_per_day, version, created_at, updated_at";
// INSERT and UPDATE take the same parameters in the same order ($1 id, $2–$14 the input, $15
// the time; UPDATE adds $16 the version read), so one binding serves both.
const INSERT: &str = "INSERT INTO funded_projects (id, name, lead_org_id, funder, scheme, rulebook, rulebook_version, \
     agreement_signed_on, starts_on, ends_on, currency, hours_threshold, day_rate, hours_per_day, version, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15)";
const UPDATE: &str = "UPDATE funded_projects SET name = $2, lead_org_id = $3, funder = $4, scheme = $5, rulebook = $6, \
     rulebook_version = $7, agreement_signed_on = $8, starts_on = $9, ends_on = $10, currency = $11, hours_threshold = $12, \
     day_rate = $13, hours_per_day = $14, version = version + 1, updated_at = $15 WHERE id = $1 AND version = $16";

/// Binds `$1`–`$15` of [`INSERT`] and [`UPDATE`]. A macro because the query's type differs per
/// backend inside `on_db!`.
macro_rules! bind_project {
    ($query:expr, $id:expr, $input:expr, $now:expr) => {
        $query
            .bind($id.0)
            .bind(&$input.name)
            .bind($input.lead_org_id.0)
            .bind($input.funder.key())
            .bind(&$input.scheme)
            .bind(&$input.rulebook)
            .bind(&$input.rulebook_version)
            .bind($input.agreement_signed_on)
            .bind($input.starts_on)
            .bind($input.ends_on)
            .bind($input.currency.key())
            .bind(hundredths($input.hours_threshold))
            .bind($input.day_rate)
            .bind(hundredths($input.hours_per_day))
            .bind($now)
    };
}

/// The lists that belong to a project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectLists {
    /// Delivery partners besides the lead.
    pub partners: Vec<OrgId>,
    /// Eligible cities.
    pub cities: Vec<CityId>,
    /// Excluded NACE codes.
    pub excluded_nace: Vec<String>,
    /// Targets per indicator code.
    pub targets: Vec<(String, i64)>,
}

fn hundredths(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

/// Writes a new project with its lists.
pub async fn insert(mut conn: Conn<'_>, id: ProjectId, input: &ProjectInput, lists: &ProjectLists, now: DateTime<Utc>) -> StoreResult<()> {
    on_db!(&mut conn, |c| bind_project!(sqlx::query(INSERT), id, input, now).execute(&mut **c).await.map(drop))?;
    replace_lists(conn, id, lists).await
}

/// Updates a project and its lists if it is still at `version`; false when someone changed it
/// first (or it does not exist).
pub async fn update(
    mut conn: Conn<'_>,
    id: ProjectId,
    version: i64,
    input: &ProjectInput,
    lists: &ProjectLists,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let changed = on_db!(&mut conn, |c| bind_project!(sqlx::query(UPDATE), id, input, now)
        .bind(version)
        .execute(&mut **c)
        .await
        .map(|r| r.rows_affected()))?;
    if changed == 0 {
        return Ok(false);
    }
    replace_lists(conn, id, lists).await?;
    Ok(true)
}

async fn replace_lists(mut conn: Conn<'_>, id: ProjectId, lists: &ProjectLists) -> StoreResult<()> {
    for table in ["project_partners", "project_cities", "project_excluded_nace", "project_targets"] {
        let sql = format!("DELETE FROM {table} WHERE project_id = $1");
        on_db!(&mut conn, |c| sqlx::query(&sql).bind(id.0).execute(&mut **c).await.map(drop))?;
    }
    for org in &lists.partners {
        on_db!(&mut conn, |c| sqlx::query("INSERT INTO project_partners (project_id, org_id) VALUES ($1, $2)")
            .bind(id.0)
            .bind(org.0)
            .execute(&mut **c)
            .await
            .map(drop))?;
    }
    for city in &lists.cities {
        on_db!(&mut conn, |c| sqlx::query("INSERT INTO project_cities (project_id, city_id) VALUES ($1, $2)")
            .bind(id.0)
            .bind(city.0)
            .execute(&mut **c)
            .await
            .map(drop))?;
    }
    for code in &lists.excluded_nace {
        on_db!(&mut conn, |c| sqlx::query("INSERT INTO project_excluded_nace (project_id, nace_code) VALUES ($1, $2)")
            .bind(id.0)
            .bind(code)
            .execute(&mut **c)
            .await
            .map(drop))?;
    }
    for (indicator, target) in &lists.targets {
        on_db!(&mut conn, |c| sqlx::query("INSERT INTO project_targets (project_id, indicator, target) VALUES ($1, $2, $3)")
            .bind(id.0)
            .bind(indicator)
            .bind(*target)
            .execute(&mut **c)
            .await
            .map(drop))?;
    }
    Ok(())
}

/// One project with its lists.
pub async fn get(mut conn: Conn<'_>, id: ProjectId) -> StoreResult<Option<Project>> {
    let sql = format!("SELECT {COLUMNS} FROM funded_projects WHERE id = $1");
    let row: Option<ProjectRow> = on_db!(&mut conn, |c| sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut **c).await)?;
    match row {
        Some(row) => Ok(Some(with_lists(conn, row).await?)),
        None => Ok(None),
    }
}

/// Every project, by name.
pub async fn list(mut conn: Conn<'_>) -> StoreResult<Vec<Project>> {
    let sql = format!("SELECT {COLUMNS} FROM funded_projects ORDER BY name, id");
    let rows: Vec<ProjectRow> = on_db!(&mut conn, |c| sqlx::query_as(&sql).fetch_all(&mut **c).await)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(with_lists(conn.reborrow(), row).await?);
    }
    Ok(out)
}

async fn with_lists(mut conn: Conn<'_>, row: ProjectRow) -> StoreResult<Project> {
    let id = row.id;
    let partners: Vec<Uuid> =
        on_db!(&mut conn, |c| sqlx::query_scalar("SELECT org_id FROM project_partners WHERE project_id = $1 ORDER BY org_id")
            .bind(id)
            .fetch_all(&mut **c)
            .await)?;
    let cities: Vec<Uuid> =
        on_db!(&mut conn, |c| sqlx::query_scalar("SELECT city_id FROM project_cities WHERE project_id = $1 ORDER BY city_id")
            .bind(id)
            .fetch_all(&mut **c)
            .await)?;
    let excluded_nace: Vec<String> =
        on_db!(&mut conn, |c| sqlx::query_scalar("SELECT nace_code FROM project_excluded_nace WHERE project_id = $1 ORDER BY nace_code")
            .bind(id)
            .fetch_all(&mut **c)
            .await)?;
    let targets: Vec<(String, i64)> =
        on_db!(&mut conn, |c| sqlx::query_as("SELECT indicator, target FROM project_targets WHERE project_id = $1 ORDER BY indicator")
            .bind(id)
            .fetch_all(&mut **c)
            .await)?;
    Ok(Project {
        id: ProjectId(row.id),
        input: ProjectInput {
            name: row.name,
            lead_org_id: OrgId(row.lead_org_id),
            // Only known keys are written; a hand-edited row falls back to "other".
            funder: Funder::from_key(&row.funder).unwrap_or(Funder::Other),
            scheme: row.scheme,
            rulebook: row.rulebook,
            rulebook_version: row.rulebook_version,
            agreement_signed_on: row.agreement_signed_on,
            starts_on: row.starts_on,
            ends_on: row.ends_on,
            currency: ProjectCurrency::from_key(&row.currency).unwrap_or(ProjectCurrency::Gbp),
            hours_threshold: i64::from(row.hours_threshold),
            day_rate: row.day_rate,
            hours_per_day: i64::from(row.hours_per_day),
        },
        partners: partners.into_iter().map(OrgId).collect(),
        cities: cities.into_iter().map(CityId).collect(),
        excluded_nace,
        targets,
        version: row.version,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}
