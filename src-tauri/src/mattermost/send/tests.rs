//! Against a real HTTP server on 127.0.0.1 that answers as Mattermost does.

use std::time::Duration;

use super::*;
use crate::mattermost::response::Problem;
use fake_mattermost::{FakeMattermost, Reply};

fn payload(text: &str) -> Payload {
    Payload {
        text: text.into(),
        channel: Some("town-square".into()),
        username: None,
        icon_url: None,
    }
}

fn problem(outcome: Outcome) -> Problem {
    match outcome {
        Outcome::Failed(f) => f.problem,
        Outcome::Posted(_) => panic!("expected a failure"),
    }
}

#[tokio::test]
async fn a_post_is_json_with_the_right_fields_and_succeeds_on_ok() {
    let seen = FakeMattermost::in_turn(0, vec![Some(Reply::ok())]).await.unwrap();
    let url = seen.url.clone();
    let hook = WebhookUrl::parse(&url).unwrap();
    let sender = Sender::new(Duration::from_secs(5)).unwrap();
    assert_eq!(
        sender.send(&hook, &payload("#### PICK outcome")).await,
        Outcome::Posted(None)
    );
    let got = seen.received()[0].clone();
    assert_eq!(
        got.request_line,
        "POST /hooks/xq9k3rj1d7nbtefhw8o5yzpa4c HTTP/1.1"
    );
    assert_eq!(got.content_type(), "application/json");
    let json: serde_json::Value = serde_json::from_str(&got.body).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"text": "#### PICK outcome", "channel": "town-square"})
    );
}

#[tokio::test]
async fn each_answer_mattermost_gives_is_told_apart() {
    let error = |id: &str, status: u16| {
        serde_json::json!({"id": id, "message": "m", "detailed_error": "", "request_id": "r", "status_code": status}).to_string()
    };
    let cases: Vec<(u16, String, Problem)> = vec![
        (200, "<html>not a hook</html>".into(), Problem::NotMattermost),
        (
            400,
            error("web.incoming_webhook.invalid.app_error", 400),
            Problem::WrongWebhook,
        ),
        (
            404,
            error("web.incoming_webhook.channel.app_error", 404),
            Problem::ChannelNotFound,
        ),
        (
            403,
            error("web.incoming_webhook.channel_locked.app_error", 403),
            Problem::ChannelLocked,
        ),
        (
            403,
            error("web.incoming_webhook.permissions.app_error", 403),
            Problem::NoPermission,
        ),
        (
            413,
            error("api.context.request_body_too_large.app_error", 413),
            Problem::TooLarge,
        ),
        (429, "limit exceeded".into(), Problem::RateLimited),
        (
            501,
            error("web.incoming_webhook.disabled.app_error", 501),
            Problem::WebhooksDisabled,
        ),
        (500, error("", 500), Problem::ServerError),
    ];
    let answers = cases
        .iter()
        .map(|(s, b, _)| {
            Some(Reply {
                status: *s,
                headers: vec![("X-Request-Id".to_owned(), "req-1".to_owned())],
                body: b.clone(),
            })
        })
        .collect();
    let fake = FakeMattermost::in_turn(0, answers).await.unwrap();
    let url = fake.url.clone();
    let hook = WebhookUrl::parse(&url).unwrap();
    let sender = Sender::new(Duration::from_secs(5)).unwrap();
    for (status, _, expected) in cases {
        let outcome = sender.send(&hook, &payload("x")).await;
        if let Outcome::Failed(f) = &outcome {
            assert_eq!(
                f.request_id.as_deref(),
                if status == 200 { None } else { Some("req-1") }
            );
        }
        assert_eq!(problem(outcome), expected, "status {status}");
    }
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let seen = FakeMattermost::in_turn(0, vec![None]).await.unwrap();
    let url = seen.url.clone();
    let sender = Sender::new(Duration::from_millis(300)).unwrap();
    let outcome = sender
        .send(&WebhookUrl::parse(&url).unwrap(), &payload("x"))
        .await;
    assert_eq!(problem(outcome.clone()), Problem::Timeout);
    assert!(matches!(outcome, Outcome::Failed(f) if f.retry));
    assert_eq!(seen.received().len(), 1);
}

#[tokio::test]
async fn a_closed_port_is_offline_and_retried() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let hook = WebhookUrl::parse(&format!("http://127.0.0.1:{port}/hooks/abc")).unwrap();
    let outcome = Sender::new(Duration::from_secs(2))
        .unwrap()
        .send(&hook, &payload("x"))
        .await;
    let Outcome::Failed(f) = outcome else { panic!() };
    assert_eq!(f.problem, Problem::Offline);
    assert!(f.retry);
    assert!(!f.message.contains("abc"), "the message never shows the hook");
}

#[tokio::test]
async fn a_body_over_the_limit_is_not_sent() {
    let seen = FakeMattermost::in_turn(0, vec![]).await.unwrap();
    let url = seen.url.clone();
    let huge = "x".repeat(MAX_BODY_BYTES + 1);
    let outcome = Sender::new(Duration::from_secs(2))
        .unwrap()
        .send(&WebhookUrl::parse(&url).unwrap(), &payload(&huge))
        .await;
    assert_eq!(problem(outcome), Problem::TooLarge);
    assert!(seen.received().is_empty());
}

#[tokio::test]
async fn a_server_that_cannot_speak_tls_is_a_tls_failure() {
    // https:// to a plain HTTP server, which answers the TLS hello with an HTTP error: the handshake fails.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        if let Ok((mut socket, _)) = listener.accept().await {
            use tokio::io::AsyncWriteExt;
            let _ = socket
                .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .await;
        }
    });
    let hook = WebhookUrl::parse(&format!("https://127.0.0.1:{port}/hooks/abc")).unwrap();
    let outcome = Sender::new(Duration::from_secs(3))
        .unwrap()
        .send(&hook, &payload("x"))
        .await;
    let Outcome::Failed(f) = outcome else {
        panic!("TLS to a plain server cannot succeed")
    };
    assert_eq!(f.problem, Problem::Tls, "{f:?}");
    assert!(!f.retry, "a TLS failure needs the user");
}

#[tokio::test]
async fn an_endless_answer_is_read_no_further_than_its_start() {
    // A proxy's error page that never ends: the sender read it all into memory (1.5 GB for a page of 1.5 GB), and an
    // endless one until the request timed out.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).await;
        let head =
            b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n";
        socket.write_all(head).await.unwrap();
        let page = vec![b'x'; 64 * 1024];
        let mut written = 0usize;
        while socket.write_all(&page).await.is_ok() {
            written += page.len();
            if written > 256 * 1024 * 1024 {
                break;
            }
        }
        written
    });
    let hook = WebhookUrl::parse(&format!("http://127.0.0.1:{port}/hooks/abc")).unwrap();
    let outcome = Sender::new(Duration::from_secs(20))
        .unwrap()
        .send(&hook, &payload("x"))
        .await;
    assert_eq!(problem(outcome), Problem::ServerError, "not a timeout");
    let written = server.await.unwrap();
    assert!(written < 16 * 1024 * 1024, "the server wrote {written} bytes");
}
