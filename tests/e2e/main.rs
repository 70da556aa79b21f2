//! End to end through the real app: the binary with its UI embedded, under Xvfb, driven by tauri-driver.

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;
use pickboard_e2e::{app_processes, artifacts_dir, web_processes, App, TestResult};
use pickboard_lib::domain::Zone;
use pickboard_lib::storage::{backup, boards, Db, DB_FILE_NAME};
use rusqlite::Connection;

mod accessibility;
mod account;
mod chart;
mod edits;
mod fit;
mod hardening;
mod narrow_windows;
mod posting;
mod rounds;
mod transfer;

/// The foundation's promise: build a board by typing, dragging and with the keyboard alone; quit; start again;
/// everything is where it was left.
#[tokio::test]
async fn a_board_built_by_drag_and_drop_survives_a_restart() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;

    // First run: start with an empty board.
    app.click_button("Start empty").await?;
    app.region("Implement").await?;
    for zone in ["Implement", "Challenge", "Possible", "Kill", "Unsorted"] {
        assert!(app.titles_in(zone).await?.is_empty(), "{zone} should start empty");
    }

    let (alpha, bravo, charlie) = (
        "Move CI runners to arm64",
        "Rotate TLS certificates",
        "Alert on disk usage",
    );
    for title in [alpha, bravo, charlie] {
        app.add_idea(title).await?;
    }
    app.expect_titles("Unsorted", &[alpha, bravo, charlie]).await?;

    // Pointer: Alpha from Unsorted into Implement.
    app.drag(&app.card(alpha).await?, &app.region("Implement").await?, 0.0)
        .await?;
    app.expect_titles("Implement", &[alpha]).await?;
    app.expect_titles("Unsorted", &[bravo, charlie]).await?;

    // Keyboard alone: Tab from the New idea field reaches the tray at the idea added last, which is selected; Up goes
    // to Bravo. Pick it up, walk it to Kill, drop it.
    let mut tabs = 0;
    while app.focused_label().await? != charlie {
        app.press(&[Key::Tab]).await?;
        tabs += 1;
        assert!(tabs < 30, "Tab never reached the card {charlie:?}");
    }
    app.press(&[Key::Up]).await?;
    assert_eq!(app.focused_label().await?, bravo);
    // Right: Implement. Right: Challenge. Down: Kill.
    app.press(&[Key::Space, Key::Right, Key::Right, Key::Down, Key::Space])
        .await?;
    app.expect_titles("Kill", &[bravo]).await?;
    app.expect_titles("Unsorted", &[charlie]).await?;
    assert_eq!(app.focused_label().await?, bravo, "focus stays on the moved card");

    // Pointer: Charlie into Implement below Alpha, then reorder it above Alpha.
    app.drag(&app.card(charlie).await?, &app.region("Implement").await?, 80.0)
        .await?;
    app.expect_titles("Implement", &[alpha, charlie]).await?;
    app.drag(&app.card(charlie).await?, &app.card(alpha).await?, -8.0)
        .await?;
    app.expect_titles("Implement", &[charlie, alpha]).await?;
    app.expect_titles("Unsorted", &[]).await?;

    // The webview's own storage still works beside our bundled SQLite.
    let stored = app
        .client
        .execute(
            "localStorage.setItem('pickboard-check', 'ok'); return localStorage.getItem('pickboard-check');",
            vec![],
        )
        .await?;
    assert_eq!(stored, "ok");

    app.wait_until(
        "the changes are saved",
        "return document.querySelector('.save-state')?.textContent === 'All changes saved';",
    )
    .await?;
    let shot = app.screenshot("board-after-moves.png").await?;
    println!("screenshot: {}", shot.display());
    app.quit().await?;

    // The database itself: Bravo has a position inside Kill, Charlie ranks before Alpha.
    {
        let db = Connection::open(data.path().join("pickboard.db"))?;
        let (payoff, cost): (i64, i64) =
            db.query_row("SELECT payoff, cost FROM ideas WHERE title = ?1", [bravo], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        assert!(
            payoff < 50 && cost >= 50,
            "Bravo at payoff {payoff}, cost {cost} (tenths) is not in Kill"
        );
        let order: Vec<String> = db
            .prepare("SELECT title FROM ideas WHERE payoff >= 50 AND cost < 50 ORDER BY rank")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        assert_eq!(order, [charlie, alpha]);
    }

    // Start again on the same folder: the last board reopens with every placement and order. It is on screen before
    // React's bundle has run (ui/src/firstFrame), and React's first frame then takes its place.
    let app = App::launch(data.path()).await?;
    let frames = app
        .client
        .execute(
            "const at = n => performance.getEntriesByName(n)[0]?.startTime ?? null;
             return [at('board-painted'), at('board-interactive'), at('script-evaluated')];",
            vec![],
        )
        .await?;
    let (painted, interactive, evaluated) = (frames[0].as_f64(), frames[1].as_f64(), frames[2].as_f64());
    assert!(
        matches!((painted, evaluated, interactive), (Some(p), Some(e), Some(i)) if p <= e && e <= i),
        "the board's first frame comes before React's bundle runs, and React's frame after it: {frames}"
    );
    // The board at start asks for six fonts (size × weight) at most: WebKit looks each one up cold as the first
    // frame meets it, about 2 ms of start-up apiece (ui/src/styles/tokens.css, docs/benchmarks.md).
    let fonts = app
        .client
        .execute(
            "const fonts = new Set();
             for (const el of document.querySelectorAll('#root *')) {
               const field = el instanceof HTMLInputElement && !['checkbox', 'radio'].includes(el.type);
               const text = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
               if ((field || text) && el.getClientRects().length > 0) {
                 const style = getComputedStyle(el);
                 fonts.add(style.fontSize + ' ' + style.fontWeight);
               }
             }
             return [...fonts].sort();",
            vec![],
        )
        .await?;
    let count = fonts.as_array().map_or(0, Vec::len);
    assert!(
        (1..=6).contains(&count),
        "the board at start uses {count} fonts (size and weight), at most 6: {fonts}"
    );
    app.region("Implement").await?;
    app.expect_titles("Implement", &[charlie, alpha]).await?;
    app.expect_titles("Kill", &[bravo]).await?;
    app.expect_titles("Unsorted", &[]).await?;
    app.expect_titles("Challenge", &[]).await?;
    app.expect_titles("Possible", &[]).await?;

    // A board left as the chart opens on it again (the preferences' file, not only the running page, keeps it).
    app.click_button("Chart").await?;
    app.wait_until(
        "the chart is kept in the preferences",
        "return document.querySelector('[role=radio][aria-checked=true]')?.textContent === 'Chart';",
    )
    .await?;
    app.quit().await?;
    let settings: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.path().join("settings.json"))?)?;
    assert_eq!(
        settings["chartBoards"].as_array().map(Vec::len),
        Some(1),
        "{settings}"
    );
    let app = App::launch(data.path()).await?;
    app.wait_until(
        "the board opens on the chart",
        "return document.querySelector('[role=radio][aria-checked=true]')?.textContent === 'Chart'
             && document.querySelector('.chart-zoom') !== null;",
    )
    .await?;
    app.quit().await?;
    Ok(())
}

