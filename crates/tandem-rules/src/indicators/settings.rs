//! Per-project counting settings: thresholds and evidence rules a funding agreement may set
//! differently from the defaults.

use serde::{Deserialize, Serialize};

/// Hours (in hundredths) of non-financial support an enterprise needs for ERDF England C1/C4,
/// and a potential entrepreneur for P11. ESIF-GN-1-002 (v3–v6), C1/C4 "Threshold"; v5's
/// version table says support must *meet* the minimum threshold, not exceed it, so 12.00 h
/// counts. The 12-hour figure is Tandem's domain note (DOMAIN.md, "Funder evidence"), and
/// calls written against the guidance ask for "a min of 12 hours interaction" for enterprise
/// readiness (e.g. Cornwall CLLD call SELAG C06); the guidance's own threshold paragraph could
/// not be read in full, hence a per-project setting.
pub const ERDF_DEFAULT_MIN_SUPPORT_HUNDREDTHS: u32 = 1200;

/// Hours (in hundredths) of information, diagnostic and brokerage support for ERDF P13.
/// UNVERIFIED: the P13 threshold paragraph of ESIF-GN-1-002 could not be read; two hours is a
/// placeholder the project must confirm from its funding agreement.
pub const ERDF_DEFAULT_P13_MIN_HUNDREDTHS: u32 = 200;

/// Months before support within which an enterprise counts as new under EU RCO05.
/// UNVERIFIED for 2021–27: the 2014–20 common indicator CO05 counted enterprises that "did not
/// exist three years before" the project; the 2021–27 methodology (SWD(2021) 198) could not
/// be read, so the figure is a per-project setting.
pub const EU_DEFAULT_NEW_ENTERPRISE_MONTHS: u32 = 36;

/// Months before support within which an enterprise counts as new under ERDF England C5:
/// "registered less than 12 months prior to receiving support" (ESIF-GN-1-002 v5, version
/// table entry for C5; fixed by the guidance, not a setting).
pub const ERDF_NEW_ENTERPRISE_MONTHS: u32 = 12;

/// How one project counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectSettings {
    /// Non-financial support (hundredths of hours) an enterprise needs for C1/C4 or RCO04.
    pub min_support_hundredths: u32,
    /// Support (hundredths of hours) a potential entrepreneur needs for P11.
    pub p11_min_hundredths: u32,
    /// Information, diagnostic and brokerage support (hundredths of hours) for P13.
    pub p13_min_hundredths: u32,
    /// Whether a non-financial support record counts only with written output specific to
    /// the business (ESIF-GN-1-002 v5: written advice must be specific, not off the shelf).
    pub require_written_output: bool,
    /// Whether an enterprise counts only with a signed SME declaration.
    pub require_sme_declaration: bool,
    /// Whether only SMEs count (a declared large enterprise is a near miss).
    pub smes_only: bool,
    /// Whether a later employment figure counts only when confirmed in writing
    /// (ESIF-GN-1-002 C8, "Verification evidence").
    pub require_written_employment_confirmation: bool,
    /// NACE code prefixes the project excludes ("A01", "K", "56.1"); matched on the code with
    /// dots ignored, case-insensitively.
    pub excluded_nace_prefixes: Vec<String>,
    /// Months within which an enterprise counts as new under RCO05.
    pub eu_new_enterprise_months: u32,
    /// Whether a held B2B meeting (and not only a signed partnership agreement) makes two
    /// organisations count under RCO87. The Commission's methodology speaks of organisations
    /// cooperating *formally*; a programme that reads that strictly turns this off.
    pub rco87_counts_b2b_meetings: bool,
}

impl ProjectSettings {
    /// The defaults for an England ERDF 2014–20 project.
    pub fn erdf_2014_20() -> ProjectSettings {
        ProjectSettings {
            min_support_hundredths: ERDF_DEFAULT_MIN_SUPPORT_HUNDREDTHS,
            p11_min_hundredths: ERDF_DEFAULT_MIN_SUPPORT_HUNDREDTHS,
            p13_min_hundredths: ERDF_DEFAULT_P13_MIN_HUNDREDTHS,
            require_written_output: true,
            require_sme_declaration: true,
            smes_only: true,
            require_written_employment_confirmation: true,
            excluded_nace_prefixes: Vec::new(),
            eu_new_enterprise_months: EU_DEFAULT_NEW_ENTERPRISE_MONTHS,
            rco87_counts_b2b_meetings: true,
        }
    }

    /// The defaults for an EU 2021–27 (or Interreg) project. Reg. (EU) 2021/1058 sets no
    /// minimum of support hours and no written-output rule; programmes that set them change
    /// these fields. The SME declaration is still required, because RCO01 reports by size.
    pub fn eu_2021_27() -> ProjectSettings {
        ProjectSettings {
            min_support_hundredths: 0,
            require_written_output: false,
            smes_only: false,
            require_written_employment_confirmation: false,
            ..ProjectSettings::erdf_2014_20()
        }
    }

    /// Whether the NACE code falls under one of the excluded prefixes.
    pub fn excludes_nace(&self, nace: &str) -> bool {
        let code = normalise_nace(nace);
        self.excluded_nace_prefixes
            .iter()
            .map(|p| normalise_nace(p))
            .any(|p| !p.is_empty() && code.starts_with(&p))
    }
}

fn normalise_nace(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
