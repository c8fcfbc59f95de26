//! Follow-up (issue 5, item 6): rating meetings after their slot, the six-month survey email
//! (sent once, not a day early), "agreement reached" recording exactly one agreement for the two
//! organisations, and the organisers' statistics on a small known event.
//!
//! The event is the meetings tests' world moved into the past; requests and meetings are written
//! with the store, as the meeting use cases (tested with the meetings) would leave them.

use crate::meetings::{refusal, Person, World};
use crate::partnering_interests::{assert_denied, insert_profile};
use crate::{draft, invalid_field};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use tandem_app::events::followup::{agreement, ratings, statistics, survey, survey_job};
use tandem_app::jobs;
use tandem_core::directory::OrgKind;
use tandem_core::events::event::Slot;
use tandem_core::events::followup::{CrossCity, Feedback, FollowUpRefusal, RatingDraft};
use tandem_core::events::meeting::Meeting;
use tandem_core::events::{Attendance, FollowUpOutcome, MeetingMode, MeetingOutcome, MeetingState};
use tandem_core::partnering::agreement::{AgreementDraft, AgreementType};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{MeetingId, OrgId, ProfileId, SlotId};
use tandem_store::{agreements, bookings, events, feedback, meetings, registrations};

/// Moves the world's event, its session and slots by `by` (before any meeting is placed: the
/// slots are written anew); returns when the event now ends.
async fn travel(w: &World, by: Duration) -> DateTime<Utc> {
    let mut tx = w.env.app.db().begin().await.expect("begin");
    let mut event = events::get(tx.conn(), w.event).await.expect("get").expect("event");
    event.starts_at += by;
    event.ends_at += by;
    events::update(tx.conn(), &event).await.expect("event");
    let mut session = events::session(tx.conn(), w.session).await.expect("get").expect("session");
    session.starts_at += by;
    session.ends_at += by;
    events::update_session(tx.conn(), &session).await.expect("session");
    let slots: Vec<Slot> = events::session_slots(tx.conn(), w.session)
        .await
        .expect("slots")
        .into_iter()
        .map(|s| Slot { starts_at: s.starts_at + by, ends_at: s.ends_at + by, ..s })
        .collect();
    events::replace_slots(tx.conn(), w.session, &slots).await.expect("slots");
    tx.commit().await.expect("commit");
    event.ends_at
}

/// A world whose event started `ago` before now (slots of 30 minutes from then).
async fn started(ago: Duration) -> (World, DateTime<Utc>) {
    let w = World::new(|_| {}).await;
    let starts = events::get(w.env.app.db().acquire().await.expect("acquire").conn(), w.event).await.expect("get").expect("event").starts_at;
    let ends = travel(&w, Utc::now().trunc_subsecs(0) - ago - starts).await;
    (w, ends)
}

/// A request from `a` to `b` in `state`, placed in `slot` when given, with its event-day outcome.
async fn meeting(w: &World, a: &Person, b: &Person, state: MeetingState, slot: Option<SlotId>, outcome: Option<MeetingOutcome>) -> MeetingId {
    meeting_about(w, a, b, state, slot, outcome, None).await
}

async fn meeting_about(
    w: &World,
    a: &Person,
    b: &Person,
    state: MeetingState,
    slot: Option<SlotId>,
    outcome: Option<MeetingOutcome>,
    profile: Option<ProfileId>,
) -> MeetingId {
    let now = Utc::now().trunc_subsecs(6);
    let answered = matches!(state, MeetingState::Accepted | MeetingState::Declined);
    let m = Meeting {
        id: MeetingId::new(),
        event_id: w.event,
        requester_id: a.reg,
        receiver_id: b.reg,
        profile_id: profile,
        message: None,
        state,
        mode: MeetingMode::Remote,
        priority: 1,
        expires_at: Some(now + Duration::days(1)),
        responded_at: answered.then_some(now),
        reason: None,
        slot_id: None,
        table_number: None,
        locked: false,
        sequence: 0,
        outcome,
        outcome_by: None,
        created_at: now,
        updated_at: now,
    };
    let mut tx = w.env.app.db().begin().await.expect("begin");
    meetings::insert(tx.conn(), &m).await.expect("meeting");
    if let Some(slot) = slot {
        bookings::book(tx.conn(), m.id, slot, None, now).await.expect("book");
    }
    tx.commit().await.expect("commit");
    m.id
}

fn rating(r: &str, comment: Option<&str>) -> RatingDraft {
    RatingDraft { rating: r.into(), comment: comment.map(str::to_owned) }
}

