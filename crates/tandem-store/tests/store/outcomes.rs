//! Enterprise outcomes (migration 0011) on both backends: every kind reads back as written,
//! updates and withdrawals are version-checked, an enterprise has at most one active business
//! start and employment baseline per project, the CHECK constraints keep each kind's fields to
//! that kind, and evidence metadata is read in bulk.

use crate::{birmingham, fresh, insert_org, org_input};
use chrono::{NaiveDate, SubsecRound, Utc};
use tandem_core::directory::OrgKind;
use tandem_core::evidence::outcome::{
    Choice, InnovationKind, MatchedSupport, Novelty, Outcome, OutcomeDetail, OutcomeInput, OutcomeKind, StartEvidence,
};
use tandem_core::evidence::project::{Funder, ProjectCurrency, ProjectInput};
use tandem_core::{OrgId, OutcomeEvidenceId, OutcomeId, ProjectId};
use tandem_store::evidence_files::NewEvidenceFile;
use tandem_store::outcomes;
use tandem_store::projects::{self, ProjectLists};
use tandem_store::{Db, StoreError};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// A project led by an incubator, and an SME and a research institute, all in Birmingham.
pub(crate) async fn world(db: &Db) -> (ProjectId, OrgId, OrgId) {
    let lead = insert_org(db, &org_input("Innovation Birmingham", OrgKind::Incubator, birmingham(), &["62.01"]), "").await;
    let sme = insert_org(db, &org_input("Daden Ltd", OrgKind::Sme, birmingham(), &["62.01"]), "").await;
    let institute = insert_org(db, &org_input("Midlands Institute", OrgKind::ResearchOrganisation, birmingham(), &["72.19"]), "").await;
    let input = ProjectInput {
        name: "Innovation Engine".into(),
        lead_org_id: lead.id,
        funder: Funder::ErdfEngland2014,
        scheme: None,
        rulebook: "esif_gn_1_002".into(),
        rulebook_version: "v6".into(),
        agreement_signed_on: d("2023-12-01"),
        starts_on: d("2024-01-01"),
        ends_on: d("2026-12-31"),
        currency: ProjectCurrency::Gbp,
        hours_threshold: 1_200,
        day_rate: None,
        hours_per_day: 750,
    };
    let id = ProjectId::new();
    let mut conn = db.acquire().await.expect("acquire");
    let lists = ProjectLists { partners: vec![], cities: vec![birmingham()], excluded_nace: vec![], targets: vec![] };
    projects::insert(conn.conn(), id, &input, &lists, Utc::now()).await.expect("project");
    (id, sme.id, institute.id)
}

fn outcome(project: ProjectId, enterprise: OrgId, date: &str, detail: OutcomeDetail) -> Outcome {
    let now = Utc::now().trunc_subsecs(6);
    Outcome {
        id: OutcomeId::new(),
        project_id: project,
        enterprise_id: enterprise,
        input: OutcomeInput { date: d(date), detail, note: Some(format!("{:?}", detail.kind())) },
        created_by: None,
        version: 1,
        created_at: now,
        updated_at: now,
        withdrawn_at: None,
        withdrawn_reason: None,
    }
}

