//! The demo's meeting requests and meetings: Birmingham participants asking Leipzig ones (and
//! the other way round), so that every page of the brokerage chain has something to show.
//!
//! At the 2017 event they are history: most requests were accepted and placed in a slot at a
//! table (or by video), some were declined, expired or cancelled. At the upcoming event they are
//! work in progress: accepted meetings wait for the organiser's auto-scheduler, some requests
//! wait for an answer. The 2017 event's day and follow-up are history too: check-ins, meetings
//! held and missed, ratings and survey answers.

use super::access::now as rounded_now;
use crate::AppResult;
use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, HashSet};
use tandem_core::events::event::{Event, Slot};
use tandem_core::events::meeting::Meeting;
use tandem_core::events::registration::Registration;
use tandem_core::events::followup::SURVEY_AFTER_DAYS;
use tandem_core::events::{FollowUpOutcome, MeetingMode, MeetingOutcome, MeetingState};
use tandem_core::{OrgId, RegistrationId, SlotId, UserId};
use tandem_store::{bookings, cities, feedback, meetings, organisations, registrations, Tx};

/// Meeting requests between the participants, cross-city first: each participant of the first
/// city asks up to three of the other, in a fixed rotation, and every fifth pair meets within
/// one city. (requester, receiver) as indices into `participants`.
async fn pairs(tx: &mut Tx, participants: &[Registration]) -> AppResult<Vec<(usize, usize)>> {
    let city_names: HashMap<_, _> = cities::list(tx.conn()).await?.into_iter().map(|c| (c.id, c.name)).collect();
    let mut city_of_org: HashMap<OrgId, String> = HashMap::new();
    let (mut birmingham, mut leipzig) = (Vec::new(), Vec::new());
    for (i, r) in participants.iter().enumerate() {
        let Some(org) = r.org_id else { continue };
        if !city_of_org.contains_key(&org)
            && let Some(o) = organisations::get(tx.conn(), org).await?
        {
            city_of_org.insert(org, city_names.get(&o.city_id).cloned().unwrap_or_default());
        }
        match city_of_org.get(&org).map(String::as_str) {
            Some("Birmingham") => birmingham.push(i),
            Some("Leipzig") => leipzig.push(i),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if leipzig.is_empty() {
        return Ok(out);
    }
    for (n, &b) in birmingham.iter().enumerate() {
        for d in 0..3.min(leipzig.len()) {
            let l = leipzig[(2 * n + d) % leipzig.len()];
            // Every other pair: Leipzig asked first.
            out.push(if (n + d) % 2 == 0 { (b, l) } else { (l, b) });
        }
        if n % 5 == 4 && n > 0 {
            out.push((b, birmingham[n - 1]));
        }
    }
    // One request per pair, whoever asked.
    let mut seen = HashSet::new();
    out.retain(|&(a, b)| seen.insert((a.min(b), a.max(b))));
    Ok(out)
}

fn request(event: &Event, (a, b): (&Registration, &Registration), state: MeetingState, asked: DateTime<Utc>, answered: Option<DateTime<Utc>>) -> Meeting {
    let message = format!("Hello {}, I saw your profile and would like to meet at {}.", b.display_name, event.name);
    Meeting {
        state,
        expires_at: (state == MeetingState::Requested || state == MeetingState::Expired).then(|| asked + Duration::days(2)),
        responded_at: answered,
        updated_at: answered.unwrap_or(asked),
        ..Meeting::request(a, b, Some(message), asked)
    }
}

/// The first profile either party brought, as the one the meeting is about.
async fn profile_concerned(tx: &mut Tx, a: RegistrationId, b: RegistrationId) -> AppResult<Option<tandem_core::ProfileId>> {
    for r in [b, a] {
        if let Some(p) = registrations::profiles(tx.conn(), r).await?.first() {
            return Ok(Some(*p));
        }
    }
    Ok(None)
}

/// Where meetings of the demo go: the first slot both parties are free (and available) in,
/// at the lowest free table when they meet at the venue.
struct Placer {
    slots: Vec<SlotId>,
    tables: i32,
    busy: HashSet<(SlotId, RegistrationId)>,
    tables_taken: HashSet<(SlotId, i32)>,
    unavailable: HashSet<(SlotId, RegistrationId)>,
}

impl Placer {
    fn place(&mut self, m: &Meeting) -> Option<(SlotId, Option<i32>)> {
        let parties = [m.requester_id, m.receiver_id];
        for &slot in &self.slots {
            if parties.iter().any(|p| self.busy.contains(&(slot, *p)) || self.unavailable.contains(&(slot, *p))) {
                continue;
            }
            let table = match m.mode {
                MeetingMode::Remote => None,
                _ => match (1..=self.tables).find(|t| !self.tables_taken.contains(&(slot, *t))) {
                    Some(t) => Some(t),
                    None => continue,
                },
            };
            for p in parties {
                self.busy.insert((slot, p));
            }
            if let Some(t) = table {
                self.tables_taken.insert((slot, t));
            }
            return Some((slot, table));
        }
        None
    }
}

/// The past event's requests: most accepted and placed, some declined, expired or cancelled.
/// Returns the placed meetings.
pub(crate) async fn seed_history(tx: &mut Tx, event: &Event, participants: &[Registration], slots: &[Slot]) -> AppResult<Vec<Meeting>> {
    let mut unavailable = HashSet::new();
    for r in participants {
        for s in registrations::unavailable_slots(tx.conn(), r.id).await? {
            unavailable.insert((s, r.id));
        }
    }
    let mut placer = Placer { slots: slots.iter().map(|s| s.id).collect(), tables: event.tables, busy: HashSet::new(), tables_taken: HashSet::new(), unavailable };
    let mut placed = Vec::new();
    for (k, (a, b)) in pairs(tx, participants).await?.into_iter().enumerate() {
        let asked = event.starts_at - Duration::days(14) + Duration::hours(k as i64 * 5);
        let state = match k % 12 {
            4 => MeetingState::Declined,
            7 => MeetingState::Expired,
            10 => MeetingState::Cancelled,
            _ => MeetingState::Accepted,
        };
        let answered = (state != MeetingState::Expired).then(|| asked + Duration::hours(20));
        let mut m = request(event, (&participants[a], &participants[b]), state, asked, answered);
        m.profile_id = profile_concerned(tx, m.requester_id, m.receiver_id).await?;
        meetings::insert(tx.conn(), &m).await?;
        if state != MeetingState::Accepted {
            continue;
        }
        if let Some((slot, table)) = placer.place(&m) {
            bookings::book(tx.conn(), m.id, slot, table, asked + Duration::days(1)).await?;
            meetings::set_locked(tx.conn(), m.id, true, asked + Duration::days(2)).await?;
            placed.push(Meeting { slot_id: Some(slot), table_number: table, locked: true, ..m });
        }
    }
    Ok(placed)
}

/// The upcoming event's requests: accepted meetings waiting for the organiser's auto-scheduler
/// and a few requests waiting for an answer (they expire long after the demo is seeded).
pub(crate) async fn seed_open(tx: &mut Tx, event: &Event, participants: &[Registration]) -> AppResult<usize> {
    let now = rounded_now();
    let mut n = 0;
    for (k, (a, b)) in pairs(tx, participants).await?.into_iter().enumerate() {
        let asked = now - Duration::hours(k as i64 + 1);
        let (state, answered) = if k % 6 == 5 { (MeetingState::Requested, None) } else { (MeetingState::Accepted, Some(asked + Duration::minutes(30))) };
        let mut m = request(event, (&participants[a], &participants[b]), state, asked, answered);
        if state == MeetingState::Requested {
            m.expires_at = Some(now + Duration::days(14));
        }
        m.profile_id = profile_concerned(tx, m.requester_id, m.receiver_id).await?;
        meetings::insert(tx.conn(), &m).await?;
        n += 1;
    }
    Ok(n)
}

/// The past event's day and its follow-up: who checked in, which meetings were held and which
/// partner did not come, the ratings and the six-month survey's answers, so that the event's
/// statistics page has figures. The meetings of the demo logins (`skip`) are left open, for
/// someone trying the demo to mark, rate and answer themselves.
pub(crate) async fn seed_event_day(
    tx: &mut Tx,
    event: &Event,
    participants: &[Registration],
    placed: &[Meeting],
    skip: &[RegistrationId],
    organiser: UserId,
) -> AppResult<()> {
    let day_end = event.ends_at;
    for (i, r) in participants.iter().enumerate() {
        // One in nine stayed away altogether (their partners' meetings are no-shows below).
        if i % 9 != 8 {
            registrations::check_in(tx.conn(), r.id, Some(organiser), event.starts_at - Duration::minutes(30) + Duration::minutes(i as i64)).await?;
        }
    }
    let absent: HashSet<RegistrationId> = participants.iter().enumerate().filter(|(i, _)| i % 9 == 8).map(|(_, r)| r.id).collect();
    let surveyed_at = day_end + Duration::days(SURVEY_AFTER_DAYS);
    for (k, m) in placed.iter().enumerate() {
        if skip.contains(&m.requester_id) || skip.contains(&m.receiver_id) {
            continue;
        }
        let outcome = match (absent.contains(&m.requester_id), absent.contains(&m.receiver_id)) {
            (true, true) => MeetingOutcome::BothAbsent,
            (true, false) => MeetingOutcome::RequesterAbsent,
            (false, true) => MeetingOutcome::ReceiverAbsent,
            (false, false) => MeetingOutcome::Held,
        };
        meetings::set_outcome(tx.conn(), m.id, outcome, organiser, day_end).await?;
        if outcome != MeetingOutcome::Held {
            continue;
        }
        for (n, party) in [m.requester_id, m.receiver_id].into_iter().enumerate() {
            let rating = 3 + ((k + n) % 3) as i32;
            let comment = (rating == 5).then_some("Very useful: we agreed to follow up after the event.");
            feedback::rate(tx.conn(), m.id, party, rating, comment, day_end + Duration::days(1)).await?;
            feedback::mark_surveyed(tx.conn(), m.id, party, surveyed_at).await?;
            // Most answered the survey; the answers spread over the scale, few reached an agreement.
            if (k + n) % 4 != 3 {
                let answer = FOLLOW_UPS[(k * 2 + n) % FOLLOW_UPS.len()];
                feedback::answer(tx.conn(), m.id, party, answer).await?;
            }
        }
    }
    Ok(())
}

/// The survey answers of the demo, in the proportions EEN brokerage events typically report.
const FOLLOW_UPS: [FollowUpOutcome; 7] = [
    FollowUpOutcome::ValuableContact,
    FollowUpOutcome::KnowledgeGained,
    FollowUpOutcome::NoContact,
    FollowUpOutcome::ValuableContact,
    FollowUpOutcome::Negotiation,
    FollowUpOutcome::KnowledgeGained,
    FollowUpOutcome::ValuableContact,
];
