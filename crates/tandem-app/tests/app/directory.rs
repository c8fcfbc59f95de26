//! Organisations, confidential figures, programmes, members and search, with their permissions.

use crate::{draft, Env};
use tandem_app::directory::{members, organisations, programmes, search};
use tandem_app::AppError;
use tandem_core::account::OrgRole;
use tandem_core::directory::{OrgKind, OrganisationDraft, Person, ProgrammeDraft, ProgrammeStatus};
use tandem_core::policy::{Actor, Denied};
use tandem_core::{OrgId, PersonId, ProgrammeId};

#[tokio::test]
async fn only_verified_users_create_organisations_and_they_become_admins() {
    let env = Env::new().await;
    let bham = env.city("Birmingham").await;
    let d = draft("Daden Ltd", OrgKind::Sme, bham);
    let anon = organisations::create(&env.app, &Actor::Anonymous, &d).await;
    assert!(matches!(anon, Err(AppError::Denied(Denied::LoginRequired))), "{anon:?}");
    let (_, unverified) = env.user("new@example.org", false).await;
    let denied = organisations::create(&env.app, &unverified, &d).await;
    assert!(matches!(denied, Err(AppError::Denied(Denied::EmailNotVerified))), "{denied:?}");

    let (user, actor) = env.user("chris@example.org", true).await;
    let org = organisations::create(&env.app, &actor, &d).await.expect("create");
    assert_eq!((org.name.as_str(), org.version, org.city_id), ("Daden Ltd", 1, bham));
    let Actor::User(reloaded) = env.actor(&user).await else { panic!("a user") };
    assert_eq!(reloaded.memberships.len(), 1);
    assert_eq!((reloaded.memberships[0].org_id, reloaded.memberships[0].role), (org.id, OrgRole::OrgAdmin));

    let bad = OrganisationDraft { city_id: OrgId::new().to_string(), nace_codes: vec!["99.99".into()], ..d.clone() };
    match organisations::create(&env.app, &actor, &bad).await {
        Err(AppError::Invalid(errors)) => {
            assert_eq!(errors.for_field("city_id").map(|e| e.code), Some("unknown_city"));
            assert_eq!(errors.for_field("nace_codes").map(|e| e.code), Some("unknown_nace"));
        }
        other => panic!("expected validation errors, got {other:?}"),
    }
}

#[tokio::test]
async fn organisations_are_edited_by_their_admins_at_the_current_version() {
    let env = Env::new().await;
    let bham = env.city("Birmingham").await;
    let (org, _, admin) = env.org("chris@example.org", &draft("Daden Ltd", OrgKind::Sme, bham)).await;
    let (_, _, other_admin) = env.org("sam@example.org", &draft("Holosphere", OrgKind::Sme, bham)).await;

    let mut change = draft("Daden Limited", OrgKind::Sme, bham);
    change.website = Some("https://www.daden.co.uk".into());
    let foreign = organisations::update(&env.app, &other_admin, org.id, 1, &change).await;
    assert!(matches!(foreign, Err(AppError::Denied(Denied::Forbidden))), "{foreign:?}");
    let anonymous = organisations::update(&env.app, &Actor::Anonymous, org.id, 1, &change).await;
    assert!(matches!(anonymous, Err(AppError::Denied(Denied::LoginRequired))), "{anonymous:?}");

    let updated = organisations::update(&env.app, &admin, org.id, 1, &change).await.expect("update");
    assert_eq!((updated.name.as_str(), updated.version), ("Daden Limited", 2));
    let stale = organisations::update(&env.app, &admin, org.id, 1, &draft("Daden Again", OrgKind::Sme, bham)).await;
    assert!(matches!(stale, Err(AppError::Conflict)), "{stale:?}");
    let view = organisations::view(&env.app, &Actor::Anonymous, org.id).await.expect("view");
    assert_eq!(view.org.name, "Daden Limited", "the stale update changed nothing");
    assert!(matches!(organisations::view(&env.app, &Actor::Anonymous, OrgId::new()).await, Err(AppError::NotFound)));
}

