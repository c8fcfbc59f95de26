//! Evidence files over HTTP, one way for every page that takes or serves them (agreements,
//! support records, outcomes): reading a multipart upload and sending a stored file back as a
//! download.

use crate::error::{PageError, PageErrorKind};
use crate::i18n::Tr;
use crate::pages::brokerage::content_disposition;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// An evidence upload as posted: the form token, the enterprise whose page it came from (support
/// and outcome evidence; empty elsewhere), the file.
#[derive(Default)]
pub struct Upload {
    /// `_csrf`.
    pub token: String,
    /// `enterprise`.
    pub enterprise: String,
    /// The file's name as uploaded.
    pub file_name: String,
    /// Its content.
    pub bytes: Vec<u8>,
    /// The body went over the upload limit: show the form's error, not an error page.
    pub too_large: bool,
}

/// Reads a multipart evidence upload (`_csrf`, `enterprise`, `evidence`); a body over the
/// upload limit is reported as `too_large`, not as an error page.
pub async fn read_upload(t: Tr, multipart: Result<Multipart, MultipartRejection>) -> Result<Upload, PageError> {
    let mut multipart = multipart.map_err(|r| PageError::new(t, PageErrorKind::BadRequest(r.body_text())))?;
    let mut upload = Upload::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                upload.too_large = true;
                break;
            }
            Err(e) => return Err(PageError::new(t, PageErrorKind::BadRequest(e.body_text()))),
        };
        match field.name().unwrap_or_default() {
            "_csrf" => upload.token = field.text().await.unwrap_or_default(),
            "enterprise" => upload.enterprise = field.text().await.unwrap_or_default(),
            "evidence" => {
                upload.file_name = field.file_name().unwrap_or_default().to_owned();
                match field.bytes().await {
                    Ok(b) => upload.bytes = b.to_vec(),
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        upload.too_large = true;
                        break;
                    }
                    Err(e) => {
                        return Err(PageError::new(t, PageErrorKind::BadRequest(e.body_text())));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// A stored evidence file as an attachment: its checked media type, never sniffed, never cached.
pub fn file_download(file_name: &str, media_type: &str, bytes: Vec<u8>) -> Response {
    let media_type = HeaderValue::from_str(media_type).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let disposition =
        HeaderValue::from_str(&content_disposition(file_name)).unwrap_or(HeaderValue::from_static("attachment; filename=\"evidence\""));
    let headers = [
        (header::CONTENT_TYPE, media_type),
        (header::CONTENT_DISPOSITION, disposition),
        (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
        (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
    ];
    (headers, bytes).into_response()
}
