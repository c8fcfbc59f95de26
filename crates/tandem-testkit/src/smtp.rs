//! A small, real SMTP server for tests: it speaks enough RFC 5321 (without TLS or AUTH) for
//! lettre's client and keeps every message it accepts.

use base64::Engine;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

/// One message the listener accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    /// The envelope sender (`MAIL FROM`), without angle brackets.
    pub from: String,
    /// The envelope recipients (`RCPT TO`), without angle brackets.
    pub to: Vec<String>,
    /// The message as transmitted after `DATA` (headers and body, dots unstuffed, CRLF line ends).
    pub data: String,
}

impl ReceivedMail {
    /// The value of the first header called `name` (case-insensitive), unfolded; as transmitted
    /// (RFC 2047 encoded words are not decoded).
    pub fn header(&self, name: &str) -> Option<String> {
        let (head, _) = split_message(&self.data);
        let mut value: Option<String> = None;
        for line in head.split("\r\n") {
            if let Some(current) = value.as_mut() {
                if line.starts_with([' ', '\t']) {
                    current.push(' ');
                    current.push_str(line.trim());
                    continue;
                }
                break;
            }
            if let Some((key, rest)) = line.split_once(':')
                && key.trim().eq_ignore_ascii_case(name)
            {
                value = Some(rest.trim().to_owned());
            }
        }
        value
    }

    /// The `Subject` header as transmitted.
    pub fn subject(&self) -> Option<String> {
        self.header("Subject")
    }

    /// The body as transmitted (after the blank line that ends the headers).
    pub fn raw_body(&self) -> &str {
        split_message(&self.data).1
    }

    /// The body with its `Content-Transfer-Encoding` (quoted-printable or base64) undone.
    pub fn body(&self) -> String {
        let raw = self.raw_body();
        match self.header("Content-Transfer-Encoding").map(|e| e.to_ascii_lowercase()).as_deref() {
            Some("quoted-printable") => decode_quoted_printable(raw),
            Some("base64") => {
                let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
                base64::engine::general_purpose::STANDARD
                    .decode(compact)
                    .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                    .unwrap_or_else(|_| raw.to_owned())
            }
            _ => raw.to_owned(),
        }
    }
}

fn split_message(data: &str) -> (&str, &str) {
    data.split_once("\r\n\r\n").or_else(|| data.split_once("\n\n")).unwrap_or((data, ""))
}

fn decode_quoted_printable(raw: &str) -> String {
    let mut bytes = Vec::with_capacity(raw.len());
    let input = raw.replace("=\r\n", "").replace("=\n", "");
    let b = input.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(byte) = hex {
                bytes.push(byte);
                i += 3;
                continue;
            }
        }
        bytes.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[derive(Default)]
struct Shared {
    messages: Mutex<Vec<ReceivedMail>>,
    tasks: Mutex<Vec<AbortHandle>>,
}

/// A running SMTP server on 127.0.0.1; stops when dropped.
pub struct SmtpListener {
    port: u16,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for SmtpListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpListener").field("port", &self.port).finish()
    }
}

impl SmtpListener {
    /// Starts a server on a free port.
    pub async fn start() -> SmtpListener {
        SmtpListener::start_on(0).await
    }

