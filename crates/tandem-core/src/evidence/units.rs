//! Hours and money as users type them ("2.5", "2,5", "1,250.00", "1.250,00") and as Tandem
//! keeps them: whole hundredths of an hour and whole minor units (pence, cents), so that sums
//! and thresholds are exact.

/// Parses a non-negative decimal with at most two decimals into hundredths ("12" → 1200,
/// "9.5" and "9,5" → 950). A thousands separator is accepted when the other mark is the decimal
/// one ("1,250.50" or "1.250,50"). None for anything else.
pub fn parse_hundredths(text: &str) -> Option<i64> {
    parse_scaled(text, 2)
}

/// Parses a non-negative decimal with at most `decimals` decimals into whole units of
/// 10^-`decimals` ("1.165" with 6 → 1,165,000). The decimal mark is the last '.' or ',' when
/// at most `decimals` digits follow it (and, with three digits, only when `decimals` ≥ 3 —
/// otherwise it separates thousands).
pub fn parse_scaled(text: &str, decimals: u32) -> Option<i64> {
    let t: String = text.trim().chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    if t.is_empty() || t.starts_with(['-', '+']) {
        return None;
    }
    let (whole, frac) = match t.rfind(['.', ',']) {
        Some(i) if t.len() - i > 1 && t.len() - i - 1 <= decimals as usize && !(t.len() - i - 1 == 3 && decimals < 3) => {
            (&t[..i], &t[i + 1..])
        }
        _ => (t.as_str(), ""),
    };
    let decimal_mark = t[whole.len()..].chars().next();
    // Thousands separators: the other mark, in groups of three.
    let groups: Vec<&str> = whole.split(|c| (c == '.' || c == ',') && Some(c) != decimal_mark).collect();
    if groups.iter().skip(1).any(|g| g.len() != 3) || groups.iter().any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let scale = 10_i64.checked_pow(decimals)?;
    let whole: i64 = groups.concat().parse().ok()?;
    let frac_value: i64 = if frac.is_empty() { 0 } else { frac.parse::<i64>().ok()? * 10_i64.pow(decimals - frac.len() as u32) };
    whole.checked_mul(scale)?.checked_add(frac_value)
}

/// Hundredths as text with up to two decimals and no trailing zeros ("12", "9.5", "0.25").
pub fn format_hundredths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let (whole, frac) = (value.abs() / 100, value.abs() % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// Minor units written in full, with `group` between thousands and `decimal` before the two
/// decimals: "1,250.50" (`,` `.`) or "1.250,50" (`.` `,`); negative amounts get a minus sign.
pub fn format_minor_units(minor: i64, group: char, decimal: char) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let whole = (minor.unsigned_abs() / 100).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(group);
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{decimal}{:02}", minor.unsigned_abs() % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_and_amounts_parse_in_english_and_german_notation() {
        assert_eq!(parse_hundredths("12"), Some(1200));
        assert_eq!(parse_hundredths("9.5"), Some(950));
        assert_eq!(parse_hundredths("9,5"), Some(950));
        assert_eq!(parse_hundredths("0.25"), Some(25));
        assert_eq!(parse_hundredths("1,250.50"), Some(125_050));
        assert_eq!(parse_hundredths("1.250,50"), Some(125_050));
        assert_eq!(parse_hundredths("1,250"), Some(125_000), "a group of three after the mark is thousands");
        assert_eq!(parse_hundredths(" 3 "), Some(300));
        assert_eq!(parse_scaled("1.165", 6), Some(1_165_000), "an exchange rate");
        assert_eq!(parse_scaled("1,165", 6), Some(1_165_000));
        assert_eq!(parse_scaled("0.8583", 6), Some(858_300));
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in ["", "-1", "+2", "1.234.5", "abc", "1.", "12,3456", "1,25,0", "½"] {
            assert_eq!(parse_hundredths(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn amounts_are_written_in_full_in_either_notation() {
        assert_eq!(format_minor_units(31_500_000, ',', '.'), "315,000.00");
        assert_eq!(format_minor_units(123_456, '.', ','), "1.234,56");
        assert_eq!(format_minor_units(5, ',', '.'), "0.05");
        assert_eq!(format_minor_units(-100_000, ',', '.'), "-1,000.00");
    }

    #[test]
    fn hundredths_print_without_trailing_zeros() {
        assert_eq!(format_hundredths(1200), "12");
        assert_eq!(format_hundredths(950), "9.5");
        assert_eq!(format_hundredths(25), "0.25");
        assert_eq!(format_hundredths(-150), "-1.5");
    }
}
