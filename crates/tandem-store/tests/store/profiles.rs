//! Profiles: every field survives a round trip on both backends, tags feed the facets, only
//! published profiles are searched, and version checks refuse stale writes.

use crate::{birmingham, fresh, insert_org, leipzig, org_input};
use chrono::{Duration, NaiveDate, Utc};
use tandem_core::directory::OrgKind;
use tandem_core::nace::NaceCode;
use tandem_core::partnering::{
    CallDetails, IprStatus, Lifecycle, PartnerSought, PartnershipType, ProfileContent, ProfileLanguage, ProfileState,
    ProfileType, StageOfDevelopment,
};
use tandem_core::{OrgId, ProfileId};
use tandem_store::profiles::{self, NewProfile, ProfileFilter};
use tandem_store::{Db, StoreError};

fn content(profile_type: ProfileType, title: &str) -> ProfileContent {
    ProfileContent {
        profile_type,
        language: ProfileLanguage::De,
        title: title.to_owned(),
        summary: Some("Kurzfassung".into()),
        description: Some("Beschreibung".into()),
        partner_role: Some("Rolle".into()),
        advantages: Some("Vorteile".into()),
        technical_specification: None,
        stage_of_development: Some(StageOfDevelopment::Prototype),
        ipr_status: Some(IprStatus::PatentApplied),
        keywords_market: vec!["571020".into(), "501010".into()],
        keywords_technology: vec!["ict.ai".into()],
        nace_codes: vec![NaceCode::parse("26.51").expect("nace"), NaceCode::parse("62.01").expect("nace")],
        sdgs: vec![9, 11],
        partnership_types: vec![PartnershipType::Licensing, PartnershipType::TechnicalCooperation],
        partner_sought: vec![PartnerSought::Sme11To49],
        target_countries: vec!["GB".into(), "FR".into()],
        target_cities: vec![birmingham()],
        call: CallDetails {
            programme: Some("Horizon Europe".into()),
            call_identifier: Some("HORIZON-CL4-2027-01".into()),
            eoi_deadline: NaiveDate::from_ymd_opt(2027, 2, 1),
            call_deadline: NaiveDate::from_ymd_opt(2027, 3, 1),
            budget: Some("EUR 3–5 million".into()),
            coordinator_required: true,
            duration_months: Some(36),
        },
    }
}

fn published() -> Lifecycle {
    let now = Utc::now();
    Lifecycle { state: ProfileState::Published, published_at: Some(now), expires_at: Some(now + Duration::days(365)), extended: false }
}

async fn insert(db: &Db, owner: OrgId, content: &ProfileContent, lifecycle: Lifecycle, text: &str) -> tandem_core::partnering::Profile {
    let mut conn = db.acquire().await.expect("acquire");
    let new = NewProfile {
        id: ProfileId::new(),
        external_id: None,
        owner,
        support: None,
        content,
        lifecycle,
        search_text: text,
        created_by: None,
    };
    profiles::insert(conn.conn(), &new, Utc::now()).await.expect("insert profile")
}

#[tokio::test]
async fn every_field_survives_a_round_trip() {
    let (_t, db) = fresh().await;
    let owner = insert_org(&db, &org_input("Nordlicht", OrgKind::Sme, leipzig(), &["26.51"]), "").await;
    let stored = insert(&db, owner.id, &content(ProfileType::ResearchRequest, "Sensoren"), published(), "sensoren").await;
    let mut conn = db.acquire().await.expect("acquire");
    let read = profiles::get(conn.conn(), stored.id).await.expect("get").expect("found");
    assert_eq!(read, stored);
}

