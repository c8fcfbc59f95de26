//! Research data from CORDIS (`tandem import cordis`): the official bulk CSVs of EU research
//! projects (`organization.csv`, `project.csv`) become research organisations (by PIC),
//! projects and participations, from which the matching engine builds its collaboration graph.
//!
//! The import is all-or-nothing like the other imports: both files are read completely, every
//! bad row is reported (with a participation whose project is neither in the projects file nor
//! already stored), and the good rows are written in one transaction that is committed only when
//! there is no problem and it is not a dry run. So a dry run, or a refused import, still reports
//! how many records would be new, changed or unchanged. Re-importing the same files changes
//! nothing; rows absent from the files are kept (a CORDIS dump only grows).
//!
//! An organisation appears on one row per participation: a later row's non-empty values win.
//! An organisation listed twice in one project (CORDIS does this for some consortia) becomes one
//! participation: coordinator if either row says so, the contributions added up.
//!
//! After a successful import the caller refreshes whatever it derives from the research tables
//! (the matching index); this module does not know about it.

use crate::{App, AppError};
use chrono::Utc;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Read;
use tandem_core::policy::PlatformAdmin;
use tandem_io::cordis::{
    self, CordisError, CordisFile, CordisRowError, OrganisationRecord, Parsed, ParticipationRecord, ProjectRecord,
};
use tandem_store::research::{self, ResearchCounts, ResearchOrganisation, ResearchParticipation, ResearchProject};
use tandem_store::Tx;

/// What the import is doing, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CordisProgress {
    /// Rows read so far from one file (the total is not known in advance).
    Reading {
        /// Which file.
        file: CordisFile,
        /// Data rows read.
        rows: usize,
    },
    /// Records (organisations, projects, participations together) written so far.
    Writing {
        /// Written so far.
        done: usize,
        /// To write in all.
        total: usize,
    },
}

/// How many records of one kind are new, changed or already stored as they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpsertCounts {
    /// Not stored before.
    pub new: usize,
    /// Stored before with other values.
    pub updated: usize,
    /// Stored before with the same values.
    pub unchanged: usize,
}

impl UpsertCounts {
    /// Records of this kind in the files (after merging repeated rows).
    pub fn total(&self) -> usize {
        self.new + self.updated + self.unchanged
    }
}

impl fmt::Display for UpsertCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} new, {} updated, {} unchanged", self.new, self.updated, self.unchanged)
    }
}

/// What an import did (or, for a dry run or a refused import, would have done with the good rows).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CordisReport {
    /// Data rows read from `organization.csv`.
    pub organisation_rows: usize,
    /// Data rows read from `project.csv`.
    pub project_rows: usize,
    /// Research organisations.
    pub organisations: UpsertCounts,
    /// Projects.
    pub projects: UpsertCounts,
    /// Participations.
    pub participations: UpsertCounts,
    /// Nothing was written because it was a dry run.
    pub dry_run: bool,
}

