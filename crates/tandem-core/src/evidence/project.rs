//! A funded project (issue 6, item 1): who funds it under which scheme, the indicator rulebook
//! and its version fixed at the funding-agreement date (DOMAIN.md: "The guidance version that
//! applies is the one in force when the funding agreement was signed: store it per project"),
//! the eligible area and excluded sectors, targets, the market-value day rate for advice and the
//! support-hours threshold.

use super::units::parse_hundredths;
use crate::directory::keyed_enum;
use crate::validation::{ValidationErrors, optional_text, required_text};
use crate::{CityId, OrgId, ProjectId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Longest project name.
pub const NAME_MAX: usize = 200;
/// Default least support that counts an enterprise under C1/C4: 12 hours (DOMAIN.md: "commonly
/// 12 hours — make it a per-project setting"), in hundredths.
pub const DEFAULT_HOURS_THRESHOLD: i64 = 1_200;
/// Default working day for the market value of advice, in hundredths of an hour (7.5 h). No law
/// fixes it; projects set their own.
pub const DEFAULT_HOURS_PER_DAY: i64 = 750;

keyed_enum!(
    /// Who funds the project, under which programme.
    Funder {
        /// European Regional Development Fund, England 2014–20.
        ErdfEngland2014 = "erdf_england_2014_20",
        /// ERDF 2021–27 (EU member states).
        Erdf2021 = "erdf_2021_27",
        /// Interreg 2021–27.
        Interreg2021 = "interreg_2021_27",
        /// UK Shared Prosperity Fund.
        UkSpf = "uk_spf",
        /// Any other funder.
        Other = "other",
    }
);

keyed_enum!(
    /// The currency a project reports in.
    ProjectCurrency {
        /// Pound sterling.
        Gbp = "GBP",
        /// Euro.
        Eur = "EUR",
    }
);

/// What a manager submits, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDraft {
    /// Name.
    pub name: String,
    /// The lead organisation's id.
    pub lead_org_id: String,
    /// Funder key.
    pub funder: String,
    /// Scheme or call, free text.
    pub scheme: Option<String>,
    /// Indicator rulebook key.
    pub rulebook: String,
    /// Its version in force at the funding-agreement date.
    pub rulebook_version: String,
    /// Funding agreement signed (YYYY-MM-DD).
    pub agreement_signed_on: String,
    /// Delivery starts (YYYY-MM-DD).
    pub starts_on: String,
    /// Delivery ends (YYYY-MM-DD).
    pub ends_on: String,
    /// GBP or EUR.
    pub currency: String,
    /// Hours that make support count ("12", "12.5").
    pub hours_threshold: String,
    /// Market value of a day of advice ("650", "650.00"); empty when none is set.
    pub day_rate: String,
    /// Hours in a working day ("7.5").
    pub hours_per_day: String,
}

/// A validated project's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProjectInput {
    /// Name.
    pub name: String,
    /// Lead organisation.
    pub lead_org_id: OrgId,
    /// Funder.
    pub funder: Funder,
    /// Scheme or call.
    pub scheme: Option<String>,
    /// Indicator rulebook key.
    pub rulebook: String,
    /// Its version.
    pub rulebook_version: String,
    /// Funding agreement signed.
    pub agreement_signed_on: NaiveDate,
    /// Delivery starts.
    pub starts_on: NaiveDate,
    /// Delivery ends.
    pub ends_on: NaiveDate,
    /// Reporting currency.
    pub currency: ProjectCurrency,
    /// Hundredths of an hour.
    pub hours_threshold: i64,
    /// Minor units per day, if set.
    pub day_rate: Option<i64>,
    /// Hundredths of an hour.
    pub hours_per_day: i64,
}

fn date(errors: &mut ValidationErrors, field: &str, value: &str, what: &str) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.add(field, "invalid_date", format!("write the date {what} as YYYY-MM-DD"));
            None
        }
    }
}

