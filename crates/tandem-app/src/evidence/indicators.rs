//! Indicators per project and period (issue 6, item 5): the project's support records, its
//! enterprises' SME declarations, area and sectors, their recorded outcomes (business starts,
//! employment, innovations, research cooperation, private investment) and the cross-border links
//! of its organisations (confirmed agreements, held B2B meetings) become the facts of
//! `tandem_rules::indicators` (gathered by `indicator_facts`), which counts each enterprise once per
//! indicator with the facts that qualify it and lists what is missing for near misses.

use super::indicator_facts::{self, Gathered};
use super::projects;
use crate::{App, AppError, AppResult};
use chrono::NaiveDate;
use std::collections::HashMap;
use tandem_core::evidence::outcome::Outcome;
use tandem_core::evidence::project::Project;
use tandem_core::evidence::support::SupportRecord;
use tandem_core::policy::{Actor, PlatformAdmin};
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, ProgrammeId, ProjectId};
use tandem_rules::indicators::{self, GuidanceVersion, IndicatorResult, LinkKind, ProjectSettings, ReportingPeriod, Rulebook};
use tandem_store::indicator_facts::{FactOrg, LinkEnd};
use tandem_store::outcomes::OutcomeEvidence;
use tandem_store::support_records::Evidence;

/// One project's indicators for a period, with what a claim needs to show its evidence.
#[derive(Debug, Clone)]
pub struct IndicatorReport {
    /// The project.
    pub project: Project,
    /// The period.
    pub period: ReportingPeriod,
    /// One result per indicator of the project's rulebook, in catalogue order.
    pub results: Vec<IndicatorResult>,
    /// Names of the enterprises, support organisations, research entities and cooperating
    /// organisations, by id.
    pub names: HashMap<String, String>,
    /// The project's records (withdrawn ones left out) by id, with their evidence files.
    pub records: HashMap<String, (SupportRecord, Vec<Evidence>)>,
    /// The project's outcomes (withdrawn ones left out) by id, with their evidence files.
    pub outcomes: HashMap<String, (Outcome, Vec<OutcomeEvidence>)>,
    /// The cooperation links RCO87 looks at, by id.
    pub links: HashMap<String, CooperationEvidence>,
    /// Each enterprise's business-start outcome id: C5 and RCO05 count on it, though the
    /// rulebooks read it as a fact of the enterprise, not as a qualifying record.
    pub starts: HashMap<String, String>,
    /// The project's organisations (and the research entities its outcomes name), by id.
    pub orgs: HashMap<OrgId, FactOrg>,
    /// The names of the directory programmes its support was delivered under, by id.
    pub programmes: HashMap<ProgrammeId, String>,
}

/// A cross-border cooperation link as the claim shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CooperationEvidence {
    /// A partnership agreement (confirmed, or awaiting confirmation) or a held B2B meeting.
    pub kind: LinkKind,
    /// The day it was signed or held.
    pub date: NaiveDate,
    /// One organisation.
    pub a: LinkEnd,
    /// The other.
    pub b: LinkEnd,
    /// The agreement's type key, or the meeting's event.
    pub detail: String,
    /// The agreement's evidence files: (name, SHA-256).
    pub evidence: Vec<(String, String)>,
}

impl IndicatorReport {
    /// The target set for an indicator code, if any.
    pub fn target(&self, code: &str) -> Option<i64> {
        self.project.targets.iter().find(|(c, _)| c == code).map(|(_, t)| *t)
    }
}

/// The rulebook a project's key and version stand for.
pub fn rulebook_of(project: &Project) -> Option<Rulebook> {
    let version = match project.input.rulebook_version.as_str() {
        "v3" => Some(GuidanceVersion::V3),
        "v4" => Some(GuidanceVersion::V4),
        "v5" => Some(GuidanceVersion::V5),
        "v6" => Some(GuidanceVersion::V6),
        _ => None,
    };
    match project.input.rulebook.as_str() {
        "esif_gn_1_002" => version.map(|version| Rulebook::Erdf2014England { version }),
        "eu_2021_1058" => Some(Rulebook::Eu2021),
        "interreg_2021_1059" => Some(Rulebook::Interreg2021),
        _ => None,
    }
}

fn settings_of(project: &Project, rulebook: Rulebook) -> ProjectSettings {
    let base = match rulebook {
        Rulebook::Erdf2014England { .. } => ProjectSettings::erdf_2014_20(),
        Rulebook::Eu2021 | Rulebook::Interreg2021 => ProjectSettings::eu_2021_27(),
    };
    let threshold = u32::try_from(project.input.hours_threshold).unwrap_or(u32::MAX);
    ProjectSettings {
        min_support_hundredths: if base.min_support_hundredths == 0 { 0 } else { threshold },
        p11_min_hundredths: threshold,
        excluded_nace_prefixes: project.excluded_nace.clone(),
        ..base
    }
}

/// Counts the project's indicators for [`from`, `to`], for an actor who sees the project.
pub async fn compute(app: &App, actor: &Actor, project_id: ProjectId, from: NaiveDate, to: NaiveDate) -> AppResult<IndicatorReport> {
    let project = projects::get(app, actor, project_id).await?;
    compute_for(app, project, from, to).await
}

/// [`compute`] for operator tools (the command line).
pub async fn compute_operator(
    app: &App,
    _: PlatformAdmin,
    project_id: ProjectId,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<IndicatorReport> {
    let project = {
        let mut conn = app.db().acquire().await?;
        tandem_store::projects::get(conn.conn(), project_id).await?.ok_or(AppError::NotFound)?
    };
    compute_for(app, project, from, to).await
}

async fn compute_for(app: &App, project: Project, from: NaiveDate, to: NaiveDate) -> AppResult<IndicatorReport> {
    let project_id = project.id;
    if to < from {
        let mut errors = ValidationErrors::default();
        errors.add("to", "before_from", "the period must end on or after the day it starts");
        return Err(errors.into());
    }
    let rulebook = rulebook_of(&project)
        .ok_or_else(|| AppError::Internal(format!("project {project_id} has an unknown rulebook {}", project.input.rulebook)))?;
    let settings = settings_of(&project, rulebook);
    let mut conn = app.db().acquire().await?;
    let gathered = indicator_facts::gather(conn.conn(), &project, &settings, to).await?;
    let period = ReportingPeriod { from, to };
    let results = indicators::evaluate(&gathered.facts, &settings, rulebook, period)
        .map_err(|e| AppError::Internal(format!("indicator facts of project {project_id}: {e}")))?;
    let Gathered { names, records, outcomes, links, starts, orgs, programmes, .. } = gathered;
    Ok(IndicatorReport { project, period, results, names, records, outcomes, links, starts, orgs, programmes })
}
