//! A project's dashboard (issue 6, item 6): its indicators for a period against their targets,
//! charts of what was achieved (against targets, by city, sector, support organisation and
//! month), each indicator's counted enterprises with the records that qualify them and its near
//! misses with what they lack, and the claim as CSV or XLSX. The counting is
//! `tandem_app::evidence::indicators`, which also decides who may see a project; this module
//! only words and arranges its report.

use super::{day, hours, money, require_login};
use crate::charts::{BarChart, percent};
use crate::ctx::Ctx;
use crate::error::{PageError, PageErrorKind};
use crate::i18n::Tr;
use crate::pages::brokerage::content_disposition;
use crate::pages::events::Field;
use crate::pages::organisations::parse_id;
use crate::pages::{FormState, Layout, render};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{Datelike, Months, NaiveDate, NaiveTime};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tandem_app::AppError;
use tandem_app::evidence::claims::{self, ClaimFormat};
use tandem_app::evidence::dashboard::{
    self as facts, CountedEntry, IndicatorCode, IndicatorResult, LinkKind, Part, Shortfall, SubjectPlace, Unit,
};
use tandem_app::evidence::indicators::{self, CooperationEvidence, IndicatorReport};
use tandem_app::evidence::projects;
use tandem_core::account::Locale;
use tandem_core::evidence::project::Project;
use tandem_core::nace::{NaceCatalogue, NaceCode};
use tandem_core::validation::ValidationErrors;
use tandem_core::{OrgId, ProjectId};

// ---------------------------------------------------------------------------------------------
// The period

/// The query of the dashboard, an indicator page and a claim download: the period (`from`, `to`
/// as YYYY-MM-DD, either may be left out) and, for downloads, the format (`csv` or `xlsx`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PeriodQuery {
    from: String,
    to: String,
    format: String,
}

/// The period asked for. A blank start is the project's start; a blank end is today, within
/// the project's delivery dates. Dates that do not parse are problems of their field.
fn period_of(q: &PeriodQuery, project: &Project, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), ValidationErrors> {
    let (starts, ends) = (project.input.starts_on, project.input.ends_on);
    let mut errors = ValidationErrors::default();
    let mut parse = |field: &str, raw: &str, default: NaiveDate| match raw.trim() {
        "" => Some(default),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| errors.add(field, "invalid_date", "write the date as YYYY-MM-DD, e.g. 2018-12-31"))
            .ok(),
    };
    let from = parse("from", &q.from, starts);
    let to = parse("to", &q.to, today.min(ends).max(starts));
    match (from, to) {
        (Some(from), Some(to)) => Ok((from, to)),
        _ => Err(errors),
    }
}

/// The query string that keeps a period across links.
fn period_query(from: NaiveDate, to: NaiveDate) -> String {
    format!("from={from}&to={to}")
}

/// The period form (a GET form to `action`), showing the period in use or what was typed.
fn period_form(
    t: Tr,
    action: String,
    q: &PeriodQuery,
    period: Option<(NaiveDate, NaiveDate)>,
    errors: Option<ValidationErrors>,
) -> (FormState, Vec<Field>) {
    let mut f = FormState::new(t, action);
    match period {
        Some((from, to)) => f.set("from", from.to_string()).set("to", to.to_string()),
        None => f.set("from", &q.from).set("to", &q.to),
    };
    if let Some(errors) = errors {
        f = f.with_errors(errors);
    }
    let fields = vec![
        Field::new(&f, "from", t.get("dashboard-field-from"), "date").hint(t.get("dashboard-hint-date")),
        Field::new(&f, "to", t.get("dashboard-field-to"), "date").hint(t.get("dashboard-hint-date")),
    ];
    (f, fields)
}

// ---------------------------------------------------------------------------------------------
// Words for the report

/// The reader's name of an indicator.
fn indicator_name(t: Tr, code: IndicatorCode) -> String {
    t.get(&format!("dashboard-indicator-{}", code.key()))
}

/// What an indicator counts, in the reader's words.
fn unit_label(t: Tr, unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Enterprises => t.get("dashboard-unit-enterprises"),
        Unit::Organisations => t.get("dashboard-unit-organisations"),
        Unit::FteHundredths => t.get("dashboard-unit-fte"),
        Unit::MoneyMinor => currency.to_owned(),
    }
}

/// A value in its indicator's unit, in the reader's notation.
fn value_text(t: Tr, unit: Unit, value: i64, currency: &str) -> String {
    match unit {
        Unit::Enterprises | Unit::Organisations => t.number(value),
        Unit::FteHundredths => hours(t, value),
        Unit::MoneyMinor => money(t, value, currency),
    }
}

