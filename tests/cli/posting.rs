//! A long outcome, checked with Mattermost's own Markdown parser (`@mattermost/commonmark`, the fork the Mattermost
//! web app renders with): every post reads on its own, every row is in a table, and nobody is mentioned unless the
//! owners are notified on purpose.

use std::io::Write;
use std::process::{Command, Stdio};

use pickboard_e2e::mattermost::FakeMattermost;
use pickboard_e2e::TestResult;
use pickboard_lib::cli::DRY_RUN_SEPARATOR;
use pickboard_lib::domain::Zone;
use pickboard_lib::edits;
use pickboard_lib::mattermost::outbox::{self, ChannelSettingsInput};
use pickboard_lib::storage::ideas::IdeaEdit;
use pickboard_lib::storage::{boards, Db, DB_FILE_NAME};

use super::pickboard;

const BOARD: &str = "A thousand ideas";

/// 1,000 ideas across the quadrants, owned by `ana` and `bo`, some titles trying to ping the channel, posting to `url`.
fn thousand_idea_board(dir: &std::path::Path, url: &str) -> TestResult {
    let mut db = Db::open(&dir.join(DB_FILE_NAME))?;
    db.write(|tx| {
        let board = boards::create(tx, BOARD)?.id;
        for k in 0..1_000 {
            let zone = [Zone::Implement, Zone::Challenge, Zone::Possible, Zone::Kill][k % 4];
            let idea = edits::add_idea(tx, board, &format!("Idea {k}"), zone)?;
            let edit = IdeaEdit {
                title: title(k),
                notes: String::new(),
                owner: ["ana", "bo"][k % 2].into(),
                link: link(k),
                tags: vec![],
            };
            edits::update_idea(tx, idea.id, &edit)?;
        }
        outbox::save_settings(tx, board, &webhook(url))
    })?;
    Ok(())
}

/// The title of the thousand-idea board's idea `k`: it tries to ping the channel, looks like Markdown and HTML, and
/// holds an address with underscores, which Mattermost makes a link of.
/// A link with what could break out of a link in a table: "a)|b" split the row, and `<!channel>` a webhook turns into
/// @channel.
fn link(k: usize) -> String {
    format!("https://jira.example.com/browse/OPS-{k}?q=a)|b](https://evil.example)<!channel>@here`x`\\")
}

fn title(k: usize) -> String {
    format!(
        "Idea {k}: tell @channel and @all about the {}rollout, see <!here>; *stars*, _under_, ~~struck~~, \
         [click me](https://evil.example), a\\*b, `kubectl` and ``@here``, <img src=x onerror=alert(1)> &lt;b&gt; \
         on www.example.com/Ops_Runbook_(v2) (_www.example.com/v_2_)",
        "staged ".repeat(4)
    )
}

/// Channel settings that post through the webhook at `url`, with nothing overridden.
fn webhook(url: &str) -> ChannelSettingsInput {
    ChannelSettingsInput {
        webhook_url: url.into(),
        channel: String::new(),
        username: String::new(),
        icon_url: String::new(),
    }
}

#[derive(Debug)]
struct Parsed {
    tables: u64,
    table_rows: u64,
    raw_rows: Vec<String>,
    html: Vec<String>,
    mentions: Vec<String>,
    styled: Vec<String>,
    code: Vec<String>,
    cells: Vec<String>,
    links: Vec<String>,
    addresses: Vec<(String, String)>,
}

impl Parsed {
    /// What the parser styles of the test titles' own Markdown-looking text ("*stars*", "_under_", "~~struck~~",
    /// "[click me](…)"): empty when each shows as typed.
    fn styled_title_text(&self) -> Vec<&String> {
        self.styled
            .iter()
            .filter(|text| {
                ["stars", "under", "struck", "click me"]
                    .iter()
                    .any(|word| text.contains(word))
            })
            .collect()
    }
}

