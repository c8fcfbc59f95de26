//! `/api/v1` for expressions of interest, introductions, partnership agreements and the public
//! statistics (issue 3, items 5 and 6). The same use cases and permissions as the pages: the
//! owner's name appears in an interest only where the caller may know it.

use super::extract::{path_id, ApiActor, ApiJson};
use crate::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tandem_app::partnering::agreements::{self, Statistics};
use tandem_app::partnering::interests::{self, InterestView};
use tandem_app::AppError;
use tandem_core::partnering::agreement::{Agreement, AgreementDraft};
use tandem_core::partnering::interest::{Interest, InterestAnswers};
use tandem_core::policy::Actor;
use tandem_core::{AgreementId, InterestId, OrgId, ProfileId};
use utoipa::ToSchema;

/// The answers to the standard questions, and whom they are sent for.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InterestInputDto {
    /// The interested organisation (the caller's own; support staff may name any enterprise).
    pub from_org_id: String,
    /// What cooperation is sought.
    pub cooperation_sought: String,
    /// What is missing from the profile (questions for the owner).
    #[serde(default)]
    pub missing_information: Option<String>,
    /// Who we are.
    pub who_we_are: String,
}

/// An expression of interest.
#[derive(Debug, Serialize, ToSchema)]
pub struct InterestDto {
    /// Id.
    pub id: String,
    /// The profile.
    pub profile_id: String,
    /// The interested organisation.
    pub from_org_id: String,
    /// `submitted`, `introduced`, `declined` or `withdrawn`.
    pub state: String,
    /// What cooperation is sought.
    pub cooperation_sought: String,
    /// What is missing from the profile.
    pub missing_information: Option<String>,
    /// Who we are.
    pub who_we_are: String,
    /// Why it was declined.
    pub decline_reason: Option<String>,
    /// Sent.
    pub created_at: DateTime<Utc>,
    /// Introduced, declined or withdrawn.
    pub decided_at: Option<DateTime<Utc>>,
}

impl From<Interest> for InterestDto {
    fn from(i: Interest) -> Self {
        InterestDto {
            id: i.id.to_string(),
            profile_id: i.profile_id.to_string(),
            from_org_id: i.from_org_id.to_string(),
            state: i.state.key().to_owned(),
            cooperation_sought: i.answers.cooperation_sought,
            missing_information: i.answers.missing_information,
            who_we_are: i.answers.who_we_are,
            decline_reason: i.decline_reason,
            created_at: i.created_at,
            decided_at: i.decided_at,
        }
    }
}

/// An expression of interest in a list, with the profile and the interested organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct InterestListingDto {
    /// The interest.
    #[serde(flatten)]
    pub interest: InterestDto,
    /// The profile's title.
    pub profile_title: String,
    /// The profile's type (BO, BR, TO, TR, RDR).
    pub profile_type: Option<String>,
    /// The interested organisation's name.
    pub from_org_name: String,
    /// Its city.
    pub from_city: String,
    /// The profile owner's name: only for its own people, support staff, and organisations it
    /// has been introduced to; `null` for everyone else.
    pub owner_name: Option<String>,
    /// The profile owner's city.
    pub owner_city: String,
}

impl From<InterestView> for InterestListingDto {
    fn from(v: InterestView) -> Self {
        InterestListingDto {
            profile_title: v.profile_title,
            profile_type: v.profile_type.map(|t| t.key().to_owned()),
            from_org_name: v.from_org_name,
            from_city: v.from_city,
            owner_name: v.owner_name,
            owner_city: v.owner_city,
            interest: v.interest.into(),
        }
    }
}

/// The caller's interests.
#[derive(Debug, Serialize, ToSchema)]
pub struct InterestsDto {
    /// Support staff: interests in the profiles their organisations manage (and unassigned ones),
    /// newest first. Empty for everyone else.
    pub pipeline: Vec<InterestListingDto>,
    /// The interests the caller's own organisations sent.
    pub sent: Vec<InterestListingDto>,
}

