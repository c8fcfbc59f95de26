//! "Agreement reached": a party records the partnership agreement the meeting led to, between
//! the two parties' organisations, from a partnering profile either brought to the event (the
//! meeting's own profile first). It goes through the agreements use case (same checks, same
//! confirmation by the profile's support organisation) and is linked to the survey answers of
//! both parties in the same transaction, so the meeting's agreement is recorded once: a party
//! whose partner recorded it already gets theirs linked instead.

use super::{party_meeting, PartyMeeting};
use crate::events::access::now;
use crate::partnering::agreements::record_in;
use crate::{App, AppError, AppResult};
use tandem_core::events::followup::{check_surveyable, FollowUpRefusal};
use tandem_core::events::meeting::Meeting;
use tandem_core::events::registration::Registration;
use tandem_core::events::FollowUpOutcome;
use tandem_core::partnering::agreement::{Agreement, AgreementDraft};
use tandem_core::policy::Actor;
use tandem_core::{AgreementId, MeetingId, ProfileId};
use tandem_store::interests::{self, ProfileRef};
use tandem_store::{agreements, feedback, meetings, registrations, Conn};

/// The profiles an agreement from a meeting can be recorded from, or why there are none.
pub type ProfileChoices = Result<Vec<ProfileRef>, FollowUpRefusal>;

/// The partnering profiles of either party's organisation that the meeting concerned or that
/// they brought to the event, the meeting's own first. An agreement needs both parties to have
/// come for an organisation, and such a profile.
pub(crate) async fn profile_choices(mut conn: Conn<'_>, meeting: &Meeting, me: &Registration, partner: &Registration) -> AppResult<ProfileChoices> {
    let (Some(mine), Some(theirs)) = (me.org_id, partner.org_id) else {
        return Ok(Err(FollowUpRefusal::NoOrganisations));
    };
    let mut ids: Vec<ProfileId> = meeting.profile_id.into_iter().collect();
    ids.extend(registrations::profiles(conn.reborrow(), me.id).await?);
    ids.extend(registrations::profiles(conn.reborrow(), partner.id).await?);
    let mut out: Vec<ProfileRef> = Vec::new();
    for id in ids {
        if out.iter().any(|p| p.id == id) {
            continue;
        }
        if let Some(p) = interests::profile_ref(conn.reborrow(), id).await?
            && (p.owner_org_id == mine || p.owner_org_id == theirs)
        {
            out.push(p);
        }
    }
    Ok(if out.is_empty() { Err(FollowUpRefusal::ProfileRequired) } else { Ok(out) })
}

async fn existing(conn: Conn<'_>, id: AgreementId) -> AppResult<Agreement> {
    agreements::get(conn, id).await?.ok_or(AppError::NotFound)
}

/// Records the agreement meeting `id` led to, for a party who answered "agreement reached":
/// from `profile` (one of [`profile_choices`]; may be left out when there is only one), with the
/// partner's organisation as the other party. If either party's answer is linked to an
/// agreement already, that one is returned (and linked to the actor's answer) instead.
pub async fn record(app: &App, actor: &Actor, id: MeetingId, profile: Option<ProfileId>, draft: &AgreementDraft) -> AppResult<Agreement> {
    let now = now();
    let mut tx = app.db().begin().await?;
    let PartyMeeting { event, meeting, me, partner, slot_ends_at } = party_meeting(tx.conn(), actor, id).await?;
    // Both parties' answers are read and linked below: one recording at a time per pair.
    meetings::lock_participants(tx.conn(), me.id, Some(partner.id)).await?;
    check_surveyable(&meeting, slot_ends_at, event.ends_at, now)?;
    let mine = feedback::get(tx.conn(), id, me.id).await?;
    if mine.as_ref().and_then(|f| f.outcome) != Some(FollowUpOutcome::Agreement) {
        return Err(FollowUpRefusal::NotAgreement.into());
    }
    if let Some(agreement) = mine.and_then(|f| f.agreement_id) {
        return existing(tx.conn(), agreement).await;
    }
    let theirs = feedback::get(tx.conn(), id, partner.id).await?;
    if let Some(agreement) = theirs.as_ref().and_then(|f| f.agreement_id) {
        feedback::link_agreement(tx.conn(), id, me.id, agreement).await?;
        let agreement = existing(tx.conn(), agreement).await?;
        tx.commit().await?;
        return Ok(agreement);
    }
    let choices = profile_choices(tx.conn(), &meeting, &me, &partner).await??;
    let chosen = match profile {
        Some(p) => choices.into_iter().find(|c| c.id == p),
        None if choices.len() == 1 => choices.into_iter().next(),
        None => None,
    };
    let (Some(profile), Some(my_org), Some(their_org)) = (chosen, me.org_id, partner.org_id) else {
        return Err(FollowUpRefusal::ProfileRequired.into());
    };
    let partner_org = if profile.owner_org_id == my_org { their_org } else { my_org };
    let agreement = record_in(app, tx.conn(), actor, profile.id, partner_org, None, draft).await?;
    feedback::link_agreement(tx.conn(), id, me.id, agreement.id).await?;
    if theirs.is_some_and(|f| f.outcome == Some(FollowUpOutcome::Agreement)) {
        feedback::link_agreement(tx.conn(), id, partner.id, agreement.id).await?;
    }
    tx.commit().await?;
    Ok(agreement)
}
