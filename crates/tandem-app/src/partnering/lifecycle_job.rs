//! The scheduled job of the profile lifecycle: expiry notices 14 days before, expiry after 365
//! days, archiving two years after publication (DOMAIN.md, "Partnering profiles").
//!
//! Safe to run on several app servers at once and any number of times: each profile is changed
//! in its own transaction by a version-checked update, so when two servers race for the same
//! profile one update wins and the other changes nothing — and its email, queued in the same
//! transaction, is rolled back with it.

use super::{notify, profiles::authors_to_tell};
use crate::mail::profile_messages;
use crate::{App, AppResult};
use chrono::{DateTime, Duration, Utc};
use tandem_core::partnering::{Profile, ProfileState};
use tandem_rules::profile_lifecycle::{ARCHIVE_AFTER_DAYS, EXPIRY_NOTICE_DAYS};
use tandem_store::profiles;

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobReport {
    /// Expiry notices sent.
    pub notices: usize,
    /// Profiles expired.
    pub expired: usize,
    /// Profiles archived.
    pub archived: usize,
}

/// Runs the lifecycle job as of `now`.
pub async fn run(app: &App, now: DateTime<Utc>) -> AppResult<JobReport> {
    let candidates = {
        let mut conn = app.db().acquire().await?;
        profiles::due_for_job(conn.conn(), now + Duration::days(EXPIRY_NOTICE_DAYS), now - Duration::days(ARCHIVE_AFTER_DAYS)).await?
    };
    let mut report = JobReport::default();
    for profile in candidates {
        step(app, &profile, now, &mut report).await?;
    }
    Ok(report)
}

async fn step(app: &App, profile: &Profile, now: DateTime<Utc>, report: &mut JobReport) -> AppResult<()> {
    let lifecycle = profile.lifecycle;
    let mut tx = app.db().begin().await?;
    if let Some(action) = lifecycle.due(now) {
        let Ok(next) = lifecycle.apply(action, now) else { return Ok(()) };
        if profiles::set_lifecycle(tx.conn(), profile.id, profile.version, &next, profile.expiry_notice_sent, profile.review_comments.as_deref(), now).await? {
            profiles::record_event(tx.conn(), profile.id, super::profiles::action_key(action), next.state, None, None, now).await?;
            match next.state {
                ProfileState::Archived => report.archived += 1,
                _ => report.expired += 1,
            }
        }
    } else if lifecycle.expiry_notice_due(now)
        && !profile.expiry_notice_sent
        && profiles::set_lifecycle(tx.conn(), profile.id, profile.version, &lifecycle, true, profile.review_comments.as_deref(), now).await?
    {
        profiles::record_event(tx.conn(), profile.id, "expiry_notice", lifecycle.state, None, None, now).await?;
        let recipients = authors_to_tell(tx.conn(), profile).await?;
        let link = format!("{}/profiles/{}", app.config().base_url, profile.id);
        let expires_on = lifecycle.expires_at.map(|t| t.date_naive().to_string()).unwrap_or_default();
        notify(tx.conn(), &recipients, now, |locale, name| {
            profile_messages::profile_expiring(locale, name, &profile.content.title, &expires_on, &link)
        })
        .await?;
        report.notices += 1;
    }
    tx.commit().await?;
    Ok(())
}
