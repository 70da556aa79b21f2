//! Undo, redo and history, on a real database.

use proptest::prelude::*;

use crate::domain::testing::any_zone;

use super::*;
use crate::domain::Quadrant;
use crate::storage::history::IdeaRow;
use crate::storage::{boards, history, idea_row, Db};

fn edit(title: &str, tags: &[&str]) -> IdeaEdit {
    IdeaEdit {
        title: title.into(),
        notes: format!("notes for {title}"),
        owner: "ana".into(),
        link: "https://jira.example.com/browse/OPS-1".into(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
    }
}

fn score(points: f64) -> Score {
    Score::from_points(points).unwrap()
}

/// What a person sees of a board: thresholds and every idea as stored (order, position, details).
fn visible(db: &mut Db, board: i64) -> (Thresholds, Vec<Idea>) {
    let b = db.read(|tx| boards::get(tx, board)).unwrap();
    (b.thresholds, b.ideas)
}

#[test]
fn every_kind_of_edit_is_recorded_with_what_changed() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let idea = db
        .write(|tx| add_idea(tx, board, "Rotate certs", Zone::Unsorted))
        .unwrap();
    db.write(|tx| move_idea(tx, idea.id, Zone::Kill, 0)).unwrap();
    db.write(|tx| update_idea(tx, idea.id, &edit("Rotate TLS certs", &["security"])))
        .unwrap();
    db.write(|tx| set_scores(tx, idea.id, score(8.0), score(2.0)))
        .unwrap();
    db.write(|tx| set_thresholds(tx, board, Thresholds::new(score(6.0), score(5.0)).unwrap()))
        .unwrap();
    let deleted = db.write(|tx| delete_idea(tx, idea.id)).unwrap();
    db.write(|tx| restore_idea(tx, &deleted)).unwrap();

    let events = db.read(|tx| history::list(tx, board, None, 50)).unwrap();
    let kinds: Vec<EventKind> = events.iter().rev().map(|e| e.kind).collect();
    use EventKind as K;
    assert_eq!(
        kinds,
        [
            K::Added,
            K::Moved,
            K::Edited,
            K::Moved,
            K::Thresholds,
            K::Deleted,
            K::Restored
        ]
    );

    let by_kind = |k: EventKind| events.iter().find(|e| e.kind == k).unwrap();
    let added = &events[events.len() - 1];
    assert_eq!(
        (added.summary.from, added.summary.to),
        (None, Some(Zone::Unsorted))
    );
    let moves: Vec<_> = events.iter().rev().filter(|e| e.kind == K::Moved).collect();
    assert_eq!(
        (moves[0].summary.from, moves[0].summary.to),
        (Some(Zone::Unsorted), Some(Zone::Kill))
    );
    assert_eq!(moves[1].summary.fields, ["scores"]);
    assert_eq!(moves[1].summary.to, Some(Zone::Implement));
    let edited = by_kind(K::Edited);
    assert_eq!(edited.summary.fields, ["title", "notes", "owner", "link", "tags"]);
    assert_eq!(edited.summary.title.as_deref(), Some("Rotate TLS certs"));
    let t = by_kind(K::Thresholds);
    assert_eq!(t.idea_id, None);
    assert_eq!(t.summary.thresholds_after.unwrap().payoff.points(), 6.0);
    // This idea's events, for its timeline, and the thresholds moved since it was added.
    assert_eq!(
        db.read(|tx| history::list(tx, board, Some(idea.id), 50))
            .unwrap()
            .len(),
        7
    );
}

#[test]
fn an_edit_that_changes_nothing_records_nothing() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let idea = db
        .write(|tx| add_idea(tx, board, "Same", Zone::Implement))
        .unwrap();
    let position = idea.position.unwrap();
    db.write(|tx| set_scores(tx, idea.id, position.payoff, position.cost))
        .unwrap();
    db.write(|tx| move_idea(tx, idea.id, Zone::Implement, 0)).unwrap();
    assert_eq!(db.read(|tx| history::list(tx, board, None, 50)).unwrap().len(), 1);
}

#[test]
fn undoing_a_delete_brings_back_the_idea_with_its_history() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let idea = db
        .write(|tx| add_idea(tx, board, "Keep", Zone::Unsorted))
        .unwrap();
    db.write(|tx| move_idea(tx, idea.id, Zone::Challenge, 0)).unwrap();
    let before = visible(&mut db, board);
    db.write(|tx| delete_idea(tx, idea.id)).unwrap();

    let outcome = db.write(|tx| undo(tx, board, None)).unwrap();
    assert_eq!(outcome.event.unwrap().kind, EventKind::Deleted);
    assert_eq!(visible(&mut db, board), before);
    let timeline = db.read(|tx| history::list(tx, board, Some(idea.id), 50)).unwrap();
    assert_eq!(
        timeline.iter().map(|e| e.kind).collect::<Vec<_>>(),
        [EventKind::Moved, EventKind::Added]
    );
    assert!(outcome.board.can_redo);
}

