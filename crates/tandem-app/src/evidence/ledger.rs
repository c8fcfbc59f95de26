//! Subsidy ledgers (issue 6, item 4; DOMAIN.md "Funder evidence"): how much aid an enterprise
//! and the enterprises it forms one recipient with have received in the period that counts,
//! against the ceiling of EU de minimis (Reg. (EU) 2023/2831, Reg. (EU) No 1407/2013) or UK
//! Minimal Financial Assistance (Subsidy Control Act 2022 ss.36–37); declarations of aid from
//! other grantors; control links; and the check that runs before support with an aid value is
//! recorded or corrected (`support.rs` calls [`check_support`]).
//!
//! The rules are `tandem_rules::subsidy` (re-exported as [`subsidy`]); this module gathers their
//! facts: the enterprise's country (of its city), the group its control links make, and the aid
//! of the group's enterprises — support records with an aid value in every project and
//! declarations, neither withdrawn.
//!
//! Which group members' aid counts: the de minimis ceiling is per Member State (Art. 3(2)) and
//! MFA counts the UK's own assistance (s.36(1)), so a member's aid counts where the member is
//! established in the same country as the enterprise whose ledger it is — Tandem does not record
//! which State granted a piece of aid, and takes the recipient's country for it. Aid in another
//! currency than the ledger's counts at the rate entered with it; aid without the rate it needs
//! (recorded before rates were asked for) is listed as not counted rather than guessed.
//!
//! Who may do what: anyone who may see the enterprise's support page sees its ledger; its own
//! organisation admins and the support recorders of any funded project declare aid and link
//! enterprises (advisers collect the declarations of other aid before they grant; see
//! `subsidy::RecordSource`).

pub use tandem_core::evidence::aid::subsidy;
/// What the ledger lists, as the store reads it.
pub use tandem_store::subsidy::{AidEntry, AidSource};

use super::{Change, audit_change, kind};
use crate::{App, AppError, AppResult};
use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use std::collections::BTreeSet;
use subsidy::{
    AidRecord, CheckSettings, ControlLink, ExchangeRate, LedgerCheck, LedgerFamily, LedgerInput, Money, ProposedAid, RecordSource,
    SubsidyError, WarningLevel,
};
use tandem_core::directory::Organisation;
use tandem_core::evidence::aid::{AidDeclaration, AidDeclarationDraft, EnterpriseLink, LinkDraft, rate_needed};
use tandem_core::evidence::project::Project;
use tandem_core::evidence::support::{SupportInput, SupportRecord};
use tandem_core::evidence::units::format_minor_units;
use tandem_core::policy::{self, Actor, Denied};
use tandem_core::validation::{ValidationErrors, required_text};
use tandem_core::{OrgId, SupportRecordId};
use tandem_store::audit::{self, Entry};
use tandem_store::subsidy as store;
use tandem_store::{Conn, cities, organisations, projects};
use uuid::Uuid;

/// Minor units per unit of every currency Tandem stores amounts in (amounts are hundredths).
const MINOR_UNITS_PER_UNIT: i64 = 100;

fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// `GB` for `UK`, `GR` for `EL`, upper case: one spelling per country, to compare.
fn country_key(code: &str) -> String {
    match code.trim().to_ascii_uppercase().as_str() {
        "UK" => "GB".to_owned(),
        "EL" => "GR".to_owned(),
        other => other.to_owned(),
    }
}

