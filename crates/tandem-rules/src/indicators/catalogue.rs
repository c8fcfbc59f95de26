//! Indicator codes and their metadata, kept as data in one table ([`CATALOGUE`]) so the UI,
//! exports and the rulebooks read the same names, units and sources.

use serde::{Deserialize, Serialize};

/// The rulebook an indicator belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RulebookFamily {
    /// England ERDF 2014–20: ESIF-GN-1-002 "ERDF Output Indicator Definitions Guidance".
    Erdf2014England,
    /// EU 2021–27 common indicators: Regulation (EU) 2021/1058, Annex I, Table 1.
    Eu2021,
    /// Interreg 2021–27 common indicators, listed with the ERDF ones in Reg. (EU) 2021/1058,
    /// Annex I (and used under Reg. (EU) 2021/1059, Art. 16).
    Interreg2021,
}

/// What an indicator's value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Enterprises (or potential entrepreneurs): each entry has the value 1.
    Enterprises,
    /// Full-time equivalents in hundredths (250 = 2.5 FTE).
    FteHundredths,
    /// Money in minor units (cents / pence).
    MoneyMinor,
    /// Organisations: each entry has the value 1.
    Organisations,
}

/// An indicator Tandem computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum IndicatorCode {
    /// ERDF England C1: number of enterprises receiving support.
    C1,
    /// ERDF England C2: number of enterprises receiving grants.
    C2,
    /// ERDF England C3: number of enterprises receiving financial support other than grants.
    C3,
    /// ERDF England C4: number of enterprises receiving non-financial support.
    C4,
    /// ERDF England C5: number of new enterprises supported.
    C5,
    /// ERDF England C8: employment increase in supported enterprises.
    C8,
    /// ERDF England C26: number of enterprises cooperating with research entities.
    C26,
    /// ERDF England C28: enterprises supported to introduce new to the market products.
    C28,
    /// ERDF England C29: enterprises supported to introduce new to the firm products.
    C29,
    /// ERDF England P11: potential entrepreneurs assisted to be enterprise ready.
    P11,
    /// ERDF England P13: enterprises receiving information, diagnostic and brokerage support.
    P13,
    /// EU RCO01: enterprises supported (of which: micro, small, medium, large).
    Rco01,
    /// EU RCO02: enterprises supported by grants.
    Rco02,
    /// EU RCO03: enterprises supported by financial instruments.
    Rco03,
    /// EU RCO04: enterprises with non-financial support.
    Rco04,
    /// EU RCO05: new enterprises supported.
    Rco05,
    /// EU RCR01: jobs created in supported entities.
    Rcr01,
    /// EU RCR02: private investments matching public support (of which: grants, financial
    /// instruments).
    Rcr02,
    /// EU RCR03: SMEs introducing product or process innovation.
    Rcr03,
    /// Interreg RCO87: organisations cooperating across borders.
    Rco87,
}

impl IndicatorCode {
    /// The code as funders write it ("C1", "RCO01"); also the translation key suffix.
    pub fn key(self) -> &'static str {
        meta(self).key
    }

    /// The metadata row for this code.
    pub fn meta(self) -> &'static IndicatorMeta {
        meta(self)
    }

    /// The code for a key such as "C1" or "RCO87".
    pub fn from_key(key: &str) -> Option<IndicatorCode> {
        CATALOGUE.iter().find(|m| m.key == key).map(|m| m.code)
    }
}

/// One row of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct IndicatorMeta {
    /// The code.
    pub code: IndicatorCode,
    /// The code as funders write it.
    pub key: &'static str,
    /// The rulebook it belongs to.
    pub rulebook: RulebookFamily,
    /// What its value counts.
    pub unit: Unit,
    /// The official English name (the UI translates by `key`; this is the reference text).
    pub name: &'static str,
    /// Where the definition comes from.
    pub source: &'static str,
}

const GN: &str = "ESIF-GN-1-002 ERDF Output Indicator Definitions Guidance (v3–v6)";
const ANNEX_I: &str = "Regulation (EU) 2021/1058, Annex I, Table 1";

