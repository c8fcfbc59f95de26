//! Saved searches (issue 3, item 8): saving a marketplace search, the list, deleting, and the
//! unsubscribe link of the alert emails, which works without a login and changes nothing on GET.

use crate::support::*;
use reqwest::StatusCode;
use tandem_app::partnering::alerts;
use tandem_testkit::{csrf_token, input_value, TestApp};

const EMAIL: &str = "anna@daden.example";

/// The user's saved searches: (id, unsubscribe token, search words).
async fn saved(app: &TestApp) -> Vec<(tandem_core::SavedSearchId, String, String)> {
    let list = alerts::list(&app.app, &app.actor(EMAIL).await).await.expect("list");
    list.iter().map(|s| (s.id, s.unsubscribe_token.clone(), alerts::query_of(s).q)).collect()
}

#[tokio::test]
async fn a_marketplace_search_is_saved_listed_and_deleted() {
    let app = TestApp::spawn().await;
    let response = app.client().get(app.url("/searches")).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "the list needs a login");
    assert!(location(&response).starts_with("/login?next=/searches"));

    app.create_user(EMAIL, PASSWORD, true, false).await;
    let client = logged_in(&app, EMAIL).await;
    let form_page = "/searches/new?q=VR%20simulator&type=TO&page=3";
    let (status, html) = get(&app, &client, form_page).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert_eq!(input_value(&html, "name").as_deref(), Some("VR simulator"), "the name is prefilled from the search words");
    assert_eq!(input_value(&html, "type").as_deref(), Some("TO"), "the criteria travel in the form");
    assert!(html.contains("Search words") && html.contains("Profile type"), "the criteria are shown: {html}");

    let empty_name =
        post_form(&app, &client, form_page, "/searches", &[("name", " "), ("frequency", "daily"), ("q", "VR simulator")]).await;
    assert_eq!(empty_name.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty_name.text().await.expect("body").contains("id=\"name-error\""));

    let fields = [("name", "VR for surgeons"), ("frequency", "weekly"), ("q", "VR simulator"), ("type", "TO")];
    let created = post_form(&app, &client, form_page, "/searches", &fields).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&created), "/searches");
    let (status, list) = get(&app, &client, "/searches").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("VR for surgeons") && list.contains("Weekly"), "{list}");
    assert!(list.contains("/marketplace?q=VR%20simulator&#38;type=TO"), "a link runs the search: {list}");
    let searches = saved(&app).await;
    assert_eq!(searches.len(), 1);
    assert_eq!(searches[0].2, "VR simulator");

    let delete = format!("/searches/{}/delete", searches[0].0);
    let deleted = post_form(&app, &client, "/searches", &delete, &[]).await;
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    assert!(saved(&app).await.is_empty());
    let (_, list) = get(&app, &client, "/searches").await;
    assert!(!list.contains("VR for surgeons"));
}

#[tokio::test]
async fn the_unsubscribe_link_asks_first_and_works_without_a_login() {
    let app = TestApp::spawn().await;
    app.create_user(EMAIL, PASSWORD, true, false).await;
    let client = logged_in(&app, EMAIL).await;
    let fields = [("name", "Smart-city sensors"), ("frequency", "daily"), ("q", "sensors")];
    let created = post_form(&app, &client, "/searches/new?q=sensors", "/searches", &fields).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let token = saved(&app).await.pop().expect("saved").1;
    let path = format!("/searches/unsubscribe/{token}");

    // Someone (or a mail scanner) follows the link from the email: nothing changes yet.
    let visitor = app.client();
    let (status, page) = get(&app, &visitor, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Smart-city sensors") && page.contains(&format!("action=\"{path}\"")), "{page}");
    assert!(page.contains("<button type=\"submit\">Unsubscribe</button>"), "{page}");
    assert_eq!(saved(&app).await.len(), 1, "GET changes nothing");

    let token_of_page = csrf_token(&page).expect("the form carries a token");
    let cross_site = visitor
        .post(app.url(&path))
        .header(reqwest::header::ORIGIN, "https://evil.example")
        .form(&[("_csrf", token_of_page.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(cross_site.status(), StatusCode::FORBIDDEN);
    assert_eq!(saved(&app).await.len(), 1);

    let post = |token: String| {
        let (visitor, url, origin) = (visitor.clone(), app.url(&path), app.base_url.clone());
        async move {
            let response =
                visitor.post(url).header(reqwest::header::ORIGIN, origin).form(&[("_csrf", token)]).send().await.expect("POST");
            (response.status(), response.text().await.expect("body"))
        }
    };
    let (status, done) = post(token_of_page.clone()).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert!(done.contains("You have unsubscribed") && done.contains("Smart-city sensors"), "{done}");
    assert!(saved(&app).await.is_empty(), "POST removes the saved search");

    let (status, again) = post(token_of_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(again.contains("already unsubscribed"), "a second press is friendly: {again}");
    let (status, later) = get(&app, &visitor, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(later.contains("already unsubscribed") && !later.contains("<button type=\"submit\">Unsubscribe"), "{later}");
}
