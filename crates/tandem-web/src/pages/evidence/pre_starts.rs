//! Marking an enterprise as a pre-start client of a project (ERDF P11), from the enterprise's
//! support page. The use case decides who may (staff who record support for the project).

use super::require_login;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::pages::organisations::parse_id;
use crate::pages::see_other;
use crate::state::AppState;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;
use tandem_app::evidence::pre_starts;
use tandem_core::{OrgId, ProjectId};

/// The mark form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PreStartForm {
    _csrf: String,
    /// The enterprise.
    enterprise: String,
    /// "true" to mark, anything else to unmark.
    pre_start: String,
}

/// `POST /projects/{id}/pre-starts`: marks or unmarks the enterprise, then back to its support
/// page with a note.
pub async fn set(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<PreStartForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let project: ProjectId = parse_id(t, &id)?;
    let enterprise: OrgId = parse_id(t, &form.enterprise)?;
    let (result, note) = if form.pre_start == "true" {
        (pre_starts::mark(&state.app, &ctx.actor, project, enterprise).await, "support-pre-start-marked")
    } else {
        (pre_starts::unmark(&state.app, &ctx.actor, project, enterprise).await, "support-pre-start-unmarked")
    };
    result.map_err(|e| ctx.fail(e))?;
    ctx.flash(t.get(note)).await;
    Ok(see_other(&format!("/organisations/{enterprise}/support")))
}