/// Why an interest is declined.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DeclineDto {
    /// The reason, emailed to the interested organisation (required).
    #[serde(default)]
    pub reason: String,
}

/// A partnership agreement to record.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AgreementInputDto {
    /// The partner organisation.
    pub partner_org_id: String,
    /// The introduction it came from (an introduced interest of the partner in this profile).
    #[serde(default)]
    pub interest_id: Option<String>,
    /// trade_intermediary, franchise, joint_venture, merger_shares, reciprocal_production,
    /// subcontracting_outsourcing, transport_logistics, technology_licensing,
    /// technology_other_transfer or research_joint_proposal.
    pub agreement_type: String,
    /// Date signed, YYYY-MM-DD, not in the future.
    pub signed_on: String,
    /// What was agreed.
    #[serde(default)]
    pub summary: Option<String>,
}

/// A partnership agreement.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementDto {
    /// Id.
    pub id: String,
    /// The profile it came from.
    pub profile_id: String,
    /// The introduction it came from.
    pub interest_id: Option<String>,
    /// The profile's owner.
    pub owner_org_id: String,
    /// The partner.
    pub partner_org_id: String,
    /// Type key.
    pub agreement_type: String,
    /// business, technology or research.
    pub category: String,
    /// Date signed.
    pub signed_on: String,
    /// What was agreed.
    pub summary: Option<String>,
    /// `recorded`, `confirmed` or `rejected`.
    pub state: String,
    /// Recorded.
    pub created_at: DateTime<Utc>,
    /// Confirmed or rejected.
    pub confirmed_at: Option<DateTime<Utc>>,
}

impl From<Agreement> for AgreementDto {
    fn from(a: Agreement) -> Self {
        AgreementDto {
            id: a.id.to_string(),
            profile_id: a.profile_id.to_string(),
            interest_id: a.interest_id.map(|i| i.to_string()),
            owner_org_id: a.owner_org_id.to_string(),
            partner_org_id: a.partner_org_id.to_string(),
            agreement_type: a.input.agreement_type.key().to_owned(),
            category: a.input.agreement_type.category().key().to_owned(),
            signed_on: a.input.signed_on.to_string(),
            summary: a.input.summary,
            state: a.state.key().to_owned(),
            created_at: a.created_at,
            confirmed_at: a.confirmed_at,
        }
    }
}

/// A count of one category.
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryCountDto {
    /// business, technology or research.
    pub category: String,
    /// How many.
    pub count: i64,
}

/// A count of one agreement type.
#[derive(Debug, Serialize, ToSchema)]
pub struct TypeCountDto {
    /// business, technology or research.
    pub category: String,
    /// Type key.
    pub agreement_type: String,
    /// How many.
    pub count: i64,
}

/// A count between two cities.
#[derive(Debug, Serialize, ToSchema)]
pub struct CityPairCountDto {
    /// The profile owner's city.
    pub owner_city: String,
    /// The other party's city.
    pub partner_city: String,
    /// How many.
    pub count: i64,
}

/// Published profiles of one type in one city.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileCountDto {
    /// The owner's city.
    pub city: String,
    /// BO, BR, TO, TR or RDR.
    pub profile_type: String,
    /// How many.
    pub count: i64,
}

/// The public statistics: aggregate counts only, no identities.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatisticsDto {
    /// Confirmed agreements in all.
    pub agreements_total: i64,
    /// Confirmed agreements per category (every category).
    pub agreements_by_category: Vec<CategoryCountDto>,
    /// Confirmed agreements per type (types with at least one).
    pub agreements_by_type: Vec<TypeCountDto>,
    /// Confirmed agreements per pair of cities.
    pub agreements_by_cities: Vec<CityPairCountDto>,
    /// Introductions made.
    pub introductions: i64,
    /// Introductions per pair of cities.
    pub introductions_by_cities: Vec<CityPairCountDto>,
    /// Profiles in the marketplace now, per city and type.
    pub published_profiles: Vec<ProfileCountDto>,
}

