//! The outbox sender against a real SMTP server, a missing one, and no SMTP at all.

use crate::{Env, PASSWORD};
use std::time::Duration;
use tandem_app::auth::{self, Registration};
use tandem_app::mail::sender::Sender;
use tandem_core::account::Locale;
use tandem_testkit::{link_token, make_outbox_due, outbox_state, SmtpListener};

async fn register(env: &Env, email: &str, locale: Locale) {
    let form = Registration { email: email.into(), display_name: "Chris".into(), password: PASSWORD.into(), locale };
    auth::register(&env.app, form).await.expect("register");
}

#[tokio::test]
async fn mail_is_delivered_over_smtp() {
    let smtp = SmtpListener::start().await;
    let env = Env::with_smtp(Some(smtp.url())).await;
    register(&env, "chris@example.org", Locale::En).await;
    register(&env, "jonas@example.de", Locale::De).await;
    let sender = Sender::new(env.app.clone()).expect("sender");
    assert_eq!(sender.run_once().await.expect("send"), 2);

    let mails = smtp.wait_for(2, Duration::from_secs(10)).await;
    let chris = mails.iter().find(|m| m.to == ["chris@example.org"]).expect("mail to Chris");
    assert_eq!(chris.from, "noreply@tandem.test");
    assert_eq!(chris.subject().as_deref(), Some("Confirm your email address for Tandem"));
    assert!(chris.header("From").is_some_and(|f| f.contains("noreply@tandem.test")));
    let token = link_token(&chris.body(), "/verify-email").expect("the link survives transport");
    auth::verify_email(&env.app, &token).await.expect("the delivered link verifies");

    let jonas = mails.iter().find(|m| m.to == ["jonas@example.de"]).expect("mail to Jonas");
    assert!(jonas.body().contains("bestätigen"), "German text arrives intact: {}", jonas.body());

    let state = outbox_state(env.app.db()).await;
    assert!(state.iter().all(|m| m.sent_at.is_some() && m.attempts == 1 && m.last_error.is_none()), "{state:?}");
    assert_eq!(sender.run_once().await.expect("send"), 0, "nothing is sent twice");
    assert_eq!(smtp.messages().await.len(), 2);
}

#[tokio::test]
async fn mail_waits_while_the_server_is_down_and_is_delivered_when_it_is_back() {
    let port = SmtpListener::reserve_port();
    let env = Env::with_smtp(Some(SmtpListener::url_for(port))).await;
    register(&env, "chris@example.org", Locale::En).await;
    let sender = Sender::new(env.app.clone()).expect("sender");

    assert_eq!(sender.run_once().await.expect("round"), 0, "nothing listens yet");
    let state = outbox_state(env.app.db()).await;
    assert_eq!(state.len(), 1);
    let failed = &state[0];
    assert_eq!(failed.attempts, 1);
    assert!(failed.sent_at.is_none());
    assert!(failed.last_error.as_deref().is_some_and(|e| !e.is_empty()), "the error is recorded: {failed:?}");
    assert!(failed.next_attempt_at > chrono::Utc::now(), "the retry is scheduled in the future");
    assert!(failed.claimed_until.is_none(), "the claim is released");

    let smtp = SmtpListener::start_on(port).await;
    assert_eq!(sender.run_once().await.expect("round"), 0, "not due yet: the backoff is respected");
    assert_eq!(outbox_state(env.app.db()).await[0].attempts, 1);

    make_outbox_due(env.app.db()).await;
    assert_eq!(sender.run_once().await.expect("round"), 1);
    let mails = smtp.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(mails[0].to, ["chris@example.org"]);
    let state = outbox_state(env.app.db()).await;
    assert_eq!(state[0].attempts, 2);
    assert!(state[0].sent_at.is_some());
    assert_eq!(state[0].last_error, None);

    // The server going away again loses nothing either.
    smtp.stop();
    auth::request_password_reset(&env.app, "chris@example.org").await.expect("reset request");
    assert_eq!(sender.run_once().await.expect("round"), 0);
    let pending: Vec<_> = outbox_state(env.app.db()).await.into_iter().filter(|m| m.sent_at.is_none()).collect();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].subject, "Reset your Tandem password");
}

#[tokio::test]
async fn without_smtp_mail_is_written_to_eml_files() {
    let env = Env::new().await;
    register(&env, "taylor@example.org", Locale::En).await;
    let sender = Sender::new(env.app.clone()).expect("sender");
    assert_eq!(sender.run_once().await.expect("round"), 1);
    let dir = env.data.path().join("outbox");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("outbox directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let eml = std::fs::read_to_string(&files[0]).expect("read .eml");
    assert!(eml.contains("To: taylor@example.org"), "{eml}");
    assert!(eml.contains("Subject: Confirm your email address for Tandem"), "{eml}");
    assert!(outbox_state(env.app.db()).await[0].sent_at.is_some());
}
