//! Thumbs up/down on recommendations: stored one per user, page and recommended thing, and the
//! actor's earlier votes filled into the results they see again.

use super::{FeedbackSubject, FeedbackTarget};
use crate::{App, AppError, AppResult};
use chrono::Utc;
use std::collections::HashMap;
use tandem_core::policy::Actor;
use tandem_store::match_feedback::{self, kind, Vote};
use uuid::Uuid;

/// Longest key of an organisation known by key only (PICs are nine digits).
const MAX_KEY_LEN: usize = 100;

/// The stored kind and id of a subject.
pub(crate) fn subject_parts(subject: FeedbackSubject) -> (&'static str, Uuid) {
    match subject {
        FeedbackSubject::Profile(id) => (kind::PROFILE, id.0),
        FeedbackSubject::Organisation(id) => (kind::ORGANISATION, id.0),
        FeedbackSubject::Programme(id) => (kind::PROGRAMME, id.0),
    }
}

/// The stored kind and key of a target.
pub(crate) fn target_parts(target: &FeedbackTarget) -> (&'static str, String) {
    match target {
        FeedbackTarget::Profile(id) => (kind::PROFILE, id.0.to_string()),
        FeedbackTarget::Organisation(id) => (kind::ORGANISATION, id.0.to_string()),
        FeedbackTarget::External(key) => (kind::EXTERNAL, key.trim().to_owned()),
    }
}

/// Stores the actor's thumbs up (`true`) or down on a recommendation, replacing an earlier vote.
/// Logged-in users only.
pub async fn record_feedback(app: &App, actor: &Actor, subject: FeedbackSubject, target: FeedbackTarget, up: bool) -> AppResult<()> {
    let user = actor.user()?;
    let (subject_kind, subject_id) = subject_parts(subject);
    let (target_kind, target_key) = target_parts(&target);
    if target_key.is_empty() || target_key.len() > MAX_KEY_LEN {
        return Err(AppError::invalid(
            "target",
            "invalid",
            format!("an organisation key must have 1 to {MAX_KEY_LEN} characters"),
        ));
    }
    let vote = Vote { user: user.id, subject_kind, subject_id, target_kind, target_key: &target_key, up };
    let mut tx = app.db().begin().await?;
    match_feedback::upsert(tx.conn(), &vote, Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// The actor's votes on one page, by (target kind, target key); empty for anonymous visitors.
pub(crate) async fn votes_on(app: &App, actor: &Actor, subject: FeedbackSubject) -> AppResult<HashMap<(String, String), bool>> {
    let Ok(user) = actor.user() else { return Ok(HashMap::new()) };
    let (subject_kind, subject_id) = subject_parts(subject);
    let mut conn = app.db().acquire().await?;
    let votes = match_feedback::votes_of(conn.conn(), user.id, subject_kind, subject_id).await?;
    Ok(votes.into_iter().map(|(k, key, up)| ((k, key), up)).collect())
}
