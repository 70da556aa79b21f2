-- Posting as the person using Pickboard, through Mattermost's REST API. Who the account is lives here; its access
-- token never does (it is in the operating system's credential store, or in memory for the session).
CREATE TABLE account (
    id           INTEGER PRIMARY KEY CHECK (id = 1), -- one account per data folder
    server       TEXT    NOT NULL, -- https://chat.example.com (http only for loopback)
    user_id      TEXT    NOT NULL,
    username     TEXT    NOT NULL,
    display_name TEXT    NOT NULL DEFAULT '',
    keeping      TEXT    NOT NULL CHECK (keeping IN ('credential-store', 'session'))
) STRICT;

-- A board that posts as the account, to this channel. Without a row, the board posts through its webhook. The
-- channel belongs to the server and user it was picked as: connected as someone else, it must be picked again.
CREATE TABLE account_channels (
    board_id        INTEGER PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
    server          TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    team_id         TEXT    NOT NULL,
    team_name       TEXT    NOT NULL, -- the team's URL name, for permalinks
    channel_id      TEXT    NOT NULL,
    channel_name    TEXT    NOT NULL,
    channel_display TEXT    NOT NULL
) STRICT;

-- Where a post goes is fixed when it is queued, so that changing the settings never redirects a waiting post.
ALTER TABLE posts ADD COLUMN via TEXT NOT NULL DEFAULT 'webhook' CHECK (via IN ('webhook', 'account'));
ALTER TABLE posts ADD COLUMN server TEXT;     -- via the account: the server, the channel and the team's URL name
ALTER TABLE posts ADD COLUMN channel_id TEXT;
ALTER TABLE posts ADD COLUMN team_name TEXT;
ALTER TABLE posts ADD COLUMN user_id TEXT;    -- who posted it, so that only their own posts are updated in place
ALTER TABLE posts ADD COLUMN replaces INTEGER REFERENCES posts (id); -- an earlier post this one updates in place

-- The id Mattermost gave the part's post (via the account); later parts are replies in the first part's thread.
ALTER TABLE post_parts ADD COLUMN remote_id TEXT;
-- Sent as `pending_post_id`: a repeat of a request whose answer was lost returns the post already made (Mattermost
-- remembers it for 30 seconds) instead of making a second one.
ALTER TABLE post_parts ADD COLUMN pending_id TEXT;
