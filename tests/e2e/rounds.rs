//! Issue 12, scoring as a team: two real app instances on two data folders, connected to the fake Mattermost as two
//! people. The facilitator starts a round of three ideas; the member joins by its link, drags estimates onto the
//! plane and sends them; the facilitator sees "1 of 2 voted", votes too, reveals, sees the split, places all at the
//! medians and closes the round; the member's Pickboard verifies every published ballot.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use pickboard_e2e::mattermost::{Channel, FakeMattermost, Post, Reply, Team, User};
use pickboard_e2e::{App, TestResult};
use pickboard_lib::domain::Zone;
use pickboard_lib::storage::{boards, ideas, Db, DB_FILE_NAME};
use rusqlite::Connection;

use crate::account::{choose_radio, fill};

const IDEAS: [&str; 3] = ["Cache the builds", "Drop Jenkins", "Upgrade Postgres"];

/// Connects the app as the user of `token` (Post to channel › as yourself); picks `channel` when given.
async fn connect(app: &App, address: &str, token: &str, who: &str, channel: Option<&str>) -> TestResult {
    app.click_button("Post to channel").await?;
    choose_radio(app, "account").await?;
    fill(app, "Mattermost server address", address).await?;
    fill(app, "Personal access token", token).await?;
    app.click_button("Connect").await?;
    app.wait_until(
        &format!("connected as {who}"),
        &format!(
            "return !!document.querySelector('.account-card')?.innerText.includes('Connected as @{who}');"
        ),
    )
    .await?;
    if let Some(channel) = channel {
        choose_radio(app, channel).await?;
        app.click_button("Save channel").await?;
        app.wait_for_css(".post-target").await?;
    }
    app.click_button("Cancel").await?;
    app.wait_until(
        "the dialog closes",
        "return !document.querySelector('[role=dialog]');",
    )
    .await?;
    Ok(())
}

async fn open_rounds(app: &App) -> TestResult {
    app.click_button("Board ▾").await?;
    app.click_button("Team rounds…").await?;
    app.wait_for_css("section[aria-label='Team rounds']").await?;
    Ok(())
}

/// The grip of an idea that is not on the plane yet, found by its title.
async fn grip(app: &App, title: &str) -> TestResult<fantoccini::elements::Element> {
    let xpath = format!(
        "//div[contains(@class,'ballot-item-grip')][.//span[@class='ballot-item-title' and normalize-space()='{title}']]"
    );
    app.wait_for_xpath(&xpath).await
}

/// Drags `title` from the list onto the plane, at (`payoff`, `cost`).
async fn drag_onto_plane(app: &App, title: &str, payoff: f64, cost: f64) -> TestResult {
    let from = grip(app, title).await?;
    let plane = app.wait_for_css(".ballot .plane").await?;
    let (x, y, w, h) = plane.rectangle().await?;
    app.drag_to(&from, x + w * cost / 10.0, y + h * (1.0 - payoff / 10.0))
        .await?;
    app.wait_until(
        &format!("{title} is on the chart"),
        &format!(
            "return [...document.querySelectorAll('.ballot .estimate-dot')].some(d => d.getAttribute('aria-label').startsWith({}));",
            serde_json::to_string(title)?
        ),
    )
    .await?;
    Ok(())
}

