//! Outcomes of supported enterprises and cross-border cooperation as indicator facts (issue 6,
//! item 5): C8 counts employment growth confirmed in writing (ESIF-GN-1-002 C8), C26 counts an
//! enterprise once however many research entities it works with, RCO87 (Reg. (EU) 2021/1058
//! Annex I; Interreg) counts each organisation of a Birmingham–Leipzig agreement once and no
//! same-country meeting, withdrawn outcomes count nowhere, and only the project's support
//! recorders record outcomes, every change audited. The demo has entries and near misses for C5,
//! C8, C26, C28 and C29.

use crate::partnering_interests::insert_profile;
use crate::{Env, draft, invalid_field};
use chrono::{DateTime, Duration, NaiveDate, SubsecRound, Utc};
use tandem_app::AppError;
use tandem_app::evidence::indicators::{self, IndicatorReport};
use tandem_app::evidence::{claims, outcomes, projects, support};
use tandem_core::directory::OrgKind;
use tandem_core::events::event::{Event, Session, Slot, Tz};
use tandem_core::events::meeting::Meeting;
use tandem_core::events::registration::Registration;
use tandem_core::events::{
    AgendaState, Attendance, EventState, MeetingMode, MeetingOutcome, MeetingState, RegistrationState, RequestMode, SchedulingMode,
    SessionKind,
};
use tandem_core::evidence::outcome::{Outcome, OutcomeDraft};
use tandem_core::evidence::project::{Project, ProjectDraft};
use tandem_core::evidence::support::SupportDraft;
use tandem_core::partnering::agreement::{Agreement, AgreementInput, AgreementState, AgreementType};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{AgreementId, EventId, MeetingId, OrgId, RegistrationId, SessionId, SlotId};
use tandem_rules::indicators::{IndicatorCode, IndicatorResult, Shortfall};

/// A PDF that passes the evidence check.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

struct World {
    env: Env,
    /// Innovation Birmingham's admin (the lead).
    lead: Actor,
    lead_org: OrgId,
    /// The delivery partner's admin: Aston Lab, a university lab (and so a research entity).
    partner: Actor,
    partner_org: OrgId,
    /// A support organisation outside the project.
    outsider: Actor,
    outsider_org: OrgId,
    project: Project,
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

impl World {
    /// An ERDF England project (ESIF-GN-1-002 v6), or with `interreg` an Interreg 2021–27 one
    /// counting RCO87, delivered by Innovation Birmingham and Aston Lab from 2024.
    async fn new(interreg: bool) -> World {
        let env = Env::new().await;
        let birmingham = env.city("Birmingham").await;
        let (lead_org, _, lead) = env.org("lead@ib.example", &draft("Innovation Birmingham", OrgKind::Incubator, birmingham)).await;
        let (partner_org, _, partner) = env.org("lab@aston.example", &draft("Aston Lab", OrgKind::UniversityLab, birmingham)).await;
        let (outsider_org, _, outsider) = env.org("staff@other.example", &draft("Other Hub", OrgKind::Accelerator, birmingham)).await;
        let (funder, rulebook, version) =
            if interreg { ("interreg_2021_27", "interreg_2021_1059", "2021") } else { ("erdf_england_2014_20", "esif_gn_1_002", "v6") };
        let project = ProjectDraft {
            name: "Innovation Engine".into(),
            lead_org_id: lead_org.id.to_string(),
            funder: funder.into(),
            scheme: None,
            rulebook: rulebook.into(),
            rulebook_version: version.into(),
            agreement_signed_on: "2023-12-01".into(),
            starts_on: "2024-01-01".into(),
            ends_on: "2026-12-31".into(),
            currency: "GBP".into(),
            hours_threshold: "12".into(),
            day_rate: String::new(),
            hours_per_day: "7.5".into(),
        };
        let lists =
            projects::ListsDraft { partners: vec![partner_org.id.to_string()], cities: vec![birmingham.to_string()], ..Default::default() };
        let project = projects::create(&env.app, &lead, &project, &lists).await.expect("create project");
        World { env, lead, lead_org: lead_org.id, partner, partner_org: partner_org.id, outsider, outsider_org: outsider_org.id, project }
    }

