//! Routing and the endpoints' behaviour, each after its handler in the server.

use serde_json::{json, Map, Value};

use super::{Fault, Post, State, User, MAX_MESSAGE_RUNES, MAX_PROPS_RUNES, PER_PAGE_MAX};
use crate::ids::is_valid_id;
use crate::{Reply, Request, HOOK_PATH};

/// An `AppError` on its way out: `server/public/model/utils.go` (`AppError`, `ToJSON`).
struct AppError {
    status: u16,
    id: &'static str,
    message: String,
    detailed: String,
}

type Answer = Result<Reply, AppError>;

/// An endpoint: the state, the session's user, the request, the path after `/api/v4/`, the query.
type Handler = fn(&mut State, &User, &Request, &[&str], &[(String, String)]) -> Answer;

fn err(status: u16, id: &'static str, message: impl Into<String>) -> AppError {
    AppError {
        status,
        id,
        message: message.into(),
        detailed: String::new(),
    }
}

/// `api.context.session_expired.app_error` (`web/handlers.go`, `web/context.go`).
fn session_expired() -> AppError {
    err(
        401,
        "api.context.session_expired.app_error",
        "Invalid or expired session, please login again.",
    )
}

/// `Context.SetPermissionError` (`app/authorization.go` `MakePermissionError`).
fn forbidden() -> AppError {
    err(
        403,
        "api.context.permissions.app_error",
        "You do not have the appropriate permissions.",
    )
}

/// `web.NewInvalidParamError` (`web/context.go`).
fn invalid_body(name: &str) -> AppError {
    err(
        400,
        "api.context.invalid_body_param.app_error",
        format!("Invalid or missing {name} in request body."),
    )
}

/// `web.NewInvalidURLParamError` (`web/context.go`).
fn invalid_url(name: &str) -> AppError {
    err(
        400,
        "api.context.invalid_url_param.app_error",
        format!("Invalid or missing {name} parameter in request URL."),
    )
}

fn post_not_found() -> AppError {
    err(404, "app.post.get.app_error", "Unable to get the post.")
}

/// An `AppError` reply with a fresh request id in the body and in `X-Request-Id` (`web/handlers.go`,
/// `handleContextError`; the detailed error is wiped outside developer mode).
pub fn app_error_reply(status: u16, id: &str, message: &str, request_id: &str) -> Reply {
    let body = json!({
        "id": id,
        "message": message,
        "detailed_error": "",
        "request_id": request_id,
        "status_code": status,
    });
    Reply {
        status,
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("X-Request-Id".into(), request_id.into()),
        ],
        body: body.to_string(),
    }
}

fn json_reply(status: u16, body: &Value) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type".into(), "application/json".into())],
        body: body.to_string(),
    }
}

/// Mattermost's answer over the rate limit: `app/ratelimit.go`, `RateLimitWriter` (`http.Error`, "limit exceeded").
pub fn rate_limited_reply(limit: u32, reset_seconds: u32) -> Reply {
    Reply {
        status: 429,
        headers: vec![
            ("Content-Type".into(), "text/plain; charset=utf-8".into()),
            ("X-Content-Type-Options".into(), "nosniff".into()),
            ("X-Ratelimit-Limit".into(), limit.to_string()),
            ("X-Ratelimit-Remaining".into(), "0".into()),
            ("X-Ratelimit-Reset".into(), reset_seconds.to_string()),
            ("Retry-After".into(), reset_seconds.to_string()),
        ],
        body: "limit exceeded\n".into(),
    }
}

/// Answers one request, or `None` to hold it open: a scripted fault, or what the server does.
pub(crate) fn answer(state: &mut State, request: &Request) -> Option<Reply> {
    match state.take_fault(request) {
        Some(Fault::Reply(reply)) => Some(reply),
        Some(Fault::Hang) => None,
        // The request is done, and its answer never arrives (a dropped connection, a client timeout).
        Some(Fault::LoseAnswer) => {
            let _ = respond(state, request);
            None
        }
        None => respond(state, request),
    }
}

