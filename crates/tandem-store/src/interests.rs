//! Expressions of interest in partnering profiles, and the profile and recipient facts their use
//! cases need (DOMAIN.md, "Partnering profiles": "Interest is expressed through the support
//! organisations, which introduce the parties").
//!
//! Deciding is a conditional update from `submitted`, so two brokers deciding at once cannot
//! both win: the loser sees zero rows changed.

use crate::{on_db, Conn, StoreResult};
use chrono::{DateTime, Utc};
use tandem_core::partnering::interest::{Interest, InterestAnswers, InterestState};
use tandem_core::partnering::ProfileType;
use tandem_core::{InterestId, OrgId, ProfileId, UserId};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct InterestRow {
    id: Uuid,
    profile_id: Uuid,
    from_org_id: Uuid,
    cooperation_sought: String,
    missing_information: Option<String>,
    who_we_are: String,
    state: String,
    decline_reason: Option<String>,
    created_by: Option<Uuid>,
    decided_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    decided_at: Option<DateTime<Utc>>,
}

impl InterestRow {
    fn into_interest(self) -> Interest {
        Interest {
            id: InterestId(self.id),
            profile_id: ProfileId(self.profile_id),
            from_org_id: OrgId(self.from_org_id),
            answers: InterestAnswers {
                cooperation_sought: self.cooperation_sought,
                missing_information: self.missing_information,
                who_we_are: self.who_we_are,
            },
            // Only known keys are written; `Submitted` is a guard against hand-edited rows.
            state: InterestState::from_key(&self.state).unwrap_or(InterestState::Submitted),
            decline_reason: self.decline_reason,
            created_by: self.created_by.map(UserId),
            decided_by: self.decided_by.map(UserId),
            created_at: self.created_at,
            decided_at: self.decided_at,
        }
    }
}

const COLUMNS: &str = "i.id, i.profile_id, i.from_org_id, i.cooperation_sought, i.missing_information, i.who_we_are, \
     i.state, i.decline_reason, i.created_by, i.decided_by, i.created_at, i.decided_at";

const INSERT: &str = "INSERT INTO interests (id, profile_id, from_org_id, cooperation_sought, missing_information, \
     who_we_are, state, decline_reason, created_by, decided_by, created_at, decided_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
const OPEN_COUNT: &str =
    "SELECT COUNT(*) FROM interests WHERE profile_id = $1 AND from_org_id = $2 AND state = 'submitted'";
const DECIDE: &str = "UPDATE interests SET state = $2, decline_reason = $3, decided_by = $4, decided_at = $5 \
     WHERE id = $1 AND state = 'submitted'";
const INTRODUCED_ORGS: &str = "SELECT DISTINCT from_org_id FROM interests WHERE profile_id = $1 AND state = 'introduced' \
     ORDER BY from_org_id";
const PROFILE_REF: &str = "SELECT id, owner_org_id, support_org_id, title, profile_type, state FROM profiles WHERE id = $1";
// SQLite serialises writers (`BEGIN IMMEDIATE`); on PostgreSQL the profile's row lock makes the
// "one open interest per organisation" check and the insert after it atomic.
const LOCK_PROFILE_POSTGRES: &str = "SELECT id FROM profiles WHERE id = $1 FOR UPDATE";

const LISTING: &str = "SELECT i.id, i.profile_id, i.from_org_id, i.cooperation_sought, i.missing_information, \
     i.who_we_are, i.state, i.decline_reason, i.created_by, i.decided_by, i.created_at, i.decided_at, \
     p.title AS profile_title, p.profile_type, p.owner_org_id, p.support_org_id, \
     fo.name AS from_org_name, fc.name AS from_city, oo.name AS owner_name, oc.name AS owner_city \
     FROM interests i \
     JOIN profiles p ON p.id = i.profile_id \
     JOIN organisations fo ON fo.id = i.from_org_id JOIN cities fc ON fc.id = fo.city_id \
     JOIN organisations oo ON oo.id = p.owner_org_id JOIN cities oc ON oc.id = oo.city_id";
const ORDER: &str = " ORDER BY i.created_at DESC, i.id DESC";

/// The facts about a profile that expressions of interest and agreements need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRef {
    /// Id.
    pub id: ProfileId,
    /// The organisation the profile speaks for.
    pub owner_org_id: OrgId,
    /// The support organisation managing it.
    pub support_org_id: Option<OrgId>,
    /// Title (anonymous by the quality check, so it may be shown to the interested side).
    pub title: String,
    /// Type, when the stored key is known.
    pub profile_type: Option<ProfileType>,
    /// In the marketplace now (state `published`).
    pub published: bool,
}

