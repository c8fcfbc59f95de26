//! Every visible string exists in English and German.

use std::collections::BTreeSet;
use std::path::Path;
use tandem_core::account::{Locale, OrgRole};
use tandem_core::directory::{OrgKind, ProgrammeKind, ProgrammeStatus};
use tandem_core::partnering::agreement::{AgreementCategory, AgreementState, AgreementType};
use tandem_core::partnering::interest::InterestState;
use tandem_web::i18n::Tr;

fn keys_of(file: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(file)
        .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_owned()))
        .filter(|k| !k.is_empty())
        .collect()
}

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The Fluent files of a language (one per area: main, partnering, …).
fn ftl_files(locale: &str) -> BTreeSet<String> {
    std::fs::read_dir(crate_dir().join("locales").join(locale))
        .expect("read locale dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ftl"))
        .collect()
}

#[test]
fn english_and_german_have_the_same_keys() {
    let files = ftl_files("en");
    assert_eq!(files, ftl_files("de"), "the same Fluent files in both languages");
    let mut total = 0;
    for file in &files {
        let en = keys_of(&crate_dir().join("locales/en").join(file));
        let de = keys_of(&crate_dir().join("locales/de").join(file));
        let only_en: Vec<_> = en.difference(&de).collect();
        let only_de: Vec<_> = de.difference(&en).collect();
        assert!(only_en.is_empty() && only_de.is_empty(), "{file}: only in en: {only_en:?}; only in de: {only_de:?}");
        total += en.len();
    }
    assert!(total > 100);
}

/// Keys written literally in templates and code: `.get("…")`, `.with("…"`, `.count("…"`.
fn literal_keys() -> BTreeSet<String> {
    let mut files = Vec::new();
    let mut dirs = vec![crate_dir().join("templates"), crate_dir().join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html" || e == "rs") {
                files.push(path);
            }
        }
    }
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for marker in ["t.get(\"", "t.with(\"", "t.count(\""] {
            for (i, _) in text.match_indices(marker) {
                let rest = &text[i + marker.len()..];
                if let Some(end) = rest.find('"') {
                    keys.insert(rest[..end].to_owned());
                }
            }
        }
    }
    keys
}

