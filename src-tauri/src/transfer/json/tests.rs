use std::collections::HashMap;

use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::domain::testing::any_zone;
use crate::domain::{Score, Zone};
use crate::edits;
use crate::storage::ideas::IdeaEdit;
use crate::storage::Db;

/// The file with every id replaced by its order of first appearance and the export time cleared, so that two
/// exports of the same board from different databases compare equal.
fn canonical(bytes: &[u8]) -> Value {
    fn walk(v: &mut Value, ids: &mut HashMap<i64, i64>) {
        match v {
            Value::Object(map) => {
                let about_the_board = map.get("table").and_then(Value::as_str) == Some("board");
                for (key, value) in map.iter_mut() {
                    if about_the_board && key == "id" {
                        *value = Value::from(0);
                        continue;
                    }
                    match (key.as_str(), value.as_i64()) {
                        ("id" | "ideaId", Some(id)) => {
                            let next = ids.len() as i64;
                            *value = Value::from(*ids.entry(id).or_insert(next));
                        }
                        ("board_id" | "exportedAt", Some(_)) => *value = Value::from(0),
                        _ => walk(value, ids),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, ids)),
            _ => {}
        }
    }
    let mut value: Value = serde_json::from_slice(bytes).unwrap();
    walk(&mut value, &mut HashMap::new());
    value
}

/// Where two JSON values differ, as paths, for readable failures.
fn differences(a: &Value, b: &Value, path: &str, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                let (va, vb) = (
                    x.get(key).unwrap_or(&Value::Null),
                    y.get(key).unwrap_or(&Value::Null),
                );
                differences(va, vb, &format!("{path}.{key}"), out);
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (n, (va, vb)) in x.iter().zip(y).enumerate() {
                differences(va, vb, &format!("{path}[{n}]"), out);
            }
        }
        _ if a != b => out.push(format!("{path}: {a} ≠ {b}")),
        _ => {}
    }
}

fn assert_same(a: &Value, b: &Value) {
    let mut out = Vec::new();
    differences(a, b, "", &mut out);
    assert!(out.is_empty(), "the boards differ:\n{}", out.join("\n"));
}

fn export_board(db: &mut Db, board: i64) -> Vec<u8> {
    db.read(|tx| export(tx, &boards::get(tx, board)?)).unwrap()
}

fn round_trip(db: &mut Db, board: i64) -> (Db, i64) {
    let bytes = export_board(db, board);
    let file = parse(&bytes).unwrap();
    let mut other = Db::open_in_memory().unwrap();
    // Something already in the other database, so that ids there differ from the file's.
    other
        .write(|tx| {
            let b = boards::create(tx, "Already here")?.id;
            edits::add_idea(tx, b, "Existing", Zone::Kill)
        })
        .unwrap();
    let imported = other.write(|tx| import(tx, &file, None)).unwrap();
    assert_same(
        &canonical(&export_board(&mut other, imported)),
        &canonical(&bytes),
    );
    (other, imported)
}

#[derive(Debug, Clone)]
enum Op {
    Add(String, Zone),
    Edit(usize, String, String, Vec<String>),
    Move(usize, Zone, u32),
    Scores(usize, u8, u8),
    Delete(usize),
    Undo,
    Thresholds(u8, u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        ("[a-zA-Z @<>é🙂]{1,20}", any_zone()).prop_map(|(t, z)| Op::Add(t, z)),
        (
            any::<usize>(),
            ".{0,40}",
            "[a-z]{0,8}",
            proptest::collection::vec("[a-z]{1,6}", 0..3)
        )
            .prop_map(|(i, n, o, t)| Op::Edit(i, n, o, t)),
        (any::<usize>(), any_zone(), 0u32..5).prop_map(|(i, z, n)| Op::Move(i, z, n)),
        (any::<usize>(), 0u8..=100, 0u8..=100).prop_map(|(i, p, c)| Op::Scores(i, p, c)),
        any::<usize>().prop_map(Op::Delete),
        Just(Op::Undo),
        (1u8..=100, 1u8..=100).prop_map(|(p, c)| Op::Thresholds(p, c)),
    ]
}

