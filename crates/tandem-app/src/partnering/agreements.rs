//! Partnership agreements: the outcome that counts (DOMAIN.md, "Partnering profiles": business,
//! technology or research agreements "recorded with date, parties, and evidence"; issue 3,
//! item 6).
//!
//! A profile's authors, the partner organisation's people or a broker record an agreement; the
//! profile's support organisation confirms (or rejects) it, and only confirmed agreements feed
//! the statistics. Evidence files are checked by content and size, stored in the database with
//! their SHA-256, and served only to the parties, the brokers and platform admins.

use super::{notify, people_of};
use crate::evidence_files::Upload;
use crate::mail::messages;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, SubsecRound, Utc};
use tandem_core::partnering::agreement::{
    Agreement, AgreementCategory, AgreementDraft, AgreementState, AgreementType, EvidenceFile,
};
use tandem_core::partnering::interest::InterestState;
use tandem_core::partnering::ProfileType;
use tandem_core::policy::{self, Actor, Denied};
use tandem_core::validation::ValidationErrors;
use tandem_core::{AgreementId, EvidenceId, InterestId, OrgId, ProfileId, UserId};
use tandem_store::interests::{self, ProfileRef};
use tandem_store::{agreements, organisations, Conn};

/// An agreement as its parties and the support staff see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementView {
    /// The agreement.
    pub agreement: Agreement,
    /// The profile's title.
    pub profile_title: String,
    /// The owner's name.
    pub owner_name: String,
    /// The partner's name.
    pub partner_name: String,
    /// Its evidence files (metadata only).
    pub evidence: Vec<EvidenceFile>,
}

/// Confirmed agreements of one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeCount {
    /// Business, technology or research.
    pub category: AgreementCategory,
    /// Type.
    pub agreement_type: AgreementType,
    /// How many.
    pub count: i64,
}

/// A count between two cities (profile owner's city → partner's or interested organisation's city).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CityPairCount {
    /// The profile owner's city.
    pub owner_city: String,
    /// The other party's city.
    pub partner_city: String,
    /// How many.
    pub count: i64,
}

/// Published profiles of one type in one city.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileCount {
    /// The owner's city.
    pub city: String,
    /// Type.
    pub profile_type: ProfileType,
    /// How many.
    pub count: i64,
}

/// The public statistics: aggregate counts only, no identities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Statistics {
    /// Confirmed agreements in all.
    pub agreements_total: i64,
    /// Confirmed agreements per category (every category, zeros included).
    pub agreements_by_category: Vec<(AgreementCategory, i64)>,
    /// Confirmed agreements per type (types with at least one).
    pub agreements_by_type: Vec<TypeCount>,
    /// Confirmed agreements per pair of cities.
    pub agreements_by_cities: Vec<CityPairCount>,
    /// Introductions made.
    pub introductions: i64,
    /// Introductions per pair of cities.
    pub introductions_by_cities: Vec<CityPairCount>,
    /// Profiles in the marketplace now, per city and type.
    pub published_profiles: Vec<ProfileCount>,
}

fn now() -> DateTime<Utc> {
    // PostgreSQL keeps microseconds: rounding makes returned records equal later reads.
    Utc::now().trunc_subsecs(6)
}

fn user_id(actor: &Actor) -> Option<UserId> {
    actor.user().ok().map(|u| u.id)
}

/// May the actor record agreements (and attach evidence) for `profile` with `partner`? Its
/// authors, the partner's people (or support staff on its behalf), and its brokers.
fn check_recorder(actor: &Actor, profile: &ProfileRef, partner: OrgId) -> Result<(), Denied> {
    let author = policy::profile_author(actor, profile.owner_org_id, profile.support_org_id);
    if author.is_ok()
        || policy::interest_sender(actor, partner).is_ok()
        || policy::profile_broker(actor, profile.support_org_id).is_ok()
    {
        Ok(())
    } else {
        author.map(drop)
    }
}

