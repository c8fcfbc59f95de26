//! Writing a profile and taking it through its lifecycle: draft → submitted → reviewed
//! (approved, or returned with comments) → published → extended once → withdrawn
//! (DOMAIN.md, "Partnering profiles"; the rules themselves are in `tandem_rules`).
//! Every transition is authorised here, applied with an optimistic version check, and recorded
//! with who did it and when.

use super::{notify, people_of, Recipient};
use crate::mail::profile_messages as messages;
use crate::text::fold;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use tandem_core::account::OrgRole;
use tandem_core::directory::{City, OrgKind, Organisation};
use tandem_core::partnering::quality::{self, OwnerFacts, QualityProblem};
use tandem_core::partnering::{
    Action, Lifecycle, Profile, ProfileContent, ProfileDraft, ProfileEvent, ProfileState, SizeBand, TransitionError,
};
use tandem_core::policy::{self, Actor};
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, ProfileId, UserId};
use tandem_store::{cities, interests, organisations, profiles, Conn};

/// Who a profile speaks for, as the actor may see it (DOMAIN.md, "Anonymity": the public sees
/// country, city, organisation type and size, never the owner's identity).
#[derive(Debug, Clone)]
pub struct OwnerView {
    /// The owner's id, name and website; `None` while the actor may not know who it is.
    pub identity: Option<(OrgId, String, Option<String>)>,
    /// City.
    pub city: City,
    /// Kind of organisation.
    pub kind: OrgKind,
    /// Size band.
    pub size: SizeBand,
}

/// A profile with what the actor may see and do.
#[derive(Debug, Clone)]
pub struct ProfileView {
    /// The profile.
    pub profile: Profile,
    /// Its owner, anonymised where needed.
    pub owner: OwnerView,
    /// The managing support organisation (id, name), if any.
    pub support: Option<(OrgId, String)>,
    /// The actor writes for this profile (owner side or its support organisation).
    pub is_author: bool,
    /// The actor may review it now.
    pub can_review: bool,
    /// The actor brokers for it (decides interest, confirms agreements).
    pub is_broker: bool,
    /// The lifecycle timeline (authors and brokers only).
    pub events: Vec<ProfileEvent>,
    /// What must be fixed before submission (authors, while editable).
    pub problems: Vec<QualityProblem>,
}

impl ProfileView {
    /// The profile may be edited now (by an author).
    pub fn can_edit(&self) -> bool {
        self.is_author && is_editable(self.profile.lifecycle.state)
    }

    /// `action` is possible now for this actor.
    pub fn can(&self, action: Action, now: DateTime<Utc>) -> bool {
        let allowed = match action {
            Action::Approve | Action::Return => self.can_review,
            Action::Submit | Action::Withdraw | Action::Extend { .. } => self.is_author,
            Action::Expire | Action::Archive => false,
        };
        allowed && self.profile.lifecycle.apply(action, now).is_ok()
    }
}

/// Drafts and returned profiles are edited; the rest change only through transitions.
fn is_editable(state: ProfileState) -> bool {
    matches!(state, ProfileState::Draft | ProfileState::Returned)
}

/// Loads a profile for `actor`. Published profiles are public (anonymised); the others are seen
/// only by their authors, and submitted ones also by reviewers. Anyone else gets `NotFound`.
pub async fn view(app: &App, actor: &Actor, id: ProfileId) -> AppResult<ProfileView> {
    let mut conn = app.db().acquire().await?;
    let profile = profiles::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    let is_author = policy::profile_author(actor, profile.owner_org_id, profile.support_org_id).is_ok();
    let is_reviewer = policy::profile_reviewer(actor).is_ok();
    let state = profile.lifecycle.state;
    let visible = state == ProfileState::Published || is_author || (is_reviewer && state == ProfileState::Submitted);
    if !visible {
        return Err(AppError::NotFound);
    }
    let owner_org = organisations::get(conn.conn(), profile.owner_org_id).await?.ok_or(AppError::NotFound)?;
    let introduced = interests::introduced_orgs(conn.conn(), id).await?;
    let owner = owner_view(conn.conn(), actor, &owner_org, &introduced).await?;
    let support = match profile.support_org_id {
        Some(org) => organisations::get(conn.conn(), org).await?.map(|o| (o.id, o.name)),
        None => None,
    };
    let is_broker = policy::profile_broker(actor, profile.support_org_id).is_ok();
    let events = if is_author || is_broker { profiles::events(conn.conn(), id).await? } else { Vec::new() };
    let problems = if is_author && is_editable(state) {
        quality::check(&profile.content, &owner_facts(&owner_org), Utc::now().date_naive())
    } else {
        Vec::new()
    };
    Ok(ProfileView { can_review: is_reviewer && state == ProfileState::Submitted, profile, owner, support, is_author, is_broker, events, problems })
}