#[tokio::test]
async fn confidential_figures_are_shown_to_the_organisation_and_support_staff_only() {
    let env = Env::new().await;
    let leipzig = env.city("Leipzig").await;
    let sme_draft = OrganisationDraft {
        staff_headcount: Some("12".into()),
        turnover: Some("1.250.000".into()),
        currency: Some("EUR".into()),
        figures_year: Some("2024".into()),
        ..draft("Schenker Technologies GmbH", OrgKind::Sme, leipzig)
    };
    let (sme, _, sme_admin) = env.org("owner@schenker.example", &sme_draft).await;
    {
        let mut conn = env.app.db().acquire().await.expect("acquire");
        let person = Person { id: PersonId::new(), org_id: sme.id, name: "Kim Contact".into(), job_title: None, email: None };
        tandem_store::people::insert(conn.conn(), &person, chrono::Utc::now()).await.expect("person");
    }
    let (_, _, other_sme) = env.org("owner@other.example", &draft("Other GmbH", OrgKind::Sme, leipzig)).await;
    let (incubator, _, _) = env.org("admin@biocity.example", &draft("BioCity Leipzig", OrgKind::Incubator, leipzig)).await;
    let (manager, _) = env.user("manager@biocity.example", true).await;
    env.grant(&manager, incubator.id, OrgRole::ProgrammeManager).await;
    let manager = env.actor(&manager).await;
    let (member, _) = env.user("member@biocity.example", true).await;
    env.grant(&member, incubator.id, OrgRole::Member).await;
    let incubator_member = env.actor(&member).await;

    for (who, actor, visible) in [
        ("anonymous", &Actor::Anonymous, false),
        ("another SME's admin", &other_sme, false),
        ("a plain member of an incubator", &incubator_member, false),
        ("the SME's own admin", &sme_admin, true),
        ("an incubator's programme manager", &manager, true),
    ] {
        let view = organisations::view(&env.app, actor, sme.id).await.expect("view");
        assert_eq!(view.confidential_visible, visible, "{who}");
        assert_eq!(view.org.figures.turnover.is_some(), visible, "{who} and the turnover");
        assert_eq!(view.org.figures.staff_headcount.is_some(), visible, "{who} and the headcount");
        assert_eq!(view.people.len(), usize::from(visible), "{who} and the contact people");
        assert_eq!(view.org.name, "Schenker Technologies GmbH", "{who} sees the public record");
    }
    let own = organisations::view(&env.app, &sme_admin, sme.id).await.expect("view");
    assert_eq!(own.org.figures.turnover, Some(1_250_000));
    assert!(own.can_edit);
    assert!(!organisations::view(&env.app, &manager, sme.id).await.expect("view").can_edit, "seeing is not editing");

    // Search result cards never carry figures, so search is open to everyone.
    let found = search::search(&env.app, &search::DirectoryQuery { text: "schenker".into(), ..Default::default() }).await.expect("search");
    assert_eq!(found.total, 1);
}

fn programme_draft(name: &str, status: ProgrammeStatus) -> ProgrammeDraft {
    ProgrammeDraft {
        name: name.into(),
        kind: "acceleration".into(),
        status: status.key().into(),
        description_en: Some("Six months of coaching".into()),
        sectors: vec!["62".into()],
        ..Default::default()
    }
}

