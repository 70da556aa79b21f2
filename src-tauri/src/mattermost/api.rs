//! Mattermost's REST API (v4), as the connected account: who it is, its teams and channels, and posts it creates or
//! updates. Every answer that is not what was asked for becomes a [`Failure`] in the user's words, with Mattermost's
//! own message, error id and request id kept for a support question, and the token never echoed. The shapes and
//! status codes are those of the API reference (`api/v4/source` in mattermost/mattermost); see `docs/mattermost.md`.

use std::time::Duration;

use reqwest::header::{HeaderMap, AUTHORIZATION, CONTENT_TYPE};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::account::{ServerUrl, Token};
use super::response::{parse_retry_after, AppError, Failure, Problem};
use super::send::network_problem;

/// The most of an answer read into memory: Mattermost's answers here are small; a proxy's page may not be.
const MAX_ANSWER_BYTES: usize = 4 * 1024 * 1024;

/// A user as `GET /users/me` returns it (the fields Pickboard reads).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct User {
    pub id: String,
    pub username: String,
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub nickname: String,
}

impl User {
    /// "First Last", else the nickname, else nothing.
    pub fn display_name(&self) -> String {
        let full = format!("{} {}", self.first_name.trim(), self.last_name.trim());
        let full = full.trim();
        if full.is_empty() {
            self.nickname.trim().to_owned()
        } else {
            full.to_owned()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Team {
    pub id: String,
    /// The team's URL name (`infra` in `chat.example.com/infra/…`).
    pub name: String,
    pub display_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Channel {
    pub id: String,
    #[serde(default)]
    pub team_id: String,
    pub name: String,
    pub display_name: String,
    /// `O` public, `P` private, `D` direct, `G` group.
    #[serde(rename = "type")]
    pub kind: String,
}

/// A post as the API returns it (the fields Pickboard reads).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RemotePost {
    pub id: String,
    #[serde(default)]
    pub channel_id: String,
    #[serde(default)]
    pub root_id: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub update_at: i64,
}

/// What a call is about, for the meaning of a 404 or a 403.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asking {
    /// Checking the address and the token.
    Account,
    /// Reading or posting in a channel.
    Channel,
    /// Updating or reading one post.
    Post,
}

pub struct Api {
    http: reqwest::Client,
    server: ServerUrl,
    token: Token,
}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Api({}, {:?})", self.server.as_str(), self.token)
    }
}

