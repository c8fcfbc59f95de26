//! The partnering marketplace, after the Enterprise Europe Network's partnering database
//! (../shared/design/DOMAIN.md, "Partnering profiles"): typed profiles written for an
//! organisation and managed by its support organisation, expressions of interest that the
//! support organisation turns into introductions, and the partnership agreements that result.
//!
//! Saving a draft checks only hard limits (lengths, counts, known codes), so work in progress is
//! never lost; `quality::check` decides whether a profile may be submitted.

pub mod agreement;
pub mod interest;
pub mod quality;

use crate::directory::{keyed_enum, parse_nace_list, Keyed};
use crate::nace::NaceCode;
use crate::validation::{optional_text, ValidationErrors};
use crate::{CityId, OrgId, ProfileId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
pub use tandem_rules::profile_lifecycle::{Action, Lifecycle, ProfileState, TransitionError};

/// Longest title (DOMAIN.md: ≤ 256 characters).
pub const TITLE_MAX: usize = 256;
/// Longest summary.
pub const SUMMARY_MAX: usize = 500;
/// Longest description.
pub const DESCRIPTION_MAX: usize = 4_000;
/// Longest "expected role of the partner".
pub const PARTNER_ROLE_MAX: usize = 4_000;
/// Longest "advantages and innovations" (offers).
pub const ADVANTAGES_MAX: usize = 2_000;
/// Longest "technical specification or expertise sought" (requests).
pub const TECHNICAL_SPECIFICATION_MAX: usize = 2_000;
/// Most market keywords, and most technology keywords.
pub const KEYWORDS_MAX: usize = 5;
/// Most NACE codes on a profile.
pub const NACE_MAX: usize = 5;
/// Most partnership types (DOMAIN.md: "1–3 usual").
pub const PARTNERSHIP_TYPES_MAX: usize = 3;
/// Most target countries.
pub const TARGET_COUNTRIES_MAX: usize = 30;
/// Longest free-text field of an R&D request's call data.
pub const CALL_TEXT_MAX: usize = 200;

keyed_enum!(
    /// The five profile types. "If the client pays, it is a request; if the client earns, an offer."
    ProfileType {
        BusinessOffer = "BO",
        BusinessRequest = "BR",
        TechnologyOffer = "TO",
        TechnologyRequest = "TR",
        ResearchRequest = "RDR",
    }
);

impl ProfileType {
    /// Offers describe advantages; requests describe the technical specification sought.
    pub fn is_offer(self) -> bool {
        matches!(self, ProfileType::BusinessOffer | ProfileType::TechnologyOffer)
    }

    /// The translation-id suffix (`bo`, `rdr`, …): keys are upper case, ids lower case.
    pub fn slug(self) -> &'static str {
        match self {
            ProfileType::BusinessOffer => "bo",
            ProfileType::BusinessRequest => "br",
            ProfileType::TechnologyOffer => "to",
            ProfileType::TechnologyRequest => "tr",
            ProfileType::ResearchRequest => "rdr",
        }
    }

    /// Accepts the key in any letter case (`to`, `TO`).
    pub fn parse(raw: &str) -> Option<ProfileType> {
        ProfileType::from_key(&raw.trim().to_ascii_uppercase())
    }
}

keyed_enum!(
    /// The language a profile is written in.
    ProfileLanguage {
        En = "en",
        De = "de",
    }
);

keyed_enum!(
    /// Kinds of partnership a profile looks for.
    PartnershipType {
        CommercialAgency = "commercial_agency",
        Distribution = "distribution",
        Franchise = "franchise",
        JointVenture = "joint_venture",
        Licensing = "licensing",
        Manufacturing = "manufacturing",
        Outsourcing = "outsourcing",
        ResearchCooperation = "research_cooperation",
        TechnicalCooperation = "technical_cooperation",
        Acquisition = "acquisition",
        FinancialAgreement = "financial_agreement",
        ServicesAgreement = "services_agreement",
    }
);

keyed_enum!(
    /// Who the profile is looking for: size band or kind of partner.
    PartnerSought {
        SmeUpTo10 = "sme_le_10",
        Sme11To49 = "sme_11_49",
        Sme50To249 = "sme_50_249",
        LargeCompany = "large_company",
        RdInstitution = "rd_institution",
        University = "university",
        Other = "other",
    }
);

