-- Posting to Mattermost: each board's channel settings, and the outbox. A post is written here before anything is
-- sent; each part is tracked on its own, so a part the server accepted is never sent again.
CREATE TABLE channel_settings (
    board_id    INTEGER PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
    webhook_url TEXT    NOT NULL, -- a secret: never shown whole, never logged
    channel     TEXT    NOT NULL DEFAULT '',
    username    TEXT    NOT NULL DEFAULT '',
    icon_url    TEXT    NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE posts (
    id         INTEGER PRIMARY KEY,
    board_id   INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL CHECK (status IN ('pending', 'posted', 'failed', 'discarded')),
    message    TEXT    NOT NULL, -- the whole Markdown, for "Copy as Markdown"
    snapshot   TEXT    NOT NULL, -- JSON: the board's ideas as posted, for "changes since the last post"
    error      TEXT,             -- JSON: the last failure, see mattermost/response.rs
    created_at INTEGER NOT NULL,
    posted_at  INTEGER
) STRICT;

CREATE TABLE post_parts (
    post_id         INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,
    text            TEXT    NOT NULL,
    sent_at         INTEGER, -- set when the server answered ok
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    PRIMARY KEY (post_id, seq)
) STRICT;

CREATE INDEX posts_by_board ON posts (board_id, id);