/// What the server answers.
fn respond(state: &mut State, request: &Request) -> Option<Reply> {
    let (path, query) = split_query(&request.path);
    let segments: Vec<String> = path.split('/').skip(1).map(percent_decode).collect();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    if !segments.starts_with(&["api", "v4"]) && segments.first() != Some(&"hooks") {
        return Some(Reply::status(404, "404 page not found\n"));
    }
    let request_id = state.request_id();
    let mut reply = match route(state, request, &segments, &query) {
        Some(handler) => {
            if let Some(limited) = rate_limit(state) {
                return Some(limited);
            }
            match handler {
                Ok(reply) => reply,
                Err(e) => {
                    let mut reply = app_error_reply(e.status, e.id, &e.message, &request_id);
                    if !e.detailed.is_empty() {
                        reply.body = reply.body.replacen(
                            "\"detailed_error\":\"\"",
                            &format!("\"detailed_error\":{}", Value::String(e.detailed)),
                            1,
                        );
                    }
                    reply
                }
            }
        }
        // `web.Handle404` (`web/web.go`): no request id, and a detailed error naming the path.
        None => {
            let body = json!({
                "id": "api.context.404.app_error",
                "message": "Sorry, we could not find the page.",
                "detailed_error": format!("There doesn't appear to be an api call for the url='{path}'.  Typo? are you missing a team_id or user_id as part of the url?"),
                "status_code": 404,
            });
            return Some(json_reply(404, &body));
        }
    };
    if !reply
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("x-request-id"))
    {
        reply.headers.push(("X-Request-Id".into(), request_id));
    }
    if let Some(rate) = &state.rate {
        reply
            .headers
            .push(("X-Ratelimit-Limit".into(), rate.limit.to_string()));
        reply.headers.push((
            "X-Ratelimit-Remaining".into(),
            rate.limit.saturating_sub(rate.used).to_string(),
        ));
        reply.headers.push(("X-Ratelimit-Reset".into(), "1".into()));
    }
    Some(reply)
}

/// One-second windows of `limit` requests (the server's default is 10 a second, burst 100).
fn rate_limit(state: &mut State) -> Option<Reply> {
    let now = state.clock.now() / 1000;
    let rate = state.rate.as_mut()?;
    if rate.window != now {
        rate.window = now;
        rate.used = 0;
    }
    rate.used += 1;
    (rate.used > rate.limit).then(|| rate_limited_reply(rate.limit, 1))
}

/// Finds the handler; `None` for a route the server does not have.
fn route(
    state: &mut State,
    request: &Request,
    segments: &[&str],
    query: &[(String, String)],
) -> Option<Answer> {
    let method = request.method.as_str();
    if segments.first() == Some(&"hooks") {
        return (method == "POST" && segments.len() == 2).then(|| webhook(state, request));
    }
    let rest = &segments[2..];
    // Path variables must match the router's patterns (`[A-Za-z0-9]+` for ids), else the route is not there.
    let var = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric());
    let name = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let handler: Handler = match (method, rest) {
        ("GET", ["users", "me"]) => get_me,
        ("GET", ["users", "me", "teams"]) => get_my_teams,
        ("GET", ["users", "me", "teams", t, "channels"]) if var(t) => get_my_channels,
        ("GET", ["teams", "name", t]) if name(t) => get_team_by_name,
        ("GET", ["teams", "name", t, "channels", "name", c]) if name(t) && name(c) => get_channel_by_names,
        ("GET", ["channels", c, "members"]) if var(c) => get_channel_members,
        ("GET", ["channels", c, "posts"]) if var(c) => get_channel_posts_since,
        ("POST", ["users", "ids"]) => get_users_by_ids,
        ("POST", ["posts"]) => create_post,
        ("GET", ["posts", p]) if var(p) => get_post,
        ("DELETE", ["posts", p]) if var(p) => delete_post,
        ("PUT", ["posts", p, "patch"]) if var(p) => patch_post,
        ("GET", ["posts", p, "thread"]) if var(p) => get_thread,
        _ => return None,
    };
    Some(authenticate(state, request, query).and_then(|user| {
        let user = state.user_by_id(&user).cloned().ok_or_else(session_expired)?;
        handler(state, &user, request, rest, query)
    }))
}