keyed_enum!(
    /// How far a technology has come (required for technology offers).
    StageOfDevelopment {
        Concept = "concept",
        UnderDevelopment = "under_development",
        LabTested = "lab_tested",
        Prototype = "prototype",
        FieldTested = "field_tested",
        OnTheMarket = "on_the_market",
    }
);

keyed_enum!(
    /// How a technology is protected (required for technology offers).
    IprStatus {
        None = "none",
        PatentApplied = "patent_applied",
        PatentGranted = "patent_granted",
        Copyright = "copyright",
        DesignRights = "design_rights",
        TradeMarks = "trade_marks",
        SecretKnowHow = "secret_know_how",
        Other = "other",
    }
);

keyed_enum!(
    /// The size band the public sees instead of the owner's name (DOMAIN.md, "Anonymity").
    SizeBand {
        Micro = "micro",
        Small = "small",
        Medium = "medium",
        Large = "large",
        Unknown = "unknown",
    }
);

impl SizeBand {
    /// The band for a headcount (EU SME definition: < 10 micro, < 50 small, < 250 medium);
    /// without a headcount, large companies are large and the rest unknown.
    pub fn of(headcount: Option<i64>, is_large_company: bool) -> SizeBand {
        match headcount {
            Some(n) if n < 10 => SizeBand::Micro,
            Some(n) if n < 50 => SizeBand::Small,
            Some(n) if n < 250 => SizeBand::Medium,
            Some(_) => SizeBand::Large,
            None if is_large_company => SizeBand::Large,
            None => SizeBand::Unknown,
        }
    }
}

/// The funding-call data of an R&D request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallDetails {
    /// Funding programme (Horizon Europe, Eurostars, …).
    pub programme: Option<String>,
    /// The call's identifier.
    pub call_identifier: Option<String>,
    /// Last day to express interest in joining the consortium.
    pub eoi_deadline: Option<NaiveDate>,
    /// The call's own deadline.
    pub call_deadline: Option<NaiveDate>,
    /// Budget, as written (EUR 3–5 million).
    pub budget: Option<String>,
    /// The partner sought must coordinate.
    pub coordinator_required: bool,
    /// Project duration in months.
    pub duration_months: Option<i32>,
}

/// What a profile says: every field its owner writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileContent {
    /// Type.
    pub profile_type: ProfileType,
    /// Language the texts are written in.
    pub language: ProfileLanguage,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Expected role of the partner.
    pub partner_role: Option<String>,
    /// Advantages and innovations (offers).
    pub advantages: Option<String>,
    /// Technical specification or expertise sought (requests).
    pub technical_specification: Option<String>,
    /// Stage of development (technology offers).
    pub stage_of_development: Option<StageOfDevelopment>,
    /// IPR status (technology offers).
    pub ipr_status: Option<IprStatus>,
    /// Market keyword codes (taxonomy `markets`).
    pub keywords_market: Vec<String>,
    /// Technology keyword codes (taxonomy `technologies`).
    pub keywords_technology: Vec<String>,
    /// NACE codes.
    pub nace_codes: Vec<NaceCode>,
    /// UN Sustainable Development Goals, 1–17.
    pub sdgs: Vec<u8>,
    /// Partnership types sought.
    pub partnership_types: Vec<PartnershipType>,
    /// Partners sought.
    pub partner_sought: Vec<PartnerSought>,
    /// Target countries (ISO 3166-1 alpha-2).
    pub target_countries: Vec<String>,
    /// Target cities of the partnership (where a partner is sought).
    pub target_cities: Vec<CityId>,
    /// Call data (R&D requests).
    pub call: CallDetails,
}

impl ProfileContent {
    /// The free texts that must stay anonymous, with their field names, in form order.
    pub fn texts(&self) -> Vec<(&'static str, &str)> {
        let mut texts = vec![("title", self.title.as_str())];
        for (field, value) in [
            ("summary", &self.summary),
            ("description", &self.description),
            ("partner_role", &self.partner_role),
            ("advantages", &self.advantages),
            ("technical_specification", &self.technical_specification),
        ] {
            if let Some(v) = value {
                texts.push((field, v.as_str()));
            }
        }
        texts
    }
}

