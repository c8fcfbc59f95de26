//! Partnership agreements, their evidence files and the aggregate counts of the statistics pages
//! (DOMAIN.md, "Partnering profiles": "the partnership agreement … recorded with date, parties,
//! and evidence").
//!
//! Confirming or rejecting is a conditional update from `recorded`, so two brokers cannot both
//! decide. Evidence bytes live in the database (every app server can serve them); listings read
//! the metadata only.

use crate::evidence_files::{self, AGREEMENTS, FileRow, NewEvidenceFile};
use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use tandem_core::partnering::agreement::{Agreement, AgreementInput, AgreementState, AgreementType, EvidenceFile};
use tandem_core::{AgreementId, EvidenceId, InterestId, OrgId, ProfileId, UserId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct AgreementRow {
    id: Uuid,
    profile_id: Uuid,
    interest_id: Option<Uuid>,
    owner_org_id: Uuid,
    partner_org_id: Uuid,
    agreement_type: String,
    signed_on: NaiveDate,
    summary: Option<String>,
    state: String,
    recorded_by: Option<Uuid>,
    confirmed_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    confirmed_at: Option<DateTime<Utc>>,
}

impl AgreementRow {
    fn into_agreement(self) -> Option<Agreement> {
        Some(Agreement {
            id: AgreementId(self.id),
            profile_id: ProfileId(self.profile_id),
            interest_id: self.interest_id.map(InterestId),
            owner_org_id: OrgId(self.owner_org_id),
            partner_org_id: OrgId(self.partner_org_id),
            // Only known keys are written; a hand-edited row with an unknown type is skipped.
            input: AgreementInput {
                agreement_type: AgreementType::from_key(&self.agreement_type)?,
                signed_on: self.signed_on,
                summary: self.summary,
            },
            state: AgreementState::from_key(&self.state).unwrap_or(AgreementState::Recorded),
            recorded_by: self.recorded_by.map(UserId),
            confirmed_by: self.confirmed_by.map(UserId),
            created_at: self.created_at,
            confirmed_at: self.confirmed_at,
        })
    }
}

fn evidence_file(r: FileRow) -> EvidenceFile {
    EvidenceFile {
        id: EvidenceId(r.id),
        agreement_id: AgreementId(r.owner),
        file_name: r.file_name,
        media_type: r.media_type,
        size: r.size,
        sha256: r.sha256,
        uploaded_by: r.uploaded_by,
        created_at: r.created_at,
    }
}

const SELECT: &str = "SELECT id, profile_id, interest_id, owner_org_id, partner_org_id, agreement_type, signed_on, \
     summary, state, recorded_by, confirmed_by, created_at, confirmed_at FROM agreements";
const ORDER: &str = " ORDER BY signed_on DESC, created_at DESC, id DESC";
const INSERT: &str = "INSERT INTO agreements (id, profile_id, interest_id, owner_org_id, partner_org_id, agreement_type, \
     category, signed_on, summary, state, recorded_by, confirmed_by, created_at, confirmed_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
const SET_STATE: &str = "UPDATE agreements SET state = $2, confirmed_by = $3, confirmed_at = $4 \
     WHERE id = $1 AND state = 'recorded'";

const CONFIRMED_BY_TYPE: &str = "SELECT category, agreement_type, COUNT(*) FROM agreements WHERE state = 'confirmed' \
     GROUP BY category, agreement_type ORDER BY category, agreement_type";
const CONFIRMED_BY_CITIES: &str = "SELECT oc.name, pc.name, COUNT(*) FROM agreements a \
     JOIN organisations oo ON oo.id = a.owner_org_id JOIN cities oc ON oc.id = oo.city_id \
     JOIN organisations po ON po.id = a.partner_org_id JOIN cities pc ON pc.id = po.city_id \
     WHERE a.state = 'confirmed' GROUP BY oc.name, pc.name ORDER BY oc.name, pc.name";
const INTRODUCTIONS: &str = "SELECT COUNT(*) FROM interests WHERE state = 'introduced'";
const INTRODUCTIONS_BY_CITIES: &str = "SELECT oc.name, fc.name, COUNT(*) FROM interests i \
     JOIN profiles p ON p.id = i.profile_id \
     JOIN organisations oo ON oo.id = p.owner_org_id JOIN cities oc ON oc.id = oo.city_id \
     JOIN organisations fo ON fo.id = i.from_org_id JOIN cities fc ON fc.id = fo.city_id \
     WHERE i.state = 'introduced' GROUP BY oc.name, fc.name ORDER BY oc.name, fc.name";
const PUBLISHED_BY_CITY_AND_TYPE: &str = "SELECT c.name, p.profile_type, COUNT(*) FROM profiles p \
     JOIN organisations o ON o.id = p.owner_org_id JOIN cities c ON c.id = o.city_id \
     WHERE p.state = 'published' GROUP BY c.name, p.profile_type ORDER BY c.name, p.profile_type";

/// Stores a new agreement (its category is derived from the type).
pub async fn insert(mut conn: Conn<'_>, agreement: &Agreement) -> StoreResult<()> {
    let t = agreement.input.agreement_type;
    on_db!(&mut conn, |c| sqlx::query(INSERT)
        .bind(agreement.id.0)
        .bind(agreement.profile_id.0)
        .bind(agreement.interest_id.map(|i| i.0))
        .bind(agreement.owner_org_id.0)
        .bind(agreement.partner_org_id.0)
        .bind(t.key())
        .bind(t.category().key())
        .bind(agreement.input.signed_on)
        .bind(&agreement.input.summary)
        .bind(agreement.state.key())
        .bind(agreement.recorded_by.map(|u| u.0))
        .bind(agreement.confirmed_by.map(|u| u.0))
        .bind(agreement.created_at)
        .bind(agreement.confirmed_at)
        .execute(&mut **c)
        .await
        .map(|r| r.rows_affected()))?;
    crate::change_log::append(conn, crate::change_log::kind::AGREEMENT, &agreement.id.0.to_string(), agreement.created_at).await
}

/// One agreement.
pub async fn get(conn: Conn<'_>, id: AgreementId) -> StoreResult<Option<Agreement>> {
    let sql = format!("{SELECT} WHERE id = $1");
    let row: Option<AgreementRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.and_then(AgreementRow::into_agreement))
}

