//! Posting as your Mattermost account from the command line: the account's token from `PICKBOARD_MATTERMOST_TOKEN`,
//! a long outcome as one thread, `--update-last`, and clear refusals.

use std::process::Command;

use pickboard_e2e::mattermost::{Channel, FakeMattermost, Team, User, HOOK_PATH};
use pickboard_e2e::{app_binary, TestResult};
use pickboard_lib::cli::TOKEN_VARIABLE;
use pickboard_lib::domain::Zone;
use pickboard_lib::edits;
use pickboard_lib::mattermost::account::{save_identity, Identity, Keeping, ServerUrl};
use pickboard_lib::mattermost::destination::{save_account_channel, AccountChannel};
use pickboard_lib::mattermost::outbox::{save_settings, ChannelSettingsInput};
use pickboard_lib::storage::{boards, Db, DB_FILE_NAME};

const TOKEN: &str = "ana-token-xxxxxxxxxxxxxxxx";
const BOARD: &str = "Platform";

fn planning() -> Channel {
    Channel::open("infra", "planning", "Planning")
}

async fn fake() -> std::io::Result<FakeMattermost> {
    FakeMattermost::api(0)
        .user(User::new("ana", TOKEN))
        .team(Team::new("infra", "Infrastructure"))
        .channel(planning().member("ana"))
        .start()
        .await
}

