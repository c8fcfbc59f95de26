//! Agendas and the organiser's documents through the use cases (issue 5, item 4): what a
//! participant's agenda holds (sessions, meetings with table or video link, partner, profile),
//! the publish rule at auto-scheduled events, who may see whose agenda, the calendar file and
//! its subscription link (stable UIDs, SEQUENCE bumped on a reschedule, reset), the PDFs and the
//! spreadsheet read back.

use crate::meetings::{Person, World};
use crate::{draft, Env};
use calamine::{Data, Reader, Xlsx};
use chrono::{Duration, Utc};
use std::io::Cursor;
use tandem_app::events::documents::{self as docs, calendar, AgendaOf, AgendaView, EntryKind};
use tandem_app::events::meetings::requests::{self, RequestInput};
use tandem_app::events::registration as reg;
use tandem_app::partnering::profiles;
use tandem_app::AppError;
use tandem_core::account::Locale;
use tandem_core::directory::OrgKind;
use tandem_core::events::event::Speaker;
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{AgendaState, Attendance, SchedulingMode};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{MeetingId, SlotId, SpeakerId};
use tandem_io::ics::{parse_calendar, IcsTime, ParsedEvent};
use tandem_store::{bookings, events};

const STREAM: &str = "https://stream.example/b2b";
const PROFILE: &str = "Virtual reality training for medical devices";

/// A pick-slot event with a keynote before the matchmaking session (which streams its video
/// meetings): Anna of a Leipzig SME brings a profile, Bernd comes on site without organisation,
/// Chris joins remotely.
struct Fair {
    w: World,
    anna: Person,
    bernd: Person,
    chris: Person,
    profile: tandem_core::ProfileId,
}

async fn fair(scheduling: SchedulingMode) -> Fair {
    let env = Env::new().await;
    let leipzig = env.city("Leipzig").await;
    let (robotik, anna_user, anna_admin) = env.org("anna@robotik.test", &draft("Leipziger Robotik GmbH", OrgKind::Sme, leipzig)).await;
    let profile = profiles::create(&env.app, &anna_admin, robotik.id, None, &crate::matching::english()).await.expect("profile").id;
    let w = World::on(env, |e| e.scheduling_mode = scheduling).await;
    let anna = w.register(&anna_user, "Anna Schmidt", Attendance::Onsite, None, None, Some(robotik.id)).await;
    let bernd = w.join("Bernd Brum", Attendance::Onsite).await;
    let chris = w.join("Chris Remote", Attendance::Remote).await;

    let mut tx = w.env.app.db().begin().await.expect("begin");
    tandem_store::registrations::replace_profiles(tx.conn(), anna.reg, &[profile]).await.expect("profiles");
    let mut matchmaking = events::session(tx.conn(), w.session).await.expect("session").expect("exists");
    matchmaking.stream_url = Some(STREAM.into());
    events::update_session(tx.conn(), &matchmaking).await.expect("stream");
    let keynote = tandem_core::events::event::Session {
        id: tandem_core::SessionId::new(),
        kind: tandem_core::events::SessionKind::Keynote,
        title: "Twenty-five years of twinning".into(),
        starts_at: matchmaking.starts_at - Duration::hours(1),
        ends_at: matchmaking.starts_at - Duration::minutes(15),
        room: Some("Auditorium".into()),
        stream_url: None,
        slot_minutes: None,
        ..matchmaking.clone()
    };
    events::insert_session(tx.conn(), &keynote).await.expect("keynote");
    let speaker = Speaker { id: SpeakerId::new(), session_id: keynote.id, name: "Dr Ruth Leipzig".into(), affiliation: Some("Universität Leipzig".into()), remote: true, position: 0 };
    events::insert_speaker(tx.conn(), &speaker).await.expect("speaker");
    tx.commit().await.expect("commit");
    Fair { w, anna, bernd, chris, profile }
}

impl Fair {
    /// `from` asks `to` (about Anna's profile when Anna is one of them); `to` accepts into `slot`.
    async fn meet(&self, from: &Person, to: &Person, slot: Option<SlotId>) -> Meeting {
        let about = from.reg == self.anna.reg || to.reg == self.anna.reg;
        let input = RequestInput { receiver: to.reg, profile: about.then_some(self.profile), message: Some("Shall we talk?".into()), slot: None };
        let m = requests::request(&self.w.env.app, &from.actor, self.w.event, &input).await.expect("request");
        requests::accept(&self.w.env.app, &to.actor, m.id, slot).await.expect("accept")
    }

