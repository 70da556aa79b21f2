//! The API fake checked over real HTTP with a raw client: status codes, shapes, auth, faults and threads.

use std::time::Duration;

use fake_mattermost::{
    is_valid_id, Channel, FakeMattermost, Reply, Team, User, HOOK_PATH, MAX_MESSAGE_RUNES,
};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const ALICE: &str = "token-alice";
const BOB: &str = "token-bob";
const CAROL: &str = "token-carol";
const BOT: &str = "token-bot";

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// Checks the `AppError` shape and returns its id.
    fn app_error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.header("content-type"), Some("application/json"));
        let body = self.json();
        let keys: Vec<&str> = body.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys.iter().copied().collect::<std::collections::BTreeSet<_>>(),
            ["detailed_error", "id", "message", "request_id", "status_code"].into()
        );
        assert_eq!(body["status_code"], status);
        let request_id = body["request_id"].as_str().unwrap();
        assert!(is_valid_id(request_id));
        assert_eq!(self.header("x-request-id"), Some(request_id));
        body["id"].as_str().unwrap().to_owned()
    }
}

async fn call(
    fake: &FakeMattermost,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Resp {
    let address = fake.address.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    if let Some(token) = token {
        head.push_str(&format!("Authorization: Bearer {token}\r\n"));
    }
    let body = body.unwrap_or_default();
    if !body.is_empty() {
        head.push_str("Content-Type: application/json\r\n");
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Resp {
        status,
        headers,
        body: body.to_owned(),
    }
}

async fn get(fake: &FakeMattermost, path: &str, token: &str) -> Resp {
    call(fake, "GET", path, Some(token), None).await
}

async fn post(fake: &FakeMattermost, path: &str, token: &str, body: &Value) -> Resp {
    call(fake, "POST", path, Some(token), Some(&body.to_string())).await
}

async fn put(fake: &FakeMattermost, path: &str, token: &str, body: &Value) -> Resp {
    call(fake, "PUT", path, Some(token), Some(&body.to_string())).await
}

/// alice and bob in infra (town-square public, ops private with alice only); carol only in team "other".
async fn fake() -> FakeMattermost {
    FakeMattermost::api(0)
        .user(User::new("alice", ALICE).names("Alice", "Archer").nickname("al"))
        .user(User::new("bob", BOB))
        .user(User::new("carol", CAROL))
        .user(User::new("pickbot", BOT).bot())
        .team(Team::new("infra", "Infrastructure"))
        .team(Team::new("other", "Other"))
        .channel(Channel::open("infra", "town-square", "Town Square").members(["alice", "bob", "pickbot"]))
        .channel(Channel::private("infra", "ops", "Ops").member("alice"))
        .channel(Channel::open("other", "lounge", "Lounge").member("carol"))
        .start()
        .await
        .unwrap()
}

fn town_square() -> String {
    Channel::open("infra", "town-square", "").id
}

#[tokio::test]
async fn users_me_answers_the_user_and_refuses_bad_tokens() {
    let fake = fake().await;
    let me = get(&fake, "/api/v4/users/me", ALICE).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.header("content-type"), Some("application/json"));
    assert!(is_valid_id(me.header("x-request-id").unwrap()));
    let me = me.json();
    assert_eq!(me["id"], User::new("alice", ALICE).id);
    assert!(is_valid_id(me["id"].as_str().unwrap()));
    assert!(me["id"]
        .as_str()
        .unwrap()
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    assert_eq!(
        (me["username"].as_str(), me["first_name"].as_str()),
        (Some("alice"), Some("Alice"))
    );
    assert_eq!(
        (me["last_name"].as_str(), me["nickname"].as_str()),
        (Some("Archer"), Some("al"))
    );

    let none = call(&fake, "GET", "/api/v4/users/me", None, None).await;
    assert_eq!(none.app_error(401), "api.context.session_expired.app_error");
    assert_eq!(
        none.json()["message"],
        "Invalid or expired session, please login again."
    );
    let wrong = get(&fake, "/api/v4/users/me", "nope").await;
    assert_eq!(wrong.app_error(401), "api.context.session_expired.app_error");
    let in_query = call(
        &fake,
        "GET",
        &format!("/api/v4/users/me?access_token={ALICE}"),
        None,
        None,
    )
    .await;
    assert_eq!(in_query.app_error(401), "api.context.token_provided.app_error");

    fake.disable_personal_access_tokens(true);
    let off = get(&fake, "/api/v4/users/me", ALICE).await;
    assert_eq!(off.app_error(401), "api.context.session_expired.app_error");
    assert_eq!(
        get(&fake, "/api/v4/users/me", BOT).await.status,
        200,
        "a bot's token still works"
    );
    fake.disable_personal_access_tokens(false);
    assert_eq!(get(&fake, "/api/v4/users/me", ALICE).await.status, 200);
}

#[tokio::test]
async fn an_unknown_route_is_the_servers_404() {
    let fake = fake().await;
    let r = get(&fake, "/api/v4/nothing/here", ALICE).await;
    assert_eq!(r.status, 404);
    let body = r.json();
    assert_eq!(body["id"], "api.context.404.app_error");
    assert_eq!(body["message"], "Sorry, we could not find the page.");
    assert!(body["detailed_error"]
        .as_str()
        .unwrap()
        .contains("/api/v4/nothing/here"));
    // A wrong method is not a route either; and no token is needed to learn that.
    let r = call(&fake, "DELETE", "/api/v4/users/me", None, None).await;
    assert_eq!(r.json()["id"], "api.context.404.app_error");
}

#[tokio::test]
async fn teams_and_channels() {
    let fake = fake().await;
    let infra = Team::new("infra", "").id;
    let teams = get(&fake, "/api/v4/users/me/teams", ALICE).await;
    assert_eq!(teams.status, 200);
    let teams = teams.json();
    assert_eq!(teams.as_array().unwrap().len(), 1);
    assert_eq!(teams[0]["id"], infra);
    assert_eq!(
        (teams[0]["name"].as_str(), teams[0]["display_name"].as_str()),
        (Some("infra"), Some("Infrastructure"))
    );
    assert_eq!(teams[0]["type"], "O");

    let mine = get(&fake, &format!("/api/v4/users/me/teams/{infra}/channels"), BOB)
        .await
        .json();
    let names: Vec<&str> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["town-square"], "bob is not in the private channel");
    assert_eq!(mine[0]["team_id"], infra);
    assert_eq!(mine[0]["type"], "O");
    assert_eq!(mine[0]["display_name"], "Town Square");
    let alice = get(&fake, &format!("/api/v4/users/me/teams/{infra}/channels"), ALICE)
        .await
        .json();
    assert_eq!(alice.as_array().unwrap().len(), 2);
    assert_eq!(
        get(&fake, &format!("/api/v4/users/me/teams/{infra}/channels"), CAROL)
            .await
            .app_error(403),
        "api.context.permissions.app_error"
    );
    assert_eq!(
        get(&fake, "/api/v4/users/me/teams/short/channels", ALICE)
            .await
            .app_error(400),
        "api.context.invalid_url_param.app_error"
    );

    let by_name = get(&fake, "/api/v4/teams/name/infra/channels/name/town-square", BOB).await;
    assert_eq!(by_name.status, 200);
    assert_eq!(by_name.json()["id"], town_square());
    let private = get(&fake, "/api/v4/teams/name/infra/channels/name/ops", BOB).await;
    assert_eq!(
        private.app_error(404),
        "app.channel.get_by_name.missing.app_error"
    );
    assert_eq!(
        get(&fake, "/api/v4/teams/name/infra/channels/name/ops", ALICE)
            .await
            .json()["type"],
        "P"
    );
    let outsider = get(&fake, "/api/v4/teams/name/infra/channels/name/town-square", CAROL).await;
    assert_eq!(outsider.app_error(403), "api.context.permissions.app_error");
    let no_team = get(&fake, "/api/v4/teams/name/nope/channels/name/town-square", ALICE).await;
    assert_eq!(no_team.app_error(404), "app.team.get_by_name.missing.app_error");
    let no_channel = get(&fake, "/api/v4/teams/name/infra/channels/name/nope", ALICE).await;
    assert_eq!(
        no_channel.app_error(404),
        "app.channel.get_by_name.missing.app_error"
    );
}

#[tokio::test]
async fn channel_members_are_paged_200_at_most() {
    let mut builder = FakeMattermost::api(0)
        .user(User::new("alice", ALICE))
        .team(Team::new("t", "T"));
    let mut channel = Channel::open("t", "big", "Big").member("alice");
    let names: Vec<String> = (0..230).map(|i| format!("user{i}")).collect();
    for name in &names {
        builder = builder.user(User::new(name, &format!("tok-{name}")));
        channel = channel.member(name);
    }
    let fake = builder.channel(channel.clone()).start().await.unwrap();
    let path = |q: &str| format!("/api/v4/channels/{}/members?{q}", channel.id);
    let page0 = get(&fake, &path("page=0&per_page=1000"), ALICE).await.json();
    assert_eq!(page0.as_array().unwrap().len(), 200);
    assert_eq!(page0[0]["user_id"], User::new("alice", ALICE).id);
    assert_eq!(page0[0]["channel_id"], channel.id);
    let page1 = get(&fake, &path("page=1&per_page=200"), ALICE).await.json();
    assert_eq!(page1.as_array().unwrap().len(), 31);
    assert_eq!(
        get(&fake, &path(""), ALICE)
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        60,
        "60 by default"
    );
    let unknown = get(
        &fake,
        &format!("/api/v4/channels/{}/members", Channel::open("t", "x", "").id),
        ALICE,
    )
    .await;
    assert_eq!(unknown.app_error(403), "api.context.permissions.app_error");
}

#[tokio::test]
async fn users_by_ids() {
    let fake = fake().await;
    let ids = json!([
        User::new("bob", "").id,
        "zzzzzzzzzzzzzzzzzzzzzzzzzz",
        User::new("carol", "").id
    ]);
    let users = post(&fake, "/api/v4/users/ids", ALICE, &ids).await;
    assert_eq!(users.status, 200);
    let users = users.json();
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["bob", "carol"]);
    assert_eq!(
        post(&fake, "/api/v4/users/ids", ALICE, &json!([]))
            .await
            .app_error(400),
        "api.context.invalid_body_param.app_error"
    );
    assert_eq!(
        post(&fake, "/api/v4/users/ids", ALICE, &json!({"a": 1}))
            .await
            .app_error(400),
        "api.context.invalid_body_param.app_error"
    );
}

