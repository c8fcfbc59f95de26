//! An enterprise's SME declaration (issue 6, item 3): the figures of its last closed accounts,
//! its partner and linked enterprises (Recommendation 2003/361/EC, Annex, Art. 3 and 6), who
//! signed it and when. The test itself is `tandem_rules::sme::assess`; this module turns what a
//! user typed into its input, converting accounts kept in pounds into euros at the rate given.

use super::units::{parse_hundredths, parse_scaled};
use crate::validation::{ValidationErrors, required_text};
use crate::{OrgId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use tandem_rules::sme::{self, Accounts, Category, Figures, Holding, RelatedEnterprise, SmeAssessment, SmeInput};
use uuid::Uuid;

/// Longest signatory name or role.
pub const NAME_MAX: usize = 200;
/// Most partner and linked enterprises one declaration lists.
pub const RELATED_MAX: usize = 50;

/// One partner or linked enterprise as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedDraft {
    /// Its name.
    pub name: String,
    /// "holds_in_us" (it holds shares in the declaring enterprise) or "we_hold".
    pub direction: String,
    /// Share of the capital, in percent ("25", "25.5").
    pub capital_percent: String,
    /// Share of the voting rights, in percent.
    pub voting_percent: String,
    /// A public body (Art. 3(4)).
    pub public_body: bool,
    /// Its staff in annual work units, turnover and balance-sheet total (same currency as the
    /// declaring enterprise's accounts).
    pub staff: String,
    /// Turnover.
    pub turnover: String,
    /// Balance-sheet total.
    pub balance_sheet: String,
}

/// What an enterprise (or its adviser) submits, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclarationDraft {
    /// Last day of the last closed accounting period (YYYY-MM-DD).
    pub period_end: String,
    /// The figures are a bona fide estimate (a new enterprise without closed accounts, Art. 4(3)).
    pub estimated: bool,
    /// Staff in annual work units ("12.5").
    pub staff: String,
    /// Annual turnover.
    pub turnover: String,
    /// Annual balance-sheet total.
    pub balance_sheet: String,
    /// EUR or GBP.
    pub currency: String,
    /// For GBP: euros per pound at the accounts' closing date ("1.1650").
    pub euro_rate: String,
    /// Partner and linked enterprises.
    pub related: Vec<RelatedDraft>,
    /// Who signs (name).
    pub declared_by: String,
    /// Their role (e.g. managing director).
    pub declarant_role: String,
    /// Date signed (YYYY-MM-DD).
    pub declared_on: String,
    /// The signatory confirms the declaration is correct.
    pub confirmed: bool,
}

/// A validated declaration, ready for the test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeclarationInput {
    /// The test's input, in euro cents (without the previous assessment, which the store knows).
    pub input: SmeInput,
    /// The accounts' currency.
    pub accounts_currency: String,
    /// Euro-millionths per unit of that currency (None for EUR).
    pub euro_rate: Option<i64>,
    /// Signatory.
    pub declared_by: String,
    /// Their role.
    pub declarant_role: String,
    /// Date signed.
    pub declared_on: NaiveDate,
}

fn date(errors: &mut ValidationErrors, field: &str, value: &str, what: &str) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.add(field, "invalid_date", format!("write {what} as YYYY-MM-DD"));
            None
        }
    }
}

/// An amount in the accounts' currency, as euro cents.
fn money(errors: &mut ValidationErrors, field: &str, value: &str, rate: Option<i64>) -> Option<i64> {
    let Some(minor) = parse_hundredths(value) else {
        errors.add(field, "invalid_amount", "write the amount in full, e.g. 1250000 or 1,250,000.00");
        return None;
    };
    match rate {
        None => Some(minor),
        Some(rate) => match sme::to_euro_cents(minor, 100, rate) {
            Ok(cents) => Some(cents),
            Err(_) => {
                errors.add(field, "invalid_amount", "the amount is too large");
                None
            }
        },
    }
}

fn awu(errors: &mut ValidationErrors, field: &str, value: &str) -> Option<i64> {
    let staff = parse_hundredths(value);
    if staff.is_none() {
        errors.add(field, "invalid_staff", "write the staff in annual work units, e.g. 12 or 12.5");
    }
    staff
}

fn percent_bp(errors: &mut ValidationErrors, field: &str, value: &str) -> Option<i64> {
    match parse_hundredths(value) {
        Some(bp) if bp <= 10_000 => Some(bp),
        _ => {
            errors.add(field, "invalid_percent", "write a share between 0 and 100 %, e.g. 25 or 25.5");
            None
        }
    }
}

