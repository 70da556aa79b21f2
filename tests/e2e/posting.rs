//! Posting to Mattermost through the real app, against a real HTTP server on 127.0.0.1 that answers as Mattermost does.

use std::time::{Duration, Instant};

use pickboard_e2e::mattermost::FakeMattermost;
use pickboard_e2e::{App, TestResult};

async fn set_channel(app: &App, url: &str) -> TestResult {
    let field = app.wait_for_css("[role=dialog] input[type=password]").await?;
    field.send_keys(url).await?;
    app.click_button("Save channel").await?;
    app.wait_for_css(".post-preview table").await?;
    Ok(())
}

#[tokio::test]
async fn the_outcome_is_posted_to_the_channel_and_an_outbox_post_goes_out_when_the_server_is_back(
) -> TestResult {
    let data = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    let url = server.url.clone();
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;

    // Point the board at the server, look at the preview, post.
    app.click_button("Post to channel").await?;
    set_channel(&app, &url).await?;
    let preview = app.wait_for_css(".post-preview").await?.text().await?;
    assert!(
        preview.contains("PICK outcome: Platform team — next quarter"),
        "{preview}"
    );
    app.screenshot("post-preview.png").await?;
    let clicked = Instant::now();
    app.click_button("Post").await?;
    app.wait_until("Posted shows", "return [...document.querySelectorAll('.toast')].some(t => t.textContent.startsWith('Posted to Mattermost'));").await?;
    let elapsed = clicked.elapsed();
    println!(
        "click → Posted against the local server: {} ms",
        elapsed.as_millis()
    );

    let received = server.bodies();
    assert_eq!(received.len(), 1, "one request for a short message");
    let json: serde_json::Value = serde_json::from_str(&received[0])?;
    let text = json["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with("#### PICK outcome: Platform team — next quarter"),
        "{text}"
    );
    assert!(
        text.contains("| 1 | Turn on automated dependency updates for the infra repos | ana | 8 | 1.5 |"),
        "{text}"
    );
    assert!(
        !received[0].contains("xq9k3rj1d7nbtefhw8o5yzpa4c"),
        "the hook id is not in the message"
    );

    // Nothing changed since the post: the dialog says so, and offers to post again.
    app.click_button("Post to channel").await?;
    let said = post_hint(&app, "Post again").await?;
    assert!(
        said.starts_with("Nothing on this board has changed since its last post, "),
        "{said}"
    );
    app.screenshot("post-again.png").await?;
    app.click_button("Cancel").await?;
    // A change on the board (an idea moved with its number key), and Post is a plain Post again, without a word.
    let moved = app.titles_in("Implement").await?.remove(0);
    app.card(&moved).await?.send_keys("4").await?;
    let in_kill = format!(
        "return [...document.querySelectorAll('section[aria-label=\"Kill\"] .card-title')].some(t => t.textContent === {});",
        serde_json::to_string(&moved)?
    );
    app.wait_until("the idea is in Kill", &in_kill).await?;

    // The server goes away: the post waits in the outbox.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = closed.local_addr()?.port();
    drop(closed);
    app.click_button("Post to channel").await?;
    app.click_button("Change").await?;
    set_channel(&app, &format!("http://127.0.0.1:{port}/hooks/abcdef123456")).await?;
    assert_eq!(post_hint(&app, "Post").await?, "");
    app.click_button("Post").await?;
    app.wait_until("the failure shows", "return !!document.querySelector('[role=dialog] [role=alert]')?.textContent.includes('could not be reached');").await?;
    app.click_button("Close").await?;
    app.click_button("Board ▾").await?;
    app.click_button("Posts").await?;
    app.wait_until("the post waits", "return [...document.querySelectorAll('.post')].some(p => p.textContent.includes('Waiting to send'));").await?;
    app.screenshot("posts-waiting.png").await?;
    // With the count of posts waiting in it, the toolbar still fits the window: Post to channel ran off its edge.
    let outside = app
        .client
        .execute(
            "return [...document.querySelectorAll('header.toolbar > *')]
               .filter(e => e.getBoundingClientRect().right > document.querySelector('header.toolbar').getBoundingClientRect().right + 0.5)
               .map(e => e.textContent);",
            vec![],
        )
        .await?;
    assert_eq!(outside, serde_json::json!([]), "past the toolbar's edge");

    // The server is back: Retry sends it, once.
    let back = FakeMattermost::ok(port).await?;
    app.click_button("Retry").await?;
    app.wait_until("the post went out", "return [...document.querySelectorAll('.post')].filter(p => p.textContent.includes('Posted')).length === 2;").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(back.bodies().len(), 1, "the waiting post was sent exactly once");
    app.quit().await?;
    Ok(())
}

/// What the post dialog says beside its main button, labelled `label` ("" when it says nothing).
async fn post_hint(app: &App, label: &str) -> TestResult<String> {
    let button = app.find_button(label).await?;
    let Some(hint) = button.attr("aria-describedby").await? else {
        return Ok(String::new());
    };
    let said = app
        .client
        .execute(
            "return document.getElementById(arguments[0])?.textContent ?? '';",
            vec![serde_json::json!(hint)],
        )
        .await?;
    Ok(said.as_str().unwrap_or_default().to_owned())
}

