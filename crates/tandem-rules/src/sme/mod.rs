//! The SME test of Commission Recommendation 2003/361/EC of 6 May 2003 concerning the
//! definition of micro, small and medium-sized enterprises (OJ L 124, 20.5.2003, p. 36), Annex,
//! Title I, Articles 1–6 (issue 6, item 3; ../shared/design/DOMAIN.md, "Funder evidence").
//!
//! [`assess`] takes an enterprise's accounts for its last closed accounting period, the
//! enterprises related to it and the previous assessment, and returns the category with the
//! aggregated figures and the reasoning as language-neutral [`SmeReason`] values:
//!
//! 1. Art. 3: each related enterprise is linked (majority of voting rights or another Art. 3(3)
//!    relation, either direction), a partner (25 % or more of capital or voting rights, either
//!    direction), an exempt Art. 3(2) investor, or not counted.
//! 2. Art. 6: own figures + 100 % of linked enterprises (directly or indirectly) + partners'
//!    figures (with 100 % of their own linked enterprises) in proportion to the holding;
//!    partners of linked enterprises likewise.
//! 3. Art. 2: the smallest category whose ceiling the totals meet.
//! 4. Art. 4(2): the status changes only when that happens in two consecutive periods.
//! 5. Art. 3(4): 25 % or more held by public bodies makes the enterprise large, whatever the
//!    figures. It is applied after Art. 4(2): the two-period rule is about the ceilings of
//!    Art. 2, and Art. 3(4) says such an enterprise "cannot be considered an SME".
//!
//! Not modelled (the caller decides them and enters the result): the declaration of Art. 3(5)
//! where dispersed capital hides the holders; whether investors are linked *jointly* to the
//! enterprise (enter an `other_link` on each); whether two enterprises linked through natural
//! persons share a relevant or adjacent market (enter `LinkBasis::ThroughNaturalPersons`);
//! headcount rules of Art. 5 (enter AWU); the estimated staff figures of Art. 6(4).

mod aggregate;
mod category;
mod changes;
mod classify;
mod continuity;
mod currency;
mod error;
mod input;
mod public;
mod reason;
mod validate;

use serde::{Deserialize, Serialize};

pub use category::{Category, Ceiling, CeilingCheck, MEDIUM, MICRO, SMALL, category_for};
pub use changes::{ChangedField, FigureChange, changed_figures, needs_retest};
pub use classify::{
    BUSINESS_ANGEL_LIMIT_CENTS, LOCAL_AUTHORITY_BUDGET_LIMIT_CENTS,
    LOCAL_AUTHORITY_INHABITANTS_LIMIT, MAJORITY_BP, PARTNER_THRESHOLD_BP,
};
pub use currency::{EURO_MILLIONTHS_PER_EURO, figures_to_euro, to_euro_cents};
pub use error::SmeError;
pub use input::{
    Accounts, FULL_HOLDING_BP, Figures, Holding, InvestorException, LinkBasis, PreviousAssessment,
    RelatedEnterprise, SmeInput,
};
pub use reason::{ExceptionFailure, SmeReason};

/// The result of an SME test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmeAssessment {
    /// The category that applies: after Art. 4(2) and Art. 3(4).
    pub category: Category,
    /// The category this period's aggregated figures alone give (Art. 2).
    pub period_category: Category,
    /// The status after the two-period rule of Art. 4(2), before Art. 3(4).
    pub status_by_ceilings: Category,
    /// The aggregated figures (Art. 6).
    pub figures: Figures,
    /// The steps, in order.
    pub reasons: Vec<SmeReason>,
}

impl SmeAssessment {
    /// What the next period's test needs to know about this one (Art. 4(2)).
    pub fn as_previous(&self, period_end: chrono::NaiveDate) -> PreviousAssessment {
        PreviousAssessment {
            period_end,
            status: self.status_by_ceilings,
            period_category: self.period_category,
        }
    }
}

/// Runs the SME test on `input`, or says which field is wrong.
pub fn assess(input: &SmeInput) -> Result<SmeAssessment, SmeError> {
    validate::validate(input)?;
    let aggregate::Aggregation {
        totals,
        mut reasons,
    } = aggregate::aggregate(input)?;

    for category in [Category::Micro, Category::Small, Category::Medium] {
        let Some(ceiling) = category.ceiling() else {
            continue;
        };
        let check = ceiling.check(&totals);
        reasons.push(SmeReason::CeilingTested {
            category,
            check,
            met: check.met(),
        });
        if check.met() {
            break;
        }
    }
    let period_category = category_for(&totals);

    let (status_by_ceilings, continuity) =
        continuity::two_period_status(period_category, input.previous.as_ref());
    reasons.extend(continuity);

    let public = public::public_control(&input.related);
    let category = if public.is_some() {
        Category::Large
    } else {
        status_by_ceilings
    };
    reasons.extend(public);

    Ok(SmeAssessment {
        category,
        period_category,
        status_by_ceilings,
        figures: totals,
        reasons,
    })
}