/// An organisation and the country of its city.
pub(crate) async fn with_country(mut conn: Conn<'_>, id: OrgId) -> AppResult<(Organisation, String)> {
    let org = organisations::get(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let country = cities::list(conn).await?.into_iter().find(|c| c.id == org.city_id).map(|c| country_key(&c.country)).unwrap_or_default();
    Ok((org, country))
}

/// The ledger family of a country; None where no ledger is modelled (neither the UK nor an EU
/// Member State).
pub(crate) fn family_of_country(country: &str) -> Option<LedgerFamily> {
    subsidy::ledger_for_country(country).ok()
}

/// The currency an enterprise's ledger is kept in (ISO code); None when it has no ledger.
pub(crate) async fn ledger_currency(conn: Conn<'_>, enterprise: OrgId) -> AppResult<Option<&'static str>> {
    let (_, country) = with_country(conn, enterprise).await?;
    Ok(family_of_country(&country).map(|f| f.currency().code()))
}

/// The ledger family an enterprise's aid is counted in; None when it has none.
pub async fn family(app: &App, enterprise: OrgId) -> AppResult<Option<LedgerFamily>> {
    let mut conn = app.db().acquire().await?;
    let (_, country) = with_country(conn.conn(), enterprise).await?;
    Ok(family_of_country(&country))
}

/// Whether a support record can have an MFA notification letter (s.37): its enterprise is
/// under the UK ledger, it is not withdrawn, it carries aid and was given once MFA existed.
pub fn mfa_letter_available(family: Option<LedgerFamily>, record: &SupportRecord) -> bool {
    family == Some(LedgerFamily::UkMinimalFinancialAssistance)
        && record.withdrawn_at.is_none()
        && record.aid_value > 0
        && record.input.delivered_on >= subsidy::MFA_FIRST_DAY
}

// ---------------------------------------------------------------------------------------------
// Facts

/// The control links in force of the group `enterprise` belongs to, found by following links
/// from it in either direction (Art. 2(2): relations "through one or more other undertakings").
async fn group_links(mut conn: Conn<'_>, enterprise: OrgId) -> AppResult<Vec<EnterpriseLink>> {
    let mut seen = BTreeSet::from([enterprise]);
    let mut frontier = vec![enterprise];
    let mut links: Vec<EnterpriseLink> = Vec::new();
    while let Some(org) = frontier.pop() {
        for link in store::links_of(conn.reborrow(), org).await? {
            for end in [link.input.controller_id, link.input.controlled_id] {
                if seen.insert(end) {
                    frontier.push(end);
                }
            }
            if !links.iter().any(|l| l.id == link.id) {
                links.push(link);
            }
        }
    }
    Ok(links)
}

/// Aid that cannot be counted: in another currency than the ledger's, without a rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unconverted {
    /// The aid.
    pub aid: AidEntry,
    /// The ledger's currency.
    pub ledger_currency: &'static str,
}

/// Everything a check of one enterprise's ledger needs, gathered once.
struct Facts {
    enterprise: Organisation,
    country: String,
    family: LedgerFamily,
    links: Vec<EnterpriseLink>,
    /// The group's members established in the enterprise's country, with their names.
    members: Vec<(OrgId, String)>,
    /// Their aid that can be counted.
    aid: Vec<AidEntry>,
    unconverted: Vec<Unconverted>,
}

/// The facts of `enterprise`'s ledger, leaving out the aid `exclude` (a record being
/// corrected); None when the enterprise has no ledger.
async fn facts(mut conn: Conn<'_>, enterprise: OrgId, exclude: Option<Uuid>) -> AppResult<Option<Facts>> {
    let (org, country) = with_country(conn.reborrow(), enterprise).await?;
    let Some(family) = family_of_country(&country) else { return Ok(None) };
    let links = group_links(conn.reborrow(), enterprise).await?;
    let ids: BTreeSet<OrgId> = links.iter().flat_map(|l| [l.input.controller_id, l.input.controlled_id]).chain([enterprise]).collect();
    let mut members = Vec::new();
    for id in ids {
        let (member, member_country) = with_country(conn.reborrow(), id).await?;
        if member_country == country {
            members.push((id, member.name));
        }
    }
    let member_ids: Vec<OrgId> = members.iter().map(|(id, _)| *id).collect();
    let ledger_currency = family.currency().code();
    let (mut aid, mut unconverted) = (Vec::new(), Vec::new());
    for entry in store::aid_of(conn, &member_ids).await?.into_iter().filter(|a| Some(a.id) != exclude) {
        if rate_needed(&entry.currency, Some(ledger_currency)) && entry.rate_millionths.is_none() {
            unconverted.push(Unconverted { aid: entry, ledger_currency });
        } else {
            aid.push(entry);
        }
    }
    Ok(Some(Facts { enterprise: org, country, family, links, members, aid, unconverted }))
}

/// A rate as the rules take it: millionths of the ledger currency per unit of a currency kept
/// in hundredths.
pub(crate) fn rate(millionths: Option<i64>) -> Option<ExchangeRate> {
    millionths.map(|m| ExchangeRate { millionths_per_unit: m, minor_units_per_unit: MINOR_UNITS_PER_UNIT })
}

/// The proposed aid: its date, gross value in hundredths of `currency`, and rate.
struct Proposal<'a> {
    granted_on: NaiveDate,
    amount: i64,
    currency: &'a str,
    rate_millionths: Option<i64>,
}

