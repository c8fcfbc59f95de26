//! An enterprise's SME declaration page (issue 6, item 3; Recommendation 2003/361/EC) over real
//! HTTP: a re-test is due without a declaration; a declaration with a partner enterprise shows
//! its category and reasoning; a later one keeps the status for a single period (Art. 4(2)) and
//! moves the first to the earlier declarations; invalid figures come back by their fields; a
//! stranger is refused; the page in German.

use crate::support::*;
use reqwest::{Client, StatusCode};
use tandem_core::OrgId;
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_testkit::TestApp;

const OWNER: &str = "gf@robotik.example";

struct World {
    app: TestApp,
    owner: Client,
    sme: OrgId,
    page: String,
}

/// A Leipzig SME whose directory figures are of 2025, administered by its owner.
async fn world() -> World {
    let app = TestApp::spawn().await;
    app.create_user(OWNER, PASSWORD, true, false).await;
    let city = tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == "Leipzig").expect("city").id;
    let draft = OrganisationDraft {
        name: "Leipziger Robotik GmbH".into(),
        kind: OrgKind::Sme.key().into(),
        city_id: city.to_string(),
        nace_codes: vec!["28.99".into()],
        description_de: Some("Robotik für die Fertigung.".into()),
        staff_headcount: Some("30".into()),
        turnover: Some("4.000.000".into()),
        currency: Some("EUR".into()),
        figures_year: Some("2025".into()),
        ..Default::default()
    };
    let sme = tandem_app::directory::organisations::create(&app.app, &app.actor(OWNER).await, &draft).await.expect("organisation").id;
    let owner = logged_in(&app, OWNER).await;
    World { app, owner, sme, page: format!("/organisations/{sme}/sme") }
}

/// A valid declaration for the accounts to `period_end`, with `extra` fields added or replaced.
fn declaration<'a>(period_end: &'a str, staff: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("period_end", period_end),
        ("staff", staff),
        ("turnover", "4,000,000"),
        ("balance_sheet", "1,500,000"),
        ("currency", "EUR"),
        ("declared_by", "Dana Weber"),
        ("declarant_role", "Geschäftsführerin"),
        ("declared_on", "2026-01-15"),
        ("confirmed", "true"),
    ];
    for (k, v) in extra {
        fields.retain(|(name, _)| name != k);
        fields.push((k, v));
    }
    fields
}

const PARTNER: &[(&str, &str)] = &[
    ("related[1].name", "Holding AG"),
    ("related[1].direction", "holds_in_us"),
    ("related[1].capital_percent", "25"),
    ("related[1].voting_percent", "25"),
    ("related[1].staff", "100"),
    ("related[1].turnover", "20,000,000"),
    ("related[1].balance_sheet", "10,000,000"),
];

async fn declare(w: &World, fields: &[(&str, &str)]) -> reqwest::Response {
    post_form(&w.app, &w.owner, &w.page, &w.page, fields).await
}