/// A profile as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// Id.
    pub id: ProfileId,
    /// Reference for bulk exchange (unique when present).
    pub external_id: Option<String>,
    /// The organisation the profile speaks for.
    pub owner_org_id: OrgId,
    /// The support organisation that manages it and receives expressions of interest; `None`
    /// while no support organisation has taken it on (any support staff may then).
    pub support_org_id: Option<OrgId>,
    /// The texts and choices.
    pub content: ProfileContent,
    /// State and dates.
    pub lifecycle: Lifecycle,
    /// Comments of the last review that returned it.
    pub review_comments: Option<String>,
    /// The expiry notice was sent for the current expiry date.
    pub expiry_notice_sent: bool,
    /// Incremented on every change; the conflict check of forms and the API's ETag.
    pub version: i64,
    /// Created by.
    pub created_by: Option<UserId>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// One recorded step of a profile's lifecycle: who did what when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileEvent {
    /// What happened (`created`, `submit`, `approve`, `return`, `withdraw`, `extend`, `expire`,
    /// `archive`, `expiry_notice`, `edit`).
    pub action: String,
    /// The state afterwards.
    pub state: ProfileState,
    /// Who; `None` for the scheduled job and imports.
    pub actor: Option<UserId>,
    /// Their display name, for the timeline.
    pub actor_name: Option<String>,
    /// Review comments or other detail.
    pub comment: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
}

/// The form fields of a profile, as typed, before validation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileDraft {
    /// Type key (BO, BR, TO, TR, RDR).
    pub profile_type: String,
    /// Language key (en, de).
    pub language: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Expected role of the partner.
    pub partner_role: Option<String>,
    /// Advantages and innovations.
    pub advantages: Option<String>,
    /// Technical specification.
    pub technical_specification: Option<String>,
    /// Stage of development key.
    pub stage_of_development: Option<String>,
    /// IPR status key.
    pub ipr_status: Option<String>,
    /// Market keyword codes.
    pub keywords_market: Vec<String>,
    /// Technology keyword codes.
    pub keywords_technology: Vec<String>,
    /// NACE codes.
    pub nace_codes: Vec<String>,
    /// SDG numbers.
    pub sdgs: Vec<String>,
    /// Partnership type keys.
    pub partnership_types: Vec<String>,
    /// Partner-sought keys.
    pub partner_sought: Vec<String>,
    /// Country codes.
    pub target_countries: Vec<String>,
    /// Target city ids.
    pub target_cities: Vec<String>,
    /// Funding programme.
    pub call_programme: Option<String>,
    /// Call identifier.
    pub call_identifier: Option<String>,
    /// Deadline for expressions of interest (YYYY-MM-DD).
    pub call_eoi_deadline: Option<String>,
    /// Call deadline (YYYY-MM-DD).
    pub call_deadline: Option<String>,
    /// Budget.
    pub call_budget: Option<String>,
    /// Coordinator required.
    pub call_coordinator_required: bool,
    /// Duration in months.
    pub call_duration_months: Option<String>,
}

/// Known keyword codes, so validation can refuse invented ones without depending on the files.
pub trait KeywordCatalogue {
    /// Is `code` a market keyword?
    fn is_market_keyword(&self, code: &str) -> bool;
    /// Is `code` a technology keyword?
    fn is_technology_keyword(&self, code: &str) -> bool;
}

