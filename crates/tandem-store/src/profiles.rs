//! Partnering profiles, their tags (the multi-valued choices, one row each, for facets) and the
//! log of their lifecycle steps; marketplace search with facets.

use crate::{on_db, Conn, StoreError, StoreResult};
use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use std::collections::HashMap;
use tandem_core::directory::Keyed;
use tandem_core::nace::NaceCode;
use tandem_core::partnering::{
    CallDetails, IprStatus, Lifecycle, PartnerSought, PartnershipType, Profile, ProfileContent, ProfileEvent, ProfileLanguage,
    ProfileState, ProfileType, StageOfDevelopment,
};
use tandem_core::{CityId, OrgId, ProfileId, UserId};
use uuid::Uuid;

/// Tag kinds: the multi-valued choices of a profile.
pub mod tag {
    /// Market keyword code.
    pub const MARKET: &str = "market";
    /// Technology keyword code.
    pub const TECHNOLOGY: &str = "technology";
    /// NACE code.
    pub const NACE: &str = "nace";
    /// NACE division (two digits) of a NACE code, for the sector facet.
    pub const NACE_DIVISION: &str = "nace_division";
    /// Partnership type key.
    pub const PARTNERSHIP: &str = "partnership";
    /// Partner-sought key.
    pub const PARTNER_SOUGHT: &str = "partner_sought";
    /// Target country code.
    pub const COUNTRY: &str = "country";
    /// Target city of the partnership (city id).
    pub const TARGET_CITY: &str = "target_city";
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    id: Uuid,
    external_id: Option<String>,
    owner_org_id: Uuid,
    support_org_id: Option<Uuid>,
    profile_type: String,
    language: String,
    title: String,
    summary: Option<String>,
    description: Option<String>,
    partner_role: Option<String>,
    advantages: Option<String>,
    technical_specification: Option<String>,
    stage_of_development: Option<String>,
    ipr_status: Option<String>,
    sdgs: String,
    call_programme: Option<String>,
    call_identifier: Option<String>,
    call_eoi_deadline: Option<NaiveDate>,
    call_deadline: Option<NaiveDate>,
    call_budget: Option<String>,
    call_coordinator_required: bool,
    call_duration_months: Option<i32>,
    state: String,
    published_at: Option<DateTime<Utc>>,
    expires_at: Option<DateTime<Utc>>,
    extended: bool,
    expiry_notice_sent: bool,
    review_comments: Option<String>,
    version: i64,
    created_by: Option<Uuid>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

const COLUMNS: &str = "p.id, p.external_id, p.owner_org_id, p.support_org_id, p.profile_type, p.language, p.title, \
     p.summary, p.description, p.partner_role, p.advantages, p.technical_specification, p.stage_of_development, \
     p.ipr_status, p.sdgs, p.call_programme, p.call_identifier, p.call_eoi_deadline, p.call_deadline, p.call_budget, \
     p.call_coordinator_required, p.call_duration_months, p.state, p.published_at, p.expires_at, p.extended, \
     p.expiry_notice_sent, p.review_comments, p.version, p.created_by, p.created_at, p.updated_at";

// Unknown keys cannot be written (`set_lifecycle` writes `ProfileState::key`); the fallback only guards.
fn state_from_key(key: &str) -> ProfileState {
    ProfileState::from_key(key).unwrap_or(ProfileState::Draft)
}

fn parse_all<T: Keyed>(codes: &[String]) -> Vec<T> {
    codes.iter().filter_map(|c| T::parse_key(c)).collect()
}

impl ProfileRow {
    fn into_profile(self, tags: &Tags) -> Profile {
        let codes = |kind: &str| tags.get(&(self.id, kind.to_owned())).cloned().unwrap_or_default();
        let content = ProfileContent {
            // Unknown keys cannot be written (the domain validates them); the fallbacks only guard.
            profile_type: ProfileType::parse(&self.profile_type).unwrap_or(ProfileType::BusinessOffer),
            language: ProfileLanguage::from_key(&self.language).unwrap_or(ProfileLanguage::En),
            title: self.title,
            summary: self.summary,
            description: self.description,
            partner_role: self.partner_role,
            advantages: self.advantages,
            technical_specification: self.technical_specification,
            stage_of_development: self.stage_of_development.as_deref().and_then(StageOfDevelopment::from_key),
            ipr_status: self.ipr_status.as_deref().and_then(IprStatus::from_key),
            keywords_market: codes(tag::MARKET),
            keywords_technology: codes(tag::TECHNOLOGY),
            nace_codes: codes(tag::NACE).iter().filter_map(|c| NaceCode::parse(c).ok()).collect(),
            sdgs: self.sdgs.split(',').filter_map(|s| s.trim().parse().ok()).collect(),
            partnership_types: parse_all::<PartnershipType>(&codes(tag::PARTNERSHIP)),
            partner_sought: parse_all::<PartnerSought>(&codes(tag::PARTNER_SOUGHT)),
            target_countries: codes(tag::COUNTRY),
            target_cities: codes(tag::TARGET_CITY).iter().filter_map(|c| c.parse().ok()).collect(),
            call: CallDetails {
                programme: self.call_programme,
                call_identifier: self.call_identifier,
                eoi_deadline: self.call_eoi_deadline,
                call_deadline: self.call_deadline,
                budget: self.call_budget,
                coordinator_required: self.call_coordinator_required,
                duration_months: self.call_duration_months,
            },
        };
        Profile {
            id: ProfileId(self.id),
            external_id: self.external_id,
            owner_org_id: OrgId(self.owner_org_id),
            support_org_id: self.support_org_id.map(OrgId),
            content,
            lifecycle: Lifecycle {
                state: state_from_key(&self.state),
                published_at: self.published_at,
                expires_at: self.expires_at,
                extended: self.extended,
            },
            review_comments: self.review_comments,
            expiry_notice_sent: self.expiry_notice_sent,
            version: self.version,
            created_by: self.created_by.map(UserId),
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Binds `params` in order to query `q` (written once, compiled for each backend by `on_db!`).
macro_rules! bind_params {
    ($q:expr, $params:expr) => {{
        let mut q = $q;
        for p in $params {
            q = match p {
                Param::Text(t) => q.bind(t),
                Param::Id(id) => q.bind(id),
                Param::Time(t) => q.bind(t),
            };
        }
        q
    }};
}

/// Tag codes by (profile, kind), in position order.
type Tags = HashMap<(Uuid, String), Vec<String>>;

/// Everything needed to store a new profile.
#[derive(Debug, Clone)]
pub struct NewProfile<'a> {
    /// Id.
    pub id: ProfileId,
    /// Bulk-exchange reference.
    pub external_id: Option<&'a str>,
    /// Owner.
    pub owner: OrgId,
    /// Managing support organisation.
    pub support: Option<OrgId>,
    /// Texts and choices.
    pub content: &'a ProfileContent,
    /// Initial state and dates (a draft, or published directly by an import).
    pub lifecycle: Lifecycle,
    /// Normalised text for search (title, texts, keyword labels).
    pub search_text: &'a str,
    /// Author.
    pub created_by: Option<UserId>,
}

const INSERT: &str = "INSERT INTO profiles (id, external_id, owner_org_id, support_org_id, profile_type, language, title, \
     summary, description, partner_role, advantages, technical_specification, stage_of_development, ipr_status, sdgs, \
     call_programme, call_identifier, call_eoi_deadline, call_deadline, call_budget, call_coordinator_required, \
     call_duration_months, state, published_at, expires_at, extended, expiry_notice_sent, review_comments, search_text, \
     version, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, \
     $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, FALSE, NULL, $27, 1, $28, $29, $29)";
const UPDATE_CONTENT: &str = "UPDATE profiles SET support_org_id = $3, profile_type = $4, language = $5, title = $6, \
     summary = $7, description = $8, partner_role = $9, advantages = $10, technical_specification = $11, \
     stage_of_development = $12, ipr_status = $13, sdgs = $14, call_programme = $15, call_identifier = $16, \
     call_eoi_deadline = $17, call_deadline = $18, call_budget = $19, call_coordinator_required = $20, \
     call_duration_months = $21, search_text = $22, version = version + 1, updated_at = $23 \
     WHERE id = $1 AND version = $2";
const SET_LIFECYCLE: &str = "UPDATE profiles SET state = $3, published_at = $4, expires_at = $5, extended = $6, \
     expiry_notice_sent = $7, review_comments = $8, version = version + 1, updated_at = $9 WHERE id = $1 AND version = $2";
const EXISTS: &str = "SELECT COUNT(*) FROM profiles WHERE id = $1";
const DELETE_TAGS: &str = "DELETE FROM profile_tags WHERE profile_id = $1";
const INSERT_TAG: &str = "INSERT INTO profile_tags (profile_id, kind, code, position) VALUES ($1, $2, $3, $4)";
const INSERT_EVENT: &str = "INSERT INTO profile_events (id, profile_id, action, state, actor_id, comment, at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
const EVENTS: &str = "SELECT e.action, e.state, e.actor_id, u.display_name, e.comment, e.at FROM profile_events e \
     LEFT JOIN users u ON u.id = e.actor_id WHERE e.profile_id = $1 ORDER BY e.at, e.id";

/// Binds a profile's own columns, from `profile_type` to `call_duration_months` in table order,
/// the same for insert and update (`$sdgs` is the comma-joined goals).
macro_rules! bind_content {
    ($q:expr, $c:expr, $sdgs:expr) => {
        $q.bind($c.profile_type.key())
            .bind($c.language.key())
            .bind(&$c.title)
            .bind(&$c.summary)
            .bind(&$c.description)
            .bind(&$c.partner_role)
            .bind(&$c.advantages)
            .bind(&$c.technical_specification)
            .bind($c.stage_of_development.map(|s| s.key()))
            .bind($c.ipr_status.map(|s| s.key()))
            .bind($sdgs)
            .bind(&$c.call.programme)
            .bind(&$c.call.call_identifier)
            .bind($c.call.eoi_deadline)
            .bind($c.call.call_deadline)
            .bind(&$c.call.budget)
            .bind($c.call.coordinator_required)
            .bind($c.call.duration_months)
    };
}

/// Stores a new profile with its tags and returns it (timestamps truncated to microseconds, as
/// both databases keep them).
pub async fn insert(mut conn: Conn<'_>, new: &NewProfile<'_>, now: DateTime<Utc>) -> StoreResult<Profile> {
    let now = now.trunc_subsecs(6);
    let c = new.content;
    let sdgs = sdg_text(&c.sdgs);
    let lifecycle = truncated(&new.lifecycle);
    on_db!(&mut conn, |db| bind_content!(
        sqlx::query(INSERT).bind(new.id.0).bind(new.external_id).bind(new.owner.0).bind(new.support.map(|s| s.0)),
        c,
        &sdgs
    )
        .bind(lifecycle.state.key())
        .bind(lifecycle.published_at)
        .bind(lifecycle.expires_at)
        .bind(lifecycle.extended)
        .bind(new.search_text)
        .bind(new.created_by.map(|u| u.0))
        .bind(now)
        .execute(&mut **db)
        .await
        .map(|r| r.rows_affected()))?;
    replace_tags(&mut conn, new.id, c).await?;
    crate::change_log::append(conn.reborrow(), crate::change_log::kind::PROFILE, &new.id.0.to_string(), now).await?;
    Ok(Profile {
        id: new.id,
        external_id: new.external_id.map(str::to_owned),
        owner_org_id: new.owner,
        support_org_id: new.support,
        content: c.clone(),
        lifecycle,
        review_comments: None,
        expiry_notice_sent: false,
        version: 1,
        created_by: new.created_by,
        created_at: now,
        updated_at: now,
    })
}

/// Replaces a profile's texts and choices (and its support organisation) if it is still at
/// `expected_version`; `Conflict` if someone changed it meanwhile, `NotFound` if it is gone.
pub async fn update_content(
    mut conn: Conn<'_>,
    id: ProfileId,
    expected_version: i64,
    support: Option<OrgId>,
    c: &ProfileContent,
    search_text: &str,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let sdgs = sdg_text(&c.sdgs);
    let changed = on_db!(&mut conn, |db| bind_content!(
        sqlx::query(UPDATE_CONTENT).bind(id.0).bind(expected_version).bind(support.map(|s| s.0)),
        c,
        &sdgs
    )
        .bind(search_text)
        .bind(now)
        .execute(&mut **db)
        .await
        .map(|r| r.rows_affected()))?;
    if changed == 0 {
        return Err(missing_or_conflict(&mut conn, id).await?);
    }
    replace_tags(&mut conn, id, c).await?;
    crate::change_log::append(conn, crate::change_log::kind::PROFILE, &id.0.to_string(), now).await
}

/// Writes a new lifecycle state if the profile is still at `expected_version`. Returns false
/// when it changed meanwhile — another server's job or another person got there first — so
/// callers that race (the scheduled job) can simply skip it.
pub async fn set_lifecycle(
    mut conn: Conn<'_>,
    id: ProfileId,
    expected_version: i64,
    lifecycle: &Lifecycle,
    expiry_notice_sent: bool,
    review_comments: Option<&str>,
    now: DateTime<Utc>,
) -> StoreResult<bool> {
    let lifecycle = &truncated(lifecycle);
    let changed = on_db!(&mut conn, |db| sqlx::query(SET_LIFECYCLE)
        .bind(id.0)
        .bind(expected_version)
        .bind(lifecycle.state.key())
        .bind(lifecycle.published_at)
        .bind(lifecycle.expires_at)
        .bind(lifecycle.extended)
        .bind(expiry_notice_sent)
        .bind(review_comments)
        .bind(now)
        .execute(&mut **db)
        .await
        .map(|r| r.rows_affected()))?;
    if changed == 1 {
        crate::change_log::append(conn, crate::change_log::kind::PROFILE, &id.0.to_string(), now).await?;
    }
    Ok(changed == 1)
}

/// Dates as both databases keep them (PostgreSQL stores microseconds; SQLite would keep the
/// nanoseconds), so a profile reads back the same on either.
fn truncated(lifecycle: &Lifecycle) -> Lifecycle {
    Lifecycle {
        published_at: lifecycle.published_at.map(|t| t.trunc_subsecs(6)),
        expires_at: lifecycle.expires_at.map(|t| t.trunc_subsecs(6)),
        ..*lifecycle
    }
}

async fn missing_or_conflict(conn: &mut Conn<'_>, id: ProfileId) -> StoreResult<StoreError> {
    let n: i64 = on_db!(conn, |db| sqlx::query_scalar(EXISTS).bind(id.0).fetch_one(&mut **db).await)?;
    Ok(if n == 0 { StoreError::NotFound } else { StoreError::Conflict })
}

fn sdg_text(sdgs: &[u8]) -> String {
    sdgs.iter().map(u8::to_string).collect::<Vec<_>>().join(",")
}

async fn replace_tags(conn: &mut Conn<'_>, id: ProfileId, c: &ProfileContent) -> StoreResult<()> {
    on_db!(conn, |db| sqlx::query(DELETE_TAGS).bind(id.0).execute(&mut **db).await.map(|r| r.rows_affected()))?;
    let nace: Vec<String> = c.nace_codes.iter().map(|n| n.as_str().to_owned()).collect();
    let mut divisions: Vec<String> = Vec::new();
    for code in &c.nace_codes {
        if let Some(d) = code.division().map(str::to_owned)
            && !divisions.contains(&d)
        {
            divisions.push(d);
        }
    }
    let keys = |values: Vec<&'static str>| values.into_iter().map(str::to_owned).collect::<Vec<_>>();
    let groups: [(&str, Vec<String>); 8] = [
        (tag::MARKET, c.keywords_market.clone()),
        (tag::TECHNOLOGY, c.keywords_technology.clone()),
        (tag::NACE, nace),
        (tag::NACE_DIVISION, divisions),
        (tag::PARTNERSHIP, keys(c.partnership_types.iter().map(|p| p.key()).collect())),
        (tag::PARTNER_SOUGHT, keys(c.partner_sought.iter().map(|p| p.key()).collect())),
        (tag::COUNTRY, c.target_countries.clone()),
        (tag::TARGET_CITY, c.target_cities.iter().map(CityId::to_string).collect()),
    ];
    for (kind, codes) in groups {
        for (position, code) in codes.iter().enumerate() {
            on_db!(conn, |db| sqlx::query(INSERT_TAG)
                .bind(id.0)
                .bind(kind)
                .bind(code)
                .bind(position as i32)
                .execute(&mut **db)
                .await
                .map(|r| r.rows_affected()))?;
        }
    }
    Ok(())
}

/// Records a lifecycle step (who did what, when) for the profile's timeline.
pub async fn record_event(
    mut conn: Conn<'_>,
    id: ProfileId,
    action: &str,
    state: ProfileState,
    actor: Option<UserId>,
    comment: Option<&str>,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    on_db!(&mut conn, |db| sqlx::query(INSERT_EVENT)
        .bind(Uuid::now_v7())
        .bind(id.0)
        .bind(action)
        .bind(state.key())
        .bind(actor.map(|a| a.0))
        .bind(comment)
        .bind(at)
        .execute(&mut **db)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The timeline of a profile, oldest first.
pub async fn events(mut conn: Conn<'_>, id: ProfileId) -> StoreResult<Vec<ProfileEvent>> {
    type Row = (String, String, Option<Uuid>, Option<String>, Option<String>, DateTime<Utc>);
    let rows: Vec<Row> = on_db!(&mut conn, |db| sqlx::query_as(EVENTS).bind(id.0).fetch_all(&mut **db).await)?;
    Ok(rows
        .into_iter()
        .map(|(action, state, actor, actor_name, comment, at)| ProfileEvent {
            action,
            state: state_from_key(&state),
            actor: actor.map(UserId),
            actor_name,
            comment,
            at,
        })
        .collect())
}

/// A profile by id.
pub async fn get(conn: Conn<'_>, id: ProfileId) -> StoreResult<Option<Profile>> {
    let mut found = select(conn, "WHERE p.id = $1", vec![Param::Id(id.0)], "").await?;
    Ok(found.pop())
}

/// A profile by its bulk-exchange reference.
pub async fn get_by_external_id(conn: Conn<'_>, external_id: &str) -> StoreResult<Option<Profile>> {
    let mut found = select(conn, "WHERE p.external_id = $1", vec![Param::Text(external_id.to_owned())], "").await?;
    Ok(found.pop())
}

/// Every profile of `owner`, newest first.
pub async fn for_owner(conn: Conn<'_>, owner: OrgId) -> StoreResult<Vec<Profile>> {
    select(conn, "WHERE p.owner_org_id = $1", vec![Param::Id(owner.0)], "ORDER BY p.updated_at DESC, p.id DESC").await
}

/// Profiles that `orgs` manage, and (with `include_unassigned`) those no support organisation
/// manages yet, in states `states`; newest change first. The support staff's pipeline.
pub async fn for_support(conn: Conn<'_>, orgs: &[OrgId], include_unassigned: bool, states: &[ProfileState]) -> StoreResult<Vec<Profile>> {
    let mut params = Vec::new();
    let mut managed: Vec<String> = orgs
        .iter()
        .map(|o| {
            params.push(Param::Id(o.0));
            format!("p.support_org_id = ${}", params.len())
        })
        .collect();
    if include_unassigned {
        managed.push("p.support_org_id IS NULL".into());
    }
    if managed.is_empty() {
        return Ok(Vec::new());
    }
    let in_states = placeholders(&mut params, states.iter().map(|s| Param::Text(s.key().into())));
    let filter = format!("WHERE ({}) AND p.state IN ({in_states})", managed.join(" OR "));
    select(conn, &filter, params, "ORDER BY p.updated_at DESC, p.id DESC LIMIT 500").await
}

/// Expressions of interest in `id` still waiting for a decision.
pub async fn open_interest_count(mut conn: Conn<'_>, id: ProfileId) -> StoreResult<i64> {
    const SQL: &str = "SELECT COUNT(*) FROM interests WHERE profile_id = $1 AND state = 'submitted'";
    Ok(on_db!(&mut conn, |db| sqlx::query_scalar(SQL).bind(id.0).fetch_one(&mut **db).await)?)
}

/// Every published profile (the matching engine's collection), by id.
pub async fn published(conn: Conn<'_>) -> StoreResult<Vec<Profile>> {
    select(conn, "WHERE p.state = 'published'", Vec::new(), "ORDER BY p.id").await
}

/// Every profile in `state` (the review queue: submitted ones), oldest change first.
pub async fn in_state(conn: Conn<'_>, state: ProfileState) -> StoreResult<Vec<Profile>> {
    select(conn, "WHERE p.state = $1", vec![Param::Text(state.key().into())], "ORDER BY p.updated_at, p.id LIMIT 500").await
}

/// Profiles the scheduled job may have to act on at `now`: published ones within the notice
/// period or past expiry, and published or expired ones two years after publication.
pub async fn due_for_job(conn: Conn<'_>, notice_from: DateTime<Utc>, archive_before: DateTime<Utc>) -> StoreResult<Vec<Profile>> {
    select(
        conn,
        "WHERE (p.state = 'published' AND p.expires_at <= $1) OR (p.state IN ('published', 'expired') AND p.published_at <= $2)",
        vec![Param::Time(notice_from), Param::Time(archive_before)],
        "ORDER BY p.expires_at, p.id LIMIT 1000",
    )
    .await
}

async fn select(mut conn: Conn<'_>, filter: &str, params: Vec<Param>, tail: &str) -> StoreResult<Vec<Profile>> {
    let sql = format!("SELECT {COLUMNS} FROM profiles p {filter} {tail}");
    let rows: Vec<ProfileRow> = on_db!(&mut conn, |db| {
        bind_params!(sqlx::query_as(&sql), &params).fetch_all(&mut **db).await
    })?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let tags = tags_of(&mut conn, &ids).await?;
    Ok(rows.into_iter().map(|r| r.into_profile(&tags)).collect())
}

async fn tags_of(conn: &mut Conn<'_>, ids: &[Uuid]) -> StoreResult<Tags> {
    let mut tags = Tags::new();
    // Chunked so no query exceeds the backends' parameter limits.
    for chunk in ids.chunks(500) {
        let mut params = Vec::new();
        let list = placeholders(&mut params, chunk.iter().map(|id| Param::Id(*id)));
        let sql = format!("SELECT profile_id, kind, code FROM profile_tags WHERE profile_id IN ({list}) ORDER BY profile_id, kind, position");
        let rows: Vec<(Uuid, String, String)> = on_db!(conn, |db| {
            bind_params!(sqlx::query_as(&sql), &params).fetch_all(&mut **db).await
        })?;
        for (id, kind, code) in rows {
            tags.entry((id, kind)).or_default().push(code);
        }
    }
    Ok(tags)
}

/// A bound parameter of a query assembled from a filter.
#[derive(Debug, Clone)]
enum Param {
    Text(String),
    Id(Uuid),
    Time(DateTime<Utc>),
}

/// Appends `values` to `params` and returns their placeholders, comma-separated.
fn placeholders(params: &mut Vec<Param>, values: impl Iterator<Item = Param>) -> String {
    let mut list = Vec::new();
    for value in values {
        params.push(value);
        list.push(format!("${}", params.len()));
    }
    list.join(", ")
}

/// What the marketplace is asked for; only published profiles are ever searched. Terms are
/// already normalised like `search_text`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileFilter {
    /// Words that must all occur.
    pub terms: Vec<String>,
    /// Profile type.
    pub profile_type: Option<ProfileType>,
    /// The owner's city.
    pub city: Option<CityId>,
    /// The owner's country (ISO code).
    pub country: Option<String>,
    /// Language of the texts.
    pub language: Option<ProfileLanguage>,
    /// Required tags: (kind, code) pairs, e.g. (`market`, `571010`), (`nace_division`, `62`).
    pub tags: Vec<(String, String)>,
    /// Only profiles published after this moment (alerts).
    pub published_after: Option<DateTime<Utc>>,
}

/// Most search words used.
pub const MAX_SEARCH_TERMS: usize = 8;

impl ProfileFilter {
    fn where_clause(&self, params: &mut Vec<Param>) -> String {
        let mut clauses = vec!["p.state = 'published'".to_owned()];
        let bind = |params: &mut Vec<Param>, p: Param| {
            params.push(p);
            format!("${}", params.len())
        };
        for term in self.terms.iter().filter(|t| !t.is_empty()).take(MAX_SEARCH_TERMS) {
            let n = bind(params, Param::Text(format!("%{}%", crate::like_escape(term))));
            clauses.push(format!("p.search_text LIKE {n} ESCAPE '\\'"));
        }
        if let Some(t) = self.profile_type {
            clauses.push(format!("p.profile_type = {}", bind(params, Param::Text(t.key().into()))));
        }
        if let Some(city) = self.city {
            clauses.push(format!("o.city_id = {}", bind(params, Param::Id(city.0))));
        }
        if let Some(country) = &self.country {
            clauses.push(format!("c.country = {}", bind(params, Param::Text(country.clone()))));
        }
        if let Some(language) = self.language {
            clauses.push(format!("p.language = {}", bind(params, Param::Text(language.key().into()))));
        }
        for (kind, code) in &self.tags {
            let (k, v) = (bind(params, Param::Text(kind.clone())), bind(params, Param::Text(code.clone())));
            clauses.push(format!("EXISTS (SELECT 1 FROM profile_tags t WHERE t.profile_id = p.id AND t.kind = {k} AND t.code = {v})"));
        }
        if let Some(after) = self.published_after {
            clauses.push(format!("p.published_at > {}", bind(params, Param::Time(after))));
        }
        format!(
            "JOIN organisations o ON o.id = p.owner_org_id JOIN cities c ON c.id = o.city_id WHERE {}",
            clauses.join(" AND ")
        )
    }
}

/// One page of published profiles matching `filter`, newest publication first.
pub async fn search(conn: Conn<'_>, filter: &ProfileFilter, limit: i64, offset: i64) -> StoreResult<Vec<Profile>> {
    let mut params = Vec::new();
    let clause = filter.where_clause(&mut params);
    let tail = format!("ORDER BY p.published_at DESC, p.id DESC LIMIT {} OFFSET {}", limit.clamp(0, 1000), offset.max(0));
    select(conn, &clause, params, &tail).await
}

/// Counts per value of each marketplace facet, with every filter applied, and the total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileFacets {
    /// Matching profiles.
    pub total: i64,
    /// Per profile type key.
    pub types: Vec<(String, i64)>,
    /// Per owner city.
    pub cities: Vec<(Uuid, i64)>,
    /// Per owner country.
    pub countries: Vec<(String, i64)>,
    /// Per language key.
    pub languages: Vec<(String, i64)>,
    /// Per (tag kind, code).
    pub tags: Vec<(String, String, i64)>,
}

/// The facet counts for `filter`: one query for the profile-level facets, one for the tags.
pub async fn facets(mut conn: Conn<'_>, filter: &ProfileFilter) -> StoreResult<ProfileFacets> {
    let mut params = Vec::new();
    let clause = filter.where_clause(&mut params);
    let cells_sql = format!(
        "SELECT p.profile_type, o.city_id, c.country, p.language, COUNT(*) FROM profiles p {clause} \
         GROUP BY p.profile_type, o.city_id, c.country, p.language"
    );
    let tags_sql = format!(
        "SELECT g.kind, g.code, COUNT(*) FROM profiles p JOIN profile_tags g ON g.profile_id = p.id {clause} \
         AND g.kind <> 'nace' GROUP BY g.kind, g.code"
    );
    let cells: Vec<(String, Uuid, String, String, i64)> = on_db!(&mut conn, |db| {
        bind_params!(sqlx::query_as(&cells_sql), &params).fetch_all(&mut **db).await
    })?;
    let tags: Vec<(String, String, i64)> = on_db!(&mut conn, |db| {
        bind_params!(sqlx::query_as(&tags_sql), &params).fetch_all(&mut **db).await
    })?;
    let mut facets = ProfileFacets { tags, ..ProfileFacets::default() };
    for (profile_type, city, country, language, n) in cells {
        facets.total += n;
        add_to(&mut facets.types, profile_type, n);
        add_to(&mut facets.cities, city, n);
        add_to(&mut facets.countries, country, n);
        add_to(&mut facets.languages, language, n);
    }
    Ok(facets)
}

fn add_to<K: PartialEq>(counts: &mut Vec<(K, i64)>, key: K, n: i64) {
    match counts.iter_mut().find(|(k, _)| *k == key) {
        Some(entry) => entry.1 += n,
        None => counts.push((key, n)),
    }
}
