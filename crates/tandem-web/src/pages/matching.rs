//! Recommendations on pages (issue 4): "matching profiles" and "research partners" on a
//! profile, "potential partners in {partner city}" on an organisation, "SMEs that fit" on a
//! programme, each with the reasons behind it in the reader's language and thumbs up/down.
//!
//! The pages stay fast: each section is a placeholder that htmx fills from a fragment endpoint
//! on load, and the same address serves a whole page (with a link back) to browsers without
//! JavaScript. Who may see what is decided by the use cases in `tandem_app::matching`.

use super::organisations::parse_id;
use super::profiles::{country_name, keyword_label, type_label};
use super::{kind_label, render, safe_next, see_other, Layout};
use crate::ctx::Ctx;
use crate::error::{PageError, PageErrorKind};
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;
use tandem_app::matching::{
    self, FeedbackSubject, FeedbackTarget, Reason, RecommendedOrganisation, RecommendedProfile, SharedTerm,
};
use tandem_core::account::Locale;
use tandem_core::nace::NaceCode;
use tandem_core::partnering::ProfileType;
use tandem_core::{OrgId, ProfileId, ProgrammeId};

/// How many recommendations a section shows.
pub const LIMIT: usize = 10;
/// Where the thumbs post to.
pub const FEEDBACK_PATH: &str = "/matching/feedback";

// ---------------------------------------------------------------------------------------------
// What the templates show.

/// One recommendation.
pub(crate) struct RecItem {
    /// Profile title or organisation name.
    pub title: String,
    /// Its page, when it has one.
    pub href: Option<String>,
    /// (CSS type slug or "", label): the profile type or the organisation kind.
    pub badge: Option<(&'static str, String)>,
    /// Who and where: the owner's name when the reader may know it, else city and country.
    pub who: String,
    /// Score in percent.
    pub score: u32,
    /// The score in words ("Match: 72 %").
    pub score_text: String,
    /// Why, strongest first, in the reader's language.
    pub reasons: Vec<String>,
    /// Thumbs up/down, for logged-in readers.
    pub vote: Option<VoteForm>,
}

/// The thumbs of one recommendation.
pub(crate) struct VoteForm {
    /// Translator.
    pub t: Tr,
    /// Element id (the htmx swap target).
    pub id: String,
    /// `profile:…`, `organisation:…` or `programme:…`: the page it is shown on.
    pub subject: String,
    /// `profile:…`, `organisation:…` or `external:…`: what was recommended.
    pub target: String,
    /// Where the form returns to without JavaScript.
    pub return_to: String,
    /// Form token.
    pub csrf: String,
    /// The recommendation's title, for screen readers.
    pub title: String,
    /// Thumbs up given.
    pub up: bool,
    /// Thumbs down given.
    pub down: bool,
    /// Answering the vote itself (show the thank-you).
    pub just_voted: bool,
}

/// A section of recommendations.
pub(crate) struct RecSection {
    /// Translator.
    pub t: Tr,
    /// Element id of the section (`matches`, `research-partners`, `partners`, `smes`).
    pub id: &'static str,
    /// Heading.
    pub heading: String,
    /// A line under the heading.
    pub intro: String,
    /// What to say when there is nothing.
    pub empty: String,
    /// The recommendations, best first.
    pub items: Vec<RecItem>,
}

#[derive(Template)]
#[template(path = "_recommendations.html")]
struct SectionFragment {
    s: RecSection,
}

#[derive(Template)]
#[template(path = "recommendations.html")]
struct SectionPage {
    l: Layout,
    back_href: String,
    back_label: String,
    s: RecSection,
}

#[derive(Template)]
#[template(path = "_vote.html")]
struct VoteFragment {
    v: VoteForm,
}

/// The section as an htmx fragment, or as a page of its own for browsers without JavaScript.
fn respond(ctx: &Ctx, s: RecSection, back_href: String, back_label: String) -> Result<Response, PageError> {
    if ctx.htmx {
        return render(ctx.t, StatusCode::OK, &SectionFragment { s });
    }
    let title = s.heading.clone();
    render(ctx.t, StatusCode::OK, &SectionPage { l: Layout::new(ctx, title), back_href, back_label, s })
}

// ---------------------------------------------------------------------------------------------
// Reasons in words.

/// "a, b and c" / "a, b und c".
fn join_list(t: Tr, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} {} {last}", head.join(", "), t.get("matching-and")),
    }
}

