//! The demo ecosystem file and the synthetic-SME generator.

use std::collections::{HashMap, HashSet};
use tandem_core::CityId;
use tandem_core::account::{Email, Locale, OrgRole};
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_io::demo::{self, BIRMINGHAM, LEIPZIG};

/// Every code in the shipped NACE catalogue, read straight from the CSV.
fn catalogue_codes() -> HashSet<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/nace/nace_rev2_en_de.csv"
    );
    let mut reader = csv::Reader::from_path(path).expect("catalogue file opens");
    let headers = reader.headers().expect("header row").clone();
    let column = headers
        .iter()
        .position(|h| h == "code")
        .expect("code column");
    reader
        .records()
        .map(|r| {
            r.expect("catalogue row")
                .get(column)
                .expect("code cell")
                .to_owned()
        })
        .collect()
}

fn with_city(draft: &OrganisationDraft) -> OrganisationDraft {
    OrganisationDraft {
        city_id: CityId::new().to_string(),
        ..draft.clone()
    }
}

#[test]
fn the_ecosystem_parses_and_every_draft_validates() {
    let eco = demo::ecosystem().expect("ecosystem.json parses");
    assert!(
        eco.organisations.len() >= 16,
        "{} organisations",
        eco.organisations.len()
    );
    assert!(
        (8..=10).contains(&eco.programmes.len()),
        "{} programmes",
        eco.programmes.len()
    );
    assert!(eco.users.len() >= 7, "{} users", eco.users.len());

    for org in &eco.organisations {
        assert!(
            org.draft.city_id.is_empty(),
            "{}: city_id is filled by the seeder",
            org.draft.name
        );
        assert!(
            [BIRMINGHAM, LEIPZIG].contains(&org.city.as_str()),
            "{}: city {}",
            org.draft.name,
            org.city
        );
        let input = with_city(&org.draft)
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", org.draft.name));
        assert!(
            !input.nace_codes.is_empty(),
            "{} has no NACE code",
            org.draft.name
        );
        for (lang, text) in [
            ("en", &org.draft.description_en),
            ("de", &org.draft.description_de),
        ] {
            let text = text.as_deref().unwrap_or_default();
            assert!(
                text.len() > 40,
                "{}: description_{lang} missing or too short",
                org.draft.name
            );
        }
    }
    for programme in &eco.programmes {
        programme
            .draft
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", programme.draft.name));
        assert!(
            programme.draft.description_en.is_some() && programme.draft.description_de.is_some()
        );
        assert!(
            programme.draft.eligibility.is_some(),
            "{}: eligibility",
            programme.draft.name
        );
        assert_ne!(
            programme.draft.status, "draft",
            "{}: demo programmes are published",
            programme.draft.name
        );
    }
}

#[test]
fn the_ecosystem_covers_both_cities_and_every_kind_it_needs() {
    let eco = demo::ecosystem().expect("parses");
    let kind_of: HashMap<&str, &str> = eco
        .organisations
        .iter()
        .map(|o| (o.draft.name.as_str(), o.draft.kind.as_str()))
        .collect();
    assert_eq!(
        kind_of.len(),
        eco.organisations.len(),
        "organisation names are unique"
    );
    for city in [BIRMINGHAM, LEIPZIG] {
        let here: Vec<_> = eco
            .organisations
            .iter()
            .filter(|o| o.city == city)
            .collect();
        assert!(
            here.iter().any(|o| o.draft.kind == "public_body"),
            "{city} has a public body"
        );
        assert!(
            here.iter().any(|o| o.draft.kind == "sme"),
            "{city} has an SME"
        );
        assert!(
            here.iter()
                .any(|o| OrgKind::from_key(&o.draft.kind)
                    .is_some_and(OrgKind::is_support_organisation)),
            "{city} has a support organisation"
        );
    }
    let atmos = eco
        .organisations
        .iter()
        .find(|o| o.draft.name == "AtmosVR")
        .expect("AtmosVR");
    assert_eq!(atmos.city, BIRMINGHAM);
    assert!(
        atmos
            .draft
            .description_en
            .as_deref()
            .is_some_and(|d| d.contains("Wolverhampton, West Midlands"))
    );
    let statuses: HashSet<&str> = eco
        .programmes
        .iter()
        .map(|p| p.draft.status.as_str())
        .collect();
    assert!(
        statuses.contains("open") && statuses.contains("running") && statuses.contains("closed")
    );
}

