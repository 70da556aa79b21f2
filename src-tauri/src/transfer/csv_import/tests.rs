use std::ops::ControlFlow;

use proptest::prelude::*;

use super::*;
use crate::domain::Zone;
use crate::edits;
use crate::storage::boards::Board;
use crate::storage::Db;
use crate::transfer::csv_export;

const JIRA: &[u8] = include_bytes!("../../../tests/fixtures/jira-export.csv");

fn table(text: &str) -> CsvTable {
    read(text.as_bytes()).unwrap()
}

fn problems(table: &CsvTable) -> Vec<String> {
    let (source, mapping) = suggest(&table.headers);
    preview(table, source, &mapping)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn import_new(db: &mut Db, table: &CsvTable, mapping: &ColumnMapping, skip: bool) -> Result<ImportOutcome> {
    let target = ImportTarget::NewBoard {
        name: "Imported".into(),
    };
    db.write(|tx| {
        import(tx, table, mapping, &target, skip, "file.csv", |_, _| {
            ControlFlow::Continue(())
        })
    })
}

fn board(db: &mut Db, id: i64) -> Board {
    db.read(|tx| boards::get(tx, id)).unwrap()
}

#[test]
fn a_jira_export_is_recognised_and_mapped() {
    let table = read(JIRA).unwrap();
    let (source, mut mapping) = suggest(&table.headers);
    assert_eq!(source, CsvSource::Jira);
    assert_eq!(mapping.title, Some(0));
    assert_eq!(mapping.tags, [10, 11, 12], "every Labels column");
    // The user picks the number fields for the scores, and the address of their Jira.
    mapping.payoff = table
        .headers
        .iter()
        .position(|h| h == "Custom field (Business Value)");
    mapping.cost = table
        .headers
        .iter()
        .position(|h| h == "Custom field (Story Points)");
    mapping.link_prefix = "https://jira.example.com/browse/".into();

    let shown = preview(&table, source, &mapping);
    assert_eq!(
        (shown.rows, shown.placed, shown.unsorted, shown.problem_count),
        (6, 5, 1, 0)
    );
    assert_eq!(shown.delimiter, ",");

    let mut db = Db::open_in_memory().unwrap();
    let outcome = import_new(&mut db, &table, &mapping, false).unwrap();
    let b = board(&mut db, outcome.board_id);
    let cache = &b.ideas[0];
    assert_eq!(cache.title, "Cache Docker layers on the CI runners");
    assert_eq!(cache.zone, Zone::Implement);
    assert_eq!(cache.owner, "ana.ribeiro");
    assert_eq!(cache.tags, ["ci", "performance"]);
    assert_eq!(cache.link, "https://jira.example.com/browse/INFRA-1412");
    assert!(
        cache.notes.contains("see \"runbook\" page"),
        "quotes inside a quoted cell"
    );
    assert!(cache.notes.contains('\n'), "a line break inside a cell");
    let jenkins = b
        .ideas
        .iter()
        .find(|i| i.title.starts_with("Replace Jenkins"))
        .unwrap();
    assert_eq!(
        jenkins.position.map(|p| p.cost.points()),
        Some(9.5),
        "a decimal comma"
    );
    assert_eq!(jenkins.zone, Zone::Kill);
    assert_eq!(
        b.ideas
            .iter()
            .find(|i| i.title.starts_with("Rotate"))
            .unwrap()
            .owner,
        "björn.lindqvist"
    );
    assert_eq!(
        b.ideas
            .iter()
            .find(|i| i.title.starts_with("Evaluate"))
            .unwrap()
            .zone,
        Zone::Unsorted
    );
}

#[test]
fn without_a_link_prefix_the_issue_key_goes_into_the_notes() {
    let table = read(JIRA).unwrap();
    let (_, mapping) = suggest(&table.headers);
    let mut db = Db::open_in_memory().unwrap();
    let id = import_new(&mut db, &table, &mapping, false).unwrap().board_id;
    let b = board(&mut db, id);
    assert!(b.ideas[0].notes.starts_with("INFRA-1412\n\nBuilds spend"));
    assert_eq!(b.ideas[0].link, "");
}

#[test]
fn payoff_and_cost_columns_are_recognised_by_name_in_every_kind_of_file() {
    let headers = |line: &str| table(&format!("{line}\n")).headers;
    // A Jira export with the two score columns added: the Jira mapping, with the scores.
    let jira = headers("Summary;Assignee;Labels;Description;Issue key;payoff;cost/risk");
    let (source, mapping) = suggest(&jira);
    assert_eq!(source, CsvSource::Jira);
    assert_eq!(
        (
            mapping.title,
            mapping.owner,
            mapping.notes,
            mapping.key,
            mapping.payoff,
            mapping.cost
        ),
        (Some(0), Some(1), Some(3), Some(4), Some(5), Some(6))
    );
    assert_eq!(mapping.tags, [2]);
    // Every name, in any case and with any spaces; the best name wins over a later column.
    for (line, payoff, cost) in [
        ("Idea,Cost,PAYOFF", Some(2), Some(1)),
        ("Idea,roi,effort", Some(1), Some(2)),
        ("Idea,Value,Risk", Some(1), Some(2)),
        ("Idea,Benefit,Cost / Risk", Some(1), Some(2)),
        ("Idea,Impact,Risk,Cost/risk", Some(1), Some(3)),
        ("Idea,Value,Payoff,Effort,Cost", Some(2), Some(4)),
        ("Idea,Priority,Size", None, None),
        (
            "Summary,Issue key,Custom field (Business Value),Story Points",
            None,
            None,
        ),
    ] {
        let headers = headers(line);
        assert_eq!(score_columns(&headers), (payoff, cost), "{line}");
        let (_, mapping) = suggest(&headers);
        assert_eq!((mapping.payoff, mapping.cost), (payoff, cost), "{line}");
    }
    // Our own export, read back.
    let ours: Vec<String> = csv_export::HEADER.iter().map(|h| (*h).to_owned()).collect();
    let (source, mapping) = suggest(&ours);
    assert_eq!(source, CsvSource::Pickboard);
    assert_eq!(
        (mapping.payoff, mapping.cost),
        (
            ours.iter().position(|h| h == "Payoff"),
            ours.iter().position(|h| h == "Cost/risk")
        )
    );
}

#[test]
fn bad_scores_in_a_jira_style_file_are_named_by_row_and_column() {
    let table = table(
        "Summary;Assignee;Labels;Description;Issue key;payoff;cost/risk\n\
         Cache;ana;ci;;INFRA-1;8;2\n\
         Vague;bob;;;INFRA-2;lots;3\n\
         Costly;;;;INFRA-3;5;11\n\
         Odd;;;;INFRA-4;NaN;Infinity\n\
         Large;;;;INFRA-5;1e3;inf\n",
    );
    // What Rust reads as a number that is none ("NaN", "inf") is not one either: "naN is outside the 0 to 10 scale".
    assert_eq!(
        problems(&table),
        [
            "Row 3, column “payoff”: “lots” is not a number.",
            "Row 4, column “cost/risk”: 11 is outside the 0 to 10 scale.",
            "Row 5, column “payoff”: “NaN” is not a number. The cost/risk too: “Infinity” is not a number.",
            "Row 6, column “payoff”: 1e3 is outside the 0 to 10 scale. The cost/risk too: “inf” is not a number.",
        ]
    );
}

/// Rows are numbered as a spreadsheet shows the file: empty lines count, a cell of several lines does not make more
/// rows. The csv reader passes over empty lines, and the rows after them were called a row or two early ("Row 4" for
/// the file's row 8, where "One,5,5" stood).
#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_the_file_empty_lines_counted() {
    let table = table(
        "Title,Notes,Payoff,Cost\r\n\
         One,,5,5\r\n\
         \r\n\
         \r\n\
         Two,\"two\nlines\",5,5\r\n\
         \r\n\
         Three,,high,5\r\n\
         Four,,8/10,5\r\n",
    );
    assert_eq!(
        problems(&table),
        [
            "Row 7, column “Payoff”: “high” is not a number.",
            "Row 8, column “Payoff”: “8/10” is not a number.",
        ]
    );
}

