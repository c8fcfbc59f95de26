//! `tandem search`: cross-lingual search over published profiles, one text or a file of queries.

use super::recommend::{JsonFormat, JsonOut};
use super::{open_app, user_error};
use crate::config::Config;
use clap::Args;
use serde::{Deserialize, Serialize};
use std::io::{BufRead as _, BufWriter};
use std::path::PathBuf;
use tandem_app::matching::{self, Reason};
use tandem_core::partnering::ProfileLanguage;

/// Long help of `tandem search`.
pub const LONG_ABOUT: &str = "Searches published profiles with the matching engine: English and German \
texts find each other through the bilingual lexicon, with the reasons behind each score. Give one TEXT, or \
--query-file with one JSON object per line: {\"id\": \"q1\", \"text\": \"…\", \"language\": \"en\"|\"de\"} \
(language optional: detected). Writes {\"query\": ID, \"results\": [{\"profile\": EXTERNAL_ID, \"score\": x, \
\"why\": [...]}]} per query (profiles without an external id by their Tandem id); a bad query line is \
reported as FILE:LINE: message, the others are still answered, and the exit status is 2.\n\nVariables: \
TANDEM_LEXICON, and the global TANDEM_DATA_DIR, TANDEM_DATABASE_URL, TANDEM_CONFIG, TANDEM_LOG_FORMAT, TANDEM_LOG.";

/// `tandem search`
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The search text (English or German)
    #[arg(value_name = "TEXT", required_unless_present = "query_file", conflicts_with = "query_file")]
    pub text: Option<String>,
    /// A JSON Lines file of queries {"id", "text", "language"?}
    #[arg(long, value_name = "FILE.jsonl")]
    pub query_file: Option<PathBuf>,
    /// Results per query
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub limit: u32,
    /// Output format
    #[arg(long, value_enum)]
    pub format: JsonFormat,
}

/// One line of a query file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QueryLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    language: Option<String>,
}

#[derive(Serialize)]
struct Line<'a> {
    query: &'a serde_json::Value,
    results: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    profile: &'a str,
    score: f32,
    why: &'a [Reason],
}

/// Runs `tandem search`.
pub async fn run(config: &Config, args: SearchArgs) -> anyhow::Result<()> {
    let file = match &args.query_file {
        Some(path) => {
            Some(std::fs::File::open(path).map_err(|e| user_error(format!("cannot read {}: {e}", path.display())))?)
        }
        None => None,
    };
    let app = open_app(config, config.base_url()).await?;
    let stdout = std::io::stdout();
    let mut out = JsonOut::new(BufWriter::new(stdout.lock()), args.format);
    let limit = args.limit as usize;
    let mut bad = 0usize;
    let result = async {
        match (file, &args.query_file) {
            (Some(file), Some(path)) => {
                // Read line by line: query files may be larger than memory allows at once.
                for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
                    let line = line.map_err(|e| user_error(format!("{}:{}: {e}", path.display(), n + 1)))?;
                    if line.trim().is_empty() {
                        continue;
                    }
                    match parse_query(&line) {
                        Ok((query, language)) => answer(&app, &mut out, &query.id, &query.text, language, limit).await?,
                        Err(message) => {
                            bad += 1;
                            eprintln!("{}:{}: {message}", path.display(), n + 1);
                        }
                    }
                }
            }
            _ => {
                let text = args.text.clone().unwrap_or_default();
                answer(&app, &mut out, &serde_json::Value::String(text.clone()), &text, None, limit).await?;
            }
        }
        out.finish()
    }
    .await;
    app.db().close().await;
    result?;
    if bad > 0 {
        return Err(user_error(format!("{bad} query lines could not be read (see above)")));
    }
    Ok(())
}

fn parse_query(line: &str) -> Result<(QueryLine, Option<ProfileLanguage>), String> {
    let query: QueryLine = serde_json::from_str(line).map_err(|e| format!("not a query object {{\"id\", \"text\", \"language\"?}}: {e}"))?;
    if !(query.id.is_string() || query.id.is_number()) {
        return Err("\"id\" must be a string or a number".into());
    }
    let language = match query.language.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(
            ProfileLanguage::from_key(&code.to_ascii_lowercase())
                .ok_or_else(|| format!("\"language\" must be \"en\" or \"de\", not \"{code}\""))?,
        ),
    };
    Ok((query, language))
}

async fn answer<W: std::io::Write>(
    app: &tandem_app::App,
    out: &mut JsonOut<W>,
    id: &serde_json::Value,
    text: &str,
    language: Option<ProfileLanguage>,
    limit: usize,
) -> anyhow::Result<()> {
    let found = matching::search_profile_keys(app, text, language, limit).await?;
    let results = found.iter().map(|m| Item { profile: &m.key, score: m.score, why: &m.reasons }).collect();
    out.write(&Line { query: id, results })
}
