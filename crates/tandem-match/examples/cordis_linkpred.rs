//! Link-prediction benchmark of the collaboration graph on CORDIS Horizon 2020 participations.
//!
//! Protocol: the distinct co-participation pairs (organisations sharing at least one project)
//! are shuffled with a fixed seed and 20 % of them are hidden (all their co-participations
//! dropped through `GraphBuilder::exclude_pair`). The graph is built from the remaining pairs;
//! every organisation with at least one hidden pair and at least one remaining partner is a
//! query. For each query, every non-partner is a candidate; we report recall@10 (hidden pairs
//! found in the top 10, micro-averaged over hidden pairs) and MRR (1/rank of the first hidden
//! partner, 0 beyond rank 100), for popularity (degree), Adamic–Adar (Adamic & Adar 2003) and
//! `CollaborationGraph::recommend`.
//!
//! `--tune` first carves a validation split (20 % of the training pairs) and searches the
//! scoring parameters on it; the hidden test pairs are never used for tuning.
//!
//! ```text
//! cargo run --release -p tandem-match --example cordis_linkpred -- \
//!     /work/shared/data/cordis-h2020-participations [--tune] [--queries N]
//! ```
//!
//! Source of the data: CORDIS, European Commission (CC BY 4.0).

use std::collections::HashMap;
use std::error::Error;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::time::{Duration, Instant};

use flate2::read::GzDecoder;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use tandem_match::graph::{CollaborationGraph, GraphBuilder, NodeId, RecommendOptions, Scoring};

const SEED: u64 = 2020;
/// The builder's default consortium exponent (see `GraphBuilder::consortium_exponent`).
const DEFAULT_ALPHA: f32 = 0.5;
const HIDDEN_SHARE: f64 = 0.2;
const RANK_CUTOFF: usize = 100;
const TOP: usize = 10;
const LATENCY_SAMPLE: usize = 2000;
const HUBS: usize = 50;

/// Two organisations (indices into `Data::pics`), smaller first.
type Pair = (u32, u32);

/// Organisations and projects as read from the CSV files.
struct Data {
    pics: Vec<String>,
    country: Vec<String>,
    kind: Vec<String>,
    /// Project id, programme parts, members (indices into `pics`).
    projects: Vec<(String, Vec<String>, Vec<u32>)>,
}

fn gz_csv(path: &Path) -> Result<csv::Reader<GzDecoder<BufReader<File>>>, Box<dyn Error>> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(csv::Reader::from_reader(GzDecoder::new(BufReader::new(file))))
}

fn column(headers: &csv::StringRecord, name: &str) -> Result<usize, Box<dyn Error>> {
    headers.iter().position(|h| h == name).ok_or_else(|| format!("no column {name}").into())
}

fn load(dir: &Path) -> Result<Data, Box<dyn Error>> {
    let mut parts: HashMap<String, Vec<String>> = HashMap::new();
    let mut reader = gz_csv(&dir.join("programme_parts.csv.gz"))?;
    let headers = reader.headers()?.clone();
    let (rcn, part) = (column(&headers, "rcn")?, column(&headers, "programme_part")?);
    for record in reader.records() {
        let record = record?;
        if let (Some(r), Some(p)) = (record.get(rcn), record.get(part)) {
            parts.entry(r.to_owned()).or_default().push(p.to_owned());
        }
    }

    let mut reader = gz_csv(&dir.join("h2020.csv.gz"))?;
    let headers = reader.headers()?.clone();
    let (rcn, pic, kind, country) =
        (column(&headers, "rcn")?, column(&headers, "pic")?, column(&headers, "type")?, column(&headers, "country")?);
    let mut data = Data { pics: Vec::new(), country: Vec::new(), kind: Vec::new(), projects: Vec::new() };
    let mut org_index: HashMap<String, u32> = HashMap::new();
    let mut project_index: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = record?;
        let (Some(r), Some(p)) = (record.get(rcn), record.get(pic)) else { continue };
        let org = *org_index.entry(p.to_owned()).or_insert_with(|| {
            data.pics.push(p.to_owned());
            data.country.push(record.get(country).unwrap_or("").to_owned());
            data.kind.push(record.get(kind).unwrap_or("").to_owned());
            (data.pics.len() - 1) as u32
        });
        let project = *project_index.entry(r.to_owned()).or_insert_with(|| {
            data.projects.push((r.to_owned(), parts.remove(r).unwrap_or_default(), Vec::new()));
            data.projects.len() - 1
        });
        data.projects[project].2.push(org);
    }
    for project in &mut data.projects {
        project.2.sort_unstable();
        project.2.dedup();
    }
    Ok(data)
}

