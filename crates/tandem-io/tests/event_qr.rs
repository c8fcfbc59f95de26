//! The check-in QR code: a well-formed SVG that decodes back to the code (rasterised here from
//! the SVG's own path, read with the pure-Rust rqrr decoder).

use tandem_io::qr::{MODULE_UNITS, QrError, qr_svg};

/// Reads back the dark rectangles the renderer writes as `M{x} {y}h{w}v{h}H{x}V{y}`.
fn rasterise(svg: &str) -> (usize, Vec<bool>) {
    let attr = |name: &str| -> usize {
        let start = svg.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
        svg[start..].split('"').next().and_then(|v| v.parse().ok()).expect("number")
    };
    let (width, height) = (attr("width"), attr("height"));
    assert_eq!(width, height, "square");
    let d_start = svg.find(" d=\"").expect("path") + 4;
    let d = svg[d_start..].split('"').next().expect("path data");
    let mut pixels = vec![false; width * height];
    for rect in d.split('M').filter(|r| !r.is_empty()) {
        let numbers: Vec<usize> = rect
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.parse().expect("number"))
            .collect();
        let [x, y, w, h, ..] = numbers[..] else { panic!("unexpected path segment {rect:?}") };
        for row in y..y + h {
            for col in x..x + w {
                pixels[row * width + col] = true;
            }
        }
    }
    (width, pixels)
}

#[test]
fn svg_is_well_formed_and_decodes_back() {
    for code in ["TDM-2026-7F3K-9QX2", "https://tandem.example.org/checkin/0196c0de-7000-8000-8000-000000000001"] {
        let svg = qr_svg(code).expect("encodes");
        assert!(svg.starts_with("<?xml") && svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches('<').count(), svg.matches('>').count());
        let (size, pixels) = rasterise(&svg);
        // 4 modules of quiet zone on each side of at least a version-1 (21-module) symbol.
        assert!(size >= (21 + 8) * MODULE_UNITS as usize);
        let dark = pixels.iter().filter(|p| **p).count();
        assert!(dark > pixels.len() / 10 && dark < pixels.len() / 2, "non-trivial: {dark} of {}", pixels.len());
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(size, size, |x, y| if pixels[y * size + x] { 0 } else { 255 });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().expect("decodes");
        assert_eq!(content, code);
    }
}

#[test]
fn empty_code_is_refused() {
    assert_eq!(qr_svg(""), Err(QrError::Empty));
    assert!(matches!(qr_svg(&"x".repeat(5000)), Err(QrError::Encode(_))));
}
