//! The outbox worker: claims due messages, sends them over SMTP (or writes `.eml` files when no
//! SMTP server is configured), and retries failures with exponential backoff.

use crate::{App, AppError, AppResult};
use chrono::{Duration, Utc};
use lettre::message::header::ContentType;
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};
use tandem_store::outbox::{self, OutboxMessage};

/// How long a claimed message is reserved for one worker before another may retry it.
const CLAIM_SECONDS: i64 = 120;
/// Messages claimed per round.
const BATCH: i64 = 20;

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// Sends outbox messages; one per app server, safe to run several at once.
pub struct Sender {
    app: App,
    transport: Transport,
}

impl Sender {
    /// A sender configured from the app's settings.
    pub fn new(app: App) -> AppResult<Sender> {
        let transport = match &app.config().smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| AppError::Internal(format!("TANDEM_SMTP_URL is not a valid SMTP URL: {e}")))?
                    .build(),
            ),
            None => {
                let dir = app.config().data_dir.join("outbox");
                std::fs::create_dir_all(&dir)
                    .map_err(|e| AppError::Internal(format!("cannot create {}: {e}", dir.display())))?;
                Transport::Files(AsyncFileTransport::new(dir))
            }
        };
        Ok(Sender { app, transport })
    }

    /// Sends what is due now; returns how many were sent.
    pub async fn run_once(&self) -> AppResult<usize> {
        let now = Utc::now();
        let claimed = {
            let mut tx = self.app.db().begin().await?;
            let claimed = outbox::claim(tx.conn(), now, now + Duration::seconds(CLAIM_SECONDS), BATCH).await?;
            tx.commit().await?;
            claimed
        };
        let mut sent = 0;
        for message in claimed {
            let outcome = self.deliver(&message).await;
            let mut tx = self.app.db().begin().await?;
            match outcome {
                Ok(()) => {
                    outbox::mark_sent(tx.conn(), message.id, Utc::now()).await?;
                    sent += 1;
                }
                Err(error) => {
                    tracing::warn!(message = %message.id, attempts = message.attempts, %error, "email not sent; will retry");
                    outbox::mark_failed(tx.conn(), message.id, &error, Utc::now() + backoff(message.attempts)).await?;
                }
            }
            tx.commit().await?;
        }
        Ok(sent)
    }

    /// Runs until `shutdown` resolves, polling every `interval`.
    pub async fn run(self, interval: std::time::Duration, shutdown: impl std::future::Future<Output = ()>) {
        tokio::pin!(shutdown);
        loop {
            if let Err(error) = self.run_once().await {
                tracing::error!(%error, "outbox round failed");
            }
            tokio::select! {
                _ = &mut shutdown => break,
                _ = tokio::time::sleep(interval) => {}
            }
        }
    }

    async fn deliver(&self, message: &OutboxMessage) -> Result<(), String> {
        let email = Message::builder()
            .from(self.app.config().mail_from.parse().map_err(|e| format!("sender address: {e}"))?)
            .to(message.recipient.parse().map_err(|e| format!("recipient address: {e}"))?)
            .subject(&message.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(message.body_text.clone())
            .map_err(|e| e.to_string())?;
        match &self.transport {
            Transport::Smtp(t) => t.send(email).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Files(t) => t.send(email).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}

/// Delay before the next attempt: 30 s, 1 min, 2 min, … capped at 6 hours.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = attempts.clamp(1, 20) as u32 - 1;
    Duration::seconds((30i64 << exponent.min(10)).min(6 * 3600))
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use chrono::Duration;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(5), Duration::seconds(480));
        assert_eq!(backoff(50), Duration::hours(6));
        assert!(backoff(0) > Duration::zero());
    }
}
