//! The one typed configuration, built once from (highest precedence first) command-line flags,
//! `TANDEM_*` environment variables, the TOML config file and built-in defaults.

use crate::cli::{UserError, user_error};
use figment::Figment;
use figment::providers::{Env, Format as _, Serialized, Toml};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use tandem_app::AppConfig;

/// Default data directory.
pub const DEFAULT_DATA_DIR: &str = "./tandem-data";
/// Default listen address.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// Default log filter.
pub const DEFAULT_LOG: &str = "info,sqlx=warn";
/// Default sender of emails.
pub const DEFAULT_MAIL_FROM: &str = "Tandem <noreply@tandem.localhost>";
/// The config file read when `--config` / `TANDEM_CONFIG` is not given and it exists.
pub const DEFAULT_CONFIG_FILE: &str = "tandem.toml";
/// Default seconds between two runs of the scheduled jobs in `serve` (0 turns them off).
pub const DEFAULT_JOBS_INTERVAL_SECS: u64 = 600;

/// Settings that may come from the environment or the config file (the file's keys and, upper-cased
/// with the `TANDEM_` prefix, the variables' names).
pub const KEYS: [&str; 10] = [
    "data_dir",
    "database_url",
    "log_format",
    "log",
    "addr",
    "base_url",
    "smtp_url",
    "mail_from",
    "jobs_interval_secs",
    "lexicon",
];

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line (for log collectors).
    Json,
}

/// One source of settings; absent values leave the lower-precedence source's value in place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_format: Option<LogFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smtp_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail_from: Option<String>,
    /// A number in the file, text in the environment: both are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jobs_interval_secs: Option<NumberOrText>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lexicon: Option<PathBuf>,
}

/// A setting that is a number in TOML and text in the environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum NumberOrText {
    /// `jobs_interval_secs = 600`
    Number(u64),
    /// `TANDEM_JOBS_INTERVAL_SECS=600`
    Text(String),
}

impl Layer {
    fn defaults() -> Layer {
        Layer {
            data_dir: Some(PathBuf::from(DEFAULT_DATA_DIR)),
            database_url: None,
            log_format: Some(LogFormat::Text),
            log: Some(DEFAULT_LOG.to_owned()),
            addr: Some(DEFAULT_ADDR.to_owned()),
            base_url: None,
            smtp_url: None,
            mail_from: Some(DEFAULT_MAIL_FROM.to_owned()),
            jobs_interval_secs: None,
            lexicon: None,
        }
    }
}

/// Which config file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigFile {
    /// Named by `--config` / `TANDEM_CONFIG`: it must exist.
    Required(PathBuf),
    /// `tandem.toml` in the working directory, read only if it exists.
    IfPresent(PathBuf),
}

/// Everything the commands need, resolved.
#[derive(Clone, PartialEq, Eq)]
pub struct Config {
    /// Data directory (SQLite database, `.eml` files of the outbox).
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// The config file that was read, if any.
    pub config_file: Option<PathBuf>,
    /// Log line format.
    pub log_format: LogFormat,
    /// Log filter (`tracing` EnvFilter syntax).
    pub log: String,
    /// Listen address (`host:port`) of `serve` and `demo`.
    pub addr: String,
    /// Public base URL when configured; otherwise it is derived from the listen address.
    pub base_url: Option<String>,
    /// SMTP server; `None` writes emails as `.eml` files under the data directory.
    pub smtp_url: Option<String>,
    /// Sender address of every email.
    pub mail_from: String,
    /// Seconds between two runs of the scheduled jobs (see `tandem jobs run --help`) in
    /// `serve` and `demo`; 0 turns them off (for deployments that run `tandem jobs run` from cron).
    pub jobs_interval_secs: u64,
    /// A bilingual dictionary file (Ding/FreeDict text format) added to the matching lexicon.
    pub lexicon: Option<PathBuf>,
}

impl fmt::Debug for Config {
    // URLs may carry passwords: print them redacted.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("database_url", &redact_url(&self.database_url))
            .field("config_file", &self.config_file)
            .field("log_format", &self.log_format)
            .field("log", &self.log)
            .field("addr", &self.addr)
            .field("base_url", &self.base_url)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("jobs_interval_secs", &self.jobs_interval_secs)
            .field("lexicon", &self.lexicon)
            .finish()
    }
}

