//! Funder evidence in the browser (issue 6, items 1 and 2): funded projects (settings, lists,
//! targets) and the support they give to enterprises (records, evidence files, running totals
//! against each project's threshold, the history from the audit trail).
//!
//! Handlers are thin: the use cases in `tandem_app::evidence` decide who may do what. Hours and
//! money are whole hundredths and minor units; this module writes them in the reader's notation.

pub mod dashboard;
pub(crate) mod history;
pub mod ledger;
pub mod outcomes;
pub mod pre_starts;
pub mod projects;
pub mod sme;
pub mod support;

use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::state::AppState;
use chrono::{NaiveDate, NaiveTime};
use tandem_core::account::Locale;
use tandem_core::directory::{OrgKind, Organisation};
use tandem_core::evidence::units::format_hundredths;
use tandem_core::OrgId;

/// Indicator codes a project may set targets for, per rulebook family: ERDF England 2014–20
/// (ESIF-GN-1-002) and the 2021–27 regulations (EU 2021/1058 Annex I, Interreg's RCO87).
pub(crate) const ESIF_INDICATORS: &[&str] = &["C1", "C2", "C3", "C4", "C5", "C8", "C26", "C28", "C29", "P11", "P13"];
/// See [`ESIF_INDICATORS`].
pub(crate) const EU_INDICATORS: &[&str] = &["RCO01", "RCO02", "RCO03", "RCO04", "RCO05", "RCR01", "RCR02", "RCR03", "RCO87"];

/// Every indicator code a target may be set for, in form order.
pub(crate) fn all_indicators() -> impl Iterator<Item = &'static str> {
    ESIF_INDICATORS.iter().chain(EU_INDICATORS).copied()
}

/// Hours from hundredths in the reader's notation ("9.5" / "9,5").
pub(crate) fn hours(t: Tr, hundredths: i64) -> String {
    let text = format_hundredths(hundredths);
    match t.locale {
        Locale::De => text.replace('.', ","),
        Locale::En => text,
    }
}

/// An amount in minor units with its currency in the reader's notation: "£1,040.00" /
/// "1.040,00 £", "€5,000.00" / "5.000,00 €".
pub(crate) fn money(t: Tr, minor: i64, currency: &str) -> String {
    let symbol = match currency {
        "GBP" => "£",
        "EUR" => "€",
        other => other,
    };
    let sign = if minor < 0 { "-" } else { "" };
    let (whole, cents) = (minor.abs() / 100, minor.abs() % 100);
    match t.locale {
        Locale::En => format!("{sign}{symbol}{}.{cents:02}", t.number(whole)),
        Locale::De => format!("{sign}{},{cents:02} {symbol}", t.number(whole)),
    }
}

/// A calendar date in the reader's long form.
pub(crate) fn day(t: Tr, date: NaiveDate) -> String {
    t.date(&date.and_time(NaiveTime::MIN).and_utc())
}

/// Refuses anonymous visitors (they are sent to the login page) before anything is loaded.
pub(crate) fn require_login(ctx: &Ctx) -> Result<(), PageError> {
    ctx.actor.user().map(drop).map_err(|d| ctx.fail(d.into()))
}

/// Every support organisation of the directory (delivery partners, names), by name.
pub(crate) async fn support_orgs(state: &AppState, ctx: &Ctx) -> Result<Vec<Organisation>, PageError> {
    let (mut orgs, _) = tandem_app::partnering::profiles::support_choices(&state.app, &ctx.actor).await.map_err(|e| ctx.fail(e))?;
    orgs.sort_by_key(|o| o.name.to_lowercase());
    Ok(orgs)
}

/// The name of `id` among `orgs`, else the directory's name for it, else its id.
pub(crate) async fn org_name(state: &AppState, ctx: &Ctx, orgs: &[Organisation], id: OrgId) -> String {
    if let Some(o) = orgs.iter().find(|o| o.id == id) {
        return o.name.clone();
    }
    match tandem_app::directory::organisations::view(&state.app, &ctx.actor, id).await {
        Ok(view) => view.org.name,
        Err(_) => id.to_string(),
    }
}

/// Most enterprises a support form offers.
pub(crate) const ENTERPRISES_MAX: usize = 500;

/// Enterprises of the directory (SMEs, start-ups, large companies), up to
/// [`ENTERPRISES_MAX`], sorted by name: (id, name).
pub(crate) async fn enterprises(state: &AppState, ctx: &Ctx) -> Result<Vec<(String, String)>, PageError> {
    directory_orgs(state, ctx, |k| k.is_enterprise()).await
}

/// Organisations of the directory whose kind `keep` accepts, up to [`ENTERPRISES_MAX`], sorted
/// by name: (id, name).
pub(crate) async fn directory_orgs(state: &AppState, ctx: &Ctx, keep: impl Fn(OrgKind) -> bool) -> Result<Vec<(String, String)>, PageError> {
    use tandem_app::directory::search::{self, DirectoryQuery};
    let mut list: Vec<(String, String)> = Vec::new();
    for kind in OrgKind::ALL.iter().copied().filter(|k| keep(*k)) {
        let mut page = 1;
        loop {
            let query = DirectoryQuery { kind: Some(kind), page, per_page: 100, ..DirectoryQuery::default() };
            let result = search::search(&state.app, &query).await.map_err(|e| ctx.fail(e))?;
            list.extend(result.items.iter().map(|o| (o.id.to_string(), o.name.clone())));
            if page >= result.pages() || list.len() >= ENTERPRISES_MAX {
                break;
            }
            page += 1;
        }
    }
    list.sort_by_key(|(_, name)| name.to_lowercase());
    list.truncate(ENTERPRISES_MAX);
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_hours_follow_the_readers_notation() {
        let (en, de) = (Tr::new(Locale::En), Tr::new(Locale::De));
        assert_eq!(money(en, 104_000, "GBP"), "£1,040.00");
        assert_eq!(money(de, 104_000, "EUR"), "1.040,00 €");
        assert_eq!(money(en, 5, "EUR"), "€0.05");
        assert_eq!(hours(en, 950), "9.5");
        assert_eq!(hours(de, 950), "9,5");
        assert_eq!(hours(en, 1_200), "12");
    }
}
