//! The quality check a profile must pass before it is submitted for review (issue 3, item 2;
//! DOMAIN.md, "Partnering profiles": required fields per type, anonymity — no names, brands, URLs
//! or patent numbers —, no direct sales or customer search, large companies publish requests only).
//!
//! The check lists every problem with the field it concerns, so the author can fix them all in
//! one pass; an empty list means the profile may be submitted.

use super::{ProfileContent, ProfileType};
use chrono::NaiveDate;
use regex::{Regex, RegexBuilder};
use serde::Serialize;
use std::sync::LazyLock;

/// One problem the author must fix before submitting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualityProblem {
    /// The field concerned (form and API name).
    pub field: &'static str,
    /// Stable, translatable code (`required`, `contact_details`, `owner_name`, …).
    pub code: &'static str,
    /// The offending text, where there is one, so the author can find it.
    pub found: Option<String>,
}

impl QualityProblem {
    /// An English explanation that says how to fix it (the UI translates `code` instead).
    pub fn message(&self) -> String {
        let found = self.found.as_deref().map(|f| format!(" (found \"{f}\")")).unwrap_or_default();
        let what = match self.code {
            "required" => "fill in this field; reviewers need it",
            "contact_details" => "remove contact details: interest reaches you through your support organisation",
            "web_address" => "remove web addresses: the profile is anonymous until an introduction",
            "patent_number" => "remove patent numbers: they identify the owner",
            "owner_name" => "remove the organisation's own name: the profile is anonymous",
            "direct_sales" => "profiles seek partnerships, not customers: remove sales wording",
            "large_company_offer" => "large companies may publish requests only: choose a request type",
            "deadline_passed" => "this deadline has passed: correct it or withdraw the profile",
            _ => "fix this field",
        };
        format!("{}: {what}{found}", self.field)
    }
}

/// What the check needs to know about the profile's owner.
#[derive(Debug, Clone, Default)]
pub struct OwnerFacts {
    /// The owner's name as registered.
    pub name: String,
    /// The owner's website, if recorded.
    pub website: Option<String>,
    /// A large company (by kind or by headcount of 250 or more).
    pub is_large_company: bool,
}

/// Every problem with `content`, in form order; empty when it may be submitted.
pub fn check(content: &ProfileContent, owner: &OwnerFacts, today: NaiveDate) -> Vec<QualityProblem> {
    let mut problems = Vec::new();
    check_required(content, today, &mut problems);
    if owner.is_large_company && content.profile_type.is_offer() {
        problems.push(QualityProblem { field: "profile_type", code: "large_company_offer", found: None });
    }
    let owner_phrases = owner_phrases(owner);
    for (field, text) in content.texts() {
        check_anonymity(field, text, &owner_phrases, &mut problems);
        if let Some(found) = DIRECT_SALES.find(text) {
            problems.push(QualityProblem { field, code: "direct_sales", found: Some(found.as_str().to_owned()) });
        }
    }
    problems
}

fn check_required(c: &ProfileContent, today: NaiveDate, problems: &mut Vec<QualityProblem>) {
    let mut require = |field: &'static str, present: bool| {
        if !present {
            problems.push(QualityProblem { field, code: "required", found: None });
        }
    };
    require("summary", c.summary.is_some());
    require("description", c.description.is_some());
    require("partner_role", c.partner_role.is_some());
    let kind = c.profile_type;
    if kind.is_offer() {
        require("advantages", c.advantages.is_some());
    }
    if matches!(kind, ProfileType::TechnologyRequest | ProfileType::ResearchRequest) {
        require("technical_specification", c.technical_specification.is_some());
    }
    if kind == ProfileType::TechnologyOffer {
        require("stage_of_development", c.stage_of_development.is_some());
        require("ipr_status", c.ipr_status.is_some());
    }
    require("keywords_market", !c.keywords_market.is_empty() || !c.keywords_technology.is_empty());
    require("partnership_types", !c.partnership_types.is_empty());
    require("partner_sought", !c.partner_sought.is_empty());
    if kind == ProfileType::ResearchRequest {
        require("call_programme", c.call.programme.is_some());
        require("call_identifier", c.call.call_identifier.is_some());
        require("call_eoi_deadline", c.call.eoi_deadline.is_some());
        require("call_deadline", c.call.call_deadline.is_some());
        if let Some(deadline) = c.call.eoi_deadline.filter(|d| *d < today) {
            problems.push(QualityProblem { field: "call_eoi_deadline", code: "deadline_passed", found: Some(deadline.to_string()) });
        }
    }
}

