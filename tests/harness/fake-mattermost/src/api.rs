//! A stateful fake of Mattermost's REST API v4: users with tokens, teams, channels with members, posts and threads,
//! answering as the server does (status codes, `AppError` bodies, `X-Request-Id`), with scriptable faults.
//!
//! Shapes follow the API reference (`api/v4/source/*.yaml`) and the server's model (`server/public/model/*.go`);
//! the behaviour of each endpoint follows its handler in `server/channels/api4/` (see `routes.rs`).

mod routes;

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};

use crate::ids::{id_for, id_from, Clock};
use crate::{Reply, Request};

pub(crate) use routes::{answer, app_error_reply, rate_limited_reply};

/// `model.PostMessageMaxRunesV2` (`server/public/model/post.go`): 65535 / 4 code points.
pub const MAX_MESSAGE_RUNES: usize = 16_383;
/// `model.PostPropsMaxRunes` (`server/public/model/post.go`): the props of a post as JSON, in code points.
pub const MAX_PROPS_RUNES: usize = 800_000;
/// `web.PerPageMaximum` (`server/channels/web/params.go`).
pub const PER_PAGE_MAX: usize = 200;

/// A user with one token (a personal access token, or a bot's token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub username: String,
    pub first_name: String,
    pub last_name: String,
    pub nickname: String,
    pub email: String,
    pub token: String,
    /// A bot's token keeps working when personal access tokens are disabled (`web/context.go`, `SessionRequired`).
    pub is_bot: bool,
}

impl User {
    /// `username` with `token`; the id follows from the username, the names are made up from it.
    pub fn new(username: &str, token: &str) -> User {
        let mut first = username.to_owned();
        if let Some(c) = first.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        User {
            id: id_for("user", username),
            username: username.to_owned(),
            first_name: first,
            last_name: "Tester".to_owned(),
            nickname: String::new(),
            email: format!("{username}@example.com"),
            token: token.to_owned(),
            is_bot: false,
        }
    }

    pub fn names(mut self, first: &str, last: &str) -> User {
        self.first_name = first.to_owned();
        self.last_name = last.to_owned();
        self
    }

    pub fn nickname(mut self, nickname: &str) -> User {
        self.nickname = nickname.to_owned();
        self
    }

    pub fn bot(mut self) -> User {
        self.is_bot = true;
        self
    }
}

/// A team (`type` "O"); its members are the users named here and the members of its channels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    pub id: String,
    /// The URL slug.
    pub name: String,
    pub display_name: String,
    members: Vec<String>,
}

impl Team {
    pub fn new(name: &str, display_name: &str) -> Team {
        Team {
            id: id_for("team", name),
            name: name.to_owned(),
            display_name: display_name.to_owned(),
            members: Vec::new(),
        }
    }

    /// Makes the user `username` a member of the team without being in any of its channels.
    pub fn member(mut self, username: &str) -> Team {
        self.members.push(username.to_owned());
        self
    }
}

/// A channel of a team: public (`O`) or private (`P`), with its members (usernames).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    pub id: String,
    /// The team's name (slug).
    pub team: String,
    pub name: String,
    pub display_name: String,
    /// `O` or `P`.
    pub kind: char,
    members: Vec<String>,
}

impl Channel {
    pub fn open(team: &str, name: &str, display_name: &str) -> Channel {
        Self::with_kind(team, name, display_name, 'O')
    }

    pub fn private(team: &str, name: &str, display_name: &str) -> Channel {
        Self::with_kind(team, name, display_name, 'P')
    }

    fn with_kind(team: &str, name: &str, display_name: &str, kind: char) -> Channel {
        Channel {
            id: id_for("channel", &format!("{team}/{name}")),
            team: team.to_owned(),
            name: name.to_owned(),
            display_name: display_name.to_owned(),
            kind,
            members: Vec::new(),
        }
    }

    pub fn member(mut self, username: &str) -> Channel {
        self.members.push(username.to_owned());
        self
    }

    pub fn members<'a>(mut self, usernames: impl IntoIterator<Item = &'a str>) -> Channel {
        self.members.extend(usernames.into_iter().map(str::to_owned));
        self
    }
}

/// A post as the fake keeps it. `kind` is the JSON field `type`.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub id: String,
    pub create_at: i64,
    pub update_at: i64,
    pub edit_at: i64,
    pub delete_at: i64,
    pub is_pinned: bool,
    pub user_id: String,
    pub channel_id: String,
    /// "" for a root post.
    pub root_id: String,
    pub message: String,
    pub kind: String,
    pub props: Map<String, Value>,
    pub pending_post_id: String,
}

/// What a scripted request gets instead of the normal answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    Reply(Reply),
    /// No answer: the connection is held open (longer than any client timeout in the tests).
    Hang,
    /// The request is carried out, but its answer never arrives: held open like [`Fault::Hang`].
    LoseAnswer,
}