#[test]
fn every_reference_in_the_ecosystem_resolves() {
    let eco = demo::ecosystem().expect("parses");
    let names: HashSet<&str> = eco
        .organisations
        .iter()
        .map(|o| o.draft.name.as_str())
        .collect();
    let programme_names: HashSet<&str> = eco
        .programmes
        .iter()
        .map(|p| p.draft.name.as_str())
        .collect();
    assert_eq!(
        programme_names.len(),
        eco.programmes.len(),
        "programme names are unique"
    );
    for programme in &eco.programmes {
        assert!(
            names.contains(programme.organisation.as_str()),
            "{}: unknown organisation {}",
            programme.draft.name,
            programme.organisation
        );
    }

    let mut emails = HashSet::new();
    for user in &eco.users {
        let email = Email::parse(&user.email).unwrap_or_else(|e| panic!("{}: {e}", user.email));
        assert!(
            email.as_str().ends_with("@demo.tandem.example"),
            "{}",
            user.email
        );
        assert!(emails.insert(email), "{} twice", user.email);
        assert!(
            user.display_name.contains("Demo"),
            "{}: display names are plainly fictional",
            user.display_name
        );
        assert!(
            Locale::from_key(&user.locale).is_some(),
            "{}: locale {}",
            user.email,
            user.locale
        );
        assert!(
            user.platform_admin || !user.memberships.is_empty(),
            "{} can do nothing",
            user.email
        );
        for m in &user.memberships {
            assert!(
                names.contains(m.organisation.as_str()),
                "{}: unknown organisation {}",
                user.email,
                m.organisation
            );
            assert!(
                OrgRole::from_key(&m.role).is_some(),
                "{}: role {}",
                user.email,
                m.role
            );
        }
    }
    assert!(
        eco.users.iter().any(|u| u.platform_admin),
        "one platform admin"
    );
    for (org, role, locale) in [
        ("Innovation Birmingham", "org_admin", "en"),
        ("Innovation Birmingham", "programme_manager", "en"),
        ("SpinLab – The HHL Accelerator", "programme_manager", "de"),
        ("Daden Ltd", "org_admin", "en"),
        ("Holosphere", "member", "en"),
        ("Invest Region Leipzig GmbH", "org_admin", "de"),
    ] {
        assert!(
            eco.users.iter().any(|u| u.locale == locale
                && u.memberships
                    .iter()
                    .any(|m| m.organisation == org && m.role == role)),
            "no {locale} {role} at {org}"
        );
    }
}

#[test]
fn every_nace_code_of_the_demo_data_is_in_the_catalogue() {
    let catalogue = catalogue_codes();
    assert!(
        catalogue.len() > 900,
        "catalogue has {} codes",
        catalogue.len()
    );
    let eco = demo::ecosystem().expect("parses");
    let ecosystem_codes = eco
        .organisations
        .iter()
        .flat_map(|o| o.draft.nace_codes.iter())
        .chain(eco.programmes.iter().flat_map(|p| p.draft.sectors.iter()));
    for code in ecosystem_codes {
        assert!(
            catalogue.contains(code),
            "ecosystem uses unknown NACE code {code}"
        );
    }

    let words: serde_json::Value =
        serde_json::from_str(demo::SYNTHETIC_JSON).expect("synthetic.json parses");
    let sectors = words["sectors"].as_array().expect("sectors");
    assert!(sectors.len() >= 12, "{} sectors", sectors.len());
    for sector in sectors {
        for code in sector["nace_codes"].as_array().expect("nace_codes") {
            let code = code.as_str().expect("code is a string");
            assert!(
                catalogue.contains(code),
                "sector {} uses unknown NACE code {code}",
                sector["key"]
            );
            assert_eq!(
                code.len(),
                5,
                "sector {}: {code} is not a class",
                sector["key"]
            );
        }
    }
}

#[test]
fn the_generator_is_deterministic() {
    let a = demo::synthetic_smes(300, 42);
    assert_eq!(a.len(), 300);
    assert_eq!(a, demo::synthetic_smes(300, 42), "same seed, same firms");
    assert_ne!(
        a,
        demo::synthetic_smes(300, 43),
        "another seed, other firms"
    );
    assert_eq!(
        demo::synthetic_smes(40, 42)[..],
        a[..40],
        "a shorter run is a prefix of a longer one"
    );
    assert!(demo::synthetic_smes(0, 42).is_empty());
}

