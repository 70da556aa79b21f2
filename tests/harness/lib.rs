//! Drives the real Pickboard binary through `tauri-driver` and WebKitWebDriver, for the end-to-end tests.
//!
//! Needs: the app built with its UI embedded and the `e2e-hooks` feature (`cargo build -p pickboard --features
//! e2e-hooks`: `target/debug/pickboard`, or `PICKBOARD_BIN`), `tauri-driver` and
//! `WebKitWebDriver` on the PATH, and an X display (run under `xvfb-run`). The test command in the README sets all
//! of this up.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT,
};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tokio::process::{Child, Command};

/// The one fake Mattermost server, shared with the backend's own tests.
pub use fake_mattermost as mattermost;

pub mod disk;

/// True once @dnd-kit's instructions for the cards are in the page.
const DRAG_AND_DROP_LOADED: &str = "return document.querySelector('[id^=\"DndDescribedBy\"]') !== null;";

pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The zones of a board, by the accessible names the UI promises.
pub const ZONES: [&str; 5] = ["Unsorted", "Implement", "Challenge", "Possible", "Kill"];

/// The app binary under test.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("PICKBOARD_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
            target.join("debug/pickboard")
        });
    assert!(
        path.is_file(),
        "{} is missing: build the app with its UI first (`bash scripts/test.sh` does it)",
        path.display()
    );
    path.canonicalize().expect("the app binary's path")
}

/// Where tests leave screenshots for people to look at.
pub fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    std::fs::create_dir_all(&dir).expect("create tests/artifacts");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The app has started: React's own frame (not the first frame drawn before it, which `#root` marks with
/// `data-first-frame` until React's answers), or the screen that says why the database could not be opened.
const APP_READY: &str = "#root:not([data-first-frame]) .app, .error-screen";

/// A running Pickboard window and the WebDriver session that controls it.
pub struct App {
    pub client: Client,
    driver: Child,
    stopped: bool,
    /// When the session that starts the app was requested (wall clock), for start-up measurements.
    pub launched_at: std::time::SystemTime,
    data_dir: PathBuf,
    /// The driver's and the app's output (stdout and stderr).
    pub log: PathBuf,
    /// Where the app's file dialogs read their answer (see `PICKBOARD_E2E_DIALOG_ANSWER` in src-tauri/src/dialogs.rs).
    dialog_answer: PathBuf,
}

impl Drop for App {
    /// A test that fails part way still stops the driver, which closes the window.
    fn drop(&mut self) {
        if !self.stopped {
            if let Some(pid) = self.driver.id() {
                let _ = std::process::Command::new("kill")
                    .args(["-TERM", &pid.to_string()])
                    .status();
            }
            for pid in app_processes(&self.data_dir) {
                let _ = std::process::Command::new("kill")
                    .args(["-TERM", &pid.to_string()])
                    .status();
            }
        }
    }
}

impl App {
    /// Starts the app on `data_dir` (through `PICKBOARD_DATA_DIR`) and waits until its UI has started.
    pub async fn launch(data_dir: &Path) -> TestResult<App> {
        App::launch_binary(&app_binary(), data_dir, APP_READY).await
    }

    /// Starts `binary` (Pickboard, or the benchmarks' bare window) and waits until `ready_css` shows.
    pub async fn launch_binary(binary: &Path, data_dir: &Path, ready_css: &str) -> TestResult<App> {
        App::launch_binary_with(binary, data_dir, ready_css, &[]).await
    }

    /// Starts the app on `data_dir` without a D-Bus session bus (as on minimal desktops and remote sessions), where
    /// a second launch cannot find the first through single instance.
    pub async fn launch_without_dbus(data_dir: &Path) -> TestResult<App> {
        App::launch_binary_with(
            &app_binary(),
            data_dir,
            APP_READY,
            &[("DBUS_SESSION_BUS_ADDRESS", None)],
        )
        .await
    }

    /// Starts the app on `data_dir` with the variables `vars` set in its environment (e.g. a GTK theme).
    pub async fn launch_with(data_dir: &Path, vars: &[(&str, &str)]) -> TestResult<App> {
        let vars: Vec<(&str, Option<&str>)> = vars.iter().map(|&(name, value)| (name, Some(value))).collect();
        App::launch_binary_with(&app_binary(), data_dir, APP_READY, &vars).await
    }

