//! Dropping an idea from the Unsorted tray onto the chart: it lands under the pointer, wherever the card was grabbed,
//! and a ghost marker shows the spot and its scores while dragging.

use std::time::Duration;

use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use pickboard_e2e::{App, TestResult};

use super::wait_for_scores;

#[tokio::test]
async fn an_idea_dropped_on_the_chart_lands_under_the_pointer_and_shows_where_while_dragging() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    let title = "Self-service preview environments for every pull request";
    app.click_button("Chart").await?;
    let plane = app.wait_for_css(".plane").await?;
    let card = app.card(title).await?;

    // Grab the card in its middle, move to payoff 7, cost/risk 2 on the plane, and hold it there.
    let (cx, cy, cw, ch) = card.rectangle().await?;
    let (px, py, pw, ph) = plane.rectangle().await?;
    let (start, target) = ((cx + cw / 2.0, cy + ch / 2.0), (px + pw * 0.2, py + ph * 0.3));
    press_and_move(&app, start, target, 20).await?;
    app.wait_until(
        "the ghost shows the spot's scores",
        "return document.querySelector('.marker-ghost')?.innerText.includes('Payoff 7 · Cost/risk 2');",
    )
    .await?;
    app.screenshot("chart-drop-ghost.png").await?;
    let release = MouseActions::new("mouse".into())
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(16)),
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client.perform_actions(release).await?;
    app.client.release_actions().await?;

    let (payoff, cost) = wait_for_scores(data.path(), title, |_, _| true).await?;
    assert!(
        (67..=73).contains(&payoff) && (17..=23).contains(&cost),
        "dropped under the pointer at payoff 7, cost/risk 2; saved at payoff {payoff}, cost {cost} (tenths)"
    );
    assert!(
        app.client
            .find_all(fantoccini::Locator::Css(".marker-ghost"))
            .await?
            .is_empty(),
        "the ghost goes with the drop"
    );
    app.quit().await
}

/// A card dragged out of a scrolled quadrant, with the view switched to the chart on the way (V), lands under the
/// pointer: it landed a list's scroll above it (in Challenge, from Kill), where its ghost showed it too.
#[tokio::test]
async fn a_card_from_a_scrolled_list_dropped_on_the_chart_after_v_lands_under_the_pointer() -> TestResult {
    use fantoccini::actions::{KeyAction, KeyActions};
    use pickboard_lib::domain::Zone;
    use pickboard_lib::edits;
    use pickboard_lib::storage::{boards, Db, DB_FILE_NAME};

    let data = tempfile::tempdir()?;
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Long Kill")?.id;
            for k in 0..60 {
                edits::add_idea(tx, board, &format!("Kill idea {k:02}"), Zone::Kill)?;
            }
            Ok(())
        })?;
    }
    let app = App::launch(data.path()).await?;
    app.region("Kill").await?;
    // Scroll the Kill list down, and take the card in its middle.
    let title = app
        .client
        .execute(
            "const zone = document.querySelector('section.zone-kill');
             const list = [...zone.querySelectorAll('*')].find((e) => e.scrollHeight > e.clientHeight + 100
                 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY));
             list.scrollTop = 600;
             const r = list.getBoundingClientRect();
             return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
                 ?.closest('.card')?.querySelector('.card-title')?.textContent ?? null;",
            vec![],
        )
        .await?;
    let title = title
        .as_str()
        .ok_or("no card in the middle of the scrolled list")?
        .to_owned();
    let before = wait_for_scores(data.path(), &title, |_, _| true).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (cx, cy, cw, ch) = app.card(&title).await?.rectangle().await?;
    let start = (cx + cw / 2.0, cy + ch / 2.0);
    press_and_move(&app, start, (start.0 - 40.0, start.1), 5).await?;
    let v = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: 'v' })
        .then(KeyAction::Up { value: 'v' });
    app.client.perform_actions(v).await?;
    let plane = app.wait_for_css(".plane").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Payoff 2, cost/risk 8: in Kill, where the card came from.
    let (px, py, pw, ph) = plane.rectangle().await?;
    let target = (px + pw * 0.8, py + ph * 0.8);
    let from = (start.0 - 40.0, start.1);
    let mut carry = MouseActions::new("mouse".into());
    for i in 1..=20 {
        let t = f64::from(i) / 20.0;
        carry = carry.then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(16)),
            x: from.0 + (target.0 - from.0) * t,
            y: from.1 + (target.1 - from.1) * t,
        });
    }
    app.client.perform_actions(carry).await?;
    app.wait_until(
        "the ghost shows the spot under the pointer",
        "return document.querySelector('.marker-ghost')?.innerText.includes('Payoff 2 · Cost/risk 8');",
    )
    .await?;
    let release = MouseActions::new("mouse".into()).then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    app.client.perform_actions(release).await?;
    app.client.release_actions().await?;
    let (payoff, cost) = wait_for_scores(data.path(), &title, |p, c| (p, c) != before).await?;
    assert!(
        (17..=23).contains(&payoff) && (77..=83).contains(&cost),
        "dropped under the pointer at payoff 2, cost/risk 8; saved at payoff {payoff}, cost {cost} (tenths)"
    );
    app.quit().await
}

/// Presses the mouse at `start` and moves it to `to` in `steps` moves a frame apart, the button held.
async fn press_and_move(app: &App, start: (f64, f64), to: (f64, f64), steps: u32) -> TestResult {
    let mut press = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: start.0,
            y: start.1,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for i in 1..=steps {
        let t = f64::from(i) / f64::from(steps);
        press = press.then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(16)),
            x: start.0 + (to.0 - start.0) * t,
            y: start.1 + (to.1 - start.1) * t,
        });
    }
    app.client.perform_actions(press).await?;
    Ok(())
}

/// What is wrong with the chart's layout as drawn: a title that leaves the plane or covers a dot, another title or a
/// cell's count; a quadrant name under more than one title; a marker that cannot be grabbed at its dot. With the number of markers, of titles
/// shown, of cells and of the ideas they count.
const LAYOUT_PROBLEMS: &str = r#"
    const plane = document.querySelector('.plane').getBoundingClientRect();
    const rect = (e) => e.getBoundingClientRect();
    const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const inside = (r) => r.right > plane.left && r.left < plane.right && r.bottom > plane.top && r.top < plane.bottom;
    const labels = [...document.querySelectorAll('.plane .marker-label')]
      .filter((l) => getComputedStyle(l).display !== 'none').map(rect);
    const dots = [...document.querySelectorAll('.plane .marker-dot')].map(rect).filter(inside);
    const names = [...document.querySelectorAll('.plane-quadrant-name')].map(rect);
    const cells = [...document.querySelectorAll('.plane .plane-cell')];
    const counted = cells.reduce((n, c) => n + Number(c.getAttribute('aria-label').split(' ')[0]), 0);
    const problems = [];
    labels.forEach((l, i) => {
      if (l.left < plane.left - 0.5 || l.top < plane.top - 0.5 || l.right > plane.right + 0.5 || l.bottom > plane.bottom + 0.5)
        problems.push(`title ${i} leaves the plane: ${JSON.stringify(l)} ${JSON.stringify(plane)}`);
      if (dots.some((d) => hit(l, d))) problems.push(`title ${i} covers a dot`);
      if (labels.some((o, j) => j !== i && hit(l, o))) problems.push(`title ${i} covers a title`);
      if (cells.some((c) => hit(l, rect(c)))) problems.push(`title ${i} covers a count: ${JSON.stringify(l)} ${JSON.stringify(cells.map(rect).find((c) => hit(l, c)))}`);
    });
    // A quadrant name goes under one title at most (an idea in its corner has no other side), so it stays readable.
    names.forEach((n, k) => {
      const over = labels.filter((l) => hit(l, n)).length;
      if (over > 1) problems.push(`quadrant name ${k} is under ${over} titles`);
    });
    // Every dot on screen can be grabbed where it is drawn.
    document.querySelectorAll('.plane .marker').forEach((m, i) => {
      const d = rect(m.querySelector('.marker-dot'));
      if (!inside(d)) return;
      // Its centre, or just inside the plane for a dot on the plane's edge.
      const x = Math.min(Math.max(d.left + d.width / 2, plane.left + 3), plane.right - 3);
      const y = Math.min(Math.max(d.top + d.height / 2, plane.top + 3), plane.bottom - 3);
      const at = document.elementFromPoint(x, y);
      if (!m.contains(at)) problems.push(`marker ${i} is covered by ${at?.className}`);
    });
    return { problems, shown: labels.length, markers: dots.length, cells: cells.length, counted };
