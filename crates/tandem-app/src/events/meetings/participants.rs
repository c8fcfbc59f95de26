//! The participant directory of an event and the recommended participants (issue 5, item 2:
//! "browse and filter participants; recommended participants (from the matching engine)").
//!
//! Participants see each other's name, organisation and the published profiles they brought —
//! never the registration's secrets (check-in code, calendar token). Recommendations ask the
//! matching engine for partners of the participant's organisation and for profiles matching
//! the profiles they brought, and keep the other participants among the answers; without an
//! organisation or profile the engine cannot speak, and shared sectors rank instead.

use super::{event, now, organiser, participant, TxError};
use crate::matching::Reason;
use crate::{App, AppResult};
use std::collections::{BTreeSet, HashMap};
use tandem_core::directory::OrgKind;
use tandem_core::events::event::Event;
use tandem_core::events::registration::Registration;
use tandem_core::events::{Attendance, MeetingState, RegistrationState};
use tandem_core::nace::NaceCode;
use tandem_core::policy::Actor;
use tandem_core::text::{fold, search_terms};
use tandem_core::{CityId, EventId, MeetingId, OrgId, ProfileId, RegistrationId};
use tandem_match::{Query, Target};
use tandem_store::meetings;
pub use tandem_store::meetings::BroughtProfile;
use tandem_store::registrations::{self, RegistrationFilter};
use tandem_store::{profiles, Conn};

/// How the directory is filtered; `None` parts do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParticipantFilter {
    /// Every word in the name, the organisation's name or a brought profile's title.
    pub text: Option<String>,
    /// Organisations in this city.
    pub city: Option<CityId>,
    /// Organisations of this kind.
    pub kind: Option<OrgKind>,
    /// This attendance.
    pub attendance: Option<Attendance>,
    /// NACE section letter (A–U) of the organisation's or a brought profile's activities.
    pub sector: Option<char>,
}

/// The actor's open request or meeting with a participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenWithMe {
    /// The request or meeting.
    pub meeting: MeetingId,
    /// Requested or accepted.
    pub state: MeetingState,
    /// The actor sent it.
    pub outgoing: bool,
}

/// A participant as other participants see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantCard {
    /// Their registration (the id requests name).
    pub id: RegistrationId,
    /// Name.
    pub name: String,
    /// Onsite or remote.
    pub attendance: Attendance,
    /// Their own table, if they have a booth.
    pub booth: Option<i32>,
    /// The organisation they come for.
    pub org_id: Option<OrgId>,
    /// Its name.
    pub org_name: Option<String>,
    /// Its kind.
    pub org_kind: Option<OrgKind>,
    /// Its city.
    pub city_id: Option<CityId>,
    /// The city's name.
    pub city_name: Option<String>,
    /// NACE codes of the organisation and the brought profiles.
    pub nace: Vec<String>,
    /// NACE sections of those codes.
    pub sectors: Vec<char>,
    /// Published profiles they brought.
    pub profiles: Vec<BroughtProfile>,
    /// The actor's open request or meeting with them.
    pub open_with_me: Option<OpenWithMe>,
    /// This is the actor.
    pub is_me: bool,
}

/// The directory of an event's approved participants.
#[derive(Debug, Clone)]
pub struct Directory {
    /// The event.
    pub event: Event,
    /// The actor's registration (None: an organiser who does not take part).
    pub me: Option<Registration>,
    /// The participants that pass the filter, by name.
    pub items: Vec<ParticipantCard>,
    /// Approved participants in all.
    pub total: usize,
    /// Cities, kinds and sectors present among all participants, for the filter's choices.
    pub cities: Vec<(CityId, String)>,
    /// Organisation kinds present.
    pub kinds: Vec<OrgKind>,
    /// NACE sections present.
    pub sectors: Vec<char>,
}

