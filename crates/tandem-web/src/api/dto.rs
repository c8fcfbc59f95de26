//! The API's request and response bodies, as documented in the OpenAPI schema.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tandem_core::account::Membership;
use tandem_core::directory::{City, Organisation, OrganisationDraft, Programme, ProgrammeDraft};
use utoipa::{IntoParams, ToSchema};

/// A city.
#[derive(Debug, Serialize, ToSchema)]
pub struct CityDto {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// IANA time zone.
    pub time_zone: String,
    /// ISO 639-1 languages.
    pub languages: Vec<String>,
}

impl From<City> for CityDto {
    fn from(c: City) -> Self {
        CityDto { id: c.id.to_string(), name: c.name, country: c.country, time_zone: c.time_zone, languages: c.languages }
    }
}

/// Confidential figures (present only for the organisation itself and support-organisation staff).
#[derive(Debug, Serialize, ToSchema)]
pub struct FiguresDto {
    /// Staff headcount.
    pub staff_headcount: Option<i64>,
    /// Turnover.
    pub turnover: Option<i64>,
    /// Balance sheet total.
    pub balance_sheet: Option<i64>,
    /// EUR or GBP.
    pub currency: Option<String>,
    /// Year of the accounts.
    pub year: Option<i32>,
}

/// Registry identifiers.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExternalIdsDto {
    /// EU PIC.
    pub pic: Option<String>,
    /// Companies House number.
    pub companies_house: Option<String>,
    /// Handelsregister number.
    pub handelsregister: Option<String>,
}

/// An organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationDto {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind key.
    pub kind: String,
    /// City id.
    pub city_id: String,
    /// NACE Rev. 2 codes.
    pub nace_codes: Vec<String>,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Confidential figures; absent when the caller may not see them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<FiguresDto>,
    /// Registry ids.
    pub external_ids: ExternalIdsDto,
    /// Version (also the ETag).
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl OrganisationDto {
    /// The DTO, with figures only when `confidential_visible`.
    pub fn new(o: Organisation, confidential_visible: bool) -> Self {
        let figures = confidential_visible.then(|| FiguresDto {
            staff_headcount: o.figures.staff_headcount,
            turnover: o.figures.turnover,
            balance_sheet: o.figures.balance_sheet,
            currency: o.figures.currency.map(|c| c.key().to_owned()),
            year: o.figures.year,
        });
        OrganisationDto {
            id: o.id.to_string(),
            name: o.name,
            kind: o.kind.key().to_owned(),
            city_id: o.city_id.to_string(),
            nace_codes: o.nace_codes.iter().map(|c| c.to_string()).collect(),
            description_en: o.description_en,
            description_de: o.description_de,
            website: o.website,
            figures,
            external_ids: ExternalIdsDto {
                pic: o.external_ids.pic,
                companies_house: o.external_ids.companies_house,
                handelsregister: o.external_ids.handelsregister,
            },
            version: o.version,
            created_at: o.created_at,
            updated_at: o.updated_at,
        }
    }
}

/// An organisation card in a search result.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationSummaryDto {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind key.
    pub kind: String,
    /// City id.
    pub city_id: String,
    /// NACE codes.
    pub nace_codes: Vec<String>,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
}

/// What a client sends to create or replace an organisation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationInputDto {
    /// Name (required, ≤ 200 characters).
    pub name: String,
    /// Kind key: sme, startup, large_company, incubator, accelerator, university_lab, research_organisation, public_body, investment_agency, investor, other.
    pub kind: String,
    /// City id (see /api/v1/cities).
    pub city_id: String,
    /// NACE Rev. 2 codes (≤ 10).
    #[serde(default)]
    pub nace_codes: Vec<String>,
    /// English description (≤ 4,000).
    pub description_en: Option<String>,
    /// German description (≤ 4,000).
    pub description_de: Option<String>,
    /// Website (http/https).
    pub website: Option<String>,
    /// Staff headcount.
    pub staff_headcount: Option<i64>,
    /// Turnover.
    pub turnover: Option<i64>,
    /// Balance sheet.
    pub balance_sheet: Option<i64>,
    /// EUR or GBP (required with turnover or balance sheet).
    pub currency: Option<String>,
    /// Year of the figures.
    pub figures_year: Option<i32>,
    /// EU PIC (9 digits).
    pub pic: Option<String>,
    /// Companies House number.
    pub companies_house: Option<String>,
    /// Handelsregister number.
    pub handelsregister: Option<String>,
}

