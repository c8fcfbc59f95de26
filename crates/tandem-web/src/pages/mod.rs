//! HTML pages. Handlers are thin: read the request, call one use case, render a template.

pub mod account;
pub mod auth;
pub mod brokerage;
pub mod directory;
pub mod events;
pub mod evidence;
pub mod home;
pub mod locale;
pub mod marketplace;
pub mod matching;
pub mod meetings;
pub mod members;
pub mod organisations;
pub mod people;
pub mod privacy;
pub mod profiles;
pub mod programmes;
pub mod searches;
pub mod uploads;

use crate::ctx::Ctx;
use crate::error::{PageError, PageErrorKind};
use crate::i18n::Tr;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use std::collections::HashMap;
use tandem_core::account::{Locale, OrgRole};
use tandem_core::directory::{OrgKind, ProgrammeKind, ProgrammeStatus};
use tandem_core::nace::{NaceCatalogue, NaceCode};
use tandem_core::validation::ValidationErrors;

/// What the shared layout (`base.html`) shows.
pub struct Layout {
    /// Translator.
    pub t: Tr,
    /// Page title.
    pub title: String,
    /// Someone is logged in.
    pub logged_in: bool,
    /// Their name.
    pub user_name: String,
    /// Form token.
    pub csrf: String,
    /// This page, percent-encoded for the language switch's `return_to`.
    pub here_encoded: String,
    /// Locale key to switch to.
    pub switch_to: &'static str,
    /// Label of the switch, in the other language.
    pub switch_label: String,
    /// One-shot notice.
    pub flash: Option<String>,
    /// Rendering an htmx fragment (out-of-band updates of the layout go with it).
    pub fragment: bool,
}

impl Layout {
    /// The layout for `ctx` with a title.
    pub fn new(ctx: &Ctx, title: String) -> Layout {
        let other = ctx.other_locale();
        Layout {
            t: ctx.t,
            title,
            logged_in: ctx.logged_in(),
            user_name: ctx.user_name().to_owned(),
            csrf: ctx.csrf.clone(),
            here_encoded: crate::error::urlencode(&ctx.here),
            switch_to: other.key(),
            switch_label: Tr::new(other).get("language-switch"),
            flash: ctx.flash.clone(),
            fragment: ctx.htmx,
        }
    }
}

/// Renders a template with a status.
pub fn render(t: Tr, status: StatusCode, template: &impl Template) -> Result<Response, PageError> {
    let html = template.render().map_err(|e| PageError::internal(t, format!("template failed: {e}")))?;
    Ok((status, Html(html)).into_response())
}

/// 303 See Other to `to` (after a successful POST).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// The 404 page for unknown paths.
pub async fn not_found(ctx: Ctx) -> PageError {
    PageError::new(ctx.t, PageErrorKind::NotFound)
}

/// A form's submitted values and its problems, for re-rendering it next to the fields.
pub struct FormState {
    /// Where it posts.
    pub action: String,
    /// Where "cancel" goes.
    pub cancel: String,
    /// Record version the form was opened at (optimistic concurrency).
    pub version: i64,
    values: HashMap<String, String>,
    /// Problems.
    pub errors: ValidationErrors,
    /// (field id, message) for the summary at the top.
    pub summary: Vec<(String, String)>,
    t: Tr,
}

impl FormState {
    /// An empty form.
    pub fn new(t: Tr, action: impl Into<String>) -> FormState {
        FormState {
            action: action.into(),
            cancel: "/".into(),
            version: 0,
            values: HashMap::new(),
            errors: ValidationErrors::default(),
            summary: Vec::new(),
            t,
        }
    }

    /// Sets a value.
    pub fn set(&mut self, field: &str, value: impl Into<String>) -> &mut Self {
        self.values.insert(field.to_owned(), value.into());
        self
    }

    /// Records problems, translating each for the field and the summary.
    pub fn with_errors(mut self, errors: ValidationErrors) -> Self {
        self.summary = errors.0.iter().map(|e| (e.field.clone(), translate_error(self.t, e))).collect();
        self.errors = errors;
        self
    }

    /// The submitted value of `field`.
    pub fn val(&self, field: &str) -> &str {
        self.values.get(field).map(String::as_str).unwrap_or_default()
    }

    /// The translated problem with `field`, or "".
    pub fn err(&self, field: &str) -> String {
        self.errors.for_field(field).map(|e| translate_error(self.t, e)).unwrap_or_default()
    }
}

/// The message for a field problem in the reader's language: German readers get the
/// translated text for the code; English readers get the detailed message.
fn translate_error(t: Tr, e: &tandem_core::validation::FieldError) -> String {
    let key = format!("validation-{}", e.code);
    match t.locale {
        Locale::De if Tr::has(Locale::De, &key) => t.get(&key),
        _ => e.message.clone(),
    }
}