/// Every approved participant's card, as `me` sees them.
async fn cards(mut conn: Conn<'_>, app: &App, event: EventId, me: Option<&Registration>) -> Result<Vec<ParticipantCard>, TxError> {
    let filter = RegistrationFilter { states: vec![RegistrationState::Approved], ..Default::default() };
    let listed = registrations::list(conn.reborrow(), event, &filter).await?;
    let mut brought: HashMap<RegistrationId, Vec<BroughtProfile>> = HashMap::new();
    for p in meetings::brought_profiles(conn.reborrow(), event).await? {
        brought.entry(p.registration_id).or_default().push(p);
    }
    let mut nace: HashMap<RegistrationId, BTreeSet<String>> = HashMap::new();
    for (r, code) in meetings::participant_nace(conn.reborrow(), event).await? {
        nace.entry(r).or_default().insert(code);
    }
    let kinds: HashMap<RegistrationId, OrgKind> = meetings::participant_org_kinds(conn.reborrow(), event)
        .await?
        .into_iter()
        .filter_map(|(r, k)| Some((r, OrgKind::from_key(&k)?)))
        .collect();
    let mut open: HashMap<RegistrationId, OpenWithMe> = HashMap::new();
    if let Some(me) = me {
        let now = now();
        for m in meetings::for_registration(conn, me.id).await? {
            let overdue = m.meeting.expires_at.is_some_and(|at| at <= now);
            if m.meeting.state == MeetingState::Accepted || (m.meeting.state == MeetingState::Requested && !overdue) {
                open.insert(m.partner_id, OpenWithMe { meeting: m.meeting.id, state: m.meeting.state, outgoing: m.outgoing });
            }
        }
    }
    Ok(listed
        .into_iter()
        .map(|l| {
            let r = l.registration;
            let codes: Vec<String> = nace.remove(&r.id).map(|s| s.into_iter().collect()).unwrap_or_default();
            let mut sectors: Vec<char> =
                codes.iter().filter_map(|c| NaceCode::parse(c).ok()).filter_map(|c| app.nace().get(&c).map(|e| e.section)).collect();
            sectors.sort_unstable();
            sectors.dedup();
            ParticipantCard {
                is_me: me.is_some_and(|m| m.id == r.id),
                open_with_me: open.get(&r.id).copied(),
                profiles: brought.remove(&r.id).unwrap_or_default(),
                org_kind: kinds.get(&r.id).copied(),
                id: r.id,
                name: r.display_name,
                attendance: r.attendance,
                booth: r.booth_table,
                org_id: r.org_id,
                org_name: l.org_name,
                city_id: l.city_id,
                city_name: l.city_name,
                nace: codes,
                sectors,
            }
        })
        .collect())
}

fn passes(card: &ParticipantCard, filter: &ParticipantFilter, words: &[String]) -> bool {
    let text_ok = words.is_empty() || {
        let mut text = format!("{} {}", card.name, card.org_name.as_deref().unwrap_or_default());
        for p in &card.profiles {
            text.push(' ');
            text.push_str(&p.title);
        }
        let text = fold(&text);
        words.iter().all(|w| text.contains(w.as_str()))
    };
    text_ok
        && filter.city.is_none_or(|c| card.city_id == Some(c))
        && filter.kind.is_none_or(|k| card.org_kind == Some(k))
        && filter.attendance.is_none_or(|a| card.attendance == a)
        && filter.sector.is_none_or(|s| card.sectors.contains(&s.to_ascii_uppercase()))
}

/// The actor's registration, or — for an organiser who does not take part — None; anyone else
/// is refused.
async fn viewer(mut conn: Conn<'_>, actor: &Actor, event: EventId) -> Result<Option<Registration>, TxError> {
    match participant(conn.reborrow(), actor, event).await {
        Ok(me) => Ok(Some(me)),
        Err(refused) => match organiser(conn, actor, event).await {
            Ok(_) => Ok(None),
            Err(_) => Err(refused),
        },
    }
}

