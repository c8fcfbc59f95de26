//! Viewing, creating and editing organisations.

use crate::text::fold;
use crate::{App, AppError, AppResult};
use chrono::Utc;
use tandem_core::account::OrgRole;
use tandem_core::directory::{City, CompanyFigures, Organisation, OrganisationDraft, OrganisationInput, Person, Programme};
use tandem_core::nace::NaceCatalogue;
use tandem_core::policy::{self, Actor, OrgEditor};
use tandem_core::validation::ValidationErrors;
use tandem_core::OrgId;
use tandem_store::organisations::{self, OrgIndexText};
use tandem_store::{cities, memberships, people, programmes, Conn};

/// An organisation as one actor may see it.
#[derive(Debug, Clone)]
pub struct OrgView {
    /// The organisation; `figures` is empty unless `confidential_visible`.
    pub org: Organisation,
    /// Its city.
    pub city: City,
    /// The actor may see figures and contact people.
    pub confidential_visible: bool,
    /// The actor may edit the record.
    pub can_edit: bool,
    /// The actor may add programmes.
    pub can_manage_programmes: bool,
    /// Programmes it runs that the actor may see.
    pub programmes: Vec<Programme>,
    /// Contact people (empty unless `confidential_visible`).
    pub people: Vec<Person>,
}

/// Loads an organisation for `actor`, hiding what they may not see.
pub async fn view(app: &App, actor: &Actor, id: OrgId) -> AppResult<OrgView> {
    let mut conn = app.db().acquire().await?;
    let mut org = organisations::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    let city = city_of(conn.conn(), &org).await?;
    let confidential_visible = policy::can_see_confidential(actor, id);
    if !confidential_visible {
        org.figures = CompanyFigures::default();
    }
    let programmes = programmes::by_org(conn.conn(), id)
        .await?
        .into_iter()
        .filter(|p| policy::can_see_programme(actor, p))
        .collect();
    let people = if confidential_visible { people::by_org(conn.conn(), id).await? } else { Vec::new() };
    Ok(OrgView {
        can_edit: policy::org_editor(actor, id).is_ok(),
        can_manage_programmes: policy::programme_editor(actor, id).is_ok(),
        org,
        city,
        confidential_visible,
        programmes,
        people,
    })
}

async fn city_of(conn: Conn<'_>, org: &Organisation) -> AppResult<City> {
    cities::list(conn).await?.into_iter().find(|c| c.id == org.city_id).ok_or(AppError::NotFound)
}

/// Checks that the actor may register organisations (before showing the form).
pub fn check_may_create(actor: &Actor) -> AppResult<()> {
    policy::org_creator(actor)?;
    Ok(())
}

/// The full record for its editor's form; `Forbidden` for anyone else.
pub async fn for_edit(app: &App, actor: &Actor, id: OrgId) -> AppResult<Organisation> {
    let editor = policy::org_editor(actor, id)?;
    let mut conn = app.db().acquire().await?;
    organisations::get(conn.conn(), editor.org_id()).await?.ok_or(AppError::NotFound)
}

/// Registers a new organisation; its creator becomes its admin.
pub async fn create(app: &App, actor: &Actor, draft: &OrganisationDraft) -> AppResult<Organisation> {
    let creator = policy::org_creator(actor)?;
    let mut tx = app.db().begin().await?;
    let cities = cities::list(tx.conn()).await?;
    let input = validate(app.nace(), &cities, draft)?;
    let index = index_text(app.nace(), &cities, &input);
    let now = Utc::now();
    let org = organisations::insert(tx.conn(), OrgId::new(), &input, &index, now).await?;
    memberships::set(tx.conn(), creator.user_id(), org.id, OrgRole::OrgAdmin, now).await?;
    tx.commit().await?;
    Ok(org)
}

/// Changes an organisation if it is still at `expected_version`.
pub async fn update(
    app: &App,
    actor: &Actor,
    id: OrgId,
    expected_version: i64,
    draft: &OrganisationDraft,
) -> AppResult<Organisation> {
    let editor: OrgEditor = policy::org_editor(actor, id)?;
    let mut tx = app.db().begin().await?;
    let cities = cities::list(tx.conn()).await?;
    let input = validate(app.nace(), &cities, draft)?;
    let index = index_text(app.nace(), &cities, &input);
    let org = organisations::update(tx.conn(), editor.org_id(), expected_version, &input, &index, Utc::now()).await?;
    tx.commit().await?;
    Ok(org)
}

/// Validates the draft and checks its city and NACE codes exist, reporting every problem at once.
pub(crate) fn validate(nace: &NaceCatalogue, cities: &[City], draft: &OrganisationDraft) -> AppResult<OrganisationInput> {
    let (input, mut errors) = match draft.validate() {
        Ok(input) => (Some(input), ValidationErrors::default()),
        Err(errors) => (None, errors),
    };
    if let Ok(city) = draft.city_id.trim().parse::<tandem_core::CityId>()
        && !cities.iter().any(|c| c.id == city) {
            errors.add("city_id", "unknown_city", "choose one of the partnership's cities");
        }
    let parsed: Vec<_> = draft.nace_codes.iter().filter_map(|c| tandem_core::nace::NaceCode::parse(c).ok()).collect();
    check_nace_known(nace, &mut errors, "nace_codes", &parsed);
    match input {
        Some(input) if errors.is_empty() => Ok(input),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Records an error for each code the catalogue does not have.
pub(crate) fn check_nace_known(
    nace: &NaceCatalogue,
    errors: &mut ValidationErrors,
    field: &str,
    codes: &[tandem_core::nace::NaceCode],
) {
    for code in codes {
        if nace.get(code).is_none() {
            errors.add(field, "unknown_nace", format!("{code} is not in NACE Rev. 2; pick a code from the list"));
        }
    }
}

/// The folded text the directory searches: names, descriptions, codes and their labels in both languages.
pub(crate) fn index_text(nace: &NaceCatalogue, cities: &[City], input: &OrganisationInput) -> OrgIndexText {
    let city = cities.iter().find(|c| c.id == input.city_id).map(|c| c.name.as_str()).unwrap_or_default();
    let mut parts: Vec<&str> = vec![&input.name, city, input.kind.key()];
    parts.extend(input.description_en.as_deref());
    parts.extend(input.description_de.as_deref());
    parts.extend(input.website.as_deref());
    for code in &input.nace_codes {
        parts.push(code.as_str());
        if let Some(entry) = nace.get(code) {
            parts.push(&entry.label_en);
            parts.push(&entry.label_de);
        }
    }
    let nace_sections = input
        .nace_codes
        .iter()
        .map(|code| nace.get(code).map(|e| e.section).unwrap_or_else(|| code.as_str().chars().next().unwrap_or('?')))
        .collect();
    OrgIndexText { sort_name: fold(&input.name), search_text: fold(&parts.join(" ")), nace_sections }
}
