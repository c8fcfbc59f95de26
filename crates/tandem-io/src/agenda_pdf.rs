//! Printable PDFs of a brokerage event: a participant's agenda (with the check-in QR code) and
//! the organiser's table plan.
//!
//! Layout lives in typst templates (`src/pdf/*.typ`, compiled into the binary). The data goes
//! in as a JSON file the template reads (`json("/data.json")`): strings from JSON are printed
//! literally, so a name like `#set text(red)*]$` cannot inject markup, which splicing text into
//! the template would allow. Times are formatted here, in the event's zone and the reader's
//! language, so the templates stay free of logic.

#[path = "pdf/world.rs"]
mod world;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use typst::foundations::Smart;
use typst_layout::PagedDocument;

use crate::event_docs::{
    AgendaEntry, AgendaLabels, EntryKind, EventInfo, PersonalAgenda, PlanColumn, PlanError, TablePlan,
};
use crate::qr::{QrError, qr_svg};

const AGENDA_TEMPLATE: &str = include_str!("pdf/agenda.typ");
const TABLE_PLAN_TEMPLATE: &str = include_str!("pdf/table_plan.typ");

/// Tables per landscape page of the table plan: eight columns of names stay readable at 8.5 pt.
pub const TABLES_PER_PAGE: usize = 8;

/// A finished PDF.
#[derive(Debug, Clone)]
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(transparent)]
    Qr(#[from] QrError),
    #[error("could not serialise the document data: {0}")]
    Data(#[from] serde_json::Error),
    /// A template error: a bug in Tandem, not in the data.
    #[error("the PDF template failed: {0}")]
    Template(String),
    #[error(transparent)]
    Plan(#[from] PlanError),
}

#[derive(Serialize)]
struct Labels<'a> {
    agenda_title: &'a str,
    checkin_code: &'a str,
    time: &'a str,
    table: &'a str,
    partner: &'a str,
    organisation: &'a str,
    city: &'a str,
    profile: &'a str,
    cancelled: &'a str,
    no_entries: &'a str,
    page: &'a str,
    table_plan_title: &'a str,
    booth: &'a str,
}

impl<'a> From<&'a AgendaLabels> for Labels<'a> {
    fn from(l: &'a AgendaLabels) -> Self {
        Self {
            agenda_title: &l.agenda_title,
            checkin_code: &l.checkin_code,
            time: &l.time,
            table: &l.table,
            partner: &l.partner,
            organisation: &l.organisation,
            city: &l.city,
            profile: &l.profile,
            cancelled: &l.cancelled,
            no_entries: &l.no_entries,
            page: &l.page,
            table_plan_title: &l.table_plan_title,
            booth: &l.booth,
        }
    }
}

#[derive(Serialize)]
struct EventData<'a> {
    name: &'a str,
    venue: &'a str,
    address: Option<&'a str>,
}

impl<'a> From<&'a EventInfo> for EventData<'a> {
    fn from(e: &'a EventInfo) -> Self {
        Self { name: &e.name, venue: &e.venue, address: e.address.as_deref() }
    }
}

#[derive(Serialize)]
struct AgendaData<'a> {
    title: String,
    lang: &'a str,
    labels: Labels<'a>,
    event: EventData<'a>,
    dates: String,
    participant: Participant<'a>,
    checkin_code: &'a str,
    qr_svg: String,
    days: Vec<Day>,
}

#[derive(Serialize)]
struct Participant<'a> {
    name: &'a str,
    organisation: &'a str,
}

#[derive(Serialize)]
struct Day {
    date: String,
    entries: Vec<Row>,
}

#[derive(Serialize)]
struct Row {
    kind: &'static str,
    time: String,
    /// Table number, "online" or the session's room.
    place: String,
    /// Partner name or session title.
    title: String,
    organisation: String,
    city: String,
    profile: String,
    /// Session kind and speakers.
    detail: String,
    cancelled: bool,
}

/// The printable agenda of one participant: header with event and participant, the check-in
/// code as QR code and text, then one table per day of meetings and sessions in time order.
pub fn agenda_pdf(agenda: &PersonalAgenda, labels: &AgendaLabels) -> Result<RenderedPdf, PdfError> {
    let tz = agenda.event.timezone;
    let mut entries: Vec<&AgendaEntry> = agenda.entries.iter().collect();
    entries.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.uid.cmp(&b.uid)));

    let mut days: Vec<Day> = Vec::new();
    for entry in entries {
        let date = local_date(entry.start, tz, labels);
        if days.last().is_none_or(|d| d.date != date) {
            days.push(Day { date: date.clone(), entries: Vec::new() });
        }
        let row = agenda_row(entry, tz, labels);
        if let Some(day) = days.last_mut() {
            day.entries.push(row);
        }
    }
    let data = AgendaData {
        title: format!("{} – {} – {}", labels.agenda_title, agenda.participant_name, agenda.event.name),
        lang: &labels.language,
        labels: labels.into(),
        event: (&agenda.event).into(),
        dates: date_range(agenda.entries.iter().map(|e| e.start), tz, labels),
        participant: Participant { name: &agenda.participant_name, organisation: &agenda.organisation },
        checkin_code: &agenda.checkin_code,
        qr_svg: qr_svg(&agenda.checkin_link)?,
        days,
    };
    let ident = format!("tandem-agenda-{}-{}", agenda.event.id, agenda.checkin_code);
    render(AGENDA_TEMPLATE, &data, ident)
}

