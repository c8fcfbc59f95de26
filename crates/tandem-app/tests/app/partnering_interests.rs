//! Expressions of interest, introductions and partnership agreements (issue 3, items 5–6): who
//! may do what, the emails both sides get, conditional decisions, evidence files, statistics.

use crate::{draft, invalid_field, Env};
use chrono::{Duration, Utc};
use tandem_app::partnering::{agreements, interests};
use tandem_app::AppError;
use tandem_core::account::{Locale, OrgRole, User};
use tandem_core::directory::{OrgKind, Person};
use tandem_core::partnering::agreement::{AgreementDraft, AgreementState, AgreementType, EVIDENCE_MAX_BYTES};
use tandem_core::partnering::interest::{InterestAnswers, InterestState};
use tandem_core::partnering::ProfileType;
use tandem_core::policy::{Actor, Denied};
use tandem_core::{OrgId, PersonId, ProfileId};
use tandem_store::Db;

const PROFILE_TITLE: &str = "VR training simulator for surgical teams";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A profile row written directly, as the profile use cases would leave a published one.
pub(crate) async fn insert_profile(env: &Env, owner: OrgId, support: Option<OrgId>, state: &str) -> ProfileId {
    let id = ProfileId::new();
    let sql = "INSERT INTO profiles (id, owner_org_id, support_org_id, profile_type, language, title, sdgs, \
         call_coordinator_required, state, published_at, expires_at, extended, expiry_notice_sent, search_text, version, \
         created_at, updated_at) VALUES ($1, $2, $3, 'TO', 'en', $4, '', FALSE, $5, $6, $7, FALSE, FALSE, '', 1, $6, $6)";
    let (now, expires) = (Utc::now(), Utc::now() + Duration::days(365));
    let published_at = (state == "published").then_some(now);
    let expires_at = (state == "published").then_some(expires);
    macro_rules! run {
        ($pool:expr) => {
            tandem_testkit::sqlx::query(sql)
                .bind(id.0)
                .bind(owner.0)
                .bind(support.map(|s| s.0))
                .bind(PROFILE_TITLE)
                .bind(state)
                .bind(published_at.unwrap_or(now))
                .bind(expires_at)
                .execute($pool)
                .await
                .map(drop)
        };
    }
    match env.app.db() {
        Db::Sqlite(pool) => run!(pool),
        Db::Postgres(pool) => run!(pool),
    }
    .expect("insert profile");
    id
}

async fn add_person(env: &Env, org: OrgId, name: &str, job: &str, email: &str) {
    let mut conn = env.app.db().acquire().await.expect("acquire");
    let person =
        Person { id: PersonId::new(), org_id: org, name: name.into(), job_title: Some(job.into()), email: Some(email.into()) };
    tandem_store::people::insert(conn.conn(), &person, Utc::now()).await.expect("person");
}

async fn set_german(env: &Env, user: &User) {
    let mut conn = env.app.db().acquire().await.expect("acquire");
    tandem_store::users::set_locale(conn.conn(), user.id, Locale::De, Utc::now()).await.expect("locale");
}

/// Leipzig's BioCity manages a published technology offer of Schenker (Leipzig); Daden
/// (Birmingham) is interested; Holosphere and a Birmingham incubator have nothing to do with it.
struct World {
    env: Env,
    biocity: OrgId,
    broker: Actor,
    owner_org: OrgId,
    owner: Actor,
    daden: OrgId,
    daden_staff: Actor,
    outsider: Actor,
    other_broker: Actor,
    profile: ProfileId,
}

