//! The demo's funder evidence (issue 6, item 9): the Innovation Engine, Innovation Birmingham's
//! ERDF part-funded project, with a year of support to Birmingham SMEs (2018) recorded by its
//! staff and its delivery partner (most of it under their programmes), SME declarations,
//! evidence files and the audit trail — so that every count has entries and the near misses
//! show each kind of gap: hours short of the threshold, no SME declaration, hours without a
//! written output; and two pre-start clients for P11, one counted, one short of its hours.

use crate::{AppError, AppResult};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use tandem_core::evidence::project::{Project, ProjectDraft};
use tandem_core::evidence::sme::{Declaration, DeclarationDraft};
use tandem_core::evidence::support::{SupportDraft, SupportRecord};
use tandem_core::{OrgId, ProgrammeId, ProjectId, SupportEvidenceId, SupportRecordId, UserId};
use tandem_store::audit::{self, NewEntry};
use tandem_store::projects::{self, ProjectLists};
use crate::evidence_files::Upload;
use tandem_store::support_records;
use tandem_store::pre_starts::{self, PreStart};
use tandem_store::{Tx, cities, organisations, programmes, sme_declarations};

const LEAD: &str = "Innovation Birmingham";
const PARTNER: &str = "BCU Digital Media Technology Lab";
/// The enterprises named in the ecosystem come first; synthetic Birmingham SMEs fill up.
const NAMED: &[&str] = &["Daden Ltd", "Holosphere", "AtmosVR"];
const ENTERPRISES: usize = 14;
/// The last enterprises of the list are pre-start clients (ERDF P11): would-be businesses, not
/// yet trading, helped to be enterprise ready.
const PRE_STARTS: usize = 2;
/// A small, valid PDF: the evidence files of the demo.
pub(super) const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub(super) fn noon(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc()
}

pub(super) async fn audited<T: serde::Serialize>(
    tx: &mut Tx,
    actor: Option<UserId>,
    kind: &str,
    id: &str,
    action: &str,
    after: &T,
    at: DateTime<Utc>,
) -> AppResult<()> {
    let after = serde_json::to_value(after).map_err(|e| AppError::Internal(format!("demo audit: {e}")))?;
    let entry = NewEntry { actor, entity_kind: kind, entity_id: id, action, before: None, after: Some(&after) };
    audit::append(tx.conn(), &entry, at).await?;
    Ok(())
}

/// A support record's evidence: the demo's small PDF, stored and audited as an upload is.
pub(super) async fn attach_evidence(tx: &mut Tx, record: &SupportRecord, manager: Option<UserId>, at: DateTime<Utc>) -> AppResult<()> {
    let name = format!("{}-{}.pdf", record.input.activity.key().replace('_', "-"), record.input.delivered_on);
    let upload = Upload::checked(&name, "application/pdf", PDF);
    support_records::add_evidence(tx.conn(), SupportEvidenceId::new(), record.id, &upload.stored(manager), at).await?;
    audited(tx, manager, super::kind::SUPPORT_RECORD, &record.id.to_string(), "evidence_added", &upload.audited(), at).await
}

/// The Birmingham enterprises that receive support, named ones first.
pub(super) async fn enterprises(tx: &mut Tx) -> AppResult<Vec<(OrgId, String)>> {
    let birmingham = cities::list(tx.conn()).await?.into_iter().find(|c| c.name == "Birmingham").map(|c| c.id);
    let mut all: Vec<_> = organisations::list_all(tx.conn())
        .await?
        .into_iter()
        .filter(|o| Some(o.city_id) == birmingham && matches!(o.kind.key(), "sme" | "startup"))
        .map(|o| (o.id, o.name))
        .collect();
    all.sort_by_key(|(_, name)| (!NAMED.contains(&name.as_str()), name.clone()));
    all.truncate(ENTERPRISES);
    Ok(all)
}

/// (day, hours, activity, written output, amount, by the partner) per pattern of support.
type Visit = ((u32, u32), &'static str, &'static str, Option<&'static str>, &'static str, bool);