impl ProfileDraft {
    /// Checks the hard limits (lengths, counts, known codes, dates) and reports every problem at
    /// once. Completeness and anonymity are `quality::check`'s job, at submission.
    pub fn validate(&self, keywords: &dyn KeywordCatalogue) -> Result<ProfileContent, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let profile_type = ProfileType::parse(&self.profile_type);
        if profile_type.is_none() {
            errors.add("profile_type", "invalid_choice", format!("profile_type must be one of: {}", ProfileType::keys_list()));
        }
        let language = ProfileLanguage::from_key(&self.language.trim().to_ascii_lowercase());
        if language.is_none() {
            errors.add("language", "invalid_choice", "language must be en or de");
        }
        let title = crate::validation::required_text(&mut errors, "title", &self.title, TITLE_MAX);
        let summary = optional_text(&mut errors, "summary", self.summary.as_deref(), SUMMARY_MAX);
        let description = optional_text(&mut errors, "description", self.description.as_deref(), DESCRIPTION_MAX);
        let partner_role = optional_text(&mut errors, "partner_role", self.partner_role.as_deref(), PARTNER_ROLE_MAX);
        let advantages = optional_text(&mut errors, "advantages", self.advantages.as_deref(), ADVANTAGES_MAX);
        let technical_specification = optional_text(
            &mut errors,
            "technical_specification",
            self.technical_specification.as_deref(),
            TECHNICAL_SPECIFICATION_MAX,
        );
        let stage_of_development = optional_choice(&mut errors, "stage_of_development", self.stage_of_development.as_deref());
        let ipr_status = optional_choice(&mut errors, "ipr_status", self.ipr_status.as_deref());
        let keywords_market = keyword_list(&mut errors, "keywords_market", &self.keywords_market, |c| keywords.is_market_keyword(c));
        let keywords_technology =
            keyword_list(&mut errors, "keywords_technology", &self.keywords_technology, |c| keywords.is_technology_keyword(c));
        let nace_codes = parse_nace_list(&mut errors, "nace_codes", &self.nace_codes);
        if nace_codes.len() > NACE_MAX {
            errors.add("nace_codes", "too_many", format!("choose at most {NACE_MAX} NACE codes"));
        }
        let sdgs = sdg_list(&mut errors, &self.sdgs);
        let partnership_types = choice_list(&mut errors, "partnership_types", &self.partnership_types);
        if partnership_types.len() > PARTNERSHIP_TYPES_MAX {
            errors.add("partnership_types", "too_many", format!("choose at most {PARTNERSHIP_TYPES_MAX} partnership types"));
        }
        let partner_sought = choice_list(&mut errors, "partner_sought", &self.partner_sought);
        let target_countries = country_list(&mut errors, &self.target_countries);
        let target_cities = city_list(&mut errors, &self.target_cities);
        let call = CallDetails {
            programme: optional_text(&mut errors, "call_programme", self.call_programme.as_deref(), CALL_TEXT_MAX),
            call_identifier: optional_text(&mut errors, "call_identifier", self.call_identifier.as_deref(), CALL_TEXT_MAX),
            eoi_deadline: optional_date(&mut errors, "call_eoi_deadline", self.call_eoi_deadline.as_deref()),
            call_deadline: optional_date(&mut errors, "call_deadline", self.call_deadline.as_deref()),
            budget: optional_text(&mut errors, "call_budget", self.call_budget.as_deref(), CALL_TEXT_MAX),
            coordinator_required: self.call_coordinator_required,
            duration_months: optional_months(&mut errors, self.call_duration_months.as_deref()),
        };
        if let (Some(eoi), Some(deadline)) = (call.eoi_deadline, call.call_deadline)
            && eoi > deadline
        {
            errors.add("call_eoi_deadline", "after_call_deadline", "the deadline for expressions of interest must be on or before the call deadline");
        }
        let (Some(profile_type), Some(language)) = (profile_type, language) else {
            return Err(errors);
        };
        errors.into_result(ProfileContent {
            profile_type,
            language,
            title,
            summary,
            description,
            partner_role,
            advantages,
            technical_specification,
            stage_of_development,
            ipr_status,
            keywords_market,
            keywords_technology,
            nace_codes,
            sdgs,
            partnership_types,
            partner_sought,
            target_countries,
            target_cities,
            call,
        })
    }
}

