//! Organisations and their NACE codes; directory search with facets.

use crate::{on_db, Conn, StoreError, StoreResult};
use chrono::{DateTime, SubsecRound, Utc};
use std::collections::HashMap;
use tandem_core::directory::{CompanyFigures, Currency, ExternalIds, OrgKind, Organisation, OrganisationInput};
use tandem_core::nace::NaceCode;
use tandem_core::{CityId, OrgId};
use uuid::Uuid;

/// Most search words used; further words are ignored (the UI says so).
pub const MAX_SEARCH_TERMS: usize = 6;

#[derive(sqlx::FromRow)]
struct OrgRow {
    id: Uuid,
    name: String,
    kind: String,
    city_id: Uuid,
    description_en: Option<String>,
    description_de: Option<String>,
    website: Option<String>,
    staff_headcount: Option<i64>,
    turnover: Option<i64>,
    balance_sheet: Option<i64>,
    currency: Option<String>,
    figures_year: Option<i32>,
    pic: Option<String>,
    companies_house: Option<String>,
    handelsregister: Option<String>,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl OrgRow {
    fn into_organisation(self, nace_codes: Vec<NaceCode>) -> Organisation {
        Organisation {
            id: OrgId(self.id),
            name: self.name,
            // Unknown keys cannot be written (the domain validates them), so `Other` is only a guard.
            kind: OrgKind::from_key(&self.kind).unwrap_or(OrgKind::Other),
            city_id: CityId(self.city_id),
            nace_codes,
            description_en: self.description_en,
            description_de: self.description_de,
            website: self.website,
            figures: CompanyFigures {
                staff_headcount: self.staff_headcount,
                turnover: self.turnover,
                balance_sheet: self.balance_sheet,
                currency: self.currency.as_deref().and_then(Currency::from_key),
                year: self.figures_year,
            },
            external_ids: ExternalIds { pic: self.pic, companies_house: self.companies_house, handelsregister: self.handelsregister },
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

const GET: &str = "SELECT id, name, kind, city_id, description_en, description_de, website, staff_headcount, turnover, \
     balance_sheet, currency, figures_year, pic, companies_house, handelsregister, version, created_at, updated_at \
     FROM organisations WHERE id = $1";
const LIST_ALL: &str = "SELECT id, name, kind, city_id, description_en, description_de, website, staff_headcount, turnover, \
     balance_sheet, currency, figures_year, pic, companies_house, handelsregister, version, created_at, updated_at \
     FROM organisations ORDER BY sort_name, id";
const NACE_OF: &str = "SELECT code FROM organisation_nace WHERE org_id = $1 ORDER BY position";
const ALL_NACE: &str = "SELECT org_id, code FROM organisation_nace ORDER BY org_id, position";
const DELETE_NACE: &str = "DELETE FROM organisation_nace WHERE org_id = $1";
const INSERT_NACE: &str = "INSERT INTO organisation_nace (org_id, code, section, position) VALUES ($1, $2, $3, $4)";
const COUNT: &str = "SELECT COUNT(*) FROM organisations";
const ID_BY_NAME: &str = "SELECT id FROM organisations WHERE name = $1 ORDER BY id LIMIT 1";
const EXISTS: &str = "SELECT COUNT(*) FROM organisations WHERE id = $1";

const INSERT: &str = "INSERT INTO organisations (id, name, kind, city_id, description_en, description_de, website, \
     staff_headcount, turnover, balance_sheet, currency, figures_year, pic, companies_house, handelsregister, \
     sort_name, search_text, version, created_at, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, $18, $18)";

const UPDATE: &str = "UPDATE organisations SET name = $3, kind = $4, city_id = $5, description_en = $6, \
     description_de = $7, website = $8, staff_headcount = $9, turnover = $10, balance_sheet = $11, currency = $12, \
     figures_year = $13, pic = $14, companies_house = $15, handelsregister = $16, sort_name = $17, \
     search_text = $18, version = version + 1, updated_at = $19 \
     WHERE id = $1 AND version = $2";

/// What is derived from an organisation for sorting, searching and faceting; computed by the
/// caller, which knows the NACE catalogue and the city.
#[derive(Debug, Clone)]
pub struct OrgIndexText {
    /// Lower-cased, accent-folded name for ordering.
    pub sort_name: String,
    /// Lower-cased, accent-folded words a search matches.
    pub search_text: String,
    /// The NACE section letter of each of the input's codes, in the same order.
    pub nace_sections: Vec<char>,
}

/// Inserts a new organisation with its NACE codes; returns it as stored.
pub async fn insert(
    mut conn: Conn<'_>,
    id: OrgId,
    input: &OrganisationInput,
    index: &OrgIndexText,
    now: DateTime<Utc>,
) -> StoreResult<Organisation> {
    // PostgreSQL keeps microseconds; rounding here makes the returned record equal a later read.
    let now = now.trunc_subsecs(6);
    on_db!(&mut conn, |c| {
        let q = sqlx::query(INSERT).bind(id.0);
        bind_fields!(q, input)
            .bind(&index.sort_name)
            .bind(&index.search_text)
            .bind(now)
            .execute(&mut **c)
            .await.map(|r| r.rows_affected())
    })?;
    replace_nace(&mut conn, id, &input.nace_codes, &index.nace_sections).await?;
    crate::change_log::append(conn.reborrow(), crate::change_log::kind::ORGANISATION, &id.0.to_string(), now).await?;
    // Everything stored is known here; reading it back would cost two queries per row in imports.
    Ok(Organisation {
        id,
        name: input.name.clone(),
        kind: input.kind,
        city_id: input.city_id,
        nace_codes: input.nace_codes.clone(),
        description_en: input.description_en.clone(),
        description_de: input.description_de.clone(),
        website: input.website.clone(),
        figures: input.figures.clone(),
        external_ids: input.external_ids.clone(),
        version: 1,
        created_at: now,
        updated_at: now,
    })
}

/// Replaces every field if the stored version is still `expected_version`; `Conflict` otherwise.
pub async fn update(
    mut conn: Conn<'_>,
    id: OrgId,
    expected_version: i64,
    input: &OrganisationInput,
    index: &OrgIndexText,
    now: DateTime<Utc>,
) -> StoreResult<Organisation> {
    let result = on_db!(&mut conn, |c| {
        let q = sqlx::query(UPDATE).bind(id.0).bind(expected_version);
        bind_fields!(q, input)
            .bind(&index.sort_name)
            .bind(&index.search_text)
            .bind(now)
            .execute(&mut **c)
            .await
            .map(|r| r.rows_affected())
    })?;
    if result == 0 {
        let exists: i64 = on_db!(&mut conn, |c| sqlx::query_scalar(EXISTS).bind(id.0).fetch_one(&mut **c).await)?;
        return Err(if exists == 0 { StoreError::NotFound } else { StoreError::Conflict });
    }
    replace_nace(&mut conn, id, &input.nace_codes, &index.nace_sections).await?;
    crate::change_log::append(conn.reborrow(), crate::change_log::kind::ORGANISATION, &id.0.to_string(), now).await?;
    get(conn, id).await?.ok_or(StoreError::NotFound)
}

/// Binds the input's columns in the order of `INSERT` ($2…) and `UPDATE` ($3…).
macro_rules! bind_fields {
    ($q:expr, $input:expr) => {
        $q.bind(&$input.name)
            .bind($input.kind.key())
            .bind($input.city_id.0)
            .bind(&$input.description_en)
            .bind(&$input.description_de)
            .bind(&$input.website)
            .bind($input.figures.staff_headcount)
            .bind($input.figures.turnover)
            .bind($input.figures.balance_sheet)
            .bind($input.figures.currency.map(|c| c.key()))
            .bind($input.figures.year)
            .bind(&$input.external_ids.pic)
            .bind(&$input.external_ids.companies_house)
            .bind(&$input.external_ids.handelsregister)
    };
}
use bind_fields;

async fn replace_nace(conn: &mut Conn<'_>, id: OrgId, codes: &[NaceCode], sections: &[char]) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(DELETE_NACE).bind(id.0).execute(&mut **c).await.map(|r| r.rows_affected()))?;
    for (position, (code, section)) in codes.iter().zip(sections).enumerate() {
        on_db!(conn, |c| sqlx::query(INSERT_NACE)
            .bind(id.0)
            .bind(code.as_str())
            .bind(section.to_string())
            .bind(position as i32)
            .execute(&mut **c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// One organisation with its NACE codes.
pub async fn get(mut conn: Conn<'_>, id: OrgId) -> StoreResult<Option<Organisation>> {
    let row: Option<OrgRow> = on_db!(&mut conn, |c| sqlx::query_as(GET).bind(id.0).fetch_optional(&mut **c).await)?;
    let Some(row) = row else { return Ok(None) };
    let codes = nace_of(&mut conn, id).await?;
    Ok(Some(row.into_organisation(codes)))
}

async fn nace_of(conn: &mut Conn<'_>, id: OrgId) -> StoreResult<Vec<NaceCode>> {
    let codes: Vec<String> = on_db!(conn, |c| sqlx::query_scalar(NACE_OF).bind(id.0).fetch_all(&mut **c).await)?;
    Ok(codes.into_iter().filter_map(|c| NaceCode::parse(&c).ok()).collect())
}

/// Every organisation, by name (for export).
pub async fn list_all(mut conn: Conn<'_>) -> StoreResult<Vec<Organisation>> {
    let rows: Vec<OrgRow> = on_db!(&mut conn, |c| sqlx::query_as(LIST_ALL).fetch_all(&mut **c).await)?;
    let pairs: Vec<(Uuid, String)> = on_db!(&mut conn, |c| sqlx::query_as(ALL_NACE).fetch_all(&mut **c).await)?;
    let mut by_org: HashMap<Uuid, Vec<NaceCode>> = HashMap::new();
    for (org, code) in pairs {
        if let Ok(code) = NaceCode::parse(&code) {
            by_org.entry(org).or_default().push(code);
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let codes = by_org.remove(&r.id).unwrap_or_default();
            r.into_organisation(codes)
        })
        .collect())
}

/// Number of organisations.
pub async fn count(conn: Conn<'_>) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(COUNT).fetch_one(&mut *c).await)?)
}

/// The id of the organisation with exactly this name, if any.
pub async fn id_by_name(conn: Conn<'_>, name: &str) -> StoreResult<Option<OrgId>> {
    let id: Option<Uuid> = on_db!(conn, |c| sqlx::query_scalar(ID_BY_NAME).bind(name).fetch_optional(&mut *c).await)?;
    Ok(id.map(OrgId))
}

/// What the directory is asked for. Terms are already normalised like `search_text`.
#[derive(Debug, Clone, Default)]
pub struct DirectoryFilter {
    /// Words that must all occur (at most `MAX_SEARCH_TERMS` are used).
    pub terms: Vec<String>,
    /// Only this city.
    pub city: Option<CityId>,
    /// Only this kind.
    pub kind: Option<OrgKind>,
    /// Only organisations with a code in this NACE section (letter A–U).
    pub section: Option<char>,
}

/// One line of a directory result.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrgSummaryRow {
    /// Id.
    pub id: Uuid,
    /// Name.
    pub name: String,
    /// Kind key.
    pub kind: String,
    /// City id.
    pub city_id: Uuid,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
}

// The filter shared by the page, count and facet queries. Up to six words ($1–$6, '' = unused),
// city $7, kind $8, NACE section letter $9 (NULL = any). Static text, parameters only.
macro_rules! directory_where {
    () => {
        " WHERE ($1 = '' OR o.search_text LIKE $1 ESCAPE '\\') AND ($2 = '' OR o.search_text LIKE $2 ESCAPE '\\') \
          AND ($3 = '' OR o.search_text LIKE $3 ESCAPE '\\') AND ($4 = '' OR o.search_text LIKE $4 ESCAPE '\\') \
          AND ($5 = '' OR o.search_text LIKE $5 ESCAPE '\\') AND ($6 = '' OR o.search_text LIKE $6 ESCAPE '\\') \
          AND ($7 IS NULL OR o.city_id = $7) AND ($8 IS NULL OR o.kind = $8) \
          AND ($9 IS NULL OR EXISTS (SELECT 1 FROM organisation_nace n WHERE n.org_id = o.id AND n.section = $9)) "
    };
}

const SEARCH_PAGE: &str = concat!(
    "SELECT o.id, o.name, o.kind, o.city_id, o.description_en, o.description_de FROM organisations o",
    directory_where!(),
    "ORDER BY CASE WHEN $1 <> '' AND o.sort_name LIKE $1 ESCAPE '\\' THEN 0 ELSE 1 END, o.sort_name, o.id LIMIT $10 OFFSET $11"
);
// One scan counts every (city, kind) cell; the city and kind facets and the total are sums of
// cells, so they need no scans of their own.
const FACET_CITY_KIND: &str =
    concat!("SELECT o.city_id, o.kind, COUNT(*) FROM organisations o", directory_where!(), "GROUP BY o.city_id, o.kind");
const FACET_SECTION: &str = concat!(
    "SELECT d.section, COUNT(DISTINCT d.org_id) FROM organisations o JOIN organisation_nace d ON d.org_id = o.id",
    directory_where!(),
    "GROUP BY d.section"
);

/// Binds the nine filter parameters in `directory_where!` order.
macro_rules! bind_filter {
    ($q:expr, $params:expr) => {
        $q.bind(&$params.terms[0])
            .bind(&$params.terms[1])
            .bind(&$params.terms[2])
            .bind(&$params.terms[3])
            .bind(&$params.terms[4])
            .bind(&$params.terms[5])
            .bind($params.city)
            .bind($params.kind)
            .bind(&$params.section)
    };
}

struct FilterParams {
    terms: [String; MAX_SEARCH_TERMS],
    city: Option<Uuid>,
    kind: Option<&'static str>,
    section: Option<String>,
}

impl FilterParams {
    fn new(filter: &DirectoryFilter) -> Self {
        let mut terms: [String; MAX_SEARCH_TERMS] = Default::default();
        for (slot, term) in terms.iter_mut().zip(filter.terms.iter().filter(|t| !t.is_empty())) {
            *slot = format!("%{}%", crate::like_escape(term));
        }
        FilterParams {
            terms,
            city: filter.city.map(|c| c.0),
            kind: filter.kind.map(OrgKind::key),
            section: filter.section.map(String::from),
        }
    }

    fn without_section(&self) -> Self {
        FilterParams { section: None, ..self.clone_params() }
    }

    fn clone_params(&self) -> Self {
        FilterParams { terms: self.terms.clone(), city: self.city, kind: self.kind, section: self.section.clone() }
    }
}

/// One page of matching organisations (the total is in [`facets`]).
pub async fn search(mut conn: Conn<'_>, filter: &DirectoryFilter, limit: i64, offset: i64) -> StoreResult<Vec<OrgSummaryRow>> {
    let p = FilterParams::new(filter);
    Ok(on_db!(&mut conn, |c| bind_filter!(sqlx::query_as(SEARCH_PAGE), p)
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut **c)
        .await)?)
}

/// NACE codes of the given organisations (for a result page).
pub async fn nace_codes_of(mut conn: Conn<'_>, ids: &[Uuid]) -> StoreResult<HashMap<Uuid, Vec<NaceCode>>> {
    let mut out = HashMap::new();
    for id in ids {
        out.insert(*id, nace_of(&mut conn, OrgId(*id)).await?);
    }
    Ok(out)
}

/// Counts per value of each facet, each computed with the other facets' filters applied
/// (so choosing a city still shows how many match in the other city), and the total.
#[derive(Debug, Clone, Default)]
pub struct FacetCounts {
    /// Matches with every filter applied.
    pub total: i64,
    /// Matches per city.
    pub cities: Vec<(Uuid, i64)>,
    /// Matches per kind key.
    pub kinds: Vec<(String, i64)>,
    /// Matches per NACE section letter.
    pub sections: Vec<(String, i64)>,
}

/// The facet counts and the total for `filter`.
pub async fn facets(mut conn: Conn<'_>, filter: &DirectoryFilter) -> StoreResult<FacetCounts> {
    let p = FilterParams::new(filter);
    let (pck, ps) = (FilterParams { city: None, kind: None, ..p.clone_params() }, p.without_section());
    let cells: Vec<(Uuid, String, i64)> =
        on_db!(&mut conn, |c| bind_filter!(sqlx::query_as(FACET_CITY_KIND), pck).fetch_all(&mut **c).await)?;
    let sections: Vec<(String, i64)> =
        on_db!(&mut conn, |c| bind_filter!(sqlx::query_as(FACET_SECTION), ps).fetch_all(&mut **c).await)?;
    let city_ok = |city: &Uuid| p.city.is_none_or(|c| c == *city);
    let kind_ok = |kind: &str| p.kind.is_none_or(|k| k == kind);
    let mut cities: Vec<(Uuid, i64)> = Vec::new();
    let mut kinds: Vec<(String, i64)> = Vec::new();
    let mut total = 0;
    for (city, kind, n) in &cells {
        if kind_ok(kind) {
            add_to(&mut cities, *city, *n);
        }
        if city_ok(city) {
            add_to(&mut kinds, kind.clone(), *n);
        }
        if city_ok(city) && kind_ok(kind) {
            total += n;
        }
    }
    Ok(FacetCounts { total, cities, kinds, sections })
}

fn add_to<K: PartialEq>(counts: &mut Vec<(K, i64)>, key: K, n: i64) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some(entry) => entry.1 += n,
        None => counts.push((key, n)),
    }
}

const ID_BY_EXTERNAL_ID: &str = "SELECT id FROM organisations WHERE external_id = $1";
const EXTERNAL_ID_OF: &str = "SELECT external_id FROM organisations WHERE id = $1";
const SET_EXTERNAL_ID: &str = "UPDATE organisations SET external_id = $2 WHERE id = $1";

/// The id of the organisation with this bulk-exchange reference (the sender's own id), if any.
pub async fn id_by_external_id(conn: Conn<'_>, external_id: &str) -> StoreResult<Option<OrgId>> {
    let id: Option<Uuid> =
        on_db!(conn, |c| sqlx::query_scalar(ID_BY_EXTERNAL_ID).bind(external_id).fetch_optional(&mut *c).await)?;
    Ok(id.map(OrgId))
}

/// The bulk-exchange reference of organisation `id`, if it has one (`NotFound` if it is gone).
pub async fn external_id_of(conn: Conn<'_>, id: OrgId) -> StoreResult<Option<String>> {
    let found: Option<Option<String>> =
        on_db!(conn, |c| sqlx::query_scalar(EXTERNAL_ID_OF).bind(id.0).fetch_optional(&mut *c).await)?;
    found.ok_or(StoreError::NotFound)
}

/// Gives organisation `id` a bulk-exchange reference; `Duplicate` (field
/// `organisation.external_id`) if another organisation has it, `NotFound` if `id` is gone.
pub async fn set_external_id(mut conn: Conn<'_>, id: OrgId, external_id: &str) -> StoreResult<()> {
    let changed = on_db!(&mut conn, |c| sqlx::query(SET_EXTERNAL_ID)
        .bind(id.0)
        .bind(external_id)
        .execute(&mut **c)
        .await
        .map(|r| r.rows_affected()))?;
    if changed == 0 {
        return Err(StoreError::NotFound);
    }
    // The CLI names organisations by this reference in matching results.
    crate::change_log::append(conn, crate::change_log::kind::ORGANISATION, &id.0.to_string(), Utc::now()).await
}

const EXTERNAL_IDS: &str = "SELECT id, external_id FROM organisations WHERE external_id IS NOT NULL";

/// Every organisation's bulk-exchange reference, for those that have one.
pub async fn external_ids(conn: Conn<'_>) -> StoreResult<Vec<(Uuid, String)>> {
    Ok(on_db!(conn, |c| sqlx::query_as(EXTERNAL_IDS).fetch_all(&mut *c).await)?)
}