#[tokio::test]
async fn draft_programmes_are_visible_only_to_their_editors() {
    let env = Env::new().await;
    let leipzig = env.city("Leipzig").await;
    let (spinlab, _, spinlab_admin) = env.org("admin@spinlab.example", &draft("SpinLab", OrgKind::Accelerator, leipzig)).await;
    let (pm_user, _) = env.user("lena@spinlab.example", true).await;
    env.grant(&pm_user, spinlab.id, OrgRole::ProgrammeManager).await;
    let pm = env.actor(&pm_user).await;
    let (_, _, outsider) = env.org("admin@other.example", &draft("Other Accelerator", OrgKind::Accelerator, leipzig)).await;

    let draft_prog = programmes::create(&env.app, &pm, spinlab.id, &programme_draft("Next cohort", ProgrammeStatus::Draft)).await.expect("create");
    let open_prog = programmes::create(&env.app, &pm, spinlab.id, &programme_draft("Current cohort", ProgrammeStatus::Open)).await.expect("create");
    let denied = programmes::create(&env.app, &outsider, spinlab.id, &programme_draft("Hijack", ProgrammeStatus::Open)).await;
    assert!(matches!(denied, Err(AppError::Denied(Denied::Forbidden))), "{denied:?}");

    for (who, actor) in [("anonymous", &Actor::Anonymous), ("an outsider", &outsider)] {
        let hidden = programmes::view(&env.app, actor, draft_prog.id).await;
        assert!(matches!(hidden, Err(AppError::NotFound)), "{who}: {hidden:?}");
        let view = organisations::view(&env.app, actor, spinlab.id).await.expect("view");
        assert_eq!(view.programmes.iter().map(|p| p.id).collect::<Vec<_>>(), vec![open_prog.id], "{who}");
    }
    for (who, actor) in [("its programme manager", &pm), ("its admin", &spinlab_admin)] {
        let view = programmes::view(&env.app, actor, draft_prog.id).await.expect("visible");
        assert!(view.can_edit, "{who}");
        assert_eq!(view.organisation.id, spinlab.id);
        assert_eq!(organisations::view(&env.app, actor, spinlab.id).await.expect("view").programmes.len(), 2, "{who}");
    }
    let (listed, total) = programmes::list(&env.app, 1, 20).await.expect("list");
    assert_eq!((listed.len(), total), (1, 1), "the public list has no drafts");
    assert!(matches!(programmes::view(&env.app, &pm, ProgrammeId::new()).await, Err(AppError::NotFound)));

    // Editing: outsiders cannot even learn a draft exists; stale versions conflict.
    let publish = programme_draft("Next cohort", ProgrammeStatus::Open);
    let hidden = programmes::update(&env.app, &outsider, draft_prog.id, 1, &publish).await;
    assert!(matches!(hidden, Err(AppError::NotFound)), "{hidden:?}");
    let published = programmes::update(&env.app, &pm, draft_prog.id, 1, &publish).await.expect("publish");
    assert_eq!((published.status, published.version), (ProgrammeStatus::Open, 2));
    let stale = programmes::update(&env.app, &pm, draft_prog.id, 1, &publish).await;
    assert!(matches!(stale, Err(AppError::Conflict)), "{stale:?}");
    let visible_now = programmes::view(&env.app, &Actor::Anonymous, draft_prog.id).await.expect("published");
    assert!(!visible_now.can_edit);
    let forbidden = programmes::update(&env.app, &outsider, draft_prog.id, 2, &publish).await;
    assert!(matches!(forbidden, Err(AppError::Denied(Denied::Forbidden))), "{forbidden:?}");
}

#[tokio::test]
async fn admins_manage_members() {
    let env = Env::new().await;
    let bham = env.city("Birmingham").await;
    let (org, admin_user, admin) = env.org("admin@ib.example", &draft("Innovation Birmingham", OrgKind::Incubator, bham)).await;
    let (colleague, colleague_actor) = env.user("jordan@ib.example", true).await;
    members::add(&env.app, &admin, org.id, "Jordan@IB.example", "programme_manager").await.expect("add");
    let listed = members::list(&env.app, &admin, org.id).await.expect("list");
    assert_eq!(listed.len(), 2);
    let unknown = members::add(&env.app, &admin, org.id, "nobody@ib.example", "member").await;
    assert!(matches!(unknown, Err(AppError::Invalid(ref e)) if e.for_field("email").is_some()), "{unknown:?}");
    let bad_role = members::add(&env.app, &admin, org.id, "jordan@ib.example", "king").await;
    assert!(matches!(bad_role, Err(AppError::Invalid(ref e)) if e.for_field("role").is_some()), "{bad_role:?}");
    let not_admin = members::list(&env.app, &colleague_actor, org.id).await;
    assert!(matches!(not_admin, Err(AppError::Denied(Denied::Forbidden))), "a programme manager is no admin: {not_admin:?}");
    let myself = members::remove(&env.app, &admin, org.id, admin_user.id).await;
    assert!(matches!(myself, Err(AppError::Invalid(_))), "{myself:?}");
    members::remove(&env.app, &admin, org.id, colleague.id).await.expect("remove");
    assert!(matches!(members::remove(&env.app, &admin, org.id, colleague.id).await, Err(AppError::NotFound)));
}

