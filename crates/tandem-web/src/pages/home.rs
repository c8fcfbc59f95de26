//! The home page: both cities side by side, and open programmes.

use super::{programme_kind_label, render, status_label, Layout};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use tandem_app::directory::{self, search::DirectoryQuery};

pub(crate) struct CityCard {
    id: String,
    name: String,
    country_name: String,
    time_zone: String,
    organisations_label: String,
    browse_label: String,
}

pub(crate) struct ProgrammeItem {
    pub id: String,
    pub name: String,
    pub kind_label: String,
    pub status_key: &'static str,
    pub status_label: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    l: Layout,
    cities: Vec<CityCard>,
    programmes: Vec<ProgrammeItem>,
}

/// `GET /`.
pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let t = ctx.t;
    let cities = directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
    let counts = directory::search::search(&state.app, &DirectoryQuery { page: 1, per_page: 1, ..Default::default() })
        .await
        .map_err(|e| ctx.fail(e))?
        .cities;
    let cards = cities
        .into_iter()
        .map(|c| {
            let n = counts.iter().find(|(id, _)| *id == c.id).map(|(_, n)| *n).unwrap_or(0);
            CityCard {
                id: c.id.to_string(),
                country_name: t.get(&format!("country-{}", c.country.to_ascii_lowercase())),
                organisations_label: t.count("home-organisations-count", n),
                browse_label: t.with("home-browse-city", "city", &c.name),
                name: c.name,
                time_zone: c.time_zone,
            }
        })
        .collect();
    let (programmes, _) = directory::programmes::list(&state.app, 1, 8).await.map_err(|e| ctx.fail(e))?;
    let programmes = programmes
        .into_iter()
        .map(|p| ProgrammeItem {
            id: p.id.to_string(),
            kind_label: programme_kind_label(t, p.kind),
            status_key: p.status.key(),
            status_label: status_label(t, p.status),
            name: p.name,
        })
        .collect();
    let page = HomePage { l: Layout::new(&ctx, t.get("home-title")), cities: cards, programmes };
    render(t, StatusCode::OK, &page)
}
