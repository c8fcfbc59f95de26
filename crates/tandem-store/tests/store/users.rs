//! Accounts and failed-login counters.

use crate::fresh;
use chrono::{Duration, Utc};
use tandem_core::account::{Email, Locale};
use tandem_core::UserId;
use tandem_store::{login_failures, users, StoreError};

fn new_user<'a>(id: UserId, email: &'a Email) -> users::NewUser<'a> {
    users::NewUser {
        id,
        email,
        display_name: "Chris",
        password_hash: "$argon2id$v=19$placeholder",
        email_verified: false,
        locale: Locale::En,
        is_platform_admin: false,
    }
}

#[tokio::test]
async fn users_round_trip_and_emails_are_unique() {
    let (_t, db) = fresh().await;
    let mut conn = db.acquire().await.expect("acquire");
    let email = Email::parse("Chris@Example.org").expect("email");
    let id = UserId::new();
    users::insert(conn.conn(), &new_user(id, &email), Utc::now()).await.expect("insert");
    let user = users::get(conn.conn(), id).await.expect("get").expect("exists");
    assert_eq!(user.email.as_str(), "chris@example.org");
    assert!(!user.email_verified && !user.is_platform_admin);
    assert_eq!(users::by_email(conn.conn(), &email).await.expect("by email").map(|u| u.id), Some(id));
    let (cred_id, hash) = users::credentials(conn.conn(), &email).await.expect("credentials").expect("exists");
    assert_eq!((cred_id, hash.as_str()), (id, "$argon2id$v=19$placeholder"));

    let again = users::insert(conn.conn(), &new_user(UserId::new(), &email), Utc::now()).await;
    assert!(matches!(again, Err(StoreError::Duplicate { field: "email" })), "duplicate email: {again:?}");
    assert_eq!(users::count(conn.conn()).await.expect("count"), 1);

    let now = Utc::now();
    users::set_verified(conn.conn(), id, true, now).await.expect("verify");
    users::set_locale(conn.conn(), id, Locale::De, now).await.expect("locale");
    users::set_display_name(conn.conn(), id, "Chris B.", now).await.expect("name");
    users::set_platform_admin(conn.conn(), id, true, now).await.expect("admin");
    users::set_password(conn.conn(), id, "new-hash", now).await.expect("password");
    let user = users::get(conn.conn(), id).await.expect("get").expect("exists");
    assert!(user.email_verified && user.is_platform_admin);
    assert_eq!((user.locale, user.display_name.as_str()), (Locale::De, "Chris B."));
    assert_eq!(users::credentials(conn.conn(), &email).await.expect("credentials").expect("exists").1, "new-hash");

    let missing = users::set_verified(conn.conn(), UserId::new(), true, now).await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    assert!(users::get(conn.conn(), UserId::new()).await.expect("get").is_none());
}

#[tokio::test]
async fn login_failures_count_within_the_window_only() {
    let (_t, db) = fresh().await;
    let mut conn = db.acquire().await.expect("acquire");
    let window = Duration::minutes(15);
    let t0 = Utc::now();
    let email = "someone@example.org";
    assert_eq!(login_failures::recent(conn.conn(), email, t0 - window).await.expect("recent"), 0);
    for _ in 0..3 {
        login_failures::record(conn.conn(), email, t0, t0 - window).await.expect("record");
    }
    assert_eq!(login_failures::recent(conn.conn(), email, t0 - window).await.expect("recent"), 3);
    assert_eq!(login_failures::recent(conn.conn(), "other@example.org", t0 - window).await.expect("recent"), 0);

    // Sixteen minutes later the window has passed: nothing counts, and the next failure starts over.
    let t1 = t0 + Duration::minutes(16);
    assert_eq!(login_failures::recent(conn.conn(), email, t1 - window).await.expect("recent"), 0);
    login_failures::record(conn.conn(), email, t1, t1 - window).await.expect("record");
    assert_eq!(login_failures::recent(conn.conn(), email, t1 - window).await.expect("recent"), 1);

    // A failure within the window adds to it rather than restarting it.
    let t2 = t1 + Duration::minutes(5);
    login_failures::record(conn.conn(), email, t2, t2 - window).await.expect("record");
    assert_eq!(login_failures::recent(conn.conn(), email, t2 - window).await.expect("recent"), 2);

    login_failures::clear(conn.conn(), email).await.expect("clear");
    assert_eq!(login_failures::recent(conn.conn(), email, t2 - window).await.expect("recent"), 0);
}
