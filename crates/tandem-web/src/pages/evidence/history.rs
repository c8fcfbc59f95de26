//! The history of audited records on the funder-evidence pages (support, outcomes, the subsidy
//! ledger): who changed what when, with each changed field before and after.
//!
//! Audit entries hold a record before and after a change as JSON. This module flattens them,
//! finds the fields that differ and resolves who made the change; each page words the fields and
//! values of its own records (labels, money, dates, choices) through the closures it passes.

use crate::i18n::Tr;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tandem_core::UserId;

/// One change as a history table shows it.
pub(crate) struct HistoryRow {
    /// When, on the enterprise's clock.
    pub when: String,
    /// Who (a name, "the system" or "a user").
    pub who: String,
    /// What happened, in words.
    pub action: String,
    /// Which record, in words.
    pub record: String,
    /// (field, before, after) of each changed field; none for a creation.
    pub changes: Vec<(String, String, String)>,
}

/// One audit entry as the history reads it (the app hands out the store's entries; the pages
/// pass their fields).
pub(crate) struct Audited<'a> {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (None: the system).
    pub actor: Option<UserId>,
    /// What happened (`created`, `updated`, `withdrawn`, `evidence_added`, `removed` …).
    pub action: &'a str,
    /// The record before (None when created or erased).
    pub before: Option<&'a Value>,
    /// The record after.
    pub after: Option<&'a Value>,
}

