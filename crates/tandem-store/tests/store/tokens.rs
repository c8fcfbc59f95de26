//! One-time email links and API tokens.

use crate::fresh;
use chrono::{Duration, Utc};
use tandem_core::account::{Email, Locale};
use tandem_core::{TokenId, UserId};
use tandem_store::tokens::{self, LinkPurpose};
use tandem_store::{users, Db};

async fn user(db: &Db, address: &str) -> UserId {
    let mut conn = db.acquire().await.expect("acquire");
    let id = UserId::new();
    let email = Email::parse(address).expect("email");
    let new = users::NewUser {
        id,
        email: &email,
        display_name: "Jonas",
        password_hash: "x",
        email_verified: false,
        locale: Locale::De,
        is_platform_admin: false,
    };
    users::insert(conn.conn(), &new, Utc::now()).await.expect("insert user");
    id
}

#[tokio::test]
async fn an_email_link_works_once_for_its_purpose_until_it_expires() {
    let (_t, db) = fresh().await;
    let jonas = user(&db, "jonas@example.org").await;
    let mut conn = db.acquire().await.expect("acquire");
    let now = Utc::now();
    tokens::insert_link(conn.conn(), "digest-1", jonas, LinkPurpose::VerifyEmail, now + Duration::hours(48)).await.expect("insert");

    let wrong_purpose = tokens::use_link(conn.conn(), "digest-1", LinkPurpose::ResetPassword, now).await.expect("use");
    assert_eq!(wrong_purpose, None, "a verification link does not reset passwords");
    assert_eq!(tokens::use_link(conn.conn(), "unknown", LinkPurpose::VerifyEmail, now).await.expect("use"), None);
    assert_eq!(tokens::use_link(conn.conn(), "digest-1", LinkPurpose::VerifyEmail, now).await.expect("use"), Some(jonas));
    assert_eq!(tokens::use_link(conn.conn(), "digest-1", LinkPurpose::VerifyEmail, now).await.expect("use"), None, "used once");

    tokens::insert_link(conn.conn(), "digest-2", jonas, LinkPurpose::ResetPassword, now + Duration::minutes(60)).await.expect("insert");
    let later = now + Duration::minutes(61);
    assert_eq!(tokens::use_link(conn.conn(), "digest-2", LinkPurpose::ResetPassword, later).await.expect("use"), None, "expired");

    tokens::insert_link(conn.conn(), "digest-3", jonas, LinkPurpose::ResetPassword, now + Duration::minutes(60)).await.expect("insert");
    tokens::insert_link(conn.conn(), "digest-4", jonas, LinkPurpose::VerifyEmail, now + Duration::minutes(60)).await.expect("insert");
    tokens::expire_links(conn.conn(), jonas, LinkPurpose::ResetPassword, now).await.expect("expire");
    assert_eq!(tokens::use_link(conn.conn(), "digest-3", LinkPurpose::ResetPassword, now).await.expect("use"), None, "replaced");
    assert_eq!(
        tokens::use_link(conn.conn(), "digest-4", LinkPurpose::VerifyEmail, now).await.expect("use"),
        Some(jonas),
        "expiring reset links leaves verification links alone"
    );
}

#[tokio::test]
async fn api_tokens_authenticate_until_revoked() {
    let (_t, db) = fresh().await;
    let anna = user(&db, "anna@example.org").await;
    let other = user(&db, "other@example.org").await;
    let mut conn = db.acquire().await.expect("acquire");
    let id = TokenId::new();
    let now = Utc::now();
    tokens::insert_api_token(conn.conn(), id, anna, "CI", "token-digest", now).await.expect("insert");
    let listed = tokens::api_tokens_of(conn.conn(), anna).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id, listed[0].name.as_str(), listed[0].last_used_at), (id.0, "CI", None));

    let used_at = now + Duration::seconds(5);
    assert_eq!(tokens::authenticate_api_token(conn.conn(), "token-digest", used_at).await.expect("auth"), Some(anna));
    assert_eq!(tokens::authenticate_api_token(conn.conn(), "other-digest", used_at).await.expect("auth"), None);
    let listed = tokens::api_tokens_of(conn.conn(), anna).await.expect("list");
    assert!(listed[0].last_used_at.is_some(), "use is recorded");

    assert!(!tokens::revoke_api_token(conn.conn(), other, id, now).await.expect("revoke"), "only the owner revokes");
    assert_eq!(tokens::authenticate_api_token(conn.conn(), "token-digest", used_at).await.expect("auth"), Some(anna));
    assert!(tokens::revoke_api_token(conn.conn(), anna, id, now).await.expect("revoke"));
    assert_eq!(tokens::authenticate_api_token(conn.conn(), "token-digest", used_at).await.expect("auth"), None, "revoked");
    assert!(!tokens::revoke_api_token(conn.conn(), anna, id, now).await.expect("revoke again"));
    assert!(tokens::api_tokens_of(conn.conn(), anna).await.expect("list").is_empty());
}
