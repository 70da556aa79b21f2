//! Faults and hostile input through the real app: a crash in the middle of rapid saves, a second launch on the same
//! data folder, and text written to break the page.

use std::path::Path;
use std::time::{Duration, Instant};

use pickboard_e2e::disk::SmallDisk;
use pickboard_e2e::{app_binary, app_processes, wait_until_gone, web_processes, App, TestResult};
use pickboard_lib::domain::{Score, Zone};
use pickboard_lib::edits;
use pickboard_lib::storage::ideas::IdeaEdit;
use pickboard_lib::storage::{boards, ideas, Db, DB_FILE_NAME};
use rusqlite::Connection;

/// The processes that have the database file open.
fn database_holders(data: &Path) -> Vec<u32> {
    let db = data.join(DB_FILE_NAME);
    let mut pids = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let fds = std::fs::read_dir(entry.path().join("fd"))
            .into_iter()
            .flatten()
            .flatten();
        if fds
            .filter_map(|fd| std::fs::read_link(fd.path()).ok())
            .any(|target| target == db)
        {
            pids.push(pid);
        }
    }
    pids
}

/// Kill the app at a moment the clock picks, 0.3 to 1.5 s into the saves.
fn random_delay() -> Duration {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    Duration::from_millis(300 + u64::from(nanos % 1_200))
}

/// 1,000 saves as fast as the page can send them, a SIGKILL at a random moment, and a restart: every save the page
/// had been told was done is in the file, and the file passes `PRAGMA integrity_check`.
#[tokio::test]
async fn a_crash_during_rapid_saves_loses_no_confirmed_save_and_corrupts_nothing() -> TestResult {
    let data = tempfile::tempdir()?;
    let ids: Vec<i64> = {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Crash test")?.id;
            (0..1_000)
                .map(|n| Ok(ideas::add(tx, board, &format!("Idea {n}"), Zone::Possible)?.id))
                .collect()
        })?
    };

    let app = App::launch(data.path()).await?;
    app.region("Possible").await?;
    // The page saves each idea's new scores through the same command the chart's drag uses, one after another,
    // and keeps the list of saves the backend confirmed.
    app.client
        .execute(
            "const ids = arguments[0];
             window.__saved = [];
             (async () => {
               for (let n = 0; n < ids.length; n++) {
                 const payoff = (n * 37) % 101 / 10, cost = (n * 53) % 101 / 10;
                 await window.__TAURI_INTERNALS__.invoke('set_scores', { id: ids[n], payoff, cost });
                 window.__saved.push([ids[n], payoff, cost]);
               }
             })();",
            vec![serde_json::json!(ids)],
        )
        .await?;
    tokio::time::sleep(random_delay()).await;
    let saved = app.client.execute("return window.__saved;", vec![]).await?;
    let pids = app_processes(data.path());
    assert_eq!(pids.len(), 1, "one app process: {pids:?}");
    std::process::Command::new("kill")
        .args(["-KILL", &pids[0].to_string()])
        .status()?;
    drop(app);

    let saved: Vec<(i64, f64, f64)> = serde_json::from_value(saved)?;
    println!("confirmed saves before the SIGKILL: {} of 1,000", saved.len());
    assert!(
        !saved.is_empty(),
        "the kill came before any save; the test proves nothing"
    );
    let conn = Connection::open(data.path().join(DB_FILE_NAME))?;
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    assert_eq!(check, "ok");
    for (id, payoff, cost) in &saved {
        let row: (i64, i64) = conn.query_row("SELECT payoff, cost FROM ideas WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        assert_eq!(
            row,
            ((payoff * 10.0).round() as i64, (cost * 10.0).round() as i64),
            "idea {id}"
        );
    }
    drop(conn);

    // It starts again on the same file, with every idea there.
    let app = App::launch(data.path()).await?;
    app.region("Possible").await?;
    let count = app
        .client
        .execute(
            "return document.querySelectorAll('[data-idea-id], .card').length;",
            vec![],
        )
        .await?;
    assert!(count.as_u64().unwrap_or(0) > 0, "the board shows its ideas again");
    app.quit().await
}

