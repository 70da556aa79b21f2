//! Import, export and backups through the real app: a Jira CSV export mapped and imported, the board exported as a
//! picture and a spreadsheet, and a backup restored (and the restore taken back) while the app has the database open.

use std::path::Path;

use pickboard_e2e::{App, TestResult};
use rusqlite::Connection;

const JIRA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../src-tauri/tests/fixtures/jira-export.csv"
);

fn board_names(data: &Path) -> TestResult<Vec<(String, i64)>> {
    let db = Connection::open(data.join("pickboard.db"))?;
    let mut stmt = db.prepare(
        "SELECT name, (SELECT count(*) FROM ideas i WHERE i.board_id = b.id) FROM boards b ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Board ▾ › Export…, the format, Export…, and the native dialog answered with `path`.
async fn export_as(app: &App, format: &str, path: &Path) -> TestResult {
    ask_to_export(app, format, path).await?;
    // The toast names the file, so an earlier export's toast still on screen does not count.
    toast_says(app, &format!("Saved {}", path.display())).await
}

/// Board ▾ › Export…, the format, and Export…, with the native dialog to be answered with `path`.
async fn ask_to_export(app: &App, format: &str, path: &Path) -> TestResult {
    app.answer_file_dialogs_with(path)?;
    app.click_button("Board ▾").await?;
    app.click_button("Export…").await?;
    // The dialog is loaded when first opened: wait for it.
    app.client
        .wait()
        .for_element(fantoccini::Locator::Css(&format!(
            "input[name=export-format][value={format}]"
        )))
        .await?
        .click()
        .await?;
    if format == "png" {
        app.screenshot("export-dialog.png").await?;
    }
    app.click_button("Export…").await
}

async fn toast_says(app: &App, start: &str) -> TestResult {
    let script = format!(
        "return [...document.querySelectorAll('.toast')].some(t => t.textContent.startsWith({}));",
        serde_json::to_string(start)?
    );
    app.wait_until(&format!("a toast says {start}"), &script).await
}

#[tokio::test]
async fn a_jira_export_is_imported_exported_and_backups_restore_while_the_app_runs() -> TestResult {
    let data = tempfile::tempdir()?;
    let out = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;

    // Import from the first-run screen: the Jira export is recognised; the user picks the score columns.
    app.answer_file_dialogs_with(Path::new(JIRA))?;
    app.click_button("Import a file…").await?;
    app.wait_until(
        "the preview shows the Jira export",
        "return !!document.querySelector('[role=dialog]')?.textContent.includes('Jira export · 6 rows');",
    )
    .await?;
    app.choose("Payoff (0–10)", "Custom field (Business Value)")
        .await?;
    // Its preview first. In one of four full runs the second choice, made at once, did not take; the cause was not
    // found (the dialog keeps two quick choices whatever order their previews answer in: its Vitest test).
    app.wait_until(
        "the preview answers the payoff column",
        "return !!document.querySelector('[role=dialog]')?.textContent.includes('no column is chosen for the cost/risk');",
    )
    .await?;
    app.choose("Cost/risk (0–10)", "Custom field (Story Points)")
        .await?;
    app.wait_until(
        "the preview places the ideas",
        "return !!document.querySelector('[role=dialog]')?.textContent.includes('6 ideas (5 placed, 1 in Unsorted)');",
    )
    .await?;
    app.screenshot("import-jira-preview.png").await?;
    app.click_button("Import 6 ideas").await?;
    toast_says(&app, "Imported 6 ideas into “jira-export”").await?;
    app.wait_for_card_in("Implement", "Cache Docker layers on the CI runners")
        .await?;
    app.wait_for_card_in("Unsorted", "Evaluate a service mesh")
        .await?;
    assert_eq!(board_names(data.path())?, [("jira-export".to_owned(), 6)]);

    // Export the board as a picture and as a spreadsheet.
    let png = out.path().join("chart.png");
    export_as(&app, "png", &png).await?;
    let bytes = std::fs::read(&png)?;
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    // A spreadsheet named as the picture is refused, and the picture is kept: the dialog says why.
    ask_to_export(&app, "csv", &png).await?;
    app.wait_until(
        "the dialog says why nothing was saved",
        "return !!document.querySelector('[role=dialog]')?.textContent
           .includes('Nothing was saved: the name “chart.png” ends in “.png”, for Chart picture (PNG)');",
    )
    .await?;
    app.screenshot("export-wrong-name.png").await?;
    assert_eq!(std::fs::read(&png)?, bytes, "the picture is as it was");
    app.click_button("Cancel").await?;
    let csv = out.path().join("board.csv");
    export_as(&app, "csv", &csv).await?;
    let text = std::fs::read_to_string(&csv)?;
    assert!(
        text.contains("Cache Docker layers on the CI runners,Implement,8,2,ana.ribeiro"),
        "{text}"
    );

    // The backup made at start-up holds no boards; restoring it empties the app, after a confirmation, and the
    // state before the restore is kept as a backup that brings the board back.
    app.click_button("Backups…").await?;
    app.wait_until(
        "one backup is listed",
        "return document.querySelectorAll('.backups-table tbody tr').length === 1;",
    )
    .await?;
    app.screenshot("backups.png").await?;
    app.click_button("Restore…").await?;
    app.click_button("Restore").await?;
    toast_says(&app, "Backup restored.").await?;
    app.wait_for_css(".welcome").await?;
    assert!(board_names(data.path())?.is_empty());

    app.click_button("Backups…").await?;
    app.wait_until(
        "two backups are listed",
        "return document.querySelectorAll('.backups-table tbody tr').length === 2;",
    )
    .await?;
    let before = app
        .client
        .find(fantoccini::Locator::XPath(
            "//tr[contains(., 'before a restore')]//button",
        ))
        .await?;
    before.click().await?;
    app.click_button("Restore").await?;
    toast_says(&app, "Backup restored.").await?;
    app.wait_for_card_in("Implement", "Cache Docker layers on the CI runners")
        .await?;
    assert_eq!(board_names(data.path())?, [("jira-export".to_owned(), 6)]);
    app.quit().await
}

/// A CSV file whose scores cannot be read ("high", 15): its rows are problems, and, when asked, go to Unsorted without
/// their scores, keeping their ideas (skipping them lost those).
#[tokio::test]
async fn rows_whose_scores_cannot_be_read_go_to_unsorted_when_asked() -> TestResult {
    let data = tempfile::tempdir()?;
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("scores.csv");
    std::fs::write(
        &file,
        "Title,Payoff,Cost\nCache layers,8,2\nVague idea,high,abc\nToo costly,15,-2\n",
    )?;
    let app = App::launch(data.path()).await?;
    app.answer_file_dialogs_with(&file)?;
    app.click_button("Import a file…").await?;
    app.wait_until(
        "both rows' problems show, with both scores named",
        "const text = document.querySelector('[role=dialog]')?.textContent ?? '';
         return text.includes('2 rows have problems')
             && text.includes('“high” is not a number. The cost/risk too: “abc” is not a number.');",
    )
    .await?;
    let import = app.find_button("Import 1 idea").await?;
    assert!(
        import.attr("disabled").await?.is_some(),
        "Import waits for a choice"
    );
    app.client
        .find(fantoccini::Locator::XPath(
            "//label[contains(normalize-space(), 'Import the rows whose scores cannot be read into Unsorted')]/input",
        ))
        .await?
        .click()
        .await?;
    app.wait_until(
        "the preview takes the rows",
        "return !!document.querySelector('[role=dialog]')?.textContent.includes('3 ideas (1 placed, 2 in Unsorted)');",
    )
    .await?;
    app.screenshot("import-bad-scores-unsorted.png").await?;
    app.click_button("Import 3 ideas").await?;
    toast_says(&app, "Imported 3 ideas").await?;
    app.wait_for_card_in("Implement", "Cache layers").await?;
    app.wait_for_card_in("Unsorted", "Vague idea").await?;
    app.wait_for_card_in("Unsorted", "Too costly").await?;
    app.quit().await
}

/// A board file whose board is named with one long word: the Import dialog wraps the name, and scrolls nowhere
/// sideways. It ran past the dialog's edge, cut off, under a horizontal scrollbar.
#[tokio::test]
async fn the_import_dialog_wraps_a_long_board_name() -> TestResult {
    use pickboard_lib::storage::{boards, Db, DB_FILE_NAME};
    use pickboard_lib::transfer::json;

    let source = tempfile::tempdir()?;
    let file = source.path().join("long.json");
    let mut db = Db::open(&source.path().join(DB_FILE_NAME))?;
    let bytes = db.write(|tx| {
        let board = boards::create(tx, &"N".repeat(100))?;
        json::export(tx, &boards::get(tx, board.id)?)
    })?;
    std::fs::write(&file, bytes)?;

    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.client.set_window_size(1024, 768).await?;
    app.answer_file_dialogs_with(&file)?;
    app.click_button("Import a file…").await?;
    app.wait_until(
        "the dialog describes the board file",
        "return !!document.querySelector('[role=dialog]')?.textContent.includes('A Pickboard board file');",
    )
    .await?;
    let overflow = app
        .client
        .execute(
            "const body = document.querySelector('[role=dialog] .modal-body');
             return body.scrollWidth - body.clientWidth;",
            vec![],
        )
        .await?;
    app.screenshot("import-long-board-name.png").await?;
    assert_eq!(overflow.as_i64(), Some(0), "the dialog's body scrolls sideways");
    Ok(())
}

/// File › New board and Import… have a desktop's keys, Ctrl+N and Ctrl+O, anywhere in the window (a field too): the
/// menu had none but Quit's and the zoom's.
#[tokio::test]
async fn ctrl_n_makes_a_board_and_ctrl_o_imports_a_file() -> TestResult {
    let data = tempfile::tempdir()?;
    let csv = data.path().join("q3.csv");
    std::fs::write(&csv, "Title,Payoff,Cost\nRotate certs,8,2\n")?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    // In a field: the keys are the menu's, and the field is left as it was.
    app.client
        .execute("document.querySelector('.tray .add-idea-input').focus();", vec![])
        .await?;
    app.press_key_through_x("ctrl+n")?;
    app.wait_until(
        "a new board, its name ready to type",
        "const f = document.activeElement;
         return f?.getAttribute('aria-label') === 'Board name' && f.value === 'Untitled board';",
    )
    .await?;
    app.answer_file_dialogs_with(&csv)?;
    app.press_key_through_x("ctrl+o")?;
    app.wait_until(
        "Import to describe the file",
        "return !!document.querySelector('[role=dialog]')?.textContent.includes('Spreadsheet · 1 row');",
    )
    .await?;
    app.quit().await
}
