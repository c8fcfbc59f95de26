//! Saved searches and their alert digests (issue 3, item 8): saving, the digest in the owner's
//! language, its window, concurrent runs, weekly searches and the unsubscribe link.

use crate::{draft, invalid_field, Env, BASE_URL};
use chrono::{DateTime, Duration, SubsecRound as _, Utc};
use tandem_app::partnering::alerts::{self, DigestReport, MAX_PER_USER};
use tandem_app::partnering::market::MarketQuery;
use tandem_app::AppError;
use tandem_core::account::{Locale, User};
use tandem_core::directory::OrgKind;
use tandem_core::partnering::{Lifecycle, ProfileDraft, ProfileState};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{OrgId, ProfileId};
use tandem_store::profiles::{self, NewProfile};
use tandem_store::saved_searches;

pub const TITLE: &str = "VR training simulator for surgical teams";

/// Stores a profile of `owner` with `lifecycle` as the profile use cases would leave it.
pub async fn insert_profile(env: &Env, owner: OrgId, title: &str, lifecycle: Lifecycle) -> ProfileId {
    let draft = ProfileDraft {
        profile_type: "TO".into(),
        language: "en".into(),
        title: title.into(),
        summary: Some("Immersive training for operating-theatre teams, ready for clinical pilots.".into()),
        ..ProfileDraft::default()
    };
    insert_draft(env, owner, &draft, lifecycle).await
}

/// Stores `draft` as a profile of `owner` with `lifecycle`.
pub async fn insert_draft(env: &Env, owner: OrgId, draft: &ProfileDraft, lifecycle: Lifecycle) -> ProfileId {
    let content = draft.validate(env.app.keywords()).expect("valid profile");
    let search_text = tandem_app::partnering::profiles::search_text(&env.app, &content);
    let new = NewProfile {
        id: ProfileId::new(),
        external_id: None,
        owner,
        support: None,
        content: &content,
        lifecycle,
        search_text: &search_text,
        created_by: None,
    };
    let mut tx = env.app.db().begin().await.expect("begin");
    let profile = profiles::insert(tx.conn(), &new, Utc::now()).await.expect("insert profile");
    tx.commit().await.expect("commit");
    profile.id
}

/// A lifecycle published at `at` for the usual 365 days.
pub fn published_at(at: DateTime<Utc>) -> Lifecycle {
    Lifecycle { state: ProfileState::Published, published_at: Some(at), expires_at: Some(at + Duration::days(365)), extended: false }
}

/// A Leipzig SME that owns profiles.
async fn owner(env: &Env) -> OrgId {
    let leipzig = env.city("Leipzig").await;
    let (org, _, _) = env.org("owner@schenker.example", &draft("Schenker Medizintechnik GmbH", OrgKind::Sme, leipzig)).await;
    org.id
}

async fn set_german(env: &Env, user: &User) {
    let mut conn = env.app.db().acquire().await.expect("acquire");
    tandem_store::users::set_locale(conn.conn(), user.id, Locale::De, Utc::now()).await.expect("locale");
}

fn query(q: &str) -> MarketQuery {
    MarketQuery { q: q.into(), ..MarketQuery::default() }
}

/// A moment safely after everything done so far, plus `days`.
fn later(days: i64) -> DateTime<Utc> {
    Utc::now() + Duration::days(days) + Duration::minutes(1)
}

