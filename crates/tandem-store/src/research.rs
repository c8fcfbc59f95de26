//! Research participations from CORDIS: organisations by PIC, projects, and who took part in
//! what. Bulk upserts for the importer; reads for the collaboration graph and organisation pages.
//!
//! The upserts send many rows per statement (`INSERT … VALUES (…), (…) ON CONFLICT … DO UPDATE`,
//! the same text on both backends) and only touch a stored row when a value differs, so a
//! re-import of the same files changes nothing and the affected-row count is "new + changed".
//! Keys must be unique within one call: PostgreSQL refuses a statement that updates a row twice.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use std::fmt::Write as _;

/// An organisation as CORDIS describes it, keyed by its PIC.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ResearchOrganisation {
    /// Participant Identification Code (nine digits).
    pub pic: String,
    /// Legal name.
    pub name: String,
    /// Short name or acronym.
    pub short_name: Option<String>,
    /// Country code as CORDIS writes it (`UK`, `EL`).
    pub country: Option<String>,
    /// City.
    pub city: Option<String>,
    /// CORDIS activity type: HES, REC, PRC, PUB, OTH.
    pub activity_type: Option<String>,
    /// Declared small or medium-sized enterprise.
    pub sme: Option<bool>,
    /// Website.
    pub url: Option<String>,
}

/// A research project, keyed by its CORDIS id.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ResearchProject {
    /// CORDIS project id (grant agreement number).
    pub id: String,
    /// Acronym.
    pub acronym: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Framework programme (`H2020`, `HORIZON`).
    pub framework: Option<String>,
    /// Programme area (`HORIZON.1.1`, `H2020-EU.3.1.`; the older dump may list several, `;`-separated).
    pub programme: Option<String>,
    /// Call topic(s).
    pub topics: Option<String>,
    /// Summary.
    pub objective: Option<String>,
    /// Start date.
    pub start_date: Option<NaiveDate>,
    /// End date.
    pub end_date: Option<NaiveDate>,
    /// Total cost in euro cents.
    pub total_cost: Option<i64>,
    /// Maximum EU contribution in euro cents.
    pub ec_contribution: Option<i64>,
}

/// An organisation's part in a project.
#[derive(Debug, Clone, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ResearchParticipation {
    /// CORDIS project id.
    pub project_id: String,
    /// The organisation's PIC.
    pub pic: String,
    /// `coordinator`, `participant`, … as CORDIS writes it.
    pub role: Option<String>,
    /// EU contribution to this organisation in this project, in euro cents.
    pub ec_contribution: Option<i64>,
}

/// One edge of the project–organisation graph.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GraphParticipation {
    /// CORDIS project id.
    pub project_id: String,
    /// The project's programme area, if known.
    pub programme: Option<String>,
    /// The organisation's PIC.
    pub pic: String,
}

/// The attributes of a graph node.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GraphOrganisation {
    /// The organisation's PIC.
    pub pic: String,
    /// Country code.
    pub country: Option<String>,
    /// CORDIS activity type.
    pub activity_type: Option<String>,
}

/// A project an organisation took part in, with its part.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrganisationProject {
    /// The project.
    #[sqlx(flatten)]
    pub project: ResearchProject,
    /// The organisation's role.
    pub role: Option<String>,
    /// The EU contribution to the organisation, in euro cents.
    #[sqlx(rename = "participation_contribution")]
    pub ec_contribution: Option<i64>,
}

/// How many rows each research table holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResearchCounts {
    /// Organisations.
    pub organisations: i64,
    /// Projects.
    pub projects: i64,
    /// Participations.
    pub participations: i64,
}

/// Most bind parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535, and large
/// enough that per-statement overhead does not matter (a few thousand rows per statement).
const MAX_PARAMS: usize = 16_000;

const ORG_COLUMNS: usize = 9;
const UPSERT_ORGS: &str =
    "INSERT INTO research_organisations (pic, name, short_name, country, city, activity_type, sme, url, updated_at)";
const UPSERT_ORGS_CONFLICT: &str = "ON CONFLICT (pic) DO UPDATE SET name = excluded.name, \
     short_name = excluded.short_name, country = excluded.country, city = excluded.city, \
     activity_type = excluded.activity_type, sme = excluded.sme, url = excluded.url, updated_at = excluded.updated_at \
     WHERE research_organisations.name IS DISTINCT FROM excluded.name \
     OR research_organisations.short_name IS DISTINCT FROM excluded.short_name \
     OR research_organisations.country IS DISTINCT FROM excluded.country \
     OR research_organisations.city IS DISTINCT FROM excluded.city \
     OR research_organisations.activity_type IS DISTINCT FROM excluded.activity_type \
     OR research_organisations.sme IS DISTINCT FROM excluded.sme \
     OR research_organisations.url IS DISTINCT FROM excluded.url";

