//! Organisations: round trip, optimistic versions, unique registry ids; programmes; memberships.

use crate::{birmingham, fresh, full_figures, index_of, insert_org, leipzig, org_input};
use chrono::Utc;
use tandem_core::account::{Email, Locale, OrgRole};
use tandem_core::directory::{OrgKind, ProgrammeInput, ProgrammeKind, ProgrammeStatus};
use tandem_core::nace::NaceCode;
use tandem_core::{OrgId, ProgrammeId, UserId};
use tandem_store::{memberships, organisations, programmes, users, StoreError};

#[tokio::test]
async fn organisations_round_trip_with_codes_and_figures() {
    let (_t, db) = fresh().await;
    let mut input = org_input("Daden Ltd", OrgKind::Sme, birmingham(), &["62.01", "J", "72"]);
    input.description_en = Some("Virtual humans".into());
    input.description_de = Some("Virtuelle Menschen".into());
    input.website = Some("https://www.daden.co.uk".into());
    input.figures = full_figures();
    input.external_ids.pic = Some("999999999".into());
    input.external_ids.companies_house = Some("01234567".into());
    input.external_ids.handelsregister = Some("HRB 12345".into());
    let stored = insert_org(&db, &input, "").await;
    assert_eq!(stored.version, 1);
    assert_eq!(stored.nace_codes, input.nace_codes, "codes keep their order");
    assert_eq!(stored.figures, input.figures);
    assert_eq!(stored.external_ids, input.external_ids);

    let mut conn = db.acquire().await.expect("acquire");
    let read = organisations::get(conn.conn(), stored.id).await.expect("get").expect("exists");
    assert_eq!(read, stored);
    assert!(organisations::get(conn.conn(), OrgId::new()).await.expect("get").is_none());
    assert_eq!(organisations::count(conn.conn()).await.expect("count"), 1);
    assert_eq!(organisations::id_by_name(conn.conn(), "Daden Ltd").await.expect("by name"), Some(stored.id));
    assert_eq!(organisations::id_by_name(conn.conn(), "daden").await.expect("by name"), None);
    let all = organisations::list_all(conn.conn()).await.expect("list");
    assert_eq!(all, vec![stored]);
}

#[tokio::test]
async fn updates_check_the_version() {
    let (_t, db) = fresh().await;
    let input = org_input("Holosphere", OrgKind::Startup, birmingham(), &["62.01"]);
    let org = insert_org(&db, &input, "").await;
    let mut changed = input.clone();
    changed.name = "Holosphere Ltd".into();
    changed.city_id = leipzig();
    changed.nace_codes = vec![NaceCode::parse("58.21").expect("code")];
    let mut conn = db.acquire().await.expect("acquire");
    let updated = organisations::update(conn.conn(), org.id, 1, &changed, &index_of(&changed, ""), Utc::now())
        .await
        .expect("update at the current version");
    assert_eq!(updated.version, 2);
    assert_eq!(updated.name, "Holosphere Ltd");
    assert_eq!(updated.city_id, leipzig());
    assert_eq!(updated.nace_codes, changed.nace_codes, "codes are replaced");
    assert!(updated.updated_at >= org.updated_at);
    assert_eq!(updated.created_at, org.created_at);

    let stale = organisations::update(conn.conn(), org.id, 1, &input, &index_of(&input, ""), Utc::now()).await;
    assert!(matches!(stale, Err(StoreError::Conflict)), "stale version: {stale:?}");
    let read = organisations::get(conn.conn(), org.id).await.expect("get").expect("exists");
    assert_eq!(read.name, "Holosphere Ltd", "a conflicting update changes nothing");

    let missing = organisations::update(conn.conn(), OrgId::new(), 1, &input, &index_of(&input, ""), Utc::now()).await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "unknown id: {missing:?}");
}