/// A record's fields as audited: the fields of nested objects (a record's `input`, an outcome's
/// `detail`) at the top level, the bookkeeping in `skip` left out.
pub(crate) fn flatten(value: Option<&Value>, skip: &[&str]) -> BTreeMap<String, Value> {
    fn walk(map: &serde_json::Map<String, Value>, skip: &[&str], out: &mut BTreeMap<String, Value>) {
        for (k, v) in map {
            match v {
                _ if skip.contains(&k.as_str()) => {}
                Value::Object(inner) => walk(inner, skip, out),
                _ => {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    if let Some(Value::Object(map)) = value {
        walk(map, skip, &mut out);
    }
    out
}

/// The fields an entry changed, in words: (label, before, after), in field order. A creation
/// lists none (the record as it is shows what was recorded). `value` words a field's value with
/// the rest of the same side's fields at hand (an amount's currency); missing values and nulls
/// are "—".
pub(crate) fn changes(
    e: &Audited<'_>,
    skip: &[&str],
    label: impl Fn(&str) -> String,
    value: impl Fn(&str, &Value, &BTreeMap<String, Value>) -> String,
) -> Vec<(String, String, String)> {
    if e.action == "created" {
        return Vec::new();
    }
    let (before, after) = (flatten(e.before, skip), flatten(e.after, skip));
    let keys: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let text = |side: &BTreeMap<String, Value>, k: &str| match side.get(k) {
        None | Some(Value::Null) => "—".to_owned(),
        Some(v) => value(k, v, side),
    };
    keys.into_iter().filter(|k| before.get(*k) != after.get(*k)).map(|k| (label(k), text(&before, k), text(&after, k))).collect()
}

/// A value with nothing special to it: text as it is, anything else as JSON.
pub(crate) fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A timestamp as audited (RFC 3339) as the reader's date; anything else as it is.
pub(crate) fn timestamp(t: Tr, value: &Value) -> String {
    match value {
        Value::String(s) => chrono::DateTime::parse_from_rfc3339(s).map(|d| t.date(&d.to_utc())).unwrap_or_else(|_| s.clone()),
        other => plain(other),
    }
}

/// A calendar date as audited (`YYYY-MM-DD`) in the reader's long form; anything else as it is.
pub(crate) fn date(t: Tr, value: &Value) -> String {
    match value {
        Value::String(s) => s.parse().map(|d| super::day(t, d)).unwrap_or_else(|_| s.clone()),
        other => plain(other),
    }
}

/// A whole number as audited, worded by `f`; anything else as it is.
pub(crate) fn number(value: &Value, f: impl Fn(i64) -> String) -> String {
    value.as_i64().map(f).unwrap_or_else(|| plain(value))
}

/// Builds a page's history rows: when on the enterprise's clock, who by name (each user looked
/// up once), and what happened.
pub(crate) struct History<'a> {
    state: &'a AppState,
    t: Tr,
    zone: &'a str,
    names: HashMap<UserId, String>,
}

impl<'a> History<'a> {
    /// Times are told in `zone` (the enterprise's city's time zone).
    pub(crate) fn new(state: &'a AppState, t: Tr, zone: &'a str) -> History<'a> {
        History { state, t, zone, names: HashMap::new() }
    }

    /// The row of an entry about `record`, with its `changes`.
    pub(crate) async fn row(&mut self, e: &Audited<'_>, record: String, changes: Vec<(String, String, String)>) -> HistoryRow {
        HistoryRow {
            when: self.t.date_time(&e.at, self.zone),
            who: self.user_name(e.actor).await,
            action: self.t.get(&format!("support-action-{}", e.action)),
            record,
            changes,
        }
    }

    async fn user_name(&mut self, user: Option<UserId>) -> String {
        let t = self.t;
        let Some(id) = user else {
            return t.get("support-history-system");
        };
        if let Some(name) = self.names.get(&id) {
            return name.clone();
        }
        let name = match tandem_app::auth::actor_for(&self.state.app, id).await {
            Ok(Some((u, _))) => u.display_name,
            _ => t.get("support-history-a-user"),
        };
        self.names.insert(id, name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use tandem_core::account::Locale;

    #[test]
    fn nested_fields_are_flattened_and_bookkeeping_left_out() {
        let outcome = json!({
            "id": "x", "version": 2,
            "input": { "date": "2025-03-31", "detail": { "kind": "employment_figure", "fte_hundredths": 650 }, "note": null }
        });
        let flat = flatten(Some(&outcome), &["id", "version"]);
        assert_eq!(flat.keys().collect::<Vec<_>>(), ["date", "fte_hundredths", "kind", "note"]);
        assert_eq!(flat["fte_hundredths"], json!(650));
        assert!(flatten(None, &[]).is_empty());
    }

    #[test]
    fn only_changed_fields_are_listed_with_missing_values_as_a_dash() {
        let before = json!({ "version": 1, "input": { "detail": { "kind": "employment_figure", "fte_hundredths": 650 }, "note": "a" } });
        let after = json!({ "version": 2, "input": { "detail": { "kind": "innovation", "novelty": "new_to_firm" }, "note": "a" } });
        let e = Audited { at: Utc::now(), actor: None, action: "updated", before: Some(&before), after: Some(&after) };
        let rows = changes(&e, &["version"], |k| k.to_uppercase(), |_, v, _| plain(v));
        assert_eq!(
            rows,
            [
                ("FTE_HUNDREDTHS".to_owned(), "650".to_owned(), "—".to_owned()),
                ("KIND".to_owned(), "employment_figure".to_owned(), "innovation".to_owned()),
                ("NOVELTY".to_owned(), "—".to_owned(), "new_to_firm".to_owned()),
            ]
        );
        let created = Audited { action: "created", before: None, ..e };
        assert!(changes(&created, &[], |k| k.to_owned(), |_, v, _| plain(v)).is_empty());
    }

    #[test]
    fn dates_and_timestamps_are_worded_in_the_readers_language() {
        let (en, de) = (Tr::new(Locale::En), Tr::new(Locale::De));
        assert_eq!(date(en, &json!("2025-03-31")), "31 March 2025");
        assert_eq!(date(de, &json!("2025-03-31")), "31. März 2025");
        assert_eq!(timestamp(en, &json!("2025-03-31T10:00:00Z")), "31 March 2025");
        assert_eq!(date(en, &json!("soon")), "soon");
        assert_eq!(number(&json!(12), |n| format!("{n}!")), "12!");
    }
}
