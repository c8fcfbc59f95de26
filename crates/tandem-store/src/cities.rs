//! Cities of the partnership.

use crate::{on_db, Conn, StoreResult};
use tandem_core::directory::City;
use tandem_core::CityId;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct CityRow {
    id: Uuid,
    name: String,
    country: String,
    time_zone: String,
    languages: String,
}

impl From<CityRow> for City {
    fn from(r: CityRow) -> Self {
        City {
            id: CityId(r.id),
            name: r.name,
            country: r.country,
            time_zone: r.time_zone,
            languages: r.languages.split(',').map(str::to_owned).collect(),
        }
    }
}

const LIST: &str = "SELECT id, name, country, time_zone, languages FROM cities ORDER BY name";
const INSERT: &str = "INSERT INTO cities (id, name, country, time_zone, languages) VALUES ($1, $2, $3, $4, $5)";

/// Every city, by name.
pub async fn list(conn: Conn<'_>) -> StoreResult<Vec<City>> {
    let rows: Vec<CityRow> = on_db!(conn, |c| sqlx::query_as(LIST).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(City::from).collect())
}

/// Adds a city.
pub async fn insert(conn: Conn<'_>, city: &City) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(city.id.0)
        .bind(&city.name)
        .bind(&city.country)
        .bind(&city.time_zone)
        .bind(city.languages.join(","))
        .execute(&mut *c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}
