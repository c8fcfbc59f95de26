//! Who holds which role in which organisation.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::account::{Membership, OrgRole};
use tandem_core::directory::OrgKind;
use tandem_core::{OrgId, UserId};
use uuid::Uuid;

const OF_USER: &str = "SELECT m.org_id, o.name, o.kind, m.role FROM memberships m \
     JOIN organisations o ON o.id = m.org_id WHERE m.user_id = $1 ORDER BY o.sort_name";
const UPSERT: &str = "INSERT INTO memberships (user_id, org_id, role, created_at) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (user_id, org_id) DO UPDATE SET role = excluded.role";
const DELETE: &str = "DELETE FROM memberships WHERE user_id = $1 AND org_id = $2";
const MEMBERS_OF: &str = "SELECT u.id, u.display_name, u.email, m.role FROM memberships m \
     JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 ORDER BY u.display_name, u.id";

/// The user's roles in organisations.
pub async fn of_user(conn: Conn<'_>, user: UserId) -> StoreResult<Vec<Membership>> {
    let rows: Vec<(Uuid, String, String, String)> =
        on_db!(conn, |c| sqlx::query_as(OF_USER).bind(user.0).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(org, name, kind, role)| {
            Some(Membership { org_id: OrgId(org), org_name: name, org_kind: OrgKind::from_key(&kind)?, role: OrgRole::from_key(&role)? })
        })
        .collect())
}

/// Gives `user` `role` in `org` (replacing any role they had there).
pub async fn set(conn: Conn<'_>, user: UserId, org: OrgId, role: OrgRole, now: DateTime<Utc>) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(UPSERT).bind(user.0).bind(org.0).bind(role.key()).bind(now).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes `user` from `org`; false if they were not a member.
pub async fn remove(conn: Conn<'_>, user: UserId, org: OrgId) -> StoreResult<bool> {
    let n = on_db!(conn, |c| sqlx::query(DELETE).bind(user.0).bind(org.0).execute(&mut *c).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// A member of an organisation as listed to its admins.
#[derive(Debug, Clone)]
pub struct MemberRow {
    /// User.
    pub user_id: UserId,
    /// Name.
    pub display_name: String,
    /// Address.
    pub email: String,
    /// Role.
    pub role: OrgRole,
}

/// The members of `org`.
pub async fn members_of(conn: Conn<'_>, org: OrgId) -> StoreResult<Vec<MemberRow>> {
    let rows: Vec<(Uuid, String, String, String)> =
        on_db!(conn, |c| sqlx::query_as(MEMBERS_OF).bind(org.0).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, display_name, email, role)| {
            Some(MemberRow { user_id: UserId(id), display_name, email, role: OrgRole::from_key(&role)? })
        })
        .collect())
}
