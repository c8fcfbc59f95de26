//! Partnering profiles (issue 3; ../shared/design/DOMAIN.md, "Partnering profiles"): the profile
//! page, the form for drafts, the lifecycle transitions (submit, approve, return, withdraw,
//! extend), "my profiles" and the support staff's pipeline.
//!
//! Anonymity ("the public sees country, organisation type and size, never the owner's identity")
//! is decided by the use case: the page shows the owner's name only when `owner.identity` is set.

use super::organisations::parse_id;
use super::{nace_pairs, non_empty, render, see_other, split_codes, Layout};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use std::collections::HashMap;
use tandem_app::partnering::profiles::{self, OwnerView, ProfileLine, ProfileView};
use tandem_app::AppError;
use tandem_core::account::Locale;
use tandem_core::partnering::quality::QualityProblem;
use tandem_core::partnering::{
    Action, IprStatus, PartnerSought, PartnershipType, Profile, ProfileDraft, ProfileLanguage, ProfileState, ProfileType,
    SizeBand, StageOfDevelopment, ADVANTAGES_MAX, DESCRIPTION_MAX, PARTNER_ROLE_MAX, SUMMARY_MAX, TECHNICAL_SPECIFICATION_MAX,
    TITLE_MAX,
};
use tandem_core::taxonomy::Taxonomy;
use tandem_core::validation::{FieldError, ValidationErrors};
use tandem_core::{OrgId, ProfileId};

// ---------------------------------------------------------------------------------------------
// Labels shared with the marketplace.

/// Translated label of a profile type.
pub(crate) fn type_label(t: Tr, kind: ProfileType) -> String {
    t.get(&format!("profile-type-{}", kind.slug()))
}

/// Translated label of a state.
pub(crate) fn state_label(t: Tr, state: ProfileState) -> String {
    t.get(&format!("profile-state-{}", state.key()))
}

/// Translated size band ("10–49 employees").
pub(crate) fn size_label(t: Tr, size: SizeBand) -> String {
    t.get(&format!("size-band-{}", size.key()))
}

/// Translated language name of a profile.
pub(crate) fn language_label(t: Tr, language: ProfileLanguage) -> String {
    t.get(&format!("profile-language-{}", language.key()))
}

/// Translated partnership type.
pub(crate) fn partnership_label(t: Tr, p: PartnershipType) -> String {
    t.get(&format!("partnership-{}", p.key()))
}

/// The names of the cities with ids `ids`, in their order.
fn city_names(cities: &[tandem_core::directory::City], ids: &[tandem_core::CityId]) -> Vec<String> {
    ids.iter().filter_map(|id| cities.iter().find(|c| c.id == *id).map(|c| c.name.clone())).collect()
}

/// A country's name where we have one (the partner cities' countries), else its code.
pub(crate) fn country_name(t: Tr, code: &str) -> String {
    let key = format!("country-{}", code.to_ascii_lowercase());
    if Tr::has(t.locale, &key) { t.get(&key) } else { code.to_owned() }
}

/// A keyword's label in the reader's language (the code if the taxonomy lost it).
pub(crate) fn keyword_label(t: Tr, taxonomy: &Taxonomy, code: &str) -> String {
    match taxonomy.get(code) {
        Some(e) if t.locale == Locale::De => e.label_de.clone(),
        Some(e) => e.label_en.clone(),
        None => code.to_owned(),
    }
}

/// The owner as the reader may see it: name and link only when `identity` is set.
pub(crate) struct OwnerBox {
    /// (organisation id, name) when the reader may know who it is.
    pub identity: Option<(String, String)>,
    /// "An organisation in Leipzig, Germany".
    pub intro: String,
    /// Kind of organisation.
    pub kind: String,
    /// Size band.
    pub size: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: String,
}

impl OwnerBox {
    pub(crate) fn new(t: Tr, owner: &OwnerView) -> OwnerBox {
        let country = country_name(t, &owner.city.country);
        OwnerBox {
            identity: owner.identity.as_ref().map(|(id, name, _)| (id.to_string(), name.clone())),
            intro: t.with("profile-owner-anonymous", "city", format!("{}, {}", owner.city.name, country)),
            kind: super::kind_label(t, owner.kind),
            size: size_label(t, owner.size),
            city: owner.city.name.clone(),
            country,
        }
    }
}

/// The message for a problem in the reader's language. Lifecycle refusals and the profile
/// form's own codes have profile-specific texts; English readers otherwise get the use case's
/// detailed message, German readers the translated text for the code.
fn error_text(t: Tr, e: &FieldError) -> String {
    const TRANSITION_CODES: [&str; 6] =
        ["wrong_state", "already_extended", "outside_extension_window", "invalid_extension_length", "not_editable", "conflict"];
    let key = format!("profile-error-{}", e.code);
    if (t.locale == Locale::De || TRANSITION_CODES.contains(&e.code)) && Tr::has(t.locale, &key) {
        return t.get(&key);
    }
    let general = format!("validation-{}", e.code);
    if t.locale == Locale::De && Tr::has(t.locale, &general) {
        return t.get(&general);
    }
    e.message.clone()
}

