//! Outcomes of supported enterprises (tables `enterprise_outcomes`, `outcome_evidence`; issue 6,
//! item 5): business starts, employment baselines and figures, innovations, research cooperation
//! and private investment, per funded project, with their evidence files. Outcomes are never
//! deleted: a mistaken one is withdrawn. Updates are version-checked. Each kind's own fields are
//! nullable columns that the table's CHECK constraints tie to the kind; evidence bytes live in the
//! database, as support evidence does, and listings read the metadata only.

use crate::evidence_files::{self, FileRow, NewEvidenceFile, OUTCOMES};
use crate::{Conn, StoreError, StoreResult, on_db};
use chrono::{DateTime, NaiveDate, Utc};
use tandem_core::evidence::outcome::{
    Choice, InnovationKind, MatchedSupport, Novelty, Outcome, OutcomeDetail, OutcomeInput, OutcomeKind, StartEvidence,
};
use tandem_core::{OrgId, OutcomeEvidenceId, OutcomeId, ProjectId, UserId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct OutcomeRow {
    id: Uuid,
    project_id: Uuid,
    enterprise_id: Uuid,
    kind: String,
    occurred_on: NaiveDate,
    start_evidence: Option<String>,
    fte: Option<i32>,
    confirmed_in_writing: Option<bool>,
    novelty: Option<String>,
    innovation_kind: Option<String>,
    research_entity_id: Option<Uuid>,
    amount: Option<i64>,
    matches: Option<String>,
    note: Option<String>,
    created_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    version: i64,
    withdrawn_at: Option<DateTime<Utc>>,
    withdrawn_reason: Option<String>,
}

impl OutcomeRow {
    /// The detail the kind's columns hold; None for a row the CHECK constraints would refuse.
    fn detail(&self) -> Option<OutcomeDetail> {
        let key = |v: &Option<String>| v.as_deref().unwrap_or_default().to_owned();
        Some(match OutcomeKind::from_key(&self.kind)? {
            OutcomeKind::BusinessStart => OutcomeDetail::BusinessStart { evidence: StartEvidence::from_key(&key(&self.start_evidence))? },
            OutcomeKind::EmploymentBaseline => OutcomeDetail::EmploymentBaseline { fte_hundredths: i64::from(self.fte?) },
            OutcomeKind::EmploymentFigure => {
                OutcomeDetail::EmploymentFigure { fte_hundredths: i64::from(self.fte?), confirmed_in_writing: self.confirmed_in_writing? }
            }
            OutcomeKind::Innovation => OutcomeDetail::Innovation {
                novelty: Novelty::from_key(&key(&self.novelty))?,
                innovation_kind: InnovationKind::from_key(&key(&self.innovation_kind))?,
            },
            OutcomeKind::ResearchCooperation => OutcomeDetail::ResearchCooperation { research_entity_id: OrgId(self.research_entity_id?) },
            OutcomeKind::PrivateInvestment => {
                OutcomeDetail::PrivateInvestment { amount_minor: self.amount?, matches: MatchedSupport::from_key(&key(&self.matches))? }
            }
        })
    }

    fn into_outcome(self) -> Option<Outcome> {
        let detail = self.detail()?;
        Some(Outcome {
            id: OutcomeId(self.id),
            project_id: ProjectId(self.project_id),
            enterprise_id: OrgId(self.enterprise_id),
            input: OutcomeInput { date: self.occurred_on, detail, note: self.note },
            created_by: self.created_by.map(UserId),
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
            withdrawn_at: self.withdrawn_at,
            withdrawn_reason: self.withdrawn_reason,
        })
    }
}

/// A detail spread over the kind-specific columns (None where the kind has no such field).
#[derive(Default)]
struct DetailColumns {
    start_evidence: Option<&'static str>,
    fte: Option<i32>,
    confirmed_in_writing: Option<bool>,
    novelty: Option<&'static str>,
    innovation_kind: Option<&'static str>,
    research_entity_id: Option<Uuid>,
    amount: Option<i64>,
    matches: Option<&'static str>,
}

fn fte(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

impl From<&OutcomeDetail> for DetailColumns {
    fn from(detail: &OutcomeDetail) -> DetailColumns {
        match *detail {
            OutcomeDetail::BusinessStart { evidence } => DetailColumns { start_evidence: Some(evidence.key()), ..Default::default() },
            OutcomeDetail::EmploymentBaseline { fte_hundredths } => DetailColumns { fte: Some(fte(fte_hundredths)), ..Default::default() },
            OutcomeDetail::EmploymentFigure { fte_hundredths, confirmed_in_writing } => {
                DetailColumns { fte: Some(fte(fte_hundredths)), confirmed_in_writing: Some(confirmed_in_writing), ..Default::default() }
            }
            OutcomeDetail::Innovation { novelty, innovation_kind } => {
                DetailColumns { novelty: Some(novelty.key()), innovation_kind: Some(innovation_kind.key()), ..Default::default() }
            }
            OutcomeDetail::ResearchCooperation { research_entity_id } => {
                DetailColumns { research_entity_id: Some(research_entity_id.0), ..Default::default() }
            }
            OutcomeDetail::PrivateInvestment { amount_minor, matches } => {
                DetailColumns { amount: Some(amount_minor), matches: Some(matches.key()), ..Default::default() }
            }
        }
    }
}

const COLUMNS: &str = "id, project_id, enterprise_id, kind, occurred_on, start_evidence, fte, confirmed_in_writing, novelty, \
     innovation_kind, research_entity_id, amount, matches, note, created_by, created_at, updated_at, version, withdrawn_at, \
     withdrawn_reason";
const INSERT: &str = "INSERT INTO enterprise_outcomes (id, project_id, enterprise_id, kind, occurred_on, start_evidence, fte, \
     confirmed_in_writing, novelty, innovation_kind, research_entity_id, amount, matches, note, created_by, created_at, updated_at, \
     version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, 1)";
const UPDATE: &str = "UPDATE enterprise_outcomes SET kind = $3, occurred_on = $4, start_evidence = $5, fte = $6, \
     confirmed_in_writing = $7, novelty = $8, innovation_kind = $9, research_entity_id = $10, amount = $11, matches = $12, \
     note = $13, version = version + 1, updated_at = $14 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL";
const WITHDRAW: &str = "UPDATE enterprise_outcomes SET withdrawn_at = $3, withdrawn_reason = $4, version = version + 1, \
     updated_at = $3 WHERE id = $1 AND version = $2 AND withdrawn_at IS NULL";

/// A second active start or baseline of one enterprise in one project breaks the partial unique
/// index: the use case checks first, so this is the race it lost.
fn one_per_enterprise(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Duplicate { field: "kind" },
        _ => StoreError::from(e),
    }
}

/// Writes a new outcome; `Duplicate { field: "kind" }` when the enterprise already has an active
/// outcome of a kind it may have only one of in the project.
pub async fn insert(conn: Conn<'_>, o: &Outcome) -> StoreResult<()> {
    let d = DetailColumns::from(&o.input.detail);
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(o.id.0)
        .bind(o.project_id.0)
        .bind(o.enterprise_id.0)
        .bind(o.input.detail.kind().key())
        .bind(o.input.date)
        .bind(d.start_evidence)
        .bind(d.fte)
        .bind(d.confirmed_in_writing)
        .bind(d.novelty)
        .bind(d.innovation_kind)
        .bind(d.research_entity_id)
        .bind(d.amount)
        .bind(d.matches)
        .bind(&o.input.note)
        .bind(o.created_by.map(|u| u.0))
        .bind(o.created_at)
        .execute(&mut *c)
        .await
        .map(drop))
    .map_err(one_per_enterprise)
}

