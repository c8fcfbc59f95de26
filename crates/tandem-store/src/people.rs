//! Contact people of organisations.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::directory::Person;
use tandem_core::{OrgId, PersonId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: Uuid,
    org_id: Uuid,
    name: String,
    job_title: Option<String>,
    email: Option<String>,
}

const BY_ORG: &str = "SELECT id, org_id, name, job_title, email FROM people WHERE org_id = $1 ORDER BY name, id";
const INSERT: &str = "INSERT INTO people (id, org_id, name, job_title, email, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
const DELETE: &str = "DELETE FROM people WHERE id = $1 AND org_id = $2";

/// The contact people of `org`.
pub async fn by_org(conn: Conn<'_>, org: OrgId) -> StoreResult<Vec<Person>> {
    let rows: Vec<PersonRow> = on_db!(conn, |c| sqlx::query_as(BY_ORG).bind(org.0).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|r| Person { id: PersonId(r.id), org_id: OrgId(r.org_id), name: r.name, job_title: r.job_title, email: r.email })
        .collect())
}

/// Adds a contact person.
pub async fn insert(conn: Conn<'_>, person: &Person, now: DateTime<Utc>) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(person.id.0)
        .bind(person.org_id.0)
        .bind(&person.name)
        .bind(&person.job_title)
        .bind(&person.email)
        .bind(now)
        .execute(&mut *c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes a contact person of `org`; false if there was none with that id.
pub async fn delete(conn: Conn<'_>, org: OrgId, id: PersonId) -> StoreResult<bool> {
    let n = on_db!(conn, |c| sqlx::query(DELETE).bind(id.0).bind(org.0).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}
