//! An enterprise's subsidy ledger in the browser (issue 6, item 4): the regime and window that
//! apply, what is used of the ceiling and what is left, the aid counted (own support records,
//! declared aid, linked enterprises'), declarations with withdrawal, control links, the forms to
//! declare aid, correct a declaration and link an enterprise, the history of declarations and
//! links from the audit trail, and the MFA notification letter of a support record. The use
//! cases in `tandem_app::evidence::ledger` decide who may do what.

use super::history::{self, Audited, History, HistoryRow};
use super::{day, enterprises, money, org_name, require_login};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::brokerage::content_disposition;
use crate::pages::events::{Field, FormPage, after};
use crate::pages::organisations::parse_id;
use crate::pages::{FormState, Layout, non_empty, render, see_other};
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use tandem_app::AppError;
use tandem_app::evidence::ledger::subsidy::{ControlRelation, LedgerCheck, Regime, WarningLevel};
use tandem_app::evidence::ledger::{self, AidSource, Ledger};
use tandem_app::evidence::mfa_letter;
use tandem_core::evidence::aid::{AidDeclaration, AidDeclarationDraft, LinkDraft, relation_key, relation_of, relations};
use tandem_core::evidence::units::format_hundredths;
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, SupportRecordId};

/// The ledger page of an enterprise.
pub(crate) fn ledger_path(enterprise: OrgId) -> String {
    format!("/organisations/{enterprise}/ledger")
}

/// A rate in millionths as the reader writes it, without trailing zeros ("0.8532" / "0,8532").
pub(crate) fn rate_text(t: Tr, millionths: i64) -> String {
    let text = format!("{}.{:06}", millionths / 1_000_000, millionths % 1_000_000);
    let text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    match t.locale {
        tandem_core::account::Locale::De => text.replace('.', ","),
        tandem_core::account::Locale::En => text,
    }
}

/// The instrument's name.
fn regime_label(t: Tr, regime: Regime) -> String {
    t.get(match regime {
        Regime::DeMinimis2023 => "ledger-regime-de-minimis-2023",
        Regime::DeMinimis2013 => "ledger-regime-de-minimis-2013",
        Regime::MinimalFinancialAssistance => "ledger-regime-mfa",
    })
}

fn relation_label(t: Tr, relation: ControlRelation) -> String {
    t.get(&format!("ledger-relation-{}", relation_key(relation)))
}

