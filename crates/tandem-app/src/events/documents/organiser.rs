//! The organiser's documents: the table plan (per slot, per table: who meets whom) and the rows
//! of the meeting spreadsheet (every request and meeting with its state, slot, table, parties,
//! cities, outcome and both parties' ratings).

use super::{event_info, labels, Roster};
use crate::{App, AppResult};
use std::collections::{BTreeSet, HashMap};
use tandem_core::account::Locale;
use tandem_core::events::event::{Event, Slot};
use tandem_core::events::MeetingState;
use tandem_core::{MeetingId, RegistrationId};
use tandem_io::event_docs::{self, MeetingParty, MeetingRow, PlannedMeeting, TableInfo, TablePlan};
use tandem_store::meetings::EventMeeting;
use tandem_store::{bookings, events, feedback, meetings, Conn};

/// The table plan of `event`: every slot, every table (with its booth holder), and every
/// placed meeting, published or not.
pub(crate) async fn table_plan(mut conn: Conn<'_>, app: &App, event: &Event) -> AppResult<TablePlan> {
    let roster = Roster::load(conn.reborrow(), event.id).await?;
    let slots = events::slots(conn.reborrow(), event.id).await?;
    let booths = bookings::booths(conn.reborrow(), event.id).await?;
    let placed: Vec<EventMeeting> = meetings::for_event(conn, event.id, Some(MeetingState::Accepted))
        .await?
        .into_iter()
        .filter(|m| m.meeting.slot_id.is_some())
        .collect();
    Ok(plan_of(app, event, &roster, &slots, &booths, &placed))
}

fn plan_of(app: &App, event: &Event, roster: &Roster, slots: &[Slot], booths: &[(RegistrationId, i32)], placed: &[EventMeeting]) -> TablePlan {
    // The venue's tables, and any a meeting still sits at after the organiser lowered the
    // count, so the plan shows every meeting rather than failing on one.
    let mut numbers: BTreeSet<u32> = (1..=u32::try_from(event.tables).unwrap_or(0)).collect();
    numbers.extend(placed.iter().filter_map(|m| m.meeting.table_number).filter_map(|n| u32::try_from(n).ok()));
    let tables = numbers
        .into_iter()
        .map(|number| TableInfo {
            number,
            booth_owner: booths
                .iter()
                .find(|(_, table)| u32::try_from(*table).ok() == Some(number))
                .map(|(holder, _)| roster.display(*holder)),
        })
        .collect();
    let meetings = placed
        .iter()
        .filter_map(|m| {
            let slot_index = slots.iter().position(|s| Some(s.id) == m.meeting.slot_id)?;
            Some(PlannedMeeting {
                slot_index,
                table: m.meeting.table_number.and_then(|n| u32::try_from(n).ok()),
                a: roster.display(m.meeting.requester_id),
                b: roster.display(m.meeting.receiver_id),
            })
        })
        .collect();
    TablePlan {
        event: event_info(app, event),
        slots: slots.iter().map(|s| event_docs::Slot { start: s.starts_at, end: s.ends_at }).collect(),
        tables,
        meetings,
    }
}

/// Every request and meeting of `event` as spreadsheet rows: placed ones by time, then the rest.
pub(crate) async fn meeting_rows(mut conn: Conn<'_>, event: &Event, locale: Locale) -> AppResult<Vec<MeetingRow>> {
    let roster = Roster::load(conn.reborrow(), event.id).await?;
    let slots = events::slots(conn.reborrow(), event.id).await?;
    let ratings: HashMap<(MeetingId, RegistrationId), u8> = feedback::for_event(conn.reborrow(), event.id)
        .await?
        .into_iter()
        .filter_map(|f| Some(((f.meeting_id, f.registration_id), u8::try_from(f.rating?).ok()?)))
        .collect();
    let all = meetings::for_event(conn, event.id, None).await?;
    let rating = |meeting: MeetingId, party: RegistrationId| ratings.get(&(meeting, party)).copied();
    Ok(all
        .iter()
        .map(|m| {
            let meeting = &m.meeting;
            let slot = slots.iter().find(|s| Some(s.id) == meeting.slot_id);
            let party = |id: RegistrationId, name: &str, org: &Option<String>| MeetingParty {
                name: name.to_owned(),
                organisation: org.clone().unwrap_or_default(),
                city: roster.city(id),
            };
            MeetingRow {
                start: slot.map(|s| s.starts_at),
                end: slot.map(|s| s.ends_at),
                table: meeting.table_number.and_then(|n| u32::try_from(n).ok()),
                remote: slot.is_some() && meeting.table_number.is_none(),
                mode: labels::mode(locale, meeting.mode).to_owned(),
                status: labels::status(locale, meeting).to_owned(),
                priority: u32::try_from(meeting.priority).ok(),
                a: party(meeting.requester_id, &m.requester_name, &m.requester_org),
                b: party(meeting.receiver_id, &m.receiver_name, &m.receiver_org),
                profile_title: m.profile_title.clone(),
                rating_a: rating(meeting.id, meeting.requester_id),
                rating_b: rating(meeting.id, meeting.receiver_id),
            }
        })
        .collect())
}
