//! The one fake Mattermost server of Pickboard's tests: a real HTTP/1.1 server on 127.0.0.1 (loopback only) that
//! answers as Mattermost does, records every request, and is scripted per test. The unit tests of the backend (the
//! sender, the outbox) and the tests that drive the app or its command line all use it.
//!
//! What Mattermost answers, from its source (`server/channels/web/webhook.go`, `server/channels/app/webhook.go`):
//! an incoming webhook that takes a post answers `200` with the plain text `ok`; a refusal is a JSON `AppError`,
//! `{"id", "message", "detailed_error", "request_id", "status_code"}`, with the same `X-Request-Id` header.

mod api;
mod ids;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub use api::{
    ApiBuilder, Channel, Fault, Post, Team, User, MAX_MESSAGE_RUNES, MAX_PROPS_RUNES, PER_PAGE_MAX,
};
pub use ids::{id_for, is_valid_id};

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

    /// A Mattermost `AppError` (`server/public/model/utils.go`): JSON body and the same `X-Request-Id` header.
    pub fn app_error(status: u16, id: &str, message: &str) -> Reply {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        api::app_error_reply(status, id, message, &ids::id_from(n ^ 0xfa01_7000_0000_0000))
    }

    /// Mattermost's rate limiter refusing (`server/channels/app/ratelimit.go`): `429`, plain text
    /// `limit exceeded`, with `X-Ratelimit-Limit/Remaining/Reset` and `Retry-After` (seconds).
    pub fn rate_limited(limit: u32, retry_after_seconds: u32) -> Reply {
        api::rate_limited_reply(limit, retry_after_seconds)
    }

    /// An error page from a reverse proxy in front of Mattermost (nginx's), e.g. 502 or 413.
    pub fn proxy_page(status: u16) -> Reply {
        let reason = match status {
            413 => "Request Entity Too Large",
            502 => "Bad Gateway",
            503 => "Service Temporarily Unavailable",
            504 => "Gateway Time-out",
            _ => "Error",
        };
        let body = format!(
            "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
        );
        Reply {
            status,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body,
        }
    }
}

/// How the server answers request number `n` (from 0); `None` holds the request open without an answer.
pub type Answer = Arc<dyn Fn(&Request, usize) -> Option<Reply> + Send + Sync>;

pub struct FakeMattermost {
    /// The webhook address to give the app.
    pub url: String,
    /// `http://127.0.0.1:port`: the server's address, the base of `/api/v4/…` in API mode.
    pub address: String,
    requests: Arc<Mutex<Vec<Request>>>,
    api: Option<Arc<Mutex<api::State>>>,
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

    /// A stateful fake of Mattermost's REST API v4 (and of the webhook at [`HOOK_PATH`], whose posts land in a
    /// channel), on `port` (0: any free port): add users, teams and channels, then `start()`.
    pub fn api(port: u16) -> ApiBuilder {
        ApiBuilder::new(port)
    }

    pub(crate) async fn serve_api(port: u16, state: api::State) -> std::io::Result<FakeMattermost> {
        let state = Arc::new(Mutex::new(state));
        let shared = Arc::clone(&state);
        let answer = move |request: &Request, _: usize| {
            let mut state = shared.lock().unwrap_or_else(PoisonError::into_inner);
            api::answer(&mut state, request)
        };
        let mut fake = Self::serve(port, Arc::new(answer), None).await?;
        fake.api = Some(state);
        Ok(fake)
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
            api: None,
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

    /// The API's state. Panics on a webhook-only fake.
    fn state(&self) -> MutexGuard<'_, api::State> {
        self.api
            .as_ref()
            .expect("fake-mattermost: this fake serves only the webhook; start it with FakeMattermost::api")
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The next `n` requests whose method is `method` (any: "") and whose path starts with `path_prefix` get
    /// `reply` instead of their answer; then the API behaves normally again.
    pub fn fail_next(&self, n: usize, method: &str, path_prefix: &str, reply: Reply) {
        self.state()
            .add_fault(n, method, path_prefix, Fault::Reply(reply));
    }

    /// The next `n` matching requests get no answer at all (the connection stays open).
    pub fn hang_next(&self, n: usize, method: &str, path_prefix: &str) {
        self.state().add_fault(n, method, path_prefix, Fault::Hang);
    }

    /// The next `n` matching requests are carried out, but their answers never arrive (the client times out).
    pub fn lose_answer_next(&self, n: usize, method: &str, path_prefix: &str) {
        self.state().add_fault(n, method, path_prefix, Fault::LoseAnswer);
    }

    /// Personal access tokens switched off by an admin: every token but a bot's then gets 401.
    pub fn disable_personal_access_tokens(&self, disabled: bool) {
        self.state().set_tokens_disabled(disabled);
    }

    /// Mattermost's rate limiter on (`Some(requests a second)`) or off.
    pub fn set_rate_limit(&self, limit: Option<u32>) {
        self.state().set_rate_limit(limit);
    }

    /// Every post of a channel in the order they were made, deleted ones included (`delete_at` != 0).
    /// The server's 30 s of `pending_post_id` deduplication run out for every post made so far (its cache forgets
    /// them): a repeat of a request now makes a second post.
    pub fn forget_pending_post_ids(&self) {
        self.state().forget_pending_post_ids();
    }

    pub fn channel_posts(&self, channel_id: &str) -> Vec<Post> {
        self.state().channel_posts(channel_id)
    }

    /// A post by id, deleted or not.
    pub fn post(&self, id: &str) -> Option<Post> {
        self.state().post(id).cloned()
    }

    /// A root post and its replies in the order they were made, deleted ones included.
    pub fn thread(&self, root_id: &str) -> Vec<Post> {
        self.state().thread(root_id)
    }

    /// Adds a post as `user_id` (a reply when `root_id` is not empty), without any check: another person posting.
    pub fn add_post(&self, user_id: &str, channel_id: &str, root_id: &str, message: &str) -> Post {
        self.state()
            .insert_post(user_id, channel_id, root_id, message, serde_json::Map::new())
    }

    /// Adds a post with `props` as `user_id`, without any check (a client other than Pickboard, or someone who then
    /// left the channel).
    pub fn add_post_with_props(
        &self,
        user_id: &str,
        channel_id: &str,
        root_id: &str,
        message: &str,
        props: serde_json::Map<String, serde_json::Value>,
    ) -> Post {
        self.state()
            .insert_post(user_id, channel_id, root_id, message, props)
    }

    /// Changes a post's message as its author would in Mattermost (`edit_at` and `update_at` move).
    pub fn edit_post(&self, id: &str, message: &str) -> Option<Post> {
        self.state().edit_post(id, message)
    }

    /// Deletes a post as its author would (a root takes its replies with it); false if there is no such post.
    pub fn delete_post(&self, id: &str) -> bool {
        self.state().delete_post(id)
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
