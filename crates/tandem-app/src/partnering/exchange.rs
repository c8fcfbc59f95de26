//! Bulk exchange of partnering profiles (issue 3, item 9): `tandem import profiles`,
//! `tandem export profiles` and the API's import and export.
//!
//! Imports are all-or-nothing, like the organisation import (`crate::portability`): every line is
//! checked and every problem reported with its line and field; nothing is written unless every
//! line is good, and a dry run rolls everything back at the end. Organisations are upserted by
//! `organisation.external_id` and profiles by `external_id`. With `publish`, new profiles go
//! straight onto the marketplace (the operator vouches for them) — but only if they pass the same
//! quality check as a submission (DOMAIN.md, "Partnering profiles": anonymity, required fields).

use super::profiles::{owner_facts, search_text};
use crate::directory::organisations::{index_text, validate};
use crate::{App, AppError, AppResult};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::io::Write;
use tandem_core::directory::{City, OrgKind, Organisation, OrganisationDraft, OrganisationInput};
use tandem_core::partnering::quality;
use tandem_core::partnering::{Lifecycle, Profile, ProfileContent, ProfileState};
use tandem_core::policy::{self, Actor, PlatformAdmin};
use tandem_core::text::fold;
use tandem_core::{OrgId, ProfileId};
use tandem_io::profile_exchange::{
    self, parse_jsonl, record_field, LineError, LineRecord, OrganisationRecord, ProfileRecord,
};
use tandem_rules::profile_lifecycle::PUBLICATION_DAYS;
use tandem_store::{cities, organisations, profiles, Tx};

/// How to import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Publish new profiles (and existing drafts, submitted and returned ones) at once; every
    /// line must then pass the quality check.
    pub publish: bool,
    /// Check and write everything, then roll it back.
    pub dry_run: bool,
}

/// What an import did (or, with `dry_run`, would have done).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Profiles created.
    pub created: usize,
    /// Existing profiles whose content was replaced.
    pub updated: usize,
    /// Profiles published by this import (new or existing).
    pub published: usize,
    /// Organisations created.
    pub organisations_created: usize,
    /// Organisations whose name or kind changed.
    pub organisations_updated: usize,
    /// Nothing was written.
    pub dry_run: bool,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// Lines have problems; every one found is listed, in line order.
    #[error("{}", summarise(.0))]
    Lines(Vec<LineError>),
    /// Storage failed, or the caller may not import.
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<tandem_store::StoreError> for ExchangeError {
    fn from(e: tandem_store::StoreError) -> Self {
        ExchangeError::App(e.into())
    }
}

fn summarise(errors: &[LineError]) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = errors.iter().take(SHOWN).map(LineError::to_string).collect();
    let more = errors.len().saturating_sub(SHOWN);
    let tail = if more > 0 { format!("; and {more} more") } else { String::new() };
    format!("{} problem(s) in the file: {}{tail}", errors.len(), shown.join("; "))
}

/// Imports parsed records (see `tandem_io::profile_exchange`), all or nothing.
pub async fn import_profiles(
    app: &App,
    admin: PlatformAdmin,
    records: &[LineRecord],
    options: ImportOptions,
) -> Result<ImportReport, ExchangeError> {
    import_checked(app, admin, records, Vec::new(), options).await
}

/// Parses JSON Lines text and imports it, all or nothing: lines that do not parse are reported
/// together with the problems of the lines that do.
pub async fn import_jsonl(app: &App, admin: PlatformAdmin, text: &str, options: ImportOptions) -> Result<ImportReport, ExchangeError> {
    let parsed = parse_jsonl(text);
    import_checked(app, admin, &parsed.records, parsed.errors, options).await
}