/// An interest with what a list page shows beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestListing {
    /// The interest.
    pub interest: Interest,
    /// The profile's title.
    pub profile_title: String,
    /// The profile's type.
    pub profile_type: Option<ProfileType>,
    /// The profile's owner (the caller decides whether its name may be shown).
    pub owner_org_id: OrgId,
    /// The owner's name (the caller decides whether it may be shown).
    pub owner_name: String,
    /// The owner's city.
    pub owner_city: String,
    /// The support organisation managing the profile.
    pub support_org_id: Option<OrgId>,
    /// The interested organisation's name.
    pub from_org_name: String,
    /// The interested organisation's city.
    pub from_city: String,
}

#[derive(sqlx::FromRow)]
struct ListingRow {
    #[sqlx(flatten)]
    interest: InterestRow,
    profile_title: String,
    profile_type: String,
    owner_org_id: Uuid,
    support_org_id: Option<Uuid>,
    from_org_name: String,
    from_city: String,
    owner_name: String,
    owner_city: String,
}

impl ListingRow {
    fn into_listing(self) -> InterestListing {
        InterestListing {
            interest: self.interest.into_interest(),
            profile_title: self.profile_title,
            profile_type: ProfileType::parse(&self.profile_type),
            owner_org_id: OrgId(self.owner_org_id),
            owner_name: self.owner_name,
            owner_city: self.owner_city,
            support_org_id: self.support_org_id.map(OrgId),
            from_org_name: self.from_org_name,
            from_city: self.from_city,
        }
    }
}

/// Stores a new expression of interest.
pub async fn insert(conn: Conn<'_>, interest: &Interest) -> StoreResult<()> {
    on_db!(conn, |c| sqlx::query(INSERT)
        .bind(interest.id.0)
        .bind(interest.profile_id.0)
        .bind(interest.from_org_id.0)
        .bind(&interest.answers.cooperation_sought)
        .bind(&interest.answers.missing_information)
        .bind(&interest.answers.who_we_are)
        .bind(interest.state.key())
        .bind(&interest.decline_reason)
        .bind(interest.created_by.map(|u| u.0))
        .bind(interest.decided_by.map(|u| u.0))
        .bind(interest.created_at)
        .bind(interest.decided_at)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Stores `interest` unless its organisation already has an open (submitted) interest in the
/// profile; false when one is open. Call inside a transaction: on PostgreSQL the profile's row is
/// locked until it ends, so two such calls for the same profile cannot both insert.
pub async fn insert_if_none_open(mut conn: Conn<'_>, interest: &Interest) -> StoreResult<bool> {
    if let Conn::Postgres(c) = &mut conn {
        sqlx::query(LOCK_PROFILE_POSTGRES).bind(interest.profile_id.0).fetch_optional(&mut **c).await?;
    }
    let open: i64 = on_db!(&mut conn, |c| sqlx::query_scalar(OPEN_COUNT)
        .bind(interest.profile_id.0)
        .bind(interest.from_org_id.0)
        .fetch_one(&mut **c)
        .await)?;
    if open > 0 {
        return Ok(false);
    }
    insert(conn, interest).await?;
    Ok(true)
}

/// One interest.
pub async fn get(conn: Conn<'_>, id: InterestId) -> StoreResult<Option<Interest>> {
    let sql = format!("SELECT {COLUMNS} FROM interests i WHERE i.id = $1");
    let row: Option<InterestRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(InterestRow::into_interest))
}

/// The interests in a profile, newest first.
pub async fn for_profile(conn: Conn<'_>, profile: ProfileId) -> StoreResult<Vec<Interest>> {
    let sql = format!("SELECT {COLUMNS} FROM interests i WHERE i.profile_id = $1{ORDER}");
    let rows: Vec<InterestRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(profile.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(InterestRow::into_interest).collect())
}

/// The interests an organisation has sent, newest first.
pub async fn from_org(conn: Conn<'_>, org: OrgId) -> StoreResult<Vec<Interest>> {
    let sql = format!("SELECT {COLUMNS} FROM interests i WHERE i.from_org_id = $1{ORDER}");
    let rows: Vec<InterestRow> = on_db!(conn, |c| sqlx::query_as(&sql).bind(org.0).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(InterestRow::into_interest).collect())
}

/// Which interests a listing shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListingFilter {
    /// Those in one profile.
    Profile(ProfileId),
    /// Those one organisation sent.
    FromOrg(OrgId),
    /// Those in profiles managed by one support organisation (`None`: by none).
    SupportOrg(Option<OrgId>),
    /// Every interest (platform admins).
    All,
}

