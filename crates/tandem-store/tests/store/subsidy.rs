//! What the subsidy ledgers count (issue 6, item 4), on both backends: declarations of other
//! grantors' aid (version-checked corrections, withdrawal instead of deletion), control links
//! found from either end and removed once, and an enterprise's aid in one list — support records
//! with an aid value and declarations, nothing withdrawn, rates kept.

use crate::{birmingham, fresh, insert_org, leipzig, org_input};
use chrono::{NaiveDate, Utc};
use tandem_core::directory::OrgKind;
use tandem_core::evidence::aid::subsidy::ControlRelation;
use tandem_core::evidence::aid::{AidDeclaration, AidDeclarationInput, EnterpriseLink, LinkInput};
use tandem_core::evidence::project::{Funder, ProjectCurrency, ProjectInput};
use tandem_core::evidence::support::{Activity, SupportInput, SupportRecord};
use tandem_core::{OrgId, ProjectId, SupportRecordId};
use tandem_store::projects::ProjectLists;
use tandem_store::subsidy::{self, AidSource};
use tandem_store::{Db, support_records};
use uuid::Uuid;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

async fn enterprise(db: &Db, name: &str) -> OrgId {
    insert_org(db, &org_input(name, OrgKind::Sme, leipzig(), &["62.01"]), "").await.id
}

fn declaration(enterprise: OrgId, grantor: &str, granted_on: NaiveDate, amount: i64) -> AidDeclaration {
    let now = Utc::now();
    AidDeclaration {
        id: Uuid::now_v7(),
        enterprise_id: enterprise,
        input: AidDeclarationInput {
            grantor: grantor.into(),
            description: Some("De minimis grant".into()),
            granted_on,
            amount,
            currency: "EUR".into(),
            rate_millionths: None,
            rate_source: None,
            declared_on: granted_on,
        },
        created_by: None,
        created_at: now,
        updated_at: now,
        version: 1,
        withdrawn_at: None,
        withdrawn_reason: None,
    }
}

async fn declare(db: &Db, d: &AidDeclaration) {
    let mut conn = db.acquire().await.expect("acquire");
    subsidy::insert_declaration(conn.conn(), d).await.expect("insert declaration");
}

#[tokio::test]
async fn declarations_are_corrected_at_their_version_and_withdrawn_not_deleted() {
    let (_t, db) = fresh().await;
    let sme = enterprise(&db, "Pleiße Wasserstoff GmbH").await;
    let first = declaration(sme, "Sächsische Aufbaubank", day(2024, 3, 15), 15_000_000);
    let second = declaration(sme, "Stadt Leipzig", day(2023, 11, 30), 750_000);
    declare(&db, &first).await;
    declare(&db, &second).await;
    let mut conn = db.acquire().await.expect("acquire");
    let read = subsidy::declaration(conn.conn(), first.id).await.expect("read").expect("exists");
    assert_eq!(read.input, first.input);
    assert_eq!((read.version, read.enterprise_id), (1, sme));

    let corrected = AidDeclarationInput {
        amount: 14_000_000,
        currency: "GBP".into(),
        rate_millionths: Some(1_172_300),
        rate_source: Some("ECB reference rate of 15 March 2024".into()),
        ..first.input.clone()
    };
    let now = Utc::now();
    assert!(subsidy::update_declaration(conn.conn(), first.id, 1, &corrected, now).await.expect("update"));
    assert!(!subsidy::update_declaration(conn.conn(), first.id, 1, &corrected, now).await.expect("stale"), "version 1 is gone");
    let read = subsidy::declaration(conn.conn(), first.id).await.expect("read").expect("exists");
    assert_eq!((read.version, read.input.rate_millionths, read.input.amount), (2, Some(1_172_300), 14_000_000));

    assert!(subsidy::withdraw_declaration(conn.conn(), first.id, 2, "declared twice", now).await.expect("withdraw"));
    assert!(!subsidy::withdraw_declaration(conn.conn(), first.id, 3, "again", now).await.expect("once"), "withdrawn once");
    assert!(!subsidy::update_declaration(conn.conn(), first.id, 3, &corrected, now).await.expect("update"), "a withdrawn one stays");
    let all = subsidy::declarations_of(conn.conn(), sme).await.expect("list");
    let grantors: Vec<(&str, bool)> = all.iter().map(|d| (d.input.grantor.as_str(), d.withdrawn_at.is_some())).collect();
    assert_eq!(grantors, [("Sächsische Aufbaubank", true), ("Stadt Leipzig", false)], "latest grant first, withdrawn kept");
    assert_eq!(all[0].withdrawn_reason.as_deref(), Some("declared twice"));
}

