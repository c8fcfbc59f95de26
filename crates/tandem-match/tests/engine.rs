//! The engine ranks profiles, organisations and programmes for each other and says why.

use chrono::NaiveDate;
use tandem_match::engine::{OrgDoc, OrgKind, ProgrammeDoc};
use tandem_match::graph::GraphBuilder;
use tandem_match::{Analyzer, Engine, Language, Lexicon, ProfileDoc, ProfileKind, Query, Reason, Target};
use uuid::Uuid;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default()
}

fn engine() -> Engine {
    let mut engine = Engine::new(Analyzer::new(Lexicon::curated()));
    engine.set_partner_cities(vec![("Birmingham".into(), "Leipzig".into())]);
    engine
}

fn profile(n: u128, owner: u128, kind: ProfileKind, language: Language, title: &str, text: &str, city: &str) -> ProfileDoc {
    ProfileDoc {
        id: Uuid::from_u128(n),
        owner: Uuid::from_u128(owner),
        kind,
        language: Some(language),
        title: title.into(),
        text: text.into(),
        keywords: Vec::new(),
        nace: Vec::new(),
        country: if city == "Leipzig" { "DE".into() } else { "GB".into() },
        city: Some(city.into()),
        target_countries: Vec::new(),
        published: Some(today()),
    }
}

fn org(n: u128, kind: OrgKind, city: &str, language: Language, text: &str) -> OrgDoc {
    OrgDoc {
        id: Uuid::from_u128(n),
        graph_key: format!("org-{n}"),
        kind,
        country: if city == "Leipzig" { "DE".into() } else { "GB".into() },
        city: Some(city.into()),
        texts: vec![(Some(language), text.into())],
        nace: Vec::new(),
    }
}

#[test]
fn a_german_vr_training_request_finds_the_english_offer_and_says_why() {
    let mut engine = engine();
    let offer = profile(
        1,
        100,
        ProfileKind::TechnologyOffer,
        Language::En,
        "Virtual reality training simulations for medical devices",
        "We develop virtual reality training for surgeons and nurses who learn to use medical devices safely.",
        "Birmingham",
    );
    let unrelated = profile(
        2,
        101,
        ProfileKind::TechnologyOffer,
        Language::En,
        "Organic bakery products for supermarkets",
        "Our bakery supplies bread, cakes and pastries to retailers.",
        "Birmingham",
    );
    engine.upsert_profile(&offer);
    engine.upsert_profile(&unrelated);
    let request = profile(
        3,
        200,
        ProfileKind::TechnologyRequest,
        Language::De,
        "VR-Trainingssimulationen für die Medizintechnik",
        "Ein Leipziger Unternehmen sucht Partner für Trainingssimulationen in virtueller Realität für Medizinprodukte.",
        "Leipzig",
    );
    let found = engine.matching_profiles(&request, &Query::new(5, today()));
    assert_eq!(found.first().map(|m| &m.target), Some(&Target::Profile(offer.id)), "{found:#?}");
    let reasons = &found[0].reasons;
    assert!(reasons.iter().any(|r| matches!(r, Reason::Complementary { this, other } if this == "TR" && other == "TO")), "{reasons:?}");
    assert!(
        reasons.iter().any(|r| matches!(r, Reason::SharedConcepts { concepts } if !concepts.is_empty())
            || matches!(r, Reason::SharedWords { words } if !words.is_empty())),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|r| matches!(r, Reason::PartnerCity { city } if city == "Birmingham")), "{reasons:?}");
}

#[test]
fn an_offer_outranks_an_equally_relevant_offer_of_the_same_kind_for_a_request() {
    let mut engine = engine();
    let text = "Software for logistics companies that plan deliveries";
    engine.upsert_profile(&profile(1, 100, ProfileKind::BusinessOffer, Language::En, "Delivery planning software", text, "Birmingham"));
    engine.upsert_profile(&profile(2, 101, ProfileKind::BusinessRequest, Language::En, "Delivery planning software", text, "Birmingham"));
    let request = profile(3, 200, ProfileKind::BusinessRequest, Language::En, "Delivery planning software", text, "Leipzig");
    let found = engine.matching_profiles(&request, &Query::new(5, today()));
    assert_eq!(found.iter().map(|m| m.target.clone()).collect::<Vec<_>>(), [Target::Profile(Uuid::from_u128(1)), Target::Profile(Uuid::from_u128(2))]);
}

#[test]
fn an_organisations_own_profiles_and_a_withdrawn_profile_are_never_matched() {
    let mut engine = engine();
    let text = "Sensors for smart buildings";
    engine.upsert_profile(&profile(1, 100, ProfileKind::TechnologyOffer, Language::En, "Smart building sensors", text, "Birmingham"));
    engine.upsert_profile(&profile(2, 200, ProfileKind::TechnologyOffer, Language::En, "Smart building sensors", text, "Leipzig"));
    let own = profile(3, 200, ProfileKind::TechnologyRequest, Language::En, "Smart building sensors", text, "Leipzig");
    let found = engine.matching_profiles(&own, &Query::new(5, today()));
    assert_eq!(found.iter().map(|m| m.target.clone()).collect::<Vec<_>>(), [Target::Profile(Uuid::from_u128(1))]);
    engine.remove_profile(Uuid::from_u128(1));
    assert!(engine.matching_profiles(&own, &Query::new(5, today())).is_empty());
}

