//! Setting up funded projects (issue 6, item 1): the funder and scheme, the indicator rulebook
//! and its version at the funding-agreement date, delivery partners, the eligible area,
//! excluded sectors and targets. Managed by the lead organisation's staff; every change is
//! audited.

use super::{Change, audit_change, kind};
use crate::{App, AppError, AppResult};
use chrono::{SubsecRound, Utc};
use serde::Serialize;
use tandem_core::evidence::project::{Project, ProjectDraft, ProjectInput};
use tandem_core::nace::NaceCode;
use tandem_core::policy::{self, Actor};
use tandem_core::validation::ValidationErrors;
use tandem_core::{CityId, OrgId, ProjectId};
use tandem_store::projects::{self as store, ProjectLists};
use tandem_store::{Conn, cities, organisations};

/// The indicator rulebooks and their versions a project can be set up under:
/// (key, versions). England's ERDF 2014–20 guidance (ESIF-GN-1-002) went through versions; the
/// 2021–27 indicators are those of Regulation (EU) 2021/1058, Annex I, and Interreg's RCO87.
pub const RULEBOOKS: &[(&str, &[&str])] =
    &[("esif_gn_1_002", &["v3", "v4", "v5", "v6"]), ("eu_2021_1058", &["2021"]), ("interreg_2021_1059", &["2021"])];

/// Whether `rulebook` is known in `version`.
pub fn rulebook_known(rulebook: &str, version: &str) -> bool {
    RULEBOOKS.iter().any(|(key, versions)| *key == rulebook && versions.contains(&version))
}

/// The lists a manager submits with a project, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListsDraft {
    /// Delivery partner organisation ids.
    pub partners: Vec<String>,
    /// Eligible city ids.
    pub cities: Vec<String>,
    /// Excluded NACE codes, separated by commas or spaces.
    pub excluded_nace: String,
    /// (indicator code, target) pairs; an empty target means none.
    pub targets: Vec<(String, String)>,
}

/// A project as audited: its fields and lists.
#[derive(Serialize)]
struct Audited<'a> {
    input: &'a ProjectInput,
    partners: &'a [OrgId],
    cities: &'a [CityId],
    excluded_nace: &'a [String],
    targets: &'a [(String, i64)],
}

fn audited<'a>(input: &'a ProjectInput, lists: &'a ProjectLists) -> Audited<'a> {
    Audited { input, partners: &lists.partners, cities: &lists.cities, excluded_nace: &lists.excluded_nace, targets: &lists.targets }
}

