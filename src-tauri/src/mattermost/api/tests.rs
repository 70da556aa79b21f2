//! The API client against the fake Mattermost server (`tests/harness/fake-mattermost`), which answers as the server's
//! handlers do: every refusal in the user's words, with Mattermost's message, error id and request id, never the token.

use std::time::Duration;

use fake_mattermost::{Channel, FakeMattermost, Reply, Team, User};

use super::*;

const TOKEN: &str = "9x3kqkp8cbgm5ebxnt3ukjfd1h";

async fn server() -> FakeMattermost {
    FakeMattermost::api(0)
        .user(User::new("ana", TOKEN).names("Ana", "Ribeiro"))
        .user(User::new("bo", "bo-token-xxxxxxxxxxxxxxxxxx"))
        .team(Team::new("infra", "Infrastructure").member("ana"))
        .channel(Channel::open("infra", "planning", "Planning").members(["ana", "bo"]))
        .channel(Channel::private("infra", "secret", "Secret").members(["ana"]))
        .channel(Channel::open("infra", "elsewhere", "Elsewhere").members(["bo"]))
        .start()
        .await
        .unwrap()
}

fn api(fake: &FakeMattermost, token: &str) -> Api {
    let server = ServerUrl::parse(&fake.address).unwrap();
    Api::new(server, Token::parse(token).unwrap(), Duration::from_secs(2)).unwrap()
}

fn planning() -> String {
    Channel::open("infra", "planning", "").id
}

#[tokio::test]
async fn the_account_its_teams_and_channels_are_read_with_the_bearer_token() {
    let fake = server().await;
    let api = api(&fake, TOKEN);
    let me = api.me().await.unwrap();
    assert_eq!(
        (me.username.as_str(), me.display_name().as_str()),
        ("ana", "Ana Ribeiro")
    );
    let teams = api.teams().await.unwrap();
    assert_eq!(teams.len(), 1);
    assert_eq!(
        (teams[0].name.as_str(), teams[0].display_name.as_str()),
        ("infra", "Infrastructure")
    );
    let mut names: Vec<String> = api
        .channels(&teams[0].id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    names.sort();
    assert_eq!(names, ["planning", "secret"]);
    let found = api.channel_by_name("infra", "planning").await.unwrap();
    assert_eq!(found.id, planning());
    for request in fake.received() {
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {TOKEN}").as_str())
        );
        assert!(
            !request.path.contains(TOKEN),
            "the token never goes in the address"
        );
    }
}

#[tokio::test]
async fn a_thread_is_made_of_replies_to_the_first_post_and_a_post_is_updated_in_place() {
    let fake = server().await;
    let api = api(&fake, TOKEN);
    let root = api.create_post(&planning(), "Part 1", None).await.unwrap();
    let reply = api
        .create_post(&planning(), "Part 2", Some(&root.id))
        .await
        .unwrap();
    assert_eq!(reply.root_id, root.id);
    let thread = fake.thread(&root.id);
    assert_eq!(
        thread.iter().map(|p| p.message.as_str()).collect::<Vec<_>>(),
        ["Part 1", "Part 2"]
    );
    let patched = api.patch_post(&root.id, "Part 1, updated").await.unwrap();
    assert_eq!(patched.id, root.id);
    let kept = fake.post(&root.id).unwrap();
    assert_eq!(kept.message, "Part 1, updated");
    assert!(kept.edit_at > 0);
}

fn refusal(result: Result<impl std::fmt::Debug, Failure>) -> Failure {
    result.expect_err("Mattermost refused it")
}

