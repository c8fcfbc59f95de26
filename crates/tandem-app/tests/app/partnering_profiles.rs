//! The profile lifecycle through the use cases: every transition allowed for the right people
//! from the right states, refused otherwise, recorded with who and when, and emailed.

use crate::{draft, invalid_field, Env};
use chrono::Duration;
use tandem_app::partnering::profiles;
use tandem_app::AppError;
use tandem_core::account::OrgRole;
use tandem_core::directory::{OrgKind, Organisation};
use tandem_core::partnering::{Profile, ProfileDraft, ProfileState};
use tandem_core::policy::{Actor, Denied};

/// A Leipzig SME, its support organisation with a programme manager, a reviewer at a Birmingham
/// incubator, and an unrelated Birmingham SME.
struct World {
    env: Env,
    sme: Organisation,
    sme_admin: Actor,
    incubator: Organisation,
    manager: Actor,
    reviewer: Actor,
    outsider: Actor,
}

async fn world() -> World {
    let env = Env::new().await;
    let (leipzig, birmingham) = (env.city("Leipzig").await, env.city("Birmingham").await);
    let (sme, _, sme_admin) = env.org("owner@sme.test", &draft("Nordlicht Sensorik GmbH", OrgKind::Sme, leipzig)).await;
    let (incubator, _, _) = env.org("admin@biocity.test", &draft("BioCity Leipzig", OrgKind::Incubator, leipzig)).await;
    let (manager_user, _) = env.user("manager@biocity.test", true).await;
    env.grant(&manager_user, incubator.id, OrgRole::ProgrammeManager).await;
    let manager = env.actor(&manager_user).await;
    let (_, _, reviewer) = env.org("admin@serendip.test", &draft("Serendip Smart City Incubator", OrgKind::Incubator, birmingham)).await;
    let (_, _, outsider) = env.org("admin@other.test", &draft("Moseley Media Ltd", OrgKind::Sme, birmingham)).await;
    World { env, sme, sme_admin, incubator, manager, reviewer, outsider }
}

/// A technology offer that passes the quality check.
fn complete() -> ProfileDraft {
    ProfileDraft {
        profile_type: "TO".into(),
        language: "en".into(),
        title: "Low-cost air-quality sensors for smart-city networks".into(),
        summary: Some("A Leipzig SME offers calibrated low-cost sensors for fine dust and NO2.".into()),
        description: Some("The sensors report every minute over LoRaWAN and are calibrated against reference stations.".into()),
        partner_role: Some("A city or utility to run a pilot network under a licence agreement.".into()),
        advantages: Some("A tenth of the price of reference stations with comparable accuracy after calibration.".into()),
        stage_of_development: Some("field_tested".into()),
        ipr_status: Some("secret_know_how".into()),
        keywords_market: vec!["571020".into()],
        keywords_technology: vec!["ict.ai".into()],
        nace_codes: vec!["26.51".into()],
        partnership_types: vec!["licensing".into()],
        partner_sought: vec!["large_company".into()],
        target_countries: vec!["GB".into()],
        ..Default::default()
    }
}

impl World {
    async fn draft(&self) -> Profile {
        let first = ProfileDraft { summary: None, ..complete() };
        profiles::create(&self.env.app, &self.manager, self.sme.id, Some(self.incubator.id), &first).await.expect("create draft")
    }

    async fn published(&self) -> Profile {
        let p = profiles::create(&self.env.app, &self.manager, self.sme.id, Some(self.incubator.id), &complete()).await.expect("create");
        profiles::submit(&self.env.app, &self.manager, p.id).await.expect("submit");
        profiles::approve(&self.env.app, &self.reviewer, p.id, None).await.expect("approve")
    }
}

