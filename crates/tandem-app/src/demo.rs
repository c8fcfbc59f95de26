//! The Birmingham–Leipzig demo: the real ecosystem named in public sources, its programmes,
//! demo accounts, and deterministic synthetic SMEs for scale.

use crate::auth::hash_password;
use crate::directory::organisations::{index_text, validate};
use crate::partnering::exchange;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use std::collections::HashMap;
use tandem_core::account::{Email, Locale, OrgRole};
use tandem_core::partnering::agreement::{Agreement, AgreementDraft, AgreementState};
use tandem_core::partnering::interest::{Interest, InterestAnswers, InterestState};
use tandem_core::partnering::{Lifecycle, Profile, ProfileState};
use tandem_core::{AgreementId, InterestId, OrgId, ProgrammeId, UserId};
use tandem_io::profile_exchange::{LineError, LineRecord};
use tandem_core::directory::{City, OrganisationDraft};
use tandem_store::{agreements, cities, interests, memberships, organisations, profiles, programmes, users, Tx};

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
    let mut user_ids: HashMap<String, UserId> = HashMap::new();
    for user in &ecosystem.users {
        let id = UserId::new();
        user_ids.insert(user.email.clone(), id);
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
    let partnering = seed_partnering(app, &mut tx, &user_ids, now).await?;
    // The brokerage event the project was born from (issue 5), with its registered participants.
    crate::events::demo::seed(&mut tx, &org_ids, &user_ids, &hash).await?;
    // The ERDF part-funded Innovation Engine's evidence (issue 6).
    crate::evidence::demo::seed(&mut tx, &org_ids, &user_ids).await?;
    tx.commit().await?;
    Ok(SeedReport {
        seeded: true,
        organisations: org_ids.len() + partnering.organisations,
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
            for (email, _, name, role) in PROFILE_MEMBERSHIPS {
                if *email == u.email {
                    roles.push(format!("{} at {name}", role.key()));
                }
            }
            if u.platform_admin {
                roles.insert(0, "platform admin".into());
            }
            (u.email.clone(), u.display_name.clone(), roles.join(", "))
        })
        .collect()
}

/// Demo profiles left out of the marketplace, for realism: (external id, state, review comments).
/// The rest are published.
const UNPUBLISHED_PROFILES: &[(&str, ProfileState, Option<&str>)] = &[
    ("demo-profile-02", ProfileState::Draft, None),
    ("demo-profile-17", ProfileState::Draft, None),
    ("demo-profile-11", ProfileState::Submitted, None),
    (
        "demo-profile-33",
        ProfileState::Returned,
        Some("Please describe the learners and the size of the pilot in the summary, and say which partner sizes you are looking for."),
    ),
];

/// Roles that let demo logins see "my profiles": (login, organisation external id, its name, role).
const PROFILE_MEMBERSHIPS: &[(&str, &str, &str, OrgRole)] =
    &[("chris.sme@demo.tandem.example", "demo-sme-01", "Moseley Medical Simulation Ltd", OrgRole::OrgAdmin)];

/// The day the demo's funding-call dates were written.
const CALLS_WRITTEN_ON: (i32, u32, u32) = (2026, 11, 27);

/// Moves the R&D requests' call deadlines forward by the time since they were written, so the
/// demo's calls are still open (and pass the quality check) whenever the demo is seeded.
fn keep_calls_open(records: &mut [LineRecord], today: NaiveDate) {
    let (y, m, d) = CALLS_WRITTEN_ON;
    let Some(written) = NaiveDate::from_ymd_opt(y, m, d) else { return };
    let shift = Duration::days((today - written).num_days().max(0));
    for call in records.iter_mut().filter_map(|r| r.record.rdr.as_mut()) {
        for date in [&mut call.eoi_deadline, &mut call.call_deadline].into_iter().flatten() {
            if let Ok(parsed) = NaiveDate::parse_from_str(date, "%Y-%m-%d") {
                *date = (parsed + shift).to_string();
            }
        }
    }
}

/// What the partnering part of the demo created.
struct PartneringReport {
    /// Organisations created (profile owners and interested organisations).
    organisations: usize,
}

