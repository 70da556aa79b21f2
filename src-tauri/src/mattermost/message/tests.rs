use super::*;
use crate::edits;
use crate::storage::ideas::IdeaEdit;
use crate::storage::{boards, Db};

fn sample() -> (Db, Board) {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write(crate::sample::create).unwrap().id;
    let board = db.read(|tx| boards::get(tx, id)).unwrap();
    (db, board)
}

#[test]
fn the_outcome_lists_quadrants_in_order_with_ideas_in_rank_order() {
    let (_db, board) = sample();
    let text = build(&board, &PostOptions::default(), None, "2026-11-24");
    assert!(text.starts_with("#### PICK outcome: Platform team — next quarter · 2026-11-24\n"));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} missing from\n{text}"));
    assert!(
        at("Implement**") < at("Challenge**")
            && at("Challenge**") < at("Possible**")
            && at("Possible**") < at("Kill**")
    );
    assert!(at("Turn on automated dependency updates") < at("Alert on disk usage"));
    assert!(
        text.contains("| 1 | Turn on automated dependency updates for the infra repos | ana | 8 | 1.5 |"),
        "{text}"
    );
    assert!(text.contains("_This is the board's first post in this channel._"));
    assert!(
        text.ends_with("_Posted from Pickboard · 9 ideas on the board · high payoff from 5, hard from 5_")
    );
    assert!(
        !text.contains("Self-service preview"),
        "unsorted ideas are not posted"
    );
}

#[test]
fn options_choose_what_is_included() {
    let (_db, board) = sample();
    let options = PostOptions {
        quadrants: vec![Quadrant::Kill, Quadrant::Implement],
        include_scores: false,
        include_owners: false,
        include_changes: false,
        note: "Decided in the Tuesday review.\nQuestions to @channel".into(),
        ..PostOptions::default()
    };
    let text = build(&board, &options, None, "d");
    assert!(text.find("Implement**").unwrap() < text.find("Kill**").unwrap());
    assert!(!text.contains("Challenge**") && !text.contains("Payoff") && !text.contains("Owner"));
    assert!(!text.contains("Changes since"));
    assert!(text.contains("> Decided in the Tuesday review."));
    assert!(text.contains("> Questions to @\u{200B}channel"));
}

#[test]
fn the_note_keeps_its_paragraphs_and_its_markdown_in_one_quote() {
    let (_db, board) = sample();
    let options = PostOptions {
        note: "\n\n**Decided** on Tuesday.\n\nSee [the plan](https://wiki.example.com)\n\n".into(),
        ..PostOptions::default()
    };
    let text = build(&board, &options, None, "d");
    assert!(
        text.contains("\n> **Decided** on Tuesday.\n>\n> See [the plan](https://wiki.example.com)\n\n"),
        "{text}"
    );
}

#[test]
fn user_text_never_pings_and_cannot_break_the_table() {
    let (mut db, board) = sample();
    let idea = board.ideas.iter().find(|i| i.zone == Zone::Implement).unwrap();
    let edit = IdeaEdit {
        title: "Tell @all | <!here> `@channel` about <@U1>".into(),
        notes: String::new(),
        owner: "ana".into(),
        link: "https://jira.example.com/browse/OPS-1?q=(x)".into(),
        tags: vec![],
    };
    db.write(|tx| edits::update_idea(tx, idea.id, &edit)).unwrap();
    let board = db.read(|tx| boards::get(tx, board.id)).unwrap();
    let text = build(&board, &PostOptions::default(), None, "d");
    let row = text.lines().find(|l| l.contains("Tell")).unwrap();
    assert!(
        !row.contains("@all") && !row.contains("<!") && !row.contains("<@") && !row.contains("@channel"),
        "{row}"
    );
    // Its backticks are its own text, escaped so that none opens a code span.
    assert!(row.contains("\\`@\u{200B}channel\\`"), "{row}");
    assert_eq!(row.matches('`').count(), row.matches("\\`").count(), "{row}");
    assert!(row.contains("\\|"), "{row}");
    assert!(
        row.contains("[link](https://jira.example.com/browse/OPS-1?q=%28x%29)"),
        "{row}"
    );
    assert!(row.contains("| ana |"), "the owner is named, not mentioned");

    // The Markdown export too: "=cmd\\|'" ended the cell at the pipe, its backslash escaped.
    let document = render(&board, &PostOptions::default(), None, "d", Audience::Document);
    let row = document.lines().find(|l| l.contains("Tell")).unwrap();
    assert!(row.contains("Tell @all \\| ") && !row.contains("\\\\|"), "{row}");

    let notify = PostOptions {
        notify_owners: true,
        ..PostOptions::default()
    };
    let text = build(&board, &notify, None, "d");
    assert!(
        text.contains("| @ana |"),
        "owners are mentioned on purpose when asked"
    );
    assert!(!text.contains("@all"));
}

