//! Bar charts drawn on the server as inline SVG (template `_bar_chart.html`): no JavaScript, no
//! style attributes (the content security policy allows none), and a visually hidden table with
//! the same figures for screen readers, which skip the drawing. Pages build a [`BarChart`] and
//! include the partial with it bound as `chart`; the event statistics use it, and so can any
//! page with counts to compare (the funder-evidence dashboard).

use crate::i18n::Tr;
use tandem_core::account::Locale;

/// Width of the drawing in SVG units (it scales to the page's width).
const WIDTH: u32 = 640;
/// Labels end here (right-aligned); bars start a little after.
const LABEL_END: u32 = 192;
/// Where the bars start.
const BAR_START: u32 = 200;
/// The longest bar, leaving room for the value after it.
const BAR_MAX: u32 = 330;
/// Height of one row, and of its bar.
const ROW: u32 = 28;
const BAR: u32 = 18;
/// Labels longer than this are shortened in the drawing (the table keeps them whole).
const LABEL_CHARS: usize = 26;

/// One bar: what it stands for and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What it counts ("Birmingham", "Accepted").
    pub label: String,
    /// The value (the bars' lengths are proportional to it).
    pub value: f64,
    /// The value as the reader reads it ("1,250", "4.5").
    pub value_text: String,
    /// Its share of the chart's total as a percentage, or "" when the chart shows no shares.
    pub share_text: String,
}

/// A horizontal bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// Unique on the page (element ids are made from it).
    pub id: String,
    /// Title, shown above the chart and as the table's caption.
    pub title: String,
    /// Header of the labels' column in the table.
    pub label_header: String,
    /// Header of the values' column.
    pub value_header: String,
    /// Header of the shares' column ("" when the chart shows no shares).
    pub share_header: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
}

/// One bar's place in the drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarRow {
    /// The label as drawn (shortened when long).
    pub label: String,
    /// Top of the bar.
    pub y: u32,
    /// Baseline of the row's texts.
    pub text_y: u32,
    /// Length of the bar.
    pub width: u32,
    /// Where the value's text starts.
    pub value_x: u32,
    /// The value, with its share when shown ("12 (40 %)").
    pub value_text: String,
}

impl BarChart {
    /// An empty chart.
    pub fn new(id: &str, title: String, label_header: String, value_header: String) -> BarChart {
        BarChart { id: id.to_owned(), title, label_header, value_header, share_header: String::new(), bars: Vec::new() }
    }

    /// Adds a bar of a whole number, formatted for `t`'s language.
    pub fn count(self, t: Tr, label: String, value: i64) -> BarChart {
        self.bar(label, value as f64, t.number(value))
    }

    /// Adds a bar with its value already formatted.
    pub fn bar(mut self, label: String, value: f64, value_text: String) -> BarChart {
        self.bars.push(Bar { label, value, value_text, share_text: String::new() });
        self
    }

    /// Shows each bar's share of the total (under `header`), formatted for `t`'s language.
    pub fn with_shares(mut self, t: Tr, header: String) -> BarChart {
        let total: f64 = self.bars.iter().map(|b| b.value).sum();
        for b in &mut self.bars {
            b.share_text = if total > 0.0 { percent(t, b.value / total) } else { String::new() };
        }
        self.share_header = header;
        self
    }

    /// True when shares are shown.
    pub fn has_shares(&self) -> bool {
        !self.share_header.is_empty()
    }

    /// True when every bar is zero (or there are none).
    pub fn is_empty(&self) -> bool {
        self.bars.iter().all(|b| b.value <= 0.0)
    }

    /// Height of the drawing.
    pub fn height(&self) -> u32 {
        ROW * self.bars.len().max(1) as u32
    }

    /// Width of the drawing.
    pub fn width(&self) -> u32 {
        WIDTH
    }

    /// Where labels end.
    pub fn label_end(&self) -> u32 {
        LABEL_END
    }