fn agenda_row(entry: &AgendaEntry, tz: Tz, labels: &AgendaLabels) -> Row {
    let time = format!(
        "{}–{}",
        entry.start.with_timezone(&tz).format("%H:%M"),
        entry.end.with_timezone(&tz).format("%H:%M")
    );
    match &entry.kind {
        EntryKind::Meeting { partner_name, partner_organisation, partner_city, profile_title, table, .. } => Row {
            kind: "meeting",
            time,
            place: table.map_or_else(|| labels.online.clone(), |t| t.to_string()),
            title: partner_name.clone(),
            organisation: partner_organisation.clone(),
            city: partner_city.clone().unwrap_or_default(),
            profile: profile_title.clone().unwrap_or_default(),
            detail: String::new(),
            cancelled: entry.cancelled,
        },
        EntryKind::Session { title, kind_label, room, speakers, .. } => {
            let mut detail = kind_label.clone();
            if !speakers.is_empty() {
                detail = format!("{detail} · {}: {}", labels.speakers, speakers.join(", "));
            }
            Row {
                kind: "session",
                time,
                place: room.clone().unwrap_or_default(),
                title: title.clone(),
                organisation: String::new(),
                city: String::new(),
                profile: String::new(),
                detail,
                cancelled: entry.cancelled,
            }
        }
    }
}

fn local_date(t: DateTime<Utc>, tz: Tz, labels: &AgendaLabels) -> String {
    t.with_timezone(&tz).date_naive().format_localized(&labels.date_format, labels.locale).to_string()
}

/// "Tuesday, 12 May 2026", or "first – last" for an event over several days; empty without times.
fn date_range(times: impl Iterator<Item = DateTime<Utc>>, tz: Tz, labels: &AgendaLabels) -> String {
    let dates: Vec<_> = times.map(|t| t.with_timezone(&tz).date_naive()).collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else { return String::new() };
    let fmt = |d: &chrono::NaiveDate| d.format_localized(&labels.date_format, labels.locale).to_string();
    if first == last { fmt(first) } else { format!("{} – {}", fmt(first), fmt(last)) }
}

#[derive(Serialize)]
struct PlanData<'a> {
    title: String,
    lang: &'a str,
    labels: Labels<'a>,
    event: EventData<'a>,
    dates: String,
    groups: Vec<Group>,
}

#[derive(Serialize)]
struct Group {
    columns: Vec<Column>,
    rows: Vec<PlanRow>,
}

#[derive(Serialize)]
struct Column {
    title: String,
    booth: Option<String>,
}

#[derive(Serialize)]
struct PlanRow {
    time: String,
    /// One list of pairs per column of the group (usually zero or one pair).
    cells: Vec<Vec<Pair>>,
}

#[derive(Serialize, Clone)]
struct Pair {
    a: String,
    b: String,
}

/// The organiser's table plan: landscape pages of [`TABLES_PER_PAGE`] tables each (plus a
/// column for online meetings if there are any), slots down the side, header repeated when
/// the slots run over a page.
pub fn table_plan_pdf(plan: &TablePlan, labels: &AgendaLabels) -> Result<RenderedPdf, PdfError> {
    let tz = plan.event.timezone;
    let grid = plan.grid()?;
    let columns: Vec<Column> = grid
        .columns
        .iter()
        .map(|column| match column {
            PlanColumn::Table(t) => Column { title: format!("{} {}", labels.table, t.number), booth: t.booth_owner.clone() },
            PlanColumn::Online => Column { title: labels.online.clone(), booth: None },
        })
        .collect();
    let grid: Vec<Vec<Vec<Pair>>> = grid
        .cells
        .iter()
        .map(|row| row.iter().map(|cell| cell.iter().map(|m| Pair { a: m.a.clone(), b: m.b.clone() }).collect()).collect())
        .collect();

    let several_days = {
        let mut days = plan.slots.iter().map(|s| s.start.with_timezone(&tz).date_naive());
        let first = days.next();
        days.any(|d| Some(d) != first)
    };
    let times: Vec<String> = plan
        .slots
        .iter()
        .map(|s| {
            let (start, end) = (s.start.with_timezone(&tz), s.end.with_timezone(&tz));
            let span = format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"));
            // Multi-day plans say which day; "%d.%m." reads right in English and German.
            if several_days { format!("{} {span}", start.format("%d.%m.")) } else { span }
        })
        .collect();

    let groups = if columns.is_empty() {
        Vec::new()
    } else {
        let column_groups: Vec<Vec<Column>> = chunks(columns, TABLES_PER_PAGE);
        let mut first_column = 0;
        column_groups
            .into_iter()
            .map(|group_columns| {
                let range = first_column..first_column + group_columns.len();
                first_column = range.end;
                let rows = times
                    .iter()
                    .zip(&grid)
                    .map(|(time, row)| PlanRow { time: time.clone(), cells: row[range.clone()].to_vec() })
                    .collect();
                Group { columns: group_columns, rows }
            })
            .collect()
    };
    let data = PlanData {
        title: format!("{} – {}", labels.table_plan_title, plan.event.name),
        lang: &labels.language,
        labels: labels.into(),
        event: (&plan.event).into(),
        dates: date_range(plan.slots.iter().map(|s| s.start), tz, labels),
        groups,
    };
    render(TABLE_PLAN_TEMPLATE, &data, format!("tandem-table-plan-{}", plan.event.id))
}

