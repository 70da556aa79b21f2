-- Idea details (owner, link, tags) and the board's history of edits.
ALTER TABLE ideas ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE ideas ADD COLUMN link TEXT NOT NULL DEFAULT '';
ALTER TABLE ideas ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'; -- a JSON array of strings

-- One row per user action. `changes` holds every row the action touched, before and after, so that the action can
-- be undone and redone exactly; `summary` says what happened, for the timeline. An idea's events outlive the idea
-- (no foreign key to ideas), so that undoing a delete brings its history back too.
CREATE TABLE events (
    id       INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    idea_id  INTEGER, -- the idea the event is about; NULL for changes to the board itself
    kind     TEXT    NOT NULL,
    summary  TEXT    NOT NULL, -- JSON, see history.rs
    changes  TEXT    NOT NULL, -- JSON, see history.rs
    at       INTEGER NOT NULL,
    undone   INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

CREATE INDEX events_by_board ON events (board_id, undone, id);
CREATE INDEX events_by_idea ON events (idea_id, id);