    /// Where bars start.
    pub fn bar_start(&self) -> u32 {
        BAR_START
    }

    /// Height of a bar.
    pub fn bar_height(&self) -> u32 {
        BAR
    }

    /// The bars laid out: lengths proportional to the largest value; a value above zero is at
    /// least visible.
    pub fn rows(&self) -> Vec<BarRow> {
        let max = self.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
        self.bars
            .iter()
            .zip(0u32..)
            .map(|(b, i)| {
                let width = if max > 0.0 && b.value > 0.0 { ((b.value / max) * f64::from(BAR_MAX)).round().max(2.0) as u32 } else { 0 };
                let value_text = if b.share_text.is_empty() { b.value_text.clone() } else { format!("{} ({})", b.value_text, b.share_text) };
                BarRow {
                    label: shorten(&b.label),
                    y: i * ROW + (ROW - BAR) / 2,
                    text_y: i * ROW + ROW / 2 + 5,
                    width,
                    value_x: BAR_START + width + 6,
                    value_text,
                }
            })
            .collect()
    }
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A number with `digits` decimals in the reader's language ("4.5" / "4,5").
pub fn decimal(t: Tr, value: f64, digits: usize) -> String {
    let text = format!("{value:.digits$}");
    match t.locale {
        Locale::En => text,
        Locale::De => text.replace('.', ","),
    }
}

/// A share (0–1) as a percentage with one decimal in the reader's language ("62.5%" / "62,5 %").
pub fn percent(t: Tr, share: f64) -> String {
    let number = decimal(t, share * 100.0, 1);
    match t.locale {
        Locale::En => format!("{number}%"),
        Locale::De => format!("{number} %"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> BarChart {
        let t = Tr::new(Locale::En);
        BarChart::new("cities", "By city".into(), "City".into(), "Participants".into())
            .count(t, "Birmingham".into(), 30)
            .count(t, "Leipzig".into(), 10)
            .count(t, "A city with a really very long name".into(), 0)
    }

    #[test]
    fn bars_are_proportional_to_the_largest_value() {
        let rows = chart().rows();
        assert_eq!(rows.iter().map(|r| r.width).collect::<Vec<_>>(), vec![BAR_MAX, 110, 0]);
        assert_eq!(rows[1].y, ROW + (ROW - BAR) / 2);
        assert_eq!(rows[2].label, "A city with a really very…");
        assert_eq!(chart().height(), 3 * ROW);
    }

    #[test]
    fn shares_are_of_the_total_in_the_readers_language() {
        let en = chart().with_shares(Tr::new(Locale::En), "Share".into());
        assert_eq!(en.bars[0].share_text, "75.0%");
        assert_eq!(en.rows()[0].value_text, "30 (75.0%)");
        let de = chart().with_shares(Tr::new(Locale::De), "Anteil".into());
        assert_eq!(de.bars[1].share_text, "25,0 %");
        assert!(de.has_shares() && !chart().has_shares());
    }

    #[test]
    fn a_chart_of_zeros_is_empty_and_draws_no_bars() {
        let t = Tr::new(Locale::En);
        let zeros = BarChart::new("z", "Z".into(), "L".into(), "V".into()).count(t, "a".into(), 0).with_shares(t, "S".into());
        assert!(zeros.is_empty() && !chart().is_empty());
        assert_eq!(zeros.rows()[0].width, 0);
        assert_eq!(zeros.bars[0].share_text, "");
    }

    #[test]
    fn small_values_stay_visible() {
        let t = Tr::new(Locale::En);
        let c = BarChart::new("s", "S".into(), "L".into(), "V".into()).count(t, "big".into(), 10_000).count(t, "tiny".into(), 1);
        assert_eq!(c.rows()[1].width, 2);
        assert_eq!(decimal(Tr::new(Locale::De), 4.56, 1), "4,6");
    }
}
