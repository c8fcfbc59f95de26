//! Funder evidence in the browser (issue 6, items 1 and 2), over real HTTP: the lead's staff set
//! up a project through its form, log support to an SME through the support form, see the
//! running total reach the threshold, withdraw a record, upload and download evidence; a
//! stranger is refused; the pages in German.

use crate::support::*;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::OrgId;
use tandem_testkit::TestApp;

const LEAD: &str = "manager@innovation-birmingham.example";
const OWNER: &str = "owner@daden.example";
const STRANGER: &str = "someone@elsewhere.example";
const PROJECT: &str = "Innovation Engine";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// An organisation of `kind` in Birmingham, created (and so administered) by `email`.
async fn org(app: &TestApp, email: &str, name: &str, kind: OrgKind) -> OrgId {
    app.create_user(email, PASSWORD, true, false).await;
    let city = tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == "Birmingham").expect("city").id;
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

/// The id of the record whose heading contains `heading`.
fn record_with(html: &str, heading: &str) -> String {
    let at = html.find(heading).unwrap_or_else(|| panic!("no {heading} in:\n{html}"));
    let start = html[..at].rfind("<section class=\"support-record").expect("a record section");
    id_after(&html[start..], "id=\"record-")
}

struct World {
    app: TestApp,
    lead: Client,
    lead_org: OrgId,
    sme: OrgId,
    project: String,
}

/// A support organisation whose admin sets up a project through the form, and an SME.
async fn world() -> World {
    let app = TestApp::spawn().await;
    let lead_org = org(&app, LEAD, "Innovation Birmingham", OrgKind::Incubator).await;
    let sme = org(&app, OWNER, "Daden Ltd", OrgKind::Sme).await;
    let lead = logged_in(&app, LEAD).await;
    let (status, html) = get(&app, &lead, "/projects").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("There are no projects yet.") && html.contains("href=\"/projects/new\""), "{html}");

    let birmingham = tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == "Birmingham").expect("city").id;
    let (lead_org_id, birmingham) = (lead_org.to_string(), birmingham.to_string());
    let mut fields = vec![
        ("name", PROJECT),
        ("lead_org_id", lead_org_id.as_str()),
        ("funder", "erdf_england_2014_20"),
        ("scheme", "ERDF Priority Axis 1"),
        ("rulebook_version", "esif_gn_1_002:v6"),
        ("agreement_signed_on", "2023-12-01"),
        ("starts_on", "2024-01-01"),
        ("ends_on", "2030-12-31"),
        ("currency", "GBP"),
        ("hours_threshold", "12"),
        ("day_rate", "650"),
        ("hours_per_day", "7.5"),
        ("excluded_nace", "01, 03"),
        ("target-C1", "150"),
        ("target-C4", ""),
    ];
    // Without an eligible city the form comes back with the problem by its field.
    let bad = post_form(&app, &lead, "/projects/new", "/projects/new", &fields).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("id=\"cities-error\"") && html.contains("error-summary") && html.contains("value=\"ERDF Priority Axis 1\""), "{html}");
    fields.push(("cities", birmingham.as_str()));
    let created = post_form(&app, &lead, "/projects/new", "/projects/new", &fields).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let project = location(&created).trim_start_matches("/projects/").to_owned();
    World { app, lead, lead_org, sme, project }
}

async fn log_support(w: &World, fields: &[(&str, &str)]) -> reqwest::Response {
    let form = format!("/projects/{}/support/new", w.project);
    post_form(&w.app, &w.lead, &form, &form, fields).await
}

