//! Log output: `tracing` events to stderr as text or JSON lines, filtered by `--log` / `TANDEM_LOG`.

use crate::cli::user_error;
use crate::config::LogFormat;
use std::io::IsTerminal as _;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. Logs go to stderr, so stdout carries only command output.
pub fn init(format: LogFormat, filter: &str) -> anyhow::Result<()> {
    let env_filter = EnvFilter::builder().parse(filter).map_err(|e| {
        user_error(format!("log filter '{filter}' (--log / TANDEM_LOG) is not valid: {e}; try \"info\" or \"info,sqlx=warn\""))
    })?;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(env_filter).with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    let installed = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
    installed.map_err(|e| anyhow::anyhow!("cannot install the log subscriber: {e}"))
}