async fn world() -> World {
    let env = Env::new().await;
    let (leipzig, birmingham) = (env.city("Leipzig").await, env.city("Birmingham").await);
    let (biocity, broker_user, broker) =
        env.org("broker@biocity.example", &draft("BioCity Leipzig", OrgKind::Incubator, leipzig)).await;
    set_german(&env, &broker_user).await;
    let mut owner_draft = draft("Schenker Medizintechnik GmbH", OrgKind::Sme, leipzig);
    owner_draft.website = Some("https://schenker-medtech.example".into());
    let (owner_org, _, owner) = env.org("owner@schenker.example", &owner_draft).await;
    add_person(&env, owner_org.id, "Petra Schenker", "Geschäftsführerin", "petra@schenker.example").await;
    let mut daden_draft = draft("Daden Ltd", OrgKind::Sme, birmingham);
    daden_draft.website = Some("https://www.daden.example".into());
    let (daden, _, daden_staff) = env.org("chris@daden.example", &daden_draft).await;
    add_person(&env, daden.id, "Chris Daden", "Managing Director", "md@daden.example").await;
    let (_, _, outsider) = env.org("sam@holosphere.example", &draft("Holosphere", OrgKind::Sme, birmingham)).await;
    let (_, _, other_broker) =
        env.org("pm@innovation-bham.example", &draft("Innovation Birmingham", OrgKind::Incubator, birmingham)).await;
    let profile = insert_profile(&env, owner_org.id, Some(biocity.id), "published").await;
    World { env, biocity: biocity.id, broker, owner_org: owner_org.id, owner, daden: daden.id, daden_staff, outsider, other_broker, profile }
}

fn answers() -> InterestAnswers {
    InterestAnswers {
        cooperation_sought: "A licence to distribute the simulator to NHS trusts".into(),
        missing_information: Some("Does it run on standalone headsets?".into()),
        who_we_are: "A Birmingham company building virtual humans for training".into(),
    }
}

fn agreement_draft(signed_on: &str) -> AgreementDraft {
    AgreementDraft { agreement_type: "technology_licensing".into(), signed_on: signed_on.into(), summary: Some("UK licence".into()) }
}

fn today() -> String {
    Utc::now().date_naive().format("%Y-%m-%d").to_string()
}

#[track_caller]
pub(crate) fn assert_denied<T: std::fmt::Debug>(result: Result<T, AppError>, expected: Denied) {
    match result {
        Err(AppError::Denied(d)) if d == expected => {}
        other => panic!("expected {expected:?}, got {other:?}"),
    }
}

