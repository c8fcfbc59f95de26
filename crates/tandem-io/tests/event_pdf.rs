//! Agenda and table-plan PDFs: they compile for both sides of the partnership, in English and
//! German, with hostile names, and paginate as expected. Set TANDEM_PDF_OUT=<dir> to keep the
//! files for a look.

mod event_fixture;

use chrono_tz::Europe::{Berlin, London};
use event_fixture::*;
use tandem_io::agenda_pdf::{PdfError, RenderedPdf, TABLES_PER_PAGE, agenda_pdf, table_plan_pdf};
use tandem_io::event_docs::{AgendaLabels, PlanError, PlannedMeeting};

fn keep(name: &str, pdf: &RenderedPdf) {
    if let Some(dir) = std::env::var_os("TANDEM_PDF_OUT") {
        std::fs::create_dir_all(&dir).expect("output dir");
        std::fs::write(std::path::Path::new(&dir).join(name), &pdf.bytes).expect("write PDF");
    }
}

fn assert_pdf(pdf: &RenderedPdf) {
    assert!(pdf.bytes.starts_with(b"%PDF-"), "PDF header");
    assert!(pdf.bytes.windows(5).rev().take(64).any(|w| w == b"%%EOF"), "PDF trailer");
}

#[test]
fn agenda_pdf_for_both_cities_and_languages() {
    for (tz, labels, name) in [
        (London, AgendaLabels::english(), "agenda-london-en.pdf"),
        (Berlin, AgendaLabels::german(), "agenda-leipzig-de.pdf"),
    ] {
        let pdf = agenda_pdf(&agenda(tz), &labels).expect("agenda compiles");
        assert_pdf(&pdf);
        assert_eq!(pdf.pages, 1, "five entries fit on one page");
        keep(name, &pdf);
    }
}

#[test]
fn long_agenda_runs_over_pages_and_empty_agenda_says_so() {
    let mut long = agenda(London);
    for n in 10..70 {
        long.entries.push(meeting(London, n, (2026, 3, 30), 8 + n / 6, (n % 6) * 10, Some(n)));
    }
    let pdf = agenda_pdf(&long, &AgendaLabels::english()).expect("compiles");
    assert!((2..=5).contains(&pdf.pages), "{} pages", pdf.pages);
    keep("agenda-long.pdf", &pdf);

    let mut empty = agenda(Berlin);
    empty.entries.clear();
    let pdf = agenda_pdf(&empty, &AgendaLabels::german()).expect("compiles");
    assert_eq!(pdf.pages, 1);
}

#[test]
fn agenda_pdf_is_deterministic() {
    let a = agenda_pdf(&agenda(Berlin), &AgendaLabels::german()).expect("compiles");
    let b = agenda_pdf(&agenda(Berlin), &AgendaLabels::german()).expect("compiles");
    assert_eq!(a.bytes, b.bytes);
}

#[test]
fn table_plan_has_a_page_per_group_of_tables() {
    let plan = table_plan(London, 20, 9);
    let pdf = table_plan_pdf(&plan, &AgendaLabels::english()).expect("plan compiles");
    assert_pdf(&pdf);
    // 20 tables + the online column = 21 columns → 3 landscape pages of 8.
    assert_eq!(pdf.pages, 21_usize.div_ceil(TABLES_PER_PAGE));
    keep("table-plan-en.pdf", &pdf);

    // Many slots run down over more pages, with the header repeated.
    let plan = table_plan(Berlin, 6, 40);
    let pdf = table_plan_pdf(&plan, &AgendaLabels::german()).expect("plan compiles");
    assert!(pdf.pages >= 2, "{} pages", pdf.pages);
    keep("table-plan-de.pdf", &pdf);
}

#[test]
fn table_plan_refuses_meetings_outside_the_plan() {
    let mut plan = table_plan(London, 2, 2);
    plan.meetings.push(PlannedMeeting { slot_index: 5, table: Some(1), a: "A".into(), b: "B".into() });
    assert!(matches!(table_plan_pdf(&plan, &AgendaLabels::english()), Err(PdfError::Plan(PlanError::UnknownSlot { slot_index: 5, .. }))));
    let mut plan = table_plan(London, 2, 2);
    plan.meetings.push(PlannedMeeting { slot_index: 0, table: Some(99), a: "A".into(), b: "B".into() });
    assert!(matches!(table_plan_pdf(&plan, &AgendaLabels::english()), Err(PdfError::Plan(PlanError::UnknownTable { table: 99, .. }))));
}