    async fn agenda(&self, actor: &Actor, of: AgendaOf) -> Result<AgendaView, AppError> {
        docs::agenda(&self.w.env.app, actor, of, Locale::En).await
    }

    async fn token(&self, who: &Person) -> String {
        let mut conn = self.w.env.app.db().acquire().await.expect("acquire");
        tandem_store::registrations::get(conn.conn(), who.reg).await.expect("get").expect("exists").calendar_token
    }

    /// Places a meeting as the organiser's scheduler would.
    async fn place(&self, meeting: MeetingId, slot: SlotId, table: Option<i32>) {
        let mut tx = self.w.env.app.db().begin().await.expect("begin");
        bookings::book(tx.conn(), meeting, slot, table, Utc::now()).await.expect("book");
        tx.commit().await.expect("commit");
    }

    async fn publish(&self, state: AgendaState) {
        let mut tx = self.w.env.app.db().begin().await.expect("begin");
        events::set_agenda_state(tx.conn(), self.w.event, state, Utc::now()).await.expect("publish");
        tx.commit().await.expect("commit");
    }
}

fn meetings(view: &AgendaView) -> Vec<&EntryKind> {
    view.agenda.entries.iter().map(|e| &e.kind).filter(|k| matches!(k, EntryKind::Meeting { .. })).collect()
}

fn event_with_uid<'a>(events: &'a [ParsedEvent], uid: &str) -> &'a ParsedEvent {
    events.iter().find(|e| e.uid.as_deref() == Some(uid)).unwrap_or_else(|| panic!("no event {uid} in {events:?}"))
}

#[tokio::test]
async fn the_agenda_shows_sessions_and_meetings_with_table_partner_and_profile() {
    let f = fair(SchedulingMode::PickSlot).await;
    let at_table = f.meet(&f.anna, &f.bernd, Some(f.w.slots[0])).await;
    let by_video = f.meet(&f.chris, &f.anna, Some(f.w.slots[1])).await;
    assert_eq!((at_table.table_number, by_video.table_number), (Some(1), None));

    let anna = f.agenda(&f.anna.actor, AgendaOf::Mine(f.w.event)).await.expect("agenda");
    assert!(anna.own && !anna.by_organiser && !anna.meetings_unpublished && !anna.preliminary);
    assert_eq!(anna.agenda.participant_name, "Anna Schmidt");
    assert_eq!(anna.agenda.organisation, "Leipziger Robotik GmbH");
    assert_eq!(anna.agenda.event.timezone.name(), "Europe/London");
    assert_eq!(anna.agenda.checkin_code, anna.registration.checkin_code);
    assert!(anna.agenda.checkin_link.ends_with(&format!("/checkin/{}", anna.registration.checkin_code)), "the PDF's QR code opens the check-in: {}", anna.agenda.checkin_link);
    assert!(anna.checkin_qr.contains("<svg"), "the page's QR code (of the check-in link)");
    assert!(anna.subscribe_url.ends_with(&format!("/calendar/{}.ics", anna.registration.calendar_token)));
    assert_eq!(anna.agenda.entries.len(), 3, "the keynote and two meetings; the matchmaking session is their frame");
    let keynote = anna.agenda.entries.iter().find(|e| e.uid.starts_with("session-")).expect("keynote");
    match &keynote.kind {
        EntryKind::Session { title, kind_label, room, speakers, .. } => {
            assert_eq!((title.as_str(), kind_label.as_str(), room.as_deref()), ("Twenty-five years of twinning", "Keynote", Some("Auditorium")));
            assert_eq!(speakers, &["Dr Ruth Leipzig (Universität Leipzig)".to_owned()]);
        }
        other => panic!("not a session: {other:?}"),
    }
    let with_bernd = anna.agenda.entries.iter().find(|e| e.uid == format!("meeting-{}@tandem", at_table.id)).expect("meeting with Bernd");
    match &with_bernd.kind {
        EntryKind::Meeting { partner_name, table, remote_link, profile_title, .. } => {
            assert_eq!((partner_name.as_str(), *table, remote_link), ("Bernd Brum", Some(1), &None));
            assert_eq!(profile_title.as_deref(), Some(PROFILE));
        }
        other => panic!("not a meeting: {other:?}"),
    }
    match meetings(&anna).iter().find(|k| matches!(k, EntryKind::Meeting { partner_name, .. } if partner_name == "Chris Remote")) {
        Some(EntryKind::Meeting { table, remote_link, .. }) => {
            assert_eq!(*table, None, "a video meeting has no table");
            assert_eq!(remote_link.as_deref(), Some(STREAM), "the matchmaking session's video link");
        }
        other => panic!("no video meeting: {other:?}"),
    }

    // Bernd sees Anna with her organisation, its city and the profile the meeting is about.
    let bernd = f.agenda(&f.bernd.actor, AgendaOf::Mine(f.w.event)).await.expect("agenda");
    match meetings(&bernd).as_slice() {
        [EntryKind::Meeting { partner_name, partner_organisation, partner_city, profile_title, table, .. }] => {
            assert_eq!((partner_name.as_str(), partner_organisation.as_str()), ("Anna Schmidt", "Leipziger Robotik GmbH"));
            assert_eq!((partner_city.as_deref(), profile_title.as_deref(), *table), (Some("Leipzig"), Some(PROFILE), Some(1)));
        }
        other => panic!("Bernd has one meeting: {other:?}"),
    }

    // German readers get the session kind in German.
    let de = docs::agenda(&f.w.env.app, &f.anna.actor, AgendaOf::Mine(f.w.event), Locale::De).await.expect("agenda");
    assert!(de.agenda.entries.iter().any(|e| matches!(&e.kind, EntryKind::Session { kind_label, .. } if kind_label == "Keynote")));
}