impl Config {
    /// Builds the configuration from the flags given on the command line (`cli`, where clap has
    /// already filled in `TANDEM_*` variables for flags that were not given), the process
    /// environment and the config file.
    pub fn load(cli: Layer, config_file: ConfigFile) -> anyhow::Result<Config> {
        let env: Vec<(String, String)> =
            Env::prefixed("TANDEM_").only(&KEYS).iter().map(|(k, v)| (k.as_str().to_owned(), v)).collect();
        Config::resolve(cli, env, config_file)
    }

    /// Merges the sources; `env` holds `(key, value)` pairs with lower-case keys from [`KEYS`].
    pub fn resolve(cli: Layer, env: Vec<(String, String)>, config_file: ConfigFile) -> anyhow::Result<Config> {
        let file = match config_file {
            ConfigFile::Required(path) => {
                if !path.is_file() {
                    return Err(user_error(format!(
                        "config file {} (from --config or TANDEM_CONFIG) does not exist or is not a file",
                        path.display()
                    )));
                }
                Some(path)
            }
            ConfigFile::IfPresent(path) => path.is_file().then_some(path),
        };
        // Environment values are kept as text (figment would read "8080" as a number).
        let env: BTreeMap<String, String> =
            env.into_iter().filter(|(k, v)| KEYS.contains(&k.as_str()) && !v.is_empty()).collect();
        let mut figment = Figment::from(Serialized::defaults(Layer::defaults()));
        if let Some(path) = &file {
            figment = figment.merge(Toml::file_exact(path));
        }
        let figment = figment.merge(Serialized::defaults(env)).merge(Serialized::defaults(cli));
        let layer: Layer = figment.extract().map_err(|e| {
            let mut message = String::from("invalid configuration: ");
            let errors: Vec<String> = e.into_iter().map(|e| e.to_string()).collect();
            message.push_str(&errors.join("; "));
            UserError(message)
        })?;
        Config::from_layer(layer, file)
    }

    fn from_layer(layer: Layer, config_file: Option<PathBuf>) -> anyhow::Result<Config> {
        let non_empty = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        let data_dir = layer.data_dir.filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
        let database_url = match non_empty(layer.database_url) {
            Some(url) => {
                let known = ["sqlite:", "postgres://", "postgresql://"];
                if !known.iter().any(|p| url.starts_with(p)) {
                    return Err(user_error(format!(
                        "database URL '{}' (--database-url / TANDEM_DATABASE_URL) must start with sqlite:// or postgres://",
                        redact_url(&url)
                    )));
                }
                url
            }
            None => sqlite_url(&data_dir.join("tandem.db"))?,
        };
        let addr = non_empty(layer.addr).unwrap_or_else(|| DEFAULT_ADDR.to_owned());
        check_addr(&addr)?;
        let base_url = match non_empty(layer.base_url) {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => Some(url.trim_end_matches('/').to_owned()),
            Some(url) => {
                return Err(user_error(format!(
                    "base URL '{url}' (--base-url / TANDEM_BASE_URL) must start with http:// or https://"
                )));
            }
            None => None,
        };
        let mail_from = non_empty(layer.mail_from).unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned());
        if !mail_from.contains('@') {
            return Err(user_error(format!(
                "sender address '{mail_from}' (--mail-from / TANDEM_MAIL_FROM) is not an email address; \
                 write it like 'Tandem <noreply@example.org>'"
            )));
        }
        let jobs_interval_secs = match layer.jobs_interval_secs {
            None => DEFAULT_JOBS_INTERVAL_SECS,
            Some(NumberOrText::Number(n)) => n,
            Some(NumberOrText::Text(text)) => match text.trim() {
                "" => DEFAULT_JOBS_INTERVAL_SECS,
                t => t.parse::<u64>().map_err(|_| {
                    user_error(format!(
                        "jobs interval '{t}' (--jobs-interval-secs / TANDEM_JOBS_INTERVAL_SECS) must be a whole number \
                         of seconds, e.g. 600; 0 turns the scheduled jobs off"
                    ))
                })?,
            },
        };
        Ok(Config {
            data_dir,
            database_url,
            config_file,
            log_format: layer.log_format.unwrap_or(LogFormat::Text),
            log: non_empty(layer.log).unwrap_or_else(|| DEFAULT_LOG.to_owned()),
            addr,
            base_url,
            smtp_url: non_empty(layer.smtp_url),
            mail_from,
            jobs_interval_secs,
            lexicon: layer.lexicon.filter(|p| !p.as_os_str().is_empty()),
        })
    }

    /// The public base URL: the configured one, or `http://<addr>`.
    pub fn base_url(&self) -> String {
        self.base_url.clone().unwrap_or_else(|| format!("http://{}", self.addr))
    }

    /// The public base URL of a server bound to `bound` (which knows the real port when the
    /// configured one is 0).
    pub fn public_url(&self, bound: SocketAddr) -> String {
        self.base_url.clone().unwrap_or_else(|| format!("http://{bound}"))
    }

    /// The settings the use cases need, with `base_url` as the public URL.
    pub fn app_config(&self, base_url: String) -> AppConfig {
        AppConfig {
            base_url,
            data_dir: self.data_dir.clone(),
            smtp_url: self.smtp_url.clone(),
            mail_from: self.mail_from.clone(),
        }
    }
}

