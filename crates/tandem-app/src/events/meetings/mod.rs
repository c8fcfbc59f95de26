//! Meeting requests and meetings at brokerage events (DOMAIN.md, "Brokerage events"; issue 5,
//! items 2 and 7): participants find each other, request meetings, accept (picking a slot where
//! both are free and a table is left) or decline, cancel; requests expire; the organiser sees
//! every request and meeting.
//!
//! - `participants`: the participant directory and the recommended participants;
//! - `requests`: request, accept, decline, cancel;
//! - `slots`: the free slots of a meeting, picking one, the participants' availability;
//! - `lists`: a participant's meetings, the organiser's overview and settings of a meeting;
//! - `expiry_job`: marks unanswered requests expired;
//! - `outcomes`: the event day's record of each meeting, held or no-show;
//! - `reminders`: the job that queues each party's reminder before a meeting;
//! - `messages`: the emails.
//!
//! Counting rules (one open request per pair, pending and meeting caps) and bookings hold under
//! concurrency because every writing use case first locks both participants
//! (`meetings::lock_participants`), and the booking tables' primary keys refuse a double booking
//! that slips past the checks; a lost race is a clear "pick another slot", never an error page.
//! SQLite busy timeouts and PostgreSQL deadlocks are retried ([`retrying`]).

pub mod expiry_job;
pub mod lists;
pub mod messages;
pub mod outcomes;
pub mod participants;
pub mod reminders;
pub mod requests;
pub mod slots;
pub(crate) mod withdrawal;

use crate::partnering::Recipient;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, SubsecRound, Utc};
use std::future::Future;
use std::time::Duration;
use tandem_core::events::event::Event;
use tandem_core::events::meeting::{MeetingLimits, MeetingRefusal};
use tandem_core::events::policy::{self as event_policy, EventOrganiser};
use tandem_core::events::registration::Registration;
use tandem_core::events::{EventState, RegistrationState};
use tandem_core::policy::{Actor, Denied};
use tandem_core::validation::ValidationErrors;
use tandem_core::EventId;
use tandem_store::{events, registrations, users, Conn, StoreError};

/// Why one try of a transaction failed: a store error (which may be worth another try) or a
/// decided outcome.
#[derive(Debug)]
pub(crate) enum TxError {
    /// From the database; retried when transient.
    Store(StoreError),
    /// Final.
    App(AppError),
    /// A booking lost to another transaction at the same moment: worth another try on fresh
    /// facts, else "that slot was just taken".
    Raced,
}

impl From<StoreError> for TxError {
    fn from(e: StoreError) -> Self {
        TxError::Store(e)
    }
}

impl From<AppError> for TxError {
    fn from(e: AppError) -> Self {
        TxError::App(e)
    }
}

impl From<MeetingRefusal> for TxError {
    fn from(r: MeetingRefusal) -> Self {
        TxError::App(AppError::Invalid(r.into()))
    }
}

impl From<Denied> for TxError {
    fn from(d: Denied) -> Self {
        TxError::App(AppError::Denied(d))
    }
}

impl From<ValidationErrors> for TxError {
    fn from(e: ValidationErrors) -> Self {
        TxError::App(AppError::Invalid(e))
    }
}

impl From<TxError> for AppError {
    fn from(e: TxError) -> Self {
        match e {
            TxError::Store(e) => e.into(),
            TxError::App(e) => e,
            TxError::Raced => AppError::Invalid(MeetingRefusal::SlotTaken.into()),
        }
    }
}

/// Result of one try of a transaction.
pub(crate) type TxResult<T> = Result<T, TxError>;

/// Tries of a transaction that keeps meeting a busy database.
const ATTEMPTS: u32 = 4;