#[tokio::test]
async fn every_kind_reads_back_as_written_and_listings_keep_withdrawn_ones() {
    let (_db_guard, db) = fresh().await;
    let (project, sme, institute) = world(&db).await;
    let details = [
        ("2023-06-12", OutcomeDetail::BusinessStart { evidence: StartEvidence::Registration }),
        ("2024-02-01", OutcomeDetail::EmploymentBaseline { fte_hundredths: 0 }),
        ("2024-11-30", OutcomeDetail::EmploymentFigure { fte_hundredths: 650, confirmed_in_writing: true }),
        ("2024-09-17", OutcomeDetail::Innovation { novelty: Novelty::NewToFirm, innovation_kind: InnovationKind::Process }),
        ("2024-06-15", OutcomeDetail::ResearchCooperation { research_entity_id: institute }),
        ("2024-07-01", OutcomeDetail::PrivateInvestment { amount_minor: 2_500_000, matches: MatchedSupport::FinancialInstrument }),
    ];
    let mut conn = db.acquire().await.expect("acquire");
    let mut written = Vec::new();
    for (date, detail) in details {
        let o = outcome(project, sme, date, detail);
        outcomes::insert(conn.conn(), &o).await.expect("insert");
        assert_eq!(outcomes::get(conn.conn(), o.id).await.expect("get"), Some(o.clone()), "{detail:?}");
        written.push(o);
    }
    let listed = outcomes::for_enterprise(conn.conn(), sme).await.expect("for enterprise");
    let dates: Vec<NaiveDate> = listed.iter().map(|o| o.input.date).collect();
    assert_eq!(
        dates,
        [d("2024-11-30"), d("2024-09-17"), d("2024-07-01"), d("2024-06-15"), d("2024-02-01"), d("2023-06-12")],
        "newest first"
    );
    let until_june = outcomes::for_project(conn.conn(), project, d("2024-06-30")).await.expect("for project");
    assert_eq!(until_june.len(), 3, "the start, the baseline and June's cooperation: {until_june:?}");

    // Updates and withdrawals are version-checked; a withdrawn outcome stays and changes no more.
    let figure = &written[2];
    let changed = OutcomeInput {
        detail: OutcomeDetail::EmploymentFigure { fte_hundredths: 700, confirmed_in_writing: false },
        ..figure.input.clone()
    };
    let now = Utc::now().trunc_subsecs(6);
    assert!(outcomes::update(conn.conn(), figure.id, 1, &changed, now).await.expect("update"));
    assert!(!outcomes::update(conn.conn(), figure.id, 1, &changed, now).await.expect("stale"), "a stale version changes nothing");
    assert!(outcomes::withdraw(conn.conn(), figure.id, 2, "Entered twice", now).await.expect("withdraw"));
    assert!(!outcomes::update(conn.conn(), figure.id, 3, &figure.input, now).await.expect("withdrawn"));
    let stored = outcomes::get(conn.conn(), figure.id).await.expect("get").expect("kept");
    assert_eq!((stored.version, stored.input.detail, stored.withdrawn_reason.as_deref()), (3, changed.detail, Some("Entered twice")));
    assert_eq!(outcomes::for_project(conn.conn(), project, d("2024-12-31")).await.expect("all").len(), 6, "withdrawn ones are listed");
}

#[tokio::test]
async fn an_enterprise_has_one_active_start_and_baseline_per_project() {
    let (_db_guard, db) = fresh().await;
    let (project, sme, _) = world(&db).await;
    let mut conn = db.acquire().await.expect("acquire");
    let baseline = || outcome(project, sme, "2024-02-01", OutcomeDetail::EmploymentBaseline { fte_hundredths: 400 });
    let first = baseline();
    outcomes::insert(conn.conn(), &first).await.expect("first baseline");
    let found = outcomes::active_of_kind(conn.conn(), project, sme, OutcomeKind::EmploymentBaseline).await.expect("active");
    assert_eq!(found.map(|o| o.id), Some(first.id));
    match outcomes::insert(conn.conn(), &baseline()).await {
        Err(StoreError::Duplicate { field: "kind" }) => {}
        other => panic!("a second active baseline must be refused, got {other:?}"),
    }
    // Figures are not limited; a withdrawn baseline makes room for its replacement.
    for _ in 0..2 {
        let figure =
            outcome(project, sme, "2024-05-01", OutcomeDetail::EmploymentFigure { fte_hundredths: 500, confirmed_in_writing: true });
        outcomes::insert(conn.conn(), &figure).await.expect("figures");
    }
    assert!(outcomes::withdraw(conn.conn(), first.id, 1, "Set after support began", Utc::now()).await.expect("withdraw"));
    outcomes::insert(conn.conn(), &baseline()).await.expect("a new baseline");
    let start = || outcome(project, sme, "2023-06-12", OutcomeDetail::BusinessStart { evidence: StartEvidence::OtherTradingRecord });
    outcomes::insert(conn.conn(), &start()).await.expect("a start");
    assert!(matches!(outcomes::insert(conn.conn(), &start()).await, Err(StoreError::Duplicate { field: "kind" })));
}