#[tokio::test]
async fn registry_ids_are_unique() {
    let (_t, db) = fresh().await;
    let mut first = org_input("First", OrgKind::Sme, birmingham(), &[]);
    first.external_ids.pic = Some("123456789".into());
    first.external_ids.companies_house = Some("SC123456".into());
    insert_org(&db, &first, "").await;

    let mut same_pic = org_input("Second", OrgKind::Sme, leipzig(), &[]);
    same_pic.external_ids.pic = Some("123456789".into());
    let mut conn = db.acquire().await.expect("acquire");
    let err = organisations::insert(conn.conn(), OrgId::new(), &same_pic, &index_of(&same_pic, ""), Utc::now()).await;
    assert!(matches!(err, Err(StoreError::Duplicate { field: "pic" })), "duplicate PIC: {err:?}");

    let mut same_ch = org_input("Third", OrgKind::Sme, birmingham(), &[]);
    same_ch.external_ids.companies_house = Some("SC123456".into());
    let err = organisations::insert(conn.conn(), OrgId::new(), &same_ch, &index_of(&same_ch, ""), Utc::now()).await;
    assert!(matches!(err, Err(StoreError::Duplicate { field: "companies_house" })), "duplicate number: {err:?}");

    // Absent ids are not values: any number of organisations may have none.
    insert_org(&db, &org_input("Fourth", OrgKind::Sme, birmingham(), &[]), "").await;
    insert_org(&db, &org_input("Fifth", OrgKind::Sme, birmingham(), &[]), "").await;
    assert_eq!(organisations::count(conn.conn()).await.expect("count"), 3);

    // A duplicate made by an update is reported the same way.
    let fourth = organisations::id_by_name(conn.conn(), "Fourth").await.expect("by name").expect("exists");
    let mut update = org_input("Fourth", OrgKind::Sme, birmingham(), &[]);
    update.external_ids.pic = Some("123456789".into());
    let err = organisations::update(conn.conn(), fourth, 1, &update, &index_of(&update, ""), Utc::now()).await;
    assert!(matches!(err, Err(StoreError::Duplicate { field: "pic" })), "duplicate PIC by update: {err:?}");
}

fn programme(name: &str, status: ProgrammeStatus) -> ProgrammeInput {
    ProgrammeInput {
        name: name.into(),
        kind: ProgrammeKind::Acceleration,
        status,
        description_en: Some("Six months".into()),
        description_de: None,
        sectors: vec![NaceCode::parse("62").expect("code"), NaceCode::parse("72.11").expect("code")],
        eligibility: Some("Start-ups".into()),
    }
}

#[tokio::test]
async fn programmes_keep_drafts_out_of_the_public_list() {
    let (_t, db) = fresh().await;
    let org = insert_org(&db, &org_input("SpinLab", OrgKind::Accelerator, leipzig(), &[]), "").await;
    let mut conn = db.acquire().await.expect("acquire");
    let open = programmes::insert(conn.conn(), ProgrammeId::new(), org.id, &programme("Open call", ProgrammeStatus::Open), Utc::now())
        .await
        .expect("insert");
    let draft = programmes::insert(conn.conn(), ProgrammeId::new(), org.id, &programme("Draft idea", ProgrammeStatus::Draft), Utc::now())
        .await
        .expect("insert");
    assert_eq!(open.sectors.len(), 2);
    assert_eq!(open.version, 1);

    let (visible, total) = programmes::list_visible(conn.conn(), 10, 0).await.expect("list");
    assert_eq!(total, 1);
    assert_eq!(visible.iter().map(|p| p.id).collect::<Vec<_>>(), vec![open.id]);
    let by_org = programmes::by_org(conn.conn(), org.id).await.expect("by org");
    assert_eq!(by_org.len(), 2, "the organisation's own list has its drafts");

    let mut published = programme("Draft idea", ProgrammeStatus::Running);
    published.sectors.truncate(1);
    let updated = programmes::update(conn.conn(), draft.id, 1, &published, Utc::now()).await.expect("update");
    assert_eq!((updated.version, updated.status, updated.sectors.len()), (2, ProgrammeStatus::Running, 1));
    let stale = programmes::update(conn.conn(), draft.id, 1, &published, Utc::now()).await;
    assert!(matches!(stale, Err(StoreError::Conflict)), "{stale:?}");
    let missing = programmes::update(conn.conn(), ProgrammeId::new(), 1, &published, Utc::now()).await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    assert_eq!(programmes::list_visible(conn.conn(), 10, 0).await.expect("list").1, 2);
    assert!(programmes::get(conn.conn(), ProgrammeId::new()).await.expect("get").is_none());
}

