//! The organisers' set-up pages: create an event, edit its details and settings, publish or
//! cancel it, its dashboard with organisers and registration questions.

use super::{after, flag, mode_choices, number, question_kind_label, registration_label, role_label, staff_orgs, state_label, when, Field, FormPage};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::organisations::parse_id;
use crate::pages::{render, see_other, CsrfOnly, FormState, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::events::{questions, roster, setup};
use tandem_app::AppError;
use tandem_core::events::event::{Event, EventDraft, SettingsDraft, COMMON_TIME_ZONES};
use tandem_core::events::{EventState, OrganiserRole, QuestionKind};
use tandem_core::{EventId, OrgId};

fn require_login(ctx: &Ctx) -> Result<(), PageError> {
    ctx.actor.user().map(drop).map_err(|d| ctx.fail(d.into()))
}

// ---------------------------------------------------------------------------------------------
// Details (create and edit)

/// The details form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DetailsForm {
    _csrf: String,
    main_org: String,
    name: String,
    description: String,
    timezone: String,
    starts_at: String,
    ends_at: String,
    venue_name: String,
    venue_address: String,
    tables: String,
}

impl DetailsForm {
    fn of(event: &Event) -> DetailsForm {
        DetailsForm {
            name: event.name.clone(),
            description: event.description.clone().unwrap_or_default(),
            timezone: event.timezone.name().to_owned(),
            starts_at: event.local(event.starts_at),
            ends_at: event.local(event.ends_at),
            venue_name: event.venue_name.clone(),
            venue_address: event.venue_address.clone().unwrap_or_default(),
            tables: event.tables.to_string(),
            ..DetailsForm::default()
        }
    }

    fn draft(&self) -> EventDraft {
        EventDraft {
            name: self.name.clone(),
            description: crate::pages::non_empty(&self.description),
            timezone: self.timezone.clone(),
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            venue_name: self.venue_name.clone(),
            venue_address: crate::pages::non_empty(&self.venue_address),
            tables: self.tables.clone(),
        }
    }

    fn state(&self, t: Tr, action: String, cancel: String) -> FormState {
        let mut f = FormState::new(t, action);
        f.cancel = cancel;
        f.set("main_org", &self.main_org)
            .set("name", &self.name)
            .set("description", &self.description)
            .set("timezone", &self.timezone)
            .set("starts_at", &self.starts_at)
            .set("ends_at", &self.ends_at)
            .set("venue_name", &self.venue_name)
            .set("venue_address", &self.venue_address)
            .set("tables", &self.tables);
        f
    }
}

fn details_fields(t: Tr, f: &FormState, orgs: Option<Vec<(String, String)>>) -> Vec<Field> {
    let mut zones: Vec<(String, String)> = COMMON_TIME_ZONES.iter().map(|z| (z.to_string(), z.to_string())).collect();
    if !f.val("timezone").is_empty() && !COMMON_TIME_ZONES.contains(&f.val("timezone")) {
        zones.push((f.val("timezone").to_owned(), f.val("timezone").to_owned()));
    }
    let mut fields = Vec::new();
    if let Some(orgs) = orgs {
        fields.push(Field::new(f, "main_org", t.get("events-field-main-org"), "select").required().options(orgs));
    }
    fields.extend([
        Field::new(f, "name", t.get("events-field-name"), "text").required(),
        Field::new(f, "description", t.get("events-field-description"), "textarea"),
        Field::new(f, "timezone", t.get("events-field-timezone"), "select").required().options(zones).hint(t.get("events-field-timezone-hint")),
        Field::new(f, "starts_at", t.get("events-field-starts-at"), "datetime-local").required().hint(t.get("events-field-local-hint")),
        Field::new(f, "ends_at", t.get("events-field-ends-at"), "datetime-local").required(),
        Field::new(f, "venue_name", t.get("events-field-venue-name"), "text").required(),
        Field::new(f, "venue_address", t.get("events-field-venue-address"), "text"),
        Field::new(f, "tables", t.get("events-field-tables"), "number").required().hint(t.get("events-field-tables-hint")),
    ]);
    fields
}

fn details_page(ctx: &Ctx, title: String, context: String, f: FormState, orgs: Option<Vec<(String, String)>>, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let fields = details_fields(t, &f, orgs);
    let page = FormPage { l: Layout::new(ctx, title), context, intro: String::new(), f, fields, submit: t.get("action-save") };
    render(t, status, &page)
}