/// A target in the unit values are counted in: targets are whole FTE and whole currency units,
/// values are their hundredths.
fn target_value(unit: Unit, target: i64) -> i64 {
    match unit {
        Unit::FteHundredths | Unit::MoneyMinor => target.saturating_mul(100),
        Unit::Enterprises | Unit::Organisations => target,
    }
}

fn part_label(t: Tr, part: Part) -> String {
    let key = match part {
        Part::Micro => "micro",
        Part::Small => "small",
        Part::Medium => "medium",
        Part::Large => "large",
        Part::Grants => "grants",
        Part::FinancialInstruments => "financial-instruments",
    };
    t.get(&format!("dashboard-part-{key}"))
}

/// How a value splits ("micro 3, small 2"), or "".
fn parts_text(t: Tr, unit: Unit, parts: &[facts::PartValue], currency: &str) -> String {
    parts.iter().map(|p| format!("{} {}", part_label(t, p.part), value_text(t, unit, p.value, currency))).collect::<Vec<_>>().join(", ")
}

/// What a near miss lacks, in the reader's words ("9.5 of 12 hours", "no SME declaration").
pub(crate) fn shortfall_text(t: Tr, s: &Shortfall) -> String {
    let h = |v: u32| hours(t, i64::from(v));
    let two = |key: &str, this: String, other: String| t.args(key, &[("this", this.into()), ("other", other.into())]);
    match s {
        Shortfall::HoursShort { have_hundredths, need_hundredths } => {
            two("dashboard-missing-hours", h(*have_hundredths), h(*need_hundredths))
        }
        Shortfall::NoSmeDeclaration => t.get("dashboard-missing-sme-declaration"),
        Shortfall::NotAnSme { size } => t.with("dashboard-missing-not-sme", "label", t.get(&format!("sme-category-{}-text", size.key()))),
        Shortfall::NoWrittenOutput { records, hours_hundredths } => {
            two("dashboard-missing-written-output", t.number(i64::from(*records)), h(*hours_hundredths))
        }
        Shortfall::OutsideEligibleArea => t.get("dashboard-missing-area"),
        Shortfall::ExcludedSector { nace } => t.with("dashboard-missing-sector", "code", nace),
        Shortfall::NoEvidence { records } => t.count("dashboard-missing-evidence", i64::from(*records)),
        Shortfall::NotNewEnterprise { months, limit_months } => {
            two("dashboard-missing-not-new", t.number(i64::from(*months)), t.number(i64::from(*limit_months)))
        }
        Shortfall::NoStartDate => t.get("dashboard-missing-start-date"),
        Shortfall::StartNotEvidencedByRegistration => t.get("dashboard-missing-registration"),
        Shortfall::NotCountedUnder { code } => t.with("dashboard-missing-not-counted-under", "code", code.key()),
        Shortfall::NoEmploymentBaseline => t.get("dashboard-missing-baseline"),
        Shortfall::BaselineAfterSupport { baseline_on, first_support_on } => {
            two("dashboard-missing-baseline-after-support", day(t, *baseline_on), day(t, *first_support_on))
        }
        Shortfall::FigureBeforeBaseline { as_of, baseline_on } => {
            two("dashboard-missing-figure-before-baseline", day(t, *as_of), day(t, *baseline_on))
        }
        Shortfall::NotConfirmedInWriting { figures } => t.count("dashboard-missing-not-confirmed", i64::from(*figures)),
        Shortfall::NoEmploymentIncrease { baseline_hundredths, latest_hundredths } => {
            two("dashboard-missing-no-increase", h(*latest_hundredths), h(*baseline_hundredths))
        }
        Shortfall::InnovationBeforeSupport { introduced_on, first_support_on } => {
            two("dashboard-missing-innovation-before-support", day(t, *introduced_on), day(t, *first_support_on))
        }
        Shortfall::SameCountry { country } => t.with("dashboard-missing-same-country", "country", country),
        Shortfall::MeetingsNotCounted { meetings } => t.count("dashboard-missing-meetings", i64::from(*meetings)),
        Shortfall::AgreementsNotConfirmed { agreements } => t.count("dashboard-missing-unconfirmed", i64::from(*agreements)),
    }
}

/// "1 January 2018 – 31 December 2018".
fn period_text(t: Tr, from: NaiveDate, to: NaiveDate) -> String {
    format!("{} – {}", day(t, from), day(t, to))
}

