//! Pre-start clients (migration 0012) on both backends: a mark is per project and client,
//! marking twice changes nothing, unmarking removes it, and a client's marks are found from
//! either side.

use crate::fresh;
use crate::outcomes::world;
use chrono::{SubsecRound, Utc};
use tandem_store::pre_starts::{self, PreStart};

#[tokio::test]
async fn a_client_is_marked_once_per_project_and_unmarked() {
    let (_t, db) = fresh().await;
    let (project, sme, _) = world(&db).await;
    let mut conn = db.acquire().await.expect("acquire");
    let mark = PreStart { project_id: project, org_id: sme, marked_by: None, marked_at: Utc::now().trunc_subsecs(6) };
    assert!(pre_starts::mark(conn.conn(), &mark).await.expect("mark"), "a new mark");
    assert!(!pre_starts::mark(conn.conn(), &mark).await.expect("mark again"), "marking twice changes nothing");
    assert_eq!(pre_starts::for_project(conn.conn(), project).await.expect("list"), vec![mark.clone()]);
    assert_eq!(pre_starts::for_org(conn.conn(), sme).await.expect("list"), vec![mark]);

    assert!(pre_starts::unmark(conn.conn(), project, sme).await.expect("unmark"));
    assert!(!pre_starts::unmark(conn.conn(), project, sme).await.expect("unmark again"), "nothing left to remove");
    assert!(pre_starts::for_project(conn.conn(), project).await.expect("list").is_empty());
}