/// "used of ceiling" with its window and what is left, in the reader's language: the support
/// form shows it next to a ceiling warning.
pub(crate) fn check_summary(t: Tr, check: &LedgerCheck) -> String {
    let c = check.currency.code();
    t.args(
        "ledger-summary",
        &[
            ("regime", regime_label(t, check.regime).into()),
            ("used", money(t, check.used_minor_units, c).into()),
            ("ceiling", money(t, check.ceiling_minor_units, c).into()),
            ("headroom", money(t, check.headroom_minor_units, c).into()),
            ("from", day(t, check.window.from).into()),
            ("to", day(t, check.window.to).into()),
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// The ledger page

struct GroupRow {
    id: String,
    name: String,
    own: bool,
}

struct CountedRow {
    date: String,
    enterprise: String,
    source: String,
    /// Where the evidence is: the support record on its enterprise's page, or the declaration.
    href: String,
    amount: String,
    ledger_amount: String,
}

struct DeclarationRow {
    id: String,
    version: i64,
    heading: String,
    description: String,
    rate: String,
    declared: String,
    withdrawn: String,
}

struct LinkRow {
    id: String,
    text: String,
}

#[derive(Template)]
#[template(path = "ledger.html")]
struct LedgerPage {
    l: Layout,
    enterprise_id: String,
    enterprise: String,
    on: String,
    /// Regime, window and figures; empty when there is no ledger.
    regime: String,
    window: String,
    used: String,
    ceiling: String,
    headroom: String,
    /// `clear`, `near` or `over`.
    level: &'static str,
    no_ledger: String,
    group: Vec<GroupRow>,
    counted: Vec<CountedRow>,
    unconverted: Vec<String>,
    declarations: Vec<DeclarationRow>,
    links: Vec<LinkRow>,
    can_manage: bool,
    /// The changes to declarations and control links, newest first.
    history: Vec<HistoryRow>,
}

/// The query of the ledger page: the date it is read on.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OnQuery {
    on: String,
}

fn level_of(check: &LedgerCheck) -> &'static str {
    match check.warning {
        WarningLevel::Clear => "clear",
        WarningLevel::NearCeiling => "near",
        WarningLevel::OverCeiling => "over",
    }
}

fn page(t: Tr, ctx: &Ctx, ledger: &Ledger, history: Vec<HistoryRow>) -> LedgerPage {
    let id = ledger.enterprise.id;
    let currency = ledger.check.as_ref().map(|c| c.currency.code()).unwrap_or_default();
    let counted = ledger
        .counted
        .iter()
        .map(|c| {
            let (source, href) = match &c.aid.source {
                AidSource::Support { record_id, project_name, .. } => (
                    t.with("ledger-source-support", "name", project_name),
                    format!("/organisations/{}/support#record-{record_id}", c.aid.enterprise_id),
                ),
                AidSource::Declared { declaration_id, grantor } => (
                    t.with("ledger-source-declared", "name", grantor),
                    format!("{}#declaration-{declaration_id}", ledger_path(c.aid.enterprise_id)),
                ),
            };
            CountedRow {
                date: day(t, c.aid.granted_on),
                enterprise: c.enterprise_name.clone(),
                source,
                href,
                amount: money(t, c.aid.amount, &c.aid.currency),
                ledger_amount: money(t, c.ledger_amount, currency),
            }
        })
        .collect();
    let unconverted = ledger
        .unconverted
        .iter()
        .map(|u| {
            t.args(
                "ledger-unconverted-item",
                &[
                    ("date", day(t, u.aid.granted_on).into()),
                    ("amount", money(t, u.aid.amount, &u.aid.currency).into()),
                    ("currency", u.ledger_currency.into()),
                ],
            )
        })
        .collect();
    let declarations = ledger
        .declarations
        .iter()
        .map(|d| {
            let i = &d.input;
            DeclarationRow {
                id: d.id.to_string(),
                version: d.version,
                heading: format!("{} · {} · {}", day(t, i.granted_on), i.grantor, money(t, i.amount, &i.currency)),
                description: i.description.clone().unwrap_or_default(),
                rate: i
                    .rate_millionths
                    .map(|r| {
                        t.args(
                            "ledger-declaration-rate",
                            &[("rate", rate_text(t, r).into()), ("source", i.rate_source.clone().unwrap_or_default().into())],
                        )
                    })
                    .unwrap_or_default(),
                declared: t.with("ledger-declared-on", "this", day(t, i.declared_on)),
                withdrawn: match (&d.withdrawn_at, &d.withdrawn_reason) {
                    (Some(at), reason) => t.args(
                        "support-withdrawn-note",
                        &[("this", t.date(at).into()), ("other", reason.clone().unwrap_or_default().into())],
                    ),
                    _ => String::new(),
                },
            }
        })
        .collect();
    let links = ledger
        .links
        .iter()
        .map(|n| LinkRow {
            id: n.link.id.to_string(),
            text: t.args(
                "ledger-link-text",
                &[
                    ("this", n.controller.clone().into()),
                    ("other", n.controlled.clone().into()),
                    ("relation", relation_label(t, n.link.input.relation).into()),
                ],
            ),
        })
        .collect();
    let group = ledger.group.iter().map(|(g, name)| GroupRow { id: g.to_string(), name: name.clone(), own: *g == id }).collect();
    let (regime, window, used, ceiling, headroom, level, no_ledger) = match &ledger.check {
        Some(c) => (
            regime_label(t, c.regime),
            format!("{} – {}", day(t, c.window.from), day(t, c.window.to)),
            money(t, c.used_minor_units, currency),
            money(t, c.ceiling_minor_units, currency),
            money(t, c.headroom_minor_units, currency),
            level_of(c),
            String::new(),
        ),
        None => {
            let covered = tandem_app::evidence::ledger::subsidy::ledger_for_country(&ledger.country).ok();
            let note = match covered {
                Some(family) => t.with("ledger-not-covered", "this", day(t, family.first_covered())),
                None => t.with("ledger-no-ledger", "country", ledger.country.clone()),
            };
            (String::new(), String::new(), String::new(), String::new(), String::new(), "clear", note)
        }
    };
    LedgerPage {
        l: Layout::new(ctx, t.with("ledger-title", "name", &ledger.enterprise.name)),
        enterprise_id: id.to_string(),
        enterprise: ledger.enterprise.name.clone(),
        on: ledger.on.to_string(),
        regime,
        window,
        used,
        ceiling,
        headroom,
        level,
        no_ledger,
        group,
        counted,
        unconverted,
        declarations,
        links,
        can_manage: ledger.can_manage,
        history,
    }
}

// ---------------------------------------------------------------------------------------------
// The history of declarations and links

/// Bookkeeping of declarations and links, left out of their history.
const SKIP: &[&str] = &["id", "enterprise_id", "version", "created_at", "updated_at", "created_by"];

/// The label of a field as audited (a declaration's or a control link's).
fn field_label(t: Tr, field: &str) -> String {
    match field {
        "grantor" | "description" | "granted_on" | "amount" | "currency" | "rate_source" | "declared_on" | "relation" | "controller_id"
        | "controlled_id" | "removed_at" => t.get(&format!("ledger-field-{field}")),
        "rate_millionths" => t.get("ledger-field-rate"),
        "withdrawn_at" | "withdrawn_reason" => t.get(&format!("support-field-{field}")),
        other => other.to_owned(),
    }
}

/// One audited value in words: amounts in the currency of the same side of the change,
/// enterprises by name.
fn audited_value(t: Tr, names: &HashMap<String, String>, field: &str, value: &Value, side: &BTreeMap<String, Value>) -> String {
    match field {
        "granted_on" | "declared_on" => history::date(t, value),
        "withdrawn_at" | "removed_at" => history::timestamp(t, value),
        "amount" => history::number(value, |n| money(t, n, side.get("currency").and_then(Value::as_str).unwrap_or_default())),
        "rate_millionths" => history::number(value, |r| rate_text(t, r)),
        "relation" => value.as_str().and_then(relation_of).map(|r| relation_label(t, r)).unwrap_or_else(|| history::plain(value)),
        "controller_id" | "controlled_id" => value.as_str().and_then(|id| names.get(id)).cloned().unwrap_or_else(|| history::plain(value)),
        _ => history::plain(value),
    }
}

/// A control link as audited, in words ("A controls B: how").
fn link_text(t: Tr, names: &HashMap<String, String>, fields: &BTreeMap<String, Value>) -> String {
    let name = |key: &str| fields.get(key).map(|v| audited_value(t, names, key, v, fields)).unwrap_or_default();
    t.args(
        "ledger-link-text",
        &[("this", name("controller_id").into()), ("other", name("controlled_id").into()), ("relation", name("relation").into())],
    )
}

/// The history rows of the ledger's declarations and control links, newest first, on `zone`'s
/// clock.
async fn history_rows(state: &AppState, ctx: &Ctx, ledger: &Ledger, zone: &str) -> Result<Vec<HistoryRow>, PageError> {
    let t = ctx.t;
    let entries = ledger::history(&state.app, &ctx.actor, ledger.enterprise.id).await.map_err(|e| ctx.fail(e))?;
    // Enterprises a link names before or after a change, looked up once each.
    let mut names: HashMap<String, String> = ledger.group.iter().map(|(id, name)| (id.to_string(), name.clone())).collect();
    for e in entries.iter().filter(|e| e.entity_kind == "control_link") {
        for side in [&e.before, &e.after] {
            let fields = history::flatten(side.as_ref(), SKIP);
            for id in ["controller_id", "controlled_id"].iter().filter_map(|k| fields.get(*k).and_then(Value::as_str)) {
                if !names.contains_key(id)
                    && let Ok(org) = id.parse::<OrgId>()
                {
                    names.insert(id.to_owned(), org_name(state, ctx, &[], org).await);
                }
            }
        }
    }
    let mut rows = History::new(state, t, zone);
    let mut out = Vec::with_capacity(entries.len());
    for e in &entries {
        let record = if e.entity_kind == "control_link" {
            link_text(t, &names, &history::flatten(e.after.as_ref().or(e.before.as_ref()), SKIP))
        } else {
            let declaration = ledger.declarations.iter().find(|d| d.id.to_string() == e.entity_id);
            declaration.map(|d| format!("{} · {}", day(t, d.input.granted_on), d.input.grantor)).unwrap_or_default()
        };
        let e = Audited { at: e.at, actor: e.actor, action: &e.action, before: e.before.as_ref(), after: e.after.as_ref() };
        let changes = history::changes(&e, SKIP, |k| field_label(t, k), |k, v, side| audited_value(t, &names, k, v, side));
        out.push(rows.row(&e, record, changes).await);
    }
    Ok(out)
}

/// `GET /organisations/{id}/ledger?on=YYYY-MM-DD`.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<OnQuery>,
) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: OrgId = parse_id(t, &id)?;
    let on = NaiveDate::parse_from_str(q.on.trim(), "%Y-%m-%d").ok();
    let ledger = ledger::ledger(&state.app, &ctx.actor, id, on).await.map_err(|e| ctx.fail(e))?;
    let view = tandem_app::directory::organisations::view(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let history = history_rows(&state, &ctx, &ledger, &view.city.time_zone).await?;
    render(t, StatusCode::OK, &page(t, &ctx, &ledger, history))
}

