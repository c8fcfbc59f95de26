//! What a supported enterprise achieved, recorded per funded project (issue 6, item 5): the facts
//! the result indicators count beyond support itself — when the business started (ERDF C5, EU
//! RCO05), its employment before support and later (C8, RCR01), innovations it introduced (C28,
//! C29, RCR03), its cooperation with a research entity (C26) and the private money it invested
//! alongside public support (RCR02).
//!
//! The kind-specific choices are the rulebooks' own types (`tandem_rules::indicators`), so a
//! stored outcome is the fact the indicators count, without a second copy of each choice.
//! Outcomes are never deleted: a mistaken one is withdrawn and counts nowhere.

use super::project::Project;
use super::units::parse_hundredths;
use crate::directory::{OrgKind, keyed_enum};
use crate::validation::{ValidationErrors, optional_text};
use crate::{OrgId, OutcomeId, ProjectId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
pub use tandem_rules::indicators::{InnovationKind, MatchedSupport, Novelty, StartEvidence};

/// Longest note on an outcome.
pub const NOTE_MAX: usize = 2_000;
/// Most FTEs one employment figure may hold, in hundredths (10,000 FTE): more is a typing error
/// in an SME-support project.
pub const FTE_MAX: i64 = 1_000_000;

keyed_enum!(
    /// What an outcome records.
    OutcomeKind {
        /// The day the enterprise registered or started trading (C5, RCO05).
        BusinessStart = "business_start",
        /// Its employment before support, the baseline of C8 and RCR01.
        EmploymentBaseline = "employment_baseline",
        /// A later employment figure (C8, RCR01).
        EmploymentFigure = "employment_figure",
        /// A product or process it introduced (C28, C29, RCR03).
        Innovation = "innovation",
        /// Its cooperation with a research entity (C26).
        ResearchCooperation = "research_cooperation",
        /// Private money invested alongside public support (RCR02).
        PrivateInvestment = "private_investment",
    }
);

impl OutcomeKind {
    /// Kinds an enterprise has at most one of per project (while not withdrawn): one start, one
    /// baseline (ESIF-GN-1-002 C8: the increase is measured from *the* baseline set before
    /// support).
    pub fn one_per_enterprise(self) -> bool {
        matches!(self, OutcomeKind::BusinessStart | OutcomeKind::EmploymentBaseline)
    }

    /// Whether evidence files are what makes this kind count (innovations, research
    /// cooperation and private investment need one; a start is evidenced by its kind of record,
    /// employment by the written confirmation).
    pub fn needs_evidence_file(self) -> bool {
        matches!(self, OutcomeKind::Innovation | OutcomeKind::ResearchCooperation | OutcomeKind::PrivateInvestment)
    }
}

/// Stable keys for the rulebooks' choices an outcome carries — their serde names — as the
/// database, forms and translation ids write them.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];

    /// The stable key.
    fn key(self) -> &'static str;

    /// The value for a stable key.
    fn from_key(key: &str) -> Option<Self> {
        let key = key.trim();
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }

    /// The keys, comma-separated, for messages that say what is accepted.
    fn keys_list() -> String {
        Self::ALL.iter().map(|c| c.key()).collect::<Vec<_>>().join(", ")
    }
}

impl Choice for StartEvidence {
    const ALL: &'static [Self] = &[StartEvidence::Registration, StartEvidence::OtherTradingRecord];
    fn key(self) -> &'static str {
        match self {
            StartEvidence::Registration => "registration",
            StartEvidence::OtherTradingRecord => "other_trading_record",
        }
    }
}

impl Choice for Novelty {
    const ALL: &'static [Self] = &[Novelty::NewToMarket, Novelty::NewToFirm];
    fn key(self) -> &'static str {
        match self {
            Novelty::NewToMarket => "new_to_market",
            Novelty::NewToFirm => "new_to_firm",
        }
    }
}

impl Choice for InnovationKind {
    const ALL: &'static [Self] = &[InnovationKind::Product, InnovationKind::Process];
    fn key(self) -> &'static str {
        match self {
            InnovationKind::Product => "product",
            InnovationKind::Process => "process",
        }
    }
}

impl Choice for MatchedSupport {
    const ALL: &'static [Self] = &[MatchedSupport::Grant, MatchedSupport::FinancialInstrument];
    fn key(self) -> &'static str {
        match self {
            MatchedSupport::Grant => "grant",
            MatchedSupport::FinancialInstrument => "financial_instrument",
        }
    }
}

