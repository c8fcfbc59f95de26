//! The facts a funded project's indicators are counted from, read in bulk (issue 6, item 5): the
//! organisations a project works with (names, places, countries, NACE codes), its support
//! records' evidence files, and the cross-border cooperation links (partnership agreements,
//! confirmed or awaiting confirmation; held B2B meetings) its organisations take part in. A fixed number of queries per
//! report, however many enterprises the project supports.
//!
//! **The project's organisations** ([`PROJECT_ORGS`]) are its delivery organisations (the lead
//! and the partners) and the enterprises it supported or recorded outcomes for up to the end of
//! the period (withdrawn records and outcomes left out). A cooperation link belongs to the project
//! when at least one of its two ends is such an organisation; both ends then cooperate across the
//! border (RCO87 counts organisations, the partner abroad included).

use crate::support_records::Evidence;
use crate::{Conn, StoreResult, on_db};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;
use tandem_core::directory::OrgKind;
use tandem_core::{AgreementId, CityId, MeetingId, OrgId, ProgrammeId, ProjectId, SupportRecordId};
use uuid::Uuid;

/// The ids of a project's organisations (`$1` the project, `$2` the last day of the period), as a
/// subquery: delivery organisations and the enterprises it supported or recorded outcomes for.
pub const PROJECT_ORGS: &str = "SELECT lead_org_id AS org_id FROM funded_projects WHERE id = $1 \
     UNION SELECT org_id FROM project_partners WHERE project_id = $1 \
     UNION SELECT enterprise_id FROM support_records WHERE project_id = $1 AND withdrawn_at IS NULL AND delivered_on <= $2 \
     UNION SELECT enterprise_id FROM enterprise_outcomes WHERE project_id = $1 AND withdrawn_at IS NULL AND occurred_on <= $2";

/// An organisation as the indicators and the claim need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactOrg {
    /// Id.
    pub id: OrgId,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: OrgKind,
    /// City.
    pub city_id: CityId,
    /// ISO 3166-1 alpha-2 country of its city.
    pub country: String,
    /// NACE codes, in the organisation's order.
    pub nace_codes: Vec<String>,
}

/// The project's organisations up to `to`, and the research entities its outcomes name, by id.
pub async fn organisations(mut conn: Conn<'_>, project: ProjectId, to: NaiveDate) -> StoreResult<HashMap<OrgId, FactOrg>> {
    let ids = format!(
        "{PROJECT_ORGS} UNION SELECT research_entity_id FROM enterprise_outcomes WHERE project_id = $1 AND research_entity_id IS NOT NULL"
    );
    let orgs = format!(
        "SELECT o.id, o.name, o.kind, o.city_id, c.country FROM organisations o JOIN cities c ON c.id = o.city_id WHERE o.id IN ({ids})"
    );
    let nace = format!("SELECT org_id, code FROM organisation_nace WHERE org_id IN ({ids}) ORDER BY org_id, position");
    let rows: Vec<(Uuid, String, String, Uuid, String)> =
        on_db!(&mut conn, |c| sqlx::query_as(&orgs).bind(project.0).bind(to).fetch_all(&mut **c).await)?;
    let codes: Vec<(Uuid, String)> = on_db!(&mut conn, |c| sqlx::query_as(&nace).bind(project.0).bind(to).fetch_all(&mut **c).await)?;
    let mut by_org: HashMap<Uuid, Vec<String>> = HashMap::new();
    for (org, code) in codes {
        by_org.entry(org).or_default().push(code);
    }
    Ok(rows
        .into_iter()
        .map(|(id, name, kind, city, country)| {
            let org = FactOrg {
                id: OrgId(id),
                name,
                // Unknown keys cannot be written; `Other` only guards against hand-edited rows.
                kind: OrgKind::from_key(&kind).unwrap_or(OrgKind::Other),
                city_id: CityId(city),
                country,
                nace_codes: by_org.remove(&id).unwrap_or_default(),
            };
            (org.id, org)
        })
        .collect())
}

/// The evidence files (metadata) of every support record of a project, by record.
pub async fn support_evidence(conn: Conn<'_>, project: ProjectId) -> StoreResult<HashMap<SupportRecordId, Vec<Evidence>>> {
    let mut out: HashMap<SupportRecordId, Vec<Evidence>> = HashMap::new();
    for file in crate::support_records::evidence_for_project(conn, project).await? {
        out.entry(file.record_id).or_default().push(file);
    }
    Ok(out)
}

/// One end of a cooperation link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkEnd {
    /// The organisation.
    pub id: OrgId,
    /// Its name.
    pub name: String,
    /// Its country (ISO 3166-1 alpha-2).
    pub country: String,
}

/// A partnership agreement between two organisations, confirmed or awaiting confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementLink {
    /// The agreement.
    pub id: AgreementId,
    /// Confirmed by the partner (otherwise recorded and awaiting confirmation).
    pub confirmed: bool,
    /// When it was signed.
    pub signed_on: NaiveDate,
    /// Its type key (`joint_venture`, `technology_licensing`, …).
    pub agreement_type: String,
    /// The profile owner.
    pub a: LinkEnd,
    /// The partner.
    pub b: LinkEnd,
}

/// A held B2B meeting between two organisations' participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingLink {
    /// The meeting.
    pub id: MeetingId,
    /// When its slot started.
    pub starts_at: DateTime<Utc>,
    /// Its event's IANA time zone (the day it was held is the event's local day).
    pub time_zone: String,
    /// Its event's name.
    pub event: String,
    /// The requester's organisation.
    pub a: LinkEnd,
    /// The receiver's organisation.
    pub b: LinkEnd,
}

