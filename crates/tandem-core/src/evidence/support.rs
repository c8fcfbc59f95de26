//! One piece of support given to an enterprise (issue 6, item 2): who gave it, when, how many
//! hours, what kind, the specific written output the enterprise received and, for grants and
//! loans, the amount — and the aid value it adds to the enterprise's subsidy ledger.

use super::aid::{parse_rate, rate_needed, require_rate};
use super::project::Project;
use super::units::parse_hundredths;
use crate::validation::{ValidationErrors, optional_text, required_text};
use crate::{OrgId, ProgrammeId, ProjectId, SupportRecordId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Longest adviser name.
pub const ADVISER_MAX: usize = 200;
/// Longest written output description.
pub const OUTPUT_MAX: usize = 4_000;
/// Most hours one record may hold (a record is one engagement, not a year's work).
pub const HOURS_MAX: i64 = 100_000;

/// What kind of support was given: the rulebooks' activity types, so a record's activity is
/// the fact the indicators count.
pub use tandem_rules::indicators::ActivityType as Activity;

/// What an adviser submits, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportDraft {
    /// The enterprise supported (organisation id).
    pub enterprise_id: String,
    /// The organisation that gave it (organisation id).
    pub support_org_id: String,
    /// The adviser's name as it appears in the claim.
    pub adviser_name: String,
    /// Date (YYYY-MM-DD).
    pub delivered_on: String,
    /// Hours ("2", "1.5").
    pub hours: String,
    /// Activity key.
    pub activity: String,
    /// The specific written output.
    pub written_output: Option<String>,
    /// Grant or loan amount ("5000", "5,000.00").
    pub amount: String,
    /// For loans: the gross grant equivalent, the aid a loan carries.
    pub aid_value: String,
    /// Units of the enterprise's ledger currency per unit of the project's currency ("0.8532"),
    /// needed when they differ and the support carries aid.
    pub aid_rate: String,
    /// The directory programme it was delivered under (programme id; empty: none).
    pub programme_id: String,
    /// The recorder has seen that the aid takes the enterprise near its subsidy ceiling and
    /// records it anyway.
    pub confirm_ceiling: bool,
}

/// A validated record's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupportInput {
    /// Enterprise.
    pub enterprise_id: OrgId,
    /// Support organisation.
    pub support_org_id: OrgId,
    /// Adviser.
    pub adviser_name: String,
    /// Date.
    pub delivered_on: NaiveDate,
    /// Hundredths of an hour.
    pub hours: i64,
    /// Kind.
    pub activity: Activity,
    /// Written output.
    pub written_output: Option<String>,
    /// Grant amount (minor units).
    pub grant_amount: Option<i64>,
    /// Loan amount (minor units).
    pub loan_amount: Option<i64>,
    /// Aid value entered for a loan (gross grant equivalent), minor units.
    pub loan_aid_value: Option<i64>,
    /// Millionths of the enterprise's ledger currency per unit of the project's currency, where
    /// they differ and the support carries aid (see [`SupportInput::check_aid_rate`]).
    pub aid_rate_millionths: Option<i64>,
    /// The directory programme it was delivered under, if any (the application checks that the
    /// support organisation runs it).
    pub programme_id: Option<ProgrammeId>,
}

fn amount(errors: &mut ValidationErrors, field: &str, text: &str, what: &str) -> Option<i64> {
    match parse_hundredths(text) {
        Some(a) => Some(a),
        None => {
            errors.add(field, "invalid_amount", format!("write {what} as an amount, e.g. 5000 or 5,000.00"));
            None
        }
    }
}