#[test]
fn undoing_a_delete_never_takes_the_id_of_an_idea_added_since_on_another_board() {
    let mut db = Db::open_in_memory().unwrap();
    let a = db.write(|tx| boards::create(tx, "A")).unwrap().id;
    let b = db.write(|tx| boards::create(tx, "B")).unwrap().id;
    let gone = db
        .write(|tx| add_idea(tx, a, "Deleted on A", Zone::Unsorted))
        .unwrap();
    db.write(|tx| delete_idea(tx, gone.id)).unwrap();
    let added = db.write(|tx| add_idea(tx, b, "Added on B", Zone::Kill)).unwrap();
    assert_ne!(added.id, gone.id, "a deleted idea's id must not be reused");

    db.write(|tx| undo(tx, a, None)).unwrap();
    let (_, on_a) = visible(&mut db, a);
    let (_, on_b) = visible(&mut db, b);
    assert_eq!(
        on_a.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(),
        ["Deleted on A"]
    );
    assert_eq!(
        on_b.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(),
        ["Added on B"]
    );
}

#[test]
fn a_new_edit_clears_what_could_be_redone_and_undo_stops_at_the_start() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let a = db.write(|tx| add_idea(tx, board, "A", Zone::Unsorted)).unwrap();
    db.write(|tx| undo(tx, board, None)).unwrap();
    assert!(db.read(|tx| boards::get(tx, board)).unwrap().can_redo);
    db.write(|tx| add_idea(tx, board, "B", Zone::Unsorted)).unwrap();
    let b = db.read(|tx| boards::get(tx, board)).unwrap();
    assert!(!b.can_redo && b.can_undo);
    assert!(db.write(|tx| redo(tx, board)).unwrap().event.is_none());
    db.write(|tx| undo(tx, board, None)).unwrap();
    let empty = db.write(|tx| undo(tx, board, None)).unwrap();
    assert!(empty.event.is_none());
    assert!(empty.board.ideas.is_empty());
    assert!(db.read(|tx| crate::storage::ideas::get(tx, a.id)).is_err());
}

/// The points (payoff, cost) of `idea` as stored.
fn points(db: &mut Db, idea: i64) -> (f64, f64) {
    let p = db.read(|tx| ideas::get(tx, idea)).unwrap().position.unwrap();
    (p.payoff.points(), p.cost.points())
}

#[test]
fn a_wrong_quadrant_and_then_the_right_one_give_the_ideas_own_scores_back() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let id = db
        .write(|tx| add_idea(tx, board, "Rotate certs", Zone::Unsorted))
        .unwrap()
        .id;
    db.write(|tx| set_scores(tx, id, score(7.0), score(0.0))).unwrap();

    // 4 by mistake: the nearest point half a point inside Kill. Then 2: back where it was, not on Implement's edge.
    db.write(|tx| move_idea(tx, id, Zone::Kill, 0)).unwrap();
    assert_eq!(points(&mut db, id), (4.5, 5.5));
    db.write(|tx| move_idea(tx, id, Zone::Implement, 0)).unwrap();
    assert_eq!(points(&mut db, id), (7.0, 0.0));

    // Through two wrong quadrants, a title edited on the way: still its own scores.
    db.write(|tx| move_idea(tx, id, Zone::Kill, 0)).unwrap();
    db.write(|tx| update_idea(tx, id, &edit("Rotate TLS certs", &[])))
        .unwrap();
    db.write(|tx| move_idea(tx, id, Zone::Possible, 0)).unwrap();
    db.write(|tx| move_idea(tx, id, Zone::Implement, 0)).unwrap();
    assert_eq!(points(&mut db, id), (7.0, 0.0));

    // A move that was undone does not count: Kill, Challenge (undone), then Implement.
    db.write(|tx| move_idea(tx, id, Zone::Kill, 0)).unwrap();
    db.write(|tx| move_idea(tx, id, Zone::Challenge, 0)).unwrap();
    db.write(|tx| undo(tx, board, None)).unwrap();
    assert_eq!(points(&mut db, id), (4.5, 5.5));
    db.write(|tx| move_idea(tx, id, Zone::Implement, 0)).unwrap();
    assert_eq!(points(&mut db, id), (7.0, 0.0));

    // Rescored in Kill (its slider): that is where it is meant to be now, so Implement takes the nearest point (half a
    // point inside).
    db.write(|tx| move_idea(tx, id, Zone::Kill, 0)).unwrap();
    db.write(|tx| set_scores(tx, id, score(2.0), score(8.0))).unwrap();
    db.write(|tx| move_idea(tx, id, Zone::Implement, 0)).unwrap();
    assert_eq!(points(&mut db, id), (5.5, 4.5));

    // Dragged across on the chart (rescored into Kill), then moved back by key: the nearest point too.
    db.write(|tx| set_scores(tx, id, score(9.0), score(1.0))).unwrap();
    db.write(|tx| set_scores(tx, id, score(1.0), score(9.0))).unwrap();
    db.write(|tx| move_idea(tx, id, Zone::Implement, 0)).unwrap();
    assert_eq!(points(&mut db, id), (5.5, 4.5));

    // Through the tray and back to Kill: its own scores there, those it had before the key took it to Implement (it
    // came back at the quadrant's middle, P 2.5 · C 7.5).
    db.write(|tx| move_idea(tx, id, Zone::Unsorted, 0)).unwrap();
    db.write(|tx| move_idea(tx, id, Zone::Kill, 0)).unwrap();
    assert_eq!(points(&mut db, id), (1.0, 9.0));
    // And back to Implement the same way.
    db.write(|tx| move_idea(tx, id, Zone::Implement, 0)).unwrap();
    db.write(|tx| move_idea(tx, id, Zone::Unsorted, 0)).unwrap();
    db.write(|tx| move_idea(tx, id, Zone::Implement, 0)).unwrap();
    assert_eq!(points(&mut db, id), (5.5, 4.5));
    // A place from the tray ends what is looked back at: Kill's middle now.
    db.write(|tx| move_idea(tx, id, Zone::Unsorted, 0)).unwrap();
    db.write(|tx| move_idea(tx, id, Zone::Kill, 0)).unwrap();
    assert_eq!(points(&mut db, id), (2.5, 7.5));

    // An idea placed from the tray at a quadrant's middle, sent back and placed elsewhere: the middle there too.
    let fresh = db
        .write(|tx| add_idea(tx, board, "Tune probes", Zone::Unsorted))
        .unwrap()
        .id;
    db.write(|tx| move_idea(tx, fresh, Zone::Kill, 0)).unwrap();
    assert_eq!(points(&mut db, fresh), (2.5, 7.5));
    db.write(|tx| move_idea(tx, fresh, Zone::Unsorted, 0)).unwrap();
    db.write(|tx| move_idea(tx, fresh, Zone::Implement, 0)).unwrap();
    assert_eq!(points(&mut db, fresh), (7.5, 2.5));
    // Deleted and brought back by undo, it is where it was.
    db.write(|tx| delete_idea(tx, fresh)).unwrap();
    db.write(|tx| undo(tx, board, None)).unwrap();
    db.write(|tx| move_idea(tx, fresh, Zone::Unsorted, 0)).unwrap();
    db.write(|tx| move_idea(tx, fresh, Zone::Implement, 0)).unwrap();
    assert_eq!(points(&mut db, fresh), (7.5, 2.5));
}

