//! Random secrets for links and tokens, and the digests under which they are stored.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;

/// A fresh 256-bit secret, URL-safe.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The SHA-256 digest (hex) stored instead of the secret: a leaked table grants nothing.
pub fn digest(secret: &str) -> String {
    tandem_core::digest::sha256_hex(secret.as_bytes())
}
