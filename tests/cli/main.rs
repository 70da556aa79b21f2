//! The command line, run as a person or a cron job would: the real binary, a real database folder, and a real HTTP
//! server on 127.0.0.1 that answers as Mattermost does.

use std::process::Command;
use std::sync::Arc;

use pickboard_e2e::mattermost::FakeMattermost;
use pickboard_e2e::{app_binary, TestResult};
use pickboard_lib::mattermost::outbox::{self, ChannelSettingsInput};
use pickboard_lib::storage::{Db, DB_FILE_NAME};

const BOARD: &str = "Platform team — next quarter";

fn pickboard(data: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(app_binary())
        .args(args)
        .env("PICKBOARD_DATA_DIR", data)
        .output()
        .expect("run pickboard");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// The sample board in `dir`, posting to `url`.
fn board_posting_to(dir: &std::path::Path, url: &str) -> TestResult {
    let mut db = Db::open(&dir.join(DB_FILE_NAME))?;
    let board = db.write(pickboard_lib::sample::create)?.id;
    let settings = ChannelSettingsInput {
        webhook_url: url.into(),
        channel: String::new(),
        username: String::new(),
        icon_url: String::new(),
    };
    db.write(|tx| outbox::save_settings(tx, board, &settings))?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn post_sends_the_outcome_to_the_channel() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    board_posting_to(dir.path(), &server.url)?;
    let (code, stdout, stderr) = pickboard(
        dir.path(),
        &[
            "post",
            "--board",
            "platform team — next quarter",
            "--note",
            "From the cron job",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Posted to Mattermost (1 of 1 parts)."),
        "{stdout}"
    );
    let received = server.received();
    assert_eq!(received.len(), 1);
    let body: serde_json::Value = serde_json::from_str(&received[0])?;
    let text = body["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with("#### PICK outcome: Platform team — next quarter"),
        "{text}"
    );
    assert!(text.contains("> From the cron job"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_prints_the_message_and_sends_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    board_posting_to(dir.path(), &server.url)?;
    let (code, stdout, _) = pickboard(dir.path(), &["post", "--board", BOARD, "--dry-run"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("**:large_green_circle: Implement**"), "{stdout}");
    assert!(server.received().is_empty(), "a dry run sent a request");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_post_says_why_exits_4_and_stays_in_the_outbox() -> TestResult {
    let dir = tempfile::tempdir()?;
    let invalid = r#"{"id":"web.incoming_webhook.invalid.app_error","message":"Invalid webhook.","request_id":"abc123","status_code":400}"#;
    let server = FakeMattermost::start(0, Arc::new(move |_| (400, invalid.to_owned()))).await?;
    board_posting_to(dir.path(), &server.url)?;
    let (code, _, stderr) = pickboard(dir.path(), &["post", "--board", BOARD]);
    assert_eq!(code, 4, "{stderr}");
    assert!(
        stderr.contains("Mattermost does not know this webhook"),
        "{stderr}"
    );
    assert!(
        stderr.contains("request id req0"),
        "the X-Request-Id header is reported: {stderr}"
    );
    assert!(
        !stderr.contains("xq9k3rj1d7nbtefhw8o5yzpa4c"),
        "the webhook id must not be printed: {stderr}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_names_and_wrong_words_get_clear_errors_and_distinct_codes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    board_posting_to(dir.path(), &server.url)?;
    let (code, _, stderr) = pickboard(dir.path(), &["post", "--board", "Nope"]);
    assert_eq!(code, 3);
    assert!(
        stderr.contains("no board named \"Nope\". Boards: Platform team — next quarter"),
        "{stderr}"
    );
    let (code, _, stderr) = pickboard(dir.path(), &["post"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("post needs --board <name>"));
    let (code, _, _) = pickboard(dir.path(), &["frobnicate"]);
    assert_eq!(code, 2);
    let (code, stdout, _) = pickboard(dir.path(), &["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("pickboard post --board <name>"));
    Ok(())
}