/// A bilingual term in the reader's language.
fn term(t: Tr, term: &SharedTerm) -> String {
    match t.locale {
        Locale::De => term.de.clone(),
        Locale::En => term.en.clone(),
    }
}

/// "Medizintechnik ↔ medical devices": the reader's language first; one word when both agree.
fn term_pair(t: Tr, term: &SharedTerm) -> String {
    let (first, second) = match t.locale {
        Locale::De => (&term.de, &term.en),
        Locale::En => (&term.en, &term.de),
    };
    if first.eq_ignore_ascii_case(second) { first.clone() } else { format!("{first} ↔ {second}") }
}

/// A keyword (`market:…`, `technology:…`, or a bare code) by its taxonomy label.
fn keyword(state: &AppState, t: Tr, code: &str) -> String {
    let keywords = state.app.keywords();
    match code.split_once(':') {
        Some(("market", c)) => keyword_label(t, &keywords.markets, c),
        Some(("technology", c)) => keyword_label(t, &keywords.technologies, c),
        _ if keywords.markets.get(code).is_some() => keyword_label(t, &keywords.markets, code),
        _ => keyword_label(t, &keywords.technologies, code),
    }
}

/// A profile type key (or `research`) in words.
fn side_label(t: Tr, key: &str) -> String {
    match ProfileType::parse(key) {
        Some(kind) => type_label(t, kind),
        None => t.get("matching-side-research"),
    }
}

fn text(value: String) -> FluentValue<'static> {
    FluentValue::from(value)
}

/// "… X, Y and 3 others": `key` names some partners, `key-more` adds how many more there are.
fn named_partners(t: Tr, key: &str, names: &[String], count: usize) -> String {
    let list = text(join_list(t, names));
    match count.saturating_sub(names.len()) {
        0 => t.args(key, &[("names", list)]),
        others => {
            let others = i64::try_from(others).unwrap_or(i64::MAX);
            t.args(&format!("{key}-more"), &[("names", list), ("count", FluentValue::from(others))])
        }
    }
}

/// One reason in the reader's language.
pub(crate) fn reason_text(state: &AppState, t: Tr, reason: &Reason) -> String {
    let items = |list: Vec<String>| join_list(t, &list);
    match reason {
        Reason::SharedConcepts { concepts } => {
            t.args("matching-reason-concepts", &[("items", text(items(concepts.iter().map(|c| term(t, c)).collect())))])
        }
        Reason::SharedWords { words } => {
            t.args("matching-reason-words", &[("items", text(items(words.iter().map(|w| term_pair(t, w)).collect())))])
        }
        Reason::SharedKeywords { codes } => {
            t.args("matching-reason-keywords", &[("items", text(items(codes.iter().map(|c| keyword(state, t, c)).collect())))])
        }
        Reason::SameActivity { code } => {
            let label = NaceCode::parse(code).ok().map(|c| super::nace_label(t, state.app.nace(), &c)).unwrap_or_default();
            if label.is_empty() {
                t.args("matching-reason-activity-code", &[("code", text(code.clone()))])
            } else {
                t.args("matching-reason-activity", &[("code", text(code.clone())), ("label", text(label))])
            }
        }
        Reason::Complementary { this, other } => t.args(
            "matching-reason-complementary",
            &[("this", text(side_label(t, this))), ("other", text(side_label(t, other)))],
        ),
        Reason::TargetCountry { country } => t.args("matching-reason-target-country", &[("country", text(country_name(t, country)))]),
        Reason::PartnerCity { city } => t.args("matching-reason-partner-city", &[("city", text(city.clone()))]),
        Reason::Recent { days } => t.args("matching-reason-recent", &[("count", FluentValue::from((*days).max(0)))]),
        Reason::SharedPartners { keys, count } => named_partners(t, "matching-reason-partners", keys, *count),
        Reason::PartnersOfPartners { keys, .. } if keys.is_empty() => t.get("matching-reason-partners-of-partners"),
        Reason::PartnersOfPartners { keys, count } => named_partners(t, "matching-reason-partners-of-partners-via", keys, *count),
        Reason::SharedAreas { areas } => t.args("matching-reason-areas", &[("items", text(items(areas.clone())))]),
    }
}

// ---------------------------------------------------------------------------------------------
// From the use cases' results to items.

/// Score 0..=1 as a whole percentage.
pub(crate) fn percent(score: f32) -> u32 {
    if score.is_finite() { (score.clamp(0.0, 1.0) * 100.0).round() as u32 } else { 0 }
}

