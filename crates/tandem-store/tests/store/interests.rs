//! Expressions of interest and partnership agreements: round trips, conditional decisions,
//! listings by support organisation, evidence files and the statistics counts.

use crate::{birmingham, fresh, insert_org, leipzig, org_input};
use chrono::{DateTime, Duration, NaiveDate, SubsecRound, Utc};
use tandem_core::account::{Email, Locale};
use tandem_core::directory::OrgKind;
use tandem_core::partnering::agreement::{Agreement, AgreementInput, AgreementState, AgreementType, EvidenceFile};
use tandem_core::partnering::interest::{Interest, InterestAnswers, InterestState};
use tandem_core::partnering::ProfileType;
use tandem_core::{AgreementId, EvidenceId, InterestId, OrgId, ProfileId, UserId};
use tandem_store::interests::{self, ListingFilter};
use tandem_store::{agreements, users, Db};

fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// A profile row written directly (the profile use cases are tested elsewhere).
async fn insert_profile(db: &Db, owner: OrgId, support: Option<OrgId>, profile_type: &str, state: &str) -> ProfileId {
    let id = ProfileId::new();
    let sql = "INSERT INTO profiles (id, owner_org_id, support_org_id, profile_type, language, title, sdgs, \
         call_coordinator_required, state, published_at, expires_at, extended, expiry_notice_sent, search_text, version, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, 'en', $5, '', FALSE, $6, $7, $8, FALSE, FALSE, '', 1, $7, $7)";
    let (at, expires) = (now(), now() + Duration::days(365));
    let title = format!("{profile_type} profile {id}");
    match db {
        Db::Sqlite(pool) => sqlx::query(sql)
            .bind(id.0)
            .bind(owner.0)
            .bind(support.map(|s| s.0))
            .bind(profile_type)
            .bind(&title)
            .bind(state)
            .bind(at)
            .bind(expires)
            .execute(pool)
            .await
            .map(drop),
        Db::Postgres(pool) => sqlx::query(sql)
            .bind(id.0)
            .bind(owner.0)
            .bind(support.map(|s| s.0))
            .bind(profile_type)
            .bind(&title)
            .bind(state)
            .bind(at)
            .bind(expires)
            .execute(pool)
            .await
            .map(drop),
    }
    .expect("insert profile");
    id
}

fn interest(profile: ProfileId, from: OrgId, at: DateTime<Utc>) -> Interest {
    Interest {
        id: InterestId::new(),
        profile_id: profile,
        from_org_id: from,
        answers: InterestAnswers {
            cooperation_sought: "Licensing for the UK market".into(),
            missing_information: Some("Price range?".into()),
            who_we_are: "A Birmingham distributor of medical devices".into(),
        },
        state: InterestState::Submitted,
        decline_reason: None,
        created_by: None,
        decided_by: None,
        created_at: at,
        decided_at: None,
    }
}

async fn user(db: &Db, address: &str, locale: Locale) -> UserId {
    let mut conn = db.acquire().await.expect("acquire");
    let id = UserId::new();
    let email = Email::parse(address).expect("email");
    let new = users::NewUser {
        id,
        email: &email,
        display_name: address.split('@').next().unwrap_or(address),
        password_hash: "x",
        email_verified: true,
        locale,
        is_platform_admin: false,
    };
    users::insert(conn.conn(), &new, Utc::now()).await.expect("insert user");
    id
}