/// Replaces an outcome's fields if it is still at `version` and not withdrawn; false otherwise.
pub async fn update(conn: Conn<'_>, id: OutcomeId, version: i64, i: &OutcomeInput, now: DateTime<Utc>) -> StoreResult<bool> {
    let d = DetailColumns::from(&i.detail);
    let changed = on_db!(conn, |c| sqlx::query(UPDATE)
        .bind(id.0)
        .bind(version)
        .bind(i.detail.kind().key())
        .bind(i.date)
        .bind(d.start_evidence)
        .bind(d.fte)
        .bind(d.confirmed_in_writing)
        .bind(d.novelty)
        .bind(d.innovation_kind)
        .bind(d.research_entity_id)
        .bind(d.amount)
        .bind(d.matches)
        .bind(&i.note)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))
    .map_err(one_per_enterprise)?;
    Ok(changed > 0)
}

/// Withdraws an outcome at `version`; false when it changed meanwhile or was withdrawn already.
pub async fn withdraw(conn: Conn<'_>, id: OutcomeId, version: i64, reason: &str, now: DateTime<Utc>) -> StoreResult<bool> {
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

async fn select(conn: Conn<'_>, filter: &str, bind: Uuid, extra: Option<NaiveDate>) -> StoreResult<Vec<Outcome>> {
    let sql = format!("SELECT {COLUMNS} FROM enterprise_outcomes WHERE {filter}");
    let rows: Vec<OutcomeRow> = match extra {
        Some(day) => on_db!(conn, |c| sqlx::query_as(&sql).bind(bind).bind(day).fetch_all(&mut *c).await)?,
        None => on_db!(conn, |c| sqlx::query_as(&sql).bind(bind).fetch_all(&mut *c).await)?,
    };
    Ok(rows.into_iter().filter_map(OutcomeRow::into_outcome).collect())
}

/// One outcome.
pub async fn get(conn: Conn<'_>, id: OutcomeId) -> StoreResult<Option<Outcome>> {
    Ok(select(conn, "id = $1", id.0, None).await?.pop())
}

/// Every outcome of an enterprise in any project (withdrawn ones included), newest first.
pub async fn for_enterprise(conn: Conn<'_>, enterprise: OrgId) -> StoreResult<Vec<Outcome>> {
    select(conn, "enterprise_id = $1 ORDER BY occurred_on DESC, created_at DESC, id DESC", enterprise.0, None).await
}

/// Every outcome of a project dated up to `to` (withdrawn ones included), oldest first: the
/// history the rulebooks count over.
pub async fn for_project(conn: Conn<'_>, project: ProjectId, to: NaiveDate) -> StoreResult<Vec<Outcome>> {
    select(conn, "project_id = $1 AND occurred_on <= $2 ORDER BY occurred_on, created_at, id", project.0, Some(to)).await
}

/// The enterprise's active outcome of `kind` in the project (for the kinds it has one of).
pub async fn active_of_kind(conn: Conn<'_>, project: ProjectId, enterprise: OrgId, kind: OutcomeKind) -> StoreResult<Option<Outcome>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM enterprise_outcomes WHERE project_id = $1 AND enterprise_id = $2 AND kind = $3 \
         AND withdrawn_at IS NULL ORDER BY created_at DESC, id DESC"
    );
    let row: Option<OutcomeRow> =
        on_db!(conn, |c| sqlx::query_as(&sql).bind(project.0).bind(enterprise.0).bind(kind.key()).fetch_optional(&mut *c).await)?;
    Ok(row.and_then(OutcomeRow::into_outcome))
}

