//! Expressions of interest, introductions and partnership agreements in the browser and the
//! API (issue 3, items 5–6): a Birmingham SME expresses interest in a Leipzig SME's published
//! profile, the Leipzig support manager introduces them, an agreement with evidence is recorded,
//! confirmed and counted — and the owner stays anonymous to everyone not introduced.

use crate::support::*;
use reqwest::multipart::{Form, Part};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use tandem_app::partnering::{interests, profiles};
use tandem_core::directory::{OrgKind, OrganisationDraft};
use tandem_core::partnering::interest::InterestAnswers;
use tandem_core::partnering::ProfileDraft;
use tandem_core::{CityId, InterestId, OrgId, ProfileId};
use tandem_testkit::TestApp;

const OWNER: &str = "Nordlicht Sensorik GmbH";
const OWNER_EMAIL: &str = "owner@nordlicht.example";
const MANAGER_EMAIL: &str = "manager@biocity.example";
const SME_EMAIL: &str = "sme@daden.example";
const OUTSIDER_EMAIL: &str = "staff@moseley.example";
const TITLE: &str = "Low-cost air-quality sensors for smart-city networks";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// A published technology offer of a Leipzig SME managed by BioCity Leipzig; Daden (Birmingham)
/// may be interested; Moseley Media (Birmingham) has nothing to do with it.
struct World {
    app: TestApp,
    profile: ProfileId,
    daden: OrgId,
}

async fn city(app: &TestApp, name: &str) -> CityId {
    tandem_app::directory::cities(&app.app).await.expect("cities").into_iter().find(|c| c.name == name).expect("city").id
}

/// Creates a verified user who registers an organisation (and so becomes its admin).
async fn org(app: &TestApp, email: &str, name: &str, kind: OrgKind, city: CityId) -> OrgId {
    app.create_user(email, PASSWORD, true, false).await;
    let draft = OrganisationDraft {
        name: name.into(),
        kind: kind.key().into(),
        city_id: city.to_string(),
        nace_codes: vec!["62.01".into()],
        description_en: Some(format!("{name} works with partners in both cities.")),
        ..Default::default()
    };
    tandem_app::directory::organisations::create(&app.app, &app.actor(email).await, &draft).await.expect("create organisation").id
}

/// A technology offer that passes the quality check.
fn complete() -> ProfileDraft {
    ProfileDraft {
        profile_type: "TO".into(),
        language: "en".into(),
        title: TITLE.into(),
        summary: Some("A Leipzig SME offers calibrated low-cost sensors for fine dust and NO2.".into()),
        description: Some("The sensors report every minute over LoRaWAN and are calibrated against reference stations.".into()),
        partner_role: Some("A city or utility to run a pilot network under a licence agreement.".into()),
        advantages: Some("A tenth of the price of reference stations with comparable accuracy after calibration.".into()),
        stage_of_development: Some("field_tested".into()),
        ipr_status: Some("secret_know_how".into()),
        keywords_market: vec!["571020".into()],
        keywords_technology: vec!["ict.ai".into()],
        nace_codes: vec!["26.51".into()],
        partnership_types: vec!["licensing".into()],
        partner_sought: vec!["large_company".into()],
        target_countries: vec!["GB".into()],
        ..Default::default()
    }
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    let (leipzig, birmingham) = (city(&app, "Leipzig").await, city(&app, "Birmingham").await);
    let owner = org(&app, OWNER_EMAIL, OWNER, OrgKind::Sme, leipzig).await;
    let biocity = org(&app, MANAGER_EMAIL, "BioCity Leipzig", OrgKind::Incubator, leipzig).await;
    org(&app, "reviewer@serendip.example", "Serendip Smart City Incubator", OrgKind::Incubator, birmingham).await;
    let daden = org(&app, SME_EMAIL, "Daden Ltd", OrgKind::Sme, birmingham).await;
    org(&app, OUTSIDER_EMAIL, "Moseley Media Ltd", OrgKind::Sme, birmingham).await;
    let manager = app.actor(MANAGER_EMAIL).await;
    let p = profiles::create(&app.app, &manager, owner, Some(biocity), &complete()).await.expect("create profile");
    profiles::submit(&app.app, &manager, p.id).await.expect("submit");
    profiles::approve(&app.app, &app.actor("reviewer@serendip.example").await, p.id, None).await.expect("approve");
    World { app, profile: p.id, daden }
}

