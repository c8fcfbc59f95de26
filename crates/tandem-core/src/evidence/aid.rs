//! What feeds an enterprise's subsidy ledger besides the support it gets in funded projects
//! (issue 6, item 4): aid it received from other grantors, as it declared it, and the control
//! links that make several enterprises one recipient. The ledger rules themselves (ceilings,
//! windows, single undertaking, conversion) are `tandem_rules::subsidy`, re-exported here as
//! [`subsidy`] so that every layer speaks their vocabulary.
//!
//! Money is kept in whole hundredths of a currency unit (cents, pence), like every amount in
//! Tandem; an amount in another currency than the recipient's ledger carries the rate into the
//! ledger's currency in millionths ("0.8532" is 853,200) and where that rate comes from.

pub use tandem_rules::subsidy;

use super::units::{parse_hundredths, parse_scaled};
use crate::validation::{ValidationErrors, optional_text, required_text};
use crate::{OrgId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use subsidy::ControlRelation;
use uuid::Uuid;

/// Longest grantor name.
pub const GRANTOR_MAX: usize = 200;
/// Longest description of declared aid.
pub const DESCRIPTION_MAX: usize = 2_000;
/// Longest note on where a rate comes from.
pub const RATE_SOURCE_MAX: usize = 200;

/// Whether an amount in `currency` needs a rate to count in a ledger kept in `ledger_currency`
/// (`None`: the recipient has no ledger, so nothing is converted).
pub fn rate_needed(currency: &str, ledger_currency: Option<&str>) -> bool {
    ledger_currency.is_some_and(|ledger| ledger != currency)
}

/// An exchange rate as typed ("0.8532", "1,1723"): `Some(None)` when empty, `Some(Some(r))`
/// for a rate above zero in millionths, `None` (with the problem recorded) otherwise.
pub fn parse_rate(errors: &mut ValidationErrors, field: &str, text: &str) -> Option<Option<i64>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    match parse_scaled(text, 6) {
        Some(rate) if rate > 0 => Some(Some(rate)),
        _ => {
            errors.add(field, "invalid_rate", "write the exchange rate as a number above zero with up to six decimals, e.g. 0.8532");
            None
        }
    }
}

/// Records that `field` needs a rate from `currency` into `ledger_currency`.
pub fn require_rate(errors: &mut ValidationErrors, field: &str, currency: &str, ledger_currency: &str) {
    errors.add(
        field,
        "rate_required",
        format!(
            "the amount is in {currency} but the enterprise's subsidy ledger is kept in {ledger_currency}: give the rate (how many {ledger_currency} one {currency} is worth on the day the aid was granted)"
        ),
    );
}

fn date(errors: &mut ValidationErrors, field: &str, text: &str, what: &str, today: NaiveDate) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(d) if d > today => {
            errors.add(field, "in_future", format!("{what} must not be in the future: use a date up to today"));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.add(field, "invalid_date", format!("write {what} as YYYY-MM-DD"));
            None
        }
    }
}

/// Aid from another grantor as an enterprise (or its adviser) declares it, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AidDeclarationDraft {
    /// Who granted it (e.g. "Sächsische Aufbaubank").
    pub grantor: String,
    /// What it was for, and under which scheme.
    pub description: Option<String>,
    /// The day the right to it was conferred (YYYY-MM-DD).
    pub granted_on: String,
    /// Its gross value ("50000", "50.000,00").
    pub amount: String,
    /// ISO 4217 code of the amount (EUR, GBP, PLN …).
    pub currency: String,
    /// Units of the ledger's currency per unit of `currency`, when they differ ("0.8532").
    pub rate: String,
    /// Where the rate comes from and its date (e.g. "ECB reference rate of 3 March 2025").
    pub rate_source: String,
    /// The day the enterprise declared it (YYYY-MM-DD).
    pub declared_on: String,
}

/// A validated declaration's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AidDeclarationInput {
    /// Grantor.
    pub grantor: String,
    /// What it was for.
    pub description: Option<String>,
    /// Grant date.
    pub granted_on: NaiveDate,
    /// Gross value in hundredths of `currency`.
    pub amount: i64,
    /// ISO 4217 code.
    pub currency: String,
    /// Millionths of the ledger currency per unit of `currency` (only where they differ).
    pub rate_millionths: Option<i64>,
    /// Where the rate comes from.
    pub rate_source: Option<String>,
    /// Declared.
    pub declared_on: NaiveDate,
}