#[tokio::test]
async fn a_new_matching_profile_is_emailed_once_in_the_users_language() {
    let env = Env::new().await;
    let owner = owner(&env).await;
    let (anna, anna_actor) = env.user("anna@daden.example", true).await;
    set_german(&env, &anna).await;
    let (_, bob) = env.user("bob@holosphere.example", true).await;
    let search = alerts::save(&env.app, &anna_actor, "VR-Simulatoren", &query("simulator"), "daily").await.expect("save");
    alerts::save(&env.app, &bob, "Breweries", &query("brewery"), "daily").await.expect("save");
    // Published before the search was saved: never alerted.
    let old = insert_profile(&env, owner, "Surgical simulator from last year", published_at(Utc::now() - Duration::days(3))).await;
    let profile = insert_profile(&env, owner, TITLE, published_at(Utc::now())).await;

    let report = alerts::run_digest(&env.app, later(1)).await.expect("digest");
    assert_eq!(report, DigestReport { sent: 1, skipped: 1, failed: 0 });
    let mail = env.outbox_to("anna@daden.example").await;
    assert_eq!(mail.len(), 1);
    let (subject, body) = (&mail[0].subject, &mail[0].body_text);
    assert!(subject.contains("1 neues Kooperationsprofil") && subject.contains("VR-Simulatoren"), "{subject}");
    assert!(body.contains("Hallo anna") && body.contains(TITLE), "{body}");
    assert!(body.contains("Technologieangebot · Leipzig"), "{body}");
    assert!(body.contains(&format!("{BASE_URL}/profiles/{profile}")), "{body}");
    assert!(!body.contains(&old.to_string()), "an older profile was listed: {body}");
    assert!(body.contains(&format!("{BASE_URL}/marketplace?q=simulator")), "{body}");
    assert!(body.contains(&format!("{BASE_URL}/searches/unsubscribe/{}", search.unsubscribe_token)), "{body}");
    assert!(!body.contains("Schenker"), "alerts are anonymous: {body}");
    assert!(env.outbox_to("bob@holosphere.example").await.is_empty(), "a search that does not match gets no email");

    let again = alerts::run_digest(&env.app, later(1)).await.expect("digest");
    assert_eq!(again, DigestReport::default(), "nothing is due right after a digest");
    let next_day = alerts::run_digest(&env.app, later(2) + Duration::minutes(5)).await.expect("digest");
    assert_eq!(next_day, DigestReport { sent: 0, skipped: 2, failed: 0 }, "nothing new the next day");
    assert_eq!(env.outbox_to("anna@daden.example").await.len(), 1);
}

#[tokio::test]
async fn two_concurrent_digests_send_one_email() {
    let env = Env::new().await;
    let owner = owner(&env).await;
    let (_, anna) = env.user("anna@daden.example", true).await;
    alerts::save(&env.app, &anna, "Simulators", &query("simulator"), "daily").await.expect("save");
    insert_profile(&env, owner, TITLE, published_at(Utc::now())).await;
    let now = later(1);
    let (a, b) = tokio::join!(alerts::run_digest(&env.app, now), alerts::run_digest(&env.app, now));
    let (a, b) = (a.expect("first run"), b.expect("second run"));
    assert_eq!(a.sent + b.sent, 1, "{a:?} {b:?}");
    assert_eq!(a.failed + b.failed, 0, "{a:?} {b:?}");
    let mail = env.outbox_to("anna@daden.example").await;
    assert_eq!(mail.len(), 1, "exactly one email");
    assert!(mail[0].subject.contains("1 new partnering profile for \"Simulators\""), "{}", mail[0].subject);
}

#[tokio::test]
async fn moving_the_window_is_conditional_on_the_value_read() {
    let env = Env::new().await;
    let (_, anna) = env.user("anna@daden.example", true).await;
    let search = alerts::save(&env.app, &anna, "Simulators", &query("simulator"), "daily").await.expect("save");
    let (first, second) = (later(1), later(1) + Duration::minutes(1));
    let mut tx = env.app.db().begin().await.expect("begin");
    assert!(saved_searches::mark_sent(tx.conn(), search.id, search.last_sent_at, first).await.expect("mark"));
    assert!(
        !saved_searches::mark_sent(tx.conn(), search.id, search.last_sent_at, second).await.expect("mark"),
        "a second run that read the old window loses"
    );
    tx.commit().await.expect("commit");
    let mut conn = env.app.db().acquire().await.expect("acquire");
    let stored = saved_searches::get(conn.conn(), search.id).await.expect("get").expect("still there");
    assert_eq!(stored.last_sent_at, first.trunc_subsecs(6));
    let due = saved_searches::due(conn.conn(), "daily", first).await.expect("due");
    assert_eq!(due.len(), 1, "due when the window ended at or before the limit");
    assert!(saved_searches::due(conn.conn(), "daily", first - Duration::seconds(1)).await.expect("due").is_empty());
    assert!(saved_searches::due(conn.conn(), "weekly", first).await.expect("due").is_empty());
}