#[tokio::test]
async fn search_finds_words_in_either_language_and_counts_facets() {
    let env = Env::new().await;
    let (bham, leipzig) = (env.city("Birmingham").await, env.city("Leipzig").await);
    let biocity = OrganisationDraft {
        description_de: Some("Biotechnologie- und Gründerzentrum am Deutschen Platz".into()),
        nace_codes: vec!["72.11".into()],
        ..draft("BioCity Leipzig", OrgKind::Incubator, leipzig)
    };
    env.org("a@biocity.example", &biocity).await;
    env.org("a@daden.example", &draft("Daden Ltd", OrgKind::Sme, bham)).await;
    env.org("a@mueller.example", &draft("Müller Software GmbH", OrgKind::Sme, leipzig)).await;

    let query = |text: &str| search::DirectoryQuery { text: text.into(), ..Default::default() };
    let names = |r: &search::DirectoryResult| r.items.iter().map(|i| i.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&search::search(&env.app, &query("GRÜNDERZENTRUM")).await.expect("search")), ["BioCity Leipzig"]);
    assert_eq!(names(&search::search(&env.app, &query("muller")).await.expect("search")), ["Müller Software GmbH"]);
    assert_eq!(names(&search::search(&env.app, &query("software birmingham")).await.expect("search")), ["Daden Ltd"]);
    assert_eq!(search::search(&env.app, &query("software leipzig")).await.expect("search").total, 2, "every word must match");
    // Punctuation, LIKE wildcards included, separates words and never reaches the database as a pattern.
    assert_eq!(search::search(&env.app, &query("%")).await.expect("search").total, 3, "'%' is no word");
    assert_eq!(names(&search::search(&env.app, &query("%daden_")).await.expect("search")), ["Daden Ltd"]);
    // NACE labels are searchable in both languages: 62.01 is "Computer programming activities".
    assert_eq!(search::search(&env.app, &query("programming")).await.expect("search").total, 2);
    assert_eq!(search::search(&env.app, &query("Programmierung")).await.expect("search").total, 2);

    let all = search::search(&env.app, &search::DirectoryQuery::default()).await.expect("search");
    assert_eq!(all.total, 3);
    let mut cities = all.cities.clone();
    cities.sort();
    let mut expected = vec![(bham, 1), (leipzig, 2)];
    expected.sort();
    assert_eq!(cities, expected);
    assert_eq!(all.kinds, vec![(OrgKind::Sme, 2), (OrgKind::Incubator, 1)], "kinds in display order");
    assert_eq!(all.sections, vec![('J', 2), ('M', 1)], "62 is in section J, 72 in M");

    let in_j = search::search(&env.app, &search::DirectoryQuery { section: Some('j'), ..Default::default() }).await.expect("search");
    assert_eq!(in_j.total, 2);
    let paged = search::search(&env.app, &search::DirectoryQuery { per_page: 1, page: 2, ..Default::default() }).await.expect("search");
    assert_eq!((paged.items.len(), paged.total, paged.pages()), (1, 3, 3));
    let many = "a b c d e f g h";
    assert!(search::search(&env.app, &query(many)).await.expect("search").terms_truncated);
}