async fn import_checked(
    app: &App,
    _admin: PlatformAdmin,
    records: &[LineRecord],
    mut errors: Vec<LineError>,
    options: ImportOptions,
) -> Result<ImportReport, ExchangeError> {
    let mut tx = app.db().begin().await?;
    let mut report = import_in(app, &mut tx, records, &mut errors, options.publish, Utc::now()).await?;
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ExchangeError::Lines(errors));
    }
    report.dry_run = options.dry_run;
    if !options.dry_run {
        tx.commit().await?;
    }
    Ok(report)
}

/// The import itself, inside the caller's transaction (the demo seeds with it). Problems are
/// appended to `errors`; the caller must not commit when there are any.
pub(crate) async fn import_in(
    app: &App,
    tx: &mut Tx,
    records: &[LineRecord],
    errors: &mut Vec<LineError>,
    publish: bool,
    now: DateTime<Utc>,
) -> AppResult<ImportReport> {
    let cities = cities::list(tx.conn()).await?;
    let mut report = ImportReport::default();
    let mut profile_lines: HashMap<String, usize> = HashMap::new();
    let mut org_lines: HashMap<String, (usize, &OrganisationRecord)> = HashMap::new();
    let mut support_orgs: HashMap<String, Option<OrgId>> = HashMap::new();
    for LineRecord { line, record } in records {
        let line = *line;
        let mut problems = Vec::new();
        let checked = match record.check(line, app.keywords(), &cities) {
            Ok(checked) => Some(checked),
            Err(found) => {
                problems.extend(found);
                None
            }
        };
        let external_id = record.external_id.trim();
        if let Some(first) = profile_lines.get(external_id) {
            problems.push(LineError::new(line, "external_id", format!("line {first} has the same external_id; each profile must appear once")));
        } else {
            profile_lines.insert(external_id.to_owned(), line);
        }
        let org = &record.organisation;
        let org_ok = !problems.iter().any(|p| p.field.starts_with("organisation."));
        match org_lines.get(org.external_id.trim()) {
            _ if !org_ok => {}
            Some((first, earlier)) if !same_organisation(earlier, org) => problems.push(LineError::new(
                line,
                "organisation.external_id",
                format!("line {first} describes organisation \"{}\" differently; give it the same name, city, country and kind on every line", org.external_id),
            )),
            Some(_) => {}
            None => drop(org_lines.insert(org.external_id.trim().to_owned(), (line, org))),
        }
        let support = match record.support_organisation.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(name) => {
                if !support_orgs.contains_key(name) {
                    let found = support_org_by_name(tx, name).await?;
                    support_orgs.insert(name.to_owned(), found);
                }
                match support_orgs.get(name).copied().flatten() {
                    Some(id) => Some(id),
                    None => {
                        problems.push(LineError::new(
                            line,
                            "support_organisation",
                            format!("\"{name}\" is not the exact name of a support organisation in the directory"),
                        ));
                        None
                    }
                }
            }
        };
        let Some(checked) = checked.filter(|_| problems.is_empty()) else {
            errors.extend(problems);
            continue;
        };
        // Each line's writes run under a savepoint: on PostgreSQL a failed statement would abort
        // the transaction, and every later line would fail instead of being checked.
        tx.savepoint("import_profile").await?;
        let result = write_line(app, tx, &cities, line, record, &checked.content, support, publish, now).await;
        match result {
            Ok(Ok(outcome)) => {
                tx.release_savepoint("import_profile").await?;
                report.organisations_created += usize::from(outcome.org_created);
                report.organisations_updated += usize::from(outcome.org_updated);
                report.created += usize::from(outcome.profile_created);
                report.updated += usize::from(!outcome.profile_created);
                report.published += usize::from(outcome.published);
            }
            Ok(Err(found)) => {
                tx.rollback_to_savepoint("import_profile").await?;
                errors.extend(found);
            }
            Err(AppError::Invalid(found)) => {
                tx.rollback_to_savepoint("import_profile").await?;
                errors.extend(profile_exchange::line_errors(line, "", &found));
            }
            Err(other) => return Err(other),
        }
    }
    Ok(report)
}