#[test]
fn threshold_changes_reflow_ideas_and_undo_restores_them() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let idea = db
        .write(|tx| add_idea(tx, board, "Edge", Zone::Unsorted))
        .unwrap();
    db.write(|tx| set_scores(tx, idea.id, score(5.5), score(5.5)))
        .unwrap();
    assert_eq!(
        db.read(|tx| boards::get(tx, board)).unwrap().ideas[0].zone,
        Zone::Challenge
    );
    let b = db
        .write(|tx| set_thresholds(tx, board, Thresholds::new(score(6.0), score(6.0)).unwrap()))
        .unwrap();
    assert_eq!(b.ideas[0].zone, Zone::Possible);
    let b = db.write(|tx| undo(tx, board, None)).unwrap().board;
    assert_eq!(b.ideas[0].zone, Zone::Challenge);
    assert_eq!(
        Quadrant::of(b.ideas[0].position.unwrap(), b.thresholds),
        Quadrant::Challenge
    );
}

#[derive(Debug, Clone)]
enum Op {
    Add(u8, Zone),
    Edit(usize, u8),
    Move(usize, Zone, u32),
    Scores(usize, u8, u8),
    Delete(usize),
    Thresholds(u8, u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<u8>(), any_zone()).prop_map(|(t, z)| Op::Add(t, z)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, t)| Op::Edit(i, t)),
        (any::<usize>(), any_zone(), 0u32..6).prop_map(|(i, z, n)| Op::Move(i, z, n)),
        (any::<usize>(), 0u8..=100, 0u8..=100).prop_map(|(i, p, c)| Op::Scores(i, p, c)),
        any::<usize>().prop_map(Op::Delete),
        (1u8..=100, 1u8..=100).prop_map(|(p, c)| Op::Thresholds(p, c)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any sequence of edits followed by as many undos gives back the original board; as many redos replay it.
    #[test]
    fn undo_gives_back_the_original_and_redo_replays(ops in proptest::collection::vec(op(), 1..30)) {
        let mut db = Db::open_in_memory().unwrap();
        let board = db.write(|tx| boards::create(tx, "Model")).unwrap().id;
        for (i, z) in [Zone::Unsorted, Zone::Implement, Zone::Kill].into_iter().enumerate() {
            db.write(|tx| crate::storage::ideas::add(tx, board, &format!("seed {i}"), z)).unwrap();
        }
        let original = visible(&mut db, board);

        for op in &ops {
            let ids: Vec<i64> = visible(&mut db, board).1.iter().map(|i| i.id).collect();
            let pick = |n: usize| ids.get(n % ids.len().max(1)).copied();
            let result = db.write(|tx| -> crate::error::Result<()> {
                match *op {
                    Op::Add(t, z) => { add_idea(tx, board, &format!("idea {t}"), z)?; }
                    Op::Edit(i, t) => if let Some(id) = pick(i) { update_idea(tx, id, &edit(&format!("edited {t}"), &["a", "b"]))?; },
                    Op::Move(i, z, n) => if let Some(id) = pick(i) { move_idea(tx, id, z, n)?; },
                    Op::Scores(i, p, c) => if let Some(id) = pick(i) {
                        set_scores(tx, id, Score::from_tenths(p.into())?, Score::from_tenths(c.into())?)?;
                    },
                    Op::Delete(i) => if let Some(id) = pick(i) { delete_idea(tx, id)?; },
                    Op::Thresholds(p, c) => {
                        set_thresholds(tx, board, Thresholds::new(Score::from_tenths(p.into())?, Score::from_tenths(c.into())?)?)?;
                    }
                }
                Ok(())
            });
            prop_assert!(result.is_ok(), "{:?} failed: {:?}", op, result);
        }
        let edited = visible(&mut db, board);
        let events = db.read(|tx| history::list(tx, board, None, 1000)).unwrap().len();

        for _ in 0..events {
            prop_assert!(db.write(|tx| undo(tx, board, None)).unwrap().event.is_some());
        }
        prop_assert_eq!(&visible(&mut db, board), &original);
        prop_assert!(db.write(|tx| undo(tx, board, None)).unwrap().event.is_none());

        for _ in 0..events {
            prop_assert!(db.write(|tx| redo(tx, board)).unwrap().event.is_some());
        }
        prop_assert_eq!(&visible(&mut db, board), &edited);
    }
}