#[tokio::test]
async fn creating_posts() {
    let fake = fake().await;
    let channel = town_square();
    let made = post(
        &fake,
        "/api/v4/posts",
        ALICE,
        &json!({"channel_id": channel, "message": "hello", "props": {"pickboard": {"v": 1}}}),
    )
    .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let p = made.json();
    for key in [
        "id",
        "create_at",
        "update_at",
        "edit_at",
        "delete_at",
        "user_id",
        "channel_id",
        "root_id",
        "message",
        "type",
        "props",
        "metadata",
    ] {
        assert!(p.get(key).is_some(), "{key} missing");
    }
    assert!(is_valid_id(p["id"].as_str().unwrap()));
    assert_eq!(
        (p["root_id"].as_str(), p["type"].as_str(), p["edit_at"].as_i64()),
        (Some(""), Some(""), Some(0))
    );
    assert_eq!(p["create_at"], p["update_at"]);
    assert_eq!(p["user_id"], User::new("alice", "").id);
    assert_eq!(p["props"]["pickboard"]["v"], 1);
    assert_eq!(p["metadata"], json!({}));
    let root = p["id"].as_str().unwrap().to_owned();

    let reply = post(
        &fake,
        "/api/v4/posts",
        BOB,
        &json!({"channel_id": channel, "message": "re", "root_id": root}),
    )
    .await;
    assert_eq!(reply.status, 201);
    let reply = reply.json();
    assert!(
        reply["create_at"].as_i64() > p["create_at"].as_i64(),
        "the clock moves on"
    );
    let reply_id = reply["id"].as_str().unwrap();
    assert_eq!(fake.thread(&root).len(), 2);
    assert_eq!(fake.channel_posts(&channel).len(), 2);
    assert_eq!(fake.post(reply_id).unwrap().root_id, root);

    let ops = Channel::private("infra", "ops", "").id;
    let cases = [
        (
            BOB,
            json!({"channel_id": ops, "message": "x"}),
            403,
            "api.context.permissions.app_error",
        ),
        (
            ALICE,
            json!({"channel_id": Channel::open("infra", "gone", "").id, "message": "x"}),
            403,
            "api.context.permissions.app_error",
        ),
        (
            ALICE,
            json!({"channel_id": channel, "message": "x".repeat(MAX_MESSAGE_RUNES + 1)}),
            400,
            "model.post.is_valid.message_length.app_error",
        ),
        (
            ALICE,
            json!({"channel_id": channel, "message": "x", "props": {"big": "y".repeat(800_000)}}),
            400,
            "model.post.is_valid.props.app_error",
        ),
        (
            ALICE,
            json!({"channel_id": channel, "message": "x", "root_id": reply_id}),
            400,
            "api.post.create_post.root_id.app_error",
        ),
        (
            ALICE,
            json!({"channel_id": channel, "message": "x", "root_id": "zzzzzzzzzzzzzzzzzzzzzzzzzz"}),
            400,
            "api.post.create_post.root_id.app_error",
        ),
        (
            ALICE,
            json!({"channel_id": ops, "message": "x", "root_id": root}),
            400,
            "api.post.create_post.channel_root_id.app_error",
        ),
        (
            ALICE,
            json!({"channel_id": channel, "message": 5}),
            400,
            "api.context.invalid_body_param.app_error",
        ),
    ];
    for (token, body, status, id) in cases {
        assert_eq!(
            post(&fake, "/api/v4/posts", token, &body).await.app_error(status),
            id,
            "{}",
            &body.to_string()[..80.min(body.to_string().len())]
        );
    }
    let longest = post(
        &fake,
        "/api/v4/posts",
        ALICE,
        &json!({"channel_id": channel, "message": "é".repeat(MAX_MESSAGE_RUNES)}),
    )
    .await;
    assert_eq!(
        longest.status, 201,
        "16,383 code points are fine, whatever their bytes"
    );
    assert_eq!(fake.channel_posts(&channel).len(), 3);
}