/// A form that carries nothing but the CSRF token (logout, revoke, remove).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CsrfOnly {
    /// The form token.
    pub _csrf: String,
}

/// One text input of a simple form.
pub struct InputField {
    /// Field name and id.
    pub name: &'static str,
    /// Visible label.
    pub label: String,
    /// Input type.
    pub kind: &'static str,
    /// Autocomplete token.
    pub autocomplete: &'static str,
    /// Help text.
    pub hint: String,
}

impl InputField {
    /// A field without hint.
    pub fn new(name: &'static str, label: String, kind: &'static str, autocomplete: &'static str) -> InputField {
        InputField { name, label, kind, autocomplete, hint: String::new() }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: String) -> InputField {
        self.hint = hint;
        self
    }
}

/// Translated label of an organisation kind.
pub fn kind_label(t: Tr, kind: OrgKind) -> String {
    t.get(&format!("kind-{}", kind.key()))
}

/// Translated label of a programme kind.
pub fn programme_kind_label(t: Tr, kind: ProgrammeKind) -> String {
    t.get(&format!("programme-kind-{}", kind.key()))
}

/// Translated label of a programme status.
pub fn status_label(t: Tr, status: ProgrammeStatus) -> String {
    t.get(&format!("programme-status-{}", status.key()))
}

/// Translated label of a role.
pub fn role_label(t: Tr, role: OrgRole) -> String {
    t.get(&format!("role-{}", role.key()))
}

/// A NACE code's label in the reader's language.
pub fn nace_label(t: Tr, nace: &NaceCatalogue, code: &NaceCode) -> String {
    match nace.get(code) {
        Some(e) if t.locale == Locale::De => e.label_de.clone(),
        Some(e) => e.label_en.clone(),
        None => String::new(),
    }
}

/// Codes with labels, for display.
pub fn nace_pairs(t: Tr, nace: &NaceCatalogue, codes: &[NaceCode]) -> Vec<(String, String)> {
    codes.iter().map(|c| (c.to_string(), nace_label(t, nace, c))).collect()
}

/// A description in one language, for a page.
pub struct Description {
    /// Language code.
    pub lang: &'static str,
    /// Heading for screen readers.
    pub heading: String,
    /// Text.
    pub text: String,
}

/// Both descriptions, the reader's language first.
pub fn descriptions(t: Tr, en: Option<&str>, de: Option<&str>) -> Vec<Description> {
    let mut list: Vec<Description> = Vec::new();
    let mut push = |lang: &'static str, text: Option<&str>| {
        if let Some(text) = text {
            list.push(Description { lang, heading: t.get(&format!("description-in-{lang}")), text: text.to_owned() });
        }
    };
    match t.locale {
        Locale::De => {
            push("de", de);
            push("en", en);
        }
        Locale::En => {
            push("en", en);
            push("de", de);
        }
    }
    list
}

/// A short summary in the reader's language if there is one, else in the other: (text, lang).
pub fn summary(t: Tr, en: Option<&str>, de: Option<&str>) -> (String, &'static str) {
    let (first, second) = match t.locale {
        Locale::De => ((de, "de"), (en, "en")),
        Locale::En => ((en, "en"), (de, "de")),
    };
    let (text, lang) = match (first.0, second.0) {
        (Some(text), _) => (text, first.1),
        (None, Some(text)) => (text, second.1),
        (None, None) => ("", t.locale.key()),
    };
    (shorten(text, 240), lang)
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{cut} …")
}

/// A form field's value, or `None` when it was left blank.
pub fn non_empty(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.to_owned())
}

/// Splits a typed list of codes ("62.01, 58.21; J") into items.
pub fn split_codes(raw: &str) -> Vec<String> {
    raw.split([',', ';', ' ', '\n', '\t']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// The page a login returns to: only local paths, so the parameter cannot send users elsewhere.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_parameter_stays_on_this_site() {
        assert_eq!(safe_next(Some("/organisations/1")), "/organisations/1");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn summaries_prefer_the_readers_language_and_cut_at_a_word() {
        let t = Tr::new(Locale::De);
        assert_eq!(summary(t, Some("English"), Some("Deutsch")), ("Deutsch".to_owned(), "de"));
        assert_eq!(summary(t, Some("English"), None), ("English".to_owned(), "en"));
        let long = "word ".repeat(100);
        assert!(summary(t, Some(&long), None).0.ends_with(" …"));
    }

    #[test]
    fn codes_split_on_any_separator() {
        assert_eq!(split_codes("62.01, 58.21;J\n72"), vec!["62.01", "58.21", "J", "72"]);
    }
}