/// The ledger for a form page, for those who may change it.
async fn managed(state: &AppState, ctx: &Ctx, id: OrgId) -> Result<Ledger, PageError> {
    let ledger = ledger::ledger(&state.app, &ctx.actor, id, None).await.map_err(|e| ctx.fail(e))?;
    if !ledger.can_manage {
        return Err(ctx.fail(tandem_core::policy::Denied::Forbidden.into()));
    }
    Ok(ledger)
}

// ---------------------------------------------------------------------------------------------
// Declaring aid and correcting a declaration

fn edit_path(id: uuid::Uuid) -> String {
    format!("/aid-declarations/{id}/edit")
}

/// The declaration form as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeclarationForm {
    _csrf: String,
    /// The version the declaration was read at (correcting only).
    version: i64,
    /// Whose ledger to go back to (correcting only).
    enterprise: String,
    grantor: String,
    description: String,
    granted_on: String,
    amount: String,
    currency: String,
    rate: String,
    rate_source: String,
    declared_on: String,
}

impl DeclarationForm {
    /// The form of a declaration, to correct it.
    fn of(t: Tr, d: &AidDeclaration) -> DeclarationForm {
        let i = &d.input;
        DeclarationForm {
            version: d.version,
            enterprise: d.enterprise_id.to_string(),
            grantor: i.grantor.clone(),
            description: i.description.clone().unwrap_or_default(),
            granted_on: i.granted_on.to_string(),
            amount: format_hundredths(i.amount),
            currency: i.currency.clone(),
            rate: i.rate_millionths.map(|r| rate_text(t, r)).unwrap_or_default(),
            rate_source: i.rate_source.clone().unwrap_or_default(),
            declared_on: i.declared_on.to_string(),
            ..DeclarationForm::default()
        }
    }