#[derive(Debug)]
struct FaultRule {
    method: String,
    prefix: String,
    remaining: usize,
    fault: Fault,
}

#[derive(Debug, Default)]
struct RateLimit {
    limit: u32,
    window: i64,
    used: u32,
}

/// Builds the API fake: `FakeMattermost::api(port).user(..).team(..).channel(..).start().await`.
#[derive(Debug)]
pub struct ApiBuilder {
    pub(crate) port: u16,
    users: Vec<User>,
    teams: Vec<Team>,
    channels: Vec<Channel>,
    hook: Option<(String, String, String)>,
    rate_limit: Option<u32>,
}

impl ApiBuilder {
    pub(crate) fn new(port: u16) -> ApiBuilder {
        ApiBuilder {
            port,
            users: Vec::new(),
            teams: Vec::new(),
            channels: Vec::new(),
            hook: None,
            rate_limit: None,
        }
    }

    pub fn user(mut self, user: User) -> ApiBuilder {
        self.users.push(user);
        self
    }

    pub fn team(mut self, team: Team) -> ApiBuilder {
        self.teams.push(team);
        self
    }

    pub fn channel(mut self, channel: Channel) -> ApiBuilder {
        self.channels.push(channel);
        self
    }

    /// Where `POST /hooks/…` posts go, and as whom (default: the first channel, the first user).
    pub fn hook(mut self, team: &str, channel: &str, username: &str) -> ApiBuilder {
        self.hook = Some((team.to_owned(), channel.to_owned(), username.to_owned()));
        self
    }

    /// Turns on Mattermost's rate limiter: `limit` requests a second in all (`X-Ratelimit-*` on every answer, 429 over).
    pub fn rate_limit(mut self, limit: u32) -> ApiBuilder {
        self.rate_limit = Some(limit);
        self
    }

    /// Starts the server on 127.0.0.1. Panics on a setup error (a member or team that was not declared).
    pub async fn start(self) -> std::io::Result<crate::FakeMattermost> {
        let port = self.port;
        let state = self.into_state();
        crate::FakeMattermost::serve_api(port, state).await
    }

    fn into_state(self) -> State {
        let mut clock = Clock::default();
        let created = clock.now();
        let user_id = |name: &str| -> String {
            self.users
                .iter()
                .find(|u| u.username == name)
                .unwrap_or_else(|| panic!("fake-mattermost: unknown user {name:?}"))
                .id
                .clone()
        };
        let team_id = |name: &str| -> String {
            self.teams
                .iter()
                .find(|t| t.name == name)
                .unwrap_or_else(|| panic!("fake-mattermost: unknown team {name:?}"))
                .id
                .clone()
        };
        let mut team_members = BTreeSet::new();
        for team in &self.teams {
            for member in &team.members {
                team_members.insert((team.id.clone(), user_id(member)));
            }
        }
        let mut channels = Vec::new();
        let mut channel_members = Vec::new();
        for channel in &self.channels {
            let team = team_id(&channel.team);
            for member in &channel.members {
                let user = user_id(member);
                team_members.insert((team.clone(), user.clone()));
                if !channel_members.contains(&(channel.id.clone(), user.clone())) {
                    channel_members.push((channel.id.clone(), user));
                }
            }
            channels.push(ChannelRec {
                id: channel.id.clone(),
                team_id: team,
                name: channel.name.clone(),
                display_name: channel.display_name.clone(),
                kind: channel.kind,
            });
        }
        let hook_channel = match &self.hook {
            Some((team, channel, _)) => channels
                .iter()
                .find(|c| c.team_id == team_id(team) && c.name == *channel)
                .unwrap_or_else(|| panic!("fake-mattermost: unknown hook channel {team}/{channel}"))
                .id
                .clone(),
            None => channels.first().map(|c| c.id.clone()).unwrap_or_default(),
        };
        let hook_user = match &self.hook {
            Some((_, _, user)) => user_id(user),
            None => self.users.first().map(|u| u.id.clone()).unwrap_or_default(),
        };
        State {
            created,
            users: self.users,
            teams: self.teams,
            team_members,
            channels,
            channel_members,
            posts: Vec::new(),
            tokens_disabled: false,
            faults: Vec::new(),
            rate: self.rate_limit.map(|limit| RateLimit {
                limit,
                ..RateLimit::default()
            }),
            clock,
            seq: 0,
            hook_channel,
            hook_user,
        }
    }
}

#[derive(Debug, Clone)]
struct ChannelRec {
    id: String,
    team_id: String,
    name: String,
    display_name: String,
    kind: char,
}

