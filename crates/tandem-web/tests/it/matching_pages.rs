//! Recommendations on pages and in the API (issue 4): matching profiles across the language
//! border with their reasons in English and German, the owner's anonymity, potential partners
//! and SMEs that fit only for the people allowed to see them, and thumbs up/down.

use crate::support::*;
use reqwest::{Client, StatusCode};
use tandem_app::partnering::profiles;
use tandem_core::account::OrgRole;
use tandem_core::partnering::ProfileDraft;
use tandem_core::{OrgId, ProfileId};
use tandem_testkit::TestApp;

const DE_OWNER: &str = "Schenker Technologies GmbH";
const DE_OWNER_EMAIL: &str = "ceo@schenker-tech.example";
const DE_MANAGER_EMAIL: &str = "pm@biocity.example";
const EN_OWNER: &str = "AtmosVR";
const EN_MANAGER_EMAIL: &str = "pm@biohub.example";
const OUTSIDER_EMAIL: &str = "staff@holosphere.example";
const DE_TITLE: &str = "VR-Trainingssimulationen für die Medizintechnik";
const EN_TITLE: &str = "Virtual reality training for medical devices";

/// A German technology request of a Leipzig SME and an English technology offer of a Birmingham
/// SME about the same thing, both published by their support organisations; a member of an
/// unrelated Birmingham SME.
struct World {
    app: TestApp,
    de_owner: OrgId,
    de_profile: ProfileId,
    en_profile: ProfileId,
    outsider: Client,
}

fn german_request() -> ProfileDraft {
    ProfileDraft {
        profile_type: "TR".into(),
        language: "de".into(),
        title: DE_TITLE.into(),
        summary: Some(
            "Ein Leipziger KMU sucht eine Virtual-Reality-Plattform, mit der Chirurgen und Pflegekräfte die Bedienung neuer \
             Medizinprodukte trainieren, bevor sie sie am Patienten einsetzen."
                .into(),
        ),
        description: Some(
            "Das Unternehmen entwickelt Medizintechnik für Operationssäle. Für die Einführung neuer Geräte sucht es \
             VR-Trainingssimulationen: realistische Simulation der Geräte, Übungsszenarien für OP-Teams und eine Bewertung \
             des Lernfortschritts."
                .into(),
        ),
        partner_role: Some("Ein Anbieter von Virtual-Reality-Trainingssoftware, der die Simulationen lizenziert oder gemeinsam entwickelt.".into()),
        technical_specification: Some("VR-Brillen ohne leistungsstarken PC, Simulation von Medizinprodukten, Auswertung der Trainings.".into()),
        keywords_technology: vec!["ict.software".into()],
        nace_codes: vec!["62.01".into(), "72.19".into()],
        partnership_types: vec!["licensing".into(), "technical_cooperation".into()],
        partner_sought: vec!["sme_11_49".into()],
        target_countries: vec!["GB".into()],
        ..ProfileDraft::default()
    }
}

fn english_offer() -> ProfileDraft {
    ProfileDraft {
        profile_type: "TO".into(),
        language: "en".into(),
        title: EN_TITLE.into(),
        summary: Some(
            "A Birmingham SME offers a virtual reality platform that trains surgical teams and nurses on new medical devices \
             before they use them on patients."
                .into(),
        ),
        description: Some(
            "The platform simulates operating theatres and medical device workflows. Trainers build training scenarios \
             without programming; trainees practise alone or as a team, and every session is scored."
                .into(),
        ),
        partner_role: Some("Medical device manufacturers who license the virtual reality training platform.".into()),
        advantages: Some("Training without patients or devices at hand; measurable learning progress.".into()),
        stage_of_development: Some("prototype".into()),
        ipr_status: Some("secret_know_how".into()),
        keywords_technology: vec!["ict.software".into()],
        nace_codes: vec!["62.01".into(), "72.19".into()],
        partnership_types: vec!["licensing".into(), "technical_cooperation".into()],
        partner_sought: vec!["sme_11_49".into()],
        target_countries: vec!["DE".into()],
        ..ProfileDraft::default()
    }
}

/// Written, submitted and approved by the support organisation's manager.
async fn publish(app: &TestApp, manager: &str, owner: OrgId, support: OrgId, draft: &ProfileDraft) -> ProfileId {
    let actor = app.actor(manager).await;
    let profile = profiles::create(&app.app, &actor, owner, Some(support), draft).await.expect("create the profile");
    profiles::submit(&app.app, &actor, profile.id).await.expect("submit");
    profiles::approve(&app.app, &actor, profile.id, None).await.expect("approve");
    profile.id
}