/// A damaged database opens a clear error screen that names the file, and the file is not modified.
#[tokio::test]
async fn a_damaged_database_opens_an_error_screen_and_is_left_alone() -> TestResult {
    let data = tempfile::tempdir()?;
    let db_path = data.path().join("pickboard.db");
    let garbage = b"This is not a database, but it is somebody's file.\n".repeat(200);
    std::fs::write(&db_path, &garbage)?;

    let app = App::launch(data.path()).await?;
    let screen = app.wait_for_css(".error-screen").await?;
    let text = screen.text().await?;
    assert!(text.contains("The database file is damaged"), "{text}");
    assert!(text.contains("has not changed it"), "{text}");
    assert!(text.contains("There is no backup to restore."), "{text}");
    assert!(
        text.contains(&db_path.display().to_string()),
        "the screen names the file: {text}"
    );
    app.screenshot("error-screen.png").await?;
    app.quit().await?;

    assert_eq!(
        std::fs::read(&db_path)?,
        garbage,
        "the damaged file must be left as it was"
    );
    Ok(())
}

/// A database damaged under Pickboard (garbage over part of it) is put aside, from the error screen, for the backup
/// the person picks; Pickboard starts again on it, and the damaged file is kept beside it.
#[tokio::test]
async fn a_damaged_database_is_put_aside_for_a_backup_picked_on_the_error_screen() -> TestResult {
    let data = tempfile::tempdir()?;
    let db_path = data.path().join(DB_FILE_NAME);
    {
        let mut db = Db::open(&db_path)?;
        let board = db.write(|tx| boards::create(tx, "Infra"))?.id;
        for n in 0..200 {
            let title = format!("Idea {n}: {}", "words ".repeat(30));
            db.write(|tx| pickboard_lib::edits::add_idea(tx, board, &title, Zone::Kill))?;
        }
        backup::make(&db, data.path(), "")?;
    }
    let mut bytes = std::fs::read(&db_path)?;
    bytes[4096..16_384].fill(0xA5);
    std::fs::write(&db_path, &bytes)?;

    let app = App::launch(data.path()).await?;
    app.wait_for_css(".error-screen").await?;
    let restore = app
        .wait_for_css("button[aria-label^='Restore the backup of']")
        .await?;
    let row = app
        .wait_for_css(".recovery .backups-table tbody tr")
        .await?
        .text()
        .await?;
    assert!(row.contains("1 board, 200 ideas"), "{row}");
    app.screenshot("error-screen-backups.png").await?;
    let before = app_processes(data.path());
    assert_eq!(before.len(), 1, "{before:?}");
    // The click closes this window: WebDriver may answer it with an error of the window going under it (it did once,
    // on a loaded machine). What follows checks that the backup was put in place.
    if let Err(e) = restore.click().await {
        eprintln!("The click on Restore was answered with an error as the window closed: {e}");
    }

    // This window closes, and Pickboard starts again on the backup.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let now = app_processes(data.path());
        if !now.is_empty() && !now.contains(&before[0]) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "Pickboard did not start again: {now:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let damaged: Vec<_> = std::fs::read_dir(data.path())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("pickboard-damaged-") && n.ends_with(".db"))
        .collect();
    assert_eq!(damaged.len(), 1, "{damaged:?}");
    assert_eq!(
        std::fs::read(data.path().join(&damaged[0]))?,
        bytes,
        "the damaged file is kept as it was"
    );
    let ideas: i64 = Connection::open(&db_path)?.query_row("SELECT count(*) FROM ideas", [], |r| r.get(0))?;
    assert_eq!(ideas, 200);
    // The window started again is stopped with this one's session (`stop` ends every Pickboard on the folder).
    app.stop().await?;
    Ok(())
}

/// The page runs in a WebKit web process with the settings Pickboard gives itself on Linux (compositing off,
/// JavaScriptCore's optimizing tiers off), or with the person's own value where they set the variable.
#[tokio::test]
async fn the_web_process_runs_with_pickboards_webkit_settings() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start empty").await?;
    app.region("Implement").await?;
    let web_processes = web_processes(data.path());
    assert!(
        !web_processes.is_empty(),
        "no WebKit web process found for the window"
    );
    for pid in web_processes {
        let environ = std::fs::read(format!("/proc/{pid}/environ"))?;
        let environ: Vec<String> = environ
            .split(|b| *b == 0)
            .map(|v| String::from_utf8_lossy(v).into_owned())
            .collect();
        for (variable, default) in pickboard_lib::WEBKIT_DEFAULTS {
            let expected = format!(
                "{variable}={}",
                std::env::var(variable).unwrap_or_else(|_| default.to_owned())
            );
            assert!(
                environ.contains(&expected),
                "the web process {pid} lacks {expected}"
            );
        }
    }
    app.quit().await?;
    Ok(())
}

/// The colour X shows at `x`, `y` of a screenshot, as red, green and blue.
fn pixel(path: &std::path::Path, x: u32, y: u32) -> TestResult<[u8; 3]> {
    let out = std::process::Command::new("convert")
        .arg(path)
        .args(["-crop", &format!("1x1+{x}+{y}"), "-depth", "8", "txt:-"])
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    // "0,0: (243,244,247)  #F3F4F7  srgb(243,244,247)", after a header line.
    let hex = text
        .lines()
        .last()
        .and_then(|line| line.split_once('#'))
        .and_then(|(_, rest)| rest.get(..6))
        .ok_or_else(|| format!("no colour in ImageMagick's answer: {text}"))?;
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16);
    Ok([channel(0)?, channel(2)?, channel(4)?])
}