/// The estimate a dot shows, from its accessible name ("…: payoff 7.9, cost/risk 2").
async fn dot_scores(app: &App, title: &str) -> TestResult<(f64, f64)> {
    let label = app
        .client
        .execute(
            "return [...document.querySelectorAll('.estimate-dot')].map(d => d.getAttribute('aria-label')).find(l => l.startsWith(arguments[0])) ?? '';",
            vec![serde_json::json!(title)],
        )
        .await?;
    let label = label.as_str().unwrap_or_default();
    let number = |after: &str| -> f64 {
        label
            .split(after)
            .nth(1)
            .and_then(|s| s.split(|c: char| c == ',' || c.is_whitespace()).next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(f64::NAN)
    };
    Ok((number("payoff "), number("cost/risk ")))
}

async fn text_of(app: &App, css: &str) -> TestResult<String> {
    let value = app
        .client
        .execute(
            "return document.querySelector(arguments[0])?.innerText ?? '';",
            vec![serde_json::json!(css)],
        )
        .await?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

/// Scores (tenths) of the idea titled `title` in the facilitator's database file.
fn stored_scores(data: &Path, title: &str) -> TestResult<(Option<i64>, Option<i64>)> {
    let db = Connection::open(data.join(DB_FILE_NAME))?;
    Ok(
        db.query_row("SELECT payoff, cost FROM ideas WHERE title = ?1", [title], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?,
    )
}

async fn wait_for_thread(
    fake: &FakeMattermost,
    root: &str,
    what: &str,
    check: impl Fn(&[Post]) -> bool,
) -> TestResult<Vec<Post>> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let thread = fake.thread(root);
        if check(&thread) {
            return Ok(thread);
        }
        if Instant::now() > deadline {
            let messages: Vec<_> = thread.iter().map(|p| p.message.clone()).collect();
            return Err(format!("{what}: the thread holds {messages:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_blind_round_with_two_people_from_start_to_verify() -> TestResult {
    let planning = Channel::open("infra", "planning", "Planning").members(["ana", "bo"]);
    let fake = FakeMattermost::api(0)
        .user(User::new("ana", "tok-ana").names("Ana", "Ribeiro"))
        .user(User::new("bo", "tok-bo").names("Bo", "Lind"))
        .team(Team::new("infra", "Infrastructure").member("ana").member("bo"))
        .channel(planning.clone())
        .start()
        .await?;

    // Ana's board: three ideas in the Unsorted tray (the round's default), one placed already (not in it).
    let ana_data = tempfile::tempdir()?;
    let bo_data = tempfile::tempdir()?;
    Db::open(&ana_data.path().join(DB_FILE_NAME))?.write(|tx| {
        let board = boards::create(tx, "Platform")?.id;
        for title in IDEAS {
            ideas::add(tx, board, title, Zone::Unsorted)?;
        }
        ideas::add(tx, board, "Placed already", Zone::Implement)?;
        Ok(())
    })?;
    Db::open(&bo_data.path().join(DB_FILE_NAME))?.write(|tx| {
        boards::create(tx, "Bo's notes")?;
        Ok(())
    })?;

    // The facilitator connects, picks the board's channel and starts a round of the tray's three ideas.
    let ana = App::launch(ana_data.path()).await?;
    ana.region("Implement").await?;
    connect(&ana, &fake.address, "tok-ana", "ana", Some("infra/planning")).await?;
    open_rounds(&ana).await?;
    let legend = text_of(&ana, ".rounds-pick > .field-label").await?;
    assert_eq!(legend, "Ideas (3 of 4)", "the tray is picked by default");
    ana.screenshot("round-start.png").await?;
    ana.click_button("Start round").await?;
    ana.wait_until(
        "the round shows who voted",
        "return (document.querySelector('.round-summary')?.innerText ?? '') === '0 of 2 voted';",
    )
    .await?;
    let root = fake
        .channel_posts(&planning.id)
        .into_iter()
        .find(|p| p.props.contains_key("pickboard_round"))
        .ok_or("no round post in the channel")?;
    assert!(
        root.message
            .contains("choose Team › Team rounds… (or Join a team round… on its welcome), press Join round"),
        "{}",
        root.message
    );
    let link = format!("{}/infra/pl/{}", fake.address, root.id);

    // The member joins by the link, in a second window on another data folder.
    let bo = App::launch(bo_data.path()).await?;
    bo.region("Implement").await?;
    connect(&bo, &fake.address, "tok-bo", "bo", None).await?;
    open_rounds(&bo).await?;
    bo.click_button("Join round").await?;
    let empty = text_of(&bo, ".rounds-card [role=alert]").await?;
    assert!(empty.contains("Paste the link"), "{empty}");
    let field = bo
        .wait_for_css(".rounds-card input[placeholder^='https://']")
        .await?;
    // A link to a post that is not a round is refused in words; the link typed stays to be corrected.
    let other = fake.add_post(
        &User::new("ana", "tok-ana").id,
        &planning.id,
        "",
        "Lunch at noon?",
    );
    field
        .send_keys(&format!("{}/infra/pl/{}", fake.address, other.id))
        .await?;
    bo.click_button("Join round").await?;
    bo.wait_until(
        "the link is refused",
        "return (document.querySelector('.rounds-card [role=alert]')?.innerText ?? '').length > 0;",
    )
    .await?;
    let refused = text_of(&bo, ".rounds-card [role=alert]").await?;
    println!("not a round: {refused}");
    assert!(
        refused.contains("not a Pickboard round") || refused.contains("not a round"),
        "{refused}"
    );
    field.clear().await?;
    field.send_keys(&link).await?;
    bo.click_button("Join round").await?;
    bo.wait_for_css(".ballot").await?;
    let off_plane = text_of(&bo, ".ballot-tray").await?;
    for title in IDEAS {
        assert!(
            off_plane.contains(title),
            "{title} starts off the plane: {off_plane}"
        );
    }
    assert_eq!(
        bo.client
            .execute(
                "return document.querySelectorAll('.ballot .estimate-dot').length;",
                vec![]
            )
            .await?
            .as_u64(),
        Some(0),
        "nothing is on the plane before the voter places it"
    );

    // Bo drags two ideas onto the plane and has no opinion on the third.
    drag_onto_plane(&bo, IDEAS[0], 8.0, 2.0).await?;
    drag_onto_plane(&bo, IDEAS[1], 3.0, 7.0).await?;
    bo.click_button(&format!("No opinion on “{}”", IDEAS[2])).await?;
    let (p0, c0) = dot_scores(&bo, IDEAS[0]).await?;
    assert!(
        (p0 - 8.0).abs() <= 0.3 && (c0 - 2.0).abs() <= 0.3,
        "dropped at 8 / 2, shows {p0} / {c0}"
    );
    bo.wait_until(
        "the draft is kept",
        "return document.querySelector('.round-draft')?.innerText.startsWith('Draft kept on this computer');",
    )
    .await?;
    bo.screenshot("round-voting-plane.png").await?;
    let rect = bo.client.get_window_rect().await?;
    bo.resize(1024, 768).await?;
    bo.screenshot("round-voting-plane-1024x768.png").await?;
    // In the smallest window, with lines above the plane (an error, ballots not counted: here room taken for them),
    // the plane is smaller: it kept a least height and its axis title ran over the footer's "2 placed · 1 no
    // opinion".
    bo.resize(1024, 600).await?;
    let overlap = bo
        .client
        .execute(
            "document.querySelector('.round-bar').style.paddingBottom = '120px';
             const title = document.querySelector('.ballot .plane-axis-x .plane-axis-title').getBoundingClientRect();
             const footer = document.querySelector('.round-footer').getBoundingClientRect();
             return [title.bottom, footer.top];",
            vec![],
        )
        .await?;
    bo.screenshot("round-voting-plane-1024x600.png").await?;
    bo.client
        .execute(
            "document.querySelector('.round-bar').style.paddingBottom = '';",
            vec![],
        )
        .await?;
    let [title_bottom, footer_top]: [f64; 2] = serde_json::from_value(overlap)?;
    assert!(
        title_bottom <= footer_top + 0.5,
        "the axis title ends at {title_bottom} px, under the footer's top at {footer_top} px"
    );
    bo.resize(rect.2 as u32, rect.3 as u32).await?;
    bo.set_theme("dark").await?;
    bo.screenshot("round-voting-plane-dark.png").await?;
    bo.set_theme("light").await?;
    // Mattermost is unavailable when Bo sends (a double click): the ballot waits on Bo's computer, then goes out by
    // itself, once.
    fake.fail_next(
        2,
        "POST",
        "/api/v4/posts",
        Reply::status(503, r#"{"message":"Service unavailable","status_code":503}"#),
    );
    let send = bo.find_button("Send my estimates").await?;
    bo.client
        .execute(
            "arguments[0].click(); arguments[0].click();",
            vec![serde_json::to_value(&send)?],
        )
        .await?;
    bo.wait_until(
        "the ballot waits",
        "return !!document.querySelector('.round-waiting')?.innerText.startsWith('Not sent yet');",
    )
    .await?;
    bo.screenshot("round-ballot-waiting.png").await?;
    bo.wait_until_within(
        Duration::from_secs(40),
        "the waiting ballot goes out by itself",
        "return !!document.querySelector('.field-ok')?.innerText.startsWith('Sent: the ballot that waited went out');",
    )
    .await?;
    let thread = fake.thread(&root.id);
    let ballots: Vec<&Post> = thread
        .iter()
        .filter(|p| p.props.contains_key("pickboard_ballot"))
        .collect();
    assert_eq!(ballots.len(), 1, "one ballot for a double click");
    assert_eq!(ballots[0].message, "Bo Lind has voted on 2 ideas");
    let sealed = serde_json::to_string(&ballots[0].props)?;
    assert!(
        !sealed.contains("\"payoff\""),
        "the estimates are sealed, not readable: {sealed}"
    );

    // The facilitator's view sees it within the 3-second refresh.
    ana.wait_until_within(
        Duration::from_secs(8),
        "1 of 2 voted",
        "return (document.querySelector('.round-summary')?.innerText ?? '') === '1 of 2 voted';",
    )
    .await?;
    let voters = text_of(&ana, ".round-voters").await?;
    assert!(
        voters.contains("✓ Bo Lind") && voters.contains("Ana Ribeiro"),
        "{voters}"
    );

    // Ana votes too: two by mouse, the third by keyboard alone (Place, then Shift+Up twice: payoff 7).
    drag_onto_plane(&ana, IDEAS[0], 7.0, 3.0).await?;
    drag_onto_plane(&ana, IDEAS[1], 6.0, 8.0).await?;
    ana.click_button(&format!("Place “{}” on the chart", IDEAS[2]))
        .await?;
    let focused = ana.focused_label().await?;
    assert!(
        focused.starts_with(IDEAS[2]),
        "the placed dot has the focus: {focused}"
    );
    let shift = char::from(Key::Shift);
    let up = char::from(Key::Up);
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: shift })
        .then(KeyAction::Down { value: up })
        .then(KeyAction::Up { value: up })
        .then(KeyAction::Down { value: up })
        .then(KeyAction::Up { value: up })
        .then(KeyAction::Up { value: shift });
    ana.client.perform_actions(keys).await?;
    ana.wait_until(
        "the keyboard estimate is kept",
        &format!(
            "return [...document.querySelectorAll('.estimate-dot')].some(d => d.getAttribute('aria-label') === {});",
            serde_json::to_string(&format!("{}, your estimate: payoff 7, cost/risk 5", IDEAS[2]))?
        ),
    )
    .await?;
    // Sent with the keyboard: Send, dimmed as "Send again" once the ballot is out, keeps the focus (a disabled
    // button dropped it to the page).
    ana.client
        .execute(
            "document.querySelector('.round-footer .button-primary').focus();",
            vec![],
        )
        .await?;
    ana.press(&[Key::Enter]).await?;
    ana.wait_until_within(
        Duration::from_secs(8),
        "2 of 2 voted",
        "return (document.querySelector('.round-summary')?.innerText ?? '') === '2 of 2 voted';",
    )
    .await?;
    ana.wait_until(
        "Send again keeps the focus",
        "const e = document.activeElement; return e?.textContent === 'Send again' && e.getAttribute('aria-disabled') === 'true';",
    )
    .await?;

    // Reveal: Drop Jenkins (payoff 3 and 6, across the threshold 5) is split, and first.
    ana.click_button("Reveal…").await?;
    ana.click_button("Reveal").await?;
    ana.wait_for_css(".reveal-idea").await?;
    let first = text_of(&ana, ".reveal-ideas li:first-child")
        .await?
        .trim()
        .to_owned();
    assert!(first.starts_with(IDEAS[1]) && first.contains("Split"), "{first}");
    assert!(first.contains("2 votes"), "{first}");
    let dots = ana
        .client
        .execute(
            "return [...document.querySelectorAll('.vote-dot')].map(d => d.getAttribute('aria-label'));",
            vec![],
        )
        .await?;
    let dots = dots.to_string();
    assert!(
        dots.contains("Bo Lind: payoff") && dots.contains("Ana Ribeiro: payoff"),
        "{dots}"
    );
    // Each estimate is drawn at its scores: the dots are placed by style attributes, which the CSP must let through
    // (ui/src/lib/styleAttribute.ts); blocked, every dot sits in the plane's corner.
    let off = ana
        .client
        .execute(
            "const plane = document.querySelector('.reveal .plane').getBoundingClientRect();
             return [...document.querySelectorAll('.vote-dot')].map(d => {
               const [, payoff, cost] = d.getAttribute('aria-label').match(/payoff ([0-9.]+), cost\\/risk ([0-9.]+)/).map(Number);
               const r = d.getBoundingClientRect();
               return Math.hypot(r.left + r.width / 2 - (plane.left + plane.width * cost / 10),
                                 r.top + r.height / 2 - (plane.top + plane.height * (1 - payoff / 10)));
             });",
            vec![],
        )
        .await?;
    let off: Vec<f64> = serde_json::from_value(off)?;
    assert!(
        off.len() == 2 && off.iter().all(|d| *d < 3.0),
        "pixels between each vote dot and its scores on the plane: {off:?}"
    );
    ana.screenshot("round-reveal.png").await?;
    ana.set_theme("dark").await?;
    ana.screenshot("round-reveal-dark.png").await?;
    ana.set_theme("light").await?;

    // Place all at the medians: one edit, saved at once. In a 1024 × 768 window, where the reveal's list reaches
    // the window's foot.
    let rect = ana.client.get_window_rect().await?;
    ana.resize(1024, 768).await?;
    ana.click_button("Place all at the medians").await?;
    ana.wait_until(
        "the medians are placed",
        "return [...document.querySelectorAll('.toast')].some(t => t.textContent.includes('Placed 3 ideas at the team'));",
    )
    .await?;
    // Its message keeps to the plane's side, off the list of ideas and its buttons (with five ideas it lay over the
    // button just pressed).
    let covered = ana
        .client
        .execute(
            "const toast = document.querySelector('.toast').getBoundingClientRect();
             const list = document.querySelector('.reveal-list').getBoundingClientRect();
             return list.left < toast.right && toast.left < list.right && list.top < toast.bottom && toast.top < list.bottom;",
            vec![],
        )
        .await?;
    assert_eq!(
        covered,
        serde_json::Value::Bool(false),
        "the toast lies over the reveal's list"
    );
    ana.screenshot("round-reveal-placed.png").await?;
    ana.resize(rect.2 as u32, rect.3 as u32).await?;
    let (payoff, cost) = stored_scores(ana_data.path(), IDEAS[2])?;
    assert_eq!(
        (payoff, cost),
        (Some(70), Some(50)),
        "one vote: its own estimate is the median"
    );
    let (payoff, _) = stored_scores(ana_data.path(), IDEAS[0])?;
    let payoff = payoff.ok_or("Cache the builds was not placed")?;
    assert!(
        (70..=80).contains(&payoff),
        "the median of about 8 and 7: {payoff}"
    );

    // Close: the result and every ballot are published in the thread.
    ana.click_button("Close the round…").await?;
    // A double click on the confirmation publishes once.
    let publish = ana.find_button("Close and publish").await?;
    ana.client
        .execute(
            "arguments[0].click(); arguments[0].click();",
            vec![serde_json::to_value(&publish)?],
        )
        .await?;
    ana.wait_until(
        "the round is closed",
        "return !!document.querySelector('.round-draft')?.innerText.startsWith('This round is closed');",
    )
    .await?;
    // Closed, the reveal is to look at: Place all at the medians would move ideas away from the published result.
    let settle_left = ana
        .client
        .execute(
            "return [...document.querySelectorAll('button')].some(b => b.textContent.trim() === 'Place all at the medians');",
            vec![],
        )
        .await?;
    assert_eq!(
        settle_left,
        serde_json::Value::Bool(false),
        "Place all at the medians on a closed round"
    );
    let thread = wait_for_thread(&fake, &root.id, "the result is posted", |t| {
        t.iter().any(|p| p.props.contains_key("pickboard_round_result"))
    })
    .await?;
    let result = thread
        .iter()
        .find(|p| p.props.contains_key("pickboard_round_result"))
        .ok_or("no result")?;
    assert!(result.message.contains(IDEAS[1]), "{}", result.message);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let results = fake
        .thread(&root.id)
        .iter()
        .filter(|p| p.props.contains_key("pickboard_round_result"))
        .count();
    assert_eq!(results, 1, "one result for a double click");

    // Verify round on the closed reveal: what it says comes in room kept for it, and the plane keeps its size.
    let plane_height = "return document.querySelector('.reveal .plane').getBoundingClientRect().height;";
    let before = ana.client.execute(plane_height, vec![]).await?;
    ana.click_button("Verify round").await?;
    ana.wait_until(
        "the facilitator's round is verified",
        "return !!document.querySelector('.round-verified')?.innerText;",
    )
    .await?;
    let after = ana.client.execute(plane_height, vec![]).await?;
    assert_eq!(before, after, "the plane's height before and after Verify round");
    ana.screenshot("round-reveal-verified.png").await?;

    // Back on the board, the idea's timeline says how it was settled.
    ana.click_button("← All rounds").await?;
    ana.click_button("← Back to the board").await?;
    ana.card(IDEAS[0]).await?.click().await?;
    ana.wait_until(
        "the timeline shows the settling",
        "return [...document.querySelectorAll('aside .timeline li')].some(li => /settled by team round: median [0-9.]+ \\/ [0-9.]+, 2 votes/.test(li.textContent));",
    )
    .await?;

    // The member's view, left on the round, learns of the close from the thread by itself (it reads it every 10 s),
    // and its Pickboard checks every published ballot against its commitment.
    bo.wait_until_within(
        Duration::from_secs(15),
        "the member's view says the round is closed",
        "return (document.querySelector('.round-state')?.innerText ?? '') === 'Closed';",
    )
    .await?;
    bo.click_button("Verify round").await?;
    bo.wait_until(
        "the round is verified",
        "return !!document.querySelector('.round-verified')?.innerText;",
    )
    .await?;
    let verified = text_of(&bo, ".round-verified").await?;
    assert!(verified.contains("2 ballots"), "{verified}");
    bo.screenshot("round-verified.png").await?;

    // The thread as the fake server received it, shown as plain text for a screenshot.
    let transcript: String = fake
        .thread(&root.id)
        .iter()
        .map(|p| {
            let who = if p.user_id == User::new("ana", "tok-ana").id {
                "@ana"
            } else {
                "@bo"
            };
            format!("── {who} ──\n{}\n", p.message)
        })
        .collect();
    std::fs::write(
        pickboard_e2e::artifacts_dir().join("round-thread.txt"),
        &transcript,
    )?;
    bo.client
        .execute(
            "const pre = document.createElement('pre'); pre.textContent = arguments[0];
             pre.style.cssText = 'position:fixed;inset:0;margin:0;padding:16px;overflow:auto;background:#fff;color:#111;font:12px monospace;z-index:9999;white-space:pre-wrap';
             document.body.appendChild(pre);",
            vec![serde_json::json!(transcript)],
        )
        .await?;
    bo.screenshot("round-thread.png").await?;

    bo.quit().await?;
    ana.quit().await?;
    Ok(())
}