#[tokio::test]
async fn memberships_are_one_role_per_organisation() {
    let (_t, db) = fresh().await;
    let org = insert_org(&db, &org_input("BioCity Leipzig", OrgKind::Incubator, leipzig(), &[]), "").await;
    let mut conn = db.acquire().await.expect("acquire");
    let user = UserId::new();
    let email = Email::parse("lena@example.org").expect("email");
    let new = users::NewUser {
        id: user,
        email: &email,
        display_name: "Lena",
        password_hash: "x",
        email_verified: true,
        locale: Locale::De,
        is_platform_admin: false,
    };
    users::insert(conn.conn(), &new, Utc::now()).await.expect("insert user");
    memberships::set(conn.conn(), user, org.id, OrgRole::Member, Utc::now()).await.expect("set");
    memberships::set(conn.conn(), user, org.id, OrgRole::ProgrammeManager, Utc::now()).await.expect("change");
    let mine = memberships::of_user(conn.conn(), user).await.expect("of user");
    assert_eq!(mine.len(), 1);
    assert_eq!((mine[0].org_id, mine[0].role, mine[0].org_kind), (org.id, OrgRole::ProgrammeManager, OrgKind::Incubator));
    let members = memberships::members_of(conn.conn(), org.id).await.expect("members");
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].email, "lena@example.org");
    assert!(memberships::remove(conn.conn(), user, org.id).await.expect("remove"));
    assert!(!memberships::remove(conn.conn(), user, org.id).await.expect("remove again"));
    assert!(memberships::of_user(conn.conn(), user).await.expect("of user").is_empty());
}

#[tokio::test]
async fn a_savepoint_lets_a_transaction_go_on_after_a_duplicate() {
    let (_t, db) = fresh().await;
    let mut with_pic = org_input("First", OrgKind::Sme, birmingham(), &[]);
    with_pic.external_ids.pic = Some("555555555".into());
    let mut tx = db.begin().await.expect("begin");
    organisations::insert(tx.conn(), OrgId::new(), &with_pic, &index_of(&with_pic, ""), Utc::now()).await.expect("insert");

    tx.savepoint("row").await.expect("savepoint");
    let mut clash = org_input("Clash", OrgKind::Sme, leipzig(), &["62.01"]);
    clash.external_ids.pic = Some("555555555".into());
    let err = organisations::insert(tx.conn(), OrgId::new(), &clash, &index_of(&clash, ""), Utc::now()).await;
    assert!(matches!(err, Err(StoreError::Duplicate { field: "pic" })), "{err:?}");
    tx.rollback_to_savepoint("row").await.expect("roll back to the savepoint");

    tx.savepoint("row").await.expect("savepoint");
    let fine = org_input("Fine", OrgKind::Sme, leipzig(), &["62.01"]);
    organisations::insert(tx.conn(), OrgId::new(), &fine, &index_of(&fine, ""), Utc::now()).await.expect("the transaction goes on");
    tx.release_savepoint("row").await.expect("release");
    tx.commit().await.expect("commit");

    let mut conn = db.acquire().await.expect("acquire");
    let names: Vec<String> = organisations::list_all(conn.conn()).await.expect("list").into_iter().map(|o| o.name).collect();
    assert_eq!(names, ["Fine", "First"]);
}
