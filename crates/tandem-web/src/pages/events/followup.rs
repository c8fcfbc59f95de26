//! Follow-up of an event in the browser (issue 5, item 6): a party rates a meeting after its
//! slot; the survey page lists the participant's meetings with their ratings and, once the event
//! is over, asks what each led to ("agreement reached" offers the agreement form, pre-filled);
//! the organisers' statistics page draws its figures with the bar-chart partial.
//!
//! Handlers are thin: `tandem_app::events::followup` decides who may do what and when.

use super::{attendance_label, back_to, Options};
use crate::charts::{decimal, percent, BarChart};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::brokerage::{type_groups, TypeGroups};
use crate::pages::meetings::mine::{item, Item};
use crate::pages::meetings::{explain, explain_or_fail, slot_label, EventLinks};
use crate::pages::organisations::parse_id;
use crate::pages::{non_empty, render, see_other, FormState, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use chrono::Utc;
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;
use tandem_app::events::followup::statistics::{self, EventStatistics};
use tandem_app::events::followup::survey::{self, Survey, SurveyItem};
use tandem_app::events::followup::{agreement, ratings, survey_path, feedback_path};
use tandem_app::events::meetings::{is_organiser, lists};
use tandem_app::AppError;
use tandem_core::events::followup::{FollowUpRefusal, RatingDraft, RATINGS};
use tandem_core::events::FollowUpOutcome;
use tandem_core::partnering::agreement::AgreementDraft;
use tandem_core::validation::ValidationErrors;
use tandem_core::{EventId, MeetingId, ProfileId};

/// The reader's label of a survey outcome.
pub(crate) fn outcome_label(t: Tr, outcome: FollowUpOutcome) -> String {
    t.get(&format!("followup-outcome-{}", outcome.key()))
}

/// A refusal's reason in the reader's language.
fn refusal_text(t: Tr, refusal: FollowUpRefusal) -> String {
    explain(t, &ValidationErrors::from(refusal))
}

/// Refuses anonymous visitors (they are sent to the login page) before anything is loaded.
fn require_login(ctx: &Ctx) -> Result<(), PageError> {
    ctx.actor.user().map(drop).map_err(|d| ctx.fail(d.into()))
}

// ---------------------------------------------------------------------------------------------
// Rating a meeting

#[derive(Template)]
#[template(path = "meeting_feedback.html")]
struct FeedbackPage {
    l: Layout,
    e: EventLinks,
    partner_org: String,
    when: String,
    /// "You rated this meeting 4 of 5…", or "".
    before: String,
    /// The ratings offered: (value, label).
    options: Options,
    back: String,
    f: FormState,
}

/// The rating form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RatingForm {
    _csrf: String,
    rating: String,
    comment: String,
    return_to: String,
}

async fn feedback_page(state: &AppState, ctx: &Ctx, id: MeetingId, f: Option<FormState>, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let page = ratings::page(&state.app, &ctx.actor, id).await.map_err(|e| explain_or_fail(ctx, e))?;
    let organiser = is_organiser(&state.app, &ctx.actor, page.event.id).await.map_err(|e| ctx.fail(e))?;
    let back = format!("{}#meeting-{id}", survey_path(page.event.id));
    let f = f.unwrap_or_else(|| {
        let mut f = FormState::new(t, feedback_path(id));
        if let Some(given) = &page.feedback {
            f.set("rating", given.rating.map(|r| r.to_string()).unwrap_or_default());
            f.set("comment", given.comment.clone().unwrap_or_default());
        }
        f.set("return_to", &back);
        f
    });
    let html = FeedbackPage {
        l: Layout::new(ctx, t.with("followup-rate-title", "name", &page.partner_name)),
        e: EventLinks { id: page.event.id.to_string(), name: page.event.name.clone(), participant: true, organiser },
        partner_org: page.partner_org.clone().unwrap_or_default(),
        when: page.slot.map(|(start, end)| slot_label(t, page.event.timezone, &start, &end)).unwrap_or_default(),
        before: page.feedback.and_then(|f| f.rating).map(|r| t.with("followup-rated-before", "count", r)).unwrap_or_default(),
        options: RATINGS.map(|r| (r.to_string(), t.get(&format!("followup-rating-{r}")))).collect(),
        back,
        f,
    };
    render(t, status, &html)
}

