//! Indicators per project and period (issue 6, item 5): the project's records, its enterprises'
//! SME declarations, area and sectors become the facts of `tandem_rules::indicators`, which
//! counts each enterprise once per indicator with the records that qualify it and lists what is
//! missing for near misses.
//!
//! Not yet fed (their forms come later): business start dates (C5/RCO05), employment (C8,
//! RCR01), innovation claims (C28/C29, RCR03), research cooperation (C26), private investment
//! (RCR02) and cross-border links (RCO87); those indicators report near misses or nothing.

use super::projects;
use crate::{App, AppError, AppResult};
use chrono::NaiveDate;
use std::collections::HashMap;
use tandem_core::evidence::project::Project;
use tandem_core::evidence::support::SupportRecord;
use tandem_core::policy::{Actor, PlatformAdmin};
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, ProjectId};
use tandem_rules::indicators::{
    self, Enterprise, GuidanceVersion, IndicatorResult, ProjectFacts, ProjectSettings, ReportingPeriod, Rulebook, SmeDeclaration,
};
use tandem_store::support_records::{self, Evidence};
use tandem_store::{Conn, organisations, sme_declarations};

/// One project's indicators for a period, with what a claim needs to show its evidence.
#[derive(Debug, Clone)]
pub struct IndicatorReport {
    /// The project.
    pub project: Project,
    /// The period.
    pub period: ReportingPeriod,
    /// One result per indicator of the project's rulebook, in catalogue order.
    pub results: Vec<IndicatorResult>,
    /// Enterprise and support organisation names by id.
    pub names: HashMap<String, String>,
    /// The project's records (withdrawn ones left out) by id, with their evidence files.
    pub records: HashMap<String, (SupportRecord, Vec<Evidence>)>,
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

/// The enterprise as the rulebooks see it on the period's last day.
async fn enterprise_facts(
    mut conn: Conn<'_>,
    project: &Project,
    settings: &ProjectSettings,
    id: OrgId,
    to: NaiveDate,
) -> AppResult<(Enterprise, String)> {
    let org = organisations::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let declaration = sme_declarations::for_org(conn, id)
        .await?
        .into_iter()
        .filter(|d| d.declaration.declared_on <= to)
        .max_by_key(|d| (d.declaration.input.accounts.period_end, d.created_at));
    let codes: Vec<String> = org.nace_codes.iter().map(|c| c.as_str().to_owned()).collect();
    let enterprise = Enterprise {
        id: id.to_string(),
        start: None,
        sme_declaration: declaration.map(|d| SmeDeclaration { size: d.category(), declared_on: d.declaration.declared_on }),
        in_eligible_area: project.cities.contains(&org.city_id),
        nace: codes.first().cloned(),
        excluded_sector: codes.iter().any(|c| settings.excludes_nace(c)),
        potential_entrepreneur: false,
    };
    Ok((enterprise, org.name))
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
    // The whole history up to the period's end: an enterprise counts once over the project.
    let all = support_records::for_project(conn.conn(), project_id, project.input.starts_on, to).await?;
    let mut facts = ProjectFacts::default();
    let mut names = HashMap::new();
    let mut records = HashMap::new();
    for r in all.into_iter().filter(|r| r.withdrawn_at.is_none()) {
        let enterprise = r.input.enterprise_id.to_string();
        if !names.contains_key(&enterprise) {
            let (facts_of, name) = enterprise_facts(conn.conn(), &project, &settings, r.input.enterprise_id, to).await?;
            facts.enterprises.push(facts_of);
            names.insert(enterprise.clone(), name);
        }
        let support_org = r.input.support_org_id.to_string();
        if !names.contains_key(&support_org)
            && let Some(org) = organisations::get(conn.conn(), r.input.support_org_id).await?
        {
            names.insert(support_org, org.name);
        }
        let evidence = support_records::evidence(conn.conn(), r.id).await?;
        facts.support.push(indicators::SupportRecord {
            id: r.id.to_string(),
            enterprise_id: enterprise,
            support_organisation_id: r.input.support_org_id.to_string(),
            date: r.input.delivered_on,
            hours_hundredths: u32::try_from(r.input.hours).unwrap_or(u32::MAX),
            activity: r.input.activity,
            has_specific_written_output: r.input.written_output.is_some(),
            evidence_file_count: u32::try_from(evidence.len()).unwrap_or(u32::MAX),
            grant_amount_minor: r.input.grant_amount.unwrap_or(0),
            loan_amount_minor: r.input.loan_amount.unwrap_or(0),
        });
        records.insert(r.id.to_string(), (r, evidence));
    }
    let period = ReportingPeriod { from, to };
    let results = indicators::evaluate(&facts, &settings, rulebook, period)
        .map_err(|e| AppError::Internal(format!("indicator facts of project {project_id}: {e}")))?;
    Ok(IndicatorReport { project, period, results, names, records })
}