/// "March 2018" / "März 2018".
fn month_label(t: Tr, month: NaiveDate) -> String {
    let at = month.and_time(NaiveTime::MIN).and_utc();
    match t.locale {
        Locale::En => at.format_localized("%B %Y", chrono::Locale::en_GB).to_string(),
        Locale::De => at.format_localized("%B %Y", chrono::Locale::de_DE).to_string(),
    }
}

/// The NACE section of a code with its label ("J – Information and communication"), if the
/// catalogue knows the code.
fn section_label(t: Tr, nace: &NaceCatalogue, code: &NaceCode) -> Option<String> {
    let section = NaceCode::parse(&nace.get(code)?.section.to_string()).ok()?;
    Some(format!("{section} – {}", crate::pages::nace_label(t, nace, &section)))
}

/// The achieved value as a share of the target; none without a target.
fn share_of_target(achieved: i64, target: Option<i64>) -> Option<f64> {
    target.filter(|v| *v > 0).map(|target| achieved as f64 / target as f64)
}

// ---------------------------------------------------------------------------------------------
// The dashboard

struct IndicatorRow {
    code: String,
    name: String,
    unit: String,
    target: String,
    achieved: String,
    percent: String,
    parts: String,
    near_misses: String,
}

#[derive(Template)]
#[template(path = "project_dashboard.html")]
struct DashboardPage {
    l: Layout,
    id: String,
    project: String,
    f: FormState,
    fields: Vec<Field>,
    /// The period in words and as a query string ("" when the period is not valid); the query
    /// holds two ISO dates only, so templates write it unescaped (`&`, not `&#38;`).
    period: String,
    query: String,
    rows: Vec<IndicatorRow>,
    /// What the charts of achieved enterprises count ("C1 …"), or "" when nothing counts.
    headline: String,
    charts: Vec<BarChart>,
}

fn indicator_rows(t: Tr, report: &IndicatorReport) -> Vec<IndicatorRow> {
    let currency = report.project.input.currency.key();
    report
        .results
        .iter()
        .map(|r| {
            let unit = r.code.meta().unit;
            let target = report.target(r.code.key()).map(|v| target_value(unit, v));
            IndicatorRow {
                code: r.code.key().to_owned(),
                name: indicator_name(t, r.code),
                unit: unit_label(t, unit, currency),
                target: target.map(|v| value_text(t, unit, v, currency)).unwrap_or_else(|| "—".into()),
                achieved: value_text(t, unit, r.total(), currency),
                percent: share_of_target(r.total(), target).map(|s| percent(t, s)).unwrap_or_else(|| "—".into()),
                parts: parts_text(t, unit, &r.part_totals(), currency),
                near_misses: t.number(r.near_misses.len() as i64),
            }
        })
        .collect()
}

/// Labels by count (largest first), then by name.
fn by_count(counts: HashMap<String, i64>) -> Vec<(String, i64)> {
    let mut list: Vec<(String, i64)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase())));
    list
}

/// The indicator whose subjects the breakdowns count: the first count of enterprises (C1,
/// RCO01) or, for Interreg, of organisations.
fn headline(report: &IndicatorReport) -> Option<&IndicatorResult> {
    let counts = |r: &&IndicatorResult| matches!(r.code.meta().unit, Unit::Enterprises | Unit::Organisations);
    report.results.iter().find(|r| counts(r) && !r.entries.is_empty()).or_else(|| report.results.iter().find(counts))
}