#[tokio::test]
async fn check_constraints_keep_each_kinds_fields_to_that_kind() {
    let (_db_guard, db) = fresh().await;
    let (project, sme, _) = world(&db).await;
    let now = Utc::now().trunc_subsecs(6);
    // (kind, start_evidence, fte, confirmed, amount): each row breaks one CHECK.
    type Row = (&'static str, Option<&'static str>, Option<i32>, Option<bool>, Option<i64>);
    let bad: [Row; 5] = [
        ("business_start", Some("registration"), Some(400), None, None),
        ("business_start", Some("birth_certificate"), None, None, None),
        ("employment_figure", None, Some(400), None, None),
        ("employment_baseline", None, Some(-1), None, None),
        ("private_investment", None, None, None, Some(0)),
    ];
    for (kind, start_evidence, fte, confirmed, amount) in bad {
        let sql = "INSERT INTO enterprise_outcomes (id, project_id, enterprise_id, kind, occurred_on, start_evidence, fte, \
             confirmed_in_writing, amount, matches, created_at, updated_at, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, 1)";
        let matches = amount.map(|_| "grant");
        macro_rules! run {
            ($pool:expr) => {
                sqlx::query(sql)
                    .bind(OutcomeId::new().0)
                    .bind(project.0)
                    .bind(sme.0)
                    .bind(kind)
                    .bind(d("2024-02-01"))
                    .bind(start_evidence)
                    .bind(fte)
                    .bind(confirmed)
                    .bind(amount)
                    .bind(matches)
                    .bind(now)
                    .execute($pool)
                    .await
            };
        }
        let result = match &db {
            Db::Sqlite(pool) => run!(pool).map(drop),
            Db::Postgres(pool) => run!(pool).map(drop),
        };
        assert!(result.is_err(), "{kind} {start_evidence:?} {fte:?} {confirmed:?} {amount:?} must be refused");
    }
}

#[tokio::test]
async fn evidence_metadata_is_read_per_outcome_enterprise_and_project_and_bytes_on_demand() {
    let (_db_guard, db) = fresh().await;
    let (project, sme, institute) = world(&db).await;
    let mut conn = db.acquire().await.expect("acquire");
    let coop = outcome(project, sme, "2024-06-15", OutcomeDetail::ResearchCooperation { research_entity_id: institute });
    outcomes::insert(conn.conn(), &coop).await.expect("insert");
    let content = b"%PDF-1.4 agreement";
    let file = NewEvidenceFile { file_name: "agreement.pdf", media_type: "application/pdf", sha256: "abc", content, uploaded_by: None };
    let file_id = OutcomeEvidenceId::new();
    outcomes::add_evidence(conn.conn(), file_id, coop.id, &file, Utc::now()).await.expect("evidence");
    for listed in [
        outcomes::evidence(conn.conn(), coop.id).await.expect("of outcome"),
        outcomes::evidence_for_enterprise(conn.conn(), sme).await.expect("of enterprise"),
        outcomes::evidence_for_project(conn.conn(), project).await.expect("of project"),
    ] {
        assert_eq!(listed.iter().map(|e| (e.id, e.size, e.file_name.as_str())).collect::<Vec<_>>(), [(file_id, 18, "agreement.pdf")]);
    }
    assert!(outcomes::evidence_for_enterprise(conn.conn(), institute).await.expect("none").is_empty());
    let (meta, bytes) = outcomes::evidence_file(conn.conn(), file_id).await.expect("file").expect("exists");
    assert_eq!((meta.outcome_id, bytes.as_slice()), (coop.id, &content[..]));
}

#[test]
fn stored_choice_keys_are_the_rulebooks_serde_names() {
    fn check<C: Choice + serde::Serialize>() {
        for c in C::ALL {
            assert_eq!(serde_json::to_value(c).expect("json"), serde_json::Value::String(c.key().into()));
        }
    }
    check::<StartEvidence>();
    check::<Novelty>();
    check::<InnovationKind>();
    check::<MatchedSupport>();
}