/// A second launch on the same data folder hands over to the running window and exits: never two writers.
#[tokio::test]
async fn a_second_launch_on_the_same_folder_hands_over_and_exits() -> TestResult {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "single instance works over the D-Bus session bus: run the end-to-end tests under dbus-run-session"
    );
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    assert_eq!(database_holders(data.path()).len(), 1);

    let started = Instant::now();
    let mut second = tokio::process::Command::new(app_binary())
        .env("PICKBOARD_DATA_DIR", data.path())
        .stdin(std::process::Stdio::null())
        .spawn()?;
    let status = tokio::time::timeout(Duration::from_secs(20), second.wait())
        .await
        .map_err(|_| "the second launch did not exit within 20 s")??;
    assert!(status.success(), "the second launch exits cleanly: {status}");
    println!(
        "second launch handed over and exited in {} ms",
        started.elapsed().as_millis()
    );
    assert_eq!(
        database_holders(data.path()).len(),
        1,
        "only the first app has the database open"
    );

    // Another folder is another instance: it opens beside the first.
    let other = tempfile::tempdir()?;
    let mut beside = tokio::process::Command::new(app_binary())
        .env("PICKBOARD_DATA_DIR", other.path())
        .stdin(std::process::Stdio::null())
        .spawn()?;
    let deadline = Instant::now() + Duration::from_secs(20);
    while database_holders(other.path()).is_empty() {
        assert!(
            Instant::now() < deadline,
            "the app on another folder did not open its database"
        );
        assert!(beside.try_wait()?.is_none(), "the app on another folder exited");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    beside.kill().await?;

    // The first window still works.
    app.add_idea("Still here").await?;
    app.wait_for_card_in("Unsorted", "Still here").await?;
    app.quit().await
}

