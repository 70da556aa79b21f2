//! Benchmarks through the real app, each figure beside a baseline measured in the same run (not timed tests: they
//! measure and print a Markdown table, and fail only when the app cannot be driven). Run with `bash scripts/bench.sh`.
//!
//! - Start-up: from asking for the window to the first frame with the board (1,000 ideas) on screen, against a bare
//!   Tauri window (tests/bare-window) started the same way; the median of 5 launches each, alternating.
//! - Memory: proportional set size (PSS) of the app and its WebKit processes a second after start-up, same baseline.
//! - Board load: `get_board` in Rust on 10,000 ideas; and from a click in the sidebar to the board's first frame.
//! - Move round trip on 10,000 ideas: `set_scores` and `move_idea` invoked from the webview, through the SQLite
//!   commit, back to the page; against the IPC floor, the bare window's no-op with the same payload on the same
//!   async runtime (`move_idea_async`; the main thread's `move_idea` is printed beside it). The bare window has
//!   Pickboard's security settings, which decide the IPC's transport (see tests/security.rs in src-tauri). Both
//!   windows are open, and five batches of 500 calls per command are taken in turns across them once the board has
//!   settled, after one batch of each that is not counted; a mean is the median batch's, a ratio the median of each
//!   turn's ratio to the no-op's batch of the same turn, a percentile is over all calls.
//! - Drag frame time: `requestAnimationFrame` intervals while WebDriver drags a marker across 1,000 on the chart; the
//!   share within 20 ms, as the chart benchmark reports it for 10,000.
//! - Sizes: the release binary and the .deb; the JavaScript the page loads at start (from ui/dist), against what it
//!   loaded when issue 14 was filed.
//!
//! `PICKBOARD_BENCH_STARTUP_ONLY=1` measures start-up, memory and the scripts loaded at start alone.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pickboard_e2e::{app_binary, App, TestResult};

#[path = "common.rs"]
mod common;
use common::{
    drag_frames_on_chart, median, percentile, print_breakdown, pss_breakdown, pss_kib, seed_with,
    share_within_a_vsync, webkit_settings, Breakdown,
};
use pickboard_lib::storage::{boards, Db};
use serde_json::{json, Value};

const IDEAS: usize = 1_000;
const ROUND_TRIPS: usize = 500;
/// Batches of ROUND_TRIPS calls per command, taken in turns; a mean is the median batch's, a ratio the median of
/// the turns' ratios.
const BATCHES: usize = 5;

fn sorted(value: Value) -> TestResult<Vec<f64>> {
    let mut v: Vec<f64> = serde_json::from_value(value)?;
    v.sort_by(f64::total_cmp);
    Ok(v)
}

/// The bare window's binary, built by scripts/bench.sh beside Pickboard's.
fn bare_binary() -> PathBuf {
    std::env::var_os("PICKBOARD_BARE_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/bare-window"))
}

/// Milliseconds from the launch request to the page's last `board-painted` mark.
async fn painted_after_launch(app: &App) -> TestResult<f64> {
    app.wait_until(
        "the first frame is marked",
        "return performance.getEntriesByName('board-painted').length > 0;",
    )
    .await?;
    let painted = app
        .client
        .execute(
            "return performance.timeOrigin + performance.getEntriesByName('board-painted').at(-1).startTime;",
            vec![],
        )
        .await?
        .as_f64()
        .ok_or("no mark")?;
    let launched = app
        .launched_at
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs_f64()
        * 1000.0;
    Ok(painted - launched)
}

