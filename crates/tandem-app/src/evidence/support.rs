//! Recording support given to enterprises (issue 6, item 2): who gave it, when, how many hours,
//! what kind, the specific written output, amounts and evidence files; the running total per
//! enterprise against each project's threshold; and the enterprise's history from the audit
//! trail. Records are never deleted, only withdrawn; every change is audited.

use super::{Change, audit_change, kind, ledger};
use crate::evidence_files::Upload;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, SubsecRound, Utc};
use tandem_core::evidence::project::Project;
use tandem_core::evidence::support::{HoursTotal, SupportDraft, SupportInput, SupportRecord};
use tandem_core::partnering::agreement::check_evidence;
use tandem_core::policy::{self, Actor, Denied, PlatformAdmin};
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, ProgrammeId, ProjectId, SupportEvidenceId, SupportRecordId, UserId};
use tandem_store::audit::{self, Entry};
use tandem_store::support_records::{self as store, Evidence};
use tandem_store::{Conn, organisations, programmes, projects};

/// Longest reason for withdrawing a record.
pub const REASON_MAX: usize = 1_000;

pub(super) fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

pub(super) async fn project_of(conn: Conn<'_>, id: ProjectId) -> AppResult<Project> {
    projects::get(conn, id).await?.ok_or(AppError::NotFound)
}

