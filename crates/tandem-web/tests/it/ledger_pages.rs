//! Subsidy ledgers in the browser (issue 6, item 4), over real HTTP: an enterprise's ledger page
//! (regime, window, used, ceiling, headroom, the aid counted with where it comes from), declaring
//! and withdrawing aid and linking enterprises through the forms, problems shown by their fields,
//! the support form's near-ceiling warning with "record anyway", the MFA notification letter as a
//! PDF, outsiders refused, and the page in German. Correcting a declaration through its form
//! (problems by their fields, a stale version refused, others refused) and the history of
//! declarations and control links with before and after, in English and German.

use crate::support::*;
use reqwest::{Client, StatusCode};
use tandem_app::evidence::{ledger, projects, support as support_records};
use tandem_core::OrgId;
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::evidence::aid::AidDeclarationDraft;
use tandem_core::evidence::project::{Project, ProjectDraft};
use tandem_core::evidence::support::SupportDraft;
use tandem_testkit::TestApp;

const LEAD: &str = "team@spinlab.example";
const OWNER: &str = "ceo@pleisse.example";
const UK_LEAD: &str = "team@ib.example";
const UK_OWNER: &str = "ceo@kingfisher.example";
const STRANGER: &str = "someone@elsewhere.example";

/// An organisation of `kind` in `city`, created (and so administered) by `email`.
async fn org(app: &TestApp, email: &str, name: &str, kind: OrgKind, city: &str) -> OrgId {
    app.create_user(email, PASSWORD, true, false).await;
    let city = tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == city).expect("city").id;
    let draft = OrganisationDraft {
        name: name.into(),
        kind: kind.key().into(),
        city_id: city.to_string(),
        nace_codes: vec!["62.01".into()],
        description_en: Some(format!("{name} makes things.")),
        ..Default::default()
    };
    tandem_app::directory::organisations::create(&app.app, &app.actor(email).await, &draft).await.expect("organisation").id
}

async fn project(app: &TestApp, email: &str, lead: OrgId, name: &str, currency: &str, city: &str) -> Project {
    let city = tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == city).expect("city").id;
    let (funder, rulebook, version) =
        if currency == "EUR" { ("erdf_2021_27", "eu_2021_1058", "2021") } else { ("uk_spf", "esif_gn_1_002", "v6") };
    let draft = ProjectDraft {
        name: name.into(),
        lead_org_id: lead.to_string(),
        funder: funder.into(),
        scheme: None,
        rulebook: rulebook.into(),
        rulebook_version: version.into(),
        agreement_signed_on: "2023-11-20".into(),
        starts_on: "2024-01-01".into(),
        ends_on: "2030-12-31".into(),
        currency: currency.into(),
        hours_threshold: "12".into(),
        day_rate: "800".into(),
        hours_per_day: "8".into(),
    };
    let lists = projects::ListsDraft { cities: vec![city.to_string()], ..Default::default() };
    projects::create(&app.app, &app.actor(email).await, &draft, &lists).await.expect("project")
}

fn grant(enterprise: OrgId, by: OrgId, on: &str, amount: &str) -> SupportDraft {
    SupportDraft {
        enterprise_id: enterprise.to_string(),
        support_org_id: by.to_string(),
        adviser_name: "Lena Berger".into(),
        delivered_on: on.into(),
        hours: "0".into(),
        activity: "grant".into(),
        amount: amount.into(),
        ..SupportDraft::default()
    }
}

struct World {
    app: TestApp,
    lead_org: OrgId,
    sme: OrgId,
    euro: Project,
    owner: Client,
}

/// SpinLab with a euro project, and a Leipzig SME that declared €150,000 of de minimis aid.
async fn world() -> World {
    let app = TestApp::spawn().await;
    let lead_org = org(&app, LEAD, "SpinLab", OrgKind::Accelerator, "Leipzig").await;
    let sme = org(&app, OWNER, "Pleiße Wasserstoff GmbH", OrgKind::Sme, "Leipzig").await;
    let euro = project(&app, LEAD, lead_org, "SpinLab Scale-up", "EUR", "Leipzig").await;
    let declaration = AidDeclarationDraft {
        grantor: "Sächsische Aufbaubank".into(),
        description: Some("De minimis grant for the electrolyser test bench".into()),
        granted_on: "2024-03-15".into(),
        amount: "150000".into(),
        currency: "EUR".into(),
        declared_on: "2025-01-10".into(),
        ..AidDeclarationDraft::default()
    };
    ledger::declare(&app.app, &app.actor(OWNER).await, sme, &declaration).await.expect("declare");
    let owner = logged_in(&app, OWNER).await;
    World { app, lead_org, sme, euro, owner }
}

