//! B2B meetings at brokerage events in the browser (issue 5, item 2): the participant directory
//! with recommendations, meeting requests, "My meetings" with accept (picking a free slot),
//! decline and cancel, the participant's availability, and the organiser's overview.
//!
//! Handlers are thin: the use cases in `tandem_app::events::meetings` decide who may do what.
//! Every form posts without JavaScript; htmx only refreshes the directory's results as filters
//! change. A refused action (a slot just taken, a cap reached) comes back as a notice in the
//! reader's language, never as an error page.

pub mod mine;
pub mod organiser;
pub mod outcomes;
pub mod participants;
pub mod slots;

use super::see_other;
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use chrono::{DateTime, Utc};
use tandem_app::AppError;
use tandem_core::account::Locale;
use tandem_core::events::event::Tz;
use tandem_core::events::{Attendance, MeetingMode, MeetingState};
use tandem_core::validation::ValidationErrors;
use tandem_core::EventId;

/// The reader's label of a meeting state.
pub(crate) fn state_label(t: Tr, state: MeetingState) -> String {
    t.get(&format!("meetings-state-{}", state.key()))
}

/// The reader's label of a meeting mode.
pub(crate) fn mode_label(t: Tr, mode: MeetingMode) -> String {
    t.get(&format!("meetings-mode-{}", mode.key()))
}

/// The reader's label of an attendance.
pub(crate) fn attendance_label(t: Tr, attendance: Attendance) -> String {
    t.get(&format!("meetings-attendance-{}", attendance.key()))
}

/// A slot on the venue's clock: "14 November 2027, 10:30 GMT – 11:00".
pub(crate) fn slot_label(t: Tr, tz: Tz, starts_at: &DateTime<Utc>, ends_at: &DateTime<Utc>) -> String {
    let end = ends_at.with_timezone(&tz).format("%H:%M");
    format!("{} – {end}", t.date_time(starts_at, tz.name()))
}

/// A use case's refusal in the reader's language: English readers get the detailed message,
/// German readers the translation of its code.
pub(crate) fn explain(t: Tr, errors: &ValidationErrors) -> String {
    let lines: Vec<String> = errors
        .0
        .iter()
        .map(|e| {
            let own = format!("meetings-error-{}", e.code);
            let general = format!("validation-{}", e.code);
            match t.locale {
                Locale::De if Tr::has(Locale::De, &own) => t.get(&own),
                Locale::De if Tr::has(Locale::De, &general) => t.get(&general),
                _ => e.message.clone(),
            }
        })
        .collect();
    lines.join(" ")
}

/// A page for someone the use case refuses (not a participant, say): a 400 page with the reason
/// in the reader's language; other errors as usual.
pub(crate) fn explain_or_fail(ctx: &Ctx, e: AppError) -> PageError {
    match e {
        AppError::Invalid(errors) => PageError::new(ctx.t, crate::error::PageErrorKind::BadRequest(explain(ctx.t, &errors))),
        other => ctx.fail(other),
    }
}

/// The reader's page after a button: a local path from the form, else `fallback`.
fn back_to(return_to: &str, fallback: String) -> String {
    if return_to.trim().is_empty() { fallback } else { super::safe_next(Some(return_to)) }
}

/// After a button's action: on success the notice `done`, on a refusal its explanation; then
/// back to the page the button was on. Other errors are error pages.
async fn after_action<T>(ctx: &Ctx, result: Result<T, AppError>, done: &str, to: String) -> Result<axum::response::Response, PageError> {
    match result {
        Ok(_) => ctx.flash(ctx.t.get(done)).await,
        Err(AppError::Invalid(errors)) => ctx.flash(explain(ctx.t, &errors)).await,
        Err(e) => return Err(ctx.fail(e)),
    }
    Ok(see_other(&to))
}

/// Refuses anonymous visitors (they are sent to the login page) before anything is loaded.
fn require_login(ctx: &Ctx) -> Result<(), PageError> {
    ctx.actor.user().map(drop).map_err(|d| ctx.fail(d.into()))
}

/// Links between the meeting pages of one event.
pub(crate) struct EventLinks {
    /// The event's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The reader takes part (my meetings, availability).
    pub participant: bool,
    /// The reader organises it (overview).
    pub organiser: bool,
}

impl EventLinks {
    fn new(id: EventId, name: &str, participant: bool, organiser: bool) -> EventLinks {
        EventLinks { id: id.to_string(), name: name.to_owned(), participant, organiser }
    }
}

/// The form of a button that carries a token, a reason and where to return.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ReasonForm {
    _csrf: String,
    return_to: String,
    reason: String,
}
