//! Pre-start clients of funded projects (table `project_pre_starts`; issue 6, item 5): the
//! would-be businesses a project helps to be enterprise ready, which ERDF England counts under
//! P11 only. A mark is a fact about the client within one project, not about the organisation.

use crate::{Conn, StoreResult, on_db};
use chrono::{DateTime, Utc};
use tandem_core::{OrgId, ProjectId, UserId};
use uuid::Uuid;

/// A project's mark on one client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreStart {
    /// The project.
    pub project_id: ProjectId,
    /// The client, as the business it intends to start.
    pub org_id: OrgId,
    /// Who marked it.
    pub marked_by: Option<UserId>,
    /// When.
    pub marked_at: DateTime<Utc>,
}

type Row = (Uuid, Uuid, Option<Uuid>, DateTime<Utc>);

fn pre_start(r: Row) -> PreStart {
    PreStart { project_id: ProjectId(r.0), org_id: OrgId(r.1), marked_by: r.2.map(UserId), marked_at: r.3 }
}

/// Marks `org` as a pre-start client of `project`; false when it already was.
pub async fn mark(conn: Conn<'_>, p: &PreStart) -> StoreResult<bool> {
    let done = on_db!(conn, |c| sqlx::query(
        "INSERT INTO project_pre_starts (project_id, org_id, marked_by, marked_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (project_id, org_id) DO NOTHING"
    )
    .bind(p.project_id.0)
    .bind(p.org_id.0)
    .bind(p.marked_by.map(|u| u.0))
    .bind(p.marked_at)
    .execute(&mut *c)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Removes the mark; false when there was none.
pub async fn unmark(conn: Conn<'_>, project: ProjectId, org: OrgId) -> StoreResult<bool> {
    let done = on_db!(conn, |c| sqlx::query("DELETE FROM project_pre_starts WHERE project_id = $1 AND org_id = $2")
        .bind(project.0)
        .bind(org.0)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// A project's pre-start clients, in the order they were marked.
pub async fn for_project(conn: Conn<'_>, project: ProjectId) -> StoreResult<Vec<PreStart>> {
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(
        "SELECT project_id, org_id, marked_by, marked_at FROM project_pre_starts WHERE project_id = $1 ORDER BY marked_at, org_id"
    )
    .bind(project.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(pre_start).collect())
}

/// The projects in which `org` is marked as a pre-start client.
pub async fn for_org(conn: Conn<'_>, org: OrgId) -> StoreResult<Vec<PreStart>> {
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(
        "SELECT project_id, org_id, marked_by, marked_at FROM project_pre_starts WHERE org_id = $1 ORDER BY marked_at, project_id"
    )
    .bind(org.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(pre_start).collect())
}
