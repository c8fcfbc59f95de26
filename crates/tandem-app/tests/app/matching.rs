//! Matching through the use cases: cross-lingual recommendations with reasons, anonymity of
//! profile owners, existing partners never proposed as new, permissions, feedback, and freshness
//! across two app servers sharing one database.

use crate::{draft, Env, BASE_URL};
use tandem_app::matching::{self, FeedbackSubject, FeedbackTarget, Reason};
use tandem_app::partnering::{interests, profiles};
use tandem_app::{App, AppConfig, AppError};
use tandem_core::account::OrgRole;
use tandem_core::directory::{OrgKind, Organisation};
use tandem_core::partnering::interest::InterestAnswers;
use tandem_core::partnering::{Profile, ProfileDraft, ProfileLanguage};
use tandem_core::policy::{Actor, Denied};

/// A Birmingham SME with an English profile, a Leipzig SME with a German one, their support
/// organisations' staff, and an unrelated Birmingham SME.
struct World {
    env: Env,
    brum: Organisation,
    brum_admin: Actor,
    leipzig: Organisation,
    leipzig_admin: Actor,
    manager: Actor,
    reviewer: Actor,
    outsider: Actor,
}

async fn world() -> World {
    let env = Env::new().await;
    let (leipzig_city, brum_city) = (env.city("Leipzig").await, env.city("Birmingham").await);
    let (brum, _, brum_admin) = env.org("owner@medvr.test", &draft("MedVR Ltd", OrgKind::Sme, brum_city)).await;
    let (leipzig, _, leipzig_admin) = env.org("owner@klinik.test", &draft("Klinik Simulation GmbH", OrgKind::Sme, leipzig_city)).await;
    let (incubator, _, _) = env.org("admin@biocity.test", &draft("BioCity Leipzig", OrgKind::Incubator, leipzig_city)).await;
    let (manager_user, _) = env.user("manager@biocity.test", true).await;
    env.grant(&manager_user, incubator.id, OrgRole::ProgrammeManager).await;
    let manager = env.actor(&manager_user).await;
    let (_, _, reviewer) = env.org("admin@serendip.test", &draft("Serendip Incubator", OrgKind::Incubator, brum_city)).await;
    let (_, _, outsider) = env.org("admin@other.test", &draft("Moseley Media Ltd", OrgKind::Sme, brum_city)).await;
    World { env, brum, brum_admin, leipzig, leipzig_admin, manager, reviewer, outsider }
}

/// An English technology offer (also the meeting tests' VR offer).
pub fn english() -> ProfileDraft {
    ProfileDraft {
        profile_type: "TO".into(),
        language: "en".into(),
        title: "Virtual reality training for medical devices".into(),
        summary: Some("A Birmingham SME offers virtual reality simulators to train clinicians on medical devices.".into()),
        description: Some("Clinicians practise the use of infusion pumps and ventilators in virtual reality before touching a patient.".into()),
        partner_role: Some("A hospital or manufacturer of medical equipment to license the simulators.".into()),
        advantages: Some("Training without patients at risk and at a fraction of the cost of a simulation centre.".into()),
        stage_of_development: Some("field_tested".into()),
        ipr_status: Some("secret_know_how".into()),
        nace_codes: vec!["62.01".into()],
        partnership_types: vec!["licensing".into()],
        keywords_market: vec!["571020".into()],
        partner_sought: vec!["large_company".into()],
        target_countries: vec!["DE".into()],
        ..Default::default()
    }
}

/// A German technology request that fits it.
pub fn german() -> ProfileDraft {
    ProfileDraft {
        profile_type: "TR".into(),
        language: "de".into(),
        title: "VR-Trainingssimulationen für die Medizintechnik".into(),
        summary: Some("Ein Leipziger Unternehmen sucht VR-Simulationen für die Schulung an Medizinprodukten.".into()),
        description: Some("Wir suchen eine Lösung in virtueller Realität, mit der Pflegekräfte den Umgang mit medizinischen Geräten üben.".into()),
        partner_role: Some("Ein Technologieanbieter, der die Simulation an unsere Geräte anpasst.".into()),
        technical_specification: Some("Die Simulation muss auf handelsüblichen VR-Brillen laufen.".into()),
        stage_of_development: Some("field_tested".into()),
        ipr_status: Some("secret_know_how".into()),
        nace_codes: vec!["62.01".into()],
        partnership_types: vec!["technical_cooperation".into()],
        keywords_market: vec!["501010".into()],
        partner_sought: vec!["large_company".into()],
        target_countries: vec!["GB".into()],
        ..Default::default()
    }
}

