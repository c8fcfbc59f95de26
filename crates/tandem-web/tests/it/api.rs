//! The JSON API: resources, permissions, error shape, pagination, ETags, OpenAPI.

use crate::support::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tandem_core::account::OrgRole;
use tandem_testkit::TestApp;

async fn body(response: reqwest::Response) -> Value {
    response.json().await.expect("JSON body")
}

/// Asserts the one error shape and returns (code, field).
fn error_of(v: &Value) -> (String, Option<String>) {
    let e = &v["error"];
    assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "error has a message: {v}");
    (e["code"].as_str().expect("code").to_owned(), e["field"].as_str().map(str::to_owned))
}

async fn leipzig(app: &TestApp) -> String {
    let cities = body(app.client().get(app.url("/api/v1/cities")).send().await.expect("GET")).await;
    cities.as_array().expect("array").iter().find(|c| c["name"] == "Leipzig").expect("Leipzig")["id"].as_str().expect("id").to_owned()
}

fn new_org(city: &str) -> Value {
    json!({"name": "Kraftwerk Robotics GmbH", "kind": "startup", "city_id": city, "nace_codes": ["28.99"],
           "description_de": "Roboter für die Montage.", "staff_headcount": 7, "turnover": 400000, "currency": "EUR"})
}

#[tokio::test]
async fn openapi_document_is_3_1_and_lists_every_route() {
    let app = TestApp::spawn().await;
    let doc = body(app.client().get(app.url("/api/v1/openapi.json")).send().await.expect("GET")).await;
    assert!(doc["openapi"].as_str().expect("version").starts_with("3.1"));
    for path in ["/cities", "/organisations", "/organisations/{id}", "/organisations/{id}/programmes", "/programmes", "/programmes/{id}", "/me"] {
        assert!(doc["paths"].get(path).is_some(), "{path} documented");
    }
    assert!(doc["components"]["schemas"].get("ApiErrorBody").is_some());
    assert!(doc["components"]["securitySchemes"].get("bearer").is_some());
}

#[tokio::test]
async fn search_paginates_and_rejects_bad_parameters_in_the_error_shape() {
    let app = demo_app().await;
    let client = app.client();
    let page = body(client.get(app.url("/api/v1/organisations?per_page=5&page=2")).send().await.expect("GET")).await;
    assert_eq!(page["page"], 2);
    assert_eq!(page["per_page"], 5);
    assert_eq!(page["items"].as_array().expect("items").len(), 5);
    assert!(page["total"].as_i64().expect("total") > 10);
    let found = body(client.get(app.url("/api/v1/organisations?q=spinlab")).send().await.expect("GET")).await;
    assert_eq!(found["items"][0]["name"].as_str().map(|n| n.contains("SpinLab")), Some(true));
    assert!(found["items"][0].get("figures").is_none(), "cards carry no confidential fields");
    for (query, field) in [("per_page=0", "per_page"), ("per_page=1000", "per_page"), ("kind=guild", "kind"), ("city=x", "city"), ("section=Z", "section"), ("page=0", "page")] {
        let response = client.get(app.url(&format!("/api/v1/organisations?{query}"))).send().await.expect("GET");
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(error_of(&body(response).await).1.as_deref(), Some(field));
    }
    let response = client.get(app.url("/api/v1/organisations?page=abc")).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(&body(response).await).0, "invalid_query");
}