    /// Starts a server on `port` (0: any free port), e.g. one from [`SmtpListener::reserve_port`].
    pub async fn start_on(port: u16) -> SmtpListener {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("bind the test SMTP listener");
        let port = listener.local_addr().expect("listener address").port();
        let shared = Arc::new(Shared::default());
        let accept_shared = shared.clone();
        let accept = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                let conn_shared = accept_shared.clone();
                let handle = tokio::spawn(async move {
                    let _ = serve(stream, &conn_shared).await;
                });
                lock(&accept_shared.tasks).push(handle.abort_handle());
            }
        });
        lock(&shared.tasks).push(accept.abort_handle());
        SmtpListener { port, shared }
    }

    /// A port on 127.0.0.1 that was free a moment ago and on which nothing listens now: mail sent
    /// to [`SmtpListener::url_for`] it is refused until [`SmtpListener::start_on`] it.
    pub fn reserve_port() -> u16 {
        let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("bind a probe socket");
        listener.local_addr().expect("probe address").port()
    }

    /// The `smtp://` URL (plain SMTP, no TLS) of a server on `port` of 127.0.0.1.
    pub fn url_for(port: u16) -> String {
        format!("smtp://127.0.0.1:{port}")
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The URL for `AppConfig::smtp_url`.
    pub fn url(&self) -> String {
        SmtpListener::url_for(self.port)
    }

    /// Every message accepted so far, in order.
    pub async fn messages(&self) -> Vec<ReceivedMail> {
        lock(&self.shared.messages).clone()
    }

    /// Waits until at least `n` messages have arrived and returns them all; panics after `timeout`.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let messages = self.messages().await;
            if messages.len() >= n {
                return messages;
            }
            if tokio::time::Instant::now() >= deadline {
                panic!("expected {n} mail(s) within {timeout:?}, the SMTP listener got {}: {messages:#?}", messages.len());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Stops listening and drops open connections; the port refuses connections afterwards.
    pub fn stop(&self) {
        for task in lock(&self.shared.tasks).drain(..) {
            task.abort();
        }
    }
}

impl Drop for SmtpListener {
    fn drop(&mut self) {
        self.stop();
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Strips `FROM:` / `TO:` and angle brackets from a MAIL or RCPT argument, dropping parameters.
fn path_of(argument: &str) -> String {
    let argument = argument.trim();
    let after_colon = argument.split_once(':').map_or(argument, |(_, rest)| rest).trim();
    match (after_colon.find('<'), after_colon.find('>')) {
        (Some(start), Some(end)) if start < end => after_colon[start + 1..end].to_owned(),
        _ => after_colon.split_whitespace().next().unwrap_or_default().to_owned(),
    }
}

async fn serve(stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    write.write_all(b"220 tandem-testkit ESMTP ready\r\n").await?;
    let mut from: Option<String> = None;
    let mut to: Vec<String> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        let (verb, argument) = text.split_once(' ').unwrap_or((text, ""));
        let reply: &[u8] = match verb.to_ascii_uppercase().as_str() {
            "EHLO" => b"250-tandem-testkit greets you\r\n250 8BITMIME\r\n",
            "HELO" => b"250 tandem-testkit\r\n",
            "MAIL" => {
                from = Some(path_of(argument));
                to.clear();
                b"250 2.1.0 OK\r\n"
            }
            "RCPT" if from.is_none() => b"503 5.5.1 MAIL first\r\n",
            "RCPT" => {
                to.push(path_of(argument));
                b"250 2.1.5 OK\r\n"
            }
            "DATA" if to.is_empty() => b"503 5.5.1 RCPT first\r\n",
            "DATA" => {
                write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await?;
                let data = read_data(&mut reader).await?;
                let mail = ReceivedMail { from: from.take().unwrap_or_default(), to: std::mem::take(&mut to), data };
                lock(&shared.messages).push(mail);
                b"250 2.0.0 OK queued\r\n"
            }
            "RSET" => {
                from = None;
                to.clear();
                b"250 2.0.0 OK\r\n"
            }
            "NOOP" => b"250 2.0.0 OK\r\n",
            "VRFY" => b"252 2.1.5 cannot verify\r\n",
            "QUIT" => {
                write.write_all(b"221 2.0.0 Bye\r\n").await?;
                return Ok(());
            }
            _ => b"500 5.5.2 command not recognised\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// Reads a dot-terminated message body, undoing dot-stuffing (RFC 5321 §4.5.2).
async fn read_data(reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> std::io::Result<String> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed during DATA"));
        }
        if line == b".\r\n" || line == b".\n" {
            break;
        }
        let content = if line.starts_with(b".") { &line[1..] } else { &line[..] };
        data.extend_from_slice(content);
    }
    Ok(String::from_utf8_lossy(&data).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_is_decoded() {
        assert_eq!(decode_quoted_printable("Hallo J=C3=BCrgen,=\r\nweiter"), "Hallo Jürgen,weiter");
        assert_eq!(decode_quoted_printable("a=3Db ="), "a=b =");
    }

    #[test]
    fn envelope_paths_lose_brackets_and_parameters() {
        assert_eq!(path_of("FROM:<noreply@tandem.test> BODY=8BITMIME"), "noreply@tandem.test");
        assert_eq!(path_of("TO:<a@b.example>"), "a@b.example");
        assert_eq!(path_of("FROM: <>"), "");
    }

    #[test]
    fn headers_are_unfolded() {
        let mail = ReceivedMail {
            from: String::new(),
            to: vec![],
            data: "Subject: Hello\r\n world\r\nTo: a@b.example\r\n\r\nbody\r\n".into(),
        };
        assert_eq!(mail.subject().as_deref(), Some("Hello world"));
        assert_eq!(mail.header("to").as_deref(), Some("a@b.example"));
        assert_eq!(mail.body(), "body\r\n");
    }
}
