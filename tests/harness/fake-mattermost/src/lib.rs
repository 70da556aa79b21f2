//! The one fake Mattermost server of Pickboard's tests: a real HTTP/1.1 server on 127.0.0.1 (loopback only) that
//! answers as Mattermost does, records every request, and is scripted per test. The unit tests of the backend (the
//! sender, the outbox) and the tests that drive the app or its command line all use it.
//!
//! What Mattermost answers, from its source (`server/channels/web/webhook.go`, `server/channels/app/webhook.go`):
//! an incoming webhook that takes a post answers `200` with the plain text `ok`; a refusal is a JSON `AppError`,
//! `{"id", "message", "detailed_error", "request_id", "status_code"}`, with the same `X-Request-Id` header.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The path of the webhook the fake serves (any path is answered; this one looks like Mattermost's).
pub const HOOK_PATH: &str = "/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c";

/// How long a request that gets no answer is held open: longer than any client timeout in the tests.
const HANG: Duration = Duration::from_secs(30);

/// A request as the server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `POST /hooks/… HTTP/1.1`
    pub request_line: String,
    pub method: String,
    pub path: String,
    /// Header names in lower case, values as sent.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    /// The first value of the header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or_default()
    }
}

/// An answer: status, headers, body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    /// What a webhook answers when it took the post: `200`, `ok`.
    pub fn ok() -> Reply {
        Reply::status(200, "ok")
    }

    /// `status` with `body`, typed as JSON when it looks like JSON (Mattermost's errors) and as text otherwise.
    pub fn status(status: u16, body: impl Into<String>) -> Reply {
        let body = body.into();
        let content_type = if body.trim_start().starts_with('{') {
            "application/json"
        } else {
            "text/plain"
        };
        Reply {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body,
        }
    }

    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// How the server answers request number `n` (from 0); `None` holds the request open without an answer.
pub type Answer = Arc<dyn Fn(&Request, usize) -> Option<Reply> + Send + Sync>;

pub struct FakeMattermost {
    /// The webhook address to give the app.
    pub url: String,
    /// `http://127.0.0.1:port`
    pub address: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl FakeMattermost {
    /// Answers every request with `200 ok`, on `port` (0: any free port).
    pub async fn ok(port: u16) -> std::io::Result<FakeMattermost> {
        Self::answering(port, |_, _| Some(Reply::ok())).await
    }

    /// Answers each request with what `answer` says, for as long as the test runs.
    pub async fn answering(
        port: u16,
        answer: impl Fn(&Request, usize) -> Option<Reply> + Send + Sync + 'static,
    ) -> std::io::Result<FakeMattermost> {
        Self::serve(port, Arc::new(answer), None).await
    }

    /// Answers the first requests with `replies`, in turn (`None`: no answer), then stops listening, so that a
    /// further request finds the port closed.
    pub async fn in_turn(port: u16, replies: Vec<Option<Reply>>) -> std::io::Result<FakeMattermost> {
        let count = replies.len();
        let answer = move |_: &Request, n: usize| replies.get(n).cloned().flatten();
        Self::serve(port, Arc::new(answer), Some(count)).await
    }

    async fn serve(port: u16, answer: Answer, limit: Option<usize>) -> std::io::Result<FakeMattermost> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let address = format!("http://{}", listener.local_addr()?);
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&requests);
        tokio::spawn(async move {
            let mut served = 0;
            while limit.is_none_or(|l| served < l) {
                let Ok((mut socket, _)) = listener.accept().await else {
                    return;
                };
                let Some(request) = read_request(&mut socket).await else {
                    continue;
                };
                let n = {
                    let mut log = log.lock().unwrap_or_else(PoisonError::into_inner);
                    log.push(request.clone());
                    log.len() - 1
                };
                served += 1;
                let reply = answer(&request, n);
                // Each connection is answered on its own, so a request held open does not stop the next.
                tokio::spawn(async move {
                    match reply {
                        None => tokio::time::sleep(HANG).await,
                        Some(reply) => {
                            let _ = socket.write_all(&encode(&reply)).await;
                        }
                    }
                });
            }
        });
        Ok(FakeMattermost {
            url: format!("{address}{HOOK_PATH}"),
            address,
            requests,
        })
    }

    /// Every request received so far, in order.
    pub fn received(&self) -> Vec<Request> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The bodies of the requests received so far.
    pub fn bodies(&self) -> Vec<String> {
        self.received().into_iter().map(|r| r.body).collect()
    }
}

fn encode(reply: &Reply) -> Vec<u8> {
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(reply.body.as_bytes());
    bytes
}

/// Reads one HTTP request: the head, then as much body as `Content-Length` says.
async fn read_request(socket: &mut TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&buf[..at]).into_owned();
        let mut lines = head.lines();
        let request_line = lines.next().unwrap_or_default().to_owned();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let length: usize = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        while buf.len() < at + 4 + length {
            let n = socket.read(&mut chunk).await.ok()?;
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        let end = buf.len().min(at + 4 + length);
        let mut words = request_line.split_whitespace();
        return Some(Request {
            method: words.next().unwrap_or_default().to_owned(),
            path: words.next().unwrap_or_default().to_owned(),
            request_line,
            headers,
            body: String::from_utf8_lossy(&buf[at + 4..end]).into_owned(),
        });
    }
}
