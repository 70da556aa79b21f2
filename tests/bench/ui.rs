//! Benchmarks through the real app, with 1,000 placed ideas (not timed tests: they measure and print, and fail only
//! when the app cannot be driven). Run with `bash scripts/bench.sh`.
//!
//! - Drag frame time: `requestAnimationFrame` intervals in the webview while WebDriver drags a marker across the chart.
//! - Move round trip: `set_scores` and `move_idea` invoked from the webview, through the SQLite commit, back to the page.

use pickboard_e2e::{App, TestResult};
use pickboard_lib::domain::{Score, Zone};
use pickboard_lib::storage::{boards, ideas, Db};
use serde_json::{json, Value};

const IDEAS: usize = 1_000;
const ROUND_TRIPS: usize = 500;
const BENCH_TITLE: &str = "Benchmark marker";

/// A deterministic spread of scores (no randomness crate needed).
fn spread(i: usize) -> (i64, i64) {
    let x = (i * 7_919) % 1_000;
    let y = (i * 104_729 + 13) % 997;
    (
        i64::try_from(y % 101).unwrap_or(0),
        i64::try_from(x % 101).unwrap_or(0),
    )
}

fn seed(dir: &std::path::Path) -> TestResult<i64> {
    let mut db = Db::open(&dir.join("pickboard.db"))?;
    let board = db.write(|tx| {
        let board = boards::create(tx, "Benchmark: 1,000 ideas")?;
        for i in 0..IDEAS - 1 {
            let (mut payoff, mut cost) = spread(i);
            // Keep the top-left corner free, so the benchmark marker stands alone there.
            if payoff > 85 && cost < 15 {
                (payoff, cost) = (payoff - 30, cost + 30);
            }
            let idea = ideas::add(
                tx,
                board.id,
                &format!("Idea {i}: a realistic title of some length"),
                Zone::Unsorted,
            )?;
            ideas::set_position(
                tx,
                idea.id,
                Score::from_tenths(payoff)?,
                Score::from_tenths(cost)?,
            )?;
        }
        let idea = ideas::add(tx, board.id, BENCH_TITLE, Zone::Unsorted)?;
        ideas::set_position(tx, idea.id, Score::from_tenths(95)?, Score::from_tenths(5)?)?;
        Ok(board.id)
    })?;
    std::fs::write(
        dir.join("settings.json"),
        json!({ "theme": "light", "lastBoardId": board }).to_string(),
    )?;
    Ok(board)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn sorted(value: Value) -> TestResult<Vec<f64>> {
    let mut v: Vec<f64> = serde_json::from_value(value)?;
    v.sort_by(f64::total_cmp);
    Ok(v)
}

#[tokio::main]
async fn main() -> TestResult {
    let data = tempfile::tempdir()?;
    seed(data.path())?;
    let app = App::launch(data.path()).await?;
    app.region("Implement").await?;
    app.click_button("Chart").await?;
    let plane = app.wait_for_css(".plane").await?;
    let marker = app
        .wait_for_css(&format!("button.marker[aria-label^='{BENCH_TITLE}']"))
        .await?;
    let markers = app
        .client
        .execute(
            "return document.querySelectorAll('.plane .marker, .plane .marker-stack').length;",
            vec![],
        )
        .await?;

    let id = app
        .client
        .execute(
            &format!("return Number(document.querySelector(\"button.marker[aria-label^='{BENCH_TITLE}']\").dataset.ideaId);"),
            vec![],
        )
        .await?;
    // Drag frame time: sample every frame while the pointer drags the marker across the plane.
    app.client
        .execute(
            "window.__frames = []; window.__sampling = true;
             const tick = (t) => { window.__frames.push(t); if (window.__sampling) requestAnimationFrame(tick); };
             requestAnimationFrame(tick);",
            vec![],
        )
        .await?;
    let (px, py, pw, ph) = plane.rectangle().await?;
    app.drag_path(
        &marker,
        &[
            (px + pw * 0.5, py + ph * 0.5),
            (px + pw * 0.9, py + ph * 0.9),
            (px + pw * 0.3, py + ph * 0.7),
        ],
        120,
    )
    .await?;
    let frames = app
        .client
        .execute(
            "window.__sampling = false; const f = window.__frames;
             return f.slice(1).map((t, i) => t - f[i]);",
            vec![],
        )
        .await?;
    let frames = sorted(frames)?;

    // Round trips from the page through the backend and the SQLite commit back to the page.
    let script = "
        const [id, n, done] = arguments;
        (async () => {
            const invoke = window.__TAURI_INTERNALS__.invoke;
            const scores = [], moves = [];
            for (let i = 0; i < n; i++) {
                let t = performance.now();
                await invoke('set_scores', { id, payoff: 6 + (i % 30) / 10, cost: 1 + (i % 20) / 10 });
                scores.push(performance.now() - t);
                t = performance.now();
                await invoke('move_idea', { id, zone: i % 2 ? 'implement' : 'challenge', index: i % 5 });
                moves.push(performance.now() - t);
            }
            done([scores, moves]);
        })().catch((e) => done({ error: String(e && e.message || e) }));";
    let result = app
        .client
        .execute_async(script, vec![id, json!(ROUND_TRIPS)])
        .await?;
    if let Some(err) = result.get("error") {
        return Err(format!("round trips failed: {err}").into());
    }
    let scores = sorted(result[0].clone())?;
    let moves = sorted(result[1].clone())?;
    app.quit().await?;

    println!(
        "\n## UI benchmark: {IDEAS} placed ideas, chart view ({markers} markers and stacks on screen)\n"
    );
    println!("| measure | p50 | p95 | p99 | max | samples | target |");
    println!("|---|---|---|---|---|---|---|");
    let row = |name: &str, v: &[f64], target: &str| {
        println!(
            "| {name} | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms | {} | {target} |",
            percentile(v, 50.0),
            percentile(v, 95.0),
            percentile(v, 99.0),
            v.last().copied().unwrap_or(f64::NAN),
            v.len()
        );
    };
    row("frame time while dragging a marker", &frames, "p95 ≤ 16.7 ms");
    row("round trip: set scores (chart move)", &scores, "p99 ≤ 2 ms");
    row("round trip: move to a quadrant slot", &moves, "p99 ≤ 2 ms");
    Ok(())
}
