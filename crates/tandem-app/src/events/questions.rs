//! The event's custom registration questions (DOMAIN.md, "Brokerage events": "registration
//! (custom questions …)"): text, choice with options, or yes/no; required or not; in the order
//! the organisers set.

use super::access::organised;
use crate::{App, AppError, AppResult};
use tandem_core::events::registration::{Question, QuestionDraft};
use tandem_core::policy::Actor;
use tandem_core::{EventId, QuestionId};
use tandem_store::{registrations, Conn};

/// The question and the organiser check of its event.
async fn organised_question(mut conn: Conn<'_>, actor: &Actor, id: QuestionId) -> AppResult<Question> {
    let q = registrations::question(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    organised(conn, actor, q.event_id).await?;
    Ok(q)
}

/// The event's questions, for its organisers.
pub async fn list(app: &App, actor: &Actor, event: EventId) -> AppResult<Vec<Question>> {
    let mut conn = app.db().acquire().await?;
    organised(conn.conn(), actor, event).await?;
    Ok(registrations::questions(conn.conn(), event).await?)
}

/// Adds a question after the others.
pub async fn add(app: &App, actor: &Actor, event: EventId, draft: &QuestionDraft) -> AppResult<Question> {
    let input = draft.validate()?;
    let mut tx = app.db().begin().await?;
    organised(tx.conn(), actor, event).await?;
    let q = registrations::insert_question(tx.conn(), event, &input).await?;
    tx.commit().await?;
    Ok(q)
}

/// Changes a question. Answers already given stay as they were written.
pub async fn update(app: &App, actor: &Actor, id: QuestionId, draft: &QuestionDraft) -> AppResult<Question> {
    let input = draft.validate()?;
    let mut tx = app.db().begin().await?;
    let q = organised_question(tx.conn(), actor, id).await?;
    registrations::update_question(tx.conn(), id, &input).await?;
    tx.commit().await?;
    Ok(Question { label: input.label, kind: input.kind, options: input.options, required: input.required, ..q })
}

/// Deletes a question and its answers.
pub async fn delete(app: &App, actor: &Actor, id: QuestionId) -> AppResult<Question> {
    let mut tx = app.db().begin().await?;
    let q = organised_question(tx.conn(), actor, id).await?;
    registrations::delete_question(tx.conn(), id).await?;
    tx.commit().await?;
    Ok(q)
}

/// Moves a question one place up (swapping with the one before it).
pub async fn move_up(app: &App, actor: &Actor, id: QuestionId) -> AppResult<()> {
    let mut tx = app.db().begin().await?;
    let q = organised_question(tx.conn(), actor, id).await?;
    let all = registrations::questions(tx.conn(), q.event_id).await?;
    let Some(index) = all.iter().position(|x| x.id == id) else { return Err(AppError::NotFound) };
    if index == 0 {
        return Ok(());
    }
    // Positions are renumbered 1, 2, … so a swap never leaves two questions on one place.
    let mut order: Vec<QuestionId> = all.iter().map(|x| x.id).collect();
    order.swap(index - 1, index);
    for (position, qid) in order.iter().enumerate() {
        registrations::set_question_position(tx.conn(), *qid, i32::try_from(position + 1).unwrap_or(i32::MAX)).await?;
    }
    tx.commit().await?;
    Ok(())
}