    /// An SME in `city` with a small-company declaration signed on 15 January 2024, and its admin.
    async fn enterprise(&self, name: &str, city: &str) -> (OrgId, Actor) {
        let city = self.env.city(city).await;
        let email = format!("ceo@{}.example", name.to_lowercase().replace(' ', "-"));
        let (org, _, owner) = self.env.org(&email, &draft(name, OrgKind::Sme, city)).await;
        let declaration = tandem_core::evidence::sme::DeclarationDraft {
            period_end: "2023-12-31".into(),
            staff: "12".into(),
            turnover: "900,000".into(),
            balance_sheet: "400,000".into(),
            currency: "EUR".into(),
            declared_by: "Owner".into(),
            declarant_role: "Director".into(),
            declared_on: "2024-01-15".into(),
            confirmed: true,
            ..Default::default()
        };
        tandem_app::evidence::sme::declare(&self.env.app, &owner, org.id, &declaration).await.expect("declare");
        (org.id, owner)
    }

    /// 12 hours of evidenced advice with its written output on `on`: the enterprise counts
    /// under C1 from that day.
    async fn supported(&self, enterprise: OrgId, on: &str) {
        let draft = SupportDraft {
            enterprise_id: enterprise.to_string(),
            support_org_id: self.lead_org.to_string(),
            adviser_name: "Jordan Hayes".into(),
            delivered_on: on.into(),
            hours: "12".into(),
            activity: "one_to_one_advice".into(),
            written_output: Some("Action plan for entering the German market".into()),
            ..Default::default()
        };
        let r = support::record(&self.env.app, &self.lead, self.project.id, &draft).await.expect("support");
        support::add_evidence(&self.env.app, &self.lead, r.id, "plan.pdf", PDF).await.expect("evidence");
    }

    /// Records an outcome as the lead, with an evidence file if `evidence`.
    async fn outcome(&self, enterprise: OrgId, draft: OutcomeDraft, evidence: bool) -> Outcome {
        let o = outcomes::record(&self.env.app, &self.lead, self.project.id, enterprise, &draft).await.expect("record outcome");
        if evidence {
            outcomes::add_evidence(&self.env.app, &self.lead, o.id, "letter.pdf", PDF).await.expect("evidence");
        }
        o
    }

    async fn report(&self) -> IndicatorReport {
        indicators::compute(&self.env.app, &self.lead, self.project.id, d("2024-01-01"), d("2024-12-31")).await.expect("compute")
    }
}

fn kind(kind: &str, date: &str) -> OutcomeDraft {
    OutcomeDraft { kind: kind.into(), date: date.into(), ..OutcomeDraft::default() }
}

fn employment(kind_key: &str, date: &str, fte: &str, confirmed: bool) -> OutcomeDraft {
    OutcomeDraft { fte: fte.into(), confirmed_in_writing: confirmed, ..kind(kind_key, date) }
}

fn result(report: &IndicatorReport, code: IndicatorCode) -> &IndicatorResult {
    report.results.iter().find(|r| r.code == code).unwrap_or_else(|| panic!("no {code:?}"))
}

#[tokio::test]
async fn c8_counts_employment_growth_over_the_baseline_only_when_confirmed_in_writing_esif_gn_1_002_c8() {
    let w = World::new(false).await;
    let (grew, _) = w.enterprise("Digbeth Widgets", "Birmingham").await;
    let (unconfirmed, _) = w.enterprise("Moseley Media", "Birmingham").await;
    for firm in [grew, unconfirmed] {
        w.supported(firm, "2024-03-01").await;
    }
    let baseline = w.outcome(grew, employment("employment_baseline", "2024-02-01", "4", false), false).await;
    let figure = w.outcome(grew, employment("employment_figure", "2024-11-30", "6.5", true), true).await;
    w.outcome(unconfirmed, employment("employment_baseline", "2024-02-01", "8", false), false).await;
    w.outcome(unconfirmed, employment("employment_figure", "2024-11-30", "9.5", false), false).await;

    let report = w.report().await;
    let c8 = result(&report, IndicatorCode::C8);
    let entry = c8.entry(&grew.to_string()).expect("confirmed growth counts");
    assert_eq!(entry.value, 250, "6.5 FTE over a baseline of 4");
    assert_eq!(entry.qualifying_ids, vec![baseline.id.to_string(), figure.id.to_string()]);
    assert_eq!(c8.total(), 250, "the unconfirmed rise adds nothing");
    let miss = c8.near_miss(&unconfirmed.to_string()).expect("an unconfirmed figure is a near miss");
    assert_eq!(miss.missing, vec![Shortfall::NotConfirmedInWriting { figures: 1 }]);

    // The claim lists the baseline and the figure as the evidence of the count.
    let claim = claims::claim_of(&report);
    let rows = &claim.indicators.iter().find(|i| i.code == "C8").expect("C8").rows;
    let kinds: Vec<&str> = rows.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["employment_baseline", "employment_figure"]);
    assert_eq!((rows[1].detail.as_str(), rows[1].value.as_str()), ("6.5 FTE, confirmed in writing", "2.5"));
    assert!(rows[1].evidence.starts_with("letter.pdf ("), "{rows:?}");
}

