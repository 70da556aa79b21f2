-- Boards and their ideas. Scores are whole tenths of a point (0..=100 for 0.0..=10.0), so threshold comparisons are
-- exact. An idea's quadrant is never stored: it follows from its position and its board's thresholds.
CREATE TABLE boards (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    payoff_threshold INTEGER NOT NULL DEFAULT 50 CHECK (payoff_threshold BETWEEN 1 AND 100),
    cost_threshold   INTEGER NOT NULL DEFAULT 50 CHECK (cost_threshold BETWEEN 1 AND 100),
    created_at       INTEGER NOT NULL, -- Unix time, milliseconds
    updated_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE ideas (
    id         INTEGER PRIMARY KEY,
    board_id   INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    title      TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    notes      TEXT    NOT NULL DEFAULT '',
    payoff     INTEGER CHECK (payoff BETWEEN 0 AND 100), -- NULL with cost: unplaced, in the Unsorted tray
    cost       INTEGER CHECK (cost BETWEEN 0 AND 100),
    rank       REAL    NOT NULL, -- orders ideas within a quadrant and within the tray
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((payoff IS NULL) = (cost IS NULL))
) STRICT;

CREATE INDEX ideas_by_board_rank ON ideas (board_id, rank);