async fn world() -> World {
    let app = demo_app().await;
    let de_owner = org_id(&app, DE_OWNER).await;
    let en_owner = org_id(&app, EN_OWNER).await;
    let biocity = org_id(&app, "BioCity Leipzig").await;
    let biohub = org_id(&app, "BioHub Birmingham").await;
    app.create_user(DE_OWNER_EMAIL, PASSWORD, true, false).await;
    app.add_membership(DE_OWNER_EMAIL, de_owner, OrgRole::OrgAdmin).await;
    for (email, org) in [(DE_MANAGER_EMAIL, biocity), (EN_MANAGER_EMAIL, biohub)] {
        app.create_user(email, PASSWORD, true, false).await;
        app.add_membership(email, org, OrgRole::ProgrammeManager).await;
    }
    let de_profile = publish(&app, DE_MANAGER_EMAIL, de_owner, biocity, &german_request()).await;
    let en_profile = publish(&app, EN_MANAGER_EMAIL, en_owner, biohub, &english_offer()).await;
    let outsider = member_client(&app, OUTSIDER_EMAIL, org_id(&app, "Holosphere").await, OrgRole::Member).await;
    World { app, de_owner, de_profile, en_profile, outsider }
}

/// GETs an htmx fragment (as htmx would ask for it) with `client`, optionally in German.
async fn fragment(app: &TestApp, client: &Client, path: &str, german: bool) -> (StatusCode, String) {
    let mut request = client.get(app.url(path)).header("hx-request", "true");
    if german {
        request = request.header("accept-language", "de-DE,de;q=0.9");
    }
    let response = request.send().await.expect("GET fragment");
    let status = response.status();
    (status, response.text().await.expect("body"))
}

/// The `<li>` of the recommendation that links to `href`.
fn item<'a>(html: &'a str, href: &str) -> Option<&'a str> {
    let at = html.find(&format!("href=\"{href}\""))?;
    let marker = "<li class=\"result recommendation\">";
    let start = html[..at].rfind(marker)?;
    let end = html[at..].find(marker).or_else(|| html[at..].find("</ol>")).map_or(html.len(), |e| at + e);
    Some(&html[start..end])
}

/// Reasons read as sentences in the reader's language (one of each message's openings).
const EN_REASONS: [&str; 12] = [
    "Both are about", "Shared terms:", "Same keywords:", "Same line of business", "A good fit:", "Based in a country",
    "Based in the partner city", "Published", "Both have worked with", "Connected through", "Both active in", "Match:",
];
const DE_REASONS: [&str; 12] = [
    "Beide befassen sich mit", "Gemeinsame Begriffe:", "Gleiche Schlagwörter:", "Gleiche Branche", "Ergänzen sich:",
    "Sitz in einem Zielland", "Sitz in der Partnerstadt", "veröffentlicht", "Beide haben mit", "Über Partner von Partnern",
    "Beide aktiv in", "Übereinstimmung:",
];

fn reasons_of(item: &str) -> Vec<&str> {
    let Some(start) = item.find("<ul class=\"reasons\"") else { return Vec::new() };
    let end = item[start..].find("</ul>").map(|e| start + e).unwrap_or(item.len());
    item[start..end].split("<li>").skip(1).map(|li| li.split("</li>").next().unwrap_or_default()).collect()
}

