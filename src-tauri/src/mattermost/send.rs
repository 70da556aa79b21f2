//! Sending one part of a message to the webhook, and reading the answer. One request per part, JSON with
//! `Content-Type: application/json`, and the body checked against the server's size limit before it leaves.

use std::time::Duration;

use serde::Serialize;

use super::response::{classify, Failure, Outcome, Problem};
use super::webhook::WebhookUrl;

/// Servers refuse bodies over 300,000 bytes by default; stay well under.
pub const MAX_BODY_BYTES: usize = 250_000;

/// What one request carries. Optional fields are left out when empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Payload {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
}

pub struct Sender {
    client: reqwest::Client,
}

impl Sender {
    /// A sender that gives up on a request after `timeout` (connecting included).
    pub fn new(timeout: Duration) -> reqwest::Result<Sender> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("Pickboard/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Sender { client })
    }

    pub async fn send(&self, hook: &WebhookUrl, payload: &Payload) -> Outcome {
        let body = match serde_json::to_vec(payload) {
            Ok(body) if body.len() <= MAX_BODY_BYTES => body,
            _ => return Outcome::Failed(Failure::new(Problem::TooLarge)),
        };
        let request = self
            .client
            .post(hook.expose())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body);
        let response = match request.send().await {
            Ok(response) => response,
            Err(err) => return Outcome::Failed(Failure::new(network_problem(&err))),
        };
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = header("retry-after");
        let request_id = header("x-request-id");
        // A Mattermost answer is small; its first 64 kB say what it is.
        let body = match read_at_most(response, 64 * 1024).await {
            Ok(answer) => String::from_utf8_lossy(answer.bytes()).into_owned(),
            Err(err) => return Outcome::Failed(Failure::new(network_problem(&err))),
        };
        classify(status, &body, retry_after.as_deref(), request_id.as_deref(), hook)
    }
}

/// The start of an answer's body, read no further than needed.
pub(super) enum Answer {
    Whole(Vec<u8>),
    /// Longer than asked for: its first bytes.
    Cut(Vec<u8>),
}

impl Answer {
    pub(super) fn bytes(&self) -> &[u8] {
        match self {
            Answer::Whole(bytes) | Answer::Cut(bytes) => bytes,
        }
    }
}

/// The answer's body up to `limit` bytes, read a chunk at a time: a server or a proxy that answers with a page of a
/// gigabyte is not read into memory (the webhook's sender read it all, and cut it afterwards).
pub(super) async fn read_at_most(mut response: reqwest::Response, limit: usize) -> reqwest::Result<Answer> {
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if bytes.len() + chunk.len() > limit {
            bytes.extend_from_slice(&chunk[..limit - bytes.len()]);
            return Ok(Answer::Cut(bytes));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Answer::Whole(bytes))
}

/// Which network failure `err` is, from reqwest's error and its sources (never from the URL, which is secret).
pub(super) fn network_problem(err: &reqwest::Error) -> Problem {
    if err.is_timeout() {
        return Problem::Timeout;
    }
    // The causes only: reqwest's own message names the URL, whose host could contain any of the words below.
    let mut chain = String::new();
    let mut source: Option<&dyn std::error::Error> = std::error::Error::source(err);
    while let Some(e) = source {
        chain.push_str(&e.to_string().to_lowercase());
        chain.push(' ');
        source = e.source();
    }
    if chain.contains("dns")
        || chain.contains("failed to lookup")
        || chain.contains("name or service not known")
    {
        Problem::ServerNotFound
    } else if [
        "certificate",
        "tls",
        "handshake",
        "corrupt message",
        "fatal alert",
    ]
    .iter()
    .any(|w| chain.contains(w))
    {
        Problem::Tls
    } else if err.is_connect() {
        Problem::Offline
    } else {
        // Connected, then the connection broke: the request may have been carried out.
        Problem::NoAnswer
    }
}

#[cfg(test)]
mod tests;
