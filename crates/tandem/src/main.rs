//! `tandem`: the one binary. `tandem serve` runs the web server, `tandem demo` a seeded demo, and
//! the other subcommands are operator tools (migrations, accounts, imports, exports).

mod cli;
mod config;
mod telemetry;

use clap::Parser as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Usage errors (unknown flag, bad value) exit with status 2 here, with clap's message.
    let cli = cli::Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let code = cli::exit_code(&error);
            tracing::debug!(?error, "command failed");
            eprintln!("error: {error:#}");
            ExitCode::from(code)
        }
    }
}

fn run(cli: cli::Cli) -> anyhow::Result<()> {
    let config = cli.config()?;
    telemetry::init(config.log_format, &config.log)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| anyhow::anyhow!("cannot start the async runtime: {e}"))?;
    runtime.block_on(cli::run(cli.command, config))
}
