-- Draft ballots become one per person (two accounts of a server on one computer each keep their own), remember the
-- estimates sent last, and a ballot that could not be sent because Mattermost was out of reach waits here and goes
-- out by itself. Drafts kept so far belong to the account connected now.
CREATE TABLE round_drafts_v2 (
    root_post_id   TEXT    NOT NULL,
    server         TEXT    NOT NULL,
    user_id        TEXT    NOT NULL,
    round_id       TEXT    NOT NULL,
    board          TEXT    NOT NULL, -- the round's board name, to list the rounds joined
    estimates      TEXT    NOT NULL, -- JSON, idea key → estimate
    sent_post_id   TEXT,             -- the ballot's post once it went out
    sent_estimates TEXT,             -- the estimates of the ballot sent last (JSON)
    queued         TEXT,             -- estimates sent while Mattermost was out of reach; the worker sends them
    send_error     TEXT,             -- why a queued ballot was given up (Mattermost refused it)
    round_state    TEXT    NOT NULL DEFAULT 'open', -- as last read from the thread; closed rounds leave the list
    updated_at     INTEGER NOT NULL,
    PRIMARY KEY (root_post_id, server, user_id)
) STRICT;

INSERT INTO round_drafts_v2
    (root_post_id, server, user_id, round_id, board, estimates, sent_post_id, sent_estimates, updated_at)
SELECT d.root_post_id, d.server, coalesce((SELECT a.user_id FROM account a WHERE a.server = d.server), ''),
       d.round_id, d.board, d.estimates, d.sent_post_id,
       CASE WHEN d.sent_post_id IS NULL THEN NULL ELSE d.estimates END, d.updated_at
FROM round_drafts d;

DROP TABLE round_drafts;
ALTER TABLE round_drafts_v2 RENAME TO round_drafts;
