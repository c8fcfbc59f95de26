//! `tandem migrate`: applies pending migrations.

use crate::config::Config;

/// Opens the database (which applies pending migrations) and closes it.
pub async fn run(config: &Config) -> anyhow::Result<()> {
    let app = super::open_app(config, config.base_url()).await?;
    app.db().close().await;
    println!("database is up to date");
    Ok(())
}
