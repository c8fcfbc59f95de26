//! QR codes for check-in: the code a participant shows at the entrance, as an SVG that the web
//! page shows inline and the agenda PDF embeds.

use qrcode::{EcLevel, QrCode, render::svg};

/// Size of one module in SVG user units. The SVG scales freely; this only sets its intrinsic
/// size (a 21-module code with quiet zone is 29 × 8 = 232 px) for pages that don't size it.
pub const MODULE_UNITS: u32 = 8;

/// Why a QR code could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QrError {
    #[error("the check-in code is empty")]
    Empty,
    #[error("the check-in code cannot be encoded as a QR code: {0}")]
    Encode(#[from] qrcode::types::QrError),
}

/// The QR code of `text` as a standalone SVG document (black on white, with the 4-module quiet
/// zone scanners need).
///
/// Error correction level M (15 % of the code may be damaged): printed agendas get folded and
/// phone screens get scratched, while a short code still fits a small symbol.
pub fn qr_svg(text: &str) -> Result<String, QrError> {
    if text.is_empty() {
        return Err(QrError::Empty);
    }
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(MODULE_UNITS, MODULE_UNITS)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}
