//! The application handle passed to every use case: database, configuration, reference data.

use crate::error::AppResult;
use crate::matching::service::MatchingService;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tandem_core::nace::NaceCatalogue;
use tandem_core::partnering::KeywordCatalogue;
use tandem_core::taxonomy::Taxonomy;
use tandem_store::sessions::SessionStore;
use tandem_store::Db;

/// Settings the use cases need (the binary builds this from flags, environment and file).
#[derive(Clone)]
pub struct AppConfig {
    /// Public base URL, used in emailed links (`http://127.0.0.1:8080`).
    pub base_url: String,
    /// Where `.eml` files go when no SMTP server is configured.
    pub data_dir: PathBuf,
    /// `smtp://host:port` or `smtps://user:pass@host`; `None` writes `.eml` files instead.
    pub smtp_url: Option<String>,
    /// Sender address of every email.
    pub mail_from: String,
}

impl std::fmt::Debug for AppConfig {
    // The SMTP URL may carry a password: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppConfig")
            .field("base_url", &self.base_url)
            .field("data_dir", &self.data_dir)
            .field("smtp_url", &self.smtp_url.as_ref().map(|_| "<redacted>"))
            .field("mail_from", &self.mail_from)
            .finish()
    }
}

/// Everything a use case needs; cheap to clone.
#[derive(Clone, Debug)]
pub struct App {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    db: Db,
    config: AppConfig,
    nace: NaceCatalogue,
    keywords: Keywords,
    /// Built on first use: commands that never ask for a recommendation pay nothing.
    matching: MatchingService,
}

/// The keyword taxonomies of partnering profiles.
#[derive(Debug)]
pub struct Keywords {
    /// Market keywords (EIC targeted markets).
    pub markets: Taxonomy,
    /// Technology keywords.
    pub technologies: Taxonomy,
}

impl KeywordCatalogue for Keywords {
    // Only keywords are chosen, never the groups above them.
    fn is_market_keyword(&self, code: &str) -> bool {
        self.markets.get(code).is_some_and(|e| e.parent.is_some())
    }

    fn is_technology_keyword(&self, code: &str) -> bool {
        self.technologies.get(code).is_some_and(|e| e.parent.is_some())
    }
}

impl App {
    /// Connects to `database_url`, applies migrations and loads reference data.
    pub async fn open(database_url: &str, config: AppConfig) -> AppResult<App> {
        let db = Db::connect(database_url).await?;
        db.migrate().await?;
        Ok(App::with_db(db, config))
    }

    /// Wraps an already migrated database.
    pub fn with_db(db: Db, config: AppConfig) -> App {
        let keywords = Keywords { markets: tandem_io::taxonomy::markets(), technologies: tandem_io::taxonomy::technologies() };
        App {
            inner: Arc::new(Inner {
                db,
                config,
                nace: tandem_io::nace::catalogue(),
                keywords,
                matching: MatchingService::default(),
            }),
        }
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.inner.db
    }

    /// The configuration.
    pub fn config(&self) -> &AppConfig {
        &self.inner.config
    }

    /// The NACE Rev. 2 catalogue.
    pub fn nace(&self) -> &NaceCatalogue {
        &self.inner.nace
    }

    /// The keyword taxonomies of partnering profiles.
    pub fn keywords(&self) -> &Keywords {
        &self.inner.keywords
    }

    /// This server's matching engine (built on first use, kept current through the change log).
    pub(crate) fn matching(&self) -> &MatchingService {
        &self.inner.matching
    }

    /// Adds the operator's bilingual dictionary file (Ding/FreeDict text format, or `de<TAB>en`)
    /// to the matching lexicon; returns the number of entries. Call it at startup, before the
    /// first recommendation: a file that cannot be read or has a bad line is refused with its
    /// name, the line and how to fix it.
    pub fn load_matching_lexicon(&self, path: &Path) -> AppResult<usize> {
        let (lexicon, added) = crate::matching::lexicon::with_dictionary_file(self.nace(), self.keywords(), path)?;
        self.inner.matching.set_lexicon(lexicon)?;
        Ok(added)
    }

    /// The web session store over the same database.
    pub fn session_store(&self) -> SessionStore {
        SessionStore::new(&self.inner.db)
    }
}