/// Ctrl+Q quits, as File › Quit Pickboard says: the menu library's own Quit item did nothing on Linux. What was added
/// before is saved, and backed up.
#[tokio::test]
async fn ctrl_q_quits_and_what_was_added_is_saved() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start empty").await?;
    app.add_idea("Added before quitting").await?;
    app.wait_for_card_in("Unsorted", "Added before quitting").await?;
    // The settings file is written when a preference changes, in one piece, and not again at quit: the store
    // plugin's own save there empties the file before it writes, and on a full disk left it empty.
    app.set_theme("dark").await?;
    let settings = data.path().join("settings.json");
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while !std::fs::read_to_string(&settings).is_ok_and(|text| text.contains("\"dark\"")) {
        assert!(
            std::time::Instant::now() < deadline,
            "the dark theme was not saved"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let as_left = "{\n  \"theme\": \"dark\",\n  \"lastBoardId\": 1\n}";
    std::fs::write(&settings, as_left)?;

    app.press_key_through_x("ctrl+q")?;
    wait_until_gone(
        data.path(),
        Duration::from_secs(10),
        "the app was still running 10 s after Ctrl+Q",
    )
    .await?;
    app.stop().await?;

    let db = Connection::open(data.path().join(DB_FILE_NAME))?;
    let saved: i64 = db.query_row(
        "SELECT count(*) FROM ideas WHERE title = 'Added before quitting'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(saved, 1, "the idea added before Ctrl+Q is in the database");
    // And in the backup of the day's work made at quit.
    let at_quit: Vec<_> = std::fs::read_dir(data.path().join("backups"))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with("-at-quit.db"))
        .collect();
    assert_eq!(at_quit.len(), 1, "{at_quit:?}");
    let backed_up: i64 = Connection::open(&at_quit[0])?.query_row(
        "SELECT count(*) FROM ideas WHERE title = 'Added before quitting'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(backed_up, 1, "the idea is in the backup made at quit");
    assert_eq!(
        std::fs::read_to_string(&settings)?,
        as_left,
        "the settings file was written again at quit"
    );
    Ok(())
}

/// Text written to break the page is shown as text in the cards, the chart, the details and the post preview, and
/// nothing in it runs.
#[tokio::test]
async fn hostile_text_is_shown_as_text_everywhere_and_never_runs() -> TestResult {
    let data = tempfile::tempdir()?;
    let long_notes = format!(
        "<script>window.__pwned = 'notes'</script>\n<img src=x onerror=\"window.__pwned = 'img'\">\n\n{}",
        "Lorem ipsum dolor sit amet. ".repeat(360)
    );
    let titles = [
        "<script>window.__pwned = 'title'</script>",
        "<img src=x onerror=\"window.__pwned = 'img'\">",
        "مرحبا بالعالم — עברית \u{202e}reversed",
        "👩‍👩‍👧‍👦 family 🏳️‍🌈 flags 🇳🇴 and ZWJ",
        "**bold** [click](javascript:window.__pwned='md') `code` @channel <!here>",
    ];
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "<b>Hostile</b> & “text”")?.id;
            let zones = [
                Zone::Implement,
                Zone::Challenge,
                Zone::Possible,
                Zone::Kill,
                Zone::Implement,
            ];
            for (title, zone) in titles.iter().zip(zones) {
                let idea = edits::add_idea(tx, board, title, zone)?;
                let edit = IdeaEdit {
                    title: (*title).into(),
                    notes: long_notes.clone(),
                    owner: "<img src=x onerror=alert(1)>".into(),
                    link: "https://example.com/?q=<script>".into(),
                    tags: vec!["<b>tag</b>".into()],
                };
                edits::update_idea(tx, idea.id, &edit)?;
            }
            let long = "L".repeat(500);
            let idea = edits::add_idea(tx, board, &long, Zone::Kill)?;
            edits::set_scores(tx, idea.id, Score::from_tenths(20)?, Score::from_tenths(90)?)?;
            Ok(())
        })?;
    }
    assert!(long_notes.chars().count() > 10_000);

    let app = App::launch(data.path()).await?;
    app.region("Implement").await?;
    for n in [0, 1, 3, 4] {
        app.card(titles[n]).await?;
    }
    app.screenshot("hostile-cards.png").await?;
    let shown = app
        .client
        .execute(
            "return [...document.querySelectorAll('.card-title')].map(t => t.textContent);",
            vec![],
        )
        .await?;
    for title in titles.iter().filter(|t| !t.contains('\u{202e}')) {
        assert!(
            shown.as_array().is_some_and(|a| a.iter().any(|t| t == title)),
            "{title} as text: {shown}"
        );
    }
    // User text cannot reorder its neighbours in the window.
    let isolated = app
        .client
        .execute(
            "return [...document.querySelectorAll('.card-title, .card-owner, .card-tag, .board-link-name')].every(e => getComputedStyle(e).unicodeBidi === 'isolate');",
            vec![],
        )
        .await?;
    assert_eq!(isolated, serde_json::Value::Bool(true), "user text is isolated");
    app.card(titles[0]).await?.click().await?;
    app.wait_for_css(".details").await?;
    app.screenshot("hostile-details.png").await?;
    app.press(&[fantoccini::key::Key::Escape]).await?;
    app.click_button("Chart").await?;
    app.wait_for_css(".marker, [data-marker-id]").await?;
    app.screenshot("hostile-chart.png").await?;
    app.click_button("Post to channel").await?;
    let field = app.wait_for_css("[role=dialog] input[type=password]").await?;
    field
        .send_keys("http://127.0.0.1:9/hooks/abcdefghijklmnopqrstuvwxyz")
        .await?;
    app.click_button("Save channel").await?;
    let preview = app.wait_for_css(".post-preview table").await?.text().await?;
    assert!(
        preview.contains("<script>window.__pwned = 'title'</script>"),
        "{preview}"
    );
    let whole = app
        .client
        .execute(
            "return document.querySelector('.post-preview').innerText;",
            vec![],
        )
        .await?;
    let whole = whole.as_str().unwrap_or_default();
    assert!(
        whole.contains("reversed") && !whole.contains('\u{202e}'),
        "no override reaches the post: {whole}"
    );
    let raw = app
        .client
        .execute(
            "return document.querySelector('.post-preview').textContent;",
            vec![],
        )
        .await?;
    let raw = raw.as_str().unwrap_or_default();
    assert!(
        raw.contains("@\u{200b}channel") && !raw.contains("@channel"),
        "mentions are defused in the preview too: {raw}"
    );
    app.screenshot("hostile-post.png").await?;

    // The one script the body may hold is the page's own, which draws the first frame (ui/src/firstFrame).
    let verdict = app
        .client
        .execute(
            "return {
               pwned: window.__pwned ?? null,
               images: [...document.querySelectorAll('img')].map(i => i.getAttribute('src')),
               scripts: document.querySelectorAll('body script:not([src=\"/first-frame.js\"])').length,
               javascriptLinks: [...document.querySelectorAll('a')].filter(a => (a.getAttribute('href') || '').startsWith('javascript')).length,
             };",
            vec![],
        )
        .await?;
    assert_eq!(
        verdict["pwned"],
        serde_json::Value::Null,
        "nothing ran: {verdict}"
    );
    assert_eq!(
        verdict["images"],
        serde_json::json!([]),
        "no image element came from user text: {verdict}"
    );
    assert_eq!(verdict["scripts"], 0, "{verdict}");
    assert_eq!(verdict["javascriptLinks"], 0, "{verdict}");
    app.quit().await
}

