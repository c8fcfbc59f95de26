//! Expressions of interest and brokered introductions (DOMAIN.md, "Partnering profiles":
//! "Interest is expressed through the support organisations, which introduce the parties";
//! issue 3, item 5).
//!
//! An organisation — or support staff on its behalf — answers the standard questions about a
//! published profile; the profile's support organisation is emailed and either introduces the
//! parties (only then are names and contact details exchanged, by email to both sides) or
//! declines with a reason (the interested side learns the reason, never the owner's identity).
//! Deciding is a conditional update from `submitted`: of two brokers deciding at once, one wins
//! and the other gets `Conflict`.

use super::{notify, people_of};
use crate::mail::messages::{self, ContactLine, PartyCard};
use crate::{App, AppError, AppResult};
use chrono::{DateTime, SubsecRound, Utc};
use std::collections::hash_map::{Entry, HashMap};
use tandem_core::account::OrgRole;
use tandem_core::partnering::interest::{validate_decline_reason, Interest, InterestAnswers, InterestState};
use tandem_core::partnering::ProfileType;
use tandem_core::policy::{self, Actor, Denied};
use tandem_core::{InterestId, OrgId, ProfileId, UserId};
use tandem_store::interests::{self, InterestListing, ListingFilter, ProfileRef};
use tandem_store::{cities, memberships, organisations, people, Conn};

/// An expression of interest as a page shows it, to either side or to the brokers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestView {
    /// The interest: answers, state, decline reason, and the timeline (`created_at`, `decided_at`).
    pub interest: Interest,
    /// The profile's id.
    pub profile_id: ProfileId,
    /// The profile's title (anonymous by the quality check).
    pub profile_title: String,
    /// The profile's type.
    pub profile_type: Option<ProfileType>,
    /// The interested organisation.
    pub from_org_id: OrgId,
    /// Its name.
    pub from_org_name: String,
    /// Its city.
    pub from_city: String,
    /// The profile owner's name, only where the actor may know it (`can_see_profile_owner`).
    pub owner_name: Option<String>,
    /// The owner's city (public).
    pub owner_city: String,
}

/// One step of an interest's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineStep {
    /// The state entered.
    pub state: InterestState,
    /// When.
    pub at: DateTime<Utc>,
}

impl InterestView {
    /// When it was sent, and when (and how) it was decided, for both sides' timelines.
    pub fn timeline(&self) -> Vec<TimelineStep> {
        let mut steps = vec![TimelineStep { state: InterestState::Submitted, at: self.interest.created_at }];
        if let Some(at) = self.interest.decided_at {
            steps.push(TimelineStep { state: self.interest.state, at });
        }
        steps
    }
}

fn now() -> DateTime<Utc> {
    // PostgreSQL keeps microseconds: rounding makes returned records equal later reads.
    Utc::now().trunc_subsecs(6)
}

fn user_id(actor: &Actor) -> Option<UserId> {
    actor.user().ok().map(|u| u.id)
}

fn link(app: &App, path: &str) -> String {
    format!("{}{path}", app.config().base_url.trim_end_matches('/'))
}

/// Sends the standard answers about `profile_id` on behalf of `from_org`. The profile must be
/// published and owned by another organisation, and `from_org` may have only one open interest in
/// it. The staff of the profile's support organisation are emailed (an unassigned profile's
/// interests wait in every support organisation's pipeline instead).
pub async fn express(
    app: &App,
    actor: &Actor,
    profile_id: ProfileId,
    from_org: OrgId,
    answers: &InterestAnswers,
) -> AppResult<Interest> {
    let sender = policy::interest_sender(actor, from_org)?;
    let answers = answers.validate()?;
    let now = now();
    let mut tx = app.db().begin().await?;
    let profile = interests::profile_ref(tx.conn(), profile_id).await?.ok_or(AppError::NotFound)?;
    if !profile.published {
        return Err(AppError::invalid(
            "profile",
            "not_published",
            "this profile is not in the marketplace (any more), so it cannot receive expressions of interest",
        ));
    }
    if profile.owner_org_id == sender.org() {
        return Err(AppError::invalid("profile", "own_profile", "an organisation cannot express interest in its own profile"));
    }
    let from = organisations::get(tx.conn(), sender.org()).await?.ok_or(AppError::NotFound)?;
    let interest = Interest {
        id: InterestId::new(),
        profile_id,
        from_org_id: sender.org(),
        answers,
        state: InterestState::Submitted,
        decline_reason: None,
        created_by: user_id(actor),
        decided_by: None,
        created_at: now,
        decided_at: None,
    };
    if !interests::insert_if_none_open(tx.conn(), &interest).await? {
        return Err(AppError::invalid(
            "profile",
            "interest_open",
            "your organisation's expression of interest in this profile is still waiting for an answer",
        ));
    }
    if let Some(support) = profile.support_org_id {
        let staff = people_of(tx.conn(), support, true).await?;
        let link = link(app, "/interests");
        notify(tx.conn(), &staff, now, |locale, name| {
            messages::interest_received(locale, name, &profile.title, &from.name, &link)
        })
        .await?;
    }
    tx.commit().await?;
    Ok(interest)
}