impl From<&ProfileContent> for ProfileDraft {
    fn from(c: &ProfileContent) -> Self {
        let keys = |v: &[String]| v.to_vec();
        ProfileDraft {
            profile_type: c.profile_type.key().to_owned(),
            language: c.language.key().to_owned(),
            title: c.title.clone(),
            summary: c.summary.clone(),
            description: c.description.clone(),
            partner_role: c.partner_role.clone(),
            advantages: c.advantages.clone(),
            technical_specification: c.technical_specification.clone(),
            stage_of_development: c.stage_of_development.map(|s| s.key().to_owned()),
            ipr_status: c.ipr_status.map(|s| s.key().to_owned()),
            keywords_market: keys(&c.keywords_market),
            keywords_technology: keys(&c.keywords_technology),
            nace_codes: c.nace_codes.iter().map(|n| n.as_str().to_owned()).collect(),
            sdgs: c.sdgs.iter().map(u8::to_string).collect(),
            partnership_types: c.partnership_types.iter().map(|p| p.key().to_owned()).collect(),
            partner_sought: c.partner_sought.iter().map(|p| p.key().to_owned()).collect(),
            target_countries: keys(&c.target_countries),
            target_cities: c.target_cities.iter().map(CityId::to_string).collect(),
            call_programme: c.call.programme.clone(),
            call_identifier: c.call.call_identifier.clone(),
            call_eoi_deadline: c.call.eoi_deadline.map(|d| d.to_string()),
            call_deadline: c.call.call_deadline.map(|d| d.to_string()),
            call_budget: c.call.budget.clone(),
            call_coordinator_required: c.call.coordinator_required,
            call_duration_months: c.call.duration_months.map(|m| m.to_string()),
        }
    }
}

fn optional_choice<T: Keyed>(errors: &mut ValidationErrors, field: &str, raw: Option<&str>) -> Option<T> {
    let raw = raw.map(str::trim).filter(|r| !r.is_empty())?;
    let value = T::parse_key(raw);
    if value.is_none() {
        errors.add(field, "invalid_choice", format!("{field} must be one of: {}", T::accepted_keys()));
    }
    value
}

fn choice_list<T: Keyed>(errors: &mut ValidationErrors, field: &str, raw: &[String]) -> Vec<T> {
    let mut values = Vec::new();
    for item in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match T::parse_key(item) {
            Some(v) if !values.contains(&v) => values.push(v),
            Some(_) => {}
            None => errors.add(field, "invalid_choice", format!("{field}: \"{item}\" is not one of: {}", T::accepted_keys())),
        }
    }
    values
}

fn keyword_list(errors: &mut ValidationErrors, field: &str, raw: &[String], known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for item in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !known(item) {
            errors.add(field, "unknown_keyword", format!("{field}: \"{item}\" is not in the keyword list; pick one from the list"));
        } else if !codes.iter().any(|c| c == item) {
            codes.push(item.to_owned());
        }
    }
    if codes.len() > KEYWORDS_MAX {
        errors.add(field, "too_many", format!("choose at most {KEYWORDS_MAX} keywords"));
    }
    codes
}

fn sdg_list(errors: &mut ValidationErrors, raw: &[String]) -> Vec<u8> {
    let mut goals = Vec::new();
    for item in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match item.parse::<u8>() {
            Ok(n @ 1..=17) if !goals.contains(&n) => goals.push(n),
            Ok(1..=17) => {}
            _ => errors.add("sdgs", "invalid_choice", format!("sdgs: \"{item}\" is not a Sustainable Development Goal; use 1 to 17")),
        }
    }
    goals.sort_unstable();
    goals
}

fn country_list(errors: &mut ValidationErrors, raw: &[String]) -> Vec<String> {
    let mut countries: Vec<String> = Vec::new();
    for item in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let code = item.to_ascii_uppercase();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            errors.add("target_countries", "invalid_country", format!("target_countries: \"{item}\" is not a two-letter country code such as DE or GB"));
        } else if !countries.contains(&code) {
            countries.push(code);
        }
    }
    if countries.len() > TARGET_COUNTRIES_MAX {
        errors.add("target_countries", "too_many", format!("choose at most {TARGET_COUNTRIES_MAX} target countries"));
    }
    countries
}

