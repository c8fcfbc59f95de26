//! Cross-lingual retrieval benchmark on NACE Rev. 2 classes: each German class description
//! (label + "includes" note) is a query, ranked against all 615 English class descriptions by
//! TF-IDF cosine; a hit is the same class.
//!
//! ```text
//! cargo run --release -p tandem-match --example nace_crosslingual -- \
//!     ../shared/data/nace-rev2-en-de/nace_rev2_en_de.csv
//! ```
//!
//! Configurations: (a) character 4-grams (no language knowledge), (b) the analyzer with an
//! empty lexicon (stemming, compounds, cognates), (c) the analyzer with the curated lexicon
//! plus the market and technology taxonomies (not the NACE labels: they are what is tested).

use std::collections::HashMap;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::Instant;

use tandem_match::analysis::{Analyzer, AnalyzerOptions, Language, Lexicon};

/// A sparse term vector.
type Vector = HashMap<String, f32>;

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: nace_crosslingual <path to nace_rev2_en_de.csv>")?;
    let classes = read_classes(Path::new(&path))?;
    println!("{} level-4 classes", classes.len());
    let docs: Vec<String> = classes
        .iter()
        .map(|c| format!("{} {}", c.label_en, c.includes_en))
        .collect();
    let queries: Vec<String> = classes
        .iter()
        .map(|c| format!("{} {}", c.label_de, c.includes_de))
        .collect();

    let grams = |t: &str| char_grams(t, 4);
    report("(a) char 4-grams", &evaluate(&docs, &queries, grams, grams));
    let raw = |t: &str| text_grams(t, 4);
    report(
        "(a') char 4-grams, raw text and tf",
        &evaluate(&docs, &queries, raw, raw),
    );

    let empty = Analyzer::new(Lexicon::empty());
    report(
        "(b) empty lexicon",
        &evaluate_analyzer(&empty, &docs, &queries),
    );
    for (name, options) in [
        (
            "(b) without cognates",
            AnalyzerOptions {
                cognates: false,
                ..AnalyzerOptions::default()
            },
        ),
        (
            "(b) without compounds",
            AnalyzerOptions {
                compounds: false,
                ..AnalyzerOptions::default()
            },
        ),
        (
            "(b) plus char grams",
            AnalyzerOptions {
                char_grams: true,
                ..AnalyzerOptions::default()
            },
        ),
    ] {
        report(
            name,
            &evaluate_analyzer(
                &Analyzer::with_options(Lexicon::empty(), options),
                &docs,
                &queries,
            ),
        );
    }

    let taxonomies = taxonomy_dir(&path);
    let mut lexicon = Lexicon::curated();
    let curated_len = lexicon.len();
    for file in ["markets.csv", "technologies.csv"] {
        add_taxonomy(
            &mut lexicon,
            &taxonomies.join(file),
            file.trim_end_matches(".csv"),
        )?;
    }
    println!(
        "lexicon: {curated_len} curated entries ({} concepts, {} German dictionary phrases) + taxonomies = {}",
        Lexicon::curated().concept_count(),
        Lexicon::curated().dictionary_len(),
        lexicon.len()
    );
    let full = Analyzer::new(lexicon.clone());
    report(
        "(c) curated lexicon + taxonomies",
        &evaluate_analyzer(&full, &docs, &queries),
    );
    let no_cognates = Analyzer::with_options(
        lexicon,
        AnalyzerOptions {
            cognates: false,
            ..AnalyzerOptions::default()
        },
    );
    report(
        "(c) without cognates",
        &evaluate_analyzer(&no_cognates, &docs, &queries),
    );

    speed(&full, &docs, &queries);
    detection(&docs, &queries);
    Ok(())
}

struct Class {
    label_en: String,
    label_de: String,
    includes_en: String,
    includes_de: String,
}

fn read_classes(path: &Path) -> Result<Vec<Class>, Box<dyn Error>> {
    let mut reader = csv::Reader::from_path(path)?;
    let headers = reader.headers()?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or(format!("no column {name}"))
    };
    let (level, label_en, label_de, includes_en, includes_de) = (
        column("level")?,
        column("label_en")?,
        column("label_de")?,
        column("includes_en")?,
        column("includes_de")?,
    );
    let mut classes = Vec::new();
    for record in reader.records() {
        let record = record?;
        let get = |i: usize| record.get(i).unwrap_or("").to_owned();
        if get(level) == "4" {
            classes.push(Class {
                label_en: get(label_en),
                label_de: get(label_de),
                includes_en: get(includes_en),
                includes_de: get(includes_de),
            });
        }
    }
    Ok(classes)
}