    fn draft(&self) -> AidDeclarationDraft {
        AidDeclarationDraft {
            grantor: self.grantor.clone(),
            description: non_empty(&self.description),
            granted_on: self.granted_on.clone(),
            amount: self.amount.clone(),
            currency: self.currency.clone(),
            rate: self.rate.clone(),
            rate_source: self.rate_source.clone(),
            declared_on: self.declared_on.clone(),
        }
    }

    fn state(&self, t: Tr, action: String, enterprise: OrgId) -> FormState {
        let mut f = FormState::new(t, action);
        f.cancel = ledger_path(enterprise);
        f.version = self.version;
        for (name, value) in [
            ("grantor", &self.grantor),
            ("description", &self.description),
            ("granted_on", &self.granted_on),
            ("amount", &self.amount),
            ("currency", &self.currency),
            ("rate", &self.rate),
            ("rate_source", &self.rate_source),
            ("declared_on", &self.declared_on),
        ] {
            f.set(name, value.as_str());
        }
        f
    }
}

/// The declaration form's page (declaring and correcting).
#[derive(Template)]
#[template(path = "aid_declaration_form.html")]
struct DeclarationPage {
    l: Layout,
    /// The enterprise's name.
    context: String,
    enterprise_id: String,
    intro: String,
    f: FormState,
    fields: Vec<Field>,
    submit: String,
}

