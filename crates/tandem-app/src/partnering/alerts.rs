//! Saved searches and their alerts (issue 3, item 8): a user saves any marketplace search; a
//! daily or weekly digest emails the profiles published since the last one; every email carries
//! an unsubscribe link that works without logging in.
//!
//! Each digest also carries "recommended for you": new profiles that the matching engine finds
//! for the recipient's organisations' own published profiles, each with one line of reasons
//! (once per user and run, however many searches they have).
//!
//! The digest is safe to run on several app servers at once: each search's window is moved by a
//! conditional update in the same transaction as its email, so when two runs race for a search
//! one wins and the other's transaction (its queued email included) is rolled back.

use super::market::{published_since, MarketQuery};
use crate::mail::profile_messages::{reasons_line, search_alert, AlertItem};
use crate::matching::RecommendedProfile;
use crate::{App, AppError, AppResult};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use rand::RngCore as _;
use std::collections::{HashMap, HashSet};
use tandem_core::account::Locale;
use tandem_core::partnering::{Profile, ProfileState, ProfileType};
use tandem_core::policy::{Actor, Denied};
use tandem_core::validation::{required_text, ValidationErrors};
use tandem_core::{CityId, OrgId, ProfileId, SavedSearchId, UserId};
use tandem_store::saved_searches::{self, SavedSearch};
use tandem_store::{cities, organisations, outbox, profiles, users, Conn};

/// Longest name of a saved search.
pub const NAME_MAX: usize = 100;
/// Most saved searches per user.
pub const MAX_PER_USER: i64 = 20;
/// Most profiles listed in one alert (the email links to all results).
pub const ALERT_LIMIT: i64 = 50;
/// Most "recommended for you" profiles in one alert.
pub const RECOMMENDED_LIMIT: usize = 5;
/// Most of a recipient's own profiles that recommendations are sought for.
const OWN_PROFILES_MAX: usize = 10;
/// Longest stored query (JSON); real queries are far shorter.
const QUERY_MAX: usize = 2_000;
/// Longest unsubscribe token looked up (ours are 43 characters).
const TOKEN_MAX: usize = 100;

/// How often a saved search's digest is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    /// Once a day.
    Daily,
    /// Once a week.
    Weekly,
}

impl Frequency {
    /// Both, in form order.
    pub const ALL: [Frequency; 2] = [Frequency::Daily, Frequency::Weekly];

    /// The stored and submitted key.
    pub fn key(self) -> &'static str {
        match self {
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
        }
    }

    /// The frequency of a key.
    pub fn from_key(key: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|f| f.key() == key.trim())
    }

    /// Time between two digests.
    pub fn period(self) -> Duration {
        match self {
            Frequency::Daily => Duration::days(1),
            Frequency::Weekly => Duration::days(7),
        }
    }
}

/// What one digest run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DigestReport {
    /// Alert emails queued.
    pub sent: usize,
    /// Due searches that got no email: nothing new was published (their window moved on), or
    /// another server handled them first.
    pub skipped: usize,
    /// Due searches that failed (logged; retried on the next run).
    pub failed: usize,
}

/// The marketplace query of a saved search (an unreadable one reads as the empty query).
pub fn query_of(search: &SavedSearch) -> MarketQuery {
    serde_json::from_str(&search.query).unwrap_or_default()
}

/// The frequency of a saved search (unknown keys read as daily).
pub fn frequency_of(search: &SavedSearch) -> Frequency {
    Frequency::from_key(&search.frequency).unwrap_or(Frequency::Daily)
}

/// The query as an address query string (`q=VR%20training&type=TO`), percent-encoded.
pub fn query_string(query: &MarketQuery) -> String {
    query.pairs().into_iter().map(|(k, v)| format!("{k}={}", percent_encode(v.trim()))).collect::<Vec<_>>().join("&")
}

/// The marketplace page of a query (`/marketplace?…`).
pub fn marketplace_path(query: &MarketQuery) -> String {
    let qs = query_string(query);
    if qs.is_empty() { "/marketplace".to_owned() } else { format!("/marketplace?{qs}") }
}

