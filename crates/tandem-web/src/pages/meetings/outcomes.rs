//! The event day in the browser (issue 5, item 5): once a meeting's slot has started, its
//! parties get "Held" / "No-show" buttons on "My meetings" and the organiser gets "Held" and
//! who did not come on the overview; both pages show the recorded outcome and who recorded it.
//!
//! The use case decides who may record what ([`outcomes::record`]); the pages only leave out
//! buttons that would be refused anyway.

use super::mine::return_path;
use super::{after_action, require_login};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::organisations::parse_id;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use tandem_app::events::meetings::lists::{MyMeetings, Overview};
use tandem_app::events::meetings::outcomes::{self, partner_absent, OutcomeRefusal, Recorder};
use tandem_app::AppError;
use tandem_core::events::event::Event;
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{EventState, MeetingOutcome, MeetingState};
use tandem_core::MeetingId;

/// One button: the outcome it records, its label, and whether it is the one recorded.
pub(crate) struct Button {
    pub value: &'static str,
    pub label: String,
    pub current: bool,
}

/// A meeting's event-day part: the outcome recorded (and by whom) and the buttons.
pub(crate) struct DayView {
    pub id: String,
    /// The recorded outcome's key ("" when none), for styling.
    pub key: &'static str,
    /// "Held · recorded by you" ("" when nothing is recorded).
    pub recorded: String,
    /// Empty when the reader may not record (yet).
    pub buttons: Vec<Button>,
}

/// The event-day parts of a page's meetings, by meeting id.
#[derive(Default)]
pub(crate) struct DayBoard(HashMap<String, DayView>);

impl DayBoard {
    /// The part of meeting `id`, if it has one.
    pub fn get(&self, id: &str) -> Option<&DayView> {
        self.0.get(id)
    }

    fn add(&mut self, view: DayView) {
        if !view.recorded.is_empty() || !view.buttons.is_empty() {
            self.0.insert(view.id.clone(), view);
        }
    }
}

/// A placed meeting whose slot has started, at an event not called off: it may be recorded.
fn under_way(event: &Event, m: &Meeting, starts_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    event.state != EventState::Cancelled && m.state == MeetingState::Accepted && m.slot_id.is_some() && starts_at.is_some_and(|s| s <= now)
}

/// The names a label uses for the two parties (the reader may be one of them).
struct Names {
    requester: String,
    receiver: String,
}

fn outcome_label(t: Tr, outcome: MeetingOutcome, names: &Names) -> String {
    match outcome {
        MeetingOutcome::Held => t.get("event-day-outcome-held"),
        MeetingOutcome::RequesterAbsent => t.with("event-day-outcome-absent", "name", &names.requester),
        MeetingOutcome::ReceiverAbsent => t.with("event-day-outcome-absent", "name", &names.receiver),
        MeetingOutcome::BothAbsent => t.get("event-day-outcome-both_absent"),
    }
}

fn recorded_label(t: Tr, m: &Meeting, recorder: Option<Recorder>, names: &Names, me: Option<Recorder>) -> String {
    let Some(outcome) = m.outcome else { return String::new() };
    let by = match recorder.unwrap_or(Recorder::Organiser) {
        r if Some(r) == me => t.get("event-day-recorded-by-you"),
        Recorder::Requester => t.with("event-day-recorded-by", "name", &names.requester),
        Recorder::Receiver => t.with("event-day-recorded-by", "name", &names.receiver),
        Recorder::Organiser => t.get("event-day-recorded-by-organiser"),
    };
    format!("{} · {by}", outcome_label(t, outcome, names))
}

fn button(m: &Meeting, outcome: MeetingOutcome, label: String) -> Button {
    Button { value: outcome.key(), label, current: m.outcome == Some(outcome) }
}