"#;

/// Titles on the chart stay inside the plane, never cover a dot, another title or a count, nor bury a quadrant
/// name; a marker at payoff 10 keeps its title whole; markers too close to read are counted in a cell, and
/// zooming into it shows each of them, grabbable at its dot.
#[tokio::test]
async fn chart_titles_stay_inside_and_never_cover_a_marker() -> TestResult {
    let data = tempfile::tempdir()?;
    // (payoff, cost) in tenths: the top edge, the right edge, a crowd near a quadrant name, a tight stack.
    let spots: [(i64, i64); 14] = [
        (100, 30),
        (100, 35),
        (100, 100),
        (50, 100),
        (95, 2),
        (92, 8),
        (88, 4),
        (60, 60),
        (61, 61),
        (60, 62),
        (62, 60),
        (30, 30),
        (30, 45),
        (0, 50),
    ];
    board_with_ideas_at(data.path(), "Crowded", &spots, |n| {
        format!("Idea number {n} with a longer title")
    })?;
    let app = App::launch(data.path()).await?;
    app.click_button("Chart").await?;
    app.wait_for_css(".plane .marker").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot("chart-titles.png").await?;
    let verdict = app.client.execute(LAYOUT_PROBLEMS, vec![]).await?;
    assert_eq!(verdict["problems"], serde_json::json!([]), "{verdict}");
    assert_eq!(
        verdict["markers"].as_u64().unwrap_or_default() + verdict["counted"].as_u64().unwrap_or_default(),
        14,
        "every idea is a marker or counted in a cell: {verdict}"
    );
    assert!(
        verdict["shown"].as_u64().unwrap_or_default() >= 7,
        "most titles have room: {verdict}"
    );
    // The tight stack is a cell that counts its ideas; Enter on it zooms in, where each of them is a marker with
    // its title, grabbable at its dot, and the focus lands on one of them.
    let cell = app.wait_for_css(".plane-cell").await?;
    let name = cell.attr("aria-label").await?.unwrap_or_default();
    assert!(name.contains("ideas near payoff 6"), "{name}");
    app.client
        .execute("arguments[0].focus();", vec![serde_json::to_value(&cell)?])
        .await?;
    app.press(&[fantoccini::key::Key::Enter]).await?;
    app.wait_until(
        "the plane zoomed into the stack",
        "return document.querySelector('.chart-zoom-level')?.textContent === '400%' && !document.querySelector('.plane-cell');",
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot("chart-titles-zoomed.png").await?;
    let verdict = app.client.execute(LAYOUT_PROBLEMS, vec![]).await?;
    assert_eq!(verdict["problems"], serde_json::json!([]), "{verdict}");
    assert!(verdict["markers"].as_u64().unwrap_or_default() >= 4, "{verdict}");
    let focused = app.focused_label().await?;
    assert!(
        focused.starts_with("Idea number"),
        "the focus is on a marker of the stack: {focused}"
    );
    app.click_button("Fit").await?;
    app.wait_until(
        "the whole plane shows again",
        "return document.querySelector('.chart-zoom-level')?.textContent === '100%';",
    )
    .await?;
    // A marker at payoff 10 with room beside it keeps its title, slid down inside the plane.
    let top = app
        .client
        .execute(
            "return getComputedStyle(document.querySelector('.marker[aria-label^=\"Idea number 1 \"] .marker-label')).display;",
            vec![],
        )
        .await?;
    assert_eq!(top, "block", "the title at payoff 10 is shown");
    app.quit().await
}

/// Ideas crowded in a corner of the plane, under its quadrant name, are counted there in words above the name: the
/// canvas beneath the names wrote no count, and a stack of ideas read as one. Ideas with the same scores are listed
/// at once: no zoom tells them apart. Zoomed in, the chart keeps its view across a switch to the quadrants and back,
/// and − and 0 zoom with the focus off the plane.
#[tokio::test]
async fn a_count_under_a_quadrant_name_is_written_above_the_name() -> TestResult {
    let data = tempfile::tempdir()?;
    // Three quick wins at the very corner of Implement, four at the corner of Kill.
    let spots = [
        (100, 0),
        (100, 0),
        (100, 0),
        (0, 100),
        (0, 100),
        (0, 100),
        (0, 100),
    ];
    board_with_ideas_at(data.path(), "Corners", &spots, |n| format!("Cornered {n}"))?;
    let app = App::launch(data.path()).await?;
    app.click_button("Chart").await?;
    app.wait_for_css(".plane .plane-cell").await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot("chart-corner-counts.png").await?;
    let counts = app
        .client
        .execute(
            r#"
            const rect = (e) => e.getBoundingClientRect();
            const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            const names = [...document.querySelectorAll('.plane-quadrant-name')];
            return [...document.querySelectorAll('.plane .plane-cell')].map((c) => {
              const style = getComputedStyle(c);
              return {
                text: c.textContent,
                label: c.getAttribute('aria-label').split(':')[0],
                under: names.filter((n) => hit(rect(n), rect(c))).map((n) => n.textContent),
                // Drawn over the name: its number and its ring (no disc, so that the name reads through it).
                seen: style.visibility === 'visible' && style.opacity === '1' && style.borderTopStyle === 'solid'
                    && style.borderTopWidth !== '0px' && c.textContent.trim() !== '',
              };
            }).sort((a, b) => a.text.localeCompare(b.text));
            "#,
            vec![],
        )
        .await?;
    assert_eq!(
        counts,
        serde_json::json!([
            { "text": "3", "label": "3 ideas near payoff 10, cost/risk 0", "under": ["Implement"], "seen": true },
            { "text": "4", "label": "4 ideas near payoff 0, cost/risk 10", "under": ["Kill"], "seen": true },
        ]),
    );
    // Ideas with the same scores stay one cell at any zoom: Enter lists them at once, without zooming.
    let corner = app
        .wait_for_css(".plane-cell-counted[aria-label^='4 ideas']")
        .await?;
    app.client
        .execute("arguments[0].focus();", vec![serde_json::to_value(&corner)?])
        .await?;
    app.press(&[fantoccini::key::Key::Enter]).await?;
    let list = app.wait_for_css(".chart-list").await?;
    let heading = list.find(fantoccini::Locator::Css("h2")).await?.text().await?;
    assert_eq!(heading, "4 ideas at payoff 0, cost/risk 10");
    let mut titles = Vec::new();
    for item in list
        .find_all(fantoccini::Locator::Css(".chart-list-title"))
        .await?
    {
        titles.push(item.prop("textContent").await?.unwrap_or_default());
    }
    titles.sort();
    assert_eq!(titles, ["Cornered 3", "Cornered 4", "Cornered 5", "Cornered 6"]);
    app.screenshot("chart-corner-list.png").await?;
    let zoom = app
        .client
        .execute(
            "return document.querySelector('.chart-zoom-level').textContent;",
            vec![],
        )
        .await?;
    assert_eq!(zoom, "100%", "the plane did not zoom");
    // The details of an idea opened from the list give the focus back to its row when they close: it went to the
    // marker under the list, and Tab went on from the list's top.
    open_from_list(&app, "Cornered 5").await?;
    app.wait_for_css("aside[aria-label='Idea details']").await?;
    app.press(&[fantoccini::key::Key::Escape]).await?;
    app.wait_until(
        "the focus is back on the idea's row in the list",
        "return !document.querySelector(\"aside[aria-label='Idea details']\")
           && document.activeElement?.closest('.chart-list') !== null
           && document.activeElement?.querySelector('.chart-list-title')?.textContent === 'Cornered 5';",
    )
    .await?;
    // An idea moved away from the spot, from the details opened out of the list, leaves the list: it said "4 ideas"
    // with the moved one at its old scores.
    open_from_list(&app, "Cornered 6").await?;
    let cost = app
        .wait_for_xpath(
            "//aside//input[@id=//aside//label[starts-with(normalize-space(),'Cost / risk')]/@for]",
        )
        .await?;
    // 9 over the 10, then Tab: a field's clear() is not seen by the page.
    cost.click().await?;
    app.press_ctrl('a').await?;
    cost.send_keys("9").await?;
    app.press(&[fantoccini::key::Key::Tab]).await?;
    app.wait_until(
        "the list says what is at the spot now",
        "const list = document.querySelector('.chart-list');
         return list?.querySelector('h2')?.textContent === '3 ideas at payoff 0, cost/risk 10'
           && ![...list.querySelectorAll('.chart-list-title')].some((t) => t.textContent === 'Cornered 6');",
    )
    .await?;
    // The details close; Escape then closes the list and gives the focus back to the count it came from.
    app.press(&[fantoccini::key::Key::Escape]).await?;
    app.wait_until(
        "the details close",
        "return !document.querySelector(\"aside[aria-label='Idea details']\");",
    )
    .await?;
    app.client
        .execute("document.querySelector('.chart-list h2')?.focus();", vec![])
        .await?;
    app.press(&[fantoccini::key::Key::Escape]).await?;
    app.wait_until(
        "the focus is back on the count",
        "return !document.querySelector('.chart-list') && document.activeElement?.getAttribute('aria-label')?.startsWith('3 ideas');",
    )
    .await?;

    // Zoomed in, to the quadrants and back: the chart shows what it showed.
    app.click_button("Zoom in").await?;
    app.click_button("Zoom in").await?;
    let zoomed = app
        .client
        .execute(
            "return document.querySelector('.chart-zoom-level').textContent;",
            vec![],
        )
        .await?;
    assert_ne!(zoomed, "100%");
    app.click_button("Quadrants").await?;
    app.region("Implement").await?;
    app.click_button("Chart").await?;
    wait_for_zoom(&app, zoomed.as_str().unwrap_or_default()).await?;
    // With the focus on the toolbar's Chart button, not on the plane, − zooms out and 0 shows every idea.
    let focused = app.client.active_element().await?;
    assert_eq!(focused.text().await?, "Chart");
    focused.send_keys("-").await?;
    app.wait_until(
        "− zoomed out",
        &format!("const z = document.querySelector('.chart-zoom-level')?.textContent; return z !== {zoomed} && z !== '100%';"),
    )
    .await?;
    focused.send_keys("0").await?;
    wait_for_zoom(&app, "100%").await?;
    app.quit().await
}

/// Back on a board, it shows the view it was left in: left in the chart for another board, it came back as quadrants.
#[tokio::test]
async fn a_board_comes_back_in_the_view_it_was_left_in() -> TestResult {
    use pickboard_lib::domain::Zone;
    use pickboard_lib::edits;
    use pickboard_lib::storage::{boards, Db, DB_FILE_NAME};

    let data = tempfile::tempdir()?;
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            for name in ["Charted", "Listed"] {
                let board = boards::create(tx, name)?.id;
                edits::add_idea(tx, board, &format!("An idea on {name}"), Zone::Implement)?;
            }
            Ok(())
        })?;
    }
    let app = App::launch(data.path()).await?;
    let shown = "return document.querySelector('.board-name')?.value + ' ' + (document.querySelector('.plane') ? 'chart' : 'quadrants');";
    app.wait_for_css(".board-link").await?;
    open_board(&app, "Charted").await?;
    app.click_button("Chart").await?;
    app.wait_for_css(".plane").await?;
    open_board(&app, "Listed").await?;
    app.region("Implement").await?;
    assert_eq!(app.client.execute(shown, vec![]).await?, "Listed quadrants");
    open_board(&app, "Charted").await?;
    app.wait_for_css(".plane").await?;
    assert_eq!(app.client.execute(shown, vec![]).await?, "Charted chart");
    app.quit().await
}