#[tokio::test]
async fn a_support_manager_takes_a_draft_through_review_to_publication() {
    let w = world().await;
    let p = w.draft().await;
    assert_eq!(p.lifecycle.state, ProfileState::Draft);

    // Incomplete: the quality check lists the missing summary, and submission is refused.
    let problems = profiles::quality_problems(&w.env.app, &w.manager, p.id).await.expect("problems");
    assert_eq!(problems.iter().map(|q| (q.field, q.code)).collect::<Vec<_>>(), [("summary", "required")]);
    assert_eq!(invalid_field(profiles::submit(&w.env.app, &w.manager, p.id).await, "summary"), "required");

    let p = profiles::update(&w.env.app, &w.manager, p.id, p.version, Some(w.incubator.id), &complete()).await.expect("update");
    let p = profiles::submit(&w.env.app, &w.manager, p.id).await.expect("submit");
    assert_eq!(p.lifecycle.state, ProfileState::Submitted);
    let to_review = w.env.outbox_to("manager@biocity.test").await;
    assert!(to_review[0].subject.contains("Profile to review"), "{:?}", to_review[0].subject);

    // Only support staff review; the owner cannot approve its own profile.
    assert!(matches!(profiles::approve(&w.env.app, &w.sme_admin, p.id, None).await, Err(AppError::Denied(Denied::Forbidden))));
    let p = profiles::approve(&w.env.app, &w.reviewer, p.id, Some("Clear and anonymous.")).await.expect("approve");
    assert_eq!(p.lifecycle.state, ProfileState::Published);
    let published_at = p.lifecycle.published_at.expect("published");
    assert_eq!(p.lifecycle.expires_at, Some(published_at + Duration::days(365)));
    assert!(w.env.outbox_to("owner@sme.test").await[0].subject.starts_with("Published"));

    let view = profiles::view(&w.env.app, &w.manager, p.id).await.expect("view");
    let steps: Vec<&str> = view.events.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(steps, ["created", "edit", "submit", "approve"]);
    assert!(view.events.iter().all(|e| e.actor.is_some()), "every step records who did it");
    assert_eq!(view.events[3].comment.as_deref(), Some("Clear and anonymous."));
}

#[tokio::test]
async fn returned_profiles_need_comments_and_can_be_edited_and_resubmitted() {
    let w = world().await;
    let p = profiles::create(&w.env.app, &w.sme_admin, w.sme.id, Some(w.incubator.id), &complete()).await.expect("create");
    profiles::submit(&w.env.app, &w.sme_admin, p.id).await.expect("submit");
    assert_eq!(invalid_field(profiles::return_for_changes(&w.env.app, &w.reviewer, p.id, "  ").await, "comments"), "required");
    let p = profiles::return_for_changes(&w.env.app, &w.reviewer, p.id, "Name the pilot cities' sizes.").await.expect("return");
    assert_eq!(p.lifecycle.state, ProfileState::Returned);
    assert_eq!(p.review_comments.as_deref(), Some("Name the pilot cities' sizes."));
    assert!(w.env.outbox_to("owner@sme.test").await[0].body_text.contains("Name the pilot cities' sizes."));
    let p = profiles::update(&w.env.app, &w.sme_admin, p.id, p.version, Some(w.incubator.id), &complete()).await.expect("edit returned");
    let p = profiles::submit(&w.env.app, &w.sme_admin, p.id).await.expect("resubmit");
    assert_eq!(p.lifecycle.state, ProfileState::Submitted);
    assert_eq!(p.review_comments, None, "comments are cleared on resubmission");
}