const PROJECT_COLUMNS: usize = 12;
const UPSERT_PROJECTS: &str = "INSERT INTO research_projects (id, acronym, title, framework, programme, topics, \
     objective, start_date, end_date, total_cost, ec_contribution, updated_at)";
const UPSERT_PROJECTS_CONFLICT: &str = "ON CONFLICT (id) DO UPDATE SET acronym = excluded.acronym, \
     title = excluded.title, framework = excluded.framework, programme = excluded.programme, \
     topics = excluded.topics, objective = excluded.objective, start_date = excluded.start_date, \
     end_date = excluded.end_date, total_cost = excluded.total_cost, ec_contribution = excluded.ec_contribution, \
     updated_at = excluded.updated_at \
     WHERE research_projects.acronym IS DISTINCT FROM excluded.acronym \
     OR research_projects.title IS DISTINCT FROM excluded.title \
     OR research_projects.framework IS DISTINCT FROM excluded.framework \
     OR research_projects.programme IS DISTINCT FROM excluded.programme \
     OR research_projects.topics IS DISTINCT FROM excluded.topics \
     OR research_projects.objective IS DISTINCT FROM excluded.objective \
     OR research_projects.start_date IS DISTINCT FROM excluded.start_date \
     OR research_projects.end_date IS DISTINCT FROM excluded.end_date \
     OR research_projects.total_cost IS DISTINCT FROM excluded.total_cost \
     OR research_projects.ec_contribution IS DISTINCT FROM excluded.ec_contribution";

const PARTICIPATION_COLUMNS: usize = 4;
const UPSERT_PARTICIPATIONS: &str = "INSERT INTO research_participations (project_id, pic, role, ec_contribution)";
const UPSERT_PARTICIPATIONS_CONFLICT: &str = "ON CONFLICT (project_id, pic) DO UPDATE SET role = excluded.role, \
     ec_contribution = excluded.ec_contribution \
     WHERE research_participations.role IS DISTINCT FROM excluded.role \
     OR research_participations.ec_contribution IS DISTINCT FROM excluded.ec_contribution";

const COUNTS: &str = "SELECT (SELECT COUNT(*) FROM research_organisations), \
     (SELECT COUNT(*) FROM research_projects), (SELECT COUNT(*) FROM research_participations)";
const ORGANISATION_FIELDS: &str =
    "SELECT pic, name, short_name, country, city, activity_type, sme, url FROM research_organisations";
const ORGANISATION: &str = "SELECT pic, name, short_name, country, city, activity_type, sme, url \
     FROM research_organisations WHERE pic = $1";
const GRAPH: &str = "SELECT p.project_id, r.programme, p.pic FROM research_participations p \
     JOIN research_projects r ON r.id = p.project_id ORDER BY p.project_id, p.pic";
const GRAPH_ORGANISATIONS: &str = "SELECT pic, country, activity_type FROM research_organisations ORDER BY pic";
// Undated projects last on both backends (they sort NULLs differently).
const PROJECTS_OF: &str = "SELECT r.id, r.acronym, r.title, r.framework, r.programme, r.topics, r.objective, \
     r.start_date, r.end_date, r.total_cost, r.ec_contribution, p.role, p.ec_contribution AS participation_contribution \
     FROM research_participations p JOIN research_projects r ON r.id = p.project_id WHERE p.pic = $1 \
     ORDER BY r.start_date IS NULL, r.start_date DESC, r.id DESC LIMIT $2";
const PROJECT_IDS: &str = "SELECT id FROM research_projects";

/// How a generated statement writes its bind parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placeholders {
    /// `$1, $2, …` (PostgreSQL).
    Numbered,
    /// `?, ?, …` (SQLite). Numbered ones would do, but the SQLite driver looks up every
    /// parameter's name, which SQLite finds by a linear scan: binding n numbered parameters costs
    /// n² (a 16,000-parameter statement took most of a second), anonymous ones cost nothing.
    Anonymous,
}