/// The owner as `actor` may see it.
pub async fn owner_view(conn: Conn<'_>, actor: &Actor, owner: &Organisation, introduced: &[OrgId]) -> AppResult<OwnerView> {
    owner_view_among(&cities::list(conn).await?, actor, owner, introduced)
}

/// The owner as `actor` may see it, with the partnership's cities already loaded (lists).
pub fn owner_view_among(cities: &[City], actor: &Actor, owner: &Organisation, introduced: &[OrgId]) -> AppResult<OwnerView> {
    let city = cities.iter().find(|c| c.id == owner.city_id).cloned().ok_or(AppError::NotFound)?;
    let identity = policy::can_see_profile_owner(actor, owner.id, introduced)
        .then(|| (owner.id, owner.name.clone(), owner.website.clone()));
    Ok(OwnerView { identity, city, kind: owner.kind, size: size_band(owner) })
}

/// The size band shown instead of the owner's name.
pub fn size_band(owner: &Organisation) -> SizeBand {
    SizeBand::of(owner.figures.staff_headcount, owner.kind == OrgKind::LargeCompany)
}

/// What the quality check needs to know about the owner.
pub fn owner_facts(owner: &Organisation) -> OwnerFacts {
    OwnerFacts { name: owner.name.clone(), website: owner.website.clone(), is_large_company: size_band(owner) == SizeBand::Large }
}

/// The organisations `actor` may write profiles for: their own non-support organisations, and —
/// for support staff — every enterprise of the partnership (they write on their clients' behalf).
pub async fn owners_for(app: &App, actor: &Actor) -> AppResult<Vec<Organisation>> {
    let user = actor.user()?;
    let mut conn = app.db().acquire().await?;
    let all = organisations::list_all(conn.conn()).await?;
    Ok(all
        .into_iter()
        .filter(|o| !o.kind.is_support_organisation())
        .filter(|o| user.is_platform_admin || actor.is_support_staff() || actor.role_in(o.id).is_some())
        .collect())
}

/// Support organisations a profile may be managed by, and the one to preselect for `actor`
/// (the first support organisation they are staff of).
pub async fn support_choices(app: &App, actor: &Actor) -> AppResult<(Vec<Organisation>, Option<OrgId>)> {
    let mut conn = app.db().acquire().await?;
    let support: Vec<Organisation> =
        organisations::list_all(conn.conn()).await?.into_iter().filter(|o| o.kind.is_support_organisation()).collect();
    let preselected = support
        .iter()
        .find(|o| matches!(actor.role_in(o.id), Some(OrgRole::OrgAdmin | OrgRole::ProgrammeManager)))
        .map(|o| o.id);
    Ok((support, preselected))
}

/// Starts a draft for `owner`, managed by `support`.
pub async fn create(app: &App, actor: &Actor, owner: OrgId, support: Option<OrgId>, draft: &ProfileDraft) -> AppResult<Profile> {
    let author = policy::profile_author(actor, owner, support)?;
    let content = draft.validate(app.keywords())?;
    let mut tx = app.db().begin().await?;
    let owner_org = organisations::get(tx.conn(), author.owner()).await?.ok_or_else(|| unknown_org("owner_org_id"))?;
    if owner_org.kind.is_support_organisation() {
        return Err(AppError::invalid("owner_org_id", "not_an_enterprise", "profiles are written for enterprises and research organisations, not for support organisations"));
    }
    check_support_org(tx.conn(), support).await?;
    check_target_cities(tx.conn(), &content).await?;
    let now = Utc::now();
    let search_text = search_text(app, &content);
    let new = profiles::NewProfile {
        id: ProfileId::new(),
        external_id: None,
        owner: author.owner(),
        support,
        content: &content,
        lifecycle: Lifecycle::draft(),
        search_text: &search_text,
        created_by: user_id(actor),
    };
    let profile = profiles::insert(tx.conn(), &new, now).await?;
    profiles::record_event(tx.conn(), profile.id, "created", ProfileState::Draft, user_id(actor), None, now).await?;
    tx.commit().await?;
    Ok(profile)
}

