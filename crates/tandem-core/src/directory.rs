//! The ecosystem directory: cities, organisations, their people and the programmes they run.

use crate::nace::NaceCode;
use crate::validation::{optional_text, required_text, ValidationErrors};
use crate::{CityId, OrgId, PersonId, ProgrammeId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest organisation or programme name accepted.
pub const NAME_MAX: usize = 200;
/// Longest description (per language) accepted; the same limit as a partnering profile's description.
pub const DESCRIPTION_MAX: usize = 4_000;
/// Most NACE codes one organisation or programme may carry.
pub const NACE_MAX: usize = 10;

/// Declares a closed set of values stored and exchanged by a stable snake_case key.
macro_rules! keyed_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $key:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant),* }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable key used in the database, the API, forms and translation ids.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),* }
            }

            /// The value for a stable key.
            pub fn from_key(key: &str) -> Option<Self> {
                match key.trim() { $($key => Some($name::$variant),)* _ => None }
            }

            /// The keys, comma-separated, for error messages that say what is accepted.
            pub fn keys_list() -> String {
                Self::ALL.iter().map(|v| v.key()).collect::<Vec<_>>().join(", ")
            }
        }

        impl $crate::directory::Keyed for $name {
            fn parse_key(key: &str) -> Option<Self> {
                Self::from_key(key)
            }
            fn accepted_keys() -> String {
                Self::keys_list()
            }
        }
    };
}

/// A closed set of values with stable keys (implemented by `keyed_enum!`), so forms and imports
/// can parse any of them with one function.
pub trait Keyed: Sized + Copy + PartialEq {
    /// The value for a stable key.
    fn parse_key(key: &str) -> Option<Self>;
    /// The accepted keys, comma-separated.
    fn accepted_keys() -> String;
}
pub(crate) use keyed_enum;

keyed_enum!(
    /// What kind of organisation this is; support organisations broker and report, the rest are supported.
    OrgKind {
        Sme = "sme",
        Startup = "startup",
        LargeCompany = "large_company",
        Incubator = "incubator",
        Accelerator = "accelerator",
        UniversityLab = "university_lab",
        ResearchOrganisation = "research_organisation",
        PublicBody = "public_body",
        InvestmentAgency = "investment_agency",
        Investor = "investor",
        Other = "other",
    }
);

impl OrgKind {
    /// Enterprises: what support is given to and funders count.
    pub fn is_enterprise(self) -> bool {
        matches!(self, OrgKind::Sme | OrgKind::Startup | OrgKind::LargeCompany)
    }

    /// Support organisations: their staff see confidential figures of the enterprises they support.
    pub fn is_support_organisation(self) -> bool {
        matches!(
            self,
            OrgKind::Incubator
                | OrgKind::Accelerator
                | OrgKind::UniversityLab
                | OrgKind::ResearchOrganisation
                | OrgKind::PublicBody
                | OrgKind::InvestmentAgency
        )
    }
}

keyed_enum!(
    /// What a programme offers.
    ProgrammeKind {
        Incubation = "incubation",
        Acceleration = "acceleration",
        SoftLanding = "soft_landing",
        Exchange = "exchange",
        Mentoring = "mentoring",
    }
);

keyed_enum!(
    /// Where a programme stands; drafts are visible only to the organisation that runs it.
    ProgrammeStatus {
        Draft = "draft",
        Open = "open",
        Running = "running",
        Closed = "closed",
    }
);

keyed_enum!(
    /// Currency of an organisation's reported figures.
    Currency {
        Eur = "EUR",
        Gbp = "GBP",
    }
);

/// A city of the partnership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct City {
    /// Id.
    pub id: CityId,
    /// Name in its own language (Birmingham, Leipzig).
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// IANA time zone (Europe/London).
    pub time_zone: String,
    /// Languages spoken in the city's ecosystem, as ISO 639-1 codes.
    pub languages: Vec<String>,
}