/// What a vote form needs to know besides the recommendation.
pub(crate) struct VoteContext<'a> {
    ctx: &'a Ctx,
    subject: String,
    return_to: String,
}

impl<'a> VoteContext<'a> {
    fn new(ctx: &'a Ctx, subject: FeedbackSubject, return_to: String) -> VoteContext<'a> {
        VoteContext { ctx, subject: subject_key(subject), return_to }
    }

    fn form(&self, target: String, title: &str, vote: Option<bool>) -> Option<VoteForm> {
        self.ctx.logged_in().then(|| VoteForm {
            t: self.ctx.t,
            id: dom_id(&target),
            subject: self.subject.clone(),
            target,
            return_to: self.return_to.clone(),
            csrf: self.ctx.csrf.clone(),
            title: title.to_owned(),
            up: vote == Some(true),
            down: vote == Some(false),
            just_voted: false,
        })
    }
}

fn profile_item(state: &AppState, votes: &VoteContext<'_>, r: &RecommendedProfile) -> RecItem {
    let t = votes.ctx.t;
    let place = format!("{}, {}", r.city, country_name(t, &r.country));
    let who = match &r.owner_name {
        Some(name) => format!("{name} · {place}"),
        None => t.with("profile-owner-anonymous", "city", place),
    };
    let score = percent(r.score);
    RecItem {
        title: r.title.clone(),
        href: Some(format!("/profiles/{}", r.id)),
        badge: Some((r.profile_type.slug(), type_label(t, r.profile_type))),
        who,
        score,
        score_text: t.with("matching-score", "count", score),
        reasons: r.reasons.iter().map(|reason| reason_text(state, t, reason)).collect(),
        vote: votes.form(target_key(&FeedbackTarget::Profile(r.id)), &r.title, r.vote),
    }
}

fn org_item(state: &AppState, votes: &VoteContext<'_>, r: &RecommendedOrganisation) -> RecItem {
    let t = votes.ctx.t;
    let place: Vec<String> = [r.city.clone(), r.country.as_deref().map(|c| country_name(t, c))].into_iter().flatten().collect();
    let target = match r.id {
        Some(id) => FeedbackTarget::Organisation(id),
        None => FeedbackTarget::External(r.key.clone()),
    };
    let score = percent(r.score);
    RecItem {
        title: r.name.clone(),
        href: r.id.map(|id| format!("/organisations/{id}")),
        badge: Some(match r.kind {
            Some(kind) => ("", kind_label(t, kind)),
            None => ("", t.get("matching-research-organisation")),
        }),
        who: place.join(", "),
        score,
        score_text: t.with("matching-score", "count", score),
        reasons: r.reasons.iter().map(|reason| reason_text(state, t, reason)).collect(),
        vote: votes.form(target_key(&target), &r.name, r.vote),
    }
}

// ---------------------------------------------------------------------------------------------
// Feedback keys: `kind:id` in forms.

fn subject_key(subject: FeedbackSubject) -> String {
    match subject {
        FeedbackSubject::Profile(id) => format!("profile:{id}"),
        FeedbackSubject::Organisation(id) => format!("organisation:{id}"),
        FeedbackSubject::Programme(id) => format!("programme:{id}"),
    }
}

fn parse_subject(raw: &str) -> Option<FeedbackSubject> {
    let (kind, id) = raw.trim().split_once(':')?;
    match kind {
        "profile" => id.parse().ok().map(FeedbackSubject::Profile),
        "organisation" => id.parse().ok().map(FeedbackSubject::Organisation),
        "programme" => id.parse().ok().map(FeedbackSubject::Programme),
        _ => None,
    }
}

fn target_key(target: &FeedbackTarget) -> String {
    match target {
        FeedbackTarget::Profile(id) => format!("profile:{id}"),
        FeedbackTarget::Organisation(id) => format!("organisation:{id}"),
        FeedbackTarget::External(key) => format!("external:{key}"),
    }
}

/// Longest external key accepted (PICs have 9 digits; directory ids are UUIDs).
const EXTERNAL_KEY_MAX: usize = 100;

fn parse_target(raw: &str) -> Option<FeedbackTarget> {
    let (kind, id) = raw.trim().split_once(':')?;
    match kind {
        "profile" => id.parse().ok().map(FeedbackTarget::Profile),
        "organisation" => id.parse().ok().map(FeedbackTarget::Organisation),
        "external" if !id.is_empty() && id.len() <= EXTERNAL_KEY_MAX && !id.chars().any(char::is_control) => {
            Some(FeedbackTarget::External(id.to_owned()))
        }
        _ => None,
    }
}

/// An element id for a target: letters, digits and dashes only.
fn dom_id(target: &str) -> String {
    let cleaned: String = target.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("vote-{cleaned}")
}

/// The page a subject's recommendations are listed on without JavaScript.
fn subject_list_path(subject: FeedbackSubject) -> String {
    match subject {
        FeedbackSubject::Profile(id) => format!("/profiles/{id}/matches"),
        FeedbackSubject::Organisation(id) => format!("/organisations/{id}/partners"),
        FeedbackSubject::Programme(id) => format!("/programmes/{id}/smes"),
    }
}

// ---------------------------------------------------------------------------------------------
// Handlers.

/// `GET /profiles/{id}/matches`: published profiles of other organisations that match.
pub async fn profile_matches(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: ProfileId = parse_id(t, &id)?;
    let found = matching::matching_profiles(&state.app, &ctx.actor, id, LIMIT).await.map_err(|e| ctx.fail(e))?;
    let votes = VoteContext::new(&ctx, FeedbackSubject::Profile(id), format!("/profiles/{id}/matches"));
    let s = RecSection {
        t,
        id: "matches",
        heading: t.get("matching-profiles"),
        intro: t.get("matching-profiles-intro"),
        empty: t.get("matching-profiles-empty"),
        items: found.iter().map(|r| profile_item(&state, &votes, r)).collect(),
    };
    respond(&ctx, s, format!("/profiles/{id}"), t.get("matching-back-to-profile"))
}

/// `GET /profiles/{id}/research-partners`: organisations doing research on what an R&D or
/// technology request is about.
pub async fn profile_research_partners(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: ProfileId = parse_id(t, &id)?;
    let found = matching::research_partners(&state.app, &ctx.actor, id, LIMIT).await.map_err(|e| ctx.fail(e))?;
    let votes = VoteContext::new(&ctx, FeedbackSubject::Profile(id), format!("/profiles/{id}/research-partners"));
    let s = RecSection {
        t,
        id: "research-partners",
        heading: t.get("matching-research-partners"),
        intro: t.get("matching-research-partners-intro"),
        empty: t.get("matching-research-partners-empty"),
        items: found.iter().map(|r| org_item(&state, &votes, r)).collect(),
    };
    respond(&ctx, s, format!("/profiles/{id}"), t.get("matching-back-to-profile"))
}

/// `GET /organisations/{id}/partners`: new partners in the partner city (the organisation's own
/// people, support staff and platform admins).
pub async fn organisation_partners(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: OrgId = parse_id(t, &id)?;
    let found = matching::potential_partners(&state.app, &ctx.actor, id, LIMIT).await.map_err(|e| ctx.fail(e))?;
    let votes = VoteContext::new(&ctx, FeedbackSubject::Organisation(id), format!("/organisations/{id}/partners"));
    let heading = match &found.partner_city {
        Some(city) => t.with("matching-partners-in", "city", city),
        None => t.get("matching-partners"),
    };
    let s = RecSection {
        t,
        id: "partners",
        heading,
        intro: t.get("matching-partners-intro"),
        empty: if found.partner_city.is_some() { t.get("matching-partners-empty") } else { t.get("matching-partners-no-twin") },
        items: found.items.iter().map(|r| org_item(&state, &votes, r)).collect(),
    };
    respond(&ctx, s, format!("/organisations/{id}"), t.get("matching-back-to-organisation"))
}

/// `GET /programmes/{id}/smes`: SMEs and start-ups that fit a programme (its organisation's staff
/// and support staff).
pub async fn programme_smes(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let t = ctx.t;
    let id: ProgrammeId = parse_id(t, &id)?;
    let found = matching::smes_for_programme(&state.app, &ctx.actor, id, LIMIT).await.map_err(|e| ctx.fail(e))?;
    let votes = VoteContext::new(&ctx, FeedbackSubject::Programme(id), format!("/programmes/{id}/smes"));
    let s = RecSection {
        t,
        id: "smes",
        heading: t.get("matching-smes"),
        intro: t.get("matching-smes-intro"),
        empty: t.get("matching-smes-empty"),
        items: found.iter().map(|r| org_item(&state, &votes, r)).collect(),
    };
    respond(&ctx, s, format!("/programmes/{id}"), t.get("matching-back-to-programme"))
}

/// The thumbs form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FeedbackForm {
    _csrf: String,
    subject: String,
    target: String,
    /// `up` or `down`.
    vote: String,
    /// The list page to return to without JavaScript (local paths only).
    return_to: String,
    /// The recommendation's title (for the re-rendered buttons' labels).
    title: String,
}