fn charts(t: Tr, report: &IndicatorReport, places: &HashMap<String, SubjectPlace>, nace: &NaceCatalogue) -> Vec<BarChart> {
    let currency = report.project.input.currency.key();
    let mut charts = Vec::new();
    let mut targets =
        BarChart::new("targets", t.get("dashboard-chart-targets"), t.get("project-indicator"), t.get("dashboard-chart-targets-value"));
    for r in &report.results {
        let unit = r.code.meta().unit;
        let Some(target) = report.target(r.code.key()).map(|v| target_value(unit, v)).filter(|v| *v > 0) else { continue };
        let share = r.total() as f64 / target as f64;
        let text = t.args(
            "dashboard-of-target",
            &[
                ("this", value_text(t, unit, r.total(), currency).into()),
                ("other", value_text(t, unit, target, currency).into()),
                ("label", percent(t, share).into()),
            ],
        );
        targets = targets.bar(r.code.key().to_owned(), share * 100.0, text);
    }
    if !targets.bars.is_empty() {
        charts.push(targets);
    }
    let Some(result) = headline(report).filter(|r| !r.entries.is_empty()) else { return charts };
    let code = result.code.key();
    let chart =
        |id: &str, title: &str, label: &str| BarChart::new(id, t.with(title, "code", code), t.get(label), t.get("dashboard-chart-count"));
    let unknown = || t.get("dashboard-unknown");
    let (mut cities, mut sectors, mut givers, mut programmes) = (HashMap::new(), HashMap::new(), HashMap::new(), HashMap::new());
    let mut months: BTreeMap<NaiveDate, i64> = BTreeMap::new();
    for e in &result.entries {
        let place = places.get(&e.subject_id);
        let city = place.map(|p| p.city.clone()).filter(|c| !c.is_empty()).unwrap_or_else(unknown);
        *cities.entry(city).or_insert(0) += 1;
        let sector =
            place.and_then(|p| p.nace.as_ref()).and_then(|c| section_label(t, nace, c)).unwrap_or_else(|| t.get("dashboard-no-sector"));
        *sectors.entry(sector).or_insert(0) += 1;
        let orgs: BTreeSet<String> =
            e.qualifying_ids.iter().filter_map(|id| report.records.get(id)).map(|(r, _)| r.input.support_org_id.to_string()).collect();
        for org in orgs {
            let name = report.names.get(&org).cloned().unwrap_or(org);
            *givers.entry(name).or_insert(0) += 1;
        }
        let under: BTreeSet<Option<String>> = e
            .qualifying_ids
            .iter()
            .filter_map(|id| report.records.get(id))
            .map(|(r, _)| r.input.programme_id.and_then(|p| report.programmes.get(&p).cloned()))
            .collect();
        for programme in under {
            *programmes.entry(programme.unwrap_or_else(|| t.get("dashboard-no-programme"))).or_insert(0) += 1;
        }
        let month = NaiveDate::from_ymd_opt(e.counted_on.year(), e.counted_on.month(), 1).unwrap_or(e.counted_on);
        *months.entry(month).or_insert(0) += 1;
    }
    let mut by_city = chart("city", "dashboard-chart-city", "dashboard-city");
    for (label, n) in by_count(cities) {
        by_city = by_city.count(t, label, n);
    }
    charts.push(by_city.with_shares(t, t.get("dashboard-share")));
    let mut by_sector = chart("sector", "dashboard-chart-sector", "dashboard-sector");
    for (label, n) in by_count(sectors) {
        by_sector = by_sector.count(t, label, n);
    }
    charts.push(by_sector.with_shares(t, t.get("dashboard-share")));
    if !givers.is_empty() {
        // No shares: an enterprise supported by two organisations counts under both.
        let mut by_giver = chart("support-org", "dashboard-chart-support-org", "support-field-support_org_id");
        for (label, n) in by_count(givers) {
            by_giver = by_giver.count(t, label, n);
        }
        charts.push(by_giver);
    }
    let none = t.get("dashboard-no-programme");
    if programmes.keys().any(|k| *k != none) {
        // No shares either: support under two programmes counts the enterprise under both.
        let mut by_programme = chart("programme", "dashboard-chart-programme", "support-field-programme_id");
        for (label, n) in by_count(programmes) {
            by_programme = by_programme.count(t, label, n);
        }
        charts.push(by_programme);
    }
    // Every month from the first qualification to the last, empty months included.
    let mut by_month = chart("month", "dashboard-chart-month", "dashboard-month");
    if let (Some((&first, _)), Some((&last, _))) = (months.first_key_value(), months.last_key_value()) {
        let mut month = first;
        while month <= last {
            by_month = by_month.count(t, month_label(t, month), months.get(&month).copied().unwrap_or(0));
            let Some(next) = month.checked_add_months(Months::new(1)) else { break };
            month = next;
        }
    }
    charts.push(by_month);
    charts
}