#[tokio::test]
async fn a_project_is_set_up_and_support_is_logged_until_the_threshold() {
    let w = world().await;
    let (status, html) = get(&w.app, &w.lead, &format!("/projects/{}", w.project)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(PROJECT) && html.contains("ESIF-GN-1-002 (ERDF England 2014–20), v6") && html.contains("£650.00"), "{html}");
    assert!(html.contains("<td>C1</td><td class=\"num\">150</td>") && html.contains("Log support"), "{html}");
    // The edit form shows the settings and carries the version; a stale version is refused.
    let edit = format!("/projects/{}/edit", w.project);
    let (status, html) = get(&w.app, &w.lead, &edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("name=\"version\" value=\"1\"") && html.contains("value=\"esif_gn_1_002:v6\" selected"), "{html}");
    assert!(html.contains("id=\"target-C1\" name=\"target-C1\" type=\"text\" inputmode=\"numeric\" value=\"150\""), "{html}");
    let birmingham = id_after(&html, "id=\"city-");
    let lead_org = w.lead_org.to_string();
    let mut fields = vec![
        ("version", "1"), ("name", "Innovation Engine 2"), ("lead_org_id", lead_org.as_str()), ("funder", "erdf_england_2014_20"),
        ("rulebook_version", "esif_gn_1_002:v6"), ("agreement_signed_on", "2023-12-01"), ("starts_on", "2024-01-01"),
        ("ends_on", "2030-12-31"), ("currency", "GBP"), ("hours_threshold", "12"), ("day_rate", "650"), ("hours_per_day", "7.5"),
        ("cities", birmingham.as_str()), ("target-C1", "150"),
    ];
    let saved = post_form(&w.app, &w.lead, &edit, &edit, &fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let stale = post_form(&w.app, &w.lead, &edit, &edit, &fields).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(stale.text().await.expect("body").contains("Someone else changed this project"));
    fields[0] = ("version", "2");
    fields[1] = ("name", PROJECT);
    assert_eq!(post_form(&w.app, &w.lead, &edit, &edit, &fields).await.status(), StatusCode::SEE_OTHER);
    let (_, list) = get(&w.app, &w.lead, "/projects").await;
    assert!(list.contains(PROJECT) && list.contains("1 January 2024 – 31 December 2030") && list.contains("Innovation Birmingham"), "{list}");

    // The form offers the SME and prefills the adviser.
    let form = format!("/projects/{}/support/new", w.project);
    let (status, html) = get(&w.app, &w.lead, &form).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Daden Ltd") && html.contains("value=\"manager\"") && html.contains("specific to the business"), "{html}");

    let sme = w.sme.to_string();
    let lead_org = w.lead_org.to_string();
    let advice = |hours: &'static str, output: &'static str| {
        vec![
            ("enterprise_id", sme.clone()),
            ("support_org_id", lead_org.clone()),
            ("adviser_name", "Jordan Hayes".to_owned()),
            ("delivered_on", "2025-03-14".to_owned()),
            ("hours", hours.to_owned()),
            ("activity", "one_to_one_advice".to_owned()),
            ("written_output", output.to_owned()),
        ]
    };
    // Advice without its written output is refused next to the field.
    let bad = log_support(&w, &borrowed(&advice("9.5", ""))).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("id=\"written_output-error\"") && html.contains("advice counts only when it is specific to the business"), "{html}");
    assert!(html.contains("value=\"Jordan Hayes\""), "values are kept");

    let ok = log_support(&w, &borrowed(&advice("9.5", "Export action plan for the German market"))).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let page = location(&ok);
    assert_eq!(page, format!("/organisations/{sme}/support"));
    let (_, html) = get(&w.app, &w.lead, &page).await;
    assert!(html.contains("9.5 of 12 hours") && html.contains("Threshold not reached"), "{html}");
    assert!(html.contains("£823.33"), "9.5 h of a £650, 7.5-hour day: {html}");

    let ok = log_support(&w, &borrowed(&advice("2.5", "Follow-up: distributor shortlist"))).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.lead, &page).await;
    assert!(html.contains("12 of 12 hours") && html.contains("Threshold reached"), "{html}");
    assert!(html.contains("Jordan Hayes") && html.contains("Export action plan") && html.contains("Innovation Birmingham"), "{html}");

    // Correcting a record: the form carries its version; the history shows before → after.
    let record = record_with(&html, "· 2.5 h ·");
    let edit = format!("/support/{record}/edit?enterprise={sme}");
    let (status, form_html) = get(&w.app, &w.lead, &edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form_html.contains("name=\"version\" value=\"1\""), "{form_html}");
    let project_id = w.project.clone();
    let mut fields = advice("3", "Follow-up: distributor shortlist");
    fields.extend([("version", "1".to_owned()), ("project_id", project_id)]);
    let saved = post_form(&w.app, &w.lead, &edit, &format!("/support/{record}/edit"), &borrowed(&fields)).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let stale = post_form(&w.app, &w.lead, &edit, &format!("/support/{record}/edit"), &borrowed(&fields)).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT, "the old version is refused");
    assert!(stale.text().await.expect("body").contains("Someone else changed this record"));
    let (_, html) = get(&w.app, &w.lead, &page).await;
    assert!(html.contains("12.5 of 12 hours") && html.contains("Corrected") && html.contains("<td>Hours</td><td>2.5</td><td>3</td>"), "{html}");

    // Withdrawing needs a reason; the record stays, struck through, and counts nowhere.
    let withdraw = format!("/support/{record}/withdraw");
    let bad = post_form(&w.app, &w.lead, &page, &withdraw, &[("enterprise", &sme), ("version", "2"), ("reason", " ")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains(&format!("id=\"reason-{record}-error\"")));
    let done = post_form(&w.app, &w.lead, &page, &withdraw, &[("enterprise", &sme), ("version", "2"), ("reason", "Entered twice")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.lead, &page).await;
    assert!(html.contains("9.5 of 12 hours") && html.contains("<s>") && html.contains("Entered twice") && html.contains("Withdrawn"), "{html}");
    assert!(html.contains("<td>manager</td>"), "who changed it: {html}");

    // The organisation page links to it.
    let (_, org_page) = get(&w.app, &w.lead, &format!("/organisations/{sme}")).await;
    assert!(org_page.contains(&format!("href=\"/organisations/{sme}/support\"")), "{org_page}");
}

#[tokio::test]
async fn strangers_are_refused_and_evidence_goes_round_trip() {
    let w = world().await;
    let form = format!("/projects/{}/support/new", w.project);
    let lead_org = w.lead_org.to_string();
    let sme = w.sme.to_string();
    let ok = log_support(&w, &[
        ("enterprise_id", &sme),
        ("support_org_id", &lead_org),
        ("adviser_name", "Jordan Hayes"),
        ("delivered_on", "2025-03-14"),
        ("hours", "3"),
        ("activity", "workshop"),
    ])
    .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let page = location(&ok);
    let (_, html) = get(&w.app, &w.lead, &page).await;
    let record = id_after(&html, "id=\"record-");

    let upload = |name: &'static str, bytes: &'static [u8]| {
        let (app, lead, page, sme, record) = (&w.app, w.lead.clone(), page.clone(), sme.clone(), record.clone());
        async move {
            let token = app.csrf(&lead, &page).await;
            let form = Form::new().text("_csrf", token).text("enterprise", sme).part("evidence", Part::bytes(bytes).file_name(name));
            lead.post(app.url(&format!("/support/{record}/evidence")))
                .header(reqwest::header::ORIGIN, &app.base_url)
                .multipart(form)
                .send()
                .await
                .expect("upload")
        }
    };
    let bad = upload("plan.pdf", b"just some text").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains(&format!("id=\"evidence-{record}-error\"")));
    let good = upload("Aktionsplan Daden.pdf", PDF).await;
    assert_eq!(good.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.lead, &page).await;
    assert!(html.contains("Aktionsplan Daden.pdf") && html.contains("Evidence added"), "{html}");
    let evidence = format!("/support-evidence/{}", id_after(&html, "href=\"/support-evidence/"));
    let download = w.lead.get(w.app.url(&evidence)).send().await.expect("download");
    assert_eq!(download.status(), StatusCode::OK);
    let header = |name: &str| download.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(header("content-type"), "application/pdf");
    assert!(header("content-disposition").starts_with("attachment;") && header("content-disposition").contains("Aktionsplan%20Daden.pdf"));
    assert_eq!(download.bytes().await.expect("bytes").as_ref(), PDF);

    // The enterprise's own people see their support; a stranger sees none of it.
    let owner = logged_in(&w.app, OWNER).await;
    assert_eq!(get(&w.app, &owner, &page).await.0, StatusCode::OK);
    w.app.create_user(STRANGER, PASSWORD, true, false).await;
    let stranger = logged_in(&w.app, STRANGER).await;
    assert_eq!(get(&w.app, &stranger, &page).await.0, StatusCode::FORBIDDEN);
    assert_eq!(get(&w.app, &stranger, "/projects/new").await.0, StatusCode::FORBIDDEN);
    assert_eq!(get(&w.app, &stranger, &format!("/projects/{}", w.project)).await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&w.app, &stranger, &form).await.0, StatusCode::NOT_FOUND);
    let refused = stranger.get(w.app.url(&evidence)).send().await.expect("GET");
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    let (_, projects) = get(&w.app, &stranger, "/projects").await;
    assert!(!projects.contains(PROJECT) && !projects.contains("href=\"/projects/new\""), "{projects}");
    let anonymous = w.app.client().get(w.app.url(&page)).send().await.expect("GET");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "visitors are sent to log in");
}

