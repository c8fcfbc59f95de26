//! The Birmingham–Leipzig demo: the real ecosystem named in public sources, its programmes,
//! demo accounts, and deterministic synthetic SMEs for scale.

use crate::auth::hash_password;
use crate::directory::organisations::{index_text, validate};
use crate::{App, AppError, AppResult};
use chrono::Utc;
use std::collections::HashMap;
use tandem_core::account::{Email, Locale, OrgRole};
use tandem_core::{OrgId, ProgrammeId, UserId};
use tandem_core::directory::{City, OrganisationDraft};
use tandem_store::{cities, memberships, organisations, programmes, users, Tx};

/// The password of every demo account (printed by `tandem demo`; the demo is for local use).
pub const DEMO_PASSWORD: &str = "tandem-demo-2026";
/// Seed of the synthetic SME generator, so every demo has the same firms.
pub const SYNTHETIC_SEED: u64 = 1992;

/// What seeding did.
#[derive(Debug, Clone)]
pub struct SeedReport {
    /// False when the database already had organisations and was left alone.
    pub seeded: bool,
    /// Organisations created (real and synthetic).
    pub organisations: usize,
    /// Programmes created.
    pub programmes: usize,
    /// Demo logins: (email, display name, what they can do).
    pub logins: Vec<(String, String, String)>,
}

/// Seeds the demo if the directory is empty; `smes` synthetic SMEs are added.
pub async fn seed(app: &App, smes: usize) -> AppResult<SeedReport> {
    let ecosystem = tandem_io::demo::ecosystem().map_err(|e| AppError::Internal(format!("demo data unreadable: {e}")))?;
    let mut tx = app.db().begin().await?;
    if organisations::count(tx.conn()).await? > 0 {
        return Ok(SeedReport { seeded: false, organisations: 0, programmes: 0, logins: logins(&ecosystem) });
    }
    let cities = cities::list(tx.conn()).await?;
    let now = Utc::now();
    let mut org_ids: HashMap<String, OrgId> = HashMap::new();
    let synthetic = tandem_io::demo::synthetic_smes(smes, SYNTHETIC_SEED);
    let all = ecosystem
        .organisations
        .iter()
        .map(|o| (&o.city, &o.draft))
        .chain(synthetic.iter().map(|s| (&s.city, &s.draft)));
    for (city, draft) in all {
        let id = insert_org(app, &mut tx, &cities, city, draft, now).await?;
        org_ids.insert(draft.name.clone(), id);
    }
    for programme in &ecosystem.programmes {
        let org = *org_ids.get(&programme.organisation).ok_or_else(|| {
            AppError::Internal(format!("demo programme '{}' names unknown organisation '{}'", programme.draft.name, programme.organisation))
        })?;
        let input = programme.draft.validate()?;
        programmes::insert(tx.conn(), ProgrammeId::new(), org, &input, now).await?;
    }
    let hash = hash_password(DEMO_PASSWORD.to_owned()).await?;
    for user in &ecosystem.users {
        let id = UserId::new();
        let email = Email::parse(&user.email)?;
        let new = users::NewUser {
            id,
            email: &email,
            display_name: &user.display_name,
            password_hash: &hash,
            email_verified: true,
            locale: Locale::from_key(&user.locale).unwrap_or_default(),
            is_platform_admin: user.platform_admin,
        };
        users::insert(tx.conn(), &new, now).await?;
        for membership in &user.memberships {
            let org = *org_ids
                .get(&membership.organisation)
                .ok_or_else(|| AppError::Internal(format!("demo user names unknown organisation '{}'", membership.organisation)))?;
            let role = OrgRole::from_key(&membership.role)
                .ok_or_else(|| AppError::Internal(format!("demo user has unknown role '{}'", membership.role)))?;
            memberships::set(tx.conn(), id, org, role, now).await?;
        }
    }
    tx.commit().await?;
    Ok(SeedReport {
        seeded: true,
        organisations: org_ids.len(),
        programmes: ecosystem.programmes.len(),
        logins: logins(&ecosystem),
    })
}

async fn insert_org(
    app: &App,
    tx: &mut Tx,
    cities: &[City],
    city: &str,
    draft: &OrganisationDraft,
    now: chrono::DateTime<Utc>,
) -> AppResult<OrgId> {
    let mut draft = draft.clone();
    draft.city_id = cities
        .iter()
        .find(|c| c.name == city)
        .map(|c| c.id.to_string())
        .ok_or_else(|| AppError::Internal(format!("demo organisation '{}' is in unknown city '{city}'", draft.name)))?;
    let input = validate(app.nace(), cities, &draft)?;
    let index = index_text(app.nace(), cities, &input);
    let org = organisations::insert(tx.conn(), OrgId::new(), &input, &index, now).await?;
    Ok(org.id)
}

fn logins(ecosystem: &tandem_io::demo::Ecosystem) -> Vec<(String, String, String)> {
    ecosystem
        .users
        .iter()
        .map(|u| {
            let mut roles: Vec<String> = u.memberships.iter().map(|m| format!("{} at {}", m.role, m.organisation)).collect();
            if u.platform_admin {
                roles.insert(0, "platform admin".into());
            }
            (u.email.clone(), u.display_name.clone(), roles.join(", "))
        })
        .collect()
}
