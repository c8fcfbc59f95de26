//! Who may see and change what. Every use case asks these predicates; handlers never decide.
//!
//! Rules (issue "Foundation", item 4):
//! - a user changes only what their organisations own (organisation admins edit the organisation;
//!   admins and programme managers edit its programmes);
//! - confidential figures are visible only to the organisation itself and to staff of support
//!   organisations;
//! - platform admins may do everything.
//!
//! Mutating use cases take a guard (`OrgEditor`, `ProgrammeEditor`) that only these functions
//! construct, so a use case cannot be called without the check having passed.

use crate::account::{Membership, OrgRole};
use crate::directory::{Programme, ProgrammeStatus};
use crate::{OrgId, UserId};

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// Not logged in.
    Anonymous,
    /// A logged-in user (by session or API token).
    User(UserActor),
}

/// A logged-in user with the roles that matter for decisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserActor {
    /// The user.
    pub id: UserId,
    /// Has confirmed their email address.
    pub email_verified: bool,
    /// Platform admin.
    pub is_platform_admin: bool,
    /// Roles in organisations.
    pub memberships: Vec<Membership>,
}

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// Logging in would help.
    #[error("log in to do this")]
    LoginRequired,
    /// The email address must be verified first.
    #[error("confirm your email address first (see the link we sent you)")]
    EmailNotVerified,
    /// Logged in, but not allowed.
    #[error("you do not have permission to do this")]
    Forbidden,
}

impl Actor {
    /// The logged-in user, or `LoginRequired`.
    pub fn user(&self) -> Result<&UserActor, Denied> {
        match self {
            Actor::User(u) => Ok(u),
            Actor::Anonymous => Err(Denied::LoginRequired),
        }
    }

    /// The role the actor holds in `org`, if any.
    pub fn role_in(&self, org: OrgId) -> Option<OrgRole> {
        match self {
            Actor::User(u) => u.memberships.iter().find(|m| m.org_id == org).map(|m| m.role),
            Actor::Anonymous => None,
        }
    }

    /// A platform admin.
    pub fn is_platform_admin(&self) -> bool {
        matches!(self, Actor::User(u) if u.is_platform_admin)
    }

    /// Staff (admin or programme manager) of any support organisation.
    pub fn is_support_staff(&self) -> bool {
        match self {
            Actor::User(u) => u
                .memberships
                .iter()
                .any(|m| m.org_kind.is_support_organisation() && matches!(m.role, OrgRole::OrgAdmin | OrgRole::ProgrammeManager)),
            Actor::Anonymous => false,
        }
    }
}

/// Proof that the actor may edit organisation `.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgEditor(OrgId);

impl OrgEditor {
    /// The organisation this guard allows editing.
    pub fn org_id(self) -> OrgId {
        self.0
    }
}

/// Proof that the actor may create and edit programmes of organisation `.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgrammeEditor(OrgId);

impl ProgrammeEditor {
    /// The organisation whose programmes this guard allows editing.
    pub fn org_id(self) -> OrgId {
        self.0
    }
}

/// Proof that the actor is a verified user and may create organisations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgCreator(UserId);

impl OrgCreator {
    /// The user who will become the new organisation's admin.
    pub fn user_id(self) -> UserId {
        self.0
    }
}

/// A platform admin's proof.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlatformAdmin(UserId);

impl PlatformAdmin {
    /// Used only by trusted operator tools (the CLI), which act with the machine's authority.
    pub fn operator() -> Self {
        PlatformAdmin(UserId(uuid::Uuid::nil()))
    }
}

/// May the actor change organisation `org`'s record? Its admins and platform admins may.
pub fn org_editor(actor: &Actor, org: OrgId) -> Result<OrgEditor, Denied> {
    let user = verified_user(actor)?;
    if user.is_platform_admin || actor.role_in(org) == Some(OrgRole::OrgAdmin) {
        Ok(OrgEditor(org))
    } else {
        Err(Denied::Forbidden)
    }
}

/// May the actor create and change `org`'s programmes? Its admins and programme managers may.
pub fn programme_editor(actor: &Actor, org: OrgId) -> Result<ProgrammeEditor, Denied> {
    let user = verified_user(actor)?;
    if user.is_platform_admin || matches!(actor.role_in(org), Some(OrgRole::OrgAdmin | OrgRole::ProgrammeManager)) {
        Ok(ProgrammeEditor(org))
    } else {
        Err(Denied::Forbidden)
    }
}