/// How light the window's menu bar is (0–255), a little left of its right end, where no menu's name is.
async fn menu_bar_lightness(app: &App, name: &str) -> TestResult<u32> {
    let shot = app.screenshot(name).await?;
    let width = app.client.execute("return innerWidth;", vec![]).await?;
    let width = u32::try_from(width.as_u64().unwrap_or(800))?;
    let [r, g, b] = pixel(&shot, width - 30, 8)?;
    Ok((u32::from(r) + u32::from(g) + u32::from(b)) / 3)
}

/// How far apart the darkest and the lightest grey of the menu bar's "File" are (0–255): its label against the bar.
fn file_menu_contrast(path: &std::path::Path) -> TestResult<u32> {
    let out = std::process::Command::new("convert")
        .arg(path)
        .args(["-crop", "30x16+6+4", "+repage", "-colorspace", "Gray"])
        .args(["-format", "%[fx:int(255*minima)] %[fx:int(255*maxima)]", "info:"])
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut grey = text.split_whitespace().map(str::parse::<u32>);
    match (grey.next(), grey.next()) {
        (Some(Ok(dark)), Some(Ok(light))) => Ok(light.saturating_sub(dark)),
        _ => Err(format!("no greys in ImageMagick's answer: {text}").into()),
    }
}

/// With GTK held to a dark theme by the environment (`GTK_THEME=Adwaita:dark`), the menu bar's labels stay readable:
/// dark as the desktop's look, and light when the app's Light theme is chosen (its white labels sat on the light bar).
#[tokio::test]
async fn the_menu_bar_reads_under_a_gtk_theme_held_dark() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch_with(data.path(), &[("GTK_THEME", "Adwaita:dark")]).await?;
    app.click_button("Start empty").await?;
    app.region("Implement").await?;
    let shot = app.screenshot("gtk-dark-system.png").await?;
    let bar = menu_bar_lightness(&app, "gtk-dark-system-bar.png").await?;
    assert!(bar < 64, "the desktop's held dark look is not the bar's: {bar}");
    let contrast = file_menu_contrast(&shot)?;
    assert!(contrast > 120, "\"File\" cannot be read on the bar: {contrast}");
    app.set_theme("light").await?;
    let bar = menu_bar_lightness(&app, "gtk-dark-light.png").await?;
    assert!(bar > 160, "the bar is not light in the light theme: {bar}");
    let contrast = file_menu_contrast(&artifacts_dir().join("gtk-dark-light.png"))?;
    assert!(
        contrast > 120,
        "\"File\" cannot be read on the light bar: {contrast}"
    );
    app.quit().await?;
    Ok(())
}

/// The window itself takes the theme chosen in the app, not only the page: its menu bar (and the background shown
/// before the page draws) is dark in the dark theme, from the next start on too, and light again in the light one.
#[tokio::test]
async fn the_window_takes_the_chosen_theme_menu_bar_included() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start empty").await?;
    app.region("Implement").await?;
    let system = menu_bar_lightness(&app, "theme-system.png").await?;
    assert!(
        system > 160,
        "the menu bar is not light in the system's (light) theme: {system}"
    );
    app.set_theme("dark").await?;
    let dark = menu_bar_lightness(&app, "theme-dark.png").await?;
    assert!(dark < 64, "the menu bar stayed light in the dark theme: {dark}");
    app.quit().await?;

    let app = App::launch(data.path()).await?;
    app.region("Implement").await?;
    let reopened = menu_bar_lightness(&app, "theme-dark-reopened.png").await?;
    assert!(
        reopened < 64,
        "the menu bar is light at a start in the dark theme: {reopened}"
    );
    app.set_theme("light").await?;
    let light = menu_bar_lightness(&app, "theme-light.png").await?;
    assert!(
        light > 160,
        "the menu bar stayed dark in the light theme: {light}"
    );
    // A hurried person clicks through the themes: the window ends in the last one chosen.
    app.client
        .execute(
            "for (const t of ['dark', 'system', 'light', 'dark', 'light', 'system', 'dark'])
                 document.querySelector(`input[name=theme][value=${t}]`).click();",
            vec![],
        )
        .await?;
    app.wait_until(
        "the dark theme is on",
        "return document.documentElement.dataset.theme === 'dark';",
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let last = menu_bar_lightness(&app, "theme-clicked-through.png").await?;
    assert!(
        last < 64,
        "after clicking through the themes to Dark, the menu bar is not dark: {last}"
    );
    app.quit().await?;
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.path().join("settings.json"))?)?;
    assert_eq!(
        saved["theme"], "dark",
        "the last theme clicked is not the one saved: {saved}"
    );
    Ok(())
}

/// A data folder whose boards were made without the window (the command line, an import) has no last board in its
/// preferences: the window shows the list's first, and its title names it, after a change of theme too (which saves
/// the preferences, and took the board's name off the title).
#[tokio::test]
async fn the_window_title_names_the_board_shown_first_after_a_theme_change_too() -> TestResult {
    let data = tempfile::tempdir()?;
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| boards::create(tx, "web"))?;
        db.write(|tx| boards::create(tx, "Infra"))?;
    }
    let app = App::launch(data.path()).await?;
    app.region("Implement").await?;
    app.wait_for_window_title("Infra — Pickboard").await?;
    app.set_theme("dark").await?;
    // Past the preferences' save.
    tokio::time::sleep(Duration::from_millis(500)).await;
    app.wait_for_window_title("Infra — Pickboard").await?;
    app.quit().await
}