/// The session from the token: `app.ParseAuthTokenFromRequest` and `web/handlers.go` (`ServeHTTP`).
fn authenticate(state: &State, request: &Request, query: &[(String, String)]) -> Result<String, AppError> {
    let from_header = request.header("authorization").and_then(|value| {
        let (scheme, token) = value.split_once(' ')?;
        (scheme.eq_ignore_ascii_case("bearer") || scheme.eq_ignore_ascii_case("token"))
            .then(|| token.trim().to_owned())
    });
    let from_query = query
        .iter()
        .find(|(k, _)| k == "access_token")
        .map(|(_, v)| v.clone());
    let (token, in_query) = match (from_header, from_query) {
        (Some(token), _) => (token, false),
        (None, Some(token)) => (token, true),
        (None, None) => return Err(session_expired()),
    };
    let user = state
        .users
        .iter()
        .find(|u| !token.is_empty() && u.token == token)
        .ok_or_else(session_expired)?;
    if in_query {
        return Err(err(
            401,
            "api.context.token_provided.app_error",
            "Session is not OAuth but token was provided in the query string.",
        ));
    }
    if state.tokens_disabled && !user.is_bot {
        return Err(session_expired());
    }
    Ok(user.id.clone())
}

/// `GET /api/v4/users/me` (`api4/user.go`, `getUser`).
fn get_me(state: &mut State, me: &User, _: &Request, _: &[&str], _: &[(String, String)]) -> Answer {
    Ok(json_reply(200, &state.user_json(me)))
}

/// `GET /api/v4/users/me/teams` (`api4/team.go`, `getTeamsForUser`).
fn get_my_teams(state: &mut State, me: &User, _: &Request, _: &[&str], _: &[(String, String)]) -> Answer {
    let teams: Vec<Value> = state
        .teams
        .iter()
        .filter(|t| state.in_team(&t.id, &me.id))
        .map(|t| state.team_json(t))
        .collect();
    Ok(json_reply(200, &Value::Array(teams)))
}

/// `GET /api/v4/teams/name/{name}` (`api4/team.go`, `getTeamByName`): a team the user is not in is forbidden (403).
fn get_team_by_name(
    state: &mut State,
    me: &User,
    _: &Request,
    rest: &[&str],
    _: &[(String, String)],
) -> Answer {
    let team = state.teams.iter().find(|t| t.name == rest[2]).ok_or_else(|| {
        err(
            404,
            "app.team.get_by_name.missing.app_error",
            "Unable to find the existing team.",
        )
    })?;
    if !state.in_team(&team.id, &me.id) {
        return Err(forbidden());
    }
    Ok(json_reply(200, &state.team_json(team)))
}

/// `GET /api/v4/users/me/teams/{team_id}/channels` (`api4/channel.go`, `getChannelsForTeamForUser`).
fn get_my_channels(
    state: &mut State,
    me: &User,
    _: &Request,
    rest: &[&str],
    _: &[(String, String)],
) -> Answer {
    let team_id = rest[3];
    if !is_valid_id(team_id) {
        return Err(invalid_url("team_id"));
    }
    if !state.in_team(team_id, &me.id) {
        return Err(forbidden());
    }
    let channels: Vec<Value> = state
        .channels
        .iter()
        .filter(|c| c.team_id == team_id && state.is_member(&c.id, &me.id))
        .map(|c| state.channel_json(c))
        .collect();
    Ok(json_reply(200, &Value::Array(channels)))
}