/// A row whose two scores are both wrong says so at once (the fixed file failed again on the second), and rows whose
/// only problem is their scores can go to Unsorted without them: their titles were lost with "Skip these rows".
#[test]
fn rows_whose_scores_cannot_be_read_can_go_to_unsorted_without_them() {
    let table = table(
        "Title,Payoff,Cost\n\
         Cache,8,2\n\
         Vague,high,abc\n\
         Costly,15,-2\n\
         Half,5,\n\
         ,3,3\n",
    );
    let (source, mut mapping) = suggest(&table.headers);
    let before = preview(&table, source, &mapping);
    let said: Vec<String> = before.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "Row 3, column “Payoff”: “high” is not a number. The cost/risk too: “abc” is not a number.",
            "Row 4, column “Payoff”: 15 is outside the 0 to 10 scale. The cost/risk too: -2 is outside the 0 to 10 scale.",
            "Row 5, column “Cost”: it is empty while the payoff is set. Give both scores or neither.",
            "Row 6, column “Title”: the title is empty.",
        ]
    );
    let scores: Vec<bool> = before.problems.iter().map(|p| p.scores).collect();
    assert_eq!(scores, [true, true, true, false]);

    mapping.unreadable_scores_to_unsorted = true;
    let after = preview(&table, source, &mapping);
    assert_eq!(after.problem_count, 1, "the row without a title stays a problem");
    assert_eq!((after.placed, after.unsorted), (1, 3));
    let mut db = Db::open_in_memory().unwrap();
    let outcome = import_new(&mut db, &table, &mapping, true).unwrap();
    let imported = board(&mut db, outcome.board_id);
    let unsorted: Vec<&str> = imported
        .ideas
        .iter()
        .filter(|i| i.zone == Zone::Unsorted && i.position.is_none())
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(unsorted, ["Vague", "Costly", "Half"]);

    // No column chosen for the cost/risk: the mapping is what is wrong, and no row goes to Unsorted for it.
    mapping.cost = None;
    let unmapped = preview(&table, source, &mapping);
    assert!(
        unmapped.problems.iter().any(|p| p.row == 2 && !p.scores),
        "{:?}",
        unmapped.problems
    );
}