/// Deleting an idea offers Undo; boards are renamed, duplicated, and deleted only after a confirmation that names
/// the board and its number of ideas.
#[tokio::test]
async fn ideas_and_boards_are_managed_with_undo_and_confirmation() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    // The window's title names the board shown, and the app alone without one.
    app.wait_for_window_title("Pickboard").await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    let sample_implement = app.titles_in("Implement").await?;
    assert!(!sample_implement.is_empty(), "the sample board has quick wins");

    // Delete the first quick win from its details panel, then undo.
    let first = sample_implement[0].clone();
    app.card(&first).await?.click().await?;
    app.wait_for_css("aside[aria-label='Idea details']").await?;
    app.screenshot("details-panel.png").await?;
    app.click_button("Delete idea").await?;
    app.wait_until("the idea is gone", &format!(
        "return ![...document.querySelectorAll('[aria-roledescription=\"idea\"]')].some(c => c.querySelector('.card-title').textContent === {});",
        serde_json::to_string(&first)?
    )).await?;
    app.click_button("Undo").await?;
    app.expect_titles(
        "Implement",
        &sample_implement.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .await?;

    // Rename in place; the toast's Undo takes it back, then rename again.
    let name = app.wait_for_css("input[aria-label='Board name']").await?;
    let sample_name = name.prop("value").await?.unwrap_or_default();
    app.wait_for_window_title(&format!("{sample_name} — Pickboard"))
        .await?;
    name.clear().await?;
    name.send_keys(&format!("Platform Q3{}", char::from(Key::Enter)))
        .await?;
    app.wait_until("the sidebar shows the new name", "return [...document.querySelectorAll('.board-link-name')].some(e => e.textContent === 'Platform Q3');").await?;
    app.wait_for_window_title("Platform Q3 — Pickboard").await?;
    app.screenshot("board-renamed-toast.png").await?;
    click_toast_action(&app, "Renamed", "Undo").await?;
    let old_name_back = format!(
        "return document.querySelector(\"input[aria-label='Board name']\")?.value === {0} \
         && [...document.querySelectorAll('.board-link-name')].some(e => e.textContent === {0});",
        serde_json::to_string(&sample_name)?
    );
    app.wait_until("the rename is undone", &old_name_back).await?;
    app.wait_for_window_title(&format!("{sample_name} — Pickboard"))
        .await?;
    let name = app.wait_for_css("input[aria-label='Board name']").await?;
    name.click().await?;
    app.press_ctrl('a').await?;
    name.send_keys(&format!("Platform Q3{}", char::from(Key::Enter)))
        .await?;
    app.wait_until("the sidebar shows the new name", "return [...document.querySelectorAll('.board-link-name')].some(e => e.textContent === 'Platform Q3');").await?;

    // Duplicate: the copy opens with the same ideas.
    app.click_button("Board ▾").await?;
    app.click_button("Duplicate").await?;
    app.wait_until(
        "the copy is open",
        "return document.querySelector(\"input[aria-label='Board name']\")?.value === 'Platform Q3 (copy)';",
    )
    .await?;
    app.wait_for_window_title("Platform Q3 (copy) — Pickboard")
        .await?;
    app.expect_titles(
        "Implement",
        &sample_implement.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .await?;

    // Delete the copy: the confirmation names it and its ideas; Cancel keeps it, Delete removes it.
    let count: usize = app.zones().await?.iter().map(|(_, t)| t.len()).sum();
    app.click_button("Board ▾").await?;
    app.click_button("Delete…").await?;
    let dialog = app.wait_for_css("[role=dialog]").await?.text().await?;
    assert!(dialog.contains("Delete “Platform Q3 (copy)”?"), "{dialog}");
    assert!(
        dialog.contains(&format!("Its {count} ideas go with it")),
        "{dialog}"
    );
    app.screenshot("confirm-delete-board.png").await?;
    app.click_button("Cancel").await?;
    app.click_button("Board ▾").await?;
    app.click_button("Delete…").await?;
    app.click_button("Delete board").await?;
    app.wait_until("only the original board is left", "return document.querySelectorAll('.board-link').length === 1 && document.querySelector(\"input[aria-label='Board name']\")?.value === 'Platform Q3';").await?;
    app.wait_for_window_title("Platform Q3 — Pickboard").await?;
    // The toast's Undo brings the copy back as it was, and opens it; then delete it for good.
    app.screenshot("board-deleted-toast.png").await?;
    click_toast_action(&app, "Deleted the board", "Undo").await?;
    app.wait_until("the copy is back and open", "return document.querySelectorAll('.board-link').length === 2 && document.querySelector(\"input[aria-label='Board name']\")?.value === 'Platform Q3 (copy)';").await?;
    app.expect_titles(
        "Implement",
        &sample_implement.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .await?;
    let restored: usize = app.zones().await?.iter().map(|(_, t)| t.len()).sum();
    assert_eq!(restored, count, "every idea of the copy is back");
    app.click_button("Board ▾").await?;
    app.click_button("Delete…").await?;
    app.click_button("Delete board").await?;
    app.wait_until("only the original board is left", "return document.querySelectorAll('.board-link').length === 1 && document.querySelector(\"input[aria-label='Board name']\")?.value === 'Platform Q3';").await?;

    // Light theme, then dark, kept as a preference.
    app.set_theme("light").await?;
    app.screenshot("sample-board-light.png").await?;
    app.set_theme("dark").await?;
    app.screenshot("sample-board-dark.png").await?;
    app.quit().await?;

    let app = App::launch(data.path()).await?;
    app.wait_until(
        "the dark theme is restored",
        "return document.documentElement.dataset.theme === 'dark';",
    )
    .await?;
    app.wait_for_window_title("Platform Q3 — Pickboard").await?;

    // The copy deleted in the last session is kept: Deleted boards lists it and brings it back, every idea with it.
    app.click_button("Deleted boards…").await?;
    app.wait_until(
        "the copy is listed",
        "return [...document.querySelectorAll('.deleted-name')].map(e => e.textContent).join('|') === 'Platform Q3 (copy)';",
    )
    .await?;
    app.screenshot("deleted-boards-dark.png").await?;
    app.click_button("Restore “Platform Q3 (copy)”").await?;
    app.wait_until("the copy is back and open", "return !document.querySelector('[role=dialog]') && document.querySelectorAll('.board-link').length === 2 && document.querySelector(\"input[aria-label='Board name']\")?.value === 'Platform Q3 (copy)';").await?;
    let restored: usize = app.zones().await?.iter().map(|(_, t)| t.len()).sum();
    assert_eq!(restored, count, "every idea of the copy is back");
    app.quit().await?;
    Ok(())
}

/// Clicks the button `label` of the toast whose message contains `message` (older toasts may offer an Undo too).
async fn click_toast_action(app: &App, message: &str, label: &str) -> TestResult {
    let xpath = format!(
        "//div[contains(concat(' ', @class, ' '), ' toast ')][contains(normalize-space(.), {})]//button[normalize-space()={}]",
        xpath_string(message),
        xpath_string(label)
    );
    app.client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(fantoccini::Locator::XPath(&xpath))
        .await?
        .click()
        .await?;
    Ok(())
}

fn xpath_string(text: &str) -> String {
    format!("'{}'", text.replace('\'', ""))
}

/// The stored scores (in tenths) of the idea titled `title`, read straight from the database file.
fn stored_scores(data: &std::path::Path, title: &str) -> TestResult<(Option<i64>, Option<i64>)> {
    let db = Connection::open(data.join("pickboard.db"))?;
    Ok(
        db.query_row("SELECT payoff, cost FROM ideas WHERE title = ?1", [title], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?,
    )
}

async fn wait_for_scores(
    data: &std::path::Path,
    title: &str,
    check: impl Fn(i64, i64) -> bool,
) -> TestResult<(i64, i64)> {
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        if let (Some(p), Some(c)) = stored_scores(data, title)? {
            if check(p, c) {
                return Ok((p, c));
            }
        }
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "{title}: scores in the database are {:?}",
                stored_scores(data, title)?
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Drag and drop is loaded with the first input, not at start (ui/src/features/board/BoardDrag.tsx). A card dragged
/// as the very first thing after start, pressed in the moment the pointer's first move is loading it, still lands;
/// the press is handed to drag and drop once it is there.
#[tokio::test]
async fn a_card_dragged_as_the_first_input_after_start_lands() -> TestResult {
    use pickboard_lib::domain::Zone;
    use pickboard_lib::storage::{boards, ideas, Db, DB_FILE_NAME};

    let data = tempfile::tempdir()?;
    let (alpha, bravo) = ("Move CI runners to arm64", "Rotate TLS certificates");
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Infra")?;
            ideas::add(tx, board.id, alpha, Zone::Unsorted)?;
            ideas::add(tx, board.id, bravo, Zone::Unsorted)
        })?;
    }
    let app = App::launch(data.path()).await?;
    // The board as React draws it: the first frame is drawn before React's script, and a drag there does nothing.
    app.wait_until(
        "the board answers",
        "return performance.getEntriesByName('board-interactive').length > 0;",
    )
    .await?;
    assert!(
        !app.drag_and_drop_loaded().await?,
        "drag and drop should wait for the first input"
    );

    // By viewport points: the first move draws the board's body anew under drag and drop, so elements found before
    // it are gone by the drop.
    let centre = |(x, y, w, h): (f64, f64, f64, f64)| (x + w / 2.0, y + h / 2.0);
    let from = centre(app.card(alpha).await?.rectangle().await?);
    let to = centre(app.region("Implement").await?.rectangle().await?);
    app.drag_between(from, to).await?;
    app.expect_titles("Implement", &[alpha]).await?;
    app.expect_titles("Unsorted", &[bravo]).await?;
    assert!(app.drag_and_drop_loaded().await?);
    Ok(())
}

/// A card let go of off the board, over the toolbar, stays where it was, and nothing is saved: it went into the last
/// list it had passed over, with new scores, without a word. Dragged back onto a list, it lands there as before.
#[tokio::test]
async fn a_card_let_go_of_over_the_toolbar_stays_where_it_was() -> TestResult {
    use pickboard_lib::domain::{Score, Zone};
    use pickboard_lib::storage::{boards, ideas, Db, DB_FILE_NAME};

    let data = tempfile::tempdir()?;
    let title = "Rewrite the deploy tool";
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Infra")?;
            let idea = ideas::add(tx, board.id, title, Zone::Unsorted)?;
            ideas::set_position(tx, idea.id, Score::from_tenths(40)?, Score::from_tenths(90)?)?;
            Ok(())
        })?;
    }
    // The idea's row as stored: its zone, rank and scores.
    type Row = (i64, f64, Option<i64>, Option<i64>);
    let stored = |dir: &std::path::Path| -> TestResult<Vec<Row>> {
        let db =
            Connection::open_with_flags(dir.join(DB_FILE_NAME), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let mut rows = db.prepare("SELECT zone, rank, payoff, cost FROM ideas")?;
        let rows = rows.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    let before = stored(data.path())?;
    let app = App::launch(data.path()).await?;
    app.client.set_window_size(1024, 768).await?;
    app.wait_for_card_in("Kill", title).await?;
    // Drag and drop comes with the first input.
    app.client
        .perform_actions(MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: None,
            x: 5.0,
            y: 5.0,
        }))
        .await?;
    app.wait_for_drag_and_drop().await?;
    let (ix, iy, iw, ih) = app.region("Implement").await?.rectangle().await?;
    let (tx, ty, tw, th) = app.wait_for_css(".toolbar").await?.rectangle().await?;
    let over_implement = (ix + iw / 2.0, iy + ih / 2.0);
    let over_toolbar = (tx + tw / 3.0, ty + th / 2.0);
    app.drag_path(&app.card(title).await?, &[over_implement, over_toolbar], 15)
        .await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    app.expect_titles("Kill", &[title]).await?;
    app.expect_titles("Implement", &[]).await?;
    assert_eq!(stored(data.path())?, before, "nothing is saved");

    // Onto Implement, it lands there.
    app.drag_path(&app.card(title).await?, &[over_implement], 15)
        .await?;
    app.expect_titles("Implement", &[title]).await?;
    app.expect_titles("Kill", &[]).await?;
    Ok(())
}

