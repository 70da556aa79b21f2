//! Ten minutes of use: the memory of the real app (release build, under Xvfb) on a 1,000-idea board, one second
//! after its first frame, after the first use of each kind of step, and after a scripted session of 2,000 moves,
//! edits and view switches spread over ten minutes, with where the memory is (by process and kind of mapping) at the
//! start and the end. Not a timed test: it measures and prints Markdown tables, and fails only when the app cannot
//! be driven or the session's edits did not reach the database. Run with `bash scripts/bench.sh` (in Pickboard's
//! default WebKit setting); `PICKBOARD_SOAK_EACH=1` also prints the memory after each of the first 30 steps.

use std::time::{Duration, Instant};

use pickboard_e2e::{App, TestResult};

#[path = "common.rs"]
mod common;
use common::{print_breakdown, pss_breakdown, pss_kib, seed_with, webkit_settings};
use serde_json::json;

const IDEAS: usize = 1_000;
/// The session, unless `PICKBOARD_SOAK_OPERATIONS` and `PICKBOARD_SOAK_SECONDS` ask for a shorter one (to try the
/// script).
const OPERATIONS: usize = 2_000;
const SESSION_SECONDS: u64 = 600;
/// The steps after which each kind has been used once (six moves, two edits, the chart and back): the memory is
/// taken there too, a second later, to tell the first use of the details, the chart and drag and drop (their code
/// loaded and run for the first time) from what use adds after it.
const FIRST_USE: usize = 10;

fn from_env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A move: opens the `n`th card on screen (modulo their number), as a click does, and presses `key` (1–4) on it.
const MOVE: &str = "const [n, key] = arguments;
    const cards = document.querySelectorAll('.board-screen .card');
    const card = cards[n % cards.length];
    card.click();
    card.focus();
    card.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));";

/// An edit: opens the `n`th card and types `title` into the details' Title field, as a person does (the field's
/// own input events, then it loses the focus and saves).
const EDIT: &str = "const [n, title, done] = arguments;
    const cards = document.querySelectorAll('.board-screen .card');
    cards[n % cards.length].click();
    const start = performance.now();
    const edit = () => {
      const label = [...document.querySelectorAll('aside[aria-label=\"Idea details\"] label')]
        .find(l => l.textContent.trim() === 'Title');
      const field = label && document.getElementById(label.htmlFor);
      if (!field) {
        if (performance.now() - start > 5000) return done('the details show no Title field');
        return setTimeout(edit, 20);
      }
      field.focus();
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set.call(field, title);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.blur();
      done(null);
    };
    edit();";

/// The probe's script (`PICKBOARD_SOAK_PROBE`, a path from the top of the checkout) and `PICKBOARD_SOAK_PROBE_WITH`,
/// read once for the whole session.
fn probe() -> TestResult<Option<(String, String)>> {
    let Ok(file) = std::env::var("PICKBOARD_SOAK_PROBE") else {
        return Ok(None);
    };
    let script = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join(file),
    )?;
    let with = std::env::var("PICKBOARD_SOAK_PROBE_WITH").unwrap_or_else(|_| "cssom".into());
    Ok(Some((script, with)))
}

/// A view switch: presses V on the board, and waits until `css` (the other view) shows.
const SWITCH: &str = "const [css, done] = arguments;
    document.activeElement?.blur?.();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'v', bubbles: true, cancelable: true }));
    const start = performance.now();
    const wait = () => document.querySelector(css) ? done(null)
      : performance.now() - start > 5000 ? done(`${css} did not show`) : setTimeout(wait, 20);
    wait();";

/// The number of elements on the page and the cards drawn, for the table.
const DOM_SIZE: &str =
    "return [document.getElementsByTagName('*').length, document.querySelectorAll('.card').length];";

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The web process's anonymous memory in `parts`, KiB.
fn web_anonymous(parts: &common::Breakdown) -> u64 {
    parts
        .iter()
        .filter(|((process, kind), _)| process.starts_with("WebKitWeb") && kind.starts_with("anonymous"))
        .map(|(_, kib)| *kib)
        .sum()
}

async fn dom_size(app: &App) -> TestResult<(u64, u64)> {
    let v = app.client.execute(DOM_SIZE, vec![]).await?;
    Ok((v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0)))
}

async fn run(app: &App, script: &str, args: Vec<serde_json::Value>) -> TestResult {
    match app.client.execute_async(script, args).await? {
        serde_json::Value::Null => Ok(()),
        problem => Err(format!("the session could not go on: {problem}").into()),
    }
}

/// One step of the session: six in ten are moves (a card opened, then 1–4 pressed), two are edits of a title in the
/// details, two are view switches (to the chart and back). Each is the page's own events, sent by one script: through
/// WebDriver's keyboard, a step took about a second, and the session would have lasted half an hour.
/// `PICKBOARD_SOAK_ONLY` (`move`, `edit`, `view`) keeps one kind of step; `PICKBOARD_SOAK_PROBE` runs a script of
/// its own at each step instead, given the step and `PICKBOARD_SOAK_PROBE_WITH` (tests/bench/probes/markers.js).
async fn step(app: &App, i: usize, probe: Option<&(String, String)>) -> TestResult<&'static str> {
    if let Some((script, with)) = probe {
        run(app, script, vec![json!(i), json!(with)]).await?;
        return Ok("probe");
    }
    let kind = match std::env::var("PICKBOARD_SOAK_ONLY").as_deref() {
        Ok("move") => 0,
        Ok("edit") => 6,
        Ok("view") => 8 + i % 2,
        _ => i % 10,
    };
    match kind {
        0..=5 => {
            let key = char::from(b'1' + u8::try_from(i % 4).unwrap_or(0)).to_string();
            app.client.execute(MOVE, vec![json!(i * 7), json!(key)]).await?;
            Ok("move")
        }
        6 | 7 => {
            run(app, EDIT, vec![json!(i * 13), json!(format!("Soak edit {i}"))]).await?;
            Ok("edit")
        }
        8 => {
            run(app, SWITCH, vec![json!(".plane")]).await?;
            Ok("view")
        }
        _ => {
            run(app, SWITCH, vec![json!(".board-screen .card")]).await?;
            Ok("view")
        }
    }
}