#[tokio::test]
async fn search_finds_published_profiles_by_words_and_facets() {
    let (_t, db) = fresh().await;
    let leipzig_sme = insert_org(&db, &org_input("Nordlicht", OrgKind::Sme, leipzig(), &["26.51"]), "").await;
    let brum_sme = insert_org(&db, &org_input("Moseley", OrgKind::Sme, birmingham(), &["62.01"]), "").await;
    let to = insert(&db, leipzig_sme.id, &content(ProfileType::TechnologyOffer, "Luftsensoren"), published(), "luftsensoren air sensors").await;
    let mut request = content(ProfileType::BusinessRequest, "Distributor");
    request.keywords_market = vec!["501010".into()];
    request.language = ProfileLanguage::En;
    let br = insert(&db, brum_sme.id, &request, published(), "distributor wanted").await;
    insert(&db, brum_sme.id, &content(ProfileType::TechnologyOffer, "Draft"), Lifecycle::draft(), "luftsensoren draft").await;

    let mut conn = db.acquire().await.expect("acquire");
    let all = profiles::search(conn.conn(), &ProfileFilter::default(), 20, 0).await.expect("search");
    assert_eq!(all.len(), 2, "drafts are never searched");
    let words = ProfileFilter { terms: vec!["sensoren".into()], ..Default::default() };
    assert_eq!(profiles::search(conn.conn(), &words, 20, 0).await.expect("search").iter().map(|p| p.id).collect::<Vec<_>>(), [to.id]);
    let by_city = ProfileFilter { city: Some(birmingham()), ..Default::default() };
    assert_eq!(profiles::search(conn.conn(), &by_city, 20, 0).await.expect("search")[0].id, br.id);
    let by_tag = ProfileFilter { tags: vec![("technology".into(), "ict.ai".into())], ..Default::default() };
    assert_eq!(profiles::search(conn.conn(), &by_tag, 20, 0).await.expect("search").len(), 2);
    let by_division = ProfileFilter { tags: vec![("nace_division".into(), "26".into())], country: Some("DE".into()), ..Default::default() };
    assert_eq!(profiles::search(conn.conn(), &by_division, 20, 0).await.expect("search")[0].id, to.id);

    let facets = profiles::facets(conn.conn(), &ProfileFilter::default()).await.expect("facets");
    assert_eq!(facets.total, 2);
    let mut types = facets.types.clone();
    types.sort();
    assert_eq!(types, [("BR".to_owned(), 1), ("TO".to_owned(), 1)]);
    let count = |kind: &str, code: &str| facets.tags.iter().find(|(k, c, _)| k == kind && c == code).map(|t| t.2);
    assert_eq!(count("market", "501010"), Some(2));
    assert_eq!(count("market", "571020"), Some(1));
    assert_eq!(count("nace_division", "62"), Some(2));
    assert_eq!(count("nace", "62.01"), None, "full NACE codes are not a facet; divisions are");
    let mut countries = facets.countries.clone();
    countries.sort();
    assert_eq!(countries, [("DE".to_owned(), 1), ("GB".to_owned(), 1)]);
}

#[tokio::test]
async fn stale_versions_are_refused() {
    let (_t, db) = fresh().await;
    let owner = insert_org(&db, &org_input("Nordlicht", OrgKind::Sme, leipzig(), &["26.51"]), "").await;
    let p = insert(&db, owner.id, &content(ProfileType::TechnologyOffer, "Sensoren"), Lifecycle::draft(), "").await;
    let mut conn = db.acquire().await.expect("acquire");
    let now = Utc::now();
    profiles::update_content(conn.conn(), p.id, p.version, None, &p.content, "", now).await.expect("first update");
    let stale = profiles::update_content(conn.conn(), p.id, p.version, None, &p.content, "", now).await;
    assert!(matches!(stale, Err(StoreError::Conflict)));
    let gone = profiles::update_content(conn.conn(), ProfileId::new(), 1, None, &p.content, "", now).await;
    assert!(matches!(gone, Err(StoreError::NotFound)));
    // A lifecycle write with the old version changes nothing and says so.
    assert!(!profiles::set_lifecycle(conn.conn(), p.id, p.version, &published(), false, None, now).await.expect("set"));
    assert!(profiles::set_lifecycle(conn.conn(), p.id, p.version + 1, &published(), false, None, now).await.expect("set"));
}