#[tokio::test]
async fn links_in_force_are_found_from_either_end_and_removed_once() {
    let (_t, db) = fresh().await;
    let (parent, child, other) = (
        enterprise(&db, "Kingfisher Middleware Ltd").await,
        enterprise(&db, "Canalside Cyber Ltd").await,
        enterprise(&db, "Other Ltd").await,
    );
    let link = EnterpriseLink {
        id: Uuid::now_v7(),
        input: LinkInput { controller_id: parent, controlled_id: child, relation: ControlRelation::MaterialInfluence },
        created_by: None,
        created_at: Utc::now(),
        removed_at: None,
    };
    let mut conn = db.acquire().await.expect("acquire");
    subsidy::insert_link(conn.conn(), &link).await.expect("insert link");
    for end in [parent, child] {
        let found = subsidy::links_of(conn.conn(), end).await.expect("links");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].input, link.input, "the relation reads back as written");
    }
    assert!(subsidy::links_of(conn.conn(), other).await.expect("links").is_empty());
    assert!(subsidy::remove_link(conn.conn(), link.id, Utc::now()).await.expect("remove"));
    assert!(!subsidy::remove_link(conn.conn(), link.id, Utc::now()).await.expect("again"), "removed once");
    assert!(subsidy::links_of(conn.conn(), parent).await.expect("links").is_empty(), "a removed link joins nothing");
    assert!(subsidy::link(conn.conn(), link.id).await.expect("read").expect("kept").removed_at.is_some());
}

fn support(project: ProjectId, enterprise: OrgId, by: OrgId, on: NaiveDate, aid_value: i64, rate: Option<i64>) -> SupportRecord {
    let now = Utc::now();
    SupportRecord {
        id: SupportRecordId::new(),
        project_id: project,
        input: SupportInput {
            enterprise_id: enterprise,
            support_org_id: by,
            adviser_name: "Lena Berger".into(),
            delivered_on: on,
            hours: 400,
            activity: Activity::OneToOneAdvice,
            written_output: Some("Action plan".into()),
            grant_amount: None,
            loan_amount: None,
            loan_aid_value: None,
            aid_rate_millionths: rate,
            programme_id: None,
        },
        adviser_user_id: None,
        aid_value,
        currency: "EUR".into(),
        created_by: None,
        version: 1,
        created_at: now,
        updated_at: now,
        withdrawn_at: None,
        withdrawn_reason: None,
    }
}

#[tokio::test]
async fn an_enterprises_aid_is_its_support_with_aid_and_its_declarations_none_withdrawn() {
    let (_t, db) = fresh().await;
    let lead = insert_org(&db, &org_input("SpinLab", OrgKind::Accelerator, leipzig(), &["62.01"]), "").await.id;
    let uk = insert_org(&db, &org_input("Kingfisher Middleware Ltd", OrgKind::Sme, birmingham(), &["62.01"]), "").await.id;
    let de = enterprise(&db, "Nordlicht Sensorik GmbH").await;
    let project = ProjectId::new();
    let input = ProjectInput {
        name: "SpinLab Scale-up".into(),
        lead_org_id: lead,
        funder: Funder::Erdf2021,
        scheme: None,
        rulebook: "eu_2021_1058".into(),
        rulebook_version: "2021".into(),
        agreement_signed_on: day(2023, 11, 20),
        starts_on: day(2024, 1, 1),
        ends_on: day(2027, 12, 31),
        currency: ProjectCurrency::Eur,
        hours_threshold: 1_200,
        day_rate: Some(80_000),
        hours_per_day: 800,
    };
    let mut conn = db.acquire().await.expect("acquire");
    tandem_store::projects::insert(conn.conn(), project, &input, &ProjectLists::default(), Utc::now()).await.expect("project");
    let counted = support(project, uk, lead, day(2025, 6, 3), 60_000, Some(845_500));
    let no_aid = support(project, uk, lead, day(2025, 6, 4), 0, None);
    let withdrawn = support(project, uk, lead, day(2025, 6, 5), 40_000, Some(845_500));
    let elsewhere = support(project, de, lead, day(2025, 6, 6), 40_000, None);
    for r in [&counted, &no_aid, &withdrawn, &elsewhere] {
        support_records::insert(conn.conn(), r).await.expect("support");
    }
    assert!(support_records::withdraw(conn.conn(), withdrawn.id, 1, "wrong firm", Utc::now()).await.expect("withdraw"));
    let read = support_records::get(conn.conn(), counted.id).await.expect("read").expect("exists");
    assert_eq!(read.input.aid_rate_millionths, Some(845_500), "the rate is stored with the record");
    drop(conn);
    let declared = declaration(uk, "Birmingham City Council", day(2025, 2, 3), 4_200_000);
    let gone = declaration(uk, "Typo Council", day(2025, 2, 4), 1_000);
    declare(&db, &declared).await;
    declare(&db, &gone).await;
    let mut conn = db.acquire().await.expect("acquire");
    assert!(subsidy::withdraw_declaration(conn.conn(), gone.id, 1, "typo", Utc::now()).await.expect("withdraw"));

    let aid = subsidy::aid_of(conn.conn(), &[uk]).await.expect("aid");
    let ids: Vec<Uuid> = aid.iter().map(|a| a.id).collect();
    assert_eq!(ids, [declared.id, counted.id.0], "by date; no zero aid, nothing withdrawn, no other enterprise");
    assert!(matches!(&aid[0].source, AidSource::Declared { grantor, .. } if grantor == "Birmingham City Council"));
    assert!(
        matches!(&aid[1].source, AidSource::Support { record_id, project_name, .. } if *record_id == counted.id && project_name == "SpinLab Scale-up")
    );
    assert_eq!(
        (aid[1].amount, aid[1].currency.as_str(), aid[1].rate_millionths, aid[1].granted_on),
        (60_000, "EUR", Some(845_500), day(2025, 6, 3))
    );
    let both = subsidy::aid_of(conn.conn(), &[uk, de]).await.expect("aid");
    assert_eq!(both.len(), 3, "a group's aid in one list");
}