#[tokio::main]
async fn main() -> TestResult {
    let data = tempfile::tempdir()?;
    let board = seed_with(data.path(), IDEAS, "Benchmark: ten minutes of use")?;
    let app = App::launch(data.path()).await?;
    app.wait_for_css(".board-screen .card").await?;
    app.wait_until(
        "the first frame is marked",
        "return performance.getEntriesByName('board-painted').length > 0;",
    )
    .await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (pss_before, parts_before, dom_before) = (
        pss_kib(data.path()),
        pss_breakdown(data.path()),
        dom_size(&app).await?,
    );

    let operations = from_env("PICKBOARD_SOAK_OPERATIONS", OPERATIONS);
    let session = Duration::from_secs(from_env("PICKBOARD_SOAK_SECONDS", SESSION_SECONDS));
    let probe = probe()?;
    // `PICKBOARD_SOAK_EACH`: the memory after each of the first 30 steps too (they take a second longer each).
    let each = std::env::var_os("PICKBOARD_SOAK_EACH").is_some();
    let start = Instant::now();
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    let mut samples = Vec::new();
    let mut after_first_use = None;
    for i in 0..operations {
        let kind = step(&app, i, probe.as_ref()).await?;
        *counts.entry(kind).or_default() += 1;
        if each && i < 3 * FIRST_USE {
            // A second to settle, then the memory after this one step (the first uses, and the heap's sawtooth).
            tokio::time::sleep(Duration::from_secs(1)).await;
            println!(
                "step {i} ({kind}): PSS {:.1} MiB, the web process's anonymous memory {:.1} MiB",
                mib(pss_kib(data.path())),
                mib(web_anonymous(&pss_breakdown(data.path())))
            );
        }
        if i + 1 == FIRST_USE.min(operations) {
            tokio::time::sleep(Duration::from_secs(1)).await;
            after_first_use = Some(pss_kib(data.path()));
        }
        if i % 200 == 199 {
            samples.push((start.elapsed().as_secs(), pss_kib(data.path())));
        }
        // Spread over the whole session, as a person's use is.
        let due = start + session.mul_f64((i + 1) as f64 / operations as f64);
        tokio::time::sleep(due.saturating_duration_since(Instant::now())).await;
    }
    let elapsed = start.elapsed();
    // Back on the board view, as at the start, and a second to settle.
    app.wait_for_css(".board-screen .card").await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (pss_after, parts_after, dom_after) = (
        pss_kib(data.path()),
        pss_breakdown(data.path()),
        dom_size(&app).await?,
    );
    tokio::time::sleep(Duration::from_secs(30)).await;
    let pss_later = pss_kib(data.path());
    app.quit().await?;

    // The session's edits reached the database: one event each in the board's history, less the moves into the
    // quadrant the idea was already in.
    let db = rusqlite::Connection::open(data.path().join("pickboard.db"))?;
    let events: i64 = db.query_row("SELECT count(*) FROM events WHERE board_id = ?1", [board], |r| {
        r.get(0)
    })?;
    let edits = counts.get("move").copied().unwrap_or(0) + counts.get("edit").copied().unwrap_or(0);
    assert!(
        events as f64 >= edits as f64 * 0.5,
        "only {events} events recorded for {edits} moves and edits"
    );

    let growth = (pss_after as f64 / pss_before as f64 - 1.0) * 100.0;
    println!(
        "\n## Ten minutes of use ({IDEAS} ideas, {}; unset is Pickboard's default)\n",
        webkit_settings()
    );
    println!(
        "{} moves, {} edits, {} view switches, {} probe steps in {:.0} s; {events} events in the board's history.\n",
        counts.get("move").copied().unwrap_or(0),
        counts.get("edit").copied().unwrap_or(0),
        counts.get("view").copied().unwrap_or(0),
        counts.get("probe").copied().unwrap_or(0),
        elapsed.as_secs_f64()
    );
    println!("| measure | after start-up | after the session | 30 s later | growth | target |\n|---|---|---|---|---|---|");
    println!(
        "| PSS, app + WebKit | {:.0} MiB | {:.0} MiB | {:.0} MiB | {growth:+.1} % | ≤ 10 % — {} |",
        mib(pss_before),
        mib(pss_after),
        mib(pss_later),
        if growth <= 10.0 { "met" } else { "**not met**" }
    );
    if let Some(first_use) = after_first_use {
        println!(
            "| PSS, from the first use of each kind of step ({FIRST_USE} steps, a second later) | {:.0} MiB | {:.0} MiB | {:.0} MiB | {:+.1} % | – |",
            mib(first_use),
            mib(pss_after),
            mib(pss_later),
            (pss_after as f64 / first_use as f64 - 1.0) * 100.0
        );
    }
    println!(
        "| elements on the page (cards) | {} ({}) | {} ({}) | – | – | – |",
        dom_before.0, dom_before.1, dom_after.0, dom_after.1
    );
    println!("\n| seconds into the session | PSS |\n|---|---|");
    for (at, kib) in samples {
        println!("| {at} | {:.0} MiB |", mib(kib));
    }
    print_breakdown(
        "memory (PSS)",
        &[
            ("after start-up", &parts_before),
            ("after the session", &parts_after),
        ],
    );
    Ok(())
}