#[tokio::test]
async fn c26_counts_an_enterprise_once_however_many_research_entities_it_cooperates_with_esif_gn_1_002_c26() {
    let w = World::new(false).await;
    let birmingham = w.env.city("Birmingham").await;
    let (institute, _, _) =
        w.env.org("info@mias.example", &draft("Midlands Institute for Applied Sensing", OrgKind::ResearchOrganisation, birmingham)).await;
    let (twice, _) = w.enterprise("Digbeth Widgets", "Birmingham").await;
    let (unevidenced, _) = w.enterprise("Moseley Media", "Birmingham").await;
    for firm in [twice, unevidenced] {
        w.supported(firm, "2024-03-01").await;
    }
    let with = |entity: OrgId| OutcomeDraft { research_entity_id: entity.to_string(), ..kind("research_cooperation", "2024-06-03") };
    let lab = w.outcome(twice, with(w.partner_org), true).await;
    let mias = w.outcome(twice, with(institute.id), true).await;
    w.outcome(unevidenced, with(institute.id), false).await;

    // An accelerator is not a research entity; the enterprise cannot cooperate with itself.
    let not_research = outcomes::record(&w.env.app, &w.lead, w.project.id, twice, &with(w.outsider_org)).await;
    assert_eq!(invalid_field(not_research, "research_entity_id"), "not_research_entity");
    let itself = outcomes::record(&w.env.app, &w.lead, w.project.id, twice, &with(twice)).await;
    assert_eq!(invalid_field(itself, "research_entity_id"), "self_cooperation");

    let report = w.report().await;
    let c26 = result(&report, IndicatorCode::C26);
    assert_eq!((c26.entries.len(), c26.total()), (1, 1), "counted once: {c26:?}");
    let ids = &c26.entry(&twice.to_string()).expect("counted").qualifying_ids;
    assert!(ids.contains(&lab.id.to_string()) && ids.contains(&mias.id.to_string()), "both cooperations qualify it: {ids:?}");
    let miss = c26.near_miss(&unevidenced.to_string()).expect("near miss");
    assert_eq!(miss.missing, vec![Shortfall::NoEvidence { records: 1 }]);

    let claim = claims::claim_of(&report);
    let rows = &claim.indicators.iter().find(|i| i.code == "C26").expect("C26").rows;
    assert!(rows.iter().any(|r| r.kind == "support_record"), "the C1 support behind it: {rows:?}");
    let details: Vec<&str> = rows.iter().filter(|r| r.kind == "research_cooperation").map(|r| r.detail.as_str()).collect();
    assert_eq!(details.len(), 2);
    assert!(details.contains(&"with Aston Lab") && details.contains(&"with Midlands Institute for Applied Sensing"), "{details:?}");
}

/// A confirmed (or, with `state`, other) agreement between `owner` and `partner`.
async fn agreement(w: &World, owner: OrgId, partner: OrgId, signed_on: &str, state: AgreementState) -> AgreementId {
    let profile = insert_profile(&w.env, owner, Some(w.lead_org), "published").await;
    let now = Utc::now().trunc_subsecs(6);
    let a = Agreement {
        id: AgreementId::new(),
        profile_id: profile,
        interest_id: None,
        owner_org_id: owner,
        partner_org_id: partner,
        input: AgreementInput { agreement_type: AgreementType::JointVenture, signed_on: d(signed_on), summary: None },
        state,
        recorded_by: None,
        confirmed_by: None,
        created_at: now,
        confirmed_at: (state == AgreementState::Confirmed).then_some(now),
    };
    let mut tx = w.env.app.db().begin().await.expect("begin");
    tandem_store::agreements::insert(tx.conn(), &a).await.expect("agreement");
    tx.commit().await.expect("commit");
    a.id
}