/// Pins the output stream: if this fails on some platform or after a dependency update, the
/// generator is no longer reproducible (unless the word lists were changed on purpose — then
/// update the expected names).
#[test]
fn the_generator_output_is_pinned() {
    let firms: Vec<(String, String, String)> = demo::synthetic_smes(3, 2024)
        .into_iter()
        .map(|f| {
            (
                f.draft.name,
                f.draft.staff_headcount.unwrap_or_default(),
                f.draft.turnover.unwrap_or_default(),
            )
        })
        .collect();
    let pinned: Vec<(String, String, String)> = PINNED
        .iter()
        .map(|(n, s, t)| ((*n).to_owned(), (*s).to_owned(), (*t).to_owned()))
        .collect();
    assert_eq!(firms, pinned);
}

/// The first three firms for seed 2024: name, staff headcount, turnover.
const PINNED: [(&str, &str, &str); 3] = [
    ("Gohliser Codewerk GmbH", "29", "1744000"),
    ("Anvil Media Ltd", "181", "17204000"),
    ("Anvil Logistics Ltd", "9", "1542000"),
];

#[test]
fn five_thousand_firms_are_unique_plausible_and_valid() {
    let firms = demo::synthetic_smes(5_000, 7);
    assert_eq!(firms.len(), 5_000);
    let mut names = HashSet::new();
    let mut websites = HashSet::new();
    let (mut in_birmingham, mut startups) = (0usize, 0usize);
    let (mut leipzig_with_en, mut birmingham_with_de) = (0usize, 0usize);
    for firm in &firms {
        let d = &firm.draft;
        let input = with_city(d)
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", d.name));
        assert!(
            names.insert(d.name.to_lowercase()),
            "duplicate name {}",
            d.name
        );
        let website = d.website.clone().expect("website");
        assert!(
            website.starts_with("https://www.")
                && website.ends_with(".example")
                && website.is_ascii(),
            "{website}"
        );
        assert!(
            websites.insert(website.clone()),
            "duplicate website {website}"
        );
        assert!(
            (1..=2).contains(&input.nace_codes.len()),
            "{}: {:?}",
            d.name,
            d.nace_codes
        );
        let staff = input.figures.staff_headcount.expect("staff");
        assert!((1..=249).contains(&staff), "{}: staff {staff}", d.name);
        assert!(
            input.figures.turnover.is_some_and(|t| t > 0)
                && input.figures.balance_sheet.is_some_and(|b| b > 0)
        );
        assert!(matches!(input.figures.year, Some(2024 | 2025)));
        for text in [&d.description_en, &d.description_de].into_iter().flatten() {
            assert!(
                !text.contains('{') && !text.contains('}'),
                "unfilled slot: {text}"
            );
            assert!(
                text.contains(&d.name),
                "description does not name the firm: {text}"
            );
        }
        match d.kind.as_str() {
            "startup" => startups += 1,
            "sme" => {}
            other => panic!("{}: kind {other}", d.name),
        }
        match firm.city.as_str() {
            BIRMINGHAM => {
                in_birmingham += 1;
                assert!(d.name.ends_with(" Ltd"), "{}", d.name);
                assert_eq!(d.currency.as_deref(), Some("GBP"));
                assert!(
                    d.description_en.is_some(),
                    "{}: English description",
                    d.name
                );
                birmingham_with_de += usize::from(d.description_de.is_some());
            }
            LEIPZIG => {
                assert!(
                    d.name.ends_with(" GmbH") || d.name.ends_with(" UG (haftungsbeschränkt)"),
                    "{}",
                    d.name
                );
                assert_eq!(d.currency.as_deref(), Some("EUR"));
                assert!(d.description_de.is_some(), "{}: German description", d.name);
                leipzig_with_en += usize::from(d.description_en.is_some());
            }
            other => panic!("{}: city {other}", d.name),
        }
    }
    let in_leipzig = firms.len() - in_birmingham;
    let share = |part: usize, whole: usize| part * 100 / whole.max(1);
    assert!(
        (40..=60).contains(&share(in_birmingham, firms.len())),
        "{in_birmingham} of 5000 in Birmingham"
    );
    assert!(
        (15..=35).contains(&share(startups, firms.len())),
        "{startups} start-ups"
    );
    assert!(
        (50..=70).contains(&share(leipzig_with_en, in_leipzig)),
        "{leipzig_with_en} of {in_leipzig} Leipzig firms in English"
    );
    assert!(
        (10..=30).contains(&share(birmingham_with_de, in_birmingham)),
        "{birmingham_with_de} of {in_birmingham} Birmingham firms in German"
    );
}

