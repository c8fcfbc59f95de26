//! Viewing, listing, creating and editing programmes.

use super::organisations::check_nace_known;
use crate::{App, AppError, AppResult};
use chrono::Utc;
use tandem_core::directory::{Organisation, Programme, ProgrammeDraft, ProgrammeInput};
use tandem_core::policy::{self, Actor};
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, ProgrammeId};
use tandem_store::{organisations, programmes};

/// A programme with the organisation that runs it.
#[derive(Debug, Clone)]
pub struct ProgrammeView {
    /// The programme.
    pub programme: Programme,
    /// Who runs it.
    pub organisation: Organisation,
    /// The actor may edit it.
    pub can_edit: bool,
}

/// One programme, if the actor may see it (drafts only to their editors; others get NotFound).
pub async fn view(app: &App, actor: &Actor, id: ProgrammeId) -> AppResult<ProgrammeView> {
    let mut conn = app.db().acquire().await?;
    let programme = programmes::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    if !policy::can_see_programme(actor, &programme) {
        return Err(AppError::NotFound);
    }
    let organisation = organisations::get(conn.conn(), programme.org_id).await?.ok_or(AppError::NotFound)?;
    let can_edit = policy::programme_editor(actor, programme.org_id).is_ok();
    Ok(ProgrammeView { programme, organisation: without_figures(organisation), can_edit })
}

fn without_figures(mut org: Organisation) -> Organisation {
    org.figures = Default::default();
    org
}

/// A page of published programmes and the total.
pub async fn list(app: &App, page: i64, per_page: i64) -> AppResult<(Vec<Programme>, i64)> {
    let per_page = per_page.clamp(1, 100);
    let page = page.clamp(1, 500);
    let mut conn = app.db().acquire().await?;
    Ok(programmes::list_visible(conn.conn(), per_page, (page - 1) * per_page).await?)
}

/// The organisation a new programme would belong to, for the form; only its programme editors.
pub async fn for_new(app: &App, actor: &Actor, org: OrgId) -> AppResult<Organisation> {
    let editor = policy::programme_editor(actor, org)?;
    let mut conn = app.db().acquire().await?;
    organisations::get(conn.conn(), editor.org_id()).await?.map(without_figures).ok_or(AppError::NotFound)
}

/// A programme for its editor's form; NotFound for drafts others may not see, Forbidden otherwise.
pub async fn for_edit(app: &App, actor: &Actor, id: ProgrammeId) -> AppResult<ProgrammeView> {
    let view = view(app, actor, id).await?;
    policy::programme_editor(actor, view.programme.org_id)?;
    Ok(view)
}

/// Creates a programme run by `org`.
pub async fn create(app: &App, actor: &Actor, org: OrgId, draft: &ProgrammeDraft) -> AppResult<Programme> {
    let editor = policy::programme_editor(actor, org)?;
    let input = validate(app, draft)?;
    let mut tx = app.db().begin().await?;
    if organisations::get(tx.conn(), org).await?.is_none() {
        return Err(AppError::NotFound);
    }
    let programme = programmes::insert(tx.conn(), ProgrammeId::new(), editor.org_id(), &input, Utc::now()).await?;
    tx.commit().await?;
    Ok(programme)
}

/// Changes a programme if it is still at `expected_version`.
pub async fn update(
    app: &App,
    actor: &Actor,
    id: ProgrammeId,
    expected_version: i64,
    draft: &ProgrammeDraft,
) -> AppResult<Programme> {
    let mut tx = app.db().begin().await?;
    let existing = programmes::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    if !policy::can_see_programme(actor, &existing) {
        return Err(AppError::NotFound);
    }
    policy::programme_editor(actor, existing.org_id)?;
    let input = validate(app, draft)?;
    let programme = programmes::update(tx.conn(), id, expected_version, &input, Utc::now()).await?;
    tx.commit().await?;
    Ok(programme)
}

fn validate(app: &App, draft: &ProgrammeDraft) -> AppResult<ProgrammeInput> {
    let (input, mut errors) = match draft.validate() {
        Ok(input) => (Some(input), ValidationErrors::default()),
        Err(errors) => (None, errors),
    };
    let parsed: Vec<_> = draft.sectors.iter().filter_map(|c| tandem_core::nace::NaceCode::parse(c).ok()).collect();
    check_nace_known(app.nace(), &mut errors, "sectors", &parsed);
    match input {
        Some(input) if errors.is_empty() => Ok(input),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// The programmes the organisations run that the actor may see, organisation by organisation
/// (for choosing the programme support was delivered under).
pub async fn run_by(app: &App, actor: &Actor, orgs: &[OrgId]) -> AppResult<Vec<Programme>> {
    let mut conn = app.db().acquire().await?;
    let mut out = Vec::new();
    for org in orgs {
        out.extend(programmes::by_org(conn.conn(), *org).await?.into_iter().filter(|p| policy::can_see_programme(actor, p)));
    }
    Ok(out)
}
