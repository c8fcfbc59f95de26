//! Solves an instance file and writes the schedule to stdout, the summary to stderr; for
//! experiments with the solver without building the whole `tandem` binary.
//! `cargo run --release -p tandem-schedule --example solve -- INSTANCE.json [SECONDS] [SEED]`

use std::time::Duration;
use tandem_schedule::{Instance, Options, Problem, solve, validate};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: solve INSTANCE.json [SECONDS] [SEED]")?;
    let seconds: f64 = args.get(2).map_or(Ok(2.0), |s| s.parse())?;
    let seed: u64 = args.get(3).map_or(Ok(0), |s| s.parse())?;
    let instance: Instance = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let problem = Problem::from_instance(&instance)?;
    let solution = solve(&problem, &Options { time_limit: Duration::from_secs_f64(seconds), seed });
    let report = validate(&instance, &solution.schedule());
    eprintln!(
        "score {} bound {} ({:.3} %) scheduled {}/{} gaps {} either on table {}/{} {:.3} s rounds {} feasible {} {:?}",
        solution.stats.score,
        solution.stats.bound,
        100.0 * solution.stats.share_of_bound,
        solution.stats.scheduled,
        solution.stats.requested,
        solution.stats.idle_gaps,
        solution.stats.either_on_table,
        solution.stats.either_scheduled,
        solution.stats.seconds,
        solution.stats.rounds,
        report.feasible,
        report.errors.first()
    );
    println!("{}", serde_json::to_string(&solution)?);
    Ok(())
}
