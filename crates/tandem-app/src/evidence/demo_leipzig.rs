//! The demo's Leipzig programme under de minimis (issue 6, items 4 and 9): SpinLab's ERDF
//! 2021–27 project, in euro, with a year of support (2025) to Leipzig enterprises — advice valued
//! at its market value and grants — so that every subsidy ledger shows something:
//!
//! - Pleiße Wasserstoff GmbH declared €150,000 of de minimis aid from the Sächsische Aufbaubank
//!   (2024) and received a €120,000 grant: it stands near the €300,000 ceiling of Reg. (EU)
//!   2023/2831 (over 90 %).
//! - Möckern Diagnostik GmbH declared a grant of November 2023 (Reg. (EU) No 1407/2013), which
//!   still counts in the rolling three years of its 2025 support.
//! - Kingfisher Middleware Ltd in Birmingham, under the UK Minimal Financial Assistance ledger,
//!   declared an MFA grant from Birmingham City Council, controls Canalside Cyber Ltd (which
//!   declared its own MFA grant), and received market-entry advice from SpinLab counted in pounds
//!   at the rate recorded with it — so its MFA notification letter can be printed.
//!
//! The enterprises are the demo's fictional partnering firms, never the real organisations.

use super::demo::{attach_evidence, audited, day, noon};
use crate::{AppError, AppResult};
use chrono::{NaiveDate, Utc};
use std::collections::HashMap;
use tandem_core::evidence::aid::{AidDeclaration, AidDeclarationDraft, EnterpriseLink, LinkInput, subsidy::ControlRelation};
use tandem_core::evidence::project::{Project, ProjectDraft};
use tandem_core::evidence::support::{SupportDraft, SupportRecord};
use tandem_core::{OrgId, ProjectId, SupportRecordId, UserId};
use tandem_store::projects::{self, ProjectLists};
use tandem_store::support_records;
use tandem_store::{Tx, cities, organisations, subsidy};

/// The project's name.
pub const PROJECT: &str = "SpinLab Scale-up Leipzig";
const LEAD: &str = "SpinLab – The HHL Accelerator";
const PARTNER: &str = "BioCity Leipzig";
/// The Leipzig enterprise near the de minimis ceiling.
pub const NEAR_CEILING: &str = "Pleiße Wasserstoff GmbH";
/// The Birmingham enterprise with a declared MFA grant and a control link.
pub const BIRMINGHAM_GROUP: &str = "Kingfisher Middleware Ltd";
const CONTROLLED: &str = "Canalside Cyber Ltd";
/// Pounds per euro on the day of Kingfisher's advice (a demo figure).
const EUR_GBP: &str = "0.8455";