/// May the actor see the agreement's details and evidence? The parties' people, the profile's
/// brokers and platform admins.
fn is_party_or_broker(actor: &Actor, agreement: &Agreement, profile: &ProfileRef) -> bool {
    actor.is_platform_admin()
        || actor.role_in(agreement.owner_org_id).is_some()
        || actor.role_in(agreement.partner_org_id).is_some()
        || policy::profile_broker(actor, profile.support_org_id).is_ok()
}

async fn profile_of(conn: Conn<'_>, id: ProfileId) -> AppResult<ProfileRef> {
    interests::profile_ref(conn, id).await?.ok_or(AppError::NotFound)
}

/// Records an agreement between the owner of `profile_id` and `partner_org`, optionally naming
/// the introduction it came from (which must be in this profile, introduced, and from the
/// partner). It waits for the profile's support organisation to confirm it; its staff are emailed.
pub async fn record(
    app: &App,
    actor: &Actor,
    profile_id: ProfileId,
    partner_org: OrgId,
    interest_id: Option<InterestId>,
    draft: &AgreementDraft,
) -> AppResult<Agreement> {
    let mut tx = app.db().begin().await?;
    let agreement = record_in(app, tx.conn(), actor, profile_id, partner_org, interest_id, draft).await?;
    tx.commit().await?;
    Ok(agreement)
}

/// [`record`] inside the caller's transaction, for use cases that record an agreement together
/// with something else (the event follow-up links it to the survey answer it came from).
pub(crate) async fn record_in(
    app: &App,
    mut conn: Conn<'_>,
    actor: &Actor,
    profile_id: ProfileId,
    partner_org: OrgId,
    interest_id: Option<InterestId>,
    draft: &AgreementDraft,
) -> AppResult<Agreement> {
    actor.user()?;
    let now = now();
    let profile = profile_of(conn.reborrow(), profile_id).await?;
    check_recorder(actor, &profile, partner_org)?;
    let (input, mut errors) = match draft.validate(now.date_naive()) {
        Ok(input) => (Some(input), ValidationErrors::default()),
        Err(errors) => (None, errors),
    };
    if partner_org == profile.owner_org_id {
        errors.add("partner_org", "same_as_owner", "the partner must be another organisation than the profile's owner");
    } else if organisations::get(conn.reborrow(), partner_org).await?.is_none() {
        errors.add("partner_org", "unknown_org", "choose the partner organisation from the directory");
    }
    if let Some(id) = interest_id {
        match interests::get(conn.reborrow(), id).await? {
            Some(i) if i.profile_id == profile_id && i.state == InterestState::Introduced && i.from_org_id == partner_org => {}
            Some(i) if i.profile_id == profile_id && i.from_org_id == partner_org => errors.add(
                "interest_id",
                "not_introduced",
                "an agreement can only come from an expression of interest whose parties were introduced",
            ),
            _ => errors.add("interest_id", "other_interest", "this introduction is not between this profile and this partner"),
        }
    }
    let input = match input {
        Some(input) if errors.is_empty() => input,
        _ => return Err(AppError::Invalid(errors)),
    };
    let agreement = Agreement {
        id: AgreementId::new(),
        profile_id,
        interest_id,
        owner_org_id: profile.owner_org_id,
        partner_org_id: partner_org,
        input,
        state: AgreementState::Recorded,
        recorded_by: user_id(actor),
        confirmed_by: None,
        created_at: now,
        confirmed_at: None,
    };
    agreements::insert(conn.reborrow(), &agreement).await?;
    if let Some(support) = profile.support_org_id {
        let staff = people_of(conn.reborrow(), support, true).await?;
        let link = format!("{}/agreements/{}", app.config().base_url.trim_end_matches('/'), agreement.id);
        let (agreement_type, signed_on) = (agreement.input.agreement_type, agreement.input.signed_on);
        notify(conn.reborrow(), &staff, now, |locale, name| {
            messages::agreement_recorded(locale, name, &profile.title, agreement_type, signed_on, &link)
        })
        .await?;
    }
    Ok(agreement)
}

/// The profile's support organisation confirms a recorded agreement; from now on it counts.
pub async fn confirm(app: &App, actor: &Actor, agreement_id: AgreementId) -> AppResult<Agreement> {
    decide(app, actor, agreement_id, AgreementState::Confirmed).await
}