#[test]
fn an_edits_answer_carries_the_history_state_and_a_pinned_undo_refuses_to_undo_something_else() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let added = db
        .write(|tx| answer(tx, add_idea(tx, board, "Rotate certs", Zone::Implement)?))
        .unwrap();
    assert!(added.history.can_undo && !added.history.can_redo);
    let deleted = db
        .write(|tx| answer(tx, delete_idea(tx, added.value.id)?))
        .unwrap();
    let delete_event = deleted.history.last_event.unwrap();

    // Another edit after the delete: the toast's Undo (pinned to the delete) must not take that one back.
    db.write(|tx| add_idea(tx, board, "Patch bastion", Zone::Kill))
        .unwrap();
    let refused = db.write(|tx| undo(tx, board, Some(delete_event))).unwrap_err();
    assert_eq!(refused.kind(), crate::error::ErrorKind::Invalid);
    assert_eq!(visible(&mut db, board).1.len(), 1, "nothing was undone");

    // Undone in order, the delete is the latest again and the pinned undo brings the idea back.
    db.write(|tx| undo(tx, board, None)).unwrap();
    let back = db.write(|tx| undo(tx, board, Some(delete_event))).unwrap();
    assert_eq!(back.event.map(|e| e.kind), Some(EventKind::Deleted));
    assert_eq!(back.board.ideas[0].title, "Rotate certs");
    assert!(back.board.can_redo);
}

#[test]
fn a_rename_is_one_event_that_undo_and_the_toast_take_back() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| add_idea(tx, board, "Rotate certs", Zone::Implement))
        .unwrap();
    let renamed = db.write(|tx| rename_board(tx, board, "Platform")).unwrap();
    assert_eq!(renamed.value.name, "Platform");
    assert!(renamed.history.can_undo);
    let event = db.read(|tx| history::list(tx, board, None, 1)).unwrap().remove(0);
    assert_eq!(event.kind, EventKind::Renamed);
    assert_eq!(event.summary.title.as_deref(), Some("Platform"));
    assert_eq!(event.summary.name_before.as_deref(), Some("Infra"));
    assert_eq!(renamed.history.last_event, Some(event.id));

    // The toast's Undo names the rename, and takes back only that.
    let back = db.write(|tx| undo(tx, board, Some(event.id))).unwrap();
    assert_eq!(back.board.name, "Infra");
    assert_eq!(back.event.map(|e| e.kind), Some(EventKind::Renamed));
    assert_eq!(back.board.ideas.len(), 1, "the ideas are untouched");
    let again = db.write(|tx| redo(tx, board)).unwrap();
    assert_eq!(again.board.name, "Platform");

    // Undone after another board took the old name, it comes back as a free name: two boards never share one.
    db.write(|tx| boards::create(tx, "infra")).unwrap();
    let back = db.write(|tx| undo(tx, board, None)).unwrap();
    assert_eq!(back.board.name, "Infra (2)");
}

