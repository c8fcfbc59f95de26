//! The directory: search with facets; htmx requests get only the results fragment.

use super::{kind_label, nace_label, render, summary, Layout};
use crate::ctx::Ctx;
use crate::error::{urlencode, PageError};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;
use tandem_app::directory::{self, search::DirectoryQuery};
use tandem_core::directory::OrgKind;
use tandem_core::CityId;

/// Query string of `/directory` (all optional; bad values are ignored, not errors).
#[derive(Debug, Default, Deserialize)]
pub struct DirectoryParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    section: String,
    #[serde(default)]
    page: Option<String>,
}

pub(crate) struct FacetOption {
    value: String,
    label: String,
    count: String,
    selected: bool,
}

pub(crate) struct ResultItem {
    id: String,
    name: String,
    kind_label: String,
    city: String,
    sectors: String,
    summary: String,
    summary_lang: &'static str,
}

pub(crate) struct Results {
    q: String,
    items: Vec<ResultItem>,
    count_label: String,
    terms_truncated: bool,
    city_options: Vec<FacetOption>,
    kind_options: Vec<FacetOption>,
    section_options: Vec<FacetOption>,
    pages: i64,
    page_label: String,
    prev_url: Option<String>,
    next_url: Option<String>,
}

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryPage {
    l: Layout,
    r: Results,
}

#[derive(Template)]
#[template(path = "_directory_results.html")]
struct ResultsFragment {
    l: Layout,
    r: Results,
}

/// `GET /directory`.
pub async fn directory(State(state): State<AppState>, ctx: Ctx, Query(params): Query<DirectoryParams>) -> Result<Response, PageError> {
    let t = ctx.t;
    let query = DirectoryQuery {
        text: params.q.chars().take(200).collect(),
        city: params.city.parse::<CityId>().ok(),
        kind: OrgKind::from_key(&params.kind),
        section: params.section.trim().chars().next().filter(|c| c.is_ascii_alphabetic()).map(|c| c.to_ascii_uppercase()),
        page: params.page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(1),
        per_page: 0,
    };
    let result = directory::search::search(&state.app, &query).await.map_err(|e| ctx.fail(e))?;
    let cities = directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
    let city_names: HashMap<CityId, String> = cities.iter().map(|c| (c.id, c.name.clone())).collect();
    let nace = state.app.nace();
    let items = result
        .items
        .iter()
        .map(|o| {
            let (summary, summary_lang) = summary(t, o.description_en.as_deref(), o.description_de.as_deref());
            let sectors = o
                .nace_codes
                .iter()
                .take(2)
                .map(|c| format!("{c} {}", nace_label(t, nace, c)))
                .collect::<Vec<_>>()
                .join("; ");
            ResultItem {
                id: o.id.to_string(),
                name: o.name.clone(),
                kind_label: kind_label(t, o.kind),
                city: city_names.get(&o.city_id).cloned().unwrap_or_default(),
                sectors,
                summary,
                summary_lang,
            }
        })
        .collect();
    let count_of = |n: i64| t.number(n);
    let city_options = cities
        .iter()
        .map(|c| FacetOption {
            value: c.id.to_string(),
            label: c.name.clone(),
            count: count_of(result.cities.iter().find(|(id, _)| *id == c.id).map(|(_, n)| *n).unwrap_or(0)),
            selected: query.city == Some(c.id),
        })
        .collect();
    let kind_options = OrgKind::ALL
        .iter()
        .map(|k| FacetOption {
            value: k.key().to_owned(),
            label: kind_label(t, *k),
            count: count_of(result.kinds.iter().find(|(kk, _)| kk == k).map(|(_, n)| *n).unwrap_or(0)),
            selected: query.kind == Some(*k),
        })
        .collect();
    let section_options = nace
        .sections()
        .map(|s| {
            let letter = s.section;
            FacetOption {
                value: letter.to_string(),
                label: format!("{letter} – {}", nace_label(t, nace, &s.code)),
                count: count_of(result.sections.iter().find(|(l, _)| *l == letter).map(|(_, n)| *n).unwrap_or(0)),
                selected: query.section == Some(letter),
            }
        })
        .collect();
    let page_url = |page: i64| {
        format!(
            "/directory?q={}&city={}&kind={}&section={}&page={page}",
            urlencode(&params.q),
            urlencode(&params.city),
            urlencode(&params.kind),
            urlencode(&params.section)
        )
    };
    let pages = result.pages();
    let r = Results {
        q: params.q.clone(),
        items,
        count_label: t.count("directory-count", result.total),
        terms_truncated: result.terms_truncated,
        city_options,
        kind_options,
        section_options,
        pages,
        page_label: t.with("pagination-page", "page", format!("{} / {}", result.page, pages)),
        prev_url: (result.page > 1).then(|| page_url(result.page - 1)),
        next_url: (result.page < pages).then(|| page_url(result.page + 1)),
    };
    let l = Layout::new(&ctx, t.get("directory-title"));
    if ctx.htmx {
        render(t, StatusCode::OK, &ResultsFragment { l, r })
    } else {
        render(t, StatusCode::OK, &DirectoryPage { l, r })
    }
}

