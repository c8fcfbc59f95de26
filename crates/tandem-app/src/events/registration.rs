//! Registering for an event (issue 5, item 1; DOMAIN.md, "Brokerage events": custom questions,
//! participant types, optional approval), with capacity and waiting list.
//!
//! A logged-in user registers once per event, answering the custom questions, saying how they
//! attend, for which of their organisations, which of its published partnering profiles they
//! bring and in which meeting slots they are not available; they may change this or cancel
//! later. Organisers approve or decline when the event asks for approval. Every change of state
//! is emailed, and a freed place moves the waiting list up in the same transaction.

use super::access::{event_path, link, now, organiser, organised, recipient, visible};
use super::meetings::withdrawal::withdraw_participant;
use super::{messages, waitlist};
use crate::auth::secret::new_secret;
use crate::partnering::{notify, people_of};
use crate::{App, AppError, AppResult};
use std::collections::BTreeSet;
use tandem_core::events::event::{Event, Slot};
use tandem_core::events::registration::{state_on_approve, state_on_register, Answer, Question, Registration, RegistrationDraft};
use tandem_core::events::{Attendance, EventState, OrganiserRole, RegistrationState};
use tandem_core::partnering::ProfileState;
use tandem_core::policy::{Actor, Denied};
use tandem_core::validation::ValidationErrors;
use chrono::{DateTime, Utc};
use tandem_core::{EventId, OrgId, ProfileId, RegistrationId, UserId};
use tandem_store::{bookings, events, meetings, profiles, registrations, Conn};

/// A published partnering profile a participant may bring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileChoice {
    /// The profile.
    pub id: ProfileId,
    /// Its title.
    pub title: String,
    /// Its owner (one of the user's organisations).
    pub org_id: OrgId,
}

/// A registration with everything its owner entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnRegistration {
    /// The registration.
    pub registration: Registration,
    /// Answers.
    pub answers: Vec<Answer>,
    /// Profiles brought.
    pub profiles: Vec<ProfileId>,
    /// Slots not available in.
    pub unavailable: Vec<tandem_core::SlotId>,
}

/// What the registration form needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationForm {
    /// The event.
    pub event: Event,
    /// Its questions, in order.
    pub questions: Vec<Question>,
    /// Its meeting slots, in time order.
    pub slots: Vec<Slot>,
    /// The user's organisations: (id, name).
    pub orgs: Vec<(OrgId, String)>,
    /// The published profiles of those organisations.
    pub profiles: Vec<ProfileChoice>,
    /// The user's registration, if they have one.
    pub existing: Option<OwnRegistration>,
    /// New registrations are accepted now.
    pub open: bool,
}

fn user_orgs(actor: &Actor) -> Vec<(OrgId, String)> {
    match actor {
        Actor::User(u) => u.memberships.iter().map(|m| (m.org_id, m.org_name.clone())).collect(),
        Actor::Anonymous => Vec::new(),
    }
}

async fn profile_choices(mut conn: Conn<'_>, orgs: &[(OrgId, String)]) -> AppResult<Vec<ProfileChoice>> {
    let mut out = Vec::new();
    for (org, _) in orgs {
        for p in profiles::for_owner(conn.reborrow(), *org).await? {
            if p.lifecycle.state == ProfileState::Published {
                out.push(ProfileChoice { id: p.id, title: p.content.title, org_id: *org });
            }
        }
    }
    Ok(out)
}

/// The actor's registration with its answers, profiles and unavailability.
pub(crate) async fn own(mut conn: Conn<'_>, r: Registration) -> AppResult<OwnRegistration> {
    let answers = registrations::answers(conn.reborrow(), r.id).await?;
    let profiles = registrations::profiles(conn.reborrow(), r.id).await?;
    let unavailable = registrations::unavailable_slots(conn, r.id).await?;
    Ok(OwnRegistration { registration: r, answers, profiles, unavailable })
}

/// A new registration with a fresh, unguessable check-in code and calendar token (256 random
/// bits each, the codebase's secret for links and tokens).
pub(crate) fn new_registration(
    event: EventId,
    user: UserId,
    org: Option<OrgId>,
    display_name: &str,
    attendance: Attendance,
    state: RegistrationState,
    at: DateTime<Utc>,
) -> Registration {
    Registration {
        id: RegistrationId::new(),
        event_id: event,
        user_id: user,
        org_id: org,
        display_name: display_name.to_owned(),
        attendance,
        state,
        booth_table: None,
        max_meetings: None,
        checkin_code: new_secret(),
        calendar_token: new_secret(),
        checked_in_at: None,
        checked_in_by: None,
        created_at: at,
        updated_at: at,
    }
}

/// May new registrations come in?
fn accepts_new(event: &Event) -> bool {
    event.state == EventState::Published && event.registration_open && !event.is_past(now())
}

