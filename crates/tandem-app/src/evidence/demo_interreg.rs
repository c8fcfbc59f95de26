//! The demo's Interreg project (issue 6, items 5 and 9): Stadt Leipzig's cross-border exchange
//! with Birmingham under Interreg Europe 2021–27, whose one indicator is RCO87, organisations
//! cooperating across borders. It supports the demo's partnering firms on both sides in their
//! partner search (2026), so the agreements they reach count:
//!
//! - Digbeth Air Sensing Ltd (Birmingham) and Nordlicht Sensorik GmbH (Leipzig) signed a
//!   technology-licensing agreement that both confirmed: both count under RCO87.
//! - Acocks Green Cargo Cycles Ltd (Birmingham) recorded a franchise agreement with Leutzsch
//!   Kurierdienst GmbH (Leipzig) that the partner has not confirmed yet: a near miss for both.
//!
//! The enterprises are the demo's fictional partnering firms, never the real organisations.

use super::demo::{attach_evidence, audited, day, noon, programme};
use super::demo_leipzig::org;
use crate::{AppError, AppResult};
use chrono::Utc;
use std::collections::HashMap;
use tandem_core::evidence::project::{Project, ProjectDraft};
use tandem_core::evidence::support::{SupportDraft, SupportRecord};
use tandem_core::{ProjectId, SupportRecordId, UserId};
use tandem_store::projects::{self, ProjectLists};
use tandem_store::{Tx, cities, support_records};

/// The project's name.
pub const PROJECT: &str = "Twin-City Innovation Bridge";
const LEAD: &str = "Stadt Leipzig";
const PARTNERS: &[&str] = &["Serendip Smart City Incubator", "Invest Region Leipzig GmbH"];

/// (enterprise, giver, (month, day), hours, activity, written output).
type Visit = (&'static str, &'static str, (u32, u32), &'static str, &'static str, Option<&'static str>);

const VISITS: &[Visit] = &[
    (
        "Nordlicht Sensorik GmbH",
        LEAD,
        (3, 11),
        "3",
        "one_to_one_advice",
        Some("Partner-search brief for air-quality calibration in Birmingham"),
    ),
    ("Nordlicht Sensorik GmbH", LEAD, (6, 18), "6", "event_participation", Some("Meeting notes from the Birmingham partner visit")),
    (
        "Digbeth Air Sensing Ltd",
        "Serendip Smart City Incubator",
        (4, 2),
        "4",
        "one_to_one_advice",
        Some("Licensing term sheet for German sensor makers"),
    ),
    (
        "Digbeth Air Sensing Ltd",
        "Serendip Smart City Incubator",
        (6, 18),
        "6",
        "event_participation",
        Some("Meeting notes from the Leipzig partner visit"),
    ),
    (
        "Acocks Green Cargo Cycles Ltd",
        "Serendip Smart City Incubator",
        (5, 7),
        "4",
        "one_to_one_advice",
        Some("Franchise pack review for German partners"),
    ),
    (
        "Leutzsch Kurierdienst GmbH",
        "Invest Region Leipzig GmbH",
        (9, 15),
        "3",
        "one_to_one_advice",
        Some("Soft-landing notes: permits for cargo-bike micro-hubs in Leipzig"),
    ),
];

/// Seeds the project and its support into the demo's transaction.
pub(super) async fn seed(tx: &mut Tx, users: &HashMap<String, UserId>) -> AppResult<()> {
    let manager = users.get("anna.austausch@demo.tandem.example").copied();
    let lead = org(tx, LEAD).await?;
    let mut partners = Vec::with_capacity(PARTNERS.len());
    for name in PARTNERS {
        partners.push(org(tx, name).await?);
    }
    let all_cities = cities::list(tx.conn()).await?;
    let area: Vec<_> = all_cities.iter().filter(|c| c.name == "Birmingham" || c.name == "Leipzig").map(|c| c.id).collect();
    let draft = ProjectDraft {
        name: PROJECT.into(),
        lead_org_id: lead.to_string(),
        funder: "interreg_2021_27".into(),
        scheme: Some("Interreg Europe 2021–2027".into()),
        rulebook: "interreg_2021_1059".into(),
        rulebook_version: "2021".into(),
        agreement_signed_on: "2024-11-15".into(),
        starts_on: "2025-01-01".into(),
        ends_on: "2027-12-31".into(),
        currency: "EUR".into(),
        hours_threshold: "12".into(),
        day_rate: String::new(),
        hours_per_day: "8".into(),
    };
    let input = draft.validate(super::projects::rulebook_known)?;
    let lists = ProjectLists { partners, cities: area, excluded_nace: Vec::new(), targets: vec![("RCO87".to_owned(), 8)] };
    let id = ProjectId::new();
    let created = noon(day(2024, 12, 2));
    projects::insert(tx.conn(), id, &input, &lists, created).await?;
    let project: Project = projects::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    audited(tx, manager, super::kind::PROJECT, &id.to_string(), "created", &project, created).await?;

    let today = Utc::now().date_naive();
    for (k, (name, giver, (month, dom), hours, activity, output)) in VISITS.iter().enumerate() {
        let enterprise = org(tx, name).await?;
        let giver_id = org(tx, giver).await?;
        let exchange = match *giver {
            LEAD => programme(tx, giver_id, "Birmingham–Leipzig SME Exchange").await?,
            "Serendip Smart City Incubator" => programme(tx, giver_id, "Serendip Smart City Incubation").await?,
            _ => programme(tx, giver_id, "Invest Region Leipzig Soft Landing").await?,
        };
        let delivered = day(2026, *month, *dom);
        let draft = SupportDraft {
            enterprise_id: enterprise.to_string(),
            support_org_id: giver_id.to_string(),
            adviser_name: if *giver == LEAD { "Anna Demo-Austausch".into() } else { format!("{giver} adviser") },
            delivered_on: delivered.to_string(),
            hours: (*hours).into(),
            activity: (*activity).into(),
            written_output: output.map(str::to_owned),
            programme_id: exchange.map(|p| p.to_string()).unwrap_or_default(),
            ..SupportDraft::default()
        };
        let input = draft.validate(&project, today)?;
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
    Ok(())
}
