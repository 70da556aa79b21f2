-- A round made ready and posted with no answer back: its post may be in the channel. Started again with the same
-- choices, even after a restart, the same round is looked for there and posted once, never a second one whose first
-- post nobody could reveal. One per board; gone once the round is stored here, or another is started.
CREATE TABLE starting_rounds (
    board_id    INTEGER PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
    asked       TEXT    NOT NULL, -- what the start was asked for (JSON, `rounds::store::StartAsked`)
    record      TEXT    NOT NULL, -- the round's record (JSON, `rounds::record::RoundRecord`)
    private_key BLOB    NOT NULL CHECK (length(private_key) = 32),
    sent_as     TEXT    NOT NULL, -- the id its post was sent as (`pickboard_sent_as`)
    made_at     INTEGER NOT NULL
) STRICT;
