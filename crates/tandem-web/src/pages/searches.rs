//! Saved searches and their alerts (issue 3, item 8): the user's list, saving a marketplace
//! search, deleting one, and the unsubscribe link of the alert emails.
//!
//! The unsubscribe link works without logging in: its token is the proof. Following it (GET)
//! changes nothing — mail scanners open links — and shows a button that posts the form. That
//! form is reached without a session, so the page stores its form token first, as the login page
//! does; the cross-origin guard protects the POST as every other.

use super::organisations::parse_id;
use super::profiles::{country_name, keyword_label, language_label, partnership_label, type_label};
use super::{render, see_other, CsrfOnly, FormState, Layout};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::partnering::alerts::{self, Frequency, NAME_MAX};
use tandem_app::partnering::market::MarketQuery;
use tandem_app::AppError;
use tandem_core::partnering::{PartnershipType, ProfileLanguage, ProfileType};
use tandem_core::policy::Denied;
use tandem_core::SavedSearchId;

/// One saved search in the list.
pub(crate) struct SearchItem {
    id: String,
    name: String,
    criteria: String,
    frequency: String,
    created: String,
    run_url: String,
}

#[derive(Template)]
#[template(path = "searches.html")]
struct SearchesPage {
    l: Layout,
    items: Vec<SearchItem>,
    limit_note: String,
}

#[derive(Template)]
#[template(path = "search_form.html")]
struct SearchFormPage {
    l: Layout,
    f: FormState,
    name_max: usize,
    criteria: Vec<(String, String)>,
    hidden: Vec<(&'static str, String)>,
    frequencies: Vec<(String, String)>,
    cancel: String,
}

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribePage {
    l: Layout,
    token: String,
    /// The question with the button, when the link is still valid and not yet used.
    question: Option<String>,
    /// What happened (after the button, or for a link already used).
    message: Option<String>,
    manage: bool,
}

fn frequency_label(t: Tr, f: Frequency) -> String {
    match f {
        Frequency::Daily => t.get("searches-frequency-daily"),
        Frequency::Weekly => t.get("searches-frequency-weekly"),
    }
}

fn criterion_label(t: Tr, key: &str) -> String {
    match key {
        "q" => t.get("searches-criterion-q"),
        "type" => t.get("searches-criterion-type"),
        "city" => t.get("searches-criterion-city"),
        "country" => t.get("searches-criterion-country"),
        "lang" => t.get("searches-criterion-lang"),
        "market" => t.get("searches-criterion-market"),
        "technology" => t.get("searches-criterion-technology"),
        "nace" => t.get("searches-criterion-nace"),
        "partnership" => t.get("searches-criterion-partnership"),
        other => other.to_owned(),
    }
}

/// The query's criteria as (label, value) in the reader's language; codes that are not known
/// are shown as typed.
async fn criteria(state: &AppState, t: Tr, query: &MarketQuery) -> Vec<(String, String)> {
    let needs_cities = !query.city.trim().is_empty();
    let cities = if needs_cities { tandem_app::directory::cities(&state.app).await.unwrap_or_default() } else { Vec::new() };
    let keywords = state.app.keywords();
    query
        .pairs()
        .into_iter()
        .map(|(key, raw)| {
            let raw = raw.trim();
            let value = match key {
                "type" => ProfileType::parse(raw).map(|ty| type_label(t, ty)),
                "city" => cities.iter().find(|c| c.id.to_string() == raw).map(|c| c.name.clone()),
                "country" => Some(country_name(t, raw)),
                "lang" => ProfileLanguage::from_key(raw).map(|l| language_label(t, l)),
                "market" => Some(keyword_label(t, &keywords.markets, raw)),
                "technology" => Some(keyword_label(t, &keywords.technologies, raw)),
                "partnership" => PartnershipType::from_key(raw).map(|p| partnership_label(t, p)),
                _ => None,
            }
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| raw.to_owned());
            (criterion_label(t, key), value)
        })
        .collect()
}

/// `GET /searches`: the user's saved searches.
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let t = ctx.t;
    let searches = alerts::list(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let mut items = Vec::with_capacity(searches.len());
    for s in searches {
        let query = alerts::query_of(&s);
        let criteria = criteria(&state, t, &query).await;
        let criteria = if criteria.is_empty() {
            t.get("searches-all-profiles")
        } else {
            criteria.into_iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(" · ")
        };
        items.push(SearchItem {
            id: s.id.to_string(),
            name: s.name.clone(),
            criteria,
            frequency: frequency_label(t, alerts::frequency_of(&s)),
            created: t.date(&s.created_at),
            run_url: alerts::marketplace_path(&query),
        });
    }
    let page = SearchesPage { l: Layout::new(&ctx, t.get("searches-title")), items, limit_note: t.get("searches-limit") };
    render(t, StatusCode::OK, &page)
}

