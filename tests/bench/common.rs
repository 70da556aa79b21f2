//! What the app benchmarks share: a board of placed ideas spread over the plane, with one marker standing alone to
//! drag, the statistics they report, and the memory of the app's processes. Included by `ui.rs`, `chart.rs` and
//! `soak.rs` (`#[path]`), not a benchmark itself.
#![allow(dead_code)] // Each benchmark uses a part.

use std::collections::BTreeMap;
use std::path::Path;

use pickboard_e2e::{processes_on, App, TestResult};
use pickboard_lib::domain::{Score, Zone};
use pickboard_lib::storage::{boards, ideas, Db};
use serde_json::json;

/// The idea the drag benchmarks grab, alone in the plane's top-left corner.
pub const BENCH_TITLE: &str = "Benchmark marker";

/// A deterministic spread of scores (no randomness crate needed).
fn spread(i: usize) -> (i64, i64) {
    let x = (i * 7_919) % 1_000;
    let y = (i * 104_729 + 13) % 997;
    (
        i64::try_from(y % 101).unwrap_or(0),
        i64::try_from(x % 101).unwrap_or(0),
    )
}

/// Adds a board `name` of `count` placed ideas (the last one `BENCH_TITLE`) to the database in `dir`, and makes it
/// the board shown at start; returns its id.
pub fn seed_with(dir: &Path, count: usize, name: &str) -> TestResult<i64> {
    let mut db = Db::open(&dir.join("pickboard.db"))?;
    let board = db.write(|tx| {
        let board = boards::create(tx, name)?;
        for i in 0..count - 1 {
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

/// The `p`th percentile of `sorted` (nearest rank).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// The share of frame intervals within 20 ms: one 16.7 ms vsync as read by WebKit's clock, coarsened to 1 ms, which
/// reads a vsync as 16 or 17 ms and a frame that took one vsync plus a little as up to 20.
pub fn share_within_a_vsync(frames: &[f64]) -> f64 {
    frames.iter().filter(|&&f| f <= 20.0).count() as f64 / frames.len().max(1) as f64
}

/// The WebKit settings this run's processes get, for a table's heading: "unset" is Pickboard's default.
pub fn webkit_settings() -> String {
    pickboard_lib::WEBKIT_DEFAULTS
        .iter()
        .map(|(variable, _)| {
            format!(
                "{variable}={}",
                std::env::var(variable).unwrap_or_else(|_| "unset".into())
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// On the chart that is on screen, drags the `BENCH_TITLE` marker about the plane with real pointer events and returns
/// the intervals between the frames drawn meanwhile (ms), sorted. The click that showed the chart was the window's
/// first input: the chart is drawn anew once drag and drop has loaded, which is waited for first, so that neither the
/// marker found nor the frames sampled are those of the chart about to go.
pub async fn drag_frames_on_chart(app: &App) -> TestResult<Vec<f64>> {
    app.wait_for_drag_and_drop().await?;
    let plane = app.wait_for_css(".plane").await?;
    let marker = app
        .wait_for_css(&format!("button.marker[aria-label^='{BENCH_TITLE}']"))
        .await?;
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
            "window.__sampling = false; const f = window.__frames; return f.slice(1).map((t, i) => t - f[i]);",
            vec![],
        )
        .await?;
    let mut frames: Vec<f64> = serde_json::from_value(frames)?;
    frames.sort_by(f64::total_cmp);
    Ok(frames)
}

/// The app's processes on `data` whose memory counts: the app (or the bare window) and WebKit's web and network
/// processes; not the drivers, nor the accessibility bus GTK starts.
fn measured_processes(data: &Path) -> Vec<(u32, String)> {
    processes_on(data)
        .into_iter()
        .filter(|(_, comm)| {
            matches!(comm.as_str(), "pickboard" | "bare-window")
                || (comm.starts_with("WebKit") && !comm.starts_with("WebKitWebDrive"))
        })
        .collect()
}

/// The PSS in KiB of the app and WebKit's web and network processes on `data`.
pub fn pss_kib(data: &Path) -> u64 {
    measured_processes(data)
        .into_iter()
        .filter_map(|(pid, _)| {
            let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
            rollup
                .lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .sum()
}

/// What a mapping of `/proc/PID/smaps` holds, from its path.
fn kind_of_mapping(path: &str) -> &'static str {
    if path.is_empty() || path == "[heap]" || path.starts_with("[anon") {
        "anonymous (heaps: JavaScript, DOM, style, layers, caches)"
    } else if path.starts_with("/memfd:") || path.starts_with("/dev/shm") || path.contains("(deleted)") {
        "shared memory (frames, IPC buffers)"
    } else if path.ends_with(".ttf")
        || path.ends_with(".otf")
        || path.ends_with(".ttc")
        || path.contains("fontconfig")
    {
        "fonts and their caches (mapped files)"
    } else if path.contains(".so") {
        "libraries (code and data)"
    } else if path.starts_with('[') {
        "stacks and kernel mappings"
    } else {
        "other mapped files"
    }
}

/// PSS in KiB by process and kind of mapping.
pub type Breakdown = BTreeMap<(String, &'static str), u64>;

/// The PSS in KiB of the same processes as [`pss_kib`], by process and kind of mapping; the app's own process
/// (Pickboard or the bare window) is named "app", so that the two compare row by row.
pub fn pss_breakdown(data: &Path) -> Breakdown {
    let mut out = BTreeMap::new();
    for (pid, comm) in measured_processes(data) {
        let comm = if comm.starts_with("WebKit") {
            comm
        } else {
            "app".to_owned()
        };
        let Ok(smaps) = std::fs::read_to_string(format!("/proc/{pid}/smaps")) else {
            continue;
        };
        let mut kind = kind_of_mapping("");
        for line in smaps.lines() {
            let mut fields = line.split_whitespace();
            let first = fields.next().unwrap_or_default();
            if first.contains('-') && !first.ends_with(':') {
                // A mapping's header: address range, permissions, offset, device, inode, then its path.
                kind = kind_of_mapping(&fields.skip(4).collect::<Vec<_>>().join(" "));
            } else if first == "Pss:" {
                let kib = fields.next().and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
                *out.entry((comm.clone(), kind)).or_insert(0) += kib;
            }
        }
    }
    out
}

/// Prints `columns` (a heading and a breakdown each) as a Markdown table headed `title`: a row per process and kind of
/// mapping that holds at least 1 MiB in one of them.
pub fn print_breakdown(title: &str, columns: &[(&str, &Breakdown)]) {
    let headings: Vec<&str> = columns.iter().map(|(heading, _)| *heading).collect();
    println!(
        "\n| {title} | {} |\n|---|{}",
        headings.join(" | "),
        "---|".repeat(columns.len())
    );
    let mut keys: Vec<&(String, &str)> = columns.iter().flat_map(|(_, parts)| parts.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let mib: Vec<f64> = columns
            .iter()
            .map(|(_, parts)| parts.get(key).copied().unwrap_or(0) as f64 / 1024.0)
            .collect();
        if mib.iter().any(|m| *m >= 1.0) {
            let cells: Vec<String> = mib.iter().map(|m| format!("{m:.1} MiB")).collect();
            println!("| {}: {} | {} |", key.0, key.1, cells.join(" | "));
        }
    }
}