fn apply(db: &mut Db, board: i64, op: &Op) {
    let ids: Vec<i64> = db
        .read(|tx| Ok(boards::get(tx, board)?.ideas.iter().map(|i| i.id).collect()))
        .unwrap();
    let pick = |i: usize| (!ids.is_empty()).then(|| ids[i % ids.len()]);
    let score = |t: u8| Score::from_tenths(i64::from(t)).unwrap();
    let _ = db.write(|tx| match op {
        Op::Add(title, zone) => edits::add_idea(tx, board, title, *zone).map(drop),
        Op::Edit(i, notes, owner, tags) => match pick(*i) {
            Some(id) => {
                let title = ideas::get(tx, id)?.title;
                let edit = IdeaEdit {
                    title,
                    notes: notes.clone(),
                    owner: owner.clone(),
                    link: String::new(),
                    tags: tags.clone(),
                };
                edits::update_idea(tx, id, &edit).map(drop)
            }
            None => Ok(()),
        },
        Op::Move(i, zone, n) => pick(*i).map_or(Ok(()), |id| edits::move_idea(tx, id, *zone, *n).map(drop)),
        Op::Scores(i, p, c) => pick(*i).map_or(Ok(()), |id| {
            edits::set_scores(tx, id, score(*p), score(*c)).map(drop)
        }),
        Op::Delete(i) => pick(*i).map_or(Ok(()), |id| edits::delete_idea(tx, id).map(drop)),
        Op::Undo => edits::undo(tx, board, None).map(drop),
        Op::Thresholds(p, c) => {
            let t = Thresholds::new(score(*p), score(*c))?;
            edits::set_thresholds(tx, board, t).map(drop)
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Export then import gives the same board, history included; and undoing everything on both gives the same
    /// boards again, so the imported history undoes exactly like the original.
    #[test]
    fn a_board_file_imports_as_the_same_board(ops in proptest::collection::vec(op(), 0..25)) {
        let mut db = Db::open_in_memory().unwrap();
        let board = db.write(|tx| boards::create(tx, "Infra · Q3")).unwrap().id;
        for op in &ops {
            apply(&mut db, board, op);
        }
        let (mut other, imported) = round_trip(&mut db, board);
        loop {
            let a = db.write(|tx| edits::undo(tx, board, None)).unwrap().event.is_some();
            let b = other.write(|tx| edits::undo(tx, imported, None)).unwrap().event.is_some();
            prop_assert_eq!(a, b);
            // Undo marks each board changed at its own moment; everything else must match.
            let undone = |db: &mut Db, id: i64| {
                let mut v = canonical(&export_board(db, id));
                v["board"]["updatedAt"] = Value::from(0);
                v
            };
            assert_same(&undone(&mut other, imported), &undone(&mut db, board));
            if !a {
                break;
            }
        }
    }
}

#[test]
fn the_webhook_never_leaves_the_database() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| {
        let input = outbox::ChannelSettingsInput {
            webhook_url: "http://127.0.0.1:9/hooks/abcdefghijklmnopqrstuvwxyz".into(),
            channel: "town-square".into(),
            username: String::new(),
            icon_url: String::new(),
        };
        outbox::save_settings(tx, board, &input).map(drop)
    })
    .unwrap();
    let text = String::from_utf8(export_board(&mut db, board)).unwrap();
    assert!(!text.contains("abcdefghijklmnopqrstuvwxyz"));
    assert!(text.contains("\"channel\": \"town-square\""));
}

#[test]
fn an_imported_board_gets_a_free_name_and_the_same_ideas() {
    let (mut db, board) = crate::storage::testing::board_with_idea("Cache the CI images", Zone::Implement);
    let file = parse(&export_board(&mut db, board)).unwrap();
    let copy = db.write(|tx| import(tx, &file, None)).unwrap();
    let named = db.write(|tx| import(tx, &file, Some("From Jira"))).unwrap();
    let names: Vec<String> = db
        .read(|tx| Ok(vec![boards::get(tx, copy)?.name, boards::get(tx, named)?.name]))
        .unwrap();
    assert_eq!(names, ["Infra (2)", "From Jira"]);
}

#[test]
fn a_file_whose_own_board_name_cannot_be_used_says_so_and_imports_under_another() {
    let (mut db, board) = crate::storage::testing::board_with_idea("Cache the CI images", Zone::Implement);
    let mut file = parse(&export_board(&mut db, board)).unwrap();
    for bad in ["   ".to_owned(), "n".repeat(101)] {
        file.board.name = bad;
        let err = db.write(|tx| import(tx, &file, None)).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("The board's name in this file cannot be used: ")
                && err.to_string().contains("--board <name>"),
            "{err}"
        );
        let named = db.write(|tx| import(tx, &file, Some("From Jira"))).unwrap();
        assert_eq!(db.read(|tx| boards::get(tx, named)).unwrap().name, "From Jira");
        db.write(|tx| boards::delete(tx, named)).unwrap();
    }
}

