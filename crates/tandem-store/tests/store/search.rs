//! Directory search: words AND-ed, LIKE wildcards taken literally, filters and facet counts.

use crate::{birmingham, fresh, insert_org, leipzig, org_input};
use tandem_core::directory::OrgKind;
use tandem_store::organisations::{self, DirectoryFilter, FacetCounts};
use tandem_store::Db;

/// Five organisations:
/// | name             | city       | kind      | divisions (sections) | other words |
/// | Alpha Robotics   | Birmingham | sme       | 62        | software         |
/// | Beta Robotics    | Leipzig    | startup   | 72        | biotech leipzig  |
/// | Gamma 100% Foods | Birmingham | sme       | 10        | food             |
/// | Delta_Labs       | Leipzig    | incubator | 72 (×2), 62 | leipzig        |
/// | Zeta Biotech     | Leipzig    | sme       | –         |                  |
async fn directory() -> (tandem_testkit::TestDb, Db) {
    let (t, db) = fresh().await;
    insert_org(&db, &org_input("Alpha Robotics", OrgKind::Sme, birmingham(), &["62.01"]), "software birmingham").await;
    insert_org(&db, &org_input("Beta Robotics", OrgKind::Startup, leipzig(), &["72.11"]), "biotech leipzig").await;
    insert_org(&db, &org_input("Gamma 100% Foods", OrgKind::Sme, birmingham(), &["10.11"]), "food birmingham").await;
    insert_org(&db, &org_input("Delta_Labs", OrgKind::Incubator, leipzig(), &["72.19", "72.11", "62.02"]), "leipzig").await;
    insert_org(&db, &org_input("Zeta Biotech", OrgKind::Sme, leipzig(), &[]), "").await;
    (t, db)
}

fn words(terms: &[&str]) -> DirectoryFilter {
    DirectoryFilter { terms: terms.iter().map(|t| t.to_string()).collect(), ..Default::default() }
}

async fn names(db: &Db, filter: &DirectoryFilter) -> (Vec<String>, i64) {
    let mut conn = db.acquire().await.expect("acquire");
    let rows = organisations::search(conn.conn(), filter, 50, 0).await.expect("search");
    let total = organisations::facets(conn.conn(), filter).await.expect("facets").total;
    assert_eq!(rows.len() as i64, total.min(50), "the page and the total agree");
    (rows.into_iter().map(|r| r.name).collect(), total)
}

async fn facets(db: &Db, filter: &DirectoryFilter) -> FacetCounts {
    let mut conn = db.acquire().await.expect("acquire");
    let mut f = organisations::facets(conn.conn(), filter).await.expect("facets");
    f.cities.sort();
    f.kinds.sort();
    f.sections.sort();
    f
}

#[tokio::test]
async fn every_word_must_match() {
    let (_t, db) = directory().await;
    assert_eq!(names(&db, &words(&["robotics"])).await, (vec!["Alpha Robotics".into(), "Beta Robotics".into()], 2));
    assert_eq!(names(&db, &words(&["robotics", "leipzig"])).await, (vec!["Beta Robotics".into()], 1));
    assert_eq!(names(&db, &words(&["robotics", "food"])).await, (vec![], 0));
    assert_eq!(names(&db, &words(&["obot"])).await.1, 2, "words match inside words");
    assert_eq!(names(&db, &words(&[""])).await.1, 5, "empty words are ignored");
}

#[tokio::test]
async fn like_wildcards_in_the_input_are_literal() {
    let (_t, db) = directory().await;
    assert_eq!(names(&db, &words(&["%"])).await, (vec!["Gamma 100% Foods".into()], 1));
    assert_eq!(names(&db, &words(&["100%"])).await.1, 1);
    assert_eq!(names(&db, &words(&["_"])).await, (vec!["Delta_Labs".into()], 1));
    assert_eq!(names(&db, &words(&["l_h"])).await.1, 0, "'_' does not match the 'p' of alpha");
    assert_eq!(names(&db, &words(&["a%s"])).await.1, 0, "'%' does not span letters");
    assert_eq!(names(&db, &words(&["\\"])).await.1, 0, "a backslash is an ordinary character");
    assert_eq!(names(&db, &words(&["'; DROP TABLE organisations; --"])).await.1, 0);
    assert_eq!(names(&db, &DirectoryFilter::default()).await.1, 5);
}

