//! Reading links and their tokens out of emails.

/// The first link in `text` to `path` on any host (`…/verify-email?token=…`), whole.
pub fn link_in(text: &str, path: &str) -> Option<String> {
    text.split_whitespace().find(|word| {
        word.split_once("://").is_some_and(|(_, rest)| rest.find('/').is_some_and(|i| rest[i..].starts_with(path)))
    }).map(|word| word.trim_end_matches(['.', ',', ')', '>']).to_owned())
}

/// The value of query parameter `name` in `url` (not percent-decoded; Tandem's secrets are URL-safe).
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let (_, query) = url.split_once('?')?;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| value.to_owned())
    })
}

/// The `token` parameter of the first link to `path` in `text` (an emailed verification or reset link).
pub fn link_token(text: &str, path: &str) -> Option<String> {
    query_param(&link_in(text, path)?, "token")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_read_from_emailed_links() {
        let body = "Hello,\n\nopen this link:\n\nhttp://127.0.0.1:4000/verify-email?token=abc_-123\n\n-- Tandem\n";
        assert_eq!(link_in(body, "/verify-email").as_deref(), Some("http://127.0.0.1:4000/verify-email?token=abc_-123"));
        assert_eq!(link_token(body, "/verify-email").as_deref(), Some("abc_-123"));
        assert_eq!(link_token(body, "/reset-password"), None);
    }
}
