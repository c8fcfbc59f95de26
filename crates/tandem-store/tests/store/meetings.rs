//! Meeting requests, meetings and their bookings (issue 5, items 2, 4 and 7): round trips, the
//! counts the rules rest on, conditional answers, expiry, and the booking rows whose primary
//! keys refuse a second booking of a participant or a table in a slot.

use crate::{birmingham, fresh, insert_org, leipzig, org_input};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use tandem_core::account::{Email, Locale};
use tandem_core::directory::OrgKind;
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{MeetingMode, MeetingState};
use tandem_core::{EventId, MeetingId, OrgId, ProfileId, RegistrationId, SessionId, SlotId, UserId};
use tandem_store::{bookings, meetings, registrations, users, Db, StoreError};
use uuid::Uuid;

fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// One bind value of a fixture statement.
enum Arg {
    Id(Uuid),
    OptId(Option<Uuid>),
    Text(String),
    Int(i32),
    OptInt(Option<i32>),
    Time(DateTime<Utc>),
}

/// Runs a fixture statement on either backend (the event use cases are tested elsewhere).
async fn exec(db: &Db, sql: &str, args: Vec<Arg>) {
    macro_rules! run {
        ($pool:expr) => {{
            let mut q = sqlx::query(sql);
            for a in args {
                q = match a {
                    Arg::Id(v) => q.bind(v),
                    Arg::OptId(v) => q.bind(v),
                    Arg::Text(v) => q.bind(v),
                    Arg::Int(v) => q.bind(v),
                    Arg::OptInt(v) => q.bind(v),
                    Arg::Time(v) => q.bind(v),
                };
            }
            q.execute($pool).await.map(drop)
        }};
    }
    match db {
        Db::Sqlite(pool) => run!(pool),
        Db::Postgres(pool) => run!(pool),
    }
    .unwrap_or_else(|e| panic!("fixture statement failed: {e}\n{sql}"));
}

/// An event with `tables` tables and one matchmaking session of three 30-minute slots (the
/// session allows `session_max` meetings per participant).
struct Venue {
    event: EventId,
    slots: Vec<SlotId>,
}

async fn venue(db: &Db, tables: i32, session_max: Option<i32>) -> Venue {
    let event = EventId::new();
    let start = now() + Duration::days(20);
    exec(
        db,
        "INSERT INTO events (id, slug, name, state, timezone, starts_at, ends_at, venue_name, tables, registration_open, \
         registration_approval, booking_open, request_mode, scheduling_mode, request_expiry_minutes, max_pending_requests, \
         agenda_state, created_at, updated_at) VALUES ($1, $2, 'Tandem 25', 'published', 'Europe/London', $3, $4, 'iCentrum', \
         $5, TRUE, FALSE, TRUE, 'approval', 'pick_slot', 1440, 10, 'unpublished', $6, $6)",
        vec![Arg::Id(event.0), Arg::Text(format!("tandem-{}", event.0.simple())), Arg::Time(start), Arg::Time(start + Duration::hours(8)), Arg::Int(tables), Arg::Time(now())],
    )
    .await;
    let session = SessionId::new();
    exec(
        db,
        "INSERT INTO event_sessions (id, event_id, kind, title, starts_at, ends_at, slot_minutes, max_meetings, created_at) \
         VALUES ($1, $2, 'matchmaking', 'B2B meetings', $3, $4, 30, $5, $6)",
        vec![Arg::Id(session.0), Arg::Id(event.0), Arg::Time(start), Arg::Time(start + Duration::minutes(90)), Arg::OptInt(session_max), Arg::Time(now())],
    )
    .await;
    let mut slots = Vec::new();
    for i in 0..3 {
        let slot = SlotId::new();
        let at = start + Duration::minutes(30 * i);
        exec(
            db,
            "INSERT INTO event_slots (id, event_id, session_id, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)",
            vec![Arg::Id(slot.0), Arg::Id(event.0), Arg::Id(session.0), Arg::Time(at), Arg::Time(at + Duration::minutes(30))],
        )
        .await;
        slots.push(slot);
    }
    Venue { event, slots }
}

async fn user(db: &Db, address: &str) -> UserId {
    let mut conn = db.acquire().await.expect("acquire");
    let id = UserId::new();
    let email = Email::parse(address).expect("email");
    let new = users::NewUser {
        id,
        email: &email,
        display_name: address.split('@').next().unwrap_or(address),
        password_hash: "x",
        email_verified: true,
        locale: Locale::En,
        is_platform_admin: false,
    };
    users::insert(conn.conn(), &new, now()).await.expect("insert user");
    id
}