#[tokio::test]
async fn the_ledger_page_shows_regime_window_used_ceiling_and_headroom() {
    let w = world().await;
    support_records::record(&w.app.app, &w.app.actor(LEAD).await, w.euro.id, &grant(w.sme, w.lead_org, "2025-03-01", "50000"))
        .await
        .expect("grant");
    let page = format!("/organisations/{}/ledger?on=2025-03-01", w.sme);
    let (status, html) = get(&w.app, &w.owner, &page).await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "Subsidy ledger of Pleiße Wasserstoff GmbH",
        "EU de minimis, Regulation (EU) 2023/2831",
        "2 March 2022 – 1 March 2025",
        "<dd id=\"ledger-used\">€200,000.00</dd>",
        "<dd id=\"ledger-ceiling\">€300,000.00</dd>",
        "€100,000.00",
        "Declared: Sächsische Aufbaubank",
        "Support record, SpinLab Scale-up",
        "Declare aid",
        "Link an enterprise",
    ] {
        assert!(html.contains(expected), "{expected}: {html}");
    }
    assert!(html.contains(&format!("href=\"/organisations/{}/support#record-", w.sme)), "each record links to its evidence: {html}");
    // The support page links to the ledger.
    let (_, support) = get(&w.app, &w.owner, &format!("/organisations/{}/support", w.sme)).await;
    assert!(support.contains(&format!("href=\"/organisations/{}/ledger\"", w.sme)), "{support}");
    // In German.
    let _ = get(&w.app, &w.owner, "/locale/de?return_to=/").await;
    let (_, html) = get(&w.app, &w.owner, &page).await;
    assert!(
        html.contains("Beihilfekonto von Pleiße Wasserstoff GmbH") && html.contains("300.000,00 €") && html.contains("Höchstbetrag"),
        "{html}"
    );
}