/// A board of 400 ideas (a long outcome) in `dir`; with `as_account`, it posts as ana to infra/planning on `fake`,
/// else through `fake`'s webhook.
fn board(dir: &std::path::Path, fake: &FakeMattermost, as_account: bool) -> TestResult {
    let mut db = Db::open(&dir.join(DB_FILE_NAME))?;
    db.write(|tx| {
        let board = boards::create(tx, BOARD)?.id;
        for k in 0..400 {
            let zone = [Zone::Implement, Zone::Challenge, Zone::Possible, Zone::Kill][k % 4];
            edits::add_idea(
                tx,
                board,
                &format!("Idea number {k} with a title long enough to fill a row"),
                zone,
            )?;
        }
        let who = Identity {
            server: ServerUrl::parse(&fake.address)?,
            user_id: User::new("ana", TOKEN).id,
            username: "ana".into(),
            display_name: "Ana".into(),
            keeping: Keeping::CredentialStore,
        };
        save_identity(tx, &who)?;
        if as_account {
            let channel = AccountChannel {
                team_id: Team::new("infra", "").id,
                team_name: "infra".into(),
                team_display: "Infrastructure".into(),
                channel_id: planning().id,
                channel_name: "planning".into(),
                channel_display: "Planning".into(),
            };
            save_account_channel(tx, board, &channel)?;
        } else {
            let hook = ChannelSettingsInput {
                webhook_url: format!("{}{HOOK_PATH}", fake.address),
                channel: String::new(),
                username: String::new(),
                icon_url: String::new(),
            };
            save_settings(tx, board, &hook)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn pickboard(data: &std::path::Path, token: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(app_binary())
        .args(args)
        .env("PICKBOARD_DATA_DIR", data)
        .env(TOKEN_VARIABLE, token)
        .output()
        .expect("run pickboard");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn post_as_me_makes_one_thread_and_update_last_edits_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let fake = fake().await?;
    board(dir.path(), &fake, true)?;
    let (code, stdout, stderr) = pickboard(dir.path(), TOKEN, &["post", "--board", BOARD, "--as-me"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let posts = fake.channel_posts(&planning().id);
    assert!(posts.len() > 1, "a long outcome: {} posts", posts.len());
    assert!(
        stdout.starts_with(&format!("Posted to Mattermost in {} parts.\n", posts.len())),
        "{stdout}"
    );
    let root = &posts[0];
    assert!(root.root_id.is_empty());
    assert!(
        posts[1..].iter().all(|p| p.root_id == root.id),
        "the later parts are replies"
    );
    assert!(
        stdout.contains(&format!("{}/infra/pl/{}", fake.address, root.id)),
        "the permalink is printed: {stdout}"
    );
    assert!(!stdout.contains(TOKEN) && !stderr.contains(TOKEN));

    let (code, stdout, stderr) = pickboard(
        dir.path(),
        TOKEN,
        &["post", "--board", BOARD, "--note", "Updated", "--update-last"],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.starts_with("Updated the last post in Mattermost.\n"),
        "{stdout}"
    );
    let after = fake.channel_posts(&planning().id);
    assert_eq!(after.len(), posts.len(), "no new post");
    assert!(after[0].edit_at > 0 && after[0].message.contains("Updated"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_or_a_board_without_an_account_channel_says_what_to_do() -> TestResult {
    let dir = tempfile::tempdir()?;
    let fake = fake().await?;
    board(dir.path(), &fake, true)?;
    let (code, stdout, stderr) = pickboard(
        dir.path(),
        "wrong-token-xxxxxxxxxxxxxx",
        &["post", "--board", BOARD],
    );
    assert_eq!(code, 4, "{stdout}{stderr}");
    assert!(stderr.contains("did not accept your access token"), "{stderr}");
    assert!(stderr.contains("request id"), "{stderr}");
    // Refused, it is not sent again by itself ("the app retries it" was said of it).
    assert!(
        stderr.contains("kept in the outbox as failed, and not sent again by itself"),
        "{stderr}"
    );
    assert!(fake.channel_posts(&planning().id).is_empty());

    let other = tempfile::tempdir()?;
    board(other.path(), &fake, false)?;
    let (code, _, stderr) = pickboard(other.path(), TOKEN, &["post", "--board", BOARD, "--as-me"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(
        stderr.contains("posts through its webhook, not as your account"),
        "{stderr}"
    );
    // A dry run says so too: it printed the webhook's posts, as if they were what --as-me would send.
    let (code, stdout, stderr) = pickboard(
        other.path(),
        TOKEN,
        &["post", "--board", BOARD, "--as-me", "--dry-run"],
    );
    assert_eq!(code, 3, "{stdout}{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    // --update-last on a webhook's board sent the whole outcome again, as new posts, and said it had posted.
    for args in [
        &["post", "--board", BOARD, "--update-last"][..],
        &["post", "--board", BOARD, "--update-last", "--dry-run"],
    ] {
        let (code, stdout, stderr) = pickboard(other.path(), TOKEN, args);
        assert_eq!(code, 3, "{args:?}: {stdout}{stderr}");
        assert!(
            stderr.contains("--update-last edits the last post made as your account"),
            "{stderr}"
        );
    }
    assert!(fake.channel_posts(&planning().id).is_empty());
    Ok(())
}

/// A post the command line cannot send as the account, its token out of reach, is not queued: left in the outbox
/// without a word, it went out with the next post, and the channel had the outcome twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_whose_token_cannot_be_read_is_not_left_to_go_out_with_the_next() -> TestResult {
    let dir = tempfile::tempdir()?;
    let fake = fake().await?;
    board(dir.path(), &fake, true)?;
    // No token given, and no credential store to read one from (no D-Bus session).
    let out = Command::new(app_binary())
        .args(["post", "--board", BOARD, "--note", "first try"])
        .env("PICKBOARD_DATA_DIR", dir.path())
        .env_remove(TOKEN_VARIABLE)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("Set PICKBOARD_MATTERMOST_TOKEN"), "{stderr}");
    let queued: i64 = Db::open(&dir.path().join(DB_FILE_NAME))?
        .read(|tx| Ok(tx.query_row("SELECT count(*) FROM posts", [], |r| r.get(0))?))?;
    assert_eq!(queued, 0, "nothing waits in the outbox");

    let (code, stdout, stderr) = pickboard(
        dir.path(),
        TOKEN,
        &["post", "--board", BOARD, "--note", "second try"],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let posts = fake.channel_posts(&planning().id);
    assert!(
        stdout.starts_with(&format!("Posted to Mattermost in {} parts.\n", posts.len())),
        "one outcome, in its parts: {stdout}"
    );
    assert!(posts.iter().all(|p| !p.message.contains("first try")));
    Ok(())
}

/// Every file under `dir`, read whole.
fn files_under(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            out.push((path, bytes));
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_is_nowhere_in_the_data_folder_exports_backups_or_output_after_posting() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = tempfile::tempdir()?;
    let fake = fake().await?;
    board(dir.path(), &fake, true)?;
    let mut printed = String::new();
    for args in [
        vec!["post", "--board", BOARD, "--as-me"],
        vec![
            "export",
            "--board",
            BOARD,
            "-o",
            out.path().join("b.json").to_str().unwrap_or_default(),
        ],
        vec![
            "export",
            "--board",
            BOARD,
            "-o",
            out.path().join("b.md").to_str().unwrap_or_default(),
        ],
        vec![
            "backup",
            "-o",
            out.path().join("backup.db").to_str().unwrap_or_default(),
        ],
    ] {
        let (code, stdout, stderr) = pickboard(dir.path(), TOKEN, &args);
        assert_eq!(code, 0, "{args:?}: {stdout}{stderr}");
        printed.push_str(&stdout);
        printed.push_str(&stderr);
    }
    assert!(!fake.channel_posts(&planning().id).is_empty(), "it posted");
    assert!(!printed.contains(TOKEN));
    let files = [files_under(dir.path()), files_under(out.path())].concat();
    assert!(
        files.len() >= 4,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (path, bytes) in files {
        assert!(
            !bytes.windows(TOKEN.len()).any(|w| w == TOKEN.as_bytes()),
            "the token is in {}",
            path.display()
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_of_someone_else_than_the_account_connected_here_is_refused_before_posting() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bo_token = "bo-token-xxxxxxxxxxxxxxxxxx";
    let fake = FakeMattermost::api(0)
        .user(User::new("ana", TOKEN))
        .user(User::new("bo", bo_token))
        .team(Team::new("infra", "Infrastructure"))
        .channel(planning().member("ana").member("bo"))
        .start()
        .await?;
    board(dir.path(), &fake, true)?;
    // Bo's token in a data folder connected as ana: it posted as bo, and recorded the post as ana's.
    let (code, stdout, stderr) = pickboard(dir.path(), bo_token, &["post", "--board", BOARD, "--as-me"]);
    assert_ne!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains(
            "is the access token of @bo, not of @ana, the account this data folder is connected as"
        ),
        "{stderr}"
    );
    assert!(fake.channel_posts(&planning().id).is_empty());
    assert!(!stderr.contains(bo_token));
    Ok(())
}
