//! Organisation, programme and member pages, with their permissions.

use crate::support::*;
use reqwest::StatusCode;
use tandem_core::account::OrgRole;
use tandem_testkit::{input_value, TestApp};

#[tokio::test]
async fn registering_an_organisation_needs_a_verified_login() {
    let app = demo_app().await;
    let anonymous = app.client();
    let response = anonymous.get(app.url("/organisations/new")).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/login?next=/organisations/new"));
    app.create_user("unverified@b.example", PASSWORD, false, false).await;
    let unverified = logged_in(&app, "unverified@b.example").await;
    let (status, html) = get(&app, &unverified, "/organisations/new").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains("confirm your email"));
}

#[tokio::test]
async fn create_shows_errors_next_to_fields_then_creates_and_makes_the_creator_admin() {
    let app = demo_app().await;
    app.create_user("founder@l.example", PASSWORD, true, false).await;
    let client = logged_in(&app, "founder@l.example").await;
    let (status, _) = get(&app, &client, "/organisations/new").await;
    assert_eq!(status, StatusCode::OK);
    let mut fields = org_form(&app, "VR Med GmbH").await;
    for (k, v) in fields.iter_mut() {
        match *k {
            "name" => *v = String::new(),
            "website" => *v = "vr-med".into(),
            "nace_codes" => *v = "62.01, 99.99".into(),
            "pic" => *v = "123".into(),
            _ => {}
        }
    }
    fields.push(("pic", "123".into()));
    let bad = post_form(&app, &client, "/organisations/new", "/organisations/new", &borrowed(&fields)).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    for id in ["name-error", "website-error", "nace_codes-error", "pic-error"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "message next to {id}");
    }
    assert_eq!(input_value(&html, "website").as_deref(), Some("vr-med"), "typed values are kept");
    let good = org_form(&app, "VR Med GmbH").await;
    let created = post_form(&app, &client, "/organisations/new", "/organisations/new", &borrowed(&good)).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let page = location(&created);
    let (status, html) = get(&app, &client, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("VR Med GmbH") && html.contains("1,250,000 EUR"), "own figures visible: {html}");
    assert!(html.contains("/edit"), "the creator may edit");
    // Anonymous visitors see the organisation but not its figures.
    let (_, public) = get(&app, &app.client(), &page).await;
    assert!(public.contains("VR Med GmbH") && !public.contains("1,250,000") && !public.contains("/edit"));
}

#[tokio::test]
async fn confidential_figures_are_shown_to_support_staff_only() {
    let app = demo_app().await;
    let daden = org_id(&app, "Daden Ltd").await;
    let owner = member_client(&app, "owner@daden.example", daden, OrgRole::OrgAdmin).await;
    let form = format!("/organisations/{daden}/edit");
    let (_, html) = get(&app, &owner, &form).await;
    let version = input_value(&html, "version").expect("version");
    let mut fields = org_form(&app, "Daden Ltd").await;
    fields.retain(|(k, _)| !matches!(*k, "version" | "staff_headcount"));
    fields.push(("staff_headcount", "4321".into()));
    fields.push(("version", version));
    let saved = post_form(&app, &owner, &form, &form, &borrowed(&fields)).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{}", saved.text().await.unwrap_or_default());
    let page = format!("/organisations/{daden}");
    let biocity = org_id(&app, "BioCity Leipzig").await;
    let support = member_client(&app, "pm@biocity.example", biocity, OrgRole::ProgrammeManager).await;
    let (_, seen) = get(&app, &support, &page).await;
    assert!(seen.contains("4,321"), "support staff see staff numbers");
    let holosphere = org_id(&app, "Holosphere").await;
    let other_sme = member_client(&app, "staff@holosphere.example", holosphere, OrgRole::OrgAdmin).await;
    let (_, hidden) = get(&app, &other_sme, &page).await;
    assert!(hidden.contains("Company figures are confidential") && !hidden.contains("4,321"));
}

#[tokio::test]
async fn only_the_organisations_admins_may_edit_and_stale_forms_conflict() {
    let app = demo_app().await;
    let daden = org_id(&app, "Daden Ltd").await;
    let holosphere = org_id(&app, "Holosphere").await;
    let outsider = member_client(&app, "admin@holosphere.example", holosphere, OrgRole::OrgAdmin).await;
    let form = format!("/organisations/{daden}/edit");
    let (status, _) = get(&app, &outsider, &form).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let fields = org_form(&app, "Hijacked").await;
    let denied = post_form(&app, &outsider, "/", &form, &borrowed(&fields)).await;
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    let member = member_client(&app, "member@daden.example", daden, OrgRole::Member).await;
    let (status, _) = get(&app, &member, &form).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "members do not edit the record");
    let admin = member_client(&app, "admin@daden.example", daden, OrgRole::OrgAdmin).await;
    let (status, html) = get(&app, &admin, &form).await;
    assert_eq!(status, StatusCode::OK);
    let version = input_value(&html, "version").expect("version");
    let mut first = org_form(&app, "Daden Ltd").await;
    first.retain(|(k, _)| *k != "version");
    first.push(("version", version.clone()));
    let saved = post_form(&app, &admin, &form, &form, &borrowed(&first)).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let stale = post_form(&app, &admin, &form, &form, &borrowed(&first)).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT, "the same version again is stale");
    let (status, _) = get(&app, &admin, &format!("/organisations/{}/edit", tandem_core::OrgId::new())).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "no edit rights on unknown organisations");
}