/// A card flicked onto another list, or to another place in its own, and let go of at once lands there. @dnd-kit's
/// last word on what the card was over was a move old, or it let go of a drag it had not taken in yet without a word:
/// the card stayed where it was, and the list it had passed over stayed lit as the drop's target. And Ctrl+Z pressed
/// while a card is carried waits: it undid an earlier change, and the drop was saved after it all the same.
#[tokio::test]
async fn a_card_flicked_onto_a_list_and_let_go_of_at_once_lands_there() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.client.set_window_size(1024, 768).await?;
    app.click_button("Start empty").await?;
    let (first, second, third) = ("Move CI runners", "Delete old buckets", "Rotate certs");
    for title in [first, second, third] {
        app.add_idea(title).await?;
    }
    app.wait_for_drag_and_drop().await?;
    let low_in = |(x, y, w, h): (f64, f64, f64, f64)| (x + w / 2.0, y + h * 0.7);
    for (title, zone) in [(first, "Possible"), (second, "Kill"), (third, "Possible")] {
        let to = low_in(app.region(zone).await?.rectangle().await?);
        flick(&app, title, to, None).await?;
    }
    app.expect_titles("Possible", &[first, third]).await?;
    app.expect_titles("Kill", &[second]).await?;
    app.expect_titles("Unsorted", &[]).await?;

    // Within its list: onto the top of the card above it.
    let (x, y, w, _) = app.card(first).await?.rectangle().await?;
    flick(&app, third, (x + w / 2.0, y + 4.0), None).await?;
    app.expect_titles("Possible", &[third, first]).await?;
    app.wait_until(
        "no list is lit as a drop's target once the drag is over",
        "return document.querySelector('.zone-list-target') === null;",
    )
    .await?;

    // Ctrl+Z on the way to Implement: the reorder above stays, and the card lands.
    let to = low_in(app.region("Implement").await?.rectangle().await?);
    flick(&app, second, to, Some('z')).await?;
    app.expect_titles("Implement", &[second]).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        app.titles_in("Possible").await?,
        [third, first],
        "Ctrl+Z while the card was carried undid the reorder"
    );
    Ok(())
}

