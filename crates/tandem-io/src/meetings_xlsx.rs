//! The organiser's meeting spreadsheet (XLSX): every meeting with its participants, status and
//! ratings on one sheet, and the table plan (slots × tables) on another.
//!
//! Times are real Excel date-times, not text, so organisers can sort, filter and compute with
//! them. Excel has no time zones: cells hold the event's local wall-clock time, which is what
//! people on the floor read, and the number format is ISO (`yyyy-mm-dd hh:mm`) because it
//! reads the same in English and German.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rust_xlsxwriter::{Color, ColNum, Format, FormatAlign, RowNum, Workbook, Worksheet, XlsxError};

use crate::event_docs::{EventInfo, MeetingRow, PlanColumn, PlanError, SheetLabels, TablePlan};

/// Why the spreadsheet could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error("could not write the spreadsheet: {0}")]
    Xlsx(#[from] XlsxError),
}

const DATETIME_FORMAT: &str = "yyyy-mm-dd hh:mm";
/// Columns wider than this wrap instead (names of long organisations).
const MAX_COLUMN_WIDTH: u32 = 45 * 7;

struct Formats {
    header: Format,
    datetime: Format,
    wrap: Format,
    booth: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new().set_bold().set_background_color(Color::RGB(0xDDE5EE)).set_align(FormatAlign::Top),
            datetime: Format::new().set_num_format(DATETIME_FORMAT).set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            booth: Format::new().set_text_wrap().set_align(FormatAlign::Top).set_background_color(Color::RGB(0xFDF3D8)),
        }
    }
}

/// The workbook: sheet [`SheetLabels::meetings_sheet`] with one row per meeting (header bold
/// and frozen, autofilter, fitted column widths) and sheet [`SheetLabels::table_plan_sheet`]
/// with `plan`'s slots down and tables across.
pub fn meetings_xlsx(plan: &TablePlan, rows: &[MeetingRow], labels: &SheetLabels) -> Result<Vec<u8>, SheetError> {
    let grid = plan.grid()?;
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let tz = plan.event.timezone;

    let sheet = workbook.add_worksheet();
    sheet.set_name(labels.meetings_sheet.as_str())?;
    meetings_sheet(sheet, rows, tz, labels, &formats)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(labels.table_plan_sheet.as_str())?;
    sheet.set_landscape();
    plan_sheet(sheet, plan, &grid, labels, &formats)?;

    set_properties(&mut workbook, &plan.event);
    Ok(workbook.save_to_buffer()?)
}

fn set_properties(workbook: &mut Workbook, event: &EventInfo) {
    let properties = rust_xlsxwriter::DocProperties::new().set_title(&event.name).set_author("Tandem");
    workbook.set_properties(&properties);
}

fn local(t: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    t.with_timezone(&tz).naive_local()
}