#[test]
fn a_deleted_board_comes_back_exactly_with_its_ideas_history_channel_and_posts() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let other = db.write(|tx| boards::create(tx, "Other")).unwrap().id;
    let a = db
        .write(|tx| add_idea(tx, board, "Rotate certs", Zone::Unsorted))
        .unwrap();
    db.write(|tx| add_idea(tx, board, "Drop NFS", Zone::Kill))
        .unwrap();
    db.write(|tx| set_scores(tx, a.id, score(7.5), score(2.1)))
        .unwrap();
    db.write(|tx| update_idea(tx, a.id, &edit("Rotate TLS certs", &["security"])))
        .unwrap();
    db.write(|tx| set_thresholds(tx, board, Thresholds::new(score(6.0), score(4.0)).unwrap()))
        .unwrap();
    db.write(|tx| {
        tx.execute(
            "INSERT INTO channel_settings (board_id, webhook_url, channel) VALUES (?1, 'https://mm.example.com/hooks/x', 'ops')",
            [board],
        )?;
        tx.execute(
            "INSERT INTO posts (board_id, status, message, snapshot, created_at, posted_at) VALUES (?1, 'posted', 'hi', '[]', 1, 2)",
            [board],
        )?;
        Ok(())
    })
    .unwrap();
    let before = db.read(|tx| boards::get(tx, board)).unwrap();
    let events_before = db.read(|tx| history::list(tx, board, None, 100)).unwrap();
    let rows = |db: &mut Db| {
        db.read(|tx| {
            Ok(tx.query_row(
                "SELECT (SELECT count(*) FROM channel_settings WHERE board_id = ?1),
                        (SELECT count(*) FROM posts WHERE board_id = ?1)",
                [board],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
            )?)
        })
        .unwrap()
    };

    db.write(|tx| boards::delete(tx, board)).unwrap();
    let names: Vec<String> = db
        .read(boards::list)
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names, ["Other"], "a deleted board is gone from the list");
    assert!(db.read(|tx| boards::get(tx, board)).is_err());
    assert!(db.write(|tx| rename_board(tx, board, "Zombie")).is_err());

    let restored = db.write(|tx| boards::restore(tx, board)).unwrap();
    assert_eq!(restored.name, "Infra");
    let after = db.read(|tx| boards::get(tx, board)).unwrap();
    assert_eq!(
        after.ideas, before.ideas,
        "ideas with their places, ranks and details"
    );
    assert_eq!(after.thresholds, before.thresholds);
    assert_eq!(after.can_undo, before.can_undo);
    assert_eq!(
        db.read(|tx| history::list(tx, board, None, 100)).unwrap(),
        events_before
    );
    assert_eq!(rows(&mut db), (1, 1), "channel settings and posts");
    // And its history still undoes: the thresholds first.
    let back = db.write(|tx| undo(tx, board, None)).unwrap();
    assert_eq!(back.event.map(|e| e.kind), Some(EventKind::Thresholds));

    // Two boards deleted one after the other both come back, the last first.
    db.write(|tx| boards::delete(tx, board)).unwrap();
    db.write(|tx| boards::delete(tx, other)).unwrap();
    db.write(|tx| boards::restore(tx, other)).unwrap();
    db.write(|tx| boards::restore(tx, board)).unwrap();
    assert_eq!(rows(&mut db), (1, 1));

    // A board deleted and kept shows in Deleted boards, the latest deleted first, until its 30 days are up: the next
    // start deletes it for good, and only it.
    db.write(|tx| boards::delete(tx, board)).unwrap();
    db.write(|tx| boards::delete(tx, other)).unwrap();
    let kept = db.read(boards::deleted).unwrap();
    assert_eq!(kept.iter().map(|b| b.id).collect::<Vec<_>>(), [other, board]);
    assert_eq!((kept[1].name.as_str(), kept[1].idea_count), ("Infra", 2));
    db.write(|tx| {
        Ok(tx.execute(
            "UPDATE boards SET deleted_at = deleted_at - ?2 WHERE id = ?1",
            [board, boards::KEPT_DELETED_DAYS * 24 * 60 * 60 * 1000 + 1000],
        )?)
    })
    .unwrap();
    // Past its days and not yet purged (the command line does not purge), it is no longer listed, nor found by name.
    let listed =
        |db: &mut Db| -> Vec<i64> { db.read(boards::deleted).unwrap().iter().map(|b| b.id).collect() };
    assert_eq!(listed(&mut db), [other]);
    assert_eq!(
        db.read(|tx| boards::find_deleted_by_name(tx, "infra")).unwrap(),
        None
    );
    assert_eq!(
        db.read(|tx| boards::find_deleted_by_name(tx, "  OTHER "))
            .unwrap()
            .map(|b| b.id),
        Some(other)
    );
    assert_eq!(db.write(boards::purge_expired).unwrap(), 1);
    assert!(db.write(|tx| boards::restore(tx, board)).is_err());
    assert_eq!(
        rows(&mut db),
        (0, 0),
        "its channel settings and posts went with it"
    );
    assert_eq!(listed(&mut db), [other]);
    db.write(|tx| boards::restore(tx, other)).unwrap();
    assert!(db.read(boards::deleted).unwrap().is_empty());
}

#[test]
fn a_board_deleted_and_its_name_taken_comes_back_under_a_free_name() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| boards::delete(tx, board)).unwrap();
    db.write(|tx| boards::create(tx, "Infra")).unwrap();
    assert_eq!(
        db.write(|tx| boards::restore(tx, board)).unwrap().name,
        "Infra (2)"
    );
}

