//! The partnering marketplace: published profiles with facets (type, city, country, language,
//! NACE division, market and technology keyword, partnership type) and free text; htmx
//! requests get only the results, with the facets swapped out of band (as on the directory).
//! Owners stay anonymous unless the reader may know them (DOMAIN.md, "Anonymity").

use super::profiles::{country_name, keyword_label, language_label, partnership_label, type_label, OwnerBox};
use super::{render, Layout};
use crate::ctx::Ctx;
use crate::error::{urlencode, PageError};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use tandem_app::partnering::market::{self, MarketQuery, MarketResult};
use tandem_core::nace::NaceCode;
use tandem_core::partnering::{PartnershipType, ProfileLanguage, ProfileType};

/// The page number, next to [`MarketQuery`] in the same query string.
#[derive(Debug, Default, Deserialize)]
pub struct PageParam {
    #[serde(default)]
    page: Option<String>,
}

pub(crate) struct FacetOption {
    value: String,
    label: String,
    count: String,
    selected: bool,
}

/// One facet select.
pub(crate) struct Facet {
    /// Query parameter and id.
    name: &'static str,
    /// Label.
    label: String,
    options: Vec<FacetOption>,
}

pub(crate) struct Card {
    id: String,
    type_slug: &'static str,
    type_label: String,
    title: String,
    lang: &'static str,
    summary: String,
    owner: OwnerBox,
}

pub(crate) struct Results {
    q: String,
    items: Vec<Card>,
    count_label: String,
    facets: Vec<Facet>,
    save_url: String,
    pages: i64,
    page_label: String,
    prev_url: Option<String>,
    next_url: Option<String>,
    logged_in: bool,
    is_support_staff: bool,
}

#[derive(Template)]
#[template(path = "marketplace.html")]
struct MarketplacePage {
    l: Layout,
    r: Results,
}

#[derive(Template)]
#[template(path = "_marketplace_results.html")]
struct ResultsFragment {
    l: Layout,
    r: Results,
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{cut} …")
}

/// Options for values with counts, keeping the selected value even when nothing matches it.
fn counted(
    values: impl IntoIterator<Item = (String, String, i64)>,
    selected: &str,
    t: crate::i18n::Tr,
    keep_zero: bool,
) -> Vec<FacetOption> {
    let mut options: Vec<FacetOption> = values
        .into_iter()
        .filter(|(value, _, n)| keep_zero || *n > 0 || value.eq_ignore_ascii_case(selected.trim()))
        .map(|(value, label, n)| FacetOption {
            selected: !selected.trim().is_empty() && value.eq_ignore_ascii_case(selected.trim()),
            value,
            label,
            count: t.number(n),
        })
        .collect();
    if !selected.trim().is_empty() && !options.iter().any(|o| o.selected) {
        options.push(FacetOption { value: selected.trim().to_owned(), label: selected.trim().to_owned(), count: t.number(0), selected: true });
    }
    options
}

/// `GET /marketplace`.
pub async fn marketplace(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<MarketQuery>,
    Query(page): Query<PageParam>,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let mut query = query;
    query.q = query.q.chars().take(200).collect();
    let page = page.page.as_deref().and_then(|p| p.trim().parse::<i64>().ok()).unwrap_or(1);
    let result = market::search(&state.app, &ctx.actor, &query, page, market::PAGE_SIZE).await.map_err(|e| ctx.fail(e))?;
    let cities = tandem_app::directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
    let r = results(&state, &ctx, &query, &result, &cities);
    let l = Layout::new(&ctx, t.get("marketplace-title"));
    if ctx.htmx {
        render(t, StatusCode::OK, &ResultsFragment { l, r })
    } else {
        render(t, StatusCode::OK, &MarketplacePage { l, r })
    }
}

