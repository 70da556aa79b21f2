//! A real HTTP server on 127.0.0.1 that answers as Mattermost's webhook endpoint does, for the tests.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A request as the server received it.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub request_line: String,
    pub content_type: String,
    pub body: String,
}

/// An answer the test server gives: status, extra headers, body.
pub(crate) type Answer = (u16, Vec<(&'static str, String)>, String);

/// Serves `answers` in turn (status, extra headers, body); `None` never answers. Records every request.
pub(crate) async fn server(answers: Vec<Option<Answer>>) -> (String, Arc<Mutex<Vec<Received>>>) {
    server_on(0, answers).await
}

/// Like [`server`], on a given port (0: any free one).
pub(crate) async fn server_on(
    port: u16,
    answers: Vec<Option<Answer>>,
) -> (String, Arc<Mutex<Vec<Received>>>) {
    let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let url = format!(
        "http://{}/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c",
        listener.local_addr().unwrap()
    );
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    tokio::spawn(async move {
        for answer in answers {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            // Read the head, then as much body as Content-Length says.
            let (head, body) = loop {
                let n = socket.read(&mut chunk).await.unwrap_or(0);
                if n == 0 {
                    return;
                }
                buf.extend_from_slice(&chunk[..n]);
                if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&buf[..at]).into_owned();
                    let length: usize = head
                        .lines()
                        .find_map(|l| {
                            l.to_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse().unwrap_or(0))
                        })
                        .unwrap_or(0);
                    while buf.len() < at + 4 + length {
                        let n = socket.read(&mut chunk).await.unwrap_or(0);
                        if n == 0 {
                            break;
                        }
                        buf.extend_from_slice(&chunk[..n]);
                    }
                    break (head, String::from_utf8_lossy(&buf[at + 4..]).into_owned());
                }
            };
            let content_type = head
                .lines()
                .find_map(|l| {
                    l.to_lowercase()
                        .strip_prefix("content-type:")
                        .map(|v| v.trim().to_owned())
                })
                .unwrap_or_default();
            log.lock().unwrap().push(Received {
                request_line: head.lines().next().unwrap_or_default().to_owned(),
                content_type,
                body,
            });
            match answer {
                None => tokio::time::sleep(Duration::from_secs(30)).await,
                Some((status, headers, body)) => {
                    let mut response = format!(
                        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                        body.len()
                    );
                    for (name, value) in headers {
                        response.push_str(&format!("{name}: {value}\r\n"));
                    }
                    response.push_str("\r\n");
                    response.push_str(&body);
                    let _ = socket.write_all(response.as_bytes()).await;
                }
            }
        }
    });
    (url, seen)
}
