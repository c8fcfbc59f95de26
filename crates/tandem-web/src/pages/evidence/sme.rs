//! An enterprise's SME status (issue 6, item 3): its latest declaration's category with the
//! reasoning of the test of Recommendation 2003/361/EC, whether a re-test is due, the earlier
//! declarations, and the form that records a new one (the last closed accounts, partner and
//! linked enterprises, the signatory). `tandem_app::evidence::sme` decides who may see and
//! declare (the enterprise's own people, support staff, platform admins) and runs the test.

use super::{day, hours, money, require_login};
use crate::ctx::Ctx;
use crate::error::PageError;
use crate::i18n::Tr;
use crate::pages::events::{Field, flag};
use crate::pages::organisations::parse_id;
use crate::pages::{FormState, Layout, render, see_other};
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use tandem_app::AppError;
use tandem_app::evidence::sme::{self, Category, ExceptionFailure, Figures, InvestorException, LinkBasis, RetestDue, SmeReason};
use tandem_core::OrgId;
use tandem_core::evidence::sme::{Declaration, DeclarationDraft, RelatedDraft};
use tandem_core::validation::ValidationErrors;

/// Rows for partner and linked enterprises the form offers (blank ones are left out).
pub(crate) const RELATED_ROWS: usize = 5;

/// The fields of one partner or linked enterprise, as named in forms and in the use case's
/// problems (`related[2].staff`).
const RELATED_FIELDS: &[&str] =
    &["name", "direction", "capital_percent", "voting_percent", "public_body", "staff", "turnover", "balance_sheet"];

fn page_path(org: OrgId) -> String {
    format!("/organisations/{org}/sme")
}

// ---------------------------------------------------------------------------------------------
// The test's results in words

/// The reader's name of a category, as a heading ("Small enterprise").
fn category_label(t: Tr, c: Category) -> String {
    t.get(&format!("sme-category-{}", c.key()))
}

/// The category inside a sentence ("small enterprise" / "kleines Unternehmen").
fn category_text(t: Tr, c: Category) -> String {
    t.get(&format!("sme-category-{}-text", c.key()))
}

/// A share in basis points as a percentage ("25%" / "25 %").
fn share_text(t: Tr, bp: i64) -> String {
    let number = hours(t, bp);
    match t.locale {
        tandem_core::account::Locale::En => format!("{number}%"),
        tandem_core::account::Locale::De => format!("{number} %"),
    }
}

/// An exchange rate in millionths ("1.141" / "1,141").
fn rate_text(t: Tr, millionths: i64) -> String {
    let text = format!("{}.{:06}", millionths / 1_000_000, millionths % 1_000_000);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match t.locale {
        tandem_core::account::Locale::En => text.to_owned(),
        tandem_core::account::Locale::De => text.replace('.', ","),
    }
}

fn euros(t: Tr, cents: i64) -> String {
    money(t, cents, "EUR")
}

/// Staff, turnover and balance-sheet total in words.
fn figures_text(t: Tr, f: &Figures) -> String {
    t.args(
        "sme-figures",
        &[
            ("staff", hours(t, f.staff_awu_hundredths).into()),
            ("turnover", euros(t, f.turnover_cents).into()),
            ("balance", euros(t, f.balance_sheet_total_cents).into()),
        ],
    )
}

fn link_label(t: Tr, basis: LinkBasis) -> String {
    let key = match basis {
        LinkBasis::MajorityOfVotingRights => "majority-of-voting-rights",
        LinkBasis::AppointsMajorityOfBoard => "appoints-majority-of-board",
        LinkBasis::DominantInfluenceByContract => "dominant-influence",
        LinkBasis::MajorityByShareholderAgreement => "shareholder-agreement",
        LinkBasis::ThroughNaturalPersons => "natural-persons",
    };
    t.get(&format!("sme-link-{key}"))
}

