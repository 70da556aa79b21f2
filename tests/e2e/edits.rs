//! Edits land where the person can see them: each field of the details saves on its own, an invalid one is marked at
//! the field and holds back nothing else; a new idea on a long board comes into view instead of behind "Show more".

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use pickboard_e2e::{App, TestResult};
use pickboard_lib::domain::Zone;
use pickboard_lib::storage::{boards, ideas, Db, DB_FILE_NAME};
use rusqlite::Connection;
use serde_json::{json, Value};

/// The input of the details panel labelled `label`.
async fn details_field(app: &App, label: &str) -> TestResult<Element> {
    let xpath = format!(
        "//aside[@aria-label='Idea details']//*[@id=//aside[@aria-label='Idea details']//label[normalize-space()='{label}']/@for]"
    );
    app.wait_for_xpath(&xpath).await
}

/// The id of the idea a card shows.
async fn idea_id(card: &Element) -> TestResult<i64> {
    Ok(card
        .attr("data-idea-id")
        .await?
        .ok_or("the card has no data-idea-id")?
        .parse()?)
}

/// A script's helper: `field(label)`, the details panel's field labelled `label`.
const FIELD: &str = "const field = label => {
    const found = [...document.querySelectorAll('aside[aria-label=\"Idea details\"] label')]
        .find(l => l.textContent.trim() === label);
    return found && document.getElementById(found.htmlFor);
};";