impl AidDeclarationDraft {
    /// Checks every field against `today`; a rate needs its source.
    pub fn validate(&self, today: NaiveDate) -> Result<AidDeclarationInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let grantor = required_text(&mut errors, "grantor", &self.grantor, GRANTOR_MAX);
        let description = optional_text(&mut errors, "description", self.description.as_deref(), DESCRIPTION_MAX);
        let granted_on = date(&mut errors, "granted_on", &self.granted_on, "the date the aid was granted", today);
        let amount = match parse_hundredths(&self.amount) {
            Some(a) if a > 0 => Some(a),
            _ => {
                errors.add("amount", "invalid_amount", "write the gross aid value as an amount above zero, e.g. 50000 or 50,000.00");
                None
            }
        };
        let currency = self.currency.trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            errors.add("currency", "invalid_currency", "write the currency as its three-letter ISO code, e.g. EUR or GBP");
        }
        let rate = parse_rate(&mut errors, "rate", &self.rate);
        let rate_source = optional_text(&mut errors, "rate_source", Some(&self.rate_source), RATE_SOURCE_MAX);
        if matches!(rate, Some(Some(_))) && rate_source.is_none() {
            errors.add("rate_source", "required", "say where the rate comes from and its date, e.g. ECB reference rate of 3 March 2025");
        }
        let declared_on = date(&mut errors, "declared_on", &self.declared_on, "the date of the declaration", today);
        if let (Some(granted), Some(declared)) = (granted_on, declared_on)
            && declared < granted
        {
            errors.add("declared_on", "before_grant", "aid is declared once it was granted: the declaration's date cannot be earlier");
        }
        let (Some(granted_on), Some(amount), Some(rate_millionths), Some(declared_on)) = (granted_on, amount, rate, declared_on) else {
            return Err(errors);
        };
        errors.into_result(AidDeclarationInput {
            grantor,
            description,
            granted_on,
            amount,
            currency,
            rate_millionths,
            rate_source: rate_millionths.and(rate_source),
            declared_on,
        })
    }
}

impl AidDeclarationInput {
    /// Checks the rate against the recipient's ledger currency (`None`: no ledger): a missing
    /// one is refused where the currencies differ; one that is not needed is dropped, with its
    /// source, so the ledger never holds a rate it does not use.
    pub fn check_rate(&mut self, ledger_currency: Option<&str>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        match ledger_currency {
            Some(ledger) if rate_needed(&self.currency, Some(ledger)) => {
                if self.rate_millionths.is_none() {
                    require_rate(&mut errors, "rate", &self.currency, ledger);
                }
            }
            _ => (self.rate_millionths, self.rate_source) = (None, None),
        }
        errors.into_result(())
    }
}

/// A declaration as stored. Never deleted: a mistaken one is withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AidDeclaration {
    /// Id.
    pub id: Uuid,
    /// The enterprise that received the aid.
    pub enterprise_id: OrgId,
    /// Its fields.
    pub input: AidDeclarationInput,
    /// Who entered it.
    pub created_by: Option<UserId>,
    /// Entered.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// Optimistic-locking version.
    pub version: i64,
    /// Withdrawn (it stays but counts nowhere).
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// Why.
    pub withdrawn_reason: Option<String>,
}

/// A control link as typed: one enterprise's control over another.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkDraft {
    /// The enterprise that controls (organisation id).
    pub controller_id: String,
    /// The enterprise controlled (organisation id).
    pub controlled_id: String,
    /// How: a [`ControlRelation`] key (`majority_of_voting_rights` …).
    pub relation: String,
}

/// A validated link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkInput {
    /// Controller.
    pub controller_id: OrgId,
    /// Controlled.
    pub controlled_id: OrgId,
    /// How.
    pub relation: ControlRelation,
}

/// Every relation, in form order, with its key (the serde name, as stored).
pub fn relations() -> [(ControlRelation, &'static str); 5] {
    [
        (ControlRelation::MajorityOfVotingRights, "majority_of_voting_rights"),
        (ControlRelation::AppointsMajorityOfBoard, "appoints_majority_of_board"),
        (ControlRelation::DominantInfluenceByContractOrArticles, "dominant_influence_by_contract_or_articles"),
        (ControlRelation::MajorityOfVotingRightsByAgreement, "majority_of_voting_rights_by_agreement"),
        (ControlRelation::MaterialInfluence, "material_influence"),
    ]
}

/// The stored key of a relation.
pub fn relation_key(relation: ControlRelation) -> &'static str {
    relations().into_iter().find(|(r, _)| *r == relation).map(|(_, key)| key).unwrap_or_default()
}

/// The relation for a stored key.
pub fn relation_of(key: &str) -> Option<ControlRelation> {
    relations().into_iter().find(|(_, k)| *k == key.trim()).map(|(r, _)| r)
}

impl LinkDraft {
    /// Checks both enterprises and the relation.
    pub fn validate(&self) -> Result<LinkInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let mut id = |field: &str, value: &str, what: &str| match value.trim().parse::<OrgId>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add(field, "required", format!("choose the enterprise that {what}"));
                None
            }
        };
        let controller_id = id("controller_id", &self.controller_id, "controls the other");
        let controlled_id = id("controlled_id", &self.controlled_id, "is controlled");
        let relation = relation_of(&self.relation);
        if relation.is_none() {
            let keys: Vec<&str> = relations().iter().map(|(_, k)| *k).collect();
            errors.add("relation", "invalid_choice", format!("relation must be one of: {}", keys.join(", ")));
        }
        if controller_id.is_some() && controller_id == controlled_id {
            errors.add("controlled_id", "self_link", "an enterprise cannot control itself: choose two different enterprises");
        }
        let (Some(controller_id), Some(controlled_id), Some(relation)) = (controller_id, controlled_id, relation) else {
            return Err(errors);
        };
        errors.into_result(LinkInput { controller_id, controlled_id, relation })
    }
}

