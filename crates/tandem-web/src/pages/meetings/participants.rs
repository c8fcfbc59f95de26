//! The participant directory of an event (filters, recommended participants) and the meeting
//! request form.

use super::{attendance_label, explain, explain_or_fail, require_login, EventLinks};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::matching::{percent, reason_text};
use crate::pages::organisations::parse_id;
use crate::pages::profiles::type_label;
use crate::pages::{kind_label, render, see_other, FormState, Layout};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;
use tandem_app::events::meetings::participants::{self, ParticipantCard, ParticipantFilter};
use tandem_app::events::meetings::requests::{self, RequestInput};
use tandem_app::events::meetings::{is_organiser, meetings_path};
use tandem_app::AppError;
use tandem_core::directory::OrgKind;
use tandem_core::events::{Attendance, MeetingState, RequestMode};
use tandem_core::partnering::ProfileType;
use tandem_core::{CityId, EventId, ProfileId, RegistrationId};

/// How many recommendations the directory shows.
const RECOMMENDED: usize = 5;

/// A participant as the directory lists them.
pub(crate) struct Card {
    id: String,
    name: String,
    org: String,
    attendance: String,
    booth: Option<i32>,
    profiles: Vec<(String, String)>,
    sectors: String,
    is_me: bool,
    /// The reader's open request or meeting with them, in words.
    open: Option<String>,
    /// The reader may ask them for a meeting.
    can_request: bool,
}

fn card(t: Tr, c: &ParticipantCard, viewer_takes_part: bool) -> Card {
    let org = [c.org_name.clone(), c.org_kind.map(|k| kind_label(t, k)), c.city_name.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let open = c.open_with_me.map(|o| match (o.state, o.outgoing) {
        (MeetingState::Accepted, _) => t.get("meetings-open-meeting"),
        (_, true) => t.get("meetings-open-sent"),
        (_, false) => t.get("meetings-open-received"),
    });
    Card {
        id: c.id.to_string(),
        name: c.name.clone(),
        org,
        attendance: attendance_label(t, c.attendance),
        booth: c.booth,
        profiles: c
            .profiles
            .iter()
            .map(|p| (ProfileType::parse(&p.profile_type).map(|ty| type_label(t, ty)).unwrap_or_default(), p.title.clone()))
            .collect(),
        sectors: c.sectors.iter().map(char::to_string).collect::<Vec<_>>().join(", "),
        is_me: c.is_me,
        can_request: viewer_takes_part && !c.is_me && open.is_none(),
        open,
    }
}

/// A recommended participant.
pub(crate) struct RecCard {
    card: Card,
    score_text: String,
    reasons: Vec<String>,
}

/// The directory's filter, as the query string carries it.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DirectoryQuery {
    q: String,
    city: String,
    kind: String,
    attendance: String,
    sector: String,
}

impl DirectoryQuery {
    fn filter(&self) -> ParticipantFilter {
        let q: String = self.q.trim().chars().take(200).collect();
        ParticipantFilter {
            text: (!q.is_empty()).then_some(q),
            city: self.city.trim().parse::<CityId>().ok(),
            kind: OrgKind::from_key(&self.kind),
            attendance: Attendance::from_key(&self.attendance),
            sector: self.sector.trim().chars().next().filter(|c| c.is_ascii_alphabetic()),
        }
    }
}

/// Options of a select: (value, label, selected).
type Options = Vec<(String, String, bool)>;

pub(crate) struct Results {
    event: String,
    count: String,
    items: Vec<Card>,
}

#[derive(Template)]
#[template(path = "meetings_participants.html")]
struct DirectoryPage {
    l: Layout,
    e: EventLinks,
    q: String,
    cities: Options,
    kinds: Options,
    attendances: Options,
    sectors: Options,
    recommended: Vec<RecCard>,
    r: Results,
    s: Reasons,
}

/// What `_reasons.html` needs besides the item.
pub(crate) struct Reasons {
    t: Tr,
}

#[derive(Template)]
#[template(path = "_meeting_participants.html")]
struct ResultsFragment {
    l: Layout,
    r: Results,
}

