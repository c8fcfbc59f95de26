//! Browser tests: Debian's Chromium, driven over WebDriver (fantoccini + ChromeDriver), against a
//! spawned app with the demo seeded. They check what only a real browser shows: htmx swapping
//! search results in place, focus after a failed form, labels and landmarks on the rendered DOM.
//!
//! Every test here is `#[ignore]`d, so `cargo test` passes on a machine with only Rust; `.ci/run`
//! installs `chromium` and `chromium-driver` and runs them with
//! `cargo test -p tandem-web --test it -- --ignored browser::`.
//! When run, a test never passes without a browser: it fails with what to install.
//!
//! - `TANDEM_BROWSER`: path of the `chromedriver` to start (default `/usr/bin/chromedriver`);
//! - `TANDEM_CHROMIUM`: path of the browser binary (default `/usr/bin/chromium`).
//!
//! Screenshots (the German directory, and the page a failed test was on) land in
//! `target/browser-screenshots/`.

mod events;
mod evidence;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tandem_app::directory::search::{self, DirectoryQuery};
use tandem_core::account::OrgRole;
use tandem_core::OrgId;
use tandem_testkit::TestApp;
use tempfile::TempDir;

const DEFAULT_DRIVER: &str = "/usr/bin/chromedriver";
const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";

/// The account every browser test has: org_admin of Daden Ltd.
const EMAIL: &str = "dana@daden.example";
/// Its display name (the testkit takes the address's local part).
const NAME: &str = "dana";
const PASSWORD: &str = "correct horse battery staple";
/// How long htmx swaps and page loads may take.
const WAIT: Duration = Duration::from_secs(5);
/// How long ChromeDriver may take to answer after it starts.
const DRIVER_START: Duration = Duration::from_secs(20);

// ---------------------------------------------------------------------------------------------
// The tests

#[tokio::test]
#[ignore = "needs chromium + chromedriver; run by .ci/run"]
async fn logging_in_through_the_form_shows_the_users_name() {
    browser_test("login", |c, fx| async move {
        visit(&c, &fx, "/login").await;
        // A wrong password first: the form comes back with the error and the typed address.
        fill(&c, "email", EMAIL).await;
        fill(&c, "password", "not the password").await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;
        assert_non_empty(&c, "#password-error").await;
        assert_eq!(value(&c, "email").await, EMAIL, "the address survives a failed login");
        assert_eq!(value(&c, "password").await, "", "the password is never sent back");
        check_page(&c).await;

        fill(&c, "password", PASSWORD).await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;
        assert_eq!(path(&c).await, "/", "a login without ?next lands on the home page");
        let header = text(&c, "header.site-header").await;
        assert!(header.contains(&format!("({NAME})")), "the header names the user: {header:?}");
        assert!(!header.contains("Log in"), "the header offers no login once logged in: {header:?}");
        let flash = text(&c, "main .flash").await;
        assert!(flash.contains(NAME), "the welcome flash names the user: {flash:?}");
        check_page(&c).await;
    })
    .await;
}

#[tokio::test]
#[ignore = "needs chromium + chromedriver; run by .ci/run"]
async fn directory_search_updates_in_place_and_works_without_htmx() {
    browser_test("search", |c, fx| async move {
        visit(&c, &fx, "/directory").await;
        let count_before = text(&c, "#result-count").await;
        mark_page(&c).await;

        // Typing: htmx fetches the results fragment and swaps it in, without a page load.
        c.find(Locator::Id("q")).await.expect("search box #q").send_keys("SpinLab").await.expect("type into #q");
        wait_js(
            &c,
            "the results to list SpinLab",
            WAIT,
            "const r = document.getElementById('directory-results');
             const n = document.getElementById('result-count');
             return !!r && !!n && n.textContent !== arguments[0]
                 && [...r.querySelectorAll('.result h2')].some(h => h.textContent.includes('SpinLab'));",
            vec![json!(count_before)],
        )
        .await;
        assert!(page_is_marked(&c).await, "the results changed without a page load");
        assert_eq!(text(&c, "main h1").await, "Directory", "the page around the results stays");
        assert_eq!(c.find_all(Locator::Css("main")).await.expect("find main").len(), 1, "no page nested in the page");
        let pushed = c.current_url().await.expect("current URL");
        assert!(query_has(&pushed, "q", "SpinLab"), "htmx pushes a bookmarkable URL: {pushed}");
        check_page(&c).await;

        // The pushed URL is a whole page of its own (reload, bookmark).
        c.refresh().await.expect("reload");
        wait_loaded(&c).await;
        assert!(!page_is_marked(&c).await, "the reload was a page load");
        assert!(results(&c).await.iter().any(|r| r.contains("SpinLab")), "the reloaded page lists SpinLab");
        check_page(&c).await;

        // Submitting the form the plain way (no htmx: form.submit() fires no submit event).
        visit(&c, &fx, "/directory").await;
        fill(&c, "q", "SpinLab").await;
        mark_page(&c).await;
        c.execute("document.getElementById('directory-form').submit();", vec![]).await.expect("submit the form");
        wait_new_page(&c).await;
        let url = c.current_url().await.expect("current URL");
        assert_eq!(url.path(), "/directory");
        assert!(query_has(&url, "q", "SpinLab"), "a plain GET submission puts q=SpinLab in the URL: {url}");
        assert_eq!(value(&c, "q").await, "SpinLab", "the search box keeps the words");
        let names = results(&c).await;
        assert!(names.iter().any(|r| r.contains("SpinLab")), "the results list SpinLab: {names:?}");
        check_page(&c).await;
    })
    .await;
}

