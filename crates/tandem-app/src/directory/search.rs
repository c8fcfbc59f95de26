//! Directory search: words (all must match, in any language the organisation is described in)
//! and facets (city, kind, NACE section).

use crate::text::search_terms;
use crate::{App, AppResult};
use tandem_core::directory::OrgKind;
use tandem_core::nace::NaceCode;
use tandem_core::{CityId, OrgId};
use tandem_store::organisations::{self, DirectoryFilter, MAX_SEARCH_TERMS};

/// Results per page.
pub const PAGE_SIZE: i64 = 20;
/// Highest page number served (deep paging helps no one and costs the database).
pub const MAX_PAGE: i64 = 500;

/// What the user asked for.
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    /// Free text.
    pub text: String,
    /// City filter.
    pub city: Option<CityId>,
    /// Kind filter.
    pub kind: Option<OrgKind>,
    /// NACE section letter filter (A–U).
    pub section: Option<char>,
    /// 1-based page.
    pub page: i64,
    /// Page size (API clients may ask for fewer or more, up to 100).
    pub per_page: i64,
}

/// One organisation in a result list.
#[derive(Debug, Clone)]
pub struct OrgCard {
    /// Id.
    pub id: OrgId,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: OrgKind,
    /// City.
    pub city_id: CityId,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// NACE codes.
    pub nace_codes: Vec<NaceCode>,
}

/// A result page with facet counts.
#[derive(Debug, Clone)]
pub struct DirectoryResult {
    /// The organisations on this page.
    pub items: Vec<OrgCard>,
    /// Matches in all.
    pub total: i64,
    /// This page (1-based).
    pub page: i64,
    /// Page size.
    pub per_page: i64,
    /// Words beyond the first six were ignored.
    pub terms_truncated: bool,
    /// Matches per city.
    pub cities: Vec<(CityId, i64)>,
    /// Matches per kind.
    pub kinds: Vec<(OrgKind, i64)>,
    /// Matches per NACE section letter.
    pub sections: Vec<(char, i64)>,
}

impl DirectoryResult {
    /// Number of pages.
    pub fn pages(&self) -> i64 {
        ((self.total + self.per_page - 1) / self.per_page).max(1)
    }
}

/// Searches the directory. Open to everyone: cards carry no confidential field.
pub async fn search(app: &App, query: &DirectoryQuery) -> AppResult<DirectoryResult> {
    let terms = search_terms(&query.text);
    let terms_truncated = terms.len() > MAX_SEARCH_TERMS;
    let filter = DirectoryFilter {
        terms: terms.into_iter().take(MAX_SEARCH_TERMS).collect(),
        city: query.city,
        kind: query.kind,
        section: query.section.map(|s| s.to_ascii_uppercase()),
    };
    let per_page = if query.per_page <= 0 { PAGE_SIZE } else { query.per_page.min(100) };
    let page = query.page.clamp(1, MAX_PAGE);
    let mut conn = app.db().acquire().await?;
    let rows = organisations::search(conn.conn(), &filter, per_page, (page - 1) * per_page).await?;
    let ids: Vec<_> = rows.iter().map(|r| r.id).collect();
    let mut codes = organisations::nace_codes_of(conn.conn(), &ids).await?;
    let facets = organisations::facets(conn.conn(), &filter).await?;
    let items = rows
        .into_iter()
        .map(|r| OrgCard {
            id: OrgId(r.id),
            name: r.name,
            kind: OrgKind::from_key(&r.kind).unwrap_or(OrgKind::Other),
            city_id: CityId(r.city_id),
            description_en: r.description_en,
            description_de: r.description_de,
            nace_codes: codes.remove(&r.id).unwrap_or_default(),
        })
        .collect();
    let mut sections: Vec<(char, i64)> =
        facets.sections.into_iter().filter_map(|(letter, n)| letter.chars().next().map(|l| (l, n))).collect();
    sections.sort();
    let mut kinds: Vec<(OrgKind, i64)> =
        facets.kinds.into_iter().filter_map(|(k, n)| OrgKind::from_key(&k).map(|k| (k, n))).collect();
    kinds.sort_by_key(|(k, _)| OrgKind::ALL.iter().position(|x| x == k));
    Ok(DirectoryResult {
        items,
        total: facets.total,
        page,
        per_page,
        terms_truncated,
        cities: facets.cities.into_iter().map(|(c, n)| (CityId(c), n)).collect(),
        kinds,
        sections,
    })
}