// ---------------------------------------------------------------------------------------------
// Partnering demo: profiles, expressions of interest, agreements
// ---------------------------------------------------------------------------------------------

struct ShippedKeywords {
    markets: tandem_core::taxonomy::Taxonomy,
    technologies: tandem_core::taxonomy::Taxonomy,
}

impl tandem_core::partnering::KeywordCatalogue for ShippedKeywords {
    fn is_market_keyword(&self, code: &str) -> bool {
        self.markets.get(code).is_some_and(|e| e.parent.is_some())
    }
    fn is_technology_keyword(&self, code: &str) -> bool {
        self.technologies.get(code).is_some_and(|e| e.parent.is_some())
    }
}

fn partnership_cities() -> Vec<tandem_core::directory::City> {
    [(BIRMINGHAM, "GB"), (LEIPZIG, "DE")]
        .into_iter()
        .map(|(name, country)| tandem_core::directory::City {
            id: CityId::new(),
            name: name.into(),
            country: country.into(),
            time_zone: String::new(),
            languages: vec![],
        })
        .collect()
}

#[test]
fn the_demo_profiles_are_valid_exchange_lines() {
    let records = demo::profiles().unwrap_or_else(|errors| panic!("profiles.jsonl: {errors:?}"));
    assert!(records.len() >= 40, "{} demo profiles", records.len());
    let keywords = ShippedKeywords { markets: tandem_io::taxonomy::markets(), technologies: tandem_io::taxonomy::technologies() };
    let cities = partnership_cities();
    let ecosystem = demo::ecosystem().expect("ecosystem");
    let mut ids = HashSet::new();
    for r in &records {
        if let Err(errors) = r.record.check(r.line, &keywords, &cities) {
            panic!("{}: {errors:?}", r.record.external_id);
        }
        assert!(ids.insert(r.record.external_id.clone()), "{} appears twice", r.record.external_id);
        let support = r.record.support_organisation.as_deref().expect("every demo profile has a support organisation");
        let org = ecosystem.organisations.iter().find(|o| o.draft.name == support).unwrap_or_else(|| panic!("unknown support organisation {support}"));
        let kind = OrgKind::from_key(&org.draft.kind).expect("kind");
        assert!(kind.is_support_organisation(), "{support} is not a support organisation");
    }
    let german = records.iter().filter(|r| r.record.language == "de").count();
    assert!(german >= 10, "{german} German profiles");
    for city in [BIRMINGHAM, LEIPZIG] {
        assert!(records.iter().filter(|r| r.record.organisation.city == city).count() >= 15, "profiles from {city}");
    }
}

#[test]
fn the_demo_interests_and_agreements_refer_to_demo_profiles() {
    let profiles: HashSet<String> = demo::profiles().expect("profiles").into_iter().map(|r| r.record.external_id).collect();
    let partnering = demo::partnering().expect("partnering.json");
    assert!(partnering.interests.len() >= 6, "{} interests", partnering.interests.len());
    let mut states = HashMap::new();
    for interest in &partnering.interests {
        assert!(profiles.contains(&interest.profile), "unknown profile {}", interest.profile);
        *states.entry(interest.state.as_str()).or_insert(0) += 1;
        assert_eq!(interest.state == "declined", interest.decline_reason.is_some(), "{}", interest.profile);
    }
    for state in ["submitted", "introduced", "declined"] {
        assert!(states.contains_key(state), "no {state} interest");
    }
    assert_eq!(partnering.agreements.len(), 2);
    assert_ne!(partnering.agreements[0].state, partnering.agreements[1].state);
    for agreement in &partnering.agreements {
        let interest = &partnering.interests[agreement.from_interest];
        assert_eq!(interest.profile, agreement.profile);
        assert_eq!(interest.state, "introduced", "agreements come from introductions");
    }
}