/// Title, owner and link of idea `id`, read straight from the database file.
fn stored(data: &Path, id: i64) -> TestResult<(String, String, String)> {
    let db = Connection::open(data.join(DB_FILE_NAME))?;
    Ok(
        db.query_row("SELECT title, owner, link FROM ideas WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?,
    )
}

async fn wait_for_stored(
    data: &Path,
    id: i64,
    what: &str,
    check: impl Fn(&(String, String, String)) -> bool,
) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let row = stored(data, id)?;
        if check(&row) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("the database never had {what}: it holds {row:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn save_state(app: &App) -> TestResult<String> {
    let text = app
        .client
        .execute(
            "return document.querySelector('.save-state')?.textContent ?? '';",
            vec![],
        )
        .await?;
    Ok(text.as_str().unwrap_or_default().to_owned())
}

/// Issue 11, item 2: `www.example.com` typed as the link used to hold back every later edit of the idea (the panel
/// showed them, the card and the file did not), pile up identical toasts, and the header said all was saved.
#[tokio::test]
async fn an_invalid_link_is_marked_at_its_field_and_every_other_field_still_saves() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start empty").await?;
    app.region("Implement").await?;
    app.set_theme("light").await?;
    let old_title = "Rotate certs";
    app.add_idea(old_title).await?;
    let card = app.card(old_title).await?;
    let id = idea_id(&card).await?;
    let old_link = stored(data.path(), id)?.2;
    card.click().await?;
    app.wait_for_css("aside[aria-label='Idea details']").await?;

    let new_title = "Rotate the TLS certificates before they expire";
    details_field(&app, "Link")
        .await?
        .send_keys("www.example.com")
        .await?;
    let owner = details_field(&app, "Owner").await?;
    owner.click().await?;
    owner.send_keys("ana.ruiz").await?;
    let title = details_field(&app, "Title").await?;
    title.click().await?;
    // Select what is there and type over it, as a person does (WebDriver's clear() is not always seen by React).
    app.press_ctrl('a').await?;
    title.send_keys(new_title).await?;
    app.press(&[Key::Tab]).await?;

    // The card and the file have the new title and owner, and the link that was saved before.
    app.card(new_title).await?;
    wait_for_stored(data.path(), id, "the new title and owner", |(t, o, _)| {
        t == new_title && o == "ana.ruiz"
    })
    .await?;
    assert_eq!(
        stored(data.path(), id)?.2,
        old_link,
        "an invalid link is never saved"
    );

    // The link is marked at its field, with what to type instead; at most one error anywhere; the header is honest.
    let link = details_field(&app, "Link").await?;
    assert_eq!(link.attr("aria-invalid").await?.as_deref(), Some("true"));
    assert_eq!(link.prop("value").await?.as_deref(), Some("www.example.com"));
    let hint: Value = app
        .client
        .execute(
            &format!(
                "{FIELD} const ids = (field('Link').getAttribute('aria-describedby') || '').split(' ');
                 return ids.filter(Boolean).map(id => document.getElementById(id)?.textContent ?? '').join(' ');"
            ),
            vec![],
        )
        .await?;
    let hint = hint.as_str().unwrap_or_default().to_owned();
    assert!(
        hint.contains("Start the link with https://") && hint.contains("https://www.example.com"),
        "the hint under the link says what to type instead: {hint:?}"
    );
    let errors = app
        .client
        .execute("return document.querySelectorAll('.toast-error').length;", vec![])
        .await?;
    assert!(
        errors.as_u64().unwrap_or(99) <= 1,
        "at most one error is shown, not {errors}"
    );
    let state = save_state(&app).await?;
    assert_ne!(state, "All changes saved");
    assert!(
        state.contains("fix the link"),
        "the header says what is not saved: {state:?}"
    );
    let shot = app.screenshot("details-invalid-link-light.png").await?;
    println!("screenshot: {}", shot.display());
    app.set_theme("dark").await?;
    let shot = app.screenshot("details-invalid-link-dark.png").await?;
    println!("screenshot: {}", shot.display());

    // Fixed, the link saves on its own and the header says all is saved.
    let link = details_field(&app, "Link").await?;
    link.click().await?;
    link.clear().await?;
    link.send_keys("https://www.example.com").await?;
    app.press(&[Key::Tab]).await?;
    wait_for_stored(data.path(), id, "the fixed link", |(t, o, l)| {
        t == new_title && o == "ana.ruiz" && l == "https://www.example.com"
    })
    .await?;
    app.wait_until(
        "the header says all is saved",
        "return document.querySelector('.save-state')?.textContent === 'All changes saved';",
    )
    .await?;
    assert_eq!(
        details_field(&app, "Link")
            .await?
            .attr("aria-invalid")
            .await?
            .as_deref(),
        Some("false")
    );

    // One field, one edit: undo takes back the link alone, in the file and in the panel.
    app.client
        .execute("document.activeElement?.blur();", vec![])
        .await?;
    app.press_ctrl('z').await?;
    wait_for_stored(data.path(), id, "the link undone", |(t, o, l)| {
        t == new_title && o == "ana.ruiz" && *l == old_link
    })
    .await?;
    app.wait_until(
        "the panel shows the link undone",
        &format!(
            "{FIELD} return field('Link').value === {};",
            serde_json::to_string(&old_link)?
        ),
    )
    .await?;
    app.quit().await?;
    Ok(())
}

/// Where the card titled `title` is: in the page, inside its zone's scrolling list and the window, and highlighted.
const CARD_PLACE: &str = r#"
    const [zone, title] = arguments;
    const region = document.querySelector(`section[aria-label="${zone}"]`);
    const card = region && [...region.querySelectorAll('[aria-roledescription="idea"]')]
        .find(c => c.querySelector('.card-title').textContent === title);
    if (!card) return { present: false, visible: false, highlighted: false };
    const list = card.closest('.zone-list');
    const r = card.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    const visible = r.height > 0 && r.top >= l.top - 1 && r.bottom <= l.bottom + 1
        && r.top >= 0 && r.bottom <= window.innerHeight;
    const style = getComputedStyle(card);
    const lit = style.outlineStyle !== 'none' && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    return { present: true, visible, highlighted: card.classList.contains('card-arrived') && lit };
"#;