/// A link as stored. Never deleted: an ended one is removed and joins nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnterpriseLink {
    /// Id.
    pub id: Uuid,
    /// Its fields.
    pub input: LinkInput,
    /// Who entered it.
    pub created_by: Option<UserId>,
    /// Entered.
    pub created_at: DateTime<Utc>,
    /// Removed.
    pub removed_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    fn draft() -> AidDeclarationDraft {
        AidDeclarationDraft {
            grantor: "Sächsische Aufbaubank".into(),
            description: Some("GRW grant for a new production line".into()),
            granted_on: "2024-03-15".into(),
            amount: "150.000,00".into(),
            currency: "eur".into(),
            rate: String::new(),
            rate_source: String::new(),
            declared_on: "2025-01-10".into(),
        }
    }

    #[test]
    fn a_declaration_in_the_ledger_currency_needs_no_rate() {
        let mut input = draft().validate(today()).expect("valid");
        assert_eq!((input.amount, input.currency.as_str()), (15_000_000, "EUR"));
        assert!(input.check_rate(Some("EUR")).is_ok());
        assert!(input.check_rate(None).is_ok(), "no ledger, nothing to convert");
    }

    #[test]
    fn a_declaration_in_another_currency_needs_a_rate_with_its_source() {
        let mut input = draft().validate(today()).expect("valid");
        let errors = input.check_rate(Some("GBP")).expect_err("rate needed");
        assert_eq!(errors.for_field("rate").map(|e| e.code), Some("rate_required"));
        let sourceless = AidDeclarationDraft { rate: "0.8532".into(), ..draft() }.validate(today()).expect_err("source");
        assert_eq!(sourceless.for_field("rate_source").map(|e| e.code), Some("required"));
        let with_rate = AidDeclarationDraft { rate: "0,8532".into(), rate_source: "ECB, 15 March 2024".into(), ..draft() };
        let mut input = with_rate.validate(today()).expect("valid");
        assert!(input.check_rate(Some("GBP")).is_ok());
        assert_eq!(input.rate_millionths, Some(853_200));
        input.check_rate(Some("EUR")).expect("same currency");
        assert_eq!((input.rate_millionths, input.rate_source), (None, None), "an unused rate is dropped");
    }

    #[test]
    fn bad_declarations_name_each_field() {
        let bad = AidDeclarationDraft {
            grantor: " ".into(),
            granted_on: "2027-01-01".into(),
            amount: "0".into(),
            currency: "euro".into(),
            rate: "-1".into(),
            declared_on: "15.03.2024".into(),
            ..draft()
        };
        let errors = bad.validate(today()).expect_err("invalid");
        for (field, code) in [
            ("grantor", "required"),
            ("granted_on", "in_future"),
            ("amount", "invalid_amount"),
            ("currency", "invalid_currency"),
            ("rate", "invalid_rate"),
            ("declared_on", "invalid_date"),
        ] {
            assert_eq!(errors.for_field(field).map(|e| e.code), Some(code), "{field}: {errors}");
        }
        let early = AidDeclarationDraft { declared_on: "2024-03-14".into(), ..draft() }.validate(today()).expect_err("early");
        assert_eq!(early.for_field("declared_on").map(|e| e.code), Some("before_grant"));
    }

    #[test]
    fn a_link_joins_two_different_enterprises_by_a_known_relation() {
        let (a, b) = (OrgId::new().to_string(), OrgId::new().to_string());
        let link = LinkDraft { controller_id: a.clone(), controlled_id: b, relation: "majority_of_voting_rights".into() };
        assert_eq!(link.validate().expect("valid").relation, ControlRelation::MajorityOfVotingRights);
        let own = LinkDraft { controlled_id: a, relation: "friendship".into(), ..link };
        let errors = own.validate().expect_err("invalid");
        assert_eq!(errors.for_field("controlled_id").map(|e| e.code), Some("self_link"));
        assert_eq!(errors.for_field("relation").map(|e| e.code), Some("invalid_choice"));
    }

    #[test]
    fn relation_keys_are_the_rules_serde_names() {
        for (relation, key) in relations() {
            assert_eq!(from_serde_name(key), relation);
            assert_eq!(relation_of(key), Some(relation));
            assert_eq!(relation_key(relation), key);
        }
    }

    /// The relation serde reads from `key` (the rules' own names).
    fn from_serde_name(key: &str) -> ControlRelation {
        use serde::de::IntoDeserializer;
        use serde::de::value::{Error, StrDeserializer};
        let de: StrDeserializer<'_, Error> = key.into_deserializer();
        ControlRelation::deserialize(de).expect("a known relation")
    }
}