/// Flicks the card `title`, once it stands still, to the viewport point `to` with no pause between the moves, and
/// lets go of it there; with `ctrl`, presses Ctrl and that key on the way, the card held over `to`.
async fn flick(app: &App, title: &str, to: (f64, f64), ctrl: Option<char>) -> TestResult {
    // The cards left slide into the place of one gone.
    let card = app.card(title).await?;
    let mut at = card.rectangle().await?;
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = card.rectangle().await?;
        if now == at {
            break;
        }
        at = now;
    }
    let (cx, cy, cw, ch) = at;
    let (x, y) = (cx + cw / 2.0, cy + ch / 2.0);
    let carried = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo { duration: None, x, y })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: None,
            x: x + 10.0,
            y: y + 4.0,
        })
        .then(PointerAction::MoveTo {
            duration: None,
            x: to.0,
            y: to.1,
        });
    let up = PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    };
    if let Some(key) = ctrl {
        app.client.perform_actions(carried).await?;
        app.press_ctrl(key).await?;
        app.client
            .perform_actions(MouseActions::new("mouse".into()).then(up))
            .await?;
    } else {
        app.client.perform_actions(carried.then(up)).await?;
    }
    app.client.release_actions().await?;
    Ok(())
}

/// A card dragged out of a long, scrolled list lands where it is dropped, and the list it leaves stays where it was.
/// Two things scrolled it on and on while the pointer waited past its edge (hundreds of cards in a second): WebKit's
/// own auto-scroll of a text selection, started by the press, and @dnd-kit's. A list still scrolls while the pointer
/// is over it near its edge, to reorder a long list. And a card dropped on the list below a long one lands there: the
/// long list's cards past its view, drawn over the list below, took the drop. A card dropped on a quadrant's heading
/// lands in that quadrant, before the first card its list shows whole; one moved there with the keyboard lands
/// there too, where it is drawn.
#[tokio::test]
async fn a_card_dragged_out_of_a_long_scrolled_list_leaves_the_list_where_it_was() -> TestResult {
    use pickboard_lib::domain::{Score, Zone};
    use pickboard_lib::storage::{boards, ideas, Db, DB_FILE_NAME};

    let data = tempfile::tempdir()?;
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Long")?;
            for i in 0..600 {
                let idea = ideas::add(tx, board.id, &format!("Quick win {i}"), Zone::Unsorted)?;
                ideas::set_position(tx, idea.id, Score::from_tenths(80)?, Score::from_tenths(20)?)?;
            }
            for i in 0..3 {
                let idea = ideas::add(tx, board.id, &format!("Maybe later {i}"), Zone::Unsorted)?;
                ideas::set_position(tx, idea.id, Score::from_tenths(20)?, Score::from_tenths(20)?)?;
            }
            Ok(())
        })?;
    }
    let app = App::launch(data.path()).await?;
    app.client.set_window_size(1024, 768).await?;
    app.wait_until(
        "the board answers",
        "return performance.getEntriesByName('board-interactive').length > 0;",
    )
    .await?;
    app.client
        .perform_actions(MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: None,
            x: 10.0,
            y: 10.0,
        }))
        .await?;
    app.wait_for_drag_and_drop().await?;
    let list = "document.querySelector('.zone-list[data-zone=implement]')";
    // The first card wholly in view, and where the list, Kill and the list of Possible (below it) are.
    let first_in_view = || async {
        let found = app
            .client
            .execute(
                &format!(
                    "const l = {list}, b = l.getBoundingClientRect();
                     const c = [...l.querySelectorAll('.card')].find(c => {{ const r = c.getBoundingClientRect(); return r.top >= b.top && r.bottom <= b.bottom; }});
                     const r = c.getBoundingClientRect(), k = document.querySelector('section[aria-label=Kill]').getBoundingClientRect();
                     const p = document.querySelector('.zone-list[data-zone=possible]').getBoundingClientRect();
                     return [c.querySelector('.card-title').textContent, r.left + r.width / 2, r.top + r.height / 2, b.bottom, k.left + k.width / 2, k.top + k.height / 2, l.scrollTop, p.left + p.width / 2, p.top + p.height / 2];"
                ),
                vec![],
            )
            .await?;
        let found = found.as_array().ok_or("no card in view")?.clone();
        let number = |i: usize| found[i].as_f64().unwrap_or(f64::NAN);
        let title = found[0].as_str().unwrap_or_default().to_owned();
        TestResult::Ok((title, [1, 2, 3, 4, 5, 6, 7, 8].map(number)))
    };
    let (title, [cx, cy, bottom, kx, ky, before, _, _]) = first_in_view().await?;
    // Pressed; a pause over the list near its bottom edge; quickly out through it, a pause just past it; onto Kill.
    let step = |x: f64, y: f64| PointerAction::MoveTo {
        duration: Some(Duration::from_millis(16)),
        x,
        y,
    };
    let scroll_top = || async {
        TestResult::Ok(
            app.client
                .execute(&format!("return {list}.scrollTop;"), vec![])
                .await?
                .as_f64()
                .unwrap_or(f64::NAN),
        )
    };
    app.client
        .perform_actions(
            MouseActions::new("mouse".into())
                .then(step(cx, cy))
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(step(cx, cy + 8.0))
                .then(step(cx, bottom - 6.0)),
        )
        .await?;
    let at_the_edge = scroll_top().await?;
    // A pixel further, as a hand never holds still: @dnd-kit scrolls on the pointer's moves.
    app.client
        .perform_actions(MouseActions::new("mouse".into()).then(step(cx, bottom - 5.0)))
        .await?;
    let held = Instant::now();
    let mut inside = 0.0;
    while inside <= 40.0 && held.elapsed() < Duration::from_secs(2) {
        tokio::time::sleep(Duration::from_millis(50)).await;
        inside = scroll_top().await? - at_the_edge;
    }
    assert!(
        inside > 40.0,
        "the list scrolls while the pointer is over it near its edge: {inside} px in {} ms",
        held.elapsed().as_millis()
    );
    app.client
        .perform_actions(MouseActions::new("mouse".into()).then(step(cx, bottom + 25.0)))
        .await?;
    let past_the_edge = scroll_top().await?;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let after_the_pause = scroll_top().await?;
    app.client
        .perform_actions(
            MouseActions::new("mouse".into())
                .then(step((cx + kx) / 2.0, (bottom + ky) / 2.0))
                .then(step(kx, ky))
                .pause(Duration::from_millis(150))
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                }),
        )
        .await?;
    app.client.release_actions().await?;
    app.wait_for_card_in("Kill", &title).await?;
    assert!(
        (after_the_pause - past_the_edge).abs() < 20.0,
        "the list it left scrolled from {past_the_edge} to {after_the_pause} px while the pointer waited below it \
         (it was at {before} px before the drag)"
    );

    // The list below: Implement's cards past its view lie over it.
    let (title, [cx, cy, _, _, _, _, px, py]) = first_in_view().await?;
    app.drag_between((cx, cy), (px, py)).await?;
    app.wait_for_card_in("Possible", &title).await?;

    // Where a card landed in the scrolled list: the title after it, and whether the list shows it whole.
    let landed = |title: &'static str| {
        let app = &app;
        async move {
            let implement = app.titles_in("Implement").await?;
            let next = implement
                .iter()
                .position(|t| t == title)
                .and_then(|i| implement.get(i + 1))
                .cloned();
            let whole = app
                .client
                .execute(
                    &format!(
                        "const b = {list}.getBoundingClientRect(), c = [...{list}.querySelectorAll('.card')].find(c => c.querySelector('.card-title').textContent === arguments[0]).getBoundingClientRect();
                         return c.top >= b.top && c.bottom <= b.bottom;"
                    ),
                    vec![title.into()],
                )
                .await?;
            TestResult::Ok((next, whole.as_bool() == Some(true)))
        }
    };

    // With the keyboard, from Possible up into the scrolled list: the card goes to the first slot the list shows, where
    // it is drawn while it moves (before the first card wholly in view), not to its end 600 cards down, out of sight.
    let (in_view, ..) = first_in_view().await?;
    let card = app.card("Maybe later 0").await?;
    app.client
        .execute("arguments[0].focus();", vec![serde_json::to_value(&card)?])
        .await?;
    assert_eq!(app.focused_label().await?, "Maybe later 0");
    app.press(&[Key::Space, Key::Up, Key::Space]).await?;
    app.wait_for_card_in("Implement", "Maybe later 0").await?;
    let (before_it, shown) = landed("Maybe later 0").await?;
    assert_eq!(
        before_it.as_ref(),
        Some(&in_view),
        "the card went before the first card the list showed, {in_view:?}"
    );
    assert!(shown, "the moved card is in the list's view");

    // Onto Possible's heading, held by its bottom edge: the card drawn under the pointer lies mostly over Implement's
    // list, yet the quadrant under the pointer takes it.
    let (title, [cx, cy, ..]) = first_in_view().await?;
    let heading = app
        .client
        .execute(
            "const r = document.querySelector('section[aria-label=Possible] .zone-header').getBoundingClientRect();
             return [r.left + r.width / 2, r.top + r.height / 2];",
            vec![],
        )
        .await?;
    let spot = |i: usize| heading[i].as_f64().unwrap_or(f64::NAN);
    app.drag_between((cx, cy + 24.0), (spot(0), spot(1))).await?;
    app.wait_for_card_in("Possible", &title).await?;

    // Back onto Implement's heading with a card cut by the list's top edge: the card goes before the first one shown
    // whole, and is seen whole, as with the keyboard.
    let placed = app
        .client
        .execute(
            &format!(
                "const l = {list}, c = l.querySelectorAll('.card')[8];
                 l.scrollTop += c.getBoundingClientRect().top - l.getBoundingClientRect().top + 25;
                 const h = document.querySelector('section[aria-label=Implement] .zone-header').getBoundingClientRect();
                 const m = [...document.querySelectorAll('.zone-list[data-zone=possible] .card')].find(c => c.querySelector('.card-title').textContent === 'Maybe later 1').getBoundingClientRect();
                 return [m.left + m.width / 2, m.top + m.height / 2, h.left + h.width / 2, h.top + h.height / 2];"
            ),
            vec![],
        )
        .await?;
    let at = |i: usize| placed[i].as_f64().unwrap_or(f64::NAN);
    let (in_view, ..) = first_in_view().await?;
    app.drag_between((at(0), at(1)), (at(2), at(3))).await?;
    app.wait_for_card_in("Implement", "Maybe later 1").await?;
    let (next, whole) = landed("Maybe later 1").await?;
    assert_eq!(
        next.as_ref(),
        Some(&in_view),
        "dropped on the heading, before the first card shown whole"
    );
    assert!(whole, "the dropped card is seen whole");
    Ok(())
}

