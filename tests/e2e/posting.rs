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

    // The server goes away: the post waits in the outbox.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = closed.local_addr()?.port();
    drop(closed);
    app.click_button("Post to channel").await?;
    app.click_button("Change").await?;
    set_channel(&app, &format!("http://127.0.0.1:{port}/hooks/abcdef123456")).await?;
    app.click_button("Post").await?;
    app.wait_until("the failure shows", "return !!document.querySelector('[role=dialog] [role=alert]')?.textContent.includes('could not be reached');").await?;
    app.click_button("Close").await?;
    app.click_button("Board ▾").await?;
    app.click_button("Posts").await?;
    app.wait_until("the post waits", "return [...document.querySelectorAll('.post')].some(p => p.textContent.includes('Waiting to send'));").await?;
    app.screenshot("posts-waiting.png").await?;

    // The server is back: Retry sends it, once.
    let back = FakeMattermost::ok(port).await?;
    app.click_button("Retry").await?;
    app.wait_until("the post went out", "return [...document.querySelectorAll('.post')].filter(p => p.textContent.includes('Posted')).length === 2;").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(back.bodies().len(), 1, "the waiting post was sent exactly once");
    app.quit().await?;
    Ok(())
}