#[test]
fn every_key_used_is_translated_in_both_languages() {
    let mut keys = literal_keys();
    assert!(keys.len() > 100, "the scan found the keys ({})", keys.len());
    keys.extend(OrgKind::ALL.iter().map(|k| format!("kind-{}", k.key())));
    keys.extend(ProgrammeKind::ALL.iter().map(|k| format!("programme-kind-{}", k.key())));
    keys.extend(ProgrammeStatus::ALL.iter().map(|s| format!("programme-status-{}", s.key())));
    keys.extend(OrgRole::ALL.iter().map(|r| format!("role-{}", r.key())));
    keys.extend(InterestState::ALL.iter().map(|s| format!("interest-state-{}", s.key())));
    keys.extend(InterestState::ALL.iter().map(|s| format!("interest-step-{}", s.key())));
    keys.extend(AgreementType::ALL.iter().map(|a| format!("agreement-type-{}", a.key())));
    keys.extend(AgreementCategory::ALL.iter().map(|c| format!("agreement-category-{}", c.key())));
    keys.extend(AgreementState::ALL.iter().map(|s| format!("agreement-state-{}", s.key())));
    keys.extend(["country-gb", "country-de", "description-in-en", "description-in-de"].map(String::from));
    keys.extend(["error-not-found", "error-forbidden", "error-conflict", "error-rate-limited", "error-bad-request", "error-internal"].map(String::from));
    // Partnering profiles and the marketplace: labels derived from enums and field names.
    keys.extend(tandem_core::partnering::ProfileType::ALL.iter().map(|k| format!("profile-type-{}", k.slug())));
    keys.extend(tandem_core::partnering::ProfileLanguage::ALL.iter().map(|k| format!("profile-language-{}", k.key())));
    keys.extend(tandem_core::partnering::PartnershipType::ALL.iter().map(|k| format!("partnership-{}", k.key())));
    keys.extend(tandem_core::partnering::PartnerSought::ALL.iter().map(|k| format!("partner-sought-{}", k.key())));
    keys.extend(tandem_core::partnering::StageOfDevelopment::ALL.iter().map(|k| format!("stage-{}", k.key())));
    keys.extend(tandem_core::partnering::IprStatus::ALL.iter().map(|k| format!("ipr-{}", k.key())));
    keys.extend(tandem_core::partnering::SizeBand::ALL.iter().map(|k| format!("size-band-{}", k.key())));
    keys.extend(["draft", "submitted", "returned", "published", "expired", "archived", "withdrawn"].map(|s| format!("profile-state-{s}")));
    keys.extend(["created", "edit", "submit", "approve", "return", "withdraw", "extend", "expire", "archive", "expiry_notice"].map(|s| format!("profile-event-{s}")));
    keys.extend((1..=17).map(|n| format!("sdg-{n}")));
    keys.extend(
        [
            "owner_org_id", "support_org_id", "profile_type", "language", "title", "summary", "description", "partner_role",
            "advantages", "technical_specification", "stage_of_development", "ipr_status", "keywords_market",
            "keywords_technology", "nace_codes", "sdgs", "partnership_types", "partner_sought", "target_countries",
            "call_programme", "call_identifier", "call_eoi_deadline", "call_deadline", "call_budget",
            "call_coordinator_required", "call_duration_months",
        ]
        .map(|f| format!("profile-field-{f}")),
    );
    keys.extend(
        ["required", "contact_details", "web_address", "patent_number", "owner_name", "direct_sales", "large_company_offer", "deadline_passed"]
            .map(|c| format!("profile-quality-{c}")),
    );
    // Brokerage events: labels derived from the value sets.
    {
        use tandem_core::events::{Attendance, EventState, OrganiserRole, QuestionKind, RegistrationState, RequestMode, SchedulingMode, SessionKind};
        keys.extend(EventState::ALL.iter().map(|s| format!("events-state-{}", s.key())));
        keys.extend(OrganiserRole::ALL.iter().map(|r| format!("events-role-{}", r.key())));
        keys.extend(SessionKind::ALL.iter().map(|k| format!("events-kind-{}", k.key())));
        keys.extend(RegistrationState::ALL.iter().map(|s| format!("events-reg-state-{}", s.key())));
        keys.extend(Attendance::ALL.iter().map(|a| format!("events-attendance-{}", a.key())));
        keys.extend(QuestionKind::ALL.iter().map(|k| format!("events-question-kind-{}", k.key())));
        keys.extend(RequestMode::ALL.iter().map(|m| format!("events-request-mode-{}", m.key())));
        keys.extend(SchedulingMode::ALL.iter().map(|m| format!("events-scheduling-mode-{}", m.key())));
        keys.extend(
            [
                "events-published", "events-cancelled", "events-organiser-added", "events-organiser-removed",
                "events-question-deleted", "events-question-moved", "events-registration-cancelled",
                "events-registration-approved", "events-registration-declined", "events-checked-in-notice",
                "events-checkin-undone-notice", "events-registered-pending", "events-registered-waitlisted", "events-registered",
                "events-session-slots", "events-agenda-count", "events-session-saved-slots", "events-session-dropped",
                "events-checkin-count",
            ]
            .map(String::from),
        );
    }
    for locale in [Locale::En, Locale::De] {
        let missing: Vec<_> = keys.iter().filter(|k| !Tr::has(locale, k)).collect();
        assert!(missing.is_empty(), "missing in {}: {missing:?}", locale.key());
    }
}

#[test]
fn plurals_and_numbers_follow_the_language() {
    let en = Tr::new(Locale::En);
    let de = Tr::new(Locale::De);
    assert_eq!(en.count("directory-count", 1), "1 organisation found");
    assert_eq!(en.count("directory-count", 1500), "1,500 organisations found");
    assert_eq!(de.count("directory-count", 1500), "1.500 Organisationen gefunden");
    assert_eq!(de.count("directory-count", 0), "Keine Organisationen gefunden");
}
