//! The brokerage event chain in a real browser, on the demo's two events (issue 5, "Done when"):
//! at the upcoming exchange a Birmingham SME registers, asks a Leipzig participant for a
//! meeting, she accepts, the organiser auto-schedules and publishes the final agenda, the SME
//! downloads its agenda as ICS and PDF and is checked in by name; at the 2017 anniversary event
//! (long over) the SME marks a meeting held, the organiser marks another a no-show, the SME
//! rates the meeting and answers the six-month survey, and the statistics page charts it all.

use super::{browser_test, check_page, click_and_load, fill, here, path, text, visit, wait_js, Fixture, WAIT};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use tandem_app::demo::DEMO_PASSWORD;
use tandem_app::events::public;
use tandem_core::EventId;

const SME: &str = "chris.sme@demo.tandem.example";
const PARTNER: &str = "katrin.vogel@participants.demo.tandem.example";
const ORGANISER_NEXT: &str = "lena.managerin@demo.tandem.example";
const ORGANISER_2017: &str = "sam.orgadmin@demo.tandem.example";
const MESSAGE: &str = "We build surgical training simulators and look for a Leipzig partner for haptics.";

#[tokio::test]
#[ignore = "needs chromium + chromedriver; run by .ci/run"]
async fn the_demo_event_runs_from_registration_to_follow_up() {
    browser_test("brokerage-event", |c, fx| async move {
        let next = only_event(&fx, true).await;
        let past = only_event(&fx, false).await;

        // The SME registers for the upcoming exchange, on site.
        log_in_demo(&c, &fx, SME).await;
        visit(&c, &fx, &format!("/events/{next}/register")).await;
        c.execute("document.querySelector('input[name=attendance][value=onsite]').click();", vec![]).await.expect("choose on site");
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;
        check_page(&c).await;

        // … finds Katrin Vogel among the participants and asks her for a meeting.
        visit(&c, &fx, &format!("/events/{next}/participants?q=Katrin")).await;
        let request = attr_where(&c, "a[href$='/request']", "li, article", "Katrin Vogel", "href").await;
        visit(&c, &fx, &request).await;
        fill(&c, "message", MESSAGE).await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;
        check_page(&c).await;
        log_out(&c).await;

        // She accepts it from her meetings page.
        log_in_demo(&c, &fx, PARTNER).await;
        visit(&c, &fx, &format!("/events/{next}/meetings")).await;
        let accept = attr_where(&c, "form[action$='/accept']", "li", MESSAGE, "action").await;
        click_and_load(&c, Locator::Css(&format!("form[action='{accept}'] button[type=submit]"))).await;
        check_page(&c).await;
        let accepted = text(&c, "section[aria-labelledby=accepted-heading]").await;
        assert!(accepted.contains("Chris"), "the accepted meetings list the SME: {accepted}");
        log_out(&c).await;

        // The organiser runs the auto-scheduler: its result states the proved bound; then
        // publishes the final agenda.
        log_in_demo(&c, &fx, ORGANISER_NEXT).await;
        visit(&c, &fx, &format!("/events/{next}/schedule")).await;
        click_and_load(&c, Locator::Css("form[action$='/schedule'] button[type=submit]")).await;
        let headline = text(&c, "#result-heading").await;
        assert!(headline.contains("of at most"), "the result names the bound: {headline}");
        check_page(&c).await;
        click_and_load(&c, Locator::Css("form[action$='/schedule/publish'] input[value=final] ~ button")).await;
        let state = text(&c, "#agenda-state").await;
        assert!(state.to_lowercase().contains("final"), "the agenda is final: {state}");
        log_out(&c).await;

        // The SME's agenda has the meeting at a table; the ICS and PDF downloads are real files.
        log_in_demo(&c, &fx, SME).await;
        visit(&c, &fx, &format!("/events/{next}/my-agenda")).await;
        let meeting = text(&c, "#programme li.agenda-meeting").await;
        assert!(meeting.contains("Katrin Vogel"), "the agenda lists the meeting: {meeting}");
        assert!(!text(&c, "#programme li.agenda-meeting .place").await.is_empty(), "the meeting has a place");
        let ics_href = attr(&c, "#download-ics", "href").await;
        let ics = fetch(&c, &ics_href).await;
        assert_eq!(ics["status"], 200, "{ics_href}");
        let ics_text = ics["text"].as_str().unwrap_or_default();
        assert!(ics_text.starts_with("BEGIN:VCALENDAR") && ics_text.contains("Katrin Vogel"), "{ics_text}");
        assert!(ics["type"].as_str().unwrap_or_default().starts_with("text/calendar"), "{:?}", ics["type"]);
        let pdf = fetch(&c, &attr(&c, "#download-pdf", "href").await).await;
        assert_eq!((pdf["status"].clone(), pdf["type"].clone()), (json!(200), json!("application/pdf")));
        assert!(pdf["text"].as_str().unwrap_or_default().starts_with("%PDF-"), "a PDF file");
        log_out(&c).await;

        // On the day the organiser finds the SME by name and checks them in (in place, by htmx).
        log_in_demo(&c, &fx, ORGANISER_NEXT).await;
        visit(&c, &fx, &format!("/events/{next}/checkin?q=Chris")).await;
        let row = attr_where(&c, "li[id^='checkin-']", "li", "Chris", "id").await;
        c.find(Locator::Css(&format!("#{row} form[action$='/checkin'] button"))).await.expect("check-in button").click().await.expect("click");
        wait_js(&c, "the row to show the check-in", WAIT, "return !!document.querySelector(`#${arguments[0]} form[action$='/checkin/undo']`);", vec![json!(row)]).await;
        check_page(&c).await;
        log_out(&c).await;

        // The 2017 event: the SME marks one meeting held …
        log_in_demo(&c, &fx, SME).await;
        visit(&c, &fx, &format!("/events/{past}/meetings")).await;
        let held = attr(&c, "section[aria-labelledby=accepted-heading] li[id^='meeting-']", "id").await;
        click_and_load(&c, Locator::Css(&format!("#{held} form[action$='/outcome'] button[value=held]"))).await;
        let badge = text(&c, &format!("#{held} .badge.outcome-held")).await;
        assert!(!badge.is_empty(), "the meeting shows it was held");
        check_page(&c).await;
        log_out(&c).await;

        // … the organiser marks another one a no-show …
        log_in_demo(&c, &fx, ORGANISER_2017).await;
        visit(&c, &fx, &format!("/events/{past}/meetings/all")).await;
        let held_row = held.trim_start_matches("meeting-").to_owned();
        let missed = c
            .execute(
                "const rows = [...document.querySelectorAll('tr[id^=meeting-]')]
                     .filter(r => r.textContent.includes('Chris') && r.id !== 'meeting-' + arguments[0]
                         && r.querySelector('form[action$=\"/outcome\"] button[value=receiver_absent]'));
                 return rows.length ? rows[0].id : null;",
                vec![json!(held_row)],
            )
            .await
            .expect("find a second meeting");
        let missed = missed.as_str().unwrap_or_else(|| panic!("no other meeting of the SME to mark on {past}")).to_owned();
        click_and_load(&c, Locator::Css(&format!("#{missed} form[action$='/outcome'] button[value=receiver_absent]"))).await;
        assert!(!text(&c, &format!("#{missed} .badge.outcome-receiver_absent")).await.is_empty(), "the no-show is recorded");
        check_page(&c).await;
        log_out(&c).await;

        // … and the SME rates the meeting held and answers the survey about it.
        log_in_demo(&c, &fx, SME).await;
        visit(&c, &fx, &format!("/events/{past}/survey")).await;
        click_and_load(&c, Locator::Css(&format!("#{held} a[href$='/feedback']"))).await;
        c.execute("document.querySelector('input[name=rating][value=\"5\"]').click();", vec![]).await.expect("rate 5");
        fill(&c, "comment", "Met our future haptics partner.").await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;
        assert_eq!(path(&c).await, format!("/events/{past}/survey"), "rating returns to the survey");
        c.execute(
            "document.querySelector(`#${arguments[0]} input[name=outcome][value=valuable_contact]`).click();",
            vec![json!(held)],
        )
        .await
        .expect("answer the survey");
        click_and_load(&c, Locator::Css(&format!("#{held} form[action$='/survey'] button[type=submit]"))).await;
        let answered = c
            .execute("return document.querySelector(`#${arguments[0]} input[name=outcome][value=valuable_contact]`).checked;", vec![json!(held)])
            .await
            .expect("read the answer");
        assert_eq!(answered, Value::Bool(true), "the answer is kept on {}", here(&c).await);
        check_page(&c).await;
        log_out(&c).await;

        // The organiser's statistics chart the requests, meetings held, no-shows and outcomes.
        log_in_demo(&c, &fx, ORGANISER_2017).await;
        visit(&c, &fx, &format!("/events/{past}/statistics")).await;
        let charts = c.find_all(Locator::Css("figure.chart svg.bar-chart")).await.expect("charts");
        assert!(charts.len() >= 2, "the statistics page has charts");
        let page = text(&c, "main").await;
        assert!(page.contains('%'), "shares are shown: {page}");
        check_page(&c).await;
    })
    .await;
}