/// What the declaration page is for: its title, intro and button (translation ids).
struct Purpose {
    title: &'static str,
    intro: &'static str,
    submit: &'static str,
}

const DECLARE: Purpose = Purpose { title: "ledger-declare", intro: "ledger-declare-intro", submit: "ledger-declare" };
const CORRECT: Purpose = Purpose { title: "ledger-declaration-edit", intro: "ledger-declaration-edit-intro", submit: "action-save" };

fn declaration_page(ctx: &Ctx, ledger: &Ledger, purpose: Purpose, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let fields = vec![
        Field::new(&f, "grantor", t.get("ledger-field-grantor"), "text").required().hint(t.get("ledger-hint-grantor")),
        Field::new(&f, "description", t.get("ledger-field-description"), "textarea"),
        Field::new(&f, "granted_on", t.get("ledger-field-granted_on"), "date").required().hint(t.get("ledger-hint-granted-on")),
        Field::new(&f, "amount", t.get("ledger-field-amount"), "text").required().hint(t.get("ledger-hint-amount")),
        Field::new(&f, "currency", t.get("ledger-field-currency"), "text").required().hint(t.get("ledger-hint-currency")),
        Field::new(&f, "rate", t.get("ledger-field-rate"), "text").hint(t.get("ledger-hint-rate")),
        Field::new(&f, "rate_source", t.get("ledger-field-rate_source"), "text").hint(t.get("ledger-hint-rate-source")),
        Field::new(&f, "declared_on", t.get("ledger-field-declared_on"), "date").required(),
    ];
    let page = DeclarationPage {
        l: Layout::new(ctx, t.get(purpose.title)),
        context: ledger.enterprise.name.clone(),
        enterprise_id: ledger.enterprise.id.to_string(),
        intro: t.get(purpose.intro),
        f,
        fields,
        submit: t.get(purpose.submit),
    };
    render(t, status, &page)
}

/// `GET /organisations/{id}/ledger/declare`.
pub async fn declare_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: OrgId = parse_id(ctx.t, &id)?;
    let ledger = managed(&state, &ctx, id).await?;
    let currency = ledger.check.as_ref().map(|c| c.currency.code()).unwrap_or("EUR");
    let form = DeclarationForm {
        currency: currency.to_owned(),
        declared_on: chrono::Utc::now().date_naive().to_string(),
        ..DeclarationForm::default()
    };
    declaration_page(&ctx, &ledger, DECLARE, form.state(ctx.t, format!("{}/declare", ledger_path(id)), id), StatusCode::OK)
}

