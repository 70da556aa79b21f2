//! Issue 13, "Fits every window and every hand": the number keys and Delete act on the card the keyboard reached, and
//! the focus stays on the board after a delete; a card's meta line keeps each piece whole in a narrow quadrant; a score
//! box shows what was typed, marks what is not a score and saves only a score.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Locator;
use pickboard_e2e::{App, TestResult};
use pickboard_lib::domain::{Score, Zone};
use pickboard_lib::storage::ideas::IdeaEdit;
use pickboard_lib::storage::{boards, ideas, Db, DB_FILE_NAME};
use rusqlite::Connection;
use serde_json::{json, Value};

/// A board named `name` with `seed` run on it, opened at the next launch, in the light theme.
fn board_with(
    data: &Path,
    name: &str,
    seed: impl FnOnce(&rusqlite::Transaction<'_>, i64) -> pickboard_lib::error::Result<()>,
) -> TestResult<i64> {
    let mut db = Db::open(&data.join(DB_FILE_NAME))?;
    let board = db.write(|tx| {
        let board = boards::create(tx, name)?.id;
        seed(tx, board)?;
        Ok(board)
    })?;
    drop(db);
    std::fs::write(
        data.join("settings.json"),
        json!({ "theme": "light", "lastBoardId": board }).to_string(),
    )?;
    Ok(board)
}

/// Payoff and cost/risk of idea `id` in tenths, read straight from the database file (None: unplaced or deleted).
fn stored_scores(data: &Path, id: i64) -> TestResult<Option<(i64, i64)>> {
    let db = Connection::open(data.join(DB_FILE_NAME))?;
    let row: Option<(Option<i64>, Option<i64>)> = db
        .query_row("SELECT payoff, cost FROM ideas WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .ok();
    Ok(row.and_then(|(p, c)| Some((p?, c?))))
}

/// Presses the key that types `ch` (a digit, "?"), as a person does, wherever the focus is.
async fn type_key(app: &App, ch: char) -> TestResult {
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: ch })
        .then(KeyAction::Up { value: ch })
        .pause(Duration::from_millis(120));
    app.client.perform_actions(actions).await?;
    Ok(())
}

/// Presses `key` until the focused element is named `label`.
async fn tab_to(app: &App, key: Key, label: &str) -> TestResult {
    for _ in 0..40 {
        if app.focused_label().await? == label {
            return Ok(());
        }
        app.press(&[key]).await?;
    }
    Err(format!("the keyboard never reached {label:?}").into())
}

