//! An enterprise's outcomes in the browser (issue 6, item 5), over real HTTP: the project's lead
//! records an employment figure through the form (a bad value comes back next to its field),
//! uploads and downloads its evidence and withdraws it; the support page links to the outcomes;
//! the enterprise's own people see them but record none; strangers are refused; the page in
//! German. Correcting an outcome through its form: problems by their fields, a stale version
//! refused, the history with before and after, others refused, in German.

use crate::support::*;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use tandem_core::OrgId;
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_testkit::TestApp;

const LEAD: &str = "manager@innovation-birmingham.example";
const OWNER: &str = "owner@daden.example";
const STRANGER: &str = "someone@elsewhere.example";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// An organisation of `kind` in Birmingham, created (and so administered) by `email`.
async fn org(app: &TestApp, email: &str, name: &str, kind: OrgKind) -> OrgId {
    app.create_user(email, PASSWORD, true, false).await;
    let city =
        tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == "Birmingham").expect("city").id;
    let draft = OrganisationDraft {
        name: name.into(),
        kind: kind.key().into(),
        city_id: city.to_string(),
        nace_codes: vec!["62.01".into()],
        description_en: Some("An organisation in Birmingham.".into()),
        ..Default::default()
    };
    tandem_app::directory::organisations::create(&app.app, &app.actor(email).await, &draft).await.expect("organisation").id
}

fn id_after(html: &str, prefix: &str) -> String {
    let start = html.find(prefix).unwrap_or_else(|| panic!("no {prefix} in:\n{html}")) + prefix.len();
    html[start..].chars().take_while(|c| c.is_ascii_hexdigit() || *c == '-').collect()
}

struct World {
    app: TestApp,
    lead: Client,
    sme: OrgId,
    project: String,
    page: String,
}

/// Innovation Birmingham's project (ERDF England, from 2024), an SME and a research institute.
async fn world() -> World {
    let app = TestApp::spawn().await;
    let lead_org = org(&app, LEAD, "Innovation Birmingham", OrgKind::Incubator).await;
    let sme = org(&app, OWNER, "Daden Ltd", OrgKind::Sme).await;
    org(&app, "info@mias.example", "Midlands Institute for Applied Sensing", OrgKind::ResearchOrganisation).await;
    let birmingham =
        tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == "Birmingham").expect("city");
    let draft = tandem_core::evidence::project::ProjectDraft {
        name: "Innovation Engine".into(),
        lead_org_id: lead_org.to_string(),
        funder: "erdf_england_2014_20".into(),
        rulebook: "esif_gn_1_002".into(),
        rulebook_version: "v6".into(),
        agreement_signed_on: "2023-12-01".into(),
        starts_on: "2024-01-01".into(),
        ends_on: "2030-12-31".into(),
        currency: "GBP".into(),
        hours_threshold: "12".into(),
        hours_per_day: "7.5".into(),
        ..Default::default()
    };
    let lists = tandem_app::evidence::projects::ListsDraft { cities: vec![birmingham.id.to_string()], ..Default::default() };
    let project = tandem_app::evidence::projects::create(&app.app, &app.actor(LEAD).await, &draft, &lists).await.expect("project");
    let lead = logged_in(&app, LEAD).await;
    World { page: format!("/organisations/{sme}/outcomes"), app, lead, sme, project: project.id.to_string() }
}

/// The record form's fields for an employment figure of `fte`.
fn figure<'a>(project: &'a str, fte: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("project_id", project),
        ("kind", "employment_figure"),
        ("date", "2025-03-31"),
        ("fte", fte),
        ("confirmed_in_writing", "true"),
        ("novelty", "new_to_market"),
        ("note", "Letter from the managing director"),
    ]
}