/// A `sqlite://` URL for a file path (`?`, `#` and `%` are percent-encoded, as sqlx decodes them).
pub fn sqlite_url(path: &Path) -> anyhow::Result<String> {
    let Some(text) = path.to_str() else {
        return Err(user_error(format!(
            "the data directory path {} is not valid UTF-8; choose another --data-dir or set --database-url",
            path.display()
        )));
    };
    let mut url = String::from("sqlite://");
    for c in text.chars() {
        match c {
            '%' => url.push_str("%25"),
            '?' => url.push_str("%3F"),
            '#' => url.push_str("%23"),
            c => url.push(c),
        }
    }
    Ok(url)
}

/// Checks that a listen address looks like `host:port` with a numeric port.
fn check_addr(addr: &str) -> anyhow::Result<()> {
    if addr.parse::<SocketAddr>().is_ok() {
        return Ok(());
    }
    let valid = addr
        .rsplit_once(':')
        .is_some_and(|(host, port)| !host.is_empty() && !host.contains(':') && port.parse::<u16>().is_ok());
    if valid {
        Ok(())
    } else {
        Err(user_error(format!(
            "listen address '{addr}' (--addr / TANDEM_ADDR) must look like 127.0.0.1:8080, [::1]:8080 or localhost:8080"
        )))
    }
}