/// A B2B meeting between participants of `a` and `b`, held at `at` (an event in London).
async fn held_meeting(w: &World, a: OrgId, b: OrgId, at: DateTime<Utc>) -> MeetingId {
    let event = Event {
        id: EventId::new(),
        slug: format!("b2b-{}", uuid::Uuid::new_v4().simple()),
        name: "Tandem 24 Birmingham–Leipzig".into(),
        description: None,
        state: EventState::Published,
        timezone: Tz::Europe__London,
        starts_at: at,
        ends_at: at + Duration::hours(4),
        venue_name: "iCentrum".into(),
        venue_address: None,
        tables: 4,
        capacity: None,
        registration_open: true,
        registration_approval: false,
        booking_open: true,
        request_mode: RequestMode::Approval,
        scheduling_mode: SchedulingMode::PickSlot,
        request_expiry_minutes: 24 * 60,
        max_pending_requests: 5,
        max_meetings: None,
        max_meetings_onsite: None,
        max_meetings_remote: None,
        agenda_state: AgendaState::Unpublished,
        agenda_published_at: None,
        created_by: None,
        created_at: at,
        updated_at: at,
    };
    let session = Session {
        id: SessionId::new(),
        event_id: event.id,
        kind: SessionKind::Matchmaking,
        title: "B2B meetings".into(),
        description: None,
        starts_at: at,
        ends_at: at + Duration::minutes(30),
        room: None,
        stream_url: None,
        slot_minutes: Some(30),
        max_meetings: None,
        created_at: at,
    };
    let slot = Slot { id: SlotId::new(), event_id: event.id, session_id: session.id, starts_at: at, ends_at: at + Duration::minutes(30) };
    let mut registrations = Vec::new();
    for org in [a, b] {
        let (user, _) = w.env.user(&format!("{}@participants.test", uuid::Uuid::new_v4().simple()), true).await;
        registrations.push(Registration {
            id: RegistrationId::new(),
            event_id: event.id,
            user_id: user.id,
            org_id: Some(org),
            display_name: user.display_name.clone(),
            attendance: Attendance::Onsite,
            state: RegistrationState::Approved,
            booth_table: None,
            max_meetings: None,
            checkin_code: uuid::Uuid::new_v4().simple().to_string(),
            calendar_token: uuid::Uuid::new_v4().simple().to_string(),
            checked_in_at: None,
            checked_in_by: None,
            created_at: at,
            updated_at: at,
        });
    }
    let meeting = Meeting {
        id: MeetingId::new(),
        event_id: event.id,
        requester_id: registrations[0].id,
        receiver_id: registrations[1].id,
        profile_id: None,
        message: None,
        state: MeetingState::Accepted,
        mode: MeetingMode::Onsite,
        priority: 1,
        expires_at: None,
        responded_at: Some(at),
        reason: None,
        slot_id: Some(slot.id),
        table_number: Some(1),
        locked: false,
        sequence: 0,
        outcome: Some(MeetingOutcome::Held),
        outcome_by: None,
        created_at: at,
        updated_at: at,
    };
    let mut tx = w.env.app.db().begin().await.expect("begin");
    tandem_store::events::insert(tx.conn(), &event).await.expect("event");
    tandem_store::events::insert_session(tx.conn(), &session).await.expect("session");
    tandem_store::events::replace_slots(tx.conn(), session.id, &[slot]).await.expect("slot");
    for r in &registrations {
        tandem_store::registrations::insert(tx.conn(), r).await.expect("registration");
    }
    tandem_store::meetings::insert(tx.conn(), &meeting).await.expect("meeting");
    tx.commit().await.expect("commit");
    meeting.id
}

fn noon(day: &str) -> DateTime<Utc> {
    d(day).and_hms_opt(12, 0, 0).expect("time").and_utc()
}

