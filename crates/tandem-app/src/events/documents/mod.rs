//! Agendas and the organiser's documents (issue 5, item 4; DOMAIN.md, "Brokerage events":
//! "personal agenda (web, calendar file, printable PDF with table numbers), organiser's table
//! plan and meeting lists (Excel)").
//!
//! The use cases read the event from the database into the view types of
//! `tandem_io::event_docs` and let its writers make the bytes:
//! - `agenda`: a participant's sessions and placed meetings, for the page, the calendar file and
//!   the PDF;
//! - `organiser`: the table plan and the spreadsheet's rows;
//! - `calendar`: the subscribable calendar behind a secret per-registration token;
//! - `labels`: the words the documents print, in the reader's language.
//!
//! Who sees what: a participant their own agenda (approved registration), an organiser anyone's
//! agenda and the event's plan and list. At auto-scheduled events participants see where their
//! meetings sit only once the organiser has published the agenda (preliminary or final); where
//! participants pick slots themselves, a placed meeting shows at once.

mod agenda;
pub mod calendar;
mod labels;
mod organiser;

use super::access::{event_path, link, organised, visible};
use super::checkin;
use crate::{App, AppError, AppResult};
use std::collections::HashMap;
use tandem_core::account::Locale;
use tandem_core::events::event::Event;
use tandem_core::events::registration::Registration;
use tandem_core::events::{AgendaState, RegistrationState, SchedulingMode};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{EventId, RegistrationId};
/// The agenda as the pages show it.
pub use tandem_io::event_docs::{AgendaEntry, EntryKind, EventInfo, PersonalAgenda};
use tandem_store::registrations::{self, Listed, RegistrationFilter};
use tandem_store::Conn;

/// Whose agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaOf {
    /// The actor's own, at this event.
    Mine(EventId),
    /// A participant's, for the event's organisers (or the participant themself).
    Registration(RegistrationId),
}

/// A participant's agenda with what the page says around it.
#[derive(Debug, Clone)]
pub struct AgendaView {
    /// The event (its time zone, scheduling mode and agenda state).
    pub event: Event,
    /// Whose agenda it is.
    pub registration: Registration,
    /// Sessions and placed meetings (in any order; the writers sort).
    pub agenda: PersonalAgenda,
    /// The viewer organises the event.
    pub by_organiser: bool,
    /// The viewer is the participant.
    pub own: bool,
    /// Placed meetings are left out because the organisers have not published the agenda yet.
    pub meetings_unpublished: bool,
    /// The agenda is published as preliminary: meetings may still move.
    pub preliminary: bool,
    /// Accepted meetings that are not on the agenda (no slot yet, or not published).
    pub waiting: usize,
    /// The check-in QR code (SVG document), holding the link the organisers scan.
    pub checkin_qr: String,
    /// The absolute URL of the participant's subscribable calendar.
    pub subscribe_url: String,
}

/// A file to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// A name from the event's slug, e.g. `tandem-25-2030-agenda.pdf`.
    pub file_name: String,
    /// `text/calendar; charset=utf-8`, `application/pdf` …
    pub media_type: &'static str,
    /// The content.
    pub bytes: Vec<u8>,
}

/// Media type of calendar files.
pub const CALENDAR: &str = "text/calendar; charset=utf-8";
/// Media type of PDFs.
pub const PDF: &str = "application/pdf";
/// Media type of the spreadsheet.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Path of the actor's agenda page at an event.
pub fn my_agenda_path(event: EventId) -> String {
    format!("/events/{event}/my-agenda")
}

/// The actor's (or, for organisers, a participant's) agenda.
pub async fn agenda(app: &App, actor: &Actor, of: AgendaOf, locale: Locale) -> AppResult<AgendaView> {
    let mut conn = app.db().acquire().await?;
    let s = subject(conn.conn(), actor, of).await?;
    let unpublished = unpublished(&s.event);
    let built = agenda::build(conn.conn(), app, &s.event, &s.registration, !unpublished || s.by_organiser, locale).await?;
    Ok(AgendaView {
        meetings_unpublished: unpublished && !s.by_organiser,
        preliminary: s.event.scheduling_mode == SchedulingMode::Auto && s.event.agenda_state == AgendaState::Preliminary,
        waiting: built.waiting,
        checkin_qr: checkin::qr_svg(app, &s.registration)?,
        subscribe_url: link(app, &calendar::calendar_path(&s.registration.calendar_token)),
        agenda: built.agenda,
        by_organiser: s.by_organiser,
        own: s.own,
        registration: s.registration,
        event: s.event,
    })
}

/// The agenda as a calendar file, in the reader's language.
pub async fn agenda_ics(app: &App, actor: &Actor, of: AgendaOf, locale: Locale) -> AppResult<Download> {
    let view = agenda(app, actor, of, locale).await?;
    Ok(Download {
        file_name: file_name(&view.event, "agenda", &view, "ics"),
        media_type: CALENDAR,
        bytes: tandem_io::ics::agenda_calendar(&view.agenda, &labels::calendar(locale)).into_bytes(),
    })
}

/// The printable agenda with table numbers, partners, profiles and the check-in code.
pub async fn agenda_pdf(app: &App, actor: &Actor, of: AgendaOf, locale: Locale) -> AppResult<Download> {
    let view = agenda(app, actor, of, locale).await?;
    let file_name = file_name(&view.event, "agenda", &view, "pdf");
    let labels = labels::pdf(locale);
    let bytes = blocking(move || tandem_io::agenda_pdf::agenda_pdf(&view.agenda, &labels)).await?.bytes;
    Ok(Download { file_name, media_type: PDF, bytes })
}