/// Distinct unordered co-participation pairs, sorted.
fn pairs(data: &Data) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (_, _, members) in &data.projects {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                pairs.push((a, b));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

fn build(data: &Data, excluded: &[Pair], alpha: f32) -> CollaborationGraph {
    let mut builder = GraphBuilder::new();
    builder.consortium_exponent(alpha);
    for (i, pic) in data.pics.iter().enumerate() {
        builder.add_organisation(pic, Some(&data.country[i]), Some(&data.kind[i]));
    }
    for (rcn, parts, members) in &data.projects {
        let areas: Vec<&str> = parts.iter().map(String::as_str).collect();
        let members: Vec<&str> = members.iter().map(|&m| data.pics[m as usize].as_str()).collect();
        builder.add_project_in_areas(rcn, &areas, &members);
    }
    for &(a, b) in excluded {
        builder.exclude_pair(&data.pics[a as usize], &data.pics[b as usize]);
    }
    builder.build()
}

/// Query organisations with their hidden partners (as nodes of `graph`).
fn queries(data: &Data, graph: &CollaborationGraph, hidden: &[Pair], sample: usize) -> Vec<(NodeId, Vec<NodeId>)> {
    let mut by_org: HashMap<u32, Vec<u32>> = HashMap::new();
    for &(a, b) in hidden {
        by_org.entry(a).or_default().push(b);
        by_org.entry(b).or_default().push(a);
    }
    let node = |i: u32| graph.node(&data.pics[i as usize]);
    let mut out: Vec<(NodeId, Vec<NodeId>)> = by_org
        .into_iter()
        .filter_map(|(org, partners)| {
            let n = node(org)?;
            (graph.degree(n) > 0).then(|| (n, partners.into_iter().filter_map(node).collect()))
        })
        .collect();
    out.sort_unstable_by_key(|q| q.0);
    if sample < out.len() {
        out.shuffle(&mut ChaCha8Rng::seed_from_u64(SEED + 1));
        out.truncate(sample);
        out.sort_unstable_by_key(|q| q.0);
    }
    out
}

/// Quality and time of one method over the queries.
struct Metrics {
    recall: f64,
    mrr: f64,
    wall: Duration,
    latencies: Vec<Duration>,
}

/// One query's outcome: hidden partners in the top 10, hidden partners, reciprocal rank,
/// time taken.
type Outcome = (usize, usize, f64, Duration);

fn evaluate(queries: &[(NodeId, Vec<NodeId>)], rank: &(dyn Fn(NodeId) -> Vec<NodeId> + Sync)) -> Metrics {
    let start = Instant::now();
    // Two workers (the benchmark machine has two cores); each query's latency is its own.
    let results: Vec<Outcome> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|w| {
                scope.spawn(move || {
                    queries
                        .iter()
                        .skip(w)
                        .step_by(2)
                        .map(|(q, hidden)| {
                            let t = Instant::now();
                            let ranked = rank(*q);
                            let took = t.elapsed();
                            let found = ranked.iter().take(TOP).filter(|n| hidden.contains(n)).count();
                            let first = ranked.iter().take(RANK_CUTOFF).position(|n| hidden.contains(n));
                            let rr = first.map_or(0.0, |p| 1.0 / (p + 1) as f64);
                            (found, hidden.len(), rr, took)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    let wall = start.elapsed();
    let found: usize = results.iter().map(|r| r.0).sum();
    let total: usize = results.iter().map(|r| r.1).sum();
    let mrr = results.iter().map(|r| r.2).sum::<f64>() / results.len().max(1) as f64;
    let mut latencies: Vec<Duration> = results.iter().map(|r| r.3).collect();
    latencies.sort_unstable();
    Metrics { recall: found as f64 / total.max(1) as f64, mrr, wall, latencies }
}

/// Sorted latencies of `rank` over `queries`.
fn latencies(queries: &[NodeId], rank: &dyn Fn(NodeId) -> Vec<NodeId>) -> Vec<Duration> {
    let mut out: Vec<Duration> = queries
        .iter()
        .map(|&q| {
            let t = Instant::now();
            std::hint::black_box(rank(q));
            t.elapsed()
        })
        .collect();
    out.sort_unstable();
    out
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(name: &str, m: &Metrics) {
    println!(
        "{name:<14} recall@10 {:.4}  MRR {:.4}  wall {:>7.2} s  p50 {:>7.3} ms  p99 {:>7.3} ms",
        m.recall,
        m.mrr,
        m.wall.as_secs_f64(),
        percentile(&m.latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&m.latencies, 0.99).as_secs_f64() * 1e3,
    );
}

/// Top candidates by degree, the same list for everyone minus their partners.
fn popularity(graph: &CollaborationGraph) -> impl Fn(NodeId) -> Vec<NodeId> + Sync + '_ {
    let mut order: Vec<NodeId> = (0..graph.len() as u32).map(NodeId).collect();
    order.sort_unstable_by(|a, b| graph.degree(*b).cmp(&graph.degree(*a)).then(a.cmp(b)));
    move |q| {
        order.iter().copied().filter(|&c| c != q && !graph.are_partners(q, c)).take(RANK_CUTOFF).collect()
    }
}

/// Adamic–Adar on the unweighted training graph, exact (no pruning).
fn adamic_adar(graph: &CollaborationGraph) -> impl Fn(NodeId) -> Vec<NodeId> + Sync + '_ {
    let adjacency: Vec<Vec<u32>> = (0..graph.len() as u32).map(|n| graph.partners(NodeId(n)).iter().map(|p| p.0).collect()).collect();
    move |q| {
        let mut score = vec![0f64; adjacency.len()];
        let mut touched = Vec::new();
        let own = &adjacency[q.0 as usize];
        for &z in own {
            let neighbours = &adjacency[z as usize];
            let w = 1.0 / (neighbours.len() as f64).ln();
            for &y in neighbours {
                if score[y as usize] == 0.0 {
                    touched.push(y);
                }
                score[y as usize] += w;
            }
        }
        let mut ranked: Vec<(f64, u32)> = touched
            .into_iter()
            .filter(|&y| y != q.0 && !graph.are_partners(q, NodeId(y)))
            .map(|y| (score[y as usize], y))
            .collect();
        ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.into_iter().take(RANK_CUTOFF).map(|(_, y)| NodeId(y)).collect()
    }
}

fn ours(graph: &CollaborationGraph) -> impl Fn(NodeId) -> Vec<NodeId> + Sync + '_ {
    let options = RecommendOptions { limit: RANK_CUTOFF };
    move |q| graph.recommend(q, &options, &|_| true).into_iter().map(|m| m.node).collect()
}

/// Splits `pairs` into (kept, hidden) with a seeded shuffle.
fn split(pairs: &[Pair], seed: u64) -> (Vec<Pair>, Vec<Pair>) {
    let mut shuffled = pairs.to_vec();
    shuffled.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    let hidden = (shuffled.len() as f64 * HIDDEN_SHARE).round() as usize;
    let kept = shuffled.split_off(hidden);
    (kept, shuffled)
}

/// Objective of the parameter search: both metrics count.
fn objective(m: &Metrics) -> f64 {
    m.recall + m.mrr
}

/// Coordinate search over the scoring parameters on a validation split of the training pairs.
fn tune(data: &Data, train: &[Pair], test: &[Pair], sample: usize, rounds: usize) -> (f32, Scoring) {
    let (_, validation) = split(train, SEED + 2);
    let mut excluded = test.to_vec();
    excluded.extend_from_slice(&validation);
    let mut best_alpha = 1.0;
    let mut best = Scoring::default();
    let mut best_value = f64::MIN;
    for alpha in [0.0f32, 0.5, 1.0] {
        let mut graph = build(data, &excluded, alpha);
        let qs = queries(data, &graph, &validation, sample);
        graph.set_scoring(best.clone());
        let m = evaluate(&qs, &ours(&graph));
        println!("  alpha {alpha}: recall@10 {:.4} MRR {:.4}", m.recall, m.mrr);
        if objective(&m) > best_value {
            best_value = objective(&m);
            best_alpha = alpha;
        }
    }
    let mut graph = build(data, &excluded, best_alpha);
    let qs = queries(data, &graph, &validation, sample);
    report("  validation adamic-adar", &evaluate(&qs, &adamic_adar(&graph)));
    type Knob = (&'static str, fn(&mut Scoring, f32), &'static [f32]);
    let knobs: [Knob; 7] = [
        ("hub_exponent", |s, v| s.hub_exponent = v, &[1.0, 1.25, 1.5, 2.0]),
        ("cohesion", |s, v| s.cohesion = v, &[0.0, 0.1, 0.3, 1.0, 3.0]),
        ("popularity_exponent", |s, v| s.popularity_exponent = v, &[-0.2, 0.0, 0.1, 0.2, 0.3, 0.5]),
        ("three_hop", |s, v| s.three_hop = v, &[0.0, 0.05, 0.1, 0.3]),
        ("area_weight", |s, v| s.area_weight = v, &[0.0, 0.5, 1.0, 2.0, 4.0]),
        ("country_exponent", |s, v| s.country_exponent = v, &[0.0, 0.5, 1.0, 2.0]),
        ("kind_exponent", |s, v| s.kind_exponent = v, &[0.0, 0.5, 1.0, 2.0]),
    ];
    for round in 0..rounds {
        for (name, set, values) in &knobs {
            for &v in *values {
                let mut candidate = best.clone();
                set(&mut candidate, v);
                graph.set_scoring(candidate.clone());
                let m = evaluate(&qs, &ours(&graph));
                println!("  round {round} {name} {v}: recall@10 {:.4} MRR {:.4}", m.recall, m.mrr);
                if objective(&m) > best_value + 1e-6 {
                    best_value = objective(&m);
                    best = candidate;
                }
            }
        }
    }
    (best_alpha, best)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map_or("/work/shared/data/cordis-h2020-participations", String::as_str);
    let tuning = args.iter().any(|a| a == "--tune");
    let sample = args
        .iter()
        .position(|a| a == "--queries")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);

    let t = Instant::now();
    let data = load(Path::new(dir))?;
    let all = pairs(&data);
    let participations: usize = data.projects.iter().map(|p| p.2.len()).sum();
    println!(
        "loaded {} participations, {} projects, {} organisations, {} distinct pairs in {:.2} s",
        participations,
        data.projects.len(),
        data.pics.len(),
        all.len(),
        t.elapsed().as_secs_f64()
    );
    let (train, test) = split(&all, SEED);

    let (alpha, scoring) = if tuning {
        println!("tuning on a validation split of the training pairs ...");
        let tuned = tune(&data, &train, &test, sample.min(3000), 2);
        println!("tuned: alpha {} {:?}", tuned.0, tuned.1);
        tuned
    } else {
        (DEFAULT_ALPHA, Scoring::default())
    };

    let t = Instant::now();
    let full = build(&data, &[], alpha);
    println!("full graph: {} organisations, {} links, built in {:.3} s", full.len(), full.link_count(), t.elapsed().as_secs_f64());
    drop(full);

    let t = Instant::now();
    let mut graph = build(&data, &test, alpha);
    let build_time = t.elapsed();
    graph.set_scoring(scoring);
    let qs = queries(&data, &graph, &test, sample);
    let hidden_in_queries: usize = qs.iter().map(|q| q.1.len()).sum();
    println!(
        "training graph: {} links ({} hidden pairs), built in {:.3} s; {} query organisations{} holding {} hidden pair ends",
        graph.link_count(),
        test.len(),
        build_time.as_secs_f64(),
        qs.len(),
        if sample == usize::MAX { " (all)" } else { " (seeded sample)" },
        hidden_in_queries
    );
    let ceiling: usize = qs.iter().map(|q| q.1.len().min(TOP)).sum();
    println!("recall@10 ceiling (hubs hide more than 10 partners): {:.4}", ceiling as f64 / hidden_in_queries.max(1) as f64);
    report("popularity", &evaluate(&qs, &popularity(&graph)));
    report("adamic-adar", &evaluate(&qs, &adamic_adar(&graph)));
    report("tandem", &evaluate(&qs, &ours(&graph)));

    // Latency alone, on one thread (the two evaluation workers compete for the cores): a
    // seeded sample of queries, and the best-connected organisations.
    let mut sample_queries: Vec<NodeId> = qs.iter().map(|q| q.0).collect();
    sample_queries.shuffle(&mut ChaCha8Rng::seed_from_u64(SEED + 3));
    sample_queries.truncate(LATENCY_SAMPLE);
    let mut hubs: Vec<NodeId> = (0..graph.len() as u32).map(NodeId).collect();
    hubs.sort_unstable_by(|a, b| graph.degree(*b).cmp(&graph.degree(*a)).then(a.cmp(b)));
    hubs.truncate(HUBS);
    let (aa, us) = (adamic_adar(&graph), ours(&graph));
    for (name, rank) in [("adamic-adar", &aa as &dyn Fn(NodeId) -> Vec<NodeId>), ("tandem", &us)] {
        let (sample, top) = (latencies(&sample_queries, rank), latencies(&hubs, rank));
        println!(
            "{name:<14} one thread: {} sampled queries p50 {:.3} ms p99 {:.3} ms; {} largest hubs (degree {}..{}) p50 {:.3} ms max {:.3} ms",
            sample.len(),
            millis(percentile(&sample, 0.5)),
            millis(percentile(&sample, 0.99)),
            top.len(),
            hubs.last().map_or(0, |h| graph.degree(*h)),
            hubs.first().map_or(0, |h| graph.degree(*h)),
            millis(percentile(&top, 0.5)),
            millis(percentile(&top, 1.0)),
        );
    }
    Ok(())
}