type LinkRow = (Uuid, String, String, Uuid, String, String);

fn ends(r: LinkRow) -> (LinkEnd, LinkEnd) {
    (LinkEnd { id: OrgId(r.0), name: r.1, country: r.2 }, LinkEnd { id: OrgId(r.3), name: r.4, country: r.5 })
}

/// Partnership agreements signed in [`from`, `to`] between two different organisations, at
/// least one of them the project's: confirmed ones, and recorded ones awaiting confirmation
/// (rejected ones are left out).
pub async fn agreement_links(conn: Conn<'_>, project: ProjectId, from: NaiveDate, to: NaiveDate) -> StoreResult<Vec<AgreementLink>> {
    let sql = format!(
        "WITH project_orgs (org_id) AS ({PROJECT_ORGS}) \
         SELECT a.id, a.state, a.signed_on, a.agreement_type, a.owner_org_id, oo.name, oc.country, a.partner_org_id, po.name, pc.country \
         FROM agreements a \
         JOIN organisations oo ON oo.id = a.owner_org_id JOIN cities oc ON oc.id = oo.city_id \
         JOIN organisations po ON po.id = a.partner_org_id JOIN cities pc ON pc.id = po.city_id \
         WHERE a.state IN ('confirmed', 'recorded') AND a.signed_on >= $3 AND a.signed_on <= $2 AND a.owner_org_id <> a.partner_org_id \
         AND (a.owner_org_id IN (SELECT org_id FROM project_orgs) OR a.partner_org_id IN (SELECT org_id FROM project_orgs)) \
         ORDER BY a.signed_on, a.id"
    );
    type Row = (Uuid, String, NaiveDate, String, Uuid, String, String, Uuid, String, String);
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(&sql).bind(project.0).bind(to).bind(from).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let (a, b) = ends((r.4, r.5, r.6, r.7, r.8, r.9));
            AgreementLink { id: AgreementId(r.0), confirmed: r.1 == "confirmed", signed_on: r.2, agreement_type: r.3, a, b }
        })
        .collect())
}

/// Meetings marked held whose slot starts in [`from`, `until`) between participants of two
/// different organisations, at least one of them the project's up to `to`.
pub async fn meeting_links(
    conn: Conn<'_>,
    project: ProjectId,
    to: NaiveDate,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> StoreResult<Vec<MeetingLink>> {
    let sql = format!(
        "WITH project_orgs (org_id) AS ({PROJECT_ORGS}) \
         SELECT m.id, s.starts_at, ev.timezone, ev.name, ra.org_id, oa.name, ca.country, rb.org_id, ob.name, cb.country \
         FROM event_meetings m \
         JOIN event_slots s ON s.id = m.slot_id \
         JOIN events ev ON ev.id = m.event_id \
         JOIN event_registrations ra ON ra.id = m.requester_id \
         JOIN organisations oa ON oa.id = ra.org_id JOIN cities ca ON ca.id = oa.city_id \
         JOIN event_registrations rb ON rb.id = m.receiver_id \
         JOIN organisations ob ON ob.id = rb.org_id JOIN cities cb ON cb.id = ob.city_id \
         WHERE m.state = 'accepted' AND m.outcome = 'held' AND s.starts_at >= $3 AND s.starts_at < $4 AND ra.org_id <> rb.org_id \
         AND (ra.org_id IN (SELECT org_id FROM project_orgs) OR rb.org_id IN (SELECT org_id FROM project_orgs)) \
         ORDER BY s.starts_at, m.id"
    );
    type Row = (Uuid, DateTime<Utc>, String, String, Uuid, String, String, Uuid, String, String);
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(&sql).bind(project.0).bind(to).bind(from).bind(until).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let (a, b) = ends((r.4, r.5, r.6, r.7, r.8, r.9));
            MeetingLink { id: MeetingId(r.0), starts_at: r.1, time_zone: r.2, event: r.3, a, b }
        })
        .collect())
}

/// Evidence files (name, SHA-256) of confirmed agreements signed in [`from`, `to`], by agreement.
pub async fn agreement_evidence(
    conn: Conn<'_>,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<HashMap<AgreementId, Vec<(String, String)>>> {
    let rows: Vec<(Uuid, String, String)> = on_db!(conn, |c| sqlx::query_as(
        "SELECT e.agreement_id, e.file_name, e.sha256 FROM evidence_files e JOIN agreements a ON a.id = e.agreement_id \
         WHERE a.state IN ('confirmed', 'recorded') AND a.signed_on >= $1 AND a.signed_on <= $2 ORDER BY e.created_at, e.id"
    )
    .bind(from)
    .bind(to)
    .fetch_all(&mut *c)
    .await)?;
    let mut out: HashMap<AgreementId, Vec<(String, String)>> = HashMap::new();
    for (agreement, name, sha256) in rows {
        out.entry(AgreementId(agreement)).or_default().push((name, sha256));
    }
    Ok(out)
}

/// The names of the directory programmes the project's support records were delivered under, by
/// programme id.
pub async fn programme_names(conn: Conn<'_>, project: ProjectId) -> StoreResult<HashMap<ProgrammeId, String>> {
    let rows: Vec<(Uuid, String)> = on_db!(conn, |c| sqlx::query_as(
        "SELECT DISTINCT p.id, p.name FROM programmes p JOIN support_records r ON r.programme_id = p.id WHERE r.project_id = $1"
    )
    .bind(project.0)
    .fetch_all(&mut *c)
    .await)?;
    Ok(rows.into_iter().map(|(id, name)| (ProgrammeId(id), name)).collect())
}
