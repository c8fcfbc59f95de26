//! The audit trail's hash chain (issue 6, item 7; DOMAIN.md "Funder evidence": "an unchangeable
//! trail of who changed what").
//!
//! Every entry's hash covers its place in the trail (`seq`), when, who, what (kind, id, action),
//! the hash of its content and the previous entry's hash. Changing, removing or reordering any
//! entry therefore breaks every hash after it, and [`Verifier`] finds the first entry that does
//! not fit. (Removing entries at the end leaves a shorter chain that still fits: that is why the
//! verifier reports the head hash, for operators to compare with one they recorded.)
//!
//! The content — the record before and after, which may name people — is hashed with a random
//! salt of its own. Erasing a person (GDPR Art. 17) blanks the content and the salt but keeps the
//! content hash: the chain still verifies, and the kept hash reveals nothing of what was erased,
//! because without the salt it cannot be tested against guesses.

pub use crate::digest::to_hex;
use crate::UserId;
use chrono::{DateTime, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

/// The "previous hash" of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Labels the hash input's layout, so a future layout can never produce a colliding input.
const LAYOUT: &[u8] = b"tandem-audit-v1";

/// The fields an entry's hash covers.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    /// 1, 2, 3 … without gaps.
    pub seq: i64,
    /// When it was written (hashed to the microsecond, as both databases keep it).
    pub at: DateTime<Utc>,
    /// Who made the change (None: the system, e.g. a scheduled job or the command line).
    pub actor: Option<UserId>,
    /// What kind of record changed (e.g. `support_record`).
    pub entity_kind: &'a str,
    /// Its id.
    pub entity_id: &'a str,
    /// What happened (e.g. `created`, `updated`, `deleted`, `erased`).
    pub action: &'a str,
    /// [`content_hash`] of the content.
    pub content_hash: &'a str,
    /// The previous entry's hash ([`GENESIS`] for the first).
    pub prev_hash: &'a str,
}

/// The hash of an entry: SHA-256 over its fields, each length-prefixed so that no two different
/// entries give the same input; lowercase hex.
pub fn entry_hash(link: &Link<'_>) -> String {
    let at = link.at.to_rfc3339_opts(SecondsFormat::Micros, true);
    let actor = link.actor.map(|a| a.to_string()).unwrap_or_default();
    let mut hasher = Sha256::new();
    for field in [
        LAYOUT,
        link.seq.to_string().as_bytes(),
        at.as_bytes(),
        actor.as_bytes(),
        link.entity_kind.as_bytes(),
        link.entity_id.as_bytes(),
        link.action.as_bytes(),
        link.content_hash.as_bytes(),
        link.prev_hash.as_bytes(),
    ] {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field);
    }
    to_hex(&hasher.finalize())
}

/// The salted hash of an entry's content (its JSON text); lowercase hex.
pub fn content_hash(salt: &str, content: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update((salt.len() as u64).to_be_bytes());
    hasher.update(salt.as_bytes());
    hasher.update(content.as_bytes());
    to_hex(&hasher.finalize())
}

/// One stored entry, as the verifier reads it.
#[derive(Debug, Clone)]
pub struct StoredEntry {
    /// The hashed fields as stored (`prev_hash` and `content_hash` included).
    pub seq: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: Option<UserId>,
    /// Kind of record.
    pub entity_kind: String,
    /// Its id.
    pub entity_id: String,
    /// What happened.
    pub action: String,
    /// The content and its salt; None once erased.
    pub content: Option<(String, String)>,
    /// The stored content hash.
    pub content_hash: String,
    /// The stored previous hash.
    pub prev_hash: String,
    /// The stored hash of this entry.
    pub entry_hash: String,
}

/// What is wrong with an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Entries are missing before this one (`expected` was due, `found` came).
    Gap { expected: i64, found: i64 },
    /// Its previous hash is not the hash of the entry before it (one was removed, replaced or
    /// reordered).
    BrokenLink { seq: i64 },
    /// Its fields no longer give its hash (who, when, what or the hashes were altered).
    EntryAltered { seq: i64 },
    /// Its content no longer gives its content hash (before/after altered).
    ContentAltered { seq: i64 },
}

impl Problem {
    /// The entry it concerns.
    pub fn seq(&self) -> i64 {
        match self {
            Problem::Gap { found, .. } => *found,
            Problem::BrokenLink { seq } | Problem::EntryAltered { seq } | Problem::ContentAltered { seq } => *seq,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Gap { expected, found } => write!(f, "entry {found}: entries {expected}–{} are missing", found - 1),
            Problem::BrokenLink { seq } => write!(f, "entry {seq}: does not follow the entry before it (removed, replaced or reordered)"),
            Problem::EntryAltered { seq } => write!(f, "entry {seq}: altered (its hash no longer matches who, when or what)"),
            Problem::ContentAltered { seq } => write!(f, "entry {seq}: its before/after content was altered"),
        }
    }
}

/// The result of walking the whole trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Entries read.
    pub entries: i64,
    /// Of them, with erased content.
    pub erased: i64,
    /// The last entry's hash ([`GENESIS`] for an empty trail).
    pub head: String,
    /// Everything wrong, in order.
    pub problems: Vec<Problem>,
}