/// The fake server's data.
#[derive(Debug)]
pub(crate) struct State {
    created: i64,
    users: Vec<User>,
    teams: Vec<Team>,
    team_members: BTreeSet<(String, String)>,
    channels: Vec<ChannelRec>,
    channel_members: Vec<(String, String)>,
    posts: Vec<Post>,
    tokens_disabled: bool,
    faults: Vec<FaultRule>,
    rate: Option<RateLimit>,
    clock: Clock,
    seq: u64,
    hook_channel: String,
    hook_user: String,
}

impl State {
    fn next_id(&mut self) -> String {
        self.seq += 1;
        id_from(self.seq ^ 0x5eed_0000_0000_0000)
    }

    pub(crate) fn request_id(&mut self) -> String {
        self.next_id()
    }

    /// The fault scripted for this request, if any (and one use of it spent).
    fn take_fault(&mut self, request: &Request) -> Option<Fault> {
        let path = request.path.split('?').next().unwrap_or_default();
        let rule = self.faults.iter_mut().find(|r| {
            r.remaining > 0
                && (r.method.is_empty() || r.method.eq_ignore_ascii_case(&request.method))
                && path.starts_with(&r.prefix)
        })?;
        rule.remaining -= 1;
        let fault = rule.fault.clone();
        self.faults.retain(|r| r.remaining > 0);
        Some(fault)
    }

    pub(crate) fn add_fault(&mut self, n: usize, method: &str, prefix: &str, fault: Fault) {
        self.faults.push(FaultRule {
            method: method.to_owned(),
            prefix: prefix.to_owned(),
            remaining: n,
            fault,
        });
    }

    pub(crate) fn set_tokens_disabled(&mut self, disabled: bool) {
        self.tokens_disabled = disabled;
    }

    pub(crate) fn set_rate_limit(&mut self, limit: Option<u32>) {
        self.rate = limit.map(|limit| RateLimit {
            limit,
            ..RateLimit::default()
        });
    }

