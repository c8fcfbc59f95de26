//! The scheduled lifecycle job (issue 3, item 3): expiry notice 14 days before, expiry after 365
//! days, archiving two years after publication; idempotent when run twice or concurrently.

use crate::alerts::{insert_profile, published_at, TITLE};
use crate::{draft, Env};
use chrono::{DateTime, Duration, Utc};
use tandem_app::jobs;
use tandem_app::partnering::lifecycle_job::{self, JobReport};
use tandem_core::directory::OrgKind;
use tandem_core::partnering::ProfileState;
use tandem_core::ProfileId;
use tandem_store::profiles;

const OWNER: &str = "owner@schenker.example";

/// A Leipzig SME with a profile published at `published`.
async fn world(published: DateTime<Utc>) -> (Env, ProfileId) {
    let env = Env::new().await;
    let leipzig = env.city("Leipzig").await;
    let (org, _, _) = env.org(OWNER, &draft("Schenker Medizintechnik GmbH", OrgKind::Sme, leipzig)).await;
    let id = insert_profile(&env, org.id, TITLE, published_at(published)).await;
    (env, id)
}

async fn state(env: &Env, id: ProfileId) -> ProfileState {
    let mut conn = env.app.db().acquire().await.expect("acquire");
    profiles::get(conn.conn(), id).await.expect("get").expect("profile").lifecycle.state
}

async fn events_named(env: &Env, id: ProfileId, action: &str) -> usize {
    let mut conn = env.app.db().acquire().await.expect("acquire");
    profiles::events(conn.conn(), id).await.expect("events").iter().filter(|e| e.action == action).count()
}

#[tokio::test]
async fn notice_expiry_and_archiving_happen_once_each_at_their_time() {
    let t0 = Utc::now() - Duration::days(400);
    let (env, id) = world(t0).await;
    let app = &env.app;

    let early = lifecycle_job::run(app, t0 + Duration::days(300)).await.expect("job");
    assert_eq!(early, JobReport::default(), "nothing is due 300 days after publication");
    assert!(env.outbox_to(OWNER).await.is_empty());

    let notice_day = t0 + Duration::days(351);
    let first = lifecycle_job::run(app, notice_day).await.expect("job");
    assert_eq!(first, JobReport { notices: 1, expired: 0, archived: 0 });
    let second = lifecycle_job::run(app, notice_day).await.expect("job");
    assert_eq!(second, JobReport::default(), "running the job twice sends nothing more");
    let mail = env.outbox_to(OWNER).await;
    assert_eq!(mail.len(), 1, "one expiry notice");
    assert!(mail[0].subject.starts_with("Expires on") && mail[0].subject.contains(TITLE), "{}", mail[0].subject);
    assert_eq!(state(&env, id).await, ProfileState::Published);

    let expired = lifecycle_job::run(app, t0 + Duration::days(365) + Duration::minutes(1)).await.expect("job");
    assert_eq!(expired, JobReport { notices: 0, expired: 1, archived: 0 });
    assert_eq!(state(&env, id).await, ProfileState::Expired);
    assert_eq!(lifecycle_job::run(app, t0 + Duration::days(366)).await.expect("job"), JobReport::default());

    let archived = lifecycle_job::run(app, t0 + Duration::days(730) + Duration::minutes(1)).await.expect("job");
    assert_eq!(archived, JobReport { notices: 0, expired: 0, archived: 1 });
    assert_eq!(state(&env, id).await, ProfileState::Archived);
    assert_eq!((events_named(&env, id, "expiry_notice").await, events_named(&env, id, "expire").await), (1, 1));
    assert_eq!(events_named(&env, id, "archive").await, 1);
    assert_eq!(env.outbox_to(OWNER).await.len(), 1, "expiring and archiving send no further email");
}

#[tokio::test]
async fn concurrent_runs_notify_and_expire_once() {
    let t0 = Utc::now() - Duration::days(400);
    let (env, id) = world(t0).await;
    let app = &env.app;

    let notice_day = t0 + Duration::days(351);
    let (a, b) = tokio::join!(lifecycle_job::run(app, notice_day), lifecycle_job::run(app, notice_day));
    let (a, b) = (a.expect("first run"), b.expect("second run"));
    assert_eq!(a.notices + b.notices, 1, "{a:?} {b:?}");
    assert_eq!(env.outbox_to(OWNER).await.len(), 1, "one notice email");

    let expiry = t0 + Duration::days(365) + Duration::hours(1);
    let (a, b) = tokio::join!(lifecycle_job::run(app, expiry), lifecycle_job::run(app, expiry));
    let (a, b) = (a.expect("first run"), b.expect("second run"));
    assert_eq!(a.expired + b.expired, 1, "{a:?} {b:?}");
    assert_eq!(state(&env, id).await, ProfileState::Expired);
    assert_eq!(events_named(&env, id, "expire").await, 1, "exactly one expire event");
    assert_eq!(events_named(&env, id, "expiry_notice").await, 1);
    assert_eq!(env.outbox_to(OWNER).await.len(), 1, "still one notice email");
}

#[tokio::test]
async fn the_combined_runner_runs_both_jobs() {
    let t0 = Utc::now() - Duration::days(351);
    let (env, _) = world(t0).await;
    let report = jobs::run_due(&env.app, Utc::now()).await;
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.lifecycle.notices, 1);
    assert_eq!(report.alerts.sent, 0);
    let text = report.to_string();
    assert!(text.contains("1 expiry notices") && text.contains("search alerts: 0 sent"), "{text}");
    let again = jobs::run_due(&env.app, Utc::now()).await;
    assert_eq!(again.lifecycle, JobReport::default());
}
