//! When the window's page stops because WebKit's web process ended (it crashed, or the system ran out of memory and
//! ended it), the window would stay frozen on its last frame, deaf to every click and key. Pickboard loads the page
//! again instead: everything is saved the moment it changes, so the board comes back as it was. A page that keeps
//! ending is not loaded again forever: after `LIMIT` restarts within `WINDOW`, the window says what happened and
//! leaves the next step to the person.
//!
//! The page loaded again carries `?restarted` in its address: what the window handed the page at start (boot.rs) is
//! out of date by then, so the page reads everything afresh, and tells the person what happened.

// Only Linux's web view reports the end of its web process (app.rs); elsewhere only `drawn` is used.
#![cfg_attr(not(target_os = "linux"), allow(dead_code))]

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// At most this many restarts...
pub const LIMIT: usize = 3;
/// ...within this long.
pub const WINDOW: Duration = Duration::from_secs(60);

/// The restarts of one window's page.
#[derive(Debug, Default)]
pub struct Restarts {
    recent: VecDeque<Instant>,
}

impl Restarts {
    /// Whether the page that ended `now` may be loaded again; counts the restart when it may.
    pub fn allow(&mut self, now: Instant) -> bool {
        while self
            .recent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
        {
            self.recent.pop_front();
        }
        if self.recent.len() >= LIMIT {
            return false;
        }
        self.recent.push_back(now);
        true
    }
}

/// The page's address to load again: `uri` without its query and fragment, with `?restarted` (see
/// `RESTARTED_QUERY` in ui/src/lib/firstFrameRules.ts).
pub fn restarted_uri(uri: &str) -> String {
    format!("{}?{RESTARTED_QUERY}", page_address(uri))
}

/// The app's page to load again: the page shown (`shown`), or `home` (the window's first address) when the window shows
/// none, or another: the page that says it stopped is at about:blank, and an about:blank loaded again drew nothing.
pub fn app_page(shown: Option<&str>, home: &str) -> String {
    let own = |uri: &&str| {
        let scheme = |u: &str| u.split(':').next().unwrap_or_default().to_owned();
        scheme(uri) == scheme(home)
    };
    shown.filter(own).unwrap_or(home).to_owned()
}

/// `uri` without its query and fragment.
fn page_address(uri: &str) -> &str {
    uri.split(['?', '#']).next().unwrap_or(uri)
}

/// Set while a page loaded again has not yet drawn.
static AWAITING_FRAME: AtomicBool = AtomicBool::new(false);

/// The page is being loaded again.
pub fn restarting() {
    AWAITING_FRAME.store(true, Ordering::Relaxed);
}

/// The page has drawn its first frame: whether it is a page loaded again after its process ended.
pub fn drawn() -> bool {
    AWAITING_FRAME.swap(false, Ordering::Relaxed)
}

/// What the window shows when its page (at `uri`) has ended too often to be loaded again: what happened, and a button
/// that loads the page again, marked as restarted, when the person chooses to. Plain text only: no user text, and no
/// script (the button is a form's, sent to the page's own address). The button has the focus, so Enter takes it.
pub fn gave_up_page(uri: Option<&str>) -> String {
    let again = uri
        .map(page_address)
        .filter(|address| !address.contains(['"', '<', '>', '&']))
        .map(|address| {
            format!(
                r#"<form action="{address}" method="get"><button name="{RESTARTED_QUERY}" autofocus>Try again</button></form>"#
            )
        })
        .unwrap_or_else(|| "<p>Close Pickboard and open it again to go on.</p>".to_owned());
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">
<title>Pickboard</title>
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:34em;margin:15vh auto;padding:0 24px}}h1{{font-size:20px}}button{{font:inherit;padding:6px 14px}}</style>
</head><body>
<h1>Pickboard's window stopped working</h1>
<p>The page inside this window ended unexpectedly several times in a row, so Pickboard stopped reloading it.</p>
<p>Your boards are kept as they were saved.</p>
{again}
</body></html>"#
    )
}

/// The query that marks a page loaded again (`RESTARTED_QUERY` in ui/src/lib/firstFrameRules.ts).
const RESTARTED_QUERY: &str = "restarted";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_a_few_restarts_a_minute_then_refuses_until_the_oldest_is_a_minute_old() {
        let start = Instant::now();
        let mut restarts = Restarts::default();
        for n in 0..LIMIT {
            assert!(
                restarts.allow(start + Duration::from_secs(n as u64)),
                "restart {n}"
            );
        }
        assert!(!restarts.allow(start + Duration::from_secs(10)));
        // A refused restart is not counted: once the first is a minute old, one more is allowed.
        assert!(!restarts.allow(start + WINDOW - Duration::from_millis(1)));
        assert!(restarts.allow(start + WINDOW));
        assert!(!restarts.allow(start + WINDOW + Duration::from_millis(500)));
    }

    #[test]
    fn the_page_loaded_again_is_the_same_page_marked_as_restarted() {
        assert_eq!(restarted_uri("tauri://localhost"), "tauri://localhost?restarted");
        assert_eq!(
            restarted_uri("tauri://localhost/"),
            "tauri://localhost/?restarted"
        );
        assert_eq!(
            restarted_uri("tauri://localhost/?restarted#board"),
            "tauri://localhost/?restarted"
        );
    }

    #[test]
    fn the_page_loaded_again_is_the_apps_own_not_the_page_that_said_it_stopped() {
        assert_eq!(
            app_page(Some("tauri://localhost/?restarted"), "tauri://localhost"),
            "tauri://localhost/?restarted"
        );
        assert_eq!(
            app_page(Some("about:blank"), "tauri://localhost"),
            "tauri://localhost"
        );
        assert_eq!(app_page(None, "http://localhost:1420/"), "http://localhost:1420/");
        assert_eq!(
            app_page(Some("http://localhost:1420/?restarted"), "http://localhost:1420/"),
            "http://localhost:1420/?restarted"
        );
    }

    #[test]
    fn the_page_given_up_on_offers_to_load_the_window_page_again_without_a_script() {
        let page = gave_up_page(Some("tauri://localhost/?restarted#board"));
        assert!(page.contains(
            r#"<form action="tauri://localhost/" method="get"><button name="restarted" autofocus>"#
        ));
        assert!(!page.contains("<script"));
        // Without an address of its own to go back to, it says what to do instead.
        for page in [
            gave_up_page(None),
            gave_up_page(Some("tauri://localhost/\"><script>x()</script>?restarted")),
        ] {
            assert!(!page.contains("<form"));
            assert!(page.contains("Close Pickboard and open it again"));
        }
    }

    #[test]
    fn restarts_far_apart_are_always_allowed() {
        let start = Instant::now();
        let mut restarts = Restarts::default();
        for n in 0..20 {
            assert!(restarts.allow(start + WINDOW * n), "restart {n}");
        }
    }
}