/// The organiser's table plan as a PDF.
pub async fn table_plan_pdf(app: &App, actor: &Actor, event: EventId, locale: Locale) -> AppResult<Download> {
    let mut conn = app.db().acquire().await?;
    let (event, _guard) = organised(conn.conn(), actor, event).await?;
    let plan = organiser::table_plan(conn.conn(), app, &event).await?;
    drop(conn);
    let labels = labels::pdf(locale);
    let bytes = blocking(move || tandem_io::agenda_pdf::table_plan_pdf(&plan, &labels)).await?.bytes;
    Ok(Download { file_name: format!("{}-table-plan.pdf", event.slug), media_type: PDF, bytes })
}

/// The organiser's spreadsheet: every request and meeting, and the table plan.
pub async fn meetings_xlsx(app: &App, actor: &Actor, event: EventId, locale: Locale) -> AppResult<Download> {
    let mut conn = app.db().acquire().await?;
    let (event, _guard) = organised(conn.conn(), actor, event).await?;
    let plan = organiser::table_plan(conn.conn(), app, &event).await?;
    let rows = organiser::meeting_rows(conn.conn(), &event, locale).await?;
    drop(conn);
    let labels = labels::sheet(locale);
    let bytes = blocking(move || tandem_io::meetings_xlsx::meetings_xlsx(&plan, &rows, &labels)).await?;
    Ok(Download { file_name: format!("{}-meetings.xlsx", event.slug), media_type: XLSX, bytes })
}

/// Typesetting and zipping take a moment of CPU: off the async workers.
async fn blocking<T, E>(work: impl FnOnce() -> Result<T, E> + Send + 'static) -> AppResult<T>
where
    T: Send + 'static,
    E: std::fmt::Display + Send + 'static,
{
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::Internal(format!("document task failed: {e}")))?
        .map_err(|e| AppError::Internal(format!("document failed: {e}")))
}

/// `<slug>-agenda.pdf` for one's own agenda; an organiser's copy names the participant too.
fn file_name(event: &Event, what: &str, view: &AgendaView, extension: &str) -> String {
    if view.own {
        return format!("{}-{what}.{extension}", event.slug);
    }
    let name: String = tandem_core::text::fold(&view.registration.display_name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let name = name.split_whitespace().collect::<Vec<_>>().join("-");
    format!("{}-{what}-{name}.{extension}", event.slug)
}

/// At an auto-scheduled event, participants see where their meetings sit only once the
/// organisers have published the agenda.
fn unpublished(event: &Event) -> bool {
    event.scheduling_mode == SchedulingMode::Auto && event.agenda_state == AgendaState::Unpublished
}

/// The event, the registration whose agenda is asked for, and who asks.
struct Subject {
    event: Event,
    registration: Registration,
    by_organiser: bool,
    own: bool,
}

/// Checks that the actor may see the agenda: their own with an approved registration
/// (`Forbidden` otherwise), or anyone's as an organiser. A registration someone else may not
/// see is `NotFound`, as its page is.
async fn subject(mut conn: Conn<'_>, actor: &Actor, of: AgendaOf) -> AppResult<Subject> {
    let user = actor.user()?;
    let (event, by_organiser, registration) = match of {
        AgendaOf::Mine(event) => {
            let (event, by_organiser) = visible(conn.reborrow(), actor, event).await?;
            let r = registrations::find_for_user(conn, event.id, user.id).await?.ok_or(Denied::Forbidden)?;
            (event, by_organiser, r)
        }
        AgendaOf::Registration(id) => {
            let r = registrations::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
            let (event, by_organiser) = visible(conn, actor, r.event_id).await?;
            if !by_organiser && r.user_id != user.id {
                return Err(AppError::NotFound);
            }
            (event, by_organiser, r)
        }
    };
    let own = registration.user_id == user.id;
    if own && !by_organiser && registration.state != RegistrationState::Approved {
        return Err(Denied::Forbidden.into());
    }
    Ok(Subject { event, registration, by_organiser, own })
}

/// The event as the documents print it.
fn event_info(app: &App, event: &Event) -> EventInfo {
    EventInfo {
        id: event.id.0,
        name: event.name.clone(),
        venue: event.venue_name.clone(),
        address: event.venue_address.clone(),
        timezone: event.timezone,
        public_url: link(app, &event_path(event.id)),
    }
}

/// Every registration of an event with its organisation and city: the names the documents
/// print for the people in them.
struct Roster(HashMap<RegistrationId, Listed>);

impl Roster {
    async fn load(conn: Conn<'_>, event: EventId) -> AppResult<Roster> {
        let all = registrations::list(conn, event, &RegistrationFilter::default()).await?;
        Ok(Roster(all.into_iter().map(|l| (l.registration.id, l)).collect()))
    }

    /// The name of a participant's organisation ("" without one).
    fn organisation(&self, id: RegistrationId) -> String {
        self.0.get(&id).and_then(|l| l.org_name.clone()).unwrap_or_default()
    }

    /// The city of a participant's organisation.
    fn city(&self, id: RegistrationId) -> Option<String> {
        self.0.get(&id).and_then(|l| l.city_name.clone())
    }

    /// "Anna Schmidt (Leipziger Robotik GmbH)", or the name alone.
    fn display(&self, id: RegistrationId) -> String {
        match self.0.get(&id) {
            Some(Listed { registration, org_name: Some(org), .. }) => format!("{} ({org})", registration.display_name),
            Some(l) => l.registration.display_name.clone(),
            None => String::new(),
        }
    }
}
