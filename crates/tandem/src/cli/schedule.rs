//! `tandem schedule INSTANCE.json`: schedules a brokerage event's meetings offline — the
//! solver the app runs for organisers, on a file — and writes the schedule as JSON.

use super::user_error;
use clap::Args;
use std::io::{Read as _, Write as _};
use std::path::PathBuf;
use std::time::Duration;
use tandem_schedule::{Options, Problem, Solution, parse_instance, solve};

/// Long help of `tandem schedule`.
pub const LONG_ABOUT: &str = "\
Schedules accepted meeting requests into slots and tables: nobody in two places at once, everyone \
available, caps and tables respected, locked meetings where they are. It maximises the total \
priority of scheduled meetings, then minimises idle gaps (free available slots between a \
participant's first and last meeting), then gives 'either' meetings a table. Writes \
{\"assignments\": [{\"meeting\", \"slot\", \"table\"}], \"stats\": {…}} to standard output and a \
summary line to standard error; the stats include an upper bound no schedule can beat.

The instance (JSON; \"-\" reads standard input):
  {\"slots\": [{\"id\": \"s1\"}, …]  in time order
   \"tables\": 66
   \"participants\": [{\"id\": \"p1\", \"available\": [\"s1\", …], \"max_meetings\": 6 (optional),
                     \"table\": 3 (optional: own booth), \"limits\": [{\"slots\": [\"s1\", …], \"max\": 4}] (optional)}]
   \"meetings\": [{\"id\": \"m1\", \"a\": \"p1\", \"b\": \"p2\", \"priority\": 2 (default 1),
                 \"mode\": \"onsite\" | \"remote\" | \"either\" (default onsite),
                 \"locked_slot\": \"s4\" (optional), \"locked_table\": 12 (optional, with locked_slot)}]}

The same seed with enough time gives the same schedule. Exit status 2 when the instance is invalid \
(every problem is listed with its field, e.g. meetings[12].b).";

/// `tandem schedule`
#[derive(Debug, Args)]
pub struct ScheduleArgs {
    /// The event's instance file (JSON, see above); - for standard input
    #[arg(value_name = "INSTANCE.json")]
    pub instance: PathBuf,

    /// Wall-time limit for the whole command (reading the file included), e.g. 2s, 500ms, 1m
    #[arg(long, value_name = "DURATION", default_value = "2s", value_parser = parse_duration)]
    pub time_limit: Duration,

    /// Seed of the randomised search
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
}

/// Runs `tandem schedule`.
pub fn run(args: ScheduleArgs) -> anyhow::Result<()> {
    // The limit is for the whole command: reading a large instance counts against it.
    let started = std::time::Instant::now();
    let name = args.instance.display().to_string();
    let text = if name == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| user_error(format!("cannot read the instance from standard input: {e}")))?;
        text
    } else {
        std::fs::read_to_string(&args.instance).map_err(|e| user_error(format!("cannot read {name}: {e}")))?
    };
    let instance = parse_instance(&text).map_err(|e| user_error(located(&name, &e)))?;
    let problem = Problem::from_instance(&instance).map_err(|e| user_error(located(&name, &e)))?;
    let time_limit = args.time_limit.saturating_sub(started.elapsed()).max(Duration::from_millis(1));
    let solution = solve(&problem, &Options { time_limit, seed: args.seed });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    serde_json::to_writer_pretty(&mut out, &solution)?;
    writeln!(out)?;
    out.flush()?;
    eprintln!("{}", summary(&solution));
    Ok(())
}

/// Every issue prefixed with the file, one per line.
fn located(file: &str, error: &tandem_schedule::InstanceError) -> String {
    let mut lines: Vec<String> = error.issues.iter().map(|i| format!("{file}: {i}")).collect();
    if error.more > 0 {
        lines.push(format!("{file}: … and {} more problems", error.more));
    }
    if lines.len() > 1 {
        lines.insert(0, format!("{} problems in the instance:", error.issues.len() + error.more));
    }
    lines.join("\n")
}

/// "scheduled 10,991 of at most 10,993 achievable priority (99.98 %; 6,182 of 10,000 meetings),
/// 1,049 idle gaps, 1.95 s"
fn summary(solution: &Solution) -> String {
    let s = &solution.stats;
    let share = if s.score >= s.bound { String::from("100 %, optimal") } else { format!("{:.2} %", 100.0 * s.share_of_bound) };
    format!(
        "scheduled {} of at most {} achievable priority ({share}; {} of {} meetings), {} idle gaps, {:.2} s",
        thousands(s.score),
        thousands(s.bound),
        thousands(s.scheduled as f64),
        thousands(s.requested as f64),
        thousands(s.idle_gaps as f64),
        s.seconds
    )
}

/// 12345.5 → "12,345.5"; whole numbers without decimals.
fn thousands(x: f64) -> String {
    let text = if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x:.3}").trim_end_matches('0').to_string() };
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// "2s", "500ms", "1.5s", "1m", "90" (seconds).
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let hint = "use a number with ms, s or m, e.g. 2s, 500ms, 1m";
    let value: f64 = number.parse().map_err(|_| format!("{text:?} is not a duration — {hint}"))?;
    let seconds = match unit.trim() {
        "ms" => value / 1000.0,
        "" | "s" => value,
        "m" | "min" => value * 60.0,
        other => return Err(format!("unknown unit {other:?} — {hint}")),
    };
    if !(seconds > 0.0 && seconds <= 24.0 * 3600.0) {
        return Err(format!("{text:?} is out of range — the limit must be more than 0 and at most a day"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("2s"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("1m"), Ok(Duration::from_secs(60)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("3"), Ok(Duration::from_secs(3)));
        assert!(parse_duration("2x").is_err_and(|e| e.contains("unknown unit \"x\"")));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("fast").is_err());
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(9812.0), "9,812");
        assert_eq!(thousands(10992.5), "10,992.5");
        assert_eq!(thousands(123.0), "123");
        assert_eq!(thousands(1234567.0), "1,234,567");
        assert_eq!(thousands(0.0), "0");
    }
}