/// Imports the demo profiles (most published, a few in other states), then adds the expressions
/// of interest and the agreements between their organisations, in the seeding transaction.
async fn seed_partnering(app: &App, tx: &mut Tx, users: &HashMap<String, UserId>, now: DateTime<Utc>) -> AppResult<PartneringReport> {
    let mut records = tandem_io::demo::profiles().map_err(|e| demo_error("profiles.jsonl", &e))?;
    keep_calls_open(&mut records, now.date_naive());
    let held_back = |r: &LineRecord| UNPUBLISHED_PROFILES.iter().any(|(id, _, _)| *id == r.record.external_id);
    let (drafts, published): (Vec<LineRecord>, Vec<LineRecord>) = records.into_iter().partition(held_back);
    // Published a month ago, so the marketplace has history; the interests came afterwards.
    let published_at = now - Duration::days(30);
    let mut errors = Vec::new();
    let first = exchange::import_in(app, tx, &published, &mut errors, true, published_at).await?;
    let second = exchange::import_in(app, tx, &drafts, &mut errors, false, published_at).await?;
    if !errors.is_empty() {
        return Err(demo_error("profiles.jsonl", &errors));
    }
    for (external_id, state, comments) in UNPUBLISHED_PROFILES {
        let profile = demo_profile(tx, external_id).await?;
        if *state == ProfileState::Draft {
            continue;
        }
        let at = now - Duration::days(3);
        let lifecycle = Lifecycle { state: *state, ..Lifecycle::draft() };
        profiles::set_lifecycle(tx.conn(), profile.id, profile.version, &lifecycle, false, *comments, at).await?;
        profiles::record_event(tx.conn(), profile.id, "submit", ProfileState::Submitted, None, None, at).await?;
        if *state == ProfileState::Returned {
            let reviewer = users.get("lena.managerin@demo.tandem.example").copied();
            profiles::record_event(tx.conn(), profile.id, "return", ProfileState::Returned, reviewer, *comments, now - Duration::days(1))
                .await?;
        }
    }
    let mut organisations = first.organisations_created + second.organisations_created;
    let partnering = tandem_io::demo::partnering().map_err(|e| AppError::Internal(format!("demo partnering.json unreadable: {e}")))?;
    let cities = cities::list(tx.conn()).await?;
    let mut interest_ids = Vec::with_capacity(partnering.interests.len());
    for (i, demo) in partnering.interests.iter().enumerate() {
        let profile = demo_profile(tx, &demo.profile).await?;
        let (from, created, _) = exchange::upsert_organisation(app, tx, &cities, i + 1, &demo.from, now)
            .await?
            .map_err(|e| demo_error("partnering.json", &e))?;
        organisations += usize::from(created);
        let state = InterestState::from_key(&demo.state)
            .ok_or_else(|| AppError::Internal(format!("demo interest has unknown state '{}'", demo.state)))?;
        let answers = InterestAnswers {
            cooperation_sought: demo.cooperation_sought.clone(),
            missing_information: demo.missing_information.clone(),
            who_we_are: demo.who_we_are.clone(),
        }
        .validate()?;
        let created_at = now - Duration::days(20 - i as i64);
        let interest = Interest {
            id: InterestId::new(),
            profile_id: profile.id,
            from_org_id: from.id,
            answers,
            state,
            decline_reason: demo.decline_reason.clone(),
            created_by: None,
            decided_by: None,
            created_at,
            decided_at: (!state.is_open()).then(|| created_at + Duration::days(4)),
        };
        interests::insert(tx.conn(), &interest).await?;
        interest_ids.push((interest.id, from.id));
    }
    for demo in &partnering.agreements {
        let profile = demo_profile(tx, &demo.profile).await?;
        let (interest, partner) = *interest_ids
            .get(demo.from_interest)
            .ok_or_else(|| AppError::Internal(format!("demo agreement names unknown interest {}", demo.from_interest)))?;
        let draft = AgreementDraft { agreement_type: demo.agreement_type.clone(), signed_on: demo.signed_on.clone(), summary: demo.summary.clone() };
        // The dates are fixed in the file; the demo may be seeded on any day.
        let input = draft.validate(NaiveDate::MAX)?;
        let state = AgreementState::from_key(&demo.state)
            .ok_or_else(|| AppError::Internal(format!("demo agreement has unknown state '{}'", demo.state)))?;
        let agreement = Agreement {
            id: AgreementId::new(),
            profile_id: profile.id,
            interest_id: Some(interest),
            owner_org_id: profile.owner_org_id,
            partner_org_id: partner,
            input,
            state,
            recorded_by: None,
            confirmed_by: None,
            created_at: now - Duration::days(5),
            confirmed_at: (state == AgreementState::Confirmed).then(|| now - Duration::days(2)),
        };
        agreements::insert(tx.conn(), &agreement).await?;
    }
    for (email, org_external_id, _, role) in PROFILE_MEMBERSHIPS {
        let (Some(user), Some(org)) = (users.get(*email), organisations::id_by_external_id(tx.conn(), org_external_id).await?) else {
            return Err(AppError::Internal(format!("demo membership of {email} names unknown user or organisation {org_external_id}")));
        };
        memberships::set(tx.conn(), *user, org, *role, now).await?;
    }
    Ok(PartneringReport { organisations })
}

async fn demo_profile(tx: &mut Tx, external_id: &str) -> AppResult<Profile> {
    profiles::get_by_external_id(tx.conn(), external_id)
        .await?
        .ok_or_else(|| AppError::Internal(format!("the demo names unknown profile '{external_id}'")))
}

fn demo_error(file: &str, errors: &[LineError]) -> AppError {
    let lines: Vec<String> = errors.iter().map(LineError::to_string).collect();
    AppError::Internal(format!("demo {file} has problems: {}", lines.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_calls_stay_open_whenever_the_demo_is_seeded() {
        let today = NaiveDate::from_ymd_opt(2029, 6, 1).expect("date");
        let mut records = tandem_io::demo::profiles().expect("demo profiles");
        keep_calls_open(&mut records, today);
        let deadlines: Vec<NaiveDate> = records
            .iter()
            .filter_map(|r| r.record.rdr.as_ref()?.eoi_deadline.as_deref())
            .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date"))
            .collect();
        assert!(!deadlines.is_empty());
        assert!(deadlines.iter().all(|d| *d > today), "{deadlines:?}");
    }
}