/// Runs `attempt` (one whole transaction) again when it failed on a transient database error
/// (SQLite busy past its timeout, a PostgreSQL deadlock) or lost a booking race: many
/// participants accepting at the same moment must each get an answer, not an internal error.
/// `attempt` is told whether an earlier try lost a race (`raced`), so it can say "that slot was
/// just taken" when the fresh facts show the slot gone.
pub(crate) async fn retrying<T, F, Fut>(mut attempt: F) -> AppResult<T>
where
    F: FnMut(bool) -> Fut,
    Fut: Future<Output = TxResult<T>>,
{
    let (mut tries, mut raced) = (0, false);
    loop {
        tries += 1;
        match attempt(raced).await {
            Err(TxError::Store(e)) if e.is_transient() && tries < ATTEMPTS => {
                tracing::debug!(error = %e, tries, "transient database error; trying the transaction again");
            }
            Err(TxError::Raced) if tries < ATTEMPTS => raced = true,
            other => return other.map_err(AppError::from),
        }
        tokio::time::sleep(Duration::from_millis(10 * u64::from(tries))).await;
    }
}

fn now() -> DateTime<Utc> {
    // PostgreSQL keeps microseconds: rounding makes returned records equal later reads.
    Utc::now().trunc_subsecs(6)
}

fn link(app: &App, path: &str) -> String {
    format!("{}{path}", app.config().base_url.trim_end_matches('/'))
}

/// Path of a participant's meetings page.
pub fn meetings_path(event: EventId) -> String {
    format!("/events/{event}/meetings")
}

/// Path of the participant directory.
pub fn participants_path(event: EventId) -> String {
    format!("/events/{event}/participants")
}

/// The event, or `NotFound`.
async fn event(conn: Conn<'_>, id: EventId) -> TxResult<Event> {
    events::get(conn, id).await?.ok_or(TxError::App(AppError::NotFound))
}

/// The actor's approved registration for `event`; anyone else is refused (`NotParticipant`).
async fn participant(conn: Conn<'_>, actor: &Actor, event: EventId) -> TxResult<Registration> {
    let user = actor.user()?;
    match registrations::find_for_user(conn, event, user.id).await? {
        Some(r) if r.state == RegistrationState::Approved => Ok(r),
        _ => Err(MeetingRefusal::NotParticipant.into()),
    }
}

/// Requests, answers and slots only while the organiser keeps booking open on a published event.
fn booking_open(event: &Event) -> Result<(), MeetingRefusal> {
    if event.state == EventState::Published && event.booking_open { Ok(()) } else { Err(MeetingRefusal::BookingClosed) }
}

/// The event's caps on accepted meetings.
fn limits(event: &Event) -> MeetingLimits {
    MeetingLimits {
        per_participant: event.max_meetings.map(i64::from),
        onsite: event.max_meetings_onsite.map(i64::from),
        remote: event.max_meetings_remote.map(i64::from),
    }
}

/// The most accepted meetings `r` may have at `event`.
pub(crate) fn cap_of(event: &Event, r: &Registration) -> Option<i64> {
    limits(event).for_participant(r.attendance, r.max_meetings.map(i64::from))
}

/// Proof that the actor organises `event`.
async fn organiser(conn: Conn<'_>, actor: &Actor, event: EventId) -> TxResult<EventOrganiser> {
    let orgs = events::organiser_orgs(conn, event).await?;
    Ok(event_policy::event_organiser(actor, event, &orgs)?)
}

/// True when the actor organises `event` (for pages that show organisers more).
pub async fn is_organiser(app: &App, actor: &Actor, event: EventId) -> AppResult<bool> {
    let mut conn = app.db().acquire().await?;
    Ok(organiser(conn.conn(), actor, event).await.is_ok())
}

/// A request or meeting read (again) in the caller's transaction, or `NotFound`.
async fn reload(conn: Conn<'_>, id: tandem_core::MeetingId) -> TxResult<tandem_core::events::meeting::Meeting> {
    tandem_store::meetings::get(conn, id).await?.ok_or(TxError::App(AppError::NotFound))
}

/// The person behind a registration, to email in their language.
async fn recipient(conn: Conn<'_>, r: &Registration) -> TxResult<Recipient> {
    let user = users::get(conn, r.user_id).await?.ok_or(TxError::App(AppError::NotFound))?;
    Ok(Recipient { email: user.email.as_str().to_owned(), name: r.display_name.clone(), locale: user.locale })
}