#[tokio::test]
async fn creating_needs_a_token_of_a_verified_user_and_valid_input() {
    let app = TestApp::spawn().await;
    let city = leipzig(&app).await;
    let client = app.client();
    let anonymous = client.post(app.url("/api/v1/organisations")).json(&new_org(&city)).send().await.expect("POST");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(&body(anonymous).await).0, "unauthorized");
    let bogus = client.post(app.url("/api/v1/organisations")).bearer_auth("tdm_nope").json(&new_org(&city)).send().await.expect("POST");
    assert_eq!(bogus.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(&body(bogus).await).0, "invalid_token");
    app.create_user("unverified@b.example", PASSWORD, false, false).await;
    let token = app.api_token("unverified@b.example", PASSWORD).await;
    let unverified = client.post(app.url("/api/v1/organisations")).bearer_auth(&token).json(&new_org(&city)).send().await.expect("POST");
    assert_eq!(unverified.status(), StatusCode::FORBIDDEN);
    assert_eq!(error_of(&body(unverified).await).0, "email_not_verified");
    app.create_user("founder@l.example", PASSWORD, true, false).await;
    let token = app.api_token("founder@l.example", PASSWORD).await;
    let malformed = client
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .expect("POST");
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    assert_eq!(error_of(&body(malformed).await).0, "invalid_json");
    let unknown_field = client.post(app.url("/api/v1/organisations")).bearer_auth(&token).json(&json!({"name": "x", "kind": "sme", "city_id": city, "colour": "red"})).send().await.expect("POST");
    assert_eq!(unknown_field.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut invalid = new_org(&city);
    invalid["website"] = json!("ftp://x");
    let response = client.post(app.url("/api/v1/organisations")).bearer_auth(&token).json(&invalid).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_of(&body(response).await), ("invalid_url".to_owned(), Some("website".to_owned())));
    let mut several = new_org(&city);
    several["name"] = json!("");
    several["nace_codes"] = json!(["99.99"]);
    let response = client.post(app.url("/api/v1/organisations")).bearer_auth(&token).json(&several).send().await.expect("POST");
    let v = body(response).await;
    assert_eq!(error_of(&v).0, "validation_failed");
    assert!(v["error"]["details"].as_array().expect("details").len() >= 2);
    let created = client.post(app.url("/api/v1/organisations")).bearer_auth(&token).json(&new_org(&city)).send().await.expect("POST");
    assert_eq!(created.status(), StatusCode::CREATED);
    assert!(created.headers().get("location").is_some() && created.headers().get("etag").is_some());
    let org = body(created).await;
    assert_eq!(org["figures"]["staff_headcount"], 7);
    let me = body(client.get(app.url("/api/v1/me")).bearer_auth(&token).send().await.expect("GET")).await;
    assert_eq!(me["memberships"][0]["role"], "org_admin");
    assert_eq!(me["memberships"][0]["org_id"], org["id"]);
}

#[tokio::test]
async fn updates_need_if_match_and_refuse_stale_versions_and_strangers() {
    let app = TestApp::spawn().await;
    let city = leipzig(&app).await;
    let client = app.client();
    app.create_user("founder@l.example", PASSWORD, true, false).await;
    let token = app.api_token("founder@l.example", PASSWORD).await;
    let org = body(client.post(app.url("/api/v1/organisations")).bearer_auth(&token).json(&new_org(&city)).send().await.expect("POST")).await;
    let url = app.url(&format!("/api/v1/organisations/{}", org["id"].as_str().expect("id")));
    let read = client.get(&url).bearer_auth(&token).send().await.expect("GET");
    let etag = read.headers().get("etag").expect("etag").to_str().expect("ascii").to_owned();
    let not_modified = client.get(&url).header("if-none-match", &etag).send().await.expect("GET");
    assert_eq!(not_modified.status(), StatusCode::NOT_MODIFIED);
    let mut change = new_org(&city);
    change["name"] = json!("Kraftwerk Robotics SE");
    let missing = client.put(&url).bearer_auth(&token).json(&change).send().await.expect("PUT");
    assert_eq!(missing.status(), StatusCode::PRECONDITION_REQUIRED);
    let ok = client.put(&url).bearer_auth(&token).header("if-match", &etag).json(&change).send().await.expect("PUT");
    assert_eq!(ok.status(), StatusCode::OK);
    assert_ne!(ok.headers().get("etag").expect("etag").to_str().expect("ascii"), etag);
    let stale = client.put(&url).bearer_auth(&token).header("if-match", &etag).json(&change).send().await.expect("PUT");
    assert_eq!(stale.status(), StatusCode::PRECONDITION_FAILED);
    assert_eq!(error_of(&body(stale).await).0, "conflict");
    app.create_user("stranger@b.example", PASSWORD, true, false).await;
    let stranger = app.api_token("stranger@b.example", PASSWORD).await;
    let denied = client.put(&url).bearer_auth(&stranger).header("if-match", "\"2\"").json(&change).send().await.expect("PUT");
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    let public = body(client.get(&url).send().await.expect("GET")).await;
    assert_eq!(public["name"], "Kraftwerk Robotics SE");
    assert!(public.get("figures").is_none(), "figures hidden from the public");
    let missing = client.get(app.url("/api/v1/organisations/nope")).send().await.expect("GET");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_of(&body(missing).await).0, "not_found");
}

