//! Follow-up in the browser (issue 5, item 6), over real HTTP: a party rates a meeting after the
//! event and answers the survey, "agreement reached" records the agreement from the form under
//! the meeting; the organisers' statistics page draws bar charts with their data tables, in
//! English and German; the statistics (page and API) are refused to everyone else.
//!
//! The meetings tests' fair, moved to yesterday: Daden (Birmingham) met Schenker (Leipzig) about
//! Schenker's profile, and two participants without organisations met too. Written with SQL, as
//! the event and meeting use cases (tested with them) would leave it.

use crate::meeting_pages::{fair, id_lit, time_lit, Fair};
use crate::support::*;
use chrono::{Duration, SubsecRound, Utc};
use reqwest::StatusCode;
use serde_json::Value;
use tandem_core::account::Locale;
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::events::FollowUpOutcome;
use tandem_testkit::execute;
use tandem_web::i18n::Tr;
use uuid::Uuid;

const PROFILE_TITLE: &str = "VR training simulator for surgical teams";

/// The meetings tests' fair, moved to yesterday, with its meetings and Schenker's profile.
struct Yesterday {
    f: Fair,
    /// Daden–Schenker, about Schenker's profile; then Ann–Bob.
    meetings: [Uuid; 2],
    profile: Uuid,
    /// Logins: Chris (Daden), Petra (Schenker), Ann (no organisation).
    chris: String,
    petra: String,
    ann: String,
}

impl Yesterday {
    fn path(&self, rest: &str) -> String {
        format!("/events/{}{rest}", self.f.event)
    }
}

/// Moves the fair to have started `ago` (eight hours long, its slots from the start).
async fn move_to_past(f: &Fair, ago: Duration) {
    let start = Utc::now().trunc_subsecs(0) - ago;
    let db = f.app.app.db();
    let event = id_lit(f.event);
    execute(db, &format!("UPDATE events SET starts_at = {}, ends_at = {} WHERE id = {event}", time_lit(start), time_lit(start + Duration::hours(8)))).await;
    execute(db, &format!("UPDATE event_sessions SET starts_at = {}, ends_at = {} WHERE event_id = {event}", time_lit(start), time_lit(start + Duration::hours(2)))).await;
    for (i, slot) in f.slots.iter().enumerate() {
        let at = start + Duration::minutes(30 * i as i64);
        execute(db, &format!("UPDATE event_slots SET starts_at = {}, ends_at = {} WHERE id = {}", time_lit(at), time_lit(at + Duration::minutes(30)), id_lit(*slot))).await;
    }
}

/// An organisation in `city` with the participant `email` as its admin, named on their registration.
async fn org_of(f: &Fair, email: &str, registration: Uuid, name: &str, city: &str) -> Uuid {
    let city = tandem_app::directory::cities(&f.app.app).await.expect("cities").into_iter().find(|c| c.name == city).expect("city").id;
    let draft = OrganisationDraft { name: name.into(), kind: OrgKind::Sme.key().into(), city_id: city.to_string(), nace_codes: vec!["62.01".into()], ..Default::default() };
    let org = tandem_app::directory::organisations::create(&f.app.app, &f.app.actor(email).await, &draft).await.expect("organisation").id.0;
    execute(f.app.app.db(), &format!("UPDATE event_registrations SET org_id = {} WHERE id = {}", id_lit(org), id_lit(registration))).await;
    org
}

/// An accepted meeting placed in `slot`, held.
async fn meeting(f: &Fair, a: Uuid, b: Uuid, slot: Uuid, profile: Option<Uuid>) -> Uuid {
    let id = Uuid::now_v7();
    let now = time_lit(Utc::now().trunc_subsecs(0));
    execute(
        f.app.app.db(),
        &format!(
            "INSERT INTO event_meetings (id, event_id, requester_id, receiver_id, profile_id, state, mode, priority, responded_at, \
             slot_id, locked, sequence, outcome, created_at, updated_at) VALUES ({}, {}, {}, {}, {}, 'accepted', 'remote', 1, {now}, \
             {}, FALSE, 0, 'held', {now}, {now})",
            id_lit(id),
            id_lit(f.event),
            id_lit(a),
            id_lit(b),
            profile.map_or_else(|| "NULL".to_owned(), id_lit),
            id_lit(slot),
        ),
    )
    .await;
    id
}

