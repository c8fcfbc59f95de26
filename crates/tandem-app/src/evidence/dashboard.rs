//! What a project's dashboard needs beyond its indicator report (issue 6, item 6): where each
//! counted enterprise or organisation is and its sector, so counts can be broken down by city
//! and NACE section. Both are public directory facts (the directory shows them to anyone), so
//! nothing confidential leaves here; the report itself was computed for an actor who sees the
//! project.

use super::indicators::IndicatorReport;
use crate::AppResult;
use std::collections::{BTreeSet, HashMap};
use tandem_core::nace::NaceCode;
use tandem_core::{CityId, OrgId};
use tandem_store::{cities, organisations};

/// The indicator rulebooks' vocabulary, for the pages that show a report (the web crate does not
/// depend on `tandem-rules`).
pub use tandem_rules::indicators::{CountedEntry, IndicatorCode, IndicatorResult, LinkKind, Part, PartValue, Shortfall, Unit};

/// Where a counted subject is and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectPlace {
    /// Its city.
    pub city_id: CityId,
    /// The city's name ("" if the directory lost it).
    pub city: String,
    /// Its first (main) NACE code, if it gave any.
    pub nace: Option<NaceCode>,
}

/// The place of every subject counted under any of the report's indicators, by subject id.
/// Subjects that are not organisations of the directory are left out.
pub async fn places(app: &crate::App, report: &IndicatorReport) -> AppResult<HashMap<String, SubjectPlace>> {
    let ids: BTreeSet<&str> = report.results.iter().flat_map(|r| &r.entries).map(|e| e.subject_id.as_str()).collect();
    let mut conn = app.db().acquire().await?;
    let city_names: HashMap<CityId, String> = cities::list(conn.conn()).await?.into_iter().map(|c| (c.id, c.name)).collect();
    let mut out = HashMap::with_capacity(ids.len());
    for id in ids {
        let Ok(org_id) = id.parse::<OrgId>() else { continue };
        if let Some(org) = organisations::get(conn.conn(), org_id).await? {
            let city = city_names.get(&org.city_id).cloned().unwrap_or_default();
            out.insert(id.to_owned(), SubjectPlace { city_id: org.city_id, city, nace: org.nace_codes.first().cloned() });
        }
    }
    Ok(out)
}