#[tokio::test]
async fn getting_patching_and_deleted_posts() {
    let fake = fake().await;
    let channel = town_square();
    let mine = post(
        &fake,
        "/api/v4/posts",
        ALICE,
        &json!({"channel_id": channel, "message": "v1"}),
    )
    .await
    .json();
    let id = mine["id"].as_str().unwrap().to_owned();
    let got = get(&fake, &format!("/api/v4/posts/{id}"), BOB).await;
    assert_eq!(got.status, 200);
    assert_eq!(got.json()["message"], "v1");
    assert_eq!(
        get(&fake, &format!("/api/v4/posts/{id}"), CAROL)
            .await
            .app_error(403),
        "api.context.permissions.app_error"
    );
    assert_eq!(
        get(&fake, "/api/v4/posts/abc", ALICE).await.app_error(400),
        "api.context.invalid_url_param.app_error"
    );

    let patched = put(
        &fake,
        &format!("/api/v4/posts/{id}/patch"),
        ALICE,
        &json!({"message": "v2"}),
    )
    .await;
    assert_eq!(patched.status, 200);
    let patched = patched.json();
    assert_eq!(patched["message"], "v2");
    assert!(patched["edit_at"].as_i64().unwrap() > mine["create_at"].as_i64().unwrap());
    assert_eq!(patched["edit_at"], patched["update_at"]);
    assert_eq!(patched["create_at"], mine["create_at"]);
    let props_only = put(
        &fake,
        &format!("/api/v4/posts/{id}/patch"),
        ALICE,
        &json!({"props": {"k": "v"}}),
    )
    .await
    .json();
    assert_eq!(
        props_only["edit_at"], patched["edit_at"],
        "props alone are not an edit"
    );
    assert!(props_only["update_at"].as_i64() > patched["update_at"].as_i64());
    assert_eq!(
        (props_only["message"].as_str(), props_only["props"]["k"].as_str()),
        (Some("v2"), Some("v"))
    );
    assert_eq!(
        put(
            &fake,
            &format!("/api/v4/posts/{id}/patch"),
            BOB,
            &json!({"message": "x"})
        )
        .await
        .app_error(403),
        "api.context.permissions.app_error"
    );
    let long = json!({"message": "x".repeat(MAX_MESSAGE_RUNES + 1)});
    assert_eq!(
        put(&fake, &format!("/api/v4/posts/{id}/patch"), ALICE, &long)
            .await
            .app_error(400),
        "model.post.is_valid.message_length.app_error"
    );

    // DELETE: someone else's post is refused; the author's own goes, answered {"status":"OK"}, and once gone, it is
    // refused as not there.
    let path = format!("/api/v4/posts/{id}");
    let delete = |token| call(&fake, "DELETE", &path, Some(token), None);
    assert_eq!(
        delete(BOB).await.app_error(403),
        "api.context.permissions.app_error"
    );
    let deleted = delete(ALICE).await;
    assert_eq!(deleted.status, 200);
    assert_eq!(deleted.json(), json!({"status": "OK"}));
    assert_eq!(
        delete(ALICE).await.app_error(403),
        "api.context.permissions.app_error"
    );
    assert_eq!(
        get(&fake, &format!("/api/v4/posts/{id}"), ALICE)
            .await
            .app_error(404),
        "app.post.get.app_error"
    );
    assert_eq!(
        put(
            &fake,
            &format!("/api/v4/posts/{id}/patch"),
            ALICE,
            &json!({"message": "v3"})
        )
        .await
        .app_error(403),
        "api.context.permissions.app_error"
    );
    assert_ne!(fake.post(&id).unwrap().delete_at, 0);
}

