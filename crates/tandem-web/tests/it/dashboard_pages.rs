//! A project's dashboard, indicator pages and claim downloads (issue 6, item 6), over real HTTP
//! against the demo's Innovation Engine: achieved counts against targets with charts, an
//! indicator's counted enterprises with their qualifying records and its near misses in words,
//! the claim as CSV and XLSX, bad periods as form errors, outsiders refused, German pages.

use crate::support::*;
use chrono::NaiveDate;
use reqwest::{Client, StatusCode};
use tandem_app::evidence::dashboard::IndicatorCode;
use tandem_testkit::TestApp;

const MANAGER: &str = "jordan.manager@demo.tandem.example";
const YEAR: &str = "from=2018-01-01&to=2018-12-31";

struct Demo {
    app: TestApp,
    manager: Client,
    project: String,
}

async fn demo() -> Demo {
    let app = demo_app().await;
    let manager = app.client();
    app.login(&manager, MANAGER, tandem_app::demo::DEMO_PASSWORD).await;
    let actor = app.actor(MANAGER).await;
    let project = tandem_app::evidence::projects::list(&app.app, &actor)
        .await
        .expect("projects")
        .into_iter()
        .find(|p| p.input.name == "Innovation Engine")
        .expect("the demo project")
        .id
        .to_string();
    Demo { app, manager, project }
}

/// The table row of an indicator on the dashboard.
fn row<'a>(html: &'a str, code: &str) -> &'a str {
    let start = html.find(&format!("<tr id=\"indicator-{code}\">")).unwrap_or_else(|| panic!("no row for {code}:\n{html}"));
    let end = html[start..].find("</tr>").expect("row end") + start;
    &html[start..end]
}

#[tokio::test]
async fn the_dashboard_shows_achieved_counts_against_targets_with_charts_and_near_misses() {
    let d = demo().await;
    let (status, html) = get(&d.app, &d.manager, &format!("/projects/{}", d.project)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("href=\"/projects/{}/dashboard\"", d.project)), "the project links its dashboard: {html}");

    let from = NaiveDate::from_ymd_opt(2018, 1, 1).expect("date");
    let to = NaiveDate::from_ymd_opt(2018, 12, 31).expect("date");
    let actor = d.app.actor(MANAGER).await;
    let report =
        tandem_app::evidence::indicators::compute(&d.app.app, &actor, d.project.parse().expect("id"), from, to).await.expect("report");
    let c1 = report.results.iter().find(|r| r.code == IndicatorCode::C1).expect("C1");
    assert!(c1.total() >= 2 && !c1.near_misses.is_empty(), "the demo counts some and misses some: {c1:?}");

    let (status, html) = get(&d.app, &d.manager, &format!("/projects/{}/dashboard?{YEAR}", d.project)).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let c1_row = row(&html, "C1");
    assert!(c1_row.contains(&format!("<td class=\"num achieved\">{}</td>", c1.total())), "{c1_row}");
    assert!(c1_row.contains("<td class=\"num\">40</td>") && c1_row.contains('%'), "target and share: {c1_row}");
    assert!(c1_row.ends_with(&format!("<td class=\"num\">{}</td>", c1.near_misses.len())), "near misses: {c1_row}");
    assert!(c1_row.contains(&format!("href=\"/projects/{}/indicators/C1?{YEAR}\"", d.project)), "{c1_row}");
    assert!(row(&html, "C2").contains("Number of enterprises receiving grants"), "{html}");
    for chart in ["targets", "city", "sector", "support-org", "programme", "month"] {
        assert!(html.contains(&format!("id=\"chart-{chart}\"")), "chart {chart}: {html}");
    }
    assert!(html.contains("Birmingham") && html.contains("Innovation Birmingham"), "by city and organisation: {html}");
    assert!(html.contains("DMT Lab Industry Mentoring"), "by the programme support was delivered under: {html}");
    assert!(html.contains("<caption>C1 by month of qualification</caption>"), "a table behind each chart: {html}");
    assert!(html.contains(&format!("/projects/{}/claim?{YEAR}&amp;format=xlsx", d.project)), "{html}");

    // Without a period: the project's start to its end (the demo project ended in 2019).
    let (status, html) = get(&d.app, &d.manager, &format!("/projects/{}/dashboard", d.project)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("value=\"2017-02-01\"") && html.contains("value=\"2019-12-31\""), "{html}");

    // A bad date or a reversed period is a problem of its field, not a failure.
    let (status, html) = get(&d.app, &d.manager, &format!("/projects/{}/dashboard?from=2018-13-01&to=2018-12-31", d.project)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"from-error\"") && html.contains("YYYY-MM-DD") && html.contains("value=\"2018-13-01\""), "{html}");
    let (status, html) = get(&d.app, &d.manager, &format!("/projects/{}/dashboard?from=2018-12-31&to=2018-01-01", d.project)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"to-error\""), "{html}");
}