async fn feedback_of(w: &World, m: MeetingId, p: &Person) -> Feedback {
    let mut conn = w.env.app.db().acquire().await.expect("acquire");
    feedback::get(conn.conn(), m, p.reg).await.expect("get").expect("feedback")
}

#[tokio::test]
async fn parties_rate_a_meeting_once_its_slot_has_ended_and_may_change_the_rating() {
    // The first slot ended a quarter of an hour ago, the second is under way.
    let (w, _) = started(Duration::minutes(45)).await;
    let app = &w.env.app;
    let (ann, bob, cat) = (w.join("Ann", Attendance::Onsite).await, w.join("Bob", Attendance::Onsite).await, w.join("Cat", Attendance::Onsite).await);
    let ended = meeting(&w, &ann, &bob, MeetingState::Accepted, Some(w.slots[0]), None).await;
    let running = meeting(&w, &ann, &cat, MeetingState::Accepted, Some(w.slots[1]), None).await;
    let unplaced = meeting(&w, &bob, &cat, MeetingState::Accepted, None, None).await;

    assert_eq!(refusal(ratings::rate(app, &ann.actor, running, &rating("5", None)).await), "not_yet");
    assert_eq!(refusal(ratings::page(app, &ann.actor, running).await), "not_yet");
    assert_eq!(refusal(ratings::rate(app, &bob.actor, unplaced, &rating("5", None)).await), "not_held");

    let saved = ratings::rate(app, &ann.actor, ended, &rating("4", Some("  Good contact  "))).await.expect("rate");
    assert_eq!((saved.rating, saved.comment.as_deref()), (Some(4), Some("Good contact")));
    let changed = ratings::rate(app, &ann.actor, ended, &rating("2", None)).await.expect("change");
    assert_eq!((changed.rating, changed.comment), (Some(2), None));
    ratings::rate(app, &bob.actor, ended, &rating("5", None)).await.expect("the other party rates too");
    assert_eq!(feedback_of(&w, ended, &ann).await.rating, Some(2), "each party has their own rating");
    let page = ratings::page(app, &bob.actor, ended).await.expect("page");
    assert_eq!((page.partner_name.as_str(), page.feedback.and_then(|f| f.rating)), ("Ann", Some(5)));

    assert_eq!(invalid_field(ratings::rate(app, &ann.actor, ended, &rating("6", None)).await, "rating"), "not_in_range");
    assert_eq!(invalid_field(ratings::rate(app, &ann.actor, ended, &rating("", None)).await, "rating"), "required");
    assert_denied(ratings::rate(app, &cat.actor, ended, &rating("1", None)).await, Denied::Forbidden);
    assert_denied(ratings::rate(app, &w.organiser, ended, &rating("1", None)).await, Denied::Forbidden);
    assert_denied(ratings::page(app, &cat.actor, ended).await, Denied::Forbidden);
    assert_denied(ratings::rate(app, &Actor::Anonymous, ended, &rating("1", None)).await, Denied::LoginRequired);
    assert_eq!(feedback_of(&w, ended, &ann).await.rating, Some(2), "refused ratings change nothing");

    // The survey waits for the end of the event.
    assert_eq!(refusal(survey::answer(app, &ann.actor, ended, "valuable_contact").await), "event_not_over");
    let mine = survey::survey(app, &ann.actor, w.event).await.expect("survey page");
    assert!(!mine.open);
    assert_eq!(mine.items.iter().map(|i| (i.meeting.meeting.id, i.rateable)).collect::<Vec<_>>(), vec![(ended, true), (running, false)]);
}

