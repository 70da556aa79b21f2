//! A real HTTP server on 127.0.0.1 that answers as a Mattermost incoming webhook does, for the tests that drive the
//! app or its command line. It records every request body.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::TestResult;

/// How the server answers request number n (from 0): status and body.
pub type Answer = Arc<dyn Fn(usize) -> (u16, String) + Send + Sync>;

pub struct FakeMattermost {
    /// The webhook address to give the app.
    pub url: String,
    bodies: Arc<Mutex<Vec<String>>>,
}

impl FakeMattermost {
    /// Answers every request with 200 `ok`, on `port` (0: any free port).
    pub async fn ok(port: u16) -> TestResult<FakeMattermost> {
        Self::start(port, Arc::new(|_| (200, "ok".to_owned()))).await
    }

    pub async fn start(port: u16, answer: Answer) -> TestResult<FakeMattermost> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await?;
        let url = format!(
            "http://{}/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c",
            listener.local_addr()?
        );
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&bodies);
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let Some(body) = read_request(&mut socket).await else {
                    continue;
                };
                let n = {
                    let mut log = log.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                    log.push(body);
                    log.len() - 1
                };
                let (status, text) = answer(n);
                let content_type = if text.starts_with('{') {
                    "application/json"
                } else {
                    "text/plain"
                };
                let reply = format!(
                    "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nX-Request-Id: req{n}\r\nConnection: close\r\n\r\n{text}",
                    text.len()
                );
                let _ = socket.write_all(reply.as_bytes()).await;
            }
        });
        Ok(FakeMattermost { url, bodies })
    }

    /// The bodies received so far.
    pub fn received(&self) -> Vec<String> {
        self.bodies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

/// Reads one HTTP request and returns its body.
async fn read_request(socket: &mut tokio::net::TcpStream) -> Option<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&buf[..at]).to_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| {
                l.strip_prefix("content-length:")
                    .map(|v| v.trim().parse().unwrap_or(0))
            })
            .unwrap_or(0);
        if buf.len() >= at + 4 + length {
            return Some(String::from_utf8_lossy(&buf[at + 4..at + 4 + length]).into_owned());
        }
    }
}
