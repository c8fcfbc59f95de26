//! The audit trail (issue 6, item 7): entries chain in commit order, even from many concurrent
//! writers; the database refuses updates and deletes; and `verify` finds an entry altered or
//! removed directly in the database behind the triggers' back — on both backends.

use crate::fresh;
use chrono::{Duration, Utc};
use serde_json::json;
use tandem_core::audit::Problem;
use tandem_core::UserId;
use tandem_store::audit::{self, NewEntry};
use tandem_store::Db;

/// Appends one change of support record `id` with `hours`, in its own transaction.
async fn record(db: &Db, id: &str, hours: i64) -> i64 {
    let before = json!({ "hours": hours - 1 });
    let after = json!({ "hours": hours, "adviser": "Priya Sharma" });
    let entry = NewEntry { actor: Some(UserId::new()), entity_kind: "support_record", entity_id: id, action: "updated", before: Some(&before), after: Some(&after) };
    let mut tx = db.begin().await.expect("begin");
    let seq = audit::append(tx.conn(), &entry, Utc::now()).await.expect("append");
    tx.commit().await.expect("commit");
    seq
}

async fn verify(db: &Db) -> tandem_core::audit::VerifyReport {
    let mut conn = db.acquire().await.expect("acquire");
    audit::verify(conn.conn()).await.expect("verify")
}

/// Runs `sql` directly, as someone with database access would.
async fn raw(db: &Db, sql: &str) -> Result<u64, sqlx::Error> {
    match db {
        Db::Sqlite(pool) => sqlx::query(sql).execute(pool).await.map(|r| r.rows_affected()),
        Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|r| r.rows_affected()),
    }
}

/// Switches the append-only triggers off, as a database owner could.
async fn disable_triggers(db: &Db) {
    match db {
        Db::Sqlite(_) => {
            raw(db, "DROP TRIGGER audit_log_no_update").await.expect("drop trigger");
            raw(db, "DROP TRIGGER audit_log_no_delete").await.expect("drop trigger");
        }
        Db::Postgres(_) => {
            raw(db, "ALTER TABLE audit_log DISABLE TRIGGER USER").await.expect("disable triggers");
        }
    }
}

#[tokio::test]
async fn entries_chain_in_order_and_a_record_shows_its_history() {
    let (_t, db) = fresh().await;
    let empty = verify(&db).await;
    assert!(empty.is_intact() && empty.entries == 0);
    assert_eq!(record(&db, "r1", 3).await, 1);
    assert_eq!(record(&db, "r2", 5).await, 2);
    assert_eq!(record(&db, "r1", 4).await, 3);

    let report = verify(&db).await;
    assert!(report.is_intact(), "{:?}", report.problems);
    assert_eq!(report.entries, 3);
    assert_eq!(report.head.len(), 64);

    let mut conn = db.acquire().await.expect("acquire");
    let history = audit::history(conn.conn(), "support_record", "r1").await.expect("history");
    assert_eq!(history.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 3]);
    assert_eq!(history[1].before, Some(json!({ "hours": 3 })));
    assert_eq!(history[1].after.as_ref().and_then(|a| a.get("adviser")), Some(&json!("Priya Sharma")));
}

#[tokio::test]
async fn a_rolled_back_change_leaves_no_entry_and_no_gap() {
    let (_t, db) = fresh().await;
    record(&db, "r1", 1).await;
    {
        let after = json!({ "hours": 2 });
        let entry = NewEntry { actor: None, entity_kind: "support_record", entity_id: "r1", action: "updated", before: None, after: Some(&after) };
        let mut tx = db.begin().await.expect("begin");
        audit::append(tx.conn(), &entry, Utc::now()).await.expect("append");
        drop(tx); // rolled back
    }
    assert_eq!(record(&db, "r1", 3).await, 2, "the next entry takes the free place");
    assert!(verify(&db).await.is_intact());
}