/// Runs the rules on the facts; None when the date precedes the ledger (no instrument is
/// modelled for it: MFA began on 4 January 2023, de minimis is modelled from 2014).
fn run(facts: &Facts, proposal: &Proposal<'_>) -> AppResult<Option<LedgerCheck>> {
    if proposal.granted_on < facts.family.first_covered() {
        return Ok(None);
    }
    let records = facts
        .aid
        .iter()
        .map(|a| AidRecord {
            id: a.id.to_string(),
            enterprise_id: a.enterprise_id.to_string(),
            granted_on: a.granted_on,
            amount: Money { currency: a.currency.clone(), minor_units: a.amount },
            rate: rate(a.rate_millionths),
            source: match &a.source {
                AidSource::Support { .. } => RecordSource::OwnRecord,
                AidSource::Declared { grantor, .. } => RecordSource::DeclaredByRecipient { grantor: grantor.clone() },
            },
        })
        .collect();
    let input = LedgerInput {
        country: facts.country.clone(),
        proposed: ProposedAid {
            enterprise_id: facts.enterprise.id.to_string(),
            granted_on: proposal.granted_on,
            amount: Money { currency: proposal.currency.to_owned(), minor_units: proposal.amount },
            rate: rate(proposal.rate_millionths),
        },
        records,
        links: facts
            .links
            .iter()
            .map(|l| ControlLink {
                controller: l.input.controller_id.to_string(),
                controlled: l.input.controlled_id.to_string(),
                relation: l.input.relation,
            })
            .collect(),
        settings: CheckSettings::default(),
    };
    subsidy::check_aid(&input).map(Some).map_err(rules_fault)
}

/// What is left after the input checks is a fault of Tandem's, not the user's.
fn rules_fault(e: SubsidyError) -> AppError {
    AppError::Internal(format!("subsidy ledger: {e}"))
}

// ---------------------------------------------------------------------------------------------
// The ledger page

/// A piece of aid counted in the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    /// The aid as recorded or declared.
    pub aid: AidEntry,
    /// The enterprise's name.
    pub enterprise_name: String,
    /// Its amount in the ledger's currency (minor units), converted where needed.
    pub ledger_amount: i64,
}

/// A control link in force with both enterprises' names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedLink {
    /// The link.
    pub link: EnterpriseLink,
    /// The controller's name.
    pub controller: String,
    /// The controlled enterprise's name.
    pub controlled: String,
}

/// An enterprise's ledger on a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Ledger {
    /// The enterprise.
    pub enterprise: Organisation,
    /// Its country (ISO 3166-1 alpha-2).
    pub country: String,
    /// The date the ledger is read on.
    pub on: NaiveDate,
    /// The rules' answer for aid of zero on that date (family, regime, window, group,
    /// contributions, used, ceiling, headroom); None when the enterprise has no ledger.
    pub check: Option<LedgerCheck>,
    /// The contributions with where they come from, in the check's order.
    pub counted: Vec<Counted>,
    /// The single undertaking's enterprises (established in the enterprise's country), by name.
    pub group: Vec<(OrgId, String)>,
    /// Aid that needs a rate to be counted.
    pub unconverted: Vec<Unconverted>,
    /// The enterprise's own declarations, withdrawn ones included, latest grant first.
    pub declarations: Vec<AidDeclaration>,
    /// The control links in force of its group.
    pub links: Vec<NamedLink>,
    /// Whether the actor may declare aid and link enterprises for it.
    pub can_manage: bool,
}