impl SupportDraft {
    /// Checks every field against the project (delivery dates) and `today`.
    pub fn validate(&self, project: &Project, today: NaiveDate) -> Result<SupportInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let enterprise_id = self.enterprise_id.trim().parse::<OrgId>().ok();
        if enterprise_id.is_none() {
            errors.add("enterprise_id", "required", "choose the enterprise that received the support");
        }
        let support_org_id = self.support_org_id.trim().parse::<OrgId>().ok();
        if support_org_id.is_none() {
            errors.add("support_org_id", "required", "choose the organisation that gave the support");
        }
        let adviser_name = required_text(&mut errors, "adviser_name", &self.adviser_name, ADVISER_MAX);
        let delivered_on = match NaiveDate::parse_from_str(self.delivered_on.trim(), "%Y-%m-%d") {
            Ok(d) if d > today => {
                errors.add("delivered_on", "in_future", "record support once it was given: use a date up to today");
                None
            }
            Ok(d) if !project.delivers_on(d) => {
                errors.add(
                    "delivered_on",
                    "outside_project",
                    format!("the project delivers from {} to {}: use a date in between", project.input.starts_on, project.input.ends_on),
                );
                None
            }
            Ok(d) => Some(d),
            Err(_) => {
                errors.add("delivered_on", "invalid_date", "write the date the support was given as YYYY-MM-DD");
                None
            }
        };
        let activity = Activity::from_key(&self.activity);
        if activity.is_none() {
            errors.add(
                "activity",
                "invalid_choice",
                format!("activity must be one of: {}", Activity::ALL.iter().map(|a| a.key()).collect::<Vec<_>>().join(", ")),
            );
        }
        let hours = match parse_hundredths(&self.hours) {
            // A grant or loan may come without hours of advice.
            Some(0) if activity.is_some_and(Activity::is_financial) => Some(0),
            Some(h) if h > 0 && h <= HOURS_MAX => Some(h),
            _ => {
                errors.add("hours", "invalid_hours", "write the hours of support, e.g. 2 or 1.5 (at most 1,000)");
                None
            }
        };
        let written_output = optional_text(&mut errors, "written_output", self.written_output.as_deref(), OUTPUT_MAX);
        if written_output.is_none() && activity.is_some_and(Activity::needs_written_output) {
            errors.add(
                "written_output",
                "required",
                "describe the written output the enterprise received (e.g. its action plan): advice counts only when it is specific to the business",
            );
        }
        let (mut grant_amount, mut loan_amount, mut loan_aid_value) = (None, None, None);
        match activity {
            Some(Activity::Grant) => match amount(&mut errors, "amount", &self.amount, "the grant") {
                Some(a) if a > 0 => grant_amount = Some(a),
                Some(_) => errors.add("amount", "invalid_amount", "a grant needs an amount above zero"),
                None => {}
            },
            Some(Activity::Loan) => {
                match amount(&mut errors, "amount", &self.amount, "the loan") {
                    Some(a) if a > 0 => loan_amount = Some(a),
                    Some(_) => errors.add("amount", "invalid_amount", "a loan needs an amount above zero"),
                    None => {}
                }
                if !self.aid_value.trim().is_empty() {
                    loan_aid_value = amount(&mut errors, "aid_value", &self.aid_value, "the loan's gross grant equivalent");
                }
            }
            _ if !self.amount.trim().is_empty() => {
                errors.add("amount", "not_financial", "only a grant or a loan has an amount: clear it or change the activity");
            }
            _ => {}
        }
        let aid_rate = parse_rate(&mut errors, "aid_rate", &self.aid_rate);
        let programme_id = match self.programme_id.trim() {
            "" => None,
            raw => {
                let id = raw.parse::<ProgrammeId>().ok();
                if id.is_none() {
                    errors.add("programme_id", "unknown_programme", "choose the programme from the list, or none");
                }
                id
            }
        };
        let (Some(enterprise_id), Some(support_org_id), Some(delivered_on), Some(activity), Some(hours), Some(aid_rate_millionths)) =
            (enterprise_id, support_org_id, delivered_on, activity, hours, aid_rate)
        else {
            return Err(errors);
        };
        if enterprise_id == support_org_id {
            errors.add("enterprise_id", "self_support", "an organisation cannot record support to itself");
        }
        errors.into_result(SupportInput {
            enterprise_id,
            support_org_id,
            adviser_name,
            delivered_on,
            hours,
            activity,
            written_output,
            grant_amount,
            loan_amount,
            loan_aid_value,
            aid_rate_millionths,
            programme_id,
        })
    }
}

impl SupportInput {
    /// The aid this support gives the enterprise, for its subsidy ledger, in the project's
    /// currency: a grant at its amount; a loan at the gross grant equivalent entered; advice at
    /// its market value, hours × the project's day rate ÷ the hours of its working day, rounded
    /// half up to a minor unit (DOMAIN.md: "Advice counts at market value"); nothing when the
    /// project has no day rate.
    pub fn aid_value(&self, project: &Project) -> i64 {
        if let Some(grant) = self.grant_amount {
            return grant;
        }
        if self.activity == Activity::Loan {
            return self.loan_aid_value.unwrap_or(0);
        }
        match project.input.day_rate {
            // Hundredths of an hour × minor units per day ÷ hundredths of an hour per day.
            Some(rate) => {
                let numerator = i128::from(self.hours) * i128::from(rate);
                let denominator = i128::from(project.input.hours_per_day);
                i64::try_from((2 * numerator + denominator) / (2 * denominator)).unwrap_or(i64::MAX)
            }
            None => 0,
        }
    }

