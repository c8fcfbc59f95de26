//! Contact people of an organisation, kept by its admins (personal data: shown only to those
//! who may see confidential fields).

use crate::{App, AppError, AppResult};
use chrono::Utc;
use tandem_core::directory::{Person, PersonDraft};
use tandem_core::policy::{self, Actor};
use tandem_core::{OrgId, PersonId};
use tandem_store::people;

/// Adds a contact person to `org`.
pub async fn add(app: &App, actor: &Actor, org: OrgId, draft: &PersonDraft) -> AppResult<Person> {
    let editor = policy::org_editor(actor, org)?;
    let person = draft.validate(PersonId::new(), editor.org_id())?;
    let mut tx = app.db().begin().await?;
    people::insert(tx.conn(), &person, Utc::now()).await?;
    tx.commit().await?;
    Ok(person)
}

/// Removes a contact person of `org`.
pub async fn remove(app: &App, actor: &Actor, org: OrgId, person: PersonId) -> AppResult<()> {
    let editor = policy::org_editor(actor, org)?;
    let mut tx = app.db().begin().await?;
    if !people::delete(tx.conn(), editor.org_id(), person).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}
