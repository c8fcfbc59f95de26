//! Recording what supported enterprises achieved (issue 6, item 5): business starts, employment
//! baselines and later figures, innovations, cooperation with research entities and private
//! investment, per funded project, with evidence files — the facts the result indicators (C5, C8,
//! C26, C28, C29, RCO05, RCR01–RCR03) count.
//!
//! Who may: the project's support recorders (`policy::support_recorder` for one of its delivery
//! organisations), as for support records; an enterprise's outcomes are seen by those who see its
//! confidential figures. Outcomes are never deleted, only withdrawn; every change is audited.

use super::support::{REASON_MAX, check_recorder, now, project_of};
use super::{Change, audit_change, kind};
use crate::evidence_files::Upload;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use tandem_core::evidence::outcome::{Outcome, OutcomeDetail, OutcomeDraft, OutcomeInput, is_research_entity};
use tandem_core::evidence::project::Project;
use tandem_core::policy::{self, Actor, Denied};
use tandem_core::validation::{ValidationErrors, required_text};
use tandem_core::{OrgId, OutcomeEvidenceId, OutcomeId, ProjectId};
use tandem_store::audit::{self, Entry};
use tandem_store::outcomes::{self as store, OutcomeEvidence};
use tandem_store::{Conn, organisations};

/// The draft checked against the project, the enterprise, the research entity it names and the
/// kinds an enterprise has only one of (`replacing`: the outcome being corrected).
async fn validated(
    mut conn: Conn<'_>,
    project: &Project,
    enterprise: OrgId,
    draft: &OutcomeDraft,
    at: DateTime<Utc>,
    replacing: Option<OutcomeId>,
) -> AppResult<OutcomeInput> {
    let (input, mut errors) = match draft.validate(project, enterprise, at.date_naive()) {
        Ok(input) => (Some(input), ValidationErrors::default()),
        Err(errors) => (None, errors),
    };
    match organisations::get(conn.reborrow(), enterprise).await? {
        Some(org) if org.kind.is_enterprise() => {}
        Some(_) => errors.add(
            "enterprise_id",
            "outcome_not_enterprise",
            "outcomes are recorded for enterprises (SMEs, start-ups, companies): open the enterprise's page",
        ),
        None => return Err(AppError::NotFound),
    }
    if let Some(OutcomeDetail::ResearchCooperation { research_entity_id }) = input.as_ref().map(|i| i.detail) {
        match organisations::get(conn.reborrow(), research_entity_id).await? {
            Some(org) if is_research_entity(org.kind) => {}
            Some(_) => errors.add(
                "research_entity_id",
                "not_research_entity",
                "choose a university department or research organisation: C26 counts cooperation with research entities",
            ),
            None => errors.add("research_entity_id", "unknown_org", "choose the research entity from the directory"),
        }
    }
    if let Some(kind) = input.as_ref().map(|i| i.detail.kind()).filter(|k| k.one_per_enterprise()) {
        let existing = store::active_of_kind(conn, project.id, enterprise, kind).await?;
        if existing.is_some_and(|o| Some(o.id) != replacing) {
            errors.add(
                "kind",
                "one_per_enterprise",
                format!(
                    "this enterprise already has a {} in this project: correct or withdraw it rather than recording a second",
                    kind.key().replace('_', " ")
                ),
            );
        }
    }
    match input {
        Some(input) if errors.is_empty() => Ok(input),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// An outcome and its project, for one of the project's support recorders.
async fn recorded(mut conn: Conn<'_>, actor: &Actor, id: OutcomeId) -> AppResult<(Outcome, Project)> {
    let outcome = store::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let project = project_of(conn, outcome.project_id).await?;
    check_recorder(actor, &project)?;
    Ok((outcome, project))
}

/// Records an outcome of `enterprise` in `project`.
pub async fn record(app: &App, actor: &Actor, project_id: ProjectId, enterprise: OrgId, draft: &OutcomeDraft) -> AppResult<Outcome> {
    let user = actor.user()?.id;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let project = project_of(conn.reborrow(), project_id).await?;
    check_recorder(actor, &project)?;
    let input = validated(conn.reborrow(), &project, enterprise, draft, at, None).await?;
    let outcome = Outcome {
        id: OutcomeId::new(),
        project_id,
        enterprise_id: enterprise,
        input,
        created_by: Some(user),
        version: 1,
        created_at: at,
        updated_at: at,
        withdrawn_at: None,
        withdrawn_reason: None,
    };
    store::insert(conn.reborrow(), &outcome).await?;
    let change = Change { kind: kind::OUTCOME, id: outcome.id.to_string(), action: "created", before: None, after: Some(&outcome) };
    audit_change(conn, actor, change, at).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Corrects an outcome read at `version` (not withdrawn): its kind, date, fields or note.
pub async fn correct(app: &App, actor: &Actor, id: OutcomeId, version: i64, draft: &OutcomeDraft) -> AppResult<Outcome> {
    actor.user()?;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let (before, project) = recorded(conn.reborrow(), actor, id).await?;
    if !before.is_active() {
        return Err(AppError::Conflict);
    }
    let input = validated(conn.reborrow(), &project, before.enterprise_id, draft, at, Some(id)).await?;
    if !store::update(conn.reborrow(), id, version, &input, at).await? {
        return Err(AppError::Conflict);
    }
    let after = store::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let change = Change { kind: kind::OUTCOME, id: id.to_string(), action: "updated", before: Some(&before), after: Some(&after) };
    audit_change(conn, actor, change, at).await?;
    tx.commit().await?;
    Ok(after)
}

/// Withdraws a mistaken outcome read at `version`: it stays, as evidence, and counts nowhere.
pub async fn withdraw(app: &App, actor: &Actor, id: OutcomeId, version: i64, reason: &str) -> AppResult<Outcome> {
    actor.user()?;
    let at = now();
    let mut errors = ValidationErrors::default();
    let reason = required_text(&mut errors, "reason", reason, REASON_MAX);
    errors.into_result(())?;
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let (before, _) = recorded(conn.reborrow(), actor, id).await?;
    if !store::withdraw(conn.reborrow(), id, version, &reason, at).await? {
        return Err(AppError::Conflict);
    }
    let after = store::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let change = Change { kind: kind::OUTCOME, id: id.to_string(), action: "withdrawn", before: Some(&before), after: Some(&after) };
    audit_change(conn, actor, change, at).await?;
    tx.commit().await?;
    Ok(after)
}

/// Attaches an evidence file (PDF, PNG or JPEG, checked by content) to an outcome.
pub async fn add_evidence(app: &App, actor: &Actor, id: OutcomeId, file_name: &str, bytes: &[u8]) -> AppResult<OutcomeEvidence> {
    let user = actor.user()?.id;
    let upload = Upload::check(file_name, bytes)?;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    recorded(conn.reborrow(), actor, id).await?;
    let file_id = OutcomeEvidenceId::new();
    store::add_evidence(conn.reborrow(), file_id, id, &upload.stored(Some(user)), at).await?;
    let file = store::evidence(conn.reborrow(), id).await?.into_iter().find(|e| e.id == file_id).ok_or(AppError::NotFound)?;
    let audited = upload.audited();
    let change = Change { kind: kind::OUTCOME, id: id.to_string(), action: "evidence_added", before: None, after: Some(&audited) };
    audit_change(conn, actor, change, at).await?;
    tx.commit().await?;
    Ok(file)
}

/// An enterprise's outcomes, as its outcomes page shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct EnterpriseOutcomes {
    /// Every outcome in any project, newest first (withdrawn ones included, marked).
    pub outcomes: Vec<Outcome>,
    /// Evidence files per outcome, oldest first.
    pub evidence: HashMap<OutcomeId, Vec<OutcomeEvidence>>,
    /// The projects of these outcomes and those the actor may record outcomes in, by name.
    pub projects: Vec<Project>,
    /// The projects (of `projects`) the actor may record, correct and withdraw outcomes in.
    pub recordable: Vec<ProjectId>,
}

impl EnterpriseOutcomes {
    /// The project of an outcome.
    pub fn project(&self, id: ProjectId) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// Whether the actor may record in (and correct or withdraw outcomes of) `project`.
    pub fn may_record(&self, project: ProjectId) -> bool {
        self.recordable.contains(&project)
    }
}

/// An enterprise's outcomes: for its own people, support-organisation staff and platform admins
/// (as its confidential figures are).
pub async fn for_enterprise(app: &App, actor: &Actor, enterprise: OrgId) -> AppResult<EnterpriseOutcomes> {
    actor.user()?;
    if !policy::can_see_confidential(actor, enterprise) {
        return Err(Denied::Forbidden.into());
    }
    let mut conn = app.db().acquire().await?;
    let outcomes = store::for_enterprise(conn.conn(), enterprise).await?;
    let mut evidence: HashMap<OutcomeId, Vec<OutcomeEvidence>> = HashMap::new();
    for file in store::evidence_for_enterprise(conn.conn(), enterprise).await? {
        evidence.entry(file.outcome_id).or_default().push(file);
    }
    let mut projects: Vec<Project> = tandem_store::projects::list(conn.conn())
        .await?
        .into_iter()
        .filter(|p| outcomes.iter().any(|o| o.project_id == p.id) || check_recorder(actor, p).is_ok())
        .collect();
    projects.sort_by_key(|p| p.input.name.to_lowercase());
    let recordable = projects.iter().filter(|p| check_recorder(actor, p).is_ok()).map(|p| p.id).collect();
    Ok(EnterpriseOutcomes { outcomes, evidence, projects, recordable })
}

/// The changes to an enterprise's outcomes and their evidence from the audit trail, newest
/// first: for those who may see its outcomes.
pub async fn history(app: &App, actor: &Actor, enterprise: OrgId) -> AppResult<Vec<Entry>> {
    actor.user()?;
    if !policy::can_see_confidential(actor, enterprise) {
        return Err(Denied::Forbidden.into());
    }
    let mut conn = app.db().acquire().await?;
    let mut history = Vec::new();
    for o in store::for_enterprise(conn.conn(), enterprise).await? {
        history.extend(audit::history(conn.conn(), kind::OUTCOME, &o.id.to_string()).await?);
    }
    history.sort_by_key(|e| std::cmp::Reverse(e.seq));
    Ok(history)
}

/// An evidence file with its bytes, for those who may see the enterprise's outcomes.
pub async fn evidence_file(app: &App, actor: &Actor, id: OutcomeEvidenceId) -> AppResult<(OutcomeEvidence, Vec<u8>)> {
    actor.user()?;
    let mut conn = app.db().acquire().await?;
    let (meta, bytes) = store::evidence_file(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    let outcome = store::get(conn.conn(), meta.outcome_id).await?.ok_or(AppError::NotFound)?;
    if !policy::can_see_confidential(actor, outcome.enterprise_id) {
        return Err(AppError::NotFound);
    }
    Ok((meta, bytes))
}