async fn validate(conn: &mut Conn<'_>, app: &App, draft: &ProjectDraft, lists: &ListsDraft) -> AppResult<(ProjectInput, ProjectLists)> {
    let (input, mut errors) = match draft.validate(rulebook_known) {
        Ok(input) => (Some(input), ValidationErrors::default()),
        Err(errors) => (None, errors),
    };
    if let Some(i) = &input
        && organisations::get(conn.reborrow(), i.lead_org_id).await?.is_none()
    {
        errors.add("lead_org_id", "unknown_org", "choose the lead organisation from the directory");
    }
    let mut out = ProjectLists::default();
    for raw in lists.partners.iter().filter(|p| !p.trim().is_empty()) {
        let org = match raw.trim().parse::<OrgId>() {
            Ok(id) if organisations::get(conn.reborrow(), id).await?.is_some() => id,
            _ => {
                errors.add("partners", "unknown_org", "choose delivery partners from the directory");
                continue;
            }
        };
        if input.as_ref().is_some_and(|i| i.lead_org_id == org) || out.partners.contains(&org) {
            continue;
        }
        out.partners.push(org);
    }
    let known_cities: Vec<CityId> = cities::list(conn.reborrow()).await?.into_iter().map(|c| c.id).collect();
    for raw in lists.cities.iter().filter(|c| !c.trim().is_empty()) {
        match raw.trim().parse::<CityId>() {
            Ok(id) if known_cities.contains(&id) => {
                if !out.cities.contains(&id) {
                    out.cities.push(id);
                }
            }
            _ => errors.add("cities", "unknown_city", "choose the eligible cities from the list"),
        }
    }
    if out.cities.is_empty() {
        errors.add("cities", "required", "choose at least one city where the project may give support");
    }
    for raw in lists.excluded_nace.split([',', ' ', ';', '\n']).map(str::trim).filter(|c| !c.is_empty()) {
        match NaceCode::parse(raw) {
            Ok(code) if app.nace().get(&code).is_some() => {
                let code = code.as_str().to_owned();
                if !out.excluded_nace.contains(&code) {
                    out.excluded_nace.push(code);
                }
            }
            _ => errors.add(
                "excluded_nace",
                "unknown_nace",
                format!("'{raw}' is not a NACE Rev. 2 code; write codes such as 01, 01.1 or 01.11"),
            ),
        }
    }
    for (indicator, target) in &lists.targets {
        let (indicator, target) = (indicator.trim(), target.trim());
        if target.is_empty() {
            continue;
        }
        match target.replace([',', '.'], "").parse::<i64>() {
            Ok(t) if t >= 0 && !indicator.is_empty() => out.targets.push((indicator.to_owned(), t)),
            _ => {
                errors.add(&format!("target-{indicator}"), "invalid_target", format!("write the target for {indicator} as a whole number"))
            }
        }
    }
    match input {
        Some(input) if errors.is_empty() => Ok((input, out)),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Sets up a project; the actor must be staff of its lead organisation.
pub async fn create(app: &App, actor: &Actor, draft: &ProjectDraft, lists: &ListsDraft) -> AppResult<Project> {
    actor.user()?;
    let now = Utc::now().trunc_subsecs(6);
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let (input, lists) = validate(&mut conn, app, draft, lists).await?;
    policy::project_manager(actor, input.lead_org_id)?;
    let id = ProjectId::new();
    store::insert(conn.reborrow(), id, &input, &lists, now).await?;
    audit_change(
        conn.reborrow(),
        actor,
        Change { kind: kind::PROJECT, id: id.to_string(), action: "created", before: None, after: Some(&audited(&input, &lists)) },
        now,
    )
    .await?;
    let project = store::get(conn, id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(project)
}

/// Changes a project read at `version`; the actor must be staff of its (current and new) lead.
pub async fn update(app: &App, actor: &Actor, id: ProjectId, version: i64, draft: &ProjectDraft, lists: &ListsDraft) -> AppResult<Project> {
    actor.user()?;
    let now = Utc::now().trunc_subsecs(6);
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let before = store::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    policy::project_manager(actor, before.input.lead_org_id)?;
    let (input, lists) = validate(&mut conn, app, draft, lists).await?;
    policy::project_manager(actor, input.lead_org_id)?;
    if !store::update(conn.reborrow(), id, version, &input, &lists, now).await? {
        return Err(AppError::Conflict);
    }
    let old = ProjectLists {
        partners: before.partners.clone(),
        cities: before.cities.clone(),
        excluded_nace: before.excluded_nace.clone(),
        targets: before.targets.clone(),
    };
    audit_change(
        conn.reborrow(),
        actor,
        Change {
            kind: kind::PROJECT,
            id: id.to_string(),
            action: "updated",
            before: Some(&audited(&before.input, &old)),
            after: Some(&audited(&input, &lists)),
        },
        now,
    )
    .await?;
    let project = store::get(conn, id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(project)
}

/// One project (for anyone logged in who works at a support organisation, and its delivery
/// organisations' people).
pub async fn get(app: &App, actor: &Actor, id: ProjectId) -> AppResult<Project> {
    let mut conn = app.db().acquire().await?;
    let project = store::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    if !can_see(actor, &project) {
        return Err(AppError::NotFound);
    }
    Ok(project)
}

/// The projects the actor can see.
pub async fn list(app: &App, actor: &Actor) -> AppResult<Vec<Project>> {
    actor.user()?;
    let mut conn = app.db().acquire().await?;
    Ok(store::list(conn.conn()).await?.into_iter().filter(|p| can_see(actor, p)).collect())
}

fn can_see(actor: &Actor, project: &Project) -> bool {
    actor.is_platform_admin() || actor.is_support_staff() || project.delivery_orgs().any(|o| actor.role_in(o).is_some())
}