/// Checks that `support` names a support organisation.
pub(crate) async fn check_support_org(conn: Conn<'_>, support: Option<OrgId>) -> AppResult<()> {
    let Some(id) = support else { return Ok(()) };
    match organisations::get(conn, id).await? {
        Some(org) if org.kind.is_support_organisation() => Ok(()),
        Some(_) => Err(AppError::invalid("support_org_id", "not_a_support_organisation", "choose a support organisation (incubator, accelerator, university lab, public body, investment agency)")),
        None => Err(unknown_org("support_org_id")),
    }
}

/// Checks that every target city is a city of the partnership.
pub(crate) async fn check_target_cities(conn: Conn<'_>, content: &ProfileContent) -> AppResult<()> {
    if content.target_cities.is_empty() {
        return Ok(());
    }
    let cities = cities::list(conn).await?;
    match content.target_cities.iter().find(|id| !cities.iter().any(|c| c.id == **id)) {
        Some(id) => Err(AppError::invalid("target_cities", "unknown_city", format!("target_cities: {id} is not a city of the partnership; choose from the list"))),
        None => Ok(()),
    }
}

fn unknown_org(field: &str) -> AppError {
    AppError::invalid(field, "unknown", format!("{field}: no such organisation; choose one from the list"))
}

/// Changes a draft or returned profile if nobody changed it since `expected_version`.
pub async fn update(
    app: &App,
    actor: &Actor,
    id: ProfileId,
    expected_version: i64,
    support: Option<OrgId>,
    draft: &ProfileDraft,
) -> AppResult<Profile> {
    let content = draft.validate(app.keywords())?;
    let mut tx = app.db().begin().await?;
    let profile = profiles::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    policy::profile_author(actor, profile.owner_org_id, profile.support_org_id)?;
    if support != profile.support_org_id {
        // Handing a profile to another support organisation needs the right to write for it there too.
        policy::profile_author(actor, profile.owner_org_id, support)?;
        check_support_org(tx.conn(), support).await?;
    }
    check_target_cities(tx.conn(), &content).await?;
    if !is_editable(profile.lifecycle.state) {
        return Err(AppError::invalid("state", "not_editable", "only drafts and returned profiles can be changed; withdraw this one and start a new draft"));
    }
    let now = Utc::now();
    profiles::update_content(tx.conn(), id, expected_version, support, &content, &search_text(app, &content), now).await?;
    profiles::record_event(tx.conn(), id, "edit", profile.lifecycle.state, user_id(actor), None, now).await?;
    let updated = profiles::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(updated)
}

/// The form values of a profile, for its author's edit form.
pub async fn for_edit(app: &App, actor: &Actor, id: ProfileId) -> AppResult<Profile> {
    let mut conn = app.db().acquire().await?;
    let profile = profiles::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    policy::profile_author(actor, profile.owner_org_id, profile.support_org_id)?;
    Ok(profile)
}

/// The quality problems of a profile (empty: it may be submitted).
pub async fn quality_problems(app: &App, actor: &Actor, id: ProfileId) -> AppResult<Vec<QualityProblem>> {
    let mut conn = app.db().acquire().await?;
    let profile = profiles::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    policy::profile_author(actor, profile.owner_org_id, profile.support_org_id)?;
    let owner = organisations::get(conn.conn(), profile.owner_org_id).await?.ok_or(AppError::NotFound)?;
    Ok(quality::check(&profile.content, &owner_facts(&owner), Utc::now().date_naive()))
}

/// Sends a profile for review, if it passes the quality check; tells the support organisation.
pub async fn submit(app: &App, actor: &Actor, id: ProfileId) -> AppResult<Profile> {
    transition(app, actor, id, Action::Submit, None).await
}

/// Publishes a submitted profile for 365 days; tells its authors.
pub async fn approve(app: &App, actor: &Actor, id: ProfileId, comment: Option<&str>) -> AppResult<Profile> {
    transition(app, actor, id, Action::Approve, comment).await
}

/// Sends a submitted profile back with comments (required: the authors must learn what to fix).
pub async fn return_for_changes(app: &App, actor: &Actor, id: ProfileId, comments: &str) -> AppResult<Profile> {
    let comments = comments.trim();
    if comments.is_empty() {
        return Err(AppError::invalid("comments", "required", "say what the authors should change"));
    }
    if comments.chars().count() > 2_000 {
        return Err(AppError::invalid("comments", "too_long", "shorten the comments to at most 2000 characters"));
    }
    transition(app, actor, id, Action::Return, Some(comments)).await
}