/// The chart view: drag a marker with the pointer to new scores, see them in the database and the idea in its new
/// quadrant; undo with the keyboard; filter by a tag and see what dims.
#[tokio::test]
async fn a_marker_dragged_on_the_chart_is_saved_and_undone_with_the_keyboard() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    let title = "Dark mode for the internal status page";
    assert_eq!(stored_scores(data.path(), title)?, (Some(20), Some(30)));

    app.click_button("Chart").await?;
    let plane = app.wait_for_css(".plane").await?;
    let marker = app
        .wait_for_css(&format!(
            "button.marker[aria-label^={}]",
            pickboard_e2e::css_string(title)
        ))
        .await?;
    app.screenshot("chart-light.png").await?;

    // Escape in the middle of a drag puts the marker back, and nothing is saved.
    let (mx, my, mw, mh) = marker.rectangle().await?;
    let (sx, sy) = (mx + mw / 2.0, my + mh / 2.0);
    let to = |dx: f64| PointerAction::MoveTo {
        duration: Some(Duration::from_millis(16)),
        x: sx + dx,
        y: sy - dx,
    };
    // The mouse pressed on the marker's middle, then moved through `moves`, still down.
    let press_then = |moves: Vec<PointerAction>| {
        let pressed = MouseActions::new("mouse".into())
            .then(to(0.0))
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            });
        moves
            .into_iter()
            .fold(pressed, |actions, step| actions.then(step))
    };
    app.client
        .perform_actions(press_then(vec![to(30.0), to(80.0)]))
        .await?;
    let live = "return document.querySelector('.marker-live') !== null;";
    app.wait_until("the marker follows the pointer", live).await?;
    app.press(&[Key::Escape]).await?;
    app.wait_until(
        "the marker is back where it was",
        "return document.querySelector('.marker-live') === null;",
    )
    .await?;
    app.client
        .perform_actions(
            MouseActions::new("mouse".into())
                .then(to(120.0))
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                }),
        )
        .await?;
    app.client.release_actions().await?;

    // A press that slips 3 pixels each way is a click, not a drag: the marker does not follow, nothing is saved, and
    // the click opens the idea's details, which Escape closes.
    let slip = PointerAction::MoveTo {
        duration: Some(Duration::from_millis(16)),
        x: sx + 3.0,
        y: sy + 3.0,
    };
    app.client.perform_actions(press_then(vec![slip])).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let slipped = app.client.execute(live, vec![]).await?;
    app.client
        .perform_actions(MouseActions::new("mouse".into()).then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        }))
        .await?;
    app.client.release_actions().await?;
    assert_eq!(
        slipped.as_bool(),
        Some(false),
        "a slip of 3 pixels each way started a drag"
    );

    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(stored_scores(data.path(), title)?, (Some(20), Some(30)));
    let label = marker.attr("aria-label").await?.unwrap_or_default();
    assert!(label.ends_with("payoff 2, cost/risk 3"), "{label}");
    app.wait_for_css("aside[aria-label='Idea details']").await?;
    app.press(&[Key::Escape]).await?;
    app.wait_until(
        "the details close",
        "return !document.querySelector(\"aside[aria-label='Idea details']\");",
    )
    .await?;

    // Drag it to payoff 8, cost/risk 2: the top left, Implement.
    let (px, py, pw, ph) = plane.rectangle().await?;
    app.drag_to(&marker, px + pw * 0.2, py + ph * 0.2).await?;
    let (payoff, cost) = wait_for_scores(data.path(), title, |p, c| p >= 50 && c < 50).await?;
    assert!(
        (70..=90).contains(&payoff) && (10..=30).contains(&cost),
        "dropped at payoff {payoff}, cost {cost}"
    );

    // The quadrant view agrees.
    app.click_button("Quadrants").await?;
    app.wait_for_card_in("Implement", title).await?;

    // Undo with the keyboard alone: the idea goes back to where it was, in the database too.
    app.client
        .execute("document.activeElement?.blur();", vec![])
        .await?;
    app.press_ctrl('z').await?;
    wait_for_scores(data.path(), title, |p, c| (p, c) == (20, 30)).await?;
    app.wait_for_card_in("Possible", title).await?;
    // And redo.
    app.press_ctrl('y').await?;
    wait_for_scores(data.path(), title, |p, c| p >= 50 && c < 50).await?;

    // Filter by the tag "ci": only ideas tagged ci stay bright, in both views.
    const BAR_HEIGHT: &str = "return document.querySelector('.search-bar').getBoundingClientRect().height;";
    let bar = app.client.execute(BAR_HEIGHT, vec![]).await?;
    app.click_button("#ci").await?;
    app.wait_until(
        "the match count shows",
        "return document.querySelector('.match-count')?.textContent === '4 of 9 ideas match · #ci';",
    )
    .await?;
    // The count, said in a paragraph of its own, took its margins: the bar grew and the board moved down.
    assert_eq!(app.client.execute(BAR_HEIGHT, vec![]).await?, bar);
    let dimmed: Vec<String> = serde_json::from_value(app.client.execute(
        "return [...document.querySelectorAll('[aria-roledescription=\"idea\"].dimmed')].map(c => c.querySelector('.card-title').textContent);",
        vec![],
    ).await?)?;
    assert_eq!(dimmed.len(), 5, "{dimmed:?}");
    assert!(dimmed.contains(&title.to_owned()), "{dimmed:?}");
    assert!(
        !dimmed.iter().any(|t| t == "Migrate CI runners to arm64"),
        "{dimmed:?}"
    );
    app.click_button("Chart").await?;
    let bright_markers = app.client.execute(
        "return [...document.querySelectorAll('.plane .marker:not(.dimmed), .plane .marker-stack:not(.dimmed)')].length;",
        vec![],
    ).await?;
    assert!(bright_markers.as_u64().unwrap_or(0) >= 1);
    app.screenshot("chart-filtered.png").await?;
    app.click_button("Clear").await?;

    // Thresholds: payoff counts as high from 7.5; "Alert on disk usage" (payoff 7) re-flows into Possible at once.
    let alert = "Alert on disk usage of the build runners";
    app.click_button("Quadrants").await?;
    app.click_button("Board ▾").await?;
    app.click_button("Thresholds…").await?;
    let field = app.wait_for_css("[role=dialog] input[inputmode=decimal]").await?;
    field.clear().await?;
    field.send_keys("7.5").await?;
    app.screenshot("thresholds-dialog.png").await?;
    app.click_button("Save").await?;
    app.wait_for_card_in("Possible", alert).await?;
    // The toolbar's Undo puts the line back.
    app.client
        .find(fantoccini::Locator::Css(
            "button[aria-label='Undo the last change']",
        ))
        .await?
        .click()
        .await?;
    app.wait_for_card_in("Implement", alert).await?;

    // The details of an idea, with its history; the board's activity; the shortcuts sheet.
    app.card(title).await?.click().await?;
    app.wait_until(
        "the timeline shows the idea's move",
        "return [...document.querySelectorAll('aside .timeline li')].some(li => li.textContent.includes('moved Possible → Implement'));",
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot("details-full.png").await?;
    app.press(&[Key::Escape]).await?;
    app.click_button("Activity").await?;
    app.wait_until("the activity feed lists the moves", "return [...document.querySelectorAll('aside .timeline li')].some(li => li.textContent.includes('Possible → Implement'));").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot("activity.png").await?;
    app.click_button("Activity").await?;
    app.client
        .execute("document.activeElement?.blur();", vec![])
        .await?;
    app.client
        .execute(
            "window.dispatchEvent(new KeyboardEvent('keydown', { key: '?' }));",
            vec![],
        )
        .await?;
    app.wait_for_css("[role=dialog]").await?;
    app.screenshot("shortcuts.png").await?;
    app.press(&[Key::Escape]).await?;
    app.wait_until(
        "the sheet is closed",
        "return !document.querySelector('[role=dialog]');",
    )
    .await?;
    app.click_button("Chart").await?;
    app.set_theme("dark").await?;
    app.screenshot("chart-dark.png").await?;
    app.quit().await?;
    Ok(())
}
