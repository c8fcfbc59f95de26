//! Partnering profile pages and the marketplace: the way from draft to published profile in the
//! browser, anonymity of the owner in public HTML, German labels, review and permissions.

use crate::support::*;
use reqwest::StatusCode;
use tandem_app::partnering::profiles;
use tandem_core::account::OrgRole;
use tandem_core::partnering::ProfileDraft;
use tandem_core::{OrgId, ProfileId};
use tandem_testkit::{input_value, TestApp};

const OWNER: &str = "Schenker Technologies GmbH";
const OWNER_EMAIL: &str = "ceo@schenker-tech.example";
const MANAGER_EMAIL: &str = "pm@biocity.example";

/// Leipzig's BioCity (support organisation) writes for Schenker (a Leipzig SME), whose CEO has
/// an account too.
struct World {
    app: TestApp,
    owner: OrgId,
    support: OrgId,
    manager: reqwest::Client,
}

async fn world() -> World {
    let app = demo_app().await;
    let owner = org_id(&app, OWNER).await;
    let support = org_id(&app, "BioCity Leipzig").await;
    app.create_user(OWNER_EMAIL, PASSWORD, true, false).await;
    app.add_membership(OWNER_EMAIL, owner, OrgRole::OrgAdmin).await;
    let manager = member_client(&app, MANAGER_EMAIL, support, OrgRole::ProgrammeManager).await;
    World { app, owner, support, manager }
}

