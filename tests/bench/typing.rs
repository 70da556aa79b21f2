//! A key typed in the board's search and in the Post dialog's note, on 2,000 and 10,000 placed ideas, through the
//! real app under Xvfb (not a timed test: it measures and prints a Markdown table, and fails only when the app cannot
//! be driven). Run by `bash scripts/bench.sh`.
//!
//! Each of 40 keys ("rotate the certificates" and more, one letter at a time) is typed into the field as the page
//! gets it: the field's value set and its `input` event sent. "In the key" is the time the page spends in that event,
//! before it can take the next key or a click; "to the next frame" runs on to the first frame after it, where the key
//! shows in the field. The medians and the worst of the 40 are printed; the first key is counted too. A key the page
//! takes longer over than the next key's wait is still in the queue when a click comes: typed fast, then Post
//! clicked at once, the note's last letters came after the click.

use pickboard_e2e::{App, TestResult};
use pickboard_lib::mattermost::outbox::{self, ChannelSettingsInput};
use pickboard_lib::storage::Db;

#[path = "common.rs"]
mod common;
use common::{median, seed_with};
use serde_json::{json, Value};

/// Types `arguments[0]` into the field `arguments[1]` (a CSS selector), a letter at a time, and resolves with
/// `[in the key, to the next frame]` in milliseconds for each letter.
const TYPE_AND_TIME: &str = "
    const [text, field, done] = arguments;
    const input = document.querySelector(field);
    if (!input) { done({ error: 'no field ' + field }); return; }
    input.focus();
    const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
    const times = [];
    (async () => {
        for (let i = 1; i <= text.length; i++) {
            const start = performance.now();
            setValue.call(input, text.slice(0, i));
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const handled = performance.now();
            await new Promise((shown) => requestAnimationFrame(() => setTimeout(shown, 0)));
            times.push([handled - start, performance.now() - start]);
        }
        done(times);
    })();";

const TEXT: &str = "rotate the certificates on the idea 1234";

/// Types `TEXT` into `field` and returns a row of the table: the medians and the worst of the keys' times.
async fn row(app: &App, what: &str, ideas: usize, field: &str) -> TestResult<String> {
    let times = app
        .client
        .execute_async(TYPE_AND_TIME, vec![json!(TEXT), json!(field)])
        .await?;
    if let Some(err) = times.get("error") {
        return Err(format!("typing in {what} failed: {err}").into());
    }
    let pairs: Vec<(f64, f64)> = times
        .as_array()
        .ok_or("no times")?
        .iter()
        .map(|pair| {
            let at = |i: usize| pair.get(i).and_then(Value::as_f64).unwrap_or(f64::NAN);
            (at(0), at(1))
        })
        .collect();
    let handled: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let shown: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let worst = |v: &[f64]| v.iter().copied().fold(0.0_f64, f64::max);
    Ok(format!(
        "| {what} | {ideas} | {:.0} / {:.0} ms | {:.0} / {:.0} ms |",
        median(handled.clone()),
        worst(&handled),
        median(shown.clone()),
        worst(&shown)
    ))
}

#[tokio::main]
async fn main() -> TestResult {
    println!("\n## A key typed in the search and in the Post dialog's note (Xvfb, this machine)\n");
    println!("| field | ideas | in the key: median / worst | to the next frame: median / worst |");
    println!("|---|---|---|---|");
    for ideas in [2_000, 10_000] {
        let data = tempfile::tempdir()?;
        let board = seed_with(data.path(), ideas, "Benchmark: typing")?;
        // A channel to post to, so that the Post dialog shows its options and note (nothing is sent).
        Db::open(&data.path().join("pickboard.db"))?.write(|tx| {
            outbox::save_settings(
                tx,
                board,
                &ChannelSettingsInput {
                    webhook_url: "http://127.0.0.1:9/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c".into(),
                    channel: String::new(),
                    username: String::new(),
                    icon_url: String::new(),
                },
            )
        })?;
        let app = App::launch(data.path()).await?;
        app.region("Implement").await?;
        // The board settles first (its first frames, the work that waits for them).
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        println!("{}", row(&app, "the search", ideas, ".search-input").await?);
        app.click_button("Post to channel").await?;
        app.client
            .wait()
            .for_element(fantoccini::Locator::Css(".note-label textarea"))
            .await?;
        // The preview is drawn first: the note is typed beside it, as a user would.
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        println!(
            "{}",
            row(&app, "the Post dialog's note", ideas, ".note-label textarea").await?
        );
        app.quit().await?;
    }
    Ok(())
}