fn chunks<T>(items: Vec<T>, size: usize) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = Vec::new();
    for item in items {
        match out.last_mut() {
            Some(last) if last.len() < size => last.push(item),
            _ => out.push(vec![item]),
        }
    }
    out
}

/// Compiles `template` over `data` into a PDF with a stable document id (the MFA letter uses it
/// too, so every document shares one world and one font cache).
pub(crate) fn render(template: &'static str, data: &impl Serialize, ident: String) -> Result<RenderedPdf, PdfError> {
    let document = compile(template, data)?;
    let options = typst_pdf::PdfOptions {
        // A stable document id, so a re-printed agenda is recognisably the same document.
        ident: Smart::Custom(ident),
        ..Default::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| PdfError::Template(messages(&errors)))?;
    Ok(RenderedPdf { bytes, pages: document.pages().len() })
}

fn compile(template: &'static str, data: &impl Serialize) -> Result<PagedDocument, PdfError> {
    let json = serde_json::to_vec(data)?;
    let world = world::DocWorld::new(template, vec![("/data.json", json)])
        .map_err(|e| PdfError::Template(e.to_string()))?;
    let result = typst::compile::<PagedDocument>(&world).output;
    // typst memoises layout across compilations; drop what the last few documents didn't
    // reuse so a long-running server does not grow without bound.
    typst::comemo::evict(10);
    result.map_err(|errors| PdfError::Template(messages(&errors)))
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::layout::{Frame, FrameItem};

    fn text_of(frame: &Frame, out: &mut String, glyphs: &mut Vec<u16>) {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(group) => text_of(&group.frame, out, glyphs),
                FrameItem::Text(text) => {
                    out.push_str(&text.text);
                    out.push(' ');
                    glyphs.extend(text.glyphs.iter().map(|g| g.id));
                }
                _ => {}
            }
        }
    }

    #[test]
    fn bundled_fonts_cover_german_polish_and_czech() {
        let sample = "äöüÄÖÜß ąćęłńóśźżĄĆĘŁŃÓŚŹŻ čďěňřšťůžýáíéČĎĚŇŘŠŤŮŽ –·€";
        let libertinus: Vec<_> =
            world::fonts().iter().filter(|f| f.info().family == "Libertinus Serif").collect();
        assert!(!libertinus.is_empty());
        for font in libertinus {
            for c in sample.chars().filter(|c| !c.is_whitespace()) {
                assert!(font.info().coverage.contains(c as u32), "{c} missing in {:?}", font.info().variant);
            }
        }
    }

    #[test]
    fn user_text_is_printed_literally() {
        let name = "#set text(red)*]$ Zoë Łukasz Dvořák \\ `x` <y> @z";
        let data = serde_json::json!({
            "title": name, "lang": "de", "labels": Labels::from(&AgendaLabels::german()),
            "event": {"name": name, "venue": "Kongresshalle", "address": null}, "dates": "",
            "participant": {"name": name, "organisation": "Größenwahn GmbH"},
            "checkin_code": "ABC", "qr_svg": qr_svg("ABC").expect("qr"), "days": [],
        });
        let document = compile(AGENDA_TEMPLATE, &data).expect("compiles");
        let (mut text, mut glyphs) = (String::new(), Vec::new());
        for page in document.pages() {
            text_of(&page.frame, &mut text, &mut glyphs);
        }
        // Shaped text runs split at spaces and font changes; compare without spaces.
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let expected: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squeezed.contains(&expected), "{text}");
        assert!(squeezed.contains("GrößenwahnGmbH"));
        assert!(!glyphs.contains(&0), "no missing glyphs (.notdef)");
    }
}