#[tokio::test]
async fn a_declaration_shows_its_category_and_reasoning_and_a_later_one_keeps_the_status() {
    let w = world().await;
    let (status, html) = get(&w.app, &w.owner, &w.page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"sme-retest\"") && html.contains("there is no declaration yet"), "{html}");
    assert!(
        html.contains("name=\"related[4].balance_sheet\"") && html.contains("value=\"EUR\" selected"),
        "five rows, euros in Leipzig: {html}"
    );
    // The organisation page links to it.
    let (_, org_page) = get(&w.app, &w.owner, &format!("/organisations/{}", w.sme)).await;
    assert!(org_page.contains(&format!("href=\"{}\"", w.page)), "{org_page}");

    // Art. 6(2): 30 AWU + 25 % of the partner's 100 = 55 AWU, a medium-sized enterprise.
    let mut fields = declaration("2024-12-31", "30", PARTNER);
    fields.push(("related[0].direction", "holds_in_us")); // a blank row stays blank
    let done = declare(&w, &fields).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), w.page);
    let (_, html) = get(&w.app, &w.owner, &w.page).await;
    assert!(html.contains("The declaration has been recorded: Medium-sized enterprise."), "{html}");
    assert!(html.contains("id=\"sme-category\">Medium-sized enterprise</span>"), "{html}");
    assert!(html.contains("1. Holding AG is a partner enterprise; 25% of its data"), "the reasoning: {html}");
    assert!(html.contains("55 AWU") && html.contains("Art. 2: the ceiling for a small enterprise is not met"), "{html}");
    assert!(html.contains("Dana Weber (Geschäftsführerin) on 15 January 2026"), "{html}");
    assert!(html.contains("the directory holds figures for 2025"), "figures of later accounts ask for a re-test: {html}");

    // The next year's figures alone make it small, but one period does not change the status.
    let done = declare(&w, &declaration("2025-12-31", "30", &[])).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.owner, &w.page).await;
    assert!(
        html.contains("id=\"sme-category\">Medium-sized enterprise</span>") && html.contains("so it stays a medium-sized enterprise"),
        "{html}"
    );
    assert!(html.contains("id=\"sme-earlier\"") && html.contains("Accounts to 31 December 2024"), "{html}");
    assert!(!html.contains("id=\"sme-retest\""), "no re-test due: {html}");

    // Support staff may collect declarations too; a stranger sees nothing.
    w.app.create_user("someone@elsewhere.example", PASSWORD, true, false).await;
    let stranger = logged_in(&w.app, "someone@elsewhere.example").await;
    assert_eq!(get(&w.app, &stranger, &w.page).await.0, StatusCode::FORBIDDEN);
    let refused = post_form(&w.app, &stranger, "/", &w.page, &declaration("2026-12-31", "3", &[])).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let anonymous = w.app.client().get(w.app.url(&w.page)).send().await.expect("GET");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn invalid_figures_come_back_by_their_fields() {
    let w = world().await;
    let fields = declaration(
        "2024-12-31",
        "lots",
        &[("turnover", ""), ("confirmed", ""), ("related[2].name", "Holding AG"), ("related[2].staff", "100")],
    );
    let bad = declare(&w, &fields).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    for field in ["staff", "turnover", "confirmed", "related[2].direction", "related[2].capital_percent", "related[2].turnover"] {
        assert!(html.contains(&format!("id=\"{field}-error\"")), "{field}: {html}");
    }
    assert!(html.contains("write the staff in annual work units") && html.contains("error-summary"), "{html}");
    assert!(html.contains("value=\"Holding AG\"") && html.contains("value=\"lots\""), "values are kept: {html}");
    assert!(!html.contains("id=\"related[0].name-error\""), "blank rows have no problems: {html}");
    let (_, html) = get(&w.app, &w.owner, &w.page).await;
    assert!(!html.contains("id=\"sme-latest\""), "nothing was recorded");

    // In German.
    let _ = get(&w.app, &w.owner, "/locale/de?return_to=/").await;
    let (_, html) = get(&w.app, &w.owner, &w.page).await;
    assert!(
        html.contains("KMU-Status von Leipziger Robotik GmbH")
            && html.contains("Neue Erklärung")
            && html.contains("Partner- und verbundene Unternehmen"),
        "{html}"
    );
    let bad = declare(&w, &fields).await;
    let html = bad.text().await.expect("body");
    assert!(html.contains("Geben Sie die Mitarbeiterzahl in Jahresarbeitseinheiten an"), "{html}");
    let done = declare(&w, &declaration("2024-12-31", "30", PARTNER)).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.owner, &w.page).await;
    assert!(html.contains("Mittleres Unternehmen") && html.contains("ist ein Partnerunternehmen; 25 % seiner Daten"), "{html}");
    assert!(html.contains("55 JAE") && html.contains("Begründung"), "{html}");
}