fn same_organisation(a: &OrganisationRecord, b: &OrganisationRecord) -> bool {
    a.name.trim() == b.name.trim()
        && fold(&a.city) == fold(&b.city)
        && a.country.trim().eq_ignore_ascii_case(b.country.trim())
        && a.kind.trim() == b.kind.trim()
}

async fn support_org_by_name(tx: &mut Tx, name: &str) -> AppResult<Option<OrgId>> {
    let Some(id) = organisations::id_by_name(tx.conn(), name).await? else { return Ok(None) };
    let org = organisations::get(tx.conn(), id).await?;
    Ok(org.filter(|o| o.kind.is_support_organisation()).map(|o| o.id))
}

/// What writing one line did.
struct LineOutcome {
    org_created: bool,
    org_updated: bool,
    profile_created: bool,
    published: bool,
}

#[allow(clippy::too_many_arguments)]
async fn write_line(
    app: &App,
    tx: &mut Tx,
    cities: &[City],
    line: usize,
    record: &ProfileRecord,
    content: &ProfileContent,
    support: Option<OrgId>,
    publish: bool,
    now: DateTime<Utc>,
) -> AppResult<Result<LineOutcome, Vec<LineError>>> {
    let (owner, org_created, org_updated) = match upsert_organisation(app, tx, cities, line, &record.organisation, now).await? {
        Ok(found) => found,
        Err(problems) => return Ok(Err(problems)),
    };
    if publish {
        let problems = quality::check(content, &owner_facts(&owner), now.date_naive());
        if !problems.is_empty() {
            return Ok(Err(problems.iter().map(|p| LineError::new(line, record_field(p.field), p.message())).collect()));
        }
    }
    let search = search_text(app, content);
    let external_id = record.external_id.trim();
    let existing = match profiles::get_by_external_id(tx.conn(), external_id).await? {
        Some(p) => Some(p),
        // An exported profile that had no external id carries its own id instead.
        None => match external_id.parse::<ProfileId>() {
            Ok(id) => profiles::get(tx.conn(), id).await?.filter(|p| p.external_id.is_none()),
            Err(_) => None,
        },
    };
    let Some(profile) = existing else {
        let lifecycle = if publish { published(now) } else { Lifecycle::draft() };
        let new = profiles::NewProfile {
            id: ProfileId::new(),
            external_id: Some(external_id),
            owner: owner.id,
            support,
            content,
            lifecycle,
            search_text: &search,
            created_by: None,
        };
        let created = profiles::insert(tx.conn(), &new, now).await?;
        profiles::record_event(tx.conn(), created.id, "import", lifecycle.state, None, None, now).await?;
        return Ok(Ok(LineOutcome { org_created, org_updated, profile_created: true, published: publish }));
    };
    if profile.owner_org_id != owner.id {
        return Ok(Err(vec![LineError::new(
            line,
            "organisation.external_id",
            format!("profile \"{external_id}\" belongs to another organisation; a profile cannot change its organisation"),
        )]));
    }
    profiles::update_content(tx.conn(), profile.id, profile.version, support, content, &search, now).await?;
    let mut state = profile.lifecycle.state;
    let publish_now = publish && matches!(state, ProfileState::Draft | ProfileState::Submitted | ProfileState::Returned);
    if publish_now {
        state = ProfileState::Published;
        if !profiles::set_lifecycle(tx.conn(), profile.id, profile.version + 1, &published(now), false, None, now).await? {
            return Err(AppError::Conflict);
        }
    }
    profiles::record_event(tx.conn(), profile.id, "import", state, None, None, now).await?;
    Ok(Ok(LineOutcome { org_created, org_updated, profile_created: false, published: publish_now }))
}

/// A profile published now, for the usual 365 days.
fn published(now: DateTime<Utc>) -> Lifecycle {
    Lifecycle {
        state: ProfileState::Published,
        published_at: Some(now),
        expires_at: Some(now + Duration::days(PUBLICATION_DAYS)),
        extended: false,
    }
}