/// Where one launch's start-up went: each step's time since the launch request (ms). From Rust (`startup_timeline`:
/// `main`, the database opened, setup done, the page's load started and finished) and from the page (its time
/// origin, the first board frame, drawn before React; the first bundle evaluated, the board's data, and React's first
/// frame, the first that answers). The bare window marks `main`, setup done, the page's load and its first frame.
async fn startup_steps(app: &App) -> TestResult<Vec<(String, f64)>> {
    let launched = app
        .launched_at
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs_f64()
        * 1000.0;
    let value = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const page = [['page-time-origin', performance.timeOrigin]].concat(
               ['first-frame-script', 'first-frame-built', 'script-evaluated', 'board-data', 'board-painted', 'board-interactive']
                 .map(n => [n, performance.timeOrigin + (performance.getEntriesByName(n)[0]?.startTime ?? NaN)])
                 .filter(([, at]) => Number.isFinite(at)));
             window.__TAURI_INTERNALS__.invoke('startup_timeline')
               .then(marks => done(marks.map(m => [m.step, m.atMs]).concat(page)))
               .catch(e => done([['error ' + String(e?.message ?? e), 0]]));",
            vec![],
        )
        .await?;
    let steps: Vec<(String, f64)> = serde_json::from_value(value)?;
    let mut steps: Vec<(String, f64)> = steps.into_iter().map(|(s, at)| (s, at - launched)).collect();
    steps.sort_by(|a, b| a.1.total_cmp(&b.1));
    Ok(steps)
}

struct Row {
    measure: String,
    ours: String,
    baseline: String,
    ratio: String,
    target: String,
    met: bool,
}

fn row(measure: &str, ours: String, baseline: String, ratio: Option<f64>, target: &str, met: bool) -> Row {
    Row {
        measure: measure.into(),
        ours,
        baseline,
        ratio: ratio.map_or("–".into(), |r| format!("{r:.2}")),
        target: target.into(),
        met,
    }
}

fn main() -> TestResult {
    // The same WebKit settings on both sides: where a variable is not set, the bare window (which tauri-driver starts
    // with this environment) gets the value Pickboard gives itself. Set before any other thread runs.
    pickboard_lib::webkit_defaults();
    tokio::runtime::Runtime::new()?.block_on(measure())
}