/// Encodes everything but RFC 3986's unreserved characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A profile type's name in `locale` ("Technology offer", "Technologieangebot").
pub fn type_label(locale: Locale, profile_type: ProfileType) -> &'static str {
    use ProfileType::*;
    match (locale, profile_type) {
        (Locale::En, BusinessOffer) => "Business offer",
        (Locale::En, BusinessRequest) => "Business request",
        (Locale::En, TechnologyOffer) => "Technology offer",
        (Locale::En, TechnologyRequest) => "Technology request",
        (Locale::En, ResearchRequest) => "R&D request",
        (Locale::De, BusinessOffer) => "Geschäftsangebot",
        (Locale::De, BusinessRequest) => "Geschäftsgesuch",
        (Locale::De, TechnologyOffer) => "Technologieangebot",
        (Locale::De, TechnologyRequest) => "Technologiegesuch",
        (Locale::De, ResearchRequest) => "F&E-Gesuch",
    }
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Saves `query` for the logged-in actor under `name`, alerting `frequency` (`daily` or
/// `weekly`). Only profiles published from now on are alerted. Alerts go to the account's
/// address, so it must be confirmed first (no one can subscribe someone else's mailbox).
pub async fn save(app: &App, actor: &Actor, name: &str, query: &MarketQuery, frequency: &str) -> AppResult<SavedSearch> {
    let user = actor.user()?;
    if !user.email_verified {
        return Err(Denied::EmailNotVerified.into());
    }
    let mut errors = ValidationErrors::default();
    let name = required_text(&mut errors, "name", name, NAME_MAX);
    let frequency = Frequency::from_key(frequency);
    if frequency.is_none() {
        errors.add("frequency", "invalid_choice", "frequency must be daily or weekly");
    }
    let query_json = serde_json::to_string(query).map_err(|e| AppError::Internal(e.to_string()))?;
    if query_json.chars().count() > QUERY_MAX {
        errors.add("query", "too_long", format!("the search is too long to save; shorten it to at most {QUERY_MAX} characters"));
    }
    let frequency = errors.into_result(frequency)?.unwrap_or(Frequency::Daily);
    let now = Utc::now();
    let mut tx = app.db().begin().await?;
    if saved_searches::count_for_user(tx.conn(), user.id).await? >= MAX_PER_USER {
        return Err(AppError::invalid(
            "name",
            "limit_reached",
            format!("you have {MAX_PER_USER} saved searches already; delete one to save another"),
        ));
    }
    let search = SavedSearch {
        id: SavedSearchId::new(),
        user_id: user.id,
        name,
        query: query_json,
        frequency: frequency.key().to_owned(),
        unsubscribe_token: new_token(),
        last_sent_at: now,
        created_at: now,
    };
    let stored = saved_searches::insert(tx.conn(), &search).await?;
    tx.commit().await?;
    Ok(stored)
}

/// The actor's saved searches, oldest first.
pub async fn list(app: &App, actor: &Actor) -> AppResult<Vec<SavedSearch>> {
    let user = actor.user()?;
    let mut conn = app.db().acquire().await?;
    Ok(saved_searches::for_user(conn.conn(), user.id).await?)
}

/// Deletes one of the actor's own saved searches (`NotFound` for anyone else's).
pub async fn delete(app: &App, actor: &Actor, id: SavedSearchId) -> AppResult<()> {
    let user = actor.user()?;
    let mut tx = app.db().begin().await?;
    if !saved_searches::delete(tx.conn(), id, user.id).await? {
        return Err(AppError::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// The name of the saved search an unsubscribe link is for, if it still exists (changes nothing:
/// the confirmation page shows it before the visitor presses the button).
pub async fn unsubscribe_preview(app: &App, token: &str) -> AppResult<Option<String>> {
    if token.is_empty() || token.len() > TOKEN_MAX {
        return Ok(None);
    }
    let mut conn = app.db().acquire().await?;
    Ok(saved_searches::by_unsubscribe_token(conn.conn(), token).await?.map(|s| s.name))
}

/// Deletes the saved search of an unsubscribe link; no login needed, the token is the proof.
/// Returns its name, or `None` when the link is unknown or was used already (the caller says
/// "already unsubscribed": pressing the button twice is not an error).
pub async fn unsubscribe(app: &App, token: &str) -> AppResult<Option<String>> {
    if token.is_empty() || token.len() > TOKEN_MAX {
        return Ok(None);
    }
    let mut tx = app.db().begin().await?;
    let Some(search) = saved_searches::by_unsubscribe_token(tx.conn(), token).await? else { return Ok(None) };
    let deleted = saved_searches::delete_by_token(tx.conn(), token).await?;
    tx.commit().await?;
    Ok(deleted.then_some(search.name))
}

enum Outcome {
    Sent,
    Skipped,
}

/// Sends the digests due at `now`: for each daily search whose last digest is at least a day
/// old (weekly: a week), the profiles published since then that match it, in one email in the
/// owner's language; a search with nothing new just moves its window on.
pub async fn run_digest(app: &App, now: DateTime<Utc>) -> AppResult<DigestReport> {
    let mut report = DigestReport::default();
    let city_names: HashMap<CityId, String> = {
        let mut conn = app.db().acquire().await?;
        cities::list(conn.conn()).await?.into_iter().map(|c| (c.id, c.name)).collect()
    };
    let mut owner_cities: HashMap<OrgId, String> = HashMap::new();
    let mut recommended_to: HashSet<UserId> = HashSet::new();
    for frequency in Frequency::ALL {
        let due = {
            let mut conn = app.db().acquire().await?;
            saved_searches::due(conn.conn(), frequency.key(), now - frequency.period()).await?
        };
        for search in due {
            let recommend = recommended_to.insert(search.user_id);
            match digest_one(app, &search, now, &city_names, &mut owner_cities, recommend).await {
                Ok(Outcome::Sent) => report.sent += 1,
                Ok(Outcome::Skipped) => report.skipped += 1,
                Err(error) => {
                    tracing::warn!(search = %search.id, %error, "the alert of a saved search could not be sent");
                    report.failed += 1;
                }
            }
        }
    }
    Ok(report)
}

async fn digest_one(
    app: &App,
    search: &SavedSearch,
    now: DateTime<Utc>,
    city_names: &HashMap<CityId, String>,
    owner_cities: &mut HashMap<OrgId, String>,
    recommend: bool,
) -> AppResult<Outcome> {
    let query: MarketQuery = serde_json::from_str(&search.query)
        .map_err(|e| AppError::Internal(format!("saved search {} has an unreadable query: {e}", search.id)))?;
    // The window is (last_sent_at, now]: a profile published while this runs waits for the next.
    let found: Vec<Profile> = published_since(app, &query, search.last_sent_at, ALERT_LIMIT)
        .await?
        .into_iter()
        .filter(|p| p.lifecycle.published_at.is_some_and(|at| at <= now))
        .collect();
    // Recommendations are a bonus: when the engine fails, the search's own results still go out.
    let recommended = if recommend {
        recommended_for(app, search.user_id, search.last_sent_at, now, &found).await.unwrap_or_else(|error| {
            tracing::warn!(user = %search.user_id, %error, "no recommendations for an alert");
            Vec::new()
        })
    } else {
        Vec::new()
    };
    // Everything the email needs is read before the transaction, which stays short.
    let email = if found.is_empty() && recommended.is_empty() {
        None
    } else {
        let mut conn = app.db().acquire().await?;
        match users::get(conn.conn(), search.user_id).await? {
            Some(user) => {
                let mut items = Vec::with_capacity(found.len());
                for profile in &found {
                    let city = owner_city(conn.conn(), profile.owner_org_id, city_names, owner_cities).await?;
                    items.push(AlertItem {
                        title: profile.content.title.clone(),
                        kind_and_city: format!("{} · {city}", type_label(user.locale, profile.content.profile_type)),
                        link: format!("{}/profiles/{}", app.config().base_url, profile.id),
                        why: None,
                    });
                }
                let picks: Vec<AlertItem> = recommended.iter().map(|r| recommended_item(app, user.locale, r)).collect();
                let base = &app.config().base_url;
                let message = search_alert(
                    user.locale,
                    &user.display_name,
                    &search.name,
                    &items,
                    &picks,
                    &format!("{base}{}", marketplace_path(&query)),
                    &format!("{base}/searches/unsubscribe/{}", search.unsubscribe_token),
                );
                Some((user.email.as_str().to_owned(), message))
            }
            None => None,
        }
    };
    let mut tx = app.db().begin().await?;
    if !saved_searches::mark_sent(tx.conn(), search.id, search.last_sent_at, now).await? {
        // Another run moved the window first (and sent the email); dropping the transaction
        // rolls back whatever this one did.
        return Ok(Outcome::Skipped);
    }
    let outcome = match email {
        Some((to, message)) => {
            outbox::enqueue(tx.conn(), &to, &message.subject, &message.body, now).await?;
            Outcome::Sent
        }
        None => Outcome::Skipped,
    };
    tx.commit().await?;
    Ok(outcome)
}

/// New profiles (published in the window `(since, now]`) that match the published profiles of
/// the user's organisations, best first, leaving out those the search found already. Anonymous
/// like the rest of the alert: the owner is never named.
async fn recommended_for(
    app: &App,
    user: UserId,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    found: &[Profile],
) -> AppResult<Vec<RecommendedProfile>> {
    let Some((_, actor)) = crate::auth::actor_for(app, user).await? else { return Ok(Vec::new()) };
    let own_orgs: Vec<OrgId> = match actor.user() {
        Ok(u) => u.memberships.iter().map(|m| m.org_id).collect(),
        Err(_) => return Ok(Vec::new()),
    };
    let mut own_profiles: Vec<ProfileId> = Vec::new();
    {
        let mut conn = app.db().acquire().await?;
        for org in &own_orgs {
            let published = profiles::for_owner(conn.conn(), *org).await?.into_iter().filter(|p| p.lifecycle.state == ProfileState::Published);
            own_profiles.extend(published.map(|p| p.id));
        }
    }
    let mut best: HashMap<ProfileId, RecommendedProfile> = HashMap::new();
    for own in own_profiles.into_iter().take(OWN_PROFILES_MAX) {
        for r in crate::matching::matching_profiles(app, &actor, own, RECOMMENDED_LIMIT * 4).await? {
            if best.get(&r.id).is_none_or(|b| b.score < r.score) {
                best.insert(r.id, r);
            }
        }
    }
    let mut picks = Vec::new();
    let mut conn = app.db().acquire().await?;
    for r in best.into_values() {
        if found.iter().any(|p| p.id == r.id) {
            continue;
        }
        let Some(profile) = profiles::get(conn.conn(), r.id).await? else { continue };
        let new = profile.lifecycle.published_at.is_some_and(|at| at > since && at <= now);
        if new && profile.lifecycle.state == ProfileState::Published && !own_orgs.contains(&profile.owner_org_id) {
            picks.push(r);
        }
    }
    picks.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.title.cmp(&b.title)));
    picks.truncate(RECOMMENDED_LIMIT);
    Ok(picks)
}

/// A recommendation as an alert line, with its reasons in `locale`.
fn recommended_item(app: &App, locale: Locale, r: &RecommendedProfile) -> AlertItem {
    let keywords = app.keywords();
    let keyword = |code: &str| {
        let (taxonomy, bare) = match code.split_once(':') {
            Some(("market", c)) => (&keywords.markets, c),
            Some((_, c)) => (&keywords.technologies, c),
            None => (&keywords.technologies, code),
        };
        match taxonomy.get(bare) {
            Some(e) if locale == Locale::De => e.label_de.clone(),
            Some(e) => e.label_en.clone(),
            None => bare.to_owned(),
        }
    };
    let why = reasons_line(locale, &r.reasons, keyword);
    AlertItem {
        title: r.title.clone(),
        kind_and_city: format!("{} · {}", type_label(locale, r.profile_type), r.city),
        link: format!("{}/profiles/{}", app.config().base_url, r.id),
        why: (!why.is_empty()).then_some(why),
    }
}

/// The city name of an owner organisation, cached for the run.
async fn owner_city(
    conn: Conn<'_>,
    owner: OrgId,
    city_names: &HashMap<CityId, String>,
    cache: &mut HashMap<OrgId, String>,
) -> AppResult<String> {
    if let Some(name) = cache.get(&owner) {
        return Ok(name.clone());
    }
    let name = organisations::get(conn, owner)
        .await?
        .and_then(|org| city_names.get(&org.city_id).cloned())
        .unwrap_or_default();
    cache.insert(owner, name.clone());
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_are_percent_encoded_and_skip_empty_fields() {
        let query = MarketQuery { q: "VR training & more".into(), profile_type: "TO".into(), ..MarketQuery::default() };
        assert_eq!(query_string(&query), "q=VR%20training%20%26%20more&type=TO");
        assert_eq!(marketplace_path(&query), "/marketplace?q=VR%20training%20%26%20more&type=TO");
        assert_eq!(marketplace_path(&MarketQuery::default()), "/marketplace");
        assert_eq!(percent_encode("Größe"), "Gr%C3%B6%C3%9Fe");
    }

    #[test]
    fn frequencies_round_trip_and_tokens_are_url_safe() {
        for f in Frequency::ALL {
            assert_eq!(Frequency::from_key(f.key()), Some(f));
        }
        assert_eq!(Frequency::from_key("hourly"), None);
        let token = new_token();
        assert_eq!(token.len(), 43);
        assert!(token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{token}");
        assert_ne!(token, new_token());
    }

    #[test]
    fn every_type_has_a_name_in_both_languages() {
        for t in ProfileType::ALL {
            assert!(!type_label(Locale::En, *t).is_empty() && !type_label(Locale::De, *t).is_empty());
        }
    }
}
