//! SME declarations (issue 6, item 3): an enterprise (or its adviser) declares the figures of
//! its last closed accounts and its partner and linked enterprises; the SME test of
//! Recommendation 2003/361/EC (`tandem_rules::sme`) classifies it, against the previous
//! declaration for the two-period rule of Art. 4(2), and the result is kept with its reasoning
//! and the signatory. A declaration is never changed: new figures make a new one.

use super::{Change, audit_change, kind};
use crate::{App, AppError, AppResult};
use chrono::{Datelike, SubsecRound, Utc};
use tandem_core::OrgId;
use tandem_core::evidence::sme::{Declaration, DeclarationDraft};
use tandem_core::policy::{self, Actor, Denied};
use tandem_core::validation::ValidationErrors;
use tandem_store::{organisations, sme_declarations as store};

/// The SME test's vocabulary (categories, figures, reasons), for the pages that show its results
/// (the web crate does not depend on `tandem-rules`).
pub use tandem_rules::sme::{Category, CeilingCheck, ExceptionFailure, Figures, InvestorException, LinkBasis, SmeReason};

/// Why an enterprise's SME status should be tested again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetestDue {
    /// It has never declared.
    NoDeclaration,
    /// The directory holds figures of later accounts (that year) than the latest declaration's.
    NewerAccounts(i32),
}

/// An enterprise's SME status: its declarations (latest first) and whether a new test is due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmeStatus {
    /// Declarations, latest accounts first.
    pub declarations: Vec<Declaration>,
    /// Why a new declaration is due, if it is.
    pub retest_due: Option<RetestDue>,
}

fn check_access(actor: &Actor, org: OrgId) -> AppResult<()> {
    actor.user()?;
    if policy::can_see_confidential(actor, org) { Ok(()) } else { Err(Denied::Forbidden.into()) }
}

/// Records a declaration for enterprise `org` and runs the SME test. Its own people, support
/// staff (advisers collect declarations) and platform admins may.
pub async fn declare(app: &App, actor: &Actor, org: OrgId, draft: &DeclarationDraft) -> AppResult<Declaration> {
    check_access(actor, org)?;
    let now = Utc::now().trunc_subsecs(6);
    let mut declaration = draft.validate(now.date_naive())?;
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let enterprise = organisations::get(conn.reborrow(), org).await?.ok_or(AppError::NotFound)?;
    if !enterprise.kind.is_enterprise() {
        let mut errors = ValidationErrors::default();
        errors.add("org", "not_enterprise", "SME declarations are made by enterprises (SMEs, start-ups, companies)");
        return Err(errors.into());
    }
    // Art. 4(2): the latest earlier accounts' result decides whether the status changes.
    let period_end = declaration.input.accounts.period_end;
    let previous = store::for_org(conn.reborrow(), org).await?.into_iter().find(|d| d.declaration.input.accounts.period_end < period_end);
    declaration.input.previous = previous.map(|p| p.assessment.as_previous(p.declaration.input.accounts.period_end));
    let assessment = tandem_rules::sme::assess(&declaration.input).map_err(|e| {
        let mut errors = ValidationErrors::default();
        errors.add("related", "sme_test", e.to_string());
        AppError::Invalid(errors)
    })?;
    let d = Declaration {
        id: uuid::Uuid::now_v7(),
        org_id: org,
        declaration,
        assessment,
        recorded_by: actor.user().ok().map(|u| u.id),
        created_at: now,
    };
    store::insert(conn.reborrow(), &d).await?;
    let change = Change { kind: kind::SME_DECLARATION, id: d.id.to_string(), action: "declared", before: None, after: Some(&d) };
    audit_change(conn, actor, change, now).await?;
    tx.commit().await?;
    Ok(d)
}

/// An enterprise's declarations and whether a new test is due.
pub async fn status(app: &App, actor: &Actor, org: OrgId) -> AppResult<SmeStatus> {
    check_access(actor, org)?;
    let mut conn = app.db().acquire().await?;
    let enterprise = organisations::get(conn.conn(), org).await?.ok_or(AppError::NotFound)?;
    let declarations = store::for_org(conn.conn(), org).await?;
    let retest_due = match (declarations.first(), enterprise.figures.year) {
        (None, _) => Some(RetestDue::NoDeclaration),
        (Some(latest), Some(year)) if year > latest.declaration.input.accounts.period_end.year() => Some(RetestDue::NewerAccounts(year)),
        _ => None,
    };
    Ok(SmeStatus { declarations, retest_due })
}