#[tokio::test]
#[ignore = "needs chromium + chromedriver; run by .ci/run"]
async fn going_back_after_a_live_search_shows_the_whole_search_page() {
    browser_test("back", |c, fx| async move {
        visit(&c, &fx, "/directory").await;
        c.find(Locator::Id("q")).await.expect("search box #q").send_keys("SpinLab").await.expect("type into #q");
        wait_js(
            &c,
            "htmx to push the search URL",
            WAIT,
            "return new URLSearchParams(location.search).get('q') === 'SpinLab'
                 && !!document.querySelector('#directory-results .result h2 a');",
            vec![],
        )
        .await;
        // Leaving the search box fires `change`, another htmx request for the same URL; let it
        // finish before leaving the page, so that the browser's cache holds a complete answer.
        c.execute("document.getElementById('q').blur();", vec![]).await.expect("leave the search box");
        wait_js(&c, "htmx to settle", WAIT, "return !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping');", vec![]).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        click_and_load(&c, Locator::Css("#directory-results .result h2 a")).await;
        assert!(path(&c).await.starts_with("/organisations/"), "a result links to its organisation");

        // Back to the URL htmx pushed: the browser loads it as a page (the back/forward cache is
        // off, see `Driver::connect`), and must not be handed the results fragment that htmx
        // fetched from the same URL.
        mark_page(&c).await;
        c.back().await.expect("go back");
        wait_new_page(&c).await;
        assert_eq!(path(&c).await, "/directory");
        let shell = c.execute("return !!document.querySelector('header.site-header') && !!document.getElementById('q');", vec![]).await;
        assert_eq!(
            shell.ok(),
            Some(Value::Bool(true)),
            "going back to a live search shows the bare results fragment instead of the page \
             (the htmx fragment was cached under the same URL; /directory needs `Vary: HX-Request`)"
        );
        assert_eq!(value(&c, "q").await, "SpinLab", "the search box has the words again");
        assert!(results(&c).await.iter().any(|r| r.contains("SpinLab")), "the results are back too");
        check_page(&c).await;
    })
    .await;
}

#[tokio::test]
#[ignore = "needs chromium + chromedriver; run by .ci/run"]
async fn the_language_switch_turns_the_page_german_and_back() {
    browser_test("language", |c, fx| async move {
        visit(&c, &fx, "/directory?q=Leipzig").await;
        assert_eq!(html_lang(&c).await, "en");
        assert!(text(&c, "header nav").await.contains("Directory"));
        assert_eq!(text(&c, "#language-switch").await, "Deutsch", "the switch names the other language in that language");

        click_and_load(&c, Locator::Id("language-switch")).await;
        assert_eq!(html_lang(&c).await, "de", "<html lang> follows the switch");
        let url = c.current_url().await.expect("current URL");
        assert_eq!(url.path(), "/directory", "the switch returns to the same page");
        assert!(query_has(&url, "q", "Leipzig"), "… with the same search: {url}");
        let nav = text(&c, "header nav").await;
        assert!(nav.contains("Verzeichnis") && nav.contains("Programme"), "German navigation: {nav:?}");
        assert_eq!(text(&c, "main h1").await, "Verzeichnis");
        assert_eq!(text(&c, "#language-switch").await, "English");
        check_page(&c).await;
        screenshot(&c, "directory-de.png").await;

        // The choice sticks for the session.
        visit(&c, &fx, "/").await;
        assert_eq!(html_lang(&c).await, "de", "the next page is German too");

        click_and_load(&c, Locator::Id("language-switch")).await;
        assert_eq!(html_lang(&c).await, "en");
        assert_eq!(path(&c).await, "/");
        check_page(&c).await;
    })
    .await;
}

#[tokio::test]
#[ignore = "needs chromium + chromedriver; run by .ci/run"]
async fn an_org_admin_edits_the_description() {
    browser_test("edit", |c, fx| async move {
        log_in(&c, &fx).await;
        let edit = format!("/organisations/{}/edit", fx.daden);
        visit(&c, &fx, &edit).await;
        assert_eq!(value(&c, "name").await, "Daden Ltd", "the form opens with the stored values");
        let new_text = "Daden builds virtual humans and immersive training (edited in a browser).";
        fill(&c, "description_en", new_text).await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;

        assert_eq!(path(&c).await, format!("/organisations/{}", fx.daden), "saving returns to the organisation");
        assert_eq!(text(&c, "main .flash").await, "Your changes were saved.");
        let descriptions = texts(&c, "main .description").await;
        assert!(descriptions.iter().any(|d| d == new_text), "the page shows the new text: {descriptions:?}");
        check_page(&c).await;

        // The flash is one-shot; the text stays.
        visit(&c, &fx, &format!("/organisations/{}", fx.daden)).await;
        assert!(c.find(Locator::Css("main .flash")).await.is_err(), "the flash shows once");
        assert!(texts(&c, "main .description").await.iter().any(|d| d == new_text));
    })
    .await;
}