#[tokio::test]
async fn interests_round_trip_and_only_one_decision_wins() {
    let (_t, db) = fresh().await;
    let owner = insert_org(&db, &org_input("Schenker GmbH", OrgKind::Sme, leipzig(), &[]), "").await;
    let support = insert_org(&db, &org_input("BioCity Leipzig", OrgKind::Incubator, leipzig(), &[]), "").await;
    let from = insert_org(&db, &org_input("Daden Ltd", OrgKind::Sme, birmingham(), &[]), "").await;
    let other = insert_org(&db, &org_input("Holosphere", OrgKind::Sme, birmingham(), &[]), "").await;
    let profile = insert_profile(&db, owner.id, Some(support.id), "TO", "published").await;
    let broker = user(&db, "broker@biocity.example", Locale::De).await;

    let mut conn = db.acquire().await.expect("acquire");
    let reference = interests::profile_ref(conn.conn(), profile).await.expect("profile ref").expect("exists");
    assert_eq!((reference.owner_org_id, reference.support_org_id), (owner.id, Some(support.id)));
    assert_eq!(reference.profile_type, Some(ProfileType::TechnologyOffer));
    assert!(reference.published);
    assert!(interests::profile_ref(conn.conn(), ProfileId::new()).await.expect("missing").is_none());

    let first = interest(profile, from.id, now() - Duration::minutes(5));
    assert!(interests::insert_if_none_open(conn.conn(), &first).await.expect("insert"));
    let again = interest(profile, from.id, now());
    assert!(!interests::insert_if_none_open(conn.conn(), &again).await.expect("second open"), "one open interest per organisation");
    let second = interest(profile, other.id, now());
    interests::insert(conn.conn(), &second).await.expect("insert other");

    assert_eq!(interests::get(conn.conn(), first.id).await.expect("get"), Some(first.clone()));
    assert!(interests::get(conn.conn(), InterestId::new()).await.expect("get").is_none());
    let listed: Vec<InterestId> = interests::for_profile(conn.conn(), profile).await.expect("list").iter().map(|i| i.id).collect();
    assert_eq!(listed, [second.id, first.id], "newest first");
    assert_eq!(interests::from_org(conn.conn(), from.id).await.expect("from"), vec![first.clone()]);

    let at = now();
    let won = interests::decide(conn.conn(), first.id, InterestState::Introduced, None, Some(broker), at).await.expect("decide");
    let lost = interests::decide(conn.conn(), first.id, InterestState::Declined, Some("late"), Some(broker), at).await.expect("again");
    assert_eq!((won, lost), (1, 0), "only the first decision changes the row");
    let decided = interests::get(conn.conn(), first.id).await.expect("get").expect("exists");
    assert_eq!((decided.state, decided.decided_by, decided.decided_at, decided.decline_reason), (InterestState::Introduced, Some(broker), Some(at), None));
    assert!(interests::insert_if_none_open(conn.conn(), &again).await.expect("open again"), "a decided interest is not open");

    assert_eq!(interests::introduced_orgs(conn.conn(), profile).await.expect("introduced"), [from.id]);
    assert_eq!(interests::introduced_profiles_for_orgs(conn.conn(), &[other.id, from.id]).await.expect("profiles"), [profile]);
    assert!(interests::introduced_profiles_for_orgs(conn.conn(), &[other.id]).await.expect("none").is_empty());
    assert!(interests::introduced_profiles_for_orgs(conn.conn(), &[]).await.expect("empty").is_empty());
}

#[tokio::test]
async fn listings_follow_the_managing_support_organisation() {
    let (_t, db) = fresh().await;
    let owner = insert_org(&db, &org_input("Schenker GmbH", OrgKind::Sme, leipzig(), &[]), "").await;
    let support = insert_org(&db, &org_input("BioCity Leipzig", OrgKind::Incubator, leipzig(), &[]), "").await;
    let from = insert_org(&db, &org_input("Daden Ltd", OrgKind::Sme, birmingham(), &[]), "").await;
    let managed = insert_profile(&db, owner.id, Some(support.id), "BO", "published").await;
    let unassigned = insert_profile(&db, owner.id, None, "BR", "published").await;
    let mut conn = db.acquire().await.expect("acquire");
    let a = interest(managed, from.id, now() - Duration::minutes(1));
    let b = interest(unassigned, from.id, now());
    interests::insert(conn.conn(), &a).await.expect("a");
    interests::insert(conn.conn(), &b).await.expect("b");

    let pipeline = interests::for_support_org(conn.conn(), Some(support.id)).await.expect("pipeline");
    assert_eq!(pipeline.len(), 1);
    let row = &pipeline[0];
    assert_eq!(row.interest, a);
    assert_eq!((row.from_org_name.as_str(), row.from_city.as_str()), ("Daden Ltd", "Birmingham"));
    assert_eq!((row.owner_name.as_str(), row.owner_city.as_str(), row.owner_org_id), ("Schenker GmbH", "Leipzig", owner.id));
    assert_eq!((row.profile_type, row.support_org_id), (Some(ProfileType::BusinessOffer), Some(support.id)));
    let open: Vec<InterestId> =
        interests::for_support_org(conn.conn(), None).await.expect("unassigned").iter().map(|l| l.interest.id).collect();
    assert_eq!(open, [b.id]);
    let sent = interests::listings(conn.conn(), ListingFilter::FromOrg(from.id)).await.expect("sent");
    assert_eq!(sent.iter().map(|l| l.interest.id).collect::<Vec<_>>(), [b.id, a.id]);
    assert_eq!(interests::listings(conn.conn(), ListingFilter::All).await.expect("all").len(), 2);
    assert_eq!(interests::listings(conn.conn(), ListingFilter::Profile(managed)).await.expect("one").len(), 1);
}

fn agreement(profile: ProfileId, owner: OrgId, partner: OrgId, agreement_type: AgreementType) -> Agreement {
    Agreement {
        id: AgreementId::new(),
        profile_id: profile,
        interest_id: None,
        owner_org_id: owner,
        partner_org_id: partner,
        input: AgreementInput {
            agreement_type,
            signed_on: NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"),
            summary: Some("Licence for the UK".into()),
        },
        state: AgreementState::Recorded,
        recorded_by: None,
        confirmed_by: None,
        created_at: now(),
        confirmed_at: None,
    }
}