#[test]
fn a_pasted_list_is_added_in_order_as_one_edit_that_one_undo_takes_back() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| add_idea(tx, board, "Already there", Zone::Implement))
        .unwrap();
    let lines = ["Rotate certs", "Patch bastion", "Drop the VPN"].map(String::from);
    let added = db
        .write(|tx| add_ideas(tx, board, &lines, Zone::Implement))
        .unwrap();
    assert_eq!(
        added.history.last_event,
        Some(2),
        "a toast's Undo takes back the list"
    );
    let after = added.value.board;
    let new: Vec<&str> = added
        .value
        .ids
        .iter()
        .map(|id| after.ideas.iter().find(|i| i.id == *id).unwrap().title.as_str())
        .collect();
    assert_eq!(new, ["Rotate certs", "Patch bastion", "Drop the VPN"]);
    let titles: Vec<&str> = after.ideas.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Already there", "Rotate certs", "Patch bastion", "Drop the VPN"]
    );
    assert!(after.ideas.iter().all(|i| i.zone == Zone::Implement));

    let events = db.read(|tx| history::list(tx, board, None, 10)).unwrap();
    assert_eq!(events.len(), 2, "the list is one event beside the first add");
    assert_eq!(events[0].kind, EventKind::Added);
    assert_eq!(events[0].summary.count, Some(3));
    assert_eq!(events[0].summary.title.as_deref(), Some("Rotate certs"));

    let undone = db.write(|tx| undo(tx, board, None)).unwrap();
    assert_eq!(undone.board.ideas.len(), 1);
    let redone = db.write(|tx| redo(tx, board)).unwrap();
    let titles: Vec<&str> = redone.board.ideas.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Already there", "Rotate certs", "Patch bastion", "Drop the VPN"]
    );
}

#[test]
fn a_pasted_list_with_a_bad_line_or_too_many_lines_adds_nothing_and_says_why() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let lines = ["Fine".to_owned(), "   ".to_owned(), "Also fine".to_owned()];
    let err = db
        .write(|tx| add_ideas(tx, board, &lines, Zone::Kill))
        .unwrap_err();
    assert_eq!(err.to_string(), "Line 2: Give the idea a title.");

    let many: Vec<String> = (0..=MAX_ADDED_AT_ONCE).map(|n| format!("Idea {n}")).collect();
    let err = db
        .write(|tx| add_ideas(tx, board, &many, Zone::Kill))
        .unwrap_err();
    assert!(err.to_string().contains("At most 200 ideas"), "{err}");
    assert!(db.write(|tx| add_ideas(tx, board, &[], Zone::Kill)).is_err());

    let b = db.read(|tx| boards::get(tx, board)).unwrap();
    assert!(b.ideas.is_empty() && !b.can_undo);
}

/// The latest event's changes as the history stores them.
fn latest_changes(db: &mut Db, board: i64) -> String {
    db.read(|tx| {
        Ok(tx.query_row(
            "SELECT changes FROM events WHERE board_id = ?1 ORDER BY id DESC LIMIT 1",
            [board],
            |r| r.get(0),
        )?)
    })
    .unwrap()
}

#[test]
fn a_move_keeps_what_it_changed_in_the_history_not_the_notes_and_undo_and_redo_replay_it() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let idea = db
        .write(|tx| add_idea(tx, board, "Rotate certs", Zone::Unsorted))
        .unwrap();
    let notes = "A line of the write-up, as most are: 40\n"
        .repeat(500)
        .trim_end()
        .to_owned();
    let written = IdeaEdit {
        notes: notes.clone(),
        ..edit("Rotate certs", &["security"])
    };
    db.write(|tx| update_idea(tx, idea.id, &written)).unwrap();
    assert!(
        latest_changes(&mut db, board).contains("write-up"),
        "an edit of the notes keeps them"
    );
    db.write(|tx| set_scores(tx, idea.id, score(8.0), score(2.0)))
        .unwrap();
    let before = visible(&mut db, board);

    db.write(|tx| move_idea(tx, idea.id, Zone::Kill, 0)).unwrap();
    let after = visible(&mut db, board);
    let changes = latest_changes(&mut db, board);
    assert!(
        changes.len() < 500 && !changes.contains("write-up"),
        "a move keeps the columns it changed, not the notes: {changes}"
    );
    assert_ne!(before, after);

    db.write(|tx| undo(tx, board, None)).unwrap();
    assert_eq!(
        visible(&mut db, board),
        before,
        "undo brings back the place, notes untouched"
    );
    db.write(|tx| redo(tx, board)).unwrap();
    assert_eq!(visible(&mut db, board), after);
    // The edit of the notes, taken back under the move, gives back the notes it replaced.
    for _ in 0..3 {
        db.write(|tx| undo(tx, board, None)).unwrap();
    }
    assert_eq!(visible(&mut db, board).1[0].notes, "");
    db.write(|tx| redo(tx, board)).unwrap();
    assert_eq!(visible(&mut db, board).1[0].notes, notes);
}