/// `GET /api/v4/teams/name/{team_name}/channels/name/{channel_name}` (`api4/channel.go`,
/// `getChannelByNameForTeamName`): a private channel the user is not in is "missing" (404), a public one in a team
/// the user is not in is forbidden (403).
fn get_channel_by_names(
    state: &mut State,
    me: &User,
    _: &Request,
    rest: &[&str],
    _: &[(String, String)],
) -> Answer {
    let (team_name, channel_name) = (rest[2], rest[5]);
    let team = state.teams.iter().find(|t| t.name == team_name).ok_or_else(|| {
        err(
            404,
            "app.team.get_by_name.missing.app_error",
            "Unable to find the existing team.",
        )
    })?;
    let missing = || {
        err(
            404,
            "app.channel.get_by_name.missing.app_error",
            "Channel does not exist.",
        )
    };
    let channel = state
        .channels
        .iter()
        .find(|c| c.team_id == team.id && c.name == channel_name)
        .ok_or_else(missing)?;
    let member = state.is_member(&channel.id, &me.id);
    if channel.kind == 'O' {
        if !member && !state.in_team(&team.id, &me.id) {
            return Err(forbidden());
        }
    } else if !member {
        return Err(missing());
    }
    Ok(json_reply(200, &state.channel_json(channel)))
}

/// `page`/`per_page` as `web.ParamsFromRequest` reads them: bad or negative values fall back to 0 and 60,
/// `per_page` above 200 is cut to 200.
fn paging(query: &[(String, String)]) -> (usize, usize) {
    let get = |key: &str| {
        query
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.parse::<i64>().ok())
    };
    let page = get("page").filter(|p| *p >= 0).unwrap_or(0) as usize;
    let per_page = match get("per_page") {
        Some(n) if n >= 0 => (n as usize).min(PER_PAGE_MAX),
        _ => 60,
    };
    (page, per_page)
}

/// The channel id of a route, checked as the server does: a malformed id is a bad URL (400), a channel that does not
/// exist or that `me` may not read is forbidden (403).
fn readable_channel<'a>(state: &State, me: &User, channel_id: &'a str) -> Result<&'a str, AppError> {
    if !is_valid_id(channel_id) {
        return Err(invalid_url("channel_id"));
    }
    let channel = state.channel(channel_id).ok_or_else(forbidden)?;
    if !state.can_read(channel, &me.id) {
        return Err(forbidden());
    }
    Ok(channel_id)
}

/// `GET /api/v4/channels/{channel_id}/members` (`api4/channel.go`, `getChannelMembers`).
fn get_channel_members(
    state: &mut State,
    me: &User,
    _: &Request,
    rest: &[&str],
    query: &[(String, String)],
) -> Answer {
    let channel_id = readable_channel(state, me, rest[1])?;
    let (page, per_page) = paging(query);
    let members: Vec<Value> = state
        .channel_members
        .iter()
        .filter(|(c, _)| c == channel_id)
        .skip(page * per_page)
        .take(per_page)
        .map(|(c, u)| state.member_json(c, u))
        .collect();
    Ok(json_reply(200, &Value::Array(members)))
}