#[tokio::test]
#[ignore = "needs chromium + chromedriver; run by .ci/run"]
async fn validation_errors_appear_next_to_the_fields() {
    browser_test("validation", |c, fx| async move {
        log_in(&c, &fx).await;
        let edit = format!("/organisations/{}/edit", fx.daden);
        visit(&c, &fx, &edit).await;
        fill(&c, "website", "not a url").await;
        fill(&c, "name", "").await;
        fill(&c, "description_en", "Typed before a failed save.").await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;

        assert_eq!(path(&c).await, edit, "a failed save shows the form again, at the same address");
        assert_non_empty(&c, "#name-error").await;
        assert_non_empty(&c, "#website-error").await;
        assert_eq!(value(&c, "website").await, "not a url", "the form keeps the typed website");
        assert_eq!(value(&c, "name").await, "", "the form keeps the emptied name");
        assert_eq!(value(&c, "description_en").await, "Typed before a failed save.", "other typed values stay too");
        for field in ["name", "website"] {
            let input = c.find(Locator::Id(field)).await.expect("field");
            assert_eq!(input.attr("aria-invalid").await.expect("attr").as_deref(), Some("true"), "#{field} is marked invalid");
            let described = input.attr("aria-describedby").await.expect("attr").unwrap_or_default();
            assert!(described.split(' ').any(|id| id == format!("{field}-error")), "#{field} points at its error: {described:?}");
        }
        // The summary at the top links to each field and takes the keyboard focus.
        let summary = text(&c, "#error-summary").await;
        assert!(summary.contains("Please correct the following"), "error summary: {summary:?}");
        let links: Vec<String> = {
            let mut hrefs = Vec::new();
            for a in c.find_all(Locator::Css("#error-summary a")).await.expect("summary links") {
                hrefs.push(a.attr("href").await.expect("href").unwrap_or_default());
            }
            hrefs
        };
        assert!(links.contains(&"#name".to_owned()) && links.contains(&"#website".to_owned()), "summary links: {links:?}");
        wait_js(&c, "focus on the error summary", WAIT, "return document.activeElement && document.activeElement.id === 'error-summary';", vec![])
            .await;
        check_page(&c).await;

        // Nothing was saved.
        visit(&c, &fx, &format!("/organisations/{}", fx.daden)).await;
        assert_eq!(text(&c, "main h1").await, "Daden Ltd");
    })
    .await;
}

#[tokio::test]
#[ignore = "needs chromium + chromedriver; run by .ci/run"]
async fn every_page_has_landmarks_headings_and_labels() {
    browser_test("a11y", |c, fx| async move {
        // `visit` checks each page: one <main>, an <h1>, labels, unique ids, lang and title.
        let org = format!("/organisations/{}", fx.daden);
        let anonymous = [
            "/",
            "/directory",
            "/directory?q=zzzznothing",
            "/directory?kind=sme&page=2",
            "/programmes",
            org.as_str(),
            "/login",
            "/register",
            "/forgot-password",
            "/reset-password?token=x",
            "/no-such-page",
        ];
        for page in anonymous {
            visit(&c, &fx, page).await;
        }
        // A programme page, found the way a visitor finds it.
        visit(&c, &fx, "/programmes").await;
        let href = c
            .find(Locator::Css("main .results a[href^='/programmes/']"))
            .await
            .expect("a programme link on /programmes")
            .attr("href")
            .await
            .expect("href")
            .expect("a programme link has an href");
        visit(&c, &fx, &href).await;

        log_in(&c, &fx).await;
        let logged_in = [
            "/".to_owned(),
            "/account".to_owned(),
            org.clone(),
            format!("{org}/edit"),
            format!("{org}/members"),
            "/organisations/new".to_owned(),
            "/directory".to_owned(),
        ];
        for page in &logged_in {
            visit(&c, &fx, page).await;
        }
        click_and_load(&c, Locator::Id("language-switch")).await;
        assert_eq!(html_lang(&c).await, "de");
        for page in &logged_in {
            visit(&c, &fx, page).await;
            assert_eq!(html_lang(&c).await, "de", "{page} is German after the switch");
        }
    })
    .await;
}