/// Moved by the keyboard in the chart view, an idea shows where it will land before it is dropped: a card from the
/// Unsorted tray (Space, arrows) gets the ghost marker with its scores in the middle of the quadrant it is over, and
/// lands there; a marker picked up with Space and moved with the arrow keys shows its new scores where it stands and
/// is saved where Space puts it down.
#[tokio::test]
async fn a_keyboard_move_on_the_chart_shows_where_the_idea_lands() -> TestResult {
    use fantoccini::key::Key;
    use pickboard_lib::domain::{Score, Zone};
    use pickboard_lib::edits;
    use pickboard_lib::storage::{boards, Db, DB_FILE_NAME};

    let data = tempfile::tempdir()?;
    let (card_title, marker_title) = ("Moved by the keyboard", "Nudged with the arrows");
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Keys")?.id;
            edits::add_idea(tx, board, card_title, Zone::Unsorted)?;
            let placed = edits::add_idea(tx, board, marker_title, Zone::Unsorted)?;
            edits::set_scores(tx, placed.id, Score::from_tenths(30)?, Score::from_tenths(30)?)?;
            Ok(())
        })?;
    }
    let app = App::launch(data.path()).await?;
    app.click_button("Chart").await?;
    app.wait_for_css(".plane .marker").await?;
    let card = app.card(card_title).await?;
    app.client
        .execute("arguments[0].focus();", vec![serde_json::to_value(&card)?])
        .await?;

    // Space picks it up; Right takes it over Implement, then Challenge: the ghost follows with the scores.
    app.press(&[Key::Space, Key::Right]).await?;
    app.wait_until(
        "the ghost shows Implement's middle",
        "return document.querySelector('.plane .marker-ghost')?.innerText.includes('Payoff 7.5 · Cost/risk 2.5');",
    )
    .await?;
    app.press(&[Key::Right]).await?;
    app.wait_until(
        "the ghost shows Challenge's middle",
        "return document.querySelector('.plane .marker-ghost')?.innerText.includes('Payoff 7.5 · Cost/risk 7.5');",
    )
    .await?;
    app.screenshot("chart-keyboard-ghost.png").await?;
    app.press(&[Key::Space]).await?;
    let landed = wait_for_scores(data.path(), card_title, |_, _| true).await?;
    assert_eq!(landed, (75, 75), "it lands where the ghost showed");
    app.wait_until(
        "the ghost goes with the drop",
        "return !document.querySelector('.marker-ghost');",
    )
    .await?;

    // A marker picked up with Space and moved up with the arrow key shows its new scores where it stands until Space
    // puts it down there (what showed is recorded as it shows).
    let marker = app
        .wait_for_css(&format!(
            "button.marker[aria-label^={}]",
            pickboard_e2e::css_string(marker_title)
        ))
        .await?;
    app.client
        .execute("arguments[0].focus();", vec![serde_json::to_value(&marker)?])
        .await?;
    app.client
        .execute(
            "window.__shown = []; new MutationObserver(() => { \
               const s = document.querySelector('.plane .marker-live .marker-scores'); \
               if (s) window.__shown.push(s.textContent); \
             }).observe(document.querySelector('.plane'), { subtree: true, childList: true, characterData: true });",
            vec![],
        )
        .await?;
    type_keys(&app, " ").await?;
    app.press(&[Key::Up]).await?;
    app.wait_until(
        "the moved marker showed its new scores",
        "return window.__shown.includes('P 3.1 · C 3');",
    )
    .await?;
    type_keys(&app, " ").await?;
    wait_for_scores(data.path(), marker_title, |p, c| (p, c) == (31, 30)).await?;

    // Delete on the focused marker: the focus goes on to the plane's other marker, as from card to card on the
    // quadrants. It went nowhere, and the next key (E, a number) did nothing.
    app.press(&[Key::Delete]).await?;
    app.wait_until(
        "the focus is on the other marker",
        &format!(
            "const a = document.activeElement; \
             return a?.matches('button.marker') && a.getAttribute('aria-label').startsWith({});",
            serde_json::to_string(card_title)?
        ),
    )
    .await?;
    app.quit().await
}