/// `GET /api/v4/channels/{channel_id}/posts?since=<ms>` (`api4/post.go` `getPostsForChannel`, `GetPostsSince` in
/// `sqlstore/post_store.go`): every post of the channel changed after `since`, replies and deleted posts included,
/// with the roots of those replies in `posts` (not in `order`); newest first, 1,000 at most. Only the `since` form of
/// the route is here: the paged forms are not used by Pickboard.
fn get_channel_posts_since(
    state: &mut State,
    me: &User,
    _: &Request,
    rest: &[&str],
    query: &[(String, String)],
) -> Answer {
    let channel_id = readable_channel(state, me, rest[1])?;
    let since = match query.iter().find(|(k, _)| k == "since") {
        Some((_, v)) => v.parse::<i64>().map_err(|_| invalid_url("since"))?,
        None => return Err(invalid_url("since")),
    };
    let mut changed: Vec<&Post> = state
        .posts
        .iter()
        .filter(|p| p.channel_id == channel_id && p.update_at > since)
        .collect();
    changed.sort_by_key(|p| std::cmp::Reverse((p.create_at, p.id.clone())));
    changed.truncate(1000);
    let mut posts = Map::new();
    for p in &changed {
        posts.insert(p.id.clone(), state.post_json(p));
        if !p.root_id.is_empty() {
            if let Some(root) = state.posts.iter().find(|r| r.id == p.root_id) {
                posts.insert(root.id.clone(), state.post_json(root));
            }
        }
    }
    let order: Vec<&str> = changed.iter().map(|p| p.id.as_str()).collect();
    let list = json!({
        "order": order,
        "posts": posts,
        "next_post_id": "",
        "prev_post_id": "",
        "has_next": false,
        "first_inaccessible_post_time": 0,
    });
    Ok(json_reply(200, &list))
}

/// `POST /api/v4/users/ids` (`api4/user.go`, `getUsersByIds`).
fn get_users_by_ids(
    state: &mut State,
    _: &User,
    request: &Request,
    _: &[&str],
    _: &[(String, String)],
) -> Answer {
    let ids: Vec<String> = serde_json::from_str(&request.body).map_err(|_| invalid_body("user_ids"))?;
    if ids.is_empty() {
        return Err(invalid_body("user_ids"));
    }
    let mut seen = Vec::new();
    let users: Vec<Value> = ids
        .iter()
        .filter(|id| {
            let first = !seen.contains(*id);
            seen.push((*id).clone());
            first
        })
        .filter_map(|id| state.user_by_id(id))
        .map(|u| state.user_json(u))
        .collect();
    Ok(json_reply(200, &Value::Array(users)))
}

/// What `Post.IsValid` refuses (`server/public/model/post.go`).
fn check_post(message: &str, kind: &str, props: &Map<String, Value>) -> Result<(), AppError> {
    if message.chars().count() > MAX_MESSAGE_RUNES {
        return Err(err(
            400,
            "model.post.is_valid.message_length.app_error",
            "Post Message property is longer than the maximum permitted length.",
        ));
    }
    let known = kind.is_empty()
        || kind.starts_with("custom_")
        || ["slack_attachment", "system_generic", "me", "reminder", "card"].contains(&kind);
    if !known {
        return Err(err(400, "model.post.is_valid.type.app_error", "Invalid type."));
    }
    let props_runes = Value::Object(props.clone()).to_string().chars().count();
    if props_runes > MAX_PROPS_RUNES {
        return Err(err(400, "model.post.is_valid.props.app_error", "Invalid props."));
    }
    Ok(())
}

fn string_field(body: &Map<String, Value>, key: &str) -> Result<String, ()> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(()),
    }
}

fn props_field(body: &Map<String, Value>) -> Result<Option<Map<String, Value>>, ()> {
    match body.get("props") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(props)) => Ok(Some(props.clone())),
        Some(_) => Err(()),
    }
}