/// The issue's "done when": a Leipzig support manager takes an SME's profile from draft to
/// publication in German, a Birmingham company expresses interest in English, the manager
/// introduces them and records the agreement, which is then confirmed.
#[tokio::test]
#[ignore = "needs chromium + chromedriver; run by .ci/run"]
async fn a_support_manager_brokers_a_partnership_from_draft_to_agreement() {
    browser_test("partnering", |c, fx| async move {
        const MANAGER: &str = "katrin@biocity.example";
        const SME_OWNER: &str = "jonas@auenwald.example";
        const TITLE: &str = "Kollaborative Greifroboter für die Montage kleiner Serien";
        let biocity = org_id(&fx.app, "BioCity Leipzig").await;
        fx.app.create_user(MANAGER, PASSWORD, true, false).await;
        fx.app.add_membership(MANAGER, biocity, OrgRole::ProgrammeManager).await;
        fx.app.create_user(SME_OWNER, PASSWORD, true, false).await;
        let cities = tandem_app::directory::cities(&fx.app.app).await.expect("cities");
        let city = |name: &str| cities.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no city {name}")).id;
        let (leipzig, birmingham) = (city("Leipzig"), city("Birmingham"));
        let sme_draft = tandem_core::directory::OrganisationDraft {
            name: "Auenwald Robotik GmbH".into(),
            kind: "sme".into(),
            city_id: leipzig.to_string(),
            nace_codes: vec!["28.99".into()],
            ..Default::default()
        };
        let owner_actor = fx.app.actor(SME_OWNER).await;
        let sme = tandem_app::directory::organisations::create(&fx.app.app, &owner_actor, &sme_draft).await.expect("create the SME").id;

        // The manager writes the draft in German, leaving the summary out.
        log_in_as(&c, &fx, MANAGER, "katrin").await;
        visit(&c, &fx, "/locale/de?return_to=/").await;
        assert_eq!(html_lang(&c).await, "de");
        visit(&c, &fx, &format!("/profiles/new?owner={sme}")).await;
        choose(&c, "field-profile_type", &["TO"]).await;
        choose(&c, "field-language", &["de"]).await;
        choose(&c, "field-support_org_id", &[&biocity.to_string()]).await;
        fill(&c, "field-title", TITLE).await;
        fill(&c, "field-description", "Ein Leipziger Robotikunternehmen hat einen kollaborativen Greifer mit Kraftsensorik entwickelt, der ohne Schutzzaun neben Menschen arbeitet.").await;
        fill(&c, "field-partner_role", "Gesucht wird ein Maschinenbauer, der den Greifer in Lizenz fertigt und vertreibt.").await;
        fill(&c, "field-advantages", "Umrüstung in Minuten statt Stunden; wirtschaftlich schon ab Losgröße zehn.").await;
        choose(&c, "field-stage_of_development", &["prototype"]).await;
        choose(&c, "field-ipr_status", &["patent_applied"]).await;
        choose(&c, "field-keywords_technology", &["manuf.robotics"]).await;
        fill(&c, "field-nace_codes", "28.99").await;
        click(&c, "#partnership-licensing").await;
        click(&c, "#sought-sme_50_249").await;
        fill(&c, "field-target_countries", "GB").await;
        click(&c, &format!("#target-city-{birmingham}")).await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;
        let profile_path = path(&c).await;
        assert!(profile_path.starts_with("/profiles/"), "saving the draft shows the profile: {profile_path}");
        check_page(&c).await;

        // Submitting is refused: the quality check names the missing summary.
        click_and_load(&c, Locator::Css("form[action$='/submit'] button")).await;
        let summary = text(&c, "#error-summary").await;
        assert!(!summary.is_empty(), "the quality problems are listed");
        check_page(&c).await;

        // The manager adds the summary, submits, and (as support staff) reviews and publishes it.
        visit(&c, &fx, &format!("{profile_path}/edit")).await;
        fill(&c, "field-summary", "Kollaborativer Greifer mit Kraftsensorik für kleine Serien, zur Lizenzfertigung angeboten.").await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;
        click_and_load(&c, Locator::Css("form[action$='/submit'] button")).await;
        assert_eq!(path(&c).await, profile_path);
        click_and_load(&c, Locator::Css("form[action$='/approve'] button")).await;
        check_page(&c).await;
        c.delete_all_cookies().await.expect("log out");

        // A Birmingham company finds it in the marketplace, in English, without the owner's name.
        log_in(&c, &fx).await;
        visit(&c, &fx, "/marketplace?q=Greifroboter").await;
        let listing = text(&c, "main").await;
        assert!(listing.contains(TITLE), "the published profile is listed: {listing}");
        assert!(!listing.contains("Auenwald"), "the marketplace keeps the owner anonymous");
        visit(&c, &fx, &profile_path).await;
        let page = text(&c, "main").await;
        assert!(!page.contains("Auenwald"), "the profile page keeps the owner anonymous");
        assert!(page.contains("Birmingham"), "the profile names its target city: {page}");
        click_and_load(&c, Locator::Css(&format!("a[href='{profile_path}/interest']"))).await;
        check_page(&c).await;
        choose(&c, "from_org", &[&fx.daden.to_string()]).await;
        fill(&c, "cooperation_sought", "We would license the gripper for our VR-guided assembly cells.").await;
        fill(&c, "who_we_are", "A Birmingham SME building VR training and simulation for manufacturing.").await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;
        assert_eq!(path(&c).await, "/interests");
        check_page(&c).await;
        c.delete_all_cookies().await.expect("log out");

        // The manager introduces the parties: both get the other's contact details.
        log_in_as(&c, &fx, MANAGER, "katrin").await;
        visit(&c, &fx, "/interests").await;
        click_and_load(&c, Locator::Css("form[action$='/introduce'] button")).await;
        check_page(&c).await;
        let to_daden = fx.app.outbox_to(EMAIL).await;
        assert!(to_daden.iter().any(|m| m.body_text.contains("Auenwald Robotik GmbH")), "the Birmingham company learns who the owner is");
        let to_owner = fx.app.outbox_to(SME_OWNER).await;
        assert!(to_owner.iter().any(|m| m.body_text.contains("Daden Ltd")), "the owner learns who is interested");

        // … and records the agreement that came of it, then confirms it.
        visit(&c, &fx, &profile_path).await;
        click_and_load(&c, Locator::Css("a[href*='/agreements/new?interest=']")).await;
        choose(&c, "partner_org", &[&fx.daden.to_string()]).await;
        choose(&c, "agreement_type", &["technology_licensing"]).await;
        set_value(&c, "signed_on", &chrono::Utc::now().date_naive().to_string()).await;
        click_and_load(&c, Locator::Css("main form button[type=submit]")).await;
        assert!(path(&c).await.starts_with("/agreements/"), "recording shows the agreement");
        check_page(&c).await;
        click_and_load(&c, Locator::Css("form[action$='/confirm'] button")).await;
        assert!(c.find(Locator::Css("form[action$='/confirm']")).await.is_err(), "a confirmed agreement offers no confirmation");
        check_page(&c).await;
        screenshot(&c, "agreement-de.png").await;
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// The app under test

/// A fresh app with the demo (30 synthetic SMEs) and a verified org_admin of Daden Ltd.
struct Fixture {
    app: TestApp,
    daden: OrgId,
}

impl Fixture {
    async fn new() -> Fixture {
        let app = TestApp::spawn().await;
        app.seed_demo(30).await;
        app.create_user(EMAIL, PASSWORD, true, false).await;
        let daden = org_id(&app, "Daden Ltd").await;
        app.add_membership(EMAIL, daden, OrgRole::OrgAdmin).await;
        Fixture { app, daden }
    }

    fn url(&self, path: &str) -> String {
        self.app.url(path)
    }
}

async fn org_id(app: &TestApp, name: &str) -> OrgId {
    let query = DirectoryQuery { text: name.to_owned(), page: 1, per_page: 100, ..Default::default() };
    let result = search::search(&app.app, &query).await.expect("search the directory");
    result.items.iter().find(|o| o.name == name).map(|o| o.id).unwrap_or_else(|| panic!("the demo has no organisation named {name}"))
}

// ---------------------------------------------------------------------------------------------
// Driving the browser

/// Opens `path` and checks the page.
async fn visit(c: &Client, fx: &Fixture, path: &str) {
    c.goto(&fx.url(path)).await.unwrap_or_else(|e| panic!("open {path}: {e}"));
    wait_loaded(c).await;
    check_page(c).await;
}

/// Logs in through the login form.
async fn log_in(c: &Client, fx: &Fixture) {
    visit(c, fx, "/login").await;
    fill(c, "email", EMAIL).await;
    fill(c, "password", PASSWORD).await;
    click_and_load(c, Locator::Css("main form button[type=submit]")).await;
    let header = text(c, "header.site-header").await;
    assert!(header.contains(&format!("({NAME})")), "logged in as {NAME}: {header:?}");
}

/// Logs in as `email` (display name `name`) through the login form.
async fn log_in_as(c: &Client, fx: &Fixture, email: &str, name: &str) {
    visit(c, fx, "/login").await;
    fill(c, "email", email).await;
    fill(c, "password", PASSWORD).await;
    click_and_load(c, Locator::Css("main form button[type=submit]")).await;
    let header = text(c, "header.site-header").await;
    assert!(header.contains(&format!("({name})")), "logged in as {name}: {header:?}");
}

/// Selects exactly `values` in the `<select>` with id `id` (single or multiple).
async fn choose(c: &Client, id: &str, values: &[&str]) {
    let selected = c
        .execute(
            "const el = document.getElementById(arguments[0]);
             if (!el) return -1;
             for (const o of el.options) o.selected = arguments[1].includes(o.value);
             el.dispatchEvent(new Event('change', { bubbles: true }));
             return el.selectedOptions.length;",
            vec![json!(id), json!(values)],
        )
        .await
        .unwrap_or_else(|e| panic!("choose in #{id}: {e}"));
    assert_eq!(selected.as_i64(), Some(values.len() as i64), "#{id} offers {values:?} on {}", here(c).await);
}

/// Sets an input's value directly (date inputs take typed text in the browser's locale format).
async fn set_value(c: &Client, id: &str, value: &str) {
    c.execute("document.getElementById(arguments[0]).value = arguments[1];", vec![json!(id), json!(value)])
        .await
        .unwrap_or_else(|e| panic!("set #{id}: {e}"));
}

/// Clicks the element matching `css` (no page load expected).
async fn click(c: &Client, css: &str) {
    let element = match c.find(Locator::Css(css)).await {
        Ok(element) => element,
        Err(e) => panic!("nothing to click at {css} on {}: {e}", here(c).await),
    };
    element.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// Replaces the value of the field with id `id` by typing.
async fn fill(c: &Client, id: &str, value: &str) {
    let field = c.find(Locator::Id(id)).await.unwrap_or_else(|e| panic!("no field #{id}: {e}"));
    field.clear().await.unwrap_or_else(|e| panic!("clear #{id}: {e}"));
    if !value.is_empty() {
        field.send_keys(value).await.unwrap_or_else(|e| panic!("type into #{id}: {e}"));
    }
}

/// The current value of the field with id `id`.
async fn value(c: &Client, id: &str) -> String {
    let field = c.find(Locator::Id(id)).await.unwrap_or_else(|e| panic!("no field #{id}: {e}"));
    field.prop("value").await.unwrap_or_else(|e| panic!("value of #{id}: {e}")).unwrap_or_default()
}

/// The rendered text of the first element matching `css`.
async fn text(c: &Client, css: &str) -> String {
    let element = match c.find(Locator::Css(css)).await {
        Ok(element) => element,
        Err(e) => panic!("no element {css} on {}: {e}", here(c).await),
    };
    element.text().await.unwrap_or_else(|e| panic!("text of {css}: {e}")).trim().to_owned()
}

/// The rendered texts of every element matching `css`.
async fn texts(c: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in c.find_all(Locator::Css(css)).await.unwrap_or_else(|e| panic!("find {css}: {e}")) {
        out.push(element.text().await.unwrap_or_else(|e| panic!("text of {css}: {e}")).trim().to_owned());
    }
    out
}

/// The organisation names in the directory results.
async fn results(c: &Client) -> Vec<String> {
    texts(c, "#directory-results .result h2").await
}

async fn assert_non_empty(c: &Client, css: &str) {
    let t = text(c, css).await;
    if t.is_empty() {
        panic!("{css} is empty on {}", here(c).await);
    }
}

async fn html_lang(c: &Client) -> String {
    let lang = c.execute("return document.documentElement.lang;", vec![]).await.expect("read <html lang>");
    lang.as_str().unwrap_or_default().to_owned()
}

async fn path(c: &Client) -> String {
    c.current_url().await.expect("current URL").path().to_owned()
}

/// Whether `url`'s query has `key=value` (plain ASCII values; `+` is a space).
fn query_has(url: &impl std::fmt::Display, key: &str, value: &str) -> bool {
    let url = url.to_string();
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    query.split('&').filter_map(|pair| pair.split_once('=')).any(|(k, v)| k == key && v.replace('+', " ") == value)
}

/// The current URL, for messages.
async fn here(c: &Client) -> String {
    c.current_url().await.map(|u| u.to_string()).unwrap_or_else(|_| "(unknown page)".to_owned())
}

/// Puts a marker on the page's window object; a page load removes it.
async fn mark_page(c: &Client) {
    c.execute("window.__tandemSamePage = true;", vec![]).await.expect("mark the page");
}

async fn page_is_marked(c: &Client) -> bool {
    c.execute("return window.__tandemSamePage === true;", vec![]).await.ok() == Some(Value::Bool(true))
}

/// Clicks what `locator` finds and waits for the page that follows to load.
async fn click_and_load(c: &Client, locator: Locator<'_>) {
    mark_page(c).await;
    let element = c.find(locator).await.unwrap_or_else(|e| panic!("nothing to click at {locator:?}: {e}"));
    element.click().await.unwrap_or_else(|e| panic!("click {locator:?}: {e}"));
    wait_new_page(c).await;
}

/// Waits until the marked page has been replaced by a fully loaded one.
async fn wait_new_page(c: &Client) {
    wait_js(c, "a new page to load", WAIT, "return window.__tandemSamePage !== true && document.readyState === 'complete';", vec![]).await;
}

async fn wait_loaded(c: &Client) {
    wait_js(c, "the page to load", WAIT, "return document.readyState === 'complete';", vec![]).await;
}

/// Polls `script` (a function body returning a boolean) until it returns true.
async fn wait_js(c: &Client, what: &str, timeout: Duration, script: &str, args: Vec<Value>) {
    let deadline = Instant::now() + timeout;
    loop {
        // Errors are expected while a navigation replaces the document; try again.
        let last = match c.execute(script, args.clone()).await {
            Ok(Value::Bool(true)) => return,
            Ok(other) => other.to_string(),
            Err(e) => e.to_string(),
        };
        if Instant::now() >= deadline {
            let url = c.current_url().await.map(|u| u.to_string()).unwrap_or_default();
            panic!("waited {timeout:?} for {what} on {url}; last answer: {last}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The accessibility smoke check every visited page gets.
async fn check_page(c: &Client) {
    const SCRIPT: &str = r#"
        const problems = [];
        const mains = document.querySelectorAll('main');
        if (mains.length !== 1) problems.push(`expected exactly one <main>, found ${mains.length}`);
        const h1 = document.querySelector('h1');
        if (!h1) problems.push('no <h1>');
        else if (!h1.textContent.trim()) problems.push('empty <h1>');
        if (!document.documentElement.getAttribute('lang')) problems.push('<html> has no lang');
        if (!document.title.trim()) problems.push('empty <title>');
        const ids = new Map();
        for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
        for (const [id, n] of ids) if (n > 1) problems.push(`id "${id}" is used ${n} times`);
        for (const el of document.querySelectorAll('input, select, textarea')) {
            if (el.type === 'hidden') continue;
            const style = getComputedStyle(el);
            if (el.getClientRects().length === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
            const tag = el.outerHTML.slice(0, 120);
            // A <label for> or a wrapping <label> (radio buttons and check boxes in a list).
            const labels = [...el.labels];
            if (labels.length === 0) problems.push(`no <label> for the field: ${tag}`);
            else if (!labels.some(l => l.textContent.trim())) problems.push(`the label of the field is empty: ${tag}`);
        }
        return problems;
    "#;
    let url = c.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    let problems = c.execute(SCRIPT, vec![]).await.unwrap_or_else(|e| panic!("accessibility check on {url}: {e}"));
    let problems: Vec<String> =
        problems.as_array().map(|a| a.iter().filter_map(|p| p.as_str().map(str::to_owned)).collect()).unwrap_or_default();
    assert!(problems.is_empty(), "accessibility problems on {url}:\n  - {}", problems.join("\n  - "));
}

/// Where screenshots go: `target/browser-screenshots/` of the workspace.
fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-screenshots")
}

/// Saves a screenshot for humans; failures to write it are ignored.
async fn screenshot(c: &Client, file: &str) {
    if let Ok(png) = c.screenshot().await {
        let dir = screenshot_dir();
        if std::fs::create_dir_all(&dir).is_ok() {
            let _ = std::fs::write(dir.join(file), png);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Browser and driver set-up

/// Runs `body` with a fresh browser session and app; closes the browser even when `body` panics
/// (then it first saves a screenshot and the page's text), and fails the test with the panic.
async fn browser_test<F, Fut>(name: &str, body: F)
where
    F: FnOnce(Client, Fixture) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let (driver, fixture) = tokio::join!(Driver::start(), Fixture::new());
    let client = driver.connect().await;
    let outcome = tokio::spawn(body(client.clone(), fixture)).await;
    if outcome.is_err() {
        let url = client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        let body = client.execute("return document.body ? document.body.innerText : '';", vec![]).await.unwrap_or_default();
        let shot = format!("failed-{name}.png");
        screenshot(&client, &shot).await;
        eprintln!(
            "browser test {name} failed on {url}; screenshot: {}\n--- page text ---\n{}\n---",
            screenshot_dir().join(shot).display(),
            body.as_str().unwrap_or_default().chars().take(3000).collect::<String>()
        );
    }
    let console = if outcome.is_ok() { console_errors(&driver, &client).await } else { Vec::new() };
    let _ = client.close().await;
    driver.stop().await;
    match outcome {
        Ok(()) => {}
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => panic!("browser test {name} did not finish: {e}"),
    }
    assert!(console.is_empty(), "browser test {name}: errors in the browser console:\n  - {}", console.join("\n  - "));
}

/// Console errors of the whole session that nobody expects (script errors, blocked resources,
/// missing assets), read through ChromeDriver's log endpoint.
async fn console_errors(driver: &Driver, client: &Client) -> Vec<String> {
    /// Known and harmless, until fixed in the app (see each):
    const KNOWN: &[&str] = &[
        // Chromium asks for /favicon.ico, which the app does not serve (404).
        "/favicon.ico - Failed to load resource",
        // htmx injects its request-indicator <style> inline, which the CSP's style-src 'self'
        // blocks; harmless (no indicators are used). Gone once base.html sets
        // <meta name="htmx-config" content='{"includeIndicatorStyles":false}'>.
        "/assets/htmx.min.js 0 Applying inline style violates the following Content Security Policy",
    ];
    // Pages that answer 4xx on purpose (the 404 page, a failed login or form); never an asset.
    let expected = |m: &str| {
        KNOWN.iter().any(|k| m.contains(k)) || (m.contains("the server responded with a status of 4") && !m.contains("/assets/"))
    };
    let Ok(Some(session)) = client.session_id().await else { return vec!["no WebDriver session id".to_owned()] };
    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("HTTP client");
    let response = http.post(format!("{}/session/{session}/se/log", driver.url)).json(&json!({ "type": "browser" })).send().await;
    let logs: Value = match response {
        Ok(r) => r.json().await.unwrap_or_default(),
        Err(e) => return vec![format!("cannot read the browser console: {e}")],
    };
    logs["value"]
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .filter(|e| e["level"] == "SEVERE")
                .filter_map(|e| e["message"].as_str())
                .filter(|m| !expected(m))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// A ChromeDriver child process on a free port of 127.0.0.1; killed when dropped.
struct Driver {
    child: Child,
    url: String,
    chromium: PathBuf,
    /// Holds the browser profile (`profile/`) and ChromeDriver's log.
    dir: TempDir,
}

/// The ChromeDriver and Chromium to use, or a failure that says what to install.
fn browser_paths() -> (PathBuf, PathBuf) {
    let driver = match std::env::var("TANDEM_BROWSER").ok().filter(|s| !s.trim().is_empty()) {
        Some(path) => {
            let path = PathBuf::from(path);
            assert!(path.is_file(), "TANDEM_BROWSER is {}, which is not a file: it must name a chromedriver executable", path.display());
            path
        }
        None => {
            let path = PathBuf::from(DEFAULT_DRIVER);
            assert!(
                path.is_file(),
                "browser tests need ChromeDriver and Chromium, but {DEFAULT_DRIVER} is missing and TANDEM_BROWSER is unset. \
                 Install Debian's packages (`apt-get install chromium chromium-driver`, as .ci/run does) \
                 or set TANDEM_BROWSER to the path of a chromedriver."
            );
            path
        }
    };
    let chromium = PathBuf::from(std::env::var("TANDEM_CHROMIUM").ok().filter(|s| !s.trim().is_empty()).unwrap_or_else(|| DEFAULT_CHROMIUM.into()));
    assert!(
        chromium.is_file(),
        "browser tests need Chromium at {} (install Debian's `chromium`, or set TANDEM_CHROMIUM)",
        chromium.display()
    );
    (driver, chromium)
}

fn free_port() -> u16 {
    let probe = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind a probe socket");
    probe.local_addr().expect("probe address").port()
}

impl Driver {
    async fn start() -> Driver {
        let (driver, chromium) = browser_paths();
        let dir = tempfile::Builder::new().prefix("tandem-browser-").tempdir().expect("create a browser directory");
        let log = dir.path().join("chromedriver.log");
        let mut last_error = String::new();
        // The port is free when probed but could be taken before ChromeDriver binds it: retry.
        for _ in 0..3 {
            let port = free_port();
            let mut child = Command::new(&driver)
                .arg(format!("--port={port}"))
                .arg(format!("--log-path={}", log.display()))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("start {}: {e}", driver.display()));
            let url = format!("http://127.0.0.1:{port}");
            let http = reqwest::Client::builder().timeout(Duration::from_secs(2)).build().expect("HTTP client");
            let deadline = Instant::now() + DRIVER_START;
            loop {
                if let Ok(Some(status)) = child.try_wait() {
                    last_error = format!("{} exited with {status}", driver.display());
                    break;
                }
                let ready = match http.get(format!("{url}/status")).send().await {
                    Ok(r) => r.json::<Value>().await.ok().and_then(|v| v["value"]["ready"].as_bool()).unwrap_or(false),
                    Err(_) => false,
                };
                if ready {
                    return Driver { child, url, chromium, dir };
                }
                if Instant::now() >= deadline {
                    let _ = child.kill();
                    let _ = child.wait();
                    last_error = format!("{} did not answer on port {port} within {DRIVER_START:?}", driver.display());
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        let log_text = std::fs::read_to_string(&log).unwrap_or_default();
        panic!("cannot start ChromeDriver: {last_error}\n--- chromedriver.log ---\n{log_text}");
    }

    /// A new browser session: headless Chromium with a new, empty profile.
    async fn connect(&self) -> Client {
        let profile = self.dir.path().join("profile");
        std::fs::create_dir_all(&profile).expect("create the browser profile directory");
        let args = [
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            format!("--user-data-dir={}", profile.display()),
            "--window-size=1280,1000".to_owned(),
            // Back and forward always load the page (from the HTTP cache or the server), as they
            // do whenever a page cannot be kept in the back/forward cache: deterministic tests.
            "--disable-back-forward-cache".to_owned(),
            // The app picks its language from Accept-Language: make it English whatever the machine's locale.
            "--lang=en-GB".to_owned(),
        ];
        let options = json!({
            "binary": self.chromium.display().to_string(),
            "args": args,
            "prefs": { "intl.accept_languages": "en-GB,en" },
        });
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert("goog:chromeOptions".into(), options);
        // Keep the console, so that `browser_test` can fail on script errors.
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let result = ClientBuilder::new(connector).capabilities(capabilities).connect(&self.url).await;
        result.unwrap_or_else(|e| {
            let log = std::fs::read_to_string(self.dir.path().join("chromedriver.log")).unwrap_or_default();
            let tail: String = log.lines().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n");
            panic!("cannot start a Chromium session through ChromeDriver at {}: {e}\n--- chromedriver.log (tail) ---\n{tail}", self.url)
        })
    }

    /// Asks ChromeDriver to quit (it closes what is left of its browsers), then drops it.
    async fn stop(self) {
        let http = reqwest::Client::builder().timeout(Duration::from_secs(2)).build().expect("HTTP client");
        let _ = http.get(format!("{}/shutdown", self.url)).send().await;
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        kill_browsers_using(&self.dir.path().join("profile"));
    }
}

/// Ends any Chromium process still running on `profile` (this driver's own, unique profile
/// directory) — left behind only when a session could not be closed.
fn kill_browsers_using(profile: &Path) {
    let needle = format!("--user-data-dir={}", profile.display());
    let Ok(entries) = std::fs::read_dir("/proc") else { return };
    for entry in entries.flatten() {
        let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else { continue };
        let matches = cmdline.split(|b| *b == 0).any(|arg| arg == needle.as_bytes());
        if matches {
            let _ = Command::new("kill").arg("-KILL").arg(pid.to_string()).stdout(Stdio::null()).stderr(Stdio::null()).status();
        }
    }
}