#[tokio::test]
async fn members_are_managed_by_organisation_admins() {
    let app = demo_app().await;
    let daden = org_id(&app, "Daden Ltd").await;
    let admin = member_client(&app, "admin@daden.example", daden, OrgRole::OrgAdmin).await;
    app.create_user("colleague@daden.example", PASSWORD, true, false).await;
    let page = format!("/organisations/{daden}/members");
    let (status, html) = get(&app, &admin, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("admin@daden.example"));
    let unknown = post_form(&app, &admin, &page, &page, &[("email", "ghost@daden.example"), ("role", "member")]).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bad_role = post_form(&app, &admin, &page, &page, &[("email", "colleague@daden.example"), ("role", "king")]).await;
    assert_eq!(bad_role.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let added = post_form(&app, &admin, &page, &page, &[("email", "colleague@daden.example"), ("role", "member")]).await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&app, &admin, &page).await;
    assert!(html.contains("colleague@daden.example"));
    let colleague = logged_in(&app, "colleague@daden.example").await;
    let (status, _) = get(&app, &colleague, &page).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "members do not manage members");
    let user = app.actor("colleague@daden.example").await.user().expect("user").id;
    let removed = post_form(&app, &admin, &page, &format!("{page}/{user}/remove"), &[]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let again = post_form(&app, &admin, &page, &format!("{page}/{user}/remove"), &[]).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn programmes_are_listed_created_and_edited_by_their_organisation() {
    let app = demo_app().await;
    let client = app.client();
    let (status, html) = get(&app, &client, "/programmes").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("SpinLab") || html.contains("Innovation Engine"));
    let biocity = org_id(&app, "BioCity Leipzig").await;
    let pm = member_client(&app, "pm@biocity.example", biocity, OrgRole::ProgrammeManager).await;
    let new_page = format!("/organisations/{biocity}/programmes/new");
    let (status, _) = get(&app, &pm, &new_page).await;
    assert_eq!(status, StatusCode::OK);
    let invalid = post_form(&app, &pm, &new_page, &new_page, &[("name", ""), ("kind", "party"), ("status", "draft"), ("sectors", "21.20, 1")]).await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = invalid.text().await.expect("body");
    assert!(html.contains("id=\"name-error\"") && html.contains("id=\"kind-error\"") && html.contains("id=\"sectors-error\""));
    let created = post_form(
        &app,
        &pm,
        &new_page,
        &new_page,
        &[("name", "Life-science soft landing"), ("kind", "soft_landing"), ("status", "draft"), ("sectors", "21.20, 72.11"), ("eligibility", "UK life-science SMEs")],
    )
    .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let programme = location(&created);
    let (status, _) = get(&app, &app.client(), &programme).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "drafts are invisible to visitors");
    let (status, html) = get(&app, &pm, &programme).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Life-science soft landing"));
    let edit = format!("{programme}/edit");
    let (_, form_html) = get(&app, &pm, &edit).await;
    let version = input_value(&form_html, "version").expect("version");
    let opened = post_form(
        &app,
        &pm,
        &edit,
        &edit,
        &[("name", "Life-science soft landing"), ("kind", "soft_landing"), ("status", "open"), ("sectors", "21.20"), ("version", &version)],
    )
    .await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let (status, _) = get(&app, &app.client(), &programme).await;
    assert_eq!(status, StatusCode::OK, "open programmes are public");
    let daden = org_id(&app, "Daden Ltd").await;
    let outsider = member_client(&app, "admin@daden.example", daden, OrgRole::OrgAdmin).await;
    let (status, _) = get(&app, &outsider, &edit).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&app, &outsider, &new_page).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&app, &client, "/programmes/not-an-id").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn organisation_pages_of_unknown_ids_are_not_found() {
    let app = TestApp::spawn().await;
    let (status, _) = get(&app, &app.client(), &format!("/organisations/{}", tandem_core::OrgId::new())).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn contact_people_are_kept_by_admins_and_shown_only_to_the_privileged() {
    let app = demo_app().await;
    let daden = org_id(&app, "Daden Ltd").await;
    let admin = member_client(&app, "admin@daden.example", daden, OrgRole::OrgAdmin).await;
    let form = format!("/organisations/{daden}/people/new");
    let (status, _) = get(&app, &admin, &form).await;
    assert_eq!(status, StatusCode::OK);
    let bad = post_form(&app, &admin, &form, &form, &[("person_name", ""), ("person_email", "nope")]).await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("id=\"person_name-error\"") && html.contains("id=\"person_email-error\""));
    let added = post_form(&app, &admin, &form, &form, &[("person_name", "Jo Bloggs"), ("job_title", "CTO"), ("person_email", "jo@daden.example")]).await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let page = format!("/organisations/{daden}");
    let (_, html) = get(&app, &admin, &page).await;
    assert!(html.contains("Jo Bloggs, CTO, jo@daden.example"));
    let (_, public) = get(&app, &app.client(), &page).await;
    assert!(!public.contains("Jo Bloggs"), "personal data is not public");
    let holosphere = org_id(&app, "Holosphere").await;
    let outsider = member_client(&app, "x@holosphere.example", holosphere, OrgRole::OrgAdmin).await;
    let (status, _) = get(&app, &outsider, &form).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let start = html.find("/people/").expect("remove form") + "/people/".len();
    let person: String = html[start..].chars().take_while(|c| *c != '/').collect();
    let remove = format!("/organisations/{daden}/people/{person}/remove");
    let denied = post_form(&app, &outsider, "/", &remove, &[]).await;
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    let removed = post_form(&app, &admin, &page, &remove, &[]).await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let again = post_form(&app, &admin, &page, &remove, &[]).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}
