//! Users' thumbs up/down on recommendations: one vote per user, page (subject) and recommended
//! thing (target), replaced when the user votes again. Kept for evaluating the matching engine.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, SubsecRound, Utc};
use tandem_core::UserId;
use uuid::Uuid;

/// Subject and target kinds as stored.
pub mod kind {
    /// A profile (subject: matching profiles of it; target: a recommended profile).
    pub const PROFILE: &str = "profile";
    /// A directory organisation.
    pub const ORGANISATION: &str = "organisation";
    /// A programme (subject only: SMEs that fit it).
    pub const PROGRAMME: &str = "programme";
    /// An organisation known only by key, e.g. a PIC from research projects (target only).
    pub const EXTERNAL: &str = "external";
}

/// One vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote<'a> {
    /// Who voted.
    pub user: UserId,
    /// The page's kind ([`kind`]).
    pub subject_kind: &'a str,
    /// The page's record.
    pub subject_id: Uuid,
    /// The recommended thing's kind ([`kind`]).
    pub target_kind: &'a str,
    /// The recommended thing's id as text, or its key.
    pub target_key: &'a str,
    /// Thumbs up.
    pub up: bool,
}

const UPSERT: &str = "INSERT INTO match_feedback (user_id, subject_kind, subject_id, target_kind, target_key, up, \
     created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
     ON CONFLICT (user_id, subject_kind, subject_id, target_kind, target_key) \
     DO UPDATE SET up = excluded.up, updated_at = excluded.updated_at";
const VOTES_OF: &str = "SELECT target_kind, target_key, up FROM match_feedback \
     WHERE user_id = $1 AND subject_kind = $2 AND subject_id = $3";
const COUNT: &str = "SELECT COUNT(*) FROM match_feedback WHERE subject_kind = $1 AND subject_id = $2";

/// Stores a vote, replacing the user's earlier vote on the same recommendation.
pub async fn upsert(conn: Conn<'_>, vote: &Vote<'_>, now: DateTime<Utc>) -> StoreResult<()> {
    let now = now.trunc_subsecs(6);
    on_db!(conn, |c| sqlx::query(UPSERT)
        .bind(vote.user.0)
        .bind(vote.subject_kind)
        .bind(vote.subject_id)
        .bind(vote.target_kind)
        .bind(vote.target_key)
        .bind(vote.up)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The user's votes on one page: (target kind, target key, up).
pub async fn votes_of(conn: Conn<'_>, user: UserId, subject_kind: &str, subject_id: Uuid) -> StoreResult<Vec<(String, String, bool)>> {
    Ok(on_db!(conn, |c| sqlx::query_as(VOTES_OF)
        .bind(user.0)
        .bind(subject_kind)
        .bind(subject_id)
        .fetch_all(&mut *c)
        .await)?)
}

/// How many votes a page has received, from all users.
pub async fn count_for(conn: Conn<'_>, subject_kind: &str, subject_id: Uuid) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(COUNT).bind(subject_kind).bind(subject_id).fetch_one(&mut *c).await)?)
}