/// Proof that the actor may set up and change funded project `.0`'s settings and targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProjectManager(OrgId);

/// May the actor manage a funded project led by `lead`? The lead organisation's admins and
/// programme managers, and platform admins.
pub fn project_manager(actor: &Actor, lead: OrgId) -> Result<ProjectManager, Denied> {
    let user = verified_user(actor)?;
    if user.is_platform_admin || matches!(actor.role_in(lead), Some(OrgRole::OrgAdmin | OrgRole::ProgrammeManager)) {
        Ok(ProjectManager(lead))
    } else {
        Err(Denied::Forbidden)
    }
}

/// Proof that the actor may record support given by organisation `.0` in a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SupportRecorder(OrgId);

impl SupportRecorder {
    /// The organisation whose support the actor records.
    pub fn support_org(self) -> OrgId {
        self.0
    }
}

/// May the actor record support given by `support_org` in a project delivered by `delivery`
/// (its lead first, then its partners)? Staff (admins, programme managers) of that delivery
/// organisation, the lead's staff for any of them, and platform admins.
pub fn support_recorder(actor: &Actor, delivery: &[OrgId], support_org: OrgId) -> Result<SupportRecorder, Denied> {
    let user = verified_user(actor)?;
    if !delivery.contains(&support_org) {
        return Err(Denied::Forbidden);
    }
    let staff = |org: OrgId| matches!(actor.role_in(org), Some(OrgRole::OrgAdmin | OrgRole::ProgrammeManager));
    if user.is_platform_admin || staff(support_org) || delivery.first().is_some_and(|lead| staff(*lead)) {
        Ok(SupportRecorder(support_org))
    } else {
        Err(Denied::Forbidden)
    }
}

/// May the actor register a new organisation? Any user with a verified address may.
pub fn org_creator(actor: &Actor) -> Result<OrgCreator, Denied> {
    verified_user(actor).map(|u| OrgCreator(u.id))
}

/// Platform-wide administration.
pub fn platform_admin(actor: &Actor) -> Result<PlatformAdmin, Denied> {
    let user = actor.user()?;
    if user.is_platform_admin { Ok(PlatformAdmin(user.id)) } else { Err(Denied::Forbidden) }
}

/// May the actor see `org`'s confidential figures (headcount, turnover, balance sheet) and its
/// contact people? The organisation's own users, support-organisation staff and platform admins.
pub fn can_see_confidential(actor: &Actor, org: OrgId) -> bool {
    actor.is_platform_admin() || actor.role_in(org).is_some() || actor.is_support_staff()
}

/// May the actor see `programme`? Everyone, except drafts: only those who may edit them.
pub fn can_see_programme(actor: &Actor, programme: &Programme) -> bool {
    programme.status != ProgrammeStatus::Draft || programme_editor(actor, programme.org_id).is_ok()
}

/// Proof that the actor may write and manage a partnering profile of `.0` (the owner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileAuthor(OrgId);

impl ProfileAuthor {
    /// The organisation the profile speaks for.
    pub fn owner(self) -> OrgId {
        self.0
    }
}

/// Proof that the actor may review submitted profiles (approve, or return with comments).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileReviewer(UserId);

/// Proof that the actor brokers for a profile's support organisation: introduces or declines
/// expressions of interest and confirms agreements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileBroker(UserId);

/// Proof that the actor may express interest (and record agreements) for organisation `.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterestSender(OrgId);

impl InterestSender {
    /// The interested organisation.
    pub fn org(self) -> OrgId {
        self.0
    }
}

/// May the actor write, submit, withdraw and extend profiles for `owner`, managed by `support`?
/// Anyone in the owner organisation, staff of its support organisation (of any support
/// organisation while none manages it), and platform admins (DOMAIN.md: profiles are "owned by
/// an organisation and managed by its support organisation").
pub fn profile_author(actor: &Actor, owner: OrgId, support: Option<OrgId>) -> Result<ProfileAuthor, Denied> {
    let user = verified_user(actor)?;
    if user.is_platform_admin || actor.role_in(owner).is_some() || is_broker_for(actor, support) {
        Ok(ProfileAuthor(owner))
    } else {
        Err(Denied::Forbidden)
    }
}

/// May the actor review submitted profiles? Staff of any support organisation of the
/// partnership (the peer review of DOMAIN.md), and platform admins.
pub fn profile_reviewer(actor: &Actor) -> Result<ProfileReviewer, Denied> {
    let user = verified_user(actor)?;
    if user.is_platform_admin || actor.is_support_staff() { Ok(ProfileReviewer(user.id)) } else { Err(Denied::Forbidden) }
}