#[tokio::test]
async fn threads_and_their_updates() {
    let fake = fake().await;
    let channel = town_square();
    let root = post(
        &fake,
        "/api/v4/posts",
        ALICE,
        &json!({"channel_id": channel, "message": "root"}),
    )
    .await
    .json();
    let root_id = root["id"].as_str().unwrap().to_owned();
    let bob = User::new("bob", "").id;
    let r1 = fake.add_post(&bob, &channel, &root_id, "one");
    let r2 = fake.add_post(&bob, &channel, &root_id, "two");
    let r3 = fake.add_post(&bob, &channel, &root_id, "three");

    let thread = get(&fake, &format!("/api/v4/posts/{root_id}/thread"), ALICE).await;
    assert_eq!(thread.status, 200);
    let list = thread.json();
    assert_eq!(list["order"], json!([root_id, r1.id, r2.id, r3.id]));
    assert_eq!(list["posts"].as_object().unwrap().len(), 4);
    assert_eq!(
        (list["next_post_id"].as_str(), list["prev_post_id"].as_str()),
        (Some(""), Some(""))
    );
    assert_eq!(list["posts"][&root_id]["reply_count"], 3);

    let mark = fake.post(&r3.id).unwrap().update_at;
    fake.edit_post(&r1.id, "one, edited").unwrap();
    assert!(fake.delete_post(&r2.id));
    let path = format!("/api/v4/posts/{root_id}/thread?fromUpdateAt={mark}&updatesOnly=true");
    let updates = get(&fake, &path, ALICE).await.json();
    assert_eq!(
        updates["order"],
        json!([root_id, r1.id]),
        "the root, and what changed since; deleted posts are not returned"
    );
    assert_eq!(updates["posts"][&r1.id]["message"], "one, edited");
    assert!(updates["posts"][&r1.id]["edit_at"].as_i64().unwrap() > mark);

    let full = get(&fake, &format!("/api/v4/posts/{root_id}/thread"), ALICE)
        .await
        .json();
    assert_eq!(full["order"], json!([root_id, r1.id, r3.id]));

    let bad = [
        format!("/api/v4/posts/{root_id}/thread?fromUpdateAt={mark}&updatesOnly=true&direction=up"),
        format!("/api/v4/posts/{root_id}/thread?fromUpdateAt={mark}&fromCreateAt=1"),
        format!("/api/v4/posts/{root_id}/thread?updatesOnly=true"),
        format!("/api/v4/posts/{root_id}/thread?perPage=201"),
    ];
    for path in bad {
        assert_eq!(
            get(&fake, &path, ALICE).await.app_error(400),
            "api.context.invalid_body_param.app_error",
            "{path}"
        );
    }
    let down = get(
        &fake,
        &format!("/api/v4/posts/{root_id}/thread?fromUpdateAt={mark}&updatesOnly=true&direction=down"),
        ALICE,
    )
    .await;
    assert_eq!(down.status, 200);
    assert_eq!(
        get(&fake, &format!("/api/v4/posts/{root_id}/thread"), CAROL)
            .await
            .app_error(403),
        "api.context.permissions.app_error"
    );
    assert!(fake.delete_post(&root_id));
    assert_eq!(
        get(&fake, &format!("/api/v4/posts/{root_id}/thread"), ALICE)
            .await
            .app_error(404),
        "app.post.get.app_error"
    );
    assert!(
        fake.thread(&root_id).iter().all(|p| p.delete_at != 0),
        "a root takes its replies with it"
    );
}