/// Research entities an enterprise may cooperate with under C26 (ESIF-GN-1-002: "research
/// institutions"): university departments and research organisations of the directory.
pub fn is_research_entity(kind: OrgKind) -> bool {
    matches!(kind, OrgKind::UniversityLab | OrgKind::ResearchOrganisation)
}

/// The day a B2B meeting was held: its slot's start in its event's time zone (UTC when the zone
/// is unknown), so a meeting early in the morning in Leipzig is not dated the day before.
pub fn held_on(starts_at: DateTime<Utc>, time_zone: &str) -> NaiveDate {
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => starts_at.with_timezone(&tz).date_naive(),
        Err(_) => starts_at.date_naive(),
    }
}

/// What a recorder submits, before validation. Only the fields of the chosen kind are read; the
/// others are ignored (the form shows them all).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeDraft {
    /// [`OutcomeKind`] key.
    pub kind: String,
    /// The day (YYYY-MM-DD): of the start, the baseline or figure, the innovation's
    /// introduction, the cooperation's start or the investment.
    pub date: String,
    /// Business start: [`StartEvidence`] key.
    pub start_evidence: String,
    /// Employment: full-time equivalents ("12", "12.5").
    pub fte: String,
    /// Employment figure: the enterprise confirmed it in writing.
    pub confirmed_in_writing: bool,
    /// Innovation: [`Novelty`] key.
    pub novelty: String,
    /// Innovation: [`InnovationKind`] key.
    pub innovation_kind: String,
    /// Research cooperation: the research entity's organisation id.
    pub research_entity_id: String,
    /// Private investment: the amount in the project's currency ("25000", "25,000.00").
    pub amount: String,
    /// Private investment: [`MatchedSupport`] key.
    pub matches: String,
    /// A note for the auditor (what the evidence shows, where the original is kept).
    pub note: Option<String>,
}

/// The kind-specific facts of an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OutcomeDetail {
    /// The enterprise registered or started trading.
    BusinessStart {
        /// What shows it.
        evidence: StartEvidence,
    },
    /// Employment before support.
    EmploymentBaseline {
        /// FTEs in hundredths.
        fte_hundredths: i64,
    },
    /// A later employment figure.
    EmploymentFigure {
        /// FTEs in hundredths.
        fte_hundredths: i64,
        /// Whether the enterprise confirmed it in writing (ESIF-GN-1-002 C8).
        confirmed_in_writing: bool,
    },
    /// An innovation introduced.
    Innovation {
        /// New to the market or to the firm.
        novelty: Novelty,
        /// Product (good or service) or process.
        innovation_kind: InnovationKind,
    },
    /// Cooperation with a research entity.
    ResearchCooperation {
        /// The research entity.
        research_entity_id: OrgId,
    },
    /// Private investment matching public support.
    PrivateInvestment {
        /// Minor units of the project's currency.
        amount_minor: i64,
        /// The support it matches.
        matches: MatchedSupport,
    },
}

impl OutcomeDetail {
    /// Its kind.
    pub fn kind(&self) -> OutcomeKind {
        match self {
            OutcomeDetail::BusinessStart { .. } => OutcomeKind::BusinessStart,
            OutcomeDetail::EmploymentBaseline { .. } => OutcomeKind::EmploymentBaseline,
            OutcomeDetail::EmploymentFigure { .. } => OutcomeKind::EmploymentFigure,
            OutcomeDetail::Innovation { .. } => OutcomeKind::Innovation,
            OutcomeDetail::ResearchCooperation { .. } => OutcomeKind::ResearchCooperation,
            OutcomeDetail::PrivateInvestment { .. } => OutcomeKind::PrivateInvestment,
        }
    }
}

/// A validated outcome's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeInput {
    /// The day it describes.
    pub date: NaiveDate,
    /// What it records.
    pub detail: OutcomeDetail,
    /// A note.
    pub note: Option<String>,
}

fn choice<C: Choice>(errors: &mut ValidationErrors, field: &str, key: &str, what: &str) -> Option<C> {
    let value = C::from_key(key);
    if value.is_none() {
        errors.add(field, "invalid_choice", format!("choose {what} (one of: {})", C::keys_list()));
    }
    value
}