/// Finds the organisation of a record by its external id (or, for an exported organisation that
/// had none, by its own id) and brings its name and kind up to date, or creates it. Returns the
/// organisation and whether it was created or changed.
pub(crate) async fn upsert_organisation(
    app: &App,
    tx: &mut Tx,
    cities: &[City],
    line: usize,
    record: &OrganisationRecord,
    now: DateTime<Utc>,
) -> AppResult<Result<(Organisation, bool, bool), Vec<LineError>>> {
    let external_id = record.external_id.trim();
    let name = record.name.trim();
    let Some(kind) = OrgKind::from_key(record.kind.trim()) else {
        return Ok(Err(vec![LineError::new(line, "organisation.kind", format!("organisation.kind must be one of: {}", OrgKind::keys_list()))]));
    };
    let Some(city) = cities.iter().find(|c| fold(&c.name) == fold(&record.city)) else {
        return Ok(Err(vec![LineError::new(line, "organisation.city", format!("unknown city \"{}\"", record.city))]));
    };
    let existing = match organisations::id_by_external_id(tx.conn(), external_id).await? {
        Some(id) => Some(id),
        None => match external_id.parse::<OrgId>() {
            Ok(id) => match organisations::external_id_of(tx.conn(), id).await {
                Ok(None) => Some(id),
                Ok(Some(_)) | Err(tandem_store::StoreError::NotFound) => None,
                Err(e) => return Err(e.into()),
            },
            Err(_) => None,
        },
    };
    let Some(id) = existing else {
        let draft = OrganisationDraft { name: name.to_owned(), kind: kind.key().to_owned(), city_id: city.id.to_string(), ..Default::default() };
        let input = match validate(app.nace(), cities, &draft) {
            Ok(input) => input,
            Err(AppError::Invalid(errors)) => return Ok(Err(organisation_errors(line, &errors))),
            Err(other) => return Err(other),
        };
        let org = organisations::insert(tx.conn(), OrgId::new(), &input, &index_text(app.nace(), cities, &input), now).await?;
        organisations::set_external_id(tx.conn(), org.id, external_id).await?;
        return Ok(Ok((org, true, false)));
    };
    let org = organisations::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    if org.city_id != city.id {
        let registered = cities.iter().find(|c| c.id == org.city_id).map(|c| c.name.as_str()).unwrap_or("another city");
        return Ok(Err(vec![LineError::new(
            line,
            "organisation.city",
            format!("organisation \"{external_id}\" is registered in {registered}; correct the line or the directory entry"),
        )]));
    }
    if org.name == name && org.kind == kind {
        return Ok(Ok((org, false, false)));
    }
    let input = OrganisationInput {
        name: name.to_owned(),
        kind,
        city_id: org.city_id,
        nace_codes: org.nace_codes.clone(),
        description_en: org.description_en.clone(),
        description_de: org.description_de.clone(),
        website: org.website.clone(),
        figures: org.figures.clone(),
        external_ids: org.external_ids.clone(),
    };
    let draft = OrganisationDraft { name: name.to_owned(), kind: kind.key().to_owned(), city_id: org.city_id.to_string(), ..Default::default() };
    if let Err(AppError::Invalid(errors)) = validate(app.nace(), cities, &draft) {
        return Ok(Err(organisation_errors(line, &errors)));
    }
    let updated = organisations::update(tx.conn(), id, org.version, &input, &index_text(app.nace(), cities, &input), now).await?;
    Ok(Ok((updated, false, true)))
}

fn organisation_errors(line: usize, errors: &tandem_core::validation::ValidationErrors) -> Vec<LineError> {
    errors
        .0
        .iter()
        .map(|e| {
            let field = if e.field == "city_id" { "city" } else { e.field.as_str() };
            LineError::new(line, format!("organisation.{field}"), e.message.clone())
        })
        .collect()
}

