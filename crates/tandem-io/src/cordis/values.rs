//! Cell values of the CORDIS files: amounts, booleans, dates and the "no value" markers.
//!
//! The dumps were written by different tools over the years (the Commission's own export,
//! pandas, R, spreadsheets), so the readers are liberal in what they accept; every refusal says
//! what would have been accepted.

use chrono::NaiveDate;

/// Texts that mean "no value" in an amount, boolean or date cell (pandas and R write `NA`/`NaN`).
///
/// Text cells keep them: "NA" is Namibia's country code and could be an acronym.
fn is_missing(text: &str) -> bool {
    text.is_empty() || ["na", "n/a", "nan", "null", "none"].iter().any(|m| text.eq_ignore_ascii_case(m))
}

/// Largest amount accepted, in euros: far above any EU grant, far below `i64` cents.
const MAX_EUROS: i64 = 1_000_000_000_000;

/// Parses an amount in euros into cents; `Ok(None)` for an empty cell or a "no value" marker.
///
/// Accepted: `1499998`, `1499998.0`, `1499998.5`, `1 499 998,50` (spaces, no-break spaces or
/// apostrophes group thousands), `1,499,998.50` / `1.499.998,50` (when both `.` and `,` occur the
/// last one is the decimal mark), `1.5E6`. A single `,` or `.` is the decimal mark, and several
/// of the same group thousands; so `1,500` is one euro fifty, as the semicolon-separated
/// European dumps write it. Digits beyond the cent are rounded half up.
pub fn amount_cents(text: &str) -> Result<Option<i64>, String> {
    let text = text.trim();
    if is_missing(text) {
        return Ok(None);
    }
    let refuse = || {
        format!(
            "'{text}' is not an amount in euros; write it like 1499998, 1499998.50 or 1 499 998,50, or leave the cell empty"
        )
    };
    let compact: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\'' && *c != '\u{202f}').collect();
    if compact.starts_with('-') {
        return Err(format!("'{text}' is negative; an EU contribution or cost cannot be below zero"));
    }
    let compact = compact.strip_prefix('+').unwrap_or(&compact);
    if compact.contains(['e', 'E']) {
        return scientific_cents(compact).map(Some).ok_or_else(refuse);
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let Some((whole, fraction)) = split_decimal(compact) else { return Err(refuse()) };
    if (whole.is_empty() && fraction.is_empty()) || !digits(&whole) || !digits(fraction) {
        return Err(refuse());
    }
    let euros: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| refuse())? };
    if euros > MAX_EUROS {
        return Err(format!("'{text}' is more than {MAX_EUROS} euros; check the column and the decimal mark"));
    }
    let frac = fraction.as_bytes();
    let digit = |i: usize| frac.get(i).map_or(0, |b| i64::from(b - b'0'));
    let round_up = i64::from(digit(2) >= 5);
    Ok(Some(euros * 100 + digit(0) * 10 + digit(1) + round_up))
}

/// The whole part (thousands marks removed) and the fraction digits of a plain number; `None`
/// when the marks contradict each other (`1.2.3,4,5`).
fn split_decimal(number: &str) -> Option<(String, &str)> {
    let (dots, commas) = (number.matches('.').count(), number.matches(',').count());
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (1, 0) => Some('.'),
        (0, 1) => Some(','),
        // Several of one mark and none of the other: thousands marks only.
        (0, _) | (_, 0) => None,
        // Both: the last one is the decimal mark, and it may occur only once.
        _ => match number.rfind(['.', ',']).map(|i| &number[i..i + 1]) {
            Some(".") if dots == 1 => Some('.'),
            Some(",") if commas == 1 => Some(','),
            _ => return None,
        },
    };
    let (whole, fraction) = match decimal.and_then(|d| number.rsplit_once(d)) {
        Some((whole, fraction)) => (whole, fraction),
        None => (number, ""),
    };
    Some((whole.chars().filter(|c| *c != '.' && *c != ',').collect(), fraction))
}

