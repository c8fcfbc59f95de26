//! Meeting requests and meetings through the use cases (issue 5, items 2 and 7): every rule
//! (caps, expiry, modes, slots, booths, tables), who may do what, the emails, the participant
//! directory and recommendations, and many participants accepting at the same moment.
//!
//! The event, its slots and the registrations are written with the store directly: their own use
//! cases are tested with the event set-up.

mod concurrency;
mod outcomes;
mod participants;
mod reminders;
mod rules;
mod slots;
mod withdrawal;

use crate::{draft, Env};
use chrono::{Duration, SubsecRound, Utc};
use tandem_app::events::meetings::requests::{self, RequestInput};
use tandem_app::AppError;
use tandem_core::directory::OrgKind;
use tandem_core::events::event::{Event, Session, Slot, Tz};
use tandem_core::events::meeting::Meeting;
use tandem_core::events::registration::Registration;
use tandem_core::events::{
    AgendaState, Attendance, EventState, OrganiserRole, RegistrationState, RequestMode, SchedulingMode, SessionKind,
};
use tandem_core::policy::Actor;
use tandem_core::{EventId, OrgId, RegistrationId, SessionId, SlotId};
use tandem_store::{events, registrations};

/// An event in booking, run by an incubator, with one matchmaking session of `SLOTS` slots.
pub struct World {
    pub env: Env,
    pub event: EventId,
    pub session: SessionId,
    pub slots: Vec<SlotId>,
    pub organiser: Actor,
}

/// Slots of the matchmaking session.
pub const SLOTS: i64 = 3;

/// A participant: their registration, their actor and address.
pub struct Person {
    pub reg: RegistrationId,
    pub actor: Actor,
    pub email: String,
}

impl World {
    /// Four tables, approval mode, pick-slot scheduling, expiry after a day, five pending
    /// requests at most; `settings` changes any of it.
    pub async fn new(settings: impl FnOnce(&mut Event)) -> World {
        World::on(Env::new().await, settings).await
    }

    /// The same on an existing app.
    pub async fn on(env: Env, settings: impl FnOnce(&mut Event)) -> World {
        let birmingham = env.city("Birmingham").await;
        let (incubator, _, organiser) = env.org("events@icentrum.test", &draft("Innovation Birmingham", OrgKind::Incubator, birmingham)).await;
        let now = Utc::now().trunc_subsecs(6);
        let starts = now + Duration::days(21);
        let mut event = Event {
            id: EventId::new(),
            slug: format!("tandem-25-{}", uuid::Uuid::new_v4().simple()),
            name: "Tandem 25 Birmingham–Leipzig".into(),
            description: None,
            state: EventState::Published,
            timezone: Tz::Europe__London,
            starts_at: starts,
            ends_at: starts + Duration::hours(8),
            venue_name: "iCentrum".into(),
            venue_address: None,
            tables: 4,
            capacity: None,
            registration_open: true,
            registration_approval: false,
            booking_open: true,
            request_mode: RequestMode::Approval,
            scheduling_mode: SchedulingMode::PickSlot,
            request_expiry_minutes: 24 * 60,
            max_pending_requests: 5,
            max_meetings: None,
            max_meetings_onsite: None,
            max_meetings_remote: None,
            agenda_state: AgendaState::Unpublished,
            agenda_published_at: None,
            created_by: None,
            created_at: now,
            updated_at: now,
        };
        settings(&mut event);
        let session = Session {
            id: SessionId::new(),
            event_id: event.id,
            kind: SessionKind::Matchmaking,
            title: "B2B meetings".into(),
            description: None,
            starts_at: starts,
            ends_at: starts + Duration::minutes(30 * SLOTS),
            room: None,
            stream_url: None,
            slot_minutes: Some(30),
            max_meetings: None,
            created_at: now,
        };
        let slots: Vec<Slot> = (0..SLOTS)
            .map(|i| Slot {
                id: SlotId::new(),
                event_id: event.id,
                session_id: session.id,
                starts_at: starts + Duration::minutes(30 * i),
                ends_at: starts + Duration::minutes(30 * i + 30),
            })
            .collect();
        let mut tx = env.app.db().begin().await.expect("begin");
        events::insert(tx.conn(), &event).await.expect("event");
        events::add_organiser(tx.conn(), event.id, incubator.id, OrganiserRole::Main).await.expect("organiser");
        events::insert_session(tx.conn(), &session).await.expect("session");
        events::replace_slots(tx.conn(), session.id, &slots).await.expect("slots");
        tx.commit().await.expect("commit");
        World { env, event: event.id, session: session.id, slots: slots.iter().map(|s| s.id).collect(), organiser }
    }

    /// An approved participant without organisation.
    pub async fn join(&self, name: &str, attendance: Attendance) -> Person {
        self.join_with(name, attendance, None, None, None).await
    }

    /// An approved participant with a booth, a personal cap or an organisation.
    pub async fn join_with(&self, name: &str, attendance: Attendance, booth: Option<i32>, max: Option<i32>, org: Option<OrgId>) -> Person {
        let email = format!("{}@participants.test", name.to_lowercase().replace(' ', "."));
        let (user, _) = self.env.user(&email, true).await;
        self.register(&user, name, attendance, booth, max, org).await
    }

    /// Registers an existing user (approved).
    pub async fn register(
        &self,
        user: &tandem_core::account::User,
        name: &str,
        attendance: Attendance,
        booth: Option<i32>,
        max: Option<i32>,
        org: Option<OrgId>,
    ) -> Person {
        let now = Utc::now().trunc_subsecs(6);
        let r = Registration {
            id: RegistrationId::new(),
            event_id: self.event,
            user_id: user.id,
            org_id: org,
            display_name: name.into(),
            attendance,
            state: RegistrationState::Approved,
            booth_table: booth,
            max_meetings: max,
            checkin_code: uuid::Uuid::new_v4().simple().to_string(),
            calendar_token: uuid::Uuid::new_v4().simple().to_string(),
            checked_in_at: None,
            checked_in_by: None,
            created_at: now,
            updated_at: now,
        };
        let mut tx = self.env.app.db().begin().await.expect("begin");
        registrations::insert(tx.conn(), &r).await.expect("registration");
        tx.commit().await.expect("commit");
        Person { reg: r.id, actor: self.env.actor(user).await, email: user.email.as_str().to_owned() }
    }

    /// Changes the event's settings.
    pub async fn settings(&self, change: impl FnOnce(&mut Event)) {
        let mut tx = self.env.app.db().begin().await.expect("begin");
        let mut event = events::get(tx.conn(), self.event).await.expect("get").expect("event");
        change(&mut event);
        events::update(tx.conn(), &event).await.expect("update");
        tx.commit().await.expect("commit");
    }

    /// `from` asks `to` for a meeting.
    pub async fn request(&self, from: &Person, to: &Person) -> Result<Meeting, AppError> {
        let input = RequestInput { receiver: to.reg, message: Some("Shall we talk?".into()), ..Default::default() };
        requests::request(&self.env.app, &from.actor, self.event, &input).await
    }

    /// Subjects of the emails to `p`, newest first.
    pub async fn mail_to(&self, p: &Person) -> Vec<String> {
        self.env.outbox_to(&p.email).await.into_iter().map(|m| m.subject).collect()
    }
}

/// The refusal code of a failed use case.
#[track_caller]
pub fn refusal<T: std::fmt::Debug>(result: Result<T, AppError>) -> &'static str {
    match result {
        Err(AppError::Invalid(errors)) => errors.0.first().map(|e| e.code).expect("an error"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}