/// The one upcoming (or past) event of the demo.
async fn only_event(fx: &Fixture, upcoming: bool) -> EventId {
    let events = public::list(&fx.app.app, upcoming).await.expect("list events");
    assert_eq!(events.len(), 1, "the demo has one {} event", if upcoming { "upcoming" } else { "past" });
    events[0].event.id
}

/// Logs in as a demo account through the login form.
pub(super) async fn log_in_demo(c: &Client, fx: &Fixture, email: &str) {
    visit(c, fx, "/login").await;
    fill(c, "email", email).await;
    fill(c, "password", DEMO_PASSWORD).await;
    click_and_load(c, Locator::Css("main form button[type=submit]")).await;
    assert_ne!(path(c).await, "/login", "{email} is logged in");
    // Some demo accounts speak German; the assertions read English.
    visit(c, fx, "/locale/en?return_to=/").await;
    assert_eq!(super::html_lang(c).await, "en");
}

/// Ends the browser's session.
async fn log_out(c: &Client) {
    c.delete_all_cookies().await.expect("log out");
}

/// The attribute `name` of the first element matching `css`.
pub(super) async fn attr(c: &Client, css: &str, name: &str) -> String {
    let element = match c.find(Locator::Css(css)).await {
        Ok(element) => element,
        Err(e) => panic!("no element {css} on {}: {e}", here(c).await),
    };
    element.attr(name).await.unwrap_or_else(|e| panic!("{name} of {css}: {e}")).unwrap_or_else(|| panic!("{css} has no {name}"))
}

