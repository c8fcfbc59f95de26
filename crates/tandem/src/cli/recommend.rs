//! `tandem recommend partners`: new partners for many organisations at once, as JSON.

use super::{open_app, user_error};
use crate::config::Config;
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use std::io::{BufRead as _, BufWriter};
use std::path::PathBuf;
use tandem_app::matching::{self, KeyedMatch, Reason};

/// Long help of `tandem recommend`.
pub const LONG_ABOUT: &str = "Recommends new partners for organisations from the matching engine \
(profiles, the directory, the collaboration graph of research projects, introductions and agreements), \
with the reasons behind each score. Existing partners are never recommended.\n\nVariables: \
TANDEM_LEXICON, and the global TANDEM_DATA_DIR, TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG.";

/// What `tandem recommend` recommends.
#[derive(Debug, Subcommand)]
pub enum RecommendWhat {
    /// New partners for organisations named by PIC, external id or id
    #[command(
        long_about = "For each organisation (its PIC, external id or Tandem id, from --org or one per line of \
                      --org-file), writes {\"org\": ID, \"results\": [{\"org\": ID, \"score\": x, \"why\": [...]}]} \
                      — one line per organisation with --format jsonl, or one JSON array with --format json. \
                      Results name organisations by PIC, else external id, else id. Unknown ids are reported on \
                      standard error and the exit status is 2, but the other lines are still written."
    )]
    Partners(PartnersArgs),
}

/// `tandem recommend partners`
#[derive(Debug, Args)]
pub struct PartnersArgs {
    /// An organisation's PIC, external id or id (repeatable)
    #[arg(long = "org", value_name = "ID", required_unless_present = "org_file", conflicts_with = "org_file")]
    pub orgs: Vec<String>,
    /// A file with one organisation id per line (blank lines and lines starting with # skipped)
    #[arg(long, value_name = "FILE")]
    pub org_file: Option<PathBuf>,
    /// Only partners in this country (ISO 3166 alpha-2, e.g. DE)
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Results per organisation
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub limit: u32,
    /// Output format
    #[arg(long, value_enum)]
    pub format: JsonFormat,
}

/// Batch output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum JsonFormat {
    /// One JSON array
    Json,
    /// One JSON object per line
    Jsonl,
}

/// One result line of `recommend partners`.
#[derive(Serialize)]
struct Line<'a> {
    org: &'a str,
    results: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    org: &'a str,
    score: f32,
    why: &'a [Reason],
}

/// Writes JSON values one per line, or as one array, as they come (large inputs stream).
pub struct JsonOut<W: std::io::Write> {
    out: W,
    format: JsonFormat,
    written: usize,
}

impl<W: std::io::Write> JsonOut<W> {
    /// A writer in `format`.
    pub fn new(out: W, format: JsonFormat) -> JsonOut<W> {
        JsonOut { out, format, written: 0 }
    }

    /// Writes one value.
    pub fn write<T: Serialize>(&mut self, value: &T) -> anyhow::Result<()> {
        let separator = match (self.format, self.written) {
            (JsonFormat::Jsonl, _) => "",
            (JsonFormat::Json, 0) => "[\n",
            (JsonFormat::Json, _) => ",\n",
        };
        self.out.write_all(separator.as_bytes())?;
        serde_json::to_writer(&mut self.out, value)?;
        if self.format == JsonFormat::Jsonl {
            self.out.write_all(b"\n")?;
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the array and flushes.
    pub fn finish(mut self) -> anyhow::Result<()> {
        if self.format == JsonFormat::Json {
            self.out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }
}

/// Runs a `tandem recommend` subcommand.
pub async fn run(config: &Config, what: RecommendWhat) -> anyhow::Result<()> {
    let RecommendWhat::Partners(args) = what;
    let ids = match &args.org_file {
        Some(path) => read_ids(path)?,
        None => args.orgs.clone(),
    };
    let app = open_app(config, config.base_url()).await?;
    let stdout = std::io::stdout();
    let mut out = JsonOut::new(BufWriter::new(stdout.lock()), args.format);
    let mut unknown = 0usize;
    for id in &ids {
        match matching::recommend_partners_by_key(&app, id, args.country.as_deref(), args.limit as usize).await {
            Ok(found) => out.write(&line(id, &found))?,
            Err(tandem_app::AppError::Invalid(e)) => {
                unknown += 1;
                eprintln!("{id}: {e}");
            }
            Err(e) => {
                app.db().close().await;
                return Err(anyhow::Error::new(e).context(format!("recommending partners for {id} failed")));
            }
        }
    }
    out.finish()?;
    app.db().close().await;
    if unknown > 0 {
        return Err(user_error(format!("{unknown} of {} organisations are unknown (see above)", ids.len())));
    }
    Ok(())
}

fn line<'a>(id: &'a str, found: &'a [KeyedMatch]) -> Line<'a> {
    Line { org: id, results: found.iter().map(|m| Item { org: &m.key, score: m.score, why: &m.reasons }).collect() }
}

/// The ids of an `--org-file`, one per line.
fn read_ids(path: &std::path::Path) -> anyhow::Result<Vec<String>> {
    let file = std::fs::File::open(path).map_err(|e| user_error(format!("cannot read {}: {e}", path.display())))?;
    let mut ids = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| user_error(format!("{}:{}: {e}", path.display(), n + 1)))?;
        let id = line.trim();
        if !id.is_empty() && !id.starts_with('#') {
            ids.push(id.to_owned());
        }
    }
    Ok(ids)
}