fn check_anonymity(field: &'static str, text: &str, owner_phrases: &[String], problems: &mut Vec<QualityProblem>) {
    let patterns: [(&Regex, &'static str); 4] =
        [(&EMAIL, "contact_details"), (&WEB_ADDRESS, "web_address"), (&PHONE, "contact_details"), (&PATENT_NUMBER, "patent_number")];
    for (pattern, code) in patterns {
        if let Some(found) = pattern.find(text) {
            problems.push(QualityProblem { field, code, found: Some(found.as_str().trim().to_owned()) });
        }
    }
    let folded = fold(text);
    if let Some(phrase) = owner_phrases.iter().find(|p| contains_words(&folded, p)) {
        problems.push(QualityProblem { field, code: "owner_name", found: Some(phrase.clone()) });
    }
}

/// The phrases that would identify the owner: its name without the legal form, and the
/// distinctive part of its web domain.
fn owner_phrases(owner: &OwnerFacts) -> Vec<String> {
    let mut phrases = Vec::new();
    let folded_name = fold(&owner.name);
    let name = LEGAL_FORM.replace_all(&folded_name, " ");
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().count() >= 3 {
        phrases.push(name);
    }
    if let Some(host) = owner.website.as_deref().and_then(domain_label)
        && host.chars().count() >= 4
        && !phrases.contains(&host)
    {
        phrases.push(host);
    }
    phrases
}

/// `example` from `https://www.example.co.uk/about`.
fn domain_label(url: &str) -> Option<String> {
    let host = url.split("://").nth(1).unwrap_or(url).split(['/', ':', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.split('.').next().map(fold).filter(|label| !label.is_empty())
}

/// Folded (`text::fold`) with everything but letters and digits turned into single spaces:
/// "Müller-Lab GmbH" → "muller lab gmbh".
fn fold(text: &str) -> String {
    let folded = crate::text::fold(text);
    let spaced: String = folded.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn contains_words(haystack: &str, phrase: &str) -> bool {
    format!(" {haystack} ").contains(&format!(" {phrase} "))
}

fn regex(pattern: &str) -> Regex {
    #[allow(clippy::unwrap_used)] // constant patterns, covered by the tests below
    RegexBuilder::new(pattern).case_insensitive(true).build().unwrap()
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| regex(r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+"));
static WEB_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\b(https?://\S+|www\.\S+|[a-z0-9-]+\.(com|net|org|io|de|co\.uk|uk|eu|info|biz|ai|app|tech)\b)")
});
// Seven or more digits, possibly grouped by spaces, dashes, dots, slashes or brackets, with an
// optional leading +: telephone numbers, but not years or prices ("2026", "EUR 3-5 million").
static PHONE: LazyLock<Regex> = LazyLock::new(|| regex(r"(\+|\b0)\d[\d ()/.-]{5,}\d\b"));
static PATENT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(EP|US|DE|GB|WO|CN|JP)\s?(\d{4}/)?\d[\d ]{4,}\d(\s?[A-C]\d?)?\b"));
static LEGAL_FORM: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\b(gmbh|ug|ag|kg|ohg|gbr|e ?v|co|mbh|haftungsbeschrankt|ltd|limited|plc|llp|llc|inc|the|und|and)\b")
});
// Wording of shops and advertisements rather than of a partnership search (English and German).
static DIRECT_SALES: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"\b(buy now|buy our|for sale|order now|order today|discount|special offer|free shipping|best price|",
        r"online shop|web ?shop|price list|call us|contact us|jetzt kaufen|zu verkaufen|kaufen sie|bestellen sie|",
        r"jetzt bestellen|rabatt|sonderangebot|versandkostenfrei|preisliste|rufen sie uns an|kontaktieren sie uns)\b"
    ))
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partnering::{CallDetails, IprStatus, PartnerSought, PartnershipType, ProfileLanguage, StageOfDevelopment};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).expect("date")
    }

    fn complete_offer() -> ProfileContent {
        ProfileContent {
            profile_type: ProfileType::TechnologyOffer,
            language: ProfileLanguage::En,
            title: "VR simulation for training surgical teams".into(),
            summary: Some("A Birmingham SME offers a VR training platform.".into()),
            description: Some("Founded in 2019, the company has 12 staff and a budget of EUR 3-5 million.".into()),
            partner_role: Some("A hospital group to license the platform.".into()),
            advantages: Some("Cuts training time by half.".into()),
            technical_specification: None,
            stage_of_development: Some(StageOfDevelopment::Prototype),
            ipr_status: Some(IprStatus::SecretKnowHow),
            keywords_market: vec!["571010".into()],
            keywords_technology: vec![],
            nace_codes: vec![],
            sdgs: vec![3],
            partnership_types: vec![PartnershipType::Licensing],
            partner_sought: vec![PartnerSought::LargeCompany],
            target_countries: vec!["DE".into()],
            target_cities: vec![],
            call: CallDetails::default(),
        }
    }

    fn owner() -> OwnerFacts {
        OwnerFacts { name: "Moseley Medical Simulation Ltd".into(), website: Some("https://www.mosemed.co.uk".into()), is_large_company: false }
    }

    fn codes(problems: &[QualityProblem]) -> Vec<(&str, &str)> {
        problems.iter().map(|p| (p.field, p.code)).collect()
    }

    #[test]
    fn a_complete_anonymous_offer_passes() {
        assert_eq!(check(&complete_offer(), &owner(), today()), []);
    }

    #[test]
    fn missing_fields_are_listed_by_type() {
        let mut c = complete_offer();
        c.summary = None;
        c.advantages = None;
        c.stage_of_development = None;
        c.ipr_status = None;
        c.partnership_types.clear();
        assert_eq!(
            codes(&check(&c, &owner(), today())),
            [("summary", "required"), ("advantages", "required"), ("stage_of_development", "required"), ("ipr_status", "required"), ("partnership_types", "required")]
        );
        c.profile_type = ProfileType::ResearchRequest;
        c.call.eoi_deadline = Some(today().pred_opt().expect("date"));
        let found = check(&c, &owner(), today());
        let problems = codes(&found);
        assert!(problems.contains(&("technical_specification", "required")));
        assert!(problems.contains(&("call_identifier", "required")));
        assert!(problems.contains(&("call_eoi_deadline", "deadline_passed")));
        assert!(!problems.contains(&("advantages", "required")));
    }

    #[test]
    fn contact_details_and_identifying_details_are_found() {
        for (text, code, found) in [
            ("Write to info@mosemed.co.uk for details", "contact_details", "info@mosemed.co.uk"),
            ("See https://example.org/vr", "web_address", "https://example.org/vr"),
            ("Details on www.example.de", "web_address", "www.example.de"),
            ("Call +44 121 496 0000 today", "contact_details", "+44 121 496 0000"),
            ("Rufen Sie 0341 1234567 an", "contact_details", "0341 1234567"),
            ("Protected by EP 1234567 B1", "patent_number", "EP 1234567 B1"),
            ("Moseley Medical Simulation has built", "owner_name", "moseley medical simulation"),
            ("The MoseMed platform", "owner_name", "mosemed"),
        ] {
            let mut c = complete_offer();
            c.description = Some(text.into());
            let problems = check(&c, &owner(), today());
            let hit = problems.iter().find(|p| p.field == "description").unwrap_or_else(|| panic!("nothing found in {text:?}"));
            assert_eq!((hit.code, hit.found.as_deref()), (code, Some(found)), "{text}");
        }
    }

    #[test]
    fn years_prices_and_the_city_are_not_mistaken_for_identity() {
        let mut c = complete_offer();
        c.description = Some("Since 2019 a Leipzig team (12 staff, EUR 3-5 million, 36 months) works on it.".into());
        assert_eq!(check(&c, &owner(), today()), []);
    }

    #[test]
    fn direct_sales_wording_is_refused_in_english_and_german() {
        for text in ["Buy now and get a discount", "Jetzt bestellen: Sonderangebot"] {
            let mut c = complete_offer();
            c.summary = Some(text.into());
            assert_eq!(codes(&check(&c, &owner(), today())), [("summary", "direct_sales")], "{text}");
        }
    }

    #[test]
    fn large_companies_publish_requests_only() {
        let large = OwnerFacts { is_large_company: true, ..owner() };
        assert_eq!(codes(&check(&complete_offer(), &large, today())), [("profile_type", "large_company_offer")]);
        let mut request = complete_offer();
        request.profile_type = ProfileType::TechnologyRequest;
        request.technical_specification = Some("An optical tracking module.".into());
        assert_eq!(check(&request, &large, today()), []);
    }

    #[test]
    fn every_problem_has_an_english_message() {
        let mut c = complete_offer();
        c.title = "Email info@example.com".into();
        let problems = check(&c, &owner(), today());
        assert!(problems[0].message().contains("info@example.com"));
    }
}
