//! Expressions of interest, brokered introductions and partnership agreements in the browser
//! (issue 3, items 5 and 6; DOMAIN.md, "Partnering profiles": "Interest is expressed through the
//! support organisations, which introduce the parties", and the agreement is "recorded with
//! date, parties, and evidence"), plus the public statistics they feed.
//!
//! Handlers are thin: the use cases in `tandem_app::partnering::{interests, agreements}` decide
//! who may do what, and keep the owner anonymous until an introduction.

use super::organisations::parse_id;
use super::{CsrfOnly, FormState, Layout, render, safe_next, see_other};
use crate::ctx::Ctx;
use crate::error::{PageError, PageErrorKind};
use crate::i18n::Tr;
use crate::pages::uploads::{file_download, read_upload};
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use chrono::{NaiveDate, NaiveTime, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;
use tandem_app::AppError;
use tandem_app::partnering::agreements::{self, AgreementView, Statistics};
use tandem_app::partnering::interests::{self, InterestView};
use tandem_app::partnering::profiles::{self, ProfileView};
use tandem_core::partnering::agreement::{AgreementCategory, AgreementDraft, AgreementState, AgreementType, EvidenceFile};
use tandem_core::partnering::interest::{InterestAnswers, InterestState};
use tandem_core::partnering::{ProfileState, ProfileType};
use tandem_core::policy::{Actor, Denied};
use tandem_core::validation::ValidationErrors;
use tandem_core::{AgreementId, EvidenceId, InterestId, OrgId, ProfileId};

/// Largest request body of an evidence upload: a 10 MB file and the multipart envelope around it.
pub const UPLOAD_LIMIT: usize = 11 * 1024 * 1024;

/// Is this request an evidence upload (`POST /agreements/{id}/evidence`)? Only these get
/// [`UPLOAD_LIMIT`]; every other request keeps the router's small body limit.
pub fn is_upload(method: &Method, path: &str) -> bool {
    method == Method::POST
        && path
            .strip_prefix("/agreements/")
            .and_then(|rest| rest.strip_suffix("/evidence"))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

// ---------------------------------------------------------------------------------------------
// Labels

fn interest_state_label(t: Tr, state: InterestState) -> String {
    t.get(&format!("interest-state-{}", state.key()))
}

fn interest_step_label(t: Tr, state: InterestState) -> String {
    t.get(&format!("interest-step-{}", state.key()))
}

fn agreement_type_label(t: Tr, kind: AgreementType) -> String {
    t.get(&format!("agreement-type-{}", kind.key()))
}

fn agreement_category_label(t: Tr, category: AgreementCategory) -> String {
    t.get(&format!("agreement-category-{}", category.key()))
}

fn agreement_state_label(t: Tr, state: AgreementState) -> String {
    t.get(&format!("agreement-state-{}", state.key()))
}

fn profile_type_label(t: Tr, kind: ProfileType) -> String {
    t.get(&format!("profile-type-{}", kind.slug()))
}

fn day(t: Tr, date: NaiveDate) -> String {
    t.date(&date.and_time(NaiveTime::MIN).and_utc())
}

/// Where to go after a button on the interests page or a profile page: a local path only.
fn back_to(return_to: &str) -> String {
    if return_to.trim().is_empty() { "/interests".to_owned() } else { safe_next(Some(return_to)) }
}

/// Refuses anonymous visitors (they are sent to the login page) before anything is loaded.
fn require_login(ctx: &Ctx) -> Result<(), PageError> {
    ctx.actor.user().map(drop).map_err(|d| ctx.fail(d.into()))
}

/// The non-support organisations the actor belongs to: the sides of interests and agreements.
fn own_orgs(actor: &Actor) -> Vec<OrgId> {
    match actor {
        Actor::User(u) => u.memberships.iter().filter(|m| !m.org_kind.is_support_organisation()).map(|m| m.org_id).collect(),
        Actor::Anonymous => Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// What the templates show

/// One step of an interest's timeline.
pub(crate) struct Step {
    label: String,
    date: String,
}

/// An expression of interest as a list shows it.
pub(crate) struct InterestItem {
    id: String,
    profile_id: String,
    profile_title: String,
    profile_type: String,
    from_org_name: String,
    from_city: String,
    owner: String,
    state_key: &'static str,
    state_label: String,
    open: bool,
    introduced: bool,
    cooperation_sought: String,
    missing_information: String,
    who_we_are: String,
    decline_reason: String,
    timeline: Vec<Step>,
    /// The reason typed into this interest's decline form (after a failed attempt).
    reason: String,
    /// The problem with it.
    reason_error: String,
}

fn interest_item(t: Tr, v: InterestView) -> InterestItem {
    let timeline = v.timeline().into_iter().map(|s| Step { label: interest_step_label(t, s.state), date: t.date(&s.at) }).collect();
    let i = v.interest;
    InterestItem {
        id: i.id.to_string(),
        profile_id: v.profile_id.to_string(),
        profile_title: v.profile_title,
        profile_type: v.profile_type.map(|p| profile_type_label(t, p)).unwrap_or_default(),
        from_org_name: v.from_org_name,
        from_city: v.from_city,
        owner: match v.owner_name {
            Some(name) => name,
            None => t.with("interest-owner-anonymous", "city", &v.owner_city),
        },
        state_key: i.state.key(),
        state_label: interest_state_label(t, i.state),
        open: i.state.is_open(),
        introduced: i.state == InterestState::Introduced,
        cooperation_sought: i.answers.cooperation_sought,
        missing_information: i.answers.missing_information.unwrap_or_default(),
        who_we_are: i.answers.who_we_are,
        decline_reason: i.decline_reason.unwrap_or_default(),
        timeline,
        reason: String::new(),
        reason_error: String::new(),
    }
}

/// An evidence file in a list.
pub(crate) struct EvidenceItem {
    id: String,
    file_name: String,
    media_type: String,
    size: String,
    uploaded_on: String,
}

fn evidence_item(t: Tr, e: &EvidenceFile) -> EvidenceItem {
    EvidenceItem {
        id: e.id.to_string(),
        file_name: e.file_name.clone(),
        media_type: e.media_type.clone(),
        size: t.count("evidence-size-kb", (e.size + 1023) / 1024),
        uploaded_on: t.date(&e.created_at),
    }
}

/// A partnership agreement as a page shows it.
pub(crate) struct AgreementItem {
    id: String,
    profile_id: String,
    profile_title: String,
    owner_name: String,
    partner_name: String,
    type_label: String,
    category_label: String,
    signed_on: String,
    state_key: &'static str,
    state_label: String,
    recorded: bool,
    summary: String,
    evidence: Vec<EvidenceItem>,
}

fn agreement_item(t: Tr, v: &AgreementView) -> AgreementItem {
    let a = &v.agreement;
    AgreementItem {
        id: a.id.to_string(),
        profile_id: a.profile_id.to_string(),
        profile_title: v.profile_title.clone(),
        owner_name: v.owner_name.clone(),
        partner_name: v.partner_name.clone(),
        type_label: agreement_type_label(t, a.input.agreement_type),
        category_label: agreement_category_label(t, a.input.agreement_type.category()),
        signed_on: day(t, a.input.signed_on),
        state_key: a.state.key(),
        state_label: agreement_state_label(t, a.state),
        recorded: a.state == AgreementState::Recorded,
        summary: a.input.summary.clone().unwrap_or_default(),
        evidence: v.evidence.iter().map(|e| evidence_item(t, e)).collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Expressing interest

#[derive(Template)]
#[template(path = "interest_form.html")]
struct InterestFormPage {
    l: Layout,
    profile_id: String,
    profile_title: String,
    profile_type: String,
    owner: String,
    orgs: Vec<(String, String)>,
    f: FormState,
}

/// The interest form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InterestForm {
    _csrf: String,
    from_org: String,
    cooperation_sought: String,
    missing_information: String,
    who_we_are: String,
}

impl InterestForm {
    fn answers(&self) -> InterestAnswers {
        InterestAnswers {
            cooperation_sought: self.cooperation_sought.clone(),
            missing_information: super::non_empty(&self.missing_information),
            who_we_are: self.who_we_are.clone(),
        }
    }

    fn state(&self, t: Tr, profile: ProfileId) -> FormState {
        let mut f = FormState::new(t, format!("/profiles/{profile}/interest"));
        f.cancel = format!("/profiles/{profile}");
        f.set("from_org", &self.from_org)
            .set("cooperation_sought", &self.cooperation_sought)
            .set("missing_information", &self.missing_information)
            .set("who_we_are", &self.who_we_are);
        f
    }
}

async fn interest_form_page(
    state: &AppState,
    ctx: &Ctx,
    profile_id: ProfileId,
    f: FormState,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let view = profiles::view(&state.app, &ctx.actor, profile_id).await.map_err(|e| ctx.fail(e))?;
    if view.profile.lifecycle.state != ProfileState::Published {
        return Err(PageError::new(t, PageErrorKind::BadRequest(t.get("interest-not-published"))));
    }
    // Organisations the actor may write for (their own; support staff: every enterprise), never
    // the profile's owner itself.
    let orgs = profiles::owners_for(&state.app, &ctx.actor)
        .await
        .map_err(|e| ctx.fail(e))?
        .into_iter()
        .filter(|o| o.id != view.profile.owner_org_id)
        .map(|o| (o.id.to_string(), o.name))
        .collect();
    let owner = match &view.owner.identity {
        Some((_, name, _)) => name.clone(),
        None => t.with("interest-owner-anonymous", "city", &view.owner.city.name),
    };
    let page = InterestFormPage {
        l: Layout::new(ctx, t.get("interest-form-title")),
        profile_id: profile_id.to_string(),
        profile_title: view.profile.content.title.clone(),
        profile_type: profile_type_label(t, view.profile.content.profile_type),
        owner,
        orgs,
        f,
    };
    render(t, status, &page)
}

/// `GET /profiles/{id}/interest`: the standard questions.
pub async fn interest_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: ProfileId = parse_id(ctx.t, &id)?;
    let mut form = InterestForm::default();
    // With a single organisation to write for, it is chosen already.
    if let [only] = own_orgs(&ctx.actor).as_slice()
        && !ctx.actor.is_support_staff()
    {
        form.from_org = only.to_string();
    }
    interest_form_page(&state, &ctx, id, form.state(ctx.t, id), StatusCode::OK).await
}

/// `POST /profiles/{id}/interest`.
pub async fn express(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<InterestForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: ProfileId = parse_id(ctx.t, &id)?;
    let result = match form.from_org.trim().parse::<OrgId>() {
        Ok(from) => interests::express(&state.app, &ctx.actor, id, from, &form.answers()).await,
        Err(_) => {
            let mut errors = ValidationErrors::default();
            errors.add("from_org", "required", "choose the organisation you write for");
            if let Err(more) = form.answers().validate() {
                errors.0.extend(more.0);
            }
            Err(AppError::Invalid(errors))
        }
    };
    match result {
        Ok(_) => {
            ctx.flash(ctx.t.get("interest-sent")).await;
            Ok(see_other("/interests"))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(ctx.t, id).with_errors(errors);
            interest_form_page(&state, &ctx, id, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// The interests page: the brokers' pipeline and each organisation's sent interests

#[derive(Template)]
#[template(path = "interests.html")]
struct InterestsPage {
    l: Layout,
    is_staff: bool,
    pipeline: Vec<InterestItem>,
    to_confirm: Vec<AgreementItem>,
    has_orgs: bool,
    sent: Vec<InterestItem>,
    agreements: Vec<AgreementItem>,
    /// (field id, message) of a failed decline.
    summary: Vec<(String, String)>,
}

/// A decline that failed validation: which interest, what was typed, and why it failed.
struct FailedDecline {
    id: InterestId,
    reason: String,
    errors: ValidationErrors,
}

/// Agreements recorded for the profiles the actor's support organisations manage, waiting for
/// their confirmation.
async fn agreements_to_confirm(state: &AppState, ctx: &Ctx) -> Result<Vec<AgreementView>, PageError> {
    let pipeline = profiles::pipeline(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let mut out = Vec::new();
    for line in pipeline.managed.iter().filter(|l| l.profile.lifecycle.published_at.is_some()) {
        match agreements::for_profile(&state.app, &ctx.actor, line.profile.id).await {
            Ok(list) => out.extend(list.into_iter().filter(|a| a.agreement.state == AgreementState::Recorded)),
            Err(AppError::Denied(_) | AppError::NotFound) => {}
            Err(e) => return Err(ctx.fail(e)),
        }
    }
    Ok(out)
}

async fn interests_page(state: &AppState, ctx: &Ctx, failed: Option<FailedDecline>, status: StatusCode) -> Result<Response, PageError> {
    require_login(ctx)?;
    let t = ctx.t;
    let is_staff = ctx.actor.is_support_staff() || ctx.actor.is_platform_admin();
    let mut summary = Vec::new();
    let (pipeline, to_confirm) = if is_staff {
        let mut pipeline: Vec<InterestItem> =
            interests::pipeline(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?.into_iter().map(|v| interest_item(t, v)).collect();
        if let Some(failed) = failed {
            let message = FormState::new(t, "").with_errors(failed.errors).err("reason");
            if let Some(item) = pipeline.iter_mut().find(|i| i.id == failed.id.to_string()) {
                item.reason = failed.reason;
                item.reason_error.clone_from(&message);
                summary.push((format!("reason-{}", item.id), message));
            }
        }
        let to_confirm = agreements_to_confirm(state, ctx).await?.iter().map(|a| agreement_item(t, a)).collect();
        (pipeline, to_confirm)
    } else {
        (Vec::new(), Vec::new())
    };
    let orgs = own_orgs(&ctx.actor);
    let mut sent = Vec::new();
    let mut agreements_list: Vec<AgreementItem> = Vec::new();
    for org in &orgs {
        let list = interests::sent_by_org(&state.app, &ctx.actor, *org).await.map_err(|e| ctx.fail(e))?;
        sent.extend(list.into_iter().map(|v| interest_item(t, v)));
        for a in agreements::for_org(&state.app, &ctx.actor, *org).await.map_err(|e| ctx.fail(e))? {
            if !agreements_list.iter().any(|x| x.id == a.agreement.id.to_string()) {
                agreements_list.push(agreement_item(t, &a));
            }
        }
    }
    let page = InterestsPage {
        l: Layout::new(ctx, t.get("interests-title")),
        is_staff,
        pipeline,
        to_confirm,
        has_orgs: !orgs.is_empty(),
        sent,
        agreements: agreements_list,
        summary,
    };
    render(t, status, &page)
}

/// `GET /interests`.
pub async fn interests(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    interests_page(&state, &ctx, None, StatusCode::OK).await
}

/// A button's form: the token and where to return.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    _csrf: String,
    return_to: String,
}

/// The decline form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeclineForm {
    _csrf: String,
    return_to: String,
    reason: String,
}

/// `POST /interests/{id}/introduce`: the broker introduces the parties.
pub async fn introduce(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: InterestId = parse_id(ctx.t, &id)?;
    interests::introduce(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("interest-introduced")).await;
    Ok(see_other(&back_to(&form.return_to)))
}

/// `POST /interests/{id}/decline`: the broker declines, with a reason.
pub async fn decline(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<DeclineForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: InterestId = parse_id(ctx.t, &id)?;
    match interests::decline(&state.app, &ctx.actor, id, &form.reason).await {
        Ok(_) => {
            ctx.flash(ctx.t.get("interest-declined")).await;
            Ok(see_other(&back_to(&form.return_to)))
        }
        Err(AppError::Invalid(errors)) => {
            let failed = FailedDecline { id, reason: form.reason, errors };
            interests_page(&state, &ctx, Some(failed), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /interests/{id}/withdraw`: the interested side takes it back.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: InterestId = parse_id(ctx.t, &id)?;
    interests::withdraw(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("interest-withdrawn")).await;
    Ok(see_other(&back_to(&form.return_to)))
}

// ---------------------------------------------------------------------------------------------
// Recording an agreement

/// Agreement types grouped by category, for a select with option groups.
pub(crate) type TypeGroups = Vec<(String, Vec<(String, String)>)>;

pub(crate) fn type_groups(t: Tr) -> TypeGroups {
    AgreementCategory::ALL
        .iter()
        .map(|&c| {
            let types = AgreementType::ALL
                .iter()
                .filter(|a| a.category() == c)
                .map(|a| (a.key().to_owned(), agreement_type_label(t, *a)))
                .collect();
            (agreement_category_label(t, c), types)
        })
        .collect()
}

#[derive(Template)]
#[template(path = "agreement_form.html")]
struct AgreementFormPage {
    l: Layout,
    profile_id: String,
    profile_title: String,
    /// Partners met through this profile's introductions: (org id, name).
    introduced: Vec<(String, String)>,
    /// Other organisations the actor may name as partner.
    others: Vec<(String, String)>,
    types: TypeGroups,
    /// The introduction the agreement came from (hidden field), and its partner's name.
    interest_id: String,
    interest_partner: String,
    f: FormState,
}

/// Query of the agreement form.
#[derive(Debug, Default, Deserialize)]
pub struct AgreementQuery {
    #[serde(default)]
    interest: Option<String>,
}

/// The agreement form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AgreementForm {
    _csrf: String,
    agreement_type: String,
    signed_on: String,
    partner_org: String,
    interest_id: String,
    summary: String,
}

impl AgreementForm {
    fn draft(&self) -> AgreementDraft {
        AgreementDraft {
            agreement_type: self.agreement_type.clone(),
            signed_on: self.signed_on.clone(),
            summary: super::non_empty(&self.summary),
        }
    }

    fn state(&self, t: Tr, profile: ProfileId) -> FormState {
        let mut f = FormState::new(t, format!("/profiles/{profile}/agreements/new"));
        f.cancel = format!("/profiles/{profile}");
        f.set("agreement_type", &self.agreement_type)
            .set("signed_on", &self.signed_on)
            .set("partner_org", &self.partner_org)
            .set("interest_id", &self.interest_id)
            .set("summary", &self.summary);
        f
    }
}

/// The introduced interests in a profile that the actor can see: all of them for its authors
/// and brokers, their own organisations' for everyone else.
async fn introduced_interests(state: &AppState, ctx: &Ctx, view: &ProfileView) -> Result<Vec<InterestView>, PageError> {
    let all = if view.is_author || view.is_broker {
        interests::for_profile(&state.app, &ctx.actor, view.profile.id).await.map_err(|e| ctx.fail(e))?
    } else {
        mine_in_profile(state, ctx, view.profile.id).await?
    };
    Ok(all.into_iter().filter(|i| i.interest.state == InterestState::Introduced).collect())
}

/// The interests the actor's own organisations sent about one profile.
async fn mine_in_profile(state: &AppState, ctx: &Ctx, profile: ProfileId) -> Result<Vec<InterestView>, PageError> {
    let mut out = Vec::new();
    for org in own_orgs(&ctx.actor) {
        let list = interests::sent_by_org(&state.app, &ctx.actor, org).await.map_err(|e| ctx.fail(e))?;
        out.extend(list.into_iter().filter(|i| i.profile_id == profile));
    }
    Ok(out)
}

async fn agreement_form_page(
    state: &AppState,
    ctx: &Ctx,
    profile_id: ProfileId,
    f: FormState,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let view = profiles::view(&state.app, &ctx.actor, profile_id).await.map_err(|e| ctx.fail(e))?;
    let introduced_interests = introduced_interests(state, ctx, &view).await?;
    let mut introduced: Vec<(String, String)> = Vec::new();
    for i in &introduced_interests {
        let entry = (i.from_org_id.to_string(), i.from_org_name.clone());
        if !introduced.contains(&entry) {
            introduced.push(entry);
        }
    }
    let owner = view.profile.owner_org_id;
    let others = profiles::owners_for(&state.app, &ctx.actor)
        .await
        .map_err(|e| ctx.fail(e))?
        .into_iter()
        .filter(|o| o.id != owner && !introduced.iter().any(|(id, _)| *id == o.id.to_string()))
        .map(|o| (o.id.to_string(), o.name))
        .collect();
    let interest_id = f.val("interest_id").to_owned();
    let interest_partner =
        introduced_interests.iter().find(|i| i.interest.id.to_string() == interest_id).map(|i| i.from_org_name.clone()).unwrap_or_default();
    let page = AgreementFormPage {
        l: Layout::new(ctx, t.get("agreement-form-title")),
        profile_id: profile_id.to_string(),
        profile_title: view.profile.content.title.clone(),
        introduced,
        others,
        types: type_groups(t),
        interest_id: if interest_partner.is_empty() { String::new() } else { interest_id },
        interest_partner,
        f,
    };
    render(t, status, &page)
}

/// `GET /profiles/{id}/agreements/new[?interest={id}]`.
pub async fn agreement_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(query): Query<AgreementQuery>,
) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: ProfileId = parse_id(ctx.t, &id)?;
    let mut form = AgreementForm { signed_on: Utc::now().date_naive().to_string(), ..Default::default() };
    if let Some(interest) = query.interest.as_deref().and_then(|i| i.parse::<InterestId>().ok()) {
        let view = profiles::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
        if let Some(i) = introduced_interests(&state, &ctx, &view).await?.into_iter().find(|i| i.interest.id == interest) {
            form.interest_id = interest.to_string();
            form.partner_org = i.from_org_id.to_string();
        }
    }
    agreement_form_page(&state, &ctx, id, form.state(ctx.t, id), StatusCode::OK).await
}

/// `POST /profiles/{id}/agreements/new`.
pub async fn record(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<AgreementForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: ProfileId = parse_id(ctx.t, &id)?;
    let interest = match form.interest_id.trim() {
        "" => Ok(None),
        raw => raw.parse::<InterestId>().map(Some),
    };
    let result = match (form.partner_org.trim().parse::<OrgId>(), interest) {
        (Ok(partner), Ok(mut interest)) => {
            // An agreement with a partner introduced through this profile names that
            // introduction, even when the form was opened without it.
            if interest.is_none() {
                let view = profiles::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
                interest =
                    introduced_interests(&state, &ctx, &view).await?.into_iter().find(|i| i.from_org_id == partner).map(|i| i.interest.id);
            }
            agreements::record(&state.app, &ctx.actor, id, partner, interest, &form.draft()).await
        }
        (partner, interest) => {
            let mut errors = ValidationErrors::default();
            if partner.is_err() {
                errors.add("partner_org", "required", "choose the partner organisation");
            }
            if interest.is_err() {
                errors.add("interest_id", "other_interest", "this introduction is not between this profile and this partner");
            }
            if let Err(more) = form.draft().validate(Utc::now().date_naive()) {
                errors.0.extend(more.0);
            }
            Err(AppError::Invalid(errors))
        }
    };
    match result {
        Ok(agreement) => {
            ctx.flash(ctx.t.get("agreement-recorded")).await;
            Ok(see_other(&format!("/agreements/{}", agreement.id)))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(ctx.t, id).with_errors(errors);
            agreement_form_page(&state, &ctx, id, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// One agreement: details, evidence, confirmation

#[derive(Template)]
#[template(path = "agreement.html")]
struct AgreementPage {
    l: Layout,
    a: AgreementItem,
    /// The actor brokers for the profile (confirms or rejects).
    is_broker: bool,
    /// The problem with the last upload, if any.
    upload_error: String,
}

/// Finds an agreement the actor may see: through the organisations they belong to (its
/// parties), or the profiles their support organisations manage (its brokers).
async fn agreement_page(
    state: &AppState,
    ctx: &Ctx,
    id: AgreementId,
    upload_error: String,
    status: StatusCode,
) -> Result<Response, PageError> {
    require_login(ctx)?;
    let t = ctx.t;
    let (view, is_broker) = agreements::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let page = AgreementPage { l: Layout::new(ctx, t.get("agreement-title")), a: agreement_item(t, &view), is_broker, upload_error };
    render(t, status, &page)
}

/// `GET /agreements/{id}`.
pub async fn agreement(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: AgreementId = parse_id(ctx.t, &id)?;
    agreement_page(&state, &ctx, id, String::new(), StatusCode::OK).await
}

/// `POST /agreements/{id}/confirm`: the profile's support organisation confirms.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: AgreementId = parse_id(ctx.t, &id)?;
    agreements::confirm(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("agreement-confirmed")).await;
    Ok(see_other(&format!("/agreements/{id}")))
}

/// `POST /agreements/{id}/reject`.
pub async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: AgreementId = parse_id(ctx.t, &id)?;
    agreements::reject(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("agreement-rejected")).await;
    Ok(see_other(&format!("/agreements/{id}")))
}

/// `POST /agreements/{id}/evidence` (multipart: `_csrf`, `evidence`): the file's content is
/// checked by the use case (PDF, PNG or JPEG, at most 10 MB); problems are shown by the field.
pub async fn upload_evidence(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: AgreementId = parse_id(t, &id)?;
    let upload = read_upload(t, multipart).await?;
    if upload.too_large {
        return agreement_page(&state, &ctx, id, t.get("agreement-evidence-too-large"), StatusCode::PAYLOAD_TOO_LARGE).await;
    }
    ctx.check_csrf(&upload.token)?;
    match agreements::attach_evidence(&state.app, &ctx.actor, id, &upload.file_name, upload.bytes).await {
        Ok(_) => {
            ctx.flash(t.get("agreement-evidence-uploaded")).await;
            Ok(see_other(&format!("/agreements/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            let message = FormState::new(t, "").with_errors(errors).err("evidence");
            agreement_page(&state, &ctx, id, message, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// Characters left as they are in `filename*` (RFC 8187 attr-char, conservatively).
const ATTR_CHAR: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback for old clients and the
/// exact name percent-encoded.
pub fn content_disposition(file_name: &str) -> String {
    let fallback: String =
        file_name.chars().map(|c| if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '%' | ';') || c == ' ' { c } else { '_' }).collect();
    let encoded = percent_encoding::utf8_percent_encode(file_name, ATTR_CHAR);
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

/// `GET /evidence/{id}`: the file, for the parties and brokers only (the use case checks).
pub async fn download_evidence(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: EvidenceId = parse_id(ctx.t, &id)?;
    let (file, bytes) = agreements::evidence_content(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    Ok(file_download(&file.file_name, &file.media_type, bytes))
}

// ---------------------------------------------------------------------------------------------
// Public statistics

/// One row of a count table.
pub(crate) struct CountRow {
    cells: Vec<String>,
    count: String,
}

#[derive(Template)]
#[template(path = "statistics.html")]
struct StatisticsPage {
    l: Layout,
    profiles_total: String,
    profiles: Vec<CountRow>,
    introductions_total: String,
    introductions_label: String,
    introductions: Vec<CountRow>,
    agreements_total: String,
    agreements_label: String,
    by_category: Vec<CountRow>,
    by_type: Vec<CountRow>,
    by_cities: Vec<CountRow>,
}

fn pairs(t: Tr, list: &[agreements::CityPairCount]) -> Vec<CountRow> {
    list.iter().map(|p| CountRow { cells: vec![p.owner_city.clone(), p.partner_city.clone()], count: t.number(p.count) }).collect()
}

fn statistics_page(ctx: &Ctx, s: &Statistics) -> StatisticsPage {
    let t = ctx.t;
    // Cities in name order, types in their catalogue order.
    let mut by_city: BTreeMap<&str, Vec<&agreements::ProfileCount>> = BTreeMap::new();
    for p in &s.published_profiles {
        by_city.entry(p.city.as_str()).or_default().push(p);
    }
    let mut profiles = Vec::new();
    for (city, mut counts) in by_city {
        counts.sort_by_key(|c| ProfileType::ALL.iter().position(|p| *p == c.profile_type));
        for c in counts {
            profiles.push(CountRow { cells: vec![city.to_owned(), profile_type_label(t, c.profile_type)], count: t.number(c.count) });
        }
    }
    let profiles_total: i64 = s.published_profiles.iter().map(|p| p.count).sum();
    StatisticsPage {
        l: Layout::new(ctx, t.get("statistics-title")),
        profiles_total: t.number(profiles_total),
        profiles,
        introductions_total: t.number(s.introductions),
        introductions_label: t.count("statistics-introductions-total", s.introductions),
        introductions: pairs(t, &s.introductions_by_cities),
        agreements_total: t.number(s.agreements_total),
        agreements_label: t.count("statistics-agreements-total", s.agreements_total),
        by_category: s
            .agreements_by_category
            .iter()
            .map(|(c, n)| CountRow { cells: vec![agreement_category_label(t, *c)], count: t.number(*n) })
            .collect(),
        by_type: s
            .agreements_by_type
            .iter()
            .map(|c| CountRow {
                cells: vec![agreement_category_label(t, c.category), agreement_type_label(t, c.agreement_type)],
                count: t.number(c.count),
            })
            .collect(),
        by_cities: pairs(t, &s.agreements_by_cities),
    }
}

/// `GET /statistics`: aggregate numbers only, no identities.
pub async fn statistics(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let s = agreements::statistics(&state.app).await.map_err(|e| ctx.fail(e))?;
    render(ctx.t, StatusCode::OK, &statistics_page(&ctx, &s))
}

// ---------------------------------------------------------------------------------------------
// The section of the profile page

#[derive(Template)]
#[template(path = "_profile_partnering.html")]
struct PartneringSection {
    t: Tr,
    csrf: String,
    profile_id: String,
    /// Where the buttons return to.
    here: String,
    /// The actor brokers for the profile (introduce, decline, confirm).
    is_broker: bool,
    /// The actor writes for the profile (sees every interest in it).
    sees_all: bool,
    interests: Vec<InterestItem>,
    agreements: Vec<AgreementItem>,
    /// The actor may record an agreement from this profile.
    can_record: bool,
}

/// The interests and agreements of a profile, as the profile page shows them below the
/// profile: to its authors and brokers every interest (brokers with Introduce and Decline) and
/// every agreement; to an interested organisation its own interest's state and timeline, and
/// the agreements it is party to; to anyone else (and anonymous visitors) nothing.
pub async fn partnering_section(state: &AppState, ctx: &Ctx, view: &ProfileView) -> Result<String, PageError> {
    if !ctx.logged_in() {
        return Ok(String::new());
    }
    let t = ctx.t;
    let profile_id = view.profile.id;
    let sees_all = view.is_author || view.is_broker;
    let interest_views = if sees_all {
        interests::for_profile(&state.app, &ctx.actor, profile_id).await.map_err(|e| ctx.fail(e))?
    } else {
        mine_in_profile(state, ctx, profile_id).await?
    };
    let agreement_views = match agreements::for_profile(&state.app, &ctx.actor, profile_id).await {
        Ok(list) => list,
        Err(AppError::Denied(Denied::Forbidden)) => Vec::new(),
        Err(e) => return Err(ctx.fail(e)),
    };
    if !sees_all && interest_views.is_empty() && agreement_views.is_empty() {
        return Ok(String::new());
    }
    let can_record = sees_all || interest_views.iter().any(|i| i.interest.state == InterestState::Introduced);
    let section = PartneringSection {
        t,
        csrf: ctx.csrf.clone(),
        profile_id: profile_id.to_string(),
        here: format!("/profiles/{profile_id}"),
        is_broker: view.is_broker,
        sees_all,
        interests: interest_views.into_iter().map(|v| interest_item(t, v)).collect(),
        agreements: agreement_views.iter().map(|a| agreement_item(t, a)).collect(),
        can_record,
    };
    section.render().map_err(|e| PageError::internal(t, format!("template failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_evidence_uploads_get_the_large_body_limit() {
        assert!(is_upload(&Method::POST, "/agreements/0190aa/evidence"));
        assert!(!is_upload(&Method::GET, "/agreements/0190aa/evidence"));
        assert!(!is_upload(&Method::POST, "/agreements//evidence"));
        assert!(!is_upload(&Method::POST, "/agreements/a/b/evidence"));
        assert!(!is_upload(&Method::POST, "/organisations/new"));
    }

    #[test]
    fn download_names_are_quoted_and_percent_encoded() {
        assert_eq!(
            content_disposition("Vertrag Müller \"final\".pdf"),
            "attachment; filename=\"Vertrag M_ller _final_.pdf\"; filename*=UTF-8''Vertrag%20M%C3%BCller%20%22final%22.pdf"
        );
    }

    #[test]
    fn actions_return_to_local_pages_only() {
        assert_eq!(back_to(""), "/interests");
        assert_eq!(back_to("/profiles/1"), "/profiles/1");
        assert_eq!(back_to("https://evil.example"), "/");
    }

    #[test]
    fn dates_of_signature_follow_the_language() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).expect("date");
        assert_eq!(day(Tr::new(tandem_core::account::Locale::De), date), "27. November 2026");
    }
}
