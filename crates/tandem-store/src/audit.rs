//! The append-only audit trail (table `audit_log`; issue 6, item 7), hash-chained as
//! `tandem_core::audit` describes.
//!
//! Writers call [`append`] inside the transaction that makes the change, so the trail holds
//! exactly what was committed. Appends are serialised (an advisory lock on PostgreSQL; SQLite
//! has one writer at a time), so each entry links to the one committed before it. The database
//! refuses updates and deletes by trigger; [`verify`] still finds any entry altered behind the
//! triggers' back.

use crate::{Conn, StoreResult, on_db};
use chrono::{DateTime, SubsecRound, Utc};
use rand::RngCore;
use serde_json::{Value, json};
use tandem_core::UserId;
use tandem_core::audit::{GENESIS, Link, StoredEntry, Verifier, VerifyReport, content_hash, entry_hash, to_hex};
use uuid::Uuid;

/// One change to record.
#[derive(Debug, Clone, Copy)]
pub struct NewEntry<'a> {
    /// Who made it (None: the system or the command line).
    pub actor: Option<UserId>,
    /// What kind of record (e.g. `support_record`).
    pub entity_kind: &'a str,
    /// Its id.
    pub entity_id: &'a str,
    /// What happened (e.g. `created`).
    pub action: &'a str,
    /// The record before (None when created).
    pub before: Option<&'a Value>,
    /// The record after (None when deleted).
    pub after: Option<&'a Value>,
}

/// One recorded change, as a record's history shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Its place in the trail.
    pub seq: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who (None: the system).
    pub actor: Option<UserId>,
    /// Kind of record.
    pub entity_kind: String,
    /// Its id.
    pub entity_id: String,
    /// What happened.
    pub action: String,
    /// The record before and after; None once erased.
    pub before: Option<Value>,
    /// The record after.
    pub after: Option<Value>,
    /// When its content was erased.
    pub erased_at: Option<DateTime<Utc>>,
}

/// A stable key for the PostgreSQL advisory lock that serialises appends ("tandem-audit").
const APPEND_LOCK: i64 = 0x7461_6e64_656d_4155;

const HEAD: &str = "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1";
const INSERT: &str = "INSERT INTO audit_log (seq, at, actor_user_id, entity_kind, entity_id, action, content, salt, \
     content_hash, prev_hash, entry_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
const COLUMNS: &str =
    "seq, at, actor_user_id, entity_kind, entity_id, action, content, salt, content_hash, prev_hash, entry_hash, erased_at";
const PAGE: &str = "SELECT seq, at, actor_user_id, entity_kind, entity_id, action, content, salt, content_hash, prev_hash, \
     entry_hash, erased_at FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2";
const ERASE: &str = "UPDATE audit_log SET content = NULL, salt = NULL, erased_at = $2 WHERE seq = $1 AND content IS NOT NULL";

/// How many entries [`verify`] reads at a time.
const VERIFY_PAGE: i64 = 1_000;

type Row = (
    i64,
    DateTime<Utc>,
    Option<Uuid>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    Option<DateTime<Utc>>,
);

fn stored(r: &Row) -> StoredEntry {
    StoredEntry {
        seq: r.0,
        at: r.1,
        actor: r.2.map(UserId),
        entity_kind: r.3.clone(),
        entity_id: r.4.clone(),
        action: r.5.clone(),
        content: r.6.clone().zip(r.7.clone()),
        content_hash: r.8.clone(),
        prev_hash: r.9.clone(),
        entry_hash: r.10.clone(),
    }
}

/// Appends `entry` at `at` in the caller's transaction; returns its `seq`.
pub async fn append(mut conn: Conn<'_>, entry: &NewEntry<'_>, at: DateTime<Utc>) -> StoreResult<i64> {
    // Both databases keep microseconds; the hash must cover what is stored.
    let at = at.trunc_subsecs(6);
    if let Conn::Postgres(c) = &mut conn {
        sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(APPEND_LOCK).execute(&mut **c).await?;
    }
    let head: Option<(i64, String)> = on_db!(&mut conn, |c| sqlx::query_as(HEAD).fetch_optional(&mut **c).await)?;
    let (seq, prev_hash) = match head {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_owned()),
    };
    let content = json!({ "before": entry.before, "after": entry.after }).to_string();
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = to_hex(&salt);
    let content_hash = content_hash(&salt, &content);
    let link = Link {
        seq,
        at,
        actor: entry.actor,
        entity_kind: entry.entity_kind,
        entity_id: entry.entity_id,
        action: entry.action,
        content_hash: &content_hash,
        prev_hash: &prev_hash,
    };
    let hash = entry_hash(&link);
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(seq)
        .bind(at)
        .bind(entry.actor.map(|a| a.0))
        .bind(entry.entity_kind)
        .bind(entry.entity_id)
        .bind(entry.action)
        .bind(&content)
        .bind(&salt)
        .bind(&content_hash)
        .bind(&prev_hash)
        .bind(&hash)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(seq)
}

/// Every recorded change of one record, oldest first.
pub async fn history(conn: Conn<'_>, entity_kind: &str, entity_id: &str) -> StoreResult<Vec<Entry>> {
    let sql = format!("SELECT {COLUMNS} FROM audit_log WHERE entity_kind = $1 AND entity_id = $2 ORDER BY seq");
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(&sql).bind(entity_kind).bind(entity_id).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(entry_of).collect())
}

fn entry_of(r: Row) -> Entry {
    let content: Option<Value> = r.6.as_deref().and_then(|c| serde_json::from_str(c).ok());
    let part = |key: &str| content.as_ref().and_then(|c| c.get(key)).filter(|v| !v.is_null()).cloned();
    Entry {
        seq: r.0,
        at: r.1,
        actor: r.2.map(UserId),
        before: part("before"),
        after: part("after"),
        entity_kind: r.3,
        entity_id: r.4,
        action: r.5,
        erased_at: r.11,
    }
}

/// Walks the whole trail and reports every entry that does not fit, and the head hash.
pub async fn verify(mut conn: Conn<'_>) -> StoreResult<VerifyReport> {
    let mut verifier = Verifier::default();
    let mut after = 0;
    loop {
        let rows: Vec<Row> = on_db!(&mut conn, |c| sqlx::query_as(PAGE).bind(after).bind(VERIFY_PAGE).fetch_all(&mut **c).await)?;
        for r in &rows {
            verifier.check(&stored(r));
        }
        match rows.last() {
            Some(last) if rows.len() as i64 == VERIFY_PAGE => after = last.0,
            _ => return Ok(verifier.finish()),
        }
    }
}

/// Erases the content of entry `seq` (GDPR erasure); its hashes stay, so the chain still
/// verifies. Returns 0 when it was erased already.
pub async fn erase(conn: Conn<'_>, seq: i64, at: DateTime<Utc>) -> StoreResult<u64> {
    Ok(on_db!(conn, |c| sqlx::query(ERASE).bind(seq).bind(at.trunc_subsecs(6)).execute(&mut *c).await.map(|r| r.rows_affected()))?)
}

/// Whether an entry with hash `hash` is in the trail (to check a head recorded earlier).
pub async fn contains(conn: Conn<'_>, hash: &str) -> StoreResult<bool> {
    let n: i64 =
        on_db!(conn, |c| sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entry_hash = $1").bind(hash).fetch_one(&mut *c).await)?;
    Ok(n > 0)
}