#[test]
fn files_that_are_not_board_files_are_refused_with_a_reason() {
    let message = |bytes: &[u8]| parse(bytes).unwrap_err().to_string();
    for empty in [&b""[..], b" \n\n", b"\xEF\xBB\xBF\n"] {
        assert_eq!(message(empty), "This file is empty: there is nothing to import.");
    }
    assert_eq!(
        message(b"{\"ideas\": [\n  {\"title\": \"A\"},\n"),
        "This file ends too early, at line 3: it was cut short, perhaps while it was saved or copied. Export the \
         board again."
    );
    assert_eq!(
        message(b"{\"format\": \"pickboard-board\",\n \"version\": 1,,\n}"),
        "This file is not valid JSON: something is out of place at line 2, column 15. If it was edited by hand, \
         check there."
    );
    assert!(message(b"[1, 2]").contains("not a Pickboard board file"));
    assert!(message(b"{\"format\": \"other\"}").contains("not a Pickboard board file"));
    assert!(
        message(b"{\"format\": \"pickboard-board\", \"version\": 9}").contains("newer version of Pickboard")
    );
    let incomplete = br#"{"format": "pickboard-board", "version": 1, "exportedAt": 0,
        "board": {"name": "X", "thresholds": {"payoff": 5, "cost": 5}, "createdAt": 0, "updatedAt": 0},
        "ideas": [{"id": 1, "title": "No rank", "position": null, "createdAt": 0, "updatedAt": 0}]}"#;
    assert_eq!(
        message(incomplete),
        "This board file is damaged or incomplete at line 3, column 97: the field “rank” is missing. If it was \
         edited by hand, check there; else export the board again."
    );
    // An update in the history names its columns: one the table does not have is refused, never written into SQL.
    let hostile_column = br#"{"format": "pickboard-board", "version": 2, "exportedAt": 0,
        "board": {"name": "X", "thresholds": {"payoff": 5, "cost": 5}, "createdAt": 0, "updatedAt": 0},
        "ideas": [{"id": 1, "title": "T", "position": null, "rank": 1, "createdAt": 0, "updatedAt": 0}],
        "history": [{"ideaId": 1, "kind": "edited", "summary": {"fields": ["title"]}, "at": 0, "undone": false, "changes": [
            {"table": "ideaColumns", "id": 1, "before": {"title": "S"}, "after": {"title = 'x'; --": "T"}}]}]}"#;
    assert!(
        message(hostile_column)
            .contains("line 5, column 107: unknown field `title = 'x'; --`, expected one of `id`"),
        "{}",
        message(hostile_column)
    );
    let text_score = br#"{"format": "pickboard-board", "version": 1, "exportedAt": 0,
        "board": {"name": "X", "thresholds": {"payoff": 5, "cost": 5}, "createdAt": 0, "updatedAt": 0},
        "ideas": [{"id": 1, "title": "T", "position": {"payoff": "seven", "cost": 1}}]}"#;
    assert!(
        message(text_score).contains(": the text “seven” is there where a number belongs. If"),
        "{}",
        message(text_score)
    );
    // The history keeps scores in tenths, as whole numbers.
    let decimal_tenths = br#"{"format": "pickboard-board", "version": 2, "exportedAt": 0,
        "board": {"name": "X", "thresholds": {"payoff": 5, "cost": 5}, "createdAt": 0, "updatedAt": 0},
        "ideas": [{"id": 1, "title": "T", "position": null, "rank": 1, "createdAt": 0, "updatedAt": 0}],
        "history": [{"ideaId": 1, "kind": "moved", "summary": {"fields": ["scores"]}, "at": 0, "undone": false, "changes": [
            {"table": "ideaColumns", "id": 1, "before": {"payoff": 45.5, "cost": 20}, "after": {"payoff": 70, "cost": 20}}]}]}"#;
    assert!(
        message(decimal_tenths).contains(": the number 45.5 is there where a whole number belongs. If"),
        "{}",
        message(decimal_tenths)
    );
    let bad_score = br#"{"format": "pickboard-board", "version": 1, "exportedAt": 0,
        "board": {"name": "X", "thresholds": {"payoff": 5, "cost": 5}, "createdAt": 0, "updatedAt": 0},
        "ideas": [{"id": 1, "title": "T", "position": {"payoff": 12, "cost": 1}, "rank": 1, "createdAt": 0, "updatedAt": 0}]}"#;
    assert!(
        message(bad_score).contains(": A score must lie between 0 and 10 (got 12). If it"),
        "{}",
        message(bad_score)
    );
    // Said when the file is picked, before Import: the preview read it as a board of 1 idea.
    let no_title = br#"{"format": "pickboard-board", "version": 1, "exportedAt": 0,
        "board": {"name": "X", "thresholds": {"payoff": 5, "cost": 5}, "createdAt": 0, "updatedAt": 0},
        "ideas": [{"id": 1, "title": " ", "position": null, "rank": 1, "createdAt": 0, "updatedAt": 0}]}"#;
    assert!(
        message(no_title) == "Idea 1 in this board file has no title, so it cannot be imported.",
        "{}",
        message(no_title)
    );
}