impl OutcomeDraft {
    /// Checks the fields of the chosen kind against the project, the enterprise it is for and
    /// `today`.
    pub fn validate(&self, project: &Project, enterprise: OrgId, today: NaiveDate) -> Result<OutcomeInput, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let kind = OutcomeKind::from_key(&self.kind);
        if kind.is_none() {
            errors.add("kind", "invalid_choice", format!("choose what the outcome records (one of: {})", OutcomeKind::keys_list()));
        }
        let date = self.checked_date(&mut errors, kind, project, today);
        let note = optional_text(&mut errors, "note", self.note.as_deref(), NOTE_MAX);
        let detail = kind.and_then(|kind| self.detail(&mut errors, kind, enterprise));
        let (Some(date), Some(detail)) = (date, detail) else {
            return Err(errors);
        };
        errors.into_result(OutcomeInput { date, detail, note })
    }

    /// The date, not in the future; results of the project (figures, innovations, cooperation,
    /// investment) not before it starts; a baseline not after it ends. A start may lie years back.
    fn checked_date(
        &self,
        errors: &mut ValidationErrors,
        kind: Option<OutcomeKind>,
        project: &Project,
        today: NaiveDate,
    ) -> Option<NaiveDate> {
        let Ok(date) = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d") else {
            errors.add("date", "invalid_date", "write the date as YYYY-MM-DD");
            return None;
        };
        let (starts, ends) = (project.input.starts_on, project.input.ends_on);
        match kind {
            _ if date > today => {
                errors.add("date", "not_yet_happened", "record an outcome once it happened: use a date up to today");
                None
            }
            Some(OutcomeKind::EmploymentBaseline) if date > ends => {
                errors.add(
                    "date",
                    "outside_project",
                    format!("a baseline is set before support, and the project delivers until {ends}: use a date up to then"),
                );
                None
            }
            Some(
                OutcomeKind::EmploymentFigure | OutcomeKind::Innovation | OutcomeKind::ResearchCooperation | OutcomeKind::PrivateInvestment,
            ) if date < starts => {
                errors.add(
                    "date",
                    "outside_project",
                    format!("the project delivers from {starts}: a result of its support cannot be dated earlier; use {starts} or later"),
                );
                None
            }
            _ => Some(date),
        }
    }

    fn detail(&self, errors: &mut ValidationErrors, kind: OutcomeKind, enterprise: OrgId) -> Option<OutcomeDetail> {
        match kind {
            OutcomeKind::BusinessStart => {
                let evidence = choice(errors, "start_evidence", &self.start_evidence, "what shows the start")?;
                Some(OutcomeDetail::BusinessStart { evidence })
            }
            OutcomeKind::EmploymentBaseline => Some(OutcomeDetail::EmploymentBaseline { fte_hundredths: self.fte(errors)? }),
            OutcomeKind::EmploymentFigure => {
                Some(OutcomeDetail::EmploymentFigure { fte_hundredths: self.fte(errors)?, confirmed_in_writing: self.confirmed_in_writing })
            }
            OutcomeKind::Innovation => {
                let novelty = choice(errors, "novelty", &self.novelty, "whether it is new to the market or to the firm");
                let innovation_kind = choice(errors, "innovation_kind", &self.innovation_kind, "a product or a process");
                Some(OutcomeDetail::Innovation { novelty: novelty?, innovation_kind: innovation_kind? })
            }
            OutcomeKind::ResearchCooperation => match self.research_entity_id.trim().parse::<OrgId>() {
                Ok(id) if id == enterprise => {
                    errors.add(
                        "research_entity_id",
                        "self_cooperation",
                        "an enterprise cannot cooperate with itself: choose the research entity",
                    );
                    None
                }
                Ok(research_entity_id) => Some(OutcomeDetail::ResearchCooperation { research_entity_id }),
                Err(_) => {
                    errors.add("research_entity_id", "required", "choose the research entity (university or research organisation)");
                    None
                }
            },
            OutcomeKind::PrivateInvestment => {
                let amount = match parse_hundredths(&self.amount) {
                    Some(a) if a > 0 => Some(a),
                    _ => {
                        errors.add(
                            "amount",
                            "invalid_amount",
                            "write the private investment as an amount above zero, e.g. 25000 or 25,000.00",
                        );
                        None
                    }
                };
                let matches = choice(errors, "matches", &self.matches, "the public support it matches");
                Some(OutcomeDetail::PrivateInvestment { amount_minor: amount?, matches: matches? })
            }
        }
    }

    fn fte(&self, errors: &mut ValidationErrors) -> Option<i64> {
        match parse_hundredths(&self.fte) {
            Some(f) if f <= FTE_MAX => Some(f),
            _ => {
                errors.add("fte", "invalid_fte", "write the employment in full-time equivalents, e.g. 4 or 12.5 (at most 10,000)");
                None
            }
        }
    }
}