fn investor_label(t: Tr, investor: &InvestorException) -> String {
    let key = match investor {
        InvestorException::PublicInvestmentCorporation => "public-investment-corporation",
        InvestorException::VentureCapitalCompany => "venture-capital",
        InvestorException::BusinessAngels { .. } => "business-angels",
        InvestorException::UniversityOrResearchCentre => "university",
        InvestorException::InstitutionalInvestor => "institutional",
        InvestorException::AutonomousLocalAuthority { .. } => "local-authority",
    };
    t.get(&format!("sme-investor-{key}"))
}

fn failure_label(t: Tr, failure: ExceptionFailure) -> String {
    let key = match failure {
        ExceptionFailure::InvestorIsLinked => "linked",
        ExceptionFailure::BusinessAngelInvestmentTooHigh => "business-angels",
        ExceptionFailure::LocalAuthorityBudgetTooHigh => "budget",
        ExceptionFailure::LocalAuthorityTooManyInhabitants => "inhabitants",
    };
    t.get(&format!("sme-failure-{key}"))
}

/// " (through Holding AG)" for an enterprise listed under another one, else "".
fn via_text(t: Tr, via: &Option<String>) -> String {
    via.as_ref().map(|v| format!(" {}", t.with("sme-reason-via", "name", v))).unwrap_or_default()
}