fn check_viewer(actor: &Actor, enterprise: OrgId) -> AppResult<()> {
    actor.user()?;
    if policy::can_see_confidential(actor, enterprise) { Ok(()) } else { Err(Denied::Forbidden.into()) }
}

/// Whether the actor may declare aid and link enterprises for `enterprise`: its organisation
/// admins (and platform admins), and whoever may record support in a funded project.
async fn may_manage(conn: Conn<'_>, actor: &Actor, enterprise: OrgId) -> AppResult<bool> {
    if policy::org_editor(actor, enterprise).is_ok() {
        return Ok(true);
    }
    if actor.user().is_err() {
        return Ok(false);
    }
    Ok(projects::list(conn).await?.iter().any(|p| {
        let delivery: Vec<OrgId> = p.delivery_orgs().collect();
        delivery.iter().any(|org| policy::support_recorder(actor, &delivery, *org).is_ok())
    }))
}

async fn check_manager(conn: Conn<'_>, actor: &Actor, enterprise: OrgId) -> AppResult<()> {
    actor.user()?;
    if may_manage(conn, actor, enterprise).await? { Ok(()) } else { Err(Denied::Forbidden.into()) }
}

/// The ledger of `enterprise` on `on` (today when None), for those who may see its support.
pub async fn ledger(app: &App, actor: &Actor, enterprise: OrgId, on: Option<NaiveDate>) -> AppResult<Ledger> {
    check_viewer(actor, enterprise)?;
    let on = on.unwrap_or_else(|| Utc::now().date_naive());
    let mut conn = app.db().acquire().await?;
    let declarations = store::declarations_of(conn.conn(), enterprise).await?;
    let can_manage = may_manage(conn.conn(), actor, enterprise).await?;
    let Some(facts) = facts(conn.conn(), enterprise, None).await? else {
        let (org, country) = with_country(conn.conn(), enterprise).await?;
        let links = group_links(conn.conn(), enterprise).await?;
        let links = named_links(conn.conn(), links).await?;
        let group = vec![(org.id, org.name.clone())];
        return Ok(Ledger {
            enterprise: org,
            country,
            on,
            check: None,
            counted: vec![],
            group,
            unconverted: vec![],
            declarations,
            links,
            can_manage,
        });
    };
    let currency = facts.family.currency().code();
    let check = run(&facts, &Proposal { granted_on: on, amount: 0, currency, rate_millionths: None })?;
    let name_of = |id: OrgId| facts.members.iter().find(|(m, _)| *m == id).map(|(_, n)| n.clone()).unwrap_or_default();
    let counted = check
        .iter()
        .flat_map(|c| &c.contributions)
        .filter_map(|c| {
            let aid = facts.aid.iter().find(|a| a.id.to_string() == c.record_id)?;
            Some(Counted { aid: aid.clone(), enterprise_name: name_of(aid.enterprise_id), ledger_amount: c.amount_minor_units })
        })
        .collect();
    let mut group = facts.members.clone();
    group.sort_by_key(|(_, name)| name.to_lowercase());
    let links = named_links(conn.conn(), facts.links.clone()).await?;
    Ok(Ledger {
        enterprise: facts.enterprise,
        country: facts.country,
        on,
        check,
        counted,
        group,
        unconverted: facts.unconverted,
        declarations,
        links,
        can_manage,
    })
}

/// The changes to what the ledger page lists from the audit trail, newest first: the
/// enterprise's declarations, every control link it was on either end of (removed ones
/// included) and the links in force of its group. For those who may see its ledger.
pub async fn history(app: &App, actor: &Actor, enterprise: OrgId) -> AppResult<Vec<Entry>> {
    check_viewer(actor, enterprise)?;
    let mut conn = app.db().acquire().await?;
    let mut history = Vec::new();
    for d in store::declarations_of(conn.conn(), enterprise).await? {
        history.extend(audit::history(conn.conn(), kind::AID_DECLARATION, &d.id.to_string()).await?);
    }
    let mut links: BTreeSet<Uuid> = store::all_links_of(conn.conn(), enterprise).await?.into_iter().map(|l| l.id).collect();
    links.extend(group_links(conn.conn(), enterprise).await?.into_iter().map(|l| l.id));
    for id in links {
        history.extend(audit::history(conn.conn(), kind::CONTROL_LINK, &id.to_string()).await?);
    }
    history.sort_by_key(|e| std::cmp::Reverse(e.seq));
    Ok(history)
}