/// Six patterns, used in turn: counted at exactly 12 h; 9.5 h (a near miss); counted hours,
/// a grant and a loan but no SME declaration; a grant with 12 h of advice; 6 h of advice plus a workshop without
/// written output (a near miss); 16 h from both delivery organisations.
fn pattern(n: usize) -> (&'static [Visit], bool) {
    const AT_THRESHOLD: &[Visit] = &[
        ((2, 6), "4", "diagnostic", Some("Diagnostic report: digital product road map and funding options"), "", false),
        ((3, 13), "4", "one_to_one_advice", Some("Action plan for the first pilot with a hospital trust"), "", false),
        ((5, 8), "4", "one_to_one_advice", Some("Pricing and licensing memo for public-sector buyers"), "", false),
    ];
    const SHORT: &[Visit] = &[
        ((4, 10), "2.5", "diagnostic", Some("Diagnostic report: export readiness for Germany"), "", false),
        ((6, 19), "7", "one_to_one_advice", Some("Market-entry plan for Leipzig and Saxony"), "", false),
    ];
    // Without an SME declaration, its grant and loan do not count either (near misses of C2, C3).
    const UNDECLARED: &[Visit] = &[
        ((1, 23), "6", "one_to_one_advice", Some("Investor-readiness review of the pitch deck"), "", false),
        ((9, 4), "8", "mentoring", Some("Mentoring notes and agreed milestones for the seed round"), "", false),
        ((10, 2), "0", "grant", None, "3000", false),
        ((11, 6), "0", "loan", None, "15000", false),
    ];
    const GRANT: &[Visit] = &[
        ((3, 1), "0", "grant", None, "5000", false),
        ((3, 20), "6", "one_to_one_advice", Some("Project plan for the grant-funded prototype"), "", false),
        ((7, 17), "6", "one_to_one_advice", Some("Evaluation of the prototype with two pilot users"), "", false),
    ];
    // The second enterprise of the grant pattern also takes a loan (C3).
    const GRANT_AND_LOAN: &[Visit] = &[
        ((3, 1), "0", "grant", None, "5000", false),
        ((3, 20), "6", "one_to_one_advice", Some("Project plan for the grant-funded prototype"), "", false),
        ((7, 17), "6", "one_to_one_advice", Some("Evaluation of the prototype with two pilot users"), "", false),
        ((9, 3), "0", "loan", None, "25000", false),
    ];
    const NO_OUTPUT: &[Visit] = &[
        ((5, 15), "6", "one_to_one_advice", Some("Cyber-security assessment and remediation plan"), "", false),
        ((10, 9), "6", "workshop", None, "", false),
    ];
    const TWO_ORGANISATIONS: &[Visit] = &[
        ((2, 27), "8", "one_to_one_advice", Some("Immersive-media product concept and user-test plan"), "", true),
        ((8, 14), "8", "one_to_one_advice", Some("Go-to-market plan for the VR training product"), "", false),
    ];
    match n % 6 {
        0 => (AT_THRESHOLD, true),
        1 => (SHORT, true),
        2 => (UNDECLARED, false),
        3 if n < 6 => (GRANT, true),
        3 => (GRANT_AND_LOAN, true),
        4 => (NO_OUTPUT, true),
        _ => (TWO_ORGANISATIONS, true),
    }
}

/// The pre-start clients' support: one ready at 12 h (counted under P11), one at 7.5 h (a
/// near miss).
fn pre_start_pattern(n: usize) -> &'static [Visit] {
    const READY: &[Visit] = &[
        ((3, 6), "3", "workshop", Some("Workbook: testing the business idea with ten customer interviews"), "", false),
        ((4, 17), "4", "one_to_one_advice", Some("Start-up plan: legal form, first-year cash flow and pricing"), "", false),
        ((6, 12), "5", "mentoring", Some("Mentoring notes: route to the first paying customer"), "", false),
    ];
    const SHORT: &[Visit] = &[
        ((5, 2), "4", "one_to_one_advice", Some("Idea review and a plan for a prototype"), "", false),
        ((7, 24), "3.5", "workshop", Some("Workbook: business model canvas for the service"), "", false),
    ];
    if n.is_multiple_of(2) { READY } else { SHORT }
}

/// The programme a delivery organisation runs under `name`, if the demo has it.
pub(super) async fn programme(tx: &mut Tx, org: OrgId, name: &str) -> AppResult<Option<ProgrammeId>> {
    Ok(programmes::by_org(tx.conn(), org).await?.into_iter().find(|p| p.name == name).map(|p| p.id))
}

/// The gross grant equivalent of the demo's loans — the aid a loan at a below-market rate
/// carries (a demo figure, 2,000 in the project's currency); nothing for other support.
pub(super) fn loan_aid_value(activity: &str) -> &'static str {
    if activity == "loan" { "2000" } else { "" }
}