impl Placeholders {
    fn of(conn: &Conn<'_>) -> Placeholders {
        match conn {
            Conn::Sqlite(_) => Placeholders::Anonymous,
            Conn::Postgres(_) => Placeholders::Numbered,
        }
    }

    /// Appends `count` placeholders, separated by commas, numbered from `first`.
    fn push(self, sql: &mut String, first: usize, count: usize) {
        for i in first..first + count {
            let sep = if i == first { "" } else { ", " };
            // Writing to a String cannot fail.
            let _ = match self {
                Placeholders::Numbered => write!(sql, "{sep}${i}"),
                Placeholders::Anonymous => write!(sql, "{sep}?"),
            };
        }
    }
}

/// `{insert} VALUES ($1, …), (…) {conflict}` for `rows` rows of `columns` values: only the
/// placeholders are generated, every value is bound.
fn values_sql(style: Placeholders, insert: &str, columns: usize, rows: usize, conflict: &str) -> String {
    let mut sql = String::with_capacity(insert.len() + conflict.len() + rows * columns * 7);
    sql.push_str(insert);
    sql.push_str(" VALUES ");
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        style.push(&mut sql, row * columns + 1, columns);
        sql.push(')');
    }
    sql.push(' ');
    sql.push_str(conflict);
    sql
}

/// `{select} WHERE {column} IN ($1, …)` for `n` values.
fn in_sql(style: Placeholders, select: &str, column: &str, n: usize) -> String {
    let mut sql = format!("{select} WHERE {column} IN (");
    style.push(&mut sql, 1, n);
    sql.push(')');
    sql
}

