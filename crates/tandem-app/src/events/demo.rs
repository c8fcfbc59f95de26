//! The demo's event: the one Tandem was born from (issue 5) — the 25th anniversary of the
//! Birmingham–Leipzig twinning (1992 → 2017) at the Innovation Birmingham Campus (iCentrum),
//! with keynotes (one from Leipzig by a remote speaker), a VR demonstration, a panel and a
//! morning and an afternoon matchmaking session, organised by the support organisations of
//! both cities, with registered participants from both cities who bring their partnering
//! profiles. Written straight to the store inside the demo's seeding transaction.
//!
//! Speakers and participants are fictional people; the organisations are the demo's.

use super::access::now as rounded_now;
use super::demo_meetings;
use super::registration::new_registration;
use crate::{AppError, AppResult};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use std::collections::{BTreeMap, HashMap};
use tandem_core::account::{Email, Locale, OrgRole};
use tandem_core::events::agenda::plan_slots;
use tandem_core::events::event::{Event, EventDraft, Session, Slot, Speaker, Tz};
use tandem_core::events::registration::Registration;
use tandem_core::events::{AgendaState, Attendance, EventState, OrganiserRole, RegistrationState, SchedulingMode, SessionKind};
use tandem_core::{OrgId, ProfileId, SessionId, SlotId, SpeakerId, UserId};
use tandem_store::{cities, events, memberships, organisations, profiles, registrations, users, Tx};

/// Main organiser (the venue's operator) and supporting organisers, by demo name.
const MAIN_ORGANISER: &str = "Innovation Birmingham";
const SUPPORTING: &[&str] = &["Birmingham City Council", "Stadt Leipzig", "SpinLab – The HHL Accelerator"];

/// Registered demo logins: (email, organisation name or external id, attendance).
const DEMO_LOGINS: &[(&str, &str, Attendance)] =
    &[("chris.sme@demo.tandem.example", "demo-sme-01", Attendance::Onsite), ("taylor.member@demo.tandem.example", "Holosphere", Attendance::Onsite)];

/// Fictional participants from the profile owners of each city, in order.
const BIRMINGHAM_NAMES: &[&str] = &["Priya Sharma", "Tom Bennett", "Aisha Khan", "Owen Davies", "Grace Okafor", "Liam Walsh", "Hannah Price", "Ravi Patel"];
const LEIPZIG_NAMES: &[&str] = &["Katrin Vogel", "Jonas Richter", "Mira Schulz", "Felix Hartmann", "Lea Neumann", "Paul Krüger", "Sophie Lehmann", "Tim Berger"];

/// (kind, title, start, end, room, stream, slot minutes, speakers: (name, affiliation, remote)).
type SessionSpec = (SessionKind, &'static str, &'static str, &'static str, &'static str, Option<&'static str>, Option<i32>, &'static [(&'static str, &'static str, bool)]);

