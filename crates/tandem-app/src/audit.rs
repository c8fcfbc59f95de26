//! The audit trail (issue 6, item 7): checking that no entry was altered or removed.

use crate::{App, AppResult};
use tandem_core::audit::VerifyReport;

/// Walks the whole trail: every entry that does not fit its neighbours or its hash, and the
/// head hash (for operators to compare with one they recorded earlier: removing entries at the
/// end leaves a shorter chain that still fits).
pub async fn verify(app: &App) -> AppResult<VerifyReport> {
    let mut conn = app.db().acquire().await?;
    Ok(tandem_store::audit::verify(conn.conn()).await?)
}

/// Whether the trail still holds the entry with hash `head` (recorded by an earlier verify):
/// in a chain that verifies, that proves nothing up to it was removed.
pub async fn contains(app: &App, head: &str) -> AppResult<bool> {
    if head == tandem_core::audit::GENESIS {
        return Ok(true);
    }
    let mut conn = app.db().acquire().await?;
    Ok(tandem_store::audit::contains(conn.conn(), head.trim()).await?)
}