#[tokio::test]
async fn names_that_match_come_first() {
    let (_t, db) = directory().await;
    // "biotech" is in Zeta's name but only in Beta's other words; by name alone Beta would lead.
    assert_eq!(names(&db, &words(&["biotech"])).await.0, vec!["Zeta Biotech".to_owned(), "Beta Robotics".to_owned()]);
}

#[tokio::test]
async fn city_kind_and_section_filters() {
    let (_t, db) = directory().await;
    let in_birmingham = DirectoryFilter { city: Some(birmingham()), ..Default::default() };
    assert_eq!(names(&db, &in_birmingham).await.0, vec!["Alpha Robotics".to_owned(), "Gamma 100% Foods".to_owned()]);
    let smes = DirectoryFilter { kind: Some(OrgKind::Sme), ..Default::default() };
    assert_eq!(names(&db, &smes).await.1, 3);
    let smes_in_leipzig = DirectoryFilter { kind: Some(OrgKind::Sme), city: Some(leipzig()), ..Default::default() };
    assert_eq!(names(&db, &smes_in_leipzig).await.0, vec!["Zeta Biotech".to_owned()]);
    let it = DirectoryFilter { section: Some('J'), ..Default::default() };
    assert_eq!(names(&db, &it).await.0, vec!["Alpha Robotics".to_owned(), "Delta_Labs".to_owned()]);
    let food = DirectoryFilter { section: Some('C'), ..Default::default() };
    assert_eq!(names(&db, &food).await.1, 1);
    let nothing = DirectoryFilter { section: Some('U'), ..Default::default() };
    assert_eq!(names(&db, &nothing).await.1, 0);
    let research_in_leipzig =
        DirectoryFilter { section: Some('M'), terms: vec!["leipzig".into()], ..Default::default() };
    assert_eq!(names(&db, &research_in_leipzig).await.1, 2);
}

#[tokio::test]
async fn facets_count_with_the_other_facets_filters() {
    let (_t, db) = directory().await;
    let f = facets(&db, &words(&["leipzig"])).await;
    assert_eq!(f.cities, vec![(leipzig().0, 2)]);
    assert_eq!(f.kinds, vec![("incubator".into(), 1), ("startup".into(), 1)]);
    assert_eq!(f.sections, vec![("J".into(), 1), ("M".into(), 2)]);

    // Choosing a city still shows how many match in every city; the other facets narrow.
    let f = facets(&db, &DirectoryFilter { city: Some(birmingham()), ..Default::default() }).await;
    let mut cities = vec![(birmingham().0, 2), (leipzig().0, 3)];
    cities.sort();
    assert_eq!(f.cities, cities);
    assert_eq!(f.kinds, vec![("sme".into(), 2)]);
    assert_eq!(f.sections, vec![("C".into(), 1), ("J".into(), 1)]);

    // An organisation with two codes in one section counts once.
    let f = facets(&db, &DirectoryFilter { kind: Some(OrgKind::Incubator), ..Default::default() }).await;
    assert_eq!(f.sections, vec![("J".into(), 1), ("M".into(), 1)]);
    assert_eq!(f.kinds.len(), 3, "the kind facet ignores the kind filter");
}

#[tokio::test]
async fn results_are_paged_by_name() {
    let (_t, db) = directory().await;
    let mut conn = db.acquire().await.expect("acquire");
    let page = organisations::search(conn.conn(), &DirectoryFilter::default(), 2, 2).await.expect("search");
    assert_eq!(organisations::facets(conn.conn(), &DirectoryFilter::default()).await.expect("facets").total, 5);
    let names: Vec<_> = page.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Delta_Labs", "Gamma 100% Foods"]);
    let ids: Vec<_> = page.iter().map(|r| r.id).collect();
    let codes = organisations::nace_codes_of(conn.conn(), &ids).await.expect("codes");
    assert_eq!(codes[&ids[0]].iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["72.19", "72.11", "62.02"]);
    let beyond = organisations::search(conn.conn(), &DirectoryFilter::default(), 2, 10).await.expect("search");
    assert!(beyond.is_empty());
}