/// May the actor broker for a profile managed by `support`? Its staff (any support staff while
/// no organisation manages it), and platform admins.
pub fn profile_broker(actor: &Actor, support: Option<OrgId>) -> Result<ProfileBroker, Denied> {
    let user = verified_user(actor)?;
    if user.is_platform_admin || is_broker_for(actor, support) { Ok(ProfileBroker(user.id)) } else { Err(Denied::Forbidden) }
}

/// May the actor express interest on behalf of `org`? Anyone in it, support staff on its behalf,
/// and platform admins.
pub fn interest_sender(actor: &Actor, org: OrgId) -> Result<InterestSender, Denied> {
    let user = verified_user(actor)?;
    if user.is_platform_admin || actor.role_in(org).is_some() || actor.is_support_staff() {
        Ok(InterestSender(org))
    } else {
        Err(Denied::Forbidden)
    }
}

/// May the actor see who owns a profile (name, contacts)? The owner's own people, support staff
/// (they broker), platform admins, and people of organisations the owner has been introduced to
/// (`introduced`). Everyone else sees country, city, kind and size only (DOMAIN.md, "Anonymity").
pub fn can_see_profile_owner(actor: &Actor, owner: OrgId, introduced: &[OrgId]) -> bool {
    actor.is_platform_admin()
        || actor.role_in(owner).is_some()
        || actor.is_support_staff()
        || introduced.iter().any(|org| actor.role_in(*org).is_some())
}

fn is_broker_for(actor: &Actor, support: Option<OrgId>) -> bool {
    match support {
        Some(org) => matches!(actor.role_in(org), Some(OrgRole::OrgAdmin | OrgRole::ProgrammeManager)),
        None => actor.is_support_staff(),
    }
}

