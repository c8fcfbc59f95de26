//! `/api/v1/profiles`: anonymity of list and detail, the draft → submitted → published path,
//! ETags, the admins' bulk import and export, and the OpenAPI document.

use crate::support::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tandem_core::account::OrgRole;
use tandem_testkit::TestApp;

async fn body(response: reqwest::Response) -> Value {
    response.json().await.expect("JSON body")
}

/// Names of every demo profile owner, and the logins of their people.
fn secrets() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/demo/profiles.jsonl");
    let mut secrets: Vec<String> = std::fs::read_to_string(path)
        .expect("demo profiles")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON")["organisation"]["name"].as_str().expect("name").to_owned())
        .collect();
    secrets.push("chris.sme@demo.tandem.example".into());
    secrets.push("demo-sme-".into());
    secrets.sort();
    secrets.dedup();
    secrets
}

fn assert_anonymous(what: &str, text: &str) {
    for secret in secrets() {
        assert!(!text.contains(&secret), "{what} reveals \"{secret}\"");
    }
}

#[tokio::test]
async fn list_and_detail_never_name_the_owner_to_strangers() {
    let app = demo_app().await;
    let holosphere = org_id(&app, "Holosphere").await;
    let stranger = member_client(&app, "stranger@holosphere.example", holosphere, OrgRole::OrgAdmin).await;
    for (who, client) in [("anonymous", app.client()), ("an unrelated SME", stranger)] {
        let response = client.get(app.url("/api/v1/profiles?per_page=100")).send().await.expect("GET");
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.expect("body");
        assert_anonymous(&format!("the list for {who}"), &text);
        let page: Value = serde_json::from_str(&text).expect("JSON");
        let items = page["items"].as_array().expect("items");
        assert!(items.len() >= 30, "{} published profiles", items.len());
        assert!(items.iter().any(|i| i["language"] == "de"));
        for item in items {
            assert!(item["owner"].get("name").is_none() && item["owner"].get("id").is_none(), "{item}");
            assert!(item["owner"]["city"].is_string() && item["owner"]["size"].is_string());
            let id = item["id"].as_str().expect("id");
            let detail = client.get(app.url(&format!("/api/v1/profiles/{id}"))).send().await.expect("GET");
            assert_eq!(detail.status(), StatusCode::OK);
            let text = detail.text().await.expect("body");
            assert_anonymous(&format!("profile {id} for {who}"), &text);
        }
        let german = body(client.get(app.url("/api/v1/profiles?lang=de&type=TO")).send().await.expect("GET")).await;
        assert!(german["items"].as_array().expect("items").iter().all(|i| i["language"] == "de" && i["profile_type"] == "TO"));
    }

    // Support staff broker: they see who owns a profile.
    let spinlab = org_id(&app, "SpinLab – The HHL Accelerator").await;
    let broker = member_client(&app, "broker@spinlab.example", spinlab, OrgRole::ProgrammeManager).await;
    let page = body(broker.get(app.url("/api/v1/profiles?per_page=100")).send().await.expect("GET")).await;
    assert!(page["items"].as_array().expect("items").iter().all(|i| i["owner"]["name"].is_string()));

    // Bad parameters are 400s in the error shape.
    let response = app.client().get(app.url("/api/v1/profiles?per_page=0")).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(body(response).await["error"]["field"], "per_page");
}

fn new_profile(owner: &str, support: &str) -> Value {
    json!({
        "owner_org_id": owner,
        "support_org_id": support,
        "profile_type": "BO",
        "language": "de",
        "title": "Sensorknoten für die Luftqualität in Städten",
        "summary": "Ein Leipziger Unternehmen bietet kalibrierte Sensorknoten für die Luftqualität an und sucht Vertriebspartner.",
        "description": "Die Sensorknoten messen Feinstaub und Stickstoffdioxid und werden per Funk ausgelesen.",
        "partner_role": "Der Partner vertreibt die Sensorknoten an Kommunen in seinem Land.",
        "advantages": "Günstiger als Referenzstationen und in wenigen Minuten montiert.",
        "keywords_market": ["561010"],
        "nace_codes": ["26.51"],
        "sdgs": [11],
        "partnership_types": ["commercial_agency"],
        "partner_sought": ["sme_11_49"],
        "target_countries": ["GB"]
    })
}