async fn yesterday() -> Yesterday {
    let f = fair(4).await;
    move_to_past(&f, Duration::hours(26)).await;
    let (chris_reg, chris) = f.join("Chris", "onsite").await;
    let (petra_reg, petra) = f.join("Petra", "remote").await;
    let (ann_reg, ann) = f.join("Ann", "onsite").await;
    let (bob_reg, _) = f.join("Bob", "onsite").await;
    org_of(&f, &chris, chris_reg, "Daden Ltd", "Birmingham").await;
    let schenker = org_of(&f, &petra, petra_reg, "Schenker Medizintechnik", "Leipzig").await;
    let profile = Uuid::now_v7();
    let now = Utc::now().trunc_subsecs(0);
    let db = f.app.app.db();
    execute(
        db,
        &format!(
            "INSERT INTO profiles (id, owner_org_id, profile_type, language, title, sdgs, call_coordinator_required, state, \
             published_at, expires_at, extended, expiry_notice_sent, search_text, version, created_at, updated_at) \
             VALUES ({}, {}, 'TO', 'en', '{PROFILE_TITLE}', '', FALSE, 'published', {}, {}, FALSE, FALSE, '', 1, {}, {})",
            id_lit(profile),
            id_lit(schenker),
            time_lit(now),
            time_lit(now + Duration::days(365)),
            time_lit(now),
            time_lit(now)
        ),
    )
    .await;
    execute(db, &format!("INSERT INTO event_registration_profiles (registration_id, profile_id) VALUES ({}, {})", id_lit(petra_reg), id_lit(profile))).await;
    let first = meeting(&f, chris_reg, petra_reg, f.slots[0], Some(profile)).await;
    let second = meeting(&f, ann_reg, bob_reg, f.slots[1], None).await;
    Yesterday { f, meetings: [first, second], profile, chris, petra, ann }
}