    /// Starts `binary` with the variables `vars` set in its environment, or taken out of it (`None`).
    ///
    /// A window that does not answer the session within half a minute (a normal launch takes 1–3 s) is described on
    /// stderr and in the artifacts, stopped, and launched once more; a second silence fails with both descriptions.
    async fn launch_binary_with(
        binary: &Path,
        data_dir: &Path,
        ready_css: &str,
        vars: &[(&str, Option<&str>)],
    ) -> TestResult<App> {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no X display: run the end-to-end tests under xvfb-run"
        );
        let app = match App::start(binary, data_dir, vars, Duration::from_secs(30)).await? {
            Launch::Opened(app) => *app,
            Launch::Silent(first) => {
                let note = artifacts_dir().join(format!("silent-launch-{}.txt", std::process::id()));
                let _ = std::fs::write(&note, &first);
                eprintln!(
                    "the app did not open its window within 30 s; launching it once more. What ran:\n{first}"
                );
                match App::start(binary, data_dir, vars, Duration::from_secs(60)).await? {
                    Launch::Opened(app) => *app,
                    Launch::Silent(second) => {
                        return Err(format!(
                            "the app did not open its window, twice.\nFirst launch:\n{first}\nSecond launch:\n{second}"
                        )
                        .into())
                    }
                }
            }
        };
        app.wait_for_css(ready_css).await?;
        Ok(app)
    }

    /// Starts the driver, which starts `binary`, and waits up to `patience` for the window to answer the session.
    async fn start(
        binary: &Path,
        data_dir: &Path,
        vars: &[(&str, Option<&str>)],
        patience: Duration,
    ) -> TestResult<Launch> {
        let port = free_port();
        // The driver's and the app's output go to a log beside the screenshots, never to the test's own pipes
        // (a process left behind would hold those open).
        let log_path = artifacts_dir().join(format!("tauri-driver-{port}.log"));
        let log = std::fs::File::create(&log_path)?;
        let dialog_answer = artifacts_dir().join(format!("dialog-answer-{port}.txt"));
        std::fs::write(&dialog_answer, "")?;
        let mut native_port = free_port();
        while native_port == port {
            native_port = free_port();
        }
        let mut command = Command::new("tauri-driver");
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("PICKBOARD_DATA_DIR", data_dir)
            .env("PICKBOARD_E2E_DIALOG_ANSWER", &dialog_answer)
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        for &(name, value) in vars {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            };
        }
        let mut driver = command
            .spawn()
            .map_err(|e| format!("cannot start tauri-driver (cargo install tauri-driver --locked): {e}"))?;

        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("tauri-driver did not start listening within 20 s".into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({ "application": binary }));
        // tauri-driver may listen before the WebKitWebDriver behind it does: a refused session is asked again.
        let mut attempts = 0;
        let (client, launched_at) = loop {
            let launched_at = std::time::SystemTime::now();
            // An app that dies or hangs as it starts leaves the session request unanswered.
            let mut builder = ClientBuilder::rustls()?;
            builder.capabilities(caps.clone());
            let url = format!("http://127.0.0.1:{port}");
            let Ok(session) = tokio::time::timeout(patience, builder.connect(&url)).await else {
                let description = describe_launch(data_dir, &log_path);
                stop_driver(&mut driver).await;
                stop_app(data_dir).await;
                return Ok(Launch::Silent(description));
            };
            match session {
                Ok(client) => break (client, launched_at),
                Err(_) if attempts < 20 => {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e) => return Err(e.into()),
            }
        };
        Ok(Launch::Opened(Box::new(App {
            client,
            driver,
            stopped: false,
            launched_at,
            data_dir: data_dir.to_owned(),
            log: log_path,
            dialog_answer,
        })))
    }

    /// Ends the session (which closes the window) and stops the driver.
    pub async fn quit(self) -> TestResult {
        self.client.clone().close().await?;
        self.stop().await
    }

    /// Presses Ctrl+Q with one change not saved yet, and waits for Pickboard to ask instead of quitting.
    pub async fn quit_asks_about_one_unsaved_change(&self) -> TestResult {
        self.press_key_through_x("ctrl+q")?;
        self.wait_until_within(
            Duration::from_secs(8),
            "Ctrl+Q asks about the change not saved",
            "return [...document.querySelectorAll('[role=dialog]')].some(d => d.textContent.includes('1 change is not saved yet'));",
        )
        .await
    }

    /// Stops the driver and the app without ending the session first: for a session the driver has ended already
    /// (when the page's web process ended, WebKit's driver deletes the session).
    pub async fn stop(mut self) -> TestResult {
        if let Some(pid) = self.driver.id() {
            // SIGTERM lets tauri-driver stop WebKitWebDriver too; SIGKILL would orphan it.
            Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .await?;
        }
        tokio::time::timeout(Duration::from_secs(10), self.driver.wait()).await??;
        self.stopped = true;
        // Closing the session closes the webview, not always the app: stop what is left, as a user quitting would,
        // and wait until it has gone, so that the next launch on the same folder starts afresh instead of handing
        // over to it (single instance).
        for pid in app_processes(&self.data_dir) {
            Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .await?;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = app_processes(&self.data_dir);
            if left.is_empty() {
                break;
            }
            if Instant::now() > deadline {
                return Err(format!("the app did not exit within 10 s of being asked to: {left:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(())
    }

    pub async fn wait_for_css(&self, css: &str) -> TestResult<Element> {
        let found = self
            .client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::Css(css))
            .await;
        Ok(found.map_err(|e| format!("waiting for `{css}`: {e}"))?)
    }

    /// The text `css`'s element shows, once it is there and has finished its own animations: WebDriver reads no
    /// text from an element still fading in (a side panel slides in from opacity 0).
    pub async fn shown_text(&self, css: &str) -> TestResult<String> {
        let element = self.wait_for_css(css).await?;
        self.wait_until(
            &format!("`{css}` to finish its animations"),
            &format!(
                "const e = document.querySelector({}); return !!e && e.getAnimations().length === 0;",
                serde_json::to_string(css)?
            ),
        )
        .await?;
        Ok(element.text().await?)
    }

    /// The first element `xpath` finds, once it shows (up to 15 s).
    pub async fn wait_for_xpath(&self, xpath: &str) -> TestResult<Element> {
        let found = self
            .client
            .wait()
            .at_most(Duration::from_secs(15))
            .for_element(Locator::XPath(xpath))
            .await;
        Ok(found.map_err(|e| format!("waiting for `{xpath}`: {e}"))?)
    }

    /// Waits until `script` (the body of a function) returns true, for up to 10 s.
    pub async fn wait_until(&self, what: &str, script: &str) -> TestResult {
        self.wait_until_within(Duration::from_secs(10), what, script)
            .await
    }

    /// Waits until `script` (the body of a function) returns true, for up to `limit`.
    pub async fn wait_until_within(&self, limit: Duration, what: &str, script: &str) -> TestResult {
        let deadline = Instant::now() + limit;
        loop {
            if self.client.execute(script, vec![]).await? == Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                // What the window showed, to see why.
                let name: String = what
                    .chars()
                    .map(|c| if c.is_alphanumeric() { c } else { '-' })
                    .collect();
                let _ = self.screenshot(&format!("timed-out-{name}.png")).await;
                return Err(format!("timed out waiting until {what}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The next file dialogs choose `path` (the user picking it in the native dialog).
    pub fn answer_file_dialogs_with(&self, path: &Path) -> TestResult {
        std::fs::write(&self.dialog_answer, path.display().to_string())?;
        Ok(())
    }

    /// Chooses the option labelled `option` in the `<select>` labelled `label`, as picking it from the list does
    /// (WebKitWebDriver cannot click an option of a closed list).
    pub async fn choose(&self, label: &str, option: &str) -> TestResult {
        let chosen = self
            .client
            .execute(
                "const [label, option] = arguments;
                 const select = [...document.querySelectorAll('select')].find(s => s.getAttribute('aria-label') === label);
                 const found = select && [...select.options].find(o => o.textContent.trim() === option);
                 if (!found) return false;
                 select.value = found.value;
                 select.dispatchEvent(new Event('change', { bubbles: true }));
                 return true;",
                vec![json!(label), json!(option)],
            )
            .await?;
        if chosen != Value::Bool(true) {
            return Err(format!("no option “{option}” in the list “{label}”").into());
        }
        Ok(())
    }

    /// Runs axe-core (the standard accessibility engine, from the UI's npm packages) on the page as it is now, and
    /// returns its serious and critical violations: `rule: target (summary)` per offending element.
    pub async fn accessibility_problems(&self) -> TestResult<Vec<String>> {
        let axe =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&axe)
            .map_err(|e| format!("axe-core is missing ({e}): run `npm install` in ui/"))?;
        self.client
            // On lines of their own: a comment on the source's last line must not swallow the closing brace.
            .execute(
                &format!("if (!window.axe) {{\n{source}\n}}\nreturn true;"),
                vec![],
            )
            .await?;
        // Started here and collected by polling: the driver's asynchronous scripts do not carry axe's promise.
        self.client
            .execute(
                r#"
                window.__axeResult = null;
                axe.run(document, { resultTypes: ["violations"] }).then(
                  (r) => { window.__axeResult = r.violations
                    .filter((v) => v.impact === "serious" || v.impact === "critical")
                    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary.replace(/\s+/g, " ").slice(0, 160)})`)); },
                  (e) => { window.__axeResult = [`axe failed: ${e}`]; });
                return true;
                "#,
                vec![],
            )
            .await?;
        let deadline = Instant::now() + Duration::from_secs(30);
        let found = loop {
            let result = self.client.execute("return window.__axeResult;", vec![]).await?;
            if !result.is_null() {
                break result;
            }
            if Instant::now() > deadline {
                return Err("axe-core did not finish within 30 s".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        Ok(serde_json::from_value(found)?)
    }

    /// The button named `label` (by its text or, for an icon, its label), once it shows.
    pub async fn find_button(&self, label: &str) -> TestResult<Element> {
        let xpath = button_xpath(label);
        Ok(self.client.wait().for_element(Locator::XPath(&xpath)).await?)
    }

    /// Clicks the button named `label` (by its text or, for an icon, its label), once it shows.
    pub async fn click_button(&self, label: &str) -> TestResult {
        let xpath = button_xpath(label);
        let button = self.client.wait().for_element(Locator::XPath(&xpath)).await?;
        still(&button).await?;
        button.click().await?;
        Ok(())
    }

    /// The titles of the cards in each zone, in order, as the UI shows them (a card's accessible name is its title).
    pub async fn zones(&self) -> TestResult<Vec<(String, Vec<String>)>> {
        let value = self
            .client
            .execute(
                r#"return arguments[0].map(name => {
                       const region = document.querySelector(`section[aria-label="${name}"]`);
                       const cards = region ? [...region.querySelectorAll('[aria-roledescription="idea"]')] : [];
                       return [name, cards.map(c => c.querySelector('.card-title').textContent)];
                   });"#,
                vec![json!(ZONES)],
            )
            .await?;
        Ok(serde_json::from_value(value)?)
    }

    pub async fn titles_in(&self, zone: &str) -> TestResult<Vec<String>> {
        let zones = self.zones().await?;
        Ok(zones
            .into_iter()
            .find(|(name, _)| name == zone)
            .map(|(_, titles)| titles)
            .unwrap_or_default())
    }

    /// Waits until `zone` shows exactly `titles`, in order.
    pub async fn expect_titles(&self, zone: &str, titles: &[&str]) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let shown = self.titles_in(zone).await?;
            if shown == titles {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("{zone} shows {shown:?}, expected {titles:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Picks a theme in the sidebar and waits until the page shows it.
    pub async fn set_theme(&self, theme: &str) -> TestResult {
        self.client
            .find(Locator::Css(&format!("input[name=theme][value={theme}]")))
            .await?
            .click()
            .await?;
        self.wait_until(
            &format!("the {theme} theme is on"),
            &format!("return document.documentElement.dataset.theme === '{theme}';"),
        )
        .await?;
        // Let the new colours paint before a screenshot.
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok(())
    }

    /// Waits until `zone` shows a card titled `title`, wherever it is in the list.
    pub async fn wait_for_card_in(&self, zone: &str, title: &str) -> TestResult {
        let script = format!(
            "return [...document.querySelectorAll('section[aria-label={}] [aria-roledescription=\"idea\"]')]
                 .some(c => c.querySelector('.card-title').textContent === {});",
            serde_json::to_string(zone)?,
            serde_json::to_string(title)?
        );
        self.wait_until(&format!("{zone} shows {title:?}"), &script).await
    }

    /// Whether drag and drop is loaded: it comes with the first input (ui/src/features/board/BoardDrag.tsx), and the
    /// board's body is drawn anew then, so that elements found before it are gone.
    pub async fn drag_and_drop_loaded(&self) -> TestResult<bool> {
        let loaded = self.client.execute(DRAG_AND_DROP_LOADED, vec![]).await?;
        Ok(loaded.as_bool().unwrap_or(false))
    }

    /// Waits until drag and drop is loaded (see `drag_and_drop_loaded`).
    pub async fn wait_for_drag_and_drop(&self) -> TestResult {
        self.wait_until("drag and drop is loaded", DRAG_AND_DROP_LOADED)
            .await
    }

    /// The card titled `title`, once it shows.
    pub async fn card(&self, title: &str) -> TestResult<Element> {
        let xpath = format!(
            "//*[@aria-roledescription='idea'][*[contains(concat(' ', @class, ' '), ' card-title ')][.={}]]",
            xpath_literal(title)
        );
        Ok(self.client.wait().for_element(Locator::XPath(&xpath)).await?)
    }

    pub async fn region(&self, name: &str) -> TestResult<Element> {
        self.wait_for_css(&format!("section[aria-label={}]", css_string(name)))
            .await
    }

    /// Clicks the "New idea" field, types into it and presses Enter. When the click is the window's first input, the
    /// board's body is drawn anew as drag and drop arrives (`drag_and_drop_loaded`): the field is found again then.
    pub async fn add_idea(&self, title: &str) -> TestResult {
        let new_idea = Locator::XPath("//input[@id=//label[normalize-space()='New idea']/@for]");
        let mut field = self.client.wait().for_element(new_idea).await?;
        if !self.drag_and_drop_loaded().await? {
            field.click().await?;
            self.wait_for_drag_and_drop().await?;
            field = self.client.wait().for_element(new_idea).await?;
        }
        field
            .send_keys(&format!("{title}{}", char::from(Key::Enter)))
            .await?;
        self.card(title).await?;
        Ok(())
    }

    /// Drags with real pointer events, as a person does: press on `from`, start moving towards `to`, move onto `to`
    /// (offset from its centre by `dy` pixels), release.
    pub async fn drag(&self, from: &Element, to: &Element, dy: f64) -> TestResult {
        let step = Duration::from_millis(50);
        let centre = |(x, y, w, h): (f64, f64, f64, f64)| (x + w / 2.0, y + h / 2.0 + dy);
        let (fx, fy) = centre(from.rectangle().await?);
        let (tx, ty) = centre(to.rectangle().await?);
        let length = (tx - fx).hypot(ty - fy).max(1.0);
        let (ux, uy) = ((tx - fx) / length, (ty - fy) / length);
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: from.clone(),
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveBy {
                duration: Some(step),
                x: 6.0 * ux,
                y: 6.0 * uy,
            })
            .then(PointerAction::MoveBy {
                duration: Some(step),
                x: 10.0 * ux,
                y: 10.0 * uy,
            })
            .then(PointerAction::MoveToElement {
                element: to.clone(),
                duration: Some(Duration::from_millis(250)),
                x: 0.0,
                y: dy,
            })
            // A last small move, relative: the target itself may have slid aside to make room by now.
            .then(PointerAction::MoveBy {
                duration: Some(step),
                x: 1.0,
                y: 0.0,
            })
            .pause(Duration::from_millis(150))
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(mouse).await?;
        self.client.release_actions().await?;
        Ok(())
    }

    /// Drags `from` with real pointer events and releases it at viewport point (`x`, `y`): grabbed near its left
    /// edge, moved as a person's drag (many small moves, so the app sees the marker travel), held a moment, dropped.
    pub async fn drag_to(&self, from: &Element, x: f64, y: f64) -> TestResult {
        let (fx, fy, _, fh) = from.rectangle().await?;
        self.pointer_drag(
            (fx + 7.0, fy + fh / 2.0),
            &[(x, y)],
            20,
            Duration::from_millis(100),
        )
        .await
    }

    /// Presses at viewport point `from` and drags with real pointer events to `to`, where it releases.
    pub async fn drag_between(&self, from: (f64, f64), to: (f64, f64)) -> TestResult {
        self.pointer_drag(from, &[to], 20, Duration::from_millis(100))
            .await
    }

    /// Drags `from` with real pointer events through the viewport points of `path`, in `steps` moves of one frame
    /// each per leg, and releases it at the last point.
    pub async fn drag_path(&self, from: &Element, path: &[(f64, f64)], steps: u32) -> TestResult {
        let (fx, fy, fw, fh) = from.rectangle().await?;
        self.pointer_drag((fx + fw / 2.0, fy + fh / 2.0), path, steps, Duration::ZERO)
            .await
    }

    /// Presses at `start`, moves through `path` in `steps` frames per leg, waits `hold`, releases.
    async fn pointer_drag(
        &self,
        start: (f64, f64),
        path: &[(f64, f64)],
        steps: u32,
        hold: Duration,
    ) -> TestResult {
        let (mut x0, mut y0) = start;
        let mut mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: x0,
                y: y0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            });
        for &(x1, y1) in path {
            for i in 1..=steps {
                let t = f64::from(i) / f64::from(steps);
                mouse = mouse.then(PointerAction::MoveTo {
                    duration: Some(Duration::from_millis(16)),
                    x: x0 + (x1 - x0) * t,
                    y: y0 + (y1 - y0) * t,
                });
            }
            (x0, y0) = (x1, y1);
        }
        if !hold.is_zero() {
            mouse = mouse.pause(hold);
        }
        let mouse = mouse.then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
        self.client.perform_actions(mouse).await?;
        self.client.release_actions().await?;
        Ok(())
    }

    /// Presses `key` while holding Control.
    pub async fn press_ctrl(&self, key: char) -> TestResult {
        self.press_holding(Key::Control, key).await
    }

    /// Presses `key` while holding `modifier` (Shift+Tab: `press_holding(Key::Shift, Key::Tab.into())`).
    pub async fn press_holding(&self, modifier: Key, key: char) -> TestResult {
        let held = char::from(modifier);
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: held })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: held })
            .pause(Duration::from_millis(80));
        self.client.perform_actions(actions).await?;
        Ok(())
    }

    /// Presses keys one after another, with a short pause between them as a person would.
    pub async fn press(&self, keys: &[Key]) -> TestResult {
        let mut actions = KeyActions::new("keyboard".into());
        for key in keys {
            let value = char::from(*key);
            actions = actions
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value })
                .then(KeyAction::Pause {
                    duration: Duration::from_millis(120),
                });
        }
        self.client.perform_actions(actions).await?;
        Ok(())
    }

    /// The accessible name of the focused element.
    /// The accessible name of what has the focus: its label, or for a card its title. A focus that is on its way
    /// (a card drawn anew in another list gets it back a frame later) is waited for, a moment.
    pub async fn focused_label(&self) -> TestResult<String> {
        let script = "const e = document.activeElement;
             if (!e || e === document.body) return null;
             return e.getAttribute('aria-label') || e.querySelector(':scope > .card-title')?.textContent || '';";
        let deadline = Instant::now() + Duration::from_secs(2);
        loop {
            let value = self.client.execute(script, vec![]).await?;
            if let Some(label) = value.as_str() {
                return Ok(label.to_owned());
            }
            if Instant::now() > deadline {
                return Ok(String::new());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The app window's X window, for what WebKitWebDriver cannot do while WebKit's compositing is off (Pickboard's
    /// default on Linux): its resize and its screenshot wait for a kind of frame that mode does not send, and never
    /// return on a page where nothing changes.
    fn x_window(&self) -> TestResult<String> {
        let pid = app_processes(&self.data_dir)
            .into_iter()
            .next()
            .ok_or("the app's process is not running")?;
        let search = std::process::Command::new("xdotool")
            .args(["search", "--onlyvisible", "--pid", &pid.to_string()])
            .output()?;
        let windows = String::from_utf8_lossy(&search.stdout).into_owned();
        Ok(windows
            .lines()
            .last()
            .ok_or_else(|| format!("no visible X window of process {pid}"))?
            .to_owned())
    }

    /// Waits until the window's title, as the window system shows it (the task bar, Alt+Tab), is `expected`.
    pub async fn wait_for_window_title(&self, expected: &str) -> TestResult {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let window = self.x_window()?;
            let name = std::process::Command::new("xdotool")
                .args(["getwindowname", &window])
                .output()?;
            let title = String::from_utf8_lossy(&name.stdout).trim_end().to_owned();
            if title == expected {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("the window's title is {title:?}, not {expected:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Resizes the window to `width` × `height` as a window manager does, through X, and waits until the page has
    /// the new size.
    pub async fn resize(&self, width: u32, height: u32) -> TestResult {
        self.resize_zoomed(width, height, 1.0).await
    }

    /// [`App::resize`] for a page zoomed by `zoom` (a desktop's large text): the page is `zoom` times smaller than
    /// the window.
    pub async fn resize_zoomed(&self, width: u32, height: u32, zoom: f64) -> TestResult {
        let window = self.x_window()?;
        x_tool(
            "xdotool",
            &["windowsize", &window, &width.to_string(), &height.to_string()],
        )?;
        // The page has the window's width, and its height less the menu bar's (on Linux).
        self.wait_until(
            &format!("the page to take the {width}×{height} window"),
            &format!(
                "const [w, h] = [innerWidth * {zoom}, innerHeight * {zoom}];
                 return Math.abs(w - {width}) < 2 && h <= {height} + 1 && h + 60 * {zoom} >= {height};"
            ),
        )
        .await?;
        // Let the new layout paint before anything is measured or captured.
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok(())
    }

    /// Presses `key` (an X key name, e.g. `Return`) in the window through X, as a person does: for a page that
    /// WebKit's driver no longer holds, such as one loaded after the web process ended.
    pub fn press_key_through_x(&self, key: &str) -> TestResult {
        let window = self.x_window()?;
        x_tool("xdotool", &["windowfocus", "--sync", &window, "key", key])
    }

    /// Types `text` in the window through X, fast (20 ms a key), as a person does, and presses `key` right after.
    pub fn type_then_press_through_x(&self, text: &str, key: &str) -> TestResult {
        let window = self.x_window()?;
        // Two runs: `type` takes every word after it as text to type.
        x_tool(
            "xdotool",
            &["windowfocus", "--sync", &window, "type", "--delay", "20", text],
        )?;
        x_tool("xdotool", &["key", key])
    }

    pub async fn screenshot(&self, name: &str) -> TestResult<PathBuf> {
        // What X shows of the window, menu bar included. It is raised first (two app windows may lie on each
        // other), and the last change and the raise are given time to paint.
        let window = self.x_window()?;
        let _ = std::process::Command::new("xdotool")
            .args(["windowraise", &window])
            .status();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let path = artifacts_dir().join(name);
        x_tool("import", &["-window", &window, &path.to_string_lossy()])?;
        Ok(path)
    }
}

/// Runs an X tool (xdotool, ImageMagick's import) to its end; an error names it and its arguments when it fails.
fn x_tool(program: &str, args: &[&str]) -> TestResult {
    let status = std::process::Command::new(program).args(args).status()?;
    if !status.success() {
        return Err(format!("`{program} {}` failed: {status}", args.join(" ")).into());
    }
    Ok(())
}

/// Every process whose environment names `data_dir` in `PICKBOARD_DATA_DIR` (the drivers, the app and the helpers
/// it starts), with its command name.
pub fn processes_on(data_dir: &Path) -> Vec<(u32, String)> {
    let wanted = format!("PICKBOARD_DATA_DIR={}", data_dir.display());
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if environ.split(|b| *b == 0).any(|v| v == wanted.as_bytes()) {
            let comm = std::fs::read_to_string(entry.path().join("comm")).unwrap_or_default();
            found.push((pid, comm.trim().to_owned()));
        }
    }
    found
}

/// Waits, for up to `limit`, until no Pickboard runs on `data_dir` any more (it quit by itself); fails with `why`
/// otherwise.
pub async fn wait_until_gone(data_dir: &Path, limit: Duration, why: &str) -> TestResult {
    let deadline = Instant::now() + limit;
    while !app_processes(data_dir).is_empty() {
        if Instant::now() > deadline {
            return Err(why.into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// The app's own processes on `data_dir`: its binary only, since helpers it starts (WebKit's processes, the
/// accessibility bus) carry the variable too, and some outlive the window.
pub fn app_processes(data_dir: &Path) -> Vec<u32> {
    processes_on(data_dir)
        .into_iter()
        .filter(|(_, comm)| matches!(comm.as_str(), "pickboard" | "bare-window"))
        .map(|(pid, _)| pid)
        .collect()
}

/// WebKit's web processes on `data_dir`: those that draw the page and run its scripts.
pub fn web_processes(data_dir: &Path) -> Vec<u32> {
    processes_on(data_dir)
        .into_iter()
        .filter(|(_, comm)| comm.starts_with("WebKitWebProc"))
        .map(|(pid, _)| pid)
        .collect()
}

/// How a launch went: a window answered the session, or nothing answered and this describes what was running.
enum Launch {
    Opened(Box<App>),
    Silent(String),
}

/// Every process on `data_dir` (the driver, WebKitWebDriver, the app, WebKit's processes) with its state and where
/// it waits, each of the app's threads likewise, and the end of the driver's and the app's output.
fn describe_launch(data_dir: &Path, log: &Path) -> String {
    let proc_line = |dir: &Path| {
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        let stat = read("stat");
        // The state follows the command name, which is in parentheses and may hold spaces.
        let state = stat.rsplit_once(") ").map_or("?", |(_, rest)| &rest[..1]);
        format!(
            "{} state {state}, waiting in {}",
            read("comm").trim(),
            read("wchan").trim()
        )
    };
    let mut text = String::new();
    for (pid, comm) in processes_on(data_dir) {
        let dir = PathBuf::from(format!("/proc/{pid}"));
        text.push_str(&format!("  {pid} {}\n", proc_line(&dir)));
        if matches!(comm.as_str(), "pickboard" | "bare-window") {
            for task in std::fs::read_dir(dir.join("task"))
                .into_iter()
                .flatten()
                .flatten()
            {
                text.push_str(&format!("    thread {}\n", proc_line(&task.path())));
            }
        }
    }
    if text.is_empty() {
        text.push_str("  no process on the data folder\n");
    }
    let output = std::fs::read_to_string(log).unwrap_or_default();
    let tail: String = output
        .chars()
        .rev()
        .take(4000)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("{text}  output ({}):\n{tail}", log.display())
}

/// Stops the driver (SIGTERM lets tauri-driver stop WebKitWebDriver too) and waits for it a little.
async fn stop_driver(driver: &mut Child) {
    if let Some(pid) = driver.id() {
        let _ = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .await;
    }
    if tokio::time::timeout(Duration::from_secs(10), driver.wait())
        .await
        .is_err()
    {
        let _ = driver.kill().await;
    }
}

/// Stops the app on `data_dir` (asked first, then killed after 5 s) and waits until it has gone.
async fn stop_app(data_dir: &Path) {
    for signal in ["-TERM", "-KILL"] {
        for pid in app_processes(data_dir) {
            let _ = Command::new("kill")
                .args([signal, &pid.to_string()])
                .status()
                .await;
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while !app_processes(data_dir).is_empty() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// Waits, for up to 2 s, until `element` stays where it is for 50 ms. A click goes to the point where the element
/// was: a dialog that grew or shrank as its data came moved its Cancel from under the click, which then landed on the
/// backdrop and closed nothing.
async fn still(element: &Element) -> TestResult {
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut last = element.rectangle().await?;
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let now = element.rectangle().await?;
        if now == last {
            break;
        }
        last = now;
    }
    Ok(())
}

/// `s` as a quoted CSS string.
pub fn css_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn button_xpath(label: &str) -> String {
    let label = xpath_literal(label);
    format!("//button[normalize-space()={label} or @aria-label={label}]")
}

fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else {
        format!(
            "concat('{}')",
            s.split('\'').collect::<Vec<_>>().join("', \"'\", '")
        )
    }
}