/// The parts of a participant's accepted meetings.
fn participant_board(t: Tr, my: &MyMeetings, recorders: &HashMap<MeetingId, Recorder>, now: DateTime<Utc>) -> DayBoard {
    let mut board = DayBoard::default();
    for pm in &my.accepted {
        let m = &pm.meeting;
        let me = if pm.outgoing { Recorder::Requester } else { Recorder::Receiver };
        let you = t.get("event-day-you");
        let names = if pm.outgoing {
            Names { requester: you, receiver: pm.partner_name.clone() }
        } else {
            Names { requester: pm.partner_name.clone(), receiver: you }
        };
        let recorder = recorders.get(&m.id).copied();
        let own = m.outcome.is_none() || recorder == Some(me);
        let buttons = if under_way(&my.event, m, pm.slot_starts_at, now) && own {
            vec![
                button(m, MeetingOutcome::Held, t.get("event-day-action-held")),
                button(m, partner_absent(pm.outgoing), t.get("event-day-action-no-show")),
            ]
        } else {
            Vec::new()
        };
        board.add(DayView { id: m.id.to_string(), key: m.outcome.map_or("", MeetingOutcome::key), recorded: recorded_label(t, m, recorder, &names, Some(me)), buttons });
    }
    board
}

/// The parts of the organiser's overview.
fn organiser_board(t: Tr, o: &Overview, recorders: &HashMap<MeetingId, Recorder>, now: DateTime<Utc>) -> DayBoard {
    let mut board = DayBoard::default();
    for x in &o.items {
        let m = &x.meeting;
        let names = Names { requester: x.requester_name.clone(), receiver: x.receiver_name.clone() };
        let buttons = if under_way(&o.event, m, x.slot_starts_at, now) {
            vec![
                button(m, MeetingOutcome::Held, t.get("event-day-action-held")),
                button(m, MeetingOutcome::RequesterAbsent, t.with("event-day-action-absent", "name", &names.requester)),
                button(m, MeetingOutcome::ReceiverAbsent, t.with("event-day-action-absent", "name", &names.receiver)),
                button(m, MeetingOutcome::BothAbsent, t.get("event-day-action-both-absent")),
            ]
        } else {
            Vec::new()
        };
        let recorded = recorded_label(t, m, recorders.get(&m.id).copied(), &names, None);
        board.add(DayView { id: m.id.to_string(), key: m.outcome.map_or("", MeetingOutcome::key), recorded, buttons });
    }
    board
}

/// The event-day parts of "My meetings".
pub(crate) async fn for_participant(state: &AppState, ctx: &Ctx, my: &MyMeetings) -> Result<DayBoard, PageError> {
    let recorders = outcomes::recorders(&state.app, &ctx.actor, my.event.id).await.map_err(|e| ctx.fail(e))?;
    Ok(participant_board(ctx.t, my, &recorders, Utc::now()))
}

/// The event-day parts of the organiser's overview.
pub(crate) async fn for_organiser(state: &AppState, ctx: &Ctx, o: &Overview) -> Result<DayBoard, PageError> {
    let recorders = outcomes::recorders(&state.app, &ctx.actor, o.event.id).await.map_err(|e| ctx.fail(e))?;
    Ok(organiser_board(ctx.t, o, &recorders, Utc::now()))
}

/// The outcome form.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct OutcomeForm {
    _csrf: String,
    return_to: String,
    outcome: String,
}

/// `POST /meetings/{id}/outcome`: a party or an organiser records the meeting held, or who did
/// not come.
pub async fn record(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<OutcomeForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: MeetingId = parse_id(ctx.t, &id)?;
    let to = return_path(&state, &ctx, id, &form.return_to).await;
    let result = match MeetingOutcome::from_key(form.outcome.trim()) {
        Some(outcome) => outcomes::record(&state.app, &ctx.actor, id, outcome).await,
        None => Err(AppError::Invalid(OutcomeRefusal::UnknownOutcome.into())),
    };
    after_action(&ctx, result, "event-day-flash-recorded", to).await
}