#[tokio::test]
async fn only_the_participant_and_the_organisers_see_an_agenda() {
    let f = fair(SchedulingMode::PickSlot).await;
    f.meet(&f.anna, &f.bernd, Some(f.w.slots[0])).await;
    let app = &f.w.env.app;

    let by_organiser = f.agenda(&f.w.organiser, AgendaOf::Registration(f.anna.reg)).await.expect("organiser");
    assert!(by_organiser.by_organiser && !by_organiser.own);
    assert_eq!(meetings(&by_organiser).len(), 1);
    let own = f.agenda(&f.anna.actor, AgendaOf::Registration(f.anna.reg)).await.expect("own, by registration");
    assert!(own.own);

    // A participant may not open another's agenda; someone not registered has none.
    assert!(matches!(f.agenda(&f.chris.actor, AgendaOf::Registration(f.anna.reg)).await, Err(AppError::NotFound)));
    let (_, stranger) = f.w.env.user("stranger@example.org", true).await;
    assert!(matches!(f.agenda(&stranger, AgendaOf::Mine(f.w.event)).await, Err(AppError::Denied(Denied::Forbidden))));
    assert!(matches!(f.agenda(&stranger, AgendaOf::Registration(f.anna.reg)).await, Err(AppError::NotFound)));
    assert!(matches!(f.agenda(&Actor::Anonymous, AgendaOf::Mine(f.w.event)).await, Err(AppError::Denied(Denied::LoginRequired))));
    for result in [
        docs::agenda_pdf(app, &stranger, AgendaOf::Mine(f.w.event), Locale::En).await,
        docs::table_plan_pdf(app, &f.anna.actor, f.w.event, Locale::En).await,
        docs::meetings_xlsx(app, &f.anna.actor, f.w.event, Locale::En).await,
    ] {
        assert!(matches!(result, Err(AppError::Denied(Denied::Forbidden))), "{result:?}");
    }
    assert!(matches!(calendar::reset_link(app, &stranger, f.w.event).await, Err(AppError::Denied(Denied::Forbidden))));
}