/// `POST /api/v4/posts` (`api4/post.go` `createPost`, `app/post.go` `CreatePostAsUser`/`CreatePost`): the
/// permission check comes first (an unknown channel is 403 too), then the thread, then `Post.IsValid`.
fn create_post(
    state: &mut State,
    me: &User,
    request: &Request,
    _: &[&str],
    _: &[(String, String)],
) -> Answer {
    let body: Map<String, Value> = serde_json::from_str(&request.body).map_err(|_| invalid_body("post"))?;
    let field = |key| string_field(&body, key).map_err(|()| invalid_body("post"));
    let (channel_id, message, root_id) = (field("channel_id")?, field("message")?, field("root_id")?);
    let (kind, pending_post_id) = (field("type")?, field("pending_post_id")?);
    let mut props = props_field(&body)
        .map_err(|()| invalid_body("post"))?
        .unwrap_or_default();
    if !state.is_member(&channel_id, &me.id) {
        return Err(forbidden());
    }
    if kind.starts_with("system_") {
        return Err(err(
            400,
            "api.context.invalid_param.app_error",
            "Invalid post.type parameter.",
        ));
    }
    // `Post.SanitizeProps`.
    props.remove("add_channel_member");
    props.remove("force_notification");
    if !root_id.is_empty() {
        let root_error = || {
            err(
                400,
                "api.post.create_post.root_id.app_error",
                "Invalid RootId parameter.",
            )
        };
        let root = state.live_post(&root_id).ok_or_else(root_error)?;
        if root.channel_id != channel_id {
            return Err(err(
                400,
                "api.post.create_post.channel_root_id.app_error",
                "Invalid ChannelId for RootId parameter.",
            ));
        }
        if !root.root_id.is_empty() {
            return Err(root_error());
        }
    }
    check_post(&message, &kind, &props)?;
    // `app/post.go` `deduplicateCreatePost`: the same `pending_post_id` within 30 s returns the post already made.
    if !pending_post_id.is_empty() {
        let now = state.clock.now();
        if let Some(made) = state.posts.iter().find(|p| {
            p.pending_post_id == pending_post_id && p.user_id == me.id && now - p.create_at < 30_000
        }) {
            let made = made.clone();
            return Ok(json_reply(201, &state.post_json(&made)));
        }
    }
    let mut post = state.insert_post(&me.id, &channel_id, &root_id, &message, props);
    if let Some(stored) = state.posts.iter_mut().find(|p| p.id == post.id) {
        stored.kind = kind;
        stored.pending_post_id = pending_post_id;
        post = stored.clone();
    }
    Ok(json_reply(201, &state.post_json(&post)))
}

/// `GET /api/v4/posts/{post_id}` (`api4/post.go` `getPost`, `app.GetPostIfAuthorized`): a deleted post is not found.
fn get_post(state: &mut State, me: &User, _: &Request, rest: &[&str], _: &[(String, String)]) -> Answer {
    let post = readable_post(state, me, rest[1])?;
    Ok(json_reply(200, &state.post_json(&post)))
}

/// `deletePost` (`api4/post.go`): a post that is not there, or someone else's (every user here is a plain member,
/// without `delete_others_posts`), is a permission error; the author's own goes, with its replies, and the answer is
/// `{"status":"OK"}`.
fn delete_post(state: &mut State, me: &User, _: &Request, rest: &[&str], _: &[(String, String)]) -> Answer {
    let id = rest[1];
    if !is_valid_id(id) {
        return Err(invalid_url("post_id"));
    }
    let post = state.live_post(id).cloned().ok_or_else(forbidden)?;
    if post.user_id != me.id || !state.is_member(&post.channel_id, &me.id) {
        return Err(forbidden());
    }
    state.delete_post(id);
    Ok(json_reply(200, &serde_json::json!({"status": "OK"})))
}

fn readable_post(state: &State, me: &User, id: &str) -> Result<Post, AppError> {
    if !is_valid_id(id) {
        return Err(invalid_url("post_id"));
    }
    let post = state.live_post(id).ok_or_else(post_not_found)?;
    let channel = state.channel(&post.channel_id).ok_or_else(forbidden)?;
    if !state.can_read(channel, &me.id) {
        return Err(forbidden());
    }
    Ok(post.clone())
}