#[tokio::test]
async fn the_pages_speak_german() {
    let w = world().await;
    let _ = get(&w.app, &w.lead, "/locale/de?return_to=/projects").await;
    let (status, html) = get(&w.app, &w.lead, "/projects/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Neues Projekt") && html.contains("Fördergeber") && html.contains("Förderfähige Städte"), "{html}");
    assert!(html.contains("Zielwert für C1") && html.contains("Zielwert für RCO87"), "{html}");
    let (_, html) = get(&w.app, &w.lead, &format!("/projects/{}", w.project)).await;
    assert!(html.contains("Unterstützung erfassen") && html.contains("650,00 £"), "{html}");
    let form = format!("/projects/{}/support/new", w.project);
    let (_, html) = get(&w.app, &w.lead, &form).await;
    assert!(html.contains("Schriftliches Ergebnis") && html.contains("Einzelberatung"), "{html}");
    let bad = log_support(&w, &[("hours", "x"), ("activity", "one_to_one_advice")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("Geben Sie Stunden wie 2 oder 1,5 ein."), "{html}");
    let (_, html) = get(&w.app, &w.lead, &format!("/organisations/{}/support", w.sme)).await;
    assert!(html.contains("Unterstützung für Daden Ltd") && html.contains("noch keine Unterstützung"), "{html}");
}

