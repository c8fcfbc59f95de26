//! Pre-start clients (issue 6, item 5): a programme manager marks a would-be business the
//! project helps towards starting as a pre-start client of the project. ERDF England counts it
//! under P11 ("potential entrepreneurs assisted to be enterprise ready", ESIF-GN-1-002) and
//! never as an enterprise (C1–C29); the 2021–27 rulebooks leave it out. Marks and unmarks are
//! audited under the client's id, so they show in its history.

use super::support::{check_recorder, now, project_of};
use super::{Change, audit_change, kind};
use crate::{App, AppError, AppResult};
use serde::Serialize;
use tandem_core::policy::Actor;
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, ProjectId};
use tandem_store::organisations;
use tandem_store::pre_starts::{self as store, PreStart};

/// A mark as audited.
#[derive(Serialize)]
struct Audited {
    project_id: ProjectId,
    org_id: OrgId,
}

/// Marks `org` as a pre-start client of `project` (nothing changes when it already is); the
/// actor must record support for the project.
pub async fn mark(app: &App, actor: &Actor, project: ProjectId, org: OrgId) -> AppResult<()> {
    set(app, actor, project, org, true).await
}

/// Removes the mark: the client's support counts as an enterprise's again.
pub async fn unmark(app: &App, actor: &Actor, project: ProjectId, org: OrgId) -> AppResult<()> {
    set(app, actor, project, org, false).await
}

async fn set(app: &App, actor: &Actor, project: ProjectId, org: OrgId, marked: bool) -> AppResult<()> {
    let user = actor.user()?.id;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let p = project_of(conn.reborrow(), project).await?;
    check_recorder(actor, &p)?;
    match organisations::get(conn.reborrow(), org).await? {
        Some(o) if o.kind.is_enterprise() => {}
        Some(_) => {
            let mut errors = ValidationErrors::default();
            errors.add(
                "enterprise_id",
                "not_enterprise",
                "only an enterprise (the business the client intends to start) can be a pre-start client",
            );
            return Err(errors.into());
        }
        None => return Err(AppError::NotFound),
    }
    let changed = if marked {
        store::mark(conn.reborrow(), &PreStart { project_id: project, org_id: org, marked_by: Some(user), marked_at: at }).await?
    } else {
        store::unmark(conn.reborrow(), project, org).await?
    };
    if changed {
        let value = Audited { project_id: project, org_id: org };
        let (action, before, after) =
            if marked { ("pre_start_marked", None, Some(&value)) } else { ("pre_start_unmarked", Some(&value), None) };
        audit_change(conn, actor, Change { kind: kind::PRE_START, id: org.to_string(), action, before, after }, at).await?;
    }
    tx.commit().await?;
    Ok(())
}