#[tokio::test]
async fn a_draft_is_created_submitted_and_approved_through_the_api() {
    let app = TestApp::spawn().await;
    let cities = body(app.client().get(app.url("/api/v1/cities")).send().await.expect("GET")).await;
    let leipzig = cities.as_array().expect("cities").iter().find(|c| c["name"] == "Leipzig").expect("Leipzig")["id"].clone();
    let client = app.client();

    app.create_user("founder@sensor.example", PASSWORD, true, false).await;
    let owner_token = app.api_token("founder@sensor.example", PASSWORD).await;
    let org = json!({"name": "Luftwerk Sensorik GmbH", "kind": "startup", "city_id": leipzig});
    let sme = body(client.post(app.url("/api/v1/organisations")).bearer_auth(&owner_token).json(&org).send().await.expect("POST")).await;
    app.create_user("pm@incubator.example", PASSWORD, true, false).await;
    let broker_token = app.api_token("pm@incubator.example", PASSWORD).await;
    let org = json!({"name": "Leipzig Gründerhaus", "kind": "incubator", "city_id": leipzig});
    let incubator =
        body(client.post(app.url("/api/v1/organisations")).bearer_auth(&broker_token).json(&org).send().await.expect("POST")).await;
    let (sme, incubator) = (sme["id"].as_str().expect("id"), incubator["id"].as_str().expect("id"));

    // Anonymous callers may not write.
    let response = client.post(app.url("/api/v1/profiles")).json(&new_profile(sme, incubator)).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let mut bad = new_profile(sme, incubator);
    bad["title"] = json!("t".repeat(300));
    let response = client.post(app.url("/api/v1/profiles")).bearer_auth(&owner_token).json(&bad).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body(response).await["error"]["field"], "title");

    let response =
        client.post(app.url("/api/v1/profiles")).bearer_auth(&owner_token).json(&new_profile(sme, incubator)).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers().get("location").and_then(|v| v.to_str().ok()).expect("Location").to_owned();
    let etag = response.headers().get("etag").and_then(|v| v.to_str().ok()).expect("ETag").to_owned();
    let created = body(response).await;
    assert_eq!(created["state"], "draft");
    assert_eq!(created["owner"]["name"], "Luftwerk Sensorik GmbH", "the owner sees its own name");
    let id = created["id"].as_str().expect("id").to_owned();
    assert_eq!(location, format!("/api/v1/profiles/{id}"));

    // Drafts are private.
    let response = client.get(app.url(&location)).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // PUT needs If-Match, and a stale one is refused.
    let mut changed = new_profile(sme, incubator);
    changed["title"] = json!("Kalibrierte Sensorknoten für die Luftqualität");
    let response = client.put(app.url(&location)).bearer_auth(&owner_token).json(&changed).send().await.expect("PUT");
    assert_eq!(response.status(), StatusCode::PRECONDITION_REQUIRED);
    let response =
        client.put(app.url(&location)).bearer_auth(&owner_token).header("if-match", &etag).json(&changed).send().await.expect("PUT");
    assert_eq!(response.status(), StatusCode::OK);
    let new_etag = response.headers().get("etag").and_then(|v| v.to_str().ok()).expect("ETag").to_owned();
    assert_ne!(new_etag, etag);
    assert_eq!(body(response).await["title"], "Kalibrierte Sensorknoten für die Luftqualität");
    let response =
        client.put(app.url(&location)).bearer_auth(&owner_token).header("if-match", &etag).json(&changed).send().await.expect("PUT");
    assert_eq!(response.status(), StatusCode::PRECONDITION_FAILED, "a stale ETag");

    // Submit, then the incubator approves; the owner may not approve.
    let submitted = client.post(app.url(&format!("{location}/submit"))).bearer_auth(&owner_token).send().await.expect("POST");
    assert_eq!(submitted.status(), StatusCode::OK);
    assert_eq!(body(submitted).await["state"], "submitted");
    let refused = client.post(app.url(&format!("{location}/approve"))).bearer_auth(&owner_token).send().await.expect("POST");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let approved = client.post(app.url(&format!("{location}/approve"))).bearer_auth(&broker_token).send().await.expect("POST");
    assert_eq!(approved.status(), StatusCode::OK);
    let approved = body(approved).await;
    assert_eq!(approved["state"], "published");
    assert!(approved["expires_at"].is_string());

    // Public now, anonymous, and in the list.
    let public = client.get(app.url(&location)).send().await.expect("GET");
    assert_eq!(public.status(), StatusCode::OK);
    let text = public.text().await.expect("body");
    assert!(!text.contains("Luftwerk") && !text.contains("founder@sensor.example"), "{text}");
    let page = body(client.get(app.url("/api/v1/profiles")).send().await.expect("GET")).await;
    assert_eq!(page["total"], 1);
    assert_eq!(page["items"][0]["id"], id.as_str());

    // Withdrawn by its author: gone from the marketplace.
    let withdrawn = client.post(app.url(&format!("{location}/withdraw"))).bearer_auth(&owner_token).send().await.expect("POST");
    assert_eq!(body(withdrawn).await["state"], "withdrawn");
    let page = body(client.get(app.url("/api/v1/profiles")).send().await.expect("GET")).await;
    assert_eq!(page["total"], 0);
}