#[tokio::test]
async fn transitions_from_the_wrong_state_are_refused_with_a_reason() {
    let w = world().await;
    let draft = w.draft().await;
    assert_eq!(invalid_field(profiles::approve(&w.env.app, &w.reviewer, draft.id, None).await, "state"), "wrong_state");
    assert_eq!(invalid_field(profiles::extend(&w.env.app, &w.manager, draft.id, 30).await, "state"), "wrong_state");

    let p = w.published().await;
    assert_eq!(invalid_field(profiles::submit(&w.env.app, &w.manager, p.id).await, "state"), "wrong_state");
    assert_eq!(invalid_field(profiles::return_for_changes(&w.env.app, &w.reviewer, p.id, "late").await, "state"), "wrong_state");
    assert_eq!(invalid_field(profiles::extend(&w.env.app, &w.manager, p.id, 365).await, "state"), "outside_extension_window");
    assert_eq!(invalid_field(profiles::extend(&w.env.app, &w.manager, p.id, 400).await, "days"), "invalid_extension_length");
    assert_eq!(
        invalid_field(profiles::update(&w.env.app, &w.manager, p.id, p.version, Some(w.incubator.id), &complete()).await, "state"),
        "not_editable"
    );
    let p = profiles::withdraw(&w.env.app, &w.sme_admin, p.id).await.expect("withdraw published");
    assert_eq!(p.lifecycle.state, ProfileState::Withdrawn);
    assert_eq!(invalid_field(profiles::withdraw(&w.env.app, &w.sme_admin, p.id).await, "state"), "wrong_state");
    // A draft may be withdrawn too ("withdraw at any time").
    assert_eq!(profiles::withdraw(&w.env.app, &w.manager, draft.id).await.expect("withdraw draft").lifecycle.state, ProfileState::Withdrawn);
}

#[tokio::test]
async fn only_the_owner_side_and_its_support_organisation_manage_a_profile() {
    let w = world().await;
    let p = w.draft().await;
    let anonymous = Actor::Anonymous;
    for actor in [&w.outsider, &w.reviewer] {
        assert!(matches!(profiles::submit(&w.env.app, actor, p.id).await, Err(AppError::Denied(Denied::Forbidden))));
        assert!(matches!(profiles::withdraw(&w.env.app, actor, p.id).await, Err(AppError::Denied(Denied::Forbidden))));
    }
    assert!(matches!(profiles::submit(&w.env.app, &anonymous, p.id).await, Err(AppError::Denied(Denied::LoginRequired))));
    // An outsider may not write profiles for someone else's organisation.
    let refused = profiles::create(&w.env.app, &w.outsider, w.sme.id, Some(w.incubator.id), &complete()).await;
    assert!(matches!(refused, Err(AppError::Denied(Denied::Forbidden))));
    // Nor are drafts visible to them, or to visitors.
    assert!(matches!(profiles::view(&w.env.app, &w.outsider, p.id).await, Err(AppError::NotFound)));
    assert!(matches!(profiles::view(&w.env.app, &anonymous, p.id).await, Err(AppError::NotFound)));
}

#[tokio::test]
async fn the_public_sees_a_published_profile_without_its_owner() {
    let w = world().await;
    let p = w.published().await;
    let public = profiles::view(&w.env.app, &Actor::Anonymous, p.id).await.expect("public view");
    assert!(public.owner.identity.is_none());
    assert_eq!(public.owner.city.name, "Leipzig");
    assert!(public.events.is_empty() && public.problems.is_empty());
    assert!(profiles::view(&w.env.app, &w.outsider, p.id).await.expect("view").owner.identity.is_none());
    let own = profiles::view(&w.env.app, &w.sme_admin, p.id).await.expect("own view");
    assert_eq!(own.owner.identity.map(|(_, name, _)| name).as_deref(), Some("Nordlicht Sensorik GmbH"));
}

#[tokio::test]
async fn edits_from_a_stale_form_are_refused_as_conflicts() {
    let w = world().await;
    let p = w.draft().await;
    profiles::update(&w.env.app, &w.manager, p.id, p.version, Some(w.incubator.id), &complete()).await.expect("first edit");
    let stale = profiles::update(&w.env.app, &w.sme_admin, p.id, p.version, Some(w.incubator.id), &complete()).await;
    assert!(matches!(stale, Err(AppError::Conflict)));
}