    /// Checks the rate against the enterprise's ledger currency (`None`: no ledger). The aid
    /// value is in the project's currency; where the ledger is kept in another and there is aid
    /// to count, the rate is required. Where it is not needed it is dropped, so a record never
    /// holds a rate its ledger does not use.
    pub fn check_aid_rate(&mut self, project: &Project, ledger_currency: Option<&str>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let currency = project.input.currency.key();
        match ledger_currency {
            Some(ledger) if rate_needed(currency, Some(ledger)) && self.aid_value(project) > 0 => {
                if self.aid_rate_millionths.is_none() {
                    require_rate(&mut errors, "aid_rate", currency, ledger);
                }
            }
            _ => self.aid_rate_millionths = None,
        }
        errors.into_result(())
    }
}

/// A record as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupportRecord {
    /// Id.
    pub id: SupportRecordId,
    /// The project it counts for.
    pub project_id: ProjectId,
    /// Its fields.
    pub input: SupportInput,
    /// The adviser's account, when they recorded it themselves.
    pub adviser_user_id: Option<UserId>,
    /// Aid value at the time of writing (minor units of `currency`).
    pub aid_value: i64,
    /// The project's currency.
    pub currency: String,
    /// Who recorded it.
    pub created_by: Option<UserId>,
    /// Optimistic-locking version.
    pub version: i64,
    /// Recorded.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// Withdrawn (it stays as evidence but counts nowhere).
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// Why.
    pub withdrawn_reason: Option<String>,
}

/// An enterprise's hours of support in one project against its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HoursTotal {
    /// Hundredths of an hour, over records not withdrawn.
    pub total: i64,
    /// The project's threshold.
    pub threshold: i64,
}

impl HoursTotal {
    /// Whether the total reaches the threshold (exactly 12 h counts).
    pub fn reached(&self) -> bool {
        self.total >= self.threshold
    }