#[tokio::test]
async fn an_indicator_page_lists_qualifying_records_and_what_near_misses_lack() {
    let d = demo().await;
    let (status, html) = get(&d.app, &d.manager, &format!("/projects/{}/indicators/C1?{YEAR}", d.project)).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("C1 Number of enterprises receiving support"), "{html}");
    assert!(html.contains("/support#record-") && html.contains("href=\"/support-evidence/"), "records and evidence files: {html}");
    assert!(html.contains("Diagnostic report: digital product road map and funding options"), "written outputs: {html}");
    assert!(html.contains("Jordan Demo-Manager") && html.contains("One-to-one advice"), "{html}");
    assert!(html.contains("9.5 of 12 hours") && html.contains("no SME declaration"), "near misses in words: {html}");
    assert!(html.contains("without a written output specific to the business"), "{html}");
    // A grant counts under C2 with its record.
    let (_, html) = get(&d.app, &d.manager, &format!("/projects/{}/indicators/C2?{YEAR}", d.project)).await;
    assert!(html.contains("· Grant · £5,000.00 ·") && html.contains("/support#record-"), "{html}");
    // Outcomes qualify too (C26: research cooperation), linked to the enterprise's outcomes page
    // and their evidence files.
    let (_, html) = get(&d.app, &d.manager, &format!("/projects/{}/indicators/C26?{YEAR}", d.project)).await;
    assert!(html.contains("/outcomes#outcome-") && html.contains("· Research cooperation"), "{html}");
    assert!(html.contains("href=\"/outcome-evidence/"), "outcome evidence files: {html}");
    // Codes outside the project's rulebook, or none at all, have no page.
    for code in ["RCO01", "C99"] {
        let (status, _) = get(&d.app, &d.manager, &format!("/projects/{}/indicators/{code}?{YEAR}", d.project)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{code}");
    }

    let _ = get(&d.app, &d.manager, "/locale/de?return_to=/projects").await;
    let (_, html) = get(&d.app, &d.manager, &format!("/projects/{}/indicators/C1?{YEAR}", d.project)).await;
    assert!(html.contains("9,5 von 12 Stunden") && html.contains("keine KMU-Erklärung") && html.contains("Knapp verfehlt"), "{html}");
    let (_, html) = get(&d.app, &d.manager, &format!("/projects/{}/dashboard?{YEAR}", d.project)).await;
    assert!(html.contains("Berichtszeitraum") && html.contains("Anzahl der Unternehmen, die Unterstützung erhalten"), "{html}");
    assert!(html.contains("C1 nach Monat der Qualifizierung") && html.contains("Mittelabruf herunterladen"), "{html}");
}