impl DeclarationDraft {
    /// Checks every field; money is converted to euro cents; `today` bounds the dates.
    pub fn validate(&self, today: NaiveDate) -> Result<DeclarationInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let period_end = date(&mut errors, "period_end", &self.period_end, "the last day of the accounting period");
        let (currency, rate) = match self.currency.trim() {
            "EUR" => ("EUR", Some(None)),
            "GBP" => match parse_scaled(&self.euro_rate, 6) {
                Some(r) if r > 0 => ("GBP", Some(Some(r))),
                _ => {
                    errors.add("euro_rate", "invalid_rate", "accounts in pounds need the euro rate at their closing date, e.g. 1.1650");
                    ("GBP", None)
                }
            },
            _ => {
                errors.add("currency", "invalid_choice", "currency must be EUR or GBP");
                ("", None)
            }
        };
        let r = rate.flatten();
        let staff = awu(&mut errors, "staff", &self.staff);
        let turnover = money(&mut errors, "turnover", &self.turnover, r);
        let balance = money(&mut errors, "balance_sheet", &self.balance_sheet, r);
        if self.related.len() > RELATED_MAX {
            errors.add("related", "too_many", format!("list at most {RELATED_MAX} partner and linked enterprises"));
        }
        let mut related = Vec::new();
        for (i, d) in self.related.iter().enumerate().take(RELATED_MAX) {
            let field = |name: &str| format!("related[{i}].{name}");
            let name = required_text(&mut errors, &field("name"), &d.name, NAME_MAX);
            let capital = percent_bp(&mut errors, &field("capital_percent"), &d.capital_percent);
            let voting = percent_bp(&mut errors, &field("voting_percent"), &d.voting_percent);
            let has_figures = [&d.staff, &d.turnover, &d.balance_sheet].iter().any(|v| !v.trim().is_empty());
            let figures = if has_figures {
                let s = awu(&mut errors, &field("staff"), &d.staff);
                let t = money(&mut errors, &field("turnover"), &d.turnover, r);
                let b = money(&mut errors, &field("balance_sheet"), &d.balance_sheet, r);
                s.zip(t).zip(b).map(|((s, t), b)| Figures { staff_awu_hundredths: s, turnover_cents: t, balance_sheet_total_cents: b })
            } else if !d.public_body {
                errors.add(&field("staff"), "required", "give the related enterprise's staff, turnover and balance-sheet total");
                None
            } else {
                None
            };
            let holding = capital.zip(voting).map(|(capital_bp, voting_bp)| Holding { capital_bp, voting_bp });
            let (holds_in_enterprise, held_by_enterprise) = match d.direction.as_str() {
                "holds_in_us" => (holding, None),
                "we_hold" => (None, holding),
                _ => {
                    errors.add(&field("direction"), "invalid_choice", "say who holds shares in whom");
                    (None, None)
                }
            };
            related.push(RelatedEnterprise {
                // Unique per declaration: the position, then the name for people reading it.
                id: format!("{}. {name}", i + 1),
                holds_in_enterprise,
                held_by_enterprise,
                other_link: None,
                investor_exception: None,
                public_body: d.public_body,
                consolidated_in_accounts: false,
                accounts: figures.zip(period_end).map(|(figures, period_end)| Accounts { period_end, figures, estimated: self.estimated }),
                related: Vec::new(),
            });
        }
        let declared_by = required_text(&mut errors, "declared_by", &self.declared_by, NAME_MAX);
        let declarant_role = required_text(&mut errors, "declarant_role", &self.declarant_role, NAME_MAX);
        let declared_on = match date(&mut errors, "declared_on", &self.declared_on, "the date the declaration was signed") {
            Some(d) if d > today => {
                errors.add("declared_on", "in_future", "the declaration must already be signed: use a date up to today");
                None
            }
            other => other,
        };
        if let (Some(end), Some(signed)) = (period_end, declared_on)
            && signed < end
            && !self.estimated
        {
            errors.add("declared_on", "before_accounts", "closed accounts end before they are declared: check both dates");
        }
        if !self.confirmed {
            errors.add("confirmed", "required", "the signatory must confirm that the declaration is correct");
        }
        let (Some(period_end), Some(staff), Some(turnover), Some(balance), Some(rate), Some(declared_on)) =
            (period_end, staff, turnover, balance, rate, declared_on)
        else {
            return Err(errors);
        };
        let accounts = Accounts {
            period_end,
            figures: Figures { staff_awu_hundredths: staff, turnover_cents: turnover, balance_sheet_total_cents: balance },
            estimated: self.estimated,
        };
        errors.into_result(DeclarationInput {
            input: SmeInput { accounts, related, previous: None },
            accounts_currency: currency.to_owned(),
            euro_rate: rate,
            declared_by,
            declarant_role,
            declared_on,
        })
    }
}

/// A stored declaration with its test result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Declaration {
    /// Id.
    pub id: Uuid,
    /// The enterprise.
    pub org_id: OrgId,
    /// The validated declaration (its input carries the previous assessment used).
    pub declaration: DeclarationInput,
    /// The result.
    pub assessment: SmeAssessment,
    /// Who recorded it.
    pub recorded_by: Option<UserId>,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl Declaration {
    /// The category that applies.
    pub fn category(&self) -> Category {
        self.assessment.category
    }
}