/// An approved participant of `event`.
async fn participant(db: &Db, event: EventId, name: &str, org: Option<OrgId>, attendance: &str, booth: Option<i32>) -> RegistrationId {
    let id = RegistrationId::new();
    let user = user(db, &format!("{}@example.org", name.to_lowercase().replace(' ', "."))).await;
    exec(
        db,
        "INSERT INTO event_registrations (id, event_id, user_id, org_id, display_name, attendance, state, booth_table, \
         checkin_code, calendar_token, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'approved', $7, $8, $9, $10, $10)",
        vec![
            Arg::Id(id.0),
            Arg::Id(event.0),
            Arg::Id(user.0),
            Arg::OptId(org.map(|o| o.0)),
            Arg::Text(name.to_owned()),
            Arg::Text(attendance.to_owned()),
            Arg::OptInt(booth),
            Arg::Text(format!("c-{}", id.0.simple())),
            Arg::Text(format!("t-{}", id.0.simple())),
            Arg::Time(now()),
        ],
    )
    .await;
    id
}

async fn profile(db: &Db, owner: OrgId, title: &str) -> ProfileId {
    let id = ProfileId::new();
    exec(
        db,
        "INSERT INTO profiles (id, owner_org_id, profile_type, language, title, sdgs, call_coordinator_required, state, \
         published_at, expires_at, extended, expiry_notice_sent, search_text, version, created_at, updated_at) \
         VALUES ($1, $2, 'TO', 'en', $3, '', FALSE, 'published', $4, $4, FALSE, FALSE, '', 1, $4, $4)",
        vec![Arg::Id(id.0), Arg::Id(owner.0), Arg::Text(title.to_owned()), Arg::Time(now())],
    )
    .await;
    id
}

fn request(event: EventId, from: RegistrationId, to: RegistrationId, at: DateTime<Utc>) -> Meeting {
    Meeting {
        id: MeetingId::new(),
        event_id: event,
        requester_id: from,
        receiver_id: to,
        profile_id: None,
        message: Some("Shall we talk about VR training?".into()),
        state: MeetingState::Requested,
        mode: MeetingMode::Onsite,
        priority: 1,
        expires_at: Some(at + Duration::hours(24)),
        responded_at: None,
        reason: None,
        slot_id: None,
        table_number: None,
        locked: false,
        sequence: 0,
        outcome: None,
        outcome_by: None,
        created_at: at,
        updated_at: at,
    }
}

async fn insert(db: &Db, m: &Meeting) {
    let mut tx = db.begin().await.expect("begin");
    meetings::insert(tx.conn(), m).await.expect("insert meeting");
    tx.commit().await.expect("commit");
}

async fn accepted(db: &Db, event: EventId, from: RegistrationId, to: RegistrationId) -> Meeting {
    let mut m = request(event, from, to, now());
    m.state = MeetingState::Accepted;
    m.responded_at = Some(m.created_at);
    insert(db, &m).await;
    m
}

/// Books in its own transaction, as a use case would.
async fn book(db: &Db, meeting: MeetingId, slot: SlotId, table: Option<i32>) -> Result<(), StoreError> {
    let mut tx = db.begin().await.expect("begin");
    bookings::book(tx.conn(), meeting, slot, table, now()).await?;
    tx.commit().await.expect("commit");
    Ok(())
}

#[tokio::test]
async fn a_request_round_trips_and_only_one_answer_wins() {
    let (_t, db) = fresh().await;
    let v = venue(&db, 5, None).await;
    let daden = insert_org(&db, &org_input("Daden Ltd", OrgKind::Sme, birmingham(), &[]), "").await;
    let (a, b) = (participant(&db, v.event, "Chris", Some(daden.id), "onsite", None).await, participant(&db, v.event, "Petra", None, "onsite", None).await);
    let mut m = request(v.event, a, b, now());
    m.profile_id = Some(profile(&db, daden.id, "VR surgical training").await);
    insert(&db, &m).await;

    let mut conn = db.acquire().await.expect("acquire");
    assert_eq!(meetings::get(conn.conn(), m.id).await.expect("get"), Some(m.clone()));
    assert_eq!(meetings::open_between(conn.conn(), b, a, now()).await.expect("open"), 1);
    assert_eq!(meetings::pending_count(conn.conn(), a, now()).await.expect("pending"), 1);
    assert_eq!(meetings::pending_count(conn.conn(), b, now()).await.expect("pending"), 0);
    drop(conn);

    let mut tx = db.begin().await.expect("begin");
    assert_eq!(meetings::respond(tx.conn(), m.id, MeetingState::Accepted, None, now()).await.expect("accept"), 1);
    assert_eq!(meetings::respond(tx.conn(), m.id, MeetingState::Declined, Some("busy"), now()).await.expect("decline"), 0);
    tx.commit().await.expect("commit");

    let mut conn = db.acquire().await.expect("acquire");
    let stored = meetings::get(conn.conn(), m.id).await.expect("get").expect("exists");
    assert_eq!(stored.state, MeetingState::Accepted);
    assert!(stored.responded_at.is_some());
    assert_eq!(meetings::accepted_count(conn.conn(), a).await.expect("count"), 1);
    assert_eq!(meetings::accepted_count(conn.conn(), b).await.expect("count"), 1);
    assert_eq!(meetings::pending_count(conn.conn(), a, now()).await.expect("pending"), 0);

    let mine = meetings::for_registration(conn.conn(), b).await.expect("for registration");
    assert_eq!(mine.len(), 1);
    assert!(!mine[0].outgoing);
    assert_eq!((mine[0].partner_name.as_str(), mine[0].partner_org.as_deref()), ("Chris", Some("Daden Ltd")));
    assert_eq!(mine[0].profile_title.as_deref(), Some("VR surgical training"));
    let theirs = meetings::for_registration(conn.conn(), a).await.expect("for registration");
    assert!(theirs[0].outgoing);
    assert_eq!((theirs[0].partner_name.as_str(), theirs[0].partner_org.as_deref()), ("Petra", None));
}

