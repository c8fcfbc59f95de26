//! Agendas and the organiser's documents in the browser (issue 5, item 4): a participant's
//! agenda page (sessions and meetings on the venue's clock, tables, partners, the check-in QR
//! code, downloads and the calendar subscription), its calendar file and PDF, the subscribable
//! calendar behind its secret link, and for organisers any participant's agenda, the table plan
//! (PDF) and the meeting spreadsheet.
//!
//! The use cases in `tandem_app::events::documents` decide who sees what and make the files;
//! these handlers render the page and set the download headers.

use super::list::inline_svg;
use super::{registration_label, times};
use crate::ctx::Ctx;
use crate::error::{PageError, PageErrorKind};
use crate::i18n::Tr;
use crate::pages::brokerage::content_disposition;
use crate::pages::organisations::parse_id;
use crate::pages::{render, see_other, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use chrono::{DateTime, Utc};
use tandem_app::events::documents::{self as docs, calendar, AgendaEntry, AgendaOf, AgendaView, Download, EntryKind};
use tandem_app::events::meetings::participants_path;
use tandem_app::events::public;
use tandem_app::AppError;
use tandem_core::account::Locale;
use tandem_core::events::event::Tz;
use tandem_core::events::{EventState, RegistrationState};
use tandem_core::policy::Denied;
use tandem_core::{EventId, RegistrationId};

/// One line of the agenda.
pub(crate) struct Item {
    /// `meeting-<id>` or `session-<id>`, for links into the page.
    anchor: String,
    meeting: bool,
    /// "10:00–10:30" on the venue's clock.
    time: String,
    /// Partner or session title.
    title: String,
    /// Partner's organisation and city, or the session's kind.
    meta: String,
    /// "Table 4", "By video", or the session's room.
    place: String,
    profile: String,
    speakers: String,
    message: String,
    /// A remote meeting's video link, or a session's stream.
    link: String,
    cancelled: bool,
}

/// The items of one day.
pub(crate) struct Day {
    date: String,
    items: Vec<Item>,
}

/// The agenda part of the page (absent when the visitor has none).
pub(crate) struct Body {
    participant: String,
    organisation: String,
    own: bool,
    by_organiser: bool,
    unpublished: bool,
    preliminary: bool,
    cancelled: bool,
    has_meetings: bool,
    waiting: String,
    days: Vec<Day>,
    qr: String,
    pdf: String,
    ics: String,
    subscribe_url: String,
    webcal_url: String,
    participants: String,
}

/// Why the visitor has no agenda here.
pub(crate) struct NoAgenda {
    /// Their registration's state, if they have one.
    state: String,
    /// They may register now.
    open: bool,
}

#[derive(Template)]
#[template(path = "event_my_agenda.html")]
struct AgendaPage {
    l: Layout,
    event_id: String,
    event_name: String,
    timezone: String,
    agenda: Option<Body>,
    none: Option<NoAgenda>,
}

/// The day heading of an agenda: "Tuesday, 20 October 2030" on the venue's calendar.
fn day_label(t: Tr, tz: Tz, at: &DateTime<Utc>) -> String {
    let local = at.with_timezone(&tz);
    match t.locale {
        Locale::En => local.format_localized("%A, %-d %B %Y", chrono::Locale::en_GB).to_string(),
        Locale::De => local.format_localized("%A, %-d. %B %Y", chrono::Locale::de_DE).to_string(),
    }
}

fn item(t: Tr, view: &AgendaView, e: &AgendaEntry) -> Item {
    let event = &view.event;
    let time = times(event, &e.start, &e.end);
    match &e.kind {
        EntryKind::Meeting { partner_name, partner_organisation, partner_city, profile_title, table, remote_link, message } => Item {
            anchor: e.uid.split('@').next().unwrap_or_default().to_owned(),
            meeting: true,
            time,
            title: partner_name.clone(),
            meta: [Some(partner_organisation.clone()), partner_city.clone()]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            place: match table {
                Some(n) => t.with("agendas-table", "count", n),
                None => t.get("agendas-by-video"),
            },
            profile: profile_title.clone().unwrap_or_default(),
            speakers: String::new(),
            message: message.clone().unwrap_or_default(),
            link: remote_link.clone().unwrap_or_default(),
            cancelled: e.cancelled,
        },
        EntryKind::Session { title, kind_label, room, speakers, stream_url } => Item {
            anchor: e.uid.split('@').next().unwrap_or_default().to_owned(),
            meeting: false,
            time,
            title: title.clone(),
            meta: kind_label.clone(),
            place: room.clone().unwrap_or_default(),
            profile: String::new(),
            speakers: speakers.join(", "),
            message: String::new(),
            link: stream_url.clone().unwrap_or_default(),
            cancelled: e.cancelled,
        },
    }
}

fn body(t: Tr, view: &AgendaView, pdf: String, ics: String) -> Body {
    let tz = view.event.timezone;
    let mut entries: Vec<&AgendaEntry> = view.agenda.entries.iter().collect();
    entries.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.uid.cmp(&b.uid)));
    let mut days: Vec<Day> = Vec::new();
    for e in entries {
        let date = day_label(t, tz, &e.start);
        if days.last().is_none_or(|d| d.date != date) {
            days.push(Day { date, items: Vec::new() });
        }
        if let Some(day) = days.last_mut() {
            day.items.push(item(t, view, e));
        }
    }
    let has_meetings = view.agenda.entries.iter().any(|e| matches!(e.kind, EntryKind::Meeting { .. }));
    Body {
        participant: view.agenda.participant_name.clone(),
        organisation: view.agenda.organisation.clone(),
        own: view.own,
        by_organiser: view.by_organiser,
        unpublished: view.meetings_unpublished,
        preliminary: view.preliminary,
        cancelled: view.event.state == EventState::Cancelled,
        has_meetings,
        // While the agenda is unpublished, its note says why meetings are missing.
        waiting: if view.waiting > 0 && !view.meetings_unpublished { t.count("agendas-waiting", view.waiting as i64) } else { String::new() },
        days,
        qr: inline_svg(&view.checkin_qr),
        pdf,
        ics,
        webcal_url: view.subscribe_url.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1),
        subscribe_url: view.subscribe_url.clone(),
        participants: participants_path(view.event.id),
    }
}