#[tokio::test]
async fn agreements_are_confirmed_once_and_only_confirmed_ones_count() {
    let (_t, db) = fresh().await;
    let owner = insert_org(&db, &org_input("Schenker GmbH", OrgKind::Sme, leipzig(), &[]), "").await;
    let partner = insert_org(&db, &org_input("Daden Ltd", OrgKind::Sme, birmingham(), &[]), "").await;
    let profile = insert_profile(&db, owner.id, None, "TO", "published").await;
    insert_profile(&db, owner.id, None, "TO", "published").await;
    insert_profile(&db, partner.id, None, "BR", "published").await;
    insert_profile(&db, partner.id, None, "BR", "draft").await;
    let mut conn = db.acquire().await.expect("acquire");

    let mut with_interest = interest(profile, partner.id, now());
    with_interest.state = InterestState::Introduced;
    interests::insert(conn.conn(), &with_interest).await.expect("interest");
    let mut licence = agreement(profile, owner.id, partner.id, AgreementType::TechnologyLicensing);
    licence.interest_id = Some(with_interest.id);
    let jv = agreement(profile, owner.id, partner.id, AgreementType::JointVenture);
    let rejected = agreement(profile, partner.id, owner.id, AgreementType::JointVenture);
    for a in [&licence, &jv, &rejected] {
        agreements::insert(conn.conn(), a).await.expect("insert agreement");
    }
    assert_eq!(agreements::get(conn.conn(), licence.id).await.expect("get"), Some(licence.clone()));
    assert!(agreements::get(conn.conn(), AgreementId::new()).await.expect("get").is_none());
    assert_eq!(agreements::for_profile(conn.conn(), profile).await.expect("profile").len(), 3);
    assert_eq!(agreements::for_org(conn.conn(), partner.id).await.expect("as partner or owner").len(), 3);

    let at = now();
    assert_eq!(agreements::set_state(conn.conn(), licence.id, AgreementState::Confirmed, None, at).await.expect("confirm"), 1);
    assert_eq!(agreements::set_state(conn.conn(), licence.id, AgreementState::Rejected, None, at).await.expect("late"), 0);
    assert_eq!(agreements::set_state(conn.conn(), rejected.id, AgreementState::Rejected, None, at).await.expect("reject"), 1);
    let confirmed = agreements::get(conn.conn(), licence.id).await.expect("get").expect("exists");
    assert_eq!((confirmed.state, confirmed.confirmed_at), (AgreementState::Confirmed, Some(at)));

    assert_eq!(
        agreements::confirmed_by_type(conn.conn()).await.expect("by type"),
        [("technology".to_owned(), "technology_licensing".to_owned(), 1)]
    );
    assert_eq!(
        agreements::confirmed_by_cities(conn.conn()).await.expect("by city"),
        [("Leipzig".to_owned(), "Birmingham".to_owned(), 1)]
    );
    assert_eq!(agreements::introductions(conn.conn()).await.expect("introductions"), 1);
    assert_eq!(
        agreements::introductions_by_cities(conn.conn()).await.expect("introductions by city"),
        [("Leipzig".to_owned(), "Birmingham".to_owned(), 1)]
    );
    assert_eq!(
        agreements::published_by_city_and_type(conn.conn()).await.expect("published"),
        [("Birmingham".to_owned(), "BR".to_owned(), 1), ("Leipzig".to_owned(), "TO".to_owned(), 2)]
    );

    let content = b"%PDF-1.4\n% evidence\n".to_vec();
    let file = EvidenceFile {
        id: EvidenceId::new(),
        agreement_id: licence.id,
        file_name: "licence.pdf".into(),
        media_type: "application/pdf".into(),
        size: content.len() as i64,
        sha256: "00".repeat(32),
        uploaded_by: None,
        created_at: now(),
    };
    agreements::insert_evidence(conn.conn(), &file, &content).await.expect("evidence");
    assert_eq!(agreements::evidence_of(conn.conn(), licence.id).await.expect("list"), vec![file.clone()]);
    assert!(agreements::evidence_of(conn.conn(), jv.id).await.expect("none").is_empty());
    assert_eq!(agreements::evidence(conn.conn(), file.id).await.expect("one"), Some(file.clone()));
    assert_eq!(agreements::evidence_content(conn.conn(), file.id).await.expect("content"), Some(content));
    assert_eq!(agreements::evidence_content(conn.conn(), EvidenceId::new()).await.expect("missing"), None);
}