/// The attribute `name` of the first element matching `css` whose enclosing `container`
/// mentions `needle`.
pub(super) async fn attr_where(c: &Client, css: &str, container: &str, needle: &str, name: &str) -> String {
    let found = c
        .execute(
            "const el = [...document.querySelectorAll(arguments[0])]
                 .find(e => (e.closest(arguments[1]) || e).textContent.includes(arguments[2]));
             return el ? el.getAttribute(arguments[3]) : null;",
            vec![json!(css), json!(container), json!(needle), json!(name)],
        )
        .await
        .unwrap_or_else(|e| panic!("search {css}: {e}"));
    match found.as_str() {
        Some(v) => v.to_owned(),
        None => panic!("no {css} in a {container} mentioning {needle:?} on {}", here(c).await),
    }
}

/// Fetches `href` with the browser's session: {status, type, text}.
pub(super) async fn fetch(c: &Client, href: &str) -> Value {
    c.execute_async(
        "const done = arguments[arguments.length - 1];
         fetch(arguments[0], { credentials: 'same-origin' })
             .then(async r => done({ status: r.status, type: r.headers.get('content-type'), text: await r.text() }))
             .catch(e => done({ status: 0, type: null, text: String(e) }));",
        vec![json!(href)],
    )
    .await
    .unwrap_or_else(|e| panic!("fetch {href}: {e}"))
}