#[tokio::test]
async fn rco87_counts_a_birmingham_leipzig_agreement_once_per_organisation_and_no_same_country_meeting_reg_2021_1058_annex_i() {
    let w = World::new(true).await;
    let (digbeth, _) = w.enterprise("Digbeth Widgets", "Birmingham").await;
    w.supported(digbeth, "2024-03-01").await;
    let (plagwitz, _) = w.enterprise("Plagwitz Robotics", "Leipzig").await;
    let (connewitz, _) = w.enterprise("Connewitz Labs", "Leipzig").await;
    let (quarter, _) = w.enterprise("Jewellery Quarter Labs", "Birmingham").await;
    let (lindenau, _) = w.enterprise("Lindenau Sensors", "Leipzig").await;

    let first = agreement(&w, digbeth, plagwitz, "2024-04-10", AgreementState::Confirmed).await;
    agreement(&w, plagwitz, digbeth, "2024-09-01", AgreementState::Confirmed).await;
    // Neither a recorded agreement nobody confirmed (a near miss), nor one between organisations
    // outside the project, nor one before the project started counts.
    agreement(&w, digbeth, lindenau, "2024-05-01", AgreementState::Recorded).await;
    agreement(&w, quarter, lindenau, "2024-05-01", AgreementState::Confirmed).await;
    agreement(&w, digbeth, lindenau, "2023-11-01", AgreementState::Confirmed).await;
    let across = held_meeting(&w, digbeth, connewitz, noon("2024-05-15")).await;
    held_meeting(&w, digbeth, quarter, noon("2024-05-15")).await;

    let report = w.report().await;
    let rco87 = result(&report, IndicatorCode::Rco87);
    let mut counted: Vec<String> = rco87.entries.iter().map(|e| e.subject_id.clone()).collect();
    counted.sort();
    let mut expected = vec![digbeth.to_string(), plagwitz.to_string(), connewitz.to_string()];
    expected.sort();
    assert_eq!(counted, expected, "each organisation once: {rco87:?}");
    assert_eq!(rco87.total(), 3);
    let digbeth_entry = rco87.entry(&digbeth.to_string()).expect("Digbeth");
    assert_eq!((digbeth_entry.counted_on, digbeth_entry.qualifying_ids.clone()), (d("2024-04-10"), vec![first.to_string()]));
    assert_eq!(rco87.entry(&connewitz.to_string()).expect("Connewitz").qualifying_ids, vec![across.to_string()]);
    let miss = rco87.near_miss(&quarter.to_string()).expect("a same-country meeting is a near miss");
    assert_eq!(miss.missing, vec![Shortfall::SameCountry { country: "GB".into() }]);
    assert!(rco87.entry(&lindenau.to_string()).is_none(), "{rco87:?}");
    let waiting = rco87.near_miss(&lindenau.to_string()).expect("the unconfirmed agreement is a near miss");
    assert_eq!(waiting.missing, vec![Shortfall::AgreementsNotConfirmed { agreements: 1 }]);

    let claim = claims::claim_of(&report);
    let rows = &claim.indicators.iter().find(|i| i.code == "RCO87").expect("RCO87").rows;
    let agreement_row = rows.iter().find(|r| r.record_id == first.to_string()).expect("the agreement's row");
    assert_eq!(agreement_row.kind, "partnership_agreement");
    assert!(agreement_row.detail.starts_with("Digbeth Widgets (GB) – Plagwitz Robotics (DE)"), "{agreement_row:?}");
    assert!(rows.iter().any(|r| r.kind == "held_b2b_meeting" && r.detail.contains("Tandem 24")), "{rows:?}");
}

#[tokio::test]
async fn withdrawn_outcomes_count_nowhere_and_free_the_enterprises_one_baseline() {
    let w = World::new(false).await;
    let (firm, _) = w.enterprise("Digbeth Widgets", "Birmingham").await;
    w.supported(firm, "2024-03-01").await;
    let product = OutcomeDraft { novelty: "new_to_market".into(), innovation_kind: "product".into(), ..kind("innovation", "2024-09-01") };
    let innovation = w.outcome(firm, product, true).await;
    assert_eq!(result(&w.report().await, IndicatorCode::C28).total(), 1, "an evidenced new-to-market product");

    outcomes::withdraw(&w.env.app, &w.lead, innovation.id, innovation.version, "Claimed for the wrong enterprise").await.expect("withdraw");
    let report = w.report().await;
    let c28 = result(&report, IndicatorCode::C28);
    assert_eq!((c28.total(), c28.near_misses.len()), (0, 0), "withdrawn, it is neither counted nor a near miss: {c28:?}");
    assert!(!report.outcomes.contains_key(&innovation.id.to_string()), "nor evidence in the claim");
    let again = outcomes::correct(&w.env.app, &w.lead, innovation.id, innovation.version + 1, &kind("innovation", "2024-09-01")).await;
    assert!(matches!(again, Err(AppError::Conflict)), "a withdrawn outcome is not changed: {again:?}");

    // One employment baseline per enterprise and project while it stands (C8 measures from it).
    let baseline = w.outcome(firm, employment("employment_baseline", "2024-02-01", "4", false), false).await;
    let second =
        outcomes::record(&w.env.app, &w.lead, w.project.id, firm, &employment("employment_baseline", "2024-02-15", "5", false)).await;
    assert_eq!(invalid_field(second, "kind"), "one_per_enterprise");
    let corrected = outcomes::correct(&w.env.app, &w.lead, baseline.id, 1, &employment("employment_baseline", "2024-02-01", "4.5", false))
        .await
        .expect("correcting the baseline itself is fine");
    outcomes::withdraw(&w.env.app, &w.lead, baseline.id, corrected.version, "Set after the diagnostic, not before")
        .await
        .expect("withdraw");
    w.outcome(firm, employment("employment_baseline", "2024-02-15", "5", false), false).await;
}