/// Staff and financial figures for the last closed accounts; confidential (see `policy`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyFigures {
    /// Staff headcount.
    pub staff_headcount: Option<i64>,
    /// Annual turnover in whole currency units.
    pub turnover: Option<i64>,
    /// Balance-sheet total in whole currency units.
    pub balance_sheet: Option<i64>,
    /// Currency of turnover and balance sheet.
    pub currency: Option<Currency>,
    /// Year of the accounts the figures come from.
    pub year: Option<i32>,
}

impl CompanyFigures {
    /// True when no figure is recorded.
    pub fn is_empty(&self) -> bool {
        self.staff_headcount.is_none() && self.turnover.is_none() && self.balance_sheet.is_none() && self.year.is_none()
    }
}

/// Registry identifiers that tie an organisation to outside records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalIds {
    /// EU Participant Identification Code (9 digits), as in CORDIS.
    pub pic: Option<String>,
    /// UK Companies House company number (8 characters).
    pub companies_house: Option<String>,
    /// German commercial register entry (e.g. "HRB 12345").
    pub handelsregister: Option<String>,
}

/// An organisation as stored, with every field; `policy` decides who sees `figures`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organisation {
    /// Id.
    pub id: OrgId,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: OrgKind,
    /// The city it is based in.
    pub city_id: CityId,
    /// NACE Rev. 2 activity codes.
    pub nace_codes: Vec<NaceCode>,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// Website (http or https URL).
    pub website: Option<String>,
    /// Confidential figures.
    pub figures: CompanyFigures,
    /// Registry identifiers.
    pub external_ids: ExternalIds,
    /// Incremented on every update; the ETag of the API and the conflict check of forms.
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// What a user submits to create or change an organisation, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationDraft {
    /// Name.
    pub name: String,
    /// Kind key (`sme`, `incubator`, …).
    pub kind: String,
    /// City id.
    pub city_id: String,
    /// NACE codes.
    pub nace_codes: Vec<String>,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Staff headcount.
    pub staff_headcount: Option<String>,
    /// Turnover.
    pub turnover: Option<String>,
    /// Balance sheet.
    pub balance_sheet: Option<String>,
    /// Currency key.
    pub currency: Option<String>,
    /// Year of the figures.
    pub figures_year: Option<String>,
    /// EU PIC.
    pub pic: Option<String>,
    /// Companies House number.
    pub companies_house: Option<String>,
    /// Handelsregister number.
    pub handelsregister: Option<String>,
}

/// A validated organisation, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganisationInput {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: OrgKind,
    /// City.
    pub city_id: CityId,
    /// NACE codes (deduplicated, in input order).
    pub nace_codes: Vec<NaceCode>,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Figures.
    pub figures: CompanyFigures,
    /// Registry ids.
    pub external_ids: ExternalIds,
}

