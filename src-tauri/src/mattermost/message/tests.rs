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
    assert!(text.contains("_This is the board's first post._"));
    assert!(text.ends_with("_Posted from Pickboard · 9 ideas · high payoff from 5, hard from 5_"));
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
        !row.contains("@all") && !row.contains("<!") && !row.contains("<@") && !row.contains("`"),
        "{row}"
    );
    assert!(row.contains("\\|"), "{row}");
    assert!(
        row.contains("[link](https://jira.example.com/browse/OPS-1?q=%28x%29)"),
        "{row}"
    );
    assert!(row.contains("| ana |"), "the owner is named, not mentioned");

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
fn dates_are_computed_without_a_calendar_crate() {
    assert_eq!(utc_date(0), "1970-01-01");
    assert_eq!(utc_date(1_795_478_400_000), "2026-11-24");
    assert_eq!(utc_date(951_782_400_000), "2000-02-29");
}