/// The profile's support organisation rejects a recorded agreement.
pub async fn reject(app: &App, actor: &Actor, agreement_id: AgreementId) -> AppResult<Agreement> {
    decide(app, actor, agreement_id, AgreementState::Rejected).await
}

async fn decide(app: &App, actor: &Actor, agreement_id: AgreementId, state: AgreementState) -> AppResult<Agreement> {
    actor.user()?;
    let now = now();
    let mut tx = app.db().begin().await?;
    let agreement = agreements::get(tx.conn(), agreement_id).await?.ok_or(AppError::NotFound)?;
    let profile = profile_of(tx.conn(), agreement.profile_id).await?;
    policy::profile_broker(actor, profile.support_org_id)?;
    if agreements::set_state(tx.conn(), agreement_id, state, user_id(actor), now).await? == 0 {
        return Err(AppError::Conflict);
    }
    let agreement = agreements::get(tx.conn(), agreement_id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(agreement)
}

/// Attaches an evidence file (PDF, PNG or JPEG by content, at most 10 MB) to an agreement; whoever
/// may record the agreement may attach evidence to it.
pub async fn attach_evidence(
    app: &App,
    actor: &Actor,
    agreement_id: AgreementId,
    file_name: &str,
    bytes: Vec<u8>,
) -> AppResult<EvidenceFile> {
    actor.user()?;
    let mut tx = app.db().begin().await?;
    let agreement = agreements::get(tx.conn(), agreement_id).await?.ok_or(AppError::NotFound)?;
    let profile = profile_of(tx.conn(), agreement.profile_id).await?;
    check_recorder(actor, &profile, agreement.partner_org_id)?;
    let upload = Upload::check(file_name, &bytes)?;
    let file = EvidenceFile {
        id: EvidenceId::new(),
        agreement_id,
        file_name: upload.name,
        media_type: upload.media_type.to_owned(),
        size: bytes.len() as i64,
        sha256: upload.sha256,
        uploaded_by: user_id(actor),
        created_at: now(),
    };
    agreements::insert_evidence(tx.conn(), &file, &bytes).await?;
    tx.commit().await?;
    Ok(file)
}

/// An evidence file and its bytes, for the parties' people, the profile's brokers and platform
/// admins; everyone else is refused.
pub async fn evidence_content(app: &App, actor: &Actor, evidence_id: EvidenceId) -> AppResult<(EvidenceFile, Vec<u8>)> {
    actor.user()?;
    let mut conn = app.db().acquire().await?;
    let file = agreements::evidence(conn.conn(), evidence_id).await?.ok_or(AppError::NotFound)?;
    let agreement = agreements::get(conn.conn(), file.agreement_id).await?.ok_or(AppError::NotFound)?;
    let profile = profile_of(conn.conn(), agreement.profile_id).await?;
    if !is_party_or_broker(actor, &agreement, &profile) {
        return Err(Denied::Forbidden.into());
    }
    let content = agreements::evidence_content(conn.conn(), evidence_id).await?.ok_or(AppError::NotFound)?;
    Ok((file, content))
}

/// One agreement for its parties' people, the profile's brokers and platform admins, and whether
/// the actor may confirm or reject it; anyone else gets `NotFound` (they need not know it exists).
pub async fn view(app: &App, actor: &Actor, id: AgreementId) -> AppResult<(AgreementView, bool)> {
    actor.user()?;
    let mut conn = app.db().acquire().await?;
    let agreement = agreements::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    let profile = profile_of(conn.conn(), agreement.profile_id).await?;
    if !is_party_or_broker(actor, &agreement, &profile) {
        return Err(AppError::NotFound);
    }
    let is_broker = policy::profile_broker(actor, profile.support_org_id).is_ok();
    let mut found = views(conn.conn(), vec![agreement], Some(&profile.title)).await?;
    let view = found.pop().ok_or(AppError::NotFound)?;
    Ok((view, is_broker))
}

async fn views(mut conn: Conn<'_>, list: Vec<Agreement>, profile_title: Option<&str>) -> AppResult<Vec<AgreementView>> {
    let mut out = Vec::with_capacity(list.len());
    for agreement in list {
        let title = match profile_title {
            Some(t) => t.to_owned(),
            None => interests::profile_ref(conn.reborrow(), agreement.profile_id).await?.map(|p| p.title).unwrap_or_default(),
        };
        let owner_name = organisations::get(conn.reborrow(), agreement.owner_org_id).await?.map(|o| o.name).unwrap_or_default();
        let partner_name =
            organisations::get(conn.reborrow(), agreement.partner_org_id).await?.map(|o| o.name).unwrap_or_default();
        let evidence = agreements::evidence_of(conn.reborrow(), agreement.id).await?;
        out.push(AgreementView { agreement, profile_title: title, owner_name, partner_name, evidence });
    }
    Ok(out)
}

/// The agreements from a profile: all of them for its authors and brokers; a partner's people
/// see those their organisation is party to; anyone else is refused.
pub async fn for_profile(app: &App, actor: &Actor, profile_id: ProfileId) -> AppResult<Vec<AgreementView>> {
    actor.user()?;
    let mut conn = app.db().acquire().await?;
    let profile = profile_of(conn.conn(), profile_id).await?;
    let all = agreements::for_profile(conn.conn(), profile_id).await?;
    let sees_all = policy::profile_author(actor, profile.owner_org_id, profile.support_org_id).is_ok()
        || policy::profile_broker(actor, profile.support_org_id).is_ok();
    let list: Vec<Agreement> = if sees_all {
        all
    } else {
        let mine: Vec<Agreement> = all.into_iter().filter(|a| actor.role_in(a.partner_org_id).is_some()).collect();
        if mine.is_empty() {
            return Err(Denied::Forbidden.into());
        }
        mine
    };
    views(conn.conn(), list, Some(&profile.title)).await
}

/// The agreements `org` is party to, for its own people, support staff and platform admins.
pub async fn for_org(app: &App, actor: &Actor, org: OrgId) -> AppResult<Vec<AgreementView>> {
    actor.user()?;
    if !(actor.role_in(org).is_some() || actor.is_support_staff() || actor.is_platform_admin()) {
        return Err(Denied::Forbidden.into());
    }
    let mut conn = app.db().acquire().await?;
    let list = agreements::for_org(conn.conn(), org).await?;
    views(conn.conn(), list, None).await
}

/// The public statistics: confirmed agreements by category, type and pair of cities, the number
/// of introductions, and the profiles in the marketplace by city and type. Aggregates only.
pub async fn statistics(app: &App) -> AppResult<Statistics> {
    let mut conn = app.db().acquire().await?;
    let agreements_by_type: Vec<TypeCount> = agreements::confirmed_by_type(conn.conn())
        .await?
        .into_iter()
        .filter_map(|(_, t, count)| {
            let agreement_type = AgreementType::from_key(&t)?;
            Some(TypeCount { category: agreement_type.category(), agreement_type, count })
        })
        .collect();
    let agreements_by_category = AgreementCategory::ALL
        .iter()
        .map(|&c| (c, agreements_by_type.iter().filter(|t| t.category == c).map(|t| t.count).sum()))
        .collect();
    let pairs = |rows: Vec<(String, String, i64)>| -> Vec<CityPairCount> {
        rows.into_iter().map(|(owner_city, partner_city, count)| CityPairCount { owner_city, partner_city, count }).collect()
    };
    let agreements_by_cities = pairs(agreements::confirmed_by_cities(conn.conn()).await?);
    let introductions_by_cities = pairs(agreements::introductions_by_cities(conn.conn()).await?);
    let published_profiles = agreements::published_by_city_and_type(conn.conn())
        .await?
        .into_iter()
        .filter_map(|(city, t, count)| Some(ProfileCount { city, profile_type: ProfileType::parse(&t)?, count }))
        .collect();
    Ok(Statistics {
        agreements_total: agreements_by_type.iter().map(|t| t.count).sum(),
        agreements_by_category,
        agreements_by_type,
        agreements_by_cities,
        introductions: agreements::introductions(conn.conn()).await?,
        introductions_by_cities,
        published_profiles,
    })
}