/// The profiles `actor` may export: everything for platform admins; for anyone else the
/// published profiles whose owner they may know (DOMAIN.md, "Anonymity": a record names its
/// owner, so an anonymous profile is never exported to someone who may not see who owns it).
pub async fn export_profiles(app: &App, actor: &Actor) -> AppResult<Vec<ProfileRecord>> {
    let admin = actor.is_platform_admin();
    let all = all_profiles(app).await?;
    let mut conn = app.db().acquire().await?;
    let mut visible = Vec::with_capacity(all.len());
    for profile in all {
        if admin {
            visible.push(profile);
            continue;
        }
        if profile.lifecycle.state != ProfileState::Published {
            continue;
        }
        let introduced = tandem_store::interests::introduced_orgs(conn.conn(), profile.id).await?;
        if policy::can_see_profile_owner(actor, profile.owner_org_id, &introduced) {
            visible.push(profile);
        }
    }
    drop(conn);
    records_of(app, &visible).await
}

/// Every profile, in every state, with its owner's name: the operator's export (`tandem export
/// profiles`).
pub async fn export_all(app: &App, _admin: PlatformAdmin) -> AppResult<Vec<ProfileRecord>> {
    let all = all_profiles(app).await?;
    records_of(app, &all).await
}

/// Every profile, oldest first.
async fn all_profiles(app: &App) -> AppResult<Vec<Profile>> {
    let mut conn = app.db().acquire().await?;
    let mut all = Vec::new();
    for org in organisations::list_all(conn.conn()).await? {
        all.extend(profiles::for_owner(conn.conn(), org.id).await?);
    }
    all.sort_by_key(|p| (p.created_at, p.id));
    Ok(all)
}

async fn records_of(app: &App, list: &[Profile]) -> AppResult<Vec<ProfileRecord>> {
    let mut conn = app.db().acquire().await?;
    let cities = cities::list(conn.conn()).await?;
    let mut orgs: HashMap<OrgId, OrganisationRecord> = HashMap::new();
    let mut names: HashMap<OrgId, String> = HashMap::new();
    let mut records = Vec::with_capacity(list.len());
    for profile in list {
        if !orgs.contains_key(&profile.owner_org_id) {
            let org = organisations::get(conn.conn(), profile.owner_org_id).await?.ok_or(AppError::NotFound)?;
            let external_id = organisations::external_id_of(conn.conn(), org.id).await?.unwrap_or_else(|| org.id.to_string());
            let city = cities.iter().find(|c| c.id == org.city_id);
            orgs.insert(
                org.id,
                OrganisationRecord {
                    external_id,
                    name: org.name.clone(),
                    city: city.map(|c| c.name.clone()).unwrap_or_default(),
                    country: city.map(|c| c.country.clone()).unwrap_or_default(),
                    kind: org.kind.key().to_owned(),
                },
            );
        }
        let support = match profile.support_org_id {
            Some(id) => {
                if !names.contains_key(&id)
                    && let Some(org) = organisations::get(conn.conn(), id).await?
                {
                    names.insert(id, org.name);
                }
                names.get(&id).cloned()
            }
            None => None,
        };
        let external_id = profile.external_id.clone().unwrap_or_else(|| profile.id.to_string());
        let organisation = orgs.get(&profile.owner_org_id).cloned().unwrap_or_default();
        records.push(ProfileRecord::from_content(&external_id, &profile.content, organisation, support, &cities));
    }
    Ok(records)
}

/// Export file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON object per line: the import format.
    Jsonl,
    /// CSV for spreadsheets (lists joined with "; ", formulas guarded).
    Csv,
}

/// Writes `records` in `format`.
pub fn write_records(records: &[ProfileRecord], format: ExportFormat, out: impl Write) -> AppResult<()> {
    let result = match format {
        ExportFormat::Jsonl => profile_exchange::write_jsonl(records, out),
        ExportFormat::Csv => profile_exchange::write_csv(records, out),
    };
    result.map_err(|e| AppError::Internal(format!("export failed: {e}")))
}
