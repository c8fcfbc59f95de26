//! Records → the plain documents of `tandem-match`. Only what ranking needs crosses over; the
//! engine never sees names, so nothing it explains can name an anonymous profile's owner.

use std::collections::HashMap;
use tandem_core::directory::{City, OrgKind, Organisation, Programme};
use tandem_core::partnering::{Profile, ProfileLanguage, ProfileType};
use tandem_match::{Language, OrgDoc, ProfileDoc, ProfileKind, ProgrammeDoc};
use uuid::Uuid;

/// The engine's language for a profile's language field.
pub fn language(language: ProfileLanguage) -> Language {
    match language {
        ProfileLanguage::En => Language::En,
        ProfileLanguage::De => Language::De,
    }
}

/// The engine's profile kind for a profile type.
pub fn profile_kind(t: ProfileType) -> ProfileKind {
    match t {
        ProfileType::BusinessOffer => ProfileKind::BusinessOffer,
        ProfileType::BusinessRequest => ProfileKind::BusinessRequest,
        ProfileType::TechnologyOffer => ProfileKind::TechnologyOffer,
        ProfileType::TechnologyRequest => ProfileKind::TechnologyRequest,
        ProfileType::ResearchRequest => ProfileKind::ResearchRequest,
    }
}

/// The engine's organisation kind for a directory kind.
pub fn org_kind(kind: OrgKind) -> tandem_match::OrgKind {
    use tandem_match::OrgKind as M;
    match kind {
        OrgKind::Sme => M::Sme,
        OrgKind::Startup => M::Startup,
        OrgKind::LargeCompany => M::LargeCompany,
        OrgKind::UniversityLab => M::University,
        OrgKind::ResearchOrganisation => M::Research,
        OrgKind::Incubator | OrgKind::Accelerator | OrgKind::InvestmentAgency => M::Support,
        OrgKind::PublicBody => M::Public,
        OrgKind::Investor | OrgKind::Other => M::Other,
    }
}

/// The CORDIS activity type of a directory kind (PRC private company, HES higher education, REC
/// research, PUB public body, OTH other), so graph attributes speak one vocabulary.
pub fn cordis_kind(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::Sme | OrgKind::Startup | OrgKind::LargeCompany | OrgKind::Investor => "PRC",
        OrgKind::UniversityLab => "HES",
        OrgKind::ResearchOrganisation => "REC",
        OrgKind::PublicBody => "PUB",
        _ => "OTH",
    }
}

/// An organisation's node in the collaboration graph: its PIC when it has one (so it meets its
/// research projects), else its id.
pub fn graph_key(org: &Organisation) -> String {
    match org.external_ids.pic.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(pic) => pic.to_owned(),
        None => org.id.0.to_string(),
    }
}

/// A profile as the engine sees it; `city` is its owner's city.
pub fn profile_doc(profile: &Profile, city: Option<&City>) -> ProfileDoc {
    let c = &profile.content;
    let mut text = String::new();
    let fields = [&c.summary, &c.description, &c.partner_role, &c.advantages, &c.technical_specification];
    for field in fields.into_iter().flatten() {
        push_text(&mut text, field);
    }
    for field in [&c.call.programme, &c.call.call_identifier, &c.call.budget].into_iter().flatten() {
        push_text(&mut text, field);
    }
    let keywords = c
        .keywords_market
        .iter()
        .map(|k| format!("market:{k}"))
        .chain(c.keywords_technology.iter().map(|k| format!("technology:{k}")))
        .collect();
    ProfileDoc {
        id: profile.id.0,
        owner: profile.owner_org_id.0,
        kind: profile_kind(c.profile_type),
        language: Some(language(c.language)),
        title: c.title.clone(),
        text,
        keywords,
        nace: c.nace_codes.iter().map(|n| n.as_str().to_owned()).collect(),
        country: city.map(|c| c.country.clone()).unwrap_or_default(),
        city: city.map(|c| c.name.clone()),
        target_countries: c.target_countries.clone(),
        published: profile.lifecycle.published_at.map(|t| t.date_naive()),
    }
}

fn push_text(text: &mut String, field: &str) {
    let field = field.trim();
    if !field.is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(field);
    }
}

/// An organisation as the engine sees it: its descriptions and the titles of its research
/// projects. Not the texts of its profiles: the words a partner recommendation names would then
/// tie the organisation to profiles that are published anonymously.
pub fn org_doc(org: &Organisation, city: Option<&City>, research_titles: &[String]) -> OrgDoc {
    let mut texts = Vec::new();
    if let Some(d) = org.description_en.as_deref().filter(|d| !d.trim().is_empty()) {
        texts.push((Some(Language::En), d.to_owned()));
    }
    if let Some(d) = org.description_de.as_deref().filter(|d| !d.trim().is_empty()) {
        texts.push((Some(Language::De), d.to_owned()));
    }
    for title in research_titles {
        // Project titles are mostly English, but not always: let the analyzer detect.
        texts.push((None, title.clone()));
    }
    OrgDoc {
        id: org.id.0,
        graph_key: graph_key(org),
        kind: org_kind(org.kind),
        country: city.map(|c| c.country.clone()).unwrap_or_default(),
        city: city.map(|c| c.name.clone()),
        texts,
        nace: org.nace_codes.iter().map(|n| n.as_str().to_owned()).collect(),
    }
}

/// A programme as the engine sees it; `city` is the running organisation's city.
pub fn programme_doc(programme: &Programme, city: Option<&City>) -> ProgrammeDoc {
    let mut texts = vec![(None, programme.name.clone())];
    if let Some(d) = programme.description_en.as_deref().filter(|d| !d.trim().is_empty()) {
        texts.push((Some(Language::En), d.to_owned()));
    }
    if let Some(d) = programme.description_de.as_deref().filter(|d| !d.trim().is_empty()) {
        texts.push((Some(Language::De), d.to_owned()));
    }
    if let Some(e) = programme.eligibility.as_deref().filter(|d| !d.trim().is_empty()) {
        texts.push((None, e.to_owned()));
    }
    ProgrammeDoc {
        id: programme.id.0,
        org: programme.org_id.0,
        city: city.map(|c| c.name.clone()),
        texts,
        nace: programme.sectors.iter().map(|n| n.as_str().to_owned()).collect(),
    }
}

/// Every pair of the partnership's cities is twinned (Birmingham ↔ Leipzig).
pub fn partner_cities(cities: &[City]) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (i, a) in cities.iter().enumerate() {
        for b in &cities[i + 1..] {
            pairs.push((a.name.clone(), b.name.clone()));
        }
    }
    pairs
}

/// Cities by id, for documents.
pub fn cities_by_id(cities: &[City]) -> HashMap<Uuid, City> {
    cities.iter().map(|c| (c.id.0, c.clone())).collect()
}
