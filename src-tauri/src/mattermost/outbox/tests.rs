//! The outbox on a real database file, delivering to a real local server.

use std::sync::Mutex;
use std::time::Duration;

use super::*;
use crate::mattermost::deliver::deliver_due;
use crate::mattermost::response::Problem;
use crate::mattermost::send::Sender;
use crate::storage::Db;
use fake_mattermost::{FakeMattermost, Reply};

fn ok() -> Option<Reply> {
    Some(Reply::ok())
}

fn status(code: u16, body: &str) -> Option<Reply> {
    Some(Reply::status(code, body).with_header("X-Request-Id", "req-9"))
}

fn settings_for(url: &str) -> ChannelSettingsInput {
    ChannelSettingsInput {
        webhook_url: url.into(),
        channel: "#town-square".into(),
        username: String::new(),
        icon_url: String::new(),
    }
}

/// A sample board in a database file, with its channel set to `url`.
fn board_with_channel(dir: &std::path::Path, url: &str) -> (Mutex<Db>, i64) {
    let mut db = Db::open(&dir.join("pickboard.db")).unwrap();
    let board = db.write(crate::sample::create).unwrap().id;
    db.write(|tx| save_settings(tx, board, &settings_for(url)))
        .unwrap();
    (Mutex::new(db), board)
}

/// A fake server answering `replies` in turn, and a sample board in a database file posting to it.
async fn board_posting_to_a_fake(
    replies: Vec<Option<Reply>>,
) -> (FakeMattermost, tempfile::TempDir, Mutex<Db>, i64) {
    let fake = FakeMattermost::in_turn(0, replies).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (db, board) = board_with_channel(dir.path(), &fake.url);
    (fake, dir, db, board)
}

fn make_due_now(db: &Mutex<Db>) {
    db.lock()
        .unwrap()
        .write(|tx| Ok(tx.execute("UPDATE post_parts SET next_attempt_at = 0", [])?))
        .unwrap();
}