/// Every indicator Tandem computes, in reporting order.
#[rustfmt::skip]
pub const CATALOGUE: &[IndicatorMeta] = &[
    row(IndicatorCode::C1, "C1", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of enterprises receiving support", GN),
    row(IndicatorCode::C2, "C2", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of enterprises receiving grants", GN),
    row(IndicatorCode::C3, "C3", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of enterprises receiving financial support other than grants", GN),
    row(IndicatorCode::C4, "C4", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of enterprises receiving non-financial support", GN),
    row(IndicatorCode::C5, "C5", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of new enterprises supported", GN),
    row(IndicatorCode::C8, "C8", RulebookFamily::Erdf2014England, Unit::FteHundredths,
        "Employment increase in supported enterprises", GN),
    row(IndicatorCode::C26, "C26", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of enterprises cooperating with research entities", GN),
    row(IndicatorCode::C28, "C28", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of enterprises supported to introduce new to the market products", GN),
    row(IndicatorCode::C29, "C29", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of enterprises supported to introduce new to the firm products", GN),
    row(IndicatorCode::P11, "P11", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of potential entrepreneurs assisted to be enterprise ready", GN),
    row(IndicatorCode::P13, "P13", RulebookFamily::Erdf2014England, Unit::Enterprises,
        "Number of enterprises receiving information, diagnostic and brokerage support", GN),
    row(IndicatorCode::Rco01, "RCO01", RulebookFamily::Eu2021, Unit::Enterprises,
        "Enterprises supported (of which: micro, small, medium, large)", ANNEX_I),
    row(IndicatorCode::Rco02, "RCO02", RulebookFamily::Eu2021, Unit::Enterprises,
        "Enterprises supported by grants", ANNEX_I),
    row(IndicatorCode::Rco03, "RCO03", RulebookFamily::Eu2021, Unit::Enterprises,
        "Enterprises supported by financial instruments", ANNEX_I),
    row(IndicatorCode::Rco04, "RCO04", RulebookFamily::Eu2021, Unit::Enterprises,
        "Enterprises with non-financial support", ANNEX_I),
    row(IndicatorCode::Rco05, "RCO05", RulebookFamily::Eu2021, Unit::Enterprises,
        "New enterprises supported", ANNEX_I),
    row(IndicatorCode::Rcr01, "RCR01", RulebookFamily::Eu2021, Unit::FteHundredths,
        "Jobs created in supported entities", ANNEX_I),
    row(IndicatorCode::Rcr02, "RCR02", RulebookFamily::Eu2021, Unit::MoneyMinor,
        "Private investments matching public support (of which: grants, financial instruments)",
        ANNEX_I),
    row(IndicatorCode::Rcr03, "RCR03", RulebookFamily::Eu2021, Unit::Enterprises,
        "Small and medium-sized enterprises (SMEs) introducing product or process innovation",
        ANNEX_I),
    row(IndicatorCode::Rco87, "RCO87", RulebookFamily::Interreg2021, Unit::Organisations,
        "Organisations cooperating across borders", ANNEX_I),
];

const fn row(
    code: IndicatorCode,
    key: &'static str,
    rulebook: RulebookFamily,
    unit: Unit,
    name: &'static str,
    source: &'static str,
) -> IndicatorMeta {
    IndicatorMeta {
        code,
        key,
        rulebook,
        unit,
        name,
        source,
    }
}

fn meta(code: IndicatorCode) -> &'static IndicatorMeta {
    // The catalogue lists the codes in declaration order; the test `catalogue_is_complete`
    // keeps it that way, so indexing by discriminant is safe.
    &CATALOGUE[code as usize]
}

/// The codes of one rulebook, in reporting order.
pub fn codes_of(rulebook: RulebookFamily) -> Vec<IndicatorCode> {
    CATALOGUE
        .iter()
        .filter(|m| m.rulebook == rulebook)
        .map(|m| m.code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_complete() {
        for (i, m) in CATALOGUE.iter().enumerate() {
            assert_eq!(m.code as usize, i, "{} out of order", m.key);
            assert_eq!(IndicatorCode::from_key(m.key), Some(m.code));
        }
        assert_eq!(CATALOGUE.len(), IndicatorCode::Rco87 as usize + 1);
    }
}
