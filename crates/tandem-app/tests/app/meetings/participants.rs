//! The participant directory (filters, profiles brought, secrets kept) and the recommended
//! participants from the matching engine.

use super::{refusal, World};
use crate::matching::{english, german};
use crate::{draft, Env};
use tandem_app::events::meetings::participants::{browse, recommended, ParticipantFilter};
use tandem_app::matching::Reason;
use tandem_app::partnering::profiles;
use tandem_core::account::OrgRole;
use tandem_core::directory::{OrgKind, Organisation};
use tandem_core::events::{Attendance, MeetingState};
use tandem_core::partnering::ProfileDraft;
use tandem_core::policy::Actor;
use tandem_store::registrations;

/// MedVR (Birmingham) and Klinik Simulation (Leipzig) bring matching VR profiles; a Birmingham
/// bakery and a participant without organisation come too.
struct Fair {
    w: World,
    medvr_p: super::Person,
    klinik_p: super::Person,
    loner: super::Person,
}

async fn fair() -> Fair {
    let env = Env::new().await;
    let (brum, leipzig) = (env.city("Birmingham").await, env.city("Leipzig").await);
    let (medvr, medvr_user, _) = env.org("owner@medvr.test", &draft("MedVR Ltd", OrgKind::Sme, brum)).await;
    let (klinik, klinik_user, _) = env.org("owner@klinik.test", &draft("Klinik Simulation GmbH", OrgKind::Startup, leipzig)).await;
    let mut bakery_draft = draft("Digbeth Bakery", OrgKind::Sme, brum);
    bakery_draft.nace_codes = vec!["10.71".into()];
    bakery_draft.description_en = Some("Sourdough bread and pastries baked daily.".into());
    let (bakery, bakery_user, _) = env.org("owner@bakery.test", &bakery_draft).await;
    let (incubator, _, _) = env.org("admin@biocity.test", &draft("BioCity Leipzig", OrgKind::Incubator, leipzig)).await;
    let (manager_user, _) = env.user("manager@biocity.test", true).await;
    env.grant(&manager_user, incubator.id, OrgRole::ProgrammeManager).await;
    let manager = env.actor(&manager_user).await;
    let (_, _, reviewer) = env.org("admin@serendip.test", &draft("Serendip Incubator", OrgKind::Incubator, brum)).await;
    let publish = |owner: Organisation, content: ProfileDraft| {
        let (app, manager, reviewer) = (env.app.clone(), manager.clone(), reviewer.clone());
        async move {
            let p = profiles::create(&app, &manager, owner.id, None, &content).await.expect("create");
            profiles::submit(&app, &manager, p.id).await.expect("submit");
            profiles::approve(&app, &reviewer, p.id, None).await.expect("approve").id
        }
    };
    let offer = publish(medvr.clone(), english()).await;
    let request = publish(klinik.clone(), german()).await;
    let w = World::on(env, |_| {}).await;
    let medvr_p = w.register(&medvr_user, "Mia Medvr", Attendance::Onsite, None, None, Some(medvr.id)).await;
    let klinik_p = w.register(&klinik_user, "Klaus Klinik", Attendance::Remote, None, None, Some(klinik.id)).await;
    w.register(&bakery_user, "Bea Baker", Attendance::Onsite, None, None, Some(bakery.id)).await;
    let loner = w.join("Lonely Larry", Attendance::Onsite).await;
    let mut tx = w.env.app.db().begin().await.expect("begin");
    registrations::replace_profiles(tx.conn(), medvr_p.reg, &[offer]).await.expect("profiles");
    registrations::replace_profiles(tx.conn(), klinik_p.reg, &[request]).await.expect("profiles");
    tx.commit().await.expect("commit");
    Fair { w, medvr_p, klinik_p, loner }
}

fn names(items: &[tandem_app::events::meetings::participants::ParticipantCard]) -> Vec<&str> {
    items.iter().map(|c| c.name.as_str()).collect()
}