fn meetings_sheet(
    sheet: &mut Worksheet,
    rows: &[MeetingRow],
    tz: Tz,
    l: &SheetLabels,
    f: &Formats,
) -> Result<(), SheetError> {
    let side = |prefix: &str, word: &str| format!("{prefix} {word}");
    let headers = [
        l.start.clone(),
        l.end.clone(),
        l.table.clone(),
        l.mode.clone(),
        l.status.clone(),
        l.priority.clone(),
        side(&l.side_a, &l.name),
        side(&l.side_a, &l.organisation),
        side(&l.side_a, &l.city),
        side(&l.side_b, &l.name),
        side(&l.side_b, &l.organisation),
        side(&l.side_b, &l.city),
        l.profile.clone(),
        side(&l.side_a, &l.rating),
        side(&l.side_b, &l.rating),
    ];
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col_num(col), header, &f.header)?;
    }
    for (i, m) in rows.iter().enumerate() {
        let row = row_num(i + 1);
        if let Some(start) = m.start {
            sheet.write_datetime_with_format(row, 0, local(start, tz), &f.datetime)?;
        }
        if let Some(end) = m.end {
            sheet.write_datetime_with_format(row, 1, local(end, tz), &f.datetime)?;
        }
        match (m.table, m.remote) {
            (Some(table), _) => sheet.write_number(row, 2, table)?,
            (None, true) => sheet.write_string(row, 2, &l.remote)?,
            (None, false) => sheet,
        };
        sheet.write_string(row, 3, &m.mode)?;
        sheet.write_string(row, 4, &m.status)?;
        if let Some(priority) = m.priority {
            sheet.write_number(row, 5, priority)?;
        }
        let texts = [
            Some(&m.a.name),
            Some(&m.a.organisation),
            m.a.city.as_ref(),
            Some(&m.b.name),
            Some(&m.b.organisation),
            m.b.city.as_ref(),
            m.profile_title.as_ref(),
        ];
        for (offset, text) in texts.into_iter().enumerate() {
            if let Some(text) = text {
                sheet.write_string(row, col_num(6 + offset), text)?;
            }
        }
        for (col, rating) in [(13, m.rating_a), (14, m.rating_b)] {
            if let Some(rating) = rating {
                sheet.write_number(row, col, rating)?;
            }
        }
    }
    let last_col = col_num(headers.len() - 1);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row_num(rows.len()), last_col)?;
    // Widths from the content; dates need ~16 characters the fitter cannot see in a number.
    sheet.set_autofit_max_width(MAX_COLUMN_WIDTH);
    sheet.autofit();
    sheet.set_column_width(0, 17)?;
    sheet.set_column_width(1, 17)?;
    Ok(())
}

fn plan_sheet(
    sheet: &mut Worksheet,
    plan: &TablePlan,
    grid: &crate::event_docs::PlanGrid<'_>,
    l: &SheetLabels,
    f: &Formats,
) -> Result<(), SheetError> {
    let tz = plan.event.timezone;
    // Row 0: start, end, one column per table; row 1: who has a booth at which table.
    sheet.write_string_with_format(0, 0, &l.start, &f.header)?;
    sheet.write_string_with_format(0, 1, &l.end, &f.header)?;
    sheet.write_string_with_format(1, 0, &l.booth, &f.header)?;
    sheet.write_string_with_format(1, 1, "", &f.header)?;
    for (i, column) in grid.columns.iter().enumerate() {
        let col = col_num(i + 2);
        match column {
            PlanColumn::Table(table) => {
                sheet.write_string_with_format(0, col, format!("{} {}", l.table, table.number), &f.header)?;
                sheet.write_string_with_format(1, col, table.booth_owner.as_deref().unwrap_or(""), &f.header)?;
            }
            PlanColumn::Online => {
                sheet.write_string_with_format(0, col, &l.remote, &f.header)?;
                sheet.write_string_with_format(1, col, "", &f.header)?;
            }
        }
        sheet.set_column_width(col, 28)?;
    }
    for (i, (slot, cells)) in plan.slots.iter().zip(&grid.cells).enumerate() {
        let row = row_num(i + 2);
        sheet.write_datetime_with_format(row, 0, local(slot.start, tz), &f.datetime)?;
        sheet.write_datetime_with_format(row, 1, local(slot.end, tz), &f.datetime)?;
        for (c, (meetings, column)) in cells.iter().zip(&grid.columns).enumerate() {
            let is_booth = matches!(column, PlanColumn::Table(t) if t.booth_owner.is_some());
            let format = if is_booth { &f.booth } else { &f.wrap };
            let text = meetings.iter().map(|m| format!("{}\n{}", m.a, m.b)).collect::<Vec<_>>().join("\n\n");
            sheet.write_string_with_format(row, col_num(c + 2), text, format)?;
        }
    }
    sheet.set_column_width(0, 17)?;
    sheet.set_column_width(1, 17)?;
    sheet.set_freeze_panes(2, 2)?;
    Ok(())
}

/// Excel has 16,384 columns and 1,048,576 rows; beyond that rust_xlsxwriter reports an error
/// when writing, so saturating here only turns an overflow into that error.
fn col_num(i: usize) -> ColNum {
    ColNum::try_from(i).unwrap_or(ColNum::MAX)
}

fn row_num(i: usize) -> RowNum {
    RowNum::try_from(i).unwrap_or(RowNum::MAX)
}