#[tokio::test]
async fn the_quality_check_blocks_contact_details_and_offers_by_large_companies() {
    let w = world().await;
    let leaky = ProfileDraft { description: Some("Mail info@nordlicht.example or call +49 341 1234567.".into()), ..complete() };
    let p = profiles::create(&w.env.app, &w.manager, w.sme.id, Some(w.incubator.id), &leaky).await.expect("draft saves anyway");
    assert_eq!(invalid_field(profiles::submit(&w.env.app, &w.manager, p.id).await, "description"), "contact_details");
    let named = ProfileDraft { title: "Nordlicht Sensorik sensors for cities".into(), ..complete() };
    let p = profiles::create(&w.env.app, &w.manager, w.sme.id, Some(w.incubator.id), &named).await.expect("draft");
    assert_eq!(invalid_field(profiles::submit(&w.env.app, &w.manager, p.id).await, "title"), "owner_name");

    let leipzig = w.env.city("Leipzig").await;
    let (large, _, large_admin) = w.env.org("admin@messe.test", &draft("Messe Leipzig GmbH", OrgKind::LargeCompany, leipzig)).await;
    let offer = profiles::create(&w.env.app, &large_admin, large.id, None, &complete()).await.expect("draft");
    assert_eq!(invalid_field(profiles::submit(&w.env.app, &large_admin, offer.id).await, "profile_type"), "large_company_offer");
}

#[tokio::test]
async fn drafts_check_limits_and_codes_before_saving() {
    let w = world().await;
    let bad = ProfileDraft {
        title: "x".repeat(257),
        keywords_technology: vec!["ict".into()],
        ..complete()
    };
    let result = profiles::create(&w.env.app, &w.manager, w.sme.id, Some(w.incubator.id), &bad).await;
    let Err(AppError::Invalid(errors)) = result else { panic!("expected validation errors") };
    assert_eq!(errors.for_field("title").map(|e| e.code), Some("too_long"));
    assert_eq!(errors.for_field("keywords_technology").map(|e| e.code), Some("unknown_keyword"), "groups are not keywords");
    // Target cities are cities of the partnership.
    let nowhere = ProfileDraft { target_cities: vec![tandem_core::CityId::new().to_string()], ..complete() };
    let result = profiles::create(&w.env.app, &w.manager, w.sme.id, Some(w.incubator.id), &nowhere).await;
    assert_eq!(invalid_field(result, "target_cities"), "unknown_city");
    let birmingham = w.env.city("Birmingham").await;
    let there = ProfileDraft { target_cities: vec![birmingham.to_string()], ..complete() };
    let p = profiles::create(&w.env.app, &w.manager, w.sme.id, Some(w.incubator.id), &there).await.expect("create");
    assert_eq!(p.content.target_cities, [birmingham]);
    // A support organisation must be one.
    let wrong = profiles::create(&w.env.app, &w.manager, w.sme.id, Some(w.sme.id), &complete()).await;
    assert!(matches!(wrong, Err(AppError::Denied(_)) | Err(AppError::Invalid(_))));
}

#[tokio::test]
async fn pipelines_and_my_profiles_list_the_right_profiles() {
    let w = world().await;
    let p = w.draft().await;
    let submitted = profiles::create(&w.env.app, &w.sme_admin, w.sme.id, Some(w.incubator.id), &complete()).await.expect("create");
    profiles::submit(&w.env.app, &w.sme_admin, submitted.id).await.expect("submit");
    let mine = profiles::mine(&w.env.app, &w.sme_admin).await.expect("mine");
    assert_eq!(mine.len(), 2);
    let pipeline = profiles::pipeline(&w.env.app, &w.manager).await.expect("pipeline");
    assert_eq!(pipeline.to_review.iter().map(|l| l.profile.id).collect::<Vec<_>>(), [submitted.id]);
    assert!(pipeline.managed.iter().any(|l| l.profile.id == p.id));
    // Reviewers elsewhere see the review queue but not another organisation's drafts.
    let elsewhere = profiles::pipeline(&w.env.app, &w.reviewer).await.expect("pipeline");
    assert_eq!(elsewhere.to_review.len(), 1);
    assert!(elsewhere.managed.iter().all(|l| l.profile.id != p.id));
    assert!(matches!(profiles::pipeline(&w.env.app, &w.outsider).await, Err(AppError::Denied(Denied::Forbidden))));
}
