//! Behaviour of the collaboration graph and its partner recommendations.

use tandem_match::graph::{
    CollaborationGraph, GraphBuilder, GraphMatch, GraphReason, NodeId, Preferences, RecommendOptions,
};

fn all(_: NodeId) -> bool {
    true
}

fn node(graph: &CollaborationGraph, key: &str) -> NodeId {
    graph.node(key).unwrap_or_else(|| panic!("no node {key}"))
}

fn recommend(graph: &CollaborationGraph, key: &str, limit: usize) -> Vec<GraphMatch> {
    graph.recommend(node(graph, key), &RecommendOptions { limit }, &all)
}

fn keys(graph: &CollaborationGraph, found: &[GraphMatch]) -> Vec<String> {
    found.iter().map(|m| graph.key(m.node).to_owned()).collect()
}

/// x works with a and b; y worked with both a and b, z only with a.
fn two_paths() -> CollaborationGraph {
    let mut b = GraphBuilder::new();
    b.add_project("p1", Some("SC1"), &["x", "a"]);
    b.add_project("p2", Some("SC1"), &["x", "b"]);
    b.add_project("p3", Some("SC1"), &["a", "y"]);
    b.add_project("p4", Some("LEIT"), &["b", "y"]);
    b.add_project("p5", Some("SC5"), &["a", "z"]);
    b.build()
}

#[test]
fn existing_partners_are_never_recommended() {
    let mut b = GraphBuilder::new();
    b.add_project("p1", None, &["x", "a", "b"]);
    b.add_project("p2", None, &["a", "b", "c", "d"]);
    b.add_project("p3", None, &["b", "x", "e"]);
    let g = b.build();
    let x = node(&g, "x");
    let found = g.recommend(x, &RecommendOptions { limit: 50 }, &all);
    assert!(!found.is_empty());
    for m in &found {
        assert_ne!(m.node, x, "never the organisation itself");
        assert!(!g.are_partners(x, m.node), "{} is already a partner", g.key(m.node));
    }
    assert_eq!(keys(&g, &found).into_iter().collect::<std::collections::BTreeSet<_>>(), ["c", "d"].map(String::from).into());
}

#[test]
fn a_partner_of_two_partners_ranks_above_a_partner_of_one() {
    let g = two_paths();
    let found = recommend(&g, "x", 10);
    assert_eq!(keys(&g, &found), ["y", "z"]);
    assert!(found[0].score > found[1].score);
    let via_y = match &found[0].reasons[0] {
        GraphReason::SharedPartners { via, count } => {
            assert_eq!(*count, 2);
            via.iter().map(|n| g.key(*n)).collect::<Vec<_>>()
        }
        other => panic!("shared partners first, got {other:?}"),
    };
    assert_eq!(via_y.len(), 2);
}

#[test]
fn shared_areas_appear_as_a_reason() {
    let g = two_paths();
    let found = recommend(&g, "x", 10);
    let y = found.iter().find(|m| g.key(m.node) == "y").expect("y is recommended");
    assert!(y.reasons.contains(&GraphReason::SharedAreas { areas: vec!["SC1".to_owned()] }), "{:?}", y.reasons);
    // z worked in SC5 only, which x never did.
    let z = found.iter().find(|m| g.key(m.node) == "z").expect("z is recommended");
    assert!(!z.reasons.iter().any(|r| matches!(r, GraphReason::SharedAreas { .. })));
}

#[test]
fn huge_consortia_weigh_less_than_small_ones() {
    let mut b = GraphBuilder::new();
    // x met `a` in a project of two and `h0` in a consortium of 60.
    b.add_project("small", None, &["x", "a"]);
    let huge: Vec<String> = std::iter::once("x".to_owned()).chain((0..59).map(|i| format!("h{i}"))).collect();
    let huge: Vec<&str> = huge.iter().map(String::as_str).collect();
    b.add_project("huge", None, &huge);
    b.add_project("via-small", None, &["a", "c-small"]);
    b.add_project("via-huge", None, &["h0", "c-huge"]);
    let g = b.build();
    let (x, a, h0) = (node(&g, "x"), node(&g, "a"), node(&g, "h0"));
    assert!(g.link_weight(x, a) > g.link_weight(x, h0));
    let found = recommend(&g, "x", 10);
    let position = |key: &str| keys(&g, &found).iter().position(|k| k == key);
    let (small, large) = (position("c-small"), position("c-huge"));
    assert!(small.is_some() && large.is_some(), "{:?}", keys(&g, &found));
    assert!(small < large, "{:?}", keys(&g, &found));
}