#[tokio::test]
async fn matching_profiles_cross_the_language_border_with_reasons_in_the_readers_language() {
    let w = world().await;
    let app = &w.app;
    let anonymous = app.client();
    let (de, en) = (w.de_profile, w.en_profile);

    // The profile page stays fast: the section loads after it, with a link for browsers without JS.
    let (status, page) = get(app, &anonymous, &format!("/profiles/{de}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("hx-get=\"/profiles/{de}/matches\"")) && page.contains("hx-trigger=\"load\""), "{page}");
    assert!(page.contains(&format!("<a href=\"/profiles/{de}/matches\">Show matching profiles</a>")), "{page}");
    assert!(page.contains(&format!("hx-get=\"/profiles/{de}/research-partners\"")), "technology requests list research partners");
    let (_, offer_page) = get(app, &anonymous, &format!("/profiles/{en}")).await;
    assert!(offer_page.contains(&format!("hx-get=\"/profiles/{en}/matches\"")));
    assert!(!offer_page.contains("research-partners"), "offers list no research partners");

    // The German request finds the English offer, and the other way round.
    let (status, html) = fragment(app, &anonymous, &format!("/profiles/{de}/matches"), false).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("<html"), "htmx gets a fragment");
    assert!(html.contains("<h2 id=\"matches-heading\">Matching profiles</h2>"), "{html}");
    let offer = item(&html, &format!("/profiles/{en}")).unwrap_or_else(|| panic!("the English offer is recommended:\n{html}"));
    assert!(offer.contains(EN_TITLE) && offer.contains("Technology offer"), "{offer}");
    assert!(offer.contains("<meter min=\"0\" max=\"100\" value=\"") && offer.contains("Match: "), "{offer}");
    assert!(offer.contains("An organisation in Birmingham, United Kingdom"), "{offer}");
    let reasons = reasons_of(offer);
    assert!(!reasons.is_empty(), "every recommendation says why: {offer}");
    for reason in &reasons {
        assert!(EN_REASONS.iter().any(|r| reason.contains(r)), "an English reason: {reason:?}");
        assert!(!reason.contains("matching-"), "no message id: {reason:?}");
    }

    let (_, html) = fragment(app, &anonymous, &format!("/profiles/{en}/matches"), true).await;
    assert!(html.contains("<h2 id=\"matches-heading\">Passende Profile</h2>"), "{html}");
    let request = item(&html, &format!("/profiles/{de}")).unwrap_or_else(|| panic!("the German request is recommended:\n{html}"));
    assert!(request.contains("Technologiegesuch") && request.contains("Übereinstimmung: "), "{request}");
    assert!(request.contains("Eine Organisation in Leipzig, Deutschland") || request.contains("Leipzig"), "{request}");
    let reasons = reasons_of(request);
    assert!(!reasons.is_empty(), "{request}");
    for reason in &reasons {
        assert!(DE_REASONS.iter().any(|r| reason.contains(r)), "a German reason: {reason:?}");
    }

    // Without JavaScript the same address is a page of its own, with the way back.
    let (status, page) = get(app, &anonymous, &format!("/profiles/{de}/matches")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<html") && page.contains(&format!("<a href=\"/profiles/{de}\">Back to the profile</a>")), "{page}");
    assert!(page.contains(EN_TITLE), "{page}");

    // Research partners answer too (an empty list says so).
    let (status, html) = fragment(app, &anonymous, &format!("/profiles/{de}/research-partners"), false).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Research partners"), "{html}");
    assert!(html.contains("<ol class=\"results\">") || html.contains("No research partners found yet."), "{html}");
}