#[tokio::test]
async fn the_survey_is_emailed_once_six_months_after_the_event_not_a_day_earlier() {
    let (w, ends) = started(Duration::hours(10)).await;
    let app = &w.env.app;
    let [ann, bob, cat, dan, eve] = [
        w.join("Ann", Attendance::Onsite).await,
        w.join("Bob", Attendance::Remote).await,
        w.join("Cat", Attendance::Onsite).await,
        w.join("Dan", Attendance::Onsite).await,
        w.join("Eve", Attendance::Onsite).await,
    ];
    meeting(&w, &ann, &bob, MeetingState::Accepted, Some(w.slots[0]), Some(MeetingOutcome::Held)).await;
    meeting(&w, &ann, &cat, MeetingState::Accepted, Some(w.slots[1]), None).await;
    let dans = meeting(&w, &dan, &cat, MeetingState::Accepted, Some(w.slots[2]), None).await;
    meeting(&w, &eve, &ann, MeetingState::Declined, None, None).await;
    // Eve missed the meeting she had with Bob: a meeting that did not take place is not surveyed.
    meeting(&w, &eve, &bob, MeetingState::Accepted, Some(w.slots[1]), Some(MeetingOutcome::RequesterAbsent)).await;
    // Dan answered from his meetings page right after the event: he is not asked again.
    survey::answer(app, &dan.actor, dans, "knowledge_gained").await.expect("early answer");

    let day_before = survey_job::run(app, ends + Duration::days(181)).await.expect("job");
    assert_eq!(day_before.sent, 0);
    assert!(w.mail_to(&ann).await.is_empty());

    let due = jobs::run_due(app, ends + Duration::days(182)).await;
    assert!(due.is_ok(), "{due}");
    assert_eq!(due.surveys.sent, 3, "Ann, Bob and Cat");
    assert!(due.to_string().contains("follow-up surveys: 3 sent"));
    for p in [&ann, &bob, &cat] {
        assert_eq!(w.mail_to(p).await, vec!["What came of your meetings at Tandem 25 Birmingham–Leipzig?".to_owned()]);
    }
    let body = &w.env.outbox_to(&ann.email).await[0].body_text;
    assert!(body.contains(&format!("/events/{}/survey", w.event)) && body.contains("your 2 meetings"), "{body}");
    assert!(w.mail_to(&dan).await.is_empty() && w.mail_to(&eve).await.is_empty());
    let eves = survey::survey(app, &eve.actor, w.event).await.expect("Eve's survey page");
    assert!(eves.items.is_empty(), "a missed meeting is not on the survey page either");
    {
        let mut conn = app.db().acquire().await.expect("acquire");
        let marked = feedback::for_registration(conn.conn(), ann.reg).await.expect("feedback");
        assert_eq!(marked.iter().filter(|f| f.surveyed_at.is_some()).count(), 2);
    }

    let again = survey_job::run(app, ends + Duration::days(200)).await.expect("job again");
    assert_eq!(again.sent, 0);
    assert_eq!(w.mail_to(&ann).await.len(), 1);
}

/// Daden (Birmingham) and Schenker (Leipzig) met about Schenker's profile at the event.
struct Partners {
    w: World,
    daden: (OrgId, Person),
    schenker: (OrgId, Person),
    profile: ProfileId,
    meeting: MeetingId,
}

async fn partners() -> Partners {
    let (w, _) = started(Duration::hours(10)).await;
    let env = &w.env;
    let (birmingham, leipzig) = (env.city("Birmingham").await, env.city("Leipzig").await);
    let (daden, daden_user, _) = env.org("chris@daden.example", &draft("Daden Ltd", OrgKind::Sme, birmingham)).await;
    let (schenker, schenker_user, _) = env.org("petra@schenker.example", &draft("Schenker Medizintechnik", OrgKind::Sme, leipzig)).await;
    let chris = w.register(&daden_user, "Chris", Attendance::Onsite, None, None, Some(daden.id)).await;
    let petra = w.register(&schenker_user, "Petra", Attendance::Remote, None, None, Some(schenker.id)).await;
    let profile = insert_profile(env, schenker.id, None, "published").await;
    {
        let mut tx = env.app.db().begin().await.expect("begin");
        registrations::replace_profiles(tx.conn(), petra.reg, &[profile]).await.expect("brings the profile");
        tx.commit().await.expect("commit");
    }
    let meeting = meeting_about(&w, &chris, &petra, MeetingState::Accepted, Some(w.slots[0]), Some(MeetingOutcome::Held), Some(profile)).await;
    Partners { w, daden: (daden.id, chris), schenker: (schenker.id, petra), profile, meeting }
}

fn licence() -> AgreementDraft {
    AgreementDraft {
        agreement_type: AgreementType::TechnologyLicensing.key().into(),
        signed_on: Utc::now().date_naive().format("%Y-%m-%d").to_string(),
        summary: Some("UK licence for the VR simulator".into()),
    }
}

