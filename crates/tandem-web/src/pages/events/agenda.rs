//! The agenda editor: add, change and delete sessions (a matchmaking session's slots are cut
//! when it is saved, and the organiser is told how many and what was dropped), and the
//! speakers of each session.

use super::{kind_label, number, Field, FormPage};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::organisations::parse_id;
use crate::pages::{non_empty, render, see_other, CsrfOnly, FormState, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;
use tandem_app::events::agenda::{self, SessionSaved};
use tandem_app::events::roster;
use tandem_app::AppError;
use tandem_core::events::agenda::{SessionDraft, SpeakerDraft};
use tandem_core::events::event::{Event, Session};
use tandem_core::events::SessionKind;
use tandem_core::{EventId, SessionId, SpeakerId};

/// The session form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SessionForm {
    _csrf: String,
    kind: String,
    title: String,
    description: String,
    starts_at: String,
    ends_at: String,
    room: String,
    stream_url: String,
    slot_minutes: String,
    max_meetings: String,
}

impl SessionForm {
    fn of(event: &Event, s: &Session) -> SessionForm {
        SessionForm {
            kind: s.kind.key().into(),
            title: s.title.clone(),
            description: s.description.clone().unwrap_or_default(),
            starts_at: event.local(s.starts_at),
            ends_at: event.local(s.ends_at),
            room: s.room.clone().unwrap_or_default(),
            stream_url: s.stream_url.clone().unwrap_or_default(),
            slot_minutes: number(s.slot_minutes),
            max_meetings: number(s.max_meetings),
            ..SessionForm::default()
        }
    }

    fn draft(&self) -> SessionDraft {
        SessionDraft {
            kind: self.kind.clone(),
            title: self.title.clone(),
            description: non_empty(&self.description),
            starts_at: self.starts_at.clone(),
            ends_at: self.ends_at.clone(),
            room: non_empty(&self.room),
            stream_url: non_empty(&self.stream_url),
            slot_minutes: self.slot_minutes.clone(),
            max_meetings: self.max_meetings.clone(),
        }
    }

    fn state(&self, t: Tr, action: String, event: EventId) -> FormState {
        let mut f = FormState::new(t, action);
        f.cancel = format!("/events/{event}#agenda");
        f.set("kind", &self.kind)
            .set("title", &self.title)
            .set("description", &self.description)
            .set("starts_at", &self.starts_at)
            .set("ends_at", &self.ends_at)
            .set("room", &self.room)
            .set("stream_url", &self.stream_url)
            .set("slot_minutes", &self.slot_minutes)
            .set("max_meetings", &self.max_meetings);
        f
    }
}

fn session_fields(t: Tr, f: &FormState) -> Vec<Field> {
    let kinds = super::choices(SessionKind::ALL, SessionKind::key, |k| kind_label(t, k));
    vec![
        Field::new(f, "kind", t.get("events-field-session-kind"), "select").required().options(kinds),
        Field::new(f, "title", t.get("events-field-session-title"), "text").required(),
        Field::new(f, "description", t.get("events-field-description"), "textarea"),
        Field::new(f, "starts_at", t.get("events-field-starts-at"), "datetime-local").required().hint(t.get("events-field-local-hint")),
        Field::new(f, "ends_at", t.get("events-field-ends-at"), "datetime-local").required(),
        Field::new(f, "room", t.get("events-field-room"), "text"),
        Field::new(f, "stream_url", t.get("events-field-stream-url"), "url").hint(t.get("events-field-stream-url-hint")),
        Field::new(f, "slot_minutes", t.get("events-field-slot-minutes"), "number").hint(t.get("events-field-slot-minutes-hint")),
        Field::new(f, "max_meetings", t.get("events-field-session-max-meetings"), "number").hint(t.get("events-field-session-max-meetings-hint")),
    ]
}

/// "Saved: 5 meeting slots; the last 10 minutes did not fill a slot and were left out."
fn saved_notice(t: Tr, saved: &SessionSaved) -> String {
    if saved.session.kind != SessionKind::Matchmaking {
        return t.get("events-session-saved");
    }
    let mut notice = t.args("events-session-saved-slots", &[("count", FluentValue::from(saved.slots as i64))]);
    if saved.dropped_minutes > 0 {
        notice.push(' ');
        notice.push_str(&t.args("events-session-dropped", &[("count", FluentValue::from(saved.dropped_minutes))]));
    }
    notice
}

async fn event_name(state: &AppState, ctx: &Ctx, id: EventId) -> Result<Event, PageError> {
    Ok(roster::dashboard(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?.event)
}

fn new_page(ctx: &Ctx, event: &Event, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let fields = session_fields(t, &f);
    let page = FormPage {
        l: Layout::new(ctx, t.get("events-session-add")),
        context: event.name.clone(),
        intro: t.with("events-session-intro", "label", event.timezone.name()),
        f,
        fields,
        submit: t.get("action-save"),
    };
    render(t, status, &page)
}

/// `GET /events/{id}/sessions/new`.
pub async fn new_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    let event = event_name(&state, &ctx, id).await?;
    let start = event.local(event.starts_at);
    let form = SessionForm { kind: "keynote".into(), starts_at: start.clone(), ends_at: start, ..SessionForm::default() };
    new_page(&ctx, &event, form.state(t, format!("/events/{id}/sessions"), id), StatusCode::OK)
}