/// The `text` of every request a test server received, in order.
fn texts(seen: &FakeMattermost) -> Vec<String> {
    let text = |body: &str| {
        serde_json::from_str::<serde_json::Value>(body).unwrap()["text"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    seen.bodies().iter().map(|b| text(b)).collect()
}

fn sender() -> Sender {
    Sender::new(Duration::from_secs(3)).unwrap()
}

#[test]
fn settings_keep_the_webhook_secret_and_posting_needs_them() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(crate::sample::create).unwrap().id;
    let err = db
        .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
        .unwrap_err();
    assert!(err
        .to_string()
        .contains("Set this board's Mattermost channel first"));
    assert!(db
        .write(|tx| save_settings(tx, board, &settings_for("https://x.example/api/v4")))
        .is_err());
    let saved = db
        .write(|tx| {
            save_settings(
                tx,
                board,
                &settings_for("http://chat.example.com/hooks/abcdef123"),
            )
        })
        .unwrap();
    assert_eq!(saved.webhook_masked, "http://chat.example.com/hooks/abcd…");
    assert!(saved.plain_http);
    assert_eq!(saved.channel, "town-square");
    // An empty address keeps the saved one; the other fields change.
    let kept = db
        .write(|tx| {
            save_settings(
                tx,
                board,
                &ChannelSettingsInput {
                    webhook_url: String::new(),
                    channel: "ops".into(),
                    username: "Pickboard".into(),
                    icon_url: String::new(),
                },
            )
        })
        .unwrap();
    assert_eq!(
        (kept.webhook_masked.as_str(), kept.channel.as_str()),
        ("http://chat.example.com/hooks/abcd…", "ops")
    );
    // The channel as the webhook takes it: a name (with or without #), a username, or nothing.
    let channel = |db: &mut Db, channel: &str| {
        let input = ChannelSettingsInput {
            webhook_url: String::new(),
            channel: channel.into(),
            username: String::new(),
            icon_url: String::new(),
        };
        db.write(|tx| save_settings(tx, board, &input))
            .map(|saved| saved.channel)
            .map_err(|e| e.to_string())
    };
    assert_eq!(channel(&mut db, " #town-square ").unwrap(), "town-square");
    assert_eq!(channel(&mut db, "@ana.smith").unwrap(), "@ana.smith");
    // Pasted from a web page, with characters that draw nothing.
    assert_eq!(
        channel(&mut db, "\u{FEFF}town-square\u{200B}\u{200E}").unwrap(),
        "town-square"
    );
    assert_eq!(channel(&mut db, "").unwrap(), "");
    for bad in ["Town Square", "../../api/v4/users <b>", "~ops", "@", "@Ana"] {
        let err = channel(&mut db, bad).unwrap_err();
        assert!(err.contains("small letters"), "{bad}: {err}");
    }
    assert!(channel(&mut db, "Town Square")
        .unwrap_err()
        .contains("town-square for Town Square"));
}

#[tokio::test]
async fn parts_go_out_in_order_and_a_part_accepted_is_never_sent_again() {
    // Part 1 ok; part 2 meets a server error, then goes through; part 3 ok.
    let (seen, _dir, db, board) = board_posting_to_a_fake(vec![ok(), status(500, "{}"), ok(), ok()]).await;
    let post = db
        .lock()
        .unwrap()
        .write(|tx| queue_with_limit(tx, board, &PostOptions::default(), "d", Sending::default(), 400))
        .unwrap();
    assert!(
        post.parts >= 3,
        "the message should need several parts, got {}",
        post.parts
    );
    let parts = post.parts as usize;

    let first = deliver_due(&db, &sender(), None).await.unwrap();
    assert_eq!((first.parts_sent, first.failures), (1, 1));
    let waiting = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
    assert_eq!(waiting.status, PostStatus::Pending);
    let held_up = db.lock().unwrap().read(|tx| super::waiting(tx, board)).unwrap();
    assert_eq!(held_up.iter().map(|p| p.id).collect::<Vec<_>>(), [post.id]);
    assert_eq!(db.lock().unwrap().read(waiting_count).unwrap(), 1);
    assert_eq!(waiting.parts_sent, 1);
    assert_eq!(
        waiting.error.as_ref().map(|e| e.problem),
        Some(Problem::ServerError)
    );

    // The backoff has not passed: nothing is sent.
    assert_eq!(
        deliver_due(&db, &sender(), None).await.unwrap(),
        Default::default()
    );
    make_due_now(&db);
    let seen2 = FakeMattermost::in_turn(0, (0..parts).map(|_| ok()).collect())
        .await
        .unwrap();
    let url2 = seen2.url.clone();
    db.lock()
        .unwrap()
        .write(|tx| save_settings(tx, board, &settings_for(&url2)))
        .unwrap();
    let rest = deliver_due(&db, &sender(), None).await.unwrap();
    assert_eq!(rest.parts_sent, parts - 1);
    let done = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
    assert_eq!(done.status, PostStatus::Posted);
    assert!(db
        .lock()
        .unwrap()
        .read(|tx| super::waiting(tx, board))
        .unwrap()
        .is_empty());
    assert_eq!(db.lock().unwrap().read(waiting_count).unwrap(), 0);

    // Every part reached a server exactly once when accepted, and the parts rejoin to the message.
    let first_server = texts(&seen);
    let second_server = texts(&seen2);
    assert_eq!(first_server.len(), 2);
    let accepted: Vec<String> = std::iter::once(first_server[0].clone())
        .chain(second_server)
        .collect();
    assert_eq!(accepted.len(), parts);
    let stored: Vec<String> = db
        .lock()
        .unwrap()
        .read(|tx| {
            let mut stmt = tx.prepare("SELECT text FROM post_parts WHERE post_id = ?1 ORDER BY seq")?;
            let rows = stmt.query_map([post.id], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    assert_eq!(accepted, stored, "the parts went out as queued, in order");
    assert!(
        accepted.iter().all(|p| p.starts_with("_Part ")),
        "each part says which it is"
    );
    assert!(!accepted[1..].contains(&accepted[0]), "part 1 was sent again");
}

#[tokio::test]
async fn an_outbox_survives_a_restart_and_goes_out_when_the_server_is_back() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let url = format!("http://127.0.0.1:{port}/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c");
    let dir = tempfile::tempdir().unwrap();
    let post_id = {
        let (db, board) = board_with_channel(dir.path(), &url);
        let post = db
            .lock()
            .unwrap()
            .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
            .unwrap();
        let round = deliver_due(&db, &sender(), None).await.unwrap();
        assert_eq!((round.parts_sent, round.failures), (0, 1));
        let waiting = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(waiting.error.unwrap().problem, Problem::Offline);
        post.id
    }; // the app quits

    let seen = FakeMattermost::in_turn(port, vec![ok()]).await.unwrap();
    let db = Mutex::new(Db::open(&dir.path().join("pickboard.db")).unwrap());
    make_due_now(&db);
    assert_eq!(deliver_due(&db, &sender(), None).await.unwrap().parts_sent, 1);
    assert_eq!(
        db.lock().unwrap().read(|tx| get(tx, post_id)).unwrap().status,
        PostStatus::Posted
    );
    assert_eq!(seen.received().len(), 1);
}

#[tokio::test]
async fn a_wrong_webhook_waits_for_the_user_then_retry_sends_it() {
    let (seen, _dir, db, board) = board_posting_to_a_fake(vec![status(400, r#"{"id":"web.incoming_webhook.invalid.app_error","message":"Invalid webhook.","request_id":"r","status_code":400}"#)]).await;
    let post = db
        .lock()
        .unwrap()
        .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
        .unwrap();
    deliver_due(&db, &sender(), None).await.unwrap();
    let failed = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
    assert_eq!(failed.status, PostStatus::Failed);
    assert_eq!(
        failed.error.as_ref().unwrap().request_id.as_deref(),
        Some("req-9")
    );
    // Nothing more goes out by itself.
    assert_eq!(
        deliver_due(&db, &sender(), None).await.unwrap(),
        Default::default()
    );
    assert_eq!(seen.received().len(), 1);

    // The user fixes the address and presses Retry.
    let seen2 = FakeMattermost::in_turn(0, vec![ok()]).await.unwrap();
    let fixed = seen2.url.clone();
    db.lock()
        .unwrap()
        .write(|tx| save_settings(tx, board, &settings_for(&fixed)))
        .unwrap();
    let retried = db.lock().unwrap().write(|tx| retry(tx, post.id)).unwrap();
    assert_eq!(retried.status, PostStatus::Pending);
    assert!(
        retried.error.is_none(),
        "the reason goes until the attempt gives its own"
    );
    deliver_due(&db, &sender(), None).await.unwrap();
    assert_eq!(
        db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap().status,
        PostStatus::Posted
    );
    assert_eq!(seen2.received().len(), 1);
    assert!(
        db.lock().unwrap().write(|tx| discard(tx, post.id)).is_err(),
        "a posted post cannot be discarded"
    );
}

#[tokio::test]
async fn a_post_discarded_while_it_was_being_sent_stays_discarded_unless_it_went_out() {
    let (_seen, _dir, db, board) = board_posting_to_a_fake(vec![]).await;
    let queue_one = || {
        db.lock()
            .unwrap()
            .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
            .unwrap()
    };
    // Discard pressed while the part was on its way: its refusal came back after, and the post read "Failed" again,
    // back among those to retry.
    let refused = queue_one();
    let answer = |post: &Post, outcome: Outcome| {
        db.lock()
            .unwrap()
            .write(|tx| {
                discard(tx, post.id)?;
                record(tx, post.id, 0, &outcome, now_ms())
            })
            .unwrap()
    };
    let after = answer(&refused, Outcome::Failed(Failure::new(Problem::ChannelGone)));
    assert_eq!(after.status, PostStatus::Discarded);
    // Gone out all the same, it says so: it is in the channel.
    let sent = queue_one();
    let after = answer(&sent, Outcome::Posted(None));
    assert_eq!(after.status, PostStatus::Posted);
}

#[tokio::test]
async fn the_next_post_lists_the_changes_since_the_last_successful_one() {
    let (seen, _dir, db, board) = board_posting_to_a_fake(vec![ok(), ok()]).await;
    db.lock()
        .unwrap()
        .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
        .unwrap();
    deliver_due(&db, &sender(), None).await.unwrap();
    let added = db
        .lock()
        .unwrap()
        .write(|tx| crate::edits::add_idea(tx, board, "Rotate TLS certificates", crate::domain::Zone::Kill))
        .unwrap();
    assert_eq!(added.zone, crate::domain::Zone::Kill);
    db.lock()
        .unwrap()
        .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
        .unwrap();
    deliver_due(&db, &sender(), None).await.unwrap();
    let second: serde_json::Value = serde_json::from_str(&seen.received()[1].body).unwrap();
    assert!(second["text"]
        .as_str()
        .unwrap()
        .contains("- Added “Rotate TLS certificates” to Kill"));
}

#[test]
fn backoff_doubles_up_to_fifteen_minutes_and_honours_retry_after() {
    assert_eq!(backoff_ms(1, None), 5_000);
    assert_eq!(backoff_ms(2, None), 10_000);
    assert_eq!(backoff_ms(30, None), 900_000);
    assert_eq!(backoff_ms(1, Some(60_000)), 60_000);
    // A server asking for a day is asked again in an hour.
    assert_eq!(backoff_ms(1, Some(86_400_000)), 3_600_000);
}

/// A post held up, then the computer's clock set back a week: its retry time lay a week ahead, and the post, and every
/// post behind it, waited for that date while the server was back.
#[tokio::test]
async fn a_post_put_off_before_the_clock_went_back_goes_out_at_once() {
    let (seen, _dir, db, board) = board_posting_to_a_fake(vec![ok()]).await;
    db.lock()
        .unwrap()
        .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
        .unwrap();
    let put_off = |by: i64| {
        db.lock()
            .unwrap()
            .write(|tx| {
                let at = crate::storage::now_ms() + by;
                Ok(tx.execute("UPDATE post_parts SET next_attempt_at = ?1", [at])?)
            })
            .unwrap();
    };
    // Its wait not over, it waits.
    put_off(60_000);
    assert_eq!(deliver_due(&db, &sender(), None).await.unwrap().parts_sent, 0);
    assert!(seen.received().is_empty());
    // Further off than any wait the outbox sets: the clock went back since.
    put_off(7 * 24 * 3_600_000);
    assert_eq!(deliver_due(&db, &sender(), None).await.unwrap().parts_sent, 1);
    assert_eq!(seen.received().len(), 1);
}

/// Queues the board's outcome as a post.
fn post(db: &Mutex<Db>, board: i64) -> Post {
    db.lock()
        .unwrap()
        .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
        .unwrap()
}

/// Adds an idea titled `title` to Kill.
fn add(db: &Mutex<Db>, board: i64, title: &str) {
    db.lock()
        .unwrap()
        .write(|tx| crate::edits::add_idea(tx, board, title, crate::domain::Zone::Kill))
        .unwrap();
}

/// A post refused, a newer one sent, then the first sent again on Retry: it went out last, and the next post is
/// compared with it, not with the newer one (as by the posts' ids).
#[tokio::test]
async fn the_changes_since_the_last_post_follow_the_order_posts_went_out_in() {
    let refused = status(
        400,
        r#"{"id":"web.incoming_webhook.invalid.app_error","message":"Invalid webhook.","request_id":"r","status_code":400}"#,
    );
    let (seen, _dir, db, board) = board_posting_to_a_fake(vec![refused, ok(), ok(), ok()]).await;
    let first = post(&db, board);
    deliver_due(&db, &sender(), None).await.unwrap();
    add(&db, board, "Added after the first post");
    post(&db, board);
    deliver_due(&db, &sender(), None).await.unwrap();
    db.lock().unwrap().write(|tx| retry(tx, first.id)).unwrap();
    deliver_due(&db, &sender(), None).await.unwrap();
    add(&db, board, "Added after the retry");
    post(&db, board);
    deliver_due(&db, &sender(), None).await.unwrap();
    let texts = texts(&seen);
    assert_eq!(texts.len(), 4, "{texts:?}");
    // The channel's last post before it was the first outcome, without the idea added after it.
    assert!(
        texts[3].contains("Added “Added after the first post”"),
        "{}",
        texts[3]
    );
    assert!(texts[3].contains("Added “Added after the retry”"), "{}", texts[3]);
}

/// The clock set back between two posts: the third is compared with the second, the last made, not with the first,
/// whose date is the latest.
#[tokio::test]
async fn the_changes_since_the_last_post_follow_the_posts_order_not_the_clock() {
    let (seen, _dir, db, board) = board_posting_to_a_fake(vec![ok(), ok(), ok()]).await;
    let first = post(&db, board);
    deliver_due(&db, &sender(), None).await.unwrap();
    // Posted a week ahead of the clock as it is now.
    db.lock()
        .unwrap()
        .write(|tx| {
            Ok(tx.execute(
                "UPDATE posts SET posted_at = posted_at + 604800000 WHERE id = ?1",
                [first.id],
            )?)
        })
        .unwrap();
    add(&db, board, "Added after the first post");
    post(&db, board);
    deliver_due(&db, &sender(), None).await.unwrap();
    add(&db, board, "Added after the second post");
    post(&db, board);
    deliver_due(&db, &sender(), None).await.unwrap();
    let texts = texts(&seen);
    assert!(
        texts[1].contains("Added “Added after the first post”"),
        "{}",
        texts[1]
    );
    assert!(
        texts[2].contains("Added “Added after the second post”"),
        "{}",
        texts[2]
    );
    assert!(
        !texts[2].contains("Added “Added after the first post”"),
        "{}",
        texts[2]
    );
}

#[tokio::test]
async fn posting_again_while_the_same_outcome_waits_sends_that_entry_not_a_second_one() {
    // The first part is rate limited, then the server takes everything.
    let limited = Reply::status(429, r#"{"message":"Too many requests"}"#).with_header("Retry-After", "60");
    let (seen, _dir, db, board) =
        board_posting_to_a_fake(vec![Some(limited), ok(), ok(), ok(), ok(), ok(), ok()]).await;
    let queue = || {
        db.lock()
            .unwrap()
            .write(|tx| queue_with_limit(tx, board, &PostOptions::default(), "d", Sending::default(), 400))
            .unwrap()
    };
    let first = queue();
    let held = deliver_due(&db, &sender(), None).await.unwrap();
    assert_eq!(held.parts_sent, 0);
    let waiting = db.lock().unwrap().read(|tx| get(tx, first.id)).unwrap();
    assert_eq!(
        waiting.status,
        PostStatus::Pending,
        "a rate limit keeps the post in the outbox"
    );

    // "Post again", twice (a double click): the same entry, made due now; no second post.
    let again = queue();
    assert_eq!(again.id, first.id);
    assert_eq!(queue().id, first.id);
    let all = db.lock().unwrap().read(|tx| list(tx, board)).unwrap();
    assert_eq!(all.len(), 1, "one post in the outbox: {all:?}");

    let sent = deliver_due(&db, &sender(), None).await.unwrap();
    assert_eq!(sent.parts_sent, first.parts as usize);
    let bodies = texts(&seen);
    // The rate-limited request, then each part once.
    assert_eq!(bodies.len(), 1 + first.parts as usize);
    let mut unique = bodies[1..].to_vec();
    unique.dedup();
    assert_eq!(unique.len(), first.parts as usize, "a part went out twice");

    // Once it is in the channel, posting the same outcome again is a new post, as the user asked.
    assert_ne!(queue().id, first.id);
}

#[tokio::test]
async fn a_deleted_boards_post_waits_while_its_delete_can_be_undone_and_goes_out_after_the_undo() {
    let (seen, _dir, db, board) = board_posting_to_a_fake((0..10).map(|_| ok()).collect()).await;
    let post = db
        .lock()
        .unwrap()
        .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
        .unwrap();
    db.lock()
        .unwrap()
        .write(|tx| crate::storage::boards::delete(tx, board))
        .unwrap();
    assert_eq!(
        deliver_due(&db, &sender(), None).await.unwrap(),
        Default::default()
    );
    assert!(seen.received().is_empty(), "nothing goes out for a deleted board");
    assert_eq!(
        db.lock().unwrap().read(waiting_count).unwrap(),
        0,
        "quitting does not ask about a deleted board's post"
    );
    assert_eq!(db.lock().unwrap().read(next_due_at).unwrap(), None);

    db.lock()
        .unwrap()
        .write(|tx| crate::storage::boards::restore(tx, board).map(|_| ()))
        .unwrap();
    deliver_due(&db, &sender(), None).await.unwrap();
    let sent = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
    assert_eq!(sent.status, PostStatus::Posted);
}

mod as_the_account {
    //! Posting as the connected account: a long outcome as one thread, updated in place on request, and a post that
    //! waits (never lost) when the account is not at hand.

    use fake_mattermost::{Channel, Team, User};

    use super::*;
    use crate::mattermost::account::{identity, save_identity, Identity, Keeping, Token};
    use crate::mattermost::api::Api;
    use crate::mattermost::destination::{save_account_channel, AccountChannel};

    const TOKEN: &str = "ana-token-xxxxxxxxxxxxxxxx";

    async fn fake() -> FakeMattermost {
        FakeMattermost::api(0)
            .user(User::new("ana", TOKEN))
            .team(Team::new("infra", "Infrastructure"))
            .channel(Channel::open("infra", "planning", "Planning").member("ana"))
            .start()
            .await
            .unwrap()
    }

    fn planning() -> Channel {
        Channel::open("infra", "planning", "Planning")
    }

    /// A sample board in a database file that posts as `ana` to infra/planning on `fake`.
    fn board_as_account(dir: &std::path::Path, fake: &FakeMattermost) -> (Mutex<Db>, i64) {
        let mut db = Db::open(&dir.join("pickboard.db")).unwrap();
        let board = db.write(crate::sample::create).unwrap().id;
        let who = Identity {
            server: ServerUrl::parse(&fake.address).unwrap(),
            user_id: User::new("ana", TOKEN).id,
            username: "ana".into(),
            display_name: "Ana".into(),
            keeping: Keeping::Session,
        };
        let channel = AccountChannel {
            team_id: Team::new("infra", "").id,
            team_name: "infra".into(),
            team_display: "Infrastructure".into(),
            channel_id: planning().id,
            channel_name: "planning".into(),
            channel_display: "Planning".into(),
        };
        db.write(|tx| {
            save_identity(tx, &who)?;
            save_account_channel(tx, board, &channel)
        })
        .unwrap();
        (Mutex::new(db), board)
    }

    fn api(fake: &FakeMattermost) -> Api {
        Api::new(
            ServerUrl::parse(&fake.address).unwrap(),
            Token::parse(TOKEN).unwrap(),
            Duration::from_secs(3),
        )
        .unwrap()
    }

    /// A change to the board, so that the next outcome reads differently.
    fn rename_first_idea(db: &Mutex<Db>) {
        db.lock()
            .unwrap()
            .write(|tx| {
                Ok(tx.execute(
                    "UPDATE ideas SET title = 'Renamed idea' WHERE id = (SELECT min(id) FROM ideas)",
                    [],
                )?)
            })
            .unwrap();
    }

    fn queue_long(db: &Mutex<Db>, board: i64, update_last: bool) -> Post {
        db.lock()
            .unwrap()
            .write(|tx| {
                queue_with_limit(
                    tx,
                    board,
                    &PostOptions::default(),
                    "d",
                    Sending { update_last },
                    400,
                )
            })
            .unwrap()
    }

    #[tokio::test]
    async fn a_long_outcome_is_one_thread_with_a_permalink_and_is_updated_in_place() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let post = queue_long(&db, board, false);
        assert!(post.parts >= 3, "{} parts", post.parts);
        let api = api(&fake);
        let done = deliver_due(&db, &sender(), Some(&api)).await.unwrap();
        assert_eq!((done.parts_sent, done.failures), (post.parts as usize, 0));

        let roots: Vec<_> = fake
            .channel_posts(&planning().id)
            .into_iter()
            .filter(|p| p.root_id.is_empty())
            .collect();
        assert_eq!(roots.len(), 1, "one conversation");
        let thread = fake.thread(&roots[0].id);
        assert_eq!(thread.len(), post.parts as usize);
        assert!(
            thread[0].message.starts_with("_Part 1 of"),
            "{}",
            thread[0].message
        );
        assert!(thread[1..].iter().all(|p| p.root_id == roots[0].id));
        let posted = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(posted.status, PostStatus::Posted);
        assert_eq!(
            posted.permalink.as_deref(),
            Some(format!("{}/infra/pl/{}", fake.address, roots[0].id).as_str())
        );

        // Posting again with "update the last post": the same posts are edited, nothing new appears.
        rename_first_idea(&db);
        let again = queue_long(&db, board, true);
        assert!(again.updates_earlier);
        deliver_due(&db, &sender(), Some(&api)).await.unwrap();
        let after = fake.channel_posts(&planning().id);
        assert_eq!(after.len(), thread.len(), "no new post");
        let edited: Vec<bool> = after.iter().map(|p| p.edit_at > 0).collect();
        assert!(edited[0], "the first part lists the changes: it is edited");
        let sent_again = fake.received().iter().filter(|r| r.method == "PUT").count();
        assert_eq!(
            sent_again,
            edited.iter().filter(|e| **e).count(),
            "only the parts that changed are edited"
        );
        let updated = db.lock().unwrap().read(|tx| get(tx, again.id)).unwrap();
        assert_eq!(updated.permalink, posted.permalink);
    }

    #[tokio::test]
    async fn an_update_lists_the_changes_since_the_post_before_it_and_another_channel_starts_afresh() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let api = api(&fake);
        let post = |update_last: bool, note: &str| {
            let options = PostOptions {
                note: note.into(),
                ..PostOptions::default()
            };
            let sending = Sending { update_last };
            let db = db.lock();
            let mut db = db.unwrap();
            let preview = db.read(|tx| preview(tx, board, &options, "d", sending)).unwrap();
            let queued = db.write(|tx| queue(tx, board, &options, "d", sending)).unwrap();
            assert_eq!(queued.message, preview, "the preview is the post");
            queued.message
        };
        post(false, "");
        deliver_due(&db, &sender(), Some(&api)).await.unwrap();
        db.lock()
            .unwrap()
            .write(|tx| {
                crate::edits::add_idea(tx, board, "Rotate TLS certificates", crate::domain::Zone::Kill)
            })
            .unwrap();
        let added = "- Added “Rotate TLS certificates” to Kill";
        assert!(post(false, "").contains(added));
        deliver_due(&db, &sender(), Some(&api)).await.unwrap();
        // Updated twice in place, it still lists what changed since the post before it: it read "No changes".
        for note in ["Agreed on Monday", "Agreed on Tuesday"] {
            let updated = post(true, note);
            assert!(updated.contains(note) && updated.contains(added), "{updated}");
            deliver_due(&db, &sender(), Some(&api)).await.unwrap();
        }
        // A new post lists the changes since the last one, which is the update.
        assert!(post(false, "").contains("_No changes._"));

        // In another channel nobody has seen a post of this board: the changes are not counted from one.
        let town = AccountChannel {
            team_id: Team::new("infra", "").id,
            team_name: "infra".into(),
            team_display: "Infrastructure".into(),
            channel_id: Channel::open("infra", "town-square", "Town Square").id,
            channel_name: "town-square".into(),
            channel_display: "Town Square".into(),
        };
        db.lock()
            .unwrap()
            .write(|tx| save_account_channel(tx, board, &town))
            .unwrap();
        let elsewhere = post(false, "");
        assert!(
            elsewhere.contains("_This is the board's first post in this channel._"),
            "{elsewhere}"
        );
    }

    #[tokio::test]
    async fn an_update_whose_post_was_deleted_gives_way_to_the_same_outcome_as_a_new_post() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let first = queue_long(&db, board, false);
        let api = api(&fake);
        deliver_due(&db, &sender(), Some(&api)).await.unwrap();
        // Someone deleted the outcome in Mattermost (its root takes the thread with it).
        let root = fake.channel_posts(&planning().id)[0].id.clone();
        assert!(fake.delete_post(&root));

        // An update that reads differently, so that it edits the post.
        rename_first_idea(&db);
        let update = queue_long(&db, board, true);
        assert!(update.updates_earlier);
        deliver_due(&db, &sender(), Some(&api)).await.unwrap();
        let failed = db.lock().unwrap().read(|tx| get(tx, update.id)).unwrap();
        assert_eq!(failed.status, PostStatus::Failed);
        assert_eq!(failed.error.unwrap().problem, Problem::PostGone);

        // "Post the outcome as a new post", as the error says: the same outcome, not as an update. It sent the failed
        // update again, which failed again, however often it was asked.
        let new = queue_long(&db, board, false);
        assert_ne!(new.id, update.id);
        assert!(!new.updates_earlier);
        let done = deliver_due(&db, &sender(), Some(&api)).await.unwrap();
        assert_eq!((done.parts_sent, done.failures), (new.parts as usize, 0));
        let posted = db.lock().unwrap().read(|tx| get(tx, new.id)).unwrap();
        assert_eq!(posted.status, PostStatus::Posted);
        let left = db.lock().unwrap().read(|tx| get(tx, update.id)).unwrap();
        assert_eq!(
            left.status,
            PostStatus::Discarded,
            "the update is not tried again"
        );
        let roots = fake
            .channel_posts(&planning().id)
            .into_iter()
            .filter(|p| p.root_id.is_empty() && p.delete_at == 0)
            .count();
        assert_eq!(roots, 1, "the outcome is in the channel once");
        assert_ne!(posted.permalink, first.permalink);
    }

    #[tokio::test]
    async fn without_the_account_a_post_waits_and_goes_out_once_it_is_connected() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let post = queue_long(&db, board, false);
        let done = deliver_due(&db, &sender(), None).await.unwrap();
        assert_eq!((done.parts_sent, done.failures), (0, 1));
        let failed = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(failed.status, PostStatus::Failed);
        assert_eq!(failed.error.unwrap().problem, Problem::NotConnected);
        assert!(fake.channel_posts(&planning().id).is_empty());

        // Connecting puts back what failed for want of the account (what `connect_account` does).
        let server = fake.address.clone();
        let requeued = db
            .lock()
            .unwrap()
            .write(|tx| requeue_for_account(tx, &server, &User::new("ana", TOKEN).id))
            .unwrap();
        assert_eq!(requeued, 1);
        deliver_due(&db, &sender(), Some(&api(&fake))).await.unwrap();
        let posted = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(posted.status, PostStatus::Posted);
    }

    #[tokio::test]
    async fn a_post_queued_as_one_account_never_goes_out_as_another() {
        const BO_TOKEN: &str = "bo-token-xxxxxxxxxxxxxxxxx";
        let fake = FakeMattermost::api(0)
            .user(User::new("ana", TOKEN))
            .user(User::new("bo", BO_TOKEN))
            .team(Team::new("infra", "Infrastructure"))
            .channel(
                Channel::open("infra", "planning", "Planning")
                    .member("ana")
                    .member("bo"),
            )
            .start()
            .await
            .unwrap();
        let as_bo = Api::new(
            ServerUrl::parse(&fake.address).unwrap(),
            Token::parse(BO_TOKEN).unwrap(),
            Duration::from_secs(3),
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let post = queue_long(&db, board, false);
        let ana = db.lock().unwrap().read(identity).unwrap().unwrap();
        // Disconnected, and connected again as bo, while ana's post waited: it went out as bo's.
        let bo = Identity {
            user_id: User::new("bo", BO_TOKEN).id,
            username: "bo".into(),
            display_name: "Bo".into(),
            ..ana.clone()
        };
        let connect = |who: &Identity| {
            db.lock()
                .unwrap()
                .write(|tx| {
                    save_identity(tx, who)?;
                    requeue_for_account(tx, who.server.as_str(), &who.user_id)
                })
                .unwrap()
        };
        connect(&bo);
        let done = deliver_due(&db, &sender(), Some(&as_bo)).await.unwrap();
        assert_eq!((done.parts_sent, done.failures), (0, 1));
        let held = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(held.status, PostStatus::Failed);
        let why = held.error.unwrap();
        assert_eq!(why.problem, Problem::OtherAccount);
        assert!(
            why.message
                .contains("another Mattermost account than @bo, connected now"),
            "{}",
            why.message
        );
        assert!(fake.channel_posts(&planning().id).is_empty());
        // Connecting as bo again leaves it waiting; as ana, it goes out.
        assert_eq!(connect(&bo), 0);
        assert_eq!(connect(&ana), 1);
        deliver_due(&db, &sender(), Some(&api(&fake))).await.unwrap();
        let posted = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(posted.status, PostStatus::Posted);
        let sent = fake.channel_posts(&planning().id);
        assert!(!sent.is_empty());
        assert!(sent.iter().all(|p| p.user_id == ana.user_id));
    }

    #[tokio::test]
    async fn a_credential_store_that_cannot_be_opened_now_is_retried_and_webhook_only_delivery_leaves_it_alone(
    ) {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let post = queue_long(&db, board, false);
        let webhook_only = crate::mattermost::deliver::deliver(
            &db,
            &sender(),
            Err(Failure::new(Problem::NotConnected)),
            true,
        )
        .await
        .unwrap();
        assert_eq!(
            webhook_only,
            Default::default(),
            "the command line leaves account posts alone"
        );
        let locked = Failure::new(Problem::CredentialStoreUnavailable);
        crate::mattermost::deliver::deliver(&db, &sender(), Err(locked), false)
            .await
            .unwrap();
        let waiting = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(waiting.status, PostStatus::Pending, "retried by itself");
        assert_eq!(
            waiting.error.unwrap().problem,
            Problem::CredentialStoreUnavailable
        );
    }

    #[tokio::test]
    async fn no_post_is_updated_in_place_while_a_newer_one_waits_in_the_outbox() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let first = queue_long(&db, board, false);
        deliver_due(&db, &sender(), Some(&api(&fake))).await.unwrap();
        let updatable_now = || db.lock().unwrap().read(|tx| updatable(tx, board)).unwrap();
        assert_eq!(updatable_now(), Some(first.id));

        // A second outcome, as a new post, waiting in the outbox (held up, say: Mattermost could not be reached).
        rename_first_idea(&db);
        let second = queue_long(&db, board, false);
        assert_eq!(second.status, PostStatus::Pending);
        // An update of the first post rewrote it with the newest outcome, and the second, older, went out below it.
        assert_eq!(updatable_now(), None, "the newest outcome waits");
        db.lock()
            .unwrap()
            .write(|tx| {
                Ok(tx.execute(
                    "UPDATE ideas SET title = 'Renamed again' WHERE id = (SELECT max(id) FROM ideas)",
                    [],
                )?)
            })
            .unwrap();
        let third = queue_long(&db, board, true);
        assert!(!third.updates_earlier, "a new post, after the one waiting");

        make_due_now(&db);
        deliver_due(&db, &sender(), Some(&api(&fake))).await.unwrap();
        let last = db.lock().unwrap().read(|tx| get(tx, third.id)).unwrap();
        assert_eq!(last.status, PostStatus::Posted);
        assert_eq!(updatable_now(), Some(third.id), "the newest post, once it is out");
    }

    #[tokio::test]
    async fn a_channel_picked_as_another_account_is_picked_again_and_never_updated_in_place() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let post = queue_long(&db, board, false);
        deliver_due(&db, &sender(), Some(&api(&fake))).await.unwrap();
        assert!(db
            .lock()
            .unwrap()
            .read(|tx| get(tx, post.id))
            .unwrap()
            .permalink
            .is_some());
        // Connected as someone else now: the board has no channel as them.
        let bot = Identity {
            server: ServerUrl::parse(&fake.address).unwrap(),
            user_id: "another-user".into(),
            username: "bot".into(),
            display_name: String::new(),
            keeping: Keeping::Session,
        };
        let updatable_now = || db.lock().unwrap().read(|tx| updatable(tx, board)).unwrap();
        assert_eq!(updatable_now(), Some(post.id), "the first account's own post");
        db.lock().unwrap().write(|tx| save_identity(tx, &bot)).unwrap();
        assert_eq!(updatable_now(), None, "not the other account's post");
        let channel = db
            .lock()
            .unwrap()
            .read(|tx| crate::mattermost::destination::account_channel(tx, board))
            .unwrap();
        assert_eq!(channel, None);
        let err = db
            .lock()
            .unwrap()
            .write(|tx| {
                queue(
                    tx,
                    board,
                    &PostOptions::default(),
                    "d",
                    Sending { update_last: true },
                )
            })
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("Set this board's Mattermost channel first"),
            "{err}"
        );
        // Picked again as the bot: "update the last post" finds none of the bot's own, and makes a new post.
        db.lock()
            .unwrap()
            .write(|tx| {
                save_account_channel(
                    tx,
                    board,
                    &AccountChannel {
                        team_id: Team::new("infra", "").id,
                        team_name: "infra".into(),
                        team_display: "Infrastructure".into(),
                        channel_id: planning().id,
                        channel_name: "planning".into(),
                        channel_display: "Planning".into(),
                    },
                )
            })
            .unwrap();
        assert_eq!(updatable_now(), None, "the bot has posted nothing");
        let fresh = queue_long(&db, board, true);
        assert!(!fresh.updates_earlier);
    }

    #[tokio::test]
    async fn a_part_whose_answer_was_lost_is_retried_without_a_second_post() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let post = queue_long(&db, board, false);
        // The second part reaches Mattermost, but its answer never comes back: the client times out.
        fake.lose_answer_next(1, "POST", "/api/v4/posts");
        let quick = Api::new(
            ServerUrl::parse(&fake.address).unwrap(),
            Token::parse(TOKEN).unwrap(),
            Duration::from_millis(700),
        )
        .unwrap();
        let first = deliver_due(&db, &sender(), Some(&quick)).await.unwrap();
        assert_eq!(first.failures, 1);
        let waiting = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(waiting.error.unwrap().problem, Problem::Timeout);
        assert_eq!(
            fake.channel_posts(&planning().id).len(),
            1,
            "made, though its answer was lost"
        );
        make_due_now(&db);
        deliver_due(&db, &sender(), Some(&api(&fake))).await.unwrap();
        let posts = fake.channel_posts(&planning().id);
        assert_eq!(posts.len(), post.parts as usize, "the retry made no second post");
        assert_eq!(
            db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap().status,
            PostStatus::Posted
        );
    }

    /// The app ended (killed, or the computer went down) while a part's first attempt was on its way, after Mattermost
    /// had made it: started again later than Mattermost's thirty seconds, the outbox finds the post instead of making
    /// it a second time. The first attempt left nothing in the database, and the channel had the outcome twice.
    #[tokio::test]
    async fn a_first_attempt_cut_short_by_the_app_ending_is_found_on_the_server_afterwards() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let post = queue_long(&db, board, false);
        fake.lose_answer_next(1, "POST", "/api/v4/posts");
        let cut = tokio::time::timeout(
            Duration::from_millis(500),
            deliver_due(&db, &sender(), Some(&api(&fake))),
        )
        .await;
        assert!(cut.is_err(), "the app ended on the way");
        assert_eq!(
            fake.channel_posts(&planning().id).len(),
            1,
            "made, though the app ended"
        );
        fake.forget_pending_post_ids();
        deliver_due(&db, &sender(), Some(&api(&fake))).await.unwrap();
        let posts = fake.channel_posts(&planning().id);
        assert_eq!(posts.len(), post.parts as usize, "no part was posted twice");
        assert_eq!(
            db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap().status,
            PostStatus::Posted
        );
    }

    #[tokio::test]
    async fn a_part_whose_answer_was_lost_is_not_posted_again_after_mattermosts_thirty_seconds() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let post = queue_long(&db, board, false);
        let quick = Api::new(
            ServerUrl::parse(&fake.address).unwrap(),
            Token::parse(TOKEN).unwrap(),
            Duration::from_millis(700),
        )
        .unwrap();
        // The first part, then a reply part, each reach Mattermost with their answers lost; each retry comes after
        // the server has forgotten the pending id, which no longer keeps it from posting twice.
        for made in 1..=2 {
            fake.lose_answer_next(1, "POST", "/api/v4/posts");
            let tried = deliver_due(&db, &sender(), Some(&quick)).await.unwrap();
            assert_eq!(tried.failures, 1);
            let thread = fake.channel_posts(&planning().id);
            assert_eq!(thread.len(), made, "made, though its answer was lost");
            fake.forget_pending_post_ids();
            make_due_now(&db);
        }
        deliver_due(&db, &sender(), Some(&api(&fake))).await.unwrap();
        let posts = fake.channel_posts(&planning().id);
        assert_eq!(posts.len(), post.parts as usize, "no part was posted twice");
        let stored = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(stored.status, PostStatus::Posted);
        // The later parts are replies to the first part as Mattermost has it.
        let root = &posts.iter().find(|p| p.root_id.is_empty()).unwrap().id;
        assert!(posts
            .iter()
            .filter(|p| !p.root_id.is_empty())
            .all(|p| &p.root_id == root));
    }

    #[tokio::test]
    async fn a_refused_token_keeps_the_post_for_a_retry() {
        let fake = fake().await;
        let dir = tempfile::tempdir().unwrap();
        let (db, board) = board_as_account(dir.path(), &fake);
        let post = queue_long(&db, board, false);
        fake.disable_personal_access_tokens(true);
        deliver_due(&db, &sender(), Some(&api(&fake))).await.unwrap();
        let failed = db.lock().unwrap().read(|tx| get(tx, post.id)).unwrap();
        assert_eq!(failed.status, PostStatus::Failed);
        assert_eq!(failed.error.as_ref().unwrap().problem, Problem::NotSignedIn);
        assert!(failed.error.unwrap().request_id.is_some());
        assert_eq!(failed.message, post.message, "the post is kept whole");
    }

    #[test]
    fn a_board_that_posts_as_a_disconnected_account_says_so() {
        let mut db = Db::open_in_memory().unwrap();
        let board = db.write(crate::sample::create).unwrap().id;
        let channel = AccountChannel {
            team_id: "t".into(),
            team_name: "infra".into(),
            team_display: "Infrastructure".into(),
            channel_id: "c".into(),
            channel_name: "planning".into(),
            channel_display: "Planning".into(),
        };
        let who = Identity {
            server: ServerUrl::parse("https://chat.example.com").unwrap(),
            user_id: "u".into(),
            username: "ana".into(),
            display_name: String::new(),
            keeping: Keeping::CredentialStore,
        };
        db.write(|tx| {
            save_identity(tx, &who)?;
            save_account_channel(tx, board, &channel)?;
            crate::mattermost::account::forget_identity(tx)
        })
        .unwrap();
        let err = db
            .write(|tx| queue(tx, board, &PostOptions::default(), "d", Sending::default()))
            .unwrap_err();
        assert!(err.to_string().contains("not connected"), "{err}");
    }
}