/// Waits until the card titled `title` in `zone` is in the page, in view and highlighted, all at once.
/// Runs `script`, trying again for a few seconds when WebKitWebDriver answers "Could not parse script result": it
/// does so now and then while the page is busy drawing thousands of cards.
async fn execute_patiently(
    app: &App,
    script: &str,
    args: Vec<serde_json::Value>,
) -> TestResult<serde_json::Value> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        match app.client.execute(script, args.clone()).await {
            Err(e)
                if Instant::now() < deadline && e.to_string().contains("Could not parse script result") =>
            {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            result => return Ok(result?),
        }
    }
}

async fn wait_until_arrived(app: &App, zone: &str, title: &str) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let place = execute_patiently(app, CARD_PLACE, vec![json!(zone), json!(title)]).await?;
        if place == json!({ "present": true, "visible": true, "highlighted": true }) {
            return Ok(());
        }
        if Instant::now() > deadline {
            app.screenshot("timed-out-new-idea-in-view.png").await?;
            return Err(format!("{title:?} in {zone}: {place}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Issue 11, item 8: on a board of 2,000 ideas, a new idea landed behind "Show 60 more…": the tray's count went up
/// and the idea was nowhere to be seen. It is brought into view and highlighted, as is an idea moved from its details.
/// The long list itself renders a screenful, and more as it scrolls.
#[tokio::test]
async fn a_new_idea_on_a_long_board_comes_into_view_highlighted() -> TestResult {
    let data = tempfile::tempdir()?;
    let board = {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Long board")?.id;
            for n in 0..2_000 {
                ideas::add(tx, board, &format!("Backlog item {n}"), Zone::Unsorted)?;
            }
            for n in 0..500 {
                ideas::add(tx, board, &format!("Maybe later {n}"), Zone::Possible)?;
            }
            Ok(board)
        })?
    };
    std::fs::write(
        data.path().join("settings.json"),
        json!({ "theme": "light", "lastBoardId": board }).to_string(),
    )?;

    let app = App::launch(data.path()).await?;
    app.region("Unsorted").await?;
    app.wait_for_css(".tray .zone-more").await?;
    // A long list has a still scrollbar of our own, beside the cards: WebKitGTK's overlay scrollbars fade, and each
    // step of the fade painted the long lists again, stalling the page for seconds after a board opened.
    let gutter = app
        .client
        .execute(
            "const list = document.querySelector('.tray .zone-list');
             const style = getComputedStyle(list);
             return list.offsetWidth - list.clientWidth
               - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);",
            vec![],
        )
        .await?;
    assert_eq!(gutter, json!(10), "the long list's scrollbar takes its own room");
    // The list renders a screenful, and more as it is scrolled towards its end.
    let cards = "return document.querySelectorAll('.tray .zone-list .card').length;";
    let first = app.client.execute(cards, vec![]).await?;
    let first = first.as_u64().ok_or("no card count")?;
    assert!(
        first < 100,
        "the long list renders a screenful at first, not {first} cards"
    );
    app.client
        .execute(
            "const list = document.querySelector('.tray .zone-list'); list.scrollTop = list.scrollHeight;",
            vec![],
        )
        .await?;
    app.wait_until(
        "scrolling the long list renders more of it",
        &format!("return document.querySelectorAll('.tray .zone-list .card').length > {first};"),
    )
    .await?;

    let title = "Rotate the TLS certificates";
    app.add_idea(title).await?;
    wait_until_arrived(&app, "Unsorted", title).await?;
    let shot = app.screenshot("new-idea-on-a-long-board.png").await?;
    println!("screenshot: {}", shot.display());
    let count = execute_patiently(
        &app,
        "return document.querySelector('section[aria-label=\"Unsorted\"] .zone-count')?.textContent;",
        vec![],
    )
    .await?;
    assert_eq!(count, json!("2,001"), "counts are grouped, as everywhere");

    // Moved from its details to the end of Possible (500 ideas), it comes into view there too.
    app.card(title).await?.click().await?;
    app.wait_for_css("aside[aria-label='Idea details']").await?;
    details_field(&app, "Place").await?;
    let moved = execute_patiently(
        &app,
        &format!(
            "{FIELD} const select = field('Place');
                 select.value = 'possible';
                 select.dispatchEvent(new Event('change', {{ bubbles: true }}));
                 return true;"
        ),
        vec![],
    )
    .await?;
    assert_eq!(moved, json!(true));
    wait_until_arrived(&app, "Possible", title).await?;
    app.quit().await?;
    Ok(())
}