#[test]
fn changes_since_the_last_post_are_listed() {
    let (mut db, board) = sample();
    let before = snapshot(&board);
    let find = |t: &str| board.ideas.iter().find(|i| i.title.starts_with(t)).unwrap().id;
    db.write(|tx| edits::move_idea(tx, find("Migrate CI"), Zone::Implement, 0))
        .unwrap();
    db.write(|tx| edits::move_idea(tx, find("Dark mode"), Zone::Kill, 0))
        .unwrap();
    db.write(|tx| edits::delete_idea(tx, find("Rename the staging")))
        .unwrap();
    db.write(|tx| edits::add_idea(tx, board.id, "Rotate TLS certificates", Zone::Challenge))
        .unwrap();
    let board = db.read(|tx| boards::get(tx, board.id)).unwrap();
    let text = build(&board, &PostOptions::default(), Some(&before), "d");
    assert!(
        text.contains("- Moved “Migrate CI runners to arm64”: Challenge → Implement"),
        "{text}"
    );
    assert!(text.contains("- Killed “Dark mode for the internal status page” (was Possible)"));
    assert!(text.contains("- Removed “Rename the staging clusters to match production” (was Possible)"));
    assert!(text.contains("- Added “Rotate TLS certificates” to Challenge"));
}

#[test]
fn dates_are_days_of_the_gregorian_calendar() {
    assert_eq!(utc_date(0), "1970-01-01");
    assert_eq!(utc_date(1_795_478_400_000), "2026-11-24");
    assert_eq!(utc_date(951_782_400_000), "2000-02-29");
}

/// A board with `n` ideas in Implement, each with a title of about `title_len` characters.
fn big_board(n: usize, title_len: usize) -> Board {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write(|tx| boards::create(tx, "Big")).unwrap().id;
    db.write(|tx| {
        for k in 0..n {
            let title = format!("Idea {k} {}", "x".repeat(title_len));
            edits::add_idea(tx, id, &title, Zone::Implement)?;
        }
        Ok(())
    })
    .unwrap();
    db.read(|tx| boards::get(tx, id)).unwrap()
}

/// An Owner column of empty cells said nothing: it comes only where an idea posted has an owner.
#[test]
fn an_owner_column_only_where_an_idea_posted_has_an_owner() {
    let board = big_board(3, 5);
    let text = build(&board, &PostOptions::default(), None, "d");
    assert!(!text.contains("Owner"), "{text}");
    let mut owned = board.clone();
    owned.ideas[1].owner = "ana".into();
    let text = build(&owned, &PostOptions::default(), None, "d");
    assert!(
        text.contains("| # | Idea | Owner | Payoff | Cost/risk |"),
        "{text}"
    );
    assert!(text.contains("| ana |"), "{text}");
    // Owned only outside the quadrants posted: none.
    let elsewhere = PostOptions {
        quadrants: vec![Quadrant::Kill],
        ..PostOptions::default()
    };
    assert!(!build(&owned, &elsewhere, None, "d").contains("Owner"));
}

#[test]
fn a_message_that_fits_is_one_post_without_a_part_label() {
    let (_db, board) = sample();
    let parts = build_parts(&board, &PostOptions::default(), None, "d", MAX_POST_CHARS).unwrap();
    assert_eq!(parts, [build(&board, &PostOptions::default(), None, "d")]);
    assert!(!parts[0].contains("Part 1"));
}

#[test]
fn every_part_of_a_long_outcome_reads_on_its_own() {
    let board = big_board(1_000, 60);
    let parts = build_parts(&board, &PostOptions::default(), None, "d", MAX_POST_CHARS).unwrap();
    let n = parts.len();
    assert!(n >= 4, "1,000 long titles need several posts, got {n}");
    // No idea has an owner: no Owner column.
    let header = "| # | Idea | Payoff | Cost/risk |";
    for (k, part) in parts.iter().enumerate() {
        assert!(part.chars().count() <= MAX_POST_CHARS);
        assert!(
            part.starts_with(&format!("_Part {} of {n}_\n\n", k + 1)),
            "{}",
            &part[..80]
        );
        assert!(part.contains(header), "part {} has no table header", k + 1);
        if k > 0 && k + 1 < n {
            assert!(
                part.contains("Implement** (continued)\n\n| # |"),
                "part {}",
                k + 1
            );
        }
        // The first table line of every part is a header, not a row.
        let first_table_line = part.lines().find(|l| l.starts_with("| "));
        assert_eq!(first_table_line, Some(header), "part {}", k + 1);
    }
    // Every idea is posted once, in order.
    let rows: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.lines())
        .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
        .collect();
    assert_eq!(rows.len(), 1_000);
    assert!(rows[999].starts_with("| 1000 | Idea 999 "));
    assert!(parts[n - 1].ends_with("hard from 5_"));
}