const AGENDA: &[SessionSpec] = &[
    (SessionKind::Break, "Arrival, registration and coffee", "09:00", "09:30", "Foyer", None, None, &[]),
    (
        SessionKind::Keynote,
        "25 years of twinning: Birmingham and Leipzig since 1992",
        "09:30",
        "10:00",
        "Auditorium",
        None,
        None,
        &[("Margaret Ellis", "Birmingham City Council", false)],
    ),
    (
        SessionKind::Keynote,
        "Leipzig's start-up ecosystem and what it seeks in Birmingham",
        "10:00",
        "10:30",
        "Auditorium",
        Some("https://stream.example.org/tandem-25/keynote-leipzig"),
        None,
        &[("Dr. Annett Werner", "Stadt Leipzig, Amt für Wirtschaftsförderung", true)],
    ),
    (SessionKind::Matchmaking, "Morning matchmaking: B2B meetings", "10:30", "12:10", "Atrium", None, Some(20), &[]),
    (SessionKind::Break, "Lunch", "12:10", "13:00", "Foyer", None, None, &[]),
    (
        SessionKind::Demo,
        "Virtual reality demonstrations from both cities",
        "13:00",
        "13:45",
        "VR lab",
        None,
        None,
        &[("Dr. Sam Carter", "BCU Digital Media Technology Lab", false), ("Helen Price", "Daden Ltd", false)],
    ),
    (
        SessionKind::Panel,
        "Crossing the North Sea: what SMEs need to work in the partner city",
        "13:45",
        "14:30",
        "Auditorium",
        Some("https://stream.example.org/tandem-25/panel"),
        None,
        &[
            ("Jordan Hayes", "Innovation Birmingham", false),
            ("Lena Bauer", "SpinLab – The HHL Accelerator", true),
            ("Matthias Ott", "Invest Region Leipzig GmbH", false),
        ],
    ),
    (SessionKind::Matchmaking, "Afternoon matchmaking: B2B meetings", "14:30", "16:10", "Atrium", None, Some(20), &[]),
    (SessionKind::Other, "Closing and networking", "16:10", "17:00", "Foyer", None, None, &[]),
];

/// `hhmm` on `day` in `tz`.
fn at(tz: Tz, day: NaiveDate, hhmm: &str) -> AppResult<DateTime<Utc>> {
    let time = NaiveTime::parse_from_str(hhmm, "%H:%M").map_err(|_| AppError::Internal(format!("demo time {hhmm}")))?;
    tz.from_local_datetime(&day.and_time(time))
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| AppError::Internal(format!("demo time {hhmm} is not on the clock")))
}

/// The day of the anniversary event.
fn anniversary_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2017, 10, 20).unwrap_or_default()
}

async fn org_named(tx: &mut Tx, orgs: &HashMap<String, OrgId>, name: &str) -> AppResult<OrgId> {
    if let Some(id) = orgs.get(name) {
        return Ok(*id);
    }
    organisations::id_by_external_id(tx.conn(), name)
        .await?
        .ok_or_else(|| AppError::Internal(format!("the demo event names unknown organisation '{name}'")))
}

/// Seeds the demo event with its organisers, agenda, slots and registered participants; returns
/// the event. `orgs` are the demo organisations by name, `users` the demo logins by email.
pub(crate) async fn seed(
    tx: &mut Tx,
    orgs: &HashMap<String, OrgId>,
    users: &HashMap<String, UserId>,
    password_hash: &str,
) -> AppResult<Event> {
    let now = rounded_now();
    let details = EventDraft {
        name: "Birmingham–Leipzig: 25 years of twinning".into(),
        description: Some(
            "Birmingham and Leipzig have been twin cities since 1992. For the 25th anniversary, the support organisations of \
             both cities bring their innovation ecosystems together for a day of keynotes, virtual reality demonstrations, a \
             panel and B2B matchmaking between SMEs, research labs and support organisations from both cities."
                .into(),
        ),
        timezone: "Europe/London".into(),
        starts_at: "2017-10-20T09:00".into(),
        ends_at: "2017-10-20T17:00".into(),
        venue_name: "Innovation Birmingham Campus (iCentrum)".into(),
        venue_address: Some("Holt Street, Birmingham B7 4BP".into()),
        tables: "20".into(),
    }
    .validate()?;
    let organiser_user = users.get("sam.orgadmin@demo.tandem.example").copied();
    let mut event = Event::new(details, "birmingham-leipzig-25-years-of-twinning-2017".into(), organiser_user, now);
    event.state = EventState::Published;
    event.capacity = Some(120);
    event.registration_open = true;
    event.booking_open = true;
    event.max_meetings = Some(8);
    insert_with_organisers(tx, orgs, &event, MAIN_ORGANISER, SUPPORTING).await?;
    event.agenda_state = AgendaState::Final;
    event.agenda_published_at = Some(event.starts_at - Duration::days(3));
    let slots = seed_agenda(tx, &event, AGENDA, anniversary_day(), now).await?;
    let participants = seed_participants(tx, &event, orgs, users, password_hash, &slots).await?;
    let placed = demo_meetings::seed_history(tx, &event, &participants, &slots).await?;
    if let Some(organiser) = organiser_user {
        let demo_logins: Vec<_> = participants[..DEMO_LOGINS.len()].iter().map(|r| r.id).collect();
        demo_meetings::seed_event_day(tx, &event, &participants, &placed, &demo_logins, organiser).await?;
    }
    seed_upcoming(tx, orgs, users, &participants[DEMO_LOGINS.len()..]).await?;
    Ok(event)
}

