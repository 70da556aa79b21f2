//! Issue 15, posting as yourself: the real app connects to the fake Mattermost's REST API with a personal access
//! token, picks a channel from the account's teams, posts a long outcome as one thread and updates it in place, and
//! shows each post's permalink. Without a credential store, it offers to keep the token for the session only.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use pickboard_e2e::mattermost::{Channel, FakeMattermost, Post, Team, User};
use pickboard_e2e::{App, TestResult};
use pickboard_lib::domain::Zone;
use pickboard_lib::storage::{boards, ideas, Db, DB_FILE_NAME};

const DIALOG_ALERT: &str = "return document.querySelector('[role=dialog] [role=alert]')?.innerText ?? '';";

async fn fake_server() -> TestResult<(FakeMattermost, Channel)> {
    let planning = Channel::open("infra", "planning", "Planning").members(["ana"]);
    let fake = FakeMattermost::api(0)
        .user(User::new("ana", "tok-ana").names("Ana", "Ribeiro"))
        .team(Team::new("infra", "Infrastructure").member("ana"))
        .channel(planning.clone())
        .channel(Channel::private("infra", "oncall", "On-call").members(["ana"]))
        .start()
        .await?;
    Ok((fake, planning))
}

/// Types `text` into the dialog's field labelled `label`, over what it held.
pub(crate) async fn fill(app: &App, label: &str, text: &str) -> TestResult {
    // The input the label names: a secret's field sits in a wrapper with its Show button.
    let xpath = format!(
        "//div[@role='dialog']//input[@id=//div[@role='dialog']//label[normalize-space()='{label}']/@for]"
    );
    let field = app.wait_for_xpath(&xpath).await?;
    field.clear().await?;
    field.send_keys(text).await?;
    Ok(())
}

pub(crate) async fn choose_radio(app: &App, value: &str) -> TestResult {
    app.wait_for_css(&format!("[role=dialog] input[type=radio][value='{value}']"))
        .await?
        .click()
        .await?;
    Ok(())
}

/// The dialog's theme for a screenshot, without closing it (the theme switch sits behind the dialog).
async fn paint_theme(app: &App, theme: &str) -> TestResult {
    app.client
        .execute(
            &format!("document.documentElement.dataset.theme = '{theme}';"),
            vec![],
        )
        .await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    Ok(())
}

/// Screenshots of what is on screen now: light, dark, and light at the smallest window, 800 × 600.
async fn screenshots(app: &App, name: &str) -> TestResult {
    paint_theme(app, "light").await?;
    app.screenshot(&format!("{name}-light.png")).await?;
    paint_theme(app, "dark").await?;
    app.screenshot(&format!("{name}-dark.png")).await?;
    paint_theme(app, "light").await?;
    let rect = app.client.get_window_rect().await?;
    app.resize(800, 600).await?;
    app.screenshot(&format!("{name}-800x600.png")).await?;
    app.resize(rect.2 as u32, rect.3 as u32).await?;
    Ok(())
}