#[tokio::test]
async fn declaring_aid_through_the_form_names_each_problem_and_a_declaration_can_be_withdrawn() {
    let w = world().await;
    let form = format!("/organisations/{}/ledger/declare", w.sme);
    let (status, html) = get(&w.app, &w.owner, &form).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("name=\"grantor\"") && html.contains("value=\"EUR\""), "{html}");
    let bad = post_form(
        &w.app,
        &w.owner,
        &form,
        &form,
        &[
            ("grantor", " "),
            ("granted_on", "15.03.2024"),
            ("amount", "0"),
            ("currency", "EUR"),
            ("rate", "0.9"),
            ("declared_on", "2025-01-10"),
        ],
    )
    .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    for field in ["grantor", "granted_on", "amount", "rate_source"] {
        assert!(html.contains(&format!("id=\"{field}-error\"")), "{field}: {html}");
    }
    assert!(html.contains("error-summary") && html.contains("value=\"0.9\""), "values are kept: {html}");
    let good = post_form(
        &w.app,
        &w.owner,
        &form,
        &form,
        &[
            ("grantor", "Stadt Leipzig"),
            ("granted_on", "2023-11-30"),
            ("amount", "7.500,00"),
            ("currency", "EUR"),
            ("declared_on", "2025-01-20"),
        ],
    )
    .await;
    assert_eq!(good.status(), StatusCode::SEE_OTHER);
    let page = location(&good);
    assert_eq!(page, format!("/organisations/{}/ledger", w.sme));
    let (_, html) = get(&w.app, &w.owner, &page).await;
    assert!(html.contains("Stadt Leipzig") && html.contains("€7,500.00"), "{html}");

    // Withdrawing needs a reason; the declaration then stays, struck through.
    let declarations = html.find("id=\"declarations-heading\"").expect("the declarations");
    let at = declarations + html[declarations..].find("Stadt Leipzig").expect("the declaration");
    let start = html[..at].rfind("id=\"declaration-").expect("its section") + "id=\"declaration-".len();
    let id: String = html[start..].chars().take(36).collect();
    let withdraw = format!("/aid-declarations/{id}/withdraw");
    let sme = w.sme.to_string();
    let refused = post_form(&w.app, &w.owner, &page, &withdraw, &[("enterprise", &sme), ("version", "1"), ("reason", "")]).await;
    assert_eq!(refused.status(), StatusCode::SEE_OTHER, "the reason is asked for on the page");
    let (_, html) = get(&w.app, &w.owner, &page).await;
    assert!(html.contains("reason is required") && !html.contains("<s>"), "{html}");
    let done = post_form(&w.app, &w.owner, &page, &withdraw, &[("enterprise", &sme), ("version", "1"), ("reason", "Entered twice")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.owner, &page).await;
    assert!(html.contains("<s>") && html.contains("Entered twice") && html.contains("has been withdrawn"), "{html}");

    // Linking an enterprise: the other one is chosen from the directory.
    let other = org(&w.app, "ceo@netz.example", "Pleiße Netz GmbH", OrgKind::Sme, "Leipzig").await.to_string();
    let link = format!("/organisations/{}/ledger/link", w.sme);
    let (_, html) = get(&w.app, &w.owner, &link).await;
    assert!(html.contains("Pleiße Netz GmbH") && html.contains("majority of the voting rights (Art. 2(2)(a))"), "{html}");
    let bad = post_form(&w.app, &w.owner, &link, &link, &[("other_id", ""), ("direction", "controls"), ("relation", "friendship")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("id=\"other_id-error\"") && html.contains("id=\"relation-error\""), "{html}");
    let linked = post_form(
        &w.app,
        &w.owner,
        &link,
        &link,
        &[("other_id", &other), ("direction", "controls"), ("relation", "majority_of_voting_rights")],
    )
    .await;
    assert_eq!(linked.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.owner, &page).await;
    assert!(html.contains("Pleiße Wasserstoff GmbH controls Pleiße Netz GmbH: majority of the voting rights"), "{html}");
    assert!(html.contains(&format!("href=\"/organisations/{other}/ledger\"")), "the group links to the other's ledger: {html}");
}

#[tokio::test]
async fn the_support_form_warns_near_the_ceiling_and_records_anyway_once_confirmed() {
    let w = world().await;
    let lead = logged_in(&w.app, LEAD).await;
    let form = format!("/projects/{}/support/new", w.euro.id);
    let (_, html) = get(&w.app, &lead, &form).await;
    assert!(html.contains("name=\"aid_rate\"") && !html.contains("name=\"confirm_ceiling\""), "{html}");
    let (sme, lead_org) = (w.sme.to_string(), w.lead_org.to_string());
    let mut fields = vec![
        ("enterprise_id", sme.as_str()),
        ("support_org_id", lead_org.as_str()),
        ("adviser_name", "Lena Berger"),
        ("delivered_on", "2025-04-10"),
        ("hours", "0"),
        ("activity", "grant"),
        ("amount", "120000"),
    ];
    // €150,000 + €120,000 = 90 % of €300,000.
    let warned = post_form(&w.app, &lead, &form, &form, &fields).await;
    assert_eq!(warned.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = warned.text().await.expect("body");
    assert!(
        html.contains("name=\"confirm_ceiling\"") && html.contains("Record it anyway") && html.contains("id=\"confirm_ceiling-error\""),
        "{html}"
    );
    assert!(html.contains("€150,000.00 used of €300,000.00"), "the ledger beside the warning: {html}");
    fields.push(("confirm_ceiling", "true"));
    let recorded = post_form(&w.app, &lead, &form, &form, &fields).await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    // Over the ceiling there is nothing to confirm: refused on the amount.
    fields[6] = ("amount", "40000");
    let over = post_form(&w.app, &lead, &form, &form, &fields).await;
    assert_eq!(over.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = over.text().await.expect("body");
    assert!(html.contains("id=\"amount-error\"") && html.contains("€30,000.00 is left"), "{html}");
}

#[tokio::test]
async fn the_mfa_letter_downloads_as_a_pdf_and_outsiders_are_refused() {
    let w = world().await;
    let uk_lead = org(&w.app, UK_LEAD, "Innovation Birmingham", OrgKind::Incubator, "Birmingham").await;
    let uk_sme = org(&w.app, UK_OWNER, "Kingfisher Middleware Ltd", OrgKind::Sme, "Birmingham").await;
    let pound = project(&w.app, UK_LEAD, uk_lead, "Innovation Engine", "GBP", "Birmingham").await;
    let r = support_records::record(&w.app.app, &w.app.actor(UK_LEAD).await, pound.id, &grant(uk_sme, uk_lead, "2025-04-02", "8125"))
        .await
        .expect("grant");
    let uk_owner = logged_in(&w.app, UK_OWNER).await;
    let (_, html) = get(&w.app, &uk_owner, &format!("/organisations/{uk_sme}/support")).await;
    let letter = format!("/support/{}/mfa-letter", r.id);
    assert!(html.contains(&format!("href=\"{letter}\"")) && html.contains("MFA notification letter (PDF)"), "{html}");
    let download = uk_owner.get(w.app.url(&letter)).send().await.expect("download");
    assert_eq!(download.status(), StatusCode::OK);
    let header = |name: &str| download.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(header("content-type"), "application/pdf");
    assert!(
        header("content-disposition").starts_with("attachment;") && header("content-disposition").contains("mfa-notification-kingfisher")
    );
    assert!(download.bytes().await.expect("bytes").starts_with(b"%PDF-"));
    // A Leipzig enterprise's support has no MFA letter, and its support page offers none.
    let (_, html) = get(&w.app, &w.owner, &format!("/organisations/{}/support", w.sme)).await;
    assert!(!html.contains("mfa-letter"), "{html}");

    // Outsiders see no ledger, declare nothing and get no letter; visitors are sent to log in.
    w.app.create_user(STRANGER, PASSWORD, true, false).await;
    let stranger = logged_in(&w.app, STRANGER).await;
    let page = format!("/organisations/{}/ledger", w.sme);
    assert_eq!(get(&w.app, &stranger, &page).await.0, StatusCode::FORBIDDEN);
    assert_eq!(get(&w.app, &stranger, &format!("{page}/declare")).await.0, StatusCode::FORBIDDEN);
    let declare = format!("{page}/declare");
    let refused = post_form(&w.app, &stranger, "/", &declare, &[("grantor", "Me"), ("amount", "1")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(get(&w.app, &stranger, &letter).await.0, StatusCode::FORBIDDEN);
    // Another enterprise's admin sees nothing of it either, and may not link to it.
    assert_eq!(get(&w.app, &uk_owner, &page).await.0, StatusCode::FORBIDDEN);
    let anonymous = w.app.client().get(w.app.url(&page)).send().await.expect("GET");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
}

/// The id of the first declaration the ledger page lists.
fn first_declaration(html: &str) -> String {
    let start = html.find("id=\"declaration-").expect("a declaration") + "id=\"declaration-".len();
    html[start..].chars().take(36).collect()
}

/// The correction form's fields: the declaration of `world` with `amount`, read at `version`.
fn corrected<'a>(sme: &'a str, version: &'a str, amount: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("version", version),
        ("enterprise", sme),
        ("grantor", "Sächsische Aufbaubank"),
        ("description", "De minimis grant for the electrolyser test bench"),
        ("granted_on", "2024-03-15"),
        ("amount", amount),
        ("currency", "EUR"),
        ("declared_on", "2025-01-10"),
    ]
}

#[tokio::test]
async fn correcting_a_declaration_changes_the_ledger_and_its_history_shows_before_and_after() {
    let w = world().await;
    let sme = w.sme.to_string();
    let page = format!("/organisations/{sme}/ledger");
    let (_, html) = get(&w.app, &w.owner, &page).await;
    let id = first_declaration(&html);
    let edit = format!("/aid-declarations/{id}/edit?enterprise={sme}");
    assert!(html.contains(&format!("href=\"{edit}\"")), "each declaration has a correct link: {html}");
    assert!(html.contains("id=\"history-heading\"") && html.contains("<td>ceo</td><td>Recorded</td>"), "{html}");

    let (status, form) = get(&w.app, &w.owner, &edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Correct a declaration") && form.contains("Pleiße Wasserstoff GmbH"), "{form}");
    assert!(
        form.contains("name=\"version\" value=\"1\"")
            && form.contains("value=\"150000\"")
            && form.contains("value=\"Sächsische Aufbaubank\""),
        "{form}"
    );

    // A bad value comes back next to its field with what was typed, and 422.
    let action = format!("/aid-declarations/{id}/edit");
    let bad = post_form(&w.app, &w.owner, &edit, &action, &corrected(&sme, "1", "nothing")).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("id=\"amount-error\"") && html.contains("value=\"nothing\"") && html.contains("error-summary"), "{html}");

    let ok = post_form(&w.app, &w.owner, &edit, &action, &corrected(&sme, "1", "120000")).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&ok), page);
    let (_, html) = get(&w.app, &w.owner, &format!("{page}?on=2025-03-01")).await;
    assert!(html.contains("The declaration has been corrected.") && html.contains("<dd id=\"ledger-used\">€120,000.00</dd>"), "{html}");
    let history = &html[html.find("id=\"history-heading\"").expect("the history")..];
    assert!(history.contains("<td>ceo</td><td>Corrected</td><td>15 March 2024 · Sächsische Aufbaubank</td>"), "{history}");
    assert!(history.contains("<td>Gross aid value</td><td>€150,000.00</td><td>€120,000.00</td>"), "before and after: {history}");

    // The stale form is refused with the conflict message; the ledger keeps the correction.
    let stale = post_form(&w.app, &w.owner, &edit, &action, &corrected(&sme, "1", "90000")).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let html = stale.text().await.expect("body");
    assert!(html.contains("Someone else changed this declaration since you opened it") && html.contains("value=\"90000\""), "{html}");

    // Links made and removed are in the history too, with the enterprises by name.
    let other = org(&w.app, "ceo@netz.example", "Pleiße Netz GmbH", OrgKind::Sme, "Leipzig").await;
    let draft = tandem_core::evidence::aid::LinkDraft {
        controller_id: sme.clone(),
        controlled_id: other.to_string(),
        relation: "majority_of_voting_rights".into(),
    };
    let owner = w.app.actor(OWNER).await;
    let link = ledger::link(&w.app.app, &owner, w.sme, &draft).await.expect("link");
    ledger::remove_link(&w.app.app, &owner, link.id).await.expect("remove");
    let (_, html) = get(&w.app, &w.owner, &page).await;
    assert!(html.contains("No control links."), "{html}");
    let history = &html[html.find("id=\"history-heading\"").expect("the history")..];
    let text = "Pleiße Wasserstoff GmbH controls Pleiße Netz GmbH: majority of the voting rights (Art. 2(2)(a))";
    assert!(
        history.contains(&format!("<td>Removed</td><td>{text}</td>")) && history.contains("<td>Removed on</td><td>—</td>"),
        "{history}"
    );
    assert!(history.find("<td>Removed</td>") < history.find("<td>Corrected</td>"), "newest first: {history}");

    // A withdrawn declaration is not corrected any more.
    let withdraw = format!("/aid-declarations/{id}/withdraw");
    let done = post_form(&w.app, &w.owner, &page, &withdraw, &[("enterprise", &sme), ("version", "2"), ("reason", "Entered twice")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.owner, &page).await;
    assert!(!html.contains(&edit) && html.contains("<td>Withdrawn</td>"), "{html}");
    assert_eq!(get(&w.app, &w.owner, &edit).await.0, StatusCode::CONFLICT);
}

#[tokio::test]
async fn others_cannot_correct_a_declaration_and_the_correction_speaks_german() {
    let w = world().await;
    let sme = w.sme.to_string();
    let page = format!("/organisations/{sme}/ledger");
    let (_, html) = get(&w.app, &w.owner, &page).await;
    let id = first_declaration(&html);
    let edit = format!("/aid-declarations/{id}/edit?enterprise={sme}");
    let action = format!("/aid-declarations/{id}/edit");

    // Another enterprise's admin, a stranger: refused, and nothing changes.
    let uk_owner = {
        org(&w.app, UK_OWNER, "Kingfisher Middleware Ltd", OrgKind::Sme, "Birmingham").await;
        logged_in(&w.app, UK_OWNER).await
    };
    w.app.create_user(STRANGER, PASSWORD, true, false).await;
    let stranger = logged_in(&w.app, STRANGER).await;
    for client in [&uk_owner, &stranger] {
        assert_eq!(get(&w.app, client, &edit).await.0, StatusCode::FORBIDDEN);
        let refused = post_form(&w.app, client, "/", &action, &corrected(&sme, "1", "1")).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
    let (_, html) = get(&w.app, &w.owner, &page).await;
    assert!(html.contains("€150,000.00") && !html.contains("<td>Corrected</td>"), "{html}");

    // In German: the form, its problems and the history.
    let _ = get(&w.app, &w.owner, "/locale/de?return_to=/").await;
    let (_, form) = get(&w.app, &w.owner, &edit).await;
    assert!(form.contains("Erklärung berichtigen") && form.contains("Bruttobetrag der Beihilfe") && form.contains("Speichern"), "{form}");
    let mut fields = corrected(&sme, "1", "120.000,00");
    fields[2] = ("grantor", " ");
    let bad = post_form(&w.app, &w.owner, &edit, &action, &fields).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains("id=\"grantor-error\""));
    assert_eq!(post_form(&w.app, &w.owner, &edit, &action, &corrected(&sme, "1", "120.000,00")).await.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.owner, &page).await;
    assert!(html.contains("Die Erklärung wurde berichtigt.") && html.contains("Berichtigen"), "{html}");
    assert!(html.contains("Verlauf") && html.contains("<td>Berichtigt</td>"), "{html}");
    assert!(html.contains("<td>Bruttobetrag der Beihilfe</td><td>150.000,00 €</td><td>120.000,00 €</td>"), "{html}");
    let stale = post_form(&w.app, &w.owner, &edit, &action, &corrected(&sme, "1", "1")).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(stale.text().await.expect("body").contains("Jemand anderes hat"));
}