fn verified_user(actor: &Actor) -> Result<&UserActor, Denied> {
    let user = actor.user()?;
    if user.email_verified || user.is_platform_admin { Ok(user) } else { Err(Denied::EmailNotVerified) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::OrgKind;

    fn user_with(memberships: Vec<(OrgId, OrgKind, OrgRole)>) -> Actor {
        Actor::User(UserActor {
            id: UserId::new(),
            email_verified: true,
            is_platform_admin: false,
            memberships: memberships
                .into_iter()
                .map(|(org_id, org_kind, role)| Membership { org_id, org_name: "Org".into(), org_kind, role })
                .collect(),
        })
    }

    #[test]
    fn org_admin_edits_own_organisation_only() {
        let (own, other) = (OrgId::new(), OrgId::new());
        let actor = user_with(vec![(own, OrgKind::Sme, OrgRole::OrgAdmin)]);
        assert!(org_editor(&actor, own).is_ok());
        assert_eq!(org_editor(&actor, other), Err(Denied::Forbidden));
    }

    #[test]
    fn members_and_programme_managers_cannot_edit_the_organisation_record() {
        let org = OrgId::new();
        for role in [OrgRole::Member, OrgRole::ProgrammeManager] {
            assert_eq!(org_editor(&user_with(vec![(org, OrgKind::Incubator, role)]), org), Err(Denied::Forbidden));
        }
    }

    #[test]
    fn programme_managers_edit_their_organisations_programmes() {
        let org = OrgId::new();
        let pm = user_with(vec![(org, OrgKind::Incubator, OrgRole::ProgrammeManager)]);
        assert!(programme_editor(&pm, org).is_ok());
        assert_eq!(programme_editor(&pm, OrgId::new()), Err(Denied::Forbidden));
        let member = user_with(vec![(org, OrgKind::Incubator, OrgRole::Member)]);
        assert_eq!(programme_editor(&member, org), Err(Denied::Forbidden));
    }

    #[test]
    fn anonymous_and_unverified_users_are_told_what_to_do() {
        assert_eq!(org_creator(&Actor::Anonymous), Err(Denied::LoginRequired));
        let Actor::User(mut u) = user_with(vec![]) else { unreachable!() };
        u.email_verified = false;
        assert_eq!(org_creator(&Actor::User(u)), Err(Denied::EmailNotVerified));
    }

    #[test]
    fn confidential_figures_visible_to_own_staff_and_support_staff_only() {
        let sme = OrgId::new();
        assert!(!can_see_confidential(&Actor::Anonymous, sme));
        assert!(can_see_confidential(&user_with(vec![(sme, OrgKind::Sme, OrgRole::Member)]), sme));
        let other_sme_staff = user_with(vec![(OrgId::new(), OrgKind::Sme, OrgRole::OrgAdmin)]);
        assert!(!can_see_confidential(&other_sme_staff, sme));
        let incubator_pm = user_with(vec![(OrgId::new(), OrgKind::Incubator, OrgRole::ProgrammeManager)]);
        assert!(can_see_confidential(&incubator_pm, sme));
        let incubator_member = user_with(vec![(OrgId::new(), OrgKind::Incubator, OrgRole::Member)]);
        assert!(!can_see_confidential(&incubator_member, sme));
    }

    #[test]
    fn platform_admin_may_do_everything() {
        let admin = Actor::User(UserActor { id: UserId::new(), email_verified: true, is_platform_admin: true, memberships: vec![] });
        let org = OrgId::new();
        assert!(org_editor(&admin, org).is_ok());
        assert!(programme_editor(&admin, org).is_ok());
        assert!(can_see_confidential(&admin, org));
        assert!(platform_admin(&admin).is_ok());
    }

    #[test]
    fn profiles_are_written_by_the_owner_and_its_support_organisation() {
        let (sme, incubator, other_incubator) = (OrgId::new(), OrgId::new(), OrgId::new());
        let sme_member = user_with(vec![(sme, OrgKind::Sme, OrgRole::Member)]);
        assert!(profile_author(&sme_member, sme, Some(incubator)).is_ok());
        let manager = user_with(vec![(incubator, OrgKind::Incubator, OrgRole::ProgrammeManager)]);
        assert!(profile_author(&manager, sme, Some(incubator)).is_ok());
        assert!(profile_author(&manager, sme, None).is_ok(), "unassigned profiles are open to any support staff");
        let other = user_with(vec![(other_incubator, OrgKind::Incubator, OrgRole::OrgAdmin)]);
        assert_eq!(profile_author(&other, sme, Some(incubator)), Err(Denied::Forbidden));
        assert_eq!(profile_broker(&other, Some(incubator)), Err(Denied::Forbidden));
        assert!(profile_broker(&manager, Some(incubator)).is_ok());
        let incubator_member = user_with(vec![(incubator, OrgKind::Incubator, OrgRole::Member)]);
        assert_eq!(profile_author(&incubator_member, sme, Some(incubator)), Err(Denied::Forbidden));
        assert_eq!(profile_author(&Actor::Anonymous, sme, None), Err(Denied::LoginRequired));
    }

    #[test]
    fn reviewers_are_support_staff() {
        let sme_admin = user_with(vec![(OrgId::new(), OrgKind::Sme, OrgRole::OrgAdmin)]);
        assert_eq!(profile_reviewer(&sme_admin), Err(Denied::Forbidden));
        let pm = user_with(vec![(OrgId::new(), OrgKind::Accelerator, OrgRole::ProgrammeManager)]);
        assert!(profile_reviewer(&pm).is_ok());
    }

    #[test]
    fn the_owner_stays_anonymous_until_an_introduction() {
        let (owner, interested) = (OrgId::new(), OrgId::new());
        let other_sme = user_with(vec![(interested, OrgKind::Sme, OrgRole::OrgAdmin)]);
        assert!(!can_see_profile_owner(&Actor::Anonymous, owner, &[]));
        assert!(!can_see_profile_owner(&other_sme, owner, &[]));
        assert!(can_see_profile_owner(&other_sme, owner, &[interested]));
        assert!(can_see_profile_owner(&user_with(vec![(owner, OrgKind::Sme, OrgRole::Member)]), owner, &[]));
        assert!(can_see_profile_owner(&user_with(vec![(OrgId::new(), OrgKind::Incubator, OrgRole::ProgrammeManager)]), owner, &[]));
    }

    #[test]
    fn interest_is_sent_by_the_organisation_or_support_staff_on_its_behalf() {
        let org = OrgId::new();
        assert!(interest_sender(&user_with(vec![(org, OrgKind::Sme, OrgRole::Member)]), org).is_ok());
        assert!(interest_sender(&user_with(vec![(OrgId::new(), OrgKind::Incubator, OrgRole::OrgAdmin)]), org).is_ok());
        assert_eq!(interest_sender(&user_with(vec![(OrgId::new(), OrgKind::Sme, OrgRole::OrgAdmin)]), org), Err(Denied::Forbidden));
    }
}
