//! Brokerage events in the browser (issue 5, items 1 and 5): the events list, an event's public
//! page with its agenda, the organisers' set-up (details, settings, organisers, agenda,
//! questions), registration, the participant list and check-in.
//!
//! Handlers are thin: the use cases in `tandem_app::events` decide who may do what and what an
//! event shows to whom (drafts to organisers only, stream links to participants only). Every
//! form works without JavaScript; htmx only makes check-in a one-click update in place.

pub mod agenda;
pub mod checkin;
pub mod documents;
pub mod followup;
pub mod list;
pub mod registration;
pub mod schedule;
pub mod setup;

use super::{safe_next, see_other, FormState, Layout};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use askama::Template;
use axum::response::Response;
use tandem_app::AppError;
use tandem_core::validation::ValidationErrors;
use chrono::{DateTime, Utc};
use tandem_core::events::event::Event;
use tandem_core::events::{Attendance, EventState, OrganiserRole, QuestionKind, RegistrationState, RequestMode, SchedulingMode, SessionKind};
use tandem_core::policy::Actor;

/// The reader's label of an event state.
pub(crate) fn state_label(t: Tr, state: EventState) -> String {
    t.get(&format!("events-state-{}", state.key()))
}

/// The reader's label of an organiser role.
pub(crate) fn role_label(t: Tr, role: OrganiserRole) -> String {
    t.get(&format!("events-role-{}", role.key()))
}

/// The reader's label of a session kind.
pub(crate) fn kind_label(t: Tr, kind: SessionKind) -> String {
    t.get(&format!("events-kind-{}", kind.key()))
}

/// The reader's label of a registration state.
pub(crate) fn registration_label(t: Tr, state: RegistrationState) -> String {
    t.get(&format!("events-reg-state-{}", state.key()))
}

/// The reader's label of an attendance.
pub(crate) fn attendance_label(t: Tr, attendance: Attendance) -> String {
    t.get(&format!("events-attendance-{}", attendance.key()))
}

/// The reader's label of a question kind.
pub(crate) fn question_kind_label(t: Tr, kind: QuestionKind) -> String {
    t.get(&format!("events-question-kind-{}", kind.key()))
}

/// Options of a select over a keyed enum, with labels.
pub(crate) fn choices<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str, label: impl Fn(T) -> String) -> Vec<(String, String)> {
    all.iter().map(|v| (key(*v).to_owned(), label(*v))).collect()
}

/// Options of a select: (value, label).
pub(crate) type Options = Vec<(String, String)>;

/// The request and scheduling modes, labelled.
pub(crate) fn mode_choices(t: Tr) -> (Options, Options) {
    (
        choices(RequestMode::ALL, RequestMode::key, |m| t.get(&format!("events-request-mode-{}", m.key()))),
        choices(SchedulingMode::ALL, SchedulingMode::key, |m| t.get(&format!("events-scheduling-mode-{}", m.key()))),
    )
}

/// When an event takes place, on the venue's clock: "20 October 2017, 09:00 BST – 17:30".
/// An event over several days names the end's date too.
pub(crate) fn when(t: Tr, event: &Event) -> String {
    span(t, event, &event.starts_at, &event.ends_at)
}

/// A span of time at `event`, on the venue's clock.
pub(crate) fn span(t: Tr, event: &Event, starts_at: &DateTime<Utc>, ends_at: &DateTime<Utc>) -> String {
    let tz = event.timezone;
    let (start, end) = (starts_at.with_timezone(&tz), ends_at.with_timezone(&tz));
    let end_text = if start.date_naive() == end.date_naive() {
        end.format("%H:%M").to_string()
    } else {
        t.date_time(ends_at, tz.name())
    };
    format!("{} – {end_text}", t.date_time(starts_at, tz.name()))
}

/// Just the times of a span on the venue's clock ("10:00–11:40"), for an agenda on one page.
pub(crate) fn times(event: &Event, starts_at: &DateTime<Utc>, ends_at: &DateTime<Utc>) -> String {
    let tz = event.timezone;
    format!("{}–{}", starts_at.with_timezone(&tz).format("%H:%M"), ends_at.with_timezone(&tz).format("%H:%M"))
}

/// The organisations the actor belongs to as staff (those that may create events).
pub(crate) fn staff_orgs(actor: &Actor) -> Vec<(String, String)> {
    use tandem_core::account::OrgRole;
    match actor {
        Actor::User(u) => u
            .memberships
            .iter()
            .filter(|m| matches!(m.role, OrgRole::OrgAdmin | OrgRole::ProgrammeManager))
            .map(|m| (m.org_id.to_string(), m.org_name.clone()))
            .collect(),
        Actor::Anonymous => Vec::new(),
    }
}

