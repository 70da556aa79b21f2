//! Import and export on real files: a 50,000-row CSV imported as a new board (read, parse, check every row, write
//! in one transaction, commit), and a 10,000-idea board exported to each format. Targets: import ≤ 2 s, each
//! export ≤ 200 ms. Run with `cargo bench -p pickboard --bench transfer`; prints a Markdown table.

use std::fmt::Write as _;
use std::ops::ControlFlow;
use std::path::Path;
use std::time::Instant;

use pickboard_lib::files;
use pickboard_lib::storage::{Db, DB_FILE_NAME};
use pickboard_lib::transfer::csv_import::{self, ImportTarget};
use pickboard_lib::transfer::{self, ExportFormat};

const OWNERS: [&str; 6] = ["ana.ribeiro", "jonas", "chen.wei", "björn.lindqvist", "", "priya"];

/// A Jira-like CSV of `rows` rows: quoted summaries with commas, multi-line descriptions, labels, two score columns.
fn csv(rows: usize) -> String {
    let mut out =
        String::from("\u{feff}Summary,Issue key,Assignee,Labels,Labels,Description,Value,Effort\r\n");
    for n in 0..rows {
        let _ = write!(
            out,
            "\"Item {n}: tidy up, speed up and document the build step {}\",INFRA-{n},{},ci,perf-{},\"First line of notes for {n}.\nSecond line, with \"\"quotes\"\" and a comma.\",{},{}\r\n",
            n % 97,
            OWNERS[n % OWNERS.len()],
            n % 7,
            (n * 37 % 101) as f64 / 10.0,
            (n * 53 % 101) as f64 / 10.0,
        );
    }
    out
}

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Reads, parses and imports `file` into a new board of a fresh database in `dir`; returns the board's id.
fn import(dir: &Path, file: &Path) -> Result<(Db, i64), Box<dyn std::error::Error>> {
    let _ = std::fs::remove_file(dir.join(DB_FILE_NAME));
    let mut db = Db::open(&dir.join(DB_FILE_NAME))?;
    let bytes = files::read_limited(file, files::MAX_IMPORT_BYTES)?;
    let table = csv_import::read(&bytes)?;
    let (_, mut mapping) = csv_import::suggest(&table.headers);
    mapping.payoff = Some(6);
    mapping.cost = Some(7);
    let target = ImportTarget::NewBoard {
        name: "Benchmark".into(),
    };
    let outcome = db.write(|tx| {
        csv_import::import(tx, &table, &mapping, &target, false, "bench.csv", |_, _| {
            ControlFlow::Continue(())
        })
    })?;
    Ok((db, outcome.board_id))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    println!("\n## Import and export on real files\n");
    println!("| task | median | best | runs | target |");
    println!("|---|---|---|---|---|");

    let big = dir.path().join("50k.csv");
    std::fs::write(&big, csv(50_000))?;
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let (_, board) = import(dir.path(), &big)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(board > 0);
    }
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    let size = std::fs::metadata(&big)?.len() as f64 / 1e6;
    println!(
        "| import a 50,000-row CSV ({size:.1} MB) as a new board | {:.0} ms | {best:.0} ms | 5 | ≤ 2,000 ms |",
        median(times)
    );

    let ten = dir.path().join("10k.csv");
    std::fs::write(&ten, csv(10_000))?;
    let (mut db, board) = import(dir.path(), &ten)?;
    for format in ExportFormat::ALL {
        let mut times = Vec::new();
        let mut bytes = 0;
        for _ in 0..10 {
            let start = Instant::now();
            let out = db.read(|tx| transfer::export(tx, board, format, "2026-11-24"))?;
            let path = dir.path().join(transfer::file_name("export", format));
            files::write_atomically(&path, &out)?;
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            bytes = out.len();
        }
        let best = times.iter().copied().fold(f64::INFINITY, f64::min);
        println!(
            "| export 10,000 ideas as {} ({:.1} MB), to a file | {:.0} ms | {best:.0} ms | 10 | ≤ 200 ms |",
            format.description(),
            bytes as f64 / 1e6,
            median(times)
        );
    }
    Ok(())
}