#[tokio::test]
async fn an_introduction_sends_both_parties_each_others_contacts() {
    let w = world().await;
    let (app, env) = (&w.env.app, &w.env);
    let interest = interests::express(app, &w.daden_staff, w.profile, w.daden, &answers()).await.expect("express");
    assert_eq!((interest.state, interest.from_org_id), (InterestState::Submitted, w.daden));
    let to_broker = env.outbox_to("broker@biocity.example").await;
    assert_eq!(to_broker.len(), 1, "the support organisation's staff hear of it");
    assert!(to_broker[0].subject.starts_with("Neue Interessensbekundung"), "in the broker's language: {}", to_broker[0].subject);
    assert!(to_broker[0].body_text.contains("Daden Ltd") && to_broker[0].body_text.contains(PROFILE_TITLE), "{}", to_broker[0].body_text);
    assert!(env.outbox_to("owner@schenker.example").await.is_empty(), "no contacts before the introduction");

    let again = interests::express(app, &w.daden_staff, w.profile, w.daden, &answers()).await;
    assert_eq!(invalid_field(again, "profile"), "interest_open");

    let sent = interests::sent_by_org(app, &w.daden_staff, w.daden).await.expect("sent");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].owner_name, None, "the owner stays anonymous until the introduction");
    assert_eq!((sent[0].owner_city.as_str(), sent[0].profile_type), ("Leipzig", Some(ProfileType::TechnologyOffer)));

    assert_denied(interests::introduce(app, &w.outsider, interest.id).await, Denied::Forbidden);
    assert_denied(interests::introduce(app, &w.daden_staff, interest.id).await, Denied::Forbidden);
    assert_denied(interests::introduce(app, &w.other_broker, interest.id).await, Denied::Forbidden);
    assert_denied(interests::introduce(app, &Actor::Anonymous, interest.id).await, Denied::LoginRequired);

    let introduced = interests::introduce(app, &w.broker, interest.id).await.expect("introduce");
    assert_eq!(introduced.state, InterestState::Introduced);
    assert!(introduced.decided_at.is_some() && introduced.decided_by.is_some());

    let to_owner = env.outbox_to("owner@schenker.example").await;
    assert_eq!(to_owner.len(), 1);
    for needle in ["Daden Ltd", "Birmingham", "https://www.daden.example", "Chris Daden", "md@daden.example", "chris@daden.example"] {
        assert!(to_owner[0].body_text.contains(needle), "the owner learns {needle}:\n{}", to_owner[0].body_text);
    }
    let to_daden = env.outbox_to("chris@daden.example").await;
    assert_eq!(to_daden.len(), 1);
    for needle in ["Schenker Medizintechnik GmbH", "Leipzig", "https://schenker-medtech.example", "petra@schenker.example", "owner@schenker.example"] {
        assert!(to_daden[0].body_text.contains(needle), "the interested side learns {needle}:\n{}", to_daden[0].body_text);
    }

    let sent = interests::sent_by_org(app, &w.daden_staff, w.daden).await.expect("sent");
    assert_eq!(sent[0].owner_name.as_deref(), Some("Schenker Medizintechnik GmbH"), "known after the introduction");
    let on_profile = interests::for_profile(app, &w.owner, w.profile).await.expect("owner's view");
    assert_eq!(on_profile.len(), 1);
    let steps: Vec<InterestState> = on_profile[0].timeline().iter().map(|s| s.state).collect();
    assert_eq!(steps, [InterestState::Submitted, InterestState::Introduced]);
    assert_denied(interests::for_profile(app, &w.outsider, w.profile).await, Denied::Forbidden);
    assert_denied(interests::sent_by_org(app, &w.outsider, w.daden).await, Denied::Forbidden);

    let pipeline = interests::pipeline(app, &w.broker).await.expect("pipeline");
    assert_eq!(pipeline.iter().map(|v| (v.interest.id, v.from_org_name.as_str())).collect::<Vec<_>>(), [(interest.id, "Daden Ltd")]);
    assert!(interests::pipeline(app, &w.other_broker).await.expect("other pipeline").is_empty(), "managed by BioCity only");
    assert_denied(interests::pipeline(app, &w.outsider).await, Denied::Forbidden);

    assert!(matches!(interests::introduce(app, &w.broker, interest.id).await, Err(AppError::Conflict)), "decided once");
    assert!(matches!(interests::withdraw(app, &w.daden_staff, interest.id).await, Err(AppError::Conflict)));
}

#[tokio::test]
async fn a_decline_needs_a_reason_and_keeps_the_owner_anonymous() {
    let w = world().await;
    let (app, env) = (&w.env.app, &w.env);
    let interest = interests::express(app, &w.daden_staff, w.profile, w.daden, &answers()).await.expect("express");
    assert_eq!(invalid_field(interests::decline(app, &w.broker, interest.id, "   ").await, "reason"), "required");
    assert_denied(interests::decline(app, &w.outsider, interest.id, "no").await, Denied::Forbidden);

    let reason = "The owner is looking for a partner with a CE-marked product.";
    let declined = interests::decline(app, &w.broker, interest.id, reason).await.expect("decline");
    assert_eq!((declined.state, declined.decline_reason.as_deref()), (InterestState::Declined, Some(reason)));
    let mail = env.outbox_to("chris@daden.example").await;
    assert_eq!(mail.len(), 1);
    assert!(mail[0].body_text.contains(reason) && mail[0].body_text.contains(PROFILE_TITLE), "{}", mail[0].body_text);
    assert!(!mail[0].body_text.contains("Schenker") && !mail[0].subject.contains("Schenker"), "no owner identity: {}", mail[0].body_text);
    assert!(env.outbox_to("owner@schenker.example").await.is_empty());
    let sent = interests::sent_by_org(app, &w.daden_staff, w.daden).await.expect("sent");
    assert_eq!(sent[0].owner_name, None, "still anonymous after a decline");
    assert_eq!(sent[0].interest.decline_reason.as_deref(), Some(reason));

    let again = interests::express(app, &w.daden_staff, w.profile, w.daden, &answers()).await.expect("a decided interest is not open");
    assert_denied(interests::withdraw(app, &w.outsider, again.id).await, Denied::Forbidden);
    let withdrawn = interests::withdraw(app, &w.daden_staff, again.id).await.expect("withdraw");
    assert_eq!(withdrawn.state, InterestState::Withdrawn);
}