impl VerifyReport {
    /// No problem found.
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Walks the trail entry by entry, in `seq` order, without holding it in memory.
#[derive(Debug)]
pub struct Verifier {
    report: VerifyReport,
    next_seq: i64,
}

impl Default for Verifier {
    fn default() -> Self {
        Verifier { report: VerifyReport { entries: 0, erased: 0, head: GENESIS.to_owned(), problems: Vec::new() }, next_seq: 1 }
    }
}

impl Verifier {
    /// Checks the next entry against the one before it.
    pub fn check(&mut self, e: &StoredEntry) {
        let problems = &mut self.report.problems;
        if e.seq != self.next_seq {
            problems.push(Problem::Gap { expected: self.next_seq, found: e.seq });
        }
        if e.prev_hash != self.report.head {
            problems.push(Problem::BrokenLink { seq: e.seq });
        }
        let link = Link {
            seq: e.seq,
            at: e.at,
            actor: e.actor,
            entity_kind: &e.entity_kind,
            entity_id: &e.entity_id,
            action: &e.action,
            content_hash: &e.content_hash,
            prev_hash: &e.prev_hash,
        };
        if entry_hash(&link) != e.entry_hash {
            problems.push(Problem::EntryAltered { seq: e.seq });
        }
        match &e.content {
            Some((content, salt)) if content_hash(salt, content) != e.content_hash => {
                problems.push(Problem::ContentAltered { seq: e.seq });
            }
            Some(_) => {}
            None => self.report.erased += 1,
        }
        self.report.entries += 1;
        self.report.head = e.entry_hash.clone();
        self.next_seq = e.seq + 1;
    }

    /// The report once every entry was checked.
    pub fn finish(self) -> VerifyReport {
        self.report
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// A valid trail of `n` entries.
    fn trail(n: i64) -> Vec<StoredEntry> {
        let mut prev = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).single().expect("time") + chrono::Duration::microseconds(seq * 1_001);
                let content = format!(r#"{{"after":{{"hours":{seq}}}}}"#);
                let salt = format!("salt-{seq}");
                let ch = content_hash(&salt, &content);
                let link = Link {
                    seq,
                    at,
                    actor: None,
                    entity_kind: "support_record",
                    entity_id: "r1",
                    action: "updated",
                    content_hash: &ch,
                    prev_hash: &prev,
                };
                let hash = entry_hash(&link);
                let e = StoredEntry {
                    seq,
                    at,
                    actor: None,
                    entity_kind: "support_record".into(),
                    entity_id: "r1".into(),
                    action: "updated".into(),
                    content: Some((content, salt)),
                    content_hash: ch,
                    prev_hash: prev.clone(),
                    entry_hash: hash.clone(),
                };
                prev = hash;
                e
            })
            .collect()
    }

    fn verify(entries: &[StoredEntry]) -> VerifyReport {
        let mut v = Verifier::default();
        entries.iter().for_each(|e| v.check(e));
        v.finish()
    }

    #[test]
    fn an_untouched_trail_verifies_and_names_its_head() {
        let t = trail(4);
        let report = verify(&t);
        assert!(report.is_intact(), "{:?}", report.problems);
        assert_eq!((report.entries, report.head.as_str()), (4, t[3].entry_hash.as_str()));
        assert_eq!(verify(&[]).head, GENESIS);
    }

    #[test]
    fn altered_content_is_found() {
        let mut t = trail(3);
        t[1].content = Some((r#"{"after":{"hours":20}}"#.into(), "salt-2".into()));
        assert_eq!(verify(&t).problems, vec![Problem::ContentAltered { seq: 2 }]);
    }

    #[test]
    fn an_altered_actor_or_time_is_found() {
        let mut t = trail(3);
        t[0].actor = Some(UserId::new());
        t[2].at += chrono::Duration::seconds(1);
        assert_eq!(verify(&t).problems, vec![Problem::EntryAltered { seq: 1 }, Problem::EntryAltered { seq: 3 }]);
    }

    #[test]
    fn a_removed_entry_leaves_a_gap_and_a_broken_link() {
        let mut t = trail(4);
        t.remove(1);
        assert_eq!(verify(&t).problems, vec![Problem::Gap { expected: 2, found: 3 }, Problem::BrokenLink { seq: 3 }]);
    }

    #[test]
    fn a_rewritten_entry_with_a_fresh_hash_still_breaks_the_next_link() {
        let mut t = trail(3);
        let e = &mut t[1];
        e.content = Some((r#"{"after":{"hours":99}}"#.into(), "salt-2".into()));
        e.content_hash = content_hash("salt-2", r#"{"after":{"hours":99}}"#);
        let link = Link {
            seq: 2,
            at: e.at,
            actor: None,
            entity_kind: "support_record",
            entity_id: "r1",
            action: "updated",
            content_hash: &e.content_hash,
            prev_hash: &e.prev_hash,
        };
        e.entry_hash = entry_hash(&link);
        assert_eq!(verify(&t).problems, vec![Problem::BrokenLink { seq: 3 }]);
    }

    #[test]
    fn erased_content_keeps_the_chain_verifiable() {
        let mut t = trail(3);
        t[1].content = None;
        let report = verify(&t);
        assert!(report.is_intact(), "{:?}", report.problems);
        assert_eq!(report.erased, 1);
    }

    #[test]
    fn fields_cannot_be_shifted_between_each_other() {
        let at = Utc::now();
        let a = Link { seq: 1, at, actor: None, entity_kind: "ab", entity_id: "c", action: "x", content_hash: "h", prev_hash: GENESIS };
        let b = Link { entity_kind: "a", entity_id: "bc", ..a };
        assert_ne!(entry_hash(&a), entry_hash(&b));
    }
}