#[test]
fn bidirectional_controls_never_reorder_the_table() {
    let (mut db, board) = sample();
    let idea = board.ideas.iter().find(|i| i.zone == Zone::Implement).unwrap();
    let edit = IdeaEdit {
        title: "Fix \u{202E}stressed\u{202C} and \u{2067}more".into(),
        notes: String::new(),
        owner: "\u{202E}ana".into(),
        link: String::new(),
        tags: vec![],
    };
    db.write(|tx| edits::update_idea(tx, idea.id, &edit)).unwrap();
    let board = db.read(|tx| boards::get(tx, board.id)).unwrap();
    for audience in [Audience::Channel, Audience::Document] {
        let text = render(&board, &PostOptions::default(), None, "d", audience);
        assert!(!text.chars().any(crate::text::is_bidi_control), "{text}");
        assert!(text.contains("| Fix stressed and more | ana |"), "{text}");
    }
}

#[test]
fn a_document_of_a_board_never_posted_has_no_changes_since_a_post() {
    let (_db, board) = sample();
    let post = render(&board, &PostOptions::default(), None, "d", Audience::Channel);
    assert!(
        post.contains("_This is the board's first post in this channel._"),
        "{post}"
    );
    let document = render(&board, &PostOptions::default(), None, "d", Audience::Document);
    assert!(!document.contains("Changes since"), "{document}");
    assert!(!document.contains("channel"), "{document}");
}

#[test]
fn a_document_shows_the_quadrants_circles_as_characters_and_a_post_as_emoji_codes() {
    let (_db, board) = sample();
    let post = render(&board, &PostOptions::default(), None, "d", Audience::Channel);
    let document = render(&board, &PostOptions::default(), None, "d", Audience::Document);
    assert!(post.contains("**:large_green_circle: Implement**"), "{post}");
    assert!(document.contains("**🟢 Implement**"), "{document}");
    assert!(document.contains("**🔴 Kill**"), "{document}");
    assert!(!document.contains(":large_"), "{document}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Whatever the board's size and the post limit: every part fits, starts with its label, and every row of every
    /// part sits under a table header of its own part.
    #[test]
    fn parts_fit_and_every_row_has_its_header(n in 1usize..300, title_len in 0usize..120, max in 600usize..4_000) {
        let board = big_board(n, title_len);
        let parts = build_parts(&board, &PostOptions::default(), None, "d", max).unwrap();
        let mut rows = 0;
        for part in &parts {
            proptest::prop_assert!(part.chars().count() <= max);
            let mut in_table = false;
            for line in part.lines() {
                if line.starts_with("| #") {
                    in_table = true;
                } else if line.is_empty() {
                    in_table = false;
                } else if line.starts_with("| ") {
                    proptest::prop_assert!(in_table, "a row outside a table: {}", line);
                    rows += 1;
                }
            }
        }
        proptest::prop_assert_eq!(rows, n);
    }
}

#[test]
fn notify_owners_never_mentions_the_whole_channel() {
    assert_eq!(mention("ana").as_deref(), Some("@ana"));
    assert_eq!(mention("@bo.lind").as_deref(), Some("@bo.lind"));
    assert_eq!(mention("all.in").as_deref(), Some("@all.in"));
    // Mattermost strips `.`, `-`, `_` and `:` from a word's ends and matches again: "@channel." is "@channel".
    for channel_wide in [
        "channel",
        "@channel",
        "all",
        "here",
        "channel.",
        "all_",
        "here-",
        "_here",
        "channel.-",
    ] {
        assert_eq!(mention(channel_wide), None, "{channel_wide}");
    }
}

#[test]
fn the_command_lines_outcome_is_dated_as_the_window_writes_it() {
    // Noon UTC: the same day in every time zone but a few far east or west, where it is one day off at most.
    let date = crate::mattermost::message::local_date_in_words(1_796_558_400_000);
    assert!(
        ["Dec 5, 2026", "Dec 6, 2026", "Dec 7, 2026"].contains(&date.as_str()),
        "{date}"
    );
}