#[test]
fn hierarchical_nace_codes_bring_neighbouring_activities_together() {
    let mut engine = engine();
    let mut near = profile(1, 100, ProfileKind::BusinessOffer, Language::En, "Precision instruments", "We make things.", "Birmingham");
    near.nace = vec!["26.51".into()];
    let mut far = profile(2, 101, ProfileKind::BusinessOffer, Language::En, "Precision instruments", "We make things.", "Birmingham");
    far.nace = vec!["10.71".into()];
    engine.upsert_profile(&near);
    engine.upsert_profile(&far);
    let mut request = profile(3, 200, ProfileKind::BusinessRequest, Language::En, "Precision instruments", "We need things.", "Leipzig");
    request.nace = vec!["26.52".into()];
    let found = engine.matching_profiles(&request, &Query::new(5, today()));
    assert_eq!(found.first().map(|m| &m.target), Some(&Target::Profile(near.id)), "{found:#?}");
    assert!(found[0].reasons.iter().any(|r| matches!(r, Reason::SameActivity { code } if code == "26.5")), "{:?}", found[0].reasons);
}

#[test]
fn search_in_german_finds_an_english_profile() {
    let mut engine = engine();
    engine.upsert_profile(&profile(
        1,
        100,
        ProfileKind::TechnologyOffer,
        Language::En,
        "Virtual reality training for medical devices",
        "Immersive simulation for hospitals.",
        "Birmingham",
    ));
    let found = engine.search_profiles("Medizintechnik Simulation", Some(Language::De), &Query::new(5, today()));
    assert_eq!(found.first().map(|m| &m.target), Some(&Target::Profile(Uuid::from_u128(1))), "{found:#?}");
}

#[test]
fn potential_partners_exclude_existing_partners_and_prefer_the_partner_city() {
    let mut engine = engine();
    let text = "Virtual reality and augmented reality for training";
    let me = org(1, OrgKind::Sme, "Birmingham", Language::En, text);
    let partner = org(2, OrgKind::Sme, "Leipzig", Language::En, text);
    let leipzig = org(3, OrgKind::Sme, "Leipzig", Language::De, "Virtuelle Realität und erweiterte Realität für Schulungen");
    let birmingham = org(4, OrgKind::Sme, "Birmingham", Language::En, text);
    for o in [&me, &partner, &leipzig, &birmingham] {
        engine.upsert_organisation(o);
    }
    let mut graph = GraphBuilder::new();
    graph.add_partnership("org-1", "org-2");
    engine.set_graph(graph.build(), Default::default());
    let found = engine.partners_for_organisation(&me, &Query::new(5, today()));
    let targets: Vec<_> = found.iter().map(|m| m.target.clone()).collect();
    assert!(!targets.contains(&Target::Organisation(partner.id)), "{found:#?}");
    assert!(!targets.contains(&Target::Organisation(me.id)), "{found:#?}");
    let mut in_leipzig = Query::new(5, today());
    in_leipzig.city = Some("Leipzig".into());
    let found = engine.partners_for_organisation(&me, &in_leipzig);
    assert_eq!(found.iter().map(|m| m.target.clone()).collect::<Vec<_>>(), [Target::Organisation(leipzig.id)], "{found:#?}");
}

#[test]
fn a_programme_finds_smes_that_fit_and_not_universities() {
    let mut engine = engine();
    engine.upsert_organisation(&org(1, OrgKind::Sme, "Leipzig", Language::De, "Wir entwickeln Software für Logistik und Lagerhaltung."));
    engine.upsert_organisation(&org(2, OrgKind::University, "Leipzig", Language::De, "Forschung zu Software für Logistik."));
    engine.upsert_organisation(&org(3, OrgKind::Sme, "Leipzig", Language::De, "Bäckerei und Konditorei."));
    let programme = ProgrammeDoc {
        id: Uuid::from_u128(9),
        org: Uuid::from_u128(50),
        city: Some("Birmingham".into()),
        texts: vec![(Some(Language::En), "Soft-landing programme for logistics software companies".into())],
        nace: Vec::new(),
    };
    let found = engine.smes_for_programme(&programme, &Query::new(5, today()));
    assert_eq!(found.first().map(|m| &m.target), Some(&Target::Organisation(Uuid::from_u128(1))), "{found:#?}");
    assert!(!found.iter().any(|m| m.target == Target::Organisation(Uuid::from_u128(2))));
}

#[test]
fn results_are_deterministic() {
    let build = || {
        let mut engine = engine();
        for n in 0..20u128 {
            engine.upsert_profile(&profile(n, n, ProfileKind::BusinessOffer, Language::En, "Same title", "Same text about logistics", "Birmingham"));
        }
        let q = profile(99, 99, ProfileKind::BusinessRequest, Language::En, "Same title", "Same text about logistics", "Leipzig");
        engine.matching_profiles(&q, &Query::new(10, today()))
    };
    assert_eq!(build(), build());
}
