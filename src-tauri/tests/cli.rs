//! The command line, run as a person or a cron job would: the real binary, a real database folder, and a real HTTP
//! server on 127.0.0.1 that answers as Mattermost does.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;
use std::sync::mpsc;
use std::thread;

use pickboard_lib::mattermost::outbox::{self, ChannelSettingsInput};
use pickboard_lib::storage::{Db, DB_FILE_NAME};

fn pickboard(data: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pickboard"))
        .args(args)
        .env("PICKBOARD_DATA_DIR", data)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// Answers one request with `status` and `body`, and hands back the request's body.
fn one_shot_server(status: u16, body: &'static str) -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://{}/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c",
        listener.local_addr().unwrap()
    );
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let Ok((mut socket, _)) = listener.accept() else {
            return;
        };
        let mut buf = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            let n = socket.read(&mut chunk).unwrap_or(0);
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&buf).to_string();
            if let Some(at) = text.find("\r\n\r\n") {
                let length: usize = text[..at]
                    .lines()
                    .find_map(|l| {
                        l.to_lowercase()
                            .strip_prefix("content-length:")
                            .map(|v| v.trim().parse().unwrap_or(0))
                    })
                    .unwrap_or(0);
                if buf.len() >= at + 4 + length {
                    let _ = tx.send(String::from_utf8_lossy(&buf[at + 4..]).into_owned());
                    break;
                }
            }
        }
        let reply = format!(
            "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = socket.write_all(reply.as_bytes());
    });
    (url, rx)
}

fn board_posting_to(dir: &std::path::Path, url: &str) {
    let mut db = Db::open(&dir.join(DB_FILE_NAME)).unwrap();
    let board = db.write(pickboard_lib::sample::create).unwrap().id;
    let settings = ChannelSettingsInput {
        webhook_url: url.into(),
        channel: String::new(),
        username: String::new(),
        icon_url: String::new(),
    };
    db.write(|tx| outbox::save_settings(tx, board, &settings))
        .unwrap();
}

#[test]
fn post_sends_the_outcome_to_the_channel() {
    let dir = tempfile::tempdir().unwrap();
    let (url, received) = one_shot_server(200, "ok");
    board_posting_to(dir.path(), &url);
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
    let body: serde_json::Value = serde_json::from_str(&received.recv().unwrap()).unwrap();
    let text = body["text"].as_str().unwrap();
    assert!(
        text.starts_with("#### PICK outcome: Platform team — next quarter"),
        "{text}"
    );
    assert!(text.contains("> From the cron job"));
}

#[test]
fn dry_run_prints_the_message_and_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (url, received) = one_shot_server(200, "ok");
    board_posting_to(dir.path(), &url);
    let (code, stdout, _) = pickboard(
        dir.path(),
        &["post", "--board", "Platform team — next quarter", "--dry-run"],
    );
    assert_eq!(code, 0);
    assert!(stdout.contains("**:large_green_circle: Implement**"), "{stdout}");
    assert!(
        received
            .recv_timeout(std::time::Duration::from_millis(300))
            .is_err(),
        "a dry run sent a request"
    );
}

#[test]
fn a_failed_post_says_why_exits_4_and_stays_in_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _received) = one_shot_server(
        400,
        r#"{"id":"web.incoming_webhook.invalid.app_error","message":"Invalid webhook.","request_id":"abc123","status_code":400}"#,
    );
    board_posting_to(dir.path(), &url);
    let (code, _, stderr) = pickboard(dir.path(), &["post", "--board", "Platform team — next quarter"]);
    assert_eq!(code, 4, "{stderr}");
    assert!(
        stderr.contains("Mattermost does not know this webhook"),
        "{stderr}"
    );
    assert!(stderr.contains("request id abc123"), "{stderr}");
    assert!(
        !stderr.contains("xq9k3rj1d7nbtefhw8o5yzpa4c"),
        "the webhook id must not be printed: {stderr}"
    );
}

#[test]
fn wrong_names_and_wrong_words_get_clear_errors_and_distinct_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _) = one_shot_server(200, "ok");
    board_posting_to(dir.path(), &url);
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
}