/// Waits until `check` holds for the channel's posts (as the fake keeps them).
async fn wait_for_posts(
    fake: &FakeMattermost,
    channel_id: &str,
    what: &str,
    check: impl Fn(&[Post]) -> bool,
) -> TestResult<Vec<Post>> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let posts = fake.channel_posts(channel_id);
        if check(&posts) {
            return Ok(posts);
        }
        if Instant::now() > deadline {
            let summary: Vec<_> = posts
                .iter()
                .map(|p| (p.id.clone(), p.root_id.clone(), p.edit_at, p.message.len()))
                .collect();
            return Err(format!("{what}: the channel holds {summary:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn connected_as_yourself_a_long_outcome_is_one_thread_and_is_updated_in_place() -> TestResult {
    let data = tempfile::tempdir()?;
    {
        let mut db = Db::open(&data.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "Platform backlog")?.id;
            for n in 0..1_000 {
                ideas::add(
                    tx,
                    board,
                    &format!("Idea {n}: move the build runners of service {n} to the new cluster"),
                    Zone::Implement,
                )?;
            }
            Ok(())
        })?;
    }
    let (fake, planning) = fake_server().await?;
    let app = App::launch(data.path()).await?;
    app.region("Implement").await?;

    // Post to channel: as yourself, connect. A wrong token first: Mattermost's refusal shows at the form.
    app.click_button("Post to channel").await?;
    choose_radio(&app, "account").await?;
    let token_field = app.wait_for_css("[role=dialog] input[type=password]").await?;
    assert_eq!(token_field.attr("autocomplete").await?.as_deref(), Some("off"));
    fill(&app, "Mattermost server address", &fake.address).await?;
    screenshots(&app, "account-form").await?;
    fill(&app, "Personal access token", "tok-wrong").await?;
    app.click_button("Connect").await?;
    app.wait_until(
        "the refusal shows",
        "return (document.querySelector('[role=dialog] [role=alert]')?.innerText ?? '').length > 0;",
    )
    .await?;
    let alert = app.client.execute(DIALOG_ALERT, vec![]).await?;
    let alert = alert.as_str().unwrap_or_default().to_owned();
    println!("wrong token: {alert}");
    assert!(!alert.contains("tok-wrong"), "the token is never echoed: {alert}");
    app.screenshot("account-wrong-token.png").await?;

    // The right token: connected as Ana, the token shown only masked.
    fill(&app, "Personal access token", "tok-ana").await?;
    app.click_button("Connect").await?;
    app.wait_until(
        "connected as ana",
        "return !!document.querySelector('.account-card')?.innerText.includes('Connected as @ana (Ana Ribeiro)');",
    )
    .await?;
    let dialog = app.wait_for_css("[role=dialog]").await?.text().await?;
    assert!(dialog.contains(&fake.address), "{dialog}");
    assert!(
        !dialog.contains("tok-ana"),
        "the token is shown masked only: {dialog}"
    );
    let values = app
        .client
        .execute(
            "return [...document.querySelectorAll('[role=dialog] input')].map(i => i.value).join(' ');",
            vec![],
        )
        .await?;
    assert!(
        !values.as_str().unwrap_or_default().contains("tok-ana"),
        "{values}"
    );

    // The channel picker lists Ana's channels by team; pick Planning.
    app.wait_for_css("[role=dialog] input[type=radio][value='infra/planning']")
        .await?;
    let picker = app
        .client
        .execute(
            "return document.querySelector('.channel-list').textContent;",
            vec![],
        )
        .await?;
    let picker = picker.as_str().unwrap_or_default().to_owned();
    assert!(
        picker.contains("INFRASTRUCTURE") || picker.contains("Infrastructure"),
        "{picker}"
    );
    assert!(picker.contains("On-call"), "{picker}");
    choose_radio(&app, "infra/planning").await?;
    screenshots(&app, "account-channel-picker").await?;
    app.click_button("Save channel").await?;
    app.wait_until(
        "the dialog says where it posts",
        "return !!document.querySelector('.post-target')?.innerText.includes('Posts as @ana to Infrastructure › Planning');",
    )
    .await?;
    app.wait_for_css(".post-preview table").await?;
    app.screenshot("account-post-dialog.png").await?;

    // Post the long outcome: one root post, the other parts replies in its thread.
    app.click_button("Post").await?;
    let posts = wait_for_posts(&fake, &planning.id, "the outcome is posted in parts", |p| {
        p.len() >= 2 && p.iter().filter(|x| x.root_id.is_empty()).count() == 1
    })
    .await?;
    app.wait_until("Posted shows", "return [...document.querySelectorAll('.toast')].some(t => t.textContent.startsWith('Posted to Mattermost'));").await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let posts = {
        let again = fake.channel_posts(&planning.id);
        if again.len() >= posts.len() {
            again
        } else {
            posts
        }
    };
    let root = posts[0].clone();
    assert!(root.root_id.is_empty(), "part 1 is a root post");
    assert!(
        root.message.contains("Platform backlog"),
        "{}",
        &root.message[..200.min(root.message.len())]
    );
    for (k, reply) in posts.iter().enumerate().skip(1) {
        assert_eq!(reply.root_id, root.id, "part {} is a reply to part 1", k + 1);
    }
    let parts = posts.len();
    println!("the outcome went out in {parts} posts, one thread");
    assert_eq!(fake.thread(&root.id).len(), parts);
    assert!(parts >= 3, "1,000 ideas make several parts, not {parts}");

    // Post again, updating the last post in place: the root is patched, no new root.
    app.click_button("Post to channel").await?;
    app.wait_for_css(".post-preview table").await?;
    let update = app
        .client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath(
            "//div[@role='dialog']//label[contains(normalize-space(), 'Update the last post instead of adding a new one')]/input",
        ))
        .await?;
    update.click().await?;
    // A note from the facilitator changes part 1, the root post.
    let note = app.wait_for_css("[role=dialog] textarea").await?;
    note.send_keys("Updated after the review on Thursday.").await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    app.screenshot("account-update-in-place.png").await?;
    app.click_button("Post").await?;
    let after = wait_for_posts(&fake, &planning.id, "the root post is patched", |p| {
        p.iter().any(|x| x.id == root.id && x.edit_at > 0)
    })
    .await?;
    app.wait_until("Updated shows", "return [...document.querySelectorAll('.toast')].some(t => t.textContent.startsWith('Updated the last post in Mattermost'));").await?;
    tokio::time::sleep(Duration::from_millis(1_000)).await;
    let after = {
        let again = fake.channel_posts(&planning.id);
        if again.is_empty() {
            after
        } else {
            again
        }
    };
    let roots: Vec<_> = after
        .iter()
        .filter(|p| p.root_id.is_empty() && p.delete_at == 0)
        .collect();
    assert_eq!(
        roots.len(),
        1,
        "no new root post: {:?}",
        roots.iter().map(|p| &p.id).collect::<Vec<_>>()
    );
    assert!(roots[0].edit_at > 0, "the root was edited in place");

    // The Posts panel links to the thread in Mattermost.
    app.wait_until(
        "the dialog closes once posted",
        "return !document.querySelector('[role=dialog]');",
    )
    .await?;
    app.click_button("Board ▾").await?;
    app.click_button("Posts").await?;
    let permalink = format!("{}/infra/pl/{}", fake.address, root.id);
    app.wait_until(
        "the permalink shows",
        &format!(
            "return [...document.querySelectorAll('a.post-permalink')].some(a => a.textContent === {0} && a.getAttribute('href') === {0});",
            serde_json::to_string(&permalink)?
        ),
    )
    .await?;
    let panel = app.shown_text("aside[aria-label='Posts']").await?;
    assert!(panel.contains("Open in Mattermost"), "{panel}");
    assert!(panel.contains("Copy link"), "{panel}");
    assert!(panel.contains("Updates the earlier outcome in place"), "{panel}");
    screenshots(&app, "account-posts-panel").await?;
    let log = app.log.clone();
    app.quit().await?;

    // After the session: the token is nowhere in the data folder (the database and its WAL, the settings, the
    // window state, the start-of-day backup) nor in what the app printed.
    let mut files = vec![log];
    let mut folders = vec![data.path().to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    assert!(
        files.iter().any(|f| f.to_string_lossy().contains("backups")),
        "the session made its backup: {files:?}"
    );
    for file in &files {
        let bytes = std::fs::read(file)?;
        for token in ["tok-ana", "tok-wrong"] {
            assert!(
                !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
                "{token} is in {}",
                file.display()
            );
        }
    }
    Ok(())
}

