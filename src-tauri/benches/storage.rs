//! The backend alone, on a real database file with 1,000 and with 10,000 placed ideas: one edit, one transaction,
//! one commit, and the answer the window gets (the idea and the board's undo state), as the command runs it.
//! Run with `cargo bench -p pickboard --bench storage`; prints a Markdown table.

use std::time::Instant;

use pickboard_lib::domain::{Score, Zone};
use pickboard_lib::edits;
use pickboard_lib::storage::{boards, ideas, Db};

const SIZES: [i64; 2] = [1_000, 10_000];
const RUNS: usize = 2_000;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((p / 100.0) * (sorted.len() - 1) as f64).round() as usize]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("\n## Backend benchmark: placed ideas, a real file, one transaction per edit\n");
    println!("| ideas | edit | p50 | p95 | p99 | max |");
    println!("|---|---|---|---|---|---|");
    for ideas in SIZES {
        bench(ideas)?;
    }
    Ok(())
}

fn bench(count: i64) -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut db = Db::open(&dir.path().join("pickboard.db"))?;
    // As the app runs it: WAL checkpoints on their own thread, off the commit path.
    db.checkpoint_in_background()?;
    let (board, ids) = db.write(|tx| {
        let board = boards::create(tx, "Benchmark")?;
        let mut ids = Vec::new();
        for i in 0..count {
            let idea = ideas::add(tx, board.id, &format!("Idea {i}"), Zone::Unsorted)?;
            ideas::set_position(
                tx,
                idea.id,
                Score::from_tenths(i * 37 % 101)?,
                Score::from_tenths(i * 53 % 101)?,
            )?;
            ids.push(idea.id);
        }
        Ok((board.id, ids))
    })?;

    let run = |name: &str, f: &mut dyn FnMut(usize) -> pickboard_lib::error::Result<()>| {
        let mut times: Vec<f64> = (0..RUNS)
            .map(|i| {
                let start = Instant::now();
                f(i).expect("edit failed");
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "| {count} | {name} | {:.3} ms | {:.3} ms | {:.3} ms | {:.3} ms |",
            percentile(&times, 50.0),
            percentile(&times, 95.0),
            percentile(&times, 99.0),
            times[times.len() - 1]
        );
    };
    run("set scores", &mut |i| {
        let id = ids[i % ids.len()];
        let p = Score::from_tenths(i64::try_from(i % 101).unwrap_or(0))?;
        db.write(|tx| edits::answer_scores(tx, id, p, p)).map(|_| ())
    });
    run("move to a quadrant slot", &mut |i| {
        let id = ids[i % ids.len()];
        let zone = if i % 2 == 0 { Zone::Implement } else { Zone::Kill };
        let index = u32::try_from(i % 7).unwrap_or(0);
        db.write(|tx| edits::answer_move(tx, id, zone, index)).map(|_| ())
    });
    // `--bench ui`'s moves: the board's last idea to and fro between two quadrants, near their first places.
    let last = ids[ids.len() - 1];
    run("move one idea to and fro", &mut |i| to_and_fro(&mut db, last, i));
    // The same moves with 20,000 characters of notes on the idea (a long write-up; the most is 50,000). Until the
    // history kept an update as the fields it changed (4953ff5), each move's event held the notes twice.
    let noted = ids[ids.len() - 2];
    db.write(|tx| {
        let idea = ideas::get(tx, noted)?;
        let edit = ideas::IdeaEdit {
            title: idea.title,
            notes: "A line of the write-up, as most are: 40\n".repeat(500),
            owner: idea.owner,
            link: idea.link,
            tags: idea.tags,
        };
        ideas::update(tx, noted, &edit)
    })?;
    run(
        "move one idea with 20,000 characters of notes to and fro",
        &mut |i| to_and_fro(&mut db, noted, i),
    );
    run("load the board", &mut |_| {
        db.read(|tx| boards::get(tx, board)).map(|_| ())
    });
    Ok(())
}

/// Move `i` of an idea to and fro between two quadrants, near their first places, as `--bench ui` moves one.
fn to_and_fro(db: &mut Db, id: i64, i: usize) -> pickboard_lib::error::Result<()> {
    let zone = if i % 2 == 1 {
        Zone::Implement
    } else {
        Zone::Challenge
    };
    let index = u32::try_from(i % 5).unwrap_or(0);
    db.write(|tx| edits::answer_move(tx, id, zone, index)).map(|_| ())
}