    /// Hours still missing (0 once reached).
    pub fn missing(&self) -> i64 {
        (self.threshold - self.total).max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::project::{Funder, ProjectCurrency, ProjectInput};

    fn project(day_rate: Option<i64>) -> Project {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        Project {
            id: ProjectId::new(),
            input: ProjectInput {
                name: "Innovation Engine".into(),
                lead_org_id: OrgId::new(),
                funder: Funder::ErdfEngland2014,
                scheme: None,
                rulebook: "esif_gn_1_002".into(),
                rulebook_version: "v6".into(),
                agreement_signed_on: d("2017-03-01"),
                starts_on: d("2017-04-01"),
                ends_on: d("2020-03-31"),
                currency: ProjectCurrency::Gbp,
                hours_threshold: 1_200,
                day_rate,
                hours_per_day: 750,
            },
            partners: vec![],
            cities: vec![],
            excluded_nace: vec![],
            targets: vec![],
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn draft(activity: &str) -> SupportDraft {
        SupportDraft {
            enterprise_id: OrgId::new().to_string(),
            support_org_id: OrgId::new().to_string(),
            adviser_name: "Jordan Hayes".into(),
            delivered_on: "2018-05-14".into(),
            hours: "3.5".into(),
            activity: activity.into(),
            written_output: Some("Export action plan for the German market".into()),
            amount: String::new(),
            aid_value: String::new(),
            aid_rate: String::new(),
            programme_id: String::new(),
            confirm_ceiling: false,
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).expect("date")
    }

    #[test]
    fn advice_is_valued_at_market_rate_rounded_half_up() {
        let p = project(Some(65_000));
        let input = draft("one_to_one_advice").validate(&p, today()).expect("valid");
        assert_eq!(input.hours, 350);
        // 3.5 h of a £650, 7.5-hour day: £303.333… → £303.33.
        assert_eq!(input.aid_value(&p), 30_333);
        let twelve = SupportInput { hours: 1_200, ..input.clone() };
        assert_eq!(twelve.aid_value(&p), 104_000, "12 h = 1.6 days = £1,040");
        assert_eq!(input.aid_value(&project(None)), 0, "no day rate, no market value");
    }

    #[test]
    fn a_grant_counts_at_its_amount_and_a_loan_at_its_grant_equivalent() {
        let p = project(Some(65_000));
        let grant = SupportDraft { amount: "5,000".into(), hours: "0".into(), written_output: None, ..draft("grant") };
        assert_eq!(grant.validate(&p, today()).expect("valid").aid_value(&p), 500_000);
        let loan = SupportDraft { amount: "20000".into(), aid_value: "1,250.50".into(), ..draft("loan") };
        let loan = loan.validate(&p, today()).expect("valid");
        assert_eq!((loan.loan_amount, loan.aid_value(&p)), (Some(2_000_000), 125_050));
    }

    #[test]
    fn advice_without_a_specific_written_output_is_refused() {
        let p = project(None);
        for activity in ["diagnostic", "one_to_one_advice", "mentoring"] {
            let errors = SupportDraft { written_output: Some("  ".into()), ..draft(activity) }.validate(&p, today()).expect_err(activity);
            assert_eq!(errors.for_field("written_output").map(|e| e.code), Some("required"), "{activity}");
        }
        assert!(SupportDraft { written_output: None, ..draft("workshop") }.validate(&p, today()).is_ok(), "a workshop needs none");
    }

    #[test]
    fn dates_outside_delivery_or_in_the_future_are_refused() {
        let p = project(None);
        let before = SupportDraft { delivered_on: "2017-03-31".into(), ..draft("workshop") }.validate(&p, today()).expect_err("before");
        assert_eq!(before.for_field("delivered_on").map(|e| e.code), Some("outside_project"));
        assert!(SupportDraft { delivered_on: "2017-04-01".into(), ..draft("workshop") }.validate(&p, today()).is_ok(), "first day");
        assert!(SupportDraft { delivered_on: "2020-03-31".into(), ..draft("workshop") }.validate(&p, today()).is_ok(), "last day");
        let future = SupportDraft { delivered_on: "2018-05-15".into(), ..draft("workshop") };
        let early = NaiveDate::from_ymd_opt(2018, 5, 14).expect("date");
        assert_eq!(future.validate(&p, early).expect_err("future").for_field("delivered_on").map(|e| e.code), Some("in_future"));
    }

    #[test]
    fn hours_amounts_and_parties_are_checked() {
        let p = project(None);
        let zero = SupportDraft { hours: "0".into(), ..draft("workshop") }.validate(&p, today()).expect_err("zero hours");
        assert_eq!(zero.for_field("hours").map(|e| e.code), Some("invalid_hours"));
        let stray = SupportDraft { amount: "100".into(), ..draft("workshop") }.validate(&p, today()).expect_err("amount");
        assert_eq!(stray.for_field("amount").map(|e| e.code), Some("not_financial"));
        let no_grant = SupportDraft { amount: "0".into(), ..draft("grant") }.validate(&p, today()).expect_err("zero grant");
        assert!(no_grant.for_field("amount").is_some());
        let same = OrgId::new().to_string();
        let own = SupportDraft { enterprise_id: same.clone(), support_org_id: same, ..draft("workshop") };
        assert_eq!(own.validate(&p, today()).expect_err("self").for_field("enterprise_id").map(|e| e.code), Some("self_support"));
    }

    #[test]
    fn the_programme_is_optional_and_must_be_an_id() {
        let p = project(None);
        assert_eq!(draft("workshop").validate(&p, today()).expect("none").programme_id, None);
        let id = ProgrammeId::new();
        let under = SupportDraft { programme_id: format!(" {id} "), ..draft("workshop") }.validate(&p, today()).expect("valid");
        assert_eq!(under.programme_id, Some(id));
        let bad = SupportDraft { programme_id: "accelerator".into(), ..draft("workshop") }.validate(&p, today()).expect_err("bad id");
        assert_eq!(bad.for_field("programme_id").map(|e| e.code), Some("unknown_programme"));
    }

    #[test]
    fn aid_in_another_currency_than_the_ledger_needs_a_rate() {
        let p = project(Some(65_000));
        let mut input = draft("one_to_one_advice").validate(&p, today()).expect("valid");
        assert!(input.check_aid_rate(&p, Some("GBP")).is_ok(), "same currency");
        assert!(input.check_aid_rate(&p, None).is_ok(), "no ledger");
        let errors = input.check_aid_rate(&p, Some("EUR")).expect_err("rate needed");
        assert_eq!(errors.for_field("aid_rate").map(|e| e.code), Some("rate_required"));
        let mut with_rate = SupportDraft { aid_rate: "1.1723".into(), ..draft("one_to_one_advice") }.validate(&p, today()).expect("valid");
        assert!(with_rate.check_aid_rate(&p, Some("EUR")).is_ok());
        assert_eq!(with_rate.aid_rate_millionths, Some(1_172_300));
        // Without a day rate advice carries no aid, so no rate is needed (and none kept).
        let free = project(None);
        with_rate.check_aid_rate(&free, Some("EUR")).expect("no aid");
        assert_eq!(with_rate.aid_rate_millionths, None);
        let bad = SupportDraft { aid_rate: "zero".into(), ..draft("workshop") }.validate(&p, today()).expect_err("bad rate");
        assert_eq!(bad.for_field("aid_rate").map(|e| e.code), Some("invalid_rate"));
    }

    #[test]
    fn exactly_twelve_hours_reach_the_threshold_and_eleven_point_nine_nine_do_not() {
        assert!(HoursTotal { total: 1_200, threshold: 1_200 }.reached());
        let short = HoursTotal { total: 1_199, threshold: 1_200 };
        assert!(!short.reached());
        assert_eq!(short.missing(), 1);
    }
}