/// Notes of 20,000 characters, shown as Markdown in the details, were drawn up over the Title field when the panel
/// went from one such idea to another (a hurried-user pass): the preview now lies below its label, in a box of its
/// own that scrolls, with the scores in sight below it.
#[tokio::test]
async fn long_notes_stay_below_the_title_in_a_box_that_scrolls() -> TestResult {
    let data = tempfile::tempdir()?;
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Write-ups")?.id;
            for (title, lines) in [("First write-up", 400), ("Second write-up", 450)] {
                let idea = pickboard_lib::edits::add_idea(tx, board, title, Zone::Implement)?;
                let edit = ideas::IdeaEdit {
                    title: title.into(),
                    notes: format!("A line of the {title}, as long as most are.\n").repeat(lines),
                    owner: String::new(),
                    link: String::new(),
                    tags: vec![],
                };
                pickboard_lib::edits::update_idea(tx, idea.id, &edit)?;
            }
            Ok(())
        })?;
    }
    let app = App::launch(data.path()).await?;
    app.resize(1024, 768).await?;
    app.card("First write-up").await?.click().await?;
    details_field(&app, "Notes").await?;
    app.card("Second write-up").await?.click().await?;
    app.wait_until(
        "the details show the second idea",
        "return document.querySelector('aside[aria-label=\"Idea details\"] .markdown')?.textContent.includes('Second');",
    )
    .await?;
    let title = details_field(&app, "Title").await?;
    let notes = details_field(&app, "Notes").await?;
    let shape: Value = app
        .client
        .execute(
            "const [t, n] = arguments; const a = t.getBoundingClientRect(), b = n.getBoundingClientRect(); \
             const payoff = [...document.querySelectorAll('aside[aria-label=\"Idea details\"] label')] \
                 .find((l) => l.textContent.startsWith('Payoff')).getBoundingClientRect(); \
             return { titleBottom: a.bottom, notesTop: b.top, notesBottom: b.bottom, payoffTop: payoff.top, \
                 scrolls: n.scrollHeight > n.clientHeight + 100, viewport: innerHeight, \
                 markdown: !!n.querySelector('.markdown') };",
            vec![serde_json::to_value(&title)?, serde_json::to_value(&notes)?],
        )
        .await?;
    let at = |key: &str| shape[key].as_f64().unwrap_or(f64::NAN);
    assert_eq!(
        shape["markdown"], true,
        "the notes are shown as Markdown: {shape}"
    );
    assert!(
        at("notesTop") >= at("titleBottom"),
        "the notes begin below the title: {shape}"
    );
    assert!(
        at("payoffTop") >= at("notesBottom"),
        "the scores come after the notes: {shape}"
    );
    assert!(
        at("notesBottom") - at("notesTop") <= at("viewport") * 0.6 + 1.0 && shape["scrolls"] == true,
        "the notes scroll in a box of their own: {shape}"
    );
    app.screenshot("details-long-notes-1024.png").await?;
    app.stop().await
}