#[tokio::test]
async fn every_refusal_says_what_to_do_and_keeps_mattermosts_ids_but_never_the_token() {
    let fake = server().await;
    let wrong = refusal(api(&fake, "not-the-token").me().await);
    assert_eq!(wrong.problem, Problem::NotSignedIn);
    assert!(!wrong.retry);
    assert!(
        wrong.error_id.as_deref().unwrap().contains("session_expired"),
        "{wrong:?}"
    );
    assert!(
        wrong.request_id.as_deref().is_some_and(|r| r.len() == 26),
        "{wrong:?}"
    );
    assert!(wrong.detail.is_some());

    let api = api(&fake, TOKEN);
    fake.disable_personal_access_tokens(true);
    assert_eq!(refusal(api.me().await).problem, Problem::NotSignedIn);
    fake.disable_personal_access_tokens(false);

    // A channel the account is not in; an unknown channel is refused the same way (the permission check comes first).
    let elsewhere = Channel::open("infra", "elsewhere", "").id;
    assert_eq!(
        refusal(api.create_post(&elsewhere, "x", None).await).problem,
        Problem::NotAllowed
    );
    assert_eq!(
        refusal(api.channel_by_name("infra", "gone").await).problem,
        Problem::ChannelGone
    );
    // Typed by hand, a channel not found is named with how to check it, not said to be gone.
    let typed = crate::mattermost::destination::typed_channel_missing("infra", "gone").to_string();
    assert!(
        typed.contains("no channel “gone” in a team “infra” that your account can see")
            && typed.contains("…/infra/channels/gone"),
        "{typed}"
    );
    let root = api.create_post(&planning(), "x", None).await.unwrap();
    fake.delete_post(&root.id);
    let gone = refusal(api.patch_post(&root.id, "y").await);
    assert_eq!(gone.problem, Problem::PostGone, "{gone:?}");
    assert!(gone.message.contains("no longer in the channel"), "{gone:?}");

    fake.fail_next(1, "POST", "/api/v4/posts", Reply::proxy_page(413));
    assert_eq!(
        refusal(api.create_post(&planning(), "x", None).await).problem,
        Problem::TooLarge,
        "a proxy's own 413 page is still too large"
    );

    // Longer than a post can be: too large, not "refused, try again", which no retry could mend.
    let too_long = "x".repeat(16_384);
    let refused = refusal(api.create_post(&planning(), &too_long, None).await);
    assert_eq!(refused.problem, Problem::TooLarge, "{refused:?}");
    assert!(!refused.retry);

    fake.fail_next(
        1,
        "POST",
        "/api/v4/posts",
        Reply::app_error(
            413,
            "api.context.request_body_too_large.app_error",
            "Request body too large.",
        ),
    );
    assert_eq!(
        refusal(api.create_post(&planning(), "x", None).await).problem,
        Problem::TooLarge
    );

    fake.fail_next(1, "POST", "/api/v4/posts", Reply::rate_limited(10, 7));
    let limited = refusal(api.create_post(&planning(), "x", None).await);
    assert_eq!(
        (limited.problem, limited.retry, limited.retry_after_ms),
        (Problem::RateLimited, true, Some(7_000))
    );

    fake.fail_next(1, "", "/api/v4/users/me", Reply::proxy_page(502));
    let proxy = refusal(api.me().await);
    assert_eq!((proxy.problem, proxy.retry), (Problem::ServerError, true));
    assert!(proxy.detail.is_none(), "a proxy's page is not shown: {proxy:?}");

    fake.fail_next(
        1,
        "",
        "/api/v4/users/me",
        Reply::app_error(500, "app.x.app_error", "Internal error"),
    );
    assert_eq!(refusal(api.me().await).problem, Problem::ServerError);

    fake.fail_next(
        1,
        "",
        "/api/v4/users/me",
        Reply::status(200, "<html>a login page</html>"),
    );
    assert_eq!(refusal(api.me().await).problem, Problem::NotMattermostServer);

    fake.fail_next(
        1,
        "",
        "/api/v4/users/me",
        Reply::app_error(400, "api.x.app_error", &format!("bad token {TOKEN} here")),
    );
    let echoed = refusal(api.me().await);
    assert!(!format!("{echoed:?}").contains(TOKEN), "{echoed:?}");
    assert!(!crate::error::Error::Mattermost(Box::new(echoed))
        .to_string()
        .contains(TOKEN));
}

#[tokio::test]
async fn an_unreachable_or_silent_server_is_network_trouble_that_is_retried() {
    let fake = server().await;
    fake.hang_next(1, "", "/api/v4/users/me");
    let timeout = refusal(api(&fake, TOKEN).me().await);
    assert_eq!((timeout.problem, timeout.retry), (Problem::Timeout, true));

    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let server = ServerUrl::parse(&format!("http://127.0.0.1:{closed}")).unwrap();
    let api = Api::new(server, Token::parse(TOKEN).unwrap(), Duration::from_secs(2)).unwrap();
    let offline = refusal(api.me().await);
    assert_eq!((offline.problem, offline.retry), (Problem::Offline, true));
}

#[tokio::test]
async fn a_server_that_is_not_mattermost_says_so() {
    let web = FakeMattermost::answering(0, |_, _| Some(Reply::status(404, "<html>Not found</html>")))
        .await
        .unwrap();
    let failure = refusal(api(&web, TOKEN).me().await);
    assert_eq!(failure.problem, Problem::NotMattermostServer);
    assert!(failure.message.contains("not as a Mattermost server"));
}
