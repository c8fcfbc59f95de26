//! Registration, verification, login throttling, password reset, API tokens.

use crate::{invalid_field, Env, BASE_URL, PASSWORD};
use tandem_app::auth::{self, api_tokens, Registration, LOGIN_FAILURE_LIMIT};
use tandem_app::AppError;
use tandem_core::account::Locale;
use tandem_testkit::{link_in, link_token};

fn registration(email: &str, password: &str) -> Registration {
    Registration { email: email.into(), display_name: "Chris Example".into(), password: password.into(), locale: Locale::En }
}

#[tokio::test]
async fn registration_mails_a_link_that_verifies_once() {
    let env = Env::new().await;
    let user = auth::register(&env.app, registration(" Chris@Example.ORG ", PASSWORD)).await.expect("register");
    assert!(!user.email_verified);
    assert_eq!(user.email.as_str(), "chris@example.org", "addresses are normalised");

    let mails = env.outbox_to("chris@example.org").await;
    assert_eq!(mails.len(), 1, "one verification mail");
    assert_eq!(mails[0].subject, "Confirm your email address for Tandem");
    let link = link_in(&mails[0].body_text, "/verify-email").expect("a verification link");
    assert!(link.starts_with(&format!("{BASE_URL}/verify-email?token=")), "{link}");
    let token = link_token(&mails[0].body_text, "/verify-email").expect("token");

    let verified = auth::verify_email(&env.app, &token).await.expect("verify");
    assert!(verified.email_verified);
    assert_eq!(verified.id, user.id);
    assert_eq!(invalid_field(auth::verify_email(&env.app, &token).await, "token"), "link_invalid", "a link works once");
    assert_eq!(invalid_field(auth::verify_email(&env.app, "made-up").await, "token"), "link_invalid");

    let again = auth::register(&env.app, registration("chris@example.org", PASSWORD)).await;
    assert_eq!(invalid_field(again, "email"), "email_taken");
}

#[tokio::test]
async fn registration_reports_every_problem() {
    let env = Env::new().await;
    let form = Registration { email: "not an address".into(), display_name: " ".into(), password: "short".into(), locale: Locale::De };
    match auth::register(&env.app, form).await {
        Err(AppError::Invalid(errors)) => {
            for field in ["email", "display_name", "password"] {
                assert!(errors.for_field(field).is_some(), "no error for {field}: {errors}");
            }
        }
        other => panic!("expected validation errors, got {other:?}"),
    }
    assert!(env.outbox_to("not an address").await.is_empty());
}

#[tokio::test]
async fn a_new_verification_link_replaces_the_old_one() {
    let env = Env::new().await;
    let user = auth::register(&env.app, registration("lena@example.org", PASSWORD)).await.expect("register");
    auth::resend_verification(&env.app, user.id).await.expect("resend");
    let mails = env.outbox_to("lena@example.org").await;
    assert_eq!(mails.len(), 2);
    let (newest, oldest) = (&mails[0].body_text, &mails[1].body_text);
    let old = link_token(oldest, "/verify-email").expect("old token");
    let new = link_token(newest, "/verify-email").expect("new token");
    assert_ne!(old, new);
    assert_eq!(invalid_field(auth::verify_email(&env.app, &old).await, "token"), "link_invalid", "the old link is dead");
    auth::verify_email(&env.app, &new).await.expect("the new link works");
    auth::resend_verification(&env.app, user.id).await.expect("resend to a verified user");
    assert_eq!(env.outbox_to("lena@example.org").await.len(), 2, "verified users get no more links");
}

#[tokio::test]
async fn the_sixth_login_after_five_failures_is_refused_even_with_the_right_password() {
    let env = Env::new().await;
    env.user("sam@example.org", true).await;
    // A success resets the count.
    for _ in 0..LOGIN_FAILURE_LIMIT - 1 {
        assert_eq!(invalid_field(auth::login(&env.app, "sam@example.org", "wrong password!").await, "password"), "invalid_credentials");
    }
    auth::login(&env.app, "sam@example.org", PASSWORD).await.expect("right password");
    for _ in 0..LOGIN_FAILURE_LIMIT {
        assert_eq!(invalid_field(auth::login(&env.app, "SAM@example.org", "wrong password!").await, "password"), "invalid_credentials");
    }
    match auth::login(&env.app, "sam@example.org", PASSWORD).await {
        Err(AppError::RateLimited { retry_after_secs }) => assert!(retry_after_secs > 0),
        other => panic!("expected RateLimited, got {other:?}"),
    }
    // Other addresses are not affected.
    env.user("jordan@example.org", true).await;
    auth::login(&env.app, "jordan@example.org", PASSWORD).await.expect("another account logs in");
}