/// The agreements that came from a profile, most recently signed first.
pub async fn for_profile(conn: Conn<'_>, profile: ProfileId) -> StoreResult<Vec<Agreement>> {
    let sql = format!("{SELECT} WHERE profile_id = $1{ORDER}");
    let rows: Vec<AgreementRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(profile.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(AgreementRow::into_agreement).collect())
}

/// The agreements an organisation is party to, as owner or as partner, most recently signed first.
pub async fn for_org(conn: Conn<'_>, org: OrgId) -> StoreResult<Vec<Agreement>> {
    let sql = format!("{SELECT} WHERE owner_org_id = $1 OR partner_org_id = $1{ORDER}");
    let rows: Vec<AgreementRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(org.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().filter_map(AgreementRow::into_agreement).collect())
}

/// Confirms or rejects a recorded agreement; returns the rows changed: 0 when it was no longer
/// recorded (someone decided first) or does not exist.
pub async fn set_state(
    mut conn: Conn<'_>,
    id: AgreementId,
    state: AgreementState,
    by: Option<UserId>,
    at: DateTime<Utc>,
) -> StoreResult<u64> {
    let changed = on_db!(&mut conn, |c| sqlx::query(SET_STATE)
        .bind(id.0)
        .bind(state.key())
        .bind(by.map(|u| u.0))
        .bind(at)
        .execute(&mut **c)
        .await
        .map(|r| r.rows_affected()))?;
    if changed > 0 {
        crate::change_log::append(conn, crate::change_log::kind::AGREEMENT, &id.0.to_string(), at).await?;
    }
    Ok(changed)
}

const CONFIRMED_PAIRS: &str = "SELECT DISTINCT owner_org_id, partner_org_id FROM agreements WHERE state = 'confirmed'";

/// The (owner, partner) organisations of every confirmed agreement: partnerships for the
/// collaboration graph.
pub async fn confirmed_pairs(conn: Conn<'_>) -> StoreResult<Vec<(OrgId, OrgId)>> {
    let rows: Vec<(Uuid, Uuid)> = on_db!(conn, |c| sqlx::query_as(CONFIRMED_PAIRS).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(a, b)| (OrgId(a), OrgId(b))).collect())
}

/// Stores an evidence file's record and its bytes.
pub async fn insert_evidence(conn: Conn<'_>, file: &EvidenceFile, content: &[u8]) -> StoreResult<()> {
    let new = NewEvidenceFile {
        file_name: &file.file_name,
        media_type: &file.media_type,
        sha256: &file.sha256,
        content,
        uploaded_by: file.uploaded_by,
    };
    evidence_files::insert(conn, AGREEMENTS, file.id.0, file.agreement_id.0, &new, file.created_at).await
}

/// The evidence files of an agreement, oldest first, without their content.
pub async fn evidence_of(conn: Conn<'_>, agreement: AgreementId) -> StoreResult<Vec<EvidenceFile>> {
    Ok(evidence_files::of_owner(conn, AGREEMENTS, agreement.0).await?.into_iter().map(evidence_file).collect())
}

/// One evidence file's record, without its content.
pub async fn evidence(conn: Conn<'_>, id: EvidenceId) -> StoreResult<Option<EvidenceFile>> {
    Ok(evidence_files::one(conn, AGREEMENTS, id.0).await?.map(evidence_file))
}

/// The bytes of one evidence file.
pub async fn evidence_content(conn: Conn<'_>, id: EvidenceId) -> StoreResult<Option<Vec<u8>>> {
    evidence_files::content(conn, AGREEMENTS, id.0).await
}

/// Confirmed agreements per (category key, type key).
pub async fn confirmed_by_type(conn: Conn<'_>) -> StoreResult<Vec<(String, String, i64)>> {
    Ok(on_db!(conn, |c| sqlx::query_as(CONFIRMED_BY_TYPE).fetch_all(&mut *c).await)?)
}

/// Confirmed agreements per (owner's city, partner's city).
pub async fn confirmed_by_cities(conn: Conn<'_>) -> StoreResult<Vec<(String, String, i64)>> {
    Ok(on_db!(conn, |c| sqlx::query_as(CONFIRMED_BY_CITIES).fetch_all(&mut *c).await)?)
}

/// Introductions made so far.
pub async fn introductions(conn: Conn<'_>) -> StoreResult<i64> {
    Ok(on_db!(conn, |c| sqlx::query_scalar(INTRODUCTIONS).fetch_one(&mut *c).await)?)
}

/// Introductions per (profile owner's city, interested organisation's city).
pub async fn introductions_by_cities(conn: Conn<'_>) -> StoreResult<Vec<(String, String, i64)>> {
    Ok(on_db!(conn, |c| sqlx::query_as(INTRODUCTIONS_BY_CITIES).fetch_all(&mut *c).await)?)
}

/// Published profiles per (owner's city, profile type key).
pub async fn published_by_city_and_type(conn: Conn<'_>) -> StoreResult<Vec<(String, String, i64)>> {
    Ok(on_db!(conn, |c| sqlx::query_as(PUBLISHED_BY_CITY_AND_TYPE).fetch_all(&mut *c).await)?)
}