/// `POST /organisations/{id}/ledger/declare`.
pub async fn declare(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<DeclarationForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: OrgId = parse_id(t, &id)?;
    match ledger::declare(&state.app, &ctx.actor, id, &form.draft()).await {
        Ok(_) => {
            ctx.flash(t.get("ledger-declared")).await;
            Ok(see_other(&ledger_path(id)))
        }
        Err(AppError::Invalid(errors)) => {
            let ledger = managed(&state, &ctx, id).await?;
            let f = form.state(t, format!("{}/declare", ledger_path(id)), id).with_errors(errors);
            declaration_page(&ctx, &ledger, DECLARE, f, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The query of the correct link: whose ledger the declaration is on.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EnterpriseQuery {
    enterprise: String,
}

/// `GET /aid-declarations/{id}/edit?enterprise={org}`: for those who manage the ledger; a
/// withdrawn declaration is a conflict.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<EnterpriseQuery>,
) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: uuid::Uuid = parse_id(t, &id)?;
    let enterprise: OrgId = parse_id(t, &q.enterprise)?;
    let ledger = managed(&state, &ctx, enterprise).await?;
    let d = ledger.declarations.iter().find(|d| d.id == id).ok_or_else(|| ctx.fail(AppError::NotFound))?;
    if d.withdrawn_at.is_some() {
        return Err(ctx.fail(AppError::Conflict));
    }
    let f = DeclarationForm::of(t, d).state(t, edit_path(id), enterprise);
    declaration_page(&ctx, &ledger, CORRECT, f, StatusCode::OK)
}

/// `POST /aid-declarations/{id}/edit`.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<DeclarationForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: uuid::Uuid = parse_id(t, &id)?;
    match ledger::correct_declaration(&state.app, &ctx.actor, id, form.version, &form.draft()).await {
        Ok(d) => {
            ctx.flash(t.get("ledger-declaration-saved")).await;
            Ok(see_other(&ledger_path(d.enterprise_id)))
        }
        Err(AppError::Invalid(errors)) => edit_again(&state, &ctx, id, &form, errors, StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(AppError::Conflict) => {
            let mut errors = ValidationErrors::default();
            errors.add("grantor", "conflict", t.get("ledger-declaration-conflict"));
            edit_again(&state, &ctx, id, &form, errors, StatusCode::CONFLICT).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The correction form again, with what was typed and its problems.
async fn edit_again(
    state: &AppState,
    ctx: &Ctx,
    id: uuid::Uuid,
    form: &DeclarationForm,
    errors: ValidationErrors,
    status: StatusCode,
) -> Result<Response, PageError> {
    let t = ctx.t;
    let enterprise: OrgId = parse_id(t, &form.enterprise)?;
    let ledger = managed(state, ctx, enterprise).await?;
    let f = form.state(t, edit_path(id), enterprise).with_errors(errors);
    declaration_page(ctx, &ledger, CORRECT, f, status)
}

/// The withdraw form of a declaration.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct WithdrawForm {
    _csrf: String,
    enterprise: String,
    version: i64,
    reason: String,
}

/// `POST /aid-declarations/{id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: uuid::Uuid = parse_id(ctx.t, &id)?;
    let enterprise: OrgId = parse_id(ctx.t, &form.enterprise)?;
    let result = ledger::withdraw_declaration(&state.app, &ctx.actor, id, form.version, &form.reason).await;
    after(&ctx, result, "ledger-declaration-withdrawn", ledger_path(enterprise)).await
}

// ---------------------------------------------------------------------------------------------
// Control links

/// The link form as posted: the other enterprise, who controls whom, and how.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LinkForm {
    _csrf: String,
    other_id: String,
    /// `controls` (this enterprise controls the other) or `controlled_by`.
    direction: String,
    relation: String,
}

impl LinkForm {
    fn draft(&self, enterprise: OrgId) -> LinkDraft {
        let (controller_id, controlled_id) = match self.direction.as_str() {
            "controlled_by" => (self.other_id.clone(), enterprise.to_string()),
            _ => (enterprise.to_string(), self.other_id.clone()),
        };
        LinkDraft { controller_id, controlled_id, relation: self.relation.clone() }
    }

    fn state(&self, t: Tr, enterprise: OrgId) -> FormState {
        let mut f = FormState::new(t, format!("{}/link", ledger_path(enterprise)));
        f.cancel = ledger_path(enterprise);
        f.set("other_id", self.other_id.as_str()).set("direction", self.direction.as_str()).set("relation", self.relation.as_str());
        f
    }
}

/// The link's problems on the form's fields: either end is the "other enterprise" field.
fn on_link_fields(errors: ValidationErrors) -> ValidationErrors {
    let mut out = ValidationErrors::default();
    for e in errors.0 {
        let field = if matches!(e.field.as_str(), "controller_id" | "controlled_id") { "other_id" } else { e.field.as_str() };
        out.add(field, e.code, e.message);
    }
    out
}

async fn link_page(state: &AppState, ctx: &Ctx, ledger: &Ledger, f: FormState, status: StatusCode) -> Result<Response, PageError> {
    let t = ctx.t;
    let own = ledger.enterprise.id.to_string();
    let mut others = vec![(String::new(), t.get("form-choose"))];
    others.extend(enterprises(state, ctx).await?.into_iter().filter(|(id, _)| *id != own));
    let directions = vec![
        ("controls".to_owned(), t.with("ledger-direction-controls", "name", &ledger.enterprise.name)),
        ("controlled_by".to_owned(), t.with("ledger-direction-controlled-by", "name", &ledger.enterprise.name)),
    ];
    let relation_options = relations().iter().map(|(r, key)| ((*key).to_owned(), relation_label(t, *r))).collect();
    let fields = vec![
        Field::new(&f, "other_id", t.get("ledger-field-other_id"), "select").required().options(others),
        Field::new(&f, "direction", t.get("ledger-field-direction"), "select").required().options(directions),
        Field::new(&f, "relation", t.get("ledger-field-relation"), "select")
            .required()
            .options(relation_options)
            .hint(t.get("ledger-hint-relation")),
    ];
    let page = FormPage {
        l: Layout::new(ctx, t.get("ledger-link")),
        context: ledger.enterprise.name.clone(),
        intro: t.get("ledger-link-intro"),
        f,
        fields,
        submit: t.get("ledger-link"),
    };
    render(t, status, &page)
}

/// `GET /organisations/{id}/ledger/link`.
pub async fn link_form(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: OrgId = parse_id(ctx.t, &id)?;
    let ledger = managed(&state, &ctx, id).await?;
    let form = LinkForm {
        direction: "controls".into(),
        relation: relation_key(ControlRelation::MajorityOfVotingRights).into(),
        ..LinkForm::default()
    };
    link_page(&state, &ctx, &ledger, form.state(ctx.t, id), StatusCode::OK).await
}

/// `POST /organisations/{id}/ledger/link`.
pub async fn link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<LinkForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: OrgId = parse_id(t, &id)?;
    match ledger::link(&state.app, &ctx.actor, id, &form.draft(id)).await {
        Ok(_) => {
            ctx.flash(t.get("ledger-linked")).await;
            Ok(see_other(&ledger_path(id)))
        }
        Err(AppError::Invalid(errors)) => {
            let ledger = managed(&state, &ctx, id).await?;
            let f = form.state(t, id).with_errors(on_link_fields(errors));
            link_page(&state, &ctx, &ledger, f, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

/// The remove form of a link: whose ledger to go back to.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RemoveLinkForm {
    _csrf: String,
    enterprise: String,
}

/// `POST /control-links/{id}/remove`.
pub async fn remove_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<RemoveLinkForm>,
) -> Result<Response, PageError> {
    ctx.check_csrf(&form._csrf)?;
    require_login(&ctx)?;
    let id: uuid::Uuid = parse_id(ctx.t, &id)?;
    let enterprise: OrgId = parse_id(ctx.t, &form.enterprise)?;
    let result = ledger::remove_link(&state.app, &ctx.actor, id).await;
    after(&ctx, result, "ledger-link-removed", ledger_path(enterprise)).await
}

// ---------------------------------------------------------------------------------------------
// The MFA notification letter

/// `GET /support/{id}/mfa-letter`: the PDF, for those who may see the enterprise's support.
pub async fn mfa_letter(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let id: SupportRecordId = parse_id(ctx.t, &id)?;
    let file = mfa_letter::mfa_letter(&state.app, &ctx.actor, id, ctx.t.locale).await.map_err(|e| ctx.fail(e))?;
    let disposition = HeaderValue::from_str(&content_disposition(&file.file_name)).unwrap_or(HeaderValue::from_static("attachment"));
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(file.media_type)),
        (header::CONTENT_DISPOSITION, disposition),
        (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
    ];
    Ok((headers, file.bytes).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_core::account::Locale;

    #[test]
    fn rates_follow_the_readers_notation() {
        assert_eq!(rate_text(Tr::new(Locale::En), 853_200), "0.8532");
        assert_eq!(rate_text(Tr::new(Locale::De), 1_172_300), "1,1723");
        assert_eq!(rate_text(Tr::new(Locale::En), 2_000_000), "2");
    }
}
