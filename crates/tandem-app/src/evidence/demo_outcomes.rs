//! The demo enterprises' outcomes (issue 6, items 5 and 9), recorded by each project's manager:
//!
//! - **Innovation Engine** (ERDF England, 2018): business starts, employment baselines and
//!   figures, research cooperation and innovations, so that C5, C8, C26, C28 and C29 each have
//!   entries and near misses of every kind the rulebook reports — a start twelve months before
//!   support, a start of an enterprise not (yet) counted under C1, an employment figure not
//!   confirmed in writing, a baseline set after support began, a cooperation and an innovation
//!   without an evidence file, an innovation introduced before support — and one figure withdrawn
//!   as entered twice. Enterprises are those of `demo::enterprises`, by position, so the support
//!   pattern each one has (see `demo::pattern`) is known: 0, 6 reach 12 hours, 3, 9 have a
//!   grant, 5, 11 are supported by both delivery organisations; 1, 2, 4 fall short of C1.
//! - **SpinLab Scale-up Leipzig** (ERDF 2021–27, 2025; seeded by `demo_leipzig`): SME
//!   declarations for three of its Leipzig enterprises (RCO01 counts only declared sizes; Möckern
//!   Diagnostik stays undeclared, a near miss), and the outcomes RCO05, RCR01, RCR02 and RCR03
//!   count, each with an entry and a near miss.

use super::demo::{PDF, audited, day, enterprises, noon};
use crate::evidence_files::Upload;
use crate::{AppError, AppResult};
use chrono::NaiveDate;
use std::collections::HashMap;
use tandem_core::evidence::outcome::{Outcome, OutcomeDraft};
use tandem_core::evidence::project::Project;
use tandem_core::evidence::sme::{Declaration, DeclarationDraft};
use tandem_core::{OrgId, OutcomeEvidenceId, OutcomeId, UserId};
use tandem_store::outcomes;
use tandem_store::{Tx, organisations, projects, sme_declarations};

/// Research entities of the demo directory the Birmingham enterprises cooperate with.
const INSTITUTE: &str = "Midlands Institute for Applied Sensing";
const LAB: &str = "BCU Digital Media Technology Lab";

/// An outcome to record: for whom, what, and whether an evidence file is attached.
struct Planned {
    enterprise: OrgId,
    draft: OutcomeDraft,
    evidence: bool,
}

fn at(kind: &str, date: NaiveDate) -> OutcomeDraft {
    OutcomeDraft { kind: kind.into(), date: date.to_string(), ..OutcomeDraft::default() }
}

fn start(enterprise: OrgId, date: NaiveDate, evidence: &str) -> Planned {
    Planned { enterprise, draft: OutcomeDraft { start_evidence: evidence.into(), ..at("business_start", date) }, evidence: false }
}

fn employment(enterprise: OrgId, kind: &str, date: NaiveDate, fte: &str, confirmed: bool) -> Planned {
    let draft = OutcomeDraft { fte: fte.into(), confirmed_in_writing: confirmed, ..at(kind, date) };
    Planned { enterprise, draft, evidence: confirmed }
}

fn innovation(enterprise: OrgId, date: NaiveDate, novelty: &str, kind: &str, evidence: bool, note: &str) -> Planned {
    let draft = OutcomeDraft { novelty: novelty.into(), innovation_kind: kind.into(), note: Some(note.into()), ..at("innovation", date) };
    Planned { enterprise, draft, evidence }
}

fn cooperation(enterprise: OrgId, date: NaiveDate, entity: OrgId, evidence: bool, note: &str) -> Planned {
    let draft = OutcomeDraft { research_entity_id: entity.to_string(), note: Some(note.into()), ..at("research_cooperation", date) };
    Planned { enterprise, draft, evidence }
}

fn investment(enterprise: OrgId, date: NaiveDate, amount: &str, evidence: bool, note: &str) -> Planned {
    let draft = OutcomeDraft { amount: amount.into(), matches: "grant".into(), note: Some(note.into()), ..at("private_investment", date) };
    Planned { enterprise, draft, evidence }
}