#[test]
fn a_column_whose_header_is_repeated_or_empty_is_named_by_its_place() {
    // Two "Payoff" columns (the first is taken) and a cost/risk column with no header, mapped by hand.
    let table = table(
        "Title,Payoff,Payoff,\n\
         Cache,lots,2,3\n\
         Costly,5,1,11\n",
    );
    let (source, mut mapping) = suggest(&table.headers);
    mapping.cost = Some(3);
    let problems: Vec<String> = preview(&table, source, &mapping)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "Row 2, column “Payoff (column 2)”: “lots” is not a number.",
            "Row 3, column “Column 4”: 11 is outside the 0 to 10 scale.",
        ]
    );
    // The payoff chosen, and no column for the cost/risk: each row says that, not that a cell is empty.
    mapping.cost = None;
    assert_eq!(
        preview(&table, source, &mapping).problems[1].to_string(),
        "Row 3: the payoff is set, and no column is chosen for the cost/risk. Choose one, or none for the payoff."
    );
}

#[test]
fn fields_are_named_as_the_command_line_takes_them() {
    for field in Field::ALL {
        assert_eq!(Field::from_name(field.name()), Some(field));
        assert_eq!(Field::from_name(&field.name().to_uppercase()), Some(field));
    }
    assert_eq!(Field::from_name("Cost/risk"), Some(Field::Cost));
    assert_eq!(Field::from_name("priority"), None);
    assert_eq!(Field::from_name("ignore"), None);
}