impl World {
    /// Daden's interest, sent through the use case.
    async fn interest(&self) -> InterestId {
        let answers = InterestAnswers {
            cooperation_sought: "A licence to run a pilot network in Birmingham.".into(),
            missing_information: Some("Which calibration data come with the sensors?".into()),
            who_we_are: "A Birmingham SME building digital twins of city districts.".into(),
        };
        let actor = self.app.actor(SME_EMAIL).await;
        interests::express(&self.app.app, &actor, self.profile, self.daden, &answers).await.expect("express").id
    }

    async fn introduced(&self) -> InterestId {
        let id = self.interest().await;
        interests::introduce(&self.app.app, &self.app.actor(MANAGER_EMAIL).await, id).await.expect("introduce");
        id
    }

    async fn client(&self, email: &str) -> Client {
        logged_in(&self.app, email).await
    }
}

/// The first id that follows `prefix` in `html` (ids are UUIDs: hex digits and dashes).
fn id_after(html: &str, prefix: &str) -> String {
    let start = html.find(prefix).unwrap_or_else(|| panic!("no {prefix} in:\n{html}")) + prefix.len();
    html[start..].chars().take_while(|c| c.is_ascii_hexdigit() || *c == '-').collect()
}

async fn statistics_api(app: &TestApp) -> Value {
    let response = app.client().get(app.url("/api/v1/statistics")).send().await.expect("GET statistics");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

#[tokio::test]
async fn a_birmingham_sme_expresses_interest_and_the_leipzig_manager_introduces_them() {
    let w = world().await;
    let profile_page = format!("/profiles/{}", w.profile);
    let form = format!("/profiles/{}/interest", w.profile);
    let sme = w.client(SME_EMAIL).await;

    // The form asks the standard questions, on behalf of the SME's own organisation.
    let (status, html) = get(&w.app, &sme, &form).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    for field in ["from_org", "cooperation_sought", "missing_information", "who_we_are"] {
        assert!(html.contains(&format!("name=\"{field}\"")), "field {field}");
    }
    assert!(html.contains(&format!("value=\"{}\" selected", w.daden)), "the only organisation is chosen");
    assert!(!html.contains(OWNER), "the form keeps the owner anonymous");

    // Missing answers are reported next to their fields.
    let daden = w.daden.to_string();
    let bad = post_form(&w.app, &sme, &form, &form, &[("from_org", &daden), ("cooperation_sought", " "), ("who_we_are", "")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("id=\"cooperation_sought-error\"") && html.contains("id=\"who_we_are-error\""), "{html}");

    let sent = post_form(
        &w.app,
        &sme,
        &form,
        &form,
        &[
            ("from_org", &daden),
            ("cooperation_sought", "A licence to run a pilot network in Birmingham."),
            ("missing_information", "Which calibration data come with the sensors?"),
            ("who_we_are", "A Birmingham SME building digital twins of city districts."),
        ],
    )
    .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&sent), "/interests");
    let (_, mine) = get(&w.app, &sme, "/interests").await;
    assert!(mine.contains(TITLE) && mine.contains("Waiting for an answer"), "{mine}");
    assert!(!mine.contains(OWNER), "no owner name before the introduction");
    assert!(!w.app.outbox_to(MANAGER_EMAIL).await.is_empty(), "the managing support organisation is emailed");

    // The Leipzig support manager sees it in the pipeline and introduces the parties.
    let manager = w.client(MANAGER_EMAIL).await;
    let (status, pipeline) = get(&w.app, &manager, "/interests").await;
    assert_eq!(status, StatusCode::OK);
    assert!(pipeline.contains(TITLE) && pipeline.contains("Daden Ltd") && pipeline.contains("digital twins"), "{pipeline}");
    let interest = id_after(&pipeline, "action=\"/interests/");
    assert!(pipeline.contains(&format!("/interests/{interest}/decline")));
    let introduced = post_form(&w.app, &manager, "/interests", &format!("/interests/{interest}/introduce"), &[]).await;
    assert_eq!(introduced.status(), StatusCode::SEE_OTHER);
    let again = post_form(&w.app, &manager, "/interests", &format!("/interests/{interest}/introduce"), &[]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "an interest is decided once");

    // Both sides get the other's name and contacts by email.
    let to_sme = w.app.outbox_to(SME_EMAIL).await;
    assert!(to_sme.iter().any(|m| m.body_text.contains(OWNER) && m.body_text.contains(OWNER_EMAIL)), "{to_sme:?}");
    let to_owner = w.app.outbox_to(OWNER_EMAIL).await;
    assert!(to_owner.iter().any(|m| m.body_text.contains("Daden Ltd") && m.body_text.contains(SME_EMAIL)), "{to_owner:?}");

    // Now the interested SME sees who owns the profile; an unrelated SME and visitors do not.
    let (_, mine) = get(&w.app, &sme, "/interests").await;
    assert!(mine.contains("Introduced") && mine.contains(OWNER), "{mine}");
    let (status, seen) = get(&w.app, &sme, &profile_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(seen.contains(OWNER), "the introduced SME sees the owner's name");
    let outsider = w.client(OUTSIDER_EMAIL).await;
    let (status, unrelated) = get(&w.app, &outsider, &profile_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!unrelated.contains(OWNER) && !unrelated.contains(OWNER_EMAIL), "an unrelated SME does not");
    let (status, public) = get(&w.app, &w.app.client(), &profile_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!public.contains(OWNER) && !public.contains(OWNER_EMAIL), "an anonymous visitor does not");
    let (_, outsider_interests) = get(&w.app, &outsider, "/interests").await;
    assert!(!outsider_interests.contains(TITLE), "others' interests are not listed");
}

#[tokio::test]
async fn declining_needs_a_reason_which_the_interested_side_reads() {
    let w = world().await;
    let interest = w.interest().await;
    let manager = w.client(MANAGER_EMAIL).await;
    let action = format!("/interests/{interest}/decline");

    let refused = post_form(&w.app, &manager, "/interests", &action, &[("reason", "  ")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("body");
    assert!(html.contains(&format!("id=\"reason-{interest}-error\"")), "the message is next to the field: {html}");
    assert!(html.contains(&format!("href=\"#reason-{interest}\"")), "and in the summary");

    // Only the profile's brokers decide.
    let sme = w.client(SME_EMAIL).await;
    let denied = post_form(&w.app, &sme, "/interests", &action, &[("reason", "Not for us.")]).await;
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);

    let declined = post_form(&w.app, &manager, "/interests", &action, &[("reason", "The owner licenses to utilities only.")]).await;
    assert_eq!(declined.status(), StatusCode::SEE_OTHER);
    let (_, mine) = get(&w.app, &sme, "/interests").await;
    assert!(mine.contains("Declined") && mine.contains("The owner licenses to utilities only."), "{mine}");
    assert!(!mine.contains(OWNER), "a declined interest learns nothing about the owner");
    let emailed = w.app.outbox_to(SME_EMAIL).await;
    assert!(emailed.iter().any(|m| m.body_text.contains("The owner licenses to utilities only.")));
}

#[tokio::test]
async fn an_agreement_with_evidence_is_recorded_confirmed_and_counted() {
    let w = world().await;
    let interest = w.introduced().await;
    assert_eq!(statistics_api(&w.app).await["agreements_total"], 0);
    let manager = w.client(MANAGER_EMAIL).await;

    // The form opened from the introduction has the partner chosen.
    let form = format!("/profiles/{}/agreements/new?interest={interest}", w.profile);
    let (status, html) = get(&w.app, &manager, &form).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(html.contains(&format!("value=\"{}\" selected", w.daden)), "{html}");
    assert!(html.contains("Joint venture") && html.contains("Licence agreement") && html.contains("Joint research proposal submitted"));
    let action = format!("/profiles/{}/agreements/new", w.profile);
    let daden = w.daden.to_string();
    let interest_id = interest.to_string();
    let bad = post_form(&w.app, &manager, &form, &action, &[("partner_org", &daden), ("agreement_type", "technology_licensing"), ("signed_on", "2999-01-01")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.expect("body").contains("id=\"signed_on-error\""));
    let today = chrono::Utc::now().date_naive().to_string();
    let recorded = post_form(
        &w.app,
        &manager,
        &form,
        &action,
        &[
            ("partner_org", &daden),
            ("interest_id", &interest_id),
            ("agreement_type", "technology_licensing"),
            ("signed_on", &today),
            ("summary", "Licence for a 40-sensor pilot network."),
        ],
    )
    .await;
    assert_eq!(recorded.status(), StatusCode::SEE_OTHER);
    let page = location(&recorded);
    assert!(page.starts_with("/agreements/"), "{page}");

    // The partner uploads the signed contract; an executable renamed to .pdf is refused.
    let sme = w.client(SME_EMAIL).await;
    let upload = |client: Client, name: &'static str, bytes: &'static [u8]| {
        let (app, page) = (&w.app, page.clone());
        async move {
            let token = app.csrf(&client, &page).await;
            let form = Form::new().text("_csrf", token).part("evidence", Part::bytes(bytes).file_name(name));
            client
                .post(app.url(&format!("{page}/evidence")))
                .header(reqwest::header::ORIGIN, &app.base_url)
                .multipart(form)
                .send()
                .await
                .expect("upload")
        }
    };
    let exe = upload(sme.clone(), "contract.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00").await;
    assert_eq!(exe.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = exe.text().await.expect("body");
    assert!(html.contains("id=\"evidence-error\"") && html.contains("upload a PDF, PNG or JPEG file"), "{html}");
    let pdf = upload(sme.clone(), "Lizenzvertrag Müller.pdf", PDF).await;
    assert_eq!(pdf.status(), StatusCode::SEE_OTHER, "{}", pdf.text().await.unwrap_or_default());
    // Uploads may be larger than other requests (2 MB), up to the 10 MB an evidence file may have.
    let scan: &'static [u8] = Box::leak([PDF, &vec![b' '; 3 * 1024 * 1024]].concat().into_boxed_slice());
    let large = upload(sme.clone(), "scan.pdf", scan).await;
    assert_eq!(large.status(), StatusCode::SEE_OTHER, "a 3 MB scan is accepted");
    let padding = "x".repeat(3 * 1024 * 1024);
    let too_large = post_form(&w.app, &sme, &page, &format!("{page}/confirm"), &[("padding", &padding)]).await;
    assert_eq!(too_large.status(), StatusCode::PAYLOAD_TOO_LARGE, "other forms keep the small limit");

    // Both parties and the broker see it; it downloads with its type for them only.
    let (_, html) = get(&w.app, &manager, &page).await;
    assert!(html.contains("Lizenzvertrag Müller.pdf") && html.contains("Daden Ltd") && html.contains(OWNER), "{html}");
    assert!(html.contains("/confirm"), "the broker may confirm");
    let evidence = format!("/evidence/{}", id_after(&html, "href=\"/evidence/"));
    let download = sme.get(w.app.url(&evidence)).send().await.expect("download");
    assert_eq!(download.status(), StatusCode::OK);
    let header = |name: &str| download.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("content-disposition").starts_with("attachment;"), "{}", header("content-disposition"));
    assert!(header("content-disposition").contains("filename*=UTF-8''Lizenzvertrag%20M%C3%BCller.pdf"));
    assert_eq!(download.bytes().await.expect("bytes").as_ref(), PDF);
    let outsider = w.client(OUTSIDER_EMAIL).await;
    let refused = outsider.get(w.app.url(&evidence)).send().await.expect("GET");
    assert!(matches!(refused.status(), StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{}", refused.status());
    let (status, _) = get(&w.app, &outsider, &page).await;
    assert!(matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{status}");
    let anonymous = w.app.client().get(w.app.url(&evidence)).send().await.expect("GET");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "visitors are sent to log in");
    let (_, sme_page) = get(&w.app, &sme, &page).await;
    assert!(!sme_page.contains("/confirm\""), "a party does not confirm its own agreement");
    let denied = post_form(&w.app, &sme, &page, &format!("{page}/confirm"), &[]).await;
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);

    // Not counted until the support organisation confirms it.
    let (_, stats) = get(&w.app, &w.app.client(), "/statistics").await;
    assert!(stats.contains("data-count=\"0\"") && stats.contains("No confirmed partnership agreements yet"), "{stats}");
    let (_, pipeline) = get(&w.app, &manager, "/interests").await;
    assert!(pipeline.contains(&format!("href=\"{page}\"")), "waiting for confirmation in the pipeline");
    let confirmed = post_form(&w.app, &manager, &page, &format!("{page}/confirm"), &[]).await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &manager, &page).await;
    assert!(html.contains("Confirmed") && !html.contains("/confirm\""), "{html}");

    let (status, stats) = get(&w.app, &w.app.client(), "/statistics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(stats.contains("id=\"agreements-total\" data-count=\"1\"") && stats.contains("1 confirmed partnership agreement"), "{stats}");
    assert!(stats.contains("Licence agreement") && stats.contains("Leipzig") && stats.contains("Birmingham"));
    assert!(!stats.contains(OWNER) && !stats.contains("Daden"), "aggregates only");
    let api = statistics_api(&w.app).await;
    assert_eq!(api["agreements_total"], 1);
    assert_eq!(api["introductions"], 1);
    let german = w.app.client().get(w.app.url("/statistics")).header("accept-language", "de").send().await.expect("GET");
    let german = german.text().await.expect("body");
    assert!(german.contains("Partnersuche in Zahlen") && german.contains("1 bestätigte Kooperationsvereinbarung"), "{german}");
}

#[tokio::test]
async fn the_api_expresses_introduces_and_records_with_the_same_rules() {
    let w = world().await;
    let (sme, manager) = (w.app.api_token(SME_EMAIL, PASSWORD).await, w.app.api_token(MANAGER_EMAIL, PASSWORD).await);
    let client = reqwest::Client::new();
    let post = |token: &str, path: &str, body: Value| {
        client.post(w.app.url(&format!("/api/v1{path}"))).bearer_auth(token).json(&body).send()
    };
    let body = serde_json::json!({
        "from_org_id": w.daden.to_string(),
        "cooperation_sought": "A licence to run a pilot network in Birmingham.",
        "who_we_are": "A Birmingham SME building digital twins."
    });
    let anonymous = client.post(w.app.url(&format!("/api/v1/profiles/{}/interests", w.profile))).json(&body).send().await.expect("POST");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let created = post(&sme, &format!("/profiles/{}/interests", w.profile), body).await.expect("POST");
    assert_eq!(created.status(), StatusCode::CREATED);
    let interest: Value = created.json().await.expect("json");
    assert_eq!(interest["state"], "submitted");
    let id = interest["id"].as_str().expect("id").to_owned();

    let list: Value = client.get(w.app.url("/api/v1/interests")).bearer_auth(&sme).send().await.expect("GET").json().await.expect("json");
    assert_eq!(list["sent"][0]["id"], id.as_str());
    assert_eq!(list["sent"][0]["owner_name"], Value::Null, "anonymous before the introduction");
    assert_eq!(list["pipeline"].as_array().map(Vec::len), Some(0));

    let refused = post(&manager, &format!("/interests/{id}/decline"), serde_json::json!({"reason": ""})).await.expect("POST");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.json::<Value>().await.expect("json")["error"]["field"], "reason");
    let introduced = post(&manager, &format!("/interests/{id}/introduce"), Value::Null).await.expect("POST");
    assert_eq!(introduced.status(), StatusCode::OK);
    let again = post(&manager, &format!("/interests/{id}/introduce"), Value::Null).await.expect("POST");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let list: Value = client.get(w.app.url("/api/v1/interests")).bearer_auth(&sme).send().await.expect("GET").json().await.expect("json");
    assert_eq!(list["sent"][0]["state"], "introduced");
    assert_eq!(list["sent"][0]["owner_name"], OWNER);

    let agreement = serde_json::json!({
        "partner_org_id": w.daden.to_string(),
        "interest_id": id,
        "agreement_type": "joint_venture",
        "signed_on": chrono::Utc::now().date_naive().to_string(),
    });
    let recorded = post(&sme, &format!("/profiles/{}/agreements", w.profile), agreement).await.expect("POST");
    assert_eq!(recorded.status(), StatusCode::CREATED);
    let recorded: Value = recorded.json().await.expect("json");
    assert_eq!((recorded["state"].as_str(), recorded["category"].as_str()), (Some("recorded"), Some("business")));
    let agreement_id = recorded["id"].as_str().expect("id");
    let by_party = post(&sme, &format!("/agreements/{agreement_id}/confirm"), Value::Null).await.expect("POST");
    assert_eq!(by_party.status(), StatusCode::FORBIDDEN);
    let confirmed = post(&manager, &format!("/agreements/{agreement_id}/confirm"), Value::Null).await.expect("POST");
    assert_eq!(confirmed.status(), StatusCode::OK);
    let stats = statistics_api(&w.app).await;
    assert_eq!(stats["agreements_total"], 1);
    let business = stats["agreements_by_category"].as_array().expect("categories").iter().find(|c| c["category"] == "business").cloned();
    assert_eq!(business.map(|c| c["count"].clone()), Some(Value::from(1)));
    let openapi: Value = client.get(w.app.url("/api/v1/openapi.json")).send().await.expect("GET").json().await.expect("json");
    for path in ["/profiles/{id}/interests", "/interests", "/interests/{id}/introduce", "/agreements/{id}/confirm", "/statistics"] {
        assert!(openapi["paths"][path].is_object(), "{path} is documented");
    }
}