/// The fields of the profile form (ids `field-<name>`), in form order.
const FORM_FIELDS: [&str; 27] = [
    "owner_org_id",
    "support_org_id",
    "profile_type",
    "language",
    "title",
    "summary",
    "description",
    "partner_role",
    "advantages",
    "technical_specification",
    "stage_of_development",
    "ipr_status",
    "keywords_market",
    "keywords_technology",
    "nace_codes",
    "sdgs",
    "partnership_types",
    "partner_sought",
    "target_countries",
    "target_cities",
    "call_programme",
    "call_identifier",
    "call_eoi_deadline",
    "call_deadline",
    "call_budget",
    "call_coordinator_required",
    "call_duration_months",
];

fn is_form_field(field: &str) -> bool {
    FORM_FIELDS.contains(&field)
}

/// Translated label of a form field.
fn field_label(t: Tr, field: &str) -> String {
    if is_form_field(field) { t.get(&format!("profile-field-{field}")) } else { String::new() }
}

fn day(t: Tr, date: NaiveDate) -> String {
    t.date(&date.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc())
}

// ---------------------------------------------------------------------------------------------
// The profile page.

/// A problem in the list at the top of the page or in the quality box.
pub(crate) struct ProblemItem {
    /// Link to the field in the edit form, if the problem concerns one.
    href: Option<String>,
    /// The field's label.
    field: String,
    /// What to do.
    message: String,
    /// The offending text.
    found: Option<String>,
}

pub(crate) struct EventItem {
    label: String,
    state: String,
    who: String,
    when: String,
    comment: Option<String>,
}

pub(crate) struct CallView {
    programme: Option<String>,
    identifier: Option<String>,
    eoi_deadline: Option<String>,
    call_deadline: Option<String>,
    budget: Option<String>,
    coordinator_required: bool,
    duration: Option<String>,
}

pub(crate) struct ProfilePageView {
    id: String,
    type_slug: &'static str,
    type_label: String,
    title: String,
    lang: &'static str,
    language_label: String,
    summary: Option<String>,
    description: Option<String>,
    partner_role: Option<String>,
    advantages: Option<String>,
    technical_specification: Option<String>,
    stage: Option<String>,
    ipr: Option<String>,
    markets: Vec<(String, String)>,
    technologies: Vec<(String, String)>,
    sectors: Vec<(String, String)>,
    sdgs: Vec<(u8, String)>,
    partnerships: Vec<String>,
    partner_sought: Vec<String>,
    target_countries: Vec<String>,
    target_cities: Vec<String>,
    call: Option<CallView>,
    owner: OwnerBox,
    support: Option<(String, String)>,
    state_key: &'static str,
    state_label: String,
    published: Option<String>,
    expires: Option<String>,
    expired: bool,
    extended: bool,
    review_comments: Option<String>,
    can_edit: bool,
    can_submit: bool,
    can_withdraw: bool,
    can_extend: bool,
    can_review: bool,
    show_quality: bool,
    show_interest: bool,
    /// R&D and technology requests list research partners too.
    show_research_partners: bool,
    problems: Vec<ProblemItem>,
    events: Vec<EventItem>,
}

/// What a failed action leaves on the re-rendered page.
#[derive(Default)]
pub(crate) struct ActionOutcome {
    /// Heading of the error summary.
    heading: String,
    /// Problems for the error summary.
    errors: Vec<ProblemItem>,
    /// Message next to the return comments.
    comments_error: String,
    /// Typed return comments.
    comments: String,
    /// Typed approval comment.
    comment: String,
    /// Message next to the extension days.
    days_error: String,
    /// Typed days.
    days: String,
}

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    l: Layout,
    v: ProfilePageView,
    o: ActionOutcome,
    /// The interests and agreements section, rendered by the brokerage pages (already escaped).
    partnering: String,
}

fn problem_item(t: Tr, id: ProfileId, p: &QualityProblem) -> ProblemItem {
    let key = format!("profile-quality-{}", p.code);
    ProblemItem {
        href: is_form_field(p.field).then(|| format!("/profiles/{id}/edit#field-{}", p.field)),
        field: field_label(t, p.field),
        message: if Tr::has(t.locale, &key) { t.get(&key) } else { p.message() },
        found: p.found.clone(),
    }
}

fn error_item(t: Tr, id: ProfileId, e: &FieldError) -> ProblemItem {
    let field = e.field.as_str();
    let key = format!("profile-quality-{}", e.code);
    let (href, message) = if is_form_field(field) {
        let message = if Tr::has(t.locale, &key) { t.get(&key) } else { error_text(t, e) };
        (Some(format!("/profiles/{id}/edit#field-{field}")), message)
    } else if field == "comments" {
        (Some("#comments".to_owned()), comments_error(t, e))
    } else if field == "days" {
        (Some("#days".to_owned()), error_text(t, e))
    } else {
        (None, error_text(t, e))
    };
    ProblemItem { href, field: field_label(t, field), message, found: None }
}