impl ProjectDraft {
    /// Checks every field; `rulebook_known` says whether a rulebook key and version exist.
    pub fn validate(&self, rulebook_known: impl Fn(&str, &str) -> bool) -> Result<ProjectInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = required_text(&mut errors, "name", &self.name, NAME_MAX);
        let lead_org_id = match self.lead_org_id.trim().parse::<OrgId>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("lead_org_id", "required", "choose the lead organisation");
                None
            }
        };
        let funder = Funder::from_key(&self.funder);
        if funder.is_none() {
            errors.add("funder", "invalid_choice", format!("funder must be one of: {}", Funder::keys_list()));
        }
        let scheme = optional_text(&mut errors, "scheme", self.scheme.as_deref(), NAME_MAX);
        let (rulebook, rulebook_version) = (self.rulebook.trim().to_owned(), self.rulebook_version.trim().to_owned());
        if !rulebook_known(&rulebook, &rulebook_version) {
            errors.add(
                "rulebook_version",
                "unknown_rulebook",
                "choose an indicator rulebook and the version in force when the funding agreement was signed",
            );
        }
        let agreement_signed_on = date(&mut errors, "agreement_signed_on", &self.agreement_signed_on, "the funding agreement was signed");
        let starts_on = date(&mut errors, "starts_on", &self.starts_on, "delivery starts");
        let ends_on = date(&mut errors, "ends_on", &self.ends_on, "delivery ends");
        if let (Some(s), Some(e)) = (starts_on, ends_on)
            && e < s
        {
            errors.add("ends_on", "before_start", "the project must end on or after the day it starts");
        }
        let currency = ProjectCurrency::from_key(&self.currency);
        if currency.is_none() {
            errors.add("currency", "invalid_choice", "currency must be GBP or EUR");
        }
        let hours_threshold = match parse_hundredths(&self.hours_threshold) {
            Some(h) if h > 0 && h <= 100_000 => Some(h),
            _ => {
                errors.add("hours_threshold", "invalid_hours", "write the hours of support that count an enterprise, e.g. 12 or 12.5");
                None
            }
        };
        let day_rate = if self.day_rate.trim().is_empty() {
            Some(None)
        } else {
            match parse_hundredths(&self.day_rate) {
                Some(r) if r > 0 => Some(Some(r)),
                _ => {
                    errors.add("day_rate", "invalid_amount", "write the market value of a day of advice as an amount, e.g. 650 or 650.00");
                    None
                }
            }
        };
        let hours_per_day = match parse_hundredths(&self.hours_per_day) {
            Some(h) if h > 0 && h <= 2_400 => Some(h),
            _ => {
                errors.add("hours_per_day", "invalid_hours", "write the hours of a working day, between 0.25 and 24, e.g. 7.5");
                None
            }
        };
        let (
            Some(lead_org_id),
            Some(funder),
            Some(agreement_signed_on),
            Some(starts_on),
            Some(ends_on),
            Some(currency),
            Some(hours_threshold),
            Some(day_rate),
            Some(hours_per_day),
        ) = (lead_org_id, funder, agreement_signed_on, starts_on, ends_on, currency, hours_threshold, day_rate, hours_per_day)
        else {
            return Err(errors);
        };
        errors.into_result(ProjectInput {
            name,
            lead_org_id,
            funder,
            scheme,
            rulebook,
            rulebook_version,
            agreement_signed_on,
            starts_on,
            ends_on,
            currency,
            hours_threshold,
            day_rate,
            hours_per_day,
        })
    }
}

/// A project as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Project {
    /// Id.
    pub id: ProjectId,
    /// Its fields.
    pub input: ProjectInput,
    /// Delivery partners besides the lead.
    pub partners: Vec<OrgId>,
    /// The eligible area.
    pub cities: Vec<CityId>,
    /// Excluded sectors (NACE codes at any level).
    pub excluded_nace: Vec<String>,
    /// Targets per indicator code.
    pub targets: Vec<(String, i64)>,
    /// Optimistic-locking version.
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl Project {
    /// The organisations that deliver its support: the lead and the partners.
    pub fn delivery_orgs(&self) -> impl Iterator<Item = OrgId> + '_ {
        std::iter::once(self.input.lead_org_id).chain(self.partners.iter().copied())
    }

    /// Whether `on` falls within delivery.
    pub fn delivers_on(&self, on: NaiveDate) -> bool {
        self.input.starts_on <= on && on <= self.input.ends_on
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProjectDraft {
        ProjectDraft {
            name: "Innovation Engine".into(),
            lead_org_id: OrgId::new().to_string(),
            funder: "erdf_england_2014_20".into(),
            scheme: Some("ERDF Priority Axis 1".into()),
            rulebook: "esif_gn_1_002".into(),
            rulebook_version: "v6".into(),
            agreement_signed_on: "2017-03-01".into(),
            starts_on: "2017-04-01".into(),
            ends_on: "2020-03-31".into(),
            currency: "GBP".into(),
            hours_threshold: "12".into(),
            day_rate: "650".into(),
            hours_per_day: "7.5".into(),
        }
    }

    #[test]
    fn a_complete_project_validates_with_exact_units() {
        let p = draft().validate(|_, _| true).expect("valid");
        assert_eq!((p.hours_threshold, p.day_rate, p.hours_per_day), (1_200, Some(65_000), 750));
        assert_eq!(p.funder, Funder::ErdfEngland2014);
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = ProjectDraft {
            name: " ".into(),
            funder: "eu".into(),
            ends_on: "2017-03-31".into(),
            currency: "USD".into(),
            hours_threshold: "0".into(),
            day_rate: "-5".into(),
            hours_per_day: "25".into(),
            ..draft()
        };
        let errors = bad.validate(|_, v| v == "v5").expect_err("invalid");
        for field in ["name", "funder", "ends_on", "currency", "hours_threshold", "day_rate", "hours_per_day", "rulebook_version"] {
            assert!(errors.for_field(field).is_some(), "{field}: {errors}");
        }
    }

    #[test]
    fn no_day_rate_is_allowed() {
        let p = ProjectDraft { day_rate: String::new(), ..draft() }.validate(|_, _| true).expect("valid");
        assert_eq!(p.day_rate, None);
    }
}