/// The text of the post dialog's alert, or "".
const DIALOG_ALERT: &str = "return document.querySelector('[role=dialog] [role=alert]')?.innerText ?? '';";

/// A rate-limited post waits in the outbox; clicking its button (twice, fast) sends that same entry, and the channel
/// gets the outcome once.
#[tokio::test]
async fn retrying_a_rate_limited_post_sends_it_once() -> TestResult {
    let data = tempfile::tempdir()?;
    let server = FakeMattermost::answering(0, |_, n| {
        Some(if n == 0 {
            pickboard_e2e::mattermost::Reply::status(429, "limit exceeded")
                .with_header("Retry-After", "600")
                .with_header("Content-Type", "text/plain")
        } else {
            pickboard_e2e::mattermost::Reply::ok()
        })
    })
    .await?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    app.click_button("Post to channel").await?;
    set_channel(&app, &server.url).await?;
    // A double click on Post queues one post: both clicks land before the first one's answer (on a loaded machine,
    // two WebDriver clicks can be far enough apart for the second to meet the failure and act as Retry now).
    let post = app.find_button("Post").await?;
    app.client
        .execute(
            "const b = arguments[0]; b.click(); b.click();",
            vec![serde_json::to_value(&post)?],
        )
        .await?;
    app.wait_until(
        "the rate limit is reported",
        "return !!document.querySelector('[role=dialog] [role=alert]')?.innerText.includes('slow down');",
    )
    .await?;
    let alert = app.client.execute(DIALOG_ALERT, vec![]).await?;
    assert!(
        alert
            .as_str()
            .unwrap_or_default()
            .contains("Retry now sends this same post"),
        "{alert}"
    );
    assert_eq!(server.bodies().len(), 1);
    app.screenshot("post-rate-limited.png").await?;

    let retry = app.find_button("Retry now").await?;
    retry.click().await?;
    let _ = retry.click().await;
    app.wait_until("Posted shows", "return [...document.querySelectorAll('.toast')].some(t => t.textContent.startsWith('Posted to Mattermost'));").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let bodies = server.bodies();
    assert_eq!(bodies.len(), 2, "one refused request, then the post once");
    assert_eq!(
        bodies[0], bodies[1],
        "the same post was sent again, not a new one"
    );
    let posts: i64 = rusqlite::Connection::open(data.path().join("pickboard.db"))?.query_row(
        "SELECT count(*) FROM posts",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(posts, 1, "one entry in the outbox");
    app.quit().await
}

/// "Send test message" shows that it is working, then says whether it went through, for every way a hook can fail.
#[tokio::test]
async fn the_test_message_always_says_whether_it_worked() -> TestResult {
    use pickboard_e2e::mattermost::Reply;
    let app_error = |id: &str, message: &str, status: u16| {
        format!(
            r#"{{"id":"{id}","message":"{message}","detailed_error":"","request_id":"r1","status_code":{status}}}"#
        )
    };
    let disabled = app_error(
        "web.incoming_webhook.disabled.app_error",
        "Incoming webhooks have been disabled by the system admin.",
        501,
    );
    let invalid = app_error("web.incoming_webhook.invalid.app_error", "Invalid webhook.", 400);
    let cases: Vec<(&str, Option<Reply>, &str)> = vec![
        (
            "a disabled hook",
            Some(Reply::status(501, disabled)),
            "turned off",
        ),
        (
            "an invalid hook",
            Some(Reply::status(400, invalid)),
            "does not know this webhook",
        ),
        (
            "a web page",
            Some(
                Reply::status(200, "<!doctype html><title>Login</title>")
                    .with_header("Content-Type", "text/html"),
            ),
            "not as a Mattermost",
        ),
        ("no answer", None, "did not answer in time"),
        ("a working hook", Some(Reply::ok()), "Test message sent"),
    ];
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    app.click_button("Post to channel").await?;
    for (what, reply, expected) in cases {
        let server = FakeMattermost::in_turn(0, vec![reply.clone()]).await?;
        let field = app.wait_for_css("[role=dialog] input[type=password]").await?;
        field.send_keys(&server.url).await?;
        let hangs = reply.is_none();
        app.click_button("Send test message").await?;
        if hangs {
            app.wait_until(
                "progress shows while the server says nothing",
                "return !!document.querySelector('[role=dialog] [role=status]')?.innerText.includes('Sending a test message');",
            )
            .await?;
            app.screenshot("test-message-waiting.png").await?;
        }
        // Within the request's timeout (20 s) and a margin.
        app.wait_until_within(
            Duration::from_secs(30),
            &format!("the result shows for {what}"),
            &format!(
                "return [...document.querySelectorAll('[role=dialog] [role=alert], [role=dialog] [role=status]')].some(e => e.innerText.includes({}));",
                serde_json::to_string(expected)?
            ),
        )
        .await?;
        assert_eq!(server.bodies().len(), 1, "{what}: one request");
        if expected != "Test message sent" {
            app.screenshot(&format!("test-message-{}.png", what.replace(' ', "-")))
                .await?;
        }
    }
    app.quit().await
}