/// `GET /meetings/{id}/feedback`: a party's rating form, once the meeting's slot has ended.
pub async fn feedback_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    feedback_page(&state, &ctx, id, None, StatusCode::OK).await
}

/// `POST /meetings/{id}/feedback`: saves (or changes) the rating, then back to the survey.
pub async fn rate(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<RatingForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: MeetingId = parse_id(t, &id)?;
    let draft = RatingDraft { rating: form.rating.clone(), comment: non_empty(&form.comment) };
    match ratings::rate(&state.app, &ctx.actor, id, &draft).await {
        Ok(_) => {
            ctx.flash(t.get("followup-rated")).await;
            Ok(see_other(&back_to(&form.return_to, feedback_path(id))))
        }
        Err(AppError::Invalid(errors)) => {
            let mut f = FormState::new(t, feedback_path(id));
            f.set("rating", &form.rating).set("comment", &form.comment).set("return_to", &form.return_to);
            feedback_page(&state, &ctx, id, Some(f.with_errors(errors)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// The survey

/// One meeting on the survey page.
struct SurveyRow {
    m: Item,
    rateable: bool,
    /// "Your rating: 4 of 5" or "Not rated yet".
    rating: String,
    rated: bool,
    /// The outcome answered ("" none).
    outcome: String,
    /// The agreement recorded from this meeting ("" none).
    agreement_id: String,
    /// Offer the agreement form.
    offer_agreement: bool,
    /// Why no agreement can be recorded from here ("" when it can).
    agreement_problem: String,
    /// The profiles it can come from: (id, title).
    profiles: Options,
    /// The agreement form: values and problems.
    f: FormState,
}

#[derive(Template)]
#[template(path = "meeting_survey.html")]
struct SurveyPage {
    l: Layout,
    e: EventLinks,
    open: bool,
    here: String,
    outcomes: Options,
    types: TypeGroups,
    items: Vec<SurveyRow>,
}

fn agreement_form_state(t: Tr, id: MeetingId) -> FormState {
    let mut f = FormState::new(t, format!("/meetings/{id}/agreement"));
    f.set("signed_on", Utc::now().date_naive().format("%Y-%m-%d").to_string());
    f
}

fn row(t: Tr, s: &Survey, it: &SurveyItem, failed: &mut Option<(MeetingId, FormState)>) -> SurveyRow {
    let id = it.meeting.meeting.id;
    let feedback = it.feedback.as_ref();
    let given = feedback.and_then(|f| f.rating);
    let (offer_agreement, agreement_problem, profiles) = match &it.agreement {
        Some(Ok(list)) => (true, String::new(), list.iter().map(|p| (p.id.to_string(), p.title.clone())).collect()),
        Some(Err(refusal)) => (false, refusal_text(t, *refusal), Vec::new()),
        None => (false, String::new(), Vec::new()),
    };
    let f = match failed.take() {
        Some((m, f)) if m == id => f,
        other => {
            *failed = other;
            agreement_form_state(t, id)
        }
    };
    SurveyRow {
        m: item(t, &s.event, &it.meeting),
        rateable: it.rateable,
        rating: given.map_or_else(|| t.get("followup-rating-none"), |r| t.with("followup-rating-yours", "count", r)),
        rated: given.is_some(),
        outcome: feedback.and_then(|f| f.outcome).map(|o| o.key().to_owned()).unwrap_or_default(),
        agreement_id: feedback.and_then(|f| f.agreement_id).map(|a| a.to_string()).unwrap_or_default(),
        offer_agreement,
        agreement_problem,
        profiles,
        f,
    }
}

async fn survey_page(state: &AppState, ctx: &Ctx, event: EventId, failed: Option<(MeetingId, FormState)>, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let s = survey::survey(&state.app, &ctx.actor, event).await.map_err(|e| ctx.fail(e))?;
    let organiser = is_organiser(&state.app, &ctx.actor, event).await.map_err(|e| ctx.fail(e))?;
    let mut failed = failed;
    let items = s.items.iter().map(|it| row(t, &s, it, &mut failed)).collect();
    let page = SurveyPage {
        l: Layout::new(ctx, t.with("followup-survey-title", "name", &s.event.name)),
        e: EventLinks { id: event.to_string(), name: s.event.name.clone(), participant: true, organiser },
        open: s.open,
        here: survey_path(event),
        outcomes: FollowUpOutcome::ALL.iter().map(|o| (o.key().to_owned(), outcome_label(t, *o))).collect(),
        types: type_groups(t),
        items,
    };
    render(t, status, &page)
}

/// `GET /events/{id}/survey`: the participant's follow-up of their meetings.
pub async fn survey(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    survey_page(&state, &ctx, id, None, StatusCode::OK).await
}

/// A survey answer as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    _csrf: String,
    outcome: String,
    return_to: String,
}

/// `POST /meetings/{id}/survey`: saves what the meeting led to; a refusal comes back as a notice.
pub async fn answer(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<AnswerForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: MeetingId = parse_id(t, &id)?;
    let to = back_to(&form.return_to, "/events/mine".to_owned());
    match survey::answer(&state.app, &ctx.actor, id, &form.outcome).await {
        Ok(f) if f.outcome == Some(FollowUpOutcome::Agreement) && f.agreement_id.is_none() => {
            ctx.flash(t.get("followup-answered")).await;
            // Straight to the agreement form, which the page now offers under the meeting.
            Ok(see_other(&to.replace(&format!("#meeting-{id}"), &format!("#agreement-{id}"))))
        }
        Ok(_) => {
            ctx.flash(t.get("followup-answered")).await;
            Ok(see_other(&to))
        }
        Err(AppError::Invalid(errors)) => {
            ctx.flash(explain(t, &errors)).await;
            Ok(see_other(&to))
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The agreement form under a meeting, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AgreementForm {
    _csrf: String,
    profile_id: String,
    agreement_type: String,
    signed_on: String,
    summary: String,
}

/// `POST /meetings/{id}/agreement`: records the agreement the meeting led to (once), then back
/// to the survey; problems are shown next to the form's fields.
pub async fn record_agreement(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<AgreementForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: MeetingId = parse_id(t, &id)?;
    let event = lists::get(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?.event_id;
    let profile: Option<ProfileId> = form.profile_id.trim().parse().ok();
    let draft = AgreementDraft { agreement_type: form.agreement_type.clone(), signed_on: form.signed_on.clone(), summary: non_empty(&form.summary) };
    match agreement::record(&state.app, &ctx.actor, id, profile, &draft).await {
        Ok(_) => {
            ctx.flash(t.get("followup-agreement-recorded")).await;
            Ok(see_other(&format!("{}#meeting-{id}", survey_path(event))))
        }
        Err(AppError::Invalid(errors)) => {
            let mut f = agreement_form_state(t, id);
            f.set("profile_id", &form.profile_id)
                .set("agreement_type", &form.agreement_type)
                .set("signed_on", &form.signed_on)
                .set("summary", &form.summary);
            survey_page(&state, &ctx, event, Some((id, f.with_errors(errors))), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// Statistics

/// One key figure.
struct Figure {
    id: &'static str,
    label: String,
    value: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "event_statistics.html")]
struct StatisticsPage {
    l: Layout,
    id: String,
    empty: bool,
    figures: Vec<Figure>,
    charts: Vec<BarChart>,
}

fn figure(id: &'static str, label: String, value: String, detail: String) -> Figure {
    Figure { id, label, value, detail }
}

/// The key figures, in the reader's language; shares not computable yet read "not yet".
fn figures(t: Tr, s: &EventStatistics) -> Vec<Figure> {
    let m = &s.meetings;
    let share = |v: Option<f64>| v.map_or_else(|| t.get("followup-not-yet-figure"), |v| percent(t, v));
    let attendance = s.by_attendance.iter().map(|(a, n)| format!("{}: {}", attendance_label(t, *a), t.number(*n))).collect::<Vec<_>>().join(" · ");
    let known = s.cross_city.different + s.cross_city.same;
    let cross_detail = t.args("followup-cross-city-detail", &[("count", FluentValue::from(s.cross_city.different)), ("items", FluentValue::from(known))]);
    let rating = s.average_rating.map_or_else(|| t.get("followup-not-yet-figure"), |r| decimal(t, r, 1));
    let rating_detail = if s.rating_count() > 0 { t.count("followup-average-rating-detail", s.rating_count()) } else { String::new() };
    vec![
        figure("participants", t.get("followup-participants"), t.number(s.participants), attendance),
        figure("requests", t.get("followup-requests"), t.number(m.requests), String::new()),
        figure("acceptance", t.get("followup-acceptance"), share(s.acceptance_rate), t.get("followup-acceptance-hint")),
        figure("scheduled", t.get("followup-scheduled"), t.number(m.scheduled), String::new()),
        figure("held", t.get("followup-held"), t.number(m.held), String::new()),
        figure("no-shows", t.get("followup-no-shows"), t.number(m.no_shows), String::new()),
        figure("cross-city", t.get("followup-cross-city"), share(s.cross_city.share()), cross_detail),
        figure("rating", t.get("followup-average-rating"), rating, rating_detail),
        figure("answers", t.get("followup-answers"), t.number(s.answer_count()), String::new()),
        figure("agreements", t.get("followup-agreements"), t.number(s.agreements), String::new()),
    ]
}

/// The charts with something to show.
fn charts(t: Tr, s: &EventStatistics) -> Vec<BarChart> {
    let m = &s.meetings;
    let chart = |id: &str, title: &str, label: &str, value: &str| BarChart::new(id, t.get(title), t.get(label), t.get(value));
    let share = || t.get("followup-col-share");
    let mut attendance = chart("attendance", "followup-chart-attendance", "followup-col-attendance", "followup-col-participants");
    for (a, n) in &s.by_attendance {
        attendance = attendance.count(t, attendance_label(t, *a), *n);
    }
    let mut cities = chart("cities", "followup-chart-city", "followup-col-city", "followup-col-participants");
    for (city, n) in &s.by_city {
        cities = cities.count(t, city.clone().unwrap_or_else(|| t.get("followup-no-city")), *n);
    }
    let requests = [
        ("followup-request-accepted", m.accepted),
        ("followup-request-pending", m.pending),
        ("followup-request-declined", m.declined),
        ("followup-request-expired", m.expired),
        ("followup-request-cancelled", m.cancelled),
    ]
    .into_iter()
    .fold(chart("requests", "followup-chart-requests", "followup-col-outcome", "followup-col-requests"), |c, (key, n)| c.count(t, t.get(key), n));
    let unrecorded = (m.scheduled - m.held - m.no_shows).max(0);
    let day = [("followup-day-held", m.held), ("followup-day-no-show", m.no_shows), ("followup-day-unrecorded", unrecorded)]
        .into_iter()
        .fold(chart("day", "followup-chart-day", "followup-col-outcome", "followup-col-meetings"), |c, (key, n)| c.count(t, t.get(key), n));
    let pairs = s
        .city_pairs
        .iter()
        .fold(chart("city-pairs", "followup-chart-city-pairs", "followup-col-cities", "followup-col-meetings"), |c, (a, b, n)| {
            c.count(t, format!("{a} – {b}"), *n)
        });
    let ratings = s
        .ratings
        .iter()
        .fold(chart("ratings", "followup-chart-ratings", "followup-col-rating", "followup-col-ratings"), |c, (r, n)| {
            c.count(t, t.with("followup-rating-value", "count", r), *n)
        });
    let outcomes = s
        .outcomes
        .iter()
        .fold(chart("outcomes", "followup-chart-outcomes", "followup-col-outcome", "followup-col-answers"), |c, (o, n)| {
            c.count(t, outcome_label(t, *o), *n)
        });
    [
        attendance.with_shares(t, share()),
        cities.with_shares(t, share()),
        requests.with_shares(t, share()),
        day.with_shares(t, share()),
        pairs.with_shares(t, share()),
        ratings.with_shares(t, share()),
        outcomes.with_shares(t, share()),
    ]
    .into_iter()
    .filter(|c| !c.is_empty())
    .collect()
}

/// `GET /events/{id}/statistics`: the event's figures and charts, for its organisers.
pub async fn statistics(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let s = statistics::statistics(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let page = StatisticsPage {
        l: Layout::new(&ctx, t.with("followup-statistics-title", "name", &s.event.name)),
        id: id.to_string(),
        empty: s.is_empty(),
        figures: figures(t, &s),
        charts: charts(t, &s),
    };
    render(t, StatusCode::OK, &page)
}
