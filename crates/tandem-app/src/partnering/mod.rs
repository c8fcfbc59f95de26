//! The partnering marketplace (issue 3): profiles and their lifecycle, the marketplace with its
//! anonymity rules, expressions of interest and introductions, partnership agreements, saved
//! searches with alerts, and the scheduled job that expires and archives profiles.

pub mod agreements;
pub mod exchange;
pub mod alerts;
pub mod interests;
pub mod lifecycle_job;
pub mod market;
pub mod profiles;

use crate::mail::messages::Message;
use crate::AppResult;
use chrono::{DateTime, Utc};
use tandem_core::account::{Locale, OrgRole};
use tandem_core::OrgId;
use tandem_store::{memberships, outbox, users, Conn};

/// A person to email, in their language.
#[derive(Debug, Clone)]
pub struct Recipient {
    /// Address.
    pub email: String,
    /// Display name.
    pub name: String,
    /// Language of their emails.
    pub locale: Locale,
}

/// The people of `org` to email: everyone, or only its admins and programme managers (`staff_only`).
pub async fn people_of(mut conn: Conn<'_>, org: OrgId, staff_only: bool) -> AppResult<Vec<Recipient>> {
    let members = memberships::members_of(conn.reborrow(), org).await?;
    let mut out = Vec::new();
    for m in members {
        if staff_only && !matches!(m.role, OrgRole::OrgAdmin | OrgRole::ProgrammeManager) {
            continue;
        }
        let locale = users::get(conn.reborrow(), m.user_id).await?.map(|u| u.locale).unwrap_or_default();
        out.push(Recipient { email: m.email, name: m.display_name, locale });
    }
    Ok(out)
}

/// Queues one email per recipient, each rendered in the recipient's language, in the caller's
/// transaction (so no email leaves for a change that was rolled back).
pub async fn notify(
    mut conn: Conn<'_>,
    recipients: &[Recipient],
    now: DateTime<Utc>,
    render: impl Fn(Locale, &str) -> Message,
) -> AppResult<()> {
    for r in recipients {
        let message = render(r.locale, &r.name);
        outbox::enqueue(conn.reborrow(), &r.email, &message.subject, &message.body, now).await?;
    }
    Ok(())
}