/// An evidence file's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeEvidence {
    /// Id.
    pub id: OutcomeEvidenceId,
    /// The outcome it evidences.
    pub outcome_id: OutcomeId,
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

/// Stores an evidence file for an outcome.
pub async fn add_evidence(
    conn: Conn<'_>,
    id: OutcomeEvidenceId,
    outcome: OutcomeId,
    file: &NewEvidenceFile<'_>,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    evidence_files::insert(conn, OUTCOMES, id.0, outcome.0, file, now).await
}

fn evidence_of(r: FileRow) -> OutcomeEvidence {
    OutcomeEvidence {
        id: OutcomeEvidenceId(r.id),
        outcome_id: OutcomeId(r.owner),
        file_name: r.file_name,
        media_type: r.media_type,
        size: r.size,
        sha256: r.sha256,
        uploaded_by: r.uploaded_by,
        created_at: r.created_at,
    }
}

async fn evidence_where(conn: Conn<'_>, filter: &str, bind: Uuid) -> StoreResult<Vec<OutcomeEvidence>> {
    let join = "JOIN enterprise_outcomes o ON o.id = e.outcome_id";
    Ok(evidence_files::list(conn, OUTCOMES, join, filter, bind).await?.into_iter().map(evidence_of).collect())
}

/// The evidence files of an outcome (metadata), oldest first.
pub async fn evidence(conn: Conn<'_>, outcome: OutcomeId) -> StoreResult<Vec<OutcomeEvidence>> {
    evidence_where(conn, "e.outcome_id = $1", outcome.0).await
}

/// The evidence files of all of an enterprise's outcomes (metadata), in one query.
pub async fn evidence_for_enterprise(conn: Conn<'_>, enterprise: OrgId) -> StoreResult<Vec<OutcomeEvidence>> {
    evidence_where(conn, "o.enterprise_id = $1", enterprise.0).await
}

/// The evidence files of all of a project's outcomes (metadata), in one query.
pub async fn evidence_for_project(conn: Conn<'_>, project: ProjectId) -> StoreResult<Vec<OutcomeEvidence>> {
    evidence_where(conn, "o.project_id = $1", project.0).await
}

/// An evidence file with its bytes.
pub async fn evidence_file(conn: Conn<'_>, id: OutcomeEvidenceId) -> StoreResult<Option<(OutcomeEvidence, Vec<u8>)>> {
    Ok(evidence_files::with_content(conn, OUTCOMES, id.0).await?.map(|(meta, bytes)| (evidence_of(meta), bytes)))
}