/// Interests with their profile and organisation names, newest first.
pub async fn listings(conn: Conn<'_>, filter: ListingFilter) -> StoreResult<Vec<InterestListing>> {
    let (condition, id) = match filter {
        ListingFilter::Profile(p) => (" WHERE i.profile_id = $1", Some(p.0)),
        ListingFilter::FromOrg(o) => (" WHERE i.from_org_id = $1", Some(o.0)),
        ListingFilter::SupportOrg(Some(o)) => (" WHERE p.support_org_id = $1", Some(o.0)),
        ListingFilter::SupportOrg(None) => (" WHERE p.support_org_id IS NULL", None),
        ListingFilter::All => ("", None),
    };
    let sql = format!("{LISTING}{condition}{ORDER}");
    let rows: Vec<ListingRow> = on_db!(conn, |c| {
        let q = sqlx::query_as(&sql);
        let q = match id {
            Some(id) => q.bind(id),
            None => q,
        };
        q.fetch_all(&mut *c).await
    })?;
    Ok(rows.into_iter().map(ListingRow::into_listing).collect())
}

/// Interests in profiles managed by support organisation `support` (`None`: by no support
/// organisation yet), newest first: a support organisation's pipeline.
pub async fn for_support_org(conn: Conn<'_>, support: Option<OrgId>) -> StoreResult<Vec<InterestListing>> {
    listings(conn, ListingFilter::SupportOrg(support)).await
}

/// Moves a submitted interest to `state` (introduced, declined or withdrawn); returns the rows
/// changed: 0 when it was no longer submitted (someone decided first) or does not exist.
pub async fn decide(
    mut conn: Conn<'_>,
    id: InterestId,
    state: InterestState,
    reason: Option<&str>,
    decided_by: Option<UserId>,
    at: DateTime<Utc>,
) -> StoreResult<u64> {
    let changed = on_db!(&mut conn, |c| sqlx::query(DECIDE)
        .bind(id.0)
        .bind(state.key())
        .bind(reason)
        .bind(decided_by.map(|u| u.0))
        .bind(at)
        .execute(&mut **c)
        .await
        .map(|r| r.rows_affected()))?;
    // An introduction links the two organisations in the collaboration graph.
    if changed > 0 && state == InterestState::Introduced {
        crate::change_log::append(conn, crate::change_log::kind::INTRODUCTION, &id.0.to_string(), at).await?;
    }
    Ok(changed)
}

const INTRODUCED_PAIRS: &str = "SELECT DISTINCT p.owner_org_id, i.from_org_id FROM interests i \
     JOIN profiles p ON p.id = i.profile_id WHERE i.state = 'introduced'";

/// The (profile owner, interested organisation) pairs of every introduction made: partnerships
/// for the collaboration graph.
pub async fn introduced_pairs(conn: Conn<'_>) -> StoreResult<Vec<(OrgId, OrgId)>> {
    let rows: Vec<(Uuid, Uuid)> = on_db!(conn, |c| sqlx::query_as(INTRODUCED_PAIRS).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(|(a, b)| (OrgId(a), OrgId(b))).collect())
}

/// The organisations introduced to the owner of `profile` (they may now see who it is).
pub async fn introduced_orgs(conn: Conn<'_>, profile: ProfileId) -> StoreResult<Vec<OrgId>> {
    let ids: Vec<Uuid> = on_db!(conn, |c| sqlx::query_scalar(INTRODUCED_ORGS).bind(profile.0).fetch_all(&mut *c).await)?;
    Ok(ids.into_iter().map(OrgId).collect())
}

/// The profiles whose owners have been introduced to any of `orgs`.
pub async fn introduced_profiles_for_orgs(conn: Conn<'_>, orgs: &[OrgId]) -> StoreResult<Vec<ProfileId>> {
    if orgs.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=orgs.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT DISTINCT profile_id FROM interests WHERE state = 'introduced' AND from_org_id IN ({}) ORDER BY profile_id",
        placeholders.join(", ")
    );
    let ids: Vec<Uuid> = on_db!(conn, |c| {
        let mut q = sqlx::query_scalar(&sql);
        for org in orgs {
            q = q.bind(org.0);
        }
        q.fetch_all(&mut *c).await
    })?;
    Ok(ids.into_iter().map(ProfileId).collect())
}

/// The facts about a profile that interests and agreements need.
pub async fn profile_ref(conn: Conn<'_>, id: ProfileId) -> StoreResult<Option<ProfileRef>> {
    let row: Option<(Uuid, Uuid, Option<Uuid>, String, String, String)> =
        on_db!(conn, |c| sqlx::query_as(PROFILE_REF).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.map(|(id, owner, support, title, profile_type, state)| ProfileRef {
        id: ProfileId(id),
        owner_org_id: OrgId(owner),
        support_org_id: support.map(OrgId),
        title,
        profile_type: ProfileType::parse(&profile_type),
        published: state == "published",
    }))
}
