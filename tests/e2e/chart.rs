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
