//! The change log: writes append in their own transaction, a rolled-back write leaves no row,
//! readers page through it by id; feedback votes are upserted one per user and recommendation.

use crate::{birmingham, fresh, insert_org, org_input};
use chrono::{Duration, Utc};
use tandem_core::directory::OrgKind;
use tandem_core::OrgId;
use tandem_store::change_log::{self, kind};
use tandem_store::match_feedback::{self, Vote};
use tandem_store::{organisations, Db};

async fn changes(db: &Db, after: i64) -> Vec<change_log::Change> {
    let mut conn = db.acquire().await.expect("acquire");
    change_log::since(conn.conn(), after, 100).await.expect("since")
}

#[tokio::test]
async fn organisation_writes_append_changes_in_order() {
    let (_t, db) = fresh().await;
    let start = {
        let mut conn = db.acquire().await.expect("acquire");
        change_log::latest(conn.conn()).await.expect("latest")
    };
    let input = org_input("Digbeth Widgets Ltd", OrgKind::Sme, birmingham(), &["62.01"]);
    let org = insert_org(&db, &input, "").await;
    let mut conn = db.acquire().await.expect("acquire");
    organisations::update(conn.conn(), org.id, 1, &input, &crate::index_of(&input, ""), Utc::now()).await.expect("update");
    drop(conn);

    let found = changes(&db, start).await;
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|c| c.entity_kind == kind::ORGANISATION && c.entity_id == org.id.0.to_string()));
    assert!(found[0].id < found[1].id);
    assert!(changes(&db, found[1].id).await.is_empty(), "nothing after the last one");
}

#[tokio::test]
async fn a_rolled_back_write_leaves_no_change() {
    let (_t, db) = fresh().await;
    let input = org_input("Plagwitz Robotik GmbH", OrgKind::Startup, birmingham(), &[]);
    let before = {
        let mut conn = db.acquire().await.expect("acquire");
        change_log::latest(conn.conn()).await.expect("latest")
    };
    let mut tx = db.begin().await.expect("begin");
    organisations::insert(tx.conn(), OrgId::new(), &input, &crate::index_of(&input, ""), Utc::now()).await.expect("insert");
    drop(tx);
    assert!(changes(&db, before).await.is_empty());
}

#[tokio::test]
async fn pruning_keeps_ids_growing() {
    let (_t, db) = fresh().await;
    let mut conn = db.acquire().await.expect("acquire");
    change_log::append(conn.conn(), kind::RESEARCH, "", Utc::now()).await.expect("append");
    let first = change_log::latest(conn.conn()).await.expect("latest");
    // Every row so far is older than the cut.
    assert!(change_log::prune(conn.conn(), Utc::now() + Duration::seconds(5)).await.expect("prune") >= 1);
    assert_eq!(change_log::latest(conn.conn()).await.expect("latest"), 0, "the log is empty now");
    change_log::append(conn.conn(), kind::RESEARCH, "", Utc::now()).await.expect("append");
    assert!(change_log::latest(conn.conn()).await.expect("latest") > first);
}

#[tokio::test]
async fn a_second_vote_replaces_the_first() {
    let (_t, db) = fresh().await;
    let user = tandem_core::UserId::new();
    let mut conn = db.acquire().await.expect("acquire");
    let users_sql = "INSERT INTO users (id, email, display_name, password_hash, locale, email_verified, is_platform_admin, created_at, updated_at) VALUES ($1, 'v@example.org', 'V', 'x', 'en', TRUE, FALSE, $2, $2)";
    match &db {
        Db::Sqlite(pool) => sqlx::query(users_sql).bind(user.0).bind(Utc::now()).execute(pool).await.map(drop),
        Db::Postgres(pool) => sqlx::query(users_sql).bind(user.0).bind(Utc::now()).execute(pool).await.map(drop),
    }
    .expect("user");
    let subject = uuid::Uuid::now_v7();
    let vote = |up| Vote {
        user,
        subject_kind: match_feedback::kind::ORGANISATION,
        subject_id: subject,
        target_kind: match_feedback::kind::EXTERNAL,
        target_key: "999999999",
        up,
    };
    match_feedback::upsert(conn.conn(), &vote(true), Utc::now()).await.expect("vote");
    match_feedback::upsert(conn.conn(), &vote(false), Utc::now()).await.expect("vote again");
    let votes = match_feedback::votes_of(conn.conn(), user, match_feedback::kind::ORGANISATION, subject).await.expect("votes");
    assert_eq!(votes, vec![("external".to_owned(), "999999999".to_owned(), false)]);
    assert_eq!(match_feedback::count_for(conn.conn(), match_feedback::kind::ORGANISATION, subject).await.expect("count"), 1);
}