#[tokio::test]
async fn the_interreg_project_counts_cross_border_agreements_in_words_and_a_pre_start_client_under_p11() {
    let d = demo().await;
    // P11 in the Innovation Engine: the pre-start client short of its hours is a near miss.
    let (status, html) = get(&d.app, &d.manager, &format!("/projects/{}/indicators/P11?{YEAR}", d.project)).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("7.5 of 12 hours") && html.contains("/support#record-"), "{html}");

    // RCO87 in the Interreg project, for its lead's programme manager.
    let anna = d.app.client();
    d.app.login(&anna, "anna.austausch@demo.tandem.example", tandem_app::demo::DEMO_PASSWORD).await;
    let _ = get(&d.app, &anna, "/locale/en?return_to=/projects").await;
    let actor = d.app.actor("anna.austausch@demo.tandem.example").await;
    let bridge = tandem_app::evidence::projects::list(&d.app.app, &actor)
        .await
        .expect("projects")
        .into_iter()
        .find(|p| p.input.name == "Twin-City Innovation Bridge")
        .expect("the Interreg project")
        .id;
    let year = "from=2026-01-01&to=2026-12-31";
    let (status, html) = get(&d.app, &anna, &format!("/projects/{bridge}/indicators/RCO87?{year}")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("12 October 2026 · Partnership agreement (Licence agreement) · Digbeth Air Sensing Ltd (GB) – Nordlicht Sensorik GmbH (DE)"),
        "the agreement in words, not an id: {html}"
    );
    assert!(!html.contains("<code>"), "no bare ids: {html}");
    assert!(html.contains("Acocks Green Cargo Cycles Ltd") && html.contains("one agreement awaiting the partner&#39;s confirmation"), "{html}");
    let (status, html) = get(&d.app, &anna, &format!("/projects/{bridge}/dashboard?{year}")).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains("id=\"indicator-RCO87\"") && html.contains("id=\"chart-city\""), "{html}");
    assert!(!html.contains("id=\"chart-programme\""), "organisations cooperating are not counted by programme: {html}");
}

#[tokio::test]
async fn the_claim_downloads_as_csv_and_xlsx_for_those_who_see_the_project() {
    let d = demo().await;
    let claim = |format: &str| format!("/projects/{}/claim?{YEAR}&format={format}", d.project);
    let csv = d.manager.get(d.app.url(&claim("csv"))).send().await.expect("GET");
    assert_eq!(csv.status(), StatusCode::OK);
    let header = |r: &reqwest::Response, name: &str| r.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(header(&csv, "content-type"), "text/csv; charset=utf-8");
    let disposition = header(&csv, "content-disposition");
    assert!(
        disposition.starts_with("attachment;") && disposition.contains("Innovation%20Engine%20claim%202018-01-01%20to%202018-12-31.csv"),
        "{disposition}"
    );
    let body = csv.text().await.expect("body");
    assert!(body.starts_with("indicator,indicator_name,unit,target,achieved,subject"), "{body}");
    assert!(body.contains("C1,Number of enterprises receiving support"), "{body}");

    let xlsx = d.manager.get(d.app.url(&claim("xlsx"))).send().await.expect("GET");
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert_eq!(header(&xlsx, "content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(header(&xlsx, "content-disposition").contains(".xlsx"));
    assert!(xlsx.bytes().await.expect("bytes").starts_with(b"PK"), "a zip container");

    let (status, _) = get(&d.app, &d.manager, &claim("pdf")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = get(&d.app, &d.manager, &format!("/projects/{}/claim?from=soon&format=csv", d.project)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Someone outside the project sees none of it; visitors are sent to log in.
    d.app.create_user("someone@elsewhere.example", PASSWORD, true, false).await;
    let stranger = logged_in(&d.app, "someone@elsewhere.example").await;
    for path in [claim("csv"), format!("/projects/{}/dashboard", d.project), format!("/projects/{}/indicators/C1", d.project)] {
        let (status, _) = get(&d.app, &stranger, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let anonymous = d.app.client().get(d.app.url(&claim("xlsx"))).send().await.expect("GET");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
}