#[test]
fn a_direct_partnership_counts_as_existing_partnership() {
    let mut b = GraphBuilder::new();
    b.add_project("p1", None, &["x", "a"]);
    b.add_project("p2", None, &["a", "y"]);
    b.add_project("p3", None, &["a", "z"]);
    b.add_partnership("x", "y");
    b.add_organisation("w", Some("DE"), Some("PRC"));
    b.add_partnership("w", "x");
    let g = b.build();
    let (x, y, w) = (node(&g, "x"), node(&g, "y"), node(&g, "w"));
    assert!(g.are_partners(x, y) && g.are_partners(y, x));
    assert!(g.are_partners(w, x));
    assert!(g.partners(x).contains(&w));
    assert_eq!(keys(&g, &recommend(&g, "x", 10)), ["z"]);
    // The brokered link also carries recommendations: w reaches a through x.
    assert!(keys(&g, &recommend(&g, "w", 10)).contains(&"a".to_owned()));
}

#[test]
fn deterministic_order() {
    let build = || {
        let mut b = GraphBuilder::new();
        b.add_project("p1", Some("SC1"), &["x", "a", "b"]);
        // Four symmetric candidates: equal scores, broken by NodeId.
        for c in ["c4", "c2", "c3", "c1"] {
            b.add_project(&format!("q-{c}"), Some("SC1"), &["a", "b", c]);
        }
        b.build()
    };
    let (g1, g2) = (build(), build());
    let (r1, r2) = (recommend(&g1, "x", 10), recommend(&g2, "x", 10));
    assert_eq!(r1, r2);
    assert_eq!(r1.len(), 4);
    assert!(r1.windows(2).all(|w| w[0].score == w[1].score && w[0].node < w[1].node));
    assert_eq!(keys(&g1, &r1), ["c4", "c2", "c3", "c1"], "insertion order = NodeId order");
}

#[test]
fn empty_graph_and_unknown_node_return_nothing() {
    let empty = GraphBuilder::new().build();
    assert!(empty.is_empty());
    assert_eq!(empty.len(), 0);
    assert_eq!(empty.node("x"), None);
    assert!(empty.recommend(NodeId(0), &RecommendOptions { limit: 10 }, &all).is_empty());
    assert!(empty.proximity(NodeId(0), NodeId(1)).is_none());
    assert!(empty.partners(NodeId(3)).is_empty());
    assert!(!empty.are_partners(NodeId(0), NodeId(1)));
    assert_eq!(empty.key(NodeId(7)), "");

    let g = two_paths();
    let unknown = NodeId(g.len() as u32 + 5);
    assert!(g.recommend(unknown, &RecommendOptions { limit: 10 }, &all).is_empty());
    assert!(g.proximity(unknown, node(&g, "x")).is_none());
    assert!(g.proximity(node(&g, "x"), unknown).is_none());
    assert!(recommend(&g, "x", 0).is_empty());
    // An organisation without projects or areas has nothing to go on.
    let mut b = GraphBuilder::new();
    b.add_organisation("lonely", Some("DE"), Some("PRC"));
    b.add_project("p", None, &["a", "b"]);
    let g = b.build();
    assert!(recommend(&g, "lonely", 10).is_empty());
}

#[test]
fn scores_are_within_unit_range_and_sorted() {
    let g = two_paths();
    for key in ["x", "a", "b", "y", "z"] {
        let found = recommend(&g, key, 10);
        assert!(found.iter().all(|m| (0.0..=1.0).contains(&m.score)));
        assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
    }
}