/// An import refused because of bad rows: every problem, and what the good rows would have done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RejectedImport {
    /// Every problem, organisations file first, each file in line order.
    pub errors: Vec<CordisRowError>,
    /// The counts for the good rows; nothing was written.
    pub report: CordisReport,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum CordisImportError {
    /// A file cannot be read or lacks required columns.
    #[error(transparent)]
    File(#[from] CordisError),
    /// Rows have problems; every one is listed.
    #[error("{}", summarise(&.0.errors))]
    Rows(Box<RejectedImport>),
    /// Storage failed.
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<tandem_store::StoreError> for CordisImportError {
    fn from(e: tandem_store::StoreError) -> Self {
        CordisImportError::App(e.into())
    }
}

fn summarise(errors: &[CordisRowError]) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = errors.iter().take(SHOWN).map(CordisRowError::to_string).collect();
    let more = errors.len().saturating_sub(SHOWN);
    let tail = if more > 0 { format!("; and {more} more") } else { String::new() };
    format!("{} problem(s) in the CORDIS files: {}{tail}", errors.len(), shown.join("; "))
}

/// Records per store call, so progress moves while a large import is written.
const WRITE_CHUNK: usize = 10_000;

/// Imports the CORDIS `organization.csv` and `project.csv`, all or nothing (see the module
/// documentation). `progress` is called while reading and writing.
pub async fn import_cordis(
    app: &App,
    _admin: PlatformAdmin,
    organisations_csv: impl Read,
    projects_csv: impl Read,
    dry_run: bool,
    progress: &(dyn Fn(CordisProgress) + Sync),
) -> Result<CordisReport, CordisImportError> {
    let orgs_file = cordis::read_organisations(organisations_csv, &mut |rows| {
        progress(CordisProgress::Reading { file: CordisFile::Organisations, rows });
    })?;
    let projects_file = cordis::read_projects(projects_csv, &mut |rows| {
        progress(CordisProgress::Reading { file: CordisFile::Projects, rows });
    })?;
    let mut report = CordisReport { organisation_rows: orgs_file.rows, project_rows: projects_file.rows, dry_run, ..Default::default() };
    let project_id_field = orgs_file.project_id_header().to_owned();
    let Parsed { records: participations, errors: mut org_errors, .. } = orgs_file;
    let Parsed { records: projects, errors: project_errors, .. } = projects_file;

    let mut tx = app.db().begin().await?;
    let participations = check_projects_exist(&mut tx, participations, &projects, &project_id_field, &mut org_errors).await?;
    let batch = Batch::merge(participations, projects);
    write(&mut tx, &batch, &mut report, progress).await?;

    let mut errors = org_errors;
    errors.extend(project_errors);
    if !errors.is_empty() {
        // Dropping the transaction rolls everything back.
        return Err(CordisImportError::Rows(Box::new(RejectedImport { errors, report })));
    }
    if !dry_run {
        tx.commit().await?;
    }
    Ok(report)
}

/// Keeps the participations whose project is in the projects file or already stored; each other
/// row becomes a problem on its line.
async fn check_projects_exist(
    tx: &mut Tx,
    participations: Vec<ParticipationRecord>,
    projects: &[ProjectRecord],
    field: &str,
    errors: &mut Vec<CordisRowError>,
) -> Result<Vec<ParticipationRecord>, CordisImportError> {
    let in_file: HashSet<&str> = projects.iter().map(|p| p.id.as_str()).collect();
    let elsewhere: Vec<String> = participations
        .iter()
        .map(|p| p.project_id.as_str())
        .filter(|id| !in_file.contains(id))
        .collect::<HashSet<_>>()
        .into_iter()
        .map(str::to_owned)
        .collect();
    if elsewhere.is_empty() {
        return Ok(participations);
    }
    let stored: HashSet<String> = research::existing_project_ids(tx.conn(), &elsewhere).await?.into_iter().collect();
    let (known, unknown): (Vec<_>, Vec<_>) = participations
        .into_iter()
        .partition(|p| in_file.contains(p.project_id.as_str()) || stored.contains(&p.project_id));
    errors.extend(unknown.into_iter().map(|p| CordisRowError {
        file: CordisFile::Organisations,
        line: p.line,
        field: field.to_owned(),
        message: format!(
            "project {} is neither among the good rows of the projects file nor already imported; \
             import the project.csv of the same CORDIS download (and fix its row if it has a problem)",
            p.project_id
        ),
    }));
    errors.sort_by_key(|e| e.line);
    Ok(known)
}

/// The records to write, one per key, each list sorted by key (so inserts go to the end of the
/// indexes, which is what both databases do fastest).
#[derive(Debug, Default)]
struct Batch {
    organisations: Vec<ResearchOrganisation>,
    projects: Vec<ResearchProject>,
    participations: Vec<ResearchParticipation>,
}

impl Batch {
    fn merge(participations: Vec<ParticipationRecord>, projects: Vec<ProjectRecord>) -> Batch {
        let mut organisations: HashMap<String, ResearchOrganisation> = HashMap::new();
        let mut links: HashMap<(String, String), ResearchParticipation> = HashMap::new();
        for record in participations {
            let ParticipationRecord { project_id, role, ec_contribution, organisation, .. } = record;
            let pic = organisation.pic.clone();
            match organisations.entry(pic.clone()) {
                Entry::Occupied(mut known) => refresh(known.get_mut(), organisation),
                Entry::Vacant(slot) => {
                    slot.insert(to_organisation(organisation));
                }
            }
            let link = ResearchParticipation { project_id: project_id.clone(), pic: pic.clone(), role, ec_contribution };
            match links.entry((project_id, pic)) {
                Entry::Occupied(mut known) => combine(known.get_mut(), link),
                Entry::Vacant(slot) => {
                    slot.insert(link);
                }
            }
        }
        // A project listed twice: the later row wins.
        let projects: HashMap<String, ResearchProject> = projects.into_iter().map(|p| (p.id.clone(), to_project(p))).collect();
        let mut batch = Batch {
            organisations: organisations.into_values().collect(),
            projects: projects.into_values().collect(),
            participations: links.into_values().collect(),
        };
        batch.organisations.sort_unstable_by(|a, b| a.pic.cmp(&b.pic));
        batch.projects.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        batch.participations.sort_unstable_by(|a, b| (&a.project_id, &a.pic).cmp(&(&b.project_id, &b.pic)));
        batch
    }

    fn len(&self) -> usize {
        self.organisations.len() + self.projects.len() + self.participations.len()
    }
}

fn to_organisation(r: OrganisationRecord) -> ResearchOrganisation {
    ResearchOrganisation {
        pic: r.pic,
        name: r.name,
        short_name: r.short_name,
        country: r.country,
        city: r.city,
        activity_type: r.activity_type,
        sme: r.sme,
        url: r.url,
    }
}

/// A later row about the same organisation: its non-empty values win.
fn refresh(known: &mut ResearchOrganisation, later: OrganisationRecord) {
    known.name = later.name;
    let keep = |old: &mut Option<String>, new: Option<String>| {
        if new.is_some() {
            *old = new;
        }
    };
    keep(&mut known.short_name, later.short_name);
    keep(&mut known.country, later.country);
    keep(&mut known.city, later.city);
    keep(&mut known.activity_type, later.activity_type);
    keep(&mut known.url, later.url);
    known.sme = later.sme.or(known.sme);
}

/// A second row for the same organisation in the same project.
fn combine(known: &mut ResearchParticipation, other: ResearchParticipation) {
    let coordinates = |role: &Option<String>| role.as_deref().is_some_and(|r| r.eq_ignore_ascii_case("coordinator"));
    if known.role.is_none() || (coordinates(&other.role) && !coordinates(&known.role)) {
        known.role = other.role;
    }
    known.ec_contribution = match (known.ec_contribution, other.ec_contribution) {
        (Some(a), Some(b)) => Some(a.saturating_add(b)),
        (a, b) => a.or(b),
    };
}

fn to_project(r: ProjectRecord) -> ResearchProject {
    ResearchProject {
        id: r.id,
        acronym: r.acronym,
        title: r.title,
        framework: r.framework,
        programme: r.programme,
        topics: r.topics,
        objective: r.objective,
        start_date: r.start_date,
        end_date: r.end_date,
        total_cost: r.total_cost,
        ec_contribution: r.ec_contribution,
    }
}

/// Upserts the batch (organisations and projects before the participations that refer to them)
/// and fills in the report's counts: new rows from the table counts before and after, changed
/// rows from the affected-row counts (the upserts skip rows whose values are the same).
async fn write(
    tx: &mut Tx,
    batch: &Batch,
    report: &mut CordisReport,
    progress: &(dyn Fn(CordisProgress) + Sync),
) -> Result<(), CordisImportError> {
    let now = Utc::now();
    let total = batch.len();
    let mut done = 0;
    progress(CordisProgress::Writing { done, total });
    let before = research::counts(tx.conn()).await?;
    let mut affected = [0u64; 3];
    for chunk in batch.organisations.chunks(WRITE_CHUNK) {
        affected[0] += research::upsert_organisations(tx.conn(), chunk, now).await?;
        done += chunk.len();
        progress(CordisProgress::Writing { done, total });
    }
    for chunk in batch.projects.chunks(WRITE_CHUNK) {
        affected[1] += research::upsert_projects(tx.conn(), chunk, now).await?;
        done += chunk.len();
        progress(CordisProgress::Writing { done, total });
    }
    for chunk in batch.participations.chunks(WRITE_CHUNK) {
        affected[2] += research::upsert_participations(tx.conn(), chunk).await?;
        done += chunk.len();
        progress(CordisProgress::Writing { done, total });
    }
    let after = research::counts(tx.conn()).await?;
    // One change row per import: every app server rebuilds its collaboration graph from it.
    tandem_store::change_log::append(tx.conn(), tandem_store::change_log::kind::RESEARCH, "", now).await?;
    let counts = |before: i64, after: i64, affected: u64, total: usize| {
        let new = usize::try_from(after - before).unwrap_or(0);
        let changed = usize::try_from(affected).unwrap_or(usize::MAX).saturating_sub(new);
        UpsertCounts { new, updated: changed, unchanged: total.saturating_sub(new + changed) }
    };
    let ResearchCounts { organisations: o0, projects: p0, participations: l0 } = before;
    report.organisations = counts(o0, after.organisations, affected[0], batch.organisations.len());
    report.projects = counts(p0, after.projects, affected[1], batch.projects.len());
    report.participations = counts(l0, after.participations, affected[2], batch.participations.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn participation(project: &str, pic: &str, role: &str, cents: Option<i64>, city: Option<&str>) -> ParticipationRecord {
        ParticipationRecord {
            line: 2,
            project_id: project.into(),
            role: Some(role.into()),
            ec_contribution: cents,
            organisation: OrganisationRecord {
                pic: pic.into(),
                name: format!("Org {pic}"),
                city: city.map(str::to_owned),
                ..Default::default()
            },
        }
    }

    #[test]
    fn repeated_rows_merge_into_one_record_each() {
        let rows = vec![
            participation("2", "999999001", "participant", Some(100), Some("Leipzig")),
            participation("1", "999999001", "participant", None, None),
            participation("1", "999999002", "participant", Some(5), None),
            participation("1", "999999002", "coordinator", Some(7), None),
        ];
        let batch = Batch::merge(rows, Vec::new());
        assert_eq!(batch.organisations.len(), 2);
        assert_eq!(batch.organisations[0].city.as_deref(), Some("Leipzig"), "an empty later value keeps the earlier one");
        let keys: Vec<(&str, &str)> = batch.participations.iter().map(|p| (p.project_id.as_str(), p.pic.as_str())).collect();
        assert_eq!(keys, [("1", "999999001"), ("1", "999999002"), ("2", "999999001")]);
        assert_eq!((batch.participations[1].role.as_deref(), batch.participations[1].ec_contribution), (Some("coordinator"), Some(12)));
    }
}