/// Waits until the focused element is named `label`.
async fn wait_for_focus(app: &App, label: &str) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let focused = app.focused_label().await?;
        if focused == label {
            return Ok(());
        }
        if Instant::now() > deadline {
            let what = app
                .client
                .execute(
                    "const e = document.activeElement; return e ? e.outerHTML.slice(0, 120) : null;",
                    vec![],
                )
                .await?;
            return Err(format!("the focus is on {focused:?} ({what}), not {label:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Item 3: keys 1–4 did nothing on a card reached with Tab, and after Delete the focus fell to the page.
#[tokio::test]
async fn the_number_keys_and_delete_act_on_the_focused_card_and_the_focus_stays_on_the_board() -> TestResult {
    let data = tempfile::tempdir()?;
    let titles = ["Alpha", "Bravo", "Charlie", "Delta"];
    let mut ids = Vec::new();
    board_with(data.path(), "Keys", |tx, board| {
        for title in titles {
            ids.push(ideas::add(tx, board, title, Zone::Unsorted)?.id);
        }
        Ok(())
    })?;
    let app = App::launch(data.path()).await?;
    app.expect_titles("Unsorted", &titles).await?;

    // Tab to Alpha (no click: nothing is selected) and press 2: Alpha is in Challenge, on screen and in the file.
    tab_to(&app, Key::Tab, "Alpha").await?;
    type_key(&app, '2').await?;
    app.expect_titles("Challenge", &["Alpha"]).await?;
    app.expect_titles("Unsorted", &["Bravo", "Charlie", "Delta"])
        .await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let scores = stored_scores(data.path(), ids[0])?;
        // Challenge: high payoff and hard, at the default thresholds (5 and 5; on the line counts as high or hard).
        if matches!(scores, Some((p, c)) if p >= 50 && c >= 50) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the file never had Alpha in Challenge: {scores:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The focus went with the card, so the next key acts on it again.
    wait_for_focus(&app, "Alpha").await?;
    type_key(&app, '4').await?;
    app.expect_titles("Kill", &["Alpha"]).await?;
    wait_for_focus(&app, "Alpha").await?;

    // Delete on Bravo, which has a card after it: the focus goes to Charlie.
    let mut steps = 0;
    while app.focused_label().await? != "Bravo" {
        shift_tab(&app).await?;
        steps += 1;
        assert!(steps < 40, "Shift+Tab never reached Bravo");
    }
    app.press(&[Key::Delete]).await?;
    app.expect_titles("Unsorted", &["Charlie", "Delta"]).await?;
    wait_for_focus(&app, "Charlie").await?;
    // Ctrl+Z brings Bravo back, and the focus with it; Delete again, as before.
    app.press_ctrl('z').await?;
    app.expect_titles("Unsorted", &["Bravo", "Charlie", "Delta"])
        .await?;
    wait_for_focus(&app, "Bravo").await?;
    app.press(&[Key::Delete]).await?;
    app.expect_titles("Unsorted", &["Charlie", "Delta"]).await?;
    wait_for_focus(&app, "Charlie").await?;

    // Delete on Delta, the last card of its zone (Down from Charlie: Tab goes on to the next zone): the focus goes to
    // the card before it.
    app.press(&[Key::Down]).await?;
    wait_for_focus(&app, "Delta").await?;
    app.press(&[Key::Delete]).await?;
    app.expect_titles("Unsorted", &["Charlie"]).await?;
    wait_for_focus(&app, "Charlie").await?;

    // And on the zone's only card, the zone itself.
    app.press(&[Key::Delete]).await?;
    app.expect_titles("Unsorted", &[]).await?;
    wait_for_focus(&app, "Unsorted").await?;

    // The sheet lists every key.
    type_key(&app, '?').await?;
    app.wait_for_css("[role=dialog] .shortcuts").await?;
    let keys = app
        .client
        .execute(
            "return [...document.querySelectorAll('[role=dialog] .shortcuts dt')].map(d => d.textContent).join(' | ');",
            vec![],
        )
        .await?;
    let keys = keys.as_str().unwrap_or_default().to_owned();
    for key in [
        "1 – 4",
        "Delete",
        "E or F2",
        "Space or Enter",
        "Tab",
        "Escape",
        "Ctrl+Z",
        "Ctrl+F",
        "?",
    ] {
        assert!(keys.contains(key), "the sheet lists {key:?}: {keys}");
    }
    let shot = app.screenshot("shortcuts-every-key.png").await?;
    println!("screenshot: {}", shot.display());
    app.quit().await?;
    Ok(())
}

async fn shift_tab(app: &App) -> TestResult {
    app.press_holding(Key::Shift, Key::Tab.into()).await
}

/// Item 5: with three tags, the owner badge stretched into a pill, "P 3.4 · C 3.5" wrapped and tags shrank to "#ta…".
#[tokio::test]
async fn a_card_keeps_each_piece_of_its_meta_line_whole_in_a_narrow_quadrant() -> TestResult {
    let data = tempfile::tempdir()?;
    let title = "Move the CI runners to arm64 machines";
    board_with(data.path(), "Narrow", |tx, board| {
        let idea = ideas::add(tx, board, title, Zone::Unsorted)?;
        ideas::update(
            tx,
            idea.id,
            &IdeaEdit {
                title: title.into(),
                notes: "Cheaper by a third.".into(),
                owner: "Ana Ruiz".into(),
                link: "https://jira.example.com/browse/OPS-1".into(),
                tags: vec![
                    "security".into(),
                    "platform-team".into(),
                    "quarterly-review".into(),
                ],
            },
        )?;
        ideas::set_position(tx, idea.id, Score::from_tenths(34)?, Score::from_tenths(35)?)?;
        ideas::add(tx, board, "A second idea, without details", Zone::Possible)?;
        Ok(())
    })?;
    let app = App::launch(data.path()).await?;
    app.resize(1024, 720).await?;
    app.wait_for_card_in("Possible", title).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;

    let measure = r#"
        const card = [...document.querySelectorAll('.card')].find(c => c.querySelector('.card-title')?.textContent === arguments[0]);
        const box = e => e.getBoundingClientRect();
        const owner = box(card.querySelector('.card-owner'));
        const scores = card.querySelector('.card-scores');
        const meta = card.querySelector('.card-meta');
        const inner = box(card).right - parseFloat(getComputedStyle(card).paddingRight) - parseFloat(getComputedStyle(card).borderRightWidth);
        return {
            window: window.innerWidth,
            card: box(card).width,
            owner: [owner.width, owner.height],
            scores: [box(scores).height, parseFloat(getComputedStyle(scores).lineHeight), scores.textContent],
            tags: [...card.querySelectorAll('.card-tag')].map(t => [t.textContent, t.scrollWidth, t.clientWidth]),
            rows: new Set([...meta.children].map(p => Math.round(box(p).top))).size,
            outside: [...meta.children].filter(p => box(p).right > inner + 0.5).map(p => p.textContent),
        };
    "#;
    let m = app.client.execute(measure, vec![json!(title)]).await?;
    println!("measured: {m}");
    assert!(
        m["window"].as_f64().unwrap_or(0.0) <= 1024.0,
        "the window is 1024 px wide at most: {m}"
    );
    let (ow, oh) = (
        m["owner"][0].as_f64().unwrap_or(0.0),
        m["owner"][1].as_f64().unwrap_or(0.0),
    );
    assert!(
        ow > 0.0 && (ow - oh).abs() <= 1.0,
        "the owner badge is a circle: {ow} × {oh}"
    );
    let (sh, lh) = (
        m["scores"][0].as_f64().unwrap_or(0.0),
        m["scores"][1].as_f64().unwrap_or(0.0),
    );
    assert!(
        sh > 0.0 && sh < lh * 1.5,
        "the scores are one line: {sh} px high, lines of {lh} px"
    );
    let tags = m["tags"].as_array().cloned().unwrap_or_default();
    assert_eq!(tags.len(), 3, "three tags show: {m}");
    for tag in &tags {
        let text = tag[0].as_str().unwrap_or_default();
        let (scroll, client) = (tag[1].as_f64().unwrap_or(0.0), tag[2].as_f64().unwrap_or(0.0));
        if text.chars().count() < 20 {
            assert!(
                scroll <= client,
                "the tag {text:?} shows whole: {scroll} > {client}"
            );
        }
    }
    assert_eq!(m["outside"], json!([]), "every piece stays inside the card: {m}");
    assert!(
        m["rows"].as_u64().unwrap_or(0) >= 2,
        "the line wraps between pieces in a quadrant this narrow: {m}"
    );
    let shot = app.screenshot("card-meta-narrow-light.png").await?;
    println!("screenshot: {}", shot.display());
    // The theme switch may be out of reach in a window this small: choose it as a click would.
    app.client
        .execute(
            "document.querySelector('input[name=theme][value=dark]').click();",
            vec![],
        )
        .await?;
    app.wait_until(
        "the dark theme is on",
        "return document.documentElement.dataset.theme === 'dark';",
    )
    .await?;
    let shot = app.screenshot("card-meta-narrow-dark.png").await?;
    println!("screenshot: {}", shot.display());
    app.quit().await?;
    Ok(())
}

/// Item 6: clearing the payoff box showed "0" at once, and typing "-2" showed "02".
#[tokio::test]
async fn a_score_box_shows_what_was_typed_marks_what_is_not_a_score_and_saves_only_a_score() -> TestResult {
    let data = tempfile::tempdir()?;
    let title = "Rotate the TLS certificates";
    let mut id = 0;
    board_with(data.path(), "Scores", |tx, board| {
        id = ideas::add(tx, board, title, Zone::Unsorted)?.id;
        ideas::set_position(tx, id, Score::from_tenths(70)?, Score::from_tenths(20)?)?;
        Ok(())
    })?;
    let app = App::launch(data.path()).await?;
    app.card(title).await?.click().await?;
    app.wait_for_css("aside[aria-label='Idea details']").await?;
    let payoff = app
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath(
            "//aside[@aria-label='Idea details']//input[@id=//aside[@aria-label='Idea details']//label[starts-with(normalize-space(), 'Payoff')]/@for]",
        ))
        .await?;
    assert_eq!(payoff.prop("value").await?.as_deref(), Some("7"));
    let state = r#"
        const box = document.getElementById(arguments[0]);
        const hint = (box.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
            .map(id => document.getElementById(id)?.textContent ?? '').join(' ');
        return {
            value: box.value,
            invalid: box.getAttribute('aria-invalid'),
            hint,
            saveState: document.querySelector('.save-state')?.textContent ?? '',
        };
    "#;
    let box_id = payoff.attr("id").await?.ok_or("the payoff box has no id")?;
    let read = || async {
        let v: Value = app.client.execute(state, vec![json!(box_id)]).await?;
        TestResult::<Value>::Ok(v)
    };
    let hint = "Payoff is a number from 0 to 10, e.g. 6.5";
    // Where the cost/risk box is: the payoff's message, shown as the box is left, pushed it down under a click
    // aimed at it.
    let cost_top = "const label = [...document.querySelectorAll(\"aside[aria-label='Idea details'] label\")]
                        .find(l => l.textContent.trim().startsWith('Cost / risk'));
                    return document.getElementById(label.htmlFor).getBoundingClientRect().top;";
    let cost_at = app.client.execute(cost_top, vec![]).await?;

    // Cleared (select all, Backspace, and on to the next field): it stays empty, marked, and the file keeps 7.
    payoff.click().await?;
    app.press_ctrl('a').await?;
    app.press(&[Key::Backspace]).await?;
    let s = read().await?;
    assert_eq!(s["value"], json!(""), "the box is empty while typing: {s}");
    app.press(&[Key::Tab]).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let s = read().await?;
    assert_eq!(s["value"], json!(""), "the cleared box stays empty: {s}");
    assert_eq!(s["invalid"], json!("true"), "{s}");
    assert_eq!(s["hint"], json!(hint), "{s}");
    assert_eq!(
        app.client.execute(cost_top, vec![]).await?,
        cost_at,
        "the message moved the next box"
    );
    assert!(
        s["saveState"]
            .as_str()
            .unwrap_or_default()
            .contains("fix the payoff"),
        "the header says what is not saved: {s}"
    );
    assert_eq!(stored_scores(data.path(), id)?, Some((70, 20)));

    // "-2": shown as typed, marked, not saved.
    payoff.click().await?;
    payoff.send_keys("-2").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let s = read().await?;
    assert_eq!(s["value"], json!("-2"), "{s}");
    assert_eq!(s["invalid"], json!("true"), "{s}");
    assert_eq!(s["hint"], json!(hint), "{s}");
    let shot = app.screenshot("details-invalid-score-light.png").await?;
    println!("screenshot: {}", shot.display());
    app.press(&[Key::Tab]).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(read().await?["value"], json!("-2"));
    assert_eq!(stored_scores(data.path(), id)?, Some((70, 20)));

    // "7.5": saved, and unmarked.
    payoff.click().await?;
    app.press_ctrl('a').await?;
    payoff.send_keys("7.5").await?;
    app.press(&[Key::Tab]).await?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while stored_scores(data.path(), id)? != Some((75, 20)) {
        assert!(
            Instant::now() < deadline,
            "the file never had 7.5: {:?}",
            stored_scores(data.path(), id)?
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let s = read().await?;
    assert_eq!(s["value"], json!("7.5"), "{s}");
    assert_eq!(s["invalid"], json!("false"), "{s}");
    assert_eq!(s["hint"], json!(""), "{s}");
    app.wait_until(
        "the header says all is saved",
        "return document.querySelector('.save-state')?.textContent === 'All changes saved';",
    )
    .await?;
    app.quit().await?;
    Ok(())
}