/// Takes a profile off the marketplace (any time, by its authors).
pub async fn withdraw(app: &App, actor: &Actor, id: ProfileId) -> AppResult<Profile> {
    transition(app, actor, id, Action::Withdraw, None).await
}

/// Extends a published or expired profile once, by `days` (1–365).
pub async fn extend(app: &App, actor: &Actor, id: ProfileId, days: i64) -> AppResult<Profile> {
    transition(app, actor, id, Action::Extend { days }, None).await
}

async fn transition(app: &App, actor: &Actor, id: ProfileId, action: Action, comment: Option<&str>) -> AppResult<Profile> {
    let mut tx = app.db().begin().await?;
    let profile = profiles::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    match action {
        Action::Approve | Action::Return => drop(policy::profile_reviewer(actor)?),
        _ => drop(policy::profile_author(actor, profile.owner_org_id, profile.support_org_id)?),
    }
    let owner = organisations::get(tx.conn(), profile.owner_org_id).await?.ok_or(AppError::NotFound)?;
    let now = Utc::now();
    if action == Action::Submit {
        let problems = quality::check(&profile.content, &owner_facts(&owner), now.date_naive());
        if !problems.is_empty() {
            let mut errors = ValidationErrors::default();
            for p in &problems {
                errors.add(p.field, p.code, p.message());
            }
            return Err(AppError::Invalid(errors));
        }
    }
    let next = profile.lifecycle.apply(action, now).map_err(transition_error)?;
    // A new expiry date needs a new notice; every other step keeps the flag.
    let notice_sent = profile.expiry_notice_sent && next.expires_at == profile.lifecycle.expires_at;
    let review_comments = match action {
        Action::Return => comment,
        Action::Submit | Action::Approve => None,
        _ => profile.review_comments.as_deref(),
    };
    if !profiles::set_lifecycle(tx.conn(), id, profile.version, &next, notice_sent, review_comments, now).await? {
        return Err(AppError::Conflict);
    }
    profiles::record_event(tx.conn(), id, action_key(action), next.state, user_id(actor), comment, now).await?;
    tell_about(tx.conn(), &profile, action, comment, app.config().base_url.as_str(), now).await?;
    let updated = profiles::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(updated)
}

/// Emails the people who must act or know: reviewers when a profile is submitted, the authors
/// when it is approved or returned.
async fn tell_about(mut conn: Conn<'_>, profile: &Profile, action: Action, comment: Option<&str>, base_url: &str, now: DateTime<Utc>) -> AppResult<()> {
    let link = format!("{base_url}/profiles/{}", profile.id);
    let title = profile.content.title.as_str();
    let recipients: Vec<Recipient> = match action {
        Action::Submit => match profile.support_org_id {
            Some(support) => people_of(conn.reborrow(), support, true).await?,
            None => Vec::new(),
        },
        Action::Approve | Action::Return => authors_to_tell(conn.reborrow(), profile).await?,
        _ => Vec::new(),
    };
    notify(conn, &recipients, now, |locale, name| match action {
        Action::Submit => messages::profile_submitted(locale, name, title, &link),
        Action::Approve => messages::profile_published(locale, name, title, &link),
        _ => messages::profile_returned(locale, name, title, comment.unwrap_or_default(), &link),
    })
    .await
}

/// The owner organisation's people, and the managing organisation's staff.
pub(crate) async fn authors_to_tell(mut conn: Conn<'_>, profile: &Profile) -> AppResult<Vec<Recipient>> {
    let mut recipients = people_of(conn.reborrow(), profile.owner_org_id, false).await?;
    if let Some(support) = profile.support_org_id {
        for r in people_of(conn, support, true).await? {
            if !recipients.iter().any(|x| x.email == r.email) {
                recipients.push(r);
            }
        }
    }
    Ok(recipients)
}

/// The word recorded in the timeline for `action`.
pub fn action_key(action: Action) -> &'static str {
    match action {
        Action::Submit => "submit",
        Action::Approve => "approve",
        Action::Return => "return",
        Action::Withdraw => "withdraw",
        Action::Extend { .. } => "extend",
        Action::Expire => "expire",
        Action::Archive => "archive",
    }
}

fn transition_error(e: TransitionError) -> AppError {
    let code = match e {
        TransitionError::WrongState { .. } => "wrong_state",
        TransitionError::AlreadyExtended => "already_extended",
        TransitionError::OutsideExtensionWindow => "outside_extension_window",
        TransitionError::InvalidExtensionLength => "invalid_extension_length",
        TransitionError::NotDue => "not_due",
    };
    let field = if matches!(e, TransitionError::InvalidExtensionLength) { "days" } else { "state" };
    AppError::invalid(field, code, e.to_string())
}

