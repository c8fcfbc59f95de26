//! Events (issue 5, items 1 and 5): set-up and its permissions, the agenda and its slots,
//! registration with approval, capacity and waiting list, privacy of answers, check-in.

mod checkin;
mod demo;
mod documents;
mod followup;
mod registration;
mod scheduling;
mod setup;

use crate::{draft, Env};
use tandem_app::events::setup as event_setup;
use tandem_core::account::User;
use tandem_core::directory::{OrgKind, Organisation};
use tandem_core::events::event::{Event, EventDraft, SettingsDraft};
use tandem_core::events::registration::RegistrationDraft;
use tandem_core::policy::Actor;

/// An event in the making: its main organiser's organisation and admin.
pub struct Fixture {
    pub env: Env,
    pub org: Organisation,
    pub organiser: (User, Actor),
    pub event: Event,
}

/// The 2017 event's details (Birmingham time), a week of slack around the day.
pub fn details() -> EventDraft {
    EventDraft {
        name: "Birmingham–Leipzig: 25 years of twinning".into(),
        description: Some("Keynotes, VR demonstrations and B2B matchmaking".into()),
        timezone: "Europe/London".into(),
        starts_at: "2030-10-20T09:00".into(),
        ends_at: "2030-10-20T17:30".into(),
        venue_name: "Innovation Birmingham Campus (iCentrum)".into(),
        venue_address: Some("Holt Street, Birmingham B7 4BP".into()),
        tables: "20".into(),
    }
}

/// Open registration with these capacity and approval settings.
pub fn settings(capacity: &str, approval: bool) -> SettingsDraft {
    SettingsDraft {
        capacity: capacity.into(),
        registration_open: true,
        registration_approval: approval,
        booking_open: false,
        request_mode: "approval".into(),
        scheduling_mode: "pick_slot".into(),
        request_expiry_minutes: "1440".into(),
        max_pending_requests: "10".into(),
        ..SettingsDraft::default()
    }
}

/// A registration as a participant fills it in.
pub fn registration(name: &str) -> RegistrationDraft {
    RegistrationDraft { display_name: name.into(), attendance: "onsite".into(), ..RegistrationDraft::default() }
}

impl Fixture {
    /// A draft event of Innovation Birmingham, created by its admin.
    pub async fn draft() -> Fixture {
        let env = Env::new().await;
        let city = env.city("Birmingham").await;
        let (org, user, actor) = env.org("events@innovation-birmingham.example", &draft("Innovation Birmingham", OrgKind::Incubator, city)).await;
        let event = event_setup::create(&env.app, &actor, org.id, &details()).await.expect("create event");
        Fixture { env, org, organiser: (user, actor), event }
    }

    /// A published event with open registration (`capacity`, `approval`).
    pub async fn open(capacity: &str, approval: bool) -> Fixture {
        let mut f = Fixture::draft().await;
        let actor = &f.organiser.1;
        event_setup::update_settings(&f.env.app, actor, f.event.id, &settings(capacity, approval)).await.expect("settings");
        f.event = event_setup::publish(&f.env.app, actor, f.event.id).await.expect("publish");
        f
    }
}