#[tokio::test]
async fn agreement_reached_records_exactly_one_agreement_linked_to_both_answers() {
    let p = partners().await;
    let app = &p.w.env.app;
    let (chris, petra) = (&p.daden.1, &p.schenker.1);

    assert_eq!(refusal(agreement::record(app, &chris.actor, p.meeting, None, &licence()).await), "not_agreement");
    survey::answer(app, &chris.actor, p.meeting, "agreement").await.expect("answer");
    let page = survey::survey(app, &chris.actor, p.w.event).await.expect("survey");
    assert!(page.open);
    let offered = page.items[0].agreement.clone().expect("offered").expect("a profile to record it from");
    assert_eq!(offered.iter().map(|pr| pr.id).collect::<Vec<_>>(), vec![p.profile]);

    let mut bad = licence();
    bad.agreement_type = "handshake".into();
    assert_eq!(invalid_field(agreement::record(app, &chris.actor, p.meeting, None, &bad).await, "agreement_type"), "invalid_choice");
    let recorded = agreement::record(app, &chris.actor, p.meeting, None, &licence()).await.expect("record");
    assert_eq!((recorded.profile_id, recorded.owner_org_id, recorded.partner_org_id), (p.profile, p.schenker.0, p.daden.0));
    assert_eq!(feedback_of(&p.w, p.meeting, chris).await.agreement_id, Some(recorded.id));
    assert!(survey::survey(app, &chris.actor, p.w.event).await.expect("survey").items[0].agreement.is_none(), "no longer offered");

    // Recording again, or the other party answering and recording, gives the same agreement.
    assert_eq!(agreement::record(app, &chris.actor, p.meeting, None, &licence()).await.expect("again").id, recorded.id);
    let theirs = survey::answer(app, &petra.actor, p.meeting, "agreement").await.expect("partner answers");
    assert_eq!(theirs.agreement_id, Some(recorded.id), "linked to the agreement already recorded");
    assert_eq!(agreement::record(app, &petra.actor, p.meeting, Some(p.profile), &licence()).await.expect("partner").id, recorded.id);
    let mut conn = app.db().acquire().await.expect("acquire");
    assert_eq!(agreements::for_profile(conn.conn(), p.profile).await.expect("agreements").len(), 1);
    drop(conn);
    let stats = statistics::statistics(app, &p.w.organiser, p.w.event).await.expect("statistics");
    assert_eq!(stats.agreements, 1);
    assert_eq!(stats.outcomes.iter().find(|(o, _)| *o == FollowUpOutcome::Agreement).map(|(_, n)| *n), Some(2));
    assert_eq!(stats.cross_city, CrossCity { different: 1, same: 0, unknown: 0 });
}

#[tokio::test]
async fn an_agreement_needs_both_parties_organisations_and_a_profile() {
    let p = partners().await;
    let app = &p.w.env.app;
    let (ann, bob) = (p.w.join("Ann", Attendance::Onsite).await, p.w.join("Bob", Attendance::Onsite).await);
    let without_orgs = meeting(&p.w, &ann, &bob, MeetingState::Accepted, Some(p.w.slots[1]), None).await;
    survey::answer(app, &ann.actor, without_orgs, "agreement").await.expect("answer");
    assert_eq!(refusal(agreement::record(app, &ann.actor, without_orgs, None, &licence()).await), "no_organisations");
    let page = survey::survey(app, &ann.actor, p.w.event).await.expect("survey");
    assert_eq!(page.items[0].agreement.clone().map(|c| c.map(|v| v.len())), Some(Err(FollowUpRefusal::NoOrganisations)));

    // A profile that is neither party's is refused; so is an unknown outcome.
    let chris = &p.daden.1;
    survey::answer(app, &chris.actor, p.meeting, "agreement").await.expect("answer");
    let leipzig = p.w.env.city("Leipzig").await;
    let (other, _, _) = p.w.env.org("admin@holosphere.example", &draft("Holosphere", OrgKind::Sme, leipzig)).await;
    let elsewhere = insert_profile(&p.w.env, other.id, None, "published").await;
    assert_eq!(invalid_field(agreement::record(app, &chris.actor, p.meeting, Some(elsewhere), &licence()).await, "profile_id"), "profile_required");
    assert_eq!(invalid_field(survey::answer(app, &chris.actor, p.meeting, "maybe").await, "outcome"), "invalid_choice");
    assert_denied(survey::answer(app, &ann.actor, p.meeting, "agreement").await, Denied::Forbidden);
}

