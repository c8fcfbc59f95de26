//! Gathers one project's facts for the indicator rulebooks, in a fixed number of queries: its
//! support records and their evidence, its enterprises (SME declaration, area, sector, business
//! start, whether a pre-start client), their outcomes with evidence, and the cross-border cooperation links of its
//! organisations (which organisations count for a project: see `tandem_store::indicator_facts`).
//!
//! Everything up to the period's end is gathered, from the project's start: an enterprise counts
//! once over the project, so the rulebooks need the history. Withdrawn records and outcomes are
//! left out.

use super::indicators::CooperationEvidence;
use crate::{AppError, AppResult};
use chrono::{Days, NaiveDate};
use std::collections::{HashMap, HashSet};
use tandem_core::evidence::outcome::{Outcome, OutcomeDetail, held_on};
use tandem_core::evidence::project::Project;
use tandem_core::evidence::support::SupportRecord;
use tandem_core::{OrgId, OutcomeId, ProgrammeId};
use tandem_rules::indicators::{
    self, BusinessStart, CooperationLink, EmploymentBaseline, EmploymentFigure, Enterprise, InnovationClaim, LinkKind, LinkedOrganisation,
    PrivateInvestment, ProjectFacts, ProjectSettings, ResearchCooperation, SmeDeclaration,
};
use tandem_store::indicator_facts::{self as store, FactOrg, LinkEnd};
use tandem_store::outcomes::{self, OutcomeEvidence};
use tandem_store::support_records::{self, Evidence};
use tandem_store::{Conn, pre_starts, sme_declarations};

