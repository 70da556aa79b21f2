//! Every screen, checked by axe-core (the standard accessibility engine) inside the real app: no serious or critical
//! violation, in both themes.

use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use pickboard_e2e::{app_processes, App, TestResult};

const JIRA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../src-tauri/tests/fixtures/jira-export.csv"
);

async fn expect_accessible(app: &App, screen: &str, problems: &mut Vec<String>) -> TestResult {
    // Let panels finish sliding and fading in: axe-core measures the colours as they are painted.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    for problem in app.accessibility_problems().await? {
        problems.push(format!("{screen}: {problem}"));
    }
    Ok(())
}

/// Opens a dialog by the buttons named `path` (a menu, then its item), checks it, and closes it with Escape.
async fn check_dialog(app: &App, path: &[&str], screen: &str, problems: &mut Vec<String>) -> TestResult {
    for label in path {
        app.click_button(label).await?;
    }
    app.wait_for_css("[role=dialog]").await?;
    expect_accessible(app, screen, problems).await?;
    app.press(&[Key::Escape]).await?;
    app.wait_until(
        &format!("the {screen} closes"),
        "return !document.querySelector('[role=dialog]');",
    )
    .await
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

        app.click_button("Board ▾").await?;
        app.wait_for_css("[role=menu]").await?;
        expect_accessible(&app, &format!("board menu ({theme})"), &mut problems).await?;
        app.press(&[Key::Escape]).await?;
        let dialogs: [(&[&str], &str); 5] = [
            (&["Board ▾", "Thresholds…"], "thresholds"),
            (&["Board ▾", "Export…"], "export dialog"),
            (&["Board ▾", "Delete…"], "delete confirmation"),
            (&["Keyboard shortcuts"], "shortcuts"),
            (&["Backups…"], "backups"),
        ];
        for (path, screen) in dialogs {
            check_dialog(&app, path, &format!("{screen} ({theme})"), &mut problems).await?;
        }
        app.answer_file_dialogs_with(std::path::Path::new(JIRA))?;
        check_dialog(
            &app,
            &["Board ▾", "Import into this board…"],
            &format!("import preview ({theme})"),
            &mut problems,
        )
        .await?;
        app.click_button("Board ▾").await?;
        app.click_button("Posts").await?;
        app.wait_for_css("aside").await?;
        expect_accessible(&app, &format!("posts ({theme})"), &mut problems).await?;
        app.click_button("Close posts").await?;
    }

    // A narrow window: the sidebar folded, the toolbar's More menu, the details as a drawer over the board.
    app.resize(800, 600).await?;
    expect_accessible(&app, "board (800×600)", &mut problems).await?;
    app.click_button("More ▾").await?;
    app.wait_for_css("[role=menu]").await?;
    expect_accessible(&app, "More menu (800×600)", &mut problems).await?;
    app.press(&[Key::Escape]).await?;
    app.card("Migrate CI runners to arm64").await?.click().await?;
    app.wait_for_css("aside.details").await?;
    expect_accessible(&app, "details (800×600)", &mut problems).await?;
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    app.quit().await
}

/// What has the focus, as a person would see it: the element, and whether a ring shows on it (or on the card of a
/// radio choice, which rings for its radio).
const FOCUS_SHOWN: &str = "const e = document.activeElement;
    if (!e || e === document.body) return { what: 'nothing', ring: false };
    const ringed = (el) => el && getComputedStyle(el).outlineStyle !== 'none' && parseFloat(getComputedStyle(el).outlineWidth) > 0;
    const what = `${e.tagName.toLowerCase()}${e.type ? '[' + e.type + ']' : ''} ${e.getAttribute('aria-label') || e.name || e.className || ''} ${e.value || ''}`.trim();
    return { what, ring: ringed(e) || ringed(e.closest('.destination-option')) };";

/// Issue 14's hurried-user pass: in Post to channel, the first Tab after the dialog opened went to a stop that showed
/// no ring, and only the second showed one.
#[tokio::test]
async fn the_post_dialogs_first_tab_stops_show_where_the_focus_is() -> TestResult {
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    app.click_button("Post to channel").await?;
    app.wait_for_css("[role=dialog] input[type=radio]").await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mut seen = vec![app.client.execute(FOCUS_SHOWN, vec![]).await?];
    for _ in 0..3 {
        app.press(&[Key::Tab]).await?;
        seen.push(app.client.execute(FOCUS_SHOWN, vec![]).await?);
    }
    // It opens with the focus on the choice made (it was nowhere), and each Tab from there shows where it is.
    assert_eq!(
        seen[0]["what"].as_str().map(|w| w.starts_with("input[radio]")),
        Some(true),
        "{seen:?}"
    );
    for stop in &seen[1..] {
        assert_eq!(stop["ring"], true, "each Tab stop shows a ring: {seen:?}");
    }
    // Opened again by the keyboard, on the choice: Up chooses the other one, and the focus goes with it, ringed.
    app.press(&[Key::Escape]).await?;
    app.wait_until(
        "the dialog closes",
        "return !document.querySelector('[role=dialog]');",
    )
    .await?;
    app.client
        .execute(
            "[...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Post to channel').focus();",
            vec![],
        )
        .await?;
    app.press(&[Key::Enter]).await?;
    app.wait_for_css("[role=dialog] input[type=radio]").await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mut choices = vec![app.client.execute(FOCUS_SHOWN, vec![]).await?];
    for _ in 0..2 {
        app.press(&[Key::Up]).await?;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        choices.push(app.client.execute(FOCUS_SHOWN, vec![]).await?);
    }
    for choice in &choices {
        assert_eq!(choice["ring"], true, "each choice shows a ring: {choices:?}");
    }
    app.quit().await
}