async fn form_page(state: &AppState, ctx: &Ctx, query: &MarketQuery, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let page = SearchFormPage {
        l: Layout::new(ctx, t.get("searches-new-title")),
        f,
        name_max: NAME_MAX,
        criteria: criteria(state, t, query).await,
        hidden: query.pairs().into_iter().map(|(k, v)| (k, v.to_owned())).collect(),
        frequencies: Frequency::ALL.iter().map(|f| (f.key().to_owned(), frequency_label(t, *f))).collect(),
        cancel: alerts::marketplace_path(query),
    };
    render(t, status, &page)
}

/// `GET /searches/new?{marketplace query}`: the form that saves the search.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Query(query): Query<MarketQuery>) -> Result<Response, PageError> {
    ctx.actor.user().map_err(|e| ctx.fail(AppError::Denied(e)))?;
    let t = ctx.t;
    let name = match query.q.trim() {
        "" => {
            let values: Vec<String> = criteria(&state, t, &query).await.into_iter().map(|(_, v)| v).collect();
            if values.is_empty() { t.get("searches-default-name") } else { values.join(", ") }
        }
        q => q.to_owned(),
    };
    let mut f = FormState::new(t, "/searches");
    f.set("name", name.chars().take(NAME_MAX).collect::<String>()).set("frequency", Frequency::Daily.key());
    form_page(&state, &ctx, &query, f, StatusCode::OK).await
}

/// The form that saves a search: name, frequency and the marketplace query in hidden fields.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SearchForm {
    _csrf: String,
    name: String,
    frequency: String,
    q: String,
    #[serde(rename = "type")]
    profile_type: String,
    city: String,
    country: String,
    lang: String,
    market: String,
    technology: String,
    nace: String,
    partnership: String,
}

/// `POST /searches`.
pub async fn create(State(state): State<AppState>, ctx: Ctx, Form(form): Form<SearchForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let query = MarketQuery {
        q: form.q,
        profile_type: form.profile_type,
        city: form.city,
        country: form.country,
        lang: form.lang,
        market: form.market,
        technology: form.technology,
        nace: form.nace,
        partnership: form.partnership,
    };
    match alerts::save(&state.app, &ctx.actor, &form.name, &query, &form.frequency).await {
        Ok(saved) => {
            ctx.flash(ctx.t.with("searches-saved", "name", &saved.name)).await;
            Ok(see_other("/searches"))
        }
        Err(AppError::Invalid(errors)) => {
            let mut f = FormState::new(ctx.t, "/searches");
            f.set("name", &form.name).set("frequency", &form.frequency);
            form_page(&state, &ctx, &query, f.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /searches/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    if ctx.actor.user().is_err() {
        return Err(ctx.fail(AppError::Denied(Denied::LoginRequired)));
    }
    let id: SavedSearchId = parse_id(ctx.t, &id)?;
    alerts::delete(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("searches-deleted")).await;
    Ok(see_other("/searches"))
}

fn unsubscribe_page(ctx: &Ctx, token: &str, question: Option<String>, message: Option<String>) -> Result<Response, PageError> {
    let page = UnsubscribePage {
        l: Layout::new(ctx, ctx.t.get("unsubscribe-title")),
        token: token.to_owned(),
        question,
        message,
        manage: ctx.logged_in(),
    };
    render(ctx.t, StatusCode::OK, &page)
}

/// `GET /searches/unsubscribe/{token}`: asks before unsubscribing (changes nothing).
pub async fn unsubscribe_form(State(state): State<AppState>, mut ctx: Ctx, Path(token): Path<String>) -> Result<Response, PageError> {
    let name = alerts::unsubscribe_preview(&state.app, &token).await.map_err(|e| ctx.fail(e))?;
    match name {
        Some(name) => {
            ctx.keep_form_token().await?;
            let question = ctx.t.with("unsubscribe-question", "name", &name);
            unsubscribe_page(&ctx, &token, Some(question), None)
        }
        None => unsubscribe_page(&ctx, &token, None, Some(ctx.t.get("unsubscribe-already"))),
    }
}

/// `POST /searches/unsubscribe/{token}`: deletes the saved search; pressing it twice is fine.
pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let message = match alerts::unsubscribe(&state.app, &token).await.map_err(|e| ctx.fail(e))? {
        Some(name) => ctx.t.with("unsubscribe-done", "name", &name),
        None => ctx.t.get("unsubscribe-already"),
    };
    unsubscribe_page(&ctx, &token, None, Some(message))
}
