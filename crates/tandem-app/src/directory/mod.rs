//! The ecosystem directory: search, organisations, programmes, members.

pub mod members;
pub mod organisations;
pub mod people;
pub mod programmes;
pub mod search;

use crate::{App, AppResult};
use tandem_core::directory::City;
use tandem_store::cities;

/// Every city of the partnership.
pub async fn cities(app: &App) -> AppResult<Vec<City>> {
    let mut conn = app.db().acquire().await?;
    Ok(cities::list(conn.conn()).await?)
}