#[tokio::test]
async fn an_overdue_request_holds_nothing_and_expires_once() {
    let (_t, db) = fresh().await;
    let v = venue(&db, 5, None).await;
    let (a, b) = (participant(&db, v.event, "Chris", None, "onsite", None).await, participant(&db, v.event, "Petra", None, "remote", None).await);
    let mut m = request(v.event, a, b, now() - Duration::hours(2));
    m.expires_at = Some(now() - Duration::minutes(1));
    insert(&db, &m).await;

    let mut tx = db.begin().await.expect("begin");
    assert_eq!(meetings::open_between(tx.conn(), a, b, now()).await.expect("open"), 0);
    assert_eq!(meetings::pending_count(tx.conn(), a, now()).await.expect("pending"), 0);
    assert_eq!(meetings::respond(tx.conn(), m.id, MeetingState::Accepted, None, now()).await.expect("late accept"), 0);
    assert_eq!(meetings::overdue(tx.conn(), now(), 10).await.expect("overdue"), vec![m.id]);
    assert_eq!(meetings::expire(tx.conn(), m.id, now()).await.expect("expire"), 1);
    assert_eq!(meetings::expire(tx.conn(), m.id, now()).await.expect("again"), 0);
    assert!(meetings::overdue(tx.conn(), now(), 10).await.expect("overdue").is_empty());
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn bookings_refuse_a_second_meeting_of_a_participant_or_a_table_in_a_slot() {
    let (_t, db) = fresh().await;
    let v = venue(&db, 2, Some(2)).await;
    let a = participant(&db, v.event, "Chris", None, "onsite", None).await;
    let b = participant(&db, v.event, "Petra", None, "onsite", None).await;
    let c = participant(&db, v.event, "Sam", None, "onsite", None).await;
    let d = participant(&db, v.event, "Uta", None, "onsite", Some(2)).await;
    let ab = accepted(&db, v.event, a, b).await;
    let ac = accepted(&db, v.event, a, c).await;
    let cd = accepted(&db, v.event, c, d).await;
    let slot = v.slots[0];

    book(&db, ab.id, slot, Some(1)).await.expect("first booking");
    match book(&db, ac.id, slot, Some(2)).await {
        Err(StoreError::Duplicate { field }) => assert_eq!(field, "slot_id"),
        other => panic!("a participant booked twice in a slot: {other:?}"),
    }
    match book(&db, cd.id, slot, Some(1)).await {
        Err(StoreError::Duplicate { field }) => assert_eq!(field, "table_number"),
        other => panic!("a table booked twice in a slot: {other:?}"),
    }
    // Nothing of the refused bookings stayed behind.
    let mut conn = db.acquire().await.expect("acquire");
    assert_eq!(bookings::busy_slots(conn.conn(), c).await.expect("busy"), Vec::<SlotId>::new());
    assert_eq!(bookings::table_bookings(conn.conn(), v.event).await.expect("tables"), vec![(slot, 1)]);
    drop(conn);

    book(&db, cd.id, slot, Some(2)).await.expect("the booth is free");
    let mut conn = db.acquire().await.expect("acquire");
    assert_eq!(bookings::busy_slots(conn.conn(), d).await.expect("busy"), vec![slot]);
    assert_eq!(bookings::booths(conn.conn(), v.event).await.expect("booths"), vec![(d, 2)]);
    let placed = meetings::get(conn.conn(), ab.id).await.expect("get").expect("exists");
    assert_eq!((placed.slot_id, placed.table_number, placed.sequence), (Some(slot), Some(1), 1));
    assert_eq!(meetings::accepted_for_event(conn.conn(), v.event).await.expect("accepted").len(), 3);
}

#[tokio::test]
async fn moving_and_unbooking_keep_the_bookings_and_sequence_right() {
    let (_t, db) = fresh().await;
    let v = venue(&db, 3, None).await;
    let (a, b) = (participant(&db, v.event, "Chris", None, "onsite", None).await, participant(&db, v.event, "Petra", None, "remote", None).await);
    let m = accepted(&db, v.event, a, b).await;
    book(&db, m.id, v.slots[0], Some(3)).await.expect("book");
    book(&db, m.id, v.slots[1], None).await.expect("move to a video meeting in the next slot");

    let mut conn = db.acquire().await.expect("acquire");
    assert_eq!(bookings::busy_slots(conn.conn(), a).await.expect("busy"), vec![v.slots[1]]);
    assert!(bookings::table_bookings(conn.conn(), v.event).await.expect("tables").is_empty());
    let moved = meetings::get(conn.conn(), m.id).await.expect("get").expect("exists");
    assert_eq!((moved.slot_id, moved.table_number, moved.sequence), (Some(v.slots[1]), None, 2));
    drop(conn);

    let mut tx = db.begin().await.expect("begin");
    assert!(bookings::unbook(tx.conn(), m.id, now()).await.expect("unbook"));
    assert!(!bookings::unbook(tx.conn(), m.id, now()).await.expect("again"));
    assert_eq!(meetings::cancel(tx.conn(), m.id, Some("plans changed"), now()).await.expect("cancel"), 1);
    assert_eq!(meetings::cancel(tx.conn(), m.id, None, now()).await.expect("cancel again"), 0);
    tx.commit().await.expect("commit");

    let mut conn = db.acquire().await.expect("acquire");
    let gone = meetings::get(conn.conn(), m.id).await.expect("get").expect("exists");
    assert_eq!((gone.state, gone.slot_id, gone.sequence, gone.reason.as_deref()), (MeetingState::Cancelled, None, 3, Some("plans changed")));
    assert!(bookings::busy_slots(conn.conn(), b).await.expect("busy").is_empty());
    assert!(meetings::accepted_for_event(conn.conn(), v.event).await.expect("accepted").is_empty());
}

#[tokio::test]
async fn availability_locks_and_the_organisers_counts() {
    let (_t, db) = fresh().await;
    let v = venue(&db, 3, None).await;
    let leipzig_org = insert_org(&db, &org_input("Schenker GmbH", OrgKind::Sme, leipzig(), &[]), "").await;
    let a = participant(&db, v.event, "Chris", None, "onsite", None).await;
    let b = participant(&db, v.event, "Petra", Some(leipzig_org.id), "onsite", None).await;
    let c = participant(&db, v.event, "Sam", None, "remote", None).await;

    let mut tx = db.begin().await.expect("begin");
    meetings::lock_participants(tx.conn(), a, Some(b)).await.expect("lock");
    registrations::replace_unavailable(tx.conn(), a, &[v.slots[2], v.slots[0]]).await.expect("set");
    registrations::replace_unavailable(tx.conn(), a, &[v.slots[2]]).await.expect("replace");
    tx.commit().await.expect("commit");

    let m = accepted(&db, v.event, a, b).await;
    insert(&db, &request(v.event, c, a, now())).await;
    let mut declined = request(v.event, c, b, now());
    declined.state = MeetingState::Declined;
    insert(&db, &declined).await;

    let mut tx = db.begin().await.expect("begin");
    assert_eq!(meetings::set_locked(tx.conn(), m.id, true, now()).await.expect("lock"), 1);
    assert_eq!(meetings::set_locked(tx.conn(), declined.id, true, now()).await.expect("no lock"), 0);
    assert_eq!(meetings::set_mode(tx.conn(), m.id, MeetingMode::Either, now()).await.expect("mode"), 1);
    tx.commit().await.expect("commit");

    let mut conn = db.acquire().await.expect("acquire");
    assert_eq!(registrations::unavailable_slots(conn.conn(), a).await.expect("unavailable"), vec![v.slots[2]]);
    let stored = meetings::get(conn.conn(), m.id).await.expect("get").expect("exists");
    assert!(stored.locked);
    assert_eq!(stored.mode, MeetingMode::Either);
    let counts = meetings::state_counts(conn.conn(), v.event).await.expect("counts");
    assert_eq!(counts, vec![(MeetingState::Accepted, 1), (MeetingState::Declined, 1), (MeetingState::Requested, 1)]);
    let all = meetings::for_event(conn.conn(), v.event, None).await.expect("all");
    assert_eq!(all.len(), 3);
    let only = meetings::for_event(conn.conn(), v.event, Some(MeetingState::Accepted)).await.expect("accepted");
    assert_eq!(only.len(), 1);
    assert_eq!((only[0].requester_name.as_str(), only[0].receiver_org.as_deref()), ("Chris", Some("Schenker GmbH")));
}