/// The approved participants of `event_id` that pass `filter`, for its participants and
/// organisers.
pub async fn browse(app: &App, actor: &Actor, event_id: EventId, filter: &ParticipantFilter) -> AppResult<Directory> {
    let mut conn = app.db().acquire().await?;
    let event = event(conn.conn(), event_id).await?;
    let me = viewer(conn.conn(), actor, event_id).await?;
    let all = cards(conn.conn(), app, event_id, me.as_ref()).await?;
    let mut cities: Vec<(CityId, String)> = all.iter().filter_map(|c| Some((c.city_id?, c.city_name.clone()?))).collect();
    cities.sort_by(|a, b| a.1.cmp(&b.1));
    cities.dedup();
    let mut kinds: Vec<OrgKind> = all.iter().filter_map(|c| c.org_kind).collect();
    kinds.sort_by_key(|k| OrgKind::ALL.iter().position(|x| x == k));
    kinds.dedup();
    let mut sectors: Vec<char> = all.iter().flat_map(|c| c.sectors.iter().copied()).collect();
    sectors.sort_unstable();
    sectors.dedup();
    let words = filter.text.as_deref().map(search_terms).unwrap_or_default();
    let total = all.len();
    let items = all.into_iter().filter(|c| passes(c, filter, &words)).collect();
    Ok(Directory { event, me, items, total, cities, kinds, sectors })
}

/// A participant recommended to meet, with the engine's reasons.
#[derive(Debug, Clone)]
pub struct Recommended {
    /// The participant.
    pub card: ParticipantCard,
    /// Score in 0..=1.
    pub score: f32,
    /// Why, strongest first.
    pub reasons: Vec<Reason>,
    /// The brought profile of theirs that matched one of the actor's, if that is why.
    pub profile: Option<ProfileId>,
}

/// The best score found so far per participant, with its reasons and the profile concerned.
type Best = HashMap<RegistrationId, (f32, Vec<Reason>, Option<ProfileId>)>;

/// Keeps `score` for participant `r` if it beats what they had.
fn offer(best: &mut Best, r: RegistrationId, score: f32, reasons: Vec<Reason>, profile: Option<ProfileId>) {
    let entry = best.entry(r).or_insert((f32::MIN, Vec::new(), None));
    if score > entry.0 {
        *entry = (score, shareable(reasons), profile);
    }
}

/// Candidates asked of the engine per question: enough to reach every participant of a large
/// event among the directory's organisations and profiles.
const CANDIDATES: usize = 2_000;

/// Reasons a participant may see: graph reasons name partners through introductions and
/// agreements, which only the recommendation pages may resolve for privileged readers; the
/// text, sector and context reasons are safe.
fn shareable(reasons: Vec<Reason>) -> Vec<Reason> {
    reasons.into_iter().filter(|r| !matches!(r, Reason::SharedPartners { .. } | Reason::PartnersOfPartners { .. })).collect()
}

/// Other participants of `event_id` the actor should meet, best first: the matching engine's
/// partners for the actor's organisation and matches for the profiles they brought; without
/// either (or with no answer) participants sharing the actor's sectors. Those the actor already
/// has an open request or meeting with are left out.
pub async fn recommended(app: &App, actor: &Actor, event_id: EventId, limit: usize) -> AppResult<Vec<Recommended>> {
    let (me, all, my_profiles) = {
        let mut conn = app.db().acquire().await?;
        event(conn.conn(), event_id).await?;
        let me = participant(conn.conn(), actor, event_id).await?;
        let all = cards(conn.conn(), app, event_id, Some(&me)).await?;
        let mut my_profiles = Vec::new();
        for id in registrations::profiles(conn.conn(), me.id).await? {
            if let Some(p) = profiles::get(conn.conn(), id).await? {
                my_profiles.push(p);
            }
        }
        (me, all, my_profiles)
    };
    let candidates: Vec<&ParticipantCard> = all.iter().filter(|c| !c.is_me && c.open_with_me.is_none()).collect();
    let mut best = Best::new();
    {
        let state = app.matching().current(app).await?;
        let q = Query::new(CANDIDATES, now().date_naive());
        let my_org = me.org_id.and_then(|o| state.orgs.get(&o.0));
        if let Some(info) = my_org {
            for m in state.engine.partners_for_key(&info.graph_key, &q).unwrap_or_default() {
                let Target::Organisation(org) = m.target else { continue };
                for c in candidates.iter().filter(|c| c.org_id == Some(OrgId(org))) {
                    offer(&mut best, c.id, m.score, m.reasons.clone(), None);
                }
            }
        }
        for p in &my_profiles {
            let city = state.city_of(p.owner_org_id.0);
            let doc = crate::matching::documents::profile_doc(p, city);
            for m in state.engine.matching_profiles(&doc, &q) {
                let Target::Profile(found) = m.target else { continue };
                for c in candidates.iter().filter(|c| c.profiles.iter().any(|b| b.profile_id.0 == found)) {
                    offer(&mut best, c.id, m.score, m.reasons.clone(), Some(ProfileId(found)));
                }
            }
        }
    }
    if best.is_empty() {
        sector_fit(&all, &me, &candidates, &mut best);
    }
    let by_id: HashMap<RegistrationId, &ParticipantCard> = candidates.iter().map(|c| (c.id, *c)).collect();
    let mut out: Vec<Recommended> = best
        .into_iter()
        .filter_map(|(id, (score, reasons, profile))| Some(Recommended { card: (*by_id.get(&id)?).clone(), score, reasons, profile }))
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.card.name.cmp(&b.card.name)));
    out.truncate(limit.max(1));
    Ok(out)
}

