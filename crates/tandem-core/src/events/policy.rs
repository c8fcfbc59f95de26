//! Who may run an event and who may act for a participant.
//!
//! An event is run by its organiser organisations: their admins and programme managers organise
//! it (set-up, approvals, scheduling, check-in, no-shows, statistics). A participant acts on their
//! own registration. Platform admins may do everything.

use crate::account::OrgRole;
use crate::policy::{Actor, Denied};
use crate::{EventId, OrgId, UserId};

/// Proof that the actor may organise event `.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventOrganiser(EventId);

impl EventOrganiser {
    /// The event this guard allows organising.
    pub fn event_id(self) -> EventId {
        self.0
    }
}

fn is_staff_of(actor: &Actor, org: OrgId) -> bool {
    matches!(actor.role_in(org), Some(OrgRole::OrgAdmin | OrgRole::ProgrammeManager))
}

fn verified(actor: &Actor) -> Result<UserId, Denied> {
    let user = actor.user()?;
    if user.email_verified || user.is_platform_admin { Ok(user.id) } else { Err(Denied::EmailNotVerified) }
}

/// May the actor create an event with `org` as its main organiser? Its admins and programme
/// managers may, and platform admins.
pub fn event_creator(actor: &Actor, org: OrgId) -> Result<UserId, Denied> {
    let user = verified(actor)?;
    if actor.is_platform_admin() || is_staff_of(actor, org) { Ok(user) } else { Err(Denied::Forbidden) }
}

/// May the actor organise `event`, run by `organisers`? Staff of any organiser organisation may.
pub fn event_organiser(actor: &Actor, event: EventId, organisers: &[OrgId]) -> Result<EventOrganiser, Denied> {
    verified(actor)?;
    if actor.is_platform_admin() || organisers.iter().any(|org| is_staff_of(actor, *org)) {
        Ok(EventOrganiser(event))
    } else {
        Err(Denied::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Membership;
    use crate::directory::OrgKind;
    use crate::policy::UserActor;

    fn user(role: OrgRole, org: OrgId) -> Actor {
        Actor::User(UserActor {
            id: UserId::new(),
            email_verified: true,
            is_platform_admin: false,
            memberships: vec![Membership { org_id: org, org_name: "Org".into(), org_kind: OrgKind::Incubator, role }],
        })
    }

    #[test]
    fn staff_of_a_supporting_organiser_may_organise() {
        let (main, supporting, event) = (OrgId::new(), OrgId::new(), EventId::new());
        let actor = user(OrgRole::ProgrammeManager, supporting);
        assert!(event_organiser(&actor, event, &[main, supporting]).is_ok());
    }

    #[test]
    fn a_plain_member_of_an_organiser_may_not_organise() {
        let (main, event) = (OrgId::new(), EventId::new());
        assert_eq!(event_organiser(&user(OrgRole::Member, main), event, &[main]), Err(Denied::Forbidden));
        assert_eq!(event_organiser(&Actor::Anonymous, event, &[main]), Err(Denied::LoginRequired));
    }
}