/// `data/taxonomies` of the repository: next to the crate when run from the workspace root,
/// else relative to the NACE file's `../shared` layout.
fn taxonomy_dir(nace_path: &str) -> PathBuf {
    let local = PathBuf::from("data/taxonomies");
    if local.is_dir() {
        return local;
    }
    let from_crate = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/taxonomies");
    if from_crate.is_dir() {
        return from_crate;
    }
    Path::new(nace_path).join("../../../../main/data/taxonomies")
}

/// Adds a taxonomy (`code,parent,label_en,label_de`) as concepts `<name>:<code>`; labels such as
/// "Artificial intelligence / machine learning" give one term per alternative.
fn add_taxonomy(lexicon: &mut Lexicon, path: &Path, name: &str) -> Result<(), Box<dyn Error>> {
    let mut reader = csv::Reader::from_path(path)?;
    for record in reader.records() {
        let record = record?;
        let (Some(code), Some(en), Some(de)) = (record.get(0), record.get(2), record.get(3)) else {
            continue;
        };
        let terms_en: Vec<&str> = en.split(" / ").map(str::trim).collect();
        let terms_de: Vec<&str> = de.split(" / ").map(str::trim).collect();
        lexicon.add_concept(&format!("{name}:{code}"), en, de, &terms_en, &terms_de);
    }
    Ok(())
}

/// Character n-grams of each lower-cased word, padded with spaces (the baseline).
fn char_grams(text: &str, n: usize) -> Vector {
    let mut v = Vector::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let padded: Vec<char> = format!(" {} ", word.to_lowercase()).chars().collect();
        if padded.len() < n {
            continue;
        }
        for w in padded.windows(n) {
            *v.entry(w.iter().collect()).or_insert(0.0) += 1.0;
        }
    }
    for x in v.values_mut() {
        *x = 1.0 + x.ln();
    }
    v
}

/// Character n-grams of the whole lower-cased text, spaces and punctuation included, raw
/// counts: the plainest form of the baseline.
fn text_grams(text: &str, n: usize) -> Vector {
    let mut v = Vector::new();
    let chars: Vec<char> = text.to_lowercase().chars().collect();
    for w in chars.windows(n) {
        *v.entry(w.iter().collect()).or_insert(0.0) += 1.0;
    }
    v
}

fn evaluate_analyzer(analyzer: &Analyzer, docs: &[String], queries: &[String]) -> (f64, f64) {
    let to_vector = |language: Language| {
        move |t: &str| -> Vector {
            analyzer
                .analyze(t, Some(language))
                .terms
                .into_iter()
                .map(|t| (t.key, t.weight))
                .collect()
        }
    };
    evaluate(
        docs,
        queries,
        to_vector(Language::En),
        to_vector(Language::De),
    )
}

/// acc@1 and acc@5 of ranking all documents for each query by TF-IDF cosine.
fn evaluate(
    docs: &[String],
    queries: &[String],
    doc_vector: impl Fn(&str) -> Vector,
    query_vector: impl Fn(&str) -> Vector,
) -> (f64, f64) {
    let docs: Vec<Vector> = docs.iter().map(|d| doc_vector(d)).collect();
    let index = TfIdf::new(docs);
    let (mut at1, mut at5) = (0usize, 0usize);
    for (i, q) in queries.iter().enumerate() {
        let scores = index.scores(&query_vector(q));
        let own = scores.get(i).copied().unwrap_or(0.0);
        // Rank = documents scoring strictly better (ties count in the query's favour only
        // when nothing beats it, as a stable sort would not guarantee anything better).
        let better = scores.iter().filter(|&&s| s > own).count();
        if own > 0.0 && better == 0 {
            at1 += 1;
        }
        if own > 0.0 && better < 5 {
            at5 += 1;
        }
    }
    let n = queries.len().max(1) as f64;
    (at1 as f64 / n, at5 as f64 / n)
}