/// `GET /events/{id}/participants`: the directory (a results fragment for htmx).
pub async fn directory(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Query(query): Query<DirectoryQuery>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let event_id: EventId = parse_id(t, &id)?;
    let d = participants::browse(&state.app, &ctx.actor, event_id, &query.filter()).await.map_err(|e| explain_or_fail(&ctx, e))?;
    let takes_part = d.me.is_some();
    let r = Results {
        event: event_id.to_string(),
        count: t.args("meetings-participants-count", &[("count", d.items.len().into()), ("items", t.number(d.total as i64).into())]),
        items: d.items.iter().map(|c| card(t, c, takes_part)).collect(),
    };
    let l = Layout::new(&ctx, t.with("meetings-participants-title", "name", &d.event.name));
    if ctx.htmx {
        return render(t, StatusCode::OK, &ResultsFragment { l, r });
    }
    let recommended = if takes_part {
        participants::recommended(&state.app, &ctx.actor, event_id, RECOMMENDED)
            .await
            .map_err(|e| ctx.fail(e))?
            .into_iter()
            .map(|rec| RecCard {
                score_text: t.args("matching-score", &[("count", percent(rec.score).into())]),
                reasons: rec.reasons.iter().map(|reason| reason_text(&state, t, reason)).collect(),
                card: card(t, &rec.card, true),
            })
            .collect()
    } else {
        Vec::new()
    };
    let organiser = is_organiser(&state.app, &ctx.actor, event_id).await.map_err(|e| ctx.fail(e))?;
    let pick = |value: String, label: String, chosen: &str| {
        let selected = value.eq_ignore_ascii_case(chosen.trim());
        (value, label, selected)
    };
    let page = DirectoryPage {
        e: EventLinks::new(event_id, &d.event.name, takes_part, organiser),
        q: query.q.clone(),
        cities: d.cities.iter().map(|(id, name)| pick(id.to_string(), name.clone(), &query.city)).collect(),
        kinds: d.kinds.iter().map(|k| pick(k.key().to_owned(), kind_label(t, *k), &query.kind)).collect(),
        attendances: Attendance::ALL.iter().map(|a| pick(a.key().to_owned(), attendance_label(t, *a), &query.attendance)).collect(),
        sectors: d
            .sectors
            .iter()
            .map(|s| {
                let label = tandem_core::nace::NaceCode::parse(&s.to_string())
                    .ok()
                    .map(|c| format!("{s} – {}", crate::pages::nace_label(t, state.app.nace(), &c)))
                    .unwrap_or_else(|| s.to_string());
                pick(s.to_string(), label, &query.sector)
            })
            .collect(),
        recommended,
        r,
        s: Reasons { t },
        l,
    };
    render(t, StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------------------------
// The request form

#[derive(Template)]
#[template(path = "meetings_request.html")]
struct RequestPage {
    l: Layout,
    e: EventLinks,
    who: Card,
    /// Profiles the meeting may concern: (id, "type: title").
    profiles: Vec<(String, String)>,
    automatic: bool,
    f: FormState,
}

/// The request form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RequestForm {
    _csrf: String,
    receiver: String,
    profile_id: String,
    message: String,
}

impl RequestForm {
    fn state(&self, t: Tr, event: EventId) -> FormState {
        let mut f = FormState::new(t, format!("/events/{event}/meeting-requests"));
        f.cancel = tandem_app::events::meetings::participants_path(event);
        f.set("receiver", &self.receiver).set("profile_id", &self.profile_id).set("message", &self.message);
        f
    }
}

async fn request_page(state: &AppState, ctx: &Ctx, event_id: EventId, receiver: RegistrationId, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let d = participants::browse(&state.app, &ctx.actor, event_id, &ParticipantFilter::default()).await.map_err(|e| explain_or_fail(ctx, e))?;
    let Some(me) = d.me.as_ref() else { return Err(ctx.fail(AppError::Invalid(tandem_core::events::meeting::MeetingRefusal::NotParticipant.into()))) };
    let who = d.items.iter().find(|c| c.id == receiver).ok_or_else(|| ctx.fail(AppError::NotFound))?;
    let mine = d.items.iter().find(|c| c.id == me.id);
    let mut profiles: Vec<(String, String)> = Vec::new();
    for c in [Some(who), mine].into_iter().flatten() {
        for p in &c.profiles {
            let ty = ProfileType::parse(&p.profile_type).map(|ty| type_label(t, ty)).unwrap_or_default();
            profiles.push((p.profile_id.to_string(), format!("{ty}: {}", p.title)));
        }
    }
    let page = RequestPage {
        l: Layout::new(ctx, t.with("meetings-request-title", "name", &who.name)),
        e: EventLinks::new(event_id, &d.event.name, true, false),
        who: card(t, who, true),
        profiles,
        automatic: d.event.request_mode == RequestMode::Automatic,
        f,
    };
    render(t, status, &page)
}

/// `GET /events/{id}/participants/{reg}/request`.
pub async fn request_form(State(state): State<AppState>, ctx: Ctx, Path((id, reg)): Path<(String, String)>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let event_id: EventId = parse_id(ctx.t, &id)?;
    let receiver: RegistrationId = parse_id(ctx.t, &reg)?;
    let form = RequestForm { receiver: reg, ..Default::default() };
    request_page(&state, &ctx, event_id, receiver, form.state(ctx.t, event_id), StatusCode::OK).await
}

/// `POST /events/{id}/meeting-requests`.
pub async fn create(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>, Form(form): Form<RequestForm>) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let event_id: EventId = parse_id(t, &id)?;
    let receiver: RegistrationId = parse_id(t, form.receiver.trim())?;
    let input = RequestInput {
        receiver,
        profile: form.profile_id.trim().parse::<ProfileId>().ok(),
        message: crate::pages::non_empty(&form.message),
        slot: None,
    };
    match requests::request(&state.app, &ctx.actor, event_id, &input).await {
        Ok(m) if m.state == MeetingState::Accepted => {
            ctx.flash(t.get("meetings-flash-confirmed")).await;
            let pick = tandem_app::events::meetings::slots::free_slots(&state.app, &ctx.actor, m.id).await.map_err(|e| ctx.fail(e))?;
            // At pick-slot events the requester picks the slot right away.
            if !pick.is_empty() {
                return Ok(see_other(&format!("/meetings/{}/book", m.id)));
            }
            Ok(see_other(&meetings_path(event_id)))
        }
        Ok(_) => {
            ctx.flash(t.get("meetings-flash-requested")).await;
            Ok(see_other(&meetings_path(event_id)))
        }
        Err(AppError::Invalid(errors)) => {
            // Field problems sit at their fields; a refusal of the request as a whole on top.
            let mut f = form.state(t, event_id);
            let summary = explain(t, &errors);
            f = f.with_errors(errors);
            if f.summary.iter().all(|(field, _)| field != "message" && field != "profile_id") {
                f.summary = vec![("message".into(), summary)];
            }
            request_page(&state, &ctx, event_id, receiver, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}