/// The registration form for the logged-in actor (with their registration, if any).
pub async fn form(app: &App, actor: &Actor, id: EventId) -> AppResult<RegistrationForm> {
    let user = actor.user()?;
    let mut conn = app.db().acquire().await?;
    let (event, _) = visible(conn.conn(), actor, id).await?;
    let orgs = user_orgs(actor);
    let existing = match registrations::find_for_user(conn.conn(), id, user.id).await? {
        Some(r) => Some(own(conn.conn(), r).await?),
        None => None,
    };
    Ok(RegistrationForm {
        open: accepts_new(&event),
        questions: registrations::questions(conn.conn(), id).await?,
        slots: events::slots(conn.conn(), id).await?,
        profiles: profile_choices(conn.conn(), &orgs).await?,
        orgs,
        existing,
        event,
    })
}

/// Registers the actor for a published event with open registration, or changes their
/// registration (also after registration closed, until the event ends). A new registration is
/// pending when the event asks for approval, else approved while there is room and waitlisted
/// once it is full; a cancelled one may register again. The participant is emailed, and the
/// main organiser's staff when a registration waits for them.
pub async fn register(app: &App, actor: &Actor, id: EventId, draft: &RegistrationDraft) -> AppResult<Registration> {
    let user = actor.user()?;
    if !user.email_verified {
        return Err(Denied::EmailNotVerified.into());
    }
    let at = now();
    let mut tx = app.db().begin().await?;
    events::lock(tx.conn(), id).await?;
    let (event, _) = visible(tx.conn(), actor, id).await?;
    let existing = registrations::find_for_user(tx.conn(), id, user.id).await?;
    let renewing = existing.as_ref().is_none_or(|r| !r.state.is_active());
    if existing.as_ref().is_some_and(|r| r.state == RegistrationState::Declined) {
        return Err(AppError::invalid("registration", "registration_declined", "the organisers declined your registration; contact them if you think this is a mistake"));
    }
    if event.state != EventState::Published || event.is_past(at) || (renewing && !event.registration_open) {
        return Err(AppError::invalid("registration", "registration_closed", "registration for this event is closed"));
    }
    let questions = registrations::questions(tx.conn(), id).await?;
    let slots: Vec<_> = events::slots(tx.conn(), id).await?.iter().map(|s| s.id).collect();
    let (input, mut errors) = match draft.validate(&questions, &slots) {
        Ok(input) => (Some(input), ValidationErrors::default()),
        Err(errors) => (None, errors),
    };
    if let Some(org) = draft.org_id
        && actor.role_in(org).is_none()
    {
        errors.add("org_id", "not_member", "choose one of your own organisations");
    }
    let choices: BTreeSet<ProfileId> = match draft.org_id {
        Some(org) => profile_choices(tx.conn(), &[(org, String::new())]).await?.into_iter().map(|p| p.id).collect(),
        None => BTreeSet::new(),
    };
    if draft.profiles.iter().any(|p| !choices.contains(p)) {
        errors.add("profiles", "not_own_profile", "bring only published partnering profiles of the organisation you chose");
    }
    if let (Some(old), Some(input)) = (existing.as_ref().filter(|r| r.state == RegistrationState::Approved), input.as_ref()) {
        check_meetings_kept(tx.conn(), old, input.attendance, &input.unavailable, &mut errors).await?;
    }
    let input = match input {
        Some(input) if errors.is_empty() => input,
        _ => return Err(AppError::Invalid(errors)),
    };
    let state = if renewing {
        let approved = registrations::count_in_state(tx.conn(), id, RegistrationState::Approved).await?;
        Some(state_on_register(event.registration_approval, approved, event.capacity))
    } else {
        None
    };
    let registration = match existing {
        None => {
            let state = state.unwrap_or(RegistrationState::Pending);
            let r = new_registration(id, user.id, input.org_id, &input.display_name, input.attendance, state, at);
            registrations::insert(tx.conn(), &r).await?;
            r
        }
        Some(old) => {
            let mut r = Registration { org_id: input.org_id, display_name: input.display_name.clone(), attendance: input.attendance, updated_at: at, ..old };
            registrations::update_own(tx.conn(), &r).await?;
            if let Some(new_state) = state {
                if registrations::set_state(tx.conn(), r.id, r.state, new_state, at).await? == 0 {
                    return Err(AppError::Conflict);
                }
                r.state = new_state;
            }
            r
        }
    };
    registrations::replace_answers(tx.conn(), registration.id, &input.answers).await?;
    registrations::replace_profiles(tx.conn(), registration.id, &input.profiles).await?;
    registrations::replace_unavailable(tx.conn(), registration.id, &input.unavailable).await?;
    if state.is_some() {
        announce(app, tx.conn(), &event, &registration).await?;
    }
    tx.commit().await?;
    Ok(registration)
}