/// Writes `event` with its main and supporting organisers (by demo name).
async fn insert_with_organisers(tx: &mut Tx, orgs: &HashMap<String, OrgId>, event: &Event, main: &str, supporting: &[&str]) -> AppResult<()> {
    events::insert(tx.conn(), event).await?;
    let main = org_named(tx, orgs, main).await?;
    events::add_organiser(tx.conn(), event.id, main, OrganiserRole::Main).await?;
    for name in supporting {
        let org = org_named(tx, orgs, name).await?;
        events::add_organiser(tx.conn(), event.id, org, OrganiserRole::Supporting).await?;
    }
    Ok(())
}

/// Writes the sessions of `agenda` on `day`, their speakers and the matchmaking sessions'
/// slots; returns the slots.
async fn seed_agenda(tx: &mut Tx, event: &Event, agenda: &[SessionSpec], day: NaiveDate, now: DateTime<Utc>) -> AppResult<Vec<Slot>> {
    let mut all_slots = Vec::new();
    for (kind, title, start, end, room, stream, minutes, speakers) in agenda {
        let session = Session {
            id: SessionId::new(),
            event_id: event.id,
            kind: *kind,
            title: (*title).into(),
            description: None,
            starts_at: at(event.timezone, day, start)?,
            ends_at: at(event.timezone, day, end)?,
            room: Some((*room).into()),
            stream_url: stream.map(str::to_owned),
            slot_minutes: *minutes,
            max_meetings: minutes.map(|_| 4),
            created_at: now,
        };
        events::insert_session(tx.conn(), &session).await?;
        for (name, affiliation, remote) in *speakers {
            let speaker = Speaker {
                id: SpeakerId::new(),
                session_id: session.id,
                name: (*name).into(),
                affiliation: Some((*affiliation).into()),
                remote: *remote,
                position: 0,
            };
            events::insert_speaker(tx.conn(), &speaker).await?;
        }
        if let Some(minutes) = minutes {
            let slots: Vec<Slot> = plan_slots(session.starts_at, session.ends_at, *minutes)
                .slots
                .into_iter()
                .map(|(starts_at, ends_at)| Slot { id: SlotId::new(), event_id: event.id, session_id: session.id, starts_at, ends_at })
                .collect();
            events::replace_slots(tx.conn(), session.id, &slots).await?;
            all_slots.extend(slots);
        }
    }
    Ok(all_slots)
}