fn agenda_page(ctx: &Ctx, view: &AgendaView, pdf: String, ics: String) -> Result<Response, PageError> {
    let t = ctx.t;
    let title = if view.own {
        t.with("agendas-title", "name", &view.event.name)
    } else {
        t.with("agendas-participant-title", "name", &view.registration.display_name)
    };
    let page = AgendaPage {
        l: Layout::new(ctx, title),
        event_id: view.event.id.to_string(),
        event_name: view.event.name.clone(),
        timezone: view.event.timezone.name().to_owned(),
        agenda: Some(body(t, view, pdf, ics)),
        none: None,
    };
    render(t, StatusCode::OK, &page)
}

/// The page for a visitor without an agenda at the event: why, and where to register (403).
async fn no_agenda_page(state: &AppState, ctx: &Ctx, id: EventId) -> Result<Response, PageError> {
    let t = ctx.t;
    let p = public::page(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let open = p.event.state == EventState::Published && p.event.registration_open && !p.event.is_past(Utc::now());
    let page = AgendaPage {
        l: Layout::new(ctx, t.with("agendas-title", "name", &p.event.name)),
        event_id: id.to_string(),
        event_name: p.event.name.clone(),
        timezone: p.event.timezone.name().to_owned(),
        agenda: None,
        none: Some(NoAgenda {
            state: p.mine.as_ref().filter(|r| r.state != RegistrationState::Cancelled).map(|r| registration_label(t, r.state)).unwrap_or_default(),
            open: open && p.mine.as_ref().is_none_or(|r| !r.state.is_active()),
        }),
    };
    render(t, StatusCode::FORBIDDEN, &page)
}

fn require_login(ctx: &Ctx) -> Result<(), PageError> {
    ctx.actor.user().map(drop).map_err(|d| ctx.fail(d.into()))
}

/// A file as a download (`attachment`) or for a calendar client to read (`inline`).
fn download(d: Download, attachment: bool) -> Response {
    let disposition = content_disposition(&d.file_name);
    let disposition = if attachment { disposition } else { disposition.replacen("attachment", "inline", 1) };
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(d.media_type)),
        (header::CONTENT_DISPOSITION, HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment"))),
        // Personal data: no shared cache keeps it, and every fetch is fresh.
        (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
    ];
    (headers, d.bytes).into_response()
}

/// `GET /events/{id}/my-agenda`.
pub async fn my_agenda(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    match docs::agenda(&state.app, &ctx.actor, AgendaOf::Mine(id), ctx.t.locale).await {
        Ok(view) => {
            let base = docs::my_agenda_path(id);
            agenda_page(&ctx, &view, format!("{base}.pdf"), format!("{base}.ics"))
        }
        Err(AppError::Denied(Denied::Forbidden)) => no_agenda_page(&state, &ctx, id).await,
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `GET /events/{id}/my-agenda.ics`: the agenda as a calendar file.
pub async fn my_agenda_ics(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: EventId = parse_id(ctx.t, &id)?;
    let file = docs::agenda_ics(&state.app, &ctx.actor, AgendaOf::Mine(id), ctx.t.locale).await.map_err(|e| ctx.fail(e))?;
    Ok(download(file, true))
}

/// `GET /events/{id}/my-agenda.pdf`: the printable agenda.
pub async fn my_agenda_pdf(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: EventId = parse_id(ctx.t, &id)?;
    let file = docs::agenda_pdf(&state.app, &ctx.actor, AgendaOf::Mine(id), ctx.t.locale).await.map_err(|e| ctx.fail(e))?;
    Ok(download(file, true))
}

/// A button's form: just the token.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct TokenForm {
    _csrf: String,
}

/// `POST /events/{id}/my-agenda/reset-calendar`: a new subscription link; the old one stops.
pub async fn reset_calendar(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<TokenForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let id: EventId = parse_id(ctx.t, &id)?;
    calendar::reset_link(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    ctx.flash(ctx.t.get("agendas-reset-done")).await;
    Ok(see_other(&format!("{}#subscribe", docs::my_agenda_path(id))))
}

/// `GET /calendar/{token}.ics`: the subscribed calendar, without a login (the token is the key).
pub async fn subscription(State(state): State<AppState>, ctx: Ctx, Path(file): Path<String>) -> Result<Response, PageError> {
    let not_found = || PageError::new(ctx.t, PageErrorKind::NotFound);
    let token = file.strip_suffix(".ics").ok_or_else(not_found)?;
    match calendar::subscription(&state.app, token).await {
        Ok(file) => Ok(download(file, false)),
        Err(AppError::NotFound) => Err(not_found()),
        Err(e) => Err(ctx.fail(e)),
    }
}

/// `GET /registrations/{id}/agenda`: a participant's agenda, for the event's organisers.
pub async fn registration_agenda(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: RegistrationId = parse_id(ctx.t, &id)?;
    let view = docs::agenda(&state.app, &ctx.actor, AgendaOf::Registration(id), ctx.t.locale).await.map_err(|e| ctx.fail(e))?;
    let base = format!("/registrations/{id}/agenda");
    agenda_page(&ctx, &view, format!("{base}.pdf"), format!("{base}.ics"))
}

/// `GET /registrations/{id}/agenda.pdf`.
pub async fn registration_agenda_pdf(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: RegistrationId = parse_id(ctx.t, &id)?;
    let file = docs::agenda_pdf(&state.app, &ctx.actor, AgendaOf::Registration(id), ctx.t.locale).await.map_err(|e| ctx.fail(e))?;
    Ok(download(file, true))
}

/// `GET /registrations/{id}/agenda.ics`.
pub async fn registration_agenda_ics(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: RegistrationId = parse_id(ctx.t, &id)?;
    let file = docs::agenda_ics(&state.app, &ctx.actor, AgendaOf::Registration(id), ctx.t.locale).await.map_err(|e| ctx.fail(e))?;
    Ok(download(file, true))
}

/// `GET /events/{id}/table-plan.pdf`: for organisers.
pub async fn table_plan(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: EventId = parse_id(ctx.t, &id)?;
    let file = docs::table_plan_pdf(&state.app, &ctx.actor, id, ctx.t.locale).await.map_err(|e| ctx.fail(e))?;
    Ok(download(file, true))
}

/// `GET /events/{id}/meetings.xlsx`: for organisers.
pub async fn meetings_xlsx(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: EventId = parse_id(ctx.t, &id)?;
    let file = docs::meetings_xlsx(&state.app, &ctx.actor, id, ctx.t.locale).await.map_err(|e| ctx.fail(e))?;
    Ok(download(file, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn days_are_headed_on_the_venues_calendar_in_the_readers_language() {
        // 23:30 UTC is already the next day in Leipzig.
        let at = Utc.with_ymd_and_hms(2030, 10, 19, 23, 30, 0).single().expect("time");
        assert_eq!(day_label(Tr::new(Locale::En), Tz::Europe__Berlin, &at), "Sunday, 20 October 2030");
        assert_eq!(day_label(Tr::new(Locale::De), Tz::Europe__Berlin, &at), "Sonntag, 20. Oktober 2030");
    }
}