/// Inserts or updates organisations by PIC (PICs unique within the slice); returns how many rows
/// were inserted or changed. `updated_at` is set to `now` only on those.
pub async fn upsert_organisations(mut conn: Conn<'_>, organisations: &[ResearchOrganisation], now: DateTime<Utc>) -> StoreResult<u64> {
    let now = now.trunc_subsecs(6);
    let mut affected = 0;
    for chunk in organisations.chunks(MAX_PARAMS / ORG_COLUMNS) {
        let sql = values_sql(Placeholders::of(&conn), UPSERT_ORGS, ORG_COLUMNS, chunk.len(), UPSERT_ORGS_CONFLICT);
        affected += on_db!(&mut conn, |c| {
            let mut q = sqlx::query(&sql);
            for o in chunk {
                q = q
                    .bind(&o.pic)
                    .bind(&o.name)
                    .bind(&o.short_name)
                    .bind(&o.country)
                    .bind(&o.city)
                    .bind(&o.activity_type)
                    .bind(o.sme)
                    .bind(&o.url)
                    .bind(now);
            }
            q.execute(&mut **c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(affected)
}

/// Inserts or updates projects by id (ids unique within the slice); returns how many rows were
/// inserted or changed.
pub async fn upsert_projects(mut conn: Conn<'_>, projects: &[ResearchProject], now: DateTime<Utc>) -> StoreResult<u64> {
    let now = now.trunc_subsecs(6);
    let mut affected = 0;
    for chunk in projects.chunks(MAX_PARAMS / PROJECT_COLUMNS) {
        let sql = values_sql(Placeholders::of(&conn), UPSERT_PROJECTS, PROJECT_COLUMNS, chunk.len(), UPSERT_PROJECTS_CONFLICT);
        affected += on_db!(&mut conn, |c| {
            let mut q = sqlx::query(&sql);
            for p in chunk {
                q = q
                    .bind(&p.id)
                    .bind(&p.acronym)
                    .bind(&p.title)
                    .bind(&p.framework)
                    .bind(&p.programme)
                    .bind(&p.topics)
                    .bind(&p.objective)
                    .bind(p.start_date)
                    .bind(p.end_date)
                    .bind(p.total_cost)
                    .bind(p.ec_contribution)
                    .bind(now);
            }
            q.execute(&mut **c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(affected)
}

/// Inserts or updates participations by (project, PIC), unique within the slice; their project
/// and organisation must be stored already. Returns how many rows were inserted or changed.
pub async fn upsert_participations(mut conn: Conn<'_>, participations: &[ResearchParticipation]) -> StoreResult<u64> {
    let mut affected = 0;
    for chunk in participations.chunks(MAX_PARAMS / PARTICIPATION_COLUMNS) {
        let sql = values_sql(Placeholders::of(&conn), UPSERT_PARTICIPATIONS, PARTICIPATION_COLUMNS, chunk.len(), UPSERT_PARTICIPATIONS_CONFLICT);
        affected += on_db!(&mut conn, |c| {
            let mut q = sqlx::query(&sql);
            for p in chunk {
                q = q.bind(&p.project_id).bind(&p.pic).bind(&p.role).bind(p.ec_contribution);
            }
            q.execute(&mut **c).await.map(|r| r.rows_affected())
        })?;
    }
    Ok(affected)
}

/// How many organisations, projects and participations are stored.
pub async fn counts(conn: Conn<'_>) -> StoreResult<ResearchCounts> {
    let (organisations, projects, participations): (i64, i64, i64) =
        on_db!(conn, |c| sqlx::query_as(COUNTS).fetch_one(&mut *c).await)?;
    Ok(ResearchCounts { organisations, projects, participations })
}

/// Those of `ids` that are stored as projects (for checking an import's references).
pub async fn existing_project_ids(mut conn: Conn<'_>, ids: &[String]) -> StoreResult<Vec<String>> {
    let mut found = Vec::new();
    for chunk in ids.chunks(MAX_PARAMS) {
        let sql = in_sql(Placeholders::of(&conn), PROJECT_IDS, "id", chunk.len());
        let rows: Vec<String> = on_db!(&mut conn, |c| {
            let mut q = sqlx::query_scalar(&sql);
            for id in chunk {
                q = q.bind(id);
            }
            q.fetch_all(&mut **c).await
        })?;
        found.extend(rows);
    }
    Ok(found)
}

/// Every participation as (project id, programme, PIC), ordered by project, so the rows of one
/// project are adjacent (the collaboration graph is built from them).
pub async fn participations_for_graph(conn: Conn<'_>) -> StoreResult<Vec<GraphParticipation>> {
    Ok(on_db!(conn, |c| sqlx::query_as(GRAPH).fetch_all(&mut *c).await)?)
}

/// Every organisation's country and activity type, by PIC (the graph's node attributes).
pub async fn organisations_for_graph(conn: Conn<'_>) -> StoreResult<Vec<GraphOrganisation>> {
    Ok(on_db!(conn, |c| sqlx::query_as(GRAPH_ORGANISATIONS).fetch_all(&mut *c).await)?)
}

/// The organisation with this PIC, if CORDIS knows it.
pub async fn organisation(conn: Conn<'_>, pic: &str) -> StoreResult<Option<ResearchOrganisation>> {
    Ok(on_db!(conn, |c| sqlx::query_as(ORGANISATION).bind(pic).fetch_optional(&mut *c).await)?)
}

/// The organisations with these PICs that are stored, ordered by PIC (unknown PICs are skipped).
pub async fn organisations_by_pics(mut conn: Conn<'_>, pics: &[String]) -> StoreResult<Vec<ResearchOrganisation>> {
    let mut found: Vec<ResearchOrganisation> = Vec::with_capacity(pics.len());
    for chunk in pics.chunks(MAX_PARAMS) {
        let sql = in_sql(Placeholders::of(&conn), ORGANISATION_FIELDS, "pic", chunk.len());
        let rows: Vec<ResearchOrganisation> = on_db!(&mut conn, |c| {
            let mut q = sqlx::query_as(&sql);
            for pic in chunk {
                q = q.bind(pic);
            }
            q.fetch_all(&mut **c).await
        })?;
        found.extend(rows);
    }
    found.sort_by(|a, b| a.pic.cmp(&b.pic));
    found.dedup_by(|a, b| a.pic == b.pic);
    Ok(found)
}

/// Up to `limit` projects the organisation took part in, newest start first (undated last).
pub async fn projects_of(conn: Conn<'_>, pic: &str, limit: u32) -> StoreResult<Vec<OrganisationProject>> {
    Ok(on_db!(conn, |c| sqlx::query_as(PROJECTS_OF).bind(pic).bind(i64::from(limit)).fetch_all(&mut *c).await)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_across_rows() {
        let sql = values_sql(Placeholders::Numbered, "INSERT INTO t (a, b)", 2, 2, "ON CONFLICT DO NOTHING");
        assert_eq!(sql, "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) ON CONFLICT DO NOTHING");
        assert_eq!(in_sql(Placeholders::Numbered, "SELECT a FROM t", "a", 3), "SELECT a FROM t WHERE a IN ($1, $2, $3)");
        assert_eq!(in_sql(Placeholders::Anonymous, "SELECT a FROM t", "a", 3), "SELECT a FROM t WHERE a IN (?, ?, ?)");
    }
}
