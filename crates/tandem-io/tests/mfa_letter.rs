//! The Minimal Financial Assistance notification letter (Subsidy Control Act 2022 s.37): the
//! text a reader gets out of the PDF (poppler's `pdftotext`) says what s.37(2) requires — that
//! the authority proposes MFA, its gross value, the request to confirm the s.36(1) threshold
//! over the applicable period — and the transparency note only above £100,000 (s.36(4)).
//! Set TANDEM_PDF_OUT=<dir> to keep the files for a look.

use chrono::NaiveDate;
use tandem_core::account::Locale;
use tandem_core::evidence::aid::subsidy::mfa_notification;
use tandem_core::evidence::support::Activity;
use tandem_io::mfa_letter::{MfaLetter, mfa_letter_pdf};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn letter(pence: i64, activity: Activity) -> MfaLetter {
    MfaLetter {
        notification: mfa_notification("enterprise-1", day(2025, 4, 2), pence).expect("notification"),
        authority: "Innovation Birmingham".into(),
        programme: "Innovation Engine".into(),
        enterprise: "Kingfisher Middleware Ltd".into(),
        enterprise_place: "Birmingham".into(),
        activity,
        hours_hundredths: if activity == Activity::Grant { 0 } else { 1_250 },
        written_on: day(2025, 3, 20),
        reference: "0195d1c0-0000-7000-8000-000000000001".into(),
    }
}

/// The PDF's text as `pdftotext` extracts it, with runs of whitespace made single spaces.
fn text_of(name: &str, pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, pdf).expect("write PDF");
    if let Some(keep) = std::env::var_os("TANDEM_PDF_OUT") {
        std::fs::create_dir_all(&keep).expect("output dir");
        std::fs::write(std::path::Path::new(&keep).join(name), pdf).expect("keep PDF");
    }
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn mfa_notification_letter_states_what_section_37_2_requires() {
    let pdf = mfa_letter_pdf(&letter(812_500, Activity::OneToOneAdvice), Locale::En).expect("letter compiles");
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(pdf.pages, 2, "the letter, then the reply form");
    let text = text_of("mfa-letter-en.pdf", &pdf.bytes);
    for expected in [
        "Minimal financial assistance: notification",
        "Innovation Birmingham proposes to give Kingfisher Middleware Ltd a subsidy by way of minimal financial assistance under section 36 of the Subsidy Control Act 2022",
        "one-to-one advice of 12.5 hours under Innovation Engine, on 2 April 2025",
        "The gross value amount of the assistance is £8,125.00 (section 37(2)(b))",
        "gross cash equivalent",
        // s.36(2): the financial year from 1 April 2025 and the two before it, up to the day given.
        "1 April 2023 to 2 April 2025",
        "will not exceed £315,000.00 (section 36(1), (2))",
        "only once we have received your written confirmation (section 37(3))",
        "Confirmation by the enterprise (section 37(2)(c))",
        "Assistance received in the applicable period",
        "Signature",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains("transparency"), "£8,125 is below the £100,000 of s.36(4): {text}");
}

#[test]
fn mfa_grant_above_100000_pounds_says_it_will_be_published_s36_4() {
    let pdf = mfa_letter_pdf(&letter(12_000_000, Activity::Grant), Locale::En).expect("compiles");
    let text = text_of("mfa-letter-grant.pdf", &pdf.bytes);
    assert!(text.contains("a grant under Innovation Engine") && text.contains("£120,000.00"), "{text}");
    assert!(text.contains("As the assistance exceeds £100,000.00, it will be published"), "{text}");
    assert!(!text.contains("gross cash equivalent"), "a grant is cash: {text}");
}

#[test]
fn mfa_letter_in_german() {
    let pdf = mfa_letter_pdf(&letter(812_500, Activity::OneToOneAdvice), Locale::De).expect("compiles");
    let text = text_of("mfa-letter-de.pdf", &pdf.bytes);
    for expected in
        ["Minimal Financial Assistance: Mitteilung", "8.125,00 £", "315.000,00 £", "1. April 2023 bis 2. April 2025", "Unterschrift"]
    {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn mfa_letter_prints_names_literally_and_is_deterministic() {
    let mut hostile = letter(50_000, Activity::Workshop);
    hostile.enterprise = "#set text(red)*]$ Łódź & Söhne <Ltd>".into();
    let a = mfa_letter_pdf(&hostile, Locale::En).expect("compiles");
    let b = mfa_letter_pdf(&hostile, Locale::En).expect("compiles");
    assert_eq!(a.bytes, b.bytes);
    let text = text_of("mfa-letter-hostile.pdf", &a.bytes);
    assert!(text.contains("#set text(red)*]$ Łódź & Söhne <Ltd>"), "{text}");
}
