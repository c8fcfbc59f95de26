//! The scheduled jobs: the profile lifecycle (expiry notices, expiry, archiving), the
//! saved-search alert digests, the expiry of unanswered meeting requests, the reminders before
//! meetings and the follow-up surveys, run together every few minutes by `tandem serve` (and
//! `tandem demo`), or once by `tandem jobs run` from cron.
//!
//! All jobs are safe to run on several app servers at once and any number of times (each change
//! is a conditional update in the same transaction as its email), so every server may run them.

use crate::events::followup::survey_job::{self, SurveyReport};
use crate::events::meetings::expiry_job::{self, ExpiryReport};
use crate::events::meetings::reminders::{self, ReminderReport};
use crate::partnering::alerts::{self, DigestReport};
use crate::partnering::lifecycle_job::{self, JobReport};
use crate::App;
use chrono::{DateTime, Utc};
use std::fmt;
use std::future::Future;
use std::time::Duration;
use tokio::task::JoinHandle;

/// How often the server runs the jobs unless configured otherwise.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(600);

/// What one run of all jobs did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobsReport {
    /// The profile lifecycle job.
    pub lifecycle: JobReport,
    /// The saved-search digests.
    pub alerts: DigestReport,
    /// Meeting requests expired.
    pub meetings: ExpiryReport,
    /// Meeting reminders queued and withdrawn.
    pub reminders: ReminderReport,
    /// Follow-up surveys sent six months after events.
    pub surveys: SurveyReport,
    /// Jobs that failed, with why (the others still ran).
    pub errors: Vec<String>,
}

impl JobsReport {
    /// True when every job ran (single alerts may still have failed; see `alerts.failed`).
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// True when some job changed something or sent something.
    pub fn did_something(&self) -> bool {
        self.lifecycle != JobReport::default()
            || self.alerts.sent > 0
            || self.alerts.failed > 0
            || self.meetings.expired > 0
            || self.reminders != ReminderReport::default()
            || self.surveys.sent > 0
    }
}

impl fmt::Display for JobsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = &self.lifecycle;
        writeln!(f, "profile lifecycle: {} expiry notices, {} expired, {} archived", l.notices, l.expired, l.archived)?;
        let a = &self.alerts;
        writeln!(f, "search alerts: {} sent, {} without news, {} failed", a.sent, a.skipped, a.failed)?;
        writeln!(f, "meeting requests: {} expired", self.meetings.expired)?;
        writeln!(f, "meeting reminders: {} queued, {} withdrawn", self.reminders.queued, self.reminders.withdrawn)?;
        write!(f, "follow-up surveys: {} sent", self.surveys.sent)?;
        for e in &self.errors {
            write!(f, "\nfailed: {e}")?;
        }
        Ok(())
    }
}

/// Runs every job as of `now`: the lifecycle job, the alert digests, the meeting-request
/// expiry, the meeting reminders, then the follow-up surveys. A failing job is reported in
/// `errors` and does not stop the next one.
pub async fn run_due(app: &App, now: DateTime<Utc>) -> JobsReport {
    let mut report = JobsReport::default();
    match lifecycle_job::run(app, now).await {
        Ok(r) => report.lifecycle = r,
        Err(e) => report.errors.push(format!("profile lifecycle job: {e}")),
    }
    match alerts::run_digest(app, now).await {
        Ok(r) => report.alerts = r,
        Err(e) => report.errors.push(format!("search alerts: {e}")),
    }
    match expiry_job::run(app, now).await {
        Ok(r) => report.meetings = r,
        Err(e) => report.errors.push(format!("meeting request expiry: {e}")),
    }
    match reminders::run(app, now).await {
        Ok(r) => report.reminders = r,
        Err(e) => report.errors.push(format!("meeting reminders: {e}")),
    }
    match survey_job::run(app, now).await {
        Ok(r) => report.surveys = r,
        Err(e) => report.errors.push(format!("follow-up surveys: {e}")),
    }
    report
}

/// Runs every job as of the current time (`tandem jobs run`).
pub async fn run_now(app: &App) -> JobsReport {
    run_due(app, Utc::now()).await
}

/// Runs the jobs now and then every `interval` until `shutdown` resolves (a round in progress is
/// finished first). Errors, and even a panic inside a round, are logged and the loop goes on.
pub async fn run_every(app: App, interval: Duration, shutdown: impl Future<Output = ()>) {
    tokio::pin!(shutdown);
    loop {
        let round_app = app.clone();
        // Its own task, so a panic in a round is caught as a join error instead of ending the loop.
        match tokio::spawn(async move { run_due(&round_app, Utc::now()).await }).await {
            Ok(report) => log(&report),
            Err(e) => tracing::error!(error = %e, "a scheduled-jobs round panicked"),
        }
        tokio::select! {
            _ = &mut shutdown => break,
            _ = tokio::time::sleep(interval) => {}
        }
    }
}

/// Starts [`run_every`] as a background task.
pub fn spawn(app: App, interval: Duration, shutdown: impl Future<Output = ()> + Send + 'static) -> JoinHandle<()> {
    tokio::spawn(run_every(app, interval, shutdown))
}

fn log(report: &JobsReport) {
    let (l, a) = (&report.lifecycle, &report.alerts);
    for error in &report.errors {
        tracing::error!(%error, "a scheduled job failed");
    }
    if report.did_something() {
        tracing::info!(
            notices = l.notices,
            expired = l.expired,
            archived = l.archived,
            alerts_sent = a.sent,
            alerts_without_news = a.skipped,
            alerts_failed = a.failed,
            meeting_requests_expired = report.meetings.expired,
            meeting_reminders_queued = report.reminders.queued,
            meeting_reminders_withdrawn = report.reminders.withdrawn,
            follow_up_surveys_sent = report.surveys.sent,
            "scheduled jobs ran"
        );
    } else {
        tracing::debug!(alerts_without_news = a.skipped, "scheduled jobs ran; nothing to do");
    }
}