/// The Innovation Engine's outcomes, by indicator; `firm(n)` is the n-th demo enterprise.
fn innovation_engine(firm: impl Fn(usize) -> OrgId, institute: OrgId, lab: OrgId) -> Vec<Planned> {
    vec![
        // C5: new when first supported (8 and 9 months); 12 months is not new; a start-up short of C1.
        start(firm(3), day(2017, 6, 12), "registration"),
        start(firm(11), day(2017, 5, 2), "other_trading_record"),
        start(firm(6), day(2017, 1, 10), "registration"),
        start(firm(1), day(2017, 9, 1), "registration"),
        // C8: growth confirmed in writing; a figure not confirmed; a baseline set after support.
        employment(firm(0), "employment_baseline", day(2018, 1, 22), "4", false),
        employment(firm(0), "employment_figure", day(2018, 11, 30), "6.5", true),
        employment(firm(9), "employment_baseline", day(2018, 2, 20), "3", false),
        employment(firm(9), "employment_figure", day(2018, 12, 3), "5", true),
        employment(firm(5), "employment_baseline", day(2018, 2, 1), "8", false),
        employment(firm(5), "employment_figure", day(2018, 12, 10), "9.5", false),
        employment(firm(6), "employment_baseline", day(2018, 3, 1), "2", false),
        employment(firm(6), "employment_figure", day(2018, 10, 31), "3", true),
        // C26: evidenced cooperation; one without its evidence file.
        cooperation(firm(3), day(2018, 6, 15), institute, true, "Joint air-quality trial of cargo-bike sensors"),
        cooperation(firm(5), day(2018, 9, 3), lab, true, "Knowledge-transfer project on volumetric capture"),
        cooperation(firm(11), day(2018, 10, 1), institute, false, "Data-sharing agreement (signed copy still to come)"),
        // C28: a new-to-market product; one claimed without evidence.
        innovation(firm(0), day(2018, 9, 17), "new_to_market", "product", true, "VR safety-training module for hospital trusts"),
        innovation(firm(6), day(2018, 11, 5), "new_to_market", "product", false, "Rapid allergen assay kit"),
        // C29: a new-to-firm product; one introduced before support began.
        innovation(firm(9), day(2018, 10, 8), "new_to_firm", "product", true, "Middleware connector for NHS systems"),
        innovation(firm(3), day(2018, 2, 12), "new_to_firm", "product", true, "Refrigerated cargo-bike trailer"),
    ]
}

/// The Leipzig enterprises' outcomes in 2025 (see `demo_leipzig` for their support).
struct Leipzig {
    pleisse: OrgId,
    nordlicht: OrgId,
    lindenau: OrgId,
    moeckern: OrgId,
}

fn leipzig(l: &Leipzig) -> Vec<Planned> {
    vec![
        // RCO05: registered 21 months before support; an enterprise of 2021 is not new.
        start(l.nordlicht, day(2023, 4, 3), "registration"),
        start(l.lindenau, day(2021, 6, 1), "registration"),
        // RCR01: 3.5 jobs created; a baseline set after support began.
        employment(l.pleisse, "employment_baseline", day(2025, 1, 10), "12", false),
        employment(l.pleisse, "employment_figure", day(2025, 12, 1), "15.5", true),
        employment(l.lindenau, "employment_baseline", day(2025, 3, 1), "5", false),
        employment(l.lindenau, "employment_figure", day(2025, 11, 14), "7", true),
        // RCR02: private money matching the grants; one without its bank statement.
        investment(l.pleisse, day(2025, 6, 30), "200000", true, "Shareholder loan converted to equity for the production line"),
        investment(l.nordlicht, day(2025, 8, 15), "40000", false, "Business angel investment (statement to follow)"),
        // RCR03: SMEs introducing innovation; an undeclared enterprise is a near miss.
        innovation(l.nordlicht, day(2025, 10, 1), "new_to_firm", "process", true, "Automated calibration of the sensor line"),
        innovation(l.lindenau, day(2025, 9, 1), "new_to_market", "product", true, "Food-grade enzyme for plant-based dairy"),
        innovation(l.moeckern, day(2025, 6, 2), "new_to_firm", "product", true, "Point-of-care test reader"),
    ]
}

/// Seeds the outcomes of both demo projects into the demo's transaction (`ie` is the
/// Innovation Engine; the Leipzig project is found by name, after `demo_leipzig` seeded it).
pub(super) async fn seed(tx: &mut Tx, ie: &Project, users: &HashMap<String, UserId>) -> AppResult<()> {
    let manager = users.get("jordan.manager@demo.tandem.example").copied();
    let firms = enterprises(tx).await?;
    if let (Some(institute), Some(lab), true) =
        (organisations::id_by_name(tx.conn(), INSTITUTE).await?, organisations::id_by_name(tx.conn(), LAB).await?, firms.len() >= 12)
    {
        let plan = innovation_engine(|n| firms[n].0, institute, lab);
        let duplicate = plan.iter().position(|p| p.enterprise == firms[9].0 && p.draft.kind == "employment_figure");
        let written = record(tx, ie, manager, day(2018, 1, 2), plan).await?;
        // The manager typed firm 9's December figure in twice and withdrew the copy.
        if let Some(original) = duplicate.and_then(|i| written.get(i)) {
            withdrawn_copy(tx, original, manager).await?;
        }
    }

    let Some(spinlab) = projects::list(tx.conn()).await?.into_iter().find(|p| p.input.name == super::demo_leipzig::PROJECT) else {
        return Ok(());
    };
    let lena = users.get("lena.managerin@demo.tandem.example").copied();
    let l = Leipzig {
        pleisse: org(tx, super::demo_leipzig::NEAR_CEILING).await?,
        nordlicht: org(tx, "Nordlicht Sensorik GmbH").await?,
        lindenau: org(tx, "Lindenau BioProzess GmbH").await?,
        moeckern: org(tx, "Möckern Diagnostik GmbH").await?,
    };
    for (enterprise, staff, turnover, balance_sheet) in [
        (l.pleisse, "38", "6,200,000", "4,100,000"),
        (l.nordlicht, "9", "1,100,000", "800,000"),
        (l.lindenau, "22", "3,400,000", "2,000,000"),
    ] {
        declare_in_euro(tx, enterprise, (staff, turnover, balance_sheet), lena).await?;
    }
    record(tx, &spinlab, lena, day(2025, 1, 9), leipzig(&l)).await?;
    Ok(())
}