async fn measure() -> TestResult {
    let mut rows = Vec::new();

    // Start-up and memory, Pickboard with 1,000 ideas against the bare window, alternating.
    let data = tempfile::tempdir()?;
    seed_with(data.path(), IDEAS, "Benchmark: 1,000 ideas")?;
    let bare_data = tempfile::tempdir()?;
    let (mut ours_start, mut bare_start, mut ours_pss, mut bare_pss) = (vec![], vec![], vec![], vec![]);
    let mut timelines: Vec<Vec<(String, f64)>> = Vec::new();
    let mut bare_timelines: Vec<Vec<(String, f64)>> = Vec::new();
    let (mut ours_parts, mut bare_parts) = (Breakdown::new(), Breakdown::new());
    for _ in 0..5 {
        let app = App::launch_binary(&bare_binary(), bare_data.path(), "body").await?;
        bare_start.push(painted_after_launch(&app).await?);
        tokio::time::sleep(Duration::from_secs(1)).await;
        bare_pss.push(pss_kib(bare_data.path()) as f64 / 1024.0);
        bare_parts = pss_breakdown(bare_data.path());
        bare_timelines.push(startup_steps(&app).await?);
        app.quit().await?;
        let app = App::launch(data.path()).await?;
        ours_start.push(painted_after_launch(&app).await?);
        tokio::time::sleep(Duration::from_secs(1)).await;
        ours_pss.push(pss_kib(data.path()) as f64 / 1024.0);
        ours_parts = pss_breakdown(data.path());
        timelines.push(startup_steps(&app).await?);
        app.quit().await?;
    }
    // The timelines: the median time of each step since the launch request, over the launches.
    println!(
        "\n| start-up step (1,000 ideas) | Pickboard, median since launch | bare window |\n|---|---|---|"
    );
    let median_of = |timelines: &[Vec<(String, f64)>], step: &str| {
        let times: Vec<f64> = timelines
            .iter()
            .filter_map(|t| t.iter().find(|(s, _)| s == step).map(|(_, at)| *at))
            .filter(|at| at.is_finite())
            .collect();
        (!times.is_empty()).then(|| format!("{:.0} ms", median(times)))
    };
    for (step, _) in &timelines[0] {
        if let Some(ours) = median_of(&timelines, step) {
            let bare = median_of(&bare_timelines, step).unwrap_or_else(|| "–".into());
            println!("| {step} | {ours} | {bare} |");
        }
    }
    // Where the memory is, in the last launch of each.
    print_breakdown(
        "memory one second after the first frame (PSS)",
        &[("Pickboard", &ours_parts), ("bare window", &bare_parts)],
    );
    let (s, b) = (median(ours_start), median(bare_start));
    rows.push(row(
        "start-up to the first frame (1,000 ideas)",
        format!("{s:.0} ms"),
        format!("{b:.0} ms"),
        Some(s / b),
        "ratio ≤ 1.25",
        s / b <= 1.25,
    ));
    let (s, b) = (median(ours_pss), median(bare_pss));
    rows.push(row(
        "memory after start-up (PSS, app + WebKit)",
        format!("{s:.0} MiB"),
        format!("{b:.0} MiB"),
        Some(s / b),
        "ratio ≤ 1.2",
        s / b <= 1.2,
    ));
    // What the page loads at start, from ui/dist (the build the release binary embeds).
    let scripts = start_scripts()?;
    let entry = scripts.entry as f64 / 1000.0;
    rows.push(row(
        "first bundle (React's entry module)",
        format!("{entry:.1} kB"),
        format!("{:.1} kB", FILED_ENTRY as f64 / 1000.0),
        Some(scripts.entry as f64 / FILED_ENTRY as f64),
        "no bigger than when the issue was filed",
        scripts.entry <= FILED_ENTRY,
    ));
    rows.push(row(
        "all JavaScript loaded at start (first-frame script, entry, its static imports)",
        format!("{:.1} kB", scripts.total as f64 / 1000.0),
        format!("{:.1} kB", FILED_START as f64 / 1000.0),
        Some(scripts.total as f64 / FILED_START as f64),
        "no bigger than when the issue was filed",
        scripts.total <= FILED_START,
    ));

    // PICKBOARD_BENCH_STARTUP_ONLY=1: start-up and memory alone, to compare two builds of the page quickly.
    if std::env::var_os("PICKBOARD_BENCH_STARTUP_ONLY").is_some() {
        print_table(rows);
        return Ok(());
    }

    // A 10,000-idea board: the backend's load, and a bare rusqlite update on a copy of the same file.
    let big = tempfile::tempdir()?;
    seed_with(big.path(), 100, "Small board")?;
    let big_board = seed_with(big.path(), 10_000, "Benchmark: 10,000 ideas")?;
    let small_board = big_board - 1;
    std::fs::write(
        big.path().join("settings.json"),
        json!({ "theme": "light", "lastBoardId": small_board }).to_string(),
    )?;
    let mut loads = Vec::new();
    {
        let mut db = Db::open(&big.path().join("pickboard.db"))?;
        for _ in 0..20 {
            let t = Instant::now();
            db.read(|tx| boards::get(tx, big_board))?;
            loads.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let load = median(loads);
    rows.push(row(
        "board load in Rust (10,000 ideas)",
        format!("{load:.1} ms"),
        "–".into(),
        None,
        "≤ 20 ms",
        load <= 20.0,
    ));
    let app = App::launch(big.path()).await?;
    app.region("Implement").await?;
    let mut paints = Vec::new();
    for _ in 0..3 {
        for (board, name) in [
            (big_board, "Benchmark: 10,000 ideas"),
            (small_board, "Small board"),
        ] {
            let before = app
                .client
                .execute(
                    "performance.clearMarks('board-painted'); return performance.now();",
                    vec![],
                )
                .await?;
            app.client
                .execute("[...document.querySelectorAll('.board-link')].find(b => b.textContent.startsWith(arguments[0])).click();", vec![json!(name)])
                .await?;
            app.wait_until(
                "the board is painted",
                "return performance.getEntriesByName('board-painted').length > 0;",
            )
            .await?;
            let painted = app
                .client
                .execute(
                    "return performance.getEntriesByName('board-painted').at(-1).startTime;",
                    vec![],
                )
                .await?;
            if board == big_board {
                paints.push(painted.as_f64().unwrap_or(f64::NAN) - before.as_f64().unwrap_or(f64::NAN));
            }
        }
    }
    let paint = median(paints);
    rows.push(row(
        "click → first frame of a 10,000-idea board",
        format!("{paint:.0} ms"),
        "–".into(),
        None,
        "≤ 500 ms",
        paint <= 500.0,
    ));

    // Round trips on the 10,000-idea board.
    app.client.execute("[...document.querySelectorAll('.board-link')].find(b => b.textContent.startsWith('Benchmark: 10,000')).click();", vec![]).await?;
    app.wait_until(
        "the big board is open",
        "return document.querySelector('.board-name')?.value.startsWith('Benchmark: 10,000');",
    )
    .await?;
    let id = {
        let conn = rusqlite::Connection::open(big.path().join("pickboard.db"))?;
        conn.query_row(
            "SELECT max(id) FROM ideas WHERE board_id = ?1",
            [big_board],
            |r| r.get::<_, i64>(0),
        )?
    };
    let scores: Vec<Value> = (0..ROUND_TRIPS)
        .map(|i| json!({ "id": id, "payoff": 6.0 + (i % 30) as f64 / 10.0, "cost": 1.0 + (i % 20) as f64 / 10.0 }))
        .collect();
    let moves: Vec<Value> = (0..ROUND_TRIPS)
        .map(|i| json!({ "id": id, "zone": if i % 2 == 1 { "implement" } else { "challenge" }, "index": i % 5 }))
        .collect();
    // The bare window for the IPC floor (below), opened before the pause, so that its start-up is over too.
    let bare = App::launch_binary(&bare_binary(), bare_data.path(), "body").await?;
    // The page is left to finish opening the board (its last cards, the first scroll observations), so that the
    // batches measure the calls and not what the page does meanwhile.
    tokio::time::sleep(Duration::from_secs(3)).await;
    // The IPC floor: the bare window's no-op `move_idea`, which takes a move's arguments and answers with a move's
    // payload, on the main thread and on the async runtime as Pickboard's commands run. The bare window stays open
    // beside Pickboard's, idle, and its batches are taken in turns with Pickboard's: the machine's speed drifts by a
    // third within minutes, and a floor measured before Pickboard's window opened carried that drift into the ratio.
    let no_ops: Vec<Value> = (0..ROUND_TRIPS)
        .map(|i| json!({ "id": 10_000, "zone": if i % 2 == 1 { "implement" } else { "challenge" }, "index": i % 5 }))
        .collect();
    // Pickboard's own floor: a command that touches no database (the start-up timeline, a few strings), so that
    // what its page and IPC cost is told apart from the edit's work in Rust.
    let mut batches = invoke_in_turns(&[
        (&bare, "move_idea_async", no_ops.clone()),
        (&app, "set_scores", scores),
        (&app, "move_idea", moves),
        (&bare, "move_idea", no_ops),
        (&app, "startup_timeline", vec![json!({}); ROUND_TRIPS]),
    ])
    .await?;
    bare.quit().await?;
    app.quit().await?;
    let own_floor = batches.pop().ok_or("no batch")?;
    let floor = batches.pop().ok_or("no batch")?;
    let moves = batches.pop().ok_or("no batch")?;
    let scores = batches.pop().ok_or("no batch")?;
    let floor_async = batches.pop().ok_or("no batch")?;
    let floor_p99 = percentile(&floor.samples, 99.0);
    let floor_async_p99 = percentile(&floor_async.samples, 99.0);
    println!(
        "\nIPC floor (bare window, no-op move_idea, {BATCHES} × {ROUND_TRIPS} calls): mean {:.3} ms (batches {}), p50 {:.2}, p99 {:.2} ms",
        floor.mean(),
        floor.means_text(),
        percentile(&floor.samples, 50.0),
        floor_p99
    );
    println!(
        "IPC floor on the async runtime (no-op move_idea_async): mean {:.3} ms (batches {}), p50 {:.2}, p99 {:.2} ms",
        floor_async.mean(),
        floor_async.means_text(),
        percentile(&floor_async.samples, 50.0),
        floor_async_p99
    );
    println!(
        "Pickboard's page on 10,000 ideas, a command without the database (startup_timeline): mean {:.3} ms (batches {}), p99 {:.2} ms",
        own_floor.mean(),
        own_floor.means_text(),
        percentile(&own_floor.samples, 99.0)
    );
    for (name, batch) in [("set scores", &scores), ("move to a quadrant slot", &moves)] {
        let p99 = percentile(&batch.samples, 99.0);
        // Each turn's batch against the async no-op's batch of the same turn, taken within seconds of it; the
        // median of those ratios.
        let ratios = batch.ratios_to(&floor_async);
        let mean_ratio = median(ratios.clone());
        println!(
            "{name}: mean {:.3} ms (batches {}); {:.2}× the main-thread no-op's mean, {:.2}× its p99; \
             turn by turn against the async no-op {}",
            batch.mean(),
            batch.means_text(),
            batch.mean() / floor.mean(),
            p99 / floor_p99,
            ratios
                .iter()
                .map(|r| format!("{r:.2}×"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        // Against the no-op on the same runtime: an edit runs on the async runtime, never on the window's thread,
        // where a commit would hold up drawing.
        let p99_ratio = p99 / floor_async_p99;
        rows.push(row(
            &format!("round trip on 10,000 ideas: {name}, mean / p99 (page → Rust → SQLite commit → page)"),
            format!("{:.2} / {p99:.2} ms", batch.mean()),
            format!(
                "{:.2} / {floor_async_p99:.2} ms (async no-op)",
                floor_async.mean()
            ),
            Some(mean_ratio),
            "mean ≤ 1.5×, p99 ≤ 2× the no-op's",
            mean_ratio <= 1.5 && p99_ratio <= 2.0,
        ));
    }

    // Drag frame time with 1,000 markers on the chart.
    let frames = drag_frames(data.path()).await?;
    let within = share_within_a_vsync(&frames);
    rows.push(row(
        &format!(
            "dragging among 1,000 markers: frames within 20 ms, p95 ({} frames)",
            frames.len()
        ),
        format!("{:.1} %, {:.0} ms", within * 100.0, percentile(&frames, 95.0)),
        "–".into(),
        None,
        "≥ 99 % (one vsync at the clock's 1 ms)",
        within >= 0.99,
    ));

    // Sizes.
    let mib = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.len() as f64 / 1_048_576.0)
            .unwrap_or(f64::NAN)
    };
    let binary = mib(&app_binary());
    let bare = mib(&bare_binary());
    rows.push(row(
        "release binary",
        format!("{binary:.1} MiB"),
        format!("{bare:.1} MiB"),
        Some(binary / bare),
        "≤ 15 MiB",
        binary <= 15.0,
    ));
    let deb = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/bundle/deb"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "deb"));
    let deb_mib = deb.as_deref().map_or(f64::NAN, mib);
    rows.push(row(
        ".deb package",
        format!("{deb_mib:.1} MiB"),
        "–".into(),
        None,
        "≤ 7 MiB",
        deb_mib <= 7.0,
    ));

    print_table(rows);
    Ok(())
}

/// The page's scripts at start when issue 14 was filed (ui/ of e4a892c~1, built the same way), in bytes: the entry
/// module, and it with the module it imports (the JSX runtime). There was no first-frame script then.
const FILED_ENTRY: u64 = 353_996;
const FILED_START: u64 = 362_907;

/// The bytes of JavaScript the built page loads at start.
struct StartScripts {
    /// React's entry module.
    entry: u64,
    /// Every script loaded before the page is interactive: the first-frame script, the entry module and the modules
    /// it imports statically (not those it imports when a panel first opens).
    total: u64,
}

/// Reads ui/dist as the window loads it: the classic scripts of index.html (the first frame's), the entry module
/// named in their `data-entry`, and the entry's static imports.
fn start_scripts() -> TestResult<StartScripts> {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist");
    let html = std::fs::read_to_string(dist.join("index.html"))?;
    let size = |path: &str| std::fs::metadata(dist.join(path.trim_start_matches('/'))).map(|m| m.len());
    let attribute = |name: &str| {
        html.split(&format!("{name}=\""))
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let entry_path = attribute("data-entry")
        .into_iter()
        .next()
        .ok_or("index.html names no entry module")?;
    let entry = size(&entry_path)?;
    let mut total = entry;
    for script in attribute("src") {
        total += size(&script)?;
    }
    let code = std::fs::read_to_string(dist.join(entry_path.trim_start_matches('/')))?;
    let folder = Path::new(&entry_path)
        .parent()
        .map_or(String::new(), |p| p.display().to_string());
    // `import{…}from"./jsx-runtime-….js"` and `import"./….js"`; `import("./….js")` loads later, when first needed.
    for marker in ["from\"./", "import\"./"] {
        for rest in code.split(marker).skip(1) {
            if let Some(module) = rest.split('"').next().filter(|m| m.ends_with(".js")) {
                total += size(&format!("{folder}/{module}"))?;
            }
        }
    }
    Ok(StartScripts { entry, total })
}

fn print_table(rows: Vec<Row>) {
    println!(
        "\n## Benchmarks (release build, Xvfb, this machine; both sides with {})\n",
        webkit_settings()
    );
    println!("| measure | Pickboard | baseline | ratio | target | met |");
    println!("|---|---|---|---|---|---|");
    for r in rows {
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            r.measure,
            r.ours,
            r.baseline,
            r.ratio,
            r.target,
            if r.met { "yes" } else { "**no**" }
        );
    }
}

/// Batches of sequential calls from the page: each batch's mean call time (WebKit coarsens its clock to 1 ms, so a
/// mean comes from a batch's total) and every call's time.
struct Batch {
    means: Vec<f64>,
    samples: Vec<f64>,
}

impl Batch {
    /// The median batch's mean: one batch that something else slowed down does not move it.
    fn mean(&self) -> f64 {
        median(self.means.clone())
    }

    /// Each turn's mean over `floor`'s mean in the same turn.
    fn ratios_to(&self, floor: &Batch) -> Vec<f64> {
        self.means.iter().zip(&floor.means).map(|(m, f)| m / f).collect()
    }

    fn means_text(&self) -> String {
        self.means
            .iter()
            .map(|m| format!("{m:.3}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Invokes each command once per arguments in its calls, in its window, one call after another, BATCHES times in
/// turns (a batch of each command, then again), so that a slow moment falls on one batch and not on one command.
/// Each turn starts one command further on, so that no command always follows the same one: a batch pays for some
/// of the work the batch before it left behind (the first move batch after 500 score changes took 0.03 ms a call
/// more than the same batch run first).
async fn invoke_in_turns(commands: &[(&App, &str, Vec<Value>)]) -> TestResult<Vec<Batch>> {
    let mut batches: Vec<Batch> = commands
        .iter()
        .map(|_| Batch {
            means: vec![f64::NAN; BATCHES],
            samples: Vec::new(),
        })
        .collect();
    // One batch of each first, not counted: a window's first batch of a command ran up to half as slow again as its
    // next ones (the bare window's no-op: 0.50 ms, then 0.31–0.35 ms), and it fell on whichever command went first.
    for (app, command, calls) in commands {
        invoke_batch(app, command, calls.clone()).await?;
    }
    for turn in 0..BATCHES {
        for k in 0..commands.len() {
            let i = (turn + k) % commands.len();
            let (app, command, calls) = &commands[i];
            let (total, samples) = invoke_batch(app, command, calls.clone()).await?;
            batches[i].means[turn] = total / samples.len() as f64;
            batches[i].samples.extend(samples);
        }
    }
    for batch in &mut batches {
        batch.samples.sort_by(f64::total_cmp);
    }
    Ok(batches)
}

/// Invokes `command` from the page once per arguments in `calls`, one after another: the batch's total time and
/// each call's (ms).
async fn invoke_batch(app: &App, command: &str, calls: Vec<Value>) -> TestResult<(f64, Vec<f64>)> {
    let script = "
        const [command, calls, done] = arguments;
        (async () => {
            const invoke = window.__TAURI_INTERNALS__.invoke;
            const samples = [];
            const start = performance.now();
            for (const args of calls) {
                const t = performance.now();
                await invoke(command, args);
                samples.push(performance.now() - t);
            }
            done({ total: performance.now() - start, samples });
        })().catch((e) => done({ error: String(e && e.message || e) }));";
    let result = app
        .client
        .execute_async(script, vec![json!(command), Value::Array(calls)])
        .await?;
    if let Some(err) = result.get("error") {
        return Err(format!("{command} failed: {err}").into());
    }
    Ok((
        result["total"].as_f64().unwrap_or(f64::NAN),
        sorted(result["samples"].clone())?,
    ))
}

/// Frame intervals while the pointer drags one marker across a chart of 1,000.
async fn drag_frames(data: &Path) -> TestResult<Vec<f64>> {
    let app = App::launch(data).await?;
    app.region("Implement").await?;
    app.click_button("Chart").await?;
    let frames = drag_frames_on_chart(&app).await?;
    app.quit().await?;
    Ok(frames)
}
