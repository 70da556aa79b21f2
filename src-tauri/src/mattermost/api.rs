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
use super::send::{network_problem, read_at_most, Answer};

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

/// The prop under which a post made by [`Api::create_post_once`] keeps the id it was sent as.
pub const SENT_AS_PROP: &str = "pickboard_sent_as";

/// How long before a post was made ready [`Api::find_sent`] looks for it among the channel's: the server's clock and
/// this computer's may disagree.
const LOOK_BACK_MS: i64 = 10 * 60 * 1000;

/// A post as the API returns it (the fields Pickboard reads).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RemotePost {
    pub id: String,
    #[serde(default)]
    pub channel_id: String,
    #[serde(default)]
    pub root_id: String,
    #[serde(default)]
    pub user_id: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub create_at: i64,
    #[serde(default)]
    pub update_at: i64,
    /// Moves when someone edits the message; 0 for a post never edited.
    #[serde(default)]
    pub edit_at: i64,
    #[serde(default)]
    pub delete_at: i64,
    /// The post's props (`null` on the wire for a post without any).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub props: serde_json::Map<String, serde_json::Value>,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<serde_json::Map<String, serde_json::Value>, D::Error> {
    Ok(Option::<serde_json::Map<String, serde_json::Value>>::deserialize(d)?.unwrap_or_default())
}

/// A thread as `GET /posts/{id}/thread` returns it: the posts by id, and their order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PostList {
    #[serde(default)]
    pub order: Vec<String>,
    #[serde(default)]
    pub posts: std::collections::HashMap<String, RemotePost>,
}

/// A member of a channel (`model.ChannelMember`, the fields Pickboard reads).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ChannelMember {
    pub user_id: String,
}

