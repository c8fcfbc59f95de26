//! Uploaded evidence files, prepared one way for partnership agreements, support records and
//! outcomes: the type checked from the content (never the name), the name cleaned for display,
//! the SHA-256 a claim cites; and what the audit trail keeps of a file (never its bytes).

use tandem_core::UserId;
use tandem_core::partnering::agreement::check_evidence;
use tandem_core::validation::ValidationErrors;
use tandem_store::evidence_files::NewEvidenceFile;

/// Longest file name kept.
pub const FILE_NAME_MAX: usize = 200;

/// The file name as shown: the last path component, without control or text-direction
/// characters, at most [`FILE_NAME_MAX`] characters; never used as a path.
pub fn display_file_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let name: String = cleaned.trim().chars().take(FILE_NAME_MAX).collect();
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().all(|c| c == '.') { "evidence".to_owned() } else { name }
}

/// A checked upload, ready to store.
#[derive(Debug, Clone)]
pub struct Upload<'a> {
    /// The name as shown.
    pub name: String,
    /// The media type detected from the content.
    pub media_type: &'static str,
    /// SHA-256 of the content (hex).
    pub sha256: String,
    /// The content.
    pub bytes: &'a [u8],
}

impl<'a> Upload<'a> {
    /// Checks an upload (not empty, not too large, PDF, PNG or JPEG by content).
    pub fn check(file_name: &str, bytes: &'a [u8]) -> Result<Upload<'a>, ValidationErrors> {
        let media_type = check_evidence(file_name, bytes)?;
        Ok(Upload::checked(file_name, media_type, bytes))
    }

    /// An upload already checked with [`check_evidence`] (`media_type` is its answer).
    pub fn checked(file_name: &str, media_type: &'static str, bytes: &'a [u8]) -> Upload<'a> {
        Upload { name: display_file_name(file_name), media_type, sha256: tandem_core::digest::sha256_hex(bytes), bytes }
    }

    /// The file as the store writes it.
    pub fn stored(&self, uploaded_by: Option<UserId>) -> NewEvidenceFile<'_> {
        NewEvidenceFile { file_name: &self.name, media_type: self.media_type, sha256: &self.sha256, content: self.bytes, uploaded_by }
    }

    /// What the audit trail keeps of the file.
    pub fn audited(&self) -> serde_json::Value {
        serde_json::json!({ "file_name": self.name, "media_type": self.media_type, "size": self.bytes.len(), "sha256": self.sha256 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_cleaned_for_display() {
        assert_eq!(display_file_name("../../etc/passwd"), "passwd");
        assert_eq!(display_file_name("C:\\Users\\kim\\contract.pdf"), "contract.pdf");
        assert_eq!(display_file_name("con\u{0}tr\nact\u{202E}fdp.exe"), "contractfdp.exe");
        assert_eq!(display_file_name(".."), "evidence");
        assert_eq!(display_file_name("dir/"), "evidence");
        assert_eq!(display_file_name(&"ä".repeat(300)).chars().count(), FILE_NAME_MAX);
    }

    #[test]
    fn an_upload_is_checked_by_content_and_audited_without_its_bytes() {
        let pdf = b"%PDF-1.4\n%%EOF\n";
        let upload = Upload::check("reports/plan.pdf", pdf).expect("a PDF");
        assert_eq!((upload.name.as_str(), upload.media_type), ("plan.pdf", "application/pdf"));
        assert_eq!(upload.audited()["size"], pdf.len());
        assert!(upload.audited().get("content").is_none());
        let fake = Upload::check("plan.pdf", b"MZ not a pdf").expect_err("an executable named .pdf");
        assert!(fake.for_field("evidence").is_some());
    }
}