/// Issue 13, item 8: a 500-character title showed only its end in a one-line field; it wraps and the field grows to
/// show it. Opening the link where no browser is set up (this test machine has none: `gio open` fails) offers to copy
/// the link right there.
#[tokio::test]
async fn a_long_title_shows_whole_and_a_link_no_browser_opens_can_be_copied() -> TestResult {
    let data = tempfile::tempdir()?;
    let title: String = "Rotate the TLS certificates of every internal service before they expire, "
        .repeat(7)
        .chars()
        .take(500)
        .collect::<String>()
        .trim_end()
        .to_owned();
    let link = "https://jira.example.com/browse/OPS-1234";
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Long titles")?.id;
            let idea = pickboard_lib::edits::add_idea(tx, board, "Short", Zone::Implement)?;
            let edit = ideas::IdeaEdit {
                title: title.clone(),
                notes: String::new(),
                owner: "ana".into(),
                link: link.into(),
                tags: vec![],
            };
            pickboard_lib::edits::update_idea(tx, idea.id, &edit)?;
            Ok(())
        })?;
    }
    let app = App::launch(data.path()).await?;
    app.resize(1024, 768).await?;
    app.card(&title).await?.click().await?;
    let field = details_field(&app, "Title").await?;
    let shape: Value = app
        .client
        .execute(
            "const f = arguments[0]; return { tag: f.tagName, value: f.value.length, height: f.clientHeight, \
             scroll: f.scrollHeight, lineHeight: parseFloat(getComputedStyle(f).lineHeight) };",
            vec![serde_json::to_value(&field)?],
        )
        .await?;
    assert_eq!(shape["tag"], "TEXTAREA", "{shape}");
    assert_eq!(shape["value"], title.chars().count(), "{shape}");
    let (height, line) = (
        shape["height"].as_f64().unwrap_or_default(),
        shape["lineHeight"].as_f64().unwrap_or(20.0),
    );
    assert!(height >= line * 5.5, "the field grew to several lines: {shape}");
    assert!(
        height <= line * 7.0 + 16.0,
        "and stops growing, then scrolls: {shape}"
    );
    app.screenshot("details-long-title-1024.png").await?;

    // Enter saves the title and adds no line break.
    field.click().await?;
    app.press_ctrl('a').await?;
    field.send_keys("Rotate certs").await?;
    app.press(&[Key::Enter]).await?;
    app.card("Rotate certs").await?;
    assert_eq!(field.prop("value").await?.as_deref(), Some("Rotate certs"));

    // Open: no browser here, so the panel says so and offers Copy link, which copies it.
    app.click_button("Open").await?;
    let alert = app
        .wait_for_css("aside[aria-label='Idea details'] .link-trouble")
        .await?;
    let said = alert.text().await?;
    assert!(said.contains("No web browser could be opened"), "{said}");
    app.screenshot("details-link-no-browser.png").await?;
    app.click_button("Copy link").await?;
    app.wait_until(
        "the link is copied",
        "return document.querySelector('.link-trouble')?.textContent.includes('The link is copied');",
    )
    .await?;
    app.quit().await
}