impl From<&OutcomeInput> for OutcomeDraft {
    /// The draft that validates back to `input` (for a correction form).
    fn from(input: &OutcomeInput) -> OutcomeDraft {
        use super::units::format_hundredths;
        let mut draft = OutcomeDraft {
            kind: input.detail.kind().key().to_owned(),
            date: input.date.to_string(),
            note: input.note.clone(),
            ..OutcomeDraft::default()
        };
        match input.detail {
            OutcomeDetail::BusinessStart { evidence } => draft.start_evidence = evidence.key().to_owned(),
            OutcomeDetail::EmploymentBaseline { fte_hundredths } => draft.fte = format_hundredths(fte_hundredths),
            OutcomeDetail::EmploymentFigure { fte_hundredths, confirmed_in_writing } => {
                draft.fte = format_hundredths(fte_hundredths);
                draft.confirmed_in_writing = confirmed_in_writing;
            }
            OutcomeDetail::Innovation { novelty, innovation_kind } => {
                draft.novelty = novelty.key().to_owned();
                draft.innovation_kind = innovation_kind.key().to_owned();
            }
            OutcomeDetail::ResearchCooperation { research_entity_id } => draft.research_entity_id = research_entity_id.to_string(),
            OutcomeDetail::PrivateInvestment { amount_minor, matches } => {
                draft.amount = format_hundredths(amount_minor);
                draft.matches = matches.key().to_owned();
            }
        }
        draft
    }
}

/// An outcome as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Id.
    pub id: OutcomeId,
    /// The project it counts for.
    pub project_id: ProjectId,
    /// The enterprise.
    pub enterprise_id: OrgId,
    /// Its fields.
    pub input: OutcomeInput,
    /// Who recorded it.
    pub created_by: Option<UserId>,
    /// Optimistic-locking version.
    pub version: i64,
    /// Recorded.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// Withdrawn (it stays as evidence but counts nowhere).
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// Why.
    pub withdrawn_reason: Option<String>,
}