#[tokio::test]
async fn at_auto_scheduled_events_meetings_show_once_the_agenda_is_published() {
    let f = fair(SchedulingMode::Auto).await;
    let m = f.meet(&f.anna, &f.bernd, None).await;
    let waiting = f.agenda(&f.anna.actor, AgendaOf::Mine(f.w.event)).await.expect("agenda");
    assert!(meetings(&waiting).is_empty());
    assert_eq!(waiting.waiting, 1, "accepted, waiting for the scheduler");

    f.place(m.id, f.w.slots[2], Some(3)).await;
    let unpublished = f.agenda(&f.anna.actor, AgendaOf::Mine(f.w.event)).await.expect("agenda");
    assert!(unpublished.meetings_unpublished && meetings(&unpublished).is_empty());
    assert_eq!(unpublished.waiting, 1);
    let calendar = calendar::subscription(&f.w.env.app, &f.token(&f.anna).await).await.expect("calendar");
    assert_eq!(parse_calendar(&calendar.bytes).expect("parses").events.len(), 1, "the keynote only");
    // The organisers see the plan before they publish it.
    let organiser = f.agenda(&f.w.organiser, AgendaOf::Registration(f.anna.reg)).await.expect("organiser");
    assert!(!organiser.meetings_unpublished);
    assert_eq!(meetings(&organiser).len(), 1);

    f.publish(AgendaState::Preliminary).await;
    let preliminary = f.agenda(&f.anna.actor, AgendaOf::Mine(f.w.event)).await.expect("agenda");
    assert!(preliminary.preliminary && !preliminary.meetings_unpublished);
    assert!(matches!(meetings(&preliminary).as_slice(), [EntryKind::Meeting { table: Some(3), .. }]));
    assert_eq!(preliminary.waiting, 0);

    f.publish(AgendaState::Final).await;
    let final_ = f.agenda(&f.bernd.actor, AgendaOf::Mine(f.w.event)).await.expect("agenda");
    assert!(!final_.preliminary && meetings(&final_).len() == 1);
}

#[tokio::test]
async fn the_calendar_keeps_uids_across_a_reschedule_and_its_link_can_be_reset() {
    let f = fair(SchedulingMode::PickSlot).await;
    let app = &f.w.env.app;
    let m = f.meet(&f.anna, &f.bernd, Some(f.w.slots[0])).await;
    let uid = format!("meeting-{}@tandem", m.id);

    let file = docs::agenda_ics(app, &f.anna.actor, AgendaOf::Mine(f.w.event), Locale::En).await.expect("ics");
    assert_eq!(file.media_type, docs::CALENDAR);
    let slug = events::get(app.db().acquire().await.expect("acquire").conn(), f.w.event).await.expect("get").expect("event").slug;
    assert_eq!(file.file_name, format!("{slug}-agenda.ics"));
    let before = parse_calendar(&file.bytes).expect("parses");
    assert_eq!(before.events.len(), 2);
    let first = event_with_uid(&before.events, &uid).clone();
    assert!(first.summary.as_deref().is_some_and(|s| s.contains("Bernd Brum")));
    assert!(first.location.as_deref().is_some_and(|l| l.starts_with("Table 1")));

    // Subscribed: the same agenda without a login, by the token alone.
    let token = f.token(&f.anna).await;
    let subscribed = parse_calendar(&calendar::subscription(app, &token).await.expect("subscription").bytes).expect("parses");
    assert_eq!(event_with_uid(&subscribed.events, &uid), &first);

    // The meeting moves: same UID, a higher SEQUENCE, the new time and table.
    f.place(m.id, f.w.slots[2], Some(2)).await;
    let after = parse_calendar(&calendar::subscription(app, &token).await.expect("subscription").bytes).expect("parses");
    let moved = event_with_uid(&after.events, &uid);
    assert!(moved.sequence > first.sequence, "{:?} after {:?}", moved.sequence, first.sequence);
    assert_ne!(moved.start, first.start);
    assert!(matches!(moved.start, Some(IcsTime::Utc(_))));
    assert!(moved.location.as_deref().is_some_and(|l| l.starts_with("Table 2")));

    // German for a German participant's subscription.
    let mut tx = app.db().begin().await.expect("begin");
    let anna_user = tandem_store::registrations::get(tx.conn(), f.anna.reg).await.expect("get").expect("exists").user_id;
    tandem_store::users::set_locale(tx.conn(), anna_user, Locale::De, Utc::now()).await.expect("locale");
    tx.commit().await.expect("commit");
    let german = parse_calendar(&calendar::subscription(app, &token).await.expect("subscription").bytes).expect("parses");
    assert!(event_with_uid(&german.events, &uid).summary.as_deref().is_some_and(|s| s.starts_with("Treffen")));

    // Reset: the old link is dead, the new one works.
    let renewed = calendar::reset_link(app, &f.anna.actor, f.w.event).await.expect("reset");
    assert_ne!(renewed.calendar_token, token);
    assert!(matches!(calendar::subscription(app, &token).await, Err(AppError::NotFound)));
    assert!(calendar::subscription(app, &renewed.calendar_token).await.is_ok());
    assert!(matches!(calendar::subscription(app, "").await, Err(AppError::NotFound)));
    assert!(matches!(calendar::subscription(app, "no-such-token").await, Err(AppError::NotFound)));

    // A cancelled registration's calendar is gone.
    reg::cancel(app, &f.anna.actor, f.w.event).await.expect("cancel");
    assert!(matches!(calendar::subscription(app, &renewed.calendar_token).await, Err(AppError::NotFound)));
    assert!(matches!(f.agenda(&f.anna.actor, AgendaOf::Mine(f.w.event)).await, Err(AppError::Denied(Denied::Forbidden))));
}

