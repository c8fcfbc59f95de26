//! The Birmingham–Leipzig demo data.

use crate::Env;
use tandem_app::demo::{self, DEMO_PASSWORD};
use tandem_app::directory::{organisations, search};

async fn find(env: &Env, text: &str) -> search::DirectoryResult {
    let query = search::DirectoryQuery { text: text.into(), per_page: 100, ..Default::default() };
    search::search(&env.app, &query).await.expect("search")
}

#[tokio::test]
async fn the_demo_seeds_once_and_is_searchable_in_both_languages() {
    let env = Env::new().await;
    let report = demo::seed(&env.app, 50).await.expect("seed");
    assert!(report.seeded);
    let ecosystem = tandem_io::demo::ecosystem().expect("ecosystem");
    // The partnering demo adds the organisations behind its profiles and expressions of interest.
    let partnering = tandem_io::demo::partnering().expect("partnering");
    let mut partnering_orgs: std::collections::HashSet<String> = tandem_io::demo::profiles()
        .expect("profiles")
        .into_iter()
        .map(|r| r.record.organisation.external_id)
        .collect();
    partnering_orgs.extend(partnering.interests.iter().map(|i| i.from.external_id.clone()));
    assert_eq!(report.organisations, ecosystem.organisations.len() + 50 + partnering_orgs.len());
    assert_eq!(report.programmes, ecosystem.programmes.len());
    assert!(!report.logins.is_empty());

    let again = demo::seed(&env.app, 50).await.expect("seed again");
    assert!(!again.seeded, "a directory with organisations is left alone");
    assert_eq!(again.organisations, 0);
    assert_eq!(find(&env, "").await.total as usize, report.organisations, "nothing was added the second time");

    let spinlab = find(&env, "SpinLab").await;
    assert!(spinlab.items.iter().any(|o| o.name == "SpinLab – The HHL Accelerator"), "{:?}", spinlab.items);
    let leipzig = env.city("Leipzig").await;
    for german in ["Baumwollspinnerei", "Ansiedlungsagentur", "Gründerzentrum"] {
        let found = find(&env, german).await;
        assert!(found.total > 0, "nothing found for {german}");
        assert!(found.items.iter().any(|o| o.city_id == leipzig), "no Leipzig organisation for {german}: {:?}", found.items);
    }
}

#[tokio::test]
async fn demo_accounts_log_in_with_their_roles() {
    let env = Env::new().await;
    let report = demo::seed(&env.app, 0).await.expect("seed");
    let (email, _, roles) =
        report.logins.iter().find(|(email, _, _)| email.starts_with("lena.")).expect("Lena, the SpinLab programme manager").clone();
    assert!(roles.contains("programme_manager"), "{roles}");
    let user = tandem_app::auth::login(&env.app, &email, DEMO_PASSWORD).await.expect("demo login");
    let (_, actor) = tandem_app::auth::actor_for(&env.app, user.id).await.expect("actor").expect("exists");
    // Support staff see an SME's figures.
    let daden = find(&env, "Daden").await.items.first().map(|o| o.id).expect("Daden");
    let view = organisations::view(&env.app, &actor, daden).await.expect("view");
    assert!(view.confidential_visible);
}