#[tokio::test]
async fn the_lead_marks_a_pre_start_client_from_its_page_and_logs_support_under_a_programme() {
    let w = world().await;
    // A programme of the lead's, offered on the support form.
    let draft = tandem_core::directory::ProgrammeDraft {
        name: "Engine Accelerator".into(),
        kind: "acceleration".into(),
        status: "open".into(),
        description_en: Some("Six months of coaching".into()),
        sectors: vec!["62".into()],
        ..Default::default()
    };
    let programme = tandem_app::directory::programmes::create(&w.app.app, &w.app.actor(LEAD).await, w.lead_org, &draft).await.expect("programme");
    let form = format!("/projects/{}/support/new", w.project);
    let (_, html) = get(&w.app, &w.lead, &form).await;
    assert!(html.contains(&format!("value=\"{}\"", programme.id)) && html.contains("Innovation Birmingham – Engine Accelerator"), "{html}");
    let (sme, lead_org, programme_id) = (w.sme.to_string(), w.lead_org.to_string(), programme.id.to_string());
    let logged = log_support(
        &w,
        &[
            ("enterprise_id", sme.as_str()),
            ("support_org_id", lead_org.as_str()),
            ("adviser_name", "Jordan Hayes"),
            ("delivered_on", "2024-05-14"),
            ("hours", "4"),
            ("activity", "one_to_one_advice"),
            ("written_output", "Start-up plan"),
            ("programme_id", programme_id.as_str()),
        ],
    )
    .await;
    assert_eq!(logged.status(), StatusCode::SEE_OTHER);
    let page = format!("/organisations/{sme}/support");
    let (_, html) = get(&w.app, &w.lead, &page).await;
    assert!(html.contains("<dt>Programme</dt><dd>Engine Accelerator</dd>"), "{html}");
    assert!(html.contains("Mark as a pre-start client"), "{html}");

    // Marked from the page: the badge, the note, the history.
    let action = format!("/projects/{}/pre-starts", w.project);
    let marked = post_form(&w.app, &w.lead, &page, &action, &[("enterprise", sme.as_str()), ("pre_start", "true")]).await;
    assert_eq!((marked.status(), location(&marked)), (StatusCode::SEE_OTHER, page.clone()));
    let (_, html) = get(&w.app, &w.lead, &page).await;
    assert!(html.contains(&format!("id=\"pre-start-{}\"", w.project)) && html.contains("counts its support under P11"), "{html}");
    assert!(html.contains("Marked as a pre-start client") && html.contains("No longer a pre-start client"), "{html}");

    // The enterprise sees the mark but may not change it.
    let owner = logged_in(&w.app, OWNER).await;
    let (_, html) = get(&w.app, &owner, &page).await;
    assert!(html.contains("Pre-start client") && !html.contains(&format!("action=\"{action}\"")), "{html}");
    let refused = post_form(&w.app, &owner, &page, &action, &[("enterprise", sme.as_str()), ("pre_start", "false")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let unmarked = post_form(&w.app, &w.lead, &page, &action, &[("enterprise", sme.as_str()), ("pre_start", "false")]).await;
    assert_eq!(unmarked.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.lead, &page).await;
    assert!(!html.contains(&format!("id=\"pre-start-{}\"", w.project)), "{html}");
}