/// The problem with the review comments, in words of the review form.
fn comments_error(t: Tr, e: &FieldError) -> String {
    if e.code == "required" { t.get("profile-comments-required") } else { error_text(t, e) }
}

fn page_view(state: &AppState, t: Tr, logged_in: bool, view: &ProfileView, cities: &[tandem_core::directory::City]) -> ProfilePageView {
    let p = &view.profile;
    let c = &p.content;
    let now = Utc::now();
    let keywords = state.app.keywords();
    let life = &p.lifecycle;
    let call = (c.profile_type == ProfileType::ResearchRequest).then(|| CallView {
        programme: c.call.programme.clone(),
        identifier: c.call.call_identifier.clone(),
        eoi_deadline: c.call.eoi_deadline.map(|d| day(t, d)),
        call_deadline: c.call.call_deadline.map(|d| day(t, d)),
        budget: c.call.budget.clone(),
        coordinator_required: c.call.coordinator_required,
        duration: c.call.duration_months.map(|m| m.to_string()),
    });
    let events = view
        .events
        .iter()
        .map(|e| {
            let key = format!("profile-event-{}", e.action);
            EventItem {
                label: if Tr::has(t.locale, &key) { t.get(&key) } else { e.action.clone() },
                state: state_label(t, e.state),
                who: e.actor_name.clone().unwrap_or_else(|| t.get("profile-timeline-by-system")),
                when: t.date_time(&e.at, &view.owner.city.time_zone),
                comment: e.comment.clone(),
            }
        })
        .collect();
    ProfilePageView {
        id: p.id.to_string(),
        type_slug: c.profile_type.slug(),
        type_label: type_label(t, c.profile_type),
        title: c.title.clone(),
        lang: c.language.key(),
        language_label: language_label(t, c.language),
        summary: c.summary.clone(),
        description: c.description.clone(),
        partner_role: c.partner_role.clone(),
        advantages: c.advantages.clone(),
        technical_specification: c.technical_specification.clone(),
        stage: c.stage_of_development.map(|s| t.get(&format!("stage-{}", s.key()))),
        ipr: c.ipr_status.map(|s| t.get(&format!("ipr-{}", s.key()))),
        markets: c.keywords_market.iter().map(|k| (k.clone(), keyword_label(t, &keywords.markets, k))).collect(),
        technologies: c.keywords_technology.iter().map(|k| (k.clone(), keyword_label(t, &keywords.technologies, k))).collect(),
        sectors: nace_pairs(t, state.app.nace(), &c.nace_codes),
        sdgs: c.sdgs.iter().map(|n| (*n, t.get(&format!("sdg-{n}")))).collect(),
        partnerships: c.partnership_types.iter().map(|p| partnership_label(t, *p)).collect(),
        partner_sought: c.partner_sought.iter().map(|p| t.get(&format!("partner-sought-{}", p.key()))).collect(),
        target_countries: c.target_countries.iter().map(|code| country_name(t, code)).collect(),
        target_cities: city_names(cities, &c.target_cities),
        call,
        owner: OwnerBox::new(t, &view.owner),
        support: view.support.as_ref().map(|(id, name)| (id.to_string(), name.clone())),
        state_key: life.state.key(),
        state_label: state_label(t, life.state),
        published: life.published_at.map(|d| t.date(&d)),
        expires: life.expires_at.map(|d| t.date(&d)),
        expired: life.expires_at.is_some_and(|d| d <= now),
        extended: life.extended,
        review_comments: (view.is_author && life.state == ProfileState::Returned).then(|| p.review_comments.clone()).flatten(),
        can_edit: view.can_edit(),
        can_submit: view.can(Action::Submit, now),
        can_withdraw: view.can(Action::Withdraw, now),
        can_extend: view.can(Action::Extend { days: 365 }, now),
        can_review: view.can(Action::Approve, now),
        show_quality: view.can_edit(),
        show_interest: logged_in && !view.is_author && life.state == ProfileState::Published,
        show_research_partners: matches!(c.profile_type, ProfileType::ResearchRequest | ProfileType::TechnologyRequest),
        problems: view.problems.iter().map(|q| problem_item(t, p.id, q)).collect(),
        events,
    }
}

async fn profile_page(state: &AppState, ctx: &Ctx, id: ProfileId, status: StatusCode, outcome: ActionOutcome) -> Result<Response, PageError> {
    let t = ctx.t;
    let view = profiles::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let partnering = super::brokerage::partnering_section(state, ctx, &view).await?;
    let cities = tandem_app::directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
    let v = page_view(state, t, ctx.logged_in(), &view, &cities);
    let title = v.title.clone();
    render(t, status, &ProfilePage { l: Layout::new(ctx, title), v, o: outcome, partnering })
}

/// `GET /profiles/{id}`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: ProfileId = parse_id(ctx.t, &id)?;
    profile_page(&state, &ctx, id, StatusCode::OK, ActionOutcome::default()).await
}