#[tokio::test]
async fn an_outcome_is_recorded_evidenced_and_withdrawn_through_its_page() {
    let w = world().await;
    let (status, html) = get(&w.app, &w.lead, &w.page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Outcomes of Daden Ltd") && html.contains("No outcomes have been recorded"), "{html}");
    assert!(
        html.contains("Record an outcome") && html.contains(&format!("value=\"{}\" selected", w.project)),
        "the only project is chosen: {html}"
    );
    assert!(html.contains("Midlands Institute for Applied Sensing") && html.contains("Research cooperation (C26)"), "{html}");

    // A bad figure comes back next to its field, with what was typed.
    let bad = post_form(&w.app, &w.lead, &w.page, &w.page, &figure(&w.project, "six")).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("id=\"fte-error\"") && html.contains("full-time equivalents") && html.contains("value=\"six\""), "{html}");
    assert!(html.contains("id=\"confirmed_in_writing\" name=\"confirmed_in_writing\" value=\"true\" checked"), "{html}");

    let ok = post_form(&w.app, &w.lead, &w.page, &w.page, &figure(&w.project, "6.5")).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&ok), w.page);
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    assert!(html.contains("The outcome has been recorded.") && html.contains("Employment figure"), "{html}");
    assert!(html.contains("6.5 FTE (confirmed in writing)") && html.contains("Letter from the managing director"), "{html}");
    let outcome = id_after(&html, "id=\"outcome-");

    // Evidence: the content is checked; the file goes round trip.
    let upload = |name: &'static str, bytes: &'static [u8]| {
        let (app, lead, page, sme, outcome) = (&w.app, w.lead.clone(), w.page.clone(), w.sme.to_string(), outcome.clone());
        async move {
            let token = app.csrf(&lead, &page).await;
            let form = Form::new().text("_csrf", token).text("enterprise", sme).part("evidence", Part::bytes(bytes).file_name(name));
            lead.post(app.url(&format!("/outcomes/{outcome}/evidence")))
                .header(reqwest::header::ORIGIN, &app.base_url)
                .multipart(form)
                .send()
                .await
                .expect("upload")
        }
    };
    let bad = upload("letter.pdf", b"just some text").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains(&format!("id=\"evidence-{outcome}-error\"")));
    assert_eq!(upload("Bestätigung Daden.pdf", PDF).await.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    assert!(html.contains("Bestätigung Daden.pdf"), "{html}");
    let evidence = format!("/outcome-evidence/{}", id_after(&html, "href=\"/outcome-evidence/"));
    let download = w.lead.get(w.app.url(&evidence)).send().await.expect("download");
    assert_eq!(download.status(), StatusCode::OK);
    let header = |name: &str| download.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(header("content-type"), "application/pdf");
    assert!(header("content-disposition").starts_with("attachment;"));
    assert_eq!(download.bytes().await.expect("bytes").as_ref(), PDF);

    // Withdrawing needs a reason; the outcome stays, struck through.
    let withdraw = format!("/outcomes/{outcome}/withdraw");
    let sme = w.sme.to_string();
    let bad = post_form(&w.app, &w.lead, &w.page, &withdraw, &[("enterprise", &sme), ("version", "1"), ("reason", " ")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains(&format!("id=\"reason-{outcome}-error\"")));
    let done = post_form(&w.app, &w.lead, &w.page, &withdraw, &[("enterprise", &sme), ("version", "1"), ("reason", "Entered twice")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let stale = post_form(&w.app, &w.lead, &w.page, &withdraw, &[("enterprise", &sme), ("version", "1"), ("reason", "Again")]).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    assert!(html.contains("<s>") && html.contains("Entered twice") && html.contains("Withdrawn on"), "{html}");
    assert!(!html.contains(&format!("action=\"{withdraw}\"")), "a withdrawn outcome offers no more forms: {html}");

    // The support page links here.
    let (_, support) = get(&w.app, &w.lead, &format!("/organisations/{sme}/support")).await;
    assert!(support.contains(&format!("href=\"{}\"", w.page)), "{support}");
}

#[tokio::test]
async fn the_enterprise_sees_its_outcomes_strangers_are_refused_and_the_page_speaks_german() {
    let w = world().await;
    let start =
        [("project_id", w.project.as_str()), ("kind", "business_start"), ("date", "2023-09-01"), ("start_evidence", "registration")];
    assert_eq!(post_form(&w.app, &w.lead, &w.page, &w.page, &start).await.status(), StatusCode::SEE_OTHER);

    let owner = logged_in(&w.app, OWNER).await;
    let (status, html) = get(&w.app, &owner, &w.page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Registration (Companies House, HMRC or the national register)") && !html.contains("Record an outcome"),
        "{html}"
    );
    let refused = post_form(&w.app, &owner, &w.page, &w.page, &start).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "the enterprise records none itself");

    w.app.create_user(STRANGER, PASSWORD, true, false).await;
    let stranger = logged_in(&w.app, STRANGER).await;
    assert_eq!(get(&w.app, &stranger, &w.page).await.0, StatusCode::FORBIDDEN);
    let anonymous = w.app.client().get(w.app.url(&w.page)).send().await.expect("GET");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "visitors are sent to log in");

    let _ = get(&w.app, &w.lead, &format!("/locale/de?return_to={}", w.page)).await;
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    assert!(
        html.contains("Ergebnisse von Daden Ltd") && html.contains("Ergebnis erfassen") && html.contains("Forschungskooperation (C26)"),
        "{html}"
    );
    assert!(html.contains("Registereintrag") && html.contains("Gründung"), "{html}");
    let bad = post_form(&w.app, &w.lead, &w.page, &w.page, &figure(&w.project, "sechs")).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains("Geben Sie Vollzeitäquivalente wie 4 oder 12,5 ein."));
    let second = post_form(&w.app, &w.lead, &w.page, &w.page, &start).await;
    assert_eq!(second.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(second.text().await.expect("body").contains("Das Unternehmen hat in diesem Projekt bereits einen solchen Eintrag"));
}

/// The outcome's id on the outcomes page (the first outcome listed).
async fn first_outcome(w: &World) -> String {
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    id_after(&html, "id=\"outcome-")
}

/// The correction form's fields: an employment figure of `fte`, read at `version`.
fn correction<'a>(sme: &'a str, version: &'a str, fte: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("version", version),
        ("enterprise", sme),
        ("kind", "employment_figure"),
        ("date", "2025-03-31"),
        ("fte", fte),
        ("confirmed_in_writing", "true"),
        ("note", "Letter from the managing director"),
    ]
}