/// Sends the card `title` to Kill with the 4 key, from its details closed with Escape, as a person at the keyboard.
async fn send_to_kill_by_key(app: &App, title: &str) -> TestResult {
    app.card(title).await?.click().await?;
    app.wait_for_css("aside.details").await?;
    app.press(&[fantoccini::key::Key::Escape]).await?;
    app.card(title).await?.send_keys("4").await?;
    Ok(())
}

/// A full disk: the move the user made stays on screen with a clear message, nothing is corrupted, Ctrl+Q asks
/// instead of losing it, and the move is saved by itself once there is room again (and Pickboard quits, as asked).
/// Today's backup that cannot be made (here "backups" is a file, not a folder) is said in the window: said only in the
/// log, the window read "All changes saved" and nothing told that today had no copy.
#[tokio::test]
async fn a_daily_backup_that_cannot_be_made_is_said_in_the_window() -> TestResult {
    let data = tempfile::tempdir()?;
    std::fs::write(data.path().join("backups"), "not a folder")?;
    let app = App::launch(data.path()).await?;
    app.wait_until(
        "the window says that today's backup could not be made",
        "return [...document.querySelectorAll('.toast-error .toast-message')]
           .some((m) => m.textContent.startsWith(\"Today's backup could not be made: \"));",
    )
    .await?;
    app.quit().await
}

#[tokio::test]
async fn a_full_disk_keeps_the_change_on_screen_and_saves_it_when_there_is_room() -> TestResult {
    let Some(mut disk) = SmallDisk::mount("8m")? else {
        return Ok(());
    };
    let data = disk.path().join("data");
    let app = App::launch(&data).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    // An empty write-ahead log, so that the change must take new space on the disk: otherwise SQLite may write it
    // into log space it already has, and the timing of the app's checkpoints decides what this test sees.
    let emptied: (i64, i64, i64) =
        Connection::open(data.join(DB_FILE_NAME))?.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    assert_eq!(emptied.0, 0, "the log could not be emptied: {emptied:?}");
    let filler = disk.fill()?;

    // Move a card with the keyboard: from Possible to Kill.
    let title = "Rename the staging clusters to match production";
    let (_, possible) = app
        .zones()
        .await?
        .into_iter()
        .find(|(z, _)| z == "Possible")
        .ok_or("no Possible")?;
    assert!(possible.iter().any(|t| t == title), "{possible:?}");
    send_to_kill_by_key(&app, title).await?;
    app.wait_until(
        "the full disk is reported",
        "return !!document.querySelector('.save-banner')?.textContent.includes('The disk is full');",
    )
    .await?;
    app.wait_for_card_in("Kill", title).await?;
    app.screenshot("disk-full.png").await?;

    let zone_in_file = || -> TestResult<(i64, i64)> {
        let conn = Connection::open(data.join(DB_FILE_NAME))?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        assert_eq!(check, "ok");
        Ok(
            conn.query_row("SELECT payoff, cost FROM ideas WHERE title = ?1", [title], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?,
        )
    };
    let (_, cost) = zone_in_file()?;
    assert!(cost < 50, "not saved while the disk is full: cost {cost}");

    // Ctrl+Q now would lose the move: Pickboard asks, and stays open past its grace for a page that does not answer.
    app.quit_asks_about_one_unsaved_change().await?;
    app.screenshot("quit-unsaved.png").await?;
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert!(
        !app_processes(&data).is_empty(),
        "Pickboard quit with the change not saved"
    );

    // Room again: the move is saved, and Pickboard quits by itself, as asked.
    std::fs::remove_file(&filler)?;
    wait_until_gone(
        &data,
        Duration::from_secs(15),
        "Pickboard did not quit once the change was saved",
    )
    .await?;
    app.stop().await?;
    let (payoff, cost) = zone_in_file()?;
    assert!(
        payoff < 50 && cost >= 50,
        "saved in Kill: payoff {payoff}, cost {cost}"
    );
    // Nothing is left mounted: the test's own clean-up fails the test if the disk cannot be unmounted.
    disk.unmount()?;
    let mounts = std::fs::read_to_string("/proc/mounts")?;
    assert!(
        !mounts.contains(&disk.path().display().to_string()),
        "the small disk is still mounted"
    );
    Ok(())
}

/// A database made unchangeable while Pickboard runs (`chattr +i`, even root may not write it): the move waits on
/// screen, marked not saved, instead of being dropped with "disk I/O error"; Ctrl+Q asks; once the file may be written
/// again, the move is saved and Pickboard quits. Where this file system cannot make a file unchangeable, it says so
/// and passes.
#[tokio::test]
async fn a_database_made_unchangeable_while_open_keeps_the_change_and_saves_it_later() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    let db_path = data.path().join(DB_FILE_NAME);
    let files = [db_path.clone(), data.path().join(format!("{DB_FILE_NAME}-wal"))];
    // Only files that are there: the WAL goes once Pickboard has quit.
    let chattr = |flag: &str| -> bool {
        files.iter().filter(|f| f.exists()).all(|f| {
            std::process::Command::new("chattr")
                .arg(flag)
                .arg(f)
                .status()
                .is_ok_and(|s| s.success())
        })
    };
    /// Makes the files changeable again, also when the test fails.
    struct Changeable<F: Fn(&str) -> bool>(F);
    impl<F: Fn(&str) -> bool> Drop for Changeable<F> {
        fn drop(&mut self) {
            (self.0)("-i");
        }
    }
    let _again = Changeable(chattr);
    if !(_again.0)("+i") {
        eprintln!("skipped: this file system cannot make a file unchangeable");
        return app.quit().await;
    }

    let title = "Rename the staging clusters to match production";
    send_to_kill_by_key(&app, title).await?;
    app.wait_until(
        "the change waits, said",
        "return !!document.querySelector('.save-banner')?.textContent.includes('cannot write');",
    )
    .await?;
    app.wait_for_card_in("Kill", title).await?;
    app.screenshot("unchangeable-database.png").await?;

    app.quit_asks_about_one_unsaved_change().await?;
    (_again.0)("-i");
    wait_until_gone(
        data.path(),
        Duration::from_secs(20),
        "Pickboard did not quit once the change was saved",
    )
    .await?;
    app.stop().await?;
    let cost: i64 =
        Connection::open(&db_path)?
            .query_row("SELECT cost FROM ideas WHERE title = ?1", [title], |r| r.get(0))?;
    assert!(cost >= 50, "saved in Kill: cost {cost}");
    Ok(())
}

/// Without a D-Bus session, a second launch on the same folder cannot hand over to the first; the lock the first
/// window holds on the folder keeps it from opening a second writer: it says that Pickboard is already open, opens
/// nothing, and closes when asked. The first window keeps saving.
#[tokio::test]
async fn without_dbus_a_second_window_on_the_same_folder_opens_nothing_and_says_so() -> TestResult {
    let data = tempfile::tempdir()?;
    let first = App::launch_without_dbus(data.path()).await?;
    first.click_button("Start with a sample board").await?;
    first.region("Implement").await?;
    assert_eq!(database_holders(data.path()).len(), 1);

    let second = App::launch_without_dbus(data.path()).await?;
    let screen = second.wait_for_css(".error-screen").await?;
    let text = second
        .client
        .execute(
            "return arguments[0].innerText;",
            vec![serde_json::to_value(&screen)?],
        )
        .await?;
    let text = text.as_str().unwrap_or_default();
    assert!(text.contains("Pickboard is already open"), "{text}");
    assert!(
        text.contains(&data.path().display().to_string()),
        "names the folder: {text}"
    );
    second.screenshot("already-open.png").await?;
    assert_eq!(
        database_holders(data.path()).len(),
        1,
        "the second window must not open the database"
    );
    assert_eq!(app_processes(data.path()).len(), 2);

    // Closing it leaves the first alone. (The window goes with the click, so the click gets no answer.)
    let _ = second.click_button("Close this window").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while app_processes(data.path()).len() > 1 {
        assert!(Instant::now() < deadline, "the second window did not close");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    first.add_idea("Still the one writer").await?;
    first.wait_for_card_in("Unsorted", "Still the one writer").await?;
    first.quit().await?;
    // Only now: stopping the second's driver stops every app on the folder.
    drop(second);
    Ok(())
}

/// The command line imports into the board open in the window: the window notices, shows the new ideas and their
/// counts, and can undo the import, without losing an edit made on screen.
#[tokio::test]
async fn the_window_shows_what_the_command_line_changed_meanwhile() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    app.add_idea("Typed in the window").await?;
    app.wait_for_card_in("Unsorted", "Typed in the window").await?;

    let csv = data.path().join("more.csv");
    std::fs::write(
        &csv,
        "title,payoff,cost/risk\nImported from the shell,8,2\nAnother one,2,8\n",
    )?;
    let board = "Platform team — next quarter";
    let out = std::process::Command::new(app_binary())
        .args(["import", &csv.display().to_string(), "--board", board])
        .env("PICKBOARD_DATA_DIR", data.path())
        .output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    app.wait_for_card_in("Implement", "Imported from the shell")
        .await?;
    app.wait_for_card_in("Kill", "Another one").await?;
    app.wait_for_card_in("Unsorted", "Typed in the window").await?;
    app.wait_until(
        "the sidebar counts the imported ideas",
        "return [...document.querySelectorAll('.board-link-count')].some(e => e.getAttribute('aria-label') === '12 ideas');",
    )
    .await?;
    // The import is the last step of the board's history: undo takes it back.
    app.client
        .execute("document.activeElement?.blur();", vec![])
        .await?;
    app.press_ctrl('z').await?;
    app.wait_until(
        "undo takes the import back",
        "return !document.body.innerText.includes('Imported from the shell');",
    )
    .await?;
    app.wait_for_card_in("Unsorted", "Typed in the window").await?;
    app.quit().await
}

/// How many times the app's output has said `text` so far.
fn said(app: &App, text: &str) -> usize {
    std::fs::read_to_string(&app.log)
        .unwrap_or_default()
        .matches(text)
        .count()
}

/// Ends the window's web process as the kernel's out-of-memory killer would, and waits until the app's output has
/// said `then` once more than it had.
async fn end_web_process(app: &App, data: &Path, then: &str) -> TestResult {
    let before = said(app, then);
    let processes = web_processes(data);
    assert!(!processes.is_empty(), "no web process found for the window");
    for pid in processes {
        std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()?;
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while said(app, then) == before {
        assert!(
            Instant::now() < deadline,
            "the app did not say {then:?} within 30 s of its web process ending"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// WebKit's web process ended under the window (here by SIGKILL, as the kernel's out-of-memory killer ends it): the
/// window loads its page again, whose scripts run and draw, up to three times a minute; the fourth time it says why
/// it stops instead, with a button (which has the focus) that opens the page again, also after that page's own
/// process ended. Without the restart the window
/// stays frozen on its last frame. (WebKit's driver deletes the session when the page's process ends, so the app's
/// own output tells what happened; the page's side, reading the board afresh and saying so, is
/// App.restart.test.tsx.)
#[tokio::test]
async fn the_page_comes_back_when_its_web_process_ends() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    app.add_idea("Typed before the crash").await?;
    app.wait_for_card_in("Unsorted", "Typed before the crash").await?;

    let drawn = "the window's page, loaded again, has drawn";
    for _ in 0..3 {
        end_web_process(&app, data.path(), drawn).await?;
    }
    end_web_process(&app, data.path(), "too often; not loading it again").await?;
    // The page that says so ends too: it says so again, and its button still opens the board's page (it opened the
    // page at about:blank, where nothing was ever drawn).
    end_web_process(&app, data.path(), "too often; not loading it again").await?;
    // The person chooses to go on: Enter on the page's button, and the board's page draws again.
    let before = said(&app, drawn);
    let deadline = Instant::now() + Duration::from_secs(30);
    while said(&app, drawn) == before {
        assert!(
            Instant::now() < deadline,
            "the page given up on did not open the board again on Enter"
        );
        // Pressed until it takes: the page given up on may not have been drawn yet.
        app.press_key_through_x("Return")?;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    // The window still answers: its app process is there, and quits when asked.
    assert!(!app_processes(data.path()).is_empty());
    let db = Connection::open(data.path().join(DB_FILE_NAME))?;
    let saved: i64 = db.query_row(
        "SELECT count(*) FROM ideas WHERE title = 'Typed before the crash'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(saved, 1);
    app.stop().await
}
