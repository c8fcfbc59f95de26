//! Evidence files, kept one way in each table that holds them: partnership agreements'
//! (`evidence_files`), support records' (`support_evidence`) and outcomes' (`outcome_evidence`).
//! The bytes live in the database with their SHA-256, so a claim can name exactly the file an
//! auditor downloads; listings read the metadata only.

use crate::{Conn, StoreResult, on_db};
use chrono::{DateTime, Utc};
use tandem_core::UserId;
use uuid::Uuid;

/// A table of evidence files and its column naming what each file evidences.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Table {
    name: &'static str,
    owner: &'static str,
}

/// Partnership agreements' files.
pub(crate) const AGREEMENTS: Table = Table { name: "evidence_files", owner: "agreement_id" };
/// Support records' files.
pub(crate) const SUPPORT: Table = Table { name: "support_evidence", owner: "record_id" };
/// Outcomes' files.
pub(crate) const OUTCOMES: Table = Table { name: "outcome_evidence", owner: "outcome_id" };

/// A new evidence file: what was uploaded, checked, with its digest.
#[derive(Debug, Clone, Copy)]
pub struct NewEvidenceFile<'a> {
    /// The name as shown (already cleaned by the caller).
    pub file_name: &'a str,
    /// The media type detected from the content.
    pub media_type: &'a str,
    /// SHA-256 of the content (hex).
    pub sha256: &'a str,
    /// The content.
    pub content: &'a [u8],
    /// Who uploaded it.
    pub uploaded_by: Option<UserId>,
}

/// A file's metadata as stored: id, owner (the agreement, record or outcome), name, media type,
/// size, SHA-256, uploader, time.
pub(crate) struct FileRow {
    pub id: Uuid,
    pub owner: Uuid,
    pub file_name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
}

type Row = (Uuid, Uuid, String, String, i64, String, Option<Uuid>, DateTime<Utc>);

impl From<Row> for FileRow {
    fn from(r: Row) -> FileRow {
        FileRow {
            id: r.0,
            owner: r.1,
            file_name: r.2,
            media_type: r.3,
            size: r.4,
            sha256: r.5,
            uploaded_by: r.6.map(UserId),
            created_at: r.7,
        }
    }
}

fn columns(t: Table) -> String {
    format!("e.id, e.{}, e.file_name, e.media_type, e.size, e.sha256, e.uploaded_by, e.created_at", t.owner)
}

/// Stores a file for `owner`.
pub(crate) async fn insert(conn: Conn<'_>, t: Table, id: Uuid, owner: Uuid, f: &NewEvidenceFile<'_>, at: DateTime<Utc>) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO {} (id, {}, file_name, media_type, size, sha256, content, uploaded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        t.name, t.owner
    );
    on_db!(conn, |c| sqlx::query(&sql)
        .bind(id)
        .bind(owner)
        .bind(f.file_name)
        .bind(f.media_type)
        .bind(i64::try_from(f.content.len()).unwrap_or(i64::MAX))
        .bind(f.sha256)
        .bind(f.content)
        .bind(f.uploaded_by.map(|u| u.0))
        .bind(at)
        .execute(&mut *c)
        .await
        .map(drop))?;
    Ok(())
}

/// The files (metadata) matching `filter` on the table aliased `e`, optionally joined
/// (`join`: "JOIN support_records r ON r.id = e.record_id"), oldest first. `$1` is `bind`.
pub(crate) async fn list(conn: Conn<'_>, t: Table, join: &str, filter: &str, bind: Uuid) -> StoreResult<Vec<FileRow>> {
    let sql = format!("SELECT {} FROM {} e {join} WHERE {filter} ORDER BY e.created_at, e.id", columns(t), t.name);
    let rows: Vec<Row> = on_db!(conn, |c| sqlx::query_as(&sql).bind(bind).fetch_all(&mut *c).await)?;
    Ok(rows.into_iter().map(FileRow::from).collect())
}

/// The files of one owner (metadata), oldest first.
pub(crate) async fn of_owner(conn: Conn<'_>, t: Table, owner: Uuid) -> StoreResult<Vec<FileRow>> {
    list(conn, t, "", &format!("e.{} = $1", t.owner), owner).await
}

/// One file's metadata.
pub(crate) async fn one(conn: Conn<'_>, t: Table, id: Uuid) -> StoreResult<Option<FileRow>> {
    Ok(list(conn, t, "", "e.id = $1", id).await?.pop())
}

/// One file's bytes.
pub(crate) async fn content(conn: Conn<'_>, t: Table, id: Uuid) -> StoreResult<Option<Vec<u8>>> {
    let sql = format!("SELECT content FROM {} WHERE id = $1", t.name);
    Ok(on_db!(conn, |c| sqlx::query_scalar(&sql).bind(id).fetch_optional(&mut *c).await)?)
}

/// One file with its bytes.
pub(crate) async fn with_content(mut conn: Conn<'_>, t: Table, id: Uuid) -> StoreResult<Option<(FileRow, Vec<u8>)>> {
    let Some(meta) = one(conn.reborrow(), t, id).await? else { return Ok(None) };
    Ok(content(conn, t, id).await?.map(|bytes| (meta, bytes)))
}
