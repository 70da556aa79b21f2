-- Idea ids are never reused (AUTOINCREMENT). Undo can bring a deleted idea back under its old id; with plain rowids
-- an idea added meanwhile, on any board, could have taken that id. The table is rebuilt because SQLite cannot add
-- AUTOINCREMENT to an existing one; the temporary change-capture triggers are created after migrations run.
CREATE TABLE ideas_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id   INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    notes      TEXT    NOT NULL DEFAULT '',
    payoff     INTEGER CHECK (payoff BETWEEN 0 AND 100),
    cost       INTEGER CHECK (cost BETWEEN 0 AND 100),
    rank       REAL    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    owner      TEXT    NOT NULL DEFAULT '',
    link       TEXT    NOT NULL DEFAULT '',
    tags       TEXT    NOT NULL DEFAULT '[]',
    CHECK ((payoff IS NULL) = (cost IS NULL))
) STRICT;

INSERT INTO ideas_new (id, board_id, title, notes, payoff, cost, rank, created_at, updated_at, owner, link, tags)
SELECT id, board_id, title, notes, payoff, cost, rank, created_at, updated_at, owner, link, tags FROM ideas;

-- Ids that only the history remembers (deleted ideas) stay reserved too.
DELETE FROM sqlite_sequence WHERE name = 'ideas_new';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'ideas_new', max(coalesce((SELECT max(id) FROM ideas), 0), coalesce((SELECT max(idea_id) FROM events), 0));

DROP TABLE ideas;
ALTER TABLE ideas_new RENAME TO ideas;
CREATE INDEX ideas_by_board_rank ON ideas (board_id, rank);