pub(crate) fn user_id(actor: &Actor) -> Option<UserId> {
    actor.user().ok().map(|u| u.id)
}

/// The normalised text searched in the marketplace: every text field and the labels of every
/// keyword and NACE code in both languages, so an English query finds a German profile's sector.
pub fn search_text(app: &App, c: &ProfileContent) -> String {
    let mut parts: Vec<String> = c.texts().into_iter().map(|(_, t)| t.to_owned()).collect();
    let k = app.keywords();
    for (taxonomy, codes) in [(&k.markets, &c.keywords_market), (&k.technologies, &c.keywords_technology)] {
        for entry in codes.iter().filter_map(|code| taxonomy.get(code)) {
            parts.push(entry.label_en.clone());
            parts.push(entry.label_de.clone());
        }
    }
    for entry in c.nace_codes.iter().filter_map(|code| app.nace().get(code)) {
        parts.push(entry.label_en.clone());
        parts.push(entry.label_de.clone());
    }
    fold(&parts.join(" "))
}

/// A line of a "my profiles" or pipeline list.
#[derive(Debug, Clone)]
pub struct ProfileLine {
    /// The profile.
    pub profile: Profile,
    /// The owner's name (lists are shown only to people who may see it).
    pub owner_name: String,
    /// Open expressions of interest.
    pub open_interests: i64,
}

/// The profiles of the organisations the actor belongs to.
pub async fn mine(app: &App, actor: &Actor) -> AppResult<Vec<ProfileLine>> {
    let user = actor.user()?;
    let mut conn = app.db().acquire().await?;
    let mut lines = Vec::new();
    for m in user.memberships.iter().filter(|m| !m.org_kind.is_support_organisation()) {
        for profile in profiles::for_owner(conn.conn(), m.org_id).await? {
            let open_interests = profiles::open_interest_count(conn.conn(), profile.id).await?;
            lines.push(ProfileLine { profile, owner_name: m.org_name.clone(), open_interests });
        }
    }
    Ok(lines)
}

/// The name of organisation `id`, looked up once per list.
async fn owner_name(conn: Conn<'_>, names: &mut HashMap<OrgId, String>, id: OrgId) -> AppResult<String> {
    if let Some(name) = names.get(&id) {
        return Ok(name.clone());
    }
    let name = organisations::get(conn, id).await?.map(|o| o.name).unwrap_or_default();
    names.insert(id, name.clone());
    Ok(name)
}

/// The support staff's pipeline: profiles waiting for review (any support organisation may
/// review), and the profiles their organisations manage, by state.
#[derive(Debug, Clone, Default)]
pub struct Pipeline {
    /// Submitted profiles, oldest change last.
    pub to_review: Vec<ProfileLine>,
    /// Profiles the actor's support organisations manage (and unassigned ones), not archived.
    pub managed: Vec<ProfileLine>,
}

/// The pipeline of the actor's support organisations.
pub async fn pipeline(app: &App, actor: &Actor) -> AppResult<Pipeline> {
    policy::profile_reviewer(actor)?;
    let user = actor.user()?;
    let orgs: Vec<OrgId> = user
        .memberships
        .iter()
        .filter(|m| m.org_kind.is_support_organisation() && matches!(m.role, OrgRole::OrgAdmin | OrgRole::ProgrammeManager))
        .map(|m| m.org_id)
        .collect();
    let mut conn = app.db().acquire().await?;
    // Only the owners on the lists are named: one lookup each, not the whole directory.
    let mut names: HashMap<OrgId, String> = HashMap::new();
    let mut to_review = Vec::new();
    for p in profiles::in_state(conn.conn(), ProfileState::Submitted).await? {
        let owner_name = owner_name(conn.conn(), &mut names, p.owner_org_id).await?;
        to_review.push(ProfileLine { owner_name, open_interests: 0, profile: p });
    }
    let not_archived: Vec<ProfileState> = ProfileState::ALL.into_iter().filter(|s| *s != ProfileState::Archived).collect();
    let mut managed = Vec::new();
    for p in profiles::for_support(conn.conn(), &orgs, true, &not_archived).await? {
        let open_interests = profiles::open_interest_count(conn.conn(), p.id).await?;
        let owner_name = owner_name(conn.conn(), &mut names, p.owner_org_id).await?;
        managed.push(ProfileLine { owner_name, open_interests, profile: p });
    }
    Ok(Pipeline { to_review, managed })
}