/// Who records support: a user, whose right to record for the support organisation is checked,
/// or the operator's import (`tandem import support`), which acts with the machine's authority
/// and is audited without a user.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Recorder<'a> {
    /// A signed-in user (the form).
    User(&'a Actor),
    /// The operator's command line; the guard is the proof (only operator tools make one).
    Operator(#[expect(dead_code, reason = "a proof, never read")] PlatformAdmin),
}

/// The operator's changes are audited without a user, as the other operator tools' are.
static OPERATOR: Actor = Actor::Anonymous;

impl<'a> Recorder<'a> {
    /// The user to name as recorder or uploader (none for the operator) and the actor to audit.
    fn user_and_actor(self) -> AppResult<(Option<UserId>, &'a Actor)> {
        match self {
            Recorder::User(actor) => Ok((Some(actor.user()?.id), actor)),
            Recorder::Operator(_) => Ok((None, &OPERATOR)),
        }
    }
}

/// Checks the enterprise and the actor's right to record for the support organisation.
async fn check_parties(
    mut conn: Conn<'_>,
    recorder: Recorder<'_>,
    project: &Project,
    draft: &SupportDraft,
    errors: &mut ValidationErrors,
) -> AppResult<()> {
    let delivery: Vec<OrgId> = project.delivery_orgs().collect();
    if let Ok(support_org) = draft.support_org_id.trim().parse::<OrgId>() {
        if !delivery.contains(&support_org) {
            errors.add("support_org_id", "not_delivery", "choose one of the organisations that deliver this project");
        } else if let Recorder::User(actor) = recorder {
            policy::support_recorder(actor, &delivery, support_org)?;
        }
        // Support is delivered under a programme of the organisation that gives it.
        if let Ok(programme) = draft.programme_id.trim().parse::<ProgrammeId>() {
            match programmes::get(conn.reborrow(), programme).await? {
                Some(p) if p.org_id == support_org => {}
                Some(_) => errors.add("programme_id", "other_org", "choose a programme run by the organisation that gave the support"),
                None => errors.add("programme_id", "unknown_programme", "choose the programme from the list, or none"),
            }
        }
    }
    if let Ok(enterprise) = draft.enterprise_id.trim().parse::<OrgId>() {
        match organisations::get(conn.reborrow(), enterprise).await? {
            Some(org) if org.kind.is_enterprise() => {}
            Some(_) => errors.add("enterprise_id", "not_enterprise", "support is recorded for enterprises (SMEs, start-ups, companies)"),
            None => errors.add("enterprise_id", "unknown_org", "choose the enterprise from the directory"),
        }
    }
    Ok(())
}

/// The actor may record for at least one delivery organisation of the project.
pub(super) fn check_recorder(actor: &Actor, project: &Project) -> Result<(), Denied> {
    let delivery: Vec<OrgId> = project.delivery_orgs().collect();
    if delivery.iter().any(|org| policy::support_recorder(actor, &delivery, *org).is_ok()) { Ok(()) } else { Err(Denied::Forbidden) }
}

/// The draft checked against the project, the enterprise (its ledger's currency for the rate)
/// and the actor's right to record; then, for support with an aid value, against the
/// enterprise's subsidy ledger (`exclude`: the record being corrected).
async fn validated(
    mut conn: Conn<'_>,
    recorder: Recorder<'_>,
    project: &Project,
    draft: &SupportDraft,
    exclude: Option<SupportRecordId>,
    at: DateTime<Utc>,
) -> AppResult<SupportInput> {
    let (input, mut errors) = match draft.validate(project, at.date_naive()) {
        Ok(input) => (Some(input), ValidationErrors::default()),
        Err(errors) => (None, errors),
    };
    check_parties(conn.reborrow(), recorder, project, draft, &mut errors).await?;
    let mut input = match input {
        Some(input) if errors.is_empty() => input,
        _ => return Err(AppError::Invalid(errors)),
    };
    input.check_aid_rate(project, ledger::ledger_currency(conn.reborrow(), input.enterprise_id).await?)?;
    ledger::check_support(conn, project, &input, exclude, draft.confirm_ceiling).await?;
    Ok(input)
}

/// A record and its project, for someone who may record its support organisation's support.
async fn recorded(mut conn: Conn<'_>, actor: &Actor, id: SupportRecordId) -> AppResult<(SupportRecord, Project)> {
    let record = store::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let project = project_of(conn, record.project_id).await?;
    let delivery: Vec<OrgId> = project.delivery_orgs().collect();
    policy::support_recorder(actor, &delivery, record.input.support_org_id)?;
    Ok((record, project))
}

/// Records support given in `project`.
pub async fn record(app: &App, actor: &Actor, project_id: ProjectId, draft: &SupportDraft) -> AppResult<SupportRecord> {
    actor.user()?;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let project = project_of(conn.reborrow(), project_id).await?;
    check_recorder(actor, &project)?;
    let record = record_in(conn, Recorder::User(actor), &project, draft, at).await?;
    tx.commit().await?;
    Ok(record)
}

/// Validates and writes a support record in the caller's transaction, with its audit entry: the
/// form's and the import's one way of recording support (the import writes a whole file in one
/// transaction, so each row's ledger check sees the rows before it).
pub(crate) async fn record_in(
    mut conn: Conn<'_>,
    recorder: Recorder<'_>,
    project: &Project,
    draft: &SupportDraft,
    at: DateTime<Utc>,
) -> AppResult<SupportRecord> {
    let (user, actor) = recorder.user_and_actor()?;
    let input = validated(conn.reborrow(), recorder, project, draft, None, at).await?;
    let record = SupportRecord {
        id: SupportRecordId::new(),
        project_id: project.id,
        aid_value: input.aid_value(project),
        currency: project.input.currency.key().to_owned(),
        input,
        adviser_user_id: user,
        created_by: user,
        version: 1,
        created_at: at,
        updated_at: at,
        withdrawn_at: None,
        withdrawn_reason: None,
    };
    store::insert(conn.reborrow(), &record).await?;
    audit_change(
        conn,
        actor,
        Change { kind: kind::SUPPORT_RECORD, id: record.id.to_string(), action: "created", before: None, after: Some(&record) },
        at,
    )
    .await?;
    Ok(record)
}

/// Corrects a record read at `version` (not withdrawn).
pub async fn update(app: &App, actor: &Actor, id: SupportRecordId, version: i64, draft: &SupportDraft) -> AppResult<SupportRecord> {
    actor.user()?;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let (before, project) = recorded(conn.reborrow(), actor, id).await?;
    if before.withdrawn_at.is_some() {
        return Err(AppError::Conflict);
    }
    let input = validated(conn.reborrow(), Recorder::User(actor), &project, draft, Some(id), at).await?;
    let aid_value = input.aid_value(&project);
    if !store::update(conn.reborrow(), id, version, &input, aid_value, at).await? {
        return Err(AppError::Conflict);
    }
    let after = store::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    audit_change(
        conn,
        actor,
        Change { kind: kind::SUPPORT_RECORD, id: id.to_string(), action: "updated", before: Some(&before), after: Some(&after) },
        at,
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Withdraws a mistaken record read at `version`: it stays, as evidence, and counts nowhere.
pub async fn withdraw(app: &App, actor: &Actor, id: SupportRecordId, version: i64, reason: &str) -> AppResult<SupportRecord> {
    actor.user()?;
    let at = now();
    let mut errors = ValidationErrors::default();
    let reason = tandem_core::validation::required_text(&mut errors, "reason", reason, REASON_MAX);
    errors.into_result(())?;
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let (before, _) = recorded(conn.reborrow(), actor, id).await?;
    if !store::withdraw(conn.reborrow(), id, version, &reason, at).await? {
        return Err(AppError::Conflict);
    }
    let after = store::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    audit_change(
        conn,
        actor,
        Change { kind: kind::SUPPORT_RECORD, id: id.to_string(), action: "withdrawn", before: Some(&before), after: Some(&after) },
        at,
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Attaches an evidence file (PDF, PNG or JPEG, checked by content) to a record.
pub async fn add_evidence(app: &App, actor: &Actor, id: SupportRecordId, file_name: &str, bytes: &[u8]) -> AppResult<Evidence> {
    actor.user()?;
    let media_type = check_evidence(file_name, bytes)?;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    recorded(conn.reborrow(), actor, id).await?;
    let file = add_evidence_in(conn, Recorder::User(actor), id, file_name, media_type, bytes, at).await?;
    tx.commit().await?;
    Ok(file)
}

/// Stores an evidence file checked by [`check_evidence`] (`media_type`) for a record, with its
/// audit entry, in the caller's transaction: the form's and the import's one way of adding it.
pub(crate) async fn add_evidence_in(
    mut conn: Conn<'_>,
    recorder: Recorder<'_>,
    id: SupportRecordId,
    file_name: &str,
    media_type: &'static str,
    bytes: &[u8],
    at: DateTime<Utc>,
) -> AppResult<Evidence> {
    let (user, actor) = recorder.user_and_actor()?;
    let upload = Upload::checked(file_name, media_type, bytes);
    let file_id = SupportEvidenceId::new();
    store::add_evidence(conn.reborrow(), file_id, id, &upload.stored(user), at).await?;
    let file = store::evidence(conn.reborrow(), id).await?.into_iter().find(|e| e.id == file_id).ok_or(AppError::NotFound)?;
    let audited = upload.audited();
    audit_change(
        conn,
        actor,
        Change { kind: kind::SUPPORT_RECORD, id: id.to_string(), action: "evidence_added", before: None, after: Some(&audited) },
        at,
    )
    .await?;
    Ok(file)
}

/// One project's hours for the enterprise against its threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectHours {
    /// The project.
    pub project: Project,
    /// The running total.
    pub hours: HoursTotal,
    /// The enterprise is a pre-start client of the project: its support counts under P11 only.
    pub pre_start: bool,
}

/// An enterprise's support, as its page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct EnterpriseSupport {
    /// Every record, newest first (withdrawn ones included, marked).
    pub records: Vec<SupportRecord>,
    /// Evidence files per record.
    pub evidence: Vec<(SupportRecordId, Vec<Evidence>)>,
    /// The running totals, one per project with support.
    pub totals: Vec<ProjectHours>,
    /// The changes to its records, newest first.
    pub history: Vec<Entry>,
}

/// An enterprise's support: for its own people, support-organisation staff and platform admins
/// (as its confidential figures are).
pub async fn for_enterprise(app: &App, actor: &Actor, enterprise: OrgId) -> AppResult<EnterpriseSupport> {
    actor.user()?;
    if !policy::can_see_confidential(actor, enterprise) {
        return Err(Denied::Forbidden.into());
    }
    let mut conn = app.db().acquire().await?;
    let records = store::for_enterprise(conn.conn(), enterprise).await?;
    let mut totals: Vec<ProjectHours> = Vec::new();
    let mut evidence = Vec::with_capacity(records.len());
    let mut history = Vec::new();
    for r in &records {
        evidence.push((r.id, store::evidence(conn.conn(), r.id).await?));
        history.extend(audit::history(conn.conn(), kind::SUPPORT_RECORD, &r.id.to_string()).await?);
        let i = match totals.iter().position(|t| t.project.id == r.project_id) {
            Some(i) => i,
            None => {
                let project = project_of(conn.conn(), r.project_id).await?;
                let threshold = project.input.hours_threshold;
                totals.push(ProjectHours { project, hours: HoursTotal { total: 0, threshold }, pre_start: false });
                totals.len() - 1
            }
        };
        if r.withdrawn_at.is_none() {
            totals[i].hours.total += r.input.hours;
        }
    }
    for mark in tandem_store::pre_starts::for_org(conn.conn(), enterprise).await? {
        if let Some(t) = totals.iter_mut().find(|t| t.project.id == mark.project_id) {
            t.pre_start = true;
        }
    }
    history.extend(audit::history(conn.conn(), kind::PRE_START, &enterprise.to_string()).await?);
    history.sort_by_key(|e| std::cmp::Reverse(e.seq));
    Ok(EnterpriseSupport { records, evidence, totals, history })
}

/// An evidence file with its bytes, for those who may see the enterprise's support.
pub async fn evidence_file(app: &App, actor: &Actor, id: SupportEvidenceId) -> AppResult<(Evidence, Vec<u8>)> {
    actor.user()?;
    let mut conn = app.db().acquire().await?;
    let (meta, bytes) = store::evidence_file(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    let record = store::get(conn.conn(), meta.record_id).await?.ok_or(AppError::NotFound)?;
    if !policy::can_see_confidential(actor, record.input.enterprise_id) {
        return Err(AppError::NotFound);
    }
    Ok((meta, bytes))
}