#[tokio::test]
async fn only_the_projects_support_recorders_record_outcomes_and_every_change_is_audited() {
    let w = World::new(false).await;
    let app = &w.env.app;
    let (firm, owner) = w.enterprise("Digbeth Widgets", "Birmingham").await;
    let start = OutcomeDraft { start_evidence: "registration".into(), ..kind("business_start", "2023-09-01") };

    let denied = |r: Result<Outcome, AppError>| matches!(r, Err(AppError::Denied(Denied::Forbidden)));
    assert!(denied(outcomes::record(app, &w.outsider, w.project.id, firm, &start).await), "a support organisation outside the project");
    assert!(denied(outcomes::record(app, &owner, w.project.id, firm, &start).await), "the enterprise itself");
    let anonymous = outcomes::record(app, &Actor::Anonymous, w.project.id, firm, &start).await;
    assert!(matches!(anonymous, Err(AppError::Denied(Denied::LoginRequired))), "{anonymous:?}");
    let recorded = outcomes::record(app, &w.partner, w.project.id, firm, &start).await.expect("the delivery partner records");
    let not_firm = outcomes::record(app, &w.lead, w.project.id, w.outsider_org, &start).await;
    assert_eq!(invalid_field(not_firm, "enterprise_id"), "outcome_not_enterprise");

    let other = OutcomeDraft { start_evidence: "other_trading_record".into(), ..start.clone() };
    let corrected = outcomes::correct(app, &w.lead, recorded.id, recorded.version, &other).await.expect("correct");
    let stale = outcomes::correct(app, &w.lead, recorded.id, recorded.version, &start).await;
    assert!(matches!(stale, Err(AppError::Conflict)), "{stale:?}");
    assert!(denied(outcomes::correct(app, &w.outsider, recorded.id, corrected.version, &start).await));
    let bad_file = outcomes::add_evidence(app, &w.lead, recorded.id, "extract.pdf", b"not a pdf").await;
    assert_eq!(invalid_field(bad_file, "evidence"), "file_type");
    let file = outcomes::add_evidence(app, &w.lead, recorded.id, "companies-house-extract.pdf", PDF).await.expect("evidence");
    let no_reason = outcomes::withdraw(app, &w.lead, recorded.id, corrected.version, " ").await;
    assert_eq!(invalid_field(no_reason, "reason"), "required");
    outcomes::withdraw(app, &w.lead, recorded.id, corrected.version, "Wrong enterprise").await.expect("withdraw");

    let history = {
        let mut conn = app.db().acquire().await.expect("acquire");
        tandem_store::audit::history(conn.conn(), "enterprise_outcome", &recorded.id.to_string()).await.expect("history")
    };
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["created", "updated", "evidence_added", "withdrawn"]);
    let before = history[1].before.as_ref().expect("before");
    assert_eq!(before["input"]["detail"]["evidence"], "registration", "the audit keeps the value before: {before}");
    assert!(tandem_app::audit::verify(app).await.expect("verify").is_intact());

    // The enterprise's own people see its outcomes and files; strangers do not.
    let seen = outcomes::for_enterprise(app, &owner, firm).await.expect("the enterprise sees its outcomes");
    assert_eq!((seen.outcomes.len(), seen.evidence.get(&recorded.id).map(Vec::len)), (1, Some(1)));
    assert!(!seen.may_record(w.project.id), "but records none");
    assert!(outcomes::for_enterprise(app, &w.lead, firm).await.expect("lead").may_record(w.project.id));
    let (_, stranger) = w.env.user("someone@example.org", true).await;
    assert!(matches!(outcomes::for_enterprise(app, &stranger, firm).await, Err(AppError::Denied(Denied::Forbidden))));
    assert!(matches!(outcomes::evidence_file(app, &stranger, file.id).await, Err(AppError::NotFound)));
    let (meta, bytes) = outcomes::evidence_file(app, &owner, file.id).await.expect("download");
    assert_eq!((meta.file_name.as_str(), bytes.as_slice()), ("companies-house-extract.pdf", PDF));
}