#[test]
fn an_event_kept_as_whole_rows_before_still_undoes_and_redoes() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let idea = db
        .write(|tx| add_idea(tx, board, "Rotate certs", Zone::Implement))
        .unwrap();
    let row = |db: &mut Db| {
        db.read(|tx| {
            Ok(tx.query_row(
                &format!(
                    "SELECT {} FROM ideas WHERE id = ?1",
                    idea_row::select_columns(None)
                ),
                [idea.id],
                IdeaRow::read,
            )?)
        })
        .unwrap()
    };
    let (row_before, before) = (row(&mut db), visible(&mut db, board));
    db.write(|tx| move_idea(tx, idea.id, Zone::Kill, 0)).unwrap();
    let (row_after, after) = (row(&mut db), visible(&mut db, board));
    // The move's event as the history kept it until now: the row twice, whole.
    let whole = serde_json::to_string(&[history::RowChange::Idea {
        id: idea.id,
        before: Some(Box::new(row_before)),
        after: Some(Box::new(row_after)),
    }])
    .unwrap();
    db.write(|tx| {
        tx.execute(
            "UPDATE events SET changes = ?2 WHERE id = (SELECT max(id) FROM events WHERE board_id = ?1)",
            rusqlite::params![board, whole],
        )?;
        Ok(())
    })
    .unwrap();

    db.write(|tx| undo(tx, board, None)).unwrap();
    assert_eq!(visible(&mut db, board), before);
    db.write(|tx| redo(tx, board)).unwrap();
    assert_eq!(visible(&mut db, board), after);
}

/// The board's events as they would read in a file, with the rows' times left out (the same edit made twice is
/// made at two moments).
fn events_without_times(db: &mut Db, board: i64) -> Vec<(Option<i64>, String, String, serde_json::Value)> {
    db.read(|tx| {
        let mut stmt =
            tx.prepare("SELECT idea_id, kind, summary, changes FROM events WHERE board_id = ?1 ORDER BY id")?;
        let rows = stmt
            .query_map([board], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows
            .into_iter()
            .map(|(idea, kind, summary, changes)| {
                let mut changes: serde_json::Value = serde_json::from_str(&changes).unwrap();
                for change in changes.as_array_mut().unwrap() {
                    for side in ["before", "after"] {
                        if let Some(row) = change.get_mut(side).and_then(|s| s.as_object_mut()) {
                            row.remove("created_at");
                            row.remove("updated_at");
                        }
                    }
                }
                (idea, kind, summary, changes)
            })
            .collect())
    })
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A move and new scores are recorded from the rows the edit worked out, without the change log
    /// (`history::record_update`): their events are the ones the change log gives for the same edits, whatever came
    /// before them, a renumbered board included; and the history's state their answer gives without reading it is the
    /// board's.
    #[test]
    fn a_place_recorded_from_its_rows_is_the_event_the_change_log_records(
        ops in proptest::collection::vec(op(), 1..30),
        crowded in 0usize..3,
    ) {
        let mut direct = Db::open_in_memory().unwrap();
        let mut logged = Db::open_in_memory().unwrap();
        let mut board = 0;
        for db in [&mut direct, &mut logged] {
            board = db.write(|tx| boards::create(tx, "Model")).unwrap().id;
            for (i, z) in [Zone::Unsorted, Zone::Implement, Zone::Kill, Zone::Implement].into_iter().enumerate() {
                db.write(|tx| crate::storage::ideas::add(tx, board, &format!("seed {i}"), z)).unwrap();
            }
        }
        // Moves into the same place until the neighbours' ranks leave no room and the board is renumbered.
        let crowding = (0..crowded * 60).map(|n| Op::Move(n % 2 + 1, Zone::Implement, 1));
        for op in ops.into_iter().chain(crowding) {
            let ids: Vec<i64> = visible(&mut direct, board).1.iter().map(|i| i.id).collect();
            let pick = |n: usize| ids.get(n % ids.len().max(1)).copied();
            for (db, through_the_log) in [(&mut direct, false), (&mut logged, true)] {
                // The history's state a direct answer gives, and the one read after it, when they differ.
                let mut answered_wrong = None;
                let mut check = |tx: &rusqlite::Transaction<'_>, answer: Edited<Idea>| -> crate::error::Result<()> {
                    let read = history::undo_state(tx, board)?;
                    if answer.history != read {
                        answered_wrong = Some((answer.history, read));
                    }
                    Ok(())
                };
                let result = db.write(|tx| -> crate::error::Result<()> {
                    match op.clone() {
                        Op::Add(t, z) => { add_idea(tx, board, &format!("idea {t}"), z)?; }
                        Op::Edit(i, t) => if let Some(id) = pick(i) { update_idea(tx, id, &edit(&format!("edited {t}"), &["a"]))?; },
                        Op::Move(i, z, n) => if let Some(id) = pick(i) {
                            if through_the_log {
                                history::record_about(tx, id, |tx| crate::storage::ideas::move_to(tx, id, z, n))?;
                            } else {
                                check(tx, answer_move(tx, id, z, n)?)?;
                            }
                        },
                        Op::Scores(i, p, c) => if let Some(id) = pick(i) {
                            let (p, c) = (Score::from_tenths(p.into())?, Score::from_tenths(c.into())?);
                            if through_the_log {
                                history::record(tx, |tx| crate::storage::ideas::set_position(tx, id, p, c))?;
                            } else {
                                check(tx, answer_scores(tx, id, p, c)?)?;
                            }
                        },
                        Op::Delete(i) => if let Some(id) = pick(i) { delete_idea(tx, id)?; },
                        Op::Thresholds(p, c) => {
                            set_thresholds(tx, board, Thresholds::new(Score::from_tenths(p.into())?, Score::from_tenths(c.into())?)?)?;
                        }
                    }
                    Ok(())
                });
                prop_assert!(result.is_ok(), "{:?} failed: {:?}", op, result);
                prop_assert_eq!(answered_wrong, None, "{:?} answered a history state other than the board's", op);
            }
        }
        let places = |db: &mut Db| -> Vec<_> {
            visible(db, board).1.into_iter().map(|i| (i.id, i.title, i.position, i.zone, i.rank)).collect()
        };
        prop_assert_eq!(places(&mut direct), places(&mut logged));
        prop_assert_eq!(events_without_times(&mut direct, board), events_without_times(&mut logged, board));
    }
}