#[test]
fn columns_chosen_by_hand_replace_what_was_suggested() {
    let headers = table("Idea,Value,Gain,Pain,Who,Comment,Labels,Labels\n").headers;
    let (_, suggested) = suggest(&headers);
    assert_eq!(
        (
            suggested.title,
            suggested.payoff,
            suggested.cost,
            suggested.owner,
            suggested.notes
        ),
        (Some(0), Some(1), None, Some(4), Some(5))
    );
    assert_eq!(suggested.tags, [6, 7]);
    let columns = |name: &str| columns_named(&headers, name);

    let mut mapping = suggested.clone();
    mapping
        .choose(
            &headers,
            &[
                (columns("gain"), Some(Field::Payoff)),
                (columns("PAIN"), Some(Field::Cost)),
                (columns("Comment"), None),
            ],
        )
        .unwrap();
    assert_eq!(
        (
            mapping.title,
            mapping.payoff,
            mapping.cost,
            mapping.owner,
            mapping.notes
        ),
        (Some(0), Some(2), Some(3), Some(4), None)
    );
    assert!(
        mapping.fields_of(1).is_empty(),
        "Value no longer feeds the payoff"
    );
    assert_eq!(mapping.fields_of(2), [Field::Payoff]);
    assert_eq!(mapping.tags, [6, 7], "what was not chosen stays");

    // A column chosen for a field feeds only that field; tags take every column of the name, and only those.
    let mut mapping = suggested.clone();
    mapping
        .choose(
            &headers,
            &[
                (columns("Who"), Some(Field::Tags)),
                (columns("Idea"), Some(Field::Notes)),
                (columns("Comment"), Some(Field::Title)),
            ],
        )
        .unwrap();
    assert_eq!(
        (mapping.title, mapping.notes, mapping.owner),
        (Some(5), Some(0), None)
    );
    assert_eq!(mapping.tags, [4]);
    let mut mapping = suggested.clone();
    mapping
        .choose(&headers, &[(columns("labels"), Some(Field::Tags))])
        .unwrap();
    assert_eq!(mapping, suggested, "choosing what was suggested changes nothing");

    // One column for one field: two are refused.
    let mut mapping = suggested.clone();
    let err = mapping
        .choose(
            &headers,
            &[
                (columns("Gain"), Some(Field::Payoff)),
                (columns("Value"), Some(Field::Payoff)),
            ],
        )
        .unwrap_err();
    assert_eq!(
        err,
        "payoff can come from one column only, not from both “Gain” and “Value”."
    );
}

#[test]
fn semicolons_a_byte_order_mark_and_crlf_are_read() {
    let table = read(
        "\u{feff}Idea;Value;Effort;Owner\r\n\"Fix; the build\";7,5;2;ana\r\nDocs;2;1;\r\n\r\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(table.delimiter, b';');
    assert_eq!(table.headers, ["Idea", "Value", "Effort", "Owner"]);
    assert_eq!(table.rows.len(), 2, "the blank line at the end is not a row");
    let (source, mapping) = suggest(&table.headers);
    assert_eq!(source, CsvSource::Spreadsheet);
    assert_eq!(
        (mapping.title, mapping.payoff, mapping.cost, mapping.owner),
        (Some(0), Some(1), Some(2), Some(3))
    );
    let shown = preview(&table, source, &mapping);
    assert_eq!(shown.ideas[0].title, "Fix; the build");
    assert_eq!(shown.ideas[0].position.map(|p| p.payoff.points()), Some(7.5));
}

#[test]
fn our_own_csv_export_imports_back_with_the_same_ideas() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    for (title, zone) in [
        ("=cmd|' /C calc'!A0", Zone::Implement),
        ("-1 flaky test", Zone::Kill),
        ("Plain, \"quoted\"\nline", Zone::Unsorted),
    ] {
        db.write(|tx| edits::add_idea(tx, id, title, zone)).unwrap();
    }
    let bytes = csv_export::export(&board(&mut db, id)).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with("\u{feff}Title,Quadrant,Payoff"));
    assert!(text.contains("'=cmd"), "a formula is defused for spreadsheets");

    let table = read(&bytes).unwrap();
    let (source, mapping) = suggest(&table.headers);
    assert_eq!(source, CsvSource::Pickboard);
    let copy = import_new(&mut db, &table, &mapping, false).unwrap().board_id;
    let titles = |b: &Board| {
        let mut t: Vec<(String, Zone)> = b.ideas.iter().map(|i| (i.title.clone(), i.zone)).collect();
        t.sort_by(|a, b| a.0.cmp(&b.0));
        t
    };
    assert_eq!(titles(&board(&mut db, copy)), titles(&board(&mut db, id)));
}