/// (enterprise, (month, day), hours, activity, written output, grant or loan in euro).
type Visit = (&'static str, (u32, u32), &'static str, &'static str, Option<&'static str>, &'static str);

const VISITS: &[Visit] = &[
    (NEAR_CEILING, (1, 14), "4", "diagnostic", Some("Diagnostic report: taking the electrolyser test bench to series production"), ""),
    (NEAR_CEILING, (2, 18), "6", "one_to_one_advice", Some("Financing plan for the series-production line"), ""),
    (NEAR_CEILING, (4, 10), "0", "grant", None, "120000"),
    (NEAR_CEILING, (6, 24), "4", "mentoring", Some("Mentoring notes: hiring plan for production staff"), ""),
    ("Nordlicht Sensorik GmbH", (3, 5), "3", "diagnostic", Some("Diagnostic report: sensor platform and first markets"), ""),
    ("Nordlicht Sensorik GmbH", (5, 20), "0", "grant", None, "25000"),
    ("Nordlicht Sensorik GmbH", (9, 9), "5", "one_to_one_advice", Some("Pricing model for industrial customers"), ""),
    ("Nordlicht Sensorik GmbH", (11, 12), "3", "workshop", None, ""),
    ("Lindenau BioProzess GmbH", (2, 11), "6", "one_to_one_advice", Some("Scale-up plan for the fermentation process"), ""),
    ("Lindenau BioProzess GmbH", (7, 1), "4", "one_to_one_advice", Some("Regulatory road map for food-grade enzymes"), ""),
    ("Lindenau BioProzess GmbH", (8, 19), "0", "loan", None, "80000"),
    ("Lindenau BioProzess GmbH", (10, 14), "3", "workshop", None, ""),
    ("Möckern Diagnostik GmbH", (1, 28), "3.5", "diagnostic", Some("Diagnostic report: reimbursement routes for the test kit"), ""),
    ("Möckern Diagnostik GmbH", (3, 25), "8", "mentoring", Some("Mentoring notes: clinical partner search"), ""),
    // Möckern stays undeclared: its grant and loan are the near misses of RCO02 and RCO03.
    ("Möckern Diagnostik GmbH", (5, 6), "0", "grant", None, "15000"),
    ("Möckern Diagnostik GmbH", (9, 22), "0", "loan", None, "40000"),
    (BIRMINGHAM_GROUP, (6, 3), "6", "one_to_one_advice", Some("Market-entry plan for Saxony: partners, legal form and funding"), ""),
];

/// (enterprise, grantor, description, granted on, amount, currency, declared on).
type Declared = (&'static str, &'static str, &'static str, NaiveDate, &'static str, &'static str, NaiveDate);

fn declarations() -> [Declared; 4] {
    [
        (
            NEAR_CEILING,
            "Sächsische Aufbaubank – Förderbank",
            "De minimis grant for the electrolyser test bench",
            day(2024, 3, 15),
            "150000",
            "EUR",
            day(2025, 1, 10),
        ),
        (
            "Möckern Diagnostik GmbH",
            "Stadt Leipzig, Amt für Wirtschaftsförderung",
            "De minimis start-up grant (Reg. (EU) No 1407/2013)",
            day(2023, 11, 30),
            "7500",
            "EUR",
            day(2025, 1, 20),
        ),
        (
            BIRMINGHAM_GROUP,
            "Birmingham City Council",
            "Business growth grant, UK Shared Prosperity Fund (minimal financial assistance)",
            day(2025, 2, 3),
            "42000",
            "GBP",
            day(2025, 5, 20),
        ),
        (
            CONTROLLED,
            "West Midlands Combined Authority",
            "Cyber-security adoption grant (minimal financial assistance)",
            day(2024, 10, 15),
            "18500",
            "GBP",
            day(2025, 5, 20),
        ),
    ]
}

pub(super) async fn org(tx: &mut Tx, name: &str) -> AppResult<OrgId> {
    organisations::id_by_name(tx.conn(), name).await?.ok_or_else(|| AppError::Internal(format!("the demo has no '{name}'")))
}

/// Seeds the project, its support, the declarations and the control link into the demo's
/// transaction.
pub(crate) async fn seed(tx: &mut Tx, org_ids: &HashMap<String, OrgId>, users: &HashMap<String, UserId>) -> AppResult<()> {
    let (Some(&lead), Some(&partner)) = (org_ids.get(LEAD), org_ids.get(PARTNER)) else {
        return Err(AppError::Internal(format!("the demo has no '{LEAD}' or '{PARTNER}'")));
    };
    let manager = users.get("lena.managerin@demo.tandem.example").copied();
    let today = Utc::now().date_naive();
    let leipzig = cities::list(tx.conn()).await?.into_iter().find(|c| c.name == "Leipzig").map(|c| c.id);
    let draft = ProjectDraft {
        name: PROJECT.into(),
        lead_org_id: lead.to_string(),
        funder: "erdf_2021_27".into(),
        scheme: Some("EFRE Sachsen 2021–2027, Priorität 1: Innovation".into()),
        rulebook: "eu_2021_1058".into(),
        rulebook_version: "2021".into(),
        agreement_signed_on: "2023-11-20".into(),
        starts_on: "2024-01-01".into(),
        ends_on: "2027-12-31".into(),
        currency: "EUR".into(),
        hours_threshold: "12".into(),
        day_rate: "800".into(),
        hours_per_day: "8".into(),
    };
    let input = draft.validate(super::projects::rulebook_known)?;
    let lists = ProjectLists {
        partners: vec![partner],
        cities: leipzig.into_iter().collect(),
        excluded_nace: vec!["01".into(), "03".into(), "64.1".into()],
        targets: [("RCO01", 12), ("RCO02", 4), ("RCO04", 10), ("RCO05", 3)].into_iter().map(|(c, t)| (c.to_owned(), t)).collect(),
    };
    let id = ProjectId::new();
    let created = noon(day(2023, 12, 4));
    projects::insert(tx.conn(), id, &input, &lists, created).await?;
    let project: Project = projects::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    audited(tx, manager, super::kind::PROJECT, &id.to_string(), "created", &project, created).await?;

    let accelerator = super::demo::programme(tx, lead, "SpinLab Accelerator Programme").await?;
    for (k, (name, (month, dom), hours, activity, output, grant)) in VISITS.iter().enumerate() {
        let enterprise = org(tx, name).await?;
        let delivered = day(2025, *month, *dom);
        let birmingham = *name == BIRMINGHAM_GROUP;
        let draft = SupportDraft {
            enterprise_id: enterprise.to_string(),
            support_org_id: lead.to_string(),
            adviser_name: "Lena Demo-Managerin".into(),
            delivered_on: delivered.to_string(),
            hours: (*hours).into(),
            activity: (*activity).into(),
            written_output: output.map(str::to_owned),
            amount: (*grant).into(),
            aid_value: super::demo::loan_aid_value(activity).into(),
            aid_rate: if birmingham { EUR_GBP.into() } else { String::new() },
            programme_id: match *activity {
                "diagnostic" | "one_to_one_advice" | "mentoring" => accelerator.map(|p| p.to_string()).unwrap_or_default(),
                _ => String::new(),
            },
            ..SupportDraft::default()
        };
        let mut input = draft.validate(&project, today)?;
        input.check_aid_rate(&project, Some(if birmingham { "GBP" } else { "EUR" }))?;
        let at = noon(delivered) + chrono::Duration::minutes(k as i64);
        let record = SupportRecord {
            id: SupportRecordId::new(),
            project_id: id,
            aid_value: input.aid_value(&project),
            currency: "EUR".into(),
            input,
            adviser_user_id: manager,
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

    for (name, grantor, description, granted_on, amount, currency, declared_on) in declarations() {
        let enterprise = org(tx, name).await?;
        let draft = AidDeclarationDraft {
            grantor: grantor.into(),
            description: Some(description.into()),
            granted_on: granted_on.to_string(),
            amount: amount.into(),
            currency: currency.into(),
            declared_on: declared_on.to_string(),
            ..AidDeclarationDraft::default()
        };
        let mut input = draft.validate(today)?;
        input.check_rate(Some(currency))?;
        let at = noon(declared_on);
        let d = AidDeclaration {
            id: uuid::Uuid::now_v7(),
            enterprise_id: enterprise,
            input,
            created_by: manager,
            created_at: at,
            updated_at: at,
            version: 1,
            withdrawn_at: None,
            withdrawn_reason: None,
        };
        subsidy::insert_declaration(tx.conn(), &d).await?;
        audited(tx, manager, super::kind::AID_DECLARATION, &d.id.to_string(), "created", &d, at).await?;
    }

    let at = noon(day(2025, 5, 20));
    let link = EnterpriseLink {
        id: uuid::Uuid::now_v7(),
        input: LinkInput {
            controller_id: org(tx, BIRMINGHAM_GROUP).await?,
            controlled_id: org(tx, CONTROLLED).await?,
            relation: ControlRelation::MajorityOfVotingRights,
        },
        created_by: manager,
        created_at: at,
        removed_at: None,
    };
    subsidy::insert_link(tx.conn(), &link).await?;
    audited(tx, manager, super::kind::CONTROL_LINK, &link.id.to_string(), "created", &link, at).await?;
    Ok(())
}