/// Drafts, submits and approves a profile for `owner` through `app`.
async fn publish(app: &App, w: &World, owner: &Organisation, content: &ProfileDraft) -> Profile {
    let p = profiles::create(app, &w.manager, owner.id, None, content).await.expect("create");
    profiles::submit(app, &w.manager, p.id).await.expect("submit");
    profiles::approve(app, &w.reviewer, p.id, None).await.expect("approve")
}

#[tokio::test]
async fn a_german_request_finds_the_english_offer_with_shared_concepts() {
    let w = world().await;
    let en = publish(&w.env.app, &w, &w.brum, &english()).await;
    let de = publish(&w.env.app, &w, &w.leipzig, &german()).await;

    let found = matching::matching_profiles(&w.env.app, &Actor::Anonymous, de.id, 10).await.expect("matches");
    let hit = found.iter().find(|r| r.id == en.id).expect("the English offer is recommended");
    assert!(hit.score > 0.0);
    let concepts: Vec<String> = hit
        .reasons
        .iter()
        .filter_map(|r| match r {
            Reason::SharedConcepts { concepts } => Some(concepts.iter().map(|c| c.en.to_lowercase()).collect::<Vec<_>>()),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(!concepts.is_empty(), "no shared concepts in {:?}", hit.reasons);
    assert!(hit.reasons.iter().any(|r| matches!(r, Reason::Complementary { .. })), "TO answers TR: {:?}", hit.reasons);
    assert!(found.iter().all(|r| r.id != de.id), "a profile never matches itself");

    // And the other way round, and by free-text search in German.
    let back = matching::matching_profiles(&w.env.app, &Actor::Anonymous, en.id, 10).await.expect("matches");
    assert!(back.iter().any(|r| r.id == de.id));
    let search = matching::search_profiles(&w.env.app, &Actor::Anonymous, "Schulung mit virtueller Realität", Some(ProfileLanguage::De), 5)
        .await
        .expect("search");
    assert!(search.iter().any(|r| r.id == en.id), "a German search finds the English offer: {search:?}");
}

#[tokio::test]
async fn owners_stay_anonymous_except_to_their_own_people_and_support_staff() {
    let w = world().await;
    let en = publish(&w.env.app, &w, &w.brum, &english()).await;
    let de = publish(&w.env.app, &w, &w.leipzig, &german()).await;
    let name_seen_by = |actor: Actor| {
        let app = w.env.app.clone();
        async move {
            let found = matching::matching_profiles(&app, &actor, de.id, 10).await.expect("matches");
            found.into_iter().find(|r| r.id == en.id).expect("recommended").owner_name
        }
    };
    assert_eq!(name_seen_by(Actor::Anonymous).await, None);
    assert_eq!(name_seen_by(w.outsider.clone()).await, None);
    assert_eq!(name_seen_by(w.leipzig_admin.clone()).await, None, "the asking profile's owner is not introduced yet");
    assert_eq!(name_seen_by(w.brum_admin.clone()).await.as_deref(), Some("MedVR Ltd"));
    assert_eq!(name_seen_by(w.manager.clone()).await.as_deref(), Some("MedVR Ltd"));
}

#[tokio::test]
async fn drafts_are_matched_only_for_those_who_may_see_them() {
    let w = world().await;
    let draft = profiles::create(&w.env.app, &w.manager, w.leipzig.id, None, &german()).await.expect("create");
    let denied = matching::matching_profiles(&w.env.app, &w.outsider, draft.id, 10).await;
    assert!(matches!(denied, Err(AppError::NotFound)), "{denied:?}");
    matching::matching_profiles(&w.env.app, &w.leipzig_admin, draft.id, 10).await.expect("the owner may");
}

#[tokio::test]
async fn existing_partners_are_never_proposed_and_outsiders_may_not_ask() {
    let w = world().await;
    let ask = || matching::potential_partners(&w.env.app, &w.brum_admin, w.brum.id, 20);
    let before = ask().await.expect("partners");
    assert_eq!(before.partner_city.as_deref(), Some("Leipzig"));
    assert!(before.items.iter().all(|o| o.city.as_deref() == Some("Leipzig")), "{before:?}");
    assert!(before.items.iter().any(|o| o.id == Some(w.leipzig.id)), "a similar Leipzig SME is proposed: {before:?}");

    // An introduction makes them partners: no longer "new".
    let de = publish(&w.env.app, &w, &w.leipzig, &german()).await;
    let answers = InterestAnswers {
        cooperation_sought: "We build VR simulators for medical devices.".into(),
        missing_information: None,
        who_we_are: "MedVR Ltd, Birmingham.".into(),
    };
    let interest = interests::express(&w.env.app, &w.brum_admin, de.id, w.brum.id, &answers).await.expect("express");
    interests::introduce(&w.env.app, &w.manager, interest.id).await.expect("introduce");
    let after = ask().await.expect("partners");
    assert!(after.items.iter().all(|o| o.id != Some(w.leipzig.id)), "an existing partner is proposed: {after:?}");

    let denied = matching::potential_partners(&w.env.app, &w.outsider, w.brum.id, 20).await;
    assert!(matches!(denied, Err(AppError::Denied(Denied::Forbidden))), "{denied:?}");
    let anonymous = matching::potential_partners(&w.env.app, &Actor::Anonymous, w.brum.id, 20).await;
    assert!(matches!(anonymous, Err(AppError::Denied(Denied::LoginRequired))), "{anonymous:?}");
    // Support staff may ask.
    matching::potential_partners(&w.env.app, &w.manager, w.brum.id, 20).await.expect("support staff");
}

#[tokio::test]
async fn a_second_vote_replaces_the_first_and_shows_in_the_results() {
    let w = world().await;
    let en = publish(&w.env.app, &w, &w.brum, &english()).await;
    let de = publish(&w.env.app, &w, &w.leipzig, &german()).await;
    let vote = |up| matching::record_feedback(&w.env.app, &w.leipzig_admin, FeedbackSubject::Profile(de.id), FeedbackTarget::Profile(en.id), up);
    vote(true).await.expect("up");
    vote(false).await.expect("down");
    let found = matching::matching_profiles(&w.env.app, &w.leipzig_admin, de.id, 10).await.expect("matches");
    assert_eq!(found.iter().find(|r| r.id == en.id).and_then(|r| r.vote), Some(false));
    let others = matching::matching_profiles(&w.env.app, &w.outsider, de.id, 10).await.expect("matches");
    assert_eq!(others.iter().find(|r| r.id == en.id).and_then(|r| r.vote), None, "votes are per user");

    let anonymous =
        matching::record_feedback(&w.env.app, &Actor::Anonymous, FeedbackSubject::Profile(de.id), FeedbackTarget::Profile(en.id), true).await;
    assert!(matches!(anonymous, Err(AppError::Denied(Denied::LoginRequired))));
    let count = tandem_testkit::execute(w.env.app.db(), "UPDATE match_feedback SET up = up").await;
    assert_eq!(count, 1, "one row per user and recommendation");
}

#[tokio::test]
async fn a_second_server_sees_publications_and_withdrawals_on_its_next_query() {
    let w = world().await;
    let config = AppConfig {
        base_url: BASE_URL.into(),
        data_dir: w.env.data.path().to_path_buf(),
        smtp_url: None,
        mail_from: "Tandem <noreply@tandem.test>".into(),
    };
    let other = App::open(&w.env.db.url, config).await.expect("second server");
    let de = publish(&w.env.app, &w, &w.leipzig, &german()).await;
    // The second server builds its engine before the English profile exists.
    let first = matching::matching_profiles(&other, &Actor::Anonymous, de.id, 10).await.expect("matches");
    assert!(first.is_empty(), "{first:?}");

    let en = publish(&w.env.app, &w, &w.brum, &english()).await;
    let second = matching::matching_profiles(&other, &Actor::Anonymous, de.id, 10).await.expect("matches");
    assert!(second.iter().any(|r| r.id == en.id), "published on server 1, recommended by server 2");

    profiles::withdraw(&w.env.app, &w.manager, en.id).await.expect("withdraw");
    let third = matching::matching_profiles(&other, &Actor::Anonymous, de.id, 10).await.expect("matches");
    assert!(third.iter().all(|r| r.id != en.id), "withdrawn on server 1, gone on server 2");
    other.db().close().await;
}

#[tokio::test]
async fn batch_questions_name_organisations_by_key_and_refuse_unknown_ones() {
    let w = world().await;
    let found = matching::recommend_partners_by_key(&w.env.app, &w.brum.id.to_string(), Some("de"), 10).await.expect("by id");
    assert!(found.iter().any(|m| m.key == w.leipzig.id.to_string()), "{found:?}");
    let unknown = matching::recommend_partners_by_key(&w.env.app, "no-such-org", None, 10).await;
    assert!(matches!(unknown, Err(AppError::Invalid(_))), "{unknown:?}");
    let en = publish(&w.env.app, &w, &w.brum, &english()).await;
    let hits = matching::search_profile_keys(&w.env.app, "VR-Simulation Medizintechnik", None, 3).await.expect("search");
    assert_eq!(hits.first().map(|h| h.key.clone()), Some(en.id.to_string()));
}
