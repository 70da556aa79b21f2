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
    let mut press = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: start.0,
            y: start.1,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for i in 1..=20 {
        let t = f64::from(i) / 20.0;
        press = press.then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(16)),
            x: start.0 + (target.0 - start.0) * t,
            y: start.1 + (target.1 - start.1) * t,
        });
    }
    app.client.perform_actions(press).await?;
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

/// Titles on the chart stay inside the plane, never cover a dot, another title or a quadrant name; a marker at
/// payoff 10 keeps its title whole; every marker of a spread-out stack can be grabbed at its dot.
#[tokio::test]
async fn chart_titles_stay_inside_and_never_cover_a_marker() -> TestResult {
    use pickboard_lib::domain::{Score, Zone};
    use pickboard_lib::edits;
    use pickboard_lib::storage::{boards, Db, DB_FILE_NAME};

    let data = tempfile::tempdir()?;
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Crowded")?.id;
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
            for (n, (payoff, cost)) in spots.into_iter().enumerate() {
                let idea = edits::add_idea(
                    tx,
                    board,
                    &format!("Idea number {n} with a longer title"),
                    Zone::Unsorted,
                )?;
                edits::set_scores(
                    tx,
                    idea.id,
                    Score::from_tenths(payoff)?,
                    Score::from_tenths(cost)?,
                )?;
            }
            Ok(())
        })?;
    }
    let app = App::launch(data.path()).await?;
    app.click_button("Chart").await?;
    app.wait_for_css(".plane .marker").await?;
    // Spread the stack out, then measure.
    app.wait_for_css(".marker-stack").await?.click().await?;
    app.wait_until(
        "the stack is spread",
        "return !document.querySelector('.marker-stack');",
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot("chart-titles.png").await?;
    let verdict = app
        .client
        .execute(
            r#"
            const plane = document.querySelector('.plane').getBoundingClientRect();
            const rect = (e) => e.getBoundingClientRect();
            const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            const labels = [...document.querySelectorAll('.plane .marker-label')]
              .filter((l) => getComputedStyle(l).display !== 'none').map(rect);
            const dots = [...document.querySelectorAll('.plane .marker-dot')].map(rect);
            const names = [...document.querySelectorAll('.plane-quadrant-name')].map(rect);
            const problems = [];
            labels.forEach((l, i) => {
              if (l.left < plane.left - 0.5 || l.top < plane.top - 0.5 || l.right > plane.right + 0.5 || l.bottom > plane.bottom + 0.5)
                problems.push(`title ${i} leaves the plane`);
              if (dots.some((d) => hit(l, d))) problems.push(`title ${i} covers a dot`);
              if (labels.some((o, j) => j !== i && hit(l, o))) problems.push(`title ${i} covers a title`);
              if (names.some((n) => hit(l, n))) problems.push(`title ${i} covers a quadrant name`);
            });
            // Every dot can be grabbed where it is drawn.
            document.querySelectorAll('.plane .marker').forEach((m, i) => {
              const d = rect(m.querySelector('.marker-dot'));
              // Its centre, or just inside the plane for a dot on the plane's edge.
              const x = Math.min(Math.max(d.left + d.width / 2, plane.left + 3), plane.right - 3);
              const y = Math.min(Math.max(d.top + d.height / 2, plane.top + 3), plane.bottom - 3);
              const at = document.elementFromPoint(x, y);
              if (!m.contains(at)) problems.push(`marker ${i} is covered by ${at?.className}`);
            });
            return { problems, shown: labels.length, markers: dots.length };
            "#,
            vec![],
        )
        .await?;
    assert_eq!(verdict["problems"], serde_json::json!([]), "{verdict}");
    assert_eq!(verdict["markers"], 14, "{verdict}");
    assert!(
        verdict["shown"].as_u64().unwrap_or_default() >= 8,
        "most titles have room: {verdict}"
    );
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

/// Moved by the keyboard in the chart view, an idea shows where it will land before it is dropped: a card from the
/// Unsorted tray (Space, arrows) gets the ghost marker with its scores in the middle of the quadrant it is over, and
/// lands there; a marker nudged with the arrow keys shows its new scores where it stands and is saved there.
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

    // A marker nudged up with the arrow key shows its new scores where it stands until it is saved there (half a
    // second later: what showed is recorded as it shows).
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
    app.press(&[Key::Up]).await?;
    app.wait_until(
        "the nudged marker showed its new scores",
        "return window.__shown.includes('P 3.1 · C 3');",
    )
    .await?;
    wait_for_scores(data.path(), marker_title, |p, c| (p, c) == (31, 30)).await?;
    app.quit().await
}
