//! Translations (Fluent files in `locales/{en,de}`, compiled in) and locale-aware formatting.

use chrono::{DateTime, Utc};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use num_format::ToFormattedString;
use std::borrow::Cow;
use std::collections::HashMap;
use tandem_core::account::Locale;
use unic_langid::langid;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bidi isolation marks around arguments would end up inside HTML attributes and URLs.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static DE: LanguageIdentifier = langid!("de");

/// Translator for one request's locale; templates call its `get` with a message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    /// The locale.
    pub locale: Locale,
}

impl Tr {
    /// A translator for `locale`.
    pub fn new(locale: Locale) -> Tr {
        Tr { locale }
    }

    fn lang(&self) -> &'static LanguageIdentifier {
        match self.locale {
            Locale::En => &EN,
            Locale::De => &DE,
        }
    }

    /// The message `key`; the key itself if it is missing (a test keeps that from happening).
    pub fn get(&self, key: &str) -> String {
        LOCALES.try_lookup(self.lang(), key).unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with one argument.
    pub fn with(&self, key: &str, name: &'static str, value: impl ToString) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_string()));
        LOCALES.try_lookup_with_args(self.lang(), key, &args).unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with a count (for plural rules) .
    pub fn count(&self, key: &str, n: i64) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed("count"), FluentValue::from(n));
        args.insert(Cow::Borrowed("formatted"), FluentValue::from(self.number(n)));
        LOCALES.try_lookup_with_args(self.lang(), key, &args).unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with named arguments (numbers select plural forms: pass them as
    /// `FluentValue::from(n)`).
    pub fn args(&self, key: &str, args: &[(&'static str, FluentValue<'_>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args.iter().map(|(name, value)| (Cow::Borrowed(*name), value.clone())).collect();
        LOCALES.try_lookup_with_args(self.lang(), key, &map).unwrap_or_else(|| key.to_owned())
    }

    /// A whole number with the locale's digit grouping (1,250,000 / 1.250.000).
    pub fn number(&self, n: i64) -> String {
        match self.locale {
            Locale::En => n.to_formatted_string(&num_format::Locale::en),
            Locale::De => n.to_formatted_string(&num_format::Locale::de),
        }
    }

    /// A date in the locale's long form (27 November 2026 / 27. November 2026).
    pub fn date(&self, at: &DateTime<Utc>) -> String {
        match self.locale {
            Locale::En => at.format_localized("%-d %B %Y", chrono::Locale::en_GB).to_string(),
            Locale::De => at.format_localized("%-d. %B %Y", chrono::Locale::de_DE).to_string(),
        }
    }

    /// A date and time in the locale's form, in the given IANA time zone (UTC if unknown).
    pub fn date_time(&self, at: &DateTime<Utc>, zone: &str) -> String {
        let tz: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::UTC);
        let local = at.with_timezone(&tz);
        match self.locale {
            Locale::En => local.format_localized("%-d %B %Y, %H:%M %Z", chrono::Locale::en_GB).to_string(),
            Locale::De => local.format_localized("%-d. %B %Y, %H:%M %Z", chrono::Locale::de_DE).to_string(),
        }
    }

    /// The language's code for `<html lang>`.
    pub fn lang_code(&self) -> &'static str {
        self.locale.key()
    }

    /// Whether a message is present in the catalogue of `locale` (tests). Messages with
    /// variables only resolve with arguments, so every variable name in use is supplied.
    pub fn has(locale: Locale, key: &str) -> bool {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        for name in ["count", "formatted", "name", "city", "page", "items", "names", "code", "label", "this", "other", "country", "title"] {
            args.insert(Cow::Borrowed(name), FluentValue::from(1));
        }
        LOCALES.try_lookup_with_args(Tr::new(locale).lang(), key, &args).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn numbers_and_dates_follow_the_locale() {
        let en = Tr::new(Locale::En);
        let de = Tr::new(Locale::De);
        assert_eq!(en.number(1_250_000), "1,250,000");
        assert_eq!(de.number(1_250_000), "1.250.000");
        let at = Utc.with_ymd_and_hms(2026, 11, 27, 13, 5, 0).single().expect("valid date");
        assert_eq!(en.date(&at), "27 November 2026");
        assert_eq!(de.date(&at), "27. November 2026");
        assert_eq!(de.date_time(&at, "Europe/Berlin"), "27. November 2026, 14:05 CET");
    }
}
