//! The scheduled job that sends the second-stage survey (DOMAIN.md: "~6 months later"): once
//! [`SURVEY_AFTER_DAYS`](tandem_core::events::followup::SURVEY_AFTER_DAYS) days have passed since
//! an event ended, each participant with meetings that took place gets one email linking to their
//! survey page. Each meeting's row is marked `surveyed_at` in the same transaction as the email,
//! so running the job again (or on several servers at once) sends nothing more; a participant who
//! answered before the six months is not asked.

use super::messages;
use super::survey_path;
use crate::events::access::{link, recipient};
use crate::partnering::notify;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, Utc};
use tandem_core::events::followup::survey_cutoff;
use tandem_core::RegistrationId;
use tandem_store::{events, feedback, registrations};

/// Participants surveyed per batch (each in its own transaction).
const BATCH: i64 = 200;

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SurveyReport {
    /// Survey emails sent (one per participant and event).
    pub sent: usize,
}

/// Sends the survey to every participant whose event ended half a year (182 days) or more
/// before `now` and who has not been asked yet.
pub async fn run(app: &App, now: DateTime<Utc>) -> AppResult<SurveyReport> {
    let cutoff = survey_cutoff(now);
    let mut report = SurveyReport::default();
    loop {
        let due = {
            let mut conn = app.db().acquire().await?;
            feedback::survey_due(conn.conn(), cutoff, BATCH).await?
        };
        let mut sent = 0;
        for r in &due {
            if survey_one(app, *r, cutoff, now).await? {
                sent += 1;
            }
        }
        report.sent += sent;
        // A short batch was the last; a batch where another server took everything is too.
        if (due.len() as i64) < BATCH || sent == 0 {
            return Ok(report);
        }
    }
}

/// Marks one participant's meetings surveyed and emails them; false when another run did first.
async fn survey_one(app: &App, id: RegistrationId, cutoff: DateTime<Utc>, now: DateTime<Utc>) -> AppResult<bool> {
    let mut tx = app.db().begin().await?;
    let mut marked = 0;
    for meeting in feedback::unsurveyed_meetings(tx.conn(), id, cutoff).await? {
        marked += feedback::mark_surveyed(tx.conn(), meeting, id, now).await?;
    }
    if marked == 0 {
        return Ok(false);
    }
    let r = registrations::get(tx.conn(), id).await?.ok_or(AppError::NotFound)?;
    let event = events::get(tx.conn(), r.event_id).await?.ok_or(AppError::NotFound)?;
    let to = recipient(tx.conn(), &r).await?;
    let path = link(app, &survey_path(event.id));
    let count = usize::try_from(marked).unwrap_or(usize::MAX);
    notify(tx.conn(), &[to], now, |locale, name| messages::survey(locale, name, &event.name, count, &path)).await?;
    tx.commit().await?;
    Ok(true)
}