#[tokio::test]
async fn owners_of_matching_profiles_stay_anonymous_to_the_public_and_to_unrelated_smes() {
    let w = world().await;
    let app = &w.app;
    let (de, en) = (w.de_profile, w.en_profile);
    let assert_anonymous = |what: &str, body: &str| {
        for secret in [DE_OWNER, "Schenker", "schenker-tech", EN_OWNER, "AtmosVR"] {
            assert!(!body.contains(secret), "{what} shows {secret:?}:\n{body}");
        }
    };
    for (who, client) in [("anonymous", app.client()), ("an unrelated SME", w.outsider.clone())] {
        for (profile, other_title) in [(de, EN_TITLE), (en, DE_TITLE)] {
            let (status, html) = fragment(app, &client, &format!("/profiles/{profile}/matches"), false).await;
            assert_eq!(status, StatusCode::OK);
            assert!(html.contains(other_title), "{who}: the match is listed:\n{html}");
            assert_anonymous(&format!("the fragment for {who}"), &html);
            let (_, page) = get(app, &client, &format!("/profiles/{profile}/matches")).await;
            assert_anonymous(&format!("the page for {who}"), &page);
        }
    }

    // The API: anonymous and with the unrelated SME's token.
    let token = app.api_token(OUTSIDER_EMAIL, PASSWORD).await;
    for auth in [None, Some(token)] {
        let mut request = app.client().get(app.url(&format!("/api/v1/profiles/{de}/matches?limit=20")));
        if let Some(token) = &auth {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("GET matches");
        assert_eq!(response.status(), StatusCode::OK);
        let body = response.text().await.expect("body");
        assert_anonymous("the API", &body);
        let json: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let items = json.as_array().expect("a list");
        let offer = items.iter().find(|i| i["id"] == en.to_string()).unwrap_or_else(|| panic!("the offer is matched: {body}"));
        assert_eq!(offer["profile_type"], "TO");
        assert_eq!(offer["city"], "Birmingham");
        assert!(offer.get("owner_name").is_none(), "{offer}");
        assert!(offer["score"].as_f64().is_some_and(|s| (0.0..=1.0).contains(&s)), "{offer}");
        assert!(offer["reasons"].as_array().is_some_and(|r| !r.is_empty() && r.iter().all(|r| r["kind"].is_string())), "{offer}");
    }
    let response = app.client().get(app.url(&format!("/api/v1/profiles/{de}/matches?limit=0"))).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    // Its own people may know who is behind their profile when it is recommended to others.
    let owner = logged_in(app, DE_OWNER_EMAIL).await;
    let (_, html) = fragment(app, &owner, &format!("/profiles/{en}/matches"), false).await;
    let mine = item(&html, &format!("/profiles/{de}")).unwrap_or_else(|| panic!("{html}"));
    assert!(mine.contains(DE_OWNER), "{mine}");
    assert!(!html.contains("AtmosVR"), "but not who is behind the others: {html}");

    // The endpoints are in the OpenAPI document.
    let (_, doc) = get(app, &app.client(), "/api/v1/openapi.json").await;
    for path in ["/profiles/{id}/matches", "/organisations/{id}/partners", "/programmes/{id}/smes"] {
        assert!(doc.contains(&format!("\"{path}\"")), "{path} documented");
    }
    assert!(doc.contains("RecommendedProfileDto") && doc.contains("ReasonDto"));
}

#[tokio::test]
async fn potential_partners_are_shown_only_to_the_organisation_and_support_staff() {
    let w = world().await;
    let app = &w.app;
    let org = w.de_owner;
    let page_path = format!("/organisations/{org}");
    let partners = format!("/organisations/{org}/partners");

    for email in [DE_OWNER_EMAIL, DE_MANAGER_EMAIL] {
        let client = logged_in(app, email).await;
        let (status, page) = get(app, &client, &page_path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(&format!("hx-get=\"{partners}\"")) && page.contains(&format!("<a href=\"{partners}\">")), "{email}: {page}");
        let (status, html) = fragment(app, &client, &partners, false).await;
        assert_eq!(status, StatusCode::OK, "{email}: {html}");
        assert!(html.contains("Potential partners in Birmingham"), "{email}: {html}");
        assert!(html.contains("<ol class=\"results\">") || html.contains("No potential partners found yet."), "{html}");
    }
    let manager = logged_in(app, DE_MANAGER_EMAIL).await;
    let _ = get(app, &manager, "/locale/de?return_to=/").await;
    let (_, html) = fragment(app, &manager, &partners, false).await;
    assert!(html.contains("Mögliche Partner in Birmingham"), "{html}");

    // Anyone else: no section, and the addresses refuse.
    let anonymous = app.client();
    for (who, client) in [("an unrelated SME", &w.outsider), ("anonymous", &anonymous)] {
        let (status, page) = get(app, client, &page_path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!page.contains(&partners) && !page.contains("Potential partners"), "{who} sees no section: {page}");
    }
    let (status, _) = fragment(app, &w.outsider, &partners, false).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let token = app.api_token(OUTSIDER_EMAIL, PASSWORD).await;
    let api = app.url(&format!("/api/v1/organisations/{org}/partners"));
    let response = app.client().get(&api).bearer_auth(&token).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app.client().get(&api).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let own = app.api_token(DE_OWNER_EMAIL, PASSWORD).await;
    let response = app.client().get(&api).bearer_auth(&own).send().await.expect("GET");
    assert_eq!(response.status(), StatusCode::OK);
    let json: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(json["partner_city"], "Birmingham");
    assert!(json["items"].is_array());
}

#[tokio::test]
async fn programme_pages_show_smes_that_fit_to_the_programme_staff() {
    let w = world().await;
    let app = &w.app;
    let result = tandem_app::directory::programmes::list(&app.app, 1, 100).await.expect("programmes");
    let programme = result.0.iter().find(|p| p.name == "BioCity Leipzig Start-up Support").expect("the BioCity programme").id;
    let page_path = format!("/programmes/{programme}");
    let smes = format!("/programmes/{programme}/smes");

    let manager = logged_in(app, DE_MANAGER_EMAIL).await;
    let (status, page) = get(app, &manager, &page_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("hx-get=\"{smes}\"")), "{page}");
    let (status, html) = fragment(app, &manager, &smes, false).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("SMEs that fit"), "{html}");
    assert!(html.contains("<ol class=\"results\">") || html.contains("No fitting SMEs found yet."), "{html}");
    let (_, html) = fragment(app, &manager, &smes, true).await;
    assert!(html.contains("SMEs that fit") || html.contains("Passende KMU"), "{html}");

    for (who, client) in [("an unrelated SME", w.outsider.clone()), ("anonymous", app.client())] {
        let (status, page) = get(app, &client, &page_path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!page.contains(&smes), "{who} sees no section: {page}");
    }
}