impl From<Statistics> for StatisticsDto {
    fn from(s: Statistics) -> Self {
        let pairs = |list: Vec<agreements::CityPairCount>| {
            list.into_iter()
                .map(|p| CityPairCountDto { owner_city: p.owner_city, partner_city: p.partner_city, count: p.count })
                .collect()
        };
        StatisticsDto {
            agreements_total: s.agreements_total,
            agreements_by_category: s
                .agreements_by_category
                .into_iter()
                .map(|(c, count)| CategoryCountDto { category: c.key().to_owned(), count })
                .collect(),
            agreements_by_type: s
                .agreements_by_type
                .into_iter()
                .map(|t| TypeCountDto {
                    category: t.category.key().to_owned(),
                    agreement_type: t.agreement_type.key().to_owned(),
                    count: t.count,
                })
                .collect(),
            agreements_by_cities: pairs(s.agreements_by_cities),
            introductions: s.introductions,
            introductions_by_cities: pairs(s.introductions_by_cities),
            published_profiles: s
                .published_profiles
                .into_iter()
                .map(|p| ProfileCountDto { city: p.city, profile_type: p.profile_type.key().to_owned(), count: p.count })
                .collect(),
        }
    }
}

/// An id in a request body: unreadable ones are a 422 naming the field.
fn body_id<T: std::str::FromStr>(raw: &str, field: &str) -> Result<T, ApiError> {
    raw.trim()
        .parse()
        .map_err(|_| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_id", format!("{field} must be an id from this API"), Some(field)))
}

/// A decision that lost the race (or came after another): 409, not the If-Match 412.
fn decided(error: AppError) -> ApiError {
    match error {
        AppError::Conflict => ApiError::new(
            StatusCode::CONFLICT,
            "already_decided",
            "this was decided already (by someone else or earlier); fetch it again to see its state",
            None,
        ),
        other => other.into(),
    }
}

fn created<T: Serialize>(location: String, body: T) -> Response {
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(v) = location.parse() {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

/// Sends an expression of interest in a published profile, answering the standard questions.
/// It goes to the profile's support organisation, which introduces the parties or declines.
#[utoipa::path(post, path = "/profiles/{id}/interests", tag = "partnering", request_body = InterestInputDto,
    params(("id" = String, Path, description = "Profile id")),
    responses((status = 201, body = InterestDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn express_interest(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<InterestInputDto>,
) -> Result<Response, ApiError> {
    actor.user().map_err(AppError::from)?;
    let profile: ProfileId = path_id(&id)?;
    let from: OrgId = body_id(&input.from_org_id, "from_org_id")?;
    let answers = InterestAnswers {
        cooperation_sought: input.cooperation_sought,
        missing_information: input.missing_information,
        who_we_are: input.who_we_are,
    };
    let interest = interests::express(&state.app, &actor, profile, from, &answers).await?;
    Ok(created(format!("/api/v1/interests/{}", interest.id), InterestDto::from(interest)))
}

/// The non-support organisations the caller belongs to.
fn own_orgs(actor: &Actor) -> Vec<OrgId> {
    match actor {
        Actor::User(u) => u.memberships.iter().filter(|m| !m.org_kind.is_support_organisation()).map(|m| m.org_id).collect(),
        Actor::Anonymous => Vec::new(),
    }
}

/// The caller's interests: the support staff's pipeline, and those their organisations sent.
#[utoipa::path(get, path = "/interests", tag = "partnering",
    responses((status = 200, body = InterestsDto), (status = 401, body = ApiErrorBody)))]
pub async fn list_interests(State(state): State<AppState>, ApiActor(actor): ApiActor) -> Result<Json<InterestsDto>, ApiError> {
    actor.user().map_err(AppError::from)?;
    let pipeline = if actor.is_support_staff() || actor.is_platform_admin() {
        interests::pipeline(&state.app, &actor).await?.into_iter().map(InterestListingDto::from).collect()
    } else {
        Vec::new()
    };
    let mut sent = Vec::new();
    for org in own_orgs(&actor) {
        sent.extend(interests::sent_by_org(&state.app, &actor, org).await?.into_iter().map(InterestListingDto::from));
    }
    Ok(Json(InterestsDto { pipeline, sent }))
}

/// The profile's support organisation introduces the parties: both are emailed the other's
/// name and contacts. 409 if the interest was decided already.
#[utoipa::path(post, path = "/interests/{id}/introduce", tag = "partnering", params(("id" = String, Path, description = "Interest id")),
    responses((status = 200, body = InterestDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)))]
pub async fn introduce_interest(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<InterestDto>, ApiError> {
    let id: InterestId = path_id(&id)?;
    Ok(Json(interests::introduce(&state.app, &actor, id).await.map_err(decided)?.into()))
}

/// The profile's support organisation declines, with a reason (required). 409 if decided already.
#[utoipa::path(post, path = "/interests/{id}/decline", tag = "partnering", request_body = DeclineDto,
    params(("id" = String, Path, description = "Interest id")),
    responses((status = 200, body = InterestDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody),
        (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn decline_interest(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<DeclineDto>,
) -> Result<Json<InterestDto>, ApiError> {
    let id: InterestId = path_id(&id)?;
    Ok(Json(interests::decline(&state.app, &actor, id, &input.reason).await.map_err(decided)?.into()))
}

/// The interested organisation takes back an open interest. 409 if decided already.
#[utoipa::path(post, path = "/interests/{id}/withdraw", tag = "partnering", params(("id" = String, Path, description = "Interest id")),
    responses((status = 200, body = InterestDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)))]
pub async fn withdraw_interest(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<InterestDto>, ApiError> {
    let id: InterestId = path_id(&id)?;
    Ok(Json(interests::withdraw(&state.app, &actor, id).await.map_err(decided)?.into()))
}

/// Records a partnership agreement from a profile; the profile's support organisation is asked
/// to confirm it.
#[utoipa::path(post, path = "/profiles/{id}/agreements", tag = "partnering", request_body = AgreementInputDto,
    params(("id" = String, Path, description = "Profile id")),
    responses((status = 201, body = AgreementDto), (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn record_agreement(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<AgreementInputDto>,
) -> Result<Response, ApiError> {
    actor.user().map_err(AppError::from)?;
    let profile: ProfileId = path_id(&id)?;
    let partner: OrgId = body_id(&input.partner_org_id, "partner_org_id")?;
    let interest = match input.interest_id.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
        Some(raw) => Some(body_id::<InterestId>(raw, "interest_id")?),
        None => None,
    };
    let draft = AgreementDraft { agreement_type: input.agreement_type, signed_on: input.signed_on, summary: input.summary };
    let agreement = agreements::record(&state.app, &actor, profile, partner, interest, &draft).await?;
    Ok(created(format!("/api/v1/agreements/{}", agreement.id), AgreementDto::from(agreement)))
}

/// The profile's support organisation confirms a recorded agreement: from now on it counts in
/// the statistics. 409 if it was confirmed or rejected already.
#[utoipa::path(post, path = "/agreements/{id}/confirm", tag = "partnering", params(("id" = String, Path, description = "Agreement id")),
    responses((status = 200, body = AgreementDto), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody)))]
pub async fn confirm_agreement(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<AgreementDto>, ApiError> {
    let id: AgreementId = path_id(&id)?;
    Ok(Json(agreements::confirm(&state.app, &actor, id).await.map_err(decided)?.into()))
}

/// Public partnering statistics: confirmed agreements by category, type and pair of cities,
/// introductions, and published profiles by city and type. No identities.
#[utoipa::path(get, path = "/statistics", tag = "partnering", security(()),
    responses((status = 200, body = StatisticsDto)))]
pub async fn get_statistics(State(state): State<AppState>) -> Result<Json<StatisticsDto>, ApiError> {
    Ok(Json(agreements::statistics(&state.app).await?.into()))
}