/// A refusal's reasons as one notice, each in the reader's language.
pub(crate) fn refusal(t: Tr, errors: ValidationErrors) -> String {
    FormState::new(t, "").with_errors(errors).summary.into_iter().map(|(_, m)| m).collect::<Vec<_>>().join(" ")
}

/// After a button: the notice `done` on success, the refusal's reasons otherwise (never an
/// error page for a user's mistake); then to `to`. Other failures are error pages.
pub(crate) async fn after(ctx: &Ctx, result: Result<impl Sized, AppError>, done: &str, to: String) -> Result<Response, PageError> {
    match result {
        Ok(_) => ctx.flash(ctx.t.get(done)).await,
        Err(AppError::Invalid(errors)) => ctx.flash(refusal(ctx.t, errors)).await,
        Err(e) => return Err(ctx.fail(e)),
    }
    Ok(see_other(&to))
}

/// Where a button returns to: a local path from the form, else `fallback`.
pub(crate) fn back_to(return_to: &str, fallback: String) -> String {
    if return_to.trim().is_empty() { fallback } else { safe_next(Some(return_to)) }
}

/// One field of an events form, with its value and problem already looked up.
pub(crate) struct Field {
    /// Name and id.
    pub name: String,
    /// Label.
    pub label: String,
    /// `text`, `textarea`, `select`, `checkbox`, `number`, `datetime-local`, `url`.
    pub kind: &'static str,
    /// Submitted value.
    pub value: String,
    /// Select options (value, label).
    pub options: Vec<(String, String)>,
    /// Help text.
    pub hint: String,
    /// Must be filled in.
    pub required: bool,
    /// The translated problem, or "".
    pub error: String,
}

impl Field {
    /// A field of `kind` showing `f`'s value and problem for `name`.
    pub(crate) fn new(f: &FormState, name: &str, label: String, kind: &'static str) -> Field {
        Field {
            name: name.to_owned(),
            label,
            kind,
            value: f.val(name).to_owned(),
            options: Vec::new(),
            hint: String::new(),
            required: false,
            error: f.err(name),
        }
    }

    /// Marks it required.
    pub(crate) fn required(mut self) -> Field {
        self.required = true;
        self
    }

    /// Adds a hint.
    pub(crate) fn hint(mut self, hint: String) -> Field {
        self.hint = hint;
        self
    }

    /// Sets the select options.
    pub(crate) fn options(mut self, options: Vec<(String, String)>) -> Field {
        self.options = options;
        self
    }

    /// A ticked checkbox.
    pub(crate) fn checked(&self) -> bool {
        self.value == "true"
    }
}

/// A page with one form of [`Field`]s (create and edit pages).
#[derive(Template)]
#[template(path = "event_form.html")]
pub(crate) struct FormPage {
    /// Layout.
    pub l: Layout,
    /// A line above the form (the event's name).
    pub context: String,
    /// What the form is for.
    pub intro: String,
    /// Values, problems, action and cancel link.
    pub f: FormState,
    /// The fields.
    pub fields: Vec<Field>,
    /// The submit button's label.
    pub submit: String,
}

/// "true" or "" for a checkbox's value in a `FormState`.
pub(crate) fn flag(on: bool) -> &'static str {
    if on { "true" } else { "" }
}

/// A number for a form ("" for none).
pub(crate) fn number(n: Option<i32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_core::account::Locale;
    use tandem_core::events::event::EventDraft;

    #[test]
    fn an_events_times_are_told_on_the_venues_clock() {
        let details = EventDraft {
            name: "Tandem".into(),
            timezone: "Europe/London".into(),
            starts_at: "2017-10-20T09:00".into(),
            ends_at: "2017-10-20T17:30".into(),
            venue_name: "iCentrum".into(),
            tables: "20".into(),
            ..EventDraft::default()
        }
        .validate()
        .expect("valid");
        let event = Event::new(details, "t".into(), None, Utc::now());
        assert_eq!(when(Tr::new(Locale::En), &event), "20 October 2017, 09:00 BST – 17:30");
        assert_eq!(when(Tr::new(Locale::De), &event), "20. Oktober 2017, 09:00 BST – 17:30");
        assert_eq!(times(&event, &event.starts_at, &event.ends_at), "09:00–17:30");
    }

    #[test]
    fn buttons_return_to_local_pages_only() {
        assert_eq!(back_to("", "/events".into()), "/events");
        assert_eq!(back_to("https://evil.example", "/events".into()), "/");
    }
}