/// Registers the demo logins and one fictional participant for each of up to eight profile
/// owners per city, each bringing their organisation's published profiles. Returns the
/// registrations in the order made.
async fn seed_participants(
    tx: &mut Tx,
    event: &Event,
    orgs: &HashMap<String, OrgId>,
    users: &HashMap<String, UserId>,
    password_hash: &str,
    slots: &[Slot],
) -> AppResult<Vec<Registration>> {
    let now = rounded_now();
    let city_names: HashMap<_, _> = cities::list(tx.conn()).await?.into_iter().map(|c| (c.id, c.name)).collect();
    // Published profiles by owner, owners in a stable order (by external id of the profile).
    let mut by_owner: BTreeMap<OrgId, Vec<ProfileId>> = BTreeMap::new();
    let mut published = profiles::published(tx.conn()).await?;
    published.sort_by(|a, b| a.external_id.cmp(&b.external_id));
    let mut owners_in_order = Vec::new();
    for p in &published {
        let list = by_owner.entry(p.owner_org_id).or_default();
        if list.is_empty() {
            owners_in_order.push(p.owner_org_id);
        }
        list.push(p.id);
    }
    let mut out = Vec::new();
    let mut taken = Vec::new();
    for (email, org, attendance) in DEMO_LOGINS {
        let (Some(user), org) = (users.get(*email), org_named(tx, orgs, org).await?) else {
            return Err(AppError::Internal(format!("the demo event names unknown login {email}")));
        };
        let name = users::get(tx.conn(), *user).await?.map(|u| u.display_name).unwrap_or_default();
        let brought = by_owner.get(&org).cloned().unwrap_or_default();
        out.push(register(tx, event, *user, org, &name, *attendance, &brought, &[], now).await?);
        taken.push(org);
    }
    let (mut birmingham, mut leipzig) = (0usize, 0usize);
    for owner in owners_in_order {
        if taken.contains(&owner) {
            continue;
        }
        let Some(org) = organisations::get(tx.conn(), owner).await? else { continue };
        let city = city_names.get(&org.city_id).map(String::as_str).unwrap_or_default();
        let (name, locale, n) = match city {
            "Birmingham" if birmingham < BIRMINGHAM_NAMES.len() => (BIRMINGHAM_NAMES[birmingham], Locale::En, &mut birmingham),
            "Leipzig" if leipzig < LEIPZIG_NAMES.len() => (LEIPZIG_NAMES[leipzig], Locale::De, &mut leipzig),
            _ => continue,
        };
        *n += 1;
        let index = out.len();
        let email = format!("{}@participants.demo.tandem.example", tandem_core::text::fold(name).replace(' ', "."));
        let user = UserId::new();
        let address = Email::parse(&email)?;
        let new = users::NewUser {
            id: user,
            email: &address,
            display_name: name,
            password_hash,
            email_verified: true,
            locale,
            is_platform_admin: false,
        };
        users::insert(tx.conn(), &new, now).await?;
        memberships::set(tx.conn(), user, owner, OrgRole::OrgAdmin, now).await?;
        // Every fourth participant from Leipzig joins online; every third cannot meet first thing.
        let attendance = if locale == Locale::De && index % 4 == 0 { Attendance::Remote } else { Attendance::Onsite };
        let unavailable: Vec<SlotId> = if index % 3 == 0 { slots.iter().take(1).map(|s| s.id).collect() } else { Vec::new() };
        let brought = by_owner.get(&owner).cloned().unwrap_or_default();
        out.push(register(tx, event, user, owner, name, attendance, &brought, &unavailable, now - Duration::days(30 - index as i64)).await?);
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
async fn register(
    tx: &mut Tx,
    event: &Event,
    user: UserId,
    org: OrgId,
    name: &str,
    attendance: Attendance,
    profiles: &[ProfileId],
    unavailable: &[SlotId],
    at: DateTime<Utc>,
) -> AppResult<Registration> {
    let r = new_registration(event.id, user, Some(org), name, attendance, RegistrationState::Approved, at);
    registrations::insert(tx.conn(), &r).await?;
    registrations::replace_profiles(tx.conn(), r.id, profiles).await?;
    registrations::replace_unavailable(tx.conn(), r.id, unavailable).await?;
    Ok(r)
}

/// The upcoming event: the partner city hosts the next exchange, six weeks after the demo is
/// seeded, so that registering, requesting, auto-scheduling and publishing can all be tried.
const UPCOMING_MAIN: &str = "SpinLab – The HHL Accelerator";
const UPCOMING_SUPPORTING: &[&str] = &["Stadt Leipzig", "Innovation Birmingham"];
const UPCOMING_AGENDA: &[SessionSpec] = &[
    (SessionKind::Break, "Arrival and coffee", "09:00", "09:30", "Foyer", None, None, &[]),
    (
        SessionKind::Keynote,
        "From twinning to trade: what SMEs in both cities built together",
        "09:30",
        "10:00",
        "Halle 14",
        Some("https://stream.example.org/tandem-exchange/keynote"),
        None,
        &[("Dr. Annett Werner", "Stadt Leipzig, Amt für Wirtschaftsförderung", false)],
    ),
    (SessionKind::Matchmaking, "Morning B2B meetings", "10:00", "12:00", "Werkhalle", None, Some(20), &[]),
    (SessionKind::Break, "Lunch", "12:00", "13:00", "Foyer", None, None, &[]),
    (
        SessionKind::Panel,
        "Funding cross-border pilots: ERDF, Interreg and what comes next",
        "13:00",
        "13:45",
        "Halle 14",
        Some("https://stream.example.org/tandem-exchange/panel"),
        None,
        &[("Jordan Hayes", "Innovation Birmingham", true), ("Matthias Ott", "Invest Region Leipzig GmbH", false)],
    ),
    (SessionKind::Matchmaking, "Afternoon B2B meetings", "13:45", "15:45", "Werkhalle", None, Some(20), &[]),
    (SessionKind::Other, "Closing and networking", "15:45", "17:00", "Foyer", None, None, &[]),
];

/// Seeds the upcoming exchange in Leipzig with the 2017 event's fictional participants
/// (`returning`) registered again, and their requests: registration and booking are open, the
/// organisers auto-schedule.
async fn seed_upcoming(tx: &mut Tx, orgs: &HashMap<String, OrgId>, users: &HashMap<String, UserId>, returning: &[Registration]) -> AppResult<Event> {
    let now = rounded_now();
    let day = (now + Duration::weeks(6)).date_naive();
    let date = day.format("%Y-%m-%d");
    let details = EventDraft {
        name: "Birmingham–Leipzig Innovation Exchange".into(),
        description: Some(
            "The partner city hosts the next exchange: SMEs, labs and support organisations from Birmingham and Leipzig meet              at the Spinnerei for a keynote, a panel on funding cross-border pilots and a day of one-to-one B2B meetings,              scheduled by the organisers from everyone's requests."
                .into(),
        ),
        timezone: "Europe/Berlin".into(),
        starts_at: format!("{date}T09:00"),
        ends_at: format!("{date}T17:00"),
        venue_name: "SpinLab – The HHL Accelerator, Spinnerei".into(),
        venue_address: Some("Spinnereistraße 7, 04179 Leipzig".into()),
        tables: "12".into(),
    }
    .validate()?;
    let organiser_user = users.get("lena.managerin@demo.tandem.example").copied();
    let mut event = Event::new(details, format!("birmingham-leipzig-innovation-exchange-{}", day.format("%Y")), organiser_user, now);
    event.state = EventState::Published;
    event.capacity = Some(80);
    event.registration_open = true;
    event.booking_open = true;
    event.scheduling_mode = SchedulingMode::Auto;
    event.max_meetings = Some(8);
    insert_with_organisers(tx, orgs, &event, UPCOMING_MAIN, UPCOMING_SUPPORTING).await?;
    seed_agenda(tx, &event, UPCOMING_AGENDA, day, now).await?;
    let mut participants = Vec::new();
    for (i, r) in returning.iter().enumerate() {
        let brought = registrations::profiles(tx.conn(), r.id).await?;
        let Some(org) = r.org_id else { continue };
        let at = now - Duration::days(10) + Duration::hours(i as i64);
        participants.push(register(tx, &event, r.user_id, org, &r.display_name, r.attendance, &brought, &[], at).await?);
    }
    demo_meetings::seed_open(tx, &event, &participants).await?;
    Ok(event)
}