#[test]
fn a_file_with_one_bad_idea_imports_nothing() {
    let (mut db, board) = crate::storage::testing::board_with_idea("Good", Zone::Unsorted);
    let mut file = parse(&export_board(&mut db, board)).unwrap();
    let mut bad = file.ideas[0].clone();
    bad.id = 99;
    bad.title = "x".repeat(600);
    file.ideas.push(bad);
    let err = db.write(|tx| import(tx, &file, None)).unwrap_err();
    assert!(err.to_string().starts_with("Idea 2 in this board file"), "{err}");
    assert_eq!(db.read(boards::list).unwrap().len(), 1);
}

/// A history entry undo could not write back, in a file that reads: refused when imported, before anything is
/// written, saying which entry and what is wrong with it.
#[test]
fn a_history_that_undo_could_not_write_back_imports_nothing() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let idea = db
        .write(|tx| edits::add_idea(tx, board, "Rotate certs", Zone::Unsorted))
        .unwrap();
    db.write(|tx| edits::move_idea(tx, idea.id, Zone::Implement, 0))
        .unwrap();
    let exported = String::from_utf8(export_board(&mut db, board)).unwrap();
    assert!(exported.contains(r#""table": "ideaColumns""#), "{exported}");
    let mut refused = |edit: &dyn Fn(&mut Value)| {
        let mut file: Value = serde_json::from_str(&exported).unwrap();
        edit(&mut file["history"][1]["changes"][0]);
        let file = parse(file.to_string().as_bytes()).unwrap();
        let err = db.write(|tx| import(tx, &file, None)).unwrap_err().to_string();
        assert_eq!(db.read(boards::list).unwrap().len(), 1, "nothing imported");
        err
    };
    let entry = "This board file is damaged: entry 2 of its history has ";
    assert_eq!(
        refused(&|c| c["after"]["payoff"] = 500.into()),
        format!(
            "{entry}a score outside 0 to 10, which undo could not write back. If it was edited by hand, check there; \
             else export the board again."
        )
    );
    assert!(refused(&|c| c["id"] = 9999.into()).starts_with(&format!(
        "{entry}a change of an idea (id 9999) that the file does not have"
    )));
    assert!(
        refused(&|c| c["before"] = serde_json::json!({ "title": "Before" })).starts_with(&format!(
            "{entry}a change whose before and after name different fields"
        ))
    );
    assert!(refused(&|c| c["after"]["cost"] = Value::Null)
        .starts_with(&format!("{entry}one score without the other")));
    assert!(refused(&|c| {
        c["before"]["board_id"] = 3.into();
        c["after"]["board_id"] = 4.into();
    })
    .starts_with(&format!("{entry}a change of an idea's id or board")));
    // The entry that added the idea, as a whole row.
    let mut file: Value = serde_json::from_str(&exported).unwrap();
    file["history"][0]["changes"][0]["after"]["tags"] = "not a list".into();
    let file = parse(file.to_string().as_bytes()).unwrap();
    let err = db.write(|tx| import(tx, &file, None)).unwrap_err().to_string();
    assert!(
        err.starts_with(
            "This board file is damaged: entry 1 of its history has tags Pickboard would refuse (They are not a list of \
             words)"
        ),
        "{err}"
    );
    // As exported, it imports.
    db.write(|tx| import(tx, &parse(exported.as_bytes()).unwrap(), None))
        .unwrap();
}

/// A history's text is what Pickboard keeps, as an edit makes it: undo wrote a file's rows back as they were, and a
/// title with a newline and control and bidi characters, an owner "@channel" and a tag with commas reached the board.
/// A link that is not a web address refuses the file.
#[test]
fn a_historys_text_is_kept_as_an_edit_keeps_it() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let idea = db
        .write(|tx| edits::add_idea(tx, board, "Rotate certs", Zone::Unsorted))
        .unwrap();
    let edit = IdeaEdit {
        title: "Rotate all certs".into(),
        notes: String::new(),
        owner: "ana".into(),
        link: "https://example.com/1".into(),
        tags: vec!["tls".into()],
    };
    db.write(|tx| edits::update_idea(tx, idea.id, &edit)).unwrap();
    let exported = String::from_utf8(export_board(&mut db, board)).unwrap();
    let with = |before: &[(&str, Value)]| {
        let mut file: Value = serde_json::from_str(&exported).unwrap();
        let change = &mut file["history"][1]["changes"][0];
        assert_eq!(change["table"], "ideaColumns", "{change}");
        for (field, value) in before {
            assert!(change["before"].get(field).is_some(), "{field} changed: {change}");
            change["before"][field] = value.clone();
        }
        parse(file.to_string().as_bytes()).unwrap()
    };
    let hostile = with(&[
        ("title", "Rotate\n\u{1b}c certs \u{202e}now".into()),
        ("owner", "@channel".into()),
        ("tags", r#"["a,b","tls","TLS"]"#.into()),
    ]);
    let imported = db.write(|tx| import(tx, &hostile, None)).unwrap();
    let undone = db.write(|tx| edits::undo(tx, imported, None)).unwrap();
    assert!(undone.event.is_some());
    let idea = db.read(|tx| boards::get(tx, imported)).unwrap().ideas[0].clone();
    assert_eq!(idea.title, "Rotate c certs now");
    assert_eq!(idea.owner, "channel");
    assert_eq!(idea.tags, ["a b", "tls"]);

    let err = db
        .write(|tx| import(tx, &with(&[("link", "javascript:alert(1)".into())]), None))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(
            "This board file is damaged: entry 2 of its history has a link Pickboard would refuse (A link must start \
             with http:// or https://), which undo could not write back."
        ),
        "{err}"
    );
}