#[tokio::test]
async fn weekly_searches_wait_a_week() {
    let env = Env::new().await;
    let owner = owner(&env).await;
    let (_, anna) = env.user("anna@daden.example", true).await;
    alerts::save(&env.app, &anna, "Weekly simulators", &query("simulator"), "weekly").await.expect("save");
    insert_profile(&env, owner, TITLE, published_at(Utc::now())).await;
    let after_a_day = alerts::run_digest(&env.app, later(1)).await.expect("digest");
    assert_eq!(after_a_day, DigestReport::default(), "a weekly search is not due after a day");
    assert!(env.outbox_to("anna@daden.example").await.is_empty());
    let after_a_week = alerts::run_digest(&env.app, later(7)).await.expect("digest");
    assert_eq!(after_a_week.sent, 1);
    assert_eq!(env.outbox_to("anna@daden.example").await.len(), 1);
}

#[tokio::test]
async fn unsubscribing_deletes_the_search_and_a_second_time_is_friendly() {
    let env = Env::new().await;
    let owner = owner(&env).await;
    let (_, anna) = env.user("anna@daden.example", true).await;
    let search = alerts::save(&env.app, &anna, "Simulators", &query("simulator"), "daily").await.expect("save");
    let token = search.unsubscribe_token.clone();
    assert_eq!(alerts::unsubscribe_preview(&env.app, &token).await.expect("preview").as_deref(), Some("Simulators"));
    assert_eq!(alerts::list(&env.app, &anna).await.expect("list").len(), 1, "looking at the link changes nothing");
    assert_eq!(alerts::unsubscribe(&env.app, &token).await.expect("unsubscribe").as_deref(), Some("Simulators"));
    assert!(alerts::list(&env.app, &anna).await.expect("list").is_empty());
    assert_eq!(alerts::unsubscribe(&env.app, &token).await.expect("second unsubscribe"), None);
    assert_eq!(alerts::unsubscribe(&env.app, "no-such-token").await.expect("unknown token"), None);
    assert_eq!(alerts::unsubscribe_preview(&env.app, &token).await.expect("preview"), None);

    insert_profile(&env, owner, TITLE, published_at(Utc::now())).await;
    let report = alerts::run_digest(&env.app, later(1)).await.expect("digest");
    assert_eq!(report, DigestReport::default());
    assert!(env.outbox_to("anna@daden.example").await.is_empty(), "no email after unsubscribing");
}

#[tokio::test]
async fn saving_is_checked_and_each_user_manages_only_their_own() {
    let env = Env::new().await;
    let (_, anna) = env.user("anna@daden.example", true).await;
    let (_, bob) = env.user("bob@holosphere.example", true).await;
    let (_, unverified) = env.user("new@example.org", false).await;
    let q = query("sensors");
    match alerts::save(&env.app, &Actor::Anonymous, "x", &q, "daily").await {
        Err(AppError::Denied(Denied::LoginRequired)) => {}
        other => panic!("expected LoginRequired, got {other:?}"),
    }
    match alerts::save(&env.app, &unverified, "x", &q, "daily").await {
        Err(AppError::Denied(Denied::EmailNotVerified)) => {}
        other => panic!("expected EmailNotVerified, got {other:?}"),
    }
    assert_eq!(invalid_field(alerts::save(&env.app, &anna, "  ", &q, "daily").await, "name"), "required");
    assert_eq!(invalid_field(alerts::save(&env.app, &anna, &"x".repeat(101), &q, "daily").await, "name"), "too_long");
    assert_eq!(invalid_field(alerts::save(&env.app, &anna, "Sensors", &q, "hourly").await, "frequency"), "invalid_choice");

    let saved = alerts::save(&env.app, &anna, "  Sensors ", &q, "weekly").await.expect("save");
    assert_eq!((saved.name.as_str(), saved.frequency.as_str()), ("Sensors", "weekly"));
    assert_eq!(alerts::query_of(&saved), q, "the query is stored as it was asked");
    assert!(matches!(alerts::delete(&env.app, &bob, saved.id).await, Err(AppError::NotFound)), "not someone else's");
    assert_eq!(alerts::list(&env.app, &bob).await.expect("list").len(), 0);
    alerts::delete(&env.app, &anna, saved.id).await.expect("delete own");
    assert!(alerts::list(&env.app, &anna).await.expect("list").is_empty());

    for i in 0..MAX_PER_USER {
        alerts::save(&env.app, &anna, &format!("Search {i}"), &q, "daily").await.expect("save within the limit");
    }
    assert_eq!(invalid_field(alerts::save(&env.app, &anna, "One too many", &q, "daily").await, "name"), "limit_reached");
}

