//! Every route, and the middleware around them.

use crate::state::AppState;
use crate::{api, assets, ops, pages, security};
use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{middleware, Router};
use std::time::Duration;
use tower::{ServiceBuilder, ServiceExt};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// Web settings.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Send session cookies only over HTTPS (set when the public URL is https).
    pub secure_cookies: bool,
}

/// Largest request body accepted (forms and JSON; imports run on the CLI).
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    let sessions = SessionManagerLayer::new(state.app.session_store())
        .with_name("tandem_session")
        .with_secure(state.config.secure_cookies)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_expiry(Expiry::OnInactivity(time::Duration::days(14)));

    let pages = Router::new()
        .route("/", get(pages::home::home))
        .route("/directory", get(pages::directory::directory))
        .route("/organisations/new", get(pages::organisations::new_form).post(pages::organisations::create))
        .route("/organisations/{id}", get(pages::organisations::show))
        .route("/organisations/{id}/edit", get(pages::organisations::edit_form).post(pages::organisations::update))
        .route("/organisations/{id}/members", get(pages::members::list).post(pages::members::add))
        .route("/organisations/{id}/people/new", get(pages::people::new_form).post(pages::people::add))
        .route("/organisations/{id}/people/{person}/remove", post(pages::people::remove))
        .route("/organisations/{id}/members/{user}/remove", post(pages::members::remove))
        .route(
            "/organisations/{id}/programmes/new",
            get(pages::programmes::new_form).post(pages::programmes::create),
        )
        .route("/programmes", get(pages::programmes::list))
        .route("/programmes/{id}", get(pages::programmes::show))
        .route("/programmes/{id}/edit", get(pages::programmes::edit_form).post(pages::programmes::update))
        .route("/marketplace", get(pages::marketplace::marketplace))
        .route("/profiles", post(pages::profiles::create))
        .route("/profiles/new", get(pages::profiles::new_form))
        .route("/profiles/mine", get(pages::profiles::mine))
        .route("/profiles/{id}", get(pages::profiles::show).post(pages::profiles::update))
        .route("/profiles/{id}/edit", get(pages::profiles::edit_form))
        .route("/profiles/{id}/submit", post(pages::profiles::submit))
        .route("/profiles/{id}/approve", post(pages::profiles::approve))
        .route("/profiles/{id}/return", post(pages::profiles::return_for_changes))
        .route("/profiles/{id}/withdraw", post(pages::profiles::withdraw))
        .route("/profiles/{id}/extend", post(pages::profiles::extend))
        .route("/pipeline", get(pages::profiles::pipeline))
        .route("/profiles/{id}/interest", get(pages::brokerage::interest_form).post(pages::brokerage::express))
        .route("/interests", get(pages::brokerage::interests))
        .route("/interests/{id}/introduce", post(pages::brokerage::introduce))
        .route("/interests/{id}/decline", post(pages::brokerage::decline))
        .route("/interests/{id}/withdraw", post(pages::brokerage::withdraw))
        .route("/profiles/{id}/agreements/new", get(pages::brokerage::agreement_form).post(pages::brokerage::record))
        .route("/agreements/{id}", get(pages::brokerage::agreement))
        .route("/agreements/{id}/confirm", post(pages::brokerage::confirm))
        .route("/agreements/{id}/reject", post(pages::brokerage::reject))
        .route(
            "/agreements/{id}/evidence",
            post(pages::brokerage::upload_evidence).layer(DefaultBodyLimit::max(pages::brokerage::UPLOAD_LIMIT)),
        )
        .route("/evidence/{id}", get(pages::brokerage::download_evidence))
        .route("/statistics", get(pages::brokerage::statistics))
        .route("/projects", get(pages::evidence::projects::list))
        .route("/projects/new", get(pages::evidence::projects::new_form).post(pages::evidence::projects::create))
        .route("/projects/{id}", get(pages::evidence::projects::show))
        .route("/projects/{id}/edit", get(pages::evidence::projects::edit_form).post(pages::evidence::projects::update))
        .route("/projects/{id}/support/new", get(pages::evidence::support::new_form).post(pages::evidence::support::record))
        .route("/projects/{id}/dashboard", get(pages::evidence::dashboard::dashboard))
        .route("/projects/{id}/indicators/{code}", get(pages::evidence::dashboard::indicator))
        .route("/projects/{id}/claim", get(pages::evidence::dashboard::claim))
        .route("/organisations/{id}/sme", get(pages::evidence::sme::show).post(pages::evidence::sme::declare))
        .route("/organisations/{id}/support", get(pages::evidence::support::enterprise))
        .route("/projects/{id}/pre-starts", post(pages::evidence::pre_starts::set))
        .route("/support/{id}/edit", get(pages::evidence::support::edit_form).post(pages::evidence::support::update))
        .route("/support/{id}/withdraw", post(pages::evidence::support::withdraw))
        .route(
            "/support/{id}/evidence",
            post(pages::evidence::support::upload_evidence).layer(DefaultBodyLimit::max(pages::brokerage::UPLOAD_LIMIT)),
        )
        .route("/support-evidence/{id}", get(pages::evidence::support::download_evidence))
        .route("/organisations/{id}/outcomes", get(pages::evidence::outcomes::page).post(pages::evidence::outcomes::record))
        .route("/outcomes/{id}/edit", get(pages::evidence::outcomes::edit_form).post(pages::evidence::outcomes::update))
        .route("/outcomes/{id}/withdraw", post(pages::evidence::outcomes::withdraw))
        .route(
            "/outcomes/{id}/evidence",
            post(pages::evidence::outcomes::upload_evidence).layer(DefaultBodyLimit::max(pages::brokerage::UPLOAD_LIMIT)),
        )
        .route("/outcome-evidence/{id}", get(pages::evidence::outcomes::download_evidence))
        .route("/organisations/{id}/ledger", get(pages::evidence::ledger::show))
        .route("/organisations/{id}/ledger/declare", get(pages::evidence::ledger::declare_form).post(pages::evidence::ledger::declare))
        .route("/organisations/{id}/ledger/link", get(pages::evidence::ledger::link_form).post(pages::evidence::ledger::link))
        .route("/aid-declarations/{id}/edit", get(pages::evidence::ledger::edit_form).post(pages::evidence::ledger::update))
        .route("/aid-declarations/{id}/withdraw", post(pages::evidence::ledger::withdraw))
        .route("/control-links/{id}/remove", post(pages::evidence::ledger::remove_link))
        .route("/support/{id}/mfa-letter", get(pages::evidence::ledger::mfa_letter))
        .route("/searches", get(pages::searches::list).post(pages::searches::create))
        .route("/searches/new", get(pages::searches::new_form))
        .route("/searches/{id}/delete", post(pages::searches::delete))
        .route("/searches/unsubscribe/{token}", get(pages::searches::unsubscribe_form).post(pages::searches::unsubscribe))
        .route("/events", get(pages::events::list::list).post(pages::events::setup::create))
        .route("/events/new", get(pages::events::setup::new_form))
        .route("/events/mine", get(pages::events::list::mine))
        .route("/events/{id}", get(pages::events::list::show))
        .route("/events/{id}/edit", get(pages::events::setup::edit_form).post(pages::events::setup::update))
        .route("/events/{id}/settings", get(pages::events::setup::settings_form).post(pages::events::setup::update_settings))
        .route("/events/{id}/manage", get(pages::events::setup::manage))
        .route("/events/{id}/publish", post(pages::events::setup::publish))
        .route("/events/{id}/cancel", post(pages::events::setup::cancel))
        .route("/events/{id}/organisers", post(pages::events::setup::add_organiser))
        .route("/events/{id}/organisers/{org}/remove", post(pages::events::setup::remove_organiser))
        .route("/events/{id}/questions", post(pages::events::setup::add_question))
        .route("/events/{id}/questions/{question}/delete", post(pages::events::setup::delete_question))
        .route("/events/{id}/questions/{question}/up", post(pages::events::setup::move_question_up))
        .route("/events/{id}/sessions", post(pages::events::agenda::create))
        .route("/events/{id}/sessions/new", get(pages::events::agenda::new_form))
        .route("/events/{id}/sessions/{session}/edit", get(pages::events::agenda::edit_form).post(pages::events::agenda::update))
        .route("/events/{id}/sessions/{session}/delete", post(pages::events::agenda::delete))
        .route("/events/{id}/sessions/{session}/speakers", post(pages::events::agenda::add_speaker))
        .route("/events/{id}/sessions/{session}/speakers/{speaker}/remove", post(pages::events::agenda::remove_speaker))
        .route("/events/{id}/register", get(pages::events::registration::form).post(pages::events::registration::register))
        .route("/events/{id}/register/cancel", post(pages::events::registration::cancel))
        .route("/events/{id}/registrations", get(pages::events::registration::list))
        .route("/registrations/{id}", get(pages::events::registration::detail))
        .route("/registrations/{id}/approve", post(pages::events::registration::approve))
        .route("/registrations/{id}/decline", post(pages::events::registration::decline))
        .route("/registrations/{id}/booth", post(pages::events::registration::booth))
        .route("/registrations/{id}/checkin", post(pages::events::checkin::check_in))
        .route("/registrations/{id}/checkin/undo", post(pages::events::checkin::undo))
        .route("/events/{id}/checkin", get(pages::events::checkin::page))
        .route("/events/{id}/checkin/{code}", get(pages::events::checkin::scan))
        .route("/events/{id}/schedule", get(pages::events::schedule::show).post(pages::events::schedule::run))
        .route("/events/{id}/schedule/publish", post(pages::events::schedule::publish))
        .route("/events/{id}/schedule/instance.json", get(pages::events::schedule::instance))
        .route("/events/{id}/my-agenda", get(pages::events::documents::my_agenda))
        .route("/events/{id}/my-agenda.ics", get(pages::events::documents::my_agenda_ics))
        .route("/events/{id}/my-agenda.pdf", get(pages::events::documents::my_agenda_pdf))
        .route("/events/{id}/my-agenda/reset-calendar", post(pages::events::documents::reset_calendar))
        .route("/calendar/{file}", get(pages::events::documents::subscription))
        .route("/registrations/{id}/agenda", get(pages::events::documents::registration_agenda))
        .route("/registrations/{id}/agenda.ics", get(pages::events::documents::registration_agenda_ics))
        .route("/registrations/{id}/agenda.pdf", get(pages::events::documents::registration_agenda_pdf))
        .route("/events/{id}/table-plan.pdf", get(pages::events::documents::table_plan))
        .route("/events/{id}/meetings.xlsx", get(pages::events::documents::meetings_xlsx))
        .route("/register", get(pages::auth::register_form).post(pages::auth::register))
        .route("/verify-email", get(pages::auth::verify_email))
        .route("/verify-email/resend", post(pages::auth::resend_verification))
        .route("/login", get(pages::auth::login_form).post(pages::auth::login))
        .route("/logout", post(pages::auth::logout))
        .route("/forgot-password", get(pages::auth::forgot_form).post(pages::auth::forgot))
        .route("/reset-password", get(pages::auth::reset_form).post(pages::auth::reset))
        .route("/account", get(pages::account::show).post(pages::account::update))
        .route("/account/export", get(pages::privacy::export))
        .route("/account/tokens", post(pages::account::create_token))
        .route("/account/tokens/{id}/revoke", post(pages::account::revoke_token))
        .route("/locale/{locale}", get(pages::locale::switch))
        .route("/profiles/{id}/matches", get(pages::matching::profile_matches))
        .route("/profiles/{id}/research-partners", get(pages::matching::profile_research_partners))
        .route("/organisations/{id}/partners", get(pages::matching::organisation_partners))
        .route("/programmes/{id}/smes", get(pages::matching::programme_smes))
        .route(pages::matching::FEEDBACK_PATH, post(pages::matching::feedback))
        .route("/events/{id}/participants", get(pages::meetings::participants::directory))
        .route("/events/{id}/participants/{reg}/request", get(pages::meetings::participants::request_form))
        .route("/events/{id}/meeting-requests", post(pages::meetings::participants::create))
        .route("/events/{id}/meetings", get(pages::meetings::mine::mine))
        .route("/events/{id}/meetings/all", get(pages::meetings::organiser::overview))
        .route("/events/{id}/availability", get(pages::meetings::slots::availability_form).post(pages::meetings::slots::set_availability))
        .route("/meetings/{id}/accept", get(pages::meetings::slots::accept_form).post(pages::meetings::slots::accept))
        .route("/meetings/{id}/book", get(pages::meetings::slots::book_form).post(pages::meetings::slots::book))
        .route("/meetings/{id}/decline", post(pages::meetings::mine::decline))
        .route("/meetings/{id}/cancel", post(pages::meetings::mine::cancel))
        .route("/meetings/{id}/mode", post(pages::meetings::organiser::set_mode))
        .route("/meetings/{id}/lock", post(pages::meetings::organiser::set_locked))
        .route("/meetings/{id}/outcome", post(pages::meetings::outcomes::record))
        .route("/meetings/{id}/priority", post(pages::meetings::organiser::set_priority))
        .route("/meetings/{id}/feedback", get(pages::events::followup::feedback_form).post(pages::events::followup::rate))
        .route("/meetings/{id}/survey", post(pages::events::followup::answer))
        .route("/meetings/{id}/agreement", post(pages::events::followup::record_agreement))
        .route("/events/{id}/survey", get(pages::events::followup::survey))
        .route("/events/{id}/statistics", get(pages::events::followup::statistics))
        .fallback(pages::not_found);

    Router::new()
        .merge(pages)
        .nest("/api/v1", api::router())
        .route("/assets/{name}", get(assets::asset))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        // A route layer sees the matched route template, so metrics are labelled by route.
        .route_layer(middleware::from_fn(crate::ops::track_metrics))
        .layer(sessions)
        .layer(middleware::from_fn(security::cross_origin_guard))
        .layer(middleware::from_fn(security::security_headers))
        .layer(middleware::from_fn(body_limit))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(TraceLayer::new_for_http())
        .layer(CatchPanicLayer::new())
        .with_state(state)
}

/// Applies the body limit: [`BODY_LIMIT`] for every request but evidence uploads (agreements,
/// support records and outcomes), which may
/// carry a 10 MB file ([`pages::brokerage::UPLOAD_LIMIT`]). Too large a declared length is
/// refused with 413 before the handler runs; a longer streamed body fails while it is read.
async fn body_limit(request: Request, next: Next) -> Response {
    let (method, path) = (request.method(), request.uri().path());
    let limit = if pages::brokerage::is_upload(method, path)
        || pages::evidence::support::is_upload(method, path)
        || pages::evidence::outcomes::is_upload(method, path)
    {
        pages::brokerage::UPLOAD_LIMIT
    } else {
        BODY_LIMIT
    };
    let service = ServiceBuilder::new()
        .map_response(|response: axum::http::Response<_>| response.map(axum::body::Body::new))
        .layer(RequestBodyLimitLayer::new(limit))
        .map_request(|request: axum::http::Request<_>| request.map(axum::body::Body::new))
        .service(next);
    match service.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}