/// Pickboard writes scores in tenths; a board file edited by hand with more is rounded, and the import says so as the
/// CSV import does (it was rounded without a word).
#[test]
fn scores_with_more_decimals_than_a_score_keeps_are_said_to_be_rounded() {
    let file = |payoff: &str, cost: &str| {
        format!(
            r#"{{"format": "pickboard-board", "version": 2, "exportedAt": 0,
            "board": {{"name": "X", "thresholds": {{"payoff": 5, "cost": 5}}, "createdAt": 0, "updatedAt": 0}},
            "ideas": [{{"id": 1, "title": "Rotate certs", "position": {{"payoff": {payoff}, "cost": {cost}}}, "rank": 1,
                "createdAt": 0, "updatedAt": 0}},
                {{"id": 2, "title": "Unsorted", "position": null, "rank": 2, "createdAt": 0, "updatedAt": 0}}]}}"#
        )
    };
    assert_eq!(rounding(file("7.5", "2").as_bytes()), None);
    assert_eq!(
        rounding(file("7.77", "2.25").as_bytes()).as_deref(),
        Some("2 scores have more decimals than the one Pickboard keeps: “Rotate certs”'s 7.77 becomes 7.8.")
    );
    let one = file("7.5", "9.99");
    assert_eq!(
        rounding(one.as_bytes()).as_deref(),
        Some("1 score has more decimals than the one Pickboard keeps: “Rotate certs”'s 9.99 becomes 10.")
    );
    // The file imports all the same, at the rounded scores.
    let parsed = parse(one.as_bytes()).unwrap();
    assert_eq!(parsed.ideas[0].position.map(|p| p.cost.points()), Some(10.0));
}