/// A compact TF-IDF cosine scorer over an inverted index.
struct TfIdf {
    idf: HashMap<String, f32>,
    postings: HashMap<String, Vec<(usize, f32)>>,
    len: usize,
}

impl TfIdf {
    fn new(docs: Vec<Vector>) -> TfIdf {
        let n = docs.len() as f32;
        let mut df: HashMap<String, f32> = HashMap::new();
        for d in &docs {
            for k in d.keys() {
                *df.entry(k.clone()).or_insert(0.0) += 1.0;
            }
        }
        let idf: HashMap<String, f32> = df
            .into_iter()
            .map(|(k, f)| (k, (n / f).ln() + 1.0))
            .collect();
        let mut postings: HashMap<String, Vec<(usize, f32)>> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            let norm = d
                .iter()
                .map(|(k, w)| (w * idf.get(k).copied().unwrap_or(0.0)).powi(2))
                .sum::<f32>()
                .sqrt();
            for (k, w) in d {
                let x = w * idf.get(k).copied().unwrap_or(0.0) / norm.max(1e-9);
                postings.entry(k.clone()).or_default().push((i, x));
            }
        }
        TfIdf {
            idf,
            postings,
            len: docs.len(),
        }
    }

    fn scores(&self, query: &Vector) -> Vec<f32> {
        let mut scores = vec![0.0f32; self.len];
        let weighted: Vec<(&String, f32)> = query
            .iter()
            .filter_map(|(k, w)| Some((k, w * self.idf.get(k)?)))
            .collect();
        let norm = weighted
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt()
            .max(1e-9);
        for (k, w) in weighted {
            for &(doc, x) in self.postings.get(k).map_or(&[][..], Vec::as_slice) {
                if let Some(s) = scores.get_mut(doc) {
                    *s += w / norm * x;
                }
            }
        }
        scores
    }
}

fn report(name: &str, (at1, at5): &(f64, f64)) {
    println!("{name:<36} acc@1 {at1:.3}  acc@5 {at5:.3}");
}

/// CPU time this process has run, in seconds, from `/proc/self/schedstat` (Linux): unlike wall
/// time it does not count time waiting for a core on a busy machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Analysis speed in release builds: µs per 1,000 characters over all texts, language given.
fn speed(analyzer: &Analyzer, docs: &[String], queries: &[String]) {
    let chars: usize = docs.iter().chain(queries).map(|t| t.chars().count()).sum();
    let rounds = 5;
    let mut terms = 0usize;
    let cpu_start = cpu_seconds();
    let start = Instant::now();
    for _ in 0..rounds {
        for d in docs {
            terms += analyzer.analyze(d, Some(Language::En)).terms.len();
        }
        for q in queries {
            terms += analyzer.analyze(q, Some(Language::De)).terms.len();
        }
    }
    let micros = start.elapsed().as_secs_f64() * 1e6 / rounds as f64;
    let cpu_micros = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) => (b - a) * 1e6 / rounds as f64,
        _ => f64::NAN,
    };
    println!(
        "analysis speed: {:.1} µs CPU ({:.1} µs wall) per 1,000 characters ({} texts, {} characters, {:.0} terms per text)",
        cpu_micros / chars as f64 * 1000.0,
        micros / chars as f64 * 1000.0,
        docs.len() + queries.len(),
        chars,
        terms as f64 / (rounds * (docs.len() + queries.len())) as f64
    );
    let cpu_start = cpu_seconds();
    for q in queries.iter().chain(docs) {
        let _ = analyzer.analyze(q, None);
    }
    let chars: usize = queries.iter().chain(docs).map(|t| t.chars().count()).sum();
    if let (Some(a), Some(b)) = (cpu_start, cpu_seconds()) {
        println!(
            "  with language detection: {:.1} µs CPU per 1,000 characters",
            (b - a) * 1e9 / chars as f64
        );
    }
}

fn detection(docs: &[String], queries: &[String]) {
    let en = docs
        .iter()
        .filter(|d| tandem_match::analysis::detect(d) == Some(Language::En))
        .count();
    let de = queries
        .iter()
        .filter(|q| tandem_match::analysis::detect(q) == Some(Language::De))
        .count();
    println!(
        "language detection: {en}/{} English, {de}/{} German",
        docs.len(),
        queries.len()
    );
}
