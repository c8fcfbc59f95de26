//! Check-in: by name or by the scanned code, once, undoable, for organisers only, and counted
//! on the dashboard.

use super::{registration, Fixture};
use crate::invalid_field;
use tandem_app::events::{checkin, registration as reg, roster, setup};
use tandem_app::AppError;
use tandem_core::events::RegistrationState;
use tandem_core::policy::Denied;

#[tokio::test]
async fn organisers_check_participants_in_by_name_or_code_once() {
    let f = Fixture::open("", false).await;
    let app = &f.env.app;
    let (_, ann) = f.env.user("ann@example.org", true).await;
    let a = reg::register(app, &ann, f.event.id, &registration("Ann Müller")).await.expect("register");
    assert_eq!(a.checkin_code.len(), 43, "256 random bits, URL-safe");
    assert_ne!(a.checkin_code, a.calendar_token);

    let (_, found) = checkin::search(app, &f.organiser.1, f.event.id, "muller").await.expect("search");
    assert_eq!(found.iter().map(|l| l.registration.id).collect::<Vec<_>>(), [a.id]);
    assert!(checkin::search(app, &f.organiser.1, f.event.id, "nobody").await.expect("search").1.is_empty());
    assert!(matches!(checkin::search(app, &ann, f.event.id, "").await, Err(AppError::Denied(Denied::Forbidden))));

    let (_, scanned) = checkin::scan(app, &f.organiser.1, f.event.id, &a.checkin_code).await.expect("scan");
    assert_eq!(scanned.registration.id, a.id);
    assert!(matches!(checkin::scan(app, &f.organiser.1, f.event.id, "not-a-code").await, Err(AppError::NotFound)));
    assert!(matches!(checkin::scan(app, &ann, f.event.id, &a.checkin_code).await, Err(AppError::Denied(Denied::Forbidden))));

    let first = checkin::check_in(app, &f.organiser.1, a.id).await.expect("check in");
    let at = first.registration.checked_in_at.expect("checked in");
    let second = checkin::check_in(app, &f.organiser.1, a.id).await.expect("again");
    assert_eq!(second.registration.checked_in_at, Some(at), "the first time stays");
    assert_eq!(roster::dashboard(app, &f.organiser.1, f.event.id).await.expect("dashboard").checked_in, 1);
    let undone = checkin::undo(app, &f.organiser.1, a.id).await.expect("undo");
    assert_eq!(undone.registration.checked_in_at, None);
    assert_eq!(roster::dashboard(app, &f.organiser.1, f.event.id).await.expect("dashboard").checked_in, 0);
    assert!(checkin::qr_svg(app, &a).expect("qr").contains("<svg"));
    assert!(checkin::checkin_url(app, &a).ends_with(&format!("/events/{}/checkin/{}", f.event.id, a.checkin_code)));
}

#[tokio::test]
async fn only_approved_participants_are_checked_in() {
    let f = Fixture::open("", true).await;
    let app = &f.env.app;
    let (_, ann) = f.env.user("ann@example.org", true).await;
    let a = reg::register(app, &ann, f.event.id, &registration("Ann")).await.expect("register");
    assert_eq!(a.state, RegistrationState::Pending);
    assert_eq!(invalid_field(checkin::check_in(app, &f.organiser.1, a.id).await, "registration"), "not_approved");
    setup::cancel(app, &f.organiser.1, f.event.id).await.expect("cancel");
}