#[test]
fn bad_rows_are_named_by_row_column_and_reason() {
    let table = table(
        "Title,Payoff,Cost,Link,Owner\n\
         Good,7,2,https://example.com,ana\n\
         ,5,5,,\n\
         Too high,11,2,,\n\
         Not a number,high,2,,\n\
         Half,7,,,\n\
         Bad link,1,1,ftp://x,\n\
         Ragged,1,1,,,extra\n\
         Short row,3\n",
    );
    assert_eq!(
        problems(&table),
        [
            "Row 3, column “Title”: the title is empty.",
            "Row 4, column “Payoff”: 11 is outside the 0 to 10 scale.",
            "Row 5, column “Payoff”: “high” is not a number.",
            "Row 6, column “Cost”: it is empty while the payoff is set. Give both scores or neither.",
            "Row 7, column “Link”: a link must start with http:// or https://.",
            "Row 8: it has 6 cells but the header has 5 columns. A delimiter or a quote may be missing.",
            "Row 9, column “Cost”: it is empty while the payoff is set. Give both scores or neither.",
        ]
    );
}

#[test]
fn a_row_longer_than_a_one_column_header_is_counted_in_words_that_agree() {
    // A Markdown table read as a spreadsheet: one heading, then rows of many cells.
    let table = table("# PICK outcome\n| a | b |,x\n");
    assert_eq!(
        problems(&table),
        ["Row 2: it has 2 cells but the header has 1 column. A delimiter or a quote may be missing."]
    );
}

#[test]
fn a_file_with_one_bad_row_changes_nothing_unless_bad_rows_are_skipped() {
    let table = table("Title,Payoff,Cost\nFirst,7,2\nSecond,99,2\nThird,1,1\n");
    let (_, mapping) = suggest(&table.headers);
    let mut db = Db::open_in_memory().unwrap();
    let err = import_new(&mut db, &table, &mapping, false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Row 3, column “Payoff”: 99 is outside the 0 to 10 scale. Nothing was imported."
    );
    assert!(db.read(boards::list).unwrap().is_empty());

    let outcome = import_new(&mut db, &table, &mapping, true).unwrap();
    assert_eq!(outcome.imported, 2);
    assert_eq!(outcome.skipped.iter().map(|p| p.row).collect::<Vec<_>>(), [3]);
    assert_eq!(board(&mut db, outcome.board_id).ideas.len(), 2);
}

#[test]
fn invalid_utf8_is_reported_on_its_row_and_the_rest_reads() {
    let mut bytes = b"Title,Owner\nGood,ana\n".to_vec();
    bytes.extend_from_slice(b"Caf\xe9 menu,bob\n");
    let table = read(&bytes).unwrap();
    assert_eq!(
        problems(&table),
        ["Row 3, column “Title”: the text is not UTF-8. Save the file as “CSV UTF-8” and import it again."]
    );
}

