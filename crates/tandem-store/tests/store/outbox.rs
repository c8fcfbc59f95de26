//! The email outbox: claims never overlap, failures wait for their retry time, sent mail is done.

use crate::{fresh, text_of, time_of};
use chrono::{Duration, Utc};
use std::collections::HashSet;
use std::sync::Arc;
use tandem_store::outbox::{self, OutboxMessage};
use tandem_store::Db;
use tokio::sync::Barrier;

async fn enqueue(db: &Db, n: usize) {
    let mut conn = db.acquire().await.expect("acquire");
    for i in 0..n {
        outbox::enqueue(conn.conn(), &format!("r{i}@example.org"), &format!("Subject {i}"), "Body", Utc::now())
            .await
            .expect("enqueue");
    }
}

async fn claim_in_own_transaction(db: &Db, barrier: &Barrier, limit: i64) -> Vec<OutboxMessage> {
    barrier.wait().await;
    let now = Utc::now();
    let mut tx = db.begin().await.expect("begin");
    let claimed = outbox::claim(tx.conn(), now, now + Duration::seconds(120), limit).await.expect("claim");
    // Hold the transaction open a moment so the other claim runs while these rows are locked.
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    tx.commit().await.expect("commit");
    claimed
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_claims_never_return_the_same_message() {
    let (_t, db) = fresh().await;
    enqueue(&db, 20).await;
    let barrier = Arc::new(Barrier::new(2));
    let tasks: Vec<_> = (0..2)
        .map(|_| {
            let (db, barrier) = (db.clone(), barrier.clone());
            tokio::spawn(async move { claim_in_own_transaction(&db, &barrier, 15).await })
        })
        .collect();
    let mut seen = HashSet::new();
    let mut total = 0;
    for task in tasks {
        let claimed = task.await.expect("claim task");
        total += claimed.len();
        for message in claimed {
            assert_eq!(message.attempts, 1, "a claim counts as an attempt");
            assert!(seen.insert(message.id), "message {} was claimed twice", message.id);
        }
    }
    assert_eq!(total, 20, "together the two claims (15 each) take every message once");

    // Claimed messages are reserved…
    let now = Utc::now();
    let mut conn = db.acquire().await.expect("acquire");
    assert!(outbox::claim(conn.conn(), now, now + Duration::seconds(120), 50).await.expect("claim").is_empty());
    // …until the claim expires (a sender that crashed loses nothing).
    let later = now + Duration::seconds(121);
    let reclaimed = outbox::claim(conn.conn(), later, later + Duration::seconds(120), 50).await.expect("claim");
    assert_eq!(reclaimed.len(), 20);
    assert!(reclaimed.iter().all(|m| m.attempts == 2));
}

#[tokio::test]
async fn a_failed_message_waits_for_its_retry_time() {
    let (_t, db) = fresh().await;
    let mut conn = db.acquire().await.expect("acquire");
    let now = Utc::now();
    let id = outbox::enqueue(conn.conn(), "chris@example.org", "Hello", "Body text", now).await.expect("enqueue");
    let claimed = outbox::claim(conn.conn(), now, now + Duration::seconds(120), 10).await.expect("claim");
    assert_eq!(claimed.len(), 1);
    let m = &claimed[0];
    assert_eq!((m.id, m.recipient.as_str(), m.subject.as_str(), m.body_text.as_str()), (id.0, "chris@example.org", "Hello", "Body text"));

    let retry_at = now + Duration::seconds(30);
    outbox::mark_failed(conn.conn(), id.0, "connection refused", retry_at).await.expect("mark failed");
    assert_eq!(text_of(&db, "SELECT last_error FROM outbox WHERE id = $1", id.0).await.as_deref(), Some("connection refused"));
    assert!(time_of(&db, "SELECT claimed_until FROM outbox WHERE id = $1", id.0).await.is_none(), "the claim is released");
    assert_eq!(outbox::pending_count(conn.conn()).await.expect("pending"), 1);

    let soon = now + Duration::seconds(29);
    assert!(outbox::claim(conn.conn(), soon, soon + Duration::seconds(120), 10).await.expect("claim").is_empty(), "not due yet");
    let due = now + Duration::seconds(31);
    let retried = outbox::claim(conn.conn(), due, due + Duration::seconds(120), 10).await.expect("claim");
    assert_eq!(retried.len(), 1);
    assert_eq!(retried[0].attempts, 2);

    outbox::mark_sent(conn.conn(), id.0, due).await.expect("mark sent");
    assert_eq!(text_of(&db, "SELECT last_error FROM outbox WHERE id = $1", id.0).await, None, "success clears the error");
    assert!(time_of(&db, "SELECT sent_at FROM outbox WHERE id = $1", id.0).await.is_some());
}

#[tokio::test]
async fn sent_messages_leave_the_queue() {
    let (_t, db) = fresh().await;
    enqueue(&db, 3).await;
    let mut conn = db.acquire().await.expect("acquire");
    assert_eq!(outbox::pending_count(conn.conn()).await.expect("pending"), 3);
    let now = Utc::now();
    let claimed = outbox::claim(conn.conn(), now, now + Duration::seconds(120), 2).await.expect("claim");
    assert_eq!(claimed.len(), 2, "the limit is respected");
    let mut subjects: Vec<&str> = claimed.iter().map(|m| m.subject.as_str()).collect();
    subjects.sort();
    assert_eq!(subjects, ["Subject 0", "Subject 1"], "the oldest are claimed first");
    for m in &claimed {
        outbox::mark_sent(conn.conn(), m.id, now).await.expect("mark sent");
    }
    assert_eq!(outbox::pending_count(conn.conn()).await.expect("pending"), 1);
    let much_later = now + Duration::days(1);
    let rest = outbox::claim(conn.conn(), much_later, much_later + Duration::seconds(120), 10).await.expect("claim");
    assert_eq!(rest.len(), 1, "sent messages are never claimed again");
    assert_eq!(rest[0].subject, "Subject 2");

    let to_first = outbox::recent_to(conn.conn(), "r0@example.org").await.expect("recent");
    assert_eq!(to_first.len(), 1);
    assert!(outbox::recent_to(conn.conn(), "nobody@example.org").await.expect("recent").is_empty());
}
