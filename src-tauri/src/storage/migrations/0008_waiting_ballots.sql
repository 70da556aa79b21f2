-- A ballot that could not be sent because Mattermost was out of reach waits on this computer and goes out by itself:
-- `waiting` is 1 until it is sent; `send_error` says why a waiting ballot was given up (Mattermost refused it).
ALTER TABLE round_drafts ADD COLUMN waiting INTEGER NOT NULL DEFAULT 0;
ALTER TABLE round_drafts ADD COLUMN send_error TEXT;