/// `1.5E6` and the like, as spreadsheets write large numbers.
fn scientific_cents(number: &str) -> Option<i64> {
    let value: f64 = number.replace(',', ".").parse().ok()?;
    // The range check makes the cast exact-enough and overflow-free.
    (value.is_finite() && (0.0..=MAX_EUROS as f64).contains(&value)).then(|| (value * 100.0).round() as i64)
}

/// Parses a yes/no cell; `Ok(None)` when empty. Accepted: true/false, 1/0, yes/no, t/f, y/n in
/// any letter case.
pub fn boolean(text: &str) -> Result<Option<bool>, String> {
    let text = text.trim();
    if is_missing(text) {
        return Ok(None);
    }
    let lower = text.to_ascii_lowercase();
    match lower.as_str() {
        "true" | "1" | "yes" | "t" | "y" => Ok(Some(true)),
        "false" | "0" | "no" | "f" | "n" => Ok(Some(false)),
        _ => Err(format!("'{text}' is not a yes/no value; write True or False (or 1/0), or leave the cell empty")),
    }
}

/// Parses a date cell; `Ok(None)` when empty. Accepted: `2024-02-01` (also with a time after
/// it, as `contentUpdateDate` has), and `01/02/2024` (day first, as older European exports
/// write it).
pub fn date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if is_missing(text) {
        return Ok(None);
    }
    // The date part of "2023-12-26 14:40:12" or "2023-12-26T14:40:12Z".
    let day = text.split([' ', 'T']).next().unwrap_or(text);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(day, "%d/%m/%Y"))
        .map(Some)
        .map_err(|_| format!("'{text}' is not a date; write it as YYYY-MM-DD (e.g. 2024-02-01) or DD/MM/YYYY"))
}

/// A text cell: trimmed, `None` when empty.
pub fn text(cell: &str) -> Option<String> {
    let cell = cell.trim();
    (!cell.is_empty()).then(|| cell.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_every_format_the_dumps_use() {
        let cases = [
            ("1499998.0", 149_999_800),
            ("1499998", 149_999_800),
            ("1 499 998,50", 149_999_850),
            ("1\u{a0}499\u{a0}998,50", 149_999_850),
            ("1,499,998.50", 149_999_850),
            ("1.499.998,50", 149_999_850),
            ("1'499'998.50", 149_999_850),
            ("1499998,5", 149_999_850),
            ("1.5E6", 150_000_000),
            ("0.005", 1),
            ("0.004", 0),
            (".5", 50),
            ("+12", 1200),
        ];
        for (text, cents) in cases {
            assert_eq!(amount_cents(text), Ok(Some(cents)), "{text}");
        }
        for missing in ["", "  ", "NA", "na", "NaN", "N/A", "null"] {
            assert_eq!(amount_cents(missing), Ok(None), "{missing:?}");
        }
        for bad in ["abc", "12a", "1.2.3,4,5", "-5", "1e400", ".", "99999999999999999999"] {
            assert!(amount_cents(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn booleans_and_dates() {
        assert_eq!(boolean("True"), Ok(Some(true)));
        assert_eq!(boolean("false"), Ok(Some(false)));
        assert_eq!(boolean("1"), Ok(Some(true)));
        assert_eq!(boolean("0"), Ok(Some(false)));
        assert_eq!(boolean("NA"), Ok(None));
        assert!(boolean("maybe").is_err());
        let d = NaiveDate::from_ymd_opt(2024, 2, 1);
        assert_eq!(date("2024-02-01"), Ok(d));
        assert_eq!(date("01/02/2024"), Ok(d));
        assert_eq!(date("2024-02-01 14:40:12"), Ok(d));
        assert_eq!(date(""), Ok(None));
        assert!(date("2024-02-30").is_err());
        assert!(date("next week").is_err());
    }
}