/// `GET /projects/{id}/dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD`.
pub async fn dashboard(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: ProjectId = parse_id(t, &id)?;
    let project = projects::get(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let action = format!("/projects/{id}/dashboard");
    let name = project.input.name.clone();
    let page = |f: FormState, fields: Vec<Field>| DashboardPage {
        l: Layout::new(&ctx, t.with("dashboard-title", "name", &name)),
        id: id.to_string(),
        project: name.clone(),
        f,
        fields,
        period: String::new(),
        query: String::new(),
        rows: Vec::new(),
        headline: String::new(),
        charts: Vec::new(),
    };
    let report = match compute(&state, &ctx, &project, &q).await? {
        Ok(report) => report,
        Err(errors) => {
            let (f, fields) = period_form(t, action, &q, None, Some(errors));
            return render(t, StatusCode::UNPROCESSABLE_ENTITY, &page(f, fields));
        }
    };
    let (from, to) = (report.period.from, report.period.to);
    let places = facts::places(&state.app, &report).await.map_err(|e| ctx.fail(e))?;
    let (f, fields) = period_form(t, action, &q, Some((from, to)), None);
    let headline = headline(&report)
        .filter(|r| !r.entries.is_empty())
        .map(|r| format!("{} {}", r.code.key(), indicator_name(t, r.code)))
        .unwrap_or_default();
    let dashboard = DashboardPage {
        period: period_text(t, from, to),
        query: period_query(from, to),
        rows: indicator_rows(t, &report),
        headline,
        charts: charts(t, &report, &places, state.app.nace()),
        ..page(f, fields)
    };
    render(t, StatusCode::OK, &dashboard)
}

/// The report for the query's period, or the period's problems.
async fn compute(
    state: &AppState,
    ctx: &Ctx,
    project: &Project,
    q: &PeriodQuery,
) -> Result<Result<IndicatorReport, ValidationErrors>, PageError> {
    let (from, to) = match period_of(q, project, chrono::Utc::now().date_naive()) {
        Ok(period) => period,
        Err(errors) => return Ok(Err(errors)),
    };
    match indicators::compute(&state.app, &ctx.actor, project.id, from, to).await {
        Ok(report) => Ok(Ok(report)),
        Err(AppError::Invalid(errors)) => Ok(Err(errors)),
        Err(e) => Err(ctx.fail(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// One indicator

struct RecordLine {
    href: String,
    text: String,
    written_output: String,
    /// (download link, file name)
    evidence: Vec<(String, String)>,
}

struct EntryRow {
    subject: String,
    href: String,
    counted_on: String,
    value: String,
    parts: String,
    records: Vec<RecordLine>,
    /// Qualifying facts that are neither support records nor outcomes (cooperation links), by id.
    others: Vec<String>,
}

struct MissRow {
    subject: String,
    href: String,
    missing: Vec<String>,
}

#[derive(Template)]
#[template(path = "project_indicator.html")]
struct IndicatorPage {
    l: Layout,
    id: String,
    project: String,
    f: FormState,
    fields: Vec<Field>,
    period: String,
    /// As on [`DashboardPage`].
    query: String,
    /// (label, value) of the summary.
    summary: Vec<(String, String)>,
    entries: Vec<EntryRow>,
    misses: Vec<MissRow>,
    /// Subjects already counted in an earlier period: (name, link).
    before: Vec<(String, String)>,
}

/// Where a subject's evidence is: the enterprise's support page when the project supported it,
/// else its directory page.
fn subject_href(report: &IndicatorReport, subject: &str) -> String {
    let Ok(id) = subject.parse::<OrgId>() else { return String::new() };
    if report.records.values().any(|(r, _)| r.input.enterprise_id == id) {
        format!("/organisations/{id}/support")
    } else {
        format!("/organisations/{id}")
    }
}

fn subject_name(report: &IndicatorReport, subject: &str) -> String {
    report.names.get(subject).cloned().unwrap_or_else(|| subject.to_owned())
}

fn entry_row(t: Tr, report: &IndicatorReport, unit: Unit, e: &CountedEntry) -> EntryRow {
    let currency = report.project.input.currency.key();
    let mut records = Vec::new();
    let mut others = Vec::new();
    let mut qualifying: Vec<_> = e.qualifying_ids.iter().map(|id| (id, report.records.get(id))).collect();
    qualifying.sort_by_key(|(id, r)| (r.map(|(r, _)| r.input.delivered_on), (*id).clone()));
    for (id, found) in qualifying {
        let Some((r, files)) = found else {
            match report.outcomes.get(id) {
                Some((o, files)) => records.push(RecordLine {
                    href: format!("/organisations/{}/outcomes#outcome-{}", o.enterprise_id, o.id),
                    text: format!("{} · {}", day(t, o.input.date), t.get(&format!("outcomes-kind-{}", o.input.detail.kind().key()))),
                    written_output: String::new(),
                    evidence: files.iter().map(|f| (format!("/outcome-evidence/{}", f.id), f.file_name.clone())).collect(),
                }),
                None => match report.links.get(id) {
                    Some(link) => records.push(link_line(t, link)),
                    None => others.push(id.clone()),
                },
            }
            continue;
        };
        let i = &r.input;
        let giver = report.names.get(&i.support_org_id.to_string()).cloned().unwrap_or_else(|| i.support_org_id.to_string());
        records.push(RecordLine {
            href: format!("/organisations/{}/support#record-{}", i.enterprise_id, r.id),
            text: record_text(t, r, giver),
            written_output: i.written_output.clone().unwrap_or_default(),
            evidence: files.iter().map(|f| (format!("/support-evidence/{}", f.id), f.file_name.clone())).collect(),
        });
    }
    EntryRow {
        subject: subject_name(report, &e.subject_id),
        href: subject_href(report, &e.subject_id),
        counted_on: day(t, e.counted_on),
        value: value_text(t, unit, e.value, currency),
        parts: parts_text(t, unit, &e.parts, currency),
        records,
        others,
    }
}

/// A cooperation link in one line: "12 October 2026 · Partnership agreement (Technology
/// licensing) · Digbeth Air Sensing Ltd (GB) – Nordlicht Sensorik GmbH (DE)". Not a link: the
/// agreement's page is for its parties and brokers, who may not include the project's staff.
fn link_line(t: Tr, link: &CooperationEvidence) -> RecordLine {
    let what = match link.kind {
        LinkKind::PartnershipAgreement => {
            t.with("dashboard-link-agreement", "label", t.get(&format!("agreement-type-{}", link.detail)))
        }
        LinkKind::UnconfirmedAgreement => {
            t.with("dashboard-link-unconfirmed", "label", t.get(&format!("agreement-type-{}", link.detail)))
        }
        LinkKind::HeldB2bMeeting => t.with("dashboard-link-meeting", "name", &link.detail),
    };
    let (a, b) = (&link.a, &link.b);
    RecordLine {
        href: String::new(),
        text: format!("{} · {what} · {} ({}) – {} ({})", day(t, link.date), a.name, a.country, b.name, b.country),
        written_output: String::new(),
        evidence: link.evidence.iter().map(|(name, _)| (String::new(), name.clone())).collect(),
    }
}

/// A support record in one line: "14 March 2018 · 4 h · One-to-one advice · Innovation
/// Birmingham · Jordan Hayes"; a grant or loan shows its amount instead of hours.
fn record_text(t: Tr, r: &tandem_core::evidence::support::SupportRecord, giver: String) -> String {
    let i = &r.input;
    let mut parts = vec![day(t, i.delivered_on)];
    if i.hours > 0 {
        parts.push(t.with("project-hours", "count", hours(t, i.hours)));
    }
    parts.push(t.get(&format!("support-activity-{}", i.activity.key())));
    if let Some(amount) = i.grant_amount.or(i.loan_amount) {
        parts.push(money(t, amount, &r.currency));
    }
    parts.extend([giver, i.adviser_name.clone()]);
    parts.join(" · ")
}

/// `GET /projects/{id}/indicators/{code}?from=…&to=…`.
pub async fn indicator(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, code)): Path<(String, String)>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: ProjectId = parse_id(t, &id)?;
    let project = projects::get(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let code = IndicatorCode::from_key(&code).ok_or_else(|| ctx.fail(AppError::NotFound))?;
    let action = format!("/projects/{id}/indicators/{}", code.key());
    let title = format!("{} {}", code.key(), indicator_name(t, code));
    let page = |f: FormState, fields: Vec<Field>| IndicatorPage {
        l: Layout::new(&ctx, title.clone()),
        id: id.to_string(),
        project: project.input.name.clone(),
        f,
        fields,
        period: String::new(),
        query: String::new(),
        summary: Vec::new(),
        entries: Vec::new(),
        misses: Vec::new(),
        before: Vec::new(),
    };
    let report = match compute(&state, &ctx, &project, &q).await? {
        Ok(report) => report,
        Err(errors) => {
            let (f, fields) = period_form(t, action, &q, None, Some(errors));
            return render(t, StatusCode::UNPROCESSABLE_ENTITY, &page(f, fields));
        }
    };
    // Only the indicators of the project's rulebook have a page.
    let result = report.results.iter().find(|r| r.code == code).ok_or_else(|| ctx.fail(AppError::NotFound))?;
    let (from, to) = (report.period.from, report.period.to);
    let (unit, currency) = (code.meta().unit, report.project.input.currency.key());
    let target = report.target(code.key()).map(|v| target_value(unit, v));
    let mut summary = vec![
        (t.get("dashboard-unit"), unit_label(t, unit, currency)),
        (t.get("project-target"), target.map(|v| value_text(t, unit, v, currency)).unwrap_or_else(|| "—".into())),
        (t.get("dashboard-achieved"), value_text(t, unit, result.total(), currency)),
        (t.get("dashboard-percent"), share_of_target(result.total(), target).map(|s| percent(t, s)).unwrap_or_else(|| "—".into())),
    ];
    let parts = parts_text(t, unit, &result.part_totals(), currency);
    if !parts.is_empty() {
        summary.push((t.get("dashboard-parts"), parts));
    }
    summary.push((t.get("dashboard-source"), code.meta().source.to_owned()));
    let mut entries: Vec<EntryRow> = result.entries.iter().map(|e| entry_row(t, &report, unit, e)).collect();
    entries.sort_by_key(|e| e.subject.to_lowercase());
    let mut misses: Vec<MissRow> = result
        .near_misses
        .iter()
        .map(|m| MissRow {
            subject: subject_name(&report, &m.subject_id),
            href: subject_href(&report, &m.subject_id),
            missing: m.missing.iter().map(|s| shortfall_text(t, s)).collect(),
        })
        .collect();
    misses.sort_by_key(|m| m.subject.to_lowercase());
    let mut before: Vec<(String, String)> =
        result.counted_before_period.iter().map(|s| (subject_name(&report, s), subject_href(&report, s))).collect();
    before.sort_by_key(|(name, _)| name.to_lowercase());
    let (f, fields) = period_form(t, action, &q, Some((from, to)), None);
    let indicator_page = IndicatorPage {
        period: period_text(t, from, to),
        query: period_query(from, to),
        summary,
        entries,
        misses,
        before,
        ..page(f, fields)
    };
    render(t, StatusCode::OK, &indicator_page)
}

// ---------------------------------------------------------------------------------------------
// The claim

/// `GET /projects/{id}/claim?from=…&to=…&format=csv|xlsx`: the claim for the period, for those
/// who see the project.
pub async fn claim(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    require_login(&ctx)?;
    let t = ctx.t;
    let id: ProjectId = parse_id(t, &id)?;
    let project = projects::get(&state.app, &ctx.actor, id).await.map_err(|e| ctx.fail(e))?;
    let bad_request = |message: String| PageError::new(t, PageErrorKind::BadRequest(message));
    let (format, extension, media_type) = match q.format.as_str() {
        "csv" => (ClaimFormat::Csv, "csv", "text/csv; charset=utf-8"),
        "xlsx" => (ClaimFormat::Xlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        _ => return Err(bad_request(t.get("dashboard-claim-bad-format"))),
    };
    let problems = |errors: ValidationErrors| {
        let f = FormState::new(t, "").with_errors(errors);
        bad_request(f.summary.into_iter().map(|(_, m)| m).collect::<Vec<_>>().join(" "))
    };
    let (from, to) = period_of(&q, &project, chrono::Utc::now().date_naive()).map_err(problems)?;
    let bytes = match claims::export(&state.app, &ctx.actor, id, from, to, format).await {
        Ok(bytes) => bytes,
        Err(AppError::Invalid(errors)) => return Err(problems(errors)),
        Err(e) => return Err(ctx.fail(e)),
    };
    let file_name = format!("{} claim {from} to {to}.{extension}", project.input.name);
    let disposition =
        HeaderValue::from_str(&content_disposition(&file_name)).unwrap_or(HeaderValue::from_static("attachment; filename=\"claim\""));
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(media_type)),
        (header::CONTENT_DISPOSITION, disposition),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
    ];
    Ok((headers, bytes).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_app::evidence::sme::Category;

    fn project(starts: &str, ends: &str) -> Project {
        let draft = tandem_core::evidence::project::ProjectDraft {
            name: "P".into(),
            lead_org_id: OrgId::new().to_string(),
            funder: "erdf_england_2014_20".into(),
            rulebook: "esif_gn_1_002".into(),
            rulebook_version: "v6".into(),
            agreement_signed_on: starts.into(),
            starts_on: starts.into(),
            ends_on: ends.into(),
            currency: "GBP".into(),
            hours_threshold: "12".into(),
            hours_per_day: "7.5".into(),
            ..Default::default()
        };
        let input = draft.validate(|_, _| true).expect("valid project");
        Project {
            id: ProjectId::new(),
            input,
            partners: Vec::new(),
            cities: Vec::new(),
            excluded_nace: Vec::new(),
            targets: Vec::new(),
            version: 1,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
        }
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn the_period_defaults_to_the_project_start_and_today_within_the_delivery_dates() {
        let p = project("2017-02-01", "2019-12-31");
        let q = PeriodQuery::default();
        assert_eq!(period_of(&q, &p, date("2018-06-30")), Ok((date("2017-02-01"), date("2018-06-30"))));
        assert_eq!(period_of(&q, &p, date("2026-01-01")), Ok((date("2017-02-01"), date("2019-12-31"))), "clipped to the end");
        assert_eq!(period_of(&q, &p, date("2016-01-01")), Ok((date("2017-02-01"), date("2017-02-01"))), "not before the start");
        let q = PeriodQuery { from: "2018-01-01".into(), to: " 2018-12-31 ".into(), ..PeriodQuery::default() };
        assert_eq!(period_of(&q, &p, date("2026-01-01")), Ok((date("2018-01-01"), date("2018-12-31"))));
    }

    #[test]
    fn dates_that_do_not_parse_are_problems_of_their_field() {
        let p = project("2017-02-01", "2019-12-31");
        let q = PeriodQuery { from: "31/12/2018".into(), to: "2018-02-30".into(), ..PeriodQuery::default() };
        let errors = period_of(&q, &p, date("2018-06-30")).expect_err("invalid");
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["from", "to"]);
    }

    #[test]
    fn targets_and_values_are_written_in_the_indicators_unit() {
        let (en, de) = (Tr::new(Locale::En), Tr::new(Locale::De));
        assert_eq!(value_text(en, Unit::Enterprises, 1_250, "GBP"), "1,250");
        assert_eq!(value_text(de, Unit::FteHundredths, 250, "GBP"), "2,5");
        assert_eq!(value_text(en, Unit::MoneyMinor, 500_000, "EUR"), "€5,000.00");
        assert_eq!(target_value(Unit::FteHundredths, 10), 1_000);
        assert_eq!(target_value(Unit::Enterprises, 40), 40);
        assert_eq!(share_of_target(10, Some(40)), Some(0.25));
        assert_eq!(share_of_target(10, Some(0)), None);
    }

    #[test]
    fn every_indicator_part_and_shortfall_has_words_in_both_languages() {
        let d = date("2018-03-01");
        let shortfalls = [
            Shortfall::HoursShort { have_hundredths: 950, need_hundredths: 1_200 },
            Shortfall::NoSmeDeclaration,
            Shortfall::NotAnSme { size: Category::Large },
            Shortfall::NoWrittenOutput { records: 1, hours_hundredths: 600 },
            Shortfall::OutsideEligibleArea,
            Shortfall::ExcludedSector { nace: "01.1".into() },
            Shortfall::NoEvidence { records: 2 },
            Shortfall::NotNewEnterprise { months: 14, limit_months: 12 },
            Shortfall::NoStartDate,
            Shortfall::StartNotEvidencedByRegistration,
            Shortfall::NotCountedUnder { code: IndicatorCode::C1 },
            Shortfall::NoEmploymentBaseline,
            Shortfall::BaselineAfterSupport { baseline_on: d, first_support_on: d },
            Shortfall::FigureBeforeBaseline { as_of: d, baseline_on: d },
            Shortfall::NotConfirmedInWriting { figures: 1 },
            Shortfall::NoEmploymentIncrease { baseline_hundredths: 500, latest_hundredths: 500 },
            Shortfall::InnovationBeforeSupport { introduced_on: d, first_support_on: d },
            Shortfall::SameCountry { country: "GB".into() },
            Shortfall::MeetingsNotCounted { meetings: 3 },
            Shortfall::AgreementsNotConfirmed { agreements: 2 },
        ];
        for t in [Tr::new(Locale::En), Tr::new(Locale::De)] {
            for s in &shortfalls {
                let text = shortfall_text(t, s);
                assert!(!text.starts_with("dashboard-") && !text.contains("sme-category"), "{s:?} in {:?}: {text}", t.locale);
            }
            for code in super::super::all_indicators().filter_map(IndicatorCode::from_key) {
                assert!(!indicator_name(t, code).starts_with("dashboard-"), "{code:?} in {:?}", t.locale);
            }
            for part in [Part::Micro, Part::Small, Part::Medium, Part::Large, Part::Grants, Part::FinancialInstruments] {
                assert!(!part_label(t, part).starts_with("dashboard-"), "{part:?}");
            }
        }
        let en = Tr::new(Locale::En);
        assert_eq!(shortfall_text(en, &shortfalls[0]), "9.5 of 12 hours");
        assert_eq!(shortfall_text(en, &shortfalls[1]), "no SME declaration");
        assert_eq!(shortfall_text(Tr::new(Locale::De), &shortfalls[0]), "9,5 von 12 Stunden");
    }
}