/// A profile about VR training for medical technology, in German or English.
fn vr_training(profile_type: &str, german: bool, title: &str) -> ProfileDraft {
    let summary = if german {
        "VR-Trainingssimulationen für die Medizintechnik: virtuelle Realität, mit der OP-Teams die Bedienung neuer \
         Medizinprodukte üben, bevor sie sie am Patienten einsetzen."
    } else {
        "Virtual reality training simulations for medical devices: surgical teams practise using new medical devices \
         before they use them on patients."
    };
    ProfileDraft {
        profile_type: profile_type.into(),
        language: if german { "de" } else { "en" }.into(),
        title: title.into(),
        summary: Some(summary.into()),
        description: Some(summary.into()),
        keywords_technology: vec!["ict.software".into()],
        nace_codes: vec!["62.01".into()],
        ..ProfileDraft::default()
    }
}

#[tokio::test]
async fn digests_recommend_new_profiles_that_fit_the_recipients_own_profiles() {
    let env = Env::new().await;
    // A Leipzig SME with a published German request, whose German-speaking admin saved a search
    // that finds nothing new.
    let leipzig = env.city("Leipzig").await;
    let (org, admin, admin_actor) = env.org("owner@schenker.example", &draft("Schenker Medizintechnik GmbH", OrgKind::Sme, leipzig)).await;
    let schenker = org.id;
    set_german(&env, &admin).await;
    insert_draft(&env, schenker, &vr_training("TR", true, "VR-Trainingssimulationen für die Medizintechnik"), published_at(Utc::now() - Duration::days(10))).await;
    alerts::save(&env.app, &admin_actor, "Sensoren", &query("sensor"), "daily").await.expect("save");
    // Someone without an organisation, with the same search: nothing to recommend, no email.
    let (_, anna) = env.user("anna@daden.example", true).await;
    alerts::save(&env.app, &anna, "Sensors", &query("sensor"), "daily").await.expect("save");
    // A Birmingham SME publishes an English offer about the same thing.
    let birmingham = env.city("Birmingham").await;
    let (holo, _, _) = env.org("owner@holosphere.example", &draft("Holosphere VR Ltd", OrgKind::Sme, birmingham)).await;
    let offer_title = "Virtual reality training for medical devices";
    let offer = insert_draft(&env, holo.id, &vr_training("TO", false, offer_title), published_at(Utc::now())).await;

    let report = alerts::run_digest(&env.app, later(1)).await.expect("digest");
    assert_eq!(report, DigestReport { sent: 1, skipped: 1, failed: 0 }, "only the organisation's admin gets an email");
    assert!(env.outbox_to("anna@daden.example").await.is_empty());
    let mail = env.outbox_to(admin.email.as_str()).await;
    assert_eq!(mail.len(), 1);
    let (subject, body) = (&mail[0].subject, &mail[0].body_text);
    assert_eq!(subject, "Für Sie empfohlen: 1 neues Kooperationsprofil");
    assert!(body.contains("Für Sie empfohlen") && body.contains(offer_title), "{body}");
    assert!(body.contains("Technologieangebot · Birmingham"), "{body}");
    assert!(body.contains(&format!("{BASE_URL}/profiles/{offer}")), "{body}");
    let why = body.lines().find(|l| l.trim_start().starts_with("Warum: ")).unwrap_or_else(|| panic!("one line of reasons: {body}"));
    assert!(why.len() > "  Warum: ".len() + 3, "{why}");
    assert!(!body.contains("Holosphere"), "recommendations are anonymous: {body}");
    assert!(!body.contains("VR-Trainingssimulationen"), "never the recipient's own profile: {body}");

    // The next day nothing is new: no email.
    let next_day = alerts::run_digest(&env.app, later(2) + Duration::minutes(5)).await.expect("digest");
    assert_eq!(next_day.sent, 0);
    assert_eq!(env.outbox_to(admin.email.as_str()).await.len(), 1);
}