#[tokio::test]
async fn concurrent_writers_keep_one_unbroken_chain() {
    let (_t, db) = fresh().await;
    let writers: Vec<_> = (0..8)
        .map(|w| {
            let db = db.clone();
            tokio::spawn(async move {
                for n in 0..5 {
                    let id = format!("r{w}");
                    // SQLite's single writer may report a busy database under load: try again.
                    let mut tries = 0;
                    loop {
                        let mut tx = db.begin().await.expect("begin");
                        let after = json!({ "n": n });
                        let entry = NewEntry { actor: None, entity_kind: "support_record", entity_id: &id, action: "updated", before: None, after: Some(&after) };
                        let done = match audit::append(tx.conn(), &entry, Utc::now()).await {
                            Ok(_) => tx.commit().await.is_ok(),
                            Err(_) => false,
                        };
                        if done {
                            break;
                        }
                        tries += 1;
                        assert!(tries < 50, "writer {w} kept failing");
                        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                    }
                }
            })
        })
        .collect();
    for w in writers {
        w.await.expect("writer");
    }
    let report = verify(&db).await;
    assert!(report.is_intact(), "{:?}", report.problems);
    assert_eq!(report.entries, 40);
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_entries() {
    let (_t, db) = fresh().await;
    record(&db, "r1", 1).await;
    assert!(raw(&db, "UPDATE audit_log SET action = 'created'").await.is_err(), "updates are refused");
    assert!(raw(&db, "UPDATE audit_log SET content = '{}'").await.is_err(), "content cannot be replaced");
    assert!(raw(&db, "DELETE FROM audit_log").await.is_err(), "deletes are refused");
    if matches!(db, Db::Postgres(_)) {
        assert!(raw(&db, "TRUNCATE audit_log").await.is_err(), "truncation is refused");
    }
    assert!(verify(&db).await.is_intact());
}

#[tokio::test]
async fn verify_fails_after_an_entry_is_altered_directly_in_the_database() {
    let (_t, db) = fresh().await;
    for h in 1..=4 {
        record(&db, "r1", h).await;
    }
    disable_triggers(&db).await;
    let changed = raw(&db, "UPDATE audit_log SET content = replace(content, '\"hours\":3', '\"hours\":30') WHERE seq = 3").await.expect("tamper");
    assert_eq!(changed, 1);
    let report = verify(&db).await;
    assert_eq!(report.problems, vec![Problem::ContentAltered { seq: 3 }]);

    // Putting the content back and moving the entry in time instead is found too.
    raw(&db, "UPDATE audit_log SET content = replace(content, '\"hours\":30', '\"hours\":3') WHERE seq = 3").await.expect("restore");
    assert!(verify(&db).await.is_intact(), "restored");
    let moved = match db {
        Db::Sqlite(_) => "UPDATE audit_log SET actor_user_id = NULL WHERE seq = 2",
        Db::Postgres(_) => "UPDATE audit_log SET at = at - interval '1 day' WHERE seq = 2",
    };
    raw(&db, moved).await.expect("tamper");
    assert_eq!(verify(&db).await.problems, vec![Problem::EntryAltered { seq: 2 }]);
}

#[tokio::test]
async fn verify_fails_after_an_entry_is_deleted_directly_in_the_database() {
    let (_t, db) = fresh().await;
    for h in 1..=3 {
        record(&db, "r1", h).await;
    }
    disable_triggers(&db).await;
    raw(&db, "DELETE FROM audit_log WHERE seq = 2").await.expect("tamper");
    assert_eq!(verify(&db).await.problems, vec![Problem::Gap { expected: 2, found: 3 }, Problem::BrokenLink { seq: 3 }]);
}

#[tokio::test]
async fn erasing_an_entrys_content_keeps_the_chain_verifiable() {
    let (_t, db) = fresh().await;
    record(&db, "r1", 1).await;
    record(&db, "r1", 2).await;
    let mut conn = db.acquire().await.expect("acquire");
    let at = Utc::now() + Duration::days(1);
    assert_eq!(audit::erase(conn.conn(), 1, at).await.expect("erase"), 1);
    assert_eq!(audit::erase(conn.conn(), 1, at).await.expect("erase again"), 0, "once");
    let history = audit::history(conn.conn(), "support_record", "r1").await.expect("history");
    assert_eq!((history[0].after.clone(), history[0].erased_at.is_some()), (None, true));
    assert!(history[1].after.is_some(), "the other entry keeps its content");
    drop(conn);
    let report = verify(&db).await;
    assert!(report.is_intact(), "{:?}", report.problems);
    assert_eq!(report.erased, 1);
}