/// Accessibility turned on for the session bus (as a screen reader does when it starts), and off again after the test,
/// failed or not: the tests after it run without it, as before.
struct Accessibility;

impl Accessibility {
    fn on() -> TestResult<Accessibility> {
        set_accessibility(true)?;
        Ok(Accessibility)
    }
}

impl Drop for Accessibility {
    fn drop(&mut self) {
        let _ = set_accessibility(false);
    }
}

fn set_accessibility(on: bool) -> TestResult {
    for property in ["IsEnabled", "ScreenReaderEnabled"] {
        let status = Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
                "org.freedesktop.DBus.Properties.Set",
                "string:org.a11y.Status",
                &format!("string:{property}"),
                &format!("variant:boolean:{on}"),
            ])
            .stdout(Stdio::null())
            .status()?;
        if !status.success() {
            return Err(format!("the accessibility bus did not take {property}={on}").into());
        }
    }
    Ok(())
}

/// What a screen reader is told of the app, through AT-SPI (tests/e2e/atspi.py): the text of each element added to a
/// live region. The listener ends with the test, failed or not.
struct Ear {
    listener: Child,
    heard: Receiver<String>,
}

impl Ear {
    /// Listens to the app with process id `pid`, once the listener has asked for the whole tree.
    fn listen(pid: u32) -> TestResult<Ear> {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/e2e/atspi.py");
        let mut listener = Command::new("/usr/bin/python3")
            .args([script, &pid.to_string()])
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("python3 for AT-SPI (python3-pyatspi): {e}"))?;
        let out = listener.stdout.take().ok_or("the listener has no output")?;
        let (tell, heard) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                if tell.send(line).is_err() {
                    break;
                }
            }
        });
        let ear = Ear { listener, heard };
        match ear.heard.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line == "ready" => Ok(ear),
            other => Err(format!("the AT-SPI listener did not start: {other:?}").into()),
        }
    }

    /// Waits until a message containing `words` is heard; returns the message.
    async fn hears(&self, words: &str) -> TestResult<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut heard = Vec::new();
        while Instant::now() < deadline {
            while let Ok(line) = self.heard.try_recv() {
                let text = serde_json::from_str::<serde_json::Value>(&line)?["text"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                if text.contains(words) {
                    return Ok(text);
                }
                heard.push(text);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("a screen reader was not told {words:?}; it was told {heard:?}").into())
    }
}

impl Drop for Ear {
    fn drop(&mut self) {
        let _ = self.listener.kill();
        let _ = self.listener.wait();
    }
}

/// What a screen reader hears, read through the real accessibility bus rather than the page's markup (issue 14's
/// screen-reader pass): WebKitGTK gave a toast's buttons but not its message, and told nothing of a live region whose
/// text changed in place, so a move by the keys and a delete went unsaid.
#[tokio::test]
async fn a_screen_reader_hears_moves_by_the_keys_a_toasts_message_and_a_searchs_count() -> TestResult {
    let _accessibility = Accessibility::on()?;
    let data = tempfile::tempdir()?;
    let app = App::launch(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;
    // Drag and drop comes with the first input, and the board's body is drawn anew then: before the listener asks for
    // the tree, as a screen reader would have by then.
    app.press(&[Key::Shift]).await?;
    app.wait_for_drag_and_drop().await?;
    let pid = *app_processes(data.path()).first().ok_or("no Pickboard process")?;
    let ear = Ear::listen(pid)?;

    let title = "Migrate CI runners to arm64";
    let card = app.card(title).await?;
    app.client
        .execute("arguments[0].focus();", vec![serde_json::to_value(&card)?])
        .await?;
    card.send_keys("4").await?;
    let said = ear.hears(&format!("“{title}” is in Kill, position")).await?;
    assert!(said.ends_with('.'), "{said}");
    // The same words again are said again.
    app.card(title).await?.send_keys("4").await?;
    assert_eq!(ear.hears(&said).await?, said);

    app.press(&[Key::Delete]).await?;
    ear.hears(&format!("Deleted “{title}”")).await?;

    // A search's first count is said too.
    let search = app.wait_for_css("input[aria-label='Search ideas']").await?;
    search.send_keys("arm").await?;
    ear.hears("match").await?;
    app.quit().await
}