#[tokio::test]
async fn pdfs_and_the_spreadsheet_hold_the_meetings() {
    let f = fair(SchedulingMode::PickSlot).await;
    let app = &f.w.env.app;
    let first_meeting = f.meet(&f.anna, &f.bernd, Some(f.w.slots[0])).await;
    f.meet(&f.chris, &f.anna, Some(f.w.slots[1])).await;
    // Bernd's rating of the first meeting goes into its row (straight to the store: the slot
    // has not ended yet, so the use case would refuse it).
    {
        let mut tx = app.db().begin().await.expect("begin");
        tandem_store::feedback::rate(tx.conn(), first_meeting.id, f.bernd.reg, 4, None, Utc::now()).await.expect("rate");
        tx.commit().await.expect("commit");
    }
    // An open request is listed too, without slot.
    requests::request(app, &f.bernd.actor, f.w.event, &RequestInput { receiver: f.chris.reg, ..Default::default() }).await.expect("request");

    let own = docs::agenda_pdf(app, &f.anna.actor, AgendaOf::Mine(f.w.event), Locale::En).await.expect("pdf");
    assert!(own.bytes.starts_with(b"%PDF"));
    assert_eq!(own.media_type, docs::PDF);
    assert!(own.file_name.ends_with("-agenda.pdf"));
    let copy = docs::agenda_pdf(app, &f.w.organiser, AgendaOf::Registration(f.anna.reg), Locale::De).await.expect("pdf");
    assert!(copy.bytes.starts_with(b"%PDF") && copy.file_name.ends_with("-agenda-anna-schmidt.pdf"), "{}", copy.file_name);
    let plan = docs::table_plan_pdf(app, &f.w.organiser, f.w.event, Locale::En).await.expect("plan");
    assert!(plan.bytes.starts_with(b"%PDF") && plan.file_name.ends_with("-table-plan.pdf"));

    let sheet = docs::meetings_xlsx(app, &f.w.organiser, f.w.event, Locale::En).await.expect("xlsx");
    assert_eq!(sheet.media_type, docs::XLSX);
    assert!(sheet.file_name.ends_with("-meetings.xlsx"));
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(sheet.bytes)).expect("opens");
    let range = workbook.worksheet_range("Meetings").expect("sheet");
    assert_eq!(range.height(), 4, "header, two meetings, one request");
    let row = |r: usize| -> Vec<String> { (0..15).map(|c| range.get((r, c)).map(|d| d.to_string()).unwrap_or_default()).collect() };
    let (first, second, third) = (row(1), row(2), row(3));
    assert_eq!(&first[2..5], ["1", "on site", "scheduled"]);
    assert_eq!(&first[6..13], ["Anna Schmidt", "Leipziger Robotik GmbH", "Leipzig", "Bernd Brum", "", "", PROFILE]);
    assert_eq!(&first[13..15], ["", "4"], "Anna has not rated it, Bernd gave 4");
    assert!(matches!(range.get((1, 0)), Some(Data::DateTime(_))), "a real date-time");
    assert_eq!(&second[2..5], ["online", "online", "scheduled"]);
    assert_eq!((second[6].as_str(), second[9].as_str()), ("Chris Remote", "Anna Schmidt"));
    assert_eq!((third[0].as_str(), third[4].as_str(), third[6].as_str()), ("", "requested", "Bernd Brum"));
    let plan_sheet = workbook.worksheet_range("Table plan").expect("plan sheet");
    assert_eq!(plan_sheet.height(), 2 + 3, "two header rows and the three slots");
    assert_eq!(plan_sheet.get((2, 2)), Some(&Data::String("Anna Schmidt (Leipziger Robotik GmbH)\nBernd Brum".into())));

    let german = docs::meetings_xlsx(app, &f.w.organiser, f.w.event, Locale::De).await.expect("xlsx");
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(german.bytes)).expect("opens");
    let range = workbook.worksheet_range("Treffen").expect("German sheet");
    assert_eq!(range.get((1, 4)), Some(&Data::String("geplant".into())));
    assert_eq!(range.get((1, 3)), Some(&Data::String("vor Ort".into())));
}
