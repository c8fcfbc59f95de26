//! Cross-site request protection and security headers.
//!
//! Unsafe requests (POST, PUT, PATCH, DELETE) from another site are refused, by the Fetch
//! Metadata / Origin algorithm of Go 1.25's CrossOriginProtection: trust `Sec-Fetch-Site`
//! when the browser sends it; otherwise compare `Origin` with `Host`; requests with neither
//! come from non-browser clients (curl, API scripts), which carry no ambient cookies of ours.
//! Forms also carry a per-session token (`Ctx::check_csrf`) as defence in depth.

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses cross-site unsafe requests.
pub async fn cross_origin_guard(request: Request, next: Next) -> Response {
    if is_unsafe(request.method()) && is_cross_site(request.headers()) {
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(request).await
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    match (headers.get(header::ORIGIN), headers.get(header::HOST)) {
        (Some(origin), Some(host)) => {
            let origin = origin.to_str().unwrap_or_default();
            let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or(origin);
            origin == "null" || origin_host != host.to_str().unwrap_or_default()
        }
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// Adds the security headers every response carries.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut HeaderMap, name: &'static str, value: &'static str| {
        headers.entry(name).or_insert(HeaderValue::from_static(value));
    };
    // Scripts and styles come only from our own /assets; htmx needs no inline script.
    set(
        headers,
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "x-frame-options", "DENY");
    set(headers, "referrer-policy", "strict-origin-when-cross-origin");
    set(headers, "permissions-policy", "camera=(), microphone=(), geolocation=()");
    set(headers, "cross-origin-opener-policy", "same-origin");
    // The same URL answers with a page or, to htmx, with a fragment: caches must keep them apart.
    headers.append(axum::http::header::VARY, HeaderValue::from_static("HX-Request"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "none")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site"), ("origin", "http://a"), ("host", "a")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
    }

    #[test]
    fn origin_must_match_host_without_fetch_metadata() {
        assert!(!is_cross_site(&headers(&[("origin", "http://127.0.0.1:8080"), ("host", "127.0.0.1:8080")])));
        assert!(is_cross_site(&headers(&[("origin", "https://evil.example"), ("host", "127.0.0.1:8080")])));
        assert!(is_cross_site(&headers(&[("origin", "null"), ("host", "127.0.0.1:8080")])));
        assert!(!is_cross_site(&headers(&[("host", "127.0.0.1:8080")])));
    }
}