/// The most members asked for in one page (`web.PerPageMaximum`).
const MEMBERS_PER_PAGE: usize = 200;

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
            .connect_timeout(server.connect_timeout(timeout))
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
        self.create_post_with_props(channel_id, message, root_id, None)
            .await
    }

    /// Like [`Api::create_post`], with `props` on the post (Pickboard's records: a round, a ballot).
    pub async fn create_post_with_props(
        &self,
        channel_id: &str,
        message: &str,
        root_id: Option<&str>,
        props: Option<serde_json::Map<String, serde_json::Value>>,
    ) -> Result<RemotePost, Failure> {
        self.create_post_once(channel_id, message, root_id, None, props)
            .await
    }

    /// Creates a post that must not be made twice (a part of an outcome, a ballot), known by `sent_as` (26 characters,
    /// the same for every attempt at the same post). It is sent as `pending_post_id`: a repeat of the request within
    /// Mattermost's window (30 s) returns the post it already made instead of making a second one (`app/post.go`,
    /// `deduplicateCreatePost`). It is also kept in the post's props ([`SENT_AS_PROP`]), where [`Api::find_sent`] finds
    /// it after that window: the server forgets pending ids, not props.
    pub async fn create_post_once(
        &self,
        channel_id: &str,
        message: &str,
        root_id: Option<&str>,
        sent_as: Option<&str>,
        props: Option<serde_json::Map<String, serde_json::Value>>,
    ) -> Result<RemotePost, Failure> {
        let mut body = serde_json::json!({ "channel_id": channel_id, "message": message });
        if let Some(root) = root_id {
            body["root_id"] = root.into();
        }
        let mut props = props.unwrap_or_default();
        if let Some(id) = sent_as {
            body["pending_post_id"] = id.into();
            props.insert(SENT_AS_PROP.into(), id.into());
        }
        if !props.is_empty() {
            body["props"] = serde_json::Value::Object(props);
        }
        self.call(Method::POST, "/posts", Some(body), Asking::Channel)
            .await
    }

    /// The post made by [`Api::create_post_once`] as `sent_as`, if Mattermost has it: a reply is looked for in the
    /// thread of `root_id`, a post in the channel among those changed since it was made ready (`made_at`, ms, less
    /// [`LOOK_BACK_MS`]). Asked before sending again what may have gone out already (its answer was lost, or came too
    /// late), after Mattermost's 30 s of deduplication.
    pub async fn find_sent(
        &self,
        channel_id: &str,
        root_id: Option<&str>,
        made_at: i64,
        sent_as: &str,
    ) -> Result<Option<RemotePost>, Failure> {
        let list = match root_id {
            Some(root) => self.thread(root, None).await?,
            None => self.posts_since(channel_id, made_at - LOOK_BACK_MS).await?,
        };
        Ok(list.posts.into_values().find(|p| {
            p.delete_at == 0 && p.props.get(SENT_AS_PROP).and_then(serde_json::Value::as_str) == Some(sent_as)
        }))
    }

    /// The channel's posts changed after `since` (ms; `GET /channels/{id}/posts?since=`): at most 1,000, deleted ones
    /// included (with their `delete_at`), and the roots of the replies among them.
    pub async fn posts_since(&self, channel_id: &str, since: i64) -> Result<PostList, Failure> {
        let path = format!("/channels/{}/posts?since={}", segment(channel_id), since.max(1));
        self.call(Method::GET, &path, None, Asking::Channel).await
    }

    /// Replaces the message of the account's own post `post_id`.
    /// A post that was deleted answers a patch with 403, as one the account may not edit does (the permission check
    /// comes first): reading it tells the two apart, so that the user hears that it is gone.
    pub async fn patch_post(&self, post_id: &str, message: &str) -> Result<RemotePost, Failure> {
        match self.patch_post_with_props(post_id, message, None).await {
            Err(refused) if refused.problem == Problem::NotAllowed => {
                let path = format!("/posts/{}", segment(post_id));
                match self
                    .call::<RemotePost>(Method::GET, &path, None, Asking::Post)
                    .await
                {
                    Err(gone) if matches!(gone.problem, Problem::PostGone | Problem::NotAllowed) => {
                        Err(Failure {
                            problem: Problem::PostGone,
                            message: Failure::new(Problem::PostGone).message,
                            ..refused
                        })
                    }
                    _ => Err(refused),
                }
            }
            answer => answer,
        }
    }

    /// Replaces the message, and with `props` the props, of the account's own post `post_id`.
    pub async fn patch_post_with_props(
        &self,
        post_id: &str,
        message: &str,
        props: Option<serde_json::Map<String, serde_json::Value>>,
    ) -> Result<RemotePost, Failure> {
        let path = format!("/posts/{}/patch", segment(post_id));
        let mut body = serde_json::json!({ "message": message });
        if let Some(props) = props {
            body["props"] = serde_json::Value::Object(props);
        }
        self.call(Method::PUT, &path, Some(body), Asking::Post).await
    }

    /// A post and its thread (`GET /posts/{id}/thread`), deleted posts left out; with `from_update_at`, only the
    /// posts changed after that time (the root always comes first).
    pub async fn thread(&self, root_id: &str, from_update_at: Option<i64>) -> Result<PostList, Failure> {
        let mut path = format!("/posts/{}/thread", segment(root_id));
        if let Some(at) = from_update_at.filter(|at| *at > 0) {
            path.push_str(&format!("?fromUpdateAt={at}"));
        }
        self.call(Method::GET, &path, None, Asking::Post).await
    }

    /// Every member of a channel (`GET /channels/{id}/members`, page by page).
    pub async fn channel_members(&self, channel_id: &str) -> Result<Vec<ChannelMember>, Failure> {
        let mut all = Vec::new();
        for page in 0.. {
            let path = format!(
                "/channels/{}/members?page={page}&per_page={MEMBERS_PER_PAGE}",
                segment(channel_id)
            );
            let members: Vec<ChannelMember> = self.call(Method::GET, &path, None, Asking::Channel).await?;
            let last = members.len() < MEMBERS_PER_PAGE;
            all.extend(members);
            if last {
                break;
            }
        }
        Ok(all)
    }

    /// Users by id (`POST /users/ids`); ids the server does not know are left out.
    pub async fn users_by_ids(&self, ids: &[String]) -> Result<Vec<User>, Failure> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let body = serde_json::to_value(ids).map_err(|_| Failure::new(Problem::Refused))?;
        self.call(Method::POST, "/users/ids", Some(body), Asking::Channel)
            .await
    }

    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<serde_json::Value>,
        asking: Asking,
    ) -> Result<T, Failure> {
        let changes = method != Method::GET;
        self.exchange(method, path, body, asking)
            .await
            .map_err(|failure| Failure {
                asked_to_change: changes,
                ..failure
            })
    }

    async fn exchange<T: DeserializeOwned>(
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
        let bytes = match read_at_most(response, MAX_ANSWER_BYTES).await {
            Ok(Answer::Whole(bytes)) => bytes,
            Ok(Answer::Cut(_)) => return Err(Failure::new(Problem::NotMattermostServer)),
            Err(e) => return Err(Failure::new(network_problem(&e))),
        };
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
            // Too large, whoever says it (a proxy in front of Mattermost answers with its own page); Mattermost itself
            // refuses a message or props past their length with a 400 ("Try again" could not mend it).
            (413, _) => Problem::TooLarge,
            (400, _)
                if error.as_ref().is_some_and(|e| {
                    e.id.ends_with("is_valid.message_length.app_error")
                        || e.id.ends_with("is_valid.props.app_error")
                }) =>
            {
                Problem::TooLarge
            }
            // Not Mattermost's JSON: a proxy's page, or another web server at that address.
            (_, _) if error.is_none() && !(500..600).contains(&status) && status != 429 => {
                Problem::NotMattermostServer
            }
            (401, _) => Problem::NotSignedIn,
            (403, _) => Problem::NotAllowed,
            (404, Asking::Account) => Problem::NotMattermostServer,
            (404, Asking::Channel) => Problem::ChannelGone,
            (404, Asking::Post) => Problem::PostGone,
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
