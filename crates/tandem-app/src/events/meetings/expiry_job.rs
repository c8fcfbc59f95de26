//! The scheduled job that marks requests unanswered past their expiry `expired` and tells the
//! requester (DOMAIN.md: "Requests expire after a set time … so unanswered requests don't block
//! slots"). Until it runs, the use cases already treat an overdue request as closed.
//!
//! Safe on several servers at once: each request is expired by a conditional update in the same
//! transaction as its email, so exactly one run changes it.

use super::messages;
use super::{link, participants_path, recipient, reload, TxError};
use crate::partnering::notify;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, Utc};
use tandem_store::{events, meetings, registrations};

/// Requests expired per batch (each in its own transaction).
const BATCH: i64 = 200;

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExpiryReport {
    /// Requests marked expired.
    pub expired: usize,
}

/// Expires every request unanswered past its expiry at `now`.
pub async fn run(app: &App, now: DateTime<Utc>) -> AppResult<ExpiryReport> {
    let mut report = ExpiryReport::default();
    loop {
        let due = {
            let mut conn = app.db().acquire().await?;
            meetings::overdue(conn.conn(), now, BATCH).await?
        };
        let mut changed = 0;
        for id in &due {
            if expire_one(app, *id, now).await.map_err(AppError::from)? {
                changed += 1;
            }
        }
        report.expired += changed;
        // A short batch was the last; a batch where another server took everything is too.
        if (due.len() as i64) < BATCH || changed == 0 {
            return Ok(report);
        }
    }
}

async fn expire_one(app: &App, id: tandem_core::MeetingId, now: DateTime<Utc>) -> Result<bool, TxError> {
    let mut tx = app.db().begin().await?;
    if meetings::expire(tx.conn(), id, now).await? == 0 {
        return Ok(false);
    }
    let m = reload(tx.conn(), id).await?;
    let event = events::get(tx.conn(), m.event_id).await?.ok_or(TxError::App(AppError::NotFound))?;
    let requester = registrations::get(tx.conn(), m.requester_id).await?.ok_or(TxError::App(AppError::NotFound))?;
    let receiver = registrations::get(tx.conn(), m.receiver_id).await?.ok_or(TxError::App(AppError::NotFound))?;
    let to = recipient(tx.conn(), &requester).await?;
    let path = link(app, &participants_path(event.id));
    notify(tx.conn(), &[to], now, |locale, name| messages::expired(locale, name, &event.name, &receiver.display_name, &path)).await?;
    tx.commit().await?;
    Ok(true)
}
