//! API tokens: created on the account page, shown once, sent as `Authorization: Bearer …`.

use super::secret::{digest, new_secret};
use crate::{App, AppError, AppResult};
use chrono::Utc;
use tandem_core::policy::Actor;
use tandem_core::validation::{required_text, ValidationErrors};
use tandem_core::TokenId;
use tandem_store::tokens::{self, ApiTokenRow};

/// Prefix that makes Tandem tokens recognisable in logs and secret scanners.
pub const TOKEN_PREFIX: &str = "tdm_";

/// A token just created: the secret is shown this once and never stored.
#[derive(Debug, Clone)]
pub struct NewToken {
    /// Id (for revoking).
    pub id: TokenId,
    /// The secret to put in the `Authorization` header.
    pub secret: String,
}

/// Creates a token for the logged-in user.
pub async fn create(app: &App, actor: &Actor, name: &str) -> AppResult<NewToken> {
    let user = actor.user()?;
    let mut errors = ValidationErrors::default();
    let name = required_text(&mut errors, "name", name, 80);
    errors.into_result(())?;
    let id = TokenId::new();
    let secret = format!("{TOKEN_PREFIX}{}", new_secret());
    let mut tx = app.db().begin().await?;
    tokens::insert_api_token(tx.conn(), id, user.id, &name, &digest(&secret), Utc::now()).await?;
    tx.commit().await?;
    Ok(NewToken { id, secret })
}

/// The logged-in user's active tokens.
pub async fn list(app: &App, actor: &Actor) -> AppResult<Vec<ApiTokenRow>> {
    let user = actor.user()?;
    let mut conn = app.db().acquire().await?;
    Ok(tokens::api_tokens_of(conn.conn(), user.id).await?)
}

/// Revokes one of the logged-in user's tokens.
pub async fn revoke(app: &App, actor: &Actor, id: TokenId) -> AppResult<()> {
    let user = actor.user()?;
    let mut tx = app.db().begin().await?;
    let found = tokens::revoke_api_token(tx.conn(), user.id, id, Utc::now()).await?;
    tx.commit().await?;
    if found { Ok(()) } else { Err(AppError::NotFound) }
}