/// Participants sharing NACE divisions with the actor (organisation and brought profiles),
/// scored by the share of divisions in common: the fallback when the engine cannot speak.
fn sector_fit(
    all: &[ParticipantCard],
    me: &Registration,
    candidates: &[&ParticipantCard],
    best: &mut Best,
) {
    let divisions = |codes: &[String]| -> BTreeSet<String> {
        codes.iter().filter_map(|c| NaceCode::parse(c).ok()).filter_map(|c| c.division().map(str::to_owned)).collect()
    };
    let Some(mine) = all.iter().find(|c| c.id == me.id).map(|c| divisions(&c.nace)) else { return };
    if mine.is_empty() {
        return;
    }
    for c in candidates {
        let theirs = divisions(&c.nace);
        let shared: Vec<&String> = mine.intersection(&theirs).collect();
        if let Some(first) = shared.first() {
            let union = mine.union(&theirs).count().max(1);
            let reasons = vec![Reason::SameActivity { code: (*first).clone() }];
            offer(best, c.id, shared.len() as f32 / union as f32, reasons, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use tandem_core::UserId;

    fn card(name: &str, nace: &[&str]) -> ParticipantCard {
        ParticipantCard {
            id: RegistrationId::new(),
            name: name.into(),
            attendance: Attendance::Onsite,
            booth: None,
            org_id: None,
            org_name: None,
            org_kind: None,
            city_id: None,
            city_name: None,
            nace: nace.iter().map(|c| (*c).to_owned()).collect(),
            sectors: Vec::new(),
            profiles: Vec::new(),
            open_with_me: None,
            is_me: false,
        }
    }

    fn registration(id: RegistrationId) -> Registration {
        let now = Utc::now();
        Registration {
            id,
            event_id: EventId::new(),
            user_id: UserId::new(),
            org_id: None,
            display_name: "Me".into(),
            attendance: Attendance::Onsite,
            state: RegistrationState::Approved,
            booth_table: None,
            max_meetings: None,
            checkin_code: String::new(),
            calendar_token: String::new(),
            checked_in_at: None,
            checked_in_by: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn without_the_engine_shared_divisions_rank_participants() {
        let me = card("Me", &["62.01", "72.19"]);
        let close = card("Close", &["62.02", "72.11"]);
        let half = card("Half", &["62.09", "10.71"]);
        let none = card("None", &["10.71"]);
        let all = vec![me.clone(), close.clone(), half.clone(), none.clone()];
        let candidates: Vec<&ParticipantCard> = all[1..].iter().collect();
        let mut best = Best::new();
        sector_fit(&all, &registration(me.id), &candidates, &mut best);
        assert_eq!(best.len(), 2, "only those sharing a division");
        assert!(best[&close.id].0 > best[&half.id].0);
        assert_eq!(best[&half.id].1, vec![Reason::SameActivity { code: "62".into() }]);
    }
}