/// `POST /events/{id}/sessions`.
pub async fn create(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<SessionForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let id: EventId = parse_id(t, &id)?;
    match agenda::add_session(&state.app, &ctx.actor, id, &form.draft()).await {
        Ok(saved) => {
            ctx.flash(saved_notice(t, &saved)).await;
            Ok(see_other(&format!("/events/{id}#session-{}", saved.session.id)))
        }
        Err(AppError::Invalid(errors)) => {
            let event = event_name(&state, &ctx, id).await?;
            new_page(&ctx, &event, form.state(t, format!("/events/{id}/sessions"), id).with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

#[derive(Template)]
#[template(path = "event_session.html")]
struct SessionPage {
    l: Layout,
    event_id: String,
    event_name: String,
    session_id: String,
    f: FormState,
    fields: Vec<Field>,
    /// (id, name, affiliation, remote)
    speakers: Vec<(String, String, String, bool)>,
    /// The add-speaker form.
    s: FormState,
}

async fn session_page(state: &AppState, ctx: &Ctx, event: EventId, id: SessionId, f: Option<FormState>, s: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let ev = event_name(state, ctx, event).await?;
    let (session, speakers) = agenda::session(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    if session.event_id != event {
        return Err(ctx.fail(AppError::NotFound));
    }
    let f = f.unwrap_or_else(|| SessionForm::of(&ev, &session).state(t, format!("/events/{event}/sessions/{id}/edit"), event));
    let page = SessionPage {
        l: Layout::new(ctx, t.get("events-session-edit")),
        event_id: event.to_string(),
        event_name: ev.name.clone(),
        session_id: id.to_string(),
        fields: session_fields(t, &f),
        f,
        speakers: speakers.into_iter().map(|sp| (sp.id.to_string(), sp.name, sp.affiliation.unwrap_or_default(), sp.remote)).collect(),
        s,
    };
    render(t, status, &page)
}

fn parse_pair(t: Tr, event: &str, session: &str) -> Result<(EventId, SessionId), PageError> {
    Ok((parse_id(t, event)?, parse_id(t, session)?))
}

/// `GET /events/{id}/sessions/{session}/edit`.
pub async fn edit_form(State(state): State<AppState>, ctx: Ctx, Path((event, session)): Path<(String, String)>) -> Result<Response, PageError> {
    let t = ctx.t;
    let (event, session) = parse_pair(t, &event, &session)?;
    let s = FormState::new(t, format!("/events/{event}/sessions/{session}/speakers"));
    session_page(&state, &ctx, event, session, None, s, StatusCode::OK).await
}

/// `POST /events/{id}/sessions/{session}/edit`.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((event, session)): Path<(String, String)>,
    Form(form): Form<SessionForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let (event, session) = parse_pair(t, &event, &session)?;
    match agenda::update_session(&state.app, &ctx.actor, session, &form.draft()).await {
        Ok(saved) => {
            ctx.flash(saved_notice(t, &saved)).await;
            Ok(see_other(&format!("/events/{event}#session-{session}")))
        }
        Err(AppError::Invalid(errors)) => {
            let f = form.state(t, format!("/events/{event}/sessions/{session}/edit"), event).with_errors(errors);
            let s = FormState::new(t, format!("/events/{event}/sessions/{session}/speakers"));
            session_page(&state, &ctx, event, session, Some(f), s, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /events/{id}/sessions/{session}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((event, session)): Path<(String, String)>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let (event, session) = parse_pair(t, &event, &session)?;
    match agenda::delete_session(&state.app, &ctx.actor, session).await {
        Ok(_) => {
            ctx.flash(t.get("events-session-deleted")).await;
            Ok(see_other(&format!("/events/{event}#agenda")))
        }
        Err(AppError::Invalid(errors)) => {
            ctx.flash(super::refusal(t, errors)).await;
            Ok(see_other(&format!("/events/{event}/sessions/{session}/edit")))
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The add-speaker form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SpeakerForm {
    _csrf: String,
    name: String,
    affiliation: String,
    remote: bool,
}

/// `POST /events/{id}/sessions/{session}/speakers`.
pub async fn add_speaker(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((event, session)): Path<(String, String)>,
    Form(form): Form<SpeakerForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let (event, session) = parse_pair(t, &event, &session)?;
    let draft = SpeakerDraft { name: form.name.clone(), affiliation: non_empty(&form.affiliation), remote: form.remote };
    match agenda::add_speaker(&state.app, &ctx.actor, session, &draft).await {
        Ok(_) => {
            ctx.flash(t.get("events-speaker-added")).await;
            Ok(see_other(&format!("/events/{event}/sessions/{session}/edit#speakers")))
        }
        Err(AppError::Invalid(errors)) => {
            let mut s = FormState::new(t, format!("/events/{event}/sessions/{session}/speakers"));
            s.set("name", &form.name).set("affiliation", &form.affiliation).set("remote", super::flag(form.remote));
            session_page(&state, &ctx, event, session, None, s.with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `POST /events/{id}/sessions/{session}/speakers/{speaker}/remove`.
pub async fn remove_speaker(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((event, session, speaker)): Path<(String, String, String)>,
    Form(form): Form<CsrfOnly>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let (event, session) = parse_pair(t, &event, &session)?;
    let speaker: SpeakerId = parse_id(t, &speaker)?;
    agenda::remove_speaker(&state.app, &ctx.actor, speaker).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(t.get("events-speaker-removed")).await;
    Ok(see_other(&format!("/events/{event}/sessions/{session}/edit#speakers")))
}