#[tokio::test]
async fn of_two_brokers_deciding_at_once_only_one_wins() {
    let w = world().await;
    let app = &w.env.app;
    let (pm_user, _) = w.env.user("pm@biocity.example", true).await;
    w.env.grant(&pm_user, w.biocity, OrgRole::ProgrammeManager).await;
    let pm = w.env.actor(&pm_user).await;
    let interest = interests::express(app, &w.daden_staff, w.profile, w.daden, &answers()).await.expect("express");
    let (a, b) = tokio::join!(
        interests::introduce(app, &w.broker, interest.id),
        interests::decline(app, &pm, interest.id, "Not a fit for the owner.")
    );
    let wins = [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count();
    assert_eq!(wins, 1, "exactly one decision: {a:?} / {b:?}");
    let loser = if a.is_ok() { b.map(drop) } else { a.map(drop) };
    assert!(matches!(loser, Err(AppError::Conflict)), "{loser:?}");
}

#[tokio::test]
async fn interest_is_refused_to_anonymous_users_and_for_unpublished_or_own_profiles() {
    let w = world().await;
    let app = &w.env.app;
    assert_denied(interests::express(app, &Actor::Anonymous, w.profile, w.daden, &answers()).await, Denied::LoginRequired);
    assert_denied(interests::express(app, &w.outsider, w.profile, w.daden, &answers()).await, Denied::Forbidden);
    let draft_profile = insert_profile(&w.env, w.owner_org, Some(w.biocity), "draft").await;
    assert_eq!(invalid_field(interests::express(app, &w.daden_staff, draft_profile, w.daden, &answers()).await, "profile"), "not_published");
    assert_eq!(invalid_field(interests::express(app, &w.owner, w.profile, w.owner_org, &answers()).await, "profile"), "own_profile");
    let blank = InterestAnswers { cooperation_sought: " ".into(), ..answers() };
    assert_eq!(invalid_field(interests::express(app, &w.daden_staff, w.profile, w.daden, &blank).await, "cooperation_sought"), "required");
    assert!(matches!(interests::express(app, &w.daden_staff, ProfileId::new(), w.daden, &answers()).await, Err(AppError::NotFound)));

    // Support staff may express interest on a client's behalf; an unassigned profile's interest
    // reaches nobody by email but waits in every support organisation's pipeline.
    let unassigned = insert_profile(&w.env, w.owner_org, None, "published").await;
    let on_behalf = interests::express(app, &w.other_broker, unassigned, w.daden, &answers()).await.expect("on behalf");
    assert!(w.env.outbox_to("broker@biocity.example").await.is_empty());
    let pipeline = interests::pipeline(app, &w.broker).await.expect("pipeline");
    assert_eq!(pipeline.iter().map(|v| v.interest.id).collect::<Vec<_>>(), [on_behalf.id]);
}

/// An introduced interest of Daden in the profile.
async fn introduced(w: &World) -> tandem_core::InterestId {
    let interest = interests::express(&w.env.app, &w.daden_staff, w.profile, w.daden, &answers()).await.expect("express");
    interests::introduce(&w.env.app, &w.broker, interest.id).await.expect("introduce");
    interest.id
}

#[tokio::test]
async fn agreements_are_recorded_confirmed_and_only_confirmed_ones_count() {
    let w = world().await;
    let app = &w.env.app;
    let pending = interests::express(app, &w.daden_staff, w.profile, w.daden, &answers()).await.expect("express");
    let wrong = agreements::record(app, &w.daden_staff, w.profile, w.daden, Some(pending.id), &agreement_draft(&today())).await;
    assert_eq!(invalid_field(wrong, "interest_id"), "not_introduced");
    interests::introduce(app, &w.broker, pending.id).await.expect("introduce");
    let interest = pending.id;

    assert_denied(agreements::record(app, &w.outsider, w.profile, w.daden, None, &agreement_draft(&today())).await, Denied::Forbidden);
    assert_denied(agreements::record(app, &Actor::Anonymous, w.profile, w.daden, None, &agreement_draft(&today())).await, Denied::LoginRequired);
    let own = agreements::record(app, &w.owner, w.profile, w.owner_org, None, &agreement_draft(&today())).await;
    assert_eq!(invalid_field(own, "partner_org"), "same_as_owner");
    let tomorrow = (Utc::now().date_naive() + Duration::days(1)).format("%Y-%m-%d").to_string();
    let future = agreements::record(app, &w.daden_staff, w.profile, w.daden, Some(interest), &agreement_draft(&tomorrow)).await;
    assert_eq!(invalid_field(future, "signed_on"), "in_future");

    let before = w.env.outbox_to("broker@biocity.example").await.len();
    let licence = agreements::record(app, &w.daden_staff, w.profile, w.daden, Some(interest), &agreement_draft(&today())).await.expect("record");
    assert_eq!((licence.state, licence.owner_org_id, licence.partner_org_id), (AgreementState::Recorded, w.owner_org, w.daden));
    let to_broker = w.env.outbox_to("broker@biocity.example").await;
    assert_eq!(to_broker.len(), before + 1);
    assert!(to_broker[0].subject.starts_with("Vereinbarung zu bestätigen"), "{}", to_broker[0].subject);
    let jv = AgreementDraft { agreement_type: "joint_venture".into(), ..agreement_draft(&today()) };
    let unconfirmed = agreements::record(app, &w.owner, w.profile, w.daden, None, &jv).await.expect("owner records");
    let rejected = agreements::record(app, &w.broker, w.profile, w.daden, None, &jv).await.expect("broker records");

    let stats = agreements::statistics(app).await.expect("statistics");
    assert_eq!((stats.agreements_total, stats.introductions), (0, 1), "recorded agreements do not count yet");
    assert_eq!(stats.published_profiles.len(), 1);
    assert_eq!((stats.published_profiles[0].city.as_str(), stats.published_profiles[0].count), ("Leipzig", 1));

    assert_denied(agreements::confirm(app, &w.other_broker, licence.id).await, Denied::Forbidden);
    assert_denied(agreements::confirm(app, &w.daden_staff, licence.id).await, Denied::Forbidden);
    // One agreement is shown to its parties and brokers only; only brokers may decide it.
    let (seen, can_decide) = agreements::view(app, &w.daden_staff, licence.id).await.expect("the partner sees it");
    assert_eq!((seen.agreement.id, can_decide), (licence.id, false));
    assert!(agreements::view(app, &w.broker, licence.id).await.expect("the broker sees it").1);
    assert!(matches!(agreements::view(app, &w.outsider, licence.id).await, Err(AppError::NotFound)));
    let confirmed = agreements::confirm(app, &w.broker, licence.id).await.expect("confirm");
    assert_eq!(confirmed.state, AgreementState::Confirmed);
    assert!(matches!(agreements::reject(app, &w.broker, licence.id).await, Err(AppError::Conflict)), "decided once");
    assert_eq!(agreements::reject(app, &w.broker, rejected.id).await.expect("reject").state, AgreementState::Rejected);

    let stats = agreements::statistics(app).await.expect("statistics");
    assert_eq!(stats.agreements_total, 1);
    assert_eq!(stats.agreements_by_type.len(), 1);
    assert_eq!((stats.agreements_by_type[0].agreement_type, stats.agreements_by_type[0].count), (AgreementType::TechnologyLicensing, 1));
    assert_eq!(
        stats.agreements_by_cities.iter().map(|c| (c.owner_city.as_str(), c.partner_city.as_str(), c.count)).collect::<Vec<_>>(),
        [("Leipzig", "Birmingham", 1)]
    );
    let views = agreements::for_org(app, &w.daden_staff, w.daden).await.expect("for org");
    assert_eq!(views.len(), 3);
    assert!(views.iter().any(|v| v.agreement.id == unconfirmed.id && v.agreement.state == AgreementState::Recorded));
    assert_denied(agreements::for_org(app, &w.outsider, w.daden).await, Denied::Forbidden);
    assert_eq!(agreements::for_profile(app, &w.owner, w.profile).await.expect("owner").len(), 3);
    assert_denied(agreements::for_profile(app, &w.outsider, w.profile).await, Denied::Forbidden);
}

#[tokio::test]
async fn evidence_is_checked_by_content_and_served_to_the_parties_only() {
    let w = world().await;
    let app = &w.env.app;
    let interest = introduced(&w).await;
    let agreement = agreements::record(app, &w.daden_staff, w.profile, w.daden, Some(interest), &agreement_draft(&today()))
        .await
        .expect("record");

    let file = agreements::attach_evidence(app, &w.daden_staff, agreement.id, "../../Signed\u{0}/licence.pdf", PDF.to_vec())
        .await
        .expect("a PDF is accepted");
    assert_eq!((file.file_name.as_str(), file.media_type.as_str(), file.size), ("licence.pdf", "application/pdf", PDF.len() as i64));
    assert_eq!(file.sha256.len(), 64);
    assert!(file.sha256.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));

    let exe = agreements::attach_evidence(app, &w.daden_staff, agreement.id, "contract.pdf", b"MZ\x90\x00\x03\x00\x00\x00".to_vec()).await;
    assert_eq!(invalid_field(exe, "evidence"), "file_type");
    let mut big = PDF.to_vec();
    big.resize(EVIDENCE_MAX_BYTES + 1, b' ');
    assert_eq!(invalid_field(agreements::attach_evidence(app, &w.owner, agreement.id, "big.pdf", big).await, "evidence"), "file_too_large");
    assert_denied(agreements::attach_evidence(app, &w.outsider, agreement.id, "x.pdf", PDF.to_vec()).await, Denied::Forbidden);

    for (who, actor) in [("owner", &w.owner), ("partner", &w.daden_staff), ("broker", &w.broker)] {
        let (meta, bytes) = agreements::evidence_content(app, actor, file.id).await.unwrap_or_else(|e| panic!("{who}: {e:?}"));
        assert_eq!((meta, bytes.as_slice()), (file.clone(), PDF), "{who} downloads it");
    }
    assert_denied(agreements::evidence_content(app, &w.outsider, file.id).await, Denied::Forbidden);
    assert_denied(agreements::evidence_content(app, &w.other_broker, file.id).await, Denied::Forbidden);
    assert_denied(agreements::evidence_content(app, &Actor::Anonymous, file.id).await, Denied::LoginRequired);
    assert!(matches!(agreements::evidence_content(app, &w.owner, tandem_core::EvidenceId::new()).await, Err(AppError::NotFound)));

    let views = agreements::for_profile(app, &w.daden_staff, w.profile).await.expect("partner's view");
    assert_eq!(views.len(), 1);
    assert_eq!(views[0].evidence, vec![file]);
    assert_eq!((views[0].owner_name.as_str(), views[0].partner_name.as_str()), ("Schenker Medizintechnik GmbH", "Daden Ltd"));
}