#[tokio::test]
async fn the_demo_has_entries_and_near_misses_for_c5_c8_c26_c28_c29_and_the_leipzig_rco05_rcr01_to_rcr03() {
    let env = Env::new().await;
    tandem_app::demo::seed(&env.app, 0).await.expect("seed");
    let manager =
        tandem_app::auth::login(&env.app, "jordan.manager@demo.tandem.example", tandem_app::demo::DEMO_PASSWORD).await.expect("login");
    let (_, actor) = tandem_app::auth::actor_for(&env.app, manager.id).await.expect("actor").expect("exists");
    let project = projects::list(&env.app, &actor)
        .await
        .expect("projects")
        .into_iter()
        .find(|p| p.input.name == "Innovation Engine")
        .expect("project");
    let report = indicators::compute(&env.app, &actor, project.id, d("2018-01-01"), d("2018-12-31")).await.expect("compute");
    for code in [IndicatorCode::C5, IndicatorCode::C8, IndicatorCode::C26, IndicatorCode::C28, IndicatorCode::C29] {
        let r = result(&report, code);
        assert!(!r.entries.is_empty() && !r.near_misses.is_empty(), "{code:?} needs entries and near misses: {r:?}");
    }
    let misses = |code| result(&report, code).near_misses.iter().flat_map(|m| m.missing.clone()).collect::<Vec<Shortfall>>();
    assert!(misses(IndicatorCode::C5).iter().any(|s| matches!(s, Shortfall::NotNewEnterprise { months: 12, limit_months: 12 })));
    assert!(misses(IndicatorCode::C8).contains(&Shortfall::NotConfirmedInWriting { figures: 1 }));
    assert!(misses(IndicatorCode::C8).iter().any(|s| matches!(s, Shortfall::BaselineAfterSupport { .. })));
    assert!(misses(IndicatorCode::C26).contains(&Shortfall::NoEvidence { records: 1 }));
    assert!(misses(IndicatorCode::C28).contains(&Shortfall::NoEvidence { records: 1 }));
    assert!(misses(IndicatorCode::C29).iter().any(|s| matches!(s, Shortfall::InnovationBeforeSupport { .. })));
    assert_eq!(result(&report, IndicatorCode::C8).total(), 450, "2.5 + 2 FTE; the withdrawn copy adds nothing");
    for code in [IndicatorCode::C1, IndicatorCode::C2, IndicatorCode::C3, IndicatorCode::C4, IndicatorCode::P13] {
        let r = result(&report, code);
        assert!(!r.entries.is_empty() && !r.near_misses.is_empty(), "{code:?} has entries and near misses in the demo: {r:?}");
    }

    let claim = claims::claim_of(&report);
    let c5 = &claim.indicators.iter().find(|i| i.code == "C5").expect("C5").rows;
    assert!(c5.iter().any(|r| r.kind == "business_start" && r.detail.contains("registration")), "{c5:?}");
    assert!(tandem_app::audit::verify(&env.app).await.expect("verify").is_intact());

    // The Leipzig programme (EU 2021–27) has its RCO05 and RCR entries and near misses too.
    let lena =
        tandem_app::auth::login(&env.app, "lena.managerin@demo.tandem.example", tandem_app::demo::DEMO_PASSWORD).await.expect("login");
    let (_, lena) = tandem_app::auth::actor_for(&env.app, lena.id).await.expect("actor").expect("exists");
    let spinlab = projects::list(&env.app, &lena)
        .await
        .expect("projects")
        .into_iter()
        .find(|p| p.input.name == tandem_app::evidence::demo_leipzig::PROJECT)
        .expect("the Leipzig project");
    let report = indicators::compute(&env.app, &lena, spinlab.id, d("2025-01-01"), d("2025-12-31")).await.expect("compute");
    for code in [IndicatorCode::Rco01, IndicatorCode::Rco05, IndicatorCode::Rcr01, IndicatorCode::Rcr02, IndicatorCode::Rcr03] {
        let r = result(&report, code);
        assert!(!r.entries.is_empty() && !r.near_misses.is_empty(), "{code:?} needs entries and near misses: {r:?}");
    }
    for code in [IndicatorCode::Rco02, IndicatorCode::Rco03, IndicatorCode::Rco04] {
        let r = result(&report, code);
        assert!(!r.entries.is_empty() && !r.near_misses.is_empty(), "{code:?} has entries and near misses in the demo: {r:?}");
    }
    assert_eq!(result(&report, IndicatorCode::Rcr01).total(), 350, "3.5 jobs created");
    assert_eq!(result(&report, IndicatorCode::Rcr02).total(), 20_000_000, "€200,000 of evidenced private investment");
}