#[tokio::test]
async fn a_post_waiting_behind_a_held_up_one_says_which_and_why_until_that_one_goes_out() {
    let (_seen, _dir, db, board) = board_posting_to_a_fake(vec![
        status(503, r#"{"message":"Maintenance.","status_code":503}"#),
        ok(),
        ok(),
    ])
    .await;
    let queue_with = |note: &str| {
        let options = PostOptions {
            note: note.into(),
            ..PostOptions::default()
        };
        db.lock()
            .unwrap()
            .write(|tx| queue(tx, board, &options, "d", Sending::default()))
            .unwrap()
    };
    let first = queue_with("");
    deliver_due(&db, &sender(), None).await.unwrap();
    let held = db.lock().unwrap().read(|tx| get(tx, first.id)).unwrap();
    assert_eq!(held.status, PostStatus::Pending);
    assert!(held.error.as_ref().is_some_and(|e| e.retry), "{held:?}");
    assert_eq!(held.held_behind, None, "it is the one held up");

    // Made while the first is held up, the second waits behind it, and says so: the Post dialog said "Posting…" for
    // as long as the first was held, with no word of it.
    let second = queue_with("Before Friday");
    let behind = second.held_behind.as_ref().expect("it waits behind the first");
    assert_eq!(behind.post_id, first.id);
    assert_eq!(Some(&behind.error), held.error.as_ref());
    let listed = db.lock().unwrap().read(|tx| list(tx, board)).unwrap();
    assert_eq!(listed[0].id, second.id);
    assert_eq!(listed[0].held_behind, second.held_behind);

    make_due_now(&db);
    deliver_due(&db, &sender(), None).await.unwrap();
    let sent = db.lock().unwrap().read(|tx| get(tx, second.id)).unwrap();
    assert_eq!((sent.status, sent.held_behind), (PostStatus::Posted, None));
}