/// A double click on a card opens its details with the focus in the title field, wherever the card is (a click opens
/// them and leaves the focus on the card, for the board's keys). The panel opens over the right-hand quadrants, so
/// the second press of a double click on a card there landed in it: it opened the Place list, or selected a label's
/// text and left the focus nowhere (Escape then did nothing).
#[tokio::test]
async fn a_double_click_on_a_card_opens_its_details_with_the_focus_in_the_title() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Kill").await?;
    app.resize(1024, 768).await?;
    // The panel's code is loaded when it first opens: a double click as the first, the second press came before it.
    app.card("Alert on disk usage of the build runners")
        .await?
        .click()
        .await?;
    app.wait_for_css("aside.details").await?;
    // A click leaves the focus on the card, and Escape there closes the details.
    let focus_on_card = "return document.activeElement?.closest('.card') != null;";
    let closed = "return !document.querySelector('aside.details');";
    app.wait_until("the card keeps the focus", focus_on_card).await?;
    app.press(&[Key::Escape]).await?;
    app.wait_until("the details close", closed).await?;
    for (title, under_the_panel) in [
        ("Rewrite the deploy scripts in a new language", true),
        ("Dark mode for the internal status page", false),
    ] {
        let (x, y, w, h) = app.card(title).await?.rectangle().await?;
        let (x, y) = (x + w / 2.0, y + h / 2.0);
        let press = |actions: MouseActions| {
            actions
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                })
        };
        let moved = MouseActions::new("mouse".into()).then(PointerAction::MoveTo { duration: None, x, y });
        app.client
            .perform_actions(press(press(moved).pause(Duration::from_millis(120))))
            .await?;
        app.client.release_actions().await?;
        app.wait_for_css("aside.details").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        // The test is about the second press landing in the panel, for the card on the right.
        let in_panel = app
            .client
            .execute(
                "return !!document.elementFromPoint(arguments[0], arguments[1]).closest('aside.details');",
                vec![json!(x), json!(y)],
            )
            .await?;
        assert_eq!(
            in_panel,
            json!(under_the_panel),
            "“{title}” lies under the open panel"
        );
        let focus = app
            .client
            .execute(
                "const e = document.activeElement;
                 return [e?.id && document.querySelector(`label[for='${e.id}']`)?.textContent, String(getSelection())];",
                vec![],
            )
            .await?;
        assert_eq!(
            focus,
            json!(["Title", ""]),
            "after a double click on “{title}”: the focused field's label, and the selected text"
        );
        let field = details_field(&app, "Title").await?;
        assert_eq!(field.prop("value").await?.as_deref(), Some(title));
        app.press(&[Key::Escape]).await?;
        app.wait_until("the details close", closed).await?;
    }
    app.quit().await
}

/// Notes being typed when Pickboard is quit are saved first: the field saves when it is left, and quitting left none,
/// so the last words were gone at the next start. Quit by Ctrl+Q (as File › Quit), then ended by the system (SIGTERM,
/// as at logout).
#[tokio::test]
async fn notes_being_typed_are_saved_when_pickboard_is_quit() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start empty").await?;
    app.region("Implement").await?;
    let title = "Choose the backup vendor";
    app.add_idea(title).await?;
    let id = idea_id(&app.card(title).await?).await?;
    let typed = "Decided: keep vendor A until the contract ends";
    type_notes(&app, title, typed).await?;
    app.press_key_through_x("ctrl+q")?;
    wait_until_quit(data.path(), "Ctrl+Q").await?;
    assert_eq!(
        stored_notes(data.path(), id)?,
        typed,
        "the notes typed before Ctrl+Q were not saved"
    );
    app.stop().await?;

    // The title typed fast and Ctrl+Q at once: the last keys reach the page after the quit does.
    let app = App::launch(data.path()).await?;
    app.card(title).await?.click().await?;
    details_field(&app, "Title").await?.click().await?;
    app.press(&[Key::End]).await?;
    app.type_then_press_through_x(" now", "ctrl+q")?;
    wait_until_quit(data.path(), "Ctrl+Q").await?;
    let stored_title: String = Connection::open(data.path().join(DB_FILE_NAME))?.query_row(
        "SELECT title FROM ideas WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    assert_eq!(
        stored_title,
        format!("{title} now"),
        "the title typed before Ctrl+Q"
    );
    app.stop().await?;

    let app = App::launch(data.path()).await?;
    let more = " — and ask for a discount";
    type_notes(&app, &format!("{title} now"), more).await?;
    for pid in pickboard_e2e::app_processes(data.path()) {
        std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()?;
    }
    wait_until_quit(data.path(), "SIGTERM").await?;
    assert_eq!(
        stored_notes(data.path(), id)?,
        format!("{typed}{more}"),
        "the notes typed before SIGTERM were not saved"
    );
    app.stop().await
}