#[test]
fn files_that_cannot_be_read_at_all_say_why() {
    let message = |bytes: &[u8]| read(bytes).unwrap_err().to_string();
    assert_eq!(message(b""), "This file is empty: there is nothing to import.");
    assert_eq!(
        message(b"\xEF\xBB\xBF  \r\n"),
        "This file is empty: there is nothing to import."
    );
    assert!(message(b"\xFF\xFEa\0b\0").contains("UTF-16"));
    // A workbook picked instead of its CSV, and a binary file renamed .csv: one message, not a row per line.
    let mut xlsx = b"PK\x03\x04\x14\0\x06\0".to_vec();
    xlsx.extend_from_slice(&[0x9c; 600]);
    assert!(message(&xlsx).starts_with("This file is a spreadsheet (Excel or LibreOffice), not a CSV file."));
    assert!(message(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").contains("“CSV UTF-8”"));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\n\xff\xfe,x\n";
    assert!(message(png).starts_with("This file is not text"));
    let header_only = table("Title,Owner\n");
    let mut db = Db::open_in_memory().unwrap();
    let (_, mapping) = suggest(&header_only.headers);
    let err = import_new(&mut db, &header_only, &mapping, false).unwrap_err();
    assert_eq!(err.to_string(), "There are no rows to import in this file.");
}

#[test]
fn a_quote_never_closed_is_named_by_its_row_not_read_as_one_cell_of_the_rest() {
    let message = |text: &str| read(text.as_bytes()).unwrap_err().to_string();
    assert_eq!(
        message("Title,Payoff,Cost\nGood,5,5\n\"unterminated quote,5,5\nok row,3,4\nbad,abc,11\n"),
        "Row 3 opens a quote (\") that is never closed, so everything after it would read as one cell. Close the \
         quote, or remove it, and import the file again. Nothing was imported."
    );
    assert!(message("\"Title,Owner\nA,b\n").starts_with("Row 1 opens a quote"));
    // After a cell of two lines, the row is a line further down the file.
    assert!(
        message("Title,Notes\n\"two\nlines\",x\n\"Unclosed quote,y\n")
            .starts_with("Row 3 (line 4 of the file) opens a quote"),
        "{}",
        message("Title,Notes\n\"two\nlines\",x\n\"Unclosed quote,y\n")
    );
    // Quotes inside a cell, escaped quotes and quoted line breaks are no unclosed quote.
    let fine = table("Title,Notes\n12\" screen,\"say \"\"hi\"\"\"\n\"two\nlines\",x\n");
    assert_eq!(fine.rows.len(), 2);
    assert_eq!(fine.rows[0].cells, ["12\" screen", "say \"hi\""]);
    assert_eq!(fine.rows[1].cells, ["two\nlines", "x"]);
}

#[test]
fn importing_into_a_board_is_one_undoable_step() {
    let (mut db, id) = crate::storage::testing::board_with_idea("Already here", Zone::Implement);
    let table = table("Title,Payoff,Cost\nA,,\nB,8,8\n");
    let (_, mapping) = suggest(&table.headers);
    let target = ImportTarget::Board { id };
    let outcome = db
        .write(|tx| {
            import(tx, &table, &mapping, &target, false, "backlog.csv", |_, _| {
                ControlFlow::Continue(())
            })
        })
        .unwrap();
    assert_eq!(outcome.imported, 2);
    let b = board(&mut db, id);
    assert_eq!(
        b.ideas
            .iter()
            .map(|i| (i.title.as_str(), i.zone))
            .collect::<Vec<_>>(),
        [
            ("Already here", Zone::Implement),
            ("A", Zone::Unsorted),
            ("B", Zone::Challenge)
        ]
    );
    let event = &db.read(|tx| history::list(tx, id, None, 1)).unwrap()[0];
    assert_eq!(event.kind, history::EventKind::Imported);
    assert_eq!(
        (event.summary.title.as_deref(), event.summary.count),
        (Some("backlog.csv"), Some(2))
    );

    db.write(|tx| edits::undo(tx, id, None)).unwrap();
    assert_eq!(board(&mut db, id).ideas.len(), 1);
}

/// The command line's `import --board NAME`: into the board of that name (in any case) when there is one, else a new
/// board of it; looked up in the import's own transaction.
#[test]
fn a_board_named_is_imported_into_when_it_exists_and_made_when_not() {
    let table = table("Title\nOne\nTwo\n");
    let (_, mapping) = suggest(&table.headers);
    let mut db = Db::open_in_memory().unwrap();
    let mut run = |name: &str| {
        let target = ImportTarget::BoardNamed { name: name.into() };
        db.write(|tx| {
            import(tx, &table, &mapping, &target, false, "rows.csv", |_, _| {
                ControlFlow::Continue(())
            })
        })
        .unwrap()
        .board_id
    };
    let made = run("Par");
    assert_eq!(run("par"), made, "the same board, named in another case");
    let other = run("Other");
    assert_ne!(other, made);
    let names: Vec<(String, i64)> = db
        .read(boards::list)
        .unwrap()
        .into_iter()
        .map(|b| (b.name, b.idea_count))
        .collect();
    assert_eq!(names, [("Other".to_owned(), 2), ("Par".to_owned(), 4)]);
}

#[test]
fn cancelling_reports_cancelled_and_the_caller_rolls_back() {
    let mut text = String::from("Title\n");
    for n in 0..2_500 {
        text.push_str(&format!("Idea {n}\n"));
    }
    let table = table(&text);
    let (_, mapping) = suggest(&table.headers);
    let mut db = Db::open_in_memory().unwrap();
    let mut reports = Vec::new();
    let target = ImportTarget::NewBoard { name: "Big".into() };
    let err = db
        .write(|tx| {
            import(tx, &table, &mapping, &target, false, "big.csv", |done, total| {
                reports.push((done, total));
                if done >= 2_000 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })
        })
        .unwrap_err();
    assert!(matches!(err, Error::Cancelled));
    assert_eq!(reports, [(1_000, 2_500), (2_000, 2_500)]);
    assert!(db.read(boards::list).unwrap().is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever the text (quotes, delimiters, line breaks, non-ASCII), a cell written by our export reads back as it was.
    /// (Bidirectional controls are the exception: the export drops them on purpose, see `crate::text`.)
    #[test]
    fn any_cell_text_survives_export_and_import(
        cells in proptest::collection::vec(
            ("[^\u{0}-\u{1f}\u{202A}-\u{202E}\u{2066}-\u{2069}]{1,30}", "[ -~é\n\";,]{0,60}"),
            1..20,
        )
    ) {
        let mut db = Db::open_in_memory().unwrap();
        let id = db.write(|tx| boards::create(tx, "P")).unwrap().id;
        let mut expected = Vec::new();
        for (title, notes) in &cells {
            let Ok(idea) = db.write(|tx| edits::add_idea(tx, id, title, Zone::Unsorted)) else { continue };
            let edit = crate::storage::ideas::IdeaEdit {
                title: idea.title.clone(), notes: notes.clone(), owner: String::new(), link: String::new(), tags: vec![],
            };
            let idea = db.write(|tx| edits::update_idea(tx, idea.id, &edit)).unwrap();
            expected.push((idea.title, idea.notes));
        }
        let table = read(&csv_export::export(&board(&mut db, id)).unwrap()).unwrap();
        let (_, mapping) = suggest(&table.headers);
        let got: Vec<(String, String)> = table
            .rows
            .iter()
            .map(|r| table.idea(r, &mapping).map(|i| (i.title, i.notes)).unwrap())
            .collect();
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn scores_with_more_than_one_decimal_are_said_to_be_kept_to_one() {
    let rounding = |text: &str| {
        let table = table(text);
        let (source, mapping) = suggest(&table.headers);
        preview(&table, source, &mapping).rounding
    };
    assert_eq!(
        rounding("Title;Payoff;Cost\nA;7.5;2\nB;7,25;2.04\nC;1;1\n"),
        Some("2 scores have more decimals than the one Pickboard keeps: row 3's 7,25 becomes 7.3.".into())
    );
    assert_eq!(
        rounding("Title,Payoff,Cost\nA,8,2\nB,\"9.99\",0.5\n"),
        Some("1 score has more decimals than the one Pickboard keeps: row 3's 9.99 becomes 10.".into())
    );
    // Scores as Pickboard writes them, and rows that cannot be imported, say nothing of it.
    assert_eq!(rounding("Title,Payoff,Cost\nA,8.0,2.5\nB,7.25,\n"), None);
    // Nor does a row that goes to Unsorted without its scores, which cannot be read: "row 2's 10.01 becomes 10" was
    // said of one imported with no scores.
    let table = table("Title,Payoff,Cost\nJust over,10.01,5.25\n");
    let (source, mut mapping) = suggest(&table.headers);
    mapping.unreadable_scores_to_unsorted = true;
    let preview = preview(&table, source, &mapping);
    assert_eq!((preview.unsorted, preview.rounding), (1, None));
}

/// The sample shows a cell as the import keeps it: a title with U+202E read backwards there ("exe.txt live"), and
/// was imported without it.
#[test]
fn the_sample_shows_cells_without_bidirectional_controls() {
    let table = table("Title,Payoff,Cost\n\u{202E}evil txt.exe,5,5\n");
    let (source, mapping) = suggest(&table.headers);
    let shown = preview(&table, source, &mapping);
    assert_eq!(shown.sample[0][0], "evil txt.exe");
}