/// `PUT /api/v4/posts/{post_id}/patch` (`api4/post.go` `patchPost`/`postPatchChecks`, `app.UpdatePost`): an unknown
/// or deleted post is a permission error (403), like someone else's post; `edit_at` moves when the message (or the
/// attachments) change, `update_at` always.
fn patch_post(
    state: &mut State,
    me: &User,
    request: &Request,
    rest: &[&str],
    _: &[(String, String)],
) -> Answer {
    let id = rest[1];
    if !is_valid_id(id) {
        return Err(invalid_url("post_id"));
    }
    let body: Map<String, Value> = serde_json::from_str(&request.body).map_err(|_| invalid_body("post"))?;
    let message = match body.get("message") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(invalid_body("post")),
    };
    let props = props_field(&body).map_err(|()| invalid_body("post"))?;
    let is_pinned = match body.get("is_pinned") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => return Err(invalid_body("post")),
    };
    let old = state.live_post(id).cloned().ok_or_else(forbidden)?;
    if old.user_id != me.id || !state.is_member(&old.channel_id, &me.id) {
        return Err(forbidden());
    }
    let new_message = message.unwrap_or_else(|| old.message.clone());
    let new_props = props.unwrap_or_else(|| old.props.clone());
    check_post(&new_message, &old.kind, &new_props)?;
    let now = state.clock.now();
    let post = state
        .posts
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(forbidden)?;
    if post.message != new_message || post.props.get("attachments") != new_props.get("attachments") {
        post.edit_at = now;
    }
    post.message = new_message;
    post.props = new_props;
    if let Some(pinned) = is_pinned {
        post.is_pinned = pinned;
    }
    post.update_at = now;
    let post = post.clone();
    Ok(json_reply(200, &state.post_json(&post)))
}

/// `GET /api/v4/posts/{post_id}/thread` (`api4/post.go` `getPostThread`, `SqlPostStore.Get`): the asked-for post
/// first in `order`, then the rest of its thread; deleted posts are left out.
fn get_thread(
    state: &mut State,
    me: &User,
    _: &Request,
    rest: &[&str],
    query: &[(String, String)],
) -> Answer {
    let id = rest[1];
    if !is_valid_id(id) {
        return Err(invalid_url("post_id"));
    }
    let get = |key: &str| {
        query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    };
    let number = |key: &'static str| -> Result<i64, AppError> {
        get(key).map_or(Ok(0), |v| v.parse().map_err(|_| invalid_body(key)))
    };
    let per_page: usize = match get("perPage") {
        None => 0,
        Some(v) => match v.parse::<usize>() {
            Ok(n) if n <= PER_PAGE_MAX => n,
            _ => return Err(invalid_body("perPage")),
        },
    };
    let from_create_at = number("fromCreateAt")?;
    let from_post = get("fromPost").unwrap_or_default().to_owned();
    if !from_post.is_empty() && from_create_at == 0 {
        return Err(invalid_body(
            "if fromPost is set, then fromCreateAt must also be set",
        ));
    }
    let from_update_at = number("fromUpdateAt")?;
    let detailed = |name: &str, details: &str| {
        let mut e = invalid_body(name);
        e.detailed = details.to_owned();
        e
    };
    if from_update_at != 0 && from_create_at != 0 {
        return Err(detailed(
            "fromUpdateAt",
            "both fromUpdateAt and fromCreateAt cannot be set",
        ));
    }
    let updates_only = get("updatesOnly") == Some("true");
    if updates_only && from_update_at == 0 {
        return Err(detailed(
            "fromUpdateAt",
            "fromUpdateAt must be set if updatesOnly is set",
        ));
    }
    let direction = match get("direction") {
        None => "",
        Some(d @ ("up" | "down")) => d,
        Some(_) => return Err(invalid_body("direction")),
    };
    if updates_only && direction == "up" {
        return Err(detailed(
            "updatesOnly",
            "updatesOnly flag cannot be used with up direction",
        ));
    }
    let post = readable_post(state, me, id)?;
    let root = if post.root_id.is_empty() {
        post.id.clone()
    } else {
        post.root_id.clone()
    };
    let mut others: Vec<&Post> = state
        .posts
        .iter()
        .filter(|p| (p.id == root || p.root_id == root) && p.id != id && p.delete_at == 0)
        .collect();
    let key = |p: &Post| {
        if from_update_at != 0 {
            (p.update_at, p.id.clone())
        } else {
            (p.create_at, p.id.clone())
        }
    };
    others.sort_by_key(|p| key(p));
    if direction == "up" {
        others.reverse();
    }
    if from_update_at != 0 {
        others.retain(|p| p.update_at > from_update_at);
    } else if from_create_at != 0 {
        let after = |p: &Post| {
            p.create_at > from_create_at
                || (p.create_at == from_create_at && !from_post.is_empty() && p.id > from_post)
        };
        let before = |p: &Post| {
            p.create_at < from_create_at
                || (p.create_at == from_create_at && !from_post.is_empty() && p.id < from_post)
        };
        others.retain(|p| if direction == "down" { after(p) } else { before(p) });
    }
    let has_next = per_page != 0 && others.len() > per_page;
    if per_page != 0 {
        others.truncate(per_page);
    }
    let mut order = vec![post.id.clone()];
    let mut posts = Map::new();
    posts.insert(post.id.clone(), state.post_json(&post));
    for p in others {
        order.push(p.id.clone());
        posts.insert(p.id.clone(), state.post_json(p));
    }
    let list = json!({
        "order": order,
        "posts": posts,
        "next_post_id": "",
        "prev_post_id": "",
        "has_next": has_next,
        "first_inaccessible_post_time": 0,
    });
    Ok(json_reply(200, &list))
}