#[tokio::test]
async fn statistics_count_requests_acceptance_cross_city_meetings_and_no_shows() {
    let (w, _) = started(Duration::hours(10)).await;
    let env = &w.env;
    let app = &env.app;
    let (birmingham, leipzig) = (env.city("Birmingham").await, env.city("Leipzig").await);
    let mut orgs = Vec::new();
    for (i, (name, city)) in [("Daden", birmingham), ("Holosphere", birmingham), ("Schenker", leipzig), ("SpinLab SME", leipzig)].into_iter().enumerate() {
        orgs.push(env.org(&format!("admin{i}@orgs.test"), &draft(name, OrgKind::Sme, city)).await.0.id);
    }
    let b1 = w.join_with("Bea", Attendance::Onsite, None, None, Some(orgs[0])).await;
    let b2 = w.join_with("Ben", Attendance::Remote, None, None, Some(orgs[1])).await;
    let l1 = w.join_with("Lea", Attendance::Onsite, None, None, Some(orgs[2])).await;
    let l2 = w.join_with("Leo", Attendance::Onsite, None, None, Some(orgs[3])).await;
    let n = w.join("Nia", Attendance::Onsite).await;
    let s = &w.slots;
    use MeetingState::*;
    let cross = meeting(&w, &b1, &l1, Accepted, Some(s[0]), Some(MeetingOutcome::Held)).await;
    meeting(&w, &l2, &b2, Accepted, Some(s[0]), Some(MeetingOutcome::ReceiverAbsent)).await;
    meeting(&w, &b1, &b2, Accepted, Some(s[1]), Some(MeetingOutcome::Held)).await;
    meeting(&w, &l1, &l2, Accepted, Some(s[2]), None).await;
    meeting(&w, &n, &b1, Accepted, Some(s[2]), None).await;
    meeting(&w, &b2, &l1, Accepted, None, None).await;
    meeting(&w, &b1, &l2, Declined, None, None).await;
    meeting(&w, &l1, &n, Expired, None, None).await;
    let after_acceptance = meeting(&w, &b2, &n, Accepted, None, None).await;
    {
        let mut tx = app.db().begin().await.expect("begin");
        meetings::cancel(tx.conn(), after_acceptance, Some("ill"), Utc::now()).await.expect("cancel");
        tx.commit().await.expect("commit");
    }
    let withdrawn = meeting(&w, &n, &l2, Requested, None, None).await;
    {
        let mut tx = app.db().begin().await.expect("begin");
        meetings::cancel(tx.conn(), withdrawn, None, Utc::now()).await.expect("withdraw");
        tx.commit().await.expect("commit");
    }
    meeting(&w, &l2, &b1, Requested, None, None).await;
    ratings::rate(app, &b1.actor, cross, &rating("5", None)).await.expect("rate");
    ratings::rate(app, &l1.actor, cross, &rating("4", None)).await.expect("rate");
    survey::answer(app, &b1.actor, cross, "negotiation").await.expect("answer");
    survey::answer(app, &l1.actor, cross, "valuable_contact").await.expect("answer");

    assert_denied(statistics::statistics(app, &b1.actor, w.event).await, Denied::Forbidden);
    let st = statistics::statistics(app, &w.organiser, w.event).await.expect("statistics");
    assert!(!st.is_empty());
    assert_eq!(st.participants, 5);
    assert_eq!(st.by_attendance, vec![(Attendance::Onsite, 4), (Attendance::Remote, 1)]);
    assert_eq!(st.by_city, vec![(Some("Birmingham".into()), 2), (Some("Leipzig".into()), 2), (None, 1)]);
    let m = st.meetings;
    assert_eq!((m.requests, m.pending, m.accepted, m.declined, m.expired, m.cancelled), (11, 1, 6, 1, 1, 2));
    assert_eq!((m.cancelled_after_acceptance, m.scheduled, m.held, m.no_shows), (1, 5, 2, 1));
    // (6 accepted + 1 accepted then cancelled) of 9 decided; the withdrawn and pending ones left out.
    assert_eq!(st.acceptance_rate, Some(7.0 / 9.0));
    assert_eq!(st.cross_city, CrossCity { different: 2, same: 2, unknown: 1 });
    assert_eq!(st.cross_city.share(), Some(0.5));
    let pair = |a: &str, b: &str, n: i64| (a.to_owned(), b.to_owned(), n);
    assert_eq!(st.city_pairs, vec![pair("Birmingham", "Leipzig", 2), pair("Birmingham", "Birmingham", 1), pair("Leipzig", "Leipzig", 1)]);
    assert_eq!(st.ratings, vec![(1, 0), (2, 0), (3, 0), (4, 1), (5, 1)]);
    assert_eq!((st.average_rating, st.rating_count()), (Some(4.5), 2));
    assert_eq!(st.answer_count(), 2);
    assert_eq!(st.agreements, 0);

    let (empty, _) = started(Duration::hours(1)).await;
    assert!(statistics::statistics(&empty.env.app, &empty.organiser, empty.event).await.expect("empty").is_empty());
}