#[tokio::test]
async fn the_demo_counts_a_pre_start_client_under_p11_and_the_twin_city_agreements_under_rco87() {
    let env = Env::new().await;
    tandem_app::demo::seed(&env.app, 0).await.expect("seed");
    let actor = |email: &'static str| {
        let app = &env.app;
        async move {
            let user = tandem_app::auth::login(app, email, tandem_app::demo::DEMO_PASSWORD).await.expect("login");
            tandem_app::auth::actor_for(app, user.id).await.expect("actor").expect("exists").1
        }
    };
    let project_named = |actor: &tandem_core::policy::Actor, name: &'static str| {
        let (app, actor) = (&env.app, actor.clone());
        async move { projects::list(app, &actor).await.expect("projects").into_iter().find(|p| p.input.name == name).expect(name) }
    };

    // Two pre-start clients: one with 12 hours counts under P11 (and nowhere else), one with
    // 7.5 hours is a near miss.
    let jordan = actor("jordan.manager@demo.tandem.example").await;
    let engine = project_named(&jordan, "Innovation Engine").await;
    let report = indicators::compute(&env.app, &jordan, engine.id, d("2018-01-01"), d("2018-12-31")).await.expect("compute");
    let p11 = result(&report, IndicatorCode::P11);
    assert_eq!(p11.entries.len(), 1, "{p11:?}");
    assert_eq!(p11.near_misses.len(), 1, "{p11:?}");
    assert_eq!(p11.near_misses[0].missing, [Shortfall::HoursShort { have_hundredths: 750, need_hundredths: 1200 }]);
    let pre_starts: Vec<&str> =
        p11.entries.iter().map(|e| e.subject_id.as_str()).chain(p11.near_misses.iter().map(|m| m.subject_id.as_str())).collect();
    for code in [IndicatorCode::C1, IndicatorCode::C4, IndicatorCode::P13] {
        let r = result(&report, code);
        let subjects = r.entries.iter().map(|e| e.subject_id.as_str()).chain(r.near_misses.iter().map(|m| m.subject_id.as_str()));
        assert!(subjects.into_iter().all(|s| !pre_starts.contains(&s)), "a pre-start client is not an enterprise under {code:?}");
    }

    // The Interreg project: the confirmed Birmingham–Leipzig agreement counts both firms; the
    // one awaiting the partner's confirmation is a near miss for both.
    let anna = actor("anna.austausch@demo.tandem.example").await;
    let bridge = project_named(&anna, "Twin-City Innovation Bridge").await;
    let report = indicators::compute(&env.app, &anna, bridge.id, d("2026-01-01"), d("2026-12-31")).await.expect("compute");
    let rco87 = result(&report, IndicatorCode::Rco87);
    assert_eq!(rco87.total(), 2, "{rco87:?}");
    assert_eq!(rco87.near_misses.len(), 2, "{rco87:?}");
    for miss in &rco87.near_misses {
        assert_eq!(miss.missing, [Shortfall::AgreementsNotConfirmed { agreements: 1 }]);
    }
    let claim = claims::claim_of(&report);
    let rows = &claim.indicators.iter().find(|i| i.code == "RCO87").expect("RCO87").rows;
    assert!(rows.iter().any(|r| r.kind == "partnership_agreement" && r.detail.contains("Digbeth Air Sensing Ltd (GB)")), "{rows:?}");
    assert!(tandem_app::audit::verify(&env.app).await.expect("verify").is_intact());
}