/// `POST /hooks/{id}` in API mode (`web/webhook.go`, `app/webhook.go`): the text becomes posts in the hook's
/// channel by the hook's owner, cut at 16,383 code points like `SplitWebhookPost`; the answer is `200 ok`.
fn webhook(state: &mut State, request: &Request) -> Answer {
    let path = request.path.split('?').next().unwrap_or_default();
    if path != HOOK_PATH || state.hook_channel.is_empty() {
        return Err(err(
            400,
            "web.incoming_webhook.invalid.app_error",
            "Invalid webhook.",
        ));
    }
    let raw = if request
        .content_type()
        .starts_with("application/x-www-form-urlencoded")
    {
        parse_query(&request.body)
            .into_iter()
            .find(|(k, _)| k == "payload")
            .map(|(_, v)| v)
            .unwrap_or_default()
    } else {
        request.body.clone()
    };
    let payload: Map<String, Value> = serde_json::from_str(&raw).map_err(|_| {
        err(
            400,
            "api.webhook.incoming.error",
            "Could not decode the multipart payload of incoming webhook.",
        )
    })?;
    let text = payload
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let attachments = payload.get("attachments").cloned();
    if text.is_empty() && attachments.is_none() {
        return Err(err(
            400,
            "web.incoming_webhook.text.app_error",
            "No text specified.",
        ));
    }
    let mut props = payload
        .get("props")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    props.insert("from_webhook".into(), Value::String("true".into()));
    if let Some(name) = payload.get("username").and_then(Value::as_str) {
        props.insert("override_username".into(), Value::String(name.into()));
    }
    if let Some(attachments) = attachments {
        props.insert("attachments".into(), attachments);
    }
    let chars: Vec<char> = text.chars().collect();
    let parts: Vec<String> = if chars.is_empty() {
        vec![String::new()]
    } else {
        chars
            .chunks(MAX_MESSAGE_RUNES)
            .map(|c| c.iter().collect())
            .collect()
    };
    let (user, channel) = (state.hook_user.clone(), state.hook_channel.clone());
    for part in parts {
        state.insert_post(&user, &channel, "", &part, props.clone());
    }
    Ok(Reply::ok())
}

fn split_query(path: &str) -> (&str, Vec<(String, String)>) {
    match path.split_once('?') {
        Some((path, query)) => (path, parse_query(query)),
        None => (path, Vec::new()),
    }
}

fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| char::from(b).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                    }
                    _ => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
