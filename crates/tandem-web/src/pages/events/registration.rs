//! Registering (the form with the event's questions, the profiles brought and availability),
//! cancelling, and the organisers' participant list with approval, booths and each
//! registration's details.

use super::{after, attendance_label, back_to, registration_label, times};
use crate::ctx::Ctx;
use crate::error::{PageError, PageErrorKind};
use crate::i18n::Tr;
use crate::pages::organisations::parse_id;
use crate::pages::{render, see_other, FormState, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use std::collections::BTreeMap;
use tandem_app::events::registration::{self as reg, RegistrationForm};
use tandem_app::events::roster;
use tandem_app::AppError;
use tandem_core::events::event::{Event, Slot};
use tandem_core::events::registration::{Question, RegistrationDraft, NO, YES};
use tandem_core::events::{Attendance, QuestionKind, RegistrationState};
use tandem_core::{CityId, EventId, OrgId, RegistrationId};
use tandem_app::events::roster::RegistrationFilter;

fn require_login(ctx: &Ctx) -> Result<(), PageError> {
    ctx.actor.user().map(drop).map_err(|d| ctx.fail(d.into()))
}

/// A slot as a checkbox: (id, label, ticked).
pub(crate) type SlotBox = (String, String, bool);

/// One question on the form.
pub(crate) struct QuestionField {
    field: String,
    label: String,
    kind: &'static str,
    required: bool,
    options: Vec<(String, String)>,
    value: String,
    error: String,
}

#[derive(Template)]
#[template(path = "event_register.html")]
struct RegisterPage {
    l: Layout,
    id: String,
    event_name: String,
    open: bool,
    existing: bool,
    f: FormState,
    attendances: Vec<(String, String)>,
    orgs: Vec<(String, String)>,
    /// (id, title, organisation name, ticked)
    profiles: Vec<(String, String, String, bool)>,
    questions: Vec<QuestionField>,
    slots: Vec<SlotBox>,
}

/// The form as posted: repeated keys (profiles, unavailable slots) and one key per question.
#[derive(Debug, Default)]
struct Posted {
    csrf: String,
    display_name: String,
    attendance: String,
    org_id: String,
    profiles: Vec<String>,
    unavailable: Vec<String>,
    answers: BTreeMap<String, String>,
}

impl Posted {
    fn from_pairs(pairs: Vec<(String, String)>) -> Posted {
        let mut p = Posted::default();
        for (k, v) in pairs {
            match k.as_str() {
                "_csrf" => p.csrf = v,
                "display_name" => p.display_name = v,
                "attendance" => p.attendance = v,
                "org_id" => p.org_id = v,
                "profiles" => p.profiles.push(v),
                "unavailable" => p.unavailable.push(v),
                other if other.starts_with("q-") => {
                    p.answers.insert(other.to_owned(), v);
                }
                _ => {}
            }
        }
        p
    }

    /// The draft; ids that do not parse are left out (they would not name anything anyway).
    fn draft(&self) -> RegistrationDraft {
        RegistrationDraft {
            display_name: self.display_name.clone(),
            attendance: self.attendance.clone(),
            org_id: self.org_id.trim().parse::<OrgId>().ok(),
            profiles: self.profiles.iter().filter_map(|p| p.parse().ok()).collect(),
            unavailable: self.unavailable.iter().filter_map(|s| s.parse().ok()).collect(),
            answers: self.answers.iter().filter_map(|(k, v)| Some((k.strip_prefix("q-")?.parse().ok()?, v.clone()))).collect(),
        }
    }
}

fn slot_label(event: &Event, slot: &Slot) -> String {
    format!("{} {}", slot.starts_at.with_timezone(&event.timezone).format("%d.%m."), times(event, &slot.starts_at, &slot.ends_at))
}

fn question_field(t: Tr, q: &Question, value: String, error: String) -> QuestionField {
    let options = match q.kind {
        QuestionKind::Choice => q.options.iter().map(|o| (o.clone(), o.clone())).collect(),
        QuestionKind::YesNo => vec![(YES.into(), t.get("events-answer-yes")), (NO.into(), t.get("events-answer-no"))],
        QuestionKind::Text => Vec::new(),
    };
    QuestionField { field: q.field(), label: q.label.clone(), kind: q.kind.key(), required: q.required, options, value, error }
}

fn register_page(ctx: &Ctx, form: &RegistrationForm, posted: &Posted, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let e = &form.event;
    let org_names: BTreeMap<OrgId, String> = form.orgs.iter().cloned().collect();
    let mut orgs = vec![(String::new(), t.get("events-register-no-org"))];
    orgs.extend(form.orgs.iter().map(|(id, name)| (id.to_string(), name.clone())));
    let page = RegisterPage {
        l: Layout::new(ctx, t.get("events-register-title")),
        id: e.id.to_string(),
        event_name: e.name.clone(),
        open: form.open || form.existing.as_ref().is_some_and(|x| x.registration.state.is_active()),
        existing: form.existing.as_ref().is_some_and(|x| x.registration.state.is_active()),
        attendances: Attendance::ALL.iter().map(|a| (a.key().to_owned(), attendance_label(t, *a))).collect(),
        orgs,
        profiles: form
            .profiles
            .iter()
            .map(|p| {
                let id = p.id.to_string();
                let ticked = posted.profiles.contains(&id);
                (id, p.title.clone(), org_names.get(&p.org_id).cloned().unwrap_or_default(), ticked)
            })
            .collect(),
        questions: form
            .questions
            .iter()
            .map(|q| question_field(t, q, posted.answers.get(&q.field()).cloned().unwrap_or_default(), f.err(&q.field())))
            .collect(),
        slots: form
            .slots
            .iter()
            .map(|s| {
                let id = s.id.to_string();
                let ticked = posted.unavailable.contains(&id);
                (id, slot_label(e, s), ticked)
            })
            .collect(),
        f,
    };
    render(t, status, &page)
}

fn form_state(t: Tr, id: EventId, p: &Posted) -> FormState {
    let mut f = FormState::new(t, format!("/events/{id}/register"));
    f.cancel = format!("/events/{id}");
    f.set("display_name", &p.display_name).set("attendance", &p.attendance).set("org_id", &p.org_id);
    f
}

/// `GET /events/{id}/register`: the form, filled with the visitor's registration if any.
pub async fn form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let form = reg::form(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let posted = match &form.existing {
        Some(x) => Posted {
            display_name: x.registration.display_name.clone(),
            attendance: x.registration.attendance.key().into(),
            org_id: x.registration.org_id.map(|o| o.to_string()).unwrap_or_default(),
            profiles: x.profiles.iter().map(|p| p.to_string()).collect(),
            unavailable: x.unavailable.iter().map(|s| s.to_string()).collect(),
            answers: x.answers.iter().map(|a| (tandem_core::events::registration::answer_field(a.question_id), a.answer.clone())).collect(),
            ..Posted::default()
        },
        None => Posted {
            display_name: ctx.user_name().to_owned(),
            attendance: Attendance::Onsite.key().into(),
            org_id: form.orgs.first().map(|o| o.0.to_string()).unwrap_or_default(),
            ..Posted::default()
        },
    };
    let f = form_state(t, id, &posted);
    register_page(&ctx, &form, &posted, f, StatusCode::OK)
}

/// `POST /events/{id}/register`.
pub async fn register(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(pairs): Form<Vec<(String, String)>>) -> Result<Response, PageError> {
    let posted = Posted::from_pairs(pairs);
    ctx.check_csrf(&posted.csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    match reg::register(&state.app, &ctx.actor, id, &posted.draft()).await {
        Ok(r) => {
            let notice = match r.state {
                RegistrationState::Pending => "events-registered-pending",
                RegistrationState::Waitlisted => "events-registered-waitlisted",
                _ => "events-registered",
            };
            ctx.flash(t.get(notice)).await;
            Ok(see_other(&format!("/events/{id}#registration")))
        }
        Err(AppError::Invalid(errors)) => {
            let form = reg::form(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
            let f = form_state(t, id, &posted).with_errors(errors);
            register_page(&ctx, &form, &posted, f, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// A button's form: the token and where to return.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ActionForm {
    _csrf: String,
    return_to: String,
}

/// `POST /events/{id}/register/cancel`: the visitor cancels their registration.
pub async fn cancel(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<ActionForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    let result = reg::cancel(&state.app, &ctx.actor, id).await;
    after(&ctx, result, "events-registration-cancelled", format!("/events/{id}#registration")).await
}

// ---------------------------------------------------------------------------------------------
// The organisers' participant list

/// Filters of the participant list.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListParams {
    state: String,
    attendance: String,
    city: String,
    org: String,
    q: String,
}

impl ListParams {
    fn filter(&self) -> RegistrationFilter {
        RegistrationFilter {
            states: RegistrationState::from_key(&self.state).into_iter().collect(),
            attendance: Attendance::from_key(&self.attendance),
            city: self.city.parse::<CityId>().ok(),
            org: self.org.parse::<OrgId>().ok(),
            name: Some(self.q.clone()).filter(|q| !q.trim().is_empty()),
        }
    }
}

/// A row of the participant list.
pub(crate) struct Row {
    id: String,
    name: String,
    org: String,
    city: String,
    attendance: String,
    state_key: &'static str,
    state_label: String,
    pending: bool,
    active: bool,
    booth: String,
    checked_in: bool,
}

#[derive(Template)]
#[template(path = "event_registrations.html")]
struct ListPage {
    l: Layout,
    id: String,
    event_name: String,
    p: ListParams,
    states: Vec<(String, String)>,
    attendances: Vec<(String, String)>,
    cities: Vec<(String, String)>,
    orgs: Vec<(String, String)>,
    rows: Vec<Row>,
    count: String,
    here: String,
}

/// `GET /events/{id}/registrations`: the participant list, for organisers.
pub async fn list(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Query(p): Query<ListParams>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let (event, everyone) = roster::list(&state.app, &ctx.actor, id, &RegistrationFilter::default()).await.map_err(|e| ctx.fail(e))?;
    let (_, shown) = roster::list(&state.app, &ctx.actor, id, &p.filter()).await.map_err(|e| ctx.fail(e))?;
    let mut orgs: Vec<(String, String)> = Vec::new();
    for l in &everyone {
        if let (Some(org), Some(name)) = (l.registration.org_id, &l.org_name)
            && !orgs.iter().any(|(o, _)| *o == org.to_string())
        {
            orgs.push((org.to_string(), name.clone()));
        }
    }
    orgs.sort_by_cached_key(|(_, n)| tandem_core::text::fold(n));
    let cities = tandem_app::directory::cities(&state.app).await.map_err(|e| ctx.fail(e))?.into_iter().map(|c| (c.id.to_string(), c.name)).collect();
    let rows: Vec<Row> = shown
        .into_iter()
        .map(|l| {
            let r = l.registration;
            Row {
                id: r.id.to_string(),
                name: r.display_name,
                org: l.org_name.unwrap_or_default(),
                city: l.city_name.unwrap_or_default(),
                attendance: attendance_label(t, r.attendance),
                state_key: r.state.key(),
                state_label: registration_label(t, r.state),
                pending: r.state == RegistrationState::Pending,
                active: r.state.is_active(),
                booth: r.booth_table.map(|b| b.to_string()).unwrap_or_default(),
                checked_in: r.checked_in_at.is_some(),
            }
        })
        .collect();
    let page = ListPage {
        l: Layout::new(&ctx, t.get("events-registrations-title")),
        id: id.to_string(),
        event_name: event.name,
        states: RegistrationState::ALL.iter().map(|s| (s.key().to_owned(), registration_label(t, *s))).collect(),
        attendances: Attendance::ALL.iter().map(|a| (a.key().to_owned(), attendance_label(t, *a))).collect(),
        cities,
        orgs,
        count: t.count("events-registrations-count", rows.len() as i64),
        rows,
        here: ctx.here.clone(),
        p,
    };
    render(t, StatusCode::OK, &page)
}

/// `POST /registrations/{id}/approve`.
pub async fn approve(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<ActionForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: RegistrationId = parse_id(ctx.t, &id)?;
    let result = reg::approve(&state.app, &ctx.actor, id).await;
    after(&ctx, result, "events-registration-approved", back_to(&form.return_to, format!("/registrations/{id}"))).await
}

/// `POST /registrations/{id}/decline`.
pub async fn decline(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<ActionForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: RegistrationId = parse_id(ctx.t, &id)?;
    let result = reg::decline(&state.app, &ctx.actor, id).await;
    after(&ctx, result, "events-registration-declined", back_to(&form.return_to, format!("/registrations/{id}"))).await
}

// ---------------------------------------------------------------------------------------------
// One registration

#[derive(Template)]
#[template(path = "event_registration.html")]
struct DetailPage {
    l: Layout,
    id: String,
    event_id: String,
    event_name: String,
    name: String,
    org: String,
    attendance: String,
    state_key: &'static str,
    state_label: String,
    pending: bool,
    active: bool,
    checked_in: String,
    /// (question, answer)
    answers: Vec<(String, String)>,
    profiles: Vec<String>,
    unavailable: Vec<String>,
    by_organiser: bool,
    b: FormState,
}

async fn detail_page(state: &AppState, ctx: &Ctx, id: RegistrationId, b: Option<FormState>, status: StatusCode) -> Result<Response, PageError> {
    require_login(ctx)?;
    let t = ctx.t;
    let d = roster::detail(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let r = &d.own.registration;
    let org = match r.org_id {
        Some(org) => tandem_app::directory::organisations::view(&state.app, &ctx.actor, org).await.map(|v| v.org.name).unwrap_or_default(),
        None => String::new(),
    };
    let answers = d
        .questions
        .iter()
        .map(|q| {
            let answer = d.own.answers.iter().find(|a| a.question_id == q.id).map(|a| a.answer.clone()).unwrap_or_default();
            let shown = match (q.kind, answer.as_str()) {
                (QuestionKind::YesNo, YES) => t.get("events-answer-yes"),
                (QuestionKind::YesNo, NO) => t.get("events-answer-no"),
                _ => answer,
            };
            (q.label.clone(), shown)
        })
        .collect();
    let b = b.unwrap_or_else(|| {
        let mut b = FormState::new(t, format!("/registrations/{id}/booth"));
        b.set("booth_table", super::number(r.booth_table)).set("max_meetings", super::number(r.max_meetings));
        b
    });
    let page = DetailPage {
        l: Layout::new(ctx, r.display_name.clone()),
        id: id.to_string(),
        event_id: d.event.id.to_string(),
        event_name: d.event.name.clone(),
        name: r.display_name.clone(),
        org,
        attendance: attendance_label(t, r.attendance),
        state_key: r.state.key(),
        state_label: registration_label(t, r.state),
        pending: r.state == RegistrationState::Pending,
        active: r.state.is_active(),
        checked_in: r.checked_in_at.map(|at| t.date_time(&at, d.event.timezone.name())).unwrap_or_default(),
        answers,
        profiles: d.profile_titles.clone(),
        unavailable: d.slots.iter().filter(|s| d.own.unavailable.contains(&s.id)).map(|s| slot_label(&d.event, s)).collect(),
        by_organiser: d.by_organiser,
        b,
    };
    render(t, status, &page)
}

/// `GET /registrations/{id}`: for the event's organisers and the participant.
pub async fn detail(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: RegistrationId = parse_id(ctx.t, &id)?;
    detail_page(&state, &ctx, id, None, StatusCode::OK).await
}

/// The booth form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BoothForm {
    _csrf: String,
    booth_table: String,
    max_meetings: String,
}

/// `POST /registrations/{id}/booth`: a booth table and a personal cap on meetings.
pub async fn booth(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<BoothForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let id: RegistrationId = parse_id(t, &id)?;
    match roster::set_booth(&state.app, &ctx.actor, id, &form.booth_table, &form.max_meetings).await {
        Ok(()) => {
            ctx.flash(t.get("events-booth-saved")).await;
            Ok(see_other(&format!("/registrations/{id}")))
        }
        Err(AppError::Invalid(errors)) => {
            let mut b = FormState::new(t, format!("/registrations/{id}/booth"));
            b.set("booth_table", &form.booth_table).set("max_meetings", &form.max_meetings);
            detail_page(&state, &ctx, id, Some(b.with_errors(errors)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::NotFound) => Err(PageError::new(t, PageErrorKind::NotFound)),
        Err(e) => Err(ctx.fail(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_question_fields_are_collected() {
        let q = tandem_core::QuestionId::new();
        let s1 = tandem_core::SlotId::new();
        let posted = Posted::from_pairs(vec![
            ("_csrf".into(), "t".into()),
            ("display_name".into(), "Kim".into()),
            ("unavailable".into(), s1.to_string()),
            ("unavailable".into(), "nonsense".into()),
            (format!("q-{q}"), "Health".into()),
            ("q-nonsense".into(), "x".into()),
        ]);
        let d = posted.draft();
        assert_eq!(d.unavailable, vec![s1]);
        assert_eq!(d.answers.get(&q).map(String::as_str), Some("Health"));
        assert_eq!(d.answers.len(), 1);
    }
}
