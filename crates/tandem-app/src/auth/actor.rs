//! Turns a session's user id or an API token into the `Actor` that policies judge.

use super::secret::digest;
use crate::{App, AppResult};
use chrono::Utc;
use tandem_core::account::User;
use tandem_core::policy::{Actor, UserActor};
use tandem_core::UserId;
use tandem_store::{memberships, tokens, users};

/// The user and their actor for a logged-in user id; `None` if the account no longer exists.
pub async fn actor_for(app: &App, user: UserId) -> AppResult<Option<(User, Actor)>> {
    let mut conn = app.db().acquire().await?;
    let Some(u) = users::get(conn.conn(), user).await? else { return Ok(None) };
    let memberships = memberships::of_user(conn.conn(), user).await?;
    let actor = Actor::User(UserActor {
        id: u.id,
        email_verified: u.email_verified,
        is_platform_admin: u.is_platform_admin,
        memberships,
    });
    Ok(Some((u, actor)))
}

/// The user and actor for a bearer token, or `None` if the token is unknown or revoked.
pub async fn actor_for_token(app: &App, token: &str) -> AppResult<Option<(User, Actor)>> {
    let user = {
        let mut tx = app.db().begin().await?;
        let user = tokens::authenticate_api_token(tx.conn(), &digest(token), Utc::now()).await?;
        tx.commit().await?;
        user
    };
    match user {
        Some(id) => actor_for(app, id).await,
        None => Ok(None),
    }
}