async fn org(tx: &mut Tx, name: &str) -> AppResult<OrgId> {
    organisations::id_by_name(tx.conn(), name).await?.ok_or_else(|| AppError::Internal(format!("the demo has no '{name}'")))
}

/// Records the planned outcomes (validated as the form would be), audited, with their files;
/// outcomes dated before `recorded_from` (a start years back) were recorded on that day.
async fn record(
    tx: &mut Tx,
    project: &Project,
    manager: Option<UserId>,
    recorded_from: NaiveDate,
    plan: Vec<Planned>,
) -> AppResult<Vec<Outcome>> {
    let today = chrono::Utc::now().date_naive();
    let mut written = Vec::with_capacity(plan.len());
    for (k, p) in plan.into_iter().enumerate() {
        let input = p.draft.validate(project, p.enterprise, today)?;
        let when = noon(input.date.max(recorded_from)) + chrono::Duration::minutes(k as i64);
        let outcome = Outcome {
            id: OutcomeId::new(),
            project_id: project.id,
            enterprise_id: p.enterprise,
            input,
            created_by: manager,
            version: 1,
            created_at: when,
            updated_at: when,
            withdrawn_at: None,
            withdrawn_reason: None,
        };
        outcomes::insert(tx.conn(), &outcome).await?;
        audited(tx, manager, super::kind::OUTCOME, &outcome.id.to_string(), "created", &outcome, when).await?;
        if p.evidence {
            attach(tx, &outcome, manager).await?;
        }
        written.push(outcome);
    }
    Ok(written)
}

/// A second copy of `original`, recorded and withdrawn an hour later.
async fn withdrawn_copy(tx: &mut Tx, original: &Outcome, manager: Option<UserId>) -> AppResult<()> {
    let copy = Outcome { id: OutcomeId::new(), created_at: original.created_at + chrono::Duration::minutes(5), ..original.clone() };
    outcomes::insert(tx.conn(), &copy).await?;
    audited(tx, manager, super::kind::OUTCOME, &copy.id.to_string(), "created", &copy, copy.created_at).await?;
    let when = copy.created_at + chrono::Duration::hours(1);
    outcomes::withdraw(tx.conn(), copy.id, 1, "Entered twice", when).await?;
    let withdrawn =
        Outcome { version: 2, withdrawn_at: Some(when), withdrawn_reason: Some("Entered twice".into()), updated_at: when, ..copy };
    audited(tx, manager, super::kind::OUTCOME, &withdrawn.id.to_string(), "withdrawn", &withdrawn, when).await
}

/// A Leipzig enterprise's SME declaration on its 2023 accounts, signed in January 2025 (before
/// its first support): (staff, turnover, balance sheet) in euro.
async fn declare_in_euro(
    tx: &mut Tx,
    org: OrgId,
    (staff, turnover, balance_sheet): (&str, &str, &str),
    by: Option<UserId>,
) -> AppResult<()> {
    let draft = DeclarationDraft {
        period_end: "2023-12-31".into(),
        staff: staff.into(),
        turnover: turnover.into(),
        balance_sheet: balance_sheet.into(),
        currency: "EUR".into(),
        declared_by: "Geschäftsführung".into(),
        declarant_role: "Managing director".into(),
        declared_on: "2025-01-08".into(),
        confirmed: true,
        ..Default::default()
    };
    let declaration = draft.validate(chrono::Utc::now().date_naive())?;
    let assessment = tandem_rules::sme::assess(&declaration.input).map_err(|e| AppError::Internal(format!("demo SME test: {e}")))?;
    let at = noon(day(2025, 1, 8));
    let d = Declaration { id: uuid::Uuid::now_v7(), org_id: org, declaration, assessment, recorded_by: by, created_at: at };
    sme_declarations::insert(tx.conn(), &d).await?;
    audited(tx, by, super::kind::SME_DECLARATION, &d.id.to_string(), "declared", &d, at).await
}

/// The outcome's evidence file (a letter, a report, an agreement), audited like an upload.
async fn attach(tx: &mut Tx, outcome: &Outcome, manager: Option<UserId>) -> AppResult<()> {
    let name = format!("{}-{}.pdf", outcome.input.detail.kind().key().replace('_', "-"), outcome.input.date);
    let upload = Upload::checked(&name, "application/pdf", PDF);
    outcomes::add_evidence(tx.conn(), OutcomeEvidenceId::new(), outcome.id, &upload.stored(manager), outcome.created_at).await?;
    audited(tx, manager, super::kind::OUTCOME, &outcome.id.to_string(), "evidence_added", &upload.audited(), outcome.created_at).await
}