/// `POST /matching/feedback`: stores a thumbs up or down. htmx gets the buttons back with the
/// vote pressed; without JavaScript the browser returns to the list.
pub async fn feedback(State(state): State<AppState>, ctx: Ctx, axum::Form(form): axum::Form<FeedbackForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    let t = ctx.t;
    let bad = || PageError::new(t, PageErrorKind::BadRequest(t.get("matching-feedback-invalid")));
    let subject = parse_subject(&form.subject).ok_or_else(bad)?;
    let target = parse_target(&form.target).ok_or_else(bad)?;
    let up = match form.vote.trim() {
        "up" => true,
        "down" => false,
        _ => return Err(bad()),
    };
    matching::record_feedback(&state.app, &ctx.actor, subject, target.clone(), up).await.map_err(|e| ctx.fail(e))?;
    let return_to = match form.return_to.trim() {
        "" => subject_list_path(subject),
        other => safe_next(Some(other)),
    };
    if !ctx.htmx {
        ctx.flash(t.get("matching-feedback-thanks")).await;
        return Ok(see_other(&return_to));
    }
    let target = target_key(&target);
    let v = VoteForm {
        t,
        id: dom_id(&target),
        subject: subject_key(subject),
        target,
        return_to,
        csrf: ctx.csrf.clone(),
        title: form.title.chars().take(tandem_core::partnering::TITLE_MAX).collect(),
        up,
        down: !up,
        just_voted: true,
    };
    render(t, StatusCode::OK, &VoteFragment { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_keys_round_trip_and_reject_nonsense() {
        let p = ProfileId::new();
        assert_eq!(parse_subject(&subject_key(FeedbackSubject::Profile(p))), Some(FeedbackSubject::Profile(p)));
        let o = OrgId::new();
        assert_eq!(parse_target(&target_key(&FeedbackTarget::Organisation(o))), Some(FeedbackTarget::Organisation(o)));
        assert_eq!(parse_target("external:999888777"), Some(FeedbackTarget::External("999888777".into())));
        for bad in ["", "profile", "profile:nope", "external:", "user:1", "programme:x"] {
            assert_eq!(parse_target(bad), None, "{bad}");
            assert_eq!(parse_subject(bad), None, "{bad}");
        }
        assert!(dom_id("external:9 9\"<").chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }

    #[test]
    fn scores_are_whole_percentages() {
        assert_eq!(percent(0.724), 72);
        assert_eq!(percent(1.7), 100);
        assert_eq!(percent(-1.0), 0);
        assert_eq!(percent(f32::NAN), 0);
    }

    #[test]
    fn lists_and_word_pairs_read_naturally() {
        let (en, de) = (Tr::new(Locale::En), Tr::new(Locale::De));
        let items = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        assert_eq!(join_list(en, &items), "a, b and c");
        assert_eq!(join_list(de, &items), "a, b und c");
        let word = SharedTerm { en: "medical devices".into(), de: "Medizintechnik".into() };
        assert_eq!(term_pair(de, &word), "Medizintechnik ↔ medical devices");
        assert_eq!(term_pair(en, &word), "medical devices ↔ Medizintechnik");
        let same = SharedTerm { en: "Robotik".into(), de: "robotik".into() };
        assert_eq!(term_pair(en, &same), "Robotik");
    }

    #[test]
    fn every_matching_message_exists_in_both_languages() {
        for locale in [Locale::En, Locale::De] {
            for key in MESSAGE_KEYS {
                assert!(Tr::has(locale, key), "{key} in {}", locale.key());
            }
        }
    }

    /// Every message of matching.ftl used through `Tr::args` (the key scan sees only `get`,
    /// `with` and `count`).
    const MESSAGE_KEYS: [&str; 15] = [
        "matching-reason-concepts",
        "matching-reason-words",
        "matching-reason-keywords",
        "matching-reason-activity",
        "matching-reason-activity-code",
        "matching-reason-complementary",
        "matching-reason-target-country",
        "matching-reason-partner-city",
        "matching-reason-recent",
        "matching-reason-partners",
        "matching-reason-partners-more",
        "matching-reason-areas",
        "matching-reason-partners-of-partners",
        "matching-reason-partners-of-partners-via",
        "matching-reason-partners-of-partners-via-more",
    ];
}