/// Adds `count` placed ideas spread over the whole plane to a new board `name` (a deterministic spread, the
/// benchmarks' own), each titled "Idea n: …"; returns the board's id.
/// Moves the pointer to viewport point (`x`, `y`), over a frame or so, without pressing.
/// Makes a board `name` in the data folder `data` with an idea at each of `spots` (payoff, cost/risk in tenths),
/// titled by `title` from its number.
fn board_with_ideas_at(
    data: &std::path::Path,
    name: &str,
    spots: &[(i64, i64)],
    title: impl Fn(usize) -> String,
) -> TestResult {
    use pickboard_lib::domain::{Score, Zone};
    use pickboard_lib::edits;
    use pickboard_lib::storage::{boards, Db, DB_FILE_NAME};

    let mut db = Db::open(&data.join(DB_FILE_NAME))?;
    db.write(|tx| {
        let board = boards::create(tx, name)?.id;
        for (n, &(payoff, cost)) in spots.iter().enumerate() {
            let idea = edits::add_idea(tx, board, &title(n), Zone::Unsorted)?;
            edits::set_scores(
                tx,
                idea.id,
                Score::from_tenths(payoff)?,
                Score::from_tenths(cost)?,
            )?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Picks the idea `title` in the chart's list and opens its details with Enter.
async fn open_from_list(app: &App, title: &str) -> TestResult {
    app.client
        .find(fantoccini::Locator::XPath(&format!(
            "//section[contains(@class,'chart-list')]//button[.//span[text()='{title}']]"
        )))
        .await?
        .click()
        .await?;
    app.press(&[fantoccini::key::Key::Enter]).await
}

async fn hover_at(app: &App, x: f64, y: f64) -> TestResult {
    app.client
        .perform_actions(MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(50)),
            x,
            y,
        }))
        .await?;
    Ok(())
}

fn seed_spread(db: &mut pickboard_lib::storage::Db, count: usize, name: &str) -> TestResult<i64> {
    use pickboard_lib::domain::{Score, Zone};
    use pickboard_lib::storage::{boards, ideas};
    Ok(db.write(|tx| {
        let board = boards::create(tx, name)?;
        for i in 0..count {
            let x = (i * 7_919) % 1_000;
            let y = (i * 104_729 + 13) % 997;
            let (payoff, cost) = (
                i64::try_from(y % 101).unwrap_or(0),
                i64::try_from(x % 101).unwrap_or(0),
            );
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
        Ok(board.id)
    })?)
}

/// The app on a board of 2,000 ideas spread over the chart (`seed_spread`) in `data`, in a 1024 × 768 window, shown as
/// the chart.
async fn chart_of_2000(data: &std::path::Path) -> TestResult<App> {
    chart_of_2000_and(data, None).await
}

/// `chart_of_2000`, with one more idea, `needle`: its title and scores (in tenths).
async fn chart_of_2000_and(data: &std::path::Path, needle: Option<(&str, i64, i64)>) -> TestResult<App> {
    use pickboard_lib::domain::{Score, Zone};
    use pickboard_lib::storage::{ideas, Db, DB_FILE_NAME};
    {
        let mut db = Db::open(&data.join(DB_FILE_NAME))?;
        let board = seed_spread(&mut db, 2_000, "Haystack")?;
        if let Some((title, payoff, cost)) = needle {
            db.write(|tx| {
                let idea = ideas::add(tx, board, title, Zone::Unsorted)?;
                ideas::set_position(
                    tx,
                    idea.id,
                    Score::from_tenths(payoff)?,
                    Score::from_tenths(cost)?,
                )
            })?;
        }
    }
    let app = App::launch(data).await?;
    app.client.set_window_size(1024, 768).await?;
    app.region("Implement").await?;
    app.click_button("Chart").await?;
    app.wait_for_css(".plane .plane-cell").await?;
    Ok(app)
}

#[tokio::test]
async fn the_keyboard_reaches_a_chart_of_2000_ideas_from_a_card_and_from_the_plane() -> TestResult {
    use fantoccini::key::Key;

    let data = tempfile::tempdir()?;
    // The ideas the chart draws one by one: the card taken next is another's, counted in a crowded cell.
    let app = chart_of_2000(data.path()).await?;
    let drawn = app
        .client
        .execute(
            "return [...document.querySelectorAll('.plane .marker')].map((m) => m.dataset.ideaId);",
            vec![],
        )
        .await?;
    app.click_button("Quadrants").await?;
    app.wait_for_css(".card[data-idea-id]").await?;
    let id = app
        .client
        .execute(
            &format!(
                "const drawn = new Set({drawn});
                 const card = [...document.querySelectorAll('.card[data-idea-id]')]
                   .find((c) => !drawn.has(c.dataset.ideaId));
                 card.focus();
                 return card.dataset.ideaId;"
            ),
            vec![],
        )
        .await?;
    let id = id.as_str().ok_or("no card outside the drawn markers")?.to_owned();

    // V: the idea keeps the focus, on its marker.
    type_keys(&app, "v").await?;
    app.wait_for_css(".plane").await?;
    app.wait_until(
        "the card's marker has the focus on the chart",
        &format!("return document.activeElement?.matches('.plane .marker[data-idea-id=\"{id}\"]') ?? false;"),
    )
    .await?;
    app.screenshot("chart-2000-v-on-a-card.png").await?;

    // On the plane itself, with the whole chart in view, the arrows step onto the markers and counts: the first
    // going down, the last going up.
    let in_plane = "const a = document.activeElement; return !!a?.closest('.plane') && a.matches('.marker, .plane-cell');";
    let first_or_last = |first: bool| {
        format!(
            "const all = document.querySelectorAll('.plane .marker:not(.dimmed), .plane .plane-cell:not(.dimmed)');
             return document.activeElement === all[{}];",
            if first { "0" } else { "all.length - 1" }
        )
    };
    for (key, first) in [(Key::Down, true), (Key::Up, false)] {
        app.client
            .execute("document.querySelector('.plane').focus();", vec![])
            .await?;
        wait_for_zoom(&app, "100%").await?;
        app.press(&[key]).await?;
        app.wait_until("an arrow on the plane reaches its markers", in_plane)
            .await?;
        app.wait_until(
            if first {
                "down reaches the first"
            } else {
                "up reaches the last"
            },
            &first_or_last(first),
        )
        .await?;
    }

    // Zoomed in to 400 %, a marker carried with the keys stays in sight: the view follows it before it is put down
    // (it went off the plane's window, and the view caught up only on the drop).
    app.client
        .execute("document.querySelector('.plane').focus();", vec![])
        .await?;
    type_keys(&app, "++").await?;
    wait_for_zoom(&app, "400%").await?;
    let in_window = "const plane = document.querySelector('.plane').getBoundingClientRect();
         const a = document.activeElement;
         const dot = (a.querySelector('.marker-dot') ?? a).getBoundingClientRect();
         const [x, y] = [dot.left + dot.width / 2, dot.top + dot.height / 2];
         return x >= plane.left && x <= plane.right && y >= plane.top && y <= plane.bottom;";
    app.client
        .execute(
            "const plane = document.querySelector('.plane').getBoundingClientRect();
             const seen = [...document.querySelectorAll('.plane .marker')].find((m) => {
               const r = m.querySelector('.marker-dot').getBoundingClientRect();
               return r.left > plane.left + plane.width / 3 && r.right < plane.left + plane.width * 2 / 3
                 && r.top > plane.top && r.bottom < plane.bottom;
             });
             seen.focus();",
            vec![],
        )
        .await?;
    app.press(&[Key::Space]).await?;
    for _ in 0..4 {
        app.press_holding(Key::Shift, char::from(Key::Right)).await?;
    }
    app.wait_until("the carried marker is in the plane's window", in_window)
        .await?;
    app.screenshot("chart-2000-carried-zoomed.png").await?;
    app.press(&[Key::Escape]).await?;

    // The wheel pans the window away from the focused marker, which is then to the right of it: Right takes the focus
    // back into the window (it panned on, and the focus stayed out of sight, where E opened an idea nobody saw).
    let (px, py, pw, ph) = app.wait_for_css(".plane").await?.rectangle().await?;
    wheel_at(&app, (px + pw / 2.0, py + ph / 2.0), (-(pw * 2.0), 0.0)).await?;
    app.wait_until(
        "the focused marker is out of the window",
        &format!("return document.activeElement.matches('.marker') && !(() => {{ {in_window} }})();"),
    )
    .await?;
    app.press(&[Key::Right]).await?;
    app.wait_until(
        "an arrow brings the focus back into the window, on a marker or a count",
        &format!(
            "return document.activeElement.matches('.marker, .plane-cell') && (() => {{ {in_window} }})();"
        ),
    )
    .await?;
    app.stop().await
}

#[tokio::test]
async fn a_search_on_a_chart_of_2000_ideas_shows_each_match_with_its_title() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = chart_of_2000(data.path()).await?;
    let search = app.wait_for_css("input[aria-label='Search ideas']").await?;
    search.click().await?;
    search.send_keys("Idea 199").await?;
    // "Idea 199: …", "Idea 1199: …" and "Idea 1990: …" to "Idea 1999: …": each a marker of its own with its title
    // shown, not a count of 1 among the others.
    app.wait_until(
        "each of the 12 matches is a marker of its own, titled",
        "const shown = [...document.querySelectorAll('.plane .marker:not(.dimmed)')];
         return shown.length === 12
           && shown.every((m) => /^Idea 1?199[0-9]?:/.test(m.getAttribute('aria-label')))
           && shown.every((m) => !m.matches('.marker-label-hidden, .marker-label-off'));",
    )
    .await?;
    app.wait_until(
        "no count counts a match",
        "const cells = [...document.querySelectorAll('.plane .plane-cell')];
         return cells.length > 0 && cells.every((c) => c.classList.contains('dimmed'));",
    )
    .await?;
    // The hint counts the matches in view, not every idea: it said "2,000 of 2,000 in view".
    app.wait_until(
        "the hint counts the matches",
        "return document.querySelector('.chart-hint')?.textContent.startsWith('12 of 12 matches in view ·');",
    )
    .await?;
    app.screenshot("chart-2000-search.png").await?;
    app.stop().await
}

/// Enter typed at once after the search, before the board had followed it, went to the board's first card whatever it
/// held, and the next key moved that idea (a keyboard-only pass, on 2,000 ideas): it goes to the first match.
#[tokio::test]
async fn enter_typed_at_once_after_a_search_goes_to_its_first_match_not_the_first_card() -> TestResult {
    use fantoccini::key::Key;
    use pickboard_lib::storage::{Db, DB_FILE_NAME};

    let data = tempfile::tempdir()?;
    seed_spread(&mut Db::open(&data.path().join(DB_FILE_NAME))?, 2_000, "Haystack")?;
    let app = App::launch(data.path()).await?;
    app.client.set_window_size(1024, 768).await?;
    app.region("Implement").await?;
    let zones = || -> TestResult<Vec<(String, i64)>> {
        let db = rusqlite::Connection::open(data.path().join(DB_FILE_NAME))?;
        let mut stmt = db.prepare("SELECT title, zone FROM ideas ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    let before = zones()?;
    let search = app.wait_for_css("input[aria-label='Search ideas']").await?;
    search.click().await?;
    // Idea 1999 is in Kill (payoff 3.1, cost/risk 8.1); 2 moves it to Challenge. In one go, as fast hands type.
    search
        .send_keys(&format!("Idea 1999:{}2", char::from(Key::Enter)))
        .await?;
    let needle = "Idea 1999: a realistic title of some length";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let after = loop {
        let now = zones()?;
        if now.iter().any(|(t, z)| t == needle && *z == 2) || std::time::Instant::now() > deadline {
            break now;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let moved: Vec<&(String, i64)> = after.iter().filter(|row| !before.contains(row)).collect();
    assert_eq!(
        moved,
        [&(needle.to_owned(), 2)],
        "only the match moves, to Challenge"
    );
    app.stop().await
}

/// Zoomed in, with the search's only match outside the window, Enter in the search did nothing (a hurried-user
/// pass): no marker of it is drawn there. The window now goes to it, and the focus to its marker.
#[tokio::test]
async fn enter_in_the_search_brings_a_match_outside_the_zoomed_window_into_it() -> TestResult {
    use fantoccini::key::Key;

    let data = tempfile::tempdir()?;
    let app = chart_of_2000_and(data.path(), Some(("Needle in the corner", 99, 1))).await?;
    // Zoomed in about the middle: the top left corner, where the needle is, lies outside the window.
    for _ in 0..3 {
        app.click_button("Zoom in").await?;
    }
    let search = app.wait_for_css("input[aria-label='Search ideas']").await?;
    search.click().await?;
    search.send_keys("Needle").await?;
    app.wait_until(
        "the match is not in the window",
        "return document.querySelector('.chart-zoom-level')?.textContent !== '100%'
           && !document.querySelector('.plane .marker:not(.dimmed)');",
    )
    .await?;
    app.press(&[Key::Enter]).await?;
    app.wait_until(
        "the focus on the needle's marker, in the window",
        "const m = document.activeElement;
         if (!m?.matches('.plane .marker') || !m.getAttribute('aria-label').startsWith('Needle in the corner')) return false;
         const w = m.closest('.plane').getBoundingClientRect();
         const r = m.getBoundingClientRect();
         return r.left >= w.left && r.right <= w.right && r.top >= w.top && r.bottom <= w.bottom;",
    )
    .await?;
    app.stop().await
}

#[tokio::test]
async fn a_focused_marker_shows_a_long_title_of_long_words_on_a_few_lines() -> TestResult {
    use fantoccini::key::Key;

    let data = tempfile::tempdir()?;
    // 300 characters of hyphenated words longer than a title's line: each line stood cut to "Supercalifra…", nine
    // of them over the chart.
    let title = "Supercalifragilisticexpialidocious-".repeat(9)[..300].to_owned();
    board_with_ideas_at(data.path(), "Long words", &[(50, 75)], |_| title.clone())?;
    let app = App::launch(data.path()).await?;
    app.client.set_window_size(1024, 768).await?;
    app.click_button("Chart").await?;
    app.wait_for_css(".plane .marker").await?;
    app.client
        .execute("document.querySelector('.plane').focus();", vec![])
        .await?;
    app.press(&[Key::Tab]).await?;
    app.wait_until(
        "the marker has the focus",
        "return document.activeElement?.matches('.plane .marker') ?? false;",
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    app.screenshot("chart-long-words-focused.png").await?;
    let label = app
        .client
        .execute(
            "const l = document.activeElement.querySelector('.marker-label'), r = l.getBoundingClientRect();
             const line = parseFloat(getComputedStyle(l).lineHeight) || 17;
             return { lines: Math.round((l.clientHeight - 2) / line), height: r.height, overflowing: l.scrollWidth > l.clientWidth };",
            vec![],
        )
        .await?;
    let lines = label["lines"].as_u64().unwrap_or(u64::MAX);
    assert!((2..=5).contains(&lines), "at most five lines: {label}");
    assert_eq!(
        label["overflowing"], false,
        "no line runs past the title's edge: {label}"
    );
    app.stop().await
}

/// Types `keys` one by one (characters the `Key` enum has no name for, such as + and -).
async fn type_keys(app: &App, keys: &str) -> TestResult {
    use fantoccini::actions::{KeyAction, KeyActions};
    let mut actions = KeyActions::new("keyboard".into());
    for value in keys.chars() {
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    app.client.perform_actions(actions).await?;
    Ok(())
}

/// Switches the theme from the (collapsed) sidebar's radio buttons, as a click on one does.
async fn set_theme(app: &App, theme: &str) -> TestResult {
    app.client
        .execute(
            "document.querySelector(`input[name=theme][value=${arguments[0]}]`).click();",
            vec![serde_json::json!(theme)],
        )
        .await?;
    app.wait_until(
        "the theme is on",
        &format!("return document.documentElement.dataset.theme === '{theme}';"),
    )
    .await
}

/// Waits until the zoom read-out shows `expected`.
/// Opens the board `name` from the sidebar, and waits until it is shown.
async fn open_board(app: &App, name: &str) -> TestResult {
    app.client
        .execute(
            "[...document.querySelectorAll('.board-link')].find(b => b.textContent.startsWith(arguments[0])).click();",
            vec![serde_json::json!(name)],
        )
        .await?;
    app.wait_until(
        &format!("{name} is open"),
        &format!(
            "return document.querySelector('.board-name')?.value === {};",
            pickboard_e2e::css_string(name)
        ),
    )
    .await
}

/// Presses `one` and `other` in turn until the focus is on a count of the plane (at most 40 presses).
async fn arrows_to_a_count(app: &App, one: fantoccini::key::Key, other: fantoccini::key::Key) -> TestResult {
    let mut steps = 0;
    while !app.focused_label().await?.contains(" ideas near payoff ") {
        app.press(&[if steps % 2 == 0 { one } else { other }]).await?;
        steps += 1;
        if steps >= 40 {
            return Err("the arrows never reached a counted cell".into());
        }
    }
    Ok(())
}

/// The scores a marker's or a count's name gives ("…, payoff 7.5, cost/risk 2", "3 ideas near payoff 7.5, cost/risk 2:
/// …").
fn scores_named(label: &str) -> TestResult<(f64, f64)> {
    let parse = || -> Option<(f64, f64)> {
        let (payoff, rest) = label.split_once("payoff ")?.1.split_once(", cost/risk ")?;
        let cost: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        Some((payoff.parse().ok()?, cost.parse().ok()?))
    };
    Ok(parse().ok_or(format!("no scores in the name {label:?}"))?)
}

/// Fails unless the focus went from `before` to a place within one point of score of it, after `what`.
fn near(before: (f64, f64), after: (f64, f64), what: &str) -> TestResult {
    let distance = (before.0 - after.0).hypot(before.1 - after.1);
    if distance > 1.0 {
        return Err(format!("{what}: the focus went from {before:?} to {after:?}").into());
    }
    Ok(())
}

/// Turns the wheel at `(x, y)` (page pixels) by `(dx, dy)` pixels, as a mouse or touchpad does.
async fn wheel_at(app: &App, (x, y): (f64, f64), (dx, dy): (f64, f64)) -> TestResult {
    use fantoccini::actions::{InputSource, WheelAction, WheelActions};

    let wheel = WheelActions::new("wheel".into()).then(WheelAction::Scroll {
        duration: Some(Duration::from_millis(50)),
        x: x as i64,
        y: y as i64,
        delta_x: dx as i64,
        delta_y: dy as i64,
    });
    Ok(app.client.perform_actions(wheel).await?)
}

async fn wait_for_zoom(app: &App, expected: &str) -> TestResult {
    app.wait_until(
        &format!("the zoom reads {expected}"),
        &format!(
            "return document.querySelector('.chart-zoom-level')?.textContent === {};",
            pickboard_e2e::css_string(expected)
        ),
    )
    .await
}

/// A plane of 2,000 and one of 10,000 ideas at 1024 × 768, light and dark, zoomed out and in: crowded places are
/// counted in cells instead of drawn as thousands of elements, titles show only where they fit (never over a count,
/// another title or a quadrant name), and the page holds a few hundred elements on the plane whatever the board's
/// size. Screenshots of each for people to look at.
#[tokio::test]
async fn a_chart_of_thousands_of_ideas_stays_readable_zoomed_out_and_in() -> TestResult {
    use pickboard_lib::storage::{Db, DB_FILE_NAME};

    let data = tempfile::tempdir()?;
    let big = {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        seed_spread(&mut db, 2_000, "Two thousand")?;
        seed_spread(&mut db, 10_000, "Ten thousand")?
    };
    std::fs::write(
        data.path().join("settings.json"),
        serde_json::json!({ "theme": "light", "lastBoardId": big }).to_string(),
    )?;
    let app = App::launch(data.path()).await?;
    app.client.set_window_size(1024, 768).await?;
    app.region("Implement").await?;
    app.click_button("Chart").await?;
    for (board, size, zooms) in [("Ten thousand", "10000", 4), ("Two thousand", "2000", 3)] {
        open_board(&app, board).await?;
        if app
            .client
            .find_all(fantoccini::Locator::Css(".plane"))
            .await?
            .is_empty()
        {
            app.click_button("Chart").await?;
        }
        app.wait_until(
            "the board's cells are drawn",
            &format!(
                "return document.querySelector('.board-name')?.value === '{board}' && !!document.querySelector('.plane .plane-cell');"
            ),
        )
        .await?;
        for theme in ["light", "dark"] {
            set_theme(&app, theme).await?;
            app.click_button("Fit").await?;
            wait_for_zoom(&app, "100%").await?;
            let verdict = app.client.execute(LAYOUT_PROBLEMS, vec![]).await?;
            assert_eq!(verdict["problems"], serde_json::json!([]), "{board}: {verdict}");
            let elements = app
                .client
                .execute("return document.querySelectorAll('.plane *').length;", vec![])
                .await?;
            assert!(
                elements.as_u64().unwrap_or(u64::MAX) < 1_500,
                "{board}: {elements} elements on the plane"
            );
            app.screenshot(&format!("chart-{size}-{theme}.png")).await?;
            // Zoomed in on the middle of the plane (8 times for 2,000 ideas, 16 for 10,000): titles where they fit.
            for zoom in ["200%", "400%", "800%", "1600%"].iter().take(zooms) {
                app.click_button("Zoom in").await?;
                wait_for_zoom(&app, zoom).await?;
            }
            app.screenshot(&format!("chart-{size}-{theme}-zoomed.png"))
                .await?;
            let verdict = app.client.execute(LAYOUT_PROBLEMS, vec![]).await?;
            assert_eq!(
                verdict["problems"],
                serde_json::json!([]),
                "{board}, zoomed: {verdict}"
            );
            assert!(
                verdict["shown"].as_u64().unwrap_or_default() >= 3,
                "{board}, zoomed: titles show where they fit: {verdict}"
            );
        }
        set_theme(&app, "light").await?;
    }
    app.quit().await
}

/// On a chart of 2,000 ideas: the ideas under the pointer are listed, and those in a dragged rectangle too; picked
/// from that list, an idea shows as a marker of its own, is dragged with the pointer and its scores are saved.
/// Zoom and pan with the buttons, the keys and the wheel; with the keyboard alone, the plane's markers and counts are
/// one Tab stop, the arrows go from one to the next until a count, Enter zooms into it until its ideas are markers,
/// and Space picks the focused one up for the arrows to move, saved where Space puts it down.
#[tokio::test]
async fn on_a_chart_of_2000_ideas_one_is_found_listed_dragged_and_reached_by_keyboard() -> TestResult {
    use fantoccini::key::Key;

    let data = tempfile::tempdir()?;
    let needle = "Needle in the haystack";
    let app = chart_of_2000_and(data.path(), Some((needle, 50, 50))).await?;
    let plane = app.wait_for_css(".plane").await?;
    let (px, py, pw, ph) = plane.rectangle().await?;
    let at = |payoff: f64, cost: f64| (px + pw * cost / 10.0, py + ph * (1.0 - payoff / 10.0));

    // The pointer over a crowded spot lists what is there.
    let (hx, hy) = at(5.0, 5.0);
    hover_at(&app, hx, hy).await?;
    app.wait_until(
        "the ideas under the pointer are listed",
        "return /^\\d+ ideas here/.test(document.querySelector('.chart-hover')?.textContent ?? '');",
    )
    .await?;
    app.screenshot("chart-2000-hover.png").await?;
    // Near the plane's bottom right corner the list opens above and left of the pointer, whole.
    let (cx, cy) = at(0.4, 9.6);
    hover_at(&app, cx, cy).await?;
    app.wait_until(
        "the list near the corner is inside the chart",
        "const h = document.querySelector('.chart-hover'); if (!h) return false;
         const r = h.getBoundingClientRect(), w = h.offsetParent.getBoundingClientRect();
         return r.left >= w.left && r.right <= w.right && r.top >= w.top && r.bottom <= w.bottom;",
    )
    .await?;

    // A drag begun just beside the plane, on the payoff axis's column, selects no text: it selected the chart's labels
    // across the whole chart, in blue.
    app.drag_between((px - 20.0, py + ph * 0.4), at(2.0, 8.0)).await?;
    let selected = app
        .client
        .execute("return window.getSelection().toString();", vec![])
        .await?;
    assert_eq!(
        selected,
        serde_json::json!(""),
        "text selected by a drag beside the plane"
    );

    // A rectangle around payoff 4.9–5.1, cost/risk 4.9–5.1 lists exactly the ideas there.
    let expected: i64 = rusqlite::Connection::open(data.path().join(pickboard_lib::storage::DB_FILE_NAME))?
        .query_row(
        "SELECT count(*) FROM ideas WHERE payoff BETWEEN 49 AND 51 AND cost BETWEEN 49 AND 51",
        [],
        |r| r.get(0),
    )?;
    let (x0, y0) = at(5.15, 4.85);
    let (x1, y1) = at(4.85, 5.15);
    app.drag_between((x0, y0), (x1, y1)).await?;
    let list = app.wait_for_css(".chart-list").await?;
    let heading = list.find(fantoccini::Locator::Css("h2")).await?.text().await?;
    assert_eq!(heading, format!("{expected} ideas in the rectangle"));
    app.screenshot("chart-2000-rectangle.png").await?;
    // As high as its few ideas: it reached the plane's foot, three ideas over 400 px of nothing.
    let gap = app
        .client
        .execute(
            "const list = document.querySelector('.chart-list').getBoundingClientRect();
             const last = [...document.querySelectorAll('.chart-list li')].pop().getBoundingClientRect();
             return list.bottom - last.bottom;",
            vec![],
        )
        .await?;
    assert!(
        gap.as_f64().is_some_and(|g| g < 24.0),
        "room under the list's last idea: {gap}"
    );
    // The wheel over the list scrolls the list, not the chart behind it (it zoomed the chart, which the list then no
    // longer matched).
    let (lx, ly, lw, lh) = list.rectangle().await?;
    wheel_at(&app, (lx + lw / 2.0, ly + lh / 2.0), (0.0, -400.0)).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    wait_for_zoom(&app, "100%").await?;

    // Picked from the list, the needle is selected and shows as a marker of its own, which the pointer drags to
    // payoff 8, cost/risk 2; the scores are saved.
    list.find(fantoccini::Locator::XPath(&format!(
        ".//button[.//span[normalize-space()='{needle}']]"
    )))
    .await?
    .click()
    .await?;
    app.press(&[Key::Escape]).await?;
    let marker = app
        .wait_for_css(&format!(
            "button.marker.marker-selected[aria-label^={}]",
            pickboard_e2e::css_string(needle)
        ))
        .await?;
    // It lies on a crowded spot: the counts it covers are written at their badge's corner, beside it, whole ("+9": the
    // others at the spot).
    app.wait_until(
        "the counts under the selected marker are written beside it",
        "const dot = document.querySelector('button.marker.marker-selected .marker-dot').getBoundingClientRect();
         const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
         const under = [...document.querySelectorAll('.plane-cell')].filter((c) => hit(c.getBoundingClientRect(), dot));
         const marker = document.querySelector('button.marker.marker-selected');
         return under.length > 0 && under.every((c) => {
           const count = c.querySelector('span');
           if (!c.classList.contains('plane-cell-under-marker') || !count) return false;
           const style = getComputedStyle(count);
           return /^\\+\\d+$/.test(count.textContent) && !hit(count.getBoundingClientRect(), dot)
             && Number(getComputedStyle(c).zIndex) > Number(getComputedStyle(marker).zIndex)
             && !/rgba\\(.*, 0\\)$/.test(style.backgroundColor) && style.visibility === 'visible';
         });",
    )
    .await?;
    app.screenshot("chart-2000-selected-on-a-count.png").await?;
    let (tx, ty) = at(8.0, 2.0);
    app.drag_to(&marker, tx, ty).await?;
    let (payoff, cost) = super::wait_for_scores(data.path(), needle, |p, _| p > 60).await?;
    assert!(
        (77..=83).contains(&payoff) && (17..=23).contains(&cost),
        "dropped at payoff 8, cost/risk 2; saved at payoff {payoff}, cost {cost} (tenths)"
    );

    // Zoom: the buttons, the keys on the plane, the wheel; Fit shows every idea again.
    app.click_button("Zoom in").await?;
    wait_for_zoom(&app, "200%").await?;
    app.client
        .execute("document.querySelector('.plane').focus();", vec![])
        .await?;
    type_keys(&app, "+").await?;
    wait_for_zoom(&app, "400%").await?;
    let left = "return document.querySelector('.plane-content').style.left;";
    let before = app.client.execute(left, vec![]).await?;
    app.press(&[Key::Right]).await?;
    app.wait_until(
        "the arrow pans",
        &format!("return document.querySelector('.plane-content').style.left !== {before};"),
    )
    .await?;
    type_keys(&app, "-").await?;
    wait_for_zoom(&app, "200%").await?;
    type_keys(&app, "0").await?;
    wait_for_zoom(&app, "100%").await?;
    wheel_at(&app, (px + pw / 2.0, py + ph / 2.0), (0.0, -400.0)).await?;
    app.wait_until(
        "the wheel zooms in",
        "return parseInt(document.querySelector('.chart-zoom-level')?.textContent) > 100;",
    )
    .await?;
    app.click_button("Fit").await?;
    wait_for_zoom(&app, "100%").await?;

    // The keyboard alone: from the plane, one Tab reaches the markers and counts, and the next leaves them (it went
    // through each of them, hundreds here); the arrows go from one to the next until a counted cell; Enter zooms into
    // it until the focus is on a marker; Space picks that marker up, an arrow moves it, Space puts it down, saved.
    app.client
        .execute("document.querySelector('.plane').focus();", vec![])
        .await?;
    let in_plane = "const a = document.activeElement;                     return !!a?.closest('.plane') && a.matches('.marker, .plane-cell');";
    app.press(&[Key::Tab]).await?;
    app.wait_until("Tab goes from the plane to its markers and counts", in_plane)
        .await?;
    app.press(&[Key::Tab]).await?;
    app.wait_until(
        "the next Tab leaves the plane",
        "return !document.activeElement?.closest('.plane');",
    )
    .await?;
    app.press_holding(Key::Shift, Key::Tab.into()).await?;
    app.wait_until("Shift+Tab comes back to it", in_plane).await?;
    arrows_to_a_count(&app, Key::Down, Key::Right).await?;
    // + zooms in around the focused count, which is gone once zoomed into: the focus goes to what is nearest.
    type_keys(&app, "+").await?;
    app.wait_until("after + the focus is on a marker or count", in_plane)
        .await?;
    let mut label = app.focused_label().await?;
    for _ in 0..4 {
        if !label.contains(" ideas near payoff ") {
            break;
        }
        app.press(&[Key::Enter]).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        label = app.focused_label().await?;
    }
    let (title, scores) = label
        .split_once(", payoff ")
        .ok_or(format!("the focus ends on a marker: {label}"))?;
    let (payoff, cost) = scores
        .split_once(", cost/risk ")
        .ok_or(format!("a marker's name gives its scores: {label}"))?;
    let (payoff, cost) = (
        (payoff.parse::<f64>()? * 10.0).round() as i64,
        (cost.parse::<f64>()? * 10.0).round() as i64,
    );
    app.screenshot("chart-2000-keyboard.png").await?;
    let target = if payoff < 100 { payoff + 1 } else { payoff - 1 };
    type_keys(&app, " ").await?;
    app.press(&[if payoff < 100 { Key::Up } else { Key::Down }])
        .await?;
    type_keys(&app, " ").await?;
    super::wait_for_scores(data.path(), title, |p, c| (p, c) == (target, cost)).await?;

    // + and 0 with the focus on a marker or count: the focus stays with its ideas, on what is nearest them. A count at
    // cost/risk 10 zoomed into left its ideas past the window's edge, and 0 after a zoom left the focus nowhere or on
    // a count far away.
    type_keys(&app, "0").await?;
    wait_for_zoom(&app, "100%").await?;
    app.client
        .execute("document.querySelector('.plane').focus();", vec![])
        .await?;
    app.press(&[Key::End]).await?;
    app.wait_until("End goes to the last marker or count", in_plane)
        .await?;
    let last = scores_named(&app.focused_label().await?)?;
    type_keys(&app, "+").await?;
    wait_for_zoom(&app, "200%").await?;
    type_keys(&app, "+").await?;
    wait_for_zoom(&app, "400%").await?;
    app.wait_until("after + + the focus is on a marker or count", in_plane)
        .await?;
    near(last, scores_named(&app.focused_label().await?)?, "End, then + +")?;
    type_keys(&app, "-").await?;
    wait_for_zoom(&app, "200%").await?;
    arrows_to_a_count(&app, Key::Up, Key::Left).await?;
    let count = scores_named(&app.focused_label().await?)?;
    type_keys(&app, "0").await?;
    wait_for_zoom(&app, "100%").await?;
    app.wait_until("after 0 the focus is on a marker or count", in_plane)
        .await?;
    near(
        count,
        scores_named(&app.focused_label().await?)?,
        "a count at 200 %, then 0",
    )?;
    app.quit().await
}

/// With the details open over the chart, the arrows go from marker to marker among those in sight: the focus went to
/// markers and counts behind the details, and the arrows seemed to do nothing.
#[tokio::test]
async fn the_arrows_on_the_chart_skip_the_markers_behind_the_details() -> TestResult {
    use fantoccini::key::Key;

    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Kill").await?;
    app.resize(1024, 768).await?;
    app.click_button("Chart").await?;
    let marker = app
        .wait_for_css("button.marker[aria-label^='Alert on disk usage']")
        .await?;
    // A click (real pointer events: WebDriver's own click focuses what it clicks) leaves the keys on the marker
    // clicked: Right goes on from it.
    let dot = marker
        .find(fantoccini::Locator::Css(".marker-dot"))
        .await?
        .rectangle()
        .await?;
    let centre = (dot.0 + dot.2 / 2.0, dot.1 + dot.3 / 2.0);
    app.drag_between(centre, centre).await?;
    app.press(&[Key::Right]).await?;
    app.wait_until(
        "Right goes from the marker clicked to the next",
        "const a = document.activeElement;
         return a?.matches('.marker') && !a.getAttribute('aria-label').startsWith('Alert on disk usage');",
    )
    .await?;
    marker.click().await?;
    type_keys(&app, "e").await?;
    // E puts the caret in the details' title, once the panel has come: then the keys go back to the marker.
    app.wait_until(
        "the details' title has the focus",
        "return document.activeElement?.classList.contains('title-field') ?? false;",
    )
    .await?;
    let in_sight = "const a = document.activeElement;
        if (!a?.matches('.marker, .plane-cell')) return 'not on the plane: ' + a?.outerHTML.slice(0, 120);
        const r = (a.querySelector('.marker-dot') ?? a).getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top?.closest('.plane') ? 'in sight' : 'behind ' + (top?.closest('aside') ? 'the details' : top?.tagName);";
    app.client
        .execute(
            "document.querySelector(\"button.marker[aria-label^='Alert on disk usage']\").focus();",
            vec![],
        )
        .await?;
    for _ in 0..4 {
        app.press(&[Key::Right]).await?;
        let seen = app.client.execute(in_sight, vec![]).await?;
        assert_eq!(seen, "in sight", "the focus after Right");
    }
    app.quit().await
}
