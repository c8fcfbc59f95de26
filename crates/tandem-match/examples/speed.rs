//! Speed of the matching engine on synthetic profiles: index build time, recommendation query
//! latency (p50/p99) and memory.
//!
//! `cargo run --release -p tandem-match --example speed -- [PROFILES] [QUERIES]`
//! (defaults 100000 and 2000). Profiles are written from the EN/DE labels of the shipped
//! market and technology taxonomies and NACE classes, half in English and half in German, so
//! their vocabulary and length resemble real partnering profiles.

use std::time::Instant;

use chrono::NaiveDate;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use tandem_match::{Analyzer, Engine, Language, Lexicon, ProfileDoc, ProfileKind, Query};
use uuid::Uuid;

const MARKETS: &str = include_str!("../../../data/taxonomies/markets.csv");
const TECHNOLOGIES: &str = include_str!("../../../data/taxonomies/technologies.csv");

/// Rows of a taxonomy file: (code, English label, German label).
fn taxonomy(csv_text: &str) -> Vec<(String, String, String)> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .map(|r| (r[0].to_owned(), r[2].to_owned(), r[3].to_owned()))
        .collect()
}

fn words(labels: &[&str]) -> Vec<String> {
    labels
        .iter()
        .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() > 2)
        .map(str::to_owned)
        .collect()
}

fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or(f64::NAN)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let profiles: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let queries: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000);

    let markets = taxonomy(MARKETS);
    let technologies = taxonomy(TECHNOLOGIES);
    let mut lexicon = Lexicon::curated();
    for (prefix, rows) in [("market", &markets), ("technology", &technologies)] {
        for (code, en, de) in rows {
            lexicon.add_concept(&format!("{prefix}:{code}"), en, de, &[en], &[de]);
        }
    }
    let labels_en: Vec<&str> = markets.iter().chain(&technologies).map(|r| r.1.as_str()).collect();
    let labels_de: Vec<&str> = markets.iter().chain(&technologies).map(|r| r.2.as_str()).collect();
    let (vocab_en, vocab_de) = (words(&labels_en), words(&labels_de));
    let glue_en = ["we", "offer", "our", "company", "seeks", "partners", "for", "the", "and", "with", "in", "new"];
    let glue_de = ["wir", "bieten", "unser", "Unternehmen", "sucht", "Partner", "für", "die", "und", "mit", "in", "neue"];
    let kinds = [
        ProfileKind::BusinessOffer,
        ProfileKind::BusinessRequest,
        ProfileKind::TechnologyOffer,
        ProfileKind::TechnologyRequest,
        ProfileKind::ResearchRequest,
    ];
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();

    let mut rng = ChaCha8Rng::seed_from_u64(42);
    let owners: Vec<Uuid> = (0..profiles / 3 + 1).map(|i| Uuid::from_u128(i as u128 + 1)).collect();
    let docs: Vec<ProfileDoc> = (0..profiles)
        .map(|i| {
            let german = i % 2 == 1;
            let (vocab, glue) = if german { (&vocab_de, &glue_de) } else { (&vocab_en, &glue_en) };
            let sentence = |n: usize, rng: &mut ChaCha8Rng| {
                (0..n)
                    .map(|k| if k % 3 == 2 { glue.choose(rng).map_or("", |w| *w).to_owned() } else { vocab.choose(rng).cloned().unwrap_or_default() })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let title = sentence(8, &mut rng);
            let text = sentence(rng.random_range(80..200), &mut rng);
            let market = markets.choose(&mut rng).map(|r| format!("market:{}", r.0)).unwrap_or_default();
            let technology = technologies.choose(&mut rng).map(|r| format!("technology:{}", r.0)).unwrap_or_default();
            ProfileDoc {
                id: Uuid::from_u128(1_000_000 + i as u128),
                owner: owners[i / 3],
                kind: kinds[i % kinds.len()],
                language: Some(if german { Language::De } else { Language::En }),
                title,
                text,
                keywords: vec![market, technology],
                nace: vec![format!("{:02}.{}{}", rng.random_range(10..99), rng.random_range(1..9), rng.random_range(0..9))],
                country: if german { "DE".into() } else { "GB".into() },
                city: Some(if german { "Leipzig".into() } else { "Birmingham".into() }),
                target_countries: Vec::new(),
                published: today.checked_sub_days(chrono::Days::new(rng.random_range(0..365))),
            }
        })
        .collect();
    let characters: usize = docs.iter().map(|d| d.title.len() + d.text.len()).sum();

    let before = resident_kib();
    let started = Instant::now();
    let mut engine = Engine::new(Analyzer::new(lexicon));
    engine.set_partner_cities(vec![("Birmingham".into(), "Leipzig".into())]);
    engine.upsert_profiles(&docs);
    let build = started.elapsed();
    let memory_mib = (resident_kib().saturating_sub(before)) as f64 / 1024.0;

    let mut latencies = Vec::with_capacity(queries);
    let mut found = 0usize;
    for _ in 0..queries {
        let doc = docs.choose(&mut rng).cloned();
        let Some(doc) = doc else { break };
        let started = Instant::now();
        let results = engine.matching_profiles(&doc, &Query::new(10, today));
        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
        found += results.len();
    }
    latencies.sort_by(f64::total_cmp);
    println!("profiles: {profiles} ({:.1} MB of text), threads: {}", characters as f64 / 1e6, std::thread::available_parallelism().map_or(1, |n| n.get()));
    println!("index build (analysis + index): {:.2} s", build.as_secs_f64());
    println!("memory (resident growth): {memory_mib:.0} MiB");
    println!(
        "matching_profiles top 10, {} queries: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, mean results {:.1}",
        latencies.len(),
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(0.0),
        found as f64 / latencies.len().max(1) as f64
    );
}