impl OrganisationInputDto {
    /// The domain draft (validated by the use case).
    pub fn into_draft(self) -> OrganisationDraft {
        let n = |v: Option<i64>| v.map(|n| n.to_string());
        OrganisationDraft {
            name: self.name,
            kind: self.kind,
            city_id: self.city_id,
            nace_codes: self.nace_codes,
            description_en: self.description_en,
            description_de: self.description_de,
            website: self.website,
            staff_headcount: n(self.staff_headcount),
            turnover: n(self.turnover),
            balance_sheet: n(self.balance_sheet),
            currency: self.currency,
            figures_year: self.figures_year.map(|y| y.to_string()),
            pic: self.pic,
            companies_house: self.companies_house,
            handelsregister: self.handelsregister,
        }
    }
}

/// A programme.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgrammeDto {
    /// Id.
    pub id: String,
    /// Organisation that runs it.
    pub org_id: String,
    /// Name.
    pub name: String,
    /// Kind key: incubation, acceleration, soft_landing, exchange, mentoring.
    pub kind: String,
    /// Status key: draft, open, running, closed.
    pub status: String,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// Sector NACE codes.
    pub sectors: Vec<String>,
    /// Eligibility.
    pub eligibility: Option<String>,
    /// Version (also the ETag).
    pub version: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl From<Programme> for ProgrammeDto {
    fn from(p: Programme) -> Self {
        ProgrammeDto {
            id: p.id.to_string(),
            org_id: p.org_id.to_string(),
            name: p.name,
            kind: p.kind.key().to_owned(),
            status: p.status.key().to_owned(),
            description_en: p.description_en,
            description_de: p.description_de,
            sectors: p.sectors.iter().map(|c| c.to_string()).collect(),
            eligibility: p.eligibility,
            version: p.version,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

/// What a client sends to create or replace a programme.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeInputDto {
    /// Name.
    pub name: String,
    /// Kind key.
    pub kind: String,
    /// Status key (default draft).
    #[serde(default)]
    pub status: String,
    /// English description.
    pub description_en: Option<String>,
    /// German description.
    pub description_de: Option<String>,
    /// Sector NACE codes.
    #[serde(default)]
    pub sectors: Vec<String>,
    /// Eligibility.
    pub eligibility: Option<String>,
}

impl ProgrammeInputDto {
    /// The domain draft.
    pub fn into_draft(self) -> ProgrammeDraft {
        ProgrammeDraft {
            name: self.name,
            kind: self.kind,
            status: self.status,
            description_en: self.description_en,
            description_de: self.description_de,
            sectors: self.sectors,
            eligibility: self.eligibility,
        }
    }
}

/// A page of results.
#[derive(Debug, Serialize, ToSchema)]
pub struct PageDto<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// This page (1-based).
    pub page: i64,
    /// Page size.
    pub per_page: i64,
    /// Matches in all.
    pub total: i64,
}

/// Paging parameters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct PageParams {
    /// 1-based page (default 1).
    pub page: Option<i64>,
    /// Page size, 1–100 (default 20).
    pub per_page: Option<i64>,
}

/// The caller's account.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeDto {
    /// Id.
    pub id: String,
    /// Email.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// en or de.
    pub locale: String,
    /// Email confirmed.
    pub email_verified: bool,
    /// Platform admin.
    pub platform_admin: bool,
    /// Roles in organisations.
    pub memberships: Vec<MembershipDto>,
}

/// A role in an organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipDto {
    /// Organisation id.
    pub org_id: String,
    /// Organisation name.
    pub org_name: String,
    /// org_admin, programme_manager or member.
    pub role: String,
}

impl From<&Membership> for MembershipDto {
    fn from(m: &Membership) -> Self {
        MembershipDto { org_id: m.org_id.to_string(), org_name: m.org_name.clone(), role: m.role.key().to_owned() }
    }
}
