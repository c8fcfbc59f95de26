//! Profiles for profiles, and profiles for a search text.

use uuid::Uuid;

use crate::analysis::Language;
use crate::explain::Reason;

use super::docs::{ProfileDoc, ProfileMeta};
use super::{freshness, reasons, terms, Engine, Match, Query, Target};

/// How much each context signal can lift a text similarity. Relevance comes first: context only
/// multiplies it, so an irrelevant profile in the partner city never beats a relevant one.
const COMPLEMENT_LIFT: f32 = 0.3;
const PARTNER_CITY_LIFT: f32 = 0.15;
const TARGET_COUNTRY_LIFT: f32 = 0.1;
const FRESHNESS_LIFT: f32 = 0.1;
const MAX_LIFT: f32 = 1.0 + COMPLEMENT_LIFT + PARTNER_CITY_LIFT + TARGET_COUNTRY_LIFT + FRESHNESS_LIFT;
/// "Recent" is worth saying for this many days.
const RECENT_DAYS: i64 = 60;
/// Text candidates fetched per result, before context re-ranks them.
const CANDIDATES_PER_RESULT: usize = 5;
const MIN_CANDIDATES: usize = 50;

impl Engine {
    fn profile_filter<'a>(&'a self, q: &'a Query, exclude_owner: Option<Uuid>, exclude: Option<Uuid>) -> impl Fn(&Uuid) -> bool + 'a {
        move |id: &Uuid| {
            let Some(meta) = self.profile_docs.get(id) else { return false };
            Some(*id) != exclude
                && Some(meta.owner) != exclude_owner
                && q.country.as_ref().is_none_or(|c| c.eq_ignore_ascii_case(&meta.country))
                && q.city.as_ref().is_none_or(|c| meta.city.as_deref() == Some(c.as_str()))
        }
    }

    /// Published profiles of other organisations that match a profile (which need not be
    /// published itself), best first.
    pub fn matching_profiles(&self, doc: &ProfileDoc, q: &Query) -> Vec<Match> {
        let terms = terms::profile_terms(&self.analyzer, doc);
        let query = self.profiles.query_vector(terms.terms.iter().map(|t| (t.key.as_str(), t.weight)));
        let accept = self.profile_filter(q, Some(doc.owner), Some(doc.id));
        let candidates = self.profiles.search(&query, (q.limit * CANDIDATES_PER_RESULT).max(MIN_CANDIDATES), &accept);
        let mut ranked: Vec<Match> = candidates
            .into_iter()
            .filter_map(|(id, similarity)| {
                let meta = self.profile_docs.get(&id)?;
                Some(self.rank_profile(doc, &query, id, meta, similarity, q))
            })
            .collect();
        sort_and_cut(&mut ranked, q.limit);
        ranked
    }

    fn rank_profile(&self, doc: &ProfileDoc, query: &[(u32, f32)], id: Uuid, meta: &ProfileMeta, similarity: f32, q: &Query) -> Match {
        let complement = doc.kind.complement(meta.kind);
        let partner_city = self
            .partner_city_of(doc.city.as_deref())
            .filter(|partner| meta.city.as_deref() == Some(*partner));
        let target_country = if doc.target_countries.iter().any(|c| c.eq_ignore_ascii_case(&meta.country)) {
            Some(meta.country.clone())
        } else if meta.target_countries.iter().any(|c| c.eq_ignore_ascii_case(&doc.country)) {
            Some(doc.country.clone())
        } else {
            None
        };
        let (fresh, days) = freshness(meta.published, q.today);
        let lift = 1.0
            + COMPLEMENT_LIFT * complement
            + PARTNER_CITY_LIFT * f32::from(u8::from(partner_city.is_some()))
            + TARGET_COUNTRY_LIFT * f32::from(u8::from(target_country.is_some()))
            + FRESHNESS_LIFT * fresh;

        let mut reasons = Vec::new();
        if complement > 0.0 {
            reasons.push(Reason::Complementary { this: doc.kind.key().to_owned(), other: meta.kind.key().to_owned() });
        }
        if let Some(stored) = self.profiles.vector(&id) {
            reasons.extend(reasons::text_reasons(&self.profiles, &self.analyzer, &self.surfaces, query, stored));
        }
        if let Some(city) = partner_city {
            reasons.push(Reason::PartnerCity { city: city.to_owned() });
        }
        if let Some(country) = target_country {
            reasons.push(Reason::TargetCountry { country });
        }
        if meta.published.is_some() && days <= RECENT_DAYS {
            reasons.push(Reason::Recent { days });
        }
        Match { target: Target::Profile(id), score: similarity * lift / MAX_LIFT, reasons }
    }

    /// Published profiles for a free-text search in English or German, best first.
    pub fn search_profiles(&self, text: &str, language: Option<Language>, q: &Query) -> Vec<Match> {
        let analysis = self.analyzer.analyze(text, language);
        let query = self.profiles.query_vector(analysis.terms.iter().map(|t| (t.key.as_str(), t.weight)));
        let accept = self.profile_filter(q, None, None);
        let mut ranked: Vec<Match> = self
            .profiles
            .search(&query, (q.limit * CANDIDATES_PER_RESULT).max(MIN_CANDIDATES), &accept)
            .into_iter()
            .filter_map(|(id, similarity)| {
                let meta = self.profile_docs.get(&id)?;
                let (fresh, _) = freshness(meta.published, q.today);
                let stored = self.profiles.vector(&id)?;
                let reasons = reasons::text_reasons(&self.profiles, &self.analyzer, &self.surfaces, &query, stored);
                let score = similarity * (1.0 + FRESHNESS_LIFT * fresh) / (1.0 + FRESHNESS_LIFT);
                Some(Match { target: Target::Profile(id), score, reasons })
            })
            .collect();
        sort_and_cut(&mut ranked, q.limit);
        ranked
    }
}

/// Best first, ties in a stable order, at most `limit`.
pub(crate) fn sort_and_cut(ranked: &mut Vec<Match>, limit: usize) {
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| target_order(&a.target).cmp(&target_order(&b.target))));
    ranked.truncate(limit);
}

fn target_order(target: &Target) -> String {
    match target {
        Target::Profile(id) | Target::Organisation(id) => id.to_string(),
        Target::External(key) => key.clone(),
    }
}