#[tokio::test]
async fn unknown_addresses_fail_like_wrong_passwords() {
    let env = Env::new().await;
    assert_eq!(invalid_field(auth::login(&env.app, "nobody@example.org", PASSWORD).await, "password"), "invalid_credentials");
    assert_eq!(invalid_field(auth::login(&env.app, "not an address", PASSWORD).await, "password"), "invalid_credentials");
}

#[tokio::test]
async fn password_reset_by_emailed_link() {
    let env = Env::new().await;
    let (user, _) = env.user("taylor@example.org", false).await;
    for _ in 0..LOGIN_FAILURE_LIMIT {
        let _ = auth::login(&env.app, "taylor@example.org", "forgotten it").await;
    }
    auth::request_password_reset(&env.app, "Taylor@example.org").await.expect("request");
    auth::request_password_reset(&env.app, "nobody@example.org").await.expect("unknown addresses get the same answer");
    assert!(env.outbox_to("nobody@example.org").await.is_empty());
    assert_eq!(invalid_field(auth::request_password_reset(&env.app, "nonsense").await, "email"), "invalid_email");

    let mails = env.outbox_to("taylor@example.org").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject, "Reset your Tandem password");
    let token = link_token(&mails[0].body_text, "/reset-password").expect("reset link");

    let short = auth::reset_password(&env.app, &token, "short").await;
    assert_eq!(invalid_field(short, "password"), "password_too_short");
    auth::reset_password(&env.app, &token, "a brand new passphrase").await.expect("reset (the link survived the bad password)");
    assert_eq!(
        invalid_field(auth::reset_password(&env.app, &token, "yet another passphrase").await, "token"),
        "link_invalid",
        "a reset link works once"
    );
    assert_eq!(invalid_field(auth::verify_email(&env.app, &token).await, "token"), "link_invalid", "not a verification link");

    let logged_in = auth::login(&env.app, "taylor@example.org", "a brand new passphrase").await.expect("new password, throttle cleared");
    assert_eq!(logged_in.id, user.id);
    assert!(logged_in.email_verified, "the reset link proved the address");
    assert_eq!(invalid_field(auth::login(&env.app, "taylor@example.org", PASSWORD).await, "password"), "invalid_credentials");
}

#[tokio::test]
async fn api_tokens_act_for_their_owner_until_revoked() {
    let env = Env::new().await;
    let (user, actor) = env.user("anna@example.org", true).await;
    let token = api_tokens::create(&env.app, &actor, "CI pipeline").await.expect("create");
    assert!(token.secret.starts_with(api_tokens::TOKEN_PREFIX));
    let (owner, _) = auth::actor_for_token(&env.app, &token.secret).await.expect("lookup").expect("valid token");
    assert_eq!(owner.id, user.id);
    assert!(auth::actor_for_token(&env.app, "tdm_not-a-token").await.expect("lookup").is_none());
    let listed = api_tokens::list(&env.app, &actor).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].last_used_at.is_some());

    let (_, other) = env.user("other@example.org", true).await;
    assert!(matches!(api_tokens::revoke(&env.app, &other, token.id).await, Err(AppError::NotFound)), "only the owner revokes");
    api_tokens::revoke(&env.app, &actor, token.id).await.expect("revoke");
    assert!(auth::actor_for_token(&env.app, &token.secret).await.expect("lookup").is_none());
    assert_eq!(invalid_field(api_tokens::create(&env.app, &actor, "  ").await, "name"), "required");
    assert!(matches!(
        api_tokens::create(&env.app, &tandem_core::policy::Actor::Anonymous, "x").await,
        Err(AppError::Denied(tandem_core::policy::Denied::LoginRequired))
    ));
}