/// Loads an interest and its profile, or `NotFound`.
async fn load(mut conn: Conn<'_>, id: InterestId) -> AppResult<(Interest, ProfileRef)> {
    let interest = interests::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let profile = interests::profile_ref(conn, interest.profile_id).await?.ok_or(AppError::NotFound)?;
    Ok((interest, profile))
}

/// The profile's support organisation accepts the interest and introduces the parties: both are
/// emailed the other's name, city, website and contacts. `Conflict` if it was decided already.
pub async fn introduce(app: &App, actor: &Actor, interest_id: InterestId) -> AppResult<Interest> {
    let now = now();
    let mut tx = app.db().begin().await?;
    let (interest, profile) = load(tx.conn(), interest_id).await?;
    policy::profile_broker(actor, profile.support_org_id)?;
    if interests::decide(tx.conn(), interest_id, InterestState::Introduced, None, user_id(actor), now).await? == 0 {
        return Err(AppError::Conflict);
    }
    let owner_card = party_card(tx.conn(), profile.owner_org_id).await?;
    let from_card = party_card(tx.conn(), interest.from_org_id).await?;
    let owner_side = people_of(tx.conn(), profile.owner_org_id, false).await?;
    notify(tx.conn(), &owner_side, now, |locale, name| messages::introduction(locale, name, &profile.title, &from_card)).await?;
    let from_side = people_of(tx.conn(), interest.from_org_id, false).await?;
    notify(tx.conn(), &from_side, now, |locale, name| messages::introduction(locale, name, &profile.title, &owner_card)).await?;
    let interest = interests::get(tx.conn(), interest_id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(interest)
}

/// Who an organisation is and how to reach it: contact people first, then its users (each
/// address once).
async fn party_card(mut conn: Conn<'_>, org: OrgId) -> AppResult<PartyCard> {
    let organisation = organisations::get(conn.reborrow(), org).await?.ok_or(AppError::NotFound)?;
    let city = cities::list(conn.reborrow())
        .await?
        .into_iter()
        .find(|c| c.id == organisation.city_id)
        .map(|c| c.name)
        .unwrap_or_default();
    let mut contacts: Vec<ContactLine> = people::by_org(conn.reborrow(), org)
        .await?
        .into_iter()
        .map(|p| ContactLine { name: p.name, role: p.job_title, email: p.email })
        .collect();
    for member in memberships::members_of(conn, org).await? {
        let known = contacts.iter().any(|c| c.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(&member.email)));
        if !known {
            contacts.push(ContactLine { name: member.display_name, role: None, email: Some(member.email) });
        }
    }
    Ok(PartyCard { name: organisation.name, city, website: organisation.website, contacts })
}