/// The URL with any password (in the user info or a `password=` query parameter) replaced by `***`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{user}:***@{host}"),
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let params: Vec<String> = query
                .split('&')
                .map(|p| match p.split_once('=') {
                    Some((key, _)) if key.eq_ignore_ascii_case("password") => format!("{key}=***"),
                    _ => p.to_owned(),
                })
                .collect();
            format!("{path}?{}", params.join("&"))
        }
        None => tail.to_owned(),
    };
    format!("{scheme}://{authority}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> ConfigFile {
        ConfigFile::IfPresent(PathBuf::from("/nonexistent/tandem.toml"))
    }

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn defaults_are_derived_from_the_data_dir_and_address() -> anyhow::Result<()> {
        let config = Config::resolve(Layer::default(), Vec::new(), none())?;
        assert_eq!(config.data_dir, PathBuf::from(DEFAULT_DATA_DIR));
        assert_eq!(config.database_url, "sqlite://./tandem-data/tandem.db");
        assert_eq!(config.addr, DEFAULT_ADDR);
        assert_eq!(config.base_url(), "http://127.0.0.1:8080");
        assert_eq!(config.log, DEFAULT_LOG);
        assert_eq!(config.log_format, LogFormat::Text);
        assert_eq!(config.mail_from, DEFAULT_MAIL_FROM);
        assert_eq!(config.smtp_url, None);
        assert_eq!(config.jobs_interval_secs, DEFAULT_JOBS_INTERVAL_SECS);
        Ok(())
    }

    #[test]
    fn the_jobs_interval_comes_from_flag_environment_or_file() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("tandem.toml");
        std::fs::write(&file, "jobs_interval_secs = 3600\n")?;
        let from_file = Config::resolve(Layer::default(), Vec::new(), ConfigFile::Required(file.clone()))?;
        assert_eq!(from_file.jobs_interval_secs, 3600);
        let from_env = Config::resolve(Layer::default(), env(&[("jobs_interval_secs", "0")]), ConfigFile::Required(file.clone()))?;
        assert_eq!(from_env.jobs_interval_secs, 0);
        let flag = Layer { jobs_interval_secs: Some(NumberOrText::Number(60)), ..Layer::default() };
        let from_flag = Config::resolve(flag, env(&[("jobs_interval_secs", "0")]), ConfigFile::Required(file))?;
        assert_eq!(from_flag.jobs_interval_secs, 60);
        let bad = Config::resolve(Layer::default(), env(&[("jobs_interval_secs", "ten")]), none());
        assert!(bad.is_err_and(|e| e.downcast_ref::<UserError>().is_some()));
        Ok(())
    }

    #[test]
    fn flags_beat_environment_beats_file_beats_defaults() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("tandem.toml");
        std::fs::write(
            &file,
            "data_dir = \"/from/file\"\naddr = \"0.0.0.0:9000\"\nlog = \"debug\"\nmail_from = \"File <file@example.org>\"\n",
        )?;
        let cli = Layer { data_dir: Some(PathBuf::from("/from/flag")), ..Layer::default() };
        let env = env(&[("data_dir", "/from/env"), ("addr", "127.0.0.1:7000"), ("log_format", "json")]);
        let config = Config::resolve(cli, env, ConfigFile::Required(file.clone()))?;
        assert_eq!(config.data_dir, PathBuf::from("/from/flag"));
        assert_eq!(config.addr, "127.0.0.1:7000");
        assert_eq!(config.log, "debug");
        assert_eq!(config.log_format, LogFormat::Json);
        assert_eq!(config.mail_from, "File <file@example.org>");
        assert_eq!(config.database_url, "sqlite:///from/flag/tandem.db");
        assert_eq!(config.config_file, Some(file));
        Ok(())
    }

    #[test]
    fn a_missing_named_config_file_or_unknown_key_is_a_user_error() -> anyhow::Result<()> {
        let missing = Config::resolve(Layer::default(), Vec::new(), ConfigFile::Required("/nonexistent/x.toml".into()));
        let error = missing.err().ok_or_else(|| anyhow::anyhow!("expected an error"))?;
        assert!(error.downcast_ref::<UserError>().is_some());
        assert!(error.to_string().contains("/nonexistent/x.toml"));

        let dir = tempfile::tempdir()?;
        let file = dir.path().join("tandem.toml");
        std::fs::write(&file, "data_dri = \"typo\"\n")?;
        let typo = Config::resolve(Layer::default(), Vec::new(), ConfigFile::IfPresent(file));
        let error = typo.err().ok_or_else(|| anyhow::anyhow!("expected an error"))?;
        assert!(error.to_string().contains("data_dri"), "{error}");
        Ok(())
    }

    #[test]
    fn bad_values_are_user_errors() {
        let bad = [
            Layer { addr: Some("nonsense".into()), ..Layer::default() },
            Layer { base_url: Some("ftp://x".into()), ..Layer::default() },
            Layer { database_url: Some("mysql://x".into()), ..Layer::default() },
            Layer { mail_from: Some("nobody".into()), ..Layer::default() },
        ];
        for layer in bad {
            let result = Config::resolve(layer.clone(), Vec::new(), none());
            assert!(
                result.as_ref().is_err_and(|e| e.downcast_ref::<UserError>().is_some()),
                "{layer:?} gave {result:?}"
            );
        }
    }

    #[test]
    fn numeric_environment_values_stay_text() -> anyhow::Result<()> {
        let config = Config::resolve(Layer::default(), env(&[("data_dir", "2026"), ("log", "")]), none())?;
        assert_eq!(config.data_dir, PathBuf::from("2026"));
        assert_eq!(config.log, DEFAULT_LOG);
        Ok(())
    }

    #[test]
    fn debug_output_redacts_passwords() -> anyhow::Result<()> {
        let cli = Layer {
            database_url: Some("postgres://tandem:s3cret@db.example.org:5432/tandem?sslmode=require".into()),
            smtp_url: Some("smtps://mailer:hunter2@smtp.example.org".into()),
            ..Layer::default()
        };
        let config = Config::resolve(cli, Vec::new(), none())?;
        let debug = format!("{config:?}");
        assert!(!debug.contains("s3cret") && !debug.contains("hunter2"), "{debug}");
        assert!(debug.contains("postgres://tandem:***@db.example.org:5432/tandem?sslmode=require"), "{debug}");
        assert_eq!(redact_url("postgres://db/x?user=a&password=b"), "postgres://db/x?user=a&password=***");
        assert_eq!(redact_url("sqlite://./data/tandem.db"), "sqlite://./data/tandem.db");
        Ok(())
    }

    #[test]
    fn sqlite_urls_escape_url_syntax() -> anyhow::Result<()> {
        assert_eq!(sqlite_url(Path::new("/tmp/a?b#c%d/tandem.db"))?, "sqlite:///tmp/a%3Fb%23c%25d/tandem.db");
        Ok(())
    }
}