/// Moves into the same place halve the gap between two ranks each time, until a rank takes 17 digits to write down.
/// The change log has SQLite write it in JSON; read back a last digit off, undo put the idea on the other side of a
/// neighbour as close (found by the test above, kept in proptest-regressions).
#[test]
fn a_rank_that_sqlite_writes_in_json_reads_back_as_the_same_number() {
    let rank = 2.000_000_000_043_655_7_f64;
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let json: String = conn
        .query_row("SELECT json_object('rank', ?1)", [rank], |r| r.get(0))
        .unwrap();
    let row: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(row["rank"].as_f64(), Some(rank), "{json}");
}

#[test]
fn a_move_that_renumbers_the_board_is_the_moved_ideas_event_and_its_answer_carries_the_board() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    for n in 0..3 {
        db.write(|tx| add_idea(tx, board, &format!("idea {n}"), Zone::Implement))
            .unwrap();
    }
    // The last card into the second place, again and again: each move halves the gap, until the board is renumbered.
    for _ in 0..100 {
        let last = visible(&mut db, board).1[2].clone();
        let answer = db
            .write(|tx| answer_move(tx, last.id, Zone::Implement, 1))
            .unwrap();
        let Some(renumbered) = answer.board else {
            continue;
        };
        let (_, saved) = visible(&mut db, board);
        assert_eq!(renumbered.ideas, saved, "the answer carries the board as saved");
        assert_eq!(saved[1].id, last.id, "the card is where it was dropped");
        let event = db.read(|tx| history::list(tx, board, None, 1)).unwrap().remove(0);
        assert_eq!(event.idea_id, Some(last.id), "the event is the moved card's");
        assert_eq!(event.summary.title.as_deref(), Some(last.title.as_str()));
        db.write(|tx| undo(tx, board, None)).unwrap();
        let (_, undone) = visible(&mut db, board);
        assert_eq!(undone[2].id, last.id, "undo puts it back last");
        return;
    }
    panic!("100 moves into one place never renumbered the board");
}

#[test]
fn an_event_undone_and_cleared_by_a_new_edit_never_lends_its_id_to_the_new_one() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let idea = db
        .write(|tx| add_idea(tx, board, "Rotate certs", Zone::Unsorted))
        .unwrap();
    let moved = db
        .write(|tx| answer(tx, move_idea(tx, idea.id, Zone::Kill, 0)?))
        .unwrap();
    let undone = moved.history.last_event.unwrap();
    db.write(|tx| undo(tx, board, Some(undone))).unwrap();
    let again = db
        .write(|tx| answer(tx, move_idea(tx, idea.id, Zone::Implement, 0)?))
        .unwrap();
    let new = again.history.last_event.unwrap();
    assert!(
        new > undone,
        "the new edit's event {new} after the cleared {undone}"
    );
    // The Undo of a toast that named the cleared event takes back nothing.
    assert!(db.write(|tx| undo(tx, board, Some(undone))).is_err());
    assert!(!again.history.can_redo);
}

#[test]
fn an_ideas_history_has_the_thresholds_moved_since_it_was_added() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| set_thresholds(tx, board, Thresholds::new(score(6.0), score(6.0)).unwrap()))
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let idea = db
        .write(|tx| add_idea(tx, board, "Disk cert audit", Zone::Challenge))
        .unwrap();
    // The lines move: the idea is in Kill now, though nothing of its own changed.
    db.write(|tx| set_thresholds(tx, board, Thresholds::new(score(9.5), score(0.5)).unwrap()))
        .unwrap();
    let timeline = db.read(|tx| history::list(tx, board, Some(idea.id), 50)).unwrap();
    assert_eq!(
        timeline.iter().map(|e| e.kind).collect::<Vec<_>>(),
        [EventKind::Thresholds, EventKind::Added],
        "the change before it was added is not in its history"
    );
    // Another idea's history is its own.
    let other = db
        .write(|tx| add_idea(tx, board, "Later", Zone::Unsorted))
        .unwrap();
    let timeline = db
        .read(|tx| history::list(tx, board, Some(other.id), 50))
        .unwrap();
    assert_eq!(
        timeline.iter().map(|e| e.kind).collect::<Vec<_>>(),
        [EventKind::Added]
    );
}