impl OrganisationDraft {
    /// Checks every field and reports every problem at once. Whether the city and NACE codes
    /// exist is checked by the caller against the database and the catalogue.
    pub fn validate(&self) -> Result<OrganisationInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = required_text(&mut errors, "name", &self.name, NAME_MAX);
        let kind = OrgKind::from_key(&self.kind);
        if kind.is_none() {
            errors.add("kind", "invalid_choice", format!("kind must be one of: {}", OrgKind::keys_list()));
        }
        let city_id = self.city_id.trim().parse::<CityId>().ok();
        if city_id.is_none() {
            errors.add("city_id", "required", "choose the city the organisation is based in");
        }
        let nace_codes = parse_nace_list(&mut errors, "nace_codes", &self.nace_codes);
        let description_en = optional_text(&mut errors, "description_en", self.description_en.as_deref(), DESCRIPTION_MAX);
        let description_de = optional_text(&mut errors, "description_de", self.description_de.as_deref(), DESCRIPTION_MAX);
        let website = optional_text(&mut errors, "website", self.website.as_deref(), 500);
        if let Some(url) = &website
            && !is_web_url(url) {
                errors.add("website", "invalid_url", "website must start with https:// or http:// and name a host");
            }
        let figures = CompanyFigures {
            staff_headcount: parse_amount(&mut errors, "staff_headcount", self.staff_headcount.as_deref(), 10_000_000),
            turnover: parse_amount(&mut errors, "turnover", self.turnover.as_deref(), i64::MAX / 4),
            balance_sheet: parse_amount(&mut errors, "balance_sheet", self.balance_sheet.as_deref(), i64::MAX / 4),
            currency: match self.currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                None => None,
                Some(c) => {
                    let parsed = Currency::from_key(&c.to_ascii_uppercase());
                    if parsed.is_none() {
                        errors.add("currency", "invalid_choice", format!("currency must be one of: {}", Currency::keys_list()));
                    }
                    parsed
                }
            },
            year: parse_amount(&mut errors, "figures_year", self.figures_year.as_deref(), 2100).map(|y| y as i32),
        };
        if let Some(year) = figures.year
            && year < 1900 {
                errors.add("figures_year", "out_of_range", "figures_year must be a four-digit year such as 2025");
            }
        if (figures.turnover.is_some() || figures.balance_sheet.is_some()) && figures.currency.is_none() {
            errors.add("currency", "required", "say which currency turnover and balance sheet are in (EUR or GBP)");
        }
        let external_ids = ExternalIds {
            pic: checked_id(&mut errors, "pic", self.pic.as_deref(), is_pic, "a PIC has exactly 9 digits"),
            companies_house: checked_id(
                &mut errors,
                "companies_house",
                self.companies_house.as_deref().map(str::to_ascii_uppercase).as_deref(),
                is_companies_house_number,
                "a Companies House number has 8 characters: 8 digits, or 2 letters and 6 digits (SC123456)",
            ),
            handelsregister: checked_id(
                &mut errors,
                "handelsregister",
                self.handelsregister.as_deref(),
                is_handelsregister_number,
                "write the register and number, e.g. HRB 12345 (HRA, HRB, GnR, PR, VR)",
            ),
        };
        let (Some(kind), Some(city_id)) = (kind, city_id) else {
            return Err(errors);
        };
        errors.into_result(OrganisationInput {
            name,
            kind,
            city_id,
            nace_codes,
            description_en,
            description_de,
            website,
            figures,
            external_ids,
        })
    }
}

/// Parses a list of NACE codes (deduplicated), recording each bad one.
pub fn parse_nace_list(errors: &mut ValidationErrors, field: &str, raw: &[String]) -> Vec<NaceCode> {
    let mut codes: Vec<NaceCode> = Vec::new();
    for item in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match NaceCode::parse(item) {
            Ok(code) if !codes.contains(&code) => codes.push(code),
            Ok(_) => {}
            Err(e) => errors.add(field, "invalid_nace", e.to_string()),
        }
    }
    if codes.len() > NACE_MAX {
        errors.add(field, "too_many", format!("{field} has {} codes; keep at most {NACE_MAX}", codes.len()));
    }
    codes
}

fn parse_amount(errors: &mut ValidationErrors, field: &str, raw: Option<&str>, max: i64) -> Option<i64> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    // Accept the thousands separators people type in either language ("1,250,000", "1.250.000", "1 250 000").
    let digits: String = raw.chars().filter(|c| !matches!(c, ',' | '.' | ' ' | '\u{a0}' | '_')).collect();
    match digits.parse::<i64>() {
        Ok(n) if (0..=max).contains(&n) => Some(n),
        _ => {
            errors.add(field, "invalid_number", format!("{field} must be a whole number between 0 and {max}, got '{raw}'"));
            None
        }
    }
}

fn checked_id(
    errors: &mut ValidationErrors,
    field: &str,
    raw: Option<&str>,
    valid: fn(&str) -> bool,
    hint: &str,
) -> Option<String> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    if valid(raw) {
        Some(raw.to_owned())
    } else {
        errors.add(field, "invalid_format", format!("'{raw}' is not valid: {hint}"));
        None
    }
}