/// A new idea typed and not added when Pickboard is quit is added, as Enter would: it was kept only in the web view's
/// storage, which WebKit writes to disk a moment later, and a quit right after the typing lost it. The storage may
/// still hold the text at the next start: the field does not offer it again beside the idea.
#[tokio::test]
async fn a_new_idea_typed_and_not_added_is_added_when_pickboard_is_quit() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start empty").await?;
    app.region("Implement").await?;
    let field = app.wait_for_css(".tray .add-idea-input").await?;
    field.click().await?;
    // Long enough for the storage to be written, so that the next start finds it there.
    field.send_keys("Half typed idea").await?;
    tokio::time::sleep(Duration::from_secs(3)).await;
    app.press_key_through_x("ctrl+q")?;
    wait_until_quit(data.path(), "Ctrl+Q").await?;
    app.stop().await?;
    let db = Connection::open(data.path().join(DB_FILE_NAME))?;
    // Zone 0: Unsorted.
    let zone: i64 = db.query_row(
        "SELECT zone FROM ideas WHERE title = 'Half typed idea'",
        [],
        |r| r.get(0),
    )?;
    assert_eq!(zone, 0, "the idea is added to Unsorted");
    drop(db);

    let app = App::launch(data.path()).await?;
    app.expect_titles("Unsorted", &["Half typed idea"]).await?;
    // Past the moment the field brings back what the storage kept.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let value = app
        .client
        .execute(
            "return document.querySelector('.tray .add-idea-input').value;",
            vec![],
        )
        .await?;
    assert_eq!(
        value,
        json!(""),
        "the idea added at the quit is not offered again"
    );
    app.quit().await
}

/// Opens the details of the idea `title` and types `text` at the end of its notes, leaving the field unsaved.
async fn type_notes(app: &App, title: &str, text: &str) -> TestResult {
    app.card(title).await?.click().await?;
    app.wait_for_css("aside[aria-label='Idea details']").await?;
    // Notes already written show as Markdown, with Edit to type in them.
    let shown_as_markdown = app
        .client
        .execute(
            "return !!document.querySelector('aside[aria-label=\"Idea details\"] .markdown');",
            vec![],
        )
        .await?;
    if shown_as_markdown == json!(true) {
        app.click_button("Edit").await?;
    }
    let notes = details_field(app, "Notes").await?;
    let before: String = notes.prop("value").await?.unwrap_or_default();
    notes.click().await?;
    app.client
        .execute(
            "const n = document.activeElement; n.setSelectionRange(n.value.length, n.value.length);",
            vec![],
        )
        .await?;
    notes.send_keys(text).await?;
    app.wait_until(
        "the notes to be typed, not yet saved",
        &format!(
            "{FIELD} return field('Notes').value === {:?};",
            format!("{before}{text}")
        ),
    )
    .await
}

async fn wait_until_quit(data: &Path, how: &str) -> TestResult {
    pickboard_e2e::wait_until_gone(
        data,
        Duration::from_secs(10),
        &format!("Pickboard did not quit on {how}"),
    )
    .await
}

fn stored_notes(data: &Path, id: i64) -> TestResult<String> {
    let db = Connection::open(data.join(DB_FILE_NAME))?;
    Ok(db.query_row("SELECT notes FROM ideas WHERE id = ?1", [id], |r| r.get(0))?)
}