    fn user_by_id(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    fn channel(&self, id: &str) -> Option<&ChannelRec> {
        self.channels.iter().find(|c| c.id == id)
    }

    fn is_member(&self, channel_id: &str, user_id: &str) -> bool {
        self.channel_members
            .iter()
            .any(|(c, u)| c == channel_id && u == user_id)
    }

    fn in_team(&self, team_id: &str, user_id: &str) -> bool {
        self.team_members
            .contains(&(team_id.to_owned(), user_id.to_owned()))
    }

    /// `SessionHasPermissionToReadChannel`: a member, or a team member for a public channel.
    fn can_read(&self, channel: &ChannelRec, user_id: &str) -> bool {
        self.is_member(&channel.id, user_id)
            || (channel.kind == 'O' && self.in_team(&channel.team_id, user_id))
    }

    pub(crate) fn post(&self, id: &str) -> Option<&Post> {
        self.posts.iter().find(|p| p.id == id)
    }

    fn live_post(&self, id: &str) -> Option<&Post> {
        self.post(id).filter(|p| p.delete_at == 0)
    }

    pub(crate) fn channel_posts(&self, channel_id: &str) -> Vec<Post> {
        self.posts
            .iter()
            .filter(|p| p.channel_id == channel_id)
            .cloned()
            .collect()
    }

    pub(crate) fn thread(&self, root_id: &str) -> Vec<Post> {
        self.posts
            .iter()
            .filter(|p| p.id == root_id || p.root_id == root_id)
            .cloned()
            .collect()
    }

    /// Adds a post as `user_id` without any check (for a test's setup).
    pub(crate) fn insert_post(
        &mut self,
        user_id: &str,
        channel_id: &str,
        root_id: &str,
        message: &str,
        props: Map<String, Value>,
    ) -> Post {
        let now = self.clock.now();
        let post = Post {
            id: self.next_id(),
            create_at: now,
            update_at: now,
            edit_at: 0,
            delete_at: 0,
            is_pinned: false,
            user_id: user_id.to_owned(),
            channel_id: channel_id.to_owned(),
            root_id: root_id.to_owned(),
            message: message.to_owned(),
            kind: String::new(),
            props,
            pending_post_id: String::new(),
        };
        self.posts.push(post.clone());
        post
    }

    /// Soft-deletes a post as its author would (`SqlPostStore.Delete`): the post, and a root's replies with it.
    pub(crate) fn forget_pending_post_ids(&mut self) {
        for post in &mut self.posts {
            post.pending_post_id.clear();
        }
    }

    pub(crate) fn delete_post(&mut self, id: &str) -> bool {
        let Some(author) = self.post(id).map(|p| p.user_id.clone()) else {
            return false;
        };
        let now = self.clock.now();
        for post in self.posts.iter_mut() {
            if (post.id == id || post.root_id == id) && post.delete_at == 0 {
                post.delete_at = now;
                post.update_at = now;
                post.props
                    .insert("deleteBy".into(), Value::String(author.clone()));
            }
        }
        true
    }

    /// Changes a post's message as someone editing it in Mattermost would.
    pub(crate) fn edit_post(&mut self, id: &str, message: &str) -> Option<Post> {
        let now = self.clock.now();
        let post = self.posts.iter_mut().find(|p| p.id == id)?;
        post.message = message.to_owned();
        post.edit_at = now;
        post.update_at = now;
        Some(post.clone())
    }

    fn reply_count(&self, post: &Post) -> usize {
        let root = if post.root_id.is_empty() {
            &post.id
        } else {
            &post.root_id
        };
        self.posts
            .iter()
            .filter(|p| p.root_id == *root && p.delete_at == 0)
            .count()
    }

    /// The post as the API sends it (`model.Post`, after `PreparePostForClient`).
    fn post_json(&self, post: &Post) -> Value {
        json!({
            "id": post.id,
            "create_at": post.create_at,
            "update_at": post.update_at,
            "edit_at": post.edit_at,
            "delete_at": post.delete_at,
            "is_pinned": post.is_pinned,
            "user_id": post.user_id,
            "channel_id": post.channel_id,
            "root_id": post.root_id,
            "original_id": "",
            "message": post.message,
            "type": post.kind,
            "props": post.props,
            "hashtags": "",
            "file_ids": [],
            "pending_post_id": post.pending_post_id,
            "reply_count": self.reply_count(post),
            "last_reply_at": 0,
            "participants": null,
            "metadata": {},
        })
    }

    /// `model.User` as `/users/me` and `/users/ids` send it.
    fn user_json(&self, user: &User) -> Value {
        json!({
            "id": user.id,
            "create_at": self.created,
            "update_at": self.created,
            "delete_at": 0,
            "username": user.username,
            "auth_data": "",
            "auth_service": "",
            "email": user.email,
            "email_verified": true,
            "nickname": user.nickname,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "position": "",
            "roles": "system_user",
            "locale": "en",
            "timezone": {"automaticTimezone": "", "manualTimezone": "", "useAutomaticTimezone": "true"},
            "is_bot": user.is_bot,
            "disable_welcome_email": false,
        })
    }

    /// `model.Team`.
    fn team_json(&self, team: &Team) -> Value {
        json!({
            "id": team.id,
            "create_at": self.created,
            "update_at": self.created,
            "delete_at": 0,
            "display_name": team.display_name,
            "name": team.name,
            "description": "",
            "email": "",
            "type": "O",
            "company_name": "",
            "allowed_domains": "",
            "invite_id": id_for("invite", &team.name),
            "allow_open_invite": false,
            "scheme_id": null,
            "group_constrained": null,
            "policy_id": null,
            "cloud_limits_archived": false,
        })
    }

    /// `model.Channel`.
    fn channel_json(&self, channel: &ChannelRec) -> Value {
        let posts: Vec<&Post> = self
            .posts
            .iter()
            .filter(|p| p.channel_id == channel.id && p.delete_at == 0)
            .collect();
        let last_post_at = posts.iter().map(|p| p.create_at).max().unwrap_or(0);
        let last_root_post_at = posts
            .iter()
            .filter(|p| p.root_id.is_empty())
            .map(|p| p.create_at)
            .max()
            .unwrap_or(0);
        json!({
            "id": channel.id,
            "create_at": self.created,
            "update_at": self.created,
            "delete_at": 0,
            "team_id": channel.team_id,
            "type": channel.kind.to_string(),
            "display_name": channel.display_name,
            "name": channel.name,
            "header": "",
            "purpose": "",
            "last_post_at": last_post_at,
            "total_msg_count": posts.len(),
            "extra_update_at": 0,
            "creator_id": "",
            "scheme_id": null,
            "props": null,
            "group_constrained": null,
            "shared": null,
            "total_msg_count_root": posts.iter().filter(|p| p.root_id.is_empty()).count(),
            "policy_id": null,
            "last_root_post_at": last_root_post_at,
        })
    }

    /// `model.ChannelMember`.
    fn member_json(&self, channel_id: &str, user_id: &str) -> Value {
        json!({
            "channel_id": channel_id,
            "user_id": user_id,
            "roles": "channel_user",
            "last_viewed_at": 0,
            "msg_count": 0,
            "mention_count": 0,
            "mention_count_root": 0,
            "urgent_mention_count": 0,
            "msg_count_root": 0,
            "notify_props": {
                "desktop": "default",
                "email": "default",
                "ignore_channel_mentions": "default",
                "mark_unread": "all",
                "push": "default",
            },
            "last_update_at": self.created,
            "scheme_guest": false,
            "scheme_user": true,
            "scheme_admin": false,
            "explicit_roles": "",
        })
    }
}