/// One step of the test's reasoning, in the reader's words, citing its article.
pub(crate) fn reason_text(t: Tr, reason: &SmeReason) -> String {
    let yes_no = |ok: bool| t.get(if ok { "sme-yes" } else { "sme-no" });
    match reason {
        SmeReason::OwnFigures { period_end, figures } => {
            t.args("sme-reason-own-figures", &[("date", day(t, *period_end).into()), ("figures", figures_text(t, figures).into())])
        }
        SmeReason::EstimatedFigures { enterprise: None } => t.get("sme-reason-estimated"),
        SmeReason::EstimatedFigures { enterprise: Some(name) } => t.with("sme-reason-estimated-of", "name", name),
        SmeReason::BelowPartnerThreshold { enterprise, via, share_bp } => t.args(
            "sme-reason-below-partner",
            &[("name", format!("{enterprise}{}", via_text(t, via)).into()), ("share", share_text(t, *share_bp).into())],
        ),
        SmeReason::InvestorExceptionApplied { enterprise, via, exception, share_bp } => t.args(
            "sme-reason-investor-applied",
            &[
                ("name", format!("{enterprise}{}", via_text(t, via)).into()),
                ("investor", investor_label(t, exception).into()),
                ("share", share_text(t, *share_bp).into()),
            ],
        ),
        SmeReason::InvestorExceptionNotApplicable { enterprise, via, exception, failure } => t.args(
            "sme-reason-investor-not-applicable",
            &[
                ("name", format!("{enterprise}{}", via_text(t, via)).into()),
                ("investor", investor_label(t, exception).into()),
                ("why", failure_label(t, *failure).into()),
            ],
        ),
        SmeReason::AlreadyConsolidated { enterprise, via } => {
            t.with("sme-reason-consolidated", "name", format!("{enterprise}{}", via_text(t, via)))
        }
        SmeReason::PublicBodyWithoutAccounts { enterprise } => t.with("sme-reason-public-body-without-accounts", "name", enterprise),
        SmeReason::LinkedAdded { enterprise, via, basis, added } => t.args(
            "sme-reason-linked-added",
            &[
                ("name", format!("{enterprise}{}", via_text(t, via)).into()),
                ("basis", link_label(t, *basis).into()),
                ("figures", figures_text(t, added).into()),
            ],
        ),
        SmeReason::PartnerAdded { enterprise, via, share_bp, data, added } => t.args(
            "sme-reason-partner-added",
            &[
                ("name", format!("{enterprise}{}", via_text(t, via)).into()),
                ("share", share_text(t, *share_bp).into()),
                ("data", figures_text(t, data).into()),
                ("figures", figures_text(t, added).into()),
            ],
        ),
        SmeReason::LinkedToPartnerIncluded { enterprise, partner, figures } => t.args(
            "sme-reason-linked-to-partner",
            &[("name", enterprise.clone().into()), ("partner", partner.clone().into()), ("figures", figures_text(t, figures).into())],
        ),
        SmeReason::PartnerOfPartnerIgnored { enterprise, partner } => {
            t.args("sme-reason-partner-of-partner", &[("name", enterprise.clone().into()), ("partner", partner.clone().into())])
        }
        SmeReason::PublicBodyControl { capital_bp, voting_bp, holders } => t.args(
            "sme-reason-public-control",
            &[
                ("holders", holders.join(", ").into()),
                ("capital", share_text(t, *capital_bp).into()),
                ("voting", share_text(t, *voting_bp).into()),
            ],
        ),
        SmeReason::AggregatedFigures { figures } => t.with("sme-reason-aggregated", "this", figures_text(t, figures)),
        SmeReason::CeilingTested { category, check, met } => {
            let detail = category
                .ceiling()
                .map(|c| {
                    t.args(
                        "sme-reason-ceiling-detail",
                        &[
                            ("staff", hours(t, c.staff_below_awu_hundredths).into()),
                            ("staff_ok", yes_no(check.staff_below).into()),
                            ("turnover", euros(t, c.turnover_max_cents).into()),
                            ("turnover_ok", yes_no(check.turnover_within).into()),
                            ("balance", euros(t, c.balance_sheet_total_max_cents).into()),
                            ("balance_ok", yes_no(check.balance_sheet_total_within).into()),
                        ],
                    )
                })
                .unwrap_or_default();
            let key = if *met { "sme-reason-ceiling-met" } else { "sme-reason-ceiling-not-met" };
            t.args(key, &[("category", category_text(t, *category).into()), ("detail", detail.into())])
        }
        SmeReason::StatusKept { status, period_category, previous_period_category } => t.args(
            "sme-reason-status-kept",
            &[
                ("period", category_text(t, *period_category).into()),
                ("previous", category_text(t, *previous_period_category).into()),
                ("status", category_text(t, *status).into()),
            ],
        ),
        SmeReason::StatusChanged { from, to } => {
            t.args("sme-reason-status-changed", &[("from", category_text(t, *from).into()), ("to", category_text(t, *to).into())])
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The form

/// The declaration form as posted: its fields and [`RELATED_ROWS`] rows of partner and linked
/// enterprises (`related[0].name`, …).
#[derive(Debug, Default)]
pub struct SmeForm {
    csrf: String,
    draft: DeclarationDraft,
    rows: Vec<RelatedDraft>,
}

impl SmeForm {
    fn parse(pairs: Vec<(String, String)>) -> SmeForm {
        let mut f = SmeForm { rows: vec![RelatedDraft::default(); RELATED_ROWS], ..SmeForm::default() };
        for (key, value) in pairs {
            let d = &mut f.draft;
            match key.as_str() {
                "_csrf" => f.csrf = value,
                "period_end" => d.period_end = value,
                "estimated" => d.estimated = value == "true",
                "staff" => d.staff = value,
                "turnover" => d.turnover = value,
                "balance_sheet" => d.balance_sheet = value,
                "currency" => d.currency = value,
                "euro_rate" => d.euro_rate = value,
                "declared_by" => d.declared_by = value,
                "declarant_role" => d.declarant_role = value,
                "declared_on" => d.declared_on = value,
                "confirmed" => d.confirmed = value == "true",
                other => {
                    if let Some((row, field)) = related_field(other)
                        && let Some(r) = f.rows.get_mut(row)
                    {
                        match field {
                            "name" => r.name = value,
                            "direction" => r.direction = value,
                            "capital_percent" => r.capital_percent = value,
                            "voting_percent" => r.voting_percent = value,
                            "public_body" => r.public_body = value == "true",
                            "staff" => r.staff = value,
                            "turnover" => r.turnover = value,
                            "balance_sheet" => r.balance_sheet = value,
                            _ => {}
                        }
                    }
                }
            }
        }
        f
    }

    /// The rows that were filled in, with their row numbers.
    fn filled(&self) -> Vec<(usize, &RelatedDraft)> {
        let blank = |r: &RelatedDraft| {
            !r.public_body
                && [&r.name, &r.capital_percent, &r.voting_percent, &r.staff, &r.turnover, &r.balance_sheet]
                    .iter()
                    .all(|v| v.trim().is_empty())
        };
        self.rows.iter().enumerate().filter(|(_, r)| !blank(r)).collect()
    }

    /// The draft for the use case: the filled rows only.
    fn draft(&self) -> DeclarationDraft {
        DeclarationDraft { related: self.filled().into_iter().map(|(_, r)| r.clone()).collect(), ..self.draft.clone() }
    }

    /// Problems of the draft's n-th related enterprise belong to the row it came from.
    fn to_rows(&self, mut errors: ValidationErrors) -> ValidationErrors {
        let rows: Vec<usize> = self.filled().into_iter().map(|(row, _)| row).collect();
        for e in &mut errors.0 {
            if let Some((n, field)) = related_field(&e.field)
                && let Some(row) = rows.get(n)
            {
                e.field = format!("related[{row}].{field}");
            }
        }
        errors
    }

    fn state(&self, t: Tr, action: String) -> FormState {
        let d = &self.draft;
        let mut f = FormState::new(t, action.clone());
        f.cancel = action;
        f.set("period_end", &d.period_end)
            .set("estimated", flag(d.estimated))
            .set("staff", &d.staff)
            .set("turnover", &d.turnover)
            .set("balance_sheet", &d.balance_sheet)
            .set("currency", &d.currency)
            .set("euro_rate", &d.euro_rate)
            .set("declared_by", &d.declared_by)
            .set("declarant_role", &d.declarant_role)
            .set("declared_on", &d.declared_on)
            .set("confirmed", flag(d.confirmed));
        for (i, r) in self.rows.iter().enumerate() {
            let values = [
                r.name.as_str(),
                &r.direction,
                &r.capital_percent,
                &r.voting_percent,
                flag(r.public_body),
                &r.staff,
                &r.turnover,
                &r.balance_sheet,
            ];
            for (field, value) in RELATED_FIELDS.iter().zip(values) {
                f.set(&format!("related[{i}].{field}"), value);
            }
        }
        f
    }
}

/// `related[2].staff` → (2, "staff").
fn related_field(name: &str) -> Option<(usize, &str)> {
    let (index, field) = name.strip_prefix("related[")?.split_once("].")?;
    Some((index.parse().ok()?, field))
}

// ---------------------------------------------------------------------------------------------
// The page

struct DeclarationView {
    heading: String,
    category: String,
    category_key: &'static str,
    facts: Vec<(String, String)>,
    reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "sme.html")]
struct SmePage {
    l: Layout,
    org_id: String,
    org: String,
    /// Why a new declaration is due, or "".
    retest: String,
    latest: Option<DeclarationView>,
    earlier: Vec<DeclarationView>,
    /// The form, for enterprises (others do not declare).
    can_declare: bool,
    f: FormState,
    accounts: Vec<Field>,
    related: Vec<Vec<Field>>,
    signature: Vec<Field>,
}

fn declaration_view(t: Tr, d: &Declaration) -> DeclarationView {
    let i = &d.declaration;
    let accounts = &i.input.accounts;
    let mut facts = vec![(t.get("sme-fact-period-end"), day(t, accounts.period_end))];
    if accounts.estimated {
        facts.push((t.get("sme-fact-estimated"), t.get("sme-yes")));
    }
    if let Some(rate) = i.euro_rate {
        let rate = rate_text(t, rate);
        facts.push((
            t.get("sme-fact-currency"),
            t.args("sme-fact-rate", &[("currency", i.accounts_currency.clone().into()), ("rate", rate.into())]),
        ));
    }
    facts.push((t.get("sme-fact-own-figures"), figures_text(t, &accounts.figures)));
    facts.push((t.get("sme-fact-aggregated"), figures_text(t, &d.assessment.figures)));
    facts.push((
        t.get("sme-fact-signed"),
        t.args(
            "sme-fact-signed-by",
            &[("name", i.declared_by.clone().into()), ("role", i.declarant_role.clone().into()), ("date", day(t, i.declared_on).into())],
        ),
    ));
    facts.push((t.get("sme-fact-recorded"), t.date(&d.created_at)));
    DeclarationView {
        heading: t.with("sme-declaration-heading", "label", day(t, accounts.period_end)),
        category: category_label(t, d.category()),
        category_key: d.category().key(),
        facts,
        reasons: d.assessment.reasons.iter().map(|r| reason_text(t, r)).collect(),
    }
}

async fn sme_page(
    state: &AppState,
    ctx: &Ctx,
    org: OrgId,
    form: Option<(&SmeForm, ValidationErrors)>,
    status: StatusCode,
) -> Result<Response, PageError> {
    require_login(ctx)?;
    let t = ctx.t;
    let s = sme::status(&state.app, &ctx.actor, org).await.map_err(|e| ctx.fail(e))?;
    let view = tandem_app::directory::organisations::view(&state.app, &ctx.actor, org).await.map_err(|e| ctx.fail(e))?;
    let retest = match s.retest_due {
        Some(RetestDue::NoDeclaration) => t.get("sme-retest-none"),
        Some(RetestDue::NewerAccounts(year)) => t.with("sme-retest-newer", "this", year),
        None => String::new(),
    };
    let mut views = s.declarations.iter().map(|d| declaration_view(t, d));
    let latest = views.next();
    let earlier: Vec<DeclarationView> = views.collect();
    let action = page_path(org);
    let f = match form {
        Some((form, errors)) => form.state(t, action).with_errors(form.to_rows(errors)),
        None => {
            // A new declaration starts from the latest one's signatory and currency.
            let previous = s.declarations.first().map(|d| &d.declaration);
            let uk = view.city.country.eq_ignore_ascii_case("GB");
            let draft = DeclarationDraft {
                currency: previous.map(|p| p.accounts_currency.clone()).unwrap_or_else(|| if uk { "GBP" } else { "EUR" }.into()),
                declared_by: previous.map(|p| p.declared_by.clone()).unwrap_or_default(),
                declarant_role: previous.map(|p| p.declarant_role.clone()).unwrap_or_default(),
                declared_on: chrono::Utc::now().date_naive().to_string(),
                ..DeclarationDraft::default()
            };
            SmeForm { draft, rows: vec![RelatedDraft::default(); RELATED_ROWS], ..SmeForm::default() }.state(t, action)
        }
    };
    let currencies = vec![("EUR".to_owned(), t.get("project-currency-EUR")), ("GBP".to_owned(), t.get("project-currency-GBP"))];
    let accounts = vec![
        Field::new(&f, "period_end", t.get("sme-field-period_end"), "date").required().hint(t.get("sme-hint-period_end")),
        Field::new(&f, "estimated", t.get("sme-field-estimated"), "checkbox").hint(t.get("sme-hint-estimated")),
        Field::new(&f, "staff", t.get("sme-field-staff"), "text").required().hint(t.get("sme-hint-staff")),
        Field::new(&f, "turnover", t.get("sme-field-turnover"), "text").required().hint(t.get("sme-hint-money")),
        Field::new(&f, "balance_sheet", t.get("sme-field-balance_sheet"), "text").required().hint(t.get("sme-hint-money")),
        Field::new(&f, "currency", t.get("sme-field-currency"), "select").required().options(currencies),
        Field::new(&f, "euro_rate", t.get("sme-field-euro_rate"), "text").hint(t.get("sme-hint-euro_rate")),
    ];
    let directions = vec![
        (String::new(), t.get("form-choose")),
        ("holds_in_us".to_owned(), t.get("sme-direction-holds_in_us")),
        ("we_hold".to_owned(), t.get("sme-direction-we_hold")),
    ];
    let related = (0..RELATED_ROWS)
        .map(|i| {
            RELATED_FIELDS
                .iter()
                .map(|field| {
                    let name = format!("related[{i}].{field}");
                    let label = t.get(&format!("sme-related-{field}"));
                    match *field {
                        "direction" => Field::new(&f, &name, label, "select").options(directions.clone()),
                        "public_body" => Field::new(&f, &name, label, "checkbox").hint(t.get("sme-hint-public_body")),
                        _ => Field::new(&f, &name, label, "text"),
                    }
                })
                .collect()
        })
        .collect();
    let signature = vec![
        Field::new(&f, "declared_by", t.get("sme-field-declared_by"), "text").required(),
        Field::new(&f, "declarant_role", t.get("sme-field-declarant_role"), "text").required(),
        Field::new(&f, "declared_on", t.get("sme-field-declared_on"), "date").required(),
        Field::new(&f, "confirmed", t.get("sme-field-confirmed"), "checkbox"),
    ];
    let page = SmePage {
        l: Layout::new(ctx, t.with("sme-title", "name", &view.org.name)),
        org_id: org.to_string(),
        org: view.org.name.clone(),
        retest,
        latest,
        earlier,
        can_declare: view.org.kind.is_enterprise(),
        f,
        accounts,
        related,
        signature,
    };
    render(t, status, &page)
}

/// `GET /organisations/{id}/sme`.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, PageError> {
    let id: OrgId = parse_id(ctx.t, &id)?;
    sme_page(&state, &ctx, id, None, StatusCode::OK).await
}

/// `POST /organisations/{id}/sme`: records a declaration and shows its result.
pub async fn declare(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = SmeForm::parse(pairs);
    ctx.check_csrf(&form.csrf)?;
    require_login(&ctx)?;
    let t = ctx.t;
    let id: OrgId = parse_id(t, &id)?;
    match sme::declare(&state.app, &ctx.actor, id, &form.draft()).await {
        Ok(d) => {
            ctx.flash(t.with("sme-declared", "label", category_label(t, d.category()))).await;
            Ok(see_other(&page_path(id)))
        }
        Err(AppError::Invalid(errors)) => sme_page(&state, &ctx, id, Some((&form, errors)), StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => Err(ctx.fail(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_app::evidence::sme::CeilingCheck;
    use tandem_core::account::Locale;

    #[test]
    fn blank_rows_are_left_out_and_problems_return_to_their_row() {
        let pairs = |list: &[(&str, &str)]| list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect::<Vec<_>>();
        let form = SmeForm::parse(pairs(&[
            ("related[0].direction", "holds_in_us"),
            ("related[2].name", "Holding AG"),
            ("related[2].capital_percent", "30"),
            ("related[4].public_body", "true"),
            ("related[9].name", "ignored: beyond the rows"),
            ("confirmed", "true"),
        ]));
        let draft = form.draft();
        assert_eq!(draft.related.len(), 2);
        assert_eq!(draft.related[0].name, "Holding AG");
        assert!(draft.related[1].public_body && draft.confirmed);
        let mut errors = ValidationErrors::default();
        errors.add("related[0].voting_percent", "invalid_percent", "…");
        errors.add("related[1].name", "required", "…");
        errors.add("staff", "invalid_staff", "…");
        let fields: Vec<String> = form.to_rows(errors).0.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["related[2].voting_percent", "related[4].name", "staff"]);
        assert_eq!(related_field("related[12].turnover"), Some((12, "turnover")));
        assert_eq!(related_field("turnover"), None);
    }

    #[test]
    fn every_reason_has_words_in_both_languages() {
        let f = Figures { staff_awu_hundredths: 5_500, turnover_cents: 400_000_000, balance_sheet_total_cents: 150_000_000 };
        let d = chrono::NaiveDate::from_ymd_opt(2024, 12, 31).expect("date");
        let check = CeilingCheck { staff_below: false, turnover_within: true, balance_sheet_total_within: true };
        let via = Some("1. Holding AG".to_owned());
        let reasons = vec![
            SmeReason::OwnFigures { period_end: d, figures: f },
            SmeReason::EstimatedFigures { enterprise: None },
            SmeReason::EstimatedFigures { enterprise: Some("X".into()) },
            SmeReason::BelowPartnerThreshold { enterprise: "X".into(), via: via.clone(), share_bp: 2_499 },
            SmeReason::InvestorExceptionApplied {
                enterprise: "X".into(),
                via: None,
                exception: InvestorException::BusinessAngels { total_investment_cents: 1 },
                share_bp: 3_000,
            },
            SmeReason::InvestorExceptionNotApplicable {
                enterprise: "X".into(),
                via: None,
                exception: InvestorException::AutonomousLocalAuthority { annual_budget_cents: 1, inhabitants: 9_000 },
                failure: ExceptionFailure::LocalAuthorityTooManyInhabitants,
            },
            SmeReason::AlreadyConsolidated { enterprise: "X".into(), via: via.clone() },
            SmeReason::PublicBodyWithoutAccounts { enterprise: "Stadt Leipzig".into() },
            SmeReason::LinkedAdded { enterprise: "X".into(), via: None, basis: LinkBasis::ThroughNaturalPersons, added: f },
            SmeReason::PartnerAdded { enterprise: "1. Holding AG".into(), via: None, share_bp: 2_500, data: f, added: f },
            SmeReason::LinkedToPartnerIncluded { enterprise: "X".into(), partner: "Y".into(), figures: f },
            SmeReason::PartnerOfPartnerIgnored { enterprise: "X".into(), partner: "Y".into() },
            SmeReason::PublicBodyControl { capital_bp: 2_500, voting_bp: 2_500, holders: vec!["Stadt Leipzig".into()] },
            SmeReason::AggregatedFigures { figures: f },
            SmeReason::CeilingTested { category: Category::Small, check, met: false },
            SmeReason::CeilingTested { category: Category::Medium, check, met: true },
            SmeReason::StatusKept { status: Category::Small, period_category: Category::Medium, previous_period_category: Category::Small },
            SmeReason::StatusChanged { from: Category::Small, to: Category::Medium },
        ];
        for t in [Tr::new(Locale::En), Tr::new(Locale::De)] {
            for r in &reasons {
                let text = reason_text(t, r);
                assert!(!text.starts_with("sme-") && !text.contains("sme-"), "{r:?} in {:?}: {text}", t.locale);
            }
            for c in [Category::Micro, Category::Small, Category::Medium, Category::Large] {
                assert!(!category_label(t, c).starts_with("sme-") && !category_text(t, c).starts_with("sme-"), "{c:?}");
            }
        }
        let en = Tr::new(Locale::En);
        assert_eq!(
            reason_text(en, &reasons[9]),
            "Art. 6(2): 1. Holding AG is a partner enterprise; 25% of its data (55 AWU, turnover €4,000,000.00, balance-sheet total €1,500,000.00) are added: 55 AWU, turnover €4,000,000.00, balance-sheet total €1,500,000.00."
        );
        assert!(
            reason_text(Tr::new(Locale::De), &reasons[15]).contains("50.000.000,00 €"),
            "{}",
            reason_text(Tr::new(Locale::De), &reasons[15])
        );
    }
}
