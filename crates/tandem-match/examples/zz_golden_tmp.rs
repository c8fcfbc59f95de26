//! THROWAWAY (perf work): golden dump of analyze() output and an analysis-only benchmark.
//! `zz_golden_tmp dump OUT NACE_CSV` / `zz_golden_tmp bench PROFILES`

use std::fmt::Write as _;

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use tandem_match::analysis::{Analyzer, AnalyzerOptions, Language, Lexicon};

const MARKETS: &str = include_str!("../../../data/taxonomies/markets.csv");
const TECHNOLOGIES: &str = include_str!("../../../data/taxonomies/technologies.csv");

fn taxonomy(csv_text: &str) -> Vec<(String, String, String)> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .map(|r| (r[0].to_owned(), r[2].to_owned(), r[3].to_owned()))
        .collect()
}

fn full_lexicon() -> Lexicon {
    let mut lexicon = Lexicon::curated();
    for (name, rows) in [("market", taxonomy(MARKETS)), ("technology", taxonomy(TECHNOLOGIES))] {
        for (code, en, de) in &rows {
            let terms_en: Vec<&str> = en.split(" / ").map(str::trim).collect();
            let terms_de: Vec<&str> = de.split(" / ").map(str::trim).collect();
            lexicon.add_concept(&format!("{name}:{code}"), en, de, &terms_en, &terms_de);
        }
    }
    lexicon
}

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/schedstat").unwrap_or_default();
    stat.split_whitespace().next().and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0) / 1e9
}