#[tokio::test]
async fn participants_browse_and_filter_each_other() {
    let f = fair().await;
    let app = &f.w.env.app;
    let actor = &f.medvr_p.actor;
    let all = browse(app, actor, f.w.event, &ParticipantFilter::default()).await.expect("browse");
    assert_eq!(all.total, 4);
    assert_eq!(names(&all.items), vec!["Bea Baker", "Klaus Klinik", "Lonely Larry", "Mia Medvr"]);
    assert!(all.items.iter().find(|c| c.name == "Mia Medvr").is_some_and(|c| c.is_me));
    let klaus = all.items.iter().find(|c| c.name == "Klaus Klinik").expect("klaus");
    assert_eq!(klaus.org_name.as_deref(), Some("Klinik Simulation GmbH"));
    assert_eq!(klaus.city_name.as_deref(), Some("Leipzig"));
    assert_eq!(klaus.org_kind, Some(OrgKind::Startup));
    assert_eq!(klaus.profiles.len(), 1);
    assert_eq!(klaus.sectors, vec!['J']);
    assert_eq!(all.sectors, vec!['C', 'J']);
    let leipzig = f.w.env.city("Leipzig").await;
    let by = |filter: ParticipantFilter| async move { names(&browse(app, actor, f.w.event, &filter).await.expect("browse").items).iter().map(|s| s.to_string()).collect::<Vec<_>>() };
    assert_eq!(by(ParticipantFilter { text: Some("medizintechnik".into()), ..Default::default() }).await, vec!["Klaus Klinik"]);
    assert_eq!(by(ParticipantFilter { text: Some("bakery".into()), ..Default::default() }).await, vec!["Bea Baker"]);
    assert_eq!(by(ParticipantFilter { city: Some(leipzig), ..Default::default() }).await, vec!["Klaus Klinik"]);
    assert_eq!(by(ParticipantFilter { kind: Some(OrgKind::Sme), ..Default::default() }).await, vec!["Bea Baker", "Mia Medvr"]);
    assert_eq!(by(ParticipantFilter { attendance: Some(Attendance::Remote), ..Default::default() }).await, vec!["Klaus Klinik"]);
    assert_eq!(by(ParticipantFilter { sector: Some('c'), ..Default::default() }).await, vec!["Bea Baker"]);

    // An open request shows on the card; outsiders see nothing; the organiser sees everyone.
    f.w.request(&f.medvr_p, &f.klinik_p).await.expect("request");
    let again = browse(app, actor, f.w.event, &ParticipantFilter::default()).await.expect("browse");
    let open = again.items.iter().find(|c| c.name == "Klaus Klinik").and_then(|c| c.open_with_me).expect("open");
    assert_eq!((open.state, open.outgoing), (MeetingState::Requested, true));
    assert!(matches!(
        browse(app, &Actor::Anonymous, f.w.event, &ParticipantFilter::default()).await,
        Err(tandem_app::AppError::Denied(tandem_core::policy::Denied::LoginRequired))
    ));
    let (_, stranger) = f.w.env.user("stranger@participants.test", true).await;
    assert_eq!(refusal(browse(app, &stranger, f.w.event, &ParticipantFilter::default()).await), "not_participant");
    let organised = browse(app, &f.w.organiser, f.w.event, &ParticipantFilter::default()).await.expect("organiser");
    assert!(organised.me.is_none() && organised.total == 4);
}

#[tokio::test]
async fn recommendations_come_from_the_matching_engine_with_reasons() {
    let f = fair().await;
    let app = &f.w.env.app;
    let found = recommended(app, &f.medvr_p.actor, f.w.event, 10).await.expect("recommended");
    let first = found.first().expect("someone is recommended");
    assert_eq!(first.card.name, "Klaus Klinik", "{:?}", found.iter().map(|r| (&r.card.name, r.score)).collect::<Vec<_>>());
    assert!(first.score > 0.0 && !first.reasons.is_empty());
    assert!(first.reasons.iter().all(|r| !matches!(r, Reason::SharedPartners { .. } | Reason::PartnersOfPartners { .. })));
    assert!(found.iter().all(|r| r.card.name != "Mia Medvr" && r.card.name != "Lonely Larry"));
    assert!(found.iter().position(|r| r.card.name == "Bea Baker").is_none_or(|i| i > 0));
    // Someone met already is not recommended again.
    f.w.request(&f.medvr_p, &f.klinik_p).await.expect("request");
    let after = recommended(app, &f.medvr_p.actor, f.w.event, 10).await.expect("recommended");
    assert!(after.iter().all(|r| r.card.name != "Klaus Klinik"));
    // Without organisation or profile there is nothing to go on: an empty list, not an error.
    assert!(recommended(app, &f.loner.actor, f.w.event, 10).await.expect("loner").is_empty());
}