/// A participant's change may not pull the ground from under their meetings: a slot with one
/// of their meetings cannot become unavailable, and how they attend (which decides whether
/// their meetings sit at a table or go by video) cannot change while they have meetings.
async fn check_meetings_kept(
    mut conn: Conn<'_>,
    current: &Registration,
    attendance: Attendance,
    unavailable: &[tandem_core::SlotId],
    errors: &mut ValidationErrors,
) -> AppResult<()> {
    let busy = bookings::busy_slots(conn.reborrow(), current.id).await?;
    if unavailable.iter().any(|s| busy.contains(s)) {
        errors.add("unavailable", "slot_has_meeting", "you have a meeting in a slot you marked unavailable; cancel or move that meeting first");
    }
    if attendance != current.attendance && meetings::accepted_count(conn, current.id).await? > 0 {
        errors.add("attendance", "has_meetings", "you have meetings arranged for how you attend now; cancel them first or ask the organisers to change them");
    }
    Ok(())
}

/// Emails a new (or renewed) registration's state to the participant, and to the main
/// organisers' staff when it waits for their approval.
async fn announce(app: &App, mut conn: Conn<'_>, event: &Event, r: &Registration) -> AppResult<()> {
    let at = now();
    let page = link(app, &event_path(event.id));
    let person = recipient(conn.reborrow(), r).await?;
    notify(conn.reborrow(), &[person], at, |locale, name| messages::registration_state(locale, name, event, r.state, false, &page)).await?;
    if r.state == RegistrationState::Pending {
        let participants = link(app, &format!("/events/{}/registrations?state=pending", event.id));
        for o in events::organisers(conn.reborrow(), event.id).await?.iter().filter(|o| o.organiser.role == OrganiserRole::Main) {
            let staff = people_of(conn.reborrow(), o.organiser.org_id, true).await?;
            notify(conn.reborrow(), &staff, at, |locale, name| {
                messages::registration_to_approve(locale, name, event, &r.display_name, &participants)
            })
            .await?;
        }
    }
    Ok(())
}

/// The actor cancels their own registration; a place they held goes to the waiting list.
pub async fn cancel(app: &App, actor: &Actor, id: EventId) -> AppResult<Registration> {
    let user = actor.user()?;
    let at = now();
    let mut tx = app.db().begin().await?;
    events::lock(tx.conn(), id).await?;
    let (event, _) = visible(tx.conn(), actor, id).await?;
    let r = registrations::find_for_user(tx.conn(), id, user.id).await?.ok_or(AppError::NotFound)?;
    if !r.state.is_active() {
        return Err(AppError::invalid("registration", "not_active", "this registration is no longer active"));
    }
    if registrations::set_state(tx.conn(), r.id, r.state, RegistrationState::Cancelled, at).await? == 0 {
        return Err(AppError::Conflict);
    }
    if r.state == RegistrationState::Approved {
        withdraw_participant(tx.conn(), app, &event, &r).await?;
        waitlist::fill_places(app, tx.conn(), &event).await?;
    }
    tx.commit().await?;
    Ok(Registration { state: RegistrationState::Cancelled, updated_at: at, ..r })
}

/// An organiser approves a pending registration: approved while there is room, else it goes on
/// the waiting list. The participant is emailed.
pub async fn approve(app: &App, actor: &Actor, id: RegistrationId) -> AppResult<Registration> {
    decide(app, actor, id, true).await
}

/// An organiser declines a pending, waitlisted or approved registration; a place it held goes
/// to the waiting list. The participant is emailed.
pub async fn decline(app: &App, actor: &Actor, id: RegistrationId) -> AppResult<Registration> {
    decide(app, actor, id, false).await
}

async fn decide(app: &App, actor: &Actor, id: RegistrationId, approve: bool) -> AppResult<Registration> {
    actor.user()?;
    let at = now();
    let mut tx = app.db().begin().await?;
    let r = registrations::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    events::lock(tx.conn(), r.event_id).await?;
    let (event, _guard) = organised(tx.conn(), actor, r.event_id).await?;
    let to = if approve {
        if r.state != RegistrationState::Pending {
            return Err(AppError::invalid("registration", "not_pending", "only a registration waiting for approval can be approved"));
        }
        let approved = registrations::count_in_state(tx.conn(), r.event_id, RegistrationState::Approved).await?;
        state_on_approve(approved, event.capacity)
    } else {
        if !r.state.is_active() {
            return Err(AppError::invalid("registration", "not_active", "this registration is no longer active"));
        }
        RegistrationState::Declined
    };
    if registrations::set_state(tx.conn(), id, r.state, to, at).await? == 0 {
        return Err(AppError::Conflict);
    }
    let decided = Registration { state: to, updated_at: at, ..r.clone() };
    let page = link(app, &event_path(event.id));
    let person = recipient(tx.conn(), &decided).await?;
    notify(tx.conn(), &[person], at, |locale, name| messages::registration_state(locale, name, &event, to, false, &page)).await?;
    if r.state == RegistrationState::Approved {
        withdraw_participant(tx.conn(), app, &event, &r).await?;
        waitlist::fill_places(app, tx.conn(), &event).await?;
    }
    tx.commit().await?;
    Ok(decided)
}

/// True when the actor organises `event` (pages show organisers more).
pub async fn organises(app: &App, actor: &Actor, event: EventId) -> AppResult<bool> {
    let mut conn = app.db().acquire().await?;
    Ok(organiser(conn.conn(), actor, event).await.is_ok())
}