#[tokio::test]
async fn scripted_faults_then_normal_again() {
    let fake = fake().await;
    fake.fail_next(2, "POST", "/api/v4/posts", Reply::rate_limited(10, 3));
    fake.fail_next(1, "GET", "/api/v4/users/me", Reply::proxy_page(502));
    fake.fail_next(
        1,
        "",
        "/api/v4/users/me",
        Reply::status(200, "<html>login</html>"),
    );
    fake.fail_next(
        1,
        "GET",
        "/api/v4/users/me",
        Reply::app_error(500, "app.user.get.app_error", "Unable to get the user."),
    );
    let body = json!({"channel_id": town_square(), "message": "m"});
    for _ in 0..2 {
        let r = post(&fake, "/api/v4/posts", ALICE, &body).await;
        assert_eq!((r.status, r.body.as_str()), (429, "limit exceeded\n"));
        assert_eq!(
            (r.header("retry-after"), r.header("x-ratelimit-reset")),
            (Some("3"), Some("3"))
        );
    }
    assert_eq!(post(&fake, "/api/v4/posts", ALICE, &body).await.status, 201);
    let proxy = get(&fake, "/api/v4/users/me", ALICE).await;
    assert_eq!(
        (proxy.status, proxy.header("content-type")),
        (502, Some("text/html"))
    );
    let not_json = get(&fake, "/api/v4/users/me", ALICE).await;
    assert_eq!(not_json.status, 200);
    assert!(serde_json::from_str::<Value>(&not_json.body).is_err());
    assert_eq!(
        get(&fake, "/api/v4/users/me", ALICE).await.app_error(500),
        "app.user.get.app_error"
    );
    assert_eq!(get(&fake, "/api/v4/users/me", ALICE).await.status, 200);

    fake.hang_next(1, "GET", "/api/v4/users/me");
    let hung = tokio::time::timeout(Duration::from_millis(300), get(&fake, "/api/v4/users/me", ALICE)).await;
    assert!(hung.is_err(), "no answer");
    assert_eq!(get(&fake, "/api/v4/users/me", ALICE).await.status, 200);
    assert_eq!(
        fake.channel_posts(&town_square()).len(),
        1,
        "refused requests made no posts"
    );
    assert!(fake.received().len() >= 9);
}