fn dump(out: &str, nace: &str) {
    let mut texts: Vec<(String, Option<Language>)> = Vec::new();
    let mut reader = csv::Reader::from_path(nace).expect("nace");
    let headers = reader.headers().expect("h").clone();
    for record in reader.records() {
        let record = record.expect("rec");
        for (i, h) in headers.iter().enumerate() {
            let lang = if h.ends_with("_en") {
                Some(Language::En)
            } else if h.ends_with("_de") {
                Some(Language::De)
            } else {
                continue;
            };
            let t = record.get(i).unwrap_or("").to_owned();
            texts.push((t.clone(), lang));
            texts.push((t, None));
        }
    }
    for (_, en, de) in taxonomy(MARKETS).into_iter().chain(taxonomy(TECHNOLOGIES)) {
        texts.push((en, Some(Language::En)));
        texts.push((de, Some(Language::De)));
    }
    for t in [
        "", "a", "Größe grösse GROSSE Grosse", "İstanbul İSTANBUL ΣΊΣΥΦΟΣ", "E-Mail e mail E‑Mail",
        "VR-Trainingssimulationen und Medizintechnik", "Sonnenenergie-Hühnerfarm 4.0 2024",
        "company's oil and gas, Oil & Gas", "Café résumé naïve façade Ærø Øresund",
        "Elektrizitätsversorgungsunternehmen Kraftfahrzeugteileherstellung",
        "Maschinenbau Maschinenbauunternehmen Medizinprodukte Medizinprodukteherstellung",
        "ﬁnance ﬂow ǅemal Ǆ ß ẞ", "x1 a1b2 über-öl ÖL-Ölförderung",
    ] {
        for l in [Some(Language::En), Some(Language::De), None] {
            texts.push((t.to_owned(), l));
        }
    }
    let analyzers: Vec<(&str, Analyzer)> = vec![
        ("full", Analyzer::new(full_lexicon())),
        ("empty", Analyzer::new(Lexicon::empty())),
        ("curated", Analyzer::new(Lexicon::curated())),
        ("full-grams", Analyzer::with_options(full_lexicon(), AnalyzerOptions { char_grams: true, ..AnalyzerOptions::default() })),
        ("full-nocomp", Analyzer::with_options(full_lexicon(), AnalyzerOptions { compounds: false, ..AnalyzerOptions::default() })),
        ("empty-nocog", Analyzer::with_options(Lexicon::empty(), AnalyzerOptions { cognates: false, ..AnalyzerOptions::default() })),
    ];
    let mut s = String::new();
    for round in 0..2 {
        for (name, a) in &analyzers {
            for (t, l) in &texts {
                let r = a.analyze(t, *l);
                let _ = writeln!(s, "## {round} {name} {l:?} {:?} {}", r.language, t.len());
                for term in &r.terms {
                    let _ = writeln!(s, "{}\t{:08x}\t{:?}\t{}", term.key, term.weight.to_bits(), term.kind, term.surface);
                }
            }
        }
    }
    // Compound splits and translations of every German word.
    let a = &analyzers[0].1;
    let mut words: Vec<&str> = texts
        .iter()
        .filter(|(_, l)| *l == Some(Language::De))
        .flat_map(|(t, _)| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    for w in words {
        let _ = writeln!(s, "{w}\t{:?}\t{:?}", a.split_compound(w), a.lexicon().translate(w));
    }
    std::fs::write(out, s).expect("write");
}

fn bench(profiles: usize) {
    let markets = taxonomy(MARKETS);
    let technologies = taxonomy(TECHNOLOGIES);
    let mut lexicon = Lexicon::curated();
    for (prefix, rows) in [("market", &markets), ("technology", &technologies)] {
        for (code, en, de) in rows {
            lexicon.add_concept(&format!("{prefix}:{code}"), en, de, &[en], &[de]);
        }
    }
    let words = |labels: Vec<&str>| -> Vec<String> {
        labels
            .iter()
            .flat_map(|l| l.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() > 2)
            .map(str::to_owned)
            .collect()
    };
    let vocab_en = words(markets.iter().chain(&technologies).map(|r| r.1.as_str()).collect());
    let vocab_de = words(markets.iter().chain(&technologies).map(|r| r.2.as_str()).collect());
    let glue_en = ["we", "offer", "our", "company", "seeks", "partners", "for", "the", "and", "with", "in", "new"];
    let glue_de = ["wir", "bieten", "unser", "Unternehmen", "sucht", "Partner", "für", "die", "und", "mit", "in", "neue"];
    let mut rng = ChaCha8Rng::seed_from_u64(42);
    let texts: Vec<(String, Language)> = (0..profiles)
        .flat_map(|i| {
            let german = i % 2 == 1;
            let (vocab, glue) = if german { (&vocab_de, &glue_de) } else { (&vocab_en, &glue_en) };
            let sentence = |n: usize, rng: &mut ChaCha8Rng| {
                (0..n)
                    .map(|k| if k % 3 == 2 { glue.choose(rng).map_or("", |w| *w).to_owned() } else { vocab.choose(rng).cloned().unwrap_or_default() })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let title = sentence(8, &mut rng);
            let n = rng.random_range(80..200);
            let text = sentence(n, &mut rng);
            let l = if german { Language::De } else { Language::En };
            [(title, l), (text, l)]
        })
        .collect();
    let chars: usize = texts.iter().map(|t| t.0.len()).sum();
    let analyzer = Analyzer::new(lexicon);
    warm(&analyzer, &texts);
    let mut best = f64::MAX;
    for _ in 0..7 {
        let cpu = cpu_seconds();
        let terms = measured(&analyzer, &texts);
        let cpu = cpu_seconds() - cpu;
        best = best.min(cpu * 1e9 / chars as f64);
        std::hint::black_box(terms);
    }
    println!("best of 7: {best:.1} µs CPU per 1,000 chars ({} texts, {:.1} MB)", texts.len(), chars as f64 / 1e6);
}

#[inline(never)]
fn warm(analyzer: &Analyzer, texts: &[(String, Language)]) -> usize {
    texts.iter().map(|(t, l)| analyzer.analyze(t, Some(*l)).terms.len()).sum()
}

#[inline(never)]
fn measured(analyzer: &Analyzer, texts: &[(String, Language)]) -> usize {
    texts.iter().map(|(t, l)| analyzer.analyze(t, Some(*l)).terms.len()).sum()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("dump") => dump(&args[2], &args[3]),
        Some("bench") => bench(args.get(2).and_then(|a| a.parse().ok()).unwrap_or(5000)),
        _ => eprintln!("usage"),
    }
}