fn exchange_lines() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/demo/profiles.jsonl");
    std::fs::read_to_string(path)
        .expect("demo profiles")
        .lines()
        .take(3)
        .map(|line| {
            let mut value: Value = serde_json::from_str(line).expect("JSON");
            value.as_object_mut().expect("object").remove("support_organisation");
            value.to_string()
        })
        .collect()
}

#[tokio::test]
async fn admins_import_all_or_nothing_and_export() {
    let app = TestApp::spawn().await;
    let client = app.client();
    app.create_user("admin@tandem.example", PASSWORD, true, true).await;
    let admin = app.api_token("admin@tandem.example", PASSWORD).await;
    app.create_user("someone@tandem.example", PASSWORD, true, false).await;
    let someone = app.api_token("someone@tandem.example", PASSWORD).await;

    let mut lines = exchange_lines();
    let mut bad: Value = serde_json::from_str(&lines[1]).expect("JSON");
    bad["organisation"]["city"] = json!("Paris");
    lines[1] = bad.to_string();
    let response = client.post(app.url("/api/v1/profiles/import?publish=true")).bearer_auth(&admin).body(lines.join("\n")).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = body(response).await;
    assert_eq!(refused["error"]["code"], "invalid_lines");
    assert_eq!(refused["lines"].as_array().expect("lines").len(), 1, "{refused}");
    assert_eq!(refused["lines"][0]["line"], 2);
    assert_eq!(refused["lines"][0]["field"], "organisation.city");
    let export = client.get(app.url("/api/v1/profiles/export")).bearer_auth(&admin).send().await.expect("GET");
    assert_eq!(export.status(), StatusCode::OK);
    assert!(export.text().await.expect("body").trim().is_empty(), "nothing was written");
    let page = body(client.get(app.url("/api/v1/profiles")).send().await.expect("GET")).await;
    assert_eq!(page["total"], 0);

    // Only platform admins.
    let good = exchange_lines().join("\n");
    let response = client.post(app.url("/api/v1/profiles/import")).bearer_auth(&someone).body(good.clone()).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = client.post(app.url("/api/v1/profiles/import")).body(good.clone()).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    for path in ["/api/v1/profiles/export", "/api/v1/profiles/export?format=csv"] {
        let response = client.get(app.url(path)).bearer_auth(&someone).send().await.expect("GET");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }

    // A dry run writes nothing; the real import publishes.
    let response = client.post(app.url("/api/v1/profiles/import?publish=true&dry_run=true")).bearer_auth(&admin).body(good.clone()).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body(response).await["dry_run"], true);
    assert_eq!(body(client.get(app.url("/api/v1/profiles")).send().await.expect("GET")).await["total"], 0);
    let response = client.post(app.url("/api/v1/profiles/import?publish=true")).bearer_auth(&admin).body(good).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::OK);
    let report = body(response).await;
    assert_eq!((report["created"].as_i64(), report["published"].as_i64()), (Some(3), Some(3)), "{report}");
    assert_eq!(body(client.get(app.url("/api/v1/profiles")).send().await.expect("GET")).await["total"], 3);

    let export = client.get(app.url("/api/v1/profiles/export?format=jsonl")).bearer_auth(&admin).send().await.expect("GET");
    assert!(export.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|t| t.contains("ndjson")));
    let text = export.text().await.expect("body");
    let exported: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(exported.len(), 3);
    assert!(exported.iter().any(|r| r["external_id"] == "demo-profile-02" && r["organisation"]["name"] == "Moseley Medical Simulation Ltd"));
    let csv = client.get(app.url("/api/v1/profiles/export?format=csv")).bearer_auth(&admin).send().await.expect("GET");
    assert!(csv.text().await.expect("body").starts_with("external_id,type,"));
    let response = client.get(app.url("/api/v1/profiles/export?format=xml")).bearer_auth(&admin).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_openapi_document_lists_the_profile_endpoints() {
    let app = TestApp::spawn().await;
    let doc = body(app.client().get(app.url("/api/v1/openapi.json")).send().await.expect("GET")).await;
    for path in [
        "/profiles",
        "/profiles/{id}",
        "/profiles/{id}/submit",
        "/profiles/{id}/approve",
        "/profiles/{id}/return",
        "/profiles/{id}/withdraw",
        "/profiles/{id}/extend",
        "/profiles/import",
        "/profiles/export",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} documented");
    }
    for schema in ["ProfileDto", "ProfileInputDto", "ProfileCardDto", "ImportErrorBody"] {
        assert!(doc["components"]["schemas"].get(schema).is_some(), "{schema} documented");
    }
    assert!(doc["paths"]["/profiles"]["get"]["parameters"].as_array().expect("params").iter().any(|p| p["name"] == "type"));
}