#[tokio::test]
async fn rate_limit_headers_and_refusal() {
    let fake = FakeMattermost::api(0)
        .user(User::new("alice", ALICE))
        .rate_limit(1000)
        .start()
        .await
        .unwrap();
    let r = get(&fake, "/api/v4/users/me", ALICE).await;
    assert_eq!(r.header("x-ratelimit-limit"), Some("1000"));
    assert!(r.header("x-ratelimit-remaining").is_some());
    assert_eq!(r.header("x-ratelimit-reset"), Some("1"));
    fake.set_rate_limit(Some(0));
    let r = get(&fake, "/api/v4/users/me", ALICE).await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").is_some());
    fake.set_rate_limit(None);
    let r = get(&fake, "/api/v4/users/me", ALICE).await;
    assert_eq!((r.status, r.header("x-ratelimit-limit")), (200, None));
}

#[tokio::test]
async fn the_webhook_posts_into_its_channel() {
    let fake = fake().await;
    let hook = call(
        &fake,
        "POST",
        HOOK_PATH,
        None,
        Some(&json!({"text": "from the hook", "username": "Pickboard"}).to_string()),
    )
    .await;
    assert_eq!((hook.status, hook.body.as_str()), (200, "ok"));
    assert_eq!(fake.url, format!("{}{HOOK_PATH}", fake.address));
    let posts = fake.channel_posts(&town_square());
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].message, "from the hook");
    assert_eq!(posts[0].props["from_webhook"], "true");
    assert_eq!(posts[0].props["override_username"], "Pickboard");
    let long = "y".repeat(MAX_MESSAGE_RUNES + 10);
    call(
        &fake,
        "POST",
        HOOK_PATH,
        None,
        Some(&json!({"text": long}).to_string()),
    )
    .await;
    assert_eq!(
        fake.channel_posts(&town_square()).len(),
        3,
        "a long text is split"
    );
    let empty = call(&fake, "POST", HOOK_PATH, None, Some("{}")).await;
    assert_eq!(empty.app_error(400), "web.incoming_webhook.text.app_error");
    let other = call(
        &fake,
        "POST",
        "/hooks/unknownhook",
        None,
        Some("{\"text\":\"x\"}"),
    )
    .await;
    assert_eq!(other.app_error(400), "web.incoming_webhook.invalid.app_error");
}

#[tokio::test]
async fn the_webhook_only_fake_is_unchanged() {
    let fake = FakeMattermost::ok(0).await.unwrap();
    let r = call(&fake, "POST", HOOK_PATH, None, Some("{\"text\":\"hi\"}")).await;
    assert_eq!((r.status, r.body.as_str()), (200, "ok"));
    assert_eq!(fake.bodies(), ["{\"text\":\"hi\"}"]);
}