/// The profile's support organisation declines the interest with a reason (required), which is
/// emailed to the interested organisation with the profile's title only: the owner stays
/// anonymous. `Conflict` if it was decided already.
pub async fn decline(app: &App, actor: &Actor, interest_id: InterestId, reason: &str) -> AppResult<Interest> {
    actor.user()?;
    let now = now();
    let mut tx = app.db().begin().await?;
    let (interest, profile) = load(tx.conn(), interest_id).await?;
    policy::profile_broker(actor, profile.support_org_id)?;
    let reason = validate_decline_reason(reason)?;
    if interests::decide(tx.conn(), interest_id, InterestState::Declined, Some(&reason), user_id(actor), now).await? == 0 {
        return Err(AppError::Conflict);
    }
    let from_side = people_of(tx.conn(), interest.from_org_id, false).await?;
    notify(tx.conn(), &from_side, now, |locale, name| messages::interest_declined(locale, name, &profile.title, &reason)).await?;
    let interest = interests::get(tx.conn(), interest_id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(interest)
}

/// The interested side takes back an open interest. `Conflict` if it was decided already.
pub async fn withdraw(app: &App, actor: &Actor, interest_id: InterestId) -> AppResult<Interest> {
    actor.user()?;
    let now = now();
    let mut tx = app.db().begin().await?;
    let interest = interests::get(tx.conn(), interest_id).await?.ok_or(AppError::NotFound)?;
    policy::interest_sender(actor, interest.from_org_id)?;
    if interests::decide(tx.conn(), interest_id, InterestState::Withdrawn, None, user_id(actor), now).await? == 0 {
        return Err(AppError::Conflict);
    }
    let interest = interests::get(tx.conn(), interest_id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(interest)
}

/// The interests in a profile, for its authors and brokers only.
pub async fn for_profile(app: &App, actor: &Actor, profile_id: ProfileId) -> AppResult<Vec<InterestView>> {
    let mut conn = app.db().acquire().await?;
    let profile = interests::profile_ref(conn.conn(), profile_id).await?.ok_or(AppError::NotFound)?;
    if let Err(denied) = policy::profile_author(actor, profile.owner_org_id, profile.support_org_id) {
        policy::profile_broker(actor, profile.support_org_id).map_err(|_| denied)?;
    }
    let listings = interests::listings(conn.conn(), ListingFilter::Profile(profile_id)).await?;
    views(conn.conn(), actor, listings).await
}

/// The interests `org` has sent, for its own people and support staff (and platform admins).
pub async fn sent_by_org(app: &App, actor: &Actor, org: OrgId) -> AppResult<Vec<InterestView>> {
    actor.user()?;
    if !(actor.role_in(org).is_some() || actor.is_support_staff() || actor.is_platform_admin()) {
        return Err(Denied::Forbidden.into());
    }
    let mut conn = app.db().acquire().await?;
    let listings = interests::listings(conn.conn(), ListingFilter::FromOrg(org)).await?;
    views(conn.conn(), actor, listings).await
}

/// The support staff's pipeline: every interest in profiles their support organisations manage,
/// plus those in unassigned profiles (any support organisation may take them), newest first.
/// Platform admins see every interest.
pub async fn pipeline(app: &App, actor: &Actor) -> AppResult<Vec<InterestView>> {
    let user = actor.user()?;
    let mut conn = app.db().acquire().await?;
    let listings = if user.is_platform_admin {
        interests::listings(conn.conn(), ListingFilter::All).await?
    } else {
        let support_orgs: Vec<OrgId> = user
            .memberships
            .iter()
            .filter(|m| m.org_kind.is_support_organisation() && matches!(m.role, OrgRole::OrgAdmin | OrgRole::ProgrammeManager))
            .map(|m| m.org_id)
            .collect();
        if support_orgs.is_empty() {
            return Err(Denied::Forbidden.into());
        }
        let mut all = interests::for_support_org(conn.conn(), None).await?;
        for org in support_orgs {
            all.extend(interests::for_support_org(conn.conn(), Some(org)).await?);
        }
        all.sort_by_key(|l| std::cmp::Reverse((l.interest.created_at, l.interest.id)));
        all.dedup_by_key(|l| l.interest.id);
        all
    };
    views(conn.conn(), actor, listings).await
}

/// Listings as the actor may see them: the owner's name only where `can_see_profile_owner`.
async fn views(mut conn: Conn<'_>, actor: &Actor, listings: Vec<InterestListing>) -> AppResult<Vec<InterestView>> {
    let mut introduced: HashMap<ProfileId, Vec<OrgId>> = HashMap::new();
    let mut out = Vec::with_capacity(listings.len());
    for l in listings {
        let profile_id = l.interest.profile_id;
        if let Entry::Vacant(entry) = introduced.entry(profile_id) {
            entry.insert(interests::introduced_orgs(conn.reborrow(), profile_id).await?);
        }
        let orgs = introduced.get(&profile_id).map(Vec::as_slice).unwrap_or_default();
        let owner_name = policy::can_see_profile_owner(actor, l.owner_org_id, orgs).then_some(l.owner_name);
        out.push(InterestView {
            profile_id,
            from_org_id: l.interest.from_org_id,
            interest: l.interest,
            profile_title: l.profile_title,
            profile_type: l.profile_type,
            from_org_name: l.from_org_name,
            from_city: l.from_city,
            owner_name,
            owner_city: l.owner_city,
        });
    }
    Ok(out)
}