#[tokio::test]
async fn a_party_rates_answers_and_records_the_agreement_in_english_and_german() {
    let y = yesterday().await;
    let [meeting, _] = y.meetings;
    let chris = logged_in(&y.f.app, &y.chris).await;
    let survey = y.path("/survey");

    let (_, mine) = get(&y.f.app, &chris, &y.path("/meetings")).await;
    assert!(mine.contains(&format!("href=\"{survey}\"")), "My meetings links to the follow-up: {mine}");
    let (status, page) = get(&y.f.app, &chris, &survey).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Petra") && page.contains("Not rated yet") && page.contains("What did this meeting lead to?"), "{page}");
    assert!(page.contains("An agreement was reached"));

    let form = format!("/meetings/{meeting}/feedback");
    let (status, rate_page) = get(&y.f.app, &chris, &form).await;
    assert_eq!(status, StatusCode::OK);
    assert!(rate_page.contains("Rate your meeting with Petra") && rate_page.contains("5 – excellent"), "{rate_page}");
    let back = format!("{survey}#meeting-{meeting}");
    let refused = post_form(&y.f.app, &chris, &form, &form, &[("rating", "9"), ("return_to", &back)]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("rating must be a whole number from 1 to 5"));
    let saved = post_form(&y.f.app, &chris, &form, &form, &[("rating", "4"), ("comment", "A useful first talk"), ("return_to", &back)]).await;
    assert_eq!((saved.status(), location(&saved)), (StatusCode::SEE_OTHER, back.clone()));
    let (_, page) = get(&y.f.app, &chris, &survey).await;
    assert!(page.contains("Your rating: 4 of 5") && page.contains("Change your rating"), "{page}");
    let (_, rate_page) = get(&y.f.app, &chris, &form).await;
    assert!(rate_page.contains("You rated this meeting 4 of 5") && rate_page.contains("A useful first talk"));

    let answered = post_form(&y.f.app, &chris, &survey, &format!("/meetings/{meeting}/survey"), &[("outcome", "agreement"), ("return_to", &back)]).await;
    assert_eq!(location(&answered), format!("{survey}#agreement-{meeting}"));
    let (_, page) = get(&y.f.app, &chris, &survey).await;
    assert!(page.contains("Record the agreement") && page.contains(PROFILE_TITLE), "the form is offered, pre-filled: {page}");
    assert!(page.contains(&format!("name=\"profile_id\" value=\"{}\"", y.profile)));
    let action = format!("/meetings/{meeting}/agreement");
    let today = Utc::now().date_naive().format("%Y-%m-%d").to_string();
    let bad = post_form(&y.f.app, &chris, &survey, &action, &[("agreement_type", ""), ("signed_on", &today)]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains("agreement_type must be one of"));
    let recorded = post_form(&y.f.app, &chris, &survey, &action, &[("agreement_type", "technology_licensing"), ("signed_on", &today), ("profile_id", &y.profile.to_string())]).await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    let (_, page) = get(&y.f.app, &chris, &survey).await;
    assert!(page.contains("The agreement from this meeting is recorded") && page.contains("href=\"/agreements/"), "{page}");
    let again = post_form(&y.f.app, &chris, &survey, &action, &[("agreement_type", "joint_venture"), ("signed_on", &today)]).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER, "recording again is harmless");
    let profile = tandem_core::ProfileId(y.profile);
    let recorded = tandem_app::partnering::agreements::for_profile(&y.f.app.app, &y.f.app.actor(&y.chris).await, profile).await.expect("agreements");
    assert_eq!(recorded.len(), 1, "one agreement, however often the form is sent");
    assert_eq!((recorded[0].owner_name.as_str(), recorded[0].partner_name.as_str()), ("Schenker Medizintechnik", "Daden Ltd"));

    // The other party reads it all in German.
    let petra = logged_in(&y.f.app, &y.petra).await;
    petra.get(y.f.app.url(&format!("/locale/de?return_to={survey}"))).send().await.expect("switch to German");
    let (status, page) = get(&y.f.app, &petra, &survey).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Nachbereitung: Tandem 25") && page.contains("Was ist aus diesem Treffen geworden?") && page.contains("Noch nicht bewertet"), "{page}");
    let (_, rate_page) = get(&y.f.app, &petra, &form).await;
    assert!(rate_page.contains("Ihr Treffen mit Chris bewerten") && rate_page.contains("5 – hervorragend"), "{rate_page}");
    let refused = post_form(&y.f.app, &petra, &form, &form, &[("rating", "0")]).await;
    assert!(refused.text().await.expect("body").contains("Geben Sie eine ganze Zahl im erlaubten Bereich ein"));

    // Only the parties: another participant and the organiser are refused.
    let ann = logged_in(&y.f.app, &y.ann).await;
    assert_eq!(get(&y.f.app, &ann, &form).await.0, StatusCode::FORBIDDEN);
    let stranger_post = post_form(&y.f.app, &ann, &survey, &form, &[("rating", "1")]).await;
    assert_eq!(stranger_post.status(), StatusCode::FORBIDDEN);
    let organiser = logged_in(&y.f.app, &y.f.organiser_email).await;
    assert_eq!(get(&y.f.app, &organiser, &survey).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn organisers_see_statistics_with_charts_and_data_tables_others_are_refused() {
    let y = yesterday().await;
    let organiser = logged_in(&y.f.app, &y.f.organiser_email).await;
    let stats = y.path("/statistics");

    let (_, manage) = get(&y.f.app, &organiser, &y.path("/manage")).await;
    assert!(manage.contains(&format!("href=\"{stats}\"")), "the manage page links to the statistics");
    let (status, page) = get(&y.f.app, &organiser, &stats).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Statistics: Tandem 25") && page.contains("Meetings between organisations in different cities"), "{page}");
    // Daden–Schenker crossed cities; Ann and Bob came for no organisation.
    assert!(page.contains("<strong>100.0%</strong>") && page.contains("1 of 1 scheduled meetings"), "{page}");
    for chart in ["attendance", "cities", "requests", "day", "city-pairs"] {
        assert!(page.contains(&format!("id=\"chart-{chart}\"")), "chart {chart}: {page}");
    }
    assert!(!page.contains("id=\"chart-ratings\""), "no ratings yet, no ratings chart");
    assert!(page.contains("<svg class=\"bar-chart\"") && page.contains("<rect x=\"200\""), "bars are drawn");
    assert!(page.contains("<table class=\"visually-hidden\">") && page.contains("<th scope=\"row\">Birmingham – Leipzig</th>"), "{page}");
    let charts = &page[page.find("<figure").expect("charts")..page.rfind("</figure>").expect("charts")];
    assert!(!charts.contains("<script") && !charts.contains("style=\""), "no scripts, no inline styles: {charts}");

    organiser.get(y.f.app.url(&format!("/locale/de?return_to={stats}"))).send().await.expect("switch to German");
    let (_, page) = get(&y.f.app, &organiser, &stats).await;
    assert!(page.contains("Statistik: Tandem 25") && page.contains("<strong>100,0 %</strong>") && page.contains("Teilnehmende nach Stadt"), "{page}");

    let api: Value = organiser.get(y.f.app.url(&format!("/api/v1{stats}"))).send().await.expect("GET").json().await.expect("json");
    assert_eq!(api["meetings"]["scheduled"], 2);
    assert_eq!(api["meetings"]["cross_city_share"], 1.0);
    assert_eq!(api["meetings"]["by_cities"][0]["city"], "Birmingham");
    assert_eq!(api["participants"], 4);

    let chris = logged_in(&y.f.app, &y.chris).await;
    assert_eq!(get(&y.f.app, &chris, &stats).await.0, StatusCode::FORBIDDEN);
    let refused = chris.get(y.f.app.url(&format!("/api/v1{stats}"))).send().await.expect("GET");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let anonymous = y.f.app.client().get(y.f.app.url(&stats)).send().await.expect("GET");
    assert!(location(&anonymous).starts_with("/login"), "anonymous visitors are sent to log in");
    let doc: Value = y.f.app.client().get(y.f.app.url("/api/v1/openapi.json")).send().await.expect("GET").json().await.expect("json");
    assert!(doc["paths"]["/events/{id}/statistics"].is_object(), "documented");

    // An event with nothing yet says so instead of drawing empty charts.
    let next = fair(4).await;
    let organiser = logged_in(&next.app, &next.organiser_email).await;
    let (status, page) = get(&next.app, &organiser, &format!("/events/{}/statistics", next.event)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"statistics-empty\"") && !page.contains("<svg"), "{page}");
}

#[test]
fn every_follow_up_label_exists_in_both_languages() {
    let mut keys: Vec<String> = FollowUpOutcome::ALL.iter().map(|o| format!("followup-outcome-{}", o.key())).collect();
    keys.extend((1..=5).map(|r| format!("followup-rating-{r}")));
    keys.extend(["not_held", "not_yet", "event_not_over", "not_agreement", "no_organisations", "profile_required"].map(|c| format!("validation-{c}")));
    for locale in [Locale::En, Locale::De] {
        let missing: Vec<_> = keys.iter().filter(|k| !Tr::has(locale, k)).collect();
        assert!(missing.is_empty(), "missing in {}: {missing:?}", locale.key());
    }
}