/// Ctrl+Z in a text field undoes what was typed there, and Ctrl+Y brings it back; the board's own undo is not asked
/// (the idea added before stays). WebKitGTK binds no key to a field's undo: Ctrl+Z did nothing in any field.
#[tokio::test]
async fn ctrl_z_in_a_text_field_undoes_the_typing_there_and_leaves_the_board_alone() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start empty").await?;
    app.region("Implement").await?;
    let canary = "Added before the typing";
    app.add_idea(canary).await?;

    let search = app.wait_for_css("input[aria-label='Search ideas']").await?;
    let search_holds = |text: &str| {
        format!("return document.querySelector('input[aria-label=\"Search ideas\"]').value === '{text}';")
    };
    search.click().await?;
    search.send_keys("rotate").await?;
    app.wait_until("the search holds the typing", &search_holds("rotate"))
        .await?;
    app.press_ctrl('z').await?;
    app.wait_until("Ctrl+Z takes the typing back", &search_holds(""))
        .await?;
    app.press_ctrl('y').await?;
    app.wait_until("Ctrl+Y brings it back", &search_holds("rotate"))
        .await?;

    // The notes of the idea's details: the same, and the idea stays.
    app.press(&[Key::Escape]).await?;
    app.card(canary).await?.click().await?;
    let notes = details_field(&app, "Notes").await?;
    notes.click().await?;
    notes.send_keys("Half a thought").await?;
    app.press_ctrl('z').await?;
    app.wait_until(
        "Ctrl+Z takes the notes' typing back",
        &format!("{FIELD} return field('Notes').value === '';"),
    )
    .await?;

    app.press_ctrl('y').await?;
    app.wait_until(
        "Ctrl+Y brings the notes back",
        &format!("{FIELD} return field('Notes').value === 'Half a thought';"),
    )
    .await?;

    // Ctrl+Z in a field with nothing of its own to undo leaves the notes typed before as they are, and the focus in
    // the field (WebKit's one history for the page stepped back into them, and their emptying was saved).
    let new_idea = app
        .wait_for_xpath("//input[@id=//label[normalize-space()='New idea']/@for]")
        .await?;
    new_idea.click().await?;
    app.press_ctrl('z').await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (notes_value, focus_kept) = (
        app.client
            .execute(&format!("{FIELD} return field('Notes').value;"), vec![])
            .await?,
        app.client
            .execute(
                "return document.activeElement?.classList.contains('add-idea-input') ?? false;",
                vec![],
            )
            .await?,
    );
    assert_eq!(notes_value, "Half a thought", "another field was not undone");
    assert_eq!(focus_kept, true, "the focus stays in New idea");

    let titles: i64 = Connection::open(data.path().join(DB_FILE_NAME))?.query_row(
        "SELECT count(*) FROM ideas WHERE title = ?1",
        [canary],
        |r| r.get(0),
    )?;
    assert_eq!(titles, 1, "the board's undo was not asked: the idea stays");
    app.card(canary).await?;
    app.quit().await
}

#[tokio::test]
async fn a_drag_beside_the_cards_selects_no_text_and_the_new_idea_field_still_does() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    let zone = app.region("Challenge").await?;
    let meaning = zone.find(fantoccini::Locator::Css(".zone-meaning")).await?;
    let (x, y, w, h) = meaning.rectangle().await?;
    // From the left of the quadrant's meaning, across it and down into the next quadrant, as a missed card's drag.
    let mut drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: x + 2.0,
            y: y + h / 2.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for i in 1..=10 {
        let t = f64::from(i) / 10.0;
        drag = drag.then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(16)),
            x: x + 2.0 + (w - 4.0) * t,
            y: y + h / 2.0 + 200.0 * t,
        });
    }
    drag = drag.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    app.client.perform_actions(drag).await?;
    app.client.release_actions().await?;
    let selected = app
        .client
        .execute("return window.getSelection().toString();", vec![])
        .await?;
    assert_eq!(selected, json!(""), "a drag beside the cards selected text");

    // The tray's New idea field keeps its text selectable: typed, then selected whole and replaced.
    let field = app
        .wait_for_css("input[placeholder='Type an idea, press Enter']")
        .await?;
    field.send_keys("Rotate certs").await?;
    let chosen = app
        .client
        .execute(
            "const f = document.activeElement; f.select(); return f.value.substring(f.selectionStart, f.selectionEnd);",
            vec![],
        )
        .await?;
    assert_eq!(chosen, json!("Rotate certs"));
    app.quit().await
}
