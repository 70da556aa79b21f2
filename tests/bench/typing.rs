//! A key typed in the board's search, on 2,000 and 10,000 placed ideas, through the real app under Xvfb (not a timed
//! test: it measures and prints a Markdown table, and fails only when the app cannot be driven). Run by
//! `bash scripts/bench.sh`.
//!
//! Each of 40 keys ("rotate the certificates" and more, one letter at a time) is typed into the search field as the
//! page gets it: the field's value set and its `input` event sent. "In the key" is the time the page spends in that
//! event, before it can take the next key or a click; "to the next frame" runs on to the first frame after it, where
//! the key shows in the field. The medians and the worst of the 40 are printed; the first key is counted too.

use pickboard_e2e::{App, TestResult};

#[path = "common.rs"]
mod common;
use common::{median, seed_with};
use serde_json::{json, Value};

/// Types `arguments[0]` into the search field, a letter at a time, and resolves with `[in the key, to the next frame]`
/// in milliseconds for each letter.
const TYPE_AND_TIME: &str = "
    const [text, done] = arguments;
    const input = document.querySelector('.search-input');
    if (!input) { done({ error: 'no search field' }); return; }
    input.focus();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
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

#[tokio::main]
async fn main() -> TestResult {
    println!("\n## A key typed in the search (Xvfb, this machine)\n");
    println!("| ideas | in the key: median / worst | to the next frame: median / worst |");
    println!("|---|---|---|");
    for ideas in [2_000, 10_000] {
        let data = tempfile::tempdir()?;
        seed_with(data.path(), ideas, "Benchmark: typing in the search")?;
        let app = App::launch(data.path()).await?;
        app.region("Implement").await?;
        // The board settles first (its first frames, the work that waits for them).
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        let times = app.client.execute_async(TYPE_AND_TIME, vec![json!(TEXT)]).await?;
        if let Some(err) = times.get("error") {
            return Err(format!("typing in the search failed: {err}").into());
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
        println!(
            "| {ideas} | {:.0} / {:.0} ms | {:.0} / {:.0} ms |",
            median(handled.clone()),
            worst(&handled),
            median(shown.clone()),
            worst(&shown)
        );
        app.quit().await?;
    }
    Ok(())
}