/// A project's facts, with what a claim shows of them.
pub(super) struct Gathered {
    /// What the rulebooks count.
    pub facts: ProjectFacts,
    /// Organisation names by id.
    pub names: HashMap<String, String>,
    /// Support records with their evidence, by id.
    pub records: HashMap<String, (SupportRecord, Vec<Evidence>)>,
    /// Outcomes with their evidence, by id.
    pub outcomes: HashMap<String, (Outcome, Vec<OutcomeEvidence>)>,
    /// Cooperation links, by id.
    pub links: HashMap<String, CooperationEvidence>,
    /// Business-start outcome ids by enterprise id.
    pub starts: HashMap<String, String>,
    /// The project's organisations.
    pub orgs: HashMap<OrgId, FactOrg>,
    /// The names of the programmes its support was delivered under.
    pub programmes: HashMap<ProgrammeId, String>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn hundredths(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Enterprises in the order they first appear in the project's facts.
#[derive(Default)]
struct Seen {
    order: Vec<OrgId>,
    set: HashSet<OrgId>,
}

impl Seen {
    fn add(&mut self, id: OrgId) {
        if self.set.insert(id) {
            self.order.push(id);
        }
    }
}

/// Everything the project's indicators count, up to `to`.
pub(super) async fn gather(mut conn: Conn<'_>, project: &Project, settings: &ProjectSettings, to: NaiveDate) -> AppResult<Gathered> {
    let (id, from) = (project.id, project.input.starts_on);
    let support = support_records::for_project(conn.reborrow(), id, from, to).await?;
    let mut support_files = store::support_evidence(conn.reborrow(), id).await?;
    let outcome_rows = outcomes::for_project(conn.reborrow(), id, to).await?;
    let mut outcome_files: HashMap<OutcomeId, Vec<OutcomeEvidence>> = HashMap::new();
    for file in outcomes::evidence_for_project(conn.reborrow(), id).await? {
        outcome_files.entry(file.outcome_id).or_default().push(file);
    }
    let orgs = store::organisations(conn.reborrow(), id, to).await?;
    let declarations = sme_declarations::for_project(conn.reborrow(), id, to).await?;
    let pre_starts: HashSet<OrgId> = pre_starts::for_project(conn.reborrow(), id).await?.into_iter().map(|p| p.org_id).collect();

    let mut g = Gathered {
        facts: ProjectFacts::default(),
        names: orgs.values().map(|o| (o.id.to_string(), o.name.clone())).collect(),
        records: HashMap::new(),
        outcomes: HashMap::new(),
        links: HashMap::new(),
        starts: HashMap::new(),
        orgs: HashMap::new(),
        programmes: store::programme_names(conn.reborrow(), id).await?,
    };
    let mut seen = Seen::default();
    for r in support.into_iter().filter(|r| r.withdrawn_at.is_none()) {
        seen.add(r.input.enterprise_id);
        let files = support_files.remove(&r.id).unwrap_or_default();
        g.facts.support.push(indicators::SupportRecord {
            id: r.id.to_string(),
            enterprise_id: r.input.enterprise_id.to_string(),
            support_organisation_id: r.input.support_org_id.to_string(),
            date: r.input.delivered_on,
            hours_hundredths: hundredths(r.input.hours),
            activity: r.input.activity,
            has_specific_written_output: r.input.written_output.is_some(),
            evidence_file_count: count(files.len()),
            grant_amount_minor: r.input.grant_amount.unwrap_or(0),
            loan_amount_minor: r.input.loan_amount.unwrap_or(0),
        });
        g.records.insert(r.id.to_string(), (r, files));
    }
    for o in outcome_rows.into_iter().filter(Outcome::is_active) {
        seen.add(o.enterprise_id);
        let files = outcome_files.remove(&o.id).unwrap_or_default();
        add_outcome(&mut g.facts, &o, count(files.len()));
        if matches!(o.input.detail, OutcomeDetail::BusinessStart { .. }) {
            g.starts.insert(o.enterprise_id.to_string(), o.id.to_string());
        }
        g.outcomes.insert(o.id.to_string(), (o, files));
    }
    for enterprise in seen.order {
        let org =
            orgs.get(&enterprise).ok_or_else(|| AppError::Internal(format!("organisation {enterprise} of project {id} is missing")))?;
        let declaration = declarations
            .iter()
            .filter(|d| d.org_id == enterprise && d.declaration.declared_on <= to)
            .max_by_key(|d| (d.declaration.input.accounts.period_end, d.created_at));
        let start = g.starts.get(&enterprise.to_string()).and_then(|o| g.outcomes.get(o)).and_then(|(o, _)| match o.input.detail {
            OutcomeDetail::BusinessStart { evidence } => Some(BusinessStart { date: o.input.date, evidence }),
            _ => None,
        });
        g.facts.enterprises.push(Enterprise {
            id: enterprise.to_string(),
            start,
            sme_declaration: declaration.map(|d| SmeDeclaration { size: d.category(), declared_on: d.declaration.declared_on }),
            in_eligible_area: project.cities.contains(&org.city_id),
            nace: org.nace_codes.first().cloned(),
            excluded_sector: org.nace_codes.iter().any(|c| settings.excludes_nace(c)),
            potential_entrepreneur: pre_starts.contains(&enterprise),
        });
    }
    links(conn, project, to, &mut g).await?;
    g.orgs = orgs;
    Ok(g)
}

/// The outcome as the fact its kind is.
fn add_outcome(facts: &mut ProjectFacts, o: &Outcome, evidence_file_count: u32) {
    let (id, enterprise_id, date) = (o.id.to_string(), o.enterprise_id.to_string(), o.input.date);
    match o.input.detail {
        // Read as a fact of the enterprise (`Enterprise::start`).
        OutcomeDetail::BusinessStart { .. } => {}
        OutcomeDetail::EmploymentBaseline { fte_hundredths } => {
            facts.baselines.push(EmploymentBaseline { id, enterprise_id, set_on: date, fte_hundredths: hundredths(fte_hundredths) })
        }
        OutcomeDetail::EmploymentFigure { fte_hundredths, confirmed_in_writing } => facts.employment.push(EmploymentFigure {
            id,
            enterprise_id,
            as_of: date,
            fte_hundredths: hundredths(fte_hundredths),
            confirmed_in_writing,
        }),
        OutcomeDetail::Innovation { novelty, innovation_kind } => facts.innovations.push(InnovationClaim {
            id,
            enterprise_id,
            novelty,
            kind: innovation_kind,
            introduced_on: date,
            evidence_file_count,
        }),
        OutcomeDetail::ResearchCooperation { research_entity_id } => facts.research_cooperation.push(ResearchCooperation {
            id,
            enterprise_id,
            research_entity_id: research_entity_id.to_string(),
            date,
            evidence_file_count,
        }),
        OutcomeDetail::PrivateInvestment { amount_minor, matches } => {
            facts.private_investment.push(PrivateInvestment { id, enterprise_id, date, amount_minor, matches, evidence_file_count })
        }
    }
}

/// The cross-border cooperation links of the project's organisations from its start to `to`:
/// confirmed partnership agreements (on the day signed) and held B2B meetings (on their event's
/// local day). Links with an organisation whose country is unknown cannot be judged and are left
/// out.
async fn links(mut conn: Conn<'_>, project: &Project, to: NaiveDate, g: &mut Gathered) -> AppResult<()> {
    let (id, from) = (project.id, project.input.starts_on);
    let agreements = store::agreement_links(conn.reborrow(), id, from, to).await?;
    let mut agreement_files = store::agreement_evidence(conn.reborrow(), from, to).await?;
    // A day's margin on either side: the meeting's day is its event's local day, not UTC's.
    let midnight = |d: NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc();
    let (earliest, until) = (from.checked_sub_days(Days::new(1)).unwrap_or(from), to.checked_add_days(Days::new(2)).unwrap_or(to));
    let meetings = store::meeting_links(conn, id, to, midnight(earliest), midnight(until)).await?;

    let mut add = |source: String, link: CooperationEvidence| {
        if link.a.country.trim().is_empty() || link.b.country.trim().is_empty() {
            return;
        }
        let end = |e: &LinkEnd| LinkedOrganisation { id: e.id.to_string(), country: e.country.clone() };
        g.facts.cooperation_links.push(CooperationLink {
            id: source.clone(),
            source_id: source.clone(),
            kind: link.kind,
            date: link.date,
            a: end(&link.a),
            b: end(&link.b),
        });
        for e in [&link.a, &link.b] {
            g.names.entry(e.id.to_string()).or_insert_with(|| e.name.clone());
        }
        g.links.insert(source, link);
    };
    for a in agreements {
        let evidence = agreement_files.remove(&a.id).unwrap_or_default();
        let link = CooperationEvidence {
            kind: if a.confirmed { LinkKind::PartnershipAgreement } else { LinkKind::UnconfirmedAgreement },
            date: a.signed_on,
            a: a.a,
            b: a.b,
            detail: a.agreement_type,
            evidence,
        };
        add(a.id.to_string(), link);
    }
    for m in meetings {
        let on = held_on(m.starts_at, &m.time_zone);
        if on < from || on > to {
            continue;
        }
        let link = CooperationEvidence { kind: LinkKind::HeldB2bMeeting, date: on, a: m.a, b: m.b, detail: m.event, evidence: Vec::new() };
        add(m.id.to_string(), link);
    }
    Ok(())
}