async fn named_links(mut conn: Conn<'_>, links: Vec<EnterpriseLink>) -> AppResult<Vec<NamedLink>> {
    let mut out = Vec::with_capacity(links.len());
    for link in links {
        let name = |org: Option<Organisation>| org.map(|o| o.name).unwrap_or_default();
        let controller = name(organisations::get(conn.reborrow(), link.input.controller_id).await?);
        let controlled = name(organisations::get(conn.reborrow(), link.input.controlled_id).await?);
        out.push(NamedLink { link, controller, controlled });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The check before support is recorded

/// Checks support with an aid value against its enterprise's ledger before it is written
/// (`exclude`: the record being corrected, whose old value no longer counts). Over the ceiling
/// — or over the ceiling of a later grant whose window the aid falls into (de minimis Art.
/// 3(7); s.36(1)) — is refused on the amount (grants, loans) or hours field; near the ceiling
/// needs `confirmed`. Checks nothing without aid or a ledger; returns what the rules said.
pub(crate) async fn check_support(
    conn: Conn<'_>,
    project: &Project,
    input: &SupportInput,
    exclude: Option<SupportRecordId>,
    confirmed: bool,
) -> AppResult<Option<LedgerCheck>> {
    let aid_value = input.aid_value(project);
    if aid_value <= 0 {
        return Ok(None);
    }
    let Some(facts) = facts(conn, input.enterprise_id, exclude.map(|r| r.0)).await? else { return Ok(None) };
    let proposal = Proposal {
        granted_on: input.delivered_on,
        amount: aid_value,
        currency: project.input.currency.key(),
        rate_millionths: input.aid_rate_millionths,
    };
    let Some(check) = run(&facts, &proposal)? else { return Ok(None) };
    let field = if input.activity.is_financial() { "amount" } else { "hours" };
    let mut errors = ValidationErrors::default();
    if check.would_exceed || !check.later_conflicts.is_empty() {
        errors.add(field, "over_ceiling", over_ceiling_message(&facts.enterprise.name, &check));
    } else if check.warning == WarningLevel::NearCeiling && !confirmed {
        errors.add("confirm_ceiling", "near_ceiling", near_ceiling_message(&facts.enterprise.name, &check));
    }
    errors.into_result(Some(check)).map_err(AppError::Invalid)
}

/// "€1,234.56": an English amount for the messages (the web words the ledger in its language).
fn amount(minor: i64, currency: &str) -> String {
    let symbol = match currency {
        "EUR" => "€",
        "GBP" => "£",
        other => other,
    };
    format!("{symbol}{}", format_minor_units(minor, ',', '.'))
}

fn ceiling_name(check: &LedgerCheck) -> &'static str {
    match check.regime {
        subsidy::Regime::DeMinimis2023 => "de minimis ceiling (Reg. (EU) 2023/2831, Art. 3(2))",
        subsidy::Regime::DeMinimis2013 => "de minimis ceiling (Reg. (EU) No 1407/2013, Art. 3(2))",
        subsidy::Regime::MinimalFinancialAssistance => "Minimal Financial Assistance threshold (Subsidy Control Act 2022, s.36(1))",
    }
}

fn over_ceiling_message(enterprise: &str, check: &LedgerCheck) -> String {
    let c = check.currency.code();
    let later = match check.later_conflicts.first() {
        Some(l) if !check.would_exceed => format!(
            " It would also take the aid counted for the later grant of {} to {}, above its ceiling of {}.",
            l.granted_on,
            amount(l.total_with_proposed_minor_units, c),
            amount(l.ceiling_minor_units, c)
        ),
        _ => String::new(),
    };
    format!(
        "this aid of {} would take {enterprise} to {}, above the {} of {}: {} is used from {} to {}, so {} is left.{later} Reduce the aid or give it under another scheme.",
        amount(check.proposed_minor_units, c),
        amount(check.total_with_proposed_minor_units, c),
        ceiling_name(check),
        amount(check.ceiling_minor_units, c),
        amount(check.used_minor_units, c),
        check.window.from,
        check.window.to,
        amount(check.headroom_minor_units.max(0), c),
    )
}

fn near_ceiling_message(enterprise: &str, check: &LedgerCheck) -> String {
    let c = check.currency.code();
    format!(
        "this aid of {} takes {enterprise} to {} of the {} of {} ({} used from {} to {}, {} left before it): confirm that you want to record it anyway.",
        amount(check.proposed_minor_units, c),
        amount(check.total_with_proposed_minor_units, c),
        ceiling_name(check),
        amount(check.ceiling_minor_units, c),
        amount(check.used_minor_units, c),
        check.window.from,
        check.window.to,
        amount(check.headroom_minor_units.max(0), c),
    )
}

// ---------------------------------------------------------------------------------------------
// Declarations

/// The enterprise `id`, refusing organisations that are not enterprises (on `field`).
async fn enterprise_org(conn: Conn<'_>, id: OrgId, field: &str) -> AppResult<Organisation> {
    match organisations::get(conn, id).await? {
        Some(org) if org.kind.is_enterprise() => Ok(org),
        Some(_) => Err(AppError::invalid(field, "not_enterprise", "subsidy ledgers are kept for enterprises (SMEs, start-ups, companies)")),
        None => Err(AppError::invalid(field, "unknown_org", "choose the enterprise from the directory")),
    }
}

/// Declares aid `enterprise` received from another grantor.
pub async fn declare(app: &App, actor: &Actor, enterprise: OrgId, draft: &AidDeclarationDraft) -> AppResult<AidDeclaration> {
    let user = actor.user()?.id;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    enterprise_org(conn.reborrow(), enterprise, "enterprise").await?;
    check_manager(conn.reborrow(), actor, enterprise).await?;
    let mut input = draft.validate(at.date_naive())?;
    input.check_rate(ledger_currency(conn.reborrow(), enterprise).await?)?;
    let d = AidDeclaration {
        id: Uuid::now_v7(),
        enterprise_id: enterprise,
        input,
        created_by: Some(user),
        created_at: at,
        updated_at: at,
        version: 1,
        withdrawn_at: None,
        withdrawn_reason: None,
    };
    store::insert_declaration(conn.reborrow(), &d).await?;
    let change = Change { kind: kind::AID_DECLARATION, id: d.id.to_string(), action: "created", before: None, after: Some(&d) };
    audit_change(conn, actor, change, at).await?;
    tx.commit().await?;
    Ok(d)
}

/// A declaration, for someone who may manage its enterprise's ledger.
async fn managed_declaration(mut conn: Conn<'_>, actor: &Actor, id: Uuid) -> AppResult<AidDeclaration> {
    let d = store::declaration(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    check_manager(conn, actor, d.enterprise_id).await?;
    Ok(d)
}

/// Corrects a declaration read at `version` (not withdrawn).
pub async fn correct_declaration(
    app: &App,
    actor: &Actor,
    id: Uuid,
    version: i64,
    draft: &AidDeclarationDraft,
) -> AppResult<AidDeclaration> {
    actor.user()?;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let before = managed_declaration(conn.reborrow(), actor, id).await?;
    if before.withdrawn_at.is_some() {
        return Err(AppError::Conflict);
    }
    let mut input = draft.validate(at.date_naive())?;
    input.check_rate(ledger_currency(conn.reborrow(), before.enterprise_id).await?)?;
    if !store::update_declaration(conn.reborrow(), id, version, &input, at).await? {
        return Err(AppError::Conflict);
    }
    let after = store::declaration(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let change = Change { kind: kind::AID_DECLARATION, id: id.to_string(), action: "updated", before: Some(&before), after: Some(&after) };
    audit_change(conn, actor, change, at).await?;
    tx.commit().await?;
    Ok(after)
}

/// Withdraws a mistaken declaration read at `version`: it stays, and counts nowhere.
pub async fn withdraw_declaration(app: &App, actor: &Actor, id: Uuid, version: i64, reason: &str) -> AppResult<AidDeclaration> {
    actor.user()?;
    let at = now();
    let mut errors = ValidationErrors::default();
    let reason = required_text(&mut errors, "reason", reason, super::support::REASON_MAX);
    errors.into_result(())?;
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let before = managed_declaration(conn.reborrow(), actor, id).await?;
    if !store::withdraw_declaration(conn.reborrow(), id, version, &reason, at).await? {
        return Err(AppError::Conflict);
    }
    let after = store::declaration(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let change =
        Change { kind: kind::AID_DECLARATION, id: id.to_string(), action: "withdrawn", before: Some(&before), after: Some(&after) };
    audit_change(conn, actor, change, at).await?;
    tx.commit().await?;
    Ok(after)
}

// ---------------------------------------------------------------------------------------------
// Control links

/// Links two enterprises, one of them `enterprise` (whose ledger the actor manages).
pub async fn link(app: &App, actor: &Actor, enterprise: OrgId, draft: &LinkDraft) -> AppResult<EnterpriseLink> {
    let user = actor.user()?.id;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    check_manager(conn.reborrow(), actor, enterprise).await?;
    let input = draft.validate()?;
    if enterprise != input.controller_id && enterprise != input.controlled_id {
        return Err(AppError::invalid(
            "controlled_id",
            "not_this_enterprise",
            "one of the two enterprises must be the one whose ledger this is",
        ));
    }
    enterprise_org(conn.reborrow(), input.controller_id, "controller_id").await?;
    enterprise_org(conn.reborrow(), input.controlled_id, "controlled_id").await?;
    let other = if enterprise == input.controller_id { input.controlled_id } else { input.controller_id };
    let existing = store::links_of(conn.reborrow(), enterprise).await?;
    if existing.iter().any(|l| l.input.controller_id == other || l.input.controlled_id == other) {
        return Err(AppError::invalid(
            "controlled_id",
            "duplicate_link",
            "these enterprises are linked already: remove the old link first to change it",
        ));
    }
    let l = EnterpriseLink { id: Uuid::now_v7(), input, created_by: Some(user), created_at: at, removed_at: None };
    store::insert_link(conn.reborrow(), &l).await?;
    let change = Change { kind: kind::CONTROL_LINK, id: l.id.to_string(), action: "created", before: None, after: Some(&l) };
    audit_change(conn, actor, change, at).await?;
    tx.commit().await?;
    Ok(l)
}

/// Removes a link in force, for someone who may manage either enterprise's ledger.
pub async fn remove_link(app: &App, actor: &Actor, id: Uuid) -> AppResult<EnterpriseLink> {
    actor.user()?;
    let at = now();
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let before = store::link(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let mut allowed = false;
    for end in [before.input.controller_id, before.input.controlled_id] {
        allowed = allowed || may_manage(conn.reborrow(), actor, end).await?;
    }
    if !allowed {
        return Err(Denied::Forbidden.into());
    }
    if !store::remove_link(conn.reborrow(), id, at).await? {
        return Err(AppError::Conflict);
    }
    let after = store::link(conn.reborrow(), id).await?.ok_or(AppError::NotFound)?;
    let change = Change { kind: kind::CONTROL_LINK, id: id.to_string(), action: "removed", before: Some(&before), after: Some(&after) };
    audit_change(conn, actor, change, at).await?;
    tx.commit().await?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_write_amounts_in_full() {
        assert_eq!(amount(30_000_000, "EUR"), "€300,000.00");
        assert_eq!(amount(5, "GBP"), "£0.05");
        assert_eq!(amount(123_456, "PLN"), "PLN1,234.56");
    }

    #[test]
    fn countries_are_compared_in_one_spelling() {
        assert_eq!(country_key("uk"), "GB");
        assert_eq!(country_key("EL"), "GR");
        assert_eq!(country_key("de"), "DE");
    }
}