#[tokio::test]
async fn without_a_credential_store_the_token_is_kept_for_the_session_only() -> TestResult {
    let data = tempfile::tempdir()?;
    let (fake, planning) = fake_server().await?;
    let app = App::launch_without_dbus(data.path()).await?;
    app.click_button("Start with a sample board").await?;
    app.region("Implement").await?;

    app.click_button("Post to channel").await?;
    choose_radio(&app, "account").await?;
    fill(&app, "Mattermost server address", &fake.address).await?;
    fill(&app, "Personal access token", "tok-ana").await?;
    app.click_button("Connect").await?;
    app.wait_until(
        "the missing credential store is explained",
        "return !!document.querySelector('[role=dialog] [role=alert]')?.innerText.includes('credential store');",
    )
    .await?;
    let alert = app.client.execute(DIALOG_ALERT, vec![]).await?;
    assert!(!alert.as_str().unwrap_or_default().contains("tok-ana"), "{alert}");
    app.screenshot("account-no-credential-store.png").await?;

    app.click_button("Keep it for this session only").await?;
    app.wait_until(
        "connected for the session",
        "return !!document.querySelector('.account-card')?.innerText.includes('kept for this session only');",
    )
    .await?;
    choose_radio(&app, "infra/planning").await?;
    app.click_button("Save channel").await?;
    app.wait_until(
        "the dialog says where it posts",
        "return !!document.querySelector('.post-target')?.innerText.includes('Posts as @ana');",
    )
    .await?;
    app.wait_for_css(".post-preview table").await?;
    app.click_button("Post").await?;
    let posts = wait_for_posts(&fake, &planning.id, "the outcome is posted", |p| !p.is_empty()).await?;
    assert!(posts[0].message.contains("PICK outcome"), "{}", posts[0].message);
    app.quit().await
}
