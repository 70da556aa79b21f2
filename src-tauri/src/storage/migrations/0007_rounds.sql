-- Team rounds (blind estimation in a Mattermost thread). The facilitator's Pickboard keeps each round it started,
-- with the round's private key: only this key opens the ballots, so a round whose row is lost cannot be revealed.
CREATE TABLE rounds (
    round_id     TEXT    PRIMARY KEY,
    board_id     INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    server       TEXT    NOT NULL,
    team_name    TEXT    NOT NULL, -- for permalinks
    channel_id   TEXT    NOT NULL,
    root_post_id TEXT    NOT NULL UNIQUE,
    private_key  BLOB    NOT NULL CHECK (length(private_key) = 32),
    record       TEXT    NOT NULL, -- the round's record as posted (JSON, `rounds::record::RoundRecord`)
    state        TEXT    NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'revealed', 'closed')),
    revealed     TEXT,             -- the ballots opened at the reveal (JSON); later ballots are not counted
    created_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX rounds_by_board ON rounds (board_id, state);

-- A voter's ballot while it is being filled in, so that they can stop and come back; kept after it is sent.
CREATE TABLE round_drafts (
    root_post_id TEXT    PRIMARY KEY,
    server       TEXT    NOT NULL,
    round_id     TEXT    NOT NULL,
    board        TEXT    NOT NULL, -- the round's board name, to list the rounds joined
    estimates    TEXT    NOT NULL, -- JSON, idea key → estimate
    sent_post_id TEXT,             -- the ballot's post once it went out
    updated_at   INTEGER NOT NULL
) STRICT;

-- The ideas a "settled by team round" event placed, so that each idea's timeline shows it.
CREATE TABLE round_settled (
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    idea_id  INTEGER NOT NULL,
    PRIMARY KEY (event_id, idea_id)
) STRICT;