// ---------------------------------------------------------------------------------------------
// Transitions.

/// Every lifecycle form: the token plus what the action takes.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TransitionForm {
    _csrf: String,
    /// Approval comment (optional).
    comment: String,
    /// Return comments (required).
    comments: String,
    /// Extension in days.
    days: String,
}

/// After a transition: the profile page with a notice, or the page again with what went wrong.
async fn after_transition(
    state: &AppState,
    ctx: &Ctx,
    id: ProfileId,
    result: Result<Profile, AppError>,
    done_key: &'static str,
    mut outcome: ActionOutcome,
) -> Result<Response, PageError> {
    let t = ctx.t;
    match result {
        Ok(_) => {
            ctx.flash(t.get(done_key)).await;
            Ok(see_other(&format!("/profiles/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            outcome.heading = t.get("profile-action-failed");
            if let Some(e) = errors.for_field("comments") {
                outcome.comments_error = comments_error(t, e);
            }
            if let Some(e) = errors.for_field("days") {
                outcome.days_error = error_text(t, e);
            }
            outcome.errors = errors.0.iter().map(|e| error_item(t, id, e)).collect();
            profile_page(state, ctx, id, StatusCode::UNPROCESSABLE_ENTITY, outcome).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /profiles/{id}/submit`: on quality problems, the page again (422) with the problems,
/// each linking to its field in the edit form.
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<TransitionForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: ProfileId = parse_id(ctx.t, &id)?;
    let result = profiles::submit(&state.app, &ctx.actor, id).await;
    let quality_failed = matches!(&result, Err(AppError::Invalid(errors)) if errors.0.iter().any(|e| e.field != "state"));
    if quality_failed {
        let t = ctx.t;
        // The page lists the current problems (with what was found); the summary repeats them.
        let view = profiles::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
        let errors = match &result {
            Err(AppError::Invalid(errors)) if view.problems.is_empty() => errors.0.iter().map(|e| error_item(t, id, e)).collect(),
            _ => view.problems.iter().map(|p| problem_item(t, id, p)).collect(),
        };
        let outcome = ActionOutcome { heading: t.get("profile-cannot-submit"), errors, ..ActionOutcome::default() };
        let partnering = super::brokerage::partnering_section(&state, &ctx, &view).await?;
        let cities = tandem_app::directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
        let v = page_view(&state, t, ctx.logged_in(), &view, &cities);
        let title = v.title.clone();
        return render(t, StatusCode::UNPROCESSABLE_ENTITY, &ProfilePage { l: Layout::new(&ctx, title), v, o: outcome, partnering });
    }
    after_transition(&state, &ctx, id, result, "profile-submitted", ActionOutcome::default()).await
}

/// `POST /profiles/{id}/approve` (optional comment).
pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<TransitionForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: ProfileId = parse_id(ctx.t, &id)?;
    let comment = non_empty(&form.comment);
    let result = profiles::approve(&state.app, &ctx.actor, id, comment.as_deref().map(str::trim)).await;
    let outcome = ActionOutcome { comment: form.comment.clone(), ..ActionOutcome::default() };
    after_transition(&state, &ctx, id, result, "profile-approved", outcome).await
}

/// `POST /profiles/{id}/return` (comments required).
pub async fn return_for_changes(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<TransitionForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: ProfileId = parse_id(ctx.t, &id)?;
    let result = profiles::return_for_changes(&state.app, &ctx.actor, id, &form.comments).await;
    let outcome = ActionOutcome { comments: form.comments.clone(), ..ActionOutcome::default() };
    after_transition(&state, &ctx, id, result, "profile-returned", outcome).await
}

/// `POST /profiles/{id}/withdraw` (the page asks for confirmation first, in a `<details>`).
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<TransitionForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: ProfileId = parse_id(ctx.t, &id)?;
    let result = profiles::withdraw(&state.app, &ctx.actor, id).await;
    after_transition(&state, &ctx, id, result, "profile-withdrawn", ActionOutcome::default()).await
}

/// `POST /profiles/{id}/extend` (days, 365 when left empty).
pub async fn extend(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<TransitionForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let id: ProfileId = parse_id(t, &id)?;
    let raw = form.days.trim();
    let days = if raw.is_empty() { Some(365) } else { raw.parse::<i64>().ok() };
    let Some(days) = days else {
        let outcome = ActionOutcome {
            heading: t.get("profile-action-failed"),
            errors: vec![ProblemItem { href: Some("#days".into()), field: String::new(), message: t.get("profile-days-invalid"), found: None }],
            days_error: t.get("profile-days-invalid"),
            days: form.days.clone(),
            ..ActionOutcome::default()
        };
        return profile_page(&state, &ctx, id, StatusCode::UNPROCESSABLE_ENTITY, outcome).await;
    };
    let result = profiles::extend(&state.app, &ctx.actor, id, days).await;
    let outcome = ActionOutcome { days: form.days.clone(), ..ActionOutcome::default() };
    after_transition(&state, &ctx, id, result, "profile-extended", outcome).await
}

// ---------------------------------------------------------------------------------------------
// The form.

/// The profile form as posted (repeated keys for the multi-valued fields).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    _csrf: String,
    version: String,
    owner_org_id: String,
    support_org_id: String,
    profile_type: String,
    language: String,
    title: String,
    summary: String,
    description: String,
    partner_role: String,
    advantages: String,
    technical_specification: String,
    stage_of_development: String,
    ipr_status: String,
    keywords_market: Vec<String>,
    keywords_technology: Vec<String>,
    nace_codes: String,
    sdgs: Vec<String>,
    partnership_types: Vec<String>,
    partner_sought: Vec<String>,
    target_countries: String,
    target_cities: Vec<String>,
    call_programme: String,
    call_identifier: String,
    call_eoi_deadline: String,
    call_deadline: String,
    call_budget: String,
    call_coordinator_required: String,
    call_duration_months: String,
}

impl ProfileForm {
    fn draft(&self) -> ProfileDraft {
        ProfileDraft {
            profile_type: self.profile_type.clone(),
            language: self.language.clone(),
            title: self.title.clone(),
            summary: non_empty(&self.summary),
            description: non_empty(&self.description),
            partner_role: non_empty(&self.partner_role),
            advantages: non_empty(&self.advantages),
            technical_specification: non_empty(&self.technical_specification),
            stage_of_development: non_empty(&self.stage_of_development),
            ipr_status: non_empty(&self.ipr_status),
            keywords_market: self.keywords_market.clone(),
            keywords_technology: self.keywords_technology.clone(),
            nace_codes: split_codes(&self.nace_codes),
            sdgs: self.sdgs.clone(),
            partnership_types: self.partnership_types.clone(),
            partner_sought: self.partner_sought.clone(),
            target_countries: split_codes(&self.target_countries),
            target_cities: self.target_cities.clone(),
            call_programme: non_empty(&self.call_programme),
            call_identifier: non_empty(&self.call_identifier),
            call_eoi_deadline: non_empty(&self.call_eoi_deadline),
            call_deadline: non_empty(&self.call_deadline),
            call_budget: non_empty(&self.call_budget),
            call_coordinator_required: matches!(self.call_coordinator_required.as_str(), "on" | "true" | "1" | "yes"),
            call_duration_months: non_empty(&self.call_duration_months),
        }
    }

    fn from_profile(p: &Profile) -> ProfileForm {
        let d = ProfileDraft::from(&p.content);
        let o = |v: Option<String>| v.unwrap_or_default();
        ProfileForm {
            _csrf: String::new(),
            version: p.version.to_string(),
            owner_org_id: p.owner_org_id.to_string(),
            support_org_id: p.support_org_id.map(|s| s.to_string()).unwrap_or_default(),
            profile_type: d.profile_type,
            language: d.language,
            title: d.title,
            summary: o(d.summary),
            description: o(d.description),
            partner_role: o(d.partner_role),
            advantages: o(d.advantages),
            technical_specification: o(d.technical_specification),
            stage_of_development: o(d.stage_of_development),
            ipr_status: o(d.ipr_status),
            keywords_market: d.keywords_market,
            keywords_technology: d.keywords_technology,
            nace_codes: d.nace_codes.join(", "),
            sdgs: d.sdgs,
            partnership_types: d.partnership_types,
            partner_sought: d.partner_sought,
            target_countries: d.target_countries.join(", "),
            target_cities: d.target_cities,
            call_programme: o(d.call_programme),
            call_identifier: o(d.call_identifier),
            call_eoi_deadline: o(d.call_eoi_deadline),
            call_deadline: o(d.call_deadline),
            call_budget: o(d.call_budget),
            call_coordinator_required: if d.call_coordinator_required { "on".into() } else { String::new() },
            call_duration_months: o(d.call_duration_months),
        }
    }

    fn support(&self) -> Option<OrgId> {
        self.support_org_id.trim().parse().ok()
    }
}

/// One option of a select or a checkbox group.
pub(crate) struct Opt {
    value: String,
    label: String,
    selected: bool,
}

/// A group of options (`<optgroup>`).
pub(crate) struct OptGroup {
    label: String,
    options: Vec<Opt>,
}

/// A text input or text area.
pub(crate) struct TextField {
    name: &'static str,
    label: String,
    hint: String,
    rows: u8,
    value: String,
    error: String,
    required: bool,
}

pub(crate) struct ProfileFormView {
    action: String,
    cancel: String,
    version: String,
    is_new: bool,
    owner_name: String,
    owner_options: Vec<Opt>,
    support_options: Vec<Opt>,
    support_none_selected: bool,
    type_options: Vec<Opt>,
    language_options: Vec<Opt>,
    texts: Vec<TextField>,
    stage_options: Vec<Opt>,
    ipr_options: Vec<Opt>,
    market_groups: Vec<OptGroup>,
    technology_groups: Vec<OptGroup>,
    nace_codes: String,
    sdg_options: Vec<Opt>,
    partnership_options: Vec<Opt>,
    sought_options: Vec<Opt>,
    target_countries: String,
    city_options: Vec<Opt>,
    calls: Vec<TextField>,
    coordinator_required: bool,
    errors: HashMap<String, String>,
    /// (link to the field, message) for the summary at the top.
    summary: Vec<(Option<String>, String)>,
}

impl ProfileFormView {
    /// The problem with `field`, or "".
    fn err(&self, field: &str) -> &str {
        self.errors.get(field).map(String::as_str).unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "profile_form.html")]
struct ProfileFormPage {
    l: Layout,
    f: ProfileFormView,
}

fn options<T: Copy + PartialEq>(all: &[T], label: impl Fn(T) -> String, key: impl Fn(T) -> &'static str, chosen: &[String]) -> Vec<Opt> {
    all.iter()
        .map(|v| Opt { value: key(*v).to_owned(), label: label(*v), selected: chosen.iter().any(|c| c.trim() == key(*v)) })
        .collect()
}

fn groups(t: Tr, taxonomy: &Taxonomy, chosen: &[String]) -> Vec<OptGroup> {
    let label = |e: &tandem_core::taxonomy::TaxonomyEntry| if t.locale == Locale::De { e.label_de.clone() } else { e.label_en.clone() };
    taxonomy
        .groups()
        .map(|g| OptGroup {
            label: label(g),
            options: taxonomy
                .children(&g.code)
                .map(|e| Opt { value: e.code.clone(), label: label(e), selected: chosen.iter().any(|c| c == &e.code) })
                .collect(),
        })
        .filter(|g| !g.options.is_empty())
        .collect()
}

struct FormSetup<'a> {
    action: String,
    cancel: String,
    is_new: bool,
    owner_name: String,
    owners: &'a [tandem_core::directory::Organisation],
    supports: &'a [tandem_core::directory::Organisation],
    cities: &'a [tandem_core::directory::City],
}

fn form_view(state: &AppState, t: Tr, setup: FormSetup<'_>, form: &ProfileForm, errors: &ValidationErrors, extra: Option<String>) -> ProfileFormView {
    let mut messages: HashMap<String, String> = HashMap::new();
    let mut summary = Vec::new();
    if let Some(message) = extra {
        summary.push((None, message));
    }
    for e in &errors.0 {
        let text = error_text(t, e);
        let field = e.field.as_str();
        if is_form_field(field) {
            messages.entry(field.to_owned()).or_insert_with(|| text.clone());
            summary.push((Some(format!("#field-{field}")), format!("{}: {text}", field_label(t, field))));
        } else {
            summary.push((None, text));
        }
    }
    let chosen = |v: &str| vec![v.to_owned()];
    let text = |name: &'static str, value: &str, rows: u8, max: Option<usize>, hint: Option<String>, required: bool| {
        let mut hints: Vec<String> = Vec::new();
        if let Some(max) = max {
            hints.push(t.count("profile-hint-max-chars", max as i64));
        }
        hints.extend(hint);
        TextField {
            name,
            label: field_label(t, name),
            hint: hints.join(" "),
            rows,
            value: value.to_owned(),
            error: messages.get(name).cloned().unwrap_or_default(),
            required,
        }
    };
    let anonymous = Some(t.get("profile-hint-anonymous"));
    let texts = vec![
        text("title", &form.title, 1, Some(TITLE_MAX), anonymous.clone(), true),
        text("summary", &form.summary, 4, Some(SUMMARY_MAX), None, false),
        text("description", &form.description, 10, Some(DESCRIPTION_MAX), anonymous, false),
        text("partner_role", &form.partner_role, 6, Some(PARTNER_ROLE_MAX), None, false),
        text("advantages", &form.advantages, 6, Some(ADVANTAGES_MAX), Some(t.get("profile-hint-advantages")), false),
        text(
            "technical_specification",
            &form.technical_specification,
            6,
            Some(TECHNICAL_SPECIFICATION_MAX),
            Some(t.get("profile-hint-technical-specification")),
            false,
        ),
    ];
    let calls = vec![
        text("call_programme", &form.call_programme, 1, None, None, false),
        text("call_identifier", &form.call_identifier, 1, None, None, false),
        text("call_eoi_deadline", &form.call_eoi_deadline, 0, None, Some(t.get("profile-hint-date")), false),
        text("call_deadline", &form.call_deadline, 0, None, Some(t.get("profile-hint-date")), false),
        text("call_budget", &form.call_budget, 1, None, None, false),
        text("call_duration_months", &form.call_duration_months, 1, None, None, false),
    ];
    let keywords = state.app.keywords();
    let org_options = |orgs: &[tandem_core::directory::Organisation], chosen: &str| {
        orgs.iter().map(|o| Opt { value: o.id.to_string(), label: o.name.clone(), selected: o.id.to_string() == chosen.trim() }).collect::<Vec<_>>()
    };
    let sdg_keys: Vec<String> = (1..=17).map(|n: u8| n.to_string()).collect();
    ProfileFormView {
        action: setup.action,
        cancel: setup.cancel,
        version: if form.version.is_empty() { "0".into() } else { form.version.clone() },
        is_new: setup.is_new,
        owner_name: setup.owner_name,
        owner_options: org_options(setup.owners, &form.owner_org_id),
        support_options: org_options(setup.supports, &form.support_org_id),
        support_none_selected: form.support_org_id.trim().is_empty(),
        type_options: options(ProfileType::ALL, |v| type_label(t, v), ProfileType::key, &chosen(&form.profile_type.to_ascii_uppercase())),
        language_options: options(ProfileLanguage::ALL, |v| language_label(t, v), ProfileLanguage::key, &chosen(&form.language)),
        texts,
        stage_options: options(
            StageOfDevelopment::ALL,
            |v| t.get(&format!("stage-{}", v.key())),
            StageOfDevelopment::key,
            &chosen(&form.stage_of_development),
        ),
        ipr_options: options(IprStatus::ALL, |v| t.get(&format!("ipr-{}", v.key())), IprStatus::key, &chosen(&form.ipr_status)),
        market_groups: groups(t, &keywords.markets, &form.keywords_market),
        technology_groups: groups(t, &keywords.technologies, &form.keywords_technology),
        nace_codes: form.nace_codes.clone(),
        sdg_options: sdg_keys
            .iter()
            .map(|n| Opt { value: n.clone(), label: format!("{n}. {}", t.get(&format!("sdg-{n}"))), selected: form.sdgs.contains(n) })
            .collect(),
        partnership_options: options(PartnershipType::ALL, |v| partnership_label(t, v), PartnershipType::key, &form.partnership_types),
        sought_options: options(
            PartnerSought::ALL,
            |v| t.get(&format!("partner-sought-{}", v.key())),
            PartnerSought::key,
            &form.partner_sought,
        ),
        target_countries: form.target_countries.clone(),
        city_options: setup
            .cities
            .iter()
            .map(|c| Opt { value: c.id.to_string(), label: c.name.clone(), selected: form.target_cities.iter().any(|v| v.trim() == c.id.to_string()) })
            .collect(),
        calls,
        coordinator_required: !form.call_coordinator_required.is_empty(),
        errors: messages,
        summary,
    }
}

/// Query of `/profiles/new`.
#[derive(Debug, Default, Deserialize)]
pub struct NewParams {
    #[serde(default)]
    owner: String,
}

async fn new_page(state: &AppState, ctx: &Ctx, form: &ProfileForm, errors: &ValidationErrors, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let owners = profiles::owners_for(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let (supports, _) = profiles::support_choices(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let extra = owners.is_empty().then(|| t.get("profile-no-owners"));
    let cities = tandem_app::directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
    let setup = FormSetup {
        action: "/profiles".into(),
        cancel: "/profiles/mine".into(),
        is_new: true,
        owner_name: String::new(),
        owners: &owners,
        supports: &supports,
        cities: &cities,
    };
    let f = form_view(state, t, setup, form, errors, extra);
    render(t, status, &ProfileFormPage { l: Layout::new(ctx, t.get("profile-new")), f })
}

/// `GET /profiles/new?owner=…`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Query(params): Query<NewParams>) -> Result<Response, PageError> {
    let owners = profiles::owners_for(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let (_, preselected) = profiles::support_choices(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let owner = match params.owner.trim() {
        "" if owners.len() == 1 => owners[0].id.to_string(),
        raw => raw.to_owned(),
    };
    let form = ProfileForm {
        owner_org_id: owner,
        support_org_id: preselected.map(|s| s.to_string()).unwrap_or_default(),
        language: ctx.t.locale.key().to_owned(),
        version: "0".into(),
        ..ProfileForm::default()
    };
    new_page(&state, &ctx, &form, &ValidationErrors::default(), StatusCode::OK).await
}

/// `POST /profiles`.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    axum_extra::extract::Form(form): axum_extra::extract::Form<ProfileForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let draft = form.draft();
    let Ok(owner) = form.owner_org_id.trim().parse::<OrgId>() else {
        // Report the missing owner together with every other problem of the form.
        let mut errors = draft.validate(state.app.keywords()).err().unwrap_or_default();
        errors.add("owner_org_id", "required", "choose the organisation the profile speaks for");
        return new_page(&state, &ctx, &form, &errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    match profiles::create(&state.app, &ctx.actor, owner, form.support(), &draft).await {
        Ok(profile) => {
            ctx.flash(ctx.t.get("profile-created")).await;
            Ok(see_other(&format!("/profiles/{}", profile.id)))
        }
        Err(AppError::Invalid(errors)) => new_page(&state, &ctx, &form, &errors, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => Err(ctx.fail(e)),
    }
}

async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    id: ProfileId,
    form: &ProfileForm,
    errors: &ValidationErrors,
    extra: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let (owner_name, _) = owner_name(state, ctx, id).await?;
    let (supports, _) = profiles::support_choices(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let cities = tandem_app::directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?;
    let setup = FormSetup {
        action: format!("/profiles/{id}"),
        cancel: format!("/profiles/{id}"),
        is_new: false,
        owner_name,
        owners: &[],
        supports: &supports,
        cities: &cities,
    };
    let f = form_view(state, t, setup, form, errors, extra);
    render(t, status, &ProfileFormPage { l: Layout::new(ctx, t.get("profile-edit")), f })
}

/// The owner's name for the edit form (its authors may know it).
async fn owner_name(state: &AppState, ctx: &Ctx, id: ProfileId) -> Result<(String, bool), PageError> {
    let view = profiles::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let editable = view.can_edit();
    Ok((view.owner.identity.map(|(_, name, _)| name).unwrap_or_default(), editable))
}

/// `GET /profiles/{id}/edit`.
pub async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: ProfileId = parse_id(ctx.t, &id)?;
    let profile = profiles::for_edit(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let (_, editable) = owner_name(&state, &ctx, id).await?;
    if !editable {
        ctx.flash(ctx.t.get("profile-not-editable")).await;
        return Ok(see_other(&format!("/profiles/{id}")));
    }
    let form = ProfileForm::from_profile(&profile);
    edit_page(&state, &ctx, id, &form, &ValidationErrors::default(), None, StatusCode::OK).await
}

/// `POST /profiles/{id}`: saves a draft or returned profile (version check against the form).
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    axum_extra::extract::Form(form): axum_extra::extract::Form<ProfileForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let id: ProfileId = parse_id(t, &id)?;
    let version: i64 = form.version.trim().parse().unwrap_or(-1);
    match profiles::update(&state.app, &ctx.actor, id, version, form.support(), &form.draft()).await {
        Ok(_) => {
            ctx.flash(t.get("profile-saved")).await;
            Ok(see_other(&format!("/profiles/{id}")))
        }
        Err(AppError::Invalid(errors)) => edit_page(&state, &ctx, id, &form, &errors, None, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(AppError::Conflict) => {
            let message = Some(t.get("profile-error-conflict"));
            edit_page(&state, &ctx, id, &form, &ValidationErrors::default(), message, StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// Lists.

pub(crate) struct LineItem {
    id: String,
    title: String,
    owner: String,
    type_label: String,
    state_key: &'static str,
    state_label: String,
    changed: String,
    interests: String,
    open_interests: i64,
}

fn line_items(t: Tr, lines: &[ProfileLine]) -> Vec<LineItem> {
    lines
        .iter()
        .map(|l| {
            let p = &l.profile;
            LineItem {
                id: p.id.to_string(),
                title: p.content.title.clone(),
                owner: l.owner_name.clone(),
                type_label: type_label(t, p.content.profile_type),
                state_key: p.lifecycle.state.key(),
                state_label: state_label(t, p.lifecycle.state),
                changed: t.date(&p.updated_at),
                interests: t.count("profiles-open-interests", l.open_interests),
                open_interests: l.open_interests,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "profiles_mine.html")]
struct MinePage {
    l: Layout,
    items: Vec<LineItem>,
    is_support_staff: bool,
}

/// `GET /profiles/mine`.
pub async fn mine(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let t = ctx.t;
    let lines = profiles::mine(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let page = MinePage {
        l: Layout::new(&ctx, t.get("profiles-mine-title")),
        items: line_items(t, &lines),
        is_support_staff: ctx.actor.is_support_staff() || ctx.actor.is_platform_admin(),
    };
    render(t, StatusCode::OK, &page)
}

#[derive(Template)]
#[template(path = "pipeline.html")]
struct PipelinePage {
    l: Layout,
    to_review: Vec<LineItem>,
    managed: Vec<LineItem>,
}

/// `GET /pipeline`: support staff's profiles to review and the ones they manage.
pub async fn pipeline(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    let t = ctx.t;
    let pipeline = profiles::pipeline(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    let page = PipelinePage {
        l: Layout::new(&ctx, t.get("pipeline-title")),
        to_review: line_items(t, &pipeline.to_review),
        managed: line_items(t, &pipeline.managed),
    };
    render(t, StatusCode::OK, &page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_field_and_problem_code_has_a_label_in_both_languages() {
        for locale in [Locale::En, Locale::De] {
            for field in FORM_FIELDS {
                assert!(Tr::has(locale, &format!("profile-field-{field}")), "{field} in {}", locale.key());
            }
            for code in ["required", "contact_details", "web_address", "patent_number", "owner_name", "direct_sales", "large_company_offer", "deadline_passed"] {
                assert!(Tr::has(locale, &format!("profile-quality-{code}")), "{code} in {}", locale.key());
            }
        }
    }

    #[test]
    fn lifecycle_refusals_are_translated_for_english_readers_too() {
        let e = FieldError { field: "state".into(), code: "already_extended", message: "a profile can be extended only once".into() };
        assert!(error_text(Tr::new(Locale::En), &e).contains("extended once already"));
        assert!(error_text(Tr::new(Locale::De), &e).contains("bereits einmal verlängert"));
    }
}