/// `GET /events/new`.
pub async fn new_form(ctx: Ctx) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let orgs = staff_orgs(&ctx.actor);
    if orgs.is_empty() && !ctx.actor.is_platform_admin() {
        return Err(ctx.fail(tandem_core::policy::Denied::Forbidden.into()));
    }
    let form = DetailsForm {
        main_org: orgs.first().map(|o| o.0.clone()).unwrap_or_default(),
        timezone: "Europe/London".into(),
        tables: "0".into(),
        ..DetailsForm::default()
    };
    let f = form.state(t, "/events".into(), "/events".into());
    details_page(&ctx, t.get("events-new"), String::new(), f, Some(orgs), StatusCode::OK)
}

/// `POST /events`.
pub async fn create(State(state): State<AppState>, ctx: Ctx, Form(form): Form<DetailsForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let result = match form.main_org.trim().parse::<OrgId>() {
        Ok(org) => setup::create(&state.app, &ctx.actor, org, &form.draft()).await,
        Err(_) => {
            let mut errors = form.draft().validate().err().unwrap_or_default();
            errors.add("main_org", "required", "choose the organisation that organises the event");
            Err(AppError::Invalid(errors))
        }
    };
    match result {
        Ok(event) => {
            ctx.flash(t.get("events-created")).await;
            Ok(see_other(&format!("/events/{}/manage", event.id)))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(t, "/events".into(), "/events".into()).with_errors(errors);
            details_page(&ctx, t.get("events-new"), String::new(), f, Some(staff_orgs(&ctx.actor)), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `GET /events/{id}/edit`.
pub async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let d = roster::dashboard(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let f = DetailsForm::of(&d.event).state(t, format!("/events/{id}/edit"), format!("/events/{id}/manage"));
    details_page(&ctx, t.get("events-edit-title"), d.event.name, f, None, StatusCode::OK)
}

/// `POST /events/{id}/edit`.
pub async fn update(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<DetailsForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    match setup::update_details(&state.app, &ctx.actor, id, &form.draft()).await {
        Ok(_) => {
            ctx.flash(t.get("events-saved")).await;
            Ok(see_other(&format!("/events/{id}/manage")))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(t, format!("/events/{id}/edit"), format!("/events/{id}/manage")).with_errors(errors);
            details_page(&ctx, t.get("events-edit-title"), form.name.clone(), f, None, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// Settings

/// The settings form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsForm {
    _csrf: String,
    capacity: String,
    registration_open: bool,
    registration_approval: bool,
    booking_open: bool,
    request_mode: String,
    scheduling_mode: String,
    request_expiry_minutes: String,
    max_pending_requests: String,
    max_meetings: String,
    max_meetings_onsite: String,
    max_meetings_remote: String,
}

impl SettingsForm {
    fn of(e: &Event) -> SettingsForm {
        SettingsForm {
            capacity: number(e.capacity),
            registration_open: e.registration_open,
            registration_approval: e.registration_approval,
            booking_open: e.booking_open,
            request_mode: e.request_mode.key().into(),
            scheduling_mode: e.scheduling_mode.key().into(),
            request_expiry_minutes: e.request_expiry_minutes.to_string(),
            max_pending_requests: e.max_pending_requests.to_string(),
            max_meetings: number(e.max_meetings),
            max_meetings_onsite: number(e.max_meetings_onsite),
            max_meetings_remote: number(e.max_meetings_remote),
            ..SettingsForm::default()
        }
    }

    fn draft(&self) -> SettingsDraft {
        SettingsDraft {
            capacity: self.capacity.clone(),
            registration_open: self.registration_open,
            registration_approval: self.registration_approval,
            booking_open: self.booking_open,
            request_mode: self.request_mode.clone(),
            scheduling_mode: self.scheduling_mode.clone(),
            request_expiry_minutes: self.request_expiry_minutes.clone(),
            max_pending_requests: self.max_pending_requests.clone(),
            max_meetings: self.max_meetings.clone(),
            max_meetings_onsite: self.max_meetings_onsite.clone(),
            max_meetings_remote: self.max_meetings_remote.clone(),
        }
    }

    fn state(&self, t: Tr, id: EventId) -> FormState {
        let mut f = FormState::new(t, format!("/events/{id}/settings"));
        f.cancel = format!("/events/{id}/manage");
        f.set("capacity", &self.capacity)
            .set("registration_open", flag(self.registration_open))
            .set("registration_approval", flag(self.registration_approval))
            .set("booking_open", flag(self.booking_open))
            .set("request_mode", &self.request_mode)
            .set("scheduling_mode", &self.scheduling_mode)
            .set("request_expiry_minutes", &self.request_expiry_minutes)
            .set("max_pending_requests", &self.max_pending_requests)
            .set("max_meetings", &self.max_meetings)
            .set("max_meetings_onsite", &self.max_meetings_onsite)
            .set("max_meetings_remote", &self.max_meetings_remote);
        f
    }
}

fn settings_page(ctx: &Ctx, name: String, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let (request_modes, scheduling_modes) = mode_choices(t);
    let fields = vec![
        Field::new(&f, "registration_open", t.get("events-field-registration-open"), "checkbox"),
        Field::new(&f, "registration_approval", t.get("events-field-registration-approval"), "checkbox").hint(t.get("events-field-registration-approval-hint")),
        Field::new(&f, "capacity", t.get("events-field-capacity"), "number").hint(t.get("events-field-capacity-hint")),
        Field::new(&f, "booking_open", t.get("events-field-booking-open"), "checkbox"),
        Field::new(&f, "request_mode", t.get("events-field-request-mode"), "select").options(request_modes),
        Field::new(&f, "scheduling_mode", t.get("events-field-scheduling-mode"), "select").options(scheduling_modes),
        Field::new(&f, "request_expiry_minutes", t.get("events-field-request-expiry"), "number").required().hint(t.get("events-field-request-expiry-hint")),
        Field::new(&f, "max_pending_requests", t.get("events-field-max-pending"), "number").required(),
        Field::new(&f, "max_meetings", t.get("events-field-max-meetings"), "number").hint(t.get("events-field-blank-no-limit")),
        Field::new(&f, "max_meetings_onsite", t.get("events-field-max-meetings-onsite"), "number").hint(t.get("events-field-blank-no-limit")),
        Field::new(&f, "max_meetings_remote", t.get("events-field-max-meetings-remote"), "number").hint(t.get("events-field-blank-no-limit")),
    ];
    let page = FormPage { l: Layout::new(ctx, t.get("events-settings-title")), context: name, intro: String::new(), f, fields, submit: t.get("action-save") };
    render(t, status, &page)
}

/// `GET /events/{id}/settings`.
pub async fn settings_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let d = roster::dashboard(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let f = SettingsForm::of(&d.event).state(ctx.t, id);
    settings_page(&ctx, d.event.name, f, StatusCode::OK)
}

/// `POST /events/{id}/settings`.
pub async fn update_settings(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<SettingsForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    match setup::update_settings(&state.app, &ctx.actor, id, &form.draft()).await {
        Ok(_) => {
            ctx.flash(t.get("events-saved")).await;
            Ok(see_other(&format!("/events/{id}/manage")))
        }
        Err(AppError::Invalid(errors)) => {
            let d = roster::dashboard(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
            settings_page(&ctx, d.event.name, form.state(t, id).with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// Publish, cancel, organisers

/// `POST /events/{id}/publish`.
pub async fn publish(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<CsrfOnly>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let result = setup::publish(&state.app, &ctx.actor, id).await;
    after(&ctx, result, "events-published", format!("/events/{id}/manage")).await
}

/// `POST /events/{id}/cancel`.
pub async fn cancel(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<CsrfOnly>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let result = setup::cancel(&state.app, &ctx.actor, id).await;
    after(&ctx, result, "events-cancelled", format!("/events/{id}/manage")).await
}

/// The add-organiser form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OrganiserForm {
    _csrf: String,
    org: String,
}

/// `POST /events/{id}/organisers`.
pub async fn add_organiser(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<OrganiserForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let result = match form.org.trim().parse::<OrgId>() {
        Ok(org) => setup::add_supporting(&state.app, &ctx.actor, id, org).await,
        Err(_) => Err(AppError::invalid("org", "required", "choose the organisation to add")),
    };
    after(&ctx, result, "events-organiser-added", format!("/events/{id}/manage")).await
}

/// `POST /events/{id}/organisers/{org}/remove`.
pub async fn remove_organiser(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, org)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let org: OrgId = parse_id(ctx.t, &org)?;
    let result = setup::remove_supporting(&state.app, &ctx.actor, id, org).await;
    after(&ctx, result, "events-organiser-removed", format!("/events/{id}/manage")).await
}

// ---------------------------------------------------------------------------------------------
// The dashboard

/// A registration question on the dashboard.
pub(crate) struct QuestionItem {
    id: String,
    label: String,
    kind: String,
    options: String,
    required: bool,
}

#[derive(Template)]
#[template(path = "event_manage.html")]
struct ManagePage {
    l: Layout,
    id: String,
    name: String,
    when: String,
    state_key: &'static str,
    state_label: String,
    draft: bool,
    published: bool,
    counts: Vec<(&'static str, String, String)>,
    checked_in: String,
    sessions: String,
    /// (org id, name, city, role label, removable)
    organisers: Vec<(String, String, String, String, bool)>,
    candidates: Vec<(String, String)>,
    questions: Vec<QuestionItem>,
    /// The add-question form.
    q: FormState,
    /// The add-question form's fields.
    fields: Vec<Field>,
}

fn question_fields(t: Tr, f: &FormState) -> Vec<Field> {
    let kinds = super::choices(QuestionKind::ALL, QuestionKind::key, |k| question_kind_label(t, k));
    vec![
        Field::new(f, "label", t.get("events-field-question-label"), "text").required(),
        Field::new(f, "kind", t.get("events-field-question-kind"), "select").options(kinds),
        Field::new(f, "options", t.get("events-field-question-options"), "textarea").hint(t.get("events-field-question-options-hint")),
        Field::new(f, "required", t.get("events-field-question-required"), "checkbox"),
    ]
}

/// Renders the dashboard; `q` is the add-question form (with problems after a failed add).
pub(crate) async fn manage_page(state: &AppState, ctx: &Ctx, id: EventId, q: FormState, status: StatusCode) -> Result<Response, PageError> {
    require_login(ctx)?;
    let t = ctx.t;
    let d = roster::dashboard(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let candidates = setup::organiser_candidates(&state.app, &ctx.actor, id)
        .await
        .map_err(|e| ctx.fail(e))?
        .into_iter()
        .map(|(o, name)| (o.to_string(), name))
        .collect();
    let e = &d.event;
    let page = ManagePage {
        l: Layout::new(ctx, t.get("events-manage")),
        id: e.id.to_string(),
        name: e.name.clone(),
        when: when(t, e),
        state_key: e.state.key(),
        state_label: state_label(t, e.state),
        draft: e.state == EventState::Draft,
        published: e.state == EventState::Published,
        counts: d.by_state.iter().map(|(s, n)| (s.key(), registration_label(t, *s), t.number(*n))).collect(),
        checked_in: t.count("events-checked-in-count", d.checked_in),
        sessions: t.args("events-agenda-count", &[("count", (d.sessions as i64).into()), ("label", (d.slots as i64).into())]),
        organisers: d
            .organisers
            .iter()
            .map(|o| {
                (o.organiser.org_id.to_string(), o.name.clone(), o.city.clone(), role_label(t, o.organiser.role), o.organiser.role == OrganiserRole::Supporting)
            })
            .collect(),
        candidates,
        questions: d
            .questions
            .iter()
            .map(|q| QuestionItem {
                id: q.id.to_string(),
                label: q.label.clone(),
                kind: question_kind_label(t, q.kind),
                options: q.options.join(" · "),
                required: q.required,
            })
            .collect(),
        fields: question_fields(t, &q),
        q,
    };
    render(t, status, &page)
}

fn question_form_state(t: Tr, id: EventId) -> FormState {
    let mut q = FormState::new(t, format!("/events/{id}/questions"));
    q.set("kind", "text");
    q
}

/// `GET /events/{id}/manage`: the organisers' dashboard.
pub async fn manage(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: EventId = parse_id(ctx.t, &id)?;
    manage_page(&state, &ctx, id, question_form_state(ctx.t, id), StatusCode::OK).await
}

/// The add-question form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QuestionForm {
    _csrf: String,
    label: String,
    kind: String,
    options: String,
    required: bool,
}

/// `POST /events/{id}/questions`.
pub async fn add_question(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<QuestionForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let draft = tandem_core::events::registration::QuestionDraft {
        label: form.label.clone(),
        kind: form.kind.clone(),
        options: form.options.clone(),
        required: form.required,
    };
    match questions::add(&state.app, &ctx.actor, id, &draft).await {
        Ok(_) => {
            ctx.flash(t.get("events-question-added")).await;
            Ok(see_other(&format!("/events/{id}/manage#questions")))
        }
        Err(AppError::Invalid(errors)) => {
            let mut q = FormState::new(t, format!("/events/{id}/questions"));
            q.set("label", &form.label).set("kind", &form.kind).set("options", &form.options).set("required", flag(form.required));
            manage_page(&state, &ctx, id, q.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /events/{id}/questions/{question}/delete`.
pub async fn delete_question(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, question)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let question = parse_id(ctx.t, &question)?;
    let result = questions::delete(&state.app, &ctx.actor, question).await;
    after(&ctx, result, "events-question-deleted", format!("/events/{id}/manage#questions")).await
}

/// `POST /events/{id}/questions/{question}/up`.
pub async fn move_question_up(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, question)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let question = parse_id(ctx.t, &question)?;
    let result = questions::move_up(&state.app, &ctx.actor, question).await;
    after(&ctx, result, "events-question-moved", format!("/events/{id}/manage#questions")).await
}
