//! The Minimal Financial Assistance notification letter of a support record (Subsidy Control
//! Act 2022 s.37(1)–(2)): for support that carries aid to an enterprise under the UK ledger, the
//! statements of `tandem_rules::subsidy::mfa_notification` for its gross value in pounds and its
//! date, typeset by `tandem_io::mfa_letter` in the reader's language.

use super::ledger::{family_of_country, mfa_letter_available, rate, with_country};
use crate::events::documents::{Download, PDF};
use crate::{App, AppError, AppResult};
use chrono::Utc;
use tandem_core::SupportRecordId;
use tandem_core::account::Locale;
use tandem_core::evidence::aid::subsidy::{self, LedgerCurrency, Money};
use tandem_core::policy::{self, Actor, Denied};
use tandem_io::mfa_letter::{MfaLetter, mfa_letter_pdf};
use tandem_store::{cities, organisations, projects, support_records};

/// The letter for support record `id`, for those who may see its enterprise's support. Not
/// found where there is none to write: the enterprise is not under the UK ledger, the record is
/// withdrawn, carries no aid or predates MFA (4 January 2023).
pub async fn mfa_letter(app: &App, actor: &Actor, id: SupportRecordId, locale: Locale) -> AppResult<Download> {
    actor.user()?;
    let mut conn = app.db().acquire().await?;
    let record = support_records::get(conn.conn(), id).await?.ok_or(AppError::NotFound)?;
    let enterprise_id = record.input.enterprise_id;
    if !policy::can_see_confidential(actor, enterprise_id) {
        return Err(Denied::Forbidden.into());
    }
    let (enterprise, country) = with_country(conn.conn(), enterprise_id).await?;
    if !mfa_letter_available(family_of_country(&country), &record) {
        return Err(AppError::NotFound);
    }
    let amount = Money { currency: record.currency.clone(), minor_units: record.aid_value };
    let rate = rate(record.input.aid_rate_millionths);
    let pence = subsidy::to_ledger_minor_units(&amount, rate.as_ref(), LedgerCurrency::Gbp, None).map_err(|_| {
        AppError::invalid("aid_rate", "rate_required", "correct the record and give the rate of its currency into pounds first")
    })?;
    let notification = subsidy::mfa_notification(&enterprise_id.to_string(), record.input.delivered_on, pence)
        .map_err(|e| AppError::Internal(format!("MFA notification: {e}")))?;
    let project = projects::get(conn.conn(), record.project_id).await?.ok_or(AppError::NotFound)?;
    let authority = organisations::get(conn.conn(), record.input.support_org_id).await?.map(|o| o.name).unwrap_or_default();
    let place = cities::list(conn.conn()).await?.into_iter().find(|c| c.id == enterprise.city_id).map(|c| c.name).unwrap_or_default();
    drop(conn);
    let written_on = Utc::now().date_naive();
    let file_name = format!("mfa-notification-{}-{}.pdf", file_part(&enterprise.name), record.input.delivered_on);
    let letter = MfaLetter {
        notification,
        authority,
        programme: project.input.name,
        enterprise: enterprise.name,
        enterprise_place: place,
        activity: record.input.activity,
        hours_hundredths: record.input.hours,
        written_on,
        reference: id.to_string(),
    };
    // Typesetting takes a moment of CPU: off the async workers.
    let bytes = tokio::task::spawn_blocking(move || mfa_letter_pdf(&letter, locale))
        .await
        .map_err(|e| AppError::Internal(format!("MFA letter task failed: {e}")))?
        .map_err(|e| AppError::Internal(format!("MFA letter failed: {e}")))?
        .bytes;
    Ok(Download { file_name, media_type: PDF, bytes })
}

/// A name as ASCII words joined by hyphens, for a file name.
fn file_part(name: &str) -> String {
    let ascii: String = tandem_core::text::fold(name).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    ascii.split_whitespace().collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_ascii_words() {
        assert_eq!(super::file_part("Pleiße Wasserstoff GmbH"), "pleisse-wasserstoff-gmbh");
    }
}
