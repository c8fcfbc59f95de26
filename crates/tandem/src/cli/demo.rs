//! `tandem demo`: seeds the Birmingham–Leipzig demo into an empty database, then serves it.

use super::ServeArgs;
use clap::Args;
use tandem_app::demo::{DEMO_PASSWORD, SeedReport};

/// `tandem demo`
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Server settings.
    #[command(flatten)]
    pub serve: ServeArgs,
    /// Synthetic SMEs to add besides the real ecosystem (only when the database is empty)
    #[arg(long, value_name = "N", default_value_t = 200, value_parser = clap::value_parser!(u32).range(0..=100_000))]
    pub smes: u32,
}

/// The text printed when the demo starts: what was seeded, the URL and the logins.
pub fn banner(report: &SeedReport, url: &str) -> String {
    let mut lines = vec!["Tandem demo".to_owned(), String::new(), format!("Open {url}"), String::new()];
    if report.seeded {
        lines.push(format!(
            "Seeded {} organisations and {} programmes.",
            report.organisations, report.programmes
        ));
    } else {
        lines.push("The database already has organisations, so no demo data was added;".to_owned());
        lines.push("the logins below work if it was seeded by `tandem demo` before.".to_owned());
    }
    lines.push(String::new());
    lines.push(format!("Demo logins (password for all: {DEMO_PASSWORD}):"));
    let email_width = report.logins.iter().map(|(email, _, _)| email.chars().count()).max().unwrap_or(0);
    for (email, _name, roles) in &report.logins {
        let roles = if roles.is_empty() { "no roles" } else { roles.as_str() };
        lines.push(format!("  {email:<email_width$}  {roles}"));
    }
    boxed(&lines)
}

/// Draws a box around lines of text.
fn boxed(lines: &[String]) -> String {
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let rule = "─".repeat(width + 2);
    let mut out = format!("┌{rule}┐\n");
    for line in lines {
        let pad = width - line.chars().count();
        out.push_str(&format!("│ {line}{} │\n", " ".repeat(pad)));
    }
    out.push_str(&format!("└{rule}┘"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_banner_lists_url_password_and_logins_in_a_box() {
        let report = SeedReport {
            seeded: true,
            organisations: 42,
            programmes: 7,
            logins: vec![
                ("amira@demo.tandem.example".into(), "Amira".into(), "platform admin".into()),
                ("jo@demo.tandem.example".into(), "Jo".into(), "org_admin at SpinLab".into()),
            ],
        };
        let text = banner(&report, "http://127.0.0.1:8080");
        assert!(text.contains("http://127.0.0.1:8080"));
        assert!(text.contains(DEMO_PASSWORD));
        assert!(text.contains("jo@demo.tandem.example     org_admin at SpinLab"));
        assert!(text.contains("Seeded 42 organisations"));
        let widths: Vec<usize> = text.lines().map(|l| l.chars().count()).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "ragged box: {widths:?}");
    }
}