impl Api {
    /// A client for `server` as the owner of `token`, giving up on a request after `timeout`.
    pub fn new(server: ServerUrl, token: Token, timeout: Duration) -> Result<Api, Failure> {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("Pickboard/", env!("CARGO_PKG_VERSION")))
            // A redirect to another host would drop the token (reqwest strips it) and answer as someone else.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| network_problem(&e))
            .map_err(Failure::new)?;
        Ok(Api { http, server, token })
    }

    pub fn server(&self) -> &ServerUrl {
        &self.server
    }

    /// Who the token belongs to: the check that the address and the token work.
    pub async fn me(&self) -> Result<User, Failure> {
        self.call(Method::GET, "/users/me", None, Asking::Account).await
    }

    pub async fn teams(&self) -> Result<Vec<Team>, Failure> {
        self.call(Method::GET, "/users/me/teams", None, Asking::Account)
            .await
    }

    /// The account's channels in a team: public and private ones (not direct or group messages).
    pub async fn channels(&self, team_id: &str) -> Result<Vec<Channel>, Failure> {
        let path = format!("/users/me/teams/{}/channels", segment(team_id));
        let all: Vec<Channel> = self.call(Method::GET, &path, None, Asking::Account).await?;
        Ok(all
            .into_iter()
            .filter(|c| c.kind == "O" || c.kind == "P")
            .collect())
    }

    pub async fn team_by_name(&self, team: &str) -> Result<Team, Failure> {
        let path = format!("/teams/name/{}", segment(team));
        self.call(Method::GET, &path, None, Asking::Channel).await
    }

    /// A channel by its URL names, as typed `team/channel`.
    pub async fn channel_by_name(&self, team: &str, channel: &str) -> Result<Channel, Failure> {
        let path = format!("/teams/name/{}/channels/name/{}", segment(team), segment(channel));
        self.call(Method::GET, &path, None, Asking::Channel).await
    }

    /// Creates a post in `channel_id`; with `root_id`, as a reply in that post's thread.
    pub async fn create_post(
        &self,
        channel_id: &str,
        message: &str,
        root_id: Option<&str>,
    ) -> Result<RemotePost, Failure> {
        let mut body = serde_json::json!({ "channel_id": channel_id, "message": message });
        if let Some(root) = root_id {
            body["root_id"] = root.into();
        }
        self.call(Method::POST, "/posts", Some(body), Asking::Channel)
            .await
    }

    /// Replaces the message of the account's own post `post_id`.
    pub async fn patch_post(&self, post_id: &str, message: &str) -> Result<RemotePost, Failure> {
        let path = format!("/posts/{}/patch", segment(post_id));
        let body = serde_json::json!({ "message": message });
        self.call(Method::PUT, &path, Some(body), Asking::Post).await
    }

    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
        asking: Asking,
    ) -> Result<T, Failure> {
        let mut request = self
            .http
            .request(method, self.server.api(path))
            .header(AUTHORIZATION, format!("Bearer {}", self.token.expose()))
            .header("X-Requested-With", "XMLHttpRequest");
        if let Some(body) = body {
            let bytes = serde_json::to_vec(&body).map_err(|_| Failure::new(Problem::Refused))?;
            request = request.header(CONTENT_TYPE, "application/json").body(bytes);
        }
        let response = request
            .send()
            .await
            .map_err(|e| Failure::new(network_problem(&e)))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let is_json = headers
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        let mut bytes = Vec::new();
        let mut response = response;
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| Failure::new(network_problem(&e)))?
        {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_ANSWER_BYTES {
                return Err(Failure::new(Problem::NotMattermostServer));
            }
        }
        if (200..300).contains(&status) {
            return if is_json {
                serde_json::from_slice(&bytes).map_err(|_| Failure::new(Problem::NotMattermostServer))
            } else {
                Err(Failure::new(Problem::NotMattermostServer))
            };
        }
        Err(self.failure(status, &headers, &bytes, asking))
    }

    /// What a refusal means; Mattermost's own message is kept as the detail, without the token.
    fn failure(&self, status: u16, headers: &HeaderMap, body: &[u8], asking: Asking) -> Failure {
        let error: Option<AppError> = serde_json::from_slice(body).ok();
        let problem = match (status, asking) {
            // Not Mattermost's JSON: a proxy's page, or another web server at that address.
            (_, _) if error.is_none() && !(500..600).contains(&status) && status != 429 => {
                Problem::NotMattermostServer
            }
            (401, _) => Problem::NotSignedIn,
            (403, _) => Problem::NotAllowed,
            (404, Asking::Account) => Problem::NotMattermostServer,
            (404, Asking::Channel) => Problem::ChannelGone,
            (404, Asking::Post) => Problem::PostGone,
            (413, _) => Problem::TooLarge,
            (429, _) => Problem::RateLimited,
            (500..=599, _) => Problem::ServerError,
            _ => Problem::Refused,
        };
        let mut failure = Failure::new(problem);
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        if let Some(error) = error {
            if !error.message.is_empty() && error.message.len() <= 2_000 {
                failure.detail = Some(self.token.redact(&error.message));
            }
            failure.error_id = (!error.id.is_empty()).then(|| self.token.redact(&error.id));
            if !error.request_id.is_empty() {
                failure.request_id = Some(error.request_id);
            }
        }
        if failure.request_id.is_none() {
            failure.request_id = header("x-request-id").map(str::to_owned);
        }
        if problem == Problem::RateLimited {
            // `Retry-After` in seconds, or the limiter's `X-Ratelimit-Reset` (seconds until the window resets).
            failure.retry_after_ms = header("retry-after")
                .or_else(|| header("x-ratelimit-reset"))
                .and_then(parse_retry_after)
                .map(|d| d.as_millis() as u64);
        }
        failure
    }
}

/// One path segment: ids and URL names are letters, digits, `-` and `_`; anything else is escaped.
fn segment(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
