//! Every screen, checked by axe-core (the standard accessibility engine) inside the real app: no serious or critical
//! violation, in both themes.

use fantoccini::key::Key;
use pickboard_e2e::{App, TestResult};

/// Rules not yet met, open in issue 13 (item 9): cards whose accessible name is their title only, while they show an
/// owner, scores and tags too. Every other serious or critical rule is held here.
const KNOWN_GAPS: &[&str] = &["label-content-name-mismatch"];

async fn expect_accessible(app: &App, screen: &str, problems: &mut Vec<String>) -> TestResult {
    // Let panels finish sliding and fading in: axe-core measures the colours as they are painted.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    for problem in app.accessibility_problems().await? {
        if !KNOWN_GAPS
            .iter()
            .any(|rule| problem.starts_with(&format!("{rule}:")))
        {
            problems.push(format!("{screen}: {problem}"));
        }
    }
    Ok(())
}

#[tokio::test]
async fn every_screen_passes_axe_core_in_both_themes() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    let mut problems = Vec::new();
    expect_accessible(&app, "welcome", &mut problems).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    for theme in ["light", "dark"] {
        app.set_theme(theme).await?;
        expect_accessible(&app, &format!("board ({theme})"), &mut problems).await?;
        app.card("Migrate CI runners to arm64").await?.click().await?;
        app.wait_for_css("aside.details").await?;
        expect_accessible(&app, &format!("details ({theme})"), &mut problems).await?;
        app.press(&[Key::Escape]).await?;
        app.wait_until(
            "the details close",
            "return !document.querySelector('aside.details');",
        )
        .await?;
        app.click_button("Chart").await?;
        app.wait_for_css(".plane .marker").await?;
        expect_accessible(&app, &format!("chart ({theme})"), &mut problems).await?;
        app.click_button("Quadrants").await?;
        app.click_button("Post to channel").await?;
        app.wait_for_css("[role=dialog]").await?;
        expect_accessible(&app, &format!("post dialog ({theme})"), &mut problems).await?;
        app.click_button("Cancel").await?;
        app.wait_until(
            "the dialog closes",
            "return !document.querySelector('[role=dialog]');",
        )
        .await?;
        app.click_button("Activity").await?;
        app.wait_for_css("aside").await?;
        expect_accessible(&app, &format!("activity ({theme})"), &mut problems).await?;
        app.click_button("Activity").await?;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    app.quit().await
}