fn results(state: &AppState, ctx: &Ctx, query: &MarketQuery, result: &MarketResult, cities: &[tandem_core::directory::City]) -> Results {
    let t = ctx.t;
    let keywords = state.app.keywords();
    let nace = state.app.nace();
    let f = &result.facets;
    let count_of = |list: &[(String, i64)], key: &str| list.iter().find(|(k, _)| k == key).map(|(_, n)| *n).unwrap_or(0);
    let types = counted(
        ProfileType::ALL.iter().map(|ty| {
            (ty.key().to_owned(), type_label(t, *ty), f.types.iter().find(|(x, _)| x == ty).map(|(_, n)| *n).unwrap_or(0))
        }),
        &query.profile_type,
        t,
        true,
    );
    let city_counts: Vec<(String, i64)> = f.cities.iter().map(|(c, n)| (c.to_string(), *n)).collect();
    let city_options = counted(
        cities.iter().map(|c| (c.id.to_string(), c.name.clone(), count_of(&city_counts, &c.id.to_string()))),
        &query.city,
        t,
        true,
    );
    let countries = counted(f.countries.iter().map(|(c, n)| (c.clone(), country_name(t, c), *n)), &query.country, t, false);
    let languages = counted(
        ProfileLanguage::ALL.iter().map(|lang| {
            (lang.key().to_owned(), language_label(t, *lang), f.languages.iter().find(|(x, _)| x == lang).map(|(_, n)| *n).unwrap_or(0))
        }),
        &query.lang,
        t,
        true,
    );
    let divisions = counted(
        f.nace_divisions.iter().map(|(code, n)| {
            let label = NaceCode::parse(code).ok().map(|c| super::nace_label(t, nace, &c)).unwrap_or_default();
            (code.clone(), format!("{code} – {label}"), *n)
        }),
        &query.nace,
        t,
        false,
    );
    let markets = counted(
        f.markets.iter().map(|(code, n)| (code.clone(), keyword_label(t, &keywords.markets, code), *n)),
        &query.market,
        t,
        false,
    );
    let technologies = counted(
        f.technologies.iter().map(|(code, n)| (code.clone(), keyword_label(t, &keywords.technologies, code), *n)),
        &query.technology,
        t,
        false,
    );
    let partnerships = counted(
        PartnershipType::ALL.iter().map(|p| {
            (p.key().to_owned(), partnership_label(t, *p), f.partnerships.iter().find(|(x, _)| x == p).map(|(_, n)| *n).unwrap_or(0))
        }),
        &query.partnership,
        t,
        false,
    );
    let facets = vec![
        Facet { name: "type", label: t.get("marketplace-facet-type"), options: types },
        Facet { name: "city", label: t.get("marketplace-facet-city"), options: city_options },
        Facet { name: "country", label: t.get("marketplace-facet-country"), options: countries },
        Facet { name: "lang", label: t.get("marketplace-facet-language"), options: languages },
        Facet { name: "nace", label: t.get("marketplace-facet-nace"), options: divisions },
        Facet { name: "market", label: t.get("marketplace-facet-market"), options: markets },
        Facet { name: "technology", label: t.get("marketplace-facet-technology"), options: technologies },
        Facet { name: "partnership", label: t.get("marketplace-facet-partnership"), options: partnerships },
    ];
    let items = result
        .items
        .iter()
        .map(|card| {
            let c = &card.profile.content;
            Card {
                id: card.id.to_string(),
                type_slug: c.profile_type.slug(),
                type_label: type_label(t, c.profile_type),
                title: c.title.clone(),
                lang: c.language.key(),
                summary: shorten(c.summary.as_deref().unwrap_or_default(), 300),
                owner: OwnerBox::new(t, &card.owner),
            }
        })
        .collect();
    let query_string = query.pairs().iter().map(|(k, v)| format!("{k}={}", urlencode(v))).collect::<Vec<_>>().join("&");
    let page_url = |page: i64| {
        if query_string.is_empty() { format!("/marketplace?page={page}") } else { format!("/marketplace?{query_string}&page={page}") }
    };
    let pages = result.pages();
    Results {
        q: query.q.clone(),
        items,
        count_label: t.count("marketplace-count", result.total),
        facets,
        save_url: if query_string.is_empty() { "/searches/new".to_owned() } else { format!("/searches/new?{query_string}") },
        pages,
        page_label: t.with("pagination-page", "page", format!("{} / {}", result.page, pages)),
        prev_url: (result.page > 1).then(|| page_url(result.page - 1)),
        next_url: (result.page < pages).then(|| page_url(result.page + 1)),
        logged_in: ctx.logged_in(),
        is_support_staff: ctx.actor.is_support_staff() || ctx.actor.is_platform_admin(),
    }
}