#[test]
fn accept_filters_before_the_limit() {
    let g = two_paths();
    let z = node(&g, "z");
    let found = g.recommend(node(&g, "x"), &RecommendOptions { limit: 1 }, &|n| n == z);
    assert_eq!(keys(&g, &found), ["z"]);
}

#[test]
fn excluded_pairs_leave_no_link() {
    let mut b = GraphBuilder::new();
    b.exclude_pair("x", "y");
    b.add_project("p1", None, &["x", "y", "a"]);
    b.add_partnership("x", "y");
    let g = b.build();
    let (x, y, a) = (node(&g, "x"), node(&g, "y"), node(&g, "a"));
    assert!(!g.are_partners(x, y));
    assert!(g.are_partners(x, a) && g.are_partners(y, a));
    assert_eq!(keys(&g, &recommend(&g, "x", 10)), ["y"]);
}

#[test]
fn proximity_explains_a_pair() {
    let g = two_paths();
    let (x, y) = (node(&g, "x"), node(&g, "y"));
    let found = g.proximity(x, y).expect("x and y are close");
    assert_eq!(found.node, y);
    assert!(found.score > 0.0 && found.score <= 1.0);
    let from_recommend = recommend(&g, "x", 10).into_iter().find(|m| m.node == y).expect("y recommended");
    assert!((found.score - from_recommend.score).abs() < 1e-6);
    assert!(matches!(found.reasons[0], GraphReason::SharedPartners { count: 2, .. }));
    // Nothing connects two strangers.
    let mut b = GraphBuilder::new();
    b.add_project("p1", None, &["a", "b"]);
    b.add_project("p2", None, &["c", "d"]);
    let g = b.build();
    assert!(g.proximity(node(&g, "a"), node(&g, "c")).is_none());
}

#[test]
fn partners_of_partners_reach_three_hops() {
    let mut b = GraphBuilder::new();
    b.add_project("p1", None, &["x", "a"]);
    b.add_project("p2", None, &["a", "b"]);
    b.add_project("p3", None, &["b", "far"]);
    let g = b.build();
    let mut scoring = g.scoring().clone();
    scoring.three_hop = 0.1;
    let mut g = g;
    g.set_scoring(scoring);
    let found = recommend(&g, "x", 10);
    let far = found.iter().find(|m| g.key(m.node) == "far").expect("three hops away");
    assert!(matches!(&far.reasons[0], GraphReason::PartnersOfPartners { via, count: 1 } if g.key(via[0]) == "b"));
    assert_eq!(keys(&g, &found)[0], "b");
}

#[test]
fn newcomers_get_organisations_of_their_areas() {
    let mut b = GraphBuilder::new();
    // A newcomer with a single-participant grant in SC1, no partners yet.
    b.add_project("grant", Some("SC1"), &["new"]);
    b.add_project("p1", Some("SC1"), &["a", "b"]);
    b.add_project("p2", Some("SC1"), &["a", "c"]);
    b.add_project("p3", Some("SC5"), &["d", "e"]);
    let g = b.build();
    let found = keys(&g, &recommend(&g, "new", 10));
    assert_eq!(found.first().map(String::as_str), Some("a"), "{found:?}");
    assert!(!found.contains(&"d".to_owned()));
}

#[test]
fn preferences_lift_the_preferred_country() {
    let mut b = GraphBuilder::new();
    b.add_organisation("y", Some("FR"), Some("HES"));
    b.add_organisation("z", Some("DE"), Some("PRC"));
    b.add_project("p1", None, &["x", "a"]);
    b.add_project("p2", None, &["a", "y"]);
    b.add_project("p3", None, &["a", "z"]);
    let g = b.build();
    let x = node(&g, "x");
    let options = RecommendOptions { limit: 10 };
    assert_eq!(keys(&g, &g.recommend(x, &options, &all)), ["y", "z"]);
    let prefer = Preferences { country: Some("DE".to_owned()), kind: None };
    assert_eq!(keys(&g, &g.recommend_with(x, &options, &prefer, &all)), ["z", "y"]);
    assert_eq!(g.country(node(&g, "z")), Some("DE"));
    assert_eq!(g.kind(node(&g, "y")), Some("HES"));
}