impl Outcome {
    /// Whether it counts (not withdrawn).
    pub fn is_active(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::project::{Funder, ProjectCurrency, ProjectInput};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn project() -> Project {
        Project {
            id: ProjectId::new(),
            input: ProjectInput {
                name: "Innovation Engine".into(),
                lead_org_id: OrgId::new(),
                funder: Funder::ErdfEngland2014,
                scheme: None,
                rulebook: "esif_gn_1_002".into(),
                rulebook_version: "v6".into(),
                agreement_signed_on: d("2017-01-16"),
                starts_on: d("2017-02-01"),
                ends_on: d("2019-12-31"),
                currency: ProjectCurrency::Gbp,
                hours_threshold: 1_200,
                day_rate: None,
                hours_per_day: 750,
            },
            partners: vec![],
            cities: vec![],
            excluded_nace: vec![],
            targets: vec![],
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn draft(kind: &str, date: &str) -> OutcomeDraft {
        OutcomeDraft { kind: kind.into(), date: date.into(), ..OutcomeDraft::default() }
    }

    fn today() -> NaiveDate {
        d("2026-11-28")
    }

    #[test]
    fn a_meeting_at_half_past_midnight_in_leipzig_was_held_that_day() {
        let at = DateTime::parse_from_rfc3339("2018-03-14T23:30:00Z").expect("time").to_utc();
        assert_eq!(held_on(at, "Europe/Berlin"), d("2018-03-15"));
        assert_eq!(held_on(at, "Europe/London"), d("2018-03-14"));
        assert_eq!(held_on(at, "Mars/Olympus"), d("2018-03-14"), "an unknown zone reads as UTC");
    }

    #[test]
    fn choice_keys_read_back_trimmed() {
        // That the keys are also the serde names (the audit trail's JSON) is checked in the
        // store tests, which have a JSON serialiser.
        fn check<C: Choice + std::fmt::Debug>() {
            for c in C::ALL {
                assert_eq!(C::from_key(&format!(" {} ", c.key())), Some(*c));
            }
            assert_eq!(C::from_key("nonsense"), None);
        }
        check::<StartEvidence>();
        check::<Novelty>();
        check::<InnovationKind>();
        check::<MatchedSupport>();
    }

    #[test]
    fn each_kind_reads_only_its_own_fields() {
        let (p, firm) = (project(), OrgId::new());
        let start = OutcomeDraft { start_evidence: "registration".into(), fte: "junk".into(), ..draft("business_start", "2016-05-02") };
        let input = start.validate(&p, firm, today()).expect("a start long before the project is fine");
        assert_eq!(input.detail, OutcomeDetail::BusinessStart { evidence: StartEvidence::Registration });

        let figure = OutcomeDraft { fte: "6,5".into(), confirmed_in_writing: true, ..draft("employment_figure", "2018-11-30") };
        let input = figure.validate(&p, firm, today()).expect("valid");
        assert_eq!(input.detail, OutcomeDetail::EmploymentFigure { fte_hundredths: 650, confirmed_in_writing: true });
        assert_eq!(OutcomeDraft::from(&input).validate(&p, firm, today()), Ok(input), "the correction form round-trips");

        let baseline = OutcomeDraft { fte: "0".into(), ..draft("employment_baseline", "2018-01-20") };
        assert!(baseline.validate(&p, firm, today()).is_ok(), "a start-up may have no employees at its baseline");

        let money = OutcomeDraft { amount: "25,000.00".into(), matches: "grant".into(), ..draft("private_investment", "2018-06-01") };
        let input = money.validate(&p, firm, today()).expect("valid");
        assert_eq!(input.detail, OutcomeDetail::PrivateInvestment { amount_minor: 2_500_000, matches: MatchedSupport::Grant });
    }

    #[test]
    fn missing_kind_fields_are_named_with_how_to_fix_them() {
        let (p, firm) = (project(), OrgId::new());
        let innovation = draft("innovation", "2018-09-01").validate(&p, firm, today()).expect_err("no novelty");
        assert_eq!(innovation.for_field("novelty").map(|e| e.code), Some("invalid_choice"));
        assert!(innovation.for_field("innovation_kind").is_some_and(|e| e.message.contains("product, process")), "{innovation}");
        let money = OutcomeDraft { amount: "0".into(), ..draft("private_investment", "2018-06-01") };
        let errors = money.validate(&p, firm, today()).expect_err("zero");
        assert!(errors.for_field("amount").is_some() && errors.for_field("matches").is_some(), "{errors}");
        let fte = OutcomeDraft { fte: "-3".into(), ..draft("employment_figure", "2018-06-01") };
        assert_eq!(fte.validate(&p, firm, today()).expect_err("negative").for_field("fte").map(|e| e.code), Some("invalid_fte"));
        let own = OutcomeDraft { research_entity_id: firm.to_string(), ..draft("research_cooperation", "2018-06-01") };
        let errors = own.validate(&p, firm, today()).expect_err("self");
        assert_eq!(errors.for_field("research_entity_id").map(|e| e.code), Some("self_cooperation"));
        let unknown = draft("turnover", "2018-06-01").validate(&p, firm, today()).expect_err("kind");
        assert!(unknown.for_field("kind").is_some_and(|e| e.message.contains("business_start")), "{unknown}");
    }

    #[test]
    fn results_of_the_project_are_not_dated_before_it_or_in_the_future() {
        let (p, firm) = (project(), OrgId::new());
        let early = OutcomeDraft { novelty: "new_to_firm".into(), innovation_kind: "product".into(), ..draft("innovation", "2017-01-31") };
        assert_eq!(early.validate(&p, firm, today()).expect_err("early").for_field("date").map(|e| e.code), Some("outside_project"));
        let first_day = OutcomeDraft { date: "2017-02-01".into(), ..early.clone() };
        assert!(first_day.validate(&p, firm, today()).is_ok(), "the project's first day");
        let future = OutcomeDraft { date: "2026-11-29".into(), ..early };
        assert_eq!(future.validate(&p, firm, today()).expect_err("future").for_field("date").map(|e| e.code), Some("not_yet_happened"));
        let late_baseline = OutcomeDraft { fte: "3".into(), ..draft("employment_baseline", "2020-01-01") };
        assert_eq!(late_baseline.validate(&p, firm, today()).expect_err("late").for_field("date").map(|e| e.code), Some("outside_project"));
        let bad = draft("business_start", "1.5.2016").validate(&p, firm, today()).expect_err("format");
        assert_eq!(bad.for_field("date").map(|e| e.code), Some("invalid_date"));
    }
}