/// The fields of a technology offer that passes the quality check.
fn complete_fields(title: &str) -> Vec<(&'static str, String)> {
    [
        ("profile_type", "TO"),
        ("language", "en"),
        ("title", title),
        ("summary", "A Leipzig SME offers a virtual reality platform that trains surgical teams on new medical devices before they use them."),
        ("description", "The platform simulates operating theatres and device workflows. Trainers build scenarios without programming; trainees practise alone or as a team, and every session is scored."),
        ("partner_role", "Medical device manufacturers who license the platform for their product training, or hospitals that test it with their teams."),
        ("advantages", "Training without patients or devices at hand; scenarios change in hours, not months; measurable learning progress."),
        ("stage_of_development", "prototype"),
        ("ipr_status", "secret_know_how"),
        ("keywords_market", "561010"),
        ("keywords_technology", "ict.software"),
        ("nace_codes", "62.01, 72.19"),
        ("sdgs", "3"),
        ("sdgs", "9"),
        ("partnership_types", "licensing"),
        ("partnership_types", "technical_cooperation"),
        ("partner_sought", "sme_11_49"),
        ("partner_sought", "university"),
        ("target_countries", "DE, GB"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

/// The same as a draft, for the use cases.
fn complete_draft(profile_type: &str, title: &str) -> ProfileDraft {
    let mut d = ProfileDraft::default();
    for (k, v) in complete_fields(title) {
        match k {
            "profile_type" => d.profile_type = profile_type.to_owned(),
            "language" => d.language = v,
            "title" => d.title = v,
            "summary" => d.summary = Some(v),
            "description" => d.description = Some(v),
            "partner_role" => d.partner_role = Some(v),
            "advantages" => d.advantages = Some(v),
            "stage_of_development" => d.stage_of_development = Some(v),
            "ipr_status" => d.ipr_status = Some(v),
            "keywords_market" => d.keywords_market.push(v),
            "keywords_technology" => d.keywords_technology.push(v),
            "nace_codes" => d.nace_codes = v.split(", ").map(str::to_owned).collect(),
            "sdgs" => d.sdgs.push(v),
            "partnership_types" => d.partnership_types.push(v),
            "partner_sought" => d.partner_sought.push(v),
            "target_countries" => d.target_countries = v.split(", ").map(str::to_owned).collect(),
            _ => {}
        }
    }
    d
}

/// A profile written, submitted (and approved when `publish`) through the use cases.
async fn profile_via_use_cases(w: &World, profile_type: &str, title: &str, submit: bool, publish: bool) -> ProfileId {
    let actor = w.app.actor(MANAGER_EMAIL).await;
    let profile = profiles::create(&w.app.app, &actor, w.owner, Some(w.support), &complete_draft(profile_type, title))
        .await
        .expect("create the profile");
    if submit {
        profiles::submit(&w.app.app, &actor, profile.id).await.expect("submit");
    }
    if publish {
        profiles::approve(&w.app.app, &actor, profile.id, None).await.expect("approve");
    }
    profile.id
}

fn borrowed_fields<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Asserts that `html` gives away nothing of the owner.
fn assert_anonymous(html: &str, page: &str) {
    for secret in [OWNER, "Schenker", "schenker-tech", OWNER_EMAIL] {
        assert!(!html.contains(secret), "{page} shows {secret:?}:\n{html}");
    }
}

#[tokio::test]
async fn a_support_manager_takes_an_sme_profile_from_draft_to_the_marketplace() {
    let w = world().await;
    let app = &w.app;
    let (owner, support) = (w.owner.to_string(), w.support.to_string());

    // The form preselects the owner asked for and the manager's own support organisation.
    let new_page = format!("/profiles/new?owner={owner}");
    let (status, form) = get(app, &w.manager, &new_page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains(&format!("<option value=\"{owner}\" selected>{OWNER}</option>")), "owner preselected");
    assert!(form.contains(&format!("<option value=\"{support}\" selected>BioCity Leipzig</option>")), "support preselected");
    assert!(form.contains("id=\"field-keywords_market\"") && form.contains("<optgroup label=\"Healthcare Services\">"));

    // A draft with contact details and without most texts.
    let draft = [
        ("owner_org_id", owner.as_str()),
        ("support_org_id", support.as_str()),
        ("profile_type", "TO"),
        ("language", "en"),
        ("title", "Immersive VR training for surgical teams"),
        ("summary", "Write to info@schenker-tech.example for details."),
        ("version", "0"),
    ];
    let created = post_form(app, &w.manager, &new_page, "/profiles", &draft).await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER, "{}", created.text().await.unwrap_or_default());
    let page = location(&created);
    assert!(page.starts_with("/profiles/"), "{page}");
    let id = page.trim_start_matches("/profiles/").to_owned();

    // The author sees what is missing, each problem linking to its field in the form.
    let (status, html) = get(app, &w.manager, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("The draft has been saved"), "flash shown");
    for field in ["description", "partner_role", "advantages", "stage_of_development", "ipr_status", "summary"] {
        assert!(html.contains(&format!("href=\"/profiles/{id}/edit#field-{field}\"")), "problem with {field} links to it");
    }
    assert!(html.contains("Remove contact details"));

    // Submitting now fails with the list of problems (422).
    let refused = post_form(app, &w.manager, &page, &format!("/profiles/{id}/submit"), &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("body");
    assert!(html.contains("id=\"error-summary\"") && html.contains("This profile cannot be submitted yet"));
    assert!(html.contains(&format!("href=\"/profiles/{id}/edit#field-description\"")));

    // Fix everything in the edit form.
    let edit = format!("/profiles/{id}/edit");
    let (status, form) = get(app, &w.manager, &edit).await;
    assert_eq!(status, StatusCode::OK);
    for field in ["title", "summary", "description", "partner_role", "advantages", "technical_specification", "nace_codes"] {
        assert!(form.contains(&format!("id=\"field-{field}\"")), "field-{field} in the form");
    }
    assert_eq!(input_value(&form, "title").as_deref(), Some("Immersive VR training for surgical teams"));
    let version = input_value(&form, "version").expect("version");
    let mut fields = complete_fields("Immersive VR training for surgical teams");
    fields.push(("support_org_id", support.clone()));
    fields.push(("version", version.clone()));
    let saved = post_form(app, &w.manager, &edit, &format!("/profiles/{id}"), &borrowed_fields(&fields)).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{}", saved.text().await.unwrap_or_default());
    assert_eq!(location(&saved), page);

    // Saving again with the old version is a conflict.
    let stale = post_form(app, &w.manager, &edit, &format!("/profiles/{id}"), &borrowed_fields(&fields)).await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(stale.text().await.expect("body").contains("Someone else changed this profile"));

    let (_, html) = get(app, &w.manager, &page).await;
    assert!(html.contains("passes the quality check"), "no problems left");
    let submitted = post_form(app, &w.manager, &page, &format!("/profiles/{id}/submit"), &[]).await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);

    // Not in the marketplace before approval.
    let (_, market) = get(app, &app.client(), "/marketplace").await;
    assert!(!market.contains("Immersive VR training"));

    // The pipeline lists it for review; the reviewer approves it with a comment.
    let (status, pipeline) = get(app, &w.manager, "/pipeline").await;
    assert_eq!(status, StatusCode::OK);
    assert!(pipeline.contains("Immersive VR training") && pipeline.contains(OWNER));
    let (_, html) = get(app, &w.manager, &page).await;
    assert!(html.contains(&format!("action=\"/profiles/{id}/approve\"")) && html.contains(&format!("action=\"/profiles/{id}/return\"")));
    let approved = post_form(app, &w.manager, &page, &format!("/profiles/{id}/approve"), &[("comment", "Clear and anonymous.")]).await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(app, &w.manager, &page).await;
    assert!(html.contains("The profile has been approved and published."));
    assert!(html.contains("status-published") && html.contains("Expires on"));
    assert!(html.contains("Approved and published") && html.contains("Clear and anonymous."), "timeline with the comment");
    assert!(html.contains(&format!("action=\"/profiles/{id}/withdraw\"")) && html.contains("<details>"), "withdraw behind a confirmation");

    // Everyone finds it; anonymous visitors learn city, country, kind and size only.
    let anonymous = app.client();
    let (status, market) = get(app, &anonymous, "/marketplace").await;
    assert_eq!(status, StatusCode::OK);
    assert!(market.contains("Immersive VR training") && market.contains(&page));
    assert!(market.contains("Leipzig, Germany") && market.contains("SME"));
    assert!(market.contains("href=\"/searches/new\""));
    assert_anonymous(&market, "/marketplace");
    let (status, public) = get(app, &anonymous, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public.contains("An organisation in Leipzig, Germany"));
    for label in ["Licence agreement", "Healthcare Equipment", "Prototype available"] {
        assert!(public.contains(label), "the public page shows {label}: {public}");
    }
    assert!(!public.contains("/interest\""), "no interest link for anonymous visitors");
    assert!(!public.contains("Timeline"), "the timeline is for authors");
    assert_anonymous(&public, "the public profile page");

    // A logged-in SME elsewhere sees it anonymously too, with the way to express interest.
    let holosphere = org_id(app, "Holosphere").await;
    let other = member_client(app, "staff@holosphere.example", holosphere, OrgRole::OrgAdmin).await;
    let (_, seen) = get(app, &other, &page).await;
    assert_anonymous(&seen, "the profile page for another SME");
    assert!(seen.contains(&format!("href=\"/profiles/{id}/interest\"")));
    let (_, market) = get(app, &other, "/marketplace?q=surgical").await;
    assert!(market.contains("Immersive VR training"));
    assert_anonymous(&market, "the marketplace for another SME");

    // The owner's own people see the name, and the profile among theirs.
    let ceo = logged_in(app, OWNER_EMAIL).await;
    let (_, own) = get(app, &ceo, &page).await;
    assert!(own.contains(OWNER));
    let (status, mine) = get(app, &ceo, "/profiles/mine").await;
    assert_eq!(status, StatusCode::OK);
    assert!(mine.contains("Immersive VR training") && mine.contains("Published"));
}

#[tokio::test]
async fn german_readers_get_german_labels() {
    let w = world().await;
    let id = profile_via_use_cases(&w, "TO", "Immersive VR training for surgical teams", true, true).await;
    let anonymous = w.app.client();
    let de = |path: String| anonymous.get(w.app.url(&path)).header("accept-language", "de").send();
    let market = de("/marketplace".into()).await.expect("GET").text().await.expect("body");
    for label in ["Kooperationsbörse", "Technologieangebot", "Leipzig, Deutschland", "KMU", "gefunden", "Diese Suche speichern"] {
        assert!(market.contains(label), "the marketplace shows {label}: {market}");
    }
    assert_anonymous(&market, "the German marketplace");
    let page = de(format!("/profiles/{id}")).await.expect("GET").text().await.expect("body");
    for label in ["Eine Organisation in Leipzig, Deutschland", "Lizenzvereinbarung", "Medizintechnik und medizinischer Bedarf", "Prototyp vorhanden", "Veröffentlicht", "Läuft ab am"] {
        assert!(page.contains(label), "the profile page shows {label}");
    }
    assert_anonymous(&page, "the German profile page");
    assert!(page.contains("<html lang=\"de\">") && page.contains("<article class=\"profile\" lang=\"en\">"), "the texts keep their language");
}

#[tokio::test]
async fn returning_a_profile_needs_comments() {
    let w = world().await;
    let id = profile_via_use_cases(&w, "BR", "Distribution partners for VR training in hospitals", true, false).await;
    let page = format!("/profiles/{id}");
    let empty = post_form(&w.app, &w.manager, &page, &format!("/profiles/{id}/return"), &[("comments", "  ")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = empty.text().await.expect("body");
    assert!(html.contains("id=\"comments-error\"") && html.contains("Say what the authors should change."));
    assert!(html.contains("id=\"error-summary\"") && html.contains("href=\"#comments\""));
    assert!(!html.contains("before the profile can be submitted"), "the comments' own message, not the quality check's");
    let returned = post_form(&w.app, &w.manager, &page, &format!("/profiles/{id}/return"), &[("comments", "Please describe the hospitals sought.")]).await;
    assert_eq!(returned.status(), StatusCode::SEE_OTHER);
    let ceo = logged_in(&w.app, OWNER_EMAIL).await;
    let (_, html) = get(&w.app, &ceo, &page).await;
    assert!(html.contains("Returned for changes") && html.contains("Please describe the hospitals sought."));
    assert!(html.contains(&format!("href=\"/profiles/{id}/edit\"")), "returned profiles can be edited");
}

#[tokio::test]
async fn outsiders_cannot_see_drafts_or_review() {
    let w = world().await;
    let draft = profile_via_use_cases(&w, "TO", "Draft nobody else may see", false, false).await;
    let submitted = profile_via_use_cases(&w, "TO", "Submitted profile under review", true, false).await;
    let holosphere = org_id(&w.app, "Holosphere").await;
    let other = member_client(&w.app, "staff@holosphere.example", holosphere, OrgRole::OrgAdmin).await;
    let (status, _) = get(&w.app, &other, &format!("/profiles/{draft}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = get(&w.app, &other, &format!("/profiles/{draft}/edit")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&w.app, &w.app.client(), &format!("/profiles/{submitted}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "submitted profiles are not public");
    let approve = post_form(&w.app, &other, "/marketplace", &format!("/profiles/{submitted}/approve"), &[]).await;
    assert_eq!(approve.status(), StatusCode::FORBIDDEN);
    let withdraw = post_form(&w.app, &other, "/marketplace", &format!("/profiles/{submitted}/withdraw"), &[]).await;
    assert_eq!(withdraw.status(), StatusCode::FORBIDDEN);
    let (status, _) = get(&w.app, &other, "/pipeline").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the pipeline is for support staff");
    // The author can withdraw (after the confirmation on the page).
    let withdrawn = post_form(&w.app, &w.manager, &format!("/profiles/{submitted}"), &format!("/profiles/{submitted}/withdraw"), &[]).await;
    assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
    let (_, html) = get(&w.app, &w.manager, &format!("/profiles/{submitted}")).await;
    assert!(html.contains("status-withdrawn"));
}

#[tokio::test]
async fn marketplace_facets_filter_the_results() {
    let w = world().await;
    let offer = profile_via_use_cases(&w, "TO", "VR training platform offered for licensing", true, true).await;
    profile_via_use_cases(&w, "BR", "Distribution partners sought for VR headsets", true, true).await;
    let anonymous = w.app.client();
    let (_, all) = get(&w.app, &anonymous, "/marketplace").await;
    assert!(all.contains("VR training platform offered") && all.contains("Distribution partners sought"));
    assert!(all.contains("<option value=\"TO\">Technology offer ("), "type facet with counts");
    let (_, offers) = get(&w.app, &anonymous, "/marketplace?type=TO").await;
    assert!(offers.contains("VR training platform offered") && !offers.contains("Distribution partners sought"));
    assert!(offers.contains("<option value=\"TO\" selected>"));
    assert!(offers.contains("href=\"/searches/new?type=TO\""), "save this search keeps the query");
    let (_, licensing) = get(&w.app, &anonymous, "/marketplace?partnership=licensing&market=561010").await;
    assert!(licensing.contains("VR training platform offered") && licensing.contains("Distribution partners sought"));
    let (_, german) = get(&w.app, &anonymous, "/marketplace?lang=de").await;
    assert!(!german.contains("VR training platform offered") && !german.contains("Distribution partners sought"));
    let (_, none) = get(&w.app, &anonymous, "/marketplace?type=RDR&q=headsets").await;
    assert!(none.contains("No profiles found"));
    // Extending opens 30 days before expiry; a fresh profile cannot be extended yet.
    let page = format!("/profiles/{offer}");
    let early = post_form(&w.app, &w.manager, &page, &format!("/profiles/{offer}/extend"), &[("days", "365")]).await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.text().await.expect("body").contains("can be extended from 30 days before it expires"));
    let nonsense = post_form(&w.app, &w.manager, &page, &format!("/profiles/{offer}/extend"), &[("days", "a year")]).await;
    assert_eq!(nonsense.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(nonsense.text().await.expect("body").contains("Enter a number of days from 1 to 365"));
    // htmx gets the results with the facets out of band.
    let fragment = anonymous
        .get(w.app.url("/marketplace?type=BR"))
        .header("hx-request", "true")
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .expect("body");
    assert!(!fragment.contains("<html") && fragment.contains("hx-swap-oob=\"true\""));
    assert!(fragment.contains("Distribution partners sought") && !fragment.contains("VR training platform offered"));
}