#[tokio::test]
async fn programmes_through_the_api() {
    let app = demo_app().await;
    let client = app.client();
    let listed = body(client.get(app.url("/api/v1/programmes?per_page=3")).send().await.expect("GET")).await;
    assert_eq!(listed["items"].as_array().expect("items").len(), 3);
    assert!(listed["items"].as_array().expect("items").iter().all(|p| p["status"] != "draft"));
    let bad = client.get(app.url("/api/v1/programmes?per_page=0")).send().await.expect("GET");
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    let spinlab = org_id(&app, "SpinLab – The HHL Accelerator").await;
    app.create_user("pm@spinlab.example", PASSWORD, true, false).await;
    app.add_membership("pm@spinlab.example", spinlab, OrgRole::ProgrammeManager).await;
    let token = app.api_token("pm@spinlab.example", PASSWORD).await;
    let url = app.url(&format!("/api/v1/organisations/{spinlab}/programmes"));
    let invalid = client.post(&url).bearer_auth(&token).json(&json!({"name": "", "kind": "acceleration"})).send().await.expect("POST");
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let created = client
        .post(&url)
        .bearer_auth(&token)
        .json(&json!({"name": "Birmingham bridge", "kind": "exchange", "status": "draft", "sectors": ["62.01"]}))
        .send()
        .await
        .expect("POST");
    assert_eq!(created.status(), StatusCode::CREATED);
    let etag = created.headers().get("etag").expect("etag").to_str().expect("ascii").to_owned();
    let programme = body(created).await;
    let purl = app.url(&format!("/api/v1/programmes/{}", programme["id"].as_str().expect("id")));
    assert_eq!(client.get(&purl).send().await.expect("GET").status(), StatusCode::NOT_FOUND, "drafts are hidden");
    assert_eq!(client.get(&purl).bearer_auth(&token).send().await.expect("GET").status(), StatusCode::OK);
    let opened = client
        .put(&purl)
        .bearer_auth(&token)
        .header("if-match", &etag)
        .json(&json!({"name": "Birmingham bridge", "kind": "exchange", "status": "open"}))
        .send()
        .await
        .expect("PUT");
    assert_eq!(opened.status(), StatusCode::OK);
    assert_eq!(client.get(&purl).send().await.expect("GET").status(), StatusCode::OK);
    let of_org = body(client.get(&url).send().await.expect("GET")).await;
    assert!(of_org.as_array().expect("array").iter().any(|p| p["name"] == "Birmingham bridge"));
    app.create_user("other@b.example", PASSWORD, true, false).await;
    let other = app.api_token("other@b.example", PASSWORD).await;
    let denied = client.post(&url).bearer_auth(&other).json(&json!({"name": "x", "kind": "exchange"})).send().await.expect("POST");
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn me_requires_authentication_and_unknown_routes_use_the_error_shape() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let anonymous = client.get(app.url("/api/v1/me")).send().await.expect("GET");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    error_of(&body(anonymous).await);
    let unknown = client.get(app.url("/api/v1/nothing")).send().await.expect("GET");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_of(&body(unknown).await).0, "not_found");
    app.create_user("web@b.example", PASSWORD, true, false).await;
    let session = logged_in(&app, "web@b.example").await;
    let me = body(session.get(app.url("/api/v1/me")).send().await.expect("GET")).await;
    assert_eq!(me["email"], "web@b.example", "the session authenticates the API too");
}