/// Seeds the project and its evidence into the demo's transaction.
pub(crate) async fn seed(tx: &mut Tx, org_ids: &HashMap<String, OrgId>, users: &HashMap<String, UserId>) -> AppResult<()> {
    let (Some(&lead), Some(&partner)) = (org_ids.get(LEAD), org_ids.get(PARTNER)) else {
        return Err(AppError::Internal(format!("the demo has no '{LEAD}' or '{PARTNER}'")));
    };
    let manager = users.get("jordan.manager@demo.tandem.example").copied();
    let birmingham = cities::list(tx.conn()).await?.into_iter().find(|c| c.name == "Birmingham").map(|c| c.id);
    let draft = ProjectDraft {
        name: "Innovation Engine".into(),
        lead_org_id: lead.to_string(),
        funder: "erdf_england_2014_20".into(),
        scheme: Some("European Regional Development Fund 2014–20 (England)".into()),
        rulebook: "esif_gn_1_002".into(),
        rulebook_version: "v3".into(),
        agreement_signed_on: "2017-01-16".into(),
        starts_on: "2017-02-01".into(),
        ends_on: "2019-12-31".into(),
        currency: "GBP".into(),
        hours_threshold: "12".into(),
        day_rate: "600".into(),
        hours_per_day: "7.5".into(),
    };
    let input = draft.validate(super::projects::rulebook_known)?;
    let lists = ProjectLists {
        partners: vec![partner],
        cities: birmingham.into_iter().collect(),
        excluded_nace: vec!["01".into(), "03".into(), "64.1".into()],
        targets: [("C1", 40), ("C2", 5), ("C4", 40), ("C26", 8), ("C28", 4), ("C29", 10), ("P11", 6), ("P13", 25)]
            .into_iter()
            .map(|(c, t)| (c.to_owned(), t))
            .collect(),
    };
    let id = ProjectId::new();
    let created = noon(day(2017, 1, 20));
    projects::insert(tx.conn(), id, &input, &lists, created).await?;
    let project: Project = projects::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    audited(tx, manager, super::kind::PROJECT, &id.to_string(), "created", &project, created).await?;

    let today = Utc::now().date_naive();
    // Advice under the lead's accelerator and the partner's mentoring scheme; workshops and
    // money outside any programme.
    let lead_programme = programme(tx, lead, "Innovation Engine").await?;
    let partner_programme = programme(tx, partner, "DMT Lab Industry Mentoring").await?;
    for (n, (enterprise, _)) in enterprises(tx).await?.into_iter().enumerate() {
        let pre_start = n >= ENTERPRISES - PRE_STARTS;
        let (visits, declared) = if pre_start { (pre_start_pattern(n), false) } else { pattern(n) };
        if declared {
            declare(tx, enterprise, n, manager).await?;
        }
        if pre_start {
            let at = noon(day(2018, 2, 1));
            let mark = PreStart { project_id: id, org_id: enterprise, marked_by: manager, marked_at: at };
            pre_starts::mark(tx.conn(), &mark).await?;
            let audited_mark = serde_json::json!({ "project_id": id, "org_id": enterprise });
            audited(tx, manager, super::kind::PRE_START, &enterprise.to_string(), "pre_start_marked", &audited_mark, at).await?;
        }
        for (k, ((month, dom), hours, activity, output, amount, by_partner)) in visits.iter().enumerate() {
            let delivered = day(2018, *month, (*dom + n as u32 % 5).min(28));
            let support_org = if *by_partner { partner } else { lead };
            let draft = SupportDraft {
                enterprise_id: enterprise.to_string(),
                support_org_id: support_org.to_string(),
                adviser_name: if *by_partner { "Dr Sam Okafor".into() } else { "Jordan Demo-Manager".into() },
                delivered_on: delivered.to_string(),
                hours: (*hours).into(),
                activity: (*activity).into(),
                written_output: output.map(str::to_owned),
                amount: (*amount).into(),
                aid_value: loan_aid_value(activity).into(),
                programme_id: match *activity {
                    "workshop" | "grant" | "loan" => None,
                    _ if *by_partner => partner_programme,
                    _ => lead_programme,
                }
                .map(|p| p.to_string())
                .unwrap_or_default(),
                ..SupportDraft::default()
            };
            let input = draft.validate(&project, today)?;
            let at = noon(delivered) + chrono::Duration::hours(k as i64 + 1);
            let record = SupportRecord {
                id: SupportRecordId::new(),
                project_id: id,
                aid_value: input.aid_value(&project),
                currency: "GBP".into(),
                input,
                adviser_user_id: manager.filter(|_| !by_partner),
                created_by: manager,
                version: 1,
                created_at: at,
                updated_at: at,
                withdrawn_at: None,
                withdrawn_reason: None,
            };
            support_records::insert(tx.conn(), &record).await?;
            audited(tx, manager, super::kind::SUPPORT_RECORD, &record.id.to_string(), "created", &record, at).await?;
            attach_evidence(tx, &record, manager, at).await?;
        }
    }
    super::demo_leipzig::seed(tx, org_ids, users).await?;
    super::demo_interreg::seed(tx, users).await?;
    super::demo_outcomes::seed(tx, &project, users).await?;
    Ok(())
}

/// A small company's declaration signed at the start of 2018 (figures vary by `n`).
async fn declare(tx: &mut Tx, org: OrgId, n: usize, manager: Option<UserId>) -> AppResult<()> {
    let draft = DeclarationDraft {
        period_end: "2017-03-31".into(),
        staff: format!("{}", 4 + 3 * n),
        turnover: format!("{}", 350_000 + 90_000 * n),
        balance_sheet: format!("{}", 180_000 + 40_000 * n),
        currency: "GBP".into(),
        euro_rate: "1.1410".into(),
        declared_by: "Managing director".into(),
        declarant_role: "Director".into(),
        declared_on: "2018-01-15".into(),
        confirmed: true,
        ..Default::default()
    };
    let declaration = draft.validate(Utc::now().date_naive())?;
    let assessment = tandem_rules::sme::assess(&declaration.input).map_err(|e| AppError::Internal(format!("demo SME test: {e}")))?;
    let at = noon(day(2018, 1, 15));
    let d = Declaration { id: uuid::Uuid::now_v7(), org_id: org, declaration, assessment, recorded_by: manager, created_at: at };
    sme_declarations::insert(tx.conn(), &d).await?;
    audited(tx, manager, super::kind::SME_DECLARATION, &d.id.to_string(), "declared", &d, at).await?;
    Ok(())
}