/// Each post of `dry_run` (the output of `post --dry-run`), as Mattermost's parser reads it.
fn parse_with_mattermost(dry_run: &str) -> TestResult<Vec<Parsed>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/cli/mattermost-markdown.cjs");
    let mut node = Command::new("node")
        .args([script, DRY_RUN_SEPARATOR])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    node.stdin.take().expect("stdin").write_all(dry_run.as_bytes())?;
    let out = node.wait_with_output()?;
    assert!(out.status.success(), "the Markdown check failed");
    let mut posts = Vec::new();
    for line in String::from_utf8(out.stdout)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let strings = |key: &str| -> Vec<String> {
            v[key]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| s.as_str().unwrap_or_default().to_owned())
                .collect()
        };
        posts.push(Parsed {
            tables: v["tables"].as_u64().unwrap_or_default(),
            table_rows: v["tableRows"].as_u64().unwrap_or_default(),
            raw_rows: strings("rawRows"),
            html: strings("html"),
            mentions: strings("mentions"),
            styled: strings("styled"),
            code: strings("code"),
            cells: strings("cells"),
            links: strings("links"),
            addresses: v["addresses"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|pair| {
                    let part = |k: usize| pair[k].as_str().unwrap_or_default().to_owned();
                    (part(0), part(1))
                })
                .collect(),
        });
    }
    Ok(posts)
}