#[tokio::test]
async fn thumbs_need_the_form_token_and_show_the_vote() {
    let w = world().await;
    let app = &w.app;
    let (de, en) = (w.de_profile, w.en_profile);
    let list = format!("/profiles/{de}/matches");
    let target = format!("profile:{en}");

    // Anonymous visitors get no buttons.
    let (_, html) = fragment(app, &app.client(), &list, false).await;
    assert!(html.contains(EN_TITLE) && !html.contains("class=\"vote\""), "{html}");

    let (_, html) = fragment(app, &w.outsider, &list, false).await;
    let offer = item(&html, &format!("/profiles/{en}")).unwrap_or_else(|| panic!("{html}"));
    assert!(offer.contains(&format!("name=\"target\" value=\"{target}\"")), "{offer}");
    assert!(offer.contains("aria-pressed=\"false\"") && !offer.contains("aria-pressed=\"true\""), "{offer}");
    assert!(offer.contains(&format!("<span class=\"visually-hidden\">Useful: {EN_TITLE}</span>")), "{offer}");

    // Without the token: refused, nothing stored.
    let fields = [("subject", format!("profile:{de}")), ("target", target.clone()), ("vote", "up".to_owned()), ("return_to", list.clone())];
    let response = w.outsider.post(app.url("/matching/feedback")).header("origin", &app.base_url).form(&fields).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let (_, html) = fragment(app, &w.outsider, &list, false).await;
    assert!(!html.contains("aria-pressed=\"true\""), "{html}");

    // With it: stored, and back to the list (without JavaScript).
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = post_form(app, &w.outsider, &list, "/matching/feedback", &borrowed).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), list);
    let (_, html) = fragment(app, &w.outsider, &list, false).await;
    let offer = item(&html, &format!("/profiles/{en}")).unwrap_or_else(|| panic!("{html}"));
    let up = offer.find("value=\"up\"").expect("the up button");
    assert!(offer[up..].starts_with("value=\"up\" class=\"thumb\" aria-pressed=\"true\""), "{offer}");

    // htmx swaps the buttons: thumbs down replaces the earlier vote.
    let token = app.csrf(&w.outsider, &list).await;
    let response = w
        .outsider
        .post(app.url("/matching/feedback"))
        .header("origin", &app.base_url)
        .header("hx-request", "true")
        .form(&[("subject", format!("profile:{de}")), ("target", target.clone()), ("vote", "down".into()), ("_csrf", token.clone())])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), StatusCode::OK);
    let swapped = response.text().await.expect("body");
    assert!(swapped.starts_with("<form") && swapped.contains("value=\"down\" class=\"thumb\" aria-pressed=\"true\""), "{swapped}");
    assert!(swapped.contains("role=\"status\""), "{swapped}");
    let (_, html) = fragment(app, &w.outsider, &list, false).await;
    let offer = item(&html, &format!("/profiles/{en}")).unwrap_or_else(|| panic!("{html}"));
    assert!(offer.contains("value=\"down\" class=\"thumb\" aria-pressed=\"true\"") && offer.contains("value=\"up\" class=\"thumb\" aria-pressed=\"false\""), "{offer}");

    // Nonsense is a bad request, not a stored vote.
    let response = w
        .outsider
        .post(app.url("/matching/feedback"))
        .header("origin", &app.base_url)
        .form(&[("subject", "profile:nope"), ("target", target.as_str()), ("vote", "up"), ("_csrf", token.as_str())])
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}