/// City ids; whether each is a city of the partnership is checked by the caller.
fn city_list(errors: &mut ValidationErrors, raw: &[String]) -> Vec<CityId> {
    let mut cities = Vec::new();
    for item in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match item.parse::<CityId>() {
            Ok(city) if !cities.contains(&city) => cities.push(city),
            Ok(_) => {}
            Err(_) => errors.add("target_cities", "unknown_city", format!("target_cities: \"{item}\" is not a city of the partnership; choose from the list")),
        }
    }
    cities
}

fn optional_date(errors: &mut ValidationErrors, field: &str, raw: Option<&str>) -> Option<NaiveDate> {
    let raw = raw.map(str::trim).filter(|r| !r.is_empty())?;
    let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    if date.is_none() {
        errors.add(field, "invalid_date", format!("{field}: \"{raw}\" is not a date; write it as YYYY-MM-DD"));
    }
    date
}

fn optional_months(errors: &mut ValidationErrors, raw: Option<&str>) -> Option<i32> {
    let raw = raw.map(str::trim).filter(|r| !r.is_empty())?;
    match raw.parse::<i32>() {
        Ok(n @ 1..=120) => Some(n),
        _ => {
            errors.add("call_duration_months", "out_of_range", "call_duration_months must be a whole number of months from 1 to 120");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Keywords;
    impl KeywordCatalogue for Keywords {
        fn is_market_keyword(&self, code: &str) -> bool {
            code.starts_with("50")
        }
        fn is_technology_keyword(&self, code: &str) -> bool {
            code.starts_with("ict.")
        }
    }

    fn draft() -> ProfileDraft {
        ProfileDraft { profile_type: "to".into(), language: "en".into(), title: "VR training".into(), ..Default::default() }
    }

    #[test]
    fn a_draft_needs_only_type_language_and_title() {
        let content = draft().validate(&Keywords).expect("valid");
        assert_eq!(content.profile_type, ProfileType::TechnologyOffer);
        assert_eq!(content.summary, None);
    }

    #[test]
    fn limits_are_counted_in_characters_and_every_problem_is_reported() {
        let mut d = draft();
        d.title = "ü".repeat(TITLE_MAX);
        d.summary = Some("x".repeat(SUMMARY_MAX + 1));
        d.keywords_technology = (0..6).map(|i| format!("ict.k{i}")).collect();
        d.keywords_market = vec!["9999".into()];
        d.sdgs = vec!["18".into()];
        d.target_countries = vec!["Germany".into()];
        d.target_cities = vec!["Leipzig".into()];
        let errors = d.validate(&Keywords).expect_err("invalid");
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["summary", "keywords_market", "keywords_technology", "sdgs", "target_countries", "target_cities"]);
    }

    #[test]
    fn round_trips_through_the_form() {
        let mut d = draft();
        d.partnership_types = vec!["licensing".into(), "licensing".into()];
        d.call_eoi_deadline = Some("2027-02-01".into());
        d.call_deadline = Some("2027-03-01".into());
        d.target_countries = vec!["de".into()];
        d.target_cities = vec!["0190b5a0-0000-7000-8000-000000000002".into()];
        let content = d.validate(&Keywords).expect("valid");
        assert_eq!(content.partnership_types, [PartnershipType::Licensing]);
        assert_eq!(content.target_countries, ["DE"]);
        assert_eq!(ProfileDraft::from(&content).validate(&Keywords).expect("valid"), content);
    }

    #[test]
    fn the_interest_deadline_comes_before_the_call_deadline() {
        let mut d = draft();
        d.call_eoi_deadline = Some("2027-04-01".into());
        d.call_deadline = Some("2027-03-01".into());
        assert_eq!(d.validate(&Keywords).expect_err("invalid").0[0].code, "after_call_deadline");
    }

    #[test]
    fn size_bands_follow_the_eu_sme_definition() {
        assert_eq!(SizeBand::of(Some(9), false), SizeBand::Micro);
        assert_eq!(SizeBand::of(Some(49), false), SizeBand::Small);
        assert_eq!(SizeBand::of(Some(249), false), SizeBand::Medium);
        assert_eq!(SizeBand::of(Some(250), false), SizeBand::Large);
        assert_eq!(SizeBand::of(None, true), SizeBand::Large);
        assert_eq!(SizeBand::of(None, false), SizeBand::Unknown);
    }
}