/// An http(s) URL with a host.
pub fn is_web_url(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            host.contains('.') && !host.contains(char::is_whitespace) && !url.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// EU Participant Identification Code: nine digits.
pub fn is_pic(s: &str) -> bool {
    s.len() == 9 && s.bytes().all(|b| b.is_ascii_digit())
}

/// Companies House number: eight digits, or a two-letter prefix (SC, NI, OC, …) and six digits.
pub fn is_companies_house_number(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 8
        && (b.iter().all(u8::is_ascii_digit)
            || (b[..2].iter().all(u8::is_ascii_uppercase) && b[2..].iter().all(u8::is_ascii_digit)))
}

/// Handelsregister entry: register type (HRA, HRB, GnR, PR, VR, GsR) and a number, optional suffix.
pub fn is_handelsregister_number(s: &str) -> bool {
    let mut parts = s.split_whitespace();
    let register = parts.next().unwrap_or_default();
    let number = parts.next().unwrap_or_default();
    let suffix_ok = parts.all(|p| p.len() <= 3 && p.chars().all(|c| c.is_ascii_alphabetic()));
    ["HRA", "HRB", "GnR", "PR", "VR", "GsR"].contains(&register)
        && !number.is_empty()
        && number.len() <= 7
        && number.bytes().all(|b| b.is_ascii_digit())
        && suffix_ok
}

/// A contact person at an organisation; personal data, shown only to those the policy allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Id.
    pub id: PersonId,
    /// The organisation the person works for.
    pub org_id: OrgId,
    /// Full name.
    pub name: String,
    /// Job title.
    pub job_title: Option<String>,
    /// Work email.
    pub email: Option<String>,
}

/// A programme run by an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Programme {
    /// Id.
    pub id: ProgrammeId,
    /// The organisation that runs it.
    pub org_id: OrgId,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ProgrammeKind,
    /// Status.
    pub status: ProgrammeStatus,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// Sectors it addresses.
    pub sectors: Vec<NaceCode>,
    /// Who may apply, in plain words.
    pub eligibility: Option<String>,
    /// Incremented on every update.
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// What a user submits to create or change a programme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeDraft {
    /// Name.
    pub name: String,
    /// Kind key.
    pub kind: String,
    /// Status key.
    pub status: String,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// Sector NACE codes.
    pub sectors: Vec<String>,
    /// Eligibility.
    pub eligibility: Option<String>,
}

/// A validated programme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgrammeInput {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ProgrammeKind,
    /// Status.
    pub status: ProgrammeStatus,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// Sectors.
    pub sectors: Vec<NaceCode>,
    /// Eligibility.
    pub eligibility: Option<String>,
}

