//! Funder evidence (issue 6): funded projects, the support they give to enterprises with its
//! evidence, and the audit trail every change to them leaves.

pub mod claims;
pub mod dashboard;
pub(crate) mod demo;
pub mod demo_leipzig;
mod demo_interreg;
mod demo_outcomes;
mod indicator_facts;
pub mod indicators;
pub mod outcomes;
pub mod pre_starts;
pub mod ledger;
pub mod mfa_letter;
pub mod projects;
pub mod sme;
pub mod support;
pub mod support_import;

use crate::AppResult;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tandem_core::policy::Actor;
use tandem_store::Conn;
use tandem_store::audit::{self, NewEntry};

/// What audit entries are about (`entity_kind`).
pub mod kind {
    /// A funded project's settings, lists and targets.
    pub const PROJECT: &str = "project";
    /// A support record and its evidence.
    pub const SUPPORT_RECORD: &str = "support_record";
    /// An SME declaration and its test result.
    pub const SME_DECLARATION: &str = "sme_declaration";
    /// An outcome of a supported enterprise (business start, employment, innovation, research
    /// cooperation, private investment) and its evidence.
    pub const OUTCOME: &str = "enterprise_outcome";
    /// A declaration of aid from another grantor, for the subsidy ledgers.
    pub const AID_DECLARATION: &str = "aid_declaration";
    /// A control link between two enterprises (single undertaking).
    pub const CONTROL_LINK: &str = "control_link";
    /// A pre-start client's mark in a project (ERDF P11), under the client's organisation id.
    pub const PRE_START: &str = "pre_start";
}

/// One change to audit: which record, what happened, the record before and after.
pub(crate) struct Change<'a, T> {
    /// One of [`kind`].
    pub kind: &'a str,
    /// The record's id.
    pub id: String,
    /// What happened (`created`, `updated`, `withdrawn`, `evidence_added`).
    pub action: &'a str,
    /// Before (None when created).
    pub before: Option<&'a T>,
    /// After.
    pub after: Option<&'a T>,
}

/// Appends an audit entry for a change the actor makes in the caller's transaction, with the
/// record before and after as JSON.
pub(crate) async fn audit_change<T: Serialize>(conn: Conn<'_>, actor: &Actor, change: Change<'_, T>, at: DateTime<Utc>) -> AppResult<()> {
    let json = |v: Option<&T>| v.map(serde_json::to_value).transpose().map_err(internal);
    let (before, after) = (json(change.before)?, json(change.after)?);
    let entry = NewEntry {
        actor: actor.user().ok().map(|u| u.id),
        entity_kind: change.kind,
        entity_id: &change.id,
        action: change.action,
        before: before.as_ref(),
        after: after.as_ref(),
    };
    audit::append(conn, &entry, at).await?;
    Ok(())
}

fn internal(e: serde_json::Error) -> crate::AppError {
    crate::AppError::Internal(format!("audit entry: {e}"))
}