#[tokio::test]
async fn correcting_an_outcome_changes_the_page_and_its_history_shows_before_and_after() {
    let w = world().await;
    assert_eq!(post_form(&w.app, &w.lead, &w.page, &w.page, &figure(&w.project, "6.5")).await.status(), StatusCode::SEE_OTHER);
    let outcome = first_outcome(&w).await;
    let sme = w.sme.to_string();
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    let edit = format!("/outcomes/{outcome}/edit?enterprise={sme}");
    assert!(html.contains(&format!("href=\"{edit}\"")), "each active outcome has a correct link: {html}");
    assert!(html.contains("id=\"history-heading\"") && html.contains("Recorded"), "the recording is in the history: {html}");

    // The form shows the outcome as recorded, at its version; the project is not offered.
    let (status, form) = get(&w.app, &w.lead, &edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Correct an outcome") && form.contains("Daden Ltd · Innovation Engine"), "{form}");
    assert!(
        form.contains("name=\"version\" value=\"1\"") && form.contains("id=\"fte\" name=\"fte\" type=\"text\" value=\"6.5\""),
        "{form}"
    );
    assert!(form.contains("value=\"employment_figure\" selected") && !form.contains("name=\"project_id\""), "{form}");

    // A bad value comes back next to its field with what was typed, and 422.
    let action = format!("/outcomes/{outcome}/edit");
    let bad = post_form(&w.app, &w.lead, &edit, &action, &correction(&sme, "1", "six")).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("id=\"fte-error\"") && html.contains("full-time equivalents") && html.contains("value=\"six\""), "{html}");
    assert!(html.contains("name=\"version\" value=\"1\""), "the version read is kept: {html}");

    let ok = post_form(&w.app, &w.lead, &edit, &action, &correction(&sme, "1", "8")).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&ok), w.page);
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    assert!(html.contains("The outcome has been corrected.") && html.contains("8 FTE (confirmed in writing)"), "{html}");
    let history = &html[html.find("id=\"history-heading\"").expect("the history")..];
    assert!(history.contains("<td>manager</td><td>Corrected</td><td>31 March 2025 · Employment figure</td>"), "{history}");
    assert!(history.contains("<td>Employment</td><td>6.5 FTE</td><td>8 FTE</td>"), "before and after: {history}");

    // A second correction from the stale form is refused with the conflict message.
    let stale = post_form(&w.app, &w.lead, &edit, &action, &correction(&sme, "1", "9")).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let html = stale.text().await.expect("body");
    assert!(html.contains("Someone else changed this outcome since you opened it") && html.contains("value=\"9\""), "{html}");
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    assert!(html.contains("8 FTE (confirmed in writing)") && !html.contains("9 FTE"), "{html}");

    // Changing the kind lists the fields that went and came.
    let innovation = [
        ("version", "2"),
        ("enterprise", sme.as_str()),
        ("kind", "innovation"),
        ("date", "2025-03-31"),
        ("novelty", "new_to_firm"),
        ("innovation_kind", "process"),
    ];
    assert_eq!(post_form(&w.app, &w.lead, &edit, &action, &innovation).await.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    let history = &html[html.find("id=\"history-heading\"").expect("the history")..];
    assert!(history.contains("<td>What the outcome records</td><td>Employment figure</td><td>Innovation</td>"), "{history}");
    assert!(history.contains("<td>New to</td><td>—</td><td>New to the firm</td>"), "{history}");
    assert!(history.contains("<td>Employment</td><td>8 FTE</td><td>—</td>"), "{history}");

    // A withdrawn outcome is not corrected any more.
    let withdraw = format!("/outcomes/{outcome}/withdraw");
    let done = post_form(&w.app, &w.lead, &w.page, &withdraw, &[("enterprise", &sme), ("version", "3"), ("reason", "Entered twice")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    assert!(!html.contains(&format!("/outcomes/{outcome}/edit")), "{html}");
    assert_eq!(get(&w.app, &w.lead, &edit).await.0, StatusCode::CONFLICT);
}

#[tokio::test]
async fn others_cannot_correct_an_outcome_and_the_correction_speaks_german() {
    let w = world().await;
    assert_eq!(post_form(&w.app, &w.lead, &w.page, &w.page, &figure(&w.project, "6.5")).await.status(), StatusCode::SEE_OTHER);
    let outcome = first_outcome(&w).await;
    let sme = w.sme.to_string();
    let edit = format!("/outcomes/{outcome}/edit?enterprise={sme}");
    let action = format!("/outcomes/{outcome}/edit");

    // The enterprise's own admin sees its outcomes but corrects none; another organisation's
    // admin sees nothing of them.
    let owner = logged_in(&w.app, OWNER).await;
    let (_, html) = get(&w.app, &owner, &w.page).await;
    assert!(html.contains("6.5 FTE") && !html.contains(&action), "{html}");
    assert_eq!(get(&w.app, &owner, &edit).await.0, StatusCode::FORBIDDEN);
    assert_eq!(post_form(&w.app, &owner, &w.page, &action, &correction(&sme, "1", "8")).await.status(), StatusCode::FORBIDDEN);
    let other = org(&w.app, STRANGER, "Elsewhere Ltd", OrgKind::Sme).await;
    let stranger = logged_in(&w.app, STRANGER).await;
    assert_eq!(get(&w.app, &stranger, &edit).await.0, StatusCode::FORBIDDEN);
    let theirs = format!("/outcomes/{outcome}/edit?enterprise={other}");
    assert_eq!(get(&w.app, &stranger, &theirs).await.0, StatusCode::NOT_FOUND, "not among their own enterprise's outcomes");
    let refused = post_form(&w.app, &stranger, "/", &action, &correction(&sme, "1", "8")).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    assert!(html.contains("6.5 FTE (confirmed in writing)") && !html.contains("Corrected"), "nothing changed: {html}");

    // In German: the form, its problems and the history.
    let _ = get(&w.app, &w.lead, &format!("/locale/de?return_to={}", w.page)).await;
    let (_, form) = get(&w.app, &w.lead, &edit).await;
    assert!(form.contains("Ergebnis berichtigen") && form.contains("Beschäftigung") && form.contains("Speichern"), "{form}");
    let bad = post_form(&w.app, &w.lead, &edit, &action, &correction(&sme, "1", "sechs")).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains("Geben Sie Vollzeitäquivalente wie 4 oder 12,5 ein."));
    assert_eq!(post_form(&w.app, &w.lead, &edit, &action, &correction(&sme, "1", "8")).await.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.lead, &w.page).await;
    assert!(html.contains("Das Ergebnis wurde berichtigt.") && html.contains("Berichtigen"), "{html}");
    assert!(html.contains("Verlauf") && html.contains("<td>Berichtigt</td>") && html.contains("<th scope=\"col\">Vorher</th>"), "{html}");
    assert!(html.contains("<td>Beschäftigung</td><td>6,5 VZÄ</td><td>8 VZÄ</td>"), "{html}");
}