impl ProgrammeDraft {
    /// Checks every field and reports every problem at once.
    pub fn validate(&self) -> Result<ProgrammeInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = required_text(&mut errors, "name", &self.name, NAME_MAX);
        let kind = ProgrammeKind::from_key(&self.kind);
        if kind.is_none() {
            errors.add("kind", "invalid_choice", format!("kind must be one of: {}", ProgrammeKind::keys_list()));
        }
        let status = if self.status.trim().is_empty() { Some(ProgrammeStatus::Draft) } else { ProgrammeStatus::from_key(&self.status) };
        if status.is_none() {
            errors.add("status", "invalid_choice", format!("status must be one of: {}", ProgrammeStatus::keys_list()));
        }
        let description_en = optional_text(&mut errors, "description_en", self.description_en.as_deref(), DESCRIPTION_MAX);
        let description_de = optional_text(&mut errors, "description_de", self.description_de.as_deref(), DESCRIPTION_MAX);
        let sectors = parse_nace_list(&mut errors, "sectors", &self.sectors);
        let eligibility = optional_text(&mut errors, "eligibility", self.eligibility.as_deref(), 2_000);
        let (Some(kind), Some(status)) = (kind, status) else {
            return Err(errors);
        };
        errors.into_result(ProgrammeInput { name, kind, status, description_en, description_de, sectors, eligibility })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn valid_draft() -> OrganisationDraft {
        OrganisationDraft {
            name: "Daden Ltd".into(),
            kind: "sme".into(),
            city_id: CityId::new().to_string(),
            nace_codes: vec!["62.01".into()],
            website: Some("https://www.daden.co.uk".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_draft_validates() {
        let input = valid_draft().validate().expect("valid");
        assert_eq!(input.kind, OrgKind::Sme);
        assert_eq!(input.nace_codes.len(), 1);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let draft = OrganisationDraft {
            name: " ".into(),
            kind: "guild".into(),
            city_id: "nowhere".into(),
            website: Some("daden.co.uk".into()),
            pic: Some("12345".into()),
            turnover: Some("lots".into()),
            ..Default::default()
        };
        let errors = draft.validate().expect_err("invalid");
        for field in ["name", "kind", "city_id", "website", "pic", "turnover"] {
            assert!(errors.for_field(field).is_some(), "no error for {field}: {errors}");
        }
    }

    #[test]
    fn amounts_accept_thousands_separators_of_both_languages() {
        for raw in ["1,250,000", "1.250.000", "1 250 000", "1250000"] {
            let draft = OrganisationDraft { turnover: Some(raw.into()), currency: Some("eur".into()), ..valid_draft() };
            assert_eq!(draft.validate().expect("valid").figures.turnover, Some(1_250_000), "{raw}");
        }
    }

    #[test]
    fn turnover_needs_a_currency() {
        let draft = OrganisationDraft { turnover: Some("100".into()), ..valid_draft() };
        assert_eq!(draft.validate().expect_err("invalid").0[0].field, "currency");
    }

    #[test]
    fn registry_numbers_follow_their_formats() {
        assert!(is_pic("999999999") && !is_pic("99999999"));
        assert!(is_companies_house_number("SC123456") && is_companies_house_number("01234567"));
        assert!(!is_companies_house_number("S1234567"));
        assert!(is_handelsregister_number("HRB 12345") && is_handelsregister_number("HRB 1234 B"));
        assert!(!is_handelsregister_number("12345"));
    }

    #[test]
    fn support_organisations_are_the_brokering_kinds() {
        assert!(OrgKind::Incubator.is_support_organisation());
        assert!(OrgKind::InvestmentAgency.is_support_organisation());
        assert!(!OrgKind::Sme.is_support_organisation());
        assert!(!OrgKind::Investor.is_support_organisation());
    }

    proptest! {
        #[test]
        fn validation_never_panics(name in "\\PC{0,300}", kind in "\\PC{0,20}", website in "\\PC{0,40}", amount in "\\PC{0,20}") {
            let draft = OrganisationDraft { name, kind, website: Some(website), turnover: Some(amount), ..valid_draft() };
            let _ = draft.validate();
        }

        #[test]
        fn names_over_the_limit_are_rejected(extra in 1usize..50) {
            let draft = OrganisationDraft { name: "x".repeat(NAME_MAX + extra), ..valid_draft() };
            prop_assert_eq!(draft.validate().expect_err("too long").0[0].code, "too_long");
        }

        #[test]
        fn keys_round_trip(i in 0usize..11) {
            let kind = OrgKind::ALL[i];
            prop_assert_eq!(OrgKind::from_key(kind.key()), Some(kind));
        }
    }
}

/// What a user submits to add a contact person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDraft {
    /// Full name.
    pub name: String,
    /// Job title.
    pub job_title: Option<String>,
    /// Work email.
    pub email: Option<String>,
}

impl PersonDraft {
    /// Checks the fields; the email, when given, must be an address.
    pub fn validate(&self, id: PersonId, org_id: OrgId) -> Result<Person, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = required_text(&mut errors, "person_name", &self.name, 120);
        let job_title = optional_text(&mut errors, "job_title", self.job_title.as_deref(), 120);
        let email = match self.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
            Some(raw) => match crate::account::Email::parse(raw) {
                Ok(email) => Some(email.as_str().to_owned()),
                Err(_) => {
                    errors.add("person_email", "invalid_email", "enter an email address such as name@example.org");
                    None
                }
            },
            None => None,
        };
        errors.into_result(Person { id, org_id, name, job_title, email })
    }
}