/// `post --dry-run` of the thousand-idea board with `extra` arguments: what it prints, and its posts as Mattermost's
/// parser reads them.
fn dry_run_of_thousand(extra: &[&str]) -> TestResult<(String, Vec<Parsed>)> {
    let dir = tempfile::tempdir()?;
    thousand_idea_board(
        dir.path(),
        "https://mattermost.example.com/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c",
    )?;
    let args = [&["post", "--board", BOARD, "--dry-run"], extra].concat();
    let (code, dry_run, stderr) = pickboard(dir.path(), &args);
    assert_eq!(code, 0, "{stderr}");
    let posts = parse_with_mattermost(&dry_run)?;
    Ok((dry_run, posts))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_outcome_goes_out_in_posts_that_each_read_as_tables_in_mattermost() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    thousand_idea_board(dir.path(), &server.url)?;

    let (code, dry_run, stderr) = pickboard(dir.path(), &["post", "--board", BOARD, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    let texts: Vec<&str> = dry_run
        .trim_end_matches('\n')
        .split(&format!("\n{DRY_RUN_SEPARATOR}\n"))
        .collect();
    let n = texts.len();
    assert!(n >= 3, "1,000 ideas fit in {n} post(s)?");
    let posts = parse_with_mattermost(&dry_run)?;
    assert_eq!(posts.len(), n);
    let (mut rows, mut titles, mut links) = (0, 0, 0);
    for (k, (text, post)) in texts.iter().zip(&posts).enumerate() {
        assert!(text.chars().count() <= 16_383, "post {} is too long", k + 1);
        assert!(
            text.starts_with(&format!("_Part {} of {n}_", k + 1)),
            "{}",
            &text[..60]
        );
        assert!(
            post.raw_rows.is_empty(),
            "post {} shows rows as raw pipes: {:?}",
            k + 1,
            &post.raw_rows[..1]
        );
        assert!(post.tables >= 1, "post {} has no table", k + 1);
        assert!(
            post.html.is_empty(),
            "post {} has HTML {:?}",
            k + 1,
            &post.html[..1]
        );
        // An address in a title leads where it says ("…/Ops%5C_Runbook" did, its escapes' backslashes in it).
        for (text, destination) in &post.addresses {
            let address = if text.starts_with("www.") {
                format!("http://{text}")
            } else {
                text.clone()
            };
            assert_eq!(destination, &address, "post {}", k + 1);
        }
        assert!(
            post.mentions.is_empty(),
            "post {} mentions {:?}",
            k + 1,
            post.mentions
        );
        // A title's own asterisks, underscores, tildes and brackets show as typed, never as Markdown.
        let styled = post.styled_title_text();
        assert!(styled.is_empty(), "post {} styles {:?}", k + 1, styled);
        // And so do its backticks, never as code ("`kubectl`" was posted as "ˋkubectlˋ"): each title's cell reads
        // as the title and its link, but for the mentions' zero-width spaces.
        assert!(
            post.code.is_empty(),
            "post {} shows code {:?}",
            k + 1,
            &post.code[..1]
        );
        for cell in post.cells.iter().filter(|c| c.starts_with("Idea ")) {
            let number = cell["Idea ".len()..].split(':').next().unwrap_or_default();
            let shown = cell.replace('\u{200B}', "");
            assert_eq!(
                shown,
                format!("{} (link)", title(number.parse()?)),
                "post {}",
                k + 1
            );
            titles += 1;
        }
        // Each link leads where the idea's does, whole: nothing in it ended the link or the cell, or reads as a
        // mention.
        for destination in &post.links {
            let decoded = percent_decode(destination);
            let k: usize = decoded
                .strip_prefix("https://jira.example.com/browse/OPS-")
                .and_then(|rest| rest.split('?').next())
                .unwrap_or_default()
                .parse()
                .map_err(|_| format!("post {} links to {destination}", k + 1))?;
            assert_eq!(decoded, link(k), "post {}", k + 1);
            assert!(!destination.contains(['<', '>', '|', '@']), "{destination}");
            links += 1;
        }
        // Each table's header row is a table row too.
        rows += post.table_rows - post.tables;
    }
    assert_eq!(rows, 1_000, "every idea is a table row, once");
    assert_eq!(titles, 1_000, "every title is in a cell of its own");
    assert_eq!(links, 1_000, "every idea's link is a link");
    assert!(texts[1].contains("(continued)"), "{}", &texts[1][..200]);

    // Posting sends exactly what the dry run printed, one request per post.
    let (code, stdout, stderr) = pickboard(dir.path(), &["post", "--board", BOARD]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!("Posted to Mattermost in {n} parts.")),
        "{stdout}"
    );
    let sent: Vec<String> = server
        .bodies()
        .iter()
        .map(|b| {
            serde_json::from_str::<serde_json::Value>(b)
                .map(|v| v["text"].as_str().unwrap_or_default().to_owned())
        })
        .collect::<Result<_, _>>()?;
    // The dry run's changes section said "first post"; so does what was sent.
    assert_eq!(sent, texts);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn owners_are_mentioned_only_when_notify_owners_is_on() -> TestResult {
    let (_, posts) = dry_run_of_thousand(&["--notify-owners"])?;
    let mentions: Vec<String> = posts.into_iter().flat_map(|p| p.mentions).collect();
    assert_eq!(mentions.len(), 1_000, "one mention per row: its owner");
    assert!(
        mentions.iter().all(|m| m == "ana" || m == "bo"),
        "{:?}",
        mentions.iter().find(|m| *m != "ana" && *m != "bo")
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_facilitators_note_keeps_its_markdown_and_pings_nobody() -> TestResult {
    let note = "**Decided** in the Tuesday review.\n\nSee [the plan](https://wiki.example.com/plan), \
                questions to @channel or @bo.\n- `make deploy` first";
    let (dry_run, posts) = dry_run_of_thousand(&["--note", note])?;
    // The note reads in the channel as the facilitator wrote it, as a round's note does.
    for styled in ["Decided", "the plan"] {
        assert!(
            posts[0].styled.iter().any(|s| s == styled),
            "{:?} in {dry_run:.400}",
            posts[0].styled
        );
    }
    assert_eq!(posts[0].code, ["make deploy"]);
    // Its mentions, the titles' and their Markdown stay plain text.
    for post in &posts {
        assert!(post.mentions.is_empty(), "{:?}", post.mentions);
        assert!(post.styled_title_text().is_empty(), "{:?}", post.styled);
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_into_a_reader_that_stops_early_is_not_a_crash() -> TestResult {
    let dir = tempfile::tempdir()?;
    thousand_idea_board(
        dir.path(),
        "https://mattermost.example.com/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c",
    )?;
    for args in [
        vec!["post", "--board", BOARD, "--dry-run"],
        vec!["export", "--board", BOARD, "--format", "csv", "-o", "-"],
        vec!["boards"],
    ] {
        // `| head -1`: read one line, then close the pipe while the program still writes (its output is far larger
        // than the pipe's buffer, except for `boards`, which must simply not fail).
        let mut child = Command::new(pickboard_e2e::app_binary())
            .args(&args)
            .env("PICKBOARD_DATA_DIR", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let mut stdout = child.stdout.take().expect("stdout");
        let mut first = [0u8; 16];
        std::io::Read::read_exact(&mut stdout, &mut first)?;
        drop(stdout);
        let out = child.wait_with_output()?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boards_counts_in_words_and_a_post_held_back_says_why() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::answering(0, |_, _| {
        Some(pickboard_e2e::mattermost::Reply::status(503, "{}"))
    })
    .await?;
    {
        let mut db = Db::open(&dir.path().join(DB_FILE_NAME))?;
        db.write(|tx| {
            let board = boards::create(tx, "One")?.id;
            edits::add_idea(tx, board, "Only idea", Zone::Implement)?;
            outbox::save_settings(tx, board, &webhook(&server.url))
        })?;
    }
    let (code, stdout, _) = pickboard(dir.path(), &["boards"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(" 1 idea ") && !stdout.contains("1 ideas"),
        "{stdout}"
    );

    // The first post meets a server error and waits in the outbox for its next try.
    let (code, _, stderr) = pickboard(dir.path(), &["post", "--board", "One"]);
    assert_eq!(code, 4, "{stderr}");
    assert!(stderr.contains("The Mattermost server had a problem"), "{stderr}");
    // A new outcome waits behind it, and says so.
    {
        let mut db = Db::open(&dir.path().join(DB_FILE_NAME))?;
        let board = db.read(boards::list)?[0].id;
        db.write(|tx| edits::add_idea(tx, board, "Second idea", Zone::Kill))?;
    }
    let (code, _, stderr) = pickboard(dir.path(), &["post", "--board", "One"]);
    assert_eq!(code, 4, "{stderr}");
    assert!(
        stderr.contains(
            "the post did not go out: an earlier post (#1) waits in the outbox, and posts go out in the order they \
             were made. That post: The Mattermost server had a problem"
        ),
        "{stderr}"
    );
    assert_eq!(server.bodies().len(), 1, "nothing was sent out of order");
    Ok(())
}

#[test]
fn the_markdown_export_shows_titles_as_written_and_never_as_html() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut db = Db::open(&dir.path().join(DB_FILE_NAME))?;
    db.write(|tx| {
        let board = boards::create(tx, BOARD)?.id;
        for title in [
            "<img src=x onerror=alert(1)> in a title",
            "Wrap <b>this</b> and <!-- that --> up",
            "Keep latency < 200 ms",
            "Write &lt;b&gt; &amp; R&D",
            "Read www.example.com/Ops_Runbook_(v2)",
            "Fix *stars*, _under_, ~~struck~~, [click me](https://evil.example), `code` and a\\*b",
        ] {
            edits::add_idea(tx, board, title, Zone::Implement)?;
        }
        Ok(())
    })?;
    drop(db);
    let (code, document, stderr) = pickboard(
        dir.path(),
        &["export", "--board", BOARD, "--format", "md", "-o", "-"],
    );
    assert_eq!(code, 0, "{stderr}");
    let parsed = parse_with_mattermost(&document)?;
    assert_eq!(parsed.len(), 1);
    assert!(parsed[0].html.is_empty(), "raw HTML: {:?}", parsed[0].html);
    assert_eq!(parsed[0].table_rows, 7, "a header and the 6 ideas");
    assert!(document.contains("Keep latency < 200 ms"), "{document}");
    // A character reference reads as typed ("&lt;b&gt;" read "<b>").
    assert!(
        parsed[0]
            .cells
            .iter()
            .any(|cell| cell == "Write &lt;b&gt; &amp; R&D"),
        "{:?}",
        parsed[0].cells
    );
    // An address leads where it says ("…/Ops%5C_Runbook" did).
    assert!(
        parsed[0].addresses.contains(&(
            "www.example.com/Ops_Runbook_(v2)".to_owned(),
            "http://www.example.com/Ops_Runbook_(v2)".to_owned()
        )),
        "{:?}",
        parsed[0].addresses
    );
    // A title's asterisks, underscores, tildes, brackets and backticks are its own text, not styling, a link or code
    // (the document's own headings and footer are styled; a web address in a title is linked, as Mattermost does).
    let styled = parsed[0].styled_title_text();
    assert!(styled.is_empty(), "title text styled: {styled:?}");
    assert!(parsed[0].code.is_empty(), "code: {:?}", parsed[0].code);
    assert!(document.contains(r"a\\\*b"), "{document}");
    Ok(())
}

/// `s` with its %XX escapes decoded.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
